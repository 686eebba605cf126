<?xml version="1.0" encoding="UTF-8"?>
<!-- Structure checks on an HTML page (parsed with xsltproc -html): prints
     one line per problem, nothing when the page is right. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:variable name="h" select="//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"/>
    <xsl:if test="not($h[1][self::h1])">den första rubriken är ingen h1&#10;</xsl:if>
    <xsl:for-each select="$h[position() &gt; 1]">
      <xsl:variable name="niva" select="number(substring(local-name(), 2))"/>
      <xsl:variable name="forra" select="number(substring(local-name(preceding::*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6][1]), 2))"/>
      <xsl:if test="$niva &gt; $forra + 1">rubriken "<xsl:value-of select="normalize-space()"/>" hoppar från h<xsl:value-of select="$forra"/> till h<xsl:value-of select="$niva"/>&#10;</xsl:if>
      <xsl:if test="normalize-space() = ''">tom rubrik&#10;</xsl:if>
    </xsl:for-each>
    <xsl:for-each select="//table[not(caption[normalize-space() != ''])]">tabell utan caption&#10;</xsl:for-each>
    <xsl:for-each select="//th[not(@scope = 'col' or @scope = 'row')]">th utan scope: "<xsl:value-of select="normalize-space()"/>"&#10;</xsl:for-each>
    <xsl:for-each select="//table[not(thead/tr/th)]">tabell utan rubrikrad&#10;</xsl:for-each>
    <xsl:for-each select="//*[@id]">
      <xsl:if test="count(//*[@id = current()/@id]) &gt; 1 and generate-id() = generate-id(//*[@id = current()/@id][1])">id "<xsl:value-of select="@id"/>" förekommer flera gånger&#10;</xsl:if>
    </xsl:for-each>
    <xsl:for-each select="//a[starts-with(@href, '#')]">
      <xsl:if test="not(//*[@id = substring(current()/@href, 2)])">länken <xsl:value-of select="@href"/> pekar inte på något&#10;</xsl:if>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
