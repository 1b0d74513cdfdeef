// api.c: include/krait.h on top of the internals: argument checks and
// status mapping, no logic of its own.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "krait.h"
#include "hostval.h"
#include "obj/external.h"
#include "compiler.h"
#include "types.h"
#include "vm.h"

typedef struct KrProgramIndex KrProgramIndex;

struct KraitProgram {
    KrProgram *p; // with the host's input and function names (they travel in its dumps)
    KrProgramIndex *index; // for run snapshots, made on first use (atomically published)
};

enum { RUN_NEW, RUN_PAUSED, RUN_DONE, RUN_FAILED };

struct KraitRun {
    const KraitProgram *program;
    KrRun *r;
    KrHvArena arena;      // everything handed out since the last continue
    KrHvArena err_arena;  // the error (kept until the run is freed)
    KrBuf out[2];         // collected stdout, stderr
    uint64_t elapsed_ns;  // running time before the current pause
    // per-run declarations, copied
    char **externals, **async_names;
    size_t nexternals, nasync;
    KrValue *inputs;      // converted at krait_run_new, rooted until start
    size_t ninputs;
    KraitCall *calls;
    size_t ncalls;
    const KraitValue *result;
    char *result_repr;
    KrLimits limits; // as configured (error reporting lifts some)
    // sessions: every snippet compiled so far (code objects outlive their snippet)
    KraitProgram **snippets;
    const KrProgram **kprograms;
    size_t nsnippets, snippets_cap;
    KraitRunError *error;
    KraitProgram *owned_program; // a loaded self-contained snapshot's
    KrProgramIndex *session_index; // a session's snippets for run snapshots (the first ones: extended at a dump)
    // the small fields together (no padding between them)
    int state;
    volatile int cancel;
    int exit_status;
    bool session;
    bool system_exit;
};

void krait_error_clear(KraitError *err) {
    if (!err) return;
    free(err->text);
    err->text = NULL;
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
            int32_t width = 1; // (an IndentationError's is 1 whatever its end, as CPython draws it)
            if (e->end_lineno == e->lineno && e->end_offset > e->offset && e->kind != KR_SYNERR_INDENTATION &&
                e->kind != KR_SYNERR_TAB)
                width = e->end_offset - e->offset;
            if (col >= 0 && !e->at_end && ok)
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

// ---- programs ----------------------------------------------------------------------------

static void free_names(char **names, size_t n) {
    if (!names) return;
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
}

// A malloc'd copy of a name list; false (and *out NULL) on a bad or
// unallocatable list.
static bool copy_names(const char *const *names, size_t n, char ***out) {
    *out = NULL;
    if (n == 0) return true;
    if (!names) return false;
    char **c = calloc(n, sizeof *c);
    if (!c) return false;
    for (size_t i = 0; i < n; i++) {
        size_t len = names[i] ? strlen(names[i]) : 0;
        if (!len || !(c[i] = malloc(len + 1))) {
            free_names(c, n);
            return false;
        }
        memcpy(c[i], names[i], len + 1);
    }
    *out = c;
    return true;
}

// Host names: non-empty, valid UTF-8 (they become global variable names).
static bool names_ok(const char *const *names, size_t n) {
    if (n && !names) return false;
    for (size_t i = 0; i < n; i++)
        if (!names[i] || !names[i][0] || kr_utf8_validate(names[i], strlen(names[i])) != strlen(names[i])) return false;
    return n <= UINT32_MAX;
}

// Copies of the names in the program's arena.
static bool arena_names(KrArena *a, const char *const *names, size_t n, const char *const **out, uint32_t *count) {
    const char **c = n ? kr_arena_array(a, n, sizeof *c) : NULL;
    if (n && !c) return false;
    for (size_t i = 0; i < n; i++)
        if (!(c[i] = kr_arena_strndup(a, names[i], strlen(names[i])))) return false;
    *out = c;
    *count = (uint32_t)n;
    return true;
}

// The handle lives in the program's own arena: one allocation less.
static KraitProgram *wrap_program(KrProgram *p) {
    KraitProgram *kp = kr_arena_alloc(p->owned, sizeof *kp);
    if (kp) kp->p = p;
    return kp;
}

void krait_compile_options_init(KraitCompileOptions *opts) {
    memset(opts, 0, sizeof *opts);
    opts->struct_size = sizeof *opts;
}

static void fill_syntax_error(KraitError *err, const char *source, size_t len, const char *filename,
                              const KrSyntaxErr *se) {
    if (!err) return;
    snprintf(err->type, sizeof err->type, "%s", synerr_type(se->kind));
    snprintf(err->message, sizeof err->message, "%s", se->msg);
    err->line = se->lineno;
    err->column = se->offset;
    err->end_line = se->end_lineno;
    err->end_column = se->end_offset;
    err->text = format_syntax_error(source, len, filename, se);
}

KraitStatus krait_compile(const char *source, size_t len, const KraitCompileOptions *opts, KraitProgram **out,
                          KraitError *err) {
    if (!source || !out) return KRAIT_ERR_ARG;
    *out = NULL;
    if (err) memset(err, 0, sizeof *err);
    const char *filename = opts && opts->filename ? opts->filename : "<string>";
    // most programs get no names: skip the checks and copies then
    bool names = opts && (opts->ninputs || opts->nexternals);
    if (names && (!names_ok(opts->input_names, opts->ninputs) || !names_ok(opts->external_names, opts->nexternals)))
        return KRAIT_ERR_ARG;
    KrSyntaxErr se;
    KrProgram *p = kr_compile(kr_default_allocator, source, len, filename, &se);
    if (!p) {
        fill_syntax_error(err, source, len, filename, &se);
        return se.kind == KR_SYNERR_MEMORY ? KRAIT_ERR_NOMEM : KRAIT_ERR_SYNTAX;
    }
    KraitProgram *kp = wrap_program(p);
    if (!kp) {
        kr_program_free(p);
        return KRAIT_ERR_NOMEM;
    }
    KrArena *arena = kp->p->owned;
    if (names && (!arena_names(arena, opts->input_names, opts->ninputs, &kp->p->inputs, &kp->p->ninputs) ||
                 !arena_names(arena, opts->external_names, opts->nexternals, &kp->p->externs, &kp->p->nexterns))) {
        krait_program_free(kp);
        return KRAIT_ERR_NOMEM;
    }
    *out = kp;
    return KRAIT_OK;
}

KraitStatus krait_program_compile(const char *source, size_t len, const char *filename, KraitProgram **out,
                                  KraitError *err) {
    KraitCompileOptions o;
    krait_compile_options_init(&o);
    o.filename = filename;
    return krait_compile(source, len, &o, out, err);
}

void kr_program_index_free(KrProgramIndex *ix);

void krait_program_free(KraitProgram *program) {
    if (!program) return;
    kr_program_index_free(program->index);
    kr_program_free(program->p); // `program` is in its arena
}

// ---- runs ------------------------------------------------------------------------------------

const char *krait_status_name(KraitStatus status) {
    switch (status) {
    case KRAIT_OK: return "ok";
    case KRAIT_PAUSED: return "paused";
    case KRAIT_ERR_SYNTAX: return "syntax error";
    case KRAIT_ERR_RUNTIME: return "runtime error";
    case KRAIT_ERR_LIMIT: return "limit exceeded";
    case KRAIT_ERR_NOMEM: return "out of memory";
    case KRAIT_ERR_ARG: return "bad argument";
    case KRAIT_ERR_SNAPSHOT: return "bad snapshot";
    default: return "unknown status";
    }
}

KraitValue krait_str(const char *utf8) { return krait_strn(KRAIT_STR, utf8, utf8 ? strlen(utf8) : 0); }

void krait_options_init(KraitOptions *opts) {
    memset(opts, 0, sizeof *opts);
    opts->struct_size = sizeof *opts;
    opts->max_recursion = 1000;
}

// Collects output when the host gave no write callback.
static void collect_write(void *ud, int stream, const char *s, size_t n) {
    KraitRun *run = ud;
    if (!kr_buf_append(&run->out[stream == 2 ? 1 : 0], s, n)) {
        // the host allocator failed: this piece of output is lost
    }
}

static size_t clamp_size(uint64_t v) { return v > SIZE_MAX ? SIZE_MAX : (size_t)v; }

static void apply_limits(KrRun *r, const KraitOptions *o) {
    r->limits.max_memory = clamp_size(o->max_memory);
    r->limits.max_allocations = clamp_size(o->max_allocations);
    r->limits.max_duration_ns = o->max_duration_ns;
    if (o->max_recursion) r->limits.max_recursion = o->max_recursion;
    r->limits.max_output = clamp_size(o->max_output);
    // collect before the memory limit comes near, so it counts live data
    if (r->limits.max_memory && r->limits.max_memory / 2 < r->gc_threshold) r->gc_threshold = r->limits.max_memory / 2;
}

static KrAllocator run_allocator(const KraitOptions *o) {
    if (o && o->alloc) return (KrAllocator){o->alloc, o->alloc_data};
#ifdef KR_CHECK_SIZES
    return kr_checking_allocator;
#else
    return kr_default_allocator;
#endif
}

// Copies the input values onto the run's heap (rooted until the start).
static KraitStatus convert_inputs(KraitRun *run, const KraitOptions *o) {
    size_t want = run->program->p->ninputs;
    if ((o ? o->ninputs : 0) != want || (want && !o->inputs)) return KRAIT_ERR_ARG;
    if (!want) return KRAIT_OK;
    KrRun *r = run->r;
    run->inputs = r->alloc.fn(r->alloc.ud, NULL, 0, want * sizeof(KrValue));
    if (!run->inputs) return KRAIT_ERR_NOMEM;
    for (size_t i = 0; i < want; i++) run->inputs[i] = KR_NONE;
    run->ninputs = want;
    for (size_t i = 0; i < want; i++) kr_root_push(r, &run->inputs[i]);
    for (size_t i = 0; i < want; i++) {
        KrValue v = kr_hv_to_run(r, &o->inputs[i], 0);
        if (v == KR_EXC) return r->limit_hit ? KRAIT_ERR_LIMIT : KRAIT_ERR_ARG;
        run->inputs[i] = v;
    }
    return KRAIT_OK;
}

// The handle and the run's first pool chunk are one block (under 1 KB,
// within malloc's per-thread cache): a small run makes two host
// allocations, this and the run's own block.
#define RUN_HANDLE_SIZE ((sizeof(KraitRun) + 15) & ~(size_t)15)
#define RUN_POOL_SEED ((size_t)512)
#define RUN_BLOCK_SIZE (RUN_HANDLE_SIZE + RUN_POOL_SEED)

static KraitStatus run_alloc(const KraitProgram *program, const KraitOptions *opts, KraitRun **out) {
    if (!out) return KRAIT_ERR_ARG;
    *out = NULL;
    // from the run's allocator (the host's hook sees it) and zeroed here:
    // a calloc is slower, glibc's skips its per-thread cache
    KrAllocator alloc = run_allocator(opts);
    KraitRun *run = alloc.fn(alloc.ud, NULL, 0, RUN_BLOCK_SIZE);
    if (!run) return KRAIT_ERR_NOMEM;
    memset(run, 0, sizeof *run);
    run->r = kr_run_create(alloc);
    if (!run->r) {
        alloc.fn(alloc.ud, run, RUN_BLOCK_SIZE, 0);
        return KRAIT_ERR_NOMEM;
    }
    KrRun *r = run->r;
    kr_heap_seed(r, (char *)run + RUN_HANDLE_SIZE, RUN_POOL_SEED); // freed with the handle, after the run
    run->program = program;
    r->program = program ? program->p : NULL;
    // what the run hands the host is memory of the run too (the host's hook sees it)
    run->arena.alloc = run->err_arena.alloc = alloc;
    kr_buf_init(&run->out[0], alloc);
    kr_buf_init(&run->out[1], alloc);
    r->cancel_flag = &run->cancel;
    r->write = collect_write;
    r->write_ud = run;
    KraitStatus st = KRAIT_OK;
    if (opts) {
        apply_limits(r, opts);
        run->limits = r->limits;
        run->arena.budget = r->limits.max_memory;
        if (opts->write) r->write = opts->write, r->write_ud = opts->write_data;
        if (!copy_names(opts->external_names, opts->nexternals, &run->externals) ||
            !copy_names(opts->async_names, opts->nasync, &run->async_names))
            st = KRAIT_ERR_ARG;
        run->nexternals = run->externals ? opts->nexternals : 0;
        run->nasync = run->async_names ? opts->nasync : 0;
    }
    if (st == KRAIT_OK && program) st = convert_inputs(run, opts);
    if (st != KRAIT_OK) {
        krait_run_free(run);
        return st;
    }
    *out = run;
    return KRAIT_OK;
}

KraitStatus krait_run_new(const KraitProgram *program, const KraitOptions *opts, KraitRun **out) {
    if (!program) return KRAIT_ERR_ARG;
    return run_alloc(program, opts, out);
}

static bool set_global_str(KrRun *r, KrValue k, KrValue v) {
    return v != KR_EXC && kr_dict_set(r, kr_as_dict(r->globals), k, v);
}

static bool set_global(KrRun *r, const char *name, KrValue v) {
    KrValue k = kr_str_from_cstr(r, name);
    return k != KR_EXC && set_global_str(r, k, v);
}

static bool add_external(KrRun *r, const char *name, bool is_async) {
    KrValue n = kr_str_from_cstr(r, name); // the function's name is its global's key
    return n != KR_EXC && set_global_str(r, n, kr_ext_fn_new(r, n, name, is_async));
}

static bool name_in(const char *const *names, size_t n, const char *name) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0) return true;
    return false;
}

// __name__, __doc__, the inputs and the external functions.
static bool setup_globals(KraitRun *run) {
    KrRun *r = run->r;
    static const KrProgram none = {0};
    const KrProgram *p = run->program ? run->program->p : &none;
    size_t hint = 2 + run->ninputs; // a size hint only: the dict grows past it
    if (!kr_size_add(hint, p->nexterns, &hint) || !kr_size_add(hint, run->nexternals, &hint) ||
        !kr_size_add(hint, run->nasync, &hint))
        hint = 0;
    r->globals = kr_dict_new_sized(r, hint);
    if (r->globals == KR_EXC) return false;
    r->main_name = kr_from_obj((KrObj *)&kr_s_dunder_main);
    KrDict *g = kr_as_dict(r->globals);
    if (!kr_dict_add_new(r, g, kr_from_obj((KrObj *)&kr_s_dunder_name), kr_s_dunder_name.hash, r->main_name) ||
        !kr_dict_add_new(r, g, kr_from_obj((KrObj *)&kr_s_dunder_doc), kr_s_dunder_doc.hash, KR_NONE))
        return false;
    for (size_t i = 0; i < run->ninputs; i++)
        if (!set_global(r, run->program->p->inputs[i], run->inputs[i])) return false;
    for (size_t i = 0; i < p->nexterns; i++)
        if (!add_external(r, p->externs[i], name_in((const char *const *)run->async_names, run->nasync, p->externs[i]))) return false;
    for (size_t i = 0; i < run->nexternals; i++)
        if (!add_external(r, run->externals[i], name_in((const char *const *)run->async_names, run->nasync, run->externals[i])))
            return false;
    for (size_t i = 0; i < run->nasync; i++)
        if (!name_in((const char *const *)run->externals, run->nexternals, run->async_names[i]) &&
            !name_in(p->externs, p->nexterns, run->async_names[i]) && !add_external(r, run->async_names[i], true))
            return false;
    return true;
}

// ---- errors ----------------------------------------------------------------------------------

static bool add_frame(KraitRun *run, KraitFrame *fr, const KrCode *code, uint32_t pc) {
    KrHvArena *a = &run->err_arena;
    KrLoc loc = code->ninsns ? code->locs[pc < code->ninsns ? pc : code->ninsns - 1]
                             : (KrLoc){code->firstline, code->firstline, 0, 0};
    fr->filename = kr_hv_strdup(a, code->filename->data, code->filename->nbytes);
    fr->function = kr_hv_strdup(a, code->name->data, code->name->nbytes);
    fr->line = loc.line;
    fr->end_line = loc.end_line;
    fr->column = loc.col + 1;
    fr->end_column = loc.end_col + 1;
    const char *s = "";
    size_t n = 0;
    kr_source_line(kr_run_code_program(run->r, code), loc.line, &s, &n);
    fr->source_line = kr_hv_strdup(a, s, n);
    return fr->filename && fr->function && fr->source_line;
}

static bool exc_frames(KraitRun *run, KraitRunError *e, KrValue exc) {
    size_t n = 0;
    KrTraceback *tb = kr_is_ptr(exc) && (kr_typeof(exc)->flags & KR_TF_EXC) ? ((KrExc *)kr_as_obj(exc))->tb : NULL;
    for (KrTraceback *t = tb; t; t = t->next) n++;
    KraitFrame *fr = n ? kr_hv_array(&run->err_arena, n, sizeof *fr) : NULL;
    if (n && !fr) return false;
    e->frames = fr;
    e->nframes = n;
    for (size_t i = 0; tb; tb = tb->next, i++)
        if (!add_frame(run, &fr[i], tb->code, tb->pc)) return false;
    return true;
}

static bool limit_frames(KraitRun *run, KraitRunError *e) {
    KrRun *r = run->r;
    size_t n = r->nlimit_frames;
    KraitFrame *fr = n ? kr_hv_array(&run->err_arena, n, sizeof *fr) : NULL;
    if (n && !fr) return false;
    e->frames = fr;
    e->nframes = n;
    for (size_t i = 0; i < n; i++)
        if (!add_frame(run, &fr[i], r->limit_frames[n - 1 - i].code, r->limit_frames[n - 1 - i].pc)) return false;
    return true;
}

static const char *limit_type(KrLimitKind k) {
    switch (k) {
    case KR_LIMIT_DURATION: return "TimeoutError";
    case KR_LIMIT_OUTPUT: return "OSError";
    case KR_LIMIT_CANCEL: return "KeyboardInterrupt";
    default: return "MemoryError";
    }
}

static uint64_t limit_value(const KrLimits *l, KrLimitKind k) {
    switch (k) {
    case KR_LIMIT_MEMORY: return l->max_memory;
    case KR_LIMIT_ALLOCS: return l->max_allocations;
    case KR_LIMIT_DURATION: return l->max_duration_ns / 1000000u;
    case KR_LIMIT_OUTPUT: return l->max_output;
    default: return 0;
    }
}

// The text after "Type: " on the last line of a traceback.
static const char *last_line_message(KrHvArena *a, const char *tb, const char *type) {
    const char *end = tb + strlen(tb);
    while (end > tb && end[-1] == '\n') end--;
    const char *line = end;
    while (line > tb && line[-1] != '\n') line--;
    size_t tl = strlen(type);
    if ((size_t)(end - line) > tl + 1 && strncmp(line, type, tl) == 0 && line[tl] == ':') line += tl + 2;
    else if ((size_t)(end - line) == tl && strncmp(line, type, tl) == 0) line = end;
    return kr_hv_strdup(a, line, (size_t)(end - line));
}

static bool capture_limit(KraitRun *run, KraitRunError *e, KrBuf *b) {
    KrRun *r = run->r;
    KrLimitKind k = r->limit_hit;
    e->type = limit_type(k);
    e->limit = k == KR_LIMIT_MEMORY ? KRAIT_LIMIT_MEMORY : k == KR_LIMIT_ALLOCS ? KRAIT_LIMIT_ALLOCATIONS
             : k == KR_LIMIT_DURATION ? KRAIT_LIMIT_DURATION : k == KR_LIMIT_OUTPUT ? KRAIT_LIMIT_OUTPUT
             : k == KR_LIMIT_CANCEL ? KRAIT_LIMIT_CANCELLED : KRAIT_LIMIT_HOST_MEMORY;
    e->limit_value = limit_value(&r->limits, k);
    e->limit_reached = r->limit_amount;
    if (!kr_format_limit_traceback(r, b)) return false;
    e->traceback = kr_hv_strdup(&run->err_arena, b->data, b->len);
    e->traceback_len = b->len;
    return e->traceback && limit_frames(run, e);
}

// SystemExit(code): None exits 0, an int exits with it, anything else is
// printed and exits 1 (CPython's rules).
static bool capture_system_exit(KraitRun *run, KraitRunError *e, KrValue exc, KrBuf *b) {
    KrRun *r = run->r;
    KrTuple *args = kr_as_tuple(((KrExc *)kr_as_obj(exc))->args);
    KrValue code = args->len == 0 ? KR_NONE : args->len == 1 ? args->items[0] : ((KrExc *)kr_as_obj(exc))->args;
    run->system_exit = true;
    e->type = "SystemExit";
    int64_t n;
    if (code == KR_NONE) {
        run->exit_status = 0;
    } else if (kr_is_int(code) && kr_int_to_i64(code, &n)) {
        run->exit_status = (int)(n & 0xFF);
    } else {
        run->exit_status = 1;
        KrValue s = kr_str(r, code);
        if (s == KR_EXC) kr_clear_exc(r);
        else if (!kr_buf_append(b, kr_as_str(s)->data, kr_as_str(s)->nbytes) || !kr_buf_append_char(b, '\n'))
            return false;
    }
    e->traceback = kr_hv_strdup(&run->err_arena, b->data ? b->data : "", b->len);
    e->traceback_len = b->len;
    e->message = last_line_message(&run->err_arena, e->traceback, "");
    return e->traceback && exc_frames(run, e, exc);
}

static uint64_t clock_ns(void);

static bool capture_exception(KraitRun *run, KraitRunError *e, KrBuf *b) {
    KrRun *r = run->r;
    KrValue exc = r->exc;
    r->exc = KR_NULL;
    // Formatting runs the code's __str__ and notes: it gets a fresh budget
    // of the same limits on top of what the run holds (an unbounded one
    // would let a __str__ loop or allocate forever). Past it, the text
    // says "<exception str() failed>" and the error stays this one.
    size_t room;
    if (r->limits.max_memory) r->limits.max_memory = kr_size_add(r->heap_bytes, r->limits.max_memory, &room) ? room : SIZE_MAX;
    if (r->limits.max_allocations)
        r->limits.max_allocations = kr_size_add(r->nallocs, r->limits.max_allocations, &room) ? room : SIZE_MAX;
    if (r->limits.max_duration_ns) r->start_ns = clock_ns();
    kr_root_push(r, &exc);
    bool ok = kr_format_exception(r, exc, b);
    kr_root_pop(r, 1);
    r->limit_hit = KR_LIMIT_NONE;
    r->exc = KR_NULL;
    if (!ok) return false;
    const char *tn = kr_typeof(exc)->name;
    e->type = kr_hv_strdup(&run->err_arena, tn, strlen(tn));
    e->traceback = kr_hv_strdup(&run->err_arena, b->data, b->len);
    e->traceback_len = b->len;
    if (!e->type || !e->traceback) return false;
    // the last line names the class as "module.Qualname" (kr_type_label)
    KrBuf label;
    kr_buf_init(&label, kr_default_allocator);
    ok = kr_type_label(r, kr_typeof(exc), &label) && kr_buf_append_char(&label, '\0');
    e->message = ok ? last_line_message(&run->err_arena, e->traceback, label.data) : NULL;
    kr_buf_free(&label);
    ok = exc_frames(run, e, exc);
    r->exc = exc;
    return ok;
}

static KraitStatus capture_error(KraitRun *run) {
    KrRun *r = run->r;
    run->state = RUN_FAILED;
    KraitRunError *e = kr_hv_alloc(&run->err_arena, sizeof *e);
    if (!e) return KRAIT_ERR_NOMEM;
    memset(e, 0, sizeof *e);
    e->message = "";
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    bool ok;
    KraitStatus st = KRAIT_ERR_RUNTIME;
    if (r->limit_hit) {
        ok = capture_limit(run, e, &b);
        if (ok) e->message = last_line_message(&run->err_arena, e->traceback, e->type);
        st = KRAIT_ERR_LIMIT;
    } else if (kr_exc_is(r->exc, &kr_exc_SystemExit)) {
        ok = capture_system_exit(run, e, r->exc, &b);
    } else {
        ok = capture_exception(run, e, &b);
    }
    kr_buf_free(&b);
    if (!e->message) e->message = "";
    run->error = e;
    return ok ? st : KRAIT_ERR_NOMEM;
}

// ---- running ---------------------------------------------------------------------------------

static uint64_t clock_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

// A call's positional arguments as host values, in one array.
static bool describe_args(KrRun *r, KrHvArena *a, const KrTuple *t, KraitCall *kc) {
    KraitValue *dst = t->len ? kr_hv_array(a, t->len, sizeof(KraitValue)) : NULL;
    if (t->len && !dst) return false;
    for (size_t i = 0; i < t->len; i++)
        if (!kr_hv_from_run(r, t->items[i], &dst[i], a, 1)) return false;
    kc->args = dst;
    kc->nargs = t->len;
    return true;
}

// The pending calls as host values.
static KraitStatus describe_pending(KraitRun *run) {
    KrRun *r = run->r;
    KrList *l = r->pending == KR_NULL ? NULL : kr_as_list(r->pending);
    size_t n = l ? l->len : 0;
    run->calls = n ? kr_hv_array(&run->arena, n, sizeof(KraitCall)) : NULL;
    run->ncalls = 0;
    if (n && !run->calls) return KRAIT_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        KrExtCall *c = (KrExtCall *)kr_as_obj(l->items[i]);
        if (c->state != KR_EXT_PENDING) continue;
        KraitCall *kc = &run->calls[run->ncalls++];
        const KrExtFn *fn = (const KrExtFn *)kr_as_obj(c->fn);
        KrStr *name = kr_as_str(fn->name);
        kc->id = c->id;
        kc->name = fn->host_name ? fn->host_name : kr_hv_strdup(&run->arena, name->data, name->nbytes);
        KraitValue kw = krait_none();
        if (!kc->name || !describe_args(r, &run->arena, kr_as_tuple(c->args), kc) ||
            (c->kwargs != KR_NULL && !kr_hv_from_run(r, c->kwargs, &kw, &run->arena, 0)))
            return r->limit_hit ? capture_error(run) : KRAIT_ERR_NOMEM;
        kc->kwargs = c->kwargs != KR_NULL ? kw.u.seq.items : NULL;
        kc->nkwargs = c->kwargs != KR_NULL ? kw.u.seq.len : 0;
    }
    return KRAIT_PAUSED;
}

// The result stays a run value until the host asks for it (most hosts of
// `1 + 1`-sized runs never do): see krait_run_result.
static KraitStatus capture_result(KraitRun *run, KrValue v) {
    run->state = RUN_DONE;
    run->r->result = v;
    return KRAIT_OK;
}

// The host tree of the result, made on first use (conversion may run a
// __repr__: it runs with the run's limits, and a failure there gives NULL).
static const KraitValue *result_tree(KraitRun *run) {
    if (run->result || run->state != RUN_DONE) return run->result;
    KrRun *r = run->r;
    KraitValue *res = kr_hv_alloc(&run->arena, sizeof *res);
    if (!res || !kr_hv_from_run(r, r->result, res, &run->arena, 0)) {
        kr_clear_exc(r);
        return NULL;
    }
    return run->result = res;
}

static const char *result_repr(KraitRun *run) {
    KrRun *r = run->r;
    if (run->result_repr || run->state != RUN_DONE || r->result == KR_NONE || r->limit_hit) return run->result_repr;
    KrValue s = kr_repr(r, r->result);
    if (s == KR_EXC) {
        kr_clear_exc(r);
        return NULL;
    }
    KrStr *str = kr_as_str(s);
    run->result_repr = malloc(str->nbytes + 1);
    if (run->result_repr) memcpy(run->result_repr, str->data, str->nbytes + 1);
    return run->result_repr;
}

// After the VM stops: a pause, an error, or the final value.
static KraitStatus finish_step(KraitRun *run, KrValue v, uint64_t t0) {
    if (run->r->limits.max_duration_ns) run->elapsed_ns += clock_ns() - t0;
    // a limit hit where no error could be returned (an id number, a
    // cache) still ends the run
    if (run->r->limit_hit) return capture_error(run);
    if (v == KR_PAUSE) {
        run->state = RUN_PAUSED;
        KraitStatus st = describe_pending(run);
        kr_heap_trim(run->r);
        return st;
    }
    if (v == KR_EXC) return capture_error(run);
    return capture_result(run, v);
}

// Starts the clock so that time spent paused does not count (read only
// when a duration limit is set).
static uint64_t begin_step(KraitRun *run) {
    uint64_t t0 = run->r->limits.max_duration_ns ? clock_ns() : 0;
    run->r->start_ns = t0 - run->elapsed_ns;
    kr_hv_arena_reset(&run->arena);
    run->calls = NULL;
    run->ncalls = 0;
    run->result = NULL;
    run->r->result = KR_NONE;
    return t0;
}

KraitStatus krait_run_start(KraitRun *run) {
    if (!run || run->state != RUN_NEW) return KRAIT_ERR_ARG;
    KrRun *r = run->r;
    uint64_t t0 = begin_step(run);
    bool ok = setup_globals(run);
    if (run->ninputs) kr_root_pop(r, run->ninputs);
    if (!ok) return capture_error(run);
    return finish_step(run, kr_vm_run_module(r), t0);
}

// The pending call with this id, or NULL.
static KrExtCall *pending_call(KraitRun *run, uint64_t id) {
    if (!run || run->state != RUN_PAUSED) return NULL;
    KrExtCall *c = kr_ext_call_find(run->r, id);
    return c && c->state == KR_EXT_PENDING ? c : NULL;
}

KraitStatus krait_run_resolve(KraitRun *run, uint64_t call_id, const KraitValue *value) {
    KrExtCall *c = pending_call(run, call_id);
    if (!c) return KRAIT_ERR_ARG;
    KrValue v = kr_hv_to_run(run->r, value, 0);
    if (v == KR_EXC) {
        if (run->r->limit_hit) return capture_error(run);
        kr_clear_exc(run->r);
        return KRAIT_ERR_ARG;
    }
    c->result = v;
    c->state = KR_EXT_RESOLVED;
    return KRAIT_OK;
}

// The exception class for a host error name: a built-in exception, or a
// new Exception subclass of that name.
static KrValue exc_class(KrRun *r, const char *type) {
    int32_t i = kr_builtin_lookup(type);
    KrValue cls = i >= 0 ? kr_builtin_value(i) : KR_NULL;
    if (cls != KR_NULL && kr_is_ptr(cls) && kr_typeof(cls) == &kr_type_type &&
        (((const KrType *)kr_as_obj(cls))->flags & KR_TF_EXC))
        return cls;
    KrValue name = kr_str_from_cstr(r, type);
    KrValue base = kr_from_obj((KrObj *)&kr_exc_Exception);
    KrValue bases = name == KR_EXC ? KR_EXC : kr_tuple_from_array(r, &base, 1);
    KrValue ns = bases == KR_EXC ? KR_EXC : kr_dict_new(r);
    if (ns == KR_EXC) return KR_EXC;
    KrValue args[3] = {name, bases, ns};
    return kr_call(r, kr_from_obj((KrObj *)&kr_type_type), 3, args, KR_NULL);
}

KraitStatus krait_run_reject(KraitRun *run, uint64_t call_id, const char *type, const char *message) {
    KrExtCall *c = pending_call(run, call_id);
    if (!c || !type || !type[0] || kr_utf8_validate(type, strlen(type)) != strlen(type)) return KRAIT_ERR_ARG;
    KrRun *r = run->r;
    if (!message) message = "";
    KrValue cls = exc_class(r, type);
    KrValue msg = cls == KR_EXC ? KR_EXC : kr_str_new(r, message, strlen(message));
    KrValue exc = msg == KR_EXC ? KR_EXC : kr_call1(r, cls, msg);
    if (exc == KR_EXC || !kr_is_ptr(exc) || !(kr_typeof(exc)->flags & KR_TF_EXC)) {
        if (r->limit_hit) return capture_error(run);
        kr_clear_exc(r);
        return KRAIT_ERR_ARG;
    }
    c->result = exc;
    c->state = KR_EXT_REJECTED;
    return KRAIT_OK;
}

KraitStatus krait_run_continue(KraitRun *run) {
    if (!run || run->state != RUN_PAUSED) return KRAIT_ERR_ARG;
    KrRun *r = run->r;
    if (r->paused_call != KR_NULL && ((KrExtCall *)kr_as_obj(r->paused_call))->state == KR_EXT_PENDING)
        return KRAIT_ERR_ARG; // a plain call needs its answer
    uint64_t t0 = begin_step(run);
    bool delivered = false;
    if (!kr_ext_deliver_async(r, &delivered)) return finish_step(run, KR_EXC, t0);
    r->host_idle_ok = !delivered && r->paused_call == KR_NULL;
    return finish_step(run, kr_vm_resume(r), t0);
}

KraitStatus krait_run_resume(KraitRun *run, const KraitValue *value) {
    if (!run || run->state != RUN_PAUSED || !run->ncalls) return KRAIT_ERR_ARG;
    KraitStatus st = krait_run_resolve(run, run->calls[0].id, value);
    return st == KRAIT_OK ? krait_run_continue(run) : st;
}

void krait_run_cancel(KraitRun *run) {
    if (run) __atomic_store_n(&run->cancel, 1, __ATOMIC_RELAXED);
}

// ---- reading a run ---------------------------------------------------------------------------

const KraitCall *krait_run_pending(const KraitRun *run, size_t *count) {
    if (count) *count = run && run->state == RUN_PAUSED ? run->ncalls : 0;
    return run && run->state == RUN_PAUSED ? run->calls : NULL;
}

// Computed on first use (the handle's caches fill in; the API stays const).
const KraitValue *krait_run_result(const KraitRun *run) { return run ? result_tree((KraitRun *)run) : NULL; }
const char *krait_run_result_repr(const KraitRun *run) { return run ? result_repr((KraitRun *)run) : NULL; }
const KraitRunError *krait_run_error(const KraitRun *run) { return run ? run->error : NULL; }
const char *krait_run_traceback(const KraitRun *run) { return run && run->error ? run->error->traceback : NULL; }
const char *krait_run_exception_type(const KraitRun *run) { return run && run->error ? run->error->type : NULL; }

const char *krait_run_output(const KraitRun *run, int stream, size_t *len) {
    const KrBuf *b = run ? &run->out[stream == 2 ? 1 : 0] : NULL;
    if (len) *len = b ? b->len : 0;
    if (!b) return NULL;
    if (!b->data) return "";
    // the buffer keeps room for a terminator
    if (kr_buf_append_char((KrBuf *)b, 0)) ((KrBuf *)b)->len--;
    return b->data;
}

int krait_run_system_exit(const KraitRun *run, int *status) {
    if (!run || !run->system_exit) return 0;
    if (status) *status = run->exit_status;
    return 1;
}

void krait_run_usage(const KraitRun *run, uint64_t *heap_bytes, uint64_t *allocations) {
    if (heap_bytes) *heap_bytes = run ? run->r->heap_bytes : 0;
    if (allocations) *allocations = run ? run->r->nallocs : 0;
}

void krait_run_free(KraitRun *run) {
    if (!run) return;
    KrAllocator a = run->r->alloc;
    if (run->inputs) a.fn(a.ud, run->inputs, run->ninputs * sizeof(KrValue), 0);
    kr_run_destroy(run->r);
    kr_hv_arena_free(&run->arena);
    kr_hv_arena_free(&run->err_arena);
    kr_buf_free(&run->out[0]);
    kr_buf_free(&run->out[1]);
    free_names(run->externals, run->nexternals);
    free_names(run->async_names, run->nasync);
    free(run->result_repr);
    kr_program_index_free(run->session_index);
    for (size_t i = 0; i < run->nsnippets; i++) krait_program_free(run->snippets[i]);
    free(run->snippets);
    free(run->kprograms);
    krait_program_free(run->owned_program);
    a.fn(a.ud, run, RUN_BLOCK_SIZE, 0);
}

// ---- sessions --------------------------------------------------------------------------------

KraitStatus krait_session_new(const KraitOptions *opts, KraitRun **out) {
    KraitStatus st = run_alloc(NULL, opts, out);
    if (st != KRAIT_OK) return st;
    KraitRun *run = *out;
    run->session = true;
    run->state = RUN_DONE;
    if (!setup_globals(run)) {
        krait_run_free(run);
        *out = NULL;
        return KRAIT_ERR_NOMEM;
    }
    return KRAIT_OK;
}

// Keeps the snippet's program for the session's lifetime.
static bool session_keep(KraitRun *run, KraitProgram *p) {
    if (run->nsnippets == run->snippets_cap) {
        size_t cap = run->snippets_cap ? run->snippets_cap * 2 : 8;
        KraitProgram **sn = realloc(run->snippets, cap * sizeof *sn);
        if (sn) run->snippets = sn;
        const KrProgram **kp = sn ? realloc(run->kprograms, cap * sizeof *kp) : NULL;
        if (kp) run->kprograms = kp;
        if (!sn || !kp) return false;
        run->snippets_cap = cap;
    }
    run->snippets[run->nsnippets] = p;
    run->kprograms[run->nsnippets++] = p->p;
    run->r->programs = run->kprograms;
    run->r->nprograms = run->nsnippets;
    return true;
}

// Forgets the last snippet's outcome: a new one starts clean.
static void session_reset(KraitRun *run) {
    KrRun *r = run->r;
    kr_hv_arena_reset(&run->err_arena);
    run->error = NULL;
    run->result = NULL;
    free(run->result_repr);
    run->result_repr = NULL;
    run->system_exit = false;
    run->elapsed_ns = 0;
    r->limit_hit = KR_LIMIT_NONE;
    r->nlimit_frames = 0;
    if (run->limits.max_recursion) r->limits = run->limits;
    r->exc = KR_NULL;
    r->exc_info = r->exc_outer = KR_NULL;
    __atomic_store_n(&run->cancel, 0, __ATOMIC_RELAXED);
}

KraitStatus krait_session_feed(KraitRun *run, const char *source, size_t len, const char *filename,
                               KraitError *err) {
    if (!run || !run->session || !source || run->state == RUN_PAUSED) return KRAIT_ERR_ARG;
    KraitProgram *p;
    KraitStatus st = krait_program_compile(source, len, filename ? filename : "<stdin>", &p, err);
    if (st != KRAIT_OK) return st;
    if (!session_keep(run, p)) {
        krait_program_free(p);
        return KRAIT_ERR_NOMEM;
    }
    session_reset(run);
    run->r->program = p->p;
    uint64_t t0 = begin_step(run);
    return finish_step(run, kr_vm_run_module(run->r), t0);
}

KraitStatus krait_session_set(KraitRun *run, const char *name, const KraitValue *value) {
    if (!run || !run->session || !name || run->state == RUN_PAUSED) return KRAIT_ERR_ARG;
    KrRun *r = run->r;
    KrValue v = kr_hv_to_run(r, value, 0);
    if (v == KR_EXC) {
        kr_clear_exc(r);
        return r->limit_hit ? KRAIT_ERR_LIMIT : KRAIT_ERR_ARG;
    }
    kr_root_push(r, &v);
    bool ok = set_global(r, name, v);
    kr_root_pop(r, 1);
    return ok ? KRAIT_OK : KRAIT_ERR_NOMEM;
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
    char msg[256];
    KrProgram *p;
    KrSnapStatus st = kr_program_load(kr_default_allocator, data, len, key, keylen, &p, msg, sizeof msg);
    KraitProgram *kp = st == KR_SNAP_OK ? wrap_program(p) : NULL;
    if (st == KR_SNAP_OK && !kp) {
        kr_program_free(p);
        st = KR_SNAP_ERR_NOMEM;
        snprintf(msg, sizeof msg, "out of memory loading a program");
    }
    if (st != KR_SNAP_OK) {
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

// ==== run snapshots (runsnap.c) ===============================================

#include "runsnap.h"

// The program's snapshot index, made once (programs are shared across
// threads: the first one published wins).
static const KrProgramIndex *program_index(const KraitProgram *program) {
    KraitProgram *p = (KraitProgram *)program;
    KrProgramIndex *ix = __atomic_load_n(&p->index, __ATOMIC_ACQUIRE);
    if (ix) return ix;
    ix = kr_program_index_new(p->p, kr_default_allocator);
    if (!ix) return NULL;
    KrProgramIndex *seen = NULL;
    if (__atomic_compare_exchange_n(&p->index, &seen, ix, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) return ix;
    kr_program_index_free(ix);
    return seen;
}

// A session's index: its snippets so far (the handle's cache grows with
// them; one thread uses a run at a time).
static const KrProgramIndex *session_index(KraitRun *run) {
    if (!run->session_index) run->session_index = kr_program_index_new_empty(kr_default_allocator);
    KrProgramIndex *ix = run->session_index;
    for (size_t i = ix ? kr_program_index_count(ix) : 0; ix && i < run->nsnippets; i++) {
        if (kr_program_index_add(ix, run->snippets[i]->p)) continue;
        kr_program_index_free(ix);
        run->session_index = ix = NULL;
    }
    return ix;
}

void krait_dump_options_init(KraitDumpOptions *opts) {
    memset(opts, 0, sizeof *opts);
    opts->struct_size = sizeof *opts;
}

void krait_load_options_init(KraitLoadOptions *opts) {
    memset(opts, 0, sizeof *opts);
    opts->struct_size = sizeof *opts;
}

static KraitStatus snapshot_error(KraitError *err, KraitStatus st, const char *msg) {
    if (err) {
        snprintf(err->type, sizeof err->type, "%s",
                 st == KRAIT_ERR_NOMEM ? "MemoryError" : st == KRAIT_ERR_LIMIT ? "MemoryError" : "SnapshotError");
        snprintf(err->message, sizeof err->message, "%s", msg);
    }
    return st;
}

KraitStatus krait_run_dump(const KraitRun *run, const KraitDumpOptions *opts, uint8_t **out, size_t *outlen) {
    KraitError *err = opts ? opts->error : NULL;
    if (err) memset(err, 0, sizeof *err);
    if (out) *out = NULL;
    if (outlen) *outlen = 0;
    // a session also saves between snippets
    bool idle = run && run->session && (run->state == RUN_DONE || run->state == RUN_FAILED);
    if (!run || !out || !outlen || (run->state != RUN_PAUSED && !idle) || (opts && opts->key && !opts->keylen))
        return KRAIT_ERR_ARG;
    if (run->session && opts && opts->by_reference)
        return snapshot_error(err, KRAIT_ERR_SNAPSHOT,
                              "cannot refer to a session's programs (they are its own): dump it without by_reference");
    const KrProgramIndex *ix = run->session ? session_index((KraitRun *)run) : program_index(run->program);
    if (!ix) return snapshot_error(err, KRAIT_ERR_NOMEM, "out of memory");
    KrRunDumpArgs a = {run->r, ix, run->session, opts && opts->by_reference, opts ? opts->key : NULL, opts ? opts->keylen : 0};
    KrBuf b; // kr_default_allocator is realloc/free: its block is krait_free-able
    kr_buf_init(&b, kr_default_allocator);
    char msg[256];
    KrSnapStatus st = kr_run_snap_dump(&a, &b, msg, sizeof msg);
    if (st != KR_SNAP_OK) {
        kr_buf_free(&b);
        return snapshot_error(err, st == KR_SNAP_ERR_NOMEM ? KRAIT_ERR_NOMEM : KRAIT_ERR_SNAPSHOT, msg);
    }
    *out = (uint8_t *)b.data;
    *outlen = b.len;
    return KRAIT_OK;
}

// The loaded run owns its self-contained program.
static bool adopt_program(KraitRun *run, KrRunLoaded *l) {
    KraitProgram *kp = wrap_program(l->programs[0]);
    if (!kp) return false;
    kp->index = l->index;
    l->programs[0] = NULL;
    l->index = NULL;
    run->owned_program = kp;
    run->program = kp;
    return true;
}

// A loaded session: its programs become its snippets (later ones follow),
// their index its cache.
static bool adopt_session(KraitRun *run, KrRunLoaded *l) {
    run->session = true;
    for (size_t i = 0; i < l->nprograms; i++) {
        KraitProgram *kp = wrap_program(l->programs[i]);
        if (!kp || !session_keep(run, kp)) return false; // kp goes with programs[i]
        l->programs[i] = NULL;
    }
    run->session_index = l->index;
    l->index = NULL;
    run->r->program = run->nsnippets ? run->snippets[run->nsnippets - 1]->p : NULL;
    return true;
}

// Where a loaded run stands: paused with its calls, or a session between
// snippets.
static KraitStatus loaded_state(KraitRun *run, bool idle) {
    if (idle) {
        run->state = RUN_DONE;
        return KRAIT_OK;
    }
    run->state = RUN_PAUSED;
    KraitStatus st = describe_pending(run);
    return st == KRAIT_PAUSED ? KRAIT_OK : st;
}

KraitStatus krait_run_load(const uint8_t *data, size_t len, const KraitLoadOptions *opts, KraitRun **out,
                           KraitError *err) {
    if (err) memset(err, 0, sizeof *err);
    if (out) *out = NULL;
    if (!out || (!data && len) || (opts && opts->key && !opts->keylen)) return KRAIT_ERR_ARG;
    const KraitProgram *host = opts ? opts->program : NULL;
    const KrProgramIndex *pix = host ? program_index(host) : NULL;
    KraitRun *run;
    KraitStatus st = host && !pix ? KRAIT_ERR_NOMEM : run_alloc(NULL, opts ? opts->run_options : NULL, &run);
    if (st != KRAIT_OK) return snapshot_error(err, st, "cannot make the run");
    KrRunLoadArgs a = {data, len, opts ? opts->key : NULL, opts ? opts->keylen : 0, host ? host->p : NULL, pix, run->r};
    KrRunLoaded l;
    char msg[256];
    KrSnapStatus s = kr_run_snap_load(&a, &l, msg, sizeof msg);
    if (s == KR_SNAP_OK && !(l.session ? adopt_session(run, &l) : !l.nprograms || adopt_program(run, &l))) {
        s = KR_SNAP_ERR_NOMEM;
        snprintf(msg, sizeof msg, "out of memory");
    }
    if (s != KR_SNAP_OK) {
        bool limit = run->r->limit_hit && run->r->limit_hit != KR_LIMIT_NOMEM;
        krait_run_free(run);
        kr_run_loaded_free(&l);
        if (limit) snprintf(msg, sizeof msg, "memory limit exceeded while loading the snapshot");
        return snapshot_error(err, limit ? KRAIT_ERR_LIMIT : s == KR_SNAP_ERR_NOMEM ? KRAIT_ERR_NOMEM : KRAIT_ERR_SNAPSHOT, msg);
    }
    bool idle = l.idle;
    kr_run_loaded_free(&l);
    if (!run->session && !run->program) run->program = host;
    if (!run->session) run->r->program = run->program->p;
    st = loaded_state(run, idle);
    if (st != KRAIT_OK) {
        krait_run_free(run);
        return snapshot_error(err, st == KRAIT_ERR_LIMIT ? KRAIT_ERR_LIMIT : KRAIT_ERR_NOMEM, "cannot describe the pending calls");
    }
    *out = run;
    return KRAIT_OK;
}
