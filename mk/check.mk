# mk/check.mk - the end-to-end scripts (tests/cli/*.sh), one make target
# each, so `make -j2 check` runs them side by side; and `make check-tests`,
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
# seconds of each script alone, measured 2 December with a cpuacct cgroup
# (getrusage misses Chromium's renderers) under load from other sessions:
# formular 105-116 (Chromium, two forms at once), pdf_ordfoljd 81 (poppler's
# -struct-text once on each of the 61 sample PDFs), html_axe 68 (Chromium),
# pdf_taggar 32, arsbok_html 31, pdf_rapporter 26, pdfua_kontroll 19,
# pdf_taggad (no structure text since pdf_ordfoljd), hostile_meddelanden
# 16, arsbok_sammanfattning 13, hostile_budget 13, husstil_pdf 13,
# sasong_manifest 13, husstil_html 11, arsbok_pdf 10, html_struktur 6,
# sasong_statistik 6, html_fakta 6; the other 25 from 11 s down.
CLI_SLOW  := $(wildcard $(addprefix tests/cli/,formular.sh pdf_ordfoljd.sh html_axe.sh \
             pdf_taggar.sh arsbok_html.sh pdf_rapporter.sh pdfua_kontroll.sh pdf_taggad.sh \
             hostile_meddelanden.sh arsbok_sammanfattning.sh hostile_budget.sh husstil_pdf.sh \
             sasong_manifest.sh husstil_html.sh arsbok_pdf.sh html_struktur.sh \
             sasong_statistik.sh html_fakta.sh))
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
