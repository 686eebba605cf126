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
  <xsl:key name="nu-grupp" match="i:arsbok-indata/i:grupp"
           use="concat(@kommun, '|', @stadsdel)"/>
  <!-- s:par's listed deviations (a tree of its own): by pair, and by pair
       and group (@g is a generate-id(), so it holds no space), so that
       grouping them is a look-up each, not a scan of the ones before -->
  <xsl:key name="par" match="p" use="@k"/>
  <xsl:key name="par-grupp" match="p" use="concat(@k, ' ', @g)"/>

  <!-- The kinds of service in FORMAT.md order, space-delimited: a
       service's place is the length of what comes before it, which orders
       the two services of an undirected pair. -->
  <xsl:variable name="s:vordning"
                select="' socialtjanst skola elevhalsa forskola primarvard bup habilitering ungdomsmottagning polis fritid ovrig '"/>

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
    <kol-systemfel>kol.grupp</kol-systemfel>
    <kol-systemfel>kol.datum</kol-systemfel>
    <kol-systemfel>kol.kategori</kol-systemfel>
    <kol-systemfel>kol.par</kol-systemfel>
    <kol-systemfel>kol.status</kol-systemfel>
    <kol-systemfel>kol.mening</kol-systemfel>
  </xsl:variable>
  <xsl:variable name="s:listor" select="lx:node-set($s:listor-rtf)/*"/>

  <!-- ============================ helpers ============================= -->
  <xsl:template name="s:tal">
    <xsl:param name="tal"/>
    <xsl:call-template name="vb:tal">
      <xsl:with-param name="tal" select="$tal"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A count that opens a sentence: "Tre" for 3 (two to twelve in
       words, as Swedish prose writes them); empty for any other number,
       and the caller words the sentence so that it does not open with a
       figure. -->
  <xsl:template name="s:ord-inledning">
    <xsl:param name="tal"/>
    <xsl:variable name="t" select="number($tal)"/>
    <xsl:choose>
      <xsl:when test="$t = 2">Två</xsl:when>
      <xsl:when test="$t = 3">Tre</xsl:when>
      <xsl:when test="$t = 4">Fyra</xsl:when>
      <xsl:when test="$t = 5">Fem</xsl:when>
      <xsl:when test="$t = 6">Sex</xsl:when>
      <xsl:when test="$t = 7">Sju</xsl:when>
      <xsl:when test="$t = 8">Åtta</xsl:when>
      <xsl:when test="$t = 9">Nio</xsl:when>
      <xsl:when test="$t = 10">Tio</xsl:when>
      <xsl:when test="$t = 11">Elva</xsl:when>
      <xsl:when test="$t = 12">Tolv</xsl:when>
    </xsl:choose>
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

  <!-- A body cell with a number, or $varfor ("saknas", "ogiltig") when
       $finns is false: a missing figure never looks like 0. -->
  <xsl:template name="s:talcell">
    <xsl:param name="tal"/>
    <xsl:param name="etikett"/>
    <xsl:param name="finns" select="true()"/>
    <xsl:param name="varfor" select="'saknas'"/>
    <s:cell tal="ja" etikett="{$etikett}">
      <xsl:choose>
        <xsl:when test="$finns">
          <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="$tal"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$varfor"/></xsl:otherwise>
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

  <!-- "Tanum, Orust och Dals-Ed" for the groups in $grupper; when a name
       holds a comma itself ("Göteborg, Angered") the items are parted by
       semicolons instead: "Ale; Göteborg, Angered och Tjörn". -->
  <xsl:template name="s:uppraknade">
    <xsl:param name="grupper"/>
    <xsl:param name="datum" select="false()"/>
    <xsl:variable name="skiljetecken">
      <xsl:choose>
        <xsl:when test="$grupper[normalize-space(@stadsdel) != '']">; </xsl:when>
        <xsl:otherwise>, </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:for-each select="$grupper">
      <xsl:if test="position() &gt; 1">
        <xsl:choose>
          <xsl:when test="position() = last()"> och </xsl:when>
          <xsl:otherwise><xsl:value-of select="$skiljetecken"/></xsl:otherwise>
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
        <xsl:call-template name="vb:arsbok-ogiltig">
          <xsl:with-param name="fel" select="@fel"/>
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
        <xsl:text>Årsboken bygger på </xsl:text>
        <s:b>
          <xsl:value-of select="count($giltiga)"/>
          <xsl:text> av </xsl:text>
          <xsl:value-of select="count($grupper)"/>
          <xsl:text> förväntade årsberättelser</xsl:text>
        </s:b>
        <xsl:if test="$fg">
          <xsl:text> (</xsl:text>
          <xsl:value-of select="$fgar"/>
          <xsl:text>: </xsl:text>
          <xsl:value-of select="count($fg/i:grupp[@status = 'inlamnad' or @status = 'sen'])"/>
          <xsl:text> av </xsl:text>
          <xsl:value-of select="count($fg/i:grupp)"/>
          <xsl:text>)</xsl:text>
        </xsl:if>
        <xsl:text>: de som har kommit in i giltigt skick. Siffrorna i sammanfattningen räknas på dem.</xsl:text>
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

    <xsl:variable name="avv" select="$r/a:avvikelser/a:avvikelse"/>
    <xsl:variable name="avvtotal" select="sum($r/a:avvikelser/@antal)"/>

    <!-- ===== 2. Till delregional nivå och möjliga systemfel ===== -->
    <xsl:call-template name="s:systemfel">
      <xsl:with-param name="avv" select="$avv"/>
    </xsl:call-template>

    <!-- ===== 3. Möten ===== -->
    <xsl:variable name="moten" select="sum($r/a:moten/@antal)"/>
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

    <!-- ===== 4. Utbildningsinsatser ===== -->
    <xsl:variable name="insatser" select="$r/a:utbildningsinsatser/a:insats"/>
    <xsl:variable name="deltagare" select="sum($insatser/@deltagare)"/>
    <s:avsnitt id="utbildning">
      <s:stycke>
        <xsl:text>Grupperna har genomfört </xsl:text>
        <s:b>
          <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="count($insatser)"/></xsl:call-template>
          <xsl:text> utbildningsinsatser</xsl:text>
        </s:b>
        <xsl:text> med </xsl:text>
        <s:b>
          <xsl:text>sammanlagt </xsl:text>
          <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="$deltagare"/></xsl:call-template>
          <xsl:text> deltagare</xsl:text>
        </s:b>
        <xsl:text>.</xsl:text>
        <xsl:variable name="utan-d" select="count($insatser[not(@deltagare)])"/>
        <xsl:choose>
          <xsl:when test="$utan-d = 1">
            <xsl:text> För en av insatserna anges inte antalet deltagare.</xsl:text>
          </xsl:when>
          <xsl:when test="$utan-d &gt; 1">
            <xsl:text> För </xsl:text>
            <xsl:value-of select="$utan-d"/>
            <xsl:text> av insatserna anges inte antalet deltagare.</xsl:text>
          </xsl:when>
        </xsl:choose>
        <xsl:variable name="utan" select="count($r[not(a:utbildningsinsatser/a:insats)])"/>
        <xsl:variable name="utan-ord"><xsl:call-template name="s:ord-inledning"><xsl:with-param name="tal" select="$utan"/></xsl:call-template></xsl:variable>
        <xsl:choose>
          <xsl:when test="$utan = 1">
            <xsl:text> En grupp har inte haft några utbildningsinsatser.</xsl:text>
          </xsl:when>
          <xsl:when test="$utan-ord != ''">
            <xsl:text> </xsl:text>
            <xsl:value-of select="$utan-ord"/>
            <xsl:text> grupper har inte haft några utbildningsinsatser.</xsl:text>
          </xsl:when>
          <xsl:when test="$utan &gt; 1">
            <xsl:text> Av grupperna har </xsl:text>
            <xsl:value-of select="$utan"/>
            <xsl:text> inte haft några utbildningsinsatser.</xsl:text>
          </xsl:when>
        </xsl:choose>
      </s:stycke>
    </s:avsnitt>

    <!-- ===== 5. Avvikelser ===== -->
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
        <xsl:text>. </xsl:text>
        <xsl:choose>
          <xsl:when test="count($avv[@systemfel = 'ja']) = 0">
            <xsl:text>Ingen av dem bedöms av grupperna som återkommande systemfel i samverkan.</xsl:text>
          </xsl:when>
          <xsl:otherwise>
            <xsl:text>Av dem bedömer grupperna </xsl:text>
            <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="count($avv[@systemfel = 'ja'])"/></xsl:call-template>
            <xsl:text> som återkommande systemfel i samverkan.</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$avvtotal != count($avv)">
          <xsl:text> Bland dem finns </xsl:text>
          <xsl:variable name="bara" select="$avvtotal - count($avv)"/>
          <xsl:variable name="bara-ord"><xsl:call-template name="s:ord-inledning"><xsl:with-param name="tal" select="$bara"/></xsl:call-template></xsl:variable>
          <xsl:choose>
            <xsl:when test="$bara = 1">en</xsl:when>
            <xsl:when test="$bara-ord != ''">
              <!-- "två", not "2", in running text -->
              <xsl:value-of select="translate(substring($bara-ord, 1, 1), 'TFSÅNE', 'tfsåne')"/>
              <xsl:value-of select="substring($bara-ord, 2)"/>
            </xsl:when>
            <xsl:otherwise><xsl:call-template name="s:tal"><xsl:with-param name="tal" select="$bara"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
          <xsl:choose>
            <xsl:when test="$avvtotal - count($avv) = 1"> avvikelse som bara är angiven som antal, utan kategori, verksamheter och status; den räknas</xsl:when>
            <xsl:otherwise> avvikelser som bara är angivna som antal, utan kategori, verksamheter och status; de räknas</xsl:otherwise>
          </xsl:choose>
          <xsl:text> med i totalen men inte i tabellerna över status och verksamheter.</xsl:text>
        </xsl:if>
      </s:stycke>

      <!-- by category -->
      <s:tabell id="tabell-kategori" bredder="76 24">
        <xsl:attribute name="rubrik">
          <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'tabell.kategori'"/></xsl:call-template>
        </xsl:attribute>
        <xsl:call-template name="s:arhuvud">
          <xsl:with-param name="forsta" select="'kol.kategori'"/>
          <xsl:with-param name="ar" select="$ar"/>
          <xsl:with-param name="fgar" select="''"/>
        </xsl:call-template>
        <s:kropp>
          <xsl:for-each select="$s:listor[self::kategori]">
            <xsl:variable name="k" select="string(.)"/>
            <xsl:call-template name="s:arrad">
              <xsl:with-param name="namn">
                <xsl:call-template name="vb:kategori"><xsl:with-param name="varde" select="$k"/></xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="nu" select="count($avv[@kategori = $k])"/>
              <xsl:with-param name="ar" select="$ar"/>
              <xsl:with-param name="fgar" select="''"/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:if test="$avvtotal != count($avv)">
            <xsl:call-template name="s:arrad">
              <xsl:with-param name="namn"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'rad.bara-antal'"/></xsl:call-template></xsl:with-param>
              <xsl:with-param name="nu" select="$avvtotal - count($avv)"/>
              <xsl:with-param name="ar" select="$ar"/>
              <xsl:with-param name="fgar" select="''"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="s:arrad">
            <xsl:with-param name="namn"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'totalt'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="nu" select="$avvtotal"/>
            <xsl:with-param name="ar" select="$ar"/>
            <xsl:with-param name="fgar" select="''"/>
            <xsl:with-param name="summa" select="'ja'"/>
          </xsl:call-template>
        </s:kropp>
      </s:tabell>

      <!-- by status -->
      <s:tabell id="tabell-status" bredder="76 24">
        <xsl:attribute name="rubrik">
          <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'tabell.status'"/></xsl:call-template>
        </xsl:attribute>
        <xsl:call-template name="s:arhuvud">
          <xsl:with-param name="forsta" select="'kol.status'"/>
          <xsl:with-param name="ar" select="$ar"/>
          <xsl:with-param name="fgar" select="''"/>
        </xsl:call-template>
        <s:kropp>
          <xsl:for-each select="$s:listor[self::status]">
            <xsl:variable name="k" select="string(.)"/>
            <xsl:call-template name="s:arrad">
              <xsl:with-param name="namn">
                <xsl:call-template name="vb:status"><xsl:with-param name="varde" select="$k"/></xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="nu" select="count($avv[@status = $k])"/>
              <xsl:with-param name="ar" select="$ar"/>
              <xsl:with-param name="fgar" select="''"/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:call-template name="s:arrad">
            <xsl:with-param name="namn"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'totalt'"/></xsl:call-template></xsl:with-param>
            <xsl:with-param name="nu" select="count($avv)"/>
            <xsl:with-param name="ar" select="$ar"/>
            <xsl:with-param name="fgar" select="''"/>
            <xsl:with-param name="summa" select="'ja'"/>
          </xsl:call-template>
        </s:kropp>
      </s:tabell>

      <!-- pairs of services, both directions together -->
      <xsl:call-template name="s:par">
        <xsl:with-param name="avv" select="$avv"/>
      </xsl:call-template>
    </s:avsnitt>

    <!-- ===== 6. Jämfört med förra året (like with like) ===== -->
    <xsl:if test="$fg">
      <xsl:call-template name="s:jamforelse">
        <xsl:with-param name="in" select="$in"/>
      </xsl:call-template>
    </xsl:if>

    <!-- ===== 7. Utveckling över åren ===== -->
    <xsl:if test="$fg">
      <xsl:call-template name="s:trend">
        <xsl:with-param name="in" select="$in"/>
      </xsl:call-template>
    </xsl:if>

    <!-- ===== 8. Per grupp ===== -->
    <s:avsnitt id="pergrupp">
      <s:stycke>
        <xsl:if test="$fg">
          <xsl:text>Varje siffra för </xsl:text>
          <xsl:value-of select="$ar"/>
          <xsl:text> står bredvid samma grupps siffra för </xsl:text>
          <xsl:value-of select="$fgar"/>
          <xsl:text>. </xsl:text>
        </xsl:if>
        <xsl:text>I tabellen står ”saknas” där gruppens årsberättelse inte har kommit in och ”ogiltig” där den inte är giltig; en nolla är en rapporterad nolla. Gruppernas möten står i diagrammet under Möten.</xsl:text>
      </s:stycke>
      <s:tabell id="tabell-pergrupp">
        <xsl:attribute name="bredder">
          <xsl:choose>
            <xsl:when test="$fg">34 11 11 11 11 11 11</xsl:when>
            <xsl:otherwise>40 20 20 20</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:attribute name="rubrik">
          <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'tabell.pergrupp'"/></xsl:call-template>
        </xsl:attribute>
        <s:huvud>
          <s:rad>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'kol.grupp'"/><xsl:with-param name="tal" select="'nej'"/></xsl:call-template>
            <xsl:call-template name="s:pergrupp-kol"><xsl:with-param name="nyckel" select="'kol.insatser'"/><xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/></xsl:call-template>
            <xsl:call-template name="s:pergrupp-kol"><xsl:with-param name="nyckel" select="'kol.deltagare'"/><xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/></xsl:call-template>
            <xsl:call-template name="s:pergrupp-kol"><xsl:with-param name="nyckel" select="'kol.avvikelser'"/><xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/></xsl:call-template>
          </s:rad>
        </s:huvud>
        <s:kropp>
          <xsl:for-each select="$grupper">
            <xsl:variable name="nu" select="self::*[@status = 'inlamnad' or @status = 'sen']/a:arsberattelse"/>
            <xsl:variable name="fgi" select="key('fg-grupp', concat(@kommun, '|', @stadsdel))"/>
            <xsl:variable name="fgg" select="$fgi[@status = 'inlamnad' or @status = 'sen']/a:arsberattelse"/>
            <xsl:variable name="varfor"><xsl:call-template name="s:varfor"><xsl:with-param name="g" select="."/></xsl:call-template></xsl:variable>
            <xsl:variable name="fgvarfor"><xsl:call-template name="s:varfor"><xsl:with-param name="g" select="$fgi"/></xsl:call-template></xsl:variable>
            <s:rad>
              <s:cell><xsl:call-template name="s:gruppnamn"/></s:cell>
              <xsl:call-template name="s:pergrupp-celler">
                <xsl:with-param name="nyckel" select="'kol.insatser'"/>
                <xsl:with-param name="nu" select="$nu"/><xsl:with-param name="fgg" select="$fgg"/>
                <xsl:with-param name="tal" select="count($nu/a:utbildningsinsatser/a:insats)"/>
                <xsl:with-param name="fgtal" select="count($fgg/a:utbildningsinsatser/a:insats)"/>
                <xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/>
                <xsl:with-param name="varfor" select="$varfor"/><xsl:with-param name="fgvarfor" select="$fgvarfor"/>
              </xsl:call-template>
              <xsl:call-template name="s:pergrupp-celler">
                <xsl:with-param name="nyckel" select="'kol.deltagare'"/>
                <xsl:with-param name="nu" select="$nu"/><xsl:with-param name="fgg" select="$fgg"/>
                <xsl:with-param name="tal" select="sum($nu/a:utbildningsinsatser/a:insats/@deltagare)"/>
                <xsl:with-param name="fgtal" select="sum($fgg/a:utbildningsinsatser/a:insats/@deltagare)"/>
                <xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/>
                <xsl:with-param name="varfor" select="$varfor"/><xsl:with-param name="fgvarfor" select="$fgvarfor"/>
              </xsl:call-template>
              <xsl:call-template name="s:pergrupp-celler">
                <xsl:with-param name="nyckel" select="'kol.avvikelser'"/>
                <xsl:with-param name="nu" select="$nu"/><xsl:with-param name="fgg" select="$fgg"/>
                <xsl:with-param name="tal" select="sum($nu/a:avvikelser/@antal)"/>
                <xsl:with-param name="fgtal" select="sum($fgg/a:avvikelser/@antal)"/>
                <xsl:with-param name="ar" select="$ar"/><xsl:with-param name="fgar" select="$fgar"/>
                <xsl:with-param name="varfor" select="$varfor"/><xsl:with-param name="fgvarfor" select="$fgvarfor"/>
              </xsl:call-template>
            </s:rad>
          </xsl:for-each>
        </s:kropp>
      </s:tabell>
    </s:avsnitt>
  </xsl:template>

  <!-- Why a group has no figures: "saknas" or "ogiltig" (never "–", which
       elsewhere could be read as 0). -->
  <xsl:template name="s:varfor">
    <xsl:param name="g"/>
    <xsl:choose>
      <xsl:when test="$g/@status = 'ogiltig'">ogiltig</xsl:when>
      <xsl:otherwise>saknas</xsl:otherwise>
    </xsl:choose>
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
    <xsl:param name="varfor" select="'saknas'"/>
    <xsl:param name="fgvarfor" select="'saknas'"/>
    <xsl:variable name="namn"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="$nyckel"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="s:talcell">
      <xsl:with-param name="tal" select="$tal"/>
      <xsl:with-param name="etikett" select="normalize-space(concat($namn, ' ', substring($ar, 1, 4 * ($fgar != ''))))"/>
      <xsl:with-param name="finns" select="boolean($nu)"/>
      <xsl:with-param name="varfor" select="$varfor"/>
    </xsl:call-template>
    <xsl:if test="$fgar != ''">
      <xsl:call-template name="s:talcell">
        <xsl:with-param name="tal" select="$fgtal"/>
        <xsl:with-param name="etikett" select="concat($namn, ' ', $fgar)"/>
        <xsl:with-param name="finns" select="boolean($fgg)"/>
        <xsl:with-param name="varfor" select="$fgvarfor"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============ the management group's sections (issue 12) ============
       Content only; the look is the layout/HTML stylesheets' business. -->

  <!-- A service's place in $s:vordning (a number that orders them). -->
  <xsl:template name="s:vplats">
    <xsl:param name="v"/>
    <xsl:value-of select="string-length(substring-before($s:vordning, concat(' ', $v, ' ')))"/>
  </xsl:template>

  <!-- The first sentence of a text: up to the first ". ", "! " or "? "
       that does not end a common Swedish abbreviation ("t.ex. BUP" does
       not end the sentence). -->
  <xsl:variable name="s:forkortningar" select="' t.ex. bl.a. s.k. m.m. d.v.s. dvs. p.g.a. pga. ca. cirka. enl. jfr. fr.o.m. t.o.m. o.s.v. osv. resp. nr. kl. st. ev. inkl. exkl. ang. mfl. m.fl. f.d. '"/>
  <xsl:template name="s:forsta-mening">
    <xsl:param name="text"/>
    <xsl:param name="fore" select="''"/>
    <xsl:variable name="t" select="normalize-space($text)"/>
    <xsl:variable name="l1"><xsl:choose><xsl:when test="contains($t, '. ')"><xsl:value-of select="string-length(substring-before($t, '. '))"/></xsl:when><xsl:otherwise>100000</xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:variable name="l2"><xsl:choose><xsl:when test="contains($t, '! ')"><xsl:value-of select="string-length(substring-before($t, '! '))"/></xsl:when><xsl:otherwise>100000</xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:variable name="l3"><xsl:choose><xsl:when test="contains($t, '? ')"><xsl:value-of select="string-length(substring-before($t, '? '))"/></xsl:when><xsl:otherwise>100000</xsl:otherwise></xsl:choose></xsl:variable>
    <xsl:variable name="l12" select="$l1 * ($l1 &lt;= $l2) + $l2 * ($l2 &lt; $l1)"/>
    <xsl:variable name="l" select="$l12 * ($l12 &lt;= $l3) + $l3 * ($l3 &lt; $l12)"/>
    <!-- the last word before the stop, with its full stop -->
    <xsl:variable name="ord">
      <xsl:call-template name="s:sista-ordet"><xsl:with-param name="t" select="substring($t, 1, $l + 1)"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$l &lt; 100000 and $l = $l1 and contains($s:forkortningar, concat(' ', translate($ord, 'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ', 'abcdefghijklmnopqrstuvwxyzåäö'), ' '))">
        <xsl:call-template name="s:forsta-mening">
          <xsl:with-param name="text" select="substring($t, $l + 3)"/>
          <xsl:with-param name="fore" select="concat($fore, substring($t, 1, $l + 2))"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$l &lt; 100000"><xsl:value-of select="concat($fore, substring($t, 1, $l + 1))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($fore, $t)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="s:sista-ordet">
    <xsl:param name="t"/>
    <xsl:choose>
      <xsl:when test="contains($t, ' ')"><xsl:call-template name="s:sista-ordet"><xsl:with-param name="t" select="substring-after($t, ' ')"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="translate($t, '(', '')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Every deviation sent on to the subregional level or marked as a
       possible system fault, sorted by the undirected pair of services,
       then by date: what the management group is there to act on. -->
  <xsl:template name="s:systemfel">
    <xsl:param name="avv"/>
    <xsl:variable name="valda" select="$avv[@status = 'skickad-delregionalt' or @systemfel = 'ja']"/>
    <xsl:variable name="rader-rtf">
      <xsl:for-each select="$valda">
        <xsl:variable name="pa"><xsl:call-template name="s:vplats"><xsl:with-param name="v" select="a:rapporterande/@verksamhet"/></xsl:call-template></xsl:variable>
        <xsl:variable name="pb"><xsl:call-template name="s:vplats"><xsl:with-param name="v" select="a:berord/@verksamhet"/></xsl:call-template></xsl:variable>
        <rad forsta="{$pa * ($pa &lt;= $pb) + $pb * ($pb &lt; $pa)}"
             andra="{$pa * ($pa &gt; $pb) + $pb * ($pb &gt;= $pa)}" datum="{@datum}">
          <grupp><xsl:call-template name="s:gruppnamn"><xsl:with-param name="g" select="ancestor::i:grupp"/></xsl:call-template></grupp>
          <datum><xsl:call-template name="vb:datum"><xsl:with-param name="datum" select="@datum"/></xsl:call-template></datum>
          <kategori><xsl:call-template name="vb:kategori"><xsl:with-param name="varde" select="@kategori"/><xsl:with-param name="kort" select="'ja'"/></xsl:call-template></kategori>
          <par>
            <xsl:call-template name="vb:verksamhet"><xsl:with-param name="varde" select="a:rapporterande/@verksamhet"/><xsl:with-param name="kort" select="'ja'"/></xsl:call-template>
            <xsl:text> → </xsl:text>
            <xsl:call-template name="vb:verksamhet"><xsl:with-param name="varde" select="a:berord/@verksamhet"/><xsl:with-param name="kort" select="'ja'"/></xsl:call-template>
          </par>
          <status>
            <xsl:call-template name="vb:status"><xsl:with-param name="varde" select="@status"/></xsl:call-template>
            <xsl:if test="@systemfel = 'ja'">, systemfel</xsl:if>
          </status>
          <mening><xsl:call-template name="s:forsta-mening"><xsl:with-param name="text" select="a:beskrivning"/></xsl:call-template></mening>
        </rad>
      </xsl:for-each>
    </xsl:variable>
    <s:avsnitt id="systemfel">
      <s:stycke>
        <xsl:choose>
          <xsl:when test="$valda">
            <xsl:choose>
              <xsl:when test="count($valda) = 1"><s:b>En avvikelse</s:b></xsl:when>
              <xsl:otherwise>
                <xsl:text>Sammanlagt </xsl:text>
                <s:b><xsl:value-of select="count($valda)"/><xsl:text> avvikelser</xsl:text></s:b>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:text> har skickats vidare till delregional nivå eller bedöms av gruppen som möjligt systemfel i samverkan: </xsl:text>
            <xsl:value-of select="count($valda[@status = 'skickad-delregionalt'])"/>
            <xsl:text> skickade delregionalt och </xsl:text>
            <xsl:value-of select="count($valda[@systemfel = 'ja'])"/>
            <xsl:text> markerade som systemfel (</xsl:text>
            <xsl:value-of select="count($valda[@status = 'skickad-delregionalt' and @systemfel = 'ja'])"/>
            <xsl:text> är båda). Tabellen ordnar dem efter de två verksamheterna, så att samma par står tillsammans; beskrivningen är avvikelsens första mening.</xsl:text>
          </xsl:when>
          <xsl:otherwise>Ingen avvikelse har skickats vidare till delregional nivå eller markerats som möjligt systemfel.</xsl:otherwise>
        </xsl:choose>
      </s:stycke>
      <xsl:if test="$valda">
        <s:tabell id="tabell-systemfel" bredder="24 26 26 32 28 64">
          <xsl:attribute name="rubrik"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'tabell.systemfel'"/></xsl:call-template></xsl:attribute>
          <s:huvud>
            <s:rad>
              <xsl:for-each select="$s:listor[self::kol-systemfel]">
                <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="string(.)"/><xsl:with-param name="tal" select="'nej'"/></xsl:call-template>
              </xsl:for-each>
            </s:rad>
          </s:huvud>
          <s:kropp>
            <xsl:for-each select="lx:node-set($rader-rtf)/rad">
              <xsl:sort select="@forsta" data-type="number"/>
              <xsl:sort select="@andra" data-type="number"/>
              <xsl:sort select="@datum"/>
              <s:rad>
                <s:cell><xsl:value-of select="grupp"/></s:cell>
                <xsl:for-each select="*[position() &gt; 1]">
                  <s:cell>
                    <xsl:attribute name="etikett"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="concat('kol.', local-name())"/></xsl:call-template></xsl:attribute>
                    <xsl:value-of select="."/>
                  </s:cell>
                </xsl:for-each>
              </s:rad>
            </xsl:for-each>
          </s:kropp>
        </s:tabell>
      </xsl:if>
    </s:avsnitt>
  </xsl:template>

  <!-- Deviations by pair of services, both directions together: a
       Socialtjänst → BUP and a BUP → Socialtjänst are the same pair. With
       the number of groups that report the pair; a pair reported by two
       groups or more is marked (s:rad markera="ja"), and a sentence names
       the three that recur in most groups. -->
  <xsl:template name="s:par">
    <xsl:param name="avv"/>
    <xsl:variable name="p-rtf">
      <xsl:for-each select="$avv[a:rapporterande/@verksamhet and a:berord/@verksamhet]">
        <xsl:variable name="r" select="string(a:rapporterande/@verksamhet)"/>
        <xsl:variable name="b" select="string(a:berord/@verksamhet)"/>
        <xsl:variable name="pr"><xsl:call-template name="s:vplats"><xsl:with-param name="v" select="$r"/></xsl:call-template></xsl:variable>
        <xsl:variable name="pb"><xsl:call-template name="s:vplats"><xsl:with-param name="v" select="$b"/></xsl:call-template></xsl:variable>
        <xsl:choose>
          <xsl:when test="number($pr) &lt;= number($pb)">
            <p k="{$r}|{$b}" a="{$r}" b="{$b}" pa="{$pr}" pb="{$pb}" fram="ja" g="{generate-id(ancestor::i:grupp)}"/>
          </xsl:when>
          <xsl:otherwise>
            <p k="{$b}|{$r}" a="{$b}" b="{$r}" pa="{$pb}" pb="{$pr}" fram="nej" g="{generate-id(ancestor::i:grupp)}"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="p" select="lx:node-set($p-rtf)/p"/>
    <xsl:variable name="par-rtf">
      <!-- each pair's first deviation, in document order -->
      <xsl:for-each select="$p[generate-id() = generate-id(key('par', @k)[1])]">
        <xsl:variable name="alla" select="key('par', @k)"/>
        <par a="{@a}" b="{@b}" pa="{@pa}" pb="{@pb}" totalt="{count($alla)}"
             fram="{count($alla[@fram = 'ja'])}" bak="{count($alla[@fram = 'nej'])}"
             grupper="{count($alla[generate-id() = generate-id(key('par-grupp', concat(@k, ' ', @g))[1])])}">
          <xsl:attribute name="namn">
            <xsl:call-template name="vb:verksamhet"><xsl:with-param name="varde" select="@a"/><xsl:with-param name="kort" select="'ja'"/></xsl:call-template>
            <xsl:text> – </xsl:text>
            <xsl:call-template name="vb:verksamhet"><xsl:with-param name="varde" select="@b"/><xsl:with-param name="kort" select="'ja'"/></xsl:call-template>
          </xsl:attribute>
        </par>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="sorterade-rtf">
      <xsl:for-each select="lx:node-set($par-rtf)/par">
        <xsl:sort select="@grupper" data-type="number" order="descending"/>
        <xsl:sort select="@totalt" data-type="number" order="descending"/>
        <xsl:sort select="@pa" data-type="number"/>
        <xsl:sort select="@pb" data-type="number"/>
        <xsl:copy-of select="."/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="par" select="lx:node-set($sorterade-rtf)/par"/>
    <xsl:if test="$par">
      <s:stycke>
        <xsl:text>Tabellen räknar de </xsl:text>
        <xsl:value-of select="count($p)"/>
        <xsl:text> listade avvikelserna per par av verksamheter, åt båda hållen: ”A till B” är de avvikelser som A har rapporterat och som berör B. </xsl:text>
        <xsl:variable name="ater" select="$par[@grupper &gt;= 2]"/>
        <xsl:choose>
          <xsl:when test="$ater">
            <xsl:text>Par som flera grupper rapporterar är markerade. </xsl:text>
            <xsl:choose>
              <xsl:when test="count($ater) = 1">Det par som återkommer i flest grupper är </xsl:when>
              <xsl:otherwise>De par som återkommer i flest grupper är </xsl:otherwise>
            </xsl:choose>
            <xsl:for-each select="$ater[position() &lt;= 3]">
              <xsl:if test="position() &gt; 1">
                <xsl:choose>
                  <xsl:when test="position() = last()"> och </xsl:when>
                  <xsl:otherwise>, </xsl:otherwise>
                </xsl:choose>
              </xsl:if>
              <s:b><xsl:value-of select="@namn"/></s:b>
              <xsl:text> (</xsl:text>
              <xsl:value-of select="@totalt"/>
              <xsl:text> avvikelser i </xsl:text>
              <xsl:value-of select="@grupper"/>
              <xsl:text> grupper)</xsl:text>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </xsl:when>
          <xsl:otherwise>Inget par av verksamheter återkommer i mer än en grupp.</xsl:otherwise>
        </xsl:choose>
      </s:stycke>
      <s:tabell id="tabell-par" bredder="40 15 15 15 15">
        <xsl:attribute name="rubrik"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'tabell.par'"/></xsl:call-template></xsl:attribute>
        <s:huvud>
          <s:rad>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'kol.par'"/><xsl:with-param name="tal" select="'nej'"/></xsl:call-template>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'kol.a-till-b'"/></xsl:call-template>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'kol.b-till-a'"/></xsl:call-template>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'totalt'"/></xsl:call-template>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'kol.grupper'"/></xsl:call-template>
          </s:rad>
        </s:huvud>
        <s:kropp>
          <xsl:for-each select="$par">
            <s:rad>
              <xsl:if test="@grupper &gt;= 2"><xsl:attribute name="markera">ja</xsl:attribute></xsl:if>
              <s:cell><xsl:value-of select="@namn"/></s:cell>
              <xsl:call-template name="s:parcell"><xsl:with-param name="tal" select="@fram"/><xsl:with-param name="nyckel" select="'kol.a-till-b'"/></xsl:call-template>
              <xsl:call-template name="s:parcell"><xsl:with-param name="tal" select="@bak * (@a != @b)"/><xsl:with-param name="nyckel" select="'kol.b-till-a'"/></xsl:call-template>
              <xsl:call-template name="s:parcell"><xsl:with-param name="tal" select="@totalt"/><xsl:with-param name="nyckel" select="'totalt'"/></xsl:call-template>
              <xsl:call-template name="s:parcell"><xsl:with-param name="tal" select="@grupper"/><xsl:with-param name="nyckel" select="'kol.grupper'"/></xsl:call-template>
            </s:rad>
          </xsl:for-each>
        </s:kropp>
      </s:tabell>
    </xsl:if>
  </xsl:template>

  <xsl:template name="s:parcell">
    <xsl:param name="tal"/>
    <xsl:param name="nyckel"/>
    <s:cell tal="ja">
      <xsl:attribute name="etikett"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="$nyckel"/></xsl:call-template></xsl:attribute>
      <xsl:call-template name="s:tal"><xsl:with-param name="tal" select="$tal"/></xsl:call-template>
    </s:cell>
  </xsl:template>

  <!-- "+3", "−2", "0". -->
  <xsl:template name="s:andring">
    <xsl:param name="d"/>
    <xsl:choose>
      <xsl:when test="$d &gt; 0">+<xsl:call-template name="s:tal"><xsl:with-param name="tal" select="$d"/></xsl:call-template></xsl:when>
      <xsl:when test="$d &lt; 0">−<xsl:call-template name="s:tal"><xsl:with-param name="tal" select="-$d"/></xsl:call-template></xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The figures of a set of reports, one s:fig per row of the trend and
       comparison tables, in this order. -->
  <xsl:template name="s:figurer">
    <xsl:param name="r"/>
    <xsl:variable name="avv" select="$r/a:avvikelser/a:avvikelse"/>
    <fig nyckel="rad.moten" v="{sum($r/a:moten/@antal)}"/>
    <fig nyckel="rad.insatser" v="{count($r/a:utbildningsinsatser/a:insats)}"/>
    <fig nyckel="rad.deltagare" v="{sum($r/a:utbildningsinsatser/a:insats/@deltagare)}"/>
    <fig nyckel="rad.avvikelser" v="{sum($r/a:avvikelser/@antal)}"/>
    <xsl:for-each select="$s:listor[self::kategori]">
      <xsl:variable name="k" select="string(.)"/>
      <fig kategori="{$k}" v="{count($avv[@kategori = $k])}"/>
    </xsl:for-each>
    <fig nyckel="rad.skickade" v="{count($avv[@status = 'skickad-delregionalt'])}"/>
    <fig nyckel="rad.systemfel" v="{count($avv[@systemfel = 'ja'])}"/>
  </xsl:template>

  <xsl:template name="s:fignamn">
    <xsl:param name="f"/>
    <xsl:choose>
      <xsl:when test="$f/@kategori">
        <xsl:text>Avvikelser: </xsl:text>
        <xsl:call-template name="vb:kategori"><xsl:with-param name="varde" select="$f/@kategori"/><xsl:with-param name="kort" select="'ja'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="$f/@nyckel"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Last year like with like: only the groups with a valid report both
       years, and a sentence naming the groups that are in one year only. -->
  <xsl:template name="s:jamforelse">
    <xsl:param name="in"/>
    <xsl:variable name="ar" select="string($in/@ar)"/>
    <xsl:variable name="fg" select="$in/i:foregaende"/>
    <xsl:variable name="fgar" select="string($fg/@ar)"/>
    <xsl:variable name="nu" select="$in/i:grupp[@status = 'inlamnad' or @status = 'sen']"/>
    <xsl:variable name="da" select="$fg/i:grupp[@status = 'inlamnad' or @status = 'sen']"/>
    <xsl:variable name="bada-nu" select="$nu[key('fg-grupp', concat(@kommun, '|', @stadsdel))[@status = 'inlamnad' or @status = 'sen']]"/>
    <xsl:variable name="bada-da" select="$da[key('nu-grupp', concat(@kommun, '|', @stadsdel))[@status = 'inlamnad' or @status = 'sen']]"/>
    <xsl:variable name="bara-nu" select="$nu[not(key('fg-grupp', concat(@kommun, '|', @stadsdel))[@status = 'inlamnad' or @status = 'sen'])]"/>
    <xsl:variable name="bara-da" select="$da[not(key('nu-grupp', concat(@kommun, '|', @stadsdel))[@status = 'inlamnad' or @status = 'sen'])]"/>
    <xsl:variable name="f-nu-rtf"><xsl:call-template name="s:figurer"><xsl:with-param name="r" select="$bada-nu/a:arsberattelse"/></xsl:call-template></xsl:variable>
    <xsl:variable name="f-da-rtf"><xsl:call-template name="s:figurer"><xsl:with-param name="r" select="$bada-da/a:arsberattelse"/></xsl:call-template></xsl:variable>
    <xsl:variable name="f-da" select="lx:node-set($f-da-rtf)/fig"/>
    <s:avsnitt id="jamforelse">
      <s:stycke>
        <xsl:text>Jämförelsen gäller de </xsl:text>
        <s:b><xsl:value-of select="count($bada-nu)"/><xsl:text> grupper</xsl:text></s:b>
        <xsl:text> som har en giltig årsberättelse både </xsl:text>
        <xsl:value-of select="$ar"/>
        <xsl:text> och </xsl:text>
        <xsl:value-of select="$fgar"/>
        <xsl:text>, så att lika jämförs med lika.</xsl:text>
        <xsl:text> Bara </xsl:text><xsl:value-of select="$ar"/><xsl:text>: </xsl:text>
        <xsl:choose>
          <xsl:when test="$bara-nu"><xsl:call-template name="s:uppraknade"><xsl:with-param name="grupper" select="$bara-nu"/></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'inga'"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
        <xsl:text>. Bara </xsl:text><xsl:value-of select="$fgar"/><xsl:text>: </xsl:text>
        <xsl:choose>
          <xsl:when test="$bara-da"><xsl:call-template name="s:uppraknade"><xsl:with-param name="grupper" select="$bara-da"/></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'inga'"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
        <xsl:text>.</xsl:text>
      </s:stycke>
      <s:tabell id="tabell-jamforelse" bredder="46 18 18 18">
        <xsl:attribute name="rubrik"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'tabell.jamforelse'"/></xsl:call-template></xsl:attribute>
        <s:huvud>
          <s:rad>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'kol.uppgift'"/><xsl:with-param name="tal" select="'nej'"/></xsl:call-template>
            <xsl:call-template name="s:kol"><xsl:with-param name="text" select="$ar"/></xsl:call-template>
            <xsl:call-template name="s:kol"><xsl:with-param name="text" select="$fgar"/></xsl:call-template>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'kol.forandring'"/></xsl:call-template>
          </s:rad>
        </s:huvud>
        <s:kropp>
          <xsl:for-each select="lx:node-set($f-nu-rtf)/fig">
            <xsl:variable name="i" select="position()"/>
            <xsl:variable name="d" select="$f-da[$i]/@v"/>
            <s:rad>
              <s:cell><xsl:call-template name="s:fignamn"><xsl:with-param name="f" select="."/></xsl:call-template></s:cell>
              <xsl:call-template name="s:talcell"><xsl:with-param name="tal" select="@v"/><xsl:with-param name="etikett" select="$ar"/></xsl:call-template>
              <xsl:call-template name="s:talcell"><xsl:with-param name="tal" select="$d"/><xsl:with-param name="etikett" select="$fgar"/></xsl:call-template>
              <s:cell tal="ja">
                <xsl:attribute name="etikett"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'kol.forandring'"/></xsl:call-template></xsl:attribute>
                <xsl:call-template name="s:andring"><xsl:with-param name="d" select="@v - $d"/></xsl:call-template>
              </s:cell>
            </s:rad>
          </xsl:for-each>
        </s:kropp>
      </s:tabell>
    </s:avsnitt>
  </xsl:template>

  <!-- Every year of the foregaende chain: a table (one column per year,
       oldest first) and a chart per figure. Each year counts its own valid
       reports; the first row says how many. -->
  <xsl:template name="s:trend">
    <xsl:param name="in"/>
    <xsl:variable name="ar-rtf">
      <xsl:for-each select="$in | $in/i:foregaende | $in/i:tidigare">
        <xsl:sort select="@ar" data-type="number"/>
        <ar ar="{@ar}" giltiga="{count(i:grupp[@status = 'inlamnad' or @status = 'sen'])}" forvantade="{count(i:grupp)}">
          <xsl:call-template name="s:figurer">
            <xsl:with-param name="r" select="i:grupp[@status = 'inlamnad' or @status = 'sen']/a:arsberattelse"/>
          </xsl:call-template>
        </ar>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="ar" select="lx:node-set($ar-rtf)/ar"/>
    <s:avsnitt id="trend">
      <s:stycke>
        <xsl:text>Åren </xsl:text>
        <xsl:value-of select="$ar[1]/@ar"/>
        <xsl:text>–</xsl:text>
        <xsl:value-of select="$ar[last()]/@ar"/>
        <xsl:text>, så långt kedjan av föregående årsböcker räcker. Varje år räknar de grupper som hade en giltig årsberättelse det året (första raden); de är inte alltid samma grupper.</xsl:text>
      </s:stycke>
      <s:tabell id="tabell-trend">
        <xsl:attribute name="bredder">
          <xsl:text>40</xsl:text>
          <xsl:for-each select="$ar"><xsl:text> </xsl:text><xsl:value-of select="floor(60 div count($ar))"/></xsl:for-each>
        </xsl:attribute>
        <xsl:attribute name="rubrik"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'tabell.trend'"/></xsl:call-template></xsl:attribute>
        <s:huvud>
          <s:rad>
            <xsl:call-template name="s:kol"><xsl:with-param name="nyckel" select="'kol.uppgift'"/><xsl:with-param name="tal" select="'nej'"/></xsl:call-template>
            <xsl:for-each select="$ar"><xsl:call-template name="s:kol"><xsl:with-param name="text" select="@ar"/></xsl:call-template></xsl:for-each>
          </s:rad>
        </s:huvud>
        <s:kropp>
          <s:rad>
            <s:cell><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'rad.giltiga'"/></xsl:call-template></s:cell>
            <xsl:for-each select="$ar">
              <s:cell tal="ja" etikett="{@ar}"><xsl:value-of select="concat(@giltiga, ' av ', @forvantade)"/></s:cell>
            </xsl:for-each>
          </s:rad>
          <xsl:for-each select="$ar[1]/fig">
            <xsl:variable name="i" select="position()"/>
            <s:rad>
              <s:cell><xsl:call-template name="s:fignamn"><xsl:with-param name="f" select="."/></xsl:call-template></s:cell>
              <xsl:for-each select="$ar">
                <xsl:call-template name="s:talcell"><xsl:with-param name="tal" select="fig[$i]/@v"/><xsl:with-param name="etikett" select="@ar"/></xsl:call-template>
              </xsl:for-each>
            </s:rad>
          </xsl:for-each>
        </s:kropp>
      </s:tabell>
      <!-- one chart per figure: meetings, training efforts, each category -->
      <xsl:for-each select="$ar[1]/fig[@nyckel = 'rad.moten' or @nyckel = 'rad.insatser' or @kategori]">
        <xsl:variable name="f" select="."/>
        <xsl:variable name="i" select="count(preceding-sibling::fig) + 1"/>
        <s:diagram id="diagram-trend-{$i}" nu="" fg="">
          <xsl:attribute name="titel">
            <xsl:call-template name="s:fignamn"><xsl:with-param name="f" select="$f"/></xsl:call-template>
            <xsl:text> per år</xsl:text>
          </xsl:attribute>
          <xsl:attribute name="enhet"><xsl:call-template name="vb:arsbok-etikett"><xsl:with-param name="nyckel" select="'diagram.enhet.st'"/></xsl:call-template></xsl:attribute>
          <xsl:for-each select="$ar">
            <s:stapel etikett="{@ar}" varde="{fig[$i]/@v}"/>
          </xsl:for-each>
        </s:diagram>
      </xsl:for-each>
    </s:avsnitt>
  </xsl:template>
</xsl:stylesheet>
