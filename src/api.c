// api.c: include/krait.h on top of the internals: argument checks and
// status mapping, no logic of its own.
#include <stdio.h>
#include <stdlib.h>
#include "krait.h"
#include "compiler.h"
#include "types.h"
#include "vm.h"

struct KraitProgram {
    KrProgram *p;
};

struct KraitRun {
    const KraitProgram *program;
    KrRun *r;
    char *traceback;
    char *result_repr;
    char exc_type[64];
    bool system_exit;
    int exit_status;
};

void krait_error_clear(KraitError *err) {
    if (!err) return;
    free(err->text);
    err->text = NULL;
}

void krait_options_init(KraitOptions *opts) {
    memset(opts, 0, sizeof *opts);
    opts->struct_size = sizeof *opts;
    opts->max_recursion = 1000;
}

// A malloc'd copy of the buffer's text (the API frees it with free()).
static char *buf_steal(KrBuf *b) {
    char *s = malloc(b->len + 1);
    if (s) {
        if (b->len) memcpy(s, b->data, b->len);
        s[b->len] = 0;
    }
    kr_buf_free(b);
    return s;
}

static const char *synerr_type(KrSyntaxErrKind k) {
    switch (k) {
    case KR_SYNERR_INDENTATION: return "IndentationError";
    case KR_SYNERR_TAB: return "TabError";
    case KR_SYNERR_MEMORY: return "MemoryError";
    default: return "SyntaxError";
    }
}

// CPython's layout: file line, the source line (stripped of leading
// spaces), a caret under the error column, then "Type: message".
static char *format_syntax_error(const char *src, size_t len, const char *filename, const KrSyntaxErr *e) {
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    bool ok = kr_buf_printf(&b, "  File \"%s\", line %d\n", filename, e->lineno);
    const char *p = src, *end = src + len;
    for (int32_t l = 1; l < e->lineno && p < end; p++)
        if (*p == '\n') l++;
    if (ok && e->lineno > 0 && p < end) {
        const char *le = p;
        while (le < end && *le != '\n') le++;
        size_t skipped = 0;
        while (p < le && (*p == ' ' || *p == '\t' || *p == '\f')) p++, skipped++;
        while (le > p && (le[-1] == '\r' || le[-1] == ' ')) le--;
        if (le > p) {
            ok = kr_buf_append_str(&b, "    ") && kr_buf_append(&b, p, (size_t)(le - p)) && kr_buf_append_char(&b, '\n');
            int32_t col = e->offset - 1 - (int32_t)skipped;
            int32_t width = 1;
            if (e->end_lineno == e->lineno && e->end_offset > e->offset) width = e->end_offset - e->offset;
            if (col >= 0 && ok)
                ok = kr_buf_append_str(&b, "    ") && kr_buf_append_repeat(&b, ' ', (size_t)col) &&
                     kr_buf_append_repeat(&b, '^', (size_t)width) && kr_buf_append_char(&b, '\n');
        }
    }
    ok = ok && kr_buf_printf(&b, "%s: %s\n", synerr_type(e->kind), e->msg);
    if (!ok) {
        kr_buf_free(&b);
        return NULL;
    }
    return buf_steal(&b);
}

KraitStatus krait_program_compile(const char *source, size_t len, const char *filename, KraitProgram **out,
                                  KraitError *err) {
    if (!source || !out) return KRAIT_ERR_ARG;
    if (!filename) filename = "<string>";
    *out = NULL;
    if (err) memset(err, 0, sizeof *err);
    KrSyntaxErr se;
    KrProgram *p = kr_compile(kr_default_allocator, source, len, filename, &se);
    if (!p) {
        if (err) {
            snprintf(err->type, sizeof err->type, "%s", synerr_type(se.kind));
            snprintf(err->message, sizeof err->message, "%s", se.msg);
            err->line = se.lineno;
            err->column = se.offset;
            err->end_line = se.end_lineno;
            err->end_column = se.end_offset;
            err->text = format_syntax_error(source, len, filename, &se);
        }
        return se.kind == KR_SYNERR_MEMORY ? KRAIT_ERR_NOMEM : KRAIT_ERR_SYNTAX;
    }
    KraitProgram *kp = malloc(sizeof *kp);
    if (!kp) {
        kr_program_free(p);
        return KRAIT_ERR_NOMEM;
    }
    kp->p = p;
    *out = kp;
    return KRAIT_OK;
}

void krait_program_free(KraitProgram *program) {
    if (!program) return;
    kr_program_free(program->p);
    free(program);
}

KraitStatus krait_run_new(const KraitProgram *program, const KraitOptions *opts, KraitRun **out) {
    if (!program || !out) return KRAIT_ERR_ARG;
    KraitRun *run = calloc(1, sizeof *run);
    if (!run) return KRAIT_ERR_NOMEM;
#ifdef KR_CHECK_SIZES
    run->r = kr_run_create(kr_checking_allocator);
#else
    run->r = kr_run_create(kr_default_allocator);
#endif
    if (!run->r) {
        free(run);
        return KRAIT_ERR_NOMEM;
    }
    run->program = program;
    run->r->program = program->p;
    if (opts) {
        if (opts->max_recursion) run->r->limits.max_recursion = opts->max_recursion;
        run->r->write = opts->write;
        run->r->write_ud = opts->write_data;
    }
    *out = run;
    return KRAIT_OK;
}

static bool setup_globals(KrRun *r) {
    r->globals = kr_dict_new(r);
    if (r->globals == KR_EXC) return false;
    r->main_name = kr_str_from_cstr(r, "__main__");
    if (r->main_name == KR_EXC) return false;
    KrValue k = kr_str_from_cstr(r, "__name__");
    if (k == KR_EXC || !kr_dict_set(r, kr_as_dict(r->globals), k, r->main_name)) return false;
    k = kr_str_from_cstr(r, "__doc__");
    return k != KR_EXC && kr_dict_set(r, kr_as_dict(r->globals), k, KR_NONE);
}


// SystemExit(code): None exits 0, an int exits with it, anything else is
// printed and exits 1 (CPython's rules).
static void capture_system_exit(KraitRun *run, KrValue exc) {
    KrRun *r = run->r;
    KrTuple *args = kr_as_tuple(((KrExc *)kr_as_obj(exc))->args);
    KrValue code = args->len == 0 ? KR_NONE : args->len == 1 ? args->items[0] : ((KrExc *)kr_as_obj(exc))->args;
    run->system_exit = true;
    snprintf(run->exc_type, sizeof run->exc_type, "SystemExit");
    int64_t n;
    if (code == KR_NONE) {
        run->exit_status = 0;
    } else if (kr_is_int(code) && kr_int_to_i64(code, &n)) {
        run->exit_status = (int)(n & 0xFF);
    } else {
        run->exit_status = 1;
        KrValue s = kr_str(r, code);
        if (s == KR_EXC) {
            kr_clear_exc(r);
            return;
        }
        KrStr *str = kr_as_str(s);
        run->traceback = malloc(str->nbytes + 2);
        if (run->traceback) {
            memcpy(run->traceback, str->data, str->nbytes);
            memcpy(run->traceback + str->nbytes, "\n", 2);
        }
    }
}

static void capture_error(KraitRun *run) {
    KrRun *r = run->r;
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    if (r->limit_hit) {
        KrLimitKind k = r->limit_hit;
        if (kr_format_limit(r, &b)) run->traceback = buf_steal(&b);
        const char *t = k == KR_LIMIT_DURATION ? "TimeoutError" : k == KR_LIMIT_OUTPUT ? "OSError"
                        : k == KR_LIMIT_CANCEL ? "KeyboardInterrupt" : "MemoryError";
        snprintf(run->exc_type, sizeof run->exc_type, "%s", t);
    } else if (kr_exc_is(r->exc, &kr_exc_SystemExit)) {
        capture_system_exit(run, r->exc);
    } else if (r->exc != KR_NULL) {
        KrValue exc = r->exc;
        r->exc = KR_NULL;
        // formatting may allocate: lift any budget for this last step
        r->limits.max_memory = 0;
        r->limits.max_allocations = 0;
        if (kr_format_exception(r, exc, &b)) run->traceback = buf_steal(&b);
        snprintf(run->exc_type, sizeof run->exc_type, "%s", kr_typeof(exc)->name);
        r->exc = exc;
    }
    kr_buf_free(&b);
}

KraitStatus krait_run_start(KraitRun *run) {
    if (!run) return KRAIT_ERR_ARG;
    KrRun *r = run->r;
    if (!setup_globals(r)) {
        capture_error(run);
        return KRAIT_ERR_NOMEM;
    }
    KrValue v = kr_vm_run_module(r);
    if (v == KR_EXC) {
        capture_error(run);
        return r->limit_hit ? KRAIT_ERR_LIMIT : KRAIT_ERR_RUNTIME;
    }
    if (v != KR_NONE) {
        KrValue s = kr_repr(r, v);
        if (s != KR_EXC) {
            KrStr *str = kr_as_str(s);
            run->result_repr = malloc(str->nbytes + 1);
            if (run->result_repr) memcpy(run->result_repr, str->data, str->nbytes + 1);
        } else {
            kr_clear_exc(r);
        }
    }
    return KRAIT_OK;
}

int krait_run_system_exit(const KraitRun *run, int *status) {
    if (!run || !run->system_exit) return 0;
    if (status) *status = run->exit_status;
    return 1;
}

const char *krait_run_traceback(const KraitRun *run) { return run ? run->traceback : NULL; }
const char *krait_run_result_repr(const KraitRun *run) { return run ? run->result_repr : NULL; }
const char *krait_run_exception_type(const KraitRun *run) {
    return run && run->exc_type[0] ? run->exc_type : NULL;
}

void krait_run_free(KraitRun *run) {
    if (!run) return;
    kr_run_destroy(run->r);
    free(run->traceback);
    free(run->result_repr);
    free(run);
}

// ==== serialized programs (program.c) ========================================

#include "program.h"

void krait_free(void *p) { free(p); }

KraitStatus krait_program_dump(const KraitProgram *program, const uint8_t *key, size_t keylen, uint8_t **out,
                               size_t *outlen) {
    if (out) *out = NULL;
    if (outlen) *outlen = 0;
    if (!program || !out || !outlen || (key && keylen == 0)) return KRAIT_ERR_ARG;
    KrBuf b; // kr_default_allocator is realloc/free: its block is krait_free-able
    kr_buf_init(&b, kr_default_allocator);
    if (kr_program_dump(program->p, &b, key, keylen) != KR_SNAP_OK) {
        kr_buf_free(&b);
        return KRAIT_ERR_NOMEM;
    }
    *out = (uint8_t *)b.data;
    *outlen = b.len;
    return KRAIT_OK;
}

KraitStatus krait_program_load(const uint8_t *data, size_t len, const uint8_t *key, size_t keylen,
                               KraitProgram **out, KraitError *err) {
    if (err) memset(err, 0, sizeof *err);
    if (out) *out = NULL;
    if (!out || (!data && len) || (key && keylen == 0)) return KRAIT_ERR_ARG;
    KraitProgram *kp = malloc(sizeof *kp);
    if (!kp) return KRAIT_ERR_NOMEM;
    char msg[256];
    KrSnapStatus st = kr_program_load(kr_default_allocator, data, len, key, keylen, &kp->p, msg, sizeof msg);
    if (st != KR_SNAP_OK) {
        free(kp);
        if (err) {
            snprintf(err->type, sizeof err->type, "%s", st == KR_SNAP_ERR_NOMEM ? "MemoryError" : "SnapshotError");
            snprintf(err->message, sizeof err->message, "%s", msg);
        }
        return st == KR_SNAP_ERR_NOMEM ? KRAIT_ERR_NOMEM : KRAIT_ERR_SNAPSHOT;
    }
    *out = kp;
    return KRAIT_OK;
}

KraitStatus krait_program_hash(const KraitProgram *program, uint8_t out[32]) {
    if (!program || !out) return KRAIT_ERR_ARG;
    return kr_program_hash(program->p, out) ? KRAIT_OK : KRAIT_ERR_NOMEM;
}
