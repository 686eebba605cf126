# make bench: measure the main jobs and store the table in doc/bench.md.
.PHONY: bench
bench: deps all
	@command -v hyperfine >/dev/null || { echo "hyperfine saknas: apt-get install hyperfine"; exit 1; }
	@{ echo "# Benchmark results"; echo; echo "Made by \`make bench\` (scripts/bench.sh)."; \
	   echo "Instructions are counted by callgrind and repeat exactly; wall times vary with the machine."; \
	   echo; VASTBUS=./$(PROG) sh scripts/bench.sh; } > doc/bench.md.tmp && mv doc/bench.md.tmp doc/bench.md
	@cat doc/bench.md
