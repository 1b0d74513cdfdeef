// test_snapshot.c: serialized programs (program.c), the snapshot container
// (snap.c) and the bytecode verifier (verify.c).
// - every tests/cases program compiles, dumps, loads and runs exactly as
//   the original (output, traceback, result), and dumps again to the same
//   bytes with the same hash;
// - every truncation and every single-bit flip is refused;
// - hostile edits with the checksum recomputed never crash: what loads is
//   run under tight limits (ASan/UBSan watch);
// - HMAC: right key accepted, wrong key / unsigned / altered refused;
// - the byte order is fixed little-endian (header decoded by hand, a
//   byte-swapped header refused);
// - the verifier refuses each unsafe instruction pattern.
#define _POSIX_C_SOURCE 200809L
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <dirent.h>
#include <sys/stat.h>
#include "krait.h"
#include "../../fuzz/fuzz_common.h"
#include "../../src/verify.h"

#include "check.h"

// ---- helpers --------------------------------------------------------------------

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    char chunk[4096];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(chunk, 1, sizeof chunk, f)) > 0) ok = kr_buf_append(&b, chunk, n);
    fclose(f);
    if (!ok || !kr_buf_append(&b, "", 0)) {
        kr_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return b.data;
}

typedef struct Capture {
    KrBuf out;
} Capture;

static void capture_write(void *ud, int stream, const char *text, size_t len) {
    Capture *c = ud;
    char tag = stream == 1 ? 'o' : 'e';
    if (kr_buf_append(&c->out, &tag, 1) && !kr_buf_append(&c->out, text, len)) c->out.len--;
}

// A run through the public API: everything printed (with its stream),
// then the status, exception type, traceback and result repr.
static char *run_public(const KraitProgram *p) {
    Capture c;
    kr_buf_init(&c.out, kr_default_allocator);
    KraitOptions o;
    krait_options_init(&o);
    o.write = capture_write;
    o.write_data = &c;
    KraitRun *run;
    if (krait_run_new(p, &o, &run) != KRAIT_OK) return NULL;
    KraitStatus st = krait_run_start(run);
    const char *tb = krait_run_traceback(run), *res = krait_run_result_repr(run),
               *et = krait_run_exception_type(run);
    bool ok = kr_buf_printf(&c.out, "\n--status %d type %s\n--traceback\n%s--result %s\n", (int)st, et ? et : "-",
                            tb ? tb : "", res ? res : "-");
    krait_run_free(run);
    if (!ok) {
        kr_buf_free(&c.out);
        return NULL;
    }
    return c.out.data ? c.out.data : calloc(1, 1);
}

static KraitProgram *compile_src(const char *src, const char *name) {
    KraitProgram *p = NULL;
    KraitError err;
    KraitStatus st = krait_program_compile(src, strlen(src), name, &p, &err);
    krait_error_clear(&err);
    return st == KRAIT_OK ? p : NULL;
}

static uint8_t *dump(const KraitProgram *p, const uint8_t *key, size_t keylen, size_t *len) {
    uint8_t *out = NULL;
    if (krait_program_dump(p, key, keylen, &out, len) != KRAIT_OK) return NULL;
    return out;
}

static KraitStatus load(const uint8_t *data, size_t len, const uint8_t *key, size_t keylen, KraitProgram **out) {
    KraitError err;
    KraitStatus st = krait_program_load(data, len, key, keylen, out, &err);
    krait_error_clear(&err);
    return st;
}

// Rewrites the checksum of an unsigned blob after an edit, so the edit
// reaches the payload reader and the verifier.
static void fix_crc(uint8_t *b, size_t len) {
    if (len < KR_SNAP_HEADER_SIZE + KR_SNAP_CRC_SIZE) return;
    size_t body = len - KR_SNAP_CRC_SIZE;
    kr_snap_store_le32(b + body, kr_snap_crc32(0, b, body));
}

static uint64_t le64(const uint8_t *p) { return (uint64_t)kr_snap_load_le32(p) | (uint64_t)kr_snap_load_le32(p + 4) << 32; }

// ---- the corpus: every case program round-trips --------------------------------

typedef struct PathList {
    char **items;
    size_t n, cap;
} PathList;

static void paths_add(PathList *l, const char *path) {
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 256;
        l->items = realloc(l->items, l->cap * sizeof *l->items);
    }
    size_t n = strlen(path) + 1;
    l->items[l->n] = malloc(n);
    memcpy(l->items[l->n++], path, n);
}

static void find_cases(const char *dir, PathList *out) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0) continue;
        size_t n = strlen(e->d_name);
        if (S_ISDIR(st.st_mode)) find_cases(path, out);
        else if (n > 3 && strcmp(e->d_name + n - 3, ".py") == 0) paths_add(out, path);
    }
    closedir(d);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

// Dumps, loads and runs one program; false (with a message) on any
// difference from the original.
static bool roundtrip_one(const char *path, const KraitProgram *p) {
    size_t len, len2;
    uint8_t *blob = dump(p, NULL, 0, &len);
    KraitProgram *q = NULL;
    KraitError err;
    if (!blob || krait_program_load(blob, len, NULL, 0, &q, &err) != KRAIT_OK) {
        fprintf(stderr, "%s: does not load back: %s\n", path, blob ? err.message : "dump failed");
        krait_free(blob);
        return false;
    }
    uint8_t *blob2 = dump(q, NULL, 0, &len2), h1[32], h2[32];
    bool same_bytes = blob2 && len2 == len && memcmp(blob, blob2, len) == 0;
    bool same_hash = krait_program_hash(p, h1) == KRAIT_OK && krait_program_hash(q, h2) == KRAIT_OK &&
                     memcmp(h1, h2, 32) == 0;
    char *a = run_public(p), *b = run_public(q);
    bool same_run = a && b && strcmp(a, b) == 0;
    if (!same_bytes || !same_hash || !same_run)
        fprintf(stderr, "%s: bytes %d hash %d run %d\n--- original:\n%s\n--- loaded:\n%s\n", path, same_bytes,
                same_hash, same_run, a ? a : "?", b ? b : "?");
    free(a);
    free(b);
    krait_free(blob);
    krait_free(blob2);
    krait_program_free(q);
    return same_bytes && same_hash && same_run;
}

static void test_corpus(void) {
    PathList cases = {0};
    find_cases("tests/cases", &cases);
    CHECK(cases.n > 100);
    qsort(cases.items, cases.n, sizeof *cases.items, cmp_str);
    size_t tried = 0, ok = 0;
    for (size_t i = 0; i < cases.n; i++) {
        size_t len;
        char *src = read_file(cases.items[i], &len);
        KraitProgram *p = NULL;
        KraitError err;
        if (src && krait_program_compile(src, len, cases.items[i], &p, &err) == KRAIT_OK) {
            tried++;
            ok += roundtrip_one(cases.items[i], p);
            krait_program_free(p);
        } else {
            krait_error_clear(&err);
        }
        free(src);
        free(cases.items[i]);
    }
    free(cases.items);
    printf("corpus: %zu of %zu compiled cases round-trip\n", ok, tried);
    CHECK(tried > 100);
    CHECK(ok == tried);
}

// ---- damaged bytes -----------------------------------------------------------------

// A program using most constructs, so the blob has every part.
static const char *kitchen_sink =
    "import sys\n"
    "'''doc'''\n"
    "def outer(a, b=2, *args, c, d=4, **kw):\n"
    "    \"\"\"outer doc\"\"\"\n"
    "    x = [a, b, *args]\n"
    "    def inner(y):\n"
    "        nonlocal x\n"
    "        return x + [y, c, d]\n"
    "    return inner(len(kw))\n"
    "class K(Exception):\n"
    "    z = {1, 2, 3}\n"
    "    def m(self, q=(1, 'a', (2.5, None))):\n"
    "        return super().__str__() + str(q)\n"
    "def gen(n):\n"
    "    for i in range(n):\n"
    "        try:\n"
    "            yield i ** 40 if i % 2 else f'{i!r:>4}'\n"
    "        except ValueError as e:\n"
    "            yield e\n"
    "        finally:\n"
    "            pass\n"
    "async def co(v):\n"
    "    return v\n"
    "def sub(g):\n"
    "    r = yield from g\n"
    "    return r\n"
    "class Ctx:\n"
    "    def __enter__(self): return self\n"
    "    def __exit__(self, *a): return True\n"
    "with Ctx() as m:\n"
    "    1 / 0\n"
    "try:\n"
    "    print(outer(1, 2, 3, c=5, e=6), list(gen(4)), list(sub(gen(2))))\n"
    "    print({k: v for k, v in zip('ab', b'xy')}, [*range(3)], sys.maxsize, -0.0, 10**30, ...)\n"
    "    match [1, {'k': 2}]:\n"
    "        case [1, {'k': v, **rest}]: print(v, rest)\n"
    "        case K(): pass\n"
    "    raise K('boom')\n"
    "except K as e:\n"
    "    print(e.m(), lambda: 0)\n"
    "assert outer(0, c=1)\n"
    "print(0x7fffffffffffffffffff, 1.5e300, 'caf\\u00e9', '\\ud800' == '\\ud800')\n"
    "1 + 1\n";

static void test_truncation_and_flips(const KraitProgram *p) {
    size_t len;
    uint8_t *blob = dump(p, NULL, 0, &len);
    CHECK(blob != NULL);
    if (!blob) return;
    KraitProgram *q = NULL;
    size_t bad = 0;
    for (size_t n = 0; n < len; n++) bad += load(blob, n, NULL, 0, &q) != KRAIT_ERR_SNAPSHOT;
    CHECK(bad == 0);
    uint8_t *longer = malloc(len + 1);
    memcpy(longer, blob, len);
    longer[len] = 0;
    CHECK(load(longer, len + 1, NULL, 0, &q) == KRAIT_ERR_SNAPSHOT);
    free(longer);
    for (size_t i = 0; i < len; i++)
        for (int bit = 0; bit < 8; bit++) {
            blob[i] ^= (uint8_t)(1u << bit);
            bad += load(blob, len, NULL, 0, &q) != KRAIT_ERR_SNAPSHOT;
            blob[i] ^= (uint8_t)(1u << bit);
        }
    CHECK(bad == 0);
    CHECK(load(NULL, 0, NULL, 0, &q) == KRAIT_ERR_SNAPSHOT);
    krait_free(blob);
}

// Each byte of the payload set to other values, checksum fixed: whatever
// loads is run under limits and dumped again. The count of loads that
// passed validation is printed (they are legitimate programs).
static void test_hostile_edits(const KraitProgram *p, const char *what) {
    size_t len;
    uint8_t *blob = dump(p, NULL, 0, &len);
    CHECK(blob != NULL);
    if (!blob) return;
    size_t loaded = 0, tried = 0;
    for (size_t i = KR_SNAP_HEADER_SIZE; i + KR_SNAP_CRC_SIZE < len; i++) {
        const uint8_t orig = blob[i];
        const uint8_t vals[] = {orig ^ 1, orig ^ 0x80, 0, 0xFF, (uint8_t)(orig + 1), (uint8_t)(orig - 1), 0x7F};
        for (size_t k = 0; k < sizeof vals; k++) {
            if (vals[k] == orig) continue;
            blob[i] = vals[k];
            fix_crc(blob, len);
            KrProgram *q = NULL;
            char err[256];
            KrSnapStatus st = kr_program_load(kr_checking_allocator, blob, len, NULL, 0, &q, err, sizeof err);
            tried++;
            CHECK(st == KR_SNAP_OK || st == KR_SNAP_ERR_FORMAT);
            if (st == KR_SNAP_OK) {
                loaded++;
                (void)fz_run_program(q);
                KrBuf b;
                kr_buf_init(&b, kr_default_allocator);
                CHECK(kr_program_dump(q, &b, NULL, 0) == KR_SNAP_OK);
                kr_buf_free(&b);
                kr_program_free(q);
            }
        }
        blob[i] = orig;
    }
    fix_crc(blob, len);
    printf("hostile edits (%s, %zu bytes): %zu tried, %zu passed validation and ran\n", what, len, tried, loaded);
    krait_free(blob);
}

// ---- signatures -----------------------------------------------------------------------

static void test_hmac(const KraitProgram *p) {
    static const uint8_t key[] = "correct horse battery staple", other[] = "incorrect horse";
    size_t slen, ulen;
    uint8_t *signed_blob = dump(p, key, sizeof key - 1, &slen), *plain = dump(p, NULL, 0, &ulen);
    CHECK(signed_blob && plain && slen == ulen + KR_SNAP_TAG_SIZE);
    if (!signed_blob || !plain) return;
    KraitProgram *q = NULL;
    CHECK(load(signed_blob, slen, key, sizeof key - 1, &q) == KRAIT_OK);
    krait_program_free(q);
    CHECK(load(signed_blob, slen, other, sizeof other - 1, &q) == KRAIT_ERR_SNAPSHOT); // wrong key
    CHECK(load(plain, ulen, key, sizeof key - 1, &q) == KRAIT_ERR_SNAPSHOT);          // unsigned
    CHECK(load(signed_blob, slen, NULL, 0, &q) == KRAIT_OK);                          // no key: checksum only
    krait_program_free(q);
    CHECK(load(signed_blob, slen, key, 0, &q) == KRAIT_ERR_ARG); // an empty key is a mistake
    // altered payload with a valid checksum: only the tag can tell
    size_t body = slen - KR_SNAP_TAG_SIZE - KR_SNAP_CRC_SIZE;
    size_t bad = 0;
    for (size_t i = KR_SNAP_HEADER_SIZE; i < body; i += 7) {
        signed_blob[i] ^= 0x20;
        kr_snap_store_le32(signed_blob + body, kr_snap_crc32(0, signed_blob, body));
        bad += load(signed_blob, slen, key, sizeof key - 1, &q) != KRAIT_ERR_SNAPSHOT;
        signed_blob[i] ^= 0x20;
    }
    kr_snap_store_le32(signed_blob + body, kr_snap_crc32(0, signed_blob, body));
    for (size_t i = body + KR_SNAP_CRC_SIZE; i < slen; i++) { // every tag byte
        signed_blob[i] ^= 1;
        bad += load(signed_blob, slen, key, sizeof key - 1, &q) != KRAIT_ERR_SNAPSHOT;
        signed_blob[i] ^= 1;
    }
    CHECK(bad == 0);
    // stripping the signature (flag cleared, tag cut, checksum fixed) is refused with a key
    signed_blob[12] = 0;
    kr_snap_store_le32(signed_blob + body, kr_snap_crc32(0, signed_blob, body));
    CHECK(load(signed_blob, slen - KR_SNAP_TAG_SIZE, key, sizeof key - 1, &q) == KRAIT_ERR_SNAPSHOT);
    CHECK(load(signed_blob, slen - KR_SNAP_TAG_SIZE, NULL, 0, &q) == KRAIT_OK);
    krait_program_free(q);
    krait_free(signed_blob);
    krait_free(plain);
}

// ---- byte order ------------------------------------------------------------------------

// The writer's primitives give fixed little-endian bytes on any host.
static void test_primitives(void) {
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    KrSnapWriter w;
    kr_snap_writer_init(&w, &b);
    kr_snap_put_u32(&w, 0x01020304u);
    kr_snap_put_u64(&w, 0x0102030405060708u);
    kr_snap_put_f64(&w, 1.5);
    kr_snap_put_uvar(&w, 300);
    kr_snap_put_svar(&w, -1);
    kr_snap_put_svar(&w, -65);
    kr_snap_put_bytes(&w, "hi", 2);
    static const uint8_t want[] = {4, 3, 2, 1, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F,
                                   0xAC, 0x02, 0x01, 0x81, 0x01, 2, 'h', 'i'};
    CHECK(w.ok && b.len == sizeof want && memcmp(b.data, want, sizeof want) == 0);
    KrSnapReader r;
    kr_snap_reader_init(&r, want, sizeof want);
    CHECK(kr_snap_get_u32(&r) == 0x01020304u);
    CHECK(kr_snap_get_u64(&r) == 0x0102030405060708u);
    CHECK(kr_snap_get_f64(&r) == 1.5);
    CHECK(kr_snap_get_uvar(&r) == 300);
    CHECK(kr_snap_get_svar(&r) == -1);
    CHECK(kr_snap_get_svar(&r) == -65);
    size_t n;
    const uint8_t *s = kr_snap_get_bytes(&r, &n);
    CHECK(s && n == 2 && memcmp(s, "hi", 2) == 0);
    CHECK(kr_snap_ok(&r) && kr_snap_left(&r) == 0);
    CHECK(kr_snap_get_u8(&r) == 0 && !kr_snap_ok(&r)); // past the end: an error, not a read
    // hostile counts and varints
    static const uint8_t huge[] = {0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 1, 2};
    kr_snap_reader_init(&r, huge, sizeof huge);
    CHECK(kr_snap_get_count(&r, 1, SIZE_MAX) == 0 && !kr_snap_ok(&r));
    static const uint8_t toolong[] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F};
    kr_snap_reader_init(&r, toolong, sizeof toolong);
    (void)kr_snap_get_uvar(&r);
    CHECK(!kr_snap_ok(&r));
    kr_buf_free(&b);
    // CRC-32 as zlib: zlib.crc32(b'123456789') and of 0..255 three times
    CHECK(kr_snap_crc32(0, "123456789", 9) == 0xCBF43926u);
    CHECK(kr_snap_crc32(0, "", 0) == 0);
    uint8_t bytes[768];
    for (int i = 0; i < 768; i++) bytes[i] = (uint8_t)i;
    CHECK(kr_snap_crc32(0, bytes, sizeof bytes) == 0xB0C0DF2Au);
    CHECK(kr_snap_crc32(kr_snap_crc32(0, bytes, 5), bytes + 5, sizeof bytes - 5) == 0xB0C0DF2Au);
}

// Bit at a time, as the definition: the table and folding paths must agree
// with it for every length (both sides of the folding threshold), start
// offset and running value.
static uint32_t crc32_bitwise(uint32_t crc, const uint8_t *p, size_t n) {
    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }
    return ~crc;
}

// The bump allocator behind the snapshot writer's and reader's tables:
// blocks in the buffer and past it keep their bytes as they grow, move
// and are freed (the checking allocator underneath verifies its sizes).
static void test_bump_alloc(void) {
    alignas(max_align_t) unsigned char buf[256];
    KrBumpAlloc b;
    KrAllocator a = kr_bump_allocator(&b, kr_checking_allocator, buf, sizeof buf);
    uint8_t *x = a.fn(a.ud, NULL, 0, 40), *y = a.fn(a.ud, NULL, 0, 24);
    CHECK(x && y && (unsigned char *)x >= buf && (unsigned char *)y < buf + sizeof buf);
    for (int i = 0; i < 40; i++) x[i] = (uint8_t)i;
    for (int i = 0; i < 24; i++) y[i] = (uint8_t)(100 + i);
    y = a.fn(a.ud, y, 24, 64); // the latest block grows in place
    bool ok = y != NULL;
    for (int i = 0; ok && i < 24; i++) ok = y[i] == 100 + i;
    x = a.fn(a.ud, x, 40, 120); // an older one moves (to the buffer's end)
    for (int i = 0; ok && x && i < 40; i++) ok = x[i] == i;
    CHECK(ok && x);
    uint8_t *z = a.fn(a.ud, NULL, 0, 200); // no room left: the allocator underneath
    CHECK(z && !((unsigned char *)z >= buf && (unsigned char *)z < buf + sizeof buf));
    if (z) memset(z, 7, 200);
    x = a.fn(a.ud, x, 120, 300); // out of the buffer, bytes kept
    for (int i = 0; ok && x && i < 40; i++) ok = x[i] == i;
    CHECK(ok && x);
    a.fn(a.ud, x, 300, 0);
    a.fn(a.ud, z, 200, 0);
    a.fn(a.ud, y, 64, 0);
    CHECK(b.used <= sizeof buf);
}

static void test_crc32(void) {
    static uint8_t data[600];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof data; i++) {
        x = x * 1103515245u + 12345u;
        data[i] = (uint8_t)(x >> 16);
    }
    int bad = 0;
    for (size_t off = 0; off < 4; off++)
        for (size_t n = 0; n + off <= sizeof data; n += n < 160 ? 1 : 37)
            for (uint32_t seed = 0; seed < 3; seed++) {
                uint32_t c = seed * 0x9E3779B9u;
                bad += kr_snap_crc32(c, data + off, n) != crc32_bitwise(c, data + off, n);
            }
    CHECK(bad == 0);
}

// The container of `1 + 1`, decoded by hand from its bytes; the same
// blob with its header fields in big-endian order is refused.
static void test_header_bytes(void) {
    KraitProgram *p = compile_src("1 + 1\n", "<string>");
    size_t len;
    uint8_t *blob = p ? dump(p, NULL, 0, &len) : NULL;
    CHECK(blob != NULL);
    if (!blob) return;
    printf("dump of `1 + 1`: %zu bytes\n", len);
    CHECK(memcmp(blob, "KRAITPRG", 8) == 0);
    CHECK(blob[8] == KR_PROGRAM_FORMAT_VERSION && blob[9] == 0 && blob[10] == 0 && blob[11] == 0);
    CHECK(kr_snap_load_le32(blob + 12) == 0);
    uint64_t plen = le64(blob + 16);
    CHECK(plen == len - KR_SNAP_HEADER_SIZE - KR_SNAP_CRC_SIZE);
    uint32_t crc = (uint32_t)blob[len - 4] | (uint32_t)blob[len - 3] << 8 | (uint32_t)blob[len - 2] << 16 |
                   (uint32_t)blob[len - 1] << 24;
    CHECK(crc == kr_snap_crc32(0, blob, len - 4));
    // the hash is the SHA-256 of exactly the payload bytes
    uint8_t h[32], want[32];
    kr_sha256(blob + KR_SNAP_HEADER_SIZE, (size_t)plen, want);
    CHECK(krait_program_hash(p, h) == KRAIT_OK && memcmp(h, want, 32) == 0);
    // a host that wrote its own (big-endian) order would be refused
    uint8_t *swapped = malloc(len);
    memcpy(swapped, blob, len);
    for (int f = 8; f < 24; f += (f < 16 ? 4 : 8)) {
        int w = f < 16 ? 4 : 8;
        for (int i = 0; i < w / 2; i++) {
            uint8_t t = swapped[f + i];
            swapped[f + i] = swapped[f + w - 1 - i];
            swapped[f + w - 1 - i] = t;
        }
    }
    fix_crc(swapped, len);
    KraitProgram *q = NULL;
    CHECK(load(swapped, len, NULL, 0, &q) == KRAIT_ERR_SNAPSHOT);
    KraitError err;
    CHECK(krait_program_load(blob, len, NULL, 0, &q, &err) == KRAIT_OK);
    char *a = run_public(q);
    CHECK(a && strstr(a, "--result 2\n") != NULL);
    free(a);
    krait_program_free(q);
    // other magic and other versions are refused with a reason
    memcpy(swapped, blob, len);
    memcpy(swapped, "KRAITRUN", 8);
    fix_crc(swapped, len);
    CHECK(krait_program_load(swapped, len, NULL, 0, &q, &err) == KRAIT_ERR_SNAPSHOT && strstr(err.message, "magic"));
    memcpy(swapped, blob, len);
    swapped[8] = 99; // a version this krait does not read
    fix_crc(swapped, len);
    CHECK(krait_program_load(swapped, len, NULL, 0, &q, &err) == KRAIT_ERR_SNAPSHOT && strstr(err.message, "version"));
    CHECK(strcmp(err.type, "SnapshotError") == 0);
    free(swapped);
    krait_free(blob);
    krait_program_free(p);
}

static void test_hash(void) {
    KraitProgram *a = compile_src("x = 1\nprint(x)\n", "a.py"), *b = compile_src("x = 1\nprint(x)\n", "a.py"),
                 *c = compile_src("x = 2\nprint(x)\n", "a.py"), *d = compile_src("x = 1\nprint(x)\n", "b.py");
    uint8_t ha[32], hb[32], hc[32], hd[32];
    CHECK(a && b && c && d);
    if (!a || !b || !c || !d) return;
    CHECK(krait_program_hash(a, ha) == KRAIT_OK && krait_program_hash(b, hb) == KRAIT_OK &&
          krait_program_hash(c, hc) == KRAIT_OK && krait_program_hash(d, hd) == KRAIT_OK);
    CHECK(memcmp(ha, hb, 32) == 0);
    CHECK(memcmp(ha, hc, 32) != 0);
    CHECK(memcmp(ha, hd, 32) != 0);
    uint8_t *out;
    size_t n;
    CHECK(krait_program_dump(NULL, NULL, 0, &out, &n) == KRAIT_ERR_ARG);
    CHECK(krait_program_hash(NULL, ha) == KRAIT_ERR_ARG);
    krait_program_free(a);
    krait_program_free(b);
    krait_program_free(c);
    krait_program_free(d);
}

// ---- the verifier on hand-made code ----------------------------------------------------------

static const KrStr vs_name = KR_STATIC_STR("f");
static KrStr *const vs_names[2] = {(KrStr *)&vs_name, (KrStr *)&vs_name};
static const int32_t vs_cell_arg[1] = {-1};

typedef struct VCase {
    const char *what;
    uint32_t insns[8];
    uint32_t n;
    uint32_t flags;
    KrExcEntry exc;
    bool ok;
} VCase;

#define I(op, arg) KR_INSN(KR_OP_##op, arg)

// consts: 0 an int, 1 a str, 2 a code with one free variable, 3 a tuple
// of 2 strs, 4 a code without free variables.
static KrSnapStatus verify_case(const VCase *vc, bool module, uint32_t ncells, uint32_t *stacksize) {
    static KrCode child_free, child_plain;
    static const KrStr s = KR_STATIC_STR("s");
    static struct {
        KrTuple t;
        KrValue items[2];
    } names2 = {{KR_STATIC_HEADER(&kr_type_tuple), 2}, {0, 0}};
    names2.items[0] = names2.items[1] = kr_from_obj(&s);
    child_free.ob = (KrObj)KR_STATIC_HEADER(&kr_type_code);
    child_free.nfrees = 1;
    child_plain.ob = (KrObj)KR_STATIC_HEADER(&kr_type_code);
    KrValue consts[5] = {kr_from_small(7), kr_from_obj(&s), kr_from_obj(&child_free), kr_from_obj(&names2.t),
                         kr_from_obj(&child_plain)};
    KrLoc locs[8] = {{0}};
    KrCode c;
    memset(&c, 0, sizeof c);
    c.ob = (KrObj)KR_STATIC_HEADER(&kr_type_code);
    c.name = (KrStr *)&vs_name;
    c.insns = vc->insns;
    c.ninsns = vc->n;
    c.consts = consts;
    c.nconsts = 5;
    c.names = vs_names;
    c.nnames = 2;
    c.varnames = vs_names;
    c.nlocals = 2;
    c.cellnames = vs_names;
    c.ncells = ncells;
    c.cell_arg = vs_cell_arg;
    c.flags = vc->flags | (module ? KR_CODE_MODULE : 0);
    c.locs = locs;
    c.exctab = &vc->exc;
    c.nexc = vc->exc.end ? 1 : 0;
    char err[256] = "";
    KrSnapStatus st = kr_verify_code(&c, module, kr_checking_allocator, err, sizeof err);
    if ((st == KR_SNAP_OK) != vc->ok) fprintf(stderr, "verifier case '%s': status %d (%s)\n", vc->what, st, err);
    *stacksize = c.stacksize;
    return st;
}

static void test_verifier(void) {
    static const VCase cases[] = {
        {"plain return", {I(LOAD_CONST, 0), I(RETURN_VALUE, 0)}, 2, 0, {0}, true},
        {"const index", {I(LOAD_CONST, 5), I(RETURN_VALUE, 0)}, 2, 0, {0}, false},
        {"underflow", {I(RETURN_VALUE, 0)}, 1, 0, {0}, false},
        {"runs off the end", {I(LOAD_CONST, 0)}, 1, 0, {0}, false},
        {"jump outside", {I(JUMP, 7)}, 1, 0, {0}, false},
        {"unknown opcode", {KR_INSN(250, 0)}, 1, 0, {0}, false},
        {"RETURN_GENERATOR", {I(RETURN_GENERATOR, 0), I(LOAD_CONST, 0), I(RETURN_VALUE, 0)}, 3, 0, {0}, false},
        {"inconsistent depth",
         {I(LOAD_CONST, 0), I(LOAD_CONST, 0), I(POP_JUMP_IF_FALSE, 4), I(LOAD_CONST, 0), I(RETURN_VALUE, 0)}, 5, 0,
         {0}, false},
        {"NULL returned", {I(PUSH_NULL, 0), I(RETURN_VALUE, 0)}, 2, 0, {0}, false},
        {"NULL stored", {I(PUSH_NULL, 0), I(STORE_FAST, 0), I(LOAD_CONST, 0), I(RETURN_VALUE, 0)}, 4, 0, {0}, false},
        {"append to a non-list", {I(LOAD_CONST, 0), I(LOAD_CONST, 0), I(LIST_APPEND, 1), I(RETURN_VALUE, 0)}, 4, 0,
         {0}, false},
        {"append to a list", {I(BUILD_LIST, 0), I(LOAD_CONST, 0), I(LIST_APPEND, 1), I(RETURN_VALUE, 0)}, 4, 0, {0},
         true},
        {"function of a str", {I(LOAD_CONST, 1), I(MAKE_FUNCTION, 0), I(RETURN_VALUE, 0)}, 3, 0, {0}, false},
        {"function missing its closure", {I(LOAD_CONST, 2), I(MAKE_FUNCTION, 0), I(RETURN_VALUE, 0)}, 3, 0, {0},
         false},
        {"closure of non-cells",
         {I(LOAD_CONST, 0), I(BUILD_TUPLE, 1), I(LOAD_CONST, 2), I(MAKE_FUNCTION, 4), I(RETURN_VALUE, 0)}, 5, 0, {0},
         false},
        {"function without free variables", {I(LOAD_CONST, 4), I(MAKE_FUNCTION, 0), I(RETURN_VALUE, 0)}, 3, 0, {0},
         true},
        {"reraise a non-exception", {I(LOAD_CONST, 0), I(RERAISE, 0)}, 2, 0, {0}, false},
        {"pop half a method pair", {I(LOAD_CONST, 0), I(LOAD_METHOD, 0), I(POP_TOP, 0), I(RETURN_VALUE, 0)}, 4, 0,
         {0}, false},
        {"swap a method pair", {I(LOAD_CONST, 0), I(LOAD_METHOD, 0), I(SWAP, 2), I(CALL, 0), I(RETURN_VALUE, 0)}, 5,
         0, {0}, false},
        {"method call", {I(LOAD_CONST, 0), I(LOAD_METHOD, 0), I(CALL, 0), I(RETURN_VALUE, 0)}, 4, 0, {0}, true},
        {"call a NULL", {I(PUSH_NULL, 0), I(PUSH_NULL, 0), I(CALL, 0), I(RETURN_VALUE, 0)}, 4, 0, {0}, false},
        {"too few keyword values",
         {I(LOAD_CONST, 0), I(PUSH_NULL, 0), I(LOAD_CONST, 0), I(LOAD_CONST, 3), I(CALL_KW, 1), I(RETURN_VALUE, 0)},
         6, 0, {0}, false},
        {"keyword call",
         {I(LOAD_CONST, 0), I(PUSH_NULL, 0), I(LOAD_CONST, 0), I(LOAD_CONST, 0), I(LOAD_CONST, 3), I(CALL_KW, 2),
          I(RETURN_VALUE, 0)},
         7, 0, {0}, true},
        {"join of non-str", {I(LOAD_CONST, 0), I(BUILD_STRING, 1), I(RETURN_VALUE, 0)}, 3, 0, {0}, false},
        {"COPY 0", {I(LOAD_CONST, 0), I(COPY, 0), I(RETURN_VALUE, 0)}, 3, 0, {0}, false},
        {"binary operator 13", {I(LOAD_CONST, 0), I(LOAD_CONST, 0), I(BINARY_OP, 13), I(RETURN_VALUE, 0)}, 4, 0, {0},
         false},
        {"local 9", {I(LOAD_FAST, 9), I(RETURN_VALUE, 0)}, 2, 0, {0}, false},
        {"name 2", {I(LOAD_GLOBAL, 2), I(RETURN_VALUE, 0)}, 2, 0, {0}, false},
        {"cell 1", {I(LOAD_DEREF, 1), I(RETURN_VALUE, 0)}, 2, 0, {0}, false},
        {"yield outside a generator", {I(LOAD_CONST, 0), I(YIELD_VALUE, 0), I(RETURN_VALUE, 0)}, 3, 0, {0}, false},
        {"yield in a generator", {I(LOAD_CONST, 0), I(YIELD_VALUE, 0), I(RETURN_VALUE, 0)}, 3, KR_CODE_GENERATOR, {0},
         true},
        {"handler deeper than the stack",
         {I(LOAD_CONST, 0), I(LOAD_FAST, 0), I(RETURN_VALUE, 0), I(RETURN_VALUE, 0)}, 4, 0, {1, 2, 3, 5}, false},
        {"handler", {I(LOAD_CONST, 0), I(LOAD_FAST, 0), I(RETURN_VALUE, 0), I(RERAISE, 0)}, 4, 0, {1, 2, 3, 1}, true},
        {"handler outside", {I(LOAD_CONST, 0), I(LOAD_FAST, 0), I(RETURN_VALUE, 0)}, 3, 0, {1, 2, 9, 1}, false},
        {"handler range outside", {I(LOAD_CONST, 0), I(RETURN_VALUE, 0)}, 2, 0, {1, 4, 0, 0}, false},
        {"bad slice", {I(LOAD_CONST, 0), I(BUILD_SLICE, 1), I(RETURN_VALUE, 0)}, 3, 0, {0}, false},
        {"unknown flags", {I(LOAD_CONST, 0), I(RETURN_VALUE, 0)}, 2, 1u << 9, {0}, false},
        {"empty code", {0}, 0, 0, {0}, false},
        {"backward conditional jump", {I(LOAD_CONST, 0), I(POP_JUMP_IF_FALSE, 0), I(LOAD_CONST, 0), I(RETURN_VALUE, 0)},
         4, 0, {0}, false},
        {"backward JUMP", {I(NOP, 0), I(JUMP, 0)}, 2, 0, {0}, true},
        {"handler before its range", {I(RERAISE, 0), I(LOAD_FAST, 0), I(RETURN_VALUE, 0)}, 3, 0, {1, 2, 0, 0}, false},
        {"stack too deep", {I(LOAD_CONST, 0), I(UNPACK_SEQUENCE, 1u << 21), I(RETURN_VALUE, 0)}, 3, 0, {0}, false},
        {"deep but allowed", {I(LOAD_CONST, 0), I(UNPACK_SEQUENCE, 1000), I(RETURN_VALUE, 0)}, 3, 0, {0}, true},
    };
    uint32_t stacksize = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        KrSnapStatus st = verify_case(&cases[i], false, 0, &stacksize);
        CHECK((st == KR_SNAP_OK) == cases[i].ok);
        CHECK(st != KR_SNAP_ERR_NOMEM);
    }
    CHECK(verify_case(&cases[0], false, 0, &stacksize) == KR_SNAP_OK && stacksize == 2);
    // the module: no cells, no parameters
    CHECK(verify_case(&cases[0], true, 0, &stacksize) == KR_SNAP_OK);
    VCase bad_module = cases[0];
    bad_module.ok = false;
    CHECK(verify_case(&bad_module, true, 1, &stacksize) == KR_SNAP_ERR_FORMAT);
}

// A hand-made code object: name, instructions, constants and locations.
static void make_code(KrCode *c, const KrStr *name, const uint32_t *insns, uint32_t ninsns, KrValue *consts,
                      uint32_t nconsts, KrLoc *locs) {
    memset(c, 0, sizeof *c);
    c->ob = (KrObj)KR_STATIC_HEADER(&kr_type_code);
    c->name = c->qualname = c->filename = (KrStr *)name;
    c->insns = insns;
    c->ninsns = ninsns;
    c->consts = consts;
    c->nconsts = nconsts;
    c->locs = locs;
    c->doc = KR_NONE;
}

// Code that passes the verifier but that the compiler would never make
// runs safely: MATCH_KEYS on an int (compiled code tests MATCH_MAPPING
// first), a function made from a nested code constant and called.
static void test_run_handmade(void) {
    static const KrStr name = KR_STATIC_STR("<module>"), key = KR_STATIC_STR("k");
    static struct {
        KrTuple t;
        KrValue items[1];
    } keys = {{KR_STATIC_HEADER(&kr_type_tuple), 1}, {0}};
    keys.items[0] = kr_from_obj(&key);
    static const uint32_t inner_insns[] = {I(LOAD_CONST, 0), I(RETURN_VALUE, 0)};
    static KrLoc locs[8];
    KrValue inner_consts[1] = {kr_from_small(42)};
    KrCode inner;
    make_code(&inner, &name, inner_insns, 2, inner_consts, 1, locs);
    CHECK(kr_verify_code(&inner, false, kr_checking_allocator, NULL, 0) == KR_SNAP_OK);
    KrValue consts[3] = {kr_from_small(3), kr_from_obj(&keys.t), kr_from_obj(&inner)};
    static const uint32_t insns[] = {I(LOAD_CONST, 0), I(LOAD_CONST, 1), I(MATCH_KEYS, 0), I(POP_TOP, 0),
                                     I(LOAD_CONST, 2), I(MAKE_FUNCTION, 0), I(PUSH_NULL, 0), I(CALL, 0)};
    static const uint32_t tail[] = {I(RETURN_VALUE, 0)};
    uint32_t all[9];
    memcpy(all, insns, sizeof insns);
    all[8] = tail[0];
    KrCode c = inner;
    c.insns = all;
    c.ninsns = 9;
    c.consts = consts;
    c.nconsts = 3;
    c.flags = KR_CODE_MODULE;
    CHECK(kr_verify_code(&c, true, kr_checking_allocator, NULL, 0) == KR_SNAP_OK);
    KrProgram p = {.module = &c, .source = "", .source_len = 0, .filename = "x.py", .alloc = kr_default_allocator};
    CHECK(fz_run_program(&p) == 0);
}

// The verifier checks the instructions it reaches: unreachable ones may
// name anything. The loader once looked up builtins for every LOAD_GLOBAL
// and LOAD_NAME, reading past the names (a fuzz finding).
static void test_unreachable_names(void) {
    static const KrStr name = KR_STATIC_STR("<module>");
    static const uint32_t insns[] = {I(LOAD_CONST, 0), I(RETURN_VALUE, 0), I(LOAD_GLOBAL, KR_ARG_MAX),
                                     I(LOAD_NAME, 1u << 20)};
    static KrLoc locs[4];
    KrValue consts[1] = {kr_from_small(1)};
    KrCode c;
    make_code(&c, &name, insns, 4, consts, 1, locs);
    c.flags = KR_CODE_MODULE;
    KrProgram p = {.module = &c, .source = "", .source_len = 0, .filename = "x.py", .alloc = kr_default_allocator};
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    CHECK(kr_program_dump(&p, &b, NULL, 0) == KR_SNAP_OK);
    KrProgram *q = NULL;
    char err[200] = "";
    CHECK(kr_program_load(kr_checking_allocator, (const uint8_t *)b.data, b.len, NULL, 0, &q, err, sizeof err) ==
          KR_SNAP_OK);
    CHECK(q && fz_run_program(q) == 0);
    if (q) kr_program_free(q);
    kr_buf_free(&b);
}

// Only JUMP polls the time budget when it goes backward, and the verifier
// lets only JUMP go backward: so a filtered comprehension must loop
// through a JUMP too (it once jumped back with POP_JUMP_IF_FALSE and
// ignored the duration limit).
static void test_loops_poll_budget(void) {
    static const char *const srcs[] = {
        "[x for x in range(10**12) if False]\n",
        "sum(1 for x in range(10**12) if x < 0)\n",
        "{x: 1 for x in range(10**12) if x < 0 if x > 0}\n",
        "while True:\n    pass\n",
    };
    for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
        KrSyntaxErr se;
        KrProgram *p = kr_compile(kr_default_allocator, srcs[i], strlen(srcs[i]), "<loop>", &se);
        CHECK(p != NULL);
        if (!p) continue;
        CHECK(fz_run_program(p) == 2); // the duration limit, not a hang
        kr_program_free(p);
    }
}

int main(void) {
    test_primitives();
    test_bump_alloc();
    test_crc32();
    test_verifier();
    test_run_handmade();
    test_unreachable_names();
    test_loops_poll_budget();
    test_header_bytes();
    test_hash();
    KraitProgram *sink = compile_src(kitchen_sink, "sink.py"), *small = compile_src("print(1 + 1)\n", "s.py");
    CHECK(sink && small);
    if (sink && small) {
        char *out = run_public(sink);
        CHECK(out && strstr(out, "--status 0"));
        if (out && !strstr(out, "--status 0")) fprintf(stderr, "%s\n", out);
        free(out);
        test_truncation_and_flips(small);
        test_truncation_and_flips(sink);
        test_hmac(sink);
        test_hostile_edits(small, "print(1 + 1)");
        test_hostile_edits(sink, "kitchen sink");
    }
    krait_program_free(sink);
    krait_program_free(small);
    test_corpus();
    printf("test_snapshot: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
