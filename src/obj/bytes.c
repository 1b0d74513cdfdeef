// bytes.c: the bytes type (immutable byte strings, data stored after the
// header) and decoding bytes to str (utf-8, ascii, latin-1 with CPython's
// error handlers and messages). Substring search is shared with str.
#include <stdio.h>
#include "../types.h"
#include "../runsnap.h"
#include "class.h"

static const KrSnapOps bytes_snap, bytes_iter_snap;

// ---- allocation ------------------------------------------------------------------

static size_t bytes_objsize(const KrObj *o) { return sizeof(KrBytes) + ((const KrBytes *)o)->len + 1; }

static KrValue bytes_nomem(KrRun *r) { return kr_raise_value(r, kr_from_obj(&kr_exc_MemoryError)); }

// A KrBuf failure: the run's allocator raised, unless a size overflowed.
static KrValue bytes_fail(KrRun *r) {
    if (!r->limit_hit && r->exc == KR_NULL) return bytes_nomem(r);
    return KR_EXC;
}

static KrBytes *bytes_alloc(KrRun *r, size_t n) {
    size_t size;
    if (!kr_size_add(sizeof(KrBytes) + 1, n, &size)) {
        bytes_nomem(r);
        return NULL;
    }
    KrBytes *b = kr_gc_alloc(r, &kr_type_bytes, size);
    if (!b) return NULL;
    b->hash = -1;
    b->len = n;
    b->data = (uint8_t *)(b + 1);
    b->data[n] = 0;
    return b;
}

static const KrBytes bytes_empty = {KR_STATIC_HEADER(&kr_type_bytes), -1, 0, (uint8_t *)""};

KrValue kr_bytes_new(KrRun *r, const void *data, size_t n) {
    if (n == 0) return kr_from_obj(&bytes_empty);
    KrBytes *b = bytes_alloc(r, n);
    if (!b) return KR_EXC;
    memcpy(b->data, data, n);
    return kr_from_obj(b);
}

static KrBytes *bytes_of(KrValue v) { return (KrBytes *)kr_as_obj(v); }

// A bytearray's view is only valid until Python code runs (it may resize).
bool kr_bytes_view(KrValue v, const uint8_t **data, size_t *n) {
    if (!kr_is_ptr(v)) return false;
    if (kr_isinstance(v, &kr_type_bytes)) {
        *data = bytes_of(v)->data;
        *n = bytes_of(v)->len;
        return true;
    }
    if (!kr_isinstance(v, &kr_type_bytearray)) return false;
    *data = ((KrByteArray *)kr_as_obj(v))->data;
    *n = ((KrByteArray *)kr_as_obj(v))->len;
    return true;
}

// A bytes-like argument, or TypeError "a bytes-like object is required".
static bool bytes_arg(KrRun *r, KrValue v, const uint8_t **data, size_t *n) {
    if (kr_bytes_view(v, data, n)) return true;
    kr_raise(r, &kr_exc_TypeError, "a bytes-like object is required, not '%s'", kr_type_name(v));
    return false;
}

// bytes [b0, b1) of v, v itself when that is all of it.
static KrValue bytes_sub(KrRun *r, KrValue v, size_t b0, size_t b1) {
    KrBytes *b = bytes_of(v);
    if (b0 == 0 && b1 == b->len && kr_is_type(v, &kr_type_bytes)) return v;
    return kr_bytes_new(r, b->data + b0, b1 - b0);
}

// ---- repr, hash, compare -------------------------------------------------------------

KrValue kr_bytes_repr(KrRun *r, KrValue v) {
    KrBytes *bs = bytes_of(v);
    const uint8_t *d = bs->data;
    size_t n = bs->len;
    char q = '\'';
    if (memchr(d, '\'', n) && !memchr(d, '"', n)) q = '"';
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_reserve(&b, n + 3) && kr_buf_append_char(&b, 'b') && kr_buf_append_char(&b, q);
    for (size_t i = 0; ok && i < n; i++) {
        uint8_t c = d[i];
        char tmp[5];
        if (c == q || c == '\\') ok = kr_buf_append_char(&b, '\\') && kr_buf_append_char(&b, (char)c);
        else if (c == '\t') ok = kr_buf_append(&b, "\\t", 2);
        else if (c == '\n') ok = kr_buf_append(&b, "\\n", 2);
        else if (c == '\r') ok = kr_buf_append(&b, "\\r", 2);
        else if (c < 0x20 || c >= 0x7f) {
            snprintf(tmp, sizeof tmp, "\\x%02x", c);
            ok = kr_buf_append(&b, tmp, 4);
        } else ok = kr_buf_append_char(&b, (char)c);
    }
    ok = ok && kr_buf_append_char(&b, q);
    KrValue out = ok ? kr_str_new_n(r, b.data, b.len, b.len) : bytes_fail(r);
    kr_buf_free(&b);
    return out;
}

static bool bytes_hash(KrRun *r, KrValue v, int64_t *out) {
    (void)r;
    KrBytes *b = bytes_of(v);
    if (b->hash == -1) {
        int64_t h = kr_hash_bytes(b->data, b->len);
        if ((b->ob.gc & KR_GC_STATIC) == 0) b->hash = h;
        *out = h;
        return true;
    }
    *out = b->hash;
    return true;
}

KrValue kr_bytes_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    (void)r;
    const uint8_t *x, *y;
    size_t nx, ny;
    if (!kr_bytes_view(a, &x, &nx) || !kr_bytes_view(b, &y, &ny)) return KR_NOTIMPL;
    if (op == KR_CMP_EQ || op == KR_CMP_NE) {
        bool eq = nx == ny && (nx == 0 || memcmp(x, y, nx) == 0);
        return kr_bool(eq == (op == KR_CMP_EQ));
    }
    size_t m = nx < ny ? nx : ny;
    int c = m ? memcmp(x, y, m) : 0;
    if (!c) c = nx < ny ? -1 : nx > ny;
    switch (op) {
    case KR_CMP_LT: return kr_bool(c < 0);
    case KR_CMP_LE: return kr_bool(c <= 0);
    case KR_CMP_GT: return kr_bool(c > 0);
    default: return kr_bool(c >= 0);
    }
}

// ---- operators -----------------------------------------------------------------------

static KrValue bytes_repeat(KrRun *r, KrValue v, int64_t n) {
    KrBytes *b = bytes_of(v);
    if (n <= 0 || b->len == 0) return kr_from_obj(&bytes_empty);
    if (n == 1 && kr_is_type(v, &kr_type_bytes)) return v;
    size_t total;
    if ((uint64_t)n > SIZE_MAX || !kr_size_mul(b->len, (size_t)n, &total)) return bytes_nomem(r);
    KrBytes *o = bytes_alloc(r, total);
    if (!o) return KR_EXC;
    memcpy(o->data, b->data, b->len);
    return kr_run_repeat(r, o->data, b->len, total) ? kr_from_obj(o) : KR_EXC;
}

static KrValue bytes_concat(KrRun *r, KrValue a, KrValue b) {
    const uint8_t *y;
    size_t ny;
    if (!kr_bytes_view(b, &y, &ny))
        return kr_raise(r, &kr_exc_TypeError, "can't concat %s to bytes", kr_type_name(b));
    KrBytes *x = bytes_of(a);
    if (ny == 0 && kr_is_type(a, &kr_type_bytes)) return a;
    if (x->len == 0 && kr_is_type(b, &kr_type_bytes)) return b;
    size_t n;
    if (!kr_size_add(x->len, ny, &n)) return bytes_nomem(r);
    KrBytes *o = bytes_alloc(r, n);
    if (!o) return KR_EXC;
    memcpy(o->data, x->data, x->len);
    memcpy(o->data + x->len, y, ny);
    return kr_from_obj(o);
}

static bool bytes_is_bytes(KrValue v) { return kr_is_ptr(v) && kr_isinstance(v, &kr_type_bytes); }

// A user class on the other side may define __radd__/__rmul__: its turn
// comes before the sequence error, as in CPython.
static KrValue bytes_try_other(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    const KrType *t = kr_typeof(bytes_is_bytes(a) ? b : a);
    if ((t->flags & KR_TF_HEAP) && t->binary && t->binary != kr_type_bytes.binary)
        return t->binary(r, a, b, op);
    return KR_NOTIMPL;
}

static KrValue bytes_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    if (op == KR_BIN_ADD) {
        if (!bytes_is_bytes(a)) return KR_NOTIMPL;
        if (!bytes_is_bytes(b)) {
            KrValue v = bytes_try_other(r, a, b, op);
            if (v != KR_NOTIMPL) return v;
        }
        return bytes_concat(r, a, b);
    }
    if (op == KR_BIN_MUL) {
        bool left = bytes_is_bytes(a);
        KrValue other = left ? b : a;
        int64_t n;
        if (!kr_is_int(other) && !kr_is_bool(other)) {
            KrValue v = bytes_try_other(r, a, b, op);
            if (v != KR_NOTIMPL) return v;
        }
        if (!kr_seq_repeat_count(r, other, &n)) return KR_EXC;
        return bytes_repeat(r, left ? a : b, n);
    }
    if (op == KR_BIN_MOD && bytes_is_bytes(a)) return kr_bytes_percent(r, a, b);
    return KR_NOTIMPL;
}

static bool bytes_len(KrRun *r, KrValue v, size_t *out) {
    (void)r;
    *out = bytes_of(v)->len;
    return true;
}

// ---- items ---------------------------------------------------------------------------

static KrValue bytes_slice(KrRun *r, KrValue v, KrSlice *sl) {
    KrBytes *b = bytes_of(v);
    int64_t start, stop, step;
    size_t count;
    if (!kr_slice_indices(r, sl, b->len, &start, &stop, &step, &count)) return KR_EXC;
    if (step == 1) return bytes_sub(r, v, (size_t)start, (size_t)start + count);
    KrBytes *o = bytes_alloc(r, count);
    if (!o) return KR_EXC;
    for (size_t k = 0; k < count; k++) o->data[k] = b->data[start + (int64_t)k * step];
    return kr_from_obj(o);
}

static KrValue bytes_getitem(KrRun *r, KrValue v, KrValue key) {
    KrBytes *b = bytes_of(v);
    int64_t i;
    if (kr_is_small(key)) {
        i = kr_as_small(key);
        if (i < 0) i += (int64_t)b->len;
    } else if (kr_is_type(key, &kr_type_slice)) {
        return bytes_slice(r, v, (KrSlice *)kr_as_obj(key));
    } else if (kr_is_int(key) || kr_is_bool(key) || (kr_typeof(key)->flags & KR_TF_HEAP)) {
        if (!kr_seq_index(r, key, b->len, &i, "byte indices must be integers or slices, not %s")) return KR_EXC;
    } else {
        return kr_raise(r, &kr_exc_TypeError, "byte indices must be integers or slices, not %s",
                        kr_type_name(key));
    }
    if (i < 0 || (uint64_t)i >= b->len) return kr_raise(r, &kr_exc_IndexError, "index out of range");
    return kr_from_small(b->data[i]);
}

// An int that must be a byte value: "byte must be in range(0, 256)".
static bool bytes_byte_value(KrRun *r, KrValue v, uint8_t *out) {
    int64_t x;
    if (kr_is_bool(v)) x = v == KR_TRUE;
    else if (!kr_int_to_i64(v, &x)) x = -1;
    if (x < 0 || x > 255) {
        kr_raise(r, &kr_exc_ValueError, "byte must be in range(0, 256)");
        return false;
    }
    *out = (uint8_t)x;
    return true;
}

int kr_bytes_contains(KrRun *r, KrValue v, KrValue x) {
    KrBytes *b = bytes_of(v);
    if (kr_is_int(x) || kr_is_bool(x)) {
        uint8_t c;
        if (!bytes_byte_value(r, x, &c)) return -1;
        return b->len && memchr(b->data, c, b->len) != NULL;
    }
    const uint8_t *d;
    size_t n;
    if (!bytes_arg(r, x, &d, &n)) return -1;
    return kr_str_search((const char *)b->data, b->len, (const char *)d, n, 0) != SIZE_MAX;
}

// ---- iteration --------------------------------------------------------------------------

static KrValue bytes_iter(KrRun *r, KrValue v) {
    KrSeqIter *it = kr_gc_alloc(r, &kr_type_bytes_iterator, sizeof(KrSeqIter));
    if (!it) return KR_EXC;
    it->seq = v;
    it->index = 0;
    it->version = 0;
    return kr_from_obj(it);
}

static KrValue bytes_iter_next(KrRun *r, KrValue o) {
    (void)r;
    KrSeqIter *it = (KrSeqIter *)kr_as_obj(o);
    if (it->seq == KR_NULL) return KR_STOP;
    KrBytes *b = bytes_of(it->seq);
    if (it->index >= b->len) {
        it->seq = KR_NULL;
        return KR_STOP;
    }
    return kr_from_small(b->data[it->index++]);
}

static KrValue bytes_iter_self(KrRun *r, KrValue o) {
    (void)r;
    return o;
}

static void bytes_iter_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((KrSeqIter *)o)->seq); }

// ---- construction -------------------------------------------------------------------------

// Appends one item of bytes(iterable): an index in range(0, 256).
static bool bytes_push_item(KrRun *r, KrBuf *b, KrValue item) {
    int64_t x;
    if (kr_is_small(item)) {
        x = kr_as_small(item);
    } else if (kr_is_bool(item)) {
        x = item == KR_TRUE;
    } else if (kr_is_int(item)) {
        x = -1; // any big int is out of range
    } else if (!kr_index(r, item, &x)) {
        return false;
    }
    if (x < 0 || x > 255) {
        kr_raise(r, &kr_exc_ValueError, "bytes must be in range(0, 256)");
        return false;
    }
    if (kr_buf_append_char(b, (char)x)) return true;
    bytes_fail(r);
    return false;
}

static bool bytes_fill_from_iter(KrRun *r, KrBuf *b, KrValue src) {
    if (kr_is_type(src, &kr_type_list) || kr_is_type(src, &kr_type_tuple)) {
        bool list = kr_is_type(src, &kr_type_list);
        // Re-read the length each time: __index__ of an item may mutate a list.
        for (size_t i = 0; i < (list ? kr_as_list(src)->len : kr_as_tuple(src)->len); i++) {
            KrValue item = list ? kr_as_list(src)->items[i] : kr_as_tuple(src)->items[i];
            if (!bytes_push_item(r, b, item)) return false;
        }
        return true;
    }
    KrValue it = kr_iter(r, src);
    if (it == KR_EXC) {
        if (!kr_pending_is(r, &kr_exc_TypeError)) return false;
        kr_clear_exc(r);
        kr_raise(r, &kr_exc_TypeError, "cannot convert '%s' object to bytes", kr_type_name(src));
        return false;
    }
    kr_root_push(r, &it); // next() may run Python code (generators)
    bool ok = true;
    for (;;) {
        KrValue item = kr_next(r, it);
        if (item == KR_STOP) break;
        if (item == KR_EXC || !bytes_push_item(r, b, item) || !kr_run_tick(r, 1)) {
            ok = false;
            break;
        }
    }
    kr_root_pop(r, 1);
    return ok;
}

static KrValue bytes_from_object(KrRun *r, KrValue src) {
    const uint8_t *d;
    size_t n;
    if (kr_bytes_view(src, &d, &n)) return kr_is_type(src, &kr_type_bytes) ? src : kr_bytes_new(r, d, n);
    if (kr_is_str(src)) return kr_raise(r, &kr_exc_TypeError, "string argument without an encoding");
    if (kr_typeof(src)->flags & KR_TF_HEAP) {
        // a class's __bytes__ first, as CPython (then its __index__: a count)
        KrValue b = kr_call_dunder(r, src, "__bytes__", 0, NULL);
        if (b == KR_EXC || (kr_is_ptr(b) && kr_isinstance(b, &kr_type_bytes))) return b; // a subclass too, as CPython
        if (b != KR_NULL) return kr_raise(r, &kr_exc_TypeError, "__bytes__ returned non-bytes (type %s)", kr_type_name(b));
    }
    int64_t count;
    int k = kr_slice_as_index(r, src, &kr_exc_OverflowError, &count);
    if (k < 0) return KR_EXC;
    if (k > 0) {
        if (count < 0) return kr_raise(r, &kr_exc_ValueError, "negative count");
        KrBytes *o = bytes_alloc(r, (size_t)count);
        if (!o || !kr_run_fill(r, o->data, 0, (size_t)count)) return KR_EXC;
        return kr_from_obj(o);
    }
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    KrValue out = bytes_fill_from_iter(r, &b, src) ? kr_bytes_new(r, b.data, b.len) : KR_EXC;
    kr_buf_free(&b);
    return out;
}

static KrValue bytes_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                               KrValue kwnames) {
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    KrValue a[3];
    if (t != &kr_type_bytes)
        return kr_raise(r, &kr_exc_NotImplementedError, "subclasses of bytes are not supported yet");
    if (!kr_str_bind_args(r, "bytes", names, argc, args, kwnames, a)) return KR_EXC;
    if (a[0] == KR_NULL) {
        if (a[1] != KR_NULL || a[2] != KR_NULL)
            return kr_raise(r, &kr_exc_TypeError, "%s without a string argument",
                            a[1] != KR_NULL ? "encoding" : "errors");
        return kr_from_obj(&bytes_empty);
    }
    if (a[1] == KR_NULL && a[2] == KR_NULL) return bytes_from_object(r, a[0]);
    KrCodec codec;
    KrErrHandler eh;
    const char *ehname;
    if (!kr_is_str(a[0])) {
        // Argument types are checked first, as CPython's argument parser does.
        static const char *const which[] = {"encoding", "errors"};
        for (size_t k = 1; k < 3; k++)
            if (a[k] != KR_NULL && !kr_is_str(a[k]))
                return kr_raise(r, &kr_exc_TypeError, "bytes() argument '%s' must be str, not %s",
                                which[k - 1], a[k] == KR_NONE ? "None" : kr_type_name(a[k]));
        return kr_raise(r, &kr_exc_TypeError, "%s without a string argument",
                        a[1] != KR_NULL ? "encoding" : "errors");
    }
    if (a[1] == KR_NULL)
        return kr_raise(r, &kr_exc_TypeError, "string argument without an encoding");
    if (!kr_str_codec_args(r, "bytes", a[1], a[2], &codec, &eh, &ehname)) return KR_EXC;
    return kr_str_encode(r, a[0], codec, eh, ehname);
}

// ---- decoding ------------------------------------------------------------------------------

// The invalid UTF-8 sequence at p[i] (CPython's decoder): how many bytes
// the error covers and why.
static size_t bytes_utf8_error(const uint8_t *p, size_t n, size_t i, const char **reason) {
    uint8_t c = p[i];
    if (c < 0xC2 || c > 0xF4) {
        *reason = "invalid start byte";
        return 1;
    }
    size_t need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint8_t lo = 0x80, hi = 0xBF; // the second byte's range excludes overlongs,
    if (c == 0xE0) lo = 0xA0;      // surrogates and values above U+10FFFF
    if (c == 0xED) hi = 0x9F;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
    for (size_t k = 1; k < need; k++) {
        if (i + k >= n) {
            *reason = "unexpected end of data";
            return n - i;
        }
        uint8_t x = p[i + k];
        if (k == 1 ? (x < lo || x > hi) : (x & 0xC0) != 0x80) {
            *reason = "invalid continuation byte";
            return k;
        }
    }
    *reason = "invalid start byte"; // not reached for bytes kr_utf8_validate rejected
    return 1;
}

static KrValue bytes_decode_error(KrRun *r, KrCodec codec, const uint8_t *p, size_t n, size_t start,
                                  size_t len, const char *reason) {
    return kr_raise_unicode_decode(r, kr_str_codec_name(codec), p, n, start, start + len, reason);
}

// Applies the error handler to the bad bytes p[i, i+len); returns how many
// bytes it consumed (0 with an exception set).
static size_t bytes_decode_handle(KrRun *r, KrBuf *b, KrCodec codec, KrErrHandler eh,
                                  const char *ehname, const uint8_t *p, size_t n, size_t i,
                                  size_t len, const char *reason) {
    bool ok = true;
    char tmp[8];
    switch (eh) {
    case KR_ERRH_IGNORE: return len;
    case KR_ERRH_REPLACE: ok = kr_buf_append_utf8(b, 0xFFFD); break;
    case KR_ERRH_BACKSLASH:
        for (size_t k = 0; ok && k < len; k++) {
            snprintf(tmp, sizeof tmp, "\\x%02x", p[i + k]);
            ok = kr_buf_append(b, tmp, 4);
        }
        break;
    case KR_ERRH_SURROGATEESCAPE:
        for (size_t k = 0; ok && k < len; k++) ok = kr_buf_append_utf8(b, 0xDC00u + p[i + k]);
        break;
    case KR_ERRH_SURROGATEPASS:
        // An encoded surrogate: kept as is (krait's own storage form).
        if (codec == KR_CODEC_UTF8 && i + 2 < n && p[i] == 0xED && p[i + 1] >= 0xA0 &&
            p[i + 1] <= 0xBF && (p[i + 2] & 0xC0) == 0x80) {
            if (kr_buf_append(b, (const char *)p + i, 3)) return 3;
            bytes_fail(r);
            return 0;
        }
        bytes_decode_error(r, codec, p, n, i, len, reason);
        return 0;
    case KR_ERRH_XMLCHARREF:
        kr_raise(r, &kr_exc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return 0;
    case KR_ERRH_UNKNOWN:
        kr_raise(r, &kr_exc_LookupError, "unknown error handler name '%s'", ehname);
        return 0;
    default: bytes_decode_error(r, codec, p, n, i, len, reason); return 0;
    }
    if (ok) return len;
    bytes_fail(r);
    return 0;
}

// Length of the valid prefix of p[0, n) for the codec.
static size_t bytes_valid_prefix(KrCodec codec, const uint8_t *p, size_t n) {
    if (codec == KR_CODEC_UTF8) return kr_utf8_validate((const char *)p, n);
    size_t i = 0;
    while (i < n && p[i] < 0x80) i++;
    return i;
}

static bool bytes_decode_loop(KrRun *r, KrBuf *b, const uint8_t *p, size_t n, KrCodec codec,
                              KrErrHandler eh, const char *ehname) {
    size_t i = 0;
    while (i < n) {
        size_t k = bytes_valid_prefix(codec, p + i, n - i);
        if (!kr_buf_append(b, (const char *)p + i, k)) {
            bytes_fail(r);
            return false;
        }
        i += k;
        if (i >= n) break;
        const char *reason = "ordinal not in range(128)";
        size_t len = codec == KR_CODEC_UTF8 ? bytes_utf8_error(p, n, i, &reason) : 1;
        size_t used = bytes_decode_handle(r, b, codec, eh, ehname, p, n, i, len, reason);
        if (!used || !kr_run_tick(r, 1)) return false;
        i += used;
    }
    return true;
}

static KrValue bytes_decode_latin1(KrRun *r, const uint8_t *p, size_t n) {
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_reserve(&b, n);
    for (size_t i = 0; ok && i < n; i++) ok = kr_buf_append_utf8(&b, p[i]);
    KrValue out = ok ? kr_str_new_n(r, b.data, b.len, n) : bytes_fail(r);
    kr_buf_free(&b);
    return out;
}

KrValue kr_bytes_decode(KrRun *r, const uint8_t *data, size_t n, KrCodec codec, KrErrHandler eh,
                        const char *ehname) {
    if (codec == KR_CODEC_LATIN1) return bytes_decode_latin1(r, data, n);
    if (bytes_valid_prefix(codec, data, n) == n) return kr_str_new(r, (const char *)data, n);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_reserve(&b, n) && bytes_decode_loop(r, &b, data, n, codec, eh, ehname);
    KrValue out = ok ? kr_str_new(r, b.data, b.len) : bytes_fail(r);
    kr_buf_free(&b);
    return out;
}

KrValue kr_bytes_m_decode(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kw) {
    static const char *const names[] = {"encoding", "errors", NULL};
    KrValue a[2];
    KrCodec codec;
    KrErrHandler eh;
    const char *ehname;
    if (!kr_str_bind_args(r, "decode", names, argc, args, kw, a)) return KR_EXC;
    if (!kr_str_codec_args(r, "decode", a[0], a[1], &codec, &eh, &ehname)) return KR_EXC;
    KrBytes *b = bytes_of(self);
    return kr_bytes_decode(r, b->data, b->len, codec, eh, ehname);
}

// ---- hex, fromhex -------------------------------------------------------------------------

KrValue kr_bytes_m_hex(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    static const char *const names[] = {"sep", "bytes_per_sep", NULL};
    KrValue a[2];
    if (!kr_str_bind_args(r, "hex", names, argc, args, kw, a)) return KR_EXC;
    char sep = 0;
    int64_t per = 1;
    if (a[0] != KR_NULL) {
        const uint8_t *d;
        size_t n;
        if (kr_is_str(a[0])) {
            KrStr *s = kr_as_str(a[0]);
            if (s->len != 1) return kr_raise(r, &kr_exc_ValueError, "sep must be length 1.");
            if (s->nbytes != 1) return kr_raise(r, &kr_exc_ValueError, "sep must be ASCII.");
            sep = s->data[0];
        } else if (kr_bytes_view(a[0], &d, &n)) {
            if (n != 1) return kr_raise(r, &kr_exc_ValueError, "sep must be length 1.");
            if (d[0] >= 0x80) return kr_raise(r, &kr_exc_ValueError, "sep must be ASCII.");
            sep = (char)d[0];
        } else {
            return kr_raise(r, &kr_exc_TypeError, "object of type '%s' has no len()",
                            kr_type_name(a[0]));
        }
    }
    if (a[1] != KR_NULL) { // a C int in CPython
        KrValue iv = kr_index_value(r, a[1]);
        if (iv == KR_EXC) return KR_EXC;
        if (iv == KR_NULL)
            return kr_raise(r, &kr_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                            kr_type_name(a[1]));
        if (kr_is_bool(iv)) per = iv == KR_TRUE;
        else if (!kr_int_to_i64(iv, &per) || per > INT32_MAX || per < INT32_MIN)
            return kr_raise(r, &kr_exc_OverflowError, "Python int too large to convert to C int");
    }
    KrBytes *b = bytes_of(self);
    size_t group = per < 0 ? (size_t)0 - (size_t)per : (size_t)per;
    if (!sep || group == 0 || b->len == 0) group = 0;
    size_t nseps = group ? (b->len - 1) / group : 0, total;
    if (!kr_size_mul(b->len, 2, &total) || !kr_size_add(total, nseps, &total)) return bytes_nomem(r);
    KrBuf out;
    kr_buf_init(&out, kr_run_allocator(r));
    bool ok = kr_buf_reserve(&out, total);
    // Groups count from the right for a positive bytes_per_sep.
    size_t first = group ? (per > 0 ? (b->len % group ? b->len % group : group) : group) : 0;
    for (size_t i = 0; ok && i < b->len; i++) {
        if (group && i && (i == first || (i > first && (i - first) % group == 0)))
            ok = kr_buf_append_char(&out, sep);
        char h[2] = {"0123456789abcdef"[b->data[i] >> 4], "0123456789abcdef"[b->data[i] & 15]};
        ok = ok && kr_buf_append(&out, h, 2);
    }
    KrValue res = ok ? kr_str_new_n(r, out.data, out.len, out.len) : bytes_fail(r);
    kr_buf_free(&out);
    return res;
}

static int bytes_hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static bool bytes_ascii_space(uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

KrValue kr_bytes_m_fromhex(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                           KrValue kw) {
    (void)self;
    if (!kr_str_argcheck(r, "bytes.fromhex", argc, kw, 1, 1, false)) return KR_EXC;
    if (!kr_is_str(args[0]))
        return kr_raise(r, &kr_exc_TypeError, "fromhex() argument must be str, not %s",
                        kr_arg_type_name(args[0]));
    KrStr *s = kr_as_str(args[0]);
    KrBuf out;
    kr_buf_init(&out, kr_run_allocator(r));
    bool ok = kr_buf_reserve(&out, s->nbytes / 2);
    size_t i = 0, n = s->nbytes;
    while (ok) {
        while (i < n && bytes_ascii_space((uint8_t)s->data[i])) i++;
        if (i >= n) break;
        int hi = bytes_hexval(s->data[i]);
        int lo = hi < 0 || i + 1 >= n ? -1 : bytes_hexval(s->data[i + 1]);
        if (lo < 0) {
            size_t at = hi < 0 ? i : i + 1; // in code points, as CPython reports
            kr_buf_free(&out);
            return kr_raise(r, &kr_exc_ValueError,
                            "non-hexadecimal number found in fromhex() arg at position %zu",
                            s->len == s->nbytes ? at : kr_utf8_count(s->data, at));
        }
        ok = kr_buf_append_char(&out, (char)(hi * 16 + lo));
        i += 2;
    }
    KrValue res = ok ? kr_bytes_new(r, out.data, out.len) : bytes_fail(r);
    kr_buf_free(&out);
    return res;
}

// ---- searching ----------------------------------------------------------------------------

// The needle of find/count/index...: an int byte or a bytes-like object.
static bool bytes_needle(KrRun *r, KrValue v, uint8_t *one, const uint8_t **d, size_t *n) {
    if (kr_is_int(v) || kr_is_bool(v)) {
        if (!bytes_byte_value(r, v, one)) return false;
        *d = one;
        *n = 1;
        return true;
    }
    if (kr_bytes_view(v, d, n)) return true;
    kr_raise(r, &kr_exc_TypeError, "argument should be integer or bytes-like object, not '%s'",
             kr_type_name(v));
    return false;
}

// Optional start/end into [*b0, *b1); 0 if start lies past the end.
static int bytes_window(KrRun *r, size_t len, size_t argc, const KrValue *args, size_t first,
                        size_t *b0, size_t *b1) {
    int64_t start = 0, end = INT64_MAX;
    if (argc > first && !kr_str_slice_arg(r, args[first], &start)) return -1;
    if (argc > first + 1 && !kr_str_slice_arg(r, args[first + 1], &end)) return -1;
    kr_str_adjust_window(&start, &end, len);
    if (start > end) return 0;
    *b0 = (size_t)start;
    *b1 = (size_t)end;
    return 1;
}

static KrValue bytes_find_common(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                 KrValue kw, const char *qualname, bool rev, bool raise) {
    if (!kr_str_argcheck(r, qualname, argc, kw, 1, 3, true)) return KR_EXC;
    KrBytes *b = bytes_of(self);
    uint8_t one;
    const uint8_t *d;
    size_t n, b0 = 0, b1 = 0, pos = SIZE_MAX;
    // start/end first (CPython's order): their __index__ may resize a bytearray needle
    int w = bytes_window(r, b->len, argc, args, 1, &b0, &b1);
    if (w < 0 || !bytes_needle(r, args[0], &one, &d, &n)) return KR_EXC;
    const char *h = (const char *)b->data;
    if (w && rev) {
        pos = kr_str_rsearch(h + b0, b1 - b0, (const char *)d, n);
        if (pos != SIZE_MAX) pos += b0;
    } else if (w) {
        pos = kr_str_search(h, b1, (const char *)d, n, b0);
    }
    if (pos == SIZE_MAX) {
        if (raise) return kr_raise(r, &kr_exc_ValueError, "subsection not found");
        return kr_from_small(-1);
    }
    return kr_from_small((int64_t)pos);
}

KrValue kr_bytes_m_find(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return bytes_find_common(r, self, argc, args, kw, "bytes.find", false, false);
}
KrValue kr_bytes_m_rfind(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return bytes_find_common(r, self, argc, args, kw, "bytes.rfind", true, false);
}
KrValue kr_bytes_m_index(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return bytes_find_common(r, self, argc, args, kw, "bytes.index", false, true);
}
KrValue kr_bytes_m_rindex(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kw) {
    return bytes_find_common(r, self, argc, args, kw, "bytes.rindex", true, true);
}

KrValue kr_bytes_m_count(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                         KrValue kw) {
    if (!kr_str_argcheck(r, "bytes.count", argc, kw, 1, 3, true)) return KR_EXC;
    KrBytes *b = bytes_of(self);
    uint8_t one;
    const uint8_t *d;
    size_t n, b0 = 0, b1 = 0;
    int w = bytes_window(r, b->len, argc, args, 1, &b0, &b1); // before the needle's view
    if (w < 0 || !bytes_needle(r, args[0], &one, &d, &n)) return KR_EXC;
    if (w == 0) return kr_from_small(0);
    if (n == 0) return kr_from_small((int64_t)(b1 - b0) + 1);
    size_t count;
    if (!kr_str_count_occ(r, (const char *)b->data + b0, b1 - b0, (const char *)d, n, SIZE_MAX, &count))
        return KR_EXC;
    return kr_from_small((int64_t)count);
}

static KrValue bytes_affix(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw,
                           bool end) {
    const char *fname = end ? "endswith" : "startswith";
    if (!kr_str_argcheck(r, end ? "bytes.endswith" : "bytes.startswith", argc, kw, 1, 3, true))
        return KR_EXC;
    KrBytes *b = bytes_of(self);
    KrValue x = args[0];
    const uint8_t *d = NULL;
    size_t n = 0, b0 = 0, b1 = 0;
    bool tuple = kr_is_type(x, &kr_type_tuple);
    int w = bytes_window(r, b->len, argc, args, 1, &b0, &b1); // before x's view, as CPython
    if (w < 0) return KR_EXC;
    if (!tuple && !kr_bytes_view(x, &d, &n))
        return kr_raise(r, &kr_exc_TypeError,
                        "%s first arg must be bytes or a tuple of bytes, not %s", fname,
                        kr_type_name(x));
    size_t count = tuple ? kr_as_tuple(x)->len : 1;
    for (size_t i = 0; i < count; i++) {
        if (tuple && !bytes_arg(r, kr_as_tuple(x)->items[i], &d, &n)) return KR_EXC;
        if (!w || n > b1 - b0) continue;
        size_t at = end ? b1 - n : b0;
        if (n == 0 || memcmp(b->data + at, d, n) == 0) return KR_TRUE;
    }
    return KR_FALSE;
}

KrValue kr_bytes_m_startswith(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                              KrValue kw) {
    return bytes_affix(r, self, argc, args, kw, false);
}
KrValue kr_bytes_m_endswith(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                            KrValue kw) {
    return bytes_affix(r, self, argc, args, kw, true);
}

// ---- split, partition, strip, replace, join -------------------------------------------------

static bool bytes_push(KrRun *r, KrValue list, KrValue item) {
    if (item == KR_EXC) return false;
    KrList *l = kr_as_list(list);
    if (!kr_list_append(r, l, item)) return false;
    return (l->len & 1023) != 0 || kr_run_tick(r, 256);
}

static void bytes_list_reverse(KrValue list) {
    KrList *l = kr_as_list(list);
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        KrValue t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
}

static KrValue bytes_split_ws(KrRun *r, KrValue self, int64_t maxsplit, KrValue list, bool rev) {
    KrBytes *b = bytes_of(self);
    const uint8_t *d = b->data;
    size_t n = b->len;
    if (!rev) {
        size_t i = 0;
        for (;;) {
            while (i < n && bytes_ascii_space(d[i])) i++;
            if (i >= n) break;
            size_t start = i;
            if (maxsplit-- == 0) return bytes_push(r, list, bytes_sub(r, self, start, n)) ? list : KR_EXC;
            while (i < n && !bytes_ascii_space(d[i])) i++;
            if (!bytes_push(r, list, bytes_sub(r, self, start, i))) return KR_EXC;
        }
        return list;
    }
    size_t end = n;
    for (;;) {
        while (end > 0 && bytes_ascii_space(d[end - 1])) end--;
        if (end == 0) break;
        if (maxsplit-- == 0) {
            if (!bytes_push(r, list, bytes_sub(r, self, 0, end))) return KR_EXC;
            break;
        }
        size_t start = end;
        while (start > 0 && !bytes_ascii_space(d[start - 1])) start--;
        if (!bytes_push(r, list, bytes_sub(r, self, start, end))) return KR_EXC;
        end = start;
    }
    bytes_list_reverse(list);
    return list;
}

static KrValue bytes_split_sep(KrRun *r, KrValue self, const uint8_t *sep, size_t sn,
                               int64_t maxsplit, KrValue list, bool rev) {
    KrBytes *b = bytes_of(self);
    const char *h = (const char *)b->data;
    size_t pos = 0, end = b->len;
    while (maxsplit-- != 0) {
        size_t at = rev ? kr_str_rsearch(h, end, (const char *)sep, sn)
                        : kr_str_search(h, b->len, (const char *)sep, sn, pos);
        if (at == SIZE_MAX) break;
        KrValue item = rev ? bytes_sub(r, self, at + sn, end) : bytes_sub(r, self, pos, at);
        if (!bytes_push(r, list, item)) return KR_EXC;
        if (rev) end = at;
        else pos = at + sn;
    }
    if (!bytes_push(r, list, bytes_sub(r, self, pos, end))) return KR_EXC;
    if (rev) bytes_list_reverse(list);
    return list;
}

static KrValue bytes_split_common(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                  KrValue kw, bool rev) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    KrValue a[2];
    if (!kr_str_bind_args(r, rev ? "rsplit" : "split", names, argc, args, kw, a)) return KR_EXC;
    const uint8_t *sep = NULL;
    size_t sn = 0;
    int64_t maxsplit = -1; // first (CPython's order): __index__ may resize a bytearray sep
    if (a[1] != KR_NULL && !kr_index(r, a[1], &maxsplit)) return KR_EXC;
    if (a[0] != KR_NULL && a[0] != KR_NONE && !bytes_arg(r, a[0], &sep, &sn)) return KR_EXC;
    if (maxsplit < 0) maxsplit = -1;
    if (sep && sn == 0) return kr_raise(r, &kr_exc_ValueError, "empty separator");
    KrValue list = kr_list_new(r, 0);
    if (list == KR_EXC) return KR_EXC;
    if (!sep) return bytes_split_ws(r, self, maxsplit, list, rev);
    return bytes_split_sep(r, self, sep, sn, maxsplit, list, rev);
}

KrValue kr_bytes_m_split(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                         KrValue kw) {
    return bytes_split_common(r, self, argc, args, kw, false);
}
KrValue kr_bytes_m_rsplit(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kw) {
    return bytes_split_common(r, self, argc, args, kw, true);
}

KrValue kr_bytes_m_splitlines(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                              KrValue kw) {
    static const char *const names[] = {"keepends", NULL};
    KrValue a[1];
    if (!kr_str_bind_args(r, "splitlines", names, argc, args, kw, a)) return KR_EXC;
    int64_t keep = 0;
    if (a[0] != KR_NULL && !kr_index(r, a[0], &keep)) return KR_EXC;
    KrBytes *b = bytes_of(self);
    KrValue list = kr_list_new(r, 0);
    if (list == KR_EXC) return KR_EXC;
    size_t i = 0, start = 0;
    while (i < b->len) {
        uint8_t c = b->data[i];
        if (c != '\n' && c != '\r') {
            i++;
            continue;
        }
        size_t br = c == '\r' && i + 1 < b->len && b->data[i + 1] == '\n' ? 2 : 1;
        if (!bytes_push(r, list, bytes_sub(r, self, start, keep ? i + br : i))) return KR_EXC;
        i += br;
        start = i;
    }
    if (start < b->len && !bytes_push(r, list, bytes_sub(r, self, start, b->len))) return KR_EXC;
    return list;
}

static KrValue bytes_partition(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                               KrValue kw, bool rev) {
    if (!kr_str_argcheck(r, rev ? "bytes.rpartition" : "bytes.partition", argc, kw, 1, 1, false))
        return KR_EXC;
    const uint8_t *sep;
    size_t sn;
    if (!bytes_arg(r, args[0], &sep, &sn)) return KR_EXC;
    if (sn == 0) return kr_raise(r, &kr_exc_ValueError, "empty separator");
    KrBytes *b = bytes_of(self);
    const char *h = (const char *)b->data;
    size_t at = rev ? kr_str_rsearch(h, b->len, (const char *)sep, sn)
                    : kr_str_search(h, b->len, (const char *)sep, sn, 0);
    KrValue t = kr_tuple_new(r, 3);
    if (t == KR_EXC) return KR_EXC;
    KrValue *items = kr_as_tuple(t)->items;
    items[0] = items[1] = items[2] = kr_from_obj(&bytes_empty);
    if (at == SIZE_MAX) {
        items[rev ? 2 : 0] = bytes_sub(r, self, 0, b->len);
        return t;
    }
    items[0] = bytes_sub(r, self, 0, at);
    items[1] = kr_bytes_new(r, sep, sn);
    items[2] = bytes_sub(r, self, at + sn, b->len);
    return items[0] == KR_EXC || items[1] == KR_EXC || items[2] == KR_EXC ? KR_EXC : t;
}

KrValue kr_bytes_m_partition(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                             KrValue kw) {
    return bytes_partition(r, self, argc, args, kw, false);
}
KrValue kr_bytes_m_rpartition(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                              KrValue kw) {
    return bytes_partition(r, self, argc, args, kw, true);
}

// mode bit 1: left, bit 2: right.
static KrValue bytes_strip(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw,
                           int mode, const char *qualname) {
    if (!kr_str_argcheck(r, qualname, argc, kw, 0, 1, false)) return KR_EXC;
    const uint8_t *chars = NULL;
    size_t nc = 0;
    if (argc && args[0] != KR_NONE && !bytes_arg(r, args[0], &chars, &nc)) return KR_EXC;
    KrBytes *b = bytes_of(self);
    size_t b0 = 0, b1 = b->len;
#define BYTES_STRIPPED(c) (chars ? (nc && memchr(chars, (c), nc) != NULL) : bytes_ascii_space(c))
    while ((mode & 1) && b0 < b1 && BYTES_STRIPPED(b->data[b0])) b0++;
    while ((mode & 2) && b1 > b0 && BYTES_STRIPPED(b->data[b1 - 1])) b1--;
#undef BYTES_STRIPPED
    return bytes_sub(r, self, b0, b1);
}

KrValue kr_bytes_m_strip(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                         KrValue kw) {
    return bytes_strip(r, self, argc, args, kw, 3, "bytes.strip");
}
KrValue kr_bytes_m_lstrip(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kw) {
    return bytes_strip(r, self, argc, args, kw, 1, "bytes.lstrip");
}
KrValue kr_bytes_m_rstrip(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kw) {
    return bytes_strip(r, self, argc, args, kw, 2, "bytes.rstrip");
}

static KrValue bytes_replace(KrRun *r, KrValue self, const uint8_t *old, size_t on,
                             const uint8_t *nw, size_t nn, size_t max) {
    KrBytes *b = bytes_of(self);
    const char *h = (const char *)b->data;
    if (max == 0) return bytes_sub(r, self, 0, b->len);
    KrBuf out;
    kr_buf_init(&out, kr_run_allocator(r));
    bool ok = true;
    size_t pos = 0, count = 0;
    if (on == 0) {
        // Insert before every byte and at the end, max times.
        for (; ok && count < max && pos <= b->len; count++, pos++) {
            ok = kr_buf_append(&out, (const char *)nw, nn) &&
                 (pos == b->len || kr_buf_append_char(&out, h[pos])) &&
                 ((count & 255) != 255 || kr_run_tick_bytes(r, 256 * (nn + 1)));
        }
        if (pos > b->len) pos = b->len;
    } else {
        while (ok && count < max) {
            size_t at = kr_str_search(h, b->len, (const char *)old, on, pos);
            if (at == SIZE_MAX) break;
            ok = kr_buf_append(&out, h + pos, at - pos) && kr_buf_append(&out, (const char *)nw, nn);
            pos = at + on;
            count++;
            if ((count & 255) == 0) ok = ok && kr_run_tick_bytes(r, 256 * (on + nn));
        }
        if (count == 0) {
            kr_buf_free(&out);
            return bytes_sub(r, self, 0, b->len);
        }
    }
    ok = ok && kr_buf_append(&out, h + pos, b->len - pos) && kr_run_tick_bytes(r, out.len);
    KrValue res = ok ? kr_bytes_new(r, out.data, out.len) : bytes_fail(r);
    kr_buf_free(&out);
    return res;
}

KrValue kr_bytes_m_replace(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                           KrValue kw) {
    if (!kr_str_argcheck(r, "bytes.replace", argc, kw, 2, 3, false)) return KR_EXC;
    const uint8_t *old, *nw;
    size_t on, nn;
    if (!bytes_arg(r, args[0], &old, &on) || !bytes_arg(r, args[1], &nw, &nn)) return KR_EXC;
    int64_t count = -1;
    if (argc > 2 && !kr_index(r, args[2], &count)) return KR_EXC;
    // __index__ may have resized a bytearray argument: view both again
    if (!bytes_arg(r, args[0], &old, &on) || !bytes_arg(r, args[1], &nw, &nn)) return KR_EXC;
    return bytes_replace(r, self, old, on, nw, nn, count < 0 ? SIZE_MAX : (size_t)count);
}

static KrValue bytes_join_items(KrRun *r, KrValue self, const KrValue *items, size_t n) {
    KrBytes *sep = bytes_of(self);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        const uint8_t *d;
        size_t k;
        if (!kr_bytes_view(items[i], &d, &k))
            return kr_raise(r, &kr_exc_TypeError,
                            "sequence item %zu: expected a bytes-like object, %s found", i,
                            kr_type_name(items[i]));
        if (!kr_size_add(total, k, &total)) return bytes_nomem(r);
    }
    size_t seps;
    if (n && (!kr_size_mul(sep->len, n - 1, &seps) || !kr_size_add(total, seps, &total)))
        return bytes_nomem(r);
    if (n == 1 && kr_is_type(items[0], &kr_type_bytes)) return items[0];
    if (total == 0) return kr_from_obj(&bytes_empty);
    KrBytes *o = bytes_alloc(r, total);
    if (!o) return KR_EXC;
    uint8_t *p = o->data;
    for (size_t i = 0; i < n; i++) {
        if (i && sep->len) {
            memcpy(p, sep->data, sep->len);
            p += sep->len;
        }
        KrBytes *x = bytes_of(items[i]);
        if (x->len) memcpy(p, x->data, x->len);
        p += x->len;
    }
    if (!kr_run_tick_bytes(r, total + n * 8)) return KR_EXC;
    return kr_from_obj(o);
}

KrValue kr_bytes_m_join(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!kr_str_argcheck(r, "bytes.join", argc, kw, 1, 1, false)) return KR_EXC;
    KrValue src = args[0];
    if (kr_is_type(src, &kr_type_list))
        return bytes_join_items(r, self, kr_as_list(src)->items, kr_as_list(src)->len);
    if (kr_is_type(src, &kr_type_tuple))
        return bytes_join_items(r, self, kr_as_tuple(src)->items, kr_as_tuple(src)->len);
    KrValue it = kr_iter(r, src);
    if (it == KR_EXC) {
        if (!kr_pending_is(r, &kr_exc_TypeError)) return KR_EXC;
        kr_clear_exc(r);
        return kr_raise(r, &kr_exc_TypeError, "can only join an iterable");
    }
    kr_root_push(r, &it);
    KrValue list = kr_list_from_iter(r, it);
    kr_root_pop(r, 1);
    if (list == KR_EXC) return KR_EXC;
    return bytes_join_items(r, self, kr_as_list(list)->items, kr_as_list(list)->len);
}

static KrValue bytes_remove_affix(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                  KrValue kw, bool suffix) {
    if (!kr_str_argcheck(r, suffix ? "bytes.removesuffix" : "bytes.removeprefix", argc, kw, 1, 1,
                         false))
        return KR_EXC;
    const uint8_t *d;
    size_t n;
    if (!bytes_arg(r, args[0], &d, &n)) return KR_EXC;
    KrBytes *b = bytes_of(self);
    if (n == 0 || n > b->len) return bytes_sub(r, self, 0, b->len);
    if (suffix)
        return memcmp(b->data + b->len - n, d, n) == 0 ? bytes_sub(r, self, 0, b->len - n)
                                                       : bytes_sub(r, self, 0, b->len);
    return memcmp(b->data, d, n) == 0 ? bytes_sub(r, self, n, b->len) : bytes_sub(r, self, 0, b->len);
}

KrValue kr_bytes_m_removeprefix(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                KrValue kw) {
    return bytes_remove_affix(r, self, argc, args, kw, false);
}
KrValue kr_bytes_m_removesuffix(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                KrValue kw) {
    return bytes_remove_affix(r, self, argc, args, kw, true);
}

// ---- ASCII case and classification ------------------------------------------------------------

static bool bytes_upper_c(uint8_t c) { return c >= 'A' && c <= 'Z'; }
static bool bytes_lower_c(uint8_t c) { return c >= 'a' && c <= 'z'; }
static bool bytes_alpha_c(uint8_t c) { return bytes_upper_c(c) || bytes_lower_c(c); }
static bool bytes_digit_c(uint8_t c) { return c >= '0' && c <= '9'; }
static bool bytes_alnum_c(uint8_t c) { return bytes_alpha_c(c) || bytes_digit_c(c); }

typedef enum { BYTES_LOWER, BYTES_UPPER, BYTES_SWAPCASE, BYTES_TITLE, BYTES_CAPITALIZE } BytesCase;

static KrValue bytes_case(KrRun *r, KrValue self, size_t argc, KrValue kw, BytesCase mode,
                          const char *qualname) {
    if (!kr_str_argcheck(r, qualname, argc, kw, 0, 0, false)) return KR_EXC;
    KrBytes *b = bytes_of(self);
    if (b->len == 0) return kr_from_obj(&bytes_empty);
    KrBytes *o = bytes_alloc(r, b->len);
    if (!o) return KR_EXC;
    bool prev = false;
    for (size_t i = 0; i < b->len; i++) {
        uint8_t c = b->data[i];
        bool up;
        switch (mode) {
        case BYTES_UPPER: up = true; break;
        case BYTES_SWAPCASE: up = bytes_lower_c(c); break;
        case BYTES_TITLE: up = !prev; break;
        case BYTES_CAPITALIZE: up = i == 0; break;
        default: up = false; break;
        }
        prev = bytes_alpha_c(c);
        if (up && bytes_lower_c(c)) c = (uint8_t)(c - 32);
        else if (!up && bytes_upper_c(c)) c = (uint8_t)(c + 32);
        o->data[i] = c;
    }
    return kr_from_obj(o);
}

#define BYTES_CASE_METHOD(fname, mode)                                                        \
    KrValue kr_bytes_m_##fname(KrRun *r, KrValue self, size_t argc, const KrValue *args,      \
                               KrValue kw) {                                                  \
        (void)args;                                                                           \
        return bytes_case(r, self, argc, kw, mode, "bytes." #fname);                          \
    }

BYTES_CASE_METHOD(lower, BYTES_LOWER)
BYTES_CASE_METHOD(upper, BYTES_UPPER)
BYTES_CASE_METHOD(swapcase, BYTES_SWAPCASE)
BYTES_CASE_METHOD(title, BYTES_TITLE)
BYTES_CASE_METHOD(capitalize, BYTES_CAPITALIZE)

#define BYTES_PRED_METHOD(fname, pred)                                                        \
    KrValue kr_bytes_m_##fname(KrRun *r, KrValue self, size_t argc, const KrValue *args,      \
                               KrValue kw) {                                                  \
        (void)args;                                                                           \
        if (!kr_str_argcheck(r, "bytes." #fname, argc, kw, 0, 0, false)) return KR_EXC;        \
        KrBytes *b = bytes_of(self);                                                          \
        if (b->len == 0) return KR_FALSE;                                                     \
        for (size_t i = 0; i < b->len; i++)                                                   \
            if (!pred(b->data[i])) return KR_FALSE;                                           \
        return KR_TRUE;                                                                       \
    }

BYTES_PRED_METHOD(isalnum, bytes_alnum_c)
BYTES_PRED_METHOD(isalpha, bytes_alpha_c)
BYTES_PRED_METHOD(isdigit, bytes_digit_c)
BYTES_PRED_METHOD(isspace, bytes_ascii_space)

KrValue kr_bytes_m_isascii(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                           KrValue kw) {
    (void)args;
    if (!kr_str_argcheck(r, "bytes.isascii", argc, kw, 0, 0, false)) return KR_EXC;
    KrBytes *b = bytes_of(self);
    for (size_t i = 0; i < b->len; i++)
        if (b->data[i] >= 0x80) return KR_FALSE;
    return KR_TRUE;
}

// islower / isupper: some letter of that case and none of the other.
static KrValue bytes_cased(KrRun *r, KrValue self, size_t argc, KrValue kw, bool lower) {
    if (!kr_str_argcheck(r, lower ? "bytes.islower" : "bytes.isupper", argc, kw, 0, 0, false))
        return KR_EXC;
    KrBytes *b = bytes_of(self);
    bool cased = false;
    for (size_t i = 0; i < b->len; i++) {
        uint8_t c = b->data[i];
        if (lower ? bytes_upper_c(c) : bytes_lower_c(c)) return KR_FALSE;
        if (lower ? bytes_lower_c(c) : bytes_upper_c(c)) cased = true;
    }
    return kr_bool(cased);
}

KrValue kr_bytes_m_islower(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                           KrValue kw) {
    (void)args;
    return bytes_cased(r, self, argc, kw, true);
}
KrValue kr_bytes_m_isupper(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                           KrValue kw) {
    (void)args;
    return bytes_cased(r, self, argc, kw, false);
}

KrValue kr_bytes_m_istitle(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                           KrValue kw) {
    (void)args;
    if (!kr_str_argcheck(r, "bytes.istitle", argc, kw, 0, 0, false)) return KR_EXC;
    KrBytes *b = bytes_of(self);
    bool cased = false, prev = false;
    for (size_t i = 0; i < b->len; i++) {
        uint8_t c = b->data[i];
        if (bytes_upper_c(c)) {
            if (prev) return KR_FALSE;
            prev = cased = true;
        } else if (bytes_lower_c(c)) {
            if (!prev) return KR_FALSE;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return kr_bool(cased);
}

// ---- padding ------------------------------------------------------------------------------------

// which: 0 ljust, 1 rjust, 2 center, 3 zfill.
static KrValue bytes_justify(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw,
                             int which, const char *qualname) {
    bool zfill = which == 3;
    if (!kr_str_argcheck(r, qualname, argc, kw, 1, zfill ? 1 : 2, false)) return KR_EXC;
    int64_t width;
    if (!kr_index(r, args[0], &width)) return KR_EXC;
    uint8_t fill = zfill ? '0' : ' ';
    if (argc > 1) {
        const uint8_t *d;
        size_t n;
        if (!kr_bytes_view(args[1], &d, &n) || n != 1)
            return kr_raise(r, &kr_exc_TypeError,
                            "%s() argument 2 must be a byte string of length 1, not %s",
                            qualname + 6, kr_arg_type_name(args[1]));
        fill = d[0];
    }
    KrBytes *b = bytes_of(self);
    if (width <= (int64_t)b->len) return bytes_sub(r, self, 0, b->len);
    size_t marg = (size_t)width - b->len, left;
    if (which == 0) left = 0;
    else if (which == 2) left = marg / 2 + (marg & (size_t)width & 1);
    else left = marg;
    KrBytes *o = bytes_alloc(r, (size_t)width);
    if (!o || !kr_run_fill(r, o->data, fill, left) || !kr_run_copy(r, o->data + left, b->data, b->len) ||
        !kr_run_fill(r, o->data + left + b->len, fill, marg - left))
        return KR_EXC;
    if (zfill && b->len && (b->data[0] == '+' || b->data[0] == '-')) {
        o->data[0] = b->data[0];
        o->data[left] = '0';
    }
    return kr_from_obj(o);
}

KrValue kr_bytes_m_ljust(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return bytes_justify(r, self, argc, args, kw, 0, "bytes.ljust");
}
KrValue kr_bytes_m_rjust(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return bytes_justify(r, self, argc, args, kw, 1, "bytes.rjust");
}
KrValue kr_bytes_m_center(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kw) {
    return bytes_justify(r, self, argc, args, kw, 2, "bytes.center");
}
KrValue kr_bytes_m_zfill(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return bytes_justify(r, self, argc, args, kw, 3, "bytes.zfill");
}

KrValue kr_bytes_m_expandtabs(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                              KrValue kw) {
    static const char *const names[] = {"tabsize", NULL};
    KrValue a[1];
    if (!kr_str_bind_args(r, "expandtabs", names, argc, args, kw, a)) return KR_EXC;
    int64_t tab = 8;
    if (a[0] != KR_NULL && !kr_index(r, a[0], &tab)) return KR_EXC;
    KrBytes *b = bytes_of(self);
    KrBuf out;
    kr_buf_init(&out, kr_run_allocator(r));
    bool ok = true;
    size_t col = 0;
    for (size_t i = 0; ok && i < b->len; i++) {
        uint8_t c = b->data[i];
        if (c == '\t') {
            if (tab > 0) {
                size_t k = (size_t)tab - col % (size_t)tab;
                ok = kr_buf_append_repeat(&out, ' ', k) && kr_run_tick_bytes(r, k);
                col += k;
            }
        } else {
            ok = kr_buf_append_char(&out, (char)c);
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
    }
    KrValue res = ok ? kr_bytes_new(r, out.data, out.len) : bytes_fail(r);
    kr_buf_free(&out);
    return res;
}

// ---- translate, maketrans ----------------------------------------------------------------------

KrValue kr_bytes_m_translate(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                             KrValue kw) {
    static const char *const names[] = {"table", "delete", NULL};
    KrValue a[2];
    if (argc == 0)
        return kr_raise(r, &kr_exc_TypeError,
                        "translate() takes at least 1 positional argument (0 given)");
    if (!kr_str_bind_args(r, "translate", names, argc, args, kw, a)) return KR_EXC;
    const uint8_t *table = NULL, *del = NULL;
    size_t tn = 0, dn = 0;
    if (a[0] != KR_NONE && a[0] != KR_NULL) {
        if (!bytes_arg(r, a[0], &table, &tn)) return KR_EXC;
        if (tn != 256)
            return kr_raise(r, &kr_exc_ValueError, "translation table must be 256 characters long");
    }
    if (a[1] != KR_NULL && !bytes_arg(r, a[1], &del, &dn)) return KR_EXC;
    bool drop[256] = {false};
    for (size_t i = 0; i < dn; i++) drop[del[i]] = true;
    KrBytes *b = bytes_of(self);
    KrBuf out;
    kr_buf_init(&out, kr_run_allocator(r));
    bool ok = kr_buf_reserve(&out, b->len);
    for (size_t i = 0; ok && i < b->len; i++) {
        uint8_t c = b->data[i];
        if (!drop[c]) ok = kr_buf_append_char(&out, (char)(table ? table[c] : c));
    }
    ok = ok && kr_run_tick_bytes(r, b->len);
    KrValue res = ok ? kr_bytes_new(r, out.data, out.len) : bytes_fail(r);
    kr_buf_free(&out);
    return res;
}

KrValue kr_bytes_m_maketrans(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                             KrValue kw) {
    (void)self;
    if (!kr_str_argcheck(r, "bytes.maketrans", argc, kw, 2, 2, false)) return KR_EXC;
    const uint8_t *from, *to;
    size_t fn, tn;
    if (!bytes_arg(r, args[0], &from, &fn) || !bytes_arg(r, args[1], &to, &tn)) return KR_EXC;
    if (fn != tn) return kr_raise(r, &kr_exc_ValueError, "maketrans arguments must have same length");
    uint8_t table[256];
    for (size_t i = 0; i < 256; i++) table[i] = (uint8_t)i;
    for (size_t i = 0; i < fn; i++) table[from[i]] = to[i];
    return kr_bytes_new(r, table, 256);
}

// ---- dunder methods ------------------------------------------------------------------------

#define BYTES_WRAPPER(fname, n, body)                                                         \
    static KrValue bytes_d_##fname(KrRun *r, KrValue self, size_t argc, const KrValue *args, \
                                   KrValue kw) {                                              \
        (void)args;                                                                           \
        if (!kr_wrapper_args(r, "__" #fname "__", argc, kw, n, n)) return KR_EXC;            \
        body                                                                                  \
    }

BYTES_WRAPPER(len, 0, return kr_from_small((int64_t)bytes_of(self)->len);)
BYTES_WRAPPER(hash, 0, int64_t h; bytes_hash(r, self, &h); return kr_int_from_i64(r, h);)
BYTES_WRAPPER(iter, 0, return bytes_iter(r, self);)
BYTES_WRAPPER(repr, 0, return kr_bytes_repr(r, self);)
BYTES_WRAPPER(bytes, 0, return bytes_sub(r, self, 0, bytes_of(self)->len);)
BYTES_WRAPPER(str, 0, return kr_bytes_repr(r, self);)

// object.__format__: only the empty spec.
static KrValue bytes_d_format(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                              KrValue kw) {
    if (!kr_str_argcheck(r, "object.__format__", argc, kw, 1, 1, false)) return KR_EXC;
    if (!kr_is_str(args[0]))
        return kr_raise(r, &kr_exc_TypeError, "__format__() argument must be str, not %s",
                        kr_arg_type_name(args[0]));
    if (kr_as_str(args[0])->nbytes)
        return kr_raise(r, &kr_exc_TypeError, "unsupported format string passed to bytes.__format__");
    return kr_bytes_repr(r, self);
}
BYTES_WRAPPER(getitem, 1, return bytes_getitem(r, self, args[0]);)
BYTES_WRAPPER(mod, 1, return kr_bytes_percent(r, self, args[0]);)
BYTES_WRAPPER(rmod, 1, (void)r; (void)self; return KR_NOTIMPL;)
BYTES_WRAPPER(contains, 1, int c = kr_bytes_contains(r, self, args[0]); return c < 0 ? KR_EXC : kr_bool(c);)
BYTES_WRAPPER(add, 1, return bytes_concat(r, self, args[0]);)
BYTES_WRAPPER(mul, 1, int64_t n; if (!kr_index(r, args[0], &n)) return KR_EXC; return bytes_repeat(r, self, n);)
BYTES_WRAPPER(eq, 1, return kr_bytes_compare(r, self, args[0], KR_CMP_EQ);)
BYTES_WRAPPER(ne, 1, return kr_bytes_compare(r, self, args[0], KR_CMP_NE);)
BYTES_WRAPPER(lt, 1, return kr_bytes_compare(r, self, args[0], KR_CMP_LT);)
BYTES_WRAPPER(le, 1, return kr_bytes_compare(r, self, args[0], KR_CMP_LE);)
BYTES_WRAPPER(gt, 1, return kr_bytes_compare(r, self, args[0], KR_CMP_GT);)
BYTES_WRAPPER(ge, 1, return kr_bytes_compare(r, self, args[0], KR_CMP_GE);)

// ---- the type ----------------------------------------------------------------------------------

static const KrMethodDef bytes_methods[] = {
    {"capitalize", kr_bytes_m_capitalize, 0},
    {"center", kr_bytes_m_center, 0},
    {"count", kr_bytes_m_count, 0},
    {"decode", kr_bytes_m_decode, 0},
    {"endswith", kr_bytes_m_endswith, 0},
    {"expandtabs", kr_bytes_m_expandtabs, 0},
    {"find", kr_bytes_m_find, 0},
    {"fromhex", kr_bytes_m_fromhex, KR_METH_CLASS},
    {"hex", kr_bytes_m_hex, 0},
    {"index", kr_bytes_m_index, 0},
    {"isalnum", kr_bytes_m_isalnum, 0},
    {"isalpha", kr_bytes_m_isalpha, 0},
    {"isascii", kr_bytes_m_isascii, 0},
    {"isdigit", kr_bytes_m_isdigit, 0},
    {"islower", kr_bytes_m_islower, 0},
    {"isspace", kr_bytes_m_isspace, 0},
    {"istitle", kr_bytes_m_istitle, 0},
    {"isupper", kr_bytes_m_isupper, 0},
    {"join", kr_bytes_m_join, 0},
    {"ljust", kr_bytes_m_ljust, 0},
    {"lower", kr_bytes_m_lower, 0},
    {"lstrip", kr_bytes_m_lstrip, 0},
    {"maketrans", kr_bytes_m_maketrans, KR_METH_STATIC},
    {"partition", kr_bytes_m_partition, 0},
    {"removeprefix", kr_bytes_m_removeprefix, 0},
    {"removesuffix", kr_bytes_m_removesuffix, 0},
    {"replace", kr_bytes_m_replace, 0},
    {"rfind", kr_bytes_m_rfind, 0},
    {"rindex", kr_bytes_m_rindex, 0},
    {"rjust", kr_bytes_m_rjust, 0},
    {"rpartition", kr_bytes_m_rpartition, 0},
    {"rsplit", kr_bytes_m_rsplit, 0},
    {"rstrip", kr_bytes_m_rstrip, 0},
    {"split", kr_bytes_m_split, 0},
    {"splitlines", kr_bytes_m_splitlines, 0},
    {"startswith", kr_bytes_m_startswith, 0},
    {"strip", kr_bytes_m_strip, 0},
    {"swapcase", kr_bytes_m_swapcase, 0},
    {"title", kr_bytes_m_title, 0},
    {"translate", kr_bytes_m_translate, 0},
    {"upper", kr_bytes_m_upper, 0},
    {"zfill", kr_bytes_m_zfill, 0},
    {"__len__", bytes_d_len, 0},
    {"__hash__", bytes_d_hash, 0},
    {"__iter__", bytes_d_iter, 0},
    {"__repr__", bytes_d_repr, 0},
    {"__bytes__", bytes_d_bytes, 0},
    {"__str__", bytes_d_str, 0},
    {"__format__", bytes_d_format, 0},
    {"__getitem__", bytes_d_getitem, 0},
    {"__contains__", bytes_d_contains, 0},
    {"__add__", bytes_d_add, 0},
    {"__mul__", bytes_d_mul, 0},
    {"__rmul__", bytes_d_mul, 0},
    {"__mod__", bytes_d_mod, 0},
    {"__rmod__", bytes_d_rmod, 0},
    {"__eq__", bytes_d_eq, 0},
    {"__ne__", bytes_d_ne, 0},
    {"__lt__", bytes_d_lt, 0},
    {"__le__", bytes_d_le, 0},
    {"__gt__", bytes_d_gt, 0},
    {"__ge__", bytes_d_ge, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_bytes = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "bytes",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrBytes),
    .objsize = bytes_objsize,
    .construct = bytes_construct,
    .repr = kr_bytes_repr,
    .hash = bytes_hash,
    .compare = kr_bytes_compare,
    .binary = bytes_binary,
    .len = bytes_len,
    .getitem = bytes_getitem,
    .contains = kr_bytes_contains,
    .iter = bytes_iter,
    .methods = bytes_methods,
    .dict = KR_NULL,
    .snap = &bytes_snap,
};

static KrValue bytes_iter_m_next(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                 KrValue kw) {
    (void)args;
    if (!kr_wrapper_args(r, "__next__", argc, kw, 0, 0)) return KR_EXC;
    KrValue v = bytes_iter_next(r, self);
    return v == KR_STOP ? kr_raise_value(r, kr_from_obj(&kr_exc_StopIteration)) : v;
}

static KrValue bytes_iter_m_iter(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                 KrValue kw) {
    (void)args;
    return kr_wrapper_args(r, "__iter__", argc, kw, 0, 0) ? self : KR_EXC;
}

static const KrMethodDef bytes_iter_methods[] = {
    {"__next__", bytes_iter_m_next, 0},
    {"__iter__", bytes_iter_m_iter, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_bytes_iterator = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "bytes_iterator",
    .base = &kr_type_object,
    .basic_size = sizeof(KrSeqIter),
    .trace = bytes_iter_trace,
    .iter = bytes_iter_self,
    .next = bytes_iter_next,
    .methods = bytes_iter_methods,
    .dict = KR_NULL,
    .snap = &bytes_iter_snap,
};

// ---- run snapshots ----------------------------------------------------------------------------

static bool bytes_snap_write(KrRsWriter *w, const KrObj *o) {
    const KrBytes *b = (const KrBytes *)o;
    kr_snap_put_bytes(kr_rs_out(w), b->data, b->len);
    return true;
}

static KrObj *bytes_snap_read(KrRsReader *rd, const KrType *t) {
    size_t n, size;
    const uint8_t *d = kr_rs_get_bytes(rd, &n);
    if (!d) return NULL;
    if (t == &kr_type_bytes) return kr_rs_made(rd, kr_bytes_new(kr_rs_run(rd), d, n));
    if (!kr_size_add(sizeof(KrBytes) + 1, n, &size)) return kr_rs_fail(rd, "bytes too long"), NULL;
    KrBytes *o = kr_rs_alloc(rd, t, size); // an instance of a bytes subclass
    if (!o) return NULL;
    o->data = (uint8_t *)(o + 1);
    memcpy(o->data, d, n);
    o->data[n] = 0;
    o->len = n;
    o->hash = -1;
    return &o->ob;
}

static const KrSnapOps bytes_snap = {NULL, bytes_snap_write, bytes_snap_read, NULL};

static const KrRsField bytes_iter_fields[] = {
    KR_RS_FIELD(KrSeqIter, seq, KR_RSF_VALUE, KR_RS_SUB | KR_RS_NULL, &kr_type_bytes),
    KR_RS_SCALAR(KrSeqIter, index, KR_RSF_SIZE),
    KR_RS_END,
};

static const KrSnapOps bytes_iter_snap = {bytes_iter_fields, NULL, NULL, NULL};
