// test_parser.c: checks lexer, parser and kr_ast_dump against python3.
//
// The corpus in tests/unit/parser_cases (see tools/ast_dump_check.py)
// holds sources with the ast.dump() output and the SyntaxError (message,
// line, offset, end) that python3 gives for them. On top of that: the
// expression mode, adversarial inputs (deep nesting, huge inputs, random
// bytes, every prefix of a program), and allocation failure at every
// allocation of a parse. Ends with "N passed, N failed".
//
// Usage: test_parser [CASES_DIR]   (default tests/unit/parser_cases)
#define _POSIX_C_SOURCE 200809L
#include "lexer.h"
#include "parser.h"
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Tally {
    int passed;
    int failed;
} Tally;

static void check(Tally *t, bool ok, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void check(Tally *t, bool ok, const char *fmt, ...) {
    if (ok) {
        t->passed++;
        return;
    }
    t->failed++;
    va_list ap;
    va_start(ap, fmt);
    fputs("FAIL: ", stdout);
    vprintf(fmt, ap);
    fputs("\n", stdout);
    va_end(ap);
}

// ------------------------------------------------------------- helpers --

static bool read_file(const char *path, KrBuf *out) {
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    char chunk[4096];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(chunk, 1, sizeof chunk, f)) > 0) ok = kr_buf_append(out, chunk, n);
    fclose(f);
    return ok && kr_buf_append(out, "", 0);
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;
}

// Decodes the errors.txt escapes (\n \t \\ \0 \xHH) in place; returns the length.
static size_t unescape(char *s, size_t n) {
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 >= n) {
            s[o++] = s[i];
            continue;
        }
        char c = s[++i];
        if (c == 'n') s[o++] = '\n';
        else if (c == 't') s[o++] = '\t';
        else if (c == '0') s[o++] = '\0';
        else if (c == 'x' && i + 2 < n) {
            s[o++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else s[o++] = c;
    }
    return o;
}

static const char *kind_name(KrSyntaxErrKind k) {
    switch (k) {
    case KR_SYNERR_SYNTAX: return "SyntaxError";
    case KR_SYNERR_INDENTATION: return "IndentationError";
    case KR_SYNERR_TAB: return "TabError";
    case KR_SYNERR_MEMORY: return "MemoryError";
    default: return "None";
    }
}

// The python3-recorded form: "OK" or the error fields separated by tabs.
static void describe(const KrAstModule *m, const KrSyntaxErr *e, char *out, size_t n) {
    if (m) {
        snprintf(out, n, "OK");
        return;
    }
    snprintf(out, n, "%s\t%s\t%d\t%d\t%d\t%d", kind_name(e->kind), e->msg, (int)e->lineno,
             (int)e->offset, (int)e->end_lineno, (int)e->end_offset);
}

// Parses src; on success dumps it (both forms) into plain/attrs.
static KrAstModule *parse_dump(KrArena *a, const char *src, size_t n, KrSyntaxErr *err,
                               KrBuf *plain, KrBuf *attrs) {
    KrAstModule *m = kr_parse_module(a, src, n, err);
    if (m && plain && !kr_ast_dump_module(m, false, plain)) return NULL;
    if (m && attrs && !kr_ast_dump_module(m, true, attrs)) return NULL;
    return m;
}

// ------------------------------------------------------ recorded corpus --

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

// Lists the *.py files of dir, sorted. Caller frees.
static char **list_py(const char *dir, size_t *count) {
    DIR *d = opendir(dir);
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len < 4 || strcmp(de->d_name + len - 3, ".py") != 0) continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
        }
        names[n] = malloc(len + 1);
        memcpy(names[n++], de->d_name, len + 1);
    }
    if (d) closedir(d);
    if (n) qsort(names, n, sizeof *names, cmp_names);
    *count = n;
    return names;
}

static void test_valid_case(Tally *t, const char *dir, const char *name) {
    char path[1024];
    KrBuf src, exp, plain, attrs;
    kr_buf_init(&src, kr_default_allocator);
    kr_buf_init(&exp, kr_default_allocator);
    kr_buf_init(&plain, kr_default_allocator);
    kr_buf_init(&attrs, kr_default_allocator);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    bool ok = read_file(path, &src);
    snprintf(path + strlen(path) - 3, 5, ".ast");
    ok = ok && read_file(path, &exp);
    check(t, ok, "cannot read %s", path);
    if (ok) {
        KrArena a;
        kr_arena_init(&a, kr_default_allocator);
        KrSyntaxErr err;
        KrAstModule *m = parse_dump(&a, src.data, src.len, &err, &plain, &attrs);
        char *nl = strchr(exp.data, '\n');
        if (nl) *nl = 0;
        const char *exp_attrs = nl ? nl + 1 : "";
        size_t ea = strlen(exp_attrs);
        check(t, m != NULL, "%s: unexpected error %s (line %d, offset %d)", name, err.msg,
              (int)err.lineno, (int)err.offset);
        if (m) {
            check(t, strcmp(plain.data, exp.data) == 0, "%s: dump differs\n  want %s\n  got  %s", name,
                  exp.data, plain.data);
            check(t, strlen(attrs.data) + 1 == ea && strncmp(attrs.data, exp_attrs, ea - 1) == 0,
                  "%s: dump with attributes differs\n  want %s  got  %s", name, exp_attrs, attrs.data);
        }
        kr_arena_free(&a);
    }
    kr_buf_free(&src);
    kr_buf_free(&exp);
    kr_buf_free(&plain);
    kr_buf_free(&attrs);
}

static void test_valid_corpus(Tally *t, const char *cases) {
    char dir[512];
    snprintf(dir, sizeof dir, "%s/valid", cases);
    size_t n;
    char **names = list_py(dir, &n);
    check(t, n > 0, "no cases in %s", dir);
    for (size_t i = 0; i < n; i++) {
        test_valid_case(t, dir, names[i]);
        free(names[i]);
    }
    free(names);
}

// Next line of buf at *pos (NUL-terminated in place); NULL at the end.
static char *next_line(KrBuf *buf, size_t *pos, size_t *len) {
    if (*pos >= buf->len) return NULL;
    char *s = buf->data + *pos;
    char *nl = memchr(s, '\n', buf->len - *pos);
    size_t n = nl ? (size_t)(nl - s) : buf->len - *pos;
    s[n] = 0;
    *pos += n + 1;
    *len = n;
    return s;
}

static void test_error_corpus(Tally *t, const char *cases) {
    char path[512];
    KrBuf srcs, exps;
    kr_buf_init(&srcs, kr_default_allocator);
    kr_buf_init(&exps, kr_default_allocator);
    snprintf(path, sizeof path, "%s/errors.txt", cases);
    bool ok = read_file(path, &srcs);
    snprintf(path, sizeof path, "%s/errors.expected", cases);
    ok = ok && read_file(path, &exps);
    check(t, ok, "cannot read the error corpus in %s", cases);
    size_t ps = 0, pe = 0, ls, le;
    char *s, *e;
    int lineno = 0;
    while (ok && (s = next_line(&srcs, &ps, &ls)) != NULL) {
        lineno++;
        e = next_line(&exps, &pe, &le);
        if (!e) {
            check(t, false, "errors.expected is shorter than errors.txt");
            break;
        }
        size_t n = unescape(s, ls);
        KrArena a;
        kr_arena_init(&a, kr_default_allocator);
        KrSyntaxErr err;
        KrBuf plain;
        kr_buf_init(&plain, kr_default_allocator);
        KrAstModule *m = parse_dump(&a, s, n, &err, &plain, NULL);
        char got[512];
        describe(m, &err, got, sizeof got);
        check(t, strcmp(got, e) == 0, "errors.txt line %d: %.*s\n  want %s\n  got  %s", lineno,
              (int)(n > 200 ? 200 : n), s, e, got);
        kr_buf_free(&plain);
        kr_arena_free(&a);
    }
    kr_buf_free(&srcs);
    kr_buf_free(&exps);
}

// ------------------------------------------------------- expression mode --

static void test_expression_mode(Tally *t) {
    static const struct { const char *src, *dump; } cases[] = {
        {"1 + 2", "BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2))"},
        {"\nx, *y\n\n", "Tuple(elts=[Name(id='x', ctx=Load()), Starred(value=Name(id='y', ctx=Load()), ctx=Load())], ctx=Load())"},
        {"f'{a!r}'", "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=114)])"},
        {"lambda: 0", "Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0))"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        KrArena a;
        kr_arena_init(&a, kr_default_allocator);
        KrSyntaxErr err;
        KrAstExpr *e = kr_parse_expression(&a, cases[i].src, strlen(cases[i].src), &err);
        KrBuf b;
        kr_buf_init(&b, kr_default_allocator);
        bool ok = e && kr_ast_dump_expr(e, false, &b) && strcmp(b.data, cases[i].dump) == 0;
        check(t, ok, "expression %s: got %s", cases[i].src, e ? b.data : err.msg);
        kr_buf_free(&b);
        kr_arena_free(&a);
    }
    KrArena a;
    kr_arena_init(&a, kr_default_allocator);
    KrSyntaxErr err;
    KrAstExpr *e = kr_parse_expression(&a, "x = 1", 5, &err);
    check(t, !e && strcmp(err.msg, "invalid syntax") == 0 && err.offset == 3,
          "expression mode accepts a statement");
    kr_arena_free(&a);
}

// ------------------------------------------------------------ adversarial --

// Builds pre + unit*n + post in a malloc'd buffer.
static char *repeat(const char *pre, const char *unit, size_t n, const char *post, size_t *len) {
    size_t lp = strlen(pre), lu = strlen(unit), lq = strlen(post);
    *len = lp + lu * n + lq;
    char *s = malloc(*len + 1);
    memcpy(s, pre, lp);
    for (size_t i = 0; i < n; i++) memcpy(s + lp + i * lu, unit, lu);
    memcpy(s + lp + lu * n, post, lq + 1);
    return s;
}

typedef struct Expect {
    const char *what;
    char *src;
    size_t len;
    const char *msg;
    int lineno, offset;
} Expect;

// Expectations below were checked against python3 where python3 gives a
// SyntaxError; for the inputs where python3 runs out of stack
// (RecursionError / MemoryError) krait reports "too complex statement".
static void test_adversarial_expect(Tally *t) {
    Expect ex[12];
    size_t n = 0;
    ex[n] = (Expect){"10000 parens", NULL, 0, "too many nested parentheses", 1, 201};
    ex[n].src = repeat("", "(", 10000, "", &ex[n].len), n++;
    ex[n] = (Expect){"300 brackets", NULL, 0, "too many nested parentheses", 1, 205};
    ex[n].src = repeat("x = ", "[", 300, "", &ex[n].len), n++;
    ex[n] = (Expect){"100000 minus", NULL, 0, "too complex statement", 1, -1};
    ex[n].src = repeat("", "-", 100000, "x", &ex[n].len), n++;
    ex[n] = (Expect){"100000 not", NULL, 0, "too complex statement", 1, -1};
    ex[n].src = repeat("", "not ", 100000, "x", &ex[n].len), n++;
    ex[n] = (Expect){"attribute chain", NULL, 0, "too complex statement", 1, 1};
    ex[n].src = repeat("x", ".y", 100000, "", &ex[n].len), n++;
    ex[n] = (Expect){"call chain", NULL, 0, "too complex statement", 1, 1};
    ex[n].src = repeat("x", "()", 50000, "", &ex[n].len), n++;
    ex[n] = (Expect){"sum chain", NULL, 0, "too complex statement", 1, 1};
    ex[n].src = repeat("x = 1", "+1", 50000, "", &ex[n].len), n++;
    ex[n] = (Expect){"lambda chain", NULL, 0, "too complex statement", 1, -1};
    ex[n].src = repeat("", "lambda: ", 5000, "x", &ex[n].len), n++;
    ex[n] = (Expect){"deep indentation", NULL, 0, "too many levels of indentation", 101, 1};
    {
        KrBuf b;
        kr_buf_init(&b, kr_default_allocator);
        bool ok = kr_buf_append_str(&b, "if x:\n");
        for (int i = 1; ok && i <= 100; i++)
            ok = kr_buf_append_repeat(&b, ' ', (size_t)i) && kr_buf_append_str(&b, "if x:\n");
        ok = ok && kr_buf_append_repeat(&b, ' ', 101) && kr_buf_append_str(&b, "pass\n");
        ex[n].src = b.data;
        ex[n].len = b.len;
        n++;
    }
    ex[n] = (Expect){"lone backslash", NULL, 0, "unexpected EOF while parsing", 1, 2};
    ex[n].src = repeat("\\", "", 0, "", &ex[n].len), n++;
    ex[n] = (Expect){"NUL byte", NULL, 0, "source code cannot contain null bytes", 2, 0};
    ex[n].src = repeat("x = 1\na", "", 0, "", &ex[n].len);
    ex[n].src[6] = 0, n++;
    for (size_t i = 0; i < n; i++) {
        KrArena a;
        kr_arena_init(&a, kr_default_allocator);
        KrSyntaxErr err;
        KrAstModule *m = kr_parse_module(&a, ex[i].src, ex[i].len, &err);
        bool ok = !m && strcmp(err.msg, ex[i].msg) == 0 && err.lineno == ex[i].lineno &&
                  (ex[i].offset < 0 || err.offset == ex[i].offset);
        check(t, ok, "%s: got %s (%d, %d)", ex[i].what, m ? "OK" : err.msg, (int)err.lineno, (int)err.offset);
        kr_arena_free(&a);
        free(ex[i].src);
    }
}

// Parses src; on success the tree must dump. Any error must be well formed.
static bool parse_survives(const char *src, size_t n) {
    KrArena a;
    kr_arena_init(&a, kr_default_allocator);
    KrSyntaxErr err;
    KrAstModule *m = kr_parse_module(&a, src, n, &err);
    bool ok;
    if (m) {
        KrBuf b;
        kr_buf_init(&b, kr_default_allocator);
        ok = kr_ast_dump_module(m, true, &b);
        kr_buf_free(&b);
    } else {
        ok = err.kind != KR_SYNERR_NONE && err.msg[0] != 0 && err.lineno >= 0;
    }
    kr_arena_free(&a);
    return ok;
}

static uint32_t lcg(uint32_t *state) {
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

static const char *const kr_fragments[] = {
    "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "=", "+", "-", "*", "**", "/", "'", "\"",
    "\"\"\"", "\\", "\n", " ", "\t", "#", "@", "f\"", "f'", "b'", "{x}", "x", "y", "0", "1.5",
    "0x", "1_", "j", "if ", "else ", "for ", "in ", "lambda ", "not ", "yield ", "def ", "class ",
    "match ", "case ", "async ", "await ", "\n    ", "\xc3\xa9", "\xe2\x80\xa6", "\xff", "!", "$",
    ":=", "->", "...", "return ", "try:", "except ", "with ", "as ", "import ", "from ", "*a",
};

static void test_random(Tally *t) {
    uint32_t st = 12345;
    char buf[256];
    int bad = 0;
    for (int i = 0; i < 4000; i++) {
        size_t n = 0, want = lcg(&st) % 60;
        bool raw_bytes = i % 4 == 0;
        while (n < want) {
            if (raw_bytes) {
                buf[n++] = (char)(lcg(&st) & 0xFF);
                continue;
            }
            const char *f = kr_fragments[lcg(&st) % (sizeof kr_fragments / sizeof kr_fragments[0])];
            size_t fl = strlen(f);
            if (n + fl >= sizeof buf) break;
            memcpy(buf + n, f, fl);
            n += fl;
        }
        if (!parse_survives(buf, n)) bad++;
    }
    check(t, bad == 0, "%d random inputs gave malformed results", bad);
}

static const char kr_sample[] =
    "import os\nfrom . import (a, b as c)\n@dec(1)\nclass A(B, metaclass=M):\n"
    "    x: int = 1\n    def f(self, a, /, b=2, *c, d, e=3, **f) -> 'A':\n"
    "        '''doc'''\n        return [i ** 2 for i in range(a) if i % 2] + {k: v for k, v in f.items()}\n"
    "async def g():\n    async with x as (y, z):\n        await y\n    async for q in r:\n        yield q\n"
    "try:\n    pass\nexcept* (E, F) as e:\n    raise X from e\nfinally:\n    del a[0], b.c\n"
    "match p:\n    case {'k': [1, *rest]} | Point(x=0) if rest:\n        pass\n    case _:\n        pass\n"
    "x = f\"{a!r:>{w}} {b=} {{}} {c:%Y}\" 'tail' \\\n    r'\\d'\nwhile (n := n - 1) > 0:\n"
    "    x += -1 if not n else ~n\nelse:\n    print(*a, sep='', **kw)\nlambda *a, k=1, **kw: (a, k)\n"
    "y = b'\\x00' + 0x_ff + 1_000.5e-3j + 0o17\nglobal gg\nassert x, 'msg'\n";

// Inputs that make the error-message probes re-parse nested structures;
// they must finish (the test runner's timeout catches a hang).
static void test_probe_bombs(Tally *t) {
    static const struct { const char *pre, *unit, *post; size_t n; } bombs[] = {
        {"", "[x for ", "", 199}, {"", "(x for ", "", 199}, {"", "a ", "", 20000},
        {"", "print ", "", 20000}, {"[", "a ", "]", 20000}, {"x = ", "a < ", "", 3000},
        {"f(", "a=1, b, ", ")", 5000}, {"", "a if ", "", 5000}, {"del ", "a + ", "", 5000},
        {"def f(", "a=1, b, ", "): pass", 3000}, {"with ", "(", "a as b c", 150},
        {"x = ", "lambda: a b ", "", 300}, {"{", "a: b c, ", "}", 5000}, {"", "f(", "a=1, b", 150},
    };
    int bad = 0;
    for (size_t i = 0; i < sizeof bombs / sizeof bombs[0]; i++) {
        size_t len;
        char *src = repeat(bombs[i].pre, bombs[i].unit, bombs[i].n, bombs[i].post, &len);
        if (!parse_survives(src, len)) bad++;
        free(src);
    }
    check(t, bad == 0, "%d probe-heavy inputs gave malformed results", bad);
}

static void test_prefixes(Tally *t) {
    size_t n = sizeof kr_sample - 1;
    int bad = 0;
    for (size_t i = 0; i <= n; i++)
        if (!parse_survives(kr_sample, i)) bad++;
    check(t, bad == 0, "%d prefixes of the sample gave malformed results", bad);
    check(t, parse_survives(kr_sample, n), "sample program does not parse");
}

// --------------------------------------------------------------- memory --

typedef struct FailAlloc {
    long left;  // allocations allowed before failing
} FailAlloc;

static void *fail_realloc(void *ud, void *p, size_t old, size_t size) {
    FailAlloc *fa = ud;
    if (size != 0 && fa->left-- <= 0) return NULL;
    return kr_default_realloc(NULL, p, old, size);
}

// Fails the k-th allocation for every k until a parse succeeds; every run
// must end cleanly with MemoryError (or the source's own error).
static void test_oom(Tally *t, const char *src, bool expect_ok) {
    int bad = 0;
    long k;
    for (k = 0; k < 100000; k++) {
        FailAlloc fa = {k};
        KrAllocator al = {fail_realloc, &fa};
        KrArena a;
        kr_arena_init(&a, al);
        KrSyntaxErr err;
        KrAstModule *m = kr_parse_module(&a, src, strlen(src), &err);
        bool done = fa.left >= 0;  // nothing failed: the parse completed
        if (!m && err.kind != KR_SYNERR_MEMORY && (expect_ok || !done)) bad++;
        kr_arena_free(&a);
        if (done) {
            check(t, (m != NULL) == expect_ok, "OOM sweep: final parse result wrong");
            break;
        }
    }
    check(t, bad == 0 && k < 100000, "OOM sweep over %.30s...: %d bad runs", src, bad);
    if (getenv("KR_VERBOSE")) printf("oom sweep: %ld allocation points\n", k);
}

// The arena takes memory in big blocks, so the sweep above fails only a
// few allocations. Here the arena is pre-filled to leave `room` bytes and
// may not grow: the parse then fails at the node allocation that needs
// byte room+1, for every room up to the sample's whole use.
static void test_oom_arena(Tally *t, const char *src) {
    int bad = 0, runs = 0;
    for (size_t room = 0;; room += 8, runs++) {
        KrArena a;
        kr_arena_init(&a, kr_default_allocator);
        (void)kr_arena_alloc(&a, 1);
        size_t fill = a.cap - a.used > room ? a.cap - a.used - room : 0;
        if (fill) (void)kr_arena_alloc(&a, fill);
        a.limit = a.total;
        KrSyntaxErr err;
        KrAstModule *m = kr_parse_module(&a, src, strlen(src), &err);
        bool done = m != NULL || fill == 0;
        if (!m && err.kind != KR_SYNERR_MEMORY) bad++;
        kr_arena_free(&a);
        if (done) break;
    }
    check(t, bad == 0, "arena exhaustion sweep (%d runs): %d bad runs", runs, bad);
}

static void test_arena_limit(Tally *t) {
    KrArena a;
    kr_arena_init(&a, kr_default_allocator);
    a.limit = 100 * 1024;
    size_t len;
    char *src = repeat("x = [", "1, ", 100000, "]", &len);
    KrSyntaxErr err;
    KrAstModule *m = kr_parse_module(&a, src, len, &err);
    check(t, !m && err.kind == KR_SYNERR_MEMORY && a.total <= a.limit, "arena limit not enforced");
    kr_arena_free(&a);
    free(src);
}

int main(int argc, char **argv) {
    const char *cases = argc > 1 ? argv[1] : "tests/unit/parser_cases";
    Tally t = {0, 0};
    test_valid_corpus(&t, cases);
    test_error_corpus(&t, cases);
    test_expression_mode(&t);
    test_adversarial_expect(&t);
    test_random(&t);
    test_probe_bombs(&t);
    test_prefixes(&t);
    test_oom(&t, kr_sample, true);
    test_oom(&t, "x = f'{a b}'\ny = 'unterminated\n", false);
    test_oom(&t, "def f(a, b=1, *c):\n    return [x for x in c if x] or {**b}\n", true);
    test_oom_arena(&t, kr_sample);
    test_arena_limit(&t);
    printf("%d passed, %d failed\n", t.passed, t.failed);
    return t.failed ? 1 : 0;
}
