// sha256.c: SHA-256 and HMAC-SHA-256 from FIPS 180-4 and RFC 2104. The
// constants are the first 32 bits of the fractional parts of the cube
// roots (K) and square roots (H0) of the first primes (FIPS 180-4 4.2.2,
// 5.3.3). Big-endian word order is the standard's; it is read and written
// byte by byte, so the host byte order never matters.
#include "sha256.h"

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static const uint32_t sha_h0[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

static inline uint32_t sha_rotr(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

static inline uint32_t sha_load_be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static inline void sha_store_be32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

// The message schedule (6.2.2 step 1) and the 64 rounds (steps 2-4).
static void sha_compress(uint32_t h[8], const uint8_t *block) {
    uint32_t w[64];
    for (int t = 0; t < 16; t++) w[t] = sha_load_be32(block + 4 * t);
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = sha_rotr(w[t - 15], 7) ^ sha_rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = sha_rotr(w[t - 2], 17) ^ sha_rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 64; t++) {
        uint32_t t1 = hh + (sha_rotr(e, 6) ^ sha_rotr(e, 11) ^ sha_rotr(e, 25)) + ((e & f) ^ (~e & g)) + sha_k[t] + w[t];
        uint32_t t2 = (sha_rotr(a, 2) ^ sha_rotr(a, 13) ^ sha_rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

void kr_sha256_init(KrSha256 *s) {
    memcpy(s->h, sha_h0, sizeof s->h);
    s->nbytes = 0;
    s->nblock = 0;
}

void kr_sha256_update(KrSha256 *s, const void *data, size_t n) {
    const uint8_t *p = data;
    s->nbytes += n;
    if (s->nblock) {
        size_t take = KR_SHA256_BLOCK - s->nblock;
        if (take > n) take = n;
        memcpy(s->block + s->nblock, p, take);
        s->nblock += take;
        p += take;
        n -= take;
        if (s->nblock < KR_SHA256_BLOCK) return;
        sha_compress(s->h, s->block);
        s->nblock = 0;
    }
    for (; n >= KR_SHA256_BLOCK; p += KR_SHA256_BLOCK, n -= KR_SHA256_BLOCK) sha_compress(s->h, p);
    if (n) memcpy(s->block, p, n);
    s->nblock = n;
}

// Padding (5.1.1): a 1 bit, zeros, then the message length in bits as a
// 64-bit big-endian number ending the last block.
void kr_sha256_final(KrSha256 *s, uint8_t out[KR_SHA256_SIZE]) {
    uint64_t bits = s->nbytes * 8;
    s->block[s->nblock++] = 0x80;
    if (s->nblock > KR_SHA256_BLOCK - 8) {
        memset(s->block + s->nblock, 0, KR_SHA256_BLOCK - s->nblock);
        sha_compress(s->h, s->block);
        s->nblock = 0;
    }
    memset(s->block + s->nblock, 0, KR_SHA256_BLOCK - 8 - s->nblock);
    sha_store_be32(s->block + 56, (uint32_t)(bits >> 32));
    sha_store_be32(s->block + 60, (uint32_t)bits);
    sha_compress(s->h, s->block);
    for (int i = 0; i < 8; i++) sha_store_be32(out + 4 * i, s->h[i]);
    memset(s, 0, sizeof *s);
}

void kr_sha256(const void *data, size_t n, uint8_t out[KR_SHA256_SIZE]) {
    KrSha256 s;
    kr_sha256_init(&s);
    kr_sha256_update(&s, data, n);
    kr_sha256_final(&s, out);
}

// RFC 2104: a key longer than the block is hashed first; the (padded) key
// XORed with ipad keys the inner hash, with opad the outer one.
void kr_hmac_sha256_init(KrHmacSha256 *h, const uint8_t *key, size_t keylen) {
    uint8_t k[KR_SHA256_BLOCK] = {0};
    if (keylen > KR_SHA256_BLOCK) kr_sha256(key, keylen, k);
    else if (keylen) memcpy(k, key, keylen);
    uint8_t pad[KR_SHA256_BLOCK];
    for (int i = 0; i < KR_SHA256_BLOCK; i++) pad[i] = k[i] ^ 0x36;
    kr_sha256_init(&h->inner);
    kr_sha256_update(&h->inner, pad, sizeof pad);
    for (int i = 0; i < KR_SHA256_BLOCK; i++) pad[i] = k[i] ^ 0x5c;
    kr_sha256_init(&h->outer);
    kr_sha256_update(&h->outer, pad, sizeof pad);
    memset(k, 0, sizeof k);
    memset(pad, 0, sizeof pad);
}

void kr_hmac_sha256_update(KrHmacSha256 *h, const void *data, size_t n) { kr_sha256_update(&h->inner, data, n); }

void kr_hmac_sha256_final(KrHmacSha256 *h, uint8_t out[KR_SHA256_SIZE]) {
    uint8_t inner[KR_SHA256_SIZE];
    kr_sha256_final(&h->inner, inner);
    kr_sha256_update(&h->outer, inner, sizeof inner);
    kr_sha256_final(&h->outer, out);
    memset(inner, 0, sizeof inner);
}

void kr_hmac_sha256(const uint8_t *key, size_t keylen, const void *data, size_t n, uint8_t out[KR_SHA256_SIZE]) {
    KrHmacSha256 h;
    kr_hmac_sha256_init(&h, key, keylen);
    kr_hmac_sha256_update(&h, data, n);
    kr_hmac_sha256_final(&h, out);
}

bool kr_sha256_ct_equal(const uint8_t *a, const uint8_t *b, size_t n) {
    volatile uint8_t diff = 0;
    for (size_t i = 0; i < n; i++) diff |= (uint8_t)(a[i] ^ b[i]);
    return diff == 0;
}
