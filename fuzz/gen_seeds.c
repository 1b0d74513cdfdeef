// gen_seeds.c: writes seed corpora. `gen_seeds OUTDIR FILE.py...`: for
// fuzz_program_load, the program dump of each file that compiles, as
// OUTDIR/<n>.bin. `gen_seeds --runs OUTDIR FILE.py...`: for fuzz_run_load,
// run snapshots taken at the pauses of each file (run with the host of
// fuzz_run_program.h), and by-reference ones of that file's program.
// Built against the public API only.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "krait.h"
#include "fuzz_run_program.h"

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

static int written;

static bool write_blob(const char *dir, const uint8_t *blob, size_t n) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%d.bin", dir, written++);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(blob, 1, n, f) != n) return false;
    fclose(f);
    return true;
}

// Answers every pending call: ints times ten, boom/aboom raise, else None.
static void answer_all(KraitRun *run) {
    size_t n;
    const KraitCall *c = krait_run_pending(run, &n);
    for (size_t i = 0; i < n; i++) {
        if (strstr(c[i].name, "boom")) {
            krait_run_reject(run, c[i].id, "ValueError", "seed");
            continue;
        }
        KraitValue v = c[i].nargs && c[i].args[0].kind == KRAIT_INT ? krait_int(c[i].args[0].u.i * 10) : krait_none();
        krait_run_resolve(run, c[i].id, &v);
    }
}

// Snapshots at the first pauses of p's run (by reference: p's hash only).
static bool run_seeds(const char *dir, const KraitProgram *p, bool by_ref) {
    KraitOptions o;
    krait_options_init(&o);
    o.async_names = fz_async_names;
    o.nasync = 2;
    o.max_duration_ns = 2000u * 1000 * 1000;
    KraitRun *run;
    if (krait_run_new(p, &o, &run) != KRAIT_OK) return true;
    KraitStatus st = krait_run_start(run);
    for (int k = 0; k < 16 && st == KRAIT_PAUSED; k++) {
        KraitDumpOptions d;
        krait_dump_options_init(&d);
        d.by_reference = by_ref;
        uint8_t *blob;
        size_t n;
        if (krait_run_dump(run, &d, &blob, &n) == KRAIT_OK) {
            bool ok = write_blob(dir, blob, n);
            krait_free(blob);
            if (!ok) return false;
        }
        answer_all(run);
        st = krait_run_continue(run);
    }
    krait_run_free(run);
    return true;
}

// Session snapshots: between snippets, and paused inside a function an
// earlier snippet defined.
static const char *const session_snippets[] = {
    "def f(x):\n    return [fetch(x), x]\n",
    "class C:\n    k = (1, 'z')\n    def m(self): return sum(fetch(i) for i in range(2))\n",
    "xs = [f(i) for i in range(2)]\nc = C()\n",
    "print(xs, c.m(), f(C.k[0]))\n",
};

static bool session_seeds(const char *dir) {
    KraitOptions o;
    krait_options_init(&o);
    o.external_names = fz_external_names;
    o.nexternals = 4;
    o.async_names = fz_async_names;
    o.nasync = 2;
    KraitRun *s;
    if (krait_session_new(&o, &s) != KRAIT_OK) return false;
    bool ok = true;
    for (size_t i = 0; ok && i < sizeof session_snippets / sizeof session_snippets[0]; i++) {
        KraitStatus st = krait_session_feed(s, session_snippets[i], strlen(session_snippets[i]), NULL, NULL);
        for (int k = 0; ok && k < 8; k++) {
            uint8_t *blob;
            size_t n;
            if (krait_run_dump(s, NULL, &blob, &n) == KRAIT_OK) {
                ok = write_blob(dir, blob, n);
                krait_free(blob);
            }
            if (st != KRAIT_PAUSED) break;
            answer_all(s);
            st = krait_run_continue(s);
        }
    }
    krait_run_free(s);
    return ok;
}

static int run_corpus(int argc, char **argv) {
    KraitProgram *fixed = fz_compile_run_program();
    if (!fixed || !run_seeds(argv[2], fixed, true)) return 1;
    krait_program_free(fixed);
    if (!session_seeds(argv[2])) return 1;
    for (int i = 3; i < argc; i++) {
        size_t len;
        char *src = read_all(argv[i], &len);
        KraitCompileOptions co;
        krait_compile_options_init(&co);
        co.filename = argv[i];
        co.external_names = fz_external_names;
        co.nexternals = 2;
        KraitProgram *p = NULL;
        if (src && krait_compile(src, len, &co, &p, NULL) == KRAIT_OK && !run_seeds(argv[2], p, false)) return 1;
        krait_program_free(p);
        free(src);
    }
    printf("gen_seeds: %d run snapshots in %s\n", written, argv[2]);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: gen_seeds [--runs] OUTDIR FILE.py...\n");
        return 2;
    }
    if (strcmp(argv[1], "--runs") == 0) return argc < 3 ? 2 : run_corpus(argc, argv);
    for (int i = 2; i < argc; i++) {
        size_t len;
        char *src = read_all(argv[i], &len);
        KraitProgram *p = NULL;
        KraitError err;
        if (src && krait_program_compile(src, len, argv[i], &p, &err) == KRAIT_OK) {
            uint8_t *blob;
            size_t n;
            if (krait_program_dump(p, NULL, 0, &blob, &n) == KRAIT_OK) {
                if (!write_blob(argv[1], blob, n)) return 1;
                krait_free(blob);
            }
            krait_program_free(p);
        } else {
            krait_error_clear(&err);
        }
        free(src);
    }
    printf("gen_seeds: %d program dumps in %s\n", written, argv[1]);
    return 0;
}
