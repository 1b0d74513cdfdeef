// bytearray.c: the bytearray type, a mutable byte string in an owned,
// growable buffer. The object starts like a KrBytes (see types.h), so the
// searching, splitting, stripping and case methods are bytes.c's own: a
// wrapper checks the arguments under bytearray's name, runs the bytes
// method on the bytearray and copies its bytes results into bytearrays.
// This file adds construction, item and slice assignment, the operators
// and the mutating methods.
//
// Python code (an __index__, an iterator) may resize a bytearray, so no
// pointer into a buffer is kept across a call that can run it.
#include <stddef.h>
#include "../types.h"
#include "class.h"
#include "../runsnap.h"

static const KrSnapOps bytearray_snap, bytearray_iter_snap;

_Static_assert(offsetof(KrByteArray, hash) == offsetof(KrBytes, hash), "KrByteArray mirrors KrBytes");
_Static_assert(offsetof(KrByteArray, len) == offsetof(KrBytes, len), "KrByteArray mirrors KrBytes");
_Static_assert(offsetof(KrByteArray, data) == offsetof(KrBytes, data), "KrByteArray mirrors KrBytes");

// The data of a bytearray without a buffer: never written (cap is 0).
static const uint8_t bytearray_nothing[1] = {0};

static KrByteArray *bytearray_of(KrValue v) { return (KrByteArray *)kr_as_obj(v); }

static bool bytearray_is(KrValue v) { return kr_is_ptr(v) && kr_isinstance(v, &kr_type_bytearray); }

// A size that overflowed, or a KrBuf that failed: MemoryError, unless the
// allocator already ended the run with a limit error.
static bool bytearray_oom(KrRun *r) {
    if (!r->limit_hit && r->exc == KR_NULL) kr_raise_value(r, kr_from_obj(&kr_exc_MemoryError));
    return false;
}

// ---- the buffer ------------------------------------------------------------------

// Sets the length to n >= len; the new bytes are not initialised. Grows as
// CPython does: some extra for small steps (appends are amortised), the
// exact size otherwise. On failure a is unchanged.
static bool bytearray_grow(KrRun *r, KrByteArray *a, size_t n) {
    if (n == 0) return true;
    size_t need;
    if (!kr_size_add(n, 1, &need)) return bytearray_oom(r); // the NUL
    if (need > a->cap) {
        size_t cap = need, more;
        if (a->cap && n - a->cap < a->cap / 8 && kr_size_add(n, (n >> 3) + (n < 9 ? 3 : 6), &more))
            cap = more;
        uint8_t *p = a->cap ? kr_mem_realloc(r, a->data, a->cap, cap) : kr_mem_alloc(r, cap);
        if (!p) return false;
        a->data = p;
        a->cap = cap;
    }
    a->len = n;
    a->data[n] = 0;
    return true;
}

// Sets the length to n <= len, giving memory back when less than half the
// buffer stays in use. false (a valid, of length n) if the smaller block
// could not be had.
static bool bytearray_shrink(KrRun *r, KrByteArray *a, size_t n) {
    a->len = n;
    if (a->cap == 0) return true;
    if (n == 0) {
        kr_mem_free(r, a->data, a->cap);
        a->data = (uint8_t *)bytearray_nothing;
        a->cap = 0;
        return true;
    }
    a->data[n] = 0;
    if (n >= a->cap / 2) return true;
    uint8_t *p = kr_mem_realloc(r, a->data, a->cap, n + 1);
    if (!p) return false;
    a->data = p;
    a->cap = n + 1;
    return true;
}

// a[lo:hi] = src[0:m] (lo <= hi <= len). src must not point into a's buffer.
static bool bytearray_splice(KrRun *r, KrByteArray *a, size_t lo, size_t hi, const uint8_t *src,
                             size_t m) {
    size_t gone = hi - lo, tail = a->len - hi;
    if (m > gone) {
        size_t n;
        if (!kr_size_add(a->len, m - gone, &n)) return bytearray_oom(r);
        if (!bytearray_grow(r, a, n)) return false;
    }
    memmove(a->data + lo + m, a->data + hi, tail);
    if (m) memcpy(a->data + lo, src, m);
    if (m < gone && !bytearray_shrink(r, a, a->len - (gone - m))) return false;
    return kr_run_tick_bytes(r, tail + m);
}

// Appends the bytes of the bytes-like value src (which may be a itself).
static bool bytearray_append_view(KrRun *r, KrByteArray *a, KrValue src) {
    const uint8_t *d;
    size_t n, old = a->len, total;
    if (!kr_bytes_view(src, &d, &n)) return false;
    if (!kr_size_add(old, n, &total)) return bytearray_oom(r);
    size_t n0 = n;
    if (!bytearray_grow(r, a, total)) return false;
    kr_bytes_view(src, &d, &n); // again: when src is a, its buffer may have moved
    if (n0) memmove(a->data + old, d, n0);
    return kr_run_tick_bytes(r, n0);
}

static bool bytearray_append_raw(KrRun *r, KrByteArray *a, const void *d, size_t n) {
    size_t old = a->len, total;
    if (!kr_size_add(old, n, &total)) return bytearray_oom(r);
    if (!bytearray_grow(r, a, total)) return false;
    if (n) memcpy(a->data + old, d, n);
    return kr_run_tick_bytes(r, n);
}

// ---- allocation ------------------------------------------------------------------

// An empty bytearray of type t: bytearray itself or a class derived from
// it (kr_gc_alloc adds such an instance's dict slot).
static KrByteArray *bytearray_alloc(KrRun *r, const KrType *t) {
    KrByteArray *a = kr_gc_alloc(r, t, sizeof(KrByteArray));
    if (!a) return NULL;
    a->hash = -1;
    a->len = 0;
    a->cap = 0;
    a->data = (uint8_t *)bytearray_nothing;
    return a;
}

KrValue kr_bytearray_new(KrRun *r, const void *data, size_t n) {
    KrByteArray *a = bytearray_alloc(r, &kr_type_bytearray);
    if (!a || !bytearray_grow(r, a, n)) return KR_EXC;
    if (n) memcpy(a->data, data, n);
    return kr_from_obj(a);
}

// A new bytearray with the contents of a bytes-like value.
static KrValue bytearray_copy_of(KrRun *r, KrValue v) {
    const uint8_t *d;
    size_t n;
    if (!kr_bytes_view(v, &d, &n)) return KR_EXC;
    return kr_bytearray_new(r, d, n);
}

static void bytearray_finalize(KrRun *r, KrObj *o) {
    KrByteArray *a = (KrByteArray *)o;
    if (a->cap) kr_mem_free(r, a->data, a->cap);
    a->data = (uint8_t *)bytearray_nothing;
    a->cap = a->len = 0;
}

// ---- byte values and iterables ----------------------------------------------------

// An int (or an object with __index__) in range(0, 256), CPython's messages.
static bool bytearray_byte(KrRun *r, KrValue v, uint8_t *out) {
    int64_t x;
    if (kr_is_small(v)) x = kr_as_small(v);
    else if (kr_is_bool(v)) x = v == KR_TRUE;
    else if (kr_is_int(v)) {
        if (!kr_int_to_i64(v, &x)) x = -1; // any big int is out of range
    } else if (!kr_index(r, v, &x)) {
        return false;
    }
    if (x < 0 || x > 255) {
        kr_raise(r, &kr_exc_ValueError, "byte must be in range(0, 256)");
        return false;
    }
    *out = (uint8_t)x;
    return true;
}

static bool bytearray_push_byte(KrRun *r, KrBuf *b, KrValue item) {
    uint8_t c;
    if (!bytearray_byte(r, item, &c)) return false;
    return kr_buf_append_char(b, (char)c) || bytearray_oom(r);
}

// Items of a list or tuple: the length is read again each time, as an
// item's __index__ may change a list.
static bool bytearray_collect_seq(KrRun *r, KrBuf *b, KrValue src) {
    bool list = kr_is_type(src, &kr_type_list);
    for (size_t i = 0; i < (list ? kr_as_list(src)->len : kr_as_tuple(src)->len); i++) {
        KrValue item = list ? kr_as_list(src)->items[i] : kr_as_tuple(src)->items[i];
        if (!bytearray_push_byte(r, b, item) || ((i & 255) == 255 && !kr_run_tick(r, 1)))
            return false;
    }
    return true;
}

// Appends the byte values of iterable src to b. A value that is not
// iterable gives "can't extend bytearray with X" (extend) or "cannot
// convert 'X' object to bytearray".
static bool bytearray_collect(KrRun *r, KrBuf *b, KrValue src, bool extend) {
    if (kr_is_type(src, &kr_type_list) || kr_is_type(src, &kr_type_tuple))
        return bytearray_collect_seq(r, b, src);
    KrValue it = kr_iter(r, src);
    if (it == KR_EXC) {
        if (!kr_pending_is(r, &kr_exc_TypeError)) return false;
        kr_clear_exc(r);
        if (extend) kr_raise(r, &kr_exc_TypeError, "can't extend bytearray with %s", kr_type_name(src));
        else kr_raise(r, &kr_exc_TypeError, "cannot convert '%s' object to bytearray", kr_type_name(src));
        return false;
    }
    kr_root_push(r, &it); // next() may run Python code (generators)
    bool ok = true;
    for (;;) {
        KrValue item = kr_next(r, it);
        if (item == KR_STOP) break;
        if (item == KR_EXC || !bytearray_push_byte(r, b, item) || !kr_run_tick(r, 1)) {
            ok = false;
            break;
        }
    }
    kr_root_pop(r, 1);
    return ok;
}

// ---- construction: bytearray(source, encoding, errors) -------------------------------

static KrValue bytearray_no_string(KrRun *r, KrValue encoding) {
    return kr_raise(r, &kr_exc_TypeError, "%s without a string argument",
                    encoding != KR_NULL ? "encoding" : "errors");
}

static KrValue bytearray_init_str(KrRun *r, KrByteArray *a, KrValue s, KrValue encoding,
                                  KrValue errors) {
    if (encoding == KR_NULL)
        return kr_raise(r, &kr_exc_TypeError, "string argument without an encoding");
    KrCodec codec;
    KrErrHandler eh;
    const char *ehname;
    if (!kr_str_codec_args(r, "bytearray", encoding, errors, &codec, &eh, &ehname)) return KR_EXC;
    KrValue b = kr_str_encode(r, s, codec, eh, ehname);
    if (b == KR_EXC) return KR_EXC;
    return bytearray_append_view(r, a, b) ? KR_NONE : KR_EXC;
}

// bytearray(n): n zero bytes.
static KrValue bytearray_init_count(KrRun *r, KrByteArray *a, int64_t count) {
    if (count < 0) return kr_raise(r, &kr_exc_ValueError, "negative count");
    if ((uint64_t)count > SIZE_MAX) return bytearray_oom(r), KR_EXC;
    if (!bytearray_grow(r, a, (size_t)count)) return KR_EXC;
    return kr_run_fill(r, a->data, 0, (size_t)count) ? KR_NONE : KR_EXC;
}

static KrValue bytearray_init_object(KrRun *r, KrValue self, KrValue src) {
    KrByteArray *a = bytearray_of(self);
    int64_t count;
    int k = kr_slice_as_index(r, src, &kr_exc_OverflowError, &count);
    if (k < 0) return KR_EXC;
    if (k > 0) return bytearray_init_count(r, a, count);
    const uint8_t *d;
    size_t n;
    if (kr_bytes_view(src, &d, &n)) return bytearray_append_view(r, a, src) ? KR_NONE : KR_EXC;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = bytearray_collect(r, &b, src, false) && bytearray_append_raw(r, a, b.data, b.len);
    kr_buf_free(&b);
    return ok ? KR_NONE : KR_EXC;
}

KrValue kr_bytearray_init(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kwnames) {
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    KrValue a[3];
    if (!kr_str_bind_args(r, "bytearray", names, argc, args, kwnames, a)) return KR_EXC;
    // Argument Clinic checks the argument types before anything else.
    for (size_t k = 1; k < 3; k++)
        if (a[k] != KR_NULL && !kr_is_str(a[k]))
            return kr_raise(r, &kr_exc_TypeError, "bytearray() argument '%s' must be str, not %s",
                            names[k], a[k] == KR_NONE ? "None" : kr_type_name(a[k]));
    KrByteArray *ba = bytearray_of(self);
    if (!bytearray_shrink(r, ba, 0)) return KR_EXC; // __init__ starts from empty
    if (a[0] == KR_NULL) return a[1] != KR_NULL || a[2] != KR_NULL ? bytearray_no_string(r, a[1]) : KR_NONE;
    if (kr_is_str(a[0])) return bytearray_init_str(r, ba, a[0], a[1], a[2]);
    if (a[1] != KR_NULL || a[2] != KR_NULL) return bytearray_no_string(r, a[1]);
    return bytearray_init_object(r, self, a[0]);
}

static KrValue bytearray_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                                   KrValue kwnames) {
    if (t != &kr_type_bytearray && (!(t->flags & KR_TF_HEAP) || t->layout != &kr_type_bytearray))
        return kr_raise(r, &kr_exc_TypeError, "cannot create '%s' instances", t->name);
    KrByteArray *a = bytearray_alloc(r, t);
    if (!a) return KR_EXC;
    KrValue self = kr_from_obj(a);
    // A derived class's instance starts empty: its __init__ fills it (as
    // CPython's tp_new / tp_init split).
    if (t != &kr_type_bytearray) return self;
    kr_root_push(r, &self); // __init__ may run Python code (iterators, __index__)
    KrValue res = kr_bytearray_init(r, self, argc, args, kwnames);
    kr_root_pop(r, 1);
    return res == KR_EXC ? KR_EXC : self;
}

// ---- repr, len, iteration --------------------------------------------------------------

// bytearray(b'...'), with the class's name for a derived class. Unlike
// bytes, CPython escapes ' even inside double quotes: bytearray(b"a\'b").
static KrValue bytearray_repr(KrRun *r, KrValue v) {
    KrValue inner = kr_bytes_repr(r, v);
    if (inner == KR_EXC) return KR_EXC;
    const KrStr *in = kr_as_str(inner);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool dq = in->nbytes > 1 && in->data[1] == '"'; // b"...": each ' is the data's own
    bool ok = kr_buf_reserve(&b, in->nbytes + 16) && kr_buf_printf(&b, "%s(", kr_type_name(v));
    for (size_t i = 0; ok && i < in->nbytes; i++) {
        char c = in->data[i];
        ok = (!dq || c != '\'' || kr_buf_append_char(&b, '\\')) && kr_buf_append_char(&b, c);
    }
    ok = ok && kr_buf_append_char(&b, ')') && kr_run_tick_bytes(r, in->nbytes);
    KrValue s = ok ? kr_str_from_buf(r, &b) : (bytearray_oom(r), KR_EXC);
    kr_buf_free(&b);
    return s;
}

static bool bytearray_len(KrRun *r, KrValue v, size_t *out) {
    (void)r;
    *out = bytearray_of(v)->len;
    return true;
}

static KrValue bytearray_iter(KrRun *r, KrValue v) {
    return kr_seqiter_new(r, &kr_type_bytearray_iterator, v);
}

// Reads the current length each time: the bytearray may change meanwhile.
static KrValue bytearray_iter_next(KrRun *r, KrValue o) {
    (void)r;
    KrSeqIter *it = (KrSeqIter *)kr_as_obj(o);
    if (it->seq == KR_NULL) return KR_STOP;
    KrByteArray *a = bytearray_of(it->seq);
    if (it->index >= a->len) {
        it->seq = KR_NULL;
        return KR_STOP;
    }
    return kr_from_small(a->data[it->index++]);
}

static KrValue bytearray_iter_self(KrRun *r, KrValue o) {
    (void)r;
    return o;
}

static void bytearray_iter_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((KrSeqIter *)o)->seq); }

// ---- items ------------------------------------------------------------------------------

static KrValue bytearray_bad_index(KrRun *r, KrValue key) {
    return kr_raise(r, &kr_exc_TypeError, "bytearray indices must be integers or slices, not %s",
                    kr_type_name(key));
}

static KrValue bytearray_index_error(KrRun *r) {
    return kr_raise(r, &kr_exc_IndexError, "bytearray index out of range");
}

static KrValue bytearray_slice(KrRun *r, KrValue v, KrSlice *s) {
    int64_t start, stop, step;
    if (!kr_slice_unpack(r, s, &start, &stop, &step)) return KR_EXC;
    KrByteArray *a = bytearray_of(v); // its length after any __index__ ran
    size_t count = kr_slice_adjust(a->len, &start, &stop, step);
    if (step == 1) return kr_bytearray_new(r, a->data + start, count);
    KrByteArray *o = bytearray_alloc(r, &kr_type_bytearray);
    if (!o || !bytearray_grow(r, o, count)) return KR_EXC;
    for (size_t k = 0; k < count; k++) o->data[k] = a->data[start + (int64_t)k * step];
    return kr_run_tick_bytes(r, count) ? kr_from_obj(o) : KR_EXC;
}

static KrValue bytearray_getitem(KrRun *r, KrValue v, KrValue key) {
    int64_t i;
    int k = kr_slice_as_index(r, key, &kr_exc_IndexError, &i);
    if (k < 0) return KR_EXC;
    if (k == 0) {
        if (kr_is_type(key, &kr_type_slice)) return bytearray_slice(r, v, (KrSlice *)kr_as_obj(key));
        return bytearray_bad_index(r, key);
    }
    KrByteArray *a = bytearray_of(v);
    if (i < 0) i += (int64_t)a->len;
    if (i < 0 || (uint64_t)i >= a->len) return bytearray_index_error(r);
    return kr_from_small(a->data[i]);
}

// Deletes the n bytes start, start+step, ... of a resolved extended slice.
static bool bytearray_del_step(KrRun *r, KrByteArray *a, int64_t start, int64_t step, size_t n) {
    if (n == 0) return true;
    if (step < 0) {
        start += (int64_t)(n - 1) * step;
        step = -step;
    }
    size_t w = (size_t)start;
    for (size_t k = 0; k < n; k++) {
        size_t from = (size_t)start + k * (size_t)step + 1;
        size_t to = k + 1 < n ? (size_t)start + (k + 1) * (size_t)step : a->len;
        memmove(a->data + w, a->data + from, to - from);
        w += to - from;
    }
    return bytearray_shrink(r, a, w) && kr_run_tick_bytes(r, a->len + n);
}

// The bytes stored by a[slice] = v: v itself when it is bytes-like and not
// a (nothing can change it before it is copied), else a new bytes object.
static KrValue bytearray_assign_source(KrRun *r, KrValue self, KrValue v) {
    const uint8_t *d;
    size_t n;
    if (kr_bytes_view(v, &d, &n)) return v == self ? kr_bytes_new(r, d, n) : v;
    if (kr_is_int(v) || kr_is_double(v) || kr_float_check(v) || kr_is_str(v))
        return kr_raise(r, &kr_exc_TypeError,
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    KrValue out = bytearray_collect(r, &b, v, false) ? kr_bytes_new(r, b.data, b.len) : KR_EXC;
    kr_buf_free(&b);
    return out;
}

// a[start:stop:step] = the bytes of src (KR_NULL deletes), a resolved slice.
static KrValue bytearray_store_slice(KrRun *r, KrByteArray *a, int64_t start, int64_t stop,
                                     int64_t step, size_t count, KrValue src) {
    const uint8_t *d = NULL;
    size_t m = 0;
    if (src != KR_NULL) kr_bytes_view(src, &d, &m);
    if (step == 1) {
        if (stop < start) stop = start; // b[5:2] = x inserts at 5
        return bytearray_splice(r, a, (size_t)start, (size_t)stop, d, m) ? KR_NONE : KR_EXC;
    }
    if (m == 0) return bytearray_del_step(r, a, start, step, count) ? KR_NONE : KR_EXC;
    if (m != count)
        return kr_raise(r, &kr_exc_ValueError,
                        "attempt to assign bytes of size %zu to extended slice of size %zu", m, count);
    for (size_t k = 0; k < count; k++) a->data[start + (int64_t)k * step] = d[k];
    return kr_run_tick_bytes(r, count) ? KR_NONE : KR_EXC;
}

static KrValue bytearray_set_slice(KrRun *r, KrValue self, KrSlice *s, KrValue v) {
    int64_t start, stop, step;
    if (!kr_slice_unpack(r, s, &start, &stop, &step)) return KR_EXC;
    KrValue src = v;
    if (v != KR_NULL) {
        src = bytearray_assign_source(r, self, v);
        if (src == KR_EXC) return KR_EXC;
    }
    kr_root_push(r, &src);
    // Collecting v ran Python code: resolve the slice again, as CPython does.
    bool ok = src == v || kr_slice_unpack(r, s, &start, &stop, &step);
    kr_root_pop(r, 1);
    if (!ok) return KR_EXC;
    KrByteArray *a = bytearray_of(self);
    size_t count = kr_slice_adjust(a->len, &start, &stop, step);
    return bytearray_store_slice(r, a, start, stop, step, count, src);
}

static KrValue bytearray_setitem(KrRun *r, KrValue o, KrValue key, KrValue v) {
    int64_t i;
    int k = kr_slice_as_index(r, key, &kr_exc_IndexError, &i);
    if (k < 0) return KR_EXC;
    if (k == 0) {
        if (kr_is_type(key, &kr_type_slice)) return bytearray_set_slice(r, o, (KrSlice *)kr_as_obj(key), v);
        return bytearray_bad_index(r, key);
    }
    // The value first (CPython's gh-91153): its __index__ may resize a.
    uint8_t c = 0;
    if (v != KR_NULL && !bytearray_byte(r, v, &c)) return KR_EXC;
    KrByteArray *a = bytearray_of(o);
    if (i < 0) i += (int64_t)a->len;
    if (i < 0 || (uint64_t)i >= a->len) return bytearray_index_error(r);
    if (v == KR_NULL) return bytearray_splice(r, a, (size_t)i, (size_t)i + 1, NULL, 0) ? KR_NONE : KR_EXC;
    a->data[i] = c;
    return KR_NONE;
}

// ---- operators --------------------------------------------------------------------------

static KrValue bytearray_repeat(KrRun *r, KrValue v, int64_t count) {
    KrByteArray *src = bytearray_of(v);
    size_t unit = src->len, total = 0;
    if (count > 0 && ((uint64_t)count > SIZE_MAX || !kr_size_mul(unit, (size_t)count, &total)))
        return bytearray_oom(r), KR_EXC;
    KrByteArray *o = bytearray_alloc(r, &kr_type_bytearray);
    if (!o || !bytearray_grow(r, o, total)) return KR_EXC;
    if (total == 0) return kr_from_obj(o);
    memcpy(o->data, src->data, unit);
    return kr_run_repeat(r, o->data, unit, total) ? kr_from_obj(o) : KR_EXC;
}

static bool bytearray_irepeat(KrRun *r, KrByteArray *a, int64_t count) {
    size_t unit = a->len, total = 0;
    if (count > 0 && ((uint64_t)count > SIZE_MAX || !kr_size_mul(unit, (size_t)count, &total)))
        return bytearray_oom(r);
    if (total <= unit) return bytearray_shrink(r, a, total);
    return bytearray_grow(r, a, total) && kr_run_repeat(r, a->data, unit, total);
}

static KrValue bytearray_concat(KrRun *r, KrValue a, KrValue b) {
    const uint8_t *x, *y;
    size_t nx, ny, n;
    kr_bytes_view(a, &x, &nx);
    kr_bytes_view(b, &y, &ny);
    if (!kr_size_add(nx, ny, &n)) return bytearray_oom(r), KR_EXC;
    KrByteArray *o = bytearray_alloc(r, &kr_type_bytearray);
    if (!o || !bytearray_grow(r, o, n)) return KR_EXC;
    if (nx) memcpy(o->data, x, nx);
    if (ny) memcpy(o->data + nx, y, ny);
    return kr_run_tick_bytes(r, n) ? kr_from_obj(o) : KR_EXC;
}

// fmt % args. Formatting may run Python code that resizes fmt: it works
// on a copy.
static KrValue bytearray_format(KrRun *r, KrValue fmt, KrValue args) {
    KrByteArray *a = bytearray_of(fmt);
    KrValue copy = kr_bytes_new(r, a->data, a->len);
    if (copy == KR_EXC) return KR_EXC;
    kr_root_push(r, &copy);
    KrValue res = kr_bytes_percent(r, copy, args);
    kr_root_pop(r, 1);
    return res == KR_EXC ? KR_EXC : bytearray_copy_of(r, res);
}

// A class on the right may define __radd__/__rmul__: its turn comes before
// the sequence error, as in CPython. Its method is called directly, not
// through its binary slot, which could lead back here.
static KrValue bytearray_try_other(KrRun *r, KrValue self, KrValue other, const char *name) {
    if (!(kr_typeof(other)->flags & KR_TF_HEAP) || bytearray_is(other)) return KR_NOTIMPL;
    KrValue v = kr_call_dunder(r, other, name, 1, &self);
    return v == KR_NULL ? KR_NOTIMPL : v;
}

static KrValue bytearray_add(KrRun *r, KrValue a, KrValue b) {
    const uint8_t *d;
    size_t n;
    if (!bytearray_is(a)) return KR_NOTIMPL;
    if (kr_bytes_view(b, &d, &n)) return bytearray_concat(r, a, b);
    KrValue v = bytearray_try_other(r, a, b, "__radd__");
    if (v != KR_NOTIMPL) return v;
    return kr_raise(r, &kr_exc_TypeError, "can't concat %s to %s", kr_type_name(b), kr_type_name(a));
}

// The count of seq * n: 1 (set), 0 when n is not an index, -1 on error.
static int bytearray_count(KrRun *r, KrValue n, int64_t *out) {
    return kr_slice_as_index(r, n, &kr_exc_OverflowError, out);
}

static KrValue bytearray_non_int(KrRun *r, KrValue other) {
    return kr_raise(r, &kr_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                    kr_type_name(other));
}

// seq * n or n * seq (the left operand's own method has had its turn).
static KrValue bytearray_mul(KrRun *r, KrValue a, KrValue b) {
    bool left = bytearray_is(a);
    KrValue other = left ? b : a;
    KrValue v = left ? bytearray_try_other(r, a, b, "__rmul__") : KR_NOTIMPL;
    if (v != KR_NOTIMPL) return v;
    int64_t n;
    int k = bytearray_count(r, other, &n);
    if (k <= 0) return k < 0 ? KR_EXC : bytearray_non_int(r, other);
    return bytearray_repeat(r, left ? a : b, n);
}

static KrValue bytearray_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    switch (op) {
    case KR_BIN_ADD: return bytearray_add(r, a, b);
    case KR_BIN_MUL: return bytearray_mul(r, a, b);
    case KR_BIN_MOD: return bytearray_is(a) ? bytearray_format(r, a, b) : KR_NOTIMPL;
    default: return KR_NOTIMPL;
    }
}

static KrValue bytearray_buffer_busy(KrRun *r) {
    return kr_raise(r, &kr_exc_BufferError, "Existing exports of data: object cannot be re-sized");
}

// += and *= change a in place; other operands fall back to the binary
// forms (for their errors and the other operand's reflected methods).
static KrValue bytearray_inplace(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    const uint8_t *d;
    size_t n;
    if (op == KR_BIN_ADD && kr_bytes_view(b, &d, &n)) {
        // CPython 3.11 holds b's buffer while resizing a: a += a fails.
        if (b == a) return bytearray_buffer_busy(r);
        return bytearray_append_view(r, bytearray_of(a), b) ? a : KR_EXC;
    }
    if (op != KR_BIN_MUL) return KR_NOTIMPL;
    KrValue v = bytearray_try_other(r, a, b, "__rmul__");
    if (v != KR_NOTIMPL) return v;
    int64_t count;
    int k = bytearray_count(r, b, &count);
    if (k <= 0) return k < 0 ? KR_EXC : bytearray_non_int(r, b);
    return bytearray_irepeat(r, bytearray_of(a), count) ? a : KR_EXC;
}

// ---- the methods of bytes, run on a bytearray ------------------------------------------

typedef enum {
    BA_AS_IS,  // no bytes in the result (find, decode, isdigit ...)
    BA_COPY,   // a bytes result becomes a bytearray
    BA_ITEMS,  // a new list or tuple of bytes: each item becomes a bytearray
} BaResult;

typedef struct {
    KrNativeFn fn;
    const char *qualname; // checks the argument count under this name first; NULL: fn's own
    uint8_t min, max;
    bool old_style;
    bool window; // args[1], args[2] are start and end
    BaResult result;
} BaShared;

// start/end as plain ints before the bytes method runs: their __index__ may
// resize the bytearray, and the method reads the length before it calls them.
static bool bytearray_fix_window(KrRun *r, size_t argc, const KrValue *args, KrValue *out) {
    for (size_t i = 0; i < argc; i++) {
        out[i] = args[i];
        if (i == 0 || !kr_is_ptr(args[i]) || !(kr_typeof(args[i])->flags & KR_TF_HEAP)) continue;
        int64_t x = 0;
        if (!kr_str_slice_arg(r, args[i], &x)) return false;
        out[i] = kr_int_from_i64(r, x);
        if (out[i] == KR_EXC) return false;
    }
    return true;
}

static KrValue bytearray_result(KrRun *r, KrValue v, BaResult how) {
    if (v == KR_EXC || how == BA_AS_IS) return v;
    if (how == BA_COPY) return bytearray_copy_of(r, v);
    bool list = kr_is_type(v, &kr_type_list);
    KrValue *items = list ? kr_as_list(v)->items : kr_as_tuple(v)->items;
    size_t n = list ? kr_as_list(v)->len : kr_as_tuple(v)->len;
    for (size_t i = 0; i < n; i++) {
        KrValue x = bytearray_copy_of(r, items[i]);
        if (x == KR_EXC || !kr_run_tick(r, 1)) return KR_EXC;
        items[i] = x;
    }
    return v;
}

static KrValue bytearray_shared(KrRun *r, const BaShared *m, KrValue self, size_t argc,
                                const KrValue *args, KrValue kw) {
    if (m->qualname && !kr_str_argcheck(r, m->qualname, argc, kw, m->min, m->max, m->old_style))
        return KR_EXC;
    KrValue fixed[3];
    if (m->window) {
        if (!bytearray_fix_window(r, argc, args, fixed)) return KR_EXC;
        args = fixed; // argc <= 3: checked above
    }
    return bytearray_result(r, m->fn(r, self, argc, args, kw), m->result);
}

#define BA_SHARED(name, q, lo, hi, old, window, result)                                        \
    static KrValue bytearray_m_##name(KrRun *r, KrValue self, size_t argc, const KrValue *args, \
                                      KrValue kw) {                                             \
        static const BaShared spec = {kr_bytes_m_##name, q, lo, hi, old, window, result};      \
        return bytearray_shared(r, &spec, self, argc, args, kw);                                \
    }
// Methods checked under bytearray's name; those of fn's own (NULL) name
// only the method, as CPython's messages do.
#define BA_NAMED(name, lo, hi, old, window, result) \
    BA_SHARED(name, "bytearray." #name, lo, hi, old, window, result)
#define BA_PLAIN(name, result) BA_SHARED(name, NULL, 0, 0, false, false, result)

BA_NAMED(capitalize, 0, 0, false, false, BA_COPY)
BA_NAMED(center, 1, 2, false, false, BA_COPY)
BA_NAMED(count, 1, 3, true, true, BA_AS_IS)
BA_PLAIN(decode, BA_AS_IS)
BA_NAMED(endswith, 1, 3, true, true, BA_AS_IS)
BA_PLAIN(expandtabs, BA_COPY)
BA_NAMED(find, 1, 3, true, true, BA_AS_IS)
BA_PLAIN(hex, BA_AS_IS)
BA_NAMED(index, 1, 3, true, true, BA_AS_IS)
BA_NAMED(isalnum, 0, 0, false, false, BA_AS_IS)
BA_NAMED(isalpha, 0, 0, false, false, BA_AS_IS)
BA_NAMED(isascii, 0, 0, false, false, BA_AS_IS)
BA_NAMED(isdigit, 0, 0, false, false, BA_AS_IS)
BA_NAMED(islower, 0, 0, false, false, BA_AS_IS)
BA_NAMED(isspace, 0, 0, false, false, BA_AS_IS)
BA_NAMED(istitle, 0, 0, false, false, BA_AS_IS)
BA_NAMED(isupper, 0, 0, false, false, BA_AS_IS)
BA_NAMED(join, 1, 1, false, false, BA_COPY)
BA_NAMED(ljust, 1, 2, false, false, BA_COPY)
BA_NAMED(lower, 0, 0, false, false, BA_COPY)
BA_NAMED(lstrip, 0, 1, false, false, BA_COPY)
BA_NAMED(maketrans, 2, 2, false, false, BA_AS_IS)
BA_NAMED(partition, 1, 1, false, false, BA_ITEMS)
BA_NAMED(removeprefix, 1, 1, false, false, BA_COPY)
BA_NAMED(removesuffix, 1, 1, false, false, BA_COPY)
BA_NAMED(replace, 2, 3, false, false, BA_COPY)
BA_NAMED(rfind, 1, 3, true, true, BA_AS_IS)
BA_NAMED(rindex, 1, 3, true, true, BA_AS_IS)
BA_NAMED(rjust, 1, 2, false, false, BA_COPY)
BA_NAMED(rpartition, 1, 1, false, false, BA_ITEMS)
BA_PLAIN(rsplit, BA_ITEMS)
BA_NAMED(rstrip, 0, 1, false, false, BA_COPY)
BA_PLAIN(split, BA_ITEMS)
BA_PLAIN(splitlines, BA_ITEMS)
BA_NAMED(startswith, 1, 3, true, true, BA_AS_IS)
BA_NAMED(strip, 0, 1, false, false, BA_COPY)
BA_NAMED(swapcase, 0, 0, false, false, BA_COPY)
BA_NAMED(title, 0, 0, false, false, BA_COPY)
BA_PLAIN(translate, BA_COPY)
BA_NAMED(upper, 0, 0, false, false, BA_COPY)
BA_NAMED(zfill, 1, 1, false, false, BA_COPY)

// bytearray.fromhex(s), a classmethod: a derived class gets cls(result).
static KrValue bytearray_m_fromhex(KrRun *r, KrValue cls, size_t argc, const KrValue *args,
                                   KrValue kw) {
    if (!kr_str_argcheck(r, "bytearray.fromhex", argc, kw, 1, 1, false)) return KR_EXC;
    KrValue v = bytearray_result(r, kr_bytes_m_fromhex(r, cls, argc, args, kw), BA_COPY);
    if (v == KR_EXC || cls == kr_from_obj(&kr_type_bytearray)) return v;
    kr_root_push(r, &v);
    KrValue res = kr_call1(r, cls, v);
    kr_root_pop(r, 1);
    return res;
}

// ---- the mutating methods ----------------------------------------------------------------

static KrValue bytearray_m_append(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                  KrValue kw) {
    if (!kr_str_argcheck(r, "bytearray.append", argc, kw, 1, 1, false)) return KR_EXC;
    uint8_t c;
    if (!bytearray_byte(r, args[0], &c)) return KR_EXC;
    return bytearray_append_raw(r, bytearray_of(self), &c, 1) ? KR_NONE : KR_EXC;
}

static KrValue bytearray_m_extend(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                  KrValue kw) {
    if (!kr_str_argcheck(r, "bytearray.extend", argc, kw, 1, 1, false)) return KR_EXC;
    KrByteArray *a = bytearray_of(self);
    const uint8_t *d;
    size_t n;
    if (kr_bytes_view(args[0], &d, &n)) return bytearray_append_view(r, a, args[0]) ? KR_NONE : KR_EXC;
    // Collected first, then appended: the iterable may be a's own iterator.
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = bytearray_collect(r, &b, args[0], true) && bytearray_append_raw(r, a, b.data, b.len);
    kr_buf_free(&b);
    return ok ? KR_NONE : KR_EXC;
}

static KrValue bytearray_m_insert(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                  KrValue kw) {
    if (!kr_str_argcheck(r, "bytearray.insert", argc, kw, 2, 2, false)) return KR_EXC;
    int64_t i;
    uint8_t c;
    if (!kr_index(r, args[0], &i) || !bytearray_byte(r, args[1], &c)) return KR_EXC;
    KrByteArray *a = bytearray_of(self);
    int64_t n = (int64_t)a->len;
    if (i < 0) i = i + n < 0 ? 0 : i + n;
    if (i > n) i = n;
    return bytearray_splice(r, a, (size_t)i, (size_t)i, &c, 1) ? KR_NONE : KR_EXC;
}

static KrValue bytearray_m_pop(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                               KrValue kw) {
    if (!kr_str_argcheck(r, "bytearray.pop", argc, kw, 0, 1, false)) return KR_EXC;
    int64_t i = -1;
    if (argc && !kr_index(r, args[0], &i)) return KR_EXC;
    KrByteArray *a = bytearray_of(self);
    if (a->len == 0) return kr_raise(r, &kr_exc_IndexError, "pop from empty bytearray");
    if (i < 0) i += (int64_t)a->len;
    if (i < 0 || (uint64_t)i >= a->len) return kr_raise(r, &kr_exc_IndexError, "pop index out of range");
    uint8_t c = a->data[i];
    if (!bytearray_splice(r, a, (size_t)i, (size_t)i + 1, NULL, 0)) return KR_EXC;
    return kr_from_small(c);
}

static KrValue bytearray_m_remove(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                  KrValue kw) {
    if (!kr_str_argcheck(r, "bytearray.remove", argc, kw, 1, 1, false)) return KR_EXC;
    uint8_t c;
    if (!bytearray_byte(r, args[0], &c)) return KR_EXC;
    KrByteArray *a = bytearray_of(self);
    const uint8_t *at = a->len ? memchr(a->data, c, a->len) : NULL;
    if (!at) return kr_raise(r, &kr_exc_ValueError, "value not found in bytearray");
    size_t i = (size_t)(at - a->data);
    return bytearray_splice(r, a, i, i + 1, NULL, 0) ? KR_NONE : KR_EXC;
}

static KrValue bytearray_m_clear(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                 KrValue kw) {
    (void)args;
    if (!kr_str_argcheck(r, "bytearray.clear", argc, kw, 0, 0, false)) return KR_EXC;
    return bytearray_shrink(r, bytearray_of(self), 0) ? KR_NONE : KR_EXC;
}

static KrValue bytearray_m_copy(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                KrValue kw) {
    (void)args;
    if (!kr_str_argcheck(r, "bytearray.copy", argc, kw, 0, 0, false)) return KR_EXC;
    return bytearray_copy_of(r, self);
}

static KrValue bytearray_m_reverse(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                   KrValue kw) {
    (void)args;
    if (!kr_str_argcheck(r, "bytearray.reverse", argc, kw, 0, 0, false)) return KR_EXC;
    KrByteArray *a = bytearray_of(self);
    for (size_t i = 0, j = a->len; i + 1 < j; i++, j--) {
        uint8_t t = a->data[i];
        a->data[i] = a->data[j - 1];
        a->data[j - 1] = t;
    }
    return kr_run_tick_bytes(r, a->len) ? KR_NONE : KR_EXC;
}

// ---- dunder methods without a generic slot wrapper ---------------------------------------

static KrValue bytearray_not_index(KrRun *r, KrValue v) {
    return kr_raise(r, &kr_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                    kr_type_name(v));
}

static KrValue bytearray_d_iadd(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                KrValue kw) {
    if (!kr_wrapper_args(r, "__iadd__", argc, kw, 1, 1)) return KR_EXC;
    KrValue v = bytearray_inplace(r, self, args[0], KR_BIN_ADD);
    if (v != KR_NOTIMPL) return v;
    return kr_raise(r, &kr_exc_TypeError, "can't concat %s to %s", kr_type_name(args[0]),
                    kr_type_name(self));
}

// The arguments of __mul__, __rmul__, __imul__: CPython's wrapper for
// index arguments words its count error with an empty name.
static bool bytearray_index_wrapper_args(KrRun *r, const char *name, size_t argc, KrValue kw) {
    if (argc == 1 || (kw != KR_NULL && kr_as_tuple(kw)->len))
        return kr_wrapper_args(r, name, argc, kw, 1, 1);
    kr_raise(r, &kr_exc_TypeError, " expected 1 argument, got %zu", argc);
    return false;
}

static KrValue bytearray_d_imul(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                KrValue kw) {
    if (!bytearray_index_wrapper_args(r, "__imul__", argc, kw)) return KR_EXC;
    int64_t n;
    int k = bytearray_count(r, args[0], &n);
    if (k <= 0) return k < 0 ? KR_EXC : bytearray_not_index(r, args[0]);
    return bytearray_irepeat(r, bytearray_of(self), n) ? self : KR_EXC;
}

// __mul__ and __rmul__ take any index (the operator's error differs).
static KrValue bytearray_d_mul(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                               KrValue kw) {
    if (!bytearray_index_wrapper_args(r, "__mul__", argc, kw)) return KR_EXC;
    int64_t n;
    int k = bytearray_count(r, args[0], &n);
    if (k <= 0) return k < 0 ? KR_EXC : bytearray_not_index(r, args[0]);
    return bytearray_repeat(r, self, n);
}

// ---- the types ---------------------------------------------------------------------------

static const KrMethodDef bytearray_methods[] = {
    {"append", bytearray_m_append, 0},
    {"capitalize", bytearray_m_capitalize, 0},
    {"center", bytearray_m_center, 0},
    {"clear", bytearray_m_clear, 0},
    {"copy", bytearray_m_copy, 0},
    {"count", bytearray_m_count, 0},
    {"decode", bytearray_m_decode, 0},
    {"endswith", bytearray_m_endswith, 0},
    {"expandtabs", bytearray_m_expandtabs, 0},
    {"extend", bytearray_m_extend, 0},
    {"find", bytearray_m_find, 0},
    {"fromhex", bytearray_m_fromhex, KR_METH_CLASS},
    {"hex", bytearray_m_hex, 0},
    {"index", bytearray_m_index, 0},
    {"insert", bytearray_m_insert, 0},
    {"isalnum", bytearray_m_isalnum, 0},
    {"isalpha", bytearray_m_isalpha, 0},
    {"isascii", bytearray_m_isascii, 0},
    {"isdigit", bytearray_m_isdigit, 0},
    {"islower", bytearray_m_islower, 0},
    {"isspace", bytearray_m_isspace, 0},
    {"istitle", bytearray_m_istitle, 0},
    {"isupper", bytearray_m_isupper, 0},
    {"join", bytearray_m_join, 0},
    {"ljust", bytearray_m_ljust, 0},
    {"lower", bytearray_m_lower, 0},
    {"lstrip", bytearray_m_lstrip, 0},
    {"maketrans", bytearray_m_maketrans, KR_METH_STATIC},
    {"partition", bytearray_m_partition, 0},
    {"pop", bytearray_m_pop, 0},
    {"remove", bytearray_m_remove, 0},
    {"removeprefix", bytearray_m_removeprefix, 0},
    {"removesuffix", bytearray_m_removesuffix, 0},
    {"replace", bytearray_m_replace, 0},
    {"reverse", bytearray_m_reverse, 0},
    {"rfind", bytearray_m_rfind, 0},
    {"rindex", bytearray_m_rindex, 0},
    {"rjust", bytearray_m_rjust, 0},
    {"rpartition", bytearray_m_rpartition, 0},
    {"rsplit", bytearray_m_rsplit, 0},
    {"rstrip", bytearray_m_rstrip, 0},
    {"split", bytearray_m_split, 0},
    {"splitlines", bytearray_m_splitlines, 0},
    {"startswith", bytearray_m_startswith, 0},
    {"strip", bytearray_m_strip, 0},
    {"swapcase", bytearray_m_swapcase, 0},
    {"title", bytearray_m_title, 0},
    {"translate", bytearray_m_translate, 0},
    {"upper", bytearray_m_upper, 0},
    {"zfill", bytearray_m_zfill, 0},
    {"__init__", kr_bytearray_init, 0},
    {"__iadd__", bytearray_d_iadd, 0},
    {"__imul__", bytearray_d_imul, 0},
    {"__mul__", bytearray_d_mul, 0},
    {"__rmul__", bytearray_d_mul, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_bytearray = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "bytearray",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrByteArray),
    .finalize = bytearray_finalize,
    .construct = bytearray_construct,
    .repr = bytearray_repr,
    .compare = kr_bytes_compare,
    .binary = bytearray_binary,
    .inplace = bytearray_inplace,
    .len = bytearray_len, // truth comes from len, so a subclass's __len__ counts
    .getitem = bytearray_getitem,
    .setitem = bytearray_setitem,
    .contains = kr_bytes_contains,
    .iter = bytearray_iter,
    .methods = bytearray_methods,
    .dict = KR_NULL,
    .snap = &bytearray_snap,
};

static const KrMethodDef bytearray_iter_methods[] = {
    {"__next__", kr_iter_meth_next, 0},
    {"__iter__", kr_iter_meth_iter, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_bytearray_iterator = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "bytearray_iterator",
    .base = &kr_type_object,
    .basic_size = sizeof(KrSeqIter),
    .trace = bytearray_iter_trace,
    .repr = kr_iter_repr,
    .iter = bytearray_iter_self,
    .next = bytearray_iter_next,
    .methods = bytearray_iter_methods,
    .dict = KR_NULL,
    .snap = &bytearray_iter_snap,
};

// ---- run snapshots ----------------------------------------------------------------------------

static bool bytearray_snap_write(KrRsWriter *w, const KrObj *o) {
    const KrByteArray *a = (const KrByteArray *)o;
    kr_snap_put_bytes(kr_rs_out(w), a->data, a->len);
    return true;
}

static KrObj *bytearray_snap_read(KrRsReader *rd, const KrType *t) {
    size_t n;
    const uint8_t *d = kr_rs_get_bytes(rd, &n);
    if (!d) return NULL;
    KrByteArray *a = bytearray_alloc(kr_rs_run(rd), t);
    if (!a || !bytearray_grow(kr_rs_run(rd), a, n)) return kr_rs_made(rd, KR_EXC);
    if (n) memcpy(a->data, d, n);
    return &a->ob;
}

static const KrSnapOps bytearray_snap = {NULL, bytearray_snap_write, bytearray_snap_read, NULL};

static const KrRsField bytearray_iter_fields[] = {
    KR_RS_FIELD(KrSeqIter, seq, KR_RSF_VALUE, KR_RS_SUB | KR_RS_NULL, &kr_type_bytearray),
    KR_RS_SCALAR(KrSeqIter, index, KR_RSF_SIZE),
    KR_RS_END,
};
static const KrSnapOps bytearray_iter_snap = {bytearray_iter_fields, NULL, NULL, NULL};
