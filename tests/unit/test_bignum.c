// test_bignum.c: unit tests for src/bignum.c. Standalone program, run from
// the repository root:
//   gcc -std=c11 -Wall -Wextra -g -fsanitize=address,undefined -Isrc
//       src/common.c src/bignum.c tests/unit/test_bignum.c -lm -o /tmp/tb && /tmp/tb
// Expected values come from CPython 3.11 via tests/unit/bignum_data/gen.py
// (cases.txt, committed). Optional argv[1]: path to cases.txt.
#define _POSIX_C_SOURCE 200809L // clock_gettime, strdup
#include "bignum.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int passed, failed;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (cond) {                                                                                \
            passed++;                                                                              \
        } else {                                                                                   \
            failed++;                                                                              \
            if (failed <= 40) {                                                                    \
                fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                               \
                fprintf(stderr, __VA_ARGS__);                                                      \
                fputc('\n', stderr);                                                               \
            }                                                                                      \
        }                                                                                          \
    } while (0)

// ---- a checking allocator: verifies sizes, counts, injects failures ----

typedef struct TestAlloc {
    size_t live;     // bytes currently allocated
    size_t count;    // allocations so far
    size_t fail_at;  // fail the allocation with this count (0: never)
    size_t budget;   // refuse requests that would exceed this (0: none)
    size_t bad_size; // frees whose old size did not match
} TestAlloc;

#define HDR 16

static void *test_realloc(void *ud, void *p, size_t old, size_t nsize) {
    TestAlloc *t = ud;
    if (p) {
        char *base = (char *)p - HDR;
        size_t recorded;
        memcpy(&recorded, base, sizeof recorded);
        if (recorded != old) t->bad_size++;
        if (nsize == 0) {
            t->live -= recorded;
            free(base);
            return NULL;
        }
    }
    if (nsize == 0) return NULL;
    t->count++;
    if (t->fail_at && t->count == t->fail_at) return NULL;
    if (t->budget && (nsize > t->budget || t->live - old > t->budget - nsize)) return NULL;
    if (nsize > SIZE_MAX - HDR) return NULL;
    char *base = realloc(p ? (char *)p - HDR : NULL, nsize + HDR);
    if (!base) return NULL;
    memcpy(base, &nsize, sizeof nsize);
    t->live = t->live - old + nsize;
    return base + HDR;
}

static TestAlloc g_alloc_state; // test-only; the library itself has no globals
static KrBnCtx g_ctx;

static void ctx_reset(void) {
    g_ctx.alloc.fn = test_realloc;
    g_ctx.alloc.ud = &g_alloc_state;
    g_ctx.tick = NULL;
    g_ctx.tick_ud = NULL;
    g_alloc_state.fail_at = 0;
    g_alloc_state.budget = 0;
}

// ---- helpers ----

static KrBn hex_num(const char *s) {
    KrBn x;
    kr_bn_init(&x);
    KrBnStatus st = kr_bn_parse(&g_ctx, s, strlen(s), 16, 0, 0, &x, NULL);
    if (st) {
        fprintf(stderr, "bad hex in data: %s\n", s);
        exit(2);
    }
    return x;
}

static KrBnView V(const KrBn *x) { return kr_bn_view(x); }

static void bn_free(KrBn *x) { kr_bn_free(&g_ctx, x); }

static char *to_str(KrBnView a, int base) {
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    if (kr_bn_to_str(&g_ctx, a, base, 0, &b) != KR_BN_OK) {
        kr_buf_free(&b);
        return strdup("<error>");
    }
    char *s = strdup(b.data ? b.data : "");
    kr_buf_free(&b);
    return s;
}

static bool same(KrBnView a, KrBnView b) {
    return kr_bn_cmp(a, b) == 0 && kr_bn_view_normalize(a).n == a.n;
}

// Checks status OK and *got == expected (hex), then frees got.
static void expect_num(const char *what, int line, KrBnStatus st, KrBn *got, const char *want) {
    KrBn w = hex_num(want);
    bool ok = st == KR_BN_OK && same(V(got), V(&w));
    if (!ok) {
        char *g = st == KR_BN_OK ? to_str(V(got), 16) : strdup(kr_bn_status_str(st));
        CHECK(false, "line %d %s: got %.80s want %.80s", line, what, g, want);
        free(g);
    } else {
        passed++;
    }
    bn_free(&w);
    bn_free(got);
}

static void expect_status(const char *what, int line, KrBnStatus st, KrBnStatus want) {
    CHECK(st == want, "line %d %s: status %s, want %s", line, what, kr_bn_status_str(st),
          kr_bn_status_str(want));
}

static bool double_same(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

// Decodes the data file's byte strings: runs "hh" / "hh*count" joined by '.'.
static char *decode_runs(const char *s, size_t *len) {
    size_t cap = 64, n = 0;
    char *out = malloc(cap);
    if (strcmp(s, "-") == 0) {
        *len = 0;
        return out;
    }
    while (*s) {
        unsigned v;
        sscanf(s, "%2x", &v);
        s += 2;
        size_t rep = 1;
        if (*s == '*') rep = strtoul(s + 1, (char **)&s, 10);
        while (n + rep + 1 > cap) cap *= 2;
        out = realloc(out, cap);
        memset(out + n, (int)v, rep);
        n += rep;
        if (*s == '.') s++;
    }
    *len = n;
    return out;
}

// ---- seeded big numbers, rebuilt exactly as gen.py builds them ----

static uint64_t splitmix(uint64_t *state) {
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static KrBn seeded(uint64_t *state, size_t nbits, bool pat) {
    static const uint32_t pattern[] = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe};
    size_t nd = (nbits + 31) / 32;
    KrBn x;
    kr_bn_init(&x);
    x.d = malloc(nd * 4);
    x.cap = x.n = nd;
    for (size_t i = 0; i < nd; i++) {
        uint64_t r = splitmix(state);
        x.d[i] = (uint32_t)(r >> 32);
        if (pat && r % 8 < 6) x.d[i] = pattern[r % 8];
    }
    unsigned top = nbits % 32;
    if (top) x.d[nd - 1] &= (1u << top) - 1;
    x.d[nd - 1] |= 1u << ((nbits - 1) % 32);
    return x;
}

static void free_seeded(KrBn *x) { free(x->d); }

static uint64_t fnv(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return h;
}

// ---- data-driven cases ----

#define MAXF 8

static void case_binary(char **f, int line) {
    KrBn a = hex_num(f[1]), b = hex_num(f[2]), r;
    kr_bn_init(&r);
    const char *op = f[0];
    KrBnStatus st;
    if (!strcmp(op, "add")) st = kr_bn_add(&g_ctx, V(&a), V(&b), &r);
    else if (!strcmp(op, "sub")) st = kr_bn_sub(&g_ctx, V(&a), V(&b), &r);
    else if (!strcmp(op, "mul")) st = kr_bn_mul(&g_ctx, V(&a), V(&b), &r);
    else if (!strcmp(op, "and")) st = kr_bn_and(&g_ctx, V(&a), V(&b), &r);
    else if (!strcmp(op, "or")) st = kr_bn_or(&g_ctx, V(&a), V(&b), &r);
    else if (!strcmp(op, "xor")) st = kr_bn_xor(&g_ctx, V(&a), V(&b), &r);
    else st = kr_bn_gcd(&g_ctx, V(&a), V(&b), &r);
    expect_num(op, line, st, &r, f[3]);
    // The same operation with the output aliasing the first input.
    if (!strcmp(op, "add") || !strcmp(op, "mul")) {
        st = op[0] == 'a' ? kr_bn_add(&g_ctx, V(&a), V(&b), &a) : kr_bn_mul(&g_ctx, V(&a), V(&b), &a);
        KrBn w = hex_num(f[3]);
        CHECK(st == KR_BN_OK && same(V(&a), V(&w)), "line %d aliased %s", line, op);
        bn_free(&w);
    }
    bn_free(&a);
    bn_free(&b);
}

static void case_divmod(char **f, int line) {
    KrBn a = hex_num(f[1]), b = hex_num(f[2]), q, r, q2, r2;
    kr_bn_init(&q);
    kr_bn_init(&r);
    kr_bn_init(&q2);
    kr_bn_init(&r2);
    KrBnStatus st = kr_bn_divmod(&g_ctx, V(&a), V(&b), &q, &r);
    if (f[3][0] == '!') {
        expect_status("divmod", line, st, KR_BN_DIVZERO);
        expect_status("floordiv", line, kr_bn_floordiv(&g_ctx, V(&a), V(&b), &q2), KR_BN_DIVZERO);
    } else {
        KrBnStatus s2 = kr_bn_floordiv(&g_ctx, V(&a), V(&b), &q2);
        KrBnStatus s3 = kr_bn_mod(&g_ctx, V(&a), V(&b), &r2);
        expect_num("divmod q", line, st, &q, f[3]);
        expect_num("divmod r", line, st, &r, f[4]);
        expect_num("floordiv", line, s2, &q2, f[3]);
        expect_num("mod", line, s3, &r2, f[4]);
    }
    bn_free(&a);
    bn_free(&b);
}

static void case_unary(char **f, int line) {
    KrBn a = hex_num(f[1]), r;
    kr_bn_init(&r);
    const char *op = f[0];
    if (!strcmp(op, "invert")) expect_num(op, line, kr_bn_invert(&g_ctx, V(&a), &r), &r, f[2]);
    else if (!strcmp(op, "neg")) expect_num(op, line, kr_bn_neg(&g_ctx, V(&a), &r), &r, f[2]);
    else if (!strcmp(op, "abs")) expect_num(op, line, kr_bn_abs(&g_ctx, V(&a), &r), &r, f[2]);
    else if (!strcmp(op, "isqrt")) expect_num(op, line, kr_bn_isqrt(&g_ctx, V(&a), &r), &r, f[2]);
    else if (!strcmp(op, "bitlen"))
        CHECK(kr_bn_bit_length(V(&a)) == strtoull(f[2], NULL, 10), "line %d bitlen", line);
    else if (!strcmp(op, "bitcount"))
        CHECK(kr_bn_bit_count(V(&a)) == strtoull(f[2], NULL, 10), "line %d bitcount", line);
    else if (!strcmp(op, "hash"))
        CHECK(kr_bn_hash(V(&a)) == strtoll(f[2], NULL, 10), "line %d hash %lld want %s", line,
              (long long)kr_bn_hash(V(&a)), f[2]);
    bn_free(&a);
}

static void case_tofloat(char **f, int line) {
    KrBn a = hex_num(f[1]);
    double d = 0;
    KrBnStatus st = kr_bn_to_double(V(&a), &d);
    if (f[2][0] == '!') expect_status("tofloat", line, st, KR_BN_OVERFLOW);
    else CHECK(st == KR_BN_OK && double_same(d, strtod(f[2], NULL)), "line %d tofloat %a want %s",
               line, d, f[2]);
    bn_free(&a);
}

static void case_toi64(char **f, int line) {
    KrBn a = hex_num(f[1]);
    int64_t v = 0;
    KrBnStatus st = kr_bn_to_i64(V(&a), &v);
    if (f[2][0] == '!') expect_status("toi64", line, st, KR_BN_OVERFLOW);
    else CHECK(st == KR_BN_OK && v == strtoll(f[2], NULL, 10), "line %d toi64", line);
    bn_free(&a);
}

static void case_shift(char **f, int line) {
    KrBn a = hex_num(f[1]), k = hex_num(f[2]), r;
    kr_bn_init(&r);
    bool left = f[0][0] == 'l';
    KrBnStatus st = left ? kr_bn_lshift(&g_ctx, V(&a), V(&k), &r) : kr_bn_rshift(&g_ctx, V(&a), V(&k), &r);
    if (!strcmp(f[3], "!negshift")) expect_status(f[0], line, st, KR_BN_NEG_SHIFT);
    else if (!strcmp(f[3], "!nomem")) expect_status(f[0], line, st, KR_BN_NOMEM);
    else expect_num(f[0], line, st, &r, f[3]);
    bn_free(&r);
    bn_free(&a);
    bn_free(&k);
}

static void case_float_misc(char **f, int line) {
    const char *op = f[0];
    if (!strcmp(op, "hashf")) {
        double d = strtod(f[1], NULL);
        CHECK(kr_hash_double(d) == strtoll(f[2], NULL, 10), "line %d hashf %s: %lld want %s", line,
              f[1], (long long)kr_hash_double(d), f[2]);
    } else if (!strcmp(op, "fromfloat")) {
        KrBn r;
        kr_bn_init(&r);
        expect_num(op, line, kr_bn_from_double(&g_ctx, strtod(f[1], NULL), &r), &r, f[2]);
    } else if (!strcmp(op, "cmpf")) {
        KrBn a = hex_num(f[1]);
        int c = kr_bn_cmp_double(V(&a), strtod(f[2], NULL));
        CHECK(c == atoi(f[3]), "line %d cmpf %d want %s", line, c, f[3]);
        bn_free(&a);
    }
}

static void case_truediv(char **f, int line) {
    KrBn a = hex_num(f[1]), b = hex_num(f[2]);
    double d = 0;
    KrBnStatus st = kr_bn_true_div(&g_ctx, V(&a), V(&b), &d);
    if (!strcmp(f[3], "!overflow")) expect_status("truediv", line, st, KR_BN_OVERFLOW);
    else if (!strcmp(f[3], "!div0")) expect_status("truediv", line, st, KR_BN_DIVZERO);
    else CHECK(st == KR_BN_OK && double_same(d, strtod(f[3], NULL)), "line %d truediv %a want %s",
               line, d, f[3]);
    bn_free(&a);
    bn_free(&b);
}

static void case_pow(char **f, int line) {
    KrBn a = hex_num(f[1]), e = hex_num(f[2]), r;
    kr_bn_init(&r);
    if (!strcmp(f[0], "pow")) {
        expect_num("pow", line, kr_bn_pow(&g_ctx, V(&a), V(&e), &r), &r, f[3]);
    } else {
        KrBn m = hex_num(f[3]);
        KrBnStatus st = kr_bn_powmod(&g_ctx, V(&a), V(&e), V(&m), &r);
        if (!strcmp(f[4], "!modzero")) expect_status("powmod", line, st, KR_BN_MOD_ZERO);
        else if (!strcmp(f[4], "!notinv")) expect_status("powmod", line, st, KR_BN_NOT_INVERTIBLE);
        else expect_num("powmod", line, st, &r, f[4]);
        bn_free(&m);
        bn_free(&r);
    }
    bn_free(&a);
    bn_free(&e);
}

static void case_str(char **f, int line) {
    int base = atoi(f[1]);
    KrBn a = hex_num(f[2]);
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    KrBnStatus st = kr_bn_to_str(&g_ctx, V(&a), base, KR_BN_MAX_STR_DIGITS_DEFAULT, &b);
    if (!strcmp(f[3], "!limit")) {
        expect_status("str", line, st, KR_BN_LIMIT);
        CHECK(b.len == 0, "line %d str limit appended", line);
    } else {
        CHECK(st == KR_BN_OK && b.len == strlen(f[3]) && !memcmp(b.data, f[3], b.len),
              "line %d str base %d: %.60s want %.60s", line, base, b.data ? b.data : "", f[3]);
        // Round trip through the parser in the same base.
        KrBn back;
        kr_bn_init(&back);
        st = kr_bn_parse(&g_ctx, f[3], strlen(f[3]), base, 0, 0, &back, NULL);
        CHECK(st == KR_BN_OK && same(V(&back), V(&a)), "line %d parse back base %d", line, base);
        bn_free(&back);
    }
    kr_buf_free(&b);
    bn_free(&a);
}

static void case_parse(char **f, int line) {
    int base = atoi(f[1]);
    unsigned flags = (unsigned)atoi(f[2]);
    size_t maxd = strtoul(f[3], NULL, 10), len, nd = 0;
    char *text = decode_runs(f[4], &len);
    KrBn r;
    kr_bn_init(&r);
    KrBnStatus st = kr_bn_parse(&g_ctx, text, len, base, flags, maxd, &r, &nd);
    if (!strcmp(f[5], "!invalid")) {
        expect_status("parse", line, st, KR_BN_INVALID);
    } else if (!strncmp(f[5], "!limit", 6)) {
        expect_status("parse", line, st, KR_BN_LIMIT);
        if (f[5][6] == ':') CHECK(nd == strtoul(f[5] + 7, NULL, 10), "line %d ndigits %zu", line, nd);
    } else {
        expect_num("parse", line, st, &r, f[5]);
    }
    bn_free(&r);
    free(text);
}

static void case_bytes(char **f, int line) {
    if (!strcmp(f[0], "tobytes")) {
        KrBn a = hex_num(f[1]);
        size_t n = strtoul(f[2], NULL, 10);
        uint8_t buf[32];
        KrBnStatus st = kr_bn_to_bytes(V(&a), buf, n, atoi(f[3]), atoi(f[4]));
        if (f[5][0] == '!') {
            expect_status("tobytes", line, st, KR_BN_OVERFLOW);
        } else {
            char hex[80] = "-";
            for (size_t i = 0; i < n; i++) sprintf(hex + 2 * i, "%02x", buf[i]);
            CHECK(st == KR_BN_OK && !strcmp(hex, f[5]), "line %d tobytes %s want %s", line, hex, f[5]);
        }
        bn_free(&a);
    } else {
        uint8_t buf[32];
        size_t n = strcmp(f[1], "-") ? strlen(f[1]) / 2 : 0;
        for (size_t i = 0; i < n; i++) {
            unsigned v;
            sscanf(f[1] + 2 * i, "%2x", &v);
            buf[i] = (uint8_t)v;
        }
        KrBn r;
        kr_bn_init(&r);
        expect_num("frombytes", line, kr_bn_from_bytes(&g_ctx, buf, n, atoi(f[2]), atoi(f[3]), &r),
                   &r, f[4]);
    }
}

static void case_big(char **f, int line) {
    uint64_t state = strtoull(f[1], NULL, 10);
    if (!strcmp(f[0], "bigstr")) {
        KrBn a = seeded(&state, strtoul(f[2], NULL, 10), false);
        KrBuf b;
        kr_buf_init(&b, kr_default_allocator);
        KrBnStatus st = kr_bn_to_str(&g_ctx, V(&a), atoi(f[3]), 0, &b);
        CHECK(st == KR_BN_OK && b.len == strtoul(f[5], NULL, 10) &&
                  fnv(b.data, b.len) == strtoull(f[4], NULL, 10),
              "line %d bigstr", line);
        KrBn back;
        kr_bn_init(&back);
        st = kr_bn_parse(&g_ctx, b.data, b.len, atoi(f[3]), 0, 0, &back, NULL);
        CHECK(st == KR_BN_OK && same(V(&back), V(&a)), "line %d bigstr parse back", line);
        bn_free(&back);
        kr_buf_free(&b);
        free_seeded(&a);
        return;
    }
    bool pat = atoi(f[4]);
    KrBn a = seeded(&state, strtoul(f[2], NULL, 10), pat);
    KrBn b = seeded(&state, strtoul(f[3], NULL, 10), pat);
    KrBn r, q;
    kr_bn_init(&r);
    kr_bn_init(&q);
    if (!strcmp(f[0], "bigmul") || !strcmp(f[0], "bigsqr")) {
        KrBnView y = f[0][3] == 's' ? V(&a) : V(&b);
        KrBnStatus st = kr_bn_mul(&g_ctx, V(&a), y, &r);
        CHECK(st == KR_BN_OK && kr_bn_hash(V(&r)) == strtoll(f[5], NULL, 10) &&
                  kr_bn_bit_length(V(&r)) == strtoull(f[6], NULL, 10),
              "line %d %s", line, f[0]);
    } else {
        uint32_t small[2];
        KrBnStatus st = kr_bn_mul(&g_ctx, V(&a), kr_bn_view_i64(7, small), &r);
        if (!st) st = kr_bn_add(&g_ctx, V(&r), kr_bn_view_i64(3, small), &r);
        if (!st) st = kr_bn_divmod(&g_ctx, V(&r), V(&b), &q, &r);
        CHECK(st == KR_BN_OK && kr_bn_hash(V(&q)) == strtoll(f[5], NULL, 10) &&
                  kr_bn_hash(V(&r)) == strtoll(f[6], NULL, 10),
              "line %d bigdiv", line);
    }
    bn_free(&r);
    bn_free(&q);
    free_seeded(&a);
    free_seeded(&b);
}

static void run_case(char **f, int nf, int line) {
    const char *op = f[0];
    (void)nf;
    if (!strcmp(op, "add") || !strcmp(op, "sub") || !strcmp(op, "mul") || !strcmp(op, "and") ||
        !strcmp(op, "or") || !strcmp(op, "xor") || !strcmp(op, "gcd"))
        case_binary(f, line);
    else if (!strcmp(op, "divmod")) case_divmod(f, line);
    else if (!strcmp(op, "cmp")) {
        KrBn a = hex_num(f[1]), b = hex_num(f[2]);
        CHECK(kr_bn_cmp(V(&a), V(&b)) == atoi(f[3]), "line %d cmp", line);
        bn_free(&a);
        bn_free(&b);
    } else if (!strcmp(op, "invert") || !strcmp(op, "neg") || !strcmp(op, "abs") || !strcmp(op, "isqrt") ||
               !strcmp(op, "bitlen") || !strcmp(op, "bitcount") || !strcmp(op, "hash"))
        case_unary(f, line);
    else if (!strcmp(op, "tofloat")) case_tofloat(f, line);
    else if (!strcmp(op, "toi64")) case_toi64(f, line);
    else if (!strcmp(op, "lshift") || !strcmp(op, "rshift")) case_shift(f, line);
    else if (!strcmp(op, "hashf") || !strcmp(op, "fromfloat") || !strcmp(op, "cmpf"))
        case_float_misc(f, line);
    else if (!strcmp(op, "truediv")) case_truediv(f, line);
    else if (!strcmp(op, "pow") || !strcmp(op, "powmod")) case_pow(f, line);
    else if (!strcmp(op, "str")) case_str(f, line);
    else if (!strcmp(op, "parse")) case_parse(f, line);
    else if (!strcmp(op, "tobytes") || !strcmp(op, "frombytes")) case_bytes(f, line);
    else if (!strncmp(op, "big", 3)) case_big(f, line);
    else CHECK(false, "line %d: unknown op %s", line, op);
}

static char *read_file(const char *path) {
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    size_t got = fread(s, 1, (size_t)n, fp);
    s[got] = 0;
    fclose(fp);
    return s;
}

static void run_data(const char *path) {
    char *text = read_file(path);
    if (!text) {
        // Also look next to this source file.
        char alt[1024];
        const char *me = __FILE__, *slash = strrchr(me, '/');
        snprintf(alt, sizeof alt, "%.*sbignum_data/cases.txt", slash ? (int)(slash - me + 1) : 0, me);
        text = read_file(alt);
    }
    CHECK(text != NULL, "cannot read %s", path);
    if (!text) return;
    int line = 0, ncases = 0;
    for (char *p = text; *p;) {
        char *end = strchr(p, '\n');
        if (end) *end = 0;
        line++;
        char *f[MAXF + 1] = {0};
        int nf = 0;
        for (char *tok = strtok(p, " "); tok && nf < MAXF; tok = strtok(NULL, " ")) f[nf++] = tok;
        if (nf > 0) {
            run_case(f, nf, line);
            ncases++;
        }
        if (!end) break;
        p = end + 1;
    }
    printf("data: %d cases from %s\n", ncases, path);
    free(text);
}

// ---- hand-written tests ----

static KrBn from_dec(const char *s) {
    KrBn x;
    kr_bn_init(&x);
    if (kr_bn_parse(&g_ctx, s, strlen(s), 10, 0, 0, &x, NULL)) exit(3);
    return x;
}

static KrBn pow10(unsigned long e) {
    uint32_t b1[2], b2[2];
    KrBn r;
    kr_bn_init(&r);
    KrBnStatus st = kr_bn_pow(&g_ctx, kr_bn_view_i64(10, b1), kr_bn_view_u64(e, b2), &r);
    if (st) {
        fprintf(stderr, "pow10(%lu): %s\n", e, kr_bn_status_str(st));
        exit(4);
    }
    return r;
}

static void test_views(void) {
    uint32_t b[2];
    KrBnView v = kr_bn_view_i64(INT64_MIN, b);
    int64_t x = 0;
    CHECK(v.neg && v.n == 2 && b[1] == 0x80000000u && b[0] == 0, "view INT64_MIN");
    CHECK(kr_bn_to_i64(v, &x) == KR_BN_OK && x == INT64_MIN, "to_i64 INT64_MIN");
    v = kr_bn_view_i64(0, b);
    CHECK(v.n == 0 && !v.neg, "view 0");
    uint32_t raw[3] = {5, 0, 0};
    KrBnView nz = {raw, 3, true};
    CHECK(kr_bn_view_normalize(nz).n == 1, "normalize");
    KrBnView negzero = {raw, 0, true};
    CHECK(kr_bn_cmp(negzero, kr_bn_view_i64(0, b)) == 0, "-0 == 0");
    CHECK(kr_bn_hash(negzero) == 0, "hash -0");
    uint64_t u = 0;
    CHECK(kr_bn_to_u64(kr_bn_view_u64(UINT64_MAX, b), &u) == KR_BN_OK && u == UINT64_MAX, "u64");
    CHECK(kr_bn_to_u64(kr_bn_view_i64(-1, b), &u) == KR_BN_OVERFLOW, "u64 neg");
    CHECK(strcmp(kr_bn_status_str(KR_BN_NEG_SHIFT), "negative shift count") == 0, "status str");
    KrBn r;
    kr_bn_init(&r);
    CHECK(kr_bn_from_double(&g_ctx, INFINITY, &r) == KR_BN_BAD_ARG, "from inf");
    CHECK(kr_bn_from_double(&g_ctx, NAN, &r) == KR_BN_BAD_ARG, "from nan");
    CHECK(kr_hash_double(NAN) == 0, "hash nan");
    KrBuf buf;
    kr_buf_init(&buf, kr_default_allocator);
    CHECK(kr_bn_to_str(&g_ctx, v, 1, 0, &buf) == KR_BN_BAD_ARG, "base 1");
    CHECK(kr_bn_to_str(&g_ctx, v, 37, 0, &buf) == KR_BN_BAD_ARG, "base 37");
    CHECK(kr_bn_parse(&g_ctx, "1", 1, 1, 0, 0, &r, NULL) == KR_BN_BAD_ARG, "parse base 1");
    CHECK(kr_bn_parse(&g_ctx, "1", 1, -1, 0, 0, &r, NULL) == KR_BN_BAD_ARG, "parse base -1");
    CHECK(kr_bn_pow(&g_ctx, kr_bn_view_i64(2, b), kr_bn_view_i64(-1, raw), &r) == KR_BN_BAD_ARG,
          "pow negative exponent");
    CHECK(kr_bn_isqrt(&g_ctx, kr_bn_view_i64(-4, b), &r) == KR_BN_BAD_ARG, "isqrt negative");
    kr_buf_free(&buf);
    bn_free(&r);
}

static void test_small_strings(void) {
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    uint32_t d[2];
    CHECK(kr_bn_to_str(&g_ctx, kr_bn_view_i64(-255, d), 16, 0, &b) == KR_BN_OK &&
              strcmp(b.data, "-ff") == 0, "hex -255");
    CHECK(kr_bn_to_str(&g_ctx, kr_bn_view_i64(0, d), 10, 0, &b) == KR_BN_OK &&
              strcmp(b.data, "-ff0") == 0, "append 0");
    kr_buf_free(&b);
    // str() limit: 10**4300 has 4301 digits, 10**4300 - 1 has 4300.
    KrBn p = pow10(4300), m;
    kr_bn_init(&m);
    kr_buf_init(&b, kr_default_allocator);
    CHECK(kr_bn_to_str(&g_ctx, V(&p), 10, 4300, &b) == KR_BN_LIMIT, "str 10**4300 limit");
    CHECK(kr_bn_sub(&g_ctx, V(&p), kr_bn_view_i64(1, d), &m) == KR_BN_OK, "sub");
    CHECK(kr_bn_to_str(&g_ctx, V(&m), 10, 4300, &b) == KR_BN_OK && b.len == 4300, "4300 digits");
    kr_buf_free(&b);
    m.neg = true;
    kr_buf_init(&b, kr_default_allocator);
    CHECK(kr_bn_to_str(&g_ctx, V(&m), 10, 4300, &b) == KR_BN_OK && b.len == 4301, "-(10**4300-1)");
    kr_buf_free(&b);
    CHECK(kr_bn_str_digits_max(V(&p), 10) >= 4301 && kr_bn_str_digits_max(V(&p), 10) <= 4302,
          "digits max");
    CHECK(kr_bn_str_digits_min(V(&p), 10) <= 4301 && kr_bn_str_digits_min(V(&p), 10) >= 4300,
          "digits min");
    bn_free(&p);
    bn_free(&m);
    // factorial(100) in decimal
    KrBn f;
    kr_bn_init(&f);
    CHECK(kr_bn_from_i64(&g_ctx, 1, &f) == KR_BN_OK, "1");
    for (int i = 2; i <= 100; i++) CHECK(kr_bn_mul(&g_ctx, V(&f), kr_bn_view_i64(i, d), &f) == 0, "fact");
    char *s = to_str(V(&f), 10);
    CHECK(strcmp(s, "933262154439441526816992388562667004907159682643816214685929638952175999932299"
                    "156089414639761565182862536979208272237582511852109168640000000000000000000000"
                    "00") == 0,
          "100!: %s", s);
    free(s);
    bn_free(&f);
}

// Properties checked in C over many sizes around the algorithm cut-offs.
static void test_consistency(void) {
    uint64_t state = 99;
    for (int iter = 0; iter < 300; iter++) {
        size_t abits = 1 + splitmix(&state) % 9000, bbits = 1 + splitmix(&state) % 5000;
        bool pat = iter & 1;
        KrBn a = seeded(&state, abits, pat), b = seeded(&state, bbits, pat);
        if (iter % 3 == 0) a.neg = true;
        if (iter % 5 == 0) b.neg = true;
        KrBn p, q, r, t, sq1, sq2, acopy;
        KrBn *all[] = {&p, &q, &r, &t, &sq1, &sq2, &acopy};
        for (int i = 0; i < 7; i++) kr_bn_init(all[i]);
        bool ok = kr_bn_mul(&g_ctx, V(&a), V(&b), &p) == 0 &&
                  kr_bn_divmod(&g_ctx, V(&p), V(&b), &q, &r) == 0;
        CHECK(ok && same(V(&q), V(&a)) && r.n == 0, "(a*b)//b == a, bits %zu %zu", abits, bbits);
        // divmod identity with a remainder: a == q*b + r, r has b's sign, |r| < |b|.
        ok = kr_bn_divmod(&g_ctx, V(&a), V(&b), &q, &r) == 0 && kr_bn_mul(&g_ctx, V(&q), V(&b), &t) == 0 &&
             kr_bn_add(&g_ctx, V(&t), V(&r), &t) == 0;
        KrBnView ra = V(&r), ba = V(&b);
        ra.neg = ba.neg = false;
        CHECK(ok && same(V(&t), V(&a)) && (r.n == 0 || r.neg == b.neg) && kr_bn_cmp(ra, ba) < 0,
              "divmod identity");
        // Squaring path vs general product of equal values.
        ok = kr_bn_copy(&g_ctx, V(&a), &acopy) == 0 && kr_bn_mul(&g_ctx, V(&a), V(&a), &sq1) == 0 &&
             kr_bn_mul(&g_ctx, V(&a), V(&acopy), &sq2) == 0;
        CHECK(ok && same(V(&sq1), V(&sq2)), "square == product, bits %zu", abits);
        for (int i = 0; i < 7; i++) bn_free(all[i]);
        free_seeded(&a);
        free_seeded(&b);
    }
}

static KrBnStatus try_ops(void) {
    uint32_t b1[2], b2[2], b3[2];
    KrBn r, q, a;
    kr_bn_init(&r);
    kr_bn_init(&q);
    kr_bn_init(&a);
    KrBnStatus st = kr_bn_pow(&g_ctx, kr_bn_view_i64(7, b1), kr_bn_view_i64(3000, b2), &a);
    if (!st) st = kr_bn_mul(&g_ctx, V(&a), V(&a), &r);
    if (!st) st = kr_bn_mul(&g_ctx, V(&a), kr_bn_view_i64(-12345, b1), &r);
    if (!st) st = kr_bn_divmod(&g_ctx, V(&r), V(&a), &q, &r);
    if (!st) st = kr_bn_powmod(&g_ctx, V(&a), kr_bn_view_i64(-3, b1), kr_bn_view_i64(1000003, b2), &q);
    if (!st) st = kr_bn_rshift_u64(&g_ctx, V(&a), 8300, &q); // a ~120-bit exponent
    if (!st) st = kr_bn_powmod(&g_ctx, kr_bn_view_i64(3, b1), V(&q), V(&a), &q);
    if (!st) st = kr_bn_gcd(&g_ctx, V(&a), V(&r), &q);
    if (!st) st = kr_bn_lshift_u64(&g_ctx, V(&a), 77, &q);
    if (!st) st = kr_bn_rshift_u64(&g_ctx, V(&q), 5, &q);
    if (!st) st = kr_bn_xor(&g_ctx, V(&q), kr_bn_view_i64(-5, b3), &q);
    double d;
    if (!st) st = kr_bn_true_div(&g_ctx, V(&a), V(&q), &d);
    KrBuf buf;
    kr_buf_init(&buf, g_ctx.alloc);
    if (!st) st = kr_bn_to_str(&g_ctx, V(&a), 10, 0, &buf);
    if (!st) st = kr_bn_parse(&g_ctx, buf.data, buf.len, 10, KR_BN_PARSE_UNICODE, 0, &q, NULL);
    if (!st) st = kr_bn_from_double(&g_ctx, 1e300, &q);
    if (!st) st = kr_bn_isqrt(&g_ctx, V(&a), &q);
    if (!st) st = kr_bn_to_str(&g_ctx, V(&a), 16, 0, &buf);
    if (!st) st = kr_bn_from_bytes(&g_ctx, (const uint8_t *)buf.data, buf.len, true, true, &q);
    if (!st) st = kr_bn_invert(&g_ctx, V(&q), &q);
    if (!st) st = kr_bn_true_div(&g_ctx, kr_bn_view_i64(1, b1), V(&a), &d);
    kr_buf_free(&buf);
    bn_free(&r);
    bn_free(&q);
    bn_free(&a);
    return st;
}

// Fails the k-th allocation for every k: every operation must report
// KR_BN_NOMEM cleanly, leak nothing, and pass correct sizes to free.
static void test_alloc_failures(void) {
    size_t base_live = g_alloc_state.live, k;
    for (k = 1; k < 100000; k++) {
        g_alloc_state.count = 0;
        g_alloc_state.fail_at = k;
        KrBnStatus st = try_ops();
        g_alloc_state.fail_at = 0;
        CHECK(g_alloc_state.live == base_live, "leak after failing allocation %zu", k);
        if (st == KR_BN_OK) break;
        if (st != KR_BN_NOMEM) {
            CHECK(false, "allocation failure %zu gave %s", k, kr_bn_status_str(st));
            break;
        }
    }
    printf("alloc failure injection: %zu points\n", k);
    CHECK(k > 10 && k < 100000, "injection loop ran");
    CHECK(g_alloc_state.bad_size == 0, "free sizes matched allocations (%zu bad)",
          g_alloc_state.bad_size);
}

static bool tick_stop(void *ud, size_t units) {
    size_t *calls = ud;
    (void)units;
    (*calls)++;
    return false;
}

static bool tick_count(void *ud, size_t units) {
    size_t *total = ud;
    *total += units;
    return true;
}

static void test_cancel(void) {
    size_t base_live = g_alloc_state.live, calls = 0;
    KrBn a = pow10(100000), half = pow10(50000), r;
    kr_bn_init(&r);
    g_ctx.tick = tick_stop;
    g_ctx.tick_ud = &calls;
    CHECK(kr_bn_mul(&g_ctx, V(&a), V(&a), &r) == KR_BN_CANCELLED, "mul cancelled");
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    CHECK(kr_bn_to_str(&g_ctx, V(&a), 10, 0, &b) == KR_BN_CANCELLED && b.len == 0, "str cancelled");
    kr_buf_free(&b);
    uint32_t d1[2], d2[2];
    CHECK(kr_bn_pow(&g_ctx, kr_bn_view_i64(3, d1), kr_bn_view_i64(1000000, d2), &r) == KR_BN_CANCELLED,
          "pow cancelled");
    CHECK(kr_bn_divmod(&g_ctx, V(&a), V(&half), &r, NULL) == KR_BN_CANCELLED, "divmod cancelled");
    CHECK(kr_bn_powmod(&g_ctx, V(&half), V(&half), V(&a), &r) == KR_BN_CANCELLED, "powmod cancelled");
    CHECK(kr_bn_gcd(&g_ctx, V(&a), V(&half), &r) == KR_BN_CANCELLED, "gcd cancelled");
    CHECK(calls >= 5, "tick called (%zu)", calls);
    CHECK(r.n == 0, "out untouched on cancel");
    // A counting tick sees work proportional to the job.
    size_t total = 0;
    g_ctx.tick = tick_count;
    g_ctx.tick_ud = &total;
    CHECK(kr_bn_mul(&g_ctx, V(&a), V(&a), &r) == KR_BN_OK, "mul with tick");
    CHECK(total > 1000000, "mul reported work %zu", total);
    g_ctx.tick = NULL;
    bn_free(&a);
    bn_free(&half);
    bn_free(&r);
    CHECK(g_alloc_state.live == base_live, "no leak after cancel");
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void test_fail_fast(void) {
    uint32_t d1[2], d2[2];
    KrBn r;
    kr_bn_init(&r);
    g_alloc_state.budget = 64u << 20; // a run with a 64 MB heap
    double t0 = now();
    CHECK(kr_bn_pow(&g_ctx, kr_bn_view_i64(10, d1), kr_bn_view_i64(1000000000, d2), &r) == KR_BN_NOMEM,
          "10**10**9 NOMEM");
    CHECK(kr_bn_pow(&g_ctx, kr_bn_view_i64(2, d1), kr_bn_view_i64(1000000000000, d2), &r) == KR_BN_NOMEM,
          "2**10**12 NOMEM");
    CHECK(kr_bn_pow(&g_ctx, kr_bn_view_i64(3, d1), kr_bn_view_u64(UINT64_MAX, d2), &r) == KR_BN_NOMEM,
          "3**(2**64-1) NOMEM");
    KrBn huge_e = pow10(100);
    CHECK(kr_bn_pow(&g_ctx, kr_bn_view_i64(3, d1), V(&huge_e), &r) == KR_BN_NOMEM, "3**10**100");
    CHECK(kr_bn_pow(&g_ctx, kr_bn_view_i64(-1, d1), V(&huge_e), &r) == KR_BN_OK && r.n == 1 && !r.neg,
          "(-1)**10**100");
    CHECK(kr_bn_lshift_u64(&g_ctx, kr_bn_view_i64(1, d1), (uint64_t)1 << 40, &r) == KR_BN_NOMEM,
          "1 << 2**40");
    CHECK(kr_bn_lshift_u64(&g_ctx, kr_bn_view_i64(1, d1), UINT64_MAX, &r) == KR_BN_NOMEM, "1 << huge");
    double t1 = now();
    CHECK(t1 - t0 < 0.5, "fail fast took %.3fs", t1 - t0);
    g_alloc_state.budget = 0;
    // str(10**1000000) with the default limit is refused before converting.
    bn_free(&huge_e);
    KrBn big = pow10(1000000);
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    t0 = now();
    CHECK(kr_bn_to_str(&g_ctx, V(&big), 10, 4300, &b) == KR_BN_LIMIT, "str huge limit");
    CHECK(now() - t0 < 0.05, "str limit fast");
    kr_buf_free(&b);
    bn_free(&big);
    bn_free(&r);
}

static void test_performance(void) {
    KrBn a = pow10(100000), r, s;
    kr_bn_init(&r);
    kr_bn_init(&s);
    double t0 = now();
    KrBnStatus st = kr_bn_mul(&g_ctx, V(&a), V(&a), &r);
    double t1 = now();
    CHECK(st == KR_BN_OK, "big square");
    KrBn c;
    kr_bn_init(&c);
    kr_bn_copy(&g_ctx, V(&a), &c);
    double t2 = now();
    st = kr_bn_mul(&g_ctx, V(&a), V(&c), &s);
    double t3 = now();
    CHECK(st == KR_BN_OK && same(V(&r), V(&s)), "big product == square");
    KrBn p2 = pow10(200000);
    CHECK(same(V(&r), V(&p2)), "10**100000 squared == 10**200000");
    bn_free(&p2);
    printf("perf: 10**100000 squared %.1f ms, times a copy %.1f ms\n", (t1 - t0) * 1e3,
           (t3 - t2) * 1e3);
    uint32_t d1[2], d2[2];
    KrBn t;
    kr_bn_init(&t);
    t0 = now();
    kr_bn_pow(&g_ctx, kr_bn_view_i64(2, d1), kr_bn_view_i64(14000, d2), &t);
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    st = kr_bn_to_str(&g_ctx, V(&t), 10, 0, &b);
    t1 = now();
    CHECK(st == KR_BN_OK && b.len == 4215, "str(2**14000) has 4215 digits");
    KrBn back;
    kr_bn_init(&back);
    t2 = now();
    st = kr_bn_parse(&g_ctx, b.data, b.len, 10, KR_BN_PARSE_UNICODE, 4300, &back, NULL);
    t3 = now();
    CHECK(st == KR_BN_OK && same(V(&back), V(&t)), "parse back 2**14000");
    printf("perf: str(2**14000) %.3f ms, int() of it %.3f ms\n", (t1 - t0) * 1e3, (t3 - t2) * 1e3);
    kr_buf_free(&b);
    t0 = now();
    kr_buf_init(&b, kr_default_allocator);
    st = kr_bn_to_str(&g_ctx, V(&a), 10, 0, &b);
    t1 = now();
    CHECK(st == KR_BN_OK && b.len == 100001, "str(10**100000)");
    printf("perf: str(10**100000) (no limit) %.1f ms\n", (t1 - t0) * 1e3);
    t0 = now();
    st = kr_bn_parse(&g_ctx, b.data, b.len, 10, 0, 0, &back, NULL);
    t1 = now();
    CHECK(st == KR_BN_OK && same(V(&back), V(&a)), "int(str(10**100000))");
    printf("perf: int('1' + '0'*100000) (no limit) %.1f ms\n", (t1 - t0) * 1e3);
    kr_buf_free(&b);
    t0 = now();
    st = kr_bn_pow(&g_ctx, kr_bn_view_i64(3, d1), kr_bn_view_i64(1000000, d2), &t);
    t1 = now();
    CHECK(st == KR_BN_OK && kr_bn_bit_length(V(&t)) == 1584963, "3**1000000");
    printf("perf: 3**1000000 %.1f ms\n", (t1 - t0) * 1e3);
    KrBn half = pow10(50000);
    t0 = now();
    st = kr_bn_divmod(&g_ctx, V(&r), V(&half), &t, &s);
    t1 = now();
    CHECK(st == KR_BN_OK && s.n == 0, "10**200000 // 10**50000");
    printf("perf: 10**200000 // 10**50000 %.1f ms\n", (t1 - t0) * 1e3);
    KrBn x = from_dec("123456789012345678901234567890123456789"), m, p10k = pow10(10000);
    kr_bn_init(&m);
    kr_bn_sub(&g_ctx, V(&p10k), kr_bn_view_i64(3, d1), &m);
    bn_free(&p10k);
    t0 = now();
    st = kr_bn_powmod(&g_ctx, V(&x), V(&x), V(&m), &t);
    t1 = now();
    CHECK(st == KR_BN_OK, "powmod");
    printf("perf: pow(x, x, 10**10000-3), x ~ 2**130: %.1f ms\n", (t1 - t0) * 1e3);
    t0 = now();
    st = kr_bn_gcd(&g_ctx, V(&a), V(&m), &t);
    t1 = now();
    CHECK(st == KR_BN_OK, "gcd");
    printf("perf: gcd(10**100000, 10**10000-3) %.1f ms\n", (t1 - t0) * 1e3);
    bn_free(&x);
    bn_free(&m);
    bn_free(&half);
    bn_free(&back);
    bn_free(&a);
    bn_free(&c);
    bn_free(&r);
    bn_free(&s);
    bn_free(&t);
}

int main(int argc, char **argv) {
    ctx_reset();
    double t0 = now();
    run_data(argc > 1 ? argv[1] : "tests/unit/bignum_data/cases.txt");
    printf("data cases took %.2f s\n", now() - t0);
    void (*tests[])(void) = {test_views,      test_small_strings, test_consistency,
                             test_alloc_failures, test_cancel,     test_fail_fast,
                             test_performance};
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        double t = now();
        tests[i]();
        if (getenv("TB_TIMES")) printf("test %zu took %.2f s\n", i, now() - t);
    }
    CHECK(g_alloc_state.live == 0, "all memory returned (%zu bytes live)", g_alloc_state.live);
    CHECK(g_alloc_state.bad_size == 0, "free sizes matched (%zu)", g_alloc_state.bad_size);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
