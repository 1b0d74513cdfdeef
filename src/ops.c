// ops.c: the generic protocols (see ops.h): dispatch through type slots
// with CPython's fallback order and error messages.
#include <stdio.h>
#include "types.h"
#include "vm.h"
#include "obj/class.h"

static const char *const binop_symbols[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
static const char *const inplace_symbols[] = {"+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=",
                                              "&=", "|=", "^="};
static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

const char *kr_binop_symbol(KrBinOp op) { return op < KR_BIN__COUNT ? binop_symbols[op] : "?"; }
const char *kr_cmpop_symbol(KrCmpOp op) { return op <= KR_CMP_GE ? cmp_symbols[op] : "?"; }

// Native recursion (repr of nested containers, comparing or hashing deep
// structures) is bounded so no input can exhaust the C stack.
#define KR_MAX_C_DEPTH 1200

static bool c_enter(KrRun *r, const char *what) {
    // nested native calls count against the recursion limit with the
    // Python frames, as in CPython 3.11
    if (r->c_depth >= KR_MAX_C_DEPTH || r->depth + r->c_depth + 1 >= r->limits.max_recursion) {
        kr_raise(r, &kr_exc_RecursionError, "maximum recursion depth exceeded%s", what);
        return false;
    }
    r->c_depth++;
    return true;
}

// ---- repr / str ------------------------------------------------------------------

KrValue kr_repr(KrRun *r, KrValue v) {
    const KrType *t = kr_typeof(v);
    for (const KrType *p = t; p; p = p->base)
        if (p->repr) {
            if (!c_enter(r, " while getting the repr of an object")) return KR_EXC;
            KrValue s = p->repr(r, v);
            r->c_depth--;
            return s;
        }
    return kr_raise(r, &kr_exc_SystemError, "type %s has no repr", t->name);
}

KrValue kr_str(KrRun *r, KrValue v) {
    const KrType *t = kr_typeof(v);
    if (t == &kr_type_str) return v;
    for (const KrType *p = t; p; p = p->base) {
        if (p->str) return p->str(r, v);
        if (p->repr) return p->repr(r, v);
    }
    return kr_repr(r, v);
}

KrValue kr_ascii(KrRun *r, KrValue v) {
    KrValue s = kr_repr(r, v);
    if (s == KR_EXC) return KR_EXC;
    KrStr *str = kr_as_str(s);
    if (str->len == str->nbytes) return s;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = true;
    for (size_t i = 0; i < str->nbytes && ok;) {
        uint32_t cp = kr_utf8_decode(str->data, str->nbytes, &i);
        if (cp < 0x80) ok = kr_buf_append_char(&b, (char)cp);
        else if (cp < 0x100) ok = kr_buf_printf(&b, "\\x%02x", cp);
        else if (cp < 0x10000) ok = kr_buf_printf(&b, "\\u%04x", cp);
        else ok = kr_buf_printf(&b, "\\U%08x", cp);
    }
    KrValue out = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return out;
}

int kr_repr_enter(KrRun *r, KrValue v) {
    if (r->repr_guard == KR_NULL) {
        r->repr_guard = kr_list_new(r, 4);
        if (r->repr_guard == KR_EXC) {
            r->repr_guard = KR_NULL;
            return -1;
        }
    }
    KrList *l = kr_as_list(r->repr_guard);
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i] == v) return 1;
    if (l->len >= 2000) {
        kr_raise(r, &kr_exc_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
        return -1;
    }
    return kr_list_append(r, l, v) ? 0 : -1;
}

void kr_repr_leave(KrRun *r, KrValue v) {
    if (r->repr_guard == KR_NULL) return;
    KrList *l = kr_as_list(r->repr_guard);
    for (size_t i = l->len; i > 0; i--)
        if (l->items[i - 1] == v) {
            memmove(l->items + i - 1, l->items + i, (l->len - i) * sizeof(KrValue));
            l->len--;
            return;
        }
}

// ---- hashing, truth --------------------------------------------------------------

// CPython's object hash: the id rotated right by 4 bits. False when the id
// could not be recorded (the run's limit error is set).
bool kr_identity_hash(KrRun *r, KrValue v, int64_t *out) {
    uint64_t id = kr_object_id(r, v);
    *out = (int64_t)((id >> 4) | (id << 60));
    if (*out == -1) *out = -2;
    return !r->limit_hit;
}

bool kr_hash(KrRun *r, KrValue v, int64_t *out) {
    if (kr_is_small(v)) {
        *out = kr_int_hash(v);
        return true;
    }
    if (kr_is_double(v)) {
        *out = kr_float_hash(kr_as_double(v));
        return true;
    }
    const KrType *t = kr_typeof(v);
    if (t->hash) {
        if (!c_enter(r, "")) return false;
        bool ok = t->hash(r, v, out);
        r->c_depth--;
        return ok;
    }
    // a subclass (of a hashable built-in) inherits its base's hash
    for (const KrType *p = t->base; p && (t->flags & KR_TF_HEAP); p = p->base)
        if (p->hash) return p->hash(r, v, out);
    kr_raise(r, &kr_exc_TypeError, "unhashable type: '%s'", t->name);
    return false;
}

int kr_truth(KrRun *r, KrValue v) {
    if (v == KR_TRUE) return 1;
    if (v == KR_FALSE || v == KR_NONE) return 0;
    if (kr_is_small(v)) return kr_as_small(v) != 0;
    if (kr_is_double(v)) return kr_as_double(v) != 0.0;
    const KrType *t = kr_typeof(v);
    for (const KrType *p = t; p; p = p->base) {
        if (p->truth) return p->truth(r, v);
        if (p->len) {
            size_t n;
            if (!p->len(r, v, &n)) return -1;
            return n != 0;
        }
    }
    return 1;
}

// ---- comparison ------------------------------------------------------------------

static KrCmpOp swapped(KrCmpOp op) {
    switch (op) {
    case KR_CMP_LT: return KR_CMP_GT;
    case KR_CMP_LE: return KR_CMP_GE;
    case KR_CMP_GT: return KR_CMP_LT;
    case KR_CMP_GE: return KR_CMP_LE;
    default: return op;
    }
}

static KrValue (*find_compare(const KrType *t))(KrRun *, KrValue, KrValue, KrCmpOp) {
    for (; t; t = t->base)
        if (t->compare) return t->compare;
    return NULL;
}

static KrValue compare_slots(KrRun *r, KrValue a, KrValue b, KrCmpOp op);

KrValue kr_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    if (!c_enter(r, " in comparison")) return KR_EXC;
    KrValue v = compare_slots(r, a, b, op);
    r->c_depth--;
    return v;
}

static KrValue compare_slots(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    const KrType *ta = kr_typeof(a), *tb = kr_typeof(b);
    KrValue (*ca)(KrRun *, KrValue, KrValue, KrCmpOp) = find_compare(ta);
    KrValue (*cb)(KrRun *, KrValue, KrValue, KrCmpOp) = find_compare(tb);
    // a subclass's reflected comparison goes first (CPython's rule)
    bool reflected_first = ta != tb && cb && kr_type_is_subtype(tb, ta);
    KrValue v;
    if (reflected_first) {
        v = cb(r, b, a, swapped(op));
        if (v != KR_NOTIMPL) return v;
    }
    if (ca) {
        v = ca(r, a, b, op);
        if (v != KR_NOTIMPL) return v;
    }
    if (cb && !reflected_first) {
        v = cb(r, b, a, swapped(op));
        if (v != KR_NOTIMPL) return v;
    }
    if (op == KR_CMP_EQ) return kr_bool(a == b);
    if (op == KR_CMP_NE) return kr_bool(a != b);
    return kr_raise(r, &kr_exc_TypeError, "'%s' not supported between instances of '%s' and '%s'", cmp_symbols[op],
                    ta->name, tb->name);
}

int kr_eq(KrRun *r, KrValue a, KrValue b) {
    // Identity implies equality in containers, as in CPython (for floats the
    // identity is the value word: each NaN made has its own, see
    // kr_float_fresh_nan).
    if (a == b) return 1;
    if (kr_is_small(a) && kr_is_small(b)) return 0;
    if (kr_is_ptr(a) && kr_is_ptr(b) && kr_as_obj(a)->type == &kr_type_str && kr_as_obj(b)->type == &kr_type_str)
        return kr_str_equal(kr_as_str(a), kr_as_str(b));
    KrValue v = kr_compare(r, a, b, KR_CMP_EQ);
    if (v == KR_EXC) return -1;
    return kr_truth(r, v);
}

int kr_lt(KrRun *r, KrValue a, KrValue b) {
    if (kr_is_small(a) && kr_is_small(b)) return kr_as_small(a) < kr_as_small(b);
    KrValue v = kr_compare(r, a, b, KR_CMP_LT);
    if (v == KR_EXC) return -1;
    return kr_truth(r, v);
}

// ---- arithmetic ------------------------------------------------------------------

static KrValue (*find_binary(const KrType *t))(KrRun *, KrValue, KrValue, KrBinOp) {
    for (; t; t = t->base)
        if (t->binary) return t->binary;
    return NULL;
}

static bool is_sequence_type(const KrType *t) {
    return kr_type_is_subtype(t, &kr_type_str) || kr_type_is_subtype(t, &kr_type_list) ||
           kr_type_is_subtype(t, &kr_type_tuple) || kr_type_is_subtype(t, &kr_type_bytes);
}

static bool has_contains(const KrType *t) {
    for (; t; t = t->base)
        if (t->contains) return true;
    return false;
}

static KrValue binop_error(KrRun *r, KrValue a, KrValue b, KrBinOp op, const char *sym) {
    const KrType *ta = kr_typeof(a), *tb = kr_typeof(b);
    if (op == KR_BIN_ADD && is_sequence_type(ta) && !kr_isinstance(b, ta))
        return kr_raise(r, &kr_exc_TypeError, "can only concatenate %s (not \"%s\") to %s", ta->name, tb->name,
                        ta->name);
    if (op == KR_BIN_MUL && (is_sequence_type(ta) || is_sequence_type(tb))) {
        const KrType *other = is_sequence_type(ta) ? tb : ta;
        if (!kr_type_is_subtype(other, &kr_type_int) && !is_sequence_type(other))
            return kr_raise(r, &kr_exc_TypeError, "can't multiply sequence by non-int of type '%s'", other->name);
    }
    if (op == KR_BIN_POW && sym[2] == 0)
        return kr_raise(r, &kr_exc_TypeError, "unsupported operand type(s) for %s or pow(): '%s' and '%s'", sym,
                        ta->name, tb->name);
    return kr_raise(r, &kr_exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym, ta->name,
                    tb->name);
}

static KrValue binary_dispatch(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    const KrType *ta = kr_typeof(a), *tb = kr_typeof(b);
    KrValue (*fa)(KrRun *, KrValue, KrValue, KrBinOp) = find_binary(ta);
    KrValue (*fb)(KrRun *, KrValue, KrValue, KrBinOp) = find_binary(tb);
    KrValue v;
    if (fb && fb != fa && ta != tb && kr_type_is_subtype(tb, ta)) {
        v = fb(r, a, b, op);
        if (v != KR_NOTIMPL) return v;
        fb = NULL;
    }
    if (fa) {
        v = fa(r, a, b, op);
        if (v != KR_NOTIMPL) return v;
    }
    if (fb && fb != fa) {
        v = fb(r, a, b, op);
        if (v != KR_NOTIMPL) return v;
    }
    return KR_NOTIMPL;
}

KrValue kr_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    KrValue v = binary_dispatch(r, a, b, op);
    if (v != KR_NOTIMPL) return v;
    return binop_error(r, a, b, op, binop_symbols[op]);
}

KrValue kr_inplace(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    const KrType *ta = kr_typeof(a);
    for (const KrType *t = ta; t; t = t->base) {
        if (!t->inplace) continue;
        KrValue v = t->inplace(r, a, b, op);
        if (v != KR_NOTIMPL) return v;
        break;
    }
    const KrType *tb = kr_typeof(b);
    if (op == KR_BIN_MUL && has_contains(ta) && !is_sequence_type(ta) &&
        (is_sequence_type(tb) || kr_type_is_subtype(tb, &kr_type_bytearray))) {
        // x *= seq with x a container (dict, set, range...): CPython repeats
        // no right-hand sequence then, as x * seq would
        KrValue (*fa)(KrRun *, KrValue, KrValue, KrBinOp) = find_binary(ta);
        KrValue v = fa ? fa(r, a, b, op) : KR_NOTIMPL;
        if (v != KR_NOTIMPL) return v;
        return kr_raise(r, &kr_exc_TypeError, "unsupported operand type(s) for *=: '%s' and '%s'", ta->name,
                        tb->name);
    }
    KrValue v = binary_dispatch(r, a, b, op);
    if (v != KR_NOTIMPL) return v;
    return binop_error(r, a, b, op, inplace_symbols[op]);
}

KrValue kr_unary(KrRun *r, KrValue a, KrUnOp op) {
    const KrType *t = kr_typeof(a);
    for (const KrType *p = t; p; p = p->base)
        if (p->unary) {
            KrValue v = p->unary(r, a, op);
            // built-in slots say NotImplemented; a class's says KR_NULL, as
            // its __neg__ may return NotImplemented as a value
            if (v != KR_NULL && (v != KR_NOTIMPL || (t->flags & KR_TF_HEAP))) return v;
            break;
        }
    static const char *const names[] = {"unary -", "unary +", "unary ~"};
    return kr_raise(r, &kr_exc_TypeError, "bad operand type for %s: '%s'", names[op], t->name);
}

// ---- items ---------------------------------------------------------------------------

#define FIND_SLOT(t, slot)                       \
    ({                                           \
        const KrType *_p = (t);                  \
        while (_p && !_p->slot) _p = _p->base;   \
        _p ? _p->slot : NULL;                    \
    })

KrValue kr_getitem(KrRun *r, KrValue o, KrValue key) {
    const KrType *t = kr_typeof(o);
    KrValue (*fn)(KrRun *, KrValue, KrValue) = FIND_SLOT(t, getitem);
    if (fn) return fn(r, o, key);
    return kr_raise(r, &kr_exc_TypeError, "'%s' object is not subscriptable", t->name);
}

KrValue kr_setitem(KrRun *r, KrValue o, KrValue key, KrValue v) {
    const KrType *t = kr_typeof(o);
    KrValue (*fn)(KrRun *, KrValue, KrValue, KrValue) = FIND_SLOT(t, setitem);
    if (fn) return fn(r, o, key, v);
    return kr_raise(r, &kr_exc_TypeError, "'%s' object does not support item assignment", t->name);
}

KrValue kr_delitem(KrRun *r, KrValue o, KrValue key) {
    const KrType *t = kr_typeof(o);
    KrValue (*fn)(KrRun *, KrValue, KrValue, KrValue) = FIND_SLOT(t, setitem);
    if (fn) return fn(r, o, key, KR_NULL);
    // CPython words it by the path it took: sequences (and classes) with
    // an index key say "doesn't", everything else "does not"
    bool seq = (t->flags & KR_TF_HEAP) || t->len || t->contains || t->getitem;
    bool index = kr_is_int(key) || (kr_is_ptr(key) && kr_lookup_special(r, key, "__index__") != KR_NULL);
    return kr_raise(r, &kr_exc_TypeError, "'%s' object %s support item deletion", t->name,
                    seq && index ? "doesn't" : "does not");
}

int kr_contains(KrRun *r, KrValue container, KrValue x) {
    const KrType *t = kr_typeof(container);
    int (*fn)(KrRun *, KrValue, KrValue) = FIND_SLOT(t, contains);
    if (fn) return fn(r, container, x);
    return kr_contains_by_iter(r, container, x);
}

// `x in c` by iterating c (containers without a __contains__ of their own).
// Any TypeError from iter(c) is reworded as CPython does.
int kr_contains_by_iter(KrRun *r, KrValue container, KrValue x) {
    KrValue it = kr_iter(r, container);
    if (it == KR_EXC) {
        if (kr_pending_is(r, &kr_exc_TypeError)) {
            kr_clear_exc(r);
            kr_raise(r, &kr_exc_TypeError, "argument of type '%s' is not iterable", kr_type_name(container));
        }
        return -1;
    }
    kr_root_push(r, &it);
    int found = 0;
    for (;;) {
        KrValue v = kr_next(r, it);
        if (v == KR_STOP) break;
        if (v == KR_EXC) {
            found = -1;
            break;
        }
        if ((found = kr_eq(r, v, x)) != 0) break;
    }
    kr_root_pop(r, 1);
    return found;
}

bool kr_len(KrRun *r, KrValue v, size_t *out) {
    const KrType *t = kr_typeof(v);
    bool (*fn)(KrRun *, KrValue, size_t *) = FIND_SLOT(t, len);
    if (fn) return fn(r, v, out);
    kr_raise(r, &kr_exc_TypeError, "object of type '%s' has no len()", t->name);
    return false;
}

KrValue kr_iter(KrRun *r, KrValue v) {
    const KrType *t = kr_typeof(v);
    KrValue (*fn)(KrRun *, KrValue) = FIND_SLOT(t, iter);
    if (fn) return fn(r, v);
    return kr_raise(r, &kr_exc_TypeError, "'%s' object is not iterable", t->name);
}

KrValue kr_next(KrRun *r, KrValue it) {
    const KrType *t = kr_typeof(it);
    KrValue (*fn)(KrRun *, KrValue) = FIND_SLOT(t, next);
    if (fn) return fn(r, it);
    return kr_raise(r, &kr_exc_TypeError, "'%s' object is not an iterator", t->name);
}

// ---- attributes ------------------------------------------------------------------------

static bool name_is(const KrStr *name, const char *s) {
    size_t n = strlen(s);
    return n == name->nbytes && memcmp(name->data, s, n) == 0;
}

// Method lookups of built-in types by (type, name object): program names
// are interned, so a call site's name is always the same object.
#define MCACHE_SIZE 64
struct KrMethodCache {
    struct {
        const KrType *t;
        const KrStr *name;
        const KrMethodDef *def;
    } e[MCACHE_SIZE];
};

const KrMethodDef *kr_find_method_cached(KrRun *r, const KrType *t, const KrStr *name) {
    // only static names: a heap string could be freed and its address reused
    if (!(name->ob.gc & KR_GC_STATIC)) return kr_find_method(t, name);
    if (!r->mcache) {
        r->mcache = kr_mem_alloc(r, sizeof(struct KrMethodCache));
        if (!r->mcache) return kr_find_method(t, name); // the run's limit error is set
        memset(r->mcache, 0, sizeof(struct KrMethodCache));
    }
    size_t i = (((uintptr_t)t >> 4) ^ ((uintptr_t)name >> 3)) % MCACHE_SIZE;
    if (r->mcache->e[i].t == t && r->mcache->e[i].name == name) return r->mcache->e[i].def;
    const KrMethodDef *d = kr_find_method(t, name);
    r->mcache->e[i].t = t;
    r->mcache->e[i].name = name;
    r->mcache->e[i].def = d;
    return d;
}

// Static types only: a class's own dict is searched by kr_type_lookup.
const KrMethodDef *kr_find_method(const KrType *t, const KrStr *name) {
    for (; t && !(t->flags & KR_TF_HEAP); t = t->base) {
        for (const KrMethodDef *m = t->methods; m && m->name; m++)
            if (m->name[0] == name->data[0] && name_is(name, m->name)) return m;
        const KrMethodDef *w = kr_slot_wrapper(t, name);
        if (w) return w;
    }
    return NULL;
}

static const KrGetSetDef *find_getset(const KrType *t, const KrStr *name, const KrType **owner) {
    for (; t; t = t->base) {
        if (!t->getsets) continue;
        for (const KrGetSetDef *g = t->getsets; g->name; g++)
            if (name_is(name, g->name)) {
                *owner = t;
                return g;
            }
    }
    return NULL;
}

static KrValue method_value(KrRun *r, KrValue self, const KrMethodDef *m, const KrType *owner) {
    if (m->flags & KR_METH_STATIC) return kr_bound_native_new(r, KR_NULL, m, owner);
    if (m->flags & KR_METH_CLASS) return kr_bound_native_new(r, kr_from_obj(kr_typeof(self)), m, owner);
    return kr_bound_native_new(r, self, m, owner);
}

KrValue kr_generic_getattr(KrRun *r, KrValue o, KrStr *name) {
    const KrType *t = kr_typeof(o);
    const KrType *owner;
    const KrGetSetDef *g = find_getset(t, name, &owner);
    if (g) return g->get(r, o);
    const KrMethodDef *m = kr_find_method(t, name);
    if (m) return method_value(r, o, m, t);
    if (name_is(name, "__class__")) return kr_from_obj(t);
    return KR_NULL;
}

static KrValue attr_error(KrRun *r, KrValue o, KrStr *name) {
    const KrType *t = kr_typeof(o);
    if (t == &kr_type_type)
        return kr_raise_attr_error(r, o, name, "type object '%s' has no attribute '%s'",
                                   ((const KrType *)kr_as_obj(o))->name, name->data);
    return kr_raise_attr_error(r, o, name, "'%s' object has no attribute '%s'", t->name, name->data);
}

KrValue kr_getattr_opt(KrRun *r, KrValue o, KrStr *name) {
    const KrType *t = kr_typeof(o);
    for (const KrType *p = t; p; p = p->base)
        if (p->getattr) {
            KrValue v = p->getattr(r, o, name);
            if (v == KR_EXC && kr_pending_is(r, &kr_exc_AttributeError)) {
                kr_clear_exc(r);
                return KR_NULL;
            }
            return v;
        }
    return kr_generic_getattr(r, o, name);
}

// The same for a C name (a str made for it: KR_EXC when that fails).
KrValue kr_getattr_opt_cstr(KrRun *r, KrValue o, const char *name) {
    KrValue s = kr_str_from_cstr(r, name);
    return s == KR_EXC ? KR_EXC : kr_getattr_opt(r, o, kr_as_str(s));
}

KrValue kr_getattr(KrRun *r, KrValue o, KrStr *name) {
    const KrType *t = kr_typeof(o);
    for (const KrType *p = t; p; p = p->base)
        if (p->getattr) return p->getattr(r, o, name);
    KrValue v = kr_generic_getattr(r, o, name);
    if (v == KR_NULL) return attr_error(r, o, name);
    return v;
}

KrValue kr_getattr_cstr(KrRun *r, KrValue o, const char *name) {
    KrValue s = kr_str_from_cstr(r, name);
    if (s == KR_EXC) return KR_EXC;
    return kr_getattr(r, o, kr_as_str(s));
}

KrValue kr_raise_getset_readonly(KrRun *r, const KrType *owner, const KrType *shown, const KrStr *name) {
    for (const char *const *m = owner->members; m && *m; m++)
        if (name_is(name, *m)) return kr_raise(r, &kr_exc_AttributeError, "readonly attribute");
    return kr_raise(r, &kr_exc_AttributeError, "attribute '%s' of '%s' objects is not writable", name->data,
                    shown->name);
}

KrValue kr_setattr(KrRun *r, KrValue o, KrStr *name, KrValue v) {
    const KrType *t = kr_typeof(o);
    for (const KrType *p = t; p; p = p->base)
        if (p->setattr) return p->setattr(r, o, name, v);
    const KrType *owner;
    if (t != &kr_type_type && find_getset(t, name, &owner)) return kr_raise_getset_readonly(r, owner, t, name);
    if (t != &kr_type_type && kr_find_method(t, name))
        return kr_raise(r, &kr_exc_AttributeError, "'%s' object attribute '%s' is read-only", t->name, name->data);
    if (t == &kr_type_type)
        return kr_raise(r, &kr_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->data,
                        ((const KrType *)kr_as_obj(o))->name);
    return kr_raise(r, &kr_exc_AttributeError, "'%s' object has no attribute '%s'", t->name, name->data);
}

// ---- calls ----------------------------------------------------------------------------------

KrValue kr_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args, KrValue kwnames) {
    const KrType *t = kr_typeof(callee);
    if (t == &kr_type_function) return kr_vm_call(r, callee, argc, args, kwnames);
    for (const KrType *p = t; p; p = p->base)
        if (p->call) return p->call(r, callee, argc, args, kwnames);
    return kr_raise(r, &kr_exc_TypeError, "'%s' object is not callable", t->name);
}

KrValue kr_call0(KrRun *r, KrValue callee) { return kr_call(r, callee, 0, NULL, KR_NULL); }
KrValue kr_call1(KrRun *r, KrValue callee, KrValue a) { return kr_call(r, callee, 1, &a, KR_NULL); }
KrValue kr_call2(KrRun *r, KrValue callee, KrValue a, KrValue b) {
    KrValue args[2] = {a, b};
    return kr_call(r, callee, 2, args, KR_NULL);
}

KrValue kr_format(KrRun *r, KrValue v, KrValue spec) {
    if (!kr_is_str(spec))
        return kr_raise(r, &kr_exc_TypeError, "format() argument 2 must be str, not %s", kr_arg_type_name(spec));
    const KrType *t = kr_typeof(v);
    static const KrStr format_name = KR_STATIC_STR("__format__");
    KrLookup lk;
    if ((t->flags & KR_TF_HEAP) && kr_type_lookup(r, t, (KrStr *)&format_name, &lk) && lk.value != KR_NULL) {
        KrValue res = kr_call_dunder(r, v, "__format__", 1, &spec);
        if (res != KR_EXC && !kr_is_str(res))
            return kr_raise(r, &kr_exc_TypeError, "__format__ must return a str, not %s", kr_type_name(res));
        return res;
    }
    // the built-in __format__ methods all treat an empty spec as str(v), so
    // a subclass's __str__ shows
    if (kr_as_str(spec)->nbytes == 0) return kr_str(r, v);
    if (t->flags & KR_TF_HEAP) { // a built-in base's __format__
        KrValue res = kr_call_dunder(r, v, "__format__", 1, &spec);
        if (res != KR_NULL) return res;
    }
    const KrMethodDef *m = kr_find_method_cached(r, t, &format_name);
    if (m) return m->fn(r, v, 1, &spec, KR_NULL);
    return kr_raise(r, &kr_exc_TypeError, "unsupported format string passed to %s.__format__", t->name);
}

// ---- indices ----------------------------------------------------------------------------------

// An object with __index__ (a class instance) as an int, or KR_NULL.
static KrValue index_dunder(KrRun *r, KrValue v) {
    if (!kr_is_ptr(v) || !(kr_typeof(v)->flags & KR_TF_HEAP) || kr_is_int(v)) return KR_NULL;
    KrValue res = kr_call_dunder(r, v, "__index__", 0, NULL);
    if (res == KR_NULL || res == KR_EXC) return res;
    if (!kr_is_int(res))
        return kr_raise(r, &kr_exc_TypeError, "__index__ returned non-int (type %s)", kr_type_name(res));
    return res;
}

// v as an int value: itself for ints and bools, else its __index__ result;
// KR_NULL when v has no __index__.
KrValue kr_index_value(KrRun *r, KrValue v) {
    if (kr_is_int(v) || kr_is_bool(v)) return v;
    return index_dunder(r, v);
}

bool kr_index(KrRun *r, KrValue v, int64_t *out) {
    KrValue iv = index_dunder(r, v);
    if (iv == KR_EXC) return false;
    if (iv != KR_NULL) v = iv;
    if (kr_is_small(v)) {
        *out = kr_as_small(v);
        return true;
    }
    if (kr_is_bool(v)) {
        *out = v == KR_TRUE;
        return true;
    }
    if (kr_is_int(v)) {
        if (kr_int_to_i64(v, out)) return true;
        kr_raise(r, &kr_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return false;
    }
    kr_raise(r, &kr_exc_TypeError, "'%s' object cannot be interpreted as an integer", kr_type_name(v));
    return false;
}

bool kr_seq_index(KrRun *r, KrValue v, size_t n, int64_t *out, const char *not_index) {
    int64_t i;
    KrValue orig = v;
    KrValue iv = index_dunder(r, v);
    if (iv == KR_EXC) return false;
    if (iv != KR_NULL) v = iv;
    if (kr_is_small(v)) i = kr_as_small(v);
    else if (kr_is_bool(v)) i = v == KR_TRUE;
    else if (kr_is_int(v)) {
        if (!kr_int_to_i64(v, &i)) {
            kr_raise(r, &kr_exc_IndexError, "cannot fit '%s' into an index-sized integer", kr_type_name(orig));
            return false;
        }
    } else {
        kr_raise(r, &kr_exc_TypeError, not_index, kr_type_name(v));
        return false;
    }
    if (i < 0) i += (int64_t)n;
    *out = i;
    return true;
}

int kr_exc_match(KrRun *r, KrValue exc, KrValue type) {
    if (kr_is_type(type, &kr_type_tuple)) {
        // every entry must be an exception class, matched or not
        KrTuple *t = kr_as_tuple(type);
        int found = 0;
        for (size_t i = 0; i < t->len; i++) {
            int m = kr_exc_match(r, exc, t->items[i]);
            if (m < 0) return -1;
            found |= m;
        }
        return found;
    }
    if (!kr_is_type(type, &kr_type_type) || !(((const KrType *)kr_as_obj(type))->flags & KR_TF_EXC)) {
        kr_raise(r, &kr_exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return kr_isinstance(exc, (const KrType *)kr_as_obj(type));
}

// ---- argument helpers -----------------------------------------------------------------------------

bool kr_args_no_kw(KrRun *r, const char *fname, KrValue kwnames) {
    if (kwnames == KR_NULL || kr_as_tuple(kwnames)->len == 0) return true;
    kr_raise(r, &kr_exc_TypeError, "%s() takes no keyword arguments", fname);
    return false;
}

bool kr_wrapper_args(KrRun *r, const char *name, size_t argc, KrValue kw, size_t min, size_t max) {
    if (kw != KR_NULL && kr_as_tuple(kw)->len) {
        kr_raise(r, &kr_exc_TypeError, "wrapper %s() takes no keyword arguments", name);
        return false;
    }
    if (min != max) return kr_args_count(r, "", argc, min, max); // CPython names no function there
    if (argc == min) return true;
    kr_raise(r, &kr_exc_TypeError, "expected %zu argument%s, got %zu", min, min == 1 ? "" : "s", argc);
    return false;
}

// The wording of a failed kr_method_args check.
static KR_COLD bool method_args_error(KrRun *r, const char *qualname, size_t argc, KrValue kw, size_t n) {
    // the dunders CPython exposes as slot wrappers (the others are methods)
    static const char *const slots[] = {
        "__abs__",  "__bool__", "__float__",    "__index__", "__int__", "__invert__", "__neg__",
        "__pos__",  "__iter__", "__len__",      "__next__",  "__add__", "__iadd__",   "__contains__",
        "__delitem__", "__setitem__", "__hash__", "__repr__", "__str__"};
    bool kw_given = kw != KR_NULL && kr_as_tuple(kw)->len;
    const char *dot = strchr(qualname, '.');
    const char *d = dot ? dot + 1 : qualname;
    for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++)
        if (strcmp(d, slots[i]) == 0) return kr_wrapper_args(r, d, argc, kw, n, n);
    bool repeat = strcmp(d, "__mul__") == 0 || strcmp(d, "__rmul__") == 0 || strcmp(d, "__imul__") == 0;
    if (repeat && kw_given) return kr_wrapper_args(r, d, argc, kw, n, n);
    if (repeat) // a sequence's repeat wrapper: CPython's message names no function
        kr_raise(r, &kr_exc_TypeError, " expected %zu argument%s, got %zu", n, n == 1 ? "" : "s", argc);
    else if (kw_given) kr_raise(r, &kr_exc_TypeError, "%s() takes no keyword arguments", qualname);
    else if (n == 0) kr_raise(r, &kr_exc_TypeError, "%s() takes no arguments (%zu given)", qualname, argc);
    else kr_raise(r, &kr_exc_TypeError, "%s() takes exactly one argument (%zu given)", qualname, argc);
    return false;
}

bool kr_method_args(KrRun *r, const char *qualname, size_t argc, KrValue kw, size_t n) {
    if (KR_LIKELY(argc == n && (kw == KR_NULL || kr_as_tuple(kw)->len == 0))) return true; // list.append...
    return method_args_error(r, qualname, argc, kw, n);
}

bool kr_args_count(KrRun *r, const char *fname, size_t argc, size_t min, size_t max) {
    if (argc >= min && argc <= max) return true;
    if (min == max) {
        if (min == 0) kr_raise(r, &kr_exc_TypeError, "%s() takes no arguments (%zu given)", fname, argc);
        else if (min == 1) kr_raise(r, &kr_exc_TypeError, "%s() takes exactly one argument (%zu given)", fname, argc);
        else kr_raise(r, &kr_exc_TypeError, "%s expected %zu arguments, got %zu", fname, min, argc);
    } else if (argc > max) {
        kr_raise(r, &kr_exc_TypeError, "%s expected at most %zu argument%s, got %zu", fname, max, max == 1 ? "" : "s",
                 argc);
    } else {
        kr_raise(r, &kr_exc_TypeError, "%s expected at least %zu argument%s, got %zu", fname, min,
                 min == 1 ? "" : "s", argc);
    }
    return false;
}

bool kr_descr_get_args(KrRun *r, size_t argc, const KrValue *args, KrValue kwnames, KrValue *obj) {
    // CPython names no function here: " expected at least 1 argument, got 0"
    if (!kr_args_no_kw(r, "__get__", kwnames) || !kr_args_count(r, "", argc, 1, 2)) return false;
    if (args[0] == KR_NONE && (argc < 2 || args[1] == KR_NONE)) {
        kr_raise(r, &kr_exc_TypeError, "__get__(None, None) is invalid");
        return false;
    }
    *obj = args[0];
    return true;
}

KrValue kr_raise_missing_args(KrRun *r, const char *fname, const KrValue *slots, uint32_t from, uint32_t to,
                              const char *kind, const char *(*pname)(const void *ud, uint32_t i), const void *ud) {
    uint32_t n = 0;
    for (uint32_t i = from; i < to; i++)
        if (slots[i] == KR_NULL) n++;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "%s() missing %u required %s argument%s: ", fname, n, kind, n == 1 ? "" : "s");
    uint32_t k = 0;
    for (uint32_t i = from; i < to && ok; i++) {
        if (slots[i] != KR_NULL) continue;
        if (k > 0) ok = kr_buf_append_str(&b, n == 2 ? " and " : (k + 1 == n ? ", and " : ", "));
        ok = ok && kr_buf_printf(&b, "'%s'", pname(ud, i));
        k++;
    }
    KrValue msg = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return msg == KR_EXC ? KR_EXC : kr_raise_with_arg(r, &kr_exc_TypeError, msg);
}

static bool kw_names_param(KrTuple *kw, const char *param) {
    for (size_t k = 0; k < kw->len; k++)
        if (name_is(kr_as_str(kw->items[k]), param)) return true;
    return false;
}

KrValue kr_raise_bad_keyword(KrRun *r, const char *fname, uint32_t npos_only, KrValue kwnames, const KrStr *name,
                             const char *(*pname)(const void *ud, uint32_t i), const void *ud) {
    KrTuple *kw = kr_as_tuple(kwnames);
    uint32_t n = 0;
    for (uint32_t i = 0; i < npos_only; i++) n += kw_names_param(kw, pname(ud, i));
    if (!n) return kr_raise(r, &kr_exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, name->data);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "%s() got some positional-only arguments passed as keyword arguments: '", fname);
    for (uint32_t i = 0, k = 0; i < npos_only && ok; i++) {
        if (!kw_names_param(kw, pname(ud, i))) continue;
        ok = (!k++ || kr_buf_append_str(&b, ", ")) && kr_buf_append_str(&b, pname(ud, i));
    }
    ok = ok && kr_buf_append_str(&b, "'");
    KrValue msg = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return msg == KR_EXC ? KR_EXC : kr_raise_with_arg(r, &kr_exc_TypeError, msg);
}

KrValue kr_raise_too_many_positional(KrRun *r, const char *fname, uint32_t argcount, uint32_t ndefaults,
                                     size_t given, uint32_t kwonly_given) {
    char takes[96];
    if (ndefaults)
        snprintf(takes, sizeof takes, "from %u to %u positional arguments", argcount - ndefaults, argcount);
    else
        snprintf(takes, sizeof takes, "%u positional argument%s", argcount, argcount == 1 ? "" : "s");
    if (kwonly_given)
        return kr_raise(r, &kr_exc_TypeError,
                        "%s() takes %s but %zu positional argument%s (and %u keyword-only argument%s) were given",
                        fname, takes, given, given == 1 ? "" : "s", kwonly_given, kwonly_given == 1 ? "" : "s");
    return kr_raise(r, &kr_exc_TypeError, "%s() takes %s but %zu %s given", fname, takes, given,
                    given == 1 ? "was" : "were");
}

static const char *spec_param(const void *spec, uint32_t i) { return ((const KrArgSpec *)spec)->names[i]; }

// kr_args_parse for `py` specs, in the order CPython binds a def's
// arguments: keywords, then too many positionals, then what is missing.
static bool args_parse_py(KrRun *r, const KrArgSpec *spec, size_t nparams, size_t argc, const KrValue *args,
                          KrValue kwnames, KrValue *out) {
    size_t npos_max = nparams - spec->nkw_only;
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    for (size_t i = 0; i < argc && i < npos_max; i++) out[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        KrStr *name = kr_as_str(kr_as_tuple(kwnames)->items[k]);
        size_t i = spec->npos_only;
        while (i < nparams && !name_is(name, spec->names[i])) i++;
        if (i == nparams) {
            kr_raise_bad_keyword(r, spec->fname, spec->npos_only, kwnames, name, spec_param, spec);
            return false;
        }
        if (out[i] != KR_NULL) {
            kr_raise(r, &kr_exc_TypeError, "%s() got multiple values for argument '%s'", spec->fname, name->data);
            return false;
        }
        out[i] = args[argc + k];
    }
    size_t nreq = spec->nrequired < npos_max ? spec->nrequired : npos_max;
    if (argc > npos_max) {
        uint32_t kwgiven = 0;
        for (size_t i = npos_max; i < nparams; i++) kwgiven += out[i] != KR_NULL;
        size_t self = spec->py == KR_ARGS_PY_METHOD; // CPython counts a method's self
        kr_raise_too_many_positional(r, spec->fname, (uint32_t)(npos_max + self), (uint32_t)(npos_max - nreq),
                                     argc + self, kwgiven);
        return false;
    }
    for (size_t i = 0; i < nreq; i++)
        if (out[i] == KR_NULL) {
            kr_raise_missing_args(r, spec->fname, out, 0, (uint32_t)nreq, "positional", spec_param, spec);
            return false;
        }
    return true;
}

bool kr_args_parse(KrRun *r, const KrArgSpec *spec, size_t argc, const KrValue *args, KrValue kwnames,
                   KrValue *out) {
    size_t nparams = 0;
    while (spec->names[nparams]) nparams++;
    size_t npos_max = nparams - spec->nkw_only;
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    size_t npos = argc;
    for (size_t i = 0; i < nparams; i++) out[i] = KR_NULL;
    if (spec->py) return args_parse_py(r, spec, nparams, argc, args, kwnames, out);
    if (npos > npos_max || npos + nkw > nparams) {
        size_t most = npos > npos_max ? npos_max : nparams;
        kr_raise(r, &kr_exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", spec->fname, most,
                 most == 1 ? "" : "s", npos + nkw);
        return false;
    }
    // CPython's argument clinic checks in this order: the positional-only
    // count, the keywords, what is missing, then any unknown keyword
    size_t minposonly = spec->npos_only < spec->nrequired ? spec->npos_only : spec->nrequired;
    if (npos < minposonly) {
        kr_raise(r, &kr_exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)", spec->fname,
                 minposonly < npos_max ? "at least" : "exactly", minposonly, minposonly == 1 ? "" : "s", npos);
        return false;
    }
    for (size_t i = 0; i < npos; i++) out[i] = args[i];
    const KrStr *unknown = NULL;
    for (size_t k = 0; k < nkw; k++) {
        KrStr *name = kr_as_str(kr_as_tuple(kwnames)->items[k]);
        size_t i;
        for (i = spec->npos_only; i < nparams; i++)
            if (name_is(name, spec->names[i])) break;
        if (i == nparams) {
            if (!unknown) unknown = name;
            continue;
        }
        if (out[i] != KR_NULL) {
            kr_raise(r, &kr_exc_TypeError, "argument for %s() given by name ('%s') and position (%zu)", spec->fname,
                     name->data, i + 1);
            return false;
        }
        out[i] = args[npos + k];
    }
    for (size_t i = 0; i < spec->nrequired; i++)
        if (out[i] == KR_NULL) {
            kr_raise(r, &kr_exc_TypeError, "%s() missing required argument '%s' (pos %zu)", spec->fname,
                     spec->names[i], i + 1);
            return false;
        }
    if (unknown) {
        kr_raise(r, &kr_exc_TypeError, "'%s' is an invalid keyword argument for %s()", unknown->data, spec->fname);
        return false;
    }
    return true;
}
