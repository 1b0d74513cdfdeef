# krait: plain make. `make` builds build/krait, build/libkrait.a and
# build/libkrait.so; `make test` runs every test (also under ASan+UBSan).
CC ?= gcc
CSTD = -std=c11
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
OPT ?= -O2
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) -Isrc -Iinclude -fvisibility=hidden $(CFLAGS)
LDLIBS = -lm

SRCS = $(wildcard src/*.c src/obj/*.c src/mod/*.c)
OBJS = $(SRCS:%.c=build/obj/%.o)
ASAN_OBJS = $(SRCS:%.c=build/asan/%.o)
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -DKR_CHECK_SIZES
UNIT_TESTS = $(wildcard tests/unit/test_*.c)

.PHONY: all test test-cases test-unit test-cli test-asan clean bench example check-tables
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

build/unit/%: tests/unit/%.c $(ASAN_OBJS)
	@mkdir -p build/unit
	$(CC) $(CSTD) $(WARN) -Isrc -Iinclude $(ASAN_FLAGS) $< $(ASAN_OBJS) -o $@ $(LDLIBS) -lpthread

check-tables:
	python3 tools/gen_unicode.py --check
	python3 tools/gen_unicode_names.py --check

test-unit: $(UNIT_TESTS:tests/unit/%.c=build/unit/%)
	@set -e; for t in $^; do echo "== $$t"; ./$$t; done

test-cases: build/krait
	python3 tests/run_cases.py --krait build/krait

test-cli: build/krait
	python3 tests/test_cli.py build/krait

test-asan: build/asan/krait
	ASAN_OPTIONS=detect_leaks=1 python3 tests/run_cases.py --krait build/asan/krait --timeout 120

test: all check-tables test-unit test-cases test-cli test-asan

bench: build/krait
	python3 bench/run.py

clean:
	rm -rf build
