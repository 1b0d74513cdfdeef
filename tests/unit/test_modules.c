// test_modules.c: module objects, the registry and kr_import, and the sys,
// typing and __future__ modules, driven from C (reprs checked against
// what CPython 3.11 prints). Also the typing hooks the VM calls for
// `type | type`, `list[int]` and isinstance().
#include <stdio.h>
#include "../../src/modules.h"
#include "../../src/vm.h"

#include "check.h"

// ---- helpers ------------------------------------------------------------------------------

static char out_buf[4096];
static size_t out_len;
static int out_stream;

static void capture(void *ud, int stream, const char *s, size_t n) {
    (void)ud;
    out_stream = stream;
    if (out_len + n < sizeof out_buf) {
        memcpy(out_buf + out_len, s, n);
        out_len += n;
        out_buf[out_len] = 0;
    }
}

static KrRun *new_run(void) {
    KrRun *r = kr_run_create(kr_default_allocator);
    r->write = capture;
    out_len = 0;
    out_buf[0] = 0;
    return r;
}

static KrValue S(KrRun *r, const char *s) { return kr_str_from_cstr(r, s); }

static bool str_is(KrValue v, const char *want) {
    return v != KR_EXC && kr_is_str(v) && strcmp(kr_as_str(v)->data, want) == 0;
}

static bool repr_is_impl(KrRun *r, KrValue v, const char *want, int line) {
    if (v == KR_EXC) {
        KrValue m = r->exc != KR_NULL ? kr_exc_str(r, r->exc) : KR_EXC;
        fprintf(stderr, "line %d: exception %s: %s\n", line, r->exc != KR_NULL ? kr_type_name(r->exc) : "?",
                m != KR_EXC ? kr_as_str(m)->data : "?");
        kr_clear_exc(r);
        return false;
    }
    KrValue s = kr_repr(r, v);
    if (str_is(s, want)) return true;
    fprintf(stderr, "line %d: repr %s, wanted %s\n", line, s != KR_EXC ? kr_as_str(s)->data : "<error>", want);
    return false;
}
#define REPR_IS(r, v, want) repr_is_impl(r, v, want, __LINE__)

// The pending exception is of type t with message msg (then cleared).
static bool raised_impl(KrRun *r, KrValue res, const KrType *t, const char *msg, int line) {
    if (res != KR_EXC || r->exc == KR_NULL) {
        fprintf(stderr, "line %d: no exception raised\n", line);
        return false;
    }
    KrValue m = kr_exc_str(r, r->exc);
    bool ok = kr_typeof(r->exc) == t && str_is(m, msg);
    if (!ok)
        fprintf(stderr, "line %d: raised %s: %s; wanted %s: %s\n", line, kr_type_name(r->exc),
                m != KR_EXC ? kr_as_str(m)->data : "?", t->name, msg);
    kr_clear_exc(r);
    return ok;
}
#define RAISED(r, res, t, msg) raised_impl(r, res, t, msg, __LINE__)

static KrValue imp(KrRun *r, const char *name) { return kr_import(r, S(r, name)); }
static KrValue attr(KrRun *r, KrValue o, const char *name) {
    return o == KR_EXC ? KR_EXC : kr_getattr_cstr(r, o, name);
}
static KrValue item(KrRun *r, KrValue o, KrValue key) { return o == KR_EXC ? KR_EXC : kr_getitem(r, o, key); }
static KrValue call1(KrRun *r, KrValue f, KrValue a) { return f == KR_EXC ? KR_EXC : kr_call1(r, f, a); }
static KrValue call2(KrRun *r, KrValue f, KrValue a, KrValue b) { return f == KR_EXC ? KR_EXC : kr_call2(r, f, a, b); }
static KrValue pair(KrRun *r, KrValue a, KrValue b) { return kr_tuple_pack2(r, a, b); }
static KrValue T(const KrType *t) { return kr_from_obj(t); }

// ---- import and module objects ----------------------------------------------------------------

static void test_import(void) {
    KrRun *r = new_run();
    KrValue sys = imp(r, "sys");
    CHECK(REPR_IS(r, sys, "<module 'sys' (built-in)>"));
    CHECK(imp(r, "sys") == sys); // cached per run
    CHECK(REPR_IS(r, attr(r, sys, "__name__"), "'sys'"));
    CHECK(REPR_IS(r, T(kr_typeof(sys)), "<class 'module'>"));
    CHECK(RAISED(r, imp(r, "os"), &kr_exc_ModuleNotFoundError, "No module named 'os'"));
    CHECK(RAISED(r, imp(r, "sys.path"), &kr_exc_ModuleNotFoundError, "No module named 'sys.path'; 'sys' is not a package"));
    CHECK(RAISED(r, imp(r, "nosuch.sub"), &kr_exc_ModuleNotFoundError, "No module named 'nosuch'"));
    CHECK(RAISED(r, attr(r, sys, "nope"), &kr_exc_AttributeError, "module 'sys' has no attribute 'nope'"));
    // setattr / delattr go to the namespace
    KrValue name = S(r, "answer");
    CHECK(kr_setattr(r, sys, kr_as_str(name), kr_from_small(42)) == KR_NONE);
    CHECK(REPR_IS(r, attr(r, sys, "answer"), "42"));
    CHECK(kr_setattr(r, sys, kr_as_str(name), KR_NULL) == KR_NONE);
    CHECK(RAISED(r, kr_setattr(r, sys, kr_as_str(name), KR_NULL), &kr_exc_AttributeError,
                 "'module' object has no attribute 'answer'"));
    KrValue d = attr(r, sys, "__dict__");
    CHECK(kr_is_type(d, &kr_type_dict));
    // sys.modules is the run's table
    KrValue mods = attr(r, sys, "modules");
    CHECK(mods == r->modules);
    KrValue typing = imp(r, "typing");
    CHECK(REPR_IS(r, item(r, mods, S(r, "typing")), "<module 'typing' (built-in)>"));
    CHECK(kr_module_find(r, "typing") == typing);
    CHECK(kr_module_find(r, "json") == KR_NULL);
    // the table survives collection (r->modules is a root)
    kr_gc_collect(r);
    CHECK(REPR_IS(r, attr(r, imp(r, "sys"), "version_info"),
                  "sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0)"));
    kr_run_destroy(r);
}

static void test_future(void) {
    KrRun *r = new_run();
    KrValue f = imp(r, "__future__");
    CHECK(REPR_IS(r, attr(r, f, "annotations"), "_Feature((3, 7, 0, 'beta', 1), None, 16777216)"));
    CHECK(REPR_IS(r, attr(r, f, "division"), "_Feature((2, 2, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), 131072)"));
    CHECK(REPR_IS(r, attr(r, attr(r, f, "annotations"), "compiler_flag"), "16777216"));
    KrValue names = attr(r, f, "all_feature_names");
    size_t n = 0;
    CHECK(kr_len(r, names, &n) && n == 10);
    kr_run_destroy(r);
}

// ---- sys ----------------------------------------------------------------------------------------

static void test_sys_facts(void) {
    KrRun *r = new_run();
    KrValue sys = imp(r, "sys");
    CHECK(REPR_IS(r, attr(r, sys, "maxsize"), "9223372036854775807"));
    CHECK(REPR_IS(r, attr(r, sys, "byteorder"), "'little'"));
    CHECK(REPR_IS(r, attr(r, sys, "path"), "[]"));
    CHECK(REPR_IS(r, attr(r, sys, "maxunicode"), "1114111"));
    KrValue vi = attr(r, sys, "version_info");
    CHECK(REPR_IS(r, attr(r, vi, "major"), "3"));
    CHECK(REPR_IS(r, attr(r, vi, "releaselevel"), "'final'"));
    CHECK(REPR_IS(r, item(r, vi, kr_from_small(1)), "11"));
    CHECK(REPR_IS(r, item(r, vi, kr_slice_new(r, KR_NONE, kr_from_small(2), KR_NONE)), "(3, 11)"));
    CHECK(REPR_IS(r, kr_compare(r, vi, pair(r, kr_from_small(3), kr_from_small(8)), KR_CMP_GE), "True"));
    CHECK(REPR_IS(r, kr_compare(r, vi, pair(r, kr_from_small(3), kr_from_small(12)), KR_CMP_LT), "True"));
    size_t n = 0;
    CHECK(kr_len(r, vi, &n) && n == 5);
    CHECK(REPR_IS(r, kr_list_from_iter(r, vi), "[3, 11, 7, 'final', 0]"));
    CHECK(REPR_IS(r, T(kr_typeof(vi)), "<class 'sys.version_info'>"));
    CHECK(RAISED(r, attr(r, vi, "x"), &kr_exc_AttributeError, "'sys.version_info' object has no attribute 'x'"));
    CHECK(RAISED(r, kr_call0(r, T(kr_typeof(vi))), &kr_exc_TypeError, "cannot create 'sys.version_info' instances"));
    CHECK(REPR_IS(r, call1(r, attr(r, vi, "count"), kr_from_small(3)), "1"));
    int64_t h1, h2;
    KrValue plain = kr_tuple_from_iter(r, vi);
    CHECK(kr_hash(r, vi, &h1) && kr_hash(r, plain, &h2) && h1 == h2);
    CHECK(REPR_IS(r, attr(r, attr(r, sys, "float_info"), "epsilon"), "2.220446049250313e-16"));
    CHECK(REPR_IS(r, attr(r, sys, "getrecursionlimit"), "<built-in function getrecursionlimit>"));
    CHECK(REPR_IS(r, kr_call0(r, attr(r, sys, "get_int_max_str_digits")), "4300"));
    CHECK(RAISED(r, call1(r, attr(r, sys, "set_int_max_str_digits"), kr_from_small(10)), &kr_exc_NotImplementedError,
                 "sys.set_int_max_str_digits() is not supported: krait's int/str conversion limit is fixed at 4300 digits"));
    CHECK(REPR_IS(r, call1(r, attr(r, sys, "intern"), S(r, "ab")), "'ab'"));
    CHECK(RAISED(r, call1(r, attr(r, sys, "intern"), kr_from_small(3)), &kr_exc_TypeError,
                 "intern() argument must be str, not int"));
    CHECK(REPR_IS(r, kr_call0(r, attr(r, sys, "exc_info")), "(None, None, None)"));
    kr_run_destroy(r);
}

static void test_sys_streams(void) {
    KrRun *r = new_run();
    KrValue sys = imp(r, "sys");
    KrValue out = attr(r, sys, "stdout"), err = attr(r, sys, "stderr"), in = attr(r, sys, "stdin");
    CHECK(REPR_IS(r, out, "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>"));
    CHECK(kr_sys_stream_id(out) == 1 && kr_sys_stream_id(err) == 2 && kr_sys_stream_id(in) == 0);
    CHECK(kr_sys_stream_id(sys) == 0 && kr_sys_stream_id(KR_NONE) == 0);
    CHECK(REPR_IS(r, call1(r, attr(r, out, "write"), S(r, "h\xc3\xa9!\n")), "4"));
    CHECK(strcmp(out_buf, "h\xc3\xa9!\n") == 0 && out_stream == 1);
    CHECK(REPR_IS(r, call1(r, attr(r, err, "write"), S(r, "e")), "1"));
    CHECK(out_stream == 2);
    CHECK(RAISED(r, call1(r, attr(r, out, "write"), kr_from_small(3)), &kr_exc_TypeError,
                 "write() argument must be str, not int"));
    CHECK(RAISED(r, kr_call0(r, attr(r, out, "write")), &kr_exc_TypeError,
                 "TextIOWrapper.write() takes exactly one argument (0 given)"));
    CHECK(REPR_IS(r, kr_call0(r, attr(r, out, "flush")), "None"));
    CHECK(REPR_IS(r, kr_call0(r, attr(r, out, "isatty")), "False"));
    CHECK(REPR_IS(r, attr(r, out, "name"), "'<stdout>'"));
    KrValue lines = kr_list_new(r, 0);
    CHECK(kr_list_append(r, kr_as_list(lines), S(r, "a")) && kr_list_append(r, kr_as_list(lines), S(r, "b")));
    out_len = 0;
    CHECK(REPR_IS(r, call1(r, attr(r, out, "writelines"), lines), "None"));
    CHECK(strcmp(out_buf, "ab") == 0);
    CHECK(RAISED(r, call1(r, attr(r, in, "write"), S(r, "x")), &kr_exc_OSError, "not writable"));
    CHECK(RAISED(r, kr_call0(r, attr(r, in, "read")), &kr_exc_OSError,
                 "sys.stdin is not available in the krait sandbox (no host input)"));
    // the output limit applies to sys.stdout.write too
    r->limits.max_output = r->output_bytes + 2;
    CHECK(call1(r, attr(r, out, "write"), S(r, "toolong")) == KR_EXC && r->limit_hit == KR_LIMIT_OUTPUT);
    kr_run_destroy(r);
}

static void test_sys_limits(void) {
    KrRun *r = new_run();
    r->limits.max_recursion = 500; // the host's ceiling
    KrValue sys = imp(r, "sys");
    KrValue set = attr(r, sys, "setrecursionlimit"), get = attr(r, sys, "getrecursionlimit");
    CHECK(REPR_IS(r, kr_call0(r, get), "500"));
    CHECK(REPR_IS(r, call1(r, set, kr_from_small(100)), "None"));
    CHECK(r->limits.max_recursion == 100);
    CHECK(REPR_IS(r, call1(r, set, kr_from_small(500)), "None")); // back up to the ceiling
    CHECK(r->limits.max_recursion == 500);
    // more is accepted and reported, but recursion still stops at the ceiling
    CHECK(REPR_IS(r, call1(r, set, kr_from_small(100000)), "None"));
    CHECK(REPR_IS(r, kr_call0(r, get), "100000"));
    CHECK(r->limits.max_recursion == 500);
    CHECK(REPR_IS(r, call1(r, set, kr_from_small(200)), "None"));
    CHECK(REPR_IS(r, kr_call0(r, get), "200"));
    CHECK(r->limits.max_recursion == 200);
    CHECK(REPR_IS(r, call1(r, set, kr_from_small(500)), "None"));
    CHECK(RAISED(r, call1(r, set, kr_from_small(0)), &kr_exc_ValueError, "recursion limit must be greater or equal than 1"));
    CHECK(RAISED(r, call1(r, set, kr_from_small(1)), &kr_exc_RecursionError,
                 "cannot set the recursion limit to 1 at the recursion depth 1: the limit is too low"));
    CHECK(RAISED(r, call1(r, set, kr_from_double(2.0)), &kr_exc_TypeError,
                 "'float' object cannot be interpreted as an integer"));
    CHECK(RAISED(r, kr_call0(r, set), &kr_exc_TypeError, "sys.setrecursionlimit() takes exactly one argument (0 given)"));
    CHECK(r->limits.max_recursion == 500);
    // exit
    KrValue ex = attr(r, sys, "exit");
    CHECK(call1(r, ex, kr_from_small(3)) == KR_EXC && kr_exc_is(r->exc, &kr_exc_SystemExit));
    CHECK(REPR_IS(r, ((KrExc *)kr_as_obj(r->exc))->args, "(3,)"));
    kr_clear_exc(r);
    CHECK(kr_call0(r, ex) == KR_EXC && kr_exc_is(r->exc, &kr_exc_SystemExit));
    CHECK(REPR_IS(r, ((KrExc *)kr_as_obj(r->exc))->args, "()"));
    kr_clear_exc(r);
    CHECK(RAISED(r, call2(r, ex, kr_from_small(1), kr_from_small(2)), &kr_exc_TypeError,
                 "exit expected at most 1 argument, got 2"));
    kr_run_destroy(r);
}

// ---- typing ---------------------------------------------------------------------------------------

typedef struct Ty {
    KrRun *r;
    KrValue m;
} Ty;

static KrValue ty(Ty *t, const char *name) { return attr(t->r, t->m, name); }
static KrValue sub(Ty *t, const char *name, KrValue key) { return item(t->r, ty(t, name), key); }

static void test_typing_reprs(void) {
    KrRun *r = new_run();
    Ty t = {r, imp(r, "typing")};
    KrValue Int = T(&kr_type_int), Str = T(&kr_type_str);
    CHECK(REPR_IS(r, ty(&t, "Any"), "typing.Any"));
    CHECK(REPR_IS(r, ty(&t, "List"), "typing.List"));
    CHECK(REPR_IS(r, ty(&t, "Generic"), "<class 'typing.Generic'>"));
    CHECK(REPR_IS(r, sub(&t, "List", Int), "typing.List[int]"));
    CHECK(REPR_IS(r, sub(&t, "Optional", Int), "typing.Optional[int]"));
    CHECK(REPR_IS(r, sub(&t, "Dict", pair(r, Str, sub(&t, "List", Int))), "typing.Dict[str, typing.List[int]]"));
    CHECK(REPR_IS(r, sub(&t, "Union", pair(r, Int, Str)), "typing.Union[int, str]"));
    CHECK(REPR_IS(r, sub(&t, "Union", pair(r, Int, KR_NONE)), "typing.Optional[int]"));
    CHECK(REPR_IS(r, sub(&t, "Union", pair(r, KR_NONE, Int)), "typing.Optional[int]"));
    CHECK(REPR_IS(r, sub(&t, "Union", pair(r, Int, Int)), "<class 'int'>"));
    CHECK(REPR_IS(r, sub(&t, "Optional", sub(&t, "Union", pair(r, Int, Str))), "typing.Union[int, str, NoneType]"));
    KrValue params = kr_list_from_array(r, &Int, 1);
    CHECK(REPR_IS(r, sub(&t, "Callable", pair(r, params, Str)), "typing.Callable[[int], str]"));
    CHECK(REPR_IS(r, sub(&t, "Callable", pair(r, KR_ELLIPSIS, Str)), "typing.Callable[..., str]"));
    CHECK(REPR_IS(r, sub(&t, "Callable", pair(r, kr_list_new(r, 0), KR_NONE)), "typing.Callable[[], NoneType]"));
    CHECK(REPR_IS(r, sub(&t, "Tuple", pair(r, Int, KR_ELLIPSIS)), "typing.Tuple[int, ...]"));
    CHECK(REPR_IS(r, sub(&t, "Tuple", kr_from_obj(&kr_empty_tuple)), "typing.Tuple[()]"));
    CHECK(REPR_IS(r, sub(&t, "Literal", pair(r, S(r, "a"), kr_from_small(1))), "typing.Literal['a', 1]"));
    CHECK(REPR_IS(r, sub(&t, "List", S(r, "Foo")), "typing.List[ForwardRef('Foo')]"));
    CHECK(REPR_IS(r, sub(&t, "Annotated", pair(r, Int, S(r, "meta"))), "typing.Annotated[int, 'meta']"));
    CHECK(REPR_IS(r, sub(&t, "Final", Int), "typing.Final[int]"));
    CHECK(REPR_IS(r, sub(&t, "List", ty(&t, "Any")), "typing.List[typing.Any]"));
    KrValue tv = call1(r, ty(&t, "TypeVar"), S(r, "T"));
    CHECK(REPR_IS(r, tv, "~T"));
    CHECK(REPR_IS(r, sub(&t, "Generic", tv), "typing.Generic[~T]"));
    KrValue lt = sub(&t, "List", tv);
    CHECK(REPR_IS(r, attr(r, lt, "__parameters__"), "(~T,)"));
    CHECK(REPR_IS(r, item(r, lt, Int), "typing.List[int]"));
    CHECK(REPR_IS(r, item(r, sub(&t, "Optional", tv), Str), "typing.Optional[str]"));
    CHECK(REPR_IS(r, ty(&t, "TYPE_CHECKING"), "False"));
    CHECK(REPR_IS(r, ty(&t, "AnyStr"), "~AnyStr"));
    kr_gc_collect(r); // everything made above is garbage now, the module is not
    CHECK(REPR_IS(r, sub(&t, "Set", Int), "typing.Set[int]"));
    kr_run_destroy(r);
}

static void test_typing_errors(void) {
    KrRun *r = new_run();
    Ty t = {r, imp(r, "typing")};
    KrValue Int = T(&kr_type_int), Str = T(&kr_type_str);
    CHECK(RAISED(r, sub(&t, "List", pair(r, Int, Str)), &kr_exc_TypeError,
                 "Too many arguments for typing.List; actual 2, expected 1"));
    CHECK(RAISED(r, sub(&t, "Dict", Int), &kr_exc_TypeError, "Too few arguments for typing.Dict; actual 1, expected 2"));
    CHECK(RAISED(r, sub(&t, "Optional", pair(r, Int, Str)), &kr_exc_TypeError,
                 "typing.Optional requires a single type. Got (<class 'int'>, <class 'str'>)."));
    CHECK(RAISED(r, sub(&t, "Union", kr_from_obj(&kr_empty_tuple)), &kr_exc_TypeError, "Cannot take a Union of no types."));
    CHECK(RAISED(r, sub(&t, "Callable", Int), &kr_exc_TypeError, "Callable must be used as Callable[[arg, ...], result]."));
    CHECK(RAISED(r, sub(&t, "Any", Int), &kr_exc_TypeError, "type 'Any' is not subscriptable"));
    CHECK(RAISED(r, sub(&t, "NoReturn", Int), &kr_exc_TypeError, "typing.NoReturn is not subscriptable"));
    CHECK(RAISED(r, sub(&t, "Hashable", Int), &kr_exc_TypeError, "typing.Hashable is not a generic class"));
    CHECK(RAISED(r, sub(&t, "Generic", Int), &kr_exc_TypeError,
                 "Parameters to Generic[...] must all be type variables or parameter specification variables."));
    CHECK(RAISED(r, sub(&t, "List", ty(&t, "Union")), &kr_exc_TypeError, "Plain typing.Union is not valid as type argument"));
    CHECK(RAISED(r, item(r, sub(&t, "List", Int), Str), &kr_exc_TypeError, "typing.List[int] is not a generic class"));
    CHECK(RAISED(r, kr_call0(r, ty(&t, "List")), &kr_exc_TypeError, "Type List cannot be instantiated; use list() instead"));
    CHECK(RAISED(r, kr_call0(r, sub(&t, "List", Int)), &kr_exc_TypeError,
                 "Type List cannot be instantiated; use list() instead"));
    CHECK(RAISED(r, kr_call0(r, ty(&t, "Any")), &kr_exc_TypeError, "Any cannot be instantiated"));
    CHECK(RAISED(r, kr_call0(r, ty(&t, "Union")), &kr_exc_TypeError, "Cannot instantiate typing.Union"));
    CHECK(RAISED(r, call1(r, ty(&t, "TypeVar"), kr_from_small(1)), &kr_exc_TypeError, "TypeVar name must be a str, not int"));
    KrValue args[2] = {S(r, "T"), Int};
    CHECK(RAISED(r, kr_call(r, ty(&t, "TypeVar"), 2, args, KR_NULL), &kr_exc_TypeError, "A single constraint is not allowed"));
    CHECK(RAISED(r, attr(r, t.m, "nope"), &kr_exc_AttributeError, "module 'typing' has no attribute 'nope'"));
    kr_run_destroy(r);
}

static void test_typing_introspection(void) {
    KrRun *r = new_run();
    Ty t = {r, imp(r, "typing")};
    KrValue Int = T(&kr_type_int), Str = T(&kr_type_str);
    KrValue li = sub(&t, "List", Int);
    CHECK(attr(r, li, "__origin__") == T(&kr_type_list));
    CHECK(REPR_IS(r, attr(r, li, "__args__"), "(<class 'int'>,)"));
    CHECK(REPR_IS(r, attr(r, li, "__name__"), "'List'"));
    CHECK(attr(r, ty(&t, "List"), "__origin__") == T(&kr_type_list));
    KrValue opt = sub(&t, "Optional", Int);
    CHECK(REPR_IS(r, attr(r, opt, "__origin__"), "typing.Union"));
    CHECK(REPR_IS(r, attr(r, opt, "__args__"), "(<class 'int'>, <class 'NoneType'>)"));
    CHECK(REPR_IS(r, attr(r, opt, "__name__"), "'Optional'"));
    CHECK(REPR_IS(r, kr_compare(r, sub(&t, "Union", pair(r, Int, Str)), sub(&t, "Union", pair(r, Str, Int)), KR_CMP_EQ),
                  "True"));
    CHECK(REPR_IS(r, kr_compare(r, li, sub(&t, "List", Int), KR_CMP_EQ), "True"));
    CHECK(REPR_IS(r, kr_compare(r, li, sub(&t, "List", Str), KR_CMP_EQ), "False"));
    int64_t h1, h2;
    CHECK(kr_hash(r, li, &h1) && kr_hash(r, sub(&t, "List", Int), &h2) && h1 == h2);
    CHECK(call1(r, ty(&t, "get_origin"), li) == T(&kr_type_list));
    CHECK(REPR_IS(r, call1(r, ty(&t, "get_origin"), Int), "None"));
    CHECK(REPR_IS(r, call1(r, ty(&t, "get_args"), sub(&t, "Dict", pair(r, Str, Int))), "(<class 'str'>, <class 'int'>)"));
    KrValue params = kr_list_from_array(r, &Int, 1);
    CHECK(REPR_IS(r, call1(r, ty(&t, "get_args"), sub(&t, "Callable", pair(r, params, Str))),
                  "([<class 'int'>], <class 'str'>)"));
    CHECK(REPR_IS(r, attr(r, sub(&t, "Annotated", pair(r, Int, S(r, "m"))), "__metadata__"), "('m',)"));
    CHECK(REPR_IS(r, call2(r, ty(&t, "cast"), Int, S(r, "x")), "'x'"));
    CHECK(REPR_IS(r, call1(r, ty(&t, "overload"), Int), "<built-in function _overload_dummy>"));
    CHECK(REPR_IS(r, attr(r, ty(&t, "List"), "append"), "<method 'append' of 'list' objects>"));
    // NewType
    KrValue uid = call2(r, ty(&t, "NewType"), S(r, "UserId"), Int);
    CHECK(REPR_IS(r, uid, "__main__.UserId"));
    CHECK(REPR_IS(r, call1(r, uid, kr_from_small(5)), "5"));
    kr_run_destroy(r);
}

static void test_typing_hooks(void) {
    KrRun *r = new_run();
    Ty t = {r, imp(r, "typing")};
    KrValue Int = T(&kr_type_int), Str = T(&kr_type_str), List = T(&kr_type_list);
    // int | None, list[int]
    KrValue u = kr_typing_or(r, Int, KR_NONE);
    CHECK(REPR_IS(r, u, "int | None"));
    CHECK(REPR_IS(r, T(kr_typeof(u)), "<class 'types.UnionType'>"));
    CHECK(REPR_IS(r, kr_typing_or(r, KR_NONE, Int), "None | int"));
    CHECK(REPR_IS(r, kr_typing_or(r, Int, Int), "<class 'int'>"));
    CHECK(REPR_IS(r, kr_typing_or(r, kr_typing_or(r, Int, Str), Int), "int | str"));
    CHECK(kr_typing_or(r, Int, kr_from_small(3)) == KR_NOTIMPL);
    CHECK(REPR_IS(r, kr_compare(r, u, sub(&t, "Optional", Int), KR_CMP_EQ), "True"));
    CHECK(REPR_IS(r, kr_binary(r, sub(&t, "List", Int), KR_NONE, KR_BIN_OR), "typing.Optional[typing.List[int]]"));
    CHECK(REPR_IS(r, kr_binary(r, Int, sub(&t, "List", Int), KR_BIN_OR), "typing.Union[int, typing.List[int]]"));
    KrValue li = kr_typing_class_getitem(r, List, Int);
    CHECK(REPR_IS(r, li, "list[int]"));
    CHECK(REPR_IS(r, kr_typing_class_getitem(r, T(&kr_type_dict), pair(r, Str, li)), "dict[str, list[int]]"));
    CHECK(REPR_IS(r, kr_typing_class_getitem(r, T(&kr_type_tuple), kr_from_obj(&kr_empty_tuple)), "tuple[()]"));
    CHECK(REPR_IS(r, kr_typing_class_getitem(r, T(&kr_type_tuple), pair(r, Int, KR_ELLIPSIS)), "tuple[int, ...]"));
    CHECK(attr(r, li, "__origin__") == List);
    CHECK(REPR_IS(r, kr_call0(r, li), "[]"));
    CHECK(REPR_IS(r, kr_compare(r, li, sub(&t, "List", Int), KR_CMP_EQ), "False"));
    CHECK(REPR_IS(r, kr_typing_or(r, Int, li), "int | list[int]"));
    // isinstance / issubclass
    KrValue empty = kr_list_new(r, 0);
    CHECK(kr_typing_isinstance(r, empty, ty(&t, "List")) == 1);
    CHECK(kr_typing_isinstance(r, kr_from_small(3), ty(&t, "List")) == 0);
    CHECK(kr_typing_isinstance(r, empty, ty(&t, "Iterable")) == 1);
    CHECK(kr_typing_isinstance(r, empty, ty(&t, "Hashable")) == 0);
    CHECK(kr_typing_isinstance(r, kr_from_small(3), ty(&t, "Hashable")) == 1);
    CHECK(kr_typing_isinstance(r, S(r, "s"), ty(&t, "Sequence")) == 1);
    CHECK(kr_typing_isinstance(r, ty(&t, "cast"), ty(&t, "Callable")) == 1);
    CHECK(kr_typing_isinstance(r, kr_from_small(3), sub(&t, "Union", pair(r, Int, Str))) == 1);
    CHECK(kr_typing_isinstance(r, KR_NONE, sub(&t, "Optional", Int)) == 1);
    CHECK(kr_typing_isinstance(r, KR_NONE, u) == 1);
    CHECK(kr_typing_isinstance(r, kr_from_double(1.5), u) == 0);
    CHECK(kr_typing_issubclass(r, List, ty(&t, "Sequence")) == 1);
    CHECK(kr_typing_isinstance(r, empty, Int) == -2);
    CHECK(kr_typing_isinstance(r, empty, sub(&t, "List", Int)) == -1);
    CHECK(RAISED(r, KR_EXC, &kr_exc_TypeError, "Subscripted generics cannot be used with class and instance checks"));
    CHECK(kr_typing_isinstance(r, empty, li) == -1);
    CHECK(RAISED(r, KR_EXC, &kr_exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic"));
    CHECK(kr_typing_isinstance(r, empty, ty(&t, "Any")) == -1);
    CHECK(RAISED(r, KR_EXC, &kr_exc_TypeError, "typing.Any cannot be used with isinstance()"));
    // class bases
    int special;
    CHECK(kr_typing_mro_entry(sub(&t, "List", Int), &special) == List && special == 0);
    // Generic[T] stands for the class typing.Generic
    CHECK(kr_typing_mro_entry(sub(&t, "Generic", call1(r, ty(&t, "TypeVar"), S(r, "T"))), &special) ==
              ty(&t, "Generic") && special == 0);
    CHECK(kr_typing_mro_entry(ty(&t, "NamedTuple"), &special) == KR_NONE && special == 1);
    CHECK(kr_typing_mro_entry(ty(&t, "TypedDict"), &special) == KR_NONE && special == 2);
    CHECK(kr_typing_mro_entry(Int, &special) == KR_NULL);
    kr_run_destroy(r);
}

static void test_typing_namedtuple(void) {
    KrRun *r = new_run();
    Ty t = {r, imp(r, "typing")};
    KrValue Int = T(&kr_type_int);
    KrValue fields = kr_list_new(r, 2);
    CHECK(kr_list_append(r, kr_as_list(fields), pair(r, S(r, "x"), Int)));
    CHECK(kr_list_append(r, kr_as_list(fields), pair(r, S(r, "y"), T(&kr_type_str))));
    KrValue P = call2(r, ty(&t, "NamedTuple"), S(r, "P"), fields);
    kr_root_push(r, &P);
    CHECK(REPR_IS(r, P, "<class '__main__.P'>"));
    KrValue p = call2(r, P, kr_from_small(1), S(r, "a"));
    kr_root_push(r, &p);
    kr_gc_collect(r);
    CHECK(REPR_IS(r, p, "P(x=1, y='a')"));
    CHECK(REPR_IS(r, attr(r, p, "y"), "'a'"));
    CHECK(REPR_IS(r, item(r, p, kr_from_small(0)), "1"));
    CHECK(REPR_IS(r, kr_compare(r, p, pair(r, kr_from_small(1), S(r, "a")), KR_CMP_EQ), "True"));
    CHECK(REPR_IS(r, attr(r, P, "_fields"), "('x', 'y')"));
    CHECK(REPR_IS(r, kr_call0(r, attr(r, p, "_asdict")), "{'x': 1, 'y': 'a'}"));
    CHECK(REPR_IS(r, attr(r, P, "__annotations__"), "{'x': <class 'int'>, 'y': <class 'str'>}"));
    // a real class: typing's isinstance hook leaves it to the class machinery
    CHECK(kr_typing_isinstance(r, p, P) == -2);
    CHECK(kr_isinstance(p, (const KrType *)kr_as_obj(P)));
    CHECK(!kr_isinstance(pair(r, kr_from_small(1), kr_from_small(2)), (const KrType *)kr_as_obj(P)));
    CHECK(kr_isinstance(p, &kr_type_tuple));
    CHECK(RAISED(r, call1(r, P, kr_from_small(1)), &kr_exc_TypeError, "P.__new__() missing 1 required positional argument: 'y'"));
    CHECK(RAISED(r, kr_call0(r, P), &kr_exc_TypeError, "P.__new__() missing 2 required positional arguments: 'x' and 'y'"));
    KrValue three[3] = {kr_from_small(1), kr_from_small(2), kr_from_small(3)};
    CHECK(RAISED(r, kr_call(r, P, 3, three, KR_NULL), &kr_exc_TypeError,
                 "P.__new__() takes 3 positional arguments but 4 were given"));
    KrValue kwn = kr_tuple_from_array(r, (KrValue[]){S(r, "x")}, 1);
    CHECK(RAISED(r, kr_call(r, P, 1, three, kwn), &kr_exc_TypeError, "P.__new__() got multiple values for argument 'x'"));
    KrValue kwz = kr_tuple_from_array(r, (KrValue[]){S(r, "z")}, 1);
    CHECK(RAISED(r, kr_call(r, attr(r, p, "_replace"), 0, three, kwz), &kr_exc_ValueError,
                 "Got unexpected field names: ['z']"));
    KrValue kwy = kr_tuple_from_array(r, (KrValue[]){S(r, "y")}, 1);
    CHECK(REPR_IS(r, kr_call(r, attr(r, p, "_replace"), 0, three, kwy), "P(x=1, y=1)"));
    CHECK(REPR_IS(r, call1(r, attr(r, P, "_make"), pair(r, kr_from_small(7), kr_from_small(8))), "P(x=7, y=8)"));
    CHECK(RAISED(r, attr(r, p, "z"), &kr_exc_AttributeError, "'P' object has no attribute 'z'"));
    // made directly, as `class Q(NamedTuple): a: int; b: int = 5` will
    KrValue Q = kr_typing_make_namedtuple(r, S(r, "Q"), pair(r, S(r, "a"), S(r, "b")), KR_NULL,
                                          kr_tuple_from_array(r, (KrValue[]){kr_from_small(5)}, 1), KR_NULL);
    CHECK(REPR_IS(r, call1(r, Q, kr_from_small(1)), "Q(a=1, b=5)"));
    CHECK(REPR_IS(r, attr(r, Q, "_field_defaults"), "{'b': 5}"));
    CHECK(RAISED(r, kr_typing_make_namedtuple(r, S(r, "Q"), pair(r, S(r, "_a"), S(r, "b")), KR_NULL, KR_NULL, KR_NULL),
                 &kr_exc_ValueError, "Field names cannot start with an underscore: '_a'"));
    CHECK(RAISED(r, kr_typing_make_namedtuple(r, S(r, "Q"), pair(r, S(r, "a"), S(r, "a")), KR_NULL, KR_NULL, KR_NULL),
                 &kr_exc_ValueError, "Encountered duplicate field name: 'a'"));
    CHECK(RAISED(r, kr_typing_make_namedtuple(r, S(r, "Q"), pair(r, S(r, "def"), S(r, "b")), KR_NULL, KR_NULL, KR_NULL),
                 &kr_exc_ValueError, "Type names and field names cannot be a keyword: 'def'"));
    kr_root_pop(r, 2);
    // TypedDict
    KrValue fd = kr_dict_new(r);
    CHECK(kr_dict_set(r, kr_as_dict(fd), S(r, "name"), T(&kr_type_str)));
    KrValue M = call2(r, ty(&t, "TypedDict"), S(r, "M"), fd);
    CHECK(REPR_IS(r, M, "<class '__main__.M'>"));
    CHECK(REPR_IS(r, kr_call(r, M, 0, (KrValue[]){S(r, "x")}, kr_tuple_from_array(r, (KrValue[]){S(r, "name")}, 1)),
                  "{'name': 'x'}"));
    CHECK(REPR_IS(r, attr(r, M, "__required_keys__"), "frozenset({'name'})"));
    CHECK(kr_typing_isinstance(r, fd, M) == -1);
    CHECK(RAISED(r, KR_EXC, &kr_exc_TypeError, "TypedDict does not support instance and class checks"));
    kr_run_destroy(r);
}

// Every allocation of an import (and of typing's subscripts) may be
// refused: the error must come back as a value, never a crash.
static void test_allocation_failures(void) {
    const char *const names[] = {"sys", "typing", "__future__"};
    int clean = 0;
    for (size_t k = 0; k < 3; k++) {
        for (size_t n = 0; n < 600; n++) {
            KrRun *r = new_run();
            r->limits.max_allocations = r->nallocs + n + 1; // 0 would mean unlimited
            KrValue m = imp(r, names[k]);
            if (m != KR_EXC) {
                clean++;
                CHECK(kr_is_type(m, &kr_type_module) && r->exc == KR_NULL);
                kr_run_destroy(r);
                break;
            }
            CHECK(r->limit_hit == KR_LIMIT_ALLOCS || r->exc != KR_NULL);
            kr_run_destroy(r);
        }
    }
    CHECK(clean == 3);
    for (size_t n = 0; n < 200; n++) {
        KrRun *r = new_run();
        Ty t = {r, imp(r, "typing")};
        r->limits.max_allocations = r->nallocs + n + 1; // 0 would mean unlimited
        KrValue Int = T(&kr_type_int);
        KrValue v = sub(&t, "Dict", pair(r, T(&kr_type_str), sub(&t, "List", sub(&t, "Optional", Int))));
        KrValue s = v == KR_EXC ? KR_EXC : kr_repr(r, v);
        KrValue nt = s == KR_EXC ? KR_EXC : call1(r, ty(&t, "NamedTuple"), S(r, "P"));
        if (nt != KR_EXC) {
            CHECK(str_is(s, "typing.Dict[str, typing.List[typing.Optional[int]]]"));
            kr_run_destroy(r);
            break;
        }
        CHECK(r->limit_hit == KR_LIMIT_ALLOCS || r->exc != KR_NULL);
        kr_run_destroy(r);
    }
}

int main(void) {
    test_import();
    test_future();
    test_sys_facts();
    test_sys_streams();
    test_sys_limits();
    test_typing_reprs();
    test_typing_errors();
    test_typing_introspection();
    test_typing_hooks();
    test_typing_namedtuple();
    test_allocation_failures();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
