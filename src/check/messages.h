/*
 * messages.h - the Swedish texts of the rule checks (the checkers in
 * src/check), in one place.
 *
 * The C checks pass these macros to vb_diag() as their format strings (so
 * the compiler still checks the arguments); `vastbus formular` serialises
 * the same texts into the form (ck_messages[] in messages.c), whose
 * JavaScript fills them in with the same arguments. One message per line,
 * one string literal each: tests/formular/meddelanden.mjs reads this file
 * and checks that the form carries exactly these texts.
 *
 * Conversions used: %s, %d, %ld, %zu, %04d, %02d (the form's formatter
 * knows exactly these).
 */
#ifndef VB_CHECK_MESSAGES_H
#define VB_CHECK_MESSAGES_H

#include <stddef.h>

/* ---- check_grupp.c: kommun, stadsdel, delregion ---- */
#define CK_MSG_KOMMUN_SUGGEST "\"%s\" finns inte bland Västra Götalands %zu kommuner; menar du \"%s\"?"
#define CK_MSG_KOMMUN "\"%s\" finns inte bland Västra Götalands %zu kommuner"
#define CK_MSG_STADSDEL_NOT_GBG "gruppen hör till %s, men stadsdel \"%s\" är angiven; ta bort stadsdel"
#define CK_MSG_STADSDEL_MISSING "%s hade stadsdelar %d, och varje stadsdel har sin egen lokala grupp; ange en av %s"
#define CK_MSG_STADSDEL_NONE "%s hade inga stadsdelar %d, så \"%s\" kan inte anges; ta bort stadsdel"
#define CK_MSG_STADSDEL_SUGGEST "; menar du \"%s\"?"
#define CK_MSG_STADSDEL_FROM "stadsdelen \"%s\" finns från %d, inte %d; stadsdelarna %d var %s%s"
#define CK_MSG_STADSDEL_PERIOD "stadsdelen \"%s\" fanns %d–%d, inte %d; stadsdelarna %d var %s%s"
#define CK_MSG_STADSDEL_UNKNOWN "\"%s\" är inte en stadsdel i %s %d; stadsdelarna %d var %s%s"
#define CK_MSG_DELREGION_SUGGEST "\"%s\" är inte en av delregionerna %s; menar du \"%s\"?"
#define CK_MSG_DELREGION "\"%s\" är inte en av delregionerna %s"
#define CK_MSG_DELREGION_PAIR "%s hörde %d till %s, inte till %s"

/* ---- check_members.c: the chair and the principals ---- */
#define CK_MSG_MANY_CHAIRS "%s på rad %ld och %s är båda angivna som ordförande; gruppen ska ha en ordförande"
#define CK_MSG_NO_CHAIR "ingen av medlemmarna i avsnitt 1, Gruppens sammansättning, har roll=\"ordforande\""
#define CK_MSG_MEMBER_AT_LINE "medlemmen på rad %ld"
#define CK_MSG_PRINCIPALS "ingen medlem i avsnitt 1 har huvudman %s; Västbus är en överenskommelse mellan kommunerna och regionen"
#define CK_MSG_PRINCIPAL_REGION "region"
#define CK_MSG_PRINCIPAL_KOMMUN "kommun"
#define CK_MSG_PRINCIPAL_EITHER "kommun eller region"

/* ---- check_sections.c: hand-in, sections 2-4 ---- */
#define CK_MSG_HANDIN_TOO_EARLY "inlämnad %s, men årsberättelsen gäller hela %d och lämnas in tidigast %d-01-01"
#define CK_MSG_LATE "%s, sista dagen var %04d-%02d-%02d"
#define CK_MSG_DATE_OUTSIDE_YEAR "%s %s i %s ligger inte i %d"
#define CK_MSG_COUNT "%s, %s, anger antal=\"%ld\" men %ld %s"
#define CK_MSG_NO_ANALYSIS "avsnitt 4 anger antal=\"%ld\"; skriv en analys av avvikelserna"
#define CK_MSG_MOTE_WHAT "mötet"
#define CK_MSG_MOTE_SECTION "avsnitt 2"
#define CK_MSG_MOTE_LABEL "Antal möten"
#define CK_MSG_MOTE_ONE "möte är listat"
#define CK_MSG_MOTE_MANY "möten är listade"
#define CK_MSG_INSATS_WHAT "utbildningsinsatsen"
#define CK_MSG_INSATS_SECTION "avsnitt 3"
#define CK_MSG_AVVIKELSE_WHAT "avvikelsen"
#define CK_MSG_AVVIKELSE_SECTION "avsnitt 4"
#define CK_MSG_AVVIKELSE_LABEL "Antal avvikelser"
#define CK_MSG_AVVIKELSE_ONE "avvikelse är listad"
#define CK_MSG_AVVIKELSE_MANY "avvikelser är listade"

/* ---- check_pnr.c: identity numbers in free text ---- */
#define CK_MSG_PERSONNUMMER "%s i %s; ta bort numret, %s"
#define CK_MSG_PNR_WHY_AVVIKELSE "avvikelsetexter får aldrig kunna identifiera ett barn"
#define CK_MSG_PNR_WHY_REPORT "en årsberättelse får aldrig kunna identifiera ett barn"
#define CK_MSG_PNR_IN_COMMENT "en kommentar i filen"
#define CK_MSG_PNR_IN_PI "en bearbetningsinstruktion (<?…?>) i filen"
#define CK_MSG_PNR_IN_FORORD "årsbokens förord"
#define CK_MSG_PNR_IN_MANIFEST "årsboksmanifestet"
#define CK_MSG_PNR_WHY_ARSBOK "en årsbok får aldrig kunna identifiera ett barn"
#define CK_MSG_PNR_WHERE "%s (%s)"
#define CK_MSG_PNR_ANYWHERE "årsberättelsen"

/* ---- check.c: joining lists of names ---- */
#define CK_MSG_JOIN_AND " och "
#define CK_MSG_JOIN_OR " eller "

/*
 * Where a personnummer stands, in the reader's terms: X(element, text).
 * check_pnr.c names the section and field of a hit with these.
 */
#define CK_PNR_SECTIONS(X) \
	X("grupp", "gruppens uppgifter") \
	X("inlamning", "inlämningen") \
	X("sammansattning", "avsnitt 1, Gruppens sammansättning") \
	X("moten", "avsnitt 2, Antal möten") \
	X("utbildningsinsatser", "avsnitt 3, Utbildningsinsatser") \
	X("avvikelser", "avsnitt 4, Avvikelser") \
	X("reflektion", "reflektionen") \
	X("planering", "planeringen")

#define CK_PNR_FIELDS(X) \
	X("namn", "namn") \
	X("funktion", "funktion") \
	X("organisation", "organisation") \
	X("kontaktperson", "kontaktperson") \
	X("epost", "e-post") \
	X("telefon", "telefon") \
	X("mote", "anteckning om mötet") \
	X("titel", "titel") \
	X("malgrupp", "målgrupp") \
	X("arrangor", "arrangör") \
	X("beskrivning", "beskrivning") \
	X("atgard", "åtgärd") \
	X("rapporterande", "rapporterande part") \
	X("berord", "berörd part") \
	X("analys", "analys") \
	X("kommun", "kommun") \
	X("stadsdel", "stadsdel") \
	X("delregion", "delregion")

/* The texts above by name ("KOMMUN_SUGGEST" for CK_MSG_KOMMUN_SUGGEST),
 * for the form (messages.c). */
struct ck_message {
	const char *name, *text;
};
extern const struct ck_message ck_messages[];
extern const size_t ck_nmessages;

/* The two tables of CK_PNR_*, as element/text pairs. */
struct ck_term {
	const char *el, *sv;
};
extern const struct ck_term ck_pnr_sections[];
extern const size_t ck_npnr_sections;
extern const struct ck_term ck_pnr_fields[];
extern const size_t ck_npnr_fields;

#endif
