// fuzz_common.h: running a program under tight limits, for the fuzz
// targets and the snapshot unit test. Uses the internals directly: the
// public API does not expose every limit yet.
#ifndef KR_FUZZ_COMMON_H
#define KR_FUZZ_COMMON_H

#include "../src/compiler.h"
#include "../src/program.h"
#include "../src/types.h"
#include "../src/vm.h"

#define FZ_MAX_MEMORY ((size_t)32 << 20)
#define FZ_MAX_ALLOCS ((size_t)1 << 20)
#define FZ_MAX_NS ((uint64_t)200 * 1000 * 1000)
#define FZ_MAX_OUTPUT ((size_t)1 << 16)

// Runs p to its end (or a limit) with output discarded; formats any
// uncaught exception as a host would, so traceback code sees the program's
// source locations too. Returns the run's end: 0 ok, 1 exception, 2 limit.
static inline int fz_run_program(const KrProgram *p) {
    KrRun *r = kr_run_create(kr_checking_allocator);
    if (!r) return 2;
    r->program = p;
    r->limits.max_memory = FZ_MAX_MEMORY;
    r->limits.max_allocations = FZ_MAX_ALLOCS;
    r->limits.max_duration_ns = FZ_MAX_NS;
    r->limits.max_output = FZ_MAX_OUTPUT;
    r->limits.max_recursion = 200;
    int end = 2;
    r->globals = kr_dict_new(r);
    r->main_name = kr_str_from_cstr(r, "__main__");
    KrValue key = r->main_name == KR_EXC ? KR_EXC : kr_str_from_cstr(r, "__name__");
    if (r->globals != KR_EXC && key != KR_EXC && kr_dict_set(r, kr_as_dict(r->globals), key, r->main_name)) {
        KrValue v = kr_vm_run_module(r);
        end = v != KR_EXC ? 0 : r->limit_hit ? 2 : 1;
        if (end == 1 && r->exc != KR_NULL) {
            KrValue exc = r->exc;
            r->exc = KR_NULL;
            r->limits.max_memory = 0; // as api.c: formatting may allocate
            KrBuf b;
            kr_buf_init(&b, kr_default_allocator);
            (void)kr_format_exception(r, exc, &b);
            kr_buf_free(&b);
        }
    }
    kr_run_destroy(r);
    return end;
}

#endif
