# \N{...} escapes: names, case-insensitive matching, aliases, and the
# computed CJK and Hangul names.
print("\N{EM DASH}", ascii("\N{bullet}"), ascii("\N{Bullet}"))
print(ascii("\N{GREEK SMALL LETTER ALPHA}\N{greek capital letter omega}"))
print(ascii("\N{LATIN SMALL LETTER E WITH ACUTE}"), "\N{DIGIT ONE}\N{DIGIT TWO}")
print(ascii("\N{NO-BREAK SPACE}"), ascii("\N{HYPHEN-MINUS}"), ascii("\N{TIBETAN LETTER -A}"))
print(ascii("\N{SNAKE}"), ascii("\N{GRINNING FACE}"), ascii("\N{PILE OF POO}"))
print(ascii("\N{EGYPTIAN HIEROGLYPH A001}"), ascii("\N{CJK COMPATIBILITY IDEOGRAPH-F900}"))
print(ascii("\N{KHITAN SMALL SCRIPT CHARACTER-18B00}"), ascii("\N{nushu character-1b170}"))
print(ascii("\N{MATHEMATICAL BOLD CAPITAL A}"), ascii("\N{TAG LATIN SMALL LETTER Z}"))
# Aliases: corrections, control names, abbreviations.
print(ascii("\N{LATIN CAPITAL LETTER GHA}"), ascii("\N{LATIN CAPITAL LETTER OI}"))
print(ascii("\N{NULL}"), ascii("\N{NUL}"), ascii("\N{LINE FEED}"), ascii("\N{lf}"))
print(ascii("\N{CHARACTER TABULATION}"), ascii("\N{TAB}"), ascii("\N{ESCAPE}"), ascii("\N{DEL}"))
print(ascii("\N{BYTE ORDER MARK}"), ascii("\N{BOM}"), ascii("\N{ZWJ}"), ascii("\N{NBSP}"))
print(ascii("\N{VS1}"), ascii("\N{VS16}"), ascii("\N{VS17}"), ascii("\N{vs256}"))
print(ascii("\N{NEXT LINE}"), ascii("\N{PADDING CHARACTER}"), ascii("\N{SINGLE-SHIFT-2}"))
print(ascii("\N{YI SYLLABLE ITERATION MARK}"), ascii("\N{HENTAIGANA LETTER E-1}"))
# Computed names: the prefix and the rest are case-sensitive.
print(ascii("\N{CJK UNIFIED IDEOGRAPH-4E00}"), ascii("\N{CJK UNIFIED IDEOGRAPH-04E00}"))
print(ascii("\N{CJK UNIFIED IDEOGRAPH-9FFF}"), ascii("\N{CJK UNIFIED IDEOGRAPH-3400}"))
print(ascii("\N{CJK UNIFIED IDEOGRAPH-20000}"), ascii("\N{CJK UNIFIED IDEOGRAPH-3134A}"))
print(ascii("\N{HANGUL SYLLABLE GA}"), ascii("\N{HANGUL SYLLABLE GAG}"), ascii("\N{HANGUL SYLLABLE HIH}"))
print(ascii("\N{HANGUL SYLLABLE A}"), ascii("\N{HANGUL SYLLABLE SSYEOLG}"), ascii("\N{HANGUL SYLLABLE GGWAENH}"))
# In context: f-strings, concatenation, lengths, raw and bytes literals.
x = 3
print(ascii(f"{x}\N{MULTIPLICATION SIGN}{x}\N{EQUALS SIGN}{x * x}"), ascii(f"\N{LEFT CURLY BRACKET}{x}\N{RIGHT CURLY BRACKET}"))
print(len("\N{EM DASH}\N{EN DASH}"), ord("\N{EURO SIGN}"), hex(ord("\N{CJK UNIFIED IDEOGRAPH-2A6DF}")))
print("\N{DEGREE SIGN}" == "\xb0", "\N{latin small letter sharp s}".upper())
print(r"\N{BULLET}", len(r"\N{BULLET}"), b"\N{BULLET}", len(b"\N{BULLET}"))
print(ascii("a" "\N{BULLET}" 'b' """\N{BULLET}"""))
