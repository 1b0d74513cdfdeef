// common.c: the byte buffer, UTF-8 helpers and bump allocator declared in common.h.
#include "common.h"
#include <stdalign.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

// A checking allocator for test builds: every block remembers its size, and
// a free or realloc that names another size aborts. The heap's accounting
// relies on callers passing exact sizes.
void *kr_checking_realloc(void *ud, void *p, size_t old_size, size_t new_size) {
    (void)ud;
    char *h = NULL;
    if (p) {
        size_t stored;
        h = (char *)p - 16;
        memcpy(&stored, h, sizeof stored);
        if (stored != old_size) {
            fprintf(stderr, "krait: allocator size mismatch: block of %zu bytes freed as %zu\n", stored, old_size);
            abort();
        }
    }
    if (new_size == 0) {
        free(h);
        return NULL;
    }
    if (new_size > SIZE_MAX - 16) return NULL;
    char *n = realloc(h, new_size + 16);
    if (!n) return NULL;
    memcpy(n, &new_size, sizeof new_size);
    return n + 16;
}

void *kr_default_realloc(void *ud, void *p, size_t old_size, size_t new_size) {
    (void)ud;
    (void)old_size;
    if (new_size == 0) {
        free(p);
        return NULL;
    }
    return p ? realloc(p, new_size) : malloc(new_size); // malloc: realloc's own test skipped
}

const KrAllocator kr_default_allocator = {kr_default_realloc, NULL};
const KrAllocator kr_checking_allocator = {kr_checking_realloc, NULL};

// ---- bump allocator ----------------------------------------------------------

#define KR_BUMP_ALIGN (alignof(max_align_t))

static bool bump_owns(const KrBumpAlloc *b, const void *p) {
    uintptr_t x = (uintptr_t)p, lo = (uintptr_t)b->buf;
    return x >= lo && x - lo < b->cap;
}

// n rounded up to the alignment, or SIZE_MAX when that overflows.
static size_t bump_round(size_t n) {
    return n > SIZE_MAX - KR_BUMP_ALIGN ? SIZE_MAX : (n + KR_BUMP_ALIGN - 1) & ~(size_t)(KR_BUMP_ALIGN - 1);
}

__attribute__((noinline)) static void *bump_realloc_slow(KrBumpAlloc *b, void *p, size_t old_size, size_t new_size) {
    if (p && !bump_owns(b, p)) return b->under.fn(b->under.ud, p, old_size, new_size);
    size_t off = p ? (size_t)((unsigned char *)p - b->buf) : 0;
    bool last = p && off + bump_round(old_size) == b->used;
    if (new_size == 0) {
        if (last) b->used = off;
        return NULL;
    }
    size_t need = bump_round(new_size);
    if (last && need <= b->cap - off) { // the latest block grows or shrinks in place
        b->used = off + need;
        return p;
    }
    void *q;
    if (need <= b->cap - b->used) {
        q = b->buf + b->used;
        b->used += need;
    } else {
        q = b->under.fn(b->under.ud, NULL, 0, new_size);
        if (!q) return NULL;
    }
    if (p) {
        size_t n = old_size < new_size ? old_size : new_size, end = b->cap - off;
        memcpy(q, p, n < end ? n : end); // (never past the buffer, whatever old_size says)
        if (last) b->used = off; // (q came from `under`: the buffer had no room after p)
    }
    return q;
}

// The usual calls first: a new block that fits, a block of the buffer freed.
static void *bump_realloc(void *ud, void *p, size_t old_size, size_t new_size) {
    KrBumpAlloc *b = ud;
    size_t room = b->cap - b->used;
    if (!p && new_size && new_size <= room && bump_round(new_size) <= room) {
        void *q = b->buf + b->used;
        b->used += bump_round(new_size);
        return q;
    }
    if (p && !new_size && bump_owns(b, p)) {
        size_t off = (size_t)((unsigned char *)p - b->buf);
        if (off + bump_round(old_size) == b->used) b->used = off;
        return NULL;
    }
    return bump_realloc_slow(b, p, old_size, new_size);
}

KrAllocator kr_bump_allocator(KrBumpAlloc *b, KrAllocator under, void *buf, size_t cap) {
    b->under = under;
    b->buf = buf;
    b->cap = cap;
    b->used = 0;
    return (KrAllocator){bump_realloc, b};
}

// ---- buffers -------------------------------------------------------------------

void kr_buf_init(KrBuf *b, KrAllocator alloc) {
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->alloc = alloc;
    b->local = false;
}

void kr_buf_init_local(KrBuf *b, KrAllocator alloc, char *local, size_t cap) {
    kr_buf_init(b, alloc);
    b->data = local;
    b->cap = cap;
    b->local = true;
}

void kr_buf_free(KrBuf *b) {
    if (b->data && !b->local) b->alloc.fn(b->alloc.ud, b->data, b->cap, 0);
    b->data = NULL;
    b->len = b->cap = 0;
    b->local = false;
}

bool kr_buf_reserve(KrBuf *b, size_t extra) {
    size_t need;
    // +1 keeps room for a terminating NUL that callers may add.
    if (!kr_size_add(b->len, extra, &need) || !kr_size_add(need, 1, &need)) return false;
    if (need <= b->cap) return true;
    size_t cap = b->cap ? b->cap : 32;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) { cap = need; break; }
        cap *= 2;
    }
    char *p = b->alloc.fn(b->alloc.ud, b->local ? NULL : b->data, b->local ? 0 : b->cap, cap);
    if (!p) return false;
    if (b->local && b->len) memcpy(p, b->data, b->len); // out of the caller's storage
    b->data = p;
    b->cap = cap;
    b->local = false;
    return true;
}

bool kr_buf_append(KrBuf *b, const char *s, size_t n) {
    if (!kr_buf_reserve(b, n)) return false;
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
    return true;
}

bool kr_buf_append_str(KrBuf *b, const char *s) { return kr_buf_append(b, s, strlen(s)); }

bool kr_buf_append_char(KrBuf *b, char c) { return kr_buf_append(b, &c, 1); }

bool kr_buf_append_repeat(KrBuf *b, char c, size_t n) {
    if (!kr_buf_reserve(b, n)) return false;
    memset(b->data + b->len, c, n);
    b->len += n;
    b->data[b->len] = 0;
    return true;
}

bool kr_buf_append_utf8(KrBuf *b, uint32_t cp) {
    char tmp[4];
    return kr_buf_append(b, tmp, kr_utf8_encode(cp, tmp));
}

bool kr_buf_printf(KrBuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !kr_buf_reserve(b, (size_t)n)) {
        va_end(ap2);
        return false;
    }
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    b->len += (size_t)n;
    return true;
}

uint32_t kr_utf8_decode(const char *s, size_t n, size_t *i) {
    const unsigned char *u = (const unsigned char *)s;
    size_t k = *i;
    uint32_t c = u[k];
    if (c < 0x80 || k + 1 >= n + (c < 0x80)) {
        *i = k + 1;
        return c;
    }
    if (c < 0xE0 && k + 1 < n) {
        *i = k + 2;
        return ((c & 0x1F) << 6) | (u[k + 1] & 0x3F);
    }
    if (c < 0xF0 && k + 2 < n) {
        *i = k + 3;
        return ((c & 0x0F) << 12) | ((uint32_t)(u[k + 1] & 0x3F) << 6) | (u[k + 2] & 0x3F);
    }
    if (k + 3 < n) {
        *i = k + 4;
        return ((c & 0x07) << 18) | ((uint32_t)(u[k + 1] & 0x3F) << 12) |
               ((uint32_t)(u[k + 2] & 0x3F) << 6) | (u[k + 3] & 0x3F);
    }
    *i = n; // truncated input: never read past the end
    return 0xFFFD;
}

size_t kr_utf8_encode(uint32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t kr_utf8_validate(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        if (c < 0x80) { i++; continue; }
        size_t len;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; min = 0x10000; }
        else return i;
        if (i + len > n) return i;
        for (size_t k = 1; k < len; k++) {
            if ((u[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (u[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return n;
}

// Code points: the bytes that are not continuations (10xxxxxx), counted
// eight at a time: a continuation has bit 7 set and bit 6 clear (the
// last word is padded with zero bytes, which are not continuations).
static size_t kr_utf8_conts(uint64_t w) {
    uint64_t c = (w & ~(w << 1) & 0x8080808080808080u) >> 7; // 1 per continuation byte
    return (size_t)((c * 0x0101010101010101u) >> 56);         // their sum (at most 8)
}

size_t kr_utf8_count(const char *s, size_t n) {
    size_t cont = 0, i = 0;
    uint64_t w;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        cont += kr_utf8_conts(w);
    }
    if (i < n) {
        w = 0;
        memcpy(&w, s + i, n - i);
        cont += kr_utf8_conts(w);
    }
    return n - cont;
}
