// float.c: the float type. Floats are unboxed doubles (value.h); only
// instances of Python classes derived from float are heap objects
// (KrFloatObj), and every slot and method here reads either kind. This
// file also owns every int/float mix: int's slots answer KR_NOTIMPL for a
// float operand, and float's slots convert the int (OverflowError when it
// is too large) or, for comparisons, compare exactly without converting.
#include <float.h>
#include <math.h>
#include "../bignum.h"
#include "../unicode_db.h"
#include "numbers.h"
#include "../runsnap.h"

static const KrSnapOps float_snap;

// ---- conversions --------------------------------------------------------------------

bool kr_float_check(KrValue v) { return kr_is_double(v) || (kr_is_ptr(v) && kr_isinstance(v, &kr_type_float)); }

double kr_float_value(KrValue v) {
    return kr_is_double(v) ? kr_as_double(v) : ((const KrFloatObj *)kr_as_obj(v))->value;
}

KrValue kr_float_repr(KrRun *r, double d) {
    char buf[KR_DOUBLE_BUF];
    size_t n = kr_double_repr(d, buf);
    return kr_str_new(r, buf, n);
}

int64_t kr_float_hash(double d) { return kr_hash_double(d); }

// An arithmetic operand as a double: 1, 0 when v is no number (the
// operation is not implemented), -1 with an exception.
static int float_operand(KrRun *r, KrValue v, double *out) {
    if (kr_float_check(v)) {
        *out = kr_float_value(v);
        return 1;
    }
    if (kr_int_check(v)) return kr_int_to_double(r, v, out) ? 1 : -1;
    return 0;
}

bool kr_float_from_value(KrRun *r, KrValue v, double *out) {
    int ok = float_operand(r, v, out);
    if (ok) return ok > 0;
    KrValue f = kr_int_call_dunder(r, v, "__float__", 0, NULL);
    if (f == KR_EXC) return false;
    if (f != KR_NULL) {
        if (kr_float_check(f)) {
            *out = kr_float_value(f);
            return true;
        }
        kr_raise(r, &kr_exc_TypeError, "%s.__float__ returned non-float (type %s)", kr_type_name(v),
                 kr_type_name(f));
        return false;
    }
    KrValue i = kr_int_call_dunder(r, v, "__index__", 0, NULL);
    if (i == KR_EXC) return false;
    if (i != KR_NULL && kr_int_check(i)) return kr_int_to_double(r, i, out);
    kr_raise(r, &kr_exc_TypeError, "must be real number, not %s", kr_type_name(v));
    return false;
}

// ---- arithmetic -----------------------------------------------------------------------

static bool float_is_odd_int(double y) { return fabs(fmod(y, 2.0)) == 1.0; }

static KrValue float_pow_overflow(KrRun *r) {
    // CPython raises it from errno: OverflowError(34, 'Numerical result ...').
    KrValue msg = kr_str_from_cstr(r, "Numerical result out of range");
    if (msg == KR_EXC) return KR_EXC;
    KrValue args = kr_tuple_pack2(r, kr_from_small(34), msg);
    if (args == KR_EXC) return KR_EXC;
    KrValue e = kr_exc_new(r, &kr_exc_OverflowError, args);
    return e == KR_EXC ? KR_EXC : kr_raise_value(r, e);
}

// x ** y for finite non-zero x: the sign and overflow rules.
static KrValue float_pow_finite(KrRun *r, double x, double y) {
    bool negate = false;
    if (x < 0) {
        // a fractional power of a negative number is complex
        if (y != floor(y)) return kr_complex_pow(r, x, 0.0, y, 0.0);
        x = -x;
        negate = float_is_odd_int(y);
    }
    double z = x == 1.0 ? 1.0 : pow(x, y);
    if (isinf(z)) return float_pow_overflow(r);
    return kr_from_double(negate ? -z : z);
}

KrValue kr_float_pow(KrRun *r, double x, double y) {
    if (y == 0) return kr_from_double(1.0); // even for a nan base
    if (isnan(x)) return kr_from_double(x);
    if (isnan(y)) return kr_from_double(x == 1.0 ? 1.0 : y);
    if (isinf(y)) {
        double ax = fabs(x);
        if (ax == 1.0) return kr_from_double(1.0);
        return kr_from_double((ax > 1.0) == (y > 0) ? HUGE_VAL : 0.0);
    }
    if (isinf(x)) {
        bool odd = float_is_odd_int(y);
        if (y > 0) return kr_from_double(odd ? x : fabs(x));
        return kr_from_double(odd ? copysign(0.0, x) : 0.0);
    }
    if (x == 0.0) {
        if (y < 0)
            return kr_raise(r, &kr_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return kr_from_double(float_is_odd_int(y) ? x : 0.0);
    }
    return float_pow_finite(r, x, y);
}

// Python's floor division and modulo of doubles (y != 0): the remainder
// takes y's sign; the quotient is (x - mod) / y, which is integral up to
// rounding, snapped to the nearest integer.
static void float_divmod_d(double x, double y, double *q, double *m) {
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, y);
    }
    double fl;
    if (div != 0.0) {
        fl = floor(div);
        if (div - fl > 0.5) fl += 1.0;
    } else {
        fl = copysign(0.0, x / y);
    }
    *q = fl;
    *m = mod;
}

KrValue kr_float_fresh_nan(KrRun *r, bool negative) {
    uint64_t bits = (negative ? 0x8000000000000000ULL : 0) | 0x7FF8000000000000ULL |
                    (++r->nan_seq & 0x0000FFFFFFFFFFFFULL);
    return (KrValue)bits;
}

static KrValue float_arith(KrRun *r, double x, double y, KrBinOp op) {
    double q, m;
    switch (op) {
    case KR_BIN_ADD: return kr_float_result(r, x + y);
    case KR_BIN_SUB: return kr_float_result(r, x - y);
    case KR_BIN_MUL: return kr_float_result(r, x * y);
    case KR_BIN_TRUEDIV:
        if (y == 0) return kr_raise(r, &kr_exc_ZeroDivisionError, "float division by zero");
        return kr_float_result(r, x / y);
    case KR_BIN_FLOORDIV:
        if (y == 0) return kr_raise(r, &kr_exc_ZeroDivisionError, "float floor division by zero");
        float_divmod_d(x, y, &q, &m);
        return kr_float_result(r, q);
    case KR_BIN_MOD:
        if (y == 0) return kr_raise(r, &kr_exc_ZeroDivisionError, "float modulo");
        float_divmod_d(x, y, &q, &m);
        return kr_float_result(r, m);
    case KR_BIN_POW: return kr_float_pow(r, x, y);
    default: return KR_NOTIMPL;
    }
}

static bool float_op_supported(KrBinOp op) {
    return op == KR_BIN_ADD || op == KR_BIN_SUB || op == KR_BIN_MUL || op == KR_BIN_TRUEDIV ||
           op == KR_BIN_FLOORDIV || op == KR_BIN_MOD || op == KR_BIN_POW;
}

static bool float_is_number(KrValue v) { return kr_float_check(v) || kr_int_check(v); }

static KrValue float_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    // Check types first: 10**400 << 1.5 is a TypeError, not an OverflowError.
    if (!float_op_supported(op) || !float_is_number(a) || !float_is_number(b)) return KR_NOTIMPL;
    double x, y;
    if (float_operand(r, a, &x) < 0 || float_operand(r, b, &y) < 0) return KR_EXC;
    return float_arith(r, x, y, op);
}

KrValue kr_float_divmod(KrRun *r, KrValue a, KrValue b) {
    if (!float_is_number(a) || !float_is_number(b)) {
        // A Python class's __divmod__ / __rdivmod__ (NotImplemented: next).
        KrValue v = kr_int_call_dunder(r, a, "__divmod__", 1, &b);
        if (v == KR_NULL || v == KR_NOTIMPL) v = kr_int_call_dunder(r, b, "__rdivmod__", 1, &a);
        if (v != KR_NULL && v != KR_NOTIMPL) return v;
        return kr_raise(r, &kr_exc_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                        kr_type_name(a), kr_type_name(b));
    }
    double x, y, q, m;
    if (float_operand(r, a, &x) < 0 || float_operand(r, b, &y) < 0) return KR_EXC;
    if (y == 0) return kr_raise(r, &kr_exc_ZeroDivisionError, "float divmod()");
    float_divmod_d(x, y, &q, &m);
    return kr_tuple_pack2(r, kr_from_double(q), kr_from_double(m));
}

static KrValue float_unary(KrRun *r, KrValue a, KrUnOp op) {
    if (!kr_float_check(a) || op == KR_UN_INVERT) return KR_NOTIMPL;
    return kr_float_result(r, op == KR_UN_NEG ? -kr_float_value(a) : kr_float_value(a));
}

// ---- comparison, hash, truth, repr -------------------------------------------------------

// -1, 0, 1, or 2 when unordered (nan); exact for int operands.
static int float_cmp3(KrValue a, KrValue b) {
    if (kr_float_check(a) && kr_float_check(b)) {
        double x = kr_float_value(a), y = kr_float_value(b);
        if (isnan(x) || isnan(y)) return 2;
        return (x > y) - (x < y);
    }
    if (kr_float_check(a)) {
        int c = kr_int_cmp_double(b, kr_float_value(a));
        return c == 2 ? 2 : -c;
    }
    return kr_int_cmp_double(a, kr_float_value(b));
}

static KrValue float_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    (void)r;
    if (!float_is_number(a) || !float_is_number(b)) return KR_NOTIMPL;
    if (!kr_float_check(a) && !kr_float_check(b)) return KR_NOTIMPL;
    int c = float_cmp3(a, b);
    if (c == 2) return kr_bool(op == KR_CMP_NE);
    switch (op) {
    case KR_CMP_LT: return kr_bool(c < 0);
    case KR_CMP_LE: return kr_bool(c <= 0);
    case KR_CMP_EQ: return kr_bool(c == 0);
    case KR_CMP_NE: return kr_bool(c != 0);
    case KR_CMP_GT: return kr_bool(c > 0);
    default: return kr_bool(c >= 0);
    }
}

static bool float_hash_slot(KrRun *r, KrValue v, int64_t *out) {
    (void)r;
    *out = kr_hash_double(kr_float_value(v));
    return true;
}

static int float_truth(KrRun *r, KrValue v) {
    (void)r;
    return kr_float_value(v) != 0.0;
}

static KrValue float_repr(KrRun *r, KrValue v) { return kr_float_repr(r, kr_float_value(v)); }

// ---- construction ------------------------------------------------------------------------

static KrValue float_parse_error(KrRun *r, KrValue orig) {
    KrValue rep = kr_repr(r, orig);
    if (rep == KR_EXC) return KR_EXC;
    return kr_raise(r, &kr_exc_ValueError, "could not convert string to float: %s", kr_as_str(rep)->data);
}

// float(str): Unicode whitespace becomes ' ' and Unicode decimal digits
// their ASCII digit (as CPython), then the ASCII parser decides.
static KrValue float_parse_str(KrRun *r, KrValue orig) {
    KrStr *s = kr_as_str(orig);
    double d;
    if (s->len == s->nbytes) {
        if (kr_parse_double(s->data, s->nbytes, &d)) return kr_float_result(r, d);
        return float_parse_error(r, orig);
    }
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_reserve(&b, s->len), valid = true;
    for (size_t i = 0; ok && valid && i < s->nbytes;) {
        uint32_t cp = kr_utf8_decode(s->data, s->nbytes, &i);
        int dig = cp < 0x80 ? -1 : kr_uni_decimal_value(cp);
        if (cp < 0x80) ok = kr_buf_append_char(&b, (char)cp);
        else if (kr_uni_isspace(cp)) ok = kr_buf_append_char(&b, ' ');
        else if (dig >= 0) ok = kr_buf_append_char(&b, (char)('0' + dig));
        else valid = false;
    }
    if (ok && valid) valid = kr_parse_double(b.data, b.len, &d);
    kr_buf_free(&b);
    if (!ok) return kr_int_nomem(r);
    return valid ? kr_float_result(r, d) : float_parse_error(r, orig);
}

static KrValue float_new(KrRun *r, KrValue x) {
    double d;
    if (kr_float_check(x)) return kr_from_double(kr_float_value(x));
    if (kr_int_check(x)) return kr_int_to_double(r, x, &d) ? kr_from_double(d) : KR_EXC;
    if (kr_is_str(x)) return float_parse_str(r, x);
    const uint8_t *data;
    size_t n;
    if (kr_bytes_view(x, &data, &n)) { // bytes and bytearray
        if (kr_parse_double((const char *)data, n, &d)) return kr_float_result(r, d);
        return float_parse_error(r, x);
    }
    KrValue f = kr_int_call_dunder(r, x, "__float__", 0, NULL);
    if (f == KR_EXC) return KR_EXC;
    if (f != KR_NULL && kr_float_check(f)) return kr_from_double(kr_float_value(f));
    if (f != KR_NULL)
        return kr_raise(r, &kr_exc_TypeError, "%s.__float__ returned non-float (type %s)", kr_type_name(x),
                        kr_type_name(f));
    KrValue i = kr_int_call_dunder(r, x, "__index__", 0, NULL);
    if (i == KR_EXC) return KR_EXC;
    if (i != KR_NULL && kr_int_check(i)) return kr_int_to_double(r, i, &d) ? kr_from_double(d) : KR_EXC;
    return kr_raise(r, &kr_exc_TypeError, "float() argument must be a string or a real number, not '%s'",
                    kr_type_name(x));
}

KrValue kr_float_new_instance(KrRun *r, const KrType *t, double d) {
    if (!(t->flags & KR_TF_HEAP) || t->layout != &kr_type_float)
        return kr_raise(r, &kr_exc_TypeError, "cannot create '%s' instances", t->name);
    KrFloatObj *f = kr_gc_alloc(r, t, sizeof(KrFloatObj)); // adds the dict slot
    if (!f) return KR_EXC;
    f->value = d;
    return kr_from_obj(f);
}

static KrValue float_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "float", kwnames)) return KR_EXC;
    if (argc > 1) return kr_raise(r, &kr_exc_TypeError, "float expected at most 1 argument, got %zu", argc);
    KrValue v = argc ? float_new(r, args[0]) : kr_from_double(0.0);
    if (t == &kr_type_float || v == KR_EXC) return v;
    return kr_float_new_instance(r, t, kr_as_double(v));
}

// ---- methods -------------------------------------------------------------------------------

#define FLOAT_METHOD(fn, pyname, expr)                                                             \
    static KrValue fn(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) { \
        (void)args;                                                                                \
        if (!kr_method_args(r, pyname, argc, kwnames, 0)) return KR_EXC;                               \
        double x = kr_float_value(self);                                                           \
        return (expr);                                                                             \
    }
FLOAT_METHOD(float_conjugate, "float.conjugate", kr_from_double(x))
FLOAT_METHOD(float_float_method, "float.__float__", kr_from_double(x))
FLOAT_METHOD(float_pos_method, "float.__pos__", kr_from_double(x))
FLOAT_METHOD(float_neg_method, "float.__neg__", kr_from_double(-x))
FLOAT_METHOD(float_abs_method, "float.__abs__", kr_from_double(fabs(x)))
FLOAT_METHOD(float_bool_method, "float.__bool__", kr_bool(x != 0.0))
FLOAT_METHOD(float_is_integer, "float.is_integer", kr_bool(kr_double_is_integer(x)))
FLOAT_METHOD(float_int_method, "float.__int__", kr_int_from_double(r, x))
FLOAT_METHOD(float_trunc_method, "float.__trunc__", kr_int_from_double(r, x))
FLOAT_METHOD(float_floor_method, "float.__floor__", kr_int_from_double(r, floor(x)))
FLOAT_METHOD(float_ceil_method, "float.__ceil__", kr_int_from_double(r, ceil(x)))

static KrValue float_hex(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_method_args(r, "float.hex", argc, kwnames, 0)) return KR_EXC;
    char buf[KR_DOUBLE_BUF];
    size_t n = kr_double_hex(kr_float_value(self), buf);
    return kr_str_new(r, buf, n);
}

static KrValue float_as_integer_ratio(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_method_args(r, "float.as_integer_ratio", argc, kwnames, 0)) return KR_EXC;
    double x = kr_float_value(self);
    if (isnan(x)) return kr_raise(r, &kr_exc_ValueError, "cannot convert NaN to integer ratio");
    if (isinf(x)) return kr_raise(r, &kr_exc_OverflowError, "cannot convert Infinity to integer ratio");
    int e;
    double m = frexp(x, &e);
    // Scale the mantissa to an integer: at most 53 doublings.
    while (m != floor(m)) {
        m *= 2.0;
        e--;
    }
    KrValue num = kr_int_from_double(r, m), den = kr_from_small(1);
    if (num == KR_EXC) return KR_EXC;
    KrValue shift = kr_from_small(e < 0 ? -(int64_t)e : e);
    if (e > 0) num = kr_int_binary(r, num, shift, KR_BIN_LSHIFT);
    else den = kr_int_binary(r, den, shift, KR_BIN_LSHIFT);
    if (num == KR_EXC || den == KR_EXC) return KR_EXC;
    return kr_tuple_pack2(r, num, den);
}

static KrValue float_round_method(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "__round__", kwnames) || !kr_args_count(r, "__round__", argc, 0, 1)) return KR_EXC;
    double x = kr_float_value(self), d;
    char err[256];
    KrFmtStatus st;
    if (argc == 0 || args[0] == KR_NONE) {
        st = kr_double_round_half_even(x, &d, err, sizeof err);
        return st == KR_FMT_OK ? kr_int_from_double(r, d) : kr_int_fmt_error(r, st, err);
    }
    KrValue nd = kr_int_index(r, args[0]);
    if (nd == KR_EXC) return KR_EXC;
    int64_t n;
    // Clip huge ndigits (as CPython clips to Py_ssize_t): same result.
    if (!kr_int_to_i64(nd, &n)) n = kr_int_sign(nd) < 0 ? INT64_MIN : INT64_MAX;
    st = kr_double_round(x, n, &d, err, sizeof err);
    return st == KR_FMT_OK ? kr_from_double(d) : kr_int_fmt_error(r, st, err);
}

static KrValue float_format_method(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    KrStr *spec;
    if (kr_int_format_spec(r, self, argc, args, kwnames, &spec) == KR_EXC) return KR_EXC;
    if (spec->nbytes == 0) return kr_str(r, self);
    KrFmtSpec fs;
    char err[256];
    KrFmtStatus st = kr_fmtspec_parse(spec->data, spec->nbytes, KR_FMT_KIND_FLOAT, "float", &fs, err, sizeof err);
    KrBuf b;
    char b_local[KR_BUF_LOCAL];
    kr_buf_init_local(&b, kr_run_allocator(r), b_local, sizeof b_local);
    if (st == KR_FMT_OK) st = kr_fmt_double(&b, kr_float_value(self), &fs, "float", err, sizeof err);
    KrValue s = st == KR_FMT_OK ? kr_str_from_buf(r, &b) : kr_int_fmt_error(r, st, err);
    kr_buf_free(&b);
    return s;
}

static KrValue float_getnewargs(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_method_args(r, "float.__getnewargs__", argc, kwnames, 0)) return KR_EXC;
    KrValue v = kr_from_double(kr_float_value(self));
    return kr_tuple_from_array(r, &v, 1);
}

// ---- float.fromhex ---------------------------------------------------------------------------
// Grammar: [ws] [sign] (inf | infinity | nan | [0x] hexdigits [. hexdigits]
// [p [sign] decdigits]) [ws], case-insensitive; at least one hex digit.

typedef struct {
    uint64_t mant; // the first significant hex digits (under 2^60)
    bool sticky;   // a non-zero digit was dropped after them
    int64_t exp;   // value = (mant + sticky part) * 2^exp
    bool any;      // at least one digit seen
} FloatHex;

static int float_hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void float_hex_add(FloatHex *h, int dig, bool fraction) {
    h->any = true;
    if (h->mant < ((uint64_t)1 << 56)) {
        h->mant = h->mant * 16 + (uint64_t)dig;
        if (fraction) h->exp -= 4;
    } else {
        h->sticky |= dig != 0;
        if (!fraction) h->exp += 4;
    }
}

// Reads the "p" exponent (clamped: beyond +-2^40 only the sign matters).
static bool float_hex_exponent(const char *s, size_t n, size_t *i, int64_t *out) {
    bool neg = false;
    if (*i < n && (s[*i] == '+' || s[*i] == '-')) neg = s[(*i)++] == '-';
    size_t start = *i;
    int64_t e = 0;
    for (; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++)
        if (e < ((int64_t)1 << 40)) e = e * 10 + (s[*i] - '0');
    *out = neg ? -e : e;
    return *i > start;
}

// Rounds mant * 2^exp (+ sticky) to a double, half to even. Overflow: false.
static bool float_hex_round(const FloatHex *h, double *out) {
    if (h->mant == 0) {
        *out = 0.0;
        return true;
    }
    int len = 64 - __builtin_clzll(h->mant);
    int64_t top = h->exp + len - 1; // exponent of the leading bit
    if (top > DBL_MAX_EXP - 1) return false;
    // Significant bits available: 53, fewer for subnormals.
    int64_t keep = top >= DBL_MIN_EXP - 1 ? DBL_MANT_DIG : DBL_MANT_DIG - (DBL_MIN_EXP - 1 - top);
    if (keep < 0) {
        *out = 0.0; // below half the smallest subnormal
        return true;
    }
    int shift = len - (int)keep;
    uint64_t m = h->mant;
    int64_t e = h->exp;
    if (shift > 0) {
        uint64_t dropped = m & (((uint64_t)1 << shift) - 1), half = (uint64_t)1 << (shift - 1);
        m >>= shift;
        e += shift;
        if (dropped > half || (dropped == half && (h->sticky || (m & 1)))) m++;
    }
    double d = ldexp((double)m, (int)e);
    if (isinf(d)) return false;
    *out = d;
    return true;
}

static bool float_hex_word(const char *s, size_t n, size_t *i, const char *w) {
    size_t k = strlen(w);
    if (n - *i < k) return false;
    for (size_t j = 0; j < k; j++)
        if ((s[*i + j] | 0x20) != w[j]) return false;
    *i += k;
    return true;
}

static bool float_is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// 1 parsed, 0 invalid, -1 overflow.
static int float_hex_parse(const char *s, size_t n, double *out) {
    size_t i = 0;
    while (i < n && float_is_ascii_space(s[i])) i++;
    while (n > i && float_is_ascii_space(s[n - 1])) n--;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    double d;
    if (float_hex_word(s, n, &i, "infinity") || float_hex_word(s, n, &i, "inf")) d = HUGE_VAL;
    else if (float_hex_word(s, n, &i, "nan")) d = NAN;
    else {
        if (n - i >= 2 && s[i] == '0' && (s[i + 1] | 0x20) == 'x') i += 2;
        FloatHex h = {0, false, 0, false};
        for (; i < n && float_hex_digit(s[i]) >= 0; i++) float_hex_add(&h, float_hex_digit(s[i]), false);
        if (i < n && s[i] == '.')
            for (i++; i < n && float_hex_digit(s[i]) >= 0; i++) float_hex_add(&h, float_hex_digit(s[i]), true);
        if (!h.any) return 0;
        if (i < n && (s[i] | 0x20) == 'p') {
            i++;
            int64_t e;
            if (!float_hex_exponent(s, n, &i, &e)) return 0;
            h.exp += e;
        }
        if (i != n) return 0;
        if (!float_hex_round(&h, &d)) return -1;
    }
    if (i != n) return 0;
    *out = neg ? -d : d;
    return 1;
}

static KrValue float_fromhex(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)self;
    if (!kr_args_no_kw(r, "fromhex", kwnames)) return KR_EXC;
    if (argc != 1)
        return kr_raise(r, &kr_exc_TypeError, "float.fromhex() takes exactly one argument (%zu given)", argc);
    if (!kr_is_str(args[0])) return kr_raise(r, &kr_exc_TypeError, "bad argument type for built-in operation");
    KrStr *s = kr_as_str(args[0]);
    double d;
    int ok = float_hex_parse(s->data, s->nbytes, &d);
    if (ok > 0) return kr_from_double(d);
    if (ok < 0)
        return kr_raise(r, &kr_exc_OverflowError, "hexadecimal value too large to represent as a float");
    return kr_raise(r, &kr_exc_ValueError, "invalid hexadecimal floating-point string");
}

// Binary dunders (float.__add__ etc.): NotImplemented when not a number.
static KrValue float_dunder_binary(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames,
                                   KrBinOp op, bool reflected, const char *name) {
    if (!kr_wrapper_args(r, name, argc, kwnames, 1, 1)) return KR_EXC;
    return reflected ? float_binary(r, args[0], self, op) : float_binary(r, self, args[0], op);
}

// __pow__(value, mod=None) and __rpow__: a float takes no modulus.
static KrValue float_pow_dunder(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames,
                                bool reflected) {
    if (!kr_wrapper_args(r, reflected ? "__rpow__" : "__pow__", argc, kwnames, 1, 2)) return KR_EXC;
    if (argc == 2 && args[1] != KR_NONE)
        return kr_raise(r, &kr_exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return reflected ? float_binary(r, args[0], self, KR_BIN_POW) : float_binary(r, self, args[0], KR_BIN_POW);
}

// __divmod__ / __rdivmod__: NotImplemented unless the other is a number.
static KrValue float_divmod_dunder(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw,
                                   bool reflected) {
    if (!kr_wrapper_args(r, reflected ? "__rdivmod__" : "__divmod__", argc, kw, 1, 1)) return KR_EXC;
    if (!float_is_number(args[0])) return KR_NOTIMPL;
    return reflected ? kr_float_divmod(r, args[0], self) : kr_float_divmod(r, self, args[0]);
}

KR_NUM_DUNDER_PAIR(float, divmod, rdivmod, float_divmod_dunder)

KR_NUM_DUNDER_PAIR(float, pow, rpow, float_pow_dunder)

#define FLOAT_BINARY_METHODS(op, fwd, rev)                                                                \
    static KrValue float_m_##fwd(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) { \
        return float_dunder_binary(r, self, argc, args, kw, op, false, "__" #fwd "__");                  \
    }                                                                                                     \
    static KrValue float_m_##rev(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) { \
        return float_dunder_binary(r, self, argc, args, kw, op, true, "__" #rev "__");                   \
    }
FLOAT_BINARY_METHODS(KR_BIN_ADD, add, radd)
FLOAT_BINARY_METHODS(KR_BIN_SUB, sub, rsub)
FLOAT_BINARY_METHODS(KR_BIN_MUL, mul, rmul)
FLOAT_BINARY_METHODS(KR_BIN_TRUEDIV, truediv, rtruediv)
FLOAT_BINARY_METHODS(KR_BIN_FLOORDIV, floordiv, rfloordiv)
FLOAT_BINARY_METHODS(KR_BIN_MOD, mod, rmod)

static const KrMethodDef float_methods[] = {
    {"is_integer", float_is_integer, 0},
    {"as_integer_ratio", float_as_integer_ratio, 0},
    {"hex", float_hex, 0},
    {"fromhex", float_fromhex, KR_METH_CLASS},
    {"conjugate", float_conjugate, 0},
    {"__format__", float_format_method, 0},
    {"__round__", float_round_method, 0},
    {"__trunc__", float_trunc_method, 0},
    {"__floor__", float_floor_method, 0},
    {"__ceil__", float_ceil_method, 0},
    {"__int__", float_int_method, 0},
    {"__float__", float_float_method, 0},
    {"__abs__", float_abs_method, 0},
    {"__neg__", float_neg_method, 0},
    {"__pos__", float_pos_method, 0},
    {"__bool__", float_bool_method, 0},
    {"__getnewargs__", float_getnewargs, 0},
    {"__add__", float_m_add, 0},
    {"__radd__", float_m_radd, 0},
    {"__sub__", float_m_sub, 0},
    {"__rsub__", float_m_rsub, 0},
    {"__mul__", float_m_mul, 0},
    {"__rmul__", float_m_rmul, 0},
    {"__truediv__", float_m_truediv, 0},
    {"__rtruediv__", float_m_rtruediv, 0},
    {"__floordiv__", float_m_floordiv, 0},
    {"__rfloordiv__", float_m_rfloordiv, 0},
    {"__mod__", float_m_mod, 0},
    {"__rmod__", float_m_rmod, 0},
    {"__pow__", float_m_pow, 0},
    {"__rpow__", float_m_rpow, 0},
    {"__divmod__", float_m_divmod, 0},
    {"__rdivmod__", float_m_rdivmod, 0},
    {NULL, NULL, 0},
};

static KrValue float_get_real(KrRun *r, KrValue self) {
    (void)r;
    return kr_from_double(kr_float_value(self));
}

static KrValue float_get_imag(KrRun *r, KrValue self) {
    (void)r;
    (void)self;
    return kr_from_double(0.0);
}

static const KrGetSetDef float_getsets[] = {
    {"real", float_get_real},
    {"imag", float_get_imag},
    {NULL, NULL},
};

const KrType kr_type_float = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "float",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrFloatObj), // subclass instances only
    .construct = float_construct,
    .repr = float_repr,
    .hash = float_hash_slot,
    .compare = float_compare,
    .binary = float_binary,
    .unary = float_unary,
    .truth = float_truth,
    .methods = float_methods,
    .getsets = float_getsets,
    .snap = &float_snap,
};

// ---- run snapshots ----------------------------------------------------------------------------
// Floats are unboxed; only instances of float subclasses are objects.

static const KrRsField float_fields[] = {KR_RS_SCALAR(KrFloatObj, value, KR_RSF_F64), KR_RS_END};

static bool float_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    return stage == 0 || (o->type->flags & KR_TF_HEAP) || kr_rs_fail(rd, "a float object");
}

static const KrSnapOps float_snap = {float_fields, NULL, NULL, float_snap_finish};
