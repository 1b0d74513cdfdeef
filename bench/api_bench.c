// api_bench.c: in-process measurements through include/krait.h (the
// host-facing workloads of bench/WORKLOADS.md). Prints one line per
// measurement: name, median per operation, unit. bench/run.py runs it next
// to python3 equivalents and prints ratios. Not a test: no thresholds.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "krait.h"

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

#define ROUNDS 15

// Median over ROUNDS of the time per call of fn (iters calls per round).
static double median_per_call(void (*fn)(void *), void *ud, int iters) {
    double t[ROUNDS];
    for (int k = 0; k < ROUNDS; k++) {
        double t0 = now_s();
        for (int i = 0; i < iters; i++) fn(ud);
        t[k] = (now_s() - t0) / iters;
    }
    qsort(t, ROUNDS, sizeof t[0], cmp_double);
    return t[ROUNDS / 2];
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) n = 0;
    if (s) s[n] = 0;
    fclose(f);
    return s;
}

static void compile_and_run(void *ud) {
    (void)ud;
    KraitProgram *p;
    KraitRun *r;
    if (krait_program_compile("1 + 1", 5, "<bench>", &p, NULL) != KRAIT_OK) exit(1);
    if (krait_run_new(p, NULL, &r) != KRAIT_OK || krait_run_start(r) != KRAIT_OK) exit(1);
    krait_run_free(r);
    krait_program_free(p);
}

static void run_only(void *ud) {
    KraitRun *r;
    if (krait_run_new(ud, NULL, &r) != KRAIT_OK || krait_run_start(r) != KRAIT_OK) exit(1);
    krait_run_free(r);
}

// extcall.py: every host_add(a, b) pauses the run; the host answers a + b.
static void extcall_run(void *ud) {
    KraitRun *r;
    if (krait_run_new(ud, NULL, &r) != KRAIT_OK) exit(1);
    KraitStatus st = krait_run_start(r);
    while (st == KRAIT_PAUSED) {
        const KraitCall *c = krait_run_pending(r, NULL);
        KraitValue v = krait_int(c->args[0].u.i + c->args[1].u.i);
        st = krait_run_resume(r, &v);
    }
    if (st != KRAIT_OK) exit(1);
    krait_run_free(r);
}

typedef struct Counting {
    size_t live, peak;
} Counting;

static void *counting(void *ud, void *p, size_t old, size_t n) {
    Counting *c = ud;
    c->live += n;
    c->live -= p ? old : 0;
    if (c->live > c->peak) c->peak = c->live;
    if (n == 0) {
        free(p);
        return NULL;
    }
    return realloc(p, n);
}

// snapshot.py paused at fetch(1): dump, load and resume (to the end).
typedef struct SnapBench {
    KraitRun *paused;
    const KraitProgram *program;
    bool by_ref;
} SnapBench;

static void snapshot_cycle(void *ud) {
    SnapBench *sb = ud;
    KraitDumpOptions d;
    krait_dump_options_init(&d);
    d.by_reference = sb->by_ref;
    uint8_t *bytes;
    size_t n;
    if (krait_run_dump(sb->paused, &d, &bytes, &n) != KRAIT_OK) exit(1);
    KraitLoadOptions l;
    krait_load_options_init(&l);
    l.program = sb->by_ref ? sb->program : NULL;
    KraitRun *r;
    if (krait_run_load(bytes, n, &l, &r, NULL) != KRAIT_OK) exit(1);
    KraitValue v = krait_int(41);
    if (krait_run_resume(r, &v) != KRAIT_OK) exit(1);
    krait_run_free(r);
    krait_free(bytes);
}

static void snapshot_bench(KraitProgram *p, KraitRun *paused) {
    for (int ref = 0; ref < 2; ref++) {
        KraitDumpOptions d;
        krait_dump_options_init(&d);
        d.by_reference = ref;
        uint8_t *bytes;
        size_t n;
        if (krait_run_dump(paused, &d, &bytes, &n) != KRAIT_OK) exit(1);
        krait_free(bytes);
        SnapBench sb = {paused, p, ref};
        printf("snapshot dump+load+resume (%s) %.1f ns, %zu bytes\n", ref ? "by reference" : "self-contained",
               median_per_call(snapshot_cycle, &sb, 2000) * 1e9, n);
    }
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "bench";
    char path[512];
    printf("compile+run 1+1 %.1f ns\n", median_per_call(compile_and_run, NULL, 2000) * 1e9);
    KraitProgram *p;
    if (krait_program_compile("1 + 1", 5, "<bench>", &p, NULL) != KRAIT_OK) return 1;
    printf("run 1+1 %.1f ns\n", median_per_call(run_only, p, 20000) * 1e9);
    krait_program_free(p);

    snprintf(path, sizeof path, "%s/extcall.py", dir);
    char *src = read_file(path);
    const char *ext[] = {"host_add"};
    KraitCompileOptions co;
    krait_compile_options_init(&co);
    co.external_names = ext;
    co.nexternals = 1;
    if (!src || krait_compile(src, strlen(src), &co, &p, NULL) != KRAIT_OK) return 1;
    printf("extcall round trip %.1f ns\n", median_per_call(extcall_run, p, 3) * 1e9 / 10000);
    krait_program_free(p);
    free(src);

    // memory held by an idle paused run (snapshot.py, paused at fetch(1))
    snprintf(path, sizeof path, "%s/snapshot.py", dir);
    src = read_file(path);
    ext[0] = "fetch";
    if (!src || krait_compile(src, strlen(src), &co, &p, NULL) != KRAIT_OK) return 1;
    Counting c = {0, 0};
    KraitOptions o;
    krait_options_init(&o);
    o.alloc = counting;
    o.alloc_data = &c;
    KraitRun *r;
    if (krait_run_new(p, &o, &r) != KRAIT_OK || krait_run_start(r) != KRAIT_PAUSED) return 1;
    uint64_t heap;
    krait_run_usage(r, &heap, NULL);
    printf("paused run memory %zu bytes (live heap %llu)\n", c.live, (unsigned long long)heap);
    snapshot_bench(p, r);
    KraitValue v = krait_int(41);
    if (krait_run_resume(r, &v) != KRAIT_OK || strcmp(krait_run_result_repr(r), "9941") != 0) return 1;
    krait_run_free(r);
    krait_program_free(p);
    free(src);
    return 0;
}
