// lexer.c: the tokenizer. Follows the structure of CPython 3.11's C
// tokenizer closely enough that the same inputs fail at the same places
// with the same messages, which matters because users (LLMs) learned from
// CPython's errors.
#include "lexer.h"
#include <stdarg.h>
#include <stdio.h>

#define KR_EOF (-1)
#define KR_TABSIZE 8

// ------------------------------------------------------------- tables --

typedef struct KrRange {
    uint32_t lo, hi;
} KrRange;

// Code points >= 0x80 that are never valid in identifiers and that CPython
// reports as non-printable ("invalid non-printable character U+XXXX").
// Without a Unicode table (src/unicode_db.h is generated separately) we
// only know these common ones; any other code point >= 0x80 is accepted in
// identifiers. TODO: use the generated XID_Start/XID_Continue tables.
static const KrRange kr_nonprintable[] = {
    {0x80, 0xA0}, {0xAD, 0xAD}, {0x2000, 0x200F}, {0x2028, 0x202F},
    {0x205F, 0x206F}, {0x3000, 0x3000}, {0xE000, 0xF8FF}, {0xFDD0, 0xFDEF},
    {0xFEFF, 0xFEFF}, {0xFFF0, 0xFFFB}, {0xFFFE, 0xFFFF}, {0xE0000, 0xE0FFF},
    {0xF0000, 0x10FFFF},
};

// Printable code points that are not identifier characters: the
// punctuation, symbols, arrows and emoji that show up in pasted text.
static const KrRange kr_not_ident[] = {
    {0xA1, 0xA9}, {0xAB, 0xAC}, {0xAE, 0xB4}, {0xB6, 0xB6}, {0xB8, 0xB9},
    {0xBB, 0xBF}, {0xD7, 0xD7}, {0xF7, 0xF7}, {0x2010, 0x2027},
    {0x2030, 0x203E}, {0x2041, 0x2053}, {0x2055, 0x205E}, {0x20A0, 0x20CF},
    {0x2190, 0x2BFF}, {0x2E00, 0x2E7F}, {0x3001, 0x3003}, {0x3008, 0x3020},
    {0x3030, 0x3030}, {0x303D, 0x303F}, {0xFE10, 0xFE1F}, {0xFE50, 0xFE6B},
    {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF3E}, {0xFF40, 0xFF40},
    {0xFF5B, 0xFF65}, {0xFFFC, 0xFFFD}, {0x1F000, 0x1FAFF},
};

static bool kr_in_ranges(const KrRange *r, size_t n, uint32_t cp) {
    for (size_t i = 0; i < n; i++)
        if (cp >= r[i].lo && cp <= r[i].hi) return true;
    return false;
}

#define KR_NELEMS(a) (sizeof(a) / sizeof((a)[0]))

bool kr_lex_cp_nonprintable(uint32_t cp) {
    return kr_in_ranges(kr_nonprintable, KR_NELEMS(kr_nonprintable), cp);
}

bool kr_lex_ident_char_ok(uint32_t cp) {
    if (cp < 0x80) return false;
    return !kr_lex_cp_nonprintable(cp) &&
           !kr_in_ranges(kr_not_ident, KR_NELEMS(kr_not_ident), cp);
}

// ------------------------------------------------------------- UTF-8 --

// Decodes the sequence at s[i]: returns its length, or 0 on error with
// *end (exclusive) and *reason set as Python's decoder reports them.
static size_t kr_utf8_step(const unsigned char *s, size_t n, size_t i, size_t *end,
                           const char **reason) {
    unsigned c = s[i];
    if (c < 0x80) return 1;
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *end = i + 1;
        *reason = "invalid start byte";
        return 0;
    }
    for (size_t k = 1; k <= need; k++) {
        if (i + k >= n) {
            *end = i + k;
            *reason = "unexpected end of data";
            return 0;
        }
        unsigned b = s[i + k];
        unsigned blo = k == 1 ? lo : 0x80, bhi = k == 1 ? hi : 0xBF;
        if (b < blo || b > bhi) {
            *end = i + k;
            *reason = "invalid continuation byte";
            return 0;
        }
    }
    return need + 1;
}

bool kr_utf8_find_error(const char *s, size_t n, KrUtf8Err *e) {
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t len = kr_utf8_step(u, n, i, &e->end, &e->reason);
        if (len == 0) {
            e->start = i;
            return true;
        }
        i += len;
    }
    return false;
}

size_t kr_utf8_count_replace(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    size_t count = 0, end;
    const char *reason;
    for (size_t i = 0; i < n; count++) {
        size_t len = kr_utf8_step(u, n, i, &end, &reason);
        i = len ? i + len : end;
    }
    return count;
}

void kr_utf8_error_msg(char *buf, size_t size, const char *s, const KrUtf8Err *e, size_t base) {
    if (e->end - e->start == 1) {
        snprintf(buf, size, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                 (unsigned char)s[e->start], e->start - base, e->reason);
    } else {
        snprintf(buf, size, "(unicode error) 'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                 e->start - base, e->end - 1 - base, e->reason);
    }
}

static const char *const kr_tok_names[KR_TOK_COUNT_] = {
    "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT",
    "ERRORTOKEN", "OP",
#define KR_X_TOK_TEXT(name, text) text,
    KR_TOK_OPS(KR_X_TOK_TEXT)
#undef KR_X_TOK_TEXT
};

const char *kr_tok_text(KrTokKind kind) {
    return (unsigned)kind < KR_TOK_COUNT_ ? kr_tok_names[kind] : "?";
}

static KrKeyword kr_keyword_of(const char *s, size_t n) {
    // Keywords are 2..8 ASCII letters; skip the scan for anything else.
    // Each test compares with constants (length, first letter) first.
    if (n < 2 || n > 8) return KR_KW_NONE_;
#define KR_X_KW_TEST(name, text) \
    if (n == sizeof(text) - 1 && s[0] == text[0] && memcmp(s, text, n) == 0) return KR_KW_##name;
    KR_KEYWORDS(KR_X_KW_TEST)
#undef KR_X_KW_TEST
    return KR_KW_NONE_;
}

// --------------------------------------------------------- char input --

// Where the line starting at `from` ends (just past its '\n', or len).
static size_t kr_next_line_end(const KrLexer *lx, size_t from) {
    const char *nl = from < lx->len ? memchr(lx->src + from, '\n', lx->len - from) : NULL;
    return nl ? (size_t)(nl - lx->src) + 1 : lx->len;
}

void kr_lex_init(KrLexer *lx, const char *src, size_t len, int32_t line_delta,
                 int32_t col_shift) {
    memset(lx, 0, offsetof(KrLexer, err));
    kr_synerr_clear(&lx->err);
    lx->err_in_chars = false;
    lx->indstack[0] = lx->altindstack[0] = 0;
    lx->src = src;
    lx->len = len;
    lx->lineno = 1;
    lx->line_delta = line_delta;
    lx->col_shift = col_shift;
    lx->tok_lineno = 1 + line_delta;
    lx->tok_shift = col_shift;
    lx->atbol = true;
    lx->line_end = kr_next_line_end(lx, 0);
}

// Reading the first character of a line is what moves the lexer onto that
// line (as CPython's line-at-a-time reader does); at EOF the line number
// stays on the last line. Backing up never crosses back over a line
// start already passed, so only pos == line_end needs a look.
static void kr_new_line(KrLexer *lx) {
    lx->lineno++;
    lx->tok_lineno++;
    lx->tok_shift = 0;
    lx->line_start = lx->pos;
    lx->line_end = kr_next_line_end(lx, lx->pos);
}

static inline int kr_nextc(KrLexer *lx) {
    if (KR_LIKELY(lx->pos < lx->line_end)) return (unsigned char)lx->src[lx->pos++];
    if (lx->pos >= lx->len) return KR_EOF;
    kr_new_line(lx);
    return (unsigned char)lx->src[lx->pos++];
}

static void kr_backup(KrLexer *lx, int c) {
    if (c != KR_EOF && lx->pos > 0) lx->pos--;
}

// Character classes of bytes, one load per test: KR_CC_START for what can
// start a name (ASCII letters, '_', and any byte of a non-ASCII character,
// checked later by kr_verify_identifier), KR_CC_DIGIT, KR_CC_PREFIX for
// the letters of string prefixes, KR_CC_OP for the first characters of
// operators ('.' aside: it may start a number) and KR_CC_BRACKET.
enum { KR_CC_START = 1, KR_CC_DIGIT = 2, KR_CC_PREFIX = 4, KR_CC_OP = 8, KR_CC_BRACKET = 16 };
static const uint8_t kr_cclass[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 8, 0, 0, 0, 8, 8, 0, 24, 24, 8, 8, 8, 8, 0, 8,    // ! % & ( ) * + , - /
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 8, 8, 8, 8, 8, 0,      // 0-9 : ; < = >
    8, 1, 5, 1, 1, 1, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1,      // @ A-O (B, F)
    1, 1, 5, 1, 1, 5, 1, 1, 1, 1, 1, 24, 0, 24, 8, 1,    // P-Z (R, U) [ ] ^ _
    0, 1, 5, 1, 1, 1, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1,      // a-o (b, f)
    1, 1, 5, 1, 1, 5, 1, 1, 1, 1, 1, 24, 8, 24, 8, 0,    // p-z (r, u) { | } ~
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

// c is a byte or KR_EOF.
static inline int kr_cc(int c) { return c >= 0 ? kr_cclass[c] : 0; }

static bool kr_is_ident_char(int c) { return kr_cc(c) & (KR_CC_START | KR_CC_DIGIT); }

static bool kr_isdigit(int c) { return c >= '0' && c <= '9'; }

static bool kr_isxdigit(int c) {
    return kr_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Byte position where the current line ends (just after its '\n').
static size_t kr_line_end(const KrLexer *lx) {
    size_t i = lx->line_start;
    while (i < lx->len && lx->src[i] != '\n') i++;
    return i < lx->len ? i + 1 : i;
}

// ------------------------------------------------------------- errors --

static void kr_lex_fail(KrLexer *lx, KrLexErrCode code, KrSyntaxErrKind kind, int32_t lineno,
                        int32_t offset, int32_t end_offset, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

static void kr_lex_fail(KrLexer *lx, KrLexErrCode code, KrSyntaxErrKind kind, int32_t lineno,
                        int32_t offset, int32_t end_offset, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(lx->err.msg, sizeof lx->err.msg, fmt, ap);
    va_end(ap);
    lx->err_code = code;
    lx->err.kind = kind;
    lx->err.lineno = lineno + lx->line_delta;
    lx->err.end_lineno = lineno + lx->line_delta;
    lx->err.offset = offset;
    lx->err.end_offset = end_offset;
}

// CPython's tokenizer syntaxerror(): located at the current position.
#define KR_LEX_RAISE(lx, ...)                                                      \
    kr_lex_fail((lx), KR_LEXERR_RAISED, KR_SYNERR_SYNTAX, (lx)->lineno,            \
                (int32_t)((lx)->pos - (lx)->line_start),                           \
                (int32_t)((lx)->pos - (lx)->line_start), __VA_ARGS__)

static KR_NOINLINE void kr_make_error_tok(KrLexer *lx, KrToken *t) {
    memset(t, 0, sizeof *t);
    t->kind = KR_TOK_ERROR;
    t->lineno = t->end_lineno = lx->lineno + lx->line_delta;
    t->col = t->end_col = -1;
    t->start = t->end = (uint32_t)lx->pos;
    t->level = (int16_t)lx->level;
}

// ------------------------------------------------------------- tokens --

// A token from `start` on the current line to `end`.
static void kr_tok_fill(KrLexer *lx, KrToken *t, KrTokKind kind, size_t start, size_t end) {
    t->kind = (uint8_t)kind;
    t->kw = 0;
    t->level = (int16_t)lx->level;
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->lineno = t->end_lineno = lx->tok_lineno;
    t->col = (int32_t)(start - lx->line_start) + lx->tok_shift;
    t->end_col = (int32_t)(end - lx->line_start) + lx->tok_shift;
}

// A string that started on raw line `start_line` at `start_line_start`
// (the column shift is the current line's, as in CPython).
static void kr_tok_fill_string(KrLexer *lx, KrToken *t, size_t start, int32_t start_line,
                               size_t start_line_start) {
    kr_tok_fill(lx, t, KR_TOK_STRING, start, lx->pos);
    t->lineno = start_line + lx->line_delta;
    t->col = (int32_t)(start - start_line_start) + lx->tok_shift;
}

// Tokens CPython gives no position (INDENT, DEDENT, ENDMARKER).
static void kr_tok_fill_nopos(KrLexer *lx, KrToken *t, KrTokKind kind) {
    kr_tok_fill(lx, t, kind, lx->pos, lx->pos);
    t->col = t->end_col = -1 + lx->tok_shift;
    t->cur_col = (int32_t)(lx->pos - lx->line_start);
}

// ----------------------------------------------------------- indentation --

static KR_COLD void kr_indent_error(KrLexer *lx) {
    kr_lex_fail(lx, KR_LEXERR_TAB, KR_SYNERR_TAB, lx->lineno, 1, 0,
                "inconsistent use of tabs and spaces in indentation");
}

static void kr_indent_push(KrLexer *lx, int col, int altcol) {
    if (lx->indent + 1 >= KR_LEX_MAX_INDENT) {
        kr_lex_fail(lx, KR_LEXERR_TOODEEP, KR_SYNERR_INDENTATION, lx->lineno, 1, 0,
                    "too many levels of indentation");
        return;
    }
    if (altcol <= lx->altindstack[lx->indent]) {
        kr_indent_error(lx);
        return;
    }
    lx->pendin++;
    lx->indent++;
    lx->indstack[lx->indent] = col;
    lx->altindstack[lx->indent] = altcol;
}

static void kr_indent_pop(KrLexer *lx, int col, int altcol) {
    while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
        lx->pendin--;
        lx->indent--;
    }
    if (col != lx->indstack[lx->indent]) {
        int32_t off = (int32_t)(kr_line_end(lx) - lx->line_start);
        kr_lex_fail(lx, KR_LEXERR_DEDENT, KR_SYNERR_INDENTATION, lx->lineno, off, -1,
                    "unindent does not match any outer indentation level");
        return;
    }
    if (altcol != lx->altindstack[lx->indent]) kr_indent_error(lx);
}

// Measures the indentation of a new line and queues INDENT/DEDENT tokens.
// Returns whether the line is blank (only whitespace and/or a comment).
static bool kr_lex_indentation(KrLexer *lx) {
    int col = 0, altcol = 0, c;
    for (;;) {
        c = kr_nextc(lx);
        if (c == ' ') { // a run of spaces at once (never a line end)
            size_t p = lx->pos;
            while (p < lx->line_end && lx->src[p] == ' ') p++;
            col += (int)(p - lx->pos) + 1;
            altcol += (int)(p - lx->pos) + 1;
            lx->pos = p;
        } else if (c == '\t') {
            col = (col / KR_TABSIZE + 1) * KR_TABSIZE;
            altcol++;
        } else if (c == '\f') {
            col = altcol = 0;
        } else {
            break;
        }
    }
    kr_backup(lx, c);
    bool blank = c == '#' || c == '\n';
    if (blank || lx->level > 0) return blank;
    if (col == lx->indstack[lx->indent]) {
        if (altcol != lx->altindstack[lx->indent]) kr_indent_error(lx);
    } else if (col > lx->indstack[lx->indent]) {
        kr_indent_push(lx, col, altcol);
    } else {
        kr_indent_pop(lx, col, altcol);
    }
    return false;
}

// --------------------------------------------------------------- numbers --

static bool kr_lookahead(const KrLexer *lx, const char *s) {
    size_t p = lx->pos;
    for (; *s; s++, p++)
        if (p >= lx->len || lx->src[p] != *s) return false;
    return true;
}

// A number directly followed by a letter is an error, except before the
// keywords that can follow a number in valid code (CPython only warns).
static bool kr_verify_end_of_number(KrLexer *lx, int c, const char *kind) {
    bool kw = false;
    if (c == 'a') kw = kr_lookahead(lx, "nd");
    else if (c == 'e') kw = kr_lookahead(lx, "lse");
    else if (c == 'f') kw = kr_lookahead(lx, "or");
    else if (c == 'i') kw = lx->pos < lx->len && strchr("fns", lx->src[lx->pos]) && lx->src[lx->pos];
    else if (c == 'o') kw = kr_lookahead(lx, "r");
    else if (c == 'n') kw = kr_lookahead(lx, "ot");
    if (kw) return true;
    // CPython's check sees a non-ASCII byte as a (negative) char: only
    // ASCII letters, digits and '_' make the literal invalid.
    if (c < 128 && kr_is_ident_char(c)) {
        kr_backup(lx, c);
        KR_LEX_RAISE(lx, "invalid %s literal", kind);
        return false;
    }
    return true;
}

// Digits with single underscores between them. Returns the first char
// after them, or 0 after reporting an error.
static int kr_decimal_tail(KrLexer *lx) {
    int c;
    for (;;) {
        do {
            c = kr_nextc(lx);
        } while (kr_isdigit(c));
        if (c != '_') break;
        c = kr_nextc(lx);
        if (!kr_isdigit(c)) {
            kr_backup(lx, c);
            KR_LEX_RAISE(lx, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

static bool kr_is_base_digit(int c, int base) {
    if (base == 16) return kr_isxdigit(c);
    return c >= '0' && c < '0' + base;
}

// 0x / 0o / 0b literals; c is the char after the prefix letter.
static bool kr_lex_radix(KrLexer *lx, int base, const char *kind) {
    int c = kr_nextc(lx);
    do {
        if (c == '_') c = kr_nextc(lx);
        if (!kr_is_base_digit(c, base)) {
            if (base != 16 && kr_isdigit(c)) {
                KR_LEX_RAISE(lx, "invalid digit '%c' in %s literal", c, kind);
            } else {
                kr_backup(lx, c);
                KR_LEX_RAISE(lx, "invalid %s literal", kind);
            }
            return false;
        }
        do {
            c = kr_nextc(lx);
        } while (kr_is_base_digit(c, base));
    } while (c == '_');
    if (base != 16 && kr_isdigit(c)) {
        KR_LEX_RAISE(lx, "invalid digit '%c' in %s literal", c, kind);
        return false;
    }
    if (!kr_verify_end_of_number(lx, c, kind)) return false;
    kr_backup(lx, c);
    return true;
}

// Fraction, exponent and imaginary suffix; c is the first char after the
// integer part (or after '.', when after_dot).
static bool kr_lex_float_tail(KrLexer *lx, int c, bool after_dot) {
    if (after_dot && kr_isdigit(c)) {
        c = kr_decimal_tail(lx);
        if (c == 0) return false;
    }
    if (c == 'e' || c == 'E') {
        int e = c;
        c = kr_nextc(lx);
        if (c == '+' || c == '-') {
            c = kr_nextc(lx);
            if (!kr_isdigit(c)) {
                kr_backup(lx, c);
                KR_LEX_RAISE(lx, "invalid decimal literal");
                return false;
            }
        } else if (!kr_isdigit(c)) {
            kr_backup(lx, c);
            if (!kr_verify_end_of_number(lx, e, "decimal")) return false;
            kr_backup(lx, e);
            return true;
        }
        c = kr_decimal_tail(lx);
        if (c == 0) return false;
    }
    if (c == 'j' || c == 'J') {
        c = kr_nextc(lx);
        if (!kr_verify_end_of_number(lx, c, "imaginary")) return false;
    } else if (!kr_verify_end_of_number(lx, c, "decimal")) {
        return false;
    }
    kr_backup(lx, c);
    return true;
}

// Numbers starting with '0' that are not 0x/0o/0b.
static bool kr_lex_zero(KrLexer *lx, int c, size_t start) {
    bool nonzero = false;
    for (;;) {
        if (c == '_') {
            c = kr_nextc(lx);
            if (!kr_isdigit(c)) {
                kr_backup(lx, c);
                KR_LEX_RAISE(lx, "invalid decimal literal");
                return false;
            }
        }
        if (c != '0') break;
        c = kr_nextc(lx);
    }
    size_t zeros_end = lx->pos;
    if (kr_isdigit(c)) {
        nonzero = true;
        c = kr_decimal_tail(lx);
        if (c == 0) return false;
    }
    if (c == '.') return kr_lex_float_tail(lx, kr_nextc(lx), true);
    if (c == 'e' || c == 'E' || c == 'j' || c == 'J') return kr_lex_float_tail(lx, c, false);
    if (nonzero) {
        kr_backup(lx, c);
        kr_lex_fail(lx, KR_LEXERR_RAISED, KR_SYNERR_SYNTAX, lx->lineno,
                    (int32_t)(start + 1 - lx->line_start), (int32_t)(zeros_end - lx->line_start),
                    "leading zeros in decimal integer literals are not permitted; "
                    "use an 0o prefix for octal integers");
        return false;
    }
    if (!kr_verify_end_of_number(lx, c, "decimal")) return false;
    kr_backup(lx, c);
    return true;
}

// c is the first digit (or '.' already consumed when from_dot).
static bool kr_lex_number(KrLexer *lx, int c, size_t start, bool from_dot) {
    if (from_dot) return kr_lex_float_tail(lx, c, true);
    if (c == '0') {
        c = kr_nextc(lx);
        if (c == 'x' || c == 'X') return kr_lex_radix(lx, 16, "hexadecimal");
        if (c == 'o' || c == 'O') return kr_lex_radix(lx, 8, "octal");
        if (c == 'b' || c == 'B') return kr_lex_radix(lx, 2, "binary");
        return kr_lex_zero(lx, c, start);
    }
    // The usual case in one scan: plain digits ended by a character that
    // cannot continue a number (a number holds no newline, so kr_nextc's
    // line bookkeeping has nothing to do). Anything else takes the full
    // path from the second digit.
    const unsigned char *src = (const unsigned char *)lx->src;
    size_t p = lx->pos;
    while (p < lx->len && kr_isdigit(src[p])) p++;
    int next = p < lx->len ? src[p] : KR_EOF;
    if (next != KR_EOF && next < 128 && next != '.' && !kr_is_ident_char(next)) {
        lx->pos = p;
        return true;
    }
    c = kr_decimal_tail(lx);
    if (c == 0) return false;
    if (c == '.') return kr_lex_float_tail(lx, kr_nextc(lx), true);
    return kr_lex_float_tail(lx, c, false);
}

// --------------------------------------------------------------- strings --

// Scans a string literal; the opening quote `quote` was just read. The
// token starts at `start` (its prefix). Returns false after an error.
static bool kr_lex_string(KrLexer *lx, int quote, size_t start) {
    int32_t first_line = lx->lineno;
    size_t first_line_start = lx->line_start;
    int quote_size = 1, end_quote_size = 0;
    int c = kr_nextc(lx);
    if (c == quote) {
        c = kr_nextc(lx);
        if (c == quote) quote_size = 3;
        else end_quote_size = 1;  // empty string
    }
    if (c != quote) kr_backup(lx, c);
    const char *src = lx->src;
    while (end_quote_size != quote_size) {
        if (end_quote_size == 0) { // a run of plain characters at once (never a line end)
            size_t p = lx->pos;
            while (p < lx->line_end && src[p] != quote && src[p] != '\\' && src[p] != '\n') p++;
            lx->pos = p;
        }
        c = kr_nextc(lx);
        if (c == KR_EOF || (quote_size == 1 && c == '\n')) {
            int32_t detected = lx->lineno;
            int32_t off = (int32_t)(start + 1 - first_line_start);
            kr_lex_fail(lx, KR_LEXERR_RAISED, KR_SYNERR_SYNTAX, first_line, off, off,
                        quote_size == 3
                            ? "unterminated triple-quoted string literal (detected at line %d)"
                            : "unterminated string literal (detected at line %d)",
                        (int)(detected + lx->line_delta));
            return false;
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\') (void)kr_nextc(lx);  // skip the escaped char
        }
    }
    return true;
}

// ------------------------------------------------------------- operators --

static int kr_two_chars(int c1, int c2) {
    switch (c2) {
    case '=':
        switch (c1) {
        case '!': return KR_TOK_NOTEQUAL;
        case '%': return KR_TOK_PERCENTEQUAL;
        case '&': return KR_TOK_AMPEREQUAL;
        case '*': return KR_TOK_STAREQUAL;
        case '+': return KR_TOK_PLUSEQUAL;
        case '-': return KR_TOK_MINEQUAL;
        case '/': return KR_TOK_SLASHEQUAL;
        case ':': return KR_TOK_COLONEQUAL;
        case '<': return KR_TOK_LESSEQUAL;
        case '=': return KR_TOK_EQEQUAL;
        case '>': return KR_TOK_GREATEREQUAL;
        case '@': return KR_TOK_ATEQUAL;
        case '^': return KR_TOK_CIRCUMFLEXEQUAL;
        case '|': return KR_TOK_VBAREQUAL;
        default: return -1;
        }
    case '*': return c1 == '*' ? KR_TOK_DOUBLESTAR : -1;
    case '/': return c1 == '/' ? KR_TOK_DOUBLESLASH : -1;
    case '<': return c1 == '<' ? KR_TOK_LEFTSHIFT : -1;
    case '>':
        if (c1 == '>') return KR_TOK_RIGHTSHIFT;
        if (c1 == '-') return KR_TOK_RARROW;
        return c1 == '<' ? KR_TOK_UNKNOWN : -1;  // '<>': an error token, as in CPython
    default: return -1;
    }
}

static int kr_three_chars(int c1, int c2, int c3) {
    if (c3 != '=') return -1;
    if (c1 == '*' && c2 == '*') return KR_TOK_DOUBLESTAREQUAL;
    if (c1 == '/' && c2 == '/') return KR_TOK_DOUBLESLASHEQUAL;
    if (c1 == '<' && c2 == '<') return KR_TOK_LEFTSHIFTEQUAL;
    if (c1 == '>' && c2 == '>') return KR_TOK_RIGHTSHIFTEQUAL;
    return -1;
}

// One-character operators by byte (0: none, which is KR_TOK_UNKNOWN).
static const uint8_t kr_one_char[128] = {
    ['('] = KR_TOK_LPAR, [')'] = KR_TOK_RPAR, ['['] = KR_TOK_LSQB, [']'] = KR_TOK_RSQB,
    [':'] = KR_TOK_COLON, [','] = KR_TOK_COMMA, [';'] = KR_TOK_SEMI, ['+'] = KR_TOK_PLUS,
    ['-'] = KR_TOK_MINUS, ['*'] = KR_TOK_STAR, ['/'] = KR_TOK_SLASH, ['|'] = KR_TOK_VBAR,
    ['&'] = KR_TOK_AMPER, ['<'] = KR_TOK_LESS, ['>'] = KR_TOK_GREATER, ['='] = KR_TOK_EQUAL,
    ['.'] = KR_TOK_DOT, ['%'] = KR_TOK_PERCENT, ['{'] = KR_TOK_LBRACE, ['}'] = KR_TOK_RBRACE,
    ['~'] = KR_TOK_TILDE, ['^'] = KR_TOK_CIRCUMFLEX, ['@'] = KR_TOK_AT,
};

// Bracket bookkeeping; false after reporting an error.
static bool kr_lex_paren(KrLexer *lx, int c, size_t start) {
    if (c == '(' || c == '[' || c == '{') {
        if (lx->level >= KR_LEX_MAX_LEVEL) {
            KR_LEX_RAISE(lx, "too many nested parentheses");
            return false;
        }
        lx->parenstack[lx->level] = (char)c;
        lx->parenline[lx->level] = lx->lineno;
        lx->parencol[lx->level] = (int32_t)(start - lx->line_start);
        lx->level++;
        return true;
    }
    if (c != ')' && c != ']' && c != '}') return true;
    if (lx->level == 0) {
        KR_LEX_RAISE(lx, "unmatched '%c'", c);
        return false;
    }
    lx->level--;
    int open = lx->parenstack[lx->level];
    if ((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))
        return true;
    if (lx->parenline[lx->level] != lx->lineno) {
        KR_LEX_RAISE(lx, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                     c, open, (int)(lx->parenline[lx->level] + lx->line_delta));
    } else {
        KR_LEX_RAISE(lx, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
    }
    return false;
}

static bool kr_lex_operator(KrLexer *lx, KrToken *t, int c, size_t start) {
    int c2 = kr_nextc(lx);
    int kind = kr_two_chars(c, c2);
    if (kind >= 0) {
        int c3 = kr_nextc(lx);
        int kind3 = kr_three_chars(c, c2, c3);
        if (kind3 >= 0) kind = kind3;
        else kr_backup(lx, c3);
    } else {
        kr_backup(lx, c2);
        if ((kr_cc(c) & KR_CC_BRACKET) && !kr_lex_paren(lx, c, start)) return false;
        if (c < 0x20 || c == 0x7f) {
            KR_LEX_RAISE(lx, "invalid non-printable character U+%04X", (unsigned)c);
            return false;
        }
        kind = c < 128 && kr_one_char[c] ? kr_one_char[c] : KR_TOK_UNKNOWN;
    }
    kr_tok_fill(lx, t, (KrTokKind)kind, start, lx->pos);
    return true;
}

// ----------------------------------------------------------- identifiers --

// Checks the non-ASCII characters of the identifier src[start..pos).
static KR_NOINLINE bool kr_verify_identifier(KrLexer *lx, size_t start) {
    KrUtf8Err ue;
    if (kr_utf8_find_error(lx->src + start, lx->pos - start, &ue)) {
        char msg[KR_SYNERR_MSG_MAX];
        kr_utf8_error_msg(msg, sizeof msg, lx->src + start, &ue, 0);
        kr_lex_fail(lx, KR_LEXERR_RAISED, KR_SYNERR_SYNTAX, lx->lineno,
                    (int32_t)(lx->pos - lx->line_start), -1, "%s", msg);
        return false;
    }
    size_t i = start;
    while (i < lx->pos) {
        if ((unsigned char)lx->src[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp = kr_utf8_decode(lx->src, lx->pos, &i);
        if (kr_lex_ident_char_ok(cp)) continue;
        lx->pos = i;  // CPython points just past the bad character
        if (kr_lex_cp_nonprintable(cp)) {
            KR_LEX_RAISE(lx, "invalid non-printable character U+%04X", (unsigned)cp);
        } else {
            char enc[5] = {0};
            kr_utf8_encode(cp, enc);
            KR_LEX_RAISE(lx, "invalid character '%s' (U+%04X)", enc, (unsigned)cp);
        }
        return false;
    }
    return true;
}

// Names and string prefixes. Returns false after an error.
static bool kr_lex_name(KrLexer *lx, KrToken *t, int c, size_t start) {
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    while (kr_cc(c) & KR_CC_PREFIX) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) saw_b = true;
        else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) saw_u = true;
        else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) saw_r = true;
        else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) saw_f = true;
        else break;
        c = kr_nextc(lx);
        if (c == '"' || c == '\'') {
            int32_t line = lx->lineno;
            size_t ls = lx->line_start;
            if (!kr_lex_string(lx, c, start)) return false;
            kr_tok_fill_string(lx, t, start, line, ls);
            return true;
        }
    }
    // the rest of the name in one scan: a name holds no newline, so the
    // line bookkeeping of kr_nextc has nothing to do, and the source's
    // final '\n' ends the scan at the latest; `bytes` ORs them together
    // to tell whether any is non-ASCII
    unsigned bytes = c >= 0 ? (unsigned)c : 0;
    if (kr_is_ident_char(c)) {
        const unsigned char *src = (const unsigned char *)lx->src;
        size_t p = lx->pos;
        for (; kr_cclass[src[p]] & (KR_CC_START | KR_CC_DIGIT); p++) bytes |= src[p];
        lx->pos = p;
    } else {
        kr_backup(lx, c);
    }
    if ((bytes & 0x80) && !kr_verify_identifier(lx, start)) return false;
    kr_tok_fill(lx, t, KR_TOK_NAME, start, lx->pos);
    t->kw = (uint8_t)kr_keyword_of(lx->src + start, lx->pos - start);
    return true;
}

// --------------------------------------------------------------- driver --

// Skips spaces and a comment; returns the first significant char.
// *start is where the token begins: a NEWLINE after a comment starts at
// the '#', as in CPython.
static int kr_skip_blanks(KrLexer *lx, size_t *start) {
    int c = kr_nextc(lx);
    if (c == ' ' || c == '\t' || c == '\f') { // blanks are never a line end
        size_t p = lx->pos;
        while (p < lx->line_end && (lx->src[p] == ' ' || lx->src[p] == '\t' || lx->src[p] == '\f')) p++;
        lx->pos = p;
        c = kr_nextc(lx);
    }
    *start = lx->pos - (c != KR_EOF);
    if (c == '#') { // to the end of the line in one scan
        const char *nl = memchr(lx->src + lx->pos, '\n', lx->len - lx->pos);
        if (nl) {
            lx->pos = (size_t)(nl - lx->src) + 1;
            c = '\n';
        } else {
            lx->pos = lx->len;
            c = kr_nextc(lx); // KR_EOF
        }
    }
    return c;
}

static KR_NOINLINE void kr_lex_eof(KrLexer *lx, KrToken *t) {
    if (lx->level > 0) {
        int32_t l = lx->parenline[lx->level - 1];
        kr_lex_fail(lx, KR_LEXERR_EOF, KR_SYNERR_SYNTAX, l, lx->parencol[lx->level - 1] + 1,
                    0, "'%c' was never closed", lx->parenstack[lx->level - 1]);
        kr_make_error_tok(lx, t);
        return;
    }
    kr_tok_fill_nopos(lx, t, KR_TOK_ENDMARKER);
}

// '.', '...' or a number like '.5'; the '.' was just read.
static bool kr_lex_dot(KrLexer *lx, KrToken *t, size_t start) {
    int c2 = kr_nextc(lx);
    if (kr_isdigit(c2)) {
        if (!kr_lex_number(lx, c2, start, true)) return false;
        kr_tok_fill(lx, t, KR_TOK_NUMBER, start, lx->pos);
        return true;
    }
    if (c2 == '.' && kr_lookahead(lx, ".")) {
        lx->pos++;
        kr_tok_fill(lx, t, KR_TOK_ELLIPSIS, start, lx->pos);
        return true;
    }
    kr_backup(lx, c2);
    kr_tok_fill(lx, t, KR_TOK_DOT, start, lx->pos);
    return true;
}

// A backslash continuation; false after an error.
static KR_NOINLINE bool kr_lex_continuation(KrLexer *lx) {
    int c = kr_nextc(lx);
    if (c != '\n') {
        // CPython measures this one from the start of the first physical
        // line of the backslash-joined line, in characters.
        size_t base = lx->cont_start < lx->pos ? lx->cont_start : lx->line_start;
        kr_lex_fail(lx, KR_LEXERR_LINECONT, KR_SYNERR_SYNTAX, lx->lineno,
                    (int32_t)kr_utf8_count_replace(lx->src + base, lx->pos - base), 0,
                    "unexpected character after line continuation character");
        lx->err_in_chars = true;
        return false;
    }
    c = kr_nextc(lx);
    if (c == KR_EOF) {
        kr_lex_fail(lx, KR_LEXERR_EOF, KR_SYNERR_SYNTAX, lx->lineno,
                    (int32_t)(lx->len - lx->line_start), -1, "unexpected EOF while parsing");
        return false;
    }
    kr_backup(lx, c);
    return true;
}

// One significant token after indentation handling. Returns false when an
// error was reported.
static bool kr_lex_token(KrLexer *lx, KrToken *t, bool blank) {
    size_t start;
    int c;
    for (;;) {
        c = kr_skip_blanks(lx, &start);
        if (c == KR_EOF) {
            kr_lex_eof(lx, t);
            return lx->err_code == KR_LEXERR_NONE;
        }
        int cc = kr_cc(c);
        if (cc & KR_CC_START) return kr_lex_name(lx, t, c, start);
        if (cc & KR_CC_OP) break;
        if (cc & KR_CC_DIGIT) {
            if (!kr_lex_number(lx, c, start, false)) return false;
            kr_tok_fill(lx, t, KR_TOK_NUMBER, start, lx->pos);
            return true;
        }
        if (c == '\n') {
            lx->atbol = true;
            if (blank || lx->level > 0) return true;  // caller loops: no token
            kr_tok_fill(lx, t, KR_TOK_NEWLINE, start, lx->pos - 1);
            return true;
        }
        if (c == '.') return kr_lex_dot(lx, t, start);
        if (c == '"' || c == '\'') {
            int32_t line = lx->lineno;
            size_t ls = lx->line_start;
            if (!kr_lex_string(lx, c, start)) return false;
            kr_tok_fill_string(lx, t, start, line, ls);
            return true;
        }
        if (c == '\\') {
            if (!kr_lex_continuation(lx)) return false;
            blank = false;
            continue;
        }
        break; // an operator, or a character no rule accepts
    }
    return kr_lex_operator(lx, t, c, start);
}

// Called once per token: the rare paths (errors, EOF, continuation lines,
// non-ASCII names) are KR_NOINLINE so that they do not enlarge its frame.
void kr_lex_next(KrLexer *lx, KrToken *t) {
    if (lx->err_code != KR_LEXERR_NONE) {
        kr_make_error_tok(lx, t);
        return;
    }
    for (;;) {
        bool blank = false;
        if (lx->atbol) {
            lx->atbol = false;
            lx->cont_start = lx->pos;
            blank = kr_lex_indentation(lx);
            if (lx->err_code != KR_LEXERR_NONE) break;
        }
        if (lx->pendin != 0) {
            kr_tok_fill_nopos(lx, t, lx->pendin < 0 ? KR_TOK_DEDENT : KR_TOK_INDENT);
            lx->pendin += lx->pendin < 0 ? 1 : -1;
            return;
        }
        t->kind = KR_TOK_COUNT_;  // marks "no token yet"
        if (!kr_lex_token(lx, t, blank)) break;
        if (t->kind != KR_TOK_COUNT_) return;
    }
    kr_make_error_tok(lx, t);
}

// ------------------------------------------------------------- normalise --

char *kr_lex_normalize(KrArena *a, const char *src, size_t len, bool add_final_newline,
                       size_t *out_len) {
    size_t cap;
    if (!kr_size_add(len, 1, &cap)) return NULL;
    char *out = kr_arena_alloc_uninit(a, cap + 1); // written below up to its NUL
    if (!out) return NULL;
    size_t n = 0;
    const char *cr = len ? memchr(src, '\r', len) : NULL;
    if (!cr) { // the usual case: nothing to rewrite
        if (len) memcpy(out, src, len);
        n = len;
        len = 0;
    }
    for (size_t i = 0; i < len; i++) {
        char c = src[i];
        if (c == '\r') {
            c = '\n';
            if (i + 1 < len && src[i + 1] == '\n') i++;
        }
        out[n++] = c;
    }
    if (add_final_newline && (n == 0 || out[n - 1] != '\n')) out[n++] = '\n';
    out[n] = 0;
    *out_len = n;
    return out;
}
