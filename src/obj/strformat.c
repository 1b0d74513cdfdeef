// strformat.c: str formatting. str.format / str.format_map (the
// replacement-field language: numbering, attribute and index access,
// conversions, nested specs), str.__format__, and printf-style
// `fmt % args`. Number layout comes from numfmt.h.
#include <limits.h>
#include <stdio.h>
#include "../numfmt.h"
#include "../types.h"
#include "../unicode_db.h"

// ---- shared helpers -------------------------------------------------------------

// A KrBuf (or numfmt) failure: the run's allocator has raised, except on
// a size overflow, which has raised nothing yet.
static KrValue strfmt_nomem(KrRun *r) {
    if (!r->limit_hit && r->exc == KR_NULL)
        return kr_raise_value(r, kr_from_obj(&kr_exc_MemoryError));
    return KR_EXC;
}

static KrValue strfmt_status(KrRun *r, KrFmtStatus st, const char *err) {
    if (st == KR_FMT_VALUE_ERROR) return kr_raise(r, &kr_exc_ValueError, "%s", err);
    if (st == KR_FMT_OVERFLOW_ERROR) return kr_raise(r, &kr_exc_OverflowError, "%s", err);
    return strfmt_nomem(r);
}

// Appends format(s, spec) for a str s; false with an exception set.
static bool strfmt_str_into(KrRun *r, KrBuf *out, KrValue sv, const char *spec, size_t n) {
    KrStr *s = kr_as_str(sv);
    if (n == 0) {
        if (kr_buf_append(out, s->data, s->nbytes)) return true;
        strfmt_nomem(r);
        return false;
    }
    KrFmtSpec fs;
    char err[256];
    const char *tname = kr_type_name(sv);
    KrFmtStatus st = kr_fmtspec_parse(spec, n, KR_FMT_KIND_STR, tname, &fs, err, sizeof err);
    if (st == KR_FMT_OK) st = kr_fmt_str(out, s->data, s->nbytes, s->len, &fs, tname, err, sizeof err);
    if (st == KR_FMT_OK) return true;
    strfmt_status(r, st, err);
    return false;
}

KrValue kr_str_format_spec(KrRun *r, KrValue s, const char *spec, size_t n) {
    if (n == 0 && kr_is_type(s, &kr_type_str)) return s;
    KrBuf b;
    char b_local[KR_BUF_LOCAL];
    kr_buf_init_local(&b, kr_run_allocator(r), b_local, sizeof b_local);
    KrValue out = strfmt_str_into(r, &b, s, spec, n) ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return out;
}

KrValue kr_str_dunder_format(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                             KrValue kwnames) {
    if (!kr_str_argcheck(r, "str.__format__", argc, kwnames, 1, 1, false)) return KR_EXC;
    if (!kr_is_str(args[0]))
        return kr_raise(r, &kr_exc_TypeError, "__format__() argument must be str, not %s",
                        kr_arg_type_name(args[0]));
    KrStr *spec = kr_as_str(args[0]);
    return kr_str_format_spec(r, self, spec->data, spec->nbytes);
}

// ---- str.format and str.format_map ------------------------------------------------

typedef struct StrFmtCtx {
    KrRun *r;
    const KrValue *args; // positional arguments
    size_t argc;
    const KrValue *kwvals; // keyword values, named by kwnames
    KrValue kwnames;       // tuple of str or KR_NULL
    KrValue mapping;       // format_map's mapping, else KR_NULL
    int numbering;         // 0 undecided, 1 automatic, 2 manual
    size_t next_auto;
} StrFmtCtx;

// One replacement field, as byte ranges of the format string.
typedef struct StrFmtField {
    size_t name0, name1;
    size_t spec0, spec1;
    uint32_t conv; // 0 when absent
    bool expand;   // the spec holds nested fields
} StrFmtField;

static bool strfmt_err(KrRun *r, const char *msg) {
    kr_raise(r, &kr_exc_ValueError, "%s", msg);
    return false;
}

// Parses the field after a '{' at *pos (CPython's parse_field): the name
// runs to '}', ':' or '!', skipping over [...]; then !c; then a spec whose
// braces must balance.
static bool strfmt_parse_field(KrRun *r, const char *s, size_t n, size_t *pos, StrFmtField *f) {
    size_t i = *pos;
    char term = 0;
    f->name0 = i;
    while (i < n) {
        char ch = s[i++];
        if (ch == '{') return strfmt_err(r, "unexpected '{' in field name");
        if (ch == '[') {
            while (i < n && s[i] != ']') i++;
            continue;
        }
        if (ch == '}' || ch == ':' || ch == '!') {
            term = ch;
            break;
        }
    }
    if (!term) return strfmt_err(r, "expected '}' before end of string");
    f->name1 = i - 1;
    f->conv = 0;
    f->expand = false;
    f->spec0 = f->spec1 = i;
    if (term == '}') {
        *pos = i;
        return true;
    }
    if (term == '!') {
        if (i >= n) return strfmt_err(r, "end of string while looking for conversion specifier");
        f->conv = kr_utf8_decode(s, n, &i);
        if (i < n) {
            char ch = s[i++];
            if (ch == '}') {
                f->spec0 = f->spec1 = i - 1;
                *pos = i;
                return true;
            }
            if (ch != ':') return strfmt_err(r, "expected ':' after conversion specifier");
        }
    }
    f->spec0 = i;
    int depth = 1;
    while (i < n) {
        char ch = s[i++];
        if (ch == '{') {
            f->expand = true;
            depth++;
        } else if (ch == '}' && --depth == 0) {
            f->spec1 = i - 1;
            *pos = i;
            return true;
        }
    }
    return strfmt_err(r, "unmatched '{' in format spec");
}

// A run of decimal digits (any script's, as CPython) as an index; -1 if
// s[0..n) is not all digits, -2 (with ValueError set) if it overflows.
static int64_t strfmt_digits(KrRun *r, const char *s, size_t n) {
    if (n == 0) return -1;
    int64_t v = 0;
    for (size_t i = 0; i < n;) {
        int d = kr_uni_decimal_value(kr_utf8_decode(s, n, &i));
        if (d < 0) return -1;
        if (v > (INT64_MAX - d) / 10) {
            strfmt_err(r, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + d;
    }
    return v;
}

static KrValue strfmt_positional(StrFmtCtx *c, size_t idx) {
    if (c->mapping != KR_NULL)
        return kr_raise(c->r, &kr_exc_ValueError, "Format string contains positional fields");
    if (idx >= c->argc)
        return kr_raise(c->r, &kr_exc_IndexError,
                        "Replacement index %zu out of range for positional args tuple", idx);
    return c->args[idx];
}

static KrValue strfmt_keyword(StrFmtCtx *c, const char *name, size_t n) {
    KrValue key = kr_str_new(c->r, name, n);
    if (key == KR_EXC) return KR_EXC;
    if (c->mapping != KR_NULL) return kr_getitem(c->r, c->mapping, key);
    size_t nkw = c->kwnames == KR_NULL ? 0 : kr_as_tuple(c->kwnames)->len;
    for (size_t i = 0; i < nkw; i++)
        if (kr_str_equal(kr_as_str(kr_as_tuple(c->kwnames)->items[i]), kr_as_str(key)))
            return c->kwvals[i];
    return kr_raise_with_arg(c->r, &kr_exc_KeyError, key);
}

// The object named by the first part of a field name ("", "0", "name").
static KrValue strfmt_first(StrFmtCtx *c, const char *s, size_t n) {
    if (n == 0) {
        if (c->numbering == 2)
            return kr_raise(c->r, &kr_exc_ValueError,
                            "cannot switch from manual field specification to automatic field "
                            "numbering");
        c->numbering = 1;
        return strfmt_positional(c, c->next_auto++);
    }
    int64_t idx = strfmt_digits(c->r, s, n);
    if (idx == -2) return KR_EXC;
    if (idx < 0) return strfmt_keyword(c, s, n);
    if (c->numbering == 1)
        return kr_raise(c->r, &kr_exc_ValueError,
                        "cannot switch from automatic field numbering to manual field "
                        "specification");
    c->numbering = 2;
    return strfmt_positional(c, (size_t)idx);
}

// One [key] accessor at s[*k] == '['; advances *k past it.
static KrValue strfmt_index(StrFmtCtx *c, KrValue obj, const char *s, size_t n, size_t *k) {
    size_t a = ++*k;
    while (*k < n && s[*k] != ']') ++*k;
    if (*k >= n) return kr_raise(c->r, &kr_exc_ValueError, "Missing ']' in format string");
    if (*k == a) return kr_raise(c->r, &kr_exc_ValueError, "Empty attribute in format string");
    size_t b = (*k)++;
    if (*k < n && s[*k] != '.' && s[*k] != '[')
        return kr_raise(c->r, &kr_exc_ValueError,
                        "Only '.' or '[' may follow ']' in format field specifier");
    int64_t idx = strfmt_digits(c->r, s + a, b - a);
    if (idx == -2) return KR_EXC;
    KrValue key = idx >= 0 ? kr_int_from_i64(c->r, idx) : kr_str_new(c->r, s + a, b - a);
    if (key == KR_EXC) return KR_EXC;
    return kr_getitem(c->r, obj, key);
}

static KrValue strfmt_get_field(StrFmtCtx *c, const char *s, size_t n) {
    size_t k = 0;
    while (k < n && s[k] != '.' && s[k] != '[') k++;
    KrValue obj = strfmt_first(c, s, k);
    while (obj != KR_EXC && k < n) {
        if (s[k] == '[') {
            obj = strfmt_index(c, obj, s, n, &k);
            continue;
        }
        size_t a = ++k;
        while (k < n && s[k] != '.' && s[k] != '[') k++;
        if (k == a) return kr_raise(c->r, &kr_exc_ValueError, "Empty attribute in format string");
        KrValue name = kr_str_new(c->r, s + a, k - a);
        if (name == KR_EXC) return KR_EXC;
        obj = kr_getattr(c->r, obj, kr_as_str(name));
    }
    return obj;
}

static KrValue strfmt_convert(KrRun *r, KrValue obj, uint32_t conv) {
    switch (conv) {
    case 0: return obj;
    case 'r': return kr_repr(r, obj);
    case 's': return kr_str(r, obj);
    case 'a': return kr_ascii(r, obj);
    default:
        if (conv > 32 && conv < 127)
            return kr_raise(r, &kr_exc_ValueError, "Unknown conversion specifier %c", (char)conv);
        return kr_raise(r, &kr_exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
    }
}

static bool strfmt_build(StrFmtCtx *c, KrBuf *out, const char *s, size_t n, int depth);

// format(obj, spec) appended to out.
static bool strfmt_render(KrRun *r, KrBuf *out, KrValue obj, const char *spec, size_t n) {
    if (kr_is_type(obj, &kr_type_str)) return strfmt_str_into(r, out, obj, spec, n);
    if (n == 0 && kr_is_small(obj)) {
        char tmp[24];
        int k = snprintf(tmp, sizeof tmp, "%lld", (long long)kr_as_small(obj));
        if (kr_buf_append(out, tmp, (size_t)k)) return true;
        strfmt_nomem(r);
        return false;
    }
    KrValue specv = n ? kr_str_new(r, spec, n) : kr_str_empty();
    if (specv == KR_EXC) return false;
    KrValue v = kr_format(r, obj, specv);
    if (v == KR_EXC) return false;
    KrStr *vs = kr_as_str(v);
    if (kr_buf_append(out, vs->data, vs->nbytes)) return true;
    strfmt_nomem(r);
    return false;
}

static bool strfmt_field(StrFmtCtx *c, KrBuf *out, const char *s, const StrFmtField *f,
                         int depth) {
    KrRun *r = c->r;
    KrValue obj = strfmt_get_field(c, s + f->name0, f->name1 - f->name0);
    if (obj != KR_EXC) obj = strfmt_convert(r, obj, f->conv);
    if (obj == KR_EXC) return false;
    if (!f->expand) return strfmt_render(r, out, obj, s + f->spec0, f->spec1 - f->spec0);
    // Expanding the spec may run Python code (other fields' __format__):
    // keep the object rooted meanwhile.
    KrBuf spec;
    kr_buf_init(&spec, kr_run_allocator(r));
    kr_root_push(r, &obj);
    bool ok = strfmt_build(c, &spec, s + f->spec0, f->spec1 - f->spec0, depth - 1);
    kr_root_pop(r, 1);
    ok = ok && strfmt_render(r, out, obj, spec.data ? spec.data : "", spec.len);
    kr_buf_free(&spec);
    return ok;
}

// Appends the expansion of the format string s[0..n) (CPython's
// MarkupIterator): literal text, '{{' and '}}', replacement fields.
static bool strfmt_build(StrFmtCtx *c, KrBuf *out, const char *s, size_t n, int depth) {
    KrRun *r = c->r;
    if (depth <= 0) return strfmt_err(r, "Max string recursion exceeded");
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        while (i < n && s[i] != '{' && s[i] != '}') i++;
        if (!kr_buf_append(out, s + start, i - start)) {
            strfmt_nomem(r);
            return false;
        }
        if (i >= n) break;
        char ch = s[i++];
        if (i < n && s[i] == ch) { // '{{' or '}}'
            i++;
            if (!kr_buf_append_char(out, ch)) {
                strfmt_nomem(r);
                return false;
            }
            continue;
        }
        if (ch == '}') return strfmt_err(r, "Single '}' encountered in format string");
        if (i >= n) return strfmt_err(r, "Single '{' encountered in format string");
        StrFmtField f = {0}; // zeroed: gcc cannot see that the cold error paths return false
        if (!strfmt_parse_field(r, s, n, &i, &f) || !strfmt_field(c, out, s, &f, depth))
            return false;
        if (!kr_run_tick(r, 1)) return false;
    }
    return true;
}

static KrValue strfmt_run(StrFmtCtx *c, KrValue self) {
    KrStr *s = kr_as_str(self);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(c->r));
    KrValue out = strfmt_build(c, &b, s->data, s->nbytes, 2) ? kr_str_from_buf(c->r, &b) : KR_EXC;
    kr_buf_free(&b);
    return out;
}

KrValue kr_str_format(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    StrFmtCtx c = {r, args, argc, args + argc, kwnames, KR_NULL, 0, 0};
    return strfmt_run(&c, self);
}

KrValue kr_str_format_map(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kwnames) {
    if (!kr_str_argcheck(r, "str.format_map", argc, kwnames, 1, 1, false)) return KR_EXC;
    StrFmtCtx c = {r, NULL, 0, NULL, KR_NULL, args[0], 0, 0};
    return strfmt_run(&c, self);
}

// ---- printf-style formatting: fmt % args ----------------------------------------------
// Arguments are consumed as CPython does: a tuple gives its items; any
// other value is one argument (arglen -1, argidx -2); a %(key) replaces
// the argument source by the looked-up value.

typedef struct StrPct {
    KrRun *r;
    KrValue args;
    const KrValue *items;
    int64_t arglen, argidx;
    KrValue dict; // mapping for %(key)s, else KR_NULL
    bool bytes;   // bytes % args: raw bytes in and out
} StrPct;

static KrValue strpct_next(StrPct *p) {
    if (p->argidx < p->arglen) {
        if (p->arglen < 0) {
            p->argidx++;
            return p->args;
        }
        return p->items[p->argidx++];
    }
    return kr_raise(p->r, &kr_exc_TypeError, "not enough arguments for format string");
}

// A '*' width or precision argument.
static bool strpct_star(StrPct *p, int64_t *out, bool prec) {
    KrValue v = strpct_next(p);
    if (v == KR_EXC) return false;
    if (!kr_is_int(v) && !kr_is_bool(v)) {
        kr_raise(p->r, &kr_exc_TypeError, "* wants int");
        return false;
    }
    int64_t x = kr_is_bool(v) ? v == KR_TRUE : 0;
    if (!kr_is_bool(v) && (!kr_int_to_i64(v, &x) || (prec && (x > INT_MAX || x < INT_MIN)) ||
                           x == INT64_MIN)) {
        kr_raise(p->r, &kr_exc_OverflowError, "Python int too large to convert to C %s",
                 prec ? "int" : "ssize_t");
        return false;
    }
    *out = x;
    return true;
}

// Decimal digits at fmt[*i]: width or precision, with CPython's limits
// and wording (bytes % says "prec").
static bool strpct_number(StrPct *p, const char *s, size_t n, size_t *i, int64_t *out, bool prec) {
    int64_t v = 0, lim = prec ? INT_MAX : INT64_MAX;
    size_t i0 = *i;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
        int d = s[(*i)++] - '0';
        if (v > (lim - d) / 10) {
            kr_raise(p->r, &kr_exc_ValueError, !prec ? "width too big" : p->bytes ? "prec too big"
                                                                               : "precision too big");
            return false;
        }
        v = v * 10 + d;
    }
    // No digits: width stays absent; "%.f" means precision 0.
    if (*i > i0 || prec) *out = v;
    return true;
}

// Parses "(key)flags width .prec" after a '%' up to the conversion
// character, which it leaves at *i.
static bool strpct_spec(StrPct *p, const char *s, size_t n, size_t *i, KrPctSpec *ps) {
    KrRun *r = p->r;
    if (s[*i] == '(') {
        if (p->dict == KR_NULL) {
            kr_raise(r, &kr_exc_TypeError, "format requires a mapping");
            return false;
        }
        size_t k0 = ++*i;
        int depth = 1;
        while (*i < n && depth) {
            if (s[*i] == '(') depth++;
            else if (s[*i] == ')') depth--;
            ++*i;
        }
        if (depth) return strfmt_err(r, "incomplete format key");
        KrValue key = p->bytes ? kr_bytes_new(r, s + k0, *i - 1 - k0) : kr_str_new(r, s + k0, *i - 1 - k0);
        if (key == KR_EXC) return false;
        KrValue v = kr_getitem(r, p->dict, key);
        if (v == KR_EXC) return false;
        p->args = v;
        p->arglen = -1;
        p->argidx = -2;
    }
    ps->flags = 0;
    ps->width = ps->prec = -1;
    for (; *i < n; ++*i) {
        char c = s[*i];
        unsigned f = c == '-' ? KR_PCT_LJUST : c == '+' ? KR_PCT_SIGN : c == ' ' ? KR_PCT_BLANK
                   : c == '#' ? KR_PCT_ALT : c == '0' ? KR_PCT_ZERO : 0;
        if (!f) break;
        ps->flags |= f;
    }
    if (*i < n && s[*i] == '*') {
        ++*i;
        if (!strpct_star(p, &ps->width, false)) return false;
        if (ps->width < 0) {
            ps->flags |= KR_PCT_LJUST;
            ps->width = -ps->width;
        }
    } else if (!strpct_number(p, s, n, i, &ps->width, false)) {
        return false;
    }
    if (*i < n && s[*i] == '.') {
        ++*i;
        if (*i < n && s[*i] == '*') {
            ++*i;
            if (!strpct_star(p, &ps->prec, true)) return false;
            if (ps->prec < 0) ps->prec = 0;
        } else if (!strpct_number(p, s, n, i, &ps->prec, true)) {
            return false;
        }
    }
    if (*i < n && (s[*i] == 'h' || s[*i] == 'l' || s[*i] == 'L')) ++*i; // one length modifier, ignored
    if (*i >= n) return strfmt_err(r, "incomplete format");
    return true;
}

// |v| in `base` as digits (lower-case), for kr_pct_int. tmp holds small
// values; big ones come from kr_int_to_str (kept alive in *hold).
static bool strpct_digits(KrRun *r, KrValue v, unsigned base, char tmp[72], const char **digits,
                          size_t *nd, bool *neg) {
    if (kr_is_bool(v)) v = kr_from_small(v == KR_TRUE);
    if (kr_is_small(v)) {
        int64_t x = kr_as_small(v);
        uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        size_t k = 72;
        do {
            tmp[--k] = "0123456789abcdef"[m % base];
            m /= base;
        } while (m);
        *neg = x < 0;
        *digits = tmp + k;
        *nd = 72 - k;
        return true;
    }
    KrValue s = kr_int_to_str(r, v, (int)base);
    if (s == KR_EXC) return false;
    KrStr *ss = kr_as_str(s);
    *neg = ss->nbytes && ss->data[0] == '-';
    *digits = ss->data + *neg;
    *nd = ss->nbytes - *neg;
    return true;
}

// The int to print for %d %i %u (floats truncate) or %o %x %X.
static KrValue strpct_intarg(KrRun *r, KrValue v, char conv) {
    if (kr_is_int(v) || kr_is_bool(v)) return v;
    bool decimal = conv == 'd' || conv == 'i' || conv == 'u';
    if (decimal && kr_is_double(v)) return kr_int_from_double(r, kr_as_double(v));
    if (kr_typeof(v)->flags & KR_TF_HEAP) {
        // %d takes what int() takes (__int__ too), %o %x only __index__;
        // a TypeError on the way becomes the format's own
        KrValue iv = decimal ? kr_int_from_object(r, v) : kr_index_value(r, v);
        if (iv == KR_EXC && !kr_pending_is(r, &kr_exc_TypeError)) return KR_EXC;
        if (iv == KR_EXC) kr_clear_exc(r);
        else if (iv != KR_NULL) return iv;
    }
    return kr_raise(r, &kr_exc_TypeError, "%%%c format: %s is required, not %s", conv,
                    decimal ? "a real number" : "an integer", kr_type_name(v));
}

static bool strpct_double(KrRun *r, KrValue v, double *out) {
    if (kr_is_double(v)) {
        *out = kr_as_double(v);
        return true;
    }
    if (kr_is_bool(v)) {
        *out = v == KR_TRUE;
        return true;
    }
    return kr_float_from_value(r, v, out); // subclasses, __float__, __index__
}

// The int of a %c argument (ints, bools, objects with __index__) in
// [0, limit); `not_int` is the TypeError for anything else.
static bool strpct_char_code(KrRun *r, KrValue v, int64_t limit, const char *not_int, const char *range,
                             int64_t *x) {
    bool maybe = kr_is_int(v) || kr_is_bool(v) || (kr_typeof(v)->flags & KR_TF_HEAP);
    KrValue iv = maybe ? kr_index_value(r, v) : KR_NULL;
    if (iv == KR_EXC) return false;
    if (iv == KR_NULL) return kr_raise(r, &kr_exc_TypeError, "%s", not_int), false;
    if (kr_is_bool(iv)) *x = iv == KR_TRUE;
    else if (!kr_int_to_i64(iv, x)) *x = -1;
    if (*x < 0 || *x >= limit) return kr_raise(r, &kr_exc_OverflowError, "%s", range), false;
    return true;
}

// %c: an int code point or a one-character str.
static bool strpct_char(KrRun *r, KrBuf *out, KrValue v, const KrPctSpec *ps) {
    char tmp[4];
    size_t n;
    if (kr_is_str(v) && kr_as_str(v)->len == 1) {
        KrStr *s = kr_as_str(v);
        memcpy(tmp, s->data, s->nbytes);
        n = s->nbytes;
    } else {
        int64_t x;
        if (!strpct_char_code(r, v, 0x110000, "%c requires int or char", "%c arg not in range(0x110000)", &x))
            return false;
        n = kr_utf8_encode((uint32_t)x, tmp);
    }
    if (kr_pct_str(out, tmp, n, 1, ps) == KR_FMT_OK) return true;
    strfmt_nomem(r);
    return false;
}

static bool strpct_text(KrRun *r, KrBuf *out, KrValue v, char conv, const KrPctSpec *ps) {
    KrValue t = conv == 's' ? (kr_is_type(v, &kr_type_str) ? v : kr_str(r, v))
              : conv == 'r' ? kr_repr(r, v)
                            : kr_ascii(r, v);
    if (t == KR_EXC) return false;
    KrStr *s = kr_as_str(t);
    if (kr_pct_str(out, s->data, s->nbytes, s->len, ps) == KR_FMT_OK) return true;
    strfmt_nomem(r);
    return false;
}

// Pads raw bytes for bytes % args: precision truncates (not for %c),
// width pads with spaces.
static bool strpct_pad_raw(KrRun *r, KrBuf *out, const char *d, size_t n, const KrPctSpec *ps) {
    if (ps->conv != 'c' && ps->prec >= 0 && (uint64_t)ps->prec < n) n = (size_t)ps->prec;
    size_t pad = ps->width > 0 && (uint64_t)ps->width > n ? (size_t)ps->width - n : 0;
    bool left = ps->flags & KR_PCT_LJUST;
    if ((left || kr_buf_append_repeat(out, ' ', pad)) && kr_buf_append(out, d, n) &&
        (!left || kr_buf_append_repeat(out, ' ', pad)))
        return true;
    strfmt_nomem(r);
    return false;
}

// %s %b %r %a %c of bytes % args.
static bool strpct_bytes_text(KrRun *r, KrBuf *out, KrValue v, uint32_t conv, const KrPctSpec *ps) {
    const uint8_t *d;
    size_t n;
    if (conv == 'c') {
        uint8_t c;
        int64_t x;
        if (kr_bytes_view(v, &d, &n) && n == 1) {
            c = d[0];
        } else if (strpct_char_code(r, v, 256, "%c requires an integer in range(256) or a single byte",
                                    "%c arg not in range(256)", &x)) {
            c = (uint8_t)x;
        } else {
            return false;
        }
        return strpct_pad_raw(r, out, (const char *)&c, 1, ps);
    }
    if (conv == 'r' || conv == 'a') {
        KrValue t = kr_ascii(r, v);
        if (t == KR_EXC) return false;
        return strpct_pad_raw(r, out, kr_as_str(t)->data, kr_as_str(t)->nbytes, ps);
    }
    if (!kr_bytes_view(v, &d, &n)) {
        kr_raise(r, &kr_exc_TypeError,
                 "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                 kr_type_name(v));
        return false;
    }
    return strpct_pad_raw(r, out, (const char *)d, n, ps);
}

// CPython shows the character itself when it is printable ASCII (0x1f
// included) for str, and any ASCII character, NUL too, for bytes; a
// non-ASCII bytes character trips CPython's own %c and says so.
static void strpct_bad_conv(KrRun *r, uint32_t conv, bool bytes, size_t at) {
    if (bytes && conv >= 0x80) {
        kr_raise(r, &kr_exc_OverflowError, "character argument not in range(0x110000)");
        return;
    }
    bool shown = bytes || (conv >= 31 && conv <= 126);
    char msg[96];
    int n = snprintf(msg, sizeof msg, "unsupported format character '%c' (0x%x) at index %zu",
                     shown ? (char)conv : '?', (unsigned)conv, at);
    KrValue s = kr_str_new(r, msg, (size_t)n); // length-counted: the character may be NUL
    if (s != KR_EXC) kr_raise_with_arg(r, &kr_exc_ValueError, s);
}

static bool strpct_convert(KrRun *r, KrBuf *out, KrValue v, uint32_t conv, KrPctSpec *ps,
                           size_t at, bool bytes) {
    char err[256];
    KrFmtStatus st;
    if (bytes && (conv == 's' || conv == 'b' || conv == 'r' || conv == 'a' || conv == 'c'))
        return strpct_bytes_text(r, out, v, conv, ps);
    if (bytes && conv >= 0x80) {
        // CPython formats the byte as a negative C char here.
        kr_raise(r, &kr_exc_OverflowError, "character argument not in range(0x110000)");
        return false;
    }
    switch (conv) {
    case 's': case 'r': case 'a': return strpct_text(r, out, v, (char)conv, ps);
    case 'c': return strpct_char(r, out, v, ps);
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
        KrValue iv = strpct_intarg(r, v, (char)conv);
        if (iv != KR_EXC && ps->prec > INT_MAX - 3) { // before the digits are made, as CPython
            kr_raise(r, &kr_exc_OverflowError, "precision too large");
            return false;
        }
        char tmp[72];
        const char *digits;
        size_t nd;
        bool neg;
        unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
        if (iv == KR_EXC || !strpct_digits(r, iv, base, tmp, &digits, &nd, &neg)) return false;
        st = kr_pct_int(out, neg, digits, nd, ps, err, sizeof err);
        break;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double d;
        if (!strpct_double(r, v, &d)) {
            if (bytes) { // bytes % words every failure this way, as CPython
                kr_clear_exc(r);
                kr_raise(r, &kr_exc_TypeError, "float argument required, not %s", kr_type_name(v));
            }
            return false;
        }
        err[0] = 0;
        st = kr_pct_double(out, d, ps);
        break;
    }
    default:
        strpct_bad_conv(r, conv, bytes, at);
        return false;
    }
    if (st == KR_FMT_OK) return true;
    strfmt_status(r, st, err);
    return false;
}

// One conversion starting after the '%' at s[*i]; appends its text.
// `ascii`: every character is one byte (index = byte offset).
static bool strpct_one(StrPct *p, KrBuf *out, const char *s, size_t n, bool ascii, size_t *i) {
    KrPctSpec ps;
    if (!strpct_spec(p, s, n, i, &ps)) return false;
    size_t at = ascii ? *i : kr_utf8_count(s, *i);
    uint32_t conv = p->bytes ? (uint8_t)s[(*i)++] : kr_utf8_decode(s, n, i);
    ps.conv = conv < 0x80 ? (char)conv : '?';
    KrValue v = strpct_next(p);
    if (v == KR_EXC) return false;
    return strpct_convert(p->r, out, v, conv, &ps, at, p->bytes);
}

static bool strpct_loop(StrPct *p, KrBuf *out, const char *s, size_t n, bool ascii) {
    size_t i = 0;
    while (i < n) {
        const char *pc = memchr(s + i, '%', n - i);
        size_t lit = pc ? (size_t)(pc - s) : n;
        if (!kr_buf_append(out, s + i, lit - i)) {
            strfmt_nomem(p->r);
            return false;
        }
        if (!pc) break;
        i = lit + 1;
        if (i >= n) return strfmt_err(p->r, "incomplete format");
        if (s[i] == '%') {
            i++;
            if (!kr_buf_append_char(out, '%')) {
                strfmt_nomem(p->r);
                return false;
            }
            continue;
        }
        if (!strpct_one(p, out, s, n, ascii, &i) || !kr_run_tick(p->r, 1)) return false;
    }
    if (p->argidx < p->arglen && p->dict == KR_NULL) {
        kr_raise(p->r, &kr_exc_TypeError, "not all arguments converted during %s formatting",
                 p->bytes ? "bytes" : "string");
        return false;
    }
    return true;
}

static void strpct_init(StrPct *p, KrRun *r, KrValue args, bool bytes) {
    p->r = r;
    p->args = args;
    p->items = NULL;
    p->arglen = -1;
    p->argidx = -2;
    p->dict = KR_NULL;
    p->bytes = bytes;
    const uint8_t *d;
    size_t n;
    if (kr_is_ptr(args) && kr_isinstance(args, &kr_type_tuple)) {
        p->items = kr_as_tuple(args)->items;
        p->arglen = (int64_t)kr_as_tuple(args)->len;
        p->argidx = 0;
    } else if (!kr_is_str(args) && kr_typeof(args)->getitem && kr_typeof(args) != &kr_type_type &&
               !(bytes && kr_bytes_view(args, &d, &n))) { // (a class subscripts only as list[int] does)
        p->dict = args; // a mapping (CPython: anything with __getitem__)
    }
}

KrValue kr_str_percent(KrRun *r, KrValue fmt, KrValue args) {
    StrPct p;
    strpct_init(&p, r, args, false);
    KrStr *f = kr_as_str(fmt);
    KrBuf b;
    char b_local[KR_BUF_LOCAL];
    kr_buf_init_local(&b, kr_run_allocator(r), b_local, sizeof b_local);
    bool ok = strpct_loop(&p, &b, f->data, f->nbytes, f->len == f->nbytes);
    KrValue out = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return out;
}

KrValue kr_bytes_percent(KrRun *r, KrValue fmt, KrValue args) {
    StrPct p;
    strpct_init(&p, r, args, true);
    const uint8_t *d = NULL;
    size_t n = 0;
    kr_bytes_view(fmt, &d, &n);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = strpct_loop(&p, &b, (const char *)d, n, true);
    KrValue out = ok ? kr_bytes_new(r, b.data, b.len) : KR_EXC;
    kr_buf_free(&b);
    return out;
}
