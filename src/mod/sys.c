// sys.c: the `sys` module, sandboxed: facts about the interpreter
// (version, limits), the run's output streams, exit and the recursion
// limit. Nothing here reaches the host: sys.stdout and sys.stderr write to
// the run's own sinks, sys.stdin has no data, and the recursion limit can
// only move below the ceiling the host set.
#include "../modules.h"
#include "../code.h"
#include "../runsnap.h"
#include "../vm.h"

#define SYS_FN(cname, pyname)                                                                         \
    static KrValue sys_##cname(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw); \
    static const KrBuiltin sys_obj_##cname = {KR_STATIC_HEADER(&kr_type_builtin), pyname, sys_##cname}; \
    static KrValue sys_##cname(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw)

// ---- struct sequences (version_info, float_info) ----------------------------------
// A tuple whose items also have names: a static type that extends tuple
// and knows its field names.

typedef struct SysSeqType {
    KrType type;
    const char *const *fields;
    size_t nfields;
} SysSeqType;

static const SysSeqType *sys_seq_type(KrValue v) { return (const SysSeqType *)kr_typeof(v); }

static void sys_seq_trace(KrRun *r, KrObj *o) {
    KrTuple *t = (KrTuple *)o;
    for (size_t i = 0; i < t->len; i++) kr_gc_mark(r, t->items[i]);
}

static size_t sys_seq_objsize(const KrObj *o) {
    return sizeof(KrTuple) + ((const KrTuple *)o)->len * sizeof(KrValue);
}

static const KrSnapOps sys_seq_snap;

// "sys.version_info(major=3, minor=11, ...)"
static KrValue sys_seq_repr(KrRun *r, KrValue v) {
    const SysSeqType *st = sys_seq_type(v);
    KrTuple *t = kr_as_tuple(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "%s(", st->type.name);
    for (size_t i = 0; ok && i < t->len && i < st->nfields; i++) {
        KrValue s = kr_repr(r, t->items[i]);
        ok = s != KR_EXC && kr_buf_printf(&b, "%s%s=", i ? ", " : "", st->fields[i]) &&
             kr_buf_append(&b, kr_as_str(s)->data, kr_as_str(s)->nbytes);
    }
    ok = ok && kr_buf_append_char(&b, ')');
    KrValue res = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    if (res == KR_EXC && r->exc == KR_NULL && !r->limit_hit) kr_raise(r, &kr_exc_MemoryError, "repr");
    return res;
}

// Set on the type itself: some callers read the slot without the base chain.
static KrValue sys_seq_iter(KrRun *r, KrValue o) { return kr_seqiter_new(r, &kr_type_tuple_iterator, o); }

static bool sys_seq_hash(KrRun *r, KrValue v, int64_t *out) {
    KrTuple *t = kr_as_tuple(v);
    return kr_tuple_hash_items(r, t->items, t->len, out);
}

static KrValue sys_seq_getattr(KrRun *r, KrValue o, KrStr *name) {
    const SysSeqType *st = sys_seq_type(o);
    KrTuple *t = kr_as_tuple(o);
    for (size_t i = 0; i < st->nfields && i < t->len; i++)
        if (kr_str_eq_cstr(name, st->fields[i])) return t->items[i];
    KrValue v = kr_generic_getattr(r, o, name);
    if (v != KR_NULL) return v;
    return kr_raise_attr_error(r, o, name, "'%s' object has no attribute '%s'", st->type.name, name->data);
}

#define SYS_SEQ_TYPE(cname, pyname, fieldlist)                          \
    static const SysSeqType cname = {                                   \
        .type = {KR_STATIC_HEADER(&kr_type_type),                       \
                 .name = pyname,                                        \
                 .base = &kr_type_tuple,                                \
                 .basic_size = sizeof(KrTuple),                         \
                 .trace = sys_seq_trace,                                \
                 .objsize = sys_seq_objsize,                            \
                 .repr = sys_seq_repr,                                  \
                 .hash = sys_seq_hash,                                  \
                 .iter = sys_seq_iter,                                  \
                 .getattr = sys_seq_getattr,                            \
                 .snap = &sys_seq_snap},                                \
        .fields = fieldlist,                                            \
        .nfields = sizeof fieldlist / sizeof fieldlist[0]}

static const char *const sys_version_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};
SYS_SEQ_TYPE(sys_version_info_type, "sys.version_info", sys_version_fields);

static const char *const sys_float_fields[] = {"max",     "max_exp",  "max_10_exp", "min",
                                               "min_exp", "min_10_exp", "dig",      "mant_dig",
                                               "epsilon", "radix",    "rounds"};
SYS_SEQ_TYPE(sys_float_info_type, "sys.float_info", sys_float_fields);
#undef SYS_SEQ_TYPE

static KrValue sys_seq_new(KrRun *r, const SysSeqType *st, const KrValue *items) {
    KrTuple *t = kr_gc_alloc(r, &st->type, sizeof(KrTuple) + st->nfields * sizeof(KrValue));
    if (!t) return KR_EXC;
    t->len = st->nfields;
    memcpy(t->items, items, st->nfields * sizeof(KrValue));
    return kr_from_obj(t);
}

static const KrStr sys_final_str = KR_STATIC_STR("final");

static KrValue sys_make_version_info(KrRun *r) {
    KrValue items[] = {kr_from_small(3), kr_from_small(11), kr_from_small(7), kr_from_obj(&sys_final_str),
                       kr_from_small(0)};
    return sys_seq_new(r, &sys_version_info_type, items);
}

// IEEE 754 binary64, as every platform krait runs on.
static KrValue sys_make_float_info(KrRun *r) {
    KrValue items[] = {kr_from_double(1.7976931348623157e+308), kr_from_small(1024), kr_from_small(308),
                       kr_from_double(2.2250738585072014e-308), kr_from_small(-1021), kr_from_small(-307),
                       kr_from_small(15), kr_from_small(53), kr_from_double(2.220446049250313e-16),
                       kr_from_small(2), kr_from_small(1)};
    return sys_seq_new(r, &sys_float_info_type, items);
}

// ---- streams: sys.stdout, sys.stderr, sys.stdin ----------------------------------------
// Static objects: what a stream does depends only on the run it is used in.

typedef struct SysStream {
    KrObj ob;
    int id; // 1 stdout, 2 stderr, 0 stdin
    const char *name;
    const char *mode;
} SysStream;

static const KrType sys_stream_type;
static const SysStream sys_stdout = {KR_STATIC_HEADER(&sys_stream_type), 1, "<stdout>", "w"};
static const SysStream sys_stderr = {KR_STATIC_HEADER(&sys_stream_type), 2, "<stderr>", "w"};
static const SysStream sys_stdin = {KR_STATIC_HEADER(&sys_stream_type), 0, "<stdin>", "r"};

static const SysStream *sys_stream_of(KrValue v) { return (const SysStream *)kr_as_obj(v); }

KrValue kr_sys_stdout_stream(void) { return kr_from_obj(&sys_stdout); }

int kr_sys_stream_id(KrValue file) {
    if (!kr_is_type(file, &sys_stream_type)) return 0;
    return sys_stream_of(file)->id;
}

static KrValue sys_stream_repr(KrRun *r, KrValue v) {
    const SysStream *s = sys_stream_of(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>", s->name, s->mode);
    KrValue res = ok ? kr_str_from_buf(r, &b) : kr_raise(r, &kr_exc_MemoryError, "repr");
    kr_buf_free(&b);
    return res;
}

static bool sys_stream_put(KrRun *r, const SysStream *s, KrValue text) {
    if (s->id == 0) {
        kr_raise(r, &kr_exc_OSError, "not writable");
        return false;
    }
    if (!kr_is_str(text)) {
        kr_raise(r, &kr_exc_TypeError, "write() argument must be str, not %s", kr_arg_type_name(text));
        return false;
    }
    const KrStr *t = kr_as_str(text);
    if (s->id == 1) return kr_str_check_utf8_out(r, t) && kr_run_write(r, 1, t->data, t->nbytes);
    // stderr: lone surrogates escaped (CPython's backslashreplace)
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_append(&b, t->data, t->nbytes) && kr_buf_escape_surrogates(&b, 0);
    if (!ok) kr_raise(r, &kr_exc_MemoryError, "write");
    ok = ok && kr_run_write(r, s->id, b.data, b.len);
    kr_buf_free(&b);
    return ok;
}

static KrValue sys_stream_write(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!kr_dict_check_args(r, "TextIOWrapper.write", argc, kw, 1, 1)) return KR_EXC;
    if (!sys_stream_put(r, sys_stream_of(self), args[0])) return KR_EXC;
    return kr_int_from_i64(r, (int64_t)kr_as_str(args[0])->len);
}

static KrValue sys_stream_writelines(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!kr_dict_check_args(r, "TextIOWrapper.writelines", argc, kw, 1, 1)) return KR_EXC;
    KrValue it = kr_iter(r, args[0]);
    if (it == KR_EXC) return KR_EXC;
    kr_root_push(r, &it); // a generator runs Python code between items
    KrValue res = KR_NONE;
    for (;;) {
        KrValue line = kr_next(r, it);
        if (line == KR_STOP) break;
        if (line == KR_EXC || !sys_stream_put(r, sys_stream_of(self), line) || !kr_run_tick(r, 1)) {
            res = KR_EXC;
            break;
        }
    }
    kr_root_pop(r, 1);
    return res;
}

static KrValue sys_stream_flush(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_dict_check_args(r, "TextIOWrapper.flush", argc, kw, 0, 0)) return KR_EXC;
    int stream = kr_sys_stream_id(self);
    if (stream == 1 || stream == 2) kr_run_flush(r, stream);
    return KR_NONE;
}

static KrValue sys_stream_isatty(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)self;
    (void)args;
    return kr_dict_check_args(r, "TextIOWrapper.isatty", argc, kw, 0, 0) ? KR_FALSE : KR_EXC;
}

static KrValue sys_stream_readable(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_dict_check_args(r, "TextIOWrapper.readable", argc, kw, 0, 0)) return KR_EXC;
    return kr_bool(sys_stream_of(self)->id == 0);
}

static KrValue sys_stream_writable(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_dict_check_args(r, "TextIOWrapper.writable", argc, kw, 0, 0)) return KR_EXC;
    return kr_bool(sys_stream_of(self)->id != 0);
}

// Deny by default: a sandboxed program has no input stream of its own.
static KrValue sys_stream_read(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)argc;
    (void)args;
    (void)kw;
    if (sys_stream_of(self)->id != 0) return kr_raise(r, &kr_exc_OSError, "not readable");
    return kr_raise(r, &kr_exc_OSError, "sys.stdin is not available in the krait sandbox (no host input)");
}

static KrValue sys_stream_get_name(KrRun *r, KrValue self) {
    return kr_str_from_cstr(r, sys_stream_of(self)->name);
}

static KrValue sys_stream_get_mode(KrRun *r, KrValue self) {
    return kr_str_from_cstr(r, sys_stream_of(self)->mode);
}

static KrValue sys_stream_get_encoding(KrRun *r, KrValue self) {
    (void)self;
    return kr_str_from_cstr(r, "utf-8");
}

static KrValue sys_stream_fileno(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_dict_check_args(r, "TextIOWrapper.fileno", argc, kw, 0, 0)) return KR_EXC;
    return kr_from_small(sys_stream_of(self)->id);
}

static KrValue sys_stream_get_closed(KrRun *r, KrValue self) {
    (void)r;
    (void)self;
    return KR_FALSE;
}

static const KrMethodDef sys_stream_methods[] = {
    {"write", sys_stream_write, 0},
    {"writelines", sys_stream_writelines, 0},
    {"flush", sys_stream_flush, 0},
    {"isatty", sys_stream_isatty, 0},
    {"fileno", sys_stream_fileno, 0},
    {"readable", sys_stream_readable, 0},
    {"writable", sys_stream_writable, 0},
    {"read", sys_stream_read, 0},
    {"readline", sys_stream_read, 0},
    {"readlines", sys_stream_read, 0},
    {NULL, NULL, 0},
};

static const KrGetSetDef sys_stream_getsets[] = {
    {"name", sys_stream_get_name},
    {"mode", sys_stream_get_mode},
    {"encoding", sys_stream_get_encoding},
    {"closed", sys_stream_get_closed},
    {NULL, NULL},
};

static const KrType sys_stream_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "_io.TextIOWrapper",
    .base = &kr_type_object,
    .repr = sys_stream_repr,
    .hash = kr_identity_hash,
    .methods = sys_stream_methods,
    .getsets = sys_stream_getsets,
};

// ---- functions ------------------------------------------------------------------------

SYS_FN(exit, "exit") {
    (void)self;
    if (!kr_dict_check_args(r, "sys.exit", argc, kw, 0, 1)) return KR_EXC;
    // exit() and exit(None) raise SystemExit(); a tuple gives the exception's
    // arguments (CPython raises SystemExit(*arg)).
    KrValue a = kr_from_obj(&kr_empty_tuple);
    if (argc && kr_isinstance(args[0], &kr_type_tuple))
        a = kr_tuple_from_array(r, kr_as_tuple(args[0])->items, kr_as_tuple(args[0])->len);
    else if (argc && args[0] != KR_NONE)
        a = kr_tuple_from_array(r, args, 1);
    KrValue exc = a == KR_EXC ? KR_EXC : kr_exc_new(r, &kr_exc_SystemExit, a);
    return exc == KR_EXC ? KR_EXC : kr_raise_value(r, exc);
}

// The sys module's private state: (the host's recursion limit when sys was
// first imported, the limit the program last asked for or 0). The host's
// limit is a ceiling: a program may ask for more, as CPython programs
// often do up front, but recursion still stops there.
static KrValue sys_state(KrRun *r) {
    KrValue m = kr_module_find(r, "sys");
    if (!kr_is_type(m, &kr_type_module)) return KR_NULL;
    KrValue st = ((KrModule *)kr_as_obj(m))->state;
    if (!kr_is_type(st, &kr_type_tuple) || kr_as_tuple(st)->len != 2 || !kr_is_small(kr_as_tuple(st)->items[0]) ||
        !kr_is_small(kr_as_tuple(st)->items[1]))
        return KR_NULL; // a hostile snapshot's: the run's own limit serves
    return st;
}

static uint32_t sys_recursion_ceiling(KrRun *r) {
    KrValue st = sys_state(r);
    int64_t c = st == KR_NULL ? 0 : kr_as_small(kr_as_tuple(st)->items[0]);
    return c > 0 && c <= UINT32_MAX ? (uint32_t)c : r->limits.max_recursion;
}

SYS_FN(getrecursionlimit, "getrecursionlimit") {
    (void)self;
    (void)args;
    if (!kr_dict_check_args(r, "sys.getrecursionlimit", argc, kw, 0, 0)) return KR_EXC;
    KrValue st = sys_state(r);
    int64_t asked = st == KR_NULL ? 0 : kr_as_small(kr_as_tuple(st)->items[1]);
    return kr_int_from_i64(r, asked > 0 ? asked : (int64_t)r->limits.max_recursion);
}

// A C int argument, with CPython's messages.
static bool sys_c_int(KrRun *r, KrValue v, int64_t *out) {
    if (kr_is_int(v) && !kr_is_small(v) && !kr_is_bool(v)) {
        kr_raise(r, &kr_exc_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    if (!kr_index(r, v, out)) return false;
    if (*out > INT32_MAX || *out < INT32_MIN) {
        kr_raise(r, &kr_exc_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    return true;
}

SYS_FN(setrecursionlimit, "setrecursionlimit") {
    (void)self;
    if (!kr_dict_check_args(r, "sys.setrecursionlimit", argc, kw, 1, 1)) return KR_EXC;
    int64_t n;
    if (!sys_c_int(r, args[0], &n)) return KR_EXC;
    if (n < 1) return kr_raise(r, &kr_exc_ValueError, "recursion limit must be greater or equal than 1");
    uint32_t ceiling = sys_recursion_ceiling(r);
    // CPython counts this call itself as one more level.
    int64_t depth = (int64_t)r->depth + 1;
    if (depth >= n)
        return kr_raise(r, &kr_exc_RecursionError,
                        "cannot set the recursion limit to %lld at the recursion depth %lld: the limit is too low",
                        (long long)n, (long long)depth);
    KrValue st = sys_state(r);
    if (st != KR_NULL) kr_as_tuple(st)->items[1] = kr_from_small(n); // a private tuple, written in place
    r->limits.max_recursion = n < (int64_t)ceiling ? (uint32_t)n : ceiling;
    return KR_NONE;
}

SYS_FN(exc_info, "exc_info") {
    (void)self;
    (void)args;
    if (!kr_dict_check_args(r, "sys.exc_info", argc, kw, 0, 0)) return KR_EXC;
    KrValue t = kr_tuple_new(r, 3);
    if (t == KR_EXC) return KR_EXC;
    KrValue e = kr_handled_exc(r);
    if (e != KR_NULL) {
        kr_as_tuple(t)->items[0] = kr_from_obj(kr_typeof(e));
        kr_as_tuple(t)->items[1] = e;
        KrTraceback *tb = ((KrExc *)kr_as_obj(e))->tb;
        if (tb) kr_as_tuple(t)->items[2] = kr_from_obj(tb);
    }
    return t;
}

// 3.11's sys.exception(): the exception being handled, or None.
SYS_FN(exception, "exception") {
    (void)self;
    (void)args;
    if (!kr_dict_check_args(r, "sys.exception", argc, kw, 0, 0)) return KR_EXC;
    KrValue e = kr_handled_exc(r);
    return e == KR_NULL ? KR_NONE : e;
}

SYS_FN(intern, "intern") {
    (void)self;
    if (!kr_dict_check_args(r, "sys.intern", argc, kw, 1, 1)) return KR_EXC;
    if (!kr_is_type(args[0], &kr_type_str))
        return kr_raise(r, &kr_exc_TypeError, "intern() argument must be str, not %s", kr_type_name(args[0]));
    return args[0];
}

SYS_FN(getdefaultencoding, "getdefaultencoding") {
    (void)self;
    (void)args;
    if (!kr_dict_check_args(r, "sys.getdefaultencoding", argc, kw, 0, 0)) return KR_EXC;
    return kr_str_from_cstr(r, "utf-8");
}

SYS_FN(get_int_max_str_digits, "get_int_max_str_digits") {
    (void)self;
    (void)args;
    if (!kr_dict_check_args(r, "sys.get_int_max_str_digits", argc, kw, 0, 0)) return KR_EXC;
    return kr_from_small(4300);
}

SYS_FN(set_int_max_str_digits, "set_int_max_str_digits") {
    (void)self;
    static const char *const names[] = {"maxdigits", NULL};
    static const KrArgSpec spec = {"set_int_max_str_digits", names, 0, 0, 1, KR_ARGS_C};
    KrValue a[1];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    return kr_raise(r, &kr_exc_NotImplementedError,
                    "sys.set_int_max_str_digits() is not supported: krait's int/str conversion limit is "
                    "fixed at 4300 digits");
}

// ---- the module -----------------------------------------------------------------------

static const struct {
    const char *name;
    const KrBuiltin *fn;
} sys_functions[] = {
    {"exit", &sys_obj_exit},
    {"getrecursionlimit", &sys_obj_getrecursionlimit},
    {"setrecursionlimit", &sys_obj_setrecursionlimit},
    {"exc_info", &sys_obj_exc_info},
    {"exception", &sys_obj_exception},
    {"intern", &sys_obj_intern},
    {"getdefaultencoding", &sys_obj_getdefaultencoding},
    {"get_int_max_str_digits", &sys_obj_get_int_max_str_digits},
    {"set_int_max_str_digits", &sys_obj_set_int_max_str_digits},
};

// sys.argv: the program's file name, as CPython puts the script path first
// ("-c" for code given on the command line).
static KrValue sys_make_argv(KrRun *r) {
    const char *fn = r->program && r->program->filename ? r->program->filename : "";
    if (strcmp(fn, "<string>") == 0) fn = "-c";
    KrValue s = kr_str_from_cstr(r, fn);
    return s == KR_EXC ? KR_EXC : kr_list_from_array(r, &s, 1);
}

static bool sys_add_streams(KrRun *r, KrValue d) {
    KrValue out = kr_from_obj(&sys_stdout), err = kr_from_obj(&sys_stderr), in = kr_from_obj(&sys_stdin);
    return kr_module_add(r, d, "stdout", out) && kr_module_add(r, d, "stderr", err) &&
           kr_module_add(r, d, "stdin", in) && kr_module_add(r, d, "__stdout__", out) &&
           kr_module_add(r, d, "__stderr__", err) && kr_module_add(r, d, "__stdin__", in);
}

static bool sys_add_facts(KrRun *r, KrValue d) {
    return kr_module_add(r, d, "version", kr_str_from_cstr(r, "3.11.7 (krait)")) &&
           kr_module_add(r, d, "version_info", sys_make_version_info(r)) &&
           kr_module_add(r, d, "hexversion", kr_from_small(0x30B07F0)) &&
           kr_module_add(r, d, "maxsize", kr_int_from_i64(r, INT64_MAX)) &&
           kr_module_add(r, d, "maxunicode", kr_from_small(0x10FFFF)) &&
           kr_module_add(r, d, "float_info", sys_make_float_info(r)) &&
           kr_module_add(r, d, "platform", kr_str_from_cstr(r, "krait")) &&
           kr_module_add(r, d, "executable", kr_str_empty()) &&
           kr_module_add(r, d, "byteorder", kr_str_from_cstr(r, "little")) &&
           kr_module_add(r, d, "argv", sys_make_argv(r)) && kr_module_add(r, d, "path", kr_list_new(r, 0));
}

static bool sys_init(KrRun *r, KrValue module, KrValue d) {
    KrValue st[2] = {kr_from_small(r->limits.max_recursion), kr_from_small(0)};
    KrValue state = kr_tuple_from_array(r, st, 2);
    if (state == KR_EXC) return false;
    ((KrModule *)kr_as_obj(module))->state = state;
    for (size_t i = 0; i < sizeof sys_functions / sizeof sys_functions[0]; i++)
        if (!kr_module_add(r, d, sys_functions[i].name, kr_from_obj(sys_functions[i].fn))) return false;
    KrValue doc = kr_str_from_cstr(r, "Facts about the krait interpreter and the run's own output streams.");
    // sys.modules is the run's module table itself, as in CPython.
    return kr_module_add(r, d, "__doc__", doc) && sys_add_facts(r, d) && sys_add_streams(r, d) &&
           kr_module_add(r, d, "modules", r->modules);
}

// ---- run snapshots ---------------------------------------------------------------------

static bool sys_statics(void *ud, bool (*visit)(void *ud, const char *name, const void *obj)) {
    for (size_t i = 0; i < sizeof sys_functions / sizeof sys_functions[0]; i++)
        if (visit(ud, sys_functions[i].name, sys_functions[i].fn)) return true;
    return visit(ud, "stdout", &sys_stdout) || visit(ud, "stderr", &sys_stderr) || visit(ud, "stdin", &sys_stdin) ||
           visit(ud, "_stream", &sys_stream_type) || visit(ud, "_version_info", &sys_version_info_type) ||
           visit(ud, "_float_info", &sys_float_info_type);
}

// The struct sequences are tuples of exactly their fields.
static bool sys_seq_snap_write(KrRsWriter *w, const KrObj *o) { return kr_tuple_snap.write(w, o); }
static KrObj *sys_seq_snap_read(KrRsReader *rd, const KrType *t) { return kr_tuple_snap.read(rd, t); }
static bool sys_seq_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    return stage == 0 || ((const KrTuple *)o)->len == ((const SysSeqType *)o->type)->nfields ||
           kr_rs_fail(rd, "a struct sequence of the wrong length");
}
static const KrSnapOps sys_seq_snap = {NULL, sys_seq_snap_write, sys_seq_snap_read, sys_seq_snap_finish};

const KrModuleDef kr_mod_sys = {"sys", sys_init, sys_statics, NULL};

#undef SYS_FN
