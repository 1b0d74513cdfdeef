#!/usr/bin/env python3
"""Writes cases.txt: CPython's answers for the number/string formatting
primitives tested by tests/unit/test_numfmt.c.

Run with the project's python3 (CPython 3.11):
    python3 tests/unit/numfmt_data/gen.py
For a bigger throwaway stress set (not committed):
    python3 tests/unit/numfmt_data/gen.py --seed 7 --scale 20 --out /tmp/big.txt
    /tmp/tn /tmp/big.txt

One case per line, fields separated by TAB. Text fields escape '\\', TAB,
newline and other control bytes as \\t \\n \\xHH (UTF-8 otherwise). Doubles
are 16 hex digits of their IEEE bits. A result is "=text" for success,
"!V:msg" for ValueError, "!O:msg" for OverflowError.
"""
import argparse
import ast
import math
import os
import random
import struct
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("gen.py must run under CPython 3.11 (got %s)" % sys.version.split()[0])

ap = argparse.ArgumentParser()
ap.add_argument("--seed", type=int, default=20241122)
ap.add_argument("--scale", type=int, default=1, help="multiplies the random case counts")
ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                              "cases.txt"))
ARGS = ap.parse_args()
OUT = ARGS.out
SCALE = ARGS.scale
rng = random.Random(ARGS.seed)
lines = []


def esc(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif o < 0x20 or o == 0x7F:
            out.append("\\x%02x" % o)
        else:
            out.append(ch)
    return "".join(out)


def bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def emit(*fields):
    lines.append("\t".join(fields))


def outcome(fn):
    try:
        r = fn()
    except ValueError as e:
        return "!V:" + esc(str(e))
    except OverflowError as e:
        return "!O:" + esc(str(e))
    return "=" + esc(r)


# ---------------------------------------------------------------------------
# Interesting doubles

def interesting_doubles():
    xs = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 1e17,
          9999999999999998.0, 1e22, 1e23, 9.999999999999999e22, 1e-4, 1e-5, 0.0001, 0.00001,
          1.5e-5, 5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
          1.7976931348623157e308, 123456789012345.0, 1234567890123456.0,
          12345678901234567.0, 2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 63, 2.0 ** 64, 2e16 + 8,
          0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 1234.5, 1234.5678, 100.0,
          123.456, 1e100, 1e-100, 1e300, 1e-300, 4.35, 0.15, 0.25, 0.35, 5e-5, 9.5, 99.5,
          999.5, 0.05, 0.045, 1e21, 1e-7, 3.14159265358979, math.pi, math.e, 1e308, 1e-308,
          4.9406564584124654e-324, 8.98846567431158e307, 0.9999999999999999,
          1.0000000000000002, 123.0, 1e5, 1e6, 1e7, 12345.6789, 0.000123456, 7.0e-10,
          float("inf"), float("-inf"), float("nan")]
    xs += [2.0 ** e for e in range(-1074, 1024)]
    xs += [10.0 ** e for e in range(-323, 309)]
    xs += [float("%.*g" % (rng.randint(1, 17), rng.uniform(-1e3, 1e3)))
           for _ in range(300 * SCALE)]
    xs += [rng.uniform(-1, 1) * 10.0 ** rng.randint(-30, 30) for _ in range(500 * SCALE)]
    xs += [float(rng.randint(-10 ** 17, 10 ** 17)) for _ in range(200 * SCALE)]
    xs += [from_bits(rng.getrandbits(52)) for _ in range(200 * SCALE)]  # subnormals
    for _ in range(1500 * SCALE):
        b = rng.getrandbits(64)
        x = from_bits(b)
        if math.isfinite(x):
            xs.append(x)
    # neighbours of powers of ten and of the repr switch points
    for base in [1e16, 1e-4, 1e-5, 1e22, 1e23, 0.1, 1.0]:
        x = base
        for _ in range(3):
            x = math.nextafter(x, math.inf)
            xs.append(x)
        x = base
        for _ in range(3):
            x = math.nextafter(x, -math.inf)
            xs.append(x)
    return xs


DOUBLES = interesting_doubles()


def gen_repr():
    for x in DOUBLES:
        emit("repr", bits(x), esc(repr(x)))
        if repr(x) != str(x):
            raise SystemExit("str != repr for %r" % x)
        emit("hex", bits(x), esc(x.hex()))
        emit("isint", bits(x), "1" if x.is_integer() else "0")


# ---------------------------------------------------------------------------
# float(str) and float literals

def gen_parse():
    samples = ["1", "1.5", "-1.5", "+1.5", ".5", "5.", "-.5", "+.5e-3", "1e5", "1E5",
               "1e+5", "1e-5", "1_0", "1e1_0", "1_0.5_5", " 1.5\n", "\t-2\x0b", "\x0c3\r",
               "+inf", "-Infinity", "nAn", "-nan", "+NaN", "INF", "infinity", "1.e5",
               "00.5", "0", "-0", "0.0", "-0.0", "000", "1e400", "-1e400", "1e-400",
               "4.9406564584124654e-324", "2.4703282292062327e-324",
               "2.4703282292062328e-324", "1.7976931348623157e308",
               "1.7976931348623158e308", "1.7976931348623159e308", "0.1", "0.30000000000000004",
               "9007199254740993", "9007199254740992.5", "123456789012345678901234567890",
               "1" + "0" * 400, "0." + "0" * 400 + "1", "1" + "0" * 5000 + "e-5000",
               "0." + "0" * 330 + "247032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570015857692699037063119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144672918403005300575308490487653917113865916462395249126236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854513962138377228261454376934125320985913276672363281255",
               "1" * 900, "1" * 800 + "5" + "0" * 50, "1" * 799 + "5" + "0" * 50 + "1",
               "1e999999999999999999999", "1e-999999999999999999999", "0e999999999999",
               "_1", "1__0", "1_.5", "1._5", "1e_1", "1_e1", "infinit", "in f", "1e", ".",
               "e5", "0x10", "1.5e+", "", " ", "1_", ".e5", "+", "-", "+-1", "--1",
               "infinity_", "i_nf", "1 2", "1.5.5", "1e5e5", "1e5.5", "nan1", "inf inf",
               "\x001", "1\x00", "1,5", "1.5f", "0b1", "1e+-5", "+_1", "1._", "._1"]
    for s in samples:
        try:
            v = float(s)
            r = bits(v)
            if math.isnan(v):
                r = "nan-" if math.copysign(1, v) < 0 else "nan+"
        except ValueError:
            r = "ERR"
        emit("parse", esc(s), r)
    for x in DOUBLES:
        if math.isfinite(x) and rng.random() < 0.5:
            for s in (repr(x), rng.choice(["%.17g", "%.20e", "%.5g"]) % x):
                emit("parse", esc(s), bits(float(s)))
    # random digit strings, with and without underscores
    for _ in range(400):
        ip = "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 25)))
        fp = "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 25)))
        s = ip + ("." + fp if rng.random() < 0.7 else "")
        if rng.random() < 0.5:
            s += rng.choice("eE") + rng.choice(["", "+", "-"]) + str(rng.randint(0, 340))
        if rng.random() < 0.3:
            k = rng.randint(0, max(0, len(s) - 1))
            s = s[:k] + "_" + s[k:]
        try:
            r = bits(float(s))
        except ValueError:
            r = "ERR"
        emit("parse", esc(s), r)
    # float(str) of non-ASCII text: Unicode spaces and digits of any script
    ustrs = ["١٢.٥", "\u3000 1.5\u2003", "١_٢", "²", "１e５", "-١", "\u00a01\u00a0", "1\x1c",
             "\x85 2", "٣.١٤١٥٩", "𝟏𝟐", "1\u2028", "ⅰ", "½", "1é", "é", "\x7f1", "١٢٣٤٥٦٧٨٩٠e-٣",
             "-ｉｎｆ", "inf\u3000", "\u0e51.\u0e52", "1.5", " -2.5e3 "]
    for s in ustrs:
        try:
            v = float(s)
            r = bits(v)
            if math.isnan(v):
                r = "nan-" if math.copysign(1, v) < 0 else "nan+"
        except ValueError:
            r = "ERR"
        emit("pstr", esc(s), r)
    lits = ["1.5", "1_000.5", "1e5", "1E-5", "0.5", ".5", "5.", "1_0e1_0", "00.5", "0777e1",
            "1" + "0" * 400 + ".0", "1e1000", "1e-1000", "1__0.5", "1_.5", "1._5", "1e_5",
            "1e", "inf", "nan", "+1.5", "-1.5", " 1.5", "1.5 ", "1.5e+5", "3.14_15",
            "1.7976931348623157e308", "5e-324", "2.4703282292062328e-324"]
    for s in lits:
        try:
            ok = s.strip() == s and s[0] not in "+-" and type(ast.literal_eval(s)) is float
        except (SyntaxError, ValueError):
            ok = False
        emit("lit", esc(s), bits(float(s)) if ok else "ERR")


# ---------------------------------------------------------------------------
# format specs

FILLS = ["", "", "", "*", "0", "x", "é", "中", "😀", " ", "<", "{", "\x00"]
ALIGNS = ["", "", "<", ">", "=", "^"]
SIGNS = ["", "", "+", "-", " "]


def rand_spec(types, maxw=30, maxp=25):
    spec = ""
    a = rng.choice(ALIGNS)
    if a:
        spec += rng.choice(FILLS) + a
    spec += rng.choice(SIGNS)
    if rng.random() < 0.15:
        spec += "z"
    if rng.random() < 0.2:
        spec += "#"
    if rng.random() < 0.25:
        spec += "0"
    if rng.random() < 0.6:
        spec += str(rng.randint(0, maxw))
    r = rng.random()
    if r < 0.15:
        spec += ","
    elif r < 0.25:
        spec += "_"
    if rng.random() < 0.5:
        spec += "." + str(rng.randint(0, maxp))
    spec += rng.choice(types)
    return spec


BAD_SPECS = ["\u0663", "\u0661\u0660.\u0663", "\uff10\uff15", "0\u0665,", ".\u0662",
             "*>\u0661\u0662", "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
             "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660x",
             "\u00b2", "abc", ".", ",_", "_,", "99999999999999999999", "9223372036854775807x",
             "9223372036854775808", ".99999999999999999999", "1.2.3", "é", ",é", "\x01",
             ",\x01", "<<<", "=>5", "+-", "z z", "##", ".2147483648", ".2147483647x", "0=10",
             "*<010,", "_x", ",x", ",b", "_c", ",c", ",n", "_n", ",s", "_s", "=5s",
             "+c", " c", "-c", "#c", ".1c", "zc", "z", "#", "+", " ", "=", "0", "05", ">05",
             "1000", ".30", "😀^9", "😀", "😀😀", "xx<5", "10.", ",.", "_.1", ",_d", ".,",
             "1,000", "0,", "0_", "=,", "z#0,.3%", "#_b", "#_o", "#_x", "#_X", "_%", ",%",
             ",e", ",g", ",F", ",G", ",E", ",f", "_f", "_", ",", "a", "r", "S", "D", "j"]


def gen_float_fmt():
    ftypes = ["", "e", "E", "f", "F", "g", "G", "n", "%"]
    xs = [x for x in DOUBLES if rng.random() < 0.25] + [0.0, -0.0, float("inf"),
                                                        float("-inf"), float("nan")]
    for x in xs:
        for _ in range(6):
            spec = rand_spec(ftypes)
            emit("ffmt", esc(spec), bits(x), outcome(lambda: format(x, spec)))
    fixed = [1234.5, -1234.5, 0.0, -0.0, 1e16, 1e-5, 123456789.125, -0.0001, 2.5, 1e300,
             5e-324, float("inf"), float("nan"), -float("nan"), 1234567.891, 0.5, 99.99]
    specs = ["", "012,.1f", "010,", "0=12,.2f", "<012,.1f", "^20,.3e", "_.2f", "z.1f", "z.0f",
             "z", "z.3g", "z%", "z.0%", "#", "#.0f", "#.0e", "#g", "#.3g", "#.10g", ".0",
             ".1", ".3", ".17", ".17g", ".400f", ".400e", ".1100f", ".800e", ".800g", "#.800g",
             ".60f", ".0f", ".0e", ".0g", ".0%", "n", ".3n", "%", ".2%", ",%", "_%", "010",
             "+010", " 010", "-010", "=+10", "*=+10.2f", "😀^15.3", "0<10", "0>10", "0^10",
             "0=10", "x<010", "30,.2f", "030,.2f", "031,.2f", "032,.2f", "033,.2f",
             "0>30_", "015_.3e", "+,", " ,", "-,", "+_.2%", ".2147483647x", ".2147483648f"]
    for x in fixed:
        for spec in specs + BAD_SPECS:
            emit("ffmt", esc(spec), bits(x), outcome(lambda: format(x, spec)))


def int_fields(v, spec):
    """sign, the magnitude in bases 10/2/8/16 ("-" where the spec's last
    character says that base is not needed, to keep the file small), the
    float's bits, and whether it fits an int64."""
    a = abs(v)
    fits = -2 ** 63 <= v < 2 ** 63
    try:
        fb = bits(float(v))
    except OverflowError:
        fb = "-"
    last = spec[-1:]
    need = lambda c: last in c
    return ["1" if v < 0 else "0", str(a), format(a, "b") if need("b") else "-",
            format(a, "o") if need("o") else "-", format(a, "x") if need("xX") else "-", fb,
            "1" if fits else "0"]


def int_case(v, spec, tname="int"):
    obj = v
    if tname == "bool":
        obj = bool(v)
    try:
        exp = outcome(lambda: format(obj, spec))
    except Exception:
        return
    if exp == "!O:int too large to convert to float":
        return  # the caller's conversion, not ours
    emit("ifmt", esc(spec), tname, *int_fields(v, spec), exp)


def gen_int_fmt():
    itypes = ["", "", "d", "b", "o", "x", "X", "n", "c", "e", "f", "g", "%", "E", "G", "F"]
    vals = [0, 1, -1, 5, -5, 7, 10, 65, 255, -255, 1234, -1234, 12345678, 2 ** 31, 2 ** 63 - 1,
            -2 ** 63, 2 ** 63, 2 ** 64, 10 ** 20, -10 ** 20, 10 ** 30, 2 ** 100, -2 ** 100,
            0x10FFFF, 0x110000, 0xD800, 9, 99, 999, 9999]
    vals += [rng.randint(-10 ** 6, 10 ** 6) for _ in range(100 * SCALE)]
    vals += [rng.randint(-2 ** 200, 2 ** 200) for _ in range(60 * SCALE)]
    for v in vals:
        for _ in range(14):
            int_case(v, rand_spec(itypes, maxp=3))
    fixed = ["", "010,", "09,", "08,", "012,", "0=10,", "<010,", "010_", "#010_x", "#_b", "#_o",
             "#_X", "_x", "#x", "#X", "#o", "#b", "#010b", "+#x", " #o", "-#X", "=^20", "*^21,",
             "x<5", "x=+10", "^", ">", "05c", "<5c", "^5c", "=5c", "c", "n", "010n", "+n",
             "e", ".3e", ".3%", "z.1f", "#.0f", ".0f", "20,", "020_", "021_", "022_", "023_",
             "0=26_b", "#0=26_b", "#026_x"]
    for v in [0, 1, -1, 1234, -1234, 65, 255, -255, 10 ** 25, -2 ** 70, 0x1F600]:
        for spec in fixed + BAD_SPECS:
            int_case(v, spec)
    for v in [10 ** 400, -10 ** 400]:  # too big for a float: only the digit types
        for spec in ["", "d", ",", "_x", "#b", "+o", "c", "X", "n"]:
            int_case(v, spec)
    for v in [0, 1]:
        for spec in ["d", "x", "#b", "y", ".2", "z", "c", "5", "f", "_s", "abc"]:
            int_case(v, spec, "bool")


def gen_str_fmt():
    strs = ["", "a", "abc", "hello world", "é", "naïve", "中文字符", "😀x😀", "a\x00b",
            "tab\there", "ΑΒΓΔΕ"]
    for s in strs:
        for _ in range(40 * SCALE):
            spec = rand_spec(["", "s", "s", "d"], maxp=8)
            emit("sfmt", esc(spec), esc(s), outcome(lambda: format(s, spec)))
        for spec in ["", "s", "10", "<10", ">10", "^10", "^11", "*^11", "😀>7", ".2", ".0",
                     "10.3", "x^9.2s", "05", "010", "0>5", "0^7"] + BAD_SPECS:
            emit("sfmt", esc(spec), esc(s), outcome(lambda: format(s, spec)))


# ---------------------------------------------------------------------------
# printf-style

def rand_flags():
    return "".join(c for c in "-+ #0" if rng.random() < 0.3)


def pct_fmt(flags, width, prec, conv):
    f = "%" + flags
    if width >= 0:
        f += str(width)
    if prec >= 0:
        f += "." + str(prec)
    return f + conv


def gen_pct():
    xs = [x for x in DOUBLES if rng.random() < 0.1] + [0.0, -0.0, float("inf"),
                                                       float("-inf"), float("nan"), -2.34,
                                                       1e100, 1e-5, 255.0, 0.5, 2.5]
    for x in xs:
        for _ in range(6):
            conv = rng.choice("eEfFgG")
            flags, width = rand_flags(), rng.choice([-1, -1, 0, 1, 5, 10, 25])
            prec = rng.choice([-1, -1, 0, 1, 2, 3, 6, 10, 17, 20])
            f = pct_fmt(flags, width, prec, conv)
            emit("pctf", conv, esc(flags), str(width), str(prec), bits(x), "=" + esc(f % x))
    for (f, x) in [("%05.1f", -2.34), ("%e", 1e100), ("%g", 1e-5), ("%05f", float("inf")),
                   ("%-08.2e", -1.5), ("%#.0f", 3.0), ("%#g", 1.0), ("%+.3g", 0.0),
                   ("% f", 1.5), ("%.400f", 1e-300), ("%.0e", 2.5)]:
        import re
        m = re.fullmatch(r"%([-+ #0]*)(\d*)(?:\.(\d+))?([a-zA-Z])", f)
        w = int(m.group(2)) if m.group(2) else -1
        p = int(m.group(3)) if m.group(3) is not None else -1
        emit("pctf", m.group(4), esc(m.group(1)), str(w), str(p), bits(x), "=" + esc(f % x))
    ivals = [0, 1, -1, 5, -5, 255, -255, 8, 10 ** 20, -10 ** 20, 2 ** 64, 123456789]
    ivals += [rng.randint(-10 ** 9, 10 ** 9) for _ in range(60 * SCALE)]
    for v in ivals:
        for _ in range(10):
            conv = rng.choice("diuoxX")
            flags, width = rand_flags(), rng.choice([-1, -1, 0, 1, 5, 10, 25])
            prec = rng.choice([-1, -1, 0, 1, 3, 8, 20])
            f = pct_fmt(flags, width, prec, conv)
            a = abs(v)
            emit("pcti", conv, esc(flags), str(width), str(prec), "1" if v < 0 else "0", str(a),
                 format(a, "o"), format(a, "x"), "=" + esc(f % v))
    for (conv, flags, width, prec, v) in [("x", "#", -1, -1, 255), ("x", "", -1, -1, -255),
                                          ("d", "+", -1, -1, 5), ("x", "#", 8, 5, -255),
                                          ("o", "#", -1, -1, 0), ("X", "#", -1, -1, 0),
                                          ("d", "-0", 5, -1, -3), ("d", " 0", 5, -1, 3),
                                          ("x", "+", -1, 3, 10), ("d", "", -1, 0, 0),
                                          ("X", "#0", 10, -1, 48879), ("o", "#-", 8, 4, 8)]:
        a = abs(v)
        emit("pcti", conv, esc(flags), str(width), str(prec), "1" if v < 0 else "0", str(a),
             format(a, "o"), format(a, "x"), "=" + esc(pct_fmt(flags, width, prec, conv) % v))
    emit("pcti", "d", "", "-1", "2147483645", "0", "1", "1", "1", "!O:precision too large")
    strs = ["", "a", "abc", "héllo", "中文", "😀😀😀"]
    for s in strs:
        for conv in "sra":
            for _ in range(8):
                flags = rand_flags()
                width = rng.choice([-1, 0, 2, 5, 9])
                prec = rng.choice([-1, -1, 0, 1, 2, 4])
                f = pct_fmt(flags, width, prec, conv)
                text = {"s": str, "r": repr, "a": ascii}[conv](s)
                emit("pcts", conv, esc(flags), str(width), str(prec), esc(text), "=" + esc(f % s))
    for ch in ["x", "é", "😀"]:
        for (flags, width, prec) in [("", -1, -1), ("", 5, -1), ("-", 5, -1), ("0", 4, 0),
                                     ("", 3, 0)]:
            f = pct_fmt(flags, width, prec, "c")
            emit("pcts", "c", esc(flags), str(width), str(prec), esc(ch), "=" + esc(f % ch))


# ---------------------------------------------------------------------------
# round()

def gen_round():
    xs = [x for x in DOUBLES if rng.random() < 0.2]
    xs += [2.675, 0.125, 0.375, 2.5, 3.5, -2.5, 0.5, -0.5, 1.5, 1e300, 1.7976931348623157e308,
           5e-324, -0.4, 0.4, 149.5, 150.0, 250.0, 1234.5678, -1234.5678, 0.285, 1.005, 5.0,
           55.0, 45.0, 4.5e15, 2 ** 52 + 0.5, 2 ** 53 - 1.0, 0.49999999999999994, -0.0,
           float("inf"), float("nan")]
    nds = [0, 1, 2, 3, -1, -2, -3, 5, 10, 15, 17, 20, 100, 300, 308, 309, 322, 323, 324,
           -10, -100, -300, -307, -308, -309, -400, 2 ** 62, -2 ** 62]
    for x in xs:
        for nd in rng.sample(nds, 8):
            emit("round", bits(x), str(nd), outcome(lambda: bits(round(x, nd))))
    for nd in nds:
        for x in [1.7976931348623157e308, -1.7976931348623157e308, 9.5e307, 5e307, 1.5e308]:
            emit("round", bits(x), str(nd), outcome(lambda: bits(round(x, nd))))
    for x in xs:
        emit("roundi", bits(x), outcome(lambda: bits(float(round(x)))))


# ---------------------------------------------------------------------------
# complex: repr, format(), complex(str)

CPARTS = [0.0, -0.0, 1.0, -1.0, 1.5, -2.25, 2.0, 1e16, 1e-5, 1e22, 5e-324, 1234567.891,
          -9876543.21, 1e300, 0.1, 123456789012345678.0, float("inf"), float("-inf"),
          float("nan")]


def pbits(x):
    if math.isnan(x):
        return "nan-" if math.copysign(1, x) < 0 else "nan+"
    return bits(x)


def cfmt(re, im, spec):
    emit("cfmt", esc(spec), bits(re), bits(im), outcome(lambda: format(complex(re, im), spec)))


def cparse(s):
    try:
        z = complex(s)
        r = pbits(z.real) + ":" + pbits(z.imag)
    except ValueError as e:
        r = "U" if str(e).startswith("could not convert") else "M"
    emit("cparse", esc(s), r)


def gen_complex():
    parts = CPARTS + [x for x in DOUBLES if rng.random() < 0.02]
    for re in parts:
        for im in rng.sample(parts, 6) + [0.0, -0.0]:
            emit("crepr", bits(re), bits(im), esc(repr(complex(re, im))))
    specs = ["", ">30", "<30", "^30", "*^31", ".2f", ".0f", "#.0f", "e", ".3e", "E", "g", "#g",
             "G", "F", "n", ".4n", "+", " ", "-", ",", "_", ",.2f", "_.3f", "#", ".1", ".0",
             "#.0", ".17g", "z", "z.1f", "+z.0f", "#z", "é>25", "😀^21", "x<20.1e", "+,",
             "010", "0>10", "=10", "x=10", "%", "d", "s", "r", "c", ".2147483648f",
             "=.2147483648f", "0.2147483648f", ",n", "_n", ",d", "=%", "10.3", "12"]
    for re in CPARTS:
        for im in [0.0, -0.0, -2.5, float("nan"), float("inf")]:
            for spec in specs:
                cfmt(re, im, spec)
    ctypes = ["", "", "e", "E", "f", "F", "g", "G", "n", "%"]
    for _ in range(1500 * SCALE):
        cfmt(rng.choice(parts), rng.choice(parts), rand_spec(ctypes))
    texts = ["", " ", "j", "J", "-j", "+j", "1", "1j", "1J", "-1j", "(1+2j)", " ( 1-2J ) ",
             "(1+2j", "1+2j)", "()", "(1)", "1+2", "1 + 2j", "1+j", "1-j", "+1-j", "1e3j",
             "1e", "1e+", "1ej", "1.j", ".5j", "5.", ".j", ".", "-.5-.5j", "1_000+2_0j",
             "1__0j", "_1j", "1_j", "1j_", "1_e5j", "1e1_0j", "infj", "-infinityJ", "nanj",
             "-nan+nanj", "inf-nanj", "infin", "infj1", "1e500", "1e500j", "-1e-500j",
             "0x1j", "1+-2j", "--1", "j1", "jj", "1jj", "1 j", "\t1j\n", "1\x00", "1_\x00_",
             "\x7f1", "1\x7f", "1_\x7f", "\u0661+\u0662j", "\u3000 1j\u3000", "1\u00e9",
             "1_\u00e9", "\u00e91", "\xa01j\xa0", "1_0\u00e9", "1e5_5j", "+1_2.3_4e-5_6j"]
    atoms = ["1", "2", "0", ".5", "5.", "1e3", "1E-3", "e5", "inf", "nan", "j", "J", "+",
             "-", "(", ")", " ", "\t", "_", "1_0", "x", "\u0661", "\u3000", "\x00", "é", "."]
    seen = set(texts)
    while len(texts) < 800 * SCALE:
        t = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 6)))
        if t not in seen:
            seen.add(t)
            texts.append(t)
    for t in texts:
        cparse(t)


gen_repr()
gen_parse()
gen_float_fmt()
gen_int_fmt()
gen_str_fmt()
gen_pct()
gen_round()
gen_complex()

with open(OUT, "w", encoding="utf-8", errors="surrogatepass", newline="\n") as fh:
    fh.write("# generated by gen.py from CPython %s; do not edit\n" % sys.version.split()[0])
    for ln in lines:
        fh.write(ln + "\n")
print("wrote %d cases to %s" % (len(lines), OUT))
