# mk/memcheck.mk - `make memcheck`: vastbus under valgrind over every sample.
#
# Builds the plain program (never the sanitised one: valgrind and ASan do
# not mix, so SANITIZE is cleared for the build) and two small drivers that
# run the fuzz harnesses without libFuzzer (tests/fuzz/driver.c), then runs
# tests/memcheck.sh: validera, html, pdf (skipped, with a message, while it
# says it is not built yet) and mall on samples/gr-2019, samples/ogiltiga,
# tests/validera, the strange seed reports and the kept fuzz findings, plus
# the drivers over the seed corpora. Fails on any valgrind error and on any
# definite or indirect leak; outputs go to a temporary folder.
#
#   make memcheck
#   make memcheck VALGRIND_EXTRA=--track-origins=yes   (slower, says where
#                                                      uninitialised bytes came from)
#   make memcheck VALGRIND_EXTRA=--gen-suppressions=all (to write an entry of
#                                                      tests/valgrind.supp)
#
# Suppressions (tests/valgrind.supp) are for system-library noise only, each
# with its reason; never for our own code.

MEMCHECK_DIR = build-memcheck
MEMCHECK_CFLAGS = $(filter-out -MMD -MP,$(CFLAGS))
MEMCHECK_DRIVERS = $(MEMCHECK_DIR)/report_driver \
    $(MEMCHECK_DIR)/manifest_driver $(MEMCHECK_DIR)/layout_driver

.PHONY: memcheck memcheck-build

memcheck: deps
	@command -v valgrind >/dev/null 2>&1 || { \
	    echo "Installerar Debianpaket som saknas: valgrind (för make memcheck)"; \
	    if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    $$SUDO apt-get update -qq && \
	    $$SUDO apt-get install -y -qq --no-install-recommends valgrind; }
	@$(MAKE) --no-print-directory SANITIZE= memcheck-build
	@VASTBUS=./vastbus MEMCHECK_DRIVERS=$(MEMCHECK_DIR) \
	    VALGRIND_EXTRA="$(VALGRIND_EXTRA)" sh tests/memcheck.sh

memcheck-build: all $(MEMCHECK_DRIVERS)

$(MEMCHECK_DIR)/%_driver: tests/fuzz/driver.c tests/fuzz/fuzz_%.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -DVB_FUZZ_SRCDIR='"$(CURDIR)"' $(MEMCHECK_CFLAGS) \
	    -o $@ tests/fuzz/driver.c tests/fuzz/fuzz_$*.c $(LIB_OBJ) \
	    $(LDFLAGS) $(LDLIBS)

clean: memcheck-clean
.PHONY: memcheck-clean
memcheck-clean:
	rm -rf $(MEMCHECK_DIR)
