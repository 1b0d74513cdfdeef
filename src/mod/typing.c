// typing.c: the `typing` module. Annotations are mostly inert at run time,
// so what matters is that every name exists, subscripts like CPython's
// (List[int], Optional[str], Callable[[int], str], Literal['a']), prints
// the same reprs, answers __origin__/__args__/get_origin/get_args, and
// fails with CPython's errors. Also here: types.GenericAlias (list[int])
// and types.UnionType (int | None), whose operators live on `type`.
//
// Objects: the bare names (List, Union, Any, ...) are static "forms"; a
// subscript makes a heap alias (form + args tuple + TypeVar parameters).
// TypeVar, ForwardRef and NewType are small heap objects.
//
// Hooks the class machinery needs (see modules.h): kr_typing_mro_entry
// turns a typing base (List[int], Generic[T], Protocol, NamedTuple,
// TypedDict) into what `class C(base)` derives from;
// kr_typing_make_namedtuple / kr_typing_make_typeddict build the classes
// for `class P(NamedTuple)` / `class M(TypedDict)` from the annotations
// (NamedTuple classes are real classes, made in namedtuple.c; TypedDict
// classes only describe dicts); kr_typing_isinstance/issubclass serve
// isinstance(); kr_typing_or and kr_typing_class_getitem serve `type`'s
// `|` and `list[int]`.
#include <stdio.h>
#include "../compiler.h" // kr_builtin_lookup: string annotations naming builtins
#include "../modules.h"
#include "../obj/class.h"
#include "../unicode_db.h"
#include "../vm.h"
#include "../runsnap.h"

#define TYPING_FN(cname, pyname)                                                                         \
    static KrValue typing_##cname(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw); \
    static const KrBuiltin typing_obj_##cname = {KR_STATIC_HEADER(&kr_type_builtin), pyname, typing_##cname}; \
    static KrValue typing_##cname(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw)

#define TYPING_NKW(kw) ((kw) == KR_NULL ? 0 : kr_as_tuple(kw)->len)

// ---- forms: the bare names ----------------------------------------------------------------

typedef enum {
    TK_ANY,       // Any
    TK_PLAIN,     // NoReturn, Never, Self, ...: not subscriptable
    TK_UNION,     // Union
    TK_OPTIONAL,  // Optional (its subscripts are Unions)
    TK_LITERAL,   // Literal
    TK_SINGLE,    // Final, ClassVar, TypeGuard, ...: exactly one type
    TK_ANNOTATED, // Annotated
    TK_ALIAS,     // List, Dict, Iterable, ...: a fixed number of parameters
    TK_CALLABLE,  // Callable
    TK_TUPLE,     // Tuple
    TK_GENERIC,   // Generic
    TK_PROTOCOL,  // Protocol
    TK_VARIADIC,  // Concatenate, Unpack
} TypingKind;

// What isinstance() against an unsubscripted alias tests.
typedef enum {
    TC_ISA,        // an instance of `isa`
    TC_MISSING,    // a class krait does not provide (deque, re.Pattern): nothing is one
    TC_ITERABLE,
    TC_ITERATOR,
    TC_SIZED,
    TC_CONTAINER,
    TC_COLLECTION,
    TC_HASHABLE,
    TC_CALLABLE,
    TC_REVERSIBLE,
    TC_SEQUENCE,
    TC_SET,
    TC_VIEW,
    TC_NONE,       // abstract classes krait has no instances of (Awaitable, IO, ...)
} TypingCheck;

typedef struct TypingForm {
    KrObj ob;
    const char *name;
    uint8_t kind;
    int8_t nparams;      // TK_ALIAS: how many parameters
    uint8_t check;       // TypingCheck
    bool as_class;       // CPython makes it a class: repr "<class 'typing.X'>"
    const KrType *origin; // the built-in class it stands for (list for List), or NULL
    const KrType *isa;    // TC_ISA: the class isinstance() tests
} TypingForm;

static const KrType typing_form_type, typing_any_meta_type, typing_literal_form_type, typing_callable_form_type,
    typing_tuple_form_type, typing_special_alias_type, typing_alias_type, typing_union_alias_type,
    typing_callable_alias_type, typing_literal_alias_type, typing_annotated_alias_type, typing_ga_type, typing_union_type,
    typing_typevar_type, typing_fwdref_type, typing_newtype_type,
    typing_tdclass_type, typing_generic_class, typing_protocol_class;
static const KrSnapOps typing_alias_snap, typing_tv_snap, typing_fwdref_snap, typing_newtype_snap, typing_tdc_snap;

// A form's type is what type() shows (CPython's classes of these objects);
// all behave alike.
#define TYPING_FORM_T(type, cname, kind, np, check, cls, origin, isa) \
    static const TypingForm typing_f_##cname = {KR_STATIC_HEADER(type), #cname, kind, np, check, cls, origin, isa}
#define TYPING_FORM(cname, kind, np, check, cls, origin, isa) \
    TYPING_FORM_T(&typing_form_type, cname, kind, np, check, cls, origin, isa)
#define TYPING_SPECIAL(cname, kind) TYPING_FORM(cname, kind, 0, TC_NONE, false, NULL, NULL)
#define TYPING_ALIAS_DEF(cname, np, check, origin, isa) \
    TYPING_FORM_T(&typing_special_alias_type, cname, TK_ALIAS, np, check, false, origin, isa)

TYPING_FORM_T(&typing_any_meta_type, Any, TK_ANY, 0, TC_NONE, false, NULL, NULL);
TYPING_SPECIAL(NoReturn, TK_PLAIN);
TYPING_SPECIAL(Never, TK_PLAIN);
TYPING_SPECIAL(Self, TK_PLAIN);
TYPING_SPECIAL(LiteralString, TK_PLAIN);
TYPING_SPECIAL(TypeAlias, TK_PLAIN);
TYPING_SPECIAL(Union, TK_UNION);
TYPING_SPECIAL(Optional, TK_OPTIONAL);
TYPING_FORM_T(&typing_literal_form_type, Literal, TK_LITERAL, 0, TC_NONE, false, NULL, NULL);
TYPING_SPECIAL(Final, TK_SINGLE);
TYPING_SPECIAL(ClassVar, TK_SINGLE);
TYPING_SPECIAL(TypeGuard, TK_SINGLE);
TYPING_SPECIAL(Required, TK_SINGLE);
TYPING_SPECIAL(NotRequired, TK_SINGLE);
TYPING_SPECIAL(Concatenate, TK_VARIADIC);
TYPING_SPECIAL(Unpack, TK_VARIADIC);
TYPING_FORM(Annotated, TK_ANNOTATED, 0, TC_NONE, true, NULL, NULL);
// Generic[T] and Protocol[T] stand for the classes typing.Generic and
// typing.Protocol (the module exports those classes, not these forms).
TYPING_FORM(Generic, TK_GENERIC, 0, TC_NONE, true, &typing_generic_class, NULL);
TYPING_FORM(Protocol, TK_PROTOCOL, 0, TC_NONE, true, &typing_protocol_class, NULL);
TYPING_FORM_T(&typing_callable_form_type, Callable, TK_CALLABLE, 0, TC_CALLABLE, false, NULL, NULL);
TYPING_FORM_T(&typing_tuple_form_type, Tuple, TK_TUPLE, 0, TC_ISA, false, &kr_type_tuple, &kr_type_tuple);
TYPING_ALIAS_DEF(List, 1, TC_ISA, &kr_type_list, &kr_type_list);
TYPING_ALIAS_DEF(Dict, 2, TC_ISA, &kr_type_dict, &kr_type_dict);
TYPING_ALIAS_DEF(Set, 1, TC_ISA, &kr_type_set, &kr_type_set);
TYPING_ALIAS_DEF(FrozenSet, 1, TC_ISA, &kr_type_frozenset, &kr_type_frozenset);
TYPING_ALIAS_DEF(Type, 1, TC_ISA, &kr_type_type, &kr_type_type);
TYPING_ALIAS_DEF(DefaultDict, 2, TC_MISSING, NULL, NULL);
TYPING_ALIAS_DEF(OrderedDict, 2, TC_MISSING, NULL, NULL);
TYPING_ALIAS_DEF(Counter, 1, TC_MISSING, NULL, NULL);
TYPING_ALIAS_DEF(Deque, 1, TC_MISSING, NULL, NULL);
TYPING_ALIAS_DEF(ChainMap, 2, TC_MISSING, NULL, NULL);
TYPING_ALIAS_DEF(Pattern, 1, TC_MISSING, NULL, NULL);
TYPING_ALIAS_DEF(Match, 1, TC_MISSING, NULL, NULL);
TYPING_ALIAS_DEF(Iterable, 1, TC_ITERABLE, NULL, NULL);
TYPING_ALIAS_DEF(Iterator, 1, TC_ITERATOR, NULL, NULL);
TYPING_ALIAS_DEF(Generator, 3, TC_ISA, NULL, &kr_type_generator);
TYPING_ALIAS_DEF(Reversible, 1, TC_REVERSIBLE, NULL, NULL);
TYPING_ALIAS_DEF(Container, 1, TC_CONTAINER, NULL, NULL);
TYPING_ALIAS_DEF(Collection, 1, TC_COLLECTION, NULL, NULL);
TYPING_ALIAS_DEF(Hashable, 0, TC_HASHABLE, NULL, NULL);
TYPING_ALIAS_DEF(Sized, 0, TC_SIZED, NULL, NULL);
TYPING_ALIAS_DEF(Sequence, 1, TC_SEQUENCE, NULL, NULL);
TYPING_ALIAS_DEF(MutableSequence, 1, TC_ISA, NULL, &kr_type_list);
TYPING_ALIAS_DEF(Mapping, 2, TC_ISA, NULL, &kr_type_dict);
TYPING_ALIAS_DEF(MutableMapping, 2, TC_ISA, NULL, &kr_type_dict);
TYPING_ALIAS_DEF(AbstractSet, 1, TC_SET, NULL, NULL);
TYPING_ALIAS_DEF(MutableSet, 1, TC_ISA, NULL, &kr_type_set);
TYPING_ALIAS_DEF(MappingView, 1, TC_VIEW, NULL, NULL);
TYPING_ALIAS_DEF(KeysView, 1, TC_ISA, NULL, &kr_type_dict_keys);
TYPING_ALIAS_DEF(ItemsView, 2, TC_ISA, NULL, &kr_type_dict_items);
TYPING_ALIAS_DEF(ValuesView, 1, TC_ISA, NULL, &kr_type_dict_values);
TYPING_ALIAS_DEF(Awaitable, 1, TC_NONE, NULL, NULL);
TYPING_ALIAS_DEF(Coroutine, 3, TC_NONE, NULL, NULL);
TYPING_ALIAS_DEF(AsyncIterable, 1, TC_NONE, NULL, NULL);
TYPING_ALIAS_DEF(AsyncIterator, 1, TC_NONE, NULL, NULL);
TYPING_ALIAS_DEF(AsyncGenerator, 2, TC_NONE, NULL, NULL);
TYPING_ALIAS_DEF(ContextManager, 1, TC_NONE, NULL, NULL);
TYPING_ALIAS_DEF(AsyncContextManager, 1, TC_NONE, NULL, NULL);
TYPING_FORM_T(&typing_special_alias_type, IO, TK_ALIAS, 1, TC_NONE, true, NULL, NULL);
TYPING_FORM_T(&typing_special_alias_type, TextIO, TK_ALIAS, 0, TC_NONE, true, NULL, NULL);
TYPING_FORM_T(&typing_special_alias_type, BinaryIO, TK_ALIAS, 0, TC_NONE, true, NULL, NULL);
#undef TYPING_FORM
#undef TYPING_SPECIAL
#undef TYPING_ALIAS_DEF

static const TypingForm *const typing_forms[] = {
    &typing_f_Any, &typing_f_NoReturn, &typing_f_Never, &typing_f_Self, &typing_f_LiteralString,
    &typing_f_TypeAlias, &typing_f_Union, &typing_f_Optional, &typing_f_Literal, &typing_f_Final,
    &typing_f_ClassVar, &typing_f_TypeGuard, &typing_f_Required, &typing_f_NotRequired,
    &typing_f_Concatenate, &typing_f_Unpack, &typing_f_Annotated,
    &typing_f_Callable, &typing_f_Tuple, &typing_f_List, &typing_f_Dict, &typing_f_Set, &typing_f_FrozenSet,
    &typing_f_Type, &typing_f_DefaultDict, &typing_f_OrderedDict, &typing_f_Counter, &typing_f_Deque,
    &typing_f_ChainMap, &typing_f_Pattern, &typing_f_Match, &typing_f_Iterable, &typing_f_Iterator,
    &typing_f_Generator, &typing_f_Reversible, &typing_f_Container, &typing_f_Collection,
    &typing_f_Hashable, &typing_f_Sized, &typing_f_Sequence, &typing_f_MutableSequence, &typing_f_Mapping,
    &typing_f_MutableMapping, &typing_f_AbstractSet, &typing_f_MutableSet, &typing_f_MappingView,
    &typing_f_KeysView, &typing_f_ItemsView, &typing_f_ValuesView, &typing_f_Awaitable,
    &typing_f_Coroutine, &typing_f_AsyncIterable, &typing_f_AsyncIterator, &typing_f_AsyncGenerator,
    &typing_f_ContextManager, &typing_f_AsyncContextManager, &typing_f_IO, &typing_f_TextIO,
    &typing_f_BinaryIO,
};

static const TypingForm *typing_form_of(KrValue v) { return (const TypingForm *)kr_as_obj(v); }
static bool typing_is_form(KrValue v) {
    if (!kr_is_ptr(v)) return false;
    const KrType *t = kr_as_obj(v)->type;
    return t == &typing_form_type || t == &typing_any_meta_type || t == &typing_literal_form_type ||
           t == &typing_callable_form_type || t == &typing_tuple_form_type || t == &typing_special_alias_type;
}

// ---- aliases: List[int], list[int], int | None ------------------------------------------------

typedef struct TypingAlias {
    KrObj ob;
    const TypingForm *form; // typing aliases; NULL for types.GenericAlias / UnionType
    KrValue origin;         // types.GenericAlias: the class; else KR_NULL
    KrValue args;           // tuple: __args__
    KrValue params;         // tuple of the TypeVars in args: __parameters__
    KrValue meta;           // Annotated: the metadata tuple; else KR_NULL
} TypingAlias;

static TypingAlias *typing_alias_of(KrValue v) { return (TypingAlias *)kr_as_obj(v); }
static bool typing_is_alias(KrValue v) {
    if (!kr_is_ptr(v)) return false;
    const KrType *t = kr_as_obj(v)->type;
    return t == &typing_alias_type || t == &typing_union_alias_type || t == &typing_callable_alias_type ||
           t == &typing_literal_alias_type || t == &typing_annotated_alias_type;
}
static bool typing_is_ga(KrValue v) { return kr_is_type(v, &typing_ga_type); }
static bool typing_is_uniontype(KrValue v) { return kr_is_type(v, &typing_union_type); }
static bool typing_is_any_alias(KrValue v) {
    return typing_is_alias(v) || typing_is_ga(v) || typing_is_uniontype(v);
}
static bool typing_is_alias_kind(KrValue v, TypingKind k) {
    return typing_is_alias(v) && typing_alias_of(v)->form->kind == k;
}
// typing.Union[...] or int | str: the two compare equal.
static bool typing_is_unionish(KrValue v) {
    return typing_is_alias_kind(v, TK_UNION) || typing_is_uniontype(v);
}

static void typing_alias_trace(KrRun *r, KrObj *o) {
    TypingAlias *a = (TypingAlias *)o;
    kr_gc_mark(r, a->origin);
    kr_gc_mark(r, a->args);
    kr_gc_mark(r, a->params);
    kr_gc_mark(r, a->meta);
}

// ---- TypeVar -------------------------------------------------------------------------------------

typedef struct TypingTypeVar {
    KrObj ob;
    KrValue name, bound, constraints;
    bool covariant, contravariant;
} TypingTypeVar;

static TypingTypeVar *typing_tv_of(KrValue v) { return (TypingTypeVar *)kr_as_obj(v); }
static bool typing_is_tv(KrValue v) { return kr_is_type(v, &typing_typevar_type); }

// ---- small helpers -------------------------------------------------------------------------------

static bool typing_is_class(KrValue v) { return kr_is_ptr(v) && kr_isinstance(v, &kr_type_type); }

// Everything typing's own `|` and subscripts treat as a typing object.
static bool typing_is_typing_obj(KrValue v) {
    if (!kr_is_ptr(v)) return false;
    const KrType *t = kr_as_obj(v)->type;
    return typing_is_form(v) || typing_is_alias(v) || t == &typing_typevar_type ||
           t == &typing_fwdref_type || t == &typing_newtype_type || t == &typing_tdclass_type;
}

static KrValue typing_nomem(KrRun *r) {
    if (r->exc == KR_NULL && !r->limit_hit) kr_raise(r, &kr_exc_MemoryError, "typing");
    return KR_EXC;
}

static KrValue typing_buf_result(KrRun *r, KrBuf *b, bool ok) {
    KrValue s = ok ? kr_str_from_buf(r, b) : KR_EXC;
    kr_buf_free(b);
    return s == KR_EXC ? typing_nomem(r) : s;
}

static bool typing_buf_str(KrBuf *b, KrValue s) {
    return kr_buf_append(b, kr_as_str(s)->data, kr_as_str(s)->nbytes);
}

static bool typing_buf_repr(KrRun *r, KrBuf *b, KrValue v) {
    KrValue s = kr_repr(r, v);
    return s != KR_EXC && typing_buf_str(b, s);
}

// A subscript's items: the tuple itself, or a 1-tuple of anything else.
static KrValue typing_subscript_items(KrRun *r, KrValue key) {
    if (kr_is_type(key, &kr_type_tuple)) return key;
    return kr_tuple_from_array(r, &key, 1);
}

static bool typing_name_is(const KrStr *name, const char *s) { return kr_str_eq_cstr(name, s); }

static bool typing_is_dunder(const KrStr *name) {
    return name->nbytes > 4 && name->data[0] == '_' && name->data[1] == '_' &&
           name->data[name->nbytes - 1] == '_' && name->data[name->nbytes - 2] == '_';
}

static KrValue typing_main_module(KrRun *r) {
    return r->main_name != KR_NULL ? r->main_name : kr_str_from_cstr(r, "__main__");
}

// ---- reprs ------------------------------------------------------------------------------------------

typedef struct TypingClassInfo {
    KrObj ob;
    KrValue name; // str
} TypingClassInfo; // the head of TypedDict classes

// CPython's typing._type_repr: classes by qualified name (builtins bare),
// ... for Ellipsis, repr() for the rest.
static bool typing_buf_arg(KrRun *r, KrBuf *b, KrValue v) {
    if (v == KR_ELLIPSIS) return kr_buf_append_str(b, "...");
    if (kr_is_type(v, &typing_tdclass_type)) {
        KrValue m = typing_main_module(r);
        return m != KR_EXC && typing_buf_str(b, m) && kr_buf_append_char(b, '.') &&
               typing_buf_str(b, ((TypingClassInfo *)kr_as_obj(v))->name);
    }
    if (kr_is_type(v, &kr_type_list)) { // Callable's parameter list inside list[...] / tuple[...]
        KrList *l = kr_as_list(v);
        bool ok = kr_buf_append_char(b, '[');
        for (size_t i = 0; ok && i < l->len; i++)
            ok = (i == 0 || kr_buf_append_str(b, ", ")) && typing_buf_arg(r, b, l->items[i]);
        return ok && kr_buf_append_char(b, ']');
    }
    if (!typing_is_class(v)) return typing_buf_repr(r, b, v);
    KrValue mod = kr_getattr_cstr(r, v, "__module__");
    KrValue qual = mod == KR_EXC ? KR_EXC : kr_getattr_cstr(r, v, "__qualname__");
    if (qual == KR_EXC) return false;
    if (!kr_is_str(mod) || !kr_is_str(qual)) return typing_buf_repr(r, b, v);
    if (!kr_str_eq_cstr(kr_as_str(mod), "builtins") && !(typing_buf_str(b, mod) && kr_buf_append_char(b, '.')))
        return false;
    return typing_buf_str(b, qual);
}

static bool typing_buf_args(KrRun *r, KrBuf *b, const KrValue *items, size_t n, bool plain_repr) {
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        ok = (i == 0 || kr_buf_append_str(b, ", ")) &&
             (plain_repr ? typing_buf_repr(r, b, items[i]) : typing_buf_arg(r, b, items[i]));
        ok = ok && kr_run_tick(r, 1);
    }
    return ok;
}

static KrValue typing_form_repr(KrRun *r, KrValue v) {
    const TypingForm *f = typing_form_of(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, f->as_class ? "<class 'typing.%s'>" : "typing.%s", f->name);
    return typing_buf_result(r, &b, ok);
}

static bool typing_is_nonetype(KrValue v) { return v == kr_from_obj(&kr_type_none); }

// Union[X, None] prints (and is named) as Optional[X].
static bool typing_alias_is_optional(const TypingAlias *a) {
    KrTuple *t = kr_as_tuple(a->args);
    return a->form && a->form->kind == TK_UNION && t->len == 2 &&
           (typing_is_nonetype(t->items[0]) || typing_is_nonetype(t->items[1]));
}

static bool typing_buf_alias_body(KrRun *r, KrBuf *b, const TypingAlias *a) {
    KrTuple *t = kr_as_tuple(a->args);
    switch (a->form->kind) {
    case TK_UNION:
        if (typing_alias_is_optional(a)) {
            KrValue other = typing_is_nonetype(t->items[0]) ? t->items[1] : t->items[0];
            return kr_buf_append_str(b, "typing.Optional[") && typing_buf_arg(r, b, other);
        }
        break;
    case TK_CALLABLE:
        if (t->len == 0) break;
        if (!kr_buf_append_str(b, "typing.Callable[")) return false;
        if (t->len == 2 && t->items[0] == KR_ELLIPSIS) {
            if (!kr_buf_append_str(b, "...")) return false;
        } else if (!(kr_buf_append_char(b, '[') && typing_buf_args(r, b, t->items, t->len - 1, false) &&
                     kr_buf_append_char(b, ']'))) {
            return false;
        }
        return kr_buf_append_str(b, ", ") && typing_buf_arg(r, b, t->items[t->len - 1]);
    case TK_ANNOTATED: {
        KrTuple *m = kr_as_tuple(a->meta);
        return kr_buf_append_str(b, "typing.Annotated[") && typing_buf_arg(r, b, t->items[0]) &&
               kr_buf_append_str(b, ", ") && typing_buf_args(r, b, m->items, m->len, true);
    }
    default: break;
    }
    bool ok = kr_buf_printf(b, "typing.%s[", a->form->name);
    if (ok && t->len == 0) return kr_buf_append_str(b, "()");
    return ok && typing_buf_args(r, b, t->items, t->len, a->form->kind == TK_LITERAL);
}

static KrValue typing_alias_repr(KrRun *r, KrValue v) {
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = typing_buf_alias_body(r, &b, typing_alias_of(v)) && kr_buf_append_char(&b, ']');
    return typing_buf_result(r, &b, ok);
}

static KrValue typing_ga_repr(KrRun *r, KrValue v) {
    const TypingAlias *a = typing_alias_of(v);
    KrTuple *t = kr_as_tuple(a->args);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = typing_buf_arg(r, &b, a->origin) && kr_buf_append_char(&b, '[');
    ok = ok && (t->len ? typing_buf_args(r, &b, t->items, t->len, false) : kr_buf_append_str(&b, "()"));
    return typing_buf_result(r, &b, ok && kr_buf_append_char(&b, ']'));
}

// int | None: NoneType prints as None here.
static KrValue typing_uniontype_repr(KrRun *r, KrValue v) {
    KrTuple *t = kr_as_tuple(typing_alias_of(v)->args);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = true;
    for (size_t i = 0; ok && i < t->len; i++) {
        ok = i == 0 || kr_buf_append_str(&b, " | ");
        if (ok) ok = typing_is_nonetype(t->items[i]) ? kr_buf_append_str(&b, "None") : typing_buf_arg(r, &b, t->items[i]);
    }
    return typing_buf_result(r, &b, ok);
}

// ---- building aliases -------------------------------------------------------------------------------

// Adds v to list l unless an equal item (same type for Literal values,
// where 1 and True differ) is there already.
static int typing_add_unique(KrRun *r, KrValue l, KrValue v, bool same_type) {
    KrList *list = kr_as_list(l);
    for (size_t i = 0; i < list->len; i++) {
        if (same_type && kr_typeof(list->items[i]) != kr_typeof(v)) continue;
        int eq = kr_eq(r, list->items[i], v);
        if (eq < 0) return -1;
        if (eq) return 0;
    }
    return kr_list_append(r, list, v) ? 1 : -1;
}

// The TypeVars of args in order of first appearance (aliases contribute
// their own parameters).
static KrValue typing_collect_params(KrRun *r, KrValue args) {
    KrValue l = kr_list_new(r, 0);
    if (l == KR_EXC) return KR_EXC;
    KrTuple *t = kr_as_tuple(args);
    for (size_t i = 0; i < t->len; i++) {
        KrValue a = t->items[i];
        if (typing_is_tv(a)) {
            if (typing_add_unique(r, l, a, true) < 0) return KR_EXC;
        } else if (typing_is_any_alias(a)) {
            KrTuple *p = kr_as_tuple(typing_alias_of(a)->params);
            for (size_t j = 0; j < p->len; j++)
                if (typing_add_unique(r, l, p->items[j], true) < 0) return KR_EXC;
        }
    }
    return kr_tuple_from_array(r, kr_as_list(l)->items, kr_as_list(l)->len);
}

// The class CPython gives a subscripted form (what type() shows).
static const KrType *typing_alias_type_for(const TypingForm *form) {
    switch (form->kind) {
    case TK_UNION:
    case TK_OPTIONAL: return &typing_union_alias_type;
    case TK_CALLABLE: return &typing_callable_alias_type;
    case TK_LITERAL: return &typing_literal_alias_type;
    case TK_ANNOTATED: return &typing_annotated_alias_type;
    default: return &typing_alias_type;
    }
}

static KrValue typing_alias_make(KrRun *r, const KrType *type, const TypingForm *form, KrValue origin,
                                 KrValue args, KrValue meta) {
    KrValue params = typing_collect_params(r, args);
    if (params == KR_EXC) return KR_EXC;
    if (type == &typing_alias_type) type = typing_alias_type_for(form);
    TypingAlias *a = kr_gc_alloc(r, type, sizeof(TypingAlias));
    if (!a) return KR_EXC;
    a->form = form;
    a->origin = origin;
    a->args = args;
    a->params = params;
    a->meta = meta;
    return kr_from_obj(a);
}

static KrValue typing_alias_new(KrRun *r, const TypingForm *form, KrValue args) {
    return typing_alias_make(r, &typing_alias_type, form, KR_NULL, args, KR_NULL);
}

static KrValue typing_fwdref_new(KrRun *r, KrValue s);

// CPython's _type_check: None means NoneType, a string is a forward
// reference, and bare special forms are not types.
static KrValue typing_check_arg(KrRun *r, KrValue v) {
    if (v == KR_NONE) return kr_from_obj(&kr_type_none);
    if (kr_is_str(v)) return typing_fwdref_new(r, v);
    if (typing_is_form(v)) {
        switch (typing_form_of(v)->kind) {
        case TK_UNION: case TK_OPTIONAL: case TK_LITERAL: case TK_SINGLE: case TK_VARIADIC:
        case TK_GENERIC: case TK_PROTOCOL: {
            KrValue s = kr_repr(r, v);
            if (s == KR_EXC) return KR_EXC;
            return kr_raise(r, &kr_exc_TypeError, "Plain %s is not valid as type argument", kr_as_str(s)->data);
        }
        default: break;
        }
    }
    return v;
}

// A new tuple of the checked items.
static KrValue typing_check_args(KrRun *r, const KrValue *items, size_t n) {
    KrValue t = kr_tuple_new(r, n);
    if (t == KR_EXC) return KR_EXC;
    for (size_t i = 0; i < n; i++) {
        KrValue c = typing_check_arg(r, items[i]);
        if (c == KR_EXC) return KR_EXC;
        kr_as_tuple(t)->items[i] = c;
    }
    return t;
}

// Adds the members of a union (or v itself) to the list being built.
static bool typing_union_add(KrRun *r, KrValue l, KrValue v) {
    if (!typing_is_unionish(v)) return typing_add_unique(r, l, v, false) >= 0;
    KrTuple *t = kr_as_tuple(typing_alias_of(v)->args);
    for (size_t i = 0; i < t->len; i++)
        if (typing_add_unique(r, l, t->items[i], false) < 0) return false;
    return true;
}

// Union[items...]: flattened, duplicates dropped, a single member is
// returned itself. `uniontype` builds int | str instead.
static KrValue typing_union_build(KrRun *r, const KrValue *items, size_t n, bool uniontype) {
    KrValue l = kr_list_new(r, n);
    if (l == KR_EXC) return KR_EXC;
    kr_root_push(r, &l); // equality tests may run Python code
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        KrValue c = uniontype && items[i] == KR_NONE ? kr_from_obj(&kr_type_none)
                    : uniontype                     ? items[i]
                                                    : typing_check_arg(r, items[i]);
        int64_t h;
        ok = c != KR_EXC && kr_hash(r, c, &h) && typing_union_add(r, l, c);
    }
    kr_root_pop(r, 1);
    if (!ok) return KR_EXC;
    KrList *list = kr_as_list(l);
    if (list->len == 0) return kr_raise(r, &kr_exc_TypeError, "Cannot take a Union of no types.");
    if (list->len == 1) return list->items[0];
    KrValue args = kr_tuple_from_array(r, list->items, list->len);
    if (args == KR_EXC) return KR_EXC;
    if (uniontype) return typing_alias_make(r, &typing_union_type, NULL, KR_NULL, args, KR_NULL);
    return typing_alias_new(r, &typing_f_Union, args);
}

static KrValue typing_raise_got(KrRun *r, const char *fmt, KrValue items) {
    KrValue s = kr_repr(r, items);
    if (s == KR_EXC) return KR_EXC;
    return kr_raise(r, &kr_exc_TypeError, fmt, kr_as_str(s)->data);
}

// Literal[...]: values as given (nested Literals flattened), duplicates
// dropped.
static KrValue typing_literal_build(KrRun *r, KrValue items) {
    KrValue l = kr_list_new(r, 0);
    if (l == KR_EXC) return KR_EXC;
    kr_root_push(r, &l);
    KrTuple *t = kr_as_tuple(items);
    bool ok = true;
    for (size_t i = 0; ok && i < t->len; i++) {
        KrValue v = t->items[i];
        if (typing_is_alias_kind(v, TK_LITERAL)) {
            KrTuple *inner = kr_as_tuple(typing_alias_of(v)->args);
            for (size_t j = 0; ok && j < inner->len; j++) ok = typing_add_unique(r, l, inner->items[j], true) >= 0;
        } else {
            ok = typing_add_unique(r, l, v, true) >= 0;
        }
    }
    kr_root_pop(r, 1);
    KrValue args = ok ? kr_tuple_from_array(r, kr_as_list(l)->items, kr_as_list(l)->len) : KR_EXC;
    return args == KR_EXC ? KR_EXC : typing_alias_new(r, &typing_f_Literal, args);
}

static KrValue typing_annotated_build(KrRun *r, KrValue items) {
    KrTuple *t = kr_as_tuple(items);
    if (t->len < 2)
        return kr_raise(r, &kr_exc_TypeError,
                        "Annotated[...] should be used with at least two arguments (a type and an annotation).");
    KrValue origin = typing_check_arg(r, t->items[0]);
    if (origin == KR_EXC) return KR_EXC;
    KrValue meta = kr_tuple_from_array(r, t->items + 1, t->len - 1);
    if (meta == KR_EXC) return KR_EXC;
    if (typing_is_alias_kind(origin, TK_ANNOTATED)) { // Annotated[Annotated[T, a], b] is Annotated[T, a, b]
        TypingAlias *inner = typing_alias_of(origin);
        meta = kr_binary(r, inner->meta, meta, KR_BIN_ADD);
        origin = kr_as_tuple(inner->args)->items[0];
        if (meta == KR_EXC) return KR_EXC;
    }
    KrValue args = kr_tuple_from_array(r, &origin, 1);
    if (args == KR_EXC) return KR_EXC;
    return typing_alias_make(r, &typing_alias_type, &typing_f_Annotated, KR_NULL, args, meta);
}

// Callable[[a, b], r] has __args__ (a, b, r); Callable[..., r] (..., r).
static KrValue typing_callable_build(KrRun *r, KrValue key) {
    if (!kr_is_type(key, &kr_type_tuple) || kr_as_tuple(key)->len != 2)
        return kr_raise(r, &kr_exc_TypeError, "Callable must be used as Callable[[arg, ...], result].");
    KrValue params = kr_as_tuple(key)->items[0];
    KrValue result = typing_check_arg(r, kr_as_tuple(key)->items[1]);
    if (result == KR_EXC) return KR_EXC;
    KrValue head;
    if (kr_is_type(params, &kr_type_list)) head = typing_check_args(r, kr_as_list(params)->items, kr_as_list(params)->len);
    else if (params == KR_ELLIPSIS) head = kr_tuple_from_array(r, &params, 1);
    else head = typing_check_args(r, &params, 1);
    if (head == KR_EXC) return KR_EXC;
    KrValue tail = kr_tuple_from_array(r, &result, 1);
    KrValue args = tail == KR_EXC ? KR_EXC : kr_binary(r, head, tail, KR_BIN_ADD);
    return args == KR_EXC ? KR_EXC : typing_alias_new(r, &typing_f_Callable, args);
}

static KrValue typing_generic_build(KrRun *r, const TypingForm *f, KrValue items) {
    KrTuple *t = kr_as_tuple(items);
    if (t->len == 0)
        return kr_raise(r, &kr_exc_TypeError, "Parameter list to %s[...] cannot be empty", f->name);
    for (size_t i = 0; i < t->len; i++) {
        if (!typing_is_tv(t->items[i]))
            return kr_raise(r, &kr_exc_TypeError,
                            "Parameters to %s[...] must all be type variables or parameter specification variables.",
                            f->name);
        for (size_t j = 0; j < i; j++)
            if (t->items[j] == t->items[i])
                return kr_raise(r, &kr_exc_TypeError, "Parameters to %s[...] must all be unique", f->name);
    }
    return typing_alias_new(r, f, items);
}

static KrValue typing_counted_build(KrRun *r, const TypingForm *f, KrValue items) {
    size_t n = kr_as_tuple(items)->len, want = (size_t)f->nparams;
    if (f->nparams == 0) return kr_raise(r, &kr_exc_TypeError, "typing.%s is not a generic class", f->name);
    if (n != want)
        return kr_raise(r, &kr_exc_TypeError, "Too %s arguments for typing.%s; actual %zu, expected %zu",
                        n > want ? "many" : "few", f->name, n, want);
    KrValue args = typing_check_args(r, kr_as_tuple(items)->items, n);
    return args == KR_EXC ? KR_EXC : typing_alias_new(r, f, args);
}

static KrValue typing_form_build(KrRun *r, const TypingForm *f, KrValue items);

// Form[key]: what each bare name makes of a subscript.
static KrValue typing_form_subscript(KrRun *r, const TypingForm *f, KrValue key) {
    if (f->kind == TK_CALLABLE) return typing_callable_build(r, key);
    KrValue items = typing_subscript_items(r, key);
    if (items == KR_EXC) return KR_EXC;
    kr_root_push(r, &items); // equality tests on the items may run Python code
    KrValue res = typing_form_build(r, f, items);
    kr_root_pop(r, 1);
    return res;
}

static KrValue typing_form_build(KrRun *r, const TypingForm *f, KrValue items) {
    KrTuple *t = kr_as_tuple(items);
    switch ((TypingKind)f->kind) {
    case TK_ANY: return kr_raise(r, &kr_exc_TypeError, "type 'Any' is not subscriptable");
    case TK_PLAIN: return kr_raise(r, &kr_exc_TypeError, "typing.%s is not subscriptable", f->name);
    case TK_UNION: return typing_union_build(r, t->items, t->len, false);
    case TK_OPTIONAL: {
        if (t->len != 1) return typing_raise_got(r, "typing.Optional requires a single type. Got %s.", items);
        KrValue pair[2] = {t->items[0], KR_NONE};
        return typing_union_build(r, pair, 2, false);
    }
    case TK_LITERAL: return typing_literal_build(r, items);
    case TK_SINGLE: {
        if (t->len != 1) {
            KrValue s = kr_repr(r, items);
            if (s == KR_EXC) return KR_EXC;
            return kr_raise(r, &kr_exc_TypeError, "typing.%s accepts only single type. Got %s.", f->name,
                            kr_as_str(s)->data);
        }
        KrValue args = typing_check_args(r, t->items, 1);
        return args == KR_EXC ? KR_EXC : typing_alias_new(r, f, args);
    }
    case TK_ANNOTATED: return typing_annotated_build(r, items);
    case TK_GENERIC:
    case TK_PROTOCOL: return typing_generic_build(r, f, items);
    case TK_TUPLE:
    case TK_VARIADIC: {
        KrValue args = typing_check_args(r, t->items, t->len);
        return args == KR_EXC ? KR_EXC : typing_alias_new(r, f, args);
    }
    case TK_ALIAS: return typing_counted_build(r, f, items);
    case TK_CALLABLE: break;
    }
    return kr_raise(r, &kr_exc_TypeError, "typing.%s is not subscriptable", f->name);
}

static KrValue typing_form_getitem(KrRun *r, KrValue o, KrValue key) {
    return typing_form_subscript(r, typing_form_of(o), key);
}

// ---- substitution: List[T][int] -----------------------------------------------------------------

static KrValue typing_subst(KrRun *r, KrValue v, KrTuple *params, const KrValue *repl);

static KrValue typing_rebuild(KrRun *r, KrValue alias, KrValue args) {
    TypingAlias *a = typing_alias_of(alias);
    KrTuple *t = kr_as_tuple(args);
    if (typing_is_uniontype(alias)) return typing_union_build(r, t->items, t->len, true);
    if (typing_is_ga(alias)) return typing_alias_make(r, &typing_ga_type, NULL, a->origin, args, KR_NULL);
    if (a->form->kind == TK_UNION) return typing_union_build(r, t->items, t->len, false);
    return typing_alias_make(r, &typing_alias_type, a->form, KR_NULL, args, a->meta);
}

static KrValue typing_subst(KrRun *r, KrValue v, KrTuple *params, const KrValue *repl) {
    if (typing_is_tv(v)) {
        for (size_t i = 0; i < params->len; i++)
            if (params->items[i] == v) return repl[i];
        return v;
    }
    if (!typing_is_any_alias(v) || kr_as_tuple(typing_alias_of(v)->params)->len == 0) return v;
    KrTuple *old = kr_as_tuple(typing_alias_of(v)->args);
    KrValue args = kr_tuple_new(r, old->len);
    if (args == KR_EXC) return KR_EXC;
    for (size_t i = 0; i < old->len; i++) {
        KrValue s = typing_subst(r, old->items[i], params, repl);
        if (s == KR_EXC) return KR_EXC;
        kr_as_tuple(args)->items[i] = s;
    }
    return typing_rebuild(r, v, args);
}

static KrValue typing_alias_getitem(KrRun *r, KrValue o, KrValue key) {
    TypingAlias *a = typing_alias_of(o);
    KrTuple *params = kr_as_tuple(a->params);
    if (params->len == 0) {
        KrValue s = kr_repr(r, o);
        return s == KR_EXC ? KR_EXC : kr_raise(r, &kr_exc_TypeError, "%s is not a generic class", kr_as_str(s)->data);
    }
    KrValue items = typing_subscript_items(r, key);
    if (items == KR_EXC) return KR_EXC;
    KrTuple *t = kr_as_tuple(items);
    if (t->len != params->len) {
        KrValue s = kr_repr(r, o);
        if (s == KR_EXC) return KR_EXC;
        return kr_raise(r, &kr_exc_TypeError, "Too %s arguments for %s; actual %zu, expected %zu",
                        t->len > params->len ? "many" : "few", kr_as_str(s)->data, t->len, params->len);
    }
    bool checked = typing_is_alias(o) && a->form->kind != TK_LITERAL;
    KrValue repl = checked ? typing_check_args(r, t->items, t->len) : items;
    if (repl == KR_EXC) return KR_EXC;
    kr_root_push(r, &repl);
    KrValue res = typing_subst(r, o, params, kr_as_tuple(repl)->items);
    kr_root_pop(r, 1);
    return res;
}

// ---- equality and hashing -----------------------------------------------------------------------

// Same members in any order (unions; Literal values also by type).
static int typing_same_members(KrRun *r, KrTuple *x, KrTuple *y, bool same_type) {
    if (x->len != y->len) return 0;
    for (size_t i = 0; i < x->len; i++) {
        bool found = false;
        for (size_t j = 0; j < y->len && !found; j++) {
            if (same_type && kr_typeof(x->items[i]) != kr_typeof(y->items[j])) continue;
            int eq = kr_eq(r, x->items[i], y->items[j]);
            if (eq < 0) return -1;
            found = eq;
        }
        if (!found) return 0;
    }
    return 1;
}

static int typing_alias_equal(KrRun *r, KrValue a, KrValue b) {
    TypingAlias *x = typing_alias_of(a), *y = typing_alias_of(b);
    if (typing_is_unionish(a) && typing_is_unionish(b))
        return typing_same_members(r, kr_as_tuple(x->args), kr_as_tuple(y->args), false);
    if (kr_as_obj(a)->type != kr_as_obj(b)->type || x->form != y->form) return 0;
    if (x->form && x->form->kind == TK_LITERAL)
        return typing_same_members(r, kr_as_tuple(x->args), kr_as_tuple(y->args), true);
    if (x->origin != KR_NULL) {
        int eq = kr_eq(r, x->origin, y->origin);
        if (eq <= 0) return eq;
    }
    if (x->meta != KR_NULL) {
        int eq = kr_eq(r, x->meta, y->meta);
        if (eq <= 0) return eq;
    }
    return kr_eq(r, x->args, y->args);
}

static KrValue typing_alias_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    if ((op != KR_CMP_EQ && op != KR_CMP_NE) || !typing_is_any_alias(a) || !typing_is_any_alias(b))
        return KR_NOTIMPL;
    kr_root_push(r, &a);
    kr_root_push(r, &b);
    int eq = typing_alias_equal(r, a, b);
    kr_root_pop(r, 2);
    if (eq < 0) return KR_EXC;
    return kr_bool(op == KR_CMP_EQ ? eq : !eq);
}

static int64_t typing_mix(int64_t h, int64_t x) { return (int64_t)((uint64_t)h * 1000003u ^ (uint64_t)x); }

// Unions and Literals hash their members in any order (they compare so).
static bool typing_alias_hash(KrRun *r, KrValue v, int64_t *out) {
    TypingAlias *a = typing_alias_of(v);
    KrTuple *t = kr_as_tuple(a->args);
    int64_t h;
    if (typing_is_unionish(v) || (a->form && a->form->kind == TK_LITERAL)) {
        uint64_t sum = typing_is_unionish(v) ? 0x5bd1e995u : 0x27d4eb2fu;
        for (size_t i = 0; i < t->len; i++) {
            if (!kr_hash(r, t->items[i], &h)) return false;
            sum += (uint64_t)h * 0x9E3779B97F4A7C15ull;
        }
        *out = (int64_t)(sum >> 1);
        return true;
    }
    if (!kr_tuple_hash_items(r, t->items, t->len, &h)) return false;
    int64_t base = a->form ? kr_hash_bytes(a->form->name, strlen(a->form->name)) : 0;
    if (a->origin != KR_NULL) {
        int64_t oh;
        if (!kr_hash(r, a->origin, &oh)) return false;
        base = typing_mix(base, oh);
    }
    if (a->meta != KR_NULL) {
        int64_t mh;
        if (!kr_hash(r, a->meta, &mh)) return false;
        base = typing_mix(base, mh);
    }
    *out = typing_mix(base, h);
    if (*out == -1) *out = -2;
    return true;
}

static bool typing_form_hash(KrRun *r, KrValue v, int64_t *out) {
    (void)r;
    const char *n = typing_form_of(v)->name;
    *out = kr_hash_bytes(n, strlen(n));
    if (*out == -1) *out = -2;
    return true;
}

// ---- `|` ------------------------------------------------------------------------------------------

// Operands types.UnionType accepts: classes (typing.Any is one in 3.11),
// None, list[int], int | str.
static bool typing_unionable(KrValue v) {
    return v == KR_NONE || typing_is_class(v) || typing_is_ga(v) || typing_is_uniontype(v) ||
           (typing_is_form(v) && typing_form_of(v)->kind == TK_ANY);
}

KrValue kr_typing_or(KrRun *r, KrValue a, KrValue b) {
    KrValue pair[2] = {a, b};
    if (typing_unionable(a) && typing_unionable(b)) return typing_union_build(r, pair, 2, true);
    if (typing_is_typing_obj(a) || typing_is_typing_obj(b)) {
        bool ok_a = typing_is_typing_obj(a) || typing_unionable(a);
        bool ok_b = typing_is_typing_obj(b) || typing_unionable(b);
        if (!ok_a || !ok_b) return KR_NOTIMPL;
        return typing_union_build(r, pair, 2, false);
    }
    if (typing_unionable(a) && typing_unionable(b)) return typing_union_build(r, pair, 2, true);
    return KR_NOTIMPL;
}

static KrValue typing_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    return op == KR_BIN_OR ? kr_typing_or(r, a, b) : KR_NOTIMPL;
}

// ---- list[int]: types.GenericAlias ---------------------------------------------------------------

KrValue kr_typing_class_getitem(KrRun *r, KrValue origin, KrValue key) {
    KrValue args = typing_subscript_items(r, key);
    if (args == KR_EXC) return KR_EXC;
    return typing_alias_make(r, &typing_ga_type, NULL, origin, args, KR_NULL);
}

// ---- calling forms and aliases -------------------------------------------------------------------

static KrValue typing_cannot_call(KrRun *r, const TypingForm *f) {
    switch (f->kind) {
    case TK_ANY: return kr_raise(r, &kr_exc_TypeError, "Any cannot be instantiated");
    case TK_GENERIC:
        return kr_raise(r, &kr_exc_TypeError, "Type Generic cannot be instantiated; it can be used only as a base class");
    case TK_PROTOCOL: return kr_raise(r, &kr_exc_TypeError, "Protocols cannot be instantiated");
    case TK_ALIAS:
    case TK_TUPLE:
    case TK_CALLABLE:
        if (f->origin)
            return kr_raise(r, &kr_exc_TypeError, "Type %s cannot be instantiated; use %s() instead", f->name,
                            f->origin->name);
        if (f->check == TC_MISSING)
            return kr_raise(r, &kr_exc_NotImplementedError,
                            "typing.%s() would make an instance of a class krait does not provide", f->name);
        return kr_raise(r, &kr_exc_TypeError, "Can't instantiate abstract class %s", f->name);
    default: return kr_raise(r, &kr_exc_TypeError, "Cannot instantiate typing.%s", f->name);
    }
}

static KrValue typing_form_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args, KrValue kw) {
    (void)argc;
    (void)args;
    (void)kw;
    return typing_cannot_call(r, typing_form_of(callee));
}

static KrValue typing_alias_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args, KrValue kw) {
    TypingAlias *a = typing_alias_of(callee);
    if (typing_is_ga(callee)) return kr_call(r, a->origin, argc, args, kw);
    const TypingForm *f = a->form;
    if (f->kind == TK_UNION) return kr_raise(r, &kr_exc_TypeError, "Cannot instantiate typing.Union");
    if (f->kind == TK_ANNOTATED) return kr_call(r, kr_as_tuple(a->args)->items[0], argc, args, kw);
    return typing_cannot_call(r, f);
}

// ---- attributes ----------------------------------------------------------------------------------------

static bool typing_has_origin(const TypingForm *f) {
    return f->kind == TK_ALIAS || f->kind == TK_TUPLE || f->kind == TK_CALLABLE;
}

// What __origin__ / get_origin() give for a bare form (NULL: none). Origins
// krait has no class for (collections.abc.Iterable) are the form itself.
static KrValue typing_form_origin(const TypingForm *f) {
    if (typing_has_origin(f)) return kr_from_obj(f->origin ? (const void *)f->origin : (const void *)f);
    if (f->kind == TK_GENERIC || f->kind == TK_PROTOCOL) return kr_from_obj(f);
    return KR_NULL;
}

static KrValue typing_form_getattr(KrRun *r, KrValue o, KrStr *name) {
    const TypingForm *f = typing_form_of(o);
    if (typing_name_is(name, "__name__") || typing_name_is(name, "__qualname__")) return kr_str_from_cstr(r, f->name);
    if (typing_name_is(name, "__module__")) return kr_str_from_cstr(r, "typing");
    if (typing_name_is(name, "__class__")) return kr_from_obj(kr_typeof(o));
    if (typing_name_is(name, "__doc__")) return KR_NONE;
    if (typing_name_is(name, "__origin__") && typing_has_origin(f)) return typing_form_origin(f);
    if (typing_name_is(name, "__parameters__") && (f->kind == TK_GENERIC || f->kind == TK_PROTOCOL))
        return kr_from_obj(&kr_empty_tuple);
    if (f->origin && !typing_is_dunder(name)) return kr_getattr(r, kr_from_obj(f->origin), name);
    if (f->as_class)
        return kr_raise_attr_error(r, o, name, "type object '%s' has no attribute '%s'", f->name, name->data);
    return kr_raise_attr_error(r, o, name, "%s", name->data); // CPython's message is the bare name
}

// The __origin__ of a subscripted typing alias.
static KrValue typing_alias_origin(const TypingAlias *a) {
    switch (a->form->kind) {
    case TK_ANNOTATED: return kr_as_tuple(a->args)->items[0];
    case TK_ALIAS:
    case TK_TUPLE:
    case TK_CALLABLE: return typing_form_origin(a->form);
    default: return kr_from_obj(a->form);
    }
}

static KrValue typing_alias_getattr(KrRun *r, KrValue o, KrStr *name) {
    TypingAlias *a = typing_alias_of(o);
    if (typing_name_is(name, "__args__")) return a->args;
    if (typing_name_is(name, "__parameters__")) return a->params;
    if (typing_name_is(name, "__class__")) return kr_from_obj(kr_typeof(o));
    if (typing_is_uniontype(o)) {
        if (typing_name_is(name, "__module__")) return kr_str_from_cstr(r, "types");
        return kr_raise_attr_error(r, o, name, "'types.UnionType' object has no attribute '%s'", name->data);
    }
    if (typing_is_ga(o)) {
        if (typing_name_is(name, "__origin__")) return a->origin;
        return kr_getattr(r, a->origin, name); // list[int].append is list.append
    }
    if (typing_name_is(name, "__origin__")) return typing_alias_origin(a);
    if (typing_name_is(name, "__metadata__") && a->meta != KR_NULL) return a->meta;
    if (typing_name_is(name, "__name__") || typing_name_is(name, "__qualname__"))
        return kr_str_from_cstr(r, typing_alias_is_optional(a) ? "Optional" : a->form->name);
    if (typing_name_is(name, "__module__")) return kr_str_from_cstr(r, "typing");
    if (typing_name_is(name, "__doc__")) return KR_NONE;
    if (typing_has_origin(a->form) && a->form->origin && !typing_is_dunder(name))
        return kr_getattr(r, kr_from_obj(a->form->origin), name);
    return kr_raise_attr_error(r, o, name, "'_GenericAlias' object has no attribute '%s'", name->data);
}

// ---- isinstance ------------------------------------------------------------------------------------------

// Does class t (or a base) define the protocol slot or Python method?
static bool typing_type_defines(KrRun *r, const KrType *t, bool slot, const char *dunder) {
    if (slot) return true;
    for (const KrType *p = t; p; p = p->base) {
        for (const KrMethodDef *m = p->methods; m && m->name; m++)
            if (strcmp(m->name, dunder) == 0) return true;
        if ((p->flags & KR_TF_HEAP) && kr_is_ptr(p->dict) && kr_isinstance(p->dict, &kr_type_dict) &&
            kr_dict_get_cstr(r, kr_as_dict(p->dict), dunder) != KR_NULL)
            return true;
    }
    return false;
}

// Protocol slots isinstance() against the abstract aliases looks for.
typedef enum { TS_ITER, TS_NEXT, TS_LEN, TS_CONTAINS, TS_CALL, TS_HASH } TypingSlot;

static bool typing_has_slot(const KrType *t, TypingSlot which) {
    for (; t; t = t->base) {
        bool has = which == TS_ITER ? t->iter != NULL : which == TS_NEXT ? t->next != NULL
                 : which == TS_LEN ? t->len != NULL : which == TS_CONTAINS ? t->contains != NULL
                 : which == TS_CALL ? t->call != NULL : t->hash != NULL;
        if (has) return true;
    }
    return false;
}

static bool typing_is_sub(const KrType *t, const KrType *base) { return kr_type_is_subtype(t, base); }

static bool typing_is_sequence(const KrType *t) {
    return typing_is_sub(t, &kr_type_list) || typing_is_sub(t, &kr_type_tuple) || typing_is_sub(t, &kr_type_str) ||
           typing_is_sub(t, &kr_type_range) || typing_is_sub(t, &kr_type_bytes);
}

static bool typing_is_view(const KrType *t) {
    return typing_is_sub(t, &kr_type_dict_keys) || typing_is_sub(t, &kr_type_dict_values) ||
           typing_is_sub(t, &kr_type_dict_items);
}

// isinstance(x, List) / issubclass(t, Iterable): what the abstract base
// class would answer, from the slots of t.
static bool typing_abstract_check(KrRun *r, const KrType *t, const TypingForm *f) {
    switch ((TypingCheck)f->check) {
    case TC_ISA: return f->isa && typing_is_sub(t, f->isa);
    case TC_ITERABLE: return typing_type_defines(r, t, typing_has_slot(t, TS_ITER), "__iter__");
    case TC_ITERATOR:
        return typing_type_defines(r, t, typing_has_slot(t, TS_NEXT), "__next__") &&
               typing_type_defines(r, t, typing_has_slot(t, TS_ITER), "__iter__");
    case TC_SIZED: return typing_type_defines(r, t, typing_has_slot(t, TS_LEN), "__len__");
    case TC_CONTAINER: return typing_type_defines(r, t, typing_has_slot(t, TS_CONTAINS), "__contains__");
    case TC_COLLECTION:
        return typing_type_defines(r, t, typing_has_slot(t, TS_LEN), "__len__") &&
               typing_type_defines(r, t, typing_has_slot(t, TS_ITER), "__iter__") &&
               typing_type_defines(r, t, typing_has_slot(t, TS_CONTAINS), "__contains__");
    case TC_HASHABLE:
        if (t->hash) return true;
        return (t->flags & KR_TF_HEAP) && typing_has_slot(t, TS_HASH);
    case TC_CALLABLE:
        return t == &kr_type_function || typing_type_defines(r, t, typing_has_slot(t, TS_CALL), "__call__");
    case TC_REVERSIBLE:
        return typing_is_sequence(t) || typing_is_sub(t, &kr_type_dict) || typing_is_view(t) ||
               typing_type_defines(r, t, false, "__reversed__");
    case TC_SEQUENCE: return typing_is_sequence(t);
    case TC_SET:
        return typing_is_sub(t, &kr_type_set) || typing_is_sub(t, &kr_type_frozenset) ||
               typing_is_sub(t, &kr_type_dict_keys) || typing_is_sub(t, &kr_type_dict_items);
    case TC_VIEW: return typing_is_view(t);
    case TC_MISSING:
    case TC_NONE: return false;
    }
    return false;
}

static int typing_class_check(KrRun *r, const KrType *t, KrValue cls, const char *fname);

static int typing_form_check(KrRun *r, const KrType *t, const TypingForm *f, const char *fname) {
    switch ((TypingKind)f->kind) {
    case TK_ALIAS:
    case TK_TUPLE:
    case TK_CALLABLE: return typing_abstract_check(r, t, f);
    case TK_GENERIC:
    case TK_PROTOCOL: return 0;
    case TK_ANY:
        if (strcmp(fname, "issubclass") == 0) return 0;
        break;
    default: break;
    }
    kr_raise(r, &kr_exc_TypeError, "typing.%s cannot be used with %s()", f->name, fname);
    return -1;
}

static int typing_union_check(KrRun *r, const KrType *t, KrValue alias, const char *fname) {
    KrTuple *args = kr_as_tuple(typing_alias_of(alias)->args);
    for (size_t i = 0; i < args->len; i++) {
        KrValue a = args->items[i];
        int m;
        if (typing_is_class(a)) m = kr_type_is_subtype(t, (const KrType *)kr_as_obj(a));
        else m = typing_class_check(r, t, a, fname);
        if (m == -2) {
            kr_raise(r, &kr_exc_TypeError, "%s() argument 2 cannot contain %s", fname, kr_type_name(a));
            return -1;
        }
        if (m != 0) return m;
    }
    return 0;
}

// 1, 0, -1 (error), or -2: cls is nothing typing knows.
static int typing_class_check(KrRun *r, const KrType *t, KrValue cls, const char *fname) {
    if (typing_is_form(cls)) return typing_form_check(r, t, typing_form_of(cls), fname);
    if (typing_is_unionish(cls)) return typing_union_check(r, t, cls, fname);
    if (typing_is_ga(cls)) {
        kr_raise(r, &kr_exc_TypeError, "%s() argument 2 cannot be a parameterized generic", fname);
        return -1;
    }
    if (typing_is_alias(cls)) {
        kr_raise(r, &kr_exc_TypeError, "Subscripted generics cannot be used with class and instance checks");
        return -1;
    }
    if (kr_is_type(cls, &typing_tdclass_type)) {
        kr_raise(r, &kr_exc_TypeError, "TypedDict does not support instance and class checks");
        return -1;
    }
    return -2;
}


int kr_typing_isinstance(KrRun *r, KrValue obj, KrValue cls) {
    return typing_class_check(r, kr_typeof(obj), cls, "isinstance");
}

int kr_typing_issubclass(KrRun *r, KrValue sub, KrValue cls) {
    if (!typing_is_class(sub)) return -2;
    return typing_class_check(r, (const KrType *)kr_as_obj(sub), cls, "issubclass");
}

int kr_typing_class_check(KrRun *r, const KrType *t, KrValue cls, const char *fname) {
    return typing_class_check(r, t, cls, fname);
}

KrValue kr_typing_ga_origin(KrValue v) {
    return typing_is_ga(v) && kr_is_type(typing_alias_of(v)->origin, &kr_type_type) ? typing_alias_of(v)->origin
                                                                                    : KR_NULL;
}


// ---- TypeVar ---------------------------------------------------------------------------------------

static void typing_tv_trace(KrRun *r, KrObj *o) {
    TypingTypeVar *tv = (TypingTypeVar *)o;
    kr_gc_mark(r, tv->name);
    kr_gc_mark(r, tv->bound);
    kr_gc_mark(r, tv->constraints);
}

static bool typing_kw_is(KrValue kw, size_t i, const char *name) {
    return kr_str_eq_cstr(kr_as_str(kr_as_tuple(kw)->items[i]), name);
}

static const char *typing_kw_name(KrValue kw, size_t i) { return kr_as_str(kr_as_tuple(kw)->items[i])->data; }

typedef struct TypingTvArgs {
    KrValue name, bound;
    bool co, contra;
} TypingTvArgs;

static bool typing_tv_keywords(KrRun *r, const char *fname, size_t argc, const KrValue *args, KrValue kw,
                               TypingTvArgs *a) {
    for (size_t i = 0; i < TYPING_NKW(kw); i++) {
        KrValue v = args[argc + i];
        int t = 0;
        if (typing_kw_is(kw, i, "name")) {
            if (a->name != KR_NULL) {
                kr_raise(r, &kr_exc_TypeError, "%s.__init__() got multiple values for argument 'name'", fname);
                return false;
            }
            a->name = v;
        } else if (typing_kw_is(kw, i, "bound")) {
            a->bound = v;
        } else if (typing_kw_is(kw, i, "covariant") || typing_kw_is(kw, i, "contravariant")) {
            if ((t = kr_truth(r, v)) < 0) return false;
            if (typing_kw_is(kw, i, "covariant")) a->co = t;
            else a->contra = t;
        } else {
            kr_raise(r, &kr_exc_TypeError, "%s.__init__() got an unexpected keyword argument '%s'", fname,
                     typing_kw_name(kw, i));
            return false;
        }
    }
    if (a->name == KR_NULL) {
        kr_raise(r, &kr_exc_TypeError, "%s.__init__() missing 1 required positional argument: 'name'", fname);
        return false;
    }
    if (!kr_is_str(a->name)) {
        kr_raise(r, &kr_exc_TypeError, "%s name must be a str, not %s", fname, kr_type_name(a->name));
        return false;
    }
    if (a->co && a->contra) {
        kr_raise(r, &kr_exc_ValueError, "Bivariant types are not supported.");
        return false;
    }
    return true;
}

static KrValue typing_tv_new(KrRun *r, const TypingTvArgs *a, KrValue constraints) {
    KrValue bound = a->bound == KR_NONE ? KR_NONE : typing_check_arg(r, a->bound);
    if (bound == KR_EXC) return KR_EXC;
    TypingTypeVar *tv = kr_gc_alloc(r, &typing_typevar_type, sizeof(TypingTypeVar));
    if (!tv) return KR_EXC;
    tv->name = a->name;
    tv->bound = bound;
    tv->constraints = constraints;
    tv->covariant = a->co;
    tv->contravariant = a->contra;
    return kr_from_obj(tv);
}

// TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False)
static KrValue typing_tv_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kw) {
    (void)t;
    TypingTvArgs a = {argc ? args[0] : KR_NULL, KR_NONE, false, false};
    if (!typing_tv_keywords(r, "TypeVar", argc, args, kw, &a)) return KR_EXC;
    size_t nc = argc > 1 ? argc - 1 : 0;
    if (nc == 1) return kr_raise(r, &kr_exc_TypeError, "A single constraint is not allowed");
    if (nc && a.bound != KR_NONE) return kr_raise(r, &kr_exc_TypeError, "Constraints cannot be combined with bound=...");
    KrValue constraints = typing_check_args(r, args + 1, nc);
    return constraints == KR_EXC ? KR_EXC : typing_tv_new(r, &a, constraints);
}

static KrValue typing_tv_repr(KrRun *r, KrValue v) {
    TypingTypeVar *tv = typing_tv_of(v);
    const char *prefix = tv->covariant ? "+" : tv->contravariant ? "-" : "~";
    KrValue p = kr_str_from_cstr(r, prefix);
    return p == KR_EXC ? KR_EXC : kr_str_concat(r, p, tv->name);
}

static KrValue typing_tv_getattr(KrRun *r, KrValue o, KrStr *name) {
    TypingTypeVar *tv = typing_tv_of(o);
    if (typing_name_is(name, "__name__")) return tv->name;
    if (typing_name_is(name, "__bound__")) return tv->bound;
    if (typing_name_is(name, "__constraints__")) return tv->constraints;
    if (typing_name_is(name, "__covariant__")) return kr_bool(tv->covariant);
    if (typing_name_is(name, "__contravariant__")) return kr_bool(tv->contravariant);
    if (typing_name_is(name, "__module__")) return typing_main_module(r);
    if (typing_name_is(name, "__class__")) return kr_from_obj(&typing_typevar_type);
    if (typing_name_is(name, "__doc__")) return KR_NONE;
    return kr_raise_attr_error(r, o, name, "'TypeVar' object has no attribute '%s'", name->data);
}

// ---- ForwardRef ------------------------------------------------------------------------------------

typedef struct TypingFwdRef {
    KrObj ob;
    KrValue arg; // str
} TypingFwdRef;

static void typing_fwdref_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((TypingFwdRef *)o)->arg); }

static KrValue typing_fwdref_new(KrRun *r, KrValue s) {
    TypingFwdRef *f = kr_gc_alloc(r, &typing_fwdref_type, sizeof(TypingFwdRef));
    if (!f) return KR_EXC;
    f->arg = s;
    return kr_from_obj(f);
}

static KrValue typing_fwdref_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kw) {
    (void)t;
    (void)kw;
    if (argc < 1) return kr_raise(r, &kr_exc_TypeError, "ForwardRef.__init__() missing 1 required positional argument: 'arg'");
    if (!kr_is_str(args[0])) {
        KrValue s = kr_repr(r, args[0]);
        if (s == KR_EXC) return KR_EXC;
        return kr_raise(r, &kr_exc_TypeError, "Forward reference must be a string -- got %s", kr_as_str(s)->data);
    }
    return typing_fwdref_new(r, args[0]);
}

static KrValue typing_fwdref_repr(KrRun *r, KrValue v) {
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_append_str(&b, "ForwardRef(") && typing_buf_repr(r, &b, ((TypingFwdRef *)kr_as_obj(v))->arg) &&
              kr_buf_append_char(&b, ')');
    return typing_buf_result(r, &b, ok);
}

static KrValue typing_fwdref_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    if ((op != KR_CMP_EQ && op != KR_CMP_NE) || !kr_is_type(b, &typing_fwdref_type)) return KR_NOTIMPL;
    int eq = kr_eq(r, ((TypingFwdRef *)kr_as_obj(a))->arg, ((TypingFwdRef *)kr_as_obj(b))->arg);
    if (eq < 0) return KR_EXC;
    return kr_bool(op == KR_CMP_EQ ? eq : !eq);
}

static bool typing_fwdref_hash(KrRun *r, KrValue v, int64_t *out) {
    return kr_hash(r, ((TypingFwdRef *)kr_as_obj(v))->arg, out);
}

static KrValue typing_fwdref_getattr(KrRun *r, KrValue o, KrStr *name) {
    if (typing_name_is(name, "__forward_arg__")) return ((TypingFwdRef *)kr_as_obj(o))->arg;
    if (typing_name_is(name, "__forward_evaluated__")) return KR_FALSE;
    if (typing_name_is(name, "__class__")) return kr_from_obj(&typing_fwdref_type);
    return kr_raise_attr_error(r, o, name, "'ForwardRef' object has no attribute '%s'", name->data);
}

// ---- NewType -----------------------------------------------------------------------------------------

typedef struct TypingNewType {
    KrObj ob;
    KrValue name, supertype;
} TypingNewType;

static void typing_newtype_trace(KrRun *r, KrObj *o) {
    kr_gc_mark(r, ((TypingNewType *)o)->name);
    kr_gc_mark(r, ((TypingNewType *)o)->supertype);
}

static KrValue typing_newtype_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kw) {
    (void)t;
    static const char *const names[] = {"name", "tp", NULL};
    static const KrArgSpec spec = {"NewType.__init__", names, 0, 0, 2, KR_ARGS_PY_METHOD};
    KrValue a[2];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    if (!kr_is_str(a[0])) return kr_raise(r, &kr_exc_TypeError, "NewType name must be a str, not %s", kr_type_name(a[0]));
    KrValue sup = typing_check_arg(r, a[1]);
    if (sup == KR_EXC) return KR_EXC;
    TypingNewType *n = kr_gc_alloc(r, &typing_newtype_type, sizeof(TypingNewType));
    if (!n) return KR_EXC;
    n->name = a[0];
    n->supertype = sup;
    return kr_from_obj(n);
}

// UserId(5) is 5: a NewType is the identity at run time.
static KrValue typing_newtype_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args, KrValue kw) {
    (void)callee;
    size_t nkw = TYPING_NKW(kw);
    if (nkw == 1 && argc == 0 && typing_kw_is(kw, 0, "x")) return args[0];
    if (nkw) return kr_raise(r, &kr_exc_TypeError, "NewType.__call__() got an unexpected keyword argument '%s'",
                             typing_kw_name(kw, 0));
    if (argc == 0) return kr_raise(r, &kr_exc_TypeError, "NewType.__call__() missing 1 required positional argument: 'x'");
    if (argc > 1)
        return kr_raise(r, &kr_exc_TypeError, "NewType.__call__() takes 2 positional arguments but %zu were given", argc + 1);
    return args[0];
}

static KrValue typing_newtype_repr(KrRun *r, KrValue v) {
    KrValue m = typing_main_module(r);
    KrValue dot = m == KR_EXC ? KR_EXC : kr_str_concat(r, m, kr_str_from_cstr(r, "."));
    return dot == KR_EXC ? KR_EXC : kr_str_concat(r, dot, ((TypingNewType *)kr_as_obj(v))->name);
}

static KrValue typing_newtype_getattr(KrRun *r, KrValue o, KrStr *name) {
    TypingNewType *n = (TypingNewType *)kr_as_obj(o);
    if (typing_name_is(name, "__name__") || typing_name_is(name, "__qualname__")) return n->name;
    if (typing_name_is(name, "__supertype__")) return n->supertype;
    if (typing_name_is(name, "__module__")) return typing_main_module(r);
    if (typing_name_is(name, "__class__")) return kr_from_obj(&typing_newtype_type);
    return kr_raise_attr_error(r, o, name, "'NewType' object has no attribute '%s'", name->data);
}

// ---- NamedTuple (the classes are made in namedtuple.c) ---------------------------------------------

static KrValue typing_class_repr(KrRun *r, KrValue v) {
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_append_str(&b, "<class '") && typing_buf_arg(r, &b, v) && kr_buf_append_str(&b, "'>");
    return typing_buf_result(r, &b, ok);
}

// One (name, type) pair of NamedTuple('P', [('x', int), ...]).
static bool typing_nt_pair(KrRun *r, KrValue item, KrValue *name, KrValue *type) {
    KrValue t = kr_tuple_from_iter(r, item);
    if (t == KR_EXC) return false;
    size_t n = kr_as_tuple(t)->len;
    if (n != 2) {
        if (n < 2) kr_raise(r, &kr_exc_ValueError, "not enough values to unpack (expected 2, got %zu)", n);
        else kr_raise(r, &kr_exc_ValueError, "too many values to unpack (expected 2)");
        return false;
    }
    *name = kr_as_tuple(t)->items[0];
    *type = typing_check_arg(r, kr_as_tuple(t)->items[1]);
    return *type != KR_EXC;
}

// The fields of NamedTuple's functional form: a list of pairs, or keywords.
static bool typing_nt_fields_fill(KrRun *r, size_t argc, const KrValue *args, KrValue kw, KrValue items,
                                  KrValue fields, KrValue types) {
    KrValue *fi = kr_as_tuple(fields)->items, *ti = kr_as_tuple(types)->items;
    for (size_t i = 0; i < kr_as_list(items)->len; i++)
        if (!typing_nt_pair(r, kr_as_list(items)->items[i], &fi[i], &ti[i])) return false;
    for (size_t k = 0, base = kr_as_list(items)->len; k < TYPING_NKW(kw); k++) {
        fi[base + k] = kr_as_tuple(kw)->items[k];
        if ((ti[base + k] = typing_check_arg(r, args[argc + k])) == KR_EXC) return false;
    }
    return true;
}

// Iterating the pairs may run Python code: what is built stays rooted.
static bool typing_nt_fields(KrRun *r, size_t argc, const KrValue *args, KrValue kw, KrValue *fields, KrValue *types) {
    size_t nkw = TYPING_NKW(kw);
    KrValue items = argc > 1 && args[1] != KR_NONE ? kr_list_from_iter(r, args[1]) : kr_list_new(r, 0);
    if (items == KR_EXC) return false;
    size_t n = kr_as_list(items)->len + nkw;
    *fields = kr_tuple_new(r, n);
    *types = *fields == KR_EXC ? KR_EXC : kr_tuple_new(r, n);
    if (*types == KR_EXC) return false;
    kr_root_push(r, &items);
    kr_root_push(r, fields);
    kr_root_push(r, types);
    bool ok = typing_nt_fields_fill(r, argc, args, kw, items, *fields, *types);
    kr_root_pop(r, 3);
    return ok;
}

TYPING_FN(NamedTuple, "NamedTuple") {
    (void)self;
    if (argc == 0) return kr_raise(r, &kr_exc_TypeError, "NamedTuple() missing 1 required positional argument: 'typename'");
    if (argc > 2)
        return kr_raise(r, &kr_exc_TypeError, "NamedTuple() takes from 1 to 2 positional arguments but %zu were given", argc);
    if (argc == 2 && args[1] != KR_NONE && TYPING_NKW(kw))
        return kr_raise(r, &kr_exc_TypeError, "Either list of fields or keywords can be provided to NamedTuple, not both");
    KrValue fields, types;
    if (!typing_nt_fields(r, argc, args, kw, &fields, &types)) return KR_EXC;
    return kr_typing_make_namedtuple(r, args[0], fields, types, KR_NULL, KR_NULL);
}

// ---- TypedDict -----------------------------------------------------------------------------------------
// A TypedDict class only describes dicts: calling it makes a plain dict.

typedef struct TypingTdClass {
    KrObj ob;
    KrValue name;               // str (the head TypingClassInfo reads)
    KrValue fields;             // dict name -> type, inherited ones first
    KrValue required, optional; // frozensets of keys
    bool total;
} TypingTdClass;

static void typing_tdc_trace(KrRun *r, KrObj *o) {
    TypingTdClass *c = (TypingTdClass *)o;
    kr_gc_mark(r, c->name);
    kr_gc_mark(r, c->fields);
    kr_gc_mark(r, c->required);
    kr_gc_mark(r, c->optional);
}

// Own fields are required when total; a TypedDict base passes on its
// fields with their own required-ness. Only str keys are handled here, so
// no Python code runs.
static bool typing_td_merge(KrRun *r, TypingTdClass *c, KrValue fields, const KrValue *bases, size_t nbases) {
    for (size_t i = 0; i < nbases; i++) {
        if (!kr_is_type(bases[i], &typing_tdclass_type)) continue;
        TypingTdClass *b = (TypingTdClass *)kr_as_obj(bases[i]);
        if (!kr_dict_update(r, kr_as_dict(c->fields), b->fields) ||
            !kr_set_update(r, (KrSet *)kr_as_obj(c->required), b->required) ||
            !kr_set_update(r, (KrSet *)kr_as_obj(c->optional), b->optional))
            return false;
    }
    KrSet *own = (KrSet *)kr_as_obj(c->total ? c->required : c->optional);
    KrSet *other = (KrSet *)kr_as_obj(c->total ? c->optional : c->required);
    size_t pos = 0;
    KrValue k, v;
    while (kr_dict_next(kr_as_dict(fields), &pos, &k, &v))
        if (!kr_dict_set(r, kr_as_dict(c->fields), k, v) || !kr_set_add(r, own, k) || kr_set_discard(r, other, k) < 0)
            return false;
    return true;
}

KrValue kr_typing_make_typeddict(KrRun *r, KrValue name, KrValue fields, bool total, const KrValue *bases,
                                 size_t nbases) {
    TypingTdClass *c = kr_gc_alloc(r, &typing_tdclass_type, sizeof(TypingTdClass));
    if (!c) return KR_EXC;
    c->name = name;
    c->total = total;
    c->fields = c->required = c->optional = KR_NULL;
    if ((c->fields = kr_dict_new(r)) == KR_EXC || (c->required = kr_set_new(r, &kr_type_frozenset)) == KR_EXC ||
        (c->optional = kr_set_new(r, &kr_type_frozenset)) == KR_EXC)
        return KR_EXC;
    return typing_td_merge(r, c, fields, bases, nbases) ? kr_from_obj(c) : KR_EXC;
}

static KrValue typing_tdc_call(KrRun *r, KrValue cls, size_t argc, const KrValue *args, KrValue kw) {
    (void)cls;
    return kr_call(r, kr_from_obj(&kr_type_dict), argc, args, kw);
}


static KrValue typing_tdc_getattr(KrRun *r, KrValue o, KrStr *name) {
    TypingTdClass *c = (TypingTdClass *)kr_as_obj(o);
    if (typing_name_is(name, "__name__") || typing_name_is(name, "__qualname__")) return c->name;
    if (typing_name_is(name, "__module__")) return typing_main_module(r);
    if (typing_name_is(name, "__annotations__")) return c->fields;
    if (typing_name_is(name, "__total__")) return kr_bool(c->total);
    if (typing_name_is(name, "__required_keys__")) return c->required;
    if (typing_name_is(name, "__optional_keys__")) return c->optional;
    if (typing_name_is(name, "__doc__")) return KR_NONE;
    if (typing_name_is(name, "__class__")) return kr_from_obj(&kr_type_type);
    return kr_raise_attr_error(r, o, name, "type object '%s' has no attribute '%s'", kr_as_str(c->name)->data,
                               name->data);
}

// The fields of TypedDict's functional form: a dict, then keywords; `total`
// is read from the keywords.
static bool typing_td_fill(KrRun *r, size_t argc, const KrValue *args, KrValue kw, KrValue src, KrValue fields,
                           bool *total) {
    size_t pos = 0;
    KrValue k, v;
    while (src != KR_NULL && kr_dict_next(kr_as_dict(src), &pos, &k, &v)) {
        KrValue t = typing_check_arg(r, v);
        if (t == KR_EXC || !kr_dict_set(r, kr_as_dict(fields), k, t)) return false;
    }
    for (size_t i = 0; i < TYPING_NKW(kw); i++) {
        if (typing_kw_is(kw, i, "total")) {
            int t = kr_truth(r, args[argc + i]);
            if (t < 0) return false;
            *total = t;
            continue;
        }
        KrValue t = typing_check_arg(r, args[argc + i]);
        if (t == KR_EXC || !kr_dict_set(r, kr_as_dict(fields), kr_as_tuple(kw)->items[i], t)) return false;
    }
    return true;
}

// TypedDict(typename, fields=None, /, *, total=True, **kwargs)
TYPING_FN(TypedDict, "TypedDict") {
    (void)self;
    if (argc == 0) return kr_raise(r, &kr_exc_TypeError, "TypedDict() missing 1 required positional argument: 'typename'");
    if (argc > 2)
        return kr_raise(r, &kr_exc_TypeError, "TypedDict() takes from 1 to 2 positional arguments but %zu were given", argc);
    if (!kr_is_str(args[0])) return kr_raise(r, &kr_exc_TypeError, "TypedDict() argument 'typename' must be str");
    KrValue src = argc == 2 && args[1] != KR_NONE ? args[1] : KR_NULL;
    if (src != KR_NULL && !kr_isinstance(src, &kr_type_dict))
        return kr_raise(r, &kr_exc_TypeError, "TypedDict() argument 'fields' must be a dict, not %s", kr_type_name(src));
    KrValue fields = kr_dict_new(r);
    if (fields == KR_EXC) return KR_EXC;
    bool total = true;
    kr_root_push(r, &fields); // keys' __hash__/__eq__ may run Python code
    bool ok = typing_td_fill(r, argc, args, kw, src, fields, &total);
    kr_root_pop(r, 1);
    return ok ? kr_typing_make_typeddict(r, args[0], fields, total, NULL, 0) : KR_EXC;
}

// ---- functions ---------------------------------------------------------------------------------------

// ParamSpec('P'): a TypeVar for now (its .args/.kwargs are not modelled).
TYPING_FN(ParamSpec, "ParamSpec") {
    (void)self;
    if (argc > 1)
        return kr_raise(r, &kr_exc_TypeError, "ParamSpec.__init__() takes 2 positional arguments but %zu were given",
                        argc + 1);
    TypingTvArgs a = {argc ? args[0] : KR_NULL, KR_NONE, false, false};
    if (!typing_tv_keywords(r, "ParamSpec", argc, args, kw, &a)) return KR_EXC;
    return typing_tv_new(r, &a, kr_from_obj(&kr_empty_tuple));
}

static bool typing_one_arg(KrRun *r, const char *fname, const char *pname, size_t argc, const KrValue *args,
                           KrValue kw, KrValue *out) {
    const char *names[] = {pname, NULL};
    KrArgSpec spec = {fname, names, 0, 0, 1, KR_ARGS_PY};
    return kr_args_parse(r, &spec, argc, args, kw, out);
}

TYPING_FN(cast, "cast") {
    (void)self;
    static const char *const names[] = {"typ", "val", NULL};
    static const KrArgSpec spec = {"cast", names, 0, 0, 2, KR_ARGS_PY};
    KrValue a[2];
    return kr_args_parse(r, &spec, argc, args, kw, a) ? a[1] : KR_EXC;
}

TYPING_FN(assert_type, "assert_type") {
    (void)self;
    static const char *const names[] = {"val", "typ", NULL};
    static const KrArgSpec spec = {"assert_type", names, 2, 0, 2, KR_ARGS_PY};
    KrValue a[2];
    return kr_args_parse(r, &spec, argc, args, kw, a) ? a[0] : KR_EXC;
}

// What @overload returns, as CPython: only the final, undecorated
// definition may be called.
TYPING_FN(overload_dummy, "_overload_dummy") {
    (void)self;
    (void)argc;
    (void)args;
    (void)kw;
    return kr_raise(r, &kr_exc_NotImplementedError,
                    "You should not call an overloaded function. A series of @overload-decorated functions outside "
                    "a stub module should always be followed by an implementation that is not @overload-ed.");
}

TYPING_FN(overload, "overload") {
    (void)self;
    KrValue v;
    return typing_one_arg(r, "overload", "func", argc, args, kw, &v) ? kr_from_obj(&typing_obj_overload_dummy) : KR_EXC;
}

// Decorators that only matter to type checkers: they return their argument.

// Marks a function so get_type_hints() ignores its annotations (CPython
// also walks classes; objects that take no attributes are left alone).
TYPING_FN(no_type_check, "no_type_check") {
    (void)self;
    KrValue v;
    if (!typing_one_arg(r, "no_type_check", "arg", argc, args, kw, &v)) return KR_EXC;
    if (!kr_is_type(v, &kr_type_function)) return v;
    KrValue name = kr_str_from_cstr(r, "__no_type_check__");
    if (name == KR_EXC || kr_setattr(r, v, kr_as_str(name), KR_TRUE) == KR_EXC) return KR_EXC;
    return v;
}

TYPING_FN(final, "final") {
    (void)self;
    KrValue v;
    return typing_one_arg(r, "final", "f", argc, args, kw, &v) ? v : KR_EXC;
}

// @runtime_checkable: allows isinstance() with a protocol class.
TYPING_FN(runtime_checkable, "runtime_checkable") {
    (void)self;
    KrValue v;
    if (!typing_one_arg(r, "runtime_checkable", "cls", argc, args, kw, &v)) return KR_EXC;
    KrType *t = kr_is_type(v, &kr_type_type) ? (KrType *)kr_as_obj(v) : NULL;
    if (!t || !(t->flags & KR_TF_HEAP) || !(t->flags & KR_TF_PROTOCOL)) {
        KrValue rep = kr_repr(r, v);
        if (rep == KR_EXC) return KR_EXC;
        return kr_raise(r, &kr_exc_TypeError, "@runtime_checkable can be only applied to protocol classes, got %s",
                        kr_as_str(rep)->data);
    }
    t->flags |= KR_TF_RUNTIME_PROTOCOL;
    return v;
}

TYPING_FN(identity, "decorator") {
    (void)self;
    KrValue v;
    return typing_one_arg(r, "decorator", "cls_or_fn", argc, args, kw, &v) ? v : KR_EXC;
}

// dataclass_transform(**kwargs) returns a decorator that changes nothing.
TYPING_FN(dataclass_transform, "dataclass_transform") {
    (void)self;
    (void)args;
    (void)kw;
    if (argc) return kr_raise(r, &kr_exc_TypeError, "dataclass_transform() takes 0 positional arguments but %zu were given", argc);
    return kr_from_obj(&typing_obj_identity);
}

TYPING_FN(get_overloads, "get_overloads") {
    (void)self;
    KrValue v;
    return typing_one_arg(r, "get_overloads", "func", argc, args, kw, &v) ? kr_list_new(r, 0) : KR_EXC;
}

TYPING_FN(clear_overloads, "clear_overloads") {
    (void)self;
    (void)args;
    return kr_dict_check_args(r, "clear_overloads", argc, kw, 0, 0) ? KR_NONE : KR_EXC;
}

TYPING_FN(is_typeddict, "is_typeddict") {
    (void)self;
    KrValue v;
    if (!typing_one_arg(r, "is_typeddict", "tp", argc, args, kw, &v)) return KR_EXC;
    return kr_bool(kr_is_type(v, &typing_tdclass_type));
}

TYPING_FN(get_origin, "get_origin") {
    (void)self;
    KrValue tp;
    if (!typing_one_arg(r, "get_origin", "tp", argc, args, kw, &tp)) return KR_EXC;
    if (typing_is_ga(tp)) return typing_alias_of(tp)->origin;
    if (typing_is_uniontype(tp)) return kr_from_obj(&typing_union_type);
    if (typing_is_alias(tp)) {
        const TypingAlias *a = typing_alias_of(tp);
        if (a->form->kind == TK_ANNOTATED) return kr_from_obj(&typing_f_Annotated);
        return typing_alias_origin(a);
    }
    if (typing_is_form(tp)) {
        KrValue o = typing_form_origin(typing_form_of(tp));
        return o == KR_NULL ? KR_NONE : o;
    }
    if (tp == kr_from_obj(&typing_generic_class)) return tp; // get_origin(Generic) is Generic
    return KR_NONE;
}

// Callable[[int], str] gives ([int], str), as CPython's get_args.
static KrValue typing_callable_args(KrRun *r, KrTuple *t) {
    if (t->len == 2 && t->items[0] == KR_ELLIPSIS) return kr_tuple_from_array(r, t->items, 2);
    KrValue params = kr_list_from_array(r, t->items, t->len - 1);
    return params == KR_EXC ? KR_EXC : kr_tuple_pack2(r, params, t->items[t->len - 1]);
}

TYPING_FN(get_args, "get_args") {
    (void)self;
    KrValue tp;
    if (!typing_one_arg(r, "get_args", "tp", argc, args, kw, &tp)) return KR_EXC;
    if (!typing_is_any_alias(tp)) return kr_from_obj(&kr_empty_tuple);
    const TypingAlias *a = typing_alias_of(tp);
    if (!a->form) return a->args;
    KrTuple *t = kr_as_tuple(a->args);
    if (a->form->kind == TK_ANNOTATED) return kr_binary(r, a->args, a->meta, KR_BIN_ADD);
    if (a->form->kind == TK_CALLABLE && t->len) return typing_callable_args(r, t);
    return a->args;
}

// A string annotation naming a global or a builtin ("int", "Node"): its
// value. Anything more complex cannot be evaluated (krait has no eval).
static KrValue typing_eval_name(KrRun *r, KrValue globals, KrValue s) {
    KrStr *str = kr_as_str(s);
    if (kr_str_is_identifier(str)) {
        if (kr_is_ptr(globals) && kr_isinstance(globals, &kr_type_dict)) {
            KrValue v;
            int found = kr_dict_get(r, kr_as_dict(globals), s, &v);
            if (found < 0) return KR_EXC;
            if (found) return v;
        }
        int32_t bi = kr_builtin_lookup(str->data);
        if (bi >= 0) return kr_builtin_value(bi);
        return kr_raise(r, &kr_exc_NameError, "name '%s' is not defined", str->data);
    }
    return kr_raise(r, &kr_exc_NotImplementedError,
                    "get_type_hints() cannot evaluate the string annotation '%s' (krait has no eval)", str->data);
}

TYPING_FN(get_type_hints, "get_type_hints") {
    (void)self;
    static const char *const names[] = {"obj", "globalns", "localns", "include_extras", NULL};
    static const KrArgSpec spec = {"get_type_hints", names, 0, 0, 1, KR_ARGS_PY};
    KrValue a[4];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    KrValue skip = kr_getattr_opt_cstr(r, a[0], "__no_type_check__");
    int t = skip == KR_EXC ? -1 : skip == KR_NULL ? 0 : kr_truth(r, skip);
    if (t < 0) return KR_EXC;
    if (t) return kr_dict_new(r);
    KrValue ann = kr_getattr_opt_cstr(r, a[0], "__annotations__");
    if (ann == KR_EXC) return KR_EXC;
    KrValue out = kr_dict_new(r);
    if (out == KR_EXC || ann == KR_NULL || !kr_isinstance(ann, &kr_type_dict)) return out;
    KrValue globals = a[1] != KR_NULL && a[1] != KR_NONE ? a[1]
                      : kr_is_type(a[0], &kr_type_function) ? ((KrFunc *)kr_as_obj(a[0]))->globals
                                                           : r->globals;
    size_t pos = 0;
    KrValue k, v;
    while (kr_dict_next(kr_as_dict(ann), &pos, &k, &v)) {
        if (kr_is_str(v)) v = typing_eval_name(r, globals, v);
        else if (v == KR_NONE) v = kr_from_obj(&kr_type_none);
        if (v == KR_EXC || !kr_dict_set(r, kr_as_dict(out), k, v)) return KR_EXC;
    }
    return out;
}

// assert_never(x): reached only when a type checker's promise was broken.
TYPING_FN(assert_never, "assert_never") {
    (void)self;
    KrValue v;
    if (!typing_one_arg(r, "assert_never", "arg", argc, args, kw, &v)) return KR_EXC;
    KrValue s = kr_repr(r, v);
    if (s == KR_EXC) return KR_EXC;
    KrStr *str = kr_as_str(s);
    size_t cut = str->nbytes, cps = 0;
    for (size_t i = 0; i < str->nbytes && cps <= 100; cps++) { // CPython shows at most 100 characters
        if (cps == 100) cut = i;
        kr_utf8_decode(str->data, str->nbytes, &i);
    }
    return kr_raise(r, &kr_exc_AssertionError, "Expected code to be unreachable, but got: %.*s%s", (int)cut, str->data,
                    cut < str->nbytes ? "..." : "");
}

TYPING_FN(reveal_type, "reveal_type") {
    (void)self;
    KrValue v;
    if (!typing_one_arg(r, "reveal_type", "obj", argc, args, kw, &v)) return KR_EXC;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "Runtime type is '%s'\n", kr_type_name(v));
    ok = ok ? kr_run_write(r, 2, b.data, b.len) : (typing_nomem(r), false);
    kr_buf_free(&b);
    return ok ? v : KR_EXC;
}

// ---- class bases --------------------------------------------------------------------------------------

KrValue kr_typing_mro_entry(KrValue base, int *special) {
    *special = 0;
    if (base == kr_from_obj(&typing_obj_NamedTuple)) {
        *special = 1;
        return KR_NONE;
    }
    if (base == kr_from_obj(&typing_obj_TypedDict) || kr_is_type(base, &typing_tdclass_type)) {
        *special = 2;
        return KR_NONE;
    }
    if (typing_is_ga(base)) return typing_alias_of(base)->origin;
    const TypingForm *f = typing_is_form(base) ? typing_form_of(base)
                          : typing_is_alias(base) ? typing_alias_of(base)->form : NULL;
    if (!f) return KR_NULL;
    return f->origin ? kr_from_obj(f->origin) : KR_NONE;
}

// The type variables a Generic[T, K] / Protocol[T] base declares (the
// class's __parameters__), or KR_NULL for other bases.
KrValue kr_typing_generic_params(KrValue base) {
    if (!typing_is_alias(base)) return KR_NULL;
    const TypingAlias *a = typing_alias_of(base);
    return a->form->kind == TK_GENERIC || a->form->kind == TK_PROTOCOL ? a->args : KR_NULL;
}

// ---- typing.Generic and typing.Protocol: real (static) classes -------------------------------------------
// They add no instance layout; subclasses get __class_getitem__ (Stack[int])
// from Generic, and classes listing Protocol directly are protocols: not
// instantiable, and isinstance() with them needs @runtime_checkable.

static KrValue typing_generic_cgi(KrRun *r, KrValue cls, size_t argc, const KrValue *args, KrValue kw) {
    if (!kr_args_no_kw(r, "__class_getitem__", kw) || !kr_args_count(r, "__class_getitem__", argc, 1, 1))
        return KR_EXC;
    if (cls == kr_from_obj(&typing_generic_class)) return typing_form_subscript(r, &typing_f_Generic, args[0]);
    if (cls == kr_from_obj(&typing_protocol_class)) return typing_form_subscript(r, &typing_f_Protocol, args[0]);
    return kr_typing_class_getitem(r, cls, args[0]);
}

static const KrMethodDef typing_generic_methods[] = {
    {"__class_getitem__", typing_generic_cgi, KR_METH_CLASS},
    {NULL, NULL, 0},
};

static KrValue typing_generic_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kw) {
    (void)argc, (void)args, (void)kw;
    if (t == &typing_protocol_class) return kr_raise(r, &kr_exc_TypeError, "Protocols cannot be instantiated");
    return kr_raise(r, &kr_exc_TypeError, "Type Generic cannot be instantiated; it can be used only as a base class");
}

static const KrType typing_generic_class = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "typing.Generic",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE | KR_TF_NOLAYOUT,
    .construct = typing_generic_construct,
    .methods = typing_generic_methods,
};

static const KrType typing_protocol_class = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "typing.Protocol",
    .base = &typing_generic_class,
    .flags = KR_TF_BASETYPE | KR_TF_NOLAYOUT | KR_TF_PROTOCOL,
    .construct = typing_generic_construct,
};

// Names a protocol class defines that are not members to check.
static bool typing_proto_skip(KrValue name) {
    static const char *const skip[] = {"__module__", "__qualname__", "__doc__", "__annotations__", "__dict__",
                                       "__weakref__", "__parameters__", "__init__", "__new__", "__slots__",
                                       "__classcell__", "__init_subclass__", "__class_getitem__", "__hash__"};
    if (!kr_is_str(name)) return true;
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
        if (kr_str_eq_cstr(kr_as_str(name), skip[i])) return true;
    return false;
}

static int typing_proto_has(KrRun *r, KrValue subject, KrValue name) {
    KrValue v = kr_getattr_opt(r, subject, kr_as_str(name));
    return v == KR_EXC ? -1 : v != KR_NULL;
}

// isinstance(obj, P) / issubclass(C, P) for a protocol class P: nominal
// subclasses match, others when they have every member P's protocol
// classes define (methods, attributes, annotated names).
int kr_typing_protocol_check(KrRun *r, KrValue subject, bool instance, const KrType *proto) {
    if (!(proto->flags & KR_TF_RUNTIME_PROTOCOL)) {
        kr_raise(r, &kr_exc_TypeError, "Instance and class checks can only be used with @runtime_checkable protocols");
        return -1;
    }
    const KrType *t = instance ? kr_typeof(subject) : (const KrType *)kr_as_obj(subject);
    if (kr_type_is_subtype(t, proto)) return 1;
    KrTuple *mro = kr_as_tuple(proto->mro);
    for (size_t i = 0; i < mro->len; i++) {
        const KrType *p = (const KrType *)kr_as_obj(mro->items[i]);
        if (!(p->flags & KR_TF_HEAP) || !(p->flags & KR_TF_PROTOCOL)) continue;
        KrValue ann = kr_dict_get_cstr(r, kr_as_dict(p->dict), "__annotations__");
        KrValue sources[2] = {p->dict, ann != KR_NULL && kr_isinstance(ann, &kr_type_dict) ? ann : KR_NULL};
        for (size_t s = 0; s < 2 && sources[s] != KR_NULL; s++) {
            size_t pos = 0;
            KrValue k, v;
            while (kr_dict_next(kr_as_dict(sources[s]), &pos, &k, &v)) {
                if (typing_proto_skip(k)) continue;
                int has = typing_proto_has(r, subject, k);
                if (has <= 0) return has;
            }
        }
    }
    return 1;
}

// ---- the types ----------------------------------------------------------------------------------------

#define TYPING_FORM_TYPE(cname, pyname)  \
    static const KrType cname = {          \
        KR_STATIC_HEADER(&kr_type_type),   \
        .name = pyname,                    \
        .base = &kr_type_object,           \
        .repr = typing_form_repr,          \
        .hash = typing_form_hash,          \
        .binary = typing_binary,           \
        .getitem = typing_form_getitem,    \
        .call = typing_form_call,          \
        .getattr = typing_form_getattr,    \
    }

TYPING_FORM_TYPE(typing_form_type, "_SpecialForm");
TYPING_FORM_TYPE(typing_any_meta_type, "_AnyMeta");
TYPING_FORM_TYPE(typing_literal_form_type, "_LiteralSpecialForm");
TYPING_FORM_TYPE(typing_callable_form_type, "_CallableType");
TYPING_FORM_TYPE(typing_tuple_form_type, "_TupleType");
TYPING_FORM_TYPE(typing_special_alias_type, "_SpecialGenericAlias");
#undef TYPING_FORM_TYPE

#define TYPING_ALIAS_TYPE(cname, pyname, reprfn, callfn) \
    static const KrType cname = {                        \
        KR_STATIC_HEADER(&kr_type_type),                 \
        .name = pyname,                                  \
        .base = &kr_type_object,                         \
        .basic_size = sizeof(TypingAlias),               \
        .trace = typing_alias_trace,                     \
        .repr = reprfn,                                  \
        .hash = typing_alias_hash,                       \
        .compare = typing_alias_compare,                 \
        .binary = typing_binary,                         \
        .getitem = typing_alias_getitem,                 \
        .call = callfn,                                  \
        .getattr = typing_alias_getattr,                 \
        .snap = &typing_alias_snap,                      \
    }

TYPING_ALIAS_TYPE(typing_alias_type, "_GenericAlias", typing_alias_repr, typing_alias_call);
TYPING_ALIAS_TYPE(typing_union_alias_type, "_UnionGenericAlias", typing_alias_repr, typing_alias_call);
TYPING_ALIAS_TYPE(typing_callable_alias_type, "_CallableGenericAlias", typing_alias_repr, typing_alias_call);
TYPING_ALIAS_TYPE(typing_literal_alias_type, "_LiteralGenericAlias", typing_alias_repr, typing_alias_call);
TYPING_ALIAS_TYPE(typing_annotated_alias_type, "_AnnotatedAlias", typing_alias_repr, typing_alias_call);
TYPING_ALIAS_TYPE(typing_ga_type, "types.GenericAlias", typing_ga_repr, typing_alias_call);
TYPING_ALIAS_TYPE(typing_union_type, "types.UnionType", typing_uniontype_repr, NULL);
#undef TYPING_ALIAS_TYPE

static const KrType typing_typevar_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "TypeVar",
    .base = &kr_type_object,
    .basic_size = sizeof(TypingTypeVar),
    .trace = typing_tv_trace,
    .construct = typing_tv_construct,
    .repr = typing_tv_repr,
    .hash = kr_identity_hash,
    .binary = typing_binary,
    .getattr = typing_tv_getattr,
    .snap = &typing_tv_snap,
};

static const KrType typing_fwdref_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "ForwardRef",
    .base = &kr_type_object,
    .basic_size = sizeof(TypingFwdRef),
    .trace = typing_fwdref_trace,
    .construct = typing_fwdref_construct,
    .repr = typing_fwdref_repr,
    .hash = typing_fwdref_hash,
    .compare = typing_fwdref_compare,
    .binary = typing_binary,
    .getattr = typing_fwdref_getattr,
    .snap = &typing_fwdref_snap,
};

static const KrType typing_newtype_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "NewType",
    .base = &kr_type_object,
    .basic_size = sizeof(TypingNewType),
    .trace = typing_newtype_trace,
    .construct = typing_newtype_construct,
    .repr = typing_newtype_repr,
    .hash = kr_identity_hash,
    .binary = typing_binary,
    .call = typing_newtype_call,
    .getattr = typing_newtype_getattr,
    .snap = &typing_newtype_snap,
};

// TypedDict classes print and fail as classes do.
static const KrType typing_tdclass_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "type",
    .base = &kr_type_object,
    .basic_size = sizeof(TypingTdClass),
    .trace = typing_tdc_trace,
    .repr = typing_class_repr,
    .hash = kr_identity_hash,
    .binary = typing_binary,
    .call = typing_tdc_call,
    .getattr = typing_tdc_getattr,
    .snap = &typing_tdc_snap,
};

// ---- the module ----------------------------------------------------------------------------------------

static const struct {
    const char *name;
    const KrBuiltin *fn;
} typing_functions[] = {
    {"cast", &typing_obj_cast},
    {"assert_type", &typing_obj_assert_type},
    {"overload", &typing_obj_overload},
    {"no_type_check", &typing_obj_no_type_check},
    {"final", &typing_obj_final},
    {"runtime_checkable", &typing_obj_runtime_checkable},
    {"dataclass_transform", &typing_obj_dataclass_transform},
    {"get_overloads", &typing_obj_get_overloads},
    {"clear_overloads", &typing_obj_clear_overloads},
    {"is_typeddict", &typing_obj_is_typeddict},
    {"get_origin", &typing_obj_get_origin},
    {"get_args", &typing_obj_get_args},
    {"get_type_hints", &typing_obj_get_type_hints},
    {"assert_never", &typing_obj_assert_never},
    {"reveal_type", &typing_obj_reveal_type},
    {"NamedTuple", &typing_obj_NamedTuple},
    {"TypedDict", &typing_obj_TypedDict},
    {"ParamSpec", &typing_obj_ParamSpec},
};

// AnyStr = TypeVar('AnyStr', bytes, str)
static KrValue typing_make_anystr(KrRun *r) {
    TypingTvArgs a = {kr_str_from_cstr(r, "AnyStr"), KR_NONE, false, false};
    KrValue cons = kr_tuple_pack2(r, kr_from_obj(&kr_type_bytes), kr_from_obj(&kr_type_str));
    if (a.name == KR_EXC || cons == KR_EXC) return KR_EXC;
    return typing_tv_new(r, &a, cons);
}

static bool typing_init(KrRun *r, KrValue module, KrValue d) {
    (void)module;
    for (size_t i = 0; i < sizeof typing_forms / sizeof typing_forms[0]; i++)
        if (!kr_module_add(r, d, typing_forms[i]->name, kr_from_obj(typing_forms[i]))) return false;
    for (size_t i = 0; i < sizeof typing_functions / sizeof typing_functions[0]; i++)
        if (!kr_module_add(r, d, typing_functions[i].name, kr_from_obj(typing_functions[i].fn))) return false;
    if (!kr_module_add(r, d, "Generic", kr_from_obj(&typing_generic_class)) ||
        !kr_module_add(r, d, "Protocol", kr_from_obj(&typing_protocol_class)))
        return false;
    KrValue doc = kr_str_from_cstr(r, "The typing module: support for type hints.");
    return kr_module_add(r, d, "__doc__", doc) && kr_module_add(r, d, "TypeVar", kr_from_obj(&typing_typevar_type)) &&
           kr_module_add(r, d, "ForwardRef", kr_from_obj(&typing_fwdref_type)) &&
           kr_module_add(r, d, "NewType", kr_from_obj(&typing_newtype_type)) &&
           kr_module_add(r, d, "Text", kr_from_obj(&kr_type_str)) &&
           kr_module_add(r, d, "AnyStr", typing_make_anystr(r)) &&
           kr_module_add(r, d, "TYPE_CHECKING", KR_FALSE);
}

// Run snapshots name the module's static objects: its functions, classes,
// types and forms (a form shadowed by a class of the same name is "_form_").
static bool typing_statics(void *ud, bool (*visit)(void *ud, const char *name, const void *obj)) {
    static const struct {
        const char *name;
        const KrType *type;
    } types[] = {
        {"Generic", &typing_generic_class}, {"Protocol", &typing_protocol_class}, {"TypeVar", &typing_typevar_type},
        {"ForwardRef", &typing_fwdref_type}, {"NewType", &typing_newtype_type},  {"_form", &typing_form_type},
        {"_alias", &typing_alias_type},      {"_ga", &typing_ga_type},           {"_union", &typing_union_type},
        {"_tdclass", &typing_tdclass_type},  {"_AnyMeta", &typing_any_meta_type},
        {"_LiteralSpecialForm", &typing_literal_form_type}, {"_CallableType", &typing_callable_form_type},
        {"_TupleType", &typing_tuple_form_type}, {"_SpecialGenericAlias", &typing_special_alias_type},
        {"_UnionGenericAlias", &typing_union_alias_type}, {"_CallableGenericAlias", &typing_callable_alias_type},
        {"_LiteralGenericAlias", &typing_literal_alias_type}, {"_AnnotatedAlias", &typing_annotated_alias_type},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (visit(ud, types[i].name, types[i].type)) return true;
    if (kr_namedtuple_statics(ud, visit)) return true;
    for (size_t i = 0; i < sizeof typing_functions / sizeof typing_functions[0]; i++)
        if (visit(ud, typing_functions[i].name, typing_functions[i].fn)) return true;
    for (size_t i = 0; i < sizeof typing_forms / sizeof typing_forms[0]; i++) {
        const char *n = typing_forms[i]->name;
        char buf[64];
        if (strcmp(n, "Generic") == 0 || strcmp(n, "Protocol") == 0) {
            snprintf(buf, sizeof buf, "_form_%s", n);
            n = buf;
        }
        if (visit(ud, n, typing_forms[i])) return true;
    }
    return false;
}

const KrModuleDef kr_mod_typing = {"typing", typing_init, typing_statics, NULL};

#undef TYPING_FN
#undef TYPING_NKW

// ---- run snapshots ----------------------------------------------------------------------------
// Aliases (List[int], list[int], int | None), TypeVars, ForwardRefs and
// NewTypes and TypedDict classes are saved (NamedTuple classes are classes).

static const KrRsField typing_alias_fields[] = {
    KR_RS_FIELD(TypingAlias, form, KR_RSF_OBJ, KR_RS_ANY | KR_RS_NULL, NULL), // checked at the finish
    KR_RS_VALN(TypingAlias, origin),
    KR_RS_FIELD(TypingAlias, args, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_tuple),
    KR_RS_FIELD(TypingAlias, params, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_tuple),
    KR_RS_FIELD(TypingAlias, meta, KR_RSF_VALUE, KR_RS_EXACT | KR_RS_NULL, &kr_type_tuple),
    KR_RS_END,
};

// typing aliases have their form; types.GenericAlias its origin class;
// Annotated its metadata and at least its type.
static bool typing_alias_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const TypingAlias *a = (const TypingAlias *)o;
    if (stage == 0) return true;
    bool ok = a->form == NULL || typing_is_form(kr_from_obj(a->form));
    ok = ok && (typing_is_alias(kr_from_obj(o)) ? a->form != NULL : a->form == NULL);
    if (o->type == &typing_ga_type) ok = ok && a->origin != KR_NULL;
    if (ok && a->form && a->form->kind == TK_ANNOTATED) ok = a->meta != KR_NULL && kr_as_tuple(a->args)->len > 0;
    return ok || kr_rs_fail(rd, "bad typing alias");
}

static const KrSnapOps typing_alias_snap = {typing_alias_fields, NULL, NULL, typing_alias_snap_finish};

static const KrRsField typing_tv_fields[] = {
    KR_RS_FIELD(TypingTypeVar, name, KR_RSF_VALUE, KR_RS_STR, NULL),
    KR_RS_VAL(TypingTypeVar, bound),
    KR_RS_FIELD(TypingTypeVar, constraints, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_tuple),
    KR_RS_SCALAR(TypingTypeVar, covariant, KR_RSF_BOOL),
    KR_RS_SCALAR(TypingTypeVar, contravariant, KR_RSF_BOOL),
    KR_RS_END,
};
static const KrSnapOps typing_tv_snap = {typing_tv_fields, NULL, NULL, NULL};

static const KrRsField typing_fwdref_fields[] = {
    KR_RS_FIELD(TypingFwdRef, arg, KR_RSF_VALUE, KR_RS_STR, NULL),
    KR_RS_END,
};
static const KrSnapOps typing_fwdref_snap = {typing_fwdref_fields, NULL, NULL, NULL};

static const KrRsField typing_newtype_fields[] = {
    KR_RS_VAL(TypingNewType, name),
    KR_RS_VAL(TypingNewType, supertype),
    KR_RS_END,
};
static const KrSnapOps typing_newtype_snap = {typing_newtype_fields, NULL, NULL, NULL};

static const KrRsField typing_tdc_fields[] = {
    KR_RS_FIELD(TypingTdClass, name, KR_RSF_VALUE, KR_RS_STR, NULL),
    KR_RS_FIELD(TypingTdClass, fields, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_dict),
    KR_RS_FIELD(TypingTdClass, required, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_frozenset),
    KR_RS_FIELD(TypingTdClass, optional, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_frozenset),
    KR_RS_SCALAR(TypingTdClass, total, KR_RSF_BOOL),
    KR_RS_END,
};
static const KrSnapOps typing_tdc_snap = {typing_tdc_fields, NULL, NULL, NULL};
