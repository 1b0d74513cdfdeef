// bignum.h: arbitrary-precision integer arithmetic with Python `int`
// semantics (floor division, infinite two's complement bit operations,
// CPython's hash, correctly rounded float conversions, int() parsing).
//
// Pure arithmetic: no Python objects. Numbers are sign + magnitude, the
// magnitude a little-endian array of base-2^32 digits, normalized (no high
// zero digits; zero is n == 0 and never negative).
//
// Conventions:
// - Inputs are read-only views (KrBnView); results are written to an owned
//   KrBn allocated through ctx->alloc. `out` must be initialized
//   (kr_bn_init or an earlier result); on success its old buffer is freed
//   and replaced, on failure it is left untouched. Inputs may alias `out`.
// - Every function returning KrBnStatus reports errors as values; nothing
//   aborts. Sizes are computed (overflow-checked) before big allocations,
//   so impossible results fail fast with KR_BN_NOMEM.
// - Long loops call ctx->tick about every 2^18 digit operations; if it
//   returns false the operation stops with KR_BN_CANCELLED.
// - No global mutable state: independent contexts may run on many threads.
#ifndef KR_BIGNUM_H
#define KR_BIGNUM_H

#include "common.h"

#define KR_BN_DIGIT_BITS 32
// CPython 3.11's default sys.get_int_max_str_digits().
#define KR_BN_MAX_STR_DIGITS_DEFAULT 4300
// Smallest non-zero limit sys.set_int_max_str_digits() accepts.
#define KR_BN_MAX_STR_DIGITS_THRESHOLD 640

typedef struct KrBnView {
    const uint32_t *d;
    size_t n;
    bool neg;
} KrBnView;

typedef struct KrBn {
    uint32_t *d;
    size_t n;   // digits in use
    size_t cap; // digits allocated (the allocator was told cap * 4 bytes)
    bool neg;
} KrBn;

// Budget hook: work_units is digit operations done since the last call.
// Return false to cancel the running operation.
typedef bool (*KrBnTick)(void *ud, size_t work_units);

typedef struct KrBnCtx {
    KrAllocator alloc;
    KrBnTick tick; // may be NULL
    void *tick_ud;
} KrBnCtx;

typedef enum KrBnStatus {
    KR_BN_OK = 0,
    KR_BN_NOMEM,          // allocation refused or size overflow (MemoryError)
    KR_BN_CANCELLED,      // tick callback returned false
    KR_BN_DIVZERO,        // ZeroDivisionError
    KR_BN_OVERFLOW,       // OverflowError (int64/float conversion, true div)
    KR_BN_INVALID,        // ValueError: invalid literal for int() ...
    KR_BN_LIMIT,          // ValueError: Exceeds the limit (N digits) ...
    KR_BN_NEG_SHIFT,      // ValueError: negative shift count
    KR_BN_MOD_ZERO,       // ValueError: pow() 3rd argument cannot be 0
    KR_BN_NOT_INVERTIBLE, // ValueError: base is not invertible ...
    KR_BN_BAD_ARG,        // caller broke a documented precondition
} KrBnStatus;

// CPython's message for a status where it is fixed text (e.g. "negative
// shift count"), else a short description. Never NULL.
const char *kr_bn_status_str(KrBnStatus st);

// ---- construction, views ----
void kr_bn_init(KrBn *x);
void kr_bn_free(const KrBnCtx *ctx, KrBn *x);
static inline KrBnView kr_bn_view(const KrBn *x) {
    KrBnView v = {x->d, x->n, x->neg && x->n != 0};
    return v;
}
// A view of a machine integer without allocating; buf holds the digits
// and must outlive the view.
KrBnView kr_bn_view_i64(int64_t v, uint32_t buf[2]);
KrBnView kr_bn_view_u64(uint64_t v, uint32_t buf[2]);
// Drops high zero digits and the sign of zero (views given to this library
// are normalized this way on entry anyway).
KrBnView kr_bn_view_normalize(KrBnView v);

KrBnStatus kr_bn_copy(const KrBnCtx *ctx, KrBnView a, KrBn *out);
KrBnStatus kr_bn_from_i64(const KrBnCtx *ctx, int64_t v, KrBn *out);
KrBnStatus kr_bn_from_u64(const KrBnCtx *ctx, uint64_t v, KrBn *out);
// Truncates toward zero like int(float). KR_BN_BAD_ARG for inf/nan (the
// caller raises OverflowError/ValueError itself).
KrBnStatus kr_bn_from_double(const KrBnCtx *ctx, double d, KrBn *out);
// int.from_bytes: n bytes, big- or little-endian, two's complement if
// is_signed.
KrBnStatus kr_bn_from_bytes(const KrBnCtx *ctx, const uint8_t *p, size_t n, bool little,
                            bool is_signed, KrBn *out);

// ---- conversions out ----
// KR_BN_OVERFLOW when a does not fit.
KrBnStatus kr_bn_to_i64(KrBnView a, int64_t *out);
KrBnStatus kr_bn_to_u64(KrBnView a, uint64_t *out); // negative -> OVERFLOW
// Correctly rounded (half to even). KR_BN_OVERFLOW: "int too large to
// convert to float".
KrBnStatus kr_bn_to_double(KrBnView a, double *out);
// int.to_bytes into exactly n bytes. KR_BN_OVERFLOW if it does not fit
// ("int too big to convert", or "can't convert negative int to unsigned"
// when a < 0 and !is_signed: the caller checks a's sign for the message).
KrBnStatus kr_bn_to_bytes(KrBnView a, uint8_t *p, size_t n, bool little, bool is_signed);

// ---- queries ----
int kr_bn_cmp(KrBnView a, KrBnView b); // -1, 0, 1
// Exact int/float comparison as CPython does it: -1, 0, 1, or 2 when d is
// nan (unordered: every comparison but != is false).
int kr_bn_cmp_double(KrBnView a, double d);
uint64_t kr_bn_bit_length(KrBnView a);
uint64_t kr_bn_bit_count(KrBnView a); // popcount of |a|
static inline bool kr_bn_is_zero(KrBnView a) { return kr_bn_view_normalize(a).n == 0; }

// ---- arithmetic ----
KrBnStatus kr_bn_neg(const KrBnCtx *ctx, KrBnView a, KrBn *out);
KrBnStatus kr_bn_abs(const KrBnCtx *ctx, KrBnView a, KrBn *out);
KrBnStatus kr_bn_add(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out);
KrBnStatus kr_bn_sub(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out);
KrBnStatus kr_bn_mul(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out);
// Floor division: q = floor(a / b), r = a - q*b (sign of b). Either of q, r
// may be NULL. KR_BN_DIVZERO when b == 0. q and r must not be the same.
KrBnStatus kr_bn_divmod(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *q, KrBn *r);
KrBnStatus kr_bn_floordiv(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out);
KrBnStatus kr_bn_mod(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out);
// a / b correctly rounded to a double. KR_BN_DIVZERO, or KR_BN_OVERFLOW:
// "integer division result too large for a float".
KrBnStatus kr_bn_true_div(const KrBnCtx *ctx, KrBnView a, KrBnView b, double *out);
// base ** exp for exp >= 0 (KR_BN_BAD_ARG if exp < 0: Python's float
// result is the caller's business). Fails fast with KR_BN_NOMEM when the
// result cannot be allocated.
KrBnStatus kr_bn_pow(const KrBnCtx *ctx, KrBnView base, KrBnView exp, KrBn *out);
// pow(base, exp, mod) with Python 3.8+ rules: exp < 0 uses the modular
// inverse (KR_BN_NOT_INVERTIBLE), mod == 0 is KR_BN_MOD_ZERO, the result
// has mod's sign.
KrBnStatus kr_bn_powmod(const KrBnCtx *ctx, KrBnView base, KrBnView exp, KrBnView mod,
                        KrBn *out);
KrBnStatus kr_bn_gcd(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out); // >= 0
// math.isqrt: floor(sqrt(a)); KR_BN_BAD_ARG for a < 0 (the caller raises
// "isqrt() argument must be nonnegative").
KrBnStatus kr_bn_isqrt(const KrBnCtx *ctx, KrBnView a, KrBn *out);

// ---- shifts and bit operations (negatives as infinite two's complement) ----
// KR_BN_NEG_SHIFT for a negative count; a huge left shift of a non-zero
// value is KR_BN_NOMEM (CPython: MemoryError).
KrBnStatus kr_bn_lshift(const KrBnCtx *ctx, KrBnView a, KrBnView count, KrBn *out);
KrBnStatus kr_bn_rshift(const KrBnCtx *ctx, KrBnView a, KrBnView count, KrBn *out);
KrBnStatus kr_bn_lshift_u64(const KrBnCtx *ctx, KrBnView a, uint64_t count, KrBn *out);
KrBnStatus kr_bn_rshift_u64(const KrBnCtx *ctx, KrBnView a, uint64_t count, KrBn *out);
KrBnStatus kr_bn_and(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out);
KrBnStatus kr_bn_or(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out);
KrBnStatus kr_bn_xor(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out);
KrBnStatus kr_bn_invert(const KrBnCtx *ctx, KrBnView a, KrBn *out); // ~a == -a - 1

// ---- strings ----
// Parse flags.
#define KR_BN_PARSE_UNICODE 1u // s is UTF-8 str text: accept Unicode decimal
                               // digits and Unicode whitespace like int(str)
// Parses int(s, base) text (len bytes, NULs allowed and rejected). base is
// 0 or 2..36 (else KR_BN_BAD_ARG). max_str_digits (0 = unlimited) applies
// to bases that are not powers of two, as in CPython; on KR_BN_LIMIT,
// *ndigits (if not NULL) receives the digit count for the message.
// KR_BN_INVALID for everything CPython rejects.
KrBnStatus kr_bn_parse(const KrBnCtx *ctx, const char *s, size_t len, int base, unsigned flags,
                       size_t max_str_digits, KrBn *out, size_t *ndigits);
// Appends a in base 2..36 (lowercase, '-' sign, no prefix) to out.
// max_str_digits (0 = unlimited) applies to bases that are not powers of
// two: more digits than that gives KR_BN_LIMIT (nothing appended).
KrBnStatus kr_bn_to_str(const KrBnCtx *ctx, KrBnView a, int base, size_t max_str_digits,
                        KrBuf *out);
// Cheap bounds on the number of digits of |a| in base (2..36), no sign.
uint64_t kr_bn_str_digits_max(KrBnView a, int base);
uint64_t kr_bn_str_digits_min(KrBnView a, int base);

// ---- hashing (CPython's numeric hash, modulus 2^61 - 1) ----
int64_t kr_bn_hash(KrBnView a);
// CPython's hash(float). nan hashes to 0: CPython 3.10+ hashes a nan by
// object identity, which krait does not expose, so any constant is as
// faithful as another and 0 keeps it deterministic.
int64_t kr_hash_double(double d);

#endif
