// symtable.h: scope analysis between parser and compiler. For every
// function, lambda, comprehension and the module it decides where each
// name lives: a fast local, a cell (captured by an inner scope), a free
// variable (captured from an outer scope), or a global.
#ifndef KR_SYMTABLE_H
#define KR_SYMTABLE_H

#include "ast.h"

typedef enum { KR_SCOPE_MODULE, KR_SCOPE_FUNCTION, KR_SCOPE_CLASS } KrScopeKind;

typedef enum {
    KR_SYM_LOCAL = 1,
    KR_SYM_GLOBAL_EXPLICIT,
    KR_SYM_GLOBAL_IMPLICIT,
    KR_SYM_FREE,
    KR_SYM_CELL,
} KrSymWhere;

// flags recorded while walking
#define KR_DEF_LOCAL 1u
#define KR_DEF_PARAM 2u
#define KR_DEF_GLOBAL 4u
#define KR_DEF_NONLOCAL 8u
#define KR_USE 16u
#define KR_DEF_FREE_CLASS 32u
#define KR_DEF_COMP_ITER 64u
#define KR_DEF_CLASSCELL 128u // the implicit __class__ cell of a class body

typedef struct KrSymbol {
    const char *name;
    uint32_t flags;
    KrSymWhere where;
    int32_t index; // local slot or cell slot, assigned by the compiler
} KrSymbol;

typedef struct KrScope KrScope;
struct KrScope {
    KrScopeKind kind;
    const void *node; // the AST node that opened it
    const char *name;
    KrScope *parent;
    KrScope **children;
    size_t nchildren, children_cap;
    size_t next_child; // compiler cursor
    KrSymbol *syms;
    size_t nsyms, syms_cap;
    const char **params; // in order
    size_t nparams;
    bool is_generator, is_comprehension, is_lambda, has_free_children;
    bool is_async;
    const char *private; // the enclosing class's name, for __name mangling
};

typedef struct KrSymtable {
    KrArena *arena;
    KrScope *top;
    KrSyntaxErr *err;
    int depth;
} KrSymtable;

// Builds the scope tree; false with err filled on a scope error.
bool kr_symtable_build(KrSymtable *st, KrArena *arena, const KrAstModule *m, KrSyntaxErr *err);
KrSymbol *kr_scope_lookup(KrScope *s, const char *name);
// Private name mangling: `__x` inside class C becomes `_C__x` (NULL only
// when the arena is exhausted). Inline: most names start with no "__".
const char *kr_mangle_dunder(KrArena *a, const char *private, const char *name);
static inline const char *kr_mangle(KrArena *a, const char *private, const char *name) {
    if (!private || name[0] != '_' || name[1] != '_') return name;
    return kr_mangle_dunder(a, private, name);
}

#endif
