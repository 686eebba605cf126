# vastbus - Västbus annual reports: validate, render to HTML and PDF, merge.
#
#   make            build ./vastbus
#   make demo       install what is missing, build, run on samples/ → out/
#   make check      install what is missing, build, run every test, as
#                   many end-to-end scripts at a time as there are cores
#                   (a -j given on the command line wins: -j1 = one at a time)
#   make check SANITIZE=1   the same with AddressSanitizer + UBSan
#   make check-tests        every end-to-end script must fail against a
#                           broken stub program (mk/check.mk)
#   make install PREFIX=/usr/local DESTDIR=
#
# Every src/**/*.c goes into the program; every tests/unit/test_*.c is a
# cmocka program linked with all of src/ but main.c; every tests/cli/*.sh
# is an end-to-end test run from the top of the tree.

VERSION  = 0.1
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/vastbus
MANDIR  ?= $(PREFIX)/share/man
DESTDIR ?=

CC      ?= cc
PKGS     = libxml-2.0 libxslt fontconfig harfbuzz harfbuzz-subset hunspell libqpdf
# Warnings are errors: CI builds exactly this.
WERROR  ?= -Werror

ifeq ($(SANITIZE),1)
BUILD    = build-san
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
           -fno-sanitize-recover=all
PROG     = $(BUILD)/vastbus
export ASAN_OPTIONS  = halt_on_error=1:detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS = halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS  = suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
else
BUILD    = build
PROG     = vastbus
endif

CPPFLAGS += -Isrc -DVB_DATADIR='"$(DATADIR)"' -DVB_VERSION='"$(VERSION)"' \
            $(shell pkg-config --cflags $(PKGS))
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c17 -Wall -Wextra $(WERROR) $(SANFLAGS) -MMD -MP
LDFLAGS  += $(SANFLAGS)
LDLIBS    = $(shell pkg-config --libs $(PKGS)) -lhpdf -lhyphen -lz -lm

SRC      := $(sort $(shell find src -name '*.c'))
LIB_SRC  := $(filter-out src/main.c,$(SRC))
OBJ      := $(SRC:%.c=$(BUILD)/%.o)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
CLI_TESTS := $(sort $(wildcard tests/cli/*.sh))
# the sv_SE Hunspell dictionary, when installed, and its index (below)
SPELL_AFF := $(firstword $(wildcard /usr/share/hunspell/sv_SE.aff /usr/share/myspell/sv_SE.aff))
SPELLIDX  := $(if $(SPELL_AFF),data/sv_SE.spellidx)

.PHONY: all deps demo check unit cli install uninstall clean distclean

all: $(PROG) $(SPELLIDX)

$(BUILD)/vastbus: $(OBJ)
	$(CC) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

ifneq ($(PROG),$(BUILD)/vastbus)
$(PROG): $(BUILD)/vastbus
	cp $< $@
endif

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(shell pkg-config --cflags cmocka) $(CFLAGS) -o $@ $< \
	    $(LIB_OBJ) $(LDFLAGS) $(LDLIBS) $(shell pkg-config --libs cmocka)

-include $(OBJ:.o=.d) $(UNIT_BIN:=.d)

# The data folder is compiled into context.o; `make install PREFIX=…` must
# rebuild it when the folder changes, so the value lives in a stamp file
# that is rewritten only when it differs.
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(BUILD)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
$(BUILD)/src/cli/context.o: $(BUILD)/datadir.stamp
.PHONY: FORCE
FORCE:

# The index of the sv_SE Hunspell dictionary (src/typeset/ts_spellidx.c),
# made once here so that each run probes it instead of reading all
# 152 000 lines of the .dic; in the data folder, beside the other data
# files. Made again when the dictionary changes (a stale index only makes
# the program slower: it checks the .dic's size, time and first bytes).
SPELLIDX_OBJ := $(BUILD)/src/typeset/ts_spell.o $(BUILD)/src/typeset/ts_spellidx.o
$(BUILD)/tools/spellidx: tools/spellidx.c $(SPELLIDX_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(SPELLIDX_OBJ) $(LDFLAGS)
data/sv_SE.spellidx: $(BUILD)/tools/spellidx $(SPELL_AFF) $(SPELL_AFF:.aff=.dic)
	$(BUILD)/tools/spellidx $(SPELL_AFF) $(SPELL_AFF:.aff=.dic) $@

# Installs the Debian packages in scripts/debian-packages.txt that are
# missing (apt-get; sudo when not root). Quick when nothing is missing.
deps:
	@sh scripts/install-deps

demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p out
	./$(PROG) validera samples/gr-2019
	./$(PROG) html -d out samples/gr-2019
	./$(PROG) pdf -d out samples/gr-2019
	./$(PROG) arsbok samples/gr-2019/arsbok.xml -o out/arsbok-2019.pdf --html out/arsbok-2019.html
	./$(PROG) formular --fran samples/gr-2018/ale.xml --ar 2019 -o out/formular-ale-2019.html
	@echo "== Samordnarens säsong: Södra Älvsborg 2019 (grupper utan fil, två versioner, okända filer)"
	./$(PROG) status samples/sodra-alvsborg/2019/arsbok.xml || echo "(status: 1 = någon grupp saknas eller är ogiltig)"
	rm -rf out/sodra-alvsborg && mkdir -p out/sodra-alvsborg
	cp -r samples/sodra-alvsborg/2017 samples/sodra-alvsborg/2018 samples/sodra-alvsborg/2019 out/sodra-alvsborg/
	rm out/sodra-alvsborg/2019/arsbok.xml
	./$(PROG) manifest --delregion "Södra Älvsborg" --ar 2019 out/sodra-alvsborg/2019
	./$(PROG) arsbok out/sodra-alvsborg/2019/arsbok.xml -o out/arsbok-sodra-alvsborg-2019.pdf --html out/arsbok-sodra-alvsborg-2019.html || echo "(arsbok: 1 = årsboken gjord, men en årsberättelse är ogiltig)"
	./$(PROG) statistik samples/sodra-alvsborg/2019/arsbok.xml -o out/statistik-sodra-alvsborg.csv || true
	./$(PROG) statistik --avvikelser samples/sodra-alvsborg/2019/arsbok.xml -o out/avvikelser-sodra-alvsborg.csv || true
	@echo "Klart: se out/ (årsberättelser och årsbok för Göteborgsregionen 2019, HTML och PDF, formuläret för Ale 2019 ifyllt från 2018; för Södra Älvsborg ett manifest skrivet av vastbus manifest, årsboken 2017–2019 och statistiken som CSV för Excel)."

# make check runs side by side unless the command line says how many jobs:
# the end-to-end scripts spend most of their time waiting on poppler and
# Chromium, so one core each halves the run on two cores.
CHECK_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CHECK_PAR   = $(if $(findstring -j,$(MAKEFLAGS))$(findstring --jobserver,$(MAKEFLAGS)),,-j$(CHECK_JOBS))

check: deps
	@$(MAKE) --no-print-directory $(CHECK_PAR) all unit cli check-tools

unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do \
	    echo "== $$t"; ./$$t || fail=$$((fail+1)); done; \
	    test $$fail -eq 0 || { echo "$$fail unit test program(s) failed"; exit 1; }

# cli (the end-to-end scripts, in parallel under -j) and check-tests: mk/check.mk

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/vastbus
	for d in schema xslt templates data; do \
	    install -d $(DESTDIR)$(DATADIR)/$$d; \
	    find $$d -maxdepth 1 -type f \( -name '*.xsd' -o -name '*.xsl' -o -name '*.xml' -o -name '*.css' \) -exec install -m 644 {} $(DESTDIR)$(DATADIR)/$$d/ \; ; \
	done
	! test -f data/sv_SE.spellidx || \
	    install -m 644 data/sv_SE.spellidx $(DESTDIR)$(DATADIR)/data/
	install -d $(DESTDIR)$(DATADIR)/templates/formular
	install -m 644 templates/formular/formular.html templates/formular/formular.css \
	    templates/formular/formular.js $(DESTDIR)$(DATADIR)/templates/formular/
	install -m 644 man/vastbus.1 $(DESTDIR)$(MANDIR)/man1/vastbus.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/vastbus $(DESTDIR)$(MANDIR)/man1/vastbus.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san vastbus out data/sv_SE.spellidx

distclean: clean
	rm -rf tests/html/node_modules

# Further targets, one concern per file (fuzz, memcheck, bench, …).
-include $(sort $(wildcard mk/*.mk))
