// str.c: the str type. Text is stored as UTF-8 (lone surrogates as 3-byte
// sequences) with its code point count; len == nbytes means ASCII, where
// indexing is O(1). Non-ASCII strings are indexed by walking the UTF-8
// (O(n) per index: acceptable for now). Hashing, comparison, indexing and
// every method except formatting (strformat.c) and decoding (bytes.c).
#include "../types.h"
#include "../unicode_db.h"
#include "../runsnap.h"

static const KrSnapOps str_snap, str_iter_snap;
#include <stdio.h>

// ---- allocation and constants ---------------------------------------------
// A heap string is the KrStr, its UTF-8 and a NUL; a long non-ASCII one
// of exact type str also carries a checkpoint index after that: the byte
// offset of every STR_STEP-th code point, built on first use (entry 0 is
// SIZE_MAX until then), so indexing and slicing walk at most STR_STEP
// characters. Static strings and subclass instances have no index.

#define STR_STEP 64
#define STR_INDEX_MIN 128 // code points; shorter strings are just walked

static size_t str_index_entries(size_t len, size_t nbytes) {
    return len != nbytes && len >= STR_INDEX_MIN ? len / STR_STEP + 1 : 0;
}

// Offset of the index from the start of the object (size_t-aligned).
static size_t str_index_at(size_t nbytes) {
    size_t a = sizeof(size_t);
    return (sizeof(KrStr) + nbytes + 1 + a - 1) / a * a;
}

static size_t str_objsize(const KrObj *o) {
    const KrStr *s = (const KrStr *)o;
    // Only exact str objects come from str_alloc: instances of subclasses
    // are laid out by class.c without the index.
    size_t k = o->type == &kr_type_str ? str_index_entries(s->len, s->nbytes) : 0;
    return k ? str_index_at(s->nbytes) + k * sizeof(size_t) : sizeof(KrStr) + s->nbytes + 1;
}

// Raised when a size computation overflows (no allocation could succeed).
static KrValue str_nomem(KrRun *r) { return kr_raise_value(r, kr_from_obj(&kr_exc_MemoryError)); }

// A heap string with room for nbytes (NUL-terminated); the caller fills it.
static KrStr *str_alloc(KrRun *r, size_t nbytes, size_t len) {
    size_t size, k = str_index_entries(len, nbytes);
    if (nbytes > SIZE_MAX / 2 || !kr_size_add(sizeof(KrStr) + 1, nbytes, &size) ||
        (k && !kr_size_add(str_index_at(nbytes), k * sizeof(size_t), &size))) {
        str_nomem(r);
        return NULL;
    }
    KrStr *s = kr_gc_alloc(r, &kr_type_str, size);
    if (!s) return NULL;
    char *d = (char *)(s + 1);
    d[nbytes] = 0;
    s->hash = -1;
    s->len = len;
    s->nbytes = nbytes;
    s->data = d;
    if (k) *(size_t *)((char *)s + str_index_at(nbytes)) = SIZE_MAX;
    return s;
}

static char *str_wdata(KrStr *s) { return (char *)(s + 1); }

// kr_is_str with the exact type tested inline first (the common case).
static inline bool str_is(KrValue v) {
    return kr_is_ptr(v) && (kr_as_obj(v)->type == &kr_type_str || kr_isinstance(v, &kr_type_str));
}

// A KrBuf failure: the run's allocator has raised, except on a size
// overflow inside the buffer, which raises nothing yet.
static KrValue str_fail(KrRun *r) {
    if (!r->limit_hit && r->exc == KR_NULL) return str_nomem(r);
    return KR_EXC;
}

// The empty string and the 128 one-character ASCII strings are static, so
// iterating, indexing and splitting ASCII text allocates nothing for them.
#define STR_X4(m, i) m(i), m((i) + 1), m((i) + 2), m((i) + 3)
#define STR_X16(m, i) STR_X4(m, i), STR_X4(m, (i) + 4), STR_X4(m, (i) + 8), STR_X4(m, (i) + 12)
#define STR_X128(m)                                                                     \
    STR_X16(m, 0), STR_X16(m, 16), STR_X16(m, 32), STR_X16(m, 48), STR_X16(m, 64), \
        STR_X16(m, 80), STR_X16(m, 96), STR_X16(m, 112)
#define STR_TEXT(i) (char)(i), '\0'
#define STR_CHAR(i) {KR_STATIC_HEADER(&kr_type_str), -1, 1, 1, str_ascii_text + 2 * (i)}

static const char str_ascii_text[256] = {STR_X128(STR_TEXT)};
static const KrStr str_ascii[128] = {STR_X128(STR_CHAR)};
static const KrStr str_empty = KR_STATIC_STR("");

// Likewise U+0080..U+00FF (two UTF-8 bytes each), for European text.
#define STR_L1TEXT(i) (char)(0xC2 + ((i) >> 6)), (char)(0x80 | ((i) & 0x3F)), '\0'
#define STR_L1CHAR(i) {KR_STATIC_HEADER(&kr_type_str), -1, 1, 2, str_latin1_text + 3 * (i)}
static const char str_latin1_text[384] = {STR_X128(STR_L1TEXT)};
static const KrStr str_latin1[128] = {STR_X128(STR_L1CHAR)};

// The static string for code point c < 0x100.
static KrValue str_small_char(uint32_t c) {
    return kr_from_obj(c < 0x80 ? &str_ascii[c] : &str_latin1[c - 0x80]);
}

KrValue kr_str_new_n(KrRun *r, const char *s, size_t nbytes, size_t ncodepoints) {
    if (nbytes == 0) return kr_from_obj(&str_empty);
    if (ncodepoints == 1 && nbytes <= 2) {
        size_t i = 0;
        uint32_t c = kr_utf8_decode(s, nbytes, &i);
        if (c < 0x100) return str_small_char(c);
    }
    KrStr *o = str_alloc(r, nbytes, ncodepoints);
    if (!o) return KR_EXC;
    if (nbytes <= KR_RUN_SLICE) memcpy(str_wdata(o), s, nbytes);
    else if (!kr_run_copy(r, str_wdata(o), s, nbytes)) return KR_EXC;
    return kr_from_obj(o);
}

// A text of more than a slice: counted in slices, polling the budget
// (apart, so that the common short case stays a plain call).
static KR_NOINLINE KrValue str_new_big(KrRun *r, const char *s, size_t nbytes) {
    size_t n = 0;
    for (size_t at = 0; at < nbytes; at += KR_RUN_SLICE) {
        size_t k = nbytes - at < KR_RUN_SLICE ? nbytes - at : KR_RUN_SLICE;
        n += kr_utf8_count(s + at, k);
        if (!kr_run_tick_bytes(r, k)) return KR_EXC;
    }
    return kr_str_new_n(r, s, nbytes, n);
}

KrValue kr_str_new(KrRun *r, const char *s, size_t nbytes) {
    if (nbytes > KR_RUN_SLICE) return str_new_big(r, s, nbytes);
    return kr_str_new_n(r, s, nbytes, kr_utf8_count(s, nbytes));
}

KrValue kr_str_from_cstr(KrRun *r, const char *s) { return kr_str_new(r, s, strlen(s)); }

KrValue kr_str_from_buf(KrRun *r, const KrBuf *b) {
    if (b->len == 0) return kr_from_obj(&str_empty);
    return kr_str_new(r, b->data, b->len);
}

KrValue kr_str_from_codepoint(KrRun *r, uint32_t cp) {
    char tmp[4];
    if (cp < 0x100) return str_small_char(cp);
    return kr_str_new_n(r, tmp, kr_utf8_encode(cp, tmp), 1);
}

KrValue kr_str_empty(void) { return kr_from_obj(&str_empty); }

KrValue kr_str_concat(KrRun *r, KrValue a, KrValue b) {
    KrStr *x = kr_as_str(a), *y = kr_as_str(b);
    if (y->nbytes == 0 && kr_is_type(a, &kr_type_str)) return a;
    if (x->nbytes == 0 && kr_is_type(b, &kr_type_str)) return b;
    size_t n;
    if (!kr_size_add(x->nbytes, y->nbytes, &n)) return str_nomem(r);
    KrStr *s = str_alloc(r, n, x->len + y->len);
    if (!s) return KR_EXC;
    memcpy(str_wdata(s), x->data, x->nbytes);
    memcpy(str_wdata(s) + x->nbytes, y->data, y->nbytes);
    return kr_from_obj(s);
}

// ---- hashing: SipHash-1-3, key 0 ---------------------------------------------
// CPython hashes a str's internal code units (1, 2 or 4 bytes per code
// point, little-endian here), so the str hash feeds those, not the UTF-8.

typedef struct StrSip {
    uint64_t v0, v1, v2, v3;
    uint64_t tail; // pending bytes, little-endian
    size_t ntail;
    size_t total;
} StrSip;

static inline uint64_t str_rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

static inline void str_sip_round(StrSip *s) {
    s->v0 += s->v1;
    s->v1 = str_rotl(s->v1, 13);
    s->v1 ^= s->v0;
    s->v0 = str_rotl(s->v0, 32);
    s->v2 += s->v3;
    s->v3 = str_rotl(s->v3, 16);
    s->v3 ^= s->v2;
    s->v0 += s->v3;
    s->v3 = str_rotl(s->v3, 21);
    s->v3 ^= s->v0;
    s->v2 += s->v1;
    s->v1 = str_rotl(s->v1, 17);
    s->v1 ^= s->v2;
    s->v2 = str_rotl(s->v2, 32);
}

static void str_sip_init(StrSip *s) {
    // The specification's constants xored with a zero key.
    s->v0 = 0x736f6d6570736575ULL;
    s->v1 = 0x646f72616e646f6dULL;
    s->v2 = 0x6c7967656e657261ULL;
    s->v3 = 0x7465646279746573ULL;
    s->tail = 0;
    s->ntail = 0;
    s->total = 0;
}

static inline void str_sip_word(StrSip *s, uint64_t m) {
    s->v3 ^= m;
    str_sip_round(s);
    s->v0 ^= m;
}

static inline void str_sip_byte(StrSip *s, uint8_t c) {
    s->tail |= (uint64_t)c << (8 * s->ntail);
    s->total++;
    if (++s->ntail == 8) {
        str_sip_word(s, s->tail);
        s->tail = 0;
        s->ntail = 0;
    }
}

static inline int64_t str_sip_final(StrSip *s) {
    uint64_t b = ((uint64_t)s->total << 56) | s->tail;
    str_sip_word(s, b);
    s->v2 ^= 0xff;
    str_sip_round(s);
    str_sip_round(s);
    str_sip_round(s);
    uint64_t h = s->v0 ^ s->v1 ^ s->v2 ^ s->v3;
    int64_t x = (int64_t)h;
    return x == -1 ? -2 : x;
}

static inline uint64_t str_load_le64(const uint8_t *p) {
    uint64_t m;
    memcpy(&m, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    m = __builtin_bswap64(m);
#endif
    return m;
}

const KrStr kr_s_dunder_name = KR_STATIC_STR_HASHED("__name__", 5580060246216126403),
           kr_s_dunder_doc = KR_STATIC_STR_HASHED("__doc__", 7394488833413844397),
           kr_s_dunder_main = KR_STATIC_STR_HASHED("__main__", 2664822942440848973);
static const KrStr str_s_module = KR_STATIC_STR_HASHED("<module>", 4345116381225819720),
                   str_s_lambda = KR_STATIC_STR_HASHED("<lambda>", -5073966014364867535),
                   str_s_listcomp = KR_STATIC_STR_HASHED("<listcomp>", -1348374512226487238),
                   str_s_setcomp = KR_STATIC_STR_HASHED("<setcomp>", 5271364517016324968),
                   str_s_dictcomp = KR_STATIC_STR_HASHED("<dictcomp>", 2717053439281699326),
                   str_s_genexpr = KR_STATIC_STR_HASHED("<genexpr>", 5867531831312855200);
const KrStr *const kr_well_known_strs[KR_NWELL_KNOWN_STRS] = {
    &kr_s_dunder_name, &kr_s_dunder_doc, &kr_s_dunder_main, &str_s_module,  &str_s_lambda,
    &str_s_listcomp,   &str_s_setcomp,   &str_s_dictcomp,   &str_s_genexpr,
};

int64_t kr_hash_bytes(const void *data, size_t n) {
    if (n == 0) return 0;
    const uint8_t *p = data;
    StrSip s;
    str_sip_init(&s);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) str_sip_word(&s, str_load_le64(p + i));
    // the last n % 8 bytes: from one load ending at the end, when it fits
    if (i < n && n >= 8) {
        s.tail = str_load_le64(p + n - 8) >> (8 * (8 - (n - i)));
    } else {
        for (size_t k = 0; i + k < n; k++) s.tail |= (uint64_t)p[i + k] << (8 * k);
    }
    s.total = n;
    return str_sip_final(&s);
}

int64_t kr_str_hash(const KrStr *s) {
    if (s->hash != -1) return s->hash;
    if (s->len == s->nbytes) return kr_hash_bytes(s->data, s->nbytes);
    uint32_t maxcp = 0;
    size_t i = 0;
    while (i < s->nbytes) {
        uint32_t c = kr_utf8_decode(s->data, s->nbytes, &i);
        if (c > maxcp) maxcp = c;
    }
    size_t width = maxcp < 0x100 ? 1 : maxcp < 0x10000 ? 2 : 4;
    StrSip h;
    str_sip_init(&h);
    i = 0;
    while (i < s->nbytes) {
        uint32_t c = kr_utf8_decode(s->data, s->nbytes, &i);
        for (size_t k = 0; k < width; k++) str_sip_byte(&h, (uint8_t)(c >> (8 * k)));
    }
    return str_sip_final(&h);
}

static bool str_hash_slot(KrRun *r, KrValue v, int64_t *out) {
    (void)r;
    KrStr *s = kr_as_str(v);
    int64_t h = kr_str_hash(s);
    if ((s->ob.gc & KR_GC_STATIC) == 0) s->hash = h;
    *out = h;
    return true;
}

// ---- equality and order -------------------------------------------------------
// UTF-8 byte order is code point order (surrogates included), so memcmp
// compares strings as CPython does.

bool kr_str_equal(const KrStr *a, const KrStr *b) {
    if (a == b) return true;
    if (a->nbytes != b->nbytes) return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
    return memcmp(a->data, b->data, a->nbytes) == 0;
}

bool kr_str_eq_cstr(const KrStr *a, const char *s) {
    size_t n = strlen(s);
    return a->nbytes == n && memcmp(a->data, s, n) == 0;
}

static int str_cmp(const KrStr *a, const KrStr *b) {
    size_t n = a->nbytes < b->nbytes ? a->nbytes : b->nbytes;
    int c = n ? memcmp(a->data, b->data, n) : 0;
    if (c) return c;
    return a->nbytes < b->nbytes ? -1 : a->nbytes > b->nbytes;
}

static KrValue str_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    (void)r;
    if (!str_is(a) || !str_is(b)) return KR_NOTIMPL;
    KrStr *x = kr_as_str(a), *y = kr_as_str(b);
    if (op == KR_CMP_EQ) return kr_bool(kr_str_equal(x, y));
    if (op == KR_CMP_NE) return kr_bool(!kr_str_equal(x, y));
    int c = str_cmp(x, y);
    switch (op) {
    case KR_CMP_LT: return kr_bool(c < 0);
    case KR_CMP_LE: return kr_bool(c <= 0);
    case KR_CMP_GT: return kr_bool(c > 0);
    default: return kr_bool(c >= 0);
    }
}

// ---- repr -----------------------------------------------------------------------

static bool str_append_escape(KrBuf *b, uint32_t c) {
    static const char hex[] = "0123456789abcdef";
    char tmp[10];
    size_t n;
    if (c < 0x100) {
        tmp[0] = '\\', tmp[1] = 'x', n = 2;
        for (int k = 4; k >= 0; k -= 4) tmp[n++] = hex[(c >> k) & 15];
    } else if (c < 0x10000) {
        tmp[0] = '\\', tmp[1] = 'u', n = 2;
        for (int k = 12; k >= 0; k -= 4) tmp[n++] = hex[(c >> k) & 15];
    } else {
        tmp[0] = '\\', tmp[1] = 'U', n = 2;
        for (int k = 28; k >= 0; k -= 4) tmp[n++] = hex[(c >> k) & 15];
    }
    return kr_buf_append(b, tmp, n);
}

bool kr_str_repr_buf(KrBuf *b, const KrStr *s, bool ascii_only) {
    const char *d = s->data;
    size_t n = s->nbytes;
    // CPython's quote choice: single quotes unless the text has a single
    // quote and no double quote.
    char q = '\'';
    if (memchr(d, '\'', n) && !memchr(d, '"', n)) q = '"';
    if (!kr_buf_reserve(b, n + 2) || !kr_buf_append_char(b, q)) return false;
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        // Copy runs of plain printable ASCII at once.
        while (run < n && (unsigned char)d[run] >= 0x20 && (unsigned char)d[run] < 0x7f &&
               d[run] != '\\' && d[run] != q)
            run++;
        if (run > i && !kr_buf_append(b, d + i, run - i)) return false;
        i = run;
        if (i >= n) break;
        size_t start = i;
        uint32_t c = kr_utf8_decode(d, n, &i);
        bool ok;
        if (c == (uint32_t)q || c == '\\') {
            ok = kr_buf_append_char(b, '\\') && kr_buf_append_char(b, (char)c);
        } else if (c == '\t') {
            ok = kr_buf_append(b, "\\t", 2);
        } else if (c == '\n') {
            ok = kr_buf_append(b, "\\n", 2);
        } else if (c == '\r') {
            ok = kr_buf_append(b, "\\r", 2);
        } else if (c < 0x20 || c == 0x7f) {
            ok = str_append_escape(b, c);
        } else if (c < 0x80) {
            ok = kr_buf_append_char(b, (char)c);
        } else if (ascii_only || !kr_uni_isprintable(c)) {
            ok = str_append_escape(b, c);
        } else {
            ok = kr_buf_append(b, d + start, i - start);
        }
        if (!ok) return false;
    }
    return kr_buf_append_char(b, q);
}

static KrValue str_repr_common(KrRun *r, KrValue v, bool ascii_only) {
    KrBuf b;
    char b_local[KR_BUF_LOCAL];
    kr_buf_init_local(&b, kr_run_allocator(r), b_local, sizeof b_local);
    KrValue out = kr_str_repr_buf(&b, kr_as_str(v), ascii_only) ? kr_str_from_buf(r, &b) : str_fail(r);
    kr_buf_free(&b);
    return out;
}

static KrValue str_repr(KrRun *r, KrValue v) { return str_repr_common(r, v, false); }

KrValue kr_str_ascii_repr(KrRun *r, KrValue v) { return str_repr_common(r, v, true); }

static KrValue str_str(KrRun *r, KrValue v) {
    if (kr_is_type(v, &kr_type_str)) return v;
    KrStr *s = kr_as_str(v);
    return kr_str_new_n(r, s->data, s->nbytes, s->len);
}

// ---- substring search ---------------------------------------------------------------
// Forward and backward search over bytes (a UTF-8 match always starts at a
// character boundary). Short needles use memchr plus a compare; when that
// degenerates (many false starts) the search switches to the two-way
// algorithm (Crochemore-Perrin), which is linear in the worst case.

typedef struct StrTwoWay {
    const unsigned char *x;
    ptrdiff_t m;
    ptrdiff_t ell; // critical position (may be -1)
    ptrdiff_t per; // period (or shift for the non-periodic case)
    bool periodic;
    bool rev; // search from the end: the needle and text are read reversed
} StrTwoWay;

#define STR_TW_X(t, i) ((t)->rev ? (t)->x[(t)->m - 1 - (i)] : (t)->x[(i)])

// Maximal suffix of the needle for one of the two orders.
static ptrdiff_t str_tw_maxsuf(const StrTwoWay *t, bool inverse, ptrdiff_t *period) {
    ptrdiff_t ms = -1, j = 0, k = 1, p = 1;
    while (j + k < t->m) {
        unsigned a = STR_TW_X(t, j + k), b = STR_TW_X(t, ms + k);
        if (inverse ? a > b : a < b) {
            j += k;
            k = 1;
            p = j - ms;
        } else if (a == b) {
            if (k != p) {
                k++;
            } else {
                j += p;
                k = 1;
            }
        } else {
            ms = j;
            j = ms + 1;
            k = p = 1;
        }
    }
    *period = p;
    return ms;
}

static void str_tw_init(StrTwoWay *t, const char *needle, size_t m, bool rev) {
    t->x = (const unsigned char *)needle;
    t->m = (ptrdiff_t)m;
    t->rev = rev;
    ptrdiff_t p, q;
    ptrdiff_t i = str_tw_maxsuf(t, false, &p), j = str_tw_maxsuf(t, true, &q);
    t->ell = i > j ? i : j;
    t->per = i > j ? p : q;
    // Periodic when the prefix before the critical position repeats.
    t->periodic = true;
    for (ptrdiff_t k = 0; k <= t->ell; k++) {
        if (k + t->per >= t->m || STR_TW_X(t, k) != STR_TW_X(t, k + t->per)) {
            t->periodic = false;
            break;
        }
    }
    if (!t->periodic) {
        ptrdiff_t a = t->ell + 1, b = t->m - t->ell - 1;
        t->per = (a > b ? a : b) + 1;
    }
}

// First match at or after text position `from` (positions counted in the
// search direction); -1 if none.
static ptrdiff_t str_tw_search(const StrTwoWay *t, const unsigned char *y, ptrdiff_t n,
                               ptrdiff_t from) {
#define STR_TW_Y(i) (t->rev ? y[n - 1 - (i)] : y[(i)])
    ptrdiff_t m = t->m, ell = t->ell, j = from, memory = -1;
    while (j <= n - m) {
        ptrdiff_t i = (t->periodic && memory > ell ? memory : ell) + 1;
        while (i < m && STR_TW_X(t, i) == STR_TW_Y(i + j)) i++;
        if (i < m) {
            j += i - ell;
            memory = -1;
            continue;
        }
        ptrdiff_t low = t->periodic ? memory : -1;
        i = ell;
        while (i > low && STR_TW_X(t, i) == STR_TW_Y(i + j)) i--;
        if (i <= low) return j;
        j += t->per;
        if (t->periodic) memory = m - t->per - 1;
    }
    return -1;
#undef STR_TW_Y
}

// Offset of the first occurrence of needle in hay[from..hn), or SIZE_MAX.
size_t kr_str_search(const char *hay, size_t hn, const char *needle, size_t nn, size_t from) {
    if (from > hn || nn > hn - from) return SIZE_MAX;
    if (nn == 0) return from;
    const char *end = hay + hn - nn + 1; // candidate starts are below end
    const char *p = hay + from;
    if (nn == 1) {
        const char *f = memchr(p, needle[0], (size_t)(end - p));
        return f ? (size_t)(f - hay) : SIZE_MAX;
    }
    size_t work = 0;
    while (p < end) {
        const char *f = memchr(p, needle[0], (size_t)(end - p));
        if (!f) return SIZE_MAX;
        if (memcmp(f + 1, needle + 1, nn - 1) == 0) return (size_t)(f - hay);
        p = f + 1;
        work += nn;
        if (work > 4 * ((size_t)(p - hay) - from) + 4096) {
            StrTwoWay t;
            str_tw_init(&t, needle, nn, false);
            ptrdiff_t j = str_tw_search(&t, (const unsigned char *)hay, (ptrdiff_t)hn,
                                        (ptrdiff_t)(p - hay));
            return j < 0 ? SIZE_MAX : (size_t)j;
        }
    }
    return SIZE_MAX;
}

// Offset of the last occurrence of needle wholly inside hay[0..hn), or
// SIZE_MAX.
size_t kr_str_rsearch(const char *hay, size_t hn, const char *needle, size_t nn) {
    if (nn > hn) return SIZE_MAX;
    if (nn == 0) return hn;
    size_t work = 0;
    size_t i = hn - nn + 1; // candidates are below i
    while (i > 0) {
        i--;
        if (hay[i] != needle[0]) continue;
        if (memcmp(hay + i + 1, needle + 1, nn - 1) == 0) return i;
        work += nn;
        if (work > 4 * (hn - i) + 4096) {
            StrTwoWay t;
            str_tw_init(&t, needle, nn, true);
            // Reversed coordinates: forward start s is hn - nn - s; starts
            // i and above were rejected, so resume at forward start i - 1.
            ptrdiff_t j = str_tw_search(&t, (const unsigned char *)hay, (ptrdiff_t)hn,
                                        (ptrdiff_t)(hn - nn - i + 1));
            return j < 0 ? SIZE_MAX : hn - nn - (size_t)j;
        }
    }
    return SIZE_MAX;
}

// ---- argument checking with CPython's wording for built-in methods ----------------
// qualname is "str.find"; the short name is the part after the dot.

static const char *str_short_name(const char *qualname) {
    const char *dot = strrchr(qualname, '.');
    return dot ? dot + 1 : qualname;
}

bool kr_str_argcheck(KrRun *r, const char *qualname, size_t argc, KrValue kwnames, size_t min,
                     size_t max, bool old_style) {
    if (kwnames != KR_NULL && kr_as_tuple(kwnames)->len) {
        kr_raise(r, &kr_exc_TypeError, "%s() takes no keyword arguments", qualname);
        return false;
    }
    if (argc >= min && argc <= max) return true;
    const char *name = str_short_name(qualname);
    if (max == 0) {
        kr_raise(r, &kr_exc_TypeError, "%s() takes no arguments (%zu given)", qualname, argc);
    } else if (min == 1 && max == 1) {
        kr_raise(r, &kr_exc_TypeError, "%s() takes exactly one argument (%zu given)", qualname, argc);
    } else if (old_style) {
        size_t lim = argc < min ? min : max;
        kr_raise(r, &kr_exc_TypeError, "%s() takes %s %zu argument%s (%zu given)", name,
                 argc < min ? "at least" : "at most", lim, lim == 1 ? "" : "s", argc);
    } else if (min == max) {
        kr_raise(r, &kr_exc_TypeError, "%s expected %zu argument%s, got %zu", name, min,
                 min == 1 ? "" : "s", argc);
    } else {
        size_t lim = argc < min ? min : max;
        kr_raise(r, &kr_exc_TypeError, "%s expected %s %zu argument%s, got %zu", name,
                 argc < min ? "at least" : "at most", lim, lim == 1 ? "" : "s", argc);
    }
    return false;
}

bool kr_str_bind_args(KrRun *r, const char *fname, const char *const *names, size_t argc,
                      const KrValue *args, KrValue kwnames, KrValue *out) {
    size_t max = 0;
    while (names[max]) max++;
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    if (argc + nkw > max) {
        kr_raise(r, &kr_exc_TypeError, "%s() takes at most %zu %sargument%s (%zu given)", fname, max,
                 argc == 0 ? "keyword " : "", max == 1 ? "" : "s", argc + nkw);
        return false;
    }
    for (size_t i = 0; i < max; i++) out[i] = i < argc ? args[i] : KR_NULL;
    for (size_t k = 0; k < nkw; k++) {
        KrStr *kw = kr_as_str(kr_as_tuple(kwnames)->items[k]);
        size_t i = 0;
        while (i < max && !kr_str_eq_cstr(kw, names[i])) i++;
        if (i == max) {
            kr_raise(r, &kr_exc_TypeError, "'%s' is an invalid keyword argument for %s()", kw->data,
                     fname);
            return false;
        }
        if (i < argc) {
            kr_raise(r, &kr_exc_TypeError, "argument for %s() given by name ('%s') and position (%zu)",
                     fname, names[i], i + 1);
            return false;
        }
        out[i] = args[argc + k];
    }
    return true;
}

// A slice bound for find/count/startswith...: None or an index; huge ints
// clip as CPython's _PyEval_SliceIndex does.
bool kr_str_slice_arg(KrRun *r, KrValue v, int64_t *out) {
    if (v == KR_NULL || v == KR_NONE) return true;
    if (kr_is_small(v)) {
        *out = kr_as_small(v);
        return true;
    }
    if (kr_is_bool(v)) {
        *out = v == KR_TRUE;
        return true;
    }
    if (kr_is_int(v)) {
        int64_t x;
        if (kr_int_to_i64(v, &x)) *out = x;
        else *out = kr_int_sign(v) < 0 ? INT64_MIN + 1 : INT64_MAX;
        return true;
    }
    if (kr_typeof(v)->flags & KR_TF_HEAP) return kr_index(r, v, out);
    kr_raise(r, &kr_exc_TypeError,
             "slice indices must be integers or None or have an __index__ method");
    return false;
}

// CPython's ADJUST_INDICES: clip [start, end) to a sequence of length len.
// start may stay above len (callers test start > len for "not found").
void kr_str_adjust_window(int64_t *start, int64_t *end, size_t len) {
    int64_t n = (int64_t)len;
    if (*end > n) *end = n;
    else if (*end < 0 && (*end += n) < 0) *end = 0;
    if (*start < 0 && (*start += n) < 0) *start = 0;
}

// ---- code point positions ---------------------------------------------------------

static size_t str_next(const char *d, size_t n, size_t off);

// The checkpoint index of s (built now if needed), or NULL if it has none.
static const size_t *str_index(const KrStr *s) {
    size_t k = str_index_entries(s->len, s->nbytes);
    if (!k || (s->ob.gc & KR_GC_STATIC) || s->ob.type != &kr_type_str) return NULL;
    // Heap strings are writable; the index is a cache, not a value change.
    size_t *idx = (size_t *)((char *)(uintptr_t)s + str_index_at(s->nbytes));
    if (idx[0] != SIZE_MAX) return idx;
    size_t off = 0;
    for (size_t e = 1; e < k; e++) {
        for (size_t j = 0; j < STR_STEP; j++) off = str_next(s->data, s->nbytes, off);
        idx[e] = off;
    }
    idx[0] = 0;
    return idx;
}

// Byte offset of code point index i (0 <= i <= len).
static size_t str_offset(const KrStr *s, size_t i) {
    if (s->len == s->nbytes) return i;
    const unsigned char *p = (const unsigned char *)s->data;
    size_t n = s->nbytes;
    if (i >= s->len) return n;
    const size_t *idx = str_index(s);
    if (idx) {
        size_t off = idx[i / STR_STEP];
        for (size_t j = i % STR_STEP; j; j--) off = str_next(s->data, n, off);
        return off;
    }
    if (i > s->len / 2) {
        // Nearer the end: walk back over lead bytes.
        size_t back = s->len - i, off = n;
        while (back) {
            off--;
            if ((p[off] & 0xC0) != 0x80) back--;
        }
        return off;
    }
    size_t off = 0;
    while (i) {
        off++;
        if (off >= n || (p[off] & 0xC0) != 0x80) i--;
    }
    return off;
}

static size_t str_cp_index(const KrStr *s, size_t off) {
    if (s->len == s->nbytes) return off;
    const size_t *idx = str_index(s);
    if (!idx) return kr_utf8_count(s->data, off);
    // The last checkpoint at or before off, then count from there.
    size_t lo = 0, hi = str_index_entries(s->len, s->nbytes);
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (idx[mid] <= off) lo = mid;
        else hi = mid;
    }
    return lo * STR_STEP + kr_utf8_count(s->data + idx[lo], off - idx[lo]);
}

// The substring [b0, b1) of s in bytes, with its code point count.
static KrValue str_sub(KrRun *r, KrValue sv, size_t b0, size_t b1, size_t ncp) {
    KrStr *s = kr_as_str(sv);
    if (b0 == 0 && b1 == s->nbytes && kr_is_type(sv, &kr_type_str)) return sv;
    return kr_str_new_n(r, s->data + b0, b1 - b0, ncp);
}

static KrValue str_sub_bytes(KrRun *r, KrValue sv, size_t b0, size_t b1) {
    KrStr *s = kr_as_str(sv);
    size_t ncp = s->len == s->nbytes ? b1 - b0 : kr_utf8_count(s->data + b0, b1 - b0);
    return str_sub(r, sv, b0, b1, ncp);
}

// Resolves optional start/end arguments into a byte window. Returns 1 when
// the window is valid, 0 when start lies beyond the end (nothing can match,
// not even ""), -1 on error.
static int str_window(KrRun *r, const KrStr *s, size_t argc, const KrValue *args, size_t first,
                      size_t *b0, size_t *b1) {
    int64_t start = 0, end = INT64_MAX;
    if (argc > first && !kr_str_slice_arg(r, args[first], &start)) return -1;
    if (argc > first + 1 && !kr_str_slice_arg(r, args[first + 1], &end)) return -1;
    kr_str_adjust_window(&start, &end, s->len);
    if (start > end) return 0;
    *b0 = str_offset(s, (size_t)start);
    *b1 = start == end ? *b0 : str_offset(s, (size_t)end);
    return 1;
}

static KrStr *str_arg(KrRun *r, KrValue v, const char *fmt) {
    if (str_is(v)) return kr_as_str(v);
    kr_raise(r, &kr_exc_TypeError, fmt, kr_type_name(v));
    return NULL;
}

// ---- operators ------------------------------------------------------------------------

static KrValue str_repeat(KrRun *r, KrValue sv, int64_t n) {
    KrStr *s = kr_as_str(sv);
    if (n <= 0 || s->nbytes == 0) return kr_from_obj(&str_empty);
    if (n == 1 && kr_is_type(sv, &kr_type_str)) return sv;
    size_t total, len;
    if ((uint64_t)n > SIZE_MAX || !kr_size_mul(s->nbytes, (size_t)n, &total) ||
        !kr_size_mul(s->len, (size_t)n, &len))
        return str_nomem(r);
    KrStr *o = str_alloc(r, total, len);
    if (!o) return KR_EXC;
    char *d = str_wdata(o);
    memcpy(d, s->data, s->nbytes);
    return kr_run_repeat(r, d, s->nbytes, total) ? kr_from_obj(o) : KR_EXC;
}

// A user class on the other side may still define __radd__/__rmul__: give
// it its turn before raising the sequence error, as CPython does.
static KrValue str_try_other(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    KrValue other = str_is(a) ? b : a;
    const KrType *t = kr_typeof(other);
    if ((t->flags & KR_TF_HEAP) && t->binary && t->binary != kr_type_str.binary)
        return t->binary(r, a, b, op);
    return KR_NOTIMPL;
}

static KrValue str_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    if (op == KR_BIN_ADD) {
        if (!str_is(a)) return KR_NOTIMPL;
        if (str_is(b)) return kr_str_concat(r, a, b);
        KrValue v = str_try_other(r, a, b, op);
        if (v != KR_NOTIMPL) return v;
        return kr_raise(r, &kr_exc_TypeError, "can only concatenate str (not \"%s\") to str",
                        kr_type_name(b));
    }
    if (op == KR_BIN_MUL) {
        bool left = str_is(a);
        KrValue other = left ? b : a;
        int64_t n;
        if (!kr_is_int(other) && !kr_is_bool(other)) {
            KrValue v = str_try_other(r, a, b, op);
            if (v != KR_NOTIMPL) return v;
        }
        if (!kr_seq_repeat_count(r, other, &n)) return KR_EXC;
        return str_repeat(r, left ? a : b, n);
    }
    if (op == KR_BIN_MOD && str_is(a)) return kr_str_percent(r, a, b);
    return KR_NOTIMPL;
}

static bool str_len(KrRun *r, KrValue v, size_t *out) {
    (void)r;
    *out = kr_as_str(v)->len;
    return true;
}

// ---- indexing and slicing --------------------------------------------------------------

static KrValue str_char_at(KrRun *r, const KrStr *s, size_t off) {
    size_t i = off;
    uint32_t c = kr_utf8_decode(s->data, s->nbytes, &i);
    if (c < 0x100) return str_small_char(c);
    return kr_str_new_n(r, s->data + off, i - off, 1);
}

// Byte offset of the character before the one at off (off > 0).
static size_t str_prev(const char *d, size_t off) {
    do off--;
    while (off > 0 && ((unsigned char)d[off] & 0xC0) == 0x80);
    return off;
}

static size_t str_next(const char *d, size_t n, size_t off) {
    do off++;
    while (off < n && ((unsigned char)d[off] & 0xC0) == 0x80);
    return off;
}

static KrValue str_slice_step(KrRun *r, const KrStr *s, int64_t start, int64_t step, size_t count) {
    if (s->len == s->nbytes) {
        KrStr *o = str_alloc(r, count, count);
        if (!o) return KR_EXC;
        char *d = str_wdata(o);
        for (size_t k = 0; k < count; k++) d[k] = s->data[start + (int64_t)k * step];
        if (!kr_run_tick_bytes(r, count)) return KR_EXC;
        return kr_from_obj(o);
    }
    KrBuf b;
    char b_local[KR_BUF_LOCAL];
    kr_buf_init_local(&b, kr_run_allocator(r), b_local, sizeof b_local);
    size_t off = str_offset(s, (size_t)start);
    bool ok = true;
    for (size_t k = 0; ok && k < count; k++) {
        size_t end = str_next(s->data, s->nbytes, off);
        ok = kr_buf_append(&b, s->data + off, end - off);
        if (k + 1 == count) break;
        for (int64_t j = 0; j < (step < 0 ? -step : step); j++)
            off = step > 0 ? str_next(s->data, s->nbytes, off) : str_prev(s->data, off);
        if (ok && (k & 1023) == 1023) ok = kr_run_tick_bytes(r, 1024);
    }
    KrValue out = ok ? kr_str_new_n(r, b.data, b.len, count) : str_fail(r);
    kr_buf_free(&b);
    return out;
}

static KrValue str_slice(KrRun *r, KrValue sv, KrSlice *sl) {
    KrStr *s = kr_as_str(sv);
    int64_t start, stop, step;
    size_t count;
    if (!kr_slice_indices(r, sl, s->len, &start, &stop, &step, &count)) return KR_EXC;
    if (count == 0) return kr_from_obj(&str_empty);
    if (step == 1) {
        size_t b0 = str_offset(s, (size_t)start), b1 = b0 + count;
        if (s->len != s->nbytes) {
            b1 = b0;
            for (size_t k = 0; k < count; k++) b1 = str_next(s->data, s->nbytes, b1);
        }
        return str_sub(r, sv, b0, b1, count);
    }
    return str_slice_step(r, s, start, step, count);
}

static KrValue str_getitem(KrRun *r, KrValue o, KrValue key) {
    KrStr *s = kr_as_str(o);
    int64_t i;
    if (kr_is_small(key)) {
        i = kr_as_small(key);
        if (i < 0) i += (int64_t)s->len;
    } else if (kr_is_type(key, &kr_type_slice)) {
        return str_slice(r, o, (KrSlice *)kr_as_obj(key));
    } else if (kr_is_int(key) || kr_is_bool(key) || (kr_typeof(key)->flags & KR_TF_HEAP)) {
        if (!kr_seq_index(r, key, s->len, &i, "string indices must be integers, not '%s'")) return KR_EXC;
    } else {
        return kr_raise(r, &kr_exc_TypeError, "string indices must be integers, not '%s'",
                        kr_type_name(key));
    }
    if (i < 0 || (uint64_t)i >= s->len)
        return kr_raise(r, &kr_exc_IndexError, "string index out of range");
    return str_char_at(r, s, str_offset(s, (size_t)i));
}

static int str_contains(KrRun *r, KrValue o, KrValue x) {
    if (!str_is(x)) {
        kr_raise(r, &kr_exc_TypeError, "'in <string>' requires string as left operand, not %s",
                 kr_type_name(x));
        return -1;
    }
    KrStr *s = kr_as_str(o), *sub = kr_as_str(x);
    return kr_str_search(s->data, s->nbytes, sub->data, sub->nbytes, 0) != SIZE_MAX;
}

// ---- iteration ----------------------------------------------------------------------------
// A KrSeqIter whose index is the byte offset of the next character.

static KrValue str_iter(KrRun *r, KrValue o) {
    KrStr *s = kr_as_str(o);
    const KrType *t = s->len == s->nbytes ? &kr_type_str_ascii_iterator : &kr_type_str_iterator;
    KrSeqIter *it = kr_gc_alloc(r, t, sizeof(KrSeqIter));
    if (!it) return KR_EXC;
    it->seq = o;
    it->index = 0;
    it->version = 0;
    return kr_from_obj(it);
}

static KrValue str_iter_next(KrRun *r, KrValue o) {
    KrSeqIter *it = (KrSeqIter *)kr_as_obj(o);
    if (it->seq == KR_NULL) return KR_STOP;
    KrStr *s = kr_as_str(it->seq);
    if (it->index >= s->nbytes) {
        it->seq = KR_NULL; // drop the string once exhausted, as CPython
        return KR_STOP;
    }
    size_t off = it->index;
    it->index = str_next(s->data, s->nbytes, off);
    return str_char_at(r, s, off);
}

static KrValue str_iter_self(KrRun *r, KrValue o) {
    (void)r;
    return o;
}

static void str_iter_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((KrSeqIter *)o)->seq); }

static bool str_codec_typecheck(KrRun *r, const char *fname, KrValue encoding, KrValue errors);

// ---- construction ------------------------------------------------------------------------------

static KrValue str_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                             KrValue kwnames) {
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    KrValue a[3];
    if (t != &kr_type_str)
        return kr_raise(r, &kr_exc_NotImplementedError, "subclasses of str are not supported yet");
    if (!kr_str_bind_args(r, "str", names, argc, args, kwnames, a)) return KR_EXC;
    if (a[0] == KR_NULL) return kr_from_obj(&str_empty);
    if (a[1] == KR_NULL && a[2] == KR_NULL) return kr_str(r, a[0]);
    if (!str_codec_typecheck(r, "str", a[1], a[2])) return KR_EXC;
    KrCodec codec;
    KrErrHandler eh;
    const char *ehname;
    const uint8_t *data;
    size_t n;
    if (!kr_bytes_view(a[0], &data, &n)) {
        if (str_is(a[0])) return kr_raise(r, &kr_exc_TypeError, "decoding str is not supported");
        return kr_raise(r, &kr_exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                        kr_type_name(a[0]));
    }
    if (!kr_str_codec_args(r, "str", a[1], a[2], &codec, &eh, &ehname)) return KR_EXC;
    return kr_bytes_decode(r, data, n, codec, eh, ehname);
}

// ---- case mapping ----------------------------------------------------------------------------

typedef enum { STR_LOWER, STR_UPPER, STR_CASEFOLD, STR_SWAPCASE, STR_TITLE, STR_CAPITALIZE } StrCase;

// The final-sigma rule (see unicode_db.h): the capital sigma occupying
// bytes [start, end) of d lowercases to 'ς'.
static bool str_final_sigma(const char *d, size_t n, size_t start, size_t end) {
    size_t j = start;
    bool cased = false;
    while (j > 0) {
        j = str_prev(d, j);
        size_t k = j;
        uint32_t c = kr_utf8_decode(d, n, &k);
        if (kr_uni_iscaseignorable(c)) continue;
        cased = kr_uni_iscased(c);
        break;
    }
    if (!cased) return false;
    size_t k = end;
    while (k < n) {
        uint32_t c = kr_utf8_decode(d, n, &k);
        if (!kr_uni_iscaseignorable(c)) return !kr_uni_iscased(c);
    }
    return true;
}

static size_t str_lower_at(const char *d, size_t n, size_t start, size_t end, uint32_t c,
                           uint32_t out[3]) {
    if (c == 0x3A3 && str_final_sigma(d, n, start, end)) {
        out[0] = 0x3C2;
        return 1;
    }
    return kr_uni_lower(c, out);
}

static char str_ascii_case(StrCase mode, char c, bool *prev_cased, bool first) {
    bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
    bool to_upper;
    switch (mode) {
    case STR_UPPER: to_upper = true; break;
    case STR_SWAPCASE: to_upper = low; break;
    case STR_TITLE: to_upper = !*prev_cased; break;
    case STR_CAPITALIZE: to_upper = first; break;
    default: to_upper = false; break;
    }
    *prev_cased = up || low;
    if (to_upper && low) return (char)(c - 32);
    if (!to_upper && up) return (char)(c + 32);
    return c;
}

static KrValue str_case_ascii(KrRun *r, const KrStr *s, StrCase mode) {
    KrStr *o = str_alloc(r, s->nbytes, s->len);
    if (!o) return KR_EXC;
    char *d = str_wdata(o);
    const unsigned char *p = (const unsigned char *)s->data;
    size_t n = s->nbytes;
    // Branch-free loops for the common cases (the compiler vectorizes them).
    if (mode == STR_LOWER || mode == STR_CASEFOLD) {
        for (size_t i = 0; i < n; i++) d[i] = (char)(p[i] + (((unsigned)(p[i] - 'A') < 26u) << 5));
    } else if (mode == STR_UPPER) {
        for (size_t i = 0; i < n; i++) d[i] = (char)(p[i] - (((unsigned)(p[i] - 'a') < 26u) << 5));
    } else {
        bool prev = false;
        for (size_t i = 0; i < n; i++) d[i] = str_ascii_case(mode, (char)p[i], &prev, i == 0);
    }
    if (!kr_run_tick_bytes(r, n)) return KR_EXC;
    return kr_from_obj(o);
}

// The mapping of one code point at bytes [start, end) of the string.
static size_t str_case_one(StrCase mode, const KrStr *s, size_t start, size_t end, uint32_t c,
                           bool *prev_cased, uint32_t out[3]) {
    size_t k;
    switch (mode) {
    case STR_LOWER: k = str_lower_at(s->data, s->nbytes, start, end, c, out); break;
    case STR_UPPER: k = kr_uni_upper(c, out); break;
    case STR_CASEFOLD: k = kr_uni_casefold(c, out); break;
    case STR_SWAPCASE:
        if (kr_uni_isupper(c)) k = str_lower_at(s->data, s->nbytes, start, end, c, out);
        else if (kr_uni_islower(c)) k = kr_uni_upper(c, out);
        else out[0] = c, k = 1;
        break;
    case STR_TITLE:
        if (*prev_cased) k = str_lower_at(s->data, s->nbytes, start, end, c, out);
        else k = kr_uni_title(c, out);
        break;
    default: // capitalize
        if (start == 0) k = kr_uni_title(c, out);
        else k = str_lower_at(s->data, s->nbytes, start, end, c, out);
        break;
    }
    *prev_cased = kr_uni_iscased(c);
    return k;
}

static KrValue str_case(KrRun *r, KrValue self, StrCase mode) {
    KrStr *s = kr_as_str(self);
    if (s->nbytes == 0) return kr_from_obj(&str_empty);
    if (s->len == s->nbytes) return str_case_ascii(r, s, mode);
    KrBuf b;
    char b_local[KR_BUF_LOCAL];
    kr_buf_init_local(&b, kr_run_allocator(r), b_local, sizeof b_local);
    bool ok = kr_buf_reserve(&b, s->nbytes), prev = false;
    size_t i = 0, ncp = 0;
    while (ok && i < s->nbytes) {
        size_t start = i;
        uint32_t c = kr_utf8_decode(s->data, s->nbytes, &i), out[3];
        size_t k = str_case_one(mode, s, start, i, c, &prev, out);
        for (size_t j = 0; ok && j < k; j++) ok = kr_buf_append_utf8(&b, out[j]);
        ncp += k;
        if (ok && (ncp & 4095) == 0) ok = kr_run_tick_bytes(r, 4096);
    }
    KrValue res = ok ? kr_str_new_n(r, b.data, b.len, ncp) : str_fail(r);
    kr_buf_free(&b);
    return res;
}

#define STR_CASE_METHOD(fname, mode)                                                        \
    static KrValue str_m_##fname(KrRun *r, KrValue self, size_t argc, const KrValue *args, \
                                 KrValue kw) {                                              \
        (void)args;                                                                         \
        if (!kr_str_argcheck(r, "str." #fname, argc, kw, 0, 0, false)) return KR_EXC;        \
        return str_case(r, self, mode);                                                     \
    }

STR_CASE_METHOD(lower, STR_LOWER)
STR_CASE_METHOD(upper, STR_UPPER)
STR_CASE_METHOD(casefold, STR_CASEFOLD)
STR_CASE_METHOD(swapcase, STR_SWAPCASE)
STR_CASE_METHOD(title, STR_TITLE)
STR_CASE_METHOD(capitalize, STR_CAPITALIZE)

// ---- predicates --------------------------------------------------------------------------------

static bool str_ascii_space(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

// True when every code point satisfies pred (and the string is not empty).
static bool str_all(const KrStr *s, bool (*pred)(uint32_t)) {
    if (s->nbytes == 0) return false;
    size_t i = 0;
    while (i < s->nbytes)
        if (!pred(kr_utf8_decode(s->data, s->nbytes, &i))) return false;
    return true;
}

#define STR_PRED_METHOD(fname, pred)                                                        \
    static KrValue str_m_##fname(KrRun *r, KrValue self, size_t argc, const KrValue *args, \
                                 KrValue kw) {                                              \
        (void)args;                                                                         \
        if (!kr_str_argcheck(r, "str." #fname, argc, kw, 0, 0, false)) return KR_EXC;        \
        return kr_bool(str_all(kr_as_str(self), pred));                                     \
    }

STR_PRED_METHOD(isalnum, kr_uni_isalnum)
STR_PRED_METHOD(isalpha, kr_uni_isalpha)
STR_PRED_METHOD(isdecimal, kr_uni_isdecimal)
STR_PRED_METHOD(isdigit, kr_uni_isdigit)
STR_PRED_METHOD(isnumeric, kr_uni_isnumeric)
STR_PRED_METHOD(isspace, kr_uni_isspace)

static KrValue str_m_isprintable(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                 KrValue kw) {
    (void)args;
    if (!kr_str_argcheck(r, "str.isprintable", argc, kw, 0, 0, false)) return KR_EXC;
    KrStr *s = kr_as_str(self);
    return kr_bool(s->nbytes == 0 || str_all(s, kr_uni_isprintable));
}

static KrValue str_m_isascii(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_str_argcheck(r, "str.isascii", argc, kw, 0, 0, false)) return KR_EXC;
    KrStr *s = kr_as_str(self);
    return kr_bool(s->len == s->nbytes);
}

static KrValue str_m_isidentifier(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                  KrValue kw) {
    (void)args;
    if (!kr_str_argcheck(r, "str.isidentifier", argc, kw, 0, 0, false)) return KR_EXC;
    return kr_bool(kr_str_is_identifier(kr_as_str(self)));
}

bool kr_str_is_identifier(const KrStr *s) {
    if (s->nbytes == 0) return false;
    size_t i = 0;
    if (!kr_uni_isxid_start(kr_utf8_decode(s->data, s->nbytes, &i))) return false;
    while (i < s->nbytes)
        if (!kr_uni_isxid_continue(kr_utf8_decode(s->data, s->nbytes, &i))) return false;
    return true;
}

// islower / isupper: some cased character, none of the opposite case or
// titlecase.
static KrValue str_cased_check(KrRun *r, KrValue self, size_t argc, KrValue kw, bool lower) {
    if (!kr_str_argcheck(r, lower ? "str.islower" : "str.isupper", argc, kw, 0, 0, false))
        return KR_EXC;
    KrStr *s = kr_as_str(self);
    bool cased = false;
    size_t i = 0;
    while (i < s->nbytes) {
        uint32_t c = kr_utf8_decode(s->data, s->nbytes, &i);
        bool same = lower ? kr_uni_islower(c) : kr_uni_isupper(c);
        bool other = lower ? kr_uni_isupper(c) : kr_uni_islower(c);
        if (other || kr_uni_istitle(c)) return KR_FALSE;
        if (same) cased = true;
    }
    return kr_bool(cased);
}

static KrValue str_m_islower(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    return str_cased_check(r, self, argc, kw, true);
}

static KrValue str_m_isupper(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    return str_cased_check(r, self, argc, kw, false);
}

static KrValue str_m_istitle(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_str_argcheck(r, "str.istitle", argc, kw, 0, 0, false)) return KR_EXC;
    KrStr *s = kr_as_str(self);
    bool cased = false, prev = false;
    size_t i = 0;
    while (i < s->nbytes) {
        uint32_t c = kr_utf8_decode(s->data, s->nbytes, &i);
        if (kr_uni_isupper(c) || kr_uni_istitle(c)) {
            if (prev) return KR_FALSE;
            prev = cased = true;
        } else if (kr_uni_islower(c)) {
            if (!prev) return KR_FALSE;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return kr_bool(cased);
}

// ---- find, count, index, startswith, endswith ----------------------------------------------

// Byte offset of sub in s[b0, b1) (last one when rev), or SIZE_MAX.
static size_t str_find_in(const KrStr *s, const KrStr *sub, size_t b0, size_t b1, bool rev) {
    if (rev) {
        size_t k = kr_str_rsearch(s->data + b0, b1 - b0, sub->data, sub->nbytes);
        return k == SIZE_MAX ? k : b0 + k;
    }
    return kr_str_search(s->data, b1, sub->data, sub->nbytes, b0);
}

// find/rfind/index/rindex: the code point index, -1 when missing (or
// ValueError for index/rindex).
static KrValue str_find_common(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                               KrValue kw, const char *qualname, bool rev, bool raise) {
    if (!kr_str_argcheck(r, qualname, argc, kw, 1, 3, true)) return KR_EXC;
    KrStr *s = kr_as_str(self), *sub = str_arg(r, args[0], "must be str, not %s");
    if (!sub) return KR_EXC;
    size_t b0 = 0, b1 = 0;
    int w = str_window(r, s, argc, args, 1, &b0, &b1);
    if (w < 0) return KR_EXC;
    size_t pos = w ? str_find_in(s, sub, b0, b1, rev) : SIZE_MAX;
    if (pos == SIZE_MAX) {
        if (raise) return kr_raise(r, &kr_exc_ValueError, "substring not found");
        return kr_from_small(-1);
    }
    return kr_from_small((int64_t)str_cp_index(s, pos));
}

static KrValue str_m_find(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return str_find_common(r, self, argc, args, kw, "str.find", false, false);
}
static KrValue str_m_rfind(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return str_find_common(r, self, argc, args, kw, "str.rfind", true, false);
}
static KrValue str_m_index(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return str_find_common(r, self, argc, args, kw, "str.index", false, true);
}
static KrValue str_m_rindex(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return str_find_common(r, self, argc, args, kw, "str.rindex", true, true);
}

bool kr_str_count_occ(KrRun *r, const char *hay, size_t hn, const char *needle, size_t nn, size_t max,
                      size_t *out) {
    size_t count = 0, pos = 0;
    if (nn == 1 && max == SIZE_MAX) {
        for (size_t i = 0; i < hn; i++) count += hay[i] == needle[0];
        *out = count;
        return kr_run_tick_bytes(r, hn);
    }
    while (count < max) {
        size_t k = kr_str_search(hay, hn, needle, nn, pos);
        if (k == SIZE_MAX) break;
        count++;
        pos = k + nn;
        if ((count & 255) == 0 && !kr_run_tick_bytes(r, 256 * nn)) return false;
    }
    *out = count;
    return true;
}

static KrValue str_m_count(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!kr_str_argcheck(r, "str.count", argc, kw, 1, 3, true)) return KR_EXC;
    KrStr *s = kr_as_str(self), *sub = str_arg(r, args[0], "must be str, not %s");
    if (!sub) return KR_EXC;
    size_t b0 = 0, b1 = 0;
    int w = str_window(r, s, argc, args, 1, &b0, &b1);
    if (w <= 0) return w < 0 ? KR_EXC : kr_from_small(0);
    if (sub->nbytes == 0) {
        size_t ncp = s->len == s->nbytes ? b1 - b0 : kr_utf8_count(s->data + b0, b1 - b0);
        return kr_from_small((int64_t)ncp + 1);
    }
    size_t n;
    if (!kr_str_count_occ(r, s->data + b0, b1 - b0, sub->data, sub->nbytes, SIZE_MAX, &n)) return KR_EXC;
    return kr_from_small((int64_t)n);
}

// startswith/endswith: prefix is a str or a tuple of str.
static KrValue str_affix(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw,
                         bool end) {
    const char *fname = end ? "endswith" : "startswith";
    if (!kr_str_argcheck(r, end ? "str.endswith" : "str.startswith", argc, kw, 1, 3, true))
        return KR_EXC;
    KrStr *s = kr_as_str(self);
    KrValue x = args[0];
    bool tuple = kr_is_type(x, &kr_type_tuple);
    if (!tuple && !str_is(x))
        return kr_raise(r, &kr_exc_TypeError, "%s first arg must be str or a tuple of str, not %s",
                        fname, kr_type_name(x));
    size_t b0 = 0, b1 = 0;
    int w = str_window(r, s, argc, args, 1, &b0, &b1);
    if (w < 0) return KR_EXC;
    size_t n = tuple ? kr_as_tuple(x)->len : 1;
    for (size_t i = 0; i < n; i++) {
        KrValue item = tuple ? kr_as_tuple(x)->items[i] : x;
        if (!str_is(item))
            return kr_raise(r, &kr_exc_TypeError, "tuple for %s must only contain str, not %s",
                            fname, kr_type_name(item));
        KrStr *a = kr_as_str(item);
        if (!w || a->nbytes > b1 - b0) continue;
        size_t at = end ? b1 - a->nbytes : b0;
        if (memcmp(s->data + at, a->data, a->nbytes) == 0) return KR_TRUE;
    }
    return KR_FALSE;
}

static KrValue str_m_startswith(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                KrValue kw) {
    return str_affix(r, self, argc, args, kw, false);
}
static KrValue str_m_endswith(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                              KrValue kw) {
    return str_affix(r, self, argc, args, kw, true);
}

static KrValue str_remove_affix(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                KrValue kw, bool suffix) {
    const char *q = suffix ? "str.removesuffix" : "str.removeprefix";
    if (!kr_str_argcheck(r, q, argc, kw, 1, 1, false)) return KR_EXC;
    if (!str_is(args[0]))
        return kr_raise(r, &kr_exc_TypeError, "%s() argument must be str, not %s", q + 4,
                        kr_arg_type_name(args[0]));
    KrStr *s = kr_as_str(self), *a = kr_as_str(args[0]);
    if (a->nbytes == 0 || a->nbytes > s->nbytes) return str_sub(r, self, 0, s->nbytes, s->len);
    if (suffix) {
        if (memcmp(s->data + s->nbytes - a->nbytes, a->data, a->nbytes) != 0)
            return str_sub(r, self, 0, s->nbytes, s->len);
        return str_sub(r, self, 0, s->nbytes - a->nbytes, s->len - a->len);
    }
    if (memcmp(s->data, a->data, a->nbytes) != 0) return str_sub(r, self, 0, s->nbytes, s->len);
    return str_sub(r, self, a->nbytes, s->nbytes, s->len - a->len);
}

static KrValue str_m_removeprefix(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                  KrValue kw) {
    return str_remove_affix(r, self, argc, args, kw, false);
}
static KrValue str_m_removesuffix(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                  KrValue kw) {
    return str_remove_affix(r, self, argc, args, kw, true);
}

// ---- replace -------------------------------------------------------------------------------------

// replace("", new): new before every character and at the end, count times.
static KrValue str_replace_empty(KrRun *r, KrValue self, const KrStr *nw, size_t count) {
    KrStr *s = kr_as_str(self);
    if (count > s->len + 1) count = s->len + 1;
    size_t total, extra, len;
    if (!kr_size_mul(nw->nbytes, count, &extra) || !kr_size_add(s->nbytes, extra, &total) ||
        !kr_size_mul(nw->len, count, &len))
        return str_nomem(r);
    KrStr *o = str_alloc(r, total, s->len + len);
    if (!o) return KR_EXC;
    char *d = str_wdata(o);
    size_t i = 0;
    for (size_t k = 0; k < count; k++) {
        memcpy(d, nw->data, nw->nbytes);
        d += nw->nbytes;
        if (i < s->nbytes) {
            size_t j = str_next(s->data, s->nbytes, i);
            memcpy(d, s->data + i, j - i);
            d += j - i;
            i = j;
        }
        if ((k & 255) == 255 && !kr_run_tick_bytes(r, 256 * (nw->nbytes + 1))) return KR_EXC;
    }
    memcpy(d, s->data + i, s->nbytes - i);
    return kr_from_obj(o);
}

static KrValue str_replace(KrRun *r, KrValue self, const KrStr *old, const KrStr *nw,
                           size_t maxcount) {
    KrStr *s = kr_as_str(self);
    if (maxcount == 0) return str_sub(r, self, 0, s->nbytes, s->len);
    if (old->nbytes == 0) return str_replace_empty(r, self, nw, maxcount);
    if (old->nbytes == 1 && nw->nbytes == 1 && maxcount == SIZE_MAX) {
        // One byte for another: a copy with a byte map.
        if (!memchr(s->data, old->data[0], s->nbytes)) return str_sub(r, self, 0, s->nbytes, s->len);
        KrStr *o = str_alloc(r, s->nbytes, s->len);
        if (!o) return KR_EXC;
        char *d = str_wdata(o), a = old->data[0], b = nw->data[0];
        for (size_t i = 0; i < s->nbytes; i++) d[i] = s->data[i] == a ? b : s->data[i];
        return kr_run_tick_bytes(r, s->nbytes) ? kr_from_obj(o) : KR_EXC;
    }
    size_t count;
    if (!kr_str_count_occ(r, s->data, s->nbytes, old->data, old->nbytes, maxcount, &count)) return KR_EXC;
    if (count == 0) return str_sub(r, self, 0, s->nbytes, s->len);
    // Exact size: the difference per replacement, in bytes and in code points.
    size_t grow, total, gl, len;
    if (nw->nbytes >= old->nbytes) {
        if (!kr_size_mul(nw->nbytes - old->nbytes, count, &grow) ||
            !kr_size_add(s->nbytes, grow, &total) || !kr_size_mul(nw->len, count, &gl) ||
            !kr_size_add(s->len, gl, &len))
            return str_nomem(r);
    } else {
        total = s->nbytes - (old->nbytes - nw->nbytes) * count;
        len = s->len + nw->len * count;
    }
    len -= old->len * count;
    KrStr *o = str_alloc(r, total, len);
    if (!o) return KR_EXC;
    char *d = str_wdata(o);
    size_t pos = 0;
    for (size_t k = 0; k < count; k++) {
        size_t at = kr_str_search(s->data, s->nbytes, old->data, old->nbytes, pos);
        memcpy(d, s->data + pos, at - pos);
        d += at - pos;
        memcpy(d, nw->data, nw->nbytes);
        d += nw->nbytes;
        pos = at + old->nbytes;
        if ((k & 255) == 255 && !kr_run_tick_bytes(r, 256 * (old->nbytes + nw->nbytes))) return KR_EXC;
    }
    memcpy(d, s->data + pos, s->nbytes - pos);
    if (!kr_run_tick_bytes(r, total)) return KR_EXC;
    return kr_from_obj(o);
}

static KrValue str_m_replace(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!kr_str_argcheck(r, "str.replace", argc, kw, 2, 3, false)) return KR_EXC;
    for (size_t i = 0; i < 2; i++)
        if (!str_is(args[i]))
            return kr_raise(r, &kr_exc_TypeError, "replace() argument %zu must be str, not %s",
                            i + 1, kr_arg_type_name(args[i]));
    int64_t count = -1;
    if (argc > 2 && !kr_index(r, args[2], &count)) return KR_EXC;
    size_t max = count < 0 ? SIZE_MAX : (size_t)count;
    return str_replace(r, self, kr_as_str(args[0]), kr_as_str(args[1]), max);
}

// ---- partition -----------------------------------------------------------------------------------

static KrValue str_partition(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw,
                             bool rev) {
    if (!kr_str_argcheck(r, rev ? "str.rpartition" : "str.partition", argc, kw, 1, 1, false))
        return KR_EXC;
    KrStr *s = kr_as_str(self), *sep = str_arg(r, args[0], "must be str, not %s");
    if (!sep) return KR_EXC;
    if (sep->nbytes == 0) return kr_raise(r, &kr_exc_ValueError, "empty separator");
    size_t at = rev ? kr_str_rsearch(s->data, s->nbytes, sep->data, sep->nbytes)
                    : kr_str_search(s->data, s->nbytes, sep->data, sep->nbytes, 0);
    KrValue t = kr_tuple_new(r, 3);
    if (t == KR_EXC) return KR_EXC;
    KrValue *items = kr_as_tuple(t)->items;
    items[0] = items[1] = items[2] = kr_from_obj(&str_empty);
    if (at == SIZE_MAX) {
        items[rev ? 2 : 0] = str_sub(r, self, 0, s->nbytes, s->len);
        return t;
    }
    items[1] = str_sub(r, args[0], 0, sep->nbytes, sep->len);
    if (items[1] == KR_EXC) return KR_EXC;
    items[0] = str_sub_bytes(r, self, 0, at);
    if (items[0] == KR_EXC) return KR_EXC;
    items[2] = str_sub_bytes(r, self, at + sep->nbytes, s->nbytes);
    return items[2] == KR_EXC ? KR_EXC : t;
}

static KrValue str_m_partition(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                               KrValue kw) {
    return str_partition(r, self, argc, args, kw, false);
}
static KrValue str_m_rpartition(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                KrValue kw) {
    return str_partition(r, self, argc, args, kw, true);
}

// ---- split, rsplit, splitlines --------------------------------------------------------------------

static bool str_push(KrRun *r, KrValue list, KrValue item) {
    if (item == KR_EXC) return false;
    KrList *l = kr_as_list(list);
    if (!kr_list_append(r, l, item)) return false;
    return (l->len & 1023) != 0 || kr_run_tick(r, 256);
}

static void str_list_reverse(KrValue list) {
    KrList *l = kr_as_list(list);
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        KrValue t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
}

// Whitespace at byte i (Unicode isspace); *next gets the offset after it.
static bool str_space_at(const char *d, size_t n, size_t i, size_t *next) {
    unsigned char c = (unsigned char)d[i];
    if (c < 0x80) {
        *next = i + 1;
        return str_ascii_space(c);
    }
    size_t k = i;
    bool sp = kr_uni_isspace(kr_utf8_decode(d, n, &k));
    *next = k;
    return sp;
}

static KrValue str_split_ws(KrRun *r, KrValue self, int64_t maxsplit, KrValue list) {
    KrStr *s = kr_as_str(self);
    const char *d = s->data;
    size_t n = s->nbytes, i = 0, nx;
    for (;;) {
        while (i < n && str_space_at(d, n, i, &nx)) i = nx;
        if (i >= n) break;
        size_t start = i;
        if (maxsplit-- == 0) {
            // The rest, trailing whitespace included, is the last item.
            if (!str_push(r, list, str_sub_bytes(r, self, start, n))) return KR_EXC;
            break;
        }
        while (i < n && !str_space_at(d, n, i, &nx)) i = nx;
        if (!str_push(r, list, str_sub_bytes(r, self, start, i))) return KR_EXC;
    }
    return list;
}

static KrValue str_rsplit_ws(KrRun *r, KrValue self, int64_t maxsplit, KrValue list) {
    KrStr *s = kr_as_str(self);
    const char *d = s->data;
    size_t n = s->nbytes, end = n, nx;
    for (;;) {
        while (end > 0) {
            size_t p = str_prev(d, end);
            if (!str_space_at(d, n, p, &nx)) break;
            end = p;
        }
        if (end == 0) break;
        size_t start = end;
        if (maxsplit-- == 0) {
            if (!str_push(r, list, str_sub_bytes(r, self, 0, end))) return KR_EXC;
            break;
        }
        while (start > 0) {
            size_t p = str_prev(d, start);
            if (str_space_at(d, n, p, &nx)) break;
            start = p;
        }
        if (!str_push(r, list, str_sub_bytes(r, self, start, end))) return KR_EXC;
        end = start;
    }
    str_list_reverse(list);
    return list;
}

static KrValue str_split_sep(KrRun *r, KrValue self, const KrStr *sep, int64_t maxsplit,
                             KrValue list, bool rev) {
    KrStr *s = kr_as_str(self);
    size_t pos = 0, end = s->nbytes;
    while (maxsplit-- != 0) {
        size_t at = rev ? kr_str_rsearch(s->data, end, sep->data, sep->nbytes)
                        : kr_str_search(s->data, s->nbytes, sep->data, sep->nbytes, pos);
        if (at == SIZE_MAX) break;
        KrValue item = rev ? str_sub_bytes(r, self, at + sep->nbytes, end)
                           : str_sub_bytes(r, self, pos, at);
        if (!str_push(r, list, item)) return KR_EXC;
        if (rev) end = at;
        else pos = at + sep->nbytes;
    }
    if (!str_push(r, list, str_sub_bytes(r, self, pos, end))) return KR_EXC;
    if (rev) str_list_reverse(list);
    return list;
}

static KrValue str_split_common(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                KrValue kw, bool rev) {
    static const char *const names[] = {"sep", "maxsplit", NULL};
    KrValue a[2];
    if (!kr_str_bind_args(r, rev ? "rsplit" : "split", names, argc, args, kw, a)) return KR_EXC;
    KrValue sep = a[0] == KR_NULL ? KR_NONE : a[0];
    if (sep != KR_NONE && !str_is(sep))
        return kr_raise(r, &kr_exc_TypeError, "must be str or None, not %s", kr_type_name(sep));
    int64_t maxsplit = -1;
    if (a[1] != KR_NULL && !kr_index(r, a[1], &maxsplit)) return KR_EXC;
    if (maxsplit < 0) maxsplit = -1;
    if (sep != KR_NONE && kr_as_str(sep)->nbytes == 0)
        return kr_raise(r, &kr_exc_ValueError, "empty separator");
    KrValue list = kr_list_new(r, 0);
    if (list == KR_EXC) return KR_EXC;
    if (sep == KR_NONE)
        return rev ? str_rsplit_ws(r, self, maxsplit, list) : str_split_ws(r, self, maxsplit, list);
    return str_split_sep(r, self, kr_as_str(sep), maxsplit, list, rev);
}

static KrValue str_m_split(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return str_split_common(r, self, argc, args, kw, false);
}
static KrValue str_m_rsplit(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return str_split_common(r, self, argc, args, kw, true);
}

// A line boundary at byte i: returns its length in bytes ("\r\n" is one), 0
// if none.
static size_t str_linebreak_at(const char *d, size_t n, size_t i) {
    unsigned char c = (unsigned char)d[i];
    if (c == '\r') return i + 1 < n && d[i + 1] == '\n' ? 2 : 1;
    if (c < 0x80) return (c >= '\n' && c <= '\r') || (c >= 0x1c && c <= 0x1e);
    size_t k = i;
    return kr_uni_islinebreak(kr_utf8_decode(d, n, &k)) ? k - i : 0;
}

static KrValue str_m_splitlines(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                KrValue kw) {
    static const char *const names[] = {"keepends", NULL};
    KrValue a[1];
    if (!kr_str_bind_args(r, "splitlines", names, argc, args, kw, a)) return KR_EXC;
    int64_t keep = 0;
    if (a[0] != KR_NULL && !kr_index(r, a[0], &keep)) return KR_EXC;
    KrStr *s = kr_as_str(self);
    KrValue list = kr_list_new(r, 0);
    if (list == KR_EXC) return KR_EXC;
    size_t i = 0, start = 0;
    while (i < s->nbytes) {
        size_t br = str_linebreak_at(s->data, s->nbytes, i);
        if (!br) {
            i = str_next(s->data, s->nbytes, i);
            continue;
        }
        if (!str_push(r, list, str_sub_bytes(r, self, start, keep ? i + br : i))) return KR_EXC;
        i += br;
        start = i;
    }
    if (start < s->nbytes && !str_push(r, list, str_sub_bytes(r, self, start, s->nbytes)))
        return KR_EXC;
    return list;
}

// ---- strip ---------------------------------------------------------------------------------------

static bool str_in_chars(const KrStr *chars, uint32_t c) {
    if (!chars) return kr_uni_isspace(c);
    if (c < 0x80) return memchr(chars->data, (int)c, chars->nbytes) != NULL;
    char tmp[4];
    size_t k = kr_utf8_encode(c, tmp);
    return kr_str_search(chars->data, chars->nbytes, tmp, k, 0) != SIZE_MAX;
}

// mode bit 1: strip left, bit 2: strip right.
static KrValue str_strip(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw,
                         int mode, const char *qualname) {
    if (!kr_str_argcheck(r, qualname, argc, kw, 0, 1, false)) return KR_EXC;
    KrStr *chars = NULL;
    if (argc && args[0] != KR_NONE) {
        if (!str_is(args[0]))
            return kr_raise(r, &kr_exc_TypeError, "%s arg must be None or str",
                            str_short_name(qualname));
        chars = kr_as_str(args[0]);
    }
    KrStr *s = kr_as_str(self);
    const char *d = s->data;
    size_t n = s->nbytes, b0 = 0, b1 = n;
    while ((mode & 1) && b0 < n) {
        size_t k = b0;
        if (!str_in_chars(chars, kr_utf8_decode(d, n, &k))) break;
        b0 = k;
    }
    while ((mode & 2) && b1 > b0) {
        size_t p = str_prev(d, b1), k = p;
        if (!str_in_chars(chars, kr_utf8_decode(d, n, &k))) break;
        b1 = p;
    }
    return str_sub_bytes(r, self, b0, b1);
}

static KrValue str_m_strip(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return str_strip(r, self, argc, args, kw, 3, "str.strip");
}
static KrValue str_m_lstrip(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return str_strip(r, self, argc, args, kw, 1, "str.lstrip");
}
static KrValue str_m_rstrip(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return str_strip(r, self, argc, args, kw, 2, "str.rstrip");
}

// ---- padding ----------------------------------------------------------------------------------------

// count copies of the fl-byte character f at d, sliced with budget ticks.
static bool str_fill(KrRun *r, char *d, const char *f, size_t fl, size_t count) {
    if (count == 0) return true;
    if (fl == 1) return kr_run_fill(r, d, f[0], count);
    memcpy(d, f, fl);
    return kr_run_repeat(r, d, fl, count * fl);
}

// s with `left` and `right` copies of the fill character around it.
static KrValue str_pad(KrRun *r, KrValue self, size_t left, size_t right, uint32_t fill) {
    KrStr *s = kr_as_str(self);
    if (left == 0 && right == 0) return str_sub(r, self, 0, s->nbytes, s->len);
    char f[4];
    size_t fl = kr_utf8_encode(fill, f), pad, total;
    if (!kr_size_add(left, right, &pad) || !kr_size_mul(pad, fl, &total) ||
        !kr_size_add(total, s->nbytes, &total))
        return str_nomem(r);
    KrStr *o = str_alloc(r, total, s->len + pad);
    if (!o) return KR_EXC;
    char *d = str_wdata(o);
    if (!str_fill(r, d, f, fl, left) || !kr_run_copy(r, d + left * fl, s->data, s->nbytes) ||
        !str_fill(r, d + left * fl + s->nbytes, f, fl, right))
        return KR_EXC;
    return kr_from_obj(o);
}

// Parses (width[, fillchar]) of center/ljust/rjust; false on error.
static bool str_pad_args(KrRun *r, const char *qualname, size_t argc, const KrValue *args,
                         KrValue kw, int64_t *width, uint32_t *fill) {
    if (!kr_str_argcheck(r, qualname, argc, kw, 1, 2, false)) return false;
    if (!kr_index(r, args[0], width)) return false;
    *fill = ' ';
    if (argc > 1) {
        if (!str_is(args[1])) {
            kr_raise(r, &kr_exc_TypeError, "The fill character must be a unicode character, not %s",
                     kr_type_name(args[1]));
            return false;
        }
        KrStr *f = kr_as_str(args[1]);
        if (f->len != 1) {
            kr_raise(r, &kr_exc_TypeError, "The fill character must be exactly one character long");
            return false;
        }
        size_t i = 0;
        *fill = kr_utf8_decode(f->data, f->nbytes, &i);
    }
    return true;
}

// which: 0 ljust, 1 rjust, 2 center.
static KrValue str_justify(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw,
                           int which, const char *qualname) {
    int64_t width;
    uint32_t fill;
    if (!str_pad_args(r, qualname, argc, args, kw, &width, &fill)) return KR_EXC;
    KrStr *s = kr_as_str(self);
    if (width <= (int64_t)s->len) return str_sub(r, self, 0, s->nbytes, s->len);
    size_t marg = (size_t)width - s->len, left;
    if (which == 0) left = 0;
    else if (which == 1) left = marg;
    else left = marg / 2 + (marg & (size_t)width & 1); // CPython's rounding
    return str_pad(r, self, left, marg - left, fill);
}

static KrValue str_m_ljust(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return str_justify(r, self, argc, args, kw, 0, "str.ljust");
}
static KrValue str_m_rjust(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return str_justify(r, self, argc, args, kw, 1, "str.rjust");
}
static KrValue str_m_center(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return str_justify(r, self, argc, args, kw, 2, "str.center");
}

static KrValue str_m_zfill(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!kr_str_argcheck(r, "str.zfill", argc, kw, 1, 1, false)) return KR_EXC;
    int64_t width;
    if (!kr_index(r, args[0], &width)) return KR_EXC;
    KrStr *s = kr_as_str(self);
    if (width <= (int64_t)s->len) return str_sub(r, self, 0, s->nbytes, s->len);
    KrValue out = str_pad(r, self, (size_t)width - s->len, 0, '0');
    if (out == KR_EXC) return KR_EXC;
    // A leading sign moves in front of the zeros.
    char *d = str_wdata(kr_as_str(out));
    size_t fill = (size_t)width - s->len;
    if (s->nbytes && (s->data[0] == '+' || s->data[0] == '-')) {
        d[0] = s->data[0];
        d[fill] = '0';
    }
    return out;
}

static KrValue str_m_expandtabs(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                KrValue kw) {
    static const char *const names[] = {"tabsize", NULL};
    KrValue a[1];
    if (!kr_str_bind_args(r, "expandtabs", names, argc, args, kw, a)) return KR_EXC;
    int64_t tab = 8;
    if (a[0] != KR_NULL && !kr_index(r, a[0], &tab)) return KR_EXC;
    KrStr *s = kr_as_str(self);
    if (!memchr(s->data, '\t', s->nbytes)) return str_sub(r, self, 0, s->nbytes, s->len);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    size_t col = 0, ncp = 0, i = 0;
    bool ok = true;
    while (ok && i < s->nbytes) {
        size_t start = i;
        uint32_t c = kr_utf8_decode(s->data, s->nbytes, &i);
        if (c == '\t') {
            if (tab > 0) {
                size_t k = (size_t)tab - col % (size_t)tab;
                ok = kr_buf_append_repeat(&b, ' ', k) && kr_run_tick_bytes(r, k);
                col += k;
                ncp += k;
            }
        } else {
            ok = kr_buf_append(&b, s->data + start, i - start);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
            ncp++;
        }
    }
    KrValue out = ok ? kr_str_new_n(r, b.data, b.len, ncp) : str_fail(r);
    kr_buf_free(&b);
    return out;
}

// ---- join ----------------------------------------------------------------------------------------

static KrValue str_join_items(KrRun *r, KrValue sep, const KrValue *items, size_t n) {
    KrStr *s = kr_as_str(sep);
    if (n == 0) return kr_from_obj(&str_empty);
    if (n == 1 && kr_is_type(items[0], &kr_type_str)) return items[0];
    size_t total = 0, len = 0;
    for (size_t i = 0; i < n; i++) {
        if (!str_is(items[i]))
            return kr_raise(r, &kr_exc_TypeError, "sequence item %zu: expected str instance, %s found",
                            i, kr_type_name(items[i]));
        KrStr *x = kr_as_str(items[i]);
        if (!kr_size_add(total, x->nbytes, &total)) return str_nomem(r);
        len += x->len;
    }
    size_t seps;
    if (!kr_size_mul(s->nbytes, n - 1, &seps) || !kr_size_add(total, seps, &total))
        return str_nomem(r);
    len += s->len * (n - 1);
    KrStr *o = str_alloc(r, total, len);
    if (!o) return KR_EXC;
    char *d = str_wdata(o);
    for (size_t i = 0; i < n; i++) {
        if (i && s->nbytes) {
            memcpy(d, s->data, s->nbytes);
            d += s->nbytes;
        }
        KrStr *x = kr_as_str(items[i]);
        memcpy(d, x->data, x->nbytes);
        d += x->nbytes;
    }
    if (!kr_run_tick_bytes(r, total + n * 8)) return KR_EXC;
    return kr_from_obj(o);
}

KrValue kr_str_concat_n(KrRun *r, const KrValue *items, size_t n) {
    return str_join_items(r, kr_from_obj(&str_empty), items, n);
}

KrValue kr_str_join(KrRun *r, KrValue sep, KrValue iterable) {
    if (kr_is_type(iterable, &kr_type_list)) {
        KrList *l = kr_as_list(iterable);
        return str_join_items(r, sep, l->items, l->len);
    }
    if (kr_is_type(iterable, &kr_type_tuple)) {
        KrTuple *t = kr_as_tuple(iterable);
        return str_join_items(r, sep, t->items, t->len);
    }
    KrValue it = kr_iter(r, iterable);
    if (it == KR_EXC) {
        if (!kr_pending_is(r, &kr_exc_TypeError)) return KR_EXC;
        kr_clear_exc(r);
        return kr_raise(r, &kr_exc_TypeError, "can only join an iterable");
    }
    // Iterating may run Python code (a generator): keep the iterator rooted.
    kr_root_push(r, &it);
    KrValue list = kr_list_from_iter(r, it);
    kr_root_pop(r, 1);
    if (list == KR_EXC) return KR_EXC;
    KrList *l = kr_as_list(list);
    return str_join_items(r, sep, l->items, l->len);
}

static KrValue str_m_join(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!kr_str_argcheck(r, "str.join", argc, kw, 1, 1, false)) return KR_EXC;
    return kr_str_join(r, self, args[0]);
}

// ---- translate, maketrans --------------------------------------------------------------------

// Appends the translation of c by table (a mapping or sequence); returns
// false with an exception set. *ncp counts the code points written.
static bool str_translate_one(KrRun *r, KrValue table, uint32_t c, KrBuf *b, size_t *ncp) {
    KrValue key = kr_from_small(c), v;
    if (kr_is_type(table, &kr_type_dict)) {
        int found = kr_dict_get(r, kr_as_dict(table), key, &v);
        if (found < 0) return false;
        if (!found) v = KR_NULL;
    } else {
        v = kr_getitem(r, table, key);
        if (v == KR_EXC) {
            if (!kr_pending_is(r, &kr_exc_LookupError)) return false;
            kr_clear_exc(r);
            v = KR_NULL;
        }
    }
    if (v == KR_NULL) {
        (*ncp)++;
        return kr_buf_append_utf8(b, c);
    }
    if (v == KR_NONE) return true;
    if (kr_is_int(v) || kr_is_bool(v)) {
        int64_t x;
        if (!kr_int_to_i64(kr_is_bool(v) ? kr_from_small(v == KR_TRUE) : v, &x) || x < 0 ||
            x > 0x10FFFF) {
            kr_raise(r, &kr_exc_ValueError, "character mapping must be in range(0x110000)");
            return false;
        }
        (*ncp)++;
        return kr_buf_append_utf8(b, (uint32_t)x);
    }
    if (str_is(v)) {
        KrStr *s = kr_as_str(v);
        *ncp += s->len;
        return kr_buf_append(b, s->data, s->nbytes);
    }
    kr_raise(r, &kr_exc_TypeError, "character mapping must return integer, None or str");
    return false;
}

static KrValue str_m_translate(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                               KrValue kw) {
    if (!kr_str_argcheck(r, "str.translate", argc, kw, 1, 1, false)) return KR_EXC;
    KrStr *s = kr_as_str(self);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    size_t i = 0, ncp = 0;
    bool ok = true;
    while (ok && i < s->nbytes) {
        uint32_t c = kr_utf8_decode(s->data, s->nbytes, &i);
        // The table may be a Python object: look up again each time, since
        // its __getitem__ may run arbitrary code.
        ok = str_translate_one(r, args[0], c, &b, &ncp) && kr_run_tick(r, 1);
    }
    KrValue out = ok ? kr_str_new_n(r, b.data, b.len, ncp) : str_fail(r);
    kr_buf_free(&b);
    return out;
}

static KrValue str_maketrans_dict(KrRun *r, KrValue x) {
    if (!kr_is_type(x, &kr_type_dict))
        return kr_raise(r, &kr_exc_TypeError,
                        "if you give only one argument to maketrans it must be a dict");
    KrValue out = kr_dict_new(r);
    if (out == KR_EXC) return KR_EXC;
    size_t pos = 0;
    KrValue k, v;
    while (kr_dict_next(kr_as_dict(x), &pos, &k, &v)) {
        if (str_is(k)) {
            KrStr *ks = kr_as_str(k);
            if (ks->len != 1)
                return kr_raise(r, &kr_exc_ValueError,
                                "string keys in translate table must be of length 1");
            size_t i = 0;
            k = kr_from_small(kr_utf8_decode(ks->data, ks->nbytes, &i));
        } else if (!kr_is_int(k) && !kr_is_bool(k)) {
            return kr_raise(r, &kr_exc_TypeError, "keys in translate table must be strings or integers");
        }
        if (!kr_dict_set(r, kr_as_dict(out), k, v)) return KR_EXC;
    }
    return out;
}

static KrValue str_m_maketrans(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                               KrValue kw) {
    (void)self;
    if (!kr_str_argcheck(r, "str.maketrans", argc, kw, 1, 3, false)) return KR_EXC;
    if (argc == 1) return str_maketrans_dict(r, args[0]);
    for (size_t i = 1; i < argc; i++)
        if (!str_is(args[i]))
            return kr_raise(r, &kr_exc_TypeError, "maketrans() argument %zu must be str, not %s",
                            i + 1, args[i] == KR_NONE ? "None" : kr_type_name(args[i]));
    if (!str_is(args[0]))
        return kr_raise(r, &kr_exc_TypeError,
                        "first maketrans argument must be a string if there is a second argument");
    KrStr *x = kr_as_str(args[0]), *y = kr_as_str(args[1]);
    if (x->len != y->len)
        return kr_raise(r, &kr_exc_ValueError,
                        "the first two maketrans arguments must have equal length");
    KrValue out = kr_dict_new(r);
    if (out == KR_EXC) return KR_EXC;
    size_t i = 0, j = 0;
    while (i < x->nbytes) {
        KrValue k = kr_from_small(kr_utf8_decode(x->data, x->nbytes, &i));
        KrValue v = kr_from_small(kr_utf8_decode(y->data, y->nbytes, &j));
        if (!kr_dict_set(r, kr_as_dict(out), k, v)) return KR_EXC;
    }
    if (argc > 2) {
        KrStr *z = kr_as_str(args[2]);
        i = 0;
        while (i < z->nbytes) {
            KrValue k = kr_from_small(kr_utf8_decode(z->data, z->nbytes, &i));
            if (!kr_dict_set(r, kr_as_dict(out), k, KR_NONE)) return KR_EXC;
        }
    }
    return out;
}

// ---- codecs: names, error handlers, encoding -------------------------------------------------

static const char *str_bad_arg_name(KrValue v) { return v == KR_NONE ? "None" : kr_type_name(v); }

static bool str_codec_typecheck(KrRun *r, const char *fname, KrValue encoding, KrValue errors) {
    if (encoding != KR_NULL && !str_is(encoding)) {
        kr_raise(r, &kr_exc_TypeError, "%s() argument 'encoding' must be str, not %s", fname,
                 str_bad_arg_name(encoding));
        return false;
    }
    if (errors != KR_NULL && !str_is(errors)) {
        kr_raise(r, &kr_exc_TypeError, "%s() argument 'errors' must be str, not %s", fname,
                 str_bad_arg_name(errors));
        return false;
    }
    return true;
}

static bool str_name_in(const char *name, const char *const *list) {
    for (; *list; list++)
        if (strcmp(name, *list) == 0) return true;
    return false;
}

// Normalizes as Python's encodings.normalize_encoding (runs of other
// characters become one '_', lower case); false if too long or not ASCII.
static bool str_codec_normalize(const KrStr *name, char *out, size_t cap) {
    size_t k = 0;
    bool sep = false;
    for (size_t i = 0; i < name->nbytes; i++) {
        unsigned char c = (unsigned char)name->data[i];
        if (c >= 0x80) return false;
        bool keep = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.';
        if (!keep) {
            sep = true;
            continue;
        }
        if (k + 3 > cap) return false;
        if (sep && k) out[k++] = '_';
        sep = false;
        out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    out[k] = 0;
    return true;
}

static bool str_codec_lookup(KrRun *r, const KrStr *name, KrCodec *out) {
    static const char *const utf8[] = {"utf_8", "u8", "utf", "utf8", "utf8_ucs2", "utf8_ucs4",
                                       "cp65001", NULL};
    static const char *const latin1[] = {"latin_1", "8859", "cp819", "csisolatin1", "ibm819",
                                         "iso8859", "iso8859_1", "iso_8859_1", "iso_8859_1_1987",
                                         "iso_ir_100", "l1", "latin", "latin1", NULL};
    static const char *const ascii[] = {"ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968",
                                        "ansi_x3.4_1986", "cp367", "csascii", "ibm367", "iso646_us",
                                        "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii", NULL};
    // Codecs CPython has and krait does not: say so rather than "unknown".
    static const char *const other[] = {"utf_16", "utf16", "utf_32", "utf32", "utf_7", "utf7",
                                        "cp", "windows", "iso8859", "iso_8859", "latin_", "mac",
                                        "koi8", "big5", "gb", "shift_jis", "euc", "idna",
                                        "punycode", "unicode_escape", "raw_unicode_escape",
                                        "charmap", "utf_8_sig", "hex", "base64", "rot", "zlib",
                                        "bz2", "uu", "quopri", "ucs", NULL};
    char norm[48];
    if (str_codec_normalize(name, norm, sizeof norm)) {
        if (str_name_in(norm, utf8)) return *out = KR_CODEC_UTF8, true;
        if (str_name_in(norm, latin1)) return *out = KR_CODEC_LATIN1, true;
        if (str_name_in(norm, ascii)) return *out = KR_CODEC_ASCII, true;
        for (const char *const *p = other; *p; p++) {
            if (norm[0] && strncmp(norm, *p, strlen(*p)) == 0) {
                kr_raise(r, &kr_exc_LookupError,
                         "unknown encoding: %s (krait supports only utf-8, ascii and latin-1)",
                         name->data);
                return false;
            }
        }
    }
    kr_raise(r, &kr_exc_LookupError, "unknown encoding: %s", name->data);
    return false;
}

static KrErrHandler str_errh_lookup(const KrStr *name) {
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace",
                                        "xmlcharrefreplace", "surrogateescape", "surrogatepass",
                                        NULL};
    for (size_t i = 0; names[i]; i++)
        if (kr_str_eq_cstr(name, names[i])) return (KrErrHandler)i;
    return KR_ERRH_UNKNOWN;
}

bool kr_str_codec_args(KrRun *r, const char *fname, KrValue encoding, KrValue errors,
                       KrCodec *codec, KrErrHandler *eh, const char **ehname) {
    if (!str_codec_typecheck(r, fname, encoding, errors)) return false;
    *codec = KR_CODEC_UTF8;
    *eh = KR_ERRH_STRICT;
    *ehname = "strict";
    if (encoding != KR_NULL && !str_codec_lookup(r, kr_as_str(encoding), codec)) return false;
    if (errors != KR_NULL) {
        *eh = str_errh_lookup(kr_as_str(errors));
        *ehname = kr_as_str(errors)->data;
    }
    return true;
}

const char *kr_str_codec_name(KrCodec c) {
    return c == KR_CODEC_UTF8 ? "utf-8" : c == KR_CODEC_ASCII ? "ascii" : "latin-1";
}

// Python's escape of one code point in codec messages: \xNN, \uNNNN, \UNNNNNNNN.
static void str_cp_escape(uint32_t c, char out[16]) {
    if (c < 0x100) snprintf(out, 16, "\\x%02x", (unsigned)c);
    else if (c < 0x10000) snprintf(out, 16, "\\u%04x", (unsigned)c);
    else snprintf(out, 16, "\\U%08x", (unsigned)c);
}

static bool str_encodable(KrCodec codec, uint32_t c) {
    if (codec == KR_CODEC_UTF8) return c < 0xD800 || c > 0xDFFF;
    return c < (codec == KR_CODEC_ASCII ? 0x80u : 0x100u);
}

static KrValue str_encode_error(KrRun *r, KrCodec codec, const KrStr *s, size_t start, size_t end) {
    const char *reason = codec == KR_CODEC_UTF8    ? "surrogates not allowed"
                         : codec == KR_CODEC_ASCII ? "ordinal not in range(128)"
                                                   : "ordinal not in range(256)";
    return kr_raise_unicode_encode(r, kr_str_codec_name(codec), kr_from_obj(s), start, end, reason);
}

// Applies the error handler to one unencodable code point c of s (part of a
// run of them, [start, end) in code points, for the strict error).
static bool str_encode_handle(KrRun *r, KrBuf *b, KrCodec codec, KrErrHandler eh,
                              const char *ehname, uint32_t c, size_t at, size_t start, size_t end,
                              const KrStr *s) {
    char tmp[24];
    switch (eh) {
    case KR_ERRH_IGNORE: return true;
    case KR_ERRH_REPLACE: return kr_buf_append_char(b, '?');
    case KR_ERRH_BACKSLASH: str_cp_escape(c, tmp); return kr_buf_append_str(b, tmp);
    case KR_ERRH_XMLCHARREF:
        snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)c);
        return kr_buf_append_str(b, tmp);
    case KR_ERRH_SURROGATEESCAPE:
        if (c >= 0xDC80 && c <= 0xDCFF) return kr_buf_append_char(b, (char)(c - 0xDC00));
        // CPython reports from the first unmappable character on.
        str_encode_error(r, codec, s, at, end);
        return false;
    case KR_ERRH_SURROGATEPASS:
        if (codec == KR_CODEC_UTF8) return kr_buf_append_utf8(b, c);
        break;
    case KR_ERRH_UNKNOWN:
        kr_raise(r, &kr_exc_LookupError, "unknown error handler name '%s'", ehname);
        return false;
    default: break;
    }
    str_encode_error(r, codec, s, start, end);
    return false;
}

// The number of code points in the run of unencodable ones at byte i.
static size_t str_encode_group(const KrStr *s, KrCodec codec, size_t i) {
    size_t n = 0;
    while (i < s->nbytes) {
        size_t k = i;
        if (str_encodable(codec, kr_utf8_decode(s->data, s->nbytes, &k))) break;
        n++;
        i = k;
    }
    return n;
}

// Writing to sys.stdout/stderr (UTF-8, strict, as CPython's): a lone
// surrogate is a UnicodeEncodeError (krait keeps them as 3-byte forms
// starting 0xED 0xA0..0xBF).
bool kr_str_check_utf8_out(KrRun *r, const KrStr *s) {
    const char *p = memchr(s->data, 0xED, s->nbytes);
    for (; p && (size_t)(p - s->data) + 1 < s->nbytes; p = memchr(p + 1, 0xED, s->nbytes - (size_t)(p + 1 - s->data))) {
        if ((unsigned char)p[1] < 0xA0) continue;
        size_t at = (size_t)(p - s->data), pos = kr_utf8_count(s->data, at);
        str_encode_error(r, KR_CODEC_UTF8, s, pos, pos + str_encode_group(s, KR_CODEC_UTF8, at));
        return false;
    }
    return true;
}

static bool str_encode_loop(KrRun *r, KrBuf *b, const KrStr *s, KrCodec codec, KrErrHandler eh,
                            const char *ehname) {
    size_t i = 0, pos = 0;
    while (i < s->nbytes) {
        size_t start = i;
        uint32_t c = kr_utf8_decode(s->data, s->nbytes, &i);
        if (str_encodable(codec, c)) {
            bool ok = codec == KR_CODEC_UTF8 ? kr_buf_append(b, s->data + start, i - start)
                                             : kr_buf_append_char(b, (char)c);
            if (!ok) return false;
            pos++;
            continue;
        }
        size_t n = str_encode_group(s, codec, start);
        i = start;
        for (size_t k = 0; k < n; k++) {
            uint32_t x = kr_utf8_decode(s->data, s->nbytes, &i);
            if (!str_encode_handle(r, b, codec, eh, ehname, x, pos + k, pos, pos + n, s))
                return false;
        }
        pos += n;
        if (!kr_run_tick(r, (int32_t)n)) return false;
    }
    return true;
}

// UTF-8 text with no surrogate encodes to itself.
static bool str_has_surrogate(const KrStr *s) {
    const unsigned char *p = (const unsigned char *)s->data;
    for (size_t i = 0; i + 1 < s->nbytes; i++)
        if (p[i] == 0xED && p[i + 1] >= 0xA0) return true;
    return false;
}

KrValue kr_str_encode(KrRun *r, KrValue sv, KrCodec codec, KrErrHandler eh, const char *ehname) {
    KrStr *s = kr_as_str(sv);
    if (s->len == s->nbytes || (codec == KR_CODEC_UTF8 && !str_has_surrogate(s)))
        return kr_bytes_new(r, s->data, s->nbytes);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_reserve(&b, s->nbytes) && str_encode_loop(r, &b, s, codec, eh, ehname);
    KrValue out = ok ? kr_bytes_new(r, b.data, b.len) : str_fail(r);
    kr_buf_free(&b);
    return out;
}

static KrValue str_m_encode(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    static const char *const names[] = {"encoding", "errors", NULL};
    KrValue a[2];
    KrCodec codec;
    KrErrHandler eh;
    const char *ehname;
    if (!kr_str_bind_args(r, "encode", names, argc, args, kw, a)) return KR_EXC;
    if (!kr_str_codec_args(r, "encode", a[0], a[1], &codec, &eh, &ehname)) return KR_EXC;
    return kr_str_encode(r, self, codec, eh, ehname);
}

// ---- dunder methods ------------------------------------------------------------------------
// The slots as Python-visible methods ("abc".__len__(), str.__eq__), with
// CPython's slot-wrapper argument messages.


#define STR_WRAPPER(fname, n, body)                                                         \
    static KrValue str_d_##fname(KrRun *r, KrValue self, size_t argc, const KrValue *args, \
                                 KrValue kw) {                                              \
        (void)args;                                                                         \
        if (!kr_wrapper_args(r, "__" #fname "__", argc, kw, n, n)) return KR_EXC;          \
        body                                                                                \
    }

STR_WRAPPER(len, 0, return kr_from_small((int64_t)kr_as_str(self)->len);)
STR_WRAPPER(hash, 0, return kr_int_from_i64(r, kr_str_hash(kr_as_str(self)));)
STR_WRAPPER(iter, 0, return str_iter(r, self);)
STR_WRAPPER(repr, 0, return str_repr(r, self);)
STR_WRAPPER(str, 0, return str_str(r, self);)
STR_WRAPPER(getitem, 1, return str_getitem(r, self, args[0]);)
STR_WRAPPER(mod, 1, return kr_str_percent(r, self, args[0]);)
STR_WRAPPER(rmod, 1, return str_is(args[0]) ? kr_str_percent(r, args[0], self) : KR_NOTIMPL;)
STR_WRAPPER(contains, 1, int c = str_contains(r, self, args[0]); return c < 0 ? KR_EXC : kr_bool(c);)
STR_WRAPPER(add, 1,
            if (str_is(args[0])) return kr_str_concat(r, self, args[0]);
            return kr_raise(r, &kr_exc_TypeError, "can only concatenate str (not \"%s\") to str",
                            kr_type_name(args[0]));)
STR_WRAPPER(mul, 1, int64_t n; if (!kr_is_int(args[0])) { if (!kr_index(r, args[0], &n)) return KR_EXC; }
            else if (!kr_seq_repeat_count(r, args[0], &n)) return KR_EXC;
            return str_repeat(r, self, n);)
STR_WRAPPER(eq, 1, return str_compare(r, self, args[0], KR_CMP_EQ);)
STR_WRAPPER(ne, 1, return str_compare(r, self, args[0], KR_CMP_NE);)
STR_WRAPPER(lt, 1, return str_compare(r, self, args[0], KR_CMP_LT);)
STR_WRAPPER(le, 1, return str_compare(r, self, args[0], KR_CMP_LE);)
STR_WRAPPER(gt, 1, return str_compare(r, self, args[0], KR_CMP_GT);)
STR_WRAPPER(ge, 1, return str_compare(r, self, args[0], KR_CMP_GE);)

// ---- the type ------------------------------------------------------------------------------------

static const KrMethodDef str_methods[] = {
    {"capitalize", str_m_capitalize, 0},
    {"casefold", str_m_casefold, 0},
    {"center", str_m_center, 0},
    {"count", str_m_count, 0},
    {"encode", str_m_encode, 0},
    {"endswith", str_m_endswith, 0},
    {"expandtabs", str_m_expandtabs, 0},
    {"find", str_m_find, 0},
    {"format", kr_str_format, 0},
    {"format_map", kr_str_format_map, 0},
    {"index", str_m_index, 0},
    {"isalnum", str_m_isalnum, 0},
    {"isalpha", str_m_isalpha, 0},
    {"isascii", str_m_isascii, 0},
    {"isdecimal", str_m_isdecimal, 0},
    {"isdigit", str_m_isdigit, 0},
    {"isidentifier", str_m_isidentifier, 0},
    {"islower", str_m_islower, 0},
    {"isnumeric", str_m_isnumeric, 0},
    {"isprintable", str_m_isprintable, 0},
    {"isspace", str_m_isspace, 0},
    {"istitle", str_m_istitle, 0},
    {"isupper", str_m_isupper, 0},
    {"join", str_m_join, 0},
    {"ljust", str_m_ljust, 0},
    {"lower", str_m_lower, 0},
    {"lstrip", str_m_lstrip, 0},
    {"maketrans", str_m_maketrans, KR_METH_STATIC},
    {"partition", str_m_partition, 0},
    {"removeprefix", str_m_removeprefix, 0},
    {"removesuffix", str_m_removesuffix, 0},
    {"replace", str_m_replace, 0},
    {"rfind", str_m_rfind, 0},
    {"rindex", str_m_rindex, 0},
    {"rjust", str_m_rjust, 0},
    {"rpartition", str_m_rpartition, 0},
    {"rsplit", str_m_rsplit, 0},
    {"rstrip", str_m_rstrip, 0},
    {"split", str_m_split, 0},
    {"splitlines", str_m_splitlines, 0},
    {"startswith", str_m_startswith, 0},
    {"strip", str_m_strip, 0},
    {"swapcase", str_m_swapcase, 0},
    {"title", str_m_title, 0},
    {"translate", str_m_translate, 0},
    {"upper", str_m_upper, 0},
    {"zfill", str_m_zfill, 0},
    {"__format__", kr_str_dunder_format, 0},
    {"__len__", str_d_len, 0},
    {"__hash__", str_d_hash, 0},
    {"__iter__", str_d_iter, 0},
    {"__repr__", str_d_repr, 0},
    {"__str__", str_d_str, 0},
    {"__getitem__", str_d_getitem, 0},
    {"__contains__", str_d_contains, 0},
    {"__add__", str_d_add, 0},
    {"__mul__", str_d_mul, 0},
    {"__rmul__", str_d_mul, 0},
    {"__mod__", str_d_mod, 0},
    {"__rmod__", str_d_rmod, 0},
    {"__eq__", str_d_eq, 0},
    {"__ne__", str_d_ne, 0},
    {"__lt__", str_d_lt, 0},
    {"__le__", str_d_le, 0},
    {"__gt__", str_d_gt, 0},
    {"__ge__", str_d_ge, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_str = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "str",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrStr),
    .objsize = str_objsize,
    .construct = str_construct,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash_slot,
    .compare = str_compare,
    .binary = str_binary,
    .len = str_len,
    .getitem = str_getitem,
    .contains = str_contains,
    .iter = str_iter,
    .methods = str_methods,
    .dict = KR_NULL,
    .snap = &str_snap,
};

static KrValue str_iter_m_next(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                               KrValue kw) {
    (void)args;
    if (!kr_wrapper_args(r, "__next__", argc, kw, 0, 0)) return KR_EXC;
    KrValue v = str_iter_next(r, self);
    return v == KR_STOP ? kr_raise_value(r, kr_from_obj(&kr_exc_StopIteration)) : v;
}

static KrValue str_iter_m_iter(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                               KrValue kw) {
    (void)args;
    return kr_wrapper_args(r, "__iter__", argc, kw, 0, 0) ? self : KR_EXC;
}

static const KrMethodDef str_iter_methods[] = {
    {"__next__", str_iter_m_next, 0},
    {"__iter__", str_iter_m_iter, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_str_iterator = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "str_iterator",
    .base = &kr_type_object,
    .basic_size = sizeof(KrSeqIter),
    .trace = str_iter_trace,
    .iter = str_iter_self,
    .next = str_iter_next,
    .methods = str_iter_methods,
    .dict = KR_NULL,
    .snap = &str_iter_snap,
};

const KrType kr_type_str_ascii_iterator = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "str_ascii_iterator",
    .base = &kr_type_object,
    .basic_size = sizeof(KrSeqIter),
    .trace = str_iter_trace,
    .iter = str_iter_self,
    .next = str_iter_next,
    .methods = str_iter_methods,
    .dict = KR_NULL,
    .snap = &str_iter_snap,
};

// ---- run snapshots ----------------------------------------------------------------------------
// A str is its UTF-8 bytes (lone surrogates allowed, as krait keeps them);
// '' and one-character strs come back as the shared built-in ones.

static bool str_snap_write(KrRsWriter *w, const KrObj *o) {
    const KrStr *s = (const KrStr *)o;
    kr_snap_put_bytes(kr_rs_out(w), s->data, s->nbytes);
    return true;
}

static KrObj *str_snap_read(KrRsReader *rd, const KrType *t) {
    size_t n;
    const uint8_t *d = kr_rs_get_bytes(rd, &n);
    if (!d) return NULL;
    size_t len, size;
    if (!kr_snap_utf8_len(d, n, true, &len)) return kr_rs_fail(rd, "str is not UTF-8"), NULL;
    if (t == &kr_type_str) return kr_rs_made(rd, kr_str_new_n(kr_rs_run(rd), (const char *)d, n, len));
    if (!kr_size_add(sizeof(KrStr) + 1, n, &size)) return kr_rs_fail(rd, "str too long"), NULL;
    KrStr *o = kr_rs_alloc(rd, t, size); // an instance of a str subclass (class.c's layout)
    if (!o) return NULL;
    char *data = (char *)(o + 1);
    memcpy(data, d, n);
    data[n] = 0;
    o->data = data;
    o->len = len;
    o->nbytes = n;
    o->hash = -1;
    return &o->ob;
}

static const KrSnapOps str_snap = {NULL, str_snap_write, str_snap_read, NULL};

// A str iterator: its str and the byte offset of the next character.
static const KrRsField str_iter_fields[] = {
    KR_RS_FIELD(KrSeqIter, seq, KR_RSF_VALUE, KR_RS_STR | KR_RS_NULL, NULL),
    KR_RS_SCALAR(KrSeqIter, index, KR_RSF_SIZE),
    KR_RS_END,
};

static bool str_iter_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    KrSeqIter *it = (KrSeqIter *)o;
    if (stage == 0 || it->seq == KR_NULL) return true;
    const KrStr *s = kr_as_str(it->seq);
    bool ascii = o->type == &kr_type_str_ascii_iterator;
    // on a character boundary (the ascii iterator's str is ASCII)
    return it->index <= s->nbytes && (!ascii || s->len == s->nbytes) &&
           (it->index == s->nbytes || ((unsigned char)s->data[it->index] & 0xC0) != 0x80);
}

static const KrSnapOps str_iter_snap = {str_iter_fields, NULL, NULL, str_iter_snap_finish};
