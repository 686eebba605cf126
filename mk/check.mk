# mk/check.mk - the end-to-end scripts (tests/cli/*.sh), one make target
# each, so `make check` (or -jN) runs them side by side; and `make check-tests`,
# which runs them against a broken program.
#
#   make cli            every script against ./vastbus; logs in build/cli/,
#                       a summary at the end with the failures' output
#   make cli-NAME       only tests/cli/NAME.sh
#   make check-tests    every script against tests/tools/stub-vastbus.sh (a
#                       program that answers --help/--version and fails
#                       every real command with exit 3); fails naming each
#                       script that still passes. Scripts whose first
#                       comment line starts with "# data-only:" (they check
#                       only the XSDs/stylesheets with xmllint/xsltproc, or
#                       only a test tool on files it writes) are exempt.
#   make check-tools    every command the tests, make files, scripts/ and
#                       .ci/run call comes from a listed Debian package
#                       (scripts/check-tools; part of make check)

CLI_LOG   = $(BUILD)/cli
STUB_DIR  = $(BUILD)/stub
STUB      = $(STUB_DIR)/vastbus
STUB_LOG  = $(STUB_DIR)/logs
CLI_RUN   = sh tests/tools/cli-run.sh

# The slowest scripts first, so two jobs end at about the same time. CPU
# seconds of each script alone (cpuacct cgroup: getrusage misses
# Chromium's renderers), measured 2 December evening under load from
# other sessions (+-10 %), with /usr/bin first on the PATH as cli-run.sh
# sets it: formular 88 (Chromium, two forms at once), html_axe 46
# (Chromium, 44 pages in one browser), pdf_ordfoljd 35-41 (poppler's
# -struct-text once on each of the 60 sample PDFs), pdf_taggad 14,
# pdf_rapporter 12, pdf_tables 11, arsbok_sammanfattning 9,
# hostile_meddelanden 9, arsbok_pdf 9, html_fakta 8, husstil_html 8,
# husstil_text 8, pdfua_kontroll 8, husstil_pdf 6; the other 30 from 5 s
# down.
CLI_SLOW  := $(wildcard $(addprefix tests/cli/,formular.sh html_axe.sh pdf_ordfoljd.sh \
             pdf_taggad.sh pdf_rapporter.sh pdf_tables.sh arsbok_sammanfattning.sh \
             hostile_meddelanden.sh arsbok_pdf.sh html_fakta.sh husstil_html.sh husstil_text.sh \
             pdfua_kontroll.sh husstil_pdf.sh))
CLI_ORDER := $(CLI_SLOW) $(filter-out $(CLI_SLOW),$(CLI_TESTS))
CLI_RUNS  := $(CLI_ORDER:tests/cli/%.sh=cli-%)
CLI_STUB_TESTS := $(foreach t,$(CLI_ORDER),$(if $(shell $(CLI_RUN) exempt $(t) && echo x),,$(t)))
STUB_RUNS := $(CLI_STUB_TESTS:tests/cli/%.sh=stub-%)

.PHONY: cli check-tests check-tools $(CLI_RUNS) $(STUB_RUNS)

cli: $(CLI_RUNS)
	@$(CLI_RUN) summary $(CLI_LOG) $(CLI_ORDER)

$(CLI_RUNS): cli-%: $(PROG)
	@$(CLI_RUN) run tests/cli/$*.sh $(CURDIR)/$(PROG) $(CLI_LOG)

$(STUB): tests/tools/stub-vastbus.sh
	@mkdir -p $(dir $@)
	cp $< $@
	chmod 755 $@

check-tests: $(STUB_RUNS)
	@$(CLI_RUN) stub-summary $(STUB_LOG) $(CLI_STUB_TESTS)

$(STUB_RUNS): stub-%: $(STUB)
	@$(CLI_RUN) run tests/cli/$*.sh $(CURDIR)/$(STUB) $(STUB_LOG)

check-tools:
	@python3 scripts/check-tools
