// common.h: definitions every krait source file shares: the allocator
// signature, a growable byte buffer, overflow-checked size arithmetic.
// Nothing here knows about Python objects.
#ifndef KR_COMMON_H
#define KR_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>

#if defined(__GNUC__)
#define KR_MUST_CHECK __attribute__((warn_unused_result))
#define KR_LIKELY(x) __builtin_expect(!!(x), 1)
#define KR_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define KR_UNUSED __attribute__((unused))
#define KR_ALWAYS_INLINE __attribute__((always_inline))
#define KR_NOINLINE __attribute__((noinline))
// Error and limit paths: kept out of the hot code so the common path
// stays dense in the instruction cache.
#define KR_COLD __attribute__((cold))
#else
#define KR_MUST_CHECK
#define KR_LIKELY(x) (x)
#define KR_UNLIKELY(x) (x)
#define KR_UNUSED
#define KR_ALWAYS_INLINE
#define KR_NOINLINE
#define KR_COLD
#endif

// Lua-shaped allocator: p == NULL allocates, new_size == 0 frees.
// Returns NULL on failure (or after a successful free). The run's
// allocator checks the memory budget before it calls the host's.
typedef void *(*KrReallocFn)(void *ud, void *p, size_t old_size, size_t new_size);

typedef struct KrAllocator {
    KrReallocFn fn;
    void *ud;
} KrAllocator;

// Overflow-checked size arithmetic: return false on overflow.
static inline bool kr_size_add(size_t a, size_t b, size_t *out) {
    return !__builtin_add_overflow(a, b, out);
}
static inline bool kr_size_mul(size_t a, size_t b, size_t *out) {
    return !__builtin_mul_overflow(a, b, out);
}

// A growable byte buffer that allocates through a KrAllocator.
// All appenders return false when memory could not be had; the buffer
// is then left valid (with its old contents) so the caller can free it.
typedef struct KrBuf {
    char *data;
    size_t len;
    size_t cap;
    KrAllocator alloc;
    bool local; // data is the caller's storage (kr_buf_init_local), not the allocator's
} KrBuf;

void kr_buf_init(KrBuf *b, KrAllocator alloc);
// Starts in the caller's `cap` bytes (a C array that outlives the buffer's
// use): short text is built without an allocation, longer text moves to
// the allocator when it outgrows them.
void kr_buf_init_local(KrBuf *b, KrAllocator alloc, char *local, size_t cap);
#define KR_BUF_LOCAL 128 // the usual local size: most formatted values fit
void kr_buf_free(KrBuf *b);
KR_MUST_CHECK bool kr_buf_reserve(KrBuf *b, size_t extra);
KR_MUST_CHECK bool kr_buf_append(KrBuf *b, const char *s, size_t n);
KR_MUST_CHECK bool kr_buf_append_str(KrBuf *b, const char *s);
KR_MUST_CHECK bool kr_buf_append_char(KrBuf *b, char c);
KR_MUST_CHECK bool kr_buf_append_repeat(KrBuf *b, char c, size_t n);
// Appends the UTF-8 encoding of code point cp (0 .. 0x10FFFF, surrogates
// included, encoded as CPython's internal form would print them with
// surrogatepass: 3 bytes).
KR_MUST_CHECK bool kr_buf_append_utf8(KrBuf *b, uint32_t cp);
KR_MUST_CHECK bool kr_buf_printf(KrBuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

// UTF-8 helpers shared by lexer, str and bytes code. Strings in krait are
// stored as UTF-8 (lone surrogates encoded as 3-byte sequences).
// Decodes one code point at s[*i] (s has n bytes), advancing *i.
// Input must be valid (krait only stores valid UTF-8).
uint32_t kr_utf8_decode(const char *s, size_t n, size_t *i);
// Length in bytes of the encoding of cp.
static inline size_t kr_utf8_len(uint32_t cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}
// Writes cp's encoding to out (4 bytes room) and returns its length.
size_t kr_utf8_encode(uint32_t cp, char *out);
// Validates strict UTF-8 (no surrogates, no overlongs). Returns the
// index of the first bad byte, or n if all valid.
size_t kr_utf8_validate(const char *s, size_t n);
// Number of code points in valid UTF-8.
size_t kr_utf8_count(const char *s, size_t n);

// An allocator that serves requests from the caller's buffer while it has
// room, then from `under`: a short job's small tables (a snapshot's
// writer or reader) cost no allocation. Freeing or growing the latest
// block reuses its room; other frees leave theirs until the job ends.
// One thread; the buffer must outlive every block and be
// max_align_t-aligned.
typedef struct KrBumpAlloc {
    KrAllocator under;
    unsigned char *buf;
    size_t cap, used;
} KrBumpAlloc;
KrAllocator kr_bump_allocator(KrBumpAlloc *b, KrAllocator under, void *buf, size_t cap);

// The default allocator (libc realloc/free) for code that has no run.
void *kr_default_realloc(void *ud, void *p, size_t old_size, size_t new_size);
extern const KrAllocator kr_default_allocator;
// Same, but verifying the sizes passed back on free/realloc (test builds).
void *kr_checking_realloc(void *ud, void *p, size_t old_size, size_t new_size);
extern const KrAllocator kr_checking_allocator;

#endif
