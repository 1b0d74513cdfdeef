// class.c: classes. A class is a KrType on the run's heap (KR_TF_HEAP) whose
// dict holds its namespace and whose slots either are inherited from its
// static layout type or dispatch to the Python dunder methods the class
// defines (like CPython's slot wrappers). Instances carry a dict slot.
// Also: the C3 MRO, attribute lookup through the MRO, instance attribute
// access, and class creation (type(name, bases, ns), __build_class__).
#include <stdio.h>
#include "../types.h"
#include "../vm.h"
#include "../runsnap.h"
#include "class.h"

// ---- instance layout -------------------------------------------------------------

static size_t layout_size(const KrType *layout, const KrObj *o) {
    size_t n = layout->objsize ? layout->objsize(o) : layout->basic_size;
    return (n + 7) & ~(size_t)7;
}

KrValue *kr_instance_dict_slot(KrObj *o) {
    const KrType *t = o->type;
    if (!(t->flags & KR_TF_HEAP)) return NULL;
    if (t->flags & KR_TF_EXC) return &((KrExc *)o)->dict;
    const KrType *L = t->layout;
    if (!L->objsize) return (KrValue *)((char *)o + ((L->basic_size + 7) & ~(size_t)7));
    return (KrValue *)((char *)o + layout_size(L, o));
}

KrValue *kr_instance_members(KrObj *o) {
    const KrType *t = o->type;
    size_t off = layout_size(t->layout, o);
    return (KrValue *)((char *)o + off + ((t->flags & KR_TF_EXC) ? 0 : sizeof(KrValue)));
}

static size_t heap_objsize(const KrObj *o) {
    const KrType *t = o->type;
    size_t words = (size_t)t->nslots + !(t->flags & KR_TF_EXC);
    if (!words) return t->layout->objsize ? t->layout->objsize(o) : t->layout->basic_size;
    return layout_size(t->layout, o) + words * sizeof(KrValue);
}

static void heap_trace(KrRun *r, KrObj *o) {
    const KrType *t = o->type;
    if (t->layout->trace) t->layout->trace(r, o);
    if (!(t->flags & KR_TF_EXC)) kr_gc_mark(r, *kr_instance_dict_slot(o));
    KrValue *m = t->nslots ? kr_instance_members(o) : NULL;
    for (uint32_t i = 0; i < t->nslots; i++) kr_gc_mark(r, m[i]);
}

static void heap_finalize(KrRun *r, KrObj *o) {
    const KrType *layout = o->type->layout;
    if (layout->finalize) layout->finalize(r, o);
}

// ---- lookup through the MRO ------------------------------------------------------------

static const KrMethodDef *own_method(const KrType *t, const KrStr *name) {
    // object only has dunders: skip the scan for ordinary names
    if (t == &kr_type_object && name->data[0] != '_') return NULL;
    for (const KrMethodDef *m = t->methods; m && m->name; m++)
        if (m->name[0] == name->data[0] && kr_str_eq_cstr(name, m->name)) return m;
    if (t != &kr_type_object && kr_str_eq_cstr(name, "__init__") &&
        (t == &kr_type_list || t == &kr_type_dict || t == &kr_type_set))
        return &kr_container_init_def;
    return kr_slot_wrapper(t, name);
}

static const KrGetSetDef *own_getset(const KrType *t, const KrStr *name) {
    for (const KrGetSetDef *g = t->getsets; g && g->name; g++)
        if (g->name[0] == name->data[0] && kr_str_eq_cstr(name, g->name)) return g;
    return NULL;
}

// A class remembers its last MRO lookups by name object (program names are
// interned, so the hot names hit), valid while no class namespace changes.
#define ATTR_CACHE_SIZE 32

typedef struct KrAttrCache {
    uint64_t version;
    struct {
        const KrStr *name;
        bool found;
        KrLookup lk;
    } e[ATTR_CACHE_SIZE];
} KrAttrCache;

static bool lookup_uncached(KrRun *r, const KrType *t, KrStr *name, KrLookup *out);

bool kr_type_lookup(KrRun *r, const KrType *t, KrStr *name, KrLookup *out) {
    if (!(t->flags & KR_TF_HEAP)) return lookup_uncached(r, t, name, out);
    KrType *ct = (KrType *)t;
    if (!ct->cache) {
        ct->cache = kr_mem_alloc(r, sizeof(KrAttrCache));
        if (!ct->cache) return lookup_uncached(r, t, name, out); // the run's limit error is set
        memset(ct->cache, 0, sizeof(KrAttrCache));
        ct->cache->version = r->class_version;
    }
    KrAttrCache *c = ct->cache;
    if (c->version != r->class_version) {
        memset(c, 0, sizeof *c);
        c->version = r->class_version;
    }
    size_t slot = ((uintptr_t)name >> 4) % ATTR_CACHE_SIZE;
    if (c->e[slot].name == name) {
        *out = c->e[slot].lk;
        return c->e[slot].found;
    }
    bool found = lookup_uncached(r, t, name, out);
    c->e[slot].name = name;
    c->e[slot].found = found;
    c->e[slot].lk = *out;
    return found;
}

// The cached values must stay alive: they are marked with the class.
static void attr_cache_mark(KrRun *r, const KrAttrCache *c) {
    for (size_t i = 0; i < ATTR_CACHE_SIZE; i++) {
        kr_gc_mark_obj(r, (KrObj *)c->e[i].name);
        kr_gc_mark(r, c->e[i].lk.value);
    }
}

void kr_type_finalize(KrRun *r, KrObj *o) {
    KrType *t = (KrType *)o;
    if (t->cache) kr_mem_free(r, t->cache, sizeof(KrAttrCache));
    t->cache = NULL;
}

// Looks `name` up along t's MRO. For a class dict hit, out->value is the
// attribute; for a static type, out->meth or out->gs is set.
static bool lookup_uncached(KrRun *r, const KrType *t, KrStr *name, KrLookup *out) {
    memset(out, 0, sizeof *out);
    out->value = KR_NULL;
    if (!(t->flags & KR_TF_HEAP)) {
        for (const KrType *p = t; p; p = p->base) {
            if ((out->gs = own_getset(p, name)) || (out->meth = own_method(p, name))) {
                out->owner = p;
                return true;
            }
        }
        if (t != &kr_type_object && ((out->gs = own_getset(&kr_type_object, name)) ||
                                     (out->meth = own_method(&kr_type_object, name)))) {
            out->owner = &kr_type_object;
            return true;
        }
        return false;
    }
    KrTuple *mro = kr_as_tuple(t->mro);
    for (size_t i = 0; i < mro->len; i++) {
        const KrType *p = (const KrType *)kr_as_obj(mro->items[i]);
        out->owner = p;
        if (p->flags & KR_TF_HEAP) {
            KrValue v;
            if (kr_dict_get_hashed(r, kr_as_dict(p->dict), kr_from_obj(name), kr_str_hash(name), &v) > 0) {
                out->value = v;
                return true;
            }
        } else if ((out->gs = own_getset(p, name)) || (out->meth = own_method(p, name))) {
            return true;
        }
    }
    out->owner = NULL;
    return false;
}

// Does v's class (a class made at run time) define `name` in Python? That
// is what makes instances of user classes descriptors (__get__, __set__).
// No allocation: this runs on attribute lookups.
static bool user_defines(KrRun *r, KrValue v, const KrStr *name) {
    if (!kr_is_ptr(v) || !(kr_typeof(v)->flags & KR_TF_HEAP)) return false;
    KrLookup lk;
    return kr_type_lookup(r, kr_typeof(v), (KrStr *)name, &lk) && lk.value != KR_NULL;
}

static const KrStr descr_s_get = KR_STATIC_STR("__get__"), descr_s_set = KR_STATIC_STR("__set__"),
                   descr_s_delete = KR_STATIC_STR("__delete__"), descr_s_set_name = KR_STATIC_STR("__set_name__");

// property or a subclass (whose instances have property's layout).
static bool is_property(KrValue v) {
    if (!kr_is_ptr(v)) return false;
    const KrType *t = kr_typeof(v);
    return t == &kr_type_property || ((t->flags & KR_TF_HEAP) && t->layout == &kr_type_property);
}

// Data descriptors (property, or a class with __set__/__delete__) take
// precedence over the instance dict.
static bool is_data_descriptor(KrRun *r, KrValue v) {
    if (is_property(v) || (kr_is_ptr(v) && kr_typeof(v)->descr_set)) return true;
    return user_defines(r, v, &descr_s_set) || user_defines(r, v, &descr_s_delete);
}

// A data descriptor is read before the instance dict only when it can be
// read at all: one with __set__ but no __get__ leaves the dict's value
// visible, as CPython's lookup does.
static bool overrides_dict(KrRun *r, KrValue v) {
    if (is_property(v)) return true;
    if (kr_is_ptr(v) && kr_typeof(v)->descr_set) return kr_typeof(v)->descr_get != NULL;
    return is_data_descriptor(r, v) && user_defines(r, v, &descr_s_get);
}

// descr.__get__(obj, cls) when v is a user descriptor; KR_NULL otherwise.
// obj is None for a lookup on the class itself.
KrValue kr_descr_get(KrRun *r, KrValue v, KrValue obj, const KrType *cls) {
    if (!user_defines(r, v, &descr_s_get)) return KR_NULL;
    KrValue args[2] = {obj, kr_from_obj(cls)};
    return kr_call_dunder(r, v, "__get__", 2, args);
}

// obj.name = value / del obj.name through a user data descriptor.
static KrValue descr_set(KrRun *r, KrValue d, KrValue obj, KrValue v) {
    const KrStr *ms = v == KR_NULL ? &descr_s_delete : &descr_s_set;
    const char *m = ms->data;
    if (!user_defines(r, d, ms)) return kr_raise(r, &kr_exc_AttributeError, "%s", m);
    KrValue args[2] = {obj, v};
    KrValue res = kr_call_dunder(r, d, m, v == KR_NULL ? 1 : 2, args);
    return res == KR_EXC ? KR_EXC : KR_NONE;
}

// What an attribute found on the class becomes when read from instance
// `self` of class `cls`: functions bind, classmethods bind to the class.
static KrValue bind_attr(KrRun *r, const KrLookup *lk, KrValue self, const KrType *cls) {
    if (lk->meth) {
        if (lk->meth->flags & KR_METH_STATIC) return kr_bound_native_new(r, KR_NULL, lk->meth, lk->owner);
        if (lk->meth->flags & KR_METH_CLASS) return kr_bound_native_new(r, kr_from_obj(cls), lk->meth, lk->owner);
        return kr_bound_native_new(r, self, lk->meth, lk->owner);
    }
    if (lk->gs) return lk->gs->get(r, self);
    KrValue v = lk->value;
    const KrType *vt = kr_typeof(v);
    if (vt == &kr_type_function) return kr_method_new(r, v, self);
    if (vt == &kr_type_classmethod) return kr_classmethod_bind(r, v, kr_from_obj(cls));
    if (vt == &kr_type_staticmethod) return ((KrClassMethod *)kr_as_obj(v))->func;
    if (vt == &kr_type_property) return kr_property_get(r, v, self);
    // a property subclass: its own __get__ if it has one, else property's
    if (is_property(v) && !user_defines(r, v, &descr_s_get)) return kr_property_get(r, v, self);
    if (vt->descr_get) return vt->descr_get(r, v, self, cls);
    KrValue got = kr_descr_get(r, v, self, cls);
    return got != KR_NULL ? got : v;
}

// ---- instance attributes ---------------------------------------------------------------

KrValue kr_object_getattr(KrRun *r, KrValue self, KrStr *name, bool fallback) {
    KrObj *o = kr_as_obj(self);
    const KrType *cls = o->type;
    KrLookup lk;
    bool found = kr_type_lookup(r, cls, name, &lk);
    if (found && (lk.gs || overrides_dict(r, lk.value))) return bind_attr(r, &lk, self, cls);
    KrValue *slot = kr_instance_dict_slot(o);
    if (slot && *slot != KR_NULL) {
        KrValue v;
        int hit = kr_dict_get_hashed(r, kr_as_dict(*slot), kr_from_obj(name), kr_str_hash(name), &v);
        if (hit < 0) return KR_EXC;
        if (hit) return v;
    }
    if (found) return bind_attr(r, &lk, self, cls);
    // instances of a class whose __slots__ restrict them show no __dict__
    bool restricted = (cls->flags & KR_TF_HEAP) && cls->slots != KR_NULL;
    if (name->data[0] == '_' && kr_str_eq_cstr(name, "__dict__") && slot && !restricted) {
        if (*slot == KR_NULL) {
            KrValue d = kr_dict_new(r);
            if (d == KR_EXC) return KR_EXC;
            *slot = d;
        }
        return *slot;
    }
    if (kr_str_eq_cstr(name, "__class__")) return kr_from_obj(cls);
    if (cls->flags & KR_TF_EXC) {
        KrValue v = kr_exc_special_attr((KrExc *)o, name);
        if (v != KR_NULL) return v;
    }
    if (fallback && (cls->flags & KR_TF_HEAP)) {
        KrLookup ga;
        KrValue ganame = kr_str_from_cstr(r, "__getattr__");
        if (ganame == KR_EXC) return KR_EXC;
        if (kr_type_lookup(r, cls, kr_as_str(ganame), &ga) && ga.value != KR_NULL) {
            KrValue m = bind_attr(r, &ga, self, cls);
            if (m == KR_EXC) return KR_EXC;
            return kr_call1(r, m, kr_from_obj(name));
        }
    }
    return kr_raise_attr_error(r, self, name, "'%s' object has no attribute '%s'", cls->name, name->data);
}

// Instances restricted by __slots__ have no dict: every name they may
// store is a slot's descriptor, found on the class before this is asked.
static bool slots_allow(const KrType *cls) { return !(cls->flags & KR_TF_HEAP) || cls->slots == KR_NULL; }

static KrValue set_class(KrRun *r, KrObj *o, KrValue v) {
    if (!kr_is_type(v, &kr_type_type))
        return kr_raise(r, &kr_exc_TypeError, "__class__ must be set to a class, not '%s' object", kr_type_name(v));
    const KrType *nt = (const KrType *)kr_as_obj(v);
    const KrType *old = o->type;
    if (!(nt->flags & KR_TF_HEAP) || !(old->flags & KR_TF_HEAP) || nt->layout != old->layout ||
        nt->nslots != old->nslots)
        return kr_raise(r, &kr_exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'", nt->name,
                        old->name);
    o->type = nt;
    return KR_NONE;
}

KrValue kr_object_setattr(KrRun *r, KrValue self, KrStr *name, KrValue v) {
    KrObj *o = kr_as_obj(self);
    const KrType *cls = o->type;
    bool dunder = name->data[0] == '_' && name->data[1] == '_';
    if (dunder && v != KR_NULL && kr_str_eq_cstr(name, "__class__")) return set_class(r, o, v);
    if (dunder && v != KR_NULL && kr_str_eq_cstr(name, "__dict__") && !(cls->flags & KR_TF_EXC) &&
        kr_instance_dict_slot(o)) {
        if (!kr_isinstance(v, &kr_type_dict))
            return kr_raise(r, &kr_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'", kr_type_name(v));
        *kr_instance_dict_slot(o) = v;
        return KR_NONE;
    }
    KrLookup lk;
    if (kr_type_lookup(r, cls, name, &lk)) {
        if (is_property(lk.value) && !user_defines(r, lk.value, v == KR_NULL ? &descr_s_delete
                                                                                                 : &descr_s_set))
            return kr_property_set(r, lk.value, self, v, name, cls);
        if (kr_is_ptr(lk.value) && kr_typeof(lk.value)->descr_set)
            return kr_typeof(lk.value)->descr_set(r, lk.value, self, v);
        if (is_data_descriptor(r, lk.value)) return descr_set(r, lk.value, self, v);
        if (lk.gs && !(cls->flags & KR_TF_EXC)) return kr_raise_getset_readonly(r, lk.owner, lk.owner, name);
    }
    KrValue *slot = kr_instance_dict_slot(o);
    if (!slot) {
        if (lk.meth)
            return kr_raise(r, &kr_exc_AttributeError, "'%s' object attribute '%s' is read-only", cls->name, name->data);
        return kr_raise_attr_error(r, self, name, "'%s' object has no attribute '%s'", cls->name, name->data);
    }
    if (cls->flags & KR_TF_EXC) {
        // exceptions keep args, __cause__ ... in their own fields
        return kr_exc_type_setattr(r, self, name, v);
    }
    if (!slots_allow(cls))
        return kr_raise_attr_error(r, self, name, "'%s' object has no attribute '%s'", cls->name, name->data);
    if (*slot == KR_NULL) {
        if (v == KR_NULL) return kr_raise_attr_error(r, self, name, "'%s' object has no attribute '%s'", cls->name, name->data);
        KrValue d = kr_dict_new(r);
        if (d == KR_EXC) return KR_EXC;
        *slot = d;
    }
    if (v == KR_NULL) {
        int d = kr_dict_del(r, kr_as_dict(*slot), kr_from_obj(name));
        if (d < 0) return KR_EXC;
        if (!d) return kr_raise_attr_error(r, self, name, "'%s' object has no attribute '%s'", cls->name, name->data);
        return KR_NONE;
    }
    return kr_dict_set_hashed(r, kr_as_dict(*slot), kr_from_obj(name), kr_str_hash(name), v) ? KR_NONE : KR_EXC;
}

// ---- calling dunders ---------------------------------------------------------------------

// Finds the dunder `name` for instances of cls: a Python function from a
// class dict (returned in *fn), or the static type that implements the
// operation in C (returned in *owner). Both empty: not defined.
static void find_dunder(KrRun *r, const KrType *cls, const char *name, KrValue *fn, const KrType **owner) {
    *fn = KR_NULL;
    *owner = NULL;
    KrValue s = kr_str_from_cstr(r, name);
    if (s == KR_EXC) return;
    KrLookup lk;
    if (!kr_type_lookup(r, cls, kr_as_str(s), &lk)) {
        *owner = cls->flags & KR_TF_HEAP ? cls->layout : cls;
        return;
    }
    if (lk.value != KR_NULL) *fn = lk.value;
    else *owner = lk.owner;
}

// Calls a dunder found in a class dict with self first.
// Functions and unbound built-in methods (float.__hash__) bind to the
// instance; other callables stored as special methods are called as they are.
static bool dunder_binds(KrValue fn) {
    if (kr_is_type(fn, &kr_type_function)) return true;
    return kr_is_type(fn, &kr_type_bound_native) && ((const KrBoundNative *)kr_as_obj(fn))->self == KR_NULL;
}

static KrValue call_found(KrRun *r, KrValue fn, KrValue self, size_t argc, const KrValue *args) {
    KrValue buf[4];
    if (argc > 3) return kr_raise(r, &kr_exc_SystemError, "too many dunder arguments");
    const KrType *ft = kr_typeof(fn);
    if (ft == &kr_type_staticmethod) return kr_call(r, ((KrClassMethod *)kr_as_obj(fn))->func, argc, args, KR_NULL);
    if (ft == &kr_type_classmethod) {
        buf[0] = kr_from_obj(kr_typeof(self));
        for (size_t i = 0; i < argc; i++) buf[i + 1] = args[i];
        return kr_call(r, ((KrClassMethod *)kr_as_obj(fn))->func, argc + 1, buf, KR_NULL);
    }
    if (fn == KR_NONE) return kr_raise(r, &kr_exc_TypeError, "'NoneType' object is not callable");
    if (!dunder_binds(fn)) { // print, a bound method, a user descriptor, any callable
        KrValue got = kr_descr_get(r, fn, self, kr_typeof(self));
        if (got == KR_EXC) return KR_EXC;
        return kr_call(r, got != KR_NULL ? got : fn, argc, args, KR_NULL);
    }
    buf[0] = self;
    for (size_t i = 0; i < argc; i++) buf[i + 1] = args[i];
    return kr_call(r, fn, argc + 1, buf, KR_NULL);
}

// A special method looked up on the type, not the instance (CPython's
// rule for with, iteration and operators), bound to v; KR_NULL if absent.
KrValue kr_lookup_special(KrRun *r, KrValue v, const char *name) {
    KrValue s = kr_str_from_cstr(r, name);
    if (s == KR_EXC) return KR_EXC;
    const KrType *t = kr_typeof(v);
    if (!(t->flags & KR_TF_HEAP)) {
        const KrMethodDef *m = kr_find_method(t, kr_as_str(s));
        return m ? kr_bound_native_new(r, v, m, t) : KR_NULL;
    }
    KrLookup lk;
    if (!kr_type_lookup(r, t, kr_as_str(s), &lk)) return KR_NULL;
    return bind_attr(r, &lk, v, t);
}

// Calls method `name` of v (dunder protocol): KR_NULL when not defined.
KrValue kr_call_dunder(KrRun *r, KrValue v, const char *name, size_t argc, const KrValue *args) {
    const KrType *cls = kr_typeof(v);
    KrValue fn;
    const KrType *owner;
    find_dunder(r, cls, name, &fn, &owner);
    if (fn != KR_NULL) return call_found(r, fn, v, argc, args);
    if (owner) {
        KrValue s = kr_str_from_cstr(r, name);
        if (s == KR_EXC) return KR_EXC;
        const KrMethodDef *m = kr_find_method(owner, kr_as_str(s));
        if (m) return m->fn(r, v, argc, args, KR_NULL);
    }
    return KR_NULL;
}

// ---- slot trampolines: C slots of a class that call its dunders -------------------------------

#define SLOT_REPR 1u
#define SLOT_STR 2u
#define SLOT_HASH 4u
#define SLOT_COMPARE 8u
#define SLOT_BINARY 16u
#define SLOT_INPLACE 32u
#define SLOT_UNARY 64u
#define SLOT_TRUTH 128u
#define SLOT_LEN 256u
#define SLOT_GETITEM 512u
#define SLOT_SETITEM 1024u
#define SLOT_CONTAINS 2048u
#define SLOT_ITER 4096u
#define SLOT_NEXT 8192u
#define SLOT_CALL 16384u
#define SLOT_GETATTR 32768u
#define SLOT_SETATTR 65536u

static KrValue tr_repr(KrRun *r, KrValue v) {
    KrValue res = kr_call_dunder(r, v, "__repr__", 0, NULL);
    if (res == KR_EXC) return KR_EXC;
    if (res == KR_NULL) return kr_typeof(v)->layout->repr(r, v);
    if (!kr_is_str(res))
        return kr_raise(r, &kr_exc_TypeError, "__repr__ returned non-string (type %s)", kr_type_name(res));
    return res;
}

static KrValue tr_str(KrRun *r, KrValue v) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(v), "__str__", &fn, &owner);
    KrValue res;
    if (fn == KR_NULL) {
        // object.__str__ is repr(); a static base may have its own str
        if (owner && owner != &kr_type_object && owner->str) return owner->str(r, v);
        res = kr_call_dunder(r, v, "__repr__", 0, NULL);
        if (res == KR_NULL) return kr_repr(r, v);
    } else {
        res = call_found(r, fn, v, 0, NULL);
    }
    if (res != KR_EXC && !kr_is_str(res))
        return kr_raise(r, &kr_exc_TypeError, "__str__ returned non-string (type %s)", kr_type_name(res));
    return res;
}

static bool tr_hash(KrRun *r, KrValue v, int64_t *out) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(v), "__hash__", &fn, &owner);
    if (fn == KR_NONE || (fn == KR_NULL && (!owner || !owner->hash))) {
        kr_raise(r, &kr_exc_TypeError, "unhashable type: '%s'", kr_type_name(v));
        return false;
    }
    if (fn == KR_NULL) return owner->hash(r, v, out);
    KrValue res = call_found(r, fn, v, 0, NULL);
    if (res == KR_EXC) return false;
    if (!kr_is_int(res)) {
        kr_raise(r, &kr_exc_TypeError, "__hash__ method should return an integer");
        return false;
    }
    // as CPython: a result that fits 64 bits is the hash itself (-1 is
    // reserved: -2); a bigger one is reduced like hash(int)
    int64_t h;
    if (kr_int_to_i64(res, &h)) {
        *out = h == -1 ? -2 : h;
        return true;
    }
    return kr_hash(r, res, out);
}

static const char *const cmp_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

static KrValue tr_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(a), cmp_names[op], &fn, &owner);
    if (fn != KR_NULL) return call_found(r, fn, a, 1, &b);
    const KrType *base = owner;
    while (base && !base->compare) base = base->base;
    if (op == KR_CMP_NE && (!base || base == &kr_type_object)) {
        // object.__ne__ inverts __eq__; a built-in base (list) has its own
        KrValue eq = tr_compare(r, a, b, KR_CMP_EQ);
        if (eq == KR_EXC || eq == KR_NOTIMPL) return eq;
        int t = kr_truth(r, eq);
        return t < 0 ? KR_EXC : kr_bool(!t);
    }
    return base ? base->compare(r, a, b, op) : KR_NOTIMPL;
}

static const char *const binop_names[][3] = {
    {"__add__", "__radd__", "__iadd__"},       {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},       {"__matmul__", "__rmatmul__", "__imatmul__"},
    {"__truediv__", "__rtruediv__", "__itruediv__"}, {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    {"__mod__", "__rmod__", "__imod__"},       {"__pow__", "__rpow__", "__ipow__"},
    {"__lshift__", "__rlshift__", "__ilshift__"}, {"__rshift__", "__rrshift__", "__irshift__"},
    {"__and__", "__rand__", "__iand__"},       {"__or__", "__ror__", "__ior__"},
    {"__xor__", "__rxor__", "__ixor__"},
};

static bool has_tramp(const KrType *t, uint32_t slot) { return (t->flags & KR_TF_HEAP) && (t->heap_slots & slot); }

// One side of a binary operation: self.__op__(other), or the static
// layout's C slot when the class defines no such dunder.
static KrValue binary_side(KrRun *r, KrValue self, KrValue a, KrValue b, KrBinOp op, int which) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(self), binop_names[op][which], &fn, &owner);
    if (fn != KR_NULL) return call_found(r, fn, self, 1, which == 0 ? &b : &a);
    for (const KrType *p = owner; p; p = p->base)
        if (p->binary) return p->binary(r, a, b, op);
    return KR_NOTIMPL;
}

// Does b's class define the reflected method differently from a's class?
static bool overrides_reflected(KrRun *r, const KrType *ta, const KrType *tb, KrBinOp op) {
    KrValue fa, fb;
    const KrType *oa, *ob;
    find_dunder(r, ta, binop_names[op][1], &fa, &oa);
    find_dunder(r, tb, binop_names[op][1], &fb, &ob);
    return fb != KR_NULL && fb != fa;
}

static KrValue tr_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    const KrType *ta = kr_typeof(a), *tb = kr_typeof(b);
    bool a_here = has_tramp(ta, SLOT_BINARY), b_here = has_tramp(tb, SLOT_BINARY);
    // a subclass's own reflected method goes first (CPython's rule)
    if (b_here && ta != tb && kr_type_is_subtype(tb, ta) && overrides_reflected(r, ta, tb, op)) {
        KrValue v = binary_side(r, b, a, b, op, 1);
        if (v != KR_NOTIMPL) return v;
        b_here = false;
    }
    if (a_here) {
        KrValue v = binary_side(r, a, a, b, op, 0);
        if (v != KR_NOTIMPL) return v;
    }
    if (b_here && (ta != tb || !a_here)) return binary_side(r, b, a, b, op, 1);
    return KR_NOTIMPL;
}

static KrValue tr_inplace(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(a), binop_names[op][2], &fn, &owner);
    if (fn != KR_NULL) return call_found(r, fn, a, 1, &b);
    for (const KrType *p = owner; p; p = p->base)
        if (p->inplace) return p->inplace(r, a, b, op);
    return KR_NOTIMPL;
}

static KrValue tr_unary(KrRun *r, KrValue a, KrUnOp op) {
    static const char *const names[] = {"__neg__", "__pos__", "__invert__"};
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(a), names[op], &fn, &owner);
    // whatever __neg__ returns is the result, NotImplemented included (no
    // reflected form exists); KR_NULL: the class has no such operation
    if (fn != KR_NULL) return call_found(r, fn, a, 0, NULL);
    for (const KrType *p = owner; p; p = p->base)
        if (p->unary) {
            KrValue v = p->unary(r, a, op);
            return v == KR_NOTIMPL ? KR_NULL : v;
        }
    return KR_NULL;
}

static bool tr_len(KrRun *r, KrValue v, size_t *out) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(v), "__len__", &fn, &owner);
    if (fn == KR_NULL) {
        for (const KrType *p = owner; p; p = p->base)
            if (p->len) return p->len(r, v, out);
        kr_raise(r, &kr_exc_TypeError, "object of type '%s' has no len()", kr_type_name(v));
        return false;
    }
    KrValue res = call_found(r, fn, v, 0, NULL);
    if (res == KR_EXC) return false;
    int64_t n;
    if (!kr_is_int(res)) {
        if (!kr_index(r, res, &n)) return false; // __len__ may return any __index__ object
    } else if (!kr_int_to_i64(res, &n)) {
        kr_raise(r, &kr_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        return false;
    }
    if (n < 0) {
        kr_raise(r, &kr_exc_ValueError, "__len__() should return >= 0");
        return false;
    }
    *out = (size_t)n;
    return true;
}

static int tr_truth(KrRun *r, KrValue v) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(v), "__bool__", &fn, &owner);
    if (fn != KR_NULL) {
        KrValue res = call_found(r, fn, v, 0, NULL);
        if (res == KR_EXC) return -1;
        if (!kr_is_bool(res)) {
            kr_raise(r, &kr_exc_TypeError, "__bool__ should return bool, returned %s", kr_type_name(res));
            return -1;
        }
        return res == KR_TRUE;
    }
    for (const KrType *p = owner; p; p = p->base)
        if (p->truth) return p->truth(r, v);
    KrValue lfn;
    find_dunder(r, kr_typeof(v), "__len__", &lfn, &owner);
    if (lfn == KR_NULL && !(owner && owner->len)) return 1;
    size_t n;
    if (!tr_len(r, v, &n)) return -1;
    return n != 0;
}

static KrValue tr_getitem(KrRun *r, KrValue o, KrValue key) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(o), "__getitem__", &fn, &owner);
    if (fn != KR_NULL) return call_found(r, fn, o, 1, &key);
    for (const KrType *p = owner; p; p = p->base)
        if (p->getitem) return p->getitem(r, o, key);
    return kr_raise(r, &kr_exc_TypeError, "'%s' object is not subscriptable", kr_type_name(o));
}

// dict subclasses with __missing__: a failed lookup asks it.
static KrValue tr_dict_missing(KrRun *r, KrValue o, KrValue key) {
    KrValue v;
    int found = kr_dict_get(r, kr_as_dict(o), key, &v);
    if (found < 0) return KR_EXC;
    if (found) return v;
    KrValue res = kr_call_dunder(r, o, "__missing__", 1, &key);
    if (res == KR_NULL) return kr_raise_with_arg(r, &kr_exc_KeyError, key);
    return res;
}

static KrValue tr_setitem(KrRun *r, KrValue o, KrValue key, KrValue v) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(o), v == KR_NULL ? "__delitem__" : "__setitem__", &fn, &owner);
    if (fn != KR_NULL) {
        KrValue args[2] = {key, v};
        KrValue res = call_found(r, fn, o, v == KR_NULL ? 1 : 2, args);
        return res == KR_EXC ? KR_EXC : KR_NONE;
    }
    for (const KrType *p = owner; p; p = p->base)
        if (p->setitem) return p->setitem(r, o, key, v);
    if (v == KR_NULL) return kr_raise(r, &kr_exc_AttributeError, "__delitem__");
    return kr_raise(r, &kr_exc_TypeError, "'%s' object does not support item assignment", kr_type_name(o));
}

static int tr_contains(KrRun *r, KrValue o, KrValue x) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(o), "__contains__", &fn, &owner);
    if (fn == KR_NONE) {
        kr_raise(r, &kr_exc_TypeError, "'%s' object is not a container", kr_type_name(o));
        return -1;
    }
    if (fn != KR_NULL) {
        KrValue res = call_found(r, fn, o, 1, &x);
        return res == KR_EXC ? -1 : kr_truth(r, res);
    }
    for (const KrType *p = owner; p; p = p->base)
        if (p->contains) return p->contains(r, o, x);
    return kr_contains_by_iter(r, o, x);
}

static KrValue tr_iter(KrRun *r, KrValue o) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(o), "__iter__", &fn, &owner);
    if (fn == KR_NONE) return kr_raise(r, &kr_exc_TypeError, "'%s' object is not iterable", kr_type_name(o));
    if (fn == KR_NULL) {
        for (const KrType *p = owner; p; p = p->base)
            if (p->iter) return p->iter(r, o);
        // the old protocol: __getitem__ with 0, 1, 2, ...
        KrValue gfn;
        find_dunder(r, kr_typeof(o), "__getitem__", &gfn, &owner);
        if (gfn != KR_NULL) return kr_seqiter_getitem_new(r, o);
        return kr_raise(r, &kr_exc_TypeError, "'%s' object is not iterable", kr_type_name(o));
    }
    KrValue it = call_found(r, fn, o, 0, NULL);
    if (it == KR_EXC) return KR_EXC;
    const KrType *t = kr_typeof(it);
    bool is_iter = false;
    for (const KrType *p = t; p; p = p->flags & KR_TF_HEAP ? p->layout : p->base)
        if (p->next) is_iter = true;
    if (!is_iter) return kr_raise(r, &kr_exc_TypeError, "iter() returned non-iterator of type '%s'", t->name);
    return it;
}

static KrValue tr_next(KrRun *r, KrValue o) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(o), "__next__", &fn, &owner);
    if (fn == KR_NULL) {
        for (const KrType *p = owner; p; p = p->base)
            if (p->next) return p->next(r, o);
        return kr_raise(r, &kr_exc_TypeError, "'%s' object is not an iterator", kr_type_name(o));
    }
    KrValue v = call_found(r, fn, o, 0, NULL);
    if (v == KR_EXC && kr_pending_is(r, &kr_exc_StopIteration)) {
        r->stop_exc = r->exc;
        kr_clear_exc(r);
        return KR_STOP;
    }
    return v;
}

static KrValue tr_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args, KrValue kwnames) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(callee), "__call__", &fn, &owner);
    if (fn == KR_NULL) {
        for (const KrType *p = owner; p; p = p->base)
            if (p->call) return p->call(r, callee, argc, args, kwnames);
        return kr_raise(r, &kr_exc_TypeError, "'%s' object is not callable", kr_type_name(callee));
    }
    KrValue m = kr_typeof(fn) == &kr_type_function ? kr_method_new(r, fn, callee) : fn;
    if (m == KR_EXC) return KR_EXC;
    return kr_call(r, m, argc, args, kwnames);
}

static KrValue tr_getattr(KrRun *r, KrValue o, KrStr *name) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(o), "__getattribute__", &fn, &owner);
    if (fn == KR_NULL || owner == &kr_type_object) return kr_class_instance_getattr(r, o, name);
    KrValue n = kr_from_obj(name);
    KrValue v = call_found(r, fn, o, 1, &n);
    if (v == KR_EXC && kr_pending_is(r, &kr_exc_AttributeError)) {
        // __getattribute__ failing falls back to __getattr__
        KrValue gfn;
        find_dunder(r, kr_typeof(o), "__getattr__", &gfn, &owner);
        if (gfn != KR_NULL) {
            kr_clear_exc(r);
            return call_found(r, gfn, o, 1, &n);
        }
    }
    return v;
}

static KrValue tr_setattr(KrRun *r, KrValue o, KrStr *name, KrValue v) {
    KrValue fn;
    const KrType *owner;
    find_dunder(r, kr_typeof(o), v == KR_NULL ? "__delattr__" : "__setattr__", &fn, &owner);
    if (fn == KR_NULL) return kr_object_setattr(r, o, name, v);
    KrValue args[2] = {kr_from_obj(name), v};
    KrValue res = call_found(r, fn, o, v == KR_NULL ? 1 : 2, args);
    return res == KR_EXC ? KR_EXC : KR_NONE;
}

// ---- class creation ---------------------------------------------------------------------------

typedef struct SlotDunders {
    uint32_t slot;
    const char *names[6];
} SlotDunders;

// Which dunders make a class take over which C slot.
static const SlotDunders slot_dunders[] = {
    {SLOT_REPR, {"__repr__"}},
    {SLOT_STR, {"__str__"}},
    {SLOT_HASH, {"__hash__", "__eq__"}},
    {SLOT_COMPARE, {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"}},
    {SLOT_UNARY, {"__neg__", "__pos__", "__invert__"}},
    {SLOT_TRUTH, {"__bool__", "__len__"}},
    {SLOT_LEN, {"__len__"}},
    {SLOT_GETITEM, {"__getitem__"}},
    {SLOT_SETITEM, {"__setitem__", "__delitem__"}},
    {SLOT_CONTAINS, {"__contains__"}},
    {SLOT_ITER, {"__iter__", "__getitem__"}},
    {SLOT_NEXT, {"__next__"}},
    {SLOT_CALL, {"__call__"}},
    {SLOT_GETATTR, {"__getattribute__", "__getattr__"}},
    {SLOT_SETATTR, {"__setattr__", "__delattr__"}},
};

static bool dict_has(KrRun *r, KrValue dict, const char *name) {
    return kr_dict_get_cstr(r, kr_as_dict(dict), name) != KR_NULL;
}

// A slot dispatches to Python when any class of the MRO defines one of its
// dunders (the trampolines then find the right definition at call time).
static uint32_t compute_heap_slots(KrRun *r, const KrType *t) {
    uint32_t slots = 0;
    KrTuple *mro = kr_as_tuple(t->mro);
    for (size_t i = 0; i < mro->len; i++) {
        const KrType *p = (const KrType *)kr_as_obj(mro->items[i]);
        if (!(p->flags & KR_TF_HEAP)) continue;
        for (size_t k = 0; k < sizeof slot_dunders / sizeof slot_dunders[0]; k++)
            for (size_t j = 0; j < 6 && slot_dunders[k].names[j]; j++)
                if (dict_has(r, p->dict, slot_dunders[k].names[j])) slots |= slot_dunders[k].slot;
        for (size_t op = 0; op < KR_BIN__COUNT; op++) {
            if (dict_has(r, p->dict, binop_names[op][0]) || dict_has(r, p->dict, binop_names[op][1]))
                slots |= SLOT_BINARY;
            if (dict_has(r, p->dict, binop_names[op][2])) slots |= SLOT_INPLACE;
        }
    }
    return slots;
}

static bool class_defines(KrRun *r, const KrType *t, const char *name) {
    KrTuple *mro = kr_as_tuple(t->mro);
    for (size_t i = 0; i < mro->len; i++) {
        const KrType *p = (const KrType *)kr_as_obj(mro->items[i]);
        if ((p->flags & KR_TF_HEAP) && dict_has(r, p->dict, name)) return true;
    }
    return false;
}

// The str() of the first built-in type in the MRO that has its own (a
// class of KeyError and ImportError: whichever comes first), as CPython's
// lookup of __str__ finds it; the layout's when none differs.
typedef KrValue (*StrSlot)(KrRun *r, KrValue v);
static StrSlot mro_static_str(const KrType *t) {
    KrTuple *mro = kr_as_tuple(t->mro);
    for (size_t i = 1; i < mro->len; i++) {
        const KrType *p = (const KrType *)kr_as_obj(mro->items[i]);
        if (!(p->flags & KR_TF_HEAP) && (!p->base || p->str != p->base->str)) return p->str;
    }
    return t->layout->str;
}

static void install_slots(KrRun *r, KrType *t) {
    const KrType *L = t->layout;
    uint32_t s = t->heap_slots = compute_heap_slots(r, t);
    t->repr = s & SLOT_REPR ? tr_repr : L->repr;
    t->str = s & (SLOT_STR | SLOT_REPR) ? tr_str : mro_static_str(t);
    t->hash = s & SLOT_HASH ? tr_hash : L->hash;
    t->compare = s & SLOT_COMPARE ? tr_compare : L->compare;
    t->binary = s & SLOT_BINARY ? tr_binary : L->binary;
    t->inplace = s & SLOT_INPLACE ? tr_inplace : L->inplace;
    t->unary = s & SLOT_UNARY ? tr_unary : L->unary;
    t->truth = s & SLOT_TRUTH ? tr_truth : L->truth;
    t->len = s & SLOT_LEN ? tr_len : L->len;
    t->getitem = s & SLOT_GETITEM ? tr_getitem : L->getitem;
    if (!(s & SLOT_GETITEM) && L == &kr_type_dict && class_defines(r, t, "__missing__")) t->getitem = tr_dict_missing;
    t->setitem = s & SLOT_SETITEM ? tr_setitem : L->setitem;
    t->contains = s & SLOT_CONTAINS ? tr_contains : L->contains;
    t->iter = s & SLOT_ITER ? tr_iter : L->iter;
    t->next = s & SLOT_NEXT ? tr_next : L->next;
    t->call = s & SLOT_CALL ? tr_call : L->call;
    t->getattr = s & SLOT_GETATTR ? tr_getattr : kr_class_instance_getattr;
    t->setattr = s & SLOT_SETATTR ? tr_setattr : kr_object_setattr;
}

// obj.name for class instances: an AttributeError from the normal lookup
// (a missing name, or a property getter raising it) falls back to the
// class's __getattr__.
KrValue kr_class_instance_getattr(KrRun *r, KrValue o, KrStr *name) {
    KrValue v = kr_object_getattr(r, o, name, false);
    if (v != KR_EXC || !kr_pending_is(r, &kr_exc_AttributeError)) return v;
    KrLookup ga;
    static const KrStr getattr_name = KR_STATIC_STR("__getattr__");
    if (!kr_type_lookup(r, kr_typeof(o), (KrStr *)&getattr_name, &ga) || ga.value == KR_NULL) return KR_EXC;
    KrValue saved = r->exc;
    kr_clear_exc(r);
    KrValue m = bind_attr(r, &ga, o, kr_typeof(o));
    if (m == KR_EXC) return KR_EXC;
    KrValue res = kr_call1(r, m, kr_from_obj(name));
    (void)saved;
    return res;
}

// ---- attribute sites ---------------------------------------------------------------------
// A LOAD_ATTR / STORE_ATTR instruction mostly meets instances of one class
// whose dicts hold the attribute at the same place (they were filled in
// the same order by __init__). A site remembers the class (while no class
// namespace changes: class_version) and the entry number; a hit checks
// the entry's key, so it can never give a wrong value. Only classes with
// the standard attribute hooks and no data descriptor for the name are
// cached. The cache names classes without marking them: every collection
// empties it. (One site entry serves loads and stores alike.)

// (The table and its hit test are in class.h: the VM inlines them.)

void kr_attr_sites_clear(KrRun *r) {
    if (r->asites) memset(r->asites, 0, sizeof *r->asites);
}

void kr_attr_sites_free(KrRun *r) {
    if (r->asites) kr_mem_free(r, r->asites, sizeof *r->asites);
    r->asites = NULL;
}

// After the first slow access at a site for o's class: remember where
// the attribute sits in the instance dict, or that this class is not
// cached here (so the lookups below are not repeated on every access).
// Cached: classes with the standard hooks (changing them changes a class
// namespace, which bumps class_version), a fixed-size layout, no data
// descriptor for the name, and program (interned) names.
static void site_fill(KrRun *r, const void *site, KrObj *o, KrStr *name) {
    const KrType *cls = o->type;
    KrValue *slot = kr_instance_dict_slot(o);
    ptrdiff_t ix = -1;
    if (!(cls->flags & KR_TF_EXC) && cls->getattr == kr_class_instance_getattr && cls->setattr == kr_object_setattr &&
        !cls->layout->objsize && (name->ob.gc & KR_GC_STATIC) && !(name->data[0] == '_' && name->data[1] == '_') &&
        slot && *slot != KR_NULL) {
        KrLookup lk;
        if (!kr_type_lookup(r, cls, name, &lk) || !(lk.gs || is_data_descriptor(r, lk.value))) {
            KrDict *d = kr_as_dict(*slot);
            ix = kr_dict_index_hashed(r, d, kr_from_obj(name), name->hash);
            if (ix >= 0 && !kr_key_is_name(d->entries[ix].key, name)) ix = -1;
        }
    }
    if (!r->asites) {
        r->asites = kr_mem_alloc(r, sizeof *r->asites);
        if (!r->asites) return; // the run's limit error is set
        memset(r->asites, 0, sizeof *r->asites);
    }
    KrAttrSite *e = &r->asites->e[2 * ASITE_SET(site)];
    if (e[0].site != site) e[1] = e[0]; // the set's other site moves to its second way
    e[0] = ix < 0 ? (KrAttrSite){site, cls, r->class_version, ASITE_NONE, 0}
                  : (KrAttrSite){site, cls, r->class_version, (uint32_t)ix, (uint32_t)((char *)slot - (char *)o)};
}

// The VM came here because kr_attr_site_hit missed: a site already filled
// for o's class is not filled again (until a collection empties the table).
KrValue kr_load_attr_at(KrRun *r, const void *site, KrValue o, KrStr *name) {
    bool known = kr_attr_site_known(r, site, o) != NULL;
    KrValue v = kr_getattr(r, o, name);
    if (!known && v != KR_EXC && kr_is_ptr(o) && (kr_as_obj(o)->type->flags & KR_TF_HEAP)) site_fill(r, site, kr_as_obj(o), name);
    return v;
}

KrValue kr_store_attr_at(KrRun *r, const void *site, KrValue o, KrStr *name, KrValue v) {
    bool known = kr_attr_site_known(r, site, o) != NULL;
    KrValue res = kr_setattr(r, o, name, v);
    if (!known && res != KR_EXC && kr_is_ptr(o) && (kr_as_obj(o)->type->flags & KR_TF_HEAP)) site_fill(r, site, kr_as_obj(o), name);
    return res;
}

// ---- the C3 linearisation --------------------------------------------------------------------

static KrValue mro_of(const KrType *t) {
    if (t->flags & KR_TF_HEAP) return t->mro;
    return KR_NULL;
}

static size_t static_chain(const KrType *t, KrValue *out, size_t cap) {
    size_t n = 0;
    for (const KrType *p = t; p && n < cap; p = p->base) out[n++] = kr_from_obj(p);
    if (t != &kr_type_object && n < cap && kr_as_obj(out[n - 1]) != &kr_type_object.ob) out[n++] = kr_from_obj(&kr_type_object);
    return n;
}

#define MRO_MAX 256

typedef struct {
    KrValue items[MRO_MAX];
    size_t n, pos;
} MroSeq;

static void seq_of(const KrType *t, MroSeq *s) {
    s->pos = 0;
    KrValue m = mro_of(t);
    if (m != KR_NULL) {
        KrTuple *tup = kr_as_tuple(m);
        s->n = tup->len < MRO_MAX ? tup->len : MRO_MAX;
        memcpy(s->items, tup->items, s->n * sizeof(KrValue));
    } else {
        s->n = static_chain(t, s->items, MRO_MAX);
    }
}

static bool in_tail(const MroSeq *seqs, size_t nseqs, KrValue c) {
    for (size_t i = 0; i < nseqs; i++)
        for (size_t k = seqs[i].pos + 1; k < seqs[i].n; k++)
            if (seqs[i].items[k] == c) return true;
    return false;
}

// C3: repeatedly take the first head that is in no tail.
static KrValue compute_mro(KrRun *r, KrType *t, KrTuple *bases) {
    size_t nseqs = bases->len + 1;
    if (nseqs > 64) return kr_raise(r, &kr_exc_TypeError, "too many base classes");
    MroSeq *seqs = kr_mem_alloc(r, nseqs * sizeof *seqs);
    if (!seqs) return KR_EXC;
    for (size_t i = 0; i < bases->len; i++) seq_of((const KrType *)kr_as_obj(bases->items[i]), &seqs[i]);
    MroSeq *last = &seqs[bases->len];
    last->pos = 0;
    last->n = bases->len;
    memcpy(last->items, bases->items, bases->len * sizeof(KrValue));
    KrValue out[MRO_MAX];
    size_t n = 0;
    out[n++] = kr_from_obj(t);
    KrValue result = KR_NONE;
    for (;;) {
        bool any = false, picked = false;
        for (size_t i = 0; i < nseqs && !picked; i++) {
            if (seqs[i].pos >= seqs[i].n) continue;
            any = true;
            KrValue c = seqs[i].items[seqs[i].pos];
            if (in_tail(seqs, nseqs, c)) continue;
            if (n >= MRO_MAX) break;
            out[n++] = c;
            for (size_t k = 0; k < nseqs; k++)
                if (seqs[k].pos < seqs[k].n && seqs[k].items[seqs[k].pos] == c) seqs[k].pos++;
            picked = true;
        }
        if (!any) break;
        if (!picked) {
            KrBuf b;
            kr_buf_init(&b, kr_run_allocator(r));
            bool ok = kr_buf_append_str(&b, "Cannot create a consistent method resolution\norder (MRO) for bases");
            // CPython names the classes still waiting at the heads
            KrValue seen[64];
            size_t nseen = 0;
            for (size_t i = 0; i < nseqs && ok; i++) {
                if (seqs[i].pos >= seqs[i].n) continue;
                KrValue h = seqs[i].items[seqs[i].pos];
                bool dup = false;
                for (size_t k = 0; k < nseen; k++) dup |= seen[k] == h;
                if (dup || nseen >= 64) continue;
                seen[nseen++] = h;
                ok = kr_buf_printf(&b, "%s%s", nseen > 1 ? ", " : " ", ((const KrType *)kr_as_obj(h))->name);
            }
            KrValue msg = ok ? kr_str_from_buf(r, &b) : KR_EXC;
            kr_buf_free(&b);
            result = msg == KR_EXC ? KR_EXC : kr_raise_with_arg(r, &kr_exc_TypeError, msg);
            break;
        }
    }
    kr_mem_free(r, seqs, nseqs * sizeof *seqs);
    if (result == KR_EXC) return KR_EXC;
    return kr_tuple_from_array(r, out, n);
}

// The static type whose layout instances use: the most derived static
// base among the bases' layouts (they must agree).
// CPython's "solid base" of a built-in exception: the nearest ancestor
// with instance fields of its own. krait's exceptions all share KrExc, so
// only these decide conflicts: KeyError and AttributeError combine, as in
// CPython, while AttributeError and NameError do not.
static const KrType *exc_solid(const KrType *t) {
    static const KrType *const solid[] = {&kr_exc_StopIteration, &kr_exc_SystemExit, &kr_exc_ImportError,
                                          &kr_exc_OSError, &kr_exc_SyntaxError, &kr_exc_UnicodeEncodeError,
                                          &kr_exc_UnicodeDecodeError, &kr_exc_UnicodeTranslateError,
                                          &kr_exc_AttributeError, &kr_exc_NameError};
    for (; t && t != &kr_exc_BaseException; t = t->base)
        for (size_t i = 0; i < sizeof solid / sizeof *solid; i++)
            if (t == solid[i]) return t;
    return &kr_exc_BaseException;
}

// Of two layouts, the one whose instances suit both (NULL: a conflict).
static const KrType *layout_winner(const KrType *a, const KrType *b) {
    if (kr_type_is_subtype(b, a)) return b;
    if (kr_type_is_subtype(a, b)) return a;
    if (!(a->flags & KR_TF_EXC) || !(b->flags & KR_TF_EXC)) return NULL;
    const KrType *sa = exc_solid(a), *sb = exc_solid(b);
    if (kr_type_is_subtype(sb, sa) && sb != sa) return b;
    return kr_type_is_subtype(sa, sb) ? a : NULL;
}

static const KrType *pick_layout(KrRun *r, KrTuple *bases) {
    const KrType *layout = &kr_type_object;
    for (size_t i = 0; i < bases->len; i++) {
        const KrType *b = (const KrType *)kr_as_obj(bases->items[i]);
        const KrType *bl = b->flags & KR_TF_HEAP ? b->layout : b;
        if (bl->flags & KR_TF_NOLAYOUT) continue; // typing.Generic: plain object instances
        layout = layout_winner(layout, bl);
        if (!layout) {
            kr_raise(r, &kr_exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return layout;
}

static KrValue layout_new(KrRun *r, KrType *t, size_t argc, const KrValue *args, KrValue kwnames);

// An empty list/dict/set of class t when the built-in constructor made a
// plain one.
static KrValue retype_container(KrRun *r, KrType *t, KrValue v) {
    if (v == KR_EXC || kr_typeof(v) == t) return v;
    const KrType *L = t->layout;
    size_t size = L == &kr_type_list ? sizeof(KrList) : L == &kr_type_dict ? sizeof(KrDict) : sizeof(KrSet);
    KrObj *o = kr_gc_alloc(r, t, size);
    if (!o) return KR_EXC;
    // take over the (empty) fresh container's storage
    KrObj *old = kr_as_obj(v);
    memcpy((char *)o + sizeof(KrObj), (char *)old + sizeof(KrObj), size - sizeof(KrObj));
    if (L == &kr_type_set || L == &kr_type_frozenset) {
        // a small set's table lives inside the object itself
        KrSet *ns = (KrSet *)o, *os = (KrSet *)old;
        if (os->table == os->small) ns->table = ns->small;
        os->table = os->small; // the old one keeps nothing to free
        os->mask = 0;
        return kr_from_obj(o);
    }
    memset((char *)old + sizeof(KrObj), 0, size - sizeof(KrObj));
    return kr_from_obj(o);
}

// ---- instances: __new__ and __init__ --------------------------------------------------------

static bool is_container_layout(const KrType *l) {
    return l == &kr_type_list || l == &kr_type_dict || l == &kr_type_set;
}

// The layout's part of instance creation: an empty container for list,
// dict and set (their __init__ fills them), the built-in constructor for
// immutable layouts and exceptions.
// An immutable built-in value copied into an instance of class t (for
// constructors that build the plain type: str, bytes, int, tuple).
static KrValue retype(KrRun *r, KrType *t, KrValue v) {
    const KrType *vt = kr_typeof(v);
    if (vt == t) return v;
    if (vt == &kr_type_str) {
        KrStr *s = kr_as_str(v);
        KrStr *o = kr_gc_alloc(r, t, sizeof(KrStr) + s->nbytes + 1);
        if (!o) return KR_EXC;
        char *data = (char *)(o + 1);
        memcpy(data, s->data, s->nbytes + 1);
        o->data = data;
        o->len = s->len;
        o->nbytes = s->nbytes;
        o->hash = -1;
        return kr_from_obj(o);
    }
    if (vt == &kr_type_bytes) {
        KrBytes *b = (KrBytes *)kr_as_obj(v);
        KrBytes *o = kr_gc_alloc(r, t, sizeof(KrBytes) + b->len + 1);
        if (!o) return KR_EXC;
        o->data = (uint8_t *)(o + 1);
        memcpy(o->data, b->data, b->len + 1);
        o->len = b->len;
        o->hash = -1;
        return kr_from_obj(o);
    }
    if (vt == &kr_type_tuple) {
        KrTuple *tu = kr_as_tuple(v);
        KrTuple *o = kr_gc_alloc(r, t, sizeof(KrTuple) + tu->len * sizeof(KrValue));
        if (!o) return KR_EXC;
        o->len = tu->len;
        memcpy(o->items, tu->items, tu->len * sizeof(KrValue));
        return kr_from_obj(o);
    }
    if (vt == &kr_type_int || vt == &kr_type_bool) {
        // a class's int is always a KrBigInt (small values too)
        uint32_t d[2] = {0, 0};
        size_t n = 0;
        bool neg = false;
        const uint32_t *src = d;
        int64_t i;
        if (kr_is_small(v) || kr_is_bool(v)) {
            i = kr_is_bool(v) ? v == KR_TRUE : kr_as_small(v);
            neg = i < 0;
            uint64_t m = neg ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
            d[0] = (uint32_t)m;
            d[1] = (uint32_t)(m >> 32);
            n = d[1] ? 2 : d[0] ? 1 : 0;
        } else {
            KrBigInt *b = (KrBigInt *)kr_as_obj(v);
            src = b->d;
            n = b->n;
            neg = b->neg;
        }
        KrBigInt *o = kr_gc_alloc(r, t, sizeof(KrBigInt) + n * sizeof(uint32_t));
        if (!o) return KR_EXC;
        o->n = n;
        o->neg = neg;
        memcpy(o->d, src, n * sizeof(uint32_t));
        return kr_from_obj(o);
    }
    if (vt == &kr_type_float) return kr_float_new_instance(r, t, kr_as_double(v));
    if (vt == &kr_type_complex) {
        const KrComplex *c = (const KrComplex *)kr_as_obj(v);
        return kr_complex_new_instance(r, t, c->re, c->im);
    }
    return v;
}

static KrValue layout_new(KrRun *r, KrType *t, size_t argc, const KrValue *args, KrValue kwnames) {
    const KrType *L = t->layout;
    if (L == &kr_type_object) {
        KrObj *o = kr_gc_alloc(r, t, sizeof(KrObj));
        return o ? kr_from_obj(o) : KR_EXC;
    }
    if (!L->construct) return kr_raise(r, &kr_exc_TypeError, "cannot create '%s' instances", t->name);
    if (is_container_layout(L)) return retype_container(r, t, L->construct(r, L, 0, NULL, KR_NULL));
    // BaseException.__new__ keeps the positional arguments, ignores keywords
    if (t->flags & KR_TF_EXC) return L->construct(r, t, argc, args, KR_NULL);
    if (L == &kr_type_frozenset || L == &kr_type_bytearray || L == &kr_type_property)
        return L->construct(r, t, argc, args, kwnames);
    KrValue v = L->construct(r, L, argc, args, kwnames);
    return v == KR_EXC ? KR_EXC : retype(r, t, v);
}

KrValue kr_class_alloc(KrRun *r, const KrType *cls, size_t argc, const KrValue *args, KrValue kwnames) {
    if (cls->flags & KR_TF_HEAP) return layout_new(r, (KrType *)cls, argc, args, kwnames);
    if (cls == &kr_type_object) {
        KrObj *o = kr_gc_alloc(r, cls, sizeof(KrObj));
        return o ? kr_from_obj(o) : KR_EXC;
    }
    if (!cls->construct) return kr_raise(r, &kr_exc_TypeError, "cannot create '%s' instances", cls->name);
    // the containers' __new__ makes them empty: __init__ fills them
    if (is_container_layout(cls) || cls == &kr_type_bytearray) return cls->construct(r, cls, 0, NULL, KR_NULL);
    return cls->construct(r, cls, argc, args, kwnames);
}

// list/dict/set __init__: fill an instance from the call's arguments.
static KrValue container_init(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    const KrType *L = kr_typeof(self)->flags & KR_TF_HEAP ? kr_typeof(self)->layout : kr_typeof(self);
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    if (L == &kr_type_dict) {
        if (argc > 1) return kr_raise(r, &kr_exc_TypeError, "dict expected at most 1 argument, got %zu", argc);
        if (argc == 1 && !kr_dict_update(r, kr_as_dict(self), args[0])) return KR_EXC;
        for (size_t i = 0; i < nkw; i++)
            if (!kr_dict_set(r, kr_as_dict(self), kr_as_tuple(kwnames)->items[i], args[argc + i])) return KR_EXC;
        return KR_NONE;
    }
    const char *name = L == &kr_type_list ? "list" : "set";
    if (!kr_args_no_kw(r, name, kwnames) || !kr_args_count(r, name, argc, 0, 1)) return KR_EXC;
    if (argc == 0) return KR_NONE;
    if (L == &kr_type_list) return kr_list_extend(r, kr_as_list(self), args[0]) ? KR_NONE : KR_EXC;
    return kr_set_update(r, (KrSet *)kr_as_obj(self), args[0]) ? KR_NONE : KR_EXC;
}

const KrMethodDef kr_container_init_def = {"__init__", container_init, 0};

static KrValue prepend_call(KrRun *r, KrValue fn, KrValue first, size_t argc, const KrValue *args, KrValue kwnames) {
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    KrValue tup = kr_tuple_new(r, argc + nkw + 1);
    if (tup == KR_EXC) return KR_EXC;
    KrValue *items = kr_as_tuple(tup)->items;
    items[0] = first;
    if (argc + nkw) memcpy(items + 1, args, (argc + nkw) * sizeof(KrValue));
    kr_root_push(r, &tup);
    KrValue res = kr_call(r, fn, argc + 1, items, kwnames);
    kr_root_pop(r, 1);
    return res;
}

// The instance from __new__ (or the layout's own); KR_EXC on error.
static KrValue construct_instance(KrRun *r, KrType *t, size_t argc, const KrValue *args, KrValue kwnames,
                                  KrValue newfn, KrValue initfn) {
    if (newfn != KR_NULL) {
        KrValue f = kr_typeof(newfn) == &kr_type_staticmethod ? ((KrClassMethod *)kr_as_obj(newfn))->func : newfn;
        return prepend_call(r, f, kr_from_obj(t), argc, args, kwnames);
    }
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    if (t->layout == &kr_type_object && initfn == KR_NULL && (argc || nkw))
        return kr_raise(r, &kr_exc_TypeError, "%s() takes no arguments", t->name);
    return layout_new(r, t, argc, args, kwnames);
}

static KrValue heap_construct(KrRun *r, const KrType *ct, size_t argc, const KrValue *args, KrValue kwnames);

KrValue kr_class_new_split(KrRun *r, const KrType *ct, size_t argc, const KrValue *args, KrValue kwnames,
                           KrValue *init) {
    KrType *t = (KrType *)ct;
    *init = KR_NULL;
    if (t->construct != heap_construct) return KR_NULL;
    KrValue newfn, initfn;
    const KrType *new_owner, *init_owner;
    find_dunder(r, t, "__init__", &initfn, &init_owner);
    if (!kr_is_type(initfn, &kr_type_function) || (t->flags & KR_TF_PROTOCOL))
        return heap_construct(r, t, argc, args, kwnames);
    find_dunder(r, t, "__new__", &newfn, &new_owner);
    KrValue obj = construct_instance(r, t, argc, args, kwnames, newfn, initfn);
    if (obj != KR_EXC && kr_isinstance(obj, t)) *init = initfn;
    return obj;
}

static KrValue heap_construct(KrRun *r, const KrType *ct, size_t argc, const KrValue *args, KrValue kwnames) {
    KrType *t = (KrType *)ct;
    if (t->flags & KR_TF_PROTOCOL) return kr_raise(r, &kr_exc_TypeError, "Protocols cannot be instantiated");
    KrValue newfn, initfn;
    const KrType *new_owner, *init_owner;
    find_dunder(r, t, "__new__", &newfn, &new_owner);
    find_dunder(r, t, "__init__", &initfn, &init_owner);
    KrValue obj = construct_instance(r, t, argc, args, kwnames, newfn, initfn);
    if (obj == KR_EXC || (newfn != KR_NULL && !kr_isinstance(obj, t))) return obj;
    kr_root_push(r, &obj);
    KrValue res = KR_NONE;
    if (initfn != KR_NULL && !dunder_binds(initfn)) {
        KrValue got = kr_descr_get(r, initfn, obj, t); // __init__ = print: called as it is
        kr_root_push(r, &got);
        res = got == KR_EXC ? KR_EXC : kr_call(r, got != KR_NULL ? got : initfn, argc, args, kwnames);
        kr_root_pop(r, 1);
        if (res != KR_EXC && res != KR_NONE)
            res = kr_raise(r, &kr_exc_TypeError, "__init__() should return None, not '%s'", kr_type_name(res));
    } else if (initfn != KR_NULL) {
        res = prepend_call(r, initfn, obj, argc, args, kwnames);
        if (res != KR_EXC && res != KR_NONE)
            res = kr_raise(r, &kr_exc_TypeError, "__init__() should return None, not '%s'", kr_type_name(res));
    } else if (newfn == KR_NULL && is_container_layout(t->layout)) {
        res = container_init(r, obj, argc, args, kwnames);
    } else if (newfn == KR_NULL && t->layout == &kr_type_bytearray) {
        res = kr_bytearray_init(r, obj, argc, args, kwnames);
    } else if (newfn == KR_NULL && (t->flags & KR_TF_EXC)) { // the built-in __init__'s keywords
        res = kr_exc_init_keywords(r, obj, args, argc, kwnames) ? KR_NONE : KR_EXC;
    }
    kr_root_pop(r, 1);
    return res == KR_EXC ? KR_EXC : obj;
}

// ---- type(name, bases, dict) -----------------------------------------------------------------

static void type_trace_heap(KrRun *r, KrObj *o) {
    KrType *t = (KrType *)o;
    kr_gc_mark(r, t->dict);
    kr_gc_mark(r, t->heap_name);
    kr_gc_mark(r, t->heap_qualname);
    kr_gc_mark(r, t->bases);
    kr_gc_mark(r, t->mro);
    kr_gc_mark(r, t->slots);
    if (t->cache) attr_cache_mark(r, t->cache);
}

void kr_type_trace(KrRun *r, KrObj *o) {
    if (((KrType *)o)->flags & KR_TF_HEAP) type_trace_heap(r, o);
}

static bool wrap_in(KrRun *r, KrValue dict, const char *name, const KrType *wrapper) {
    KrValue key = kr_str_from_cstr(r, name);
    if (key == KR_EXC) return false;
    KrValue v;
    int found = kr_dict_get(r, kr_as_dict(dict), key, &v);
    if (found <= 0) return found == 0;
    if (!kr_is_type(v, &kr_type_function)) return true;
    KrClassMethod *w = kr_gc_alloc(r, wrapper, sizeof(KrClassMethod));
    if (!w) return false;
    w->func = v;
    return kr_dict_set(r, kr_as_dict(dict), key, kr_from_obj(w));
}

// CPython's choice of metaclass: the most derived of `start` and the
// bases' types; two unrelated ones conflict. krait's classes all have type
// `type`, so only a base that is not a class can pick another winner (its
// own type, which the class statement then calls) or conflict.
const KrType *kr_class_metaclass(KrRun *r, const KrType *start, const KrValue *bases, size_t n) {
    const KrType *w = start;
    for (size_t i = 0; i < n; i++) {
        const KrType *t = kr_typeof(bases[i]);
        if (kr_type_is_subtype(w, t)) continue;
        if (kr_type_is_subtype(t, w)) {
            w = t;
            continue;
        }
        kr_raise(r, &kr_exc_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                       "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return w;
}

static bool check_bases(KrRun *r, KrTuple *bases) {
    for (size_t i = 0; i < bases->len; i++) {
        KrValue b = bases->items[i];
        if (!kr_is_type(b, &kr_type_type)) {
            kr_raise(r, &kr_exc_TypeError, "bases must be types");
            return false;
        }
        const KrType *bt = (const KrType *)kr_as_obj(b);
        if (bt == &kr_type_type) { // the same limit as `metaclass=` in a class statement
            kr_raise(r, &kr_exc_NotImplementedError, "metaclasses (subclasses of type) are not supported yet");
            return false;
        }
        if (!(bt->flags & KR_TF_BASETYPE)) {
            kr_raise(r, &kr_exc_TypeError, "type '%s' is not an acceptable base type", bt->name);
            return false;
        }
        for (size_t k = 0; k < i; k++)
            if (bases->items[k] == b) {
                kr_raise(r, &kr_exc_TypeError, "duplicate base class %s", bt->name);
                return false;
            }
    }
    return true;
}

static KrValue call_init_subclass(KrRun *r, KrType *t, KrValue kwargs) {
    // super(t, t).__init_subclass__(**kwargs): look after t in its MRO
    KrTuple *mro = kr_as_tuple(t->mro);
    KrValue key = kr_str_from_cstr(r, "__init_subclass__");
    if (key == KR_EXC) return KR_EXC;
    for (size_t i = 1; i < mro->len; i++) {
        const KrType *p = (const KrType *)kr_as_obj(mro->items[i]);
        if (!(p->flags & KR_TF_HEAP)) break;
        KrValue v;
        if (kr_dict_get(r, kr_as_dict(p->dict), key, &v) <= 0) continue;
        KrValue fn = kr_typeof(v) == &kr_type_classmethod ? ((KrClassMethod *)kr_as_obj(v))->func : v;
        size_t nkw = kwargs == KR_NULL ? 0 : kr_as_dict(kwargs)->used;
        KrValue names = nkw ? kr_tuple_new(r, nkw) : KR_NULL;
        KrValue argv = kr_tuple_new(r, nkw + 1);
        if (names == KR_EXC || argv == KR_EXC) return KR_EXC;
        kr_as_tuple(argv)->items[0] = kr_from_obj(t);
        size_t pos = 0, k = 0;
        KrValue kk, vv;
        while (nkw && kr_dict_next(kr_as_dict(kwargs), &pos, &kk, &vv)) {
            kr_as_tuple(names)->items[k] = kk;
            kr_as_tuple(argv)->items[++k] = vv;
        }
        kr_root_push(r, &argv);
        kr_root_push(r, &names);
        KrValue res = kr_call(r, fn, 1, kr_as_tuple(argv)->items, names);
        kr_root_pop(r, 2);
        return res;
    }
    if (kwargs != KR_NULL && kr_as_dict(kwargs)->used)
        return kr_raise(r, &kr_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                        kr_type_qualname(t));
    return KR_NONE;
}

// A failed __set_name__ becomes CPython's RuntimeError, caused by the
// error (limits and pauses pass as they are).
static void set_name_failed(KrRun *r, const KrType *t, KrValue value, KrValue key) {
    if (r->limit_hit || r->pausing || r->exc == KR_NULL) return;
    KrValue cause = r->exc;
    kr_root_push(r, &cause);
    r->exc = KR_NULL;
    KrValue kr = kr_repr(r, key);
    if (kr != KR_EXC)
        kr_raise(r, &kr_exc_RuntimeError, "Error calling __set_name__ on '%s' instance %s in '%s'", kr_type_name(value),
                 kr_as_str(kr)->data, t->name);
    if (kr_exc_is(r->exc, &kr_exc_RuntimeError)) {
        KrExc *e = (KrExc *)kr_as_obj(r->exc);
        e->cause = e->context = cause;
        e->suppress_context = true;
    }
    kr_root_pop(r, 1);
}

// value.__set_name__(cls, name) for each class attribute whose class
// defines it, over a snapshot of the namespace (the calls may change it).
static KrValue call_set_names(KrRun *r, KrType *t) {
    KrValue items = kr_list_new(r, 0);
    if (items == KR_EXC) return KR_EXC;
    size_t pos = 0;
    KrValue k, v;
    while (kr_dict_next(kr_as_dict(t->dict), &pos, &k, &v))
        if (user_defines(r, v, &descr_s_set_name) && (!kr_list_append(r, kr_as_list(items), k) ||
                                                   !kr_list_append(r, kr_as_list(items), v)))
            return KR_EXC;
    kr_root_push(r, &items);
    KrValue res = KR_NONE;
    for (size_t i = 0; i + 1 < kr_as_list(items)->len && res != KR_EXC; i += 2) {
        KrValue args[2] = {kr_from_obj(t), kr_as_list(items)->items[i]};
        res = kr_call_dunder(r, kr_as_list(items)->items[i + 1], "__set_name__", 2, args);
        if (res == KR_EXC) set_name_failed(r, t, kr_as_list(items)->items[i + 1], args[1]);
    }
    kr_root_pop(r, 1);
    return res == KR_EXC ? KR_EXC : KR_NONE;
}

KrValue kr_type_new(KrRun *r, KrValue name, KrValue bases, KrValue ns, KrValue kwargs) {
    if (!kr_is_str(name)) return kr_raise(r, &kr_exc_TypeError, "type.__new__() argument 1 must be str, not %s", kr_arg_type_name(name));
    if (!kr_isinstance(bases, &kr_type_tuple))
        return kr_raise(r, &kr_exc_TypeError, "type.__new__() argument 2 must be tuple, not %s", kr_arg_type_name(bases));
    if (!kr_isinstance(ns, &kr_type_dict))
        return kr_raise(r, &kr_exc_TypeError, "type.__new__() argument 3 must be dict, not %s", kr_arg_type_name(ns));
    if (kr_as_tuple(bases)->len == 0) {
        KrValue obj = kr_from_obj(&kr_type_object);
        bases = kr_tuple_from_array(r, &obj, 1);
        if (bases == KR_EXC) return KR_EXC;
    }
    KrTuple *bt = kr_as_tuple(bases);
    if (!kr_class_metaclass(r, &kr_type_type, bt->items, bt->len) || !check_bases(r, bt)) return KR_EXC;
    const KrType *layout = pick_layout(r, bt);
    if (!layout) return KR_EXC;
    KrType *t = kr_gc_alloc(r, &kr_type_type, sizeof(KrType));
    if (!t) return KR_EXC;
    KrObj header = t->ob;
    memset(t, 0, sizeof *t);
    t->ob = header;
    t->dict = t->heap_name = t->heap_qualname = t->bases = t->mro = t->slots = KR_NULL;
    KrValue root = kr_from_obj(t);
    kr_root_push(r, &root);
    KrValue res = kr_type_fill(r, t, name, bt, layout, ns);
    if (res != KR_EXC) res = call_set_names(r, t);
    if (res != KR_EXC) res = call_init_subclass(r, t, kwargs);
    kr_root_pop(r, 1);
    return res == KR_EXC ? KR_EXC : root;
}

// The slot words instances inherit: those of the base with the most, whose
// ancestors must hold every other base's (else the layouts conflict).
static bool inherited_slots(KrRun *r, const KrTuple *bt, uint32_t *n) {
    const KrType *best = NULL;
    for (size_t i = 0; i < bt->len; i++) {
        const KrType *b = (const KrType *)kr_as_obj(bt->items[i]);
        if ((b->flags & KR_TF_HEAP) && b->nslots && (!best || b->nslots > best->nslots)) best = b;
    }
    for (size_t i = 0; best && i < bt->len; i++) {
        const KrType *b = (const KrType *)kr_as_obj(bt->items[i]);
        if ((b->flags & KR_TF_HEAP) && b->nslots && !kr_type_is_subtype(best, b)) {
            kr_raise(r, &kr_exc_TypeError, "multiple bases have instance lay-out conflict");
            return false;
        }
    }
    *n = best ? best->nslots : 0;
    return true;
}

// A private slot name is mangled as in the class body (__x -> _C__x).
static KrValue slot_mangle(KrRun *r, const KrType *t, KrValue name) {
    const KrStr *s = kr_as_str(name);
    const char *cls = t->name;
    while (*cls == '_') cls++;
    bool dunder_end = s->nbytes >= 4 && s->data[s->nbytes - 1] == '_' && s->data[s->nbytes - 2] == '_';
    if (s->nbytes < 3 || s->data[0] != '_' || s->data[1] != '_' || dunder_end || !*cls) return name;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    KrValue out = kr_buf_printf(&b, "_%s%s", cls, s->data) ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return out;
}

// The __slots__ names mangled and sorted (CPython lays slots out in this
// order); a non-str item is left for add_slot to refuse.
static KrValue slot_keys(KrRun *r, const KrType *t, KrValue names) {
    KrTuple *nt = kr_as_tuple(names);
    KrValue out = kr_list_new(r, nt->len);
    if (out == KR_EXC) return KR_EXC;
    kr_root_push(r, &out);
    bool ok = true;
    for (size_t i = 0; i < nt->len && ok; i++) {
        KrValue k = kr_is_str(nt->items[i]) ? slot_mangle(r, t, nt->items[i]) : nt->items[i];
        ok = k != KR_EXC && kr_list_append(r, kr_as_list(out), k);
    }
    kr_root_pop(r, 1);
    if (!ok) return KR_EXC;
    KrList *l = kr_as_list(out);
    // insertion sort by code point (UTF-8 byte order); a huge __slots__
    // makes it long, so it answers to the run's limits
    for (size_t i = 1; i < l->len; i++) {
        if (!kr_run_tick(r, i > INT32_MAX ? INT32_MAX : (int32_t)i)) return KR_EXC;
        for (size_t j = i; j > 0 && kr_is_str(l->items[j]) && kr_is_str(l->items[j - 1]) &&
                           strcmp(kr_as_str(l->items[j - 1])->data, kr_as_str(l->items[j])->data) > 0;
             j--) {
            KrValue tmp = l->items[j];
            l->items[j] = l->items[j - 1];
            l->items[j - 1] = tmp;
        }
    }
    return out;
}

// One __slots__ entry: a member descriptor stored under its mangled name.
static bool add_slot(KrRun *r, KrType *t, KrValue name, bool *has_dict) {
    if (!kr_is_str(name)) {
        kr_raise(r, &kr_exc_TypeError, "__slots__ items must be strings, not '%s'", kr_type_name(name));
        return false;
    }
    if (!kr_str_is_identifier(kr_as_str(name))) {
        kr_raise(r, &kr_exc_TypeError, "__slots__ must be identifiers");
        return false;
    }
    if (kr_str_eq_cstr(kr_as_str(name), "__dict__") || kr_str_eq_cstr(kr_as_str(name), "__weakref__")) {
        bool dict = kr_as_str(name)->data[2] == 'd';
        if (dict && *has_dict) {
            kr_raise(r, &kr_exc_TypeError, "__dict__ slot disallowed: we already got one");
            return false;
        }
        if (dict) *has_dict = true;
        return true;
    }
    KrValue key = name;
    KrValue prev;
    int had = kr_dict_get(r, kr_as_dict(t->dict), key, &prev);
    if (had < 0) return false;
    if (had) {
        kr_raise(r, &kr_exc_ValueError, "'%s' in __slots__ conflicts with class variable", kr_as_str(name)->data);
        return false;
    }
    if (t->nslots == UINT32_MAX) {
        kr_raise(r, &kr_exc_OverflowError, "too many __slots__");
        return false;
    }
    KrValue m = kr_member_new(r, t, key, t->nslots);
    if (m == KR_EXC || !kr_dict_set(r, kr_as_dict(t->dict), key, m)) return false;
    t->nslots++;
    return true;
}

// __slots__: member descriptors for the names, after the inherited slot
// words. Instances lose their dict when every class of the MRO declares
// __slots__ without '__dict__'.
static bool set_slots(KrRun *r, KrType *t, KrTuple *bt) {
    t->slots = KR_NULL;
    if (!inherited_slots(r, bt, &t->nslots)) return false;
    KrValue sl = kr_dict_get_cstr(r, kr_as_dict(t->dict), "__slots__");
    if (sl == KR_NULL) return true;
    KrValue names = kr_is_str(sl) ? kr_tuple_from_array(r, &sl, 1) : kr_tuple_from_iter(r, sl);
    if (names == KR_EXC) return false;
    kr_root_push(r, &names);
    KrValue keys = slot_keys(r, t, names);
    if (keys == KR_EXC) {
        kr_root_pop(r, 1);
        return false;
    }
    kr_root_push(r, &keys);
    KrList *kl = kr_as_list(keys);
    bool has_dict = false, ok = true;
    uint32_t first = t->nslots;
    for (size_t i = 0; i < kl->len && ok; i++) ok = add_slot(r, t, kl->items[i], &has_dict);
    if (ok && t->nslots > first && t->layout->objsize) {
        kr_raise(r, &kr_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", t->base->name);
        ok = false;
    }
    bool restricted = !has_dict && !(t->flags & KR_TF_EXC); // exceptions keep their own dict
    KrTuple *mro = kr_as_tuple(t->mro);
    for (size_t i = 1; i < mro->len && restricted; i++) {
        const KrType *p = (const KrType *)kr_as_obj(mro->items[i]);
        if ((p->flags & KR_TF_HEAP) && p->slots == KR_NULL) restricted = false;
    }
    if (ok && restricted) t->slots = names;
    kr_root_pop(r, 2);
    return ok;
}

// Property names (CPython's __set_name__ for property).
static void set_property_names(KrType *t) {
    size_t pos = 0;
    KrValue k, v;
    while (kr_dict_next(kr_as_dict(t->dict), &pos, &k, &v))
        if (is_property(v) && ((KrProperty *)kr_as_obj(v))->name == KR_NULL)
            ((KrProperty *)kr_as_obj(v))->name = k;
}

KrValue kr_type_fill(KrRun *r, KrType *t, KrValue name, KrTuple *bt, const KrType *layout, KrValue ns) {
    t->flags = KR_TF_HEAP | KR_TF_BASETYPE | (layout->flags & KR_TF_EXC);
    for (size_t i = 0; i < bt->len; i++) { // listing typing.Protocol itself makes a protocol
        const KrType *b = (const KrType *)kr_as_obj(bt->items[i]);
        if (!(b->flags & KR_TF_HEAP) && (b->flags & KR_TF_PROTOCOL)) t->flags |= KR_TF_PROTOCOL;
    }
    t->heap_name = name;
    t->name = kr_as_str(name)->data;
    t->base = (const KrType *)kr_as_obj(bt->items[0]);
    t->layout = layout;
    t->basic_size = layout->basic_size;
    t->objsize = heap_objsize;
    t->trace = heap_trace;
    t->finalize = layout->finalize ? heap_finalize : NULL;
    t->construct = heap_construct;
    t->bases = kr_from_obj(bt);
    t->dict = kr_dict_new(r);
    if (t->dict == KR_EXC || !kr_dict_update(r, kr_as_dict(t->dict), ns)) return KR_EXC;
    KrValue q = kr_dict_get_cstr(r, kr_as_dict(t->dict), "__qualname__");
    t->heap_qualname = q != KR_NULL && kr_is_str(q) ? q : name;
    if (q != KR_NULL && kr_dict_del(r, kr_as_dict(t->dict), kr_str_from_cstr(r, "__qualname__")) < 0) return KR_EXC;
    if (kr_dict_get_cstr(r, kr_as_dict(t->dict), "__module__") == KR_NULL &&
        !kr_dict_set(r, kr_as_dict(t->dict), kr_str_from_cstr(r, "__module__"), r->main_name))
        return KR_EXC;
    if (!wrap_in(r, t->dict, "__new__", &kr_type_staticmethod) ||
        !wrap_in(r, t->dict, "__init_subclass__", &kr_type_classmethod) ||
        !wrap_in(r, t->dict, "__class_getitem__", &kr_type_classmethod))
        return KR_EXC;
    t->mro = compute_mro(r, t, bt);
    if (t->mro == KR_EXC) return KR_EXC;
    if (!set_slots(r, t, bt)) return KR_EXC;
    set_property_names(t);
    // after the slots' descriptors, as in CPython's class dicts
    if (kr_dict_get_cstr(r, kr_as_dict(t->dict), "__doc__") == KR_NULL &&
        !kr_dict_set(r, kr_as_dict(t->dict), kr_str_from_cstr(r, "__doc__"), KR_NONE))
        return KR_EXC;
    // a class body that defines __eq__ but not __hash__ makes it unhashable
    // (assigning __eq__ to the class later does not)
    if (dict_has(r, t->dict, "__eq__") && !dict_has(r, t->dict, "__hash__") &&
        !kr_dict_set(r, kr_as_dict(t->dict), kr_str_from_cstr(r, "__hash__"), KR_NONE))
        return KR_EXC;
    install_slots(r, t);
    return KR_NONE;
}

// A class attribute was set: dunders may change which slots dispatch.
void kr_type_update_slots(KrRun *r, KrType *t) { install_slots(r, t); }

void kr_class_changed(KrRun *r) { r->class_version++; }

// ---- match statements -----------------------------------------------------------------

// case C(a, b, x=y): the positional sub-patterns take the attributes named
// by C.__match_args__ (or the subject itself for the built-in types that
// CPython treats so), then the keyword ones. None when it does not match.
KrValue kr_match_class(KrRun *r, KrValue subj, KrValue cls, KrValue kwnames, size_t npos) {
    if (!kr_is_type(cls, &kr_type_type)) return kr_raise(r, &kr_exc_TypeError, "called match pattern must be a type");
    const KrType *t = (const KrType *)kr_as_obj(cls);
    if (!kr_isinstance(subj, t)) return KR_NONE;
    KrTuple *kw = kr_as_tuple(kwnames);
    KrValue out = kr_tuple_new(r, npos + kw->len);
    if (out == KR_EXC) return KR_EXC;
    kr_root_push(r, &out);
    KrValue res = out;
    static const KrType *const self_types[] = {&kr_type_bool, &kr_type_bytes, &kr_type_bytearray, &kr_type_dict, &kr_type_float,
                                               &kr_type_frozenset, &kr_type_int, &kr_type_list, &kr_type_set,
                                               &kr_type_str, &kr_type_tuple};
    bool self_match = false;
    for (size_t i = 0; i < sizeof self_types / sizeof self_types[0]; i++)
        if (t == self_types[i]) self_match = true;
    KrValue margs = KR_NULL;
    if (npos && !self_match) {
        margs = kr_getattr_opt_cstr(r, cls, "__match_args__");
        if (margs == KR_EXC) goto fail;
        if (margs == KR_NULL) margs = kr_from_obj(&kr_empty_tuple);
        if (!kr_is_type(margs, &kr_type_tuple)) {
            kr_raise(r, &kr_exc_TypeError, "%s.__match_args__ must be a tuple (got %s)", t->name, kr_type_name(margs));
            goto fail;
        }
        if (kr_as_tuple(margs)->len < npos) {
            size_t have = kr_as_tuple(margs)->len;
            kr_raise(r, &kr_exc_TypeError, "%s() accepts %zu positional sub-pattern%s (%zu given)", t->name, have,
                     have == 1 ? "" : "s", npos);
            goto fail;
        }
    } else if (npos > 1) {
        kr_raise(r, &kr_exc_TypeError, "%s() accepts 1 positional sub-pattern (%zu given)", t->name, npos);
        goto fail;
    }
    for (size_t i = 0; i < npos + kw->len; i++) {
        KrValue name = i < npos ? (self_match ? KR_NULL : kr_as_tuple(margs)->items[i]) : kw->items[i - npos];
        for (size_t j = 0; j < i && name != KR_NULL && kr_is_str(name); j++) {
            KrValue prev = j < npos ? (self_match ? KR_NULL : kr_as_tuple(margs)->items[j]) : kw->items[j - npos];
            if (prev != KR_NULL && kr_is_str(prev) && kr_str_equal(kr_as_str(prev), kr_as_str(name))) {
                kr_raise(r, &kr_exc_TypeError, "%s() got multiple sub-patterns for attribute '%s'", t->name,
                         kr_as_str(name)->data);
                goto fail;
            }
        }
        if (name == KR_NULL) {
            kr_as_tuple(out)->items[i] = subj;
            continue;
        }
        if (!kr_is_str(name)) {
            kr_raise(r, &kr_exc_TypeError, "__match_args__ elements must be strings (got %s)", kr_type_name(name));
            goto fail;
        }
        KrValue v = kr_getattr_opt(r, subj, kr_as_str(name));
        if (v == KR_EXC) goto fail;
        if (v == KR_NULL) {
            res = KR_NONE;
            break;
        }
        kr_as_tuple(out)->items[i] = v;
    }
    kr_root_pop(r, 1);
    return res;
fail:
    kr_root_pop(r, 1);
    return KR_EXC;
}

// ---- run snapshots ----------------------------------------------------------------------------
// A class record: its layout (a static type, by name: instances that
// follow are allocated with it), its flags, then the fields. The MRO, the
// slots and the attribute cache are rebuilt, never read.

#define CLASS_SNAP_FLAGS (KR_TF_PROTOCOL | KR_TF_RUNTIME_PROTOCOL)

static bool class_snap_write(KrRsWriter *w, const KrObj *o) {
    const KrType *t = (const KrType *)o;
    if (!(t->flags & KR_TF_HEAP)) return kr_rs_write_fail(w, "internal: a static type saved as a class");
    kr_rs_put_static_name(w, t->layout);
    kr_snap_put_uvar(kr_rs_out(w), t->flags & CLASS_SNAP_FLAGS);
    kr_snap_put_uvar(kr_rs_out(w), t->nslots);
    return true;
}

static bool class_layout_ok(const KrType *L) {
    return L->ob.type == &kr_type_type && !(L->flags & KR_TF_HEAP) && L->snap &&
           (L == &kr_type_object || (L->flags & KR_TF_BASETYPE)) && !(L->flags & KR_TF_NOLAYOUT);
}

static KrObj *class_snap_read(KrRsReader *rd, const KrType *tt) {
    const KrType *L = kr_rs_get_static_name(rd);
    uint64_t flags = kr_snap_get_uvar(kr_rs_in(rd));
    uint64_t nslots = kr_snap_get_uvar(kr_rs_in(rd));
    if (!L || !kr_snap_ok(kr_rs_in(rd))) return NULL;
    // slot words only after fixed-size layouts (as at class creation)
    if (!class_layout_ok(L) || (flags & ~(uint64_t)CLASS_SNAP_FLAGS) || nslots > UINT32_MAX ||
        (nslots && L->objsize))
        return kr_rs_fail(rd, "bad class layout"), NULL;
    KrType *t = kr_rs_alloc(rd, tt, sizeof(KrType));
    if (!t) return NULL;
    KrObj header = t->ob;
    memset(t, 0, sizeof *t);
    t->ob = header;
    t->dict = t->heap_name = t->heap_qualname = t->bases = t->mro = t->slots = KR_NULL;
    t->flags = KR_TF_HEAP | KR_TF_BASETYPE | (L->flags & KR_TF_EXC) | (uint32_t)flags;
    t->nslots = (uint32_t)nslots;
    t->name = L->name; // until finished
    t->base = L;
    t->layout = L;
    t->basic_size = L->basic_size;
    t->objsize = heap_objsize;
    t->trace = heap_trace;
    t->finalize = L->finalize ? heap_finalize : NULL;
    t->construct = heap_construct;
    return &t->ob;
}

static const KrRsField class_snap_fields[] = {
    KR_RS_FIELD(KrType, heap_name, KR_RSF_VALUE, KR_RS_STR, NULL),
    KR_RS_FIELD(KrType, heap_qualname, KR_RSF_VALUE, KR_RS_STR, NULL),
    KR_RS_FIELD(KrType, bases, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_tuple),
    KR_RS_FIELD(KrType, dict, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_dict),
    KR_RS_FIELD(KrType, slots, KR_RSF_VALUE, KR_RS_EXACT | KR_RS_NULL, &kr_type_tuple),
    KR_RS_END,
};

const KrSnapOps kr_class_snap = {class_snap_fields, class_snap_write, class_snap_read, NULL};

const char *kr_type_snap_finish(KrRun *r, KrType *t) {
    if (!kr_is_str(t->heap_name) || !kr_is_str(t->heap_qualname) || !kr_is_type(t->dict, &kr_type_dict) ||
        (t->slots != KR_NULL && !kr_is_type(t->slots, &kr_type_tuple)))
        return "a class with bad fields";
    KrTuple *bt = kr_as_tuple(t->bases);
    uint32_t inherited;
    if (!check_bases(r, bt) || pick_layout(r, bt) != t->layout || !inherited_slots(r, bt, &inherited) ||
        t->nslots < inherited) {
        kr_clear_exc(r);
        return "a class whose bases do not fit its layout";
    }
    t->name = kr_as_str(t->heap_name)->data;
    t->base = (const KrType *)kr_as_obj(bt->items[0]);
    t->mro = compute_mro(r, t, bt);
    if (t->mro == KR_EXC) {
        t->mro = KR_NULL;
        kr_clear_exc(r);
        return r->limit_hit ? "out of memory" : "a class without a consistent MRO";
    }
    install_slots(r, t);
    return NULL;
}
