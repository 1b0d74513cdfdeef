// modules.h: the standard modules krait ships and the import machinery.
// Deny by default: `import` finds only the modules in the static registry
// (modules.c); anything else is ModuleNotFoundError. A module object is
// made per run on first import and cached in the run's module table.
#ifndef KR_MODULES_H
#define KR_MODULES_H

#include "types.h"

typedef struct KrModule {
    KrObj ob;
    KrValue name; // str
    KrValue dict; // the module's namespace
    KrValue state; // module-private value Python cannot reach (KR_NULL if unused)
    bool builtin;  // one of krait's modules (not made by calling the module type)
} KrModule;

extern const KrType kr_type_module;

// A module definition: a static entry of the registry. `init` fills the
// fresh namespace dict (functions, constants, types) and returns false with
// an exception set on failure.
typedef struct KrModuleDef {
    const char *name;
    bool (*init)(KrRun *r, KrValue module, KrValue dict);
    // Visits the static objects the module hands out (functions, types,
    // constants), each with a name unique in the module: run snapshots
    // refer to them as "module:name". Stops (returning true) when visit
    // returns true. NULL: none.
    bool (*statics)(void *ud, bool (*visit)(void *ud, const char *name, const void *obj));
    // Names CPython's module has that this one does not provide (NULL-ended,
    // or NULL): reading one is a NotImplementedError naming it, not an
    // AttributeError that reads like a typo.
    const char *const *unsupported;
} KrModuleDef;

// The registry of modules `import` finds, in a fixed order.
const KrModuleDef *const *kr_module_defs(size_t *n);

// The registry's entries (one per file in src/mod/, __future__ in modules.c).
extern const KrModuleDef kr_mod_sys, kr_mod_typing, kr_mod_future, kr_mod_asyncio;

// import name (dotted names allowed: "a.b"): the module object, or KR_EXC
// with ModuleNotFoundError: No module named 'x'.
KrValue kr_import(KrRun *r, KrValue name);
// Helper for module init functions: dict[name] = value.
bool kr_module_add(KrRun *r, KrValue dict, const char *name, KrValue value);
// The module `name` if this run has imported it (KR_NULL otherwise); no
// exception is ever set.
KrValue kr_module_find(KrRun *r, const char *name);
// For print(file=...): 1 for sys.stdout, 2 for sys.stderr, 0 for any other
// object (whose .write() is then called).
int kr_sys_stream_id(KrValue file);
// The sys.stdout object a run starts with.
KrValue kr_sys_stdout_stream(void);

// ---- typing hooks (mod/typing.c) ----------------------------------------------
// isinstance(obj, cls) / issubclass(sub, cls) when cls is one of typing's
// objects (List, Optional[int], int | None, a NamedTuple class, ...): 1, 0,
// -1 with CPython's TypeError, or -2 when cls is not a typing object (nothing
// raised: the caller reports its own "arg 2 must be a type" error). `sub` is a
// type object.
int kr_typing_isinstance(KrRun *r, KrValue obj, KrValue cls);
int kr_typing_issubclass(KrRun *r, KrValue sub, KrValue cls);
// The same test for a class `t` against cls, naming `fname` in errors.
int kr_typing_class_check(KrRun *r, const KrType *t, KrValue cls, const char *fname);
// list[int] -> list (a types.GenericAlias passes attribute lookups such as
// __bases__ to its class, so issubclass() takes it); KR_NULL for others.
KrValue kr_typing_ga_origin(KrValue v);
// `a | b` where a or b is a type, None or a typing object: types.UnionType
// (int | None) or typing.Union[...]; KR_NOTIMPL when neither operand fits.
KrValue kr_typing_or(KrRun *r, KrValue a, KrValue b);
// list[int], dict[str, int], tuple[int, ...], type[int]: a types.GenericAlias
// of the built-in type `origin` (args is the subscript: one value or a tuple).
KrValue kr_typing_class_getitem(KrRun *r, KrValue origin, KrValue args);
// A NamedTuple class (what `class P(NamedTuple): x: int; y: int = 0` and
// NamedTuple('P', [('x', int)]) make): `fields` a tuple of str, `types` a
// tuple of the same length (annotations) or KR_NULL, `defaults` a tuple for
// the LAST len(defaults) fields (or KR_NULL), `ns` the class body's
// namespace (or KR_NULL). The class is a real subclass of tuple
// (mod/namedtuple.c).
KrValue kr_typing_make_namedtuple(KrRun *r, KrValue name, KrValue fields, KrValue types,
                                  KrValue defaults, KrValue ns);
// The static objects NamedTuple classes hold, for snapshots (typing's statics).
bool kr_namedtuple_statics(void *ud, bool (*visit)(void *ud, const char *name, const void *obj));
// Class bases that are typing objects: what `class C(base)` derives from
// instead (CPython's __mro_entries__). Returns the class to use (List[int]
// and Sequence -> list/their origin), KR_NONE when the base only marks the
// class and is dropped (Generic[T], Protocol, abstract aliases krait has no
// class for), or KR_NULL when base is not a typing object. *special is 1 for
// NamedTuple and 2 for TypedDict (build those with the functions below),
// else 0.
KrValue kr_typing_mro_entry(KrValue base, int *special);
KrValue kr_typing_generic_params(KrValue base);
int kr_typing_protocol_check(KrRun *r, KrValue subject, bool instance, const KrType *proto);
// A TypedDict class (`class M(TypedDict): name: str`): calling it makes a
// plain dict. `fields` is a dict name -> type, `total` its totality.
KrValue kr_typing_make_typeddict(KrRun *r, KrValue name, KrValue fields, bool total, const KrValue *bases,
                                 size_t nbases);

#endif
