// compiler.c: AST -> bytecode, one KrUnit per code object. Control flow
// uses labels patched at assembly; exception handling uses a per-
// instruction handler (label + stack depth) compressed into the code's
// exception table; `finally` bodies are compiled inline on every exit.
#include <stdio.h>
#include <stdalign.h>
#include "compiler.h"
#include "parser.h"
#include "symtable.h"
#include "types.h"
#include "bignum.h"
#include "unparse.h"
#include "numfmt.h"

#define CC_MAX_NESTING 200

typedef enum {
    FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_HANDLER, FB_HANDLER_NAMED,
    FB_POP_VALUE, FB_WITH, FB_ASYNC_WITH
} FbKind;

typedef struct FBlock {
    FbKind kind;
    int32_t label_start, label_exit;
    const KrAstStmtSeq *finalbody; // FB_FINALLY_TRY
    const char *name;              // FB_HANDLER_NAMED
    size_t hbefore;                // handler-stack height outside the block
} FBlock;

typedef struct Handler {
    int32_t label;
    int32_t depth;
} Handler;

typedef struct Unit Unit;
struct Unit {
    Unit *parent;
    KrScope *scope;
    uint32_t *insns;
    KrLoc *locs;
    int32_t *ehandler; // per instruction: handler index into hstack log, -1 none
    size_t n, cap;
    KrValue *consts;
    size_t nconsts, consts_cap;
    const char **names;
    size_t nnames, names_cap;
    bool *name_loaded; // per name: a LOAD_GLOBAL or LOAD_NAME reads it
    size_t name_loaded_cap;
    const char **varnames;
    size_t nvarnames;
    const char **cellnames; // cells then frees
    size_t ncells, nfrees;
    int32_t *labels;
    size_t nlabels, labels_cap;
    Handler *handlers; // every handler ever pushed (index = id)
    size_t nhandlers, handlers_cap;
    int32_t *hstack; // active handler ids
    size_t nhstack, hstack_cap;
    FBlock *fblocks; // the block stack, grown in the tmp arena
    size_t nfblocks, fblocks_cap;
    int32_t depth;
    KrAstLoc loc;
    const char *qualname;
    uint32_t flags;
    bool in_module;
    KrValue doc;
};

// A slot of the compiler's string table: `key` is the table's own cheap
// hash of the text (a lookup that finds the string then costs no SipHash).
typedef struct CcStrSlot {
    uint32_t key;
    KrStr *s;
} CcStrSlot;

typedef struct Compiler {
    KrArena *arena;  // program-lifetime allocations
    KrArena *tmp;    // freed after compilation
    KrSyntaxErr *err;
    const char *filename;
    Unit *u;
    int nesting;
    KrStr *filename_str;
    // every str constant and name of the program, interned: the same text
    // is the same object in every code object, so dict lookups of
    // attribute names hit on pointer equality
    CcStrSlot *strs;
    size_t nstrs, strs_cap; // open addressing, cap a power of two
    bool future_annotations; // from __future__ import annotations
    uint8_t *line_used;      // per source line: a traceback can show it
    size_t nlines;
} Compiler;

static KR_COLD bool cc_nomem(Compiler *c) {
    if (c->err->kind == KR_SYNERR_NONE) {
        c->err->kind = KR_SYNERR_MEMORY;
        snprintf(c->err->msg, sizeof c->err->msg, "out of memory");
    }
    return false;
}

static KR_COLD bool cc_error(Compiler *c, KrAstLoc loc, const char *msg) {
    if (c->err->kind != KR_SYNERR_NONE) return false;
    c->err->kind = KR_SYNERR_SYNTAX;
    snprintf(c->err->msg, sizeof c->err->msg, "%s", msg);
    c->err->lineno = loc.lineno;
    c->err->offset = loc.col_offset + 1;
    c->err->end_lineno = loc.end_lineno;
    c->err->end_offset = loc.end_col_offset + 1;
    return false;
}

static KR_NOINLINE bool cc_grow_slow(Compiler *c, void **items, size_t *cap, size_t n, size_t size) {
    size_t ncap = *cap ? *cap * 2 : 16;
    void *p = kr_arena_array_uninit(c->tmp, ncap, size);
    if (!p) return cc_nomem(c);
    if (*items) memcpy(p, *items, n * size);
    *items = p;
    *cap = ncap;
    return true;
}

// Makes room for item n (the check inline, the growing not).
static inline bool cc_grow(Compiler *c, void **items, size_t *cap, size_t n, size_t size) {
    return n < *cap || cc_grow_slow(c, items, cap, n, size);
}

// ---- static objects owned by the program -----------------------------------

static KrStr *cc_str_new(Compiler *c, const char *s, size_t n, size_t len, int64_t hash);

static bool cc_strs_grow(Compiler *c) {
    size_t cap = c->strs_cap ? c->strs_cap * 2 : 16;
    CcStrSlot *t = kr_arena_array(c->tmp, cap, sizeof *t);
    if (!t) return cc_nomem(c);
    for (size_t i = 0; i < c->strs_cap; i++) {
        if (!c->strs[i].s) continue;
        size_t j = c->strs[i].key & (cap - 1);
        while (t[j].s) j = (j + 1) & (cap - 1);
        t[j] = c->strs[i];
    }
    c->strs = t;
    c->strs_cap = cap;
    return true;
}

// Cheap (eight bytes a step, the last word zero-padded), and only this
// table sees it.
static uint32_t cc_str_key(const char *s, size_t n) {
    const uint64_t k = 0x9E3779B97F4A7C15u;
    uint64_t h = n * k, w;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    if (i < n) {
        w = 0;
        memcpy(&w, s + i, n - i);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    return (uint32_t)(h ^ (h >> 32));
}

static KrStr *cc_str(Compiler *c, const char *s, size_t n) {
    if (n && (s[0] == '<' || s[0] == '_')) // a pre-hashed one? (they all start so)
        for (size_t k = 0; k < KR_NWELL_KNOWN_STRS; k++)
            if (kr_well_known_strs[k]->nbytes == n && kr_well_known_strs[k]->data[1] == s[1] &&
                memcmp(kr_well_known_strs[k]->data, s, n) == 0)
                return (KrStr *)kr_well_known_strs[k];
    if ((c->nstrs + 1) * 2 > c->strs_cap && !cc_strs_grow(c)) return NULL;
    uint32_t key = cc_str_key(s, n);
    size_t j = key & (c->strs_cap - 1);
    for (; c->strs[j].s; j = (j + 1) & (c->strs_cap - 1))
        if (c->strs[j].key == key && c->strs[j].s->nbytes == n && memcmp(c->strs[j].s->data, s, n) == 0)
            return c->strs[j].s;
    KrStr probe = {KR_STATIC_HEADER(&kr_type_str), -1, kr_utf8_count(s, n), n, s};
    KrStr *o = cc_str_new(c, s, n, probe.len, kr_str_hash(&probe));
    if (o) {
        c->strs[j] = (CcStrSlot){key, o};
        c->nstrs++;
    }
    return o;
}

static KrStr *cc_str_new(Compiler *c, const char *s, size_t n, size_t len, int64_t hash) {
    KrStr *o = kr_arena_alloc_uninit(c->arena, sizeof(KrStr) + n + 1);
    if (!o) {
        cc_nomem(c);
        return NULL;
    }
    char *data = (char *)(o + 1);
    memcpy(data, s, n);
    data[n] = 0;
    o->ob.type = &kr_type_str;
    o->ob.gc = KR_GC_STATIC;
    o->data = data;
    o->nbytes = n;
    o->len = len;
    o->hash = hash;
    return o;
}

// The code objects' filename. Only tracebacks read it (no program can
// reach it as a value), so it is neither interned nor hashed (a static
// str's hash is computed if ever asked for), and its text is the
// program's copy of the name.
static KrStr *cc_filename_str(Compiler *c, const char *fname) {
    KrStr *o = kr_arena_alloc_uninit(c->arena, sizeof *o);
    if (!o) return cc_nomem(c), NULL;
    size_t n = strlen(fname);
    *o = (KrStr){KR_STATIC_HEADER(&kr_type_str), -1, kr_utf8_count(fname, n), n, fname};
    return o;
}

static KrValue cc_bigint(Compiler *c, const KrAstConst *k, KrAstLoc loc) {
    KrBnCtx ctx = {0};
    ctx.alloc = kr_default_allocator;
    KrBn bn;
    kr_bn_init(&bn);
    size_t ndigits = 0;
    KrBnStatus st = kr_bn_parse(&ctx, k->data, k->len, k->base, 0, KR_BN_MAX_STR_DIGITS_DEFAULT, &bn, &ndigits);
    if (st != KR_BN_OK) {
        kr_bn_free(&ctx, &bn);
        if (st == KR_BN_NOMEM) return cc_nomem(c), KR_NULL;
        char msg[256];
        if (st == KR_BN_LIMIT)
            snprintf(msg, sizeof msg,
                     "Exceeds the limit (4300 digits) for integer string conversion: value has %zu digits; use "
                     "sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer "
                     "literals to avoid decimal conversion limits.",
                     ndigits);
        else
            snprintf(msg, sizeof msg, "invalid integer literal");
        cc_error(c, loc, msg);
        return KR_NULL;
    }
    int64_t small;
    if (kr_bn_to_i64(kr_bn_view(&bn), &small) == KR_BN_OK && kr_fits_small(small)) {
        kr_bn_free(&ctx, &bn);
        return kr_from_small(small);
    }
    KrBigInt *o = kr_arena_alloc(c->arena, sizeof(KrBigInt) + bn.n * sizeof(uint32_t));
    if (!o) {
        kr_bn_free(&ctx, &bn);
        return cc_nomem(c), KR_NULL;
    }
    o->ob.type = &kr_type_int;
    o->ob.gc = KR_GC_STATIC;
    o->n = bn.n;
    o->neg = bn.neg;
    memcpy(o->d, bn.d, bn.n * sizeof(uint32_t));
    kr_bn_free(&ctx, &bn);
    return kr_from_obj(o);
}

static KrValue cc_bytes(Compiler *c, const char *s, size_t n) {
    KrBytes *o = kr_arena_alloc(c->arena, sizeof(KrBytes) + n + 1);
    if (!o) return cc_nomem(c), KR_NULL;
    o->ob.type = &kr_type_bytes;
    o->ob.gc = KR_GC_STATIC;
    o->hash = -1;
    o->len = n;
    o->data = (uint8_t *)(o + 1);
    memcpy(o->data, s, n);
    o->data[n] = 0;
    o->hash = kr_hash_bytes(o->data, n);
    return kr_from_obj(o);
}

static KrValue cc_tuple(Compiler *c, const KrValue *items, size_t n) {
    KrTuple *t = kr_arena_alloc(c->arena, sizeof(KrTuple) + n * sizeof(KrValue));
    if (!t) return cc_nomem(c), KR_NULL;
    t->ob.type = &kr_type_tuple;
    t->ob.gc = KR_GC_STATIC;
    t->len = n;
    if (n) memcpy(t->items, items, n * sizeof(KrValue));
    return kr_from_obj(t);
}

// A complex constant: a static object in the program's arena, like the
// other constants that need an object.
static KrValue cc_complex(Compiler *c, double re, double im) {
    KrComplex *o = kr_arena_alloc(c->arena, sizeof(KrComplex));
    if (!o) return cc_nomem(c), KR_NULL;
    o->ob.type = &kr_type_complex;
    o->ob.gc = KR_GC_STATIC;
    o->re = re;
    o->im = im;
    return kr_from_obj(o);
}

static KrValue cc_const_value(Compiler *c, const KrAstConst *k) {
    switch (k->kind) {
    case KR_AST_NONE: return KR_NONE;
    case KR_AST_TRUE: return KR_TRUE;
    case KR_AST_FALSE: return KR_FALSE;
    case KR_AST_ELLIPSIS: return KR_ELLIPSIS;
    case KR_AST_INT: {
        int64_t i;
        if (kr_ast_int_to_i64(k, &i) && kr_fits_small(i)) return kr_from_small(i);
        return cc_bigint(c, k, c->u ? c->u->loc : (KrAstLoc){0, 0, 0, 0});
    }
    case KR_AST_FLOAT: return kr_from_double(k->num);
    case KR_AST_COMPLEX: return cc_complex(c, 0.0, k->num);
    case KR_AST_STR: {
        KrStr *s = cc_str(c, k->data, k->len);
        return s ? kr_from_obj(s) : KR_NULL;
    }
    case KR_AST_BYTES: return cc_bytes(c, k->data, k->len);
    }
    return KR_NULL;
}

// ---- units, emission ----------------------------------------------------------

static bool same_const(KrValue a, KrValue b) {
    if (a == b) {
        // 0.0 and -0.0 differ in bits already; nan equals itself bitwise.
        return true;
    }
    if (!kr_is_ptr(a) || !kr_is_ptr(b)) return false;
    KrObj *x = kr_as_obj(a), *y = kr_as_obj(b);
    if (x->type != y->type) return false;
    if (x->type == &kr_type_str) return kr_str_equal((KrStr *)x, (KrStr *)y);
    if (x->type == &kr_type_complex) // bitwise, as CPython merges them (0j and -0j differ)
        return memcmp(&((KrComplex *)x)->re, &((KrComplex *)y)->re, 2 * sizeof(double)) == 0;
    return false;
}

static int32_t cc_add_const(Compiler *c, KrValue v) {
    Unit *u = c->u;
    for (size_t i = 0; i < u->nconsts; i++)
        if (same_const(u->consts[i], v)) return (int32_t)i;
    if (u->nconsts >= KR_ARG_MAX) return cc_error(c, u->loc, "too many constants"), -1;
    if (!cc_grow(c, (void **)&u->consts, &u->consts_cap, u->nconsts, sizeof(KrValue))) return -1;
    u->consts[u->nconsts] = v;
    return (int32_t)u->nconsts++;
}

static int32_t cc_add_name(Compiler *c, const char *name) {
    Unit *u = c->u;
    for (size_t i = 0; i < u->nnames; i++)
        if (u->names[i][0] == name[0] && strcmp(u->names[i], name) == 0) return (int32_t)i;
    if (u->nnames >= KR_ARG_MAX) return cc_error(c, u->loc, "too many names"), -1;
    if (!cc_grow(c, (void **)&u->names, &u->names_cap, u->nnames, sizeof(char *)) ||
        !cc_grow(c, (void **)&u->name_loaded, &u->name_loaded_cap, u->nnames, sizeof(bool)))
        return -1;
    u->names[u->nnames] = name;
    u->name_loaded[u->nnames] = false;
    return (int32_t)u->nnames++;
}

static int32_t cc_new_label(Compiler *c) {
    Unit *u = c->u;
    if (!cc_grow(c, (void **)&u->labels, &u->labels_cap, u->nlabels, sizeof(int32_t))) return -1;
    u->labels[u->nlabels] = -1;
    return (int32_t)u->nlabels++;
}

static void cc_bind(Compiler *c, int32_t label) {
    if (label >= 0) c->u->labels[label] = (int32_t)c->u->n;
}

static bool is_jump(uint32_t op) {
    switch (op) {
    case KR_OP_JUMP:
    case KR_OP_POP_JUMP_IF_FALSE:
    case KR_OP_POP_JUMP_IF_TRUE:
    case KR_OP_JUMP_IF_FALSE_OR_POP:
    case KR_OP_JUMP_IF_TRUE_OR_POP:
    case KR_OP_POP_JUMP_IF_NONE:
    case KR_OP_SEND:
    case KR_OP_END_ASYNC_FOR:
    case KR_OP_FOR_ITER: return true;
    default: return false;
    }
}

// CC_EFFECT_VARIES marks the ops whose effect depends on the argument
// (cc_stack_effect's switch has them all).
#define CC_EFFECT_VARIES INT8_MIN
static const int8_t op_fixed_effect[KR_OP__COUNT] = {
#define KR_OP(name, pops, pushes) (pops) < 0 || (pushes) < 0 ? CC_EFFECT_VARIES : (pushes) - (pops),
#include "opcodes.def"
#undef KR_OP
};

// Here, ahead of its uses, so that emission and the stack-depth walk get
// it inline; kr_op_stack_effect is the same for the verifier. Not taking
// a jump, most ops have their table effect (one load).
static inline int cc_stack_effect(uint32_t insn, bool jump) {
    uint32_t op = KR_INSN_OP(insn);
    int32_t arg = (int32_t)KR_INSN_ARG(insn);
    int fixed = op < KR_OP__COUNT ? op_fixed_effect[op] : 0;
    if (fixed != CC_EFFECT_VARIES && !jump) return fixed;
    switch (op) {
    case KR_OP_BUILD_TUPLE:
    case KR_OP_BUILD_LIST:
    case KR_OP_BUILD_SET:
    case KR_OP_BUILD_SLICE:
    case KR_OP_BUILD_STRING: return 1 - arg;
    case KR_OP_BUILD_MAP: return 1 - 2 * arg;
    case KR_OP_UNPACK_SEQUENCE: return arg - 1;
    case KR_OP_UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case KR_OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case KR_OP_CALL: return -arg - 1;
    case KR_OP_CALL_KW: return -arg - 2;
    case KR_OP_CALL_EX: return -2 - (arg & 1);
    case KR_OP_MAKE_FUNCTION: return -__builtin_popcount((unsigned)arg & 15);
    case KR_OP_RAISE: return -arg;
    case KR_OP_FOR_ITER: return jump ? -1 : 1;
    case KR_OP_SEND: return jump ? -1 : 0;
    case KR_OP_END_ASYNC_FOR: return -2;
    case KR_OP_JUMP_IF_FALSE_OR_POP:
    case KR_OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    default: return fixed;
    }
}

// Room for more instructions (out of line: emit is hot and this is not).
static KR_NOINLINE bool cc_insns_grow(Compiler *c, Unit *u) {
    size_t ncap = u->cap ? u->cap * 2 : 64;
    uint32_t *i = kr_arena_array_uninit(c->tmp, ncap, sizeof *i);
    KrLoc *l = kr_arena_array_uninit(c->tmp, ncap, sizeof *l);
    int32_t *h = kr_arena_array_uninit(c->tmp, ncap, sizeof *h);
    if (!i || !l || !h) return cc_nomem(c);
    if (u->n) {
        memcpy(i, u->insns, u->n * sizeof *i);
        memcpy(l, u->locs, u->n * sizeof *l);
        memcpy(h, u->ehandler, u->n * sizeof *h);
    }
    u->insns = i;
    u->locs = l;
    u->ehandler = h;
    u->cap = ncap;
    return true;
}

static bool emit(Compiler *c, KrOpcode op, int64_t arg) {
    Unit *u = c->u;
    if (c->err->kind != KR_SYNERR_NONE) return false;
    if (arg < 0 || arg > KR_ARG_MAX) return cc_error(c, u->loc, "too complex statement (argument overflow)");
    if (u->n >= u->cap && !cc_insns_grow(c, u)) return false;
    u->insns[u->n] = KR_INSN(op, arg);
    if (op == KR_OP_LOAD_GLOBAL || op == KR_OP_LOAD_NAME) u->name_loaded[arg] = true;
    u->locs[u->n] = (KrLoc){u->loc.lineno, u->loc.end_lineno, u->loc.col_offset, u->loc.end_col_offset};
    u->ehandler[u->n] = u->nhstack ? u->hstack[u->nhstack - 1] : -1;
    u->n++;
    u->depth += cc_stack_effect(KR_INSN(op, arg), false);
    return true;
}

static bool emit_jump(Compiler *c, KrOpcode op, int32_t label) { return label >= 0 && emit(c, op, label); }

static bool emit_const(Compiler *c, KrValue v) {
    if (v == KR_NULL) return false;
    int32_t i = cc_add_const(c, v);
    return i >= 0 && emit(c, KR_OP_LOAD_CONST, i);
}

// Raises NotImplementedError naming a feature krait does not run yet. In
// an expression it stands for the value; statements drop it again so the
// tracked stack depth stays balanced (the code after it is unreachable).
static bool emit_unsupported(Compiler *c, const char *msg) {
    KrStr *s = cc_str(c, msg, strlen(msg));
    if (!s) return false;
    int32_t i = cc_add_const(c, kr_from_obj(s));
    return i >= 0 && emit(c, KR_OP_UNSUPPORTED, i);
}

static bool emit_unsupported_stmt(Compiler *c, const char *msg) {
    return emit_unsupported(c, msg) && emit(c, KR_OP_POP_TOP, 0);
}

// Exception handlers: code emitted while a handler is pushed jumps to it.
static int32_t cc_push_handler(Compiler *c, int32_t label, int32_t depth) {
    Unit *u = c->u;
    if (!cc_grow(c, (void **)&u->handlers, &u->handlers_cap, u->nhandlers, sizeof(Handler))) return -1;
    if (!cc_grow(c, (void **)&u->hstack, &u->hstack_cap, u->nhstack, sizeof(int32_t))) return -1;
    u->handlers[u->nhandlers] = (Handler){label, depth};
    u->hstack[u->nhstack++] = (int32_t)u->nhandlers;
    return (int32_t)u->nhandlers++;
}

static void cc_pop_handler(Compiler *c) {
    if (c->u->nhstack) c->u->nhstack--;
}

static bool cc_push_fblock(Compiler *c, FbKind kind, int32_t start, int32_t exit) {
    Unit *u = c->u;
    if (u->nfblocks >= CC_MAX_NESTING) return cc_error(c, u->loc, "too many statically nested blocks");
    if (u->nfblocks == u->fblocks_cap) {
        size_t cap = u->fblocks_cap ? u->fblocks_cap * 2 : 8;
        FBlock *nb = kr_arena_array(c->tmp, cap, sizeof *nb);
        if (!nb) return cc_nomem(c);
        if (u->nfblocks) memcpy(nb, u->fblocks, u->nfblocks * sizeof *nb);
        u->fblocks = nb;
        u->fblocks_cap = cap;
    }
    FBlock *f = &u->fblocks[u->nfblocks++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->label_start = start;
    f->label_exit = exit;
    f->hbefore = u->nhstack;
    return true;
}

// ---- names -------------------------------------------------------------------

static KrSymbol *cc_sym(Compiler *c, const char *name) { return kr_scope_lookup(c->u->scope, name); }

// __x inside a class body or its methods: _Class__x (CPython's rule).
static const char *cc_mangle(Compiler *c, const char *name) {
    const char *m = kr_mangle(c->tmp, c->u->scope->private, name);
    if (!m) cc_nomem(c);
    return m;
}

static int32_t cc_attr_name(Compiler *c, const char *name) {
    const char *m = cc_mangle(c, name);
    return m ? cc_add_name(c, m) : -1;
}

static int32_t cc_local_index(Unit *u, const char *name) {
    for (size_t i = 0; i < u->nvarnames; i++)
        if (u->varnames[i][0] == name[0] && strcmp(u->varnames[i], name) == 0) return (int32_t)i;
    return -1;
}

static int32_t cc_cell_index(Unit *u, const char *name) {
    for (size_t i = 0; i < u->ncells + u->nfrees; i++)
        if (u->cellnames[i][0] == name[0] && strcmp(u->cellnames[i], name) == 0) return (int32_t)i;
    return -1;
}

typedef enum { NAME_LOAD, NAME_STORE, NAME_DEL } NameOp;

static bool cc_name(Compiler *c, const char *name, NameOp op) {
    Unit *u = c->u;
    // __debug__ is the constant True (the symtable refused to bind it)
    if (op == NAME_LOAD && name[0] == '_' && strcmp(name, "__debug__") == 0) return emit_const(c, KR_TRUE);
    name = cc_mangle(c, name);
    if (!name) return false;
    KrSymbol *sym = cc_sym(c, name);
    KrSymWhere where = sym ? sym->where : KR_SYM_GLOBAL_IMPLICIT;
    if (u->in_module) where = KR_SYM_GLOBAL_IMPLICIT;
    if (u->scope->kind == KR_SCOPE_CLASS) {
        // class bodies keep their names in the class namespace
        if (where == KR_SYM_FREE && op == NAME_LOAD) {
            int32_t i = cc_cell_index(u, name);
            return i >= 0 && emit(c, KR_OP_LOAD_CLASSDEREF, i);
        }
        // a free name stays in the namespace unless declared nonlocal here
        bool nonlocal = sym && (sym->flags & KR_DEF_NONLOCAL);
        if (where == KR_SYM_GLOBAL_IMPLICIT || where == KR_SYM_LOCAL || (where == KR_SYM_FREE && !nonlocal)) {
            int32_t i = cc_add_name(c, name);
            static const KrOpcode ops[] = {KR_OP_LOAD_NAME, KR_OP_STORE_NAME, KR_OP_DELETE_NAME};
            return i >= 0 && emit(c, ops[op], i);
        }
    }
    switch (where) {
    case KR_SYM_LOCAL: {
        int32_t i = cc_local_index(u, name);
        if (i < 0) return cc_error(c, u->loc, "internal error: unknown local");
        static const KrOpcode ops[] = {KR_OP_LOAD_FAST, KR_OP_STORE_FAST, KR_OP_DELETE_FAST};
        return emit(c, ops[op], i);
    }
    case KR_SYM_CELL:
    case KR_SYM_FREE: {
        int32_t i = cc_cell_index(u, name);
        if (i < 0) return cc_error(c, u->loc, "internal error: unknown cell");
        static const KrOpcode ops[] = {KR_OP_LOAD_DEREF, KR_OP_STORE_DEREF, KR_OP_DELETE_DEREF};
        return emit(c, ops[op], i);
    }
    default: {
        int32_t i = cc_add_name(c, name);
        static const KrOpcode ops[] = {KR_OP_LOAD_GLOBAL, KR_OP_STORE_GLOBAL, KR_OP_DELETE_GLOBAL};
        return i >= 0 && emit(c, ops[op], i);
    }
    }
}

// ---- expressions ------------------------------------------------------------------

static bool cc_expr_node(Compiler *c, const KrAstExpr *e);
static KrValue cc_const_value(Compiler *c, const KrAstConst *k);
static bool emit_const(Compiler *c, KrValue v);

// A constant, the most common operand, is emitted here without the call
// (at its own location, as cc_expr_node would; one level too deep, that
// reports the nesting error).
static inline bool cc_expr(Compiler *c, const KrAstExpr *e) {
    if (e->kind != KR_EXPR_CONSTANT || c->nesting >= CC_MAX_NESTING * 2) return cc_expr_node(c, e);
    KrAstLoc saved = c->u->loc;
    c->u->loc = e->loc;
    bool ok = emit_const(c, cc_const_value(c, &e->v.constant.value));
    c->u->loc = saved;
    return ok;
}
static bool cc_stmts(Compiler *c, const KrAstStmtSeq *s);
static bool cc_store(Compiler *c, const KrAstExpr *t);

static bool cc_enter(Compiler *c, KrAstLoc loc, KrAstLoc *saved) {
    *saved = c->u->loc;
    c->u->loc = loc;
    if (++c->nesting > CC_MAX_NESTING * 2) return cc_error(c, loc, "too many nested parentheses");
    return true;
}

static void cc_leave(Compiler *c, KrAstLoc saved) {
    c->u->loc = saved;
    c->nesting--;
}

static bool has_starred(const KrAstExprSeq *s) {
    for (size_t i = 0; i < s->count; i++)
        if (s->items[i]->kind == KR_EXPR_STARRED) return true;
    return false;
}

static bool is_const_expr(const KrAstExpr *e) {
    return e->kind == KR_EXPR_CONSTANT;
}

// A tuple display made only of constants becomes one constant.
static bool cc_try_const_tuple(Compiler *c, const KrAstExprSeq *elts, bool *done) {
    *done = false;
    if (elts->count == 0 || elts->count > 256) return true;
    for (size_t i = 0; i < elts->count; i++)
        if (!is_const_expr(elts->items[i])) return true;
    KrValue items[256];
    for (size_t i = 0; i < elts->count; i++) {
        items[i] = cc_const_value(c, &elts->items[i]->v.constant.value);
        if (items[i] == KR_NULL) return false;
    }
    *done = true;
    return emit_const(c, cc_tuple(c, items, elts->count));
}

// Builds a list/tuple/set from elements, some of which may be starred.
static bool cc_sequence(Compiler *c, const KrAstExprSeq *elts, KrOpcode build, KrOpcode extend) {
    if (!has_starred(elts)) {
        for (size_t i = 0; i < elts->count; i++)
            if (!cc_expr(c, elts->items[i])) return false;
        return emit(c, build, (int64_t)elts->count);
    }
    if (!emit(c, build, 0)) return false;
    for (size_t i = 0; i < elts->count; i++) {
        const KrAstExpr *x = elts->items[i];
        if (x->kind == KR_EXPR_STARRED) {
            if (!cc_expr(c, x->v.starred.value) || !emit(c, extend, 1)) return false;
        } else {
            if (!cc_expr(c, x)) return false;
            if (!emit(c, build == KR_OP_BUILD_SET ? KR_OP_SET_ADD : KR_OP_LIST_APPEND, 1)) return false;
        }
    }
    return true;
}

static bool is_number_const(const KrAstExpr *x, bool complex_only) {
    if (x->kind != KR_EXPR_CONSTANT) return false;
    KrAstConstKind k = x->v.constant.value.kind;
    return k == KR_AST_COMPLEX || (!complex_only && (k == KR_AST_INT || k == KR_AST_FLOAT));
}

static bool is_signed_number(const KrAstExpr *e) {
    if (e->kind == KR_EXPR_UNARYOP && (e->v.unaryop.op == KR_AST_USUB || e->v.unaryop.op == KR_AST_UADD))
        return is_number_const(e->v.unaryop.operand, false);
    return is_number_const(e, false);
}

static bool is_complex_literal(const KrAstExpr *e) {
    return (e->v.binop.op == KR_AST_ADD || e->v.binop.op == KR_AST_SUB) && is_signed_number(e->v.binop.left) &&
           is_number_const(e->v.binop.right, true);
}

// What CPython's AST optimizer turns into a constant before a set display
// is compiled: literals, -/+ of a number literal, a complex literal
// (real +/- imaginary), arithmetic on numbers (2**3, 1 + 7), tuples of
// those. cc_fold may still decline (a big result): the display is then
// built at run time.
static bool is_foldable(const KrAstExpr *e, int depth) {
    if (is_const_expr(e)) return true;
    if (e->kind == KR_EXPR_UNARYOP && is_signed_number(e)) return true;
    if (depth > 8) return false;
    if (e->kind == KR_EXPR_UNARYOP) return e->v.unaryop.op != KR_AST_NOT && is_foldable(e->v.unaryop.operand, depth + 1);
    if (e->kind == KR_EXPR_BINOP)
        return is_complex_literal(e) ||
               (e->v.binop.op != KR_AST_MATMULT && is_foldable(e->v.binop.left, depth + 1) &&
                is_foldable(e->v.binop.right, depth + 1));
    if (e->kind != KR_EXPR_TUPLE || e->v.seq.elts.count > 256) return false;
    for (size_t i = 0; i < e->v.seq.elts.count; i++)
        if (!is_foldable(e->v.seq.elts.items[i], depth + 1)) return false;
    return true;
}

// real +/- imaginary, computed as the complex arithmetic at run time
// would (an int or float becomes a complex with a +0.0 imaginary part).
static KrValue cc_fold_complex(Compiler *c, KrValue left, const KrAstConst *right, bool sub) {
    double re, im = 0.0, y = right->num;
    if (left == KR_NULL) return KR_NULL;
    if (kr_is_small(left)) re = (double)kr_as_small(left); // exact: 48-bit ints
    else if (kr_is_double(left)) re = kr_as_double(left);
    else if (!kr_is_type(left, &kr_type_complex)) return KR_NULL; // a big int: left to the VM
    else {
        re = ((const KrComplex *)kr_as_obj(left))->re;
        im = ((const KrComplex *)kr_as_obj(left))->im;
    }
    return sub ? cc_complex(c, re - 0.0, im - y) : cc_complex(c, re + 0.0, im + y);
}

// a ** b, b >= 0; false when the result leaves int64.
static bool fold_int_pow(int64_t a, int64_t b, int64_t *out) {
    int64_t acc = 1;
    for (; b > 0; b >>= 1) {
        if ((b & 1) && __builtin_mul_overflow(acc, a, &acc)) return false;
        if (b > 1 && __builtin_mul_overflow(a, a, &a)) return false;
    }
    *out = acc;
    return true;
}

// Arithmetic on small ints with Python's results (floor division and
// modulo signs); false when the operation raises or leaves int64.
static bool fold_int(KrAstOperator op, int64_t a, int64_t b, int64_t *out) {
    switch (op) {
    case KR_AST_ADD: *out = a + b; break; // 48-bit operands: no overflow
    case KR_AST_SUB: *out = a - b; break;
    case KR_AST_MULT:
        if (__builtin_mul_overflow(a, b, out)) return false;
        break;
    case KR_AST_FLOORDIV:
    case KR_AST_MOD: {
        if (b == 0) return false;
        int64_t q = a / b, m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) q--, m += b;
        *out = op == KR_AST_MOD ? m : q;
        break;
    }
    case KR_AST_POW:
        if (b < 0) return false;
        return fold_int_pow(a, b, out);
    case KR_AST_LSHIFT:
        if (b < 0 || b > 62 || (a != 0 && (a > (INT64_MAX >> b) || a < (INT64_MIN >> b)))) return false;
        *out = (int64_t)((uint64_t)a << b);
        break;
    case KR_AST_RSHIFT:
        if (b < 0) return false;
        *out = b > 62 ? (a < 0 ? -1 : 0) : (a >> b);
        break;
    case KR_AST_BITOR: *out = a | b; break;
    case KR_AST_BITXOR: *out = a ^ b; break;
    case KR_AST_BITAND: *out = a & b; break;
    default: return false;
    }
    return true;
}

// An int64 as a constant: small, or a big int made from its digits.
static KrValue fold_int_const(Compiler *c, int64_t v) {
    if (kr_fits_small(v)) return kr_from_small(v);
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%lld", (long long)v);
    KrAstConst k = {KR_AST_INT, 10, digits, (size_t)n, 0.0};
    return cc_bigint(c, &k, c->u ? c->u->loc : (KrAstLoc){0, 0, 0, 0});
}

// a op b on numbers known at compile time; KR_NULL leaves it to the VM.
static KrValue fold_binop(Compiler *c, KrAstOperator op, KrValue a, KrValue b) {
    int64_t r;
    if (kr_is_small(a) && kr_is_small(b)) {
        if (op == KR_AST_DIV) {
            if (kr_as_small(b) == 0) return KR_NULL;
            return kr_from_double((double)kr_as_small(a) / (double)kr_as_small(b)); // exact operands: correctly rounded
        }
        return fold_int(op, kr_as_small(a), kr_as_small(b), &r) ? fold_int_const(c, r) : KR_NULL;
    }
    if (!(kr_is_small(a) || kr_is_double(a)) || !(kr_is_small(b) || kr_is_double(b))) return KR_NULL;
    double x = kr_is_small(a) ? (double)kr_as_small(a) : kr_as_double(a);
    double y = kr_is_small(b) ? (double)kr_as_small(b) : kr_as_double(b);
    switch (op) {
    case KR_AST_ADD: return kr_from_double(x + y);
    case KR_AST_SUB: return kr_from_double(x - y);
    case KR_AST_MULT: return kr_from_double(x * y);
    case KR_AST_DIV: return y == 0.0 ? KR_NULL : kr_from_double(x / y);
    default: return KR_NULL;
    }
}

// -x, +x, ~x of a folded number (KR_NULL: not folded).
static KrValue fold_unary(KrAstUnaryOp op, KrValue v) {
    if (kr_is_small(v)) {
        int64_t i = kr_as_small(v), out = op == KR_AST_USUB ? -i : op == KR_AST_INVERT ? ~i : i;
        return kr_fits_small(out) ? kr_from_small(out) : KR_NULL;
    }
    if (kr_is_double(v) && op != KR_AST_INVERT) return kr_from_double(op == KR_AST_USUB ? -kr_as_double(v) : kr_as_double(v));
    return KR_NULL;
}

// The value of a foldable expression; KR_NULL to compile it normally.
static KrValue cc_fold(Compiler *c, const KrAstExpr *e) {
    if (is_const_expr(e)) return cc_const_value(c, &e->v.constant.value);
    if (e->kind == KR_EXPR_BINOP && is_complex_literal(e))
        return cc_fold_complex(c, cc_fold(c, e->v.binop.left), &e->v.binop.right->v.constant.value,
                               e->v.binop.op == KR_AST_SUB);
    if (e->kind == KR_EXPR_BINOP) {
        KrValue a = cc_fold(c, e->v.binop.left), b = a == KR_NULL ? KR_NULL : cc_fold(c, e->v.binop.right);
        return b == KR_NULL ? KR_NULL : fold_binop(c, e->v.binop.op, a, b);
    }
    if (e->kind == KR_EXPR_UNARYOP && (!is_const_expr(e->v.unaryop.operand) || e->v.unaryop.op == KR_AST_INVERT))
        return fold_unary(e->v.unaryop.op, cc_fold(c, e->v.unaryop.operand));
    if (e->kind == KR_EXPR_UNARYOP) {
        const KrAstConst *k = &e->v.unaryop.operand->v.constant.value;
        bool neg = e->v.unaryop.op == KR_AST_USUB;
        int64_t i;
        if (k->kind == KR_AST_FLOAT) return kr_from_double(neg ? -k->num : k->num);
        if (k->kind == KR_AST_COMPLEX) return neg ? cc_complex(c, -0.0, -k->num) : cc_complex(c, 0.0, k->num);
        if (kr_ast_int_to_i64(k, &i) && kr_fits_small(i)) return kr_from_small(neg ? -i : i);
        return KR_NULL; // a big int: left to the VM
    }
    KrValue items[256];
    size_t n = e->v.seq.elts.count;
    for (size_t i = 0; i < n; i++)
        if ((items[i] = cc_fold(c, e->v.seq.elts.items[i])) == KR_NULL) return KR_NULL;
    return cc_tuple(c, items, n);
}

// {1, 2, 3}: like CPython, a set display of three or more constants is
// built by updating an empty set from a frozenset of the constants, which
// decides the iteration order CPython shows.
static bool cc_set_display(Compiler *c, const KrAstExprSeq *elts) {
    bool all_const = elts->count > 2 && elts->count <= 256;
    for (size_t i = 0; i < elts->count && all_const; i++) all_const = is_foldable(elts->items[i], 0);
    KrValue items[256];
    for (size_t i = 0; i < elts->count && all_const; i++) all_const = (items[i] = cc_fold(c, elts->items[i])) != KR_NULL;
    if (!all_const) return cc_sequence(c, elts, KR_OP_BUILD_SET, KR_OP_SET_UPDATE);
    return emit(c, KR_OP_BUILD_SET, 0) && emit_const(c, cc_tuple(c, items, elts->count)) &&
           emit(c, KR_OP_SET_UPDATE, 1 | 0x100);
}

// What a `for` (or comprehension) iterates: a set display of constants is
// the frozenset itself, as CPython's optimizer makes it, so the loop sees
// the frozenset's order, not that of a set copied from it.
static bool cc_iterable(Compiler *c, const KrAstExpr *e) {
    if (e->kind != KR_EXPR_SET || e->v.set.elts.count > 256) return cc_expr(c, e);
    const KrAstExprSeq *elts = &e->v.set.elts;
    KrValue items[256];
    for (size_t i = 0; i < elts->count; i++)
        if (!is_foldable(elts->items[i], 0) || (items[i] = cc_fold(c, elts->items[i])) == KR_NULL)
            return cc_expr(c, e);
    return emit(c, KR_OP_BUILD_SET, 0) && emit_const(c, cc_tuple(c, items, elts->count)) &&
           emit(c, KR_OP_SET_UPDATE, 1 | 0x100 | 0x200);
}

static bool cc_tuple_display(Compiler *c, const KrAstExprSeq *elts) {
    bool done;
    if (!cc_try_const_tuple(c, elts, &done)) return false;
    if (done) return true;
    if (!has_starred(elts)) return cc_sequence(c, elts, KR_OP_BUILD_TUPLE, KR_OP_LIST_EXTEND);
    return cc_sequence(c, elts, KR_OP_BUILD_LIST, KR_OP_LIST_EXTEND) && emit(c, KR_OP_LIST_TO_TUPLE, 0);
}

static bool cc_dict(Compiler *c, const KrAstExpr *e) {
    size_t n = e->v.dict.keys.count, pending = 0;
    bool built = false;
    for (size_t i = 0; i < n; i++) {
        const KrAstExpr *k = e->v.dict.keys.items[i];
        if (!k) {
            if (!built || pending) {
                if (!emit(c, KR_OP_BUILD_MAP, (int64_t)pending)) return false;
                if (built && !emit(c, KR_OP_DICT_UPDATE, 1)) return false;
                built = true;
                pending = 0;
            }
            if (!cc_expr(c, e->v.dict.values.items[i]) || !emit(c, KR_OP_DICT_UPDATE, 1)) return false;
            continue;
        }
        if (!cc_expr(c, k) || !cc_expr(c, e->v.dict.values.items[i])) return false;
        pending++;
        if (pending >= 0xFFFF) {
            if (!emit(c, KR_OP_BUILD_MAP, (int64_t)pending)) return false;
            if (built && !emit(c, KR_OP_DICT_UPDATE, 1)) return false;
            built = true;
            pending = 0;
        }
    }
    if (!built || pending) {
        if (!emit(c, KR_OP_BUILD_MAP, (int64_t)pending)) return false;
        if (built && !emit(c, KR_OP_DICT_UPDATE, 1)) return false;
    }
    return true;
}

static bool cc_compare(Compiler *c, const KrAstExpr *e);
static bool cc_call(Compiler *c, const KrAstExpr *e);
static bool cc_make_function(Compiler *c, const void *node, const KrAstArguments *args,
                             const char *name, const KrAstStmtSeq *body, const KrAstExpr *lambda_body,
                             KrAstLoc loc);
static bool cc_comprehension(Compiler *c, const KrAstExpr *e);

static bool cc_cmp_op(Compiler *c, KrAstCmpOp op) {
    switch (op) {
    case KR_AST_EQ: return emit(c, KR_OP_COMPARE_OP, KR_CMP_EQ);
    case KR_AST_NOTEQ: return emit(c, KR_OP_COMPARE_OP, KR_CMP_NE);
    case KR_AST_LT: return emit(c, KR_OP_COMPARE_OP, KR_CMP_LT);
    case KR_AST_LTE: return emit(c, KR_OP_COMPARE_OP, KR_CMP_LE);
    case KR_AST_GT: return emit(c, KR_OP_COMPARE_OP, KR_CMP_GT);
    case KR_AST_GTE: return emit(c, KR_OP_COMPARE_OP, KR_CMP_GE);
    case KR_AST_IS: return emit(c, KR_OP_IS_OP, 0);
    case KR_AST_ISNOT: return emit(c, KR_OP_IS_OP, 1);
    case KR_AST_IN: return emit(c, KR_OP_CONTAINS_OP, 0);
    case KR_AST_NOTIN: return emit(c, KR_OP_CONTAINS_OP, 1);
    }
    return false;
}

static bool cc_compare(Compiler *c, const KrAstExpr *e) {
    size_t n = e->v.compare.comparators.count;
    if (!cc_expr(c, e->v.compare.left)) return false;
    if (n == 1)
        return cc_expr(c, e->v.compare.comparators.items[0]) && cc_cmp_op(c, e->v.compare.ops[0]);
    int32_t cleanup = cc_new_label(c), end = cc_new_label(c);
    for (size_t i = 0; i + 1 < n; i++) {
        if (!cc_expr(c, e->v.compare.comparators.items[i])) return false;
        if (!emit(c, KR_OP_SWAP, 2) || !emit(c, KR_OP_COPY, 2)) return false;
        if (!cc_cmp_op(c, e->v.compare.ops[i])) return false;
        if (!emit_jump(c, KR_OP_JUMP_IF_FALSE_OR_POP, cleanup)) return false;
    }
    if (!cc_expr(c, e->v.compare.comparators.items[n - 1]) || !cc_cmp_op(c, e->v.compare.ops[n - 1]))
        return false;
    if (!emit_jump(c, KR_OP_JUMP, end)) return false;
    c->u->depth += 1; // at cleanup: [b, result]
    cc_bind(c, cleanup);
    if (!emit(c, KR_OP_SWAP, 2) || !emit(c, KR_OP_POP_TOP, 0)) return false;
    cc_bind(c, end);
    return true;
}

static const KrBinOp binop_map[] = {
    [KR_AST_ADD] = KR_BIN_ADD, [KR_AST_SUB] = KR_BIN_SUB, [KR_AST_MULT] = KR_BIN_MUL,
    [KR_AST_MATMULT] = KR_BIN_MATMUL, [KR_AST_DIV] = KR_BIN_TRUEDIV, [KR_AST_MOD] = KR_BIN_MOD,
    [KR_AST_POW] = KR_BIN_POW, [KR_AST_LSHIFT] = KR_BIN_LSHIFT, [KR_AST_RSHIFT] = KR_BIN_RSHIFT,
    [KR_AST_BITOR] = KR_BIN_OR, [KR_AST_BITXOR] = KR_BIN_XOR, [KR_AST_BITAND] = KR_BIN_AND,
    [KR_AST_FLOORDIV] = KR_BIN_FLOORDIV,
};

static bool cc_boolop(Compiler *c, const KrAstExpr *e) {
    int32_t end = cc_new_label(c);
    KrOpcode jmp = e->v.boolop.op == KR_AST_AND ? KR_OP_JUMP_IF_FALSE_OR_POP : KR_OP_JUMP_IF_TRUE_OR_POP;
    size_t n = e->v.boolop.values.count;
    for (size_t i = 0; i < n; i++) {
        if (!cc_expr(c, e->v.boolop.values.items[i])) return false;
        if (i + 1 < n && !emit_jump(c, jmp, end)) return false;
    }
    cc_bind(c, end);
    return true;
}

static bool cc_ifexp(Compiler *c, const KrAstExpr *e) {
    int32_t orelse = cc_new_label(c), end = cc_new_label(c);
    if (!cc_expr(c, e->v.ifexp.test) || !emit_jump(c, KR_OP_POP_JUMP_IF_FALSE, orelse)) return false;
    if (!cc_expr(c, e->v.ifexp.body) || !emit_jump(c, KR_OP_JUMP, end)) return false;
    c->u->depth--;
    cc_bind(c, orelse);
    if (!cc_expr(c, e->v.ifexp.orelse)) return false;
    cc_bind(c, end);
    return true;
}

static bool cc_joinedstr(Compiler *c, const KrAstExpr *e) {
    size_t n = e->v.joinedstr.values.count;
    if (n == 0) return emit_const(c, kr_from_obj(cc_str(c, "", 0)));
    for (size_t i = 0; i < n; i++)
        if (!cc_expr(c, e->v.joinedstr.values.items[i])) return false;
    if (n == 1 && e->v.joinedstr.values.items[0]->kind == KR_EXPR_CONSTANT) return true;
    return emit(c, KR_OP_BUILD_STRING, (int64_t)n);
}

static bool cc_formatted(Compiler *c, const KrAstExpr *e) {
    if (!cc_expr(c, e->v.formatted.value)) return false;
    int conv = 0;
    switch (e->v.formatted.conversion) {
    case KR_AST_CONV_STR: conv = 1; break;
    case KR_AST_CONV_REPR: conv = 2; break;
    case KR_AST_CONV_ASCII: conv = 3; break;
    default: break;
    }
    if (e->v.formatted.format_spec) {
        if (!cc_expr(c, e->v.formatted.format_spec)) return false;
        conv |= 4;
    }
    return emit(c, KR_OP_FORMAT_VALUE, conv);
}

static bool cc_slice(Compiler *c, const KrAstExpr *e) {
    const KrAstExpr *parts[3] = {e->v.slice.lower, e->v.slice.upper, e->v.slice.step};
    int n = e->v.slice.step ? 3 : 2;
    for (int i = 0; i < n; i++) {
        if (parts[i] ? !cc_expr(c, parts[i]) : !emit_const(c, KR_NONE)) return false;
    }
    return emit(c, KR_OP_BUILD_SLICE, n);
}

// yield from / await: with the delegate iterator on the stack, pass every
// value it yields up to our caller, and every value sent down to it; the
// delegate's return value ends on the stack.
static bool cc_delegate(Compiler *c) {
    int32_t loop = cc_new_label(c), done = cc_new_label(c);
    if (!emit_const(c, KR_NONE)) return false;
    cc_bind(c, loop);
    if (!emit_jump(c, KR_OP_SEND, done) || !emit(c, KR_OP_YIELD_VALUE, 0) || !emit_jump(c, KR_OP_JUMP, loop))
        return false;
    c->u->depth -= 1; // SEND's exit leaves just the result
    cc_bind(c, done);
    return true;
}

static bool cc_expr_inner(Compiler *c, const KrAstExpr *e) {
    switch (e->kind) {
    case KR_EXPR_BOOLOP: return cc_boolop(c, e);
    case KR_EXPR_NAMEDEXPR:
        return cc_expr(c, e->v.namedexpr.value) && emit(c, KR_OP_COPY, 1) && cc_store(c, e->v.namedexpr.target);
    case KR_EXPR_BINOP:
        return cc_expr(c, e->v.binop.left) && cc_expr(c, e->v.binop.right) &&
               emit(c, KR_OP_BINARY_OP, binop_map[e->v.binop.op]);
    case KR_EXPR_UNARYOP:
        if (!cc_expr(c, e->v.unaryop.operand)) return false;
        switch (e->v.unaryop.op) {
        case KR_AST_NOT: return emit(c, KR_OP_UNARY_NOT, 0);
        case KR_AST_USUB: return emit(c, KR_OP_UNARY_OP, KR_UN_NEG);
        case KR_AST_UADD: return emit(c, KR_OP_UNARY_OP, KR_UN_POS);
        case KR_AST_INVERT: return emit(c, KR_OP_UNARY_OP, KR_UN_INVERT);
        }
        return false;
    case KR_EXPR_LAMBDA:
        return cc_make_function(c, e, e->v.lambda.args, "<lambda>", NULL, e->v.lambda.body, e->loc);
    case KR_EXPR_IFEXP: return cc_ifexp(c, e);
    case KR_EXPR_DICT: return cc_dict(c, e);
    case KR_EXPR_SET: return cc_set_display(c, &e->v.set.elts);
    case KR_EXPR_LISTCOMP:
    case KR_EXPR_SETCOMP:
    case KR_EXPR_DICTCOMP:
    case KR_EXPR_GENERATOREXP: return cc_comprehension(c, e);
    case KR_EXPR_AWAIT: {
        KrScope *sc = c->u->scope;
        if ((sc->kind == KR_SCOPE_MODULE || sc->is_comprehension) && sc->is_async)
            return cc_expr(c, e->v.await.value) && emit(c, KR_OP_GET_AWAITABLE, 0) && cc_delegate(c);
        if (sc->kind != KR_SCOPE_FUNCTION || sc->is_comprehension)
            return cc_error(c, e->loc, sc->kind == KR_SCOPE_FUNCTION ? "asynchronous comprehension outside of an asynchronous function" : "'await' outside function");
        if (!sc->is_async) return cc_error(c, e->loc, "'await' outside async function");
        return cc_expr(c, e->v.await.value) && emit(c, KR_OP_GET_AWAITABLE, 0) && cc_delegate(c);
    }
    case KR_EXPR_YIELD:
        if (c->u->scope->kind != KR_SCOPE_FUNCTION) return cc_error(c, e->loc, "'yield' outside function");
        if (e->v.yield.value ? !cc_expr(c, e->v.yield.value) : !emit_const(c, KR_NONE)) return false;
        // an async generator's own values are told apart from awaits
        if (c->u->scope->is_async && !emit(c, KR_OP_ASYNC_GEN_WRAP, 0)) return false;
        return emit(c, KR_OP_YIELD_VALUE, 0);
    case KR_EXPR_YIELDFROM:
        if (c->u->scope->kind != KR_SCOPE_FUNCTION) return cc_error(c, e->loc, "'yield' outside function");
        if (c->u->scope->is_async) return cc_error(c, e->loc, "'yield from' inside async function");
        return cc_expr(c, e->v.yieldfrom.value) && emit(c, KR_OP_GET_YIELD_FROM_ITER, 0) && cc_delegate(c);
    case KR_EXPR_COMPARE: return cc_compare(c, e);
    case KR_EXPR_CALL: return cc_call(c, e);
    case KR_EXPR_FORMATTEDVALUE: return cc_formatted(c, e);
    case KR_EXPR_JOINEDSTR: return cc_joinedstr(c, e);
    case KR_EXPR_CONSTANT:
        return emit_const(c, cc_const_value(c, &e->v.constant.value));
    case KR_EXPR_ATTRIBUTE: {
        int32_t i = cc_attr_name(c, e->v.attribute.attr);
        return i >= 0 && cc_expr(c, e->v.attribute.value) && emit(c, KR_OP_LOAD_ATTR, i);
    }
    case KR_EXPR_SUBSCRIPT:
        return cc_expr(c, e->v.subscript.value) && cc_expr(c, e->v.subscript.slice) &&
               emit(c, KR_OP_BINARY_SUBSCR, 0);
    case KR_EXPR_STARRED: return cc_error(c, e->loc, "can't use starred expression here");
    case KR_EXPR_NAME: return cc_name(c, e->v.name.id, NAME_LOAD);
    case KR_EXPR_LIST: return cc_sequence(c, &e->v.seq.elts, KR_OP_BUILD_LIST, KR_OP_LIST_EXTEND);
    case KR_EXPR_TUPLE: return cc_tuple_display(c, &e->v.seq.elts);
    case KR_EXPR_SLICE: return cc_slice(c, e);
    }
    return cc_error(c, e->loc, "unknown expression");
}

static bool cc_expr_node(Compiler *c, const KrAstExpr *e) {
    KrAstLoc saved;
    if (!cc_enter(c, e->loc, &saved)) return false;
    bool ok = cc_expr_inner(c, e);
    cc_leave(c, saved);
    return ok;
}

// ---- calls --------------------------------------------------------------------------

// f(a, *b): the positional arguments as one list. LIST_EXTEND's flag
// 0x100 says the function sits below, for its error message.
static bool cc_call_star_args(Compiler *c, const KrAstExprSeq *args) {
    if (!emit(c, KR_OP_BUILD_LIST, 0)) return false;
    for (size_t i = 0; i < args->count; i++) {
        const KrAstExpr *x = args->items[i];
        if (x->kind == KR_EXPR_STARRED) {
            if (!cc_expr(c, x->v.starred.value) || !emit(c, KR_OP_LIST_EXTEND, 1 | 0x100)) return false;
        } else if (!cc_expr(c, x) || !emit(c, KR_OP_LIST_APPEND, 1)) {
            return false;
        }
    }
    return true;
}

static bool cc_call_args(Compiler *c, const KrAstExprSeq *args, const KrAstKeywordSeq *kws, int extra) {
    bool dyn = has_starred(args);
    for (size_t i = 0; i < kws->count; i++)
        if (!kws->items[i]->arg) dyn = true;
    if (!dyn) {
        for (size_t i = 0; i < args->count; i++)
            if (!cc_expr(c, args->items[i])) return false;
        size_t nkw = kws->count;
        if (nkw == 0) return emit(c, KR_OP_CALL, (int64_t)args->count + extra);
        if (nkw > 256) return cc_error(c, c->u->loc, "too many keyword arguments");
        KrValue names[256];
        for (size_t i = 0; i < nkw; i++) {
            const KrAstKeyword *k = kws->items[i];
            for (size_t j = 0; j < i; j++)
                if (strcmp(kws->items[j]->arg, k->arg) == 0) {
                    char msg[200];
                    snprintf(msg, sizeof msg, "keyword argument repeated: %s", k->arg);
                    return cc_error(c, k->loc, msg);
                }
            if (!cc_expr(c, k->value)) return false;
            KrStr *s = cc_str(c, k->arg, strlen(k->arg));
            if (!s) return false;
            names[i] = kr_from_obj(s);
        }
        if (!emit_const(c, cc_tuple(c, names, nkw))) return false;
        return emit(c, KR_OP_CALL_KW, (int64_t)(args->count + nkw) + extra);
    }
    // *args / **kwargs: positional arguments as one tuple, keywords as a dict.
    if (extra) return cc_error(c, c->u->loc, "internal error: method call with unpacking");
    if (!cc_call_star_args(c, args) || !emit(c, KR_OP_LIST_TO_TUPLE, 0)) return false;
    if (kws->count == 0) return emit(c, KR_OP_CALL_EX, 0);
    if (!emit(c, KR_OP_BUILD_MAP, 0)) return false;
    for (size_t i = 0; i < kws->count; i++) {
        const KrAstKeyword *k = kws->items[i];
        if (!k->arg) {
            if (!cc_expr(c, k->value) || !emit(c, KR_OP_DICT_MERGE, 1)) return false;
            continue;
        }
        KrStr *s = cc_str(c, k->arg, strlen(k->arg));
        if (!s || !emit_const(c, kr_from_obj(s)) || !cc_expr(c, k->value) || !emit(c, KR_OP_BUILD_MAP, 1) ||
            !emit(c, KR_OP_DICT_MERGE, 1))
            return false;
    }
    return emit(c, KR_OP_CALL_EX, 1);
}

static bool cc_call(Compiler *c, const KrAstExpr *e) {
    const KrAstExpr *f = e->v.call.func;
    bool dyn = has_starred(&e->v.call.args);
    for (size_t i = 0; i < e->v.call.keywords.count; i++)
        if (!e->v.call.keywords.items[i]->arg) dyn = true;
    if (f->kind == KR_EXPR_ATTRIBUTE && !dyn) {
        // obj.m(args): LOAD_METHOD avoids making a bound method object.
        int32_t i = cc_attr_name(c, f->v.attribute.attr);
        if (i < 0 || !cc_expr(c, f->v.attribute.value)) return false;
        KrAstLoc saved = c->u->loc;
        c->u->loc = f->loc;
        bool ok = emit(c, KR_OP_LOAD_METHOD, i);
        c->u->loc = saved;
        return ok && cc_call_args(c, &e->v.call.args, &e->v.call.keywords, 0);
    }
    if (!cc_expr(c, f) || !emit(c, KR_OP_PUSH_NULL, 0)) return false;
    return cc_call_args(c, &e->v.call.args, &e->v.call.keywords, 0);
}

// ---- assignment targets ----------------------------------------------------------

static bool cc_unpack(Compiler *c, const KrAstExpr *t) {
    const KrAstExprSeq *elts = &t->v.seq.elts;
    size_t star = SIZE_MAX;
    for (size_t i = 0; i < elts->count; i++)
        if (elts->items[i]->kind == KR_EXPR_STARRED) {
            if (star != SIZE_MAX) return cc_error(c, elts->items[i]->loc, "multiple starred expressions in assignment");
            star = i;
        }
    if (star == SIZE_MAX) {
        if (!emit(c, KR_OP_UNPACK_SEQUENCE, (int64_t)elts->count)) return false;
    } else {
        size_t after = elts->count - star - 1;
        if (star > 255 || after > 0xFFFF) return cc_error(c, t->loc, "too many expressions in star-unpacking assignment");
        if (!emit(c, KR_OP_UNPACK_EX, (int64_t)(star | (after << 8)))) return false;
    }
    for (size_t i = 0; i < elts->count; i++) {
        const KrAstExpr *x = elts->items[i];
        if (!cc_store(c, x->kind == KR_EXPR_STARRED ? x->v.starred.value : x)) return false;
    }
    return true;
}

static bool cc_store(Compiler *c, const KrAstExpr *t) {
    KrAstLoc saved;
    if (!cc_enter(c, t->loc, &saved)) return false;
    bool ok;
    switch (t->kind) {
    case KR_EXPR_NAME: ok = cc_name(c, t->v.name.id, NAME_STORE); break;
    case KR_EXPR_ATTRIBUTE: {
        int32_t i = cc_attr_name(c, t->v.attribute.attr);
        ok = i >= 0 && cc_expr(c, t->v.attribute.value) && emit(c, KR_OP_STORE_ATTR, i);
        break;
    }
    case KR_EXPR_SUBSCRIPT:
        ok = cc_expr(c, t->v.subscript.value) && cc_expr(c, t->v.subscript.slice) &&
             emit(c, KR_OP_STORE_SUBSCR, 0);
        break;
    case KR_EXPR_TUPLE:
    case KR_EXPR_LIST: ok = cc_unpack(c, t); break;
    case KR_EXPR_STARRED: ok = cc_error(c, t->loc, "starred assignment target must be in a list or tuple"); break;
    default: ok = cc_error(c, t->loc, "cannot assign to expression"); break;
    }
    cc_leave(c, saved);
    return ok;
}

static bool cc_delete(Compiler *c, const KrAstExpr *t) {
    KrAstLoc saved;
    if (!cc_enter(c, t->loc, &saved)) return false;
    bool ok = true;
    switch (t->kind) {
    case KR_EXPR_NAME: ok = cc_name(c, t->v.name.id, NAME_DEL); break;
    case KR_EXPR_ATTRIBUTE: {
        int32_t i = cc_attr_name(c, t->v.attribute.attr);
        ok = i >= 0 && cc_expr(c, t->v.attribute.value) && emit(c, KR_OP_DELETE_ATTR, i);
        break;
    }
    case KR_EXPR_SUBSCRIPT:
        ok = cc_expr(c, t->v.subscript.value) && cc_expr(c, t->v.subscript.slice) &&
             emit(c, KR_OP_DELETE_SUBSCR, 0);
        break;
    case KR_EXPR_TUPLE:
    case KR_EXPR_LIST:
        for (size_t i = 0; ok && i < t->v.seq.elts.count; i++) ok = cc_delete(c, t->v.seq.elts.items[i]);
        break;
    default: ok = cc_error(c, t->loc, "cannot delete expression"); break;
    }
    cc_leave(c, saved);
    return ok;
}

// ---- units and code objects ----------------------------------------------------

static KrScope *cc_child_scope(Compiler *c, const void *node) {
    KrScope *s = c->u->scope;
    for (size_t i = 0; i < s->nchildren; i++)
        if (s->children[i]->node == node) return s->children[i];
    return NULL;
}

static const char *cc_qualname(Compiler *c, const char *name) {
    Unit *u = c->u;
    if (!u || u->in_module) return name;
    // members of a class are "C.m"; of a function "f.<locals>.g" (pieces
    // copied: snprintf costs more than the rest of a small function's code)
    const char *parent = u->qualname, *sep = u->scope->kind == KR_SCOPE_CLASS ? "." : ".<locals>.";
    size_t np = strlen(parent), ns = strlen(sep), nn = strlen(name);
    char *q = kr_arena_alloc_uninit(c->tmp, np + ns + nn + 1); // written below up to its NUL
    if (!q) return cc_nomem(c), NULL;
    memcpy(q, parent, np);
    memcpy(q + np, sep, ns);
    memcpy(q + np + ns, name, nn + 1);
    return q;
}

static bool cc_enter_unit(Compiler *c, KrScope *scope, const char *qualname) {
    Unit *u = kr_arena_alloc(c->tmp, sizeof *u);
    if (!u) return cc_nomem(c);
    u->parent = c->u;
    u->scope = scope;
    u->qualname = qualname;
    u->in_module = scope->kind == KR_SCOPE_MODULE;
    u->doc = KR_NONE;
    // locals: parameters first, then other locals in order of appearance
    // (a module has none: its names are globals)
    size_t nsyms = scope->nsyms;
    if (!u->in_module) {
        u->varnames = kr_arena_array_uninit(c->tmp, nsyms + scope->nparams + 1, sizeof(char *));
        u->cellnames = kr_arena_array_uninit(c->tmp, nsyms + 1, sizeof(char *));
        if (!u->varnames || !u->cellnames) return cc_nomem(c);
        for (size_t i = 0; i < scope->nparams; i++) u->varnames[u->nvarnames++] = scope->params[i];
        for (size_t i = 0; i < nsyms; i++) {
            KrSymbol *s = &scope->syms[i];
            if (s->where == KR_SYM_LOCAL && !(s->flags & KR_DEF_PARAM)) u->varnames[u->nvarnames++] = s->name;
        }
        for (size_t i = 0; i < nsyms; i++)
            if (scope->syms[i].where == KR_SYM_CELL) u->cellnames[u->ncells++] = scope->syms[i].name;
        for (size_t i = 0; i < nsyms; i++)
            if (scope->syms[i].where == KR_SYM_FREE) u->cellnames[u->ncells + u->nfrees++] = scope->syms[i].name;
    }
    if (scope->is_generator) u->flags |= KR_CODE_GENERATOR;
    if (scope->is_async) u->flags |= KR_CODE_COROUTINE;
    if (scope->is_comprehension) u->flags |= KR_CODE_COMPREHENSION;
    c->u = u;
    return true;
}

// Interns names into out[0..n).
static bool cc_strs(Compiler *c, KrStr **out, const char **names, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!(out[i] = cc_str(c, names[i], strlen(names[i])))) return false;
    return true;
}

static void cc_patch_labels(Unit *u) {
    if (u->nlabels == 0) return; // every jump targets a label: none to patch
    for (size_t i = 0; i < u->n; i++) {
        uint32_t op = KR_INSN_OP(u->insns[i]);
        if (is_jump(op)) u->insns[i] = KR_INSN(op, (uint32_t)u->labels[KR_INSN_ARG(u->insns[i])]);
    }
}

// The exception table has one entry per run of instructions that share a
// handler.
static size_t cc_exctab_count(const Unit *u) {
    if (u->nhandlers == 0) return 0; // no handler ever pushed: every ehandler is -1
    size_t n = 0;
    for (size_t i = 0; i < u->n; i++)
        if (u->ehandler[i] >= 0 && (i == 0 || u->ehandler[i] != u->ehandler[i - 1])) n++;
    return n;
}

static void cc_exctab_fill(const Unit *u, KrExcEntry *t) {
    if (u->nhandlers == 0) return; // an empty table (see cc_exctab_count)
    size_t k = 0;
    for (size_t i = 0; i < u->n; i++) {
        int32_t h = u->ehandler[i];
        if (h < 0 || (i > 0 && u->ehandler[i - 1] == h)) continue;
        size_t j = i;
        while (j < u->n && u->ehandler[j] == h) j++;
        const Handler *hd = &u->handlers[h];
        t[k++] = (KrExcEntry){(uint32_t)i, (uint32_t)j, (uint32_t)u->labels[hd->label], (uint32_t)hd->depth};
    }
}

// Instructions after which control never falls through to the next one.
static bool cc_ends_flow(uint32_t op) {
    return op == KR_OP_JUMP || op == KR_OP_RETURN_VALUE || op == KR_OP_RAISE || op == KR_OP_RERAISE ||
           op == KR_OP_POP_EXCEPT_RERAISE || op == KR_OP_UNSUPPORTED || op == KR_OP_END_ASYNC_FOR;
}

// Computes the maximum stack depth by walking every path (and every
// handler entry); also proves the stack never goes negative.
// Code without labels has no jumps and, without an exception table, no
// other entry: its one path runs from the start to the first instruction
// that ends it (what follows is dead, as the walk below would leave it).
static bool cc_stackdepth_straight(Compiler *c, uint32_t *out) {
    const Unit *u = c->u;
    int32_t d = 0, maxd = 0;
    for (size_t pc = 0; pc < u->n; pc++) {
        uint32_t op = KR_INSN_OP(u->insns[pc]);
        d += cc_stack_effect(u->insns[pc], false);
        if (d < 0) return cc_error(c, c->u->loc, "internal compiler error: stack underflow");
        if (d > maxd) maxd = d;
        if (cc_ends_flow(op)) break;
    }
    *out = (uint32_t)maxd + 1;
    return true;
}

static bool cc_stackdepth(Compiler *c, const KrExcEntry *tab, uint32_t ntab, uint32_t *out) {
    Unit *u = c->u;
    if (u->nlabels == 0 && ntab == 0) return cc_stackdepth_straight(c, out);
    // both arrays are written before they are read: no zeroing
    int32_t *depth = kr_arena_array_uninit(c->tmp, u->n + 1, sizeof *depth);
    uint32_t *work = kr_arena_array_uninit(c->tmp, u->n + ntab + 1, sizeof *work);
    if (!depth || !work) return cc_nomem(c);
    for (size_t i = 0; i <= u->n; i++) depth[i] = -1;
    size_t nwork = 0;
    int32_t maxd = 0;
#define CC_PUSH(pos, d)                                                                 \
    do {                                                                                \
        if ((pos) < u->n && depth[pos] < 0) {                                           \
            depth[pos] = (d);                                                           \
            work[nwork++] = (uint32_t)(pos);                                            \
        } else if ((pos) < u->n && depth[pos] != (d)) {                                 \
            return cc_error(c, c->u->loc, "internal compiler error: inconsistent stack"); \
        }                                                                               \
    } while (0)
    CC_PUSH(0, 0);
    for (uint32_t k = 0; k < ntab; k++) {
        // handler entries are reached with depth+1 (the exception)
        CC_PUSH(tab[k].handler, (int32_t)tab[k].depth + 1);
    }
    while (nwork) {
        uint32_t pc = work[--nwork];
        int32_t d = depth[pc];
        for (;;) {
            uint32_t insn = u->insns[pc];
            uint32_t op = KR_INSN_OP(insn);
            if (d > maxd) maxd = d;
            if (is_jump(op)) {
                int32_t dj = d + cc_stack_effect(insn, true);
                if (dj < 0) return cc_error(c, c->u->loc, "internal compiler error: stack underflow");
                if (dj > maxd) maxd = dj;
                CC_PUSH(KR_INSN_ARG(insn), dj);
            }
            d += cc_stack_effect(insn, false);
            if (d < 0) return cc_error(c, c->u->loc, "internal compiler error: stack underflow");
            if (d > maxd) maxd = d;
            if (cc_ends_flow(op)) break;
            pc++;
            if (pc >= u->n) break;
            if (depth[pc] >= 0) {
                if (depth[pc] != d) return cc_error(c, c->u->loc, "internal compiler error: inconsistent stack");
                break;
            }
            depth[pc] = d;
        }
    }
#undef CC_PUSH
    *out = (uint32_t)maxd + 1;
    return true;
}

// Notes that a traceback may show this line (cc_kept_source keeps it).
static void cc_mark_line(Compiler *c, int64_t line) {
    if (line >= 1 && (size_t)line <= c->nlines) c->line_used[line - 1] = 1;
}

// Reserves `n` items of `size` bytes at *off in a block being laid out.
static bool cc_layout(size_t *total, size_t *off, size_t n, size_t size) {
    size_t bytes;
    *off = *total;
    return kr_size_mul(n, size, &bytes) && kr_size_add(*total, bytes, total);
}

// A code object and all its arrays, laid out in one arena allocation
// (8-byte items first, so every array is aligned). Arrays of 0 items get
// a valid pointer that is never read.
typedef struct CodeBlock {
    KrCode *code;
    KrValue *consts;
    KrStr **names, **varnames, **cellnames;
    KrLoc *locs;
    KrExcEntry *exctab;
    uint32_t *insns;
    int32_t *builtin, *cell_arg;
} CodeBlock;

static bool cc_code_block(Compiler *c, const Unit *u, size_t nexc, CodeBlock *b) {
    size_t total = sizeof(KrCode), consts, names, varnames, cellnames, locs, exctab, insns, builtin, cell_arg;
    _Static_assert(sizeof(KrCode) % sizeof(KrValue) == 0 && _Alignof(KrLoc) <= sizeof(uint32_t) &&
                       _Alignof(KrExcEntry) <= sizeof(uint32_t),
                   "code block layout");
    if (!cc_layout(&total, &consts, u->nconsts, sizeof(KrValue)) ||
        !cc_layout(&total, &names, u->nnames, sizeof(KrStr *)) ||
        !cc_layout(&total, &varnames, u->nvarnames, sizeof(KrStr *)) ||
        !cc_layout(&total, &cellnames, u->ncells + u->nfrees, sizeof(KrStr *)) ||
        !cc_layout(&total, &locs, u->n, sizeof(KrLoc)) || !cc_layout(&total, &exctab, nexc, sizeof(KrExcEntry)) ||
        !cc_layout(&total, &insns, u->n, sizeof(uint32_t)) ||
        !cc_layout(&total, &builtin, u->nnames, sizeof(int32_t)) ||
        !cc_layout(&total, &cell_arg, u->ncells, sizeof(int32_t)))
        return cc_nomem(c);
    char *p = kr_arena_alloc_uninit(c->arena, total);
    if (!p) return cc_nomem(c);
    b->code = (KrCode *)p;
    b->consts = (KrValue *)(p + consts);
    b->names = (KrStr **)(p + names);
    b->varnames = (KrStr **)(p + varnames);
    b->cellnames = (KrStr **)(p + cellnames);
    b->locs = (KrLoc *)(p + locs);
    b->exctab = (KrExcEntry *)(p + exctab);
    b->insns = (uint32_t *)(p + insns);
    b->builtin = (int32_t *)(p + builtin);
    b->cell_arg = (int32_t *)(p + cell_arg);
    return true;
}

// Each name's builtin index, looked up only for the names the VM reads it
// for (LOAD_GLOBAL, LOAD_NAME: load_global in vm.c), as pg_builtins does
// on load; -1 for the others.
static void cc_name_builtins(const Unit *u, int32_t *builtin) {
    for (size_t i = 0; i < u->nnames; i++) builtin[i] = u->name_loaded[i] ? kr_builtin_lookup(u->names[i]) : -1;
}

// Turns the finished unit into an immutable code object and leaves it.
static KrCode *cc_leave_unit(Compiler *c, const char *name, uint32_t argcount, uint32_t posonly,
                             uint32_t kwonly, uint32_t flags, int32_t firstline) {
    Unit *u = c->u;
    // every code ends in a return so the VM can never run off the end
    bool label_at_end = false;
    for (size_t i = 0; i < u->nlabels; i++)
        if (u->labels[i] == (int32_t)u->n) label_at_end = true;
    if (u->n == 0 || label_at_end || KR_INSN_OP(u->insns[u->n - 1]) != KR_OP_RETURN_VALUE) {
        if (!emit_const(c, KR_NONE) || !emit(c, KR_OP_RETURN_VALUE, 0)) return NULL;
    }
    for (size_t i = 0; i < u->nlabels; i++)
        if (u->labels[i] < 0) u->labels[i] = (int32_t)u->n - 1; // unused label
    cc_patch_labels(u);
    size_t nexc = cc_exctab_count(u);
    CodeBlock b = {0}; // zeroed: the cold error paths hide from gcc that they return false
    if (!cc_code_block(c, u, nexc, &b)) return NULL;
    cc_exctab_fill(u, b.exctab);
    uint32_t stacksize = 0;
    if (!cc_stackdepth(c, b.exctab, (uint32_t)nexc, &stacksize)) return NULL;
    memcpy(b.insns, u->insns, u->n * sizeof *b.insns);
    memcpy(b.locs, u->locs, u->n * sizeof *b.locs);
    for (size_t i = 0; i < u->nconsts; i++) b.consts[i] = u->consts[i];
    cc_name_builtins(u, b.builtin);
    for (size_t i = 0; i < u->ncells; i++) b.cell_arg[i] = cc_local_index(u, u->cellnames[i]);
    if (!cc_strs(c, b.names, u->names, u->nnames) || !cc_strs(c, b.varnames, u->varnames, u->nvarnames) ||
        !cc_strs(c, b.cellnames, u->cellnames, u->ncells + u->nfrees))
        return NULL;
    KrCode *code = b.code;
    *code = (KrCode){
        .ob = {.type = &kr_type_code, .gc = KR_GC_STATIC},
        .insns = b.insns,
        .ninsns = (uint32_t)u->n,
        .consts = b.consts,
        .nconsts = (uint32_t)u->nconsts,
        .names = b.names,
        .name_builtin = b.builtin,
        .nnames = (uint32_t)u->nnames,
        .varnames = b.varnames,
        .nlocals = (uint32_t)u->nvarnames,
        .cellnames = b.cellnames,
        .ncells = (uint32_t)u->ncells,
        .nfrees = (uint32_t)u->nfrees,
        .cell_arg = b.cell_arg,
        .argcount = argcount,
        .posonlycount = posonly,
        .kwonlycount = kwonly,
        .flags = flags | u->flags,
        .stacksize = stacksize,
        .locs = b.locs,
        .exctab = b.exctab,
        .nexc = (uint32_t)nexc,
        .filename = c->filename_str,
        .doc = u->doc,
        .firstline = firstline,
    };
    code->name = cc_str(c, name, strlen(name));
    // a module's or a lambda's qualname is its name
    code->qualname = u->qualname == name || strcmp(u->qualname, name) == 0 ? code->name : cc_str(c, u->qualname, strlen(u->qualname));
    if (!code->name || !code->qualname) return NULL;
    int32_t last = 0; // runs of instructions share a line (and line 0 is never kept)
    for (size_t i = 0; i < u->n; i++)
        if (u->locs[i].line != last) cc_mark_line(c, last = u->locs[i].line);
    c->u = u->parent;
    return code;
}

// ---- functions, lambdas, comprehensions --------------------------------------------

// A body whose first statement is a string literal has a docstring.
static KrStr *cc_docstring(Compiler *c, const KrAstStmtSeq *body) {
    if (!body->count || body->items[0]->kind != KR_STMT_EXPR) return NULL;
    const KrAstExpr *e = body->items[0]->v.expr.value;
    if (e->kind != KR_EXPR_CONSTANT || e->v.constant.value.kind != KR_AST_STR) return NULL;
    return cc_str(c, e->v.constant.value.data, e->v.constant.value.len);
}

static bool cc_closure(Compiler *c, const KrCode *child) {
    for (uint32_t i = 0; i < child->nfrees; i++) {
        const char *name = child->cellnames[child->ncells + i]->data;
        int32_t idx = cc_cell_index(c->u, name);
        if (idx < 0) return cc_error(c, c->u->loc, "internal compiler error: closure");
        if (!emit(c, KR_OP_LOAD_CLOSURE, idx)) return false;
    }
    return emit(c, KR_OP_BUILD_TUPLE, child->nfrees);
}

// An annotation's value: evaluated, or under `from __future__ import
// annotations` its source text (PEP 563).
static bool cc_annotation(Compiler *c, const KrAstExpr *ann) {
    if (!c->future_annotations) return cc_expr(c, ann);
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    KrUnparseStatus st = kr_unparse_expr_ex(ann, KR_UNPARSE_ANNOTATION, KR_BN_MAX_STR_DIGITS_DEFAULT, &b);
    bool ok = false;
    if (st == KR_UNPARSE_OK) {
        KrStr *s = cc_str(c, b.data ? b.data : "", b.len);
        ok = s && emit_const(c, kr_from_obj(s));
    } else if (st == KR_UNPARSE_INT_LIMIT) {
        cc_error(c, ann->loc, "Exceeds the limit (4300 digits) for integer string conversion");
    } else {
        cc_nomem(c);
    }
    kr_buf_free(&b);
    return ok;
}

static bool cc_annotation_item(Compiler *c, const char *name, const KrAstExpr *ann, size_t *n) {
    if (!ann) return true;
    KrStr *s = cc_str(c, name, strlen(name));
    (*n)++;
    return s && emit_const(c, kr_from_obj(s)) && cc_annotation(c, ann);
}

static bool cc_annotations(Compiler *c, const KrAstArguments *a, const KrAstExpr *returns, bool *any) {
    size_t n = 0;
    for (size_t i = 0; i < a->posonlyargs.count; i++)
        if (!cc_annotation_item(c, a->posonlyargs.items[i]->arg, a->posonlyargs.items[i]->annotation, &n)) return false;
    for (size_t i = 0; i < a->args.count; i++)
        if (!cc_annotation_item(c, a->args.items[i]->arg, a->args.items[i]->annotation, &n)) return false;
    if (a->vararg && !cc_annotation_item(c, a->vararg->arg, a->vararg->annotation, &n)) return false;
    for (size_t i = 0; i < a->kwonlyargs.count; i++)
        if (!cc_annotation_item(c, a->kwonlyargs.items[i]->arg, a->kwonlyargs.items[i]->annotation, &n)) return false;
    if (a->kwarg && !cc_annotation_item(c, a->kwarg->arg, a->kwarg->annotation, &n)) return false;
    if (!cc_annotation_item(c, "return", returns, &n)) return false;
    *any = n > 0;
    return n == 0 || emit(c, KR_OP_BUILD_MAP, (int64_t)n);
}

static bool cc_make_function(Compiler *c, const void *node, const KrAstArguments *args,
                             const char *name, const KrAstStmtSeq *body, const KrAstExpr *lambda_body,
                             KrAstLoc loc) {
    uint32_t flags = 0;
    if (args->defaults.count) {
        for (size_t i = 0; i < args->defaults.count; i++)
            if (!cc_expr(c, args->defaults.items[i])) return false;
        if (!emit(c, KR_OP_BUILD_TUPLE, (int64_t)args->defaults.count)) return false;
        flags |= 1;
    }
    size_t nkw = 0;
    for (size_t i = 0; i < args->kwonlyargs.count; i++) {
        const KrAstExpr *d = args->kw_defaults.items[i];
        if (!d) continue;
        const char *an = args->kwonlyargs.items[i]->arg;
        KrStr *s = cc_str(c, an, strlen(an));
        if (!s || !emit_const(c, kr_from_obj(s)) || !cc_expr(c, d)) return false;
        nkw++;
    }
    if (nkw) {
        if (!emit(c, KR_OP_BUILD_MAP, (int64_t)nkw)) return false;
        flags |= 2;
    }
    if (body) {
        const KrAstStmt *f = node;
        bool any;
        if (!cc_annotations(c, args, f->v.funcdef.returns, &any)) return false;
        if (any) flags |= 8;
    }
    KrScope *scope = cc_child_scope(c, node);
    if (!scope) return cc_error(c, loc, "internal compiler error: missing scope");
    const char *qual = cc_qualname(c, name);
    if (!qual || !cc_enter_unit(c, scope, qual)) return false;
    c->u->loc = loc;
    bool ok;
    if (body) {
        KrStr *doc = cc_docstring(c, body);
        if (doc) c->u->doc = kr_from_obj(doc);
        ok = c->err->kind == KR_SYNERR_NONE && cc_stmts(c, body);
    } else {
        ok = cc_expr(c, lambda_body) && emit(c, KR_OP_RETURN_VALUE, 0);
    }
    if (!ok) return false;
    uint32_t cflags = KR_CODE_NESTED;
    if (args->vararg) cflags |= KR_CODE_VARARGS;
    if (args->kwarg) cflags |= KR_CODE_VARKW;
    KrCode *code = cc_leave_unit(c, name, (uint32_t)(args->posonlyargs.count + args->args.count),
                                 (uint32_t)args->posonlyargs.count, (uint32_t)args->kwonlyargs.count, cflags,
                                 loc.lineno);
    if (!code) return false;
    if (code->nfrees) {
        if (!cc_closure(c, code)) return false;
        flags |= 4;
    }
    return emit_const(c, kr_from_obj(code)) && emit(c, KR_OP_MAKE_FUNCTION, flags);
}

static bool cc_comp_body(Compiler *c, const KrAstExpr *e, const KrAstComprehensionSeq *gens, size_t i) {
    const KrAstComprehension *g = gens->items[i];
    // a failed `if` goes on at `next`, the loop's backward JUMP: only JUMP
    // polls the time budget, so it alone may close a loop
    int32_t start = cc_new_label(c), end = cc_new_label(c), next = cc_new_label(c);
    if (i == 0) {
        if (!emit(c, KR_OP_LOAD_FAST, 0)) return false;
    } else if (!cc_iterable(c, g->iter) || !emit(c, g->is_async ? KR_OP_GET_AITER : KR_OP_GET_ITER, 0)) {
        return false;
    }
    cc_bind(c, start);
    if (g->is_async) {
        // async for: __anext__() awaited; StopAsyncIteration ends the loop
        int32_t handler = cc_new_label(c), after = cc_new_label(c);
        int32_t d = c->u->depth;
        if (cc_push_handler(c, handler, d) < 0) return false;
        if (!emit(c, KR_OP_GET_ANEXT, 0) || !emit(c, KR_OP_GET_AWAITABLE, 0) || !cc_delegate(c)) return false;
        cc_pop_handler(c);
        if (!emit_jump(c, KR_OP_JUMP, after)) return false;
        c->u->depth = d + 1;
        cc_bind(c, handler);
        if (!emit_jump(c, KR_OP_END_ASYNC_FOR, end)) return false;
        c->u->depth = d + 1;
        cc_bind(c, after);
        if (!cc_store(c, g->target)) return false;
    } else if (!emit_jump(c, KR_OP_FOR_ITER, end) || !cc_store(c, g->target)) {
        return false;
    }
    for (size_t k = 0; k < g->ifs.count; k++)
        if (!cc_expr(c, g->ifs.items[k]) || !emit_jump(c, KR_OP_POP_JUMP_IF_FALSE, next)) return false;
    if (i + 1 < gens->count) {
        if (!cc_comp_body(c, e, gens, i + 1)) return false;
    } else {
        int64_t depth = (int64_t)gens->count + 1;
        switch (e->kind) {
        case KR_EXPR_LISTCOMP:
            if (!cc_expr(c, e->v.comp.elt) || !emit(c, KR_OP_LIST_APPEND, depth)) return false;
            break;
        case KR_EXPR_SETCOMP:
            if (!cc_expr(c, e->v.comp.elt) || !emit(c, KR_OP_SET_ADD, depth)) return false;
            break;
        case KR_EXPR_DICTCOMP:
            if (!cc_expr(c, e->v.dictcomp.key) || !cc_expr(c, e->v.dictcomp.value) ||
                !emit(c, KR_OP_MAP_ADD, depth))
                return false;
            break;
        default:
            if (!cc_expr(c, e->v.comp.elt) || (c->u->scope->is_async && !emit(c, KR_OP_ASYNC_GEN_WRAP, 0)) ||
                !emit(c, KR_OP_YIELD_VALUE, 0) || !emit(c, KR_OP_POP_TOP, 0))
                return false;
            break;
        }
    }
    cc_bind(c, next);
    if (!emit_jump(c, KR_OP_JUMP, start)) return false;
    c->u->depth -= 1; // FOR_ITER's exit pops the iterator
    cc_bind(c, end);
    return true;
}

static bool cc_comprehension(Compiler *c, const KrAstExpr *e) {
    const KrAstComprehensionSeq *gens =
        e->kind == KR_EXPR_DICTCOMP ? &e->v.dictcomp.generators : &e->v.comp.generators;
    KrScope *scope = cc_child_scope(c, e);
    if (!scope) return cc_error(c, e->loc, "internal compiler error: missing scope");
    const char *name = scope->name;
    const char *qual = cc_qualname(c, name);
    if (!qual || !cc_enter_unit(c, scope, qual)) return false;
    c->u->loc = e->loc;
    bool ok = true;
    if (e->kind == KR_EXPR_LISTCOMP) ok = emit(c, KR_OP_BUILD_LIST, 0);
    else if (e->kind == KR_EXPR_SETCOMP) ok = emit(c, KR_OP_BUILD_SET, 0);
    else if (e->kind == KR_EXPR_DICTCOMP) ok = emit(c, KR_OP_BUILD_MAP, 0);
    if (!ok || !cc_comp_body(c, e, gens, 0)) return false;
    if (e->kind == KR_EXPR_GENERATOREXP && !emit_const(c, KR_NONE)) return false;
    if (!emit(c, KR_OP_RETURN_VALUE, 0)) return false;
    KrCode *code = cc_leave_unit(c, name, 1, 0, 0, KR_CODE_NESTED, e->loc.lineno);
    if (!code) return false;
    uint32_t flags = 0;
    if (code->nfrees) {
        if (!cc_closure(c, code)) return false;
        flags |= 4;
    }
    if (!emit_const(c, kr_from_obj(code)) || !emit(c, KR_OP_MAKE_FUNCTION, flags) || !emit(c, KR_OP_PUSH_NULL, 0))
        return false;
    bool first_async = gens->items[0]->is_async;
    if (!cc_iterable(c, gens->items[0]->iter) || !emit(c, first_async ? KR_OP_GET_AITER : KR_OP_GET_ITER, 0))
        return false;
    if (!emit(c, KR_OP_CALL, 1)) return false;
    if (!scope->is_async || e->kind == KR_EXPR_GENERATOREXP) return true;
    // an asynchronous list/set/dict comprehension is awaited where it stands
    KrScope *outer = c->u->scope;
    if (!outer->is_async)
        return cc_error(c, e->loc, "asynchronous comprehension outside of an asynchronous function");
    return emit(c, KR_OP_GET_AWAITABLE, 0) && cc_delegate(c);
}

// ---- statements ----------------------------------------------------------------------

static bool cc_unwind(Compiler *c, size_t down_to, bool preserve_tos);

// The decorators' calls, innermost first; an error in one points at its
// `@` line, as in CPython.
static bool cc_apply_decorators(Compiler *c, const KrAstExprSeq *decos) {
    KrAstLoc saved = c->u->loc;
    for (size_t i = decos->count; i > 0; i--) {
        c->u->loc = decos->items[i - 1]->loc;
        if (!emit(c, KR_OP_CALL, 1)) return false;
    }
    c->u->loc = saved;
    return true;
}

// [exit] -> [exit(None, None, None)]
static bool cc_call_exit_none(Compiler *c) {
    return emit(c, KR_OP_PUSH_NULL, 0) && emit_const(c, KR_NONE) && emit_const(c, KR_NONE) &&
           emit_const(c, KR_NONE) && emit(c, KR_OP_CALL, 3);
}

static bool cc_with_items(Compiler *c, const KrAstStmt *s, size_t item) {
    bool async = s->kind == KR_STMT_ASYNCWITH;
    Unit *u = c->u;
    const KrAstWithItem *w = s->v.with.items.items[item];
    int32_t handler = cc_new_label(c), cleanup = cc_new_label(c), suppress = cc_new_label(c), end = cc_new_label(c);
    int32_t d = u->depth; // before the statement
    if (!cc_expr(c, w->context_expr) || !emit(c, async ? KR_OP_BEFORE_ASYNC_WITH : KR_OP_BEFORE_WITH, 0))
        return false; // [exit, value]
    if (async && (!emit(c, KR_OP_GET_AWAITABLE, 0) || !cc_delegate(c))) return false;
    if (!cc_push_fblock(c, async ? FB_ASYNC_WITH : FB_WITH, -1, -1)) return false;
    if (cc_push_handler(c, handler, d + 1) < 0) return false;
    if (w->optional_vars ? !cc_store(c, w->optional_vars) : !emit(c, KR_OP_POP_TOP, 0)) return false;
    bool ok = item + 1 < s->v.with.items.count ? cc_with_items(c, s, item + 1) : cc_stmts(c, &s->v.with.body);
    if (!ok) return false;
    cc_pop_handler(c);
    u->nfblocks--;
    // normal exit: the call consumes the exit method
    if (!cc_call_exit_none(c) || (async && (!emit(c, KR_OP_GET_AWAITABLE, 0) || !cc_delegate(c))) ||
        !emit(c, KR_OP_POP_TOP, 0) || !emit_jump(c, KR_OP_JUMP, end))
        return false;
    // an exception in the body: [exit, exc]
    u->depth = d + 2;
    cc_bind(c, handler);
    if (!emit(c, KR_OP_PUSH_EXC_INFO, 0)) return false; // [exit, prev, exc]
    if (cc_push_handler(c, cleanup, d + 2) < 0) return false;
    if (!emit(c, KR_OP_WITH_EXCEPT_START, async) ||
        (async && (!emit(c, KR_OP_GET_AWAITABLE, 0) || !cc_delegate(c))) ||
        !emit_jump(c, KR_OP_POP_JUMP_IF_TRUE, suppress) || !emit(c, KR_OP_RERAISE, 0))
        return false;
    cc_pop_handler(c);
    u->depth = d + 3;
    cc_bind(c, suppress); // a true __exit__ result swallows the exception
    if (!emit(c, KR_OP_POP_TOP, 0) || !emit(c, KR_OP_POP_EXCEPT, 0) || !emit(c, KR_OP_POP_TOP, 0) ||
        !emit_jump(c, KR_OP_JUMP, end))
        return false;
    u->depth = d + 3;
    cc_bind(c, cleanup);
    if (!emit(c, KR_OP_POP_EXCEPT_RERAISE, 0)) return false;
    u->depth = d;
    cc_bind(c, end);
    return true;
}

static bool cc_async_for(Compiler *c, const KrAstStmt *s) {
    Unit *u = c->u;
    if (!u->scope->is_async) return cc_error(c, s->loc, "'async for' outside async function");
    int32_t start = cc_new_label(c), handler = cc_new_label(c), orelse = cc_new_label(c), end = cc_new_label(c);
    if (!cc_expr(c, s->v.for_.iter) || !emit(c, KR_OP_GET_AITER, 0)) return false;
    int32_t d = u->depth; // with the async iterator
    cc_bind(c, start);
    if (cc_push_handler(c, handler, d) < 0) return false;
    if (!emit(c, KR_OP_GET_ANEXT, 0) || !emit(c, KR_OP_GET_AWAITABLE, 0) || !cc_delegate(c)) return false;
    cc_pop_handler(c);
    if (!cc_store(c, s->v.for_.target)) return false;
    if (!cc_push_fblock(c, FB_FOR, start, end)) return false;
    if (!cc_stmts(c, &s->v.for_.body)) return false;
    u->nfblocks--;
    if (!emit_jump(c, KR_OP_JUMP, start)) return false;
    // __anext__ raised: StopAsyncIteration ends the loop
    u->depth = d + 1;
    cc_bind(c, handler);
    if (!emit_jump(c, KR_OP_END_ASYNC_FOR, orelse)) return false;
    u->depth = d - 1;
    cc_bind(c, orelse);
    if (!cc_stmts(c, &s->v.for_.orelse)) return false;
    cc_bind(c, end);
    return true;
}

static bool cc_funcdef(Compiler *c, const KrAstStmt *s) {
    const KrAstExprSeq *decos = &s->v.funcdef.decorator_list;
    for (size_t i = 0; i < decos->count; i++)
        if (!cc_expr(c, decos->items[i]) || !emit(c, KR_OP_PUSH_NULL, 0)) return false;
    if (!cc_make_function(c, s, s->v.funcdef.args, s->v.funcdef.name, &s->v.funcdef.body, NULL, s->loc))
        return false;
    if (!cc_apply_decorators(c, decos)) return false;
    return cc_name(c, s->v.funcdef.name, NAME_STORE);
}

static bool has_annotations(const KrAstStmtSeq *body) {
    for (size_t i = 0; i < body->count; i++)
        if (body->items[i]->kind == KR_STMT_ANNASSIGN) return true;
    return false;
}

// The class body: a code object run with the class namespace as its
// locals, then handed to __build_class__.
static KrCode *cc_class_body(Compiler *c, const KrAstStmt *s) {
    KrScope *scope = cc_child_scope(c, s);
    if (!scope) return cc_error(c, s->loc, "internal compiler error: missing scope"), NULL;
    const char *qual = cc_qualname(c, s->v.classdef.name);
    if (!qual || !cc_enter_unit(c, scope, qual)) return NULL;
    c->u->loc = s->loc;
    KrStr *qs = cc_str(c, qual, strlen(qual));
    if (!qs || !cc_name(c, "__name__", NAME_LOAD) || !cc_name(c, "__module__", NAME_STORE) ||
        !emit_const(c, kr_from_obj(qs)) || !cc_name(c, "__qualname__", NAME_STORE))
        return NULL;
    // __annotations__ before __doc__, as CPython orders the namespace
    if (has_annotations(&s->v.classdef.body) &&
        (!emit(c, KR_OP_BUILD_MAP, 0) || !cc_name(c, "__annotations__", NAME_STORE)))
        return NULL;
    KrStr *doc = cc_docstring(c, &s->v.classdef.body);
    if (doc && (!emit_const(c, kr_from_obj(doc)) || !cc_name(c, "__doc__", NAME_STORE))) return NULL;
    if (!cc_stmts(c, &s->v.classdef.body)) return NULL;
    int32_t cell = cc_cell_index(c->u, "__class__");
    if (cell >= 0 && (size_t)cell < c->u->ncells) {
        if (!emit(c, KR_OP_LOAD_CLOSURE, cell) || !cc_name(c, "__classcell__", NAME_STORE)) return NULL;
    }
    if (!emit_const(c, KR_NONE) || !emit(c, KR_OP_RETURN_VALUE, 0)) return NULL;
    return cc_leave_unit(c, s->v.classdef.name, 0, 0, 0, KR_CODE_NESTED, s->loc.lineno);
}

static bool cc_class(Compiler *c, const KrAstStmt *s) {
    const KrAstExprSeq *decos = &s->v.classdef.decorator_list;
    for (size_t i = 0; i < decos->count; i++)
        if (!cc_expr(c, decos->items[i]) || !emit(c, KR_OP_PUSH_NULL, 0)) return false;
    if (!emit(c, KR_OP_LOAD_BUILD_CLASS, 0) || !emit(c, KR_OP_PUSH_NULL, 0)) return false;
    KrCode *code = cc_class_body(c, s);
    if (!code) return false;
    uint32_t flags = 0;
    if (code->nfrees) {
        if (!cc_closure(c, code)) return false;
        flags |= 4;
    }
    if (!emit_const(c, kr_from_obj(code)) || !emit(c, KR_OP_MAKE_FUNCTION, flags)) return false;
    KrStr *name = cc_str(c, s->v.classdef.name, strlen(s->v.classdef.name));
    if (!name || !emit_const(c, kr_from_obj(name))) return false;
    // __build_class__(body, name, *bases, **keywords): bases are arguments 3..
    KrAstExprSeq args = s->v.classdef.bases;
    bool dyn = has_starred(&args);
    for (size_t i = 0; i < s->v.classdef.keywords.count; i++)
        if (!s->v.classdef.keywords.items[i]->arg) dyn = true;
    if (dyn) return cc_error(c, s->loc, "star-arguments in class bases are not supported yet");
    if (!cc_call_args(c, &args, &s->v.classdef.keywords, 2)) return false;
    if (!cc_apply_decorators(c, decos)) return false;
    return cc_name(c, s->v.classdef.name, NAME_STORE);
}

// ---- match ----------------------------------------------------------------------------
// A pattern consumes the subject on top of the stack and falls through on
// success or jumps to a failure label. Failures deeper in a pattern have
// more values on the stack: each gets a stub that pops them first.

#define PM_MAX_STUBS 256

typedef struct PatCtx {
    int32_t fail;   // the case's failure label: stack as before the pattern
    int32_t base;   // stack depth at `fail`
    struct {
        int32_t label;
        int32_t pops;
    } stubs[PM_MAX_STUBS];
    size_t nstubs;
} PatCtx;

// A label that pops `pops` values and then fails.
static int32_t pm_fail(Compiler *c, PatCtx *pc, int32_t pops) {
    if (pops == 0) return pc->fail;
    for (size_t i = 0; i < pc->nstubs; i++)
        if (pc->stubs[i].pops == pops) return pc->stubs[i].label;
    if (pc->nstubs >= PM_MAX_STUBS) return cc_error(c, c->u->loc, "too complex pattern"), -1;
    int32_t l = cc_new_label(c);
    pc->stubs[pc->nstubs].label = l;
    pc->stubs[pc->nstubs++].pops = pops;
    return l;
}

static bool pm_emit_stubs(Compiler *c, PatCtx *pc) {
    for (size_t i = 0; i < pc->nstubs; i++) {
        c->u->depth = pc->base + pc->stubs[i].pops;
        cc_bind(c, pc->stubs[i].label);
        for (int32_t k = 0; k < pc->stubs[i].pops; k++)
            if (!emit(c, KR_OP_POP_TOP, 0)) return false;
        if (!emit_jump(c, KR_OP_JUMP, pc->fail)) return false;
    }
    return true;
}

static bool cc_pattern(Compiler *c, const KrAstPattern *p, PatCtx *pc);

// The depth (above pc->base) at the current point: values a failure pops.
static int32_t pm_pending(Compiler *c, PatCtx *pc) { return c->u->depth - pc->base; }

static bool pm_jump_false(Compiler *c, PatCtx *pc) {
    // the bool is popped by the jump itself
    int32_t l = pm_fail(c, pc, pm_pending(c, pc) - 1);
    return l >= 0 && emit_jump(c, KR_OP_POP_JUMP_IF_FALSE, l);
}

static bool pm_subpatterns(Compiler *c, const KrAstPatternSeq *ps, PatCtx *pc) {
    for (size_t i = 0; i < ps->count; i++)
        if (!cc_pattern(c, ps->items[i], pc)) return false;
    return true;
}

static bool pm_sequence(Compiler *c, const KrAstPattern *p, PatCtx *pc) {
    const KrAstPatternSeq *ps = &p->v.sequence.patterns;
    size_t star = SIZE_MAX;
    for (size_t i = 0; i < ps->count; i++)
        if (ps->items[i]->kind == KR_PAT_MATCHSTAR) star = i;
    size_t fixed = star == SIZE_MAX ? ps->count : ps->count - 1;
    if (!emit(c, KR_OP_COPY, 1) || !emit(c, KR_OP_MATCH_SEQUENCE, 0) || !pm_jump_false(c, pc)) return false;
    if (!emit(c, KR_OP_COPY, 1) || !emit(c, KR_OP_GET_LEN, 0) || !emit_const(c, kr_from_small((int64_t)fixed)) ||
        !emit(c, KR_OP_COMPARE_OP, star == SIZE_MAX ? KR_CMP_EQ : KR_CMP_GE) || !pm_jump_false(c, pc))
        return false;
    if (star == SIZE_MAX) {
        if (!emit(c, KR_OP_UNPACK_SEQUENCE, (int64_t)ps->count)) return false;
    } else if (!emit(c, KR_OP_UNPACK_EX, (int64_t)(star | ((ps->count - star - 1) << 8)))) {
        return false;
    }
    return pm_subpatterns(c, ps, pc);
}

static bool pm_mapping(Compiler *c, const KrAstPattern *p, PatCtx *pc) {
    size_t n = p->v.mapping.keys.count;
    if (!emit(c, KR_OP_COPY, 1) || !emit(c, KR_OP_MATCH_MAPPING, 0) || !pm_jump_false(c, pc)) return false;
    if (n == 0 && !p->v.mapping.rest) return emit(c, KR_OP_POP_TOP, 0);
    if (n && (!emit(c, KR_OP_COPY, 1) || !emit(c, KR_OP_GET_LEN, 0) || !emit_const(c, kr_from_small((int64_t)n)) ||
              !emit(c, KR_OP_COMPARE_OP, KR_CMP_GE) || !pm_jump_false(c, pc)))
        return false;
    for (size_t i = 0; i < n; i++)
        if (!cc_expr(c, p->v.mapping.keys.items[i])) return false;
    if (!emit(c, KR_OP_BUILD_TUPLE, (int64_t)n) || !emit(c, KR_OP_MATCH_KEYS, 0) || !emit(c, KR_OP_COPY, 1))
        return false;
    int32_t l = pm_fail(c, pc, pm_pending(c, pc) - 1);
    if (l < 0 || !emit_jump(c, KR_OP_POP_JUMP_IF_NONE, l)) return false;
    if (!emit(c, KR_OP_UNPACK_SEQUENCE, (int64_t)n) || !pm_subpatterns(c, &p->v.mapping.patterns, pc)) return false;
    if (p->v.mapping.rest) return emit(c, KR_OP_DICT_WITHOUT_KEYS, 0) && cc_name(c, p->v.mapping.rest, NAME_STORE);
    return emit(c, KR_OP_POP_TOP, 0) && emit(c, KR_OP_POP_TOP, 0);
}

static bool pm_class(Compiler *c, const KrAstPattern *p, PatCtx *pc) {
    size_t npos = p->v.cls.patterns.count, nkw = p->v.cls.kwd_attrs.count;
    if (nkw > 255) return cc_error(c, p->loc, "too many sub-patterns");
    KrValue names[256];
    for (size_t i = 0; i < nkw; i++) {
        KrStr *s = cc_str(c, p->v.cls.kwd_attrs.items[i], strlen(p->v.cls.kwd_attrs.items[i]));
        if (!s) return false;
        names[i] = kr_from_obj(s);
    }
    if (!emit(c, KR_OP_COPY, 1) || !cc_expr(c, p->v.cls.cls) || !emit_const(c, cc_tuple(c, names, nkw)) ||
        !emit(c, KR_OP_MATCH_CLASS, (int64_t)npos) || !emit(c, KR_OP_COPY, 1))
        return false;
    int32_t l = pm_fail(c, pc, pm_pending(c, pc) - 1);
    if (l < 0 || !emit_jump(c, KR_OP_POP_JUMP_IF_NONE, l)) return false;
    if (!emit(c, KR_OP_UNPACK_SEQUENCE, (int64_t)(npos + nkw))) return false;
    if (!pm_subpatterns(c, &p->v.cls.patterns, pc) || !pm_subpatterns(c, &p->v.cls.kwd_patterns, pc)) return false;
    return emit(c, KR_OP_POP_TOP, 0);
}

static bool pm_or(Compiler *c, const KrAstPattern *p, PatCtx *pc) {
    int32_t ok = cc_new_label(c);
    int32_t depth = c->u->depth;
    const KrAstPatternSeq *ps = &p->v.or_.patterns;
    for (size_t i = 0; i < ps->count; i++) {
        // each alternative fails into the next one, subject still there
        PatCtx alt;
        memset(&alt, 0, sizeof alt);
        alt.fail = cc_new_label(c);
        alt.base = depth;
        c->u->depth = depth;
        if (!emit(c, KR_OP_COPY, 1) || !cc_pattern(c, ps->items[i], &alt) || !emit_jump(c, KR_OP_JUMP, ok) ||
            !pm_emit_stubs(c, &alt))
            return false;
        c->u->depth = depth;
        cc_bind(c, alt.fail);
    }
    int32_t l = pm_fail(c, pc, depth - pc->base);
    if (l < 0 || !emit_jump(c, KR_OP_JUMP, l)) return false;
    c->u->depth = depth;
    cc_bind(c, ok);
    return emit(c, KR_OP_POP_TOP, 0);
}

static bool cc_pattern(Compiler *c, const KrAstPattern *p, PatCtx *pc) {
    KrAstLoc saved;
    if (!cc_enter(c, p->loc, &saved)) return false;
    bool ok;
    switch (p->kind) {
    case KR_PAT_MATCHVALUE:
        ok = cc_expr(c, p->v.value.value) && emit(c, KR_OP_COMPARE_OP, KR_CMP_EQ) && pm_jump_false(c, pc);
        break;
    case KR_PAT_MATCHSINGLETON:
        ok = emit_const(c, cc_const_value(c, &p->v.singleton.value)) && emit(c, KR_OP_IS_OP, 0) &&
             pm_jump_false(c, pc);
        break;
    case KR_PAT_MATCHSEQUENCE: ok = pm_sequence(c, p, pc); break;
    case KR_PAT_MATCHMAPPING: ok = pm_mapping(c, p, pc); break;
    case KR_PAT_MATCHCLASS: ok = pm_class(c, p, pc); break;
    case KR_PAT_MATCHSTAR:
        ok = p->v.star.name ? cc_name(c, p->v.star.name, NAME_STORE) : emit(c, KR_OP_POP_TOP, 0);
        break;
    case KR_PAT_MATCHAS:
        if (p->v.as.pattern) {
            ok = emit(c, KR_OP_COPY, 1) && cc_pattern(c, p->v.as.pattern, pc);
            if (ok) ok = p->v.as.name ? cc_name(c, p->v.as.name, NAME_STORE) : emit(c, KR_OP_POP_TOP, 0);
        } else {
            ok = p->v.as.name ? cc_name(c, p->v.as.name, NAME_STORE) : emit(c, KR_OP_POP_TOP, 0);
        }
        break;
    case KR_PAT_MATCHOR: ok = pm_or(c, p, pc); break;
    default: ok = cc_error(c, p->loc, "unknown pattern"); break;
    }
    cc_leave(c, saved);
    return ok;
}

// ---- match: CPython's compile-time pattern checks ------------------------------------
// An irrefutable pattern anywhere but last, a name bound twice, alternatives
// binding different names, repeated mapping keys or class keywords, two
// stars, and values that are neither literals nor attribute lookups.

typedef struct PmNames {
    const char **v;
    size_t n, cap;
} PmNames;

static bool pm_error(Compiler *c, KrAstLoc loc, const char *fmt, const char *arg) {
    char msg[sizeof c->err->msg];
    snprintf(msg, sizeof msg, fmt, arg);
    return cc_error(c, loc, msg);
}

static bool pm_has(const PmNames *names, const char *name) {
    for (size_t i = 0; i < names->n; i++)
        if (strcmp(names->v[i], name) == 0) return true;
    return false;
}

static bool pm_store(Compiler *c, KrAstLoc loc, const char *name, PmNames *names) {
    if (strcmp(name, "__debug__") == 0) return cc_error(c, loc, "cannot assign to __debug__");
    if (pm_has(names, name)) return pm_error(c, loc, "multiple assignments to name '%s' in pattern", name);
    if (!cc_grow(c, (void **)&names->v, &names->cap, names->n, sizeof *names->v)) return false;
    names->v[names->n++] = name;
    return true;
}

// A numeric key (1, -1.5, 2j, -1+2j, True) folded as CPython's optimizer
// folds it. `exact`: an int (or bool) that fits int64, in *iv.
typedef struct PmNum {
    double re, im;
    int64_t iv;
    bool exact;
} PmNum;

static bool pm_number(const KrAstExpr *e, PmNum *n) {
    bool neg = e->kind == KR_EXPR_UNARYOP && e->v.unaryop.op == KR_AST_USUB;
    if (neg) e = e->v.unaryop.operand;
    if (e->kind != KR_EXPR_CONSTANT) return false;
    const KrAstConst *k = &e->v.constant.value;
    *n = (PmNum){0, 0, 0, false};
    if (k->kind == KR_AST_TRUE || k->kind == KR_AST_FALSE) {
        n->iv = k->kind == KR_AST_TRUE;
    } else if (k->kind == KR_AST_INT) {
        if (!kr_ast_int_to_i64(k, &n->iv)) return false; // beyond int64: pm_key compares its digits
    } else if (k->kind == KR_AST_FLOAT || k->kind == KR_AST_COMPLEX) {
        double v = neg ? -k->num : k->num;
        if (k->kind == KR_AST_FLOAT) n->re = v;
        else n->re = neg ? -0.0 : 0.0, n->im = v;
        return true;
    } else {
        return false;
    }
    n->exact = true;
    n->iv = neg ? -n->iv : n->iv;
    n->re = (double)n->iv;
    return true;
}

// A mapping pattern key's identity as CPython compares keys (numbers by
// value, True == 1 == 1.0; str and bytes by content) into `key`, and the
// repr CPython's error shows into `repr`: 1; 0 for a key that is not
// compared (attribute lookups); -1 when out of memory.
static int pm_key(const KrAstExpr *e, KrBuf *key, KrBuf *repr) {
    PmNum n, im;
    char num[80];
    if (e->kind == KR_EXPR_BINOP && (e->v.binop.op == KR_AST_ADD || e->v.binop.op == KR_AST_SUB) &&
        pm_number(e->v.binop.left, &n) && pm_number(e->v.binop.right, &im)) {
        n.re += e->v.binop.op == KR_AST_ADD ? im.re : -im.re;
        n.im = e->v.binop.op == KR_AST_ADD ? im.im : -im.im;
        n.exact = false;
    } else if (!pm_number(e, &n)) {
        bool neg = e->kind == KR_EXPR_UNARYOP && e->v.unaryop.op == KR_AST_USUB;
        const KrAstExpr *v = neg ? e->v.unaryop.operand : e;
        if (v->kind != KR_EXPR_CONSTANT) return 0;
        const KrAstConst *k = &v->v.constant.value;
        if (k->kind == KR_AST_INT) { // beyond int64: the decimal digits are the identity
            bool ok = (!neg || kr_buf_append_str(repr, "-")) && kr_ast_const_repr(k, repr) &&
                      kr_buf_append_str(key, "I") && kr_buf_append(key, repr->data, repr->len);
            return ok ? 1 : -1;
        }
        bool ok = kr_buf_printf(key, "%d:", (int)k->kind) && kr_buf_append(key, k->data ? k->data : "", k->len) &&
                  kr_ast_const_repr(k, repr);
        return ok ? 1 : -1;
    }
    bool ok;
    if (e->kind == KR_EXPR_CONSTANT) { // a lone constant shows its own repr (True, 1.0)
        ok = kr_ast_const_repr(&e->v.constant.value, repr);
    } else {
        if (n.im != 0 || e->kind == KR_EXPR_BINOP) kr_complex_repr(n.re, n.im, num);
        else if (n.exact) snprintf(num, sizeof num, "%lld", (long long)n.iv);
        else kr_double_repr(n.re, num);
        ok = kr_buf_append_str(repr, num);
    }
    if (n.im != 0) ok = ok && kr_buf_printf(key, "C%a,%a", n.re, n.im);
    else if (n.exact) ok = ok && kr_buf_printf(key, "N%lld", (long long)n.iv);
    else if (n.re == n.re && n.re > -9.2e18 && n.re < 9.2e18 && n.re == (double)(int64_t)n.re)
        ok = ok && kr_buf_printf(key, "N%lld", (long long)n.re);
    else ok = ok && kr_buf_printf(key, "F%a", n.re);
    return ok ? 1 : -1;
}

// Repeated constant keys in one mapping pattern.
static bool pm_mapping_keys(Compiler *c, const KrAstPattern *p) {
    const KrAstExprSeq *keys = &p->v.mapping.keys;
    KrBuf *seen = kr_arena_array(c->tmp, keys->count ? keys->count : 1, sizeof(KrBuf));
    if (!seen) return cc_nomem(c);
    bool ok = true;
    size_t n = 0;
    for (size_t i = 0; i < keys->count && ok; i++) {
        const KrAstExpr *k = keys->items[i];
        if (k->kind == KR_EXPR_JOINEDSTR) {
            ok = cc_error(c, k->loc, "mapping pattern keys may only match literals and attribute lookups");
            break;
        }
        KrBuf repr;
        kr_buf_init(&seen[n], c->tmp->alloc);
        kr_buf_init(&repr, c->tmp->alloc);
        int got = pm_key(k, &seen[n], &repr);
        if (got < 0 || (got && !kr_buf_append(&repr, "", 1))) ok = cc_nomem(c);
        for (size_t j = 0; j < n && ok && got; j++)
            if (seen[j].len == seen[n].len && memcmp(seen[j].data, seen[n].data, seen[n].len) == 0)
                ok = pm_error(c, k->loc, "mapping pattern checks duplicate key (%s)", repr.data);
        kr_buf_free(&repr);
        if (got > 0) n++;
        else kr_buf_free(&seen[n]);
    }
    for (size_t i = 0; i < n; i++) kr_buf_free(&seen[i]);
    return ok;
}

static bool pm_check(Compiler *c, const KrAstPattern *p, bool last_ok, PmNames *names);

static bool pm_check_all(Compiler *c, const KrAstPatternSeq *ps, PmNames *names) {
    for (size_t i = 0; i < ps->count; i++) // subpatterns may always be irrefutable
        if (!pm_check(c, ps->items[i], true, names)) return false;
    return true;
}

// Alternatives bind the same names (checked in any order), each on its own.
static bool pm_check_or(Compiler *c, const KrAstPattern *p, bool last_ok, PmNames *names) {
    const KrAstPatternSeq *ps = &p->v.or_.patterns;
    PmNames first = {0};
    for (size_t i = 0; i < ps->count; i++) {
        PmNames alt = {0};
        if (!pm_check(c, ps->items[i], i + 1 == ps->count && last_ok, &alt)) return false;
        if (i == 0) {
            first = alt;
            continue;
        }
        bool same = alt.n == first.n;
        for (size_t k = 0; k < alt.n && same; k++) same = pm_has(&first, alt.v[k]);
        if (!same) return cc_error(c, ps->items[i]->loc, "alternative patterns bind different names");
    }
    for (size_t k = 0; k < first.n; k++)
        if (!pm_store(c, p->loc, first.v[k], names)) return false;
    return true;
}

// `last_ok`: an irrefutable pattern is allowed here (the last case or
// alternative, a guarded case, or inside a bigger pattern).
static bool pm_check(Compiler *c, const KrAstPattern *p, bool last_ok, PmNames *names) {
    switch (p->kind) {
    case KR_PAT_MATCHVALUE:
        if (p->v.value.value->kind == KR_EXPR_JOINEDSTR)
            return cc_error(c, p->loc, "patterns may only match literals and attribute lookups");
        return true;
    case KR_PAT_MATCHSINGLETON: return true;
    case KR_PAT_MATCHSEQUENCE: {
        size_t stars = 0;
        for (size_t i = 0; i < p->v.sequence.patterns.count; i++)
            stars += p->v.sequence.patterns.items[i]->kind == KR_PAT_MATCHSTAR;
        if (stars > 1) return cc_error(c, p->loc, "multiple starred names in sequence pattern");
        return pm_check_all(c, &p->v.sequence.patterns, names);
    }
    case KR_PAT_MATCHMAPPING:
        if (!pm_mapping_keys(c, p) || !pm_check_all(c, &p->v.mapping.patterns, names)) return false;
        return !p->v.mapping.rest || pm_store(c, p->loc, p->v.mapping.rest, names);
    case KR_PAT_MATCHCLASS: {
        const KrAstIdentSeq *kw = &p->v.cls.kwd_attrs;
        for (size_t i = 0; i < kw->count; i++)
            for (size_t j = 0; j < i; j++)
                if (strcmp(kw->items[i], kw->items[j]) == 0)
                    return pm_error(c, p->v.cls.kwd_patterns.items[i]->loc,
                                    "attribute name repeated in class pattern: %s", kw->items[i]);
        return pm_check_all(c, &p->v.cls.patterns, names) && pm_check_all(c, &p->v.cls.kwd_patterns, names);
    }
    case KR_PAT_MATCHSTAR: return !p->v.star.name || pm_store(c, p->loc, p->v.star.name, names);
    case KR_PAT_MATCHAS:
        if (p->v.as.pattern) {
            if (!pm_check(c, p->v.as.pattern, last_ok, names)) return false;
        } else if (!last_ok) {
            if (!p->v.as.name) return cc_error(c, p->loc, "wildcard makes remaining patterns unreachable");
            return pm_error(c, p->loc, "name capture '%s' makes remaining patterns unreachable", p->v.as.name);
        }
        return !p->v.as.name || pm_store(c, p->loc, p->v.as.name, names);
    case KR_PAT_MATCHOR: return pm_check_or(c, p, last_ok, names);
    }
    return true;
}

static bool cc_match(Compiler *c, const KrAstStmt *s) {
    Unit *u = c->u;
    int32_t end = cc_new_label(c);
    if (!cc_expr(c, s->v.match.subject)) return false;
    int32_t depth = u->depth; // with the subject
    for (size_t i = 0; i < s->v.match.cases.count; i++) {
        const KrAstMatchCase *mc = s->v.match.cases.items[i];
        PmNames names = {0};
        if (!pm_check(c, mc->pattern, mc->guard || i + 1 == s->v.match.cases.count, &names)) return false;
        PatCtx *pc = kr_arena_alloc(c->tmp, sizeof *pc);
        if (!pc) return cc_nomem(c);
        pc->fail = cc_new_label(c);
        pc->base = depth;
        u->depth = depth;
        if (!emit(c, KR_OP_COPY, 1) || !cc_pattern(c, mc->pattern, pc)) return false;
        if (mc->guard && (!cc_expr(c, mc->guard) || !emit_jump(c, KR_OP_POP_JUMP_IF_FALSE, pc->fail))) return false;
        // the body runs with the subject still on the stack
        if (!cc_push_fblock(c, FB_POP_VALUE, -1, -1)) return false;
        if (!cc_stmts(c, &mc->body)) return false;
        u->nfblocks--;
        if (!emit_jump(c, KR_OP_JUMP, end) || !pm_emit_stubs(c, pc)) return false;
        u->depth = depth;
        cc_bind(c, pc->fail);
    }
    u->depth = depth;
    cc_bind(c, end);
    return emit(c, KR_OP_POP_TOP, 0);
}

// One instruction at `loc` instead of the current location.
static bool emit_at(Compiler *c, KrAstLoc loc, KrOpcode op, int64_t arg) {
    KrAstLoc saved = c->u->loc;
    c->u->loc = loc;
    bool ok = emit(c, op, arg);
    c->u->loc = saved;
    return ok;
}

static bool cc_augassign(Compiler *c, const KrAstStmt *s) {
    const KrAstExpr *t = s->v.augassign.target;
    int64_t op = binop_map[s->v.augassign.op] + 16;
    KrAstLoc stmt = c->u->loc;
    switch (t->kind) {
    // the target's load and store carry its location (a traceback marks
    // `x[k]` in `x[k] += 1`, `n` in `n += 1`), the operation the statement's
    case KR_EXPR_NAME: {
        c->u->loc = t->loc;
        bool ok = cc_name(c, t->v.name.id, NAME_LOAD);
        c->u->loc = stmt;
        ok = ok && cc_expr(c, s->v.augassign.value) && emit(c, KR_OP_BINARY_OP, op);
        c->u->loc = t->loc;
        ok = ok && cc_name(c, t->v.name.id, NAME_STORE);
        c->u->loc = stmt;
        return ok;
    }
    case KR_EXPR_ATTRIBUTE: {
        int32_t i = cc_attr_name(c, t->v.attribute.attr);
        return i >= 0 && cc_expr(c, t->v.attribute.value) && emit(c, KR_OP_COPY, 1) &&
               emit_at(c, t->loc, KR_OP_LOAD_ATTR, i) && cc_expr(c, s->v.augassign.value) &&
               emit(c, KR_OP_BINARY_OP, op) && emit(c, KR_OP_SWAP, 2) && emit_at(c, t->loc, KR_OP_STORE_ATTR, i);
    }
    case KR_EXPR_SUBSCRIPT:
        return cc_expr(c, t->v.subscript.value) && cc_expr(c, t->v.subscript.slice) && emit(c, KR_OP_COPY, 2) &&
               emit(c, KR_OP_COPY, 2) && emit_at(c, t->loc, KR_OP_BINARY_SUBSCR, 0) &&
               cc_expr(c, s->v.augassign.value) && emit(c, KR_OP_BINARY_OP, op) && emit(c, KR_OP_SWAP, 3) &&
               emit(c, KR_OP_SWAP, 2) && emit_at(c, t->loc, KR_OP_STORE_SUBSCR, 0);
    default: return cc_error(c, t->loc, "'expression' is an illegal expression for augmented assignment");
    }
}

static bool cc_annassign(Compiler *c, const KrAstStmt *s) {
    const KrAstExpr *t = s->v.annassign.target;
    if (s->v.annassign.value && (!cc_expr(c, s->v.annassign.value) || !cc_store(c, t))) return false;
    if (c->u->scope->kind == KR_SCOPE_FUNCTION) return true;
    if (t->kind == KR_EXPR_NAME && s->v.annassign.simple) {
        // __annotations__[name] = annotation (module level)
        KrStr *key = cc_str(c, t->v.name.id, strlen(t->v.name.id));
        return key && cc_annotation(c, s->v.annassign.annotation) && cc_name(c, "__annotations__", NAME_LOAD) &&
               emit_const(c, kr_from_obj(key)) && emit(c, KR_OP_STORE_SUBSCR, 0);
    }
    if (!cc_annotation(c, s->v.annassign.annotation)) return false;
    return emit(c, KR_OP_POP_TOP, 0);
}

static bool cc_if(Compiler *c, const KrAstStmt *s) {
    int32_t orelse = cc_new_label(c), end = cc_new_label(c);
    if (!cc_expr(c, s->v.if_.test) || !emit_jump(c, KR_OP_POP_JUMP_IF_FALSE, orelse)) return false;
    if (!cc_stmts(c, &s->v.if_.body)) return false;
    if (s->v.if_.orelse.count) {
        if (!emit_jump(c, KR_OP_JUMP, end)) return false;
        cc_bind(c, orelse);
        if (!cc_stmts(c, &s->v.if_.orelse)) return false;
    } else {
        cc_bind(c, orelse);
    }
    cc_bind(c, end);
    return true;
}

static bool is_true_const(const KrAstExpr *e) {
    if (e->kind != KR_EXPR_CONSTANT) return false;
    const KrAstConst *k = &e->v.constant.value;
    if (k->kind == KR_AST_TRUE) return true;
    if (k->kind == KR_AST_INT) return !(k->len == 1 && k->data[0] == '0');
    return false;
}

static bool cc_while(Compiler *c, const KrAstStmt *s) {
    int32_t start = cc_new_label(c), orelse = cc_new_label(c), end = cc_new_label(c);
    cc_bind(c, start);
    if (!is_true_const(s->v.while_.test)) {
        if (!cc_expr(c, s->v.while_.test) || !emit_jump(c, KR_OP_POP_JUMP_IF_FALSE, orelse)) return false;
    }
    if (!cc_push_fblock(c, FB_WHILE, start, end)) return false;
    if (!cc_stmts(c, &s->v.while_.body)) return false;
    c->u->nfblocks--;
    if (!emit_jump(c, KR_OP_JUMP, start)) return false;
    cc_bind(c, orelse);
    if (!cc_stmts(c, &s->v.while_.orelse)) return false;
    cc_bind(c, end);
    return true;
}

static bool cc_for(Compiler *c, const KrAstStmt *s) {
    if (s->kind == KR_STMT_ASYNCFOR) return cc_async_for(c, s);
    int32_t start = cc_new_label(c), cleanup = cc_new_label(c), end = cc_new_label(c);
    if (!cc_iterable(c, s->v.for_.iter) || !emit(c, KR_OP_GET_ITER, 0)) return false;
    cc_bind(c, start);
    if (!emit_jump(c, KR_OP_FOR_ITER, cleanup) || !cc_store(c, s->v.for_.target)) return false;
    if (!cc_push_fblock(c, FB_FOR, start, end)) return false;
    if (!cc_stmts(c, &s->v.for_.body)) return false;
    c->u->nfblocks--;
    if (!emit_jump(c, KR_OP_JUMP, start)) return false;
    c->u->depth -= 1;
    cc_bind(c, cleanup);
    if (!cc_stmts(c, &s->v.for_.orelse)) return false;
    cc_bind(c, end);
    return true;
}

static bool cc_loop_jump(Compiler *c, const KrAstStmt *s, bool is_break) {
    Unit *u = c->u;
    size_t i = u->nfblocks;
    while (i > 0 && u->fblocks[i - 1].kind != FB_WHILE && u->fblocks[i - 1].kind != FB_FOR) i--;
    if (i == 0) return cc_error(c, s->loc, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    FBlock *loop = &u->fblocks[i - 1];
    int32_t saved_depth = u->depth;
    size_t saved_h = u->nhstack;
    if (!cc_unwind(c, i, false)) return false;
    if (is_break && loop->kind == FB_FOR && !emit(c, KR_OP_POP_TOP, 0)) return false;
    bool ok = emit_jump(c, KR_OP_JUMP, is_break ? loop->label_exit : loop->label_start);
    u->depth = saved_depth;
    u->nhstack = saved_h;
    return ok;
}

static bool cc_return(Compiler *c, const KrAstStmt *s) {
    Unit *u = c->u;
    if (u->scope->kind != KR_SCOPE_FUNCTION) return cc_error(c, s->loc, "'return' outside function");
    if (u->scope->is_async && u->scope->is_generator && s->v.return_.value)
        return cc_error(c, s->loc, "'return' with value in async generator");
    if (s->v.return_.value ? !cc_expr(c, s->v.return_.value) : !emit_const(c, KR_NONE)) return false;
    int32_t saved_depth = u->depth;
    size_t saved_h = u->nhstack;
    if (!cc_unwind(c, 0, true)) return false;
    bool ok = emit(c, KR_OP_RETURN_VALUE, 0);
    u->depth = saved_depth - 1;
    u->nhstack = saved_h;
    return ok;
}

// Emits the clean-up of every fblock above `down_to`, innermost first:
// finally bodies run inline, handlers restore the exception state, for-
// loops drop their iterator. The return value (if any) stays on top.
static bool cc_unwind(Compiler *c, size_t down_to, bool preserve_tos) {
    Unit *u = c->u;
    size_t saved_n = u->nfblocks;
    bool ok = true;
    while (ok && u->nfblocks > down_to) {
        FBlock fb = u->fblocks[u->nfblocks - 1];
        u->nfblocks--;
        // code emitted for this exit runs outside the block's handler
        u->nhstack = fb.hbefore;
        switch (fb.kind) {
        case FB_WHILE:
        case FB_TRY_EXCEPT: break;
        case FB_FOR:
            if (preserve_tos) ok = emit(c, KR_OP_SWAP, 2);
            ok = ok && emit(c, KR_OP_POP_TOP, 0);
            break;
        case FB_FINALLY_TRY:
            // a break/continue in the finally body drops the value being
            // returned (CPython's rule): it sits in a POP_VALUE block
            if (preserve_tos) ok = cc_push_fblock(c, FB_POP_VALUE, -1, -1);
            ok = ok && cc_stmts(c, fb.finalbody);
            if (preserve_tos) u->nfblocks--;
            break;
        case FB_FINALLY_END:
            if (preserve_tos) ok = emit(c, KR_OP_SWAP, 2) && emit(c, KR_OP_POP_TOP, 0) && emit(c, KR_OP_SWAP, 2);
            else ok = emit(c, KR_OP_POP_TOP, 0);
            ok = ok && emit(c, KR_OP_POP_EXCEPT, 0);
            break;
        case FB_HANDLER:
        case FB_HANDLER_NAMED:
            if (preserve_tos) ok = emit(c, KR_OP_SWAP, 2);
            ok = ok && emit(c, KR_OP_POP_EXCEPT, 0);
            if (ok && fb.kind == FB_HANDLER_NAMED)
                ok = emit_const(c, KR_NONE) && cc_name(c, fb.name, NAME_STORE) && cc_name(c, fb.name, NAME_DEL);
            break;
        case FB_POP_VALUE:
            if (preserve_tos) ok = emit(c, KR_OP_SWAP, 2);
            ok = ok && emit(c, KR_OP_POP_TOP, 0);
            break;
        case FB_WITH:
        case FB_ASYNC_WITH:
            // leaving a with block early: __exit__(None, None, None)
            if (preserve_tos) ok = emit(c, KR_OP_SWAP, 2);
            ok = ok && cc_call_exit_none(c);
            if (ok && fb.kind == FB_ASYNC_WITH) ok = emit(c, KR_OP_GET_AWAITABLE, 0) && cc_delegate(c);
            ok = ok && emit(c, KR_OP_POP_TOP, 0);
            break;
        }
        // a finally body compiled above may have pushed blocks into this
        // slot: put the block back for the code after this exit
        u->fblocks[u->nfblocks] = fb;
    }
    u->nfblocks = saved_n;
    return ok;
}

static FBlock *cc_top_fblock(Compiler *c) { return &c->u->fblocks[c->u->nfblocks - 1]; }

// except clauses: entered at `handler` with [.., exc] on the stack.
static bool cc_except_clauses(Compiler *c, const KrAstStmt *s, int32_t end, int32_t depth) {
    Unit *u = c->u;
    int32_t cleanup = cc_new_label(c);
    u->depth = depth + 1;
    if (!emit(c, KR_OP_PUSH_EXC_INFO, 0)) return false; // [prev, exc]
    size_t hbase = u->nhstack;
    if (cc_push_handler(c, cleanup, depth + 1) < 0) return false;
    const KrAstExceptHandlerSeq *hs = &s->v.try_.handlers;
    for (size_t i = 0; i < hs->count; i++) {
        const KrAstExceptHandler *h = hs->items[i];
        KrAstLoc saved = u->loc;
        u->loc = h->loc;
        if (!h->type && i + 1 < hs->count) return cc_error(c, h->loc, "default 'except:' must be last");
        int32_t next = cc_new_label(c);
        if (h->type) {
            if (!cc_expr(c, h->type) || !emit(c, KR_OP_CHECK_EXC_MATCH, 0) ||
                !emit_jump(c, KR_OP_POP_JUMP_IF_FALSE, next))
                return false;
        }
        if (h->name) {
            int32_t named_cleanup = cc_new_label(c);
            if (!cc_name(c, h->name, NAME_STORE)) return false; // [prev]
            if (!cc_push_fblock(c, FB_HANDLER_NAMED, -1, -1)) return false;
            cc_top_fblock(c)->name = h->name;
            cc_top_fblock(c)->hbefore = hbase;
            if (cc_push_handler(c, named_cleanup, depth + 1) < 0) return false;
            if (!cc_stmts(c, &h->body)) return false;
            cc_pop_handler(c);
            u->nfblocks--;
            // once POP_EXCEPT has dropped the saved exc_info, the unbinding
            // runs outside this try's clean-up handler (as in CPython): that
            // handler expects the saved exc_info still on the stack
            size_t inner = u->nhstack;
            u->nhstack = hbase;
            if (!emit(c, KR_OP_POP_EXCEPT, 0) || !emit_const(c, KR_NONE) || !cc_name(c, h->name, NAME_STORE) ||
                !cc_name(c, h->name, NAME_DEL) || !emit_jump(c, KR_OP_JUMP, end))
                return false;
            u->nhstack = inner;
            // an exception inside the named clause: unbind the name, then
            // restore the outer exception state and propagate
            // (emitted outside this try's own clean-up handler)
            u->depth = depth + 2;
            size_t nh = u->nhstack;
            u->nhstack = hbase;
            cc_bind(c, named_cleanup);
            if (!emit_const(c, KR_NONE) || !cc_name(c, h->name, NAME_STORE) || !cc_name(c, h->name, NAME_DEL) ||
                !emit(c, KR_OP_POP_EXCEPT_RERAISE, 0))
                return false;
            u->nhstack = nh;
        } else {
            if (!emit(c, KR_OP_POP_TOP, 0)) return false; // [prev]
            if (!cc_push_fblock(c, FB_HANDLER, -1, -1)) return false;
            cc_top_fblock(c)->hbefore = hbase;
            if (!cc_stmts(c, &h->body)) return false;
            u->nfblocks--;
            if (!emit(c, KR_OP_POP_EXCEPT, 0) || !emit_jump(c, KR_OP_JUMP, end)) return false;
        }
        u->depth = depth + 2; // [prev, exc] at the next clause
        cc_bind(c, next);
        u->loc = saved;
    }
    if (!emit(c, KR_OP_RERAISE, 0)) return false; // no clause matched
    cc_pop_handler(c);
    u->depth = depth + 2;
    cc_bind(c, cleanup);
    if (!emit(c, KR_OP_POP_EXCEPT_RERAISE, 0)) return false;
    u->depth = depth;
    return true;
}

static bool cc_try_except(Compiler *c, const KrAstStmt *s) {
    Unit *u = c->u;
    int32_t handler = cc_new_label(c), end = cc_new_label(c);
    int32_t depth = u->depth;
    if (!cc_push_fblock(c, FB_TRY_EXCEPT, -1, -1)) return false;
    if (cc_push_handler(c, handler, depth) < 0) return false;
    if (!cc_stmts(c, &s->v.try_.body)) return false;
    cc_pop_handler(c);
    u->nfblocks--;
    if (!cc_stmts(c, &s->v.try_.orelse) || !emit_jump(c, KR_OP_JUMP, end)) return false;
    cc_bind(c, handler);
    if (!cc_except_clauses(c, s, end, depth)) return false;
    u->depth = depth;
    cc_bind(c, end);
    return true;
}

static bool cc_try_finally(Compiler *c, const KrAstStmt *s) {
    Unit *u = c->u;
    int32_t handler = cc_new_label(c), cleanup = cc_new_label(c), end = cc_new_label(c);
    int32_t depth = u->depth;
    if (!cc_push_fblock(c, FB_FINALLY_TRY, -1, -1)) return false;
    cc_top_fblock(c)->finalbody = &s->v.try_.finalbody;
    if (cc_push_handler(c, handler, depth) < 0) return false;
    bool ok = s->v.try_.handlers.count ? cc_try_except(c, s) : cc_stmts(c, &s->v.try_.body);
    if (!ok) return false;
    cc_pop_handler(c);
    u->nfblocks--;
    if (!cc_stmts(c, &s->v.try_.finalbody) || !emit_jump(c, KR_OP_JUMP, end)) return false;
    // exceptional path: run the finally body with the exception saved
    u->depth = depth + 1;
    cc_bind(c, handler);
    if (!emit(c, KR_OP_PUSH_EXC_INFO, 0)) return false;
    if (!cc_push_fblock(c, FB_FINALLY_END, -1, -1)) return false;
    if (cc_push_handler(c, cleanup, depth + 1) < 0) return false;
    if (!cc_stmts(c, &s->v.try_.finalbody)) return false;
    u->nfblocks--;
    if (!emit(c, KR_OP_RERAISE, 0)) return false;
    cc_pop_handler(c);
    u->depth = depth + 2;
    cc_bind(c, cleanup);
    if (!emit(c, KR_OP_POP_EXCEPT_RERAISE, 0)) return false;
    u->depth = depth;
    cc_bind(c, end);
    return true;
}

static bool cc_try(Compiler *c, const KrAstStmt *s) {
    if (s->kind == KR_STMT_TRYSTAR) return emit_unsupported_stmt(c, "'except*' is not supported yet");
    if (s->v.try_.finalbody.count) return cc_try_finally(c, s);
    return cc_try_except(c, s);
}

static bool cc_raise(Compiler *c, const KrAstStmt *s) {
    int n = 0;
    if (s->v.raise.exc) {
        if (!cc_expr(c, s->v.raise.exc)) return false;
        n = 1;
        if (s->v.raise.cause) {
            if (!cc_expr(c, s->v.raise.cause)) return false;
            n = 2;
        }
    }
    return emit(c, KR_OP_RAISE, n);
}

// Where CPython 3.11 places a failed assert's raise: at the last
// comparison its test evaluates (through and/or/not/if-else), else at
// the statement; a traceback marks that comparison.
static const KrAstExpr *assert_site(const KrAstExpr *e, const KrAstExpr *cur) {
    switch (e->kind) {
    case KR_EXPR_COMPARE: return e;
    case KR_EXPR_BOOLOP:
        for (size_t i = 0; i < e->v.boolop.values.count; i++) cur = assert_site(e->v.boolop.values.items[i], cur);
        return cur;
    case KR_EXPR_UNARYOP: return e->v.unaryop.op == KR_AST_NOT ? assert_site(e->v.unaryop.operand, cur) : cur;
    case KR_EXPR_IFEXP:
        cur = assert_site(e->v.ifexp.test, cur);
        return assert_site(e->v.ifexp.orelse, assert_site(e->v.ifexp.body, cur));
    default: return cur;
    }
}

static bool cc_assert(Compiler *c, const KrAstStmt *s) {
    int32_t end = cc_new_label(c);
    if (!cc_expr(c, s->v.assert_.test) || !emit_jump(c, KR_OP_POP_JUMP_IF_TRUE, end)) return false;
    const KrAstExpr *site = assert_site(s->v.assert_.test, NULL);
    KrAstLoc saved;
    if (!cc_enter(c, site ? site->loc : s->loc, &saved)) return false;
    bool ok = emit(c, KR_OP_LOAD_ASSERTION_ERROR, 0);
    if (ok && s->v.assert_.msg)
        ok = emit(c, KR_OP_PUSH_NULL, 0) && cc_expr(c, s->v.assert_.msg) && emit(c, KR_OP_CALL, 1);
    ok = ok && emit(c, KR_OP_RAISE, 1);
    cc_leave(c, saved);
    if (!ok) return false;
    cc_bind(c, end);
    return true;
}

static bool cc_import(Compiler *c, const KrAstStmt *s) {
    for (size_t i = 0; i < s->v.import.names.count; i++) {
        const KrAstAlias *a = s->v.import.names.items[i];
        int32_t n = cc_add_name(c, a->name);
        if (n < 0 || n > 0x7FFFFF) return cc_error(c, s->loc, "too many names");
        if (a->asname) {
            if (!emit(c, KR_OP_IMPORT_NAME, n) || !cc_name(c, a->asname, NAME_STORE)) return false;
            continue;
        }
        // `import a.b` binds the top package `a`
        const char *dot = strchr(a->name, '.');
        const char *top = dot ? kr_arena_strndup(c->tmp, a->name, (size_t)(dot - a->name)) : a->name;
        if (!top) return cc_nomem(c);
        if (!emit(c, KR_OP_IMPORT_NAME, n | (dot ? 0x800000 : 0)) || !cc_name(c, top, NAME_STORE)) return false;
    }
    return true;
}

static bool cc_import_from(Compiler *c, const KrAstStmt *s) {
    const char *mod = s->v.importfrom.module;
    if (mod && strcmp(mod, "__future__") == 0 && s->v.importfrom.level == 0)
        return true; // checked (and recorded) by cc_future before compiling
    if (s->v.importfrom.level > 0) {
        // krait runs single scripts: there is never a parent package
        KrStr *msg = cc_str(c, "attempted relative import with no known parent package", 54);
        int32_t e = cc_add_name(c, "ImportError");
        return msg && e >= 0 && emit(c, KR_OP_LOAD_GLOBAL, e) && emit(c, KR_OP_PUSH_NULL, 0) &&
               emit_const(c, kr_from_obj(msg)) && emit(c, KR_OP_CALL, 1) && emit(c, KR_OP_RAISE, 1);
    }
    int32_t n = cc_add_name(c, mod);
    if (n < 0 || n > 0x7FFFFF || !emit(c, KR_OP_IMPORT_NAME, n)) return false;
    const KrAstAliasSeq *names = &s->v.importfrom.names;
    if (names->count == 1 && strcmp(names->items[0]->name, "*") == 0) return emit(c, KR_OP_IMPORT_STAR, 0);
    for (size_t i = 0; i < names->count; i++) {
        const KrAstAlias *a = names->items[i];
        int32_t k = cc_add_name(c, a->name);
        if (k < 0 || !emit(c, KR_OP_IMPORT_FROM, k) || !cc_name(c, a->asname ? a->asname : a->name, NAME_STORE))
            return false;
    }
    return emit(c, KR_OP_POP_TOP, 0);
}

static bool cc_stmt_inner(Compiler *c, const KrAstStmt *s) {
    switch (s->kind) {
    case KR_STMT_FUNCTIONDEF:
    case KR_STMT_ASYNCFUNCTIONDEF: return cc_funcdef(c, s);
    case KR_STMT_CLASSDEF: return cc_class(c, s);
    case KR_STMT_RETURN: return cc_return(c, s);
    case KR_STMT_DELETE:
        for (size_t i = 0; i < s->v.delete_.targets.count; i++)
            if (!cc_delete(c, s->v.delete_.targets.items[i])) return false;
        return true;
    case KR_STMT_ASSIGN: {
        if (!cc_expr(c, s->v.assign.value)) return false;
        size_t n = s->v.assign.targets.count;
        for (size_t i = 0; i < n; i++) {
            if (i + 1 < n && !emit(c, KR_OP_COPY, 1)) return false;
            if (!cc_store(c, s->v.assign.targets.items[i])) return false;
        }
        return true;
    }
    case KR_STMT_AUGASSIGN: return cc_augassign(c, s);
    case KR_STMT_ANNASSIGN: return cc_annassign(c, s);
    case KR_STMT_FOR:
    case KR_STMT_ASYNCFOR: return cc_for(c, s);
    case KR_STMT_WHILE: return cc_while(c, s);
    case KR_STMT_IF: return cc_if(c, s);
    case KR_STMT_WITH: return cc_with_items(c, s, 0);
    case KR_STMT_ASYNCWITH:
        if (!c->u->scope->is_async) return cc_error(c, s->loc, "'async with' outside async function");
        return cc_with_items(c, s, 0);
    case KR_STMT_MATCH: return cc_match(c, s);
    case KR_STMT_RAISE: return cc_raise(c, s);
    case KR_STMT_TRY:
    case KR_STMT_TRYSTAR: return cc_try(c, s);
    case KR_STMT_ASSERT: return cc_assert(c, s);
    case KR_STMT_IMPORT: return cc_import(c, s);
    case KR_STMT_IMPORTFROM: return cc_import_from(c, s);
    case KR_STMT_GLOBAL:
    case KR_STMT_NONLOCAL:
    case KR_STMT_PASS: return true;
    case KR_STMT_EXPR: return cc_expr(c, s->v.expr.value) && emit(c, KR_OP_POP_TOP, 0);
    case KR_STMT_BREAK: return cc_loop_jump(c, s, true);
    case KR_STMT_CONTINUE: return cc_loop_jump(c, s, false);
    }
    return cc_error(c, s->loc, "unknown statement");
}

static bool cc_stmt(Compiler *c, const KrAstStmt *s) {
    KrAstLoc saved;
    if (!cc_enter(c, s->loc, &saved)) return false;
    bool ok = cc_stmt_inner(c, s);
    cc_leave(c, saved);
    return ok;
}

static bool cc_stmts(Compiler *c, const KrAstStmtSeq *s) {
    for (size_t i = 0; i < s->count; i++)
        if (!cc_stmt(c, s->items[i])) return false;
    return true;
}

static bool is_future_import(const KrAstStmt *s) {
    return s->kind == KR_STMT_IMPORTFROM && s->v.importfrom.module && s->v.importfrom.level == 0 &&
           strcmp(s->v.importfrom.module, "__future__") == 0;
}

// __future__ imports: only at the top (after a docstring), only known
// features; `annotations` switches annotations to strings.
static bool cc_future(Compiler *c, const KrAstModule *m) {
    static const char *const features[] = {"nested_scopes", "generators", "division", "absolute_import",
                                           "with_statement", "print_function", "unicode_literals",
                                           "barry_as_FLUFL", "generator_stop", "annotations"};
    bool prefix = true;
    for (size_t i = 0; i < m->body.count; i++) {
        const KrAstStmt *s = m->body.items[i];
        if (!is_future_import(s)) {
            bool docstring = i == 0 && s->kind == KR_STMT_EXPR && s->v.expr.value->kind == KR_EXPR_CONSTANT &&
                             s->v.expr.value->v.constant.value.kind == KR_AST_STR;
            if (!docstring) prefix = false;
            continue;
        }
        if (!prefix) return cc_error(c, s->loc, "from __future__ imports must occur at the beginning of the file");
        for (size_t k = 0; k < s->v.importfrom.names.count; k++) {
            const char *f = s->v.importfrom.names.items[k]->name;
            bool known = false;
            for (size_t j = 0; j < sizeof features / sizeof features[0]; j++) known |= strcmp(f, features[j]) == 0;
            if (strcmp(f, "braces") == 0) return cc_error(c, s->loc, "not a chance");
            if (!known) {
                char msg[200];
                snprintf(msg, sizeof msg, "future feature %s is not defined", f);
                return cc_error(c, s->loc, msg);
            }
            if (strcmp(f, "annotations") == 0) c->future_annotations = true;
        }
    }
    return true;
}

static bool has_module_annotations(const KrAstModule *m) {
    for (size_t i = 0; i < m->body.count; i++)
        if (m->body.items[i]->kind == KR_STMT_ANNASSIGN) return true;
    return false;
}

// The module: like a notebook cell, a final expression statement's value
// is the run's result.
static KrCode *cc_module(Compiler *c, const KrAstModule *m, KrScope *top) {
    if (!cc_enter_unit(c, top, "<module>")) return NULL;
    c->u->loc = (KrAstLoc){1, 0, 1, 0};
    if (!cc_future(c, m)) return NULL;
    KrStr *doc = cc_docstring(c, &m->body);
    if (doc) {
        int32_t i = cc_add_name(c, "__doc__");
        if (i < 0 || !emit_const(c, kr_from_obj(doc)) || !emit(c, KR_OP_STORE_GLOBAL, i)) return NULL;
    }
    if (has_module_annotations(m)) {
        int32_t i = cc_add_name(c, "__annotations__");
        if (i < 0 || !emit(c, KR_OP_BUILD_MAP, 0) || !emit(c, KR_OP_STORE_GLOBAL, i)) return NULL;
    }
    size_t n = m->body.count;
    for (size_t i = 0; i < n; i++) {
        const KrAstStmt *s = m->body.items[i];
        if (i + 1 == n && s->kind == KR_STMT_EXPR) {
            KrAstLoc saved;
            if (!cc_enter(c, s->loc, &saved) || !cc_expr(c, s->v.expr.value) || !emit(c, KR_OP_RETURN_VALUE, 0))
                return NULL;
            cc_leave(c, saved);
        } else if (!cc_stmt(c, s)) {
            return NULL;
        }
    }
    return cc_leave_unit(c, "<module>", 0, 0, 0, KR_CODE_MODULE, 1);
}

// The lines of src (split at '\n', as kr_source_line does).
static size_t cc_count_lines(const char *src, size_t len) {
    size_t n = 1;
    for (const char *q = src; (q = memchr(q, '\n', (size_t)(src + len - q))) != NULL; q++) n++;
    return n;
}

// The program keeps only what a traceback can show: the lines that code
// starts on, without trailing blanks (comments, blank lines and docstring
// bodies are dropped; line numbers stay). Indentation stays: the column
// markers under a traceback line count from the line's start.
static char *cc_kept_source(const Compiler *c, const char *src, size_t len, size_t *outlen) {
    char *out = kr_arena_alloc_uninit(c->arena, len + 1);
    if (!out) return NULL;
    size_t n = 0, last = 0; // last: length up to the last kept line
    const char *q = src, *end = src + len;
    for (size_t line = 0; line < c->nlines; line++) {
        const char *e = memchr(q, '\n', (size_t)(end - q));
        if (!e) e = end;
        if (c->line_used[line]) {
            const char *a = q, *b = e;
            if (b > a && b[-1] == '\r') b--; // a CRLF line (trailing blanks stay: tracebacks show them)
            memcpy(out + n, a, (size_t)(b - a));
            n += (size_t)(b - a);
            last = n;
        }
        if (e == end) break;
        out[n++] = '\n';
        q = e + 1;
    }
    out[last] = 0;
    *outlen = last;
    return out;
}

// Scratch room on the C stack for the parser, the symbol table and the
// compiler's working arrays: a small program compiles with one allocation.
#define CC_TMP_INLINE 8192

KrProgram *kr_compile(KrAllocator alloc, const char *src, size_t len, const char *filename, KrSyntaxErr *err) {
    kr_synerr_clear(err);
    KrArena *arena = kr_arena_new(alloc);
    if (!arena) {
        err->kind = KR_SYNERR_MEMORY;
        return NULL;
    }
    alignas(max_align_t) unsigned char tmpbuf[CC_TMP_INLINE];
    KrArena tmp;
    kr_arena_init_buf(&tmp, alloc, tmpbuf, sizeof tmpbuf);
    KrProgram *p = kr_arena_alloc(arena, sizeof *p);
    char *fname = p ? kr_arena_strndup(arena, filename, strlen(filename)) : NULL;
    KrAstModule *m = fname ? kr_parse_module(&tmp, src, len, err) : NULL;
    if (!fname && err->kind == KR_SYNERR_NONE) err->kind = KR_SYNERR_MEMORY;
    KrSymtable st;
    Compiler c = {arena, &tmp, err, fname, NULL, 0, NULL, NULL, 0, 0, false, NULL, 0};
    KrCode *code = NULL;
    char *kept = NULL;
    size_t keptlen = 0;
    if (m && kr_symtable_build(&st, &tmp, m, err)) {
        c.nlines = cc_count_lines(src, len);
        c.line_used = kr_arena_alloc(&tmp, c.nlines);
        c.filename_str = c.line_used ? cc_filename_str(&c, fname) : NULL;
        if (c.filename_str) code = cc_module(&c, m, st.top);
        if (code && !(kept = cc_kept_source(&c, src, len, &keptlen))) code = NULL;
    }
    kr_arena_free(&tmp);
    if (!code) {
        if (err->kind == KR_SYNERR_NONE) err->kind = KR_SYNERR_MEMORY;
        kr_arena_delete(arena);
        return NULL;
    }
    p->module = code;
    p->source = kept;
    p->source_len = keptlen;
    p->filename = fname;
    p->owned = arena;
    p->alloc = alloc;
    return p;
}

void kr_program_free(KrProgram *p) {
    if (p) kr_arena_delete(p->owned);
}

// ---- opcode table ------------------------------------------------------------------

const char *const kr_op_names[KR_OP__COUNT] = {
#define KR_OP(name, pops, pushes) #name,
#include "opcodes.def"
#undef KR_OP
};

int kr_op_stack_effect(uint32_t insn, bool jump) { return cc_stack_effect(insn, jump); }
