// namedtuple.c: the classes typing.NamedTuple makes (collections.namedtuple
// will share them). A NamedTuple class is a real class whose base is tuple
// (P.__mro__ is (P, tuple, object)), so everything a class can do works:
// methods and dunders from the class body, subclassing, isinstance,
// snapshots. What CPython generates as Python source (__new__, _make,
// _replace, __repr__, _asdict, __getnewargs__) is native here: method
// descriptors of the holder type nt_methods_type stored in the class dict,
// plus one _tuplegetter per field. The methods find the field names in the
// class that made them: the first class of the MRO whose own dict has
// _fields (CPython's closures capture them the same way).
#include <stdio.h>
#include "../modules.h"
#include "../obj/class.h"
#include "../runsnap.h"
#include "../vm.h"

#define NT_NKW(kw) ((kw) == KR_NULL ? 0 : kr_as_tuple(kw)->len)

// ---- _tuplegetter: the field descriptors ------------------------------------------------------

typedef struct NtGetter {
    KrObj ob;
    uint64_t index;
    KrValue doc;
} NtGetter;

static void nt_getter_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((NtGetter *)o)->doc); }

static KrValue nt_getter_get(KrRun *r, KrValue d, KrValue obj, const KrType *cls) {
    (void)cls;
    const NtGetter *g = (const NtGetter *)kr_as_obj(d);
    if (obj == KR_NULL) return d;
    if (!kr_isinstance(obj, &kr_type_tuple))
        return kr_raise(r, &kr_exc_TypeError, "descriptor for index '%llu' for tuple subclasses doesn't apply to '%s' object",
                        (unsigned long long)g->index, kr_type_name(obj));
    KrTuple *t = kr_as_tuple(obj);
    if (g->index >= t->len) return kr_raise(r, &kr_exc_IndexError, "tuple index out of range");
    return t->items[g->index];
}

static KrValue nt_getter_set(KrRun *r, KrValue d, KrValue obj, KrValue v) {
    (void)d;
    (void)obj;
    (void)v;
    return kr_raise(r, &kr_exc_AttributeError, "can't set attribute");
}

static KrValue nt_getter_doc(KrRun *r, KrValue self) {
    (void)r;
    return ((NtGetter *)kr_as_obj(self))->doc;
}

static const KrGetSetDef nt_getter_getsets[] = {{"__doc__", nt_getter_doc}, {NULL, NULL}};

// "_tuplegetter(0, 'Alias for field number 0')"
static KrValue nt_getter_repr(KrRun *r, KrValue v) {
    const NtGetter *g = (const NtGetter *)kr_as_obj(v);
    KrValue doc = kr_repr(r, g->doc);
    if (doc == KR_EXC) return KR_EXC;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "_tuplegetter(%llu, %s)", (unsigned long long)g->index, kr_as_str(doc)->data);
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

static const KrRsField nt_getter_fields[] = {
    KR_RS_SCALAR(NtGetter, index, KR_RSF_U64),
    KR_RS_VAL(NtGetter, doc),
    KR_RS_END,
};
static const KrSnapOps nt_getter_snap = {nt_getter_fields, NULL, NULL, NULL};

const KrType kr_type_nt_getter = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "_tuplegetter",
    .base = &kr_type_object,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(NtGetter),
    .trace = nt_getter_trace,
    .repr = nt_getter_repr,
    .hash = kr_identity_hash,
    .descr_get = nt_getter_get,
    .descr_set = nt_getter_set,
    .getsets = nt_getter_getsets,
    .snap = &nt_getter_snap,
};

static KrValue nt_getter_new(KrRun *r, size_t index) {
    char doc[48];
    snprintf(doc, sizeof doc, "Alias for field number %zu", index);
    KrValue d = kr_str_from_cstr(r, doc);
    if (d == KR_EXC) return KR_EXC;
    kr_root_push(r, &d);
    NtGetter *g = kr_gc_alloc(r, &kr_type_nt_getter, sizeof(NtGetter));
    kr_root_pop(r, 1);
    if (!g) return KR_EXC;
    g->index = index;
    g->doc = d;
    return kr_from_obj(g);
}

// ---- what the methods know of their class ----------------------------------------------------------

typedef struct NtInfo {
    const KrType *cls; // the NamedTuple class (owner of _fields)
    KrTuple *fields;   // of str
    KrValue defaults;  // dict field -> default
} NtInfo;

// The NamedTuple class t derives from, with its fields; false (TypeError)
// when there is none or its _fields/_field_defaults were replaced by
// something else.
static bool nt_info(KrRun *r, const KrType *t, NtInfo *out) {
    if (t->flags & KR_TF_HEAP) {
        KrTuple *mro = kr_as_tuple(t->mro);
        for (size_t i = 0; i < mro->len; i++) {
            const KrType *c = (const KrType *)kr_as_obj(mro->items[i]);
            if (!(c->flags & KR_TF_HEAP)) continue;
            KrValue f = kr_dict_get_cstr(r, kr_as_dict(c->dict), "_fields");
            if (f == KR_NULL) continue;
            KrValue d = kr_dict_get_cstr(r, kr_as_dict(c->dict), "_field_defaults");
            bool ok = kr_is_type(f, &kr_type_tuple) && kr_is_type(d, &kr_type_dict);
            for (size_t k = 0; ok && k < kr_as_tuple(f)->len; k++) ok = kr_is_str(kr_as_tuple(f)->items[k]);
            if (!ok) break;
            *out = (NtInfo){c, kr_as_tuple(f), d};
            return true;
        }
    }
    kr_raise(r, &kr_exc_TypeError, "'%s' is not a namedtuple class with valid _fields", t->name);
    return false;
}

static const char *nt_field(const NtInfo *in, size_t i) { return kr_as_str(in->fields->items[i])->data; }

// An instance of cls (a tuple subclass) holding the items of tuple tup.
static KrValue nt_instance(KrRun *r, const KrType *cls, KrValue tup) {
    return kr_class_alloc(r, cls, 1, &tup, KR_NULL);
}

// ---- __new__ -----------------------------------------------------------------------------------------

// "missing 2 required positional arguments: 'x' and 'y'"
static KrValue nt_missing(KrRun *r, const NtInfo *in, const KrValue *items) {
    size_t n = in->fields->len, nmiss = 0, seen = 0;
    for (size_t i = 0; i < n; i++) nmiss += items[i] == KR_NULL;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        if (items[i] != KR_NULL) continue;
        seen++;
        const char *sep = seen == 1 ? "" : seen < nmiss ? ", " : nmiss == 2 ? " and " : ", and ";
        ok = kr_buf_printf(&b, "%s'%s'", sep, nt_field(in, i));
    }
    if (ok && kr_buf_append_char(&b, '\0'))
        kr_raise(r, &kr_exc_TypeError, "%s.__new__() missing %zu required positional argument%s: %s", in->cls->name, nmiss,
                 nmiss == 1 ? "" : "s", b.data);
    else if (!r->limit_hit)
        kr_raise(r, &kr_exc_MemoryError, "namedtuple");
    kr_buf_free(&b);
    return KR_EXC;
}

static size_t nt_field_index(const NtInfo *in, const KrStr *name) {
    size_t i = 0;
    while (i < in->fields->len && !kr_str_equal(kr_as_str(in->fields->items[i]), name)) i++;
    return i;
}

static bool nt_bind_keywords(KrRun *r, const NtInfo *in, KrValue *items, const KrValue *vals, KrValue kw) {
    for (size_t k = 0; k < NT_NKW(kw); k++) {
        const KrStr *name = kr_as_str(kr_as_tuple(kw)->items[k]);
        size_t i = nt_field_index(in, name);
        const char *what = i == in->fields->len ? "got an unexpected keyword argument"
                           : items[i] != KR_NULL ? "got multiple values for argument" : NULL;
        if (what) {
            kr_raise(r, &kr_exc_TypeError, "%s.__new__() %s '%s'", in->cls->name, what, name->data);
            return false;
        }
        items[i] = vals[k];
    }
    return true;
}

// Fills items (n slots, KR_NULL) from the call, then the defaults.
static bool nt_bind(KrRun *r, const NtInfo *in, KrValue *items, size_t argc, const KrValue *args, KrValue kw) {
    size_t n = in->fields->len, ndef = kr_as_dict(in->defaults)->used;
    if (argc > n) {
        if (ndef && ndef <= n)
            kr_raise(r, &kr_exc_TypeError, "%s.__new__() takes from %zu to %zu positional arguments but %zu were given",
                     in->cls->name, n - ndef + 1, n + 1, argc + 1);
        else
            kr_raise(r, &kr_exc_TypeError, "%s.__new__() takes %zu positional argument%s but %zu were given",
                     in->cls->name, n + 1, n == 0 ? "" : "s", argc + 1);
        return false;
    }
    for (size_t i = 0; i < argc; i++) items[i] = args[i];
    if (!nt_bind_keywords(r, in, items, args + argc, kw)) return false;
    for (size_t i = 0; i < n; i++) {
        if (items[i] != KR_NULL) continue;
        int has = kr_dict_get(r, kr_as_dict(in->defaults), in->fields->items[i], &items[i]);
        if (has < 0) return false;
    }
    for (size_t i = 0; i < n; i++)
        if (items[i] == KR_NULL) return nt_missing(r, in, items), false;
    return true;
}

// __new__(cls, *args, **kwargs): binds like `def __new__(_cls, x, y=0)`.
static KrValue nt_m_new(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)self;
    if (argc == 0) return kr_raise(r, &kr_exc_TypeError, "__new__() missing 1 required positional argument: '_cls'");
    if (!kr_is_type(args[0], &kr_type_type))
        return kr_raise(r, &kr_exc_TypeError, "tuple.__new__(X): X is not a type object (%s)", kr_type_name(args[0]));
    const KrType *cls = (const KrType *)kr_as_obj(args[0]);
    NtInfo in;
    if (!nt_info(r, cls, &in)) return KR_EXC;
    KrValue tup = kr_tuple_new(r, in.fields->len);
    if (tup == KR_EXC) return KR_EXC;
    kr_root_push(r, &tup);
    KrTuple *t = kr_as_tuple(tup);
    for (size_t i = 0; i < t->len; i++) t->items[i] = KR_NULL;
    bool ok = nt_bind(r, &in, t->items, argc - 1, args + 1, kw);
    if (!ok) // a tuple on the heap never holds KR_NULL
        for (size_t i = 0; i < t->len; i++) t->items[i] = KR_NONE;
    KrValue res = ok ? nt_instance(r, cls, tup) : KR_EXC;
    kr_root_pop(r, 1);
    return res;
}

// ---- the other methods ----------------------------------------------------------------------------------

static bool nt_no_args(KrRun *r, const NtInfo *in, const char *m, size_t argc, KrValue kw) {
    if (argc == 0 && NT_NKW(kw) == 0) return true;
    kr_raise(r, &kr_exc_TypeError, "%s.%s() takes 1 positional argument but %zu were given", in->cls->name, m,
             argc + NT_NKW(kw) + 1);
    return false;
}

// _make(iterable): a classmethod (tuple.__new__ and a length check).
static KrValue nt_m_make(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    static const char *const names[] = {"iterable", NULL};
    static const KrArgSpec spec = {"_make", names, 0, 0, 1, KR_ARGS_C};
    KrValue a[1];
    const KrType *cls = (const KrType *)kr_as_obj(self);
    NtInfo in;
    if (!kr_args_parse(r, &spec, argc, args, kw, a) || !nt_info(r, cls, &in)) return KR_EXC;
    KrValue tup = kr_tuple_from_iter(r, a[0]);
    if (tup == KR_EXC) return KR_EXC;
    size_t got = kr_as_tuple(tup)->len;
    if (got != in.fields->len) return kr_raise(r, &kr_exc_TypeError, "Expected %zu arguments, got %zu", in.fields->len, got);
    kr_root_push(r, &tup);
    KrValue res = nt_instance(r, cls, tup);
    kr_root_pop(r, 1);
    return res;
}

static KrValue nt_m_asdict(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    NtInfo in;
    if (!nt_info(r, kr_typeof(self), &in) || !nt_no_args(r, &in, "_asdict", argc, kw)) return KR_EXC;
    KrTuple *t = kr_as_tuple(self);
    size_t n = t->len < in.fields->len ? t->len : in.fields->len; // zip()
    KrValue d = kr_dict_new_sized(r, n);
    if (d == KR_EXC) return KR_EXC;
    kr_root_push(r, &d);
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) ok = kr_dict_set(r, kr_as_dict(d), in.fields->items[i], t->items[i]);
    kr_root_pop(r, 1);
    return ok ? d : KR_EXC;
}

static KrValue nt_replace_unexpected(KrRun *r, const NtInfo *in, KrValue kw) {
    KrValue extra = kr_list_new(r, 0);
    if (extra == KR_EXC) return KR_EXC;
    kr_root_push(r, &extra);
    bool ok = true;
    for (size_t k = 0; ok && k < NT_NKW(kw); k++)
        if (nt_field_index(in, kr_as_str(kr_as_tuple(kw)->items[k])) == in->fields->len)
            ok = kr_list_append(r, kr_as_list(extra), kr_as_tuple(kw)->items[k]);
    KrValue s = ok ? kr_repr(r, extra) : KR_EXC;
    kr_root_pop(r, 1);
    if (s == KR_EXC) return KR_EXC;
    return kr_raise(r, &kr_exc_ValueError, "Got unexpected field names: %s", kr_as_str(s)->data);
}

// _replace(**kwargs): a new instance of the same class.
static KrValue nt_m_replace(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    NtInfo in;
    if (!nt_info(r, kr_typeof(self), &in)) return KR_EXC;
    if (argc)
        return kr_raise(r, &kr_exc_TypeError, "%s._replace() takes 1 positional argument but %zu were given", in.cls->name,
                        argc + 1);
    KrTuple *src = kr_as_tuple(self);
    size_t n = in.fields->len;
    if (src->len != n) return kr_raise(r, &kr_exc_TypeError, "Expected %zu arguments, got %zu", n, src->len);
    KrValue tup = kr_tuple_new(r, n);
    if (tup == KR_EXC) return KR_EXC;
    memcpy(kr_as_tuple(tup)->items, src->items, n * sizeof(KrValue));
    size_t used = 0;
    for (size_t k = 0; k < NT_NKW(kw); k++) {
        size_t i = nt_field_index(&in, kr_as_str(kr_as_tuple(kw)->items[k]));
        if (i < n) kr_as_tuple(tup)->items[i] = args[k], used++;
    }
    kr_root_push(r, &tup);
    KrValue res = used < NT_NKW(kw) ? nt_replace_unexpected(r, &in, kw) : nt_instance(r, kr_typeof(self), tup);
    kr_root_pop(r, 1);
    return res;
}

// "P(x=1, y='a')", named after the instance's own class.
static KrValue nt_m_repr(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    NtInfo in;
    if (!nt_info(r, kr_typeof(self), &in) || !nt_no_args(r, &in, "__repr__", argc, kw)) return KR_EXC;
    KrTuple *t = kr_as_tuple(self);
    if (t->len != in.fields->len)
        return kr_raise(r, &kr_exc_TypeError, t->len < in.fields->len ? "not enough arguments for format string"
                                                                      : "not all arguments converted during string formatting");
    int g = kr_repr_enter(r, self);
    if (g != 0) return g < 0 ? KR_EXC : kr_str_from_cstr(r, "...");
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "%s(", kr_typeof(self)->name);
    for (size_t i = 0; ok && i < t->len; i++) {
        KrValue s = kr_repr(r, t->items[i]);
        ok = s != KR_EXC && kr_buf_printf(&b, "%s%s=", i ? ", " : "", nt_field(&in, i)) &&
             kr_buf_append(&b, kr_as_str(s)->data, kr_as_str(s)->nbytes) && kr_run_tick(r, 1);
    }
    ok = ok && kr_buf_append_char(&b, ')');
    kr_repr_leave(r, self);
    KrValue res = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    if (!ok && r->exc == KR_NULL && !r->limit_hit) kr_raise(r, &kr_exc_MemoryError, "namedtuple repr");
    return res;
}

static KrValue nt_m_getnewargs(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    NtInfo in;
    if (!nt_info(r, kr_typeof(self), &in) || !nt_no_args(r, &in, "__getnewargs__", argc, kw)) return KR_EXC;
    KrTuple *t = kr_as_tuple(self);
    return kr_tuple_from_array(r, t->items, t->len);
}

static const KrMethodDef nt_methods[] = {
    {"__new__", nt_m_new, KR_METH_STATIC},
    {"_make", nt_m_make, KR_METH_CLASS},
    {"_replace", nt_m_replace, 0},
    {"__repr__", nt_m_repr, 0},
    {"_asdict", nt_m_asdict, 0},
    {"__getnewargs__", nt_m_getnewargs, 0},
    {NULL, NULL, 0},
};

// Holds the methods above; never a base, never instantiated.
const KrType kr_type_nt_methods = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "namedtuple",
    .base = &kr_type_object,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(KrObj),
    .methods = nt_methods,
    .method_self = &kr_type_tuple,
};

// ---- names --------------------------------------------------------------------------------------------

static const char *const nt_keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

static bool nt_is_keyword(const KrStr *s) {
    for (size_t i = 0; i < sizeof nt_keywords / sizeof nt_keywords[0]; i++)
        if (kr_str_eq_cstr(s, nt_keywords[i])) return true;
    return false;
}

static bool nt_name_error(KrRun *r, const char *fmt, KrValue v) {
    KrValue s = kr_is_str(v) ? kr_repr(r, v) : kr_str(r, v);
    if (s != KR_EXC && !kr_is_str(v)) s = kr_repr(r, s);
    if (s != KR_EXC) kr_raise(r, &kr_exc_ValueError, fmt, kr_as_str(s)->data);
    return false;
}

// The checks collections.namedtuple makes of the type name and fields.
static bool nt_check_names(KrRun *r, KrValue name, KrTuple *fields) {
    for (size_t i = 0; i <= fields->len; i++) {
        KrValue v = i == 0 ? name : fields->items[i - 1];
        if (!kr_is_str(v) || !kr_str_is_identifier(kr_as_str(v)))
            return nt_name_error(r, "Type names and field names must be valid identifiers: %s", v);
        if (nt_is_keyword(kr_as_str(v)))
            return nt_name_error(r, "Type names and field names cannot be a keyword: %s", v);
    }
    for (size_t i = 0; i < fields->len; i++) {
        KrStr *f = kr_as_str(fields->items[i]);
        if (f->data[0] == '_') return nt_name_error(r, "Field names cannot start with an underscore: %s", fields->items[i]);
        for (size_t j = 0; j < i; j++)
            if (kr_str_equal(kr_as_str(fields->items[j]), f))
                return nt_name_error(r, "Encountered duplicate field name: %s", fields->items[i]);
    }
    return true;
}

// ---- making the class -----------------------------------------------------------------------------------

static bool nt_put(KrRun *r, KrValue ns, const char *name, KrValue v) {
    return v != KR_EXC && kr_module_add(r, ns, name, v);
}

// "P(x, y)": the docstring CPython gives a namedtuple class.
static KrValue nt_doc(KrRun *r, KrValue name, KrValue fields) {
    KrValue sep = kr_str_from_cstr(r, ", ");
    KrValue body = sep == KR_EXC ? KR_EXC : kr_str_join(r, sep, fields);
    if (body == KR_EXC) return KR_EXC;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "%s(%s)", kr_as_str(name)->data, kr_as_str(body)->data);
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

static KrValue nt_method(KrRun *r, const char *name) {
    for (const KrMethodDef *m = nt_methods; m->name; m++)
        if (strcmp(m->name, name) == 0) return kr_bound_native_new(r, KR_NULL, m, &kr_type_nt_methods);
    return kr_raise(r, &kr_exc_SystemError, "namedtuple method %s", name);
}

static KrValue nt_defaults_dict(KrRun *r, KrTuple *fields, KrTuple *defs) {
    KrValue d = kr_dict_new_sized(r, defs->len);
    for (size_t i = 0; d != KR_EXC && i < defs->len; i++)
        if (!kr_dict_set(r, kr_as_dict(d), fields->items[fields->len - defs->len + i], defs->items[i])) return KR_EXC;
    return d;
}

// The namespace namedtuple() builds, in CPython's order.
static bool nt_fill_namespace(KrRun *r, KrValue ns, KrValue name, KrValue fields, KrValue defs, KrValue module) {
    KrValue newfn = nt_method(r, "__new__");
    if (newfn == KR_EXC) return false;
    kr_root_push(r, &newfn);
    KrClassMethod *w = kr_gc_alloc(r, &kr_type_staticmethod, sizeof(KrClassMethod)); // as CPython's class dict has it
    kr_root_pop(r, 1);
    if (!w) return false;
    w->func = newfn;
    KrValue sm = kr_from_obj(w);
    bool ok = nt_put(r, ns, "__doc__", nt_doc(r, name, fields)) &&
              nt_put(r, ns, "__slots__", kr_from_obj(&kr_empty_tuple)) && nt_put(r, ns, "_fields", fields) &&
              nt_put(r, ns, "_field_defaults", nt_defaults_dict(r, kr_as_tuple(fields), kr_as_tuple(defs))) &&
              nt_put(r, ns, "__new__", sm) && nt_put(r, ns, "_make", nt_method(r, "_make")) &&
              nt_put(r, ns, "_replace", nt_method(r, "_replace")) && nt_put(r, ns, "__repr__", nt_method(r, "__repr__")) &&
              nt_put(r, ns, "_asdict", nt_method(r, "_asdict")) &&
              nt_put(r, ns, "__getnewargs__", nt_method(r, "__getnewargs__")) && nt_put(r, ns, "__match_args__", fields);
    for (size_t i = 0; ok && i < kr_as_tuple(fields)->len; i++) {
        KrValue g = nt_getter_new(r, i);
        ok = g != KR_EXC && kr_dict_set(r, kr_as_dict(ns), kr_as_tuple(fields)->items[i], g);
    }
    return ok && nt_put(r, ns, "__qualname__", name) && nt_put(r, ns, "__module__", module);
}

static bool nt_is_prohibited(const KrStr *k) {
    static const char *const names[] = {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                                        "_field_defaults", "_make", "_replace", "_asdict", "_source"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (kr_str_eq_cstr(k, names[i])) return true;
    return false;
}

// The class body's names go onto the class (CPython's NamedTupleMeta):
// methods, constants, __repr__ and other dunders; fields keep their
// getters (their defaults are in _field_defaults).
static bool nt_copy_body(KrRun *r, KrValue cls, KrValue body, KrTuple *fields) {
    size_t pos = 0;
    KrValue k, v;
    while (kr_dict_next(kr_as_dict(body), &pos, &k, &v)) {
        if (!kr_is_str(k)) continue;
        const KrStr *ks = kr_as_str(k);
        if (nt_is_prohibited(ks)) {
            kr_raise(r, &kr_exc_AttributeError, "Cannot overwrite NamedTuple attribute %s", ks->data);
            return false;
        }
        bool skip = kr_str_eq_cstr(ks, "__module__") || kr_str_eq_cstr(ks, "__name__") ||
                    kr_str_eq_cstr(ks, "__annotations__");
        for (size_t i = 0; !skip && i < fields->len; i++) skip = kr_str_equal(kr_as_str(fields->items[i]), ks);
        if (!skip && kr_setattr(r, cls, kr_as_str(k), v) == KR_EXC) return false;
    }
    return true;
}

static KrValue nt_annotations(KrRun *r, KrTuple *fields, KrValue types) {
    KrValue d = kr_dict_new_sized(r, fields->len);
    for (size_t i = 0; d != KR_EXC && i < fields->len; i++) {
        KrValue t = types != KR_NULL ? kr_as_tuple(types)->items[i] : kr_from_obj(&kr_type_object);
        if (!kr_dict_set(r, kr_as_dict(d), fields->items[i], t)) return KR_EXC;
    }
    return d;
}

KrValue kr_typing_make_namedtuple(KrRun *r, KrValue name, KrValue fields, KrValue types, KrValue defaults,
                                  KrValue body) {
    KrValue defs = defaults == KR_NULL ? kr_from_obj(&kr_empty_tuple) : defaults;
    KrTuple *f = kr_as_tuple(fields);
    if (kr_as_tuple(defs)->len > f->len) return kr_raise(r, &kr_exc_TypeError, "Got more default values than field names");
    if (types != KR_NULL && kr_as_tuple(types)->len != f->len)
        return kr_raise(r, &kr_exc_ValueError, "NamedTuple needs one type per field");
    if (!nt_check_names(r, name, f)) return KR_EXC;
    KrValue module = KR_NULL;
    if (body != KR_NULL) module = kr_dict_get_cstr(r, kr_as_dict(body), "__module__");
    if (module == KR_NULL) module = r->main_name != KR_NULL ? r->main_name : kr_str_from_cstr(r, "__main__");
    KrValue ns = kr_dict_new(r), bases = KR_NULL, cls = KR_NULL;
    if (ns == KR_EXC) return KR_EXC;
    kr_root_push(r, &ns);
    kr_root_push(r, &bases);
    kr_root_push(r, &cls);
    KrValue tuple_type = kr_from_obj(&kr_type_tuple);
    bool ok = nt_fill_namespace(r, ns, name, fields, defs, module) &&
              (bases = kr_tuple_from_array(r, &tuple_type, 1)) != KR_EXC &&
              (cls = kr_type_new(r, name, bases, ns, KR_NULL)) != KR_EXC;
    ok = ok && kr_dict_set(r, kr_as_dict(((KrType *)kr_as_obj(cls))->dict), kr_str_from_cstr(r, "__annotations__"),
                           nt_annotations(r, f, types));
    if (ok && body != KR_NULL) ok = nt_copy_body(r, cls, body, f);
    kr_root_pop(r, 3);
    return ok ? cls : KR_EXC;
}

// Snapshots name these types (typing's statics list them).
bool kr_namedtuple_statics(void *ud, bool (*visit)(void *ud, const char *name, const void *obj)) {
    return visit(ud, "_tuplegetter", &kr_type_nt_getter) || visit(ud, "_namedtuple_methods", &kr_type_nt_methods);
}
