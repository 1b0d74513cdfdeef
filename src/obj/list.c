// list.c: the list type: a growable array of values with Python's sequence
// protocol, slicing and slice assignment, lexicographic comparison, and a
// stable natural merge sort (list.sort and sorted()).
//
// User code (a key function, __eq__, __lt__, __repr__, a generator being
// consumed) may run a nested VM loop, which may collect garbage and may
// mutate the list being worked on: loops re-read len and items after every
// such call, and values held across one are kept in traced objects or
// rooted.
#include "../types.h"
#include "../runsnap.h"

static const KrSnapOps list_snap;

static bool list_is(KrValue v) {
    return kr_is_type(v, &kr_type_list) || (kr_is_ptr(v) && kr_isinstance(v, &kr_type_list));
}

static bool list_nomem(KrRun *r) {
    kr_raise_value(r, kr_from_obj(&kr_exc_MemoryError));
    return false;
}

// Budget cost of `work` elementary steps done in native code.
static bool list_tick(KrRun *r, size_t work) {
    size_t cost = work / 32 + 1;
    return kr_run_tick(r, cost > (1u << 24) ? (int32_t)(1 << 24) : (int32_t)cost);
}

// Roots a slot; false when the run could not record it (the run is over).
static bool list_root(KrRun *r, KrValue *slot) {
    kr_root_push(r, slot);
    return r->limit_hit == KR_LIMIT_NONE;
}

// ---- storage ------------------------------------------------------------------

static KrList *list_alloc(KrRun *r, const KrType *t) {
    size_t size = t->basic_size > sizeof(KrList) ? t->basic_size : sizeof(KrList);
    KrList *l = kr_gc_alloc(r, t, size);
    if (!l) return NULL;
    memset((char *)l + sizeof(KrObj), 0, size - sizeof(KrObj));
    return l;
}

static void list_free_items(KrRun *r, KrList *l) {
    kr_mem_free(r, l->items, l->cap * sizeof(KrValue));
    l->items = NULL;
    l->len = l->cap = 0;
}

// Room for `extra` more items. CPython's growth: an eighth more (rounded
// to 4), so appends are amortized O(1) and an idle list wastes little; a
// big jump gets just what it asked for.
static bool list_reserve(KrRun *r, KrList *l, size_t extra) {
    size_t need, bytes;
    if (!kr_size_add(l->len, extra, &need)) return list_nomem(r);
    if (need <= l->cap) return true;
    size_t cap = need;
    if (need <= SIZE_MAX / 2) {
        cap = (need + (need >> 3) + 6) & ~(size_t)3;
        if (extra > cap - need) cap = (need + 3) & ~(size_t)3;
    }
    if (!kr_size_mul(cap, sizeof(KrValue), &bytes)) return list_nomem(r);
    KrValue *p = kr_mem_realloc(r, l->items, l->cap * sizeof(KrValue), bytes);
    if (!p) return false;
    l->items = p;
    l->cap = cap;
    return true;
}

KrValue kr_list_new(KrRun *r, size_t capacity) {
    KrList *l = list_alloc(r, &kr_type_list);
    if (!l) return KR_EXC;
    if (capacity && !list_reserve(r, l, capacity)) return KR_EXC;
    return kr_from_obj(l);
}

KrValue kr_list_from_array(KrRun *r, const KrValue *items, size_t n) {
    KrValue v = kr_list_new(r, n);
    if (v == KR_EXC) return KR_EXC;
    KrList *l = kr_as_list(v);
    if (n) memcpy(l->items, items, n * sizeof(KrValue));
    l->len = n;
    return v;
}

bool kr_list_append(KrRun *r, KrList *l, KrValue v) {
    if (l->len == l->cap && !list_reserve(r, l, 1)) return false;
    l->items[l->len++] = v;
    return true;
}

static void list_remove_at(KrList *l, size_t i) {
    memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(KrValue));
    l->len--;
}

static void list_trace(KrRun *r, KrObj *o) {
    KrList *l = (KrList *)o;
    for (size_t i = 0; i < l->len; i++) kr_gc_mark(r, l->items[i]);
}

static void list_finalize(KrRun *r, KrObj *o) { list_free_items(r, (KrList *)o); }

// ---- building from iterables ------------------------------------------------------

// Room for the items of built-in iterables whose length costs nothing to
// ask (CPython's length hint; a range too long for len() fails, as there).
static bool list_reserve_hint(KrRun *r, KrList *l, KrValue v) {
    size_t n = 0;
    if (kr_is_type(v, &kr_type_range) || kr_is_type(v, &kr_type_dict) ||
        kr_is_type(v, &kr_type_set) || kr_is_type(v, &kr_type_frozenset) ||
        kr_is_type(v, &kr_type_str)) {
        if (!kr_len(r, v, &n)) return false;
    }
    return n == 0 || list_reserve(r, l, n);
}

// for i in range(...): fill directly, no per-item call.
static bool list_extend_range(KrRun *r, KrList *l, KrRangeIter *it) {
    if (it->left > SIZE_MAX / sizeof(KrValue)) return list_nomem(r);
    size_t n = (size_t)it->left;
    if (!list_reserve(r, l, n)) return false;
    while (it->left) {
        l->items[l->len++] = kr_from_small(it->next);
        it->next += it->step;
        it->left--;
    }
    return list_tick(r, n);
}

static bool list_extend_iter(KrRun *r, KrList *l, KrValue src) {
    if (!list_reserve_hint(r, l, src)) return false;
    KrValue it = kr_iter(r, src);
    if (it == KR_EXC) return false;
    if (kr_is_type(it, &kr_type_range_iterator))
        return list_extend_range(r, l, (KrRangeIter *)kr_as_obj(it));
    KrValue self = kr_from_obj(l);
    bool ok = list_root(r, &self) && list_root(r, &it);
    while (ok) {
        KrValue v = kr_next(r, it);
        if (v == KR_STOP) break;
        ok = v != KR_EXC && kr_list_append(r, l, v) && kr_run_tick(r, 1);
    }
    kr_root_pop(r, 2);
    return ok;
}

bool kr_list_extend(KrRun *r, KrList *l, KrValue src) {
    bool is_list = kr_is_type(src, &kr_type_list);
    if (!is_list && !kr_is_type(src, &kr_type_tuple)) return list_extend_iter(r, l, src);
    size_t n = is_list ? kr_as_list(src)->len : kr_as_tuple(src)->len;
    if (!list_reserve(r, l, n)) return false;
    if (n == 0) return true;
    // Read the source only now: when src is l, reserving moved its items.
    const KrValue *items = is_list ? kr_as_list(src)->items : kr_as_tuple(src)->items;
    memcpy(l->items + l->len, items, n * sizeof(KrValue));
    l->len += n;
    return true;
}

KrValue kr_list_from_iter(KrRun *r, KrValue iterable) {
    KrValue v = kr_list_new(r, 0);
    if (v == KR_EXC || !kr_list_extend(r, kr_as_list(v), iterable)) return KR_EXC;
    return v;
}

// ---- argument checks ----------------------------------------------------------------

static KrValue list_bad_self(KrRun *r, const char *name, KrValue self) {
    return kr_raise(r, &kr_exc_TypeError, "descriptor '%s' for 'list' objects doesn't apply to a '%s' object",
                    name, kr_type_name(self));
}

#define LIST_SELF(name)                                                       \
    do {                                                                      \
        if (!list_is(self)) return list_bad_self(r, name, self);              \
    } while (0)

// ---- subscripts -------------------------------------------------------------------------

static bool list_key_index(KrRun *r, KrValue key, int64_t *out) {
    if (kr_is_small(key)) {
        *out = kr_as_small(key);
        return true;
    }
    int k = kr_slice_as_index(r, key, &kr_exc_IndexError, out);
    if (k == 0)
        kr_raise(r, &kr_exc_TypeError, "list indices must be integers or slices, not %s",
                 kr_type_name(key));
    return k == 1;
}

// Adjusts a negative index; false when out of range.
static bool list_fix_index(int64_t *i, size_t len) {
    if (*i < 0) *i += (int64_t)len;
    return *i >= 0 && (uint64_t)*i < len;
}

static KrValue list_get_slice(KrRun *r, KrList *l, KrSlice *s) {
    int64_t start, stop, step;
    if (!kr_slice_unpack(r, s, &start, &stop, &step)) return KR_EXC;
    size_t n = kr_slice_adjust(l->len, &start, &stop, step);
    KrValue res = kr_list_new(r, n);
    if (res == KR_EXC) return KR_EXC;
    KrList *d = kr_as_list(res);
    if (step == 1 && n) memcpy(d->items, l->items + start, n * sizeof(KrValue));
    else
        for (size_t k = 0; k < n; k++) d->items[k] = l->items[start + (int64_t)k * step];
    d->len = n;
    return res;
}

static KrValue list_getitem(KrRun *r, KrValue o, KrValue key) {
    KrList *l = kr_as_list(o);
    int64_t i;
    if (kr_is_small(key)) i = kr_as_small(key);
    else if (kr_is_type(key, &kr_type_slice)) return list_get_slice(r, l, (KrSlice *)kr_as_obj(key));
    else if (!list_key_index(r, key, &i)) return KR_EXC;
    if (!list_fix_index(&i, l->len)) return kr_raise(r, &kr_exc_IndexError, "list index out of range");
    return l->items[i];
}

// The items to store by a slice assignment: a list or tuple as it is (a
// copy when it is the target itself), anything else collected into a list.
static KrValue list_assign_source(KrRun *r, KrList *l, KrValue v, const char *msg) {
    if (v == kr_from_obj(l)) return kr_list_from_array(r, l->items, l->len);
    if (kr_is_type(v, &kr_type_list) || kr_is_type(v, &kr_type_tuple)) return v;
    KrValue it = kr_iter(r, v);
    if (it == KR_EXC) {
        if (kr_pending_is(r, &kr_exc_TypeError)) {
            kr_clear_exc(r);
            kr_raise(r, &kr_exc_TypeError, "%s", msg);
        }
        return KR_EXC;
    }
    return kr_list_from_iter(r, it);
}

static void list_seq_view(KrValue seq, const KrValue **items, size_t *n) {
    if (kr_is_type(seq, &kr_type_list)) {
        *items = kr_as_list(seq)->items;
        *n = kr_as_list(seq)->len;
    } else {
        *items = kr_as_tuple(seq)->items;
        *n = kr_as_tuple(seq)->len;
    }
}

// l[lo:hi] = items[0:m] (lo <= hi <= len).
static bool list_replace(KrRun *r, KrList *l, size_t lo, size_t hi, const KrValue *items, size_t m) {
    size_t gone = hi - lo;
    if (m == 0 && gone == 0) return true;
    if (m > gone && !list_reserve(r, l, m - gone)) return false;
    memmove(l->items + lo + m, l->items + hi, (l->len - hi) * sizeof(KrValue));
    if (m) memcpy(l->items + lo, items, m * sizeof(KrValue));
    l->len = l->len - gone + m;
    return true;
}

// Deletes the n items start, start+step, ... (a resolved slice).
static void list_del_slice(KrRun *r, KrList *l, int64_t start, int64_t step, size_t n) {
    if (n == 0) return;
    if (step < 0) {
        start += (int64_t)(n - 1) * step;
        step = -step;
    }
    size_t w = (size_t)start;
    for (size_t k = 0; k < n; k++) {
        size_t from = (size_t)start + k * (size_t)step + 1;
        size_t to = k + 1 < n ? (size_t)start + (k + 1) * (size_t)step : l->len;
        memmove(l->items + w, l->items + from, (to - from) * sizeof(KrValue));
        w += to - from;
    }
    l->len = w;
    if (w == 0) list_free_items(r, l);
}

static KrValue list_set_slice(KrRun *r, KrList *l, KrSlice *s, KrValue v) {
    int64_t start, stop, step;
    if (!kr_slice_unpack(r, s, &start, &stop, &step)) return KR_EXC;
    if (v == KR_NULL) {
        // adjusted first: C leaves the order of argument evaluation open,
        // and clang would pass the unadjusted start
        size_t count = kr_slice_adjust(l->len, &start, &stop, step);
        list_del_slice(r, l, start, step, count);
        return KR_NONE;
    }
    KrValue seq = list_assign_source(r, l, v,
                                     step == 1 ? "can only assign an iterable"
                                               : "must assign iterable to extended slice");
    if (seq == KR_EXC) return KR_EXC;
    // Resolve against the length now: collecting v may have run user code.
    size_t n = kr_slice_adjust(l->len, &start, &stop, step);
    const KrValue *items;
    size_t m;
    list_seq_view(seq, &items, &m);
    if (step == 1) {
        if (stop < start) stop = start;
        return list_replace(r, l, (size_t)start, (size_t)stop, items, m) ? KR_NONE : KR_EXC;
    }
    if (m != n)
        return kr_raise(r, &kr_exc_ValueError,
                        "attempt to assign sequence of size %zu to extended slice of size %zu", m, n);
    for (size_t k = 0; k < n; k++) l->items[start + (int64_t)k * step] = items[k];
    return KR_NONE;
}

static KrValue list_setitem(KrRun *r, KrValue o, KrValue key, KrValue v) {
    KrList *l = kr_as_list(o);
    if (kr_is_type(key, &kr_type_slice)) return list_set_slice(r, l, (KrSlice *)kr_as_obj(key), v);
    int64_t i;
    if (!list_key_index(r, key, &i)) return KR_EXC;
    if (!list_fix_index(&i, l->len))
        return kr_raise(r, &kr_exc_IndexError, "list assignment index out of range");
    if (v == KR_NULL) list_remove_at(l, (size_t)i);
    else l->items[i] = v;
    return KR_NONE;
}

// ---- protocols ----------------------------------------------------------------------------

static bool list_len(KrRun *r, KrValue v, size_t *out) {
    (void)r;
    *out = kr_as_list(v)->len;
    return true;
}

static int list_contains(KrRun *r, KrValue o, KrValue x) {
    KrList *l = kr_as_list(o);
    for (size_t i = 0; i < l->len; i++) {
        int c = kr_eq(r, l->items[i], x);
        if (c) return c;
        if (!kr_run_tick(r, 1)) return -1;
    }
    return 0;
}

static KrValue list_iter(KrRun *r, KrValue o) { return kr_seqiter_new(r, &kr_type_list_iterator, o); }

static KrValue list_repr(KrRun *r, KrValue v) {
    KrList *l = kr_as_list(v);
    if (l->len == 0) return kr_str_from_cstr(r, "[]");
    int g = kr_repr_enter(r, v);
    if (g != 0) return g < 0 ? KR_EXC : kr_str_from_cstr(r, "[...]");
    KrBuf b;
    char b_local[KR_BUF_LOCAL];
    kr_buf_init_local(&b, kr_run_allocator(r), b_local, sizeof b_local);
    bool ok = kr_buf_append_char(&b, '[');
    for (size_t i = 0; ok && i < l->len; i++) { // l may change under a __repr__
        KrValue s = kr_repr(r, l->items[i]);
        ok = s != KR_EXC && (i == 0 || kr_buf_append(&b, ", ", 2)) &&
             kr_buf_append(&b, kr_as_str(s)->data, kr_as_str(s)->nbytes) && kr_run_tick(r, 1);
    }
    ok = ok && kr_buf_append_char(&b, ']');
    KrValue res = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    kr_repr_leave(r, v);
    return res;
}

static KrValue list_cmp_sizes(size_t a, size_t b, KrCmpOp op) {
    switch (op) {
    case KR_CMP_LT: return kr_bool(a < b);
    case KR_CMP_LE: return kr_bool(a <= b);
    case KR_CMP_EQ: return kr_bool(a == b);
    case KR_CMP_NE: return kr_bool(a != b);
    case KR_CMP_GT: return kr_bool(a > b);
    default: return kr_bool(a >= b);
    }
}

static KrValue list_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    if (!list_is(a) || !list_is(b)) return KR_NOTIMPL;
    KrList *x = kr_as_list(a), *y = kr_as_list(b);
    if ((op == KR_CMP_EQ || op == KR_CMP_NE) && x->len != y->len) return kr_bool(op == KR_CMP_NE);
    size_t i = 0;
    for (; i < x->len && i < y->len; i++) { // an __eq__ may resize either list
        int c = kr_eq(r, x->items[i], y->items[i]);
        if (c < 0 || (c && !kr_run_tick(r, 1))) return KR_EXC;
        if (!c) break;
    }
    if (i >= x->len || i >= y->len) return list_cmp_sizes(x->len, y->len, op);
    if (op == KR_CMP_EQ) return KR_FALSE;
    if (op == KR_CMP_NE) return KR_TRUE;
    return kr_compare(r, x->items[i], y->items[i], op);
}

// ---- arithmetic ----------------------------------------------------------------------------

static KrValue list_concat(KrRun *r, KrList *a, KrList *b) {
    size_t n;
    if (!kr_size_add(a->len, b->len, &n)) {
        list_nomem(r);
        return KR_EXC;
    }
    KrValue res = kr_list_new(r, n);
    if (res == KR_EXC) return KR_EXC;
    KrList *l = kr_as_list(res);
    if (a->len) memcpy(l->items, a->items, a->len * sizeof(KrValue));
    if (b->len) memcpy(l->items + a->len, b->items, b->len * sizeof(KrValue));
    l->len = n;
    return res;
}

// Doubles l's items until it holds `total` (a multiple of its length).
static bool list_fill_repeat(KrRun *r, KrList *l, size_t total) {
    if (!kr_run_repeat(r, l->items, l->len * sizeof(KrValue), total * sizeof(KrValue))) return false;
    l->len = total;
    return true;
}

static bool list_repeat_size(KrRun *r, size_t len, int64_t count, size_t *total) {
    *total = 0;
    if (count <= 0 || len == 0) return true;
    size_t bytes;
    if (!kr_size_mul(len, (size_t)count, total) || !kr_size_mul(*total, sizeof(KrValue), &bytes))
        return list_nomem(r);
    return true;
}

static KrValue list_repeat(KrRun *r, KrList *src, int64_t count) {
    size_t total;
    if (!list_repeat_size(r, src->len, count, &total)) return KR_EXC;
    KrValue res = kr_list_new(r, total);
    if (res == KR_EXC || total == 0) return res;
    KrList *l = kr_as_list(res);
    memcpy(l->items, src->items, src->len * sizeof(KrValue));
    l->len = src->len;
    return list_fill_repeat(r, l, total) ? res : KR_EXC;
}

static bool list_irepeat(KrRun *r, KrList *l, int64_t count) {
    size_t total;
    if (!list_repeat_size(r, l->len, count, &total)) return false;
    if (total == 0) {
        list_free_items(r, l);
        return true;
    }
    if (!list_reserve(r, l, total - l->len)) return false;
    return list_fill_repeat(r, l, total);
}

// A user class on the other side gets its reflected method first, as in
// CPython (the sequence behaviour is the fallback).
static KrValue list_other_first(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    const KrType *t = kr_typeof(b);
    if ((t->flags & KR_TF_HEAP) && t->binary && !list_is(b)) return t->binary(r, a, b, op);
    return KR_NOTIMPL;
}

static KrValue list_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    if (op != KR_BIN_ADD && op != KR_BIN_MUL) return KR_NOTIMPL;
    if (!list_is(a)) { // n * list: a's own slot has declined already
        int64_t count;
        if (op != KR_BIN_MUL || !list_is(b)) return KR_NOTIMPL;
        return kr_seq_repeat_count(r, a, &count) ? list_repeat(r, kr_as_list(b), count) : KR_EXC;
    }
    if (op == KR_BIN_ADD && list_is(b)) return list_concat(r, kr_as_list(a), kr_as_list(b));
    KrValue res = list_other_first(r, a, b, op);
    if (res != KR_NOTIMPL) return res;
    if (op == KR_BIN_ADD)
        return kr_raise(r, &kr_exc_TypeError, "can only concatenate list (not \"%s\") to list",
                        kr_type_name(b));
    int64_t count;
    return kr_seq_repeat_count(r, b, &count) ? list_repeat(r, kr_as_list(a), count) : KR_EXC;
}

static KrValue list_inplace(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    if (!list_is(a) || (op != KR_BIN_ADD && op != KR_BIN_MUL)) return KR_NOTIMPL;
    KrValue res = list_other_first(r, a, b, op);
    if (res != KR_NOTIMPL) return res;
    if (op == KR_BIN_ADD) return kr_list_extend(r, kr_as_list(a), b) ? a : KR_EXC;
    int64_t count;
    if (!kr_seq_repeat_count(r, b, &count)) return KR_EXC;
    return list_irepeat(r, kr_as_list(a), count) ? a : KR_EXC;
}

// ---- sort ------------------------------------------------------------------------------------
// A natural merge sort: ascending runs are found (strictly descending ones
// reversed), short runs extended to `minrun` by binary insertion, and runs
// merged while the run stack keeps each run more than twice the next, so
// the stack stays logarithmic. Comparisons are always "later < earlier",
// which keeps equal items in order and, on short lists, asks the same
// questions as CPython (so mixed-type errors name the types alike).

typedef int (*ListLt)(KrRun *r, KrValue a, KrValue b);

typedef struct ListSorter {
    KrRun *r;
    ListLt lt;
    KrValue *keys;       // sorted in place
    KrValue *vals;       // moved along with keys when key= was given, else NULL
    KrValue *tk, *tv;    // merge scratch (in a traced list)
} ListSorter;

static int list_lt_small(KrRun *r, KrValue a, KrValue b) {
    (void)r;
    return kr_as_small(a) < kr_as_small(b);
}

static int list_lt_float(KrRun *r, KrValue a, KrValue b) {
    (void)r;
    return kr_as_double(a) < kr_as_double(b);
}

// UTF-8 byte order is code point order.
static int list_lt_str(KrRun *r, KrValue a, KrValue b) {
    (void)r;
    const KrStr *x = kr_as_str(a), *y = kr_as_str(b);
    int c = memcmp(x->data, y->data, x->nbytes < y->nbytes ? x->nbytes : y->nbytes);
    return c < 0 || (c == 0 && x->nbytes < y->nbytes);
}

// Exact tuples (the usual sort key): what tuple comparison does (the
// first unequal items decide), with small ints and strs compared inline.
static int list_lt_tuple(KrRun *r, KrValue a, KrValue b) {
    const KrTuple *x = kr_as_tuple(a), *y = kr_as_tuple(b);
    size_t n = x->len < y->len ? x->len : y->len;
    for (size_t i = 0; i < n; i++) {
        KrValue u = x->items[i], v = y->items[i];
        if (kr_is_small(u) && kr_is_small(v)) {
            if (u != v) return kr_as_small(u) < kr_as_small(v);
            continue;
        }
        if (kr_is_type(u, &kr_type_str) && kr_is_type(v, &kr_type_str)) {
            if (!kr_str_equal(kr_as_str(u), kr_as_str(v))) return list_lt_str(r, u, v);
            continue;
        }
        if (kr_is_double(u) && kr_is_double(v)) {
            // the same word is the same object (each NaN has its own)
            double du = kr_as_double(u), dv = kr_as_double(v);
            if (u != v && du != dv) return du < dv;
            continue;
        }
        int c = kr_eq(r, u, v);
        if (c < 0) return -1;
        if (!c) return kr_lt(r, u, v);
    }
    return x->len < y->len;
}

// Keys all of one simple kind compare without the generic protocol.
static ListLt list_pick_lt(const KrValue *k, size_t n) {
    size_t small = 0, dbl = 0, str = 0, tup = 0;
    for (size_t i = 0; i < n; i++) {
        small += kr_is_small(k[i]);
        dbl += kr_is_double(k[i]);
        str += kr_is_type(k[i], &kr_type_str);
        tup += kr_is_type(k[i], &kr_type_tuple);
    }
    if (small == n) return list_lt_small;
    if (dbl == n) return list_lt_float;
    if (str == n) return list_lt_str;
    if (tup == n) return list_lt_tuple;
    return kr_lt;
}

static void list_reverse_values(KrValue *a, size_t lo, size_t hi) {
    while (hi > lo + 1) {
        KrValue t = a[lo];
        a[lo++] = a[--hi];
        a[hi] = t;
    }
}

static void sorter_reverse(ListSorter *s, size_t lo, size_t hi) {
    list_reverse_values(s->keys, lo, hi);
    if (s->vals) list_reverse_values(s->vals, lo, hi);
}

// Length of the run at lo (within hi), made ascending; 0 on error.
static size_t sorter_count_run(ListSorter *s, size_t lo, size_t hi) {
    if (hi - lo == 1) return 1;
    int c = s->lt(s->r, s->keys[lo + 1], s->keys[lo]);
    if (c < 0) return 0;
    bool descending = c;
    size_t j = lo + 2;
    for (; j < hi; j++) {
        c = s->lt(s->r, s->keys[j], s->keys[j - 1]);
        if (c < 0) return 0;
        if ((bool)c != descending) break;
    }
    if (descending) sorter_reverse(s, lo, j); // strictly descending: stable to reverse
    return j - lo;
}

static void list_insert_from(KrValue *a, size_t at, size_t from) {
    if (!a) return;
    KrValue v = a[from];
    memmove(a + at + 1, a + at, (from - at) * sizeof(KrValue));
    a[at] = v;
}

// Binary insertion of [start, hi) into the sorted [lo, start). Each pivot
// stays in place during its comparisons, so an error leaves a permutation.
static bool sorter_insertion(ListSorter *s, size_t lo, size_t start, size_t hi) {
    for (size_t i = start; i < hi; i++) {
        size_t l = lo, h = i;
        while (l < h) {
            size_t m = l + ((h - l) >> 1);
            int c = s->lt(s->r, s->keys[i], s->keys[m]);
            if (c < 0) return false;
            if (c) h = m;
            else l = m + 1;
        }
        list_insert_from(s->keys, l, i);
        list_insert_from(s->vals, l, i);
        if (!kr_run_tick(s->r, 1)) return false;
    }
    return true;
}

static void sorter_put(ListSorter *s, size_t to, const KrValue *kfrom, const KrValue *vfrom, size_t i) {
    s->keys[to] = kfrom[i];
    if (s->vals) s->vals[to] = vfrom[i];
}

// Copies n keys (and values) from src[si..] to dst[di..]; `to_tmp` says
// which way between the array and the scratch.
static void sorter_copy(ListSorter *s, bool to_tmp, size_t di, size_t si, size_t n) {
    if (!n) return;
    KrValue *kd = to_tmp ? s->tk : s->keys, *ks = to_tmp ? s->keys : s->tk;
    memmove(kd + di, ks + si, n * sizeof(KrValue));
    if (!s->vals) return;
    KrValue *vd = to_tmp ? s->tv : s->vals, *vs = to_tmp ? s->vals : s->tv;
    memmove(vd + di, vs + si, n * sizeof(KrValue));
}

// Merges [lo, mid) and [mid, hi) with the left run in scratch. Whatever
// happens, the rest of the scratch goes back into the gap, so the array
// stays a permutation of the items even after an error.
static bool sorter_merge_lo(ListSorter *s, size_t lo, size_t mid, size_t hi) {
    size_t nl = mid - lo, i = 0, j = mid, k = lo;
    sorter_copy(s, true, 0, lo, nl);
    bool ok = true;
    while (i < nl && j < hi) {
        int c = s->lt(s->r, s->keys[j], s->tk[i]);
        if (c < 0) {
            ok = false;
            break;
        }
        if (c) sorter_put(s, k++, s->keys, s->vals, j++);
        else sorter_put(s, k++, s->tk, s->tv, i++);
    }
    sorter_copy(s, false, k, i, nl - i);
    return ok;
}

// The same with the right run in scratch, filling from the end.
static bool sorter_merge_hi(ListSorter *s, size_t lo, size_t mid, size_t hi) {
    size_t j = hi - mid, i = mid, k = hi;
    sorter_copy(s, true, 0, mid, j);
    bool ok = true;
    while (i > lo && j > 0) {
        int c = s->lt(s->r, s->tk[j - 1], s->keys[i - 1]);
        if (c < 0) {
            ok = false;
            break;
        }
        if (c) sorter_put(s, --k, s->keys, s->vals, --i);
        else sorter_put(s, --k, s->tk, s->tv, --j);
    }
    sorter_copy(s, false, i, 0, j);
    return ok;
}

static bool sorter_merge(ListSorter *s, size_t lo, size_t mid, size_t hi) {
    int c = s->lt(s->r, s->keys[mid], s->keys[mid - 1]);
    if (c <= 0) return c == 0; // already in order (presorted input costs n compares)
    if (!list_tick(s->r, hi - lo)) return false;
    return mid - lo <= hi - mid ? sorter_merge_lo(s, lo, mid, hi) : sorter_merge_hi(s, lo, mid, hi);
}

static size_t list_minrun(size_t n) {
    size_t extra = 0;
    while (n >= 64) {
        extra |= n & 1;
        n >>= 1;
    }
    return n + extra;
}

#define LIST_MAX_RUNS 96 // runs on the stack more than double downwards: log2(n) + 2

static bool sorter_run(ListSorter *s, size_t n) {
    size_t base[LIST_MAX_RUNS], len[LIST_MAX_RUNS], top = 0, minrun = list_minrun(n);
    for (size_t lo = 0; lo < n;) {
        size_t run = sorter_count_run(s, lo, n);
        if (run == 0) return false;
        if (run < minrun) {
            size_t force = minrun < n - lo ? minrun : n - lo;
            if (!sorter_insertion(s, lo, lo + run, lo + force)) return false;
            run = force;
        }
        base[top] = lo;
        len[top++] = run;
        lo += run;
        // Merge while the run below is not more than twice the top one;
        // at the end, merge everything.
        while (top >= 2 && (lo == n || len[top - 2] <= 2 * len[top - 1])) {
            size_t b = base[top - 2], m = base[top - 1], h = m + len[top - 1];
            if (!sorter_merge(s, b, m, h)) return false;
            len[top - 2] += len[top - 1];
            top--;
        }
        if (top == LIST_MAX_RUNS) { // cannot happen: runs more than double downwards
            kr_raise(s->r, &kr_exc_SystemError, "sort: run stack overflow");
            return false;
        }
    }
    return true;
}

// Sorts the items held in `hold` (slots: traced places for the keys and
// the scratch, rooted by the caller).
static bool list_sort_held(KrRun *r, KrList *hold, KrValue key, bool reverse, KrValue *slots) {
    size_t n = hold->len;
    ListSorter s = {r, kr_lt, hold->items, NULL, NULL, NULL};
    if (key != KR_NULL) {
        slots[0] = kr_list_new(r, n);
        if (slots[0] == KR_EXC) return false;
        KrList *kl = kr_as_list(slots[0]);
        for (size_t i = 0; i < n; i++) {
            KrValue k = kr_call1(r, key, hold->items[i]);
            if (k == KR_EXC) return false;
            kl->items[kl->len++] = k;
        }
        s.keys = kl->items;
        s.vals = hold->items;
    }
    if (n < 2) return true;
    s.lt = list_pick_lt(s.keys, n);
    size_t half = n / 2 + 1;
    if (list_minrun(n) < n) { // merges will happen: scratch for the smaller run
        slots[1] = kr_list_new(r, s.vals ? 2 * half : half);
        if (slots[1] == KR_EXC) return false;
        KrList *sl = kr_as_list(slots[1]);
        for (size_t i = 0; i < sl->cap; i++) sl->items[i] = KR_NONE;
        sl->len = sl->cap;
        s.tk = sl->items;
        s.tv = s.vals ? sl->items + half : NULL;
    }
    if (reverse) sorter_reverse(&s, 0, n); // reversed before and after: stable
    bool ok = sorter_run(&s, n);
    if (reverse) sorter_reverse(&s, 0, n);
    return ok;
}

bool kr_list_sort(KrRun *r, KrList *l, KrValue key, bool reverse) {
    if (key == KR_NONE) key = KR_NULL;
    if (l->len == 0 || (l->len == 1 && key == KR_NULL)) return true;
    KrList *hold = list_alloc(r, &kr_type_list);
    if (!hold) return false;
    // While sorting, the items live in `hold` and the list looks empty, as
    // in CPython; anything stored into it meanwhile is a modification.
    hold->items = l->items;
    hold->len = l->len;
    hold->cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    KrValue slots[4] = {kr_from_obj(l), kr_from_obj(hold), KR_NONE, KR_NONE};
    bool ok = true;
    for (int i = 0; i < 4; i++) ok = list_root(r, &slots[i]) && ok;
    ok = ok && list_sort_held(r, hold, key, reverse, slots + 2);
    if (l->items || l->len) {
        list_free_items(r, l);
        if (ok) kr_raise(r, &kr_exc_ValueError, "list modified during sort");
        ok = false;
    }
    l->items = hold->items;
    l->len = hold->len;
    l->cap = hold->cap;
    hold->items = NULL;
    hold->len = hold->cap = 0;
    kr_root_pop(r, 4);
    return ok;
}

// ---- methods ------------------------------------------------------------------------------

static KrValue list_m_append(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("append");
    if (!kr_method_args(r, "list.append", argc, kw, 1)) return KR_EXC;
    return kr_list_append(r, kr_as_list(self), args[0]) ? KR_NONE : KR_EXC;
}

static KrValue list_m_extend(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("extend");
    if (!kr_method_args(r, "list.extend", argc, kw, 1)) return KR_EXC;
    return kr_list_extend(r, kr_as_list(self), args[0]) ? KR_NONE : KR_EXC;
}

static KrValue list_m_clear(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    LIST_SELF("clear");
    if (!kr_method_args(r, "list.clear", argc, kw, 0)) return KR_EXC;
    list_free_items(r, kr_as_list(self));
    return KR_NONE;
}

static KrValue list_m_copy(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    LIST_SELF("copy");
    if (!kr_method_args(r, "list.copy", argc, kw, 0)) return KR_EXC;
    return kr_list_from_array(r, kr_as_list(self)->items, kr_as_list(self)->len);
}

static KrValue list_m_reverse(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    LIST_SELF("reverse");
    if (!kr_method_args(r, "list.reverse", argc, kw, 0)) return KR_EXC;
    list_reverse_values(kr_as_list(self)->items, 0, kr_as_list(self)->len);
    return KR_NONE;
}

static KrValue list_m_count(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("count");
    if (!kr_method_args(r, "list.count", argc, kw, 1)) return KR_EXC;
    KrList *l = kr_as_list(self);
    int64_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        int c = kr_eq(r, l->items[i], args[0]);
        if (c < 0 || !kr_run_tick(r, 1)) return KR_EXC;
        n += c;
    }
    return kr_from_small(n);
}

// Finds x in l[start:stop] (bounds as list.index takes them); -1 when
// absent, -2 on error.
static int64_t list_find(KrRun *r, KrList *l, KrValue x, int64_t start, int64_t stop) {
    if (start < 0 && (start += (int64_t)l->len) < 0) start = 0;
    if (stop < 0 && (stop += (int64_t)l->len) < 0) stop = 0;
    for (int64_t i = start; i < stop && (uint64_t)i < l->len; i++) {
        int c = kr_eq(r, l->items[i], x);
        if (c < 0 || !kr_run_tick(r, 1)) return -2;
        if (c) return i;
    }
    return -1;
}

static bool list_bound_arg(KrRun *r, KrValue v, int64_t *out) {
    int k = kr_slice_as_index(r, v, NULL, out);
    if (k == 0)
        kr_raise(r, &kr_exc_TypeError, "slice indices must be integers or have an __index__ method");
    return k == 1;
}

static KrValue list_m_index(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("index");
    if (!kr_args_no_kw(r, "list.index", kw) || !kr_args_count(r, "index", argc, 1, 3)) return KR_EXC;
    int64_t start = 0, stop = INT64_MAX;
    if (argc > 1 && !list_bound_arg(r, args[1], &start)) return KR_EXC;
    if (argc > 2 && !list_bound_arg(r, args[2], &stop)) return KR_EXC;
    int64_t i = list_find(r, kr_as_list(self), args[0], start, stop);
    if (i >= 0) return kr_from_small(i);
    if (i == -2) return KR_EXC;
    KrValue s = kr_repr(r, args[0]);
    if (s == KR_EXC) return KR_EXC;
    return kr_raise(r, &kr_exc_ValueError, "%s is not in list", kr_as_str(s)->data);
}

static KrValue list_m_remove(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("remove");
    if (!kr_method_args(r, "list.remove", argc, kw, 1)) return KR_EXC;
    KrList *l = kr_as_list(self);
    int64_t i = list_find(r, l, args[0], 0, INT64_MAX);
    if (i == -2) return KR_EXC;
    if (i < 0) return kr_raise(r, &kr_exc_ValueError, "list.remove(x): x not in list");
    if ((uint64_t)i < l->len) list_remove_at(l, (size_t)i); // __eq__ may have shrunk l
    return KR_NONE;
}

static KrValue list_m_insert(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("insert");
    if (!kr_args_no_kw(r, "list.insert", kw) || !kr_args_count(r, "insert", argc, 2, 2)) return KR_EXC;
    int64_t i;
    if (!kr_index(r, args[0], &i)) return KR_EXC;
    KrList *l = kr_as_list(self);
    if (i < 0 && (i += (int64_t)l->len) < 0) i = 0;
    if ((uint64_t)i > l->len) i = (int64_t)l->len;
    if (!list_reserve(r, l, 1)) return KR_EXC;
    memmove(l->items + i + 1, l->items + i, (l->len - (size_t)i) * sizeof(KrValue));
    l->items[i] = args[1];
    l->len++;
    return KR_NONE;
}

static KrValue list_m_pop(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("pop");
    if (!kr_args_no_kw(r, "list.pop", kw) || !kr_args_count(r, "pop", argc, 0, 1)) return KR_EXC;
    int64_t i = -1;
    if (argc && !kr_index(r, args[0], &i)) return KR_EXC;
    KrList *l = kr_as_list(self);
    if (l->len == 0) return kr_raise(r, &kr_exc_IndexError, "pop from empty list");
    if (!list_fix_index(&i, l->len)) return kr_raise(r, &kr_exc_IndexError, "pop index out of range");
    KrValue v = l->items[i];
    list_remove_at(l, (size_t)i);
    return v;
}

static KrValue list_m_sort(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("sort");
    if (argc) return kr_raise(r, &kr_exc_TypeError, "sort() takes no positional arguments");
    size_t nkw = kw == KR_NULL ? 0 : kr_as_tuple(kw)->len;
    if (nkw > 2)
        return kr_raise(r, &kr_exc_TypeError, "sort() takes at most 2 keyword arguments (%zu given)", nkw);
    KrValue key = KR_NULL;
    int64_t reverse = 0;
    for (size_t i = 0; i < nkw; i++) {
        KrStr *name = kr_as_str(kr_as_tuple(kw)->items[i]);
        KrValue v = args[argc + i];
        if (kr_str_eq_cstr(name, "key")) key = v;
        else if (kr_str_eq_cstr(name, "reverse")) {
            if (!kr_index(r, v, &reverse)) return KR_EXC;
        } else
            return kr_raise(r, &kr_exc_TypeError, "'%s' is an invalid keyword argument for sort()",
                            name->data);
    }
    return kr_list_sort(r, kr_as_list(self), key, reverse != 0) ? KR_NONE : KR_EXC;
}

static KrValue list_m_init(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("__init__");
    if (!kr_args_no_kw(r, "list", kw) || !kr_args_count(r, "list", argc, 0, 1)) return KR_EXC;
    KrList *l = kr_as_list(self);
    list_free_items(r, l);
    return argc == 0 || kr_list_extend(r, l, args[0]) ? KR_NONE : KR_EXC;
}

static KrValue list_m_reversed(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    LIST_SELF("__reversed__");
    if (!kr_method_args(r, "list.__reversed__", argc, kw, 0)) return KR_EXC;
    KrValue it = kr_seqiter_new(r, &kr_type_list_reverseiterator, self);
    if (it != KR_EXC) ((KrSeqIter *)kr_as_obj(it))->index = kr_as_list(self)->len;
    return it;
}

static KrValue list_m_len(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    LIST_SELF("__len__");
    if (!kr_method_args(r, "list.__len__", argc, kw, 0)) return KR_EXC;
    return kr_from_small((int64_t)kr_as_list(self)->len);
}

static KrValue list_m_getitem(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("__getitem__");
    if (!kr_method_args(r, "list.__getitem__", argc, kw, 1)) return KR_EXC;
    return list_getitem(r, self, args[0]);
}

static KrValue list_m_setitem(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("__setitem__");
    if (!kr_args_no_kw(r, "list.__setitem__", kw) || !kr_args_count(r, "__setitem__", argc, 2, 2))
        return KR_EXC;
    return list_setitem(r, self, args[0], args[1]);
}

static KrValue list_m_delitem(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("__delitem__");
    if (!kr_method_args(r, "list.__delitem__", argc, kw, 1)) return KR_EXC;
    return list_setitem(r, self, args[0], KR_NULL);
}

static KrValue list_m_contains(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("__contains__");
    if (!kr_method_args(r, "list.__contains__", argc, kw, 1)) return KR_EXC;
    int c = list_contains(r, self, args[0]);
    return c < 0 ? KR_EXC : kr_bool(c);
}

static KrValue list_m_iter(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    LIST_SELF("__iter__");
    if (!kr_method_args(r, "list.__iter__", argc, kw, 0)) return KR_EXC;
    return list_iter(r, self);
}

// The operator methods call the sequence behaviour directly, as CPython's
// list.__add__ and friends do (no reflected method is tried).
static KrValue list_m_add(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("__add__");
    if (!kr_method_args(r, "list.__add__", argc, kw, 1)) return KR_EXC;
    if (list_is(args[0])) return list_concat(r, kr_as_list(self), kr_as_list(args[0]));
    return kr_raise(r, &kr_exc_TypeError, "can only concatenate list (not \"%s\") to list",
                    kr_type_name(args[0]));
}

static KrValue list_m_mul(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("__mul__");
    if (!kr_method_args(r, "list.__mul__", argc, kw, 1)) return KR_EXC;
    int64_t count;
    return kr_seq_repeat_count(r, args[0], &count) ? list_repeat(r, kr_as_list(self), count) : KR_EXC;
}

static KrValue list_m_iadd(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("__iadd__");
    if (!kr_method_args(r, "list.__iadd__", argc, kw, 1)) return KR_EXC;
    return kr_list_extend(r, kr_as_list(self), args[0]) ? self : KR_EXC;
}

static KrValue list_m_imul(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    LIST_SELF("__imul__");
    if (!kr_method_args(r, "list.__imul__", argc, kw, 1)) return KR_EXC;
    int64_t count;
    if (!kr_seq_repeat_count(r, args[0], &count)) return KR_EXC;
    return list_irepeat(r, kr_as_list(self), count) ? self : KR_EXC;
}

static const KrMethodDef list_methods[] = {
    {"append", list_m_append, 0},
    {"clear", list_m_clear, 0},
    {"copy", list_m_copy, 0},
    {"count", list_m_count, 0},
    {"extend", list_m_extend, 0},
    {"index", list_m_index, 0},
    {"insert", list_m_insert, 0},
    {"pop", list_m_pop, 0},
    {"remove", list_m_remove, 0},
    {"reverse", list_m_reverse, 0},
    {"sort", list_m_sort, 0},
    {"__init__", list_m_init, 0},
    {"__reversed__", list_m_reversed, 0},
    {"__len__", list_m_len, 0},
    {"__getitem__", list_m_getitem, 0},
    {"__setitem__", list_m_setitem, 0},
    {"__delitem__", list_m_delitem, 0},
    {"__contains__", list_m_contains, 0},
    {"__iter__", list_m_iter, 0},
    {"__add__", list_m_add, 0},
    {"__mul__", list_m_mul, 0},
    {"__rmul__", list_m_mul, 0},
    {"__iadd__", list_m_iadd, 0},
    {"__imul__", list_m_imul, 0},
    {NULL, NULL, 0},
};

static KrValue list_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                              KrValue kwnames) {
    if (!kr_args_no_kw(r, "list", kwnames) || !kr_args_count(r, "list", argc, 0, 1)) return KR_EXC;
    KrList *l = list_alloc(r, t);
    if (!l) return KR_EXC;
    if (argc && !kr_list_extend(r, l, args[0])) return KR_EXC;
    return kr_from_obj(l);
}

const KrType kr_type_list = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "list",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrList),
    .trace = list_trace,
    .finalize = list_finalize,
    .construct = list_construct,
    .repr = list_repr,
    .compare = list_compare,
    .binary = list_binary,
    .inplace = list_inplace,
    .len = list_len, // truth comes from len, so a subclass's __len__ counts
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .iter = list_iter,
    .methods = list_methods,
    .snap = &list_snap,
};

// ---- run snapshots ----------------------------------------------------------------------------

static bool list_snap_write(KrRsWriter *w, const KrObj *o) {
    const KrList *l = (const KrList *)o;
    kr_snap_put_uvar(kr_rs_out(w), l->len);
    kr_rs_put_items(w, l->items, l->len);
    return true;
}

static KrObj *list_snap_read(KrRsReader *rd, const KrType *t) {
    size_t n = kr_rs_get_item_count(rd, SIZE_MAX / sizeof(KrValue));
    if (!kr_snap_ok(kr_rs_in(rd))) return NULL;
    KrList *l = kr_rs_alloc(rd, t, sizeof(KrList));
    if (!l) return NULL;
    memset((char *)l + sizeof(KrObj), 0, sizeof(KrList) - sizeof(KrObj));
    if (n) {
        l->items = kr_rs_mem(rd, n * sizeof(KrValue));
        if (!l->items) return NULL;
        l->cap = n;
        l->len = n; // kr_rs_get_items writes every item, failing or not
    }
    return kr_rs_get_items(rd, l->items, n) ? &l->ob : NULL;
}

static const KrSnapOps list_snap = {NULL, list_snap_write, list_snap_read, NULL};
