/*
 * messages.c - the rule messages of messages.h as a table, for `vastbus
 * formular`. A name missing here is caught by tests/formular: the test
 * reads every CK_MSG_ of messages.h and looks for it in the form.
 */
#include "check/messages.h"

#define M(name) { #name, CK_MSG_##name },

const struct ck_message ck_messages[] = {
	M(KOMMUN_SUGGEST)
	M(KOMMUN)
	M(STADSDEL_NOT_GBG)
	M(STADSDEL_MISSING)
	M(STADSDEL_NONE)
	M(STADSDEL_SUGGEST)
	M(STADSDEL_FROM)
	M(STADSDEL_PERIOD)
	M(STADSDEL_UNKNOWN)
	M(DELREGION_SUGGEST)
	M(DELREGION)
	M(DELREGION_PAIR)
	M(MANY_CHAIRS)
	M(NO_CHAIR)
	M(MEMBER_AT_LINE)
	M(PRINCIPALS)
	M(PRINCIPAL_REGION)
	M(PRINCIPAL_KOMMUN)
	M(PRINCIPAL_EITHER)
	M(HANDIN_TOO_EARLY)
	M(LATE)
	M(DATE_OUTSIDE_YEAR)
	M(COUNT)
	M(NO_ANALYSIS)
	M(MOTE_WHAT)
	M(MOTE_SECTION)
	M(MOTE_LABEL)
	M(MOTE_ONE)
	M(MOTE_MANY)
	M(INSATS_WHAT)
	M(INSATS_SECTION)
	M(AVVIKELSE_WHAT)
	M(AVVIKELSE_SECTION)
	M(AVVIKELSE_LABEL)
	M(AVVIKELSE_ONE)
	M(AVVIKELSE_MANY)
	M(PERSONNUMMER)
	M(PNR_WHY_AVVIKELSE)
	M(PNR_WHY_REPORT)
	M(PNR_IN_COMMENT)
	M(PNR_IN_PI)
	M(PNR_IN_FORORD)
	M(PNR_IN_MANIFEST)
	M(PNR_WHY_ARSBOK)
	M(PNR_WHERE)
	M(PNR_ANYWHERE)
	M(JOIN_AND)
	M(JOIN_OR)
};
const size_t ck_nmessages = sizeof(ck_messages) / sizeof(ck_messages[0]);

#define T(el, sv) { el, sv },

const struct ck_term ck_pnr_sections[] = { CK_PNR_SECTIONS(T) };
const size_t ck_npnr_sections =
    sizeof(ck_pnr_sections) / sizeof(ck_pnr_sections[0]);
const struct ck_term ck_pnr_fields[] = { CK_PNR_FIELDS(T) };
const size_t ck_npnr_fields = sizeof(ck_pnr_fields) / sizeof(ck_pnr_fields[0]);
