<?xml version="1.0" encoding="UTF-8"?>
<!--
  arsbok-statistik.xsl - the yearbook's figures as CSV for Swedish Excel
  (`vastbus statistik`). Input: the same document as the yearbook
  (urn:vastbus:arsbok-indata:1, src/arsbok/arsbok.h), so the CSV counts
  exactly what the summary counts: only valid reports (status inlamnad or
  sen) have figures; a missing or invalid one has empty figure fields,
  never 0.

  Output (the program prepends the UTF-8 byte order mark): fields
  separated by ';', records ended by CRLF, a field quoted with "…" when it
  holds ; " CR or LF (a " inside doubled), decimals with a comma, whole
  numbers without any thousands separator. A text field that starts with
  = + - @ gets a leading apostrophe, so Excel never runs a report's text
  as a formula. Columns: see the man page (vastbus statistik).

  Parameter avvikelser = 'ja': one row per listed deviation instead of one
  per group and year.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:i="urn:vastbus:arsbok-indata:1"
                xmlns:a="urn:vastbus:arsberattelse:1"
                xmlns:vb="urn:vastbus:xslt:gemensam"
                exclude-result-prefixes="i a vb">

  <xsl:include href="gemensam.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="avvikelser" select="'nej'"/>

  <xsl:decimal-format name="csv" decimal-separator="," grouping-separator="."
                      minus-sign="-" NaN=""/>

  <xsl:variable name="nl" select="'&#13;&#10;'"/>

  <!-- Years oldest first: tidigare (nearest first in the input, so
       reversed), foregaende, this year. -->
  <xsl:template match="/i:arsbok-indata">
    <xsl:choose>
      <xsl:when test="$avvikelser = 'ja'">
        <xsl:call-template name="avv-huvud"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="grupp-huvud"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="i:tidigare | i:foregaende | .">
      <xsl:sort select="@ar" data-type="number"/>
      <xsl:variable name="ar" select="string(@ar)"/>
      <xsl:variable name="delregion">
        <xsl:choose>
          <xsl:when test="@delregion"><xsl:value-of select="@delregion"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(*[local-name() = 'arsbok']/*[local-name() = 'delregion'])"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:for-each select="i:grupp">
        <xsl:choose>
          <xsl:when test="$avvikelser = 'ja'">
            <xsl:for-each select="self::*[@status = 'inlamnad' or @status = 'sen']/a:arsberattelse/a:avvikelser/a:avvikelse">
              <xsl:call-template name="avv-rad">
                <xsl:with-param name="ar" select="$ar"/>
                <xsl:with-param name="delregion" select="$delregion"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="grupp-rad">
              <xsl:with-param name="ar" select="$ar"/>
              <xsl:with-param name="delregion" select="$delregion"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================ fields ============================= -->
  <xsl:template name="text">
    <xsl:param name="v"/>
    <xsl:param name="sista" select="false()"/>
    <xsl:variable name="t">
      <xsl:if test="contains('=+-@', substring($v, 1, 1)) and string-length($v) &gt; 0">'</xsl:if>
      <xsl:value-of select="$v"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($t, ';') or contains($t, '&quot;') or contains($t, '&#10;') or contains($t, '&#13;')">
        <xsl:text>"</xsl:text>
        <xsl:call-template name="dubbla"><xsl:with-param name="s" select="string($t)"/></xsl:call-template>
        <xsl:text>"</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="slut"><xsl:with-param name="sista" select="$sista"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="dubbla">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&quot;')">
        <xsl:value-of select="substring-before($s, '&quot;')"/>
        <xsl:text>""</xsl:text>
        <xsl:call-template name="dubbla"><xsl:with-param name="s" select="substring-after($s, '&quot;')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A whole number, or an empty field when $finns is false. -->
  <xsl:template name="tal">
    <xsl:param name="v"/>
    <xsl:param name="finns" select="true()"/>
    <xsl:param name="sista" select="false()"/>
    <xsl:if test="$finns">
      <xsl:value-of select="format-number($v, '0', 'csv')"/>
    </xsl:if>
    <xsl:call-template name="slut"><xsl:with-param name="sista" select="$sista"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="slut">
    <xsl:param name="sista"/>
    <xsl:choose>
      <xsl:when test="$sista"><xsl:value-of select="$nl"/></xsl:when>
      <xsl:otherwise>;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ========================= one row per group ===================== -->
  <xsl:template name="grupp-huvud">
    <xsl:text>År;Delregion;Kommun;Stadsdel;Grupp;Status;Inlämnad;Möten;Utbildningsinsatser;Deltagare;Insatser med antal deltagare;Deltagare per insats;Avvikelser;Riktlinjerna följs inte;Insats genomförs inte;Parterna är oeniga;Övrigt;Bara antal (ingen kategori);Löst lokalt;Skickad delregionalt;Pågående;Möjliga systemfel</xsl:text>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template name="grupp-rad">
    <xsl:param name="ar"/>
    <xsl:param name="delregion"/>
    <xsl:variable name="r" select="self::*[@status = 'inlamnad' or @status = 'sen']/a:arsberattelse"/>
    <xsl:variable name="ok" select="boolean($r)"/>
    <xsl:variable name="avv" select="$r/a:avvikelser/a:avvikelse"/>
    <xsl:variable name="ins" select="$r/a:utbildningsinsatser/a:insats"/>
    <xsl:call-template name="text"><xsl:with-param name="v" select="$ar"/></xsl:call-template>
    <xsl:call-template name="text"><xsl:with-param name="v" select="$delregion"/></xsl:call-template>
    <xsl:call-template name="text"><xsl:with-param name="v" select="string(@kommun)"/></xsl:call-template>
    <xsl:call-template name="text"><xsl:with-param name="v" select="string(@stadsdel)"/></xsl:call-template>
    <xsl:call-template name="text">
      <xsl:with-param name="v">
        <xsl:call-template name="vb:arsbok-grupp">
          <xsl:with-param name="kommun" select="@kommun"/>
          <xsl:with-param name="stadsdel" select="@stadsdel"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="text">
      <xsl:with-param name="v">
        <xsl:call-template name="vb:arsbok-status"><xsl:with-param name="varde" select="@status"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="text"><xsl:with-param name="v" select="string(@inlamnad)"/></xsl:call-template>
    <xsl:call-template name="tal"><xsl:with-param name="v" select="sum($r/a:moten/@antal)"/><xsl:with-param name="finns" select="$ok"/></xsl:call-template>
    <xsl:call-template name="tal"><xsl:with-param name="v" select="count($ins)"/><xsl:with-param name="finns" select="$ok"/></xsl:call-template>
    <xsl:call-template name="tal"><xsl:with-param name="v" select="sum($ins/@deltagare)"/><xsl:with-param name="finns" select="$ok"/></xsl:call-template>
    <xsl:call-template name="tal"><xsl:with-param name="v" select="count($ins[@deltagare])"/><xsl:with-param name="finns" select="$ok"/></xsl:call-template>
    <!-- participants per effort, over the efforts that give a count -->
    <xsl:if test="$ok and count($ins[@deltagare]) &gt; 0">
      <xsl:value-of select="format-number(sum($ins/@deltagare) div count($ins[@deltagare]), '0,0', 'csv')"/>
    </xsl:if>
    <xsl:text>;</xsl:text>
    <xsl:call-template name="tal"><xsl:with-param name="v" select="sum($r/a:avvikelser/@antal)"/><xsl:with-param name="finns" select="$ok"/></xsl:call-template>
    <xsl:call-template name="tal"><xsl:with-param name="v" select="count($avv[@kategori = 'riktlinjer-foljs-ej'])"/><xsl:with-param name="finns" select="$ok"/></xsl:call-template>
    <xsl:call-template name="tal"><xsl:with-param name="v" select="count($avv[@kategori = 'insats-ej-utford'])"/><xsl:with-param name="finns" select="$ok"/></xsl:call-template>
    <xsl:call-template name="tal"><xsl:with-param name="v" select="count($avv[@kategori = 'oenighet'])"/><xsl:with-param name="finns" select="$ok"/></xsl:call-template>
    <xsl:call-template name="tal"><xsl:with-param name="v" select="count($avv[@kategori = 'ovrigt'])"/><xsl:with-param name="finns" select="$ok"/></xsl:call-template>
    <xsl:call-template name="tal"><xsl:with-param name="v" select="sum($r/a:avvikelser/@antal) - count($avv)"/><xsl:with-param name="finns" select="$ok"/></xsl:call-template>
    <xsl:call-template name="tal"><xsl:with-param name="v" select="count($avv[@status = 'lost-lokalt'])"/><xsl:with-param name="finns" select="$ok"/></xsl:call-template>
    <xsl:call-template name="tal"><xsl:with-param name="v" select="count($avv[@status = 'skickad-delregionalt'])"/><xsl:with-param name="finns" select="$ok"/></xsl:call-template>
    <xsl:call-template name="tal"><xsl:with-param name="v" select="count($avv[@status = 'pagaende'])"/><xsl:with-param name="finns" select="$ok"/></xsl:call-template>
    <xsl:call-template name="tal"><xsl:with-param name="v" select="count($avv[@systemfel = 'ja'])"/><xsl:with-param name="finns" select="$ok"/><xsl:with-param name="sista" select="true()"/></xsl:call-template>
  </xsl:template>

  <!-- ======================= one row per deviation =================== -->
  <xsl:template name="avv-huvud">
    <xsl:text>År;Delregion;Kommun;Stadsdel;Grupp;Datum;Kategori;Status;Systemfel;Rapporterande verksamhet;Rapporterande organisation;Berörd verksamhet;Berörd organisation</xsl:text>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template name="avv-rad">
    <xsl:param name="ar"/>
    <xsl:param name="delregion"/>
    <xsl:variable name="g" select="ancestor::i:grupp"/>
    <xsl:call-template name="text"><xsl:with-param name="v" select="$ar"/></xsl:call-template>
    <xsl:call-template name="text"><xsl:with-param name="v" select="$delregion"/></xsl:call-template>
    <xsl:call-template name="text"><xsl:with-param name="v" select="string($g/@kommun)"/></xsl:call-template>
    <xsl:call-template name="text"><xsl:with-param name="v" select="string($g/@stadsdel)"/></xsl:call-template>
    <xsl:call-template name="text">
      <xsl:with-param name="v">
        <xsl:call-template name="vb:arsbok-grupp">
          <xsl:with-param name="kommun" select="$g/@kommun"/>
          <xsl:with-param name="stadsdel" select="$g/@stadsdel"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="text"><xsl:with-param name="v" select="string(@datum)"/></xsl:call-template>
    <xsl:call-template name="text">
      <xsl:with-param name="v"><xsl:call-template name="vb:kategori"><xsl:with-param name="varde" select="@kategori"/><xsl:with-param name="kort" select="'ja'"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="text">
      <xsl:with-param name="v"><xsl:call-template name="vb:status"><xsl:with-param name="varde" select="@status"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="text">
      <xsl:with-param name="v"><xsl:choose><xsl:when test="@systemfel = 'ja'">ja</xsl:when><xsl:otherwise>nej</xsl:otherwise></xsl:choose></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="text">
      <xsl:with-param name="v"><xsl:call-template name="vb:verksamhet"><xsl:with-param name="varde" select="a:rapporterande/@verksamhet"/><xsl:with-param name="kort" select="'ja'"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="text"><xsl:with-param name="v" select="normalize-space(a:rapporterande)"/></xsl:call-template>
    <xsl:call-template name="text">
      <xsl:with-param name="v"><xsl:call-template name="vb:verksamhet"><xsl:with-param name="varde" select="a:berord/@verksamhet"/><xsl:with-param name="kort" select="'ja'"/></xsl:call-template></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="text"><xsl:with-param name="v" select="normalize-space(a:berord)"/><xsl:with-param name="sista" select="true()"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
