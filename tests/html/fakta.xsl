<?xml version="1.0" encoding="UTF-8"?>
<!-- The facts of a report, one per line, taken straight from the XML (not
     from gemensam.xsl): every one must appear in the HTML page and in the
     layout tree (and so in the PDF). Free texts are whitespace-normalised;
     tests/html/lib.sh vb_norm does the same to the page text. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="urn:vastbus:arsberattelse:1">
  <xsl:output method="text" encoding="UTF-8"/>
  <!-- a line put before the facts, to tell the documents of one run over
       many files apart (lib.sh vb_split) -->
  <xsl:param name="sep"/>
  <xsl:template match="/">
    <xsl:if test="$sep != ''"><xsl:value-of select="$sep"/><xsl:text>&#10;</xsl:text></xsl:if>
    <xsl:apply-templates/>
  </xsl:template>
  <xsl:template match="/a:arsberattelse">
    <xsl:for-each select="@ar | a:grupp/* | a:inlamning/@datum
                          | a:inlamning/a:kontaktperson/*
                          | a:sammansattning/a:medlem/a:namn
                          | a:sammansattning/a:medlem/a:funktion
                          | a:sammansattning/a:medlem/a:organisation
                          | a:moten/a:mote/@datum | a:moten/a:mote
                          | a:utbildningsinsatser/a:insats/@datum
                          | a:utbildningsinsatser/a:insats/@deltagare
                          | a:utbildningsinsatser/a:insats/a:titel
                          | a:utbildningsinsatser/a:insats/a:malgrupp
                          | a:utbildningsinsatser/a:insats/a:arrangor
                          | a:utbildningsinsatser/a:insats/a:beskrivning/text()
                          | a:utbildningsinsatser/a:insats/a:beskrivning/a:stycke
                          | a:avvikelser/a:avvikelse/@datum
                          | a:avvikelser/a:avvikelse/a:rapporterande
                          | a:avvikelser/a:avvikelse/a:berord
                          | a:avvikelser/a:avvikelse/a:beskrivning/text()
                          | a:avvikelser/a:avvikelse/a:beskrivning/a:stycke
                          | a:avvikelser/a:avvikelse/a:atgard
                          | a:avvikelser/a:analys/a:stycke
                          | a:reflektion/a:stycke | a:planering/a:stycke">
      <xsl:if test="normalize-space(.) != ''">
        <xsl:value-of select="normalize-space(.)"/>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
