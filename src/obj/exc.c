// exc.c: the built-in exception types (one generic layout, KrExc, for the
// whole hierarchy listed in excs.def) and raising from C.
#include <stdio.h>
#include "../types.h"
#include "class.h"

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
    return kr_from_obj(e);
}

static KrValue exc_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                             KrValue kwnames) {
    if (kwnames != KR_NULL && kr_as_tuple(kwnames)->len)
        return kr_raise(r, &kr_exc_TypeError, "%s() takes no keyword arguments", t->name);
    KrValue tup = kr_tuple_from_array(r, args, argc);
    if (tup == KR_EXC) return KR_EXC;
    return kr_exc_new(r, t, tup);
}

KrValue kr_exc_str(KrRun *r, KrValue exc) {
    KrExc *e = (KrExc *)kr_as_obj(exc);
    KrTuple *a = kr_as_tuple(e->args);
    if (a->len == 0) return kr_str_new(r, "", 0);
    if (a->len == 1) {
        if (kr_type_is_subtype(e->ob.type, &kr_exc_KeyError)) return kr_repr(r, a->items[0]);
        return kr_str(r, a->items[0]);
    }
    return kr_repr(r, e->args);
}

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
    (void)self;
    return KR_NONE;
}
static KrValue exc_first_arg(KrRun *r, KrValue self) {
    (void)r;
    KrTuple *a = kr_as_tuple(((KrExc *)kr_as_obj(self))->args);
    return a->len ? a->items[0] : KR_NONE;
}

static const KrGetSetDef exc_getsets[] = {
    {"args", exc_get_args},
    {"__cause__", exc_get_cause},
    {"__context__", exc_get_context},
    {"__suppress_context__", exc_get_suppress},
    {"__traceback__", exc_get_traceback},
    {NULL, NULL},
};

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
static const KrGetSetDef sysexit_getsets[] = {
    {"code", exc_first_arg},
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
    KrValue v = kr_generic_getattr(r, o, name);
    if (v != KR_NULL) return v;
    return kr_raise_attr_error(r, o, name, "'%s' object has no attribute '%s'", e->ob.type->name, name->data);
}

static bool exc_check_exc_or_none(KrRun *r, KrValue v, const char *what) {
    if (v == KR_NONE || (kr_typeof(v)->flags & KR_TF_EXC)) return true;
    kr_raise(r, &kr_exc_TypeError, "exception %s must be None or derive from BaseException", what);
    return false;
}

KrValue kr_exc_type_setattr(KrRun *r, KrValue o, KrStr *name, KrValue v) {
    KrExc *e = (KrExc *)kr_as_obj(o);
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
        if (kr_str_eq_cstr(name, "__traceback__")) {
            if (v != KR_NONE)
                return kr_raise(r, &kr_exc_TypeError, "__traceback__ must be a traceback or None");
            e->tb = NULL;
            return KR_NONE;
        }
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
    (void)args;
    if (!kr_args_no_kw(r, "with_traceback", kwnames) ||
        !kr_args_count(r, "with_traceback", argc, 1, 1))
        return KR_EXC;
    return self;
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
    if (kwnames != KR_NULL && kr_as_tuple(kwnames)->len)
        return kr_raise(r, &kr_exc_TypeError, "%s() takes no keyword arguments", kr_type_name(self));
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

#define KR_EXC_DEF(NAME, BASE)                                                            \
    const KrType kr_exc_##NAME = {                                                        \
        KR_STATIC_HEADER(&kr_type_type),                                                  \
        .name = #NAME,                                                                    \
        .base = KR_EXC_BASE_##BASE,                                                       \
        .flags = KR_TF_BASETYPE | KR_TF_EXC,                                              \
        .basic_size = sizeof(KrExc),                                                      \
        .trace = exc_trace,                                                               \
        .construct = exc_construct,                                                       \
        .repr = exc_repr,                                                                 \
        .str = kr_exc_str,                                                                \
        .hash = kr_identity_hash,                                                         \
        .getsets = KR_EXC_GETSETS_##NAME,                                                 \
        .methods = exc_methods,                                                           \
        .getattr = exc_getattr,                                                           \
        .setattr = kr_exc_type_setattr,                                                           \
    };
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
                                "calling %s should have returned an instance of BaseException, not %s",
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
