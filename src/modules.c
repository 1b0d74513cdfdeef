// modules.c: module objects, the static registry of the modules krait
// ships, and `import`. Deny by default: a name resolves only if it is in
// `module_registry`; nothing ever reaches the host's file system. A module object
// and its namespace are made per run on first import and cached in
// r->modules (which is also what sys.modules shows).
#include <stdio.h>
#include "modules.h"
#include "runsnap.h"

static const KrSnapOps module_snap;

// ---- the module type ----------------------------------------------------------------

static void module_trace(KrRun *r, KrObj *o) {
    KrModule *m = (KrModule *)o;
    kr_gc_mark(r, m->name);
    kr_gc_mark(r, m->dict);
    kr_gc_mark(r, m->state);
}

static KrModule *module_of(KrValue v) { return (KrModule *)kr_as_obj(v); }

// "<module 'sys' (built-in)>": every krait module is built in.
static KrValue module_repr(KrRun *r, KrValue v) {
    KrValue name = module_of(v)->name;
    KrValue nr = kr_repr(r, name);
    if (nr == KR_EXC) return KR_EXC;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, module_of(v)->builtin ? "<module %s (built-in)>" : "<module %s>", kr_as_str(nr)->data);
    KrValue s = ok ? kr_str_from_buf(r, &b) : kr_raise(r, &kr_exc_MemoryError, "module repr");
    kr_buf_free(&b);
    return s;
}

static const char *module_name_cstr(KrValue v) {
    KrValue n = module_of(v)->name;
    return kr_is_str(n) ? kr_as_str(n)->data : "?";
}

static const KrModuleDef *module_lookup_def(const KrStr *name);

static KrValue module_getattr(KrRun *r, KrValue o, KrStr *name) {
    KrModule *m = module_of(o);
    KrValue v;
    int found = kr_dict_get(r, kr_as_dict(m->dict), kr_from_obj(name), &v);
    if (found < 0) return KR_EXC;
    if (found) return v;
    // Not stored in the namespace, so dir(module) stays the dict's keys.
    if (kr_str_eq_cstr(name, "__dict__")) return m->dict;
    if (kr_str_eq_cstr(name, "__class__")) return kr_from_obj(&kr_type_module);
    const KrModuleDef *def = m->builtin && kr_is_str(m->name) ? module_lookup_def(kr_as_str(m->name)) : NULL;
    for (const char *const *u = def ? def->unsupported : NULL; u && *u; u++)
        if (kr_str_eq_cstr(name, *u))
            return kr_raise(r, &kr_exc_NotImplementedError, "%s.%s is not supported by krait", def->name, *u);
    return kr_raise_attr_error(r, o, name, "module '%s' has no attribute '%s'", module_name_cstr(o),
                               name->data);
}

static KrValue module_setattr(KrRun *r, KrValue o, KrStr *name, KrValue v) {
    KrDict *d = kr_as_dict(module_of(o)->dict);
    if (kr_str_eq_cstr(name, "__dict__") || kr_str_eq_cstr(name, "__class__"))
        return kr_raise(r, &kr_exc_AttributeError, "readonly attribute");
    if (v != KR_NULL) return kr_dict_set(r, d, kr_from_obj(name), v) ? KR_NONE : KR_EXC;
    int gone = kr_dict_del(r, d, kr_from_obj(name));
    if (gone < 0) return KR_EXC;
    if (!gone) return kr_raise(r, &kr_exc_AttributeError, "'module' object has no attribute '%s'", name->data);
    return KR_NONE;
}

static KrValue module_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kw);

const KrType kr_type_module = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "module",
    .construct = module_construct,
    .base = &kr_type_object,
    .basic_size = sizeof(KrModule),
    .trace = module_trace,
    .repr = module_repr,
    .hash = kr_identity_hash,
    .getattr = module_getattr,
    .setattr = module_setattr,
    .snap = &module_snap,
};

bool kr_module_add(KrRun *r, KrValue dict, const char *name, KrValue value) {
    if (value == KR_EXC) return false;
    KrValue k = kr_str_from_cstr(r, name);
    return k != KR_EXC && kr_dict_set(r, kr_as_dict(dict), k, value);
}

// ---- __future__ -------------------------------------------------------------------------
// The compiler accepts `from __future__ import x` on its own; this module is
// what `import __future__` shows: each feature a _Feature object.

typedef struct FutureFeature {
    KrObj ob;
    uint8_t optional[4];  // major, minor, micro, serial
    const char *opt_level;
    uint8_t mandatory[4]; // major 0: None (never mandatory)
    const char *man_level;
    int32_t flag;
} FutureFeature;

static const KrType module_future_feature_type;

#define MODULE_FUTURE(cname, o1, o2, o3, olev, oser, m1, m2, m3, mlev, mser, flag)                          \
    static const FutureFeature module_future_##cname = {KR_STATIC_HEADER(&module_future_feature_type),      \
                                                 {o1, o2, o3, oser}, olev, {m1, m2, m3, mser}, mlev, \
                                                 flag}
MODULE_FUTURE(nested_scopes, 2, 1, 0, "beta", 1, 2, 2, 0, "alpha", 0, 0x10);
MODULE_FUTURE(generators, 2, 2, 0, "alpha", 1, 2, 3, 0, "final", 0, 0);
MODULE_FUTURE(division, 2, 2, 0, "alpha", 2, 3, 0, 0, "alpha", 0, 0x20000);
MODULE_FUTURE(absolute_import, 2, 5, 0, "alpha", 1, 3, 0, 0, "alpha", 0, 0x40000);
MODULE_FUTURE(with_statement, 2, 5, 0, "alpha", 1, 2, 6, 0, "alpha", 0, 0x80000);
MODULE_FUTURE(print_function, 2, 6, 0, "alpha", 2, 3, 0, 0, "alpha", 0, 0x100000);
MODULE_FUTURE(unicode_literals, 2, 6, 0, "alpha", 2, 3, 0, 0, "alpha", 0, 0x200000);
MODULE_FUTURE(barry_as_FLUFL, 3, 1, 0, "alpha", 2, 4, 0, 0, "alpha", 0, 0x400000);
MODULE_FUTURE(generator_stop, 3, 5, 0, "beta", 1, 3, 7, 0, "alpha", 0, 0x800000);
MODULE_FUTURE(annotations, 3, 7, 0, "beta", 1, 0, 0, 0, NULL, 0, 0x1000000);
#undef MODULE_FUTURE

static const struct {
    const char *name;
    const FutureFeature *feature;
} module_future_table[] = {
    {"nested_scopes", &module_future_nested_scopes},       {"generators", &module_future_generators},
    {"division", &module_future_division},                 {"absolute_import", &module_future_absolute_import},
    {"with_statement", &module_future_with_statement},     {"print_function", &module_future_print_function},
    {"unicode_literals", &module_future_unicode_literals}, {"barry_as_FLUFL", &module_future_barry_as_FLUFL},
    {"generator_stop", &module_future_generator_stop},     {"annotations", &module_future_annotations},
};
#define MODULE_NFUTURE (sizeof module_future_table / sizeof module_future_table[0])

static const FutureFeature *module_future_of(KrValue v) { return (const FutureFeature *)kr_as_obj(v); }

static KrValue module_future_version(KrRun *r, const uint8_t *v, const char *level) {
    if (!level) return KR_NONE;
    KrValue t = kr_tuple_new(r, 5);
    if (t == KR_EXC) return KR_EXC;
    KrValue lev = kr_str_from_cstr(r, level);
    if (lev == KR_EXC) return KR_EXC;
    KrValue *it = kr_as_tuple(t)->items;
    it[0] = kr_from_small(v[0]);
    it[1] = kr_from_small(v[1]);
    it[2] = kr_from_small(v[2]);
    it[3] = lev;
    it[4] = kr_from_small(v[3]);
    return t;
}

static KrValue module_future_get_optional(KrRun *r, KrValue self) {
    return module_future_version(r, module_future_of(self)->optional, module_future_of(self)->opt_level);
}

static KrValue module_future_get_mandatory(KrRun *r, KrValue self) {
    return module_future_version(r, module_future_of(self)->mandatory, module_future_of(self)->man_level);
}

static KrValue module_future_get_flag(KrRun *r, KrValue self) {
    (void)r;
    return kr_from_small(module_future_of(self)->flag);
}

static KrValue module_future_repr(KrRun *r, KrValue v) {
    KrValue parts[3] = {module_future_get_optional(r, v), module_future_get_mandatory(r, v), module_future_get_flag(r, v)};
    if (parts[0] == KR_EXC || parts[1] == KR_EXC) return KR_EXC;
    KrValue tup = kr_tuple_from_array(r, parts, 3);
    KrValue s = tup == KR_EXC ? KR_EXC : kr_repr(r, tup);
    KrValue prefix = s == KR_EXC ? KR_EXC : kr_str_from_cstr(r, "_Feature");
    return prefix == KR_EXC ? KR_EXC : kr_str_concat(r, prefix, s);
}

static KrValue module_future_m_optional(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_dict_check_args(r, "_Feature.getOptionalRelease", argc, kw, 0, 0)) return KR_EXC;
    return module_future_get_optional(r, self);
}

static KrValue module_future_m_mandatory(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_dict_check_args(r, "_Feature.getMandatoryRelease", argc, kw, 0, 0)) return KR_EXC;
    return module_future_get_mandatory(r, self);
}

static const KrGetSetDef module_future_getsets[] = {
    {"optional", module_future_get_optional},
    {"mandatory", module_future_get_mandatory},
    {"compiler_flag", module_future_get_flag},
    {NULL, NULL},
};

static const KrMethodDef module_future_methods[] = {
    {"getOptionalRelease", module_future_m_optional, 0},
    {"getMandatoryRelease", module_future_m_mandatory, 0},
    {NULL, NULL, 0},
};

static const KrType module_future_feature_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "_Feature",
    .base = &kr_type_object,
    .repr = module_future_repr,
    .hash = kr_identity_hash,
    .getsets = module_future_getsets,
    .methods = module_future_methods,
};

static bool module_future_init(KrRun *r, KrValue module, KrValue dict) {
    (void)module;
    KrValue names = kr_list_new(r, MODULE_NFUTURE);
    if (names == KR_EXC) return false;
    for (size_t i = 0; i < MODULE_NFUTURE; i++) {
        const char *n = module_future_table[i].name;
        if (!kr_module_add(r, dict, n, kr_from_obj(module_future_table[i].feature))) return false;
        KrValue s = kr_str_from_cstr(r, n);
        if (s == KR_EXC || !kr_list_append(r, kr_as_list(names), s)) return false;
    }
    return kr_module_add(r, dict, "all_feature_names", names);
}
#undef MODULE_NFUTURE

static bool module_future_statics(void *ud, bool (*visit)(void *ud, const char *name, const void *obj)) {
    for (size_t i = 0; i < sizeof module_future_table / sizeof module_future_table[0]; i++)
        if (visit(ud, module_future_table[i].name, module_future_table[i].feature)) return true;
    return visit(ud, "_Feature", &module_future_feature_type);
}

const KrModuleDef kr_mod_future = {"__future__", module_future_init, module_future_statics, NULL};

// ---- the registry and import ---------------------------------------------------------------

// Every module `import` can find. Deny by default: nothing else resolves.
static const KrModuleDef *const module_registry[] = {
    &kr_mod_sys,
    &kr_mod_typing,
    &kr_mod_future,
    &kr_mod_asyncio,
};

const KrModuleDef *const *kr_module_defs(size_t *n) {
    *n = sizeof module_registry / sizeof module_registry[0];
    return module_registry;
}

static const KrModuleDef *module_lookup_def(const KrStr *name) {
    for (size_t i = 0; i < sizeof module_registry / sizeof module_registry[0]; i++)
        if (kr_str_eq_cstr(name, module_registry[i]->name)) return module_registry[i];
    return NULL;
}

static bool module_table(KrRun *r) {
    if (r->modules != KR_NULL) return true;
    KrValue d = kr_dict_new(r);
    if (d == KR_EXC) return false;
    r->modules = d;
    return true;
}

KrValue kr_module_find(KrRun *r, const char *name) {
    if (r->modules == KR_NULL) return KR_NULL;
    return kr_dict_get_cstr(r, kr_as_dict(r->modules), name);
}

// The attributes every module starts with (CPython's, minus the file ones).
static bool module_std_attrs(KrRun *r, KrValue name, KrValue dict) {
    KrValue empty = kr_str_empty();
    return kr_module_add(r, dict, "__name__", name) && kr_module_add(r, dict, "__doc__", KR_NONE) &&
           kr_module_add(r, dict, "__package__", empty) && kr_module_add(r, dict, "__loader__", KR_NONE) &&
           kr_module_add(r, dict, "__spec__", KR_NONE);
}

static KrValue module_new(KrRun *r, KrValue name) {
    KrModule *m = kr_gc_alloc(r, &kr_type_module, sizeof(KrModule));
    if (!m) return KR_EXC;
    m->name = name;
    m->dict = KR_NULL;
    m->state = KR_NULL;
    m->builtin = false;
    KrValue v = kr_from_obj(m);
    KrValue d = kr_dict_new(r);
    if (d == KR_EXC) return KR_EXC;
    m->dict = d;
    return module_std_attrs(r, name, d) ? v : KR_EXC;
}

// type(sys)(name, doc=None): an empty module object, registered nowhere
// (so it gives no access to anything: it is just a namespace).
static KrValue module_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kw) {
    (void)t;
    static const char *const names[] = {"name", "doc", NULL};
    KrValue a[2];
    if (!kr_str_bind_args(r, "module", names, argc, args, kw, a)) return KR_EXC;
    if (a[0] == KR_NULL) return kr_raise(r, &kr_exc_TypeError, "module() missing required argument 'name' (pos 1)");
    if (!kr_is_str(a[0]))
        return kr_raise(r, &kr_exc_TypeError, "module() argument 'name' must be str, not %s", kr_arg_type_name(a[0]));
    KrValue m = module_new(r, a[0]);
    if (m == KR_EXC) return KR_EXC;
    KrValue d = module_of(m)->dict;
    return kr_module_add(r, d, "__doc__", a[1] == KR_NULL ? KR_NONE : a[1]) &&
                   kr_module_add(r, d, "__package__", KR_NONE)
               ? m
               : KR_EXC;
}

// Makes, registers and initializes one module. It is in the table while
// its init runs (as CPython's sys.modules) and removed again if init fails.
static KrValue module_create(KrRun *r, KrValue name, const KrModuleDef *def) {
    KrValue m = module_new(r, name);
    if (m == KR_EXC) return KR_EXC;
    module_of(m)->builtin = true;
    if (!kr_dict_set(r, kr_as_dict(r->modules), name, m)) return KR_EXC;
    if (!def->init(r, m, module_of(m)->dict)) {
        KrValue exc = r->exc;
        r->exc = KR_NULL;
        if (kr_dict_del(r, kr_as_dict(r->modules), name) < 0) kr_clear_exc(r);
        r->exc = exc;
        return KR_EXC;
    }
    return m;
}

// ModuleNotFoundError with CPython's message and its `name` attribute.
static KrValue module_not_found(KrRun *r, KrValue name, const char *parent) {
    KrStr *s = kr_as_str(name);
    if (parent)
        kr_raise(r, &kr_exc_ModuleNotFoundError, "No module named '%s'; '%s' is not a package", s->data, parent);
    else
        kr_raise(r, &kr_exc_ModuleNotFoundError, "No module named '%s'", s->data);
    if (!kr_exc_is(r->exc, &kr_exc_ModuleNotFoundError)) return KR_EXC;
    KrExc *e = (KrExc *)kr_as_obj(r->exc);
    KrValue exc = r->exc;
    r->exc = KR_NULL; // cleared while the dict is made: an allocation failure replaces it
    if (e->dict == KR_NULL) e->dict = kr_dict_new(r);
    KrValue key = e->dict == KR_EXC ? KR_EXC : kr_str_from_cstr(r, "name");
    if (key == KR_EXC || !kr_dict_set(r, kr_as_dict(e->dict), key, name)) {
        e->dict = KR_NULL;
        return KR_EXC;
    }
    r->exc = exc;
    return KR_EXC;
}

// "a.b": the parent first, then the child, bound as an attribute of the
// parent. krait ships no packages, so a child is never found for now; the
// message is CPython's for a parent that is a plain module.
static KrValue module_import_dotted(KrRun *r, KrValue name, size_t dot) {
    KrStr *s = kr_as_str(name);
    KrValue pname = kr_str_new(r, s->data, dot);
    if (pname == KR_EXC) return KR_EXC;
    KrValue parent = kr_import(r, pname);
    if (parent == KR_EXC) return KR_EXC;
    const KrModuleDef *def = module_lookup_def(s);
    if (!def)
        return module_not_found(r, name, kr_as_str(pname)->data);
    KrValue child = module_create(r, name, def);
    if (child == KR_EXC) return KR_EXC;
    KrValue attr = kr_str_new(r, s->data + dot + 1, s->nbytes - dot - 1);
    if (attr == KR_EXC || kr_setattr(r, parent, kr_as_str(attr), child) == KR_EXC) return KR_EXC;
    return child;
}

KrValue kr_import(KrRun *r, KrValue name) {
    if (!kr_is_str(name))
        return kr_raise(r, &kr_exc_TypeError, "module name must be str, not %s", kr_type_name(name));
    KrStr *s = kr_as_str(name);
    if (s->nbytes == 0) return kr_raise(r, &kr_exc_ValueError, "Empty module name");
    if (!module_table(r)) return KR_EXC;
    KrValue m;
    int found = kr_dict_get(r, kr_as_dict(r->modules), name, &m);
    if (found < 0) return KR_EXC;
    if (found) return m;
    // import a.b.c imports a, then a.b, then a.b.c: split at the last dot.
    size_t dot = s->nbytes;
    while (dot > 0 && s->data[dot - 1] != '.') dot--;
    if (dot > 1) return module_import_dotted(r, name, dot - 1);
    const KrModuleDef *def = module_lookup_def(s);
    if (!def) return module_not_found(r, name, NULL);
    return module_create(r, name, def);
}

// ---- run snapshots ----------------------------------------------------------------------------

static const KrRsField module_fields[] = {
    KR_RS_VAL(KrModule, name),
    KR_RS_FIELD(KrModule, dict, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_dict),
    KR_RS_VALN(KrModule, state),
    KR_RS_SCALAR(KrModule, builtin, KR_RSF_BOOL),
    KR_RS_END,
};

// sys keeps the host's recursion limit as the ceiling a program may raise
// its own to: the loading host's limit applies, not the saved one.
static bool module_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    KrModule *m = (KrModule *)o;
    if (stage == 1 && m->builtin && kr_is_str(m->name) && kr_str_eq_cstr(kr_as_str(m->name), "sys") &&
        kr_is_small(m->state) && kr_as_small(m->state) > (int64_t)kr_rs_host_recursion(rd))
        m->state = kr_from_small(kr_rs_host_recursion(rd));
    return true;
}

static const KrSnapOps module_snap = {module_fields, NULL, NULL, module_snap_finish};
