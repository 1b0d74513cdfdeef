// int.c: the int and bool types. An int is either a small int held in the
// value word (48-bit, see value.h) or a KrBigInt for a value outside that
// range: every result that fits is made small again, so two equal ints are
// never one small and one big. Small operands take overflow-checked C
// paths; the rest goes through the bignum library. bool is an int subclass
// whose only values are KR_TRUE / KR_FALSE. int/float mixes are left to
// float's slots (obj/float.c): int's slots answer KR_NOTIMPL for them.
#include <math.h>
#include "../bignum.h"
#include "class.h"
#include "numbers.h"
#include "../runsnap.h"

static const KrSnapOps int_snap;

#define INT_MAX_STR KR_BN_MAX_STR_DIGITS_DEFAULT

// ---- values ------------------------------------------------------------------------

bool kr_int_check(KrValue v) {
    return kr_is_small(v) || kr_is_bool(v) || (kr_is_ptr(v) && kr_isinstance(v, &kr_type_int));
}

// The value of a small int or a bool; false for a KrBigInt.
static bool int_small(KrValue v, int64_t *out) {
    if (kr_is_small(v)) {
        *out = kr_as_small(v);
        return true;
    }
    if (kr_is_bool(v)) {
        *out = v == KR_TRUE;
        return true;
    }
    return false;
}

static const KrBigInt *int_big(KrValue v) { return (const KrBigInt *)kr_as_obj(v); }

// A bignum view of any int; buf backs the digits of a small value.
static KrBnView int_view(KrValue v, uint32_t buf[2]) {
    int64_t i;
    if (int_small(v, &i)) return kr_bn_view_i64(i, buf);
    const KrBigInt *b = int_big(v);
    KrBnView w = {b->d, b->n, b->neg};
    return kr_bn_view_normalize(w);
}

static size_t int_objsize(const KrObj *o) {
    return sizeof(KrBigInt) + ((const KrBigInt *)o)->n * sizeof(uint32_t);
}

KrValue kr_int_nomem(KrRun *r) {
    // A refused allocation already ended the run with its limit error; a
    // size that overflowed before anything was asked for is MemoryError.
    if (r->limit_hit) return KR_EXC;
    return kr_raise_value(r, kr_from_obj(&kr_exc_MemoryError));
}

static KrBigInt *int_alloc(KrRun *r, size_t ndigits) {
    size_t size;
    if (!kr_size_mul(ndigits, sizeof(uint32_t), &size) || !kr_size_add(size, sizeof(KrBigInt), &size)) {
        kr_int_nomem(r);
        return NULL;
    }
    KrBigInt *b = kr_gc_alloc(r, &kr_type_int, size);
    if (!b) return NULL;
    b->n = ndigits;
    b->neg = false;
    return b;
}

// A new int equal to v: small when it fits, else a copy of the digits.
static KrValue int_from_view(KrRun *r, KrBnView v) {
    int64_t i;
    v = kr_bn_view_normalize(v);
    if (v.n <= 2 && kr_bn_to_i64(v, &i) == KR_BN_OK && kr_fits_small(i)) return kr_from_small(i);
    KrBigInt *b = int_alloc(r, v.n);
    if (!b) return KR_EXC;
    memcpy(b->d, v.d, v.n * sizeof(uint32_t));
    b->neg = v.neg;
    return kr_from_obj(b);
}

KrValue kr_int_from_i64(KrRun *r, int64_t i) {
    if (kr_fits_small(i)) return kr_from_small(i);
    uint32_t buf[2];
    return int_from_view(r, kr_bn_view_i64(i, buf));
}

// A plain int with the value of any int (bools become 0 and 1).
static KrValue int_exact(KrRun *r, KrValue v) {
    int64_t i;
    if (int_small(v, &i)) return kr_from_small(i);
    if (kr_as_obj(v)->type == &kr_type_int) return v;
    uint32_t buf[2];
    return int_from_view(r, int_view(v, buf));
}

bool kr_int_to_i64(KrValue v, int64_t *out) {
    if (int_small(v, out)) return true;
    uint32_t buf[2];
    return kr_bn_to_i64(int_view(v, buf), out) == KR_BN_OK;
}

int kr_int_sign(KrValue v) {
    int64_t i;
    if (int_small(v, &i)) return (i > 0) - (i < 0);
    uint32_t buf[2];
    KrBnView w = int_view(v, buf);
    return w.n == 0 ? 0 : w.neg ? -1 : 1;
}

int kr_int_cmp(KrValue a, KrValue b) {
    int64_t x, y;
    if (int_small(a, &x) && int_small(b, &y)) return (x > y) - (x < y);
    uint32_t ba[2], bb[2];
    return kr_bn_cmp(int_view(a, ba), int_view(b, bb));
}

int kr_int_cmp_double(KrValue a, double d) {
    int64_t x;
    if (isnan(d)) return 2;
    // A small int converts to a double exactly, so this compare is exact.
    if (int_small(a, &x)) return ((double)x > d) - ((double)x < d);
    uint32_t buf[2];
    return kr_bn_cmp_double(int_view(a, buf), d);
}

int64_t kr_int_hash(KrValue v) {
    int64_t i;
    // |i| < 2^61 - 1, so a small int is its own hash (but -1 is reserved).
    if (int_small(v, &i)) return i == -1 ? -2 : i;
    uint32_t buf[2];
    return kr_bn_hash(int_view(v, buf));
}

// ---- the bignum library ----------------------------------------------------------------

static bool int_tick(void *ud, size_t work) {
    // Called about every 2^18 digit operations: charge enough for the run
    // to look at its clock on every call.
    size_t cost = work / 16 + 1;
    return kr_run_tick((KrRun *)ud, cost > (1u << 24) ? (int32_t)(1u << 24) : (int32_t)cost);
}

static KrBnCtx int_ctx(KrRun *r) {
    KrBnCtx c = {kr_run_allocator(r), int_tick, r};
    return c;
}

// Raises the exception for a failed library call; msg is the text for
// DIVZERO and OVERFLOW, whose messages depend on the operation.
static KrValue int_fail(KrRun *r, KrBnStatus st, const char *msg) {
    switch (st) {
    case KR_BN_NOMEM: return kr_int_nomem(r);
    case KR_BN_CANCELLED: return r->limit_hit ? KR_EXC : kr_raise_limit(r, KR_LIMIT_CANCEL, 0);
    case KR_BN_DIVZERO: return kr_raise(r, &kr_exc_ZeroDivisionError, "%s", msg ? msg : "division by zero");
    case KR_BN_OVERFLOW: return kr_raise(r, &kr_exc_OverflowError, "%s", msg ? msg : "int too big to convert");
    case KR_BN_LIMIT:
        return kr_raise(r, &kr_exc_ValueError,
                        "Exceeds the limit (%d digits) for integer string conversion; use "
                        "sys.set_int_max_str_digits() to increase the limit",
                        INT_MAX_STR);
    case KR_BN_NEG_SHIFT:
    case KR_BN_MOD_ZERO:
    case KR_BN_NOT_INVERTIBLE: return kr_raise(r, &kr_exc_ValueError, "%s", kr_bn_status_str(st));
    default: return kr_raise(r, &kr_exc_SystemError, "int: %s", kr_bn_status_str(st));
    }
}

// Ends a library call: the result as an int (x is freed either way).
static KrValue int_done(KrRun *r, const KrBnCtx *ctx, KrBnStatus st, KrBn *x, const char *msg) {
    KrValue v = st == KR_BN_OK ? int_from_view(r, kr_bn_view(x)) : int_fail(r, st, msg);
    kr_bn_free(ctx, x);
    return v;
}

// ---- conversions -----------------------------------------------------------------------

bool kr_int_to_double(KrRun *r, KrValue v, double *out) {
    int64_t i;
    if (int_small(v, &i)) {
        *out = (double)i;
        return true;
    }
    uint32_t buf[2];
    if (kr_bn_to_double(int_view(v, buf), out) == KR_BN_OK) return true;
    kr_raise(r, &kr_exc_OverflowError, "int too large to convert to float");
    return false;
}

KrValue kr_int_from_double(KrRun *r, double d) {
    if (isnan(d)) return kr_raise(r, &kr_exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(d)) return kr_raise(r, &kr_exc_OverflowError, "cannot convert float infinity to integer");
    if (fabs(d) < 0x1p47) return kr_from_small((int64_t)d);
    KrBnCtx ctx = int_ctx(r);
    KrBn x;
    kr_bn_init(&x);
    return int_done(r, &ctx, kr_bn_from_double(&ctx, d, &x), &x, NULL);
}

// Writes the digits of u in base (2..36) ending just before `end`; returns
// the start. 64 bytes of room suffice.
static char *int_u64_digits(char *end, uint64_t u, unsigned base) {
    do {
        unsigned dig = (unsigned)(u % base);
        *--end = (char)(dig < 10 ? '0' + dig : 'a' + dig - 10);
        u /= base;
    } while (u);
    return end;
}

static uint64_t int_abs_u64(int64_t i) { return i < 0 ? 0 - (uint64_t)i : (uint64_t)i; }

// Appends |v| (magnitude only when `magnitude`) in base to out. Base 10
// obeys CPython's 4300-digit limit.
static bool int_append_digits(KrRun *r, KrBuf *out, KrValue v, int base, bool magnitude) {
    int64_t i;
    if (int_small(v, &i)) {
        char tmp[72];
        char *end = tmp + sizeof tmp;
        char *s = int_u64_digits(end, int_abs_u64(i), (unsigned)base);
        if (i < 0 && !magnitude) *--s = '-';
        if (kr_buf_append(out, s, (size_t)(end - s))) return true;
        kr_int_nomem(r);
        return false;
    }
    uint32_t buf[2];
    KrBnView w = int_view(v, buf);
    if (magnitude) w.neg = false;
    KrBnCtx ctx = int_ctx(r);
    KrBnStatus st = kr_bn_to_str(&ctx, w, base, INT_MAX_STR, out);
    if (st == KR_BN_OK) return true;
    int_fail(r, st, NULL);
    return false;
}

KrValue kr_int_to_str(KrRun *r, KrValue v, int base) {
    int64_t i;
    if (int_small(v, &i)) {
        char tmp[72];
        char *end = tmp + sizeof tmp;
        char *s = int_u64_digits(end, int_abs_u64(i), (unsigned)base);
        if (i < 0) *--s = '-';
        return kr_str_new(r, s, (size_t)(end - s));
    }
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    KrValue s = int_append_digits(r, &b, v, base, false) ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

// The host boundary moves ints of any size: no digit limit there.
bool kr_int_to_decimal(KrRun *r, KrValue v, KrBuf *out) {
    uint32_t buf[2];
    KrBnCtx ctx = int_ctx(r);
    KrBnStatus st = kr_bn_to_str(&ctx, int_view(v, buf), 10, 0, out);
    if (st == KR_BN_OK) return true;
    int_fail(r, st, NULL);
    return false;
}

KrValue kr_int_from_decimal(KrRun *r, const char *s, size_t n) {
    KrBnCtx ctx = int_ctx(r);
    KrBn x;
    kr_bn_init(&x);
    KrBnStatus st = kr_bn_parse(&ctx, s, n, 10, 0, 0, &x, NULL);
    if (st != KR_BN_INVALID) return int_done(r, &ctx, st, &x, NULL);
    kr_bn_free(&ctx, &x);
    return kr_raise(r, &kr_exc_ValueError, "invalid decimal integer from the host");
}

// ---- parsing -----------------------------------------------------------------------------

// Byte length of the first `ncp` code points of UTF-8 text s (n bytes).
static size_t int_utf8_prefix(const char *s, size_t n, size_t ncp) {
    size_t i = 0;
    while (i < n && ncp) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
        ncp--;
    }
    return i;
}

// ValueError "invalid literal for int() with base 10: 'abc'" quoting the
// original argument's repr, cut to 200 characters as CPython's %.200R.
static KrValue int_invalid_literal(KrRun *r, int base, KrValue orig) {
    KrValue rep = kr_repr(r, orig);
    if (rep == KR_EXC) return KR_EXC;
    KrStr *s = kr_as_str(rep);
    size_t n = int_utf8_prefix(s->data, s->nbytes, 200);
    return kr_raise(r, &kr_exc_ValueError, "invalid literal for int() with base %d: %.*s", base, (int)n,
                    s->data);
}

// int('42'): up to 15 ASCII decimal digits with an optional sign and ASCII
// spaces around; anything else (underscores, other digits, prefixes)
// returns false for the general parser.
static bool int_parse_short(const char *s, size_t n, int64_t *out) {
    size_t i = 0;
    while (i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) i++;
    bool neg = i < n && s[i] == '-';
    if (i < n && (s[i] == '-' || s[i] == '+')) i++;
    size_t start = i;
    int64_t v = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9' && i - start < 15) v = v * 10 + (s[i++] - '0');
    if (i == start) return false;
    while (i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) i++;
    if (i != n) return false;
    *out = neg ? -v : v;
    return true;
}

// Parses text (UTF-8 str text when `unicode`, else bytes); orig is the
// object for the error message (KR_NULL: make a str from the text).
static KrValue int_parse(KrRun *r, const char *s, size_t n, int base, bool unicode, KrValue orig) {
    int64_t small;
    if (base == 10 && int_parse_short(s, n, &small) && kr_fits_small(small)) return kr_from_small(small);
    KrBnCtx ctx = int_ctx(r);
    KrBn x;
    kr_bn_init(&x);
    size_t ndigits = 0;
    KrBnStatus st = kr_bn_parse(&ctx, s, n, base, unicode ? KR_BN_PARSE_UNICODE : 0, INT_MAX_STR, &x, &ndigits);
    if (st != KR_BN_INVALID && st != KR_BN_LIMIT) return int_done(r, &ctx, st, &x, NULL);
    kr_bn_free(&ctx, &x);
    if (st == KR_BN_LIMIT)
        return kr_raise(r, &kr_exc_ValueError,
                        "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; "
                        "use sys.set_int_max_str_digits() to increase the limit",
                        INT_MAX_STR, ndigits);
    if (orig == KR_NULL) {
        orig = kr_str_new(r, s, n);
        if (orig == KR_EXC) return KR_EXC;
    }
    return int_invalid_literal(r, base, orig);
}

KrValue kr_int_from_str(KrRun *r, const char *s, size_t n, int base) {
    if ((base != 0 && base < 2) || base > 36)
        return kr_raise(r, &kr_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    return int_parse(r, s, n, base, true, KR_NULL);
}

// ---- arithmetic --------------------------------------------------------------------------

static int64_t int_floordiv64(int64_t x, int64_t y) {
    int64_t q = x / y;
    if (x % y != 0 && (x < 0) != (y < 0)) q--;
    return q;
}

static int64_t int_mod64(int64_t x, int64_t y) {
    int64_t m = x % y;
    if (m != 0 && (m < 0) != (y < 0)) m += y;
    return m;
}

// x ** y for y >= 0 by squaring; KR_NULL when it leaves the int64 range.
static KrValue int_small_pow(KrRun *r, int64_t x, int64_t y) {
    int64_t acc = 1, base = x;
    while (y) {
        if ((y & 1) && __builtin_mul_overflow(acc, base, &acc)) return KR_NULL;
        y >>= 1;
        if (y && __builtin_mul_overflow(base, base, &base)) return KR_NULL;
    }
    return kr_int_from_i64(r, acc);
}

static KrValue int_neg_shift(KrRun *r) { return kr_raise(r, &kr_exc_ValueError, "negative shift count"); }

static KrValue int_small_shift(KrRun *r, int64_t x, int64_t y, bool left) {
    if (y < 0) return int_neg_shift(r);
    if (!left) {
        if (y > 62) y = 62; // every small int shifted by 62 is 0 or -1
        return kr_from_small(x >= 0 ? x >> y : ~(~x >> y));
    }
    if (x == 0) return kr_from_small(0);
    // |x| < 2^(62-y) keeps |x * 2^y| below 2^62.
    if (y <= 62 && int_abs_u64(x) < ((uint64_t)1 << (62 - y))) return kr_int_from_i64(r, x * ((int64_t)1 << y));
    return KR_NULL;
}

// Arithmetic on small values; KR_NULL when the bignum path must finish.
static KrValue int_small_binary(KrRun *r, int64_t x, int64_t y, KrBinOp op) {
    int64_t z;
    switch (op) {
    case KR_BIN_ADD: return kr_int_from_i64(r, x + y);
    case KR_BIN_SUB: return kr_int_from_i64(r, x - y);
    case KR_BIN_MUL: return __builtin_mul_overflow(x, y, &z) ? KR_NULL : kr_int_from_i64(r, z);
    case KR_BIN_TRUEDIV:
        if (y == 0) return kr_raise(r, &kr_exc_ZeroDivisionError, "division by zero");
        return kr_from_double((double)x / (double)y); // both exact: one rounding
    case KR_BIN_FLOORDIV:
        if (y == 0) return kr_raise(r, &kr_exc_ZeroDivisionError, "integer division or modulo by zero");
        return kr_int_from_i64(r, int_floordiv64(x, y));
    case KR_BIN_MOD:
        if (y == 0) return kr_raise(r, &kr_exc_ZeroDivisionError, "integer modulo by zero");
        return kr_from_small(int_mod64(x, y));
    case KR_BIN_POW:
        if (y < 0) return kr_float_pow(r, (double)x, (double)y);
        return int_small_pow(r, x, y);
    case KR_BIN_LSHIFT: return int_small_shift(r, x, y, true);
    case KR_BIN_RSHIFT: return int_small_shift(r, x, y, false);
    // Bitwise results of 48-bit values stay within 48 bits.
    case KR_BIN_AND: return kr_from_small(x & y);
    case KR_BIN_OR: return kr_from_small(x | y);
    case KR_BIN_XOR: return kr_from_small(x ^ y);
    default: return KR_NOTIMPL;
    }
}

static KrValue int_big_truediv(KrRun *r, const KrBnCtx *ctx, KrBnView x, KrBnView y) {
    double d;
    KrBnStatus st = kr_bn_true_div(ctx, x, y, &d);
    if (st == KR_BN_OK) return kr_from_double(d);
    return int_fail(r, st, st == KR_BN_DIVZERO ? "division by zero" : "integer division result too large for a float");
}

// a ** b with b < 0: a float result, as CPython (both sides become floats).
static KrValue int_pow_negative(KrRun *r, KrValue a, KrValue b) {
    double x, y;
    if (!kr_int_to_double(r, a, &x) || !kr_int_to_double(r, b, &y)) return KR_EXC;
    return kr_float_pow(r, x, y);
}

// Results whose size is chosen by an operand (a << n, a ** n) are capped
// at 2^37 bits (16 GiB): past that CPython fails with MemoryError on any
// real machine (or works for hours), and asking the host allocator for
// such sizes is pointless. The check uses a lower bound of the size.
#define INT_MAX_BITS ((uint64_t)1 << 37)

static bool int_too_big(KrBnView x, KrBnView count, bool pow) {
    uint64_t len = kr_bn_bit_length(x), n;
    if (len == 0 || (pow && len == 1) || count.neg) return false; // 0, 1, -1
    if (kr_bn_to_u64(count, &n) != KR_BN_OK) return true;
    if (n == 0) return false;
    uint64_t low = pow ? len - 1 : len;
    return n > INT_MAX_BITS || (pow ? low > INT_MAX_BITS / n : low + n > INT_MAX_BITS);
}

// CPython's `a << count` makes an int of count // 30 more 30-bit digits:
// past its most digits ((2^63 - 25) / 4) that is "too many digits".
static bool int_shift_too_many_digits(KrBnView count) {
    double d;
    return kr_bn_bit_length(count) > 65 &&
           (kr_bn_to_double(count, &d) != KR_BN_OK || d / 30.0 >= 2305843009213693945.0);
}

static KrValue int_big_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    uint32_t ba[2], bb[2];
    KrBnView x = int_view(a, ba), y = int_view(b, bb);
    KrBnCtx ctx = int_ctx(r);
    KrBn out;
    kr_bn_init(&out);
    KrBnStatus st;
    const char *msg = NULL;
    if (op == KR_BIN_LSHIFT && !y.neg && kr_bn_bit_length(x) && int_shift_too_many_digits(y))
        return kr_raise(r, &kr_exc_OverflowError, "too many digits in integer");
    if ((op == KR_BIN_POW || op == KR_BIN_LSHIFT) && int_too_big(x, y, op == KR_BIN_POW)) return kr_int_nomem(r);
    switch (op) {
    case KR_BIN_ADD: st = kr_bn_add(&ctx, x, y, &out); break;
    case KR_BIN_SUB: st = kr_bn_sub(&ctx, x, y, &out); break;
    case KR_BIN_MUL: st = kr_bn_mul(&ctx, x, y, &out); break;
    case KR_BIN_TRUEDIV: return int_big_truediv(r, &ctx, x, y);
    case KR_BIN_FLOORDIV:
        msg = "integer division or modulo by zero";
        st = kr_bn_floordiv(&ctx, x, y, &out);
        break;
    case KR_BIN_MOD:
        msg = "integer modulo by zero";
        st = kr_bn_mod(&ctx, x, y, &out);
        break;
    case KR_BIN_POW:
        if (y.neg) return int_pow_negative(r, a, b);
        st = kr_bn_pow(&ctx, x, y, &out);
        break;
    case KR_BIN_LSHIFT: st = kr_bn_lshift(&ctx, x, y, &out); break;
    case KR_BIN_RSHIFT: st = kr_bn_rshift(&ctx, x, y, &out); break;
    case KR_BIN_AND: st = kr_bn_and(&ctx, x, y, &out); break;
    case KR_BIN_OR: st = kr_bn_or(&ctx, x, y, &out); break;
    case KR_BIN_XOR: st = kr_bn_xor(&ctx, x, y, &out); break;
    default: return KR_NOTIMPL;
    }
    return int_done(r, &ctx, st, &out, msg);
}

KrValue kr_int_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    if (!kr_int_check(a) || !kr_int_check(b)) return KR_NOTIMPL;
    int64_t x, y;
    if (int_small(a, &x) && int_small(b, &y)) {
        KrValue v = int_small_binary(r, x, y, op);
        if (v != KR_NULL) return v;
    }
    return int_big_binary(r, a, b, op);
}

KrValue kr_int_abs(KrRun *r, KrValue v) {
    int64_t i;
    if (int_small(v, &i)) return kr_int_from_i64(r, i < 0 ? -i : i);
    uint32_t buf[2];
    KrBnView w = int_view(v, buf);
    w.neg = false;
    return int_from_view(r, w);
}

static KrValue int_unary(KrRun *r, KrValue a, KrUnOp op) {
    int64_t x;
    if (int_small(a, &x)) {
        // The small range is symmetric but for -KR_SMALL_MIN: from_i64 copes.
        if (op == KR_UN_NEG) return kr_int_from_i64(r, -x);
        return kr_from_small(op == KR_UN_INVERT ? ~x : x);
    }
    if (op == KR_UN_POS) return int_exact(r, a);
    uint32_t buf[2];
    KrBnView w = int_view(a, buf);
    if (op == KR_UN_NEG) {
        w.neg = !w.neg;
        return int_from_view(r, w);
    }
    KrBnCtx ctx = int_ctx(r);
    KrBn out;
    kr_bn_init(&out);
    return int_done(r, &ctx, kr_bn_invert(&ctx, w, &out), &out, NULL);
}

// Which power slot CPython finds on a pow() operand.
typedef enum { POW_OTHER, POW_INT, POW_FLOAT, POW_COMPLEX } PowSlot;

static PowSlot int_pow_slot(KrValue v) {
    if (kr_int_check(v)) return POW_INT;
    if (kr_float_check(v)) return POW_FLOAT;
    return kr_complex_check(v) ? POW_COMPLEX : POW_OTHER;
}

// pow(a, b, m) when not all three are ints: CPython tries the power slot
// of each operand's type once, in order. int's declines, float's refuses
// any modulus, complex's refuses it once a and b are numbers.
static KrValue int_powmod_mixed(KrRun *r, KrValue base, KrValue exp, KrValue mod) {
    const KrValue ops[3] = {base, exp, mod};
    PowSlot seen[3];
    for (size_t i = 0; i < 3; i++) {
        seen[i] = int_pow_slot(ops[i]);
        if ((i > 0 && seen[i] == seen[0]) || (i > 1 && seen[i] == seen[1])) continue;
        if (seen[i] == POW_FLOAT)
            return kr_raise(r, &kr_exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        if (seen[i] == POW_COMPLEX && int_pow_slot(base) != POW_OTHER && int_pow_slot(exp) != POW_OTHER)
            return kr_raise(r, &kr_exc_ValueError, "complex modulo");
    }
    return kr_raise(r, &kr_exc_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                    kr_type_name(base), kr_type_name(exp), kr_type_name(mod));
}

KrValue kr_int_powmod(KrRun *r, KrValue base, KrValue exp, KrValue mod) {
    if (!kr_int_check(base) || !kr_int_check(exp) || !kr_int_check(mod)) return int_powmod_mixed(r, base, exp, mod);
    int64_t b, e, m;
    // Common case (e.g. mod 10**9+7): products of residues fit in 64 bits.
    if (int_small(base, &b) && int_small(exp, &e) && int_small(mod, &m) && e >= 0 && m != 0 &&
        m < ((int64_t)1 << 31) && m > -((int64_t)1 << 31)) {
        uint64_t um = int_abs_u64(m), acc = 1 % um, sq = (uint64_t)int_mod64(b, (int64_t)um);
        for (; e; e >>= 1) {
            if (e & 1) acc = acc * sq % um;
            sq = sq * sq % um;
        }
        int64_t res = (int64_t)acc;
        return kr_from_small(m < 0 && res ? res - (int64_t)um : res);
    }
    uint32_t b1[2], b2[2], b3[2];
    KrBnCtx ctx = int_ctx(r);
    KrBn out;
    kr_bn_init(&out);
    KrBnStatus st = kr_bn_powmod(&ctx, int_view(base, b1), int_view(exp, b2), int_view(mod, b3), &out);
    return int_done(r, &ctx, st, &out, NULL);
}

KrValue kr_number_divmod(KrRun *r, KrValue a, KrValue b) {
    if (!kr_int_check(a) || !kr_int_check(b)) return kr_float_divmod(r, a, b);
    int64_t x, y;
    if (int_small(a, &x) && int_small(b, &y)) {
        if (y == 0) return kr_raise(r, &kr_exc_ZeroDivisionError, "integer division or modulo by zero");
        KrValue q = kr_int_from_i64(r, int_floordiv64(x, y));
        return q == KR_EXC ? KR_EXC : kr_tuple_pack2(r, q, kr_from_small(int_mod64(x, y)));
    }
    uint32_t ba[2], bb[2];
    KrBnCtx ctx = int_ctx(r);
    KrBn q, m;
    kr_bn_init(&q);
    kr_bn_init(&m);
    KrBnStatus st = kr_bn_divmod(&ctx, int_view(a, ba), int_view(b, bb), &q, &m);
    KrValue qv = int_done(r, &ctx, st, &q, "integer division or modulo by zero");
    KrValue mv = qv == KR_EXC ? KR_EXC : int_from_view(r, kr_bn_view(&m));
    kr_bn_free(&ctx, &m);
    return mv == KR_EXC ? KR_EXC : kr_tuple_pack2(r, qv, mv);
}

// ---- comparison, hash, truth, repr --------------------------------------------------------

static KrValue int_cmp_result(int c, KrCmpOp op) {
    switch (op) {
    case KR_CMP_LT: return kr_bool(c < 0);
    case KR_CMP_LE: return kr_bool(c <= 0);
    case KR_CMP_EQ: return kr_bool(c == 0);
    case KR_CMP_NE: return kr_bool(c != 0);
    case KR_CMP_GT: return kr_bool(c > 0);
    default: return kr_bool(c >= 0);
    }
}

static KrValue int_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    (void)r;
    // int vs float is float's slot's job (it is reached by reflection).
    if (!kr_int_check(a) || !kr_int_check(b)) return KR_NOTIMPL;
    return int_cmp_result(kr_int_cmp(a, b), op);
}

static bool int_hash_slot(KrRun *r, KrValue v, int64_t *out) {
    (void)r;
    *out = kr_int_hash(v);
    return true;
}

static int int_truth(KrRun *r, KrValue v) {
    (void)r;
    return kr_int_sign(v) != 0;
}

static KrValue int_repr(KrRun *r, KrValue v) { return kr_int_to_str(r, v, 10); }

// ---- construction ----------------------------------------------------------------------------

KrValue kr_int_call_dunder(KrRun *r, KrValue v, const char *name, size_t argc, const KrValue *args) {
    // Built-in types define no such dunders besides int's own.
    if (!(kr_typeof(v)->flags & KR_TF_HEAP)) return KR_NULL;
    return kr_call_dunder(r, v, name, argc, args);
}

KrValue kr_int_from_object(KrRun *r, KrValue x) {
    static const char *const names[] = {"__int__", "__index__", "__trunc__"};
    for (size_t i = 0; i < 3; i++) {
        KrValue v = kr_int_call_dunder(r, x, names[i], 0, NULL);
        if (v == KR_EXC) return KR_EXC;
        if (v == KR_NULL) continue;
        if (kr_int_check(v)) return int_exact(r, v);
        if (i == 2)
            return kr_raise(r, &kr_exc_TypeError, "__trunc__ returned non-Integral (type %s)", kr_type_name(v));
        return kr_raise(r, &kr_exc_TypeError, "%s returned non-int (type %s)", names[i], kr_type_name(v));
    }
    return kr_raise(r, &kr_exc_TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                    kr_type_name(x));
}

KrValue kr_int_index(KrRun *r, KrValue v) {
    if (kr_int_check(v)) return v;
    KrValue i = kr_int_call_dunder(r, v, "__index__", 0, NULL);
    if (i == KR_EXC) return KR_EXC;
    if (i == KR_NULL)
        return kr_raise(r, &kr_exc_TypeError, "'%s' object cannot be interpreted as an integer", kr_type_name(v));
    if (!kr_int_check(i))
        return kr_raise(r, &kr_exc_TypeError, "__index__ returned non-int (type %s)", kr_type_name(i));
    return i;
}

// Parses a str or bytes argument; false (no exception) if x is neither.
static bool int_parse_text(KrRun *r, KrValue x, int base, KrValue *out) {
    if (kr_is_str(x)) {
        KrStr *s = kr_as_str(x);
        *out = int_parse(r, s->data, s->nbytes, base, true, x);
        return true;
    }
    const uint8_t *data;
    size_t n;
    if (kr_bytes_view(x, &data, &n)) { // bytes and bytearray (whose errors show it as bytes)
        KrValue shown = kr_isinstance(x, &kr_type_bytes) ? x : kr_bytes_new(r, data, n);
        *out = shown == KR_EXC ? KR_EXC : int_parse(r, (const char *)data, n, base, false, shown);
        return true;
    }
    return false;
}

static KrValue int_new(KrRun *r, KrValue x, KrValue base) {
    KrValue out;
    if (x == KR_NULL) {
        if (base != KR_NULL) return kr_raise(r, &kr_exc_TypeError, "int() missing string argument");
        return kr_from_small(0);
    }
    if (base == KR_NULL) {
        if (kr_is_double(x)) return kr_int_from_double(r, kr_as_double(x));
        if (kr_int_check(x)) return int_exact(r, x);
        if (int_parse_text(r, x, 10, &out)) return out;
        return kr_int_from_object(r, x);
    }
    int64_t b;
    base = kr_int_index(r, base);
    if (base == KR_EXC) return KR_EXC;
    // A huge base is clipped (as CPython), so it fails the range check.
    if (!kr_int_to_i64(base, &b)) b = INT64_MAX;
    if ((b != 0 && b < 2) || b > 36)
        return kr_raise(r, &kr_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (int_parse_text(r, x, (int)b, &out)) return out;
    return kr_raise(r, &kr_exc_TypeError, "int() can't convert non-string with explicit base");
}

KrValue kr_int_new_instance(KrRun *r, const KrType *t, KrValue v) {
    if (!(t->flags & KR_TF_HEAP) || t->layout != &kr_type_int)
        return kr_raise(r, &kr_exc_TypeError, "cannot create '%s' instances", t->name);
    uint32_t buf[2];
    KrBnView w = int_view(v, buf);
    // v exists, so this size cannot overflow; kr_gc_alloc adds the dict slot.
    KrBigInt *b = kr_gc_alloc(r, t, sizeof(KrBigInt) + w.n * sizeof(uint32_t));
    if (!b) return KR_EXC;
    b->n = w.n;
    b->neg = w.neg;
    if (w.n) memcpy(b->d, w.d, w.n * sizeof(uint32_t));
    return kr_from_obj(b);
}

static bool int_name_is(KrValue name, const char *s) {
    KrStr *n = kr_as_str(name);
    return n->nbytes == strlen(s) && memcmp(n->data, s, n->nbytes) == 0;
}

static KrValue int_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kwnames) {
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    if (argc + nkw > 2)
        return kr_raise(r, &kr_exc_TypeError, "int() takes at most 2 arguments (%zu given)", argc + nkw);
    KrValue x = argc > 0 ? args[0] : KR_NULL, base = argc > 1 ? args[1] : KR_NULL;
    for (size_t k = 0; k < nkw; k++) {
        KrValue name = kr_as_tuple(kwnames)->items[k];
        if (!int_name_is(name, "base"))
            return kr_raise(r, &kr_exc_TypeError, "'%s' is an invalid keyword argument for int()",
                            kr_as_str(name)->data);
        if (base != KR_NULL)
            return kr_raise(r, &kr_exc_TypeError, "argument for int() given by name ('base') and position (2)");
        base = args[argc + k];
    }
    KrValue v = int_new(r, x, base);
    if (t == &kr_type_int || v == KR_EXC) return v;
    return kr_int_new_instance(r, t, v);
}

// ---- methods ----------------------------------------------------------------------------------

// Methods returning int(self): conjugate, __int__, __index__, __trunc__...
#define INT_SELF_METHOD(fn, pyname)                                                                \
    static KrValue fn(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) { \
        (void)args;                                                                                \
        return kr_method_args(r, pyname, argc, kwnames, 0) ? int_exact(r, self) : KR_EXC;                \
    }
INT_SELF_METHOD(int_conjugate, "int.conjugate")
INT_SELF_METHOD(int_int_method, "int.__int__")
INT_SELF_METHOD(int_index_method, "int.__index__")
INT_SELF_METHOD(int_trunc_method, "int.__trunc__")
INT_SELF_METHOD(int_floor_method, "int.__floor__")
INT_SELF_METHOD(int_ceil_method, "int.__ceil__")
INT_SELF_METHOD(int_pos_method, "int.__pos__")

static KrValue int_abs_method(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    return kr_method_args(r, "int.__abs__", argc, kwnames, 0) ? kr_int_abs(r, self) : KR_EXC;
}

static KrValue int_neg_method(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    return kr_method_args(r, "int.__neg__", argc, kwnames, 0) ? int_unary(r, self, KR_UN_NEG) : KR_EXC;
}

static KrValue int_invert_method(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    return kr_method_args(r, "int.__invert__", argc, kwnames, 0) ? int_unary(r, self, KR_UN_INVERT) : KR_EXC;
}

static KrValue int_float_method(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    double d;
    if (!kr_method_args(r, "int.__float__", argc, kwnames, 0) || !kr_int_to_double(r, self, &d)) return KR_EXC;
    return kr_from_double(d);
}

static KrValue int_bit_length(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_method_args(r, "int.bit_length", argc, kwnames, 0)) return KR_EXC;
    uint32_t buf[2];
    return kr_int_from_i64(r, (int64_t)kr_bn_bit_length(int_view(self, buf)));
}

static KrValue int_bit_count(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_method_args(r, "int.bit_count", argc, kwnames, 0)) return KR_EXC;
    uint32_t buf[2];
    return kr_int_from_i64(r, (int64_t)kr_bn_bit_count(int_view(self, buf)));
}

static KrValue int_as_integer_ratio(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_method_args(r, "int.as_integer_ratio", argc, kwnames, 0)) return KR_EXC;
    KrValue v = int_exact(r, self);
    return v == KR_EXC ? KR_EXC : kr_tuple_pack2(r, v, kr_from_small(1));
}

static KrValue int_getnewargs(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_method_args(r, "int.__getnewargs__", argc, kwnames, 0)) return KR_EXC;
    KrValue v = int_exact(r, self);
    return v == KR_EXC ? KR_EXC : kr_tuple_from_array(r, &v, 1);
}

// "little" -> 1, "big" -> 0, else -1 with the exception set.
static int int_byteorder(KrRun *r, const char *fname, KrValue v) {
    if (v == KR_NULL) return 0;
    if (!kr_is_str(v)) {
        kr_raise(r, &kr_exc_TypeError, "%s() argument 'byteorder' must be str, not %s", fname, kr_arg_type_name(v));
        return -1;
    }
    if (int_name_is(v, "little")) return 1;
    if (int_name_is(v, "big")) return 0;
    kr_raise(r, &kr_exc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

// Keyword-capable methods report too many positionals CPython's way.
static bool int_max_positional(KrRun *r, const char *fname, size_t argc, size_t max) {
    if (argc <= max) return true;
    kr_raise(r, &kr_exc_TypeError, "%s() takes at most %zu positional argument%s (%zu given)", fname, max,
             max == 1 ? "" : "s", argc);
    return false;
}

static KrValue int_to_bytes(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    static const char *const names[] = {"length", "byteorder", "signed", NULL};
    static const KrArgSpec spec = {"to_bytes", names, 0, 1, 0, KR_ARGS_C};
    KrValue a[3];
    if (!int_max_positional(r, "to_bytes", argc, 2) || !kr_args_parse(r, &spec, argc, args, kwnames, a))
        return KR_EXC;
    int64_t len = 1;
    if (a[0] != KR_NULL) {
        KrValue n = kr_int_index(r, a[0]);
        if (n == KR_EXC) return KR_EXC;
        if (!kr_int_to_i64(n, &len))
            return kr_raise(r, &kr_exc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    int little = int_byteorder(r, "to_bytes", a[1]);
    if (little < 0) return KR_EXC;
    if (len < 0) return kr_raise(r, &kr_exc_ValueError, "length argument must be non-negative");
    int is_signed = a[2] == KR_NULL ? 0 : kr_truth(r, a[2]);
    if (is_signed < 0) return KR_EXC;
    if (!is_signed && kr_int_sign(self) < 0)
        return kr_raise(r, &kr_exc_OverflowError, "can't convert negative int to unsigned");
    uint8_t *p = kr_mem_alloc(r, (size_t)len);
    if (!p) return kr_int_nomem(r);
    uint32_t buf[2];
    KrBnStatus st = kr_bn_to_bytes(int_view(self, buf), p, (size_t)len, little, is_signed);
    KrValue out = st == KR_BN_OK ? kr_bytes_new(r, p, (size_t)len) : int_fail(r, st, "int too big to convert");
    kr_mem_free(r, p, (size_t)len);
    return out;
}

// The bytes of from_bytes' argument: a bytes object, or bytes(x) for an
// iterable of ints.
static KrValue int_bytes_arg(KrRun *r, KrValue x) {
    if (kr_is_ptr(x) && kr_isinstance(x, &kr_type_bytes)) return x;
    if (kr_is_str(x) || kr_int_check(x) || kr_float_check(x) || kr_is_special(x))
        return kr_raise(r, &kr_exc_TypeError, "cannot convert '%s' object to bytes", kr_type_name(x));
    return kr_call1(r, kr_from_obj(&kr_type_bytes), x);
}

static KrValue int_from_bytes(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    static const char *const names[] = {"bytes", "byteorder", "signed", NULL};
    static const KrArgSpec spec = {"from_bytes", names, 0, 1, 1, KR_ARGS_C};
    KrValue a[3];
    if (!int_max_positional(r, "from_bytes", argc, 2) || !kr_args_parse(r, &spec, argc, args, kwnames, a))
        return KR_EXC;
    // bytes(x) last: it may run Python code, and nothing after it may
    // (the new bytes object is not rooted).
    int little = int_byteorder(r, "from_bytes", a[1]);
    int is_signed = little < 0 || a[2] == KR_NULL ? 0 : kr_truth(r, a[2]);
    if (little < 0 || is_signed < 0) return KR_EXC;
    KrValue data = int_bytes_arg(r, a[0]);
    if (data == KR_EXC) return KR_EXC;
    KrBytes *b = (KrBytes *)kr_as_obj(data);
    KrBnCtx ctx = int_ctx(r);
    KrBn x;
    kr_bn_init(&x);
    KrValue v = int_done(r, &ctx, kr_bn_from_bytes(&ctx, b->data, b->len, little, is_signed, &x), &x, NULL);
    // self is the class: bool.from_bytes gives a bool.
    if (v != KR_EXC && self == kr_from_obj(&kr_type_bool)) return kr_bool(kr_int_sign(v) != 0);
    return v;
}

// round(x, -m) for m > 0: the nearest multiple of 10**m, halves to even.
static KrValue int_round_neg(KrRun *r, KrValue self, uint64_t m) {
    uint32_t b1[2], b2[2], b3[2];
    KrBnView x = int_view(self, b1);
    // 10**m > 2|x| makes the answer 0 (and keeps 10**m from being huge).
    if (m > kr_bn_str_digits_max(x, 10)) return kr_from_small(0);
    KrBnCtx ctx = int_ctx(r);
    KrBn p, q, rem, twice;
    kr_bn_init(&p);
    kr_bn_init(&q);
    kr_bn_init(&rem);
    kr_bn_init(&twice);
    KrBnStatus st = kr_bn_pow(&ctx, kr_bn_view_i64(10, b2), kr_bn_view_u64(m, b3), &p);
    if (st == KR_BN_OK) st = kr_bn_divmod(&ctx, x, kr_bn_view(&p), &q, &rem);
    if (st == KR_BN_OK) st = kr_bn_add(&ctx, kr_bn_view(&rem), kr_bn_view(&rem), &twice);
    if (st == KR_BN_OK) {
        int c = kr_bn_cmp(kr_bn_view(&twice), kr_bn_view(&p));
        bool q_odd = q.n && (q.d[0] & 1);
        if (c > 0 || (c == 0 && q_odd)) {
            uint32_t one[2];
            st = kr_bn_add(&ctx, kr_bn_view(&q), kr_bn_view_i64(1, one), &q);
        }
    }
    if (st == KR_BN_OK) st = kr_bn_mul(&ctx, kr_bn_view(&q), kr_bn_view(&p), &q);
    kr_bn_free(&ctx, &p);
    kr_bn_free(&ctx, &rem);
    kr_bn_free(&ctx, &twice);
    return int_done(r, &ctx, st, &q, NULL);
}

static KrValue int_round_method(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "__round__", kwnames) || !kr_args_count(r, "__round__", argc, 0, 1)) return KR_EXC;
    if (argc == 0 || args[0] == KR_NONE) return int_exact(r, self);
    KrValue nd = kr_int_index(r, args[0]);
    if (nd == KR_EXC) return KR_EXC;
    if (kr_int_sign(nd) >= 0) return int_exact(r, self);
    int64_t n;
    if (!kr_int_to_i64(nd, &n)) return kr_from_small(0); // 10**huge dwarfs any int
    return int_round_neg(r, self, int_abs_u64(n));
}

// Checks __format__'s single str argument.
KrValue kr_int_format_spec(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames,
                           KrStr **spec) {
    bool kw = kwnames != KR_NULL && kr_as_tuple(kwnames)->len;
    if (kw || argc != 1) {
        const char *tname = kr_float_check(self) ? "float" : kr_complex_check(self) ? "complex" : "int";
        if (kw) return kr_raise(r, &kr_exc_TypeError, "%s.__format__() takes no keyword arguments", tname);
        return kr_raise(r, &kr_exc_TypeError, "%s.__format__() takes exactly one argument (%zu given)", tname,
                        argc);
    }
    if (!kr_is_str(args[0]))
        return kr_raise(r, &kr_exc_TypeError, "__format__() argument must be str, not %s", kr_arg_type_name(args[0]));
    *spec = kr_as_str(args[0]);
    return KR_NONE;
}

KrValue kr_int_fmt_error(KrRun *r, KrFmtStatus st, const char *errmsg) {
    if (st == KR_FMT_NOMEM) return kr_int_nomem(r);
    return kr_raise(r, st == KR_FMT_OVERFLOW_ERROR ? &kr_exc_OverflowError : &kr_exc_ValueError, "%s", errmsg);
}

// Formats self by a parsed spec into out; false with the exception set.
static bool int_format_into(KrRun *r, KrValue self, const KrFmtSpec *fs, KrBuf *out) {
    const char *tname = kr_type_name(self);
    char err[256];
    KrIntFmtPlan plan;
    unsigned base;
    KrFmtStatus st = kr_fmt_int_plan(fs, tname, &plan, &base, err, sizeof err);
    if (st == KR_FMT_OK && plan == KR_INTFMT_CHAR) {
        int64_t v;
        bool fits = kr_int_to_i64(self, &v);
        st = kr_fmt_int_char(out, fits, fits ? v : 0, fs, tname, err, sizeof err);
    } else if (st == KR_FMT_OK && plan == KR_INTFMT_FLOAT) {
        double d;
        if (!kr_int_to_double(r, self, &d)) return false;
        st = kr_fmt_double(out, d, fs, tname, err, sizeof err);
    } else if (st == KR_FMT_OK) {
        KrBuf digits;
        char d_local[KR_BUF_LOCAL];
        kr_buf_init_local(&digits, kr_run_allocator(r), d_local, sizeof d_local);
        if (!int_append_digits(r, &digits, self, (int)base, true)) {
            kr_buf_free(&digits);
            return false;
        }
        st = kr_fmt_int(out, kr_int_sign(self) < 0, digits.data, digits.len, fs, tname, err, sizeof err);
        kr_buf_free(&digits);
    }
    if (st == KR_FMT_OK) return true;
    kr_int_fmt_error(r, st, err);
    return false;
}

static KrValue int_format_method(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    KrStr *spec;
    if (kr_int_format_spec(r, self, argc, args, kwnames, &spec) == KR_EXC) return KR_EXC;
    if (spec->nbytes == 0) return kr_str(r, self);
    KrFmtSpec fs;
    char err[256];
    KrFmtStatus st = kr_fmtspec_parse(spec->data, spec->nbytes, KR_FMT_KIND_INT, kr_type_name(self), &fs, err,
                                      sizeof err);
    if (st != KR_FMT_OK) return kr_int_fmt_error(r, st, err);
    KrBuf b;
    char b_local[KR_BUF_LOCAL];
    kr_buf_init_local(&b, kr_run_allocator(r), b_local, sizeof b_local);
    KrValue s = int_format_into(r, self, &fs, &b) ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

static KrValue int_sizeof(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_method_args(r, "int.__sizeof__", argc, kwnames, 0)) return KR_EXC;
    // CPython's layout: 24 bytes of header plus 4 per 30-bit digit (min 1).
    uint32_t buf[2];
    uint64_t bits = kr_bn_bit_length(int_view(self, buf));
    uint64_t ndig = bits ? (bits + 29) / 30 : 1;
    return kr_int_from_i64(r, (int64_t)(24 + 4 * ndig));
}

// Binary dunders (int.__add__(3, 4), super().__add__(x) in int
// subclasses): NotImplemented for what int cannot handle, as CPython.
static KrValue int_dunder_binary(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames,
                                 KrBinOp op, bool reflected, const char *name) {
    if (!kr_wrapper_args(r, name, argc, kwnames, 1, 1)) return KR_EXC;
    return reflected ? kr_int_binary(r, args[0], self, op) : kr_int_binary(r, self, args[0], op);
}

// __pow__(value, mod=None) and __rpow__: with a modulus, pow(a, b, m)
// when all three are ints, else NotImplemented.
static KrValue int_pow_dunder(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames,
                              bool reflected) {
    if (!kr_wrapper_args(r, reflected ? "__rpow__" : "__pow__", argc, kwnames, 1, 2)) return KR_EXC;
    KrValue a = reflected ? args[0] : self, b = reflected ? self : args[0];
    if (argc < 2 || args[1] == KR_NONE) return kr_int_binary(r, a, b, KR_BIN_POW);
    if (!kr_is_int(a) || !kr_is_int(b) || !kr_is_int(args[1])) return KR_NOTIMPL;
    return kr_int_powmod(r, a, b, args[1]);
}

// __divmod__ / __rdivmod__: NotImplemented unless both are ints.
static KrValue int_divmod_dunder(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw, bool reflected) {
    if (!kr_wrapper_args(r, reflected ? "__rdivmod__" : "__divmod__", argc, kw, 1, 1)) return KR_EXC;
    if (!kr_int_check(args[0])) return KR_NOTIMPL;
    return reflected ? kr_number_divmod(r, args[0], self) : kr_number_divmod(r, self, args[0]);
}

KR_NUM_DUNDER_PAIR(int, divmod, rdivmod, int_divmod_dunder)

KR_NUM_DUNDER_PAIR(int, pow, rpow, int_pow_dunder)

#define INT_BINARY_METHODS(op, fwd, rev)                                                                \
    static KrValue int_m_##fwd(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) { \
        return int_dunder_binary(r, self, argc, args, kw, op, false, "__" #fwd "__");                  \
    }                                                                                                   \
    static KrValue int_m_##rev(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) { \
        return int_dunder_binary(r, self, argc, args, kw, op, true, "__" #rev "__");                   \
    }
INT_BINARY_METHODS(KR_BIN_ADD, add, radd)
INT_BINARY_METHODS(KR_BIN_SUB, sub, rsub)
INT_BINARY_METHODS(KR_BIN_MUL, mul, rmul)
INT_BINARY_METHODS(KR_BIN_TRUEDIV, truediv, rtruediv)
INT_BINARY_METHODS(KR_BIN_FLOORDIV, floordiv, rfloordiv)
INT_BINARY_METHODS(KR_BIN_MOD, mod, rmod)
INT_BINARY_METHODS(KR_BIN_LSHIFT, lshift, rlshift)
INT_BINARY_METHODS(KR_BIN_RSHIFT, rshift, rrshift)
INT_BINARY_METHODS(KR_BIN_AND, and, rand)
INT_BINARY_METHODS(KR_BIN_OR, or, ror)
INT_BINARY_METHODS(KR_BIN_XOR, xor, rxor)

static KrValue int_bool_method(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    return kr_method_args(r, "int.__bool__", argc, kwnames, 0) ? kr_bool(kr_int_sign(self) != 0) : KR_EXC;
}

static const KrMethodDef int_methods[] = {
    {"bit_length", int_bit_length, 0},
    {"bit_count", int_bit_count, 0},
    {"to_bytes", int_to_bytes, 0},
    {"from_bytes", int_from_bytes, KR_METH_CLASS},
    {"as_integer_ratio", int_as_integer_ratio, 0},
    {"conjugate", int_conjugate, 0},
    {"__format__", int_format_method, 0},
    {"__round__", int_round_method, 0},
    {"__index__", int_index_method, 0},
    {"__int__", int_int_method, 0},
    {"__float__", int_float_method, 0},
    {"__trunc__", int_trunc_method, 0},
    {"__floor__", int_floor_method, 0},
    {"__ceil__", int_ceil_method, 0},
    {"__abs__", int_abs_method, 0},
    {"__neg__", int_neg_method, 0},
    {"__pos__", int_pos_method, 0},
    {"__invert__", int_invert_method, 0},
    {"__bool__", int_bool_method, 0},
    {"__getnewargs__", int_getnewargs, 0},
    {"__sizeof__", int_sizeof, 0},
    {"__add__", int_m_add, 0},
    {"__radd__", int_m_radd, 0},
    {"__sub__", int_m_sub, 0},
    {"__rsub__", int_m_rsub, 0},
    {"__mul__", int_m_mul, 0},
    {"__rmul__", int_m_rmul, 0},
    {"__truediv__", int_m_truediv, 0},
    {"__rtruediv__", int_m_rtruediv, 0},
    {"__floordiv__", int_m_floordiv, 0},
    {"__rfloordiv__", int_m_rfloordiv, 0},
    {"__mod__", int_m_mod, 0},
    {"__rmod__", int_m_rmod, 0},
    {"__pow__", int_m_pow, 0},
    {"__rpow__", int_m_rpow, 0},
    {"__divmod__", int_m_divmod, 0},
    {"__rdivmod__", int_m_rdivmod, 0},
    {"__lshift__", int_m_lshift, 0},
    {"__rlshift__", int_m_rlshift, 0},
    {"__rshift__", int_m_rshift, 0},
    {"__rrshift__", int_m_rrshift, 0},
    {"__and__", int_m_and, 0},
    {"__rand__", int_m_rand, 0},
    {"__or__", int_m_or, 0},
    {"__ror__", int_m_ror, 0},
    {"__xor__", int_m_xor, 0},
    {"__rxor__", int_m_rxor, 0},
    {NULL, NULL, 0},
};

static KrValue int_get_self(KrRun *r, KrValue self) { return int_exact(r, self); }

static KrValue int_get_zero(KrRun *r, KrValue self) {
    (void)r;
    (void)self;
    return kr_from_small(0);
}

static KrValue int_get_one(KrRun *r, KrValue self) {
    (void)r;
    (void)self;
    return kr_from_small(1);
}

static const KrGetSetDef int_getsets[] = {
    {"real", int_get_self},
    {"imag", int_get_zero},
    {"numerator", int_get_self},
    {"denominator", int_get_one},
    {NULL, NULL},
};

const KrType kr_type_int = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "int",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrBigInt),
    .objsize = int_objsize,
    .construct = int_construct,
    .repr = int_repr,
    .hash = int_hash_slot,
    .compare = int_compare,
    .binary = kr_int_binary,
    .unary = int_unary,
    .truth = int_truth,
    .methods = int_methods,
    .getsets = int_getsets,
    .snap = &int_snap,
};

// ---- bool ----------------------------------------------------------------------------------

static KrValue bool_repr(KrRun *r, KrValue v) { return kr_str_from_cstr(r, v == KR_TRUE ? "True" : "False"); }

static KrValue bool_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    if (kr_is_bool(a) && kr_is_bool(b)) {
        if (op == KR_BIN_AND) return kr_bool(a == KR_TRUE && b == KR_TRUE);
        if (op == KR_BIN_OR) return kr_bool(a == KR_TRUE || b == KR_TRUE);
        if (op == KR_BIN_XOR) return kr_bool(a != b);
    }
    return kr_int_binary(r, a, b, op);
}

static KrValue bool_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)t;
    if (!kr_args_no_kw(r, "bool", kwnames)) return KR_EXC;
    if (argc > 1) return kr_raise(r, &kr_exc_TypeError, "bool expected at most 1 argument, got %zu", argc);
    if (argc == 0) return KR_FALSE;
    int truth = kr_truth(r, args[0]);
    return truth < 0 ? KR_EXC : kr_bool(truth);
}

static KrValue bool_dunder(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames, KrBinOp op,
                           bool reflected, const char *name) {
    if (!kr_wrapper_args(r, name, argc, kwnames, 1, 1)) return KR_EXC;
    return reflected ? bool_binary(r, args[0], self, op) : bool_binary(r, self, args[0], op);
}

#define BOOL_BINARY_METHODS(op, fwd, rev)                                                                \
    static KrValue bool_m_##fwd(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) { \
        return bool_dunder(r, self, argc, args, kw, op, false, "__" #fwd "__");                         \
    }                                                                                                    \
    static KrValue bool_m_##rev(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) { \
        return bool_dunder(r, self, argc, args, kw, op, true, "__" #rev "__");                          \
    }
BOOL_BINARY_METHODS(KR_BIN_AND, and, rand)
BOOL_BINARY_METHODS(KR_BIN_OR, or, ror)
BOOL_BINARY_METHODS(KR_BIN_XOR, xor, rxor)

static const KrMethodDef bool_methods[] = {
    {"__and__", bool_m_and, 0},
    {"__rand__", bool_m_rand, 0},
    {"__or__", bool_m_or, 0},
    {"__ror__", bool_m_ror, 0},
    {"__xor__", bool_m_xor, 0},
    {"__rxor__", bool_m_rxor, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_bool = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "bool",
    .base = &kr_type_int,
    .construct = bool_construct,
    .repr = bool_repr,
    .hash = int_hash_slot,
    .compare = int_compare,
    .binary = bool_binary,
    .unary = int_unary,
    .truth = int_truth,
    .methods = bool_methods,
};

// ---- run snapshots ----------------------------------------------------------------------------
// A big int: sign and base-2^32 digits. Exact ints are big only outside
// the small range, normalized (what every comparison assumes); instances
// of int subclasses are always big.

static bool int_snap_write(KrRsWriter *w, const KrObj *o) {
    const KrBigInt *b = (const KrBigInt *)o;
    KrSnapWriter *out = kr_rs_out(w);
    kr_snap_put_u8(out, b->neg ? 1 : 0);
    kr_snap_put_uvar(out, b->n);
    for (size_t i = 0; i < b->n; i++) kr_snap_put_u32(out, b->d[i]);
    return true;
}

static bool int_snap_ok(const KrBigInt *b, bool exact) {
    if (b->n && b->d[b->n - 1] == 0) return false;
    if (!exact) return b->n || !b->neg;
    if (b->n == 0 || b->n > 2) return b->n > 2;
    uint64_t mag = b->d[0] | (b->n == 2 ? (uint64_t)b->d[1] << 32 : 0);
    return b->neg ? mag > (uint64_t)KR_SMALL_MAX + 1 : mag > (uint64_t)KR_SMALL_MAX;
}

static KrObj *int_snap_read(KrRsReader *rd, const KrType *t) {
    KrSnapReader *in = kr_rs_in(rd);
    uint8_t neg = kr_snap_get_u8(in);
    size_t n = kr_rs_get_count(rd, 4, SIZE_MAX / 8);
    if (!kr_snap_ok(in)) return NULL;
    if (neg > 1) return kr_rs_fail(rd, "bad int sign"), NULL;
    KrBigInt *b = kr_rs_alloc(rd, t, sizeof(KrBigInt) + n * sizeof(uint32_t));
    if (!b) return NULL;
    b->n = n;
    b->neg = neg;
    for (size_t i = 0; i < n; i++) b->d[i] = kr_snap_get_u32(in);
    if (kr_snap_ok(in) && !int_snap_ok(b, t == &kr_type_int)) return kr_rs_fail(rd, "malformed big int"), NULL;
    return kr_snap_ok(in) ? &b->ob : NULL;
}

static const KrSnapOps int_snap = {NULL, int_snap_write, int_snap_read, NULL};
