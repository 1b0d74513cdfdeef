// type.c: the types every value needs first: type, object, NoneType, bool,
// NotImplementedType, ellipsis; kr_typeof.
#include "../types.h"
#include "class.h"
#include "../runsnap.h"
#include "../vm.h"
#include "../modules.h"

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
    if (base == &kr_type_object || t == base) return true;
    if (t->flags & KR_TF_HEAP) {
        // a class: its MRO lists every ancestor
        KrTuple *mro = (KrTuple *)kr_as_obj(t->mro);
        for (size_t i = 0; i < mro->len; i++)
            if ((const KrType *)kr_as_obj(mro->items[i]) == base) return true;
        return false;
    }
    for (; t; t = t->base)
        if (t == base) return true;
    return false;
}

const char *kr_type_name(KrValue v) { return kr_typeof(v)->name; }
const char *kr_arg_type_name(KrValue v) { return v == KR_NONE ? "None" : kr_typeof(v)->name; }

// ---- type --------------------------------------------------------------------
// "module.qualname" of a class (just the name for built-in types).
static bool type_full_name(KrRun *r, const KrType *t, KrBuf *b) {
    if (!(t->flags & KR_TF_HEAP)) return kr_buf_append_str(b, t->name);
    KrValue mod = kr_dict_get_cstr(r, kr_as_dict(t->dict), "__module__");
    if (mod != KR_NULL && kr_is_str(mod) && !kr_str_eq_cstr(kr_as_str(mod), "builtins")) {
        if (!kr_buf_append(b, kr_as_str(mod)->data, kr_as_str(mod)->nbytes) || !kr_buf_append_char(b, '.')) return false;
    }
    return kr_buf_append(b, kr_as_str(t->heap_qualname)->data, kr_as_str(t->heap_qualname)->nbytes);
}

bool kr_type_full_name(KrRun *r, const KrType *t, KrBuf *b) { return type_full_name(r, t, b); }

static KrValue type_repr(KrRun *r, KrValue v) {
    const KrType *t = (const KrType *)kr_as_obj(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_append_str(&b, "<class '") && type_full_name(r, t, &b) && kr_buf_append_str(&b, "'>");
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

static KrValue type_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args,
                         KrValue kwnames) {
    const KrType *t = (const KrType *)kr_as_obj(callee);
    if (t == &kr_type_type) {
        if (argc == 1 && kwnames == KR_NULL) return kr_from_obj(kr_typeof(args[0]));
        if (argc == 1) return kr_raise(r, &kr_exc_TypeError, "type() takes no keyword arguments");
        if (argc != 3) return kr_raise(r, &kr_exc_TypeError, "type() takes 1 or 3 arguments");
        KrValue kwargs = KR_NULL; // class keywords go to __init_subclass__
        if (kwnames != KR_NULL) {
            kwargs = kr_dict_new(r);
            for (size_t i = 0; kwargs != KR_EXC && i < kr_as_tuple(kwnames)->len; i++)
                if (!kr_dict_set(r, kr_as_dict(kwargs), kr_as_tuple(kwnames)->items[i], args[argc + i])) kwargs = KR_EXC;
            if (kwargs == KR_EXC) return KR_EXC;
        }
        kr_root_push(r, &kwargs);
        KrValue cls = kr_type_new(r, args[0], args[1], args[2], kwargs);
        kr_root_pop(r, 1);
        return cls;
    }
    if (!t->construct) return kr_raise(r, &kr_exc_TypeError, "cannot create '%s' instances", t->name);
    return t->construct(r, t, argc, args, kwnames);
}

static bool type_hash(KrRun *r, KrValue v, int64_t *out) {
    (void)r;
    *out = (int64_t)((v & KR_PAYLOAD) >> 4);
    return true;
}

// A built-in type named "module.Name" (types.UnionType) has __name__ "Name"
// and __module__ "module"; plain names live in builtins.
static const char *type_static_dot(const KrType *t) { return strrchr(t->name, '.'); }

static KrValue type_get_name(KrRun *r, KrValue self) {
    const KrType *t = (const KrType *)kr_as_obj(self);
    if (t->flags & KR_TF_HEAP) return t->heap_name;
    const char *dot = type_static_dot(t);
    return kr_str_from_cstr(r, dot ? dot + 1 : t->name);
}

static KrValue type_get_qualname(KrRun *r, KrValue self) {
    const KrType *t = (const KrType *)kr_as_obj(self);
    if (t->flags & KR_TF_HEAP) return t->heap_qualname;
    return type_get_name(r, self);
}

static KrValue type_get_module(KrRun *r, KrValue self) {
    const KrType *t = (const KrType *)kr_as_obj(self);
    if (t->flags & KR_TF_HEAP) {
        KrValue m = kr_dict_get_cstr(r, kr_as_dict(t->dict), "__module__");
        if (m != KR_NULL) return m;
        return kr_str_from_cstr(r, "builtins");
    }
    const char *dot = type_static_dot(t);
    return dot ? kr_str_new(r, t->name, (size_t)(dot - t->name)) : kr_str_from_cstr(r, "builtins");
}

const char *kr_type_qualname(const KrType *t) {
    if ((t->flags & KR_TF_HEAP) && kr_is_str(t->heap_qualname)) return kr_as_str(t->heap_qualname)->data;
    const char *dot = type_static_dot(t);
    return dot ? dot + 1 : t->name;
}

bool kr_type_label(KrRun *r, const KrType *t, KrBuf *b) {
    KrValue m = type_get_module(r, kr_from_obj(t));
    if (m == KR_EXC) return false;
    if (kr_is_str(m) && !kr_str_eq_cstr(kr_as_str(m), "__main__") && !kr_str_eq_cstr(kr_as_str(m), "builtins") &&
        !kr_buf_printf(b, "%s.", kr_as_str(m)->data))
        return false;
    return kr_buf_append_str(b, kr_type_qualname(t));
}

static KrValue type_get_doc(KrRun *r, KrValue self) {
    const KrType *t = (const KrType *)kr_as_obj(self);
    if (t->flags & KR_TF_HEAP) {
        KrValue d = kr_dict_get_cstr(r, kr_as_dict(t->dict), "__doc__");
        if (d != KR_NULL) return d;
    }
    return KR_NONE;
}

// A class's own annotations, never a base's: a class without any gets an
// empty dict on first access, as in CPython.
static KrValue type_get_annotations(KrRun *r, KrValue self) {
    const KrType *t = (const KrType *)kr_as_obj(self);
    if (!(t->flags & KR_TF_HEAP))
        return kr_raise(r, &kr_exc_AttributeError, "type object '%s' has no attribute '__annotations__'", t->name);
    KrValue a = kr_dict_get_cstr(r, kr_as_dict(t->dict), "__annotations__");
    if (a != KR_NULL) return a;
    KrValue key = kr_str_from_cstr(r, "__annotations__");
    a = key == KR_EXC ? KR_EXC : kr_dict_new(r);
    if (a == KR_EXC || !kr_dict_set(r, kr_as_dict(t->dict), key, a)) return KR_EXC;
    kr_class_changed(r);
    return a;
}

// A read-only live view: class attributes change only through setattr,
// which keeps the slots and attribute caches right.
static KrValue type_get_dict(KrRun *r, KrValue self) {
    const KrType *t = (const KrType *)kr_as_obj(self);
    KrValue d = (t->flags & KR_TF_HEAP) ? t->dict : kr_dict_new(r);
    return d == KR_EXC ? KR_EXC : kr_mappingproxy_new(r, d);
}

static KrValue type_get_base(KrRun *r, KrValue self) {
    (void)r;
    const KrType *t = (const KrType *)kr_as_obj(self);
    if (t->flags & KR_TF_HEAP) return kr_as_tuple(t->bases)->items[0];
    if (t == &kr_type_object) return KR_NONE;
    return kr_from_obj(t->base ? t->base : &kr_type_object);
}

static KrValue type_get_bases(KrRun *r, KrValue self) {
    const KrType *t = (const KrType *)kr_as_obj(self);
    if (t->flags & KR_TF_HEAP) return t->bases;
    if (t == &kr_type_object) return kr_from_obj(&kr_empty_tuple);
    KrValue base = type_get_base(r, self);
    return kr_tuple_from_array(r, &base, 1);
}

static KrValue type_get_mro(KrRun *r, KrValue self) {
    size_t n = 0;
    const KrType *t = (const KrType *)kr_as_obj(self);
    if (t->flags & KR_TF_HEAP) return t->mro;
    const KrType *last = t;
    for (const KrType *p = t; p; p = p->base) n++, last = p;
    bool add_object = last != &kr_type_object;
    KrValue tup = kr_tuple_new(r, n + add_object);
    if (tup == KR_EXC) return KR_EXC;
    size_t i = 0;
    for (const KrType *p = t; p; p = p->base) kr_as_tuple(tup)->items[i++] = kr_from_obj(p);
    if (add_object) kr_as_tuple(tup)->items[i] = kr_from_obj(&kr_type_object);
    return tup;
}

static const KrGetSetDef type_getsets[] = {
    {"__name__", type_get_name},
    {"__qualname__", type_get_qualname},
    {"__module__", type_get_module},
    {"__annotations__", type_get_annotations},
    {"__base__", type_get_base},
    {"__bases__", type_get_bases},
    {"__mro__", type_get_mro},
    {"__doc__", type_get_doc},
    {"__dict__", type_get_dict},
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
// Class attributes: functions stay plain, classmethods bind to the class,
// staticmethods unwrap; properties are returned as themselves.
static KrValue class_attr(KrRun *r, KrValue o, const KrLookup *lk) {
    if (lk->meth) {
        if (lk->meth->flags & KR_METH_CLASS) return kr_bound_native_new(r, o, lk->meth, lk->owner);
        return kr_bound_native_new(r, KR_NULL, lk->meth, lk->owner);
    }
    if (lk->gs) return kr_raise(r, &kr_exc_AttributeError, "type object attribute is a descriptor");
    KrValue v = lk->value;
    if (kr_is_type(v, &kr_type_classmethod)) return kr_classmethod_bind(r, v, o);
    if (kr_is_type(v, &kr_type_staticmethod)) return ((KrClassMethod *)kr_as_obj(v))->func;
    if (kr_is_ptr(v) && kr_typeof(v)->descr_get) return kr_typeof(v)->descr_get(r, v, KR_NULL, (const KrType *)kr_as_obj(o));
    KrValue got = kr_descr_get(r, v, KR_NONE, (const KrType *)kr_as_obj(o));
    return got != KR_NULL ? got : v;
}

static KrValue type_getattr(KrRun *r, KrValue o, KrStr *name) {
    const KrType *t = (const KrType *)kr_as_obj(o);
    for (const KrGetSetDef *g = type_getsets; g->name; g++)
        if (kr_str_eq_cstr(name, g->name)) return g->get(r, o);
    if (kr_str_eq_cstr(name, "__class__")) return kr_from_obj(&kr_type_type);
    if (kr_str_eq_cstr(name, "__subclasses__"))
        return kr_raise(r, &kr_exc_AttributeError, "type object '%s' has no attribute '__subclasses__'", t->name);
    if (t->flags & KR_TF_HEAP) {
        KrLookup lk;
        if (kr_type_lookup(r, t, name, &lk) && !lk.gs) return class_attr(r, o, &lk);
    }
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

// int | None: a union for annotations and isinstance().
static KrValue type_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    if (op != KR_BIN_OR) return KR_NOTIMPL;
    return kr_typing_or(r, a, b);
}

// list[int] (built-in generics) and Class[...] through __class_getitem__.
static KrValue type_getitem(KrRun *r, KrValue o, KrValue key) {
    const KrType *t = (const KrType *)kr_as_obj(o);
    if (t->flags & KR_TF_HEAP) {
        KrLookup lk;
        KrValue name = kr_str_from_cstr(r, "__class_getitem__");
        if (name == KR_EXC) return KR_EXC;
        bool found = kr_type_lookup(r, t, kr_as_str(name), &lk);
        if (found && lk.value != KR_NULL) {
            KrValue fn = kr_is_type(lk.value, &kr_type_classmethod) ? ((KrClassMethod *)kr_as_obj(lk.value))->func : lk.value;
            return kr_call2(r, fn, o, key);
        }
        if (found && lk.meth && (lk.meth->flags & KR_METH_CLASS)) return lk.meth->fn(r, o, 1, &key, KR_NULL); // Generic's
        return kr_raise(r, &kr_exc_TypeError, "type '%s' is not subscriptable", t->name);
    }
    static const KrStr cgi = KR_STATIC_STR("__class_getitem__");
    const KrMethodDef *m = kr_find_method(t, &cgi);
    if (m && (m->flags & KR_METH_CLASS)) return m->fn(r, o, 1, &key, KR_NULL);
    static const KrType *const generic[] = {&kr_type_list, &kr_type_dict, &kr_type_set, &kr_type_frozenset,
                                            &kr_type_tuple, &kr_type_type};
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
        if (t == generic[i]) return kr_typing_class_getitem(r, o, key);
    return kr_raise(r, &kr_exc_TypeError, "type '%s' is not subscriptable", t->name);
}

static KrValue type_setattr(KrRun *r, KrValue o, KrStr *name, KrValue v) {
    KrType *t = (KrType *)kr_as_obj(o);
    if (!(t->flags & KR_TF_HEAP))
        return kr_raise(r, &kr_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->data, t->name);
    if (kr_str_eq_cstr(name, "__name__") || kr_str_eq_cstr(name, "__qualname__")) {
        if (!kr_is_str(v)) return kr_raise(r, &kr_exc_TypeError, "can only assign string to %s.%s, not '%s'", t->name, name->data, kr_type_name(v));
        if (kr_str_eq_cstr(name, "__name__")) {
            t->heap_name = v;
            t->name = kr_as_str(v)->data;
        } else {
            t->heap_qualname = v;
        }
        return KR_NONE;
    }
    kr_class_changed(r);
    if (v == KR_NULL) {
        int d = kr_dict_del(r, kr_as_dict(t->dict), kr_from_obj(name));
        if (d < 0) return KR_EXC;
        if (!d) return kr_raise(r, &kr_exc_AttributeError, "type object '%s' has no attribute '%s'", t->name, name->data);
    } else if (!kr_dict_set(r, kr_as_dict(t->dict), kr_from_obj(name), v)) {
        return KR_EXC;
    }
    if (name->nbytes > 4 && name->data[0] == '_' && name->data[1] == '_') kr_type_update_slots(r, t);
    return KR_NONE;
}

const KrType *kr_new_target(KrRun *r, const KrType *owner, size_t argc, const KrValue *args) {
    if (argc == 0) return kr_raise(r, &kr_exc_TypeError, "%s.__new__(): not enough arguments", owner->name), NULL;
    if (!kr_is_type(args[0], &kr_type_type))
        return kr_raise(r, &kr_exc_TypeError, "%s.__new__(X): X is not a type object (%s)", owner->name,
                        kr_type_name(args[0])),
               NULL;
    const KrType *cls = (const KrType *)kr_as_obj(args[0]);
    if (!kr_type_is_subtype(cls, owner))
        return kr_raise(r, &kr_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", owner->name, cls->name,
                        cls->name, owner->name),
               NULL;
    return cls;
}

// type.__new__(type, name, bases, dict): a class, as type() makes it
// (metaclasses, the other use, are refused where a class names one).
static KrValue type_new_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)self;
    if (!kr_new_target(r, &kr_type_type, argc, args)) return KR_EXC;
    if (argc != 4)
        return kr_raise(r, &kr_exc_TypeError, "type.__new__() takes exactly 3 arguments (%zu given)", argc - 1);
    return type_call(r, args[0], 3, args + 1, kwnames);
}

static const KrMethodDef type_methods[] = {
    {"__new__", type_new_m, KR_METH_STATIC},
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
    .setattr = type_setattr,
    .binary = type_binary,
    .getitem = type_getitem,
    .trace = kr_type_trace,
    .finalize = kr_type_finalize,
    .basic_size = sizeof(KrType),
    .snap = &kr_class_snap,
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
    bool ok = kr_buf_append_char(&b, '<') && type_full_name(r, kr_typeof(v), &b) &&
              kr_buf_printf(&b, " object at 0x%llx>", (unsigned long long)kr_object_id(r, v));
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}


// object's own dunders: what super() reaches at the top of every class.
static KrValue object_init_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)self;
    (void)args;
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    if (argc || nkw)
        return kr_raise(r, &kr_exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    return KR_NONE;
}

static KrValue object_new_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)self;
    const KrType *cls = kr_new_target(r, &kr_type_object, argc, args);
    if (!cls) return KR_EXC;
    const KrType *solid = cls->flags & KR_TF_HEAP ? cls->layout : cls;
    if (solid != &kr_type_object)
        return kr_raise(r, &kr_exc_TypeError, "object.__new__(%s) is not safe, use %s.__new__()", cls->name, solid->name);
    if (argc > 1 || (kwnames != KR_NULL && kr_as_tuple(kwnames)->len)) {
        // CPython's rule for extra arguments: refused when the class has its
        // own __new__ (which passed them on), or no __init__ to take them
        static const KrStr new_name = KR_STATIC_STR("__new__"), init_name = KR_STATIC_STR("__init__");
        KrLookup lk;
        if (kr_type_lookup(r, cls, (KrStr *)&new_name, &lk) && lk.owner != &kr_type_object)
            return kr_raise(r, &kr_exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (!kr_type_lookup(r, cls, (KrStr *)&init_name, &lk) || lk.owner == &kr_type_object)
            return kr_raise(r, &kr_exc_TypeError, "%s() takes no arguments", cls->name);
    }
    return kr_class_alloc(r, cls, 0, NULL, KR_NULL);
}

static KrValue object_repr_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    return kr_wrapper_args(r, "__repr__", argc, kwnames, 0, 0) ? object_repr(r, self) : KR_EXC;
}

static KrValue object_str_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    return kr_wrapper_args(r, "__str__", argc, kwnames, 0, 0) ? kr_repr(r, self) : KR_EXC;
}

static KrValue object_hash_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_wrapper_args(r, "__hash__", argc, kwnames, 0, 0)) return KR_EXC;
    int64_t h;
    return kr_identity_hash(r, self, &h) ? kr_int_from_i64(r, h) : KR_EXC;
}

static KrValue object_eq_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_wrapper_args(r, "__eq__", argc, kwnames, 1, 1)) return KR_EXC;
    return self == args[0] ? KR_TRUE : KR_NOTIMPL;
}

// object's ordering comparisons: NotImplemented (the other side decides).
#define OBJECT_ORDER_M(op)                                                                           \
    static KrValue object_##op##_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) { \
        (void)self;                                                                                  \
        (void)args;                                                                                  \
        return kr_wrapper_args(r, "__" #op "__", argc, kw, 1, 1) ? KR_NOTIMPL : KR_EXC;             \
    }
OBJECT_ORDER_M(lt)
OBJECT_ORDER_M(le)
OBJECT_ORDER_M(gt)
OBJECT_ORDER_M(ge)

static KrValue object_ne_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_wrapper_args(r, "__ne__", argc, kwnames, 1, 1)) return KR_EXC;
    // object.__ne__ inverts __eq__, passing NotImplemented through
    KrValue eq = kr_call_dunder(r, self, "__eq__", 1, args);
    if (eq == KR_EXC || eq == KR_NOTIMPL) return eq;
    if (eq == KR_NULL) eq = kr_bool(self == args[0]);
    int t = kr_truth(r, eq);
    return t < 0 ? KR_EXC : kr_bool(!t);
}

static KrValue object_getattribute_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "__getattribute__", kwnames) || !kr_args_count(r, "__getattribute__", argc, 1, 1)) return KR_EXC;
    if (!kr_is_str(args[0]))
        return kr_raise(r, &kr_exc_TypeError, "attribute name must be string, not '%s'", kr_type_name(args[0]));
    if (!kr_is_ptr(self) || !(kr_typeof(self)->flags & KR_TF_HEAP)) return kr_getattr(r, self, kr_as_str(args[0]));
    return kr_object_getattr(r, self, kr_as_str(args[0]), false);
}

static KrValue object_setattr_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "__setattr__", kwnames) || !kr_args_count(r, "__setattr__", argc, 2, 2)) return KR_EXC;
    if (!kr_is_str(args[0]))
        return kr_raise(r, &kr_exc_TypeError, "attribute name must be string, not '%s'", kr_type_name(args[0]));
    if (!kr_is_ptr(self) || !(kr_typeof(self)->flags & KR_TF_HEAP)) return kr_setattr(r, self, kr_as_str(args[0]), args[1]);
    return kr_object_setattr(r, self, kr_as_str(args[0]), args[1]);
}

static KrValue object_delattr_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "__delattr__", kwnames) || !kr_args_count(r, "__delattr__", argc, 1, 1)) return KR_EXC;
    if (!kr_is_str(args[0]))
        return kr_raise(r, &kr_exc_TypeError, "attribute name must be string, not '%s'", kr_type_name(args[0]));
    if (!kr_is_ptr(self) || !(kr_typeof(self)->flags & KR_TF_HEAP)) return kr_setattr(r, self, kr_as_str(args[0]), KR_NULL);
    return kr_object_setattr(r, self, kr_as_str(args[0]), KR_NULL);
}

static KrValue object_format_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "__format__", kwnames) || !kr_args_count(r, "__format__", argc, 1, 1)) return KR_EXC;
    if (!kr_is_str(args[0]))
        return kr_raise(r, &kr_exc_TypeError, "__format__() argument must be str, not %s", kr_arg_type_name(args[0]));
    if (kr_as_str(args[0])->nbytes)
        return kr_raise(r, &kr_exc_TypeError, "unsupported format string passed to %s.__format__", kr_type_name(self));
    return kr_str(r, self);
}

static KrValue object_init_subclass_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    if (argc || nkw)
        return kr_raise(r, &kr_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                        kr_is_type(self, &kr_type_type) ? kr_type_qualname((const KrType *)kr_as_obj(self)) : "object");
    return KR_NONE;
}

static KrValue object_dir_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_args_no_kw(r, "__dir__", kwnames) || !kr_args_count(r, "__dir__", argc, 0, 0)) return KR_EXC;
    return kr_dir_list(r, self);
}

static const KrMethodDef object_methods[] = {
    {"__init__", object_init_m, 0},
    {"__new__", object_new_m, KR_METH_STATIC},
    {"__repr__", object_repr_m, 0},
    {"__str__", object_str_m, 0},
    {"__hash__", object_hash_m, 0},
    {"__eq__", object_eq_m, 0},
    {"__ne__", object_ne_m, 0},
    {"__lt__", object_lt_m, 0},
    {"__le__", object_le_m, 0},
    {"__gt__", object_gt_m, 0},
    {"__ge__", object_ge_m, 0},
    {"__getattribute__", object_getattribute_m, 0},
    {"__setattr__", object_setattr_m, 0},
    {"__delattr__", object_delattr_m, 0},
    {"__format__", object_format_m, 0},
    {"__init_subclass__", object_init_subclass_m, KR_METH_CLASS},
    {"__dir__", object_dir_m, 0},
    {NULL, NULL, 0},
};

static const KrSnapOps type_object_snap = {NULL, NULL, NULL, NULL}; // nothing but the header

const KrType kr_type_object = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "object",
    .base = NULL,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrObj),
    .construct = object_construct,
    .repr = object_repr,
    .hash = kr_identity_hash,
    .methods = object_methods,
    .snap = &type_object_snap,
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
