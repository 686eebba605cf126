/* cmd_manifest.c - `vastbus manifest --delregion D --ar ÅR [KATALOG]`:
 * writes a yearbook manifest for every group the subregion had that year
 * (data/geografi.xml: the municipalities paired with D in ÅR, Göteborg as
 * its districts of that year), so the coordinator never types the list.
 * With KATALOG, each group's report found there by content is named in
 * fil, and a sibling folder holding last year's manifest becomes
 * foregaende. The comments in the file are Swedish: the coordinator edits
 * it by hand afterwards. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arsbok/arsbok.h"
#include "cli/cli.h"
#include "geo/geo.h"
#include "util/alloc.h"
#include "util/fileio.h"
#include "util/outplan.h"
#include "util/space.h"
#include "xml/load.h"
#include "util/termtext.h"

static const char usage[] =
	"Användning: vastbus manifest --delregion DELREGION --ar ÅR [KATALOG]\n"
	"                            [-o FIL [--skriv-over]]\n"
	"\n"
	"Skriver ett årsboksmanifest med en rad för varje lokal Västbusgrupp som\n"
	"delregionen hade det året (enligt programmets geografi, med Göteborgs\n"
	"stadsdelar för året). Med KATALOG fylls fil=\"…\" i för de årsberättelser\n"
	"som finns där (de känns igen på innehållet, inte på filnamnet), och\n"
	"<foregaende> för förra årets manifest i en mapp bredvid.\n"
	"\n"
	"Utan -o skrivs manifestet till KATALOG/arsbok.xml, eller till standard ut\n"
	"när ingen KATALOG anges. Manifestet ska ligga i KATALOG eller ovanför den.\n"
	"En befintlig fil skrivs aldrig över utan --skriv-over.\n"
	"\n"
	"  -d, --delregion D   Göteborgsregionen, Fyrbodal, Skaraborg eller Södra Älvsborg\n"
	"  -a, --ar ÅR         rapportåret, t.ex. 2019\n"
	"  -o, --utfil FIL     skriv manifestet hit\n"
	"      --skriv-over    skriv över en befintlig fil\n"
	"  -h, --hjalp         visa den här hjälpen\n"
	"\n"
	"Slutstatus: 0 manifestet skrivet, 1 inte skrivet (t.ex. filen finns),\n"
	"2 fel användning, 3 systemfel.\n";

/* XML text with & < > " escaped, for attributes and content. */
static void
put_esc(FILE *fp, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		default: fputc(*s, fp);
		}
	}
}

/* Text inside a comment may not hold "--". */
static void
put_comment_text(FILE *fp, const char *s)
{
	for (; *s; s++) {
		fputc(*s, fp);
		if (*s == '-' && s[1] == '-')
			fputc(' ', fp);
	}
}

/* Last year's manifest for delregion in a folder beside dir: "../x/y.xml"
 * (malloc'd) or NULL. Only plain files directly in each sibling folder;
 * sorted, so the same folders give the same answer. */
static char *
find_previous(const char *dir, const char *delregion, int ar)
{
	char *parent = vb_asprintf("%s/..", dir);
	char real_dir[PATH_MAX];
	if (realpath(dir, real_dir) == NULL) {
		free(parent);
		return NULL;
	}
	struct dirent **sib = NULL;
	int ns = scandir(parent, &sib, NULL, alphasort);
	char *found = NULL;
	for (int i = 0; i < ns; i++) {
		const char *sn = sib[i]->d_name;
		char *sd = vb_asprintf("%s/%s", parent, sn);
		char real_sd[PATH_MAX];
		struct stat st;
		if (found || sn[0] == '.' || lstat(sd, &st) != 0 ||
		    !S_ISDIR(st.st_mode) || realpath(sd, real_sd) == NULL ||
		    strcmp(real_sd, real_dir) == 0)
			goto next_sib;
		struct dirent **f = NULL;
		int nf = scandir(sd, &f, NULL, alphasort);
		for (int j = 0; j < nf; j++) {
			const char *fn = f[j]->d_name;
			size_t len = strlen(fn);
			char *fp = vb_asprintf("%s/%s", sd, fn);
			if (!found && fn[0] != '.' && len > 4 &&
			    strcmp(fn + len - 4, ".xml") == 0 &&
			    strchr(fn, ':') == NULL && strchr(sn, ':') == NULL &&
			    lstat(fp, &st) == 0 && S_ISREG(st.st_mode)) {
				struct vb_diags d;
				vb_diags_init(&d, fp);
				xmlDocPtr doc = vb_xml_load(fp, &d);
				vb_diags_free(&d);
				xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
				if (root && root->ns &&
				    xmlStrEqual(root->ns->href, (const xmlChar *)VB_ARSBOK_NS) &&
				    xmlStrEqual(root->name, (const xmlChar *)"arsbok")) {
					xmlChar *a = xmlGetProp(root, (const xmlChar *)"ar");
					int same_dr = 0;
					for (xmlNodePtr c = root->children; c; c = c->next)
						if (c->type == XML_ELEMENT_NODE &&
						    xmlStrEqual(c->name, (const xmlChar *)"delregion")) {
							/* xs:token, as the manifest's schema reads it */
							xmlChar *t = xmlNodeGetContent(c);
							char *tt = vb_collapsed((const char *)t);
							xmlFree(t);
							same_dr = strcmp(tt, delregion) == 0;
							free(tt);
							break;
						}
					if (a && atoi((const char *)a) == ar - 1 && same_dr)
						found = vb_asprintf("../%s/%s", sn, fn);
					xmlFree(a);
				}
				if (doc)
					xmlFreeDoc(doc);
			}
			free(fp);
			free(f[j]);
		}
		free(f);
next_sib:
		free(sd);
		free(sib[i]);
	}
	free(sib);
	free(parent);
	return found;
}

/* The groups of delregion in ar, in Swedish order; *n set. Each is a
 * struct vb_arsbok_grupp with kommun and stadsdel (pointers into geo). */
static size_t
groups_for(const struct vb_geo *geo, const char *delregion, int ar,
	   struct vb_arsbok_grupp **out)
{
	size_t n = 0, cap = 0;
	struct vb_arsbok_grupp *g = NULL;
	for (size_t k = 0; k < geo->nkommuner; k++) {
		const char *kn = geo->kommuner[k].namn;
		if (vb_geo_pairs(geo, kn, delregion, ar) != 1)
			continue;
		const char *sd[64];
		size_t nsd = vb_geo_stadsdelar(geo, kn, ar, sd, 64);
		if (nsd > 64)
			nsd = 64;
		for (size_t j = 0; j < (nsd ? nsd : 1); j++) {
			if (n == cap) {
				cap = cap ? cap * 2 : 32;
				g = vb_reallocarray(g, cap, sizeof(*g));
			}
			memset(&g[n], 0, sizeof(*g));
			g[n].kommun = vb_strdup(kn);
			g[n].stadsdel = nsd ? vb_strdup(sd[j]) : NULL;
			g[n].line = 0;
			n++;
		}
	}
	*out = g;
	return n;
}

/* The manifest text. ab holds the groups (with fil when found) and the
 * unknown files; prefix is put before each fil (the path from the
 * manifest's folder to KATALOG, "" or "x/"). */
static char *
manifest_text(const struct vb_arsbok *ab, const char *katalog,
	      const char *prefix, const char *foregaende)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	if (fp == NULL)
		return NULL;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--\n  Årsboksmanifest för ", fp);
	put_comment_text(fp, ab->delregion);
	fprintf(fp, " %d, skrivet av vastbus manifest.\n", ab->ar);
	fputs("  Grupperna är de som delregionen hade året enligt programmets geografi.\n"
	      "  Stryk en grupp som inte ska vara med, lägg till en som saknas.\n"
	      "  fil=\"…\" räknas från den här filens mapp; en grupp utan fil får den\n"
	      "  årsberättelse i mappen som gäller året, kommunen och stadsdelen.\n"
	      "  Kontrollera med: vastbus status DEN-HÄR-FILEN\n-->\n", fp);
	fprintf(fp, "<arsbok xmlns=\"%s\" ar=\"%04d\">\n", VB_ARSBOK_NS, ab->ar);
	fputs("  <delregion>", fp);
	put_esc(fp, ab->delregion);
	fputs("</delregion>\n  <utgivare>Delregionala ledningsgruppen för Västbus i ", fp);
	put_esc(fp, ab->delregion);
	fputs("</utgivare>\n"
	      "  <!-- Ett förord kan skrivas här:\n"
	      "  <forord><stycke>…</stycke></forord> -->\n"
	      "  <grupper>\n", fp);
	for (size_t i = 0; i < ab->n; i++) {
		const struct vb_arsbok_grupp *g = &ab->g[i];
		fputs("    <grupp kommun=\"", fp);
		put_esc(fp, g->kommun);
		fputc('"', fp);
		if (g->stadsdel) {
			fputs(" stadsdel=\"", fp);
			put_esc(fp, g->stadsdel);
			fputc('"', fp);
		}
		if (g->fil && strchr(g->fil, ':') == NULL) {
			fputs(" fil=\"", fp);
			put_esc(fp, prefix);
			put_esc(fp, g->fil);
			fputs("\"/>", fp);
		} else if (g->first_error) {
			fputs("/> <!-- ", fp);
			put_comment_text(fp, g->first_error);
			fputs("; välj en med fil=\"…\" -->", fp);
		} else if (katalog) {
			fputs("/> <!-- ingen årsberättelse ännu -->", fp);
		} else {
			fputs("/>", fp);
		}
		fputc('\n', fp);
	}
	fputs("  </grupper>\n", fp);
	for (size_t i = 0; i < ab->nokand; i++) {
		fputs("  <!-- Okänd fil i mappen: ", fp);
		put_comment_text(fp, prefix);
		put_comment_text(fp, ab->okand[i].fil);
		fputs(" (", fp);
		put_comment_text(fp, ab->okand[i].orsak);
		fputs(") -->\n", fp);
	}
	if (foregaende) {
		fputs("  <foregaende fil=\"", fp);
		put_esc(fp, foregaende);
		fputs("\"/>\n", fp);
	} else {
		fprintf(fp, "  <!-- Inget manifest för %d hittades i en mapp bredvid; ange det så här\n"
			"       för att jämföra med tidigare år: <foregaende fil=\"../MAPP/arsbok.xml\"/> -->\n",
			ab->ar - 1);
	}
	fputs("</arsbok>\n", fp);
	if (fclose(fp) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* The path from the manifest's folder (outdir) down to katalog, "" when
 * they are the same folder, "a/b/" when below; NULL when katalog is not
 * at or below outdir. malloc'd. */
static char *
prefix_to(const char *outdir, const char *katalog)
{
	char ro[PATH_MAX], rk[PATH_MAX];
	if (realpath(outdir, ro) == NULL || realpath(katalog, rk) == NULL)
		return NULL;
	size_t n = strlen(ro);
	if (strcmp(ro, rk) == 0)
		return vb_strdup("");
	if (n == 1)
		return vb_asprintf("%s/", rk + 1);
	if (strncmp(ro, rk, n) == 0 && rk[n] == '/')
		return vb_asprintf("%s/", rk + n + 1);
	return NULL;
}

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return vb_strdup(".");
	if (slash == path)
		return vb_strdup("/");
	return vb_strndup(path, (size_t)(slash - path));
}

int
vb_cmd_manifest(struct vb_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "delregion", required_argument, NULL, 'd' },
		{ "ar", required_argument, NULL, 'a' },
		{ "år", required_argument, NULL, 'a' },
		{ "utfil", required_argument, NULL, 'o' },
		{ "skriv-over", no_argument, NULL, 'f' },
		{ "hjalp", no_argument, NULL, 'h' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *delregion = NULL, *ars = NULL, *out = NULL, *katalog = NULL;
	int force = 0, c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "d:a:o:fh", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': delregion = optarg; break;
		case 'a': ars = optarg; break;
		case 'o': out = optarg; break;
		case 'f': force = 1; break;
		case 'h':
			fputs(usage, stdout);
			return VB_EXIT_OK;
		default:
			return vb_bad_option("manifest", "d:a:o:fh", longopts, argv, usage);
		}
	}
	if (delregion == NULL || ars == NULL || argc - optind > 1) {
		fprintf(stderr, "vastbus manifest: ange --delregion och --ar (och högst en KATALOG)\n%s",
			usage);
		return VB_EXIT_USAGE;
	}
	if (optind < argc)
		katalog = argv[optind];
	int ar = 0;
	if (strlen(ars) != 4 || strspn(ars, "0123456789") != 4 ||
	    (ar = atoi(ars)) < 1000) {
		fprintf(stderr, "vastbus manifest: året ska skrivas med fyra siffror, t.ex. 2019, inte '%s'\n",
			vb_term(ars));
		return VB_EXIT_USAGE;
	}
	struct vb_diags d;
	vb_diags_init(&d, "vastbus manifest");
	const struct vb_geo *geo = vb_ctx_geo(ctx, &d);
	if (geo == NULL) {
		vb_diags_print(&d, stderr);
		vb_diags_free(&d);
		return VB_EXIT_SYSTEM;
	}
	vb_diags_free(&d);
	if (!vb_geo_has_delregion(geo, delregion)) {
		fprintf(stderr, "vastbus manifest: \"%s\" är ingen delregion; de heter Göteborgsregionen, Fyrbodal, Skaraborg och Södra Älvsborg\n",
			vb_term(delregion));
		return VB_EXIT_USAGE;
	}
	struct stat st;
	if (katalog && (stat(katalog, &st) != 0 || !S_ISDIR(st.st_mode))) {
		fprintf(stderr, "vastbus manifest: %s är ingen mapp\n", vb_term(katalog));
		return VB_EXIT_USAGE;
	}
	char *outname = out ? vb_strdup(out)
		       : katalog ? vb_asprintf("%s/arsbok.xml", katalog) : NULL;

	struct vb_arsbok ab = { 0 };
	ab.ar = ar;
	ab.delregion = vb_strdup(delregion);
	ab.n = groups_for(geo, delregion, ar, &ab.g);
	int rc = VB_EXIT_OK;
	char *prefix = NULL, *fg = NULL, *text = NULL;
	if (ab.n == 0) {
		fprintf(stderr, "vastbus manifest: %s hade inga grupper %d enligt programmets geografi (den börjar 2005)\n",
			delregion, ar);
		rc = VB_EXIT_USAGE;
		goto done;
	}
	if (outname && !force && access(outname, F_OK) == 0) {
		fprintf(stderr, "vastbus manifest: %s finns redan och skrivs inte över (använd --skriv-over)\n",
			vb_term(outname));
		rc = VB_EXIT_INVALID;
		goto done;
	}
	char *outdir = outname ? dir_of(outname) : vb_strdup(".");
	if (katalog) {
		prefix = prefix_to(outdir, katalog);
		if (prefix == NULL) {
			fprintf(stderr, "vastbus manifest: manifestet %s ska ligga i %s eller i en mapp ovanför den, annars kan fil=\"…\" inte peka på årsberättelserna\n",
				outname ? vb_term(outname) : "(standard ut)",
				vb_term(katalog));
			free(outdir);
			rc = VB_EXIT_USAGE;
			goto done;
		}
		ab.dir = vb_strdup(katalog);
		/* No own path: a report at -o is found like any other, so the
		 * output plan below refuses to write over it. */
		ab.path = vb_strdup("");
		struct vb_diags dd;
		vb_diags_init(&dd, katalog);
		vb_arsbok_discover(&ab, &dd);
		vb_diags_print(&dd, stderr);
		vb_diags_free(&dd);
	}
	if (outname)
		fg = find_previous(outdir, delregion, ar);
	free(outdir);
	text = manifest_text(&ab, katalog, prefix ? prefix : "", fg);
	if (text == NULL) {
		fputs("vastbus manifest: slut på minne\n", stderr);
		rc = VB_EXIT_SYSTEM;
	} else if (outname == NULL) {
		fputs(text, stdout);
		if (fflush(stdout) != 0)
			rc = VB_EXIT_SYSTEM;
	} else {
		/* Never over a report it has just named (--skriv-over -o x.xml). */
		struct vb_outplan plan;
		vb_outplan_init(&plan);
		for (size_t i = 0; i < ab.n; i++)
			if (ab.g[i].path)
				vb_outplan_add_input(&plan, ab.g[i].path);
		vb_outplan_add_output(&plan, outname);
		struct vb_diags wd;
		vb_diags_init(&wd, "vastbus manifest");
		const void *data[] = { text };
		size_t lens[] = { strlen(text) };
		if (vb_plan_check(&plan, &wd) > 0 ||
		    vb_plan_write(&plan, data, lens, &wd) != 0) {
			vb_diags_print(&wd, stderr);
			rc = vb_exit_worse(VB_EXIT_INVALID, vb_exit_status(&wd));
		} else {
			size_t found = 0;
			for (size_t i = 0; i < ab.n; i++)
				found += ab.g[i].fil != NULL;
			fprintf(stderr, "Skrev %s: %zu grupper, %zu med årsberättelse%s.\n",
				vb_term(outname), ab.n, found,
				fg ? ", föregående år ifyllt" : "");
		}
		vb_diags_free(&wd);
		vb_outplan_free(&plan);
	}
done:
	free(text);
	free(fg);
	free(prefix);
	free(outname);
	/* ab is on the stack: free its parts, not itself. */
	for (size_t i = 0; i < ab.n; i++) {
		free(ab.g[i].kommun);
		free(ab.g[i].stadsdel);
		free(ab.g[i].fil);
		free(ab.g[i].path);
		free(ab.g[i].first_error);
	}
	free(ab.g);
	for (size_t i = 0; i < ab.nokand; i++) {
		free(ab.okand[i].fil);
		free(ab.okand[i].orsak);
	}
	free(ab.okand);
	free(ab.dir);
	free(ab.path);
	free(ab.delregion);
	return rc;
}
