// class.h: what class.c and descr.c share with the rest of the interpreter.
#ifndef KR_OBJ_CLASS_H
#define KR_OBJ_CLASS_H

#include "../types.h"

typedef struct KrLookup {
    KrValue value;           // found in a class dict
    const KrMethodDef *meth; // found in a static type's methods
    const KrGetSetDef *gs;   // found in a static type's attributes
    const KrType *owner;     // where it was found
} KrLookup;

bool kr_type_lookup(KrRun *r, const KrType *t, KrStr *name, KrLookup *out);
// Generic instance attribute access (object.__getattribute__ /
// __setattr__); `fallback` tries the class's __getattr__.
KrValue kr_object_getattr(KrRun *r, KrValue self, KrStr *name, bool fallback);
KrValue kr_object_setattr(KrRun *r, KrValue self, KrStr *name, KrValue v);
KrValue kr_exc_type_setattr(KrRun *r, KrValue self, KrStr *name, KrValue v);
// NameError.name, AttributeError.name/.obj, ImportError.name/.path/.msg
// when not set on the instance; KR_NULL for other names.
KrValue kr_exc_special_attr(KrExc *e, KrStr *name);
// What BaseException.__init__ does with keywords (name=, obj=, path= for
// the types that take them; an error for the rest).
bool kr_exc_init_keywords(KrRun *r, KrValue self, const KrValue *args, size_t argc, KrValue kwnames);
// descr.c
KrValue kr_method_new(KrRun *r, KrValue func, KrValue self);
KrValue kr_property_get(KrRun *r, KrValue prop, KrValue self);
// classmethod.__get__: the wrapped function bound to cls (or, as CPython
// 3.11 does, any descriptor it wraps bound to cls: a class property).
KrValue kr_classmethod_bind(KrRun *r, KrValue cm, KrValue cls);
KrValue kr_property_set(KrRun *r, KrValue prop, KrValue self, KrValue v, KrStr *name, const KrType *cls);
KrValue kr_member_new(KrRun *r, const KrType *owner, KrValue name, uint32_t index);
KrValue kr_member_get(KrRun *r, KrValue member, KrValue obj);
KrValue kr_member_set(KrRun *r, KrValue member, KrValue obj, KrValue v); // v KR_NULL deletes

KrValue kr_super_bind(KrRun *r, const KrLookup *lk, KrValue obj, const KrType *cls, bool obj_is_type);
KrValue kr_seqiter_getitem_new(KrRun *r, KrValue seq);
KrValue kr_class_instance_getattr(KrRun *r, KrValue o, KrStr *name);
// o.name and o.name = v for the VM's LOAD_ATTR / STORE_ATTR at `site` (the
// instruction) when kr_attr_site_hit missed: kr_getattr / kr_setattr, then
// the site learns where a plain instance attribute sits in the dict.
KrValue kr_load_attr_at(KrRun *r, const void *site, KrValue o, KrStr *name);
KrValue kr_store_attr_at(KrRun *r, const void *site, KrValue o, KrStr *name, KrValue v);

// The attribute-site table (class.c fills it); its hit test is here so
// that the VM tries it inline before saving its state for the call.
// Two ways per set: the sets follow instruction addresses (the sites of one
// code object spread over them), and the two ways let the sites of two
// code objects that land on the same sets live together.
#define ASITES_SETS 32
#define ASITE_SET(site) (((uintptr_t)(site) >> 2) % ASITES_SETS)
#define ASITE_NONE UINT32_MAX // not cacheable for this class here: not tried again

typedef struct KrAttrSite {
    const void *site;
    const KrType *cls;
    uint64_t version;
    uint32_t ix;       // entry number in the instance dict, or ASITE_NONE
    uint32_t dict_off; // where the instance dict slot is (fixed-size layouts only)
} KrAttrSite;

struct KrAttrSites {
    KrAttrSite e[2 * ASITES_SETS];
};

// The site's entry when it was filled for o's class and no class
// namespace changed since, else NULL.
static inline const KrAttrSite *kr_attr_site_known(const KrRun *r, const void *site, KrValue o) {
    if (!r->asites || !kr_is_ptr(o)) return NULL;
    const KrAttrSite *e = &r->asites->e[2 * ASITE_SET(site)];
    const KrType *cls = kr_as_obj(o)->type;
    for (int w = 0; w < 2; w++, e++)
        if (e->site == site && e->cls == cls && e->version == r->class_version) return e;
    return NULL;
}

// The dict entry e names in o's dict when it still holds name, else NULL.
static inline KrDictEntry *kr_attr_site_entry(const KrAttrSite *e, KrObj *o, const KrStr *name, KrDict **dp) {
    if (e->ix == ASITE_NONE) return NULL;
    KrValue dv = *(const KrValue *)((const char *)o + e->dict_off);
    if (dv == KR_NULL) return NULL;
    KrDict *d = *dp = kr_as_dict(dv);
    return e->ix < d->nentries && kr_key_is_name(d->entries[e->ix].key, name) ? &d->entries[e->ix] : NULL;
}

// The cached entry for o.name at site, or NULL (then kr_load_attr_at /
// kr_store_attr_at do the access). A store through it also bumps the
// dict's version, as kr_dict_set_hashed does.
static inline KrDictEntry *kr_attr_site_hit(const KrRun *r, const void *site, KrValue o, const KrStr *name,
                                            KrDict **dp) {
    const KrAttrSite *e = kr_attr_site_known(r, site, o);
    return e ? kr_attr_site_entry(e, kr_as_obj(o), name, dp) : NULL;
}

// class creation (type(name, bases, dict)) and its pieces
KrValue kr_type_new(KrRun *r, KrValue name, KrValue bases, KrValue ns, KrValue kwargs);
KrValue kr_type_fill(KrRun *r, KrType *t, KrValue name, KrTuple *bt, const KrType *layout, KrValue ns);
void kr_type_update_slots(KrRun *r, KrType *t);
void kr_type_trace(KrRun *r, KrObj *o);
void kr_type_finalize(KrRun *r, KrObj *o);
// Any class namespace changed: cached attribute lookups are stale.
void kr_class_changed(KrRun *r);
bool kr_type_full_name(KrRun *r, const KrType *t, KrBuf *b);
// calls method `name` of v by the dunder protocol; KR_NULL if undefined
KrValue kr_call_dunder(KrRun *r, KrValue v, const char *name, size_t argc, const KrValue *args);
// descr.__get__(obj, cls) when v's class defines __get__ in Python, else KR_NULL.
KrValue kr_descr_get(KrRun *r, KrValue v, KrValue obj, const KrType *cls);
extern const KrMethodDef kr_container_init_def;
KrValue kr_builtin_build_class(void);
KrValue kr_lookup_special(KrRun *r, KrValue v, const char *name);
KrValue kr_match_class(KrRun *r, KrValue subj, KrValue cls, KrValue kwnames, size_t npos);
const KrMethodDef *kr_slot_wrapper(const KrType *t, const KrStr *name);
// A class call split for the VM: makes the instance (running __new__)
// and sets *init to the Python __init__ function still to run on it, or
// KR_NULL when the call is complete. KR_NULL (nothing done) when the class
// does not construct the standard way.
KrValue kr_class_new_split(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kwnames,
                           KrValue *init);
KrValue kr_class_alloc(KrRun *r, const KrType *cls, size_t argc, const KrValue *args, KrValue kwnames);
// The class T.__new__(cls, ...) is asked to make, checked as CPython does
// (a type, a subtype of T); NULL with TypeError raised.
const KrType *kr_new_target(KrRun *r, const KrType *owner, size_t argc, const KrValue *args);
bool kr_import_star(KrRun *r, KrValue globals, KrValue module);
// Run snapshots: the ops of class objects (kr_type_type), and the last
// step of loading a class (its bases already finished): checks its fields
// and rebuilds what is derived (MRO, slots). NULL, or why it is refused.
extern const KrSnapOps kr_class_snap;
const char *kr_type_snap_finish(KrRun *r, KrType *t);

#endif
