<?xml version="1.0" encoding="UTF-8"?>
<!--
  arsbok-html.xsl - the yearbook (årsbok) as one self-contained, accessible
  HTML5 page (WCAG 2.1 AA): the same content, order and wording as the PDF
  (arsbok-layout.xsl).

  Input: the document `vastbus arsbok` builds (urn:vastbus:arsbok-indata:1,
  see src/arsbok/arsbok.h); parameter utskriftsdatum (ISO date).

  Reuse without changing the single report's page: rapport-html.xsl is
  imported unchanged; each chapter is that page's title block and sections
  rendered into a variable and then adjusted (mode "kapitel"): the title
  line and the group's name give way to the chapter heading (h2), every
  heading moves one level down (h2 → h3 …), and every id and the
  references to it (aria-labelledby, href="#…") get a per-chapter prefix so
  the page's ids stay unique. The summary's figures come from
  arsbok-sammanfattning.xsl (shared with the PDF); its charts are shown as
  tables with a drawn bar beside each number (the bar is decoration,
  aria-hidden; the number is text), so a screen reader gets every figure.

  Style: templates/rapport.css (the same embedded CSS as a report's page)
  plus a few yearbook rules below.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:i="urn:vastbus:arsbok-indata:1"
                xmlns:m="urn:vastbus:arsbok:1"
                xmlns:a="urn:vastbus:arsberattelse:1"
                xmlns:s="urn:vastbus:xslt:sammanfattning"
                xmlns:vb="urn:vastbus:xslt:gemensam"
                xmlns:lx="http://xmlsoft.org/XSLT/namespace"
                exclude-result-prefixes="i m a s vb lx">

  <xsl:import href="rapport-html.xsl"/>
  <xsl:include href="arsbok-sammanfattning.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="utskriftsdatum" select="''"/>

  <!-- Yearbook rules on top of rapport.css (colours from its palette). -->
  <xsl:variable name="arsbok-css">
.omslag { margin: 2rem 0 2.5rem; }
.omslag .grupp { font-size: 1.5rem; }
nav.innehall ol { margin: 0 0 1rem; padding-left: 1.5rem; }
nav.innehall ol ol { margin: 0.2rem 0 0.4rem; font-weight: normal; }
nav.innehall > ol > li { font-weight: bold; margin: 0.2rem 0; }
nav.innehall li li { font-weight: normal; }
section.kapitel { margin-top: 3rem; border-top: 3px solid var(--accent); }
section.kapitel > h2 { border-bottom: 0; }
tr.summa th, tr.summa td { font-weight: bold; border-top: 2px solid var(--accent); }
tr.markerad th, tr.markerad td { font-weight: bold; background: #fff3c4; }
figure.diagram { margin: 0 0 1.25rem; }
figcaption { padding: 0 0 0.4rem; color: var(--dampad); }
table.diagram { min-width: 0; }
table.diagram tbody th { width: 34%; }
.stapel { display: inline-block; height: 0.9rem; margin-right: 0.4rem; vertical-align: middle; background: var(--accent); }
/* last year's bar: slate #6f8196, 4.0:1 on white and 2.8:1 against this
   year's #0b3c6e (WCAG 1.4.11), the PDF's colours (doc/husstil.md) */
.stapel.fg { background: #6f8196; }
/* Tables of five columns or more may use up to 72rem at a desktop width,
   centred on the 52rem text column, so that every column of the summary
   (up to "Totalt" and "Avvikelser 2018") shows at 1200 px without
   scrolling; below 60rem they stay in the column, and below 40rem
   rapport.css turns their rows into cards. */
@media (min-width: 60rem) {
  .tabell.bred {
    width: min(72rem, calc(100vw - 3rem));
    margin-left: calc((100% - min(72rem, calc(100vw - 3rem))) / 2);
  }
}
td.datum { white-space: nowrap; }
.stapelrad { display: block; white-space: nowrap; }
.tillbaka { font-size: 0.9rem; }
@media print {
  section.kapitel, #sammanfattning-avsnitt, #forord-avsnitt, nav.innehall { break-before: page; page-break-before: always; }
  .stapel { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .tillbaka { display: none; }
}
  </xsl:variable>

  <xsl:template match="/">
    <xsl:if test="normalize-space($css) = ''">
      <xsl:message terminate="yes">arsbok-html.xsl: stilmallen templates/stil.xml kunde inte läsas (den ska ligga i templates/ bredvid xslt/)</xsl:message>
    </xsl:if>
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <xsl:apply-templates select="*" mode="arsbok"/>
  </xsl:template>

  <xsl:template match="/*" mode="arsbok" priority="-1">
    <xsl:message terminate="yes">arsbok-html.xsl: dokumentet är inget underlag för en årsbok (det görs av vastbus arsbok, namnrymden urn:vastbus:arsbok-indata:1)</xsl:message>
  </xsl:template>

  <xsl:template match="i:arsbok-indata" mode="arsbok">
    <xsl:variable name="m" select="m:arsbok"/>
    <xsl:variable name="ar" select="normalize-space(@ar)"/>
    <xsl:variable name="delregion" select="normalize-space($m/m:delregion)"/>
    <xsl:variable name="kapitel" select="i:grupp[@status = 'inlamnad' or @status = 'sen']"/>
    <xsl:variable name="modell-rtf">
      <xsl:call-template name="sammanfattning-modell"/>
    </xsl:variable>
    <xsl:variable name="modell" select="lx:node-set($modell-rtf)/s:avsnitt"/>
    <xsl:variable name="sidfot">
      <xsl:call-template name="vb:arsbok-sidfot">
        <xsl:with-param name="ar" select="$ar"/>
        <xsl:with-param name="delregion" select="$delregion"/>
      </xsl:call-template>
    </xsl:variable>
    <html lang="sv">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:call-template name="vb:arsbok-titel"><xsl:with-param name="ar" select="$ar"/></xsl:call-template>
          <xsl:text> – </xsl:text>
          <xsl:value-of select="$delregion"/>
        </title>
        <meta name="description">
          <xsl:attribute name="content">
            <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'amne'"/></xsl:call-template>
          </xsl:attribute>
        </meta>
        <style><xsl:value-of select="$css"/><xsl:value-of select="$arsbok-css"/></style>
      </head>
      <body>
        <a class="hoppa" href="#innehall">
          <xsl:call-template name="vb:etikett"><xsl:with-param name="nyckel" select="'till-innehall'"/></xsl:call-template>
        </a>
        <header class="sidhuvud">
          <p><span class="serie"><xsl:value-of select="$sidfot"/></span></p>
        </header>
        <main id="innehall" tabindex="-1">
          <!-- cover -->
          <div class="titelblock omslag">
            <h1><xsl:call-template name="vb:arsbok-titel"><xsl:with-param name="ar" select="$ar"/></xsl:call-template></h1>
            <p class="grupp"><xsl:value-of select="$delregion"/></p>
            <dl class="uppgifter">
              <dt><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'utgivare'"/></xsl:call-template></dt>
              <dd><xsl:value-of select="normalize-space($m/m:utgivare)"/></dd>
              <xsl:if test="normalize-space($utskriftsdatum) != ''">
                <dt><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'utskriven'"/></xsl:call-template></dt>
                <dd><xsl:call-template name="vb:datum"><xsl:with-param name="datum" select="$utskriftsdatum"/></xsl:call-template></dd>
              </xsl:if>
            </dl>
          </div>

          <!-- table of contents -->
          <nav class="innehall" aria-labelledby="innehallsforteckning">
            <h2 id="innehallsforteckning">
              <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'innehall'"/></xsl:call-template>
            </h2>
            <ol>
              <xsl:if test="$m/m:forord">
                <li><a href="#forord">
                  <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'forord'"/></xsl:call-template>
                </a></li>
              </xsl:if>
              <li>
                <a href="#sammanfattning">
                  <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'sammanfattning'"/></xsl:call-template>
                </a>
                <ol>
                  <xsl:for-each select="$modell">
                    <li><a href="#sammanfattning-{@id}">
                      <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="concat('rubrik.', @id)"/></xsl:call-template>
                    </a></li>
                  </xsl:for-each>
                </ol>
              </li>
              <xsl:for-each select="$kapitel">
                <li><a href="#kapitel-{@nr}">
                  <xsl:call-template name="vb:arsbok-kapitelnamn">
                    <xsl:with-param name="kommun" select="@kommun"/>
                    <xsl:with-param name="stadsdel" select="@stadsdel"/>
                    <xsl:with-param name="namn" select="a:arsberattelse/a:grupp/a:namn"/>
                  </xsl:call-template>
                </a></li>
              </xsl:for-each>
            </ol>
          </nav>

          <!-- Förord -->
          <xsl:if test="$m/m:forord">
            <section id="forord-avsnitt" aria-labelledby="forord">
              <h2 id="forord">
                <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'forord'"/></xsl:call-template>
              </h2>
              <xsl:for-each select="$m/m:forord/m:stycke[normalize-space() != '']">
                <p><xsl:value-of select="normalize-space()"/></p>
              </xsl:for-each>
              <p><em><xsl:value-of select="normalize-space($m/m:utgivare)"/></em></p>
            </section>
          </xsl:if>

          <!-- Sammanfattning -->
          <section id="sammanfattning-avsnitt" aria-labelledby="sammanfattning">
            <h2 id="sammanfattning">
              <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'sammanfattning'"/></xsl:call-template>
            </h2>
            <xsl:apply-templates select="$modell" mode="modell"/>
          </section>

          <!-- chapters -->
          <xsl:for-each select="$kapitel">
            <xsl:variable name="prefix" select="concat('kapitel-', @nr, '-')"/>
            <xsl:variable name="innehall-rtf">
              <xsl:for-each select="a:arsberattelse">
                <xsl:call-template name="titelblock"/>
                <xsl:apply-templates select="a:sammansattning"/>
                <xsl:apply-templates select="a:moten"/>
                <xsl:apply-templates select="a:utbildningsinsatser"/>
                <xsl:apply-templates select="a:avvikelser"/>
                <xsl:apply-templates select="a:reflektion"/>
                <xsl:apply-templates select="a:planering"/>
              </xsl:for-each>
            </xsl:variable>
            <section class="kapitel" aria-labelledby="kapitel-{@nr}">
              <h2 id="kapitel-{@nr}">
                <xsl:value-of select="normalize-space(a:arsberattelse/a:grupp/a:namn)"/>
              </h2>
              <xsl:apply-templates select="lx:node-set($innehall-rtf)/node()" mode="kapitel">
                <xsl:with-param name="prefix" select="$prefix"/>
                <xsl:with-param name="sen" select="@status = 'sen'"/>
              </xsl:apply-templates>
              <p class="tillbaka"><a href="#innehallsforteckning">
                <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'till-innehall'"/></xsl:call-template>
              </a></p>
            </section>
          </xsl:for-each>
        </main>
        <footer class="sidfot">
          <p><xsl:value-of select="$sidfot"/>
            <xsl:text> · </xsl:text>
            <xsl:value-of select="normalize-space($m/m:utgivare)"/></p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- ============ a chapter: the report's page, adjusted ============ -->
  <xsl:template match="*" mode="kapitel">
    <xsl:param name="prefix"/>
    <xsl:param name="sen" select="false()"/>
    <xsl:copy>
      <xsl:apply-templates select="@*" mode="kapitel">
        <xsl:with-param name="prefix" select="$prefix"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="node()" mode="kapitel">
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="sen" select="$sen"/>
      </xsl:apply-templates>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="text() | comment()" mode="kapitel">
    <xsl:copy/>
  </xsl:template>

  <xsl:template match="@*" mode="kapitel">
    <xsl:copy/>
  </xsl:template>

  <xsl:template match="@id | @aria-labelledby" mode="kapitel">
    <xsl:param name="prefix"/>
    <xsl:attribute name="{name()}"><xsl:value-of select="concat($prefix, .)"/></xsl:attribute>
  </xsl:template>

  <xsl:template match="@href[starts-with(., '#')]" mode="kapitel">
    <xsl:param name="prefix"/>
    <xsl:attribute name="href"><xsl:value-of select="concat('#', $prefix, substring(., 2))"/></xsl:attribute>
  </xsl:template>

  <!-- Headings one level down: the chapter heading is h2. -->
  <xsl:template match="h2 | h3 | h4" mode="kapitel">
    <xsl:param name="prefix"/>
    <xsl:element name="h{number(substring(name(), 2)) + 1}">
      <xsl:apply-templates select="@*" mode="kapitel">
        <xsl:with-param name="prefix" select="$prefix"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="node()" mode="kapitel">
        <xsl:with-param name="prefix" select="$prefix"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- The title line and the group's name: the chapter heading says it. -->
  <xsl:template match="div[@class = 'titelblock']/h1 | div[@class = 'titelblock']/p[@class = 'grupp']" mode="kapitel"/>

  <xsl:template match="div[@class = 'titelblock']/dl" mode="kapitel">
    <xsl:param name="prefix"/>
    <xsl:param name="sen" select="false()"/>
    <xsl:copy>
      <xsl:apply-templates select="@* | node()" mode="kapitel">
        <xsl:with-param name="prefix" select="$prefix"/>
      </xsl:apply-templates>
    </xsl:copy>
    <xsl:if test="$sen">
      <p><em>
        <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'not.sen'"/></xsl:call-template>
      </em></p>
    </xsl:if>
  </xsl:template>

  <!-- ================ the summary model → HTML ================= -->
  <xsl:template match="s:avsnitt" mode="modell">
    <section aria-labelledby="sammanfattning-{@id}">
      <h3 id="sammanfattning-{@id}">
        <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="concat('rubrik.', @id)"/></xsl:call-template>
      </h3>
      <xsl:apply-templates select="*" mode="modell"/>
    </section>
  </xsl:template>

  <xsl:template match="s:stycke" mode="modell">
    <p><xsl:apply-templates mode="modell"/></p>
  </xsl:template>

  <xsl:template match="s:b" mode="modell">
    <strong><xsl:apply-templates mode="modell"/></strong>
  </xsl:template>

  <xsl:template match="text()" mode="modell">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="s:tabell" mode="modell">
    <!-- Wide tables may scroll sideways: the wrapper is then a named,
         focusable region so keyboard users can scroll it too. -->
    <div class="tabell" role="region" tabindex="0" aria-labelledby="{@id}-rubrik">
      <xsl:if test="count(s:huvud/s:rad[1]/s:cell) &gt;= 5">
        <xsl:attribute name="class">tabell bred</xsl:attribute>
      </xsl:if>
      <table role="table" id="{@id}">
        <caption id="{@id}-rubrik"><xsl:value-of select="@rubrik"/></caption>
        <thead role="rowgroup">
          <xsl:for-each select="s:huvud/s:rad">
            <tr role="row">
              <xsl:for-each select="s:cell">
                <th scope="col" role="columnheader">
                  <xsl:if test="@tal = 'ja'"><xsl:attribute name="class">tal</xsl:attribute></xsl:if>
                  <xsl:value-of select="translate(., '&#173;', '')"/>
                </th>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </thead>
        <tbody role="rowgroup">
          <xsl:for-each select="s:kropp/s:rad">
            <tr role="row">
              <xsl:if test="@summa = 'ja'"><xsl:attribute name="class">summa</xsl:attribute></xsl:if>
              <xsl:if test="@markera = 'ja'"><xsl:attribute name="class">markerad</xsl:attribute></xsl:if>
              <xsl:for-each select="s:cell">
                <xsl:choose>
                  <xsl:when test="position() = 1">
                    <th scope="row" role="rowheader"><xsl:value-of select="."/></th>
                  </xsl:when>
                  <xsl:otherwise>
                    <td role="cell">
                      <xsl:if test="@tal = 'ja'"><xsl:attribute name="class">tal</xsl:attribute></xsl:if>
                      <!-- an ISO date never breaks at its hyphens -->
                      <xsl:if test="string-length(normalize-space()) = 10 and substring(., 5, 1) = '-' and substring(., 8, 1) = '-' and translate(., '0123456789-', '') = ''">
                        <xsl:attribute name="class">datum</xsl:attribute>
                      </xsl:if>
                      <xsl:if test="@etikett != ''">
                        <xsl:attribute name="data-label"><xsl:value-of select="translate(@etikett, '&#173;', '')"/></xsl:attribute>
                      </xsl:if>
                      <xsl:value-of select="."/>
                    </td>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- A bar chart as a table: label, this year's bar and number, last
       year's. Bars are drawn with CSS widths relative to the largest. -->
  <xsl:template match="s:diagram" mode="modell">
    <xsl:variable name="max">
      <xsl:for-each select="s:stapel/@varde | s:stapel/@fg">
        <xsl:sort select="." data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="harfg" select="@fg != ''"/>
    <figure class="diagram" aria-labelledby="{@id}-rubrik">
      <figcaption id="{@id}-rubrik"><strong><xsl:value-of select="@titel"/></strong></figcaption>
      <div class="tabell" role="region" tabindex="0" aria-labelledby="{@id}-rubrik">
      <xsl:if test="count(s:huvud/s:rad[1]/s:cell) &gt;= 5">
        <xsl:attribute name="class">tabell bred</xsl:attribute>
      </xsl:if>
        <table role="table" class="diagram" aria-labelledby="{@id}-rubrik">
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                <xsl:choose>
                  <xsl:when test="@id = 'diagram-kategori'">
                    <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'kol.kategori'"/></xsl:call-template>
                  </xsl:when>
                  <!-- a figure over the years: one bar per year -->
                  <xsl:when test="starts-with(@id, 'diagram-trend')">
                    <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'kol.ar'"/></xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'kol.grupp'"/></xsl:call-template>
                  </xsl:otherwise>
                </xsl:choose>
              </th>
              <th scope="col" role="columnheader">
                <xsl:choose>
                  <xsl:when test="normalize-space(@nu) != ''"><xsl:value-of select="@nu"/></xsl:when>
                  <xsl:otherwise><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'kol.antal'"/></xsl:call-template></xsl:otherwise>
                </xsl:choose>
              </th>
              <xsl:if test="$harfg">
                <th scope="col" role="columnheader"><xsl:value-of select="@fg"/></th>
              </xsl:if>
            </tr>
          </thead>
          <tbody role="rowgroup">
            <xsl:for-each select="s:stapel">
              <tr role="row">
                <th scope="row" role="rowheader"><xsl:value-of select="@etikett"/></th>
                <td role="cell" class="stapelcell" data-label="{../@nu}">
                  <xsl:call-template name="stapel">
                    <xsl:with-param name="varde" select="@varde"/>
                    <xsl:with-param name="max" select="$max"/>
                    <xsl:with-param name="enhet" select="../@enhet"/>
                  </xsl:call-template>
                </td>
                <xsl:if test="$harfg">
                  <td role="cell" class="stapelcell" data-label="{../@fg}">
                    <xsl:choose>
                      <xsl:when test="@fg">
                        <xsl:call-template name="stapel">
                          <xsl:with-param name="varde" select="@fg"/>
                          <xsl:with-param name="max" select="$max"/>
                          <xsl:with-param name="enhet" select="../@enhet"/>
                          <xsl:with-param name="klass" select="'stapel fg'"/>
                        </xsl:call-template>
                      </xsl:when>
                      <xsl:otherwise>
                        <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'ingen-uppgift'"/></xsl:call-template>
                      </xsl:otherwise>
                    </xsl:choose>
                  </td>
                </xsl:if>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </figure>
  </xsl:template>

  <xsl:template name="stapel">
    <xsl:param name="varde"/>
    <xsl:param name="max"/>
    <xsl:param name="enhet"/>
    <xsl:param name="klass" select="'stapel'"/>
    <xsl:variable name="bredd">
      <xsl:choose>
        <xsl:when test="number($max) &gt; 0"><xsl:value-of select="round(number($varde) * 80 div number($max))"/></xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <span class="stapelrad">
      <span class="{$klass}" style="width: {$bredd}%" aria-hidden="true">&#160;</span>
      <xsl:call-template name="vb:tal"><xsl:with-param name="tal" select="$varde"/></xsl:call-template>
      <xsl:if test="$enhet != ''">
        <xsl:text>&#160;</xsl:text>
        <xsl:value-of select="$enhet"/>
      </xsl:if>
    </span>
  </xsl:template>
</xsl:stylesheet>
