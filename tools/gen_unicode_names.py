#!/usr/bin/env python3
"""Generate krait's Unicode character-name table (for \\N{...} escapes).

Every name, alias and algorithmic rule is read from python3 itself
(unicodedata and its unicode_escape codec), so krait's \\N{} accepts exactly
the names CPython 3.11 accepts.  Nothing is typed in by hand except the
list of alias *names* below: unicodedata can look an alias up but cannot
list them, so the candidates are written out and every one is checked
with python3 (a candidate python3 does not take as an alias stops the
script).

Writes two files, deterministically:
  src/unicode_names.c                         tables + the lookup function
  tests/unit/unicode_names_data/expect.inc    expectations for
                                              tests/unit/test_unicode_names.c

Usage:
  python3 tools/gen_unicode_names.py            regenerate both files
  python3 tools/gen_unicode_names.py --check    exit 1 if a checked-in file
                                                differs
  python3 tools/gen_unicode_names.py --stats    print sizes for other
                                                encoding parameters

Encoding (see also the comments written into the C file): the names are
sorted and cut into blocks of BLOCK names.  Within a block each name is
front-coded against the one before it (how many leading characters it
keeps, then the rest) and the rest is a list of tokens: a literal name
character or a reference to a frequent word.  The code point is stored as
the difference from the previous name's.  Every byte of a record is
printable ASCII where possible, so the data is written as a C string
literal at about one source character per byte.  A lookup binary-searches
the blocks by their first name and decodes one block.
"""

import codecs
import os
import re
import sys
import unicodedata
import zlib

PY_VERSION = (3, 11)
UNIDATA_VERSION = "14.0.0"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_C = os.path.join(ROOT, "src", "unicode_names.c")
OUT_EXPECT = os.path.join(ROOT, "tests", "unit", "unicode_names_data",
                          "expect.inc")

NCP = 0x110000
HANGUL_PREFIX = "HANGUL SYLLABLE "
CJK_PREFIX = "CJK UNIFIED IDEOGRAPH-"
NAME_CHARS = " -0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

# Names per block: the binary search is over blocks, then up to BLOCK-1
# names are decoded one after the other.
BLOCK = 32
# Word references: TIER1 one-byte codes, and NLEAD lead bytes each
# followed by one printable byte (95 words per lead).  Chosen with --stats.
TIER1 = 41
NLEAD = 16
TOKEN_RE = re.compile(r" ?[A-Z0-9]+|[ -]")
# Header bytes and the final byte of a number are stored as value + BIAS.
BIAS = 0x20

# The formal name aliases of Unicode 14.0 (NameAliases.txt), without the
# VS1..VS256 abbreviations, which are added in collect().  Names only,
# separated by ';': the code point of each comes from python3, and a name
# python3 does not take as an alias stops the script.  A missing alias
# cannot be noticed that way, so when krait moves to a newer CPython, add
# the aliases its Unicode version added.
ALIAS_NAMES = """
NULL; NUL; START OF HEADING; SOH; START OF TEXT; STX; END OF TEXT; ETX;
END OF TRANSMISSION; EOT; ENQUIRY; ENQ; ACKNOWLEDGE; ACK; ALERT; BEL;
BACKSPACE; BS; CHARACTER TABULATION; HORIZONTAL TABULATION; HT; TAB;
LINE FEED; NEW LINE; END OF LINE; EOL; LF; NL; LINE TABULATION;
VERTICAL TABULATION; VT; FORM FEED; FF; CARRIAGE RETURN; CR; SHIFT OUT;
LOCKING-SHIFT ONE; SO; SHIFT IN; LOCKING-SHIFT ZERO; SI; DATA LINK ESCAPE;
DLE; DEVICE CONTROL ONE; DC1; DEVICE CONTROL TWO; DC2; DEVICE CONTROL THREE;
DC3; DEVICE CONTROL FOUR; DC4; NEGATIVE ACKNOWLEDGE; NAK; SYNCHRONOUS IDLE;
SYN; END OF TRANSMISSION BLOCK; ETB; CANCEL; CAN; END OF MEDIUM; EOM;
SUBSTITUTE; SUB; ESCAPE; ESC; INFORMATION SEPARATOR FOUR; FILE SEPARATOR;
FS; INFORMATION SEPARATOR THREE; GROUP SEPARATOR; GS;
INFORMATION SEPARATOR TWO; RECORD SEPARATOR; RS; INFORMATION SEPARATOR ONE;
UNIT SEPARATOR; US; SP; DELETE; DEL; PADDING CHARACTER; PAD;
HIGH OCTET PRESET; HOP; BREAK PERMITTED HERE; BPH; NO BREAK HERE; NBH;
INDEX; IND; NEXT LINE; NEL; START OF SELECTED AREA; SSA;
END OF SELECTED AREA; ESA; CHARACTER TABULATION SET;
HORIZONTAL TABULATION SET; HTS; CHARACTER TABULATION WITH JUSTIFICATION;
HORIZONTAL TABULATION WITH JUSTIFICATION; HTJ; LINE TABULATION SET;
VERTICAL TABULATION SET; VTS; PARTIAL LINE FORWARD; PARTIAL LINE DOWN; PLD;
PARTIAL LINE BACKWARD; PARTIAL LINE UP; PLU; REVERSE LINE FEED;
REVERSE INDEX; RI; SINGLE SHIFT TWO; SINGLE-SHIFT-2; SS2;
SINGLE SHIFT THREE; SINGLE-SHIFT-3; SS3; DEVICE CONTROL STRING; DCS;
PRIVATE USE ONE; PRIVATE USE-1; PU1; PRIVATE USE TWO; PRIVATE USE-2; PU2;
SET TRANSMIT STATE; STS; CANCEL CHARACTER; CCH; MESSAGE WAITING; MW;
START OF GUARDED AREA; START OF PROTECTED AREA; SPA; END OF GUARDED AREA;
END OF PROTECTED AREA; EPA; START OF STRING; SOS;
SINGLE GRAPHIC CHARACTER INTRODUCER; SGC; SINGLE CHARACTER INTRODUCER; SCI;
CONTROL SEQUENCE INTRODUCER; CSI; STRING TERMINATOR; ST;
OPERATING SYSTEM COMMAND; OSC; PRIVACY MESSAGE; PM;
APPLICATION PROGRAM COMMAND; APC; NBSP; SHY; LATIN CAPITAL LETTER GHA;
LATIN SMALL LETTER GHA; CGJ; ALM; SYRIAC SUBLINEAR COLON SKEWED LEFT;
KANNADA LETTER LLLA; LAO LETTER FO FON; LAO LETTER FO FAY; LAO LETTER RO;
LAO LETTER LO; TIBETAN MARK BKA- SHOG GI MGO RGYAN;
HANGUL JONGSEONG YESIEUNG-KIYEOK; HANGUL JONGSEONG YESIEUNG-SSANGKIYEOK;
HANGUL JONGSEONG SSANGYESIEUNG; HANGUL JONGSEONG YESIEUNG-KHIEUKH; FVS1;
FVS2; FVS3; MVS; FVS4; ZWSP; ZWNJ; ZWJ; LRM; RLM; LRE; RLE; PDF; LRO; RLO;
NNBSP; MMSP; WJ; LRI; RLI; FSI; PDI; WEIERSTRASS ELLIPTIC FUNCTION;
MICR ON US SYMBOL; MICR DASH SYMBOL;
LEFTWARDS TRIANGLE-HEADED ARROW WITH DOUBLE VERTICAL STROKE;
RIGHTWARDS TRIANGLE-HEADED ARROW WITH DOUBLE VERTICAL STROKE;
YI SYLLABLE ITERATION MARK; MYANMAR LETTER KHAMTI LLA;
PRESENTATION FORM FOR VERTICAL RIGHT WHITE LENTICULAR BRACKET;
BYTE ORDER MARK; BOM; ZWNBSP; CUNEIFORM SIGN NU11 TENU;
CUNEIFORM SIGN NU11 OVER NU11 BUR OVER BUR; MEDEFAIDRIN CAPITAL LETTER H;
MEDEFAIDRIN CAPITAL LETTER NG; MEDEFAIDRIN SMALL LETTER H;
MEDEFAIDRIN SMALL LETTER NG; HENTAIGANA LETTER E-1;
BYZANTINE MUSICAL SYMBOL FTHORA SKLIRON CHROMA VASIS
"""
NUM_VS = 256  # VS1..VS256 (variation selectors); VS257 must not exist

# A few named sequences (NamedSequences.txt): unicodedata.lookup takes
# them but \N{} must not.  Only used as test probes; python3 confirms both.
NAMED_SEQUENCES = [
    "KEYCAP NUMBER SIGN", "KEYCAP DIGIT ZERO",
    "LATIN CAPITAL LETTER S WITH VERTICAL LINE BELOW",
    "LATIN CAPITAL LETTER M WITH TILDE", "DEVANAGARI SEQUENCE FOR LETTER QA",
    "TAMIL CONSONANT Y", "TAMIL SYLLABLE NGE", "TAMIL SYLLABLE KSSII",
    "KHMER CONSONANT SIGN COENG THA", "KATAKANA LETTER BIDAKUON NGA",
    "GEORGIAN LETTER U-BRJGU",
]


def fail(msg):
    sys.stderr.write("gen_unicode_names.py: %s\n" % msg)
    sys.exit(1)


def escape_decode(name):
    """What CPython's \\N{name} gives: a code point, or None if rejected.

    `name` is bytes; this is the codec behind string literals (CPython's
    parser turns non-ASCII source characters into \\U escapes first, which
    no name matches either; see escape_literal)."""
    try:
        s, _ = codecs.unicode_escape_decode(b"\\N{" + name + b"}")
    except UnicodeDecodeError:
        return None
    if len(s) != 1:
        fail("\\N{%r} decoded to %d characters" % (name, len(s)))
    return ord(s)


def escape_literal(name):
    """Same as escape_decode, through a real string literal (str names)."""
    try:
        s = eval('"\\N{%s}"' % name)
    except SyntaxError:
        return None
    return ord(s)


def collect():
    """Names, aliases and the algorithmic rules, all read from python3."""
    names = {}   # name -> code point (names and aliases, no algorithmic ones)
    cjk = []     # code points named CJK UNIFIED IDEOGRAPH-<hex>
    hangul = {}  # code point -> name
    for cp in range(NCP):
        n = unicodedata.name(chr(cp), None)
        if n is None:
            continue
        if n.startswith(CJK_PREFIX):
            if n != CJK_PREFIX + "%04X" % cp:
                fail("unexpected ideograph name %r at U+%04X" % (n, cp))
            cjk.append(cp)
        elif n.startswith(HANGUL_PREFIX):
            hangul[cp] = n
        else:
            names[n] = cp
    nalias = 0
    aliases = [a.strip() for a in ALIAS_NAMES.split(";")]
    aliases += ["VS%d" % i for i in range(1, NUM_VS + 1)]
    for a in aliases:
        try:
            ch = unicodedata.lookup(a)
        except KeyError:
            fail("alias %r is not known to this python3" % a)
        if len(ch) != 1 or unicodedata.name(ch, None) == a or a in names:
            fail("%r is not an alias of one character" % a)
        names[a] = ord(ch)
        nalias += 1
    if escape_decode(b"VS%d" % (NUM_VS + 1)) is not None:
        fail("VS%d exists: raise NUM_VS" % (NUM_VS + 1))

    for n, cp in names.items():
        if not n or any(c not in NAME_CHARS for c in n):
            fail("name %r has unexpected characters" % n)
        up = n.upper()
        if up.startswith(HANGUL_PREFIX) or up.startswith(CJK_PREFIX):
            fail("name %r would be shadowed by an algorithmic rule" % n)
        # The \N{} escape itself must give the same character.
        if escape_decode(n.encode()) != cp:
            fail("\\N{%s} is not U+%04X" % (n, cp))

    # CJK unified ideographs: ranges of consecutive code points.
    ranges = []
    for cp in cjk:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    if any(b > 0xFFFFF for a, b in ranges):
        fail("ideograph above U+FFFFF: the 4-or-5 hex digit rule breaks")

    jamo = hangul_jamo(hangul)
    return {"names": names, "nalias": nalias, "cjk": ranges,
            "hangul": hangul, "jamo": jamo}


def hangul_jamo(hangul):
    """Split the Hangul syllable names into their L, V and T parts.

    The layout (syllable = base + (L * VCOUNT + V) * TCOUNT + T) is read
    off the canonical decompositions, and the short jamo names off the
    syllable names; every syllable name is then rebuilt and compared."""
    cps = sorted(hangul)
    base = cps[0]
    if cps != list(range(base, base + len(cps))):
        fail("Hangul syllables are not one range")
    parts = {}
    for cp in cps:
        d = unicodedata.normalize("NFD", chr(cp))
        if len(d) not in (2, 3):
            fail("U+%04X decomposes into %d jamo" % (cp, len(d)))
        parts[cp] = [ord(c) for c in d]
    lbase, vbase = parts[base]
    tbase = parts[base + 1][2] - 1
    lv = {}
    for cp in cps:
        p = parts[cp]
        lv[cp] = (p[0] - lbase, p[1] - vbase, p[2] - tbase if len(p) == 3 else 0)
    lcount = max(x[0] for x in lv.values()) + 1
    vcount = max(x[1] for x in lv.values()) + 1
    tcount = max(x[2] for x in lv.values()) + 1
    if lcount * vcount * tcount != len(cps):
        fail("Hangul counts do not multiply out")
    for cp in cps:
        l, v, t = lv[cp]
        if cp - base != (l * vcount + v) * tcount + t:
            fail("Hangul layout differs at U+%04X" % cp)

    def tail(l, v, t):
        return hangul[base + (l * vcount + v) * tcount + t][len(HANGUL_PREFIX):]

    tnames = [tail(0, 0, t)[len(tail(0, 0, 0)):] for t in range(tcount)]
    lnames = []
    for l in range(lcount):
        col = [tail(l, v, 0) for v in range(vcount)]
        lnames.append(os.path.commonprefix(col))
    vnames = [tail(0, v, 0)[len(lnames[0]):] for v in range(vcount)]
    for cp in cps:
        l, v, t = lv[cp]
        if hangul[cp] != HANGUL_PREFIX + lnames[l] + vnames[v] + tnames[t]:
            fail("cannot rebuild the name of U+%04X" % cp)
    for col in (lnames, vnames, tnames):
        for s in col:
            if any(c not in NAME_CHARS[12:] for c in s):
                fail("jamo name %r is not A-Z" % s)
    return {"base": base, "l": lnames, "v": vnames, "t": tnames}


# ---------------------------------------------------------------------------
# Encoding.

def printable_codes():
    """Printable bytes that are not name characters, cheapest first."""
    costly = [ord('"'), ord("\\"), ord("?")]
    codes = [b for b in range(0x20, 0x7F)
             if chr(b) not in NAME_CHARS and b not in costly]
    return codes + costly


def zigzag(v):
    return v * 2 if v >= 0 else -v * 2 - 1


def put_number(out, v):
    """A non-negative number as printable bytes: leading digits base 32 in
    0x60..0x7F, the last digit base 64 in 0x20..0x5F."""
    digits = [v & 63]
    v >>= 6
    while v:
        digits.append(v & 31)
        v >>= 5
    for d in reversed(digits[1:]):
        out.append(0x60 + d)
    out.append(BIAS + digits[0])


def front_code(sorted_names, block):
    """(keep, suffix) per name: keep = characters shared with the name
    before it in its block (0 for a block's first name)."""
    res = []
    for i, n in enumerate(sorted_names):
        k = 0
        if i % block:
            p = sorted_names[i - 1]
            m = min(len(n), len(p))
            while k < m and n[k] == p[k]:
                k += 1
        res.append((k, n[k:]))
    return res


def choose_words(fronts, tier1, nlead):
    counts = {}
    for _, suf in fronts:
        for w in TOKEN_RE.findall(suf):
            counts[w] = counts.get(w, 0) + 1
    # Ties broken by the word itself so the output is deterministic.
    by1 = sorted(counts, key=lambda w: (-(len(w) - 1) * counts[w], w))
    t1 = [w for w in by1[:tier1] if len(w) > 1]
    rest = [w for w in counts if w not in set(t1)]
    by2 = sorted(rest, key=lambda w: (-(len(w) - 2) * counts[w], w))
    t2 = [w for w in by2[:nlead * 95] if len(w) > 2]
    # Most frequent tier-1 words get the cheapest codes.
    t1.sort(key=lambda w: (-counts[w], w))
    return t1, t2


def encode(names, block=BLOCK, tier1=TIER1, nlead=NLEAD):
    snames = sorted(names)
    fronts = front_code(snames, block)
    t1, t2 = choose_words(fronts, tier1, nlead)
    codes = printable_codes()
    if tier1 + nlead > len(codes):
        fail("TIER1 + NLEAD exceeds the %d printable codes" % len(codes))
    words = t1 + t2
    word_id = {w: i for i, w in enumerate(words)}
    # Per byte < 128: 0xFF literal name character, 0xFE invalid,
    # < tier1 a tier-1 word, 0x80 + i lead byte i.
    kind = [0xFE] * 128
    for c in NAME_CHARS:
        kind[ord(c)] = 0xFF
    for i in range(tier1):
        kind[codes[i]] = i
    for i in range(nlead):
        kind[codes[tier1 + i]] = 0x80 + i

    data = bytearray()
    block_off = []
    prev_cp = 0
    for i, (name, (keep, suf)) in enumerate(zip(snames, fronts)):
        if i % block == 0:
            block_off.append(len(data))
            prev_cp = 0
        toks = TOKEN_RE.findall(suf)
        if "".join(toks) != suf:
            fail("cannot tokenize %r" % name)
        coded = []  # one bytes object per token
        for w in toks:
            wi = word_id.get(w)
            if wi is None:
                coded.extend(c.encode() for c in w)
            elif wi < len(t1):
                coded.append(bytes([codes[wi]]))
            else:
                j = wi - len(t1)
                coded.append(bytes([codes[tier1 + j // 95], 0x20 + j % 95]))
        if keep + BIAS > 0x7E or len(coded) + BIAS > 0x7E:
            fail("name %r too long for one header byte" % name)
        data.append(BIAS + keep)
        data.append(BIAS + len(coded))
        cp = names[name]
        # Differences of 1 are the most common: store delta - 1.
        put_number(data, zigzag(cp - prev_cp - 1))
        prev_cp = cp
        data.extend(b"".join(coded))
    blob = "".join(words)
    if len(blob) >= 1 << 16:
        fail("word table too large for 16-bit offsets")
    word_off = [0]
    for w in words:
        word_off.append(word_off[-1] + len(w))
    return {"sorted": snames, "data": bytes(data), "block_off": block_off,
            "words": words, "word_off": word_off, "blob": blob,
            "kind": kind, "tier1": len(t1), "nlead": nlead}


def c_escape(data):
    """Pieces of a C string literal, one per byte.  '?' is escaped so no
    trigraph can form; octal escapes always have three digits so a digit
    after one is not swallowed."""
    out = []
    for b in data:
        if b == 0x22:
            out.append('\\"')
        elif b == 0x5C:
            out.append("\\\\")
        elif b == 0x3F:
            out.append("\\?")
        elif 0x20 <= b <= 0x7E:
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return out


def c_string(ctype, name, data, width=100):
    lines = ["static const %s %s[] =" % (ctype, name)]
    cur = ""
    for piece in c_escape(data):
        if len(cur) + len(piece) > width:
            lines.append('    "%s"' % cur)
            cur = ""
        cur += piece
    lines.append('    "%s";' % cur)
    return "\n".join(lines)


def c_array(ctype, name, values, per_line, fmt=str, inner=""):
    """A const array; `inner` is the declarator's inner dimension, if any."""
    out = ["static const %s %s[%d]%s = {" % (ctype, name, len(values), inner)]
    for i in range(0, len(values), per_line):
        out.append("    " + ", ".join(fmt(v) for v in values[i:i + per_line])
                   + ",")
    out.append("};")
    return "\n".join(out)


def c_source_size(e):
    """Approximate C source characters of the encoded tables (--stats)."""
    return (sum(map(len, c_escape(e["data"]))) + len(e["blob"])
            + 7 * len(e["block_off"]) + 6 * len(e["word_off"]))


def stats(names):
    for block in (16, 32, 64):
        for tier1, nlead in ((57, 0), (49, 8), (41, 16), (33, 24), (25, 32)):
            e = encode(names, block, tier1, nlead)
            nbytes = (len(e["data"]) + len(e["blob"]) + 2 * len(e["word_off"])
                      + 4 * len(e["block_off"]))
            print("BLOCK=%2d TIER1=%2d NLEAD=%2d: %6d bytes, ~%6d source chars"
                  % (block, tier1, nlead, nbytes, c_source_size(e)))


C_HEAD = """\
// unicode_names.c: Unicode character names, for \\N{...} escapes.
// GENERATED by tools/gen_unicode_names.py from Python %(py)s (Unicode
// %(ucd)s) unicodedata. Do not edit: change the script and rerun it.
// Tables: %(total)d bytes: %(nnames)d names (%(nalias)d of them aliases) in
// %(nblocks)d blocks of %(block)d, %(nwords)d words. The CJK unified ideograph
// and Hangul syllable names are computed, as in CPython.
#include "unicode_names.h"

#include <string.h>

// Longest name \\N{} accepts; longer input is rejected unread.
#define KR_UNI_NAME_MAX %(maxlen)d
#define KR_UNI_NAME_COUNT %(nnames)d
#define KR_UNI_NAME_BLOCK %(block)d
// Header bytes and the last digit of a number are stored as value + BIAS.
#define KR_UNI_NAME_BIAS 0x%(bias)02X
#define KR_UNI_TIER1 %(tier1)d
#define KR_UNI_NLEAD %(nlead)d
#define KR_UNI_TOK_CHAR 0xFF  // kr_uni_tok: literal name character
#define KR_UNI_TOK_LEAD 0x80  // kr_uni_tok: lead byte 0x80 + i

#define KR_UNI_HANGUL_BASE 0x%(hbase)04X
#define KR_UNI_HANGUL_L %(hl)d
#define KR_UNI_HANGUL_V %(hv)d
#define KR_UNI_HANGUL_T %(ht)d
"""

C_LAYOUT = """\
// The names (and aliases) sorted bytewise, in blocks of KR_UNI_NAME_BLOCK;
// kr_uni_name_block[b] is where block b starts in kr_uni_name_data. A
// record is:
//   keep + BIAS       characters kept from the previous name (0 at a
//                     block's start)
//   ntok + BIAS       number of tokens that follow the code point
//   code point        zigzag(cp - previous cp - 1) (previous is 0 at a
//                     block's start), as digits 0x60 + d (base 32) ended
//                     by one digit BIAS + d (base 64)
//   ntok tokens       per kr_uni_tok: a name character stands for itself,
//                     a tier-1 code for word n, a lead byte i followed by
//                     a byte c for word TIER1 + 95 * i + (c - 0x20)
// Word w is kr_uni_words[kr_uni_word_off[w] .. kr_uni_word_off[w + 1])."""

C_TAIL = r"""
#define KR_UNI_COUNT(a) (sizeof(a) / sizeof((a)[0]))

// Decoding state: one name of the table and where the next record starts.
typedef struct KrUniCursor {
    size_t pos;
    size_t len;
    uint32_t cp;
    char name[KR_UNI_NAME_MAX];
} KrUniCursor;

static void kr_uni_cursor_start(KrUniCursor *c, size_t block) {
    c->pos = kr_uni_name_block[block];
    c->len = 0;
    c->cp = 0;
}

static bool kr_uni_append_word(KrUniCursor *c, size_t w) {
    if (w + 1 >= KR_UNI_COUNT(kr_uni_word_off)) return false;
    size_t a = kr_uni_word_off[w], b = kr_uni_word_off[w + 1];
    if (a > b || b > sizeof kr_uni_words - 1 || b - a > KR_UNI_NAME_MAX - c->len)
        return false;
    memcpy(c->name + c->len, kr_uni_words + a, b - a);
    c->len += b - a;
    return true;
}

// Decodes the next record over the previous name. Every read is checked,
// although the generator writes only valid records: a corrupted table then
// gives "not found", never a read out of bounds.
static bool kr_uni_cursor_next(KrUniCursor *c) {
    const unsigned char *d = kr_uni_name_data;
    const size_t end = sizeof kr_uni_name_data - 1;  // without the NUL
    if (c->pos >= end || end - c->pos < 3) return false;
    if (d[c->pos] < KR_UNI_NAME_BIAS || d[c->pos + 1] < KR_UNI_NAME_BIAS) return false;
    size_t keep = d[c->pos] - KR_UNI_NAME_BIAS;
    size_t ntok = d[c->pos + 1] - KR_UNI_NAME_BIAS;
    c->pos += 2;
    if (keep > c->len) return false;
    c->len = keep;
    uint32_t z = 0;
    for (int k = 0;; k++) {
        if (k == 5 || c->pos >= end) return false;
        unsigned b = d[c->pos++];
        if (b >= 0x60 && b <= 0x7F) {
            z = z * 32 + (b - 0x60);
            continue;
        }
        if (b < KR_UNI_NAME_BIAS || b >= KR_UNI_NAME_BIAS + 64) return false;
        z = z * 64 + (b - KR_UNI_NAME_BIAS);
        break;
    }
    // Undo zigzag; unsigned wrap-around is intended and range-checked.
    uint32_t delta = (z & 1) ? ~(z >> 1) : (z >> 1);
    uint32_t cp = c->cp + delta + 1;
    if (cp > 0x10FFFF) return false;
    c->cp = cp;
    for (size_t t = 0; t < ntok; t++) {
        if (c->pos >= end) return false;
        unsigned b = d[c->pos++];
        unsigned k = b < 128 ? kr_uni_tok[b] : 0xFE;
        if (k == KR_UNI_TOK_CHAR) {
            if (c->len >= KR_UNI_NAME_MAX) return false;
            c->name[c->len++] = (char)b;
        } else if (k < KR_UNI_TIER1) {
            if (!kr_uni_append_word(c, k)) return false;
        } else if (k >= KR_UNI_TOK_LEAD && k < KR_UNI_TOK_LEAD + KR_UNI_NLEAD) {
            if (c->pos >= end) return false;
            unsigned s = d[c->pos++];
            if (s < 0x20 || s > 0x7E) return false;
            if (!kr_uni_append_word(c, KR_UNI_TIER1 + 95 * (k - KR_UNI_TOK_LEAD) + (s - 0x20)))
                return false;
        } else {
            return false;
        }
    }
    return true;
}

static int kr_uni_cmp(const char *a, size_t an, const char *b, size_t bn) {
    int r = memcmp(a, b, an < bn ? an : bn);
    if (r != 0) return r;
    return an < bn ? -1 : an > bn;
}

// Table lookup of an upper-cased name: the last block whose first name is
// <= q, then the names of that block in order.
static bool kr_uni_table_lookup(const char *q, size_t n, uint32_t *cp) {
    size_t lo = 0, hi = KR_UNI_COUNT(kr_uni_name_block);
    KrUniCursor c;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        kr_uni_cursor_start(&c, mid);
        if (!kr_uni_cursor_next(&c)) return false;
        if (kr_uni_cmp(c.name, c.len, q, n) <= 0) lo = mid;
        else hi = mid;
    }
    kr_uni_cursor_start(&c, lo);
    for (size_t i = lo * KR_UNI_NAME_BLOCK;
         i < KR_UNI_NAME_COUNT && i < (lo + 1) * KR_UNI_NAME_BLOCK; i++) {
        if (!kr_uni_cursor_next(&c)) return false;
        int r = kr_uni_cmp(c.name, c.len, q, n);
        if (r == 0) {
            *cp = c.cp;
            return true;
        }
        if (r > 0) break;
    }
    return false;
}

// Longest jamo name of one column that starts s[0..n), as CPython picks it
// (the first of equally long ones); -1 when none does. Case-sensitive.
static int kr_uni_jamo(const char (*col)[4], int count, const char *s, size_t n,
                       size_t *used) {
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < count; i++) {
        size_t m = strlen(col[i]);
        if ((best >= 0 && m <= best_len) || m > n) continue;
        if (memcmp(s, col[i], m) == 0) {
            best = i;
            best_len = m;
        }
    }
    *used = best_len;
    return best;
}

// "HANGUL SYLLABLE " + L + V + T, s[0..n) being the part after the prefix.
static bool kr_uni_hangul(const char *s, size_t n, uint32_t *cp) {
    size_t a, b, t;
    int l = kr_uni_jamo(kr_uni_jamo_l, KR_UNI_HANGUL_L, s, n, &a);
    if (l < 0) return false;
    int v = kr_uni_jamo(kr_uni_jamo_v, KR_UNI_HANGUL_V, s + a, n - a, &b);
    if (v < 0) return false;
    int tt = kr_uni_jamo(kr_uni_jamo_t, KR_UNI_HANGUL_T, s + a + b, n - a - b, &t);
    if (tt < 0 || a + b + t != n) return false;
    *cp = KR_UNI_HANGUL_BASE
          + ((uint32_t)l * KR_UNI_HANGUL_V + (uint32_t)v) * KR_UNI_HANGUL_T + (uint32_t)tt;
    return true;
}

// "CJK UNIFIED IDEOGRAPH-" + 4 or 5 hex digits (upper-case A-F only, as
// in CPython).
static bool kr_uni_cjk(const char *s, size_t n, uint32_t *cp) {
    if (n != 4 && n != 5) return false;
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch >= '0' && ch <= '9') v = v * 16 + (uint32_t)(ch - '0');
        else if (ch >= 'A' && ch <= 'F') v = v * 16 + (uint32_t)(ch - 'A' + 10);
        else return false;
    }
    for (size_t i = 0; i < KR_UNI_COUNT(kr_uni_cjk_ranges); i++) {
        if (v >= kr_uni_cjk_ranges[i][0] && v <= kr_uni_cjk_ranges[i][1]) {
            *cp = v;
            return true;
        }
    }
    return false;
}

bool kr_uni_lookup_name(const char *name, size_t len, uint32_t *cp) {
    if (name == NULL || cp == NULL || len == 0 || len > KR_UNI_NAME_MAX) return false;
    // CPython upper-cases ASCII letters only, so other bytes never match.
    char up[KR_UNI_NAME_MAX];
    for (size_t i = 0; i < len; i++) {
        char ch = name[i];
        up[i] = ch >= 'a' && ch <= 'z' ? (char)(ch - 'a' + 'A') : ch;
    }
    // The algorithmic names come first and are final, and unlike the
    // stored names they are case-sensitive, prefix included, as in CPython
    // 3.11 (no stored name starts with either prefix in any case).
    static const char hangul[] = "HANGUL SYLLABLE ";
    static const char cjk[] = "CJK UNIFIED IDEOGRAPH-";
    size_t hn = sizeof hangul - 1, cn = sizeof cjk - 1;
    if (len >= hn && memcmp(name, hangul, hn) == 0)
        return kr_uni_hangul(name + hn, len - hn, cp);
    if (len >= cn && memcmp(name, cjk, cn) == 0)
        return kr_uni_cjk(name + cn, len - cn, cp);
    return kr_uni_table_lookup(up, len, cp);
}

size_t kr_uni_name_count(void) { return KR_UNI_NAME_COUNT; }

bool kr_uni_name_entry(size_t index, char *buf, size_t cap, size_t *len, uint32_t *cp) {
    if (index >= KR_UNI_NAME_COUNT) return false;
    size_t block = index / KR_UNI_NAME_BLOCK;
    if (block >= KR_UNI_COUNT(kr_uni_name_block)) return false;
    KrUniCursor c;
    kr_uni_cursor_start(&c, block);
    for (size_t i = block * KR_UNI_NAME_BLOCK; i <= index; i++)
        if (!kr_uni_cursor_next(&c)) return false;
    if (cap <= c.len) return false;
    memcpy(buf, c.name, c.len);
    buf[c.len] = '\0';
    *len = c.len;
    *cp = c.cp;
    return true;
}
"""


def max_accepted_len(t):
    jamo = t["jamo"]
    hangul = len(HANGUL_PREFIX) + max(map(len, jamo["l"])) \
        + max(map(len, jamo["v"])) + max(map(len, jamo["t"]))
    return max(max(map(len, t["names"])), hangul, len(CJK_PREFIX) + 5)


def emit_c(t, e):
    jamo = t["jamo"]
    total = (len(e["data"]) + 1 + len(e["blob"]) + 1 + 2 * len(e["word_off"])
             + 4 * len(e["block_off"]) + len(e["kind"])
             + 8 * len(t["cjk"]) + 4 * (len(jamo["l"]) + len(jamo["v"])
                                        + len(jamo["t"])))
    parts = [C_HEAD.rstrip("\n") % {
        "py": "%d.%d" % PY_VERSION, "ucd": UNIDATA_VERSION, "total": total,
        "nnames": len(t["names"]), "nalias": t["nalias"],
        "nwords": len(e["words"]), "nblocks": len(e["block_off"]),
        "block": BLOCK, "maxlen": max_accepted_len(t), "bias": BIAS,
        "tier1": e["tier1"], "nlead": e["nlead"], "hbase": jamo["base"],
        "hl": len(jamo["l"]), "hv": len(jamo["v"]), "ht": len(jamo["t"]),
    }]
    parts.append(C_LAYOUT)
    parts.append(c_array("uint8_t", "kr_uni_tok", e["kind"], 16,
                         lambda v: "0x%02X" % v))
    parts.append(c_array("uint16_t", "kr_uni_word_off", e["word_off"], 12))
    parts.append(c_string("char", "kr_uni_words", e["blob"].encode()))
    parts.append(c_array("uint32_t", "kr_uni_name_block", e["block_off"], 10))
    parts.append(c_string("unsigned char", "kr_uni_name_data", e["data"]))
    parts.append("// Code points named CJK UNIFIED IDEOGRAPH-<hex>, first and last.\n"
                 + c_array("uint32_t", "kr_uni_cjk_ranges", t["cjk"], 4,
                           lambda r: "{0x%05X, 0x%05X}" % tuple(r), "[2]"))
    jl = ["// Short jamo names of Hangul syllable names (L, V, T parts)."]
    for col in ("l", "v", "t"):
        jl.append(c_array("char", "kr_uni_jamo_" + col, jamo[col], 10,
                          lambda s: '"%s"' % s, "[4]"))
    parts.append("\n".join(jl))
    if max(len(s) for c in ("l", "v", "t") for s in jamo[c]) > 3:
        fail("jamo name longer than 3 characters")
    return "\n\n".join(parts) + "\n" + C_TAIL, total


# ---------------------------------------------------------------------------
# Expectations for the unit test.

def lcg(seed):
    x = seed
    while True:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        yield x


def make_probes(t):
    """Byte strings to look up; python3's \\N{} decides each verdict."""
    names = t["names"]
    snames = sorted(names)
    jamo = t["jamo"]
    probes = []
    seen = set()

    def add(p):
        if isinstance(p, str):
            p = p.encode("utf-8")
        if p not in seen and b"}" not in p:
            seen.add(p)
            probes.append(p)

    rnd = lcg(2024)
    aliases = [n for n in snames if unicodedata.name(chr(names[n]), None) != n]
    for a in aliases:
        add(a.lower())
        add(a[:-1])
    for i, n in enumerate(snames):
        if i % 97:
            continue
        r = next(rnd)
        add(n.lower())
        add(n.swapcase() if r & 1 else n.title())
        add(n + " ")
        add(" " + n)
        add(n[:-1])
        add(n + "S")
        add(n.replace(" ", "  ", 1))
        add(n.replace(" ", "-", 1))
        add(n.replace("-", " ", 1))
        k = r % len(n)
        add(n[:k] + chr(ord(n[k]) + 1) + n[k + 1:])
        add(n[:k] + n[k + 1:])
    for s in NAMED_SEQUENCES:
        add(s)
        add(s.lower())
    # Hangul: the prefix is case-insensitive, the jamo part is not, and
    # the parts are matched greedily.
    pre = HANGUL_PREFIX
    for p in (pre, pre[:-1], pre + " GA", pre.lower() + "GAG",
              "Hangul Syllable GAG", pre + "gag", pre + "Gag", pre + "GA ",
              pre + "GGGA", pre + "AGG", pre + "A", pre + "I", pre + "YI",
              pre + "WAE", pre + "GAGGG", pre + "GAGS", pre + "KKYEOLH",
              "HANGUL SYLLABLES GA", "HANGUL  SYLLABLE GA", pre + "GAK"):
        add(p)
    alpha = sorted(set("".join(jamo["l"] + jamo["v"] + jamo["t"])))
    for _ in range(600):
        r = next(rnd)
        if r & 1:
            s = "".join(alpha[next(rnd) % len(alpha)] for _ in range(r % 8))
        else:
            s = (jamo["l"][next(rnd) % len(jamo["l"])]
                 + jamo["v"][next(rnd) % len(jamo["v"])]
                 + jamo["t"][next(rnd) % len(jamo["t"])]
                 + ("" if r & 6 else alpha[next(rnd) % len(alpha)]))
        add(pre + s)
    # CJK: 4 or 5 upper-case hex digits, inside a unified ideograph range.
    cpre = CJK_PREFIX
    for s in ("4E00", "04E00", "004E00", "4E0", "4e00", "9fa5", "9FA5",
              "9FFF", "A000", "3400", "4DBF", "4DC0", "33FF", "20000",
              "2A6DF", "2A6E0", "2B738", "2B739", "3134A", "3134B", "F900",
              "FA0E", "+4E00", " 4E00", "4E00 ", "0x4E0", "", "E0100",
              "30000", "2FFFF", "2EBE0", "2EBE1"):
        add(cpre + s)
        add(cpre.lower() + s)
    for r in t["cjk"]:
        for v in (r[0] - 1, r[0], r[1], r[1] + 1):
            add(cpre + "%04X" % v)
            add(cpre + "%05X" % v)
    add(cpre[:-1] + " 4E00")
    add("CJK COMPATIBILITY IDEOGRAPH-F900")
    add("cjk compatibility ideograph-f900")
    add("CJK COMPATIBILITY IDEOGRAPH-4E00")
    # Odd bytes: non-ASCII, controls, NUL, long input.
    for p in (b"", b" ", b"-", b"A", b"\x00", b"BULLET\x00", b"\x00BULLET",
              b"BULL\xc3\x89T", b"\xe2\x80\xa2", b"BULLET\xff", b"\xff" * 40,
              b"B\tULLET", b"BULLET\n", b"bullet", b"BuLLeT", b"em dash",
              b"EM_DASH", b"EMDASH", b"LATIN SMALL LETTER \xc3\xa9",
              b"A" * 88, b"A" * 89, b"A" * 300, b"X" * 5000,
              b"LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
              b"TANGUT IDEOGRAPH-17000", b"KHITAN SMALL SCRIPT CHARACTER-18B00",
              b"nushu character-1b170", b"HANGUL SYLLABLE GA\x00",
              b"CJK UNIFIED IDEOGRAPH-4E00\x00", b"LINE FEED (LF)",
              b"VS0", b"VS257", b"vs256", b"VS016", b"bom", b"zwj"):
        add(p)
    longest = max(snames, key=len)
    add(longest.lower())
    add(longest + "X")
    out = []
    for p in probes:
        v = escape_decode(p)
        try:
            s = p.decode("utf-8")
        except UnicodeDecodeError:
            s = None
        if s is not None and s.isprintable() and not set(s) & set('"\\}'):
            if escape_literal(s) != v:
                fail("literal and codec disagree on %r" % s)
        out.append((p, v))
    return out


def c_bytes_literal(p):
    return '"%s"' % "".join(c_escape(p))


def crc_names(t):
    """CRC-32 of "NAME<TAB>HEX<LF>" for every table entry, in byte order."""
    crc = 0
    for n in sorted(t["names"]):
        crc = zlib.crc32(("%s\t%X\n" % (n, t["names"][n])).encode(), crc)
    return crc


def crc_hangul(t):
    """CRC-32 of the syllable names, "NAME<LF>" each, in code point order."""
    crc = 0
    for cp in sorted(t["hangul"]):
        crc = zlib.crc32((t["hangul"][cp] + "\n").encode(), crc)
    return crc


def emit_expect(t):
    names = t["names"]
    snames = sorted(names)
    jamo = t["jamo"]
    lines = [
        "// expect.inc: expected results for tests/unit/test_unicode_names.c.",
        "// GENERATED by tools/gen_unicode_names.py from Python %d.%d "
        "(Unicode %s)." % (PY_VERSION + (UNIDATA_VERSION,)),
        "// Do not edit.",
        "//",
        "// EXPECT_NAMES_CRC: CRC-32 (zlib's) of \"NAME\\tHEX\\n\" for every",
        "// name and alias that is not computed (CJK, Hangul), in bytewise",
        "// order of the names; HEX is the code point, upper case.",
        "// EXPECT_NAME_ROWS: a sample of those names, and every alias.",
        "// EXPECT_PROBES: {bytes, length, code point or -1 when python3's",
        "// \\N{} rejects them}.",
        "// EXPECT_HANGUL_*: the syllable layout and jamo names;",
        "// EXPECT_HANGUL_CRC is the CRC-32 of \"NAME\\n\" for every syllable",
        "// in code point order.",
        "",
        "#define EXPECT_NAMES_COUNT %d" % len(names),
        "#define EXPECT_NAMES_CRC 0x%08X" % crc_names(t),
        "",
    ]
    rows = []
    for i, n in enumerate(snames):
        is_alias = unicodedata.name(chr(names[n]), None) != n
        if is_alias or i % 31 == 0 or i == len(snames) - 1:
            rows.append((n, names[n]))
    lines.append("#define EXPECT_NAME_NROWS %d" % len(rows))
    lines.append("#define EXPECT_NAME_ROWS \\")
    for n, cp in rows:
        lines.append('    {"%s", 0x%04X}, \\' % (n, cp))
    lines.append("")
    probes = make_probes(t)
    lines.append("#define EXPECT_NPROBES %d" % len(probes))
    lines.append("#define EXPECT_PROBES \\")
    for p, v in probes:
        if len(p) > 120:
            # Long runs of one byte: built by the test from (byte, count).
            if len(set(p)) != 1:
                fail("long probe must repeat one byte")
            lit = "NULL, 0x%02X" % p[0]
        else:
            lit = "%s, 0" % c_bytes_literal(p)
        lines.append("    {%s, %d, %s}, \\"
                     % (lit, len(p), "-1" if v is None else "0x%04X" % v))
    lines.append("")
    lines.append("#define EXPECT_HANGUL_BASE 0x%04X" % jamo["base"])
    for col in ("l", "v", "t"):
        lines.append("#define EXPECT_HANGUL_%s %s" % (
            col.upper(), ", ".join('"%s"' % s for s in jamo[col])))
    lines.append("#define EXPECT_HANGUL_CRC 0x%08X" % crc_hangul(t))
    lines.append("#define EXPECT_CJK_RANGES %s" % ", ".join(
        "{0x%05X, 0x%05X}" % tuple(r) for r in t["cjk"]))
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
    t = collect()
    if "--stats" in argv:
        stats(t["names"])
        return 0
    e = encode(t["names"])
    c_text, total = emit_c(t, e)
    outputs = [(OUT_C, c_text), (OUT_EXPECT, emit_expect(t))]
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
                    "gen_unicode_names.py: %s is out of date; run "
                    "python3 tools/gen_unicode_names.py\n"
                    % os.path.relpath(path, ROOT))
                bad = 1
        return bad
    for path, text in outputs:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    print("wrote %s (%d bytes of tables, %d bytes of source) and %s"
          % (os.path.relpath(OUT_C, ROOT), total, len(c_text),
             os.path.relpath(OUT_EXPECT, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
