// range.c: the range and slice types, the range iterators, and the index
// and slice arithmetic every sequence shares (CPython's PySlice_Unpack /
// AdjustIndices, and their arbitrary-precision form for range slicing and
// slice.indices()). Ranges hold ints of any size; ranges whose values are
// all small ints iterate without allocating.
#include "../types.h"
#include "class.h"
#include "../runsnap.h"

static const KrSnapOps range_snap, slice_snap, rangeiter_snap, longrangeiter_snap;

static const KrStr range_s_index = KR_STATIC_STR("__index__");

static KrValue range_bad_self(KrRun *r, const char *tname, const char *name, KrValue self) {
    return kr_raise(r, &kr_exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                    name, tname, kr_type_name(self));
}

// ---- index-like values ---------------------------------------------------------------
// Among built-in types only int and bool are index-like; classes made at
// run time are when they define __index__.

static bool range_is_exact_int(KrValue v) {
    return kr_is_small(v) || kr_is_bool(v) || kr_is_type(v, &kr_type_int);
}

static int range_index_like(KrRun *r, KrValue v) {
    if (range_is_exact_int(v)) return 1;
    if (!kr_is_ptr(v)) return 0;
    if (kr_isinstance(v, &kr_type_int)) return 1;
    if (!(kr_typeof(v)->flags & KR_TF_HEAP)) return 0;
    KrLookup lk; // special methods come from the class, never the instance
    return kr_type_lookup(r, kr_typeof(v), (KrStr *)&range_s_index, &lk) && lk.value != KR_NULL;
}

int kr_slice_as_index(KrRun *r, KrValue v, const KrType *overflow, int64_t *out) {
    if (kr_is_small(v)) {
        *out = kr_as_small(v);
        return 1;
    }
    if (kr_is_bool(v)) {
        *out = v == KR_TRUE;
        return 1;
    }
    KrValue iv = v;
    if (!kr_is_type(v, &kr_type_int)) {
        int k = range_index_like(r, v);
        if (k <= 0) return k;
        iv = kr_index_value(r, v);
        if (iv == KR_EXC) return -1;
        if (iv == KR_NULL) return 0;
        if (kr_is_bool(iv)) {
            *out = iv == KR_TRUE;
            return 1;
        }
    }
    if (kr_int_to_i64(iv, out)) return 1;
    if (!overflow) { // slice bounds clamp
        *out = kr_int_sign(iv) < 0 ? INT64_MIN : INT64_MAX;
        return 1;
    }
    kr_raise(r, overflow, "cannot fit '%s' into an index-sized integer", kr_type_name(v));
    return -1;
}

// The count n of seq * n: ints, bools and __index__ objects; others raise
// CPython's "can't multiply sequence by non-int" message.
bool kr_seq_repeat_count(KrRun *r, KrValue n, int64_t *count) {
    int k = kr_slice_as_index(r, n, &kr_exc_OverflowError, count);
    if (k == 0)
        kr_raise(r, &kr_exc_TypeError, "can't multiply sequence by non-int of type '%s'", kr_type_name(n));
    return k == 1;
}

// Any index-like value as an int (small or big); other values raise
// CPython's "'float' object cannot be interpreted as an integer".
static KrValue range_as_int(KrRun *r, KrValue v) {
    if (kr_is_small(v) || kr_is_type(v, &kr_type_int)) return v;
    if (kr_is_bool(v)) return kr_from_small(v == KR_TRUE);
    int64_t i;
    if (!kr_index(r, v, &i)) return KR_EXC;
    return kr_int_from_i64(r, i);
}

// The same for slice fields, with the slice message.
static KrValue range_slice_int(KrRun *r, KrValue v) {
    if (kr_is_small(v) || kr_is_type(v, &kr_type_int)) return v;
    if (kr_is_bool(v)) return kr_from_small(v == KR_TRUE);
    int k = range_index_like(r, v);
    if (k == 0)
        kr_raise(r, &kr_exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return k <= 0 ? KR_EXC : range_as_int(r, v);
}

// ---- int arithmetic with small fast paths ----------------------------------------------

static int range_sign(KrValue v) {
    if (kr_is_small(v)) return (kr_as_small(v) > 0) - (kr_as_small(v) < 0);
    return kr_int_sign(v);
}

static int range_cmp(KrValue a, KrValue b) {
    if (kr_is_small(a) && kr_is_small(b)) return (kr_as_small(a) > kr_as_small(b)) - (kr_as_small(a) < kr_as_small(b));
    return kr_int_cmp(a, b);
}

static KrValue range_add(KrRun *r, KrValue a, KrValue b) {
    if (a == KR_EXC || b == KR_EXC) return KR_EXC;
    if (kr_is_small(a) && kr_is_small(b)) return kr_int_from_i64(r, kr_as_small(a) + kr_as_small(b));
    return kr_int_binary(r, a, b, KR_BIN_ADD);
}

static KrValue range_sub(KrRun *r, KrValue a, KrValue b) {
    if (a == KR_EXC || b == KR_EXC) return KR_EXC;
    if (kr_is_small(a) && kr_is_small(b)) return kr_int_from_i64(r, kr_as_small(a) - kr_as_small(b));
    return kr_int_binary(r, a, b, KR_BIN_SUB);
}

static KrValue range_mul(KrRun *r, KrValue a, KrValue b) {
    if (a == KR_EXC || b == KR_EXC) return KR_EXC;
    int64_t p;
    if (kr_is_small(a) && kr_is_small(b) && !__builtin_mul_overflow(kr_as_small(a), kr_as_small(b), &p))
        return kr_int_from_i64(r, p);
    return kr_int_binary(r, a, b, KR_BIN_MUL);
}

// Floor division by a nonzero b.
static KrValue range_floordiv(KrRun *r, KrValue a, KrValue b) {
    if (a == KR_EXC || b == KR_EXC) return KR_EXC;
    if (kr_is_small(a) && kr_is_small(b)) {
        int64_t x = kr_as_small(a), y = kr_as_small(b), q = x / y;
        if (x % y != 0 && ((x < 0) != (y < 0))) q--;
        return kr_int_from_i64(r, q);
    }
    return kr_int_binary(r, a, b, KR_BIN_FLOORDIV);
}

static KrValue range_neg(KrRun *r, KrValue a) { return range_sub(r, kr_from_small(0), a); }

// ---- slices -----------------------------------------------------------------------------

KrValue kr_slice_new(KrRun *r, KrValue start, KrValue stop, KrValue step) {
    KrSlice *s = kr_gc_alloc(r, &kr_type_slice, sizeof(KrSlice));
    if (!s) return KR_EXC;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return kr_from_obj(s);
}

static bool slice_field(KrRun *r, KrValue v, int64_t *out) {
    int k = kr_slice_as_index(r, v, NULL, out);
    if (k == 0)
        kr_raise(r, &kr_exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return k == 1;
}

bool kr_slice_unpack(KrRun *r, KrSlice *s, int64_t *start, int64_t *stop, int64_t *step) {
    *step = 1;
    if (s->step != KR_NONE) {
        if (!slice_field(r, s->step, step)) return false;
        if (*step == 0) {
            kr_raise(r, &kr_exc_ValueError, "slice step cannot be zero");
            return false;
        }
        if (*step < -INT64_MAX) *step = -INT64_MAX; // so that -step exists
    }
    *start = *step < 0 ? INT64_MAX : 0;
    if (s->start != KR_NONE && !slice_field(r, s->start, start)) return false;
    *stop = *step < 0 ? INT64_MIN : INT64_MAX;
    return s->stop == KR_NONE || slice_field(r, s->stop, stop);
}

static void slice_clamp(int64_t *i, int64_t n, int64_t step) {
    if (*i < 0) {
        *i += n;
        if (*i < 0) *i = step < 0 ? -1 : 0;
    } else if (*i >= n) {
        *i = step < 0 ? n - 1 : n;
    }
}

size_t kr_slice_adjust(size_t len, int64_t *start, int64_t *stop, int64_t step) {
    int64_t n = (int64_t)len;
    slice_clamp(start, n, step);
    slice_clamp(stop, n, step);
    if (step < 0) return *stop < *start ? (size_t)((*start - *stop - 1) / -step + 1) : 0;
    return *start < *stop ? (size_t)((*stop - *start - 1) / step + 1) : 0;
}

bool kr_slice_indices(KrRun *r, KrSlice *s, size_t len, int64_t *start, int64_t *stop,
                      int64_t *step, size_t *count) {
    if (!kr_slice_unpack(r, s, start, stop, step)) return false;
    *count = kr_slice_adjust(len, start, stop, *step);
    return true;
}

// A start or stop against length len, clamped to [lower, upper].
static KrValue slice_long_bound(KrRun *r, KrValue v, KrValue len, KrValue lower, KrValue upper) {
    v = range_slice_int(r, v);
    if (v != KR_EXC && range_sign(v) < 0) v = range_add(r, v, len);
    if (v == KR_EXC || upper == KR_EXC) return KR_EXC;
    if (range_cmp(v, lower) < 0) return lower;
    return range_cmp(v, upper) > 0 ? upper : v;
}

// CPython's _PySlice_GetLongIndices: the slice resolved against an int
// length of any size, in ints of any size.
static bool slice_long_indices(KrRun *r, KrSlice *s, KrValue len, KrValue *start, KrValue *stop,
                               KrValue *step) {
    *step = s->step == KR_NONE ? kr_from_small(1) : range_slice_int(r, s->step);
    if (*step == KR_EXC) return false;
    if (range_sign(*step) == 0) {
        kr_raise(r, &kr_exc_ValueError, "slice step cannot be zero");
        return false;
    }
    bool neg = range_sign(*step) < 0;
    KrValue lower = kr_from_small(neg ? -1 : 0);
    KrValue upper = neg ? range_add(r, len, kr_from_small(-1)) : len;
    *start = s->start == KR_NONE ? (neg ? upper : lower) : slice_long_bound(r, s->start, len, lower, upper);
    if (*start == KR_EXC) return false;
    *stop = s->stop == KR_NONE ? (neg ? lower : upper) : slice_long_bound(r, s->stop, len, lower, upper);
    return *stop != KR_EXC;
}

static void slice_trace(KrRun *r, KrObj *o) {
    KrSlice *s = (KrSlice *)o;
    kr_gc_mark(r, s->start);
    kr_gc_mark(r, s->stop);
    kr_gc_mark(r, s->step);
}

static KrValue slice_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                               KrValue kwnames) {
    (void)t;
    if (!kr_args_no_kw(r, "slice", kwnames) || !kr_args_count(r, "slice", argc, 1, 3)) return KR_EXC;
    if (argc == 1) return kr_slice_new(r, KR_NONE, args[0], KR_NONE);
    return kr_slice_new(r, args[0], args[1], argc == 3 ? args[2] : KR_NONE);
}

// "name(a, b[, c])" from the reprs of the values.
static KrValue range_repr_call(KrRun *r, const char *name, const KrValue *vals, size_t n) {
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_append_str(&b, name) && kr_buf_append_char(&b, '(');
    for (size_t i = 0; ok && i < n; i++) {
        KrValue s = kr_repr(r, vals[i]);
        ok = s != KR_EXC && (i == 0 || kr_buf_append(&b, ", ", 2)) &&
             kr_buf_append(&b, kr_as_str(s)->data, kr_as_str(s)->nbytes);
    }
    ok = ok && kr_buf_append_char(&b, ')');
    KrValue res = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return res;
}

static KrValue slice_repr(KrRun *r, KrValue v) {
    KrSlice *s = (KrSlice *)kr_as_obj(v);
    KrValue vals[3] = {s->start, s->stop, s->step};
    return range_repr_call(r, "slice", vals, 3);
}

// Slices compare as the tuples (start, stop, step).
static KrValue slice_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    if (!kr_is_type(a, &kr_type_slice) || !kr_is_type(b, &kr_type_slice)) return KR_NOTIMPL;
    KrSlice *x = (KrSlice *)kr_as_obj(a), *y = (KrSlice *)kr_as_obj(b);
    KrValue u[3] = {x->start, x->stop, x->step}, w[3] = {y->start, y->stop, y->step};
    return kr_tuple_compare_items(r, u, 3, w, 3, op);
}

static KrValue slice_get_start(KrRun *r, KrValue self) {
    (void)r;
    return ((KrSlice *)kr_as_obj(self))->start;
}

static KrValue slice_get_stop(KrRun *r, KrValue self) {
    (void)r;
    return ((KrSlice *)kr_as_obj(self))->stop;
}

static KrValue slice_get_step(KrRun *r, KrValue self) {
    (void)r;
    return ((KrSlice *)kr_as_obj(self))->step;
}

static KrValue slice_m_indices(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!kr_is_type(self, &kr_type_slice)) return range_bad_self(r, "slice", "indices", self);
    if (!kr_method_args(r, "slice.indices", argc, kw, 1)) return KR_EXC;
    KrValue len = range_as_int(r, args[0]);
    if (len == KR_EXC) return KR_EXC;
    if (range_sign(len) < 0) return kr_raise(r, &kr_exc_ValueError, "length should not be negative");
    KrValue v[3];
    if (!slice_long_indices(r, (KrSlice *)kr_as_obj(self), len, &v[0], &v[1], &v[2])) return KR_EXC;
    return kr_tuple_from_array(r, v, 3);
}

static const KrGetSetDef slice_getsets[] = {
    {"start", slice_get_start},
    {"stop", slice_get_stop},
    {"step", slice_get_step},
    {NULL, NULL},
};

static const KrMethodDef slice_methods[] = {
    {"indices", slice_m_indices, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_slice = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "slice",
    .base = &kr_type_object,
    .basic_size = sizeof(KrSlice),
    .trace = slice_trace,
    .construct = slice_construct,
    .repr = slice_repr,
    .compare = slice_compare, // no hash: slices are unhashable before 3.12
    .getsets = slice_getsets,
    .methods = slice_methods,
    .snap = &slice_snap,
};

// ---- range objects --------------------------------------------------------------------------

static KrRange *range_of(KrValue v) { return (KrRange *)kr_as_obj(v); }

static KrValue range_length(KrRun *r, KrValue start, KrValue stop, KrValue step) {
    if (kr_is_small(start) && kr_is_small(stop) && kr_is_small(step)) {
        int64_t lo = kr_as_small(start), hi = kr_as_small(stop), st = kr_as_small(step);
        if (st < 0) {
            int64_t t = lo;
            lo = hi;
            hi = t;
            st = -st;
        }
        return kr_int_from_i64(r, lo < hi ? (hi - lo - 1) / st + 1 : 0);
    }
    bool up = range_sign(step) > 0;
    KrValue lo = up ? start : stop, hi = up ? stop : start;
    if (range_cmp(lo, hi) >= 0) return kr_from_small(0);
    KrValue diff = range_sub(r, range_sub(r, hi, lo), kr_from_small(1));
    KrValue st = up ? step : range_neg(r, step);
    return range_add(r, range_floordiv(r, diff, st), kr_from_small(1));
}

KrValue kr_range_new(KrRun *r, KrValue start, KrValue stop, KrValue step) {
    if (range_sign(step) == 0) return kr_raise(r, &kr_exc_ValueError, "range() arg 3 must not be zero");
    KrValue len = range_length(r, start, stop, step);
    if (len == KR_EXC) return KR_EXC;
    KrRange *g = kr_gc_alloc(r, &kr_type_range, sizeof(KrRange));
    if (!g) return KR_EXC;
    g->start = start;
    g->stop = stop;
    g->step = step;
    g->length = len;
    return kr_from_obj(g);
}

static KrValue range_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                               KrValue kwnames) {
    (void)t;
    if (!kr_args_no_kw(r, "range", kwnames) || !kr_args_count(r, "range", argc, 1, 3)) return KR_EXC;
    KrValue v[3] = {kr_from_small(0), KR_NULL, kr_from_small(1)};
    for (size_t i = 0; i < argc; i++) {
        KrValue x = range_as_int(r, args[i]);
        if (x == KR_EXC) return KR_EXC;
        v[argc == 1 ? 1 : i] = x;
    }
    return kr_range_new(r, v[0], v[1], v[2]);
}

static void range_trace(KrRun *r, KrObj *o) {
    KrRange *g = (KrRange *)o;
    kr_gc_mark(r, g->start);
    kr_gc_mark(r, g->stop);
    kr_gc_mark(r, g->step);
    kr_gc_mark(r, g->length);
}

static KrValue range_repr(KrRun *r, KrValue v) {
    KrRange *g = range_of(v);
    KrValue vals[3] = {g->start, g->stop, g->step};
    bool unit = kr_is_small(g->step) && kr_as_small(g->step) == 1;
    return range_repr_call(r, "range", vals, unit ? 2 : 3);
}

static bool range_len(KrRun *r, KrValue v, size_t *out) {
    int64_t n;
    if (!kr_int_to_i64(range_of(v)->length, &n)) {
        kr_raise(r, &kr_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return false;
    }
    *out = (size_t)n;
    return true;
}

static int range_truth(KrRun *r, KrValue v) {
    (void)r;
    return range_sign(range_of(v)->length) != 0;
}

// Ranges are equal when they hold the same items.
static bool range_same(KrRange *x, KrRange *y) {
    if (x == y) return true;
    if (range_cmp(x->length, y->length) != 0) return false;
    if (range_sign(x->length) == 0) return true;
    if (range_cmp(x->start, y->start) != 0) return false;
    if (kr_is_small(x->length) && kr_as_small(x->length) == 1) return true;
    return range_cmp(x->step, y->step) == 0;
}

static KrValue range_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    (void)r;
    if (!kr_is_type(a, &kr_type_range) || !kr_is_type(b, &kr_type_range)) return KR_NOTIMPL;
    if (op != KR_CMP_EQ && op != KR_CMP_NE) return KR_NOTIMPL;
    return kr_bool(range_same(range_of(a), range_of(b)) == (op == KR_CMP_EQ));
}

// As CPython: the hash of (len, start, step), with None for what does
// not matter to equality.
static bool range_hash(KrRun *r, KrValue v, int64_t *out) {
    KrRange *g = range_of(v);
    KrValue t[3] = {g->length, KR_NONE, KR_NONE};
    if (range_sign(g->length) != 0) {
        t[1] = g->start;
        if (!kr_is_small(g->length) || kr_as_small(g->length) != 1) t[2] = g->step;
    }
    return kr_tuple_hash_items(r, t, 3, out);
}

// start + i * step for 0 <= i < len.
static KrValue range_at(KrRun *r, KrRange *g, KrValue i) {
    if (kr_is_small(i) && kr_is_small(g->start) && kr_is_small(g->step)) {
        int64_t p;
        if (!__builtin_mul_overflow(kr_as_small(i), kr_as_small(g->step), &p) &&
            !__builtin_add_overflow(p, kr_as_small(g->start), &p))
            return kr_int_from_i64(r, p);
    }
    return range_add(r, g->start, range_mul(r, i, g->step));
}

static KrValue range_item(KrRun *r, KrRange *g, KrValue i) {
    if (range_sign(i) < 0) i = range_add(r, i, g->length);
    if (i == KR_EXC) return KR_EXC;
    if (range_sign(i) < 0 || range_cmp(i, g->length) >= 0)
        return kr_raise(r, &kr_exc_IndexError, "range object index out of range");
    return range_at(r, g, i);
}

static KrValue range_slice(KrRun *r, KrRange *g, KrSlice *s) {
    KrValue start, stop, step;
    if (!slice_long_indices(r, s, g->length, &start, &stop, &step)) return KR_EXC;
    KrValue nstart = range_add(r, g->start, range_mul(r, start, g->step));
    KrValue nstop = range_add(r, g->start, range_mul(r, stop, g->step));
    KrValue nstep = range_mul(r, step, g->step);
    if (nstart == KR_EXC || nstop == KR_EXC || nstep == KR_EXC) return KR_EXC;
    return kr_range_new(r, nstart, nstop, nstep);
}

static KrValue range_getitem(KrRun *r, KrValue o, KrValue key) {
    KrRange *g = range_of(o);
    if (kr_is_type(key, &kr_type_slice)) return range_slice(r, g, (KrSlice *)kr_as_obj(key));
    int k = range_index_like(r, key);
    if (k == 0)
        return kr_raise(r, &kr_exc_TypeError, "range indices must be integers or slices, not %s",
                        kr_type_name(key));
    KrValue i = k < 0 ? KR_EXC : range_as_int(r, key);
    return i == KR_EXC ? KR_EXC : range_item(r, g, i);
}

// ---- search -------------------------------------------------------------------------------------

// Is the int x one of g's items?
static bool range_has_int(KrRun *r, KrRange *g, KrValue x, bool *err) {
    *err = false;
    if (kr_is_small(x) && kr_is_small(g->start) && kr_is_small(g->stop) && kr_is_small(g->step)) {
        int64_t v = kr_as_small(x), s = kr_as_small(g->start), e = kr_as_small(g->stop),
                st = kr_as_small(g->step);
        if (st > 0 ? (v < s || v >= e) : (v > s || v <= e)) return false;
        return (v - s) % st == 0;
    }
    if (range_sign(g->step) > 0 ? (range_cmp(x, g->start) < 0 || range_cmp(x, g->stop) >= 0)
                                : (range_cmp(x, g->start) > 0 || range_cmp(x, g->stop) <= 0))
        return false;
    KrValue diff = range_sub(r, x, g->start);
    KrValue rem = diff == KR_EXC ? KR_EXC : kr_int_binary(r, diff, g->step, KR_BIN_MOD);
    if (rem == KR_EXC) {
        *err = true;
        return false;
    }
    return range_sign(rem) == 0;
}

static KrValue range_iter(KrRun *r, KrValue o);

// Iterates g comparing each item with x (x not an int): the index of the
// first equal item, or the count when `count` is set; -1 when absent and
// -2 on error.
static int64_t range_scan(KrRun *r, KrValue o, KrValue x, bool count) {
    KrValue it = range_iter(r, o);
    if (it == KR_EXC) return -2;
    kr_root_push(r, &it); // x's __eq__ may run Python code (and collect)
    int64_t found = count ? 0 : -1;
    for (int64_t i = 0;; i++) {
        KrValue v = kr_typeof(it)->next(r, it);
        if (v == KR_STOP) break;
        int c = v == KR_EXC ? -1 : kr_eq(r, v, x);
        if (c < 0 || !kr_run_tick(r, 1)) {
            found = -2;
            break;
        }
        if (c && !count) {
            found = i;
            break;
        }
        found += c;
    }
    kr_root_pop(r, 1);
    return found;
}

static int range_contains(KrRun *r, KrValue o, KrValue x) {
    if (range_is_exact_int(x)) {
        bool err;
        bool in = range_has_int(r, range_of(o), range_as_int(r, x), &err);
        return err ? -1 : in;
    }
    int64_t i = range_scan(r, o, x, false);
    return i == -2 ? -1 : i >= 0;
}

static KrValue range_m_count(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!kr_is_type(self, &kr_type_range)) return range_bad_self(r, "range", "count", self);
    if (!kr_method_args(r, "range.count", argc, kw, 1)) return KR_EXC;
    if (range_is_exact_int(args[0])) {
        int c = range_contains(r, self, args[0]);
        return c < 0 ? KR_EXC : kr_from_small(c);
    }
    int64_t n = range_scan(r, self, args[0], true);
    return n < 0 ? KR_EXC : kr_int_from_i64(r, n);
}

static KrValue range_m_index(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!kr_is_type(self, &kr_type_range)) return range_bad_self(r, "range", "index", self);
    if (!kr_method_args(r, "range.index", argc, kw, 1)) return KR_EXC;
    KrRange *g = range_of(self);
    if (!range_is_exact_int(args[0])) {
        int64_t i = range_scan(r, self, args[0], false);
        if (i == -1) return kr_raise(r, &kr_exc_ValueError, "sequence.index(x): x not in sequence");
        return i < 0 ? KR_EXC : kr_int_from_i64(r, i);
    }
    KrValue x = range_as_int(r, args[0]);
    bool err;
    if (range_has_int(r, g, x, &err)) return range_floordiv(r, range_sub(r, x, g->start), g->step);
    if (err) return KR_EXC;
    KrValue s = kr_repr(r, x);
    return s == KR_EXC ? KR_EXC : kr_raise(r, &kr_exc_ValueError, "%s is not in range", kr_as_str(s)->data);
}

// ---- iterators ------------------------------------------------------------------------------------

typedef struct RangeLongIter {
    KrObj ob;
    KrValue next, step, left; // ints
} RangeLongIter;

// An iterator over len items from start by step: the small form when
// every item is a small int.
static KrValue range_make_iter(KrRun *r, KrValue start, KrValue step, KrValue len) {
    if (start == KR_EXC || step == KR_EXC) return KR_EXC;
    if (kr_is_small(start) && kr_is_small(step) && kr_is_small(len)) {
        int64_t n = kr_as_small(len), last;
        if (n == 0 || (!__builtin_mul_overflow(n - 1, kr_as_small(step), &last) &&
                       !__builtin_add_overflow(last, kr_as_small(start), &last) && kr_fits_small(last))) {
            KrRangeIter *it = kr_gc_alloc(r, &kr_type_range_iterator, sizeof(KrRangeIter));
            if (!it) return KR_EXC;
            it->next = kr_as_small(start);
            it->step = kr_as_small(step);
            it->left = (uint64_t)n;
            return kr_from_obj(it);
        }
    }
    RangeLongIter *it = kr_gc_alloc(r, &kr_type_longrange_iterator, sizeof(RangeLongIter));
    if (!it) return KR_EXC;
    it->next = start;
    it->step = step;
    it->left = len;
    return kr_from_obj(it);
}

static KrValue range_iter(KrRun *r, KrValue o) {
    KrRange *g = range_of(o);
    return range_make_iter(r, g->start, g->step, g->length);
}

KrValue kr_range_reversed(KrRun *r, KrValue range) {
    KrRange *g = range_of(range);
    if (range_sign(g->length) == 0) return range_make_iter(r, g->start, g->step, g->length);
    KrValue last = range_at(r, g, range_sub(r, g->length, kr_from_small(1)));
    return range_make_iter(r, last, range_neg(r, g->step), g->length);
}

static KrValue range_iter_next(KrRun *r, KrValue o) {
    (void)r;
    KrRangeIter *it = (KrRangeIter *)kr_as_obj(o);
    if (!it->left) return KR_STOP;
    int64_t v = it->next;
    it->next += it->step;
    it->left--;
    return kr_from_small(v);
}

static KrValue range_longiter_next(KrRun *r, KrValue o) {
    RangeLongIter *it = (RangeLongIter *)kr_as_obj(o);
    if (range_sign(it->left) == 0) return KR_STOP;
    KrValue v = it->next;
    KrValue next = range_add(r, v, it->step);
    KrValue left = range_sub(r, it->left, kr_from_small(1));
    if (next == KR_EXC || left == KR_EXC) return KR_EXC;
    it->next = next;
    it->left = left;
    return v;
}

static void range_longiter_trace(KrRun *r, KrObj *o) {
    RangeLongIter *it = (RangeLongIter *)o;
    kr_gc_mark(r, it->next);
    kr_gc_mark(r, it->step);
    kr_gc_mark(r, it->left);
}

static KrValue range_m_length_hint(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_method_args(r, "__length_hint__", argc, kw, 0)) return KR_EXC;
    if (kr_is_type(self, &kr_type_range_iterator))
        return kr_int_from_i64(r, (int64_t)((KrRangeIter *)kr_as_obj(self))->left);
    if (kr_is_type(self, &kr_type_longrange_iterator)) return ((RangeLongIter *)kr_as_obj(self))->left;
    return range_bad_self(r, "range_iterator", "__length_hint__", self);
}

static const KrMethodDef range_iter_methods[] = {
    {"__iter__", kr_iter_meth_iter, 0},
    {"__next__", kr_iter_meth_next, 0},
    {"__length_hint__", range_m_length_hint, 0},
    {NULL, NULL, 0},
};

static KrValue range_iter_self(KrRun *r, KrValue o) {
    (void)r;
    return o;
}

const KrType kr_type_range_iterator = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "range_iterator",
    .base = &kr_type_object,
    .basic_size = sizeof(KrRangeIter),
    .repr = kr_iter_repr,
    .iter = range_iter_self,
    .next = range_iter_next,
    .methods = range_iter_methods,
    .snap = &rangeiter_snap,
};

const KrType kr_type_longrange_iterator = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "longrange_iterator",
    .base = &kr_type_object,
    .basic_size = sizeof(RangeLongIter),
    .trace = range_longiter_trace,
    .repr = kr_iter_repr,
    .iter = range_iter_self,
    .next = range_longiter_next,
    .methods = range_iter_methods,
    .snap = &longrangeiter_snap,
};

// ---- range methods and type ------------------------------------------------------------------------

static KrValue range_get_start(KrRun *r, KrValue self) {
    (void)r;
    return range_of(self)->start;
}

static KrValue range_get_stop(KrRun *r, KrValue self) {
    (void)r;
    return range_of(self)->stop;
}

static KrValue range_get_step(KrRun *r, KrValue self) {
    (void)r;
    return range_of(self)->step;
}

static KrValue range_m_reversed(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_is_type(self, &kr_type_range)) return range_bad_self(r, "range", "__reversed__", self);
    if (!kr_method_args(r, "range.__reversed__", argc, kw, 0)) return KR_EXC;
    return kr_range_reversed(r, self);
}

static KrValue range_m_len(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_is_type(self, &kr_type_range)) return range_bad_self(r, "range", "__len__", self);
    if (!kr_method_args(r, "range.__len__", argc, kw, 0)) return KR_EXC;
    size_t n;
    return range_len(r, self, &n) ? kr_int_from_i64(r, (int64_t)n) : KR_EXC;
}

static KrValue range_m_getitem(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!kr_is_type(self, &kr_type_range)) return range_bad_self(r, "range", "__getitem__", self);
    if (!kr_wrapper_args(r, "__getitem__", argc, kw, 1, 1)) return KR_EXC; // a slot wrapper in CPython
    return range_getitem(r, self, args[0]);
}

static KrValue range_m_contains(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!kr_is_type(self, &kr_type_range)) return range_bad_self(r, "range", "__contains__", self);
    if (!kr_method_args(r, "range.__contains__", argc, kw, 1)) return KR_EXC;
    int c = range_contains(r, self, args[0]);
    return c < 0 ? KR_EXC : kr_bool(c);
}

static KrValue range_m_iter(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_is_type(self, &kr_type_range)) return range_bad_self(r, "range", "__iter__", self);
    if (!kr_method_args(r, "range.__iter__", argc, kw, 0)) return KR_EXC;
    return range_iter(r, self);
}

static const KrGetSetDef range_getsets[] = {
    {"start", range_get_start},
    {"stop", range_get_stop},
    {"step", range_get_step},
    {NULL, NULL},
};

static const KrMethodDef range_methods[] = {
    {"count", range_m_count, 0},
    {"index", range_m_index, 0},
    {"__reversed__", range_m_reversed, 0},
    {"__len__", range_m_len, 0},
    {"__getitem__", range_m_getitem, 0},
    {"__contains__", range_m_contains, 0},
    {"__iter__", range_m_iter, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_range = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "range",
    .base = &kr_type_object,
    .basic_size = sizeof(KrRange),
    .trace = range_trace,
    .construct = range_construct,
    .repr = range_repr,
    .hash = range_hash,
    .compare = range_compare,
    .truth = range_truth,
    .len = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
    .iter = range_iter,
    .getsets = range_getsets,
    .methods = range_methods,
    .snap = &range_snap,
};

// ---- run snapshots ----------------------------------------------------------------------------

static const KrRsField range_fields[] = {
    KR_RS_FIELD(KrRange, start, KR_RSF_VALUE, KR_RS_INT, NULL),
    KR_RS_FIELD(KrRange, stop, KR_RSF_VALUE, KR_RS_INT, NULL),
    KR_RS_FIELD(KrRange, step, KR_RSF_VALUE, KR_RS_INT, NULL),
    KR_RS_FIELD(KrRange, length, KR_RSF_VALUE, KR_RS_INT, NULL),
    KR_RS_END,
};

// The length is derived: it must be the one of start, stop, step.
static bool range_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const KrRange *g = (const KrRange *)o;
    if (stage == 0) return true;
    KrRun *r = kr_rs_run(rd);
    if (range_sign(g->step) == 0 || range_sign(g->length) < 0) return kr_rs_fail(rd, "bad range");
    KrValue len = range_length(r, g->start, g->stop, g->step);
    if (len == KR_EXC) {
        kr_clear_exc(r);
        return kr_rs_fail(rd, "bad range");
    }
    return kr_int_cmp(len, g->length) == 0 || kr_rs_fail(rd, "a range with the wrong length");
}

static const KrSnapOps range_snap = {range_fields, NULL, NULL, range_snap_finish};

static const KrRsField slice_fields[] = {
    KR_RS_VAL(KrSlice, start), KR_RS_VAL(KrSlice, stop), KR_RS_VAL(KrSlice, step), KR_RS_END,
};
static const KrSnapOps slice_snap = {slice_fields, NULL, NULL, NULL};

static const KrRsField rangeiter_fields[] = {
    KR_RS_SCALAR(KrRangeIter, next, KR_RSF_I64),
    KR_RS_SCALAR(KrRangeIter, step, KR_RSF_I64),
    KR_RS_SCALAR(KrRangeIter, left, KR_RSF_U64),
    KR_RS_END,
};

// Every value still to come is a small int, as range_make_iter ensures.
static bool rangeiter_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const KrRangeIter *it = (const KrRangeIter *)o;
    int64_t last;
    if (stage == 0 || it->left == 0) return true;
    bool ok = kr_fits_small(it->next) && kr_fits_small(it->step) && it->left <= (uint64_t)KR_SMALL_MAX &&
              !__builtin_mul_overflow((int64_t)it->left - 1, it->step, &last) &&
              !__builtin_add_overflow(last, it->next, &last) && kr_fits_small(last);
    return ok || kr_rs_fail(rd, "a range iterator out of range");
}

static const KrSnapOps rangeiter_snap = {rangeiter_fields, NULL, NULL, rangeiter_snap_finish};

static const KrRsField longrangeiter_fields[] = {
    KR_RS_FIELD(RangeLongIter, next, KR_RSF_VALUE, KR_RS_INT, NULL),
    KR_RS_FIELD(RangeLongIter, step, KR_RSF_VALUE, KR_RS_INT, NULL),
    KR_RS_FIELD(RangeLongIter, left, KR_RSF_VALUE, KR_RS_INT, NULL),
    KR_RS_END,
};
static const KrSnapOps longrangeiter_snap = {longrangeiter_fields, NULL, NULL, NULL};
