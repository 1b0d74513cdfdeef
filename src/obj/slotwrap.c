// slotwrap.c: the dunder methods of built-in types (`(5).__add__(3)`,
// `super().__getitem__(k)` in a dict subclass) as methods that call the
// type's C slots. A wrapper calls the slot of the nearest built-in type of
// self's class that implements it.
#include "../types.h"
#include "class.h"

#define SLOT_OF(t, slot) ((t)->slot)

static const KrType *static_of(KrValue self) {
    const KrType *t = kr_typeof(self);
    return t->flags & KR_TF_HEAP ? t->layout : t;
}

#define IMPL(slot)                                                 \
    const KrType *impl = static_of(self);                          \
    while (impl && !impl->slot) impl = impl->base;                 \
    if (!impl) return kr_raise(r, &kr_exc_TypeError, "slot wrapper: no implementation")


static KrValue sw_repr(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_wrapper_args(r, "__repr__", argc, kwnames, 0, 0)) return KR_EXC;
    IMPL(repr);
    return impl->repr(r, self);
}

static KrValue sw_str(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_wrapper_args(r, "__str__", argc, kwnames, 0, 0)) return KR_EXC;
    IMPL(str);
    return impl->str(r, self);
}

static KrValue sw_hash(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_wrapper_args(r, "__hash__", argc, kwnames, 0, 0)) return KR_EXC;
    IMPL(hash);
    int64_t h;
    if (!impl->hash(r, self, &h)) return KR_EXC;
    return kr_int_from_i64(r, h);
}

static KrValue sw_len(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_wrapper_args(r, "__len__", argc, kwnames, 0, 0)) return KR_EXC;
    IMPL(len);
    size_t n;
    if (!impl->len(r, self, &n)) return KR_EXC;
    return kr_int_from_i64(r, (int64_t)n);
}

static KrValue sw_iter(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_wrapper_args(r, "__iter__", argc, kwnames, 0, 0)) return KR_EXC;
    IMPL(iter);
    return impl->iter(r, self);
}

static KrValue sw_next(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_wrapper_args(r, "__next__", argc, kwnames, 0, 0)) return KR_EXC;
    IMPL(next);
    KrValue v = impl->next(r, self);
    if (v == KR_STOP) return kr_raise_value(r, kr_from_obj(&kr_exc_StopIteration));
    return v;
}

static KrValue sw_bool(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_wrapper_args(r, "__bool__", argc, kwnames, 0, 0)) return KR_EXC;
    IMPL(truth);
    int t = impl->truth(r, self);
    return t < 0 ? KR_EXC : kr_bool(t);
}

static KrValue sw_contains(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_wrapper_args(r, "__contains__", argc, kwnames, 1, 1)) return KR_EXC;
    IMPL(contains);
    int c = impl->contains(r, self, args[0]);
    return c < 0 ? KR_EXC : kr_bool(c);
}

static KrValue sw_getitem(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_wrapper_args(r, "__getitem__", argc, kwnames, 1, 1)) return KR_EXC;
    IMPL(getitem);
    return impl->getitem(r, self, args[0]);
}

static KrValue sw_setitem(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_wrapper_args(r, "__setitem__", argc, kwnames, 2, 2)) return KR_EXC;
    IMPL(setitem);
    return impl->setitem(r, self, args[0], args[1]) == KR_EXC ? KR_EXC : KR_NONE;
}

static KrValue sw_delitem(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_wrapper_args(r, "__delitem__", argc, kwnames, 1, 1)) return KR_EXC;
    IMPL(setitem);
    return impl->setitem(r, self, args[0], KR_NULL) == KR_EXC ? KR_EXC : KR_NONE;
}

static KrValue sw_call(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    IMPL(call);
    return impl->call(r, self, argc, args, kwnames);
}

#define SW_CMP(fname, op)                                                                        \
    static KrValue sw_##fname(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) { \
        if (!kr_wrapper_args(r, "__" #fname "__", argc, kwnames, 1, 1)) return KR_EXC;         \
        IMPL(compare);                                                                           \
        return impl->compare(r, self, args[0], op);                                              \
    }
SW_CMP(lt, KR_CMP_LT)
SW_CMP(le, KR_CMP_LE)
SW_CMP(eq, KR_CMP_EQ)
SW_CMP(ne, KR_CMP_NE)
SW_CMP(gt, KR_CMP_GT)
SW_CMP(ge, KR_CMP_GE)

#define SW_BIN(fname, rname, op)                                                                   \
    static KrValue sw_##fname(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) { \
        if (!kr_wrapper_args(r, "__" #fname "__", argc, kwnames, 1, 1)) return KR_EXC;           \
        IMPL(binary);                                                                              \
        return impl->binary(r, self, args[0], op);                                                 \
    }                                                                                              \
    static KrValue sw_##rname(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) { \
        if (!kr_wrapper_args(r, "__" #rname "__", argc, kwnames, 1, 1)) return KR_EXC;           \
        IMPL(binary);                                                                              \
        return impl->binary(r, args[0], self, op);                                                 \
    }
SW_BIN(add, radd, KR_BIN_ADD)
SW_BIN(sub, rsub, KR_BIN_SUB)
SW_BIN(mul, rmul, KR_BIN_MUL)
SW_BIN(matmul, rmatmul, KR_BIN_MATMUL)
SW_BIN(truediv, rtruediv, KR_BIN_TRUEDIV)
SW_BIN(floordiv, rfloordiv, KR_BIN_FLOORDIV)
SW_BIN(mod, rmod, KR_BIN_MOD)
SW_BIN(pow, rpow, KR_BIN_POW)
SW_BIN(lshift, rlshift, KR_BIN_LSHIFT)
SW_BIN(rshift, rrshift, KR_BIN_RSHIFT)
SW_BIN(and, rand, KR_BIN_AND)
SW_BIN(or, ror, KR_BIN_OR)
SW_BIN(xor, rxor, KR_BIN_XOR)

#define SW_UN(fname, op)                                                                           \
    static KrValue sw_##fname(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) { \
        (void)args;                                                                                \
        if (!kr_wrapper_args(r, "__" #fname "__", argc, kwnames, 0, 0)) return KR_EXC;           \
        IMPL(unary);                                                                               \
        return impl->unary(r, self, op);                                                           \
    }
SW_UN(neg, KR_UN_NEG)
SW_UN(pos, KR_UN_POS)
SW_UN(invert, KR_UN_INVERT)

// T.__new__(cls, ...) of a built-in type T (self: T): cls must be T or a
// class whose nearest built-in base constructs as T does.
static KrValue sw_new(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    const KrType *owner = (const KrType *)kr_as_obj(self);
    const KrType *cls = kr_new_target(r, owner, argc, args);
    if (!cls) return KR_EXC;
    const KrType *solid = cls->flags & KR_TF_HEAP ? cls->layout : cls;
    if (solid->construct != owner->construct)
        return kr_raise(r, &kr_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", owner->name, cls->name,
                        solid->name);
    return kr_class_alloc(r, cls, argc - 1, args + 1, kwnames);
}

typedef enum {
    W_NEW, W_REPR, W_STR, W_HASH, W_LEN, W_ITER, W_NEXT, W_BOOL, W_CONTAINS, W_GETITEM, W_SETITEM, W_DELITEM, W_CALL,
    W_COMPARE, W_BINARY, W_UNARY
} WrapSlot;

typedef struct {
    KrMethodDef def;
    WrapSlot slot;
} Wrapper;

static const Wrapper wrappers[] = {
    {{"__new__", sw_new, KR_METH_STATIC}, W_NEW}, {{"__repr__", sw_repr, 0}, W_REPR}, {{"__str__", sw_str, 0}, W_STR}, {{"__hash__", sw_hash, 0}, W_HASH},
    {{"__len__", sw_len, 0}, W_LEN}, {{"__iter__", sw_iter, 0}, W_ITER}, {{"__next__", sw_next, 0}, W_NEXT},
    {{"__bool__", sw_bool, 0}, W_BOOL}, {{"__contains__", sw_contains, 0}, W_CONTAINS},
    {{"__getitem__", sw_getitem, 0}, W_GETITEM}, {{"__setitem__", sw_setitem, 0}, W_SETITEM},
    {{"__delitem__", sw_delitem, 0}, W_DELITEM}, {{"__call__", sw_call, 0}, W_CALL},
    {{"__lt__", sw_lt, 0}, W_COMPARE}, {{"__le__", sw_le, 0}, W_COMPARE}, {{"__eq__", sw_eq, 0}, W_COMPARE},
    {{"__ne__", sw_ne, 0}, W_COMPARE}, {{"__gt__", sw_gt, 0}, W_COMPARE}, {{"__ge__", sw_ge, 0}, W_COMPARE},
    {{"__add__", sw_add, 0}, W_BINARY}, {{"__radd__", sw_radd, 0}, W_BINARY},
    {{"__sub__", sw_sub, 0}, W_BINARY}, {{"__rsub__", sw_rsub, 0}, W_BINARY},
    {{"__mul__", sw_mul, 0}, W_BINARY}, {{"__rmul__", sw_rmul, 0}, W_BINARY},
    {{"__matmul__", sw_matmul, 0}, W_BINARY}, {{"__rmatmul__", sw_rmatmul, 0}, W_BINARY},
    {{"__truediv__", sw_truediv, 0}, W_BINARY}, {{"__rtruediv__", sw_rtruediv, 0}, W_BINARY},
    {{"__floordiv__", sw_floordiv, 0}, W_BINARY}, {{"__rfloordiv__", sw_rfloordiv, 0}, W_BINARY},
    {{"__mod__", sw_mod, 0}, W_BINARY}, {{"__rmod__", sw_rmod, 0}, W_BINARY},
    {{"__pow__", sw_pow, 0}, W_BINARY}, {{"__rpow__", sw_rpow, 0}, W_BINARY},
    {{"__lshift__", sw_lshift, 0}, W_BINARY}, {{"__rlshift__", sw_rlshift, 0}, W_BINARY},
    {{"__rshift__", sw_rshift, 0}, W_BINARY}, {{"__rrshift__", sw_rrshift, 0}, W_BINARY},
    {{"__and__", sw_and, 0}, W_BINARY}, {{"__rand__", sw_rand, 0}, W_BINARY},
    {{"__or__", sw_or, 0}, W_BINARY}, {{"__ror__", sw_ror, 0}, W_BINARY},
    {{"__xor__", sw_xor, 0}, W_BINARY}, {{"__rxor__", sw_rxor, 0}, W_BINARY},
    {{"__neg__", sw_neg, 0}, W_UNARY}, {{"__pos__", sw_pos, 0}, W_UNARY}, {{"__invert__", sw_invert, 0}, W_UNARY},
};

// Does t itself (not only a base it inherits from) implement the slot?
static bool has_own_slot(const KrType *t, WrapSlot w) {
    const KrType *b = t->base;
#define OWN(slot) (t->slot && (!b || t->slot != b->slot))
    switch (w) {
    case W_NEW: return t != &kr_type_object && OWN(construct);
    case W_REPR: return OWN(repr);
    case W_STR: return OWN(str);
    case W_HASH: return OWN(hash);
    case W_LEN: return OWN(len);
    case W_ITER: return OWN(iter);
    case W_NEXT: return OWN(next);
    case W_BOOL: return OWN(truth);
    case W_CONTAINS: return OWN(contains);
    case W_GETITEM: return OWN(getitem);
    case W_SETITEM:
    case W_DELITEM: return OWN(setitem);
    case W_CALL: return OWN(call);
    case W_COMPARE: return OWN(compare);
    case W_BINARY: return OWN(binary);
    case W_UNARY: return OWN(unary);
    }
#undef OWN
    return false;
}

// The numbers (int, bool, float, complex) list their binary dunders
// (with __radd__) in their method tables: only those exist, so the
// binary slot gives them no others ((1.0).__lshift__ is an AttributeError).
static bool lists_binary_dunders(const KrType *t) {
    for (; t && !(t->flags & KR_TF_HEAP); t = t->base)
        for (const KrMethodDef *m = t->methods; m && m->name; m++)
            if (strcmp(m->name, "__radd__") == 0) return true;
    return false;
}

const KrMethodDef *kr_slot_wrapper(const KrType *t, const KrStr *name) {
    if (name->nbytes < 5 || name->data[0] != '_' || name->data[1] != '_') return NULL;
    for (size_t i = 0; i < sizeof wrappers / sizeof wrappers[0]; i++) {
        if (!kr_str_eq_cstr(name, wrappers[i].def.name)) continue;
        if (wrappers[i].slot == W_BINARY && lists_binary_dunders(t)) return NULL;
        return has_own_slot(t, wrappers[i].slot) ? &wrappers[i].def : NULL;
    }
    return NULL;
}
