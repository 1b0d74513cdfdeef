// test_sha256.c: SHA-256 and HMAC-SHA-256 against digests computed by
// python3's hashlib and hmac (the values below were printed by python3):
// the FIPS examples, every padding boundary, one million 'a', keys
// shorter than, equal to and longer than the block, and streaming in
// pieces of every size.
#include <stdio.h>
#include <stdlib.h>
#include "../../src/sha256.h"

#include "check.h"

// pat(n) = bytes((i*7+3) & 0xff for i in range(n)), as in the generator.
static uint8_t *pat(size_t n) {
    uint8_t *p = malloc(n ? n : 1);
    for (size_t i = 0; i < n; i++) p[i] = (uint8_t)((i * 7 + 3) & 0xff);
    return p;
}

static void hex(const uint8_t *d, size_t n, char *out) {
    for (size_t i = 0; i < n; i++) snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static bool digest_is(const uint8_t d[32], const char *want) {
    char got[65];
    hex(d, 32, got);
    if (strcmp(got, want) == 0) return true;
    fprintf(stderr, "  got  %s\n  want %s\n", got, want);
    return false;
}

static void test_known(void) {
    uint8_t d[32];
    kr_sha256("", 0, d);
    CHECK(digest_is(d, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    kr_sha256("abc", 3, d);
    CHECK(digest_is(d, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    kr_sha256(two, strlen(two), d);
    CHECK(digest_is(d, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
}

static void test_million_a(void) {
    // fed in uneven pieces so the block buffering is exercised too
    KrSha256 s;
    kr_sha256_init(&s);
    char chunk[997];
    memset(chunk, 'a', sizeof chunk);
    size_t left = 1000000;
    while (left) {
        size_t n = left < sizeof chunk ? left : sizeof chunk;
        kr_sha256_update(&s, chunk, n);
        left -= n;
    }
    uint8_t d[32];
    kr_sha256_final(&s, d);
    CHECK(digest_is(d, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

static const struct {
    size_t n;
    const char *hex;
} pat_vectors[] = {
    {0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {1, "084fed08b978af4d7d196a7446a86b58009e636b611db16211b65a9aadff29c5"},
    {3, "6ab0dba1f4f1dfbb37b4f9eeb092c09fca4900ad32bdcd147d8dde35d6c87c35"},
    {55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"},
    {56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"},
    {57, "35df609437dcfea3279283ab79fd554e2bf78f8f7ae2de532d8ee300b09e8f73"},
    {63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"},
    {64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"},
    {65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"},
    {111, "67d9492e628fd376e0b2efec8ca2b99b123e202cf620deb270728df979b2f73e"},
    {112, "96b928cff8528dbb99602c709a65b846cb6467acb8b722f0d758e4dc27bfc508"},
    {119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"},
    {120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"},
    {127, "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84faa11d07"},
    {128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"},
    {129, "307f8fc2c1622b92762e818d39a185d4d667ad49a4b07ceae1f4afa008a93ec4"},
    {1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"},
};

// Every padding boundary (55/56/63/64 bytes into a block).
static void test_boundaries(void) {
    for (size_t i = 0; i < sizeof pat_vectors / sizeof pat_vectors[0]; i++) {
        uint8_t *p = pat(pat_vectors[i].n), d[32];
        kr_sha256(p, pat_vectors[i].n, d);
        CHECK(digest_is(d, pat_vectors[i].hex));
        free(p);
    }
}

// Streaming in pieces of every size from 1 to 130 gives the one-shot hash.
static void test_streaming(void) {
    uint8_t *p = pat(1000), want[32];
    kr_sha256(p, 1000, want);
    for (size_t piece = 1; piece <= 130; piece++) {
        KrSha256 s;
        kr_sha256_init(&s);
        for (size_t off = 0; off < 1000; off += piece) kr_sha256_update(&s, p + off, off + piece > 1000 ? 1000 - off : piece);
        uint8_t d[32];
        kr_sha256_final(&s, d);
        CHECK(memcmp(d, want, 32) == 0);
    }
    free(p);
}

static const struct {
    size_t keylen, datalen;
    const char *hex;
} hmac_vectors[] = {
    {0, 0, "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"},
    {3, 5, "f470574e8a16660dd0dee4b8b8664939cad9729187a625bf47004f041e5dd82f"},
    {32, 100, "a85f948434ac5b63e71dcf6d7c2f0117d1afbd58d88ca1bcc0a55bb874bf9f44"},
    {64, 10, "9d6748f1bffc953c4aa4d4d864c0707055f6a8938de8fe76a07c589cd50cc019"},
    {65, 10, "eff6493cd42ee72e88e9e22db0220f59e1148722c1f54b56816cf7e2f65b4109"},
    {131, 50, "a362e64697b4088e8790db37e77ec4794ab0b203d7b604d1147224e915bf5a9c"},
    {200, 1000, "9ddea3b8cfd7965560759bdac735659ef3e4cb0b6b84aa26a048de4866d213fc"},
};

// Keys are pat(keylen) reversed; data is pat(datalen).
static void test_hmac(void) {
    for (size_t i = 0; i < sizeof hmac_vectors / sizeof hmac_vectors[0]; i++) {
        size_t kl = hmac_vectors[i].keylen, dl = hmac_vectors[i].datalen;
        uint8_t *k = pat(kl), *data = pat(dl), rk[256], d[32];
        for (size_t j = 0; j < kl; j++) rk[j] = k[kl - 1 - j];
        kr_hmac_sha256(rk, kl, data, dl, d);
        CHECK(digest_is(d, hmac_vectors[i].hex));
        free(k);
        free(data);
    }
    const char *msg = "The quick brown fox jumps over the lazy dog";
    uint8_t d[32];
    kr_hmac_sha256((const uint8_t *)"key", 3, msg, strlen(msg), d);
    CHECK(digest_is(d, "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"));
    // streaming HMAC equals one-shot
    KrHmacSha256 h;
    kr_hmac_sha256_init(&h, (const uint8_t *)"key", 3);
    kr_hmac_sha256_update(&h, msg, 10);
    kr_hmac_sha256_update(&h, msg + 10, strlen(msg) - 10);
    uint8_t d2[32];
    kr_hmac_sha256_final(&h, d2);
    CHECK(memcmp(d, d2, 32) == 0);
}

static void test_ct_equal(void) {
    uint8_t a[32] = {0}, b[32] = {0};
    CHECK(kr_sha256_ct_equal(a, b, 32));
    for (int i = 0; i < 32; i++) {
        b[i] = 1;
        CHECK(!kr_sha256_ct_equal(a, b, 32));
        b[i] = 0;
    }
    CHECK(kr_sha256_ct_equal(a, b, 0));
}

int main(void) {
    test_known();
    test_million_a();
    test_boundaries();
    test_streaming();
    test_hmac();
    test_ct_equal();
    printf("test_sha256: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
