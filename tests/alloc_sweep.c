// alloc_sweep: allocation-failure sweep, run by hand (`make alloc-sweep`).
// Each program given is run once to count the host allocations of its
// run (pauses at the test host's tools go through a snapshot each), then again with an allocator that fails at the k-th allocation,
// for k spread over that count: once failing only that allocation, once
// failing it and every later one. Every such run must end with an error
// status (never OK, never a crash, leak or sanitizer report: this is
// built with ASan+UBSan), and its error must be readable.
//
//   build/alloc_sweep [--points N] FILE.py...
//   build/alloc_sweep --at K [--after] FILE.py   (one failure point, to debug)
//   build/alloc_sweep --compile ...   (the same over the compiler's
//   allocations, which use malloc: the binary wraps it at link time)
//
// Each program is swept in a child process, so that one crash does not
// hide the others. Ends with a line "N passed, N failed" (a program
// passes when all its failure points do).
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "krait.h"

// The sanitizers' stack printer: --at shows where the refused allocation was made.
void __sanitizer_print_stack_trace(void);

typedef struct {
    bool verbose;
    uint64_t calls;   // allocations (new blocks and growths) so far
    uint64_t fail_at; // 0: never fail
    bool fail_after;  // fail every allocation from fail_at on
    bool failed;      // an allocation was refused
} Sweep;

static void *sweep_alloc(void *ud, void *p, size_t old_size, size_t new_size) {
    Sweep *s = ud;
    (void)old_size;
    if (new_size == 0) {
        free(p);
        return NULL;
    }
    s->calls++;
    if (s->fail_at && (s->calls == s->fail_at || (s->fail_after && s->calls > s->fail_at))) {
        if (s->verbose && !s->failed) __sanitizer_print_stack_trace();
        s->failed = true;
        return NULL;
    }
    return realloc(p, new_size);
}

static void discard(void *ud, int stream, const char *text, size_t len) {
    (void)ud;
    (void)stream;
    (void)text;
    (void)len;
}

// Compiling allocates with malloc (linked with --wrap=malloc,realloc,calloc);
// while the compile sweep is on, those calls count and fail as above.
static Sweep *compile_sweep;
void *__real_malloc(size_t n);
void *__real_realloc(void *p, size_t n);
void *__real_calloc(size_t n, size_t size);
void *__wrap_malloc(size_t n);
void *__wrap_realloc(void *p, size_t n);
void *__wrap_calloc(size_t n, size_t size);

static bool compile_refuses(void) {
    Sweep *s = compile_sweep;
    if (!s) return false;
    s->calls++;
    if (!s->fail_at || (s->calls != s->fail_at && !(s->fail_after && s->calls > s->fail_at))) return false;
    if (s->verbose && !s->failed) __sanitizer_print_stack_trace();
    s->failed = true;
    return true;
}

void *__wrap_malloc(size_t n) { return compile_refuses() ? NULL : __real_malloc(n); }
void *__wrap_realloc(void *p, size_t n) { return n && compile_refuses() ? NULL : __real_realloc(p, n); }
void *__wrap_calloc(size_t n, size_t size) { return compile_refuses() ? NULL : __real_calloc(n, size); }

static KraitStatus compile_once(const char *src, size_t len, const KraitCompileOptions *co, Sweep *s) {
    KraitProgram *p = NULL;
    KraitError err = {0};
    compile_sweep = s;
    KraitStatus st = krait_compile(src, len, co, &p, &err);
    compile_sweep = NULL;
    krait_error_clear(&err);
    krait_program_free(p);
    return st;
}

// The test host's tools (tests/unit/api_cases): fetch/afetch answer their
// first argument, boom/aboom raise.
static const char *const tools[] = {"fetch", "boom"};
static const char *const async_tools[] = {"afetch", "aboom"};

static void sweep_options(KraitOptions *o, Sweep *s) {
    krait_options_init(o);
    o->alloc = sweep_alloc;
    o->alloc_data = s;
    o->write = discard;
    o->max_duration_ns = 10ull * 1000 * 1000 * 1000;
    o->async_names = async_tools;
    o->nasync = 2;
}

// At a pause: the run goes through a snapshot (dumped, freed, loaded with
// the same allocator), then its calls are answered and it continues.
static KraitStatus pause_step(KraitRun **rp, Sweep *s) {
    uint8_t *bytes;
    size_t n;
    KraitStatus st = krait_run_dump(*rp, NULL, &bytes, &n);
    if (st != KRAIT_OK) return st;
    krait_run_free(*rp);
    *rp = NULL;
    KraitOptions o;
    sweep_options(&o, s);
    KraitLoadOptions l;
    krait_load_options_init(&l);
    l.run_options = &o;
    st = krait_run_load(bytes, n, &l, rp, NULL);
    krait_free(bytes);
    if (st != KRAIT_OK) return st;
    size_t count;
    const KraitCall *calls = krait_run_pending(*rp, &count);
    for (size_t i = 0; i < count; i++) {
        const char *name = calls[i].name;
        bool raise = strcmp(name, "boom") == 0 || strcmp(name, "aboom") == 0;
        KraitValue none = krait_none();
        st = raise ? krait_run_reject(*rp, calls[i].id, "ValueError", "boom")
                   : krait_run_resolve(*rp, calls[i].id, calls[i].nargs ? &calls[i].args[0] : &none);
        if (st != KRAIT_OK) return st;
    }
    return krait_run_continue(*rp);
}

// One run of p; the status it ended with.
static KraitStatus run_once(const KraitProgram *p, Sweep *s) {
    KraitOptions o;
    sweep_options(&o, s);
    KraitRun *r;
    KraitStatus st = krait_run_new(p, &o, &r);
    if (st != KRAIT_OK) return st;
    st = krait_run_start(r);
    for (int pauses = 0; st == KRAIT_PAUSED && pauses < 1000; pauses++) st = pause_step(&r, s);
    if (r && (st == KRAIT_ERR_RUNTIME || st == KRAIT_ERR_LIMIT)) {
        const KraitRunError *e = krait_run_error(r);
        // the error must be whole: read every part of it
        if (!e || !e->type || !e->message || !e->traceback || strlen(e->traceback) > e->traceback_len) st = KRAIT_ERR_ARG;
    }
    krait_run_free(r);
    return st;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n + 4096 > cap) {
            cap = cap ? cap * 2 : 8192;
            char *nb = realloc(buf, cap);
            if (!nb) break;
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf;
}

// Sweeps one program's compile: a refused allocation must give
// KRAIT_ERR_NOMEM (not a syntax error, not a program).
static bool sweep_compile(const char *path, const char *src, size_t len, const KraitCompileOptions *co,
                          uint64_t points, uint64_t at, bool at_after) {
    Sweep base = {false, 0, 0, false, false};
    if (compile_once(src, len, co, &base) != KRAIT_OK) return true;
    uint64_t n = base.calls, step = n > points ? n / points : 1;
    for (uint64_t k = at ? at : 1; k <= (at ? at : n); k += step) {
        for (int after = at ? at_after : 0; after < (at ? at_after + 1 : 2); after++) {
            Sweep s = {at != 0, 0, k, after != 0, false};
            KraitStatus st = compile_once(src, len, co, &s);
            if (s.failed && st != KRAIT_ERR_NOMEM) {
                fprintf(stderr, "%s: failing compile allocation %llu%s of %llu: status %s\n", path,
                        (unsigned long long)k, after ? " and later" : "", (unsigned long long)n, krait_status_name(st));
                return false;
            }
        }
    }
    return true;
}

// Sweeps one program's run; false (with a message) when a failure point
// misbehaves.
static bool sweep_run(const char *path, const char *src, size_t len, const KraitCompileOptions *co, uint64_t points,
                      uint64_t at, bool at_after) {
    KraitProgram *p = NULL;
    if (krait_compile(src, len, co, &p, NULL) != KRAIT_OK) return true; // nothing to sweep
    Sweep base = {false, 0, 0, false, false};
    KraitStatus clean = run_once(p, &base);
    uint64_t n = base.calls, step = n > points ? n / points : 1;
    bool ok = true;
    for (uint64_t k = at ? at : 1; k <= (at ? at : n) && ok; k += step) {
        for (int after = at ? at_after : 0; after < (at ? at_after + 1 : 2) && ok; after++) {
            Sweep s = {at != 0, 0, k, after != 0, false};
            KraitStatus st = run_once(p, &s);
            // a refused allocation must end the run in error (the run's
            // own clean error is fine too); ARG means an unreadable error
            bool good = st != KRAIT_ERR_ARG && (!s.failed || st != KRAIT_OK || clean != KRAIT_OK);
            if (!good) {
                fprintf(stderr, "%s: failing allocation %llu%s of %llu: status %s\n", path, (unsigned long long)k,
                        after ? " and later" : "", (unsigned long long)n, krait_status_name(st));
                ok = false;
            }
        }
    }
    krait_program_free(p);
    return ok;
}

static bool sweep_program(const char *path, bool compile, uint64_t points, uint64_t at, bool at_after) {
    size_t len;
    char *src = read_file(path, &len);
    if (!src) return true;
    KraitCompileOptions co;
    krait_compile_options_init(&co);
    co.filename = path;
    co.external_names = tools;
    co.nexternals = 2;
    bool ok = compile ? sweep_compile(path, src, len, &co, points, at, at_after)
                      : sweep_run(path, src, len, &co, points, at, at_after);
    free(src);
    return ok;
}

int main(int argc, char **argv) {
    uint64_t points = 200, at = 0;
    bool at_after = false, compile = false;
    int passed = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        if ((strcmp(argv[i], "--points") == 0 || strcmp(argv[i], "--at") == 0) && i + 1 < argc) {
            uint64_t v = strtoull(argv[i + 1], NULL, 10);
            if (argv[i][2] == 'p') points = v ? v : 1;
            else at = v;
            i++;
            continue;
        }
        if (strcmp(argv[i], "--after") == 0 || strcmp(argv[i], "--compile") == 0) {
            if (argv[i][2] == 'a') at_after = true;
            else compile = true;
            continue;
        }
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) exit(sweep_program(argv[i], compile, points, at, at_after) ? 0 : 1);
        int status = 0;
        bool ok = pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (!ok) fprintf(stderr, "FAILED %s\n", argv[i]);
        if (ok) passed++;
        else failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
