// func.c: function objects and their relatives: code (static), cells,
// built-in functions, bound native methods, bound Python methods,
// traceback entries.
#include "../types.h"
#include "class.h"
#include "../vm.h"
#include "../runsnap.h"

static const KrSnapOps func_snap, cell_snap, bound_snap, tb_snap;

// ---- function ----------------------------------------------------------------------
static void func_trace(KrRun *r, KrObj *o) {
    KrFunc *f = (KrFunc *)o;
    kr_gc_mark(r, f->globals);
    kr_gc_mark(r, f->defaults);
    kr_gc_mark(r, f->kwdefaults);
    kr_gc_mark(r, f->closure);
    kr_gc_mark(r, f->name);
    kr_gc_mark(r, f->qualname);
    kr_gc_mark(r, f->dict);
    kr_gc_mark(r, f->doc);
    kr_gc_mark(r, f->annotations);
    kr_gc_mark(r, f->module);
}

static KrValue func_repr(KrRun *r, KrValue v) {
    KrFunc *f = (KrFunc *)kr_as_obj(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<function %s at 0x%llx>", kr_as_str(f->qualname)->data,
                            (unsigned long long)kr_object_id(r, v));
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

static bool name_eq(const KrStr *n, const char *s) { return kr_str_eq_cstr(n, s); }

static KrValue func_getattr(KrRun *r, KrValue o, KrStr *name) {
    KrFunc *f = (KrFunc *)kr_as_obj(o);
    if (name_eq(name, "__name__")) return f->name;
    if (name_eq(name, "__qualname__")) return f->qualname;
    if (name_eq(name, "__doc__")) return f->doc;
    if (name_eq(name, "__module__")) return f->module;
    if (name_eq(name, "__defaults__")) return f->defaults == KR_NULL ? KR_NONE : f->defaults;
    if (name_eq(name, "__kwdefaults__")) return f->kwdefaults == KR_NULL ? KR_NONE : f->kwdefaults;
    if (name_eq(name, "__annotations__")) {
        if (f->annotations == KR_NULL) {
            KrValue d = kr_dict_new(r);
            if (d == KR_EXC) return KR_EXC;
            f->annotations = d;
        }
        return f->annotations;
    }
    if (name_eq(name, "__dict__")) {
        if (f->dict == KR_NULL) {
            KrValue d = kr_dict_new(r);
            if (d == KR_EXC) return KR_EXC;
            f->dict = d;
        }
        return f->dict;
    }
    if (name_eq(name, "__class__")) return kr_from_obj(&kr_type_function);
    if (f->dict != KR_NULL) {
        KrValue v;
        int found = kr_dict_get(r, kr_as_dict(f->dict), kr_from_obj(name), &v);
        if (found < 0) return KR_EXC;
        if (found) return v;
    }
    KrValue m = kr_generic_getattr(r, o, name); // the type's methods (__get__)
    if (m != KR_NULL) return m;
    // __code__, __globals__, __closure__, __builtins__ would reach outside
    // the sandbox's model: they are simply absent.
    return kr_raise_attr_error(r, o, name, "'function' object has no attribute '%s'", name->data);
}

// f.__get__(obj, type=None): what binding a function as a method does by
// hand (a.m = f.__get__(a)); None binds nothing.
static KrValue func_get_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    KrValue obj;
    if (!kr_descr_get_args(r, argc, args, kwnames, &obj)) return KR_EXC;
    return obj == KR_NONE ? self : kr_method_new(r, self, obj);
}

static const KrMethodDef func_methods[] = {
    {"__get__", func_get_m, 0},
    {NULL, NULL, 0},
};

// f.__defaults__ = (..) / f.__kwdefaults__ = {..}: what later calls fill
// in (None or del: none). A subclass's instance is kept as a plain copy.
static KrValue func_set_defaults(KrRun *r, KrFunc *f, const KrStr *name, KrValue v) {
    bool kw = name_eq(name, "__kwdefaults__");
    if (v == KR_NULL || v == KR_NONE) {
        if (kw) f->kwdefaults = KR_NULL;
        else f->defaults = KR_NULL;
        return KR_NONE;
    }
    if (!kr_is_ptr(v) || !kr_isinstance(v, kw ? &kr_type_dict : &kr_type_tuple))
        return kr_raise(r, &kr_exc_TypeError, kw ? "__kwdefaults__ must be set to a dict object"
                                                 : "__defaults__ must be set to a tuple object");
    if (kw) {
        KrValue d = kr_is_type(v, &kr_type_dict) ? v : kr_dict_copy(r, kr_as_dict(v));
        if (d == KR_EXC) return KR_EXC;
        f->kwdefaults = d;
    } else {
        KrTuple *t = kr_as_tuple(v);
        KrValue d = kr_is_type(v, &kr_type_tuple) ? v : kr_tuple_from_array(r, t->items, t->len);
        if (d == KR_EXC) return KR_EXC;
        f->defaults = d;
    }
    return KR_NONE;
}

static KrValue func_setattr(KrRun *r, KrValue o, KrStr *name, KrValue v) {
    KrFunc *f = (KrFunc *)kr_as_obj(o);
    if (name_eq(name, "__name__") || name_eq(name, "__qualname__")) {
        if (!kr_is_str(v))
            return kr_raise(r, &kr_exc_TypeError, "__%s__ must be set to a string object",
                            name_eq(name, "__name__") ? "name" : "qualname");
        if (name_eq(name, "__name__")) f->name = v;
        else f->qualname = v;
        return KR_NONE;
    }
    if (name_eq(name, "__doc__")) {
        f->doc = v == KR_NULL ? KR_NONE : v;
        return KR_NONE;
    }
    if (name_eq(name, "__module__")) {
        f->module = v == KR_NULL ? KR_NONE : v;
        return KR_NONE;
    }
    if (name_eq(name, "__defaults__") || name_eq(name, "__kwdefaults__")) return func_set_defaults(r, f, name, v);
    if (f->dict == KR_NULL) {
        if (v == KR_NULL) return kr_raise(r, &kr_exc_AttributeError, "'function' object has no attribute '%s'", name->data);
        KrValue d = kr_dict_new(r);
        if (d == KR_EXC) return KR_EXC;
        f->dict = d;
    }
    if (v == KR_NULL) {
        int d = kr_dict_del(r, kr_as_dict(f->dict), kr_from_obj(name));
        if (d < 0) return KR_EXC;
        if (!d) return kr_raise(r, &kr_exc_AttributeError, "'function' object has no attribute '%s'", name->data);
        return KR_NONE;
    }
    return kr_dict_set(r, kr_as_dict(f->dict), kr_from_obj(name), v) ? KR_NONE : KR_EXC;
}

const KrType kr_type_function = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "function",
    .base = &kr_type_object,
    .basic_size = sizeof(KrFunc),
    .trace = func_trace,
    .repr = func_repr,
    .hash = kr_identity_hash,
    .getattr = func_getattr,
    .setattr = func_setattr,
    .methods = func_methods,
    .snap = &func_snap,
};

// ---- code (static only) ------------------------------------------------------------------
static KrValue code_repr(KrRun *r, KrValue v) {
    const KrCode *c = (const KrCode *)kr_as_obj(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<code object %s>", c->name->data);
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

const KrType kr_type_code = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "code",
    .base = &kr_type_object,
    .repr = code_repr,
    .hash = kr_identity_hash,
};

// ---- cell ----------------------------------------------------------------------------------
static void cell_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((KrCell *)o)->value); }

KrValue kr_cell_new(KrRun *r, KrValue v) {
    KrCell *c = kr_gc_alloc(r, &kr_type_cell, sizeof(KrCell));
    if (!c) return KR_EXC;
    c->value = v;
    return kr_from_obj(c);
}

const KrType kr_type_cell = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "cell",
    .base = &kr_type_object,
    .basic_size = sizeof(KrCell),
    .trace = cell_trace,
    .hash = kr_identity_hash,
    .snap = &cell_snap,
};

// ---- built-in functions ------------------------------------------------------------------------
static KrValue builtin_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args, KrValue kwnames) {
    const KrBuiltin *b = (const KrBuiltin *)kr_as_obj(callee);
    return b->fn(r, KR_NULL, argc, args, kwnames);
}

static KrValue builtin_repr(KrRun *r, KrValue v) {
    const KrBuiltin *b = (const KrBuiltin *)kr_as_obj(v);
    KrBuf buf;
    kr_buf_init(&buf, kr_run_allocator(r));
    bool ok = kr_buf_printf(&buf, "<built-in function %s>", b->name);
    KrValue s = ok ? kr_str_from_buf(r, &buf) : KR_EXC;
    kr_buf_free(&buf);
    return s;
}

static KrValue builtin_get_name(KrRun *r, KrValue self) {
    return kr_str_from_cstr(r, ((const KrBuiltin *)kr_as_obj(self))->name);
}

static KrValue builtin_get_module(KrRun *r, KrValue self) {
    (void)self;
    return kr_str_from_cstr(r, "builtins");
}

static const KrGetSetDef builtin_getsets[] = {
    {"__name__", builtin_get_name},
    {"__qualname__", builtin_get_name},
    {"__module__", builtin_get_module},
    {NULL, NULL},
};

const KrType kr_type_builtin = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "builtin_function_or_method",
    .base = &kr_type_object,
    .repr = builtin_repr,
    .hash = kr_identity_hash,
    .call = builtin_call,
    .getsets = builtin_getsets,
};

// ---- bound native methods ----------------------------------------------------------------------
static void bound_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((KrBoundNative *)o)->self); }

KrValue kr_bound_native_new(KrRun *r, KrValue self, const KrMethodDef *def, const KrType *owner) {
    KrBoundNative *b = kr_gc_alloc(r, &kr_type_bound_native, sizeof(KrBoundNative));
    if (!b) return KR_EXC;
    b->self = self;
    b->def = def;
    b->owner = owner;
    return kr_from_obj(b);
}

// What the self of a method of `owner` must be an instance of.
static const KrType *method_self_type(const KrType *owner) { return owner->method_self ? owner->method_self : owner; }

static KrValue bound_wrong_self(KrRun *r, const KrBoundNative *b, KrValue self) {
    return kr_raise(r, &kr_exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                    b->def->name, method_self_type(b->owner)->name, kr_type_name(self));
}

// An unbound method (str.upper) takes its self from the first argument.
static KrValue bound_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args, KrValue kwnames) {
    const KrBoundNative *b = (const KrBoundNative *)kr_as_obj(callee);
    // a static method's native gets the type it belongs to (int.__new__ is int's)
    if (b->def->flags & KR_METH_STATIC) return b->def->fn(r, kr_from_obj(b->owner), argc, args, kwnames);
    if (b->self != KR_NULL) return b->def->fn(r, b->self, argc, args, kwnames);
    if (argc == 0)
        return kr_raise(r, &kr_exc_TypeError, "unbound method %s.%s() needs an argument", b->owner->name, b->def->name);
    if (!kr_isinstance(args[0], method_self_type(b->owner))) return bound_wrong_self(r, b, args[0]);
    return b->def->fn(r, args[0], argc - 1, args + 1, kwnames);
}

// An unbound method stored in a class dict binds as CPython's method
// descriptors do: to the instance, or to the class for classmethods.
static KrValue bound_descr_get(KrRun *r, KrValue d, KrValue obj, const KrType *cls) {
    const KrBoundNative *b = (const KrBoundNative *)kr_as_obj(d);
    if (b->self != KR_NULL || (b->def->flags & KR_METH_STATIC)) return d;
    if (b->def->flags & KR_METH_CLASS) return kr_bound_native_new(r, kr_from_obj(cls), b->def, b->owner);
    if (obj == KR_NULL) return d;
    if (!kr_isinstance(obj, method_self_type(b->owner))) return bound_wrong_self(r, b, obj);
    return kr_bound_native_new(r, obj, b->def, b->owner);
}

static KrValue bound_repr(KrRun *r, KrValue v) {
    const KrBoundNative *b = (const KrBoundNative *)kr_as_obj(v);
    KrBuf buf;
    kr_buf_init(&buf, kr_run_allocator(r));
    bool ok;
    if (b->def->flags & KR_METH_STATIC) // a built-in static method is bound to its type
        ok = kr_buf_printf(&buf, "<built-in method %s of type object at 0x%llx>", b->def->name,
                           (unsigned long long)kr_object_id(r, kr_from_obj(b->owner)));
    else if (b->self == KR_NULL)
        ok = kr_buf_printf(&buf, "<method '%s' of '%s' objects>", b->def->name, b->owner->name);
    else
        ok = kr_buf_printf(&buf, "<built-in method %s of %s object at 0x%llx>", b->def->name, kr_type_name(b->self),
                           (unsigned long long)kr_object_id(r, b->self));
    KrValue s = ok ? kr_str_from_buf(r, &buf) : KR_EXC;
    kr_buf_free(&buf);
    return s;
}

static KrValue bound_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    (void)r;
    if ((op != KR_CMP_EQ && op != KR_CMP_NE) || !kr_is_type(b, &kr_type_bound_native)) return KR_NOTIMPL;
    const KrBoundNative *x = (const KrBoundNative *)kr_as_obj(a), *y = (const KrBoundNative *)kr_as_obj(b);
    bool eq = x->def == y->def && x->self == y->self;
    return kr_bool(op == KR_CMP_EQ ? eq : !eq);
}

// Equal bound built-in methods hash alike (the method's name stands for
// its definition: no address may show in a hash).
static bool bound_hash(KrRun *r, KrValue v, int64_t *out) {
    const KrBoundNative *b = (const KrBoundNative *)kr_as_obj(v);
    uint64_t h = 1469598103934665603u;
    for (const char *p = b->def->name; *p; p++) h = (h ^ (uint8_t)*p) * 1099511628211u;
    int64_t hs;
    kr_identity_hash(r, b->self, &hs);
    *out = (int64_t)(h >> 1) ^ hs;
    if (*out == -1) *out = -2;
    return true;
}

static KrValue bound_get_name(KrRun *r, KrValue self) {
    return kr_str_from_cstr(r, ((const KrBoundNative *)kr_as_obj(self))->def->name);
}

static KrValue bound_get_self(KrRun *r, KrValue self) {
    (void)r;
    KrValue s = ((const KrBoundNative *)kr_as_obj(self))->self;
    return s == KR_NULL ? KR_NONE : s;
}

static KrValue bound_get_qualname(KrRun *r, KrValue self) {
    const KrBoundNative *b = (const KrBoundNative *)kr_as_obj(self);
    KrBuf buf;
    kr_buf_init(&buf, kr_run_allocator(r));
    bool ok = kr_buf_printf(&buf, "%s.%s", b->owner->name, b->def->name);
    KrValue s = ok ? kr_str_from_buf(r, &buf) : KR_EXC;
    kr_buf_free(&buf);
    return s;
}

static const KrGetSetDef bound_getsets[] = {
    {"__name__", bound_get_name},
    {"__qualname__", bound_get_qualname},
    {"__self__", bound_get_self},
    {NULL, NULL},
};

const KrType kr_type_bound_native = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "builtin_function_or_method",
    .base = &kr_type_object,
    .basic_size = sizeof(KrBoundNative),
    .trace = bound_trace,
    .repr = bound_repr,
    .hash = bound_hash,
    .compare = bound_compare,
    .call = bound_call,
    .descr_get = bound_descr_get,
    .getsets = bound_getsets,
    .snap = &bound_snap,
};

// ---- traceback entries ---------------------------------------------------------------------------
static void tb_trace(KrRun *r, KrObj *o) { kr_gc_mark_obj(r, (KrObj *)((KrTraceback *)o)->next); }

// Python sees tb_next and tb_lineno; tb_frame is absent (frames are not
// exposed to sandboxed code: see docs/differences.md).
static KrValue tb_get_next(KrRun *r, KrValue self) {
    (void)r;
    KrTraceback *n = ((KrTraceback *)kr_as_obj(self))->next;
    return n ? kr_from_obj(n) : KR_NONE;
}

static KrValue tb_get_lineno(KrRun *r, KrValue self) {
    (void)r;
    const KrTraceback *tb = (const KrTraceback *)kr_as_obj(self);
    return kr_from_small(kr_code_line(tb->code, tb->pc));
}

static const KrGetSetDef tb_getsets[] = {
    {"tb_next", tb_get_next},
    {"tb_lineno", tb_get_lineno},
    {NULL, NULL},
};

const KrType kr_type_traceback = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "traceback",
    .base = &kr_type_object,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(KrTraceback),
    .trace = tb_trace,
    .hash = kr_identity_hash,
    .getsets = tb_getsets,
    .snap = &tb_snap,
};

// ---- run snapshots ----------------------------------------------------------------------------

// A function: its code (by number in the program), then its fields.
static bool func_snap_write(KrRsWriter *w, const KrObj *o) {
    kr_rs_put_code(w, ((const KrFunc *)o)->code);
    return true;
}

static KrObj *func_snap_read(KrRsReader *rd, const KrType *t) {
    const KrCode *code = kr_rs_get_code(rd);
    if (!code) return NULL;
    KrFunc *f = kr_rs_alloc(rd, t, sizeof(KrFunc));
    if (!f) return NULL;
    memset((char *)f + sizeof(KrObj), 0, sizeof(KrFunc) - sizeof(KrObj));
    f->code = code;
    return &f->ob;
}

static const KrRsField func_fields[] = {
    KR_RS_FIELD(KrFunc, globals, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_dict),
    KR_RS_FIELD(KrFunc, defaults, KR_RSF_VALUE, KR_RS_EXACT | KR_RS_NULL, &kr_type_tuple),
    KR_RS_FIELD(KrFunc, kwdefaults, KR_RSF_VALUE, KR_RS_EXACT | KR_RS_NULL, &kr_type_dict),
    KR_RS_FIELD(KrFunc, closure, KR_RSF_VALUE, KR_RS_EXACT | KR_RS_NULL, &kr_type_tuple),
    KR_RS_FIELD(KrFunc, name, KR_RSF_VALUE, KR_RS_STR, NULL),
    KR_RS_FIELD(KrFunc, qualname, KR_RSF_VALUE, KR_RS_STR, NULL),
    KR_RS_FIELD(KrFunc, dict, KR_RSF_VALUE, KR_RS_EXACT | KR_RS_NULL, &kr_type_dict),
    KR_RS_VAL(KrFunc, doc),
    KR_RS_VALN(KrFunc, annotations),
    KR_RS_VAL(KrFunc, module),
    KR_RS_END,
};

// A call copies the closure's cells into the frame: exactly one per free
// variable.
static bool func_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const KrFunc *f = (const KrFunc *)o;
    if (stage == 0 || !f->code->nfrees) return true;
    if (f->closure == KR_NULL || kr_as_tuple(f->closure)->len != f->code->nfrees)
        return kr_rs_fail(rd, "a function whose closure does not fit its code");
    for (size_t i = 0; i < f->code->nfrees; i++)
        if (!kr_is_type(kr_as_tuple(f->closure)->items[i], &kr_type_cell)) return kr_rs_fail(rd, "a closure of non-cells");
    return true;
}

static const KrSnapOps func_snap = {func_fields, func_snap_write, func_snap_read, func_snap_finish};

static const KrRsField cell_fields[] = {KR_RS_VALN(KrCell, value), KR_RS_END};
static const KrSnapOps cell_snap = {cell_fields, NULL, NULL, NULL};

// A bound built-in method: the static type that owns it and its name (found
// again there), then its self.
static bool bound_snap_write(KrRsWriter *w, const KrObj *o) {
    const KrBoundNative *b = (const KrBoundNative *)o;
    KrStr name = {KR_STATIC_HEADER(&kr_type_str), -1, strlen(b->def->name), strlen(b->def->name), b->def->name};
    if (!b->owner || (b->owner->flags & KR_TF_HEAP) || kr_find_method(b->owner, &name) != b->def) return false;
    kr_rs_put_static_name(w, b->owner);
    kr_snap_put_bytes(kr_rs_out(w), b->def->name, name.nbytes);
    return true;
}

static KrObj *bound_snap_read(KrRsReader *rd, const KrType *t) {
    const KrType *owner = kr_rs_get_static_name(rd);
    size_t n;
    const uint8_t *s = owner ? kr_rs_get_bytes(rd, &n) : NULL;
    char buf[64];
    if (!s) return NULL;
    if (owner->ob.type != &kr_type_type || n == 0 || n >= sizeof buf) return kr_rs_fail(rd, "bad built-in method"), NULL;
    memcpy(buf, s, n);
    buf[n] = 0;
    KrStr name = {KR_STATIC_HEADER(&kr_type_str), -1, n, n, buf};
    const KrMethodDef *def = kr_find_method(owner, &name);
    if (!def || strcmp(def->name, buf) != 0) return kr_rs_fail(rd, "a built-in method its type does not have"), NULL;
    KrBoundNative *b = kr_rs_alloc(rd, t, sizeof(KrBoundNative));
    if (!b) return NULL;
    b->self = KR_NULL;
    b->def = def;
    b->owner = owner;
    return &b->ob;
}

// The method's C code casts its self to the owner's layout.
static bool bound_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const KrBoundNative *b = (const KrBoundNative *)o;
    if (stage == 0 || b->self == KR_NULL) return true;
    bool ok;
    if (b->def->flags & KR_METH_STATIC) ok = false;
    else if (b->def->flags & KR_METH_CLASS)
        ok = kr_is_type(b->self, &kr_type_type) &&
             kr_type_is_subtype((const KrType *)kr_as_obj(b->self), method_self_type(b->owner));
    else ok = kr_isinstance(b->self, method_self_type(b->owner));
    return ok || kr_rs_fail(rd, "a built-in method bound to an object of another type");
}

static const KrRsField bound_fields[] = {KR_RS_VALN(KrBoundNative, self), KR_RS_END};
static const KrSnapOps bound_snap = {bound_fields, bound_snap_write, bound_snap_read, bound_snap_finish};

// A traceback entry: its code by number, the next entry, the instruction.
static bool tb_snap_write(KrRsWriter *w, const KrObj *o) {
    kr_rs_put_code(w, ((const KrTraceback *)o)->code);
    return true;
}

static KrObj *tb_snap_read(KrRsReader *rd, const KrType *t) {
    const KrCode *code = kr_rs_get_code(rd);
    KrTraceback *tb = code ? kr_rs_alloc(rd, t, sizeof(KrTraceback)) : NULL;
    if (!tb) return NULL;
    tb->next = NULL;
    tb->code = code;
    tb->pc = 0;
    return &tb->ob;
}

static bool tb_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const KrTraceback *tb = (const KrTraceback *)o;
    return stage == 0 || tb->pc < tb->code->ninsns || kr_rs_fail(rd, "a traceback entry outside its code");
}

static const KrRsField tb_fields[] = {
    KR_RS_FIELD(KrTraceback, next, KR_RSF_OBJ, KR_RS_EXACT | KR_RS_NULL, &kr_type_traceback),
    KR_RS_SCALAR(KrTraceback, pc, KR_RSF_U32),
    KR_RS_END,
};

static const KrSnapOps tb_snap = {tb_fields, tb_snap_write, tb_snap_read, tb_snap_finish};
