// exc.c: the built-in exception types (one generic layout, KrExc, for the
// whole hierarchy listed in excs.def) and raising from C.
#include <inttypes.h>
#include <stdio.h>
#include "../types.h"
#include "class.h"
#include "../runsnap.h"

static const KrSnapOps exc_snap;

static void exc_trace(KrRun *r, KrObj *o) {
    KrExc *e = (KrExc *)o;
    kr_gc_mark(r, e->args);
    kr_gc_mark(r, e->cause);
    kr_gc_mark(r, e->context);
    kr_gc_mark_obj(r, (KrObj *)e->tb);
    kr_gc_mark(r, e->dict);
    kr_gc_mark(r, e->notes);
    kr_gc_mark(r, e->hint);
    kr_gc_mark(r, e->hint_obj);
    kr_gc_mark(r, e->hint_name);
    kr_gc_mark(r, e->attrs);
}

KrValue kr_exc_new(KrRun *r, const KrType *t, KrValue args_tuple) {
    KrExc *e = kr_gc_alloc(r, t, sizeof(KrExc));
    if (!e) return KR_EXC;
    e->args = args_tuple;
    e->cause = KR_NONE;
    e->context = KR_NONE;
    e->suppress_context = false;
    e->tb = NULL;
    e->dict = KR_NULL;
    e->notes = KR_NULL;
    e->hint = e->hint_obj = e->hint_name = KR_NULL;
    e->attrs = KR_NULL;
    return kr_from_obj(e);
}

// The keywords AttributeError (name, obj), NameError (name) and
// ImportError (name, path) take, stored where their attributes read them;
// other exception types take none. `tname` names the callable in errors.
static bool exc_keywords(KrRun *r, KrValue self, const KrValue *args, size_t argc, KrValue kwnames,
                         const char *tname) {
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    if (!nkw) return true;
    const KrValue *kwvals = args + argc; // only now: args may be NULL when empty
    KrExc *e = (KrExc *)kr_as_obj(self);
    const KrType *t = e->ob.type;
    bool attr = kr_type_is_subtype(t, &kr_exc_AttributeError), imp = kr_type_is_subtype(t, &kr_exc_ImportError);
    if (!attr && !imp && !kr_type_is_subtype(t, &kr_exc_NameError)) {
        kr_raise(r, &kr_exc_TypeError, "%s() takes no keyword arguments", tname);
        return false;
    }
    for (size_t i = 0; i < nkw; i++) {
        KrStr *name = kr_as_str(kr_as_tuple(kwnames)->items[i]);
        bool is_name = kr_str_eq_cstr(name, "name");
        if (imp && (is_name || kr_str_eq_cstr(name, "path"))) {
            if (kr_exc_type_setattr(r, self, name, kwvals[i]) == KR_EXC) return false;
        } else if (is_name) {
            e->hint_name = kwvals[i];
        } else if (attr && kr_str_eq_cstr(name, "obj")) {
            e->hint_obj = kwvals[i];
        } else {
            kr_raise(r, &kr_exc_TypeError, "'%s' is an invalid keyword argument for %s()", name->data, tname);
            return false;
        }
    }
    return true;
}

bool kr_exc_init_keywords(KrRun *r, KrValue self, const KrValue *args, size_t argc, KrValue kwnames) {
    return exc_keywords(r, self, args, argc, kwnames, kr_type_name(self));
}

static KrValue exc_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                             KrValue kwnames) {
    KrValue tup = kr_tuple_from_array(r, args, argc);
    KrValue e = tup == KR_EXC ? KR_EXC : kr_exc_new(r, t, tup);
    if (e == KR_EXC) return KR_EXC;
    kr_root_push(r, &e);
    bool ok = exc_keywords(r, e, args, argc, kwnames, t->name);
    kr_root_pop(r, 1);
    return ok ? e : KR_EXC;
}

KrValue kr_exc_str(KrRun *r, KrValue exc) {
    KrExc *e = (KrExc *)kr_as_obj(exc);
    KrTuple *a = kr_as_tuple(e->args);
    if (a->len == 0) return kr_str_new(r, "", 0);
    if (a->len == 1) return kr_str(r, a->items[0]);
    return kr_repr(r, e->args);
}

// KeyError shows a lone key as its repr. ImportError's str() is the base
// one, but its own: str() of a class deriving from both takes whichever
// comes first in the MRO (class.c), as CPython's __str__ lookup does.
static KrValue keyerr_str(KrRun *r, KrValue exc) {
    KrTuple *a = kr_as_tuple(((KrExc *)kr_as_obj(exc))->args);
    return a->len == 1 ? kr_repr(r, a->items[0]) : kr_exc_str(r, exc);
}
static KrValue imperr_str(KrRun *r, KrValue exc) { return kr_exc_str(r, exc); }

static KrValue exc_repr(KrRun *r, KrValue exc) {
    KrExc *e = (KrExc *)kr_as_obj(exc);
    KrTuple *a = kr_as_tuple(e->args);
    KrValue inner = a->len == 1 ? kr_repr(r, a->items[0]) : kr_repr(r, e->args);
    if (inner == KR_EXC) return KR_EXC;
    KrStr *s = kr_as_str(inner);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_append_str(&b, e->ob.type->name);
    if (a->len == 1) ok = ok && kr_buf_append_char(&b, '(') && kr_buf_append(&b, s->data, s->nbytes) &&
                          kr_buf_append_char(&b, ')');
    else ok = ok && kr_buf_append(&b, s->data, s->nbytes);
    KrValue out = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return out;
}

static KrValue exc_get_args(KrRun *r, KrValue self) {
    (void)r;
    return ((KrExc *)kr_as_obj(self))->args;
}
static KrValue exc_get_cause(KrRun *r, KrValue self) {
    (void)r;
    return ((KrExc *)kr_as_obj(self))->cause;
}
static KrValue exc_get_context(KrRun *r, KrValue self) {
    (void)r;
    return ((KrExc *)kr_as_obj(self))->context;
}
static KrValue exc_get_suppress(KrRun *r, KrValue self) {
    (void)r;
    return kr_bool(((KrExc *)kr_as_obj(self))->suppress_context);
}
// Traceback objects would expose frames: krait shows None instead.
static KrValue exc_get_traceback(KrRun *r, KrValue self) {
    (void)r;
    KrTraceback *tb = ((KrExc *)kr_as_obj(self))->tb;
    return tb ? kr_from_obj(tb) : KR_NONE;
}

// A traceback object or None (what __traceback__ and with_traceback take).
static bool exc_set_tb(KrRun *r, KrExc *e, KrValue v) {
    if (v != KR_NONE && !kr_is_type(v, &kr_type_traceback)) {
        kr_raise(r, &kr_exc_TypeError, "__traceback__ must be a traceback or None");
        return false;
    }
    e->tb = v == KR_NONE ? NULL : (KrTraceback *)kr_as_obj(v);
    return true;
}
static KrValue exc_first_arg(KrRun *r, KrValue self) {
    (void)r;
    KrTuple *a = kr_as_tuple(((KrExc *)kr_as_obj(self))->args);
    return a->len ? a->items[0] : KR_NONE;
}

// The generic table; KeyError and ImportError have it under their own
// names, which give them their own str() (KR_EXC_FAMILY).
#define KR_EXC_PLAIN_GETSETS(NAME)                    \
    static const KrGetSetDef NAME[] = {               \
        {"args", exc_get_args},                       \
        {"__cause__", exc_get_cause},                 \
        {"__context__", exc_get_context},             \
        {"__suppress_context__", exc_get_suppress},   \
        {"__traceback__", exc_get_traceback},         \
        {NULL, NULL},                                 \
    }
KR_EXC_PLAIN_GETSETS(exc_getsets);
KR_EXC_PLAIN_GETSETS(keyerr_getsets);
KR_EXC_PLAIN_GETSETS(imperr_getsets);


// StopIteration.value, SystemExit.code: the first argument.
static const KrGetSetDef stopiter_getsets[] = {
    {"value", exc_first_arg},
    {"args", exc_get_args},
    {"__cause__", exc_get_cause},
    {"__context__", exc_get_context},
    {"__suppress_context__", exc_get_suppress},
    {"__traceback__", exc_get_traceback},
    {NULL, NULL},
};
// SystemExit.code: None, the argument, or all of them (CPython's __init__).
static KrValue exc_get_exit_code(KrRun *r, KrValue self) {
    KrValue args = ((KrExc *)kr_as_obj(self))->args;
    return kr_as_tuple(args)->len > 1 ? args : exc_first_arg(r, self);
}
static const KrGetSetDef sysexit_getsets[] = {
    {"code", exc_get_exit_code},
    {"args", exc_get_args},
    {"__cause__", exc_get_cause},
    {"__context__", exc_get_context},
    {"__suppress_context__", exc_get_suppress},
    {"__traceback__", exc_get_traceback},
    {NULL, NULL},
};

// Attributes set on an exception instance live in its dict; the built-in
// ones (args, __cause__, ...) are stored in their fields.
static KrValue exc_getattr(KrRun *r, KrValue o, KrStr *name) {
    KrExc *e = (KrExc *)kr_as_obj(o);
    if (e->dict != KR_NULL) {
        KrValue v;
        int found = kr_dict_get(r, kr_as_dict(e->dict), kr_from_obj(name), &v);
        if (found < 0) return KR_EXC;
        if (found) return v;
    }
    if (kr_str_eq_cstr(name, "__dict__")) {
        if (e->dict == KR_NULL) {
            KrValue d = kr_dict_new(r);
            if (d == KR_EXC) return KR_EXC;
            e->dict = d;
        }
        return e->dict;
    }
    if (kr_str_eq_cstr(name, "__notes__") && e->notes != KR_NULL) return e->notes;
    KrValue v = kr_exc_special_attr(e, name);
    if (v != KR_NULL) return v;
    v = kr_generic_getattr(r, o, name);
    if (v != KR_NULL) return v;
    return kr_raise_attr_error(r, o, name, "'%s' object has no attribute '%s'", e->ob.type->name, name->data);
}

KrValue kr_exc_special_attr(KrExc *e, KrStr *name) {
    // NameError.name, AttributeError.name and .obj: what the lookup missed
    bool name_err = kr_type_is_subtype(e->ob.type, &kr_exc_NameError);
    if ((name_err || kr_type_is_subtype(e->ob.type, &kr_exc_AttributeError)) && kr_str_eq_cstr(name, "name"))
        return e->hint_name != KR_NULL ? e->hint_name : KR_NONE;
    if (!name_err && kr_type_is_subtype(e->ob.type, &kr_exc_AttributeError) && kr_str_eq_cstr(name, "obj"))
        return e->hint_obj != KR_NULL ? e->hint_obj : KR_NONE;
    if (kr_type_is_subtype(e->ob.type, &kr_exc_ImportError)) {
        // ImportError's name, path and msg default to None / the message
        if (kr_str_eq_cstr(name, "name") || kr_str_eq_cstr(name, "path")) return KR_NONE;
        if (kr_str_eq_cstr(name, "msg")) {
            KrTuple *a = kr_as_tuple(e->args);
            return a->len == 1 ? a->items[0] : KR_NONE;
        }
    }
    return KR_NULL;
}

static bool exc_check_exc_or_none(KrRun *r, KrValue v, const char *what) {
    if (v == KR_NONE || (kr_typeof(v)->flags & KR_TF_EXC)) return true;
    kr_raise(r, &kr_exc_TypeError, "exception %s must be None or derive from BaseException", what);
    return false;
}

static KrValue uexc_setattr(KrRun *r, KrExc *e, KrStr *name, KrValue v);

KrValue kr_exc_type_setattr(KrRun *r, KrValue o, KrStr *name, KrValue v) {
    KrExc *e = (KrExc *)kr_as_obj(o);
    KrValue res = uexc_setattr(r, e, name, v); // UnicodeError's and OSError's own
    if (res != KR_NULL) return res;
    if (v != KR_NULL) {
        if (kr_str_eq_cstr(name, "__cause__")) {
            if (!exc_check_exc_or_none(r, v, "cause")) return KR_EXC;
            e->cause = v;
            e->suppress_context = true;
            return KR_NONE;
        }
        if (kr_str_eq_cstr(name, "__context__")) {
            if (!exc_check_exc_or_none(r, v, "context")) return KR_EXC;
            e->context = v;
            return KR_NONE;
        }
        if (kr_str_eq_cstr(name, "__suppress_context__")) {
            int t = kr_truth(r, v);
            if (t < 0) return KR_EXC;
            e->suppress_context = t;
            return KR_NONE;
        }
        if (kr_str_eq_cstr(name, "args")) {
            KrValue t = kr_tuple_from_iter(r, v);
            if (t == KR_EXC) return KR_EXC;
            e->args = t;
            return KR_NONE;
        }
        if (kr_str_eq_cstr(name, "__traceback__")) return exc_set_tb(r, e, v) ? KR_NONE : KR_EXC;
    }
    if (e->dict == KR_NULL) {
        if (v == KR_NULL) return kr_raise(r, &kr_exc_AttributeError, "%s", name->data);
        KrValue d = kr_dict_new(r);
        if (d == KR_EXC) return KR_EXC;
        e->dict = d;
    }
    if (v == KR_NULL) {
        int d = kr_dict_del(r, kr_as_dict(e->dict), kr_from_obj(name));
        if (d < 0) return KR_EXC;
        return d ? KR_NONE : kr_raise(r, &kr_exc_AttributeError, "%s", name->data);
    }
    return kr_dict_set(r, kr_as_dict(e->dict), kr_from_obj(name), v) ? KR_NONE : KR_EXC;
}

static KrValue exc_with_traceback(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                  KrValue kwnames) {
    if (!kr_args_no_kw(r, "with_traceback", kwnames) ||
        !kr_args_count(r, "with_traceback", argc, 1, 1))
        return KR_EXC;
    return exc_set_tb(r, (KrExc *)kr_as_obj(self), args[0]) ? self : KR_EXC;
}

static KrValue exc_add_note(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                            KrValue kwnames) {
    if (!kr_args_no_kw(r, "add_note", kwnames) || !kr_args_count(r, "add_note", argc, 1, 1))
        return KR_EXC;
    if (!kr_is_str(args[0]))
        return kr_raise(r, &kr_exc_TypeError, "note must be a str, not '%s'", kr_type_name(args[0]));
    KrExc *e = (KrExc *)kr_as_obj(self);
    if (e->notes == KR_NULL) {
        e->notes = kr_list_new(r, 1);
        if (e->notes == KR_EXC) {
            e->notes = KR_NULL;
            return KR_EXC;
        }
    }
    return kr_list_append(r, kr_as_list(e->notes), args[0]) ? KR_NONE : KR_EXC;
}

// BaseException.__init__(self, *args): what super().__init__(msg) in a
// user exception class reaches.
static KrValue exc_init(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!exc_keywords(r, self, args, argc, kwnames, kr_type_name(self))) return KR_EXC;
    KrValue tup = kr_tuple_from_array(r, args, argc);
    if (tup == KR_EXC) return KR_EXC;
    ((KrExc *)kr_as_obj(self))->args = tup;
    return KR_NONE;
}

static const KrMethodDef exc_methods[] = {
    {"__init__", exc_init, 0},
    {"with_traceback", exc_with_traceback, 0},
    {"add_note", exc_add_note, 0},
    {NULL, NULL, 0},
};

// ---- UnicodeError and OSError attributes ------------------------------------------
// CPython keeps these exceptions' attributes in C fields, apart from args:
// krait keeps them in KrExc.attrs, slot i holding the i-th attribute of the
// family's table below. Each family has its own constructor, __init__ and
// str(); a class deriving from one of these types has it as its layout.

static const KrType *uexc_layout(const KrType *t) { return t->flags & KR_TF_HEAP ? t->layout : t; }

// The attrs tuple of e (n slots, KR_NULL: not set), made on first use.
static KrTuple *uexc_attrs(KrRun *r, KrExc *e, size_t n) {
    if (e->attrs == KR_NULL) {
        KrValue t = kr_tuple_new(r, n);
        if (t == KR_EXC) return NULL;
        for (size_t i = 0; i < n; i++) kr_as_tuple(t)->items[i] = KR_NULL;
        e->attrs = t;
    }
    return kr_as_tuple(e->attrs);
}

static KrValue uexc_attr(KrValue self, size_t i) {
    KrValue a = ((KrExc *)kr_as_obj(self))->attrs;
    return a == KR_NULL ? KR_NULL : kr_as_tuple(a)->items[i];
}

// An object attribute never set (or deleted) reads as None, as CPython's
// T_OBJECT members do.
static KrValue uexc_attr_or_none(KrValue self, size_t i) {
    KrValue v = uexc_attr(self, i);
    return v == KR_NULL ? KR_NONE : v;
}

// A class whose own __init__ replaces the built-in one parses the
// arguments there; the constructor then only keeps them (CPython does the
// parsing in tp_init for UnicodeError, and defers OSError's to it).
static bool uexc_init_overridden(KrRun *r, const KrType *t) {
    static const KrStr init_name = KR_STATIC_STR("__init__");
    KrLookup lk;
    return (t->flags & KR_TF_HEAP) && kr_type_lookup(r, t, (KrStr *)&init_name, &lk) &&
           lk.value != KR_NULL;
}

// ---- UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError ----

enum { UEXC_ENCODING, UEXC_OBJECT, UEXC_START, UEXC_END, UEXC_REASON, UEXC_NATTRS };
typedef enum { UEXC_DECODE, UEXC_ENCODE, UEXC_TRANSLATE } UexcKind;

static UexcKind uexc_kind(const KrType *t) {
    t = uexc_layout(t);
    return t == &kr_exc_UnicodeDecodeError   ? UEXC_DECODE
           : t == &kr_exc_UnicodeEncodeError ? UEXC_ENCODE
                                             : UEXC_TRANSLATE;
}

// start and end are C integers in CPython: 0 until set.
static int64_t uexc_index(KrValue self, size_t i) {
    KrValue v = uexc_attr(self, i);
    int64_t x = 0;
    if (v != KR_NULL && !kr_int_to_i64(v, &x)) x = 0; // only in-range ints are stored
    return x;
}

static KrValue uexc_get_encoding(KrRun *r, KrValue self) {
    (void)r;
    return uexc_attr_or_none(self, UEXC_ENCODING);
}
static KrValue uexc_get_object(KrRun *r, KrValue self) {
    (void)r;
    return uexc_attr_or_none(self, UEXC_OBJECT);
}
static KrValue uexc_get_start(KrRun *r, KrValue self) {
    return kr_int_from_i64(r, uexc_index(self, UEXC_START));
}
static KrValue uexc_get_end(KrRun *r, KrValue self) {
    return kr_int_from_i64(r, uexc_index(self, UEXC_END));
}
static KrValue uexc_get_reason(KrRun *r, KrValue self) {
    (void)r;
    return uexc_attr_or_none(self, UEXC_REASON);
}

// In attrs slot order.
static const KrGetSetDef uexc_getsets[] = {
    {"encoding", uexc_get_encoding},
    {"object", uexc_get_object},
    {"start", uexc_get_start},
    {"end", uexc_get_end},
    {"reason", uexc_get_reason},
    {NULL, NULL},
};

// "argument 2 must be str, not bytes": CPython's argument parser.
static bool uexc_want_str(KrRun *r, KrValue v, size_t pos) {
    if (kr_is_str(v)) return true;
    kr_raise(r, &kr_exc_TypeError, "argument %zu must be str, not %s", pos,
             kr_arg_type_name(v));
    return false;
}

// __init__'s work: (encoding, object, start, end, reason), without the
// encoding for UnicodeTranslateError, checked in CPython's order (a decode
// error's object last). Stores nothing until all are valid: __index__ may
// run Python code.
static bool uexc_parse(KrRun *r, KrValue self, size_t argc, const KrValue *args) {
    KrExc *e = (KrExc *)kr_as_obj(self);
    UexcKind kind = uexc_kind(e->ob.type);
    size_t off = kind == UEXC_TRANSLATE ? 0 : 1, n;
    int64_t start, end;
    const uint8_t *data;
    if (argc != off + 4) {
        kr_raise(r, &kr_exc_TypeError, "function takes exactly %zu arguments (%zu given)", off + 4, argc);
        goto fail;
    }
    // The first argument is the encoding, or the translated str.
    if (!uexc_want_str(r, args[0], 1) || (kind == UEXC_ENCODE && !uexc_want_str(r, args[1], 2)) ||
        !kr_index(r, args[off + 1], &start) || !kr_index(r, args[off + 2], &end) ||
        !uexc_want_str(r, args[off + 3], off + 4))
        goto fail;
    if (kind == UEXC_DECODE && !kr_bytes_view(args[1], &data, &n)) {
        kr_raise(r, &kr_exc_TypeError, "a bytes-like object is required, not '%s'", kr_type_name(args[1]));
        goto fail;
    }
    KrValue sv = kr_int_from_i64(r, start), ev = kr_int_from_i64(r, end);
    KrTuple *t = sv == KR_EXC || ev == KR_EXC ? NULL : uexc_attrs(r, e, UEXC_NATTRS);
    if (!t) return false;
    t->items[UEXC_ENCODING] = off ? args[0] : KR_NULL;
    t->items[UEXC_OBJECT] = args[off];
    t->items[UEXC_START] = sv;
    t->items[UEXC_END] = ev;
    t->items[UEXC_REASON] = args[off + 3];
    return true;
fail:
    // CPython leaves a failed __init__'s object fields empty.
    if (e->attrs != KR_NULL) {
        KrValue *it = kr_as_tuple(e->attrs)->items;
        it[UEXC_ENCODING] = it[UEXC_OBJECT] = it[UEXC_REASON] = KR_NULL;
    }
    return false;
}

static KrValue uexc_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                              KrValue kwnames) {
    KrValue e = exc_construct(r, t, argc, args, kwnames);
    if (e == KR_EXC || uexc_init_overridden(r, t)) return e;
    kr_root_push(r, &e);
    bool ok = uexc_parse(r, e, argc, args);
    kr_root_pop(r, 1);
    return ok ? e : KR_EXC;
}

// UnicodeXxxError.__init__: BaseException's, then the parsing.
static KrValue uexc_init(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (exc_init(r, self, argc, args, kwnames) == KR_EXC) return KR_EXC;
    return uexc_parse(r, self, argc, args) ? KR_NONE : KR_EXC;
}

// The rest (with_traceback, add_note) comes from the base types.
static const KrMethodDef uexc_methods[] = {
    {"__init__", uexc_init, 0},
    {NULL, NULL, 0},
};

// str(v) of an attribute that may have been replaced by any object;
// "<NULL>" for a deleted one, as CPython's PyObject_Str(NULL).
static KrValue uexc_part_str(KrRun *r, KrValue self, size_t i) {
    KrValue v = uexc_attr(self, i);
    return v == KR_NULL ? kr_str_from_cstr(r, "<NULL>") : kr_str(r, v);
}

// A KrBuf failure: the run's allocator has raised, except on a size
// overflow inside the buffer.
static KrValue uexc_buf_fail(KrRun *r) {
    if (!r->limit_hit && r->exc == KR_NULL) return kr_raise_value(r, kr_from_obj(&kr_exc_MemoryError));
    return KR_EXC;
}

// The middle of the message, from the current object/start/end. A single
// position inside the object names the byte or character; anything else
// gives the range form (CPython would read outside the object).
static bool uexc_format(KrRun *r, KrBuf *b, KrValue self, UexcKind kind) {
    static const char *const verbs[] = {"decode", "encode", "translate"};
    KrValue obj = uexc_attr(self, UEXC_OBJECT);
    int64_t start = uexc_index(self, UEXC_START), end = uexc_index(self, UEXC_END);
    int64_t last = end == INT64_MIN ? INT64_MAX : end - 1; // CPython's end-1 wraps
    const uint8_t *data;
    size_t n;
    if (kind == UEXC_DECODE) {
        if (!kr_bytes_view(obj, &data, &n)) {
            kr_raise(r, &kr_exc_TypeError, "object attribute must be bytes");
            return false;
        }
        if (start >= 0 && (uint64_t)start < n && end == start + 1)
            return kr_buf_printf(b, "can't decode byte 0x%02x in position %" PRId64 ": ", data[start], start);
        return kr_buf_printf(b, "can't decode bytes in position %" PRId64 "-%" PRId64 ": ", start, last);
    }
    if (!kr_is_str(obj)) {
        kr_raise(r, &kr_exc_TypeError, "object attribute must be unicode");
        return false;
    }
    const KrStr *s = kr_as_str(obj);
    if (start >= 0 && (uint64_t)start < s->len && end == start + 1) {
        uint32_t c = 0;
        if (s->len == s->nbytes) {
            c = (uint8_t)s->data[start];
        } else {
            size_t i = 0;
            for (int64_t k = 0; k <= start; k++) c = kr_utf8_decode(s->data, s->nbytes, &i);
        }
        char esc[16];
        const char *fmt = c < 0x100 ? "\\x%02" PRIx32 : c < 0x10000 ? "\\u%04" PRIx32 : "\\U%08" PRIx32;
        snprintf(esc, sizeof esc, fmt, c);
        return kr_buf_printf(b, "can't %s character '%s' in position %" PRId64 ": ", verbs[kind], esc,
                             start);
    }
    return kr_buf_printf(b, "can't %s characters in position %" PRId64 "-%" PRId64 ": ", verbs[kind], start,
                         last);
}

static KrValue uexc_message(KrRun *r, KrValue self, UexcKind kind, KrValue enc, KrValue reason) {
    if (uexc_attr(self, UEXC_OBJECT) == KR_NULL) return kr_str_new(r, "", 0); // deleted by a __str__
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = true;
    if (enc != KR_NULL) {
        const KrStr *es = kr_as_str(enc);
        ok = kr_buf_append_char(&b, '\'') && kr_buf_append(&b, es->data, es->nbytes) &&
             kr_buf_append_str(&b, "' codec ");
    }
    const KrStr *rs = kr_as_str(reason);
    ok = ok && uexc_format(r, &b, self, kind) && kr_buf_append(&b, rs->data, rs->nbytes);
    KrValue out = ok ? kr_str_from_buf(r, &b) : uexc_buf_fail(r);
    kr_buf_free(&b);
    return out;
}

static KrValue uexc_str(KrRun *r, KrValue self) {
    UexcKind kind = uexc_kind(kr_typeof(self));
    if (uexc_attr(self, UEXC_OBJECT) == KR_NULL) return kr_str_new(r, "", 0); // not initialized
    // reason first, then encoding, as CPython converts them
    KrValue reason = KR_NULL, enc = KR_NULL, out = KR_EXC;
    kr_root_push(r, &reason);
    kr_root_push(r, &enc);
    reason = uexc_part_str(r, self, UEXC_REASON);
    if (reason != KR_EXC && kind != UEXC_TRANSLATE) enc = uexc_part_str(r, self, UEXC_ENCODING);
    if (reason != KR_EXC && enc != KR_EXC) out = uexc_message(r, self, kind, enc, reason);
    kr_root_pop(r, 2);
    return out;
}

// Made by the codecs: args and attributes (encoding, object, start, end,
// reason) as CPython's codecs give them.
static KrValue uexc_raise(KrRun *r, const KrType *t, const char *encoding, KrValue obj, size_t start,
                          size_t end, const char *reason) {
    KrValue v[UEXC_NATTRS];
    v[UEXC_ENCODING] = kr_str_from_cstr(r, encoding);
    v[UEXC_OBJECT] = obj;
    v[UEXC_START] = kr_int_from_i64(r, (int64_t)start);
    v[UEXC_END] = kr_int_from_i64(r, (int64_t)end);
    v[UEXC_REASON] = kr_str_from_cstr(r, reason);
    for (size_t i = 0; i < UEXC_NATTRS; i++)
        if (v[i] == KR_EXC) return KR_EXC;
    KrValue args = kr_tuple_from_array(r, v, UEXC_NATTRS);
    KrValue attrs = args == KR_EXC ? KR_EXC : kr_tuple_from_array(r, v, UEXC_NATTRS);
    KrValue e = attrs == KR_EXC ? KR_EXC : kr_exc_new(r, t, args);
    if (e == KR_EXC) return KR_EXC;
    ((KrExc *)kr_as_obj(e))->attrs = attrs;
    r->exc = e;
    return KR_EXC;
}

KrValue kr_raise_unicode_decode(KrRun *r, const char *encoding, const void *data, size_t n, size_t start,
                                size_t end, const char *reason) {
    if (r->limit_hit) return KR_EXC;
    KrValue obj = kr_bytes_new(r, data, n);
    if (obj == KR_EXC) return KR_EXC;
    return uexc_raise(r, &kr_exc_UnicodeDecodeError, encoding, obj, start, end, reason);
}

KrValue kr_raise_unicode_encode(KrRun *r, const char *encoding, KrValue str_obj, size_t start, size_t end,
                                const char *reason) {
    if (r->limit_hit) return KR_EXC;
    return uexc_raise(r, &kr_exc_UnicodeEncodeError, encoding, str_obj, start, end, reason);
}

// ---- OSError and its subclasses ----

enum { OEXC_ERRNO, OEXC_STRERROR, OEXC_FILENAME, OEXC_FILENAME2, OEXC_NATTRS };

static KrValue oexc_get_errno(KrRun *r, KrValue self) {
    (void)r;
    return uexc_attr_or_none(self, OEXC_ERRNO);
}
static KrValue oexc_get_strerror(KrRun *r, KrValue self) {
    (void)r;
    return uexc_attr_or_none(self, OEXC_STRERROR);
}
static KrValue oexc_get_filename(KrRun *r, KrValue self) {
    (void)r;
    return uexc_attr_or_none(self, OEXC_FILENAME);
}
static KrValue oexc_get_filename2(KrRun *r, KrValue self) {
    (void)r;
    return uexc_attr_or_none(self, OEXC_FILENAME2);
}

// In attrs slot order.
static const KrGetSetDef oexc_getsets[] = {
    {"errno", oexc_get_errno},
    {"strerror", oexc_get_strerror},
    {"filename", oexc_get_filename},
    {"filename2", oexc_get_filename2},
    {NULL, NULL},
};

// OSError(errno, strerror) makes the subclass for errno, with Linux's
// numbers, as CPython there.
static const KrType *oexc_errno_type(KrValue v) {
    static const struct {
        int64_t err;
        const KrType *type;
    } map[] = {
        {1, &kr_exc_PermissionError},          {2, &kr_exc_FileNotFoundError},
        {3, &kr_exc_ProcessLookupError},       {4, &kr_exc_InterruptedError},
        {10, &kr_exc_ChildProcessError},       {11, &kr_exc_BlockingIOError},
        {13, &kr_exc_PermissionError},         {17, &kr_exc_FileExistsError},
        {20, &kr_exc_NotADirectoryError},      {21, &kr_exc_IsADirectoryError},
        {32, &kr_exc_BrokenPipeError},         {103, &kr_exc_ConnectionAbortedError},
        {104, &kr_exc_ConnectionResetError},   {108, &kr_exc_BrokenPipeError},
        {110, &kr_exc_TimeoutError},           {111, &kr_exc_ConnectionRefusedError},
        {114, &kr_exc_BlockingIOError},        {115, &kr_exc_BlockingIOError},
    };
    int64_t err;
    if (!kr_is_int(v) || !kr_int_to_i64(v, &err)) return NULL;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].err == err) return map[i].type;
    return NULL;
}

// CPython's oserror_parse_args + oserror_init: with 2 to 5 arguments they
// are (errno, strerror, filename, winerror, filename2), and a filename
// drops all but the first two from args. The fields are all rewritten.
static bool oexc_fill(KrRun *r, KrValue self, size_t argc, const KrValue *args) {
    KrExc *e = (KrExc *)kr_as_obj(self);
    KrValue v[OEXC_NATTRS] = {KR_NULL, KR_NULL, KR_NULL, KR_NULL};
    size_t keep = argc;
    if (argc >= 2 && argc <= 5) {
        v[OEXC_ERRNO] = args[0];
        v[OEXC_STRERROR] = args[1];
        if (argc >= 3 && args[2] != KR_NONE) {
            v[OEXC_FILENAME] = args[2];
            if (argc == 5 && args[4] != KR_NONE) v[OEXC_FILENAME2] = args[4];
            keep = 2;
        }
    }
    KrValue tup = kr_tuple_from_array(r, args, keep);
    if (tup == KR_EXC) return false;
    e->args = tup;
    if (e->attrs == KR_NULL && v[OEXC_ERRNO] == KR_NULL) return true; // nothing to store
    KrTuple *t = uexc_attrs(r, e, OEXC_NATTRS);
    if (!t) return false;
    for (size_t i = 0; i < OEXC_NATTRS; i++) t->items[i] = v[i];
    return true;
}

static KrValue oexc_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                              KrValue kwnames) {
    KrValue none = kr_from_obj(&kr_empty_tuple);
    if (uexc_init_overridden(r, t)) return kr_exc_new(r, t, none);
    if (kwnames != KR_NULL && kr_as_tuple(kwnames)->len)
        return kr_raise(r, &kr_exc_TypeError, "%s() takes no keyword arguments", t->name);
    if (t == &kr_exc_OSError && argc >= 2 && argc <= 5) {
        const KrType *sub = oexc_errno_type(args[0]);
        if (sub) t = sub;
    }
    KrValue e = kr_exc_new(r, t, none);
    if (e == KR_EXC) return KR_EXC;
    return oexc_fill(r, e, argc, args) ? e : KR_EXC;
}

// OSError.__init__ only works for a class with its own __init__ (which
// calls it through super()); otherwise the constructor has done it all.
static KrValue oexc_init(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!uexc_init_overridden(r, kr_typeof(self))) return KR_NONE;
    if (kwnames != KR_NULL && kr_as_tuple(kwnames)->len)
        return kr_raise(r, &kr_exc_TypeError, "%s() takes no keyword arguments", kr_type_name(self));
    return oexc_fill(r, self, argc, args) ? KR_NONE : KR_EXC;
}

static const KrMethodDef oexc_methods[] = {
    {"__init__", oexc_init, 0},
    {NULL, NULL, 0},
};

// "[Errno 2] No such file: 'x'" (str of errno and strerror, repr of the
// file names); without a file name and errno or strerror, BaseException's.
static KrValue oexc_str(KrRun *r, KrValue self) {
    if (uexc_attr(self, OEXC_FILENAME) == KR_NULL &&
        (uexc_attr(self, OEXC_ERRNO) == KR_NULL || uexc_attr(self, OEXC_STRERROR) == KR_NULL))
        return kr_exc_str(r, self);
    // A snapshot, rooted: __str__/__repr__ may change the attributes.
    KrValue v[OEXC_NATTRS];
    for (size_t i = 0; i < OEXC_NATTRS; i++) v[i] = uexc_attr(self, i);
    size_t n = v[OEXC_FILENAME] == KR_NULL ? 2 : v[OEXC_FILENAME2] == KR_NULL ? 3 : 4;
    for (size_t i = 0; i < OEXC_NATTRS; i++) kr_root_push(r, &v[i]);
    KrValue out = KR_EXC;
    size_t done = 0;
    for (; done < n; done++) {
        KrValue x = v[done] == KR_NULL ? KR_NONE : v[done];
        v[done] = done < 2 ? kr_str(r, x) : kr_repr(r, x);
        if (v[done] == KR_EXC) break;
    }
    if (done == n) {
        static const char *const seps[] = {"[Errno ", "] ", ": ", " -> "};
        KrBuf b;
        kr_buf_init(&b, kr_run_allocator(r));
        bool ok = true;
        for (size_t i = 0; ok && i < n; i++) {
            const KrStr *s = kr_as_str(v[i]);
            ok = kr_buf_append_str(&b, seps[i]) && kr_buf_append(&b, s->data, s->nbytes);
        }
        out = ok ? kr_str_from_buf(r, &b) : uexc_buf_fail(r);
        kr_buf_free(&b);
    }
    kr_root_pop(r, OEXC_NATTRS);
    return out;
}

// ---- storing the attributes ----

// Sets or deletes (v KR_NULL) an attribute of the family's table (its
// index there is its slot in attrs); KR_NULL when name is not one of them.
// start and end are C integers in CPython: ints only, never deleted.
static KrValue uexc_setattr(KrRun *r, KrExc *e, KrStr *name, KrValue v) {
    const KrGetSetDef *table = uexc_layout(e->ob.type)->getsets;
    if (table != uexc_getsets && table != oexc_getsets) return KR_NULL;
    size_t i = 0;
    while (table[i].name && !kr_str_eq_cstr(name, table[i].name)) i++;
    if (!table[i].name) return KR_NULL;
    if (table == uexc_getsets && (i == UEXC_START || i == UEXC_END)) {
        int64_t x;
        if (v == KR_NULL) return kr_raise(r, &kr_exc_TypeError, "can't delete numeric/char attribute");
        if (!kr_is_int(v)) return kr_raise(r, &kr_exc_TypeError, "an integer is required");
        if (!kr_int_to_i64(v, &x))
            return kr_raise(r, &kr_exc_OverflowError, "Python int too large to convert to C ssize_t");
        v = kr_int_from_i64(r, x); // a plain int (True reads back as 1)
        if (v == KR_EXC) return KR_EXC;
    }
    KrTuple *t = uexc_attrs(r, e, table == uexc_getsets ? UEXC_NATTRS : OEXC_NATTRS);
    if (!t) return KR_EXC;
    t->items[i] = v;
    return KR_NONE;
}

// ---- run snapshots ----------------------------------------------------------------------------
// An exception record: its private attrs inline (slots may be KR_NULL, so
// they are not a tuple a value could name), then its fields.

static size_t exc_family_nattrs(const KrType *t) {
    const KrGetSetDef *table = uexc_layout(t)->getsets;
    return table == uexc_getsets ? UEXC_NATTRS : table == oexc_getsets ? OEXC_NATTRS : 0;
}

static bool exc_snap_write(KrRsWriter *w, const KrObj *o) {
    const KrExc *e = (const KrExc *)o;
    size_t n = e->attrs == KR_NULL ? 0 : kr_as_tuple(e->attrs)->len;
    kr_snap_put_uvar(kr_rs_out(w), n);
    for (size_t i = 0; i < n; i++) kr_rs_put_value(w, kr_as_tuple(e->attrs)->items[i]);
    return true;
}

static KrObj *exc_snap_read(KrRsReader *rd, const KrType *t) {
    uint64_t n = kr_snap_get_uvar(kr_rs_in(rd));
    if (!kr_snap_ok(kr_rs_in(rd))) return NULL;
    if (n && n != exc_family_nattrs(t)) return kr_rs_fail(rd, "bad exception attributes"), NULL;
    KrExc *e = kr_rs_alloc(rd, t, sizeof(KrExc));
    if (!e) return NULL;
    e->args = e->dict = e->notes = e->hint = e->hint_obj = e->hint_name = e->attrs = KR_NULL;
    e->cause = e->context = KR_NONE;
    e->suppress_context = false;
    e->tb = NULL;
    if (!n) return &e->ob;
    KrObj *a = kr_rs_made(rd, kr_tuple_new(kr_rs_run(rd), (size_t)n));
    if (!a) return NULL;
    e->attrs = kr_from_obj(a);
    for (size_t i = 0; i < n; i++) kr_rs_get_value(rd, &((KrTuple *)a)->items[i], KR_RS_ANY | KR_RS_NULL, NULL);
    return kr_snap_ok(kr_rs_in(rd)) ? &e->ob : NULL;
}

static const KrRsField exc_fields[] = {
    KR_RS_FIELD(KrExc, args, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_tuple),
    KR_RS_VAL(KrExc, cause),
    KR_RS_VAL(KrExc, context),
    KR_RS_SCALAR(KrExc, suppress_context, KR_RSF_BOOL),
    KR_RS_FIELD(KrExc, tb, KR_RSF_OBJ, KR_RS_EXACT | KR_RS_NULL, &kr_type_traceback),
    KR_RS_FIELD(KrExc, dict, KR_RSF_VALUE, KR_RS_EXACT | KR_RS_NULL, &kr_type_dict),
    KR_RS_FIELD(KrExc, notes, KR_RSF_VALUE, KR_RS_EXACT | KR_RS_NULL, &kr_type_list),
    KR_RS_FIELD(KrExc, hint, KR_RSF_VALUE, KR_RS_STR | KR_RS_NULL, NULL),
    KR_RS_VALN(KrExc, hint_obj),
    KR_RS_FIELD(KrExc, hint_name, KR_RSF_VALUE, KR_RS_STR | KR_RS_NULL, NULL),
    KR_RS_END,
};

// __cause__ and __context__ are exceptions or None.
static bool exc_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const KrExc *e = (const KrExc *)o;
    if (stage == 0) return true;
    bool ok = (e->cause == KR_NONE || kr_rs_value_ok(e->cause, KR_RS_EXC, NULL)) &&
              (e->context == KR_NONE || kr_rs_value_ok(e->context, KR_RS_EXC, NULL));
    return ok || kr_rs_fail(rd, "an exception caused by a non-exception");
}

static const KrSnapOps exc_snap = {exc_fields, exc_snap_write, exc_snap_read, exc_snap_finish};

#define KR_EXC_DEF(NAME, BASE)                                                            \
    const KrType kr_exc_##NAME = {                                                        \
        KR_STATIC_HEADER(&kr_type_type),                                                  \
        .name = #NAME,                                                                    \
        .base = KR_EXC_BASE_##BASE,                                                       \
        .flags = KR_TF_BASETYPE | KR_TF_EXC,                                              \
        .basic_size = sizeof(KrExc),                                                      \
        .trace = exc_trace,                                                               \
        .construct = KR_EXC_FAMILY(KR_EXC_GETSETS_##NAME, CONSTRUCT),                     \
        .repr = exc_repr,                                                                 \
        .str = KR_EXC_FAMILY(KR_EXC_GETSETS_##NAME, STR),                                 \
        .hash = kr_identity_hash,                                                         \
        .getsets = KR_EXC_GETSETS_##NAME,                                                 \
        .methods = KR_EXC_FAMILY(KR_EXC_GETSETS_##NAME, METHODS),                         \
        .getattr = exc_getattr,                                                           \
        .setattr = kr_exc_type_setattr,                                                   \
        .snap = &exc_snap,                                                                \
    };
// A type's attribute table also names its family, which picks the
// constructor, str() and methods: KR_EXC_FAMILY(uexc_getsets, STR) is
// KR_EXC_STR_uexc_getsets, that is uexc_str.
#define KR_EXC_FAMILY(GETSETS, WHAT) KR_EXC_FAMILY_(KR_EXC_##WHAT, GETSETS)
#define KR_EXC_FAMILY_(PREFIX, GETSETS) PREFIX##_##GETSETS
#define KR_EXC_CONSTRUCT_exc_getsets exc_construct
#define KR_EXC_STR_exc_getsets kr_exc_str
#define KR_EXC_METHODS_exc_getsets exc_methods
#define KR_EXC_CONSTRUCT_keyerr_getsets exc_construct
#define KR_EXC_STR_keyerr_getsets keyerr_str
#define KR_EXC_METHODS_keyerr_getsets exc_methods
#define KR_EXC_CONSTRUCT_imperr_getsets exc_construct
#define KR_EXC_STR_imperr_getsets imperr_str
#define KR_EXC_METHODS_imperr_getsets exc_methods
#define KR_EXC_CONSTRUCT_stopiter_getsets exc_construct
#define KR_EXC_STR_stopiter_getsets kr_exc_str
#define KR_EXC_METHODS_stopiter_getsets exc_methods
#define KR_EXC_CONSTRUCT_sysexit_getsets exc_construct
#define KR_EXC_STR_sysexit_getsets kr_exc_str
#define KR_EXC_METHODS_sysexit_getsets exc_methods
#define KR_EXC_CONSTRUCT_uexc_getsets uexc_construct
#define KR_EXC_STR_uexc_getsets uexc_str
#define KR_EXC_METHODS_uexc_getsets uexc_methods
#define KR_EXC_CONSTRUCT_oexc_getsets oexc_construct
#define KR_EXC_STR_oexc_getsets oexc_str
#define KR_EXC_METHODS_oexc_getsets oexc_methods
#define KR_EXC_BASE_object (&kr_type_object)
#define KR_EXC_BASE_BaseException (&kr_exc_BaseException)
#define KR_EXC_BASE_Exception (&kr_exc_Exception)
#define KR_EXC_BASE_ArithmeticError (&kr_exc_ArithmeticError)
#define KR_EXC_BASE_LookupError (&kr_exc_LookupError)
#define KR_EXC_BASE_ImportError (&kr_exc_ImportError)
#define KR_EXC_BASE_NameError (&kr_exc_NameError)
#define KR_EXC_BASE_OSError (&kr_exc_OSError)
#define KR_EXC_BASE_ConnectionError (&kr_exc_ConnectionError)
#define KR_EXC_BASE_RuntimeError (&kr_exc_RuntimeError)
#define KR_EXC_BASE_SyntaxError (&kr_exc_SyntaxError)
#define KR_EXC_BASE_IndentationError (&kr_exc_IndentationError)
#define KR_EXC_BASE_ValueError (&kr_exc_ValueError)
#define KR_EXC_BASE_UnicodeError (&kr_exc_UnicodeError)
#define KR_EXC_BASE_Warning (&kr_exc_Warning)
// Per-type attribute tables: most share the generic one.
#define KR_EXC_GETSETS_StopIteration stopiter_getsets
#define KR_EXC_GETSETS_SystemExit sysexit_getsets
#define KR_EXC_GETSETS_UnicodeDecodeError uexc_getsets
#define KR_EXC_GETSETS_UnicodeEncodeError uexc_getsets
#define KR_EXC_GETSETS_UnicodeTranslateError uexc_getsets
#define KR_EXC_GETSETS_OSError oexc_getsets
#define KR_EXC_GETSETS_BlockingIOError oexc_getsets
#define KR_EXC_GETSETS_ChildProcessError oexc_getsets
#define KR_EXC_GETSETS_ConnectionError oexc_getsets
#define KR_EXC_GETSETS_BrokenPipeError oexc_getsets
#define KR_EXC_GETSETS_ConnectionAbortedError oexc_getsets
#define KR_EXC_GETSETS_ConnectionRefusedError oexc_getsets
#define KR_EXC_GETSETS_ConnectionResetError oexc_getsets
#define KR_EXC_GETSETS_FileExistsError oexc_getsets
#define KR_EXC_GETSETS_FileNotFoundError oexc_getsets
#define KR_EXC_GETSETS_InterruptedError oexc_getsets
#define KR_EXC_GETSETS_IsADirectoryError oexc_getsets
#define KR_EXC_GETSETS_NotADirectoryError oexc_getsets
#define KR_EXC_GETSETS_PermissionError oexc_getsets
#define KR_EXC_GETSETS_ProcessLookupError oexc_getsets
#define KR_EXC_GETSETS_TimeoutError oexc_getsets
#include "exc_getsets.h"
#include "../excs.def"
#undef KR_EXC_DEF

// ---- raising from C ------------------------------------------------------------
KrValue kr_raisev(KrRun *r, const KrType *t, const char *fmt, va_list ap) {
    char small[512];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    KrValue msg;
    if (n < 0) {
        msg = kr_str_from_cstr(r, "");
    } else if ((size_t)n < sizeof small) {
        msg = kr_str_new(r, small, (size_t)n);
    } else {
        KrBuf b;
        kr_buf_init(&b, kr_run_allocator(r));
        msg = kr_buf_reserve(&b, (size_t)n) ? KR_NONE : KR_EXC;
        if (msg != KR_EXC) {
            vsnprintf(b.data, (size_t)n + 1, fmt, ap2);
            b.len = (size_t)n;
            msg = kr_str_from_buf(r, &b);
        }
        kr_buf_free(&b);
    }
    va_end(ap2);
    if (msg == KR_EXC) return KR_EXC;
    return kr_raise_with_arg(r, t, msg);
}

KrValue kr_raise(KrRun *r, const KrType *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    KrValue v = kr_raisev(r, t, fmt, ap);
    va_end(ap);
    return v;
}

KrValue kr_raise_with_arg(KrRun *r, const KrType *t, KrValue arg) {
    if (r->limit_hit) return KR_EXC;
    KrValue tup = kr_tuple_from_array(r, &arg, 1);
    if (tup == KR_EXC) return KR_EXC;
    KrValue e = kr_exc_new(r, t, tup);
    if (e == KR_EXC) return KR_EXC;
    r->exc = e;
    return KR_EXC;
}

KrValue kr_raise_value(KrRun *r, KrValue exc) {
    if (r->limit_hit) return KR_EXC;
    if (kr_is_ptr(exc) && kr_as_obj(exc)->type == &kr_type_type) {
        const KrType *t = (const KrType *)kr_as_obj(exc);
        if (t->flags & KR_TF_EXC) {
            KrValue cls = exc;
            exc = kr_call(r, exc, 0, NULL, KR_NULL);
            if (exc == KR_EXC) return KR_EXC;
            if (!(kr_typeof(exc)->flags & KR_TF_EXC)) {
                KrValue cr = kr_repr(r, cls);
                return kr_raise(r, &kr_exc_TypeError,
                                "calling %s should have returned an instance of BaseException, not <class '%s'>",
                                cr == KR_EXC ? "?" : kr_as_str(cr)->data, kr_type_name(exc));
            }
        }
    }
    if (!(kr_typeof(exc)->flags & KR_TF_EXC))
        return kr_raise(r, &kr_exc_TypeError, "exceptions must derive from BaseException");
    r->exc = exc;
    return KR_EXC;
}

KrValue kr_raise_attr_error(KrRun *r, KrValue obj, KrStr *name, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    kr_raisev(r, &kr_exc_AttributeError, fmt, ap);
    va_end(ap);
    if (kr_exc_is(r->exc, &kr_exc_AttributeError)) {
        KrExc *e = (KrExc *)kr_as_obj(r->exc);
        e->hint_obj = obj;
        e->hint_name = kr_from_obj(name);
    }
    return KR_EXC;
}

bool kr_exc_is(KrValue exc, const KrType *t) { return kr_is_ptr(exc) && kr_isinstance(exc, t); }

bool kr_pending_is(KrRun *r, const KrType *t) { return !r->limit_hit && kr_exc_is(r->exc, t); }

void kr_clear_exc(KrRun *r) { r->exc = KR_NULL; }
