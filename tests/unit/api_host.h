// api_host.h: what the C API tests share: the check counters, file
// reading, and the host that answers the tools of tests/unit/api_cases
// (fetch/boom and async afetch/aboom, as api_cases/record.py defines
// them for python3). Included by one test file each (static functions).
#ifndef KR_TEST_API_HOST_H
#define KR_TEST_API_HOST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "krait.h"

#include "check.h"

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

// ---- the host of api_cases/record.py --------------------------------------------------------

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

#endif
