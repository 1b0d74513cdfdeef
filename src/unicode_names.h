// unicode_names.h: Unicode character names, as CPython 3.11 (Unicode
// 14.0.0) accepts them in "\N{...}" string escapes.
//
// The tables live in unicode_names.c, which tools/gen_unicode_names.py
// generates from python3's own unicodedata; `python3
// tools/gen_unicode_names.py --check` fails when the checked-in file is
// stale.
//
// Every function is pure and thread-safe (const tables only).
#ifndef KR_UNICODE_NAMES_H
#define KR_UNICODE_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Looks up the character named name[0..len) (not NUL-terminated; any
// bytes, any length) and stores its code point in *cp. Accepts what
// CPython's \N{} accepts:
// - character names and formal name aliases ("NULL", "LATIN CAPITAL
//   LETTER GHA", "BOM"), with ASCII letters matched case-insensitively;
// - "CJK UNIFIED IDEOGRAPH-" + 4 or 5 hex digits inside a unified
//   ideograph block (a leading zero is allowed: "...-04E00"), and
//   "HANGUL SYLLABLE " + jamo names; these two are case-sensitive, as in
//   CPython 3.11 ("cjk unified ideograph-4E00", "...-4e00" and
//   "HANGUL SYLLABLE gag" are rejected).
// Named sequences ("KEYCAP NUMBER SIGN") are rejected, as by \N{}. Returns
// false, leaving *cp alone, for anything else, including len 0.
bool kr_uni_lookup_name(const char *name, size_t len, uint32_t *cp);

// The stored names and aliases (not the computed CJK and Hangul ones) in
// bytewise order, for tests and tools. kr_uni_name_entry writes entry
// `index` to buf as a NUL-terminated upper-case name, its length to *len
// and its code point to *cp; false if index >= kr_uni_name_count() or the
// name does not fit in cap bytes.
size_t kr_uni_name_count(void);
bool kr_uni_name_entry(size_t index, char *buf, size_t cap, size_t *len, uint32_t *cp);

#endif
