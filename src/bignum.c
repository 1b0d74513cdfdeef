// bignum.c: arbitrary-precision integers (see bignum.h for conventions).
//
// Layout: run context and allocation helpers; natural-number primitives on
// raw digit arrays ("nat_"); multiplication (schoolbook, Karatsuba);
// division (one digit, Knuth's algorithm D); signed public operations;
// conversions; shifts and bit operations; pow, powmod, gcd; strings; hash.
#include "bignum.h"
#include <assert.h>
#include <float.h>
#include <math.h>

#define DIGIT_MAX UINT32_MAX
#define TICK_UNITS ((size_t)1 << 18)
// Below these sizes (in digits) schoolbook beats Karatsuba.
#define KARA_MUL_CUTOFF 48
#define KARA_SQR_CUTOFF 64
#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

// Per-operation state: the context plus work not yet reported to tick.
typedef struct KrBnRun {
    const KrBnCtx *ctx;
    size_t work;
} KrBnRun;

static KrBnRun run_start(const KrBnCtx *ctx) {
    KrBnRun r = {ctx, 0};
    return r;
}

// Accounts for `units` digit operations; reports them in batches so the
// callback cost stays negligible.
static KrBnStatus run_work(KrBnRun *r, size_t units) {
    r->work = r->work > SIZE_MAX - units ? SIZE_MAX : r->work + units;
    if (r->work < TICK_UNITS) return KR_BN_OK;
    size_t w = r->work;
    r->work = 0;
    if (r->ctx->tick && !r->ctx->tick(r->ctx->tick_ud, w)) return KR_BN_CANCELLED;
    return KR_BN_OK;
}

// The allocator is never asked for 0 bytes (that means free), so empty
// buffers are given one digit.
static uint32_t *dig_alloc(KrBnRun *r, size_t n) {
    size_t bytes;
    if (n == 0) n = 1;
    if (!kr_size_mul(n, sizeof(uint32_t), &bytes)) return NULL;
    return r->ctx->alloc.fn(r->ctx->alloc.ud, NULL, 0, bytes);
}

static void dig_free(const KrBnCtx *ctx, uint32_t *p, size_t n) {
    if (p) ctx->alloc.fn(ctx->alloc.ud, p, (n ? n : 1) * sizeof(uint32_t), 0);
}

void kr_bn_init(KrBn *x) {
    x->d = NULL;
    x->n = x->cap = 0;
    x->neg = false;
}

void kr_bn_free(const KrBnCtx *ctx, KrBn *x) {
    dig_free(ctx, x->d, x->cap);
    kr_bn_init(x);
}

static void bn_release(KrBnRun *r, KrBn *x) { kr_bn_free(r->ctx, x); }

// Gives x a buffer of at least n digits; old contents are discarded.
static KrBnStatus bn_ensure(KrBnRun *r, KrBn *x, size_t n) {
    if (x->d && x->cap >= n) return KR_BN_OK;
    uint32_t *p = dig_alloc(r, n);
    if (!p) return KR_BN_NOMEM;
    bn_release(r, x);
    x->d = p;
    x->cap = n ? n : 1;
    return KR_BN_OK;
}

static size_t nat_len(const uint32_t *d, size_t n) {
    while (n && d[n - 1] == 0) n--;
    return n;
}

static void bn_normalize(KrBn *x) {
    x->n = nat_len(x->d, x->n);
    if (x->n == 0) x->neg = false;
}

// Hands a finished temporary to the caller's out, or drops it on error.
static KrBnStatus bn_deliver(KrBnRun *r, KrBnStatus st, KrBn *tmp, KrBn *out) {
    if (st != KR_BN_OK) {
        bn_release(r, tmp);
        return st;
    }
    bn_normalize(tmp);
    bn_release(r, out);
    *out = *tmp;
    return KR_BN_OK;
}

KrBnView kr_bn_view_normalize(KrBnView v) {
    v.n = v.d ? nat_len(v.d, v.n) : 0;
    if (v.n == 0) v.neg = false;
    return v;
}

KrBnView kr_bn_view_u64(uint64_t v, uint32_t buf[2]) {
    buf[0] = (uint32_t)v;
    buf[1] = (uint32_t)(v >> 32);
    KrBnView r = {buf, buf[1] ? 2 : buf[0] ? 1 : 0, false};
    return r;
}

KrBnView kr_bn_view_i64(int64_t v, uint32_t buf[2]) {
    // Negating in unsigned arithmetic keeps INT64_MIN well defined.
    uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    KrBnView r = kr_bn_view_u64(mag, buf);
    r.neg = v < 0;
    return r;
}

static KrBnView view_of(const uint32_t *d, size_t n, bool neg) {
    KrBnView v = {d, n, neg && n != 0};
    return v;
}

static KrBnView view_abs(KrBnView v) {
    v.neg = false;
    return v;
}

const char *kr_bn_status_str(KrBnStatus st) {
    switch (st) {
    case KR_BN_OK: return "ok";
    case KR_BN_NOMEM: return "out of memory";
    case KR_BN_CANCELLED: return "cancelled";
    case KR_BN_DIVZERO: return "division by zero";
    case KR_BN_OVERFLOW: return "integer overflow";
    case KR_BN_INVALID: return "invalid literal for int()";
    case KR_BN_LIMIT: return "Exceeds the limit for integer string conversion";
    case KR_BN_NEG_SHIFT: return "negative shift count";
    case KR_BN_MOD_ZERO: return "pow() 3rd argument cannot be 0";
    case KR_BN_NOT_INVERTIBLE: return "base is not invertible for the given modulus";
    case KR_BN_BAD_ARG: return "bad argument";
    }
    return "unknown status";
}

// ======================= natural-number primitives =======================
// Raw little-endian digit arrays; callers guarantee room and sizes.

static int nat_cmp(const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
    if (na != nb) return na < nb ? -1 : 1;
    while (na--) {
        if (a[na] != b[na]) return a[na] < b[na] ? -1 : 1;
    }
    return 0;
}

static void nat_copy(uint32_t *r, const uint32_t *a, size_t n) {
    if (n && r != a) memmove(r, a, n * sizeof(uint32_t));
}

static void nat_zero(uint32_t *r, size_t n) {
    if (n) memset(r, 0, n * sizeof(uint32_t));
}

// r[0..na) = a + b for na >= nb; returns the carry. r may alias a or b.
static uint32_t nat_add(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
    uint64_t c = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        c += (uint64_t)a[i] + b[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    for (; i < na; i++) {
        c += a[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    return (uint32_t)c;
}

// r[0..na) = a - b for na >= nb; returns the borrow. r may alias a or b.
static uint32_t nat_sub(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
    uint32_t borrow = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        uint64_t t = (uint64_t)a[i] - b[i] - borrow;
        r[i] = (uint32_t)t;
        borrow = (uint32_t)(t >> 63);
    }
    for (; i < na; i++) {
        uint64_t t = (uint64_t)a[i] - borrow;
        r[i] = (uint32_t)t;
        borrow = (uint32_t)(t >> 63);
    }
    return borrow;
}

// r[0..na) = a * m + add; returns the high digit. r may alias a.
static uint32_t nat_mul1(uint32_t *r, const uint32_t *a, size_t na, uint32_t m, uint32_t add) {
    uint64_t c = add;
    for (size_t i = 0; i < na; i++) {
        c += (uint64_t)a[i] * m;
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    return (uint32_t)c;
}

// r[0..na) += a * m; returns the carry out of r[na-1].
static uint32_t nat_addmul1(uint32_t *r, const uint32_t *a, size_t na, uint32_t m) {
    uint64_t c = 0;
    for (size_t i = 0; i < na; i++) {
        c += (uint64_t)a[i] * m + r[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    return (uint32_t)c;
}

// q[0..na) = a / d, returns a % d. q may alias a.
static uint32_t nat_div1(uint32_t *q, const uint32_t *a, size_t na, uint32_t d) {
    uint64_t rem = 0;
    for (size_t i = na; i-- > 0;) {
        uint64_t cur = (rem << 32) | a[i];
        q[i] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    return (uint32_t)rem;
}

// nat_div1 in place by 10^9: a constant divisor lets the compiler use a
// multiplication instead of a hardware divide, which str() spends its time in.
static uint32_t nat_div1_1e9(uint32_t *a, size_t na) {
    const uint64_t d = 1000000000u;
    uint64_t rem = 0;
    for (size_t i = na; i-- > 0;) {
        uint64_t cur = (rem << 32) | a[i];
        a[i] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    return (uint32_t)rem;
}

static uint32_t nat_mod1(const uint32_t *a, size_t na, uint32_t d) {
    uint64_t rem = 0;
    for (size_t i = na; i-- > 0;) rem = ((rem << 32) | a[i]) % d;
    return (uint32_t)rem;
}

// r[0..n) = a << s (0 <= s < 32); returns the bits shifted out. Walks
// downward so r may alias a.
static uint32_t nat_shl(uint32_t *r, const uint32_t *a, size_t n, unsigned s) {
    if (s == 0) {
        nat_copy(r, a, n);
        return 0;
    }
    uint32_t out = n ? a[n - 1] >> (32 - s) : 0;
    for (size_t i = n; i-- > 1;) r[i] = (a[i] << s) | (a[i - 1] >> (32 - s));
    if (n) r[0] = a[0] << s;
    return out;
}

// r[0..n) = a >> s (0 <= s < 32); returns the bits shifted out (in the
// low s bits). Walks upward so r may alias a.
static uint32_t nat_shr(uint32_t *r, const uint32_t *a, size_t n, unsigned s) {
    if (s == 0) {
        nat_copy(r, a, n);
        return 0;
    }
    uint32_t out = n ? a[0] & ((1u << s) - 1) : 0;
    for (size_t i = 0; i + 1 < n; i++) r[i] = (a[i] >> s) | (a[i + 1] << (32 - s));
    if (n) r[n - 1] = a[n - 1] >> s;
    return out;
}

static unsigned clz32(uint32_t x) {
    unsigned n = 0;
    if (x == 0) return 32;
    while (!(x & 0x80000000u)) {
        x <<= 1;
        n++;
    }
    return n;
}

static uint64_t nat_bitlen(const uint32_t *d, size_t n) {
    if (n == 0) return 0;
    return (uint64_t)(n - 1) * 32 + (32 - clz32(d[n - 1]));
}

// Bits [pos, pos + w) of a (w <= 64), zero beyond the top.
static uint64_t nat_bits(const uint32_t *d, size_t n, uint64_t pos, unsigned w) {
    uint64_t v = 0;
    for (unsigned k = 0; k < w;) {
        uint64_t p = pos + k;
        uint64_t di = p / 32;
        unsigned off = (unsigned)(p % 32);
        uint32_t word = di < n ? d[di] >> off : 0;
        unsigned take = 32 - off;
        if (take > w - k) take = w - k;
        if (take < 32) word &= (1u << take) - 1;
        v |= (uint64_t)word << k;
        k += take;
    }
    return v;
}

// True if any bit below position pos is set.
static bool nat_any_below(const uint32_t *d, size_t n, uint64_t pos) {
    uint64_t full = pos / 32;
    for (uint64_t i = 0; i < full && i < n; i++) {
        if (d[i]) return true;
    }
    unsigned rem = (unsigned)(pos % 32);
    return rem && full < n && (d[full] & ((1u << rem) - 1));
}

// ============================ multiplication ============================

// r[0..na+nb) = a * b. r must not overlap a or b.
static KrBnStatus mul_school(KrBnRun *run, uint32_t *r, const uint32_t *a, size_t na,
                             const uint32_t *b, size_t nb) {
    nat_zero(r, na);
    for (size_t j = 0; j < nb; j++) {
        r[j + na] = nat_addmul1(r + j, a, na, b[j]);
        KrBnStatus st = run_work(run, na);
        if (st) return st;
    }
    return KR_BN_OK;
}

// r[0..2n) = a * a: each cross product once, doubled, plus the squares.
static KrBnStatus sqr_school(KrBnRun *run, uint32_t *r, const uint32_t *a, size_t n) {
    nat_zero(r, 2 * n);
    for (size_t i = 0; i + 1 < n; i++) {
        r[i + n] = nat_addmul1(r + 2 * i + 1, a + i + 1, n - i - 1, a[i]);
        KrBnStatus st = run_work(run, n - i);
        if (st) return st;
    }
    nat_shl(r, r, 2 * n, 1); // cannot overflow: 2 * cross < a^2
    uint64_t c = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t p = (uint64_t)a[i] * a[i];
        c += (uint64_t)r[2 * i] + (uint32_t)p;
        r[2 * i] = (uint32_t)c;
        c >>= 32;
        c += (uint64_t)r[2 * i + 1] + (p >> 32);
        r[2 * i + 1] = (uint32_t)c;
        c >>= 32;
    }
    return KR_BN_OK;
}

// Scratch digits a Karatsuba product of operands up to n digits needs:
// each level takes 4h+4 digits (h = half) and recurses on h+1 digits.
static bool kara_scratch(size_t n, size_t *out) {
    size_t s = 0;
    while (n >= KARA_MUL_CUTOFF) {
        size_t h = n / 2 + 1, level;
        if (!kr_size_mul(h + 1, 4, &level) || !kr_size_add(s, level, &s)) return false;
        n = h + 1;
    }
    *out = s;
    return true;
}

// Scratch for mul_any(na, nb) (mirrors its dispatch): a slice product
// also needs 2*small digits for each slice's partial result.
static bool mul_scratch(size_t na, size_t nb, bool square, size_t *out) {
    size_t big = na > nb ? na : nb, small = na > nb ? nb : na, part;
    if (square || small > (big + 1) / 2) return kara_scratch(big, out);
    if (small < KARA_MUL_CUTOFF) {
        *out = 0;
        return true;
    }
    if (!kara_scratch(small, out) || !kr_size_mul(small, 2, &part)) return false;
    return kr_size_add(*out, part, out);
}

static KrBnStatus mul_any(KrBnRun *run, uint32_t *r, const uint32_t *a, size_t na,
                          const uint32_t *b, size_t nb, uint32_t *s, size_t sn);

// Adds the middle Karatsuba term p (pn digits) into r at digit h.
static void kara_add_middle(uint32_t *r, size_t rn, size_t h, const uint32_t *p, size_t pn) {
    pn = nat_len(p, pn);
    assert(pn <= rn - h);
    if (pn > rn - h) pn = rn - h; // mathematically impossible; never write past r
    uint32_t c = nat_add(r + h, r + h, rn - h, p, pn);
    assert(c == 0);
    (void)c;
}

// Karatsuba square: r[0..2n) = a^2 with a = a1*B^h + a0.
static KrBnStatus sqr_any(KrBnRun *run, uint32_t *r, const uint32_t *a, size_t n, uint32_t *s,
                          size_t sn) {
    size_t h = (n + 1) / 2, need = 3 * h + 3;
    if (n < KARA_SQR_CUTOFF || sn < need) {
        assert(n < KARA_SQR_CUTOFF);
        return sqr_school(run, r, a, n);
    }
    KrBnStatus st = sqr_any(run, r, a, h, s, sn);
    if (!st) st = sqr_any(run, r + 2 * h, a + h, n - h, s, sn);
    if (st) return st;
    uint32_t *sum = s, *p = s + h + 1;
    sum[h] = nat_add(sum, a, h, a + h, n - h);
    st = sqr_any(run, p, sum, h + 1, s + need, sn - need);
    if (st) return st;
    nat_sub(p, p, 2 * h + 2, r, 2 * h);
    nat_sub(p, p, 2 * h + 2, r + 2 * h, 2 * n - 2 * h);
    kara_add_middle(r, 2 * n, h, p, 2 * h + 2);
    return KR_BN_OK;
}

// Karatsuba product for na >= nb > ceil(na/2).
static KrBnStatus kara_mul(KrBnRun *run, uint32_t *r, const uint32_t *a, size_t na,
                           const uint32_t *b, size_t nb, uint32_t *s, size_t sn) {
    size_t h = (na + 1) / 2, need = 4 * h + 4;
    if (sn < need) {
        assert(!"karatsuba scratch too small");
        return mul_school(run, r, a, na, b, nb);
    }
    KrBnStatus st = mul_any(run, r, a, h, b, h, s, sn);
    if (!st) st = mul_any(run, r + 2 * h, a + h, na - h, b + h, nb - h, s, sn);
    if (st) return st;
    uint32_t *sa = s, *sb = s + h + 1, *p = s + 2 * h + 2;
    sa[h] = nat_add(sa, a, h, a + h, na - h);
    sb[h] = nat_add(sb, b, h, b + h, nb - h);
    st = mul_any(run, p, sa, h + 1, sb, h + 1, s + need, sn - need);
    if (st) return st;
    nat_sub(p, p, 2 * h + 2, r, 2 * h);
    nat_sub(p, p, 2 * h + 2, r + 2 * h, na + nb - 2 * h);
    kara_add_middle(r, na + nb, h, p, 2 * h + 2);
    return KR_BN_OK;
}

// a much longer than b: multiply b by nb-digit slices of a so every
// product is balanced enough for Karatsuba.
static KrBnStatus mul_sliced(KrBnRun *run, uint32_t *r, const uint32_t *a, size_t na,
                             const uint32_t *b, size_t nb, uint32_t *s, size_t sn) {
    if (sn < 2 * nb) {
        assert(!"sliced scratch too small");
        return mul_school(run, r, a, na, b, nb);
    }
    nat_zero(r, na + nb);
    for (size_t off = 0; off < na; off += nb) {
        size_t len = na - off < nb ? na - off : nb;
        KrBnStatus st = mul_any(run, s, a + off, len, b, nb, s + 2 * nb, sn - 2 * nb);
        if (st) return st;
        uint32_t c = nat_add(r + off, r + off, na + nb - off, s, len + nb);
        assert(c == 0);
        (void)c;
    }
    return KR_BN_OK;
}

// r[0..na+nb) = a * b using scratch s (mul_scratch digits). r must not
// overlap a, b or s. Equal pointers and lengths mean a square.
static KrBnStatus mul_any(KrBnRun *run, uint32_t *r, const uint32_t *a, size_t na,
                          const uint32_t *b, size_t nb, uint32_t *s, size_t sn) {
    if (na < nb) {
        const uint32_t *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if (a == b && na == nb) return sqr_any(run, r, a, na, s, sn);
    if (nb < KARA_MUL_CUTOFF) return mul_school(run, r, a, na, b, nb);
    if (nb <= (na + 1) / 2) return mul_sliced(run, r, a, na, b, nb, s, sn);
    return kara_mul(run, r, a, na, b, nb, s, sn);
}

// r[0..na+nb) = a * b, allocating the scratch the product needs.
static KrBnStatus nat_mul(KrBnRun *run, uint32_t *r, const uint32_t *a, size_t na,
                          const uint32_t *b, size_t nb) {
    size_t sn;
    if (!mul_scratch(na, nb, a == b && na == nb, &sn)) return KR_BN_NOMEM;
    uint32_t *s = NULL;
    if (sn && (s = dig_alloc(run, sn)) == NULL) return KR_BN_NOMEM;
    KrBnStatus st = mul_any(run, r, a, na, b, nb, s, sn);
    dig_free(run->ctx, s, sn);
    return st;
}

// =============================== division ===============================

// One step of Knuth's algorithm D: divides the nv+1 digits at u by the
// normalized vn, leaving the remainder in u[0..nv); returns the quotient
// digit.
static uint32_t knuth_step(uint32_t *u, const uint32_t *vn, size_t nv) {
    uint64_t vtop = vn[nv - 1], vnext = vn[nv - 2];
    uint64_t num = ((uint64_t)u[nv] << 32) | u[nv - 1];
    uint64_t qhat = num / vtop, rhat = num % vtop;
    // Refine the estimate with the next digit; afterwards it is at most
    // one too large.
    while (qhat > DIGIT_MAX || qhat * vnext > ((rhat << 32) | u[nv - 2])) {
        qhat--;
        rhat += vtop;
        if (rhat > DIGIT_MAX) break;
    }
    assert(qhat <= DIGIT_MAX);
    uint64_t carry = 0;
    uint32_t borrow = 0;
    for (size_t i = 0; i < nv; i++) {
        uint64_t p = qhat * vn[i] + carry;
        carry = p >> 32;
        uint64_t t = (uint64_t)u[i] - (uint32_t)p - borrow;
        u[i] = (uint32_t)t;
        borrow = (uint32_t)(t >> 63);
    }
    uint64_t t = (uint64_t)u[nv] - carry - borrow;
    u[nv] = (uint32_t)t;
    if (t >> 63) { // estimate was one too large: add the divisor back
        qhat--;
        u[nv] += nat_add(u, u, nv, vn, nv);
    }
    return (uint32_t)qhat;
}

// u / v for nv >= 2 (v[nv-1] != 0) and nu >= nv. q gets nu-nv+1 digits and
// rem nv digits; either may be NULL. work holds nu+nv+1 digits.
static KrBnStatus nat_divmod_knuth(KrBnRun *run, const uint32_t *u, size_t nu, const uint32_t *v,
                                   size_t nv, uint32_t *q, uint32_t *rem, uint32_t *work) {
    unsigned s = clz32(v[nv - 1]);
    uint32_t *vn = work, *un = work + nv;
    nat_shl(vn, v, nv, s);
    un[nu] = nat_shl(un, u, nu, s);
    for (size_t j = nu - nv + 1; j-- > 0;) {
        uint32_t qd = knuth_step(un + j, vn, nv);
        if (q) q[j] = qd;
        KrBnStatus st = run_work(run, nv);
        if (st) return st;
    }
    if (rem) nat_shr(rem, un, nv, s);
    return KR_BN_OK;
}

// Magnitude division into fresh q (room for one more digit, for floor
// adjustment) and r (room for |b| digits). q may be NULL; b != 0.
static KrBnStatus nat_divmod(KrBnRun *run, KrBnView a, KrBnView b, KrBn *q, KrBn *r) {
    size_t qn = a.n >= b.n ? a.n - b.n + 1 : 0, wn;
    if (!kr_size_add(a.n, b.n, &wn) || !kr_size_add(wn, 2, &wn)) return KR_BN_NOMEM;
    KrBnStatus st = bn_ensure(run, r, b.n);
    if (!st && q) st = bn_ensure(run, q, qn + 1);
    if (st) return st;
    if (a.n < b.n) {
        nat_copy(r->d, a.d, a.n);
        r->n = a.n;
        if (q) q->n = 0;
        return KR_BN_OK;
    }
    if (b.n == 1) {
        uint32_t *qd = q ? q->d : NULL;
        if (qd) r->d[0] = nat_div1(qd, a.d, a.n, b.d[0]);
        else r->d[0] = nat_mod1(a.d, a.n, b.d[0]);
        r->n = 1;
        if (q) q->n = qn;
        return run_work(run, a.n);
    }
    uint32_t *work = dig_alloc(run, wn);
    if (!work) return KR_BN_NOMEM;
    st = nat_divmod_knuth(run, a.d, a.n, b.d, b.n, q ? q->d : NULL, r->d, work);
    dig_free(run->ctx, work, wn);
    r->n = b.n;
    if (q) q->n = qn;
    return st;
}

// ========================== signed arithmetic ==========================

static KrBnView vnorm(KrBnView v) { return kr_bn_view_normalize(v); }

static KrBnStatus set_u64(KrBnRun *run, uint64_t v, bool neg, KrBn *t) {
    KrBnStatus st = bn_ensure(run, t, 2);
    if (st) return st;
    t->d[0] = (uint32_t)v;
    t->d[1] = (uint32_t)(v >> 32);
    t->n = 2;
    t->neg = neg;
    bn_normalize(t);
    return KR_BN_OK;
}

static KrBnStatus set_view(KrBnRun *run, KrBnView a, KrBn *t) {
    KrBnStatus st = bn_ensure(run, t, a.n);
    if (st) return st;
    nat_copy(t->d, a.d, a.n);
    t->n = a.n;
    t->neg = a.neg;
    return KR_BN_OK;
}

// t = a + b (signs honoured); t must not alias a or b.
static KrBnStatus add_into(KrBnRun *run, KrBnView a, KrBnView b, KrBn *t) {
    if (a.n < b.n) {
        KrBnView x = a;
        a = b;
        b = x;
    }
    size_t room;
    if (!kr_size_add(a.n, 1, &room)) return KR_BN_NOMEM;
    KrBnStatus st = bn_ensure(run, t, room);
    if (st) return st;
    if (a.neg == b.neg) {
        t->d[a.n] = nat_add(t->d, a.d, a.n, b.d, b.n);
        t->n = a.n + 1;
        t->neg = a.neg;
    } else if (nat_cmp(a.d, a.n, b.d, b.n) >= 0) {
        nat_sub(t->d, a.d, a.n, b.d, b.n);
        t->n = a.n;
        t->neg = a.neg;
    } else {
        nat_sub(t->d, b.d, b.n, a.d, a.n); // b.n == a.n here
        t->n = b.n;
        t->neg = b.neg;
    }
    bn_normalize(t);
    return KR_BN_OK;
}

// t = a * b; t must not alias a or b.
static KrBnStatus mul_into(KrBnRun *run, KrBnView a, KrBnView b, KrBn *t) {
    if (a.n == 0 || b.n == 0) {
        t->n = 0;
        t->neg = false;
        return KR_BN_OK;
    }
    size_t n;
    if (!kr_size_add(a.n, b.n, &n)) return KR_BN_NOMEM;
    KrBnStatus st = bn_ensure(run, t, n);
    if (!st) st = nat_mul(run, t->d, a.d, a.n, b.d, b.n);
    if (st) return st;
    t->n = n;
    t->neg = a.neg != b.neg;
    bn_normalize(t);
    return KR_BN_OK;
}

// x += 1 on a magnitude with a spare digit of capacity.
static void bn_inc_mag(KrBn *x) {
    for (size_t i = 0; i < x->n; i++) {
        if (++x->d[i] != 0) return;
    }
    assert(x->n < x->cap);
    x->d[x->n++] = 1;
}

// Floor division of normalized a by non-zero b into fresh q (may be NULL)
// and r.
static KrBnStatus divmod_into(KrBnRun *run, KrBnView a, KrBnView b, KrBn *q, KrBn *r) {
    KrBnStatus st = nat_divmod(run, view_abs(a), view_abs(b), q, r);
    if (st) return st;
    r->n = nat_len(r->d, r->n);
    bool differ = a.neg != b.neg;
    if (differ && r->n != 0) {
        // Truncation rounded toward zero; floor needs one step further.
        if (q) bn_inc_mag(q);
        nat_sub(r->d, b.d, b.n, r->d, r->n);
        r->n = b.n;
    }
    r->neg = b.neg;
    bn_normalize(r);
    if (q) {
        q->neg = differ;
        bn_normalize(q);
    }
    return KR_BN_OK;
}

KrBnStatus kr_bn_copy(const KrBnCtx *ctx, KrBnView a, KrBn *out) {
    KrBnRun run = run_start(ctx);
    KrBn t;
    kr_bn_init(&t);
    return bn_deliver(&run, set_view(&run, vnorm(a), &t), &t, out);
}

KrBnStatus kr_bn_neg(const KrBnCtx *ctx, KrBnView a, KrBn *out) {
    a = vnorm(a);
    a.neg = !a.neg && a.n;
    return kr_bn_copy(ctx, a, out);
}

KrBnStatus kr_bn_abs(const KrBnCtx *ctx, KrBnView a, KrBn *out) {
    return kr_bn_copy(ctx, view_abs(a), out);
}

KrBnStatus kr_bn_from_u64(const KrBnCtx *ctx, uint64_t v, KrBn *out) {
    KrBnRun run = run_start(ctx);
    KrBn t;
    kr_bn_init(&t);
    return bn_deliver(&run, set_u64(&run, v, false, &t), &t, out);
}

KrBnStatus kr_bn_from_i64(const KrBnCtx *ctx, int64_t v, KrBn *out) {
    uint32_t buf[2];
    return kr_bn_copy(ctx, kr_bn_view_i64(v, buf), out);
}

KrBnStatus kr_bn_add(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out) {
    KrBnRun run = run_start(ctx);
    KrBn t;
    kr_bn_init(&t);
    return bn_deliver(&run, add_into(&run, vnorm(a), vnorm(b), &t), &t, out);
}

KrBnStatus kr_bn_sub(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out) {
    b = vnorm(b);
    b.neg = !b.neg && b.n;
    return kr_bn_add(ctx, a, b, out);
}

KrBnStatus kr_bn_mul(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out) {
    KrBnRun run = run_start(ctx);
    KrBn t;
    kr_bn_init(&t);
    return bn_deliver(&run, mul_into(&run, vnorm(a), vnorm(b), &t), &t, out);
}

KrBnStatus kr_bn_divmod(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *q, KrBn *r) {
    KrBnRun run = run_start(ctx);
    a = vnorm(a);
    b = vnorm(b);
    if (b.n == 0) return KR_BN_DIVZERO;
    KrBn tq, tr;
    kr_bn_init(&tq);
    kr_bn_init(&tr);
    KrBnStatus st = divmod_into(&run, a, b, q ? &tq : NULL, &tr);
    if (st) {
        bn_release(&run, &tq);
        bn_release(&run, &tr);
        return st;
    }
    if (q) bn_deliver(&run, KR_BN_OK, &tq, q);
    if (r) bn_deliver(&run, KR_BN_OK, &tr, r);
    else bn_release(&run, &tr);
    return KR_BN_OK;
}

KrBnStatus kr_bn_floordiv(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out) {
    return kr_bn_divmod(ctx, a, b, out, NULL);
}

KrBnStatus kr_bn_mod(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out) {
    return kr_bn_divmod(ctx, a, b, NULL, out);
}

int kr_bn_cmp(KrBnView a, KrBnView b) {
    a = vnorm(a);
    b = vnorm(b);
    if (a.neg != b.neg) return a.neg ? -1 : 1;
    int c = nat_cmp(a.d, a.n, b.d, b.n);
    return a.neg ? -c : c;
}

uint64_t kr_bn_bit_length(KrBnView a) {
    a = vnorm(a);
    return nat_bitlen(a.d, a.n);
}

uint64_t kr_bn_bit_count(KrBnView a) {
    a = vnorm(a);
    uint64_t c = 0;
    for (size_t i = 0; i < a.n; i++) {
        uint32_t x = a.d[i];
        while (x) {
            x &= x - 1;
            c++;
        }
    }
    return c;
}

// ============================= conversions =============================

static uint64_t mag_u64(KrBnView a) {
    uint64_t v = a.n > 0 ? a.d[0] : 0;
    if (a.n > 1) v |= (uint64_t)a.d[1] << 32;
    return v;
}

KrBnStatus kr_bn_to_u64(KrBnView a, uint64_t *out) {
    a = vnorm(a);
    if (a.neg || a.n > 2) return KR_BN_OVERFLOW;
    *out = mag_u64(a);
    return KR_BN_OK;
}

KrBnStatus kr_bn_to_i64(KrBnView a, int64_t *out) {
    a = vnorm(a);
    if (a.n > 2) return KR_BN_OVERFLOW;
    uint64_t m = mag_u64(a);
    if (a.neg) {
        if (m > (uint64_t)INT64_MAX + 1) return KR_BN_OVERFLOW;
        // -(m - 1) - 1 stays in range even for INT64_MIN.
        *out = m ? -(int64_t)(m - 1) - 1 : 0;
    } else {
        if (m > (uint64_t)INT64_MAX) return KR_BN_OVERFLOW;
        *out = (int64_t)m;
    }
    return KR_BN_OK;
}

// Rounds the top bits of |a| (bit length L > 53) to 53 bits, half to even:
// returns the mantissa (up to 2^53 inclusive); the value is m * 2^(L-53).
static uint64_t round_top53(KrBnView a, uint64_t L) {
    uint64_t m = nat_bits(a.d, a.n, L - 54, 54);
    bool sticky = nat_any_below(a.d, a.n, L - 54);
    bool half = m & 1;
    m >>= 1;
    if (half && (sticky || (m & 1))) m++;
    return m;
}

KrBnStatus kr_bn_to_double(KrBnView a, double *out) {
    a = vnorm(a);
    uint64_t L = nat_bitlen(a.d, a.n);
    double v;
    if (L <= 53) {
        v = (double)mag_u64(a); // exact
    } else {
        if (L > DBL_MAX_EXP) return KR_BN_OVERFLOW;
        uint64_t m = round_top53(a, L);
        if (m == ((uint64_t)1 << 53) && L == DBL_MAX_EXP) return KR_BN_OVERFLOW;
        v = ldexp((double)m, (int)(L - 53));
    }
    *out = a.neg ? -v : v;
    return KR_BN_OK;
}

KrBnStatus kr_bn_from_double(const KrBnCtx *ctx, double d, KrBn *out) {
    if (!isfinite(d)) return KR_BN_BAD_ARG;
    if (fabs(d) < 9.0e18) return kr_bn_from_i64(ctx, (int64_t)d, out); // C casts truncate
    int e;
    double m = frexp(fabs(d), &e); // |d| = m * 2^e, e > 63 here
    uint64_t mant = (uint64_t)ldexp(m, 53);
    uint32_t buf[2];
    KrBnView v = kr_bn_view_u64(mant, buf);
    v.neg = d < 0;
    return kr_bn_lshift_u64(ctx, v, (uint64_t)(e - 53), out);
}

// Exact |a| vs |d| for a != 0, d finite and non-zero.
static int cmp_mag_double(KrBnView a, double d) {
    int e;
    double m = frexp(fabs(d), &e); // |d| in [2^(e-1), 2^e)
    uint64_t L = nat_bitlen(a.d, a.n);
    if (e < 1 || L < (uint64_t)e) return e < 1 ? 1 : -1;
    if (L > (uint64_t)e) return 1;
    // Same bit length: compare with the integer part of |d|.
    uint64_t mant = (uint64_t)ldexp(m, 53);
    uint32_t ip[34] = {0}; // e <= 1024 bits
    size_t ipn;
    bool frac = false;
    if (e <= 53) {
        frac = (mant & (((uint64_t)1 << (53 - e)) - 1)) != 0;
        uint64_t w = mant >> (53 - e);
        ip[0] = (uint32_t)w;
        ip[1] = (uint32_t)(w >> 32);
        ipn = 2;
    } else {
        unsigned sh = (unsigned)(e - 53);
        uint32_t m2[2] = {(uint32_t)mant, (uint32_t)(mant >> 32)};
        ip[sh / 32 + 2] = nat_shl(ip + sh / 32, m2, 2, sh % 32);
        ipn = sh / 32 + 3;
    }
    int c = nat_cmp(a.d, a.n, ip, nat_len(ip, ipn));
    if (c == 0 && frac) c = -1;
    return c;
}

int kr_bn_cmp_double(KrBnView a, double d) {
    a = vnorm(a);
    if (isnan(d)) return 2;
    if (isinf(d)) return d > 0 ? -1 : 1;
    int sa = a.n == 0 ? 0 : a.neg ? -1 : 1;
    int sd = d > 0 ? 1 : d < 0 ? -1 : 0;
    if (sa != sd) return sa < sd ? -1 : 1;
    if (sa == 0) return 0;
    int c = cmp_mag_double(a, d);
    return sa < 0 ? -c : c;
}

// x rounded to a multiple of 2^extra, half to even; `inexact` means the
// true value is a little above x.
static uint64_t round_low_bits(uint64_t x, int extra, bool inexact) {
    uint64_t unit = (uint64_t)1 << extra, low = x & (unit - 1), half = unit >> 1;
    x -= low;
    if (low > half || (low == half && (inexact || (x & unit)))) x += unit;
    return x;
}

static int bitlen64(uint64_t x) {
    int n = 0;
    while (x) {
        x >>= 1;
        n++;
    }
    return n;
}

// Quotient x = floor(|a| / (|b| * 2^shift)) (fits in 64 bits by choice of
// shift) and whether the division was inexact.
static KrBnStatus scaled_quotient(KrBnRun *run, KrBnView a, KrBnView b, int64_t shift,
                                  uint64_t *x, bool *inexact) {
    KrBn num, q, r;
    kr_bn_init(&num);
    kr_bn_init(&q);
    kr_bn_init(&r);
    KrBnStatus st;
    *inexact = false;
    if (shift >= 0) {
        *inexact = nat_any_below(a.d, a.n, (uint64_t)shift);
        st = kr_bn_rshift_u64(run->ctx, view_abs(a), (uint64_t)shift, &num);
    } else {
        st = kr_bn_lshift_u64(run->ctx, view_abs(a), (uint64_t)-shift, &num);
    }
    if (!st) st = nat_divmod(run, kr_bn_view(&num), view_abs(b), &q, &r);
    if (!st) {
        q.n = nat_len(q.d, q.n);
        assert(q.n <= 2);
        *x = mag_u64(kr_bn_view(&q));
        *inexact = *inexact || nat_len(r.d, r.n) != 0;
    }
    bn_release(run, &num);
    bn_release(run, &q);
    bn_release(run, &r);
    return st;
}

// Correctly rounded |a| / |b| for a, b != 0 (after CPython's strategy:
// an integer quotient with two or three bits beyond the target precision,
// plus a sticky bit, then one rounding).
static KrBnStatus true_div_mag(KrBnRun *run, KrBnView a, KrBnView b, double *out) {
    int64_t diff = (int64_t)nat_bitlen(a.d, a.n) - (int64_t)nat_bitlen(b.d, b.n);
    // a/b lies in [2^(diff-1), 2^(diff+1)).
    if (diff > DBL_MAX_EXP) return KR_BN_OVERFLOW;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        *out = 0.0; // below half the smallest subnormal
        return KR_BN_OK;
    }
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    uint64_t x = 0;
    bool inexact;
    KrBnStatus st = scaled_quotient(run, a, b, shift, &x, &inexact);
    if (st) return st;
    // Keep 53 bits, or fewer where the result is subnormal.
    int64_t extra = bitlen64(x) - DBL_MANT_DIG;
    if (DBL_MIN_EXP - DBL_MANT_DIG - shift > extra) extra = DBL_MIN_EXP - DBL_MANT_DIG - shift;
    x = round_low_bits(x, (int)extra, inexact);
    if (bitlen64(x) + shift > DBL_MAX_EXP) return KR_BN_OVERFLOW;
    *out = ldexp((double)x, (int)shift);
    return KR_BN_OK;
}

KrBnStatus kr_bn_true_div(const KrBnCtx *ctx, KrBnView a, KrBnView b, double *out) {
    KrBnRun run = run_start(ctx);
    a = vnorm(a);
    b = vnorm(b);
    if (b.n == 0) return KR_BN_DIVZERO;
    bool neg = a.neg != b.neg;
    double v = 0.0;
    KrBnStatus st = KR_BN_OK;
    if (a.n == 0) {
        v = 0.0;
    } else if (nat_bitlen(a.d, a.n) <= DBL_MANT_DIG && nat_bitlen(b.d, b.n) <= DBL_MANT_DIG) {
        v = (double)mag_u64(a) / (double)mag_u64(b); // exact operands: one rounding
    } else {
        st = true_div_mag(&run, a, b, &v);
    }
    if (st) return st;
    *out = neg ? -v : v;
    return KR_BN_OK;
}

KrBnStatus kr_bn_from_bytes(const KrBnCtx *ctx, const uint8_t *p, size_t n, bool little,
                            bool is_signed, KrBn *out) {
    KrBnRun run = run_start(ctx);
    KrBn t;
    kr_bn_init(&t);
    size_t nd = n / 4 + 1;
    KrBnStatus st = bn_ensure(&run, &t, nd);
    if (st) return bn_deliver(&run, st, &t, out);
    nat_zero(t.d, nd);
    for (size_t i = 0; i < n; i++) {
        uint8_t byte = little ? p[i] : p[n - 1 - i];
        t.d[i / 4] |= (uint32_t)byte << (8 * (i % 4));
    }
    t.n = nd;
    bool neg = is_signed && n > 0 && ((little ? p[n - 1] : p[0]) & 0x80);
    if (neg) {
        // value - 2^(8n): negate the n-byte two's complement pattern.
        uint32_t c = 1;
        for (size_t i = 0; i < nd; i++) {
            uint32_t x = ~t.d[i];
            t.d[i] = x + c;
            c = c && t.d[i] == 0;
        }
        size_t bits = 8 * (n % 4);
        if (bits) t.d[n / 4] &= (1u << bits) - 1;
        else t.d[n / 4] = 0;
        t.neg = true;
    }
    return bn_deliver(&run, KR_BN_OK, &t, out);
}

KrBnStatus kr_bn_to_bytes(KrBnView a, uint8_t *p, size_t n, bool little, bool is_signed) {
    a = vnorm(a);
    if (a.neg && !is_signed) return KR_BN_OVERFLOW;
    uint64_t L = nat_bitlen(a.d, a.n), room = (uint64_t)n * 8;
    if (n > UINT64_MAX / 8) room = UINT64_MAX;
    bool fits;
    if (!is_signed) fits = L <= room;
    else if (room == 0) fits = L == 0 || (a.neg && L == 1); // CPython 3.11 lets -1 fit in 0 bytes
    else if (!a.neg) fits = L <= room - 1;
    else // -2^(room-1) is the one negative value with bit length `room`
        fits = L <= room - 1 || (L == room && !nat_any_below(a.d, a.n, L - 1));
    if (!fits) return KR_BN_OVERFLOW;
    uint32_t c = 1;
    for (size_t i = 0; i < n; i++) {
        size_t di = i / 4;
        uint32_t byte = di < a.n ? (a.d[di] >> (8 * (i % 4))) & 0xFF : 0;
        if (a.neg) {
            byte = (~byte & 0xFF) + c;
            c = byte >> 8;
            byte &= 0xFF;
        }
        p[little ? i : n - 1 - i] = (uint8_t)byte;
    }
    return KR_BN_OK;
}

// ======================= shifts and bit operations =======================

KrBnStatus kr_bn_lshift_u64(const KrBnCtx *ctx, KrBnView a, uint64_t count, KrBn *out) {
    KrBnRun run = run_start(ctx);
    a = vnorm(a);
    KrBn t;
    kr_bn_init(&t);
    if (a.n == 0) return bn_deliver(&run, KR_BN_OK, &t, out);
    if (count / 32 > SIZE_MAX) return KR_BN_NOMEM;
    size_t digits = (size_t)(count / 32), n;
    if (!kr_size_add(a.n, digits, &n) || !kr_size_add(n, 1, &n)) return KR_BN_NOMEM;
    KrBnStatus st = bn_ensure(&run, &t, n);
    if (st) return bn_deliver(&run, st, &t, out);
    nat_zero(t.d, digits);
    t.d[n - 1] = nat_shl(t.d + digits, a.d, a.n, (unsigned)(count % 32));
    t.n = n;
    t.neg = a.neg;
    return bn_deliver(&run, KR_BN_OK, &t, out);
}

// Right shift floors, so negatives round toward -inf: -5 >> 1 == -3.
KrBnStatus kr_bn_rshift_u64(const KrBnCtx *ctx, KrBnView a, uint64_t count, KrBn *out) {
    KrBnRun run = run_start(ctx);
    a = vnorm(a);
    KrBn t;
    kr_bn_init(&t);
    if (count >= nat_bitlen(a.d, a.n)) {
        if (!a.neg) return bn_deliver(&run, KR_BN_OK, &t, out);
        return bn_deliver(&run, set_u64(&run, 1, true, &t), &t, out);
    }
    size_t digits = (size_t)(count / 32), n = a.n - digits; // < a.n: +1 is safe
    KrBnStatus st = bn_ensure(&run, &t, n + 1);
    if (st) return bn_deliver(&run, st, &t, out);
    nat_shr(t.d, a.d + digits, n, (unsigned)(count % 32));
    t.n = nat_len(t.d, n);
    t.neg = a.neg;
    if (a.neg && nat_any_below(a.d, a.n, count)) bn_inc_mag(&t);
    return bn_deliver(&run, KR_BN_OK, &t, out);
}

KrBnStatus kr_bn_lshift(const KrBnCtx *ctx, KrBnView a, KrBnView count, KrBn *out) {
    count = vnorm(count);
    if (count.neg) return KR_BN_NEG_SHIFT;
    if (vnorm(a).n == 0) return kr_bn_copy(ctx, a, out);
    if (count.n > 2) return KR_BN_NOMEM; // a result of 2^64 bits or more
    return kr_bn_lshift_u64(ctx, a, mag_u64(count), out);
}

KrBnStatus kr_bn_rshift(const KrBnCtx *ctx, KrBnView a, KrBnView count, KrBn *out) {
    count = vnorm(count);
    if (count.neg) return KR_BN_NEG_SHIFT;
    uint64_t c = count.n > 2 ? UINT64_MAX : mag_u64(count); // shifts everything out
    return kr_bn_rshift_u64(ctx, a, c, out);
}

// Digits of a number in infinite two's complement, produced in order.
typedef struct TwosIter {
    KrBnView v;
    uint32_t carry; // the +1 of ~x + 1, still propagating
} TwosIter;

static uint32_t twos_next(TwosIter *it, size_t i) {
    uint32_t x = i < it->v.n ? it->v.d[i] : 0;
    if (!it->v.neg) return x;
    uint32_t t = ~x, s = t + it->carry;
    it->carry = s < t;
    return s;
}

static uint32_t bit_apply(char op, uint32_t x, uint32_t y) {
    return op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
}

static KrBnStatus bitop(const KrBnCtx *ctx, char op, KrBnView a, KrBnView b, KrBn *out) {
    KrBnRun run = run_start(ctx);
    a = vnorm(a);
    b = vnorm(b);
    size_t w; // one digit more, for the sign
    if (!kr_size_add(a.n > b.n ? a.n : b.n, 1, &w)) return KR_BN_NOMEM;
    KrBn t;
    kr_bn_init(&t);
    KrBnStatus st = bn_ensure(&run, &t, w);
    if (st) return bn_deliver(&run, st, &t, out);
    TwosIter ia = {a, 1}, ib = {b, 1};
    for (size_t i = 0; i < w; i++) t.d[i] = bit_apply(op, twos_next(&ia, i), twos_next(&ib, i));
    t.n = w;
    t.neg = bit_apply(op, a.neg, b.neg) & 1;
    if (t.neg) { // back to sign and magnitude: negate the w-digit pattern
        uint32_t c = 1;
        for (size_t i = 0; i < w; i++) {
            t.d[i] = ~t.d[i] + c;
            c = c && t.d[i] == 0;
        }
    }
    return bn_deliver(&run, KR_BN_OK, &t, out);
}

KrBnStatus kr_bn_and(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out) {
    return bitop(ctx, '&', a, b, out);
}

KrBnStatus kr_bn_or(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out) {
    return bitop(ctx, '|', a, b, out);
}

KrBnStatus kr_bn_xor(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out) {
    return bitop(ctx, '^', a, b, out);
}

KrBnStatus kr_bn_invert(const KrBnCtx *ctx, KrBnView a, KrBn *out) {
    uint32_t buf[2];
    a = vnorm(a);
    a.neg = !a.neg && a.n;
    return kr_bn_add(ctx, a, kr_bn_view_i64(-1, buf), out); // ~a == -a - 1
}

// ================================ powers ================================

static bool exp_bit(KrBnView e, uint64_t i) { return (e.d[i / 32] >> (i % 32)) & 1; }

// |a| is a power of two.
static bool is_pow2_mag(KrBnView a) {
    if (a.n == 0) return false;
    for (size_t i = 0; i + 1 < a.n; i++) {
        if (a.d[i]) return false;
    }
    return (a.d[a.n - 1] & (a.d[a.n - 1] - 1)) == 0;
}

// Upper bound on the digits of |base|^e (|base| >= 2), from log2 with a
// safety margin, so the result can be allocated before any work.
static bool pow_digits_bound(KrBnView base, uint64_t e, size_t *out) {
    uint64_t L = nat_bitlen(base.d, base.n);
    uint64_t top = nat_bits(base.d, base.n, L > 64 ? L - 64 : 0, L > 64 ? 64 : (unsigned)L);
    // +1 covers the bits below the 64 we looked at.
    double lg = log2((double)top + 1.0) + (L > 64 ? (double)(L - 64) : 0.0);
    double bits = (double)e * lg * (1.0 + 1e-12) + 2.0;
    if (!(bits < 0x1p62) || bits / 32.0 + 2.0 >= (double)(SIZE_MAX / sizeof(uint32_t)))
        return false;
    *out = (size_t)(bits / 32.0) + 2;
    return true;
}

// Left-to-right square and multiply of |base|^e into out's fresh buffer
// of D+1 digits (D bounds the result), with all temporaries allocated
// first so an impossible power fails before any work.
static KrBnStatus pow_mag(KrBnRun *run, KrBnView base, uint64_t e, size_t D, KrBn *out) {
    size_t half = D / 2 + 1, s1, s2;
    if (!mul_scratch(half, half, true, &s1) || !mul_scratch(D, base.n, false, &s2))
        return KR_BN_NOMEM;
    size_t sn = s1 > s2 ? s1 : s2;
    KrBn acc, tmp;
    kr_bn_init(&acc);
    kr_bn_init(&tmp);
    uint32_t *s = NULL;
    KrBnStatus st = bn_ensure(run, &acc, D + 1);
    if (!st) st = bn_ensure(run, &tmp, D + 1);
    if (!st && sn && (s = dig_alloc(run, sn)) == NULL) st = KR_BN_NOMEM;
    if (!st) {
        nat_copy(acc.d, base.d, base.n);
        acc.n = base.n;
    }
    for (int bit = bitlen64(e) - 2; !st && bit >= 0; bit--) {
        st = mul_any(run, tmp.d, acc.d, acc.n, acc.d, acc.n, s, sn);
        tmp.n = nat_len(tmp.d, 2 * acc.n);
        KrBn x = acc;
        acc = tmp;
        tmp = x;
        if (st || !((e >> bit) & 1)) continue;
        st = mul_any(run, tmp.d, acc.d, acc.n, base.d, base.n, s, sn);
        tmp.n = nat_len(tmp.d, acc.n + base.n);
        x = acc;
        acc = tmp;
        tmp = x;
    }
    dig_free(run->ctx, s, sn);
    bn_release(run, &tmp);
    if (st) bn_release(run, &acc);
    else *out = acc;
    return st;
}

KrBnStatus kr_bn_pow(const KrBnCtx *ctx, KrBnView base, KrBnView exp, KrBn *out) {
    KrBnRun run = run_start(ctx);
    base = vnorm(base);
    exp = vnorm(exp);
    if (exp.neg) return KR_BN_BAD_ARG;
    bool odd = exp.n && (exp.d[0] & 1), neg = base.neg && odd;
    KrBn t;
    kr_bn_init(&t);
    if (exp.n == 0) return bn_deliver(&run, set_u64(&run, 1, false, &t), &t, out);
    if (base.n == 0) return bn_deliver(&run, KR_BN_OK, &t, out);
    if (base.n == 1 && base.d[0] == 1) return bn_deliver(&run, set_u64(&run, 1, neg, &t), &t, out);
    if (exp.n > 2) return KR_BN_NOMEM; // at least 2^(2^64) bits
    uint64_t e = mag_u64(exp), L = nat_bitlen(base.d, base.n);
    if (is_pow2_mag(base)) {
        if ((L - 1) > UINT64_MAX / e) return KR_BN_NOMEM;
        uint32_t one = 1;
        return kr_bn_lshift_u64(ctx, view_of(&one, 1, neg), (L - 1) * e, out);
    }
    size_t D;
    if (!pow_digits_bound(base, e, &D)) return KR_BN_NOMEM;
    KrBnStatus st = pow_mag(&run, view_abs(base), e, D, &t);
    t.neg = neg;
    return bn_deliver(&run, st, &t, out);
}

// Modular multiplication state: the modulus and preallocated buffers.
typedef struct ModMul {
    KrBnRun *run;
    KrBnView m;
    uint32_t *prod, *scratch, *work; // 2mn, sn and 3mn+1 digits
    size_t sn;
} ModMul;

static KrBnStatus modmul_init(ModMul *mm, KrBnRun *run, KrBnView m) {
    mm->run = run;
    mm->m = m;
    mm->prod = mm->scratch = mm->work = NULL;
    mm->sn = 0;
    size_t two, three;
    if (!kr_size_mul(m.n, 2, &two) || !kr_size_mul(m.n, 3, &three) ||
        !mul_scratch(m.n, m.n, false, &mm->sn))
        return KR_BN_NOMEM;
    mm->prod = dig_alloc(run, two);
    mm->work = dig_alloc(run, three + 1);
    if (mm->sn) mm->scratch = dig_alloc(run, mm->sn);
    if (!mm->prod || !mm->work || (mm->sn && !mm->scratch)) return KR_BN_NOMEM;
    return KR_BN_OK;
}

static void modmul_free(ModMul *mm) {
    const KrBnCtx *ctx = mm->run->ctx;
    dig_free(ctx, mm->prod, 2 * mm->m.n);
    dig_free(ctx, mm->work, 3 * mm->m.n + 1);
    dig_free(ctx, mm->scratch, mm->sn);
}

// x = x * y mod m, where x has room for m.n digits and x, y < m.
static KrBnStatus modmul(ModMul *mm, KrBn *x, KrBnView y) {
    KrBnView m = mm->m;
    KrBnStatus st = mul_any(mm->run, mm->prod, x->d, x->n, y.d, y.n, mm->scratch, mm->sn);
    if (st) return st;
    size_t pn = nat_len(mm->prod, x->n + y.n);
    if (nat_cmp(mm->prod, pn, m.d, m.n) < 0) {
        nat_copy(x->d, mm->prod, pn);
        x->n = pn;
        return KR_BN_OK;
    }
    if (m.n == 1) {
        x->d[0] = nat_mod1(mm->prod, pn, m.d[0]);
        x->n = x->d[0] != 0;
        return run_work(mm->run, pn);
    }
    st = nat_divmod_knuth(mm->run, mm->prod, pn, m.d, m.n, NULL, x->d, mm->work);
    x->n = nat_len(x->d, m.n);
    return st;
}

// Sets inv = a^-1 mod m for 0 <= a < m, m > 1, by the extended Euclidean
// algorithm (only the coefficient of a is tracked).
static KrBnStatus mod_inverse(KrBnRun *run, KrBnView a, KrBnView m, KrBn *inv) {
    KrBn r0, r1, t0, t1, q, r2, qt, t2;
    KrBn *all[] = {&r0, &r1, &t0, &t1, &q, &r2, &qt, &t2};
    for (size_t i = 0; i < 8; i++) kr_bn_init(all[i]);
    KrBnStatus st = set_view(run, m, &r0);
    if (!st) st = set_view(run, a, &r1);
    if (!st) st = set_u64(run, 0, false, &t0);
    if (!st) st = set_u64(run, 1, false, &t1);
    while (!st && r1.n != 0) {
        st = divmod_into(run, kr_bn_view(&r0), kr_bn_view(&r1), &q, &r2);
        if (!st) st = mul_into(run, kr_bn_view(&q), kr_bn_view(&t1), &qt);
        qt.neg = !qt.neg && qt.n;
        if (!st) st = add_into(run, kr_bn_view(&t0), kr_bn_view(&qt), &t2);
        if (!st) st = run_work(run, r0.n);
        KrBn x = r0; // rotate: (r0, r1, r2) = (r1, r2, old r0)
        r0 = r1;
        r1 = r2;
        r2 = x;
        x = t0;
        t0 = t1;
        t1 = t2;
        t2 = x;
    }
    if (!st && !(r0.n == 1 && r0.d[0] == 1)) st = KR_BN_NOT_INVERTIBLE;
    if (!st) st = divmod_into(run, kr_bn_view(&t0), m, NULL, inv);
    for (size_t i = 0; i < 8; i++) bn_release(run, all[i]);
    return st;
}

// |base|^e mod m for base already reduced into [0, m), m > 1.
static KrBnStatus powmod_mag(KrBnRun *run, KrBnView b, KrBnView e, KrBnView m, KrBn *out) {
    ModMul mm;
    KrBnStatus st = modmul_init(&mm, run, m);
    if (!st) st = bn_ensure(run, out, m.n);
    if (!st) {
        out->d[0] = 1;
        out->n = 1;
    }
    for (uint64_t i = nat_bitlen(e.d, e.n); !st && i-- > 0;) {
        st = modmul(&mm, out, kr_bn_view(out));
        if (!st && exp_bit(e, i)) st = modmul(&mm, out, b);
    }
    modmul_free(&mm);
    return st;
}

KrBnStatus kr_bn_powmod(const KrBnCtx *ctx, KrBnView base, KrBnView exp, KrBnView mod,
                        KrBn *out) {
    KrBnRun run = run_start(ctx);
    base = vnorm(base);
    exp = vnorm(exp);
    mod = vnorm(mod);
    if (mod.n == 0) return KR_BN_MOD_ZERO;
    KrBnView m = view_abs(mod);
    KrBn b, t;
    kr_bn_init(&b);
    kr_bn_init(&t);
    if (m.n == 1 && m.d[0] == 1) return bn_deliver(&run, KR_BN_OK, &t, out); // x % 1 == 0
    KrBnStatus st = divmod_into(&run, base, m, NULL, &b);
    if (!st && exp.neg) {
        st = mod_inverse(&run, kr_bn_view(&b), m, &t);
        KrBn x = b;
        b = t;
        t = x;
    }
    if (!st) st = powmod_mag(&run, kr_bn_view(&b), view_abs(exp), m, &t);
    if (!st && mod.neg && t.n) { // the result takes the modulus's sign
        nat_sub(t.d, m.d, m.n, t.d, t.n);
        t.n = m.n;
        t.neg = true;
    }
    bn_release(&run, &b);
    return bn_deliver(&run, st, &t, out);
}

// ================================= gcd =================================

static uint64_t gcd_u64(uint64_t a, uint64_t b) {
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

// Lehmer cofactors from the leading 31 bits uh >= vh of u and v (Knuth's
// Algorithm L): the 2x2 matrix of as many Euclid steps as the leading bits
// determine. b == 0 means none could be taken.
typedef struct Cofactors {
    int64_t a, b, c, d;
} Cofactors;

#define LEHMER_BITS 31
#define COF_LIMIT (((int64_t)1 << LEHMER_BITS) - 1)

static Cofactors lehmer_cofactors(int64_t uh, int64_t vh) {
    Cofactors k = {1, 0, 0, 1};
    for (;;) {
        if (vh + k.c <= 0 || vh + k.d <= 0) break;
        int64_t q = (uh + k.a) / (vh + k.c);
        if (q != (uh + k.b) / (vh + k.d)) break;
        int64_t nc = k.a - q * k.c, nd = k.b - q * k.d;
        // Keeps every product in lehmer_combine inside int64.
        if (nc > COF_LIMIT || nc < -COF_LIMIT || nd > COF_LIMIT || nd < -COF_LIMIT) break;
        k.a = k.c;
        k.b = k.d;
        k.c = nc;
        k.d = nd;
        int64_t t = uh - q * vh;
        uh = vh;
        vh = t;
    }
    return k;
}

// r[0..n) = x*u + y*v for cofactors of opposite signs (the result is a
// remainder of the Euclidean sequence, so non-negative and below u).
static void lehmer_combine(uint32_t *r, const uint32_t *u, const uint32_t *v, size_t n, int64_t x,
                           int64_t y) {
    int64_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t t = x * (int64_t)u[i] + y * (int64_t)v[i] + carry;
        uint32_t low = (uint32_t)t; // modulo 2^32, well defined
        r[i] = low;
        carry = (t - (int64_t)low) / ((int64_t)1 << 32);
    }
    assert(carry == 0);
}

// One Lehmer round on u >= v (v != 0, both with cap >= u.n): either a
// batch of Euclid steps through cofactors, or one full division.
static KrBnStatus gcd_round(KrBnRun *run, KrBn *u, KrBn *v, KrBn *t, KrBn *w, uint32_t *work) {
    uint64_t s = nat_bitlen(u->d, u->n) - LEHMER_BITS;
    int64_t uh = (int64_t)nat_bits(u->d, u->n, s, LEHMER_BITS);
    int64_t vh = (int64_t)nat_bits(v->d, v->n, s, LEHMER_BITS);
    Cofactors k = lehmer_cofactors(uh, vh);
    bool same_sign = (k.a < 0) == (k.b < 0) && k.a != 0;
    if (k.b == 0 || same_sign || (k.c < 0) == (k.d < 0)) {
        if (v->n == 1) {
            t->d[0] = nat_mod1(u->d, u->n, v->d[0]);
            t->n = 1;
        } else {
            KrBnStatus st = nat_divmod_knuth(run, u->d, u->n, v->d, v->n, NULL, t->d, work);
            if (st) return st;
            t->n = v->n;
        }
        t->n = nat_len(t->d, t->n);
        KrBn x = *u; // (u, v, t) = (v, t, u)
        *u = *v;
        *v = *t;
        *t = x;
        return KR_BN_OK;
    }
    size_t n = u->n;
    nat_zero(v->d + v->n, n - v->n);
    lehmer_combine(t->d, u->d, v->d, n, k.a, k.b);
    lehmer_combine(w->d, u->d, v->d, n, k.c, k.d);
    t->n = nat_len(t->d, n);
    w->n = nat_len(w->d, n);
    KrBn x = *u, y = *v; // (u, v, t, w) = (t, w, u, v)
    *u = *t;
    *v = *w;
    *t = x;
    *w = y;
    return run_work(run, 4 * n);
}

static KrBnStatus gcd_mag(KrBnRun *run, KrBnView a, KrBnView b, KrBn *out) {
    if (nat_cmp(a.d, a.n, b.d, b.n) < 0) {
        KrBnView x = a;
        a = b;
        b = x;
    }
    size_t cap, wn;
    if (!kr_size_add(a.n, 1, &cap) || !kr_size_mul(cap, 2, &wn) || !kr_size_add(wn, 1, &wn))
        return KR_BN_NOMEM;
    KrBn u, v, t, w;
    kr_bn_init(&u);
    kr_bn_init(&v);
    kr_bn_init(&t);
    kr_bn_init(&w);
    uint32_t *work = dig_alloc(run, wn);
    KrBnStatus st = work ? KR_BN_OK : KR_BN_NOMEM;
    if (!st) st = bn_ensure(run, &u, cap);
    if (!st) st = bn_ensure(run, &v, cap);
    if (!st) st = bn_ensure(run, &t, cap);
    if (!st) st = bn_ensure(run, &w, cap);
    if (!st) {
        nat_copy(u.d, a.d, a.n);
        u.n = a.n;
        nat_copy(v.d, b.d, b.n);
        v.n = b.n;
    }
    while (!st && v.n != 0 && u.n > 2) st = gcd_round(run, &u, &v, &t, &w, work);
    if (!st && v.n != 0) { // both fit in 64 bits now
        uint64_t g = gcd_u64(mag_u64(kr_bn_view(&u)), mag_u64(kr_bn_view(&v)));
        st = set_u64(run, g, false, &u);
    }
    dig_free(run->ctx, work, wn);
    bn_release(run, &v);
    bn_release(run, &t);
    bn_release(run, &w);
    if (st) bn_release(run, &u);
    else *out = u;
    return st;
}

KrBnStatus kr_bn_gcd(const KrBnCtx *ctx, KrBnView a, KrBnView b, KrBn *out) {
    KrBnRun run = run_start(ctx);
    a = view_abs(vnorm(a));
    b = view_abs(vnorm(b));
    KrBn t;
    kr_bn_init(&t);
    KrBnStatus st = gcd_mag(&run, a, b, &t);
    return bn_deliver(&run, st, &t, out);
}

// ================================ isqrt ================================

// Newton's iteration from above: x' = (x + a // x) // 2 decreases
// monotonically to floor(sqrt(a)) and stops as soon as it would not.
static KrBnStatus isqrt_mag(KrBnRun *run, KrBnView a, KrBn *x) {
    KrBn q, r, y;
    kr_bn_init(&q);
    kr_bn_init(&r);
    kr_bn_init(&y);
    uint64_t half = (nat_bitlen(a.d, a.n) + 1) / 2; // 2^half >= sqrt(a)
    KrBnStatus st = bn_ensure(run, x, (size_t)(half / 32) + 1);
    if (!st) {
        x->n = (size_t)(half / 32) + 1;
        nat_zero(x->d, x->n);
        x->d[half / 32] = 1u << (half % 32);
    }
    while (!st) {
        st = divmod_into(run, a, kr_bn_view(x), &q, &r);
        if (!st) st = add_into(run, kr_bn_view(x), kr_bn_view(&q), &y);
        if (st) break;
        nat_shr(y.d, y.d, y.n, 1);
        bn_normalize(&y);
        if (nat_cmp(y.d, y.n, x->d, x->n) >= 0) break;
        KrBn t = *x;
        *x = y;
        y = t;
    }
    bn_release(run, &q);
    bn_release(run, &r);
    bn_release(run, &y);
    return st;
}

KrBnStatus kr_bn_isqrt(const KrBnCtx *ctx, KrBnView a, KrBn *out) {
    KrBnRun run = run_start(ctx);
    a = vnorm(a);
    if (a.neg) return KR_BN_BAD_ARG;
    KrBn t;
    kr_bn_init(&t);
    if (a.n == 0) return bn_deliver(&run, KR_BN_OK, &t, out);
    return bn_deliver(&run, isqrt_mag(&run, a, &t), &t, out);
}

// =============================== strings ===============================

static unsigned digit_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static bool is_pow2_base(int base) { return (base & (base - 1)) == 0; }

// Python's bytes.isspace(): what int() strips from ASCII text.
static bool ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// Digits per 32-bit chunk in a base (the most whose value fits a digit),
// and base^that.
static unsigned chunk_digits(int base, uint32_t *power) {
    uint64_t p = (uint64_t)base;
    unsigned k = 1;
    while (p * (uint64_t)base <= DIGIT_MAX) {
        p *= (uint64_t)base;
        k++;
    }
    *power = (uint32_t)p;
    return k;
}

// Code points whose Unicode "decimal" value is 0 (Unicode 14.0, as in
// Python 3.11); each starts a run of ten digits 0..9.
static const uint32_t unicode_zeros[] = {
    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,   0xc66,
    0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,  0x1810,
    0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,  0xa8d0,
    0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0,
    0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
    0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec,
    0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
};

// Non-ASCII code points for which str.isspace() is true.
static bool unicode_space(uint32_t cp) {
    return cp == 0x85 || cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

// How int(str) sees a non-ASCII code point: whitespace becomes ' ', a
// decimal digit its ASCII digit, anything else a character no base
// accepts.
static char unicode_to_ascii(uint32_t cp) {
    if (unicode_space(cp)) return ' ';
    for (size_t i = 0; i < sizeof unicode_zeros / sizeof unicode_zeros[0]; i++) {
        if (cp >= unicode_zeros[i] && cp < unicode_zeros[i] + 10)
            return (char)('0' + (cp - unicode_zeros[i]));
    }
    return '?';
}

// Where the digits of a literal are, after sign, prefix and underscores
// have been checked.
typedef struct Literal {
    size_t start, end; // digit run (underscores included)
    size_t digits;     // digit count
    int base;
    bool neg;
    bool zero_rule; // base 0 decimal starting with '0': only zeros allowed
} Literal;

static int prefix_base(char c) {
    return (c == 'x' || c == 'X') ? 16 : (c == 'o' || c == 'O') ? 8 : (c == 'b' || c == 'B') ? 2 : 0;
}

// Sign and base prefix at s[*i]; resolves base 0.
static bool scan_prefix(const char *s, size_t len, size_t *i, Literal *lit) {
    size_t k = *i;
    lit->neg = false;
    if (k < len && (s[k] == '+' || s[k] == '-')) lit->neg = s[k++] == '-';
    int pb = (k + 1 < len && s[k] == '0') ? prefix_base(s[k + 1]) : 0;
    bool prefixed = false;
    lit->zero_rule = false;
    if (lit->base == 0) {
        prefixed = pb != 0;
        lit->base = prefixed ? pb : 10;
        lit->zero_rule = !prefixed && k < len && s[k] == '0';
    } else {
        prefixed = pb != 0 && pb == lit->base;
    }
    if (prefixed) k += 2;
    *i = k;
    return prefixed;
}

// The digit run: single underscores only between digits, or right after
// a base prefix. Stops at the first character that is not a digit.
static bool scan_digits(const char *s, size_t len, size_t *i, bool prefixed, Literal *lit) {
    bool prev_us = !prefixed; // a leading underscore is only allowed after 0x etc.
    lit->start = *i;
    lit->digits = 0;
    size_t k = *i;
    for (; k < len; k++) {
        if (s[k] == '_') {
            if (prev_us) return false;
            prev_us = true;
            continue;
        }
        if (digit_value((unsigned char)s[k]) >= (unsigned)lit->base) break;
        prev_us = false;
        lit->digits++;
    }
    lit->end = *i = k;
    return !prev_us && lit->digits > 0;
}

// Value of the digit run in a power-of-two base: bits packed from the end.
static KrBnStatus convert_pow2(KrBnRun *run, const char *s, const Literal *lit, KrBn *t) {
    unsigned k = 0;
    while ((1 << k) < lit->base) k++;
    size_t bits, n;
    if (!kr_size_mul(lit->digits, k, &bits)) return KR_BN_NOMEM;
    n = bits / 32 + 1;
    KrBnStatus st = bn_ensure(run, t, n);
    if (st) return st;
    nat_zero(t->d, n);
    uint64_t pos = 0;
    for (size_t j = lit->end; j-- > lit->start;) {
        if (s[j] == '_') continue;
        uint32_t v = digit_value((unsigned char)s[j]);
        t->d[pos / 32] |= v << (pos % 32);
        if (pos % 32 + k > 32) t->d[pos / 32 + 1] |= v >> (32 - pos % 32);
        pos += k;
    }
    t->n = n;
    return KR_BN_OK;
}

// Value of the digit run in any other base: one multiply-add per chunk of
// digits that fits a 32-bit digit (9 at a time in base 10).
static KrBnStatus convert_chunks(KrBnRun *run, const char *s, const Literal *lit, KrBn *t) {
    uint32_t power;
    unsigned per = chunk_digits(lit->base, &power);
    double bits = (double)lit->digits * log2((double)lit->base) * (1.0 + 1e-12);
    if (!(bits / 32.0 + 3.0 < (double)(SIZE_MAX / sizeof(uint32_t)))) return KR_BN_NOMEM;
    size_t cap = (size_t)(bits / 32.0) + 3;
    KrBnStatus st = bn_ensure(run, t, cap);
    if (st) return st;
    t->n = 0;
    // The first chunk takes the odd digits so the rest are full; x starts
    // at zero, so multiplying it by a full chunk power is harmless.
    unsigned want = (unsigned)(lit->digits % per), got = 0;
    if (want == 0) want = per;
    uint32_t val = 0;
    for (size_t j = lit->start; j < lit->end; j++) {
        if (s[j] == '_') continue;
        val = val * (uint32_t)lit->base + digit_value((unsigned char)s[j]);
        if (++got < want) continue;
        uint32_t carry = nat_mul1(t->d, t->d, t->n, power, val);
        if (carry) {
            if (t->n >= cap) return KR_BN_NOMEM; // cannot happen: cap is an upper bound
            t->d[t->n++] = carry;
        }
        val = 0;
        got = 0;
        want = per;
        st = run_work(run, t->n + 1);
        if (st) return st;
    }
    return KR_BN_OK;
}

static bool all_zero_digits(const char *s, const Literal *lit) {
    for (size_t j = lit->start; j < lit->end; j++) {
        if (s[j] != '0' && s[j] != '_') return false;
    }
    return true;
}

// Parses ASCII text with CPython's checks in CPython's order (underscore
// errors, then the digit limit, then trailing garbage and the base-0
// leading-zero rule).
static KrBnStatus parse_ascii(KrBnRun *run, const char *s, size_t len, int base, size_t max_digits,
                              KrBn *t, size_t *ndigits) {
    size_t i = 0;
    Literal lit;
    lit.base = base;
    while (i < len && ascii_space(s[i])) i++;
    bool prefixed = scan_prefix(s, len, &i, &lit);
    if (!scan_digits(s, len, &i, prefixed, &lit)) return KR_BN_INVALID;
    if (max_digits && !is_pow2_base(lit.base) && lit.digits > max_digits) {
        if (ndigits) *ndigits = lit.digits;
        return KR_BN_LIMIT;
    }
    while (i < len && ascii_space(s[i])) i++;
    if (i != len) return KR_BN_INVALID;
    if (lit.zero_rule && !all_zero_digits(s, &lit)) return KR_BN_INVALID;
    KrBnStatus st = is_pow2_base(lit.base) ? convert_pow2(run, s, &lit, t)
                                           : convert_chunks(run, s, &lit, t);
    t->neg = lit.neg;
    return st;
}

// int(str) first maps Unicode digits and spaces to ASCII, like CPython.
static KrBnStatus parse_unicode(KrBnRun *run, const char *s, size_t len, int base,
                                size_t max_digits, KrBn *t, size_t *ndigits) {
    if (len == 0) return KR_BN_INVALID;
    const KrAllocator *a = &run->ctx->alloc;
    char *ascii = a->fn(a->ud, NULL, 0, len);
    if (!ascii) return KR_BN_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            ascii[n++] = s[i++];
            continue;
        }
        ascii[n++] = unicode_to_ascii(kr_utf8_decode(s, len, &i));
    }
    KrBnStatus st = parse_ascii(run, ascii, n, base, max_digits, t, ndigits);
    a->fn(a->ud, ascii, len, 0);
    return st;
}

KrBnStatus kr_bn_parse(const KrBnCtx *ctx, const char *s, size_t len, int base, unsigned flags,
                       size_t max_str_digits, KrBn *out, size_t *ndigits) {
    if (base != 0 && (base < 2 || base > 36)) return KR_BN_BAD_ARG;
    KrBnRun run = run_start(ctx);
    KrBn t;
    kr_bn_init(&t);
    KrBnStatus st = (flags & KR_BN_PARSE_UNICODE)
                        ? parse_unicode(&run, s, len, base, max_str_digits, &t, ndigits)
                        : parse_ascii(&run, s, len, base, max_str_digits, &t, ndigits);
    return bn_deliver(&run, st, &t, out);
}

uint64_t kr_bn_str_digits_max(KrBnView a, int base) {
    a = vnorm(a);
    uint64_t L = nat_bitlen(a.d, a.n);
    if (L == 0 || base < 2 || base > 36) return 1;
    // |a| < 2^L, so it has at most floor(L / log2(base)) + 1 digits.
    return (uint64_t)((double)L / log2((double)base) * (1.0 + 1e-12)) + 1;
}

uint64_t kr_bn_str_digits_min(KrBnView a, int base) {
    a = vnorm(a);
    uint64_t L = nat_bitlen(a.d, a.n);
    if (L == 0 || base < 2 || base > 36) return 1;
    // |a| >= 2^(L-1): at least floor((L-1) / log2(base)) + 1 digits.
    return (uint64_t)((double)(L - 1) / log2((double)base) * (1.0 - 1e-12)) + 1;
}

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

// Reserves n bytes at the end of out and returns where they go.
static char *buf_extend(KrBuf *out, size_t n) {
    if (!kr_buf_reserve(out, n)) return NULL;
    char *p = out->data + out->len;
    out->len += n;
    out->data[out->len] = 0;
    return p;
}

static KrBnStatus to_str_pow2(KrBnView a, int base, KrBuf *out) {
    unsigned k = 0;
    while ((1 << k) < base) k++;
    uint64_t L = nat_bitlen(a.d, a.n), nd = (L + k - 1) / k;
    if (nd >= SIZE_MAX - 1) return KR_BN_NOMEM;
    char *p = buf_extend(out, (size_t)nd + a.neg);
    if (!p) return KR_BN_NOMEM;
    if (a.neg) *p++ = '-';
    for (uint64_t i = nd; i-- > 0;) *p++ = digit_chars[nat_bits(a.d, a.n, i * k, k)];
    return KR_BN_OK;
}

// Writes the chunks (each `per` digits, most significant last) as text.
static KrBnStatus emit_chunks(const uint32_t *ch, size_t nch, unsigned per, int base, bool neg,
                              size_t max_digits, KrBuf *out) {
    char top[33];
    size_t tn = 0;
    for (uint32_t v = ch[nch - 1]; v; v /= (uint32_t)base) top[tn++] = digit_chars[v % (uint32_t)base];
    size_t total;
    if (!kr_size_mul(nch - 1, per, &total) || !kr_size_add(total, tn, &total)) return KR_BN_NOMEM;
    if (max_digits && total > max_digits) return KR_BN_LIMIT;
    char *p = buf_extend(out, total + neg);
    if (!p) return KR_BN_NOMEM;
    if (neg) *p++ = '-';
    while (tn) *p++ = top[--tn];
    for (size_t c = nch - 1; c-- > 0;) {
        uint32_t v = ch[c];
        for (unsigned j = per; j-- > 0;) {
            p[j] = digit_chars[v % (uint32_t)base];
            v /= (uint32_t)base;
        }
        p += per;
    }
    return KR_BN_OK;
}

// Other bases: repeated division of a copy by base^per yields chunks of
// `per` digits, least significant first.
static KrBnStatus to_str_chunks(KrBnRun *run, KrBnView a, int base, size_t max_digits,
                                KrBuf *out) {
    uint32_t power;
    unsigned per = chunk_digits(base, &power);
    size_t nch = (size_t)(kr_bn_str_digits_max(a, base) / per + 2);
    uint32_t *ch = dig_alloc(run, nch);
    uint32_t *w = dig_alloc(run, a.n);
    KrBnStatus st = ch && w ? KR_BN_OK : KR_BN_NOMEM;
    size_t wn = a.n, k = 0;
    if (!st) nat_copy(w, a.d, a.n);
    while (!st && wn) {
        assert(k < nch);
        ch[k++] = base == 10 ? nat_div1_1e9(w, wn) : nat_div1(w, w, wn, power);
        wn = nat_len(w, wn);
        st = run_work(run, wn);
    }
    if (!st) st = emit_chunks(ch, k, per, base, a.neg, max_digits, out);
    dig_free(run->ctx, ch, nch);
    dig_free(run->ctx, w, a.n);
    return st;
}

KrBnStatus kr_bn_to_str(const KrBnCtx *ctx, KrBnView a, int base, size_t max_str_digits,
                        KrBuf *out) {
    if (base < 2 || base > 36) return KR_BN_BAD_ARG;
    KrBnRun run = run_start(ctx);
    a = vnorm(a);
    if (a.n == 0) return kr_buf_append_char(out, '0') ? KR_BN_OK : KR_BN_NOMEM;
    if (is_pow2_base(base)) return to_str_pow2(a, base, out);
    // Fail fast, before quadratic work, when even the lower bound is over.
    if (max_str_digits && kr_bn_str_digits_min(a, base) > max_str_digits) return KR_BN_LIMIT;
    return to_str_chunks(&run, a, base, max_str_digits, out);
}

// ================================= hash =================================

// x * 2^k mod 2^61-1 for x < 2^61-1, 0 <= k < 61: a 61-bit rotation,
// since 2^61 == 1 modulo the Mersenne prime.
static uint64_t hash_mul_pow2(uint64_t x, unsigned k) {
    if (k == 0) return x;
    return ((x << k) & HASH_MOD) | (x >> (HASH_BITS - k));
}

static int64_t hash_finish(uint64_t x, bool neg) {
    int64_t h = neg ? -(int64_t)x : (int64_t)x;
    return h == -1 ? -2 : h; // -1 is the C API's error marker in CPython
}

// CPython's hash(int): |a| mod 2^61-1, with a's sign.
int64_t kr_bn_hash(KrBnView a) {
    a = vnorm(a);
    uint64_t x = 0;
    for (size_t i = a.n; i-- > 0;) {
        x = hash_mul_pow2(x, 32) + a.d[i];
        if (x >= HASH_MOD) x -= HASH_MOD;
    }
    return hash_finish(x, a.neg);
}

// CPython's hash(float): the value m * 2^e (m a 53-bit integer) reduced
// modulo 2^61-1 like the equal rational would be, so hash(2.0) == hash(2).
int64_t kr_hash_double(double d) {
    if (isnan(d)) return 0; // CPython uses object identity; see bignum.h
    if (isinf(d)) return d > 0 ? HASH_INF : -HASH_INF;
    int e;
    double m = frexp(fabs(d), &e);
    uint64_t mant = (uint64_t)ldexp(m, DBL_MANT_DIG); // < 2^53 < modulus
    int k = (e - DBL_MANT_DIG) % HASH_BITS;
    if (k < 0) k += HASH_BITS; // 2^-j == 2^(61-j) modulo 2^61-1
    return hash_finish(hash_mul_pow2(mant, (unsigned)k), d < 0);
}
