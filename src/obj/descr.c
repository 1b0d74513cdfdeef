// descr.c: the objects classes are made of: bound methods, property,
// classmethod, staticmethod, super, and the iterator for classes that
// only define __getitem__.
#include "../types.h"
#include "../vm.h"
#include "class.h"
#include "../runsnap.h"

static const KrSnapOps method_snap, wrapper_snap, property_snap, member_snap, super_snap, getitem_iter_snap;

// ---- bound methods --------------------------------------------------------------------------

KrValue kr_method_new(KrRun *r, KrValue func, KrValue self) {
    KrMethod *m = kr_gc_alloc(r, &kr_type_method, sizeof(KrMethod));
    if (!m) return KR_EXC;
    m->func = func;
    m->self = self;
    return kr_from_obj(m);
}

static void method_trace(KrRun *r, KrObj *o) {
    kr_gc_mark(r, ((KrMethod *)o)->func);
    kr_gc_mark(r, ((KrMethod *)o)->self);
}

static KrValue method_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args, KrValue kwnames) {
    KrMethod *m = (KrMethod *)kr_as_obj(callee);
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    KrValue tup = kr_tuple_new(r, argc + nkw + 1);
    if (tup == KR_EXC) return KR_EXC;
    KrValue *items = kr_as_tuple(tup)->items;
    items[0] = m->self;
    if (argc + nkw) memcpy(items + 1, args, (argc + nkw) * sizeof(KrValue));
    kr_root_push(r, &tup);
    KrValue res = kr_call(r, m->func, argc + 1, items, kwnames);
    kr_root_pop(r, 1);
    return res;
}

static KrValue method_repr(KrRun *r, KrValue v) {
    KrMethod *m = (KrMethod *)kr_as_obj(v);
    KrValue qn = kr_getattr_cstr(r, m->func, "__qualname__");
    if (qn == KR_EXC) return KR_EXC;
    KrValue sr = kr_repr(r, m->self);
    if (sr == KR_EXC) return KR_EXC;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<bound method %s of %s>", kr_is_str(qn) ? kr_as_str(qn)->data : "?",
                            kr_as_str(sr)->data);
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

static KrValue method_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    (void)r;
    if ((op != KR_CMP_EQ && op != KR_CMP_NE) || !kr_is_type(b, &kr_type_method)) return KR_NOTIMPL;
    KrMethod *x = (KrMethod *)kr_as_obj(a), *y = (KrMethod *)kr_as_obj(b);
    bool eq = x->func == y->func && x->self == y->self;
    return kr_bool(op == KR_CMP_EQ ? eq : !eq);
}

// Equal bound methods (same function, same self) hash alike.
static bool method_hash(KrRun *r, KrValue v, int64_t *out) {
    const KrMethod *m = (const KrMethod *)kr_as_obj(v);
    int64_t hs, hf;
    kr_identity_hash(r, m->self, &hs);
    kr_identity_hash(r, m->func, &hf);
    *out = hs ^ hf;
    if (*out == -1) *out = -2;
    return true;
}

static KrValue method_getattr(KrRun *r, KrValue o, KrStr *name) {
    KrMethod *m = (KrMethod *)kr_as_obj(o);
    if (kr_str_eq_cstr(name, "__func__")) return m->func;
    if (kr_str_eq_cstr(name, "__self__")) return m->self;
    if (kr_str_eq_cstr(name, "__class__")) return kr_from_obj(&kr_type_method);
    return kr_getattr(r, m->func, name);
}

const KrType kr_type_method = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "method",
    .base = &kr_type_object,
    .basic_size = sizeof(KrMethod),
    .trace = method_trace,
    .repr = method_repr,
    .hash = method_hash,
    .compare = method_compare,
    .call = method_call,
    .getattr = method_getattr,
    .snap = &method_snap,
};

// ---- classmethod, staticmethod ----------------------------------------------------------------

static void wrapper_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((KrClassMethod *)o)->func); }

static KrValue wrapper_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, t->name, kwnames)) return KR_EXC;
    if (argc != 1) return kr_raise(r, &kr_exc_TypeError, "%s expected 1 argument, got %zu", t->name, argc);
    KrClassMethod *w = kr_gc_alloc(r, t, sizeof(KrClassMethod));
    if (!w) return KR_EXC;
    w->func = args[0];
    return kr_from_obj(w);
}

static KrValue wrapper_get_func(KrRun *r, KrValue self) {
    (void)r;
    return ((KrClassMethod *)kr_as_obj(self))->func;
}

static const KrGetSetDef wrapper_getsets[] = {
    {"__func__", wrapper_get_func},
    {"__wrapped__", wrapper_get_func},
    {NULL, NULL},
};

// <staticmethod(<function f at 0x...>)>: the repr of what it wraps, as
// CPython 3.10+ (which names the built-in type even for a subclass).
static KrValue wrapper_repr(KrRun *r, KrValue v) {
    KrValue inner = kr_repr(r, ((KrClassMethod *)kr_as_obj(v))->func);
    if (inner == KR_EXC) return KR_EXC;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    const char *kind = kr_isinstance(v, &kr_type_classmethod) ? "classmethod" : "staticmethod";
    bool ok = kr_buf_printf(&b, "<%s(", kind) && kr_buf_append(&b, kr_as_str(inner)->data, kr_as_str(inner)->nbytes) &&
              kr_buf_append_str(&b, ")>");
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

// staticmethod objects are callable directly (Python 3.10+).
static KrValue static_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args, KrValue kwnames) {
    return kr_call(r, ((KrClassMethod *)kr_as_obj(callee))->func, argc, args, kwnames);
}

KrValue kr_classmethod_bind(KrRun *r, KrValue cm, KrValue cls) {
    KrValue fn = ((KrClassMethod *)kr_as_obj(cm))->func;
    if (kr_is_type(fn, &kr_type_function)) return kr_method_new(r, fn, cls);
    // CPython 3.11 binds any descriptor it wraps to the class:
    // @classmethod over @property makes a class property
    static const KrStr get_name = KR_STATIC_STR("__get__");
    KrLookup lk;
    if (kr_is_ptr(fn) && kr_type_lookup(r, kr_typeof(fn), (KrStr *)&get_name, &lk) && (lk.value != KR_NULL || lk.meth)) {
        KrValue args[2] = {cls, cls}; // CPython passes the class twice
        return kr_call_dunder(r, fn, "__get__", 2, args);
    }
    return kr_method_new(r, fn, cls);
}

const KrType kr_type_classmethod = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "classmethod",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrClassMethod),
    .trace = wrapper_trace,
    .repr = wrapper_repr,
    .construct = wrapper_construct,
    .hash = kr_identity_hash,
    .getsets = wrapper_getsets,
    .snap = &wrapper_snap,
};

const KrType kr_type_staticmethod = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "staticmethod",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrClassMethod),
    .trace = wrapper_trace,
    .repr = wrapper_repr,
    .construct = wrapper_construct,
    .hash = kr_identity_hash,
    .call = static_call,
    .getsets = wrapper_getsets,
    .snap = &wrapper_snap,
};

// ---- property -----------------------------------------------------------------------------------

static void property_trace(KrRun *r, KrObj *o) {
    KrProperty *p = (KrProperty *)o;
    kr_gc_mark(r, p->fget);
    kr_gc_mark(r, p->fset);
    kr_gc_mark(r, p->fdel);
    kr_gc_mark(r, p->doc);
    kr_gc_mark(r, p->name);
}

static KrValue property_make(KrRun *r, const KrType *t, KrValue fget, KrValue fset, KrValue fdel, KrValue doc) {
    KrProperty *p = kr_gc_alloc(r, t, sizeof(KrProperty));
    if (!p) return KR_EXC;
    p->fget = fget;
    p->fset = fset;
    p->fdel = fdel;
    p->doc = doc;
    p->name = KR_NULL;
    if (doc == KR_NONE && fget != KR_NONE) {
        KrValue d = kr_getattr_opt_cstr(r, fget, "__doc__");
        if (d != KR_EXC && d != KR_NULL) p->doc = d;
        else kr_clear_exc(r);
    }
    return kr_from_obj(p);
}

static KrValue property_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kwnames) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
    static const KrArgSpec spec = {"property", names, 0, 0, 0, KR_ARGS_C};
    KrValue a[4];
    if (!kr_args_parse(r, &spec, argc, args, kwnames, a)) return KR_EXC;
    for (int i = 0; i < 4; i++)
        if (a[i] == KR_NULL) a[i] = KR_NONE;
    return property_make(r, t, a[0], a[1], a[2], a[3]);
}

static KrValue property_missing(KrRun *r, KrProperty *p, KrValue self, const char *what) {
    const char *owner = kr_type_qualname(kr_typeof(self)); // CPython names the qualname here
    if (p->name != KR_NULL && kr_is_str(p->name))
        return kr_raise(r, &kr_exc_AttributeError, "property '%s' of '%s' object has no %s", kr_as_str(p->name)->data,
                        owner, what);
    return kr_raise(r, &kr_exc_AttributeError, "property of '%s' object has no %s", owner, what);
}

KrValue kr_property_get(KrRun *r, KrValue prop, KrValue self) {
    KrProperty *p = (KrProperty *)kr_as_obj(prop);
    if (p->fget == KR_NONE) return property_missing(r, p, self, "getter");
    return kr_call1(r, p->fget, self);
}

KrValue kr_property_set(KrRun *r, KrValue prop, KrValue self, KrValue v, KrStr *name, const KrType *cls) {
    KrProperty *p = (KrProperty *)kr_as_obj(prop);
    KrValue f = v == KR_NULL ? p->fdel : p->fset;
    (void)name;
    (void)cls;
    if (f == KR_NONE) return property_missing(r, p, self, v == KR_NULL ? "deleter" : "setter");
    KrValue res = v == KR_NULL ? kr_call1(r, f, self) : kr_call2(r, f, self, v);
    return res == KR_EXC ? KR_EXC : KR_NONE;
}

static KrValue property_with(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames, int which) {
    static const char *const names[] = {"getter", "setter", "deleter"};
    if (!kr_args_no_kw(r, names[which], kwnames) || !kr_args_count(r, names[which], argc, 1, 1)) return KR_EXC;
    KrProperty *p = (KrProperty *)kr_as_obj(self);
    KrValue f[3] = {p->fget, p->fset, p->fdel};
    f[which] = args[0];
    return property_make(r, p->ob.type, f[0], f[1], f[2], which == 0 ? KR_NONE : p->doc);
}

static KrValue property_getter(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    return property_with(r, self, argc, args, kwnames, 0);
}
static KrValue property_setter(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    return property_with(r, self, argc, args, kwnames, 1);
}
static KrValue property_deleter(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    return property_with(r, self, argc, args, kwnames, 2);
}

// property.__get__/__set__/__delete__: what attribute access does, for a
// subclass's super().__get__(obj, cls) or a call by hand.
static KrValue property_get_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    KrValue obj;
    if (!kr_descr_get_args(r, argc, args, kwnames, &obj)) return KR_EXC;
    return obj == KR_NONE ? self : kr_property_get(r, self, obj);
}
static KrValue property_set_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "__set__", kwnames) || !kr_args_count(r, "__set__", argc, 2, 2)) return KR_EXC;
    return kr_property_set(r, self, args[0], args[1], NULL, NULL);
}
static KrValue property_delete_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "__delete__", kwnames) || !kr_args_count(r, "__delete__", argc, 1, 1)) return KR_EXC;
    return kr_property_set(r, self, args[0], KR_NULL, NULL, NULL);
}

static const KrMethodDef property_methods[] = {
    {"__get__", property_get_m, 0},
    {"__set__", property_set_m, 0},
    {"__delete__", property_delete_m, 0},
    {"getter", property_getter, 0},
    {"setter", property_setter, 0},
    {"deleter", property_deleter, 0},
    {NULL, NULL, 0},
};

static KrValue property_fget(KrRun *r, KrValue self) { (void)r; return ((KrProperty *)kr_as_obj(self))->fget; }
static KrValue property_fset(KrRun *r, KrValue self) { (void)r; return ((KrProperty *)kr_as_obj(self))->fset; }
static KrValue property_fdel(KrRun *r, KrValue self) { (void)r; return ((KrProperty *)kr_as_obj(self))->fdel; }
static KrValue property_doc(KrRun *r, KrValue self) { (void)r; return ((KrProperty *)kr_as_obj(self))->doc; }

static const KrGetSetDef property_getsets[] = {
    {"fget", property_fget},
    {"fset", property_fset},
    {"fdel", property_fdel},
    {"__doc__", property_doc},
    {NULL, NULL},
};

const KrType kr_type_property = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "property",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrProperty),
    .trace = property_trace,
    .construct = property_construct,
    .hash = kr_identity_hash,
    .methods = property_methods,
    .getsets = property_getsets,
    .snap = &property_snap,
};

// ---- member descriptors (__slots__) ---------------------------------------------------------------

static void member_trace(KrRun *r, KrObj *o) {
    kr_gc_mark(r, ((KrMember *)o)->owner);
    kr_gc_mark(r, ((KrMember *)o)->name);
}

KrValue kr_member_new(KrRun *r, const KrType *owner, KrValue name, uint32_t index) {
    KrMember *m = kr_gc_alloc(r, &kr_type_member, sizeof(KrMember));
    if (!m) return KR_EXC;
    m->owner = kr_from_obj(owner);
    m->name = name;
    m->index = index;
    return kr_from_obj(m);
}

// "<owner>.<name>"-like strings of two parts.
static KrValue member_str2(KrRun *r, const char *fmt, const char *a, const char *b) {
    KrBuf buf;
    kr_buf_init(&buf, kr_run_allocator(r));
    KrValue out = kr_buf_printf(&buf, fmt, a, b) ? kr_str_from_buf(r, &buf) : KR_EXC;
    kr_buf_free(&buf);
    return out;
}

static const char *member_name(const KrMember *m) { return kr_as_str(m->name)->data; }
static const char *member_owner_name(const KrMember *m) { return ((const KrType *)kr_as_obj(m->owner))->name; }

// The slot word of `obj`, or NULL (TypeError raised) when obj is not an
// instance of the class that declared the slot.
static KrValue *member_word(KrRun *r, const KrMember *m, KrValue obj) {
    if (!kr_isinstance(obj, (const KrType *)kr_as_obj(m->owner))) {
        kr_raise(r, &kr_exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                 member_name(m), member_owner_name(m), kr_type_name(obj));
        return NULL;
    }
    return &kr_instance_members(kr_as_obj(obj))[m->index];
}

KrValue kr_member_get(KrRun *r, KrValue member, KrValue obj) {
    const KrMember *m = (const KrMember *)kr_as_obj(member);
    KrValue *w = member_word(r, m, obj);
    if (!w) return KR_EXC;
    if (*w == KR_NULL)
        return kr_raise_attr_error(r, obj, kr_as_str(m->name), "'%s' object has no attribute '%s'", kr_type_name(obj),
                                   member_name(m));
    return *w;
}

// v == KR_NULL deletes.
KrValue kr_member_set(KrRun *r, KrValue member, KrValue obj, KrValue v) {
    const KrMember *m = (const KrMember *)kr_as_obj(member);
    KrValue *w = member_word(r, m, obj);
    if (!w) return KR_EXC;
    if (v == KR_NULL && *w == KR_NULL) return kr_raise_attr_error(r, obj, kr_as_str(m->name), "%s", member_name(m));
    *w = v;
    return KR_NONE;
}

static KrValue member_dunder_get(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "__get__", kwnames) || !kr_args_count(r, "__get__", argc, 1, 2)) return KR_EXC;
    if (args[0] == KR_NONE && argc == 2) return self;
    return kr_member_get(r, self, args[0]);
}

static KrValue member_dunder_set(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "__set__", kwnames) || !kr_args_count(r, "__set__", argc, 2, 2)) return KR_EXC;
    return kr_member_set(r, self, args[0], args[1]);
}

static KrValue member_dunder_delete(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "__delete__", kwnames) || !kr_args_count(r, "__delete__", argc, 1, 1)) return KR_EXC;
    return kr_member_set(r, self, args[0], KR_NULL);
}

static KrValue member_descr_get(KrRun *r, KrValue d, KrValue obj, const KrType *cls) {
    (void)cls;
    return obj == KR_NULL ? d : kr_member_get(r, d, obj);
}

static const KrMethodDef member_methods[] = {
    {"__get__", member_dunder_get, 0},
    {"__set__", member_dunder_set, 0},
    {"__delete__", member_dunder_delete, 0},
    {NULL, NULL, 0},
};

static KrValue member_get_name(KrRun *r, KrValue self) { (void)r; return ((KrMember *)kr_as_obj(self))->name; }
static KrValue member_get_objclass(KrRun *r, KrValue self) { (void)r; return ((KrMember *)kr_as_obj(self))->owner; }
static KrValue member_get_doc(KrRun *r, KrValue self) { (void)r; (void)self; return KR_NONE; }

static KrValue member_get_qualname(KrRun *r, KrValue self) {
    const KrMember *m = (const KrMember *)kr_as_obj(self);
    KrValue q = ((const KrType *)kr_as_obj(m->owner))->heap_qualname;
    return member_str2(r, "%s.%s", kr_is_str(q) ? kr_as_str(q)->data : member_owner_name(m), member_name(m));
}

static const KrGetSetDef member_getsets[] = {
    {"__name__", member_get_name},
    {"__qualname__", member_get_qualname},
    {"__objclass__", member_get_objclass},
    {"__doc__", member_get_doc},
    {NULL, NULL},
};

static KrValue member_repr(KrRun *r, KrValue v) {
    const KrMember *m = (const KrMember *)kr_as_obj(v);
    return member_str2(r, "<member '%s' of '%s' objects>", member_name(m), member_owner_name(m));
}

const KrType kr_type_member = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "member_descriptor",
    .base = &kr_type_object,
    .basic_size = sizeof(KrMember),
    .trace = member_trace,
    .repr = member_repr,
    .hash = kr_identity_hash,
    .descr_get = member_descr_get,
    .descr_set = kr_member_set,
    .methods = member_methods,
    .getsets = member_getsets,
    .snap = &member_snap,
};

// ---- super ---------------------------------------------------------------------------------------

static void super_trace(KrRun *r, KrObj *o) {
    kr_gc_mark(r, ((KrSuper *)o)->type);
    kr_gc_mark(r, ((KrSuper *)o)->obj);
}

static KrValue super_make(KrRun *r, KrValue type, KrValue obj) {
    if (!kr_is_type(type, &kr_type_type))
        return kr_raise(r, &kr_exc_TypeError, "super() argument 1 must be a type, not %s", kr_type_name(type));
    const KrType *t = (const KrType *)kr_as_obj(type);
    bool ok = kr_isinstance(obj, t) ||
              (kr_is_type(obj, &kr_type_type) && kr_type_is_subtype((const KrType *)kr_as_obj(obj), t));
    if (!ok) return kr_raise(r, &kr_exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    KrSuper *s = kr_gc_alloc(r, &kr_type_super, sizeof(KrSuper));
    if (!s) return KR_EXC;
    s->type = type;
    s->obj = obj;
    return kr_from_obj(s);
}

// super() with no arguments: the __class__ cell and the first argument of
// the calling method.
static KrValue super_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)t;
    if (!kr_args_no_kw(r, "super", kwnames) || !kr_args_count(r, "super", argc, 0, 2)) return KR_EXC;
    if (argc == 2) return super_make(r, args[0], args[1]);
    if (argc == 1) return kr_raise(r, &kr_exc_NotImplementedError, "super() with one argument is not supported");
    KrFrame *f = r->frame;
    if (!f || f->func == KR_NULL) return kr_raise(r, &kr_exc_RuntimeError, "super(): no arguments");
    const KrCode *code = f->code;
    if (code->argcount == 0 && !(code->flags & KR_CODE_VARARGS))
        return kr_raise(r, &kr_exc_RuntimeError, "super(): no arguments");
    for (uint32_t i = 0; i < code->ncells + code->nfrees; i++) {
        if (!kr_str_eq_cstr(code->cellnames[i], "__class__")) continue;
        KrValue cls = ((KrCell *)kr_as_obj(kr_frame_cells(f)[i]))->value;
        if (cls == KR_NULL) return kr_raise(r, &kr_exc_RuntimeError, "super(): empty __class__ cell");
        KrValue self = f->slots[0];
        if (code->cell_arg && i < code->ncells && code->cell_arg[i] == 0) self = cls; // unusual
        for (uint32_t k = 0; k < code->ncells; k++)
            if (code->cell_arg[k] == 0) self = ((KrCell *)kr_as_obj(kr_frame_cells(f)[k]))->value;
        if (self == KR_NULL) return kr_raise(r, &kr_exc_RuntimeError, "super(): arg[0] deleted");
        return super_make(r, cls, self);
    }
    return kr_raise(r, &kr_exc_RuntimeError, "super(): __class__ cell not found");
}

static KrValue super_getattr(KrRun *r, KrValue o, KrStr *name) {
    KrSuper *s = (KrSuper *)kr_as_obj(o);
    const KrType *start = (const KrType *)kr_as_obj(s->type);
    bool obj_is_type = kr_is_type(s->obj, &kr_type_type) &&
                       kr_type_is_subtype((const KrType *)kr_as_obj(s->obj), start);
    const KrType *cls = obj_is_type ? (const KrType *)kr_as_obj(s->obj) : kr_typeof(s->obj);
    if (kr_str_eq_cstr(name, "__class__")) return kr_from_obj(&kr_type_super);
    if (cls->flags & KR_TF_HEAP) {
        KrTuple *mro = kr_as_tuple(cls->mro);
        size_t i = 0;
        while (i < mro->len && kr_as_obj(mro->items[i]) != &start->ob) i++;
        for (i++; i < mro->len; i++) {
            const KrType *p = (const KrType *)kr_as_obj(mro->items[i]);
            KrLookup lk;
            if (p->flags & KR_TF_HEAP) {
                KrValue v;
                if (kr_dict_get_hashed(r, kr_as_dict(p->dict), kr_from_obj(name), kr_str_hash(name), &v) <= 0) continue;
                lk.value = v;
                lk.meth = NULL;
                lk.gs = NULL;
            } else if (!kr_type_lookup(r, p, name, &lk)) {
                continue;
            }
            return kr_super_bind(r, &lk, s->obj, cls, obj_is_type);
        }
    }
    return kr_raise(r, &kr_exc_AttributeError, "'super' object has no attribute '%s'", name->data);
}

KrValue kr_super_bind(KrRun *r, const KrLookup *lk, KrValue obj, const KrType *cls, bool obj_is_type) {
    if (lk->meth) {
        if (lk->meth->flags & KR_METH_CLASS) return kr_bound_native_new(r, kr_from_obj(cls), lk->meth, lk->owner);
        if (lk->meth->flags & KR_METH_STATIC) return kr_bound_native_new(r, KR_NULL, lk->meth, lk->owner);
        return kr_bound_native_new(r, obj_is_type ? KR_NULL : obj, lk->meth, lk->owner);
    }
    if (lk->gs) return lk->gs->get(r, obj);
    KrValue v = lk->value;
    const KrType *vt = kr_typeof(v);
    if (vt == &kr_type_function) return obj_is_type ? v : kr_method_new(r, v, obj);
    if (vt == &kr_type_classmethod) return kr_classmethod_bind(r, v, kr_from_obj(cls));
    if (vt == &kr_type_staticmethod) return ((KrClassMethod *)kr_as_obj(v))->func;
    if (vt == &kr_type_property && !obj_is_type) return kr_property_get(r, v, obj);
    if (vt->descr_get) return vt->descr_get(r, v, obj_is_type ? KR_NULL : obj, cls);
    return v;
}

static KrValue super_repr(KrRun *r, KrValue v) {
    KrSuper *s = (KrSuper *)kr_as_obj(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<super: <class '%s'>, <%s object>>", ((const KrType *)kr_as_obj(s->type))->name,
                            kr_type_name(s->obj));
    KrValue out = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return out;
}

const KrType kr_type_super = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "super",
    .base = &kr_type_object,
    .basic_size = sizeof(KrSuper),
    .trace = super_trace,
    .construct = super_construct,
    .repr = super_repr,
    .hash = kr_identity_hash,
    .getattr = super_getattr,
    .snap = &super_snap,
};

// ---- iteration through __getitem__ -----------------------------------------------------------------

static KrValue getitem_iter_next(KrRun *r, KrValue it) {
    KrSeqIter *s = (KrSeqIter *)kr_as_obj(it);
    if (s->seq == KR_NULL) return KR_STOP;
    KrValue v = kr_getitem(r, s->seq, kr_from_small((int64_t)s->index));
    if (v == KR_EXC) {
        if (kr_pending_is(r, &kr_exc_IndexError) || kr_pending_is(r, &kr_exc_StopIteration)) {
            kr_clear_exc(r);
            s->seq = KR_NULL;
            return KR_STOP;
        }
        return KR_EXC;
    }
    s->index++;
    return v;
}

static KrValue getitem_iter_self(KrRun *r, KrValue it) {
    (void)r;
    return it;
}

static void getitem_iter_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((KrSeqIter *)o)->seq); }

const KrType kr_type_getitem_iterator = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "iterator",
    .base = &kr_type_object,
    .basic_size = sizeof(KrSeqIter),
    .trace = getitem_iter_trace,
    .iter = getitem_iter_self,
    .next = getitem_iter_next,
    .snap = &getitem_iter_snap,
};

KrValue kr_seqiter_getitem_new(KrRun *r, KrValue seq) {
    KrSeqIter *s = kr_gc_alloc(r, &kr_type_getitem_iterator, sizeof(KrSeqIter));
    if (!s) return KR_EXC;
    s->seq = seq;
    s->index = 0;
    s->version = 0;
    return kr_from_obj(s);
}

// ---- run snapshots ----------------------------------------------------------------------------

static const KrRsField method_fields[] = {KR_RS_VAL(KrMethod, func), KR_RS_VAL(KrMethod, self), KR_RS_END};
static const KrSnapOps method_snap = {method_fields, NULL, NULL, NULL};

static const KrRsField wrapper_fields[] = {KR_RS_VAL(KrClassMethod, func), KR_RS_END};
static const KrSnapOps wrapper_snap = {wrapper_fields, NULL, NULL, NULL};

static const KrRsField property_fields[] = {
    KR_RS_VAL(KrProperty, fget), KR_RS_VAL(KrProperty, fset), KR_RS_VAL(KrProperty, fdel), KR_RS_VAL(KrProperty, doc),
    KR_RS_FIELD(KrProperty, name, KR_RSF_VALUE, KR_RS_STR | KR_RS_NULL, NULL), KR_RS_END,
};
static const KrSnapOps property_snap = {property_fields, NULL, NULL, NULL};

static const KrRsField member_fields[] = {
    KR_RS_FIELD(KrMember, owner, KR_RSF_VALUE, KR_RS_TYPE, NULL),
    KR_RS_FIELD(KrMember, name, KR_RSF_VALUE, KR_RS_STR, NULL),
    KR_RS_SCALAR(KrMember, index, KR_RSF_U32),
    KR_RS_END,
};

// The slot word must exist in every instance of the owner (subclasses
// have at least their bases' slot words: checked with the classes).
static bool member_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const KrMember *m = (const KrMember *)o;
    if (stage == 0) return true;
    const KrType *t = (const KrType *)kr_as_obj(m->owner);
    return ((t->flags & KR_TF_HEAP) && m->index < t->nslots) || kr_rs_fail(rd, "a slot descriptor out of its class");
}

static const KrSnapOps member_snap = {member_fields, NULL, NULL, member_snap_finish};

static const KrRsField super_fields[] = {
    KR_RS_FIELD(KrSuper, type, KR_RSF_VALUE, KR_RS_TYPE, NULL),
    KR_RS_VAL(KrSuper, obj),
    KR_RS_END,
};

// As super() checks: the object is an instance (or subclass) of the type.
static bool super_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const KrSuper *s = (const KrSuper *)o;
    if (stage == 0) return true;
    const KrType *t = (const KrType *)kr_as_obj(s->type);
    bool ok = kr_isinstance(s->obj, t) ||
              (kr_is_type(s->obj, &kr_type_type) && kr_type_is_subtype((const KrType *)kr_as_obj(s->obj), t));
    return ok || kr_rs_fail(rd, "a super() of an unrelated object");
}

static const KrSnapOps super_snap = {super_fields, NULL, NULL, super_snap_finish};

static const KrRsField getitem_iter_fields[] = {
    KR_RS_VALN(KrSeqIter, seq),
    KR_RS_SCALAR(KrSeqIter, index, KR_RSF_SIZE),
    KR_RS_END,
};
static const KrSnapOps getitem_iter_snap = {getitem_iter_fields, NULL, NULL, NULL};
