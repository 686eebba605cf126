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

       The table is one string of |key=text| entries (a text holds no
       '|'), looked up by contains() and substring-after(): one XPath
       evaluation per label, where a chain of xsl:when tested every key
       before it (a yearbook looks up some 2 500 labels). Plain XPath 1.0,
       so the browser's preview runs it too.
       ================================================================ -->
  <xsl:variable name="vb:etiketter-rtf">
      <!-- title block -->
      |arsberattelse=Årsberättelse|
      |kommun=Kommun|
      |stadsdel=Stadsdel|
      |delregion=Delregion|
      |till=Till|
      |inlamnad=Inlämnad|
      |kontaktperson=Kontaktperson|
      |sida=Sida|
      |av=av|
      |amne=Västbus årsberättelse|
      |till-innehall=Hoppa till innehållet|

      <!-- section headings, in template order -->
      |rubrik.sammansattning=1. Gruppens sammansättning|
      |rubrik.moten=2. Antal möten|
      |rubrik.utbildningsinsatser=3. Utbildningsinsatser|
      |rubrik.avvikelser=4. Avvikelser|
      |rubrik.avvikelsebeskrivningar=Beskrivning av avvikelserna|
      |rubrik.analys=Analys|
      |rubrik.reflektion=5. Reflektion|
      |rubrik.planering=6. Planering inför kommande år|

      <!-- table captions (HTML <caption>, layout table/@caption): what the
           table holds, not the section's heading again ("3.
           Utbildningsinsatser" over "Utbildningsinsatser under året") -->
      |tabell.sammansattning=Gruppens medlemmar|
      |tabell.utbildningsinsatser=Målgrupp och antal deltagare för varje insats|
      |tabell.avvikelser=Kategori, parter och status för varje avvikelse|

      <!-- column headings -->
      |kol.namn=Namn|
      |kol.funktion=Funktion|
      |kol.organisation=Organisation|
      |kol.huvudman=Huvudman|
      |kol.datum=Datum|
      |kol.insats=Insats|
      |kol.malgrupp=Målgrupp|
      |kol.deltagare=Deltagare|
      |kol.kategori=Kategori|
      |kol.rapporterande=Rapporterande|
      |kol.berord=Berörd|
      |kol.status=Status|

      <!-- short phrases -->
      |motesdatum=Mötesdatum:|
      |arrangor=Arrangör|
      |atgard=Åtgärd|
      |tfn=tfn|
      |avvikelse=Avvikelse|
      |saknas=–|
      |inga-insatser=Inga utbildningsinsatser under året.|
  </xsl:variable>
  <xsl:variable name="vb:etiketter" select="string($vb:etiketter-rtf)"/>
  <xsl:template name="vb:etikett">
    <xsl:param name="nyckel"/>
    <!-- no text is empty: empty means no such key -->
    <xsl:variable name="t" select="substring-before(substring-after($vb:etiketter, concat('|', $nyckel, '=')), '|')"/>
    <xsl:choose>
      <xsl:when test="$t != ''"><xsl:value-of select="$t"/></xsl:when>
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
  <!-- the same form of table as vb:etiketter -->
  <xsl:variable name="vb:arsbok-etiketter-rtf">
      |delregion=Delregion|
      |utgivare=Utgivare|
      |utskriven=Sammanställd|
      |innehall=Innehåll|
      |forord=Förord|
      |sammanfattning=Sammanfattning för delregionen|
      |arsberattelserna=Årsberättelserna|
      |amne=Västbus årsberättelser, sammanställning för delregionen|
      |till-kapitel=Kapitel|
      |till-innehall=Till innehållsförteckningen|

      <!-- summary sections -->
      |rubrik.inlamning=Inlämnade årsberättelser|
      |rubrik.moten=Möten|
      |rubrik.utbildning=Utbildningsinsatser|
      |rubrik.avvikelser=Avvikelser|
      |rubrik.pergrupp=Siffror per grupp|
      |rubrik.systemfel=Till delregional nivå och möjliga systemfel|
      |rubrik.jamforelse=Jämfört med förra året|
      |rubrik.trend=Utveckling över åren|

      <!-- tables and charts -->
      |tabell.inlamning=Förväntade årsberättelser och deras status|
      |tabell.utbildning=Utbildningsinsatser och deltagare|
      |tabell.kategori=Avvikelser per kategori|
      |tabell.status=Avvikelser per status|
      |tabell.matris=Avvikelser efter rapporterande verksamhet (rader) och berörd verksamhet (kolumner)|
      |tabell.pergrupp=Möten, utbildningsinsatser och avvikelser per grupp|
      |diagram.kategori=Avvikelser per kategori|
      |tabell.systemfel=Avvikelser skickade delregionalt eller markerade som systemfel, efter par av verksamheter|
      |tabell.par=Avvikelser per par av verksamheter, båda hållen tillsammans|
      |tabell.jamforelse=Samma grupper båda åren|
      |tabell.trend=Siffror per år|
      |diagram.moten=Möten per grupp|
      |diagram.enhet.st=st.|

      <!-- column and row headings -->
      |kol.grupp=Grupp|
      |kol.ar=År|
      |kol.antal=Antal|
      |kol.status=Status|
      |kol.inlamnad=Inlämnad|
      |kol.moten=Möten|
      |kol.insatser=Insatser|
      |kol.deltagare=Deltagare|
      |kol.avvikelser=Avvikelser|
      |kol.kategori=Kategori|
      |kol.uppgift=Uppgift|
      |kol.rapporterande=Rapporterande|
      |rad.insatser=Utbildningsinsatser|
      |rad.moten=Möten|
      |rad.avvikelser=Avvikelser|
      |rad.skickade=Avvikelser skickade delregionalt|
      |rad.systemfel=Avvikelser markerade som systemfel|
      |rad.giltiga=Grupper med giltig årsberättelse|
      |kol.datum=Datum|
      |kol.par=Verksamheter|
      |kol.systemfel=Systemfel|
      |kol.mening=Beskrivning (första meningen)|
      |kol.a-till-b=A till B|
      |kol.b-till-a=B till A|
      |kol.grupper=Grupper|
      |kol.forandring=Förändring|
      |rad.deltagare=Deltagare (där antalet anges)|
      |rad.bara-antal=Bara antal angivet (ingen kategori)|
      |totalt=Totalt|
      |ingen-uppgift=–|

      <!-- list labels in "Inlämnade årsberättelser" -->
      |lista.saknas=Har inte lämnat in|
      |lista.sen=Inlämnade för sent, efter den 1 mars|
      |lista.ogiltig=Inlämnade men ogiltiga (inte med som kapitel)|
      |lista.okand=Okända filer i mappen (inte med)|
      |inga=inga|
      |not.sen=Årsberättelsen lämnades in för sent, efter den 1 mars.|
  </xsl:variable>
  <xsl:variable name="vb:arsbok-etiketter" select="string($vb:arsbok-etiketter-rtf)"/>
  <xsl:template name="vb:arsbok-etikett">
    <xsl:param name="nyckel"/>
    <!-- no text is empty: empty means no such key -->
    <xsl:variable name="t" select="substring-before(substring-after($vb:arsbok-etiketter, concat('|', $nyckel, '=')), '|')"/>
    <xsl:choose>
      <xsl:when test="$t != ''"><xsl:value-of select="$t"/></xsl:when>
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
