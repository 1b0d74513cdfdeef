// unicode_db.h: Unicode character properties and case mappings, as
// CPython 3.11 (Unicode 14.0.0) str methods see them, one code point at a
// time.
//
// The tables live in unicode_db.c, which tools/gen_unicode.py generates
// from python3's own str methods and unicodedata; `python3
// tools/gen_unicode.py --check` fails when the checked-in file is stale.
//
// Every function is pure and thread-safe (const tables only) and accepts
// any uint32_t: surrogates, unassigned code points and values above
// 0x10FFFF are valid input. Above 0x10FFFF every predicate is false, the
// values are "none" and every case mapping is the identity.
#ifndef KR_UNICODE_DB_H
#define KR_UNICODE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Predicates: each equals Python's `chr(cp).<method>()` unless noted.
bool kr_uni_isalpha(uint32_t cp);
bool kr_uni_isdecimal(uint32_t cp);
bool kr_uni_isdigit(uint32_t cp);
bool kr_uni_isnumeric(uint32_t cp);
bool kr_uni_isspace(uint32_t cp);   // str.isspace (also \x1c-\x1f, \x85)
bool kr_uni_isalnum(uint32_t cp);   // isalpha || isdecimal || isdigit || isnumeric
bool kr_uni_isupper(uint32_t cp);   // Uppercase property
bool kr_uni_islower(uint32_t cp);   // Lowercase property
bool kr_uni_isprintable(uint32_t cp);  // for repr(): chr(cp).isprintable()
bool kr_uni_islinebreak(uint32_t cp);  // str.splitlines boundary; the caller
                                       // treats "\r\n" as one break
// East Asian Width W or F (unicodedata.east_asian_width): two columns on
// a terminal, as CPython's traceback markers count them.
bool kr_uni_iswide(uint32_t cp);

// Titlecase letters (category Lt, e.g. U+01C5). NOT chr(cp).istitle(),
// which is also true for uppercase letters; for str.istitle test
// kr_uni_isupper(c) || kr_uni_istitle(c) where CPython does.
bool kr_uni_istitle(uint32_t cp);
// Cased (Lowercase || Uppercase || Lt): str.title() lowercases a letter
// after a cased character and titlecases any other; also the final-sigma
// rule below.
bool kr_uni_iscased(uint32_t cp);
// Case_Ignorable: skipped when looking for cased neighbours of a sigma.
bool kr_uni_iscaseignorable(uint32_t cp);

// Identifiers: str.isidentifier() is
//   n > 0 && kr_uni_isxid_start(s[0]) && kr_uni_isxid_continue(s[1..n-1]).
// isxid_start equals chr(cp).isidentifier(), so it includes '_' (which
// Unicode's XID_Start does not); isxid_continue equals
// ('a' + chr(cp)).isidentifier(). No NFKC normalization is done here: the
// lexer checks the raw characters (as CPython's tokenizer does) and must
// normalize identifiers to NFKC separately if it wants CPython's
// equivalence of e.g. "ﬁ" and "fi".
bool kr_uni_isxid_start(uint32_t cp);
bool kr_uni_isxid_continue(uint32_t cp);

// Numeric values, as unicodedata.decimal/digit/numeric. Return -1 (or
// -1.0) when the character has none; no character has the value -1
// (U+0F33 is -0.5, so test kr_uni_isnumeric, not "< 0", for presence).
// int() and float() accept decimal characters of any script via
// kr_uni_decimal_value and whitespace via kr_uni_isspace.
int kr_uni_decimal_value(uint32_t cp);   // 0..9 or -1
int kr_uni_digit_value(uint32_t cp);     // 0..9 or -1 (e.g. '²' -> 2)
double kr_uni_numeric_value(uint32_t cp);  // e.g. '½' -> 0.5, or -1.0

// Full case mappings: write 1 to 3 code points to out and return how
// many, exactly chr(cp).lower() / .upper() / .title() / .casefold()
// (e.g. upper('ß') = "SS", title('ß') = "Ss", lower('İ') = "i̇",
// upper('ﬃ') = "FFI", title('ǆ') = 'ǅ').
//
// What the str methods must add themselves:
// - Final sigma: kr_uni_lower(0x3A3) is always U+03C3 'σ'. In str.lower()
//   (and wherever CPython lowercases: the non-initial characters of
//   str.title(), str.capitalize(), and str.swapcase()) a capital sigma at
//   index i becomes U+03C2 'ς' instead when
//     - scanning left from i-1 past case-ignorable characters reaches a
//       cased character, and
//     - scanning right from i+1 past case-ignorable characters reaches the
//       end of the string or a character that is not cased.
//   str.casefold() and str.upper() have no such rule.
// - str.title(): for each character, if the previous character was cased
//   (kr_uni_iscased) lowercase it (with the sigma rule), else apply
//   kr_uni_title.
// - str.capitalize(): kr_uni_title on the first character, then lowercase
//   the rest (with the sigma rule).
// - str.swapcase(): kr_uni_isupper -> lower (with the sigma rule),
//   kr_uni_islower -> upper, otherwise unchanged.
size_t kr_uni_lower(uint32_t cp, uint32_t out[3]);
size_t kr_uni_upper(uint32_t cp, uint32_t out[3]);
size_t kr_uni_title(uint32_t cp, uint32_t out[3]);
size_t kr_uni_casefold(uint32_t cp, uint32_t out[3]);

#endif
