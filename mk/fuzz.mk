# mk/fuzz.mk - libFuzzer harnesses (tests/fuzz/), not part of `make check`.
#
#   make fuzz SECONDS=N     build the harnesses into build-fuzz/ and run each
#                           for N seconds (default 60), one after the other
#   make fuzz FUZZ=layout   only that harness (report, manifest, layout)
#   make fuzz FUZZ_EXTRA=…  more libFuzzer options (see below)
#   make fuzz-build         only build them
#   make fuzz-repro FILE=…  run every harness once on FILE (a crash input)
#   make fuzz-clean
#
# Sources are compiled with clang's -fsanitize=fuzzer-no-link plus ASan and
# UBSan (UBSan findings abort, so libFuzzer keeps them as crashes). New
# corpus entries go to build-fuzz/corpus/<harness>/ (the seeds under
# tests/fuzz/corpus/ are only read); crashes, hangs and leaks are written
# to build-fuzz/crashes/; each run's log is build-fuzz/logs/<harness>.log.
# See doc/fuzzing.md.

FUZZ_DIR     = build-fuzz
# Looked up each time it is used (recursive), so an install by
# fuzz-check-cc is seen in the same run.
FUZZ_CC     ?= $(firstword $(shell command -v clang-14 clang 2>/dev/null))
FUZZ_SAN     = -fsanitize=address,undefined -fno-sanitize-recover=all \
               -fno-omit-frame-pointer
FUZZ_CFLAGS  = -std=c17 -g -O1 -Wall -Wextra $(FUZZ_SAN) \
               -fsanitize=fuzzer-no-link -MMD -MP
FUZZ_CPPFLAGS = $(CPPFLAGS) -DVB_FUZZ_SRCDIR='"$(CURDIR)"'

# What each harness links: every harness calls src/pipeline/, the same
# functions as the program, and links only the folders of src/ that
# pipeline needs for it; each set goes into a static archive, so the
# linker takes only the objects really called. report and manifest share
# the check pipeline's set (typeset only for ts_release, which the
# context's free calls: the dictionaries are kept for the whole run).
FUZZ_REPORT_SRC := $(filter $(patsubst %,src/%/%,util diag xml xslt check geo \
                   arsbok pipeline typeset layout page),$(LIB_SRC))
FUZZ_LAYOUT_SRC := $(filter $(patsubst %,src/%/%,util diag xml layout typeset \
                   page pdf pipeline),$(LIB_SRC))
FUZZ_REPORT_OBJ := $(FUZZ_REPORT_SRC:%.c=$(FUZZ_DIR)/%.o)
FUZZ_LAYOUT_OBJ := $(FUZZ_LAYOUT_SRC:%.c=$(FUZZ_DIR)/%.o)

FUZZ_TARGETS := report manifest layout
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)

# libFuzzer options per harness: the largest input it may build, and the
# dictionary. A real report is under 25 KB; a layout tree with thousands
# of table rows needs more room.
FUZZ_MAXLEN_report = 32768
FUZZ_MAXLEN_manifest = 16384
FUZZ_MAXLEN_layout = 131072
FUZZ_DICT_report   = tests/fuzz/report.dict
FUZZ_DICT_manifest = tests/fuzz/report.dict
FUZZ_DICT_layout   = tests/fuzz/layout.dict
# Seeds: the committed corpus, plus the folders whose files grow with the
# project (read only; libFuzzer writes new inputs to the first folder).
# The kept findings (tests/regress/fuzz/) are seeds too, so every run
# starts from the inputs that once broke the program.
FUZZ_SEEDS_report  = tests/fuzz/corpus/report $(wildcard samples/gr-2019 \
                     samples/ogiltiga tests/validera tests/regress/fuzz/report)
FUZZ_SEEDS_manifest = tests/fuzz/corpus/manifest \
                     $(wildcard tests/regress/fuzz/manifest)
FUZZ_SEEDS_layout  = tests/fuzz/corpus/layout $(wildcard tests/layout \
                     tests/regress/fuzz/layout)
FUZZ_OPTS = -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 $(FUZZ_EXTRA)
# FUZZ_EXTRA: more libFuzzer options, e.g. to go on past known findings:
#   make fuzz FUZZ_EXTRA="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"

# The fuzzer's own sanitizer settings: leaks are findings, system-library
# leaks are suppressed by the same list as `make check SANITIZE=1`. To fuzz
# on past a known, still open leak, point FUZZ_SUPP at a copy of that list
# with one more line; never commit such a line. Leak stacks through
# libraries without frame pointers (libharu) are cut short during fuzzing,
# so name a frame that is still there (e.g. leak:HPDF_GetMem), which hides
# every libharu leak: keep such runs short.
FUZZ_SUPP ?= tests/lsan.supp
FUZZ_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:allocator_may_return_null=1 \
           UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
           LSAN_OPTIONS=suppressions=$(CURDIR)/$(FUZZ_SUPP):print_suppressions=0 \
           SOURCE_DATE_EPOCH=1577836800

SECONDS ?= 60
FUZZ    ?= $(FUZZ_TARGETS)

.PHONY: fuzz fuzz-build fuzz-repro fuzz-clean fuzz-check-cc

# clang (with libFuzzer) is not needed by `make check`, so it is not in
# scripts/debian-packages.txt; it is installed here when missing, the same
# way (apt-get, sudo when not root).
fuzz-check-cc:
	@command -v clang-14 >/dev/null 2>&1 || command -v clang >/dev/null 2>&1 || { \
	    echo "Installerar Debianpaket som saknas: clang (för make fuzz)"; \
	    if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    $$SUDO apt-get update -qq && \
	    $$SUDO apt-get install -y -qq --no-install-recommends clang; }
	@test -n "$(FUZZ_CC)" || { echo "fuzz: clang is missing (apt-get install clang; libFuzzer comes with it)"; exit 1; }

fuzz-build: fuzz-check-cc $(FUZZ_BINS)

$(FUZZ_DIR)/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_DIR)/libreport.a: $(FUZZ_REPORT_OBJ)
	rm -f $@ && ar rcs $@ $^

$(FUZZ_DIR)/libmanifest.a: $(FUZZ_DIR)/libreport.a
	cp $< $@

$(FUZZ_DIR)/liblayout.a: $(FUZZ_LAYOUT_OBJ)
	rm -f $@ && ar rcs $@ $^

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_DIR)/lib%.a
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer \
	    -o $@ $< $(FUZZ_DIR)/lib$*.a $(LDLIBS)

-include $(FUZZ_REPORT_OBJ:.o=.d) $(FUZZ_LAYOUT_OBJ:.o=.d) \
         $(FUZZ_BINS:=.d)

# Runs each harness for $(SECONDS) s, one at a time (they are CPU-bound),
# then fails if any of them found something; the findings stay in
# build-fuzz/crashes/ and the last lines of each log say what it was.
fuzz: fuzz-check-cc $(FUZZ:%=$(FUZZ_DIR)/fuzz_%)
	@mkdir -p $(FUZZ_DIR)/crashes $(FUZZ_DIR)/logs
	@fail=0; for h in $(FUZZ); do \
	    case $$h in \
	    report) maxlen=$(FUZZ_MAXLEN_report); dict=$(FUZZ_DICT_report); \
	            seeds="$(FUZZ_SEEDS_report)" ;; \
	    manifest) maxlen=$(FUZZ_MAXLEN_manifest); dict=$(FUZZ_DICT_manifest); \
	            seeds="$(FUZZ_SEEDS_manifest)" ;; \
	    layout) maxlen=$(FUZZ_MAXLEN_layout); dict=$(FUZZ_DICT_layout); \
	            seeds="$(FUZZ_SEEDS_layout)" ;; \
	    *) echo "fuzz: no harness $$h (report, manifest, layout)"; exit 2 ;; \
	    esac; \
	    test -x $(FUZZ_DIR)/fuzz_$$h || { echo "fuzz: fuzz_$$h is not built"; exit 2; }; \
	    mkdir -p $(FUZZ_DIR)/corpus/$$h; \
	    echo "== fuzz_$$h: $(SECONDS) s, log in $(FUZZ_DIR)/logs/$$h.log"; \
	    before=$$(ls $(FUZZ_DIR)/crashes | wc -l); start=$$(date +%s); \
	    env $(FUZZ_ENV) ./$(FUZZ_DIR)/fuzz_$$h $(FUZZ_OPTS) \
	        -max_len=$$maxlen -dict=$$dict -max_total_time=$(SECONDS) \
	        -artifact_prefix=$(FUZZ_DIR)/crashes/$$h- \
	        $(FUZZ_DIR)/corpus/$$h $$seeds \
	        > $(FUZZ_DIR)/logs/$$h.log 2>&1 || fail=$$((fail+1)); \
	    found=$$(( $$(ls $(FUZZ_DIR)/crashes | wc -l) - before )); \
	    if [ $$found -gt 0 ]; then \
	        [ $$fail -gt 0 ] || fail=1; \
	        echo "FOUND: fuzz_$$h: $$found new file(s) in $(FUZZ_DIR)/crashes/ (see the log)"; \
	        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|artifact_prefix|Test unit written)' \
	            $(FUZZ_DIR)/logs/$$h.log | head -5; fi; \
	    execs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $(FUZZ_DIR)/logs/$$h.log); \
	    [ -n "$$execs" ] || execs=$$(sed -n 's/^#\([0-9]*\):.*/\1/p' $(FUZZ_DIR)/logs/$$h.log | tail -1); \
	    secs=$$(( $$(date +%s) - start )); \
	    echo "$$h: $$secs s, $${execs:-?} executions, $$found finding(s), $$(ls $(FUZZ_DIR)/corpus/$$h | wc -l) files in its corpus"; \
	    echo "$$(date -u +%Y-%m-%dT%H:%MZ) $$h wall=$${secs}s execs=$${execs:-?} findings=$$found" \
	        >> $(FUZZ_DIR)/logs/history.txt; \
	done; test $$fail -eq 0

# Reruns a saved input through every harness (with the stack traces).
fuzz-repro: fuzz-build
	@test -n "$(FILE)" || { echo "usage: make fuzz-repro FILE=path"; exit 2; }
	@for h in $(FUZZ_TARGETS); do echo "== fuzz_$$h $(FILE)"; \
	    env $(FUZZ_ENV) ./$(FUZZ_DIR)/fuzz_$$h -timeout=10 $(FILE); done

fuzz-clean:
	rm -rf $(FUZZ_DIR)

clean: fuzz-clean
