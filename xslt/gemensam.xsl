<?xml version="1.0" encoding="UTF-8"?>
<!--
  gemensam.xsl - the ONE place for the Swedish wording both outputs use.

  Included (xsl:include) by rapport-html.xsl (HTML5 page) and
  rapport-layout.xsl (layout tree for the PDF typesetter), and meant to be
  included by the yearbook stylesheets too. Nothing here produces markup:
  every template returns plain text, so the HTML page and the PDF say the
  same thing in the same words.

  API (all named templates live in the namespace urn:vastbus:xslt:gemensam,
  prefix vb; the report namespace urn:vastbus:arsberattelse:1 has prefix a):

    vb:etikett      nyckel=KEY         fixed label (headings, column heads...)
    vb:roll         varde=@roll        ordförande / ledamot / ...
    vb:roll-markering varde=@roll      " (ordförande)" after a name, or ""
    vb:huvudman     varde=huvudman     Kommun / Region / Annan
    vb:verksamhet   varde=.. [kort]    Socialtjänst, ..., BUP (barn- och ...)
    vb:kategori     varde=.. [kort]    deviation category, long or cell form
    vb:status       varde=@status      Löst lokalt / Skickad delregionalt / ...
    vb:tal          tal=N              number with thousands separator
    vb:datum        datum=D            ISO date as shown (2019-03-14)
    vb:mening-moten      antal ar      "Gruppen har haft 6 möten under 2019."
    vb:mening-avvikelser antal         "Antal avvikelser under året: 3."
    vb:mening-systemfel                the group's "system fault" judgement
    vb:mottagare    delregion          "Delregionala ledningsgruppen för ..."
    vb:dokumenttitel rapport=/a:arsberattelse  "Årsberättelse 2019 – <grupp>"
    vb:organisation nod=rapporterande|berord   "Hvitfeldtska gymnasiet (Skola)"

  Thousands separator: U+00A0 NO-BREAK SPACE. TEMPLATE.md asks for "space
  as the thousands separator" (Swedish style, 12 345). U+00A0 is a space
  that never breaks, so "12 345" never splits over two lines or two rows of
  a narrow table cell; layout.md promises the typesetter honours it, it is
  in every font we embed (Liberation Sans) and screen readers read the
  number as one. U+2009 THIN SPACE would look finer but is a *breaking*
  space in Unicode line breaking (UAX #14 class BA), so a typesetter or a
  browser may split the number at it; U+202F (narrow no-break) would be
  ideal typographically but is not promised by layout.md and is missing
  from some fonts and older screen readers.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="urn:vastbus:arsberattelse:1"
                xmlns:vb="urn:vastbus:xslt:gemensam"
                exclude-result-prefixes="a vb">

  <!-- Swedish number format: no-break space groups thousands, comma is
       the decimal sign. -->
  <xsl:decimal-format name="vb:sv" grouping-separator="&#160;"
                      decimal-separator="," minus-sign="&#8722;" NaN="–"/>

  <!-- The running header line on every page / top of the HTML page. -->
  <xsl:variable name="vb:sidhuvud"
                select="'Västbus – Årsberättelse för lokal Västbusgrupp'"/>

  <!-- ================================================================
       Fixed labels. Keys are stable ASCII identifiers; the text is what
       users read. An unknown key yields "??key??" so a typo shows.
       ================================================================ -->
  <xsl:template name="vb:etikett">
    <xsl:param name="nyckel"/>
    <xsl:choose>
      <!-- title block -->
      <xsl:when test="$nyckel = 'arsberattelse'">Årsberättelse</xsl:when>
      <xsl:when test="$nyckel = 'kommun'">Kommun</xsl:when>
      <xsl:when test="$nyckel = 'stadsdel'">Stadsdel</xsl:when>
      <xsl:when test="$nyckel = 'delregion'">Delregion</xsl:when>
      <xsl:when test="$nyckel = 'till'">Till</xsl:when>
      <xsl:when test="$nyckel = 'inlamnad'">Inlämnad</xsl:when>
      <xsl:when test="$nyckel = 'kontaktperson'">Kontaktperson</xsl:when>
      <xsl:when test="$nyckel = 'sida'">Sida</xsl:when>
      <xsl:when test="$nyckel = 'av'">av</xsl:when>
      <xsl:when test="$nyckel = 'amne'">Västbus årsberättelse</xsl:when>
      <xsl:when test="$nyckel = 'till-innehall'">Hoppa till innehållet</xsl:when>

      <!-- section headings, in template order -->
      <xsl:when test="$nyckel = 'rubrik.sammansattning'">1. Gruppens sammansättning</xsl:when>
      <xsl:when test="$nyckel = 'rubrik.moten'">2. Antal möten</xsl:when>
      <xsl:when test="$nyckel = 'rubrik.utbildningsinsatser'">3. Utbildningsinsatser</xsl:when>
      <xsl:when test="$nyckel = 'rubrik.avvikelser'">4. Avvikelser</xsl:when>
      <xsl:when test="$nyckel = 'rubrik.avvikelsebeskrivningar'">Beskrivning av avvikelserna</xsl:when>
      <xsl:when test="$nyckel = 'rubrik.analys'">Analys</xsl:when>
      <xsl:when test="$nyckel = 'rubrik.reflektion'">5. Reflektion</xsl:when>
      <xsl:when test="$nyckel = 'rubrik.planering'">6. Planering inför kommande år</xsl:when>

      <!-- table captions (HTML <caption>, layout table/@caption): what the
           table holds, not the section's heading again ("3.
           Utbildningsinsatser" over "Utbildningsinsatser under året") -->
      <xsl:when test="$nyckel = 'tabell.sammansattning'">Gruppens medlemmar</xsl:when>
      <xsl:when test="$nyckel = 'tabell.utbildningsinsatser'">Målgrupp och antal deltagare för varje insats</xsl:when>
      <xsl:when test="$nyckel = 'tabell.avvikelser'">Kategori, parter och status för varje avvikelse</xsl:when>

      <!-- column headings -->
      <xsl:when test="$nyckel = 'kol.namn'">Namn</xsl:when>
      <xsl:when test="$nyckel = 'kol.funktion'">Funktion</xsl:when>
      <xsl:when test="$nyckel = 'kol.organisation'">Organisation</xsl:when>
      <xsl:when test="$nyckel = 'kol.huvudman'">Huvudman</xsl:when>
      <xsl:when test="$nyckel = 'kol.datum'">Datum</xsl:when>
      <xsl:when test="$nyckel = 'kol.insats'">Insats</xsl:when>
      <xsl:when test="$nyckel = 'kol.malgrupp'">Målgrupp</xsl:when>
      <xsl:when test="$nyckel = 'kol.deltagare'">Deltagare</xsl:when>
      <xsl:when test="$nyckel = 'kol.kategori'">Kategori</xsl:when>
      <xsl:when test="$nyckel = 'kol.rapporterande'">Rapporterande</xsl:when>
      <xsl:when test="$nyckel = 'kol.berord'">Berörd</xsl:when>
      <xsl:when test="$nyckel = 'kol.status'">Status</xsl:when>

      <!-- short phrases -->
      <xsl:when test="$nyckel = 'motesdatum'">Mötesdatum:</xsl:when>
      <xsl:when test="$nyckel = 'arrangor'">Arrangör</xsl:when>
      <xsl:when test="$nyckel = 'atgard'">Åtgärd</xsl:when>
      <xsl:when test="$nyckel = 'tfn'">tfn</xsl:when>
      <xsl:when test="$nyckel = 'avvikelse'">Avvikelse</xsl:when>
      <xsl:when test="$nyckel = 'saknas'">–</xsl:when>
      <xsl:when test="$nyckel = 'inga-insatser'">Inga utbildningsinsatser under året.</xsl:when>
      <xsl:otherwise>??<xsl:value-of select="$nyckel"/>??</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       Closed lists from FORMAT.md. Unknown values are shown as given
       (the validator has already complained; never hide data).
       ================================================================ -->
  <xsl:template name="vb:roll">
    <xsl:param name="varde"/>
    <xsl:choose>
      <xsl:when test="$varde = 'ordforande'">ordförande</xsl:when>
      <xsl:when test="$varde = 'ledamot'">ledamot</xsl:when>
      <xsl:when test="$varde = 'sekreterare'">sekreterare</xsl:when>
      <xsl:when test="$varde = 'adjungerad'">adjungerad</xsl:when>
      <xsl:otherwise><xsl:value-of select="$varde"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Text after a member's name: " (ordförande)", " (sekreterare)",
       " (adjungerad)"; nothing for an ordinary ledamot. -->
  <xsl:template name="vb:roll-markering">
    <xsl:param name="varde"/>
    <xsl:if test="string($varde) != '' and $varde != 'ledamot'">
      <xsl:text> (</xsl:text>
      <xsl:call-template name="vb:roll">
        <xsl:with-param name="varde" select="$varde"/>
      </xsl:call-template>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="vb:huvudman">
    <xsl:param name="varde"/>
    <xsl:variable name="v" select="normalize-space($varde)"/>
    <xsl:choose>
      <xsl:when test="$v = 'kommun'">Kommun</xsl:when>
      <xsl:when test="$v = 'region'">Region</xsl:when>
      <xsl:when test="$v = 'annan'">Annan</xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- kort='ja' gives the form for narrow table cells ("BUP"). -->
  <xsl:template name="vb:verksamhet">
    <xsl:param name="varde"/>
    <xsl:param name="kort" select="'nej'"/>
    <xsl:variable name="v" select="normalize-space($varde)"/>
    <xsl:choose>
      <xsl:when test="$v = 'socialtjanst'">Socialtjänst</xsl:when>
      <xsl:when test="$v = 'skola'">Skola</xsl:when>
      <xsl:when test="$v = 'elevhalsa'">Elevhälsa</xsl:when>
      <xsl:when test="$v = 'forskola'">Förskola</xsl:when>
      <xsl:when test="$v = 'primarvard'">Primärvård</xsl:when>
      <xsl:when test="$v = 'bup' and $kort = 'ja'">BUP</xsl:when>
      <xsl:when test="$v = 'bup'">BUP (barn- och ungdomspsykiatri)</xsl:when>
      <xsl:when test="$v = 'habilitering'">Habilitering</xsl:when>
      <xsl:when test="$v = 'ungdomsmottagning'">Ungdomsmottagning</xsl:when>
      <xsl:when test="$v = 'polis'">Polis</xsl:when>
      <xsl:when test="$v = 'fritid'">Fritid</xsl:when>
      <xsl:when test="$v = 'ovrig'">Övrig</xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Deviation category: the long form from FORMAT.md, or with kort='ja'
       a short form for the table's Kategori column. -->
  <xsl:template name="vb:kategori">
    <xsl:param name="varde"/>
    <xsl:param name="kort" select="'nej'"/>
    <xsl:choose>
      <xsl:when test="$kort = 'ja'">
        <xsl:choose>
          <xsl:when test="$varde = 'riktlinjer-foljs-ej'">Riktlinjerna följs inte</xsl:when>
          <xsl:when test="$varde = 'insats-ej-utford'">Insats genomförs inte</xsl:when>
          <xsl:when test="$varde = 'oenighet'">Parterna är oeniga</xsl:when>
          <xsl:when test="$varde = 'ovrigt'">Övrigt</xsl:when>
          <xsl:otherwise><xsl:value-of select="$varde"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="$varde = 'riktlinjer-foljs-ej'">Riktlinjerna följs inte (t.ex. kallad part uteblir, mötet hålls inte inom tre veckor)</xsl:when>
          <xsl:when test="$varde = 'insats-ej-utford'">Överenskommen insats i den samordnade planen genomförs inte</xsl:when>
          <xsl:when test="$varde = 'oenighet'">Parterna är oeniga (om ansvar eller kostnad)</xsl:when>
          <xsl:when test="$varde = 'ovrigt'">Övrigt</xsl:when>
          <xsl:otherwise><xsl:value-of select="$varde"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="vb:status">
    <xsl:param name="varde"/>
    <xsl:choose>
      <xsl:when test="$varde = 'lost-lokalt'">Löst lokalt</xsl:when>
      <xsl:when test="$varde = 'skickad-delregionalt'">Skickad delregionalt</xsl:when>
      <xsl:when test="$varde = 'pagaende'">Pågående</xsl:when>
      <xsl:otherwise><xsl:value-of select="$varde"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       Numbers and dates
       ================================================================ -->
  <!-- A whole number Swedish style: 12 345 (U+00A0 between groups).
       Anything that is not a number is shown unchanged. Years are never
       passed through here (2019, not 2 019). -->
  <xsl:template name="vb:tal">
    <xsl:param name="tal"/>
    <xsl:variable name="t" select="normalize-space($tal)"/>
    <xsl:choose>
      <xsl:when test="$t != '' and string(number($t)) != 'NaN'">
        <xsl:value-of select="format-number(number($t), '#&#160;##0', 'vb:sv')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Dates are shown as ISO 8601, exactly as the format stores them
       (2019-03-14); one place in case that ever changes. -->
  <xsl:template name="vb:datum">
    <xsl:param name="datum"/>
    <xsl:value-of select="normalize-space($datum)"/>
  </xsl:template>

  <!-- ================================================================
       Sentences
       ================================================================ -->
  <!-- "Gruppen har haft 6 möten under 2019." / "... 1 möte ..." /
       "Gruppen har inte haft några möten under 2019." -->
  <xsl:template name="vb:mening-moten">
    <xsl:param name="antal"/>
    <xsl:param name="ar"/>
    <xsl:choose>
      <xsl:when test="number($antal) = 0">
        <xsl:text>Gruppen har inte haft några möten under </xsl:text>
        <xsl:value-of select="$ar"/>
        <xsl:text>.</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>Gruppen har haft </xsl:text>
        <xsl:call-template name="vb:tal">
          <xsl:with-param name="tal" select="$antal"/>
        </xsl:call-template>
        <xsl:choose>
          <xsl:when test="number($antal) = 1"> möte</xsl:when>
          <xsl:otherwise> möten</xsl:otherwise>
        </xsl:choose>
        <xsl:text> under </xsl:text>
        <xsl:value-of select="$ar"/>
        <xsl:text>.</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "Antal avvikelser under året: 3." -->
  <xsl:template name="vb:mening-avvikelser">
    <xsl:param name="antal"/>
    <xsl:text>Antal avvikelser under året: </xsl:text>
    <xsl:call-template name="vb:tal">
      <xsl:with-param name="tal" select="$antal"/>
    </xsl:call-template>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- Shown with a deviation marked systemfel="ja". -->
  <xsl:template name="vb:mening-systemfel">
    <xsl:text>Gruppen bedömer avvikelsen som ett återkommande systemfel i samverkan.</xsl:text>
  </xsl:template>

  <!-- "Delregionala ledningsgruppen för Västbus i Göteborgsregionen" -->
  <xsl:template name="vb:mottagare">
    <xsl:param name="delregion"/>
    <xsl:text>Delregionala ledningsgruppen för Västbus i </xsl:text>
    <xsl:value-of select="normalize-space($delregion)"/>
  </xsl:template>

  <!-- "Årsberättelse 2019" -->
  <xsl:template name="vb:titel">
    <xsl:param name="rapport" select="/a:arsberattelse"/>
    <xsl:text>Årsberättelse </xsl:text>
    <xsl:value-of select="normalize-space($rapport/@ar)"/>
  </xsl:template>

  <!-- "Årsberättelse 2019 – Lokala Västbusgruppen i Ale" -->
  <xsl:template name="vb:dokumenttitel">
    <xsl:param name="rapport" select="/a:arsberattelse"/>
    <xsl:call-template name="vb:titel">
      <xsl:with-param name="rapport" select="$rapport"/>
    </xsl:call-template>
    <xsl:text> – </xsl:text>
    <xsl:value-of select="normalize-space($rapport/a:grupp/a:namn)"/>
  </xsl:template>

  <!-- "Kontaktperson" value: "Åsa Lindström, asa@ale.se, 0303-33 00 00" -->
  <xsl:template name="vb:kontakt">
    <xsl:param name="kontakt" select="/a:arsberattelse/a:inlamning/a:kontaktperson"/>
    <xsl:value-of select="normalize-space($kontakt/a:namn)"/>
    <xsl:if test="normalize-space($kontakt/a:epost) != ''">
      <xsl:text>, </xsl:text>
      <xsl:value-of select="normalize-space($kontakt/a:epost)"/>
    </xsl:if>
    <xsl:if test="normalize-space($kontakt/a:telefon) != ''">
      <xsl:text>, </xsl:text>
      <xsl:call-template name="vb:etikett">
        <xsl:with-param name="nyckel" select="'tfn'"/>
      </xsl:call-template>
      <xsl:text>&#160;</xsl:text>
      <xsl:call-template name="vb:telefon">
        <xsl:with-param name="telefon" select="$kontakt/a:telefon"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A phone number kept on one line: its spaces become U+00A0
       ("0303-33 00 00" never breaks after "0303-33"). -->
  <xsl:template name="vb:telefon">
    <xsl:param name="telefon"/>
    <xsl:value-of select="translate(normalize-space($telefon), ' ', '&#160;')"/>
  </xsl:template>

  <!-- A deviation's reporting / concerned party for a table cell:
       "Hvitfeldtska gymnasiet (Skola)". The service is left out when the
       organisation's name already says it: "BUP Angered", not "BUP
       Angered (BUP)"; "Elevhälsan, Hjällboskolan", not "... (Elevhälsa)". -->
  <xsl:template name="vb:organisation">
    <xsl:param name="nod"/>
    <xsl:variable name="namn" select="normalize-space($nod)"/>
    <xsl:variable name="tjanst">
      <xsl:call-template name="vb:verksamhet">
        <xsl:with-param name="varde" select="$nod/@verksamhet"/>
        <xsl:with-param name="kort" select="'ja'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="$namn"/>
    <xsl:if test="normalize-space($nod/@verksamhet) != '' and
                  not(contains(translate($namn, $vb:versaler, $vb:gemener),
                               translate($tjanst, $vb:versaler, $vb:gemener)))">
      <xsl:text> (</xsl:text>
      <xsl:value-of select="$tjanst"/>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>
  <xsl:variable name="vb:versaler" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜ'"/>
  <xsl:variable name="vb:gemener" select="'abcdefghijklmnopqrstuvwxyzåäöéü'"/>

  <!-- "2019-09-10 – Gemensamt möte med elevhälsan" for a listed meeting. -->
  <xsl:template name="vb:mote">
    <xsl:param name="mote" select="."/>
    <xsl:call-template name="vb:datum">
      <xsl:with-param name="datum" select="$mote/@datum"/>
    </xsl:call-template>
    <xsl:if test="normalize-space($mote) != ''">
      <xsl:text> – </xsl:text>
      <xsl:value-of select="normalize-space($mote)"/>
    </xsl:if>
  </xsl:template>

  <!-- "Avvikelse 1, 2019-05-14: Riktlinjerna följs inte (...)" heading
       line of a deviation's description. -->
  <xsl:template name="vb:avvikelse-rubrik">
    <xsl:param name="avvikelse" select="."/>
    <xsl:param name="nr"/>
    <xsl:text>Avvikelse </xsl:text>
    <xsl:value-of select="$nr"/>
    <xsl:text>, </xsl:text>
    <xsl:call-template name="vb:datum">
      <xsl:with-param name="datum" select="$avvikelse/@datum"/>
    </xsl:call-template>
  </xsl:template>
  <!-- ================================================================
       The yearbook (arsbok-layout.xsl, arsbok-html.xsl,
       arsbok-sammanfattning.xsl). Same rules as above: plain text only.

    vb:arsbok-etikett  nyckel=KEY     fixed yearbook label
    vb:arsbok-titel    ar             "Västbus – Årsberättelser 2019"
    vb:arsbok-sidfot   ar delregion   "Västbus årsberättelser 2019 – GR"
    vb:arsbok-grupp    kommun [stadsdel]  "Ale", "Göteborg, Angered"
    vb:arsbok-kapitelnamn kommun [stadsdel] namn  "Ale – Lokala Västbusgruppen i Ale"
    vb:arsbok-status   varde          Inlämnad / Inlämnad för sent / ...
       ================================================================ -->
  <xsl:template name="vb:arsbok-etikett">
    <xsl:param name="nyckel"/>
    <xsl:choose>
      <xsl:when test="$nyckel = 'delregion'">Delregion</xsl:when>
      <xsl:when test="$nyckel = 'utgivare'">Utgivare</xsl:when>
      <xsl:when test="$nyckel = 'utskriven'">Sammanställd</xsl:when>
      <xsl:when test="$nyckel = 'innehall'">Innehåll</xsl:when>
      <xsl:when test="$nyckel = 'forord'">Förord</xsl:when>
      <xsl:when test="$nyckel = 'sammanfattning'">Sammanfattning för delregionen</xsl:when>
      <xsl:when test="$nyckel = 'arsberattelserna'">Årsberättelserna</xsl:when>
      <xsl:when test="$nyckel = 'amne'">Västbus årsberättelser, sammanställning för delregionen</xsl:when>
      <xsl:when test="$nyckel = 'till-kapitel'">Kapitel</xsl:when>
      <xsl:when test="$nyckel = 'till-innehall'">Till innehållsförteckningen</xsl:when>

      <!-- summary sections -->
      <xsl:when test="$nyckel = 'rubrik.inlamning'">Inlämnade årsberättelser</xsl:when>
      <xsl:when test="$nyckel = 'rubrik.moten'">Möten</xsl:when>
      <xsl:when test="$nyckel = 'rubrik.utbildning'">Utbildningsinsatser</xsl:when>
      <xsl:when test="$nyckel = 'rubrik.avvikelser'">Avvikelser</xsl:when>
      <xsl:when test="$nyckel = 'rubrik.pergrupp'">Siffror per grupp</xsl:when>
      <xsl:when test="$nyckel = 'rubrik.systemfel'">Till delregional nivå och möjliga systemfel</xsl:when>
      <xsl:when test="$nyckel = 'rubrik.jamforelse'">Jämfört med förra året</xsl:when>
      <xsl:when test="$nyckel = 'rubrik.trend'">Utveckling över åren</xsl:when>

      <!-- tables and charts -->
      <xsl:when test="$nyckel = 'tabell.inlamning'">Förväntade årsberättelser och deras status</xsl:when>
      <xsl:when test="$nyckel = 'tabell.utbildning'">Utbildningsinsatser och deltagare</xsl:when>
      <xsl:when test="$nyckel = 'tabell.kategori'">Avvikelser per kategori</xsl:when>
      <xsl:when test="$nyckel = 'tabell.status'">Avvikelser per status</xsl:when>
      <xsl:when test="$nyckel = 'tabell.matris'">Avvikelser efter rapporterande verksamhet (rader) och berörd verksamhet (kolumner)</xsl:when>
      <xsl:when test="$nyckel = 'tabell.pergrupp'">Möten, utbildningsinsatser och avvikelser per grupp</xsl:when>
      <xsl:when test="$nyckel = 'diagram.kategori'">Avvikelser per kategori</xsl:when>
      <xsl:when test="$nyckel = 'tabell.systemfel'">Avvikelser skickade delregionalt eller markerade som systemfel, efter par av verksamheter</xsl:when>
      <xsl:when test="$nyckel = 'tabell.par'">Avvikelser per par av verksamheter, båda hållen tillsammans</xsl:when>
      <xsl:when test="$nyckel = 'tabell.jamforelse'">Samma grupper båda åren</xsl:when>
      <xsl:when test="$nyckel = 'tabell.trend'">Siffror per år</xsl:when>
      <xsl:when test="$nyckel = 'diagram.moten'">Möten per grupp</xsl:when>
      <xsl:when test="$nyckel = 'diagram.enhet.st'">st.</xsl:when>

      <!-- column and row headings -->
      <xsl:when test="$nyckel = 'kol.grupp'">Grupp</xsl:when>
      <xsl:when test="$nyckel = 'kol.ar'">År</xsl:when>
      <xsl:when test="$nyckel = 'kol.antal'">Antal</xsl:when>
      <xsl:when test="$nyckel = 'kol.status'">Status</xsl:when>
      <xsl:when test="$nyckel = 'kol.inlamnad'">Inlämnad</xsl:when>
      <xsl:when test="$nyckel = 'kol.moten'">Möten</xsl:when>
      <xsl:when test="$nyckel = 'kol.insatser'">Insatser</xsl:when>
      <xsl:when test="$nyckel = 'kol.deltagare'">Deltagare</xsl:when>
      <xsl:when test="$nyckel = 'kol.avvikelser'">Avvikelser</xsl:when>
      <xsl:when test="$nyckel = 'kol.kategori'">Kategori</xsl:when>
      <xsl:when test="$nyckel = 'kol.uppgift'">Uppgift</xsl:when>
      <xsl:when test="$nyckel = 'kol.rapporterande'">Rapporterande</xsl:when>
      <xsl:when test="$nyckel = 'rad.insatser'">Utbildningsinsatser</xsl:when>
      <xsl:when test="$nyckel = 'rad.moten'">Möten</xsl:when>
      <xsl:when test="$nyckel = 'rad.avvikelser'">Avvikelser</xsl:when>
      <xsl:when test="$nyckel = 'rad.skickade'">Avvikelser skickade delregionalt</xsl:when>
      <xsl:when test="$nyckel = 'rad.systemfel'">Avvikelser markerade som systemfel</xsl:when>
      <xsl:when test="$nyckel = 'rad.giltiga'">Grupper med giltig årsberättelse</xsl:when>
      <xsl:when test="$nyckel = 'kol.datum'">Datum</xsl:when>
      <xsl:when test="$nyckel = 'kol.par'">Verksamheter</xsl:when>
      <xsl:when test="$nyckel = 'kol.systemfel'">Systemfel</xsl:when>
      <xsl:when test="$nyckel = 'kol.mening'">Beskrivning (första meningen)</xsl:when>
      <xsl:when test="$nyckel = 'kol.a-till-b'">A till B</xsl:when>
      <xsl:when test="$nyckel = 'kol.b-till-a'">B till A</xsl:when>
      <xsl:when test="$nyckel = 'kol.grupper'">Grupper</xsl:when>
      <xsl:when test="$nyckel = 'kol.forandring'">Förändring</xsl:when>
      <xsl:when test="$nyckel = 'rad.deltagare'">Deltagare (där antalet anges)</xsl:when>
      <xsl:when test="$nyckel = 'rad.bara-antal'">Bara antal angivet (ingen kategori)</xsl:when>
      <xsl:when test="$nyckel = 'totalt'">Totalt</xsl:when>
      <xsl:when test="$nyckel = 'ingen-uppgift'">–</xsl:when>

      <!-- list labels in "Inlämnade årsberättelser" -->
      <xsl:when test="$nyckel = 'lista.saknas'">Har inte lämnat in</xsl:when>
      <xsl:when test="$nyckel = 'lista.sen'">Inlämnade för sent, efter den 1 mars</xsl:when>
      <xsl:when test="$nyckel = 'lista.ogiltig'">Inlämnade men ogiltiga (inte med som kapitel)</xsl:when>
      <xsl:when test="$nyckel = 'lista.okand'">Okända filer i mappen (inte med)</xsl:when>
      <xsl:when test="$nyckel = 'inga'">inga</xsl:when>
      <xsl:when test="$nyckel = 'not.sen'">Årsberättelsen lämnades in för sent, efter den 1 mars.</xsl:when>
      <xsl:otherwise>??<xsl:value-of select="$nyckel"/>??</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "Västbus – Årsberättelser 2019" (cover, document title). -->
  <xsl:template name="vb:arsbok-titel">
    <xsl:param name="ar"/>
    <xsl:text>Västbus – Årsberättelser </xsl:text>
    <xsl:value-of select="normalize-space($ar)"/>
  </xsl:template>

  <!-- "Västbus årsberättelser 2019 – Göteborgsregionen" (running footer). -->
  <xsl:template name="vb:arsbok-sidfot">
    <xsl:param name="ar"/>
    <xsl:param name="delregion"/>
    <xsl:text>Västbus årsberättelser </xsl:text>
    <xsl:value-of select="normalize-space($ar)"/>
    <xsl:text> – </xsl:text>
    <xsl:value-of select="normalize-space($delregion)"/>
  </xsl:template>

  <!-- An expected group by its place: "Ale", "Göteborg, Angered". -->
  <xsl:template name="vb:arsbok-grupp">
    <xsl:param name="kommun"/>
    <xsl:param name="stadsdel" select="''"/>
    <xsl:value-of select="normalize-space($kommun)"/>
    <xsl:if test="normalize-space($stadsdel) != ''">
      <xsl:text>, </xsl:text>
      <xsl:value-of select="normalize-space($stadsdel)"/>
    </xsl:if>
  </xsl:template>

  <!-- Why a handed-in report is not a chapter: "årsberättelsen har 2 fel
       som måste rättas" (the count from vastbus validera). -->
  <xsl:template name="vb:arsbok-ogiltig">
    <xsl:param name="fel"/>
    <xsl:text>årsberättelsen har </xsl:text>
    <xsl:value-of select="$fel"/>
    <xsl:text> fel som måste rättas</xsl:text>
  </xsl:template>

  <!-- A chapter in the table of contents: the group by its place, as the
       summary names it, then its own name: "Göteborg, Centrum – Lokal
       ledningsgrupp Västbus Centrum". The place leads because the summary's
       tables and lists are ordered and read by it. -->
  <xsl:template name="vb:arsbok-kapitelnamn">
    <xsl:param name="kommun"/>
    <xsl:param name="stadsdel" select="''"/>
    <xsl:param name="namn"/>
    <xsl:call-template name="vb:arsbok-grupp">
      <xsl:with-param name="kommun" select="$kommun"/>
      <xsl:with-param name="stadsdel" select="$stadsdel"/>
    </xsl:call-template>
    <xsl:if test="normalize-space($namn) != ''">
      <xsl:text> – </xsl:text>
      <xsl:value-of select="normalize-space($namn)"/>
    </xsl:if>
  </xsl:template>

  <!-- A group's status in the yearbook (set by vastbus arsbok). -->
  <xsl:template name="vb:arsbok-status">
    <xsl:param name="varde"/>
    <xsl:choose>
      <xsl:when test="$varde = 'inlamnad'">Inlämnad</xsl:when>
      <xsl:when test="$varde = 'sen'">Inlämnad för sent</xsl:when>
      <xsl:when test="$varde = 'saknas'">Saknas</xsl:when>
      <xsl:when test="$varde = 'ogiltig'">Inlämnad men ogiltig</xsl:when>
      <xsl:when test="$varde = 'okand'">Okänd fil</xsl:when>
      <xsl:otherwise><xsl:value-of select="$varde"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A whole number or a share with one decimal, Swedish style ("5,2"). -->
  <xsl:template name="vb:decimaltal">
    <xsl:param name="tal"/>
    <xsl:value-of select="format-number(number($tal), '#&#160;##0,0', 'vb:sv')"/>
  </xsl:template>
</xsl:stylesheet>
