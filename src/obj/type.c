// type.c: the types every value needs first: type, object, NoneType, bool,
// NotImplementedType, ellipsis; kr_typeof for tagged values.
#include "../types.h"

const KrType *kr_typeof(KrValue v) {
    if (KR_LIKELY(kr_is_ptr(v))) return kr_as_obj(v)->type;
    if (kr_is_small(v)) return &kr_type_int;
    if (kr_is_double(v)) return &kr_type_float;
    switch (v) {
    case KR_FALSE:
    case KR_TRUE: return &kr_type_bool;
    case KR_NOTIMPL: return &kr_type_notimpl;
    case KR_ELLIPSIS: return &kr_type_ellipsis;
    default: return &kr_type_none;
    }
}

bool kr_type_is_subtype(const KrType *t, const KrType *base) {
    if (base == &kr_type_object) return true;
    for (; t; t = t->base)
        if (t == base) return true;
    return false;
}

const char *kr_type_name(KrValue v) { return kr_typeof(v)->name; }

// ---- type --------------------------------------------------------------------
static KrValue type_repr(KrRun *r, KrValue v) {
    const KrType *t = (const KrType *)kr_as_obj(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<class '%s'>", t->name);
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

static KrValue type_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args,
                         KrValue kwnames) {
    const KrType *t = (const KrType *)kr_as_obj(callee);
    if (t == &kr_type_type) {
        if (argc == 1 && kwnames == KR_NULL) return kr_from_obj(kr_typeof(args[0]));
        if (argc != 3) return kr_raise(r, &kr_exc_TypeError, "type() takes 1 or 3 arguments");
        return kr_raise(r, &kr_exc_NotImplementedError,
                        "type() with 3 arguments (creating classes) is not supported yet");
    }
    if (!t->construct) return kr_raise(r, &kr_exc_TypeError, "cannot create '%s' instances", t->name);
    return t->construct(r, t, argc, args, kwnames);
}

static bool type_hash(KrRun *r, KrValue v, int64_t *out) {
    (void)r;
    *out = (int64_t)((v & KR_PAYLOAD) >> 4);
    return true;
}

static KrValue type_get_name(KrRun *r, KrValue self) {
    return kr_str_from_cstr(r, ((const KrType *)kr_as_obj(self))->name);
}

static KrValue type_get_qualname(KrRun *r, KrValue self) { return type_get_name(r, self); }

static KrValue type_get_module(KrRun *r, KrValue self) {
    (void)self;
    return kr_str_from_cstr(r, "builtins");
}

static KrValue type_get_base(KrRun *r, KrValue self) {
    (void)r;
    const KrType *t = (const KrType *)kr_as_obj(self);
    if (t == &kr_type_object) return KR_NONE;
    return kr_from_obj(t->base ? t->base : &kr_type_object);
}

static KrValue type_get_bases(KrRun *r, KrValue self) {
    const KrType *t = (const KrType *)kr_as_obj(self);
    if (t == &kr_type_object) return kr_from_obj(&kr_empty_tuple);
    KrValue base = type_get_base(r, self);
    return kr_tuple_from_array(r, &base, 1);
}

static KrValue type_get_mro(KrRun *r, KrValue self) {
    size_t n = 0;
    const KrType *t = (const KrType *)kr_as_obj(self);
    for (const KrType *p = t; p; p = p->base) n++;
    if (t != &kr_type_object) n++;
    KrValue tup = kr_tuple_new(r, n);
    if (tup == KR_EXC) return KR_EXC;
    size_t i = 0;
    for (const KrType *p = t; p; p = p->base) kr_as_tuple(tup)->items[i++] = kr_from_obj(p);
    if (t != &kr_type_object) kr_as_tuple(tup)->items[i] = kr_from_obj(&kr_type_object);
    return tup;
}

static const KrGetSetDef type_getsets[] = {
    {"__name__", type_get_name},
    {"__qualname__", type_get_qualname},
    {"__module__", type_get_module},
    {"__base__", type_get_base},
    {"__bases__", type_get_bases},
    {"__mro__", type_get_mro},
    {NULL, NULL},
};

static KrValue type_mro_method(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                               KrValue kwnames) {
    (void)argc;
    (void)args;
    (void)kwnames;
    KrValue t = type_get_mro(r, self);
    return t == KR_EXC ? KR_EXC : kr_list_from_iter(r, t);
}

static KrValue type_mro_method(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames);

// Attributes of a type object: type's own data attributes (__name__ ...),
// then the methods of the type itself (str.upper unbound, dict.fromkeys
// bound to the class), then type's methods (mro).
static KrValue type_getattr(KrRun *r, KrValue o, KrStr *name) {
    const KrType *t = (const KrType *)kr_as_obj(o);
    for (const KrGetSetDef *g = type_getsets; g->name; g++)
        if (kr_str_eq_cstr(name, g->name)) return g->get(r, o);
    if (kr_str_eq_cstr(name, "__class__")) return kr_from_obj(&kr_type_type);
    if (kr_str_eq_cstr(name, "__doc__")) return KR_NONE;
    for (const KrType *p = t; p; p = p->base) {
        const KrMethodDef *m = kr_find_method(p, name);
        if (!m) continue;
        KrValue self = (m->flags & KR_METH_CLASS) ? o : KR_NULL;
        return kr_bound_native_new(r, self, m, p);
    }
    if (kr_str_eq_cstr(name, "mro")) {
        static const KrMethodDef mro_def = {"mro", type_mro_method, 0};
        return kr_bound_native_new(r, o, &mro_def, &kr_type_type);
    }
    return kr_raise_attr_error(r, o, name, "type object '%s' has no attribute '%s'", t->name, name->data);
}

static const KrMethodDef type_methods[] = {
    {"mro", type_mro_method, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "type",
    .base = &kr_type_object,
    .repr = type_repr,
    .hash = type_hash,
    .call = type_call,
    .getsets = type_getsets,
    .methods = type_methods,
    .getattr = type_getattr,
};

// ---- object --------------------------------------------------------------------
static KrValue object_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                                KrValue kwnames) {
    (void)args;
    if (argc || kwnames != KR_NULL) return kr_raise(r, &kr_exc_TypeError, "object() takes no arguments");
    KrObj *o = kr_gc_alloc(r, t, sizeof(KrObj));
    return o ? kr_from_obj(o) : KR_EXC;
}

static KrValue object_repr(KrRun *r, KrValue v) {
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    // The number is the object's identity within the run, never an address.
    bool ok = kr_buf_printf(&b, "<%s object at 0x%llx>", kr_type_name(v),
                            (unsigned long long)kr_object_id(r, v));
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

static bool object_hash(KrRun *r, KrValue v, int64_t *out) {
    uint64_t id = kr_object_id(r, v);
    // CPython: the id rotated right by 4 bits.
    *out = (int64_t)((id >> 4) | (id << 60));
    if (*out == -1) *out = -2;
    return true;
}

const KrType kr_type_object = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "object",
    .base = NULL,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrObj),
    .construct = object_construct,
    .repr = object_repr,
    .hash = object_hash,
};

// ---- None, NotImplemented, Ellipsis ------------------------------------------------
static KrValue none_repr(KrRun *r, KrValue v) {
    const char *s = v == KR_NONE ? "None" : v == KR_NOTIMPL ? "NotImplemented" : "Ellipsis";
    return kr_str_from_cstr(r, s);
}

static int none_truth(KrRun *r, KrValue v) {
    (void)r;
    return v != KR_NONE;
}

static bool singleton_hash(KrRun *r, KrValue v, int64_t *out) {
    (void)r;
    // Stable per value and run-independent (CPython's are address based).
    *out = (int64_t)(v & 0xFF) * 0x9E3779B1 + 0x10000;
    return true;
}

static KrValue none_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                              KrValue kwnames) {
    (void)args;
    if (argc || kwnames != KR_NULL) return kr_raise(r, &kr_exc_TypeError, "%s takes no arguments", t->name);
    return t == &kr_type_none ? KR_NONE : t == &kr_type_notimpl ? KR_NOTIMPL : KR_ELLIPSIS;
}

const KrType kr_type_none = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "NoneType",
    .base = &kr_type_object,
    .construct = none_construct,
    .repr = none_repr,
    .hash = singleton_hash,
    .truth = none_truth,
};

const KrType kr_type_notimpl = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "NotImplementedType",
    .base = &kr_type_object,
    .construct = none_construct,
    .repr = none_repr,
    .hash = singleton_hash,
    .truth = none_truth,
};

const KrType kr_type_ellipsis = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "ellipsis",
    .base = &kr_type_object,
    .construct = none_construct,
    .repr = none_repr,
    .hash = singleton_hash,
    .truth = none_truth,
};
