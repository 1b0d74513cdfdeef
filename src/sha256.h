// sha256.h: SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), written from
// the specifications. Used to sign snapshots and to name programs by the
// hash of their serialized form. Contexts live on the caller's stack: no
// global state.
#ifndef KR_SHA256_H
#define KR_SHA256_H

#include "common.h"

#define KR_SHA256_SIZE 32
#define KR_SHA256_BLOCK 64

typedef struct KrSha256 {
    uint32_t h[8];
    uint64_t nbytes; // message length so far
    uint8_t block[KR_SHA256_BLOCK];
    size_t nblock; // bytes waiting in block
} KrSha256;

void kr_sha256_init(KrSha256 *s);
void kr_sha256_update(KrSha256 *s, const void *data, size_t n);
void kr_sha256_final(KrSha256 *s, uint8_t out[KR_SHA256_SIZE]);
void kr_sha256(const void *data, size_t n, uint8_t out[KR_SHA256_SIZE]);

// HMAC-SHA-256: the inner and outer hashes, keyed once.
typedef struct KrHmacSha256 {
    KrSha256 inner, outer;
} KrHmacSha256;

void kr_hmac_sha256_init(KrHmacSha256 *h, const uint8_t *key, size_t keylen);
void kr_hmac_sha256_update(KrHmacSha256 *h, const void *data, size_t n);
void kr_hmac_sha256_final(KrHmacSha256 *h, uint8_t out[KR_SHA256_SIZE]);
void kr_hmac_sha256(const uint8_t *key, size_t keylen, const void *data, size_t n,
                    uint8_t out[KR_SHA256_SIZE]);

// Compares n bytes in time independent of where they differ (for MAC
// tags: an early exit would tell an attacker how many bytes matched).
bool kr_sha256_ct_equal(const uint8_t *a, const uint8_t *b, size_t n);

#endif
