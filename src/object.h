// object.h: the object model. Every heap or static object starts with a
// KrObj header; its type is a KrType, whose slots give the C behaviour of
// the protocols (repr, hash, compare, arithmetic, items, iteration, call).
// Built-in types, functions and names are `const` static objects shared by
// every run (flag KR_GC_STATIC); everything a run creates lives on its heap.
#ifndef KR_OBJECT_H
#define KR_OBJECT_H

#include "value.h"

typedef struct KrRun KrRun;
typedef struct KrType KrType;
typedef struct KrSnapOps KrSnapOps; // runsnap.h
typedef struct KrStr KrStr;
typedef struct KrTuple KrTuple;

// gc word: address of the next object in the run's object list, with the
// low bits used as flags (objects are at least 8-byte aligned).
#define KR_GC_MARK ((uintptr_t)1)
#define KR_GC_STATIC ((uintptr_t)2)
#define KR_GC_HASID ((uintptr_t)4) // has an entry in the run's id map
#define KR_GC_FLAGS ((uintptr_t)7)

struct KrObj {
    const KrType *type;
    uintptr_t gc;
};

#define KR_STATIC_HEADER(t) {(t), KR_GC_STATIC}

// Binary operators, in-place forms are the same codes (the VM picks the
// slot). Order matches the compiler's operator table.
typedef enum {
    KR_BIN_ADD, KR_BIN_SUB, KR_BIN_MUL, KR_BIN_MATMUL, KR_BIN_TRUEDIV,
    KR_BIN_FLOORDIV, KR_BIN_MOD, KR_BIN_POW, KR_BIN_LSHIFT, KR_BIN_RSHIFT,
    KR_BIN_AND, KR_BIN_OR, KR_BIN_XOR, KR_BIN__COUNT
} KrBinOp;

typedef enum { KR_CMP_LT, KR_CMP_LE, KR_CMP_EQ, KR_CMP_NE, KR_CMP_GT, KR_CMP_GE } KrCmpOp;

typedef enum { KR_UN_NEG, KR_UN_POS, KR_UN_INVERT } KrUnOp;

// Native calling convention (vectorcall-like): `argc` positional values
// in args[0..argc), then one value per keyword name in `kwnames` (a tuple
// of str, or KR_NULL when there are none). Returns the result, or KR_EXC
// with the exception set in the run. `self` is the bound object for
// methods and KR_NULL for plain functions.
typedef KrValue (*KrNativeFn)(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                              KrValue kwnames);

#define KR_METH_STATIC 1u // staticmethod of a type (str.maketrans)
#define KR_METH_CLASS 2u  // classmethod: self is the type (dict.fromkeys)

typedef struct KrMethodDef {
    const char *name;
    KrNativeFn fn;
    uint32_t flags;
} KrMethodDef;

typedef struct KrGetSetDef {
    const char *name;
    KrValue (*get)(KrRun *r, KrValue self);
} KrGetSetDef;

// Type flags.
#define KR_TF_BASETYPE 1u // may be subclassed (issue: classes)
#define KR_TF_HEAP 2u     // a class made at run time
#define KR_TF_EXC 4u      // BaseException or a subclass
#define KR_TF_ABSTRACT_NEW 8u // may not be instantiated from Python
#define KR_TF_NOLAYOUT 16u    // a static base adding no instance layout (typing.Generic)
#define KR_TF_PROTOCOL 32u    // typing.Protocol, or a class listing it as a direct base
#define KR_TF_RUNTIME_PROTOCOL 64u // a protocol class made @runtime_checkable

struct KrType {
    KrObj ob;
    const char *name;
    const KrType *base;
    uint32_t flags;
    size_t basic_size;
    // Memory: mark children, free owned buffers, size of the object.
    void (*trace)(KrRun *r, KrObj *o);
    void (*finalize)(KrRun *r, KrObj *o);
    size_t (*objsize)(const KrObj *o);
    // type(...) called: make an instance.
    KrValue (*construct)(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                         KrValue kwnames);
    KrValue (*repr)(KrRun *r, KrValue v);
    KrValue (*str)(KrRun *r, KrValue v); // NULL: repr
    // Writes the hash; false with an exception set if unhashable/failing.
    // NULL means unhashable (the slot of object gives identity hashing).
    bool (*hash)(KrRun *r, KrValue v, int64_t *out);
    // Rich comparison; KR_NOTIMPL when this type cannot compare these.
    KrValue (*compare)(KrRun *r, KrValue a, KrValue b, KrCmpOp op);
    // Binary arithmetic where a or b (or both) is of this type.
    KrValue (*binary)(KrRun *r, KrValue a, KrValue b, KrBinOp op);
    KrValue (*inplace)(KrRun *r, KrValue a, KrValue b, KrBinOp op);
    KrValue (*unary)(KrRun *r, KrValue a, KrUnOp op);
    int (*truth)(KrRun *r, KrValue v); // 1, 0, or -1 with exception
    bool (*len)(KrRun *r, KrValue v, size_t *out);
    KrValue (*getitem)(KrRun *r, KrValue o, KrValue key);
    // Stores v at key, or deletes when v == KR_NULL. KR_NONE or KR_EXC.
    KrValue (*setitem)(KrRun *r, KrValue o, KrValue key, KrValue v);
    int (*contains)(KrRun *r, KrValue o, KrValue x); // 1, 0, -1
    KrValue (*iter)(KrRun *r, KrValue o);
    KrValue (*next)(KrRun *r, KrValue o); // KR_STOP when exhausted
    KrValue (*call)(KrRun *r, KrValue callee, size_t argc, const KrValue *args,
                    KrValue kwnames);
    // Attribute access overrides; NULL uses the generic lookup
    // (getsets, methods, instance dict).
    KrValue (*getattr)(KrRun *r, KrValue o, KrStr *name);
    KrValue (*setattr)(KrRun *r, KrValue o, KrStr *name, KrValue v); // v KR_NULL deletes
    // Built-in descriptors found in a class dict (member, _tuplegetter, a
    // method descriptor): get binds d to obj (KR_NULL: looked up on the
    // class cls itself); set stores to obj (v KR_NULL deletes). A type
    // with descr_set is a data descriptor: it wins over the instance dict.
    KrValue (*descr_get)(KrRun *r, KrValue d, KrValue obj, const KrType *cls);
    KrValue (*descr_set)(KrRun *r, KrValue d, KrValue obj, KrValue v);
    const KrMethodDef *methods; // ends with a {NULL} entry
    const KrGetSetDef *getsets; // ends with a {NULL} entry
    // Names of getsets CPython has as member descriptors (complex.real):
    // storing to one says "readonly attribute". NULL-terminated, or NULL.
    const char *const *members;
    // A type that only holds methods for instances of another type (the
    // methods NamedTuple classes get hold tuples): what their self must be.
    const KrType *method_self;
    // How instances are saved in run snapshots (runsnap.h); NULL: a run
    // holding one cannot be saved. For classes: their layout's.
    const KrSnapOps *snap;
    // Classes (KR_TF_HEAP) only; zero in static types, so test the flag.
    KrValue dict;           // the class namespace
    KrValue heap_name;      // __name__ (name points into it)
    KrValue heap_qualname;  // __qualname__
    KrValue bases;          // tuple
    KrValue mro;            // tuple, the class first
    const KrType *layout;   // the static type whose instance layout it extends
    uint32_t heap_slots;    // which slots dispatch to Python dunders (class.c)
    KrValue slots;          // __slots__ names when instances are restricted, else KR_NULL
    uint32_t nslots;        // slot words in instances (own __slots__ and inherited)
    struct KrAttrCache *cache; // class.c: MRO lookups remembered (heap types)
};

// ---- strings -------------------------------------------------------------
// UTF-8 storage; `len` counts code points, so len == nbytes means ASCII.
struct KrStr {
    KrObj ob;
    int64_t hash; // -1: not computed yet (never cached on static strings)
    size_t len;
    size_t nbytes;
    const char *data; // NUL-terminated; heap strings store it after the struct
};

#define KR_STATIC_STR(lit) \
    {KR_STATIC_HEADER(&kr_type_str), -1, sizeof(lit) - 1, sizeof(lit) - 1, lit}
// A static str whose hash is written in (a hot key every run sets: hashing
// it each time costs more than the rest of the set). `hash` must be
// CPython's hash(lit) under PYTHONHASHSEED=0 (a wrong one makes lookups
// by an equal str miss: tests/cases/functions/module_dunders.py would fail).
#define KR_STATIC_STR_HASHED(lit, hash) \
    {KR_STATIC_HEADER(&kr_type_str), hash, sizeof(lit) - 1, sizeof(lit) - 1, lit}

typedef struct KrBytes {
    KrObj ob;
    int64_t hash;
    size_t len;
    uint8_t *data; // after the struct, NUL-terminated for convenience
} KrBytes;

// ---- numbers -------------------------------------------------------------
// Ints outside the small range: magnitude in base 2^32, little-endian.
typedef struct KrBigInt {
    KrObj ob;
    size_t n;
    bool neg;
    uint32_t d[];
} KrBigInt;

// ---- containers ----------------------------------------------------------
struct KrTuple {
    KrObj ob;
    size_t len;
    KrValue items[];
};

typedef struct KrList {
    KrObj ob;
    size_t len;
    size_t cap;
    KrValue *items;
} KrList;

typedef struct KrDictEntry {
    int64_t hash;
    KrValue key; // KR_NULL: deleted entry
    KrValue value;
} KrDictEntry;

// Insertion-ordered hash table: `index` maps hash slots to entry numbers
// (-1 empty, -2 deleted); entries are appended in insertion order. The
// index and the entries share one allocation (entries follow the index);
// an empty dict has none (index NULL) until its first insertion.
typedef struct KrDict {
    KrObj ob;
    size_t used;     // live entries
    size_t nentries; // entries used, live or deleted
    size_t cap;      // entries capacity
    size_t usable;   // insertions left before a rebuild (never given back)
    size_t mask;     // index size - 1 (0 when index is NULL)
    int32_t *index;
    KrDictEntry *entries;
    uint64_t version; // bumped on every change (iteration safety)
    uint64_t tables;  // bumped when the table is replaced (lookups restart)
} KrDict;

typedef struct KrSetEntry {
    int64_t hash;
    KrValue key; // KR_NULL empty, KR_STOP dummy (deleted)
} KrSetEntry;

// Open addressing with CPython's table sizes, probe sequence and resize
// rules, so sets of ints and strs iterate in CPython's order. Up to 8
// entries live in `small` inside the object (table == small).
#define KR_SET_MINSIZE 8
typedef struct KrSet {
    KrObj ob;
    size_t fill; // live + dummy
    size_t used; // live
    size_t mask;
    KrSetEntry *table;
    uint64_t version;
    size_t finger; // where pop() resumes its scan
    int64_t hash;  // frozenset hash cache, -1 until computed
    KrSetEntry small[KR_SET_MINSIZE];
} KrSet;

typedef struct KrRange {
    KrObj ob;
    KrValue start, stop, step; // ints (small or big)
    KrValue length;            // int
} KrRange;

typedef struct KrSlice {
    KrObj ob;
    KrValue start, stop, step;
} KrSlice;

// ---- functions -----------------------------------------------------------
typedef struct KrCode KrCode;

typedef struct KrCell {
    KrObj ob;
    KrValue value; // KR_NULL when empty
} KrCell;

typedef struct KrFunc {
    KrObj ob;
    const KrCode *code;
    KrValue globals;    // dict
    KrValue defaults;   // tuple or KR_NULL
    KrValue kwdefaults; // dict or KR_NULL
    KrValue closure;    // tuple of cells or KR_NULL
    KrValue name;       // str
    KrValue qualname;   // str
    KrValue dict;       // function attributes, KR_NULL until set
    KrValue doc;
    KrValue annotations;
    KrValue module;
} KrFunc;

// A built-in function (len, print): a static object.
typedef struct KrBuiltin {
    KrObj ob;
    const char *name;
    KrNativeFn fn;
} KrBuiltin;

// A native method bound to its object ("abc".upper).
typedef struct KrBoundNative {
    KrObj ob;
    KrValue self;
    const KrMethodDef *def;
    const KrType *owner;
} KrBoundNative;

// A Python function bound to an object (issue: classes).
typedef struct KrMethod {
    KrObj ob;
    KrValue func;
    KrValue self;
} KrMethod;

// ---- exceptions ----------------------------------------------------------
typedef struct KrTraceback {
    KrObj ob;
    struct KrTraceback *next; // toward the frame that raised
    const KrCode *code;
    uint32_t pc; // instruction index, for the line number
} KrTraceback;

typedef struct KrExc {
    KrObj ob;
    KrValue args;    // tuple
    KrValue cause;   // exception or KR_NONE
    KrValue context; // exception or KR_NONE
    bool suppress_context;
    KrTraceback *tb;
    KrValue dict; // extra attributes (KR_NULL until needed)
    KrValue notes;
    // "Did you mean" material: for NameError the suggestion itself (made
    // while the frame still exists), for AttributeError the object and
    // the missing name (the suggestion is made when printed).
    KrValue hint, hint_obj, hint_name;
    // The attributes CPython keeps in C fields (UnicodeError's encoding,
    // object, start, end, reason; OSError's errno ...): a private tuple
    // written in place, never shown to Python. KR_NULL for other types.
    KrValue attrs;
} KrExc;

// ---- class instances ----------------------------------------------------------
// An instance of a class carries a dict slot after its layout's own data
// (at the 8-aligned end of the layout's size); exceptions use KrExc.dict.
// It starts as KR_NULL and is made on the first attribute store. After it
// (after the layout for exceptions) come the class's __slots__ values,
// KrType.nslots words, KR_NULL while unset.

// A bound Python method's function is stored in KrMethod (above).
typedef struct KrProperty {
    KrObj ob;
    KrValue fget, fset, fdel, doc;
    KrValue name; // the attribute name given at class creation, or KR_NULL
} KrProperty;

// A __slots__ name's descriptor (CPython's member_descriptor): value
// `index` of the instance's slot words, for instances of `owner`.
typedef struct KrMember {
    KrObj ob;
    KrValue owner; // the class whose __slots__ named it
    KrValue name;  // str
    uint32_t index;
} KrMember;

typedef struct KrClassMethod {
    KrObj ob;
    KrValue func; // classmethod and staticmethod wrap one callable
} KrClassMethod;

typedef struct KrSuper {
    KrObj ob;
    KrValue type; // the class after which the lookup starts
    KrValue obj;  // the instance (or class)
} KrSuper;

// ---- generic iterator objects ----------------------------------------------
typedef struct KrSeqIter {
    KrObj ob;
    KrValue seq;
    size_t index;
    uint64_t version; // dicts/sets: the version at creation
} KrSeqIter;

// ---- types ------------------------------------------------------------------
extern const KrType kr_type_type, kr_type_object, kr_type_none, kr_type_bool, kr_type_int,
    kr_type_float, kr_type_complex, kr_type_str, kr_type_bytes, kr_type_tuple, kr_type_list, kr_type_dict,
    kr_type_set, kr_type_frozenset, kr_type_range, kr_type_slice, kr_type_function,
    kr_type_builtin, kr_type_bound_native, kr_type_method, kr_type_cell, kr_type_code,
    kr_type_notimpl, kr_type_ellipsis, kr_type_traceback, kr_type_property, kr_type_classmethod,
    kr_type_staticmethod, kr_type_super, kr_type_mappingproxy, kr_type_member;

// Strs every run has (__name__, __doc__ and __main__ in its globals) and
// the names the compiler gives code objects (<module>, <lambda>, ...),
// pre-hashed: programs use these objects, snapshots name them by their
// place in kr_well_known_strs (append only).
extern const KrStr kr_s_dunder_name, kr_s_dunder_doc, kr_s_dunder_main;
#define KR_NWELL_KNOWN_STRS 9
extern const KrStr *const kr_well_known_strs[KR_NWELL_KNOWN_STRS];

// The type of any value (tagged values included).
const KrType *kr_typeof(KrValue v);

static inline bool kr_is_type(KrValue v, const KrType *t) {
    return kr_is_ptr(v) && kr_as_obj(v)->type == t;
}
bool kr_type_is_subtype(const KrType *t, const KrType *base);
const KrType *kr_class_metaclass(KrRun *r, const KrType *start, const KrValue *bases, size_t n);
// The dict slot of a class instance (NULL for non-class objects).
KrValue *kr_instance_dict_slot(KrObj *o);
// The __slots__ values of a class instance (o->type->nslots of them).
KrValue *kr_instance_members(KrObj *o);
static inline bool kr_isinstance(KrValue v, const KrType *t) {
    return kr_type_is_subtype(kr_typeof(v), t);
}
static inline bool kr_is_str(KrValue v) { return kr_is_ptr(v) && kr_isinstance(v, &kr_type_str); }
// True for every int, bools included (bool is a subclass of int).
static inline bool kr_is_int(KrValue v) {
    return kr_is_small(v) || kr_is_bool(v) || (kr_is_ptr(v) && kr_isinstance(v, &kr_type_int));
}
static inline KrStr *kr_as_str(KrValue v) { return (KrStr *)kr_as_obj(v); }
// A dict key k is the name: the same object, or a plain str of the same
// text (for the caches that check a dict entry they remembered).
static inline bool kr_key_is_name(KrValue k, const KrStr *name) {
    if (k == kr_from_obj(name)) return true;
    if (!kr_is_type(k, &kr_type_str)) return false;
    const KrStr *s = kr_as_str(k);
    return s->hash == name->hash && s->nbytes == name->nbytes && memcmp(s->data, name->data, s->nbytes) == 0;
}
static inline KrTuple *kr_as_tuple(KrValue v) { return (KrTuple *)kr_as_obj(v); }
static inline KrList *kr_as_list(KrValue v) { return (KrList *)kr_as_obj(v); }
static inline KrDict *kr_as_dict(KrValue v) { return (KrDict *)kr_as_obj(v); }

#endif
