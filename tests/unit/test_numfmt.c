// test_numfmt.c: checks src/numfmt.c against CPython 3.11's answers
// recorded in numfmt_data/cases.txt (regenerate with numfmt_data/gen.py),
// plus hand-written checks for sizes, allocation failure and locales.
//
//   gcc -std=c11 -Wall -Wextra -g -fsanitize=address,undefined -Isrc src/common.c
//       src/unicode_db.c src/numfmt.c tests/unit/test_numfmt.c -lm -o /tmp/tn && /tmp/tn
//
// Optional argument: the path of cases.txt (default: found next to this
// source file or under the current directory). The data set runs once in
// the C locale and again in a locale whose decimal point is not '.', when
// one is installed (e.g. LOCPATH pointing at a localedef output).
#include "numfmt.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int g_pass, g_fail;

static void check(bool ok, const char *what, const char *detail) {
    if (ok) {
        g_pass++;
        return;
    }
    g_fail++;
    if (g_fail <= 60) printf("FAIL %s: %s\n", what, detail ? detail : "");
}

// ---------------------------------------------------------------------------
// Reading the data file

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

#define MAXF 16

typedef struct Fields {
    char *f[MAXF];
    size_t len[MAXF];
    int n;
} Fields;

static void split(char *line, Fields *fs) {
    fs->n = 0;
    char *p = line;
    while (fs->n < MAXF) {
        fs->f[fs->n] = p;
        char *tab = strchr(p, '\t');
        if (tab) *tab = 0;
        fs->len[fs->n] = unescape(fs->f[fs->n]);
        fs->n++;
        if (!tab) break;
        p = tab + 1;
    }
}

static double from_bits(const char *hex) {
    uint64_t b = strtoull(hex, NULL, 16);
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

static uint64_t to_bits(double x) {
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}

// ---------------------------------------------------------------------------
// Comparing outcomes

typedef struct Outcome {
    KrFmtStatus st;
    const char *text;
    size_t len;
    const char *err;
} Outcome;

// expected: "=text", "!V:msg" or "!O:msg" (length elen).
static void check_outcome(const char *what, const char *input, const char *expected, size_t elen,
                          const Outcome *got) {
    char detail[600];
    bool ok;
    if (expected[0] == '=') {
        ok = got->st == KR_FMT_OK && got->len == elen - 1 && memcmp(got->text, expected + 1, elen - 1) == 0;
    } else {
        KrFmtStatus want = expected[1] == 'V' ? KR_FMT_VALUE_ERROR : KR_FMT_OVERFLOW_ERROR;
        ok = got->st == want && strcmp(got->err, expected + 3) == 0;
    }
    if (ok) {
        check(true, what, NULL);
        return;
    }
    snprintf(detail, sizeof detail, "[%.120s] want {%.200s} got st=%d {%.200s}", input, expected,
             (int)got->st, got->st == KR_FMT_OK ? got->text : got->err);
    check(false, what, detail);
}

static KrBuf new_buf(void) {
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    return b;
}

// ---------------------------------------------------------------------------
// Case kinds

static void case_repr(Fields *fs) {
    char buf[KR_DOUBLE_BUF];
    double x = from_bits(fs->f[1]);
    size_t n = kr_double_repr(x, buf);
    char detail[200];
    snprintf(detail, sizeof detail, "%s want %s got %s", fs->f[1], fs->f[2], buf);
    check(n == fs->len[2] && strcmp(buf, fs->f[2]) == 0, "repr", detail);
}

static void case_hex(Fields *fs) {
    char buf[KR_DOUBLE_BUF];
    size_t n = kr_double_hex(from_bits(fs->f[1]), buf);
    char detail[200];
    snprintf(detail, sizeof detail, "%s want %s got %s", fs->f[1], fs->f[2], buf);
    check(n == fs->len[2] && strcmp(buf, fs->f[2]) == 0, "hex", detail);
}

static void case_isint(Fields *fs) {
    bool want = fs->f[2][0] == '1';
    check(kr_double_is_integer(from_bits(fs->f[1])) == want, "is_integer", fs->f[1]);
}

// kind: 0 float(ascii), 1 literal, 2 float(str) with Unicode mapping
static void case_parse(Fields *fs, int kind) {
    double v = 0;
    bool ok;
    if (kind == 2) {
        KrBuf scratch = new_buf();
        ok = kr_parse_double_str(&scratch, fs->f[1], fs->len[1], &v) == KR_FMT_OK;
        kr_buf_free(&scratch);
    } else {
        ok = kind ? kr_parse_double_literal(fs->f[1], fs->len[1], &v)
                  : kr_parse_double(fs->f[1], fs->len[1], &v);
    }
    const char *want = fs->f[2];
    bool good;
    if (strcmp(want, "ERR") == 0) good = !ok;
    else if (strncmp(want, "nan", 3) == 0) good = ok && isnan(v) && (signbit(v) != 0) == (want[3] == '-');
    else good = ok && to_bits(v) == strtoull(want, NULL, 16);
    char detail[300];
    snprintf(detail, sizeof detail, "[%.100s] want %s got ok=%d %016llx", fs->f[1], want, ok,
             (unsigned long long)to_bits(v));
    check(good, kind == 2 ? "parse_str" : kind ? "literal" : "parse", detail);
}

static Outcome run_double_fmt(KrBuf *b, char *err, const char *spec, size_t slen, double x) {
    KrFmtSpec fs;
    Outcome o = {KR_FMT_OK, NULL, 0, err};
    o.st = kr_fmtspec_parse(spec, slen, KR_FMT_KIND_FLOAT, "float", &fs, err, 256);
    if (o.st == KR_FMT_OK) o.st = kr_fmt_double(b, x, &fs, "float", err, 256);
    o.text = b->data ? b->data : "";
    o.len = b->len;
    return o;
}

static void case_ffmt(Fields *fs) {
    KrBuf b = new_buf();
    char err[256] = "";
    Outcome o = run_double_fmt(&b, err, fs->f[1], fs->len[1], from_bits(fs->f[2]));
    char input[200];
    snprintf(input, sizeof input, "format(%s, '%s')", fs->f[2], fs->f[1]);
    check_outcome("format(float)", input, fs->f[3], fs->len[3], &o);
    kr_buf_free(&b);
}

// ifmt spec typename neg dec bin oct hex floatbits fits result
static void case_ifmt(Fields *fs) {
    const char *spec = fs->f[1], *tname = fs->f[2];
    bool neg = fs->f[3][0] == '1';
    KrBuf b = new_buf();
    char err[256] = "";
    KrFmtSpec sp;
    Outcome o = {KR_FMT_OK, NULL, 0, err};
    o.st = kr_fmtspec_parse(spec, fs->len[1], KR_FMT_KIND_INT, tname, &sp, err, sizeof err);
    KrIntFmtPlan plan = KR_INTFMT_DIGITS;
    unsigned base = 10;
    if (o.st == KR_FMT_OK) o.st = kr_fmt_int_plan(&sp, tname, &plan, &base, err, sizeof err);
    if (o.st == KR_FMT_OK) {
        if (plan == KR_INTFMT_DIGITS) {
            int col = base == 10 ? 4 : base == 2 ? 5 : base == 8 ? 6 : 7;
            o.st = kr_fmt_int(&b, neg, fs->f[col], fs->len[col], &sp, tname, err, sizeof err);
            if (fs->f[col][0] == '-') check(false, "ifmt", "generator lacks the digits for this base");
        } else if (plan == KR_INTFMT_CHAR) {
            bool fits = fs->f[9][0] == '1';
            int64_t v = fits ? strtoll(fs->f[4], NULL, 10) : 0;
            if (neg) v = fits && fs->len[4] >= 19 ? INT64_MIN : -v;
            o.st = kr_fmt_int_char(&b, fits, v, &sp, tname, err, sizeof err);
        } else {
            o.st = kr_fmt_double(&b, from_bits(fs->f[8]), &sp, tname, err, sizeof err);
        }
    }
    o.text = b.data ? b.data : "";
    o.len = b.len;
    char input[200];
    snprintf(input, sizeof input, "format(%s%.60s, '%s')", neg ? "-" : "", fs->f[4], spec);
    check_outcome("format(int)", input, fs->f[10], fs->len[10], &o);
    kr_buf_free(&b);
}

static void case_sfmt(Fields *fs) {
    KrBuf b = new_buf();
    char err[256] = "";
    KrFmtSpec sp;
    Outcome o = {KR_FMT_OK, NULL, 0, err};
    o.st = kr_fmtspec_parse(fs->f[1], fs->len[1], KR_FMT_KIND_STR, "str", &sp, err, sizeof err);
    if (o.st == KR_FMT_OK)
        o.st = kr_fmt_str(&b, fs->f[2], fs->len[2], kr_utf8_count(fs->f[2], fs->len[2]), &sp, "str",
                          err, sizeof err);
    o.text = b.data ? b.data : "";
    o.len = b.len;
    char input[200];
    snprintf(input, sizeof input, "format('%s', '%s')", fs->f[2], fs->f[1]);
    check_outcome("format(str)", input, fs->f[3], fs->len[3], &o);
    kr_buf_free(&b);
}

static unsigned pct_flags(const char *s) {
    unsigned f = 0;
    for (; *s; s++) {
        if (*s == '-') f |= KR_PCT_LJUST;
        if (*s == '+') f |= KR_PCT_SIGN;
        if (*s == ' ') f |= KR_PCT_BLANK;
        if (*s == '#') f |= KR_PCT_ALT;
        if (*s == '0') f |= KR_PCT_ZERO;
    }
    return f;
}

static KrPctSpec pct_spec(Fields *fs) {
    KrPctSpec ps = {pct_flags(fs->f[2]), strtoll(fs->f[3], NULL, 10), strtoll(fs->f[4], NULL, 10),
                    fs->f[1][0]};
    return ps;
}

static void finish_pct(Fields *fs, int rescol, KrBuf *b, KrFmtStatus st, const char *err) {
    Outcome o = {st, b->data ? b->data : "", b->len, err};
    char input[200];
    snprintf(input, sizeof input, "%%%s w=%s p=%s %s of %.60s", fs->f[2], fs->f[3], fs->f[4],
             fs->f[1], fs->f[5]);
    check_outcome("percent", input, fs->f[rescol], fs->len[rescol], &o);
    kr_buf_free(b);
}

static void case_pctf(Fields *fs) {
    KrPctSpec ps = pct_spec(fs);
    KrBuf b = new_buf();
    KrFmtStatus st = kr_pct_double(&b, from_bits(fs->f[5]), &ps);
    finish_pct(fs, 6, &b, st, "");
}

// pcti conv flags width prec neg dec oct hex result
static void case_pcti(Fields *fs) {
    KrPctSpec ps = pct_spec(fs);
    KrBuf b = new_buf();
    char err[256] = "";
    char c = ps.conv;
    int col = c == 'o' ? 7 : (c == 'x' || c == 'X') ? 8 : 6;
    KrFmtStatus st = kr_pct_int(&b, fs->f[5][0] == '1', fs->f[col], fs->len[col], &ps, err, sizeof err);
    finish_pct(fs, 9, &b, st, err);
}

static void case_pcts(Fields *fs) {
    KrPctSpec ps = pct_spec(fs);
    KrBuf b = new_buf();
    KrFmtStatus st = kr_pct_str(&b, fs->f[5], fs->len[5], kr_utf8_count(fs->f[5], fs->len[5]), &ps);
    finish_pct(fs, 6, &b, st, "");
}

// round bits ndigits result ; roundi bits result (result "=bits" or "!X:msg")
static void case_round(Fields *fs, bool with_ndigits) {
    double x = from_bits(fs->f[1]), r = 0;
    char err[256] = "";
    KrFmtStatus st = with_ndigits
                         ? kr_double_round(x, strtoll(fs->f[2], NULL, 10), &r, err, sizeof err)
                         : kr_double_round_half_even(x, &r, err, sizeof err);
    const char *want = fs->f[with_ndigits ? 3 : 2];
    bool ok;
    if (want[0] == '=') {
        double w = from_bits(want + 1);
        // round(x) yields an int: -0.0 and 0.0 are the same int
        ok = st == KR_FMT_OK && (with_ndigits ? (to_bits(r) == to_bits(w) || (isnan(r) && isnan(w))) : r == w);
    } else {
        KrFmtStatus ws = want[1] == 'V' ? KR_FMT_VALUE_ERROR : KR_FMT_OVERFLOW_ERROR;
        ok = st == ws && strcmp(err, want + 3) == 0;
    }
    char detail[300];
    snprintf(detail, sizeof detail, "round(%s, %s) want %s got st=%d %016llx %s", fs->f[1],
             with_ndigits ? fs->f[2] : "-", want, (int)st, (unsigned long long)to_bits(r), err);
    check(ok, with_ndigits ? "round" : "round_half_even", detail);
}

// crepr rebits imbits text
static void case_crepr(Fields *fs) {
    char buf[KR_COMPLEX_BUF];
    size_t n = kr_complex_repr(from_bits(fs->f[1]), from_bits(fs->f[2]), buf);
    char detail[200];
    snprintf(detail, sizeof detail, "%s %s want %s got %s", fs->f[1], fs->f[2], fs->f[3], buf);
    check(n == fs->len[3] && strcmp(buf, fs->f[3]) == 0, "complex repr", detail);
}

// cfmt spec rebits imbits result
static void case_cfmt(Fields *fs) {
    KrBuf b = new_buf();
    char err[256] = "";
    KrFmtSpec sp;
    Outcome o = {KR_FMT_OK, NULL, 0, err};
    o.st = kr_fmtspec_parse(fs->f[1], fs->len[1], KR_FMT_KIND_FLOAT, "complex", &sp, err, sizeof err);
    if (o.st == KR_FMT_OK)
        o.st = kr_fmt_complex(&b, from_bits(fs->f[2]), from_bits(fs->f[3]), &sp, "complex", err, sizeof err);
    o.text = b.data ? b.data : "";
    o.len = b.len;
    char input[200];
    snprintf(input, sizeof input, "format(complex(%s, %s), '%s')", fs->f[2], fs->f[3], fs->f[1]);
    check_outcome("format(complex)", input, fs->f[4], fs->len[4], &o);
    kr_buf_free(&b);
}

// A part as gen.py's pbits writes it: bits, or nan+ / nan-.
static bool same_part(double v, const char *want) {
    if (strncmp(want, "nan", 3) == 0) return isnan(v) && (signbit(v) != 0) == (want[3] == '-');
    return to_bits(v) == strtoull(want, NULL, 16);
}

// cparse text result: "re:im", M (malformed) or U (bad underscores)
static void case_cparse(Fields *fs) {
    KrBuf scratch = new_buf();
    double out[2] = {0, 0};
    bool bad_us = false;
    KrFmtStatus st = kr_parse_complex_str(&scratch, fs->f[1], fs->len[1], out, &bad_us);
    kr_buf_free(&scratch);
    const char *want = fs->f[2], *colon = strchr(want, ':');
    bool good;
    if (strcmp(want, "M") == 0 || strcmp(want, "U") == 0)
        good = st == KR_FMT_VALUE_ERROR && bad_us == (want[0] == 'U');
    else
        good = st == KR_FMT_OK && colon && same_part(out[0], want) && same_part(out[1], colon + 1);
    char detail[300];
    snprintf(detail, sizeof detail, "[%.100s] want %s got st=%d us=%d %016llx:%016llx", fs->f[1], want, (int)st,
             bad_us, (unsigned long long)to_bits(out[0]), (unsigned long long)to_bits(out[1]));
    check(good, "complex(str)", detail);
}

static void run_case(char *line) {
    if (line[0] == '#' || line[0] == 0) return;
    Fields fs;
    split(line, &fs);
    const char *k = fs.f[0];
    static const struct {
        const char *kind;
        int nfields;
    } shapes[] = {{"repr", 3},  {"hex", 3},   {"isint", 3}, {"parse", 3}, {"lit", 3},
                  {"ffmt", 4},  {"ifmt", 11}, {"sfmt", 4},  {"pctf", 7},  {"pcti", 10},
                  {"pcts", 7},  {"round", 4}, {"roundi", 3}, {"pstr", 3},
                  {"crepr", 4}, {"cfmt", 5},  {"cparse", 3}};
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        if (strcmp(k, shapes[i].kind) != 0) continue;
        if (fs.n != shapes[i].nfields) {
            check(false, "data", k);
            return;
        }
        switch (i) {
        case 0: case_repr(&fs); break;
        case 1: case_hex(&fs); break;
        case 2: case_isint(&fs); break;
        case 3: case_parse(&fs, 0); break;
        case 4: case_parse(&fs, 1); break;
        case 5: case_ffmt(&fs); break;
        case 6: case_ifmt(&fs); break;
        case 7: case_sfmt(&fs); break;
        case 8: case_pctf(&fs); break;
        case 9: case_pcti(&fs); break;
        case 10: case_pcts(&fs); break;
        case 11: case_round(&fs, true); break;
        case 12: case_round(&fs, false); break;
        case 13: case_parse(&fs, 2); break;
        case 14: case_crepr(&fs); break;
        case 15: case_cfmt(&fs); break;
        default: case_cparse(&fs); break;
        }
        return;
    }
    check(false, "unknown case kind", k);
}

static long run_file(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char *buf = NULL;
    size_t cap = 0;
    long n = 0;
    char *line;
    while ((line = read_line(f, &buf, &cap)) != NULL) {
        run_case(line);
        n++;
    }
    free(buf);
    fclose(f);
    return n;
}

// ---------------------------------------------------------------------------
// Hand-written checks

// An allocator that refuses past a byte budget or after a number of
// allocations: huge widths must fail cleanly, never crash or write.
typedef struct Budget {
    size_t max_bytes;
    long allocs_left;
} Budget;

static void *budget_realloc(void *ud, void *p, size_t old_size, size_t new_size) {
    Budget *bd = ud;
    (void)old_size;
    if (new_size == 0) {
        free(p);
        return NULL;
    }
    if (new_size > bd->max_bytes || bd->allocs_left <= 0) return NULL;
    bd->allocs_left--;
    return realloc(p, new_size);
}

static KrFmtStatus fmt_with(Budget *bd, KrFmtKind kind, const char *spec, double x, KrBuf *b) {
    KrAllocator a = {budget_realloc, bd};
    kr_buf_init(b, a);
    KrFmtSpec fs;
    char err[256];
    const char *tn = kind == KR_FMT_KIND_FLOAT ? "float" : kind == KR_FMT_KIND_INT ? "int" : "str";
    KrFmtStatus st = kr_fmtspec_parse(spec, strlen(spec), kind, tn, &fs, err, sizeof err);
    if (st != KR_FMT_OK) return st;
    if (kind == KR_FMT_KIND_FLOAT) return kr_fmt_double(b, x, &fs, tn, err, sizeof err);
    if (kind == KR_FMT_KIND_INT) return kr_fmt_int(b, false, "1234", 4, &fs, tn, err, sizeof err);
    return kr_fmt_str(b, "abc", 3, 3, &fs, tn, err, sizeof err);
}

static void test_huge_sizes(void) {
    static const char *specs[] = {"1000000000", "9223372036854775807", "09223372036854775807,",
                                  "<9223372036854775807", "😀^9223372036854775807", ".2147483647f",
                                  ".2147483647e", "#.2147483647g", "9223372036854775807.2147483647%",
                                  "=9223372036854775807_"};
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        for (int kind = 0; kind < 3; kind++) {
            Budget bd = {1 << 20, 1000};
            KrBuf b;
            KrFmtStatus st = fmt_with(&bd, (KrFmtKind)kind, specs[i], -1234.5, &b);
            char detail[200];
            snprintf(detail, sizeof detail, "kind %d spec %s st %d len %zu", kind, specs[i], (int)st, b.len);
            check(st != KR_FMT_OK && b.len == 0, "huge size refused", detail);
            kr_buf_free(&b);
        }
    }
    // A width that fits the budget works, exactly sized.
    Budget bd = {1 << 22, 1000};
    KrBuf b;
    // (one more than the width: a separator never leads, as in CPython)
    check(fmt_with(&bd, KR_FMT_KIND_INT, "0=1000000,", 0, &b) == KR_FMT_OK && b.len == 1000001 &&
              b.data[0] == '0' && b.data[1] == ',' && memcmp(b.data + b.len - 5, "1,234", 5) == 0,
          "big grouped zero padding", NULL);
    kr_buf_free(&b);
    // '%' with huge widths and precisions
    KrPctSpec ps = {KR_PCT_ZERO, INT64_MAX, -1, 'd'};
    KrAllocator a = {budget_realloc, &bd};
    kr_buf_init(&b, a);
    check(kr_pct_int(&b, true, "5", 1, &ps, NULL, 0) == KR_FMT_NOMEM && b.len == 0, "pct huge width", NULL);
    ps = (KrPctSpec){0, -1, 2147483647, 'f'};
    check(kr_pct_double(&b, 1.5, &ps) == KR_FMT_NOMEM && b.len == 0, "pct huge prec", NULL);
    ps = (KrPctSpec){KR_PCT_LJUST, INT64_MAX, -1, 's'};
    check(kr_pct_str(&b, "x", 1, 1, &ps) == KR_FMT_NOMEM && b.len == 0, "pct huge str width", NULL);
    kr_buf_free(&b);
}

// Every allocation failing must leave the buffer valid and report NOMEM.
static void test_alloc_failure(void) {
    static const char *specs[] = {"", "10", ".3f", "0=20,.2f", "^30e", "😀<12"};
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        for (int kind = 0; kind < 3; kind++) {
            Budget bd = {SIZE_MAX, 0};
            KrBuf b;
            KrFmtStatus st = fmt_with(&bd, (KrFmtKind)kind, specs[i], 3.25, &b);
            // (".3f" is a ValueError for str and int: fine, as long as nothing was written)
            check(st != KR_FMT_OK && b.len == 0 && b.data == NULL, "alloc failure", specs[i]);
            kr_buf_free(&b);
        }
    }
}

// format(complex) builds its text in place and pads it afterwards: a
// refused width or precision, or a failing allocation, must leave what the
// buffer already held.
static void test_complex_failures(void) {
    static const char *specs[] = {"1000000000", "<9223372036854775807", "😀^9223372036854775807",
                                  ".2147483647f", "#.2147483647g", ">2000000.1000000e", ""};
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        for (long allocs = 0; allocs < 3; allocs++) {
            Budget bd = {1 << 20, allocs};
            KrAllocator a = {budget_realloc, &bd};
            KrBuf b;
            kr_buf_init(&b, a);
            bool had = kr_buf_append(&b, "keep", 4);
            KrFmtSpec fs;
            char err[256];
            KrFmtStatus st = kr_fmtspec_parse(specs[i], strlen(specs[i]), KR_FMT_KIND_FLOAT, "complex", &fs,
                                              err, sizeof err);
            if (st == KR_FMT_OK) st = kr_fmt_complex(&b, -1.5, 2.25, &fs, "complex", err, sizeof err);
            bool kept = !had || (b.len >= 4 && memcmp(b.data, "keep", 4) == 0);
            bool ok = specs[i][0] ? st != KR_FMT_OK && b.len == (had ? 4u : 0u) : st != KR_FMT_OK || b.len > 4;
            char detail[200];
            snprintf(detail, sizeof detail, "spec %s allocs %ld st %d len %zu", specs[i], allocs, (int)st, b.len);
            check(ok && kept, "complex format failure", detail);
            kr_buf_free(&b);
        }
    }
}

static void expect_text(const char *what, KrFmtStatus st, KrBuf *b, const char *want) {
    char detail[300];
    snprintf(detail, sizeof detail, "want {%s} got st=%d {%s}", want, (int)st, b->data ? b->data : "");
    check(st == KR_FMT_OK && b->len == strlen(want) && strcmp(b->data, want) == 0, what, detail);
    kr_buf_free(b);
}

// Samples from the brief, kept readable here.
static void test_examples(void) {
    char buf[KR_DOUBLE_BUF], err[256];
    static const struct {
        double x;
        const char *s;
    } reprs[] = {{1.0, "1.0"},  {0.1, "0.1"},         {1e16, "1e+16"}, {1.5e-5, "1.5e-05"},
                 {-0.0, "-0.0"}, {123456789012345.0, "123456789012345.0"}, {5e-324, "5e-324"},
                 {1.7976931348623157e308, "1.7976931348623157e+308"}, {0.1 + 0.2, "0.30000000000000004"},
                 {9.999999999999999e22, "1e+23"}, {9.999999999999997e22, "9.999999999999997e+22"},
                 {1e22, "1e+22"}};
    for (size_t i = 0; i < sizeof reprs / sizeof reprs[0]; i++) {
        kr_double_repr(reprs[i].x, buf);
        check(strcmp(buf, reprs[i].s) == 0, "repr example", reprs[i].s);
    }
    kr_double_repr(INFINITY, buf);
    check(strcmp(buf, "inf") == 0, "repr inf", buf);
    kr_double_repr(-INFINITY, buf);
    check(strcmp(buf, "-inf") == 0, "repr -inf", buf);
    kr_double_repr(-NAN, buf);
    check(strcmp(buf, "nan") == 0, "repr nan", buf);

    KrFmtSpec fs;
    KrBuf b = new_buf();
    kr_fmtspec_parse("012,.1f", 7, KR_FMT_KIND_FLOAT, "float", &fs, err, sizeof err);
    expect_text("012,.1f", kr_fmt_double(&b, 1234.5, &fs, "float", err, sizeof err), &b, "00,001,234.5");
    kr_fmtspec_parse("010,", 4, KR_FMT_KIND_INT, "int", &fs, err, sizeof err);
    expect_text("010,", kr_fmt_int(&b, false, "1234", 4, &fs, "int", err, sizeof err), &b, "00,001,234");
    kr_fmtspec_parse("#X", 2, KR_FMT_KIND_INT, "int", &fs, err, sizeof err);
    expect_text("#X", kr_fmt_int(&b, false, "ff", 2, &fs, "int", err, sizeof err), &b, "0XFF");
    kr_fmtspec_parse("*^9.2s", 6, KR_FMT_KIND_STR, "str", &fs, err, sizeof err);
    expect_text("str", kr_fmt_str(&b, "héllo", 6, 5, &fs, "str", err, sizeof err), &b, "***hé****");
    kr_fmtspec_parse("c", 1, KR_FMT_KIND_INT, "int", &fs, err, sizeof err);
    expect_text("c", kr_fmt_int_char(&b, true, 0x1F600, &fs, "int", err, sizeof err), &b, "😀");

    KrPctSpec ps = {KR_PCT_ALT, -1, -1, 'x'};
    expect_text("%#x", kr_pct_int(&b, false, "ff", 2, &ps, err, sizeof err), &b, "0xff");
    ps = (KrPctSpec){0, -1, -1, 'x'};
    expect_text("%x", kr_pct_int(&b, true, "ff", 2, &ps, err, sizeof err), &b, "-ff");
    ps = (KrPctSpec){KR_PCT_ZERO, 5, 1, 'f'};
    expect_text("%05.1f", kr_pct_double(&b, -2.34, &ps), &b, "-02.3");
    ps = (KrPctSpec){KR_PCT_SIGN, -1, -1, 'd'};
    expect_text("%+d", kr_pct_int(&b, false, "5", 1, &ps, err, sizeof err), &b, "+5");
    ps = (KrPctSpec){0, -1, -1, 'e'};
    expect_text("%e", kr_pct_double(&b, 1e100, &ps), &b, "1.000000e+100");
    ps = (KrPctSpec){0, -1, -1, 'g'};
    expect_text("%g", kr_pct_double(&b, 1e-5, &ps), &b, "1e-05");

    double r;
    kr_double_round(2.675, 2, &r, err, sizeof err);
    check(r == 2.67, "round(2.675, 2)", NULL);
    check(kr_double_round(1.7976931348623157e308, -308, &r, err, sizeof err) == KR_FMT_OVERFLOW_ERROR &&
              strcmp(err, "rounded value too large to represent") == 0,
          "round overflow", err);
    kr_double_round_half_even(2.5, &r, err, sizeof err);
    check(r == 2.0, "round(2.5)", NULL);
    kr_double_round_half_even(-3.5, &r, err, sizeof err);
    check(r == -4.0, "round(-3.5)", NULL);

    // Errors with a NULL or tiny message buffer must not write past it.
    check(kr_fmtspec_parse("abc", 3, KR_FMT_KIND_INT, "int", &fs, NULL, 0) == KR_FMT_VALUE_ERROR,
          "null errmsg", NULL);
    char tiny[8];
    kr_fmtspec_parse("é,", 3, KR_FMT_KIND_INT, "int", &fs, tiny, sizeof tiny);
    check(strlen(tiny) == 7, "truncated errmsg", tiny);
    char cut[31]; // "Invalid format specifier 'é" would split é: cut before it
    kr_fmtspec_parse("ééé", 6, KR_FMT_KIND_INT, "int", &fs, cut, 28);
    check(strcmp(cut, "Invalid format specifier '") == 0, "utf8 truncation", cut);
    char longname[300];
    memset(longname, 'T', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    KrIntFmtPlan plan;
    unsigned base;
    kr_fmtspec_parse("y", 1, KR_FMT_KIND_INT, longname, &fs, err, sizeof err);
    kr_fmt_int_plan(&fs, longname, &plan, &base, err, sizeof err);
    check(strlen(err) == strlen("Unknown format code 'y' for object of type ''") + 200, "type name %.200s", err);
}

// Parsing never reads past n: feed every prefix of tricky inputs from a
// heap copy so AddressSanitizer sees any overrun.
static void test_bounds(void) {
    static const char *inputs[] = {"1.5e+10", "infinity", "-nan", "1_000.000_1e-1_0", "  +.5  ",
                                   "😀^+z#012_.3%", "x<10,.2f", "99999999999999999999", "ééé"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        size_t n = strlen(inputs[i]);
        for (size_t k = 0; k <= n; k++) {
            char *copy = malloc(k ? k : 1);
            memcpy(copy, inputs[i], k);
            double v;
            KrFmtSpec fs;
            char err[64];
            (void)kr_parse_double(copy, k, &v);
            (void)kr_parse_double_literal(copy, k, &v);
            (void)kr_fmtspec_parse(copy, k, KR_FMT_KIND_FLOAT, "float", &fs, err, sizeof err);
            free(copy);
        }
    }
    check(true, "bounds", NULL);
}

// The shortest repr must read back exactly, for many random doubles
// (beyond the recorded ones).
static void test_repr_roundtrip(void) {
    uint64_t s = 0x9E3779B97F4A7C15ull;
    int bad = 0;
    for (int i = 0; i < 200000; i++) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        double x;
        memcpy(&x, &s, sizeof x);
        if (!isfinite(x)) continue;
        char buf[KR_DOUBLE_BUF];
        size_t n = kr_double_repr(x, buf);
        double y;
        if (n >= KR_DOUBLE_BUF || !kr_parse_double(buf, n, &y) || to_bits(y) != to_bits(x)) bad++;
    }
    check(bad == 0, "repr round-trips", NULL);
}

static uint64_t xorshift(uint64_t *s) {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

// Random specs and values through every formatter: no crash (under the
// sanitizers), valid UTF-8 out, at least `width` code points when it works.
static void test_random_specs(void) {
    static const char *atoms[] = {"<", ">", "=", "^", "+", "-", " ", "z", "#", "0", "1", "2", "9",
                                  "12", ",", "_", ".", ".3", "e", "E", "f", "F", "g", "G", "n", "%",
                                  "b", "c", "d", "o", "x", "X", "s", "é", "😀", "\x00", "\xff"};
    static const double vals[] = {0.0, -0.0, 1.5, -1234.5678, 1e300, -5e-324, 1e16, 0.1, INFINITY, NAN};
    uint64_t seed = 12345;
    int bad = 0;
    for (int it = 0; it < 60000; it++) {
        char spec[64];
        size_t n = 0;
        int atoms_n = (int)(xorshift(&seed) % 7);
        for (int a = 0; a < atoms_n; a++) {
            const char *t = atoms[xorshift(&seed) % (sizeof atoms / sizeof atoms[0])];
            size_t tl = strlen(t);
            if (n + tl >= sizeof spec) break;
            memcpy(spec + n, t, tl);
            n += tl;
        }
        KrFmtKind kind = (KrFmtKind)(xorshift(&seed) % 3);
        KrFmtSpec fs;
        char err[64];
        if (kr_fmtspec_parse(spec, n, kind, "T", &fs, err, sizeof err) != KR_FMT_OK) continue;
        KrBuf b = new_buf();
        KrFmtStatus st;
        if (kind == KR_FMT_KIND_FLOAT) {
            st = kr_fmt_double(&b, vals[xorshift(&seed) % 10], &fs, "T", err, sizeof err);
        } else if (kind == KR_FMT_KIND_STR) {
            st = kr_fmt_str(&b, "h\xc3\xa9llo", 6, 5, &fs, "T", err, sizeof err);
        } else {
            KrIntFmtPlan plan;
            unsigned base;
            st = kr_fmt_int_plan(&fs, "T", &plan, &base, err, sizeof err);
            if (st == KR_FMT_OK && plan == KR_INTFMT_DIGITS)
                st = kr_fmt_int(&b, it & 1, "1a2b3c", 6, &fs, "T", err, sizeof err);
            else if (st == KR_FMT_OK && plan == KR_INTFMT_CHAR)
                st = kr_fmt_int_char(&b, true, 0xE9, &fs, "T", err, sizeof err);
            else if (st == KR_FMT_OK)
                st = kr_fmt_double(&b, -12.5, &fs, "T", err, sizeof err);
        }
        if (st == KR_FMT_OK) {
            size_t len = b.len;
            const char *d = b.data ? b.data : "";
            if (kr_utf8_validate(d, len) != len && fs.fill != 0) bad++;
            if (fs.width > 0 && kr_utf8_count(d, len) < (size_t)fs.width) bad++;
        }
        kr_buf_free(&b);
    }
    check(bad == 0, "random specs", NULL);
}

static const char *default_data_path(void) {
    static const char *candidates[] = {"tests/unit/numfmt_data/cases.txt", "numfmt_data/cases.txt",
                                       "../tests/unit/numfmt_data/cases.txt"};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        FILE *f = fopen(candidates[i], "r");
        if (f) {
            fclose(f);
            return candidates[i];
        }
    }
    return candidates[0];
}

// A locale whose decimal point is not '.', if the host has one.
static const char *odd_locale(void) {
    static const char *names[] = {"ps_AF.UTF-8", "fa_IR.UTF-8", "de_DE.UTF-8", "de_DE.utf8",
                                  "fr_FR.UTF-8", "fr_FR.utf8", "ru_RU.UTF-8"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (setlocale(LC_ALL, names[i])) return names[i];
    return NULL;
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : default_data_path();
    long n = run_file(path);
    if (n < 0) {
        printf("cannot open %s\n", path);
        check(false, "data file", path);
    }
    test_examples();
    test_huge_sizes();
    test_alloc_failure();
    test_complex_failures();
    test_bounds();
    test_repr_roundtrip();
    test_random_specs();
    const char *loc = odd_locale();
    if (loc) {
        int before = g_fail;
        run_file(path);
        test_examples();
        printf("re-ran under locale %s: %d new failures\n", loc, g_fail - before);
        setlocale(LC_ALL, "C");
    } else {
        printf("note: no locale with a non-'.' decimal point installed; locale run skipped\n");
    }
    printf("%d passed, %d failed\n", g_pass, g_fail);
    return g_fail ? 1 : 0;
}
