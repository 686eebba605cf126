/* options.c - the one message for an option getopt_long could not take
 * (vb_bad_option, cli.h): named by the option itself, as the user wrote
 * it, never by whatever argument happens to stand before it. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "util/termtext.h"

/* Length of a long option's name in arg ("--utfil=x" → 5). */
static size_t
name_len(const char *arg)
{
	const char *eq = strchr(arg, '=');
	return eq ? (size_t)(eq - arg) : strlen(arg);
}

/* The long option val whose name arg ("--ut", "--utfil=x") starts,
 * exactly or as the one abbreviation getopt takes; NULL when none. */
static const struct option *
long_match(const struct option *longopts, const char *arg, int val)
{
	const char *name = arg + 2;
	size_t n = name_len(name);
	for (const struct option *o = longopts; o && o->name; o++)
		if (o->val == val && strncmp(o->name, name, n) == 0)
			return o;
	return NULL;
}

int
vb_bad_option(const char *cmd, const char *optstring,
	      const struct option *longopts, char **argv, const char *usage)
{
	/* After a long option getopt has always stepped past it; after a
	 * short one only when it ended its group ("-q", not "-qx"). */
	const char *arg = optind > 1 ? argv[optind - 1] : "";
	int is_long = strncmp(arg, "--", 2) == 0 && arg[2] != '\0' &&
		      (optopt == 0 || long_match(longopts, arg, optopt));
	char what[300];
	if (is_long) {
		char name[200];
		size_t n = name_len(arg);
		if (n >= sizeof(name))
			n = sizeof(name) - 1;
		memcpy(name, arg, n);
		name[n] = '\0';
		const struct option *o = optopt ? long_match(longopts, arg, optopt) : NULL;
		size_t matches = 0;
		for (const struct option *p = longopts; p && p->name; p++)
			if (strncmp(p->name, name + 2, n - 2) == 0)
				matches++;
		if (o && o->has_arg == no_argument)
			snprintf(what, sizeof(what), "flaggan %s tar inget värde",
				 vb_term(name));
		else if (o)
			snprintf(what, sizeof(what), "flaggan %s behöver ett värde",
				 vb_term(name));
		else if (matches > 1)
			snprintf(what, sizeof(what),
				 "flaggan %s kan vara flera olika; skriv hela namnet",
				 vb_term(name));
		else
			snprintf(what, sizeof(what), "okänd flagga %s", vb_term(name));
	} else {
		char opt[3] = { '-', (char)optopt, '\0' };
		const char *at = optopt > 0 && optopt != ':' ?
				 strchr(optstring, optopt) : NULL;
		if (at && at[1] == ':')
			snprintf(what, sizeof(what), "flaggan %s behöver ett värde",
				 vb_term(opt));
		else
			snprintf(what, sizeof(what), "okänd flagga %s", vb_term(opt));
	}
	fprintf(stderr, "vastbus %s: %s\n%s", cmd, what, usage ? usage : "");
	return VB_EXIT_USAGE;
}
