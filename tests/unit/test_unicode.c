// test_unicode.c: checks src/unicode_db.c against what python3 said.
//
// Three layers: hand-written cases (independent of the generator), the
// sampled rows of unicode_data/expect.inc (every API function, one code
// point at a time, for readable failures), and per-plane CRC-32s that
// cover every code point 0..0x10FFFF for every function.
//
// Build and run from the repository root:
//   gcc -std=c11 -Wall -Wextra -g -fsanitize=address,undefined -Isrc
//       src/unicode_db.c tests/unit/test_unicode.c -o /tmp/tu && /tmp/tu
#include <stdio.h>
#include <string.h>

#include "common.h"
#include "unicode_db.h"

#include "unicode_data/expect.inc"

#define MAX_REPORTS 30  // failures printed in full; the rest are counted

typedef struct Counts {
    long passed;
    long failed;
} Counts;

typedef bool (*PredFn)(uint32_t);
typedef size_t (*MapFn)(uint32_t, uint32_t[3]);

typedef struct Pred {
    const char *name;
    PredFn fn;
} Pred;

typedef struct Mapping {
    const char *name;
    MapFn fn;
} Mapping;

typedef struct ExpMap {
    unsigned n;
    uint32_t cp[3];
} ExpMap;

typedef struct Row {
    uint32_t cp;
    uint32_t preds;
    int decimal;
    int digit;
    double numeric;
    ExpMap map[4];  // lower, upper, title, casefold
} Row;

typedef struct CrcRow {
    const char *name;
    uint32_t crc[EXPECT_NPLANES];
} CrcRow;

// Built from the generator's list, so bit i of Row.preds is preds[i].
#define X(name) {#name, kr_uni_##name},
static const Pred preds[] = {EXPECT_PREDICATES(X)};
#undef X
#define NPREDS (sizeof(preds) / sizeof(preds[0]))

static const Mapping mappings[4] = {
    {"lower", kr_uni_lower},
    {"upper", kr_uni_upper},
    {"title", kr_uni_title},
    {"casefold", kr_uni_casefold},
};

static const Row rows[EXPECT_NROWS] = {EXPECT_ROWS};
static const CrcRow crcs[] = {EXPECT_CRC};

static void check(Counts *c, bool ok, const char *what, uint32_t cp) {
    if (ok) {
        c->passed++;
        return;
    }
    c->failed++;
    if (c->failed <= MAX_REPORTS) printf("FAIL %s at U+%04X\n", what, (unsigned)cp);
}

static bool map_equals(MapFn fn, uint32_t cp, const uint32_t *want, size_t n) {
    uint32_t out[3] = {0, 0, 0};
    size_t got = fn(cp, out);
    if (got != n) return false;
    for (size_t i = 0; i < n; i++)
        if (out[i] != want[i]) return false;
    return true;
}

// --- hand-written cases: what a reader of the Python docs expects ---

static void check_map(Counts *c, MapFn fn, const char *what, uint32_t cp,
                      uint32_t a, uint32_t b, uint32_t d) {
    uint32_t want[3] = {a, b, d};
    size_t n = d ? 3 : b ? 2 : 1;
    check(c, map_equals(fn, cp, want, n), what, cp);
}

static void test_hand_written(Counts *c) {
    check(c, kr_uni_isalpha('a') && kr_uni_isalpha(0xE9) && !kr_uni_isalpha('1'),
          "isalpha basics", 'a');
    check(c, kr_uni_isdecimal(0x663) && kr_uni_decimal_value(0x663) == 3,
          "Arabic-Indic three", 0x663);
    check(c, kr_uni_isdigit(0xB2) && !kr_uni_isdecimal(0xB2) &&
                 kr_uni_digit_value(0xB2) == 2 && kr_uni_decimal_value(0xB2) == -1,
          "superscript two", 0xB2);
    check(c, kr_uni_isnumeric(0xBD) && kr_uni_numeric_value(0xBD) == 0.5 &&
                 kr_uni_digit_value(0xBD) == -1,
          "one half", 0xBD);
    check(c, kr_uni_numeric_value(0x4E07) == 10000.0, "CJK ten thousand", 0x4E07);
    check(c, kr_uni_numeric_value(0xF33) == -0.5, "Tibetan half zero", 0xF33);
    check(c, kr_uni_numeric_value('x') == -1.0, "no numeric value", 'x');
    check(c, kr_uni_isspace(' ') && kr_uni_isspace(0x1F) && kr_uni_isspace(0x3000) &&
                 !kr_uni_isspace(0x200B),
          "isspace", ' ');
    check(c, kr_uni_islinebreak('\n') && kr_uni_islinebreak('\r') &&
                 kr_uni_islinebreak(0x2028) && kr_uni_islinebreak(0x85) &&
                 !kr_uni_islinebreak(' ') && !kr_uni_islinebreak(0x1F),
          "islinebreak", '\n');
    check(c, kr_uni_isprintable(' ') && !kr_uni_isprintable('\n') &&
                 !kr_uni_isprintable(0xA0) && !kr_uni_isprintable(0xD800) &&
                 kr_uni_isprintable(0x1F600),
          "isprintable", ' ');
    check(c, kr_uni_isupper('A') && !kr_uni_islower('A') && kr_uni_islower(0xDF) &&
                 kr_uni_istitle(0x1C5) && !kr_uni_istitle('A') &&
                 !kr_uni_isupper(0x1C5),
          "upper/lower/title", 0x1C5);
    check(c, kr_uni_iscased(0x1C5) && kr_uni_iscased(0x2B0) &&
                 kr_uni_iscaseignorable(0x2B0) && kr_uni_iscaseignorable('\'') &&
                 !kr_uni_iscased('1') && !kr_uni_iscaseignorable('a'),
          "cased/case-ignorable", 0x2B0);
    check(c, kr_uni_isxid_start('_') && kr_uni_isxid_start(0x3B1) &&
                 !kr_uni_isxid_start('1') && kr_uni_isxid_continue('1') &&
                 kr_uni_isxid_continue(0x301) && !kr_uni_isxid_start(0x301) &&
                 !kr_uni_isxid_continue('-'),
          "identifiers", '_');
    check(c, kr_uni_isalnum(0xBD) && !kr_uni_isalnum(' '), "isalnum", 0xBD);

    check_map(c, kr_uni_upper, "upper(ß)=SS", 0xDF, 'S', 'S', 0);
    check_map(c, kr_uni_title, "title(ß)=Ss", 0xDF, 'S', 's', 0);
    check_map(c, kr_uni_lower, "lower(ß)=ß", 0xDF, 0xDF, 0, 0);
    check_map(c, kr_uni_casefold, "casefold(ß)=ss", 0xDF, 's', 's', 0);
    check_map(c, kr_uni_lower, "lower(İ)", 0x130, 'i', 0x307, 0);
    check_map(c, kr_uni_upper, "upper(ı)=I", 0x131, 'I', 0, 0);
    check_map(c, kr_uni_upper, "upper(ﬃ)", 0xFB03, 'F', 'F', 'I');
    check_map(c, kr_uni_title, "title(ﬁ)", 0xFB01, 'F', 'i', 0);
    check_map(c, kr_uni_upper, "upper(ΐ)", 0x390, 0x399, 0x308, 0x301);
    check_map(c, kr_uni_title, "title(ǆ)", 0x1C6, 0x1C5, 0, 0);
    check_map(c, kr_uni_upper, "upper(ǅ)", 0x1C5, 0x1C4, 0, 0);
    check_map(c, kr_uni_lower, "lower(Σ) is never final", 0x3A3, 0x3C3, 0, 0);
    check_map(c, kr_uni_casefold, "casefold(ς)", 0x3C2, 0x3C3, 0, 0);
    check_map(c, kr_uni_upper, "upper(Georgian an)", 0x10D0, 0x1C90, 0, 0);
    check_map(c, kr_uni_title, "title(Georgian an)", 0x10D0, 0x10D0, 0, 0);
    check_map(c, kr_uni_casefold, "casefold(Cherokee)", 0x13F8, 0x13F0, 0, 0);
    check_map(c, kr_uni_casefold, "casefold(Cherokee A)", 0x13A0, 0x13A0, 0, 0);
    check_map(c, kr_uni_lower, "lower(Deseret)", 0x10400, 0x10428, 0, 0);
    check_map(c, kr_uni_upper, "upper(emoji)", 0x1F600, 0x1F600, 0, 0);
    check_map(c, kr_uni_upper, "upper(surrogate)", 0xD800, 0xD800, 0, 0);
}

// --- inputs beyond Unicode: no property, identity mappings ---

static void test_out_of_range(Counts *c) {
    static const uint32_t bad[] = {0x110000, 0x110041, 0x7FFFFFFF, 0x80000000,
                                   0xFFFFFFFE, 0xFFFFFFFF};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        uint32_t cp = bad[i];
        bool any = false;
        for (size_t p = 0; p < NPREDS; p++) any = any || preds[p].fn(cp);
        check(c, !any, "no predicate out of range", cp);
        check(c, kr_uni_decimal_value(cp) == -1 && kr_uni_digit_value(cp) == -1 &&
                     kr_uni_numeric_value(cp) == -1.0,
              "no value out of range", cp);
        for (size_t m = 0; m < 4; m++)
            check(c, map_equals(mappings[m].fn, cp, &cp, 1),
                  "identity mapping out of range", cp);
    }
}

// --- sampled rows: every function at each listed code point ---

static void test_rows(Counts *c) {
    char what[64];
    for (size_t r = 0; r < EXPECT_NROWS; r++) {
        const Row *row = &rows[r];
        for (size_t p = 0; p < NPREDS; p++) {
            bool want = (row->preds >> p) & 1u;
            snprintf(what, sizeof what, "%s (want %d)", preds[p].name, want);
            check(c, preds[p].fn(row->cp) == want, what, row->cp);
        }
        snprintf(what, sizeof what, "decimal_value (want %d)", row->decimal);
        check(c, kr_uni_decimal_value(row->cp) == row->decimal, what, row->cp);
        snprintf(what, sizeof what, "digit_value (want %d)", row->digit);
        check(c, kr_uni_digit_value(row->cp) == row->digit, what, row->cp);
        snprintf(what, sizeof what, "numeric_value (want %g)", row->numeric);
        check(c, kr_uni_numeric_value(row->cp) == row->numeric, what, row->cp);
        for (size_t m = 0; m < 4; m++) {
            const ExpMap *e = &row->map[m];
            snprintf(what, sizeof what, "%s (want %u code points from U+%04X)",
                     mappings[m].name, e->n, (unsigned)e->cp[0]);
            check(c, map_equals(mappings[m].fn, row->cp, e->cp, e->n), what, row->cp);
        }
    }
}

// --- every code point, via CRC-32 of the streams expect.inc defines ---

static void crc_init(uint32_t table[256]) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t v = i;
        for (int k = 0; k < 8; k++) v = (v & 1u) ? (v >> 1) ^ 0xEDB88320u : v >> 1;
        table[i] = v;
    }
}

// Running CRC kept un-inverted between bytes; crc_finish gives zlib's value.
static uint32_t crc_byte(const uint32_t table[256], uint32_t crc, uint8_t b) {
    return table[(crc ^ b) & 0xFFu] ^ (crc >> 8);
}

static uint32_t crc_u32le(const uint32_t table[256], uint32_t crc, uint32_t v) {
    for (int i = 0; i < 4; i++) crc = crc_byte(table, crc, (uint8_t)(v >> (8 * i)));
    return crc;
}

static const CrcRow *find_crc(const char *name) {
    for (size_t i = 0; i < sizeof(crcs) / sizeof(crcs[0]); i++)
        if (strcmp(crcs[i].name, name) == 0) return &crcs[i];
    return NULL;
}

static void check_crc(Counts *c, const char *name, unsigned plane, uint32_t got) {
    const CrcRow *want = find_crc(name);
    char what[80];
    snprintf(what, sizeof what, "CRC of %s over plane %u", name, plane);
    check(c, want != NULL && want->crc[plane] == (got ^ 0xFFFFFFFFu), what,
          (uint32_t)plane << 16);
}

// kr_utf8_count (eight bytes at a time) against a byte-by-byte count, for
// every length and offset of pseudo-random bytes weighted to UTF-8.
static void test_utf8_count(Counts *c) {
    static const unsigned char kinds[] = {'a', 0x80, 0xBF, 0xC3, 0xE2, 0xF0, 0x7F, 0xFF};
    char buf[80];
    uint32_t x = 12345;
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] = (char)kinds[(x >> 16) & 7];
        }
        for (size_t at = 0; at < 9; at++)
            for (size_t n = 0; at + n <= sizeof buf; n++) {
                size_t want = 0;
                for (size_t i = at; i < at + n; i++) want += ((unsigned char)buf[i] & 0xC0) != 0x80;
                check(c, kr_utf8_count(buf + at, n) == want, "kr_utf8_count", (uint32_t)n);
            }
    }
}

static void test_all_code_points(Counts *c, const uint32_t table[256]) {
    for (unsigned plane = 0; plane < EXPECT_NPLANES; plane++) {
        uint32_t lo = (uint32_t)plane << 16, hi = lo + 0x10000;
        for (size_t p = 0; p < NPREDS; p++) {
            uint32_t crc = 0xFFFFFFFFu;
            for (uint32_t cp = lo; cp < hi; cp++)
                crc = crc_byte(table, crc, preds[p].fn(cp) ? 1 : 0);
            check_crc(c, preds[p].name, plane, crc);
        }
        uint32_t dec = 0xFFFFFFFFu, dig = 0xFFFFFFFFu, num = 0xFFFFFFFFu;
        for (uint32_t cp = lo; cp < hi; cp++) {
            dec = crc_byte(table, dec, (uint8_t)(kr_uni_decimal_value(cp) & 0xFF));
            dig = crc_byte(table, dig, (uint8_t)(kr_uni_digit_value(cp) & 0xFF));
            double v = kr_uni_numeric_value(cp);
            uint64_t bits;
            memcpy(&bits, &v, sizeof bits);
            num = crc_u32le(table, num, (uint32_t)bits);
            num = crc_u32le(table, num, (uint32_t)(bits >> 32));
        }
        check_crc(c, "decimal", plane, dec);
        check_crc(c, "digit", plane, dig);
        check_crc(c, "numeric", plane, num);
        for (size_t m = 0; m < 4; m++) {
            uint32_t crc = 0xFFFFFFFFu, out[3];
            // The stream is all counts of the plane, then all code points.
            for (uint32_t cp = lo; cp < hi; cp++)
                crc = crc_byte(table, crc, (uint8_t)mappings[m].fn(cp, out));
            for (uint32_t cp = lo; cp < hi; cp++) {
                size_t n = mappings[m].fn(cp, out);
                for (size_t i = 0; i < n && i < 3; i++) crc = crc_u32le(table, crc, out[i]);
            }
            check_crc(c, mappings[m].name, plane, crc);
        }
    }
}

int main(void) {
    Counts c = {0, 0};
    uint32_t table[256];
    crc_init(table);
    // The CRC streams must be the ones the generator hashed: 22 functions.
    check(&c, sizeof(crcs) / sizeof(crcs[0]) == NPREDS + 3 + 4, "CRC list size", 0);
    test_hand_written(&c);
    test_utf8_count(&c);
    test_out_of_range(&c);
    test_rows(&c);
    test_all_code_points(&c, table);
    if (c.failed > MAX_REPORTS) printf("(%ld more failures not shown)\n", c.failed - MAX_REPORTS);
    printf("%ld passed, %ld failed\n", c.passed, c.failed);
    return c.failed ? 1 : 0;
}
