<?xml version="1.0" encoding="UTF-8"?>
<!--
  arsbok-sammanfattning.xsl - the figures of the yearbook's summary
  ("Sammanfattning för delregionen"), computed ONCE for both outputs.

  Included by arsbok-layout.xsl (PDF) and arsbok-html.xsl (HTML), which
  also bring in gemensam.xsl (all wording). The named template
  "sammanfattning-modell", called on the input document of
  `vastbus arsbok` (urn:vastbus:arsbok-indata:1, see src/arsbok/arsbok.h),
  returns a small neutral model that each output only maps to its own
  markup, so the PDF and the HTML cannot disagree on a number:

    s:avsnitt id= rubrik=        a sub-section of the summary
      s:stycke                   a paragraph (inline s:b for bold)
      s:tabell id= rubrik= bredder=   caption, relative widths (PDF)
        s:huvud/s:rad/s:cell [tal="ja"]
        s:kropp/s:rad [summa="ja"]/s:cell [tal="ja"] [etikett=column head]
                                 the first cell of a body row is its header
      s:diagram id= titel= enhet= nu= fg=   bar chart; s:stapel etikett=
                                 varde= [fg=] (fg: last year, when known)

  Which reports count: only those with status inlamnad or sen (valid). A
  previous year (i:foregaende) puts its figure beside each of this year's:
  an extra column in the tables, a second bar in the charts.

  libxslt's own node-set() (namespace http://xmlsoft.org/XSLT/namespace)
  turns the model into nodes; it is built into libxslt and xsltproc.
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

  <xsl:key name="fg-grupp" match="i:foregaende/i:grupp"
           use="concat(@kommun, '|', @stadsdel)"/>

  <!-- The closed lists, in FORMAT.md order, as nodes to iterate over. -->
  <xsl:variable name="s:listor-rtf">
    <kategori>riktlinjer-foljs-ej</kategori>
    <kategori>insats-ej-utford</kategori>
    <kategori>oenighet</kategori>
    <kategori>ovrigt</kategori>
    <status>lost-lokalt</status>
    <status>skickad-delregionalt</status>
    <status>pagaende</status>
    <verksamhet>socialtjanst</verksamhet>
    <verksamhet>skola</verksamhet>
    <verksamhet>elevhalsa</verksamhet>
    <verksamhet>forskola</verksamhet>
    <verksamhet>primarvard</verksamhet>
    <verksamhet>bup</verksamhet>
    <verksamhet>habilitering</verksamhet>
    <verksamhet>ungdomsmottagning</verksamhet>
    <verksamhet>polis</verksamhet>
    <verksamhet>fritid</verksamhet>
    <verksamhet>ovrig</verksamhet>
  </xsl:variable>
  <xsl:variable name="s:listor" select="lx:node-set($s:listor-rtf)/*"/>

  <!-- ============================ helpers ============================= -->
  <xsl:template name="s:tal">
    <xsl:param name="tal"/>
    <xsl:call-template name="vb:tal">
      <xsl:with-param name="tal" select="$tal"/>
    </xsl:call-template>
  </xsl:template>

  <!-- "(2018: 95)" after a figure, when there is a previous year. -->
  <xsl:template name="s:fg-parentes">
    <xsl:param name="fgar"/>
    <xsl:param name="tal"/>
    <xsl:if test="$fgar != ''">
      <xsl:text> (</xsl:text>
      <xsl:value-of select="$fgar"/>
      <xsl:text>: </xsl:text>
      <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="$tal"/></xsl:call-template>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="s:kol">
    <xsl:param name="nyckel"/>
    <xsl:param name="text"/>
    <xsl:param name="tal" select="'ja'"/>
    <s:cell tal="{$tal}">
      <xsl:choose>
        <xsl:when test="$nyckel != ''">
          <xsl:call-template name="vb:arsbok-etikett">
            <xsl:with-param name="nyckel" select="$nyckel"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
      </xsl:choose>
    </s:cell>
  </xsl:template>

  <!-- A body cell with a number (or "–" when $finns is false). -->
  <xsl:template name="s:talcell">
    <xsl:param name="tal"/>
    <xsl:param name="etikett"/>
    <xsl:param name="finns" select="true()"/>
    <s:cell tal="ja" etikett="{$etikett}">
      <xsl:choose>
        <xsl:when test="$finns">
          <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="$tal"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="vb:arsbok-etikett">
            <xsl:with-param name="nyckel" select="'ingen-uppgift'"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </s:cell>
  </xsl:template>

  <xsl:template name="s:gruppnamn">
    <xsl:param name="g" select="."/>
    <xsl:call-template name="vb:arsbok-grupp">
      <xsl:with-param name="kommun" select="$g/@kommun"/>
      <xsl:with-param name="stadsdel" select="$g/@stadsdel"/>
    </xsl:call-template>
  </xsl:template>

  <!-- "Ale, Göteborg, Angered och Tjörn" for the groups in $grupper. -->
  <xsl:template name="s:uppraknade">
    <xsl:param name="grupper"/>
    <xsl:param name="datum" select="false()"/>
    <xsl:for-each select="$grupper">
      <xsl:if test="position() &gt; 1">
        <xsl:choose>
          <xsl:when test="position() = last()"> och </xsl:when>
          <xsl:otherwise>; </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:call-template name="s:gruppnamn"/>
      <xsl:if test="$datum and @inlamnad">
        <xsl:text> (</xsl:text>
        <xsl:value-of select="@inlamnad"/>
        <xsl:text>)</xsl:text>
      </xsl:if>
      <xsl:if test="@status = 'ogiltig' and @fel">
        <xsl:text> (</xsl:text>
        <xsl:value-of select="@fel"/>
        <xsl:text> </xsl:text>
        <xsl:call-template name="vb:arsbok-etikett">
          <xsl:with-param name="nyckel" select="'fel'"/>
        </xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================ the model =========================== -->
  <xsl:template name="sammanfattning-modell">
    <xsl:param name="in" select="/i:arsbok-indata"/>
    <xsl:variable name="ar" select="string($in/@ar)"/>
    <xsl:variable name="fg" select="$in/i:foregaende"/>
    <xsl:variable name="fgar" select="string($fg/@ar)"/>
    <xsl:variable name="grupper" select="$in/i:grupp"/>
    <xsl:variable name="giltiga" select="$grupper[@status = 'inlamnad' or @status = 'sen']"/>
    <xsl:variable name="r" select="$giltiga/a:arsberattelse"/>
    <xsl:variable name="fgr" select="$fg/i:grupp[@status = 'inlamnad' or @status = 'sen']/a:arsberattelse"/>

    <!-- ===== 1. Inlämnade årsberättelser ===== -->
    <s:avsnitt id="inlamning">
      <s:stycke>
        <s:b>
          <xsl:value-of select="count($giltiga)"/>
          <xsl:text> av </xsl:text>
          <xsl:value-of select="count($grupper)"/>
          <xsl:text> förväntade årsberättelser</xsl:text>
        </s:b>
        <xsl:text> har kommit in och är med i årsboken</xsl:text>
        <xsl:if test="$fg">
          <xsl:text> (</xsl:text>
          <xsl:value-of select="$fgar"/>
          <xsl:text>: </xsl:text>
          <xsl:value-of select="count($fg/i:grupp[@status = 'inlamnad' or @status = 'sen'])"/>
          <xsl:text> av </xsl:text>
          <xsl:value-of select="count($fg/i:grupp)"/>
          <xsl:text>)</xsl:text>
        </xsl:if>
        <xsl:text>. Siffrorna i sammanfattningen bygger på dem.</xsl:text>
      </s:stycke>
        <xsl:call-template name="s:statuslista">
          <xsl:with-param name="nyckel" select="'lista.saknas'"/>
          <xsl:with-param name="grupper" select="$grupper[@status = 'saknas']"/>
        </xsl:call-template>
        <xsl:call-template name="s:statuslista">
          <xsl:with-param name="nyckel" select="'lista.sen'"/>
          <xsl:with-param name="grupper" select="$grupper[@status = 'sen']"/>
          <xsl:with-param name="datum" select="true()"/>
        </xsl:call-template>
        <xsl:if test="$grupper[@status = 'ogiltig']">
          <xsl:call-template name="s:statuslista">
            <xsl:with-param name="nyckel" select="'lista.ogiltig'"/>
            <xsl:with-param name="grupper" select="$grupper[@status = 'ogiltig']"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$in/i:okand">
          <s:stycke>
            <s:b><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'lista.okand'"/></xsl:call-template><xsl:text>:</xsl:text></s:b>
            <xsl:for-each select="$in/i:okand">
              <xsl:choose>
                <xsl:when test="position() = 1"><xsl:text> </xsl:text></xsl:when>
                <xsl:otherwise><xsl:text>; </xsl:text></xsl:otherwise>
              </xsl:choose>
              <xsl:value-of select="@fil"/>
              <xsl:text> (</xsl:text>
              <xsl:value-of select="@orsak"/>
              <xsl:text>)</xsl:text>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </s:stycke>
        </xsl:if>
      <s:tabell id="tabell-inlamning">
        <xsl:attribute name="bredder">
          <xsl:choose>
            <xsl:when test="$fg">40 24 16 20</xsl:when>
            <xsl:otherwise>46 30 24</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:attribute name="rubrik">
          <xsl:call-template name="vb:arsbok-etikett">
            <xsl:with-param name="nyckel" select="'tabell.inlamning'"/>
          </xsl:call-template>
        </xsl:attribute>
        <s:huvud>
          <s:rad>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'kol.grupp'"/><xsl:with-param name="tal" select="'nej'"/></xsl:call-template>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'kol.status'"/><xsl:with-param name="tal" select="'nej'"/></xsl:call-template>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'kol.inlamnad'"/><xsl:with-param name="tal" select="'nej'"/></xsl:call-template>
            <xsl:if test="$fg">
              <xsl:call-template name="s:kol">
                <xsl:with-param name="text"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'kol.status'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$fgar"/></xsl:with-param>
                <xsl:with-param name="tal" select="'nej'"/>
              </xsl:call-template>
            </xsl:if>
          </s:rad>
        </s:huvud>
        <s:kropp>
          <xsl:for-each select="$grupper">
            <xsl:variable name="fgg" select="key('fg-grupp', concat(@kommun, '|', @stadsdel))"/>
            <s:rad>
              <s:cell><xsl:call-template name="s:gruppnamn"/></s:cell>
              <s:cell>
                <xsl:attribute name="etikett"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'kol.status'"/></xsl:call-template></xsl:attribute>
                <xsl:call-template name="vb:arsbok-status">
                  <xsl:with-param name="varde" select="@status"/>
                </xsl:call-template>
              </s:cell>
              <s:cell>
                <xsl:attribute name="etikett"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'kol.inlamnad'"/></xsl:call-template></xsl:attribute>
                <xsl:choose>
                  <xsl:when test="@inlamnad">
                    <xsl:call-template name="vb:datum"><xsl:with-param name="datum" select="@inlamnad"/></xsl:call-template>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'ingen-uppgift'"/></xsl:call-template>
                  </xsl:otherwise>
                </xsl:choose>
              </s:cell>
              <xsl:if test="$fg">
                <s:cell etikett="{$fgar}">
                  <xsl:choose>
                    <xsl:when test="$fgg">
                      <xsl:call-template name="vb:arsbok-status">
                        <xsl:with-param name="varde" select="$fgg/@status"/>
                      </xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'ingen-uppgift'"/></xsl:call-template>
                    </xsl:otherwise>
                  </xsl:choose>
                </s:cell>
              </xsl:if>
            </s:rad>
          </xsl:for-each>
          <xsl:call-template name="s:okanda-rader">
            <xsl:with-param name="in" select="$in"/>
          </xsl:call-template>
        </s:kropp>
      </s:tabell>
    </s:avsnitt>

    <!-- ===== 2. Möten ===== -->
    <xsl:variable name="moten" select="sum($r/a:moten/@antal)"/>
    <xsl:variable name="fgmoten" select="sum($fgr/a:moten/@antal)"/>
    <s:avsnitt id="moten">
      <s:stycke>
        <xsl:text>Grupperna har haft </xsl:text>
        <s:b>
          <xsl:text>sammanlagt </xsl:text>
          <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="$moten"/></xsl:call-template>
          <xsl:text> möten</xsl:text>
        </s:b>
        <xsl:text> under </xsl:text>
        <xsl:value-of select="$ar"/>
        <xsl:call-template name="s:fg-parentes">
          <xsl:with-param name="fgar" select="$fgar"/>
          <xsl:with-param name="tal" select="$fgmoten"/>
        </xsl:call-template>
        <xsl:if test="count($r) &gt; 0">
          <xsl:text>, i genomsnitt </xsl:text>
          <xsl:call-template name="vb:decimaltal">
            <xsl:with-param name="tal" select="$moten div count($r)"/>
          </xsl:call-template>
          <xsl:text> per grupp</xsl:text>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </s:stycke>
      <s:diagram id="diagram-moten" nu="{$ar}" fg="{$fgar}">
        <xsl:attribute name="titel">
          <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'diagram.moten'"/></xsl:call-template>
        </xsl:attribute>
        <xsl:attribute name="enhet">
          <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'diagram.enhet.st'"/></xsl:call-template>
        </xsl:attribute>
        <xsl:for-each select="$giltiga">
          <xsl:variable name="fgg" select="key('fg-grupp', concat(@kommun, '|', @stadsdel))[@status = 'inlamnad' or @status = 'sen']"/>
          <s:stapel varde="{number(a:arsberattelse/a:moten/@antal)}">
            <xsl:attribute name="etikett"><xsl:call-template name="s:gruppnamn"/></xsl:attribute>
            <xsl:if test="$fgg">
              <xsl:attribute name="fg"><xsl:value-of select="number($fgg/a:arsberattelse/a:moten/@antal)"/></xsl:attribute>
            </xsl:if>
          </s:stapel>
        </xsl:for-each>
      </s:diagram>
    </s:avsnitt>

    <!-- ===== 3. Utbildningsinsatser ===== -->
    <xsl:variable name="insatser" select="$r/a:utbildningsinsatser/a:insats"/>
    <xsl:variable name="fginsatser" select="$fgr/a:utbildningsinsatser/a:insats"/>
    <xsl:variable name="deltagare" select="sum($insatser/@deltagare)"/>
    <xsl:variable name="fgdeltagare" select="sum($fginsatser/@deltagare)"/>
    <s:avsnitt id="utbildning">
      <s:stycke>
        <xsl:text>Grupperna har genomfört </xsl:text>
        <s:b>
          <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="count($insatser)"/></xsl:call-template>
          <xsl:text> utbildningsinsatser</xsl:text>
        </s:b>
        <xsl:call-template name="s:fg-parentes">
          <xsl:with-param name="fgar" select="$fgar"/>
          <xsl:with-param name="tal" select="count($fginsatser)"/>
        </xsl:call-template>
        <xsl:text> med </xsl:text>
        <s:b>
          <xsl:text>sammanlagt </xsl:text>
          <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="$deltagare"/></xsl:call-template>
          <xsl:text> deltagare</xsl:text>
        </s:b>
        <xsl:call-template name="s:fg-parentes">
          <xsl:with-param name="fgar" select="$fgar"/>
          <xsl:with-param name="tal" select="$fgdeltagare"/>
        </xsl:call-template>
        <xsl:text>.</xsl:text>
        <xsl:if test="$insatser[not(@deltagare)]">
          <xsl:text> För </xsl:text>
          <xsl:value-of select="count($insatser[not(@deltagare)])"/>
          <xsl:choose>
            <xsl:when test="count($insatser[not(@deltagare)]) = 1"> insats</xsl:when>
            <xsl:otherwise> insatser</xsl:otherwise>
          </xsl:choose>
          <xsl:text> anges inte antalet deltagare.</xsl:text>
        </xsl:if>
        <xsl:if test="count($r[not(a:utbildningsinsatser/a:insats)]) &gt; 0">
          <xsl:text> </xsl:text>
          <xsl:value-of select="count($r[not(a:utbildningsinsatser/a:insats)])"/>
          <xsl:choose>
            <xsl:when test="count($r[not(a:utbildningsinsatser/a:insats)]) = 1"> grupp har</xsl:when>
            <xsl:otherwise> grupper har</xsl:otherwise>
          </xsl:choose>
          <xsl:text> inte haft några utbildningsinsatser.</xsl:text>
        </xsl:if>
      </s:stycke>
    </s:avsnitt>

    <!-- ===== 4. Avvikelser ===== -->
    <xsl:variable name="avv" select="$r/a:avvikelser/a:avvikelse"/>
    <xsl:variable name="fgavv" select="$fgr/a:avvikelser/a:avvikelse"/>
    <xsl:variable name="avvtotal" select="sum($r/a:avvikelser/@antal)"/>
    <xsl:variable name="fgavvtotal" select="sum($fgr/a:avvikelser/@antal)"/>
    <s:avsnitt id="avvikelser">
      <s:stycke>
        <xsl:text>Grupperna har rapporterat </xsl:text>
        <s:b>
          <xsl:text>sammanlagt </xsl:text>
          <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="$avvtotal"/></xsl:call-template>
          <xsl:text> avvikelser</xsl:text>
        </s:b>
        <xsl:text> under </xsl:text>
        <xsl:value-of select="$ar"/>
        <xsl:call-template name="s:fg-parentes">
          <xsl:with-param name="fgar" select="$fgar"/>
          <xsl:with-param name="tal" select="$fgavvtotal"/>
        </xsl:call-template>
        <xsl:text>. </xsl:text>
        <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="count($avv[@systemfel = 'ja'])"/></xsl:call-template>
        <xsl:text> av dem bedöms av grupperna som återkommande systemfel i samverkan</xsl:text>
        <xsl:call-template name="s:fg-parentes">
          <xsl:with-param name="fgar" select="$fgar"/>
          <xsl:with-param name="tal" select="count($fgavv[@systemfel = 'ja'])"/>
        </xsl:call-template>
        <xsl:text>.</xsl:text>
        <xsl:if test="$avvtotal != count($avv)">
          <xsl:text> </xsl:text>
          <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="$avvtotal - count($avv)"/></xsl:call-template>
          <xsl:text> avvikelser är bara angivna som antal, utan kategori, verksamheter och status; de räknas med i totalen men inte i tabellerna över status och verksamheter.</xsl:text>
        </xsl:if>
      </s:stycke>
      <s:diagram id="diagram-kategori" nu="{$ar}" fg="{$fgar}">
        <xsl:attribute name="titel">
          <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'diagram.kategori'"/></xsl:call-template>
        </xsl:attribute>
        <xsl:attribute name="enhet">
          <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'diagram.enhet.st'"/></xsl:call-template>
        </xsl:attribute>
        <xsl:for-each select="$s:listor[self::kategori]">
          <xsl:variable name="k" select="string(.)"/>
          <s:stapel varde="{count($avv[@kategori = $k])}">
            <xsl:attribute name="etikett">
              <xsl:call-template name="vb:kategori">
                <xsl:with-param name="varde" select="$k"/>
                <xsl:with-param name="kort" select="'ja'"/>
              </xsl:call-template>
            </xsl:attribute>
            <xsl:if test="$fg">
              <xsl:attribute name="fg"><xsl:value-of select="count($fgavv[@kategori = $k])"/></xsl:attribute>
            </xsl:if>
          </s:stapel>
        </xsl:for-each>
      </s:diagram>

      <!-- by category -->
      <s:tabell id="tabell-kategori">
        <xsl:attribute name="bredder">
          <xsl:choose>
            <xsl:when test="$fg">64 18 18</xsl:when>
            <xsl:otherwise>76 24</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:attribute name="rubrik">
          <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'tabell.kategori'"/></xsl:call-template>
        </xsl:attribute>
        <xsl:call-template name="s:arhuvud">
          <xsl:with-param name="forsta" select="'kol.kategori'"/>
          <xsl:with-param name="ar" select="$ar"/>
          <xsl:with-param name="fgar" select="$fgar"/>
        </xsl:call-template>
        <s:kropp>
          <xsl:for-each select="$s:listor[self::kategori]">
            <xsl:variable name="k" select="string(.)"/>
            <xsl:call-template name="s:arrad">
              <xsl:with-param name="namn">
                <xsl:call-template name="vb:kategori"><xsl:with-param name="varde" select="$k"/></xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="nu" select="count($avv[@kategori = $k])"/>
              <xsl:with-param name="fg" select="count($fgavv[@kategori = $k])"/>
              <xsl:with-param name="ar" select="$ar"/>
              <xsl:with-param name="fgar" select="$fgar"/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:if test="$avvtotal != count($avv) or $fgavvtotal != count($fgavv)">
            <xsl:call-template name="s:arrad">
              <xsl:with-param name="namn"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'rad.bara-antal'"/></xsl:call-template></xsl:with-param>
              <xsl:with-param name="nu" select="$avvtotal - count($avv)"/>
              <xsl:with-param name="fg" select="$fgavvtotal - count($fgavv)"/>
              <xsl:with-param name="ar" select="$ar"/>
              <xsl:with-param name="fgar" select="$fgar"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="s:arrad">
            <xsl:with-param name="namn"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'totalt'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="nu" select="$avvtotal"/>
            <xsl:with-param name="fg" select="$fgavvtotal"/>
            <xsl:with-param name="ar" select="$ar"/>
            <xsl:with-param name="fgar" select="$fgar"/>
            <xsl:with-param name="summa" select="'ja'"/>
          </xsl:call-template>
        </s:kropp>
      </s:tabell>

      <!-- by status -->
      <s:tabell id="tabell-status">
        <xsl:attribute name="bredder">
          <xsl:choose>
            <xsl:when test="$fg">64 18 18</xsl:when>
            <xsl:otherwise>76 24</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:attribute name="rubrik">
          <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'tabell.status'"/></xsl:call-template>
        </xsl:attribute>
        <xsl:call-template name="s:arhuvud">
          <xsl:with-param name="forsta" select="'kol.status'"/>
          <xsl:with-param name="ar" select="$ar"/>
          <xsl:with-param name="fgar" select="$fgar"/>
        </xsl:call-template>
        <s:kropp>
          <xsl:for-each select="$s:listor[self::status]">
            <xsl:variable name="k" select="string(.)"/>
            <xsl:call-template name="s:arrad">
              <xsl:with-param name="namn">
                <xsl:call-template name="vb:status"><xsl:with-param name="varde" select="$k"/></xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="nu" select="count($avv[@status = $k])"/>
              <xsl:with-param name="fg" select="count($fgavv[@status = $k])"/>
              <xsl:with-param name="ar" select="$ar"/>
              <xsl:with-param name="fgar" select="$fgar"/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:call-template name="s:arrad">
            <xsl:with-param name="namn"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'totalt'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="nu" select="count($avv)"/>
            <xsl:with-param name="fg" select="count($fgavv)"/>
            <xsl:with-param name="ar" select="$ar"/>
            <xsl:with-param name="fgar" select="$fgar"/>
            <xsl:with-param name="summa" select="'ja'"/>
          </xsl:call-template>
        </s:kropp>
      </s:tabell>

      <!-- reporting × concerned service -->
      <xsl:call-template name="s:matris">
        <xsl:with-param name="avv" select="$avv"/>
        <xsl:with-param name="fgavv" select="$fgavv"/>
        <xsl:with-param name="fgar" select="$fgar"/>
      </xsl:call-template>
    </s:avsnitt>

    <!-- ===== 5. Per grupp ===== -->
    <s:avsnitt id="pergrupp">
      <xsl:if test="$fg">
        <s:stycke>
          <xsl:text>Varje siffra för </xsl:text>
          <xsl:value-of select="$ar"/>
          <xsl:text> står bredvid samma grupps siffra för </xsl:text>
          <xsl:value-of select="$fgar"/>
          <xsl:text>. – betyder att gruppens årsberättelse saknas eller är ogiltig.</xsl:text>
        </s:stycke>
      </xsl:if>
      <xsl:if test="not($fg)">
        <s:stycke>– betyder att gruppens årsberättelse saknas eller är ogiltig.</s:stycke>
      </xsl:if>
      <s:tabell id="tabell-pergrupp">
        <xsl:attribute name="bredder">
          <xsl:choose>
            <xsl:when test="$fg">28 9 9 9 9 9 9 9 9</xsl:when>
            <xsl:otherwise>36 14 18 16 16</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:attribute name="rubrik">
          <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'tabell.pergrupp'"/></xsl:call-template>
        </xsl:attribute>
        <s:huvud>
          <s:rad>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'kol.grupp'"/><xsl:with-param name="tal" select="'nej'"/></xsl:call-template>
            <xsl:call-template name="s:pergrupp-kol"><xsl:with-param name="nyckel" select="'kol.moten'"/><xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/></xsl:call-template>
            <xsl:call-template name="s:pergrupp-kol"><xsl:with-param name="nyckel" select="'kol.insatser'"/><xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/></xsl:call-template>
            <xsl:call-template name="s:pergrupp-kol"><xsl:with-param name="nyckel" select="'kol.deltagare'"/><xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/></xsl:call-template>
            <xsl:call-template name="s:pergrupp-kol"><xsl:with-param name="nyckel" select="'kol.avvikelser'"/><xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/></xsl:call-template>
          </s:rad>
        </s:huvud>
        <s:kropp>
          <xsl:for-each select="$grupper">
            <xsl:variable name="nu" select="self::*[@status = 'inlamnad' or @status = 'sen']/a:arsberattelse"/>
            <xsl:variable name="fgg" select="key('fg-grupp', concat(@kommun, '|', @stadsdel))[@status = 'inlamnad' or @status = 'sen']/a:arsberattelse"/>
            <s:rad>
              <s:cell><xsl:call-template name="s:gruppnamn"/></s:cell>
              <xsl:call-template name="s:pergrupp-celler">
                <xsl:with-param name="nyckel" select="'kol.moten'"/>
                <xsl:with-param name="nu" select="$nu"/><xsl:with-param name="fgg" select="$fgg"/>
                <xsl:with-param name="tal" select="sum($nu/a:moten/@antal)"/>
                <xsl:with-param name="fgtal" select="sum($fgg/a:moten/@antal)"/>
                <xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/>
              </xsl:call-template>
              <xsl:call-template name="s:pergrupp-celler">
                <xsl:with-param name="nyckel" select="'kol.insatser'"/>
                <xsl:with-param name="nu" select="$nu"/><xsl:with-param name="fgg" select="$fgg"/>
                <xsl:with-param name="tal" select="count($nu/a:utbildningsinsatser/a:insats)"/>
                <xsl:with-param name="fgtal" select="count($fgg/a:utbildningsinsatser/a:insats)"/>
                <xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/>
              </xsl:call-template>
              <xsl:call-template name="s:pergrupp-celler">
                <xsl:with-param name="nyckel" select="'kol.deltagare'"/>
                <xsl:with-param name="nu" select="$nu"/><xsl:with-param name="fgg" select="$fgg"/>
                <xsl:with-param name="tal" select="sum($nu/a:utbildningsinsatser/a:insats/@deltagare)"/>
                <xsl:with-param name="fgtal" select="sum($fgg/a:utbildningsinsatser/a:insats/@deltagare)"/>
                <xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/>
              </xsl:call-template>
              <xsl:call-template name="s:pergrupp-celler">
                <xsl:with-param name="nyckel" select="'kol.avvikelser'"/>
                <xsl:with-param name="nu" select="$nu"/><xsl:with-param name="fgg" select="$fgg"/>
                <xsl:with-param name="tal" select="sum($nu/a:avvikelser/@antal)"/>
                <xsl:with-param name="fgtal" select="sum($fgg/a:avvikelser/@antal)"/>
                <xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/>
              </xsl:call-template>
            </s:rad>
          </xsl:for-each>
          <s:rad summa="ja">
            <s:cell><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'totalt'"/></xsl:call-template></s:cell>
            <xsl:call-template name="s:pergrupp-celler">
              <xsl:with-param name="nyckel" select="'kol.moten'"/>
              <xsl:with-param name="nu" select="$r"/><xsl:with-param name="fgg" select="$fgr"/>
              <xsl:with-param name="tal" select="$moten"/><xsl:with-param name="fgtal" select="$fgmoten"/>
              <xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/>
              <xsl:with-param name="alltid" select="true()"/>
            </xsl:call-template>
            <xsl:call-template name="s:pergrupp-celler">
              <xsl:with-param name="nyckel" select="'kol.insatser'"/>
              <xsl:with-param name="nu" select="$r"/><xsl:with-param name="fgg" select="$fgr"/>
              <xsl:with-param name="tal" select="count($insatser)"/><xsl:with-param name="fgtal" select="count($fginsatser)"/>
              <xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/>
              <xsl:with-param name="alltid" select="true()"/>
            </xsl:call-template>
            <xsl:call-template name="s:pergrupp-celler">
              <xsl:with-param name="nyckel" select="'kol.deltagare'"/>
              <xsl:with-param name="nu" select="$r"/><xsl:with-param name="fgg" select="$fgr"/>
              <xsl:with-param name="tal" select="$deltagare"/><xsl:with-param name="fgtal" select="$fgdeltagare"/>
              <xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/>
              <xsl:with-param name="alltid" select="true()"/>
            </xsl:call-template>
            <xsl:call-template name="s:pergrupp-celler">
              <xsl:with-param name="nyckel" select="'kol.avvikelser'"/>
              <xsl:with-param name="nu" select="$r"/><xsl:with-param name="fgg" select="$fgr"/>
              <xsl:with-param name="tal" select="$avvtotal"/><xsl:with-param name="fgtal" select="$fgavvtotal"/>
              <xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/>
              <xsl:with-param name="alltid" select="true()"/>
            </xsl:call-template>
          </s:rad>
        </s:kropp>
      </s:tabell>
    </s:avsnitt>
  </xsl:template>

  <!-- Unknown files in the manifest's folder: one row each in the status
       table (file name, "Okänd fil", no date, no last year). -->
  <xsl:template name="s:okanda-rader">
    <xsl:param name="in"/>
    <xsl:for-each select="$in/i:okand">
      <s:rad>
        <s:cell><xsl:value-of select="@fil"/></s:cell>
        <s:cell>
          <xsl:attribute name="etikett"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'kol.status'"/></xsl:call-template></xsl:attribute>
          <xsl:call-template name="vb:arsbok-status"><xsl:with-param name="varde" select="'okand'"/></xsl:call-template>
        </s:cell>
        <s:cell>
          <xsl:attribute name="etikett"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'kol.inlamnad'"/></xsl:call-template></xsl:attribute>
          <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'ingen-uppgift'"/></xsl:call-template>
        </s:cell>
        <xsl:if test="$in/i:foregaende">
          <s:cell etikett="{$in/i:foregaende/@ar}">
            <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'ingen-uppgift'"/></xsl:call-template>
          </s:cell>
        </xsl:if>
      </s:rad>
    </xsl:for-each>
  </xsl:template>

  <!-- "Har inte lämnat in: Tjörn." -->
  <xsl:template name="s:statuslista">
    <xsl:param name="nyckel"/>
    <xsl:param name="grupper"/>
    <xsl:param name="datum" select="false()"/>
    <s:stycke>
      <s:b>
        <xsl:call-template name="vb:arsbok-etikett">
          <xsl:with-param name="nyckel" select="$nyckel"/>
        </xsl:call-template>
        <xsl:text>:</xsl:text>
      </s:b>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="$grupper">
          <xsl:call-template name="s:uppraknade">
            <xsl:with-param name="grupper" select="$grupper"/>
            <xsl:with-param name="datum" select="$datum"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="vb:arsbok-etikett">
            <xsl:with-param name="nyckel" select="'inga'"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>.</xsl:text>
    </s:stycke>
  </xsl:template>

  <!-- Header row: first column, this year, last year. -->
  <xsl:template name="s:arhuvud">
    <xsl:param name="forsta"/>
    <xsl:param name="ar"/>
    <xsl:param name="fgar"/>
    <s:huvud>
      <s:rad>
        <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="$forsta"/><xsl:with-param name="tal" select="'nej'"/></xsl:call-template>
        <xsl:call-template name="s:kol"><xsl:with-param name="text" select="$ar"/></xsl:call-template>
        <xsl:if test="$fgar != ''">
          <xsl:call-template name="s:kol"><xsl:with-param name="text" select="$fgar"/></xsl:call-template>
        </xsl:if>
      </s:rad>
    </s:huvud>
  </xsl:template>

  <!-- A body row: name, this year's figure, last year's. -->
  <xsl:template name="s:arrad">
    <xsl:param name="namn"/>
    <xsl:param name="nu"/>
    <xsl:param name="fg"/>
    <xsl:param name="ar"/>
    <xsl:param name="fgar"/>
    <xsl:param name="summa" select="'nej'"/>
    <s:rad summa="{$summa}">
      <s:cell><xsl:value-of select="$namn"/></s:cell>
      <xsl:call-template name="s:talcell">
        <xsl:with-param name="tal" select="$nu"/>
        <xsl:with-param name="etikett" select="$ar"/>
      </xsl:call-template>
      <xsl:if test="$fgar != ''">
        <xsl:call-template name="s:talcell">
          <xsl:with-param name="tal" select="$fg"/>
          <xsl:with-param name="etikett" select="$fgar"/>
        </xsl:call-template>
      </xsl:if>
    </s:rad>
  </xsl:template>

  <xsl:template name="s:pergrupp-kol">
    <xsl:param name="nyckel"/>
    <xsl:param name="ar"/>
    <xsl:param name="fgar"/>
    <xsl:variable name="namn"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="$nyckel"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$fgar != ''">
        <xsl:call-template name="s:kol"><xsl:with-param name="text" select="concat($namn, ' ', $ar)"/></xsl:call-template>
        <xsl:call-template name="s:kol"><xsl:with-param name="text" select="concat($namn, ' ', $fgar)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="s:kol"><xsl:with-param name="text" select="$namn"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="s:pergrupp-celler">
    <xsl:param name="nyckel"/>
    <xsl:param name="nu"/>
    <xsl:param name="fgg"/>
    <xsl:param name="tal"/>
    <xsl:param name="fgtal"/>
    <xsl:param name="ar"/>
    <xsl:param name="fgar"/>
    <xsl:param name="alltid" select="false()"/>
    <xsl:variable name="namn"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="$nyckel"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="s:talcell">
      <xsl:with-param name="tal" select="$tal"/>
      <xsl:with-param name="etikett" select="normalize-space(concat($namn, ' ', substring($ar, 1, 4 * ($fgar != ''))))"/>
      <xsl:with-param name="finns" select="$alltid or boolean($nu)"/>
    </xsl:call-template>
    <xsl:if test="$fgar != ''">
      <xsl:call-template name="s:talcell">
        <xsl:with-param name="tal" select="$fgtal"/>
        <xsl:with-param name="etikett" select="concat($namn, ' ', $fgar)"/>
        <xsl:with-param name="finns" select="$alltid or boolean($fgg)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Reporting (rows) × concerned (columns) service, only the kinds that
       occur; row and column totals; last year's figure in brackets. -->
  <xsl:template name="s:matris">
    <xsl:param name="avv"/>
    <xsl:param name="fgavv"/>
    <xsl:param name="fgar"/>
    <xsl:variable name="alla" select="$avv | $fgavv"/>
    <xsl:variable name="rader" select="$s:listor[self::verksamhet][. = $alla/a:rapporterande/@verksamhet]"/>
    <xsl:variable name="kolumner" select="$s:listor[self::verksamhet][. = $alla/a:berord/@verksamhet]"/>
    <xsl:if test="$rader and $kolumner">
      <xsl:if test="$fgar != ''">
        <s:stycke>
          <xsl:text>I tabellen över verksamheter står förra årets (</xsl:text>
          <xsl:value-of select="$fgar"/>
          <xsl:text>) antal inom parentes.</xsl:text>
        </s:stycke>
      </xsl:if>
      <s:tabell id="tabell-matris">
        <xsl:attribute name="bredder">
          <xsl:text>22</xsl:text>
          <xsl:for-each select="$kolumner"><xsl:text> 10</xsl:text></xsl:for-each>
          <xsl:text> 10</xsl:text>
        </xsl:attribute>
        <xsl:attribute name="rubrik">
          <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'tabell.matris'"/></xsl:call-template>
        </xsl:attribute>
        <s:huvud>
          <s:rad>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'kol.rapporterande'"/><xsl:with-param name="tal" select="'nej'"/></xsl:call-template>
            <xsl:for-each select="$kolumner">
              <s:cell tal="ja">
                <xsl:call-template name="vb:verksamhet">
                  <xsl:with-param name="varde" select="."/>
                  <xsl:with-param name="kort" select="'ja'"/>
                </xsl:call-template>
              </s:cell>
            </xsl:for-each>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'totalt'"/></xsl:call-template>
          </s:rad>
        </s:huvud>
        <s:kropp>
          <xsl:for-each select="$rader">
            <xsl:variable name="rv" select="string(.)"/>
            <s:rad>
              <s:cell>
                <xsl:call-template name="vb:verksamhet">
                  <xsl:with-param name="varde" select="$rv"/>
                  <xsl:with-param name="kort" select="'ja'"/>
                </xsl:call-template>
              </s:cell>
              <xsl:for-each select="$kolumner">
                <xsl:variable name="kv" select="string(.)"/>
                <xsl:call-template name="s:matriscell">
                  <xsl:with-param name="nu" select="count($avv[a:rapporterande/@verksamhet = $rv and a:berord/@verksamhet = $kv])"/>
                  <xsl:with-param name="fg" select="count($fgavv[a:rapporterande/@verksamhet = $rv and a:berord/@verksamhet = $kv])"/>
                  <xsl:with-param name="fgar" select="$fgar"/>
                  <xsl:with-param name="kv" select="$kv"/>
                </xsl:call-template>
              </xsl:for-each>
              <xsl:call-template name="s:matriscell">
                <xsl:with-param name="nu" select="count($avv[a:rapporterande/@verksamhet = $rv])"/>
                <xsl:with-param name="fg" select="count($fgavv[a:rapporterande/@verksamhet = $rv])"/>
                <xsl:with-param name="fgar" select="$fgar"/>
                <xsl:with-param name="kv" select="'totalt'"/>
              </xsl:call-template>
            </s:rad>
          </xsl:for-each>
          <s:rad summa="ja">
            <s:cell><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'totalt'"/></xsl:call-template></s:cell>
            <xsl:for-each select="$kolumner">
              <xsl:variable name="kv" select="string(.)"/>
              <xsl:call-template name="s:matriscell">
                <xsl:with-param name="nu" select="count($avv[a:berord/@verksamhet = $kv])"/>
                <xsl:with-param name="fg" select="count($fgavv[a:berord/@verksamhet = $kv])"/>
                <xsl:with-param name="fgar" select="$fgar"/>
                <xsl:with-param name="kv" select="$kv"/>
              </xsl:call-template>
            </xsl:for-each>
            <xsl:call-template name="s:matriscell">
              <xsl:with-param name="nu" select="count($avv)"/>
              <xsl:with-param name="fg" select="count($fgavv)"/>
              <xsl:with-param name="fgar" select="$fgar"/>
              <xsl:with-param name="kv" select="'totalt'"/>
            </xsl:call-template>
          </s:rad>
        </s:kropp>
      </s:tabell>
    </xsl:if>
  </xsl:template>

  <!-- "5 (3)"; an empty cell for 0 this year and last. -->
  <xsl:template name="s:matriscell">
    <xsl:param name="nu"/>
    <xsl:param name="fg"/>
    <xsl:param name="fgar"/>
    <xsl:param name="kv"/>
    <s:cell tal="ja">
      <xsl:attribute name="etikett">
        <xsl:choose>
          <xsl:when test="$kv = 'totalt'"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'totalt'"/></xsl:call-template></xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="vb:verksamhet">
              <xsl:with-param name="varde" select="$kv"/>
              <xsl:with-param name="kort" select="'ja'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="$nu = 0 and ($fgar = '' or $fg = 0)">
          <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'ingen-uppgift'"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="$nu"/></xsl:call-template>
          <xsl:if test="$fgar != ''">
            <xsl:text>&#160;(</xsl:text>
            <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="$fg"/></xsl:call-template>
            <xsl:text>)</xsl:text>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </s:cell>
  </xsl:template>
</xsl:stylesheet>
