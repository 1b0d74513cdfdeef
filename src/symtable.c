// symtable.c: scope analysis (see symtable.h). Two passes: a walk over the
// AST records, per scope, which names are bound, declared or used; then
// resolution decides local / cell / free / global, CPython's rules.
#include <stdio.h>
#include "symtable.h"

#define ST_MAX_DEPTH 400

static bool st_error(KrSymtable *st, KrAstLoc loc, const char *fmt, const char *name) {
    st->err->kind = KR_SYNERR_SYNTAX;
    snprintf(st->err->msg, sizeof st->err->msg, fmt, name);
    st->err->lineno = loc.lineno;
    st->err->offset = loc.col_offset + 1;
    st->err->end_lineno = loc.end_lineno;
    st->err->end_offset = loc.end_col_offset + 1;
    return false;
}

static bool st_nomem(KrSymtable *st) {
    st->err->kind = KR_SYNERR_MEMORY;
    snprintf(st->err->msg, sizeof st->err->msg, "out of memory");
    return false;
}

static KR_NOINLINE bool grow_slow(KrSymtable *st, void **items, size_t *cap, size_t n, size_t size) {
    size_t ncap = *cap ? *cap * 2 : 8;
    void *p = kr_arena_array_uninit(st->arena, ncap, size); // items are appended: written before read
    if (!p) return st_nomem(st);
    if (*items) memcpy(p, *items, n * size);
    *items = p;
    *cap = ncap;
    return true;
}

// Makes room for item n (the check inline, the growing not).
static inline bool grow(KrSymtable *st, void **items, size_t *cap, size_t n, size_t size) {
    return n < *cap || grow_slow(st, items, cap, n, size);
}

KrSymbol *kr_scope_lookup(KrScope *s, const char *name) {
    for (size_t i = 0; i < s->nsyms; i++)
        if (s->syms[i].name[0] == name[0] && strcmp(s->syms[i].name, name) == 0) return &s->syms[i];
    return NULL;
}

// kr_mangle for a name starting with "__" inside a class.
const char *kr_mangle_dunder(KrArena *a, const char *private, const char *name) {
    size_t n = strlen(name);
    if ((n >= 2 && name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.')) return name;
    while (*private == '_') private++;
    if (!*private) return name;
    size_t p = strlen(private);
    char *out = kr_arena_alloc(a, p + n + 2);
    if (!out) return NULL;
    out[0] = '_';
    memcpy(out + 1, private, p);
    memcpy(out + 1 + p, name, n + 1);
    return out;
}

static KrSymbol *st_add(KrSymtable *st, KrScope *s, const char *name, uint32_t flags) {
    name = kr_mangle(st->arena, s->private, name);
    if (!name) {
        st_nomem(st);
        return NULL;
    }
    KrSymbol *sym = kr_scope_lookup(s, name);
    if (sym) {
        sym->flags |= flags;
        return sym;
    }
    if (!grow(st, (void **)&s->syms, &s->syms_cap, s->nsyms, sizeof *s->syms)) return NULL;
    sym = &s->syms[s->nsyms++];
    sym->name = name;
    sym->flags = flags;
    sym->where = 0;
    sym->index = -1;
    return sym;
}

static KrScope *st_push(KrSymtable *st, KrScope *parent, KrScopeKind kind, const void *node,
                        const char *name) {
    KrScope *s = kr_arena_alloc(st->arena, sizeof *s);
    if (!s) {
        st_nomem(st);
        return NULL;
    }
    s->kind = kind;
    s->node = node;
    s->name = name;
    s->parent = parent;
    // functions inherit their class's private name; a class body uses its own
    s->private = kind == KR_SCOPE_CLASS ? name : parent ? parent->private : NULL;
    if (parent) {
        if (!grow(st, (void **)&parent->children, &parent->children_cap, parent->nchildren,
                  sizeof *parent->children))
            return NULL;
        parent->children[parent->nchildren++] = s;
    }
    return s;
}

static bool st_stmts(KrSymtable *st, KrScope *s, KrAstStmtSeq seq);
static bool st_expr_node(KrSymtable *st, KrScope *s, const KrAstExpr *e);

// A constant binds and uses nothing: it is settled here, without the call
// (unless it is one level too deep, which st_expr_node reports).
static inline bool st_expr(KrSymtable *st, KrScope *s, const KrAstExpr *e) {
    if (e->kind == KR_EXPR_CONSTANT && st->depth < ST_MAX_DEPTH) return true;
    return st_expr_node(st, s, e);
}

static bool st_exprs(KrSymtable *st, KrScope *s, KrAstExprSeq seq) {
    for (size_t i = 0; i < seq.count; i++)
        if (seq.items[i] && !st_expr(st, s, seq.items[i])) return false;
    return true;
}

// __debug__ is a constant (True): CPython refuses to bind or delete it
// anywhere, attributes and keyword arguments included.
static bool st_debug_ok(KrSymtable *st, KrAstLoc loc, const char *name, bool del) {
    if (name[0] != '_' || strcmp(name, "__debug__") != 0) return true;
    return st_error(st, loc, del ? "cannot delete %s" : "cannot assign to %s", name);
}

static bool st_def(KrSymtable *st, KrScope *s, const char *name, KrAstLoc loc) {
    return st_debug_ok(st, loc, name, false) && st_add(st, s, name, KR_DEF_LOCAL) != NULL;
}

static bool st_param(KrSymtable *st, KrScope *s, const KrAstArg *a) {
    if (!st_debug_ok(st, a->loc, a->arg, false)) return false;
    KrSymbol *sym = kr_scope_lookup(s, kr_mangle(st->arena, s->private, a->arg));
    if (sym && (sym->flags & KR_DEF_PARAM))
        return st_error(st, a->loc, "duplicate argument '%s' in function definition", a->arg);
    return st_add(st, s, a->arg, KR_DEF_PARAM | KR_DEF_LOCAL) != NULL;
}

static bool st_params(KrSymtable *st, KrScope *s, const KrAstArguments *a) {
    size_t n = a->posonlyargs.count + a->args.count + a->kwonlyargs.count + (a->vararg != NULL) +
               (a->kwarg != NULL);
    s->params = kr_arena_array(st->arena, n ? n : 1, sizeof *s->params);
    if (!s->params) return st_nomem(st);
    const KrAstArgSeq *seqs[] = {&a->posonlyargs, &a->args};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < seqs[k]->count; i++) {
            if (!st_param(st, s, seqs[k]->items[i])) return false;
            s->params[s->nparams++] = kr_mangle(st->arena, s->private, seqs[k]->items[i]->arg);
        }
    for (size_t i = 0; i < a->kwonlyargs.count; i++) {
        if (!st_param(st, s, a->kwonlyargs.items[i])) return false;
        s->params[s->nparams++] = kr_mangle(st->arena, s->private, a->kwonlyargs.items[i]->arg);
    }
    if (a->vararg) {
        if (!st_param(st, s, a->vararg)) return false;
        s->params[s->nparams++] = kr_mangle(st->arena, s->private, a->vararg->arg);
    }
    if (a->kwarg) {
        if (!st_param(st, s, a->kwarg)) return false;
        s->params[s->nparams++] = kr_mangle(st->arena, s->private, a->kwarg->arg);
    }
    return true;
}

// Defaults and annotations belong to the enclosing scope.
static bool st_arg_outer(KrSymtable *st, KrScope *s, const KrAstArguments *a, bool annotations) {
    if (!st_exprs(st, s, a->defaults) || !st_exprs(st, s, a->kw_defaults)) return false;
    if (!annotations) return true;
    const KrAstArgSeq *seqs[] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < seqs[k]->count; i++)
            if (seqs[k]->items[i]->annotation && !st_expr(st, s, seqs[k]->items[i]->annotation))
                return false;
    if (a->vararg && a->vararg->annotation && !st_expr(st, s, a->vararg->annotation)) return false;
    if (a->kwarg && a->kwarg->annotation && !st_expr(st, s, a->kwarg->annotation)) return false;
    return true;
}

static bool st_function(KrSymtable *st, KrScope *s, const KrAstStmt *f) {
    if (!st_def(st, s, f->v.funcdef.name, f->loc)) return false;
    if (!st_exprs(st, s, f->v.funcdef.decorator_list)) return false;
    if (!st_arg_outer(st, s, f->v.funcdef.args, true)) return false;
    if (f->v.funcdef.returns && !st_expr(st, s, f->v.funcdef.returns)) return false;
    KrScope *fs = st_push(st, s, KR_SCOPE_FUNCTION, f, f->v.funcdef.name);
    if (!fs) return false;
    fs->is_async = f->kind == KR_STMT_ASYNCFUNCTIONDEF;
    return st_params(st, fs, f->v.funcdef.args) && st_stmts(st, fs, f->v.funcdef.body);
}

static bool st_global(KrSymtable *st, KrScope *s, const KrAstStmt *g) {
    bool is_global = g->kind == KR_STMT_GLOBAL;
    for (size_t i = 0; i < g->v.global.names.count; i++) {
        const char *name = g->v.global.names.items[i];
        if (!is_global && s->kind == KR_SCOPE_MODULE)
            return st_error(st, g->loc, "nonlocal declaration not allowed at module level%s", "");
        KrSymbol *sym = kr_scope_lookup(s, name);
        if (sym) {
            if (sym->flags & KR_DEF_PARAM)
                return st_error(st, g->loc, is_global ? "name '%s' is parameter and global"
                                                      : "name '%s' is parameter and nonlocal",
                                name);
            if (is_global && (sym->flags & KR_DEF_NONLOCAL))
                return st_error(st, g->loc, "name '%s' is nonlocal and global", name);
            if (!is_global && (sym->flags & KR_DEF_GLOBAL))
                return st_error(st, g->loc, "name '%s' is nonlocal and global", name);
            if (sym->flags & KR_DEF_LOCAL)
                return st_error(st, g->loc,
                                is_global ? "name '%s' is assigned to before global declaration"
                                          : "name '%s' is assigned to before nonlocal declaration",
                                name);
            if (sym->flags & KR_USE)
                return st_error(st, g->loc,
                                is_global ? "name '%s' is used prior to global declaration"
                                          : "name '%s' is used prior to nonlocal declaration",
                                name);
        }
        if (!st_add(st, s, name, is_global ? KR_DEF_GLOBAL : KR_DEF_NONLOCAL)) return false;
    }
    return true;
}

static bool st_pattern(KrSymtable *st, KrScope *s, const KrAstPattern *p);

static bool st_patterns(KrSymtable *st, KrScope *s, KrAstPatternSeq seq) {
    for (size_t i = 0; i < seq.count; i++)
        if (!st_pattern(st, s, seq.items[i])) return false;
    return true;
}

static bool st_pattern(KrSymtable *st, KrScope *s, const KrAstPattern *p) {
    switch (p->kind) {
    case KR_PAT_MATCHVALUE: return st_expr(st, s, p->v.value.value);
    case KR_PAT_MATCHSINGLETON: return true;
    case KR_PAT_MATCHSEQUENCE: return st_patterns(st, s, p->v.sequence.patterns);
    case KR_PAT_MATCHMAPPING:
        if (!st_exprs(st, s, p->v.mapping.keys) || !st_patterns(st, s, p->v.mapping.patterns)) return false;
        return !p->v.mapping.rest || st_def(st, s, p->v.mapping.rest, p->loc);
    case KR_PAT_MATCHCLASS:
        return st_expr(st, s, p->v.cls.cls) && st_patterns(st, s, p->v.cls.patterns) &&
               st_patterns(st, s, p->v.cls.kwd_patterns);
    case KR_PAT_MATCHSTAR: return !p->v.star.name || st_def(st, s, p->v.star.name, p->loc);
    case KR_PAT_MATCHAS:
        if (p->v.as.pattern && !st_pattern(st, s, p->v.as.pattern)) return false;
        return !p->v.as.name || st_def(st, s, p->v.as.name, p->loc);
    case KR_PAT_MATCHOR: return st_patterns(st, s, p->v.or_.patterns);
    }
    return true;
}

static bool st_stmt(KrSymtable *st, KrScope *s, const KrAstStmt *n) {
    switch (n->kind) {
    case KR_STMT_FUNCTIONDEF:
    case KR_STMT_ASYNCFUNCTIONDEF: return st_function(st, s, n);
    case KR_STMT_CLASSDEF: {
        if (!st_def(st, s, n->v.classdef.name, n->loc)) return false;
        if (!st_exprs(st, s, n->v.classdef.bases) || !st_exprs(st, s, n->v.classdef.decorator_list))
            return false;
        for (size_t i = 0; i < n->v.classdef.keywords.count; i++)
            if (!st_expr(st, s, n->v.classdef.keywords.items[i]->value)) return false;
        KrScope *cs = st_push(st, s, KR_SCOPE_CLASS, n, n->v.classdef.name);
        return cs && st_stmts(st, cs, n->v.classdef.body);
    }
    case KR_STMT_RETURN:
        if (s->kind != KR_SCOPE_FUNCTION) return st_error(st, n->loc, "'return' outside function%s", "");
        return !n->v.return_.value || st_expr(st, s, n->v.return_.value);
    case KR_STMT_DELETE: return st_exprs(st, s, n->v.delete_.targets);
    case KR_STMT_ASSIGN: return st_exprs(st, s, n->v.assign.targets) && st_expr(st, s, n->v.assign.value);
    case KR_STMT_AUGASSIGN:
        if (n->v.augassign.target->kind == KR_EXPR_NAME &&
            !st_add(st, s, n->v.augassign.target->v.name.id, KR_USE))
            return false;
        return st_expr(st, s, n->v.augassign.target) && st_expr(st, s, n->v.augassign.value);
    case KR_STMT_ANNASSIGN:
        if (n->v.annassign.target->kind == KR_EXPR_NAME) {
            KrSymbol *sym = kr_scope_lookup(s, n->v.annassign.target->v.name.id);
            if (sym && (sym->flags & (KR_DEF_GLOBAL | KR_DEF_NONLOCAL)) && n->v.annassign.simple)
                return st_error(st, n->loc, "annotated name '%s' can't be global",
                                n->v.annassign.target->v.name.id);
        }
        if (s->kind != KR_SCOPE_FUNCTION && !st_expr(st, s, n->v.annassign.annotation)) return false;
        if (n->v.annassign.value && !st_expr(st, s, n->v.annassign.value)) return false;
        if (n->v.annassign.target->kind == KR_EXPR_NAME && !n->v.annassign.value &&
            s->kind == KR_SCOPE_FUNCTION)
            return st_def(st, s, n->v.annassign.target->v.name.id, n->loc);
        return st_expr(st, s, n->v.annassign.target);
    case KR_STMT_FOR:
    case KR_STMT_ASYNCFOR:
        if (n->kind == KR_STMT_ASYNCFOR && s->kind == KR_SCOPE_MODULE) s->is_async = true;
        return st_expr(st, s, n->v.for_.target) && st_expr(st, s, n->v.for_.iter) &&
               st_stmts(st, s, n->v.for_.body) && st_stmts(st, s, n->v.for_.orelse);
    case KR_STMT_WHILE:
        return st_expr(st, s, n->v.while_.test) && st_stmts(st, s, n->v.while_.body) &&
               st_stmts(st, s, n->v.while_.orelse);
    case KR_STMT_IF:
        return st_expr(st, s, n->v.if_.test) && st_stmts(st, s, n->v.if_.body) &&
               st_stmts(st, s, n->v.if_.orelse);
    case KR_STMT_WITH:
    case KR_STMT_ASYNCWITH:
        if (n->kind == KR_STMT_ASYNCWITH && s->kind == KR_SCOPE_MODULE) s->is_async = true;
        for (size_t i = 0; i < n->v.with.items.count; i++) {
            const KrAstWithItem *w = n->v.with.items.items[i];
            if (!st_expr(st, s, w->context_expr)) return false;
            if (w->optional_vars && !st_expr(st, s, w->optional_vars)) return false;
        }
        return st_stmts(st, s, n->v.with.body);
    case KR_STMT_MATCH:
        if (!st_expr(st, s, n->v.match.subject)) return false;
        for (size_t i = 0; i < n->v.match.cases.count; i++) {
            const KrAstMatchCase *c = n->v.match.cases.items[i];
            if (!st_pattern(st, s, c->pattern)) return false;
            if (c->guard && !st_expr(st, s, c->guard)) return false;
            if (!st_stmts(st, s, c->body)) return false;
        }
        return true;
    case KR_STMT_RAISE:
        return (!n->v.raise.exc || st_expr(st, s, n->v.raise.exc)) &&
               (!n->v.raise.cause || st_expr(st, s, n->v.raise.cause));
    case KR_STMT_TRY:
    case KR_STMT_TRYSTAR:
        if (!st_stmts(st, s, n->v.try_.body)) return false;
        for (size_t i = 0; i < n->v.try_.handlers.count; i++) {
            const KrAstExceptHandler *h = n->v.try_.handlers.items[i];
            if (h->type && !st_expr(st, s, h->type)) return false;
            if (h->name && !st_def(st, s, h->name, h->loc)) return false;
            if (!st_stmts(st, s, h->body)) return false;
        }
        return st_stmts(st, s, n->v.try_.orelse) && st_stmts(st, s, n->v.try_.finalbody);
    case KR_STMT_ASSERT:
        return st_expr(st, s, n->v.assert_.test) && (!n->v.assert_.msg || st_expr(st, s, n->v.assert_.msg));
    case KR_STMT_IMPORT:
    case KR_STMT_IMPORTFROM: {
        const KrAstAliasSeq *names = n->kind == KR_STMT_IMPORT ? &n->v.import.names : &n->v.importfrom.names;
        for (size_t i = 0; i < names->count; i++) {
            const KrAstAlias *a = names->items[i];
            if (strcmp(a->name, "*") == 0) {
                if (s->kind != KR_SCOPE_MODULE)
                    return st_error(st, n->loc, "import * only allowed at module level%s", "");
                continue;
            }
            const char *bound = a->asname;
            if (!bound) {
                const char *dot = strchr(a->name, '.');
                bound = dot ? kr_arena_strndup(st->arena, a->name, (size_t)(dot - a->name)) : a->name;
                if (!bound) return st_nomem(st);
            }
            if (!st_def(st, s, bound, a->loc)) return false;
        }
        return true;
    }
    case KR_STMT_GLOBAL:
    case KR_STMT_NONLOCAL: return st_global(st, s, n);
    case KR_STMT_EXPR: return st_expr(st, s, n->v.expr.value);
    case KR_STMT_PASS:
    case KR_STMT_BREAK:
    case KR_STMT_CONTINUE: return true;
    }
    return true;
}

static bool st_stmts(KrSymtable *st, KrScope *s, KrAstStmtSeq seq) {
    if (++st->depth > ST_MAX_DEPTH) return st_error(st, seq.count ? seq.items[0]->loc : (KrAstLoc){0, 0, 0, 0}, "too many statically nested blocks%s", "");
    for (size_t i = 0; i < seq.count; i++)
        if (!st_stmt(st, s, seq.items[i])) return false;
    st->depth--;
    return true;
}

static const char *comp_kind_name(KrAstExprKind k) {
    switch (k) {
    case KR_EXPR_LISTCOMP: return "list comprehension";
    case KR_EXPR_SETCOMP: return "set comprehension";
    case KR_EXPR_DICTCOMP: return "dict comprehension";
    default: return "generator expression";
    }
}

static const char *comp_scope_name(KrAstExprKind k) {
    switch (k) {
    case KR_EXPR_LISTCOMP: return "<listcomp>";
    case KR_EXPR_SETCOMP: return "<setcomp>";
    case KR_EXPR_DICTCOMP: return "<dictcomp>";
    default: return "<genexpr>";
    }
}

// Comprehension targets must not be rebound by a walrus inside it.
static bool st_mark_iter_targets(KrSymtable *st, KrScope *cs, const KrAstExpr *t) {
    if (t->kind == KR_EXPR_NAME) return st_add(st, cs, t->v.name.id, KR_DEF_COMP_ITER) != NULL;
    if (t->kind == KR_EXPR_TUPLE || t->kind == KR_EXPR_LIST) {
        for (size_t i = 0; i < t->v.seq.elts.count; i++)
            if (!st_mark_iter_targets(st, cs, t->v.seq.elts.items[i])) return false;
    }
    if (t->kind == KR_EXPR_STARRED) return st_mark_iter_targets(st, cs, t->v.starred.value);
    return true;
}

static bool st_comprehension(KrSymtable *st, KrScope *s, const KrAstExpr *e) {
    const KrAstComprehensionSeq *gens =
        e->kind == KR_EXPR_DICTCOMP ? &e->v.dictcomp.generators : &e->v.comp.generators;
    // The first iterable is evaluated in the enclosing scope.
    if (!st_expr(st, s, gens->items[0]->iter)) return false;
    KrScope *cs = st_push(st, s, KR_SCOPE_FUNCTION, e, comp_scope_name(e->kind));
    if (!cs) return false;
    cs->is_comprehension = true;
    cs->is_generator = e->kind == KR_EXPR_GENERATOREXP;
    for (size_t i = 0; i < gens->count; i++)
        if (gens->items[i]->is_async) cs->is_async = true;
    if (!st_add(st, cs, ".0", KR_DEF_PARAM | KR_DEF_LOCAL)) return false;
    cs->params = kr_arena_array(st->arena, 1, sizeof *cs->params);
    if (!cs->params) return st_nomem(st);
    cs->params[cs->nparams++] = ".0";
    for (size_t i = 0; i < gens->count; i++) {
        const KrAstComprehension *g = gens->items[i];
        if (!st_mark_iter_targets(st, cs, g->target)) return false;
        if (!st_expr(st, cs, g->target)) return false;
        if (i > 0 && !st_expr(st, cs, g->iter)) return false;
        if (!st_exprs(st, cs, g->ifs)) return false;
    }
    if (e->kind == KR_EXPR_DICTCOMP)
        return st_expr(st, cs, e->v.dictcomp.key) && st_expr(st, cs, e->v.dictcomp.value);
    return st_expr(st, cs, e->v.comp.elt);
}

// `x := v` inside comprehensions binds x in the enclosing function (or
// module) scope, CPython's PEP 572 rule.
static bool st_walrus(KrSymtable *st, KrScope *s, const KrAstExpr *e) {
    const char *name = e->v.namedexpr.target->v.name.id;
    if (!st_debug_ok(st, e->v.namedexpr.target->loc, name, false)) return false;
    if (s->is_comprehension) {
        for (KrScope *c = s; c && c->is_comprehension; c = c->parent) {
            KrSymbol *sym = kr_scope_lookup(c, name);
            if (sym && (sym->flags & KR_DEF_COMP_ITER))
                return st_error(st, e->v.namedexpr.target->loc,
                                "assignment expression cannot rebind comprehension iteration variable '%s'",
                                name);
        }
        KrScope *target = s;
        while (target->is_comprehension) target = target->parent;
        if (target->kind == KR_SCOPE_CLASS)
            return st_error(st, e->loc, "assignment expression within a comprehension cannot be used in a class body%s", "");
        // the name is global in the comprehensions when the target scope
        // is the module or declares it global, else nonlocal
        KrSymbol *tsym = kr_scope_lookup(target, name);
        bool global = target->kind == KR_SCOPE_MODULE || (tsym && (tsym->flags & KR_DEF_GLOBAL));
        for (KrScope *c = s; c != target; c = c->parent)
            if (!st_add(st, c, name, global ? KR_DEF_GLOBAL : KR_DEF_NONLOCAL)) return false;
        tsym = kr_scope_lookup(target, name);
        uint32_t f = tsym && (tsym->flags & (KR_DEF_GLOBAL | KR_DEF_NONLOCAL)) ? 0 : KR_DEF_LOCAL;
        if (!st_add(st, target, name, f)) return false;
        return st_expr(st, s, e->v.namedexpr.value);
    }
    return st_expr(st, s, e->v.namedexpr.value) && st_expr(st, s, e->v.namedexpr.target);
}

static bool st_yield(KrSymtable *st, KrScope *s, const KrAstExpr *e) {
    if (s->kind != KR_SCOPE_FUNCTION)
        return st_error(st, e->loc, "'yield' outside function%s", "");
    if (s->is_comprehension) {
        char msg[64];
        snprintf(msg, sizeof msg, "'yield' inside %s", comp_kind_name(((const KrAstExpr *)s->node)->kind));
        return st_error(st, e->loc, "%s", msg);
    }
    s->is_generator = true;
    return true;
}

// A function inside a class that mentions super or __class__ gets the
// class's implicit __class__ cell as a free variable (CPython's rule).
static bool st_class_cell(KrSymtable *st, KrScope *s) {
    if (s->kind != KR_SCOPE_FUNCTION) return true;
    KrScope *c = s->parent;
    while (c && c->kind == KR_SCOPE_FUNCTION) c = c->parent;
    if (!c || c->kind != KR_SCOPE_CLASS) return true;
    return st_add(st, c, "__class__", KR_DEF_CLASSCELL) && st_add(st, s, "__class__", KR_USE);
}

// A use of super or __class__ makes the enclosing class provide __class__
// (the first letters spare most names the string compares).
static bool st_needs_class_cell(const char *name) {
    return (name[0] == 's' && strcmp(name, "super") == 0) || (name[0] == '_' && strcmp(name, "__class__") == 0);
}

static bool st_expr_node(KrSymtable *st, KrScope *s, const KrAstExpr *e) {
    if (++st->depth > ST_MAX_DEPTH) return st_error(st, e->loc, "too many nested parentheses%s", "");
    bool ok = true;
    switch (e->kind) {
    case KR_EXPR_BOOLOP: ok = st_exprs(st, s, e->v.boolop.values); break;
    case KR_EXPR_NAMEDEXPR: ok = st_walrus(st, s, e); break;
    case KR_EXPR_BINOP: ok = st_expr(st, s, e->v.binop.left) && st_expr(st, s, e->v.binop.right); break;
    case KR_EXPR_UNARYOP: ok = st_expr(st, s, e->v.unaryop.operand); break;
    case KR_EXPR_LAMBDA: {
        if (!st_arg_outer(st, s, e->v.lambda.args, false)) return false;
        KrScope *ls = st_push(st, s, KR_SCOPE_FUNCTION, e, "<lambda>");
        if (!ls) return false;
        ls->is_lambda = true;
        ok = st_params(st, ls, e->v.lambda.args) && st_expr(st, ls, e->v.lambda.body);
        break;
    }
    case KR_EXPR_IFEXP:
        ok = st_expr(st, s, e->v.ifexp.test) && st_expr(st, s, e->v.ifexp.body) &&
             st_expr(st, s, e->v.ifexp.orelse);
        break;
    case KR_EXPR_DICT: ok = st_exprs(st, s, e->v.dict.keys) && st_exprs(st, s, e->v.dict.values); break;
    case KR_EXPR_SET: ok = st_exprs(st, s, e->v.set.elts); break;
    case KR_EXPR_LISTCOMP:
    case KR_EXPR_SETCOMP:
    case KR_EXPR_DICTCOMP:
    case KR_EXPR_GENERATOREXP: ok = st_comprehension(st, s, e); break;
    case KR_EXPR_AWAIT:
        // krait runs a script that awaits at top level as a coroutine; a
        // comprehension that awaits is an asynchronous one
        if (s->kind == KR_SCOPE_MODULE || s->is_comprehension) s->is_async = true;
        ok = st_expr(st, s, e->v.await.value);
        break;
    case KR_EXPR_YIELD:
        ok = st_yield(st, s, e) && (!e->v.yield.value || st_expr(st, s, e->v.yield.value));
        break;
    case KR_EXPR_YIELDFROM: ok = st_yield(st, s, e) && st_expr(st, s, e->v.yieldfrom.value); break;
    case KR_EXPR_COMPARE:
        ok = st_expr(st, s, e->v.compare.left) && st_exprs(st, s, e->v.compare.comparators);
        break;
    case KR_EXPR_CALL:
        ok = st_expr(st, s, e->v.call.func) && st_exprs(st, s, e->v.call.args);
        for (size_t i = 0; ok && i < e->v.call.keywords.count; i++) {
            const KrAstKeyword *kw = e->v.call.keywords.items[i];
            ok = (!kw->arg || st_debug_ok(st, kw->loc, kw->arg, false)) && st_expr(st, s, kw->value);
        }
        break;
    case KR_EXPR_FORMATTEDVALUE:
        ok = st_expr(st, s, e->v.formatted.value) &&
             (!e->v.formatted.format_spec || st_expr(st, s, e->v.formatted.format_spec));
        break;
    case KR_EXPR_JOINEDSTR: ok = st_exprs(st, s, e->v.joinedstr.values); break;
    case KR_EXPR_CONSTANT: break;
    case KR_EXPR_ATTRIBUTE:
        ok = (e->v.attribute.ctx != KR_AST_STORE || st_debug_ok(st, e->loc, e->v.attribute.attr, false)) &&
             st_expr(st, s, e->v.attribute.value);
        break;
    case KR_EXPR_SUBSCRIPT: ok = st_expr(st, s, e->v.subscript.value) && st_expr(st, s, e->v.subscript.slice); break;
    case KR_EXPR_STARRED: ok = st_expr(st, s, e->v.starred.value); break;
    case KR_EXPR_NAME:
        ok = (e->v.name.ctx == KR_AST_LOAD || st_debug_ok(st, e->loc, e->v.name.id, e->v.name.ctx == KR_AST_DEL)) &&
             st_add(st, s, e->v.name.id, e->v.name.ctx == KR_AST_LOAD ? KR_USE : KR_DEF_LOCAL) != NULL;
        if (ok && e->v.name.ctx == KR_AST_LOAD && st_needs_class_cell(e->v.name.id)) ok = st_class_cell(st, s);
        break;
    case KR_EXPR_LIST:
    case KR_EXPR_TUPLE: ok = st_exprs(st, s, e->v.seq.elts); break;
    case KR_EXPR_SLICE:
        ok = (!e->v.slice.lower || st_expr(st, s, e->v.slice.lower)) &&
             (!e->v.slice.upper || st_expr(st, s, e->v.slice.upper)) &&
             (!e->v.slice.step || st_expr(st, s, e->v.slice.step));
        break;
    }
    st->depth--;
    return ok;
}

// ---- resolution ------------------------------------------------------------

// Is `name` bound (local, cell or nonlocal-resolved) in an enclosing
// function scope of s? Class scopes are skipped, as in CPython.
static KrScope *st_binding_scope(KrScope *s, const char *name) {
    for (KrScope *p = s->parent; p && p->kind != KR_SCOPE_MODULE; p = p->parent) {
        if (p->kind == KR_SCOPE_CLASS) {
            KrSymbol *cs = kr_scope_lookup(p, name);
            if (cs && (cs->flags & KR_DEF_CLASSCELL)) return p;
            continue;
        }
        KrSymbol *sym = kr_scope_lookup(p, name);
        if (!sym) continue;
        if (sym->flags & KR_DEF_GLOBAL) return NULL;
        if (sym->flags & (KR_DEF_LOCAL | KR_DEF_PARAM | KR_DEF_NONLOCAL)) return p;
    }
    return NULL;
}

static bool st_resolve(KrSymtable *st, KrScope *s);

// A free name of s: every scope between s and its binder passes it through
// as free; the binder keeps it in a cell.
static bool st_capture(KrSymtable *st, KrScope *s, const char *name) {
    KrScope *binder = st_binding_scope(s, name);
    for (KrScope *p = s->parent; p && p != binder; p = p->parent) {
        KrSymbol *sym = st_add(st, p, name, 0);
        if (!sym) return false;
        // a class passes it through as a free variable too (its own
        // assignments to the name still go to the class namespace)
        if (p->kind == KR_SCOPE_CLASS) sym->flags |= KR_DEF_FREE_CLASS;
        sym->where = KR_SYM_FREE;
    }
    if (binder) {
        KrSymbol *b = kr_scope_lookup(binder, name);
        if ((b->flags & KR_DEF_NONLOCAL) && !(b->flags & KR_DEF_CLASSCELL)) return st_capture(st, binder, name);
        b->where = KR_SYM_CELL;
    }
    return true;
}

// The `nonlocal` statement naming `name` in a function's body (nested
// blocks included, nested functions and classes not): CPython reports a
// missing binding there. Depth is bounded: the walk already went there.
static const KrAstStmt *st_find_nonlocal(KrAstStmtSeq body, const char *name) {
    for (size_t i = 0; i < body.count; i++) {
        const KrAstStmt *n = body.items[i], *f = NULL;
        switch (n->kind) {
        case KR_STMT_NONLOCAL:
            for (size_t k = 0; k < n->v.global.names.count; k++)
                if (strcmp(n->v.global.names.items[k], name) == 0) return n;
            break;
        case KR_STMT_IF:
            f = (f = st_find_nonlocal(n->v.if_.body, name)) ? f : st_find_nonlocal(n->v.if_.orelse, name);
            break;
        case KR_STMT_WHILE:
            f = (f = st_find_nonlocal(n->v.while_.body, name)) ? f : st_find_nonlocal(n->v.while_.orelse, name);
            break;
        case KR_STMT_FOR:
        case KR_STMT_ASYNCFOR:
            f = (f = st_find_nonlocal(n->v.for_.body, name)) ? f : st_find_nonlocal(n->v.for_.orelse, name);
            break;
        case KR_STMT_WITH:
        case KR_STMT_ASYNCWITH: f = st_find_nonlocal(n->v.with.body, name); break;
        case KR_STMT_TRY:
        case KR_STMT_TRYSTAR:
            f = st_find_nonlocal(n->v.try_.body, name);
            for (size_t k = 0; !f && k < n->v.try_.handlers.count; k++)
                f = st_find_nonlocal(n->v.try_.handlers.items[k]->body, name);
            if (!f) f = st_find_nonlocal(n->v.try_.orelse, name);
            if (!f) f = st_find_nonlocal(n->v.try_.finalbody, name);
            break;
        case KR_STMT_MATCH:
            for (size_t k = 0; !f && k < n->v.match.cases.count; k++)
                f = st_find_nonlocal(n->v.match.cases.items[k]->body, name);
            break;
        default: break;
        }
        if (f) return f;
    }
    return NULL;
}

static bool st_resolve_sym(KrSymtable *st, KrScope *s, KrSymbol *sym) {
    if (sym->where) return true; // already decided (a pass-through free)
    if (s->kind == KR_SCOPE_MODULE) {
        sym->where = (sym->flags & KR_DEF_GLOBAL) ? KR_SYM_GLOBAL_EXPLICIT : KR_SYM_GLOBAL_IMPLICIT;
        return true;
    }
    if (sym->flags & KR_DEF_GLOBAL) {
        sym->where = KR_SYM_GLOBAL_EXPLICIT;
        return true;
    }
    if (sym->flags & KR_DEF_NONLOCAL) {
        if (!st_binding_scope(s, sym->name)) {
            const KrAstStmt *n = s->node, *d = NULL;
            if (s->kind == KR_SCOPE_FUNCTION && !s->is_lambda && !s->is_comprehension)
                d = st_find_nonlocal(n->v.funcdef.body, sym->name);
            KrAstLoc loc = d ? d->loc : (KrAstLoc){0, 0, 0, 0};
            return st_error(st, loc, "no binding for nonlocal '%s' found", sym->name);
        }
        sym->where = KR_SYM_FREE;
        return st_capture(st, s, sym->name);
    }
    if (sym->flags & KR_DEF_CLASSCELL) {
        sym->where = KR_SYM_CELL;
        return true;
    }
    if (sym->flags & (KR_DEF_LOCAL | KR_DEF_PARAM)) {
        sym->where = s->kind == KR_SCOPE_CLASS ? KR_SYM_GLOBAL_IMPLICIT : KR_SYM_LOCAL;
        return true;
    }
    if (st_binding_scope(s, sym->name)) {
        sym->where = KR_SYM_FREE;
        return st_capture(st, s, sym->name);
    }
    sym->where = KR_SYM_GLOBAL_IMPLICIT;
    return true;
}

static bool st_resolve(KrSymtable *st, KrScope *s) {
    // Parents first: a child's capture may turn a parent's local into a cell.
    for (size_t i = 0; i < s->nsyms; i++)
        if (!st_resolve_sym(st, s, &s->syms[i])) return false;
    for (size_t i = 0; i < s->nchildren; i++)
        if (!st_resolve(st, s->children[i])) return false;
    return true;
}

bool kr_symtable_build(KrSymtable *st, KrArena *arena, const KrAstModule *m, KrSyntaxErr *err) {
    st->arena = arena;
    st->err = err;
    st->depth = 0;
    st->top = st_push(st, NULL, KR_SCOPE_MODULE, m, "<module>");
    if (!st->top) return false;
    if (!st_stmts(st, st->top, m->body)) return false;
    return st_resolve(st, st->top);
}
