# make bench: measure what users do beside the floor (bench/floor.c) and
# store the table in doc/bench.md, keeping its hand-written history (from
# "## What each change gave" on). BENCH_FULL=1 also counts the batch
# rows' instructions (slow).
# make bench-deps installs Apache FOP and WeasyPrint (scripts/bench-packages.txt),
# which make bench then measures on the same content; without them it says so.
.PHONY: bench bench-deps
bench-deps:
	@sh scripts/install-deps scripts/bench-packages.txt

$(BUILD)/bench/floor: bench/floor.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -g -std=gnu17 -Wall -Wextra $(shell pkg-config --cflags fontconfig) \
	    -o $@ $< $(shell pkg-config --libs fontconfig) -lhpdf

bench: deps all $(BUILD)/bench/floor
	@command -v hyperfine >/dev/null || { echo "hyperfine saknas: apt-get install hyperfine"; exit 1; }
	@{ echo "# Benchmark results"; echo; echo "Made by \`make bench\` (scripts/bench.sh)."; \
	   echo; VASTBUS=./$(PROG) FLOOR=$(BUILD)/bench/floor BENCH_FULL=$(BENCH_FULL) \
	   nice sh scripts/bench.sh; echo; \
	   awk '/^## What each change gave/ { keep = 1 } keep' doc/bench.md; } > doc/bench.md.tmp && \
	   mv doc/bench.md.tmp doc/bench.md
	@cat doc/bench.md
