/* cmd_mall.c - `vastbus mall`: a blank report for a group to fill in, with
 * Swedish comments on every field. Blank fields are left empty on purpose:
 * `vastbus validera` then names each one that is still not filled in. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "geo/geo.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/termtext.h"

static const char usage[] =
	"Användning: vastbus mall --kommun KOMMUN [--stadsdel STADSDEL] --ar ÅR\n"
	"                         [--delregion DELREGION] [-o FIL [--skriv-over]]\n"
	"\n"
	"Skriver en tom årsberättelse att fylla i, med förklaringar till varje\n"
	"fält. ÅR är året berättelsen gäller (inte året den lämnas in). Utan -o\n"
	"skrivs mallen till standard ut. En befintlig fil skrivs aldrig över\n"
	"utan --skriv-over.\n"
	"\n"
	"Exempel: vastbus mall --kommun Ale --ar 2019 -o ale-2019.xml\n";

/* Escapes text for an XML attribute or element. Caller frees. */
static char *
xml_escape(const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p; p++)
		n += strchr("<>&\"", *p) ? 6 : 1;
	char *out = vb_malloc(n + 1), *o = out;
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '<': o += sprintf(o, "&lt;"); break;
		case '>': o += sprintf(o, "&gt;"); break;
		case '&': o += sprintf(o, "&amp;"); break;
		case '"': o += sprintf(o, "&quot;"); break;
		default: *o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

static char *
blank_report(const char *kommun, const char *stadsdel, const char *delregion,
	     int year)
{
	char *k = xml_escape(kommun);
	char *s = stadsdel ? xml_escape(stadsdel) : NULL;
	char *dr = delregion ? xml_escape(delregion) : vb_strdup("");
	char *sd = s ? vb_asprintf("    <stadsdel>%s</stadsdel>\n", s)
		     : vb_strdup("");
	char *name = s ? vb_asprintf("Lokala Västbusgruppen i %s", s)
		       : vb_asprintf("Lokala Västbusgruppen i %s", k);
	char *r = vb_asprintf(
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
"<!--\n"
"  Årsberättelse %d för lokal Västbusgrupp (%s%s%s).\n"
"\n"
"  Fyll i varje tomt fält: skriv texten mellan taggarna, t.ex.\n"
"  <namn>Åsa Lindström</namn>, och datum som ÅÅÅÅ-MM-DD, t.ex. 2019-03-14.\n"
"  Kontrollera sedan filen med:  vastbus validera DENNA-FIL.xml\n"
"  Den säger vilka fält som ännu inte är ifyllda.\n"
"  Skriv aldrig personnummer eller annat som kan identifiera ett barn.\n"
"-->\n"
"<arsberattelse xmlns=\"urn:vastbus:arsberattelse:1\" ar=\"%d\" version=\"1\">\n"
"  <grupp>\n"
"    <!-- Gruppens eget namn. -->\n"
"    <namn>%s</namn>\n"
"    <kommun>%s</kommun>\n"
"%s"
"    <!-- Delregionen ni lämnar berättelsen till: Göteborgsregionen,\n"
"         Fyrbodal, Skaraborg eller Södra Älvsborg. -->\n"
"    <delregion>%s</delregion>\n"
"  </grupp>\n"
"\n"
"  <!-- Datum då berättelsen skickas, senast %d-03-01. -->\n"
"  <inlamning datum=\"\">\n"
"    <kontaktperson>\n"
"      <namn></namn>\n"
"      <epost></epost>\n"
"      <!-- Telefon är frivilligt: ta bort raden om ni inte vill ange det. -->\n"
"      <telefon></telefon>\n"
"    </kontaktperson>\n"
"  </inlamning>\n"
"\n"
"  <!-- 1. Gruppens sammansättning: en <medlem> per person; kopiera blocket.\n"
"       roll: ordforande (exakt en), ledamot, sekreterare eller adjungerad.\n"
"       verksamhet: socialtjanst, skola, elevhalsa, forskola, primarvard, bup,\n"
"       habilitering, ungdomsmottagning, polis, fritid eller ovrig.\n"
"       huvudman: kommun, region eller annan. Gruppen bör ha ledamöter med\n"
"       både kommun och region som huvudman. -->\n"
"  <sammansattning>\n"
"    <medlem roll=\"ordforande\">\n"
"      <namn></namn>\n"
"      <!-- T.ex. Enhetschef, Verksamhetschef, Rektor. -->\n"
"      <funktion></funktion>\n"
"      <!-- T.ex. BUP Alingsås, Individ- och familjeomsorgen. -->\n"
"      <organisation></organisation>\n"
"      <verksamhet></verksamhet>\n"
"      <huvudman></huvudman>\n"
"    </medlem>\n"
"  </sammansattning>\n"
"\n"
"  <!-- 2. Antal möten under %d. Lista gärna datumen: ett <mote datum=\"…\"/>\n"
"       per möte; då ska antalet stämma med listan. -->\n"
"  <moten antal=\"\">\n"
"  </moten>\n"
"\n"
"  <!-- 3. Utbildningsinsatser under %d: en <insats> per insats. Ta bort\n"
"       <insats> om ni inte haft några; en tom lista betyder \"inga\".\n"
"       deltagare (antal) och målgrupp, arrangör, beskrivning är frivilliga. -->\n"
"  <utbildningsinsatser>\n"
"    <insats datum=\"\" deltagare=\"\">\n"
"      <titel></titel>\n"
"      <malgrupp></malgrupp>\n"
"      <arrangor></arrangor>\n"
"      <beskrivning></beskrivning>\n"
"    </insats>\n"
"  </utbildningsinsatser>\n"
"\n"
"  <!-- 4. Avvikelser under %d. antal = hur många avvikelser gruppen fått in.\n"
"       Lista gärna varje avvikelse (då ska antalet stämma):\n"
"       <avvikelse datum=\"ÅÅÅÅ-MM-DD\" kategori=\"riktlinjer-foljs-ej\"\n"
"                  status=\"lost-lokalt\">\n"
"         <rapporterande verksamhet=\"skola\">Organisationens namn</rapporterande>\n"
"         <berord verksamhet=\"bup\">Organisationens namn</berord>\n"
"         <beskrivning>Vad hände (utan uppgifter som kan identifiera barnet).</beskrivning>\n"
"         <atgard>Vad gjordes (frivilligt).</atgard>\n"
"       </avvikelse>\n"
"       kategori: riktlinjer-foljs-ej, insats-ej-utford, oenighet eller ovrigt.\n"
"       status: lost-lokalt, skickad-delregionalt eller pagaende.\n"
"       Lägg till systemfel=\"ja\" om gruppen bedömer att det är ett\n"
"       återkommande systemfel. Analysen krävs när antal är större än 0;\n"
"       ta bort <analys> om ni inte haft några avvikelser. -->\n"
"  <avvikelser antal=\"\">\n"
"    <analys>\n"
"      <stycke></stycke>\n"
"    </analys>\n"
"  </avvikelser>\n"
"\n"
"  <!-- 5. Reflektion (frivilligt): vad har fungerat, vad har varit svårt?\n"
"       Ett <stycke> per stycke. Ta bort avsnittet om det inte används. -->\n"
"  <reflektion>\n"
"    <stycke></stycke>\n"
"  </reflektion>\n"
"\n"
"  <!-- 6. Planering inför kommande år (frivilligt): planer och\n"
"       utbildningsbehov. Ta bort avsnittet om det inte används. -->\n"
"  <planering>\n"
"    <stycke></stycke>\n"
"  </planering>\n"
"</arsberattelse>\n",
		year, k, s ? ", " : "", s ? s : "", year, name, k, sd, dr,
		year + 1, year, year, year);
	free(k);
	free(s);
	free(dr);
	free(sd);
	free(name);
	return r;
}

static int
parse_year(const char *s, int *year)
{
	if (strlen(s) != 4)
		return -1;
	for (const char *p = s; *p; p++)
		if (!isdigit((unsigned char)*p))
			return -1;
	*year = atoi(s);
	return 0;
}

/* Joins up to n names as "a, b och c" into buf. */
static void
join_sv(char *buf, size_t size, const char *const *v, size_t n)
{
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s",
			 i == 0 ? "" : i + 1 == n ? " och " : ", ", v[i]);
	}
}

/* The template is only as good as its place: the municipality and
 * district must be real for the year (so the group does not fill in a
 * report that can never validate), and the subregion is filled in when
 * the data names exactly one. Prints its own Swedish message. */
static int
check_place(struct vb_ctx *ctx, const char *kommun, const char *stadsdel,
	    const char **delregion, int year)
{
	struct vb_diags d;
	vb_diags_init(&d, "vastbus mall");
	const struct vb_geo *geo = vb_ctx_geo(ctx, &d);
	int rc = 0;
	if (geo == NULL) {
		vb_diags_print(&d, stderr);
		vb_diags_free(&d);
		return 0;	/* no data: write the template unchecked */
	}
	vb_diags_free(&d);
	const char *list[64];
	char names[2048];
	if (!vb_geo_has_kommun(geo, kommun)) {
		fprintf(stderr, "vastbus mall: \"%s\" är inte en av Västra Götalands 49 kommuner; skriv namnet som kommunen själv stavar det, t.ex. Lilla Edet eller Öckerö\n",
			vb_term(kommun));
		return -1;
	}
	size_t n = vb_geo_stadsdelar(geo, kommun, year, list, 64);
	if (n > 64)
		n = 64;
	join_sv(names, sizeof(names), list, n);
	if (stadsdel && n == 0) {
		fprintf(stderr, "vastbus mall: %s hade inga stadsdelar %d; ta bort --stadsdel\n",
			kommun, year);
		rc = -1;
	} else if (stadsdel && !vb_geo_has_stadsdel(geo, kommun, stadsdel, year)) {
		fprintf(stderr, "vastbus mall: \"%s\" var inte en stadsdel i %s %d; välj en av %s\n",
			vb_term(stadsdel), kommun, year, names);
		rc = -1;
	} else if (!stadsdel && n > 0) {
		fprintf(stderr, "vastbus mall: %s hade stadsdelar %d och varje stadsdel har sin egen grupp; ange --stadsdel, en av %s\n",
			kommun, year, names);
		rc = -1;
	}
	if (rc == 0 && *delregion == NULL &&
	    vb_geo_delregioner_for(geo, kommun, year, list, 64) == 1)
		*delregion = list[0];
	return rc;
}

int
vb_cmd_mall(struct vb_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "kommun", required_argument, NULL, 'k' },
		{ "stadsdel", required_argument, NULL, 's' },
		{ "ar", required_argument, NULL, 'a' },
		{ "år", required_argument, NULL, 'a' },
		{ "delregion", required_argument, NULL, 'r' },
		{ "utfil", required_argument, NULL, 'o' },
		{ "skriv-over", no_argument, NULL, 'f' },
		{ "hjalp", no_argument, NULL, 'h' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *kommun = NULL, *stadsdel = NULL, *ar = NULL, *out = NULL,
		   *delregion = NULL;
	int force = 0, c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "k:s:a:r:o:fh", longopts, NULL)) != -1) {
		switch (c) {
		case 'k': kommun = optarg; break;
		case 's': stadsdel = optarg; break;
		case 'a': ar = optarg; break;
		case 'r': delregion = optarg; break;
		case 'o': out = optarg; break;
		case 'f': force = 1; break;
		case 'h':
			fputs(usage, stdout);
			return VB_EXIT_OK;
		default:
			return vb_bad_option("mall", "k:s:a:r:o:fh", longopts, argv, usage);
		}
	}
	int year = 0;
	if (kommun == NULL || ar == NULL || optind < argc) {
		fprintf(stderr, "vastbus mall: ange --kommun och --ar\n%s", usage);
		return VB_EXIT_USAGE;
	}
	if (parse_year(ar, &year) != 0) {
		fprintf(stderr, "vastbus mall: året ska skrivas med fyra siffror, t.ex. 2019, inte '%s'\n",
			vb_term(ar));
		return VB_EXIT_USAGE;
	}
	if (check_place(ctx, kommun, stadsdel, &delregion, year) != 0)
		return VB_EXIT_USAGE;
	char *text = blank_report(kommun, stadsdel, delregion, year);
	int rc = VB_EXIT_OK;
	if (out == NULL) {
		fputs(text, stdout);
	} else if (!force && access(out, F_OK) == 0) {
		fprintf(stderr, "vastbus mall: %s finns redan och skrivs inte över (använd --skriv-over)\n",
			vb_term(out));
		rc = VB_EXIT_INVALID;
	} else if (vb_write_atomic(out, text, strlen(text)) != 0) {
		fprintf(stderr, "vastbus mall: kan inte skriva %s: %s\n", vb_term(out),
			vb_strerror_sv(errno));
		rc = VB_EXIT_SYSTEM;	/* a failed write, as vb_exit_for() */
	}
	free(text);
	return rc;
}
