#!/usr/bin/env python3
"""Generate krait's Unicode tables from the running python3's own behaviour.

Every property is read from python3 itself (str methods and unicodedata) for
each code point 0..0x10FFFF, so krait's str methods agree with CPython 3.11
character for character.  Nothing is typed in by hand.

Writes two files, deterministically:
  src/unicode_db.c                      tables + the lookup functions
  tests/unit/unicode_data/expect.inc    expectations for tests/unit/test_unicode.c

Usage:
  python3 tools/gen_unicode.py            regenerate both files
  python3 tools/gen_unicode.py --check    exit 1 if a checked-in file differs
  python3 tools/gen_unicode.py --search   print table sizes for other shifts
"""

import array
import os
import struct
import sys
import unicodedata
import zlib

NCP = 0x110000
# The str semantics (isprintable, casing, identifiers) change between Python
# releases, so the tables are tied to the release krait imitates.
PY_VERSION = (3, 11)
UNIDATA_VERSION = "14.0.0"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_C = os.path.join(ROOT, "src", "unicode_db.c")
OUT_EXPECT = os.path.join(ROOT, "tests", "unit", "unicode_data", "expect.inc")

# Block sizes of the three-level lookup (cp -> block -> block -> record).
# Chosen with --search as the smallest total; any values with
# SHIFT1 + SHIFT2 <= 16 are correct.
SHIFT1 = 5
SHIFT2 = 3

# Predicates in flag-bit order.  The same order is the order of the
# expectation bits in expect.inc (the test builds its table from this list).
PREDICATES = [
    "isalpha", "isdecimal", "isdigit", "isnumeric", "isspace", "isalnum",
    "isupper", "islower", "istitle", "iscased", "iscaseignorable",
    "isprintable", "isxid_start", "isxid_continue", "islinebreak", "iswide",
]
# isalnum is derived from other bits, so it gets no flag of its own.
FLAG_PREDICATES = [p for p in PREDICATES if p != "isalnum"]
MAPPINGS = ["lower", "upper", "title", "casefold"]
EXT_BIT0 = 16  # flag bit of "lower is a multi-char mapping"; then upper...


def fail(msg):
    sys.stderr.write("gen_unicode.py: %s\n" % msg)
    sys.exit(1)


def collect():
    """Return a dict of per-code-point lists, all read from python3."""
    chars = [chr(c) for c in range(NCP)]
    cat = list(map(unicodedata.category, chars))
    d = {}
    d["isalpha"] = list(map(str.isalpha, chars))
    d["isdecimal"] = list(map(str.isdecimal, chars))
    d["isdigit"] = list(map(str.isdigit, chars))
    d["isnumeric"] = list(map(str.isnumeric, chars))
    d["isspace"] = list(map(str.isspace, chars))
    d["isalnum"] = list(map(str.isalnum, chars))
    d["isupper"] = list(map(str.isupper, chars))
    d["islower"] = list(map(str.islower, chars))
    # A one-char str.istitle() is true for uppercase letters too, so the
    # titlecase-letter property itself comes from the category (CPython
    # sets its title flag exactly for Lt); checked against istitle below.
    d["istitle"] = [c == "Lt" for c in cat]
    # Cased: str.title() lowercases a letter after a cased character.
    d["iscased"] = [(c + "a").title()[-1] == "a" for c in chars]
    # Case_Ignorable, read off str.lower()'s final-sigma rule: in "A"+c+"Σ"
    # the sigma is final iff c is ignorable or cased; in c+"Σ" it is final
    # iff c is cased and not ignorable.
    t1 = [("A" + c + "\u03a3").lower()[-1] == "\u03c2" for c in chars]
    t2 = [(c + "\u03a3").lower()[-1] == "\u03c2" for c in chars]
    d["iscaseignorable"] = [a and not b for a, b in zip(t1, t2)]
    d["isprintable"] = list(map(str.isprintable, chars))
    d["isxid_start"] = list(map(str.isidentifier, chars))
    d["isxid_continue"] = [("a" + c).isidentifier() for c in chars]
    # A line break splits its own one-char string into one empty line.
    d["islinebreak"] = [c.splitlines() == [""] for c in chars]
    # East Asian Width W or F: two columns in a traceback's markers (CPython
    # 3.11's traceback display width)
    d["iswide"] = [unicodedata.east_asian_width(c) in "WF" for c in chars]
    d["decimal"] = [unicodedata.decimal(c, -1) for c in chars]
    d["digit"] = [unicodedata.digit(c, -1) for c in chars]
    d["numeric"] = [unicodedata.numeric(c, None) for c in chars]
    d["lower"] = list(map(str.lower, chars))
    d["upper"] = list(map(str.upper, chars))
    d["title"] = list(map(str.title, chars))
    d["casefold"] = list(map(str.casefold, chars))

    # Cross-checks: if a derivation above is wrong (or a future Python
    # changes a rule) stop rather than emit wrong tables.
    one_istitle = list(map(str.istitle, chars))
    for cp in range(NCP):
        if d["isdecimal"][cp] != (d["decimal"][cp] != -1):
            fail("isdecimal/decimal disagree at U+%04X" % cp)
        if d["isdigit"][cp] != (d["digit"][cp] != -1):
            fail("isdigit/digit disagree at U+%04X" % cp)
        if d["isnumeric"][cp] != (d["numeric"][cp] is not None):
            fail("isnumeric/numeric disagree at U+%04X" % cp)
        if d["decimal"][cp] != -1 and d["decimal"][cp] != d["digit"][cp]:
            fail("decimal != digit at U+%04X" % cp)
        if d["numeric"][cp] == -1.0:
            fail("numeric value -1 (the 'none' sentinel) at U+%04X" % cp)
        alnum = (d["isalpha"][cp] or d["isdecimal"][cp] or d["isdigit"][cp]
                 or d["isnumeric"][cp])
        if d["isalnum"][cp] != alnum:
            fail("isalnum is not alpha|decimal|digit|numeric at U+%04X" % cp)
        cased = d["isupper"][cp] or d["islower"][cp] or d["istitle"][cp]
        if d["iscased"][cp] != cased:
            fail("cased is not upper|lower|title at U+%04X" % cp)
        if one_istitle[cp] != (d["istitle"][cp] or d["isupper"][cp]):
            fail("str.istitle is not Lt|upper at U+%04X" % cp)
        if d["isxid_start"][cp] and not d["isxid_continue"][cp]:
            fail("xid_start without xid_continue at U+%04X" % cp)
        for m in MAPPINGS:
            if not 1 <= len(d[m][cp]) <= 3:
                fail("%s mapping of U+%04X has length %d"
                     % (m, cp, len(d[m][cp])))
    return d


def build(d):
    """Encode the data into records and a three-level index."""
    numeric_vals = [-1.0]  # index 0: "no numeric value"
    numeric_idx = {}
    special = []           # uint32 words: length, then code points
    special_off = {}
    records = []
    rec_idx = {}
    # Record 0 is the "nothing" record used for out-of-range input.
    default = (0, 0, 0, 0, 0, 0xFF, 0)
    records.append(default)
    rec_idx[default] = 0
    per_cp = [0] * NCP
    for cp in range(NCP):
        flags = 0
        for bit, p in enumerate(FLAG_PREDICATES):
            if d[p][cp]:
                flags |= 1 << bit
        maps = []
        for i, m in enumerate(MAPPINGS):
            s = d[m][cp]
            if len(s) == 1:
                maps.append(ord(s) - cp)  # delta: shared by runs of letters
            else:
                seq = tuple(map(ord, s))
                if seq not in special_off:
                    special_off[seq] = len(special)
                    special.append(len(seq))
                    special.extend(seq)
                maps.append(special_off[seq])
                flags |= 1 << (EXT_BIT0 + i)
        digit = d["digit"][cp] if d["digit"][cp] != -1 else 0xFF
        nv = d["numeric"][cp]
        ni = 0
        if nv is not None:
            if nv not in numeric_idx:
                numeric_idx[nv] = len(numeric_vals)
                numeric_vals.append(nv)
            ni = numeric_idx[nv]
        rec = (flags,) + tuple(maps) + (digit, ni)
        r = rec_idx.get(rec)
        if r is None:
            r = rec_idx[rec] = len(records)
            records.append(rec)
        per_cp[cp] = r
    if len(numeric_vals) > 256:
        fail("more than 255 numeric values")
    return {
        "records": records, "special": special, "numeric": numeric_vals,
        "per_cp": per_cp,
    }


def split(data, shift):
    """Cut data into deduplicated blocks of 2**shift; return (index, flat)."""
    size = 1 << shift
    assert len(data) % size == 0
    seen = {}
    index = []
    flat = []
    for i in range(0, len(data), size):
        blk = tuple(data[i:i + size])
        b = seen.get(blk)
        if b is None:
            b = seen[blk] = len(seen)
            flat.extend(blk)
        index.append(b)
    return index, flat


def ctype_for(maxval):
    if maxval < 1 << 8:
        return "uint8_t", 1
    if maxval < 1 << 16:
        return "uint16_t", 2
    return "uint32_t", 4


def levels(per_cp, s1, s2):
    idx1, blocks2 = split(per_cp, s2)
    idx0, blocks1 = split(idx1, s1)
    return idx0, blocks1, blocks2


def level_bytes(*arrays):
    return sum(len(a) * ctype_for(max(a))[1] for a in arrays)


RECORD_BYTES = 24  # sizeof(KrUniRecord): 5 x 4-byte words + 2 bytes, padded


def search(per_cp):
    best = None
    for s2 in range(3, 10):
        idx1, blocks2 = split(per_cp, s2)
        for s1 in range(2, 10):
            if s1 + s2 > 16:
                continue
            idx0, blocks1 = split(idx1, s1)
            n = level_bytes(idx0, blocks1, blocks2)
            print("SHIFT1=%d SHIFT2=%d: %6d bytes of index" % (s1, s2, n))
            if best is None or n < best[0]:
                best = (n, s1, s2)
    print("best: SHIFT1=%d SHIFT2=%d (%d bytes)" % (best[1], best[2], best[0]))


def c_array(ctype, name, values, per_line, fmt=str):
    out = ["static const %s %s[%d] = {" % (ctype, name, len(values))]
    for i in range(0, len(values), per_line):
        out.append("    " + ", ".join(fmt(v) for v in values[i:i + per_line])
                   + ",")
    out.append("};")
    return "\n".join(out)


def hexfloat(v):
    # Hex float literals are exact, so the C double equals python's bit
    # for bit whatever the compiler's decimal rounding.
    return float(v).hex()


C_HEAD = """\
// unicode_db.c: Unicode character properties and case mappings.
// GENERATED by tools/gen_unicode.py from Python %(py)s (Unicode %(ucd)s)
// str methods and unicodedata. Do not edit: change the script and rerun it.
// Tables: %(total)d bytes (%(nrec)d records, %(nspecial)d special-case
// words, %(nnum)d numeric values, three-level index %(shift1)d/%(shift2)d).
#include "unicode_db.h"

// Flag bits of a record.
%(flag_defs)s

// One record per distinct property set. Case mappings are stored as a
// delta from the code point (so runs of letters share records), or, when
// the matching *_EXT flag is set, as an offset into kr_uni_special where a
// length word is followed by that many code points.
typedef struct KrUniRecord {
    uint32_t flags;
    int32_t map[4];   // lower, upper, title, casefold
    uint8_t digit;    // 0..9, or 0xFF when the character has no digit value
    uint8_t numeric;  // index into kr_uni_numeric; 0 means none
} KrUniRecord;

#define KR_UNI_SHIFT1 %(shift1)d
#define KR_UNI_SHIFT2 %(shift2)d
#define KR_UNI_MAX_CP 0x10FFFFu
"""

C_TAIL = r"""
#define KR_UNI_COUNT(a) (sizeof(a) / sizeof((a)[0]))

// Every index is checked, although the generator builds the tables so
// that no check can fail: a corrupted table then yields "no property"
// rather than a read out of bounds.
static const KrUniRecord *kr_uni_rec(uint32_t cp) {
    if (cp > KR_UNI_MAX_CP) return &kr_uni_records[0];
    size_t i0 = cp >> (KR_UNI_SHIFT1 + KR_UNI_SHIFT2);
    if (i0 >= KR_UNI_COUNT(kr_uni_index0)) return &kr_uni_records[0];
    size_t i1 = ((size_t)kr_uni_index0[i0] << KR_UNI_SHIFT1)
                | ((cp >> KR_UNI_SHIFT2) & ((1u << KR_UNI_SHIFT1) - 1));
    if (i1 >= KR_UNI_COUNT(kr_uni_index1)) return &kr_uni_records[0];
    size_t i2 = ((size_t)kr_uni_index1[i1] << KR_UNI_SHIFT2)
                | (cp & ((1u << KR_UNI_SHIFT2) - 1));
    if (i2 >= KR_UNI_COUNT(kr_uni_index2)) return &kr_uni_records[0];
    size_t r = kr_uni_index2[i2];
    if (r >= KR_UNI_COUNT(kr_uni_records)) return &kr_uni_records[0];
    return &kr_uni_records[r];
}

static bool kr_uni_flag(uint32_t cp, uint32_t f) {
    return (kr_uni_rec(cp)->flags & f) != 0;
}

bool kr_uni_isalpha(uint32_t cp) { return kr_uni_flag(cp, KR_UNI_ISALPHA); }
bool kr_uni_isdecimal(uint32_t cp) { return kr_uni_flag(cp, KR_UNI_ISDECIMAL); }
bool kr_uni_isdigit(uint32_t cp) { return kr_uni_flag(cp, KR_UNI_ISDIGIT); }
bool kr_uni_isnumeric(uint32_t cp) { return kr_uni_flag(cp, KR_UNI_ISNUMERIC); }
bool kr_uni_isspace(uint32_t cp) { return kr_uni_flag(cp, KR_UNI_ISSPACE); }
bool kr_uni_isupper(uint32_t cp) { return kr_uni_flag(cp, KR_UNI_ISUPPER); }
bool kr_uni_islower(uint32_t cp) { return kr_uni_flag(cp, KR_UNI_ISLOWER); }
bool kr_uni_istitle(uint32_t cp) { return kr_uni_flag(cp, KR_UNI_ISTITLE); }
bool kr_uni_iscased(uint32_t cp) { return kr_uni_flag(cp, KR_UNI_ISCASED); }
bool kr_uni_iscaseignorable(uint32_t cp) {
    return kr_uni_flag(cp, KR_UNI_ISCASEIGNORABLE);
}
bool kr_uni_isprintable(uint32_t cp) {
    return kr_uni_flag(cp, KR_UNI_ISPRINTABLE);
}
bool kr_uni_isxid_start(uint32_t cp) {
    return kr_uni_flag(cp, KR_UNI_ISXID_START);
}
bool kr_uni_isxid_continue(uint32_t cp) {
    return kr_uni_flag(cp, KR_UNI_ISXID_CONTINUE);
}
bool kr_uni_islinebreak(uint32_t cp) {
    return kr_uni_flag(cp, KR_UNI_ISLINEBREAK);
}
bool kr_uni_iswide(uint32_t cp) { return kr_uni_flag(cp, KR_UNI_ISWIDE); }

bool kr_uni_isalnum(uint32_t cp) {
    return kr_uni_flag(cp, KR_UNI_ISALPHA | KR_UNI_ISDECIMAL | KR_UNI_ISDIGIT
                               | KR_UNI_ISNUMERIC);
}

int kr_uni_decimal_value(uint32_t cp) {
    const KrUniRecord *r = kr_uni_rec(cp);
    // Every decimal is also a digit of the same value (the generator
    // checks), so one byte serves both.
    return (r->flags & KR_UNI_ISDECIMAL) && r->digit != 0xFF ? r->digit : -1;
}

int kr_uni_digit_value(uint32_t cp) {
    const KrUniRecord *r = kr_uni_rec(cp);
    return r->digit == 0xFF ? -1 : r->digit;
}

double kr_uni_numeric_value(uint32_t cp) {
    const KrUniRecord *r = kr_uni_rec(cp);
    if (r->numeric == 0 || r->numeric >= KR_UNI_COUNT(kr_uni_numeric))
        return -1.0;
    return kr_uni_numeric[r->numeric];
}

static size_t kr_uni_map(uint32_t cp, int which, uint32_t out[3]) {
    const KrUniRecord *r = kr_uni_rec(cp);
    int32_t v = r->map[which];
    if (!(r->flags & (KR_UNI_LOWER_EXT << which))) {
        // Unsigned arithmetic: wraps instead of overflowing, and record 0
        // (delta 0) maps out-of-range input to itself.
        out[0] = cp + (uint32_t)v;
        return 1;
    }
    size_t off = (size_t)(uint32_t)v;
    if (off >= KR_UNI_COUNT(kr_uni_special)) { out[0] = cp; return 1; }
    size_t n = kr_uni_special[off];
    if (n < 1 || n > 3 || n >= KR_UNI_COUNT(kr_uni_special) - off) {
        out[0] = cp;
        return 1;
    }
    for (size_t i = 0; i < n; i++) out[i] = kr_uni_special[off + 1 + i];
    return n;
}

size_t kr_uni_lower(uint32_t cp, uint32_t out[3]) { return kr_uni_map(cp, 0, out); }
size_t kr_uni_upper(uint32_t cp, uint32_t out[3]) { return kr_uni_map(cp, 1, out); }
size_t kr_uni_title(uint32_t cp, uint32_t out[3]) { return kr_uni_map(cp, 2, out); }
size_t kr_uni_casefold(uint32_t cp, uint32_t out[3]) {
    return kr_uni_map(cp, 3, out);
}
"""


def emit_c(d, t, s1, s2):
    idx0, blocks1, blocks2 = levels(t["per_cp"], s1, s2)
    ty0, w0 = ctype_for(max(idx0))
    ty1, w1 = ctype_for(max(blocks1))
    ty2, w2 = ctype_for(max(blocks2))
    total = (len(idx0) * w0 + len(blocks1) * w1 + len(blocks2) * w2
             + len(t["records"]) * RECORD_BYTES + len(t["special"]) * 4
             + len(t["numeric"]) * 8)
    flag_defs = []
    for bit, p in enumerate(FLAG_PREDICATES):
        flag_defs.append("#define KR_UNI_%s (1u << %d)" % (p.upper(), bit))
    for i, m in enumerate(MAPPINGS):
        flag_defs.append("#define KR_UNI_%s_EXT (1u << %d)"
                         % (m.upper() if m != "casefold" else "FOLD",
                            EXT_BIT0 + i))
    parts = [C_HEAD.rstrip("\n") % {
        "py": "%d.%d" % PY_VERSION, "ucd": UNIDATA_VERSION, "total": total,
        "nrec": len(t["records"]), "nspecial": len(t["special"]),
        "nnum": len(t["numeric"]), "shift1": s1, "shift2": s2,
        "flag_defs": "\n".join(flag_defs),
    }]
    rec_lines = ["static const KrUniRecord kr_uni_records[%d] = {"
                 % len(t["records"])]
    for rec in t["records"]:
        flags, lo, up, ti, fo, digit, ni = rec
        rec_lines.append("    {0x%05X, {%d, %d, %d, %d}, %d, %d},"
                         % (flags, lo, up, ti, fo, digit, ni))
    rec_lines.append("};")
    parts.append("\n".join(rec_lines))
    parts.append(c_array("uint32_t", "kr_uni_special", t["special"], 8,
                         lambda v: "0x%04X" % v))
    num_lines = ["static const double kr_uni_numeric[%d] = {"
                 % len(t["numeric"])]
    for v in t["numeric"]:
        num_lines.append("    %s, // %r" % (hexfloat(v), v))
    num_lines.append("};")
    parts.append("\n".join(num_lines))
    parts.append(c_array(ty0, "kr_uni_index0", idx0, 16))
    parts.append(c_array(ty1, "kr_uni_index1", blocks1, 16))
    parts.append(c_array(ty2, "kr_uni_index2", blocks2, 16))
    return "\n\n".join(parts) + "\n" + C_TAIL, total


# ---------------------------------------------------------------------------
# Expectations for the unit test.

def sample_points(d, t):
    """Code points listed one by one in expect.inc (the CRCs cover all)."""
    pts = set(range(0x0000, 0x0250))          # ASCII, Latin-1, Latin Ext-A/B
    ranges = [
        (0x0250, 0x0300), (0x0370, 0x0530),   # IPA, Greek, Cyrillic
        (0x0660, 0x066A), (0x06F0, 0x06FA), (0x0966, 0x0970),  # digits
        (0x09E6, 0x09FA), (0x0E50, 0x0E5A), (0x0F20, 0x0F34),
        (0x10A0, 0x1100), (0x1C90, 0x1CC0),   # Georgian, Mtavruli
        (0x13A0, 0x1400), (0xAB70, 0xABC0),   # Cherokee
        (0x1E00, 0x2000),                     # Latin Ext Additional, Greek Ext
        (0x2000, 0x2070), (0x2150, 0x2190), (0x2460, 0x2500),
        (0x2C00, 0x2C80), (0x3000, 0x3040), (0x3190, 0x31A0),
        (0xFB00, 0xFB50), (0xFE00, 0xFE10), (0xFF00, 0xFFF0),
        (0xFFF0, 0x10000),
        (0x10400, 0x10450), (0x104B0, 0x10500),  # Deseret, Osage
        (0x16E40, 0x16EA0), (0x1D7CE, 0x1D800), (0x1E900, 0x1E960),
        (0x1F100, 0x1F110), (0x1F600, 0x1F650),  # emoji
        (0xE0000, 0xE0080), (0xE0100, 0xE0110),
    ]
    for a, b in ranges:
        pts.update(range(a, b))
    pts.update([
        0x0130, 0x0131, 0x00DF, 0x1E9E, 0x03A3, 0x03C2, 0x0345,
        0x3400, 0x4DBF, 0x4DC0, 0x4E00, 0x4E01, 0x4E03, 0x4E07, 0x5341,
        0x9FFF, 0xAC00, 0xD7A3, 0xD7A4,
        0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xF8FF,
        0x20000, 0x2A6DF, 0x2A6E0, 0x2F800, 0x30000, 0x3134A, 0x3134B,
        0xF0000, 0xFFFFD, 0xFFFFE, 0x100000, 0x10FFFD, 0x10FFFE, 0x10FFFF,
    ])
    # Every multi-char mapping.
    for m in MAPPINGS:
        pts.update(cp for cp in range(NCP) if len(d[m][cp]) > 1)
    # The first code point of every run sharing one record (same flags,
    # values and case-mapping deltas): catches a misplaced block boundary.
    per_cp = t["per_cp"]
    pts.update(cp for cp in range(1, NCP) if per_cp[cp] != per_cp[cp - 1])
    # A fixed pseudo-random spread (deterministic LCG).
    x = 12345
    for _ in range(1000):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        pts.add(x % NCP)
    return sorted(pts)


def crc_streams(d):
    """CRC-32 per (function, plane) of the byte streams defined in expect.inc."""
    planes = NCP >> 16

    def per_plane(col):
        return [zlib.crc32(col[i << 16:(i + 1) << 16]) for i in range(planes)]

    out = []
    for p in PREDICATES:
        out.append((p, per_plane(bytes(d[p]))))  # bools are 0/1 ints
    for k in ("decimal", "digit"):
        out.append((k, per_plane(bytes(v & 0xFF for v in d[k]))))
    nums = array.array("d", (-1.0 if v is None else v for v in d["numeric"]))
    if sys.byteorder != "little":
        nums.byteswap()
    out.append(("numeric", [zlib.crc32(nums[i << 16:(i + 1) << 16].tobytes())
                            for i in range(planes)]))
    for m in MAPPINGS:
        crcs = []
        for i in range(planes):
            col = d[m][i << 16:(i + 1) << 16]
            crc = zlib.crc32(bytes(map(len, col)))
            crc = zlib.crc32("".join(col).encode("utf-32-le", "surrogatepass"),
                             crc)
            crcs.append(crc)
        out.append((m, crcs))
    return out


def emit_expect(d, t):
    pts = sample_points(d, t)
    lines = [
        "// expect.inc: expected results for tests/unit/test_unicode.c.",
        "// GENERATED by tools/gen_unicode.py from Python %d.%d (Unicode %s)."
        % (PY_VERSION + (UNIDATA_VERSION,)),
        "// Do not edit.",
        "//",
        "// EXPECT_PREDICATES lists the predicates in bit order of a row's",
        "// 'preds' word. A row: code point, preds, decimal, digit, numeric",
        "// (-1 = none), then {lower, upper, title, casefold}, each as",
        "// {count, {code points}}.",
        "//",
        "// EXPECT_CRC covers every code point 0..0x10FFFF: for each function",
        "// and each plane, the CRC-32 (zlib's) of the byte stream made of",
        "// one byte per code point for a predicate (0/1) or for a decimal/",
        "// digit value (value & 0xFF); eight bytes (IEEE double, little",
        "// endian, -1.0 for none) for numeric; and for a case mapping the",
        "// plane's 65536 count bytes followed by all its result code points",
        "// as 4 bytes little endian each.",
        "",
        "#define EXPECT_PREDICATES(X) \\",
    ]
    lines += ["    X(%s) \\" % p for p in PREDICATES]
    lines.append("")
    lines.append("#define EXPECT_NROWS %d" % len(pts))
    lines.append("#define EXPECT_ROWS \\")
    for cp in pts:
        preds = 0
        for bit, p in enumerate(PREDICATES):
            if d[p][cp]:
                preds |= 1 << bit
        nv = d["numeric"][cp]
        fields = ["0x%X" % cp, "0x%X" % preds, str(d["decimal"][cp]),
                  str(d["digit"][cp]),
                  "-1" if nv is None else hexfloat(nv)]
        maps = ["{%d,{%s}}" % (len(d[m][cp]), ",".join(
            "0x%X" % ord(c) for c in d[m][cp])) for m in MAPPINGS]
        fields.append("{%s}" % ",".join(maps))
        lines.append("    {%s}, \\" % ",".join(fields))
    lines.append("")
    lines.append("#define EXPECT_NPLANES %d" % (NCP >> 16))
    lines.append("#define EXPECT_CRC \\")
    for name, crcs in crc_streams(d):
        lines.append("    {\"%s\", {%s}}, \\"
                     % (name, ", ".join("0x%08X" % c for c in crcs)))
    lines.append("")
    lines.append("// end of expect.inc")
    lines.append("")
    return "\n".join(lines)


def main(argv):
    check = "--check" in argv
    if sys.version_info[:2] != PY_VERSION or \
            unicodedata.unidata_version != UNIDATA_VERSION:
        fail("needs Python %d.%d with Unicode %s; this is Python %s with "
             "Unicode %s (the tables must match the CPython krait imitates)"
             % (PY_VERSION + (UNIDATA_VERSION,
                              sys.version.split()[0],
                              unicodedata.unidata_version)))
    d = collect()
    t = build(d)
    if "--search" in argv:
        search(t["per_cp"])
        return 0
    c_text, total = emit_c(d, t, SHIFT1, SHIFT2)
    outputs = [(OUT_C, c_text), (OUT_EXPECT, emit_expect(d, t))]
    if check:
        bad = 0
        for path, text in outputs:
            try:
                with open(path, encoding="utf-8", newline="") as f:
                    old = f.read()
            except OSError:
                old = None
            if old != text:
                sys.stderr.write(
                    "gen_unicode.py: %s is out of date; run "
                    "python3 tools/gen_unicode.py\n"
                    % os.path.relpath(path, ROOT))
                bad = 1
        return bad
    for path, text in outputs:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    print("wrote %s (%d bytes of tables) and %s"
          % (os.path.relpath(OUT_C, ROOT), total,
             os.path.relpath(OUT_EXPECT, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
