<?xml version="1.0" encoding="UTF-8"?>
<!--
  rapport-layout.xsl - one report (urn:vastbus:arsberattelse:1) as a layout
  tree (urn:vastbus:layout:1, doc/layout.md) for the PDF typesetter.

    xsltproc xslt/rapport-layout.xsl rapport.xml > rapport.layout.xml

  Follows ../shared/TEMPLATE.md: running header and footer, title block,
  the four numbered sections (always), Reflektion and Planering when
  present. All wording comes from gemensam.xsl, shared with the HTML page,
  so the PDF and the HTML say the same thing. Typography (fonts, sizes
  beyond the title line, hyphenation, pagination) is the typesetter's.

  Reuse (the yearbook): the named template "rapport-innehall" emits the
  title block and sections of one report; its parameters set the heading
  level of the sections and a prefix that keeps ids unique per chapter.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="urn:vastbus:layout:1"
                xmlns:a="urn:vastbus:arsberattelse:1"
                xmlns:vb="urn:vastbus:xslt:gemensam"
                exclude-result-prefixes="a vb">

  <xsl:include href="gemensam.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">rapport-layout.xsl: dokumentet är ingen årsberättelse (väntade arsberattelse i namnrymden urn:vastbus:arsberattelse:1)</xsl:message>
  </xsl:template>

  <xsl:template match="a:arsberattelse">
    <xsl:variable name="grupp" select="normalize-space(a:grupp/a:namn)"/>
    <document lang="sv-SE" keywords="Västbus">
      <xsl:attribute name="title">
        <xsl:call-template name="vb:dokumenttitel"/>
      </xsl:attribute>
      <xsl:attribute name="author"><xsl:value-of select="$grupp"/></xsl:attribute>
      <xsl:attribute name="subject">
        <xsl:call-template name="vb:etikett">
          <xsl:with-param name="nyckel" select="'amne'"/>
        </xsl:call-template>
      </xsl:attribute>
      <page size="A4" margin-top="20mm" margin-bottom="22mm"
            margin-left="25mm" margin-right="25mm"/>
      <font family="Liberation Sans" size="10.5pt" line-height="1.35"/>
      <header>
        <left><xsl:value-of select="$vb:sidhuvud"/></left>
        <right><xsl:value-of select="normalize-space(@ar)"/></right>
      </header>
      <footer>
        <left><xsl:value-of select="$grupp"/></left>
        <right>
          <xsl:call-template name="vb:etikett">
            <xsl:with-param name="nyckel" select="'sida'"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <page-number/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="vb:etikett">
            <xsl:with-param name="nyckel" select="'av'"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <page-count/>
        </right>
      </footer>
      <body>
        <xsl:call-template name="rapport-innehall"/>
      </body>
    </document>
  </xsl:template>

  <!-- Title block and sections of the report in context.
       niva: heading level of the numbered sections (1 for a single report,
       2 inside a yearbook chapter); sub-headings get niva + 1.
       prefix: put in front of every id (e.g. "ale-"). -->
  <xsl:template name="rapport-innehall">
    <xsl:param name="niva" select="1"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:call-template name="titelblock"/>
    <xsl:apply-templates select="a:sammansattning | a:moten | a:utbildningsinsatser
                                 | a:avvikelser | a:reflektion | a:planering">
      <xsl:with-param name="niva" select="$niva"/>
      <xsl:with-param name="prefix" select="$prefix"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- ============================ title block ========================= -->
  <xsl:template name="titelblock">
    <keep>
      <title><xsl:call-template name="vb:titel"/></title>
      <p size="13pt" weight="bold" space-after="4pt">
        <xsl:value-of select="normalize-space(a:grupp/a:namn)"/>
      </p>
      <xsl:call-template name="uppgifter"/>
    </keep>
    <spacer height="4mm"/>
  </xsl:template>

  <!-- The title block's facts (a yearbook chapter keeps only these: its
       heading names the group). -->
  <xsl:template name="uppgifter">
    <xsl:variable name="g" select="a:grupp"/>
      <!-- label and value in two aligned columns, like the HTML's <dl>;
           no rules, no fill (doc/husstil.md) -->
      <table rules="none" widths="22 78">
        <tbody>
      <xsl:call-template name="uppgift">
        <xsl:with-param name="nyckel" select="'kommun'"/>
        <xsl:with-param name="varde" select="normalize-space($g/a:kommun)"/>
      </xsl:call-template>
      <xsl:if test="normalize-space($g/a:stadsdel) != ''">
        <xsl:call-template name="uppgift">
          <xsl:with-param name="nyckel" select="'stadsdel'"/>
          <xsl:with-param name="varde" select="normalize-space($g/a:stadsdel)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="uppgift">
        <xsl:with-param name="nyckel" select="'delregion'"/>
        <xsl:with-param name="varde" select="normalize-space($g/a:delregion)"/>
      </xsl:call-template>
      <xsl:call-template name="uppgift">
        <xsl:with-param name="nyckel" select="'till'"/>
        <xsl:with-param name="varde">
          <xsl:call-template name="vb:mottagare">
            <xsl:with-param name="delregion" select="$g/a:delregion"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="uppgift">
        <xsl:with-param name="nyckel" select="'inlamnad'"/>
        <xsl:with-param name="varde">
          <xsl:call-template name="vb:datum">
            <xsl:with-param name="datum" select="a:inlamning/@datum"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="uppgift">
        <xsl:with-param name="nyckel" select="'kontaktperson'"/>
        <xsl:with-param name="varde">
          <xsl:call-template name="vb:kontakt">
            <xsl:with-param name="kontakt" select="a:inlamning/a:kontaktperson"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
        </tbody>
      </table>
  </xsl:template>

  <!-- "Kommun | Ale": one row of the title block. -->
  <xsl:template name="uppgift">
    <xsl:param name="nyckel"/>
    <xsl:param name="varde"/>
    <row>
      <cell header="row">
        <xsl:call-template name="vb:etikett">
          <xsl:with-param name="nyckel" select="$nyckel"/>
        </xsl:call-template>
      </cell>
      <cell><xsl:value-of select="$varde"/></cell>
    </row>
  </xsl:template>

  <!-- ============================ helpers ============================= -->
  <xsl:template name="rubrik">
    <xsl:param name="id"/>
    <xsl:param name="niva"/>
    <xsl:param name="prefix"/>
    <heading level="{$niva}" id="{$prefix}{$id}">
      <xsl:call-template name="vb:etikett">
        <xsl:with-param name="nyckel" select="concat('rubrik.', $id)"/>
      </xsl:call-template>
    </heading>
  </xsl:template>

  <xsl:template name="kolumn">
    <xsl:param name="nyckel"/>
    <xsl:param name="align"/>
    <cell>
      <xsl:if test="$align != ''">
        <xsl:attribute name="align"><xsl:value-of select="$align"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="vb:etikett">
        <xsl:with-param name="nyckel" select="concat('kol.', $nyckel)"/>
      </xsl:call-template>
    </cell>
  </xsl:template>

  <xsl:template name="caption-attribut">
    <xsl:param name="id"/>
    <xsl:attribute name="caption">
      <xsl:call-template name="vb:etikett">
        <xsl:with-param name="nyckel" select="concat('tabell.', $id)"/>
      </xsl:call-template>
    </xsl:attribute>
  </xsl:template>

  <xsl:template name="fritext">
    <xsl:param name="nod" select="."/>
    <!-- Paragraphs in document order: each non-empty stycke, and each
         run of plain text (beskrivning is mixed content). -->
    <xsl:for-each select="$nod/a:stycke[normalize-space() != '']
                          | $nod/text()[normalize-space() != '']">
      <p><xsl:value-of select="normalize-space()"/></p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="celltext">
    <xsl:param name="nod" select="."/>
    <xsl:for-each select="$nod/a:stycke[normalize-space() != '']
                          | $nod/text()[normalize-space() != '']">
      <xsl:if test="position() &gt; 1"><br/></xsl:if>
      <xsl:value-of select="normalize-space()"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="saknas">
    <xsl:call-template name="vb:etikett">
      <xsl:with-param name="nyckel" select="'saknas'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===================== 1. Gruppens sammansättning ================== -->
  <xsl:template match="a:sammansattning">
    <xsl:param name="niva" select="1"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:call-template name="rubrik">
      <xsl:with-param name="id" select="'sammansattning'"/>
      <xsl:with-param name="niva" select="$niva"/>
      <xsl:with-param name="prefix" select="$prefix"/>
    </xsl:call-template>
    <table id="{$prefix}sammansattning-tabell" widths="26 26 34 14">
      <xsl:call-template name="caption-attribut">
        <xsl:with-param name="id" select="'sammansattning'"/>
      </xsl:call-template>
      <thead>
        <row>
          <xsl:call-template name="kolumn"><xsl:with-param name="nyckel" select="'namn'"/></xsl:call-template>
          <xsl:call-template name="kolumn"><xsl:with-param name="nyckel" select="'funktion'"/></xsl:call-template>
          <xsl:call-template name="kolumn"><xsl:with-param name="nyckel" select="'organisation'"/></xsl:call-template>
          <xsl:call-template name="kolumn"><xsl:with-param name="nyckel" select="'huvudman'"/></xsl:call-template>
        </row>
      </thead>
      <tbody>
        <xsl:for-each select="a:medlem">
          <row>
            <cell>
              <xsl:value-of select="normalize-space(a:namn)"/>
              <xsl:call-template name="vb:roll-markering">
                <xsl:with-param name="varde" select="@roll"/>
              </xsl:call-template>
            </cell>
            <cell><xsl:value-of select="normalize-space(a:funktion)"/></cell>
            <cell><xsl:value-of select="normalize-space(a:organisation)"/></cell>
            <cell>
              <xsl:call-template name="vb:huvudman">
                <xsl:with-param name="varde" select="a:huvudman"/>
              </xsl:call-template>
            </cell>
          </row>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <!-- ============================ 2. Antal möten ======================= -->
  <xsl:template match="a:moten">
    <xsl:param name="niva" select="1"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:call-template name="rubrik">
      <xsl:with-param name="id" select="'moten'"/>
      <xsl:with-param name="niva" select="$niva"/>
      <xsl:with-param name="prefix" select="$prefix"/>
    </xsl:call-template>
    <p weight="bold">
      <xsl:call-template name="vb:mening-moten">
        <xsl:with-param name="antal" select="@antal"/>
        <xsl:with-param name="ar" select="normalize-space(../@ar)"/>
      </xsl:call-template>
    </p>
    <xsl:if test="a:mote">
      <p keep-with-next="yes">
        <xsl:call-template name="vb:etikett">
          <xsl:with-param name="nyckel" select="'motesdatum'"/>
        </xsl:call-template>
      </p>
      <list>
        <xsl:for-each select="a:mote">
          <item><xsl:call-template name="vb:mote"/></item>
        </xsl:for-each>
      </list>
    </xsl:if>
  </xsl:template>

  <!-- ======================== 3. Utbildningsinsatser =================== -->
  <xsl:template match="a:utbildningsinsatser">
    <xsl:param name="niva" select="1"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:call-template name="rubrik">
      <xsl:with-param name="id" select="'utbildningsinsatser'"/>
      <xsl:with-param name="niva" select="$niva"/>
      <xsl:with-param name="prefix" select="$prefix"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="a:insats">
        <table id="{$prefix}utbildningsinsatser-tabell" widths="15 45 27 13">
          <xsl:call-template name="caption-attribut">
            <xsl:with-param name="id" select="'utbildningsinsatser'"/>
          </xsl:call-template>
          <thead>
            <row>
              <xsl:call-template name="kolumn"><xsl:with-param name="nyckel" select="'datum'"/></xsl:call-template>
              <xsl:call-template name="kolumn"><xsl:with-param name="nyckel" select="'insats'"/></xsl:call-template>
              <xsl:call-template name="kolumn"><xsl:with-param name="nyckel" select="'malgrupp'"/></xsl:call-template>
              <xsl:call-template name="kolumn">
                <xsl:with-param name="nyckel" select="'deltagare'"/>
                <xsl:with-param name="align" select="'right'"/>
              </xsl:call-template>
            </row>
          </thead>
          <tbody>
            <xsl:for-each select="a:insats">
              <row>
                <cell>
                  <xsl:call-template name="vb:datum">
                    <xsl:with-param name="datum" select="@datum"/>
                  </xsl:call-template>
                </cell>
                <cell>
                  <b><xsl:value-of select="normalize-space(a:titel)"/></b>
                  <xsl:if test="normalize-space(a:beskrivning) != ''">
                    <br/>
                    <xsl:call-template name="celltext">
                      <xsl:with-param name="nod" select="a:beskrivning"/>
                    </xsl:call-template>
                  </xsl:if>
                  <xsl:if test="normalize-space(a:arrangor) != ''">
                    <br/>
                    <xsl:call-template name="vb:etikett">
                      <xsl:with-param name="nyckel" select="'arrangor'"/>
                    </xsl:call-template>
                    <xsl:text>: </xsl:text>
                    <xsl:value-of select="normalize-space(a:arrangor)"/>
                  </xsl:if>
                </cell>
                <cell>
                  <xsl:choose>
                    <xsl:when test="normalize-space(a:malgrupp) != ''">
                      <xsl:value-of select="normalize-space(a:malgrupp)"/>
                    </xsl:when>
                    <xsl:otherwise><xsl:call-template name="saknas"/></xsl:otherwise>
                  </xsl:choose>
                </cell>
                <cell align="right">
                  <xsl:choose>
                    <xsl:when test="normalize-space(@deltagare) != ''">
                      <xsl:call-template name="vb:tal">
                        <xsl:with-param name="tal" select="@deltagare"/>
                      </xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise><xsl:call-template name="saknas"/></xsl:otherwise>
                  </xsl:choose>
                </cell>
              </row>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:when>
      <xsl:otherwise>
        <p>
          <xsl:call-template name="vb:etikett">
            <xsl:with-param name="nyckel" select="'inga-insatser'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================ 4. Avvikelser ======================== -->
  <xsl:template match="a:avvikelser">
    <xsl:param name="niva" select="1"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:call-template name="rubrik">
      <xsl:with-param name="id" select="'avvikelser'"/>
      <xsl:with-param name="niva" select="$niva"/>
      <xsl:with-param name="prefix" select="$prefix"/>
    </xsl:call-template>
    <p weight="bold">
      <xsl:call-template name="vb:mening-avvikelser">
        <xsl:with-param name="antal" select="@antal"/>
      </xsl:call-template>
    </p>
    <xsl:if test="a:avvikelse">
      <table id="{$prefix}avvikelser-tabell" widths="14 23 25 24 14">
        <xsl:call-template name="caption-attribut">
          <xsl:with-param name="id" select="'avvikelser'"/>
        </xsl:call-template>
        <thead>
          <row>
            <xsl:call-template name="kolumn"><xsl:with-param name="nyckel" select="'datum'"/></xsl:call-template>
            <xsl:call-template name="kolumn"><xsl:with-param name="nyckel" select="'kategori'"/></xsl:call-template>
            <xsl:call-template name="kolumn"><xsl:with-param name="nyckel" select="'rapporterande'"/></xsl:call-template>
            <xsl:call-template name="kolumn"><xsl:with-param name="nyckel" select="'berord'"/></xsl:call-template>
            <xsl:call-template name="kolumn"><xsl:with-param name="nyckel" select="'status'"/></xsl:call-template>
          </row>
        </thead>
        <tbody>
          <xsl:for-each select="a:avvikelse">
            <row>
              <cell>
                <xsl:call-template name="vb:datum">
                  <xsl:with-param name="datum" select="@datum"/>
                </xsl:call-template>
              </cell>
              <cell>
                <xsl:call-template name="vb:kategori">
                  <xsl:with-param name="varde" select="@kategori"/>
                  <xsl:with-param name="kort" select="'ja'"/>
                </xsl:call-template>
              </cell>
              <cell>
                <xsl:call-template name="vb:organisation">
                  <xsl:with-param name="nod" select="a:rapporterande"/>
                </xsl:call-template>
              </cell>
              <cell>
                <xsl:call-template name="vb:organisation">
                  <xsl:with-param name="nod" select="a:berord"/>
                </xsl:call-template>
              </cell>
              <cell>
                <xsl:call-template name="vb:status">
                  <xsl:with-param name="varde" select="@status"/>
                </xsl:call-template>
              </cell>
            </row>
          </xsl:for-each>
        </tbody>
      </table>
      <xsl:if test="a:avvikelse[normalize-space(a:beskrivning) != '' or normalize-space(a:atgard) != '' or @systemfel = 'ja']">
        <xsl:call-template name="rubrik">
          <xsl:with-param name="id" select="'avvikelsebeskrivningar'"/>
          <xsl:with-param name="niva" select="$niva + 1"/>
          <xsl:with-param name="prefix" select="$prefix"/>
        </xsl:call-template>
        <xsl:apply-templates select="a:avvikelse">
          <xsl:with-param name="prefix" select="$prefix"/>
        </xsl:apply-templates>
      </xsl:if>
    </xsl:if>
    <xsl:if test="a:analys[normalize-space() != '']">
      <xsl:call-template name="rubrik">
        <xsl:with-param name="id" select="'analys'"/>
        <xsl:with-param name="niva" select="$niva + 1"/>
        <xsl:with-param name="prefix" select="$prefix"/>
      </xsl:call-template>
      <xsl:call-template name="fritext">
        <xsl:with-param name="nod" select="a:analys"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- One deviation's description; same facts and words as the HTML. -->
  <xsl:template match="a:avvikelse">
    <xsl:param name="prefix" select="''"/>
    <xsl:variable name="nr" select="count(preceding-sibling::a:avvikelse) + 1"/>
    <keep>
      <!-- 6 mm before each deviation, 3× the gaps inside one, so that
           12-18 deviations read as items, not as one wall -->
      <p weight="bold" keep-with-next="yes" space-before="6mm" space-after="2pt" id="{$prefix}avvikelse-{$nr}">
        <xsl:call-template name="vb:avvikelse-rubrik">
          <xsl:with-param name="nr" select="$nr"/>
        </xsl:call-template>
      </p>
      <p>
        <b>
          <xsl:call-template name="vb:etikett">
            <xsl:with-param name="nyckel" select="'kol.kategori'"/>
          </xsl:call-template>
          <xsl:text>:</xsl:text>
        </b>
        <xsl:text> </xsl:text>
        <xsl:call-template name="vb:kategori">
          <xsl:with-param name="varde" select="@kategori"/>
        </xsl:call-template>
      </p>
      <xsl:call-template name="fritext">
        <xsl:with-param name="nod" select="a:beskrivning"/>
      </xsl:call-template>
      <xsl:if test="normalize-space(a:atgard) != ''">
        <p>
          <b>
            <xsl:call-template name="vb:etikett">
              <xsl:with-param name="nyckel" select="'atgard'"/>
            </xsl:call-template>
            <xsl:text>:</xsl:text>
          </b>
          <xsl:text> </xsl:text>
          <xsl:value-of select="normalize-space(a:atgard)"/>
        </p>
      </xsl:if>
      <xsl:if test="@systemfel = 'ja'">
        <p style="italic"><xsl:call-template name="vb:mening-systemfel"/></p>
      </xsl:if>
    </keep>
  </xsl:template>

  <!-- ===================== 5. Reflektion, 6. Planering ================= -->
  <xsl:template match="a:reflektion | a:planering">
    <xsl:param name="niva" select="1"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:call-template name="rubrik">
      <xsl:with-param name="id" select="local-name()"/>
      <xsl:with-param name="niva" select="$niva"/>
      <xsl:with-param name="prefix" select="$prefix"/>
    </xsl:call-template>
    <xsl:call-template name="fritext"/>
  </xsl:template>
</xsl:stylesheet>
