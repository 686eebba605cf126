<?xml version="1.0" encoding="UTF-8"?>
<!--
  bench/layout-fo.xsl - a layout tree (urn:vastbus:layout:1, doc/layout.md)
  as XSL-FO, so that `make bench` can set the same content with Apache FOP
  beside vastbus. Only for the benchmark: it maps each layout element to
  its plain FO counterpart (headings, paragraphs, lists, tables with
  repeated header rows, page references, running header and footer) and a
  chart to a small table of its figures; the typography is FOP's own.
  Its input is one layout document or any element holding several (one
  page sequence each, for a book of chapters).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:l="urn:vastbus:layout:1"
    exclude-result-prefixes="l">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <fo:root font-family="Liberation Sans" font-size="10.5pt" line-height="1.35"
             language="sv" hyphenate="true" xml:lang="sv">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="a4" page-width="210mm" page-height="297mm"
            margin-top="12mm" margin-bottom="12mm" margin-left="25mm" margin-right="25mm">
          <fo:region-body margin-top="8mm" margin-bottom="10mm"/>
          <fo:region-before extent="8mm"/>
          <fo:region-after extent="8mm"/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <xsl:apply-templates select="//l:document"/>
    </fo:root>
  </xsl:template>

  <xsl:template match="l:document">
    <fo:page-sequence master-reference="a4">
      <fo:static-content flow-name="xsl-region-before" font-size="8.5pt">
        <xsl:apply-templates select="l:header"/>
      </fo:static-content>
      <fo:static-content flow-name="xsl-region-after" font-size="8.5pt">
        <xsl:apply-templates select="l:footer"/>
      </fo:static-content>
      <fo:flow flow-name="xsl-region-body" text-align="justify">
        <xsl:apply-templates select="l:body/*"/>
        <fo:block id="{generate-id()}"/>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <xsl:template match="l:header | l:footer">
    <fo:block text-align-last="justify">
      <xsl:apply-templates select="l:left/node()"/>
      <fo:leader leader-pattern="space"/>
      <xsl:apply-templates select="l:right/node()"/>
    </fo:block>
  </xsl:template>
  <xsl:template match="l:page-number"><fo:page-number/></xsl:template>
  <xsl:template match="l:page-count">
    <fo:page-number-citation-last ref-id="{generate-id(ancestor::l:document)}"/>
  </xsl:template>
  <xsl:template match="l:running-head-text"/>

  <!-- blocks -->
  <xsl:template match="l:title">
    <fo:block font-size="20pt" font-weight="bold" space-after="6pt">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:apply-templates select="@id" mode="id"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>
  <xsl:template match="l:heading">
    <fo:block font-weight="bold" keep-with-next="always" space-before="10pt" space-after="4pt"
              font-size="{substring('14pt12pt11pt', 4 * @level - 3, 4)}">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:apply-templates select="@id" mode="id"/></xsl:attribute></xsl:if>
      <xsl:if test="@break-before"><xsl:attribute name="break-before">page</xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>
  <xsl:template match="l:p">
    <fo:block space-after="4pt">
      <xsl:if test="@space-after"><xsl:attribute name="space-after"><xsl:value-of select="@space-after"/></xsl:attribute></xsl:if>
      <xsl:if test="@size"><xsl:attribute name="font-size"><xsl:value-of select="@size"/></xsl:attribute></xsl:if>
      <xsl:if test="@weight"><xsl:attribute name="font-weight"><xsl:value-of select="@weight"/></xsl:attribute></xsl:if>
      <xsl:if test="@style"><xsl:attribute name="font-style"><xsl:value-of select="@style"/></xsl:attribute></xsl:if>
      <xsl:if test="@align"><xsl:attribute name="text-align"><xsl:value-of select="@align"/></xsl:attribute></xsl:if>
      <xsl:if test="@space-before"><xsl:attribute name="space-before"><xsl:value-of select="@space-before"/></xsl:attribute></xsl:if>
      <xsl:if test="@keep-with-next = 'yes'"><xsl:attribute name="keep-with-next">always</xsl:attribute></xsl:if>
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:apply-templates select="@id" mode="id"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>
  <xsl:template match="l:list">
    <fo:list-block provisional-distance-between-starts="5mm" space-after="4pt">
      <xsl:for-each select="l:item">
        <fo:list-item>
          <fo:list-item-label end-indent="label-end()"><fo:block>•</fo:block></fo:list-item-label>
          <fo:list-item-body start-indent="body-start()"><fo:block><xsl:apply-templates/></fo:block></fo:list-item-body>
        </fo:list-item>
      </xsl:for-each>
    </fo:list-block>
  </xsl:template>
  <xsl:template match="l:table">
    <fo:table table-layout="fixed" width="100%" space-after="6pt" text-align="left">
      <xsl:call-template name="columns">
        <xsl:with-param name="w" select="normalize-space(@widths)"/>
        <xsl:with-param name="n" select="count((l:thead | l:tbody)/l:row[1]/l:cell)"/>
      </xsl:call-template>
      <xsl:if test="l:thead">
        <fo:table-header font-weight="bold" background-color="#eeeeee">
          <xsl:apply-templates select="l:thead/l:row"/>
        </fo:table-header>
      </xsl:if>
      <fo:table-body><xsl:apply-templates select="l:tbody/l:row"/></fo:table-body>
    </fo:table>
  </xsl:template>
  <xsl:template name="columns">
    <xsl:param name="w"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$w != ''">
        <xsl:variable name="one" select="substring-before(concat($w, ' '), ' ')"/>
        <fo:table-column column-width="proportional-column-width({$one})"/>
        <xsl:call-template name="columns">
          <xsl:with-param name="w" select="substring-after($w, ' ')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$n > 0">
        <fo:table-column column-width="proportional-column-width(1)"/>
        <xsl:call-template name="columns"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="l:row">
    <fo:table-row keep-together.within-page="always" border-bottom="0.4pt solid #999999">
      <xsl:for-each select="l:cell">
        <fo:table-cell padding="2pt">
          <xsl:if test="@colspan"><xsl:attribute name="number-columns-spanned"><xsl:value-of select="@colspan"/></xsl:attribute></xsl:if>
          <fo:block>
            <xsl:if test="@align"><xsl:attribute name="text-align"><xsl:value-of select="@align"/></xsl:attribute></xsl:if>
            <xsl:if test="@header"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
            <xsl:apply-templates/>
          </fo:block>
        </fo:table-cell>
      </xsl:for-each>
    </fo:table-row>
  </xsl:template>
  <xsl:template match="l:keep">
    <fo:block keep-together.within-page="always"><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="l:block">
    <fo:block>
      <xsl:if test="@break-before"><xsl:attribute name="break-before">page</xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </fo:block>
  </xsl:template>
  <xsl:template match="l:page-break"><fo:block break-after="page"/></xsl:template>
  <xsl:template match="l:spacer"><fo:block space-after="{@height}">&#160;</fo:block></xsl:template>
  <xsl:template match="l:rule">
    <fo:block><fo:leader leader-pattern="rule" leader-length="100%" rule-thickness="0.5pt"/></fo:block>
  </xsl:template>
  <xsl:template match="l:toc-entry">
    <fo:block text-align-last="justify" start-indent="{(@level - 1) * 5}mm">
      <fo:basic-link>
        <xsl:attribute name="internal-destination"><xsl:apply-templates select="@ref" mode="id"/></xsl:attribute><xsl:apply-templates/></fo:basic-link>
      <fo:leader leader-pattern="dots"/>
      <fo:page-number-citation>
        <xsl:attribute name="ref-id"><xsl:apply-templates select="@ref" mode="id"/></xsl:attribute>
      </fo:page-number-citation>
    </fo:block>
  </xsl:template>
  <xsl:template match="l:chart">
    <fo:block font-weight="bold" keep-with-next="always"><xsl:value-of select="@title"/></fo:block>
    <fo:table table-layout="fixed" width="100%" space-after="6pt">
      <fo:table-column column-width="proportional-column-width(3)"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <xsl:for-each select="l:bar">
          <fo:table-row>
            <fo:table-cell><fo:block><xsl:value-of select="@label"/></fo:block></fo:table-cell>
            <fo:table-cell><fo:block text-align="right"><xsl:value-of select="@value"/></fo:block></fo:table-cell>
            <fo:table-cell><fo:block text-align="right"><xsl:value-of select="@previous"/></fo:block></fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>
  <xsl:template match="l:page-label | l:running-head"/>

  <!-- inline -->
  <xsl:template match="l:b"><fo:inline font-weight="bold"><xsl:apply-templates/></fo:inline></xsl:template>
  <xsl:template match="l:i"><fo:inline font-style="italic"><xsl:apply-templates/></fo:inline></xsl:template>
  <xsl:template match="l:br"><fo:block/></xsl:template>
  <xsl:template match="l:link">
    <fo:basic-link>
        <xsl:attribute name="internal-destination"><xsl:apply-templates select="@ref" mode="id"/></xsl:attribute><xsl:apply-templates/></fo:basic-link>
  </xsl:template>
  <xsl:template match="l:page-ref"><fo:page-number-citation>
        <xsl:attribute name="ref-id"><xsl:apply-templates select="@ref" mode="id"/></xsl:attribute>
      </fo:page-number-citation></xsl:template>

  <!-- ids and references, unique across the chapters of a book -->
  <xsl:template match="@id | @ref" mode="id">
    <xsl:value-of select="concat(generate-id(ancestor::l:document), '-', .)"/>
  </xsl:template>
</xsl:stylesheet>
