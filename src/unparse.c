// unparse.c: expression AST -> source text (see unparse.h).
//
// Parenthesisation works as in CPython: every node is written at a
// "level" (the precedence its context demands) and puts parentheses
// around itself when its own precedence is lower. The two flavours share
// everything but the few spots unparse.h lists; each is marked with
// `u->ast`.
#include "unparse.h"

#include "bignum.h"
#include "numfmt.h"
#include "unicode_db.h"

#include <inttypes.h>
#include <math.h>

// Precedence levels, lowest first (CPython's order; `|` is EXPR).
enum {
    UNPARSE_P_NAMED = 1, // x := y
    UNPARSE_P_TUPLE,     // x, y
    UNPARSE_P_YIELD,     // yield, yield from
    UNPARSE_P_TEST,      // if-else, lambda
    UNPARSE_P_OR,
    UNPARSE_P_AND,
    UNPARSE_P_NOT,
    UNPARSE_P_CMP,
    UNPARSE_P_EXPR,      // also `|`
    UNPARSE_P_BXOR,
    UNPARSE_P_BAND,
    UNPARSE_P_SHIFT,
    UNPARSE_P_ARITH,
    UNPARSE_P_TERM,
    UNPARSE_P_FACTOR,    // unary + - ~
    UNPARSE_P_POWER,
    UNPARSE_P_AWAIT,
    UNPARSE_P_ATOM,
};

typedef struct Unparser {
    KrBuf *out;            // where text goes (swapped for scratch buffers)
    bool ast;              // ast.unparse flavour
    bool avoid_bs;         // ast flavour, inside an f-string replacement field
    size_t max_int_digits; // 0 = unlimited
    KrUnparseStatus status; // why a `false` came back, when not NOMEM
} Unparser;

// For the leaves with big frames (number buffers, scratch KrBufs): kept
// out of the recursive dispatcher so each nesting level stays cheap.
#if defined(__GNUC__)
#define UNPARSE_NOINLINE __attribute__((noinline))
#else
#define UNPARSE_NOINLINE
#endif

static bool unparse_expr(Unparser *u, const KrAstExpr *e, int level);

static int unparse_next(int level) {
    return level < UNPARSE_P_ATOM ? level + 1 : UNPARSE_P_ATOM;
}

// ------------------------------------------------------------ writing --

static bool unparse_put(Unparser *u, const char *s, size_t n) {
    return kr_buf_append(u->out, s, n);
}

static bool unparse_puts(Unparser *u, const char *s) {
    return kr_buf_append_str(u->out, s);
}

static bool unparse_putc(Unparser *u, char c) {
    return kr_buf_append_char(u->out, c);
}

// Writes c when cond holds; used for the optional parentheses.
static bool unparse_putc_if(Unparser *u, bool cond, char c) {
    return !cond || kr_buf_append_char(u->out, c);
}

static bool unparse_fail(Unparser *u, KrUnparseStatus st) {
    u->status = st;
    return false;
}

// Renders e at level into the scratch buffer tmp instead of u->out.
static bool unparse_into(Unparser *u, KrBuf *tmp, const KrAstExpr *e, int level) {
    KrBuf *saved = u->out;
    u->out = tmp;
    bool ok = unparse_expr(u, e, level);
    u->out = saved;
    return ok;
}

// ------------------------------------------------------- string reprs --

static const char unparse_hex[] = "0123456789abcdef";

// Python's escape of one non-printable code point (or backslash), as both
// repr() and the unicode_escape codec write it.
static bool unparse_escape_cp(KrBuf *b, uint32_t c) {
    switch (c) {
    case '\\': return kr_buf_append(b, "\\\\", 2);
    case '\t': return kr_buf_append(b, "\\t", 2);
    case '\n': return kr_buf_append(b, "\\n", 2);
    case '\r': return kr_buf_append(b, "\\r", 2);
    default: break;
    }
    if (c < 0x100) return kr_buf_printf(b, "\\x%c%c", unparse_hex[c >> 4], unparse_hex[c & 15]);
    if (c < 0x10000) return kr_buf_printf(b, "\\u%04" PRIx32, c);
    return kr_buf_printf(b, "\\U%08" PRIx32, c);
}

// memchr that accepts the NULL data of an empty KrBuf.
static bool unparse_has(const char *s, size_t n, char c) {
    return n && memchr(s, c, n) != NULL;
}

// repr()'s quote: double quotes only for text with ' and no ".
static char unparse_repr_quote(const char *s, size_t n) {
    return unparse_has(s, n, '\'') && !unparse_has(s, n, '"') ? '"' : '\'';
}

// The inside of repr(str) for the given quote character.
static bool unparse_repr_body(KrBuf *b, const char *s, size_t n, char quote) {
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        uint32_t c = kr_utf8_decode(s, n, &i);
        bool ok;
        if (c == (uint32_t)quote) {
            char esc[2] = {'\\', quote};
            ok = kr_buf_append(b, esc, 2);
        } else if (c == '\\' || (c < 0x7f ? c < 0x20 : !kr_uni_isprintable(c))) {
            ok = unparse_escape_cp(b, c);
        } else {
            ok = kr_buf_append(b, s + start, i - start);
        }
        if (!ok) return false;
    }
    return true;
}

static bool unparse_str_repr(KrBuf *b, const char *s, size_t n) {
    char q = unparse_repr_quote(s, n);
    return kr_buf_append_char(b, q) && unparse_repr_body(b, s, n, q) && kr_buf_append_char(b, q);
}

static bool unparse_bytes_repr(KrBuf *b, const char *s, size_t n) {
    char q = unparse_repr_quote(s, n);
    if (!kr_buf_append_char(b, 'b') || !kr_buf_append_char(b, q)) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool ok;
        if (c == (unsigned char)q) {
            char esc[2] = {'\\', q};
            ok = kr_buf_append(b, esc, 2);
        } else if (c == '\\' || c < 0x20 || c >= 0x7f) {
            ok = unparse_escape_cp(b, c);
        } else {
            ok = kr_buf_append_char(b, (char)c);
        }
        if (!ok) return false;
    }
    return kr_buf_append_char(b, q);
}

// ------------------------------------------- ast.unparse's quote choice --

// Quote kinds in ast.py's order: ' " """ '''.
static const char *const unparse_quotes[4] = {"'", "\"", "\"\"\"", "'''"};

typedef struct UnparseQuotes {
    uint8_t q[4]; // indexes into unparse_quotes, in preference order
    size_t n;
} UnparseQuotes;

static bool unparse_contains(const char *s, size_t n, const char *pat) {
    size_t m = strlen(pat);
    for (size_t i = 0; i + m <= n; i++) {
        if (memcmp(s + i, pat, m) == 0) return true;
    }
    return false;
}

// Backslash-escapes what ast.unparse escapes in a string literal it
// writes: backslashes and non-printables, but tab and newline only when
// esc_ws (they are left raw in replacement fields, to avoid backslashes).
static bool unparse_escape_min(KrBuf *b, const char *s, size_t n, bool esc_ws) {
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        uint32_t c = kr_utf8_decode(s, n, &i);
        bool raw = (!esc_ws && (c == '\n' || c == '\t')) ||
                   (c != '\\' && kr_uni_isprintable(c));
        if (!(raw ? kr_buf_append(b, s + start, i - start) : unparse_escape_cp(b, c))) return false;
    }
    return true;
}

// The quotes of `in` that can delimit the escaped text esc: only triple
// quotes for text with a newline, none that occurs in it.
static UnparseQuotes unparse_quote_filter(const UnparseQuotes *in, const char *esc, size_t n) {
    bool nl = unparse_has(esc, n, '\n');
    UnparseQuotes r = {{0}, 0};
    for (size_t k = 0; k < in->n; k++) {
        const char *q = unparse_quotes[in->q[k]];
        if (nl && q[1] == 0) continue;
        if (!unparse_contains(esc, n, q)) r.q[r.n++] = in->q[k];
    }
    return r;
}

// Stable partition: quotes whose character differs from the text's last
// character first (so '''"''' is preferred over """\"""").
static void unparse_quote_sort(UnparseQuotes *qs, char last) {
    UnparseQuotes r = {{0}, 0};
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < qs->n; k++) {
            bool same = unparse_quotes[qs->q[k]][0] == last;
            if (same == (pass == 1)) r.q[r.n++] = qs->q[k];
        }
    }
    *qs = r;
}

// ast.py's _str_literal_helper: appends the literal's inside for s to b
// and returns through *qs the quotes it may be delimited with (first is
// best); *qs comes in as the allowed quotes. When none fits, the inside
// is repr()'s and *qs is the one quote matching repr's choice (possibly
// not an allowed one, which the caller detects).
static bool unparse_literal_helper(KrBuf *b, const char *s, size_t n, UnparseQuotes *qs,
                                   bool esc_ws) {
    KrBuf esc;
    kr_buf_init(&esc, b->alloc);
    bool ok = unparse_escape_min(&esc, s, n, esc_ws);
    if (ok) {
        UnparseQuotes poss = unparse_quote_filter(qs, esc.data, esc.len);
        if (poss.n == 0) {
            char rq = unparse_repr_quote(s, n);
            UnparseQuotes one = {{rq == '"' ? 1 : 0}, 1};
            for (size_t k = 0; k < qs->n; k++) {
                if (unparse_quotes[qs->q[k]][0] == rq) {
                    one.q[0] = qs->q[k];
                    break;
                }
            }
            *qs = one;
            ok = unparse_repr_body(b, s, n, rq);
        } else {
            size_t len = esc.len;
            char last = len ? esc.data[len - 1] : 0;
            if (len) unparse_quote_sort(&poss, last);
            // A triple quote whose character ends the text: escape that end.
            bool clash = len && unparse_quotes[poss.q[0]][0] == last;
            ok = kr_buf_append(b, esc.data, clash ? len - 1 : len) &&
                 (!clash || (kr_buf_append_char(b, '\\') && kr_buf_append_char(b, last)));
            *qs = poss;
        }
    }
    kr_buf_free(&esc);
    return ok;
}

// ast.py's _write_str_avoiding_backslashes: a str literal with the best
// quote for it.
static bool unparse_str_avoiding(KrBuf *b, const char *s, size_t n) {
    UnparseQuotes qs = {{0, 1, 2, 3}, 4};
    KrBuf body;
    kr_buf_init(&body, b->alloc);
    bool ok = unparse_literal_helper(&body, s, n, &qs, false);
    const char *q = unparse_quotes[qs.q[0]];
    ok = ok && kr_buf_append_str(b, q) && kr_buf_append(b, body.data, body.len) &&
         kr_buf_append_str(b, q);
    kr_buf_free(&body);
    return ok;
}

// ---------------------------------------------------------- constants --

static bool unparse_int(Unparser *u, const KrAstConst *c) {
    int64_t small;
    if (kr_ast_int_to_i64(c, &small)) return kr_buf_printf(u->out, "%" PRId64, small);
    const char *d = c->data;
    size_t n = c->len;
    if (c->base == 10) {
        while (n > 1 && *d == '0') d++, n--;
        if (u->max_int_digits && n > u->max_int_digits) return unparse_fail(u, KR_UNPARSE_INT_LIMIT);
        return unparse_put(u, d, n);
    }
    KrBnCtx ctx = {u->out->alloc, NULL, NULL};
    KrBn bn;
    kr_bn_init(&bn);
    KrBnStatus st = kr_bn_parse(&ctx, d, n, c->base, 0, 0, &bn, NULL);
    if (st == KR_BN_OK) st = kr_bn_to_str(&ctx, kr_bn_view(&bn), 10, u->max_int_digits, u->out);
    kr_bn_free(&ctx, &bn);
    if (st == KR_BN_LIMIT) return unparse_fail(u, KR_UNPARSE_INT_LIMIT);
    return st == KR_BN_OK;
}

// repr() of a float or of a complex's imaginary part; an infinity (an
// overflowing literal) becomes 1e309, which reads back as one.
static bool unparse_float(Unparser *u, double x, bool imag) {
    char buf[KR_DOUBLE_BUF];
    bool ok;
    if (isinf(x)) {
        ok = unparse_puts(u, "1e309");
    } else {
        size_t n = kr_double_repr(x, buf);
        // complex repr has no ".0" on an integral part: 2j, not 2.0j.
        if (imag && n > 2 && buf[n - 2] == '.' && buf[n - 1] == '0') n -= 2;
        ok = unparse_put(u, buf, n);
    }
    return ok && (!imag || unparse_putc(u, 'j'));
}

UNPARSE_NOINLINE static bool unparse_constant(Unparser *u, const KrAstExpr *e) {
    const KrAstConst *c = &e->v.constant.value;
    if (e->v.constant.kind_u && !unparse_putc(u, 'u')) return false;
    switch (c->kind) {
    case KR_AST_NONE: return unparse_puts(u, "None");
    case KR_AST_TRUE: return unparse_puts(u, "True");
    case KR_AST_FALSE: return unparse_puts(u, "False");
    case KR_AST_ELLIPSIS: return unparse_puts(u, "...");
    case KR_AST_INT: return unparse_int(u, c);
    case KR_AST_FLOAT: return unparse_float(u, c->num, false);
    case KR_AST_COMPLEX: return unparse_float(u, c->num, true);
    case KR_AST_STR:
        if (u->avoid_bs) return unparse_str_avoiding(u->out, c->data, c->len);
        return unparse_str_repr(u->out, c->data, c->len);
    case KR_AST_BYTES: return unparse_bytes_repr(u->out, c->data, c->len);
    }
    return false;
}

// ---------------------------------------------------------- f-strings --

static bool unparse_fstring_inner(Unparser *u, const KrAstExpr *e);

// A literal part of an f-string: braces doubled.
static bool unparse_fstring_text(Unparser *u, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        bool brace = s[i] == '{' || s[i] == '}';
        if ((brace && !unparse_putc(u, s[i])) || !unparse_putc(u, s[i])) return false;
    }
    return true;
}

// A replacement field's expression, at the level above `test` (so a
// lambda or conditional gets parentheses); ast.unparse writes it without
// backslashes or fails.
static bool unparse_field_expr(Unparser *u, KrBuf *tmp, const KrAstExpr *e) {
    bool saved = u->avoid_bs;
    u->avoid_bs = u->ast;
    bool ok = unparse_into(u, tmp, e, UNPARSE_P_OR);
    u->avoid_bs = saved;
    if (ok && u->ast && unparse_has(tmp->data, tmp->len, '\\'))
        return unparse_fail(u, KR_UNPARSE_BACKSLASH);
    return ok;
}

UNPARSE_NOINLINE static bool unparse_formatted(Unparser *u, const KrAstExpr *e) {
    KrBuf tmp;
    kr_buf_init(&tmp, u->out->alloc);
    bool ok = unparse_field_expr(u, &tmp, e->v.formatted.value) && unparse_putc(u, '{');
    // "{ {" keeps a leading brace of the expression from reading as "{{".
    if (ok && tmp.len && tmp.data[0] == '{') ok = unparse_putc(u, ' ');
    ok = ok && unparse_put(u, tmp.data, tmp.len);
    kr_buf_free(&tmp);
    int conv = e->v.formatted.conversion;
    if (ok && conv != KR_AST_CONV_NONE) ok = unparse_putc(u, '!') && unparse_putc(u, (char)conv);
    if (ok && e->v.formatted.format_spec)
        ok = unparse_putc(u, ':') && unparse_fstring_inner(u, e->v.formatted.format_spec);
    return ok && unparse_putc(u, '}');
}

// The text between an f-string's quotes before any quoting: literal
// parts with braces doubled, replacement fields. Also a format spec.
static bool unparse_fstring_inner(Unparser *u, const KrAstExpr *e) {
    switch (e->kind) {
    case KR_EXPR_JOINEDSTR:
        for (size_t i = 0; i < e->v.joinedstr.values.count; i++) {
            if (!unparse_fstring_inner(u, e->v.joinedstr.values.items[i])) return false;
        }
        return true;
    case KR_EXPR_CONSTANT:
        return unparse_fstring_text(u, e->v.constant.value.data, e->v.constant.value.len);
    case KR_EXPR_FORMATTEDVALUE:
        return unparse_formatted(u, e);
    default:
        return unparse_expr(u, e, UNPARSE_P_TEST); // not made by the parser
    }
}

// The body of e (an f-string or one of its parts) into a scratch buffer.
static bool unparse_inner_into(Unparser *u, KrBuf *tmp, const KrAstExpr *e) {
    KrBuf *saved = u->out;
    u->out = tmp;
    bool ok = unparse_fstring_inner(u, e);
    u->out = saved;
    return ok;
}

// ast.unparse's quoting of a whole f-string when no quote suits every
// part: ''' with each part escaped as repr() escapes for a ' quote.
static bool unparse_fstring_fallback(Unparser *u, const KrBuf *parts, size_t n) {
    if (!unparse_puts(u, "'''")) return false;
    for (size_t i = 0; i < n; i++) {
        if (!unparse_repr_body(u->out, parts[i].data, parts[i].len, '\'')) return false;
    }
    return unparse_puts(u, "'''");
}

static bool unparse_quotes_meet(const UnparseQuotes *a, const UnparseQuotes *b) {
    for (size_t i = 0; i < a->n; i++) {
        for (size_t k = 0; k < b->n; k++) {
            if (a->q[i] == b->q[k]) return true;
        }
    }
    return false;
}

// ast.unparse of a top-level f-string: each part narrows the quotes that
// suit all parts so far; literal parts get \n and \t escapes, fields not.
static bool unparse_fstring_quoted(Unparser *u, const KrAstExpr *e, const KrBuf *parts,
                                   KrBuf *body) {
    UnparseQuotes qs = {{0, 1, 2, 3}, 4};
    size_t n = e->v.joinedstr.values.count;
    for (size_t i = 0; i < n; i++) {
        bool is_const = e->v.joinedstr.values.items[i]->kind == KR_EXPR_CONSTANT;
        UnparseQuotes got = qs;
        if (!unparse_literal_helper(body, parts[i].data, parts[i].len, &got, is_const)) return false;
        if (!unparse_quotes_meet(&got, &qs)) return unparse_fstring_fallback(u, parts, n);
        qs = got;
    }
    const char *q = unparse_quotes[qs.q[0]];
    return unparse_puts(u, q) && unparse_put(u, body->data, body->len) && unparse_puts(u, q);
}

static bool unparse_fstring_ast(Unparser *u, const KrAstExpr *e) {
    size_t n = e->v.joinedstr.values.count;
    KrBuf *parts = NULL;
    size_t bytes = 0;
    if (n && kr_size_mul(n, sizeof *parts, &bytes))
        parts = u->out->alloc.fn(u->out->alloc.ud, NULL, 0, bytes);
    if (n && !parts) return false;
    for (size_t i = 0; i < n; i++) kr_buf_init(&parts[i], u->out->alloc);
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++)
        ok = unparse_inner_into(u, &parts[i], e->v.joinedstr.values.items[i]);
    KrBuf body;
    kr_buf_init(&body, u->out->alloc);
    ok = ok && unparse_fstring_quoted(u, e, parts, &body);
    kr_buf_free(&body);
    for (size_t i = 0; i < n; i++) kr_buf_free(&parts[i]);
    if (parts) u->out->alloc.fn(u->out->alloc.ud, parts, bytes, 0);
    return ok;
}

// The annotation flavour (and ast.unparse inside a replacement field)
// quote the whole body at once: repr() resp. the backslash-free choice.
UNPARSE_NOINLINE static bool unparse_joinedstr(Unparser *u, const KrAstExpr *e) {
    if (!unparse_putc(u, 'f')) return false;
    if (u->ast && !u->avoid_bs) return unparse_fstring_ast(u, e);
    KrBuf body;
    kr_buf_init(&body, u->out->alloc);
    bool ok = unparse_inner_into(u, &body, e);
    if (ok) {
        ok = u->ast ? unparse_str_avoiding(u->out, body.data, body.len)
                    : unparse_str_repr(u->out, body.data, body.len);
    }
    kr_buf_free(&body);
    return ok;
}

// ---------------------------------------------------------- operators --

static const char *const unparse_binop_text[] = {
    "+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//",
};

static const int unparse_binop_prec[] = {
    UNPARSE_P_ARITH, UNPARSE_P_ARITH, UNPARSE_P_TERM, UNPARSE_P_TERM, UNPARSE_P_TERM,
    UNPARSE_P_TERM, UNPARSE_P_POWER, UNPARSE_P_SHIFT, UNPARSE_P_SHIFT, UNPARSE_P_EXPR,
    UNPARSE_P_BXOR, UNPARSE_P_BAND, UNPARSE_P_TERM,
};

static const char *const unparse_cmpop_text[] = {
    " == ", " != ", " < ", " <= ", " > ", " >= ", " is ", " is not ", " in ", " not in ",
};

static bool unparse_binop(Unparser *u, const KrAstExpr *e, int level) {
    KrAstOperator op = e->v.binop.op;
    int prec = unparse_binop_prec[op];
    // ** groups to the right, the others to the left.
    int lp = op == KR_AST_POW ? unparse_next(prec) : prec;
    int rp = op == KR_AST_POW ? prec : unparse_next(prec);
    return unparse_putc_if(u, level > prec, '(') && unparse_expr(u, e->v.binop.left, lp) &&
           unparse_putc(u, ' ') && unparse_puts(u, unparse_binop_text[op]) &&
           unparse_putc(u, ' ') && unparse_expr(u, e->v.binop.right, rp) &&
           unparse_putc_if(u, level > prec, ')');
}

static bool unparse_unaryop(Unparser *u, const KrAstExpr *e, int level) {
    static const char *const text[] = {"~", "not ", "+", "-"};
    KrAstUnaryOp op = e->v.unaryop.op;
    int prec = op == KR_AST_NOT ? UNPARSE_P_NOT : UNPARSE_P_FACTOR;
    return unparse_putc_if(u, level > prec, '(') && unparse_puts(u, text[op]) &&
           unparse_expr(u, e->v.unaryop.operand, prec) && unparse_putc_if(u, level > prec, ')');
}

// ast.unparse raises the level for each further operand (a quirk of
// Lib/ast.py: `a or (b and c) or d`); the compiler keeps it fixed.
static bool unparse_boolop(Unparser *u, const KrAstExpr *e, int level) {
    int prec = e->v.boolop.op == KR_AST_AND ? UNPARSE_P_AND : UNPARSE_P_OR;
    const char *sep = e->v.boolop.op == KR_AST_AND ? " and " : " or ";
    if (!unparse_putc_if(u, level > prec, '(')) return false;
    int operand = prec;
    for (size_t i = 0; i < e->v.boolop.values.count; i++) {
        if (u->ast || i == 0) operand = unparse_next(operand);
        if ((i && !unparse_puts(u, sep)) || !unparse_expr(u, e->v.boolop.values.items[i], operand))
            return false;
    }
    return unparse_putc_if(u, level > prec, ')');
}

static bool unparse_compare(Unparser *u, const KrAstExpr *e, int level) {
    int operand = unparse_next(UNPARSE_P_CMP);
    if (!unparse_putc_if(u, level > UNPARSE_P_CMP, '(') ||
        !unparse_expr(u, e->v.compare.left, operand))
        return false;
    for (size_t i = 0; i < e->v.compare.comparators.count; i++) {
        if (!unparse_puts(u, unparse_cmpop_text[e->v.compare.ops[i]]) ||
            !unparse_expr(u, e->v.compare.comparators.items[i], operand))
            return false;
    }
    return unparse_putc_if(u, level > UNPARSE_P_CMP, ')');
}

// ---------------------------------------------------- other compounds --

static bool unparse_namedexpr(Unparser *u, const KrAstExpr *e, int level) {
    // The compiler's unparser lets a walrus stand bare at tuple level.
    bool paren = level > (u->ast ? UNPARSE_P_NAMED : UNPARSE_P_TUPLE);
    return unparse_putc_if(u, paren, '(') &&
           unparse_expr(u, e->v.namedexpr.target, UNPARSE_P_ATOM) && unparse_puts(u, " := ") &&
           unparse_expr(u, e->v.namedexpr.value, UNPARSE_P_ATOM) && unparse_putc_if(u, paren, ')');
}

static bool unparse_ifexp(Unparser *u, const KrAstExpr *e, int level) {
    bool paren = level > UNPARSE_P_TEST;
    return unparse_putc_if(u, paren, '(') &&
           unparse_expr(u, e->v.ifexp.body, UNPARSE_P_OR) && unparse_puts(u, " if ") &&
           unparse_expr(u, e->v.ifexp.test, UNPARSE_P_OR) && unparse_puts(u, " else ") &&
           unparse_expr(u, e->v.ifexp.orelse, UNPARSE_P_TEST) && unparse_putc_if(u, paren, ')');
}

// Always parenthesised: no expression context takes a bare yield.
static bool unparse_yield(Unparser *u, const KrAstExpr *e) {
    bool from = e->kind == KR_EXPR_YIELDFROM;
    const KrAstExpr *value = from ? e->v.yieldfrom.value : e->v.yield.value;
    int level = u->ast ? UNPARSE_P_ATOM : UNPARSE_P_TEST;
    if (!unparse_puts(u, from ? "(yield from" : "(yield")) return false;
    if (value && (!unparse_putc(u, ' ') || !unparse_expr(u, value, level))) return false;
    return unparse_putc(u, ')');
}

static bool unparse_await(Unparser *u, const KrAstExpr *e, int level) {
    bool paren = level > UNPARSE_P_AWAIT;
    return unparse_putc_if(u, paren, '(') && unparse_puts(u, "await ") &&
           unparse_expr(u, e->v.await.value, UNPARSE_P_ATOM) && unparse_putc_if(u, paren, ')');
}

static bool unparse_starred(Unparser *u, const KrAstExpr *e) {
    return unparse_putc(u, '*') && unparse_expr(u, e->v.starred.value, UNPARSE_P_EXPR);
}

// Items separated by ", "; a lone item of a tuple gets a trailing comma.
static bool unparse_items(Unparser *u, const KrAstExprSeq *s, bool tuple) {
    for (size_t i = 0; i < s->count; i++) {
        if ((i && !unparse_puts(u, ", ")) || !unparse_expr(u, s->items[i], UNPARSE_P_TEST))
            return false;
    }
    return !(tuple && s->count == 1) || unparse_putc(u, ',');
}

static bool unparse_tuple(Unparser *u, const KrAstExpr *e, int level) {
    bool paren = e->v.seq.elts.count == 0 || level > UNPARSE_P_TUPLE;
    return unparse_putc_if(u, paren, '(') && unparse_items(u, &e->v.seq.elts, true) &&
           unparse_putc_if(u, paren, ')');
}

static bool unparse_list(Unparser *u, const KrAstExpr *e) {
    return unparse_putc(u, '[') && unparse_items(u, &e->v.seq.elts, false) && unparse_putc(u, ']');
}

static bool unparse_set(Unparser *u, const KrAstExpr *e) {
    if (e->v.set.elts.count == 0) return unparse_puts(u, "{*()}"); // `{}` is a dict
    return unparse_putc(u, '{') && unparse_items(u, &e->v.set.elts, false) && unparse_putc(u, '}');
}

static bool unparse_dict(Unparser *u, const KrAstExpr *e) {
    if (!unparse_putc(u, '{')) return false;
    for (size_t i = 0; i < e->v.dict.values.count; i++) {
        const KrAstExpr *k = e->v.dict.keys.items[i];
        const KrAstExpr *v = e->v.dict.values.items[i];
        bool ok = !i || unparse_puts(u, ", ");
        if (k) ok = ok && unparse_expr(u, k, UNPARSE_P_TEST) && unparse_puts(u, ": ") &&
                    unparse_expr(u, v, UNPARSE_P_TEST);
        else ok = ok && unparse_puts(u, "**") && unparse_expr(u, v, UNPARSE_P_EXPR);
        if (!ok) return false;
    }
    return unparse_putc(u, '}');
}

static bool unparse_generators(Unparser *u, const KrAstComprehensionSeq *gens) {
    for (size_t i = 0; i < gens->count; i++) {
        const KrAstComprehension *g = gens->items[i];
        if (!unparse_puts(u, g->is_async ? " async for " : " for ") ||
            !unparse_expr(u, g->target, UNPARSE_P_TUPLE) || !unparse_puts(u, " in ") ||
            !unparse_expr(u, g->iter, UNPARSE_P_OR))
            return false;
        for (size_t k = 0; k < g->ifs.count; k++) {
            if (!unparse_puts(u, " if ") || !unparse_expr(u, g->ifs.items[k], UNPARSE_P_OR))
                return false;
        }
    }
    return true;
}

// ListComp, SetComp, GeneratorExp; brackets optional for a generator
// that is a call's sole argument.
static bool unparse_comp(Unparser *u, const KrAstExpr *e, bool brackets) {
    char open = e->kind == KR_EXPR_LISTCOMP ? '[' : e->kind == KR_EXPR_SETCOMP ? '{' : '(';
    char close = open == '[' ? ']' : open == '{' ? '}' : ')';
    return unparse_putc_if(u, brackets, open) && unparse_expr(u, e->v.comp.elt, UNPARSE_P_TEST) &&
           unparse_generators(u, &e->v.comp.generators) && unparse_putc_if(u, brackets, close);
}

static bool unparse_dictcomp(Unparser *u, const KrAstExpr *e) {
    return unparse_putc(u, '{') && unparse_expr(u, e->v.dictcomp.key, UNPARSE_P_TEST) &&
           unparse_puts(u, ": ") && unparse_expr(u, e->v.dictcomp.value, UNPARSE_P_TEST) &&
           unparse_generators(u, &e->v.dictcomp.generators) && unparse_putc(u, '}');
}

// ------------------------------------------------------------- lambda --

static bool unparse_arg(Unparser *u, const KrAstArg *a) {
    if (!unparse_puts(u, a->arg)) return false;
    return !a->annotation ||
           (unparse_puts(u, ": ") && unparse_expr(u, a->annotation, UNPARSE_P_TEST));
}

// `, ` before every parameter but the first.
static bool unparse_sep(Unparser *u, bool *first) {
    bool was = *first;
    *first = false;
    return was || unparse_puts(u, ", ");
}

static bool unparse_positional(Unparser *u, const KrAstArguments *a, bool *first) {
    size_t npos = a->posonlyargs.count, nall = npos + a->args.count;
    size_t nodef = nall - a->defaults.count;
    for (size_t i = 0; i < nall; i++) {
        const KrAstArg *arg = i < npos ? a->posonlyargs.items[i] : a->args.items[i - npos];
        if (!unparse_sep(u, first) || !unparse_arg(u, arg)) return false;
        if (i >= nodef && (!unparse_putc(u, '=') ||
                           !unparse_expr(u, a->defaults.items[i - nodef], UNPARSE_P_TEST)))
            return false;
        if (i + 1 == npos && !unparse_puts(u, ", /")) return false;
    }
    return true;
}

static bool unparse_arguments(Unparser *u, const KrAstArguments *a) {
    bool first = true;
    if (!unparse_positional(u, a, &first)) return false;
    if (a->vararg || a->kwonlyargs.count) {
        if (!unparse_sep(u, &first) || !unparse_putc(u, '*')) return false;
        if (a->vararg && !unparse_arg(u, a->vararg)) return false;
    }
    for (size_t i = 0; i < a->kwonlyargs.count; i++) {
        const KrAstExpr *d = a->kw_defaults.items[i];
        if (!unparse_puts(u, ", ") || !unparse_arg(u, a->kwonlyargs.items[i])) return false;
        if (d && (!unparse_putc(u, '=') || !unparse_expr(u, d, UNPARSE_P_TEST))) return false;
    }
    if (a->kwarg && (!unparse_sep(u, &first) || !unparse_puts(u, "**") || !unparse_arg(u, a->kwarg)))
        return false;
    return true;
}

static bool unparse_lambda(Unparser *u, const KrAstExpr *e, int level) {
    const KrAstArguments *a = e->v.lambda.args;
    size_t npos = a->posonlyargs.count + a->args.count;
    bool any = npos || a->vararg || a->kwonlyargs.count || a->kwarg;
    // The compiler's unparser spaces only before a positional parameter.
    bool space = u->ast ? any : npos > 0;
    bool paren = level > UNPARSE_P_TEST;
    return unparse_putc_if(u, paren, '(') && unparse_puts(u, "lambda") &&
           unparse_putc_if(u, space, ' ') && unparse_arguments(u, a) && unparse_puts(u, ": ") &&
           unparse_expr(u, e->v.lambda.body, UNPARSE_P_TEST) && unparse_putc_if(u, paren, ')');
}

// ----------------------------------------------------------- trailers --

static bool unparse_call(Unparser *u, const KrAstExpr *e) {
    const KrAstExprSeq *args = &e->v.call.args;
    const KrAstKeywordSeq *kws = &e->v.call.keywords;
    if (!unparse_expr(u, e->v.call.func, UNPARSE_P_ATOM) || !unparse_putc(u, '(')) return false;
    // The compiler writes a sole generator argument as `f(x for x in y)`.
    if (!u->ast && args->count == 1 && kws->count == 0 &&
        args->items[0]->kind == KR_EXPR_GENERATOREXP)
        return unparse_comp(u, args->items[0], false) && unparse_putc(u, ')');
    bool first = true;
    for (size_t i = 0; i < args->count; i++) {
        if (!unparse_sep(u, &first) || !unparse_expr(u, args->items[i], UNPARSE_P_TEST)) return false;
    }
    for (size_t i = 0; i < kws->count; i++) {
        const KrAstKeyword *k = kws->items[i];
        if (!unparse_sep(u, &first)) return false;
        bool ok = k->arg ? unparse_puts(u, k->arg) && unparse_putc(u, '=') : unparse_puts(u, "**");
        if (!ok || !unparse_expr(u, k->value, UNPARSE_P_TEST)) return false;
    }
    return unparse_putc(u, ')');
}

static bool unparse_attribute(Unparser *u, const KrAstExpr *e) {
    const KrAstExpr *v = e->v.attribute.value;
    // `1.real` would lex as a float: write `1 .real`. ast.unparse also
    // spaces bools (isinstance(True, int)); the compiler does not.
    bool space = false;
    if (v->kind == KR_EXPR_CONSTANT) {
        KrAstConstKind k = v->v.constant.value.kind;
        space = k == KR_AST_INT || (u->ast && (k == KR_AST_TRUE || k == KR_AST_FALSE));
    }
    return unparse_expr(u, v, UNPARSE_P_ATOM) && unparse_putc_if(u, space, ' ') &&
           unparse_putc(u, '.') && unparse_puts(u, e->v.attribute.attr);
}

static bool unparse_subscript(Unparser *u, const KrAstExpr *e) {
    const KrAstExpr *s = e->v.subscript.slice;
    if (!unparse_expr(u, e->v.subscript.value, UNPARSE_P_ATOM) || !unparse_putc(u, '['))
        return false;
    bool ok;
    if (s->kind == KR_EXPR_TUPLE && s->v.seq.elts.count) // x[a, b:c] needs no parentheses
        ok = unparse_items(u, &s->v.seq.elts, true);
    else
        ok = unparse_expr(u, s, u->ast ? UNPARSE_P_TEST : UNPARSE_P_TUPLE);
    return ok && unparse_putc(u, ']');
}

static bool unparse_slice(Unparser *u, const KrAstExpr *e) {
    const KrAstExpr *lo = e->v.slice.lower, *hi = e->v.slice.upper, *st = e->v.slice.step;
    return (!lo || unparse_expr(u, lo, UNPARSE_P_TEST)) && unparse_putc(u, ':') &&
           (!hi || unparse_expr(u, hi, UNPARSE_P_TEST)) &&
           (!st || (unparse_putc(u, ':') && unparse_expr(u, st, UNPARSE_P_TEST)));
}

// ----------------------------------------------------------- dispatch --

static bool unparse_expr(Unparser *u, const KrAstExpr *e, int level) {
    switch (e->kind) {
    case KR_EXPR_BOOLOP: return unparse_boolop(u, e, level);
    case KR_EXPR_NAMEDEXPR: return unparse_namedexpr(u, e, level);
    case KR_EXPR_BINOP: return unparse_binop(u, e, level);
    case KR_EXPR_UNARYOP: return unparse_unaryop(u, e, level);
    case KR_EXPR_LAMBDA: return unparse_lambda(u, e, level);
    case KR_EXPR_IFEXP: return unparse_ifexp(u, e, level);
    case KR_EXPR_DICT: return unparse_dict(u, e);
    case KR_EXPR_SET: return unparse_set(u, e);
    case KR_EXPR_LISTCOMP:
    case KR_EXPR_SETCOMP:
    case KR_EXPR_GENERATOREXP: return unparse_comp(u, e, true);
    case KR_EXPR_DICTCOMP: return unparse_dictcomp(u, e);
    case KR_EXPR_AWAIT: return unparse_await(u, e, level);
    case KR_EXPR_YIELD:
    case KR_EXPR_YIELDFROM: return unparse_yield(u, e);
    case KR_EXPR_COMPARE: return unparse_compare(u, e, level);
    case KR_EXPR_CALL: return unparse_call(u, e);
    case KR_EXPR_FORMATTEDVALUE: return unparse_formatted(u, e);
    case KR_EXPR_JOINEDSTR: return unparse_joinedstr(u, e);
    case KR_EXPR_CONSTANT: return unparse_constant(u, e);
    case KR_EXPR_ATTRIBUTE: return unparse_attribute(u, e);
    case KR_EXPR_SUBSCRIPT: return unparse_subscript(u, e);
    case KR_EXPR_STARRED: return unparse_starred(u, e);
    case KR_EXPR_NAME: return unparse_puts(u, e->v.name.id);
    case KR_EXPR_LIST: return unparse_list(u, e);
    case KR_EXPR_TUPLE: return unparse_tuple(u, e, level);
    case KR_EXPR_SLICE: return unparse_slice(u, e);
    }
    return false;
}

KrUnparseStatus kr_unparse_expr_ex(const KrAstExpr *e, KrUnparseFlavour flavour,
                                   size_t max_int_digits, KrBuf *out) {
    Unparser u = {out, flavour == KR_UNPARSE_AST, false, max_int_digits, KR_UNPARSE_OK};
    size_t start = out->len;
    if (unparse_expr(&u, e, UNPARSE_P_TEST)) return KR_UNPARSE_OK;
    out->len = start; // leave no partial text behind
    return u.status != KR_UNPARSE_OK ? u.status : KR_UNPARSE_NOMEM;
}

bool kr_unparse_expr(const KrAstExpr *e, KrBuf *out) {
    return kr_unparse_expr_ex(e, KR_UNPARSE_ANNOTATION, 0, out) == KR_UNPARSE_OK;
}
