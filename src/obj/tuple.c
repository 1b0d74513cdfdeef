// tuple.c: the tuple type: an immutable array stored inline after the
// header, with CPython's xxHash-based hash (so hash((1, 2)) matches),
// lexicographic comparison, concatenation, repetition and slicing.
#include "../types.h"
#include "../runsnap.h"


const KrTuple kr_empty_tuple = {KR_STATIC_HEADER(&kr_type_tuple), 0};

static bool tuple_is(KrValue v) {
    return kr_is_type(v, &kr_type_tuple) || (kr_is_ptr(v) && kr_isinstance(v, &kr_type_tuple));
}

// Tuples of type t (a subclass of tuple for namedtuple-like classes).
static KrTuple *tuple_alloc(KrRun *r, const KrType *t, size_t n) {
    size_t bytes;
    if (!kr_size_mul(n, sizeof(KrValue), &bytes) || !kr_size_add(bytes, sizeof(KrTuple), &bytes)) {
        kr_raise_value(r, kr_from_obj(&kr_exc_MemoryError));
        return NULL;
    }
    KrTuple *tp = kr_gc_alloc(r, t, bytes);
    if (!tp) return NULL;
    tp->len = n;
    for (size_t i = 0; i < n; i++) tp->items[i] = KR_NONE;
    return tp;
}

KrValue kr_tuple_new(KrRun *r, size_t n) {
    if (n == 0) return kr_from_obj(&kr_empty_tuple);
    KrTuple *tp = tuple_alloc(r, &kr_type_tuple, n);
    return tp ? kr_from_obj(tp) : KR_EXC;
}

KrValue kr_tuple_from_array(KrRun *r, const KrValue *items, size_t n) {
    KrValue v = kr_tuple_new(r, n);
    if (v != KR_EXC && n) memcpy(kr_as_tuple(v)->items, items, n * sizeof(KrValue));
    return v;
}

KrValue kr_tuple_pack2(KrRun *r, KrValue a, KrValue b) {
    KrValue v = kr_tuple_new(r, 2);
    if (v == KR_EXC) return KR_EXC;
    kr_as_tuple(v)->items[0] = a;
    kr_as_tuple(v)->items[1] = b;
    return v;
}

KrValue kr_tuple_from_iter(KrRun *r, KrValue iterable) {
    if (kr_is_type(iterable, &kr_type_tuple)) return iterable;
    if (kr_is_type(iterable, &kr_type_list))
        return kr_tuple_from_array(r, kr_as_list(iterable)->items, kr_as_list(iterable)->len);
    KrValue l = kr_list_from_iter(r, iterable);
    if (l == KR_EXC) return KR_EXC;
    return kr_tuple_from_array(r, kr_as_list(l)->items, kr_as_list(l)->len);
}

static void tuple_trace(KrRun *r, KrObj *o) {
    KrTuple *t = (KrTuple *)o;
    for (size_t i = 0; i < t->len; i++) kr_gc_mark(r, t->items[i]);
}

static size_t tuple_objsize(const KrObj *o) {
    return sizeof(KrTuple) + ((const KrTuple *)o)->len * sizeof(KrValue);
}

// ---- hash and comparison ---------------------------------------------------------
// The hash is xxHash's round over the item hashes (64-bit primes, rotate
// by 31), then the length mixed in, as CPython 3.8+ computes it.
#define TUPLE_PRIME1 11400714785074694791ULL
#define TUPLE_PRIME2 14029467366897019727ULL
#define TUPLE_PRIME5 2870177450012600261ULL

bool kr_tuple_hash_items(KrRun *r, const KrValue *items, size_t n, int64_t *out) {
    uint64_t acc = TUPLE_PRIME5;
    for (size_t i = 0; i < n; i++) {
        int64_t h;
        if (!kr_hash(r, items[i], &h)) return false;
        acc += (uint64_t)h * TUPLE_PRIME2;
        acc = (acc << 31) | (acc >> 33);
        acc *= TUPLE_PRIME1;
    }
    acc += (uint64_t)n ^ (TUPLE_PRIME5 ^ 3527539ULL);
    *out = acc == UINT64_MAX ? 1546275796 : (int64_t)acc; // -1 is never a hash
    return true;
}

static bool tuple_hash(KrRun *r, KrValue v, int64_t *out) {
    return kr_tuple_hash_items(r, kr_as_tuple(v)->items, kr_as_tuple(v)->len, out);
}

static KrValue tuple_cmp_sizes(size_t a, size_t b, KrCmpOp op) {
    switch (op) {
    case KR_CMP_LT: return kr_bool(a < b);
    case KR_CMP_LE: return kr_bool(a <= b);
    case KR_CMP_EQ: return kr_bool(a == b);
    case KR_CMP_NE: return kr_bool(a != b);
    case KR_CMP_GT: return kr_bool(a > b);
    default: return kr_bool(a >= b);
    }
}

KrValue kr_tuple_compare_items(KrRun *r, const KrValue *a, size_t na, const KrValue *b, size_t nb,
                               KrCmpOp op) {
    if ((op == KR_CMP_EQ || op == KR_CMP_NE) && na != nb) return kr_bool(op == KR_CMP_NE);
    size_t i = 0;
    for (; i < na && i < nb; i++) {
        int c = kr_eq(r, a[i], b[i]);
        if (c < 0 || (c && !kr_run_tick(r, 1))) return KR_EXC;
        if (!c) break;
    }
    if (i >= na || i >= nb) return tuple_cmp_sizes(na, nb, op);
    if (op == KR_CMP_EQ) return KR_FALSE;
    if (op == KR_CMP_NE) return KR_TRUE;
    return kr_compare(r, a[i], b[i], op);
}

static KrValue tuple_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    if (!tuple_is(a) || !tuple_is(b)) return KR_NOTIMPL;
    KrTuple *x = kr_as_tuple(a), *y = kr_as_tuple(b);
    return kr_tuple_compare_items(r, x->items, x->len, y->items, y->len, op);
}

// ---- repr ---------------------------------------------------------------------------

static KrValue tuple_repr(KrRun *r, KrValue v) {
    KrTuple *t = kr_as_tuple(v);
    if (t->len == 0) return kr_str_from_cstr(r, "()");
    int g = kr_repr_enter(r, v); // a tuple can contain itself through a list
    if (g != 0) return g < 0 ? KR_EXC : kr_str_from_cstr(r, "(...)");
    KrBuf b;
    char b_local[KR_BUF_LOCAL];
    kr_buf_init_local(&b, kr_run_allocator(r), b_local, sizeof b_local);
    bool ok = kr_buf_append_char(&b, '(');
    for (size_t i = 0; ok && i < t->len; i++) {
        KrValue s = kr_repr(r, t->items[i]);
        ok = s != KR_EXC && (i == 0 || kr_buf_append(&b, ", ", 2)) &&
             kr_buf_append(&b, kr_as_str(s)->data, kr_as_str(s)->nbytes) && kr_run_tick(r, 1);
    }
    ok = ok && (t->len != 1 || kr_buf_append_char(&b, ',')) && kr_buf_append_char(&b, ')');
    KrValue res = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    kr_repr_leave(r, v);
    return res;
}

// ---- sequence protocol ---------------------------------------------------------------

static bool tuple_len(KrRun *r, KrValue v, size_t *out) {
    (void)r;
    *out = kr_as_tuple(v)->len;
    return true;
}

static int tuple_contains(KrRun *r, KrValue o, KrValue x) {
    KrTuple *t = kr_as_tuple(o);
    for (size_t i = 0; i < t->len; i++) {
        int c = kr_eq(r, t->items[i], x);
        if (c) return c;
        if (!kr_run_tick(r, 1)) return -1;
    }
    return 0;
}

static KrValue tuple_iter(KrRun *r, KrValue o) { return kr_seqiter_new(r, &kr_type_tuple_iterator, o); }

static KrValue tuple_get_slice(KrRun *r, KrValue o, KrSlice *s) {
    KrTuple *t = kr_as_tuple(o);
    int64_t start, stop, step;
    size_t n;
    if (!kr_slice_indices(r, s, t->len, &start, &stop, &step, &n)) return KR_EXC;
    if (n == t->len && step == 1 && kr_is_type(o, &kr_type_tuple)) return o;
    KrValue res = kr_tuple_new(r, n);
    if (res == KR_EXC) return KR_EXC;
    for (size_t k = 0; k < n; k++) kr_as_tuple(res)->items[k] = t->items[start + (int64_t)k * step];
    return res;
}

static KrValue tuple_getitem(KrRun *r, KrValue o, KrValue key) {
    KrTuple *t = kr_as_tuple(o);
    int64_t i;
    if (kr_is_small(key)) i = kr_as_small(key);
    else if (kr_is_type(key, &kr_type_slice)) return tuple_get_slice(r, o, (KrSlice *)kr_as_obj(key));
    else {
        int k = kr_slice_as_index(r, key, &kr_exc_IndexError, &i);
        if (k == 0)
            return kr_raise(r, &kr_exc_TypeError, "tuple indices must be integers or slices, not %s",
                            kr_type_name(key));
        if (k < 0) return KR_EXC;
    }
    if (i < 0) i += (int64_t)t->len;
    if (i < 0 || (uint64_t)i >= t->len) return kr_raise(r, &kr_exc_IndexError, "tuple index out of range");
    return t->items[i];
}

// ---- arithmetic ---------------------------------------------------------------------------

static KrValue tuple_concat(KrRun *r, KrValue a, KrValue b) {
    KrTuple *x = kr_as_tuple(a), *y = kr_as_tuple(b);
    if (y->len == 0 && kr_is_type(a, &kr_type_tuple)) return a;
    if (x->len == 0 && kr_is_type(b, &kr_type_tuple)) return b;
    size_t n;
    if (!kr_size_add(x->len, y->len, &n)) return kr_raise_value(r, kr_from_obj(&kr_exc_MemoryError));
    KrValue res = kr_tuple_new(r, n);
    if (res == KR_EXC) return KR_EXC;
    memcpy(kr_as_tuple(res)->items, x->items, x->len * sizeof(KrValue));
    memcpy(kr_as_tuple(res)->items + x->len, y->items, y->len * sizeof(KrValue));
    return res;
}

static KrValue tuple_repeat(KrRun *r, KrValue a, int64_t count) {
    KrTuple *t = kr_as_tuple(a);
    if ((t->len == 0 || count == 1) && kr_is_type(a, &kr_type_tuple)) return a;
    if (t->len == 0 || count <= 0) return kr_from_obj(&kr_empty_tuple);
    size_t n;
    if (!kr_size_mul(t->len, (size_t)count, &n)) return kr_raise_value(r, kr_from_obj(&kr_exc_MemoryError));
    KrValue res = kr_tuple_new(r, n);
    if (res == KR_EXC) return KR_EXC;
    KrValue *d = kr_as_tuple(res)->items;
    memcpy(d, t->items, t->len * sizeof(KrValue));
    for (size_t done = t->len; done < n;) { // doubling copies
        size_t chunk = done < n - done ? done : n - done;
        memcpy(d + done, d, chunk * sizeof(KrValue));
        done += chunk;
        size_t cost = chunk / 32 + 1;
        if (!kr_run_tick(r, cost > (1u << 24) ? (int32_t)(1 << 24) : (int32_t)cost)) return KR_EXC;
    }
    return res;
}

static KrValue tuple_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    if (op != KR_BIN_ADD && op != KR_BIN_MUL) return KR_NOTIMPL;
    int64_t count;
    if (!tuple_is(a)) { // n * tuple: a's own slot has declined already
        if (op != KR_BIN_MUL || !tuple_is(b)) return KR_NOTIMPL;
        return kr_seq_repeat_count(r, a, &count) ? tuple_repeat(r, b, count) : KR_EXC;
    }
    if (op == KR_BIN_ADD && tuple_is(b)) return tuple_concat(r, a, b);
    // A user class on the right gets its reflected method first.
    const KrType *bt = kr_typeof(b);
    if ((bt->flags & KR_TF_HEAP) && bt->binary && !tuple_is(b)) {
        KrValue res = bt->binary(r, a, b, op);
        if (res != KR_NOTIMPL) return res;
    }
    if (op == KR_BIN_ADD)
        return kr_raise(r, &kr_exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                        kr_type_name(b));
    return kr_seq_repeat_count(r, b, &count) ? tuple_repeat(r, a, count) : KR_EXC;
}

// ---- methods ---------------------------------------------------------------------------------

static bool tuple_check_self(KrRun *r, const char *name, KrValue self) {
    if (tuple_is(self)) return true;
    kr_raise(r, &kr_exc_TypeError, "descriptor '%s' for 'tuple' objects doesn't apply to a '%s' object",
             name, kr_type_name(self));
    return false;
}

static bool tuple_args_one(KrRun *r, const char *fname, size_t argc, KrValue kwnames) {
    if (!kr_args_no_kw(r, fname, kwnames)) return false;
    if (argc == 1) return true;
    kr_raise(r, &kr_exc_TypeError, "%s() takes exactly one argument (%zu given)", fname, argc);
    return false;
}

static KrValue tuple_m_count(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!tuple_check_self(r, "count", self) || !tuple_args_one(r, "tuple.count", argc, kw)) return KR_EXC;
    KrTuple *t = kr_as_tuple(self);
    int64_t n = 0;
    for (size_t i = 0; i < t->len; i++) {
        int c = kr_eq(r, t->items[i], args[0]);
        if (c < 0 || !kr_run_tick(r, 1)) return KR_EXC;
        n += c;
    }
    return kr_from_small(n);
}

static bool tuple_bound_arg(KrRun *r, KrValue v, int64_t *out) {
    int k = kr_slice_as_index(r, v, NULL, out);
    if (k == 0)
        kr_raise(r, &kr_exc_TypeError, "slice indices must be integers or have an __index__ method");
    return k == 1;
}

static KrValue tuple_m_index(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!tuple_check_self(r, "index", self) || !kr_args_no_kw(r, "tuple.index", kw) ||
        !kr_args_count(r, "index", argc, 1, 3))
        return KR_EXC;
    KrTuple *t = kr_as_tuple(self);
    int64_t start = 0, stop = INT64_MAX;
    if (argc > 1 && !tuple_bound_arg(r, args[1], &start)) return KR_EXC;
    if (argc > 2 && !tuple_bound_arg(r, args[2], &stop)) return KR_EXC;
    if (start < 0 && (start += (int64_t)t->len) < 0) start = 0;
    if (stop < 0 && (stop += (int64_t)t->len) < 0) stop = 0;
    for (int64_t i = start; i < stop && (uint64_t)i < t->len; i++) {
        int c = kr_eq(r, t->items[i], args[0]);
        if (c < 0 || !kr_run_tick(r, 1)) return KR_EXC;
        if (c) return kr_from_small(i);
    }
    return kr_raise(r, &kr_exc_ValueError, "tuple.index(x): x not in tuple");
}

static KrValue tuple_m_len(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!tuple_check_self(r, "__len__", self) || !kr_args_no_kw(r, "tuple.__len__", kw)) return KR_EXC;
    if (argc) return kr_raise(r, &kr_exc_TypeError, "expected 0 arguments, got %zu", argc);
    return kr_from_small((int64_t)kr_as_tuple(self)->len);
}

static KrValue tuple_m_getitem(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!tuple_check_self(r, "__getitem__", self) || !tuple_args_one(r, "tuple.__getitem__", argc, kw))
        return KR_EXC;
    return tuple_getitem(r, self, args[0]);
}

static KrValue tuple_m_contains(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!tuple_check_self(r, "__contains__", self) || !tuple_args_one(r, "tuple.__contains__", argc, kw))
        return KR_EXC;
    int c = tuple_contains(r, self, args[0]);
    return c < 0 ? KR_EXC : kr_bool(c);
}

static KrValue tuple_m_iter(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!tuple_check_self(r, "__iter__", self) || !kr_args_no_kw(r, "tuple.__iter__", kw)) return KR_EXC;
    if (argc) return kr_raise(r, &kr_exc_TypeError, "expected 0 arguments, got %zu", argc);
    return tuple_iter(r, self);
}

static KrValue tuple_m_add(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!tuple_check_self(r, "__add__", self) || !tuple_args_one(r, "tuple.__add__", argc, kw)) return KR_EXC;
    if (tuple_is(args[0])) return tuple_concat(r, self, args[0]);
    return kr_raise(r, &kr_exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                    kr_type_name(args[0]));
}

static KrValue tuple_m_mul(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!tuple_check_self(r, "__mul__", self) || !tuple_args_one(r, "tuple.__mul__", argc, kw)) return KR_EXC;
    int64_t count;
    return kr_seq_repeat_count(r, args[0], &count) ? tuple_repeat(r, self, count) : KR_EXC;
}

static const KrMethodDef tuple_methods[] = {
    {"count", tuple_m_count, 0},
    {"index", tuple_m_index, 0},
    {"__len__", tuple_m_len, 0},
    {"__getitem__", tuple_m_getitem, 0},
    {"__contains__", tuple_m_contains, 0},
    {"__iter__", tuple_m_iter, 0},
    {"__add__", tuple_m_add, 0},
    {"__mul__", tuple_m_mul, 0},
    {"__rmul__", tuple_m_mul, 0},
    {NULL, NULL, 0},
};

static KrValue tuple_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                               KrValue kwnames) {
    if (!kr_args_no_kw(r, "tuple", kwnames) || !kr_args_count(r, "tuple", argc, 0, 1)) return KR_EXC;
    KrValue src = argc ? kr_tuple_from_iter(r, args[0]) : kr_from_obj(&kr_empty_tuple);
    if (src == KR_EXC || t == &kr_type_tuple) return src;
    KrTuple *s = kr_as_tuple(src), *d = tuple_alloc(r, t, s->len); // a subclass instance
    if (!d) return KR_EXC;
    if (s->len) memcpy(d->items, s->items, s->len * sizeof(KrValue));
    return kr_from_obj(d);
}

const KrType kr_type_tuple = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "tuple",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrTuple),
    .trace = tuple_trace,
    .objsize = tuple_objsize,
    .construct = tuple_construct,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .compare = tuple_compare,
    .binary = tuple_binary,
    .len = tuple_len, // truth comes from len, so a subclass's __len__ counts
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .iter = tuple_iter,
    .methods = tuple_methods,
    .snap = &kr_tuple_snap,
};

// ---- run snapshots ----------------------------------------------------------------------------

static bool tuple_snap_write(KrRsWriter *w, const KrObj *o) {
    const KrTuple *t = (const KrTuple *)o;
    kr_snap_put_uvar(kr_rs_out(w), t->len);
    kr_rs_put_items(w, t->items, t->len);
    return true;
}

// Any type laid out as a tuple: tuple itself (() is the shared one), its
// subclasses, and static tuple types (sys.version_info's).
static KrObj *tuple_snap_read(KrRsReader *rd, const KrType *t) {
    size_t n = kr_rs_get_item_count(rd, SIZE_MAX / sizeof(KrValue) - 8);
    if (!kr_snap_ok(kr_rs_in(rd))) return NULL;
    if (n == 0 && t == &kr_type_tuple) return kr_rs_get_items(rd, NULL, 0) ? (KrObj *)&kr_empty_tuple.ob : NULL;
    KrTuple *tp = kr_rs_alloc(rd, t, sizeof(KrTuple) + n * sizeof(KrValue));
    if (!tp) return NULL;
    tp->len = n; // kr_rs_get_items writes every item, failing or not
    return kr_rs_get_items(rd, tp->items, n) ? &tp->ob : NULL;
}

const KrSnapOps kr_tuple_snap = {NULL, tuple_snap_write, tuple_snap_read, NULL};
