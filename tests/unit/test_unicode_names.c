// test_unicode_names.c: checks src/unicode_names.c against what python3 said.
//
// Layers: hand-written cases (independent of the generator); a CRC-32 over
// the whole stored table, which must equal python3's list of names and
// aliases, and a lookup of every stored name in three spellings; sampled
// rows and probes from unicode_names_data/expect.inc (near-misses, named
// sequences, odd bytes, each with python3's verdict for \N{}); every Hangul
// syllable name, rebuilt from the jamo names and checked by CRC; and every
// "CJK UNIFIED IDEOGRAPH-%04X" for 0..0x10FFFF.
//
// Build and run from the repository root:
//   gcc -std=c11 -Wall -Wextra -g -fsanitize=address,undefined -Isrc
//       src/unicode_names.c tests/unit/test_unicode_names.c -o /tmp/tn && /tmp/tn
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "unicode_names.h"

#include "unicode_names_data/expect.inc"

#define MAX_REPORTS 30  // failures printed in full; the rest are counted
#define NAME_BUF 256    // longer than any name

typedef struct Counts {
    long passed;
    long failed;
} Counts;

typedef struct NameRow {
    const char *name;
    uint32_t cp;
} NameRow;

// A probe longer than the generator writes out is `len` copies of `fill`.
typedef struct Probe {
    const char *bytes;
    unsigned fill;
    size_t len;
    long cp;  // -1: python3 rejects \N{bytes}
} Probe;

typedef struct Range {
    uint32_t lo, hi;
} Range;

static const NameRow name_rows[EXPECT_NAME_NROWS] = {EXPECT_NAME_ROWS};
static const Probe probes[EXPECT_NPROBES] = {EXPECT_PROBES};
static const char *const jamo_l[] = {EXPECT_HANGUL_L};
static const char *const jamo_v[] = {EXPECT_HANGUL_V};
static const char *const jamo_t[] = {EXPECT_HANGUL_T};
static const Range cjk_ranges[] = {EXPECT_CJK_RANGES};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void check(Counts *c, bool ok, const char *what, const char *name, size_t len) {
    if (ok) {
        c->passed++;
        return;
    }
    c->failed++;
    if (c->failed > MAX_REPORTS) return;
    printf("FAIL %s: \"", what);
    for (size_t i = 0; i < len && i < 100; i++) {
        unsigned char ch = (unsigned char)name[i];
        if (ch >= 0x20 && ch < 0x7F) putchar(ch);
        else printf("\\x%02X", ch);
    }
    printf("%s\" (%zu bytes)\n", len > 100 ? "..." : "", len);
}

// Bitwise CRC-32 (zlib's polynomial), continuing from crc.
static uint32_t crc32_update(uint32_t crc, const void *data, size_t n) {
    const unsigned char *p = data;
    crc = ~crc;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

// Looks s[0..n) up and compares with `want` (-1: must be rejected, with
// *cp left alone).
static void expect_lookup(Counts *c, const char *what, const char *s, size_t n, long want) {
    uint32_t cp = 0xDEADBEEF;
    bool ok = kr_uni_lookup_name(s, n, &cp);
    if (want < 0) check(c, !ok && cp == 0xDEADBEEF, what, s, n);
    else check(c, ok && cp == (uint32_t)want, what, s, n);
}

static void test_hand_written(Counts *c) {
    static const struct {
        const char *name;
        long cp;
    } cases[] = {
        {"BULLET", 0x2022},
        {"bullet", 0x2022},
        {"Bullet", 0x2022},
        {"EM DASH", 0x2014},
        {"GREEK SMALL LETTER ALPHA", 0x3B1},
        {"greek capital letter omega", 0x3A9},
        {"LATIN SMALL LETTER A WITH ACUTE", 0xE1},
        {"SNAKE", 0x1F40D},
        {"DIGIT ONE", 0x31},
        {"SPACE", 0x20},
        {"NO-BREAK SPACE", 0xA0},
        {"HYPHEN-MINUS", 0x2D},
        {"TIBETAN LETTER -A", 0xF60},
        {"LATIN CAPITAL LETTER GHA", 0x1A2},  // alias (correction)
        {"LATIN CAPITAL LETTER OI", 0x1A2},   // its original name
        {"NULL", 0x0},                        // alias of a nameless control
        {"nul", 0x0},
        {"LINE FEED", 0xA},
        {"BOM", 0xFEFF},
        {"VS256", 0xE01EF},
        {"CJK UNIFIED IDEOGRAPH-4E00", 0x4E00},
        {"cjk unified ideograph-4E00", -1},  // CPython: prefix is case-sensitive
        {"CJK UNIFIED IDEOGRAPH-04E00", 0x4E00},
        {"CJK UNIFIED IDEOGRAPH-4e00", -1},  // CPython: hex digits upper case
        {"CJK UNIFIED IDEOGRAPH-20000", 0x20000},
        {"CJK UNIFIED IDEOGRAPH-4DC0", -1},
        {"CJK COMPATIBILITY IDEOGRAPH-F900", 0xF900},
        {"HANGUL SYLLABLE GA", 0xAC00},
        {"HANGUL SYLLABLE GAG", 0xAC01},
        {"hangul syllable GAG", -1},
        {"HANGUL SYLLABLE gag", -1},
        {"HANGUL SYLLABLE A", 0xC544},
        {"HANGUL SYLLABLE HIH", 0xD7A3},
        {"HANGUL SYLLABLE ", -1},
        {"KEYCAP NUMBER SIGN", -1},  // named sequence: not for \N{}
        {"LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", -1},
        {"BULLET ", -1},
        {" BULLET", -1},
        {"BULLETS", -1},
        {"BULLE", -1},
        {"EM  DASH", -1},
        {"EM-DASH", -1},
        {"LINE FEED (LF)", -1},
        {"TANGUT IDEOGRAPH-17000", -1},
        {"", -1},
    };
    for (size_t i = 0; i < COUNT(cases); i++)
        expect_lookup(c, "hand-written", cases[i].name, strlen(cases[i].name), cases[i].cp);

    // Only len bytes are read, and the name need not be NUL-terminated.
    expect_lookup(c, "prefix of buffer", "BULLETXYZ", 6, 0x2022);
    char exact[6];
    memcpy(exact, "BULLET", 6);
    expect_lookup(c, "unterminated", exact, sizeof exact, 0x2022);
    expect_lookup(c, "embedded NUL", "BULLET\0", 7, -1);
    uint32_t cp = 7;
    check(c, !kr_uni_lookup_name(NULL, 0, &cp) && cp == 7, "NULL name", "", 0);
    check(c, !kr_uni_lookup_name(NULL, 5, &cp) && cp == 7, "NULL name, len 5", "", 0);
    check(c, !kr_uni_lookup_name("BULLET", 6, NULL), "NULL cp", "BULLET", 6);

    // Very long input of every byte value is rejected.
    size_t big = (size_t)1 << 20;
    char *buf = malloc(big);
    if (!buf) {
        check(c, false, "malloc", "", 0);
        return;
    }
    for (int b = 0; b < 256; b++) {
        memset(buf, b, big);
        expect_lookup(c, "1 MiB of one byte", buf, big, -1);
        expect_lookup(c, "89 bytes of one byte", buf, 89, -1);
        expect_lookup(c, "one byte", buf, 1, -1);
    }
    memcpy(buf, "BULLET", 6);
    expect_lookup(c, "long name starting with BULLET", buf, big, -1);
    free(buf);
}

// Every stored entry: the table as a whole must be python3's list (CRC),
// sorted, and each name must be found in upper, lower and mixed case.
static void test_every_name(Counts *c) {
    size_t n = kr_uni_name_count();
    check(c, n == EXPECT_NAMES_COUNT, "name count", "", 0);
    uint32_t crc = 0;
    char prev[NAME_BUF] = "";
    size_t prev_len = 0;
    for (size_t i = 0; i < n; i++) {
        char name[NAME_BUF], low[NAME_BUF], mixed[NAME_BUF], line[NAME_BUF + 16];
        size_t len = 0;
        uint32_t cp = 0;
        if (!kr_uni_name_entry(i, name, sizeof name, &len, &cp)) {
            check(c, false, "kr_uni_name_entry", "", 0);
            continue;
        }
        check(c, len > 0 && strlen(name) == len, "entry length", name, len);
        size_t m = len < prev_len ? len : prev_len;
        int r = memcmp(prev, name, m);
        check(c, i == 0 || r < 0 || (r == 0 && prev_len < len), "entries sorted", name, len);
        memcpy(prev, name, len);
        prev_len = len;

        int k = snprintf(line, sizeof line, "%s\t%X\n", name, (unsigned)cp);
        crc = crc32_update(crc, line, (size_t)k);

        for (size_t j = 0; j < len; j++) {
            char ch = name[j];
            low[j] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
            mixed[j] = j % 2 ? low[j] : ch;
        }
        expect_lookup(c, "stored name", name, len, cp);
        expect_lookup(c, "stored name, lower case", low, len, cp);
        expect_lookup(c, "stored name, mixed case", mixed, len, cp);
    }
    check(c, crc == EXPECT_NAMES_CRC, "CRC of all stored names", "", 0);
    if (crc != EXPECT_NAMES_CRC)
        printf("  CRC 0x%08X, python3 says 0x%08X\n", (unsigned)crc, (unsigned)EXPECT_NAMES_CRC);

    char small[8];
    size_t len;
    uint32_t cp;
    check(c, !kr_uni_name_entry(n, small, sizeof small, &len, &cp), "entry past the end", "", 0);
    check(c, !kr_uni_name_entry(0, small, 0, &len, &cp), "entry into no room", "", 0);
}

static void test_rows(Counts *c) {
    for (size_t i = 0; i < COUNT(name_rows); i++)
        expect_lookup(c, "name row", name_rows[i].name, strlen(name_rows[i].name),
                      (long)name_rows[i].cp);
}

static void test_probes(Counts *c) {
    for (size_t i = 0; i < COUNT(probes); i++) {
        const Probe *p = &probes[i];
        if (p->bytes) {
            expect_lookup(c, "probe", p->bytes, p->len, p->cp);
            continue;
        }
        char *buf = malloc(p->len);
        if (!buf) {
            check(c, false, "malloc", "", 0);
            continue;
        }
        memset(buf, (int)p->fill, p->len);
        expect_lookup(c, "long probe", buf, p->len, p->cp);
        free(buf);
    }
}

static void test_hangul(Counts *c) {
    size_t nl = COUNT(jamo_l), nv = COUNT(jamo_v), nt = COUNT(jamo_t);
    uint32_t crc = 0;
    for (size_t l = 0; l < nl; l++) {
        for (size_t v = 0; v < nv; v++) {
            for (size_t t = 0; t < nt; t++) {
                char name[64];
                int n = snprintf(name, sizeof name, "HANGUL SYLLABLE %s%s%s",
                                 jamo_l[l], jamo_v[v], jamo_t[t]);
                uint32_t want = EXPECT_HANGUL_BASE + (uint32_t)((l * nv + v) * nt + t);
                expect_lookup(c, "Hangul syllable", name, (size_t)n, want);
                name[n] = '\n';
                crc = crc32_update(crc, name, (size_t)n + 1);
                // Unlike stored names these are case-sensitive in CPython
                // 3.11 (the probes in expect.inc have python3's word on it).
                memcpy(name, "hangul syllable ", 16);
                expect_lookup(c, "Hangul syllable, lower-case prefix", name, (size_t)n, -1);
            }
        }
    }
    check(c, crc == EXPECT_HANGUL_CRC, "CRC of Hangul syllable names", "", 0);
}

static bool in_cjk(uint32_t cp) {
    for (size_t i = 0; i < COUNT(cjk_ranges); i++)
        if (cp >= cjk_ranges[i].lo && cp <= cjk_ranges[i].hi) return true;
    return false;
}

static void test_cjk(Counts *c) {
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        char name[48];
        int n = snprintf(name, sizeof name, "CJK UNIFIED IDEOGRAPH-%04X", (unsigned)cp);
        // Six hex digits are never accepted.
        long want = in_cjk(cp) && cp <= 0xFFFFF ? (long)cp : -1;
        expect_lookup(c, "CJK ideograph", name, (size_t)n, want);
        if (cp <= 0xFFFF) {
            n = snprintf(name, sizeof name, "CJK UNIFIED IDEOGRAPH-%05X", (unsigned)cp);
            expect_lookup(c, "CJK ideograph, leading zero", name, (size_t)n, want);
        }
    }
}

// Not a pass/fail check (timings vary, and under sanitizers a lot): prints
// the mean time of a lookup over a spread of stored names.
static void report_speed(void) {
    enum { N = 2000, REPEAT = 20 };
    static char names[N][NAME_BUF];
    static size_t lens[N];
    size_t total = kr_uni_name_count();
    for (size_t i = 0; i < N; i++) {
        uint32_t cp;
        if (!kr_uni_name_entry(i * total / N, names[i], NAME_BUF, &lens[i], &cp)) return;
    }
    clock_t t0 = clock();
    unsigned long found = 0;
    for (int r = 0; r < REPEAT; r++) {
        for (size_t i = 0; i < N; i++) {
            uint32_t cp;
            found += kr_uni_lookup_name(names[i], lens[i], &cp);
        }
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("mean lookup time: %.0f ns (%lu found)\n", secs * 1e9 / (N * REPEAT), found);
}

int main(void) {
    Counts c = {0, 0};
    test_hand_written(&c);
    test_every_name(&c);
    test_rows(&c);
    test_probes(&c);
    test_hangul(&c);
    test_cjk(&c);
    report_speed();
    if (c.failed > MAX_REPORTS) printf("(%ld more failures not shown)\n", c.failed - MAX_REPORTS);
    printf("%ld passed, %ld failed\n", c.passed, c.failed);
    return c.failed ? 1 : 0;
}
