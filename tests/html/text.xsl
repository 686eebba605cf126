<?xml version="1.0" encoding="UTF-8"?>
<!-- The text a reader sees: for an HTML page the body (no style), for a
     layout tree the whole document; one space between elements, so that
     cell and paragraph texts never run together. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <!-- a line put before the text, to tell the documents of one run over
       many files apart (lib.sh vb_split) -->
  <xsl:param name="sep"/>
  <xsl:template match="/">
    <xsl:if test="$sep != ''"><xsl:value-of select="$sep"/><xsl:text>&#10;</xsl:text></xsl:if>
    <xsl:choose>
      <xsl:when test="/html/body"><xsl:apply-templates select="/html/body"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="*"><xsl:apply-templates/><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="style|script"/>
  <xsl:template match="text()"><xsl:value-of select="."/></xsl:template>
</xsl:stylesheet>
