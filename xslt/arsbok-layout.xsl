<?xml version="1.0" encoding="UTF-8"?>
<!--
  arsbok-layout.xsl - the yearbook (årsbok) of one subregion as a layout
  tree (urn:vastbus:layout:1, doc/layout.md) for the PDF typesetter.

  Input: the document `vastbus arsbok` builds (urn:vastbus:arsbok-indata:1,
  described in src/arsbok/arsbok.h): the manifest, then one i:grupp per
  expected group with its status and, when valid, its report. Parameter
  utskriftsdatum: the date of printing (ISO), set by the program from
  SOURCE_DATE_EPOCH or today.

  Follows ../shared/TEMPLATE.md, "The yearbook (PDF)": cover, table of
  contents (toc-entry: true page numbers, each line a link), Förord when
  the manifest has one, "Sammanfattning för delregionen" (figures from
  arsbok-sammanfattning.xsl, shared with the HTML), then one chapter per
  valid report in the manifest's order, each on a new page and laid out as
  the single report: rapport-layout.xsl's "rapport-innehall" with section
  headings one level down and ids prefixed per chapter. Its title line
  ("Årsberättelse 2019" and the group's name) gives way to the chapter
  heading, and its level-3 headings are kept out of the bookmarks so that
  they stay two levels deep (chapter, section): two of rapport-layout.xsl's
  named templates (titelblock, rubrik) are overridden here, so a chapter
  is set in one go, and its output for a single report does not move.

  Bookmarks: level 1 = Förord, Sammanfattning, each chapter; level 2 =
  the summary's parts and each chapter's sections. Running footer
  "Västbus årsberättelser 2019 – Göteborgsregionen" and "Sida N av M".
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="urn:vastbus:layout:1"
                xmlns:l="urn:vastbus:layout:1"
                xmlns:i="urn:vastbus:arsbok-indata:1"
                xmlns:m="urn:vastbus:arsbok:1"
                xmlns:a="urn:vastbus:arsberattelse:1"
                xmlns:s="urn:vastbus:xslt:sammanfattning"
                xmlns:vb="urn:vastbus:xslt:gemensam"
                xmlns:lx="http://xmlsoft.org/XSLT/namespace"
                exclude-result-prefixes="l i m a s vb lx">

  <xsl:import href="rapport-layout.xsl"/>
  <xsl:include href="arsbok-sammanfattning.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="utskriftsdatum" select="''"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="arsbok"/>
  </xsl:template>

  <xsl:template match="/*" mode="arsbok" priority="-1">
    <xsl:message terminate="yes">arsbok-layout.xsl: dokumentet är inget underlag för en årsbok (det görs av vastbus arsbok, namnrymden urn:vastbus:arsbok-indata:1)</xsl:message>
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

    <document lang="sv-SE" keywords="Västbus">
      <xsl:attribute name="title">
        <xsl:call-template name="vb:arsbok-titel"><xsl:with-param name="ar" select="$ar"/></xsl:call-template>
        <xsl:text> – </xsl:text>
        <xsl:value-of select="$delregion"/>
      </xsl:attribute>
      <xsl:attribute name="author"><xsl:value-of select="normalize-space($m/m:utgivare)"/></xsl:attribute>
      <xsl:attribute name="subject">
        <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'amne'"/></xsl:call-template>
      </xsl:attribute>
      <page size="A4" margin-top="20mm" margin-bottom="22mm"
            margin-left="25mm" margin-right="25mm"/>
      <font family="Liberation Sans" size="10.5pt" line-height="1.35"/>
      <!-- the running head names the part a page belongs to: the
           group's own name on its chapter's pages (running-head below) -->
      <header><left><running-head-text/></left></header>
      <footer>
        <left>
          <xsl:call-template name="vb:arsbok-sidfot">
            <xsl:with-param name="ar" select="$ar"/>
            <xsl:with-param name="delregion" select="$delregion"/>
          </xsl:call-template>
        </left>
        <right>
          <xsl:call-template name="vb:etikett"><xsl:with-param name="nyckel" select="'sida'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <page-number/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="vb:etikett"><xsl:with-param name="nyckel" select="'av'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <page-count/>
        </right>
      </footer>
      <body>
        <!-- Page labels: decimal 1…M from the cover on, so the viewer's
             page box, the table of contents and "Sida N av M" (whose M is
             the physical page count) all say the same number. Roman front
             matter would make the footer read "Sida 1 av 62" on the 4th
             sheet of a 62-sheet file. -->
        <page-label style="decimal"/>
        <!-- ======================= cover ======================= -->
        <!-- no header, footer or page number on the cover -->
        <running-head show="none"/>
        <spacer height="55mm"/>
        <title>
          <xsl:call-template name="vb:arsbok-titel"><xsl:with-param name="ar" select="$ar"/></xsl:call-template>
        </title>
        <p size="16pt" weight="bold" space-before="4mm" space-after="14mm">
          <xsl:value-of select="$delregion"/>
        </p>
        <rule/>
        <!-- label and value in two aligned columns, like the HTML's <dl> -->
        <spacer height="3mm"/>
        <table rules="none" widths="22 78">
          <tbody>
            <row>
              <cell header="row"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'utgivare'"/></xsl:call-template></cell>
              <cell><xsl:value-of select="normalize-space($m/m:utgivare)"/></cell>
            </row>
            <xsl:if test="normalize-space($utskriftsdatum) != ''">
              <row>
                <cell header="row"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'utskriven'"/></xsl:call-template></cell>
                <cell><xsl:call-template name="vb:datum"><xsl:with-param name="datum" select="$utskriftsdatum"/></xsl:call-template></cell>
              </row>
            </xsl:if>
          </tbody>
        </table>

        <!-- ================== table of contents ================== -->
        <block break-before="page">
          <running-head>
            <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'innehall'"/></xsl:call-template>
          </running-head>
          <heading level="1" id="innehall" outline="no">
            <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'innehall'"/></xsl:call-template>
          </heading>
          <xsl:if test="$m/m:forord">
            <toc-entry ref="forord" level="1">
              <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'forord'"/></xsl:call-template>
            </toc-entry>
          </xsl:if>
          <toc-entry ref="sammanfattning" level="1">
            <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'sammanfattning'"/></xsl:call-template>
          </toc-entry>
          <xsl:for-each select="$modell">
            <toc-entry ref="sammanfattning-{@id}" level="2">
              <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="concat('rubrik.', @id)"/></xsl:call-template>
            </toc-entry>
          </xsl:for-each>
          <xsl:for-each select="$kapitel">
            <toc-entry ref="kapitel-{@nr}" level="1">
              <xsl:call-template name="vb:arsbok-kapitelnamn">
                <xsl:with-param name="kommun" select="@kommun"/>
                <xsl:with-param name="stadsdel" select="@stadsdel"/>
                <xsl:with-param name="namn" select="a:arsberattelse/a:grupp/a:namn"/>
              </xsl:call-template>
            </toc-entry>
          </xsl:for-each>
        </block>

        <!-- ======================= Förord ======================= -->
        <!-- each part after the contents is a chapter: a Sect in the
             tagged PDF -->
        <xsl:if test="$m/m:forord">
          <block break-before="page" role="chapter">
            <running-head>
              <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'forord'"/></xsl:call-template>
            </running-head>
            <heading level="1" id="forord">
              <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'forord'"/></xsl:call-template>
            </heading>
            <xsl:for-each select="$m/m:forord/m:stycke[normalize-space() != '']">
              <p><xsl:value-of select="normalize-space()"/></p>
            </xsl:for-each>
            <p style="italic" space-before="3mm">
              <xsl:value-of select="normalize-space($m/m:utgivare)"/>
            </p>
          </block>
        </xsl:if>

        <!-- ==================== Sammanfattning ==================== -->
        <block break-before="page" role="chapter">
          <running-head>
            <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'sammanfattning'"/></xsl:call-template>
          </running-head>
          <heading level="1" id="sammanfattning">
            <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'sammanfattning'"/></xsl:call-template>
          </heading>
          <xsl:apply-templates select="$modell" mode="modell"/>
        </block>

        <!-- ====================== chapters ====================== -->
        <xsl:for-each select="$kapitel">
          <block break-before="page" role="chapter">
            <running-head>
              <xsl:value-of select="normalize-space(a:arsberattelse/a:grupp/a:namn)"/>
            </running-head>
            <heading level="1" id="kapitel-{@nr}">
              <xsl:value-of select="normalize-space(a:arsberattelse/a:grupp/a:namn)"/>
            </heading>
            <xsl:for-each select="a:arsberattelse">
              <xsl:call-template name="rapport-innehall">
                <xsl:with-param name="niva" select="2"/>
                <xsl:with-param name="prefix" select="concat('kapitel-', ../@nr, '-')"/>
              </xsl:call-template>
            </xsl:for-each>
          </block>
        </xsl:for-each>
      </body>
    </document>
  </xsl:template>

  <!-- ============ a chapter: the single report, adjusted ============ -->
  <!-- rapport-layout.xsl's templates are used as they are but for these
       two, which take precedence over the imported ones: the chapter is
       set in one go, without a second copy of its tree. -->

  <!-- The title line and the group's name give way to the chapter
       heading; after the facts (their last row is "Kontaktperson"), a
       note when the report came late. Context: the chapter's
       a:arsberattelse, inside its i:grupp. -->
  <xsl:template name="titelblock">
    <keep>
      <xsl:call-template name="uppgifter"/>
      <xsl:if test="../@status = 'sen'">
        <p style="italic" space-before="2pt" space-after="0pt">
          <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'not.sen'"/></xsl:call-template>
        </p>
      </xsl:if>
    </keep>
    <spacer height="4mm"/>
  </xsl:template>

  <!-- Bookmarks stay two levels deep (chapter, section): the chapter's
       sub-headings (level 3) are kept out of them. -->
  <xsl:template name="rubrik">
    <xsl:param name="id"/>
    <xsl:param name="niva"/>
    <xsl:param name="prefix"/>
    <heading>
      <xsl:if test="$niva &gt;= 3">
        <xsl:attribute name="outline">no</xsl:attribute>
      </xsl:if>
      <xsl:attribute name="level"><xsl:value-of select="$niva"/></xsl:attribute>
      <xsl:attribute name="id"><xsl:value-of select="concat($prefix, $id)"/></xsl:attribute>
      <xsl:call-template name="vb:etikett">
        <xsl:with-param name="nyckel" select="concat('rubrik.', $id)"/>
      </xsl:call-template>
    </heading>
  </xsl:template>

  <!-- ================ the summary model → layout ================= -->
  <xsl:template match="s:avsnitt" mode="modell">
    <heading level="2" id="sammanfattning-{@id}">
      <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="concat('rubrik.', @id)"/></xsl:call-template>
    </heading>
    <xsl:apply-templates select="*" mode="modell"/>
  </xsl:template>

  <xsl:template match="s:stycke" mode="modell">
    <p><xsl:apply-templates mode="modell"/></p>
  </xsl:template>

  <xsl:template match="s:b" mode="modell">
    <b><xsl:apply-templates mode="modell"/></b>
  </xsl:template>

  <xsl:template match="s:tabell" mode="modell">
    <table id="{@id}" caption="{@rubrik}">
      <xsl:if test="@bredder">
        <xsl:attribute name="widths"><xsl:value-of select="@bredder"/></xsl:attribute>
      </xsl:if>
      <thead><xsl:apply-templates select="s:huvud/s:rad" mode="modell"/></thead>
      <tbody><xsl:apply-templates select="s:kropp/s:rad" mode="modell"/></tbody>
    </table>
  </xsl:template>

  <xsl:template match="s:rad" mode="modell">
    <row><xsl:apply-templates select="s:cell" mode="modell"/></row>
  </xsl:template>

  <xsl:template match="s:cell" mode="modell">
    <cell>
      <xsl:if test="@tal = 'ja'">
        <xsl:attribute name="align">right</xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="../@summa = 'ja' or ../@markera = 'ja'"><b><xsl:value-of select="."/></b></xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </cell>
  </xsl:template>

  <xsl:template match="s:diagram" mode="modell">
    <chart type="bar" id="{@id}" title="{@titel}" unit="{@enhet}">
      <xsl:if test="@fg != ''">
        <xsl:attribute name="legend-current"><xsl:value-of select="@nu"/></xsl:attribute>
        <xsl:attribute name="legend-previous"><xsl:value-of select="@fg"/></xsl:attribute>
      </xsl:if>
      <xsl:for-each select="s:stapel">
        <bar label="{@etikett}" value="{@varde}">
          <xsl:if test="@fg">
            <xsl:attribute name="previous"><xsl:value-of select="@fg"/></xsl:attribute>
          </xsl:if>
        </bar>
      </xsl:for-each>
    </chart>
  </xsl:template>

  <xsl:template match="text()" mode="modell">
    <xsl:value-of select="."/>
  </xsl:template>
</xsl:stylesheet>
