<?xml version="1.0" encoding="UTF-8"?>
<!-- Checks a layout tree made by xslt/rapport-layout.xsl against
     ../shared/TEMPLATE.md and the report it came from (absolute path in
     the parameter "rapport"). Prints one line per problem, nothing when
     the tree is right. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:l="urn:vastbus:layout:1"
                xmlns:a="urn:vastbus:arsberattelse:1">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="rapport"/>
  <xsl:variable name="r" select="document($rapport)/a:arsberattelse"/>
  <xsl:variable name="ar" select="normalize-space($r/@ar)"/>
  <xsl:variable name="grupp" select="normalize-space($r/a:grupp/a:namn)"/>

  <xsl:template name="fel">
    <xsl:param name="text"/>
    <xsl:value-of select="$text"/><xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="/">
    <xsl:if test="not($r)">kunde inte läsa rapporten <xsl:value-of select="$rapport"/>&#10;</xsl:if>
    <xsl:variable name="d" select="l:document"/>
    <xsl:if test="not($d)">roten är inte layout:document&#10;</xsl:if>
    <xsl:if test="$d/@title != concat('Årsberättelse ', $ar, ' – ', $grupp)">fel title: "<xsl:value-of select="$d/@title"/>"&#10;</xsl:if>
    <xsl:if test="$d/@author != $grupp">fel author: "<xsl:value-of select="$d/@author"/>"&#10;</xsl:if>
    <xsl:if test="$d/@subject != 'Västbus årsberättelse'">fel subject&#10;</xsl:if>
    <xsl:if test="$d/@lang != 'sv-SE'">fel lang&#10;</xsl:if>
    <xsl:if test="normalize-space($d/l:header/l:left) != 'Västbus – Årsberättelse för lokal Västbusgrupp'">fel sidhuvud till vänster&#10;</xsl:if>
    <xsl:if test="normalize-space($d/l:header/l:right) != $ar">sidhuvudet till höger är inte året&#10;</xsl:if>
    <xsl:if test="normalize-space($d/l:footer/l:left) != $grupp">sidfoten till vänster är inte gruppens namn&#10;</xsl:if>
    <xsl:variable name="hoger" select="$d/l:footer/l:right"/>
    <xsl:if test="not($hoger/l:page-number/following-sibling::l:page-count) or normalize-space($hoger) != 'Sida av'">sidfoten till höger är inte "Sida N av M"&#10;</xsl:if>

    <!-- a table's caption says what it holds; it does not start with its
         section's heading ("3. Utbildningsinsatser" over "Utbildningsinsatser
         under året") -->
    <xsl:for-each select="$d/l:body//l:table[@caption]">
      <xsl:variable name="h" select="normalize-space(preceding::l:heading[@level = '1'][1])"/>
      <xsl:variable name="rubrik">
        <xsl:choose>
          <xsl:when test="contains($h, '. ') and string(number(substring-before($h, '. '))) != 'NaN'"><xsl:value-of select="substring-after($h, '. ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$h"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:if test="$rubrik != '' and starts-with(concat(normalize-space(@caption), ' '), concat($rubrik, ' '))">tabellrubriken "<xsl:value-of select="@caption"/>" upprepar avsnittsrubriken "<xsl:value-of select="$h"/>"&#10;</xsl:if>
    </xsl:for-each>

    <xsl:variable name="b" select="$d/l:body"/>
    <xsl:if test="normalize-space($b/descendant::*[self::l:title or self::l:heading or self::l:p][1][self::l:title]) != concat('Årsberättelse ', $ar)">sidan börjar inte med titeln "Årsberättelse <xsl:value-of select="$ar"/>"&#10;</xsl:if>
    <xsl:call-template name="rad"><xsl:with-param name="text" select="$grupp"/></xsl:call-template>
    <xsl:call-template name="uppgift"><xsl:with-param name="etikett" select="'Kommun'"/><xsl:with-param name="varde" select="normalize-space($r/a:grupp/a:kommun)"/></xsl:call-template>
    <xsl:if test="$r/a:grupp/a:stadsdel">
      <xsl:call-template name="uppgift"><xsl:with-param name="etikett" select="'Stadsdel'"/><xsl:with-param name="varde" select="normalize-space($r/a:grupp/a:stadsdel)"/></xsl:call-template>
    </xsl:if>
    <xsl:call-template name="uppgift"><xsl:with-param name="etikett" select="'Delregion'"/><xsl:with-param name="varde" select="normalize-space($r/a:grupp/a:delregion)"/></xsl:call-template>
    <xsl:call-template name="uppgift"><xsl:with-param name="etikett" select="'Till'"/><xsl:with-param name="varde" select="concat('Delregionala ledningsgruppen för Västbus i ', normalize-space($r/a:grupp/a:delregion))"/></xsl:call-template>
    <xsl:call-template name="uppgift"><xsl:with-param name="etikett" select="'Inlämnad'"/><xsl:with-param name="varde" select="normalize-space($r/a:inlamning/@datum)"/></xsl:call-template>
    <xsl:variable name="kontakt" select="concat(normalize-space($r/a:inlamning/a:kontaktperson/a:namn), ', ', normalize-space($r/a:inlamning/a:kontaktperson/a:epost))"/>
    <xsl:if test="not(//l:body//l:table[@rules = 'none']//l:row[normalize-space(l:cell[1]) = 'Kontaktperson' and starts-with(normalize-space(l:cell[2]), $kontakt)])">saknar raden "Kontaktperson | <xsl:value-of select="$kontakt"/>…" i titelblocket&#10;</xsl:if>

    <!-- Section headings: the four always, 5 and 6 when present, in order,
         level 1, with the ids the bookmarks and links use. -->
    <xsl:variable name="h1" select="$b//l:heading[@level = '1']"/>
    <xsl:variable name="vantat">
      <xsl:text>sammansattning=1. Gruppens sammansättning|moten=2. Antal möten|utbildningsinsatser=3. Utbildningsinsatser|avvikelser=4. Avvikelser|</xsl:text>
      <xsl:if test="$r/a:reflektion">reflektion=5. Reflektion|</xsl:if>
      <xsl:if test="$r/a:planering">planering=6. Planering inför kommande år|</xsl:if>
    </xsl:variable>
    <xsl:variable name="fick">
      <xsl:for-each select="$h1"><xsl:value-of select="concat(@id, '=', normalize-space(), '|')"/></xsl:for-each>
    </xsl:variable>
    <xsl:if test="$fick != $vantat">avsnittsrubrikerna är "<xsl:value-of select="$fick"/>", väntade "<xsl:value-of select="$vantat"/>"&#10;</xsl:if>
    <xsl:if test="$r/a:avvikelser/a:analys and not($b//l:heading[@level = '2'][normalize-space() = 'Analys'][preceding::l:heading[@level = '1'][1]/@id = 'avvikelser'])">rubriken Analys saknas under 4. Avvikelser&#10;</xsl:if>
    <xsl:for-each select="$b//*[@id]">
      <xsl:if test="count($b//*[@id = current()/@id]) &gt; 1 and generate-id() = generate-id($b//*[@id = current()/@id][1])">id "<xsl:value-of select="@id"/>" förekommer flera gånger&#10;</xsl:if>
    </xsl:for-each>

    <!-- Tables and their column headings. -->
    <xsl:call-template name="tabell">
      <xsl:with-param name="id" select="'sammansattning-tabell'"/>
      <xsl:with-param name="kolumner" select="'Namn|Funktion|Organisation|Huvudman|'"/>
      <xsl:with-param name="rader" select="count($r/a:sammansattning/a:medlem)"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="$r/a:utbildningsinsatser/a:insats">
        <xsl:call-template name="tabell">
          <xsl:with-param name="id" select="'utbildningsinsatser-tabell'"/>
          <xsl:with-param name="kolumner" select="'Datum|Insats|Målgrupp|Deltagare|'"/>
          <xsl:with-param name="rader" select="count($r/a:utbildningsinsatser/a:insats)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="rad"><xsl:with-param name="text" select="'Inga utbildningsinsatser under året.'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$r/a:avvikelser/a:avvikelse">
      <xsl:call-template name="tabell">
        <xsl:with-param name="id" select="'avvikelser-tabell'"/>
        <xsl:with-param name="kolumner" select="'Datum|Kategori|Rapporterande|Berörd|Status|'"/>
        <xsl:with-param name="rader" select="count($r/a:avvikelser/a:avvikelse)"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="$b//l:table[l:tbody/l:row/l:cell[normalize-space() = concat(normalize-space($r/a:sammansattning/a:medlem[@roll = 'ordforande']/a:namn), ' (ordförande)')]][1]">
      <xsl:if test="@id != 'sammansattning-tabell'">ordföranden står i fel tabell&#10;</xsl:if>
    </xsl:for-each>
    <xsl:if test="$r/a:sammansattning/a:medlem[@roll = 'ordforande'] and not($b//l:table[@id = 'sammansattning-tabell']//l:cell[normalize-space() = concat(normalize-space($r/a:sammansattning/a:medlem[@roll = 'ordforande']/a:namn), ' (ordförande)')])">ordföranden är inte markerad "(ordförande)"&#10;</xsl:if>
  </xsl:template>

  <!-- A row of the title block (a table without rules): label | value. -->
  <xsl:template name="uppgift">
    <xsl:param name="etikett"/>
    <xsl:param name="varde"/>
    <xsl:if test="not(//l:body//l:table[@rules = 'none']//l:row[normalize-space(l:cell[1]) = $etikett and normalize-space(l:cell[2]) = $varde])">titelblocket saknar raden "<xsl:value-of select="$etikett"/> | <xsl:value-of select="$varde"/>"&#10;</xsl:if>
  </xsl:template>

  <!-- A paragraph of the body with exactly this text. -->
  <xsl:template name="rad">
    <xsl:param name="text"/>
    <xsl:if test="not(//l:body//l:p[normalize-space() = $text])">saknar stycket "<xsl:value-of select="$text"/>"&#10;</xsl:if>
  </xsl:template>

  <xsl:template name="tabell">
    <xsl:param name="id"/>
    <xsl:param name="kolumner"/>
    <xsl:param name="rader"/>
    <xsl:variable name="t" select="//l:table[@id = $id]"/>
    <xsl:choose>
      <xsl:when test="not($t)">tabellen <xsl:value-of select="$id"/> saknas&#10;</xsl:when>
      <xsl:otherwise>
        <xsl:variable name="fick">
          <xsl:for-each select="$t/l:thead/l:row[1]/l:cell"><xsl:value-of select="concat(normalize-space(), '|')"/></xsl:for-each>
        </xsl:variable>
        <xsl:if test="$fick != $kolumner">tabellen <xsl:value-of select="$id"/> har kolumnerna "<xsl:value-of select="$fick"/>", väntade "<xsl:value-of select="$kolumner"/>"&#10;</xsl:if>
        <xsl:if test="count($t/l:tbody/l:row) != $rader">tabellen <xsl:value-of select="$id"/> har <xsl:value-of select="count($t/l:tbody/l:row)"/> rader, väntade <xsl:value-of select="$rader"/>&#10;</xsl:if>
        <xsl:if test="$t/@widths and count($t/l:thead/l:row[1]/l:cell) != string-length(normalize-space($t/@widths)) - string-length(translate(normalize-space($t/@widths), ' ', '')) + 1">tabellen <xsl:value-of select="$id"/>: widths passar inte antalet kolumner&#10;</xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
