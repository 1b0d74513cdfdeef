// snap.h: the snapshot byte format shared by every serialized form
// (compiled programs, paused runs): a writer that appends to a
// KrBuf, a bounds-checked reader, and the checksummed, optionally signed
// container around a payload. Everything is little-endian whatever the
// host; doubles travel as their IEEE-754 bits.
//
// Container (docs/architecture.md, "Snapshots"):
//   0   magic[8]       "KRAITPRG" (program) or "KRAITRUN" (run)
//   8   u32 version    format version of the payload
//   12  u32 flags      bit 0: an HMAC-SHA-256 tag follows the checksum
//   16  u64 length     payload bytes
//   24  payload
//   24+n u32 crc       CRC-32 (zlib's) of bytes [0, 24+n)
//   28+n tag[32]       HMAC-SHA-256(key, bytes [0, 28+n)), when flagged
// The blob is exactly that long: trailing bytes are an error.
//
// Reader discipline: every read checks the bytes left and sets a sticky
// error instead of reading past the end; every count is checked against
// the bytes left (each element needs at least one byte) before anything
// is allocated for it, so a hostile count cannot ask for a huge block.
#ifndef KR_SNAP_H
#define KR_SNAP_H

#include "common.h"

#define KR_SNAP_MAGIC_LEN 8
#define KR_SNAP_MAGIC_PROGRAM "KRAITPRG"
#define KR_SNAP_MAGIC_RUN "KRAITRUN" // paused runs (runsnap.h)
#define KR_SNAP_HEADER_SIZE 24
#define KR_SNAP_CRC_SIZE 4
#define KR_SNAP_TAG_SIZE 32
#define KR_SNAP_FLAG_SIGNED 1u

typedef enum {
    KR_SNAP_OK = 0,
    KR_SNAP_ERR_FORMAT, // truncated, corrupted, hostile, unsigned or wrongly signed
    KR_SNAP_ERR_NOMEM,  // the allocator failed while loading
} KrSnapStatus;

// ---- writer ------------------------------------------------------------------
// Appends to buf; a failed allocation makes `ok` false and later writes
// do nothing, so callers check once at the end.
typedef struct KrSnapWriter {
    KrBuf *buf;
    size_t start; // where the container began (for kr_snap_finish)
    bool ok;
} KrSnapWriter;

void kr_snap_writer_init(KrSnapWriter *w, KrBuf *buf);
void kr_snap_put_raw(KrSnapWriter *w, const void *data, size_t n);
void kr_snap_put_byte_slow(KrSnapWriter *w, uint8_t v);
// One byte: inline while the buffer has room (and for the NUL KrBuf keeps).
static inline void kr_snap_put_u8(KrSnapWriter *w, uint8_t v) {
    KrBuf *b = w->buf;
    if (w->ok && b->cap - b->len > 1) {
        b->data[b->len++] = (char)v;
        b->data[b->len] = 0;
        return;
    }
    kr_snap_put_byte_slow(w, v);
}
void kr_snap_put_u32(KrSnapWriter *w, uint32_t v);
void kr_snap_put_u64(KrSnapWriter *w, uint64_t v);
void kr_snap_put_f64(KrSnapWriter *w, double v);
// LEB128: 7 bits a byte, low group first; signed values zigzag-mapped.
void kr_snap_put_uvar_slow(KrSnapWriter *w, uint64_t v);
static inline void kr_snap_put_uvar(KrSnapWriter *w, uint64_t v) {
    if (v < 0x80) kr_snap_put_u8(w, (uint8_t)v); // most counts and indices
    else kr_snap_put_uvar_slow(w, v);
}
void kr_snap_put_svar(KrSnapWriter *w, int64_t v);
// A uvar length, then the bytes.
void kr_snap_put_bytes(KrSnapWriter *w, const void *data, size_t n);

// Starts a container at the end of w->buf; kr_snap_finish fills in the
// length, appends the checksum and, when key is not NULL, the HMAC tag.
void kr_snap_begin(KrSnapWriter *w, const char magic[KR_SNAP_MAGIC_LEN], uint32_t version);
KR_MUST_CHECK bool kr_snap_finish(KrSnapWriter *w, const uint8_t *key, size_t keylen);

// ---- reader ------------------------------------------------------------------
typedef struct KrSnapReader {
    const uint8_t *p, *end;
    const char *err; // first error (static text), NULL while all is well
} KrSnapReader;

void kr_snap_reader_init(KrSnapReader *r, const uint8_t *data, size_t len);
// Records the first error; later reads return zeros.
void kr_snap_fail(KrSnapReader *r, const char *msg);
static inline bool kr_snap_ok(const KrSnapReader *r) { return r->err == NULL; }
static inline size_t kr_snap_left(const KrSnapReader *r) { return (size_t)(r->end - r->p); }
uint8_t kr_snap_get_u8_slow(KrSnapReader *r);
// The readers below that are inline: a fast path for the common case
// (a byte left, a one-byte varint), the general one out of line. A byte
// left means no error yet: kr_snap_fail moves p to the end.
static inline uint8_t kr_snap_get_u8(KrSnapReader *r) {
    if (r->p < r->end) return *r->p++;
    return kr_snap_get_u8_slow(r);
}
uint32_t kr_snap_get_u32(KrSnapReader *r);
uint64_t kr_snap_get_u64(KrSnapReader *r);
// The raw IEEE value: NaN payloads included, so a value word must be made
// with kr_from_double (which canonicalises NaNs that look like tags).
double kr_snap_get_f64(KrSnapReader *r);
uint64_t kr_snap_get_uvar_slow(KrSnapReader *r);
// One byte is the common case (most counts and indices): inline.
static inline uint64_t kr_snap_get_uvar(KrSnapReader *r) {
    if (r->p < r->end && r->p[0] < 0x80) return *r->p++;
    return kr_snap_get_uvar_slow(r);
}
static inline int64_t kr_snap_get_svar(KrSnapReader *r) {
    uint64_t u = kr_snap_get_uvar(r);
    return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}
// A uvar that must be <= max (an index or a small field).
static inline uint32_t kr_snap_get_index(KrSnapReader *r, uint64_t max, const char *what) {
    uint64_t v = kr_snap_get_uvar(r);
    if (v <= max) return (uint32_t)v;
    kr_snap_fail(r, what);
    return 0;
}
// n raw bytes (a pointer into the input), NULL on error.
const uint8_t *kr_snap_get_raw(KrSnapReader *r, size_t n);
const uint8_t *kr_snap_bytes_fail(KrSnapReader *r); // (their failures)
size_t kr_snap_count_fail(KrSnapReader *r);
// A uvar-length-prefixed byte string; *n gets its length.
static inline const uint8_t *kr_snap_get_bytes(KrSnapReader *r, size_t *n) {
    uint64_t len = kr_snap_get_uvar(r);
    *n = 0;
    if (r->err) return NULL;
    if (len > kr_snap_left(r)) return kr_snap_bytes_fail(r);
    const uint8_t *p = r->p;
    r->p += len;
    *n = (size_t)len;
    return p;
}
// An element count: each element takes at least min_size bytes, so a count
// the remaining input cannot hold is refused before any allocation; and
// at most max.
static inline size_t kr_snap_get_count(KrSnapReader *r, size_t min_size, size_t max) {
    uint64_t n = kr_snap_get_uvar(r);
    if (r->err) return 0;
    if (n > max || (min_size && n > kr_snap_left(r) / min_size)) return kr_snap_count_fail(r);
    return (size_t)n;
}

// Checks magic, version, flags, lengths, the checksum and (with a key) the
// signature; on success *payload reads exactly the payload. Without a key
// a signed blob is accepted once its checksum matches (the host chose not
// to authenticate). On failure returns false with a message in err.
KR_MUST_CHECK bool kr_snap_open(const uint8_t *data, size_t len, const char magic[KR_SNAP_MAGIC_LEN],
                                uint32_t version, const uint8_t *key, size_t keylen, KrSnapReader *payload,
                                char *err, size_t errcap);

// CRC-32 as zlib computes it: crc = kr_snap_crc32(0, data, n), and
// kr_snap_crc32(crc, more, m) continues it.
uint32_t kr_snap_crc32(uint32_t crc, const void *data, size_t n);

// UTF-8 as krait stores str: strict (no overlongs, nothing above
// U+10FFFF), except that surrogates (ED A0..BF xx) are allowed when
// `surrogates` is set, since krait keeps lone surrogates that way. *len
// gets the code point count (one pass for both).
bool kr_snap_utf8_len(const uint8_t *s, size_t n, bool surrogates, size_t *len);

// Reads and writes u32 little-endian at p (no bounds: callers check).
static inline uint32_t kr_snap_load_le32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline void kr_snap_store_le32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

#endif
