// test_api.c: the embedding API through include/krait.h only: inputs and
// results as value trees, external calls paused and resumed in every
// construct (tests/unit/api_cases, expected output recorded by python3
// with record.py), exceptions from the host, errors as values, limits and
// resource bombs, cancellation and runs on two threads.
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "krait.h"

#include "api_host.h"

// Runs to the end answering every call; returns the final status.
static KraitStatus drive(KraitRun *run, int *ncalls) {
    Scratch s;
    KraitStatus st = krait_run_start(run);
    while (st == KRAIT_PAUSED) {
        size_t n;
        const KraitCall *c = krait_run_pending(run, &n);
        for (size_t i = 0; i < n; i++)
            if (answer(run, &c[i], &s) != KRAIT_OK) return KRAIT_ERR_ARG;
        if (ncalls) *ncalls += (int)n;
        st = krait_run_continue(run);
    }
    return st;
}

// stdout, plus "uncaught Type message" for an uncaught exception, as record.py prints.
static char *run_for_output(const char *src, KraitStatus *status) {
    KraitProgram *p = compile_tools(src);
    if (!p) return NULL;
    KraitRun *run;
    KraitOptions o;
    krait_options_init(&o);
    o.async_names = async_tool_names;
    o.nasync = 2;
    if (krait_run_new(p, &o, &run) != KRAIT_OK) return NULL;
    KraitStatus st = drive(run, NULL);
    size_t n;
    const char *out = krait_run_output(run, 1, &n);
    const KraitRunError *e = krait_run_error(run);
    size_t cap = n + 512 + (e ? strlen(e->message) : 0);
    char *text = malloc(cap);
    memcpy(text, out, n);
    text[n] = 0;
    if (st == KRAIT_ERR_RUNTIME && e) snprintf(text + n, cap - n, "uncaught %s %s\n", e->type, e->message);
    if (status) *status = st;
    krait_run_free(run);
    krait_program_free(p);
    return text;
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
        char *got = run_for_output(src, NULL);
        CHECK(got != NULL);
        if (got && strcmp(got, exp) != 0) {
            fprintf(stderr, "%s: output differs\n--- expected\n%s--- got\n%s", path, exp, got);
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

// ---- values ------------------------------------------------------------------------------------

static void test_inputs_and_result(void) {
    const char *src = "out = {'n': n + 1, 'big': big * 2, 'f': f / 2, 's': s + '!', 'b': b[::-1],\n"
                      "       'l': l + [None], 't': t, 'set': sorted(st), 'fs': len(fs), 'd': d['k']}\n"
                      "out\n";
    const char *names[] = {"n", "big", "f", "s", "b", "l", "t", "st", "fs", "d"};
    KraitCompileOptions co;
    krait_compile_options_init(&co);
    co.input_names = names;
    co.ninputs = 10;
    KraitProgram *p;
    CHECK(krait_compile(src, strlen(src), &co, &p, NULL) == KRAIT_OK);
    KraitValue li[2] = {krait_bool(true), krait_float(0.5)};
    KraitValue ti[2] = {krait_str("x"), krait_int(-3)};
    KraitValue si[3] = {krait_int(3), krait_int(1), krait_int(2)};
    KraitValue di[2] = {krait_str("k"), krait_str("héllo")};
    KraitValue in[10] = {
        krait_int(41),
        krait_strn(KRAIT_BIGINT, "-123456789012345678901234567890", 31),
        krait_float(3.0),
        krait_str("hi"),
        krait_strn(KRAIT_BYTES, "ab\0c", 4),
        krait_seq(KRAIT_LIST, li, 2),
        krait_seq(KRAIT_TUPLE, ti, 2),
        krait_seq(KRAIT_SET, si, 3),
        krait_seq(KRAIT_FROZENSET, si, 3),
        krait_seq(KRAIT_DICT, di, 1),
    };
    KraitOptions o;
    krait_options_init(&o);
    o.inputs = in;
    o.ninputs = 10;
    KraitRun *run;
    CHECK(krait_run_new(p, &o, &run) == KRAIT_OK);
    CHECK(krait_run_start(run) == KRAIT_OK);
    const KraitValue *r = krait_run_result(run);
    CHECK(r && r->kind == KRAIT_DICT && r->u.seq.len == 10);
    if (r && r->kind == KRAIT_DICT && r->u.seq.len == 10) {
        const KraitValue *it = r->u.seq.items;
        CHECK(it[1].kind == KRAIT_INT && it[1].u.i == 42);
        CHECK(it[3].kind == KRAIT_BIGINT && strcmp(it[3].u.s.data, "-246913578024691357802469135780") == 0);
        CHECK(it[5].kind == KRAIT_FLOAT && it[5].u.f == 1.5);
        CHECK(it[7].kind == KRAIT_STR && strcmp(it[7].u.s.data, "hi!") == 0);
        CHECK(it[9].kind == KRAIT_BYTES && it[9].u.s.len == 4 && memcmp(it[9].u.s.data, "c\0ba", 4) == 0);
        CHECK(it[11].kind == KRAIT_LIST && it[11].u.seq.len == 3 && it[11].u.seq.items[2].kind == KRAIT_NONE &&
              it[11].u.seq.items[0].kind == KRAIT_BOOL && it[11].u.seq.items[0].u.b);
        CHECK(it[13].kind == KRAIT_TUPLE && it[13].u.seq.items[1].u.i == -3);
        CHECK(it[15].kind == KRAIT_LIST && it[15].u.seq.items[0].u.i == 1 && it[15].u.seq.items[2].u.i == 3);
        CHECK(it[17].kind == KRAIT_INT && it[17].u.i == 3);
        CHECK(it[19].kind == KRAIT_STR && strcmp(it[19].u.s.data, "héllo") == 0);
    }
    CHECK(krait_run_result_repr(run) && strncmp(krait_run_result_repr(run), "{'n': 42, ", 10) == 0);
    krait_run_free(run);
    // wrong input count, bad UTF-8
    o.ninputs = 9;
    CHECK(krait_run_new(p, &o, &run) == KRAIT_ERR_ARG);
    o.ninputs = 10;
    in[3] = krait_strn(KRAIT_STR, "\xff", 1);
    CHECK(krait_run_new(p, &o, &run) == KRAIT_ERR_ARG);
    krait_program_free(p);
}

static void test_other_values(void) {
    const char *src = "class P:\n    def __repr__(self): return 'P()'\nx = [1]\nx.append(x)\n(P(), x, 1j if False else "
                      "range(3), {1: {2: {3: None}}})\n";
    KraitProgram *p;
    CHECK(krait_program_compile(src, strlen(src), "t.py", &p, NULL) == KRAIT_OK);
    KraitRun *run;
    CHECK(krait_run_new(p, NULL, &run) == KRAIT_OK);
    CHECK(krait_run_start(run) == KRAIT_OK);
    const KraitValue *r = krait_run_result(run);
    CHECK(r && r->kind == KRAIT_TUPLE && r->u.seq.len == 4);
    if (r && r->u.seq.len == 4) {
        CHECK(r->u.seq.items[0].kind == KRAIT_OTHER && strcmp(r->u.seq.items[0].u.other.type_name, "P") == 0 &&
              strcmp(r->u.seq.items[0].u.other.repr, "P()") == 0);
        CHECK(r->u.seq.items[1].kind == KRAIT_LIST); // the cycle ends as OTHER deep down
        CHECK(r->u.seq.items[2].kind == KRAIT_OTHER && strcmp(r->u.seq.items[2].u.other.repr, "range(0, 3)") == 0);
        CHECK(r->u.seq.items[3].kind == KRAIT_DICT);
    }
    krait_run_free(run);
    krait_program_free(p);
    // a statement last: the result is None
    CHECK(krait_program_compile("x = 1\n", 6, "t.py", &p, NULL) == KRAIT_OK);
    CHECK(krait_run_new(p, NULL, &run) == KRAIT_OK);
    CHECK(krait_run_start(run) == KRAIT_OK);
    CHECK(krait_run_result(run) && krait_run_result(run)->kind == KRAIT_NONE);
    CHECK(krait_run_result_repr(run) == NULL);
    krait_run_free(run);
    krait_program_free(p);
}

// ---- external calls ----------------------------------------------------------------------------

static void test_call_details(void) {
    KraitProgram *p = compile_tools("r = fetch(1, 'two', scale=3, extra=[1, 2])\nprint(r)\n");
    KraitRun *run;
    CHECK(krait_run_new(p, NULL, &run) == KRAIT_OK);
    CHECK(krait_run_start(run) == KRAIT_PAUSED);
    size_t n;
    const KraitCall *c = krait_run_pending(run, &n);
    CHECK(n == 1 && c && strcmp(c->name, "fetch") == 0 && c->id > 0);
    CHECK(c->nargs == 2 && c->args[0].u.i == 1 && strcmp(c->args[1].u.s.data, "two") == 0);
    CHECK(c->nkwargs == 2 && strcmp(c->kwargs[0].u.s.data, "scale") == 0 && c->kwargs[1].u.i == 3);
    CHECK(c->kwargs[3].kind == KRAIT_LIST && c->kwargs[3].u.seq.len == 2);
    // out-of-order calls are refused
    CHECK(krait_run_continue(run) == KRAIT_ERR_ARG); // not answered yet
    CHECK(krait_run_resolve(run, c->id + 100, NULL) == KRAIT_ERR_ARG);
    CHECK(krait_run_start(run) == KRAIT_ERR_ARG);
    KraitValue v = krait_str("done");
    CHECK(krait_run_resume(run, &v) == KRAIT_OK);
    CHECK(strcmp(krait_run_output(run, 1, NULL), "done\n") == 0);
    CHECK(krait_run_continue(run) == KRAIT_ERR_ARG);
    krait_run_free(run);
    krait_program_free(p);
}

static void test_reject_custom_type(void) {
    KraitProgram *p = compile_tools("try:\n    fetch(1)\nexcept Exception as e:\n    print(type(e).__name__, e, "
                                    "isinstance(e, Exception))\nfetch(2)\n");
    KraitRun *run;
    CHECK(krait_run_new(p, NULL, &run) == KRAIT_OK);
    CHECK(krait_run_start(run) == KRAIT_PAUSED);
    size_t n;
    const KraitCall *c = krait_run_pending(run, &n);
    CHECK(krait_run_reject(run, c->id, "RateLimited", "slow down") == KRAIT_OK);
    CHECK(krait_run_continue(run) == KRAIT_PAUSED);
    c = krait_run_pending(run, &n);
    CHECK(krait_run_reject(run, c->id, "KeyError", "missing") == KRAIT_OK);
    CHECK(krait_run_continue(run) == KRAIT_ERR_RUNTIME);
    CHECK(strcmp(krait_run_output(run, 1, NULL), "RateLimited slow down True\n") == 0);
    const KraitRunError *e = krait_run_error(run);
    CHECK(e && strcmp(e->type, "KeyError") == 0 && strcmp(e->message, "'missing'") == 0);
    CHECK(e && e->nframes == 1 && e->frames[0].line == 5 && strcmp(e->frames[0].source_line, "fetch(2)") == 0);
    krait_run_free(run);
    krait_program_free(p);
}

// gather: every call pending at once; answers by id, out of order, a few
// at a time; the results land where they belong.
static void test_gather_out_of_order(void) {
    const char *src = "import asyncio\nasync def main():\n    return await asyncio.gather(afetch(1), afetch(2), "
                      "afetch(3))\nasyncio.run(main())\n";
    KraitProgram *p;
    CHECK(krait_program_compile(src, strlen(src), "g.py", &p, NULL) == KRAIT_OK);
    KraitOptions o;
    krait_options_init(&o);
    o.async_names = async_tool_names;
    o.nasync = 1;
    KraitRun *run;
    CHECK(krait_run_new(p, &o, &run) == KRAIT_OK);
    CHECK(krait_run_start(run) == KRAIT_PAUSED);
    size_t n;
    const KraitCall *c = krait_run_pending(run, &n);
    CHECK(n == 3);
    uint64_t ids[3];
    for (size_t i = 0; i < 3 && i < n; i++) {
        ids[i] = c[i].id;
        CHECK(c[i].args[0].u.i == (int64_t)i + 1);
    }
    KraitValue v3 = krait_int(300), v1 = krait_int(100), v2 = krait_int(200);
    CHECK(krait_run_resolve(run, ids[2], &v3) == KRAIT_OK);
    CHECK(krait_run_continue(run) == KRAIT_PAUSED); // two still pending
    c = krait_run_pending(run, &n);
    CHECK(n == 2 && c[0].id == ids[0] && c[1].id == ids[1]);
    CHECK(krait_run_continue(run) == KRAIT_PAUSED); // nothing answered: pauses again
    CHECK(krait_run_resolve(run, ids[1], &v2) == KRAIT_OK);
    CHECK(krait_run_resolve(run, ids[0], &v1) == KRAIT_OK);
    CHECK(krait_run_resolve(run, ids[0], &v1) == KRAIT_ERR_ARG); // answered already
    CHECK(krait_run_continue(run) == KRAIT_OK);
    CHECK(krait_run_result_repr(run) && strcmp(krait_run_result_repr(run), "[100, 200, 300]") == 0);
    krait_run_free(run);
    krait_program_free(p);
}

// Native code between the VM and the call: a clear error, never a hang.
static void test_native_context(void) {
    const char *srcs[] = {
        "sorted([3, 1], key=fetch)",
        "list(map(fetch, [1]))",
        "def g():\n    yield fetch(1)\nnext(g())",
    };
    for (size_t i = 0; i < 3; i++) {
        KraitStatus st;
        char *out = run_for_output(srcs[i], &st);
        CHECK(st == KRAIT_ERR_RUNTIME);
        CHECK(out && strstr(out, "uncaught RuntimeError external function 'fetch' was called from inside a built-in"));
        free(out);
    }
}

// ---- errors ------------------------------------------------------------------------------------

static void test_errors(void) {
    KraitProgram *p;
    KraitError err;
    CHECK(krait_program_compile("x = (1,\n", 8, "bad.py", &p, &err) == KRAIT_ERR_SYNTAX);
    CHECK(strcmp(err.type, "SyntaxError") == 0 && err.line == 1 && err.column == 5);
    CHECK(strstr(err.message, "was never closed") != NULL);
    CHECK(err.text && strstr(err.text, "    x = (1,\n") != NULL);
    krait_error_clear(&err);
    const char *src = "def f(d):\n    return d['k']\n\nf({})\n";
    CHECK(krait_program_compile(src, strlen(src), "e.py", &p, NULL) == KRAIT_OK);
    KraitRun *run;
    CHECK(krait_run_new(p, NULL, &run) == KRAIT_OK);
    CHECK(krait_run_start(run) == KRAIT_ERR_RUNTIME);
    const KraitRunError *e = krait_run_error(run);
    CHECK(e && strcmp(e->type, "KeyError") == 0 && strcmp(e->message, "'k'") == 0 && e->limit == KRAIT_LIMIT_NONE);
    CHECK(e && e->nframes == 2);
    if (e && e->nframes == 2) {
        CHECK(strcmp(e->frames[0].function, "<module>") == 0 && e->frames[0].line == 4);
        CHECK(strcmp(e->frames[1].function, "f") == 0 && e->frames[1].line == 2 && e->frames[1].column == 12 &&
              e->frames[1].end_column == 18 && strcmp(e->frames[1].filename, "e.py") == 0);
        CHECK(strcmp(e->frames[1].source_line, "return d['k']") == 0);
    }
    CHECK(strcmp(krait_run_traceback(run), "Traceback (most recent call last):\n  File \"e.py\", line 4, in <module>\n"
                                           "    f({})\n  File \"e.py\", line 2, in f\n    return d['k']\n"
                                           "           ~^^^^^\nKeyError: 'k'\n") == 0);
    krait_run_free(run);
    krait_program_free(p);
}

// ---- limits ------------------------------------------------------------------------------------

typedef struct Bomb {
    const char *src;
    KraitLimit limit;
    const char *type;
} Bomb;

// One native operation over hundreds of megabytes (a fill, a copy, a
// count) stops at the duration limit: it works in slices and polls.
static void test_big_single_ops(void) {
    static const char *const ops[] = {
        "bytes(3 * 10**8)", "bytearray(3 * 10**8)", "'a'.ljust(3 * 10**8)", "'\u00e9'.rjust(2 * 10**8)",
        "b'a'.center(3 * 10**8)", "'ab'.zfill(3 * 10**8)",
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        KraitProgram *p;
        CHECK(krait_program_compile(ops[i], strlen(ops[i]), "big.py", &p, NULL) == KRAIT_OK);
        KraitOptions o;
        krait_options_init(&o);
        o.max_memory = 1u << 30;
        o.max_duration_ns = 1000000u; // 1 ms: far less than one pass over the block
        KraitRun *run;
        CHECK(krait_run_new(p, &o, &run) == KRAIT_OK);
        KraitStatus st = krait_run_start(run);
        const KraitRunError *e = krait_run_error(run);
        CHECK(st == KRAIT_ERR_LIMIT && e && e->limit == KRAIT_LIMIT_DURATION);
        if (st != KRAIT_ERR_LIMIT) fprintf(stderr, "big op %s: %s\n", ops[i], krait_status_name(st));
        krait_run_free(run);
        krait_program_free(p);
    }
}

static void test_bombs(void) {
    static const Bomb bombs[] = {
        {"'a' * 10**12", KRAIT_LIMIT_MEMORY, "MemoryError"},
        {"[0] * 10**10", KRAIT_LIMIT_MEMORY, "MemoryError"},
        {"10 ** 10 ** 9", KRAIT_LIMIT_MEMORY, "MemoryError"},
        {"'x'.ljust(10**11)", KRAIT_LIMIT_MEMORY, "MemoryError"},
        {"x = []\nwhile True:\n    x.append('y' * 1000)", KRAIT_LIMIT_MEMORY, "MemoryError"},
        {"s = ''\nfor i in range(10**9):\n    s = s + str(i)", KRAIT_LIMIT_DURATION, "TimeoutError"},
        {"while True:\n    pass", KRAIT_LIMIT_DURATION, "TimeoutError"},
        {"try:\n    while True: pass\nfinally:\n    print('no')\n    while True: pass", KRAIT_LIMIT_DURATION, "TimeoutError"},
        {"x = 3 ** 100000\nwhile True:\n    x * x", KRAIT_LIMIT_DURATION, "TimeoutError"},
        {"x = list(range(10**6))\nwhile True:\n    x.sort(key=lambda v: -v)", KRAIT_LIMIT_DURATION, "TimeoutError"},
        {"x = [str(i) for i in range(10**4)]\nwhile True:\n    ','.join(x * 100)", KRAIT_LIMIT_DURATION, "TimeoutError"},
        {"while True:\n    print('spam' * 100)", KRAIT_LIMIT_OUTPUT, "OSError"},
        {"x = [[] for _ in range(10**6)]", KRAIT_LIMIT_ALLOCATIONS, "MemoryError"},
        {"int('9' * 100000)", KRAIT_LIMIT_NONE, "ValueError"},
        {"def f(n):\n    return f(n + 1)\nf(0)", KRAIT_LIMIT_NONE, "RecursionError"},
        {"x = " "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((" "1", KRAIT_LIMIT_NONE, "SyntaxError"},
    };
    for (size_t i = 0; i < sizeof bombs / sizeof bombs[0]; i++) {
        const Bomb *b = &bombs[i];
        KraitProgram *p;
        KraitError err;
        KraitStatus st = krait_program_compile(b->src, strlen(b->src), "bomb.py", &p, &err);
        if (st == KRAIT_ERR_SYNTAX) {
            CHECK(strcmp(b->type, err.type) == 0);
            krait_error_clear(&err);
            continue;
        }
        CHECK(st == KRAIT_OK);
        KraitOptions o;
        krait_options_init(&o);
        o.max_memory = 32u << 20;
        o.max_duration_ns = 200000000u; // 200 ms
        o.max_output = 64u << 10;
        o.max_allocations = 100000;
        KraitRun *run;
        CHECK(krait_run_new(p, &o, &run) == KRAIT_OK);
        st = krait_run_start(run);
        const KraitRunError *e = krait_run_error(run);
        CHECK(st == (b->limit ? KRAIT_ERR_LIMIT : KRAIT_ERR_RUNTIME));
        CHECK(e && e->limit == b->limit && strcmp(e->type, b->type) == 0);
        if (!e || e->limit != b->limit || strcmp(e->type, b->type) != 0)
            fprintf(stderr, "bomb %zu: %s\n", i, e ? e->traceback : krait_status_name(st));
        if (e && b->limit) {
            CHECK(strstr(e->message, "limit exceeded") != NULL && e->limit_value > 0);
            CHECK(strncmp(e->traceback, "Traceback (most recent call last):\n", 35) == 0);
        }
        // `finally` and `except` never run after a limit
        CHECK(strstr(krait_run_output(run, 1, NULL), "no") == NULL || b->limit == KRAIT_LIMIT_OUTPUT);
        krait_run_free(run);
        krait_program_free(p);
    }
}

static void test_memory_counts_live_data(void) {
    // 200 MB allocated in total, never more than ~1 MB live
    const char *src = "for i in range(200):\n    x = 'z' * 1000000\nprint('ok')\n";
    KraitProgram *p;
    CHECK(krait_program_compile(src, strlen(src), "live.py", &p, NULL) == KRAIT_OK);
    KraitOptions o;
    krait_options_init(&o);
    o.max_memory = 8u << 20;
    KraitRun *run;
    CHECK(krait_run_new(p, &o, &run) == KRAIT_OK);
    CHECK(krait_run_start(run) == KRAIT_OK);
    CHECK(strcmp(krait_run_output(run, 1, NULL), "ok\n") == 0);
    krait_run_free(run);
    krait_program_free(p);
}

static void test_recursion_limit_option(void) {
    const char *src = "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(150))\ntry:\n    f(250)\n"
                      "except RecursionError as e:\n    print('caught', e)\n";
    KraitProgram *p;
    CHECK(krait_program_compile(src, strlen(src), "rec.py", &p, NULL) == KRAIT_OK);
    KraitOptions o;
    krait_options_init(&o);
    o.max_recursion = 200;
    KraitRun *run;
    CHECK(krait_run_new(p, &o, &run) == KRAIT_OK);
    CHECK(krait_run_start(run) == KRAIT_OK);
    CHECK(strcmp(krait_run_output(run, 1, NULL), "150\ncaught maximum recursion depth exceeded\n") == 0);
    krait_run_free(run);
    krait_program_free(p);
}

// Paused time is not run time: a run paused longer than its limit goes on.
static void test_pause_time_not_counted(void) {
    KraitProgram *p = compile_tools("print(fetch(1))\n");
    KraitOptions o;
    krait_options_init(&o);
    o.max_duration_ns = 50000000u;
    KraitRun *run;
    CHECK(krait_run_new(p, &o, &run) == KRAIT_OK);
    CHECK(krait_run_start(run) == KRAIT_PAUSED);
    struct timespec ts = {0, 120000000};
    nanosleep(&ts, NULL);
    KraitValue v = krait_int(5);
    CHECK(krait_run_resume(run, &v) == KRAIT_OK);
    krait_run_free(run);
    krait_program_free(p);
}

// ---- threads -----------------------------------------------------------------------------------

static void *cancel_later(void *arg) {
    struct timespec ts = {0, 50000000};
    nanosleep(&ts, NULL);
    krait_run_cancel(arg);
    return NULL;
}

static void test_cancel(void) {
    KraitProgram *p;
    const char *src = "try:\n    while True:\n        pass\nexcept BaseException:\n    print('caught')\n";
    CHECK(krait_program_compile(src, strlen(src), "spin.py", &p, NULL) == KRAIT_OK);
    KraitRun *run;
    CHECK(krait_run_new(p, NULL, &run) == KRAIT_OK);
    pthread_t t;
    pthread_create(&t, NULL, cancel_later, run);
    CHECK(krait_run_start(run) == KRAIT_ERR_LIMIT);
    pthread_join(t, NULL);
    const KraitRunError *e = krait_run_error(run);
    CHECK(e && e->limit == KRAIT_LIMIT_CANCELLED);
    CHECK(strcmp(krait_run_output(run, 1, NULL), "") == 0);
    krait_run_free(run);
    krait_program_free(p);
}

typedef struct ThreadJob {
    const KraitProgram *p;
    int seed;
    char out[256];
    int ncalls;
} ThreadJob;

static void *thread_run(void *arg) {
    ThreadJob *j = arg;
    for (int k = 0; k < 20; k++) {
        KraitValue in = krait_int(j->seed);
        KraitOptions o;
        krait_options_init(&o);
        o.inputs = &in;
        o.ninputs = 1;
        KraitRun *run;
        if (krait_run_new(j->p, &o, &run) != KRAIT_OK) return NULL;
        j->ncalls = 0;
        drive(run, &j->ncalls);
        snprintf(j->out, sizeof j->out, "%s", krait_run_output(run, 1, NULL));
        krait_run_free(run);
    }
    return NULL;
}

// One shared program, two threads, different inputs: no interference.
static void test_two_threads(void) {
    const char *src = "acc = []\nfor i in range(50):\n    acc.append(fetch(seed + i) % 7)\nprint(seed, sum(acc), "
                      "len({str(x) for x in acc}))\n";
    const char *names[] = {"seed"};
    KraitCompileOptions co;
    krait_compile_options_init(&co);
    co.input_names = names;
    co.ninputs = 1;
    co.external_names = tool_names;
    co.nexternals = 2;
    KraitProgram *p;
    CHECK(krait_compile(src, strlen(src), &co, &p, NULL) == KRAIT_OK);
    ThreadJob a = {p, 3, "", 0}, b = {p, 1000, "", 0};
    pthread_t ta, tb;
    pthread_create(&ta, NULL, thread_run, &a);
    pthread_create(&tb, NULL, thread_run, &b);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    // sum((10*(seed+i)) % 7 for i in range(50)), as python3 computes it
    CHECK(strcmp(a.out, "3 149 7\n") == 0);
    CHECK(strcmp(b.out, "1000 151 7\n") == 0);
    CHECK(a.ncalls == 50 && b.ncalls == 50);
    krait_program_free(p);
}

// ---- allocator and output ----------------------------------------------------------------------

typedef struct CountingAlloc {
    size_t live, calls;
} CountingAlloc;

static void *counting_alloc(void *ud, void *ptr, size_t old_size, size_t new_size) {
    CountingAlloc *c = ud;
    c->calls++;
    c->live += new_size;
    c->live -= ptr ? old_size : 0;
    if (new_size == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, new_size);
}

typedef struct Sink {
    char text[256];
    size_t len;
    int streams;
} Sink;

static void sink_write(void *ud, int stream, const char *s, size_t n) {
    Sink *k = ud;
    k->streams |= stream;
    if (k->len + n < sizeof k->text) {
        memcpy(k->text + k->len, s, n);
        k->len += n;
    }
}

static void test_allocator_and_output(void) {
    const char *src = "import sys\nprint('a', [1, 2])\nsys.stderr.write('err\\n')\nsys.stdout.write('b\\n')\n";
    KraitProgram *p;
    CHECK(krait_program_compile(src, strlen(src), "io.py", &p, NULL) == KRAIT_OK);
    CountingAlloc ca = {0, 0};
    KraitOptions o;
    krait_options_init(&o);
    o.alloc = counting_alloc;
    o.alloc_data = &ca;
    KraitRun *run;
    CHECK(krait_run_new(p, &o, &run) == KRAIT_OK);
    CHECK(krait_run_start(run) == KRAIT_OK);
    CHECK(strcmp(krait_run_output(run, 1, NULL), "a [1, 2]\nb\n") == 0);
    CHECK(strcmp(krait_run_output(run, 2, NULL), "err\n") == 0);
    uint64_t heap, allocs;
    krait_run_usage(run, &heap, &allocs);
    CHECK(heap > 0 && allocs > 0 && ca.calls > 0);
    krait_run_free(run);
    CHECK(ca.live == 0); // everything given back through the hook
    Sink k = {"", 0, 0};
    krait_options_init(&o);
    o.write = sink_write;
    o.write_data = &k;
    CHECK(krait_run_new(p, &o, &run) == KRAIT_OK);
    CHECK(krait_run_start(run) == KRAIT_OK);
    CHECK(k.streams == 3 && strcmp(k.text, "a [1, 2]\nerr\nb\n") == 0);
    krait_run_free(run);
    krait_program_free(p);
}

// ---- sessions ----------------------------------------------------------------------------------

static KraitStatus feed(KraitRun *s, const char *src) { return krait_session_feed(s, src, strlen(src), NULL, NULL); }

static void test_session(void) {
    KraitOptions o;
    krait_options_init(&o);
    o.external_names = tool_names;
    o.nexternals = 1;
    o.max_duration_ns = 100000000u;
    KraitRun *s;
    CHECK(krait_session_new(&o, &s) == KRAIT_OK);
    KraitValue seed = krait_int(7);
    CHECK(krait_session_set(s, "seed", &seed) == KRAIT_OK);
    CHECK(feed(s, "x = seed * 6\ndef f(n):\n    return n + x\nclass C:\n    k = 1\n") == KRAIT_OK);
    CHECK(feed(s, "f(1), C.k") == KRAIT_OK);
    CHECK(strcmp(krait_run_result_repr(s), "(43, 1)") == 0);
    KraitError err;
    CHECK(krait_session_feed(s, "x = (", 5, "cell3", &err) == KRAIT_ERR_SYNTAX);
    krait_error_clear(&err);
    CHECK(feed(s, "def g():\n    return 1 / 0\n") == KRAIT_OK);
    CHECK(feed(s, "g()") == KRAIT_ERR_RUNTIME);
    // the traceback shows each snippet's own source line
    const char *tb = krait_run_traceback(s);
    CHECK(tb && strstr(tb, "    g()\n") && strstr(tb, "    return 1 / 0\n"));
    CHECK(feed(s, "while True:\n    pass") == KRAIT_ERR_LIMIT);
    CHECK(feed(s, "y = fetch(x)\nprint(y)") == KRAIT_PAUSED); // the session lives on after errors
    CHECK(feed(s, "1") == KRAIT_ERR_ARG);                       // not while paused
    KraitValue v = krait_int(99);
    CHECK(krait_run_resume(s, &v) == KRAIT_OK);
    CHECK(feed(s, "y + f(0)") == KRAIT_OK);
    CHECK(strcmp(krait_run_result_repr(s), "141") == 0);
    CHECK(strcmp(krait_run_output(s, 1, NULL), "99\n") == 0);
    CHECK(krait_run_start(s) == KRAIT_ERR_ARG);
    krait_run_free(s);
}

int main(void) {
    test_cases();
    test_inputs_and_result();
    test_other_values();
    test_call_details();
    test_reject_custom_type();
    test_gather_out_of_order();
    test_native_context();
    test_errors();
    test_bombs();
    test_big_single_ops();
    test_memory_counts_live_data();
    test_recursion_limit_option();
    test_pause_time_not_counted();
    test_cancel();
    test_two_threads();
    test_allocator_and_output();
    test_session();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
