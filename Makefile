# krait: plain make. `make` builds build/krait, build/libkrait.a and
# build/libkrait.so; `make test` runs every test (also under ASan+UBSan).
CC ?= gcc
CSTD = -std=c11
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
OPT ?= -O2
# gcc on x86 clears or copies a large fixed-size struct with `rep stos`/
# `rep movs`, which take tens of cycles to start: libc's memset/memcpy are
# faster at these sizes (a run of `1 + 1` 100 -> 81 ns). Used where the
# compiler has the option.
STRINGOP := $(shell $(CC) -mstringop-strategy=libcall -x c -c /dev/null -o /dev/null 2>/dev/null && echo -mstringop-strategy=libcall)
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) $(STRINGOP) -Isrc -Iinclude -fvisibility=hidden $(CFLAGS)
LDLIBS = -lm

SRCS = $(wildcard src/*.c src/obj/*.c src/mod/*.c)
OBJS = $(SRCS:%.c=build/obj/%.o)
ASAN_OBJS = $(SRCS:%.c=build/asan/%.o)
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -DKR_CHECK_SIZES
UNIT_TESTS = $(wildcard tests/unit/test_*.c)

.PHONY: all test test-cases test-unit test-cli test-asan clean bench example check-tables fuzz fuzz-smoke alloc-sweep
all: build/krait build/libkrait.a build/libkrait.so

build/obj/%.o: %.c $(wildcard src/*.h src/*.def src/obj/*.h src/mod/*.h include/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -fPIC -c $< -o $@

build/asan/%.o: %.c $(wildcard src/*.h src/*.def src/obj/*.h src/mod/*.h include/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -Isrc -Iinclude $(ASAN_FLAGS) $(CFLAGS) -c $< -o $@

build/libkrait.a: $(OBJS)
	@rm -f $@
	ar rcs $@ $^

build/libkrait.so: $(OBJS)
	$(CC) -shared -o $@ $^ $(LDLIBS)

build/krait: cli/krait.c build/libkrait.a
	$(CC) $(CFLAGS_ALL) $< build/libkrait.a -o $@ $(LDLIBS)

build/asan/krait: cli/krait.c $(ASAN_OBJS)
	$(CC) $(CSTD) $(WARN) -Isrc -Iinclude $(ASAN_FLAGS) $^ -o $@ $(LDLIBS)

build/unit/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(ASAN_OBJS)
	@mkdir -p build/unit
	$(CC) $(CSTD) $(WARN) -Isrc -Iinclude $(ASAN_FLAGS) $< $(ASAN_OBJS) -o $@ $(LDLIBS) -lpthread

# The pools are off in the sanitizer build (every block reaches the
# sanitizers): their own test links the release library.
build/unit/test_pools: tests/unit/test_pools.c tests/unit/check.h build/libkrait.a
	@mkdir -p build/unit
	$(CC) $(CSTD) $(WARN) -Isrc -Iinclude -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined $< build/libkrait.a -o $@ $(LDLIBS)

check-tables:
	python3 tools/gen_unicode.py --check
	python3 tools/gen_unicode_names.py --check
	python3 tools/gen_crc32.py --check

test-unit: $(UNIT_TESTS:tests/unit/%.c=build/unit/%)
	@set -e; for t in $^; do echo "== $$t"; ./$$t; done

test-cases: build/krait
	python3 tests/run_cases.py --krait build/krait

test-cli: build/krait
	python3 tests/test_cli.py build/krait

test-asan: build/asan/krait
	ASAN_OPTIONS=detect_leaks=1 python3 tests/run_cases.py --krait build/asan/krait --timeout 120

# Allocation-failure sweep, by hand (not part of `make test`): every case
# run with the host allocator failing at points spread over its run
# (tests/alloc_sweep.c); SWEEP_POINTS per case.
SWEEP_POINTS ?= 60
build/alloc_sweep: tests/alloc_sweep.c $(ASAN_OBJS)
	$(CC) $(CSTD) $(WARN) -Isrc -Iinclude $(ASAN_FLAGS) $< $(ASAN_OBJS) -o $@ $(LDLIBS) \
	  -Wl,--wrap=malloc,--wrap=realloc,--wrap=calloc

alloc-sweep: build/alloc_sweep
	ASAN_OPTIONS=detect_leaks=1 ./build/alloc_sweep --points $(SWEEP_POINTS) $(CASE_SOURCES) $(API_CASE_SOURCES) bench/snapshot.py
	ASAN_OPTIONS=detect_leaks=1 ./build/alloc_sweep --compile --points $(SWEEP_POINTS) $(CASE_SOURCES)

# libFuzzer targets (fuzz/): clang with the fuzzer, ASan and UBSan. Each
# smoke run lasts FUZZ_TIME seconds from a seed corpus made here (case
# sources for parse/run, their program dumps for program_load); a crash,
# sanitizer report, leak or timeout fails the target. Reproducers land in
# build/fuzz/crashes/. The smoke run's seed is fixed so that CI repeats
# what was checked here; longer runs by hand use fresh seeds
# (`make fuzz-smoke FUZZ_TIME=1800 FUZZ_SEED=0`: 0 picks one).
FUZZ_CC ?= clang
FUZZ_TIME ?= 60
FUZZ_SEED ?= 1
FUZZ_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_OBJS = $(SRCS:%.c=build/fuzz/obj/%.o)
FUZZ_TARGETS = fuzz_parse fuzz_run fuzz_program_load fuzz_run_load
API_CASE_SOURCES = $(filter-out %/record.py,$(wildcard tests/unit/api_cases/*.py)) $(wildcard tests/unit/runsnap_cases/*.py)
CASE_SOURCES = $(shell find tests/cases -name '*.py' | sort)

build/fuzz/obj/%.o: %.c $(wildcard src/*.h src/*.def src/obj/*.h src/mod/*.h include/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CSTD) $(WARN) -Isrc -Iinclude $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

build/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_common.h fuzz/fuzz_run_program.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(CSTD) $(WARN) -Isrc -Iinclude $(FUZZ_FLAGS) -fsanitize=fuzzer $< $(FUZZ_OBJS) -o $@ $(LDLIBS)

build/fuzz/gen_seeds: fuzz/gen_seeds.c fuzz/fuzz_run_program.h build/libkrait.a
	@mkdir -p build/fuzz
	$(CC) $(CFLAGS_ALL) $< build/libkrait.a -o $@ $(LDLIBS)

build/fuzz/seeds.stamp: build/fuzz/gen_seeds $(CASE_SOURCES) $(API_CASE_SOURCES) bench/snapshot.py
	rm -rf build/fuzz/seeds && mkdir -p build/fuzz/seeds/src build/fuzz/seeds/load build/fuzz/seeds/runs
	@for f in $(CASE_SOURCES); do cp $$f build/fuzz/seeds/src/$$(echo $$f | tr / _); done
	@./build/fuzz/gen_seeds build/fuzz/seeds/load $(CASE_SOURCES)
	@./build/fuzz/gen_seeds --runs build/fuzz/seeds/runs $(API_CASE_SOURCES) bench/snapshot.py
	touch $@

# kept between runs (make would delete them as intermediates of the pattern rule)
.SECONDARY: $(FUZZ_OBJS)

fuzz: $(FUZZ_TARGETS:%=build/fuzz/%) build/fuzz/seeds.stamp

fuzz-smoke: fuzz
	@set -e; mkdir -p build/fuzz/crashes; for t in $(FUZZ_TARGETS); do \
	  seeds=build/fuzz/seeds/src; dict=-dict=fuzz/python.dict; \
	  if [ $$t = fuzz_program_load ]; then seeds=build/fuzz/seeds/load; dict=; fi; \
	  if [ $$t = fuzz_run_load ]; then seeds=build/fuzz/seeds/runs; dict=; fi; \
	  rm -rf build/fuzz/work/$$t && mkdir -p build/fuzz/work/$$t; \
	  echo "== $$t ($(FUZZ_TIME) s)"; \
	  ./build/fuzz/$$t -seed=$(FUZZ_SEED) -max_total_time=$(FUZZ_TIME) -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
	    $$dict -artifact_prefix=build/fuzz/crashes/$$t- build/fuzz/work/$$t $$seeds 2>build/fuzz/$$t.log \
	    || { tail -60 build/fuzz/$$t.log; exit 1; }; \
	  grep -E "^stat::number_of_executed_units|^Done" build/fuzz/$$t.log || true; \
	done

test: all check-tables test-unit test-cases test-cli test-asan fuzz-smoke

build/api_bench: bench/api_bench.c build/libkrait.a
	$(CC) $(CFLAGS_ALL) $< build/libkrait.a -o $@ $(LDLIBS)

bench: build/krait build/api_bench
	python3 bench/run.py

clean:
	rm -rf build

# The example host (examples/host.c): tools, a loop of external calls,
# pause and resume, a compiled-program cache file.
build/host: examples/host.c build/libkrait.a
	$(CC) $(CFLAGS_ALL) $< build/libkrait.a -o $@ $(LDLIBS)

example: build/host
	./build/host
