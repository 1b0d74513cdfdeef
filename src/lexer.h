// lexer.h: Python 3.11 tokenizer (used by the parser; not a public API).
//
// Produces tokens one at a time, on demand, the way CPython's C tokenizer
// does (INDENT/DEDENT, NEWLINE only at bracket level 0, strings as one
// token whose contents the parser decodes). Token locations follow
// CPython: lines 1-based, columns 0-based UTF-8 byte offsets.
//
// The lexer works on a *normalised* source: '\r\n' and '\r' already turned
// into '\n' and a final '\n' present (kr_lex_normalize does that, as
// CPython's translate_newlines does). It never reads outside src[0..len).
#ifndef KR_LEXER_H
#define KR_LEXER_H

#include "ast.h"

#define KR_LEX_MAX_INDENT 100  // CPython's MAXINDENT
#define KR_LEX_MAX_LEVEL 200   // CPython's MAXLEVEL (bracket nesting)

// Operator tokens: X(NAME, "text").
#define KR_TOK_OPS(X)                                                      \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(COLON, ":")      \
    X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*")     \
    X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">")  \
    X(EQUAL, "=") X(DOT, ".") X(PERCENT, "%") X(LBRACE, "{")               \
    X(RBRACE, "}") X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=")   \
    X(GREATEREQUAL, ">=") X(TILDE, "~") X(CIRCUMFLEX, "^")                 \
    X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**")             \
    X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") X(STAREQUAL, "*=")                \
    X(SLASHEQUAL, "/=") X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=")          \
    X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=")   \
    X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=")                    \
    X(DOUBLESLASH, "//") X(DOUBLESLASHEQUAL, "//=") X(AT, "@")             \
    X(ATEQUAL, "@=") X(RARROW, "->") X(ELLIPSIS, "...")                    \
    X(COLONEQUAL, ":=")

typedef enum KrTokKind {
    KR_TOK_ENDMARKER,
    KR_TOK_NAME,
    KR_TOK_NUMBER,
    KR_TOK_STRING,
    KR_TOK_NEWLINE,
    KR_TOK_INDENT,
    KR_TOK_DEDENT,
    KR_TOK_ERROR,    // see KrLexer.err
    KR_TOK_UNKNOWN,  // a printable character no rule accepts ('$', '?', '!', '`')
#define KR_X_TOK_ENUM(name, text) KR_TOK_##name,
    KR_TOK_OPS(KR_X_TOK_ENUM)
#undef KR_X_TOK_ENUM
    KR_TOK_COUNT_
} KrTokKind;

// Keywords (NAME tokens carry one of these in `kw`). Soft keywords
// (match, case, _) are plain names.
#define KR_KEYWORDS(X)                                                     \
    X(FALSE, "False") X(NONE, "None") X(TRUE, "True") X(AND, "and")        \
    X(AS, "as") X(ASSERT, "assert") X(ASYNC, "async") X(AWAIT, "await")    \
    X(BREAK, "break") X(CLASS, "class") X(CONTINUE, "continue")            \
    X(DEF, "def") X(DEL, "del") X(ELIF, "elif") X(ELSE, "else")            \
    X(EXCEPT, "except") X(FINALLY, "finally") X(FOR, "for")                \
    X(FROM, "from") X(GLOBAL, "global") X(IF, "if") X(IMPORT, "import")    \
    X(IN, "in") X(IS, "is") X(LAMBDA, "lambda") X(NONLOCAL, "nonlocal")    \
    X(NOT, "not") X(OR, "or") X(PASS, "pass") X(RAISE, "raise")            \
    X(RETURN, "return") X(TRY, "try") X(WHILE, "while") X(WITH, "with")    \
    X(YIELD, "yield")

typedef enum KrKeyword {
    KR_KW_NONE_ = 0,  // not a keyword
#define KR_X_KW_ENUM(name, text) KR_KW_##name,
    KR_KEYWORDS(KR_X_KW_ENUM)
#undef KR_X_KW_ENUM
    KR_KW_COUNT_
} KrKeyword;

typedef struct KrToken {
    uint8_t kind;        // KrTokKind
    uint8_t kw;          // KrKeyword for NAME
    int16_t level;       // bracket depth after this token
    uint32_t start;      // byte range in the lexer's source
    uint32_t end;
    int32_t lineno;      // CPython's token location; col -1 when CPython
    int32_t col;         // has none (INDENT, DEDENT, ENDMARKER)
    int32_t end_lineno;
    int32_t end_col;
    int32_t cur_col;     // lexer's column just after producing the token
                         // (CPython uses it for errors at col -1 tokens;
                         // only those set it)
} KrToken;

// How a lexer error reaches the user, mirroring CPython: RAISED errors
// are raised at once by the tokenizer (and also override a later parser
// error); the others are only reported when the parser reaches the token.
typedef enum KrLexErrCode {
    KR_LEXERR_NONE = 0,
    KR_LEXERR_RAISED,
    KR_LEXERR_EOF,        // EOF inside brackets or after a '\'
    KR_LEXERR_DEDENT,     // unindent does not match any outer level
    KR_LEXERR_TAB,        // inconsistent use of tabs and spaces
    KR_LEXERR_TOODEEP,    // too many levels of indentation
    KR_LEXERR_LINECONT    // unexpected character after line continuation
} KrLexErrCode;

// err.offset/end_offset here are *byte* counts into line err.lineno: the
// reported (character) offset is the number of characters in that many
// leading bytes of the line (CPython's convention); values <= 0 are kept.
typedef struct KrLexer {
    const char *src;
    size_t len;
    size_t pos;
    size_t line_start;         // byte index where the current line starts
    size_t line_end;           // just past the current line's '\n' (or len):
                               // kr_nextc has bookkeeping to do only there
    int32_t lineno;            // line of `pos` (raw, before line_delta)
    int32_t line_delta;        // added to line numbers (f-string parts)
    int32_t col_shift;         // added to columns on raw line 1 (f-strings)
    int32_t tok_lineno;        // lineno + line_delta
    int32_t tok_shift;         // col_shift on raw line 1, else 0
    bool atbol;                // at the beginning of a line
    int pendin;                // pending INDENT (>0) or DEDENT (<0) tokens
    int indent;                // top of indstack
    int level;                 // bracket depth
    size_t cont_start;         // start of the current logical line
    KrLexErrCode err_code;
    KrSyntaxErr err;
    bool err_in_chars;         // err offsets are already in characters
    // the stacks (2.6 KB) last: kr_lex_init clears only what precedes
    // them; an entry is written before it is read (indstack[0] excepted)
    int indstack[KR_LEX_MAX_INDENT];
    int altindstack[KR_LEX_MAX_INDENT];
    char parenstack[KR_LEX_MAX_LEVEL];
    int32_t parenline[KR_LEX_MAX_LEVEL];
    int32_t parencol[KR_LEX_MAX_LEVEL];
} KrLexer;

// src must be normalised (see above) and end in '\n': the name scan stops
// there without a bound test. line_delta/col_shift are 0 except for
// f-string expression parts.
void kr_lex_init(KrLexer *lx, const char *src, size_t len, int32_t line_delta,
                 int32_t col_shift);

// Produces the next token. After KR_TOK_ERROR the lexer stays in error and
// keeps returning KR_TOK_ERROR.
void kr_lex_next(KrLexer *lx, KrToken *tok);

// Copies src into the arena with newlines normalised and a trailing '\n'
// added when add_final_newline and missing. Returns NULL on allocation
// failure. *out_len receives the new length.
char *kr_lex_normalize(KrArena *a, const char *src, size_t len,
                       bool add_final_newline, size_t *out_len);

// Text of an operator token kind ("+=") or a generic name ("NAME").
const char *kr_tok_text(KrTokKind kind);

// True if cp can appear in an identifier. Without a Unicode table every
// code point >= 0x80 is accepted except a small list of common
// punctuation, symbols and spaces (see lexer.c).
bool kr_lex_ident_char_ok(uint32_t cp);

// UTF-8 checking with the exact semantics of Python's strict decoder, for
// its error messages ("invalid start byte", ...) and of its "replace"
// mode, for counting characters in possibly invalid text.
typedef struct KrUtf8Err {
    size_t start, end;   // the undecodable bytes
    const char *reason;
} KrUtf8Err;

// Finds the first decoding error in s[0..n); false if the text is valid.
bool kr_utf8_find_error(const char *s, size_t n, KrUtf8Err *e);
// Number of characters Python's "replace" decoding of s[0..n) yields.
size_t kr_utf8_count_replace(const char *s, size_t n);
// Formats CPython's "(unicode error) 'utf-8' codec can't decode ..." text.
void kr_utf8_error_msg(char *buf, size_t size, const char *s, const KrUtf8Err *e, size_t base);

// True for the code points we know CPython's str.isprintable() rejects
// (>= 0x80 only; same limited knowledge as above).
bool kr_lex_cp_nonprintable(uint32_t cp);

#endif
