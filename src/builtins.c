// builtins.c: the built-in functions and the static table of every
// built-in name (functions, types, exceptions) the compiler resolves.
#include <math.h>
#include <stdio.h>
#include "runsnap.h"
#include "compiler.h"
#include "types.h"
#include "vm.h"
#include "modules.h"
#include "obj/class.h"

#define BUILTIN(cname, pyname)                                                                       \
    static KrValue bi_##cname(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames); \
    static const KrBuiltin bi_obj_##cname = {KR_STATIC_HEADER(&kr_type_builtin), pyname, bi_##cname};     \
    static KrValue bi_##cname(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames)

#define NKW(kwnames) ((kwnames) == KR_NULL ? 0 : kr_as_tuple(kwnames)->len)

static bool kw_is(KrValue kwnames, size_t i, const char *name) {
    return kr_str_eq_cstr(kr_as_str(kr_as_tuple(kwnames)->items[i]), name);
}

// ---- output -------------------------------------------------------------------------

// One piece of a print to sys.stdout (stream 1: no lone surrogate, as
// CPython's strict UTF-8 stdout) or sys.stderr (escaped when written).
static bool print_piece(KrRun *r, KrBuf *b, const KrStr *str, int stream) {
    if (stream == 1 && !kr_str_check_utf8_out(r, str)) return false;
    if (!kr_buf_append(b, str->data, str->nbytes)) return kr_raise(r, &kr_exc_MemoryError, "print"), false;
    return true;
}

static bool print_value(KrRun *r, KrBuf *b, KrValue v, int stream) {
    KrValue s = kr_str(r, v);
    return s != KR_EXC && print_piece(r, b, kr_as_str(s), stream);
}

// print(file=obj) on a non-standard stream calls obj.write once per piece, as
// CPython does, so capture objects see the same sequence of writes.
static bool print_write_piece(KrRun *r, KrValue write, const char *data, size_t n) {
    KrValue text = kr_str_new(r, data, n);
    return text != KR_EXC && kr_call1(r, write, text) != KR_EXC;
}

static bool print_to_object(KrRun *r, KrValue file, const KrValue *args, size_t n, KrValue sep, KrValue end) {
    KrValue w = kr_getattr_cstr(r, file, "write");
    if (w == KR_EXC) return false;
    kr_root_push(r, &w); // the bound method lives across calls back into Python
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        if (i > 0)
            ok = sep == KR_NONE ? print_write_piece(r, w, " ", 1) : kr_call1(r, w, sep) != KR_EXC;
        KrValue s = ok ? kr_str(r, args[i]) : KR_EXC;
        ok = s != KR_EXC && kr_call1(r, w, s) != KR_EXC;
    }
    if (ok) ok = end == KR_NONE ? print_write_piece(r, w, "\n", 1) : kr_call1(r, w, end) != KR_EXC;
    kr_root_pop(r, 1);
    return ok;
}

// Where print() without file= writes: sys.stdout as it is now, so a
// program that swapped in its own writer (to capture output) gets the
// text; the run's stdout while sys was never imported.
static KrValue print_default_file(KrRun *r) {
    static const KrStr stdout_name = KR_STATIC_STR("stdout");
    KrValue sys = kr_module_find(r, "sys");
    if (sys == KR_NULL) return kr_sys_stdout_stream();
    KrValue f = kr_getattr_opt(r, sys, (KrStr *)&stdout_name);
    if (f == KR_NULL) return kr_raise(r, &kr_exc_RuntimeError, "lost sys.stdout");
    return f;
}

BUILTIN(print, "print") {
    (void)self;
    size_t nkw = NKW(kwnames), npos = argc;
    KrValue sep = KR_NONE, end = KR_NONE, file = KR_NONE, flush = KR_FALSE;
    for (size_t i = 0; i < nkw; i++) {
        KrValue v = args[npos + i];
        if (kw_is(kwnames, i, "sep")) sep = v;
        else if (kw_is(kwnames, i, "end")) end = v;
        else if (kw_is(kwnames, i, "flush")) flush = v;
        else if (kw_is(kwnames, i, "file")) {
            file = v;
        } else
            return kr_raise(r, &kr_exc_TypeError, "'%s' is an invalid keyword argument for print()",
                            kr_as_str(kr_as_tuple(kwnames)->items[i])->data);
    }
    if (sep != KR_NONE && !kr_is_str(sep))
        return kr_raise(r, &kr_exc_TypeError, "sep must be None or a string, not %s", kr_type_name(sep));
    if (end != KR_NONE && !kr_is_str(end))
        return kr_raise(r, &kr_exc_TypeError, "end must be None or a string, not %s", kr_type_name(end));
    int flushing = kr_truth(r, flush);
    if (flushing < 0) return KR_EXC;
    if (file == KR_NONE) {
        file = print_default_file(r);
        if (file == KR_EXC) return KR_EXC;
        if (file == KR_NONE) return KR_NONE; // sys.stdout = None: CPython prints nothing
    }
    int stream = kr_sys_stream_id(file);
    if (!stream) {
        if (!print_to_object(r, file, args, npos, sep, end)) return KR_EXC;
        if (!flushing) return KR_NONE;
        KrValue fl = kr_getattr_cstr(r, file, "flush");
        return fl == KR_EXC || kr_call0(r, fl) == KR_EXC ? KR_EXC : KR_NONE;
    }
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = true;
    for (size_t i = 0; i < npos && ok; i++) {
        if (i > 0) {
            if (sep == KR_NONE) ok = kr_buf_append_char(&b, ' ');
            else ok = print_piece(r, &b, kr_as_str(sep), stream);
            if (!ok) break;
        }
        ok = print_value(r, &b, args[i], stream);
    }
    if (ok) {
        if (end == KR_NONE) ok = kr_buf_append_char(&b, '\n');
        else ok = print_piece(r, &b, kr_as_str(end), stream);
    }
    bool escaped = stream != 2 || kr_buf_escape_surrogates(&b, 0); // stderr's backslashreplace
    if (!escaped && ok) {
        kr_raise(r, &kr_exc_MemoryError, "print");
        ok = false;
    }
    // the pieces before a failing one are written, as CPython's are
    if (escaped && (ok || !r->limit_hit) && b.len && !kr_run_write(r, stream, b.data, b.len)) ok = false;
    kr_buf_free(&b);
    if (ok && flushing) kr_run_flush(r, stream);
    return ok ? KR_NONE : KR_EXC;
}

// iter(callable, sentinel): calls until the sentinel comes back.
typedef struct {
    KrObj ob;
    KrValue fn, sentinel;
} CallIter;

static const KrRsField calliter_fields[] = {KR_RS_VAL(CallIter, fn), KR_RS_VAL(CallIter, sentinel), KR_RS_END};
static const KrSnapOps calliter_snap = {calliter_fields, NULL, NULL, NULL};

static void calliter_trace(KrRun *r, KrObj *o) {
    kr_gc_mark(r, ((CallIter *)o)->fn);
    kr_gc_mark(r, ((CallIter *)o)->sentinel);
}

static KrValue calliter_self(KrRun *r, KrValue v) {
    (void)r;
    return v;
}

static KrValue calliter_next(KrRun *r, KrValue v) {
    CallIter *c = (CallIter *)kr_as_obj(v);
    if (c->fn == KR_NULL) return KR_STOP;
    KrValue x = kr_call0(r, c->fn);
    if (x == KR_EXC) {
        if (!kr_pending_is(r, &kr_exc_StopIteration)) return KR_EXC;
        kr_clear_exc(r);
        c->fn = KR_NULL;
        return KR_STOP;
    }
    int eq = kr_eq(r, x, c->sentinel);
    if (eq < 0) return KR_EXC;
    if (eq) {
        c->fn = KR_NULL;
        return KR_STOP;
    }
    return x;
}

const KrType kr_type_callable_iterator; // named by run snapshots
const KrType kr_type_callable_iterator = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "callable_iterator",
    .base = &kr_type_object,
    .basic_size = sizeof(CallIter),
    .trace = calliter_trace,
    .iter = calliter_self,
    .next = calliter_next,
    .snap = &calliter_snap,
};

KrValue kr_callable_iter_new(KrRun *r, KrValue fn, KrValue sentinel) {
    bool callable = kr_typeof(fn) == &kr_type_function;
    for (const KrType *t = kr_typeof(fn); t && !callable; t = t->base) callable = t->call != NULL;
    if (!callable) return kr_raise(r, &kr_exc_TypeError, "iter(v, w): v must be callable");
    CallIter *c = kr_gc_alloc(r, &kr_type_callable_iterator, sizeof(CallIter));
    if (!c) return KR_EXC;
    c->fn = fn;
    c->sentinel = sentinel;
    return kr_from_obj(c);
}

// ---- simple functions ------------------------------------------------------------------

BUILTIN(len, "len") {
    (void)self;
    if (!kr_args_no_kw(r, "len", kwnames) || !kr_args_count(r, "len", argc, 1, 1)) return KR_EXC;
    size_t n;
    if (!kr_len(r, args[0], &n)) return KR_EXC;
    return kr_int_from_i64(r, (int64_t)n);
}

BUILTIN(repr, "repr") {
    (void)self;
    if (!kr_args_no_kw(r, "repr", kwnames) || !kr_args_count(r, "repr", argc, 1, 1)) return KR_EXC;
    return kr_repr(r, args[0]);
}

BUILTIN(ascii, "ascii") {
    (void)self;
    if (!kr_args_no_kw(r, "ascii", kwnames) || !kr_args_count(r, "ascii", argc, 1, 1)) return KR_EXC;
    return kr_ascii(r, args[0]);
}

BUILTIN(hash, "hash") {
    (void)self;
    if (!kr_args_no_kw(r, "hash", kwnames) || !kr_args_count(r, "hash", argc, 1, 1)) return KR_EXC;
    int64_t h;
    if (!kr_hash(r, args[0], &h)) return KR_EXC;
    return kr_int_from_i64(r, h);
}

BUILTIN(id, "id") {
    (void)self;
    if (!kr_args_no_kw(r, "id", kwnames) || !kr_args_count(r, "id", argc, 1, 1)) return KR_EXC;
    uint64_t id = kr_object_id(r, args[0]);
    return r->limit_hit ? KR_EXC : kr_int_from_i64(r, (int64_t)id);
}

// aiter(x): x.__aiter__(), which must give an async iterator.
BUILTIN(aiter, "aiter") {
    (void)self;
    if (!kr_args_no_kw(r, "aiter", kwnames) || !kr_args_count(r, "aiter", argc, 1, 1)) return KR_EXC;
    KrValue m = kr_lookup_special(r, args[0], "__aiter__");
    if (m == KR_EXC) return KR_EXC;
    if (m == KR_NULL) return kr_raise(r, &kr_exc_TypeError, "'%s' object is not an async iterable", kr_type_name(args[0]));
    KrValue it = kr_call0(r, m);
    if (it == KR_EXC) return KR_EXC;
    kr_root_push(r, &it);
    KrValue next = kr_lookup_special(r, it, "__anext__");
    kr_root_pop(r, 1);
    if (next == KR_EXC) return KR_EXC;
    if (next == KR_NULL)
        return kr_raise(r, &kr_exc_TypeError, "aiter() returned not an async iterator of type '%s'", kr_type_name(it));
    return it;
}

// anext(it): the awaitable it.__anext__() gives.
BUILTIN(anext, "anext") {
    (void)self;
    if (!kr_args_no_kw(r, "anext", kwnames) || !kr_args_count(r, "anext", argc, 1, 2)) return KR_EXC;
    KrValue m = kr_lookup_special(r, args[0], "__anext__");
    if (m == KR_EXC) return KR_EXC;
    if (m == KR_NULL) return kr_raise(r, &kr_exc_TypeError, "'%s' object is not an async iterator", kr_type_name(args[0]));
    if (argc == 2) // CPython wraps the awaitable to turn StopAsyncIteration into the default
        return kr_raise(r, &kr_exc_NotImplementedError, "anext() with a default is not supported yet");
    return kr_call0(r, m);
}

// exit() and quit(), which CPython's site module adds for scripts too:
// SystemExit(code), ending the run with that status.
static KrValue quitter_call(KrRun *r, size_t argc, const KrValue *args, KrValue kwnames) {
    static const char *const names[] = {"code", NULL};
    static const KrArgSpec spec = {"Quitter.__call__", names, 0, 0, 0, KR_ARGS_PY_METHOD};
    KrValue code;
    if (!kr_args_parse(r, &spec, argc, args, kwnames, &code)) return KR_EXC;
    return kr_raise_with_arg(r, &kr_exc_SystemExit, code == KR_NULL ? KR_NONE : code);
}

BUILTIN(exit, "exit") {
    (void)self;
    return quitter_call(r, argc, args, kwnames);
}

BUILTIN(quit, "quit") {
    (void)self;
    return quitter_call(r, argc, args, kwnames);
}

BUILTIN(callable, "callable") {
    (void)self;
    if (!kr_args_no_kw(r, "callable", kwnames) || !kr_args_count(r, "callable", argc, 1, 1)) return KR_EXC;
    KrValue v = args[0];
    if ((v & KR_TAG_MASK) == KR_TAG_METHDEF) return KR_TRUE;
    for (const KrType *t = kr_typeof(v); t; t = t->base)
        if (t->call) return KR_TRUE;
    return kr_bool(kr_typeof(v) == &kr_type_function);
}

BUILTIN(iter, "iter") {
    (void)self;
    if (!kr_args_no_kw(r, "iter", kwnames) || !kr_args_count(r, "iter", argc, 1, 2)) return KR_EXC;
    if (argc == 2) return kr_callable_iter_new(r, args[0], args[1]);
    return kr_iter(r, args[0]);
}

BUILTIN(next, "next") {
    (void)self;
    if (!kr_args_no_kw(r, "next", kwnames) || !kr_args_count(r, "next", argc, 1, 2)) return KR_EXC;
    const KrType *t = kr_typeof(args[0]);
    bool is_iter = false;
    for (const KrType *p = t; p; p = p->base)
        if (p->next) is_iter = true;
    if (!is_iter) return kr_raise(r, &kr_exc_TypeError, "'%s' object is not an iterator", t->name);
    r->stop_exc = KR_NULL;
    KrValue v = kr_next(r, args[0]);
    if (v == KR_STOP) {
        KrValue stop = r->stop_exc;
        r->stop_exc = KR_NULL;
        if (argc == 2) return args[1];
        // keep the StopIteration the iterator raised (its value)
        return kr_raise_value(r, stop != KR_NULL ? stop : kr_from_obj(&kr_exc_StopIteration));
    }
    return v;
}

BUILTIN(chr, "chr") {
    (void)self;
    if (!kr_args_no_kw(r, "chr", kwnames) || !kr_args_count(r, "chr", argc, 1, 1)) return KR_EXC;
    int64_t i;
    if (kr_is_int(args[0])) {
        if (!kr_int_to_i64(args[0], &i)) i = INT64_MAX; // too big either way
    } else if (!kr_index(r, args[0], &i)) {
        if (!kr_exc_is(r->exc, &kr_exc_OverflowError)) return KR_EXC;
        kr_clear_exc(r);
        i = INT64_MAX;
    }
    if (i < INT32_MIN || i > INT32_MAX) // chr() takes a C int
        return kr_raise(r, &kr_exc_OverflowError, "Python int too large to convert to C int");
    if (i < 0 || i > 0x10FFFF) return kr_raise(r, &kr_exc_ValueError, "chr() arg not in range(0x110000)");
    return kr_str_from_codepoint(r, (uint32_t)i);
}

BUILTIN(ord, "ord") {
    (void)self;
    if (!kr_args_no_kw(r, "ord", kwnames) || !kr_args_count(r, "ord", argc, 1, 1)) return KR_EXC;
    KrValue v = args[0];
    if (kr_is_str(v)) {
        KrStr *s = kr_as_str(v);
        if (s->len != 1)
            return kr_raise(r, &kr_exc_TypeError, "ord() expected a character, but string of length %zu found", s->len);
        size_t i = 0;
        return kr_from_small(kr_utf8_decode(s->data, s->nbytes, &i));
    }
    const uint8_t *data;
    size_t n;
    if (kr_bytes_view(v, &data, &n)) { // bytes and bytearray
        if (n != 1)
            return kr_raise(r, &kr_exc_TypeError, "ord() expected a character, but string of length %zu found", n);
        return kr_from_small(data[0]);
    }
    return kr_raise(r, &kr_exc_TypeError, "ord() expected string of length 1, but %s found", kr_type_name(v));
}

static KrValue int_prefixed(KrRun *r, KrValue v, int base, const char *prefix) {
    if (!kr_is_int(v) && (kr_typeof(v)->flags & KR_TF_HEAP)) {
        int64_t i;
        if (!kr_index(r, v, &i)) return KR_EXC;
        v = kr_int_from_i64(r, i);
    }
    if (!kr_is_int(v))
        return kr_raise(r, &kr_exc_TypeError, "'%s' object cannot be interpreted as an integer", kr_type_name(v));
    KrValue digits = kr_int_to_str(r, v, base);
    if (digits == KR_EXC) return KR_EXC;
    KrStr *d = kr_as_str(digits);
    bool neg = d->nbytes && d->data[0] == '-';
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = (!neg || kr_buf_append_char(&b, '-')) && kr_buf_append_str(&b, prefix) &&
              kr_buf_append(&b, d->data + neg, d->nbytes - neg);
    KrValue out = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return out;
}

BUILTIN(hex, "hex") {
    (void)self;
    if (!kr_args_no_kw(r, "hex", kwnames) || !kr_args_count(r, "hex", argc, 1, 1)) return KR_EXC;
    return int_prefixed(r, args[0], 16, "0x");
}

BUILTIN(oct, "oct") {
    (void)self;
    if (!kr_args_no_kw(r, "oct", kwnames) || !kr_args_count(r, "oct", argc, 1, 1)) return KR_EXC;
    return int_prefixed(r, args[0], 8, "0o");
}

BUILTIN(bin, "bin") {
    (void)self;
    if (!kr_args_no_kw(r, "bin", kwnames) || !kr_args_count(r, "bin", argc, 1, 1)) return KR_EXC;
    return int_prefixed(r, args[0], 2, "0b");
}

BUILTIN(format, "format") {
    (void)self;
    if (!kr_args_no_kw(r, "format", kwnames) || !kr_args_count(r, "format", argc, 1, 2)) return KR_EXC;
    KrValue spec = argc == 2 ? args[1] : kr_str_new(r, "", 0);
    if (spec == KR_EXC) return KR_EXC;
    return kr_format(r, args[0], spec);
}

static KrValue call_dunder(KrRun *r, KrValue v, const char *name, size_t argc, const KrValue *args, bool *found) {
    KrValue res = kr_call_dunder(r, v, name, argc, args);
    *found = res != KR_NULL;
    return res;
}

BUILTIN(abs, "abs") {
    (void)self;
    if (!kr_args_no_kw(r, "abs", kwnames) || !kr_args_count(r, "abs", argc, 1, 1)) return KR_EXC;
    KrValue v = args[0];
    if (kr_is_small(v)) {
        int64_t i = kr_as_small(v);
        return kr_int_from_i64(r, i < 0 ? -i : i);
    }
    if (kr_is_double(v)) return kr_from_double(fabs(kr_as_double(v)));
    bool found;
    KrValue res = call_dunder(r, v, "__abs__", 0, NULL, &found);
    if (found || res == KR_EXC) return res;
    return kr_raise(r, &kr_exc_TypeError, "bad operand type for abs(): '%s'", kr_type_name(v));
}

BUILTIN(round, "round") {
    (void)self;
    static const char *const names[] = {"number", "ndigits", NULL};
    static const KrArgSpec spec = {"round", names, 0, 0, 1, KR_ARGS_C};
    KrValue a[2];
    if (!kr_args_parse(r, &spec, argc, args, kwnames, a)) return KR_EXC;
    bool found;
    KrValue res = call_dunder(r, a[0], "__round__", a[1] == KR_NULL || a[1] == KR_NONE ? 0 : 1, &a[1], &found);
    if (found || res == KR_EXC) return res;
    return kr_raise(r, &kr_exc_TypeError, "type %s doesn't define __round__ method", kr_type_name(a[0]));
}

BUILTIN(divmod, "divmod") {
    (void)self;
    if (!kr_args_no_kw(r, "divmod", kwnames) || !kr_args_count(r, "divmod", argc, 2, 2)) return KR_EXC;
    return kr_number_divmod(r, args[0], args[1]);
}

BUILTIN(pow, "pow") {
    (void)self;
    static const char *const names[] = {"base", "exp", "mod", NULL};
    static const KrArgSpec spec = {"pow", names, 0, 0, 2, KR_ARGS_C};
    KrValue a[3];
    if (!kr_args_parse(r, &spec, argc, args, kwnames, a)) return KR_EXC;
    if (a[2] == KR_NULL || a[2] == KR_NONE) return kr_binary(r, a[0], a[1], KR_BIN_POW);
    if (kr_typeof(a[0])->flags & KR_TF_HEAP) {
        // three-argument pow of a class instance: a.__pow__(b, m)
        KrValue res = kr_call_dunder(r, a[0], "__pow__", 2, a + 1);
        if (res != KR_NULL && res != KR_NOTIMPL) return res;
    }
    return kr_int_powmod(r, a[0], a[1], a[2]);
}

// ---- isinstance, attributes ------------------------------------------------------------------

static int class_check(KrRun *r, const KrType *t, KrValue cls, const char *fname, int depth) {
    if (kr_is_type(cls, &kr_type_type)) return kr_type_is_subtype(t, (const KrType *)kr_as_obj(cls));
    if (!kr_is_type(cls, &kr_type_tuple)) {
        int m = kr_typing_class_check(r, t, cls, fname);
        if (m != -2) return m;
    }

    if (kr_is_type(cls, &kr_type_tuple) && depth < 100) {
        KrTuple *tup = kr_as_tuple(cls);
        for (size_t i = 0; i < tup->len; i++) {
            int m = class_check(r, t, tup->items[i], fname, depth + 1);
            if (m) return m;
        }
        return 0;
    }
    if (strcmp(fname, "issubclass") == 0)
        kr_raise(r, &kr_exc_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    else
        kr_raise(r, &kr_exc_TypeError, "%s() arg 2 must be a type, a tuple of types, or a union", fname);
    return -1;
}

BUILTIN(isinstance, "isinstance") {
    (void)self;
    if (!kr_args_no_kw(r, "isinstance", kwnames) || !kr_args_count(r, "isinstance", argc, 2, 2)) return KR_EXC;
    if (!kr_is_type(args[1], &kr_type_type) && !kr_is_type(args[1], &kr_type_tuple)) {
        int t = kr_typing_isinstance(r, args[0], args[1]);
        if (t != -2) return t < 0 ? KR_EXC : kr_bool(t);
    }
    if (kr_is_type(args[1], &kr_type_type) && (((const KrType *)kr_as_obj(args[1]))->flags & KR_TF_PROTOCOL)) {
        int p = kr_typing_protocol_check(r, args[0], true, (const KrType *)kr_as_obj(args[1]));
        return p < 0 ? KR_EXC : kr_bool(p);
    }
    int m = class_check(r, kr_typeof(args[0]), args[1], "isinstance", 0);
    return m < 0 ? KR_EXC : kr_bool(m);
}

// issubclass(list[int], cls): CPython walks list's __bases__ (not list
// itself), so the answer is whether one of them is a subclass of cls.
static KrValue bi_issubclass(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames);
static KrValue ga_issubclass(KrRun *r, const KrType *origin, KrValue cls) {
    if (origin == &kr_type_object) return KR_FALSE;
    KrValue one = kr_from_obj(origin->base ? origin->base : &kr_type_object);
    KrTuple *heap = origin->flags & KR_TF_HEAP ? kr_as_tuple(origin->bases) : NULL;
    size_t n = heap ? heap->len : 1;
    for (size_t i = 0; i < n; i++) {
        KrValue argv[2] = {heap ? heap->items[i] : one, cls};
        KrValue m = bi_issubclass(r, KR_NULL, 2, argv, KR_NULL);
        if (m != KR_FALSE) return m;
    }
    return KR_FALSE;
}

BUILTIN(issubclass, "issubclass") {
    (void)self;
    if (!kr_args_no_kw(r, "issubclass", kwnames) || !kr_args_count(r, "issubclass", argc, 2, 2)) return KR_EXC;
    if (!kr_is_type(args[0], &kr_type_type)) {
        // an empty tuple matches nothing, so arg 1 is never examined
        if (kr_is_type(args[1], &kr_type_tuple) && kr_as_tuple(args[1])->len == 0) return KR_FALSE;
        KrValue origin = kr_typing_ga_origin(args[0]);
        if (origin != KR_NULL) return ga_issubclass(r, (const KrType *)kr_as_obj(origin), args[1]);
        return kr_raise(r, &kr_exc_TypeError, "issubclass() arg 1 must be a class");
    }
    if (!kr_is_type(args[1], &kr_type_type) && !kr_is_type(args[1], &kr_type_tuple)) {
        int t = kr_typing_issubclass(r, args[0], args[1]);
        if (t != -2) return t < 0 ? KR_EXC : kr_bool(t);
    }
    if (kr_is_type(args[1], &kr_type_type) && (((const KrType *)kr_as_obj(args[1]))->flags & KR_TF_PROTOCOL)) {
        int p = kr_typing_protocol_check(r, args[0], false, (const KrType *)kr_as_obj(args[1]));
        return p < 0 ? KR_EXC : kr_bool(p);
    }
    int m = class_check(r, (const KrType *)kr_as_obj(args[0]), args[1], "issubclass", 0);
    return m < 0 ? KR_EXC : kr_bool(m);
}

static bool attr_name(KrRun *r, KrValue v) {
    if (kr_is_str(v)) return true;
    kr_raise(r, &kr_exc_TypeError, "attribute name must be string, not '%s'", kr_type_name(v));
    return false;
}

BUILTIN(getattr, "getattr") {
    (void)self;
    if (!kr_args_no_kw(r, "getattr", kwnames) || !kr_args_count(r, "getattr", argc, 2, 3)) return KR_EXC;
    if (!attr_name(r, args[1])) return KR_EXC;
    if (argc == 2) return kr_getattr(r, args[0], kr_as_str(args[1]));
    KrValue v = kr_getattr_opt(r, args[0], kr_as_str(args[1]));
    return v == KR_NULL ? args[2] : v;
}

BUILTIN(setattr, "setattr") {
    (void)self;
    if (!kr_args_no_kw(r, "setattr", kwnames) || !kr_args_count(r, "setattr", argc, 3, 3)) return KR_EXC;
    if (!attr_name(r, args[1])) return KR_EXC;
    return kr_setattr(r, args[0], kr_as_str(args[1]), args[2]) == KR_EXC ? KR_EXC : KR_NONE;
}

BUILTIN(delattr, "delattr") {
    (void)self;
    if (!kr_args_no_kw(r, "delattr", kwnames) || !kr_args_count(r, "delattr", argc, 2, 2)) return KR_EXC;
    if (!attr_name(r, args[1])) return KR_EXC;
    return kr_setattr(r, args[0], kr_as_str(args[1]), KR_NULL) == KR_EXC ? KR_EXC : KR_NONE;
}

BUILTIN(hasattr, "hasattr") {
    (void)self;
    if (!kr_args_no_kw(r, "hasattr", kwnames) || !kr_args_count(r, "hasattr", argc, 2, 2)) return KR_EXC;
    if (!attr_name(r, args[1])) return KR_EXC;
    KrValue v = kr_getattr_opt(r, args[0], kr_as_str(args[1]));
    return v == KR_EXC ? KR_EXC : kr_bool(v != KR_NULL);
}

static bool add_names(KrRun *r, KrValue set, const KrType *t) {
    if (t->flags & KR_TF_HEAP) {
        KrTuple *mro = kr_as_tuple(t->mro);
        for (size_t i = 0; i < mro->len; i++) {
            const KrType *p = (const KrType *)kr_as_obj(mro->items[i]);
            if (!(p->flags & KR_TF_HEAP)) {
                if (!add_names(r, set, p)) return false;
                continue;
            }
            size_t pos = 0;
            KrValue k, v;
            while (kr_dict_next(kr_as_dict(p->dict), &pos, &k, &v))
                if (!kr_set_add(r, (KrSet *)kr_as_obj(set), k)) return false;
        }
        return true;
    }
    for (; t; t = t->base) {
        for (const KrMethodDef *m = t->methods; m && m->name; m++) {
            KrValue s = kr_str_from_cstr(r, m->name);
            if (s == KR_EXC || !kr_set_add(r, (KrSet *)kr_as_obj(set), s)) return false;
        }
        for (const KrGetSetDef *g = t->getsets; g && g->name; g++) {
            KrValue s = kr_str_from_cstr(r, g->name);
            if (s == KR_EXC || !kr_set_add(r, (KrSet *)kr_as_obj(set), s)) return false;
        }
    }
    return true;
}

KrValue kr_dir_list(KrRun *r, KrValue v) {
    KrValue set = kr_set_new(r, &kr_type_set);
    if (set == KR_EXC) return KR_EXC;
    kr_root_push(r, &set);
    // a class lists its own and its bases' attributes (not type's methods);
    // anything else its class's attributes and its own __dict__
    bool is_class = kr_is_type(v, &kr_type_type);
    bool ok = add_names(r, set, is_class ? (const KrType *)kr_as_obj(v) : kr_typeof(v));
    KrValue d = !ok ? KR_EXC : is_class ? KR_NULL : kr_getattr_opt_cstr(r, v, "__dict__");
    if (d == KR_EXC) ok = false;
    if (ok && d != KR_NULL && kr_isinstance(d, &kr_type_dict)) {
        size_t pos = 0;
        KrValue k, val;
        while (ok && kr_dict_next(kr_as_dict(d), &pos, &k, &val)) ok = kr_set_add(r, (KrSet *)kr_as_obj(set), k);
    }
    // attributes every object has without any class defining them
    const char *extra[] = {"__class__", d != KR_NULL ? "__dict__" : NULL};
    for (size_t i = 0; ok && i < 2 && extra[i]; i++) {
        KrValue s = kr_str_from_cstr(r, extra[i]);
        ok = s != KR_EXC && kr_set_add(r, (KrSet *)kr_as_obj(set), s);
    }
    KrValue list = ok ? kr_list_from_iter(r, set) : KR_EXC;
    kr_root_pop(r, 1);
    if (list == KR_EXC || !kr_list_sort(r, kr_as_list(list), KR_NULL, false)) return KR_EXC;
    return list;
}

BUILTIN(dir, "dir") {
    (void)self;
    if (!kr_args_no_kw(r, "dir", kwnames) || !kr_args_count(r, "dir", argc, 0, 1)) return KR_EXC;
    if (argc == 1) {
        // a class's own __dir__ gives the names (sorted here, as CPython)
        static const KrStr dir_name = KR_STATIC_STR("__dir__");
        KrLookup lk;
        if (kr_is_ptr(args[0]) && (kr_typeof(args[0])->flags & KR_TF_HEAP) &&
            kr_type_lookup(r, kr_typeof(args[0]), (KrStr *)&dir_name, &lk) && lk.value != KR_NULL) {
            KrValue names = kr_call_dunder(r, args[0], "__dir__", 0, NULL);
            KrValue list = names == KR_EXC ? KR_EXC : kr_list_from_iter(r, names);
            if (list == KR_EXC || !kr_list_sort(r, kr_as_list(list), KR_NULL, false)) return KR_EXC;
            return list;
        }
        return kr_dir_list(r, args[0]);
    }
    KrValue scope = kr_vm_frame_locals(r, r->frame);
    KrValue keys = scope == KR_EXC ? KR_EXC : kr_list_from_iter(r, scope);
    if (keys == KR_EXC || !kr_list_sort(r, kr_as_list(keys), KR_NULL, false)) return KR_EXC;
    return keys;
}

BUILTIN(vars, "vars") {
    (void)self;
    if (!kr_args_no_kw(r, "vars", kwnames) || !kr_args_count(r, "vars", argc, 0, 1)) return KR_EXC;
    if (argc == 0) return kr_vm_frame_locals(r, r->frame);
    KrValue d = kr_getattr_opt_cstr(r, args[0], "__dict__");
    if (d == KR_EXC) return KR_EXC;
    if (d == KR_NULL) return kr_raise(r, &kr_exc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

BUILTIN(locals, "locals") {
    (void)self;
    (void)args;
    if (!kr_args_no_kw(r, "locals", kwnames) || !kr_args_count(r, "locals", argc, 0, 0)) return KR_EXC;
    return kr_vm_frame_locals(r, r->frame);
}

BUILTIN(globals, "globals") {
    (void)self;
    (void)args;
    if (!kr_args_no_kw(r, "globals", kwnames) || !kr_args_count(r, "globals", argc, 0, 0)) return KR_EXC;
    return r->frame ? r->frame->globals : r->globals;
}

// ---- iteration consumers --------------------------------------------------------------------------

// Calls fn(ctx, item) for each item of iterable; stops early when fn
// returns 0 (1 continue, -1 error). The iterator stays rooted. A list or
// tuple is walked in place, by index as its iterator would (so a list
// that fn changes is seen changed), without an iterator object. Inlined
// into each consumer, so fn is a direct (inlined) call.
static inline KrValue seq_item(KrValue seq, bool list, size_t i) {
    if (list) return i < kr_as_list(seq)->len ? kr_as_list(seq)->items[i] : KR_STOP;
    return i < kr_as_tuple(seq)->len ? kr_as_tuple(seq)->items[i] : KR_STOP;
}

// Calls fn on each item (of a list or tuple from index `start`: a caller
// may have done a prefix itself).
static inline KR_ALWAYS_INLINE int for_each(KrRun *r, KrValue iterable, size_t start,
                                                          int (*fn)(KrRun *, void *, KrValue), void *ctx) {
    bool list = kr_is_type(iterable, &kr_type_list), seq = list || kr_is_type(iterable, &kr_type_tuple);
    KrValue it = seq ? iterable : kr_iter(r, iterable);
    if (it == KR_EXC) return -1;
    kr_root_push(r, &it);
    int res = 1;
    for (size_t i = seq ? start : 0;; i++) {
        KrValue v = seq ? seq_item(it, list, i) : kr_next(r, it);
        if (v == KR_STOP) break;
        if (v == KR_EXC) {
            res = -1;
            break;
        }
        res = fn(r, ctx, v);
        if (res <= 0) break;
        if (!kr_run_tick(r, 1)) {
            res = -1;
            break;
        }
    }
    kr_root_pop(r, 1);
    return res < 0 ? -1 : res;
}

typedef struct {
    bool want;
    bool found;
} AnyCtx;

static int any_step(KrRun *r, void *p, KrValue v) {
    AnyCtx *c = p;
    int t = kr_truth(r, v);
    if (t < 0) return -1;
    if ((t != 0) == c->want) {
        c->found = true;
        return 0;
    }
    return 1;
}

BUILTIN(any, "any") {
    (void)self;
    if (!kr_args_no_kw(r, "any", kwnames) || !kr_args_count(r, "any", argc, 1, 1)) return KR_EXC;
    AnyCtx c = {true, false};
    if (for_each(r, args[0], 0, any_step, &c) < 0) return KR_EXC;
    return kr_bool(c.found);
}

BUILTIN(all, "all") {
    (void)self;
    if (!kr_args_no_kw(r, "all", kwnames) || !kr_args_count(r, "all", argc, 1, 1)) return KR_EXC;
    AnyCtx c = {false, false};
    if (for_each(r, args[0], 0, any_step, &c) < 0) return KR_EXC;
    return kr_bool(!c.found);
}

typedef struct {
    KrValue acc;
} SumCtx;

static int sum_step(KrRun *r, void *p, KrValue v) {
    SumCtx *c = p;
    if (kr_is_small(c->acc) && kr_is_small(v)) {
        int64_t s = kr_as_small(c->acc) + kr_as_small(v);
        if (kr_fits_small(s)) {
            c->acc = kr_from_small(s);
            return 1;
        }
    }
    if (kr_is_double(c->acc) && kr_is_double(v)) {
        c->acc = kr_from_double(kr_as_double(c->acc) + kr_as_double(v));
        return 1;
    }
    KrValue s = kr_binary(r, c->acc, v, KR_BIN_ADD);
    if (s == KR_EXC) return -1;
    c->acc = s;
    return 1;
}

// The leading small ints of a list or tuple, added up in a C integer (no
// Python code runs, so the sequence cannot change meanwhile) until an
// item is not one or the total leaves the small range. Returns how many
// were added (SIZE_MAX: the time budget ran out).
static size_t sum_small_ints(KrRun *r, KrValue seq, KrValue *acc) {
    bool list = kr_is_type(seq, &kr_type_list);
    if (!kr_is_small(*acc) || (!list && !kr_is_type(seq, &kr_type_tuple))) return 0;
    const KrValue *items = list ? kr_as_list(seq)->items : kr_as_tuple(seq)->items;
    size_t n = list ? kr_as_list(seq)->len : kr_as_tuple(seq)->len, i = 0;
    int64_t total = kr_as_small(*acc);
    while (i < n) {
        size_t end = n - i > 4096 ? i + 4096 : n, j = i; // the clock is polled between blocks
        for (; j < end && kr_is_small(items[j]); j++) {
            int64_t t = total + kr_as_small(items[j]);
            if (!kr_fits_small(t)) break;
            total = t;
        }
        *acc = kr_from_small(total);
        if (!kr_run_tick(r, (int32_t)(j - i))) return SIZE_MAX;
        i = j;
        if (j < end) break;
    }
    return i;
}

BUILTIN(sum, "sum") {
    (void)self;
    static const char *const names[] = {"iterable", "start", NULL};
    static const KrArgSpec spec = {"sum", names, 1, 0, 1, KR_ARGS_C};
    KrValue a[2];
    if (!kr_args_parse(r, &spec, argc, args, kwnames, a)) return KR_EXC;
    SumCtx c = {a[1] == KR_NULL ? kr_from_small(0) : a[1]};
    if (kr_is_str(c.acc)) return kr_raise(r, &kr_exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (kr_isinstance(c.acc, &kr_type_bytes))
        return kr_raise(r, &kr_exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    size_t done = sum_small_ints(r, a[0], &c.acc);
    if (done == SIZE_MAX) return KR_EXC;
    kr_root_push(r, &c.acc);
    int res = for_each(r, a[0], done, sum_step, &c);
    kr_root_pop(r, 1);
    return res < 0 ? KR_EXC : c.acc;
}

typedef struct {
    KrValue best, best_key, key;
    KrCmpOp op;
} MinMaxCtx;

static int minmax_step(KrRun *r, void *p, KrValue v) {
    MinMaxCtx *c = p;
    KrValue k = v;
    if (c->key != KR_NULL && c->key != KR_NONE) {
        k = kr_call1(r, c->key, v);
        if (k == KR_EXC) return -1;
    }
    if (c->best == KR_NULL) {
        c->best = v;
        c->best_key = k;
        return 1;
    }
    KrValue cmp = kr_compare(r, k, c->best_key, c->op);
    if (cmp == KR_EXC) return -1;
    int t = kr_truth(r, cmp);
    if (t < 0) return -1;
    if (t) {
        c->best = v;
        c->best_key = k;
    }
    return 1;
}

static KrValue minmax(KrRun *r, size_t argc, const KrValue *args, KrValue kwnames, bool is_min) {
    const char *name = is_min ? "min" : "max";
    size_t nkw = NKW(kwnames);
    KrValue key = KR_NULL, dflt = KR_NULL;
    if (argc == 0) return kr_raise(r, &kr_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nkw > 2) // (CPython's keyword parser counts them first)
        return kr_raise(r, &kr_exc_TypeError, "%s() takes at most 2 keyword arguments (%zu given)", name, nkw);
    for (size_t i = 0; i < nkw; i++) {
        if (kw_is(kwnames, i, "key")) key = args[argc + i];
        else if (kw_is(kwnames, i, "default")) dflt = args[argc + i];
        else
            return kr_raise(r, &kr_exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                            kr_as_str(kr_as_tuple(kwnames)->items[i])->data, name);
    }
    if (argc > 1 && dflt != KR_NULL)
        return kr_raise(r, &kr_exc_TypeError, "Cannot specify a default for %s() with multiple positional arguments",
                        name);
    MinMaxCtx c = {KR_NULL, KR_NULL, key, is_min ? KR_CMP_LT : KR_CMP_GT};
    kr_root_push(r, &c.best);
    kr_root_push(r, &c.best_key);
    int res = 1;
    if (argc == 1) {
        res = for_each(r, args[0], 0, minmax_step, &c);
    } else {
        for (size_t i = 0; i < argc && res > 0; i++) res = minmax_step(r, &c, args[i]);
    }
    kr_root_pop(r, 2);
    if (res < 0) return KR_EXC;
    if (c.best == KR_NULL) {
        if (dflt != KR_NULL) return dflt;
        return kr_raise(r, &kr_exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return c.best;
}

BUILTIN(min, "min") {
    (void)self;
    return minmax(r, argc, args, kwnames, true);
}

BUILTIN(max, "max") {
    (void)self;
    return minmax(r, argc, args, kwnames, false);
}

BUILTIN(sorted, "sorted") {
    (void)self;
    size_t nkw = NKW(kwnames), npos = argc;
    KrValue key = KR_NULL, rev = KR_FALSE;
    if (npos != 1) return kr_raise(r, &kr_exc_TypeError, "sorted expected 1 argument, got %zu", npos);
    for (size_t i = 0; i < nkw; i++) {
        if (kw_is(kwnames, i, "key")) key = args[npos + i];
        else if (kw_is(kwnames, i, "reverse")) rev = args[npos + i];
        else
            return kr_raise(r, &kr_exc_TypeError, "'%s' is an invalid keyword argument for sort()",
                            kr_as_str(kr_as_tuple(kwnames)->items[i])->data);
    }
    KrValue list = kr_list_from_iter(r, args[0]);
    if (list == KR_EXC) return KR_EXC;
    int64_t reverse = 0; // an integer, as for list.sort (after the iterable is read, as CPython)
    if (!kr_index(r, rev, &reverse)) return KR_EXC;
    kr_root_push(r, &list);
    bool ok = kr_list_sort(r, kr_as_list(list), key == KR_NONE ? KR_NULL : key, reverse != 0);
    kr_root_pop(r, 1);
    return ok ? list : KR_EXC;
}

// The bases a class statement lists, after typing objects say what they
// stand for (List[int] -> list; Generic[T], Protocol dropped; NamedTuple
// and TypedDict classes are built by typing: *special 1 or 2).
static KrValue class_bases(KrRun *r, const KrValue *items, size_t n, int *special) {
    KrValue list = kr_list_new(r, n);
    if (list == KR_EXC) return KR_EXC;
    for (size_t i = 0; i < n; i++) {
        KrValue b = items[i];
        if (!kr_is_type(b, &kr_type_type)) {
            int sp = 0;
            KrValue e = kr_typing_mro_entry(b, &sp);
            if (sp) *special = sp;
            if (e == KR_NONE) continue;
            if (e != KR_NULL) b = e; // else kept: its type may be the metaclass (class_meta_call)
        }
        if (!kr_list_append(r, kr_as_list(list), b)) return KR_EXC;
    }
    return kr_tuple_from_iter(r, list);
}

// A base that is not a class makes its own type the metaclass, as in
// CPython: `class X(obj)` ends as type(obj)(name, bases, ns, **kwargs).
static KrValue class_meta_call(KrRun *r, const KrType *meta, KrValue name, KrValue bases, KrValue ns,
                               KrValue kwargs) {
    KrDict *kw = kwargs == KR_NULL ? NULL : kr_as_dict(kwargs);
    size_t nkw = kw ? kw->used : 0;
    KrValue argv = kr_tuple_new(r, 3 + nkw), names = nkw ? kr_tuple_new(r, nkw) : KR_NULL;
    if (argv == KR_EXC || names == KR_EXC) return KR_EXC;
    KrTuple *a = kr_as_tuple(argv);
    a->items[0] = name;
    a->items[1] = bases;
    a->items[2] = ns;
    for (size_t i = 0, j = 0; kw && i < kw->nentries; i++) {
        if (kw->entries[i].key == KR_NULL) continue;
        kr_as_tuple(names)->items[j] = kw->entries[i].key;
        a->items[3 + j++] = kw->entries[i].value;
    }
    kr_root_push(r, &argv);
    kr_root_push(r, &names);
    KrValue res = kr_call(r, kr_from_obj(meta), 3, a->items, names);
    kr_root_pop(r, 2);
    return res;
}

// Field i has no default but the ndef fields before it have.
static KrValue nt_order_error(KrRun *r, KrTuple *f, size_t i, size_t ndef) {
    KrValue sep = kr_str_from_cstr(r, ", ");
    KrValue names = sep == KR_EXC ? KR_EXC : kr_tuple_from_array(r, f->items + i - ndef, ndef);
    KrValue joined = names == KR_EXC ? KR_EXC : kr_str_join(r, sep, names);
    if (joined == KR_EXC) return KR_EXC;
    return kr_raise(r, &kr_exc_TypeError, "Non-default namedtuple field %s cannot follow default field%s %s",
                    kr_as_str(f->items[i])->data, ndef > 1 ? "s" : "", kr_as_str(joined)->data);
}

// class P(NamedTuple) / class M(TypedDict): fields from the annotations.
static KrValue typing_class(KrRun *r, int special, KrValue name, KrValue ns, KrValue kwargs, const KrValue *bases,
                            size_t nbases) {
    KrValue ann = kr_dict_get_cstr(r, kr_as_dict(ns), "__annotations__");
    if (ann == KR_NULL) {
        ann = kr_dict_new(r);
        if (ann == KR_EXC) return KR_EXC;
    }
    if (special == 2) {
        KrValue total = kwargs == KR_NULL ? KR_NULL : kr_dict_get_cstr(r, kr_as_dict(kwargs), "total");
        int t = total == KR_NULL ? 1 : kr_truth(r, total);
        if (t < 0) return KR_EXC;
        return kr_typing_make_typeddict(r, name, ann, t, bases, nbases);
    }
    KrValue fields = kr_tuple_from_iter(r, ann);
    if (fields == KR_EXC) return KR_EXC;
    KrTuple *f = kr_as_tuple(fields);
    KrValue types = kr_tuple_new(r, f->len);
    KrValue defaults = kr_list_new(r, 0);
    if (types == KR_EXC || defaults == KR_EXC) return KR_EXC;
    for (size_t i = 0; i < f->len; i++) {
        KrValue ty;
        if (kr_dict_get(r, kr_as_dict(ann), f->items[i], &ty) < 0) return KR_EXC;
        kr_as_tuple(types)->items[i] = ty;
        KrValue d;
        int has = kr_dict_get(r, kr_as_dict(ns), f->items[i], &d);
        if (has < 0) return KR_EXC;
        if (has) {
            if (!kr_list_append(r, kr_as_list(defaults), d)) return KR_EXC;
        } else if (kr_as_list(defaults)->len) {
            return nt_order_error(r, f, i, kr_as_list(defaults)->len);
        }
    }
    KrValue dt = kr_tuple_from_iter(r, defaults);
    if (dt == KR_EXC) return KR_EXC;
    return kr_typing_make_namedtuple(r, name, fields, types, kr_as_tuple(dt)->len ? dt : KR_NULL, ns);
}

// __build_class__(body, name, *bases, **keywords): runs the class body in
// a fresh namespace, then makes the class.
BUILTIN(build_class, "__build_class__") {
    (void)self;
    if (argc < 2) return kr_raise(r, &kr_exc_TypeError, "__build_class__: not enough arguments");
    if (!kr_is_type(args[0], &kr_type_function)) return kr_raise(r, &kr_exc_TypeError, "__build_class__: func must be a function");
    if (!kr_is_str(args[1])) return kr_raise(r, &kr_exc_TypeError, "__build_class__: name is not a string");
    size_t nkw = NKW(kwnames);
    KrValue kwargs = KR_NULL, ns = KR_NULL, bases = KR_NULL, cls = KR_NULL;
    kr_root_push(r, &kwargs);
    kr_root_push(r, &ns);
    kr_root_push(r, &bases);
    KrValue res = KR_EXC;
    if (nkw) {
        kwargs = kr_dict_new(r);
        if (kwargs == KR_EXC) goto done;
        for (size_t i = 0; i < nkw; i++) {
            if (kw_is(kwnames, i, "metaclass")) {
                if (args[argc + i] == kr_from_obj(&kr_type_type)) continue;
                kr_raise(r, &kr_exc_NotImplementedError, "metaclasses other than type are not supported yet");
                goto done;
            }
            if (!kr_dict_set(r, kr_as_dict(kwargs), kr_as_tuple(kwnames)->items[i], args[argc + i])) goto done;
        }
    }
    int special = 0;
    bases = class_bases(r, args + 2, argc - 2, &special);
    if (bases == KR_EXC) goto done;
    KrTuple *bt = kr_as_tuple(bases);
    const KrType *meta = kr_class_metaclass(r, bt->len ? kr_typeof(bt->items[0]) : &kr_type_type, bt->items, bt->len);
    if (!meta) goto done;
    ns = kr_dict_new(r);
    if (ns == KR_EXC || kr_vm_run_class_body(r, args[0], ns) == KR_EXC) goto done;
    if (meta != &kr_type_type) {
        res = class_meta_call(r, meta, args[1], bases, ns, kwargs);
        goto done;
    }
    if (special) {
        res = typing_class(r, special, args[1], ns, kwargs, args + 2, argc - 2);
        goto done;
    }
    for (size_t i = 2; i < argc; i++) { // class C(Generic[T, K]): C.__parameters__
        KrValue params = kr_typing_generic_params(args[i]);
        if (params == KR_NULL || kr_dict_get_cstr(r, kr_as_dict(ns), "__parameters__") != KR_NULL) continue;
        KrValue key = kr_str_from_cstr(r, "__parameters__");
        if (key == KR_EXC || !kr_dict_set(r, kr_as_dict(ns), key, params)) goto done;
    }
    cls = kr_type_new(r, args[1], bases, ns, kwargs);
    if (cls == KR_EXC) goto done;
    KrValue cell = kr_dict_get_cstr(r, kr_as_dict(ns), "__classcell__");
    if (cell != KR_NULL && kr_is_type(cell, &kr_type_cell)) ((KrCell *)kr_as_obj(cell))->value = cls;
    res = cls;
done:
    kr_root_pop(r, 3);
    return res;
}

KrValue kr_builtin_build_class(void) { return kr_from_obj(&bi_obj_build_class); }

// ---- the table of built-in names ---------------------------------------------------------------------

typedef struct BuiltinName {
    const char *name;
    uint8_t len; // of name: most lookups are misses, told apart without strcmp
    const KrObj *obj;
} BuiltinName;

#define BN(lit, obj) {lit, sizeof(lit) - 1, obj}

// The functions and types, in strcmp order: kr_builtin_lookup searches
// them by halves (a unit test finds every name).
#define KR_SORTED_BUILTINS(X) \
    X("__build_class__", &bi_obj_build_class.ob) \
    X("abs", &bi_obj_abs.ob) \
    X("aiter", &bi_obj_aiter.ob) \
    X("all", &bi_obj_all.ob) \
    X("anext", &bi_obj_anext.ob) \
    X("any", &bi_obj_any.ob) \
    X("ascii", &bi_obj_ascii.ob) \
    X("bin", &bi_obj_bin.ob) \
    X("bool", &kr_type_bool.ob) \
    X("bytearray", &kr_type_bytearray.ob) \
    X("bytes", &kr_type_bytes.ob) \
    X("callable", &bi_obj_callable.ob) \
    X("chr", &bi_obj_chr.ob) \
    X("classmethod", &kr_type_classmethod.ob) \
    X("complex", &kr_type_complex.ob) \
    X("delattr", &bi_obj_delattr.ob) \
    X("dict", &kr_type_dict.ob) \
    X("dir", &bi_obj_dir.ob) \
    X("divmod", &bi_obj_divmod.ob) \
    X("enumerate", &kr_type_enumerate.ob) \
    X("exit", &bi_obj_exit.ob) \
    X("filter", &kr_type_filter.ob) \
    X("float", &kr_type_float.ob) \
    X("format", &bi_obj_format.ob) \
    X("frozenset", &kr_type_frozenset.ob) \
    X("getattr", &bi_obj_getattr.ob) \
    X("globals", &bi_obj_globals.ob) \
    X("hasattr", &bi_obj_hasattr.ob) \
    X("hash", &bi_obj_hash.ob) \
    X("hex", &bi_obj_hex.ob) \
    X("id", &bi_obj_id.ob) \
    X("int", &kr_type_int.ob) \
    X("isinstance", &bi_obj_isinstance.ob) \
    X("issubclass", &bi_obj_issubclass.ob) \
    X("iter", &bi_obj_iter.ob) \
    X("len", &bi_obj_len.ob) \
    X("list", &kr_type_list.ob) \
    X("locals", &bi_obj_locals.ob) \
    X("map", &kr_type_map.ob) \
    X("max", &bi_obj_max.ob) \
    X("min", &bi_obj_min.ob) \
    X("next", &bi_obj_next.ob) \
    X("object", &kr_type_object.ob) \
    X("oct", &bi_obj_oct.ob) \
    X("ord", &bi_obj_ord.ob) \
    X("pow", &bi_obj_pow.ob) \
    X("print", &bi_obj_print.ob) \
    X("property", &kr_type_property.ob) \
    X("quit", &bi_obj_quit.ob) \
    X("range", &kr_type_range.ob) \
    X("repr", &bi_obj_repr.ob) \
    X("reversed", &kr_type_reversed.ob) \
    X("round", &bi_obj_round.ob) \
    X("set", &kr_type_set.ob) \
    X("setattr", &bi_obj_setattr.ob) \
    X("slice", &kr_type_slice.ob) \
    X("sorted", &bi_obj_sorted.ob) \
    X("staticmethod", &kr_type_staticmethod.ob) \
    X("str", &kr_type_str.ob) \
    X("sum", &bi_obj_sum.ob) \
    X("super", &kr_type_super.ob) \
    X("tuple", &kr_type_tuple.ob) \
    X("type", &kr_type_type.ob) \
    X("vars", &bi_obj_vars.ob) \
    X("zip", &kr_type_zip.ob)

#define BN_ITEM(lit, obj) BN(lit, obj),
static const BuiltinName builtin_names[] = {
    KR_SORTED_BUILTINS(BN_ITEM)
#define KR_EXC_DEF(name, base) BN(#name, &kr_exc_##name.ob),
#include "excs.def"

#undef KR_EXC_DEF
    // aliases CPython keeps for OSError
    BN("EnvironmentError", &kr_exc_OSError.ob), BN("IOError", &kr_exc_OSError.ob),
};

#define NBUILTINS (sizeof builtin_names / sizeof builtin_names[0])

#define KR_COUNT_ONE(lit, obj) +1
enum { NSORTED = 0 KR_SORTED_BUILTINS(KR_COUNT_ONE) };

// strcmp's order on a counted name (n > 0). The first bytes mostly
// decide: a tie goes on byte by byte (names are short).
static inline int bn_cmp(const char *name, size_t n, const BuiltinName *b) {
    int c = (unsigned char)name[0] - (unsigned char)b->name[0];
    if (c) return c;
    size_t k = n < b->len ? n : b->len;
    for (size_t i = 1; i < k; i++)
        if (name[i] != b->name[i]) return (unsigned char)name[i] - (unsigned char)b->name[i];
    return (n > b->len) - (n < b->len);
}

int32_t kr_builtin_lookup_n(const char *name, size_t n) {
    if (!n) return -1;
    size_t lo = 0, hi = NSORTED;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = bn_cmp(name, n, &builtin_names[mid]);
        if (c == 0) return (int32_t)mid;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    if (name[0] < 'A' || name[0] > 'Z') return -1; // the rest are capitalized
    for (size_t i = NSORTED; i < NBUILTINS; i++)
        if (builtin_names[i].len == n && memcmp(builtin_names[i].name, name, n) == 0) return (int32_t)i;
    if (n == 14 && memcmp(name, "NotImplemented", 14) == 0) return (int32_t)NBUILTINS;
    if (n == 8 && memcmp(name, "Ellipsis", 8) == 0) return (int32_t)NBUILTINS + 1;
    return -1;
}

int32_t kr_builtin_lookup(const char *name) { return kr_builtin_lookup_n(name, strlen(name)); }

const char *kr_builtin_name_of(const void *obj) {
    for (size_t i = 0; i < NBUILTINS; i++)
        if (builtin_names[i].obj == obj) return builtin_names[i].name;
    return NULL;
}

KrValue kr_builtin_names(KrRun *r) {
    KrValue l = kr_list_new(r, NBUILTINS);
    if (l == KR_EXC) return KR_EXC;
    for (size_t i = 0; i < NBUILTINS; i++) {
        KrValue s = kr_str_from_cstr(r, builtin_names[i].name);
        if (s == KR_EXC || !kr_list_append(r, kr_as_list(l), s)) return KR_EXC;
    }
    return l;
}

KrValue kr_builtin_value(int32_t index) {
    if (index == (int32_t)NBUILTINS) return KR_NOTIMPL;
    if (index == (int32_t)NBUILTINS + 1) return KR_ELLIPSIS;
    return kr_from_obj(builtin_names[index].obj);
}
