// snap.c: the snapshot byte format (snap.h): little-endian writer and
// bounds-checked reader, the checksummed and optionally HMAC-signed
// container, CRC-32 and a UTF-8 check for strings read back.
#include <stdio.h>
#include "snap.h"
#include "sha256.h"
#include "crc32_table.h"

// ---- writer ------------------------------------------------------------------

void kr_snap_writer_init(KrSnapWriter *w, KrBuf *buf) {
    w->buf = buf;
    w->start = buf->len;
    w->ok = true;
}

void kr_snap_put_raw(KrSnapWriter *w, const void *data, size_t n) {
    KrBuf *b = w->buf;
    if (!w->ok || !n) return;
    if (b->cap - b->len > n) { // the common case: room left (and for the NUL KrBuf keeps)
        memcpy(b->data + b->len, data, n);
        b->len += n;
        b->data[b->len] = 0;
        return;
    }
    w->ok = kr_buf_append(b, data, n);
}

void kr_snap_put_byte_slow(KrSnapWriter *w, uint8_t v) { kr_snap_put_raw(w, &v, 1); }

void kr_snap_put_u32(KrSnapWriter *w, uint32_t v) {
    uint8_t b[4];
    kr_snap_store_le32(b, v);
    kr_snap_put_raw(w, b, 4);
}

void kr_snap_put_u64(KrSnapWriter *w, uint64_t v) {
    uint8_t b[8];
    kr_snap_store_le32(b, (uint32_t)v);
    kr_snap_store_le32(b + 4, (uint32_t)(v >> 32));
    kr_snap_put_raw(w, b, 8);
}

void kr_snap_put_f64(KrSnapWriter *w, double v) {
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    kr_snap_put_u64(w, bits);
}

void kr_snap_put_uvar_slow(KrSnapWriter *w, uint64_t v) {
    KrBuf *buf = w->buf;
    if (w->ok && buf->cap - buf->len > 10) { // the common case: written in place
        uint8_t *p = (uint8_t *)buf->data + buf->len, *start = p;
        while (v >= 0x80) {
            *p++ = (uint8_t)(v | 0x80);
            v >>= 7;
        }
        *p++ = (uint8_t)v;
        buf->len += (size_t)(p - start);
        *p = 0; // KrBuf keeps a NUL after its bytes
        return;
    }
    uint8_t b[10];
    size_t n = 0;
    while (v >= 0x80) {
        b[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    b[n++] = (uint8_t)v;
    kr_snap_put_raw(w, b, n);
}

void kr_snap_put_svar(KrSnapWriter *w, int64_t v) {
    // zigzag: 0, -1, 1, -2 ... -> 0, 1, 2, 3 ... (small magnitudes stay short)
    kr_snap_put_uvar(w, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

void kr_snap_put_bytes(KrSnapWriter *w, const void *data, size_t n) {
    kr_snap_put_uvar(w, n);
    kr_snap_put_raw(w, data, n);
}

// ---- container ----------------------------------------------------------------

void kr_snap_begin(KrSnapWriter *w, const char magic[KR_SNAP_MAGIC_LEN], uint32_t version) {
    w->start = w->buf->len;
    uint8_t h[KR_SNAP_HEADER_SIZE] = {0}; // flags and payload length: set by kr_snap_finish
    memcpy(h, magic, KR_SNAP_MAGIC_LEN);
    kr_snap_store_le32(h + 8, version);
    kr_snap_put_raw(w, h, sizeof h); // in one piece
}

bool kr_snap_finish(KrSnapWriter *w, const uint8_t *key, size_t keylen) {
    if (!w->ok) return false;
    uint8_t *base = (uint8_t *)w->buf->data + w->start;
    uint64_t plen = (uint64_t)(w->buf->len - w->start - KR_SNAP_HEADER_SIZE);
    kr_snap_store_le32(base + 12, key ? KR_SNAP_FLAG_SIGNED : 0);
    kr_snap_store_le32(base + 16, (uint32_t)plen);
    kr_snap_store_le32(base + 20, (uint32_t)(plen >> 32));
    kr_snap_put_u32(w, kr_snap_crc32(0, base, w->buf->len - w->start));
    if (key && w->ok) {
        uint8_t tag[KR_SNAP_TAG_SIZE];
        base = (uint8_t *)w->buf->data + w->start; // the append may have moved it
        kr_hmac_sha256(key, keylen, base, w->buf->len - w->start, tag);
        kr_snap_put_raw(w, tag, sizeof tag);
    }
    return w->ok;
}

// ---- reader ------------------------------------------------------------------

void kr_snap_reader_init(KrSnapReader *r, const uint8_t *data, size_t len) {
    r->p = data;
    r->end = data + len;
    r->err = NULL;
}

void kr_snap_fail(KrSnapReader *r, const char *msg) {
    if (!r->err) r->err = msg;
    r->p = r->end; // nothing more is read after an error
}

const uint8_t *kr_snap_get_raw(KrSnapReader *r, size_t n) {
    if (r->err) return NULL;
    if (n > kr_snap_left(r)) {
        kr_snap_fail(r, "truncated data");
        return NULL;
    }
    const uint8_t *p = r->p;
    r->p += n;
    return p;
}

uint8_t kr_snap_get_u8_slow(KrSnapReader *r) {
    const uint8_t *p = kr_snap_get_raw(r, 1);
    return p ? p[0] : 0;
}

uint32_t kr_snap_get_u32(KrSnapReader *r) {
    const uint8_t *p = kr_snap_get_raw(r, 4);
    return p ? kr_snap_load_le32(p) : 0;
}

uint64_t kr_snap_get_u64(KrSnapReader *r) {
    const uint8_t *p = kr_snap_get_raw(r, 8);
    return p ? (uint64_t)kr_snap_load_le32(p) | (uint64_t)kr_snap_load_le32(p + 4) << 32 : 0;
}

double kr_snap_get_f64(KrSnapReader *r) {
    uint64_t bits = kr_snap_get_u64(r);
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

uint64_t kr_snap_get_uvar_slow(KrSnapReader *r) {
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        const uint8_t *p = kr_snap_get_raw(r, 1);
        if (!p) return 0;
        // the tenth byte may only carry the top bit of a 64-bit value
        if (shift == 63 && *p > 1) break;
        v |= (uint64_t)(*p & 0x7F) << shift;
        if (!(*p & 0x80)) return v;
    }
    kr_snap_fail(r, "varint too long");
    return 0;
}

const uint8_t *kr_snap_bytes_fail(KrSnapReader *r) {
    kr_snap_fail(r, "byte string longer than the data");
    return NULL;
}

size_t kr_snap_count_fail(KrSnapReader *r) {
    kr_snap_fail(r, "count larger than the data can hold");
    return 0;
}

// ---- opening a container -------------------------------------------------------

static bool snap_error(char *err, size_t errcap, const char *msg) {
    if (err && errcap) snprintf(err, errcap, "%s", msg);
    return false;
}

// The header's claims against the real length: flags known, payload
// length exact (no truncation, no trailing bytes).
static bool snap_check_header(const uint8_t *data, size_t len, uint32_t *flags, size_t *plen, char *err,
                              size_t errcap) {
    *flags = kr_snap_load_le32(data + 12);
    if (*flags & ~KR_SNAP_FLAG_SIGNED) return snap_error(err, errcap, "snapshot has unknown flags");
    uint64_t n = (uint64_t)kr_snap_load_le32(data + 16) | (uint64_t)kr_snap_load_le32(data + 20) << 32;
    size_t trailer = KR_SNAP_CRC_SIZE + ((*flags & KR_SNAP_FLAG_SIGNED) ? KR_SNAP_TAG_SIZE : 0);
    if (len - KR_SNAP_HEADER_SIZE < trailer || n != (uint64_t)(len - KR_SNAP_HEADER_SIZE - trailer))
        return snap_error(err, errcap, "snapshot length does not match its header (truncated or extended)");
    *plen = (size_t)n;
    return true;
}

static bool snap_check_tag(const uint8_t *data, size_t signed_len, const uint8_t *key, size_t keylen, char *err,
                           size_t errcap) {
    uint8_t tag[KR_SNAP_TAG_SIZE];
    kr_hmac_sha256(key, keylen, data, signed_len, tag);
    if (!kr_sha256_ct_equal(tag, data + signed_len, KR_SNAP_TAG_SIZE))
        return snap_error(err, errcap, "snapshot signature does not match the key (altered or signed with another key)");
    return true;
}

bool kr_snap_open(const uint8_t *data, size_t len, const char magic[KR_SNAP_MAGIC_LEN], uint32_t version,
                  const uint8_t *key, size_t keylen, KrSnapReader *payload, char *err, size_t errcap) {
    if (!data || len < KR_SNAP_HEADER_SIZE + KR_SNAP_CRC_SIZE) return snap_error(err, errcap, "snapshot too short");
    if (memcmp(data, magic, KR_SNAP_MAGIC_LEN) != 0) {
        char msg[96];
        snprintf(msg, sizeof msg, "not a krait snapshot of this kind (magic is not %.8s)", magic);
        return snap_error(err, errcap, msg);
    }
    uint32_t v = kr_snap_load_le32(data + 8);
    if (v != version) {
        char msg[96];
        snprintf(msg, sizeof msg, "unsupported snapshot format version %u (this krait reads %u)", v, version);
        return snap_error(err, errcap, msg);
    }
    uint32_t flags;
    size_t plen;
    if (!snap_check_header(data, len, &flags, &plen, err, errcap)) return false;
    size_t body = KR_SNAP_HEADER_SIZE + plen;
    if (kr_snap_crc32(0, data, body) != kr_snap_load_le32(data + body))
        return snap_error(err, errcap, "snapshot checksum mismatch (corrupted data)");
    if (key) {
        if (!(flags & KR_SNAP_FLAG_SIGNED)) return snap_error(err, errcap, "snapshot is not signed but a key was given");
        if (!snap_check_tag(data, body + KR_SNAP_CRC_SIZE, key, keylen, err, errcap)) return false;
    }
    kr_snap_reader_init(payload, data + KR_SNAP_HEADER_SIZE, plen);
    return true;
}

// ---- CRC-32 --------------------------------------------------------------------

// Slice-by-8: eight table lookups per eight input bytes (tables from
// tools/gen_crc32.py), then byte at a time for the tail.
static uint32_t crc32_table(uint32_t crc, const uint8_t *p, size_t n) {
    crc = ~crc;
    for (; n >= 8; n -= 8, p += 8) {
        uint32_t a = crc ^ kr_snap_load_le32(p), b = kr_snap_load_le32(p + 4);
        crc = kr_crc32_table[7][a & 0xFF] ^ kr_crc32_table[6][(a >> 8) & 0xFF] ^
              kr_crc32_table[5][(a >> 16) & 0xFF] ^ kr_crc32_table[4][a >> 24] ^
              kr_crc32_table[3][b & 0xFF] ^ kr_crc32_table[2][(b >> 8) & 0xFF] ^
              kr_crc32_table[1][(b >> 16) & 0xFF] ^ kr_crc32_table[0][b >> 24];
    }
    while (n--) crc = (crc >> 8) ^ kr_crc32_table[0][(crc ^ *p++) & 0xFF];
    return ~crc;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define KR_CRC_CLMUL 1

// The same CRC by folding (x86-64 with PCLMULQDQ, checked at run time).
// The bytes are a polynomial over GF(2), the first bit the highest term
// (the reflected order this CRC reads bits in). A 16-byte state S
// followed by 16 more bytes C stands for S * x^128 + C; splitting S into
// its halves L (first 8 bytes) and H, that is L * x^192 + H * x^128 + C,
// and since only the value mod P matters, x^192 and x^128 become their
// remainders: 32-bit constants, so each half times its constant (one
// carry-less multiply) fits in the 128 bits again. In this bit order a
// product comes out one place short, so the constants are x^191 and
// x^127 mod P (bit d of the remainder at bit 63 - d): the missing x.
// What is left is congruent to the whole input: its CRC by the tables,
// from a zero register (the initial value was xored into the first 4
// bytes, the same thing for this CRC), is the input's.
#define CRC_K191 0x65673b4600000000ull // x^191 mod P, bit-reversed in 64 bits
#define CRC_K127 0x9ba54c6f00000000ull // x^127 mod P

__attribute__((target("pclmul"))) static uint32_t crc32_clmul(uint32_t crc, const uint8_t *p, size_t n) {
    const __m128i k = _mm_set_epi64x((long long)CRC_K127, (long long)CRC_K191);
    __m128i s = _mm_xor_si128(_mm_loadu_si128((const __m128i *)p), _mm_cvtsi32_si128((int)~crc));
    for (p += 16, n -= 16; n >= 16; n -= 16, p += 16) {
        __m128i lo = _mm_clmulepi64_si128(s, k, 0x00), hi = _mm_clmulepi64_si128(s, k, 0x11);
        s = _mm_xor_si128(_mm_xor_si128(lo, hi), _mm_loadu_si128((const __m128i *)p));
    }
    uint8_t folded[16];
    _mm_storeu_si128((__m128i *)folded, s);
    return crc32_table(crc32_table(0xFFFFFFFFu, folded, sizeof folded), p, n);
}
#endif

uint32_t kr_snap_crc32(uint32_t crc, const void *data, size_t n) {
#ifdef KR_CRC_CLMUL
    if (n >= 64 && __builtin_cpu_supports("pclmul")) return crc32_clmul(crc, data, n);
#endif
    return crc32_table(crc, data, n);
}

// ---- UTF-8 ----------------------------------------------------------------------

// Length of the sequence starting at s[i] if well formed, else 0.
static size_t utf8_seq(const uint8_t *s, size_t n, size_t i, bool surrogates) {
    uint8_t c = s[i];
    if (c < 0x80) return 1;
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c < 0xC2 || c > 0xF4 || n - i < len) return 0;
    for (size_t k = 1; k < len; k++)
        if ((s[i + k] & 0xC0) != 0x80) return 0;
    uint8_t c1 = s[i + 1];
    if (c == 0xE0 && c1 < 0xA0) return 0;                // overlong
    if (c == 0xED && c1 >= 0xA0 && !surrogates) return 0; // U+D800..DFFF
    if (c == 0xF0 && c1 < 0x90) return 0;                // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0;               // above U+10FFFF
    return len;
}

bool kr_snap_utf8_len(const uint8_t *s, size_t n, bool surrogates, size_t *len) {
    size_t i = 0;
    // a leading ASCII run eight bytes at a time (names and most text)
    for (uint64_t w; n - i >= 8; i += 8) {
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull) break;
    }
    size_t count = i;
    for (; i < n; count++) {
        if (s[i] < 0x80) { // ASCII, the common case, without the general check
            i++;
            continue;
        }
        size_t k = utf8_seq(s, n, i, surrogates);
        if (!k) return false;
        i += k;
    }
    *len = count;
    return true;
}
