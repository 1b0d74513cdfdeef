// test_bytearray.c: bytearray under the run's memory limit, which CPython
// cannot record: growing by appends, a huge count, repetition in place and
// not, and slice assignment all end the run with the memory limit (refused
// before allocating), and each run is destroyed with its buffers (ASan
// checks the frees).
#include <stdio.h>
#include "../../src/compiler.h"
#include "../../src/modules.h"
#include "../../src/vm.h"

#include "check.h"

static char out_buf[4096];
static size_t out_len;

static void capture(void *ud, int stream, const char *s, size_t n) {
    (void)ud;
    (void)stream;
    if (out_len + n < sizeof out_buf) {
        memcpy(out_buf + out_len, s, n);
        out_len += n;
        out_buf[out_len] = 0;
    }
}

// Runs src with a memory limit; the limit that ended it (KR_LIMIT_NONE if
// it ran to its end) and the heap's peak stays under the limit.
static KrLimitKind run_src(const char *src, size_t max_memory) {
    out_len = 0;
    out_buf[0] = 0;
    KrSyntaxErr se;
    KrProgram *p = kr_compile(kr_default_allocator, src, strlen(src), "<test>", &se);
    if (!p) return (KrLimitKind)-1;
    KrRun *r = kr_run_create(kr_default_allocator);
    r->write = capture;
    r->program = p;
    r->limits.max_memory = max_memory;
    r->globals = kr_dict_new(r);
    r->main_name = kr_str_from_cstr(r, "__main__");
    kr_module_add(r, r->globals, "__name__", r->main_name);
    KrValue v = kr_vm_run_module(r);
    KrLimitKind limit = r->limit_hit;
    CHECK(r->heap_bytes <= max_memory);
    if (v == KR_EXC && !limit) fprintf(stderr, "unexpected exception in: %s\n", src);
    kr_run_destroy(r);
    kr_program_free(p);
    return limit;
}

#define MB ((size_t)1 << 20)

static void test_memory_limit(void) {
    CHECK(run_src("b = bytearray()\nwhile True:\n    b += b'x' * 1000\n", 4 * MB) == KR_LIMIT_MEMORY);
    CHECK(run_src("b = bytearray()\nwhile True:\n    b.append(1)\n", 4 * MB) == KR_LIMIT_MEMORY);
    CHECK(run_src("b = bytearray()\nwhile True:\n    b.extend(range(200))\n", 4 * MB) == KR_LIMIT_MEMORY);
    CHECK(run_src("bytearray(10 ** 12)\n", 4 * MB) == KR_LIMIT_MEMORY);
    CHECK(run_src("bytearray(b'ab') * 10 ** 12\n", 4 * MB) == KR_LIMIT_MEMORY);
    CHECK(run_src("b = bytearray(b'ab')\nb *= 10 ** 12\n", 4 * MB) == KR_LIMIT_MEMORY);
    CHECK(run_src("b = bytearray(b'ab')\nwhile True:\n    b[len(b):] = b\n", 4 * MB) == KR_LIMIT_MEMORY);
    CHECK(run_src("b = bytearray(b'ab')\nwhile True:\n    b.insert(0, 7)\n    b.extend(b)\n", 4 * MB) ==
          KR_LIMIT_MEMORY);
}

// Within the limit, shrinking gives memory back: a bytearray grown and
// emptied many times (65 MB in all) never adds up past the limit.
static void test_reuse(void) {
    CHECK(run_src("for i in range(50):\n"
                  "    b = bytearray(500000)\n"
                  "    del b[10:]\n"
                  "    b.clear()\n"
                  "    b += b'y' * 400000\n"
                  "    b[:] = b''\n"
                  "print('ok')\n",
                  16 * MB) == KR_LIMIT_NONE);
    CHECK(strcmp(out_buf, "ok\n") == 0);
}

int main(void) {
    test_memory_limit();
    test_reuse();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
