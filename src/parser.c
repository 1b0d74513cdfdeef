// parser.c: recursive descent parser for Python 3.11 (see parser.h).
//
// Structure: token access and error helpers; literals (numbers, strings,
// f-strings); expressions; assignment targets; statements; match
// patterns; entry points.
//
// Error reporting mimics CPython's PEG parser: a generic "invalid syntax"
// points at the furthest token the parser fetched; the specific messages
// of CPython's invalid_* rules are produced where this parser notices the
// same situation. After a parser error the rest of the source is still
// tokenized, and a tokenizer error found there replaces it (as CPython).
#include "parser.h"
#include "lexer.h"
#include "unicode_names.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

// Bound on nested parse calls (each counted function is one unit). With
// the lexer's 200-bracket limit this keeps C stack use bounded (well under
// 1 MB); deep unary chains like `------x` hit it as "too complex statement".
#define KR_PARSE_MAX_DEPTH 1000
// Total parse steps all probes of one parse may take (see kr_p_enter).
#define KR_PROBE_BUDGET 100000
// f-string format specs may nest one level (CPython's limit).
#define KR_FSTRING_MAX_NEST 2

typedef struct KrParser KrParser;

struct KrParser {
    KrArena *arena;
    KrAllocator alloc;          // for the token array
    KrLexer *lx;
    const char *src;            // normalised source this parser lexes
    size_t len;
    KrToken **blocks;           // tokens, in fixed blocks so that pointers
    size_t nblocks;             // to them stay valid as more are fetched
    KrArena *tok_arena;         // the root parser's tokens live in the arena;
                                // an f-string part's are freed after it
    size_t ntoks;               // tokens fetched so far (CPython's fill)
    bool lex_done;              // the last one is ENDMARKER or ERROR
    size_t pos;                 // current token (CPython's mark): set
                                // through kr_p_seek, which drops `cur`
    KrToken *cur;               // the token at pos once peeked, else NULL
    int *depth;                 // shared by f-string sub-parsers
    long *probe_steps;          // shared: work done inside probes
    long *nodes;                // shared: expression and pattern nodes made
                                // (kr_p_check_depth skips the trees of
                                // fewer nodes than its depth bound)
    KrSyntaxErr *err;
    bool *failed;               // shared: an error is set
    bool *hard;                 // shared: the error cannot be backtracked
                                // (tokenizer, memory, string literal)
    bool *first_pass;           // shared: raised where CPython's first
                                // pass would raise it (not an invalid_* rule)
    bool match_newline;         // saw `match x` NEWLINE parsed as a statement
    bool no_rest_check;         // error stands even if the rest fails to lex
    bool rest_from_furthest;    // the rest check measures from `furthest`
    bool fstring;               // parsing an f-string expression part
    int32_t col_shift;          // f-string: CPython's starting_col_offset
    int32_t line_delta;
    bool lex_failed;            // the error came from the tokenizer
    int probe;                  // >0 while checking for a better message
                                // (no furthest-token updates, PEG-like)
    int quiet;                  // >0: CPython's invalid_* rules are off
    size_t furthest;            // tokens seen outside probes (for errors)
    KrToken dummy;              // returned when no token can be had
};

typedef struct KrPVec {
    void **items;
    size_t count;
    size_t cap;
} KrPVec;

// ------------------------------------------------------------- errors --

// CPython reports columns in characters: the number of characters in the
// first `nbytes` bytes of the error line (nbytes <= 0 is kept). The line
// text includes its '\n' only when it is the tokenizer's current line, and
// a count past the end takes one more character (CPython decodes the
// terminating NUL), so both are mimicked.
static int32_t kr_p_chars(const char *src, size_t len, int32_t line, int32_t nbytes, bool with_nl) {
    if (nbytes <= 0 || line < 1) return nbytes;
    size_t i = 0;
    for (int32_t l = 1; l < line && i < len; i++)
        if (src[i] == '\n') l++;
    size_t end = i;
    while (end < len && src[end] != '\n') end++;
    if (with_nl && end < len) end++;
    size_t n = end - i;
    if ((size_t)nbytes > n + 1) nbytes = (int32_t)(n + 1);
    size_t take = (size_t)nbytes < n ? (size_t)nbytes : n;
    size_t chars = kr_utf8_count_replace(src + i, take);
    return (int32_t)(chars + ((size_t)nbytes > n ? 1 : 0));
}

// Sets the error unless one is set. Offsets are CPython's 1-based byte
// columns, converted to characters here on line `lineno` of this parser's
// own source (an f-string part has its own, shifted by line_delta).
static void kr_p_set_error(KrParser *p, KrSyntaxErrKind kind, int32_t lineno, int32_t off,
                           int32_t end_lineno, int32_t end_off, const char *msg) {
    if (*p->failed) return;
    *p->failed = true;
    KrSyntaxErr *e = p->err;
    e->kind = kind;
    const char *prefix = p->fstring && !p->lex_failed ? "f-string: " : "";
    snprintf(e->msg, sizeof e->msg, "%s%s", prefix, msg);
    if (p->fstring && !p->lex_failed) {
        off -= p->col_shift;
        if (end_off > 0) end_off -= p->col_shift;
    }
    e->lineno = lineno;
    e->end_lineno = end_lineno;
    bool cur = p->lx->lineno + p->line_delta <= lineno;
    e->offset = kr_p_chars(p->src, p->len, lineno - p->line_delta, off, cur);
    e->end_offset = kr_p_chars(p->src, p->len, lineno - p->line_delta, end_off, cur);
}

static void kr_p_vformat(char *buf, size_t n, const char *fmt, va_list ap) {
    vsnprintf(buf, n, fmt, ap);
}

static void kr_p_error_range(KrParser *p, const KrAstLoc *a, const KrAstLoc *b, const char *fmt, ...)
    __attribute__((format(printf, 4, 5))) KR_COLD;

// Error spanning from a's start to b's end (CPython's KNOWN_RANGE).
static void kr_p_error_range(KrParser *p, const KrAstLoc *a, const KrAstLoc *b, const char *fmt, ...) {
    char msg[KR_SYNERR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    kr_p_vformat(msg, sizeof msg, fmt, ap);
    va_end(ap);
    kr_p_set_error(p, KR_SYNERR_SYNTAX, a->lineno, a->col_offset + 1, b->end_lineno,
                   b->end_col_offset + 1, msg);
}

static void kr_p_error_tok(KrParser *p, KrSyntaxErrKind kind, const KrToken *t, const char *fmt, ...)
    __attribute__((format(printf, 4, 5))) KR_COLD;

// Error at a token, computed as CPython's _PyPegen_raise_error does
// (tokens without a column use the tokenizer position instead).
static void kr_p_error_tok(KrParser *p, KrSyntaxErrKind kind, const KrToken *t, const char *fmt, ...) {
    char msg[KR_SYNERR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    kr_p_vformat(msg, sizeof msg, fmt, ap);
    va_end(ap);
    bool nopos = t->kind == KR_TOK_INDENT || t->kind == KR_TOK_DEDENT ||
                 t->kind == KR_TOK_ENDMARKER || t->kind == KR_TOK_ERROR;
    int32_t off = nopos ? t->cur_col : t->col + 1;
    int32_t end = nopos ? -1 : t->end_col + 1;
    kr_p_set_error(p, kind, t->lineno, off, t->end_lineno, end, msg);
    if (nopos && t->start >= p->len && p->err->kind == kind) p->err->at_end = true;
}

static KR_COLD void kr_p_nomem(KrParser *p) {
    if (*p->failed) return;
    *p->failed = true;
    memset(p->err, 0, sizeof *p->err);
    p->err->kind = KR_SYNERR_MEMORY;
    snprintf(p->err->msg, sizeof p->err->msg, "out of memory while parsing");
}

// Copies the lexer's error (its offsets are byte counts on its line).
static KR_COLD void kr_p_lex_error(KrParser *p) {
    if (*p->failed) return;
    p->lex_failed = true;
    *p->hard = *p->first_pass = true;
    const KrSyntaxErr *le = &p->lx->err;
    kr_p_set_error(p, le->kind, le->lineno, le->offset, le->end_lineno, le->end_offset, le->msg);
    if (p->lx->err_in_chars) {
        p->err->offset = le->offset;
        p->err->end_offset = le->end_offset;
    }
}

// ------------------------------------------------------------- tokens --

#define KR_TOK_BLOCK 32 // tokens per block: 1 KB, within malloc's fast per-thread cache

static KrToken *kr_tok(const KrParser *p, size_t i) {
    return &p->blocks[i / KR_TOK_BLOCK][i % KR_TOK_BLOCK];
}

// Adds a block of token storage (the block table grows by doubling). Out
// of line, so that the fetch path calling it stays small.
static KR_NOINLINE bool kr_p_grow_tokens(KrParser *p) {
    size_t n = p->nblocks;
    size_t blockbytes = KR_TOK_BLOCK * sizeof(KrToken);
    if ((n & (n - 1)) == 0) {  // n is 0 or a power of two: table is full
        size_t ncap = n ? n * 2 : 1, bytes, old = n * sizeof(KrToken *);
        if (!kr_size_mul(ncap, sizeof(KrToken *), &bytes)) return false;
        KrToken **nb;
        if (p->tok_arena) {
            nb = kr_arena_alloc_uninit(p->tok_arena, bytes);
            if (nb && n) memcpy(nb, p->blocks, old);
        } else {
            nb = p->alloc.fn(p->alloc.ud, p->blocks, old, bytes);
        }
        if (!nb) return false;
        p->blocks = nb;
    }
    KrToken *b = p->tok_arena ? kr_arena_alloc_uninit(p->tok_arena, blockbytes)
                              : p->alloc.fn(p->alloc.ud, NULL, 0, blockbytes);
    if (!b) return false;
    p->blocks[p->nblocks++] = b;
    return true;
}

static void kr_p_free_tokens(KrParser *p) {
    if (!p->tok_arena) {
        for (size_t i = 0; i < p->nblocks; i++)
            p->alloc.fn(p->alloc.ud, p->blocks[i], KR_TOK_BLOCK * sizeof(KrToken), 0);
        size_t cap = 1;
        while (cap < p->nblocks) cap *= 2;
        if (p->blocks) p->alloc.fn(p->alloc.ud, p->blocks, cap * sizeof(KrToken *), 0);
    }
    p->blocks = NULL;
    p->nblocks = 0;
}

// Lexes the next token into storage; NULL after an error (or when the
// lexer had already ended).
static KrToken *kr_p_fetch(KrParser *p) {
    if (p->lex_done) return NULL;
    if (p->ntoks == p->nblocks * KR_TOK_BLOCK && !kr_p_grow_tokens(p)) {
        kr_p_nomem(p);
        return NULL;
    }
    KrToken *t = kr_tok(p, p->ntoks++);
    kr_lex_next(p->lx, t);
    if (KR_LIKELY(t->kind != KR_TOK_ENDMARKER && t->kind != KR_TOK_ERROR)) return t;
    p->lex_done = true;
    if (t->kind == KR_TOK_ENDMARKER) return t;
    kr_p_lex_error(p);
    return NULL;
}

// The token k places after the current one (fetching as needed). On
// failure returns a harmless ERROR token with the error set.
static KrToken *kr_p_la_slow(KrParser *p, size_t k) {
    size_t want = p->pos + k;
    KrToken *t = NULL;
    while (p->ntoks <= want && (t = kr_p_fetch(p)) != NULL) {
    }
    if (want < p->ntoks) {
        if (!p->probe && want + 1 > p->furthest) p->furthest = want + 1;
        return t && want + 1 == p->ntoks ? t : kr_tok(p, want);
    }
    if (!p->probe && p->ntoks > p->furthest) p->furthest = p->ntoks;
    if (p->ntoks > 0) return kr_tok(p, p->ntoks - 1);  // ENDMARKER / ERROR repeats
    p->dummy.kind = KR_TOK_ERROR;
    return &p->dummy;
}

// The fast case inline: the parser peeks at fetched tokens all the time.
static inline KrToken *kr_p_la(KrParser *p, size_t k) {
    size_t want = p->pos + k;
    if (want >= p->ntoks) return kr_p_la_slow(p, k);
    if (!p->probe && want >= p->furthest) p->furthest = want + 1;
    return kr_tok(p, want);
}

static void kr_p_seek(KrParser *p, size_t pos) {
    p->pos = pos;
    p->cur = NULL;
}

// The current token: the parser peeks at it many times before moving on,
// so it is kept at hand, but only once `furthest` is past it: then a peek
// has nothing to update (furthest never decreases, and moving clears cur).
static KrToken *kr_p_peek_slow(KrParser *p) {
    KrToken *t = kr_p_la(p, 0);
    if (p->pos < p->ntoks && p->furthest > p->pos) p->cur = t;
    return t;
}

static inline KR_ALWAYS_INLINE KrToken *kr_p_peek(KrParser *p) {
    KrToken *t = p->cur;
    return t ? t : kr_p_peek_slow(p);
}

static inline KR_ALWAYS_INLINE KrTokKind kr_p_kind(KrParser *p) { return (KrTokKind)kr_p_peek(p)->kind; }

static inline KR_ALWAYS_INLINE bool kr_p_at(KrParser *p, KrTokKind k) { return kr_p_kind(p) == k; }

static inline KR_ALWAYS_INLINE bool kr_p_at_kw(KrParser *p, KrKeyword kw) {
    KrToken *t = kr_p_peek(p);
    return t->kind == KR_TOK_NAME && t->kw == kw;
}

static bool kr_tok_is_kw(const KrToken *t, KrKeyword kw) {
    return t->kind == KR_TOK_NAME && t->kw == kw;
}

// A NAME that is not a keyword (soft keywords are plain names).
static bool kr_tok_is_name(const KrToken *t) {
    return t->kind == KR_TOK_NAME && t->kw == KR_KW_NONE_;
}

static bool kr_tok_text_is(const KrParser *p, const KrToken *t, const char *s) {
    size_t n = strlen(s);
    return t->end - t->start == n && memcmp(p->src + t->start, s, n) == 0;
}

static inline KR_ALWAYS_INLINE KrToken *kr_p_next(KrParser *p) {
    KrToken *t = kr_p_peek(p);
    if (p->pos < p->ntoks && t->kind != KR_TOK_ENDMARKER && t->kind != KR_TOK_ERROR) kr_p_seek(p, p->pos + 1);
    return t;
}

static inline KR_ALWAYS_INLINE bool kr_p_accept(KrParser *p, KrTokKind k) {
    if (!kr_p_at(p, k)) return false;
    kr_p_next(p);
    return true;
}

static inline KR_ALWAYS_INLINE bool kr_p_accept_kw(KrParser *p, KrKeyword kw) {
    if (!kr_p_at_kw(p, kw)) return false;
    kr_p_next(p);
    return true;
}

// The furthest token fetched outside probes: CPython's first pass ends
// there, and its generic "invalid syntax" points at it.
static KrToken *kr_p_furthest_tok(KrParser *p) {
    if (p->ntoks == 0) (void)kr_p_peek(p);
    size_t n = p->furthest ? p->furthest : p->ntoks;
    return n ? kr_tok(p, n - 1) : &p->dummy;
}

// The last token fetched at all (CPython's p->fill - 1): where its
// RAISE_SYNTAX_ERROR puts errors.
static KrToken *kr_p_last_fetched(KrParser *p) {
    if (p->ntoks == 0) (void)kr_p_peek(p);
    return p->ntoks ? kr_tok(p, p->ntoks - 1) : &p->dummy;
}

// "invalid syntax" at the furthest token, unless an error is set.
static KR_COLD void kr_p_invalid(KrParser *p) {
    if (*p->failed) return;
    KrToken *t = kr_p_furthest_tok(p);
    if (t->kind == KR_TOK_INDENT || t->kind == KR_TOK_DEDENT) {
        kr_p_error_tok(p, KR_SYNERR_INDENTATION, t,
                       t->kind == KR_TOK_INDENT ? "unexpected indent" : "unexpected unindent");
        p->no_rest_check = true;  // CPython returns before tokenizing the rest
        return;
    }
    kr_p_set_error(p, KR_SYNERR_SYNTAX, t->lineno, t->col + 1, t->end_lineno, t->end_col + 1,
                   "invalid syntax");
}

// Generic error at the last fetched token with a specific message
// (CPython's RAISE_SYNTAX_ERROR).
static KR_COLD void kr_p_error_last(KrParser *p, KrSyntaxErrKind kind, const char *msg) {
    kr_p_error_tok(p, kind, kr_p_last_fetched(p), "%s", msg);
}

static KrToken *kr_p_expect(KrParser *p, KrTokKind k) {
    if (kr_p_at(p, k)) return kr_p_next(p);
    kr_p_invalid(p);
    return NULL;
}

// Last consumed token that is not NEWLINE/INDENT/DEDENT/ENDMARKER
// (CPython ends every node there).
static const KrToken *kr_p_last_real(KrParser *p) {
    size_t m = p->pos;
    while (m > 0) {
        const KrToken *t = kr_tok(p, m - 1);
        if (t->kind != KR_TOK_NEWLINE && t->kind != KR_TOK_INDENT &&
            t->kind != KR_TOK_DEDENT && t->kind != KR_TOK_ENDMARKER)
            return t;
        m--;
    }
    return m < p->ntoks ? kr_tok(p, 0) : &p->dummy;
}

// Location from token index `start` to the last consumed real token.
static KrAstLoc kr_p_loc_from(KrParser *p, size_t start) {
    KrAstLoc l;
    const KrToken *s = start < p->ntoks ? kr_tok(p, start) : &p->dummy;
    const KrToken *e = kr_p_last_real(p);
    l.lineno = s->lineno;
    l.col_offset = s->col;
    l.end_lineno = e->end_lineno;
    l.end_col_offset = e->end_col;
    return l;
}

static KrAstLoc kr_tok_loc(const KrToken *t) {
    KrAstLoc l = {t->lineno, t->col, t->end_lineno, t->end_col};
    return l;
}

// ------------------------------------------------------------- depth --

static bool kr_p_enter(KrParser *p) {
    // Probes only choose messages; past their budget they simply fail, so
    // nested re-parsing can never take more than linear time overall.
    if (p->probe && ++*p->probe_steps > KR_PROBE_BUDGET) {
        ++*p->depth;
        kr_p_invalid(p);
        return false;
    }
    if (++*p->depth > KR_PARSE_MAX_DEPTH) {
        kr_p_error_last(p, KR_SYNERR_SYNTAX, "too complex statement");
        *p->hard = *p->first_pass = true;
        return false;
    }
    return !*p->failed;
}

static void kr_p_leave(KrParser *p) { --*p->depth; }

// -------------------------------------------------------- allocation --

static void *kr_p_alloc(KrParser *p, size_t size) {
    void *x = kr_arena_alloc(p->arena, size);
    if (!x) kr_p_nomem(p);
    return x;
}

static KR_NOINLINE bool kr_pvec_grow(KrParser *p, KrPVec *v) {
    size_t ncap = v->cap ? v->cap * 2 : 4;
    void **ni = kr_arena_array_uninit(p->arena, ncap, sizeof(void *)); // items are written before read
    if (!ni) {
        kr_p_nomem(p);
        return false;
    }
    if (v->count) memcpy(ni, v->items, v->count * sizeof(void *));
    v->items = ni;
    v->cap = ncap;
    return true;
}

// Appends x (the growing out of line, so that this stays small).
static bool kr_pvec_push(KrParser *p, KrPVec *v, void *x) {
    if (*p->failed || (v->count == v->cap && !kr_pvec_grow(p, v))) return false;
    v->items[v->count++] = x;
    return true;
}

// Typed copies of a vector (the vector's storage is void *).
#define KR_P_SEQ_FN(fn, SeqT, ItemT)                                    \
    static SeqT fn(KrParser *p, const KrPVec *v) {                      \
        SeqT s = {NULL, 0};                                             \
        if (v->count == 0) return s;                                    \
        s.items = kr_arena_array_uninit(p->arena, v->count, sizeof(ItemT *)); \
        if (!s.items) {                                                 \
            kr_p_nomem(p);                                              \
            return s;                                                   \
        }                                                               \
        for (size_t i = 0; i < v->count; i++) s.items[i] = (ItemT *)v->items[i]; \
        s.count = v->count;                                             \
        return s;                                                       \
    }

KR_P_SEQ_FN(kr_seq_expr, KrAstExprSeq, KrAstExpr)
KR_P_SEQ_FN(kr_seq_stmt, KrAstStmtSeq, KrAstStmt)
KR_P_SEQ_FN(kr_seq_pattern, KrAstPatternSeq, KrAstPattern)
KR_P_SEQ_FN(kr_seq_arg, KrAstArgSeq, KrAstArg)
KR_P_SEQ_FN(kr_seq_keyword, KrAstKeywordSeq, KrAstKeyword)
KR_P_SEQ_FN(kr_seq_alias, KrAstAliasSeq, KrAstAlias)
KR_P_SEQ_FN(kr_seq_withitem, KrAstWithItemSeq, KrAstWithItem)
KR_P_SEQ_FN(kr_seq_case, KrAstMatchCaseSeq, KrAstMatchCase)
KR_P_SEQ_FN(kr_seq_comp, KrAstComprehensionSeq, KrAstComprehension)
KR_P_SEQ_FN(kr_seq_handler, KrAstExceptHandlerSeq, KrAstExceptHandler)

static KrAstIdentSeq kr_seq_ident(KrParser *p, const KrPVec *v) {
    KrAstIdentSeq s = {NULL, 0};
    if (v->count == 0) return s;
    s.items = kr_arena_array_uninit(p->arena, v->count, sizeof(char *));
    if (!s.items) {
        kr_p_nomem(p);
        return s;
    }
    for (size_t i = 0; i < v->count; i++) s.items[i] = (const char *)v->items[i];
    s.count = v->count;
    return s;
}

static KrAstExpr *kr_p_expr_new(KrParser *p, KrAstExprKind kind, KrAstLoc loc) {
    KrAstExpr *e = kr_p_alloc(p, sizeof *e);
    if (!e) return NULL;
    ++*p->nodes;
    e->kind = kind;
    e->loc = loc;
    return e;
}

static KrAstStmt *kr_p_stmt_new(KrParser *p, KrAstStmtKind kind, KrAstLoc loc) {
    KrAstStmt *s = kr_p_alloc(p, sizeof *s);
    if (!s) return NULL;
    s->kind = kind;
    s->loc = loc;
    return s;
}

static KrAstPattern *kr_p_pattern_new(KrParser *p, KrAstPatternKind kind, KrAstLoc loc) {
    KrAstPattern *x = kr_p_alloc(p, sizeof *x);
    if (!x) return NULL;
    ++*p->nodes;
    x->kind = kind;
    x->loc = loc;
    return x;
}

static const char *kr_p_tok_str(KrParser *p, const KrToken *t) {
    char *s = kr_arena_strndup(p->arena, p->src + t->start, t->end - t->start);
    if (!s) kr_p_nomem(p);
    return s;
}

// Consumes a NAME (not a keyword) and returns its text.
static const char *kr_p_name(KrParser *p) {
    KrToken *t = kr_p_peek(p);
    if (!kr_tok_is_name(t)) {
        kr_p_invalid(p);
        return NULL;
    }
    kr_p_next(p);
    return kr_p_tok_str(p, t);
}

static KrAstExpr *kr_p_name_expr(KrParser *p, const KrToken *t, KrAstExprCtx ctx) {
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_NAME, kr_tok_loc(t));
    if (!e) return NULL;
    e->v.name.id = kr_p_tok_str(p, t);
    e->v.name.ctx = ctx;
    return e->v.name.id ? e : NULL;
}

// ------------------------------------------------------- speculation --

// Trying an alternative: on failure the position is restored and the
// error cleared (tokenizer and memory errors are never undone). Marks are
// only taken while no error is set, so they stay small (they sit in
// recursive frames).
typedef struct KrPMark {
    size_t pos;
    bool failed;
} KrPMark;

static void kr_p_mark(KrParser *p, KrPMark *m) {
    m->pos = p->pos;
    m->failed = *p->failed;
}

// Returns true if the attempt can be undone (and undoes it).
static bool kr_p_backtrack(KrParser *p, KrPMark *m) {
    if (m->failed || p->lex_failed || *p->hard || p->err->kind == KR_SYNERR_MEMORY) return false;
    // In a probe with CPython's invalid_* rules on, a specific message is
    // what CPython's second pass would raise: keep it.
    if (p->probe && !p->quiet && *p->failed && strcmp(p->err->msg, "invalid syntax") != 0) return false;
    kr_p_seek(p, m->pos);
    *p->failed = false;
    kr_synerr_clear(p->err);
    return true;
}

// Keeps what an alternative parsed (the mark is simply dropped).
static void kr_p_commit(KrParser *p) { (void)p; }

// While probing, parsing is PEG-like: an optional continuation (operator
// and operand, trailer, `if ... else`) that fails is undone and the part
// before it kept, as CPython's backtracking parser would. Outside probes
// these do nothing and failures stand.
static void kr_p_try_begin(KrParser *p, KrPMark *m) { kr_p_mark(p, m); }

// Ends a continuation; returns true if it failed and was undone.
static bool kr_p_try_end(KrParser *p, KrPMark *m, bool ok) {
    if (!p->probe) return false;
    if (ok) {
        kr_p_commit(p);
        return false;
    }
    return kr_p_backtrack(p, m);
}

// A probe parses ahead to choose a message, as CPython's second pass
// does; `quiet` turns the invalid_* emulation off inside it (CPython's
// *_without_invalid rules).
static void kr_p_probe_begin(KrParser *p, KrPMark *m, bool quiet) {
    kr_p_mark(p, m);
    p->probe++;
    p->quiet += quiet;
}

// Ends a probe: restores position and error state; false if the probe
// hit an error that stands (see kr_p_backtrack).
static bool kr_p_probe_end(KrParser *p, KrPMark *m, bool quiet) {
    bool undone = kr_p_backtrack(p, m);
    p->probe--;
    p->quiet -= quiet;
    return undone;
}

// ------------------------------------------------------------ numbers --

// strtod honours LC_NUMERIC; literals always use '.', so swap in the
// locale's decimal point when it differs (cheap check each time, no
// global state).
static double kr_p_strtod(char *buf, size_t n, char *scratch, size_t scratch_len) {
    char *end;
    double probe = strtod("1.5", &end);
    if (probe == 1.5) return strtod(buf, NULL);
    char point[16];
    snprintf(point, sizeof point, "%.1f", 1.5);  // "1,5" in such a locale
    size_t plen = strlen(point) >= 2 ? strlen(point) - 2 : 0;
    size_t o = 0;
    for (size_t i = 0; i < n && o + plen + 1 < scratch_len; i++) {
        if (buf[i] == '.') {
            memcpy(scratch + o, point + 1, plen);
            o += plen;
        } else {
            scratch[o++] = buf[i];
        }
    }
    scratch[o] = 0;
    return strtod(scratch, NULL);
}

// kr_p_number for floats, imaginaries, based ints and ints with '_' or
// leading zeros (out of line: most literals are plain decimal ints).
static KR_NOINLINE bool kr_p_number_other(KrParser *p, const char *s, size_t n, KrAstConst *c) {
    char *buf = kr_arena_alloc_uninit(p->arena, n + 1); // written below up to its NUL
    if (!buf) {
        kr_p_nomem(p);
        return false;
    }
    size_t m = 0;
    bool point_or_exp = false; // in a decimal literal: a float
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == '_') continue;
        point_or_exp |= ch == '.' || ch == 'e' || ch == 'E';
        buf[m++] = ch;
    }
    buf[m] = 0;
    char last = buf[m - 1];
    bool based = m > 1 && buf[0] == '0' && strchr("xXoObB", buf[1]); // hex digits may be 'e'
    if (last == 'j' || last == 'J' || (point_or_exp && !based)) {
        if (last == 'j' || last == 'J') buf[--m] = 0;
        char *scratch = kr_arena_alloc_uninit(p->arena, n * 4 + 16);
        if (!scratch) {
            kr_p_nomem(p);
            return false;
        }
        c->kind = last == 'j' || last == 'J' ? KR_AST_COMPLEX : KR_AST_FLOAT;
        c->num = kr_p_strtod(buf, m, scratch, n * 4 + 16);
        return true;
    }
    size_t k = based ? 2 : 0;
    c->base = !based ? 10 : buf[1] == 'x' || buf[1] == 'X' ? 16 : buf[1] == 'o' || buf[1] == 'O' ? 8 : 2;
    while (k + 1 < m && buf[k] == '0') k++;  // keep one digit
    c->kind = KR_AST_INT;
    c->data = buf + k;
    c->len = m - k;
    return true;
}

// Converts a NUMBER token (already validated by the lexer).
static bool kr_p_number(KrParser *p, const KrToken *t, KrAstConst *c) {
    const char *s = p->src + t->start;
    size_t n = t->end - t->start;
    size_t digits = 0;
    while (digits < n && s[digits] >= '0' && s[digits] <= '9') digits++;
    if (digits == n && (s[0] != '0' || n == 1)) { // a plain decimal int: its digits are the source's
        c->kind = KR_AST_INT;
        c->base = 10;
        c->data = s;
        c->len = n;
        return true;
    }
    return kr_p_number_other(p, s, n, c);
}

// ------------------------------------------------------------ escapes --

static int kr_hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Escape-decoding state for one literal chunk.
typedef struct KrDecode {
    KrParser *p;
    const char *s;
    size_t n;
    size_t i;
    KrBuf out;
    bool bytes;
} KrDecode;

// CPython reports unicode-escape errors with positions in a copy of the
// literal where every non-ASCII character became a 10-byte \UXXXXXXXX.
static size_t kr_dec_pos(const KrDecode *d, size_t byte_index) {
    size_t pos = 0;
    for (size_t k = 0; k < byte_index && k < d->n; k++) {
        unsigned char c = (unsigned char)d->s[k];
        if (c < 0x80) pos++;
        else if ((c & 0xC0) != 0x80) pos += 10;
    }
    return pos;
}

static void kr_dec_error(KrDecode *d, size_t start, size_t end, const char *reason) {
    char msg[KR_SYNERR_MSG_MAX];
    size_t a = kr_dec_pos(d, start), b = kr_dec_pos(d, end);
    if (b == a + 1) {
        snprintf(msg, sizeof msg,
                 "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position %zu: %s",
                 a, reason);
    } else {
        snprintf(msg, sizeof msg,
                 "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                 a, b - 1, reason);
    }
    kr_p_error_last(d->p, KR_SYNERR_SYNTAX, msg);
}

// Reads up to `count` hex digits at d->i; returns how many were valid.
static size_t kr_dec_hex(KrDecode *d, size_t count, uint32_t *v) {
    size_t k = 0;
    *v = 0;
    while (k < count && d->i + k < d->n && kr_hexval(d->s[d->i + k]) >= 0) {
        *v = *v * 16 + (uint32_t)kr_hexval(d->s[d->i + k]);
        k++;
    }
    return k;
}

static bool kr_dec_emit(KrDecode *d, uint32_t cp) {
    bool ok = d->bytes ? kr_buf_append_char(&d->out, (char)(cp & 0xFF))
                       : kr_buf_append_utf8(&d->out, cp);
    if (!ok) kr_p_nomem(d->p);
    return ok;
}

// \xhh, \uXXXX, \UXXXXXXXX; `esc` is the backslash index.
static bool kr_dec_hex_escape(KrDecode *d, char kind, size_t esc) {
    size_t want = kind == 'x' ? 2 : kind == 'u' ? 4 : 8;
    uint32_t v;
    size_t got = kr_dec_hex(d, want, &v);
    if (got < want) {
        if (d->bytes) {
            char msg[96];
            snprintf(msg, sizeof msg, "(value error) invalid \\x escape at position %zu", esc);
            kr_p_error_last(d->p, KR_SYNERR_SYNTAX, msg);
            return false;
        }
        kr_dec_error(d, esc, d->i + got,
                     kind == 'x' ? "truncated \\xXX escape"
                     : kind == 'u' ? "truncated \\uXXXX escape"
                                   : "truncated \\UXXXXXXXX escape");
        return false;
    }
    d->i += got;
    if (v > 0x10FFFF) {
        kr_dec_error(d, esc, d->i, "illegal Unicode character");
        return false;
    }
    return kr_dec_emit(d, v);
}

static bool kr_dec_named(KrDecode *d, size_t esc) {
    if (d->i >= d->n || d->s[d->i] != '{') {
        kr_dec_error(d, esc, d->i, "malformed \\N character escape");
        return false;
    }
    size_t name = d->i + 1, k = name;
    while (k < d->n && d->s[k] != '}') k++;
    if (k >= d->n || k == name) {
        kr_dec_error(d, esc, k < d->n ? k + 1 : d->n, "malformed \\N character escape");
        return false;
    }
    uint32_t cp;
    d->i = k + 1;
    if (!kr_uni_lookup_name(d->s + name, k - name, &cp)) {
        kr_dec_error(d, esc, d->i, "unknown Unicode character name");
        return false;
    }
    return kr_dec_emit(d, cp);
}

static bool kr_dec_octal(KrDecode *d, char first) {
    uint32_t v = (uint32_t)(first - '0');
    for (int k = 0; k < 2 && d->i < d->n && d->s[d->i] >= '0' && d->s[d->i] <= '7'; k++)
        v = v * 8 + (uint32_t)(d->s[d->i++] - '0');
    return kr_dec_emit(d, v);
}

// One escape sequence; d->i is just past the backslash.
static bool kr_dec_escape(KrDecode *d) {
    size_t esc = d->i - 1;
    char c = d->s[d->i++];
    const char *simple = "\n\\'\"abfnrtv";
    const char *value = "\0\\'\"\a\b\f\n\r\t\v";
    const char *hit = strchr(simple, c);
    if (hit && c) {
        if (c == '\n') return true;  // backslash-newline: line continuation
        return kr_dec_emit(d, (unsigned char)value[hit - simple]);
    }
    if (c >= '0' && c <= '7') return kr_dec_octal(d, c);
    if (c == 'x' || (!d->bytes && (c == 'u' || c == 'U'))) return kr_dec_hex_escape(d, c, esc);
    if (c == 'N' && !d->bytes) return kr_dec_named(d, esc);
    // Unknown escapes are kept as they are (CPython only warns).
    d->i--;
    bool ok = kr_buf_append_char(&d->out, '\\');
    if (!ok) kr_p_nomem(d->p);
    return ok;
}

// Checks that s[0..n) is UTF-8 as CPython's string decoding does: the
// whole text at once, or (escape path) each run of non-ASCII bytes, whose
// error positions are then relative to the run.
static bool kr_p_check_utf8(KrParser *p, const char *s, size_t n, bool by_runs) {
    KrUtf8Err ue;
    size_t i = 0, base = 0, len = n;
    while (i < n) {
        if (by_runs) {
            while (i < n && (unsigned char)s[i] < 0x80) i++;
            base = i;
            while (i < n && (unsigned char)s[i] >= 0x80) i++;
            len = i - base;
        } else {
            i = n;
        }
        if (len && kr_utf8_find_error(s + base, len, &ue)) {
            char msg[KR_SYNERR_MSG_MAX];
            kr_utf8_error_msg(msg, sizeof msg, s + base, &ue, 0);
            kr_p_error_last(p, KR_SYNERR_SYNTAX, msg);
            return false;
        }
    }
    return true;
}

// Decodes s[0..n) (the text between the quotes, or an f-string chunk) into
// `out`, appending. raw: no escape processing.
static bool kr_p_decode(KrParser *p, const char *s, size_t n, bool raw, bool bytes, KrBuf *out) {
    if (!bytes && !kr_p_check_utf8(p, s, n, !raw)) return false;
    KrDecode d = {p, s, n, 0, *out, bytes};
    bool ok = true;
    while (ok && d.i < n) {
        size_t j = d.i;
        while (j < n && (raw || s[j] != '\\')) j++;
        if (j > d.i && !kr_buf_append(&d.out, s + d.i, j - d.i)) {
            kr_p_nomem(p);
            ok = false;
            break;
        }
        d.i = j;
        if (j < n) {
            d.i++;
            ok = d.i < n ? kr_dec_escape(&d) : kr_buf_append_char(&d.out, '\\');
        }
    }
    *out = d.out;
    return ok && !*p->failed;
}

// ------------------------------------------------------------ strings --

typedef struct KrStrTok {
    bool bytes, raw, fstr, u;
    const char *body;   // between the quotes
    size_t n;
} KrStrTok;

static void kr_p_str_split(KrParser *p, const KrToken *t, KrStrTok *st) {
    const char *s = p->src + t->start;
    size_t n = t->end - t->start, k = 0;
    memset(st, 0, sizeof *st);
    for (; k < n && s[k] != '\'' && s[k] != '"'; k++) {
        char c = (char)(s[k] | 0x20);
        if (c == 'b') st->bytes = true;
        else if (c == 'r') st->raw = true;
        else if (c == 'f') st->fstr = true;
        else if (c == 'u') st->u = true;
    }
    size_t q = (n - k >= 6 && s[k + 1] == s[k] && s[k + 2] == s[k]) ? 3 : 1;
    st->body = s + k + q;
    st->n = n - k - 2 * q;
}

// Accumulates the pieces of a (possibly concatenated, possibly f-) string
// the way CPython's FstringParser does.
typedef struct KrFState {
    KrBuf last;          // pending literal text
    bool has_last;
    KrPVec values;       // Constant / FormattedValue nodes
    bool fmode;
} KrFState;

static bool kr_fs_concat(KrParser *p, KrFState *fs, const char *s, size_t n) {
    if (n == 0) return true;
    if (!kr_buf_append(&fs->last, s, n)) {
        kr_p_nomem(p);
        return false;
    }
    fs->has_last = true;
    return true;
}

static KrAstExpr *kr_p_str_const(KrParser *p, const char *s, size_t n, bool u, KrAstLoc loc) {
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_CONSTANT, loc);
    if (!e) return NULL;
    e->v.constant.value.kind = KR_AST_STR;
    e->v.constant.value.data = kr_arena_strndup(p->arena, s ? s : "", n);
    e->v.constant.value.len = n;
    e->v.constant.kind_u = u;
    if (!e->v.constant.value.data) {
        kr_p_nomem(p);
        return NULL;
    }
    return e;
}

// Turns the pending literal into a Constant node in `values`.
static bool kr_fs_flush(KrParser *p, KrFState *fs, bool u, KrAstLoc loc) {
    if (!fs->has_last) return true;
    KrAstExpr *c = kr_p_str_const(p, fs->last.data, fs->last.len, u, loc);
    fs->last.len = 0;
    fs->has_last = false;
    return c && kr_pvec_push(p, &fs->values, c);
}

static void kr_fs_free(KrFState *fs) { kr_buf_free(&fs->last); }

// Context for one f-string token being scanned.
typedef struct KrFCtx {
    const KrToken *tok;     // the token containing the text
    KrAstLoc group;         // first..last token of the concatenation
    bool u;                 // first token had a u prefix
    bool raw;
    const char *end;        // end of the body
} KrFCtx;

static bool kr_fs_parse(KrParser *p, KrFState *fs, const char **str, KrFCtx *fc, int lvl);
static KrAstExpr *kr_p_star_expressions(KrParser *p);

// CPython's fstring_find_expr_location: how far the expression part is
// from the token start, in lines and (on its line) columns.
static void kr_fs_expr_location(KrParser *p, const KrToken *t, const char *brace,
                                int32_t *lines, int32_t *cols) {
    const char *tok_start = p->src + t->start;
    bool newline_after_brace = true;
    for (const char *s = brace + 1; s < p->src + t->end && *s != '}' && *s != '\n'; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\f') {
            newline_after_brace = false;
            break;
        }
    }
    *lines = 0;
    *cols = 0;
    if (!newline_after_brace) {
        const char *s = brace;
        while (s > tok_start && *s != '\n') s--;
        *cols = (int32_t)(brace - s) - (*s == '\n' ? 1 : 0);
    }
    for (const char *s = tok_start; s < brace; s++)
        if (*s == '\n') (*lines)++;
}

static void kr_p_sub_init(KrParser *sub, const KrParser *p, KrLexer *lx, const char *src,
                          size_t len) {
    memset(sub, 0, sizeof *sub);
    sub->arena = p->arena;
    sub->alloc = p->alloc;
    sub->lx = lx;
    sub->src = src;
    sub->len = len;
    sub->depth = p->depth;
    sub->probe_steps = p->probe_steps;
    sub->nodes = p->nodes;
    sub->err = p->err;
    sub->failed = p->failed;
    sub->hard = p->hard;
    sub->first_pass = p->first_pass;
}

// Parses the expression part src[start..end) of an f-string the way
// CPython 3.11 does: as "(" + text + ")" with its own tokenizer, shifted
// to the right place in the file.
static KrAstExpr *kr_fs_compile_expr(KrParser *p, const char *start, const char *end,
                                     KrFCtx *fc) {
    const char *s = start;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) s++;
    if (s == end) {
        char msg[64];
        if (*end == '!' || *end == ':' || *end == '=')
            snprintf(msg, sizeof msg, "f-string: expression required before '%c'", *end);
        else
            snprintf(msg, sizeof msg, "f-string: empty expression not allowed");
        kr_p_error_last(p, KR_SYNERR_SYNTAX, msg);
        return NULL;
    }
    size_t len = (size_t)(end - start);
    // the part's lexer and tokens are freed after it: only its AST stays
    char *buf = kr_arena_alloc(p->arena, len + 4);
    KrLexer *lx = buf ? p->alloc.fn(p->alloc.ud, NULL, 0, sizeof *lx) : NULL;
    if (!lx) {
        kr_p_nomem(p);
        return NULL;
    }
    buf[0] = '(';
    memcpy(buf + 1, start, len);
    buf[len + 1] = ')';
    buf[len + 2] = '\n';
    int32_t lines, cols;
    kr_fs_expr_location(p, fc->tok, start - 1, &lines, &cols);
    int32_t shift = lines != 0 ? cols : fc->tok->col + cols;
    int32_t delta = fc->tok->lineno + lines - 1;
    kr_lex_init(lx, buf, len + 3, delta, shift);
    KrParser sub;
    kr_p_sub_init(&sub, p, lx, buf, len + 3);
    sub.fstring = true;
    sub.col_shift = shift;
    sub.line_delta = delta;
    KrAstExpr *e = NULL;
    if (kr_p_enter(p)) e = kr_p_star_expressions(&sub);
    kr_p_leave(p);
    kr_p_free_tokens(&sub);
    p->alloc.fn(p->alloc.ud, lx, sizeof *lx, 0);
    return *p->failed ? NULL : e;
}

// State of the scan for the end of an f-string expression part: the
// quote of a string being skipped and the open brackets.
typedef struct KrFScan {
    char quote;        // 0 outside a string
    int string_type;   // 1 or 3 quotes
    int depth;
    char stack[KR_LEX_MAX_LEVEL];
} KrFScan;

// Inside a string of the expression: skips to its closing quote.
static void kr_fs_scan_in_string(KrFScan *sc, const char **str, const char *end) {
    char ch = **str;
    if (ch != sc->quote) return;
    if (sc->string_type == 1) {
        sc->quote = 0;
    } else if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
        *str += 2;
        sc->quote = 0;
    }
}

static bool kr_fs_error(KrParser *p, const char *fmt, char a, char b) {
    char msg[128];
    snprintf(msg, sizeof msg, fmt, a, b);
    kr_p_error_last(p, KR_SYNERR_SYNTAX, msg);
    return false;
}

// A closing bracket in the expression part.
static bool kr_fs_scan_close(KrParser *p, KrFScan *sc, char ch) {
    if (!sc->depth) return kr_fs_error(p, "f-string: unmatched '%c'", ch, 0);
    char open = sc->stack[--sc->depth];
    if ((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}'))
        return true;
    return kr_fs_error(p, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'",
                       ch, open);
}

// One character outside strings; *stop is set at the end of the part.
static bool kr_fs_scan_char(KrParser *p, KrFScan *sc, const char **str, const char *end, bool *stop) {
    char ch = **str;
    if (ch == '\'' || ch == '"') {
        sc->string_type = (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) ? 3 : 1;
        if (sc->string_type == 3) *str += 2;
        sc->quote = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
        if (sc->depth >= KR_LEX_MAX_LEVEL) return kr_fs_error(p, "f-string: too many nested parenthesis", 0, 0);
        sc->stack[sc->depth++] = ch;
    } else if (ch == '#') {
        return kr_fs_error(p, "f-string expression part cannot include '#'", 0, 0);
    } else if (sc->depth == 0 && strchr("!:}=<>", ch)) {
        char next = *str + 1 < end ? (*str)[1] : 0;
        if (next == '=' && strchr("!=<>", ch)) (*str)++;  // !=, ==, <=, >= are operators
        else if (ch != '<' && ch != '>') *stop = true;
    } else if (ch == ']' || ch == '}' || ch == ')') {
        return kr_fs_scan_close(p, sc, ch);
    }
    return true;
}

// Scans the expression part starting just after its '{' up to the
// character that ends it (one of "!:=}" at bracket depth 0), as CPython's
// fstring_find_expr does.
static bool kr_fs_scan_expr(KrParser *p, const char **str, const char *end) {
    KrFScan sc;
    sc.quote = 0;
    sc.string_type = 0;
    sc.depth = 0;
    bool stop = false;
    for (; *str < end; (*str)++) {
        if (**str == '\\')
            return kr_fs_error(p, "f-string expression part cannot include a backslash", 0, 0);
        if (sc.quote) kr_fs_scan_in_string(&sc, str, end);
        else if (!kr_fs_scan_char(p, &sc, str, end, &stop)) return false;
        if (stop) break;
    }
    if (sc.quote) return kr_fs_error(p, "f-string: unterminated string", 0, 0);
    if (sc.depth) return kr_fs_error(p, "f-string: unmatched '%c'", sc.stack[sc.depth - 1], 0);
    return true;
}

static bool kr_fs_expect_brace(KrParser *p) {
    kr_p_error_last(p, KR_SYNERR_SYNTAX, "f-string: expecting '}'");
    return false;
}

// "!r" / "!s" / "!a" after the expression; *conv stays -1 when absent.
static bool kr_fs_conversion(KrParser *p, const char **str, const char *end, int *conv) {
    if (**str != '!') return true;
    (*str)++;
    if (*str >= end) return kr_fs_expect_brace(p);
    *conv = (unsigned char)**str;
    (*str)++;
    if (*conv != 's' && *conv != 'r' && *conv != 'a') {
        kr_p_error_last(p, KR_SYNERR_SYNTAX,
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        return false;
    }
    return true;
}

// Parses "{expr[=][!c][:spec]}" at *str into a FormattedValue; the `=`
// text (if any) goes to the pending literal first, as CPython does.
static KrAstExpr *kr_fs_expr(KrParser *p, KrFState *fs, const char **str, KrFCtx *fc, int lvl) {
    const char *end = fc->end;
    if (lvl >= KR_FSTRING_MAX_NEST) {
        kr_p_error_last(p, KR_SYNERR_SYNTAX, "f-string: expressions nested too deeply");
        return NULL;
    }
    (*str)++;
    const char *expr_start = *str;
    if (!kr_fs_scan_expr(p, str, end)) return NULL;
    if (*str >= end) return kr_fs_expect_brace(p), NULL;
    KrAstExpr *value = kr_fs_compile_expr(p, expr_start, *str, fc);
    if (!value) return NULL;
    bool debug = false;
    if (**str == '=') {
        (*str)++;
        while (*str < end && strchr(" \t\n\r\f\v", **str) && **str) (*str)++;
        if (*str >= end) return kr_fs_expect_brace(p), NULL;
        debug = true;
        if (!kr_fs_concat(p, fs, expr_start, (size_t)(*str - expr_start))) return NULL;
    }
    int conv = KR_AST_CONV_NONE;
    if (!kr_fs_conversion(p, str, end, &conv)) return NULL;
    KrAstExpr *spec = NULL;
    if (*str < end && **str == ':') {
        (*str)++;
        if (*str >= end) return kr_fs_expect_brace(p), NULL;
        KrFState sub = {0};
        kr_buf_init(&sub.last, p->alloc);
        bool ok = kr_fs_parse(p, &sub, str, fc, lvl + 1) &&
                  kr_fs_flush(p, &sub, false, kr_tok_loc(fc->tok));
        if (ok) {
            spec = kr_p_expr_new(p, KR_EXPR_JOINEDSTR, kr_tok_loc(fc->tok));
            if (spec) spec->v.joinedstr.values = kr_seq_expr(p, &sub.values);
        }
        kr_fs_free(&sub);
        if (!spec) return NULL;
    }
    if (*str >= end || **str != '}') return kr_fs_expect_brace(p), NULL;
    (*str)++;
    if (debug && !spec && conv == KR_AST_CONV_NONE) conv = KR_AST_CONV_REPR;
    KrAstExpr *fv = kr_p_expr_new(p, KR_EXPR_FORMATTEDVALUE, fc->group);
    if (!fv) return NULL;
    fv->v.formatted.value = value;
    fv->v.formatted.conversion = conv;
    fv->v.formatted.format_spec = spec;
    return fv;
}

// Literal text up to the next '{' / '}' (CPython's fstring_find_literal).
// Returns 1 when it stopped at a doubled brace (keep scanning), 0 at an
// expression or the end, -1 on error.
static int kr_fs_literal(KrParser *p, KrFState *fs, const char **str, KrFCtx *fc, int lvl) {
    const char *s = *str, *lit = s, *end = fc->end;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!fc->raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    kr_p_error_last(p, KR_SYNERR_SYNTAX, "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (s > lit) {
        size_t before = fs->last.len;
        if (!kr_p_decode(p, lit, (size_t)(s - lit), fc->raw, false, &fs->last)) return -1;
        if (fs->last.len > before) fs->has_last = true;
    }
    return result;
}

// CPython's FstringParser_ConcatFstring: literal/expression pairs until
// the end of the text (lvl 0) or the '}' closing a format spec.
static bool kr_fs_parse(KrParser *p, KrFState *fs, const char **str, KrFCtx *fc, int lvl) {
    fs->fmode = true;
    for (;;) {
        int r = kr_fs_literal(p, fs, str, fc, lvl);
        if (r < 0) return false;
        if (r == 1) continue;
        if (*str >= fc->end || **str == '}') break;
        KrAstExpr *fv = kr_fs_expr(p, fs, str, fc, lvl);
        if (!fv) return false;
        if (!kr_fs_flush(p, fs, fc->u, fc->group)) return false;
        if (!kr_pvec_push(p, &fs->values, fv)) return false;
    }
    if (lvl == 0 && *str < fc->end - 1) {
        kr_p_error_last(p, KR_SYNERR_SYNTAX, "f-string: unexpected end of string");
        return false;
    }
    if (lvl != 0 && (*str >= fc->end || **str != '}')) return kr_fs_expect_brace(p);
    return true;
}

// Decodes one non-f string token into `out` (str or bytes).
static bool kr_p_plain_str(KrParser *p, const KrToken *t, const KrStrTok *st, KrBuf *out) {
    if (st->bytes) {
        for (size_t i = 0; i < st->n; i++) {
            if ((unsigned char)st->body[i] >= 0x80) {
                KrAstLoc l = kr_tok_loc(t);
                kr_p_error_range(p, &l, &l, "bytes can only contain ASCII literal characters");
                return false;
            }
        }
    }
    bool raw = st->raw || !memchr(st->body, '\\', st->n);  // CPython's shortcut
    return kr_p_decode(p, st->body, st->n, raw, st->bytes, out);
}

// One string token of a concatenation; *bytesmode tracks the kind.
static bool kr_p_string_piece(KrParser *p, size_t i, size_t first, KrFState *fs, KrBuf *bytes,
                              bool *bytesmode, KrFCtx *fc) {
    const KrToken *t = kr_tok(p, i);
    KrStrTok st;
    kr_p_str_split(p, t, &st);
    KrBuf tmp;
    kr_buf_init(&tmp, p->alloc);
    bool ok = st.fstr || kr_p_plain_str(p, t, &st, &tmp);
    if (ok && i != first && *bytesmode != st.bytes) {
        kr_p_error_last(p, KR_SYNERR_SYNTAX, "cannot mix bytes and nonbytes literals");
        ok = false;
    }
    *bytesmode = st.bytes;
    if (ok && st.fstr) {
        const char *s = st.body;
        fc->tok = t;
        fc->raw = st.raw;
        fc->end = st.body + st.n;
        ok = kr_fs_parse(p, fs, &s, fc, 0);
    } else if (ok) {
        KrBuf *dst = st.bytes ? bytes : &fs->last;
        if (tmp.len && !kr_buf_append(dst, tmp.data, tmp.len)) {
            kr_p_nomem(p);
            ok = false;
        }
        if (tmp.len && !st.bytes) fs->has_last = true;
    }
    kr_buf_free(&tmp);
    return ok;
}

static KrAstExpr *kr_p_strings_finish(KrParser *p, KrFState *fs, KrBuf *bytes, bool bytesmode,
                                      bool u, KrAstLoc group) {
    if (bytesmode) {
        KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_CONSTANT, group);
        if (!e) return NULL;
        e->v.constant.value.kind = KR_AST_BYTES;
        e->v.constant.value.data = kr_arena_strndup(p->arena, bytes->data ? bytes->data : "", bytes->len);
        e->v.constant.value.len = bytes->len;
        if (!e->v.constant.value.data) kr_p_nomem(p);
        return e->v.constant.value.data ? e : NULL;
    }
    if (!fs->fmode) return kr_p_str_const(p, fs->last.data, fs->last.len, u, group);
    if (!kr_fs_flush(p, fs, u, group)) return NULL;
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_JOINEDSTR, group);
    if (!e) return NULL;
    e->v.joinedstr.values = kr_seq_expr(p, &fs->values);
    return *p->failed ? NULL : e;
}

static KrAstExpr *kr_p_strings_(KrParser *p);

// STRING+ : implicit concatenation, f-strings, bytes. Errors in literals
// come from CPython's actions, which run in its first pass and are never
// undone by backtracking.
static KrAstExpr *kr_p_strings(KrParser *p) {
    KrAstExpr *e = kr_p_strings_(p);
    bool budget_out = p->probe && *p->probe_steps > KR_PROBE_BUDGET;  // just a failed probe
    if (!e && *p->failed && !budget_out) *p->hard = *p->first_pass = true;
    return e;
}

static KrAstExpr *kr_p_strings_(KrParser *p) {
    size_t first = p->pos;
    while (kr_p_at(p, KR_TOK_STRING)) kr_p_next(p);
    if (*p->failed) return NULL;
    size_t last = p->pos - 1;
    KrAstLoc group = {kr_tok(p, first)->lineno, kr_tok(p, first)->col, kr_tok(p, last)->end_lineno,
                      kr_tok(p, last)->end_col};
    KrFCtx fc = {NULL, group, p->src[kr_tok(p, first)->start] == 'u', false, NULL};
    KrFState fs;
    memset(&fs, 0, sizeof fs);
    kr_buf_init(&fs.last, p->alloc);
    KrBuf bytes;
    kr_buf_init(&bytes, p->alloc);
    bool bytesmode = false, ok = true;
    for (size_t i = first; ok && i <= last; i++)
        ok = kr_p_string_piece(p, i, first, &fs, &bytes, &bytesmode, &fc);
    KrAstExpr *e = ok ? kr_p_strings_finish(p, &fs, &bytes, bytesmode, fc.u, group) : NULL;
    kr_fs_free(&fs);
    kr_buf_free(&bytes);
    return e;
}

// -------------------------------------------------------- expressions --

static KrAstExpr *kr_p_expression(KrParser *p);
static KrAstExpr *kr_p_named_expression(KrParser *p);
static KrAstExpr *kr_p_named_expr_ex(KrParser *p, bool eq_check);
static KrAstExpr *kr_p_disjunction(KrParser *p);
static KrAstExpr *kr_p_bitwise_or(KrParser *p);
static KrAstExpr *kr_p_yield_expr(KrParser *p);
static KrAstExpr *kr_p_factor(KrParser *p);
static KrAstArguments *kr_p_params(KrParser *p, bool lambda);
static bool kr_p_comprehensions(KrParser *p, KrAstComprehensionSeq *out);
static bool kr_p_check_target(KrParser *p, KrAstExpr *e, int type);

// Target kinds, as CPython's TARGETS_TYPE.
enum { KR_TGT_STAR, KR_TGT_DEL, KR_TGT_FOR };

// Tokens that can begin an `expression`.
static bool kr_tok_starts_expr(const KrToken *t) {
    switch (t->kind) {
    case KR_TOK_NAME:
        return t->kw == KR_KW_NONE_ || t->kw == KR_KW_TRUE || t->kw == KR_KW_FALSE ||
               t->kw == KR_KW_NONE || t->kw == KR_KW_NOT || t->kw == KR_KW_LAMBDA ||
               t->kw == KR_KW_AWAIT;
    case KR_TOK_NUMBER: case KR_TOK_STRING: case KR_TOK_LPAR: case KR_TOK_LSQB:
    case KR_TOK_LBRACE: case KR_TOK_MINUS: case KR_TOK_PLUS: case KR_TOK_TILDE:
    case KR_TOK_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

static bool kr_tok_starts_star_expr(const KrToken *t) {
    return t->kind == KR_TOK_STAR || kr_tok_starts_expr(t);
}

static bool kr_p_at_for(KrParser *p) {
    return kr_p_at_kw(p, KR_KW_FOR) ||
           (kr_p_at_kw(p, KR_KW_ASYNC) && kr_tok_is_kw(kr_p_la(p, 1), KR_KW_FOR));
}

static KrAstExpr *kr_p_const(KrParser *p, KrAstConstKind kind, const KrToken *t) {
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_CONSTANT, kr_tok_loc(t));
    if (e) e->v.constant.value.kind = kind;
    return e;
}

static KrAstExpr *kr_p_tuple(KrParser *p, KrPVec *elts, size_t start) {
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_TUPLE, kr_p_loc_from(p, start));
    if (!e) return NULL;
    e->v.seq.elts = kr_seq_expr(p, elts);
    e->v.seq.ctx = KR_AST_LOAD;
    return *p->failed ? NULL : e;
}

static KrAstExpr *kr_p_starred(KrParser *p, KrAstExpr *value, size_t start) {
    if (!value) return NULL;
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_STARRED, kr_p_loc_from(p, start));
    if (!e) return NULL;
    e->v.starred.value = value;
    e->v.starred.ctx = KR_AST_LOAD;
    return e;
}

// '*' bitwise_or | named_expression (or plain expression when !named).
static KrAstExpr *kr_p_star_item(KrParser *p, bool named) {
    size_t start = p->pos;
    if (kr_p_accept(p, KR_TOK_STAR)) return kr_p_starred(p, kr_p_bitwise_or(p), start);
    return named ? kr_p_named_expression(p) : kr_p_expression(p);
}

// item (',' item)* [','] -> the item, or a Tuple when there is a comma.
static KrAstExpr *kr_p_star_list(KrParser *p, bool named) {
    size_t start = p->pos;
    KrAstExpr *first = kr_p_star_item(p, named);
    if (!first || !kr_p_at(p, KR_TOK_COMMA)) return first;
    KrPVec v = {0};
    kr_pvec_push(p, &v, first);
    while (kr_p_accept(p, KR_TOK_COMMA)) {
        if (!kr_tok_starts_star_expr(kr_p_peek(p))) break;
        KrPMark m;
        kr_p_try_begin(p, &m);
        KrAstExpr *e = kr_p_star_item(p, named);
        if (kr_p_try_end(p, &m, e != NULL)) break;
        if (!e || !kr_pvec_push(p, &v, e)) return NULL;
    }
    return kr_p_tuple(p, &v, start);
}

static KrAstExpr *kr_p_star_expressions(KrParser *p) { return kr_p_star_list(p, false); }

// ---------------------------------------------------------------- atoms --

static KrAstExpr *kr_p_atom_name(KrParser *p, KrToken *t) {
    switch (t->kw) {
    case KR_KW_NONE_: kr_p_next(p); return kr_p_name_expr(p, t, KR_AST_LOAD);
    case KR_KW_TRUE: kr_p_next(p); return kr_p_const(p, KR_AST_TRUE, t);
    case KR_KW_FALSE: kr_p_next(p); return kr_p_const(p, KR_AST_FALSE, t);
    case KR_KW_NONE: kr_p_next(p); return kr_p_const(p, KR_AST_NONE, t);
    default: kr_p_invalid(p); return NULL;
    }
}

// Comprehension node of the given kind around elt (or key/value).
static KrAstExpr *kr_p_comp(KrParser *p, KrAstExprKind kind, KrAstExpr *elt, KrAstExpr *value,
                            size_t start, KrTokKind closer) {
    KrAstComprehensionSeq gens;
    if (!kr_p_comprehensions(p, &gens) || !kr_p_expect(p, closer)) return NULL;
    KrAstExpr *e = kr_p_expr_new(p, kind, kr_p_loc_from(p, start));
    if (!e) return NULL;
    if (kind == KR_EXPR_DICTCOMP) {
        e->v.dictcomp.key = elt;
        e->v.dictcomp.value = value;
        e->v.dictcomp.generators = gens;
    } else {
        e->v.comp.elt = elt;
        e->v.comp.generators = gens;
    }
    return e;
}

static bool kr_p_no_starred_comp(KrParser *p, const KrAstExpr *first) {
    if (first->kind != KR_EXPR_STARRED) return true;
    kr_p_error_range(p, &first->loc, &first->loc,
                     "iterable unpacking cannot be used in comprehension");
    return false;
}

// `[a, b for ...]`: CPython parses the clauses (their errors first), then
// asks for parentheses around the target.
static bool kr_p_display_comp(KrParser *p, KrPVec *v, const KrToken *comma) {
    KrAstComprehensionSeq gens;
    if (!kr_p_comprehensions(p, &gens)) return false;
    const KrAstExpr *a = v->items[0];
    KrAstLoc b = v->count == 1 && comma ? kr_tok_loc(comma) : ((KrAstExpr *)v->items[v->count - 1])->loc;
    kr_p_error_range(p, &a->loc, &b, "did you forget parentheses around the comprehension target?");
    return false;
}

// Elements after the first of a list/tuple/set display, up to `closer`.
static bool kr_p_display_rest(KrParser *p, KrPVec *v, KrTokKind closer) {
    while (kr_p_at(p, KR_TOK_COMMA)) {
        KrToken *comma = kr_p_next(p);
        if (kr_p_at(p, closer)) break;
        if (closer != KR_TOK_RPAR && kr_p_at_for(p)) return kr_p_display_comp(p, v, comma);
        KrAstExpr *e = kr_p_star_item(p, true);
        if (!e || !kr_pvec_push(p, v, e)) return false;
    }
    if (closer != KR_TOK_RPAR && kr_p_at_for(p)) return kr_p_display_comp(p, v, NULL);
    return kr_p_expect(p, closer) != NULL;
}

// `(**x)`: CPython's invalid_group message.
static KrAstExpr *kr_p_paren_dstar(KrParser *p) {
    KrToken *t = kr_p_next(p);
    KrAstExpr *e = kr_p_expression(p);
    if (e && kr_p_at(p, KR_TOK_RPAR)) {
        KrAstLoc l = kr_tok_loc(t);
        kr_p_error_range(p, &l, &l, "cannot use double starred expression here");
    } else {
        kr_p_invalid(p);
    }
    return NULL;
}

static KrAstExpr *kr_p_paren(KrParser *p) {
    size_t start = p->pos;
    kr_p_next(p);
    if (kr_p_at(p, KR_TOK_RPAR)) {
        kr_p_next(p);
        KrPVec none = {0};
        KrAstExpr *t = kr_p_tuple(p, &none, start);
        if (t) t->parens = 1;
        return t;
    }
    if (kr_p_at_kw(p, KR_KW_YIELD)) {
        KrAstExpr *y = kr_p_yield_expr(p);
        if (!y || !kr_p_expect(p, KR_TOK_RPAR)) return NULL;
        if (y->parens < 255) y->parens++;
        return y;
    }
    if (kr_p_at(p, KR_TOK_DOUBLESTAR)) return kr_p_paren_dstar(p);
    KrAstExpr *first = kr_p_star_item(p, true);
    if (!first) return NULL;
    KrAstExpr *e = NULL;
    if (kr_p_at_for(p)) {
        if (!kr_p_no_starred_comp(p, first)) return NULL;
        e = kr_p_comp(p, KR_EXPR_GENERATOREXP, first, NULL, start, KR_TOK_RPAR);
    } else if (kr_p_at(p, KR_TOK_COMMA)) {
        KrPVec v = {0};
        kr_pvec_push(p, &v, first);
        if (!kr_p_display_rest(p, &v, KR_TOK_RPAR)) return NULL;
        e = kr_p_tuple(p, &v, start);
    }
    if (e) e->parens = 1;  // a tuple/genexp display's own parentheses
    if (e || *p->failed) return e;
    if (!kr_p_expect(p, KR_TOK_RPAR)) return NULL;
    if (first->kind == KR_EXPR_STARRED) {
        kr_p_error_range(p, &first->loc, &first->loc, "cannot use starred expression here");
        return NULL;
    }
    if (first->parens < 255) first->parens++;
    return first;
}

static KrAstExpr *kr_p_list(KrParser *p) {
    size_t start = p->pos;
    kr_p_next(p);
    KrPVec v = {0};
    if (!kr_p_at(p, KR_TOK_RSQB)) {
        KrAstExpr *first = kr_p_star_item(p, true);
        if (!first) return NULL;
        if (kr_p_at_for(p)) {
            if (!kr_p_no_starred_comp(p, first)) return NULL;
            return kr_p_comp(p, KR_EXPR_LISTCOMP, first, NULL, start, KR_TOK_RSQB);
        }
        kr_pvec_push(p, &v, first);
        if (!kr_p_display_rest(p, &v, KR_TOK_RSQB)) return NULL;
    } else {
        kr_p_next(p);
    }
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_LIST, kr_p_loc_from(p, start));
    if (!e) return NULL;
    e->v.seq.elts = kr_seq_expr(p, &v);
    e->v.seq.ctx = KR_AST_LOAD;
    return *p->failed ? NULL : e;
}

// The value after "key:", with CPython's messages for a missing or
// starred value.
static KrAstExpr *kr_p_dict_value(KrParser *p, const KrToken *colon) {
    if (kr_p_at(p, KR_TOK_RBRACE) || kr_p_at(p, KR_TOK_COMMA)) {
        KrAstLoc l = kr_tok_loc(colon);
        kr_p_error_range(p, &l, &l, "expression expected after dictionary key and ':'");
        return NULL;
    }
    if (kr_p_at(p, KR_TOK_STAR)) {
        size_t start = p->pos;
        kr_p_next(p);
        KrAstExpr *v = kr_p_bitwise_or(p);
        if (v) {
            KrAstLoc l = kr_p_loc_from(p, start);
            kr_p_error_range(p, &l, &l, "cannot use a starred expression in a dictionary value");
        }
        return NULL;
    }
    return kr_p_expression(p);
}

// One "key: value" or "**mapping" entry of a dict display.
static bool kr_p_dict_entry(KrParser *p, KrPVec *keys, KrPVec *values) {
    if (kr_p_accept(p, KR_TOK_DOUBLESTAR)) {
        KrAstExpr *m = kr_p_bitwise_or(p);
        return m && kr_pvec_push(p, keys, NULL) && kr_pvec_push(p, values, m);
    }
    p->quiet++;  // CPython reports the missing ':' rather than a missing comma
    KrAstExpr *k = kr_p_expression(p);
    p->quiet--;
    if (!k) return false;
    if (!kr_p_at(p, KR_TOK_COLON)) {
        if (*p->failed) return false;
        kr_p_set_error(p, KR_SYNERR_SYNTAX, k->loc.lineno, k->loc.end_col_offset, k->loc.end_lineno, 0,
                       "':' expected after dictionary key");
        return false;
    }
    KrToken *colon = kr_p_next(p);
    KrAstExpr *v = kr_p_dict_value(p, colon);
    return v && kr_pvec_push(p, keys, k) && kr_pvec_push(p, values, v);
}

static KrAstExpr *kr_p_dict(KrParser *p, size_t start, KrPVec *keys, KrPVec *values) {
    while (kr_p_accept(p, KR_TOK_COMMA)) {
        if (kr_p_at(p, KR_TOK_RBRACE)) break;
        if (!kr_p_dict_entry(p, keys, values)) return NULL;
    }
    if (!kr_p_expect(p, KR_TOK_RBRACE)) return NULL;
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_DICT, kr_p_loc_from(p, start));
    if (!e) return NULL;
    e->v.dict.keys = kr_seq_expr(p, keys);
    e->v.dict.values = kr_seq_expr(p, values);
    return *p->failed ? NULL : e;
}

// '{' ... '}' after a first `**m` entry.
static KrAstExpr *kr_p_dict_dstar(KrParser *p, size_t start) {
    KrPVec keys = {0}, values = {0};
    KrToken *dstar = kr_p_peek(p);
    if (!kr_p_dict_entry(p, &keys, &values)) return NULL;
    if (kr_p_at_for(p)) {
        KrAstComprehensionSeq gens;
        if (!kr_p_comprehensions(p, &gens) || !kr_p_expect(p, KR_TOK_RBRACE)) return NULL;
        KrAstLoc l = kr_tok_loc(dstar);
        kr_p_error_range(p, &l, &l, "dict unpacking cannot be used in dict comprehension");
        return NULL;
    }
    return kr_p_dict(p, start, &keys, &values);
}

static KrAstExpr *kr_p_brace(KrParser *p) {
    size_t start = p->pos;
    kr_p_next(p);
    KrPVec keys = {0}, values = {0};
    if (kr_p_at(p, KR_TOK_RBRACE)) return kr_p_dict(p, start, &keys, &values);
    if (kr_p_at(p, KR_TOK_DOUBLESTAR)) return kr_p_dict_dstar(p, start);
    KrAstExpr *first = kr_p_star_item(p, true);
    if (!first) return NULL;
    if (first->kind != KR_EXPR_STARRED && kr_p_at(p, KR_TOK_COLON)) {
        KrToken *colon = kr_p_next(p);
        KrAstExpr *value = kr_p_dict_value(p, colon);
        if (!value) return NULL;
        if (kr_p_at_for(p)) return kr_p_comp(p, KR_EXPR_DICTCOMP, first, value, start, KR_TOK_RBRACE);
        kr_pvec_push(p, &keys, first);
        kr_pvec_push(p, &values, value);
        return kr_p_dict(p, start, &keys, &values);
    }
    if (kr_p_at_for(p)) {
        if (!kr_p_no_starred_comp(p, first)) return NULL;
        return kr_p_comp(p, KR_EXPR_SETCOMP, first, NULL, start, KR_TOK_RBRACE);
    }
    KrPVec v = {0};
    kr_pvec_push(p, &v, first);
    if (!kr_p_display_rest(p, &v, KR_TOK_RBRACE)) return NULL;
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_SET, kr_p_loc_from(p, start));
    if (!e) return NULL;
    e->v.set.elts = kr_seq_expr(p, &v);
    return *p->failed ? NULL : e;
}

static KrAstExpr *kr_p_atom_(KrParser *p) {
    KrToken *t = kr_p_peek(p);
    if (*p->failed) return NULL;
    switch (t->kind) {
    case KR_TOK_NAME: return kr_p_atom_name(p, t);
    case KR_TOK_NUMBER: {
        kr_p_next(p);
        KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_CONSTANT, kr_tok_loc(t));
        return e && kr_p_number(p, t, &e->v.constant.value) ? e : NULL;
    }
    case KR_TOK_STRING: return kr_p_strings(p);
    case KR_TOK_LPAR: return kr_p_paren(p);
    case KR_TOK_LSQB: return kr_p_list(p);
    case KR_TOK_LBRACE: return kr_p_brace(p);
    case KR_TOK_ELLIPSIS: kr_p_next(p); return kr_p_const(p, KR_AST_ELLIPSIS, t);
    default: kr_p_invalid(p); return NULL;
    }
}

static KrAstExpr *kr_p_atom(KrParser *p) {
    KrAstExpr *e = kr_p_enter(p) ? kr_p_atom_(p) : NULL;
    kr_p_leave(p);
    return e;
}

// ------------------------------------------------------------ primaries --

static KrAstExpr *kr_p_slice(KrParser *p) {
    size_t start = p->pos;
    KrAstExpr *lower = NULL, *upper = NULL, *step = NULL;
    if (!kr_p_at(p, KR_TOK_COLON)) {
        lower = kr_p_named_expression(p);
        if (!lower || !kr_p_at(p, KR_TOK_COLON)) return lower;
    }
    kr_p_next(p);
    if (!kr_p_at(p, KR_TOK_COLON) && kr_tok_starts_expr(kr_p_peek(p)) && !(upper = kr_p_expression(p)))
        return NULL;
    if (kr_p_accept(p, KR_TOK_COLON) && kr_tok_starts_expr(kr_p_peek(p)) &&
        !(step = kr_p_expression(p)))
        return NULL;
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_SLICE, kr_p_loc_from(p, start));
    if (!e) return NULL;
    e->v.slice.lower = lower;
    e->v.slice.upper = upper;
    e->v.slice.step = step;
    return e;
}

static KrAstExpr *kr_p_slice_or_star(KrParser *p) {
    size_t start = p->pos;
    if (kr_p_accept(p, KR_TOK_STAR)) return kr_p_starred(p, kr_p_expression(p), start);
    return kr_p_slice(p);
}

// The inside of a[...]: one slice, or a Tuple of slices.
static KrAstExpr *kr_p_slices(KrParser *p) {
    size_t start = p->pos;
    KrAstExpr *first = kr_p_slice_or_star(p);
    if (!first) return NULL;
    if (!kr_p_at(p, KR_TOK_COMMA) && first->kind != KR_EXPR_STARRED) return first;
    KrPVec v = {0};
    kr_pvec_push(p, &v, first);
    while (kr_p_accept(p, KR_TOK_COMMA)) {
        if (kr_p_at(p, KR_TOK_RSQB)) break;
        KrAstExpr *e = kr_p_slice_or_star(p);
        if (!e || !kr_pvec_push(p, &v, e)) return NULL;
    }
    return kr_p_tuple(p, &v, start);
}

// Positional or keyword argument bookkeeping for one call.
typedef struct KrCallArgs {
    KrPVec args, kws;
    bool seen_kw, seen_dstar, seen_star;
    bool class_bases; // a class's bases: no bare generator expression
    size_t lpar;
} KrCallArgs;

static bool kr_p_kwarg(KrParser *p, KrCallArgs *ca) {
    size_t start = p->pos;
    KrToken *name = kr_p_next(p);
    KrToken *eq = kr_p_next(p);
    if (name->kw != KR_KW_NONE_) {
        KrAstLoc a = kr_tok_loc(name), b = kr_tok_loc(eq);
        if (name->kw == KR_KW_TRUE || name->kw == KR_KW_FALSE || name->kw == KR_KW_NONE)
            kr_p_error_range(p, &a, &b, "cannot assign to %s", kr_p_tok_str(p, name));
        else
            kr_p_invalid(p);
        return false;
    }
    KrAstExpr *value = kr_p_expression(p);
    if (!value) return false;
    if (kr_p_at_for(p)) {
        KrAstLoc a = kr_tok_loc(name), b = kr_tok_loc(eq);
        kr_p_error_range(p, &a, &b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return false;
    }
    KrAstKeyword *k = kr_p_alloc(p, sizeof *k);
    if (!k) return false;
    k->loc = kr_p_loc_from(p, start);
    k->arg = kr_p_tok_str(p, name);
    k->value = value;
    ca->seen_kw = true;
    return kr_pvec_push(p, &ca->kws, k);
}

static bool kr_p_dstar_arg(KrParser *p, KrCallArgs *ca) {
    size_t start = p->pos;
    kr_p_next(p);
    KrAstExpr *value = kr_p_expression(p);
    if (!value) return false;
    KrAstKeyword *k = kr_p_alloc(p, sizeof *k);
    if (!k) return false;
    k->loc = kr_p_loc_from(p, start);
    k->value = value;
    ca->seen_dstar = true;
    return kr_pvec_push(p, &ca->kws, k);
}

// A generator expression argument: only allowed as the sole argument.
static bool kr_p_genexp_arg(KrParser *p, KrCallArgs *ca, KrAstExpr *elt) {
    size_t n_before = ca->args.count + ca->kws.count;
    KrAstComprehensionSeq gens;
    if (!kr_p_comprehensions(p, &gens)) return false;
    if (n_before == 0 && kr_p_at(p, KR_TOK_RPAR)) {
        kr_p_next(p);
        KrAstExpr *g = kr_p_expr_new(p, KR_EXPR_GENERATOREXP, kr_p_loc_from(p, ca->lpar));
        if (!g) return false;
        g->v.comp.elt = elt;
        g->v.comp.generators = gens;
        kr_p_seek(p, p->pos - 1);  // leave ')' for the caller
        return kr_pvec_push(p, &ca->args, g);
    }
    if (n_before == 0 && !kr_p_at(p, KR_TOK_COMMA)) {  // CPython has no message for this
        kr_p_invalid(p);
        return false;
    }
    const KrAstComprehension *last = gens.items[gens.count - 1];
    const KrAstExpr *end = last->ifs.count ? last->ifs.items[last->ifs.count - 1] : last->iter;
    kr_p_error_range(p, &elt->loc, &end->loc, "Generator expression must be parenthesized");
    return false;
}

// CPython reports a positional argument after keywords once it has read
// the rest of the arguments (its error goes at the last token read).
// Returns false if that reading raised an error of its own.
static bool kr_p_probe_rest_args(KrParser *p) {
    KrPMark m;
    kr_p_probe_begin(p, &m, false);
    while (kr_p_accept(p, KR_TOK_COMMA) && !kr_p_at(p, KR_TOK_RPAR)) {
        if (kr_tok_is_name(kr_p_peek(p)) && kr_p_la(p, 1)->kind == KR_TOK_EQUAL) {
            kr_p_next(p);
            kr_p_next(p);
        } else if (!kr_p_accept(p, KR_TOK_DOUBLESTAR)) {
            kr_p_accept(p, KR_TOK_STAR);
        }
        if (!kr_p_expression(p)) break;
    }
    (void)kr_p_peek(p);
    return kr_p_probe_end(p, &m, false);
}

// A positional argument (possibly starred).
static bool kr_p_pos_arg(KrParser *p, KrCallArgs *ca) {
    size_t start = p->pos;
    bool star = kr_p_accept(p, KR_TOK_STAR);
    if (star && (ca->seen_dstar || ca->seen_star) && (kr_p_at(p, KR_TOK_COMMA) || kr_p_at(p, KR_TOK_RPAR))) {
        KrAstLoc l = kr_tok_loc(kr_tok(p, start));
        kr_p_error_range(p, &l, &l, "iterable argument unpacking follows keyword argument unpacking");
        return false;
    }
    KrAstExpr *e = star ? kr_p_starred(p, kr_p_expression(p), start) : kr_p_named_expr_ex(p, false);
    if (!e) return false;
    if (kr_p_at_for(p)) {
        if (star) return kr_p_no_starred_comp(p, e);
        if (ca->class_bases && ca->args.count + ca->kws.count == 0) { // CPython's grammar has none there
            kr_p_invalid(p);
            return false;
        }
        return kr_p_genexp_arg(p, ca, e);
    }
    if (!star && kr_p_at(p, KR_TOK_EQUAL)) {
        KrAstLoc b = kr_tok_loc(kr_p_peek(p));
        kr_p_error_range(p, &e->loc, &b,
                         "expression cannot contain assignment, perhaps you meant \"==\"?");
        return false;
    }
    if (star && ca->seen_dstar) {
        KrAstLoc l = kr_tok_loc(kr_tok(p, start));
        kr_p_error_range(p, &l, &l, "iterable argument unpacking follows keyword argument unpacking");
        return false;
    }
    if (!star && (ca->seen_kw || ca->seen_dstar)) {
        if (!kr_p_probe_rest_args(p)) return false;
        kr_p_error_last(p, KR_SYNERR_SYNTAX,
                        ca->seen_dstar ? "positional argument follows keyword argument unpacking"
                                       : "positional argument follows keyword argument");
        return false;
    }
    ca->seen_star |= star;
    return kr_pvec_push(p, &ca->args, e);
}

static bool kr_p_call_arg(KrParser *p, KrCallArgs *ca) {
    KrToken *t = kr_p_peek(p);
    if (t->kind == KR_TOK_DOUBLESTAR) return kr_p_dstar_arg(p, ca);
    bool named = kr_tok_is_name(t) || kr_tok_is_kw(t, KR_KW_TRUE) || kr_tok_is_kw(t, KR_KW_FALSE) ||
                 kr_tok_is_kw(t, KR_KW_NONE);  // CPython never looks past other keywords here
    if (named && kr_p_la(p, 1)->kind == KR_TOK_EQUAL) return kr_p_kwarg(p, ca);
    return kr_p_pos_arg(p, ca);
}

static KrAstExpr *kr_p_call_ex(KrParser *p, KrAstExpr *func, size_t start, bool class_bases) {
    KrCallArgs ca;
    memset(&ca, 0, sizeof ca);
    ca.class_bases = class_bases;
    ca.lpar = p->pos;
    kr_p_next(p);
    while (!kr_p_at(p, KR_TOK_RPAR) && !*p->failed) {
        if (!kr_p_call_arg(p, &ca)) return NULL;
        if (!kr_p_accept(p, KR_TOK_COMMA)) break;
    }
    if (!kr_p_expect(p, KR_TOK_RPAR)) return NULL;
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_CALL, kr_p_loc_from(p, start));
    if (!e) return NULL;
    e->v.call.func = func;
    e->v.call.args = kr_seq_expr(p, &ca.args);
    e->v.call.keywords = kr_seq_keyword(p, &ca.kws);
    return *p->failed ? NULL : e;
}

static KrAstExpr *kr_p_call(KrParser *p, KrAstExpr *func, size_t start) { return kr_p_call_ex(p, func, start, false); }

// One trailer (.name, (args), [slices]) applied to e, or e unchanged.
static KrAstExpr *kr_p_trailer(KrParser *p, KrAstExpr *e, size_t start, bool *more) {
    *more = true;
    if (kr_p_accept(p, KR_TOK_DOT)) {
        const char *attr = kr_p_name(p);
        if (!attr) return NULL;
        KrAstExpr *a = kr_p_expr_new(p, KR_EXPR_ATTRIBUTE, kr_p_loc_from(p, start));
        if (!a) return NULL;
        a->v.attribute.value = e;
        a->v.attribute.attr = attr;
        a->v.attribute.ctx = KR_AST_LOAD;
        return a;
    }
    if (kr_p_at(p, KR_TOK_LPAR)) return kr_p_call(p, e, start);
    if (kr_p_accept(p, KR_TOK_LSQB)) {
        KrAstExpr *s = kr_p_slices(p);
        if (!s || !kr_p_expect(p, KR_TOK_RSQB)) return NULL;
        KrAstExpr *a = kr_p_expr_new(p, KR_EXPR_SUBSCRIPT, kr_p_loc_from(p, start));
        if (!a) return NULL;
        a->v.subscript.value = e;
        a->v.subscript.slice = s;
        a->v.subscript.ctx = KR_AST_LOAD;
        return a;
    }
    *more = false;
    return e;
}

// primary: atom followed by trailers.
static KrAstExpr *kr_p_primary(KrParser *p) {
    size_t start = p->pos;
    KrAstExpr *e = kr_p_atom(p);
    bool more = true;
    while (e && more) {
        KrPMark m;
        kr_p_try_begin(p, &m);
        KrAstExpr *next = kr_p_trailer(p, e, start, &more);
        if (kr_p_try_end(p, &m, next != NULL)) break;
        e = next;
    }
    return e;
}

// await_primary ['**' factor]
static KrAstExpr *kr_p_power(KrParser *p) {
    size_t start = p->pos;
    KrAstExpr *e;
    if (kr_p_accept_kw(p, KR_KW_AWAIT)) {
        KrAstExpr *v = kr_p_primary(p);
        if (!v) return NULL;
        e = kr_p_expr_new(p, KR_EXPR_AWAIT, kr_p_loc_from(p, start));
        if (!e) return NULL;
        e->v.await.value = v;
    } else {
        e = kr_p_primary(p);
    }
    if (!e || !kr_p_accept(p, KR_TOK_DOUBLESTAR)) return e;
    KrAstExpr *right = kr_p_factor(p);
    if (!right) return NULL;
    KrAstExpr *b = kr_p_expr_new(p, KR_EXPR_BINOP, kr_p_loc_from(p, start));
    if (!b) return NULL;
    b->v.binop.left = e;
    b->v.binop.op = KR_AST_POW;
    b->v.binop.right = right;
    return b;
}

// An operand that no trailer or '**' follows: the atom is the power.
static bool kr_p_plain_operand(KrParser *p) {
    const KrToken *t = kr_p_peek(p);
    if (t->kind != KR_TOK_NUMBER && t->kind != KR_TOK_STRING && !(t->kind == KR_TOK_NAME && t->kw == KR_KW_NONE_))
        return false;
    KrTokKind next = (KrTokKind)kr_p_la(p, 1)->kind;
    return next != KR_TOK_LPAR && next != KR_TOK_LSQB && next != KR_TOK_DOT && next != KR_TOK_DOUBLESTAR &&
           next != KR_TOK_STRING;
}

static KrAstExpr *kr_p_factor_(KrParser *p) {
    size_t start = p->pos;
    KrAstUnaryOp op;
    switch (kr_p_kind(p)) {
    case KR_TOK_PLUS: op = KR_AST_UADD; break;
    case KR_TOK_MINUS: op = KR_AST_USUB; break;
    case KR_TOK_TILDE: op = KR_AST_INVERT; break;
    default: return kr_p_plain_operand(p) ? kr_p_atom(p) : kr_p_power(p);
    }
    kr_p_next(p);
    KrAstExpr *operand = kr_p_factor(p);
    if (!operand) return NULL;
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_UNARYOP, kr_p_loc_from(p, start));
    if (!e) return NULL;
    e->v.unaryop.op = op;
    e->v.unaryop.operand = operand;
    return e;
}

static KrAstExpr *kr_p_factor(KrParser *p) {
    KrAstExpr *e = kr_p_enter(p) ? kr_p_factor_(p) : NULL;
    kr_p_leave(p);
    return e;
}

// Binary operator precedence (higher binds tighter); 0 if not one.
static int kr_binop_prec(KrTokKind k, KrAstOperator *op) {
    switch (k) {
    case KR_TOK_VBAR: *op = KR_AST_BITOR; return 1;
    case KR_TOK_CIRCUMFLEX: *op = KR_AST_BITXOR; return 2;
    case KR_TOK_AMPER: *op = KR_AST_BITAND; return 3;
    case KR_TOK_LEFTSHIFT: *op = KR_AST_LSHIFT; return 4;
    case KR_TOK_RIGHTSHIFT: *op = KR_AST_RSHIFT; return 4;
    case KR_TOK_PLUS: *op = KR_AST_ADD; return 5;
    case KR_TOK_MINUS: *op = KR_AST_SUB; return 5;
    case KR_TOK_STAR: *op = KR_AST_MULT; return 6;
    case KR_TOK_SLASH: *op = KR_AST_DIV; return 6;
    case KR_TOK_DOUBLESLASH: *op = KR_AST_FLOORDIV; return 6;
    case KR_TOK_PERCENT: *op = KR_AST_MOD; return 6;
    case KR_TOK_AT: *op = KR_AST_MATMULT; return 6;
    default: return 0;
    }
}

// Precedence climbing over | ^ & << >> + - * / // % @ (all left
// associative); recursion depth is bounded by the number of levels.
static KrAstExpr *kr_p_binary(KrParser *p, int min_prec) {
    size_t start = p->pos;
    KrAstExpr *left = kr_p_factor(p);
    while (left) {
        KrAstOperator op;
        int prec = kr_binop_prec(kr_p_kind(p), &op);
        if (prec == 0 || prec < min_prec) break;
        KrPMark m;
        kr_p_try_begin(p, &m);
        kr_p_next(p);
        KrAstExpr *right = kr_p_binary(p, prec + 1);
        if (kr_p_try_end(p, &m, right != NULL)) return left;
        if (!right) return NULL;
        KrAstExpr *b = kr_p_expr_new(p, KR_EXPR_BINOP, kr_p_loc_from(p, start));
        if (!b) return NULL;
        b->v.binop.left = left;
        b->v.binop.op = op;
        b->v.binop.right = right;
        left = b;
    }
    return left;
}

static KrAstExpr *kr_p_bitwise_or(KrParser *p) { return kr_p_binary(p, 1); }

// ---------------------------------------------------------- comparisons --

// Reads a comparison operator if one is next (consuming it).
static bool kr_p_cmp_op(KrParser *p, KrAstCmpOp *op) {
    KrToken *t = kr_p_peek(p);
    switch (t->kind) {
    case KR_TOK_EQEQUAL: *op = KR_AST_EQ; break;
    case KR_TOK_NOTEQUAL: *op = KR_AST_NOTEQ; break;
    case KR_TOK_LESS: *op = KR_AST_LT; break;
    case KR_TOK_LESSEQUAL: *op = KR_AST_LTE; break;
    case KR_TOK_GREATER: *op = KR_AST_GT; break;
    case KR_TOK_GREATEREQUAL: *op = KR_AST_GTE; break;
    case KR_TOK_NAME:
        if (t->kw == KR_KW_IN) {
            *op = KR_AST_IN;
        } else if (t->kw == KR_KW_IS) {
            *op = KR_AST_IS;
            if (kr_tok_is_kw(kr_p_la(p, 1), KR_KW_NOT)) {
                kr_p_next(p);
                *op = KR_AST_ISNOT;
            }
        } else if (t->kw == KR_KW_NOT && kr_tok_is_kw(kr_p_la(p, 1), KR_KW_IN)) {
            kr_p_next(p);
            *op = KR_AST_NOTIN;
        } else {
            return false;
        }
        break;
    default: return false;
    }
    kr_p_next(p);
    return true;
}

// The comparison operators and operands after `left` (from token start).
static KrAstExpr *kr_p_comparison_rest(KrParser *p, KrAstExpr *left, size_t start) {
    if (!left) return NULL;
    KrPVec ops = {0}, comps = {0};
    KrAstCmpOp op;
    KrPMark m;
    for (;;) {
        kr_p_try_begin(p, &m);
        bool more = kr_p_cmp_op(p, &op);
        KrAstExpr *right = more ? kr_p_bitwise_or(p) : NULL;
        if (kr_p_try_end(p, &m, more && right != NULL) || !more) break;
        if (!right || !kr_pvec_push(p, &comps, right)) return NULL;
        if (!kr_pvec_push(p, &ops, (void *)(uintptr_t)op)) return NULL;
    }
    if (*p->failed) return NULL;
    if (comps.count == 0) return left;
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_COMPARE, kr_p_loc_from(p, start));
    KrAstCmpOp *opv = kr_arena_array(p->arena, ops.count, sizeof *opv);
    if (!e || !opv) {
        kr_p_nomem(p);
        return NULL;
    }
    for (size_t i = 0; i < ops.count; i++) opv[i] = (KrAstCmpOp)(uintptr_t)ops.items[i];
    e->v.compare.left = left;
    e->v.compare.ops = opv;
    e->v.compare.comparators = kr_seq_expr(p, &comps);
    return *p->failed ? NULL : e;
}

static KrAstExpr *kr_p_boolops(KrParser *p, int level);

// `not` operand; the `not` (at token start) was just read.
static KrAstExpr *kr_p_not(KrParser *p, size_t start) {
    KrAstExpr *operand = kr_p_enter(p) ? kr_p_boolops(p, 3) : NULL;
    kr_p_leave(p);
    if (!operand) return NULL;
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_UNARYOP, kr_p_loc_from(p, start));
    if (!e) return NULL;
    e->v.unaryop.op = KR_AST_NOT;
    e->v.unaryop.operand = operand;
    return e;
}

// The rest of a conjunction (kw `and`) or disjunction (`or`) whose first
// operand, from token start, is `first`.
static KrAstExpr *kr_p_boolop_rest(KrParser *p, KrAstExpr *first, size_t start, KrKeyword kw) {
    KrPVec v = {0};
    kr_pvec_push(p, &v, first);
    while (kr_p_at_kw(p, kw)) {
        KrPMark m;
        kr_p_try_begin(p, &m);
        kr_p_next(p);
        KrAstExpr *e = kr_p_boolops(p, kw == KR_KW_OR ? 2 : 3);
        if (kr_p_try_end(p, &m, e != NULL)) break;
        if (!e || !kr_pvec_push(p, &v, e)) return NULL;
    }
    if (v.count == 1) return first;
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_BOOLOP, kr_p_loc_from(p, start));
    if (!e) return NULL;
    e->v.boolop.op = kw == KR_KW_OR ? KR_AST_OR : KR_AST_AND;
    e->v.boolop.values = kr_seq_expr(p, &v);
    return *p->failed ? NULL : e;
}

// disjunction (level 1), conjunction (2) and inversion (3) in one
// precedence-climbing function, so that an operand with none of these
// operators costs one call here, not one per grammar level.
static KrAstExpr *kr_p_boolops(KrParser *p, int level) {
    size_t start = p->pos;
    KrAstExpr *e = kr_p_accept_kw(p, KR_KW_NOT) ? kr_p_not(p, start)
                                                : kr_p_comparison_rest(p, kr_p_bitwise_or(p), start);
    if (e && level <= 2 && kr_p_at_kw(p, KR_KW_AND)) e = kr_p_boolop_rest(p, e, start, KR_KW_AND);
    if (e && level <= 1 && kr_p_at_kw(p, KR_KW_OR)) e = kr_p_boolop_rest(p, e, start, KR_KW_OR);
    return e;
}

static KrAstExpr *kr_p_disjunction(KrParser *p) { return kr_p_boolops(p, 1); }

// ----------------------------------------------------- better messages --

static bool kr_is_soft_keyword(const KrParser *p, const KrToken *t) {
    return t->kind == KR_TOK_NAME &&
           (kr_tok_text_is(p, t, "match") || kr_tok_text_is(p, t, "case") || kr_tok_text_is(p, t, "_"));
}


// Probes `parse` at the current position. Returns the parsed node's
// location in *loc when it succeeded; a hard error (e.g. in a string
// literal: CPython's actions run during its probes too) is kept.
static bool kr_p_probe_expr(KrParser *p, KrAstExpr *(*parse)(KrParser *), bool quiet, KrAstLoc *loc,
                            int *level) {
    KrPMark m;
    kr_p_probe_begin(p, &m, quiet);
    KrAstExpr *b = parse(p);
    bool ok = b && !*p->failed;
    if (ok) {
        *loc = b->loc;
        *level = p->pos > 0 ? kr_tok(p, p->pos - 1)->level : 0;
    }
    return kr_p_probe_end(p, &m, quiet) && ok;
}

// CPython's invalid_expression / invalid_legacy_expression, for an
// expression `a` (from token `start`) directly followed by another one:
// "Perhaps you forgot a comma?" inside brackets, "Missing parentheses in
// call to 'print'" for print/exec.
static void kr_p_check_adjacent(KrParser *p, KrAstExpr *a, size_t start) {
    const KrToken *t0 = kr_tok(p, start);
    bool one_name = a->kind == KR_EXPR_NAME && !a->parens && p->pos == start + 1;
    bool legacy = one_name && (strcmp(a->v.name.id, "print") == 0 || strcmp(a->v.name.id, "exec") == 0);
    bool name_string = t0->kind == KR_TOK_NAME && start + 1 < p->ntoks &&
                       kr_tok(p, start + 1)->kind == KR_TOK_STRING;
    KrAstLoc bl;
    int level;
    bool alt1 = !name_string && !kr_is_soft_keyword(p, t0);
    if (alt1) {
        bool ok = kr_p_probe_expr(p, kr_p_expression, true, &bl, &level);
        if (*p->failed) return;
        if (ok && level > 0 && !legacy) {
            kr_p_error_range(p, &a->loc, &bl, "invalid syntax. Perhaps you forgot a comma?");
            return;
        }
    }
    if (!one_name || kr_p_at(p, KR_TOK_LPAR)) return;
    // After the quiet probe above CPython reuses its memoized (quiet)
    // result here, so this one is quiet too.
    bool ok = kr_p_probe_expr(p, kr_p_star_expressions, alt1, &bl, &level);
    if (ok && legacy)
        kr_p_error_range(p, &a->loc, &bl, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                         a->v.name.id, a->v.name.id);
}

// --------------------------------------------------- expression proper --

static KrAstExpr *kr_p_lambda(KrParser *p) {
    size_t start = p->pos;
    kr_p_next(p);
    KrAstArguments *args = kr_p_params(p, true);
    if (!args || !kr_p_expect(p, KR_TOK_COLON)) return NULL;
    KrAstExpr *body = kr_p_expression(p);
    if (!body) return NULL;
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_LAMBDA, kr_p_loc_from(p, start));
    if (!e) return NULL;
    e->v.lambda.args = args;
    e->v.lambda.body = body;
    return e;
}

// `a if b` without else: CPython's message needs b to parse (PEG-style,
// so `a if b* else c` still gets it, about `a if b`).
static void kr_p_ifexp_no_else(KrParser *p, KrAstExpr *a, size_t b_start) {
    if (p->quiet || *p->hard || p->err->kind == KR_SYNERR_MEMORY || strcmp(p->err->msg, "invalid syntax") != 0)
        return;
    KrSyntaxErr generic = *p->err;
    size_t pos = p->pos;
    *p->failed = false;
    kr_p_seek(p, b_start);
    KrPMark m;
    kr_p_probe_begin(p, &m, true);
    KrAstExpr *b = kr_p_disjunction(p);
    bool hit = b && !*p->failed && !kr_p_at_kw(p, KR_KW_ELSE) && !kr_p_at(p, KR_TOK_COLON);
    KrAstLoc bl = hit ? b->loc : a->loc;
    bool undone = kr_p_probe_end(p, &m, true);
    kr_p_seek(p, pos);
    if (!undone) return;
    if (hit) {
        kr_p_error_range(p, &a->loc, &bl, "expected 'else' after 'if' expression");
        return;
    }
    *p->err = generic;
    *p->failed = true;
}

static KrAstExpr *kr_p_ifexp(KrParser *p, KrAstExpr *a, size_t start) {
    kr_p_next(p);
    size_t b_start = p->pos;
    KrAstExpr *b = kr_p_disjunction(p);
    if (!b) {
        kr_p_ifexp_no_else(p, a, b_start);
        return NULL;
    }
    if (!kr_p_accept_kw(p, KR_KW_ELSE)) {
        if (!p->quiet && !kr_p_at(p, KR_TOK_COLON) && !*p->failed)
            kr_p_error_range(p, &a->loc, &b->loc, "expected 'else' after 'if' expression");
        else
            kr_p_invalid(p);
        return NULL;
    }
    KrAstExpr *c = kr_p_expression(p);
    if (!c) return NULL;
    KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_IFEXP, kr_p_loc_from(p, start));
    if (!e) return NULL;
    e->v.ifexp.test = b;
    e->v.ifexp.body = a;
    e->v.ifexp.orelse = c;
    return e;
}

// Tokens after which no operator level can go on: an operand followed by
// one is the whole expression.
static bool kr_tok_ends_expr(const KrToken *t) {
    switch (t->kind) {
    case KR_TOK_NEWLINE: case KR_TOK_COMMA: case KR_TOK_RPAR: case KR_TOK_RSQB: case KR_TOK_RBRACE:
    case KR_TOK_COLON: case KR_TOK_EQUAL: case KR_TOK_SEMI:
        return true;
    default:
        return false;
    }
}

// A lone name, number, string, True, False or None (the most common
// expressions: arguments, items, right-hand sides): the atom itself,
// without the descent through every operator level, which would return
// the same node.
static bool kr_p_lone_atom(KrParser *p) {
    const KrToken *t = kr_p_peek(p);
    bool atom = t->kind == KR_TOK_NUMBER || t->kind == KR_TOK_STRING ||
                (t->kind == KR_TOK_NAME && (t->kw == KR_KW_NONE_ || t->kw == KR_KW_TRUE || t->kw == KR_KW_FALSE ||
                                            t->kw == KR_KW_NONE));
    return atom && kr_tok_ends_expr(kr_p_la(p, 1));
}

static KrAstExpr *kr_p_expression_(KrParser *p) {
    if (kr_p_lone_atom(p)) return kr_p_atom(p);
    if (kr_p_at_kw(p, KR_KW_LAMBDA)) return kr_p_lambda(p);
    size_t start = p->pos;
    KrAstExpr *a = kr_p_disjunction(p);
    if (!a) return NULL;
    if (kr_p_at_kw(p, KR_KW_IF)) {
        KrPMark m;
        kr_p_try_begin(p, &m);
        KrAstExpr *e = kr_p_ifexp(p, a, start);
        if (kr_p_try_end(p, &m, e != NULL)) return a;
        return e;
    }
    if (!p->quiet && kr_tok_starts_expr(kr_p_peek(p))) kr_p_check_adjacent(p, a, start);
    return *p->failed ? NULL : a;
}

static KrAstExpr *kr_p_expression(KrParser *p) {
    KrAstExpr *e = kr_p_enter(p) ? kr_p_expression_(p) : NULL;
    kr_p_leave(p);
    return e;
}

static const char *kr_expr_name(const KrAstExpr *e) {
    switch (e->kind) {
    case KR_EXPR_ATTRIBUTE: return "attribute";
    case KR_EXPR_SUBSCRIPT: return "subscript";
    case KR_EXPR_STARRED: return "starred";
    case KR_EXPR_NAME: return "name";
    case KR_EXPR_LIST: return "list";
    case KR_EXPR_TUPLE: return "tuple";
    case KR_EXPR_LAMBDA: return "lambda";
    case KR_EXPR_CALL: return "function call";
    case KR_EXPR_BOOLOP: case KR_EXPR_BINOP: case KR_EXPR_UNARYOP: return "expression";
    case KR_EXPR_GENERATOREXP: return "generator expression";
    case KR_EXPR_YIELD: case KR_EXPR_YIELDFROM: return "yield expression";
    case KR_EXPR_AWAIT: return "await expression";
    case KR_EXPR_LISTCOMP: return "list comprehension";
    case KR_EXPR_SETCOMP: return "set comprehension";
    case KR_EXPR_DICTCOMP: return "dict comprehension";
    case KR_EXPR_DICT: return "dict literal";
    case KR_EXPR_SET: return "set display";
    case KR_EXPR_JOINEDSTR: case KR_EXPR_FORMATTEDVALUE: return "f-string expression";
    case KR_EXPR_COMPARE: return "comparison";
    case KR_EXPR_IFEXP: return "conditional expression";
    case KR_EXPR_NAMEDEXPR: return "named expression";
    case KR_EXPR_CONSTANT:
        switch (e->v.constant.value.kind) {
        case KR_AST_NONE: return "None";
        case KR_AST_TRUE: return "True";
        case KR_AST_FALSE: return "False";
        case KR_AST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    default: return "expression";
    }
}

// Leftmost sub-expression that starts at the same token as e.
static const KrAstExpr *kr_leftmost(const KrAstExpr *e) {
    for (;;) {
        if (e->parens) return e;
        switch (e->kind) {
        case KR_EXPR_BINOP: e = e->v.binop.left; break;
        case KR_EXPR_CALL: e = e->v.call.func; break;
        case KR_EXPR_ATTRIBUTE: e = e->v.attribute.value; break;
        case KR_EXPR_SUBSCRIPT: e = e->v.subscript.value; break;
        default: return e;
        }
    }
}

// Is e what CPython's bitwise_or rule could have produced?
static bool kr_is_bitwise_level(const KrAstExpr *e) {
    if (e->parens) return true;
    switch (e->kind) {
    case KR_EXPR_BOOLOP: case KR_EXPR_COMPARE: case KR_EXPR_IFEXP: case KR_EXPR_LAMBDA:
    case KR_EXPR_NAMEDEXPR: case KR_EXPR_STARRED: case KR_EXPR_YIELD: case KR_EXPR_YIELDFROM:
        return false;
    case KR_EXPR_UNARYOP: return e->v.unaryop.op != KR_AST_NOT;
    case KR_EXPR_TUPLE: return false;
    default: return true;
    }
}

// After `e =`: does a bitwise_or follow that is not itself followed by
// '=' or ':=' ? (probe only)
static bool kr_p_probe_rhs(KrParser *p) {
    KrPMark m;
    kr_p_probe_begin(p, &m, false);
    kr_p_next(p);
    KrAstExpr *b = kr_p_bitwise_or(p);
    bool ok = b && !*p->failed && !kr_p_at(p, KR_TOK_EQUAL) && !kr_p_at(p, KR_TOK_COLONEQUAL);
    if (!kr_p_probe_end(p, &m, false)) return false;
    return ok;
}

// CPython's invalid_named_expression for `e` followed by '='; start is
// e's first token. Returns true if it raised an error.
static bool kr_p_check_named_eq(KrParser *p, KrAstExpr *e, size_t start) {
    const KrToken *t0 = kr_tok(p, start);
    if (e->kind == KR_EXPR_NAME && !e->parens && p->pos == start + 1) {
        KrPMark m;
        kr_p_probe_begin(p, &m, false);
        kr_p_next(p);
        KrAstExpr *b = kr_p_bitwise_or(p);
        bool ok = b && !*p->failed && !kr_p_at(p, KR_TOK_EQUAL) && !kr_p_at(p, KR_TOK_COLONEQUAL);
        KrAstLoc bl = ok ? b->loc : e->loc;
        if (!kr_p_probe_end(p, &m, false)) return true;
        if (!ok) return false;
        kr_p_error_range(p, &e->loc, &bl, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return true;
    }
    const KrAstExpr *lm = kr_leftmost(e);
    bool excluded = (t0->kind == KR_TOK_LSQB && lm->kind == KR_EXPR_LIST && !lm->parens) ||
                    (t0->kind == KR_TOK_LPAR && lm->parens == 1 &&
                     (lm->kind == KR_EXPR_TUPLE || lm->kind == KR_EXPR_GENERATOREXP)) ||
                    kr_tok_is_kw(t0, KR_KW_TRUE) || kr_tok_is_kw(t0, KR_KW_FALSE) ||
                    kr_tok_is_kw(t0, KR_KW_NONE);
    if (excluded || !kr_is_bitwise_level(e) || !kr_p_probe_rhs(p)) return *p->failed;
    kr_p_error_range(p, &e->loc, &e->loc, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                     kr_expr_name(e));
    return true;
}

// named_expression; `eq_check` enables CPython's invalid_named_expression
// messages for a following '='.
static KrAstExpr *kr_p_named_expr_ex(KrParser *p, bool eq_check) {
    size_t start = p->pos;
    KrToken *t = kr_p_peek(p);
    if (kr_tok_is_name(t) && kr_p_la(p, 1)->kind == KR_TOK_COLONEQUAL) {
        kr_p_next(p);
        kr_p_next(p);
        KrAstExpr *value = kr_p_expression(p);
        KrAstExpr *target = value ? kr_p_name_expr(p, t, KR_AST_STORE) : NULL;
        if (!target) return NULL;
        KrAstExpr *e = kr_p_expr_new(p, KR_EXPR_NAMEDEXPR, kr_p_loc_from(p, start));
        if (!e) return NULL;
        e->v.namedexpr.target = target;
        e->v.namedexpr.value = value;
        return e;
    }
    KrAstExpr *e = kr_p_expression(p);
    if (!e) return NULL;
    if (kr_p_at(p, KR_TOK_COLONEQUAL) && !p->quiet) {
        KrPMark m;  // CPython's rule needs an expression after the ':='
        kr_p_probe_begin(p, &m, false);
        kr_p_next(p);
        bool rhs = kr_p_expression(p) != NULL && !*p->failed;
        if (!kr_p_probe_end(p, &m, false)) return NULL;
        if (rhs) kr_p_error_range(p, &e->loc, &e->loc, "cannot use assignment expressions with %s", kr_expr_name(e));
        else kr_p_invalid(p);
        return NULL;
    }
    if (eq_check && !p->quiet && kr_p_at(p, KR_TOK_EQUAL) && kr_p_check_named_eq(p, e, start))
        return NULL;
    return e;
}

static KrAstExpr *kr_p_named_expression(KrParser *p) { return kr_p_named_expr_ex(p, true); }

static KrAstExpr *kr_p_yield_expr(KrParser *p) {
    size_t start = p->pos;
    kr_p_next(p);
    KrAstExpr *e;
    if (kr_p_accept_kw(p, KR_KW_FROM)) {
        KrAstExpr *v = kr_p_expression(p);
        if (!v || !(e = kr_p_expr_new(p, KR_EXPR_YIELDFROM, kr_p_loc_from(p, start)))) return NULL;
        e->v.yieldfrom.value = v;
        return e;
    }
    KrAstExpr *v = NULL;
    if (kr_tok_starts_star_expr(kr_p_peek(p)) && !(v = kr_p_star_expressions(p))) return NULL;
    if (!(e = kr_p_expr_new(p, KR_EXPR_YIELD, kr_p_loc_from(p, start)))) return NULL;
    e->v.yield.value = v;
    return e;
}

// ------------------------------------------------------------- targets --

// CPython's _PyPegen_get_invalid_target.
static KrAstExpr *kr_invalid_target(KrAstExpr *e, int type) {
    switch (e->kind) {
    case KR_EXPR_LIST:
    case KR_EXPR_TUPLE:
        for (size_t i = 0; i < e->v.seq.elts.count; i++) {
            KrAstExpr *r = kr_invalid_target(e->v.seq.elts.items[i], type);
            if (r) return r;
        }
        return NULL;
    case KR_EXPR_STARRED:
        if (type == KR_TGT_DEL) return e;
        return kr_invalid_target(e->v.starred.value, type);
    case KR_EXPR_COMPARE:
        if (type == KR_TGT_FOR) {
            if (e->v.compare.ops[0] == KR_AST_IN) return kr_invalid_target(e->v.compare.left, type);
            return NULL;
        }
        return e;
    case KR_EXPR_NAME: case KR_EXPR_SUBSCRIPT: case KR_EXPR_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

// Sets the context of a valid target; false if it is not a target shape.
static bool kr_set_ctx(KrAstExpr *e, KrAstExprCtx ctx) {
    switch (e->kind) {
    case KR_EXPR_NAME: e->v.name.ctx = ctx; return true;
    case KR_EXPR_ATTRIBUTE: e->v.attribute.ctx = ctx; return true;
    case KR_EXPR_SUBSCRIPT: e->v.subscript.ctx = ctx; return true;
    case KR_EXPR_STARRED:
        e->v.starred.ctx = ctx;
        return kr_set_ctx(e->v.starred.value, ctx);
    case KR_EXPR_LIST:
    case KR_EXPR_TUPLE:
        e->v.seq.ctx = ctx;
        for (size_t i = 0; i < e->v.seq.elts.count; i++)
            if (!kr_set_ctx(e->v.seq.elts.items[i], ctx)) return false;
        return true;
    default: return false;
    }
}

static bool kr_p_check_target(KrParser *p, KrAstExpr *e, int type) {
    KrAstExpr *bad = kr_invalid_target(e, type);
    if (bad) {
        kr_p_error_range(p, &bad->loc, &bad->loc,
                         type == KR_TGT_DEL ? "cannot delete %s" : "cannot assign to %s",
                         kr_expr_name(bad));
        return false;
    }
    if (!kr_set_ctx(e, type == KR_TGT_DEL ? KR_AST_DEL : KR_AST_STORE)) {
        kr_p_invalid(p);
        return false;
    }
    return true;
}

// Targets as CPython's first pass reads them (star_targets, del_targets):
// ['*'] primary, separated by commas; a Tuple when there is a comma.
static KrAstExpr *kr_p_targets_raw(KrParser *p, bool star) {
    size_t start = p->pos;
    KrPVec v = {0};
    bool comma = false;
    for (;;) {
        size_t s = p->pos;
        KrAstExpr *e = star && kr_p_accept(p, KR_TOK_STAR) ? kr_p_starred(p, kr_p_primary(p), s)
                                                           : kr_p_primary(p);
        if (!e || !kr_pvec_push(p, &v, e)) return NULL;
        if (!kr_p_accept(p, KR_TOK_COMMA)) break;
        comma = true;
        if (!kr_tok_starts_star_expr(kr_p_peek(p))) break;
    }
    return comma ? kr_p_tuple(p, &v, start) : v.items[0];
}

// After the targets failed: CPython's invalid_for_target/invalid_del_stmt
// read them as star_expressions and name the first invalid part.
static void kr_p_bad_targets(KrParser *p, int type) {
    KrPMark m;
    kr_p_probe_begin(p, &m, false);
    KrAstExpr *e = kr_p_star_expressions(p);
    KrAstExpr *bad = e && !*p->failed ? kr_invalid_target(e, type) : NULL;
    if (!kr_p_probe_end(p, &m, false)) return;
    if (!bad) {
        kr_p_invalid(p);
        return;
    }
    kr_p_error_range(p, &bad->loc, &bad->loc, type == KR_TGT_DEL ? "cannot delete %s" : "cannot assign to %s",
                     kr_expr_name(bad));
}

// star_targets of a for loop or comprehension, up to 'in'.
static KrAstExpr *kr_p_for_target(KrParser *p) {
    KrPMark m;
    kr_p_mark(p, &m);
    KrAstExpr *t = kr_p_targets_raw(p, true);
    if (t && kr_p_at_kw(p, KR_KW_IN) && kr_set_ctx(t, KR_AST_STORE)) {
        kr_p_commit(p);
        return t;
    }
    if (kr_p_backtrack(p, &m)) kr_p_bad_targets(p, KR_TGT_FOR);
    return NULL;
}

// -------------------------------------------------------- comprehensions --

static KrAstComprehension *kr_p_comp_clause(KrParser *p) {
    bool is_async = kr_p_accept_kw(p, KR_KW_ASYNC);
    kr_p_next(p);
    KrAstExpr *target = kr_p_for_target(p);
    if (!target) return NULL;
    if (!kr_p_accept_kw(p, KR_KW_IN)) {
        kr_p_invalid(p);
        return NULL;
    }
    KrAstExpr *iter = kr_p_disjunction(p);
    if (!iter) return NULL;
    KrPVec ifs = {0};
    while (kr_p_accept_kw(p, KR_KW_IF)) {
        KrAstExpr *c = kr_p_disjunction(p);
        if (!c || !kr_pvec_push(p, &ifs, c)) return NULL;
    }
    KrAstComprehension *c = kr_p_alloc(p, sizeof *c);
    if (!c) return NULL;
    c->target = target;
    c->iter = iter;
    c->ifs = kr_seq_expr(p, &ifs);
    c->is_async = is_async;
    return c;
}

static bool kr_p_comprehensions(KrParser *p, KrAstComprehensionSeq *out) {
    KrPVec v = {0};
    while (kr_p_at_for(p)) {
        KrAstComprehension *c = kr_p_comp_clause(p);
        if (!c || !kr_pvec_push(p, &v, c)) return false;
    }
    *out = kr_seq_comp(p, &v);
    return !*p->failed;
}

// ------------------------------------------------------------ parameters --

typedef struct KrParams {
    KrPVec posonly, args, defaults, kwonly, kwdefaults;
    KrAstArg *vararg, *kwarg;
    const KrToken *star;      // the '*' token, if any
    bool seen_slash, seen_default, lambda;
} KrParams;

static KrAstArg *kr_p_param(KrParser *p, bool lambda, bool star_annotation) {
    size_t start = p->pos;
    KrToken *t = kr_p_peek(p);
    if (!kr_tok_is_name(t)) {
        kr_p_invalid(p);
        return NULL;
    }
    kr_p_next(p);
    KrAstExpr *ann = NULL;
    if (!lambda && kr_p_accept(p, KR_TOK_COLON)) {
        size_t s2 = p->pos;
        if (star_annotation && kr_p_accept(p, KR_TOK_STAR)) ann = kr_p_starred(p, kr_p_expression(p), s2);
        else ann = kr_p_expression(p);
        if (!ann) return NULL;
    }
    KrAstArg *a = kr_p_alloc(p, sizeof *a);
    if (!a) return NULL;
    a->loc = kr_p_loc_from(p, start);
    a->arg = kr_p_tok_str(p, t);
    a->annotation = ann;
    return a->arg ? a : NULL;
}

static void kr_p_tok_error(KrParser *p, const KrToken *t, const char *msg) {
    KrAstLoc l = kr_tok_loc(t);
    kr_p_error_range(p, &l, &l, "%s", msg);
}

static bool kr_p_param_slash(KrParser *p, KrParams *ps) {
    KrToken *t = kr_p_next(p);
    if (ps->seen_slash) return kr_p_tok_error(p, t, "/ may appear only once"), false;
    if (ps->star) return kr_p_tok_error(p, t, "/ must be ahead of *"), false;
    if (ps->args.count == 0) {
        p->probe++;  // CPython does not look past the '/' here
        bool comma = kr_p_at(p, KR_TOK_COMMA);
        p->probe--;
        if (comma) kr_p_tok_error(p, t, "at least one argument must precede /");
        else kr_p_invalid(p);
        return false;
    }
    if (kr_p_at(p, KR_TOK_STAR)) {
        kr_p_tok_error(p, kr_p_peek(p), "expected comma between / and *");
        return false;
    }
    ps->posonly = ps->args;
    memset(&ps->args, 0, sizeof ps->args);
    ps->seen_slash = true;
    return true;
}

static bool kr_p_param_star(KrParser *p, KrParams *ps) {
    KrToken *t = kr_p_next(p);
    KrTokKind closer = ps->lambda ? KR_TOK_COLON : KR_TOK_RPAR;
    if (ps->star) {
        KrToken *n1 = kr_p_la(p, 0), *n2 = kr_p_la(p, 1);
        if (n1->kind == KR_TOK_COMMA || (kr_tok_is_name(n1) && (n2->kind == KR_TOK_COMMA || n2->kind == closer)))
            kr_p_tok_error(p, t, "* argument may appear only once");
        else
            kr_p_invalid(p);
        return false;
    }
    ps->star = t;
    if (kr_p_at(p, closer) ||
        (kr_p_at(p, KR_TOK_COMMA) && (kr_p_la(p, 1)->kind == closer || kr_p_la(p, 1)->kind == KR_TOK_DOUBLESTAR))) {
        if (ps->lambda) kr_p_error_last(p, KR_SYNERR_SYNTAX, "named arguments must follow bare *");
        else kr_p_tok_error(p, t, "named arguments must follow bare *");
        return false;
    }
    if (kr_p_at(p, KR_TOK_COMMA)) return true;
    ps->vararg = kr_p_param(p, ps->lambda, true);
    if (!ps->vararg) return false;
    if (kr_p_at(p, KR_TOK_EQUAL))
        return kr_p_tok_error(p, kr_p_peek(p), "var-positional argument cannot have default value"), false;
    return true;
}

static bool kr_p_param_dstar(KrParser *p, KrParams *ps) {
    KrToken *t = kr_p_next(p);
    if (ps->kwarg) return kr_p_tok_error(p, t, "arguments cannot follow var-keyword argument"), false;
    ps->kwarg = kr_p_param(p, ps->lambda, false);
    if (!ps->kwarg) return false;
    if (kr_p_at(p, KR_TOK_EQUAL))
        return kr_p_tok_error(p, kr_p_peek(p), "var-keyword argument cannot have default value"), false;
    return true;
}

// '(' a, b ')' in a parameter list: CPython's dedicated message.
static bool kr_p_param_paren(KrParser *p, KrParams *ps) {
    KrToken *open = kr_p_peek(p);
    size_t k = 1;
    p->probe++;  // a second-pass check in CPython: not part of its first pass
    while (kr_tok_is_name(kr_p_la(p, k)) && kr_p_la(p, k + 1)->kind == KR_TOK_COMMA) k += 2;
    if (kr_tok_is_name(kr_p_la(p, k))) k++;
    bool hit = k > 1 && kr_p_la(p, k)->kind == KR_TOK_RPAR;
    p->probe--;
    if (hit) {
        KrAstLoc a = kr_tok_loc(open), b = kr_tok_loc(kr_p_la(p, k));
        kr_p_error_range(p, &a, &b, ps->lambda ? "Lambda expression parameters cannot be parenthesized"
                                              : "Function parameters cannot be parenthesized");
    } else {
        kr_p_invalid(p);
    }
    return false;
}

static bool kr_p_param_plain(KrParser *p, KrParams *ps) {
    KrAstArg *a = kr_p_param(p, ps->lambda, false);
    if (!a) return false;
    if (ps->kwarg) {
        kr_p_error_range(p, &a->loc, &a->loc, "arguments cannot follow var-keyword argument");
        return false;
    }
    KrAstExpr *dflt = NULL;
    if (kr_p_at(p, KR_TOK_EQUAL)) {
        KrToken *eq = kr_p_next(p);
        KrTokKind closer = ps->lambda ? KR_TOK_COLON : KR_TOK_RPAR;
        if (kr_p_at(p, KR_TOK_COMMA) || kr_p_at(p, closer))
            return kr_p_tok_error(p, eq, "expected default value expression"), false;
        if (!(dflt = kr_p_expression(p))) return false;
    }
    if (ps->star) return kr_pvec_push(p, &ps->kwonly, a) && kr_pvec_push(p, &ps->kwdefaults, dflt);
    if (dflt) {
        ps->seen_default = true;
        if (!kr_pvec_push(p, &ps->defaults, dflt)) return false;
    } else if (ps->seen_default) {
        KrTokKind closer = ps->lambda ? KR_TOK_COLON : KR_TOK_RPAR;
        if (kr_p_at(p, KR_TOK_COMMA) || kr_p_at(p, closer))
            kr_p_error_range(p, &a->loc, &a->loc, "non-default argument follows default argument");
        else
            kr_p_invalid(p);
        return false;
    }
    return kr_pvec_push(p, &ps->args, a);
}

static bool kr_p_param_item(KrParser *p, KrParams *ps) {
    switch (kr_p_kind(p)) {
    case KR_TOK_SLASH: return kr_p_param_slash(p, ps);
    case KR_TOK_STAR: return kr_p_param_star(p, ps);
    case KR_TOK_DOUBLESTAR: return kr_p_param_dstar(p, ps);
    case KR_TOK_LPAR: return kr_p_param_paren(p, ps);
    default: return kr_p_param_plain(p, ps);
    }
}

// Parameters of a def (up to ')') or lambda (up to ':'); the closer is
// left for the caller.
static KrAstArguments *kr_p_params(KrParser *p, bool lambda) {
    KrParams ps;
    memset(&ps, 0, sizeof ps);
    ps.lambda = lambda;
    KrTokKind closer = lambda ? KR_TOK_COLON : KR_TOK_RPAR;
    while (!kr_p_at(p, closer) && !*p->failed) {
        if (ps.kwarg && (kr_p_at(p, KR_TOK_STAR) || kr_p_at(p, KR_TOK_DOUBLESTAR) || kr_p_at(p, KR_TOK_SLASH))) {
            kr_p_tok_error(p, kr_p_peek(p), "arguments cannot follow var-keyword argument");
            return NULL;
        }
        if (!kr_p_param_item(p, &ps)) return NULL;
        if (!kr_p_accept(p, KR_TOK_COMMA)) break;
    }
    if (*p->failed) return NULL;
    KrAstArguments *a = kr_p_alloc(p, sizeof *a);
    if (!a) return NULL;
    a->posonlyargs = kr_seq_arg(p, &ps.posonly);
    a->args = kr_seq_arg(p, &ps.args);
    a->vararg = ps.vararg;
    a->kwonlyargs = kr_seq_arg(p, &ps.kwonly);
    a->kw_defaults = kr_seq_expr(p, &ps.kwdefaults);
    a->kwarg = ps.kwarg;
    a->defaults = kr_seq_expr(p, &ps.defaults);
    return *p->failed ? NULL : a;
}


// ------------------------------------------------------------ tree depth --

// Left-nested chains (a.b.c..., a+b+c...) are built in loops, so the
// recursion bound alone does not bound the tree height; each statement's
// expressions are measured here (recursion is cut off at `left` levels).
static bool kr_h_expr(const KrAstExpr *e, int left);
static bool kr_h_pattern(const KrAstPattern *x, int left);

static bool kr_h_seq(KrAstExprSeq s, int left) {
    for (size_t i = 0; i < s.count; i++)
        if (s.items[i] && !kr_h_expr(s.items[i], left)) return false;
    return true;
}

static bool kr_h_argseq(KrAstArgSeq s, int left) {
    for (size_t i = 0; i < s.count; i++)
        if (!kr_h_expr(s.items[i]->annotation, left)) return false;
    return true;
}

static bool kr_h_args(const KrAstArguments *a, int left) {
    return kr_h_argseq(a->posonlyargs, left) && kr_h_argseq(a->args, left) &&
           kr_h_argseq(a->kwonlyargs, left) && kr_h_seq(a->kw_defaults, left) &&
           kr_h_seq(a->defaults, left) && (!a->vararg || kr_h_expr(a->vararg->annotation, left)) &&
           (!a->kwarg || kr_h_expr(a->kwarg->annotation, left));
}

static bool kr_h_comps(KrAstComprehensionSeq g, int left) {
    for (size_t i = 0; i < g.count; i++)
        if (!kr_h_expr(g.items[i]->target, left) || !kr_h_expr(g.items[i]->iter, left) ||
            !kr_h_seq(g.items[i]->ifs, left))
            return false;
    return true;
}

static bool kr_h_keywords(KrAstKeywordSeq k, int left) {
    for (size_t i = 0; i < k.count; i++)
        if (!kr_h_expr(k.items[i]->value, left)) return false;
    return true;
}

static bool kr_h_expr_more(const KrAstExpr *e, int left) {
    switch (e->kind) {
    case KR_EXPR_CALL:
        return kr_h_expr(e->v.call.func, left) && kr_h_seq(e->v.call.args, left) &&
               kr_h_keywords(e->v.call.keywords, left);
    case KR_EXPR_FORMATTEDVALUE:
        return kr_h_expr(e->v.formatted.value, left) && kr_h_expr(e->v.formatted.format_spec, left);
    case KR_EXPR_JOINEDSTR: return kr_h_seq(e->v.joinedstr.values, left);
    case KR_EXPR_ATTRIBUTE: return kr_h_expr(e->v.attribute.value, left);
    case KR_EXPR_SUBSCRIPT:
        return kr_h_expr(e->v.subscript.value, left) && kr_h_expr(e->v.subscript.slice, left);
    case KR_EXPR_STARRED: return kr_h_expr(e->v.starred.value, left);
    case KR_EXPR_LIST: case KR_EXPR_TUPLE: return kr_h_seq(e->v.seq.elts, left);
    case KR_EXPR_SLICE:
        return kr_h_expr(e->v.slice.lower, left) && kr_h_expr(e->v.slice.upper, left) &&
               kr_h_expr(e->v.slice.step, left);
    default: return true;
    }
}

static bool kr_h_expr(const KrAstExpr *e, int left) {
    if (!e) return true;
    if (--left < 0) return false;
    switch (e->kind) {
    case KR_EXPR_BOOLOP: return kr_h_seq(e->v.boolop.values, left);
    case KR_EXPR_NAMEDEXPR:
        return kr_h_expr(e->v.namedexpr.target, left) && kr_h_expr(e->v.namedexpr.value, left);
    case KR_EXPR_BINOP: return kr_h_expr(e->v.binop.left, left) && kr_h_expr(e->v.binop.right, left);
    case KR_EXPR_UNARYOP: return kr_h_expr(e->v.unaryop.operand, left);
    case KR_EXPR_LAMBDA: return kr_h_args(e->v.lambda.args, left) && kr_h_expr(e->v.lambda.body, left);
    case KR_EXPR_IFEXP:
        return kr_h_expr(e->v.ifexp.test, left) && kr_h_expr(e->v.ifexp.body, left) &&
               kr_h_expr(e->v.ifexp.orelse, left);
    case KR_EXPR_DICT: return kr_h_seq(e->v.dict.keys, left) && kr_h_seq(e->v.dict.values, left);
    case KR_EXPR_SET: return kr_h_seq(e->v.set.elts, left);
    case KR_EXPR_LISTCOMP: case KR_EXPR_SETCOMP: case KR_EXPR_GENERATOREXP:
        return kr_h_expr(e->v.comp.elt, left) && kr_h_comps(e->v.comp.generators, left);
    case KR_EXPR_DICTCOMP:
        return kr_h_expr(e->v.dictcomp.key, left) && kr_h_expr(e->v.dictcomp.value, left) &&
               kr_h_comps(e->v.dictcomp.generators, left);
    case KR_EXPR_AWAIT: case KR_EXPR_YIELD: case KR_EXPR_YIELDFROM:
        return kr_h_expr(e->v.await.value, left);
    case KR_EXPR_COMPARE:
        return kr_h_expr(e->v.compare.left, left) && kr_h_seq(e->v.compare.comparators, left);
    default: return kr_h_expr_more(e, left);
    }
}

static bool kr_h_patseq(KrAstPatternSeq s, int left) {
    for (size_t i = 0; i < s.count; i++)
        if (!kr_h_pattern(s.items[i], left)) return false;
    return true;
}

static bool kr_h_pattern(const KrAstPattern *x, int left) {
    if (!x) return true;
    if (--left < 0) return false;
    switch (x->kind) {
    case KR_PAT_MATCHVALUE: return kr_h_expr(x->v.value.value, left);
    case KR_PAT_MATCHSEQUENCE: return kr_h_patseq(x->v.sequence.patterns, left);
    case KR_PAT_MATCHMAPPING:
        return kr_h_seq(x->v.mapping.keys, left) && kr_h_patseq(x->v.mapping.patterns, left);
    case KR_PAT_MATCHCLASS:
        return kr_h_expr(x->v.cls.cls, left) && kr_h_patseq(x->v.cls.patterns, left) &&
               kr_h_patseq(x->v.cls.kwd_patterns, left);
    case KR_PAT_MATCHAS: return kr_h_pattern(x->v.as.pattern, left);
    case KR_PAT_MATCHOR: return kr_h_patseq(x->v.or_.patterns, left);
    default: return true;
    }
}

static bool kr_h_compound(const KrAstStmt *s, int left) {
    switch (s->kind) {
    case KR_STMT_FUNCTIONDEF: case KR_STMT_ASYNCFUNCTIONDEF:
        return kr_h_args(s->v.funcdef.args, left) && kr_h_seq(s->v.funcdef.decorator_list, left) &&
               kr_h_expr(s->v.funcdef.returns, left);
    case KR_STMT_CLASSDEF:
        return kr_h_seq(s->v.classdef.bases, left) && kr_h_keywords(s->v.classdef.keywords, left) &&
               kr_h_seq(s->v.classdef.decorator_list, left);
    case KR_STMT_FOR: case KR_STMT_ASYNCFOR:
        return kr_h_expr(s->v.for_.target, left) && kr_h_expr(s->v.for_.iter, left);
    case KR_STMT_WHILE: return kr_h_expr(s->v.while_.test, left);
    case KR_STMT_WITH: case KR_STMT_ASYNCWITH:
        for (size_t i = 0; i < s->v.with.items.count; i++)
            if (!kr_h_expr(s->v.with.items.items[i]->context_expr, left) ||
                !kr_h_expr(s->v.with.items.items[i]->optional_vars, left))
                return false;
        return true;
    case KR_STMT_MATCH:
        for (size_t i = 0; i < s->v.match.cases.count; i++)
            if (!kr_h_pattern(s->v.match.cases.items[i]->pattern, left) ||
                !kr_h_expr(s->v.match.cases.items[i]->guard, left))
                return false;
        return kr_h_expr(s->v.match.subject, left);
    case KR_STMT_TRY: case KR_STMT_TRYSTAR:
        for (size_t i = 0; i < s->v.try_.handlers.count; i++)
            if (!kr_h_expr(s->v.try_.handlers.items[i]->type, left)) return false;
        return true;
    default: return true;
    }
}

// The statement's own expressions (bodies are checked as they are built;
// elif chains are walked here since they are built without the check).
static bool kr_h_stmt(const KrAstStmt *s, int left) {
    switch (s->kind) {
    case KR_STMT_RETURN: return kr_h_expr(s->v.return_.value, left);
    case KR_STMT_DELETE: return kr_h_seq(s->v.delete_.targets, left);
    case KR_STMT_ASSIGN: return kr_h_seq(s->v.assign.targets, left) && kr_h_expr(s->v.assign.value, left);
    case KR_STMT_AUGASSIGN:
        return kr_h_expr(s->v.augassign.target, left) && kr_h_expr(s->v.augassign.value, left);
    case KR_STMT_ANNASSIGN:
        return kr_h_expr(s->v.annassign.target, left) && kr_h_expr(s->v.annassign.annotation, left) &&
               kr_h_expr(s->v.annassign.value, left);
    case KR_STMT_RAISE: return kr_h_expr(s->v.raise.exc, left) && kr_h_expr(s->v.raise.cause, left);
    case KR_STMT_ASSERT: return kr_h_expr(s->v.assert_.test, left) && kr_h_expr(s->v.assert_.msg, left);
    case KR_STMT_EXPR: return kr_h_expr(s->v.expr.value, left);
    case KR_STMT_IF:
        for (; s->kind == KR_STMT_IF; s = s->v.if_.orelse.items[0]) {
            if (!kr_h_expr(s->v.if_.test, left)) return false;
            if (s->v.if_.orelse.count != 1) break;
        }
        return true;
    default: return kr_h_compound(s, left);
    }
}

// Rejects a statement whose expression trees are too deep. Only
// expression and pattern nodes count towards the depth, and all of the
// statement's were made since `nodes_before`: with no more of them than
// the bound, no path can exceed it (the usual case, checked without a walk).
static bool kr_p_check_depth(KrParser *p, const KrAstStmt *s, long nodes_before) {
    if (*p->nodes - nodes_before <= KR_AST_MAX_DEPTH || kr_h_stmt(s, KR_AST_MAX_DEPTH)) return true;
    kr_p_error_range(p, &s->loc, &s->loc, "too complex statement");
    return false;
}

// ------------------------------------------------------------ statements --

static bool kr_p_statement(KrParser *p, KrPVec *out);

// Statements of a block, after its INDENT, up to the DEDENT.
static bool kr_p_statements(KrParser *p, KrPVec *out) {
    while (!kr_p_at(p, KR_TOK_DEDENT) && !kr_p_at(p, KR_TOK_ENDMARKER) && !*p->failed)
        if (!kr_p_statement(p, out)) return false;
    return !*p->failed;
}

static bool kr_p_simple_stmts(KrParser *p, KrPVec *out, long nodes_before);

// block: NEWLINE INDENT statements DEDENT | simple_stmts. `what` names the
// statement for CPython's "expected an indented block after ..." error.
static bool kr_p_block_(KrParser *p, KrAstStmtSeq *body, const char *what, int32_t line) {
    KrPVec v = {0};
    if (kr_p_accept(p, KR_TOK_NEWLINE)) {
        if (!kr_p_at(p, KR_TOK_INDENT)) {
            if (*p->failed) return false;
            char msg[128];
            snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", what, (int)line);
            kr_p_error_last(p, KR_SYNERR_INDENTATION, msg);
            return false;
        }
        kr_p_next(p);
        if (!kr_p_statements(p, &v) || !kr_p_expect(p, KR_TOK_DEDENT)) return false;
    } else if (!kr_p_simple_stmts(p, &v, *p->nodes)) {
        return false;
    }
    *body = kr_seq_stmt(p, &v);
    return !*p->failed;
}

static bool kr_p_block(KrParser *p, KrAstStmtSeq *body, const char *what, int32_t line) {
    bool ok = kr_p_enter(p) && kr_p_block_(p, body, what, line);
    kr_p_leave(p);
    return ok;
}

// ':' where CPython only complains specially before a NEWLINE.
static bool kr_p_colon(KrParser *p) {
    if (kr_p_accept(p, KR_TOK_COLON)) return true;
    if (kr_p_at(p, KR_TOK_NEWLINE)) kr_p_error_last(p, KR_SYNERR_SYNTAX, "expected ':'");
    else kr_p_invalid(p);
    return false;
}

// CPython's forced token (&&':'): "expected ':'" at whatever is there.
static bool kr_p_forced(KrParser *p, KrTokKind k, const char *text) {
    if (kr_p_accept(p, k)) return true;
    KrToken *t = kr_p_peek(p);
    if (*p->failed) return false;
    KrAstLoc l = kr_tok_loc(t);
    if (t->kind == KR_TOK_NEWLINE || t->kind == KR_TOK_INDENT || t->kind == KR_TOK_DEDENT ||
        t->kind == KR_TOK_ENDMARKER)
        kr_p_error_tok(p, KR_SYNERR_SYNTAX, t, "expected '%s'", text);
    else
        kr_p_error_range(p, &l, &l, "expected '%s'", text);
    *p->first_pass = true;
    return false;
}

static KrAstStmt *kr_p_stmt_expr(KrParser *p, KrAstStmtKind kind, KrAstExpr *value, size_t start) {
    KrAstStmt *s = kr_p_stmt_new(p, kind, kr_p_loc_from(p, start));
    if (s) s->v.expr.value = value;
    return s;
}

// ------------------------------------------------- assignment statements --

static bool kr_is_aug(KrTokKind k, KrAstOperator *op) {
    switch (k) {
    case KR_TOK_PLUSEQUAL: *op = KR_AST_ADD; return true;
    case KR_TOK_MINEQUAL: *op = KR_AST_SUB; return true;
    case KR_TOK_STAREQUAL: *op = KR_AST_MULT; return true;
    case KR_TOK_ATEQUAL: *op = KR_AST_MATMULT; return true;
    case KR_TOK_SLASHEQUAL: *op = KR_AST_DIV; return true;
    case KR_TOK_PERCENTEQUAL: *op = KR_AST_MOD; return true;
    case KR_TOK_AMPEREQUAL: *op = KR_AST_BITAND; return true;
    case KR_TOK_VBAREQUAL: *op = KR_AST_BITOR; return true;
    case KR_TOK_CIRCUMFLEXEQUAL: *op = KR_AST_BITXOR; return true;
    case KR_TOK_LEFTSHIFTEQUAL: *op = KR_AST_LSHIFT; return true;
    case KR_TOK_RIGHTSHIFTEQUAL: *op = KR_AST_RSHIFT; return true;
    case KR_TOK_DOUBLESTAREQUAL: *op = KR_AST_POW; return true;
    case KR_TOK_DOUBLESLASHEQUAL: *op = KR_AST_FLOORDIV; return true;
    default: return false;
    }
}

// yield_expr | star_expressions
static KrAstExpr *kr_p_rhs(KrParser *p) {
    return kr_p_at_kw(p, KR_KW_YIELD) ? kr_p_yield_expr(p) : kr_p_star_expressions(p);
}

static KrAstStmt *kr_p_annassign(KrParser *p, KrAstExpr *target, size_t start) {
    const char *bad = NULL;
    const KrAstExpr *at = target;
    if (target->kind == KR_EXPR_TUPLE && !target->parens) {
        bad = "only single target (not tuple) can be annotated";
        at = target->v.seq.elts.items[0];
    } else if (target->kind == KR_EXPR_TUPLE || target->kind == KR_EXPR_LIST) {
        bad = target->kind == KR_EXPR_TUPLE ? "only single target (not tuple) can be annotated"
                                            : "only single target (not list) can be annotated";
    } else if (target->kind != KR_EXPR_NAME && target->kind != KR_EXPR_ATTRIBUTE &&
               target->kind != KR_EXPR_SUBSCRIPT) {
        bad = "illegal target for annotation";
    }
    if (bad) {
        // CPython's rules for these messages need an annotation to follow.
        KrPMark m;
        kr_p_probe_begin(p, &m, false);
        kr_p_next(p);
        bool ann_follows = kr_p_expression(p) != NULL && !*p->failed;
        if (!kr_p_probe_end(p, &m, false)) return NULL;
        if (ann_follows) kr_p_error_range(p, &at->loc, &at->loc, "%s", bad);
        else kr_p_invalid(p);
        return NULL;
    }
    kr_p_next(p);
    KrAstExpr *ann = kr_p_expression(p), *value = NULL;
    if (!ann) return NULL;
    if (kr_p_accept(p, KR_TOK_EQUAL) && !(value = kr_p_rhs(p))) return NULL;
    kr_set_ctx(target, KR_AST_STORE);
    KrAstStmt *s = kr_p_stmt_new(p, KR_STMT_ANNASSIGN, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.annassign.target = target;
    s->v.annassign.annotation = ann;
    s->v.annassign.value = value;
    s->v.annassign.simple = target->kind == KR_EXPR_NAME && !target->parens;
    return s;
}

// Before blaming an invalid target, CPython's invalid_assignment rule
// re-reads the statement's start as star_named_expression [','
// star_named_expressions], so `x = a < b = c` gets the named-expression
// message about `x = a`. Returns false if that raised an error.
static bool kr_p_assign_start_probe(KrParser *p, size_t stmt_start) {
    KrPMark m;
    kr_p_probe_begin(p, &m, false);
    kr_p_seek(p, stmt_start);
    KrAstExpr *e = kr_p_star_item(p, true);
    if (e && !*p->failed && kr_p_accept(p, KR_TOK_COMMA)) {
        while (kr_tok_starts_star_expr(kr_p_peek(p)) && !*p->failed) {
            if (!kr_p_star_item(p, true) || !kr_p_accept(p, KR_TOK_COMMA)) break;
        }
    }
    return kr_p_probe_end(p, &m, false);
}

// The value after the last '=' failed to parse. If a PEG parse of it
// works, CPython's assignment rule succeeded and the error stands;
// otherwise its invalid_assignment rule gets a chance at the start.
static void kr_p_assign_failed(KrParser *p, size_t stmt_start, size_t value_start) {
    if (*p->hard || p->err->kind == KR_SYNERR_MEMORY || strcmp(p->err->msg, "invalid syntax") != 0) return;
    KrSyntaxErr generic = *p->err;
    size_t pos = p->pos;
    *p->failed = false;
    kr_p_seek(p, value_start);
    KrPMark m;
    kr_p_probe_begin(p, &m, true);
    bool value_ok = kr_p_rhs(p) != NULL && !*p->failed && !kr_p_at(p, KR_TOK_EQUAL);
    bool undone = kr_p_probe_end(p, &m, true);
    if (undone && (value_ok || kr_p_assign_start_probe(p, stmt_start))) {
        *p->err = generic;
        *p->failed = true;
    }
    kr_p_seek(p, pos);
}

// Validates one assignment target of the statement starting at stmt_start.
static bool kr_p_assign_target(KrParser *p, KrAstExpr *t, size_t stmt_start) {
    bool yield = (t->kind == KR_EXPR_YIELD || t->kind == KR_EXPR_YIELDFROM) && !t->parens;
    if ((yield || kr_invalid_target(t, KR_TGT_STAR)) && !kr_p_assign_start_probe(p, stmt_start)) return false;
    if (yield) {
        kr_p_error_range(p, &t->loc, &t->loc, "assignment to yield expression not possible");
        return false;
    }
    if (!kr_p_check_target(p, t, KR_TGT_STAR)) return false;
    if (t->kind == KR_EXPR_STARRED) {  // CPython's compiler reports this one
        kr_p_error_range(p, &t->loc, &t->loc, "starred assignment target must be in a list or tuple");
        *p->first_pass = true;
        return false;
    }
    return true;
}

static KrAstStmt *kr_p_assign(KrParser *p, KrAstExpr *first, size_t start) {
    KrPVec targets = {0};
    KrAstExpr *cur = first;
    while (kr_p_at(p, KR_TOK_EQUAL)) {
        if (!kr_p_assign_target(p, cur, start)) return NULL;
        if (!kr_pvec_push(p, &targets, cur)) return NULL;
        kr_p_next(p);
        size_t value_start = p->pos;
        if (!(cur = kr_p_rhs(p))) {
            kr_p_assign_failed(p, start, value_start);
            return NULL;
        }
    }
    KrAstStmt *s = kr_p_stmt_new(p, KR_STMT_ASSIGN, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.assign.targets = kr_seq_expr(p, &targets);
    s->v.assign.value = cur;
    return *p->failed ? NULL : s;
}

static KrAstStmt *kr_p_augassign(KrParser *p, KrAstExpr *target, KrAstOperator op, size_t start) {
    if (target->kind != KR_EXPR_NAME && target->kind != KR_EXPR_ATTRIBUTE &&
        target->kind != KR_EXPR_SUBSCRIPT) {
        kr_p_error_range(p, &target->loc, &target->loc,
                         "'%s' is an illegal expression for augmented assignment", kr_expr_name(target));
        return NULL;
    }
    kr_p_next(p);
    KrAstExpr *value = kr_p_rhs(p);
    if (!value) return NULL;
    kr_set_ctx(target, KR_AST_STORE);
    KrAstStmt *s = kr_p_stmt_new(p, KR_STMT_AUGASSIGN, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.augassign.target = target;
    s->v.augassign.op = op;
    s->v.augassign.value = value;
    return s;
}

// Expression statements and all assignment forms.
static KrAstStmt *kr_p_expr_stmt(KrParser *p) {
    size_t start = p->pos;
    KrAstExpr *e = kr_p_rhs(p);
    if (!e) return NULL;
    KrAstOperator op;
    if (kr_p_at(p, KR_TOK_COLON)) return kr_p_annassign(p, e, start);
    if (kr_p_at(p, KR_TOK_EQUAL)) return kr_p_assign(p, e, start);
    if (kr_is_aug(kr_p_kind(p), &op)) return kr_p_augassign(p, e, op, start);
    return kr_p_stmt_expr(p, KR_STMT_EXPR, e, start);
}

// ---------------------------------------------------- simple statements --

static KrAstStmt *kr_p_return(KrParser *p, size_t start) {
    KrAstExpr *v = NULL;
    if (kr_tok_starts_star_expr(kr_p_peek(p)) && !(v = kr_p_star_expressions(p))) return NULL;
    KrAstStmt *s = kr_p_stmt_new(p, KR_STMT_RETURN, kr_p_loc_from(p, start));
    if (s) s->v.return_.value = v;
    return s;
}

static KrAstStmt *kr_p_raise(KrParser *p, size_t start) {
    KrAstExpr *exc = NULL, *cause = NULL;
    if (kr_tok_starts_expr(kr_p_peek(p))) {
        if (!(exc = kr_p_expression(p))) return NULL;
        if (kr_p_accept_kw(p, KR_KW_FROM) && !(cause = kr_p_expression(p))) return NULL;
    }
    KrAstStmt *s = kr_p_stmt_new(p, KR_STMT_RAISE, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.raise.exc = exc;
    s->v.raise.cause = cause;
    return s;
}

static KrAstStmt *kr_p_global(KrParser *p, size_t start, KrAstStmtKind kind) {
    KrPVec names = {0};
    do {
        const char *n = kr_p_name(p);
        if (!n || !kr_pvec_push(p, &names, (void *)n)) return NULL;
    } while (kr_p_accept(p, KR_TOK_COMMA));
    KrAstStmt *s = kr_p_stmt_new(p, kind, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.global.names = kr_seq_ident(p, &names);
    return *p->failed ? NULL : s;
}

static KrAstStmt *kr_p_del(KrParser *p, size_t start) {
    KrPMark m;
    kr_p_mark(p, &m);
    KrPVec targets = {0};
    bool ok = true;
    do {
        KrAstExpr *t = kr_p_primary(p);
        ok = t && kr_set_ctx(t, KR_AST_DEL) && kr_pvec_push(p, &targets, t);
    } while (ok && kr_p_accept(p, KR_TOK_COMMA) && !kr_p_at(p, KR_TOK_SEMI) && !kr_p_at(p, KR_TOK_NEWLINE));
    if (!ok || !(kr_p_at(p, KR_TOK_SEMI) || kr_p_at(p, KR_TOK_NEWLINE))) {
        if (kr_p_backtrack(p, &m)) kr_p_bad_targets(p, KR_TGT_DEL);
        return NULL;
    }
    kr_p_commit(p);
    KrAstStmt *s = kr_p_stmt_new(p, KR_STMT_DELETE, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.delete_.targets = kr_seq_expr(p, &targets);
    return *p->failed ? NULL : s;
}

static KrAstStmt *kr_p_assert(KrParser *p, size_t start) {
    KrAstExpr *test = kr_p_expression(p), *msg = NULL;
    if (!test) return NULL;
    if (kr_p_accept(p, KR_TOK_COMMA) && !(msg = kr_p_expression(p))) return NULL;
    KrAstStmt *s = kr_p_stmt_new(p, KR_STMT_ASSERT, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.assert_.test = test;
    s->v.assert_.msg = msg;
    return s;
}

// dotted_name: NAME ('.' NAME)*, as one arena string.
static const char *kr_p_dotted_name(KrParser *p) {
    KrToken *first = kr_p_peek(p);
    if (!kr_tok_is_name(first)) {
        kr_p_invalid(p);
        return NULL;
    }
    kr_p_next(p);
    KrBuf b;
    kr_buf_init(&b, p->alloc);
    bool ok = kr_buf_append(&b, p->src + first->start, first->end - first->start);
    while (ok && kr_p_at(p, KR_TOK_DOT)) {
        kr_p_next(p);
        KrToken *t = kr_p_peek(p);
        if (!kr_tok_is_name(t)) {
            kr_p_invalid(p);
            kr_buf_free(&b);
            return NULL;
        }
        kr_p_next(p);
        ok = kr_buf_append_char(&b, '.') && kr_buf_append(&b, p->src + t->start, t->end - t->start);
    }
    const char *s = ok ? kr_arena_strndup(p->arena, b.data, b.len) : NULL;
    kr_buf_free(&b);
    if (!s) kr_p_nomem(p);
    return s;
}

static KrAstAlias *kr_p_alias(KrParser *p, bool dotted) {
    size_t start = p->pos;
    const char *name = dotted ? kr_p_dotted_name(p) : kr_p_name(p), *as = NULL;
    if (!name) return NULL;
    if (kr_p_accept_kw(p, KR_KW_AS) && !(as = kr_p_name(p))) return NULL;
    KrAstAlias *a = kr_p_alloc(p, sizeof *a);
    if (!a) return NULL;
    a->loc = kr_p_loc_from(p, start);
    a->name = name;
    a->asname = as;
    return a;
}

static KrAstStmt *kr_p_import(KrParser *p, size_t start) {
    KrPVec names = {0};
    do {
        KrAstAlias *a = kr_p_alias(p, true);
        if (!a || !kr_pvec_push(p, &names, a)) return NULL;
    } while (kr_p_accept(p, KR_TOK_COMMA));
    KrAstStmt *s = kr_p_stmt_new(p, KR_STMT_IMPORT, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.import.names = kr_seq_alias(p, &names);
    return *p->failed ? NULL : s;
}

// The names after `from x import`.
static bool kr_p_import_names(KrParser *p, KrPVec *names) {
    if (kr_p_at(p, KR_TOK_STAR)) {
        KrToken *t = kr_p_next(p);
        KrAstAlias *a = kr_p_alloc(p, sizeof *a);
        if (!a) return false;
        a->loc = kr_tok_loc(t);
        a->name = "*";
        return kr_pvec_push(p, names, a);
    }
    bool paren = kr_p_accept(p, KR_TOK_LPAR);
    do {
        if (paren && kr_p_at(p, KR_TOK_RPAR) && names->count) break;
        if (!paren && names->count && (kr_p_at(p, KR_TOK_NEWLINE) || kr_p_at(p, KR_TOK_SEMI))) {
            kr_p_error_last(p, KR_SYNERR_SYNTAX, "trailing comma not allowed without surrounding parentheses");
            return false;
        }
        KrAstAlias *a = kr_p_alias(p, false);
        if (!a || !kr_pvec_push(p, names, a)) return false;
    } while (kr_p_accept(p, KR_TOK_COMMA));
    return !paren || kr_p_expect(p, KR_TOK_RPAR);
}

static KrAstStmt *kr_p_from_import(KrParser *p, size_t start) {
    int level = 0;
    for (;;) {
        if (kr_p_accept(p, KR_TOK_DOT)) level++;
        else if (kr_p_accept(p, KR_TOK_ELLIPSIS)) level += 3;
        else break;
    }
    const char *module = NULL;
    if (!(level > 0 && kr_p_at_kw(p, KR_KW_IMPORT)) && !(module = kr_p_dotted_name(p))) return NULL;
    if (!kr_p_accept_kw(p, KR_KW_IMPORT)) {
        kr_p_invalid(p);
        return NULL;
    }
    KrPVec names = {0};
    if (!kr_p_import_names(p, &names)) return NULL;
    KrAstStmt *s = kr_p_stmt_new(p, KR_STMT_IMPORTFROM, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.importfrom.module = module;
    s->v.importfrom.names = kr_seq_alias(p, &names);
    s->v.importfrom.level = level;
    return *p->failed ? NULL : s;
}

static KrAstStmt *kr_p_simple_kw(KrParser *p, KrKeyword kw, size_t start) {
    KrAstStmtKind k;
    switch (kw) {
    case KR_KW_PASS: k = KR_STMT_PASS; break;
    case KR_KW_BREAK: k = KR_STMT_BREAK; break;
    default: k = KR_STMT_CONTINUE; break;
    }
    return kr_p_stmt_new(p, k, kr_p_loc_from(p, start));
}

static KrAstStmt *kr_p_simple_stmt(KrParser *p) {
    size_t start = p->pos;
    KrToken *t = kr_p_peek(p);
    if (t->kind != KR_TOK_NAME || *p->failed) return kr_p_expr_stmt(p);
    switch (t->kw) {
    case KR_KW_PASS: case KR_KW_BREAK: case KR_KW_CONTINUE:
        kr_p_next(p);
        return kr_p_simple_kw(p, (KrKeyword)t->kw, start);
    case KR_KW_RETURN: kr_p_next(p); return kr_p_return(p, start);
    case KR_KW_RAISE: kr_p_next(p); return kr_p_raise(p, start);
    case KR_KW_GLOBAL: kr_p_next(p); return kr_p_global(p, start, KR_STMT_GLOBAL);
    case KR_KW_NONLOCAL: kr_p_next(p); return kr_p_global(p, start, KR_STMT_NONLOCAL);
    case KR_KW_DEL: kr_p_next(p); return kr_p_del(p, start);
    case KR_KW_ASSERT: kr_p_next(p); return kr_p_assert(p, start);
    case KR_KW_IMPORT: kr_p_next(p); return kr_p_import(p, start);
    case KR_KW_FROM: kr_p_next(p); return kr_p_from_import(p, start);
    case KR_KW_NONE_: case KR_KW_TRUE: case KR_KW_FALSE: case KR_KW_NONE: case KR_KW_NOT:
    case KR_KW_LAMBDA: case KR_KW_AWAIT: case KR_KW_YIELD:
        return kr_p_expr_stmt(p);
    default:
        kr_p_invalid(p);
        return NULL;
    }
}

// simple_stmt (';' simple_stmt)* [';'] NEWLINE. nodes_before: the node
// count where the line's parse began (see kr_p_check_depth).
static bool kr_p_simple_stmts(KrParser *p, KrPVec *out, long nodes_before) {
    for (;;) {
        KrAstStmt *s = kr_p_simple_stmt(p);
        if (!s || !kr_p_check_depth(p, s, nodes_before) || !kr_pvec_push(p, out, s)) return false;
        if (kr_p_accept(p, KR_TOK_NEWLINE)) return true;
        if (!kr_p_accept(p, KR_TOK_SEMI)) break;
        if (kr_p_accept(p, KR_TOK_NEWLINE)) return true;
    }
    kr_p_invalid(p);
    return false;
}

// -------------------------------------------------- compound statements --

// ['else' &&':' block]
static bool kr_p_else(KrParser *p, KrAstStmtSeq *orelse) {
    if (!kr_p_at_kw(p, KR_KW_ELSE)) return true;
    KrToken *t = kr_p_next(p);
    return kr_p_forced(p, KR_TOK_COLON, ":") && kr_p_block(p, orelse, "'else' statement", t->lineno);
}

static KrAstStmt *kr_p_if(KrParser *p, const char *what) {
    size_t start = p->pos;
    kr_p_next(p);
    KrAstExpr *test = kr_p_named_expression(p);
    KrAstStmtSeq body, orelse = {NULL, 0};
    if (!test || !kr_p_colon(p) || !kr_p_block(p, &body, what, test->loc.lineno)) return NULL;
    if (kr_p_at_kw(p, KR_KW_ELIF)) {
        KrAstStmt *elif = kr_p_if(p, "'elif' statement");
        if (!elif) return NULL;
        orelse.items = kr_arena_array(p->arena, 1, sizeof(KrAstStmt *));
        if (!orelse.items) return kr_p_nomem(p), NULL;
        orelse.items[0] = elif;
        orelse.count = 1;
    } else if (!kr_p_else(p, &orelse)) {
        return NULL;
    }
    KrAstStmt *s = kr_p_stmt_new(p, KR_STMT_IF, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.if_.test = test;
    s->v.if_.body = body;
    s->v.if_.orelse = orelse;
    return s;
}

static KrAstStmt *kr_p_while(KrParser *p) {
    size_t start = p->pos;
    KrToken *kw = kr_p_next(p);
    KrAstExpr *test = kr_p_named_expression(p);
    KrAstStmtSeq body, orelse = {NULL, 0};
    if (!test || !kr_p_colon(p) || !kr_p_block(p, &body, "'while' statement", kw->lineno) ||
        !kr_p_else(p, &orelse))
        return NULL;
    KrAstStmt *s = kr_p_stmt_new(p, KR_STMT_WHILE, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.while_.test = test;
    s->v.while_.body = body;
    s->v.while_.orelse = orelse;
    return s;
}

static KrAstStmt *kr_p_for(KrParser *p, size_t start, bool is_async) {
    KrToken *kw = kr_p_next(p);
    KrAstExpr *target = kr_p_for_target(p);
    if (!target) return NULL;
    if (!kr_p_accept_kw(p, KR_KW_IN)) {
        kr_p_invalid(p);
        return NULL;
    }
    KrAstExpr *iter = kr_p_star_expressions(p);
    KrAstStmtSeq body, orelse = {NULL, 0};
    if (!iter || !kr_p_colon(p) || !kr_p_block(p, &body, "'for' statement", kw->lineno) ||
        !kr_p_else(p, &orelse))
        return NULL;
    KrAstStmt *s = kr_p_stmt_new(p, is_async ? KR_STMT_ASYNCFOR : KR_STMT_FOR, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.for_.target = target;
    s->v.for_.iter = iter;
    s->v.for_.body = body;
    s->v.for_.orelse = orelse;
    return s;
}

// with_item: expression ['as' star_target]
static KrAstWithItem *kr_p_with_item(KrParser *p) {
    KrAstExpr *ctx = kr_p_expression(p), *vars = NULL;
    if (!ctx) return NULL;
    if (kr_p_accept_kw(p, KR_KW_AS)) {
        size_t s2 = p->pos;
        if (kr_p_accept(p, KR_TOK_STAR)) vars = kr_p_starred(p, kr_p_bitwise_or(p), s2);
        else vars = kr_p_bitwise_or(p);
        if (!vars) return NULL;
        KrTokKind k = kr_p_kind(p);
        if (k != KR_TOK_COMMA && k != KR_TOK_RPAR && k != KR_TOK_COLON && k != KR_TOK_NEWLINE) {
            // CPython's invalid_with_item reads the target as an expression.
            KrAstLoc bl;
            int level;
            size_t pos = p->pos;
            kr_p_seek(p, s2);
            (void)kr_p_probe_expr(p, kr_p_expression, false, &bl, &level);
            kr_p_seek(p, pos);
            kr_p_invalid(p);
            return NULL;
        }
        if (!kr_p_check_target(p, vars, KR_TGT_STAR)) return NULL;
    }
    KrAstWithItem *w = kr_p_alloc(p, sizeof *w);
    if (!w) return NULL;
    w->context_expr = ctx;
    w->optional_vars = vars;
    return w;
}

static bool kr_p_with_items(KrParser *p, KrPVec *items, bool paren) {
    do {
        if (paren && kr_p_at(p, KR_TOK_RPAR) && items->count) break;
        KrAstWithItem *w = kr_p_with_item(p);
        if (!w || !kr_pvec_push(p, items, w)) return false;
    } while (kr_p_accept(p, KR_TOK_COMMA));
    return true;
}

// 'with' '(' items ')' ':' is tried first, as in CPython's grammar.
static bool kr_p_with_header(KrParser *p, KrPVec *items) {
    KrSyntaxErr spec;
    spec.kind = KR_SYNERR_NONE;
    if (kr_p_at(p, KR_TOK_LPAR)) {
        KrPMark m;
        kr_p_mark(p, &m);
        kr_p_next(p);
        bool closed = kr_p_with_items(p, items, true) && kr_p_accept(p, KR_TOK_RPAR);
        if (closed && kr_p_at(p, KR_TOK_COLON)) {
            kr_p_commit(p);
            return true;
        }
        if (closed && kr_p_at(p, KR_TOK_NEWLINE)) kr_p_error_last(p, KR_SYNERR_SYNTAX, "expected ':'");
        if (*p->failed && strcmp(p->err->msg, "invalid syntax") != 0) spec = *p->err;
        if (!kr_p_backtrack(p, &m)) return false;
        memset(items, 0, sizeof *items);
    }
    if (kr_p_with_items(p, items, false)) return true;
    // CPython tries the parenthesised form first: its message wins.
    if (spec.kind != KR_SYNERR_NONE && !*p->hard && p->err->kind != KR_SYNERR_MEMORY) *p->err = spec;
    return false;
}

static KrAstStmt *kr_p_with(KrParser *p, size_t start, bool is_async) {
    KrToken *kw = kr_p_next(p);
    KrPVec items = {0};
    KrAstStmtSeq body;
    if (!kr_p_with_header(p, &items) || !kr_p_colon(p) ||
        !kr_p_block(p, &body, "'with' statement", kw->lineno))
        return NULL;
    KrAstStmt *s = kr_p_stmt_new(p, is_async ? KR_STMT_ASYNCWITH : KR_STMT_WITH, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.with.items = kr_seq_withitem(p, &items);
    s->v.with.body = body;
    return *p->failed ? NULL : s;
}

// except_block / except_star_block; *star is set from the first one.
static KrAstExceptHandler *kr_p_except(KrParser *p, int *star) {
    size_t start = p->pos;
    KrToken *kw = kr_p_next(p);
    bool is_star = kr_p_accept(p, KR_TOK_STAR);
    if (*star >= 0 && *star != (int)is_star) {
        KrAstLoc l = kr_tok_loc(kw);
        kr_p_error_range(p, &l, &l, "cannot have both 'except' and 'except*' on the same 'try'");
        return NULL;
    }
    *star = is_star;
    KrAstExpr *type = NULL;
    const char *name = NULL;
    if (is_star && kr_p_at(p, KR_TOK_COLON)) {
        kr_p_tok_error(p, kr_p_peek(p), "expected one or more exception types");
        return NULL;
    }
    if (!kr_p_at(p, KR_TOK_COLON) && !kr_p_at(p, KR_TOK_NEWLINE)) {
        size_t tstart = p->pos;
        if (!(type = kr_p_expression(p))) return NULL;
        if (kr_p_at(p, KR_TOK_COMMA)) {
            KrAstExpr *all = (kr_p_seek(p, tstart), kr_p_star_expressions(p));
            if (all) kr_p_error_range(p, &all->loc, &all->loc, "multiple exception types must be parenthesized");
            return NULL;
        }
        if (kr_p_accept_kw(p, KR_KW_AS) && !(name = kr_p_name(p))) return NULL;
    }
    KrAstExceptHandler *h = kr_p_alloc(p, sizeof *h);
    if (!h || !kr_p_colon(p) ||
        !kr_p_block(p, &h->body, is_star ? "'except*' statement" : "'except' statement", kw->lineno))
        return NULL;
    h->loc = kr_p_loc_from(p, start);
    h->type = type;
    h->name = name;
    return h;
}

static KrAstStmt *kr_p_try(KrParser *p) {
    size_t start = p->pos;
    KrToken *kw = kr_p_next(p);
    KrAstStmtSeq body, orelse = {NULL, 0}, finalbody = {NULL, 0};
    if (!kr_p_forced(p, KR_TOK_COLON, ":") || !kr_p_block(p, &body, "'try' statement", kw->lineno))
        return NULL;
    KrPVec handlers = {0};
    int star = -1;
    while (kr_p_at_kw(p, KR_KW_EXCEPT)) {
        KrAstExceptHandler *h = kr_p_except(p, &star);
        if (!h || !kr_pvec_push(p, &handlers, h)) return NULL;
    }
    if (handlers.count && !kr_p_else(p, &orelse)) return NULL;
    if (kr_p_at_kw(p, KR_KW_FINALLY)) {
        KrToken *f = kr_p_next(p);
        if (!kr_p_forced(p, KR_TOK_COLON, ":") || !kr_p_block(p, &finalbody, "'finally' statement", f->lineno))
            return NULL;
    } else if (!handlers.count) {
        if (!*p->failed) kr_p_error_last(p, KR_SYNERR_SYNTAX, "expected 'except' or 'finally' block");
        return NULL;
    }
    KrAstStmt *s = kr_p_stmt_new(p, star == 1 ? KR_STMT_TRYSTAR : KR_STMT_TRY, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.try_.body = body;
    s->v.try_.handlers = kr_seq_handler(p, &handlers);
    s->v.try_.orelse = orelse;
    s->v.try_.finalbody = finalbody;
    return *p->failed ? NULL : s;
}

// The return annotation failed: a PEG parse of it may still stop early
// (e.g. at a bad subscript); the forced ':' is then expected there.
static void kr_p_annotation_stop(KrParser *p) {
    KrPMark m;
    kr_p_probe_begin(p, &m, true);
    kr_p_next(p);
    bool ok = kr_p_expression(p) != NULL && !*p->failed;
    size_t stop = p->pos;
    if (!kr_p_probe_end(p, &m, true)) return;
    if (ok) kr_p_seek(p, stop);
}

static KrAstStmt *kr_p_funcdef(KrParser *p, size_t start, bool is_async, KrAstExprSeq decos) {
    KrToken *kw = kr_p_next(p);
    const char *name = kr_p_name(p);
    if (!name || !kr_p_forced(p, KR_TOK_LPAR, "(")) return NULL;
    KrAstArguments *args = kr_p_params(p, false);
    if (!args || !kr_p_expect(p, KR_TOK_RPAR)) return NULL;
    KrAstExpr *returns = NULL;
    if (kr_p_at(p, KR_TOK_RARROW)) {
        // ['->' expression] is optional in CPython's grammar: if the
        // annotation fails, the forced ':' is reported at the '->'.
        KrPMark m;
        kr_p_mark(p, &m);
        kr_p_next(p);
        returns = kr_p_expression(p);
        if (returns) {
            kr_p_commit(p);
        } else {
            if (!kr_p_backtrack(p, &m)) return NULL;
            kr_p_annotation_stop(p);
        }
    }
    KrAstStmtSeq body;
    if (!kr_p_forced(p, KR_TOK_COLON, ":") || !kr_p_block(p, &body, "function definition", kw->lineno))
        return NULL;
    KrAstStmt *s = kr_p_stmt_new(p, is_async ? KR_STMT_ASYNCFUNCTIONDEF : KR_STMT_FUNCTIONDEF,
                                 kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.funcdef.name = name;
    s->v.funcdef.args = args;
    s->v.funcdef.body = body;
    s->v.funcdef.decorator_list = decos;
    s->v.funcdef.returns = returns;
    return s;
}

static KrAstStmt *kr_p_classdef(KrParser *p, KrAstExprSeq decos) {
    size_t start = p->pos;
    KrToken *kw = kr_p_next(p);
    const char *name = kr_p_name(p);
    if (!name) return NULL;
    KrAstExprSeq bases = {NULL, 0};
    KrAstKeywordSeq keywords = {NULL, 0};
    if (kr_p_at(p, KR_TOK_LPAR)) {
        KrAstExpr *call = kr_p_call_ex(p, NULL, p->pos, true);
        if (!call) return NULL;
        bases = call->v.call.args;
        keywords = call->v.call.keywords;
    }
    KrAstStmtSeq body;
    if (!kr_p_colon(p) || !kr_p_block(p, &body, "class definition", kw->lineno)) return NULL;
    KrAstStmt *s = kr_p_stmt_new(p, KR_STMT_CLASSDEF, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.classdef.name = name;
    s->v.classdef.bases = bases;
    s->v.classdef.keywords = keywords;
    s->v.classdef.body = body;
    s->v.classdef.decorator_list = decos;
    return s;
}

// ('@' named_expression NEWLINE)+ then a def or class.
static KrAstStmt *kr_p_decorated(KrParser *p) {
    KrPVec decos = {0};
    while (kr_p_accept(p, KR_TOK_AT)) {
        KrAstExpr *d = kr_p_named_expression(p);
        if (!d || !kr_p_expect(p, KR_TOK_NEWLINE) || !kr_pvec_push(p, &decos, d)) return NULL;
    }
    KrAstExprSeq ds = kr_seq_expr(p, &decos);
    size_t start = p->pos;
    if (kr_p_at_kw(p, KR_KW_DEF)) return kr_p_funcdef(p, start, false, ds);
    if (kr_p_at_kw(p, KR_KW_CLASS)) return kr_p_classdef(p, ds);
    if (kr_p_at_kw(p, KR_KW_ASYNC) && kr_tok_is_kw(kr_p_la(p, 1), KR_KW_DEF)) {
        kr_p_next(p);
        return kr_p_funcdef(p, start, true, ds);
    }
    kr_p_invalid(p);
    return NULL;
}

static KrAstStmt *kr_p_async(KrParser *p) {
    size_t start = p->pos;
    kr_p_next(p);
    KrAstExprSeq none = {NULL, 0};
    if (kr_p_at_kw(p, KR_KW_DEF)) return kr_p_funcdef(p, start, true, none);
    if (kr_p_at_kw(p, KR_KW_WITH)) return kr_p_with(p, start, true);
    if (kr_p_at_kw(p, KR_KW_FOR)) return kr_p_for(p, start, true);
    kr_p_invalid(p);
    return NULL;
}

// --------------------------------------------------------------- patterns --

static KrAstPattern *kr_p_pattern(KrParser *p);
static KrAstPattern *kr_p_closed_pattern(KrParser *p);
static KrAstPattern *kr_p_maybe_star(KrParser *p);

static bool kr_tok_is_wildcard(const KrParser *p, const KrToken *t) {
    return t->kind == KR_TOK_NAME && kr_tok_text_is(p, t, "_");
}

// A capture target: a NAME that is not '_'.
static const char *kr_p_capture_name(KrParser *p) {
    KrToken *t = kr_p_peek(p);
    if (kr_tok_is_wildcard(p, t)) {
        KrAstLoc l = kr_tok_loc(t);
        kr_p_error_range(p, &l, &l, "cannot use '_' as a target");
        return NULL;
    }
    return kr_p_name(p);
}

// signed_number / complex_number / strings / None / True / False as an
// expression (for literal patterns and mapping keys).
static KrAstExpr *kr_p_literal_expr(KrParser *p) {
    size_t start = p->pos;
    KrToken *t = kr_p_peek(p);
    if (t->kind == KR_TOK_STRING) return kr_p_strings(p);
    if (kr_tok_is_kw(t, KR_KW_NONE) || kr_tok_is_kw(t, KR_KW_TRUE) || kr_tok_is_kw(t, KR_KW_FALSE))
        return kr_p_atom(p);
    bool neg = kr_p_accept(p, KR_TOK_MINUS);
    if (!kr_p_at(p, KR_TOK_NUMBER)) {
        kr_p_invalid(p);
        return NULL;
    }
    KrAstExpr *num = kr_p_atom(p);
    if (num && neg) {
        KrAstExpr *u = kr_p_expr_new(p, KR_EXPR_UNARYOP, kr_p_loc_from(p, start));
        if (!u) return NULL;
        u->v.unaryop.op = KR_AST_USUB;
        u->v.unaryop.operand = num;
        num = u;
    }
    if (!num || !(kr_p_at(p, KR_TOK_PLUS) || kr_p_at(p, KR_TOK_MINUS))) return num;
    KrAstOperator op = kr_p_kind(p) == KR_TOK_PLUS ? KR_AST_ADD : KR_AST_SUB;
    kr_p_next(p);
    KrAstExpr *imag = kr_p_at(p, KR_TOK_NUMBER) ? kr_p_atom(p) : NULL;
    if (!imag) {
        if (!*p->failed) kr_p_invalid(p);
        return NULL;
    }
    if (imag->v.constant.value.kind != KR_AST_COMPLEX) {
        kr_p_error_range(p, &imag->loc, &imag->loc, "imaginary number required in complex literal");
        return NULL;
    }
    KrAstExpr *b = kr_p_expr_new(p, KR_EXPR_BINOP, kr_p_loc_from(p, start));
    if (!b) return NULL;
    b->v.binop.left = num;
    b->v.binop.op = op;
    b->v.binop.right = imag;
    return b;
}

// name_or_attr: NAME ('.' NAME)*
static KrAstExpr *kr_p_name_or_attr(KrParser *p) {
    size_t start = p->pos;
    KrToken *t = kr_p_peek(p);
    if (!kr_tok_is_name(t)) {
        kr_p_invalid(p);
        return NULL;
    }
    kr_p_next(p);
    KrAstExpr *e = kr_p_name_expr(p, t, KR_AST_LOAD);
    while (e && kr_p_accept(p, KR_TOK_DOT)) {
        const char *attr = kr_p_name(p);
        if (!attr) return NULL;
        KrAstExpr *a = kr_p_expr_new(p, KR_EXPR_ATTRIBUTE, kr_p_loc_from(p, start));
        if (!a) return NULL;
        a->v.attribute.value = e;
        a->v.attribute.attr = attr;
        a->v.attribute.ctx = KR_AST_LOAD;
        e = a;
    }
    return e;
}

static KrAstPattern *kr_p_value_pattern(KrParser *p, KrAstExpr *value) {
    if (!value) return NULL;
    KrAstPattern *x = kr_p_pattern_new(p, KR_PAT_MATCHVALUE, value->loc);
    if (x) x->v.value.value = value;
    return x;
}

static KrAstPattern *kr_p_literal_pattern(KrParser *p) {
    KrToken *t = kr_p_peek(p);
    KrAstConstKind k;
    if (kr_tok_is_kw(t, KR_KW_NONE)) k = KR_AST_NONE;
    else if (kr_tok_is_kw(t, KR_KW_TRUE)) k = KR_AST_TRUE;
    else if (kr_tok_is_kw(t, KR_KW_FALSE)) k = KR_AST_FALSE;
    else return kr_p_value_pattern(p, kr_p_literal_expr(p));
    kr_p_next(p);
    KrAstPattern *x = kr_p_pattern_new(p, KR_PAT_MATCHSINGLETON, kr_tok_loc(t));
    if (x) x->v.singleton.value.kind = k;
    return x;
}

// Patterns between brackets, up to `closer`; sets *comma if any comma.
static bool kr_p_pattern_list(KrParser *p, KrPVec *v, KrTokKind closer, bool *comma) {
    *comma = false;
    while (!kr_p_at(p, closer) && !*p->failed) {
        KrAstPattern *x = kr_p_maybe_star(p);
        if (!x || !kr_pvec_push(p, v, x)) return false;
        if (x->kind == KR_PAT_MATCHSTAR && closer == KR_TOK_RPAR && v->count == 1 &&
            !kr_p_at(p, KR_TOK_COMMA))
            return kr_p_invalid(p), false;
        if (!kr_p_accept(p, KR_TOK_COMMA)) break;
        *comma = true;
    }
    return kr_p_expect(p, closer) != NULL;
}

static KrAstPattern *kr_p_sequence(KrParser *p, KrPVec *v, size_t start) {
    KrAstPattern *x = kr_p_pattern_new(p, KR_PAT_MATCHSEQUENCE, kr_p_loc_from(p, start));
    if (x) x->v.sequence.patterns = kr_seq_pattern(p, v);
    return x;
}

// '(' ... ')' : group or sequence; '[' ... ']' : sequence.
static KrAstPattern *kr_p_bracket_pattern(KrParser *p) {
    size_t start = p->pos;
    bool paren = kr_p_next(p)->kind == KR_TOK_LPAR, comma;
    KrPVec v = {0};
    if (!kr_p_pattern_list(p, &v, paren ? KR_TOK_RPAR : KR_TOK_RSQB, &comma)) return NULL;
    if (paren && v.count == 1 && !comma) return v.items[0];
    return kr_p_sequence(p, &v, start);
}

static bool kr_p_mapping_item(KrParser *p, KrPVec *keys, KrPVec *pats, const char **rest) {
    if (kr_p_accept(p, KR_TOK_DOUBLESTAR)) {
        if (kr_tok_is_wildcard(p, kr_p_peek(p))) return kr_p_invalid(p), false;
        *rest = kr_p_capture_name(p);
        return *rest != NULL;
    }
    if (*rest) {
        kr_p_invalid(p);
        return false;
    }
    KrToken *t = kr_p_peek(p);
    KrAstExpr *key = kr_tok_is_name(t) ? kr_p_name_or_attr(p) : kr_p_literal_expr(p);
    if (!key || !kr_p_expect(p, KR_TOK_COLON)) return false;
    if (key->kind == KR_EXPR_NAME) {
        kr_p_invalid(p);
        return false;
    }
    KrAstPattern *x = kr_p_pattern(p);
    return x && kr_pvec_push(p, keys, key) && kr_pvec_push(p, pats, x);
}

static KrAstPattern *kr_p_mapping_pattern(KrParser *p) {
    size_t start = p->pos;
    kr_p_next(p);
    KrPVec keys = {0}, pats = {0};
    const char *rest = NULL;
    while (!kr_p_at(p, KR_TOK_RBRACE) && !*p->failed) {
        if (!kr_p_mapping_item(p, &keys, &pats, &rest)) return NULL;
        if (!kr_p_accept(p, KR_TOK_COMMA)) break;
    }
    if (!kr_p_expect(p, KR_TOK_RBRACE)) return NULL;
    KrAstPattern *x = kr_p_pattern_new(p, KR_PAT_MATCHMAPPING, kr_p_loc_from(p, start));
    if (!x) return NULL;
    x->v.mapping.keys = kr_seq_expr(p, &keys);
    x->v.mapping.patterns = kr_seq_pattern(p, &pats);
    x->v.mapping.rest = rest;
    return *p->failed ? NULL : x;
}

// One argument of a class pattern: positional or NAME '=' pattern.
static bool kr_p_class_arg(KrParser *p, KrPVec *pos, KrPVec *names, KrPVec *kwps) {
    KrToken *t = kr_p_peek(p);
    if (kr_tok_is_name(t) && kr_p_la(p, 1)->kind == KR_TOK_EQUAL) {
        kr_p_next(p);
        kr_p_next(p);
        const char *n = kr_p_tok_str(p, t);
        KrAstPattern *x = kr_p_pattern(p);
        return n && x && kr_pvec_push(p, names, (void *)n) && kr_pvec_push(p, kwps, x);
    }
    KrAstPattern *x = kr_p_pattern(p);
    if (!x) return false;
    if (kwps->count) {
        kr_p_error_range(p, &x->loc, &x->loc, "positional patterns follow keyword patterns");
        return false;
    }
    return kr_pvec_push(p, pos, x);
}

static KrAstPattern *kr_p_class_pattern(KrParser *p, KrAstExpr *cls, size_t start) {
    kr_p_next(p);
    KrPVec pos = {0}, names = {0}, kwps = {0};
    while (!kr_p_at(p, KR_TOK_RPAR) && !*p->failed) {
        if (!kr_p_class_arg(p, &pos, &names, &kwps)) return NULL;
        if (!kr_p_accept(p, KR_TOK_COMMA)) break;
    }
    if (!kr_p_expect(p, KR_TOK_RPAR)) return NULL;
    KrAstPattern *x = kr_p_pattern_new(p, KR_PAT_MATCHCLASS, kr_p_loc_from(p, start));
    if (!x) return NULL;
    x->v.cls.cls = cls;
    x->v.cls.patterns = kr_seq_pattern(p, &pos);
    x->v.cls.kwd_attrs = kr_seq_ident(p, &names);
    x->v.cls.kwd_patterns = kr_seq_pattern(p, &kwps);
    return *p->failed ? NULL : x;
}

// Capture, wildcard, value (a.b) or class pattern.
static KrAstPattern *kr_p_name_pattern(KrParser *p) {
    size_t start = p->pos;
    KrToken *t = kr_p_peek(p);
    KrTokKind next = (KrTokKind)kr_p_la(p, 1)->kind;
    if (next != KR_TOK_DOT && next != KR_TOK_LPAR) {
        kr_p_next(p);
        KrAstPattern *x = kr_p_pattern_new(p, KR_PAT_MATCHAS, kr_tok_loc(t));
        if (x && !kr_tok_is_wildcard(p, t)) x->v.as.name = kr_p_tok_str(p, t);
        return x;
    }
    KrAstExpr *e = kr_p_name_or_attr(p);
    if (!e) return NULL;
    if (kr_p_at(p, KR_TOK_LPAR)) return kr_p_class_pattern(p, e, start);
    return kr_p_value_pattern(p, e);
}

static KrAstPattern *kr_p_closed_pattern_(KrParser *p) {
    KrToken *t = kr_p_peek(p);
    if (*p->failed) return NULL;
    switch (t->kind) {
    case KR_TOK_LPAR: case KR_TOK_LSQB: return kr_p_bracket_pattern(p);
    case KR_TOK_LBRACE: return kr_p_mapping_pattern(p);
    case KR_TOK_NAME:
        if (t->kw == KR_KW_NONE_) return kr_p_name_pattern(p);
        return kr_p_literal_pattern(p);
    default: return kr_p_literal_pattern(p);
    }
}

static KrAstPattern *kr_p_closed_pattern(KrParser *p) {
    KrAstPattern *x = kr_p_enter(p) ? kr_p_closed_pattern_(p) : NULL;
    kr_p_leave(p);
    return x;
}

// or_pattern ['as' NAME]
static KrAstPattern *kr_p_pattern_(KrParser *p) {
    size_t start = p->pos;
    KrAstPattern *x = kr_p_closed_pattern(p);
    if (x && kr_p_at(p, KR_TOK_VBAR)) {
        KrPVec v = {0};
        kr_pvec_push(p, &v, x);
        while (kr_p_accept(p, KR_TOK_VBAR)) {
            KrAstPattern *y = kr_p_closed_pattern(p);
            if (!y || !kr_pvec_push(p, &v, y)) return NULL;
        }
        if (!(x = kr_p_pattern_new(p, KR_PAT_MATCHOR, kr_p_loc_from(p, start)))) return NULL;
        x->v.or_.patterns = kr_seq_pattern(p, &v);
    }
    if (!x || !kr_p_accept_kw(p, KR_KW_AS)) return x;
    KrToken *t = kr_p_peek(p);
    if (!kr_tok_is_name(t)) {  // CPython's message needs an expression there
        KrAstLoc bl;
        int level;
        if (!*p->failed && kr_p_probe_expr(p, kr_p_expression, true, &bl, &level))
            kr_p_error_range(p, &bl, &bl, "invalid pattern target");
        else
            kr_p_invalid(p);
        return NULL;
    }
    const char *name = kr_p_capture_name(p);
    if (!name) return NULL;
    KrAstPattern *as = kr_p_pattern_new(p, KR_PAT_MATCHAS, kr_p_loc_from(p, start));
    if (!as) return NULL;
    as->v.as.pattern = x;
    as->v.as.name = name;
    return as;
}

static KrAstPattern *kr_p_pattern(KrParser *p) {
    KrAstPattern *x = kr_p_enter(p) ? kr_p_pattern_(p) : NULL;
    kr_p_leave(p);
    return x;
}

// maybe_star_pattern: '*' NAME (MatchStar) or a pattern.
static KrAstPattern *kr_p_maybe_star(KrParser *p) {
    size_t start = p->pos;
    if (!kr_p_accept(p, KR_TOK_STAR)) return kr_p_pattern(p);
    KrToken *t = kr_p_peek(p);
    if (!kr_tok_is_name(t)) return kr_p_invalid(p), NULL;
    kr_p_next(p);
    KrAstPattern *x = kr_p_pattern_new(p, KR_PAT_MATCHSTAR, kr_p_loc_from(p, start));
    if (x && !kr_tok_is_wildcard(p, t)) x->v.star.name = kr_p_tok_str(p, t);
    return x;
}

// patterns: open sequence (a, b) without brackets, or one pattern.
static KrAstPattern *kr_p_patterns(KrParser *p) {
    size_t start = p->pos;
    KrAstPattern *x = kr_p_maybe_star(p);
    if (x && x->kind == KR_PAT_MATCHSTAR && !kr_p_at(p, KR_TOK_COMMA)) return kr_p_invalid(p), NULL;
    if (!x || !kr_p_at(p, KR_TOK_COMMA)) return x;
    KrPVec v = {0};
    kr_pvec_push(p, &v, x);
    while (kr_p_accept(p, KR_TOK_COMMA)) {
        if (kr_p_at(p, KR_TOK_COLON) || kr_p_at_kw(p, KR_KW_IF)) break;
        KrAstPattern *y = kr_p_maybe_star(p);
        if (!y || !kr_pvec_push(p, &v, y)) return NULL;
    }
    return kr_p_sequence(p, &v, start);
}

static KrAstMatchCase *kr_p_case(KrParser *p) {
    KrToken *kw = kr_p_peek(p);
    if (!(kw->kind == KR_TOK_NAME && kr_tok_text_is(p, kw, "case"))) {
        kr_p_invalid(p);
        return NULL;
    }
    kr_p_next(p);
    KrAstMatchCase *c = kr_p_alloc(p, sizeof *c);
    if (!c || !(c->pattern = kr_p_patterns(p))) return NULL;
    if (kr_p_accept_kw(p, KR_KW_IF) && !(c->guard = kr_p_named_expression(p))) return NULL;
    if (!kr_p_colon(p) || !kr_p_block(p, &c->body, "'case' statement", kw->lineno)) return NULL;
    return c;
}

// subject_expr: star_named_expression ',' ... | named_expression
static KrAstExpr *kr_p_subject(KrParser *p) {
    size_t start = p->pos;
    KrAstExpr *first = kr_p_star_item(p, true);
    if (!first) return NULL;
    if (!kr_p_at(p, KR_TOK_COMMA)) {
        if (first->kind == KR_EXPR_STARRED) return kr_p_invalid(p), NULL;
        return first;
    }
    KrPVec v = {0};
    kr_pvec_push(p, &v, first);
    while (kr_p_accept(p, KR_TOK_COMMA)) {
        if (!kr_tok_starts_star_expr(kr_p_peek(p))) break;
        KrAstExpr *e = kr_p_star_item(p, true);
        if (!e || !kr_pvec_push(p, &v, e)) return NULL;
    }
    return kr_p_tuple(p, &v, start);
}

// What follows `match` at the start of a statement.
typedef enum { KR_MATCH_NO, KR_MATCH_YES, KR_MATCH_NEWLINE } KrMatchKind;

// Tries `match subject ':'`; on anything else restores the position.
// KR_MATCH_NEWLINE: `match subject NEWLINE`, which CPython reports as
// "expected ':'" if the line is not a valid statement either.
// A specific error met in the subject (e.g. `match x = 1`) is kept in
// *spec: CPython tries match_stmt first, so it wins if nothing parses.
static KrAstExpr *kr_p_match_header(KrParser *p, KrMatchKind *kind, KrSyntaxErr *spec) {
    KrPMark m;
    kr_p_mark(p, &m);
    kr_p_next(p);
    KrAstExpr *subject = kr_p_subject(p);
    if (subject && kr_p_at(p, KR_TOK_COLON) && kr_p_la(p, 1)->kind == KR_TOK_NEWLINE) {
        kr_p_commit(p);
        *kind = KR_MATCH_YES;
        return subject;
    }
    *kind = subject && kr_p_at(p, KR_TOK_NEWLINE) ? KR_MATCH_NEWLINE : KR_MATCH_NO;
    if (*p->failed && strcmp(p->err->msg, "invalid syntax") != 0) *spec = *p->err;
    if (!kr_p_backtrack(p, &m)) *kind = KR_MATCH_YES;  // hard error: stop here
    return NULL;
}

static KrAstStmt *kr_p_match_body(KrParser *p, KrAstExpr *subject, const KrToken *kw, size_t start) {
    if (!kr_p_colon(p) || !kr_p_expect(p, KR_TOK_NEWLINE)) return NULL;
    if (!kr_p_at(p, KR_TOK_INDENT)) {
        if (*p->failed) return NULL;
        char msg[96];
        snprintf(msg, sizeof msg, "expected an indented block after 'match' statement on line %d",
                 (int)kw->lineno);
        kr_p_error_last(p, KR_SYNERR_INDENTATION, msg);
        return NULL;
    }
    kr_p_next(p);
    KrPVec cases = {0};
    do {
        KrAstMatchCase *c = kr_p_case(p);
        if (!c || !kr_pvec_push(p, &cases, c)) return NULL;
    } while (!kr_p_at(p, KR_TOK_DEDENT) && !*p->failed);
    if (!kr_p_expect(p, KR_TOK_DEDENT)) return NULL;
    KrAstStmt *s = kr_p_stmt_new(p, KR_STMT_MATCH, kr_p_loc_from(p, start));
    if (!s) return NULL;
    s->v.match.subject = subject;
    s->v.match.cases = kr_seq_case(p, &cases);
    return *p->failed ? NULL : s;
}

// A statement starting with the soft keyword `match`: a match statement,
// or (falling back) a simple statement using `match` as a name.
static bool kr_p_match_or_simple(KrParser *p, KrPVec *out, long nodes_before) {
    size_t start = p->pos;
    KrToken *kw = kr_p_peek(p);
    KrMatchKind kind;
    KrSyntaxErr spec;
    spec.kind = KR_SYNERR_NONE;
    KrAstExpr *subject = kr_p_match_header(p, &kind, &spec);
    if (kind == KR_MATCH_YES) {
        KrAstStmt *s = subject ? kr_p_match_body(p, subject, kw, start) : NULL;
        return s && kr_p_check_depth(p, s, nodes_before) && kr_pvec_push(p, out, s);
    }
    if (kr_p_simple_stmts(p, out, nodes_before)) {
        if (kind == KR_MATCH_NEWLINE) p->match_newline = true;
        return true;
    }
    if (p->lex_failed || *p->hard || p->err->kind == KR_SYNERR_MEMORY) return false;
    if (spec.kind != KR_SYNERR_NONE) {
        *p->err = spec;
    } else if (kind == KR_MATCH_NEWLINE) {
        *p->failed = false;
        kr_p_error_last(p, KR_SYNERR_SYNTAX, "expected ':'");
    }
    return false;
}

// ------------------------------------------------------------ dispatch --

static KrAstStmt *kr_p_compound(KrParser *p, KrToken *t, bool *handled) {
    KrAstExprSeq none = {NULL, 0};
    *handled = true;
    if (t->kind == KR_TOK_AT) return kr_p_decorated(p);
    if (t->kind == KR_TOK_NAME) {
        switch (t->kw) {
        case KR_KW_IF: return kr_p_if(p, "'if' statement");
        case KR_KW_WHILE: return kr_p_while(p);
        case KR_KW_FOR: return kr_p_for(p, p->pos, false);
        case KR_KW_TRY: return kr_p_try(p);
        case KR_KW_WITH: return kr_p_with(p, p->pos, false);
        case KR_KW_DEF: return kr_p_funcdef(p, p->pos, false, none);
        case KR_KW_CLASS: return kr_p_classdef(p, none);
        case KR_KW_ASYNC: return kr_p_async(p);
        default: break;
        }
    }
    *handled = false;
    return NULL;
}

static bool kr_p_statement(KrParser *p, KrPVec *out) {
    KrToken *t = kr_p_peek(p);
    if (*p->failed) return false;
    long nodes_before = *p->nodes;
    if (t->kind == KR_TOK_NAME && t->kw == KR_KW_NONE_ && kr_tok_text_is(p, t, "match") &&
        kr_tok_starts_star_expr(kr_p_la(p, 1)))
        return kr_p_match_or_simple(p, out, nodes_before);
    bool handled;
    KrAstStmt *s = kr_p_compound(p, t, &handled);
    if (handled) return s && kr_p_check_depth(p, s, nodes_before) && kr_pvec_push(p, out, s);
    return kr_p_simple_stmts(p, out, nodes_before);
}

// ----------------------------------------------------------- entry points --

// After a parser error CPython tokenizes the rest of the file; a
// tokenizer error found there (or a bracket left open on an earlier line)
// replaces the parser's message.
static void kr_p_check_rest(KrParser *p) {
    if (p->lex_failed || p->no_rest_check || p->err->kind == KR_SYNERR_MEMORY) return;
    KrLexer *lx = p->lx;
    int32_t err_line = (p->rest_from_furthest ? kr_p_furthest_tok(p) : kr_p_last_fetched(p))->lineno;
    KrToken t;
    for (;;) {
        kr_lex_next(lx, &t);
        if (t.kind == KR_TOK_ENDMARKER) return;
        if (t.kind == KR_TOK_ERROR) break;
    }
    bool unclosed = lx->err_code == KR_LEXERR_EOF && lx->level > 0 &&
                    lx->parenline[lx->level - 1] < err_line;
    if (lx->err_code != KR_LEXERR_RAISED && !unclosed) return;
    *p->failed = false;
    kr_p_lex_error(p);
}

// Validates the raw bytes: size and NUL bytes. (UTF-8 is checked where
// CPython checks it: in identifiers and string literals.)
static bool kr_p_check_source(const char *src, size_t len, KrSyntaxErr *err) {
    if (len > KR_PARSE_MAX_SOURCE) {
        err->kind = KR_SYNERR_SYNTAX;
        snprintf(err->msg, sizeof err->msg, "source code too large");
        return false;
    }
    const char *nul = memchr(src, 0, len);
    if (!nul) return true;
    int32_t line = 1;
    for (const char *c = src; c < nul; c++)
        if (*c == '\n' || (*c == '\r' && !(c + 1 < nul && c[1] == '\n'))) line++;
    err->kind = KR_SYNERR_SYNTAX;
    err->lineno = err->end_lineno = line;
    snprintf(err->msg, sizeof err->msg, "source code cannot contain null bytes");
    return false;
}

typedef struct KrParseRun {
    KrParser p;
    KrLexer *lx;
    int depth;
    long probe_steps;
    long nodes;
    bool failed, hard, first_pass;
    // the first block of tokens (last: kr_p_start clears only what
    // precedes it; a token is written before it is read)
    KrToken *first_table[1];
    KrToken first_block[KR_TOK_BLOCK];
} KrParseRun;

// Sets up a root parser over a validated source. False on failure.
static bool kr_p_start(KrParseRun *r, KrArena *arena, const char *src, size_t len, KrSyntaxErr *err) {
    kr_synerr_clear(err);
    memset(r, 0, offsetof(KrParseRun, first_table));
    if (!kr_p_check_source(src, len, err)) return false;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }
    size_t nlen;
    char *norm = kr_lex_normalize(arena, src, len, true, &nlen);
    r->lx = kr_arena_alloc_uninit(arena, sizeof *r->lx); // kr_lex_init sets what is read
    if (!norm || !r->lx) {
        err->kind = KR_SYNERR_MEMORY;
        snprintf(err->msg, sizeof err->msg, "out of memory while parsing");
        return false;
    }
    kr_lex_init(r->lx, norm, nlen, 0, 0);
    KrParser *p = &r->p;
    p->arena = arena;
    p->alloc = arena->alloc;
    p->tok_arena = arena;
    r->first_table[0] = r->first_block;
    p->blocks = r->first_table;
    p->nblocks = 1;
    p->lx = r->lx;
    p->src = norm;
    p->len = nlen;
    p->depth = &r->depth;
    p->probe_steps = &r->probe_steps;
    p->nodes = &r->nodes;
    p->err = err;
    p->failed = &r->failed;
    p->hard = &r->hard;
    p->first_pass = &r->first_pass;
    return true;
}

// CPython quirk: after any error found by its second pass, an earlier
// `match x` NEWLINE (valid as an expression statement) is re-parsed as a
// match statement missing its ':' and reported instead.
static void kr_p_match_quirk(KrParser *p) {
    if (!p->match_newline || p->lex_failed || *p->first_pass || p->err->kind == KR_SYNERR_MEMORY) return;
    *p->failed = false;
    kr_p_error_tok(p, KR_SYNERR_SYNTAX, kr_p_furthest_tok(p), "expected ':'");
    p->no_rest_check = false;
    p->rest_from_furthest = true;  // CPython's second pass stopped early
}

static void kr_p_finish(KrParseRun *r) {
    KrParser *p = &r->p;
    if (*p->failed) kr_p_match_quirk(p);
    if (*p->failed) kr_p_check_rest(p);
    kr_p_free_tokens(p);
}

KrAstModule *kr_parse_module(KrArena *arena, const char *src, size_t len, KrSyntaxErr *err) {
    KrParseRun r;
    if (!kr_p_start(&r, arena, src, len, err)) return NULL;
    KrParser *p = &r.p;
    KrPVec body = {0};
    while (!kr_p_at(p, KR_TOK_ENDMARKER) && !*p->failed)
        if (!kr_p_statement(p, &body)) break;
    KrAstModule *m = NULL;
    if (!*p->failed && (m = kr_p_alloc(p, sizeof *m))) m->body = kr_seq_stmt(p, &body);
    kr_p_finish(&r);
    if (*p->failed) return NULL;
    return m;
}

KrAstExpr *kr_parse_expression(KrArena *arena, const char *src, size_t len, KrSyntaxErr *err) {
    KrParseRun r;
    if (!kr_p_start(&r, arena, src, len, err)) return NULL;
    KrParser *p = &r.p;
    while (kr_p_accept(p, KR_TOK_NEWLINE)) {
    }
    KrAstExpr *e = kr_p_star_expressions(p);
    if (e) {
        while (kr_p_accept(p, KR_TOK_NEWLINE)) {
        }
        if (!kr_p_at(p, KR_TOK_ENDMARKER)) kr_p_invalid(p);
        if (!*p->failed && !kr_h_expr(e, KR_AST_MAX_DEPTH))
            kr_p_error_range(p, &e->loc, &e->loc, "too complex statement");
    }
    kr_p_finish(&r);
    return *p->failed ? NULL : e;
}
