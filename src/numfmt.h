// numfmt.h: number and string formatting primitives with CPython 3.11's
// exact output: repr(float), float(str), the format-spec mini-language
// (format(), f-strings, str.format), printf-style '%' conversions, round().
// Nothing here knows about objects: callers pass doubles, digit strings
// and UTF-8 text, and get text appended to a KrBuf.
//
// Conventions
// - Functions that can fail return KrFmtStatus. KR_FMT_OK is 0. On
//   KR_FMT_VALUE_ERROR / KR_FMT_OVERFLOW_ERROR, errmsg holds CPython's
//   message (the text after "ValueError: "), NUL-terminated and truncated
//   to errcap bytes at a UTF-8 boundary; 256 bytes hold every message
//   except ones quoting a long user format spec. errmsg may be NULL.
// - KR_FMT_NOMEM means the KrBuf could not grow (or a size overflowed):
//   raise MemoryError or the run's limit error. Output sizes are computed
//   exactly, with overflow checks, and reserved before anything is
//   written, so a huge width fails before writing anything and `out`
//   keeps its old contents.
// - Uses unicode_db.h for decimal digits and spaces of other scripts.
// - Everything is locale-independent (C-locale results whatever locale
//   the host set), thread-safe and free of mutable global state. Digits
//   come from the C library's correctly rounded printf/strtod, run in the
//   default round-to-nearest mode.
#ifndef KR_NUMFMT_H
#define KR_NUMFMT_H

#include "common.h"

typedef enum KrFmtStatus {
    KR_FMT_OK = 0,
    KR_FMT_NOMEM,          // allocation refused or size overflow
    KR_FMT_VALUE_ERROR,    // raise ValueError(errmsg)
    KR_FMT_OVERFLOW_ERROR, // raise OverflowError(errmsg)
} KrFmtStatus;

// ---------------------------------------------------------------------------
// Floats <-> text

// Big enough for any repr, str or hex() of a double plus the NUL.
#define KR_DOUBLE_BUF 32

// repr(x) == str(x): the shortest digits that round-trip, laid out as
// CPython does ("1.0", "1e+16", "1.5e-05", "-0.0", "inf", "nan").
// Writes a NUL-terminated string to buf (>= KR_DOUBLE_BUF bytes) and
// returns its length. Also what '%r' and '%s' of a float print.
size_t kr_double_repr(double x, char *buf);

// repr(complex) == str(complex): "1j", "-0j", "(1+2j)", "(-0-1j)",
// "(nan+infj)": each part's shortest repr without a ".0", the real part
// left out (and no parentheses) only when it is +0. buf holds at least
// KR_COMPLEX_BUF bytes; returns the length.
#define KR_COMPLEX_BUF (2 * KR_DOUBLE_BUF + 4)
size_t kr_complex_repr(double re, double im, char *buf);

// float.hex(x): "0x1.8000000000000p+1", "-0x0.0p+0", "inf", "nan".
size_t kr_double_hex(double x, char *buf);

// float.is_integer(): finite and integral.
bool kr_double_is_integer(double x);

// float(s) for an ASCII string: strips leading/trailing ASCII whitespace
// (" \t\n\r\v\f") itself, then accepts [sign] (digits with single '_'
// between digits, optional '.', optional exponent | inf | infinity | nan,
// case-insensitive). Correctly rounded; overflow gives +-inf as in
// CPython. Any non-ASCII byte makes it return false. On false raise
// ValueError("could not convert string to float: %r").
bool kr_parse_double(const char *s, size_t n, double *out);

// float(str) for any str (valid UTF-8): first maps Unicode whitespace to
// ' ' and decimal digits of any script to ASCII, as CPython does
// (float('١٢.٥') == 12.5), then kr_parse_double. scratch (an initialized
// KrBuf, reused and left for the caller to free) is only touched for
// non-ASCII input. KR_FMT_VALUE_ERROR means "could not convert string to
// float: %r" (errmsg is the caller's: it needs the str's repr).
KrFmtStatus kr_parse_double_str(KrBuf *scratch, const char *utf8, size_t n, double *out);

// A Python float literal body as the lexer found it: digits, '_' between
// digits, '.', exponent; no sign, no whitespace, no inf/nan. (An
// imaginary literal's 'j' must be stripped by the caller.)
bool kr_parse_double_literal(const char *s, size_t n, double *out);

// complex(s) for a str (valid UTF-8), as CPython 3.11: Unicode spaces and
// digits mapped as for float(s); '_' only between digits (else
// *bad_underscore is set: CPython's "could not convert string to complex:
// %r", the caller's message); then, in optional spaces and parentheses,
// <float>, <float>j, <float><signed float>j, <float><sign>j, <sign>j or j.
// KR_FMT_VALUE_ERROR otherwise ("complex() arg is a malformed string").
// out[0] and out[1] get the real and imaginary parts. scratch as for
// kr_parse_double_str.
KrFmtStatus kr_parse_complex_str(KrBuf *scratch, const char *utf8, size_t n, double out[2],
                                 bool *bad_underscore);

// round(x, ndigits) for a float with an int ndigits (the caller clips a
// huge int to the int64 range, as CPython clips to Py_ssize_t). Correctly
// rounded half-even on the exact binary value: round(2.675, 2) == 2.67.
// inf and nan round to themselves. KR_FMT_OVERFLOW_ERROR ("rounded value
// too large to represent") when the result overflows.
KrFmtStatus kr_double_round(double x, int64_t ndigits, double *out, char *errmsg, size_t errcap);

// round(x) with no ndigits: the nearest integer, halves to even, as an
// integral double for the caller to turn into an int. For inf:
// KR_FMT_OVERFLOW_ERROR "cannot convert float infinity to integer"; for
// nan: KR_FMT_VALUE_ERROR "cannot convert float NaN to integer".
KrFmtStatus kr_double_round_half_even(double x, double *out, char *errmsg, size_t errcap);

// ---------------------------------------------------------------------------
// The format-spec mini-language:
//   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]

// Which object is being formatted: decides the default type and align
// (str: 's' '<', int: 'd' '>', float: none '>'), as in CPython.
typedef enum KrFmtKind {
    KR_FMT_KIND_STR,
    KR_FMT_KIND_INT,
    KR_FMT_KIND_FLOAT,
} KrFmtKind;

typedef struct KrFmtSpec {
    uint32_t fill;     // code point, default ' '
    char align;        // '<' '>' '=' '^'; the kind's default when absent
    char sign;         // 0 (absent), '+', '-' or ' '
    bool no_neg_0;     // 'z'
    bool alternate;    // '#'
    char thousands;    // 0, ',' or '_'
    int64_t width;     // -1 when absent
    int64_t precision; // -1 when absent
    uint32_t type;     // code point; the kind's default when absent (0 for float)
} KrFmtSpec;

// Parses spec (n bytes of valid UTF-8, not NUL-terminated). type_name is
// the object's type name for messages ("int", "float", "str", "bool",
// a subclass name...). Reports, with CPython's messages: invalid spec,
// missing precision, too many digits, ',' with '_', grouping with a type
// that does not allow it. Width and precision accept decimal digits of
// any script, as CPython does (the '0' flag is ASCII '0' only).
// An empty spec is valid (CPython's callers short-cut it to str(obj); the
// formatters below give that same text for the default spec).
KrFmtStatus kr_fmtspec_parse(const char *spec, size_t n, KrFmtKind kind, const char *type_name,
                             KrFmtSpec *out, char *errmsg, size_t errcap);

// What an int object must do with a parsed spec.
typedef enum KrIntFmtPlan {
    KR_INTFMT_DIGITS, // convert |value| to digits in *base, call kr_fmt_int
    KR_INTFMT_CHAR,   // type 'c': call kr_fmt_int_char
    KR_INTFMT_FLOAT,  // e E f F g G %: convert to double (OverflowError
                      // "int too large to convert to float" is the
                      // caller's), then call kr_fmt_double with this spec
} KrIntFmtPlan;

// Checks the type code for an int (ValueError "Unknown format code ...")
// and says what to do; *base is 2, 8, 10 or 16 for KR_INTFMT_DIGITS.
KrFmtStatus kr_fmt_int_plan(const KrFmtSpec *spec, const char *type_name, KrIntFmtPlan *plan,
                            unsigned *base, char *errmsg, size_t errcap);

// format(int, spec) for types b d o x X n: digits is the magnitude in the
// base kr_fmt_int_plan gave, most significant first, hex digits in lower
// case (upper-cased here for 'X'); "0" for zero. Applies sign, '#'
// prefix, grouping (',' for d/none, '_' every 3 for d, every 4 for
// b/o/x/X), fill/align/width and '0' padding grouped as CPython does.
// Errors: precision given, 'z' given.
KrFmtStatus kr_fmt_int(KrBuf *out, bool negative, const char *digits, size_t ndigits,
                       const KrFmtSpec *spec, const char *type_name, char *errmsg, size_t errcap);

// format(int, 'c'). fits_long is false when the int does not fit a C
// long (int64), value is the int otherwise. Errors in CPython's order:
// precision, 'z', sign, '#', "Python int too large to convert to C long"
// (OverflowError), "%c arg not in range(0x110000)" (OverflowError).
KrFmtStatus kr_fmt_int_char(KrBuf *out, bool fits_long, int64_t value, const KrFmtSpec *spec,
                            const char *type_name, char *errmsg, size_t errcap);

// format(float, spec): types e E f F g G n % and none. Also the target of
// int objects with float types (see KrIntFmtPlan). Errors: unknown type,
// "precision too big" (> INT_MAX).
KrFmtStatus kr_fmt_double(KrBuf *out, double x, const KrFmtSpec *spec, const char *type_name,
                          char *errmsg, size_t errcap);

// format(complex, spec): types e E f F g G n and none (parsed with
// KR_FMT_KIND_FLOAT). No type: like str() but with the spec's sign,
// grouping and flags, or 'g' when a precision is given. Errors in
// CPython's order: unknown type (also '%'), "precision too big", '0' fill
// ("Zero padding is not allowed ..."), '=' alignment.
KrFmtStatus kr_fmt_complex(KrBuf *out, double re, double im, const KrFmtSpec *spec,
                           const char *type_name, char *errmsg, size_t errcap);

// format(str, spec): type 's' or none. ncodepoints is the code point
// count of the nbytes of valid UTF-8. Precision truncates to code points,
// width counts code points. Errors: unknown type, sign/space, 'z', '#',
// '=' alignment.
KrFmtStatus kr_fmt_str(KrBuf *out, const char *utf8, size_t nbytes, size_t ncodepoints,
                       const KrFmtSpec *spec, const char *type_name, char *errmsg, size_t errcap);

// ---------------------------------------------------------------------------
// printf-style '%' conversions. The caller walks the format string,
// resolves '*' (a negative '*' width sets KR_PCT_LJUST, as CPython does),
// reports "width too big"/"precision too big" (> INT_MAX) while parsing,
// converts the argument (int(x) for %d of a float, __index__ for %x...),
// and handles '%%'. For %s %r %a it produces the text (str, repr, ascii),
// for %c the one-character text, then calls kr_pct_str.

#define KR_PCT_LJUST 1u  // '-'
#define KR_PCT_SIGN 2u   // '+'
#define KR_PCT_BLANK 4u  // ' '
#define KR_PCT_ALT 8u    // '#'
#define KR_PCT_ZERO 16u  // '0'

typedef struct KrPctSpec {
    unsigned flags; // KR_PCT_* bits
    int64_t width;  // -1 when absent
    int64_t prec;   // -1 when absent
    char conv;      // the conversion character
} KrPctSpec;

// %e %E %f %F %g %G of a double (precision defaults to 6).
KrFmtStatus kr_pct_double(KrBuf *out, double x, const KrPctSpec *ps);

// %d %i %u %o %x %X of an int: digits as for kr_fmt_int, in base 10 for
// d/i/u, 8 for o, 16 for x/X. Precision is a minimum digit count.
// KR_FMT_OVERFLOW_ERROR "precision too large" past INT_MAX - 3, as CPython.
KrFmtStatus kr_pct_int(KrBuf *out, bool negative, const char *digits, size_t ndigits,
                       const KrPctSpec *ps, char *errmsg, size_t errcap);

// %s %r %a %c: pads the already-converted text; precision truncates to
// code points for s/r/a (not c). Flags other than '-' are ignored.
KrFmtStatus kr_pct_str(KrBuf *out, const char *utf8, size_t nbytes, size_t ncodepoints,
                       const KrPctSpec *ps);

#endif
