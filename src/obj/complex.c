// complex.c: the complex type. A complex is a heap object holding two
// doubles (KrComplex); instances of classes derived from complex use the
// same layout. This file owns every mix of complex with int, float and
// bool (their slots answer KR_NOTIMPL for a complex operand). Arithmetic
// follows CPython 3.11's algorithms step by step, so results agree to the
// bit: an int or float operand first becomes a complex with a +0.0
// imaginary part, quotients use Smith's method, small integral powers
// repeated squaring, other powers the polar form. float's pow hands a
// negative base with a fractional exponent to kr_complex_pow.
#include <math.h>
#include "../bignum.h"
#include "class.h"
#include "numbers.h"
#include "../runsnap.h"

static const KrSnapOps complex_snap;

typedef struct {
    double re, im;
} Cplx;

static const Cplx complex_one = {1.0, 0.0};

// ---- values -------------------------------------------------------------------------------

bool kr_complex_check(KrValue v) { return kr_is_ptr(v) && kr_isinstance(v, &kr_type_complex); }

static Cplx complex_value(KrValue v) {
    const KrComplex *c = (const KrComplex *)kr_as_obj(v);
    return (Cplx){c->re, c->im};
}

KrValue kr_complex_new(KrRun *r, double re, double im) {
    KrComplex *c = kr_gc_alloc(r, &kr_type_complex, sizeof(KrComplex));
    if (!c) return KR_EXC;
    c->re = re;
    c->im = im;
    return kr_from_obj(c);
}

static KrValue complex_from(KrRun *r, Cplx z) { return kr_complex_new(r, z.re, z.im); }

KrValue kr_complex_new_instance(KrRun *r, const KrType *t, double re, double im) {
    if (t == &kr_type_complex) return kr_complex_new(r, re, im);
    if (!(t->flags & KR_TF_HEAP) || t->layout != &kr_type_complex)
        return kr_raise(r, &kr_exc_TypeError, "cannot create '%s' instances", t->name);
    KrComplex *c = kr_gc_alloc(r, t, sizeof(KrComplex)); // adds the dict slot
    if (!c) return KR_EXC;
    c->re = re;
    c->im = im;
    return kr_from_obj(c);
}

// An arithmetic operand as a complex (CPython's to_complex): 1; 0 when v
// is no number (not implemented); -1 with an exception (an int too large
// for a float).
static int complex_operand(KrRun *r, KrValue v, Cplx *out) {
    if (kr_complex_check(v)) {
        *out = complex_value(v);
        return 1;
    }
    out->im = 0.0;
    if (kr_float_check(v)) {
        out->re = kr_float_value(v);
        return 1;
    }
    if (kr_int_check(v)) return kr_int_to_double(r, v, &out->re) ? 1 : -1;
    return 0;
}

// ---- arithmetic ---------------------------------------------------------------------------
// Each product is written as CPython writes it; C11 mode keeps the
// compiler from contracting a*b+c into one fused operation.

static Cplx complex_prod(Cplx a, Cplx b) {
    return (Cplx){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

// a / b by Smith's method, scaling by the larger part of b; false when b
// is zero. A NaN in b gives nan+nanj.
static bool complex_quot(Cplx a, Cplx b, Cplx *out) {
    double abs_re = fabs(b.re), abs_im = fabs(b.im);
    if (abs_re >= abs_im) {
        if (abs_re == 0.0) return false;
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        *out = (Cplx){(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    } else if (abs_im >= abs_re) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        *out = (Cplx){(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    } else {
        *out = (Cplx){NAN, NAN};
    }
    return true;
}

// x ** n for 0 <= n <= 100 by squaring, low bits first.
static Cplx complex_powu(Cplx x, long n) {
    Cplx acc = complex_one, p = x;
    for (long mask = 1; n >= mask; mask <<= 1) {
        if (n & mask) acc = complex_prod(acc, p);
        p = complex_prod(p, p);
    }
    return acc;
}

// x ** n for |n| <= 100; *edom when x is zero and n negative.
static Cplx complex_powi(Cplx x, long n, bool *edom) {
    if (n > 0) return complex_powu(x, n);
    Cplx q = {0.0, 0.0};
    if (!complex_quot(complex_one, complex_powu(x, -n), &q)) *edom = true;
    return q;
}

// a ** b in polar form. *edom for 0 to a negative or complex power, and
// where C's cos/sin report a domain error (an infinite phase), as
// CPython sees it in errno.
static Cplx complex_pow_polar(Cplx a, Cplx b, bool *edom) {
    if (b.re == 0.0 && b.im == 0.0) return complex_one;
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0) *edom = true;
        return (Cplx){0.0, 0.0};
    }
    double vabs = hypot(a.re, a.im), len = pow(vabs, b.re), at = atan2(a.im, a.re), phase = at * b.re;
    if (b.im != 0.0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    if (isinf(phase)) *edom = true;
    return (Cplx){len * cos(phase), len * sin(phase)};
}

static KrValue complex_pow(KrRun *r, Cplx a, Cplx b) {
    bool edom = false;
    Cplx p;
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0) p = complex_powi(a, (long)b.re, &edom);
    else p = complex_pow_polar(a, b, &edom);
    if (edom) return kr_raise(r, &kr_exc_ZeroDivisionError, "0.0 to a negative or complex power");
    // CPython turns any infinite part into ERANGE, whatever the operands
    if (isinf(p.re) || isinf(p.im)) return kr_raise(r, &kr_exc_OverflowError, "complex exponentiation");
    return complex_from(r, p);
}

KrValue kr_complex_pow(KrRun *r, double ar, double ai, double br, double bi) {
    return complex_pow(r, (Cplx){ar, ai}, (Cplx){br, bi});
}

static KrValue complex_arith(KrRun *r, Cplx a, Cplx b, KrBinOp op) {
    Cplx z;
    switch (op) {
    case KR_BIN_ADD: return kr_complex_new(r, a.re + b.re, a.im + b.im);
    case KR_BIN_SUB: return kr_complex_new(r, a.re - b.re, a.im - b.im);
    case KR_BIN_MUL: return complex_from(r, complex_prod(a, b));
    case KR_BIN_TRUEDIV:
        if (!complex_quot(a, b, &z)) return kr_raise(r, &kr_exc_ZeroDivisionError, "complex division by zero");
        return complex_from(r, z);
    case KR_BIN_POW: return complex_pow(r, a, b);
    default: return KR_NOTIMPL;
    }
}

static bool complex_op_supported(KrBinOp op) {
    return op == KR_BIN_ADD || op == KR_BIN_SUB || op == KR_BIN_MUL || op == KR_BIN_TRUEDIV || op == KR_BIN_POW;
}

static KrValue complex_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    if (!complex_op_supported(op)) return KR_NOTIMPL;
    Cplx x, y;
    int ka = complex_operand(r, a, &x);
    if (ka <= 0) return ka < 0 ? KR_EXC : KR_NOTIMPL;
    int kb = complex_operand(r, b, &y);
    if (kb <= 0) return kb < 0 ? KR_EXC : KR_NOTIMPL;
    return complex_arith(r, x, y, op);
}

static KrValue complex_unary(KrRun *r, KrValue a, KrUnOp op) {
    if (!kr_complex_check(a) || op == KR_UN_INVERT) return KR_NOTIMPL;
    Cplx z = complex_value(a);
    if (op == KR_UN_NEG) return kr_complex_new(r, -z.re, -z.im);
    return kr_is_type(a, &kr_type_complex) ? a : complex_from(r, z); // +z of a subclass is a plain complex
}

// ---- comparison, hash, truth, repr ----------------------------------------------------------

// Only == and != (ordering is a TypeError). An int compares exactly with
// the real part, as a float would.
static KrValue complex_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    (void)r;
    if (op != KR_CMP_EQ && op != KR_CMP_NE) return KR_NOTIMPL;
    if (!kr_complex_check(a)) { // reached reflected: equality is symmetric
        KrValue t = a;
        a = b;
        b = t;
    }
    Cplx z = complex_value(a);
    bool eq;
    if (kr_complex_check(b)) eq = z.re == complex_value(b).re && z.im == complex_value(b).im;
    else if (kr_float_check(b)) eq = z.re == kr_float_value(b) && z.im == 0.0;
    else if (kr_int_check(b)) eq = z.im == 0.0 && kr_int_cmp_double(b, z.re) == 0;
    else return KR_NOTIMPL;
    return kr_bool(eq == (op == KR_CMP_EQ));
}

// CPython's: hash(re) + 1000003 * hash(im), wrapping, so hash(x + 0j) ==
// hash(x) for every real x.
static bool complex_hash(KrRun *r, KrValue v, int64_t *out) {
    (void)r;
    Cplx z = complex_value(v);
    uint64_t h = (uint64_t)kr_hash_double(z.re) + 1000003u * (uint64_t)kr_hash_double(z.im);
    *out = h == UINT64_MAX ? -2 : (int64_t)h;
    return true;
}

static int complex_truth(KrRun *r, KrValue v) {
    (void)r;
    Cplx z = complex_value(v);
    return z.re != 0.0 || z.im != 0.0;
}

static KrValue complex_repr(KrRun *r, KrValue v) {
    Cplx z = complex_value(v);
    char buf[KR_COMPLEX_BUF];
    size_t n = kr_complex_repr(z.re, z.im, buf);
    return kr_str_new(r, buf, n);
}

// ---- construction ---------------------------------------------------------------------------

// complex(str): parse errors as CPython words them.
static bool complex_parse(KrRun *r, KrValue s, Cplx *out) {
    KrStr *str = kr_as_str(s);
    KrBuf scratch;
    kr_buf_init(&scratch, kr_run_allocator(r));
    double parts[2];
    bool bad_underscore;
    KrFmtStatus st = kr_parse_complex_str(&scratch, str->data, str->nbytes, parts, &bad_underscore);
    kr_buf_free(&scratch);
    if (st == KR_FMT_OK) {
        *out = (Cplx){parts[0], parts[1]};
        return true;
    }
    if (st == KR_FMT_NOMEM) return kr_int_nomem(r), false;
    if (!bad_underscore) return kr_raise(r, &kr_exc_ValueError, "complex() arg is a malformed string"), false;
    KrValue rep = kr_repr(r, s);
    if (rep != KR_EXC)
        kr_raise(r, &kr_exc_ValueError, "could not convert string to complex: %s", kr_as_str(rep)->data);
    return false;
}

// Does v's class define `name` (a class instance's __float__ or __index__)?
static bool complex_defines(KrRun *r, KrValue v, const KrStr *name) {
    KrLookup lk;
    return kr_type_lookup(r, kr_typeof(v), (KrStr *)name, &lk);
}

// CPython's test of a constructor argument: a complex, or a type with
// __float__ or __index__.
static bool complex_arg_is_number(KrRun *r, KrValue v) {
    static const KrStr float_name = KR_STATIC_STR("__float__"), index_name = KR_STATIC_STR("__index__");
    if (kr_complex_check(v) || kr_float_check(v) || kr_int_check(v)) return true;
    if (!(kr_typeof(v)->flags & KR_TF_HEAP)) return false;
    return complex_defines(r, v, &float_name) || complex_defines(r, v, &index_name);
}

// float(v) for an argument that passed complex_arg_is_number: __float__
// first (a class may override int's), then __index__.
static bool complex_arg_double(KrRun *r, KrValue v, double *out) {
    if (!(kr_typeof(v)->flags & KR_TF_HEAP)) return kr_float_from_value(r, v, out);
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
    if (i != KR_NULL) {
        if (kr_int_check(i)) return kr_int_to_double(r, i, out);
        kr_raise(r, &kr_exc_TypeError, "__index__ returned non-int (type %s)", kr_type_name(i));
        return false;
    }
    return kr_float_from_value(r, v, out);
}

// v.__complex__() for a class instance: 1 (the value in *out), 0 when its
// class has none, -1 with an exception.
static int complex_special(KrRun *r, KrValue v, Cplx *out) {
    KrValue c = kr_int_call_dunder(r, v, "__complex__", 0, NULL);
    if (c == KR_EXC) return -1;
    if (c == KR_NULL) return 0;
    if (!kr_complex_check(c)) {
        kr_raise(r, &kr_exc_TypeError, "__complex__ returned non-complex (type %s)", kr_type_name(c));
        return -1;
    }
    *out = complex_value(c);
    return 1;
}

// The real and imaginary argument types, checked before any conversion
// runs (CPython's order). re_is_complex: the real part came from a complex.
static bool complex_check_args(KrRun *r, KrValue real, KrValue imag, Cplx *cr, bool *re_is_complex) {
    int got = complex_special(r, real, cr);
    if (got < 0) return false;
    *re_is_complex = got > 0 || kr_complex_check(real);
    if (got == 0 && kr_complex_check(real)) *cr = complex_value(real);
    if (!*re_is_complex && !complex_arg_is_number(r, real)) {
        kr_raise(r, &kr_exc_TypeError, "complex() first argument must be a string or a number, not '%s'",
                 kr_type_name(real));
        return false;
    }
    if (imag != KR_NULL && !complex_arg_is_number(r, imag)) {
        kr_raise(r, &kr_exc_TypeError, "complex() second argument must be a number, not '%s'",
                 kr_type_name(imag));
        return false;
    }
    return true;
}

// complex(real, imag) for numbers: real + imag*1j, where either may itself
// be complex (complex(1j, 1j) == -1+1j).
static bool complex_from_numbers(KrRun *r, KrValue real, KrValue imag, Cplx *out) {
    Cplx cr = {0.0, 0.0}, ci = {0.0, 0.0};
    bool re_is_complex, im_is_complex = imag != KR_NULL && kr_complex_check(imag);
    if (!complex_check_args(r, real, imag, &cr, &re_is_complex)) return false;
    if (!re_is_complex && !complex_arg_double(r, real, &cr.re)) return false;
    if (imag == KR_NULL) ci.re = cr.im;
    else if (im_is_complex) ci = complex_value(imag);
    else if (!complex_arg_double(r, imag, &ci.re)) return false;
    if (im_is_complex) cr.re -= ci.im;
    if (re_is_complex && imag != KR_NULL) ci.re += cr.im;
    *out = (Cplx){cr.re, ci.re};
    return true;
}

static bool complex_new_value(KrRun *r, KrValue real, KrValue imag, Cplx *out) {
    if (real == KR_NULL) real = kr_from_small(0);
    if (kr_is_str(real)) {
        if (imag == KR_NULL) return complex_parse(r, real, out);
        kr_raise(r, &kr_exc_TypeError, "complex() can't take second arg if first is a string");
        return false;
    }
    if (imag != KR_NULL && kr_is_str(imag)) {
        kr_raise(r, &kr_exc_TypeError, "complex() second arg can't be a string");
        return false;
    }
    return complex_from_numbers(r, real, imag, out);
}

static KrValue complex_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kwnames) {
    static const char *const names[] = {"real", "imag", NULL};
    KrValue a[2];
    if (!kr_str_bind_args(r, "complex", names, argc, args, kwnames, a)) return KR_EXC;
    // complex(z) of a plain complex is z itself
    if (t == &kr_type_complex && a[1] == KR_NULL && kr_is_type(a[0], &kr_type_complex)) return a[0];
    Cplx z;
    if (!complex_new_value(r, a[0], a[1], &z)) return KR_EXC;
    return kr_complex_new_instance(r, t, z.re, z.im);
}

// ---- methods --------------------------------------------------------------------------------

static bool complex_no_args(KrRun *r, const char *name, size_t argc, KrValue kwnames) {
    if (kwnames != KR_NULL && kr_as_tuple(kwnames)->len)
        return kr_raise(r, &kr_exc_TypeError, "%s() takes no keyword arguments", name), false;
    if (argc) return kr_raise(r, &kr_exc_TypeError, "%s() takes no arguments (%zu given)", name, argc), false;
    return true;
}

static KrValue complex_conjugate(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!complex_no_args(r, "complex.conjugate", argc, kwnames)) return KR_EXC;
    Cplx z = complex_value(self);
    return kr_complex_new(r, z.re, -z.im);
}

static KrValue complex_complex_method(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!complex_no_args(r, "complex.__complex__", argc, kwnames)) return KR_EXC;
    return kr_is_type(self, &kr_type_complex) ? self : complex_from(r, complex_value(self));
}

static KrValue complex_getnewargs(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!complex_no_args(r, "complex.__getnewargs__", argc, kwnames)) return KR_EXC;
    Cplx z = complex_value(self);
    return kr_tuple_pack2(r, kr_from_double(z.re), kr_from_double(z.im));
}

// abs(z): C99's rules for infinities (inf even with a NaN part), else hypot.
static KrValue complex_abs_method(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_dict_check_args(r, "__abs__", argc, kwnames, 0, 0)) return KR_EXC;
    Cplx z = complex_value(self);
    if (isinf(z.re) || isinf(z.im)) return kr_from_double(HUGE_VAL);
    if (isnan(z.re) || isnan(z.im)) return kr_from_double(NAN);
    double h = hypot(z.re, z.im);
    if (isinf(h)) return kr_raise(r, &kr_exc_OverflowError, "absolute value too large");
    return kr_from_double(h);
}

static KrValue complex_format_method(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    KrStr *spec;
    if (kr_int_format_spec(r, self, argc, args, kwnames, &spec) == KR_EXC) return KR_EXC;
    if (spec->nbytes == 0) return kr_str(r, self);
    const char *tname = kr_type_name(self);
    KrFmtSpec fs;
    char err[256];
    KrFmtStatus st = kr_fmtspec_parse(spec->data, spec->nbytes, KR_FMT_KIND_FLOAT, tname, &fs, err, sizeof err);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    Cplx z = complex_value(self);
    if (st == KR_FMT_OK) st = kr_fmt_complex(&b, z.re, z.im, &fs, tname, err, sizeof err);
    KrValue s = st == KR_FMT_OK ? kr_str_from_buf(r, &b) : kr_int_fmt_error(r, st, err);
    kr_buf_free(&b);
    return s;
}

// Binary dunders (complex.__add__ ...): NotImplemented for a non-number.
static KrValue complex_dunder_binary(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames,
                                     KrBinOp op, bool reflected, const char *name) {
    if (!kr_dict_check_args(r, name, argc, kwnames, 1, 1)) return KR_EXC;
    return reflected ? complex_binary(r, args[0], self, op) : complex_binary(r, self, args[0], op);
}

#define COMPLEX_BINARY_METHODS(op, fwd, rev)                                                                \
    static KrValue complex_m_##fwd(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) { \
        return complex_dunder_binary(r, self, argc, args, kw, op, false, "__" #fwd "__");                  \
    }                                                                                                       \
    static KrValue complex_m_##rev(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) { \
        return complex_dunder_binary(r, self, argc, args, kw, op, true, "__" #rev "__");                   \
    }
COMPLEX_BINARY_METHODS(KR_BIN_ADD, add, radd)
COMPLEX_BINARY_METHODS(KR_BIN_SUB, sub, rsub)
COMPLEX_BINARY_METHODS(KR_BIN_MUL, mul, rmul)
COMPLEX_BINARY_METHODS(KR_BIN_TRUEDIV, truediv, rtruediv)

// __pow__(value, mod=None) and __rpow__: a modulus is a ValueError once
// both operands are numbers.
static KrValue complex_pow_dunder(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames,
                                  bool reflected) {
    if (!kr_wrapper_args(r, reflected ? "__rpow__" : "__pow__", argc, kwnames, 1, 2))
        return KR_EXC;
    KrValue a = reflected ? args[0] : self, b = reflected ? self : args[0];
    if (argc < 2 || args[1] == KR_NONE) return complex_binary(r, a, b, KR_BIN_POW);
    Cplx x, y;
    int ka = complex_operand(r, a, &x);
    if (ka <= 0) return ka < 0 ? KR_EXC : KR_NOTIMPL;
    int kb = complex_operand(r, b, &y);
    if (kb <= 0) return kb < 0 ? KR_EXC : KR_NOTIMPL;
    return kr_raise(r, &kr_exc_ValueError, "complex modulo");
}

KR_NUM_DUNDER_PAIR(complex, pow, rpow, complex_pow_dunder)

static const KrMethodDef complex_methods[] = {
    {"conjugate", complex_conjugate, 0},
    {"__complex__", complex_complex_method, 0},
    {"__format__", complex_format_method, 0},
    {"__getnewargs__", complex_getnewargs, 0},
    {"__abs__", complex_abs_method, 0},
    {"__add__", complex_m_add, 0},
    {"__radd__", complex_m_radd, 0},
    {"__sub__", complex_m_sub, 0},
    {"__rsub__", complex_m_rsub, 0},
    {"__mul__", complex_m_mul, 0},
    {"__rmul__", complex_m_rmul, 0},
    {"__truediv__", complex_m_truediv, 0},
    {"__rtruediv__", complex_m_rtruediv, 0},
    {"__pow__", complex_m_pow, 0},
    {"__rpow__", complex_m_rpow, 0},
    {NULL, NULL, 0},
};

static KrValue complex_get_real(KrRun *r, KrValue self) {
    (void)r;
    return kr_from_double(complex_value(self).re);
}

static KrValue complex_get_imag(KrRun *r, KrValue self) {
    (void)r;
    return kr_from_double(complex_value(self).im);
}

static const KrGetSetDef complex_getsets[] = {
    {"real", complex_get_real},
    {"imag", complex_get_imag},
    {NULL, NULL},
};

static const char *const complex_members[] = {"real", "imag", NULL};

const KrType kr_type_complex = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "complex",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrComplex),
    .construct = complex_construct,
    .repr = complex_repr,
    .hash = complex_hash,
    .compare = complex_compare,
    .binary = complex_binary,
    .unary = complex_unary,
    .truth = complex_truth,
    .methods = complex_methods,
    .getsets = complex_getsets,
    .members = complex_members,
    .snap = &complex_snap,
};

// ---- run snapshots ----------------------------------------------------------------------------

static const KrRsField complex_fields[] = {
    KR_RS_SCALAR(KrComplex, re, KR_RSF_F64), KR_RS_SCALAR(KrComplex, im, KR_RSF_F64), KR_RS_END,
};
static const KrSnapOps complex_snap = {complex_fields, NULL, NULL, NULL};
