// ast.c: the arena that holds AST nodes, and kr_ast_dump, which prints a
// tree exactly as CPython's ast.dump() does so tests can compare against
// python3 directly.
#include "ast.h"
#include "lexer.h"
#include <math.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>

// ---------------------------------------------------------------- arena --

#define KR_ARENA_BLOCK (64 * 1024)
// the first block with its header stays within 1 KB: malloc's fast per-thread cache
#define KR_ARENA_FIRST (1024 - sizeof(KrArenaBlock))
#define KR_ARENA_ALIGN (alignof(max_align_t))

void kr_arena_init(KrArena *a, KrAllocator alloc) {
    memset(a, 0, sizeof *a);
    a->alloc = alloc;
}

// The caller's buffer becomes the first block (size 0: never freed), so a
// short-lived arena for a small job needs no allocation at all.
void kr_arena_init_buf(KrArena *a, KrAllocator alloc, void *buf, size_t size) {
    kr_arena_init(a, alloc);
    if (size <= sizeof(KrArenaBlock) || ((uintptr_t)buf & (KR_ARENA_ALIGN - 1))) return;
    KrArenaBlock *b = buf;
    b->prev = NULL;
    b->size = 0;
    a->head = b;
    a->cap = size - sizeof(KrArenaBlock);
}

static void kr_arena_blocks_free(KrArenaBlock *b, KrAllocator alloc) {
    while (b) {
        KrArenaBlock *prev = b->prev;
        if (b->size) alloc.fn(alloc.ud, b, b->size, 0);
        b = prev;
    }
}

void kr_arena_free(KrArena *a) {
    kr_arena_blocks_free(a->head, a->alloc);
    a->head = NULL;
    a->used = a->cap = a->total = 0;
}

void kr_arena_delete(KrArena *a) {
    if (a) kr_arena_blocks_free(a->head, a->alloc); // `a` is in the oldest block, freed last
}

// An arena whose own header is carved from its first block: one host
// allocation for a small program.
KrArena *kr_arena_new(KrAllocator alloc) { return kr_arena_new_sized(alloc, 0); }

static bool kr_arena_grow(KrArena *a, size_t need);

KrArena *kr_arena_new_sized(KrAllocator alloc, size_t first) {
    KrArena tmp;
    kr_arena_init(&tmp, alloc);
    if (first > KR_ARENA_BLOCK) first = KR_ARENA_BLOCK;
    if (first > KR_ARENA_FIRST && !kr_arena_grow(&tmp, first)) return NULL;
    KrArena *a = kr_arena_alloc_uninit(&tmp, sizeof *a);
    if (!a) return NULL;
    *a = tmp;
    return a;
}

// Gets a new block with room for at least `need` bytes. Blocks start at
// 1 KB and double up to 64 KB: a small program keeps little memory.
static bool kr_arena_grow(KrArena *a, size_t need) {
    size_t block = a->cap ? a->cap * 2 : KR_ARENA_FIRST;
    if (block > KR_ARENA_BLOCK) block = KR_ARENA_BLOCK;
    size_t room = need > block ? need : block;
    size_t size, total;
    if (!kr_size_add(room, sizeof(KrArenaBlock), &size) ||
        !kr_size_add(a->total, size, &total) || (a->limit && total > a->limit)) {
        a->failed = true;
        return false;
    }
    KrArenaBlock *b = a->alloc.fn(a->alloc.ud, NULL, 0, size);
    if (!b) {
        a->failed = true;
        return false;
    }
    b->prev = a->head;
    b->size = size;
    a->head = b;
    a->used = 0;
    a->cap = room;
    a->total = total;
    return true;
}

void *kr_arena_alloc_slow(KrArena *a, size_t size) {
    size_t rounded;
    if (size == 0) size = 1;
    if (!kr_size_add(size, KR_ARENA_ALIGN - 1, &rounded)) {
        a->failed = true;
        return NULL;
    }
    rounded &= ~(size_t)(KR_ARENA_ALIGN - 1);
    if ((!a->head || a->cap - a->used < rounded) && !kr_arena_grow(a, rounded)) return NULL;
    void *p = a->head->data + a->used;
    a->used += rounded;
    return p;
}

void *kr_arena_array(KrArena *a, size_t n, size_t size) {
    size_t bytes;
    if (!kr_size_mul(n, size, &bytes)) {
        a->failed = true;
        return NULL;
    }
    return kr_arena_alloc(a, bytes);
}

char *kr_arena_strndup(KrArena *a, const char *s, size_t n) {
    size_t bytes;
    if (!kr_size_add(n, 1, &bytes)) {
        a->failed = true;
        return NULL;
    }
    char *p = kr_arena_alloc_uninit(a, bytes);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = 0;
    return p;
}

// ------------------------------------------------------------- helpers --

static int kr_digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

bool kr_ast_int_to_i64(const KrAstConst *c, int64_t *out) {
    if (c->kind != KR_AST_INT) return false;
    if (c->base == 10 && c->len <= 18) { // the usual case: cannot overflow
        int64_t v = 0;
        for (size_t i = 0; i < c->len; i++) {
            unsigned d = (unsigned)(c->data[i] - '0');
            if (d > 9) return false;
            v = v * 10 + d;
        }
        *out = v;
        return true;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < c->len; i++) {
        int d = kr_digit_value(c->data[i]);
        if (d >= c->base) return false;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)c->base) return false;
        v = v * (uint64_t)c->base + (uint64_t)d;
    }
    if (v > (uint64_t)INT64_MAX) return false;
    *out = (int64_t)v;
    return true;
}

static const char *const kr_stmt_names[] = {
    "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign",
    "AugAssign", "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith",
    "Match", "Raise", "Try", "TryStar", "Assert", "Import", "ImportFrom", "Global",
    "Nonlocal", "Expr", "Pass", "Break", "Continue",
};

static const char *const kr_expr_names[] = {
    "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set",
    "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom",
    "Compare", "Call", "FormattedValue", "JoinedStr", "Constant", "Attribute",
    "Subscript", "Starred", "Name", "List", "Tuple", "Slice",
};

static const char *const kr_pattern_names[] = {
    "MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping", "MatchClass",
    "MatchStar", "MatchAs", "MatchOr",
};

const char *kr_ast_stmt_kind_name(KrAstStmtKind k) {
    return (unsigned)k <= KR_STMT_CONTINUE ? kr_stmt_names[k] : "?";
}

const char *kr_ast_expr_kind_name(KrAstExprKind k) {
    return (unsigned)k <= KR_EXPR_SLICE ? kr_expr_names[k] : "?";
}

// ------------------------------------------------------------ dump core --

typedef struct KrDump {
    KrBuf *out;
    bool attrs;   // include_attributes
    bool ok;      // false once an append failed
    bool first;   // no field written yet in the current node
} KrDump;

static void kr_d_raw(KrDump *d, const char *s) {
    if (d->ok && !kr_buf_append_str(d->out, s)) d->ok = false;
}

static void kr_d_rawn(KrDump *d, const char *s, size_t n) {
    if (d->ok && !kr_buf_append(d->out, s, n)) d->ok = false;
}

static void kr_d_int(KrDump *d, long long v) {
    if (d->ok && !kr_buf_printf(d->out, "%lld", v)) d->ok = false;
}

static void kr_d_open(KrDump *d, const char *name) {
    kr_d_raw(d, name);
    kr_d_raw(d, "(");
    d->first = true;
}

static void kr_d_field(KrDump *d, const char *name) {
    if (!d->first) kr_d_raw(d, ", ");
    d->first = false;
    kr_d_raw(d, name);
    kr_d_raw(d, "=");
}

static void kr_d_close(KrDump *d, const KrAstLoc *loc) {
    if (d->attrs && loc) {
        kr_d_field(d, "lineno");
        kr_d_int(d, loc->lineno);
        kr_d_field(d, "col_offset");
        kr_d_int(d, loc->col_offset);
        kr_d_field(d, "end_lineno");
        kr_d_int(d, loc->end_lineno);
        kr_d_field(d, "end_col_offset");
        kr_d_int(d, loc->end_col_offset);
    }
    kr_d_raw(d, ")");
    d->first = false;
}

// A node with no fields and no location, e.g. "Load()".
static void kr_d_leaf(KrDump *d, const char *name) {
    kr_d_raw(d, name);
    kr_d_raw(d, "()");
    d->first = false;
}

static void kr_d_str_repr(KrDump *d, const char *s, size_t n);

static void kr_d_ident(KrDump *d, const char *name, const char *id) {
    kr_d_field(d, name);
    kr_d_str_repr(d, id, strlen(id));
}

static void kr_d_opt_ident(KrDump *d, const char *name, const char *id) {
    if (id) kr_d_ident(d, name, id);
}

// ------------------------------------------------------------ constants --

// Python's repr() of a str: picks the quote, escapes what str.repr escapes.
static void kr_d_str_repr(KrDump *d, const char *s, size_t n) {
    bool has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    char tmp[16];
    kr_d_rawn(d, &q, 1);
    size_t i = 0;
    while (i < n) {
        uint32_t cp = kr_utf8_decode(s, n, &i);
        if (cp == (uint32_t)q || cp == '\\') {
            tmp[0] = '\\';
            tmp[1] = (char)cp;
            kr_d_rawn(d, tmp, 2);
        } else if (cp == '\t') {
            kr_d_raw(d, "\\t");
        } else if (cp == '\n') {
            kr_d_raw(d, "\\n");
        } else if (cp == '\r') {
            kr_d_raw(d, "\\r");
        } else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0xff && kr_lex_cp_nonprintable(cp))) {
            snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)cp);
            kr_d_raw(d, tmp);
        } else if ((cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x80 && kr_lex_cp_nonprintable(cp))) {
            snprintf(tmp, sizeof tmp, cp < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)cp);
            kr_d_raw(d, tmp);
        } else {
            size_t len = kr_utf8_encode(cp, tmp);
            kr_d_rawn(d, tmp, len);
        }
    }
    kr_d_rawn(d, &q, 1);
}

static void kr_d_bytes_repr(KrDump *d, const char *s, size_t n) {
    bool has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    char tmp[8];
    kr_d_raw(d, "b");
    kr_d_rawn(d, &q, 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)q || c == '\\') {
            tmp[0] = '\\';
            tmp[1] = (char)c;
            kr_d_rawn(d, tmp, 2);
        } else if (c == '\t') {
            kr_d_raw(d, "\\t");
        } else if (c == '\n') {
            kr_d_raw(d, "\\n");
        } else if (c == '\r') {
            kr_d_raw(d, "\\r");
        } else if (c < 0x20 || c >= 0x7f) {
            snprintf(tmp, sizeof tmp, "\\x%02x", c);
            kr_d_raw(d, tmp);
        } else {
            kr_d_rawn(d, (const char *)&c, 1);
        }
    }
    kr_d_rawn(d, &q, 1);
}

// Prints an integer given as digits in `base` in decimal, for any size.
static void kr_d_bigint(KrDump *d, const KrAstConst *c) {
    int64_t small;
    if (kr_ast_int_to_i64(c, &small)) {
        kr_d_int(d, small);
        return;
    }
    // Little-endian decimal digits; len * log(16)/log(10) < 2 * len.
    size_t cap;
    if (!kr_size_mul(c->len, 2, &cap) || !kr_size_add(cap, 2, &cap)) {
        d->ok = false;
        return;
    }
    KrAllocator al = d->out->alloc;
    unsigned char *dec = al.fn(al.ud, NULL, 0, cap);
    if (!dec) {
        d->ok = false;
        return;
    }
    size_t nd = 1;
    dec[0] = 0;
    for (size_t i = 0; i < c->len; i++) {
        unsigned carry = (unsigned)kr_digit_value(c->data[i]);
        for (size_t k = 0; k < nd; k++) {
            unsigned v = dec[k] * (unsigned)c->base + carry;
            dec[k] = (unsigned char)(v % 10);
            carry = v / 10;
        }
        while (carry && nd < cap) {
            dec[nd++] = (unsigned char)(carry % 10);
            carry /= 10;
        }
    }
    while (nd > 1 && dec[nd - 1] == 0) nd--;
    for (size_t k = 0; k < nd / 2; k++) {
        unsigned char t = dec[k];
        dec[k] = dec[nd - 1 - k];
        dec[nd - 1 - k] = t;
    }
    for (size_t k = 0; k < nd; k++) dec[k] = (unsigned char)('0' + dec[k]);
    kr_d_rawn(d, (const char *)dec, nd);
    al.fn(al.ud, dec, cap, 0);
}

// Shortest decimal digits that read back as x (x finite): digits
// d1 d2 ... dn (no trailing zeros) with x = 0.d1d2...dn * 10^decpt.
static size_t kr_float_digits(double x, char digits[32], int *decpt, bool *neg) {
    char buf[64];
    int prec;
    for (prec = 1; prec < 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x) break;
    }
    snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
    // buf looks like "-1.2345e+05"; the point may be locale-specific.
    const char *p = buf;
    *neg = *p == '-';
    if (*neg) p++;
    size_t nd = 0;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9' && nd < 31) digits[nd++] = *p;
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    digits[nd] = 0;
    *decpt = (*p == 'e' ? atoi(p + 1) : 0) + 1;
    return nd;
}

// Python's repr(float) ('r' format): shortest round-tripping digits, fixed
// notation for decimal exponents in [-4, 16), else scientific. Complex
// imaginary parts print without the ".0".
static void kr_d_float(KrDump *d, double x, bool imag) {
    if (isinf(x) || isnan(x)) {
        kr_d_raw(d, isnan(x) ? "nan" : x < 0 ? "-inf" : "inf");
        return;
    }
    char digits[32], out[64];
    int decpt;
    bool neg;
    size_t nd = kr_float_digits(x, digits, &decpt, &neg), o = 0;
    if (neg) out[o++] = '-';
    if (decpt <= -4 || decpt > 16) {
        int e = decpt - 1;
        out[o++] = digits[0];
        if (nd > 1) o += (size_t)snprintf(out + o, sizeof out - o, ".%s", digits + 1);
        o += (size_t)snprintf(out + o, sizeof out - o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else if (decpt <= 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (int k = 0; k < -decpt; k++) out[o++] = '0';  // at most 3
        o += (size_t)snprintf(out + o, sizeof out - o, "%s", digits);
    } else {
        for (int k = 0; k < decpt; k++) out[o++] = (size_t)k < nd ? digits[k] : '0';
        if ((size_t)decpt < nd) o += (size_t)snprintf(out + o, sizeof out - o, ".%s", digits + decpt);
        else if (!imag) o += (size_t)snprintf(out + o, sizeof out - o, ".0");
    }
    kr_d_rawn(d, out, o);
}

static void kr_d_const_value(KrDump *d, const KrAstConst *c) {
    switch (c->kind) {
    case KR_AST_NONE: kr_d_raw(d, "None"); break;
    case KR_AST_TRUE: kr_d_raw(d, "True"); break;
    case KR_AST_FALSE: kr_d_raw(d, "False"); break;
    case KR_AST_ELLIPSIS: kr_d_raw(d, "Ellipsis"); break;
    case KR_AST_INT: kr_d_bigint(d, c); break;
    case KR_AST_FLOAT: kr_d_float(d, c->num, false); break;
    case KR_AST_COMPLEX:
        kr_d_float(d, c->num, true);
        kr_d_raw(d, "j");
        break;
    case KR_AST_STR: kr_d_str_repr(d, c->data, c->len); break;
    case KR_AST_BYTES: kr_d_bytes_repr(d, c->data, c->len); break;
    }
}

bool kr_ast_const_repr(const KrAstConst *c, KrBuf *out) {
    KrDump d = {out, false, true, true};
    kr_d_const_value(&d, c);
    return d.ok;
}

// ------------------------------------------------------------ operators --

static const char *const kr_ctx_names[] = {"Load", "Store", "Del"};
static const char *const kr_boolop_names[] = {"And", "Or"};
static const char *const kr_binop_names[] = {
    "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift",
    "BitOr", "BitXor", "BitAnd", "FloorDiv",
};
static const char *const kr_unary_names[] = {"Invert", "Not", "UAdd", "USub"};
static const char *const kr_cmp_names[] = {
    "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn",
};

static void kr_d_ctx(KrDump *d, KrAstExprCtx ctx) {
    kr_d_field(d, "ctx");
    kr_d_leaf(d, kr_ctx_names[ctx]);
}

// ---------------------------------------------------------------- nodes --

static void kr_d_expr(KrDump *d, const KrAstExpr *e);
static void kr_d_stmt(KrDump *d, const KrAstStmt *s);
static void kr_d_pattern(KrDump *d, const KrAstPattern *p);
static void kr_d_arguments(KrDump *d, const KrAstArguments *a);

// Writes "name=[...]" for any sequence via a per-item callback.
typedef void (*KrDumpItem)(KrDump *d, const void *item);

static void kr_d_list(KrDump *d, const char *name, void *const *items, size_t n, KrDumpItem f) {
    if (name) kr_d_field(d, name);
    kr_d_raw(d, "[");
    for (size_t i = 0; i < n; i++) {
        if (i) kr_d_raw(d, ", ");
        if (items[i]) f(d, items[i]);
        else kr_d_raw(d, "None");
    }
    kr_d_raw(d, "]");
    d->first = false;
}

static void kr_d_expr_item(KrDump *d, const void *x) { kr_d_expr(d, x); }
static void kr_d_stmt_item(KrDump *d, const void *x) { kr_d_stmt(d, x); }
static void kr_d_pattern_item(KrDump *d, const void *x) { kr_d_pattern(d, x); }
static void kr_d_ident_item(KrDump *d, const void *x) {
    kr_d_str_repr(d, x, strlen(x));
}

static void kr_d_exprs(KrDump *d, const char *name, KrAstExprSeq s) {
    kr_d_list(d, name, (void *const *)s.items, s.count, kr_d_expr_item);
}

static void kr_d_stmts(KrDump *d, const char *name, KrAstStmtSeq s) {
    kr_d_list(d, name, (void *const *)s.items, s.count, kr_d_stmt_item);
}

static void kr_d_patterns(KrDump *d, const char *name, KrAstPatternSeq s) {
    kr_d_list(d, name, (void *const *)s.items, s.count, kr_d_pattern_item);
}

static void kr_d_idents(KrDump *d, const char *name, KrAstIdentSeq s) {
    kr_d_list(d, name, (void *const *)s.items, s.count, kr_d_ident_item);
}

// A nested node field: saves/restores the "first" state around it.
static void kr_d_sub_expr(KrDump *d, const char *name, const KrAstExpr *e) {
    if (!e) return;
    kr_d_field(d, name);
    kr_d_expr(d, e);
}

static void kr_d_arg(KrDump *d, const void *x) {
    const KrAstArg *a = x;
    kr_d_open(d, "arg");
    kr_d_ident(d, "arg", a->arg);
    kr_d_sub_expr(d, "annotation", a->annotation);
    kr_d_close(d, &a->loc);
}

static void kr_d_keyword(KrDump *d, const void *x) {
    const KrAstKeyword *k = x;
    kr_d_open(d, "keyword");
    kr_d_opt_ident(d, "arg", k->arg);
    kr_d_sub_expr(d, "value", k->value);
    kr_d_close(d, &k->loc);
}

static void kr_d_alias(KrDump *d, const void *x) {
    const KrAstAlias *a = x;
    kr_d_open(d, "alias");
    kr_d_ident(d, "name", a->name);
    kr_d_opt_ident(d, "asname", a->asname);
    kr_d_close(d, &a->loc);
}

static void kr_d_withitem(KrDump *d, const void *x) {
    const KrAstWithItem *w = x;
    kr_d_open(d, "withitem");
    kr_d_sub_expr(d, "context_expr", w->context_expr);
    kr_d_sub_expr(d, "optional_vars", w->optional_vars);
    kr_d_close(d, NULL);
}

static void kr_d_comprehension(KrDump *d, const void *x) {
    const KrAstComprehension *c = x;
    kr_d_open(d, "comprehension");
    kr_d_sub_expr(d, "target", c->target);
    kr_d_sub_expr(d, "iter", c->iter);
    kr_d_exprs(d, "ifs", c->ifs);
    kr_d_field(d, "is_async");
    kr_d_int(d, c->is_async);
    kr_d_close(d, NULL);
}

static void kr_d_handler(KrDump *d, const void *x) {
    const KrAstExceptHandler *h = x;
    kr_d_open(d, "ExceptHandler");
    kr_d_sub_expr(d, "type", h->type);
    kr_d_opt_ident(d, "name", h->name);
    kr_d_stmts(d, "body", h->body);
    kr_d_close(d, &h->loc);
}

static void kr_d_match_case(KrDump *d, const void *x) {
    const KrAstMatchCase *m = x;
    kr_d_open(d, "match_case");
    kr_d_field(d, "pattern");
    kr_d_pattern(d, m->pattern);
    kr_d_sub_expr(d, "guard", m->guard);
    kr_d_stmts(d, "body", m->body);
    kr_d_close(d, NULL);
}

static void kr_d_arguments(KrDump *d, const KrAstArguments *a) {
    kr_d_open(d, "arguments");
    kr_d_list(d, "posonlyargs", (void *const *)a->posonlyargs.items, a->posonlyargs.count, kr_d_arg);
    kr_d_list(d, "args", (void *const *)a->args.items, a->args.count, kr_d_arg);
    if (a->vararg) {
        kr_d_field(d, "vararg");
        kr_d_arg(d, a->vararg);
    }
    kr_d_list(d, "kwonlyargs", (void *const *)a->kwonlyargs.items, a->kwonlyargs.count, kr_d_arg);
    kr_d_exprs(d, "kw_defaults", a->kw_defaults);
    if (a->kwarg) {
        kr_d_field(d, "kwarg");
        kr_d_arg(d, a->kwarg);
    }
    kr_d_exprs(d, "defaults", a->defaults);
    kr_d_close(d, NULL);
}

// ----------------------------------------------------------- expressions --

static void kr_d_comp_expr(KrDump *d, const KrAstExpr *e) {
    if (e->kind == KR_EXPR_DICTCOMP) {
        kr_d_sub_expr(d, "key", e->v.dictcomp.key);
        kr_d_sub_expr(d, "value", e->v.dictcomp.value);
        kr_d_list(d, "generators", (void *const *)e->v.dictcomp.generators.items,
                  e->v.dictcomp.generators.count, kr_d_comprehension);
        return;
    }
    kr_d_sub_expr(d, "elt", e->v.comp.elt);
    kr_d_list(d, "generators", (void *const *)e->v.comp.generators.items,
              e->v.comp.generators.count, kr_d_comprehension);
}

static void kr_d_compare(KrDump *d, const KrAstExpr *e) {
    kr_d_sub_expr(d, "left", e->v.compare.left);
    kr_d_field(d, "ops");
    kr_d_raw(d, "[");
    for (size_t i = 0; i < e->v.compare.comparators.count; i++) {
        if (i) kr_d_raw(d, ", ");
        kr_d_leaf(d, kr_cmp_names[e->v.compare.ops[i]]);
    }
    kr_d_raw(d, "]");
    kr_d_exprs(d, "comparators", e->v.compare.comparators);
}

// Expression kinds whose fields are all sub-expressions or sequences.
static void kr_d_expr_simple(KrDump *d, const KrAstExpr *e) {
    switch (e->kind) {
    case KR_EXPR_NAMEDEXPR:
        kr_d_sub_expr(d, "target", e->v.namedexpr.target);
        kr_d_sub_expr(d, "value", e->v.namedexpr.value);
        break;
    case KR_EXPR_IFEXP:
        kr_d_sub_expr(d, "test", e->v.ifexp.test);
        kr_d_sub_expr(d, "body", e->v.ifexp.body);
        kr_d_sub_expr(d, "orelse", e->v.ifexp.orelse);
        break;
    case KR_EXPR_DICT:
        kr_d_exprs(d, "keys", e->v.dict.keys);
        kr_d_exprs(d, "values", e->v.dict.values);
        break;
    case KR_EXPR_SET: kr_d_exprs(d, "elts", e->v.set.elts); break;
    case KR_EXPR_AWAIT: kr_d_sub_expr(d, "value", e->v.await.value); break;
    case KR_EXPR_YIELD: kr_d_sub_expr(d, "value", e->v.yield.value); break;
    case KR_EXPR_YIELDFROM: kr_d_sub_expr(d, "value", e->v.yieldfrom.value); break;
    case KR_EXPR_CALL:
        kr_d_sub_expr(d, "func", e->v.call.func);
        kr_d_exprs(d, "args", e->v.call.args);
        kr_d_list(d, "keywords", (void *const *)e->v.call.keywords.items,
                  e->v.call.keywords.count, kr_d_keyword);
        break;
    case KR_EXPR_JOINEDSTR: kr_d_exprs(d, "values", e->v.joinedstr.values); break;
    case KR_EXPR_SLICE:
        kr_d_sub_expr(d, "lower", e->v.slice.lower);
        kr_d_sub_expr(d, "upper", e->v.slice.upper);
        kr_d_sub_expr(d, "step", e->v.slice.step);
        break;
    default: kr_d_comp_expr(d, e); break;
    }
}

static void kr_d_expr_fields(KrDump *d, const KrAstExpr *e) {
    switch (e->kind) {
    case KR_EXPR_BOOLOP:
        kr_d_field(d, "op");
        kr_d_leaf(d, kr_boolop_names[e->v.boolop.op]);
        kr_d_exprs(d, "values", e->v.boolop.values);
        break;
    case KR_EXPR_BINOP:
        kr_d_sub_expr(d, "left", e->v.binop.left);
        kr_d_field(d, "op");
        kr_d_leaf(d, kr_binop_names[e->v.binop.op]);
        kr_d_sub_expr(d, "right", e->v.binop.right);
        break;
    case KR_EXPR_UNARYOP:
        kr_d_field(d, "op");
        kr_d_leaf(d, kr_unary_names[e->v.unaryop.op]);
        kr_d_sub_expr(d, "operand", e->v.unaryop.operand);
        break;
    case KR_EXPR_LAMBDA:
        kr_d_field(d, "args");
        kr_d_arguments(d, e->v.lambda.args);
        kr_d_sub_expr(d, "body", e->v.lambda.body);
        break;
    case KR_EXPR_COMPARE: kr_d_compare(d, e); break;
    case KR_EXPR_FORMATTEDVALUE:
        kr_d_sub_expr(d, "value", e->v.formatted.value);
        kr_d_field(d, "conversion");
        kr_d_int(d, e->v.formatted.conversion);
        kr_d_sub_expr(d, "format_spec", e->v.formatted.format_spec);
        break;
    case KR_EXPR_CONSTANT:
        kr_d_field(d, "value");
        kr_d_const_value(d, &e->v.constant.value);
        if (e->v.constant.kind_u) {
            kr_d_field(d, "kind");
            kr_d_raw(d, "'u'");
        }
        break;
    case KR_EXPR_ATTRIBUTE:
        kr_d_sub_expr(d, "value", e->v.attribute.value);
        kr_d_ident(d, "attr", e->v.attribute.attr);
        kr_d_ctx(d, e->v.attribute.ctx);
        break;
    case KR_EXPR_SUBSCRIPT:
        kr_d_sub_expr(d, "value", e->v.subscript.value);
        kr_d_sub_expr(d, "slice", e->v.subscript.slice);
        kr_d_ctx(d, e->v.subscript.ctx);
        break;
    case KR_EXPR_STARRED:
        kr_d_sub_expr(d, "value", e->v.starred.value);
        kr_d_ctx(d, e->v.starred.ctx);
        break;
    case KR_EXPR_NAME:
        kr_d_ident(d, "id", e->v.name.id);
        kr_d_ctx(d, e->v.name.ctx);
        break;
    case KR_EXPR_LIST:
    case KR_EXPR_TUPLE:
        kr_d_exprs(d, "elts", e->v.seq.elts);
        kr_d_ctx(d, e->v.seq.ctx);
        break;
    default: kr_d_expr_simple(d, e); break;
    }
}

static void kr_d_expr(KrDump *d, const KrAstExpr *e) {
    kr_d_open(d, kr_ast_expr_kind_name(e->kind));
    kr_d_expr_fields(d, e);
    kr_d_close(d, &e->loc);
}

// ------------------------------------------------------------ statements --

static void kr_d_funcdef(KrDump *d, const KrAstStmt *s) {
    kr_d_ident(d, "name", s->v.funcdef.name);
    kr_d_field(d, "args");
    kr_d_arguments(d, s->v.funcdef.args);
    kr_d_stmts(d, "body", s->v.funcdef.body);
    kr_d_exprs(d, "decorator_list", s->v.funcdef.decorator_list);
    kr_d_sub_expr(d, "returns", s->v.funcdef.returns);
}

static void kr_d_classdef(KrDump *d, const KrAstStmt *s) {
    kr_d_ident(d, "name", s->v.classdef.name);
    kr_d_exprs(d, "bases", s->v.classdef.bases);
    kr_d_list(d, "keywords", (void *const *)s->v.classdef.keywords.items,
              s->v.classdef.keywords.count, kr_d_keyword);
    kr_d_stmts(d, "body", s->v.classdef.body);
    kr_d_exprs(d, "decorator_list", s->v.classdef.decorator_list);
}

static void kr_d_stmt_compound(KrDump *d, const KrAstStmt *s) {
    switch (s->kind) {
    case KR_STMT_FOR:
    case KR_STMT_ASYNCFOR:
        kr_d_sub_expr(d, "target", s->v.for_.target);
        kr_d_sub_expr(d, "iter", s->v.for_.iter);
        kr_d_stmts(d, "body", s->v.for_.body);
        kr_d_stmts(d, "orelse", s->v.for_.orelse);
        break;
    case KR_STMT_WHILE:
        kr_d_sub_expr(d, "test", s->v.while_.test);
        kr_d_stmts(d, "body", s->v.while_.body);
        kr_d_stmts(d, "orelse", s->v.while_.orelse);
        break;
    case KR_STMT_IF:
        kr_d_sub_expr(d, "test", s->v.if_.test);
        kr_d_stmts(d, "body", s->v.if_.body);
        kr_d_stmts(d, "orelse", s->v.if_.orelse);
        break;
    case KR_STMT_WITH:
    case KR_STMT_ASYNCWITH:
        kr_d_list(d, "items", (void *const *)s->v.with.items.items, s->v.with.items.count,
                  kr_d_withitem);
        kr_d_stmts(d, "body", s->v.with.body);
        break;
    case KR_STMT_MATCH:
        kr_d_sub_expr(d, "subject", s->v.match.subject);
        kr_d_list(d, "cases", (void *const *)s->v.match.cases.items, s->v.match.cases.count,
                  kr_d_match_case);
        break;
    case KR_STMT_TRY:
    case KR_STMT_TRYSTAR:
        kr_d_stmts(d, "body", s->v.try_.body);
        kr_d_list(d, "handlers", (void *const *)s->v.try_.handlers.items,
                  s->v.try_.handlers.count, kr_d_handler);
        kr_d_stmts(d, "orelse", s->v.try_.orelse);
        kr_d_stmts(d, "finalbody", s->v.try_.finalbody);
        break;
    default: break;
    }
}

static void kr_d_stmt_fields(KrDump *d, const KrAstStmt *s) {
    switch (s->kind) {
    case KR_STMT_FUNCTIONDEF:
    case KR_STMT_ASYNCFUNCTIONDEF: kr_d_funcdef(d, s); break;
    case KR_STMT_CLASSDEF: kr_d_classdef(d, s); break;
    case KR_STMT_RETURN: kr_d_sub_expr(d, "value", s->v.return_.value); break;
    case KR_STMT_DELETE: kr_d_exprs(d, "targets", s->v.delete_.targets); break;
    case KR_STMT_ASSIGN:
        kr_d_exprs(d, "targets", s->v.assign.targets);
        kr_d_sub_expr(d, "value", s->v.assign.value);
        break;
    case KR_STMT_AUGASSIGN:
        kr_d_sub_expr(d, "target", s->v.augassign.target);
        kr_d_field(d, "op");
        kr_d_leaf(d, kr_binop_names[s->v.augassign.op]);
        kr_d_sub_expr(d, "value", s->v.augassign.value);
        break;
    case KR_STMT_ANNASSIGN:
        kr_d_sub_expr(d, "target", s->v.annassign.target);
        kr_d_sub_expr(d, "annotation", s->v.annassign.annotation);
        kr_d_sub_expr(d, "value", s->v.annassign.value);
        kr_d_field(d, "simple");
        kr_d_int(d, s->v.annassign.simple);
        break;
    case KR_STMT_RAISE:
        kr_d_sub_expr(d, "exc", s->v.raise.exc);
        kr_d_sub_expr(d, "cause", s->v.raise.cause);
        break;
    case KR_STMT_ASSERT:
        kr_d_sub_expr(d, "test", s->v.assert_.test);
        kr_d_sub_expr(d, "msg", s->v.assert_.msg);
        break;
    case KR_STMT_IMPORT:
        kr_d_list(d, "names", (void *const *)s->v.import.names.items, s->v.import.names.count,
                  kr_d_alias);
        break;
    case KR_STMT_IMPORTFROM:
        kr_d_opt_ident(d, "module", s->v.importfrom.module);
        kr_d_list(d, "names", (void *const *)s->v.importfrom.names.items,
                  s->v.importfrom.names.count, kr_d_alias);
        kr_d_field(d, "level");
        kr_d_int(d, s->v.importfrom.level);
        break;
    case KR_STMT_GLOBAL:
    case KR_STMT_NONLOCAL: kr_d_idents(d, "names", s->v.global.names); break;
    case KR_STMT_EXPR: kr_d_sub_expr(d, "value", s->v.expr.value); break;
    case KR_STMT_PASS:
    case KR_STMT_BREAK:
    case KR_STMT_CONTINUE: break;
    default: kr_d_stmt_compound(d, s); break;
    }
}

static void kr_d_stmt(KrDump *d, const KrAstStmt *s) {
    kr_d_open(d, kr_ast_stmt_kind_name(s->kind));
    kr_d_stmt_fields(d, s);
    kr_d_close(d, &s->loc);
}

// -------------------------------------------------------------- patterns --

static void kr_d_pattern_fields(KrDump *d, const KrAstPattern *p) {
    switch (p->kind) {
    case KR_PAT_MATCHVALUE: kr_d_sub_expr(d, "value", p->v.value.value); break;
    case KR_PAT_MATCHSINGLETON:
        kr_d_field(d, "value");
        kr_d_const_value(d, &p->v.singleton.value);
        break;
    case KR_PAT_MATCHSEQUENCE: kr_d_patterns(d, "patterns", p->v.sequence.patterns); break;
    case KR_PAT_MATCHMAPPING:
        kr_d_exprs(d, "keys", p->v.mapping.keys);
        kr_d_patterns(d, "patterns", p->v.mapping.patterns);
        kr_d_opt_ident(d, "rest", p->v.mapping.rest);
        break;
    case KR_PAT_MATCHCLASS:
        kr_d_sub_expr(d, "cls", p->v.cls.cls);
        kr_d_patterns(d, "patterns", p->v.cls.patterns);
        kr_d_idents(d, "kwd_attrs", p->v.cls.kwd_attrs);
        kr_d_patterns(d, "kwd_patterns", p->v.cls.kwd_patterns);
        break;
    case KR_PAT_MATCHSTAR: kr_d_opt_ident(d, "name", p->v.star.name); break;
    case KR_PAT_MATCHAS:
        if (p->v.as.pattern) {
            kr_d_field(d, "pattern");
            kr_d_pattern(d, p->v.as.pattern);
        }
        kr_d_opt_ident(d, "name", p->v.as.name);
        break;
    case KR_PAT_MATCHOR: kr_d_patterns(d, "patterns", p->v.or_.patterns); break;
    }
}

static void kr_d_pattern(KrDump *d, const KrAstPattern *p) {
    kr_d_open(d, kr_pattern_names[p->kind]);
    kr_d_pattern_fields(d, p);
    kr_d_close(d, &p->loc);
}

// ---------------------------------------------------------------- public --

bool kr_ast_dump_module(const KrAstModule *m, bool include_attributes, KrBuf *out) {
    KrDump d = {out, include_attributes, true, true};
    kr_d_open(&d, "Module");
    kr_d_stmts(&d, "body", m->body);
    kr_d_field(&d, "type_ignores");
    kr_d_raw(&d, "[]");
    kr_d_close(&d, NULL);
    return d.ok;
}

bool kr_ast_dump_expr(const KrAstExpr *e, bool include_attributes, KrBuf *out) {
    KrDump d = {out, include_attributes, true, true};
    kr_d_expr(&d, e);
    return d.ok;
}
