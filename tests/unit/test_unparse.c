// test_unparse.c: checks src/unparse.c against CPython 3.11.
//
// unparse_data/cases.txt (regenerate with unparse_data/gen.py) holds
// expressions with what ast.unparse() and the PEP 563 annotation strings
// of CPython's compiler make of them. Each is parsed with krait's parser
// and unparsed in both flavours. On top of that: the ast flavour's text
// must parse back to the same tree, output is appended to what the buffer
// holds, and allocation failure at every allocation leaves the buffer as
// it was. Ends with "N passed, N failed".
//
//   gcc -std=c11 -Wall -Wextra -g -fsanitize=address,undefined -Isrc src/*.c src/obj/*.c
//       src/mod/*.c tests/unit/test_unparse.c -lm -o /tmp/tu && /tmp/tu
//
// Usage: test_unparse [CASES_FILE]   (default unparse_data/cases.txt)
#include "parser.h"
#include "unparse.h"

#include <stdio.h>
#include <stdlib.h>

#define MAX_INT_DIGITS 4300

static int g_pass, g_fail;

static void check(bool ok, const char *what, const char *src, const char *got, const char *want) {
    if (ok) {
        g_pass++;
        return;
    }
    g_fail++;
    if (g_fail <= 40)
        printf("FAIL %s\n  source: %s\n  got:    %s\n  want:   %s\n", what, src, got ? got : "(none)",
               want ? want : "(none)");
}

// ------------------------------------------------------------ data file --

static char *read_line(FILE *f, char **buf, size_t *cap) {
    size_t len = 0;
    for (;;) {
        if (len + 2 > *cap) {
            size_t ncap = *cap ? *cap * 2 : 4096;
            char *nb = realloc(*buf, ncap);
            if (!nb) return NULL;
            *buf = nb;
            *cap = ncap;
        }
        if (!fgets(*buf + len, (int)(*cap - len), f)) return len ? *buf : NULL;
        len += strlen(*buf + len);
        if (len && (*buf)[len - 1] == '\n') {
            (*buf)[--len] = 0;
            return *buf;
        }
    }
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// Undoes gen.py's escaping in place; returns the byte length.
static size_t unescape(char *s) {
    size_t r = 0, w = 0;
    while (s[r]) {
        if (s[r] == '\\' && s[r + 1] == 't') { s[w++] = '\t'; r += 2; }
        else if (s[r] == '\\' && s[r + 1] == 'n') { s[w++] = '\n'; r += 2; }
        else if (s[r] == '\\' && s[r + 1] == '\\') { s[w++] = '\\'; r += 2; }
        else if (s[r] == '\\' && s[r + 1] == 'x' && hexval(s[r + 2]) >= 0 && hexval(s[r + 3]) >= 0) {
            s[w++] = (char)(hexval(s[r + 2]) * 16 + hexval(s[r + 3]));
            r += 4;
        } else {
            s[w++] = s[r++];
        }
    }
    s[w] = 0;
    return w;
}

// Splits line at tabs into up to max fields (unescaped); returns the count.
static int split_fields(char *line, char **f, size_t *len, int max) {
    int n = 0;
    char *p = line;
    while (n < max) {
        char *tab = strchr(p, '\t');
        if (tab) *tab = 0;
        f[n] = p;
        len[n] = unescape(p);
        n++;
        if (!tab) break;
        p = tab + 1;
    }
    return n;
}

// -------------------------------------------------------------- checks --

static const char *status_text(KrUnparseStatus st) {
    switch (st) {
    case KR_UNPARSE_OK: return "ok";
    case KR_UNPARSE_NOMEM: return "!nomem";
    case KR_UNPARSE_INT_LIMIT: return "!intlimit";
    case KR_UNPARSE_BACKSLASH: return "!backslash";
    }
    return "?";
}

// Unparses e and compares with want ("!..." for an expected error).
static void check_flavour(const KrAstExpr *e, KrUnparseFlavour fl, size_t max_digits, const char *src,
                          const char *want, size_t want_len, const char *what) {
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    KrUnparseStatus st = kr_unparse_expr_ex(e, fl, max_digits, &b);
    if (st != KR_UNPARSE_OK) {
        check(strcmp(status_text(st), want) == 0, what, src, status_text(st), want);
    } else {
        bool ok = b.len == want_len && memcmp(b.data, want, want_len) == 0;
        if (ok || kr_buf_append_char(&b, 0)) check(ok, what, src, ok ? "" : b.data, want);
    }
    kr_buf_free(&b);
}

// Drops the u prefix marks from a dump: ast.unparse loses them in an
// f-string ("u'a' f'{x}'" comes out as "f'a{x}'").
static void drop_kind_u(KrBuf *d) {
    static const char mark[] = ", kind='u'";
    size_t m = sizeof mark - 1, w = 0;
    for (size_t r = 0; r < d->len;) {
        if (d->len - r >= m && memcmp(d->data + r, mark, m) == 0) r += m;
        else d->data[w++] = d->data[r++];
    }
    d->len = w;
}

// ast.unparse's text parses back to the same tree (ast.dump without
// locations), as CPython promises for ast.unparse.
static void check_roundtrip(const KrAstExpr *e, const char *src) {
    KrBuf text, d1, d2;
    kr_buf_init(&text, kr_default_allocator);
    kr_buf_init(&d1, kr_default_allocator);
    kr_buf_init(&d2, kr_default_allocator);
    bool fstring = e->kind == KR_EXPR_JOINEDSTR;
    if (kr_unparse_expr_ex(e, KR_UNPARSE_AST, 0, &text) == KR_UNPARSE_OK &&
        kr_ast_dump_expr(e, false, &d1)) {
        if (fstring) drop_kind_u(&d1);
        KrArena a;
        KrSyntaxErr err;
        kr_arena_init(&a, kr_default_allocator);
        KrAstExpr *e2 = kr_parse_expression(&a, text.data, text.len, &err);
        bool ok = e2 && kr_ast_dump_expr(e2, false, &d2);
        if (ok && fstring) drop_kind_u(&d2);
        ok = ok && kr_buf_append_char(&d1, 0) && kr_buf_append_char(&d2, 0) &&
             strcmp(d1.data, d2.data) == 0;
        check(ok, "round trip", src, d2.len ? d2.data : err.msg, d1.data);
        kr_arena_free(&a);
    }
    kr_buf_free(&text);
    kr_buf_free(&d1);
    kr_buf_free(&d2);
}

static void run_case(char **f, size_t *len, int nf) {
    KrArena a;
    KrSyntaxErr err;
    kr_arena_init(&a, kr_default_allocator);
    KrAstExpr *e = kr_parse_expression(&a, f[0], len[0], &err);
    if (!e) {
        check(false, "parse", f[0], err.msg, "an expression");
    } else {
        check_flavour(e, KR_UNPARSE_AST, MAX_INT_DIGITS, f[0], f[1], len[1], "ast.unparse");
        check_flavour(e, KR_UNPARSE_ANNOTATION, MAX_INT_DIGITS, f[0], f[2], len[2], "annotation");
        if (nf > 3) check_flavour(e, KR_UNPARSE_ANNOTATION, 0, f[0], f[3], len[3], "unlimited");
        if (f[1][0] != '!') check_roundtrip(e, f[0]);
    }
    kr_arena_free(&a);
}

static long run_file(const char *path) {
    FILE *fp = fopen(path, "r");
    if (!fp) return -1;
    char *line = NULL;
    size_t cap = 0;
    long n = 0;
    while (read_line(fp, &line, &cap)) {
        char *f[4];
        size_t len[4];
        int nf = split_fields(line, f, len, 4);
        if (nf < 3) {
            check(false, "data line", line, NULL, "3 or 4 fields");
            continue;
        }
        run_case(f, len, nf);
        n++;
    }
    free(line);
    fclose(fp);
    return n;
}

// ------------------------------------------------------- API behaviour --

static KrAstExpr *parse(KrArena *a, const char *src) {
    KrSyntaxErr err;
    kr_arena_init(a, kr_default_allocator);
    return kr_parse_expression(a, src, strlen(src), &err);
}

// kr_unparse_expr appends, in the annotation flavour, without digit limit.
static void test_api(void) {
    KrArena a;
    KrAstExpr *e = parse(&a, "lambda *a: f(x for x in 0x10)");
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    bool ok = e && kr_buf_append_str(&b, "x: ") && kr_unparse_expr(e, &b) && kr_buf_append_char(&b, 0);
    const char *want = "x: lambda*a: f(x for x in 16)";
    check(ok && strcmp(b.data, want) == 0, "kr_unparse_expr appends", "", ok ? b.data : NULL, want);
    kr_buf_free(&b);
    kr_arena_free(&a);

    // `def f(*args: *Ts)` stores the annotation '*Ts' (a bare Starred,
    // which eval mode cannot parse: take it out of a subscript).
    e = parse(&a, "x[*Ts]");
    kr_buf_init(&b, kr_default_allocator);
    ok = e && e->kind == KR_EXPR_SUBSCRIPT && e->v.subscript.slice->kind == KR_EXPR_TUPLE &&
         kr_unparse_expr(e->v.subscript.slice->v.seq.elts.items[0], &b) && kr_buf_append_char(&b, 0);
    check(ok && strcmp(b.data, "*Ts") == 0, "starred annotation", "*Ts", ok ? b.data : NULL, "*Ts");
    kr_buf_free(&b);
    kr_arena_free(&a);

    // A failure leaves what the buffer held.
    e = parse(&a, "[1, 0x" "fffffffffffffffffffffffffffffffffffffffffffffff" "]");
    kr_buf_init(&b, kr_default_allocator);
    ok = e && kr_buf_append_str(&b, "keep");
    KrUnparseStatus st = kr_unparse_expr_ex(e, KR_UNPARSE_ANNOTATION, 20, &b);
    ok = ok && st == KR_UNPARSE_INT_LIMIT && b.len == 4 && memcmp(b.data, "keep", 4) == 0;
    check(ok, "failure keeps the buffer", "", status_text(st), "!intlimit and 'keep'");
    kr_buf_free(&b);
    kr_arena_free(&a);
}

// An allocator that fails after `left` more successful allocations.
typedef struct FailAlloc {
    long left;
} FailAlloc;

static void *fail_realloc(void *ud, void *p, size_t old, size_t size) {
    FailAlloc *fa = ud;
    if (size == 0) return kr_default_realloc(NULL, p, old, 0);
    if (fa->left <= 0) return NULL;
    fa->left--;
    return kr_default_realloc(NULL, p, old, size);
}

// Fails each allocation in turn: every run must report NOMEM (or succeed
// with the right text) and leave the buffer's contents intact.
static void alloc_fail_one(const char *src, KrUnparseFlavour fl) {
    KrArena a;
    KrAstExpr *e = parse(&a, src);
    KrBuf want;
    kr_buf_init(&want, kr_default_allocator);
    bool ok = e && kr_unparse_expr_ex(e, fl, 0, &want) == KR_UNPARSE_OK;
    int bad = 0;
    long n = 0;
    for (; ok && n < 100000; n++) {
        FailAlloc fa = {n};
        KrBuf b;
        kr_buf_init(&b, (KrAllocator){fail_realloc, &fa});
        KrUnparseStatus st = KR_UNPARSE_NOMEM;
        if (kr_buf_append_str(&b, "pre")) {
            st = kr_unparse_expr_ex(e, fl, 0, &b);
            if (st == KR_UNPARSE_OK) {
                bad += b.len != want.len + 3 || memcmp(b.data + 3, want.data, want.len) != 0;
            } else {
                bad += st != KR_UNPARSE_NOMEM || b.len != 3 || memcmp(b.data, "pre", 3) != 0;
            }
        }
        kr_buf_free(&b);
        if (st == KR_UNPARSE_OK) break;
    }
    // n counts the runs that failed: there must have been some.
    check(ok && bad == 0 && n > 2, "allocation failure", src, bad ? "bad state" : "too few runs",
          "NOMEM, buffer kept");
    kr_buf_free(&want);
    kr_arena_free(&a);
}

static void test_alloc_failure(void) {
    static const char *const srcs[] = {
        "f'{x!r:>{w}}a\\n{y}' + [lambda *a, b=1, **k: (yield a) for x in y if z]",
        "f'''{x}'\"\\n{\"a\"}'''",
        "{**a, 'b\\x00': b'\\xff', 0x" "ffffffffffffffffffffffffffffffff" ": 1e309j}",
        "f'''{f\"{x}\" + \"'\"}\"''' if a or b and not c else x[1:2, ::3]",
    };
    for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
        alloc_fail_one(srcs[i], KR_UNPARSE_AST);
        alloc_fail_one(srcs[i], KR_UNPARSE_ANNOTATION);
    }
}

static const char *default_data_path(void) {
    static const char *candidates[] = {"tests/unit/unparse_data/cases.txt", "unparse_data/cases.txt",
                                       "../tests/unit/unparse_data/cases.txt"};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        FILE *f = fopen(candidates[i], "r");
        if (f) {
            fclose(f);
            return candidates[i];
        }
    }
    return candidates[0];
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : default_data_path();
    long n = run_file(path);
    if (n < 0) check(false, "data file", path, "cannot open", "readable");
    else if (n < 500) check(false, "data file", path, "too few cases", "at least 500");
    test_api();
    test_alloc_failure();
    printf("%ld cases\n%d passed, %d failed\n", n, g_pass, g_fail);
    return g_fail ? 1 : 0;
}
