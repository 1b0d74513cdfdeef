// test_int.c: unit tests for obj/int.c and obj/float.c through their C
// entry points: small/big normalization at the 48-bit boundary, exact
// int/float comparison, hashing, the time and memory budgets on huge
// bignum work, and an allocation-failure sweep (every failing allocation
// must give KR_EXC with the run's limit set, leak nothing, crash nothing).
// Built and run by `make test-unit`; prints "N passed, N failed" last.
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <time.h>
#include "types.h"

static int passed, failed;

#define CHECK(cond, ...)                                           \
    do {                                                           \
        if (cond) {                                                \
            passed++;                                              \
        } else {                                                   \
            failed++;                                              \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);   \
            fprintf(stderr, __VA_ARGS__);                          \
            fputc('\n', stderr);                                   \
        }                                                          \
    } while (0)

static KrRun *new_run(void) { return kr_run_create(kr_default_allocator); }

// str(v) compared with text (false when it raises).
static bool str_is(KrRun *r, KrValue v, const char *text) {
    if (v == KR_EXC) return false;
    KrValue s = kr_int_check(v) ? kr_int_to_str(r, v, 10) : kr_repr(r, v);
    return s != KR_EXC && strcmp(kr_as_str(s)->data, text) == 0;
}

static KrValue parse(KrRun *r, const char *s) { return kr_int_from_str(r, s, strlen(s), 10); }

static void test_boundaries(void) {
    KrRun *r = new_run();
    KrValue max = kr_int_from_i64(r, KR_SMALL_MAX), min = kr_int_from_i64(r, KR_SMALL_MIN);
    CHECK(kr_is_small(max) && kr_is_small(min), "small range ends are small");
    KrValue over = kr_int_binary(r, max, kr_from_small(1), KR_BIN_ADD);
    CHECK(kr_is_ptr(over) && str_is(r, over, "140737488355328"), "SMALL_MAX + 1 is big");
    KrValue back = kr_int_binary(r, over, kr_from_small(1), KR_BIN_SUB);
    CHECK(back == max, "big - 1 normalizes to the small int");
    KrValue under = kr_int_binary(r, min, kr_from_small(-1), KR_BIN_ADD);
    CHECK(kr_is_ptr(under) && str_is(r, under, "-140737488355329"), "SMALL_MIN - 1 is big");
    KrValue neg = kr_unary(r, min, KR_UN_NEG);
    CHECK(kr_is_ptr(neg) && str_is(r, neg, "140737488355328"), "-SMALL_MIN is big");
    CHECK(kr_unary(r, max, KR_UN_INVERT) == min, "~SMALL_MAX == SMALL_MIN");
    KrValue i64min = kr_int_from_i64(r, INT64_MIN);
    int64_t out = 0;
    CHECK(kr_int_to_i64(i64min, &out) && out == INT64_MIN, "INT64_MIN round trip");
    KrValue big = kr_int_binary(r, i64min, kr_from_small(-1), KR_BIN_MUL);
    CHECK(!kr_int_to_i64(big, &out) && str_is(r, big, "9223372036854775808"), "-INT64_MIN overflows int64");
    KrValue q = kr_int_binary(r, big, big, KR_BIN_FLOORDIV);
    CHECK(q == kr_from_small(1), "big // big == small 1");
    KrValue sh = kr_int_binary(r, kr_from_small(1), kr_from_small(47), KR_BIN_LSHIFT);
    CHECK(kr_is_ptr(sh) && kr_int_cmp(sh, over) == 0, "1 << 47 == big");
    CHECK(kr_int_binary(r, over, kr_from_small(1), KR_BIN_RSHIFT) == kr_from_small((int64_t)1 << 46),
          "big >> 1 is small");
    KrValue p = kr_int_binary(r, kr_from_small(-3), kr_from_small(39), KR_BIN_POW);
    CHECK(str_is(r, p, "-4052555153018976267"), "(-3) ** 39");
    KrValue f = kr_int_from_double(r, 0x1p47);
    CHECK(kr_is_ptr(f) && kr_int_cmp(f, over) == 0, "int(2.0**47) is the big 2**47");
    CHECK(kr_int_from_double(r, -0x1p47) == min, "int(-2.0**47) is small");
    kr_run_destroy(r);
}

static void test_parse_and_str(void) {
    KrRun *r = new_run();
    KrValue v = parse(r, " -123_456_789_012_345_678_901_234_567_890 ");
    CHECK(str_is(r, v, "-123456789012345678901234567890"), "parse big");
    KrValue hex = kr_int_to_str(r, v, 16);
    CHECK(hex != KR_EXC && strcmp(kr_as_str(hex)->data, "-18ee90ff6c373e0ee4e3f0ad2") == 0, "hex of big");
    CHECK(parse(r, "0") == kr_from_small(0), "parse 0 small");
    CHECK(parse(r, "12a") == KR_EXC && kr_pending_is(r, &kr_exc_ValueError), "invalid literal");
    kr_clear_exc(r);
    CHECK(kr_int_from_str(r, "1", 1, 37) == KR_EXC && kr_pending_is(r, &kr_exc_ValueError), "bad base");
    kr_clear_exc(r);
    char digits[4302];
    memset(digits, '7', 4301);
    digits[4301] = 0;
    CHECK(parse(r, digits) == KR_EXC && kr_pending_is(r, &kr_exc_ValueError), "4301 digits refused");
    kr_clear_exc(r);
    digits[4300] = 0;
    v = parse(r, digits);
    CHECK(v != KR_EXC && kr_int_to_str(r, v, 10) != KR_EXC, "4300 digits round trip");
    KrValue ten = kr_int_binary(r, v, kr_from_small(10), KR_BIN_MUL);
    CHECK(kr_int_to_str(r, ten, 10) == KR_EXC && kr_pending_is(r, &kr_exc_ValueError), "str of 4301 digits");
    kr_clear_exc(r);
    CHECK(kr_int_to_str(r, ten, 16) != KR_EXC, "hex has no limit");
    kr_run_destroy(r);
}

static void test_hash_and_compare(void) {
    KrRun *r = new_run();
    CHECK(kr_int_hash(kr_from_small(-1)) == -2, "hash(-1)");
    CHECK(kr_int_hash(KR_TRUE) == 1, "hash(True)");
    KrValue p61 = kr_int_binary(r, kr_from_small(2), kr_from_small(61), KR_BIN_POW);
    CHECK(kr_int_hash(p61) == 1, "hash(2**61) == 1");
    KrValue p53 = kr_int_binary(r, kr_from_small(2), kr_from_small(53), KR_BIN_POW);
    KrValue p53_1 = kr_int_binary(r, p53, kr_from_small(1), KR_BIN_ADD);
    CHECK(kr_int_cmp_double(p53_1, 0x1p53) == 1, "2**53+1 > 2.0**53");
    CHECK(kr_int_cmp_double(p53, 0x1p53) == 0, "2**53 == 2.0**53");
    CHECK(kr_int_cmp_double(kr_from_small(3), NAN) == 2, "nan unordered");
    CHECK(kr_int_cmp_double(p61, INFINITY) == -1, "int < inf");
    KrValue c = kr_compare(r, kr_from_double(0x1p53), p53_1, KR_CMP_LT);
    CHECK(c == KR_TRUE, "2.0**53 < 2**53+1 through float's slot");
    CHECK(kr_float_hash(1.0) == kr_int_hash(kr_from_small(1)), "hash(1.0) == hash(1)");
    CHECK(kr_float_hash(0x1p61) == kr_int_hash(p61), "hash(2.0**61) == hash(2**61)");
    kr_run_destroy(r);
}

static void test_float(void) {
    KrRun *r = new_run();
    CHECK(kr_float_pow(r, 10.0, 400.0) == KR_EXC && kr_pending_is(r, &kr_exc_OverflowError), "10.0**400");
    kr_clear_exc(r);
    KrValue z = kr_float_pow(r, -8.0, 1.0 / 3);
    CHECK(kr_complex_check(z) && ((KrComplex *)kr_as_obj(z))->re == 1.0000000000000002 &&
              ((KrComplex *)kr_as_obj(z))->im == 1.7320508075688772,
          "(-8.0) ** (1/3) is complex, as CPython's (1.0000000000000002+1.7320508075688772j)");
    CHECK(kr_float_pow(r, 0.0, -1.0) == KR_EXC && kr_pending_is(r, &kr_exc_ZeroDivisionError), "0.0 ** -1");
    kr_clear_exc(r);
    KrValue v = kr_float_pow(r, -2.0, 3.0);
    CHECK(v != KR_EXC && kr_as_double(v) == -8.0, "(-2.0) ** 3");
    KrValue s = kr_float_repr(r, 0.1);
    CHECK(s != KR_EXC && strcmp(kr_as_str(s)->data, "0.1") == 0, "repr(0.1)");
    double d;
    CHECK(kr_float_from_value(r, KR_TRUE, &d) && d == 1.0, "float_from_value(True)");
    CHECK(!kr_float_from_value(r, KR_NONE, &d) && kr_pending_is(r, &kr_exc_TypeError), "float_from_value(None)");
    kr_clear_exc(r);
    KrValue dm = kr_number_divmod(r, kr_from_double(7.5), kr_from_small(-2));
    CHECK(str_is(r, dm, "(-4.0, -0.5)"), "divmod(7.5, -2)");
    dm = kr_number_divmod(r, kr_from_small(-7), kr_from_small(2));
    CHECK(str_is(r, dm, "(-4, 1)"), "divmod(-7, 2)");
    KrValue pm = kr_int_powmod(r, kr_from_small(3), kr_from_small(-1), kr_from_small(-7));
    CHECK(pm == kr_from_small(-2), "pow(3, -1, -7) == -2");
    kr_run_destroy(r);
}

static double seconds_since(const struct timespec *t0) {
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

// 10 ** 10 ** 7 takes seconds; a 50 ms budget must stop it promptly.
static void test_time_limit(void) {
    KrRun *r = new_run();
    r->limits.max_duration_ns = 50u * 1000u * 1000u;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    KrValue e = kr_from_small(10000000);
    KrValue big = kr_int_binary(r, kr_from_small(10), e, KR_BIN_POW);
    if (big != KR_EXC) big = kr_int_binary(r, big, big, KR_BIN_MUL);
    if (big != KR_EXC) big = kr_int_binary(r, big, kr_from_small(7), KR_BIN_FLOORDIV);
    double took = seconds_since(&t0);
    CHECK(big == KR_EXC && r->limit_hit == KR_LIMIT_DURATION, "time limit ends 10**10**7 (limit %d)",
          (int)r->limit_hit);
    CHECK(took < 1.0, "stopped promptly (%.3f s)", took);
    kr_run_destroy(r);
}

static void test_memory_limit(void) {
    KrRun *r = new_run();
    r->limits.max_memory = 1u << 20;
    KrValue big = kr_int_binary(r, kr_from_small(10), kr_from_small(10000000), KR_BIN_POW);
    CHECK(big == KR_EXC && r->limit_hit == KR_LIMIT_MEMORY, "memory limit ends 10**10**7");
    kr_run_destroy(r);
    r = new_run();
    KrValue huge = kr_int_binary(r, kr_from_small(1), kr_int_from_i64(r, INT64_MAX), KR_BIN_LSHIFT);
    CHECK(huge == KR_EXC && (r->limit_hit || kr_pending_is(r, &kr_exc_MemoryError)), "1 << huge fails");
    kr_run_destroy(r);
}

// Runs a batch of big-int work; returns false at the first failure, which
// must then be a limit error.
static bool workload(KrRun *r) {
    KrValue a = parse(r, "98765432109876543210987654321098765432109876543210");
    if (a == KR_EXC) return false;
    KrValue b = kr_int_binary(r, a, kr_from_small(77), KR_BIN_POW);
    if (b == KR_EXC) return false;
    KrValue c = kr_int_binary(r, b, a, KR_BIN_MOD);
    if (c == KR_EXC) return false;
    KrValue d = kr_number_divmod(r, b, a);
    if (d == KR_EXC) return false;
    KrValue s = kr_int_to_str(r, b, 10);
    if (s == KR_EXC) return false;
    KrValue m = kr_int_powmod(r, a, b, kr_from_small(1000003));
    if (m == KR_EXC) return false;
    KrValue n = kr_unary(r, b, KR_UN_INVERT);
    if (n == KR_EXC) return false;
    KrValue x = kr_int_binary(r, n, a, KR_BIN_XOR);
    if (x == KR_EXC) return false;
    KrValue q = kr_int_binary(r, a, x, KR_BIN_TRUEDIV);
    if (q == KR_EXC) return false;
    KrValue spec = kr_str_from_cstr(r, ",");
    if (spec == KR_EXC) return false;
    // int.__format__ directly (kr_format itself allocates the name unchecked).
    static const KrStr name = KR_STATIC_STR("__format__");
    const KrMethodDef *fm = kr_find_method(&kr_type_int, &name);
    KrValue f = fm->fn(r, a, 1, &spec, KR_NULL);
    if (f == KR_EXC) return false;
    KrValue h = kr_int_from_double(r, 1e300);
    return h != KR_EXC;
}

static void test_alloc_sweep(void) {
    bool completed = false;
    for (size_t limit = 1; limit < 400 && !completed; limit++) {
        KrRun *r = new_run();
        r->limits.max_allocations = limit;
        completed = workload(r);
        if (!completed && !r->limit_hit && r->exc != KR_NULL) {
            KrValue m = kr_exc_str(r, r->exc);
            fprintf(stderr, "  limit %zu: %s: %s\n", limit, kr_type_name(r->exc),
                    m == KR_EXC ? "?" : kr_as_str(m)->data);
        }
        CHECK(completed || r->limit_hit == KR_LIMIT_ALLOCS, "alloc limit %zu: failure is the limit", limit);
        kr_heap_free_all(r);
        CHECK(r->heap_bytes == 0, "alloc limit %zu: %zu bytes leaked", limit, r->heap_bytes);
        kr_run_destroy(r);
    }
    CHECK(completed, "workload completes with enough allocations");
}

int main(void) {
    test_boundaries();
    test_parse_and_str();
    test_hash_and_compare();
    test_float();
    test_time_limit();
    test_memory_limit();
    test_alloc_sweep();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
