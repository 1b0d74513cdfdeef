// ast.h: the abstract syntax tree the parser builds and the compiler reads.
//
// The node kinds and fields follow CPython 3.11's `ast` module
// (Parser/Python.asdl) one to one, so `ast.dump()` of CPython is the oracle
// (see kr_ast_dump). All nodes live in one KrArena and are freed together.
//
// Conventions:
// - Every node kind that has location attributes in CPython (stmt, expr,
//   excepthandler, arg, keyword, alias, pattern) carries a KrAstLoc with the
//   values CPython computes: lineno/end_lineno 1-based, col_offset and
//   end_col_offset 0-based UTF-8 *byte* offsets. The ones CPython gives no
//   location (arguments, comprehension, withitem, match_case) have none.
// - Sequences are (items, count) arrays. Items are never NULL, except in
//   two places where CPython uses None: Dict.keys (NULL for a `**m` entry)
//   and arguments.kw_defaults (NULL for a keyword-only arg without default).
// - Optional fields (`expr?`, `identifier?` in the ASDL) are NULL when
//   absent.
// - Identifiers are NUL-terminated UTF-8 strings in the arena. Non-ASCII
//   identifiers are NOT NFKC-normalised (CPython does that); see lexer.c.
//
// Checks the parser does NOT do, left to the compiler (CPython makes them
// in its compiler/symtable too, so they are SyntaxErrors located at the
// node): 'return' outside function; 'yield' / 'await' outside function
// (and 'await' outside async function); 'break' outside loop; 'continue'
// not properly in loop; duplicate argument 'x' in function definition;
// keyword argument repeated: x; the global/nonlocal errors ("name 'x' is
// used prior to global declaration", "no binding for nonlocal 'x' found",
// "nonlocal declaration not allowed at module level", ...); multiple
// starred expressions in assignment; can't use starred expression here
// (`x = *a`); starred assignment target must be in a list or tuple for
// targets other than a plain assignment (`for *a in x`, `with y as *a`;
// the parser reports `*a = 1` itself); 'return' with value in async
// generator; asynchronous comprehension outside of an asynchronous
// function; 'yield' inside list comprehension; cannot assign to
// __debug__; default 'except:' must be last; the pattern checks (multiple
// assignments to name 'x' in pattern, alternative patterns bind different
// names, name capture / wildcard makes remaining patterns unreachable).
#ifndef KR_AST_H
#define KR_AST_H

#include "common.h"
#include <stdalign.h>
#include <string.h>

// ---------------------------------------------------------------- arena --

// A bump allocator: takes big blocks from a KrAllocator and frees them all
// at once. Every request is overflow-checked; failure returns NULL and sets
// `failed` (the parser turns that into a MemoryError-kind KrSyntaxErr).
typedef struct KrArenaBlock KrArenaBlock;
struct KrArenaBlock {
    KrArenaBlock *prev;
    size_t size;  // bytes of the whole block, as allocated (0: the caller's)
    alignas(max_align_t) unsigned char data[];
};

typedef struct KrArena {
    KrAllocator alloc;
    KrArenaBlock *head;   // newest block; blocks chain to older ones
    size_t used;          // bytes used in head
    size_t cap;           // usable bytes in head
    size_t total;         // bytes obtained from alloc (for accounting)
    size_t limit;         // 0 = unlimited; else fail beyond this many bytes
    bool failed;
} KrArena;

void kr_arena_init(KrArena *a, KrAllocator alloc);
// Starts the arena in the caller's max_align_t-aligned buffer (not freed).
void kr_arena_init_buf(KrArena *a, KrAllocator alloc, void *buf, size_t size);
// Frees every block; the arena is empty and usable again.
void kr_arena_free(KrArena *a);
// A heap arena holding its own header (NULL when out of memory); freed,
// header included, by kr_arena_delete.
KrArena *kr_arena_new(KrAllocator alloc);
// The same with a first block of about `first` bytes (at most a normal
// block), for a caller that knows roughly how much it will need.
KrArena *kr_arena_new_sized(KrAllocator alloc, size_t first);
void kr_arena_delete(KrArena *a);
void *kr_arena_alloc_slow(KrArena *a, size_t size);

// Returns max_align_t-aligned memory, not zeroed (for structs the caller
// fills), or NULL. Inline: a compile makes dozens of these.
static inline void *kr_arena_alloc_uninit(KrArena *a, size_t size) {
    size_t rounded = (size + 15) & ~(size_t)15;
    if (size - 1 < (size_t)1 << 30 && a->head && rounded <= a->cap - a->used && _Alignof(max_align_t) <= 16) {
        void *p = a->head->data + a->used;
        a->used += rounded;
        return p;
    }
    return kr_arena_alloc_slow(a, size);
}

// The same, zeroed.
static inline void *kr_arena_alloc(KrArena *a, size_t size) {
    void *p = kr_arena_alloc_uninit(a, size);
    if (p) memset(p, 0, size);
    return p;
}
// Allocates n elements of `size` bytes each (overflow-checked), zeroed.
void *kr_arena_array(KrArena *a, size_t n, size_t size);
// The same, not zeroed (for arrays the caller fills before reading).
static inline void *kr_arena_array_uninit(KrArena *a, size_t n, size_t size) {
    size_t bytes;
    if (!kr_size_mul(n, size, &bytes)) {
        a->failed = true;
        return NULL;
    }
    return kr_arena_alloc_uninit(a, bytes);
}
// Copies s[0..n) and appends a NUL.
char *kr_arena_strndup(KrArena *a, const char *s, size_t n);

// ------------------------------------------------------------- locations --

typedef struct KrAstLoc {
    int32_t lineno;
    int32_t col_offset;      // UTF-8 bytes from line start, 0-based
    int32_t end_lineno;
    int32_t end_col_offset;  // UTF-8 bytes, exclusive
} KrAstLoc;

// ------------------------------------------------------------ syntax err --

typedef enum KrSyntaxErrKind {
    KR_SYNERR_NONE = 0,
    KR_SYNERR_SYNTAX,       // SyntaxError
    KR_SYNERR_INDENTATION,  // IndentationError (subclass of SyntaxError)
    KR_SYNERR_TAB,          // TabError (subclass of IndentationError)
    KR_SYNERR_MEMORY        // out of memory / arena limit: MemoryError
} KrSyntaxErrKind;

#define KR_SYNERR_MSG_MAX 256

// A syntax error as CPython's SyntaxError reports it. lineno/offset and
// end_lineno/end_offset are CPython's e.lineno, e.offset, e.end_lineno,
// e.end_offset: lines 1-based, offsets 1-based in *characters* (code
// points) of the source line, 0 when CPython gives none. The compiler may
// fill this same struct for the SyntaxErrors it detects.
typedef struct KrSyntaxErr {
    KrSyntaxErrKind kind;
    char msg[KR_SYNERR_MSG_MAX];
    int32_t lineno;
    int32_t offset;
    int32_t end_lineno;
    int32_t end_offset;
    // found at the end of the source: CPython running a file draws no
    // caret then (compile() of a string does; the offsets are compile()'s)
    bool at_end;
} KrSyntaxErr;

// "No error": what readers look at (the message is a C string), without
// clearing the whole message buffer.
static inline void kr_synerr_clear(KrSyntaxErr *e) {
    e->kind = KR_SYNERR_NONE;
    e->msg[0] = 0;
    e->lineno = e->offset = e->end_lineno = e->end_offset = 0;
    e->at_end = false;
}

// -------------------------------------------------------------- operators --

typedef enum KrAstExprCtx { KR_AST_LOAD, KR_AST_STORE, KR_AST_DEL } KrAstExprCtx;

typedef enum KrAstBoolOp { KR_AST_AND, KR_AST_OR } KrAstBoolOp;

typedef enum KrAstOperator {
    KR_AST_ADD, KR_AST_SUB, KR_AST_MULT, KR_AST_MATMULT, KR_AST_DIV,
    KR_AST_MOD, KR_AST_POW, KR_AST_LSHIFT, KR_AST_RSHIFT, KR_AST_BITOR,
    KR_AST_BITXOR, KR_AST_BITAND, KR_AST_FLOORDIV
} KrAstOperator;

typedef enum KrAstUnaryOp {
    KR_AST_INVERT, KR_AST_NOT, KR_AST_UADD, KR_AST_USUB
} KrAstUnaryOp;

typedef enum KrAstCmpOp {
    KR_AST_EQ, KR_AST_NOTEQ, KR_AST_LT, KR_AST_LTE, KR_AST_GT, KR_AST_GTE,
    KR_AST_IS, KR_AST_ISNOT, KR_AST_IN, KR_AST_NOTIN
} KrAstCmpOp;

// -------------------------------------------------------------- constants --

typedef enum KrAstConstKind {
    KR_AST_NONE,
    KR_AST_TRUE,
    KR_AST_FALSE,
    KR_AST_ELLIPSIS,
    KR_AST_INT,      // data = digits (no prefix, no '_'), base 2/8/10/16
    KR_AST_FLOAT,    // num
    KR_AST_COMPLEX,  // num = imaginary part (real part is 0)
    KR_AST_STR,      // data/len = decoded UTF-8 (surrogates as 3 bytes)
    KR_AST_BYTES     // data/len = raw bytes
} KrAstConstKind;

// The value of a Constant node (and of MatchSingleton).
// For KR_AST_INT, `data` holds the literal's digits in `base` with
// underscores and the 0x/0o/0b prefix removed (hex digits may be upper or
// lower case); "0" for zero. Always non-empty and ASCII. The value is never
// negative (a minus sign is a UnaryOp). Use kr_ast_int_to_i64() for the
// small case.
// STR/BYTES `data` is NUL-terminated (the NUL is not counted in len) and
// may also contain NUL bytes; INT `data` may point into the source text,
// so it is read up to len only.
typedef struct KrAstConst {
    KrAstConstKind kind;
    int base;            // KR_AST_INT only
    const char *data;    // KR_AST_INT, KR_AST_STR, KR_AST_BYTES
    size_t len;
    double num;          // KR_AST_FLOAT, KR_AST_COMPLEX
} KrAstConst;

// ------------------------------------------------------------ node types --

typedef struct KrAstExpr KrAstExpr;
typedef struct KrAstStmt KrAstStmt;
typedef struct KrAstPattern KrAstPattern;
typedef struct KrAstArg KrAstArg;
typedef struct KrAstArguments KrAstArguments;
typedef struct KrAstKeyword KrAstKeyword;
typedef struct KrAstAlias KrAstAlias;
typedef struct KrAstWithItem KrAstWithItem;
typedef struct KrAstMatchCase KrAstMatchCase;
typedef struct KrAstComprehension KrAstComprehension;
typedef struct KrAstExceptHandler KrAstExceptHandler;

typedef struct KrAstExprSeq { KrAstExpr **items; size_t count; } KrAstExprSeq;
typedef struct KrAstStmtSeq { KrAstStmt **items; size_t count; } KrAstStmtSeq;
typedef struct KrAstPatternSeq { KrAstPattern **items; size_t count; } KrAstPatternSeq;
typedef struct KrAstArgSeq { KrAstArg **items; size_t count; } KrAstArgSeq;
typedef struct KrAstKeywordSeq { KrAstKeyword **items; size_t count; } KrAstKeywordSeq;
typedef struct KrAstAliasSeq { KrAstAlias **items; size_t count; } KrAstAliasSeq;
typedef struct KrAstWithItemSeq { KrAstWithItem **items; size_t count; } KrAstWithItemSeq;
typedef struct KrAstMatchCaseSeq { KrAstMatchCase **items; size_t count; } KrAstMatchCaseSeq;
typedef struct KrAstComprehensionSeq { KrAstComprehension **items; size_t count; } KrAstComprehensionSeq;
typedef struct KrAstExceptHandlerSeq { KrAstExceptHandler **items; size_t count; } KrAstExceptHandlerSeq;
typedef struct KrAstIdentSeq { const char **items; size_t count; } KrAstIdentSeq;

// ------------------------------------------------------------ expressions --

typedef enum KrAstExprKind {
    KR_EXPR_BOOLOP, KR_EXPR_NAMEDEXPR, KR_EXPR_BINOP, KR_EXPR_UNARYOP,
    KR_EXPR_LAMBDA, KR_EXPR_IFEXP, KR_EXPR_DICT, KR_EXPR_SET,
    KR_EXPR_LISTCOMP, KR_EXPR_SETCOMP, KR_EXPR_DICTCOMP, KR_EXPR_GENERATOREXP,
    KR_EXPR_AWAIT, KR_EXPR_YIELD, KR_EXPR_YIELDFROM, KR_EXPR_COMPARE,
    KR_EXPR_CALL, KR_EXPR_FORMATTEDVALUE, KR_EXPR_JOINEDSTR, KR_EXPR_CONSTANT,
    KR_EXPR_ATTRIBUTE, KR_EXPR_SUBSCRIPT, KR_EXPR_STARRED, KR_EXPR_NAME,
    KR_EXPR_LIST, KR_EXPR_TUPLE, KR_EXPR_SLICE
} KrAstExprKind;

// FormattedValue.conversion values (CPython uses the character codes).
#define KR_AST_CONV_NONE (-1)
#define KR_AST_CONV_STR 's'
#define KR_AST_CONV_REPR 'r'
#define KR_AST_CONV_ASCII 'a'

struct KrAstExpr {
    KrAstExprKind kind;
    KrAstLoc loc;
    // Parser-internal: number of parentheses written directly around this
    // expression; a parenthesised Tuple or GeneratorExp counts its own
    // (so `(a, b)` has 1). CPython does not record it; the compiler can
    // ignore it.
    uint8_t parens;
    union {
        struct { KrAstBoolOp op; KrAstExprSeq values; } boolop;
        struct { KrAstExpr *target; KrAstExpr *value; } namedexpr;
        struct { KrAstExpr *left; KrAstOperator op; KrAstExpr *right; } binop;
        struct { KrAstUnaryOp op; KrAstExpr *operand; } unaryop;
        struct { KrAstArguments *args; KrAstExpr *body; } lambda;
        struct { KrAstExpr *test; KrAstExpr *body; KrAstExpr *orelse; } ifexp;
        // keys.count == values.count; keys.items[i] NULL for `**values[i]`.
        struct { KrAstExprSeq keys; KrAstExprSeq values; } dict;
        struct { KrAstExprSeq elts; } set;
        // ListComp, SetComp and GeneratorExp all use `comp`.
        struct { KrAstExpr *elt; KrAstComprehensionSeq generators; } comp;
        struct { KrAstExpr *key; KrAstExpr *value; KrAstComprehensionSeq generators; } dictcomp;
        struct { KrAstExpr *value; } await;
        struct { KrAstExpr *value; } yield;        // value may be NULL
        struct { KrAstExpr *value; } yieldfrom;
        // ops has comparators.count entries.
        struct { KrAstExpr *left; KrAstCmpOp *ops; KrAstExprSeq comparators; } compare;
        struct { KrAstExpr *func; KrAstExprSeq args; KrAstKeywordSeq keywords; } call;
        // conversion: KR_AST_CONV_*; format_spec: a JoinedStr or NULL.
        struct { KrAstExpr *value; int conversion; KrAstExpr *format_spec; } formatted;
        // values: Constant (str) and FormattedValue nodes.
        struct { KrAstExprSeq values; } joinedstr;
        // kind_u: the Constant's `kind` field is 'u' (a u"" prefix on the
        // first string of a concatenation); CPython keeps it for ast only.
        struct { KrAstConst value; bool kind_u; } constant;
        struct { KrAstExpr *value; const char *attr; KrAstExprCtx ctx; } attribute;
        struct { KrAstExpr *value; KrAstExpr *slice; KrAstExprCtx ctx; } subscript;
        struct { KrAstExpr *value; KrAstExprCtx ctx; } starred;
        struct { const char *id; KrAstExprCtx ctx; } name;
        // List and Tuple both use `seq`.
        struct { KrAstExprSeq elts; KrAstExprCtx ctx; } seq;
        struct { KrAstExpr *lower; KrAstExpr *upper; KrAstExpr *step; } slice;
    } v;
};

// ------------------------------------------------------------- statements --

typedef enum KrAstStmtKind {
    KR_STMT_FUNCTIONDEF, KR_STMT_ASYNCFUNCTIONDEF, KR_STMT_CLASSDEF,
    KR_STMT_RETURN, KR_STMT_DELETE, KR_STMT_ASSIGN, KR_STMT_AUGASSIGN,
    KR_STMT_ANNASSIGN, KR_STMT_FOR, KR_STMT_ASYNCFOR, KR_STMT_WHILE,
    KR_STMT_IF, KR_STMT_WITH, KR_STMT_ASYNCWITH, KR_STMT_MATCH,
    KR_STMT_RAISE, KR_STMT_TRY, KR_STMT_TRYSTAR, KR_STMT_ASSERT,
    KR_STMT_IMPORT, KR_STMT_IMPORTFROM, KR_STMT_GLOBAL, KR_STMT_NONLOCAL,
    KR_STMT_EXPR, KR_STMT_PASS, KR_STMT_BREAK, KR_STMT_CONTINUE
} KrAstStmtKind;

struct KrAstStmt {
    KrAstStmtKind kind;
    KrAstLoc loc;
    union {
        // FunctionDef and AsyncFunctionDef.
        struct {
            const char *name;
            KrAstArguments *args;
            KrAstStmtSeq body;
            KrAstExprSeq decorator_list;
            KrAstExpr *returns;          // may be NULL
        } funcdef;
        struct {
            const char *name;
            KrAstExprSeq bases;
            KrAstKeywordSeq keywords;
            KrAstStmtSeq body;
            KrAstExprSeq decorator_list;
        } classdef;
        struct { KrAstExpr *value; } return_;        // value may be NULL
        struct { KrAstExprSeq targets; } delete_;
        struct { KrAstExprSeq targets; KrAstExpr *value; } assign;
        struct { KrAstExpr *target; KrAstOperator op; KrAstExpr *value; } augassign;
        // value may be NULL; simple = 1 for a bare (unparenthesised) Name.
        struct { KrAstExpr *target; KrAstExpr *annotation; KrAstExpr *value; int simple; } annassign;
        // For and AsyncFor.
        struct { KrAstExpr *target; KrAstExpr *iter; KrAstStmtSeq body; KrAstStmtSeq orelse; } for_;
        struct { KrAstExpr *test; KrAstStmtSeq body; KrAstStmtSeq orelse; } while_;
        struct { KrAstExpr *test; KrAstStmtSeq body; KrAstStmtSeq orelse; } if_;
        // With and AsyncWith.
        struct { KrAstWithItemSeq items; KrAstStmtSeq body; } with;
        struct { KrAstExpr *subject; KrAstMatchCaseSeq cases; } match;
        struct { KrAstExpr *exc; KrAstExpr *cause; } raise;   // both may be NULL
        // Try and TryStar.
        struct {
            KrAstStmtSeq body;
            KrAstExceptHandlerSeq handlers;
            KrAstStmtSeq orelse;
            KrAstStmtSeq finalbody;
        } try_;
        struct { KrAstExpr *test; KrAstExpr *msg; } assert_;  // msg may be NULL
        struct { KrAstAliasSeq names; } import;
        // module may be NULL (`from . import x`); level = number of dots.
        struct { const char *module; KrAstAliasSeq names; int level; } importfrom;
        // Global and Nonlocal.
        struct { KrAstIdentSeq names; } global;
        struct { KrAstExpr *value; } expr;
    } v;
};

// ------------------------------------------------------------- the others --

struct KrAstComprehension {
    KrAstExpr *target;
    KrAstExpr *iter;
    KrAstExprSeq ifs;
    int is_async;
};

struct KrAstExceptHandler {
    KrAstLoc loc;
    KrAstExpr *type;      // may be NULL
    const char *name;     // may be NULL
    KrAstStmtSeq body;
};

struct KrAstArguments {
    KrAstArgSeq posonlyargs;
    KrAstArgSeq args;
    KrAstArg *vararg;            // may be NULL
    KrAstArgSeq kwonlyargs;
    KrAstExprSeq kw_defaults;    // count == kwonlyargs.count, items may be NULL
    KrAstArg *kwarg;             // may be NULL
    KrAstExprSeq defaults;       // for the last defaults.count positional args
};

struct KrAstArg {
    KrAstLoc loc;
    const char *arg;
    KrAstExpr *annotation;       // may be NULL
};

struct KrAstKeyword {
    KrAstLoc loc;
    const char *arg;             // NULL for `**value`
    KrAstExpr *value;
};

struct KrAstAlias {
    KrAstLoc loc;
    const char *name;            // dotted name, or "*"
    const char *asname;          // may be NULL
};

struct KrAstWithItem {
    KrAstExpr *context_expr;
    KrAstExpr *optional_vars;    // may be NULL
};

struct KrAstMatchCase {
    KrAstPattern *pattern;
    KrAstExpr *guard;            // may be NULL
    KrAstStmtSeq body;
};

// --------------------------------------------------------------- patterns --

typedef enum KrAstPatternKind {
    KR_PAT_MATCHVALUE, KR_PAT_MATCHSINGLETON, KR_PAT_MATCHSEQUENCE,
    KR_PAT_MATCHMAPPING, KR_PAT_MATCHCLASS, KR_PAT_MATCHSTAR, KR_PAT_MATCHAS,
    KR_PAT_MATCHOR
} KrAstPatternKind;

struct KrAstPattern {
    KrAstPatternKind kind;
    KrAstLoc loc;
    union {
        struct { KrAstExpr *value; } value;
        // value.kind is KR_AST_NONE, KR_AST_TRUE or KR_AST_FALSE.
        struct { KrAstConst value; } singleton;
        struct { KrAstPatternSeq patterns; } sequence;
        // keys.count == patterns.count; rest may be NULL.
        struct { KrAstExprSeq keys; KrAstPatternSeq patterns; const char *rest; } mapping;
        // kwd_attrs.count == kwd_patterns.count.
        struct {
            KrAstExpr *cls;
            KrAstPatternSeq patterns;
            KrAstIdentSeq kwd_attrs;
            KrAstPatternSeq kwd_patterns;
        } cls;
        struct { const char *name; } star;             // NULL for `*_`
        // pattern and name may be NULL (`_` has both NULL).
        struct { KrAstPattern *pattern; const char *name; } as;
        struct { KrAstPatternSeq patterns; } or_;
    } v;
};

// Depth guarantee: in a tree returned by the parser, no chain of nested
// expression (or pattern) nodes within one statement is longer than
// KR_AST_MAX_DEPTH, and statements nest at most ~100 deep (CPython's
// indentation limit), so recursive walkers have a fixed stack bound.
// Deeper input is rejected with SyntaxError "too complex statement".
#define KR_AST_MAX_DEPTH 1000

// ----------------------------------------------------------------- module --

typedef struct KrAstModule {
    KrAstStmtSeq body;
} KrAstModule;

// ---------------------------------------------------------------- helpers --

// Converts a KR_AST_INT constant to int64 if it fits; false otherwise.
bool kr_ast_int_to_i64(const KrAstConst *c, int64_t *out);

// Appends CPython's `ast.dump(tree)` text (indent=None) for the node to
// out; with include_attributes, like `ast.dump(tree,
// include_attributes=True)`. Returns false on allocation failure.
// Limitation: str reprs treat every non-ASCII code point as printable
// except surrogates and U+0080..U+00A0 and U+00AD (krait has no Unicode
// table here), so dumps of exotic characters may differ from CPython.
KR_MUST_CHECK bool kr_ast_dump_module(const KrAstModule *m, bool include_attributes, KrBuf *out);
KR_MUST_CHECK bool kr_ast_dump_expr(const KrAstExpr *e, bool include_attributes, KrBuf *out);
// repr() of a constant's value, as CPython prints it ('a', b'x', 1.5, 2j).
KR_MUST_CHECK bool kr_ast_const_repr(const KrAstConst *c, KrBuf *out);

// Names for kinds, as in CPython's ast module ("FunctionDef", "BinOp", ...).
const char *kr_ast_stmt_kind_name(KrAstStmtKind k);
const char *kr_ast_expr_kind_name(KrAstExprKind k);

#endif
