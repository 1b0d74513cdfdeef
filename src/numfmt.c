// numfmt.c: see numfmt.h. Decimal digits come from snprintf("%.*e" /
// "%.*f") and strtod, which the C library rounds correctly; everything
// else (where the point goes, when an exponent is used, signs, padding,
// grouping, error precedence) follows CPython 3.11's documented and
// observed behaviour.
#include "numfmt.h"
#include "unicode_db.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

// ===========================================================================
// Error messages

typedef struct KrMsg {
    char *buf;
    size_t cap;
    size_t len;
    bool full; // once truncated, later pieces are dropped too
} KrMsg;

static void kr_msg_init(KrMsg *m, char *buf, size_t cap) {
    m->buf = buf;
    m->cap = buf ? cap : 0;
    m->len = 0;
    m->full = m->cap == 0;
    if (m->cap) buf[0] = 0;
}

// Appends n bytes; when out of room, cuts at a UTF-8 boundary.
static void kr_msg_add(KrMsg *m, const char *s, size_t n) {
    if (m->full) return;
    size_t room = m->cap - 1 - m->len;
    if (n > room) {
        n = room;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
        m->full = true;
    }
    if (n) memcpy(m->buf + m->len, s, n);
    m->len += n;
    m->buf[m->len] = 0;
}

static void kr_msg_str(KrMsg *m, const char *s) { kr_msg_add(m, s, strlen(s)); }

// A type name as CPython's "%.200s" prints it (kept valid UTF-8).
static void kr_msg_type_name(KrMsg *m, const char *name) {
    if (!name) name = "?";
    size_t n = 0;
    while (n < 200 && name[n]) n++;
    if (n == 200 && name[n])
        while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80) n--;
    kr_msg_add(m, name, n);
}

// A presentation type as CPython quotes it: 'x', or '\xe9' when not
// printable ASCII.
static void kr_msg_code(KrMsg *m, uint32_t code) {
    char tmp[16];
    if (code > 32 && code < 128) {
        tmp[0] = (char)code;
        kr_msg_add(m, tmp, 1);
        return;
    }
    int k = snprintf(tmp, sizeof tmp, "\\x%x", (unsigned)code);
    if (k > 0) kr_msg_add(m, tmp, (size_t)k);
}

static KrFmtStatus kr_fail(char *errmsg, size_t errcap, KrFmtStatus st, const char *text) {
    KrMsg m;
    kr_msg_init(&m, errmsg, errcap);
    kr_msg_str(&m, text);
    return st;
}

static KrFmtStatus kr_unknown_code(uint32_t code, const char *type_name, char *errmsg,
                                   size_t errcap) {
    KrMsg m;
    kr_msg_init(&m, errmsg, errcap);
    kr_msg_str(&m, "Unknown format code '");
    kr_msg_code(&m, code);
    kr_msg_str(&m, "' for object of type '");
    kr_msg_type_name(&m, type_name);
    kr_msg_str(&m, "'");
    return KR_FMT_VALUE_ERROR;
}

// ===========================================================================
// Small helpers

static bool kr_isdigit(char c) { return c >= '0' && c <= '9'; }

static char kr_upper_hex(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c; }

// Sums sizes, remembering overflow so callers check once at the end.
typedef struct KrSize {
    size_t n;
    bool ovf;
} KrSize;

static void kr_sz_add(KrSize *s, size_t a) {
    if (!kr_size_add(s->n, a, &s->n)) s->ovf = true;
}

static void kr_sz_addmul(KrSize *s, size_t a, size_t b) {
    size_t m;
    if (!kr_size_mul(a, b, &m)) s->ovf = true;
    else kr_sz_add(s, m);
}

// A spec width as a count: absent (-1) is 0; saturates where size_t is
// narrower, which then fails the size checks.
static size_t kr_count(int64_t v) {
    if (v <= 0) return 0;
    if ((uint64_t)v > SIZE_MAX) return SIZE_MAX;
    return (size_t)v;
}

static char *kr_put(char *p, const char *s, size_t n) {
    if (n) memcpy(p, s, n);
    return p + n;
}

static char *kr_put_rep(char *p, char c, size_t n) {
    if (n) memset(p, c, n);
    return p + n;
}

// count copies of a multi-byte fill, doubling the written prefix (a width
// of millions costs a few copies, not millions).
static KR_NOINLINE char *kr_put_fill_wide(char *p, const char *fill, size_t fl, size_t count) {
    size_t total = count * fl, done = fl;
    if (count == 0) return p;
    memcpy(p, fill, fl);
    while (done < total) {
        size_t k = done < total - done ? done : total - done;
        memcpy(p + done, p, k);
        done += k;
    }
    return p + total;
}

static char *kr_put_fill(char *p, const char *fill, size_t fl, size_t count) {
    return fl == 1 ? kr_put_rep(p, fill[0], count) : kr_put_fill_wide(p, fill, fl, count);
}

static char *kr_put_digits(char *p, const char *s, size_t n, bool upper) {
    if (!upper) return kr_put(p, s, n);
    for (size_t i = 0; i < n; i++) *p++ = kr_upper_hex(s[i]);
    return p;
}

// Output is sized exactly, reserved once, then written in place.
static char *kr_out_begin(KrBuf *out, const KrSize *total) {
    if (total->ovf || !kr_buf_reserve(out, total->n)) return NULL;
    return out->data + out->len;
}

static void kr_out_end(KrBuf *out, size_t total) {
    out->len += total;
    out->data[out->len] = 0;
}

// Preserves the host's errno across strtod, which may set ERANGE.
static double kr_strtod(const char *s) {
    int saved = errno;
    double v = strtod(s, NULL);
    errno = saved;
    return v;
}

// ===========================================================================
// Decimal digits of a double

// Past these precisions the printed digits are exact (a double has at
// most 767 significant and 1074 fractional decimal digits), so callers
// ask for less and pad with zeros.
#define KR_E_PREC_MAX 780
#define KR_F_PREC_MAX 1080
// Room for "%.1080f" of 1.8e308 (309 + 1080 digits) with any radix.
#define KR_DEC_CAP 1700

typedef struct KrDec {
    char buf[KR_DEC_CAP];
    char *d;    // significant digits in buf: no leading/trailing zeros, "0" for zero
    size_t len; // number of digits
    int decpt;  // value = 0.d[0]d[1]... * 10^decpt
} KrDec;

static void kr_dec_zero(KrDec *dec) {
    dec->buf[0] = '0';
    dec->d = dec->buf;
    dec->len = 1;
    dec->decpt = 1;
}

static void kr_dec_set(KrDec *dec, char *d, size_t nd, long decpt) {
    while (nd && *d == '0') {
        d++;
        nd--;
        decpt--;
    }
    while (nd && d[nd - 1] == '0') nd--;
    if (!nd) {
        kr_dec_zero(dec);
        return;
    }
    dec->d = d;
    dec->len = nd;
    dec->decpt = (int)decpt;
}

// Reads snprintf's output in place. The radix character is whatever the
// host locale says, so it is skipped rather than matched.
static bool kr_dec_parse(KrDec *dec, size_t n, bool expfmt) {
    char *s = dec->buf;
    size_t r = 0, w = 0;
    if (r < n && s[r] == '-') r++;
    while (r < n && kr_isdigit(s[r])) s[w++] = s[r++];
    size_t nint = w;
    while (r < n && !kr_isdigit(s[r]) && !(expfmt && s[r] == 'e')) r++;
    while (r < n && kr_isdigit(s[r])) s[w++] = s[r++];
    long exp = 0;
    if (expfmt) {
        if (r >= n || s[r] != 'e') return false;
        r++;
        bool eneg = r < n && s[r] == '-';
        if (r < n && (s[r] == '+' || s[r] == '-')) r++;
        if (r >= n) return false;
        for (; r < n && kr_isdigit(s[r]); r++)
            if (exp < 100000) exp = exp * 10 + (s[r] - '0');
        if (eneg) exp = -exp;
    }
    if (w == 0) return false;
    kr_dec_set(dec, s, w, (long)nint + exp);
    return true;
}

// Correctly rounded digits of ax >= 0 (finite): prec digits after the
// first in exponent form, or after the point in fixed form.
static bool kr_dec_print(KrDec *dec, double ax, bool expfmt, int prec) {
    int n = snprintf(dec->buf, sizeof dec->buf, expfmt ? "%.*e" : "%.*f", prec, ax);
    if (n < 0 || (size_t)n >= sizeof dec->buf) return false;
    return kr_dec_parse(dec, (size_t)n, expfmt);
}

// The double nearest to 0.d * 10^decpt for a short digit string.
static double kr_digits_value(const char *d, size_t len, int decpt) {
    char tmp[48];
    if (len > 24) return NAN;
    memcpy(tmp, d, len);
    snprintf(tmp + len, sizeof tmp - len, "e%d", decpt - (int)len);
    return kr_strtod(tmp);
}

static bool kr_dec_roundtrips(const KrDec *dec, double ax) {
    return kr_digits_value(dec->d, dec->len, dec->decpt) == ax;
}

// Tries the k-digit decimal one unit above dec's digits. Needed only for
// powers of two, whose rounding interval reaches twice as far above as
// below, so the nearest k-digit decimal can miss while the next fits.
static bool kr_dec_try_next(KrDec *dec, size_t k, double ax) {
    char t[24];
    size_t n = dec->len;
    if (n > k || k >= sizeof t) return false;
    memcpy(t, dec->d, n);
    memset(t + n, '0', k - n);
    int decpt = dec->decpt;
    size_t i = k;
    while (i > 0 && t[i - 1] == '9') t[--i] = '0';
    if (i == 0) {
        t[0] = '1';
        decpt++;
    } else {
        t[i - 1]++;
    }
    while (k > 1 && t[k - 1] == '0') k--;
    if (kr_digits_value(t, k, decpt) != ax) return false;
    memcpy(dec->buf, t, k);
    dec->d = dec->buf;
    dec->len = k;
    dec->decpt = decpt;
    return true;
}

static bool kr_is_pow2(double ax) {
    int e;
    return frexp(ax, &e) == 0.5;
}

// Rounds the 17 correctly rounded digits d17 to k digits into dec. Only
// when the dropped tail is exactly "50...0" could that differ from
// rounding the exact value, so then it asks printf.
static bool kr_dec_round17(KrDec *dec, const char *d17, int decpt, size_t k, double ax) {
    bool rest_zero = true;
    for (size_t i = k + 1; i < 17; i++) rest_zero = rest_zero && d17[i] == '0';
    if (d17[k] == '5' && rest_zero) return kr_dec_print(dec, ax, true, (int)k - 1);
    char *t = dec->buf;
    memcpy(t, d17, k);
    if (d17[k] >= '5') {
        size_t i = k;
        while (i > 0 && t[i - 1] == '9') t[--i] = '0';
        if (i == 0) {
            t[0] = '1';
            decpt++;
        } else {
            t[i - 1]++;
        }
    }
    kr_dec_set(dec, t, k, decpt);
    return true;
}

// Shortest digits that read back as ax, the nearest such when several
// (repr's rule). For normal doubles a 15-digit decimal is unique in the
// rounding interval, so the correctly rounded 15 digits decide all
// lengths up to 15; else 16 or 17, all derived from one printf.
// Subnormals have fewer digits: binary search (round-tripping is
// monotonic in the digit count).
static bool kr_dec_shortest(KrDec *dec, double ax) {
    if (ax == 0) {
        kr_dec_zero(dec);
        return true;
    }
    if (ax >= DBL_MIN) {
        if (!kr_dec_print(dec, ax, true, 16) || dec->len > 17) return false;
        char d17[17];
        int decpt = dec->decpt;
        memcpy(d17, dec->d, dec->len);
        memset(d17 + dec->len, '0', 17 - dec->len);
        for (size_t k = 15; k <= 16; k++) {
            if (!kr_dec_round17(dec, d17, decpt, k, ax)) return false;
            if (kr_dec_roundtrips(dec, ax)) return true;
        }
        if (kr_is_pow2(ax) && kr_dec_try_next(dec, 16, ax)) return true;
        memcpy(dec->buf, d17, 17);
        kr_dec_set(dec, dec->buf, 17, decpt);
        return true;
    }
    int lo = 1, hi = 17;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (!kr_dec_print(dec, ax, true, mid - 1)) return false;
        if (kr_dec_roundtrips(dec, ax)) hi = mid;
        else lo = mid + 1;
    }
    return kr_dec_print(dec, ax, true, lo - 1);
}

// The double for dec's digits (any length), correctly rounded.
static double kr_dec_value(KrDec *dec) {
    char *end = dec->d + dec->len;
    size_t room = (size_t)(dec->buf + sizeof dec->buf - end);
    int k = snprintf(end, room, "e%d", dec->decpt - (int)dec->len);
    if (k < 0 || (size_t)k >= room) return NAN;
    return kr_strtod(dec->d);
}

// ===========================================================================
// Laying out a double the way CPython's float formatting does

#define KR_DTSF_ALT 1u       // '#': keep the point, keep trailing zeros for g
#define KR_DTSF_ADD_DOT_0 2u // no type: "1.0" rather than "1"
#define KR_DTSF_NO_NEG_0 4u  // 'z'

// Integer part room: a double's integer part has at most 309 digits.
#define KR_IPART_CAP 330

// sign, integer digits, [point], fraction (zeros, digits, zeros), tail
// (exponent or inf/nan, plus '%'). Fraction zero runs can be huge
// (precision up to INT_MAX), so they stay counts.
typedef struct KrFloatParts {
    KrDec dec;
    bool neg;
    char ipart[KR_IPART_CAP];
    size_t ilen;
    bool dot;
    size_t fz1;
    const char *frac;
    size_t nfrac;
    size_t fz2;
    char tail[16];
    size_t ntail;
} KrFloatParts;

static void kr_parts_special(KrFloatParts *p, double x, bool upper) {
    const char *t = isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    p->neg = !isnan(x) && x < 0; // CPython ignores a nan's sign
    memcpy(p->tail, t, 3);
    p->ntail = 3;
}

// Exponent as "%+.02d" prints it: sign, at least two digits.
static size_t kr_put_exponent(char *p, char e_char, int exp) {
    size_t n = 0;
    p[n++] = e_char;
    p[n++] = exp < 0 ? '-' : '+';
    unsigned u = exp < 0 ? (unsigned)-exp : (unsigned)exp;
    char tmp[8];
    size_t k = 0;
    do {
        tmp[k++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (k < 2) tmp[k++] = '0';
    while (k) p[n++] = tmp[--k];
    return n;
}

static bool kr_float_digits(KrDec *dec, double ax, char code, int64_t prec) {
    switch (code) {
    case 'e': return kr_dec_print(dec, ax, true, (int)(prec < KR_E_PREC_MAX ? prec : KR_E_PREC_MAX));
    case 'f': return kr_dec_print(dec, ax, false, (int)(prec < KR_F_PREC_MAX ? prec : KR_F_PREC_MAX));
    case 'g':
        return kr_dec_print(dec, ax, true,
                            (int)(prec - 1 < KR_E_PREC_MAX ? prec - 1 : KR_E_PREC_MAX));
    default: return kr_dec_shortest(dec, ax);
    }
}

static int64_t kr_max64(int64_t a, int64_t b) { return a > b ? a : b; }

// Splits the digits at the point: integer part, and the fraction ending
// at position vend (counted in digits from the first one).
static bool kr_parts_split(KrFloatParts *p, int64_t decpt, int64_t vend) {
    const char *d = p->dec.d;
    int64_t len = (int64_t)p->dec.len;
    if (decpt >= KR_IPART_CAP) return false;
    if (decpt <= 0) {
        p->ipart[0] = '0';
        p->ilen = 1;
        p->fz1 = (size_t)-decpt;
        p->frac = d;
        p->nfrac = (size_t)len;
        p->fz2 = (size_t)kr_max64(vend - len, 0);
    } else if (decpt <= len) {
        memcpy(p->ipart, d, (size_t)decpt);
        p->ilen = (size_t)decpt;
        p->frac = d + decpt;
        p->nfrac = (size_t)(len - decpt);
        p->fz2 = (size_t)kr_max64(vend - len, 0);
    } else {
        memcpy(p->ipart, d, (size_t)len);
        memset(p->ipart + len, '0', (size_t)(decpt - len));
        p->ilen = (size_t)decpt;
        p->fz1 = (size_t)kr_max64(vend - decpt, 0);
    }
    return true;
}

// code: e E f F g G, or 'r' for repr digits; prec <= INT_MAX.
static bool kr_float_parts(KrFloatParts *p, double x, char code, int64_t prec, unsigned flags) {
    bool upper = code >= 'A' && code <= 'Z';
    if (upper) code = (char)(code - 'A' + 'a');
    p->ilen = 0;
    p->dot = false;
    p->fz1 = p->nfrac = p->fz2 = 0;
    p->frac = "";
    p->ntail = 0;
    if (!isfinite(x)) {
        kr_parts_special(p, x, upper);
        return true;
    }
    if (code == 'g' && prec == 0) prec = 1; // as CPython: 'g' with 0 means 1
    if (!kr_float_digits(&p->dec, fabs(x), code, prec)) return false;
    bool zero = p->dec.len == 1 && p->dec.d[0] == '0';
    p->neg = signbit(x) && !(zero && (flags & KR_DTSF_NO_NEG_0));
    bool alt = flags & KR_DTSF_ALT, dot0 = flags & KR_DTSF_ADD_DOT_0;
    int64_t decpt = p->dec.decpt, vend = (int64_t)p->dec.len;
    bool use_exp = false;
    switch (code) {
    case 'e':
        use_exp = true;
        vend = prec + 1;
        break;
    case 'f': vend = decpt + prec; break;
    case 'g':
        use_exp = decpt <= -4 || decpt > (dot0 ? prec - 1 : prec);
        if (alt) vend = prec;
        break;
    default: use_exp = decpt <= -4 || decpt > 16; break;
    }
    int exp = 0;
    if (use_exp) {
        exp = (int)decpt - 1;
        decpt = 1;
    }
    vend = kr_max64(vend, (!use_exp && dot0) ? decpt + 1 : decpt);
    if (!kr_parts_split(p, decpt, vend)) return false;
    p->dot = alt || p->fz1 + p->nfrac + p->fz2 > 0;
    if (use_exp) p->ntail = kr_put_exponent(p->tail, upper ? 'E' : 'e', exp);
    return true;
}

// ===========================================================================
// repr, hex, is_integer

// Shortest repr digits of x at buf (no NUL); `plus` prints a '+' on a
// non-negative value (a complex's imaginary part). Returns the end.
static char *kr_put_repr(char *buf, double x, unsigned flags, bool plus) {
    KrFloatParts p;
    if (!kr_float_parts(&p, x, 'r', 0, flags)) return kr_put(buf, "nan", 3); // unreachable: repr digits fit
    // Bounded: at most 17 digits, 4 leading zeros, "e-324".
    char *q = buf;
    if (p.neg || plus) *q++ = p.neg ? '-' : '+';
    q = kr_put(q, p.ipart, p.ilen);
    if (p.dot) *q++ = '.';
    q = kr_put_rep(q, '0', p.fz1);
    q = kr_put(q, p.frac, p.nfrac);
    q = kr_put_rep(q, '0', p.fz2);
    return kr_put(q, p.tail, p.ntail);
}

size_t kr_double_repr(double x, char *buf) {
    char *q = kr_put_repr(buf, x, KR_DTSF_ADD_DOT_0, false);
    *q = 0;
    return (size_t)(q - buf);
}

size_t kr_complex_repr(double re, double im, char *buf) {
    char *q = buf;
    if (re == 0.0 && !signbit(re)) { // a +0 real part is left out: 1j, -0j
        q = kr_put_repr(q, im, 0, false);
        *q++ = 'j';
    } else {
        *q++ = '(';
        q = kr_put_repr(q, re, 0, false);
        q = kr_put_repr(q, im, 0, true);
        q = kr_put(q, "j)", 2);
    }
    *q = 0;
    return (size_t)(q - buf);
}

size_t kr_double_hex(double x, char *buf) {
    if (isnan(x)) return (size_t)snprintf(buf, KR_DOUBLE_BUF, "nan");
    if (isinf(x)) return (size_t)snprintf(buf, KR_DOUBLE_BUF, x < 0 ? "-inf" : "inf");
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    const char *sign = (bits >> 63) ? "-" : "";
    unsigned biased = (unsigned)((bits >> 52) & 0x7FF);
    unsigned long long mant = (unsigned long long)(bits & ((1ULL << 52) - 1));
    if (biased == 0 && mant == 0) return (size_t)snprintf(buf, KR_DOUBLE_BUF, "%s0x0.0p+0", sign);
    // Subnormals print as 0x0.<mantissa>p-1022, as CPython does.
    int lead = biased ? 1 : 0;
    int exp = biased ? (int)biased - 1023 : -1022;
    return (size_t)snprintf(buf, KR_DOUBLE_BUF, "%s0x%d.%013llxp%+d", sign, lead, mant, exp);
}

bool kr_double_is_integer(double x) { return isfinite(x) && floor(x) == x; }

// ===========================================================================
// Parsing floats

// Digits kept for strtod. Beyond 768 significant digits only whether the
// rest is zero matters for correct rounding, so the rest becomes one
// sticky '1'.
#define KR_SIG_CAP 800
#define KR_EXP_CAP 1000000000
#define KR_SHIFT_CAP ((int64_t)1 << 60)

typedef struct KrScan {
    char sig[KR_SIG_CAP + 32]; // digits, sticky digit, "e<exp>"
    size_t nsig;
    bool sticky;
    int64_t exp10; // value = sig * 10^exp10
} KrScan;

static void kr_scan_shift(KrScan *sc, int64_t by) {
    if (sc->exp10 > -KR_SHIFT_CAP && sc->exp10 < KR_SHIFT_CAP) sc->exp10 += by;
}

static void kr_scan_digit(KrScan *sc, char c, bool frac) {
    if (sc->nsig == 0 && c == '0') {
        if (frac) kr_scan_shift(sc, -1);
    } else if (sc->nsig < KR_SIG_CAP) {
        sc->sig[sc->nsig++] = c;
        if (frac) kr_scan_shift(sc, -1);
    } else {
        if (c != '0') sc->sticky = true;
        if (!frac) kr_scan_shift(sc, 1);
    }
}

// Consumes digits with single '_' between digits. With sc, feeds mantissa
// digits; otherwise accumulates a saturating exponent into *ev.
static size_t kr_scan_digits(const char *s, size_t n, size_t *i, KrScan *sc, bool frac,
                             int64_t *ev) {
    size_t count = 0;
    while (*i < n) {
        char c = s[*i];
        if (kr_isdigit(c)) {
            if (sc) kr_scan_digit(sc, c, frac);
            else if (*ev < KR_EXP_CAP) *ev = *ev * 10 + (c - '0');
            count++;
            (*i)++;
        } else if (c == '_' && count > 0 && *i + 1 < n && kr_isdigit(s[*i + 1])) {
            (*i)++;
        } else {
            break;
        }
    }
    return count;
}

// digits ["." digits] | "." digits, then an exponent when one follows:
// the length of the number s starts with, 0 if none.
static size_t kr_scan_prefix(const char *s, size_t n, KrScan *sc) {
    size_t i = 0;
    sc->nsig = 0;
    sc->sticky = false;
    sc->exp10 = 0;
    size_t nint = kr_scan_digits(s, n, &i, sc, false, NULL);
    size_t nfrac = 0;
    if (i < n && s[i] == '.') {
        i++;
        nfrac = kr_scan_digits(s, n, &i, sc, true, NULL);
    }
    if (nint + nfrac == 0) return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        bool eneg = j < n && s[j] == '-';
        if (j < n && (s[j] == '+' || s[j] == '-')) j++;
        int64_t ev = 0;
        if (kr_scan_digits(s, n, &j, NULL, false, &ev) > 0) {
            sc->exp10 += eneg ? -ev : ev;
            i = j;
        }
    }
    return i;
}

// The same number, making up all of s.
static bool kr_scan_number(const char *s, size_t n, KrScan *sc) {
    size_t k = kr_scan_prefix(s, n, sc);
    return k > 0 && k == n;
}

static double kr_scan_value(KrScan *sc) {
    if (sc->nsig == 0) return 0.0;
    if (sc->sticky) {
        sc->sig[sc->nsig++] = '1';
        sc->exp10--;
    }
    int64_t top = sc->exp10 + (int64_t)sc->nsig; // value < 10^top
    if (top > 400) return HUGE_VAL;
    if (top < -400) return 0.0;
    snprintf(sc->sig + sc->nsig, sizeof sc->sig - sc->nsig, "e%lld", (long long)sc->exp10);
    return kr_strtod(sc->sig);
}

static bool kr_ascii_ieq(const char *s, size_t n, const char *lower) {
    size_t k = strlen(lower);
    if (n != k) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != lower[i]) return false;
    }
    return true;
}

static bool kr_is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool kr_parse_double(const char *s, size_t n, double *out) {
    while (n && kr_is_space(*s)) {
        s++;
        n--;
    }
    while (n && kr_is_space(s[n - 1])) n--;
    bool neg = false;
    if (n && (*s == '+' || *s == '-')) {
        neg = *s == '-';
        s++;
        n--;
    }
    double v;
    if (kr_ascii_ieq(s, n, "inf") || kr_ascii_ieq(s, n, "infinity")) {
        v = HUGE_VAL;
    } else if (kr_ascii_ieq(s, n, "nan")) {
        v = NAN;
    } else {
        KrScan sc;
        if (!kr_scan_number(s, n, &sc)) return false;
        v = kr_scan_value(&sc);
    }
    *out = neg ? -v : v;
    return true;
}

// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode spaces
// become ' ', decimal digits of any script ASCII digits; anything else
// non-ASCII ends the text with '?', which cannot parse.
static bool kr_float_text_to_ascii(KrBuf *out, const char *s, size_t n) {
    out->len = 0;
    if (!kr_buf_reserve(out, n)) return false;
    size_t i = 0;
    while (i < n) {
        uint32_t cp = kr_utf8_decode(s, n, &i);
        int d = cp < 0x7F ? -2 : kr_uni_isspace(cp) ? -3 : kr_uni_decimal_value(cp);
        char c = d == -2 ? (char)cp : d == -3 ? ' ' : d >= 0 ? (char)('0' + d) : '?';
        out->data[out->len++] = c;
        if (c == '?') break;
    }
    out->data[out->len] = 0;
    return true;
}

KrFmtStatus kr_parse_double_str(KrBuf *scratch, const char *utf8, size_t n, double *out) {
    size_t i = 0;
    while (i < n && (unsigned char)utf8[i] < 0x80) i++;
    if (i == n) return kr_parse_double(utf8, n, out) ? KR_FMT_OK : KR_FMT_VALUE_ERROR;
    if (!kr_float_text_to_ascii(scratch, utf8, n)) return KR_FMT_NOMEM;
    return kr_parse_double(scratch->data, scratch->len, out) ? KR_FMT_OK : KR_FMT_VALUE_ERROR;
}

bool kr_parse_double_literal(const char *s, size_t n, double *out) {
    KrScan sc;
    if (!kr_scan_number(s, n, &sc)) return false;
    *out = kr_scan_value(&sc);
    return true;
}

// ===========================================================================
// Parsing complex numbers

// Does s start with the lowercase word w, in any case?
static bool kr_ascii_istarts(const char *s, size_t n, const char *w) {
    size_t k = strlen(w);
    return n >= k && kr_ascii_ieq(s, k, w);
}

// [sign] (inf | infinity | nan | number) at the start of s, as CPython's
// PyOS_string_to_double reads a prefix: its length, 0 if none.
static size_t kr_float_prefix(const char *s, size_t n, double *out) {
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    double v;
    if (kr_ascii_istarts(s + i, n - i, "inf")) {
        i += kr_ascii_istarts(s + i, n - i, "infinity") ? 8 : 3;
        v = HUGE_VAL;
    } else if (kr_ascii_istarts(s + i, n - i, "nan")) {
        i += 3;
        v = NAN;
    } else {
        KrScan sc;
        size_t k = kr_scan_prefix(s + i, n - i, &sc);
        if (!k) return 0;
        i += k;
        v = kr_scan_value(&sc);
    }
    *out = neg ? -v : v;
    return i;
}

static size_t kr_skip_spaces(const char *s, size_t n, size_t i) {
    while (i < n && kr_is_space(s[i])) i++;
    return i;
}

static bool kr_is_j(const char *s, size_t n, size_t i) { return i < n && (s[i] == 'j' || s[i] == 'J'); }

// After a real part: "", "j", "<signed float>j" or "<sign>j".
static bool kr_complex_rest(const char *s, size_t n, size_t *i, double z, double out[2]) {
    if (*i < n && (s[*i] == '+' || s[*i] == '-')) {
        out[0] = z;
        size_t k = kr_float_prefix(s + *i, n - *i, &out[1]);
        if (k) *i += k;
        else out[1] = s[(*i)++] == '+' ? 1.0 : -1.0;
        if (!kr_is_j(s, n, *i)) return false;
        (*i)++;
    } else if (kr_is_j(s, n, *i)) {
        (*i)++;
        out[1] = z;
    } else {
        out[0] = z;
    }
    return true;
}

// The forms CPython accepts, in optional parentheses and spaces:
// <float>, <float>j, <float><signed float>j, <float><sign>j, <sign>j, j.
static bool kr_complex_text(const char *s, size_t n, double out[2]) {
    out[0] = out[1] = 0.0;
    size_t i = kr_skip_spaces(s, n, 0);
    bool bracket = i < n && s[i] == '(';
    if (bracket) i = kr_skip_spaces(s, n, i + 1);
    double z;
    size_t k = kr_float_prefix(s + i, n - i, &z);
    if (k) {
        i += k;
        if (!kr_complex_rest(s, n, &i, z, out)) return false;
    } else {
        out[1] = 1.0;
        if (i < n && (s[i] == '+' || s[i] == '-')) out[1] = s[i++] == '+' ? 1.0 : -1.0;
        if (!kr_is_j(s, n, i)) return false;
        i++;
    }
    i = kr_skip_spaces(s, n, i);
    if (bracket) {
        if (i >= n || s[i] != ')') return false;
        i = kr_skip_spaces(s, n, i + 1);
    }
    return i == n;
}

// CPython's underscore rule for number strings: each '_' between two
// digits; they are removed in place. Like CPython it only looks before
// the first NUL, and a NUL after an underscore fails.
static bool kr_strip_underscores(char *s, size_t *n) {
    size_t stop = strlen(s);
    if (!memchr(s, '_', stop)) return true;
    char prev = 0;
    size_t w = 0;
    for (size_t i = 0; i < stop; i++) {
        char c = s[i];
        if (c == '_' ? !kr_isdigit(prev) : (prev == '_' && !kr_isdigit(c))) return false;
        if (c != '_') s[w++] = c;
        prev = c;
    }
    if (prev == '_' || stop != *n) return false;
    s[w] = 0;
    *n = w;
    return true;
}

KrFmtStatus kr_parse_complex_str(KrBuf *scratch, const char *utf8, size_t n, double out[2],
                                 bool *bad_underscore) {
    *bad_underscore = false;
    size_t i = 0;
    while (i < n && (unsigned char)utf8[i] < 0x80) i++;
    if (i == n) { // CPython maps only non-ASCII text (where DEL ends it too)
        scratch->len = 0;
        if (!kr_buf_reserve(scratch, n)) return KR_FMT_NOMEM;
        if (n) memcpy(scratch->data, utf8, n);
        scratch->len = n;
        scratch->data[n] = 0;
    } else if (!kr_float_text_to_ascii(scratch, utf8, n)) {
        return KR_FMT_NOMEM;
    }
    size_t len = scratch->len;
    if (!kr_strip_underscores(scratch->data, &len)) {
        *bad_underscore = true;
        return KR_FMT_VALUE_ERROR;
    }
    return kr_complex_text(scratch->data, len, out) ? KR_FMT_OK : KR_FMT_VALUE_ERROR;
}

// ===========================================================================
// round()

// CPython's limits: past 323 digits x is unchanged, below -308 it is 0.
#define KR_ROUND_NDIGITS_MAX 323
#define KR_ROUND_NDIGITS_MIN (-308)

// Rounds ax >= 1 to a multiple of 10^m (m >= 1), half to even, on its
// exact value: "%.52f" is exact for ax >= 1 (at most 52 fraction bits).
static bool kr_round_tens(KrDec *dec, double ax, int m) {
    if (!kr_dec_print(dec, ax, false, 52)) return false;
    int64_t keep = (int64_t)dec->decpt - m;
    if (keep < 0) {
        kr_dec_zero(dec);
        return true;
    }
    size_t k = (size_t)keep;
    if (k >= dec->len) return true; // already a multiple
    char *d = dec->d;
    char next = d[k];
    bool odd = k > 0 && ((d[k - 1] - '0') & 1);
    bool up = next > '5' || (next == '5' && (dec->len > k + 1 || odd));
    long decpt = dec->decpt;
    if (up) {
        size_t i = k;
        while (i > 0 && d[i - 1] == '9') d[--i] = '0';
        if (i == 0) { // carry out of the top: 0.999.. -> 0.1 * 10
            d[0] = '1';
            k = k ? k : 1;
            decpt++;
        } else {
            d[i - 1]++;
        }
    }
    kr_dec_set(dec, d, k, decpt);
    return true;
}

KrFmtStatus kr_double_round(double x, int64_t ndigits, double *out, char *errmsg, size_t errcap) {
    if (!isfinite(x) || ndigits > KR_ROUND_NDIGITS_MAX) {
        *out = x;
        return KR_FMT_OK;
    }
    if (ndigits < KR_ROUND_NDIGITS_MIN) {
        *out = 0.0 * x; // zero with x's sign
        return KR_FMT_OK;
    }
    KrDec dec;
    double ax = fabs(x);
    bool ok;
    if (ndigits >= 0) ok = kr_dec_print(&dec, ax, false, (int)ndigits);
    else if (ax < 1.0) ok = (kr_dec_zero(&dec), true);
    else ok = kr_round_tens(&dec, ax, (int)-ndigits);
    if (!ok) return KR_FMT_NOMEM;
    double r = kr_dec_value(&dec);
    if (isinf(r))
        return kr_fail(errmsg, errcap, KR_FMT_OVERFLOW_ERROR, "rounded value too large to represent");
    *out = signbit(x) ? -r : r;
    return KR_FMT_OK;
}

KrFmtStatus kr_double_round_half_even(double x, double *out, char *errmsg, size_t errcap) {
    if (isnan(x))
        return kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR, "cannot convert float NaN to integer");
    if (isinf(x))
        return kr_fail(errmsg, errcap, KR_FMT_OVERFLOW_ERROR,
                       "cannot convert float infinity to integer");
    double ax = fabs(x);
    double f = floor(ax);
    double diff = ax - f; // exact: f and ax share a binade or f is 0
    double r = f;
    if (diff > 0.5 || (diff == 0.5 && fmod(f, 2.0) != 0.0)) r = f + 1.0;
    *out = copysign(r, x);
    return KR_FMT_OK;
}

// ===========================================================================
// Format-spec parsing

static bool kr_is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Decimal digits of any script (CPython reads widths with
// Py_UNICODE_TODECIMAL) into *val; returns the count, or -1 past
// INT64_MAX (CPython's Py_ssize_t limit).
static int64_t kr_spec_int(const char *s, size_t n, size_t *pos, int64_t *val) {
    int64_t acc = 0, count = 0;
    while (*pos < n) {
        size_t j = *pos;
        unsigned char ch = (unsigned char)s[j];
        int d;
        if (ch < 0x80) { // ASCII: no decoding
            d = kr_isdigit((char)ch) ? ch - '0' : -1;
            j++;
        } else {
            d = kr_uni_decimal_value(kr_utf8_decode(s, n, &j));
        }
        if (d < 0) break;
        if (acc > (INT64_MAX - d) / 10) return -1;
        acc = acc * 10 + d;
        *pos = j;
        count++;
    }
    *val = acc;
    return count;
}

// Grouping is allowed with d e f g E G % F and none; '_' also with b o x X.
static KrFmtStatus kr_check_thousands(const KrFmtSpec *f, char *errmsg, size_t errcap) {
    if (!f->thousands) return KR_FMT_OK;
    switch (f->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        return KR_FMT_OK;
    case 'b': case 'o': case 'x': case 'X':
        if (f->thousands == '_') return KR_FMT_OK;
        break;
    default: break;
    }
    KrMsg m;
    kr_msg_init(&m, errmsg, errcap);
    kr_msg_str(&m, "Cannot specify '");
    kr_msg_add(&m, &f->thousands, 1);
    kr_msg_str(&m, "' with '");
    kr_msg_code(&m, f->type);
    kr_msg_str(&m, "'.");
    return KR_FMT_VALUE_ERROR;
}

static void kr_spec_defaults(KrFmtSpec *f, KrFmtKind kind) {
    f->fill = ' ';
    f->align = kind == KR_FMT_KIND_STR ? '<' : '>';
    f->sign = 0;
    f->no_neg_0 = false;
    f->alternate = false;
    f->thousands = 0;
    f->width = -1;
    f->precision = -1;
    f->type = kind == KR_FMT_KIND_STR ? 's' : kind == KR_FMT_KIND_INT ? 'd' : 0;
}

// [[fill]align]: returns the position after it.
static size_t kr_spec_align(const char *spec, size_t n, KrFmtSpec *f, bool *fill_given,
                            bool *align_given) {
    if (n == 0) return 0;
    size_t j = 0;
    uint32_t cp = kr_utf8_decode(spec, n, &j);
    if (j < n && kr_is_align((unsigned char)spec[j])) {
        f->fill = cp;
        f->align = spec[j];
        *fill_given = *align_given = true;
        return j + 1;
    }
    if (kr_is_align(cp)) {
        f->align = (char)cp;
        *align_given = true;
        return 1;
    }
    return 0;
}

static KrFmtStatus kr_invalid_spec(const char *spec, size_t n, const char *type_name,
                                   char *errmsg, size_t errcap) {
    KrMsg m;
    kr_msg_init(&m, errmsg, errcap);
    kr_msg_str(&m, "Invalid format specifier '");
    kr_msg_add(&m, spec, n);
    kr_msg_str(&m, "' for object of type '");
    kr_msg_type_name(&m, type_name);
    kr_msg_str(&m, "'");
    return KR_FMT_VALUE_ERROR;
}

// After width: grouping, precision and the type; CPython's order.
static KrFmtStatus kr_spec_tail(const char *spec, size_t n, size_t pos, const char *type_name,
                                KrFmtSpec *f, char *errmsg, size_t errcap) {
    const char *both = "Cannot specify both ',' and '_'.";
    if (pos < n && spec[pos] == ',') {
        f->thousands = ',';
        pos++;
    }
    if (pos < n && spec[pos] == '_') {
        if (f->thousands) return kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR, both);
        f->thousands = '_';
        pos++;
    }
    if (pos < n && spec[pos] == ',' && f->thousands == '_')
        return kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR, both);
    if (pos < n && spec[pos] == '.') {
        pos++;
        int64_t got = kr_spec_int(spec, n, &pos, &f->precision);
        if (got < 0)
            return kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR, "Too many decimal digits in format string");
        if (got == 0)
            return kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR, "Format specifier missing precision");
    }
    if (pos < n) {
        size_t j = pos;
        uint32_t cp = kr_utf8_decode(spec, n, &j);
        if (j < n) return kr_invalid_spec(spec, n, type_name, errmsg, errcap);
        f->type = cp;
    }
    return kr_check_thousands(f, errmsg, errcap);
}

KrFmtStatus kr_fmtspec_parse(const char *spec, size_t n, KrFmtKind kind, const char *type_name,
                             KrFmtSpec *out, char *errmsg, size_t errcap) {
    KrFmtSpec f;
    kr_spec_defaults(&f, kind);
    bool fill_given = false, align_given = false;
    size_t pos = kr_spec_align(spec, n, &f, &fill_given, &align_given);
    if (pos < n && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) f.sign = spec[pos++];
    if (pos < n && spec[pos] == 'z') {
        f.no_neg_0 = true;
        pos++;
    }
    if (pos < n && spec[pos] == '#') {
        f.alternate = true;
        pos++;
    }
    // '0' before the width means fill with zeros, after the sign for
    // numbers: unless a fill char was given.
    if (!fill_given && pos < n && spec[pos] == '0') {
        f.fill = '0';
        if (!align_given && f.align == '>') f.align = '=';
        pos++;
    }
    int64_t got = kr_spec_int(spec, n, &pos, &f.width);
    if (got < 0)
        return kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR, "Too many decimal digits in format string");
    if (got == 0) f.width = -1;
    KrFmtStatus st = kr_spec_tail(spec, n, pos, type_name, &f, errmsg, errcap);
    if (st == KR_FMT_OK) *out = f;
    return st;
}

// ===========================================================================
// Applying a spec to a number: CPython's layout
//   <lpad> <sign> <prefix> <spad> <grouped digits> <point> <remainder> <rpad>
// where only one padding is non-empty, and '0' fill with '=' alignment
// becomes zero digits inside the grouping instead of padding.

typedef struct KrNum {
    char sign; // sign character to print, or 0
    const char *prefix;
    size_t nprefix;
    const char *digits; // integer digits; grouped under a format spec
    size_t ndigits;
    size_t lead0; // '%' precision zeros before the digits
    bool upper;   // upper-case hex digits
    bool dot;
    size_t fz1; // fraction: zeros, digits, zeros
    const char *frac;
    size_t nfrac;
    size_t fz2;
    const char *tail; // exponent, inf/nan, '%', or the 'c' character
    size_t ntail;     // bytes
    size_t tail_cps;  // code points
} KrNum;

static void kr_num_init(KrNum *num) {
    memset(num, 0, sizeof *num);
    num->prefix = num->digits = num->frac = num->tail = "";
}

static char kr_sign_char(bool negative, char spec_sign) {
    if (negative) return '-';
    if (spec_sign == '+' || spec_sign == ' ') return spec_sign;
    return 0;
}

// Total digits once zero-padded so that the grouped text is at least
// minw long (a group separator never leads, so the first group may be
// short), as CPython's thousands grouping does.
static size_t kr_group_count(size_t n, size_t minw, size_t g) {
    size_t d;
    if (!g) {
        d = minw > 1 ? minw : 1;
    } else if (minw <= 1) {
        d = 1;
    } else {
        size_t q = minw / (g + 1);
        d = q ? q * g : 1; // grouped length q*(g+1)-1 < minw: a lower bound
        while (d + (d - 1) / g < minw) d++;
    }
    return d > n ? d : n;
}

static char *kr_put_grouped(char *p, const KrNum *num, size_t total, size_t g, char sep) {
    size_t n = num->ndigits, z = total - n;
    if (!g) {
        p = kr_put_rep(p, '0', z);
        return kr_put_digits(p, num->digits, n, num->upper);
    }
    for (size_t i = 0; i < total; i++) {
        if (i && (total - i) % g == 0) *p++ = sep;
        char c = i < z ? '0' : num->digits[i - z];
        *p++ = num->upper ? kr_upper_hex(c) : c;
    }
    return p;
}

static char *kr_put_remainder(char *p, const KrNum *num) {
    if (num->dot) *p++ = '.';
    p = kr_put_rep(p, '0', num->fz1);
    p = kr_put(p, num->frac, num->nfrac);
    p = kr_put_rep(p, '0', num->fz2);
    return kr_put(p, num->tail, num->ntail);
}

typedef struct KrPad {
    size_t lpad, spad, rpad;
} KrPad;

static void kr_pad_split(size_t pad, char align, KrPad *pd) {
    pd->lpad = pd->spad = pd->rpad = 0;
    switch (align) {
    case '<': pd->rpad = pad; break;
    case '^':
        pd->lpad = pad / 2;
        pd->rpad = pad - pd->lpad;
        break;
    case '=': pd->spad = pad; break;
    default: pd->lpad = pad; break;
    }
}

static size_t kr_fill_utf8(uint32_t fill, char *buf) {
    if (fill > 0x10FFFF) fill = ' ';
    return kr_utf8_encode(fill, buf);
}

static KrFmtStatus kr_emit_spec(KrBuf *out, const KrNum *num, const KrFmtSpec *spec, size_t group) {
    size_t width = kr_count(spec->width);
    KrSize nd = {0, false}; // code points that are neither digits nor padding
    kr_sz_add(&nd, num->sign ? 1 : 0);
    kr_sz_add(&nd, num->nprefix);
    kr_sz_add(&nd, num->dot ? 1 : 0);
    kr_sz_add(&nd, num->fz1);
    kr_sz_add(&nd, num->nfrac);
    kr_sz_add(&nd, num->fz2);
    kr_sz_add(&nd, num->tail_cps);
    if (nd.ovf) return KR_FMT_NOMEM;
    size_t minw = 0;
    if (spec->fill == '0' && spec->align == '=' && width > nd.n) minw = width - nd.n;
    size_t ndig = 0, grouped = 0;
    if (num->ndigits) {
        ndig = kr_group_count(num->ndigits, minw, group);
        grouped = ndig + (group ? (ndig - 1) / group : 0);
    }
    KrSize used = nd;
    kr_sz_add(&used, grouped);
    if (used.ovf) return KR_FMT_NOMEM;
    KrPad pd;
    kr_pad_split(width > used.n ? width - used.n : 0, spec->align, &pd);
    char fill[4];
    size_t fl = kr_fill_utf8(spec->fill, fill);
    KrSize total = {0, false};
    kr_sz_addmul(&total, pd.lpad, fl);
    kr_sz_addmul(&total, pd.spad, fl);
    kr_sz_addmul(&total, pd.rpad, fl);
    kr_sz_add(&total, nd.n - num->tail_cps); // all ASCII but the tail
    kr_sz_add(&total, num->ntail);
    kr_sz_add(&total, grouped);
    char *p = kr_out_begin(out, &total);
    if (!p) return KR_FMT_NOMEM;
    p = kr_put_fill(p, fill, fl, pd.lpad);
    if (num->sign) *p++ = num->sign;
    p = kr_put_digits(p, num->prefix, num->nprefix, num->upper);
    p = kr_put_fill(p, fill, fl, pd.spad);
    p = kr_put_grouped(p, num, ndig, group, spec->thousands);
    p = kr_put_remainder(p, num);
    p = kr_put_fill(p, fill, fl, pd.rpad);
    kr_out_end(out, total.n);
    return KR_FMT_OK;
}

// ===========================================================================
// format(int, spec)

static bool kr_is_int_digit_type(uint32_t t) {
    return t == 'b' || t == 'd' || t == 'o' || t == 'x' || t == 'X' || t == 'n';
}

static bool kr_is_float_type(uint32_t t) {
    return t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%';
}

KrFmtStatus kr_fmt_int_plan(const KrFmtSpec *spec, const char *type_name, KrIntFmtPlan *plan,
                            unsigned *base, char *errmsg, size_t errcap) {
    uint32_t t = spec->type ? spec->type : 'd';
    *base = 10;
    if (t == 'c') {
        *plan = KR_INTFMT_CHAR;
    } else if (kr_is_float_type(t)) {
        *plan = KR_INTFMT_FLOAT;
    } else if (kr_is_int_digit_type(t)) {
        *plan = KR_INTFMT_DIGITS;
        *base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
    } else {
        return kr_unknown_code(t, type_name, errmsg, errcap);
    }
    return KR_FMT_OK;
}

// Errors every int presentation shares, after the type check.
static KrFmtStatus kr_int_common_checks(const KrFmtSpec *spec, char *errmsg, size_t errcap) {
    if (spec->precision >= 0)
        return kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR,
                       "Precision not allowed in integer format specifier");
    if (spec->no_neg_0)
        return kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR,
                       "Negative zero coercion (z) not allowed in integer format specifier");
    return kr_check_thousands(spec, errmsg, errcap);
}

KrFmtStatus kr_fmt_int(KrBuf *out, bool negative, const char *digits, size_t ndigits,
                       const KrFmtSpec *spec, const char *type_name, char *errmsg, size_t errcap) {
    KrFmtSpec f = *spec;
    if (!f.type) f.type = 'd';
    if (!kr_is_int_digit_type(f.type)) return kr_unknown_code(f.type, type_name, errmsg, errcap);
    KrFmtStatus st = kr_int_common_checks(&f, errmsg, errcap);
    if (st != KR_FMT_OK) return st;
    KrNum num;
    kr_num_init(&num);
    if (!ndigits) {
        digits = "0";
        ndigits = 1;
    }
    num.sign = kr_sign_char(negative, f.sign);
    num.digits = digits;
    num.ndigits = ndigits;
    num.upper = f.type == 'X';
    if (f.alternate && f.type != 'd' && f.type != 'n') {
        num.prefix = f.type == 'b' ? "0b" : f.type == 'o' ? "0o" : "0x";
        num.nprefix = 2;
    }
    size_t group = 0;
    if (f.thousands && f.type != 'n') group = f.type == 'd' ? 3 : 4;
    return kr_emit_spec(out, &num, &f, group);
}

KrFmtStatus kr_fmt_int_char(KrBuf *out, bool fits_long, int64_t value, const KrFmtSpec *spec,
                            const char *type_name, char *errmsg, size_t errcap) {
    if (spec->type != 'c') return kr_unknown_code(spec->type, type_name, errmsg, errcap);
    KrFmtStatus st = kr_int_common_checks(spec, errmsg, errcap);
    if (st != KR_FMT_OK) return st;
    if (spec->sign)
        return kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR,
                       "Sign not allowed with integer format specifier 'c'");
    if (spec->alternate)
        return kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR,
                       "Alternate form (#) not allowed with integer format specifier 'c'");
    if (!fits_long)
        return kr_fail(errmsg, errcap, KR_FMT_OVERFLOW_ERROR, "Python int too large to convert to C long");
    if (value < 0 || value > 0x10FFFF)
        return kr_fail(errmsg, errcap, KR_FMT_OVERFLOW_ERROR, "%c arg not in range(0x110000)");
    char ch[4];
    KrNum num;
    kr_num_init(&num);
    num.tail = ch;
    num.ntail = kr_utf8_encode((uint32_t)value, ch);
    num.tail_cps = 1;
    return kr_emit_spec(out, &num, spec, 0);
}

// ===========================================================================
// format(float, spec)

static bool kr_is_float_spec_type(uint32_t t) { return t == 0 || t == 'n' || kr_is_float_type(t); }

// The layout code and precision CPython's float.__format__ uses.
static char kr_float_code(const KrFmtSpec *spec, int64_t *prec, unsigned *flags, bool *pct) {
    uint32_t t = spec->type;
    *prec = spec->precision;
    *flags = (spec->alternate ? KR_DTSF_ALT : 0) | (spec->no_neg_0 ? KR_DTSF_NO_NEG_0 : 0);
    *pct = t == '%';
    if (t == 0) { // repr, or 'g' keeping a ".0" when a precision is given
        *flags |= KR_DTSF_ADD_DOT_0;
        if (*prec < 0) {
            *prec = 0;
            return 'r';
        }
        return 'g';
    }
    if (*prec < 0) *prec = 6;
    if (t == 'n') return 'g';
    if (t == '%') return 'f';
    return (char)t;
}

static void kr_num_from_parts(KrNum *num, const KrFloatParts *p, char sign) {
    kr_num_init(num);
    num->sign = sign;
    num->digits = p->ipart;
    num->ndigits = p->ilen;
    num->dot = p->dot;
    num->fz1 = p->fz1;
    num->frac = p->frac;
    num->nfrac = p->nfrac;
    num->fz2 = p->fz2;
    num->tail = p->tail;
    num->ntail = p->ntail;
    num->tail_cps = p->ntail;
}

KrFmtStatus kr_fmt_double(KrBuf *out, double x, const KrFmtSpec *spec, const char *type_name,
                          char *errmsg, size_t errcap) {
    if (!kr_is_float_spec_type(spec->type)) return kr_unknown_code(spec->type, type_name, errmsg, errcap);
    KrFmtStatus st = kr_check_thousands(spec, errmsg, errcap);
    if (st != KR_FMT_OK) return st;
    if (spec->precision > INT_MAX)
        return kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR, "precision too big");
    int64_t prec;
    unsigned flags;
    bool pct;
    char code = kr_float_code(spec, &prec, &flags, &pct);
    if (pct) x *= 100;
    KrFloatParts p;
    if (!kr_float_parts(&p, x, code, prec, flags)) return KR_FMT_NOMEM;
    if (pct) p.tail[p.ntail++] = '%';
    KrNum num;
    kr_num_from_parts(&num, &p, kr_sign_char(p.neg, spec->sign));
    size_t group = spec->thousands && spec->type != 'n' ? 3 : 0;
    return kr_emit_spec(out, &num, spec, group);
}

// ===========================================================================
// format(complex, spec)

static KrFmtStatus kr_complex_checks(const KrFmtSpec *spec, const char *type_name, char *errmsg,
                                     size_t errcap) {
    uint32_t t = spec->type;
    if (!(t == 0 || t == 'n' || (kr_is_float_type(t) && t != '%')))
        return kr_unknown_code(t, type_name, errmsg, errcap);
    if (spec->precision > INT_MAX) return kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR, "precision too big");
    if (spec->fill == '0')
        return kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR,
                       "Zero padding is not allowed in complex format specifier");
    if (spec->align == '=')
        return kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR,
                       "'=' alignment flag is not allowed in complex format specifier");
    return KR_FMT_OK;
}

// One part, unpadded: sign (spec_sign's rule), grouped digits, remainder.
static KrFmtStatus kr_complex_part(KrBuf *out, double x, char code, int64_t prec, unsigned flags,
                                   char spec_sign, const KrFmtSpec *spec) {
    KrFloatParts p;
    if (!kr_float_parts(&p, x, code, prec, flags)) return KR_FMT_NOMEM;
    KrNum num;
    kr_num_from_parts(&num, &p, kr_sign_char(p.neg, spec_sign));
    KrFmtSpec bare;
    kr_spec_defaults(&bare, KR_FMT_KIND_FLOAT);
    bare.thousands = spec->thousands;
    return kr_emit_spec(out, &num, &bare, spec->thousands && spec->type != 'n' ? 3 : 0);
}

// Pads the text written to out since `start` (ASCII) to the spec's width.
static KrFmtStatus kr_pad_tail(KrBuf *out, size_t start, const KrFmtSpec *spec) {
    size_t len = out->len - start, width = kr_count(spec->width);
    if (width <= len) return KR_FMT_OK;
    KrPad pd;
    kr_pad_split(width - len, spec->align, &pd);
    char fill[4];
    size_t fl = kr_fill_utf8(spec->fill, fill);
    KrSize extra = {0, false};
    kr_sz_addmul(&extra, pd.lpad + pd.rpad, fl);
    if (extra.ovf || !kr_buf_reserve(out, extra.n)) return KR_FMT_NOMEM;
    char *body = out->data + start;
    memmove(body + pd.lpad * fl, body, len);
    kr_put_fill(body, fill, fl, pd.lpad);
    kr_put_fill(body + pd.lpad * fl + len, fill, fl, pd.rpad);
    out->len += extra.n;
    out->data[out->len] = 0;
    return KR_FMT_OK;
}

// CPython's format_complex_internal: no type is repr-like (a +0 real part
// left out, else parentheses); the imaginary part always shows its sign
// when the real part is shown; padding applies to the whole.
static KrFmtStatus kr_complex_body(KrBuf *out, double re, double im, const KrFmtSpec *spec) {
    uint32_t t = spec->type;
    int64_t prec = spec->precision;
    unsigned flags = (spec->alternate ? KR_DTSF_ALT : 0) | (spec->no_neg_0 ? KR_DTSF_NO_NEG_0 : 0);
    char code = t == 'n' ? 'g' : (char)t;
    bool skip_re = false, parens = false;
    if (t == 0) {
        code = prec < 0 ? 'r' : 'g';
        skip_re = re == 0.0 && !signbit(re);
        parens = !skip_re;
    }
    if (prec < 0) prec = t == 0 ? 0 : 6;
    KrFmtStatus st = KR_FMT_OK;
    if (parens && !kr_buf_append_char(out, '(')) return KR_FMT_NOMEM;
    if (!skip_re) st = kr_complex_part(out, re, code, prec, flags, spec->sign, spec);
    if (st == KR_FMT_OK) st = kr_complex_part(out, im, code, prec, flags, skip_re ? spec->sign : '+', spec);
    if (st == KR_FMT_OK && !kr_buf_append(out, parens ? "j)" : "j", parens ? 2 : 1)) st = KR_FMT_NOMEM;
    return st;
}

KrFmtStatus kr_fmt_complex(KrBuf *out, double re, double im, const KrFmtSpec *spec, const char *type_name,
                           char *errmsg, size_t errcap) {
    KrFmtStatus st = kr_complex_checks(spec, type_name, errmsg, errcap);
    if (st != KR_FMT_OK) return st;
    size_t start = out->len;
    st = kr_complex_body(out, re, im, spec);
    if (st == KR_FMT_OK) st = kr_pad_tail(out, start, spec);
    if (st != KR_FMT_OK) out->len = start; // out keeps its old contents
    if (out->data) out->data[out->len] = 0;
    return st;
}

// ===========================================================================
// format(str, spec)

// Byte length of the first ncp code points of valid UTF-8.
static size_t kr_utf8_prefix(const char *s, size_t nbytes, size_t ncp) {
    size_t i = 0, seen = 0;
    for (; i < nbytes; i++) {
        if (((unsigned char)s[i] & 0xC0) == 0x80) continue;
        if (seen == ncp) break;
        seen++;
    }
    return i;
}

static KrFmtStatus kr_str_checks(const KrFmtSpec *spec, const char *type_name, char *errmsg,
                                 size_t errcap) {
    if (spec->type != 's' && spec->type != 0) return kr_unknown_code(spec->type, type_name, errmsg, errcap);
    KrFmtStatus st = kr_check_thousands(spec, errmsg, errcap);
    if (st != KR_FMT_OK) return st;
    const char *why = NULL;
    if (spec->sign == ' ') why = "Space not allowed in string format specifier";
    else if (spec->sign) why = "Sign not allowed in string format specifier";
    else if (spec->no_neg_0) why = "Negative zero coercion (z) not allowed in string format specifier";
    else if (spec->alternate) why = "Alternate form (#) not allowed in string format specifier";
    else if (spec->align == '=') why = "'=' alignment not allowed in string format specifier";
    return why ? kr_fail(errmsg, errcap, KR_FMT_VALUE_ERROR, why) : KR_FMT_OK;
}

KrFmtStatus kr_fmt_str(KrBuf *out, const char *utf8, size_t nbytes, size_t ncodepoints,
                       const KrFmtSpec *spec, const char *type_name, char *errmsg, size_t errcap) {
    KrFmtStatus st = kr_str_checks(spec, type_name, errmsg, errcap);
    if (st != KR_FMT_OK) return st;
    size_t len = ncodepoints;
    if (spec->precision >= 0 && (uint64_t)spec->precision < len) {
        len = (size_t)spec->precision;
        nbytes = kr_utf8_prefix(utf8, nbytes, len);
    }
    size_t width = kr_count(spec->width);
    KrPad pd;
    kr_pad_split(width > len ? width - len : 0, spec->align ? spec->align : '<', &pd);
    char fill[4];
    size_t fl = kr_fill_utf8(spec->fill, fill);
    KrSize total = {nbytes, false};
    kr_sz_addmul(&total, pd.lpad, fl);
    kr_sz_addmul(&total, pd.rpad, fl);
    char *p = kr_out_begin(out, &total);
    if (!p) return KR_FMT_NOMEM;
    p = kr_put_fill(p, fill, fl, pd.lpad);
    p = kr_put(p, utf8, nbytes);
    kr_put_fill(p, fill, fl, pd.rpad);
    kr_out_end(out, total.n);
    return KR_FMT_OK;
}

// ===========================================================================
// printf-style '%'

// CPython's numeric '%' padding: with '0' the sign and the 0x prefix go
// before the zeros, otherwise after the spaces; '-' pads on the right
// with spaces. num holds everything but the sign.
static KrFmtStatus kr_emit_pct(KrBuf *out, const KrNum *num, bool negative, const KrPctSpec *ps) {
    KrSize body = {0, false}; // all ASCII: bytes == code points
    kr_sz_add(&body, num->nprefix);
    kr_sz_add(&body, num->lead0);
    kr_sz_add(&body, num->ndigits);
    kr_sz_add(&body, num->dot ? 1 : 0);
    kr_sz_add(&body, num->fz1);
    kr_sz_add(&body, num->nfrac);
    kr_sz_add(&body, num->fz2);
    kr_sz_add(&body, num->ntail);
    if (body.ovf) return KR_FMT_NOMEM;
    char sign = negative ? '-' : (ps->flags & KR_PCT_SIGN) ? '+' : (ps->flags & KR_PCT_BLANK) ? ' ' : 0;
    bool zero = ps->flags & KR_PCT_ZERO;
    size_t len = body.n, width = kr_count(ps->width);
    if (width < len) width = len;
    if (sign && width > len) width--;
    if (num->nprefix) {
        width = width >= num->nprefix ? width - num->nprefix : 0;
        len -= num->nprefix;
    }
    size_t lpad = 0;
    if (width > len && !(ps->flags & KR_PCT_LJUST)) {
        lpad = width - len;
        width = len;
    }
    size_t rpad = width > len ? width - len : 0;
    KrSize total = body;
    kr_sz_add(&total, sign ? 1 : 0);
    kr_sz_add(&total, lpad);
    kr_sz_add(&total, rpad);
    char *p = kr_out_begin(out, &total);
    if (!p) return KR_FMT_NOMEM;
    if (zero && sign) *p++ = sign;
    if (zero) p = kr_put_digits(p, num->prefix, num->nprefix, num->upper);
    p = kr_put_rep(p, zero ? '0' : ' ', lpad);
    if (!zero && sign) *p++ = sign;
    if (!zero) p = kr_put_digits(p, num->prefix, num->nprefix, num->upper);
    p = kr_put_rep(p, '0', num->lead0);
    p = kr_put_digits(p, num->digits, num->ndigits, num->upper);
    p = kr_put_remainder(p, num);
    kr_put_rep(p, ' ', rpad);
    kr_out_end(out, total.n);
    return KR_FMT_OK;
}

KrFmtStatus kr_pct_double(KrBuf *out, double x, const KrPctSpec *ps) {
    char c = ps->conv;
    if (!(c == 'e' || c == 'E' || c == 'f' || c == 'F' || c == 'g' || c == 'G'))
        return KR_FMT_VALUE_ERROR;
    int64_t prec = ps->prec < 0 ? 6 : ps->prec;
    if (prec > INT_MAX) return KR_FMT_NOMEM; // callers stop at INT_MAX
    KrFloatParts p;
    if (!kr_float_parts(&p, x, c, prec, (ps->flags & KR_PCT_ALT) ? KR_DTSF_ALT : 0))
        return KR_FMT_NOMEM;
    KrNum num;
    kr_num_from_parts(&num, &p, 0);
    return kr_emit_pct(out, &num, p.neg, ps);
}

KrFmtStatus kr_pct_int(KrBuf *out, bool negative, const char *digits, size_t ndigits,
                       const KrPctSpec *ps, char *errmsg, size_t errcap) {
    char c = ps->conv;
    bool hex = c == 'x' || c == 'X';
    if (!(c == 'd' || c == 'i' || c == 'u' || c == 'o' || hex)) return KR_FMT_VALUE_ERROR;
    if (ps->prec > INT_MAX - 3)
        return kr_fail(errmsg, errcap, KR_FMT_OVERFLOW_ERROR, "precision too large");
    if (!ndigits) {
        digits = "0";
        ndigits = 1;
    }
    KrNum num;
    kr_num_init(&num);
    num.digits = digits;
    num.ndigits = ndigits;
    num.upper = c == 'X';
    if (ps->prec > 0 && (uint64_t)ps->prec > ndigits) num.lead0 = (size_t)ps->prec - ndigits;
    if ((ps->flags & KR_PCT_ALT) && (c == 'o' || hex)) {
        num.prefix = c == 'o' ? "0o" : "0x";
        num.nprefix = 2;
    }
    return kr_emit_pct(out, &num, negative, ps);
}

KrFmtStatus kr_pct_str(KrBuf *out, const char *utf8, size_t nbytes, size_t ncodepoints,
                       const KrPctSpec *ps) {
    size_t len = ncodepoints;
    char c = ps->conv;
    if ((c == 's' || c == 'r' || c == 'a') && ps->prec >= 0 && (uint64_t)ps->prec < len) {
        len = (size_t)ps->prec;
        nbytes = kr_utf8_prefix(utf8, nbytes, len);
    }
    size_t width = kr_count(ps->width);
    size_t pad = width > len ? width - len : 0;
    bool left = ps->flags & KR_PCT_LJUST;
    KrSize total = {nbytes, false};
    kr_sz_add(&total, pad);
    char *p = kr_out_begin(out, &total);
    if (!p) return KR_FMT_NOMEM;
    if (!left) p = kr_put_rep(p, ' ', pad);
    p = kr_put(p, utf8, nbytes);
    if (left) kr_put_rep(p, ' ', pad);
    kr_out_end(out, total.n);
    return KR_FMT_OK;
}
