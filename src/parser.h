// parser.h: Python 3.11 source text -> AST (see ast.h).
//
// Hand-written recursive descent for the whole 3.11 grammar. Syntax errors
// are reported the way CPython 3.11 reports them (message, line, 1-based
// column in characters, end position); checks CPython does in its compiler
// are left to krait's compiler (listed in ast.h).
//
// The parser holds no global state; parses on different threads with
// different arenas are independent. It never reads outside src[0..len),
// never recurses deeper than a fixed bound (about 256 KB of C stack at
// -O2, 512 KB unoptimised, including kr_ast_dump of the result), and
// takes time linear in the input (error-message look-ahead is budgeted).
//
// Memory: nodes go to the caller's arena; the token buffer is taken from
// the arena's allocator and freed before returning. Set arena->limit to
// bound the AST's memory; running out gives KR_SYNERR_MEMORY.
#ifndef KR_PARSER_H
#define KR_PARSER_H

#include "ast.h"

// Largest source accepted (longer input gives a SyntaxError). Keeps every
// line/column within int32.
#define KR_PARSE_MAX_SOURCE ((size_t)1 << 30)

// Parses a module (CPython's 'exec' mode). On success returns the module,
// allocated in `arena`, and leaves err->kind == KR_SYNERR_NONE. On failure
// returns NULL with *err filled (KR_SYNERR_MEMORY when the arena could not
// grow). The arena keeps whatever was allocated either way; free it with
// kr_arena_free when the AST is no longer needed.
// src need not be NUL-terminated. A leading UTF-8 BOM is skipped.
KrAstModule *kr_parse_module(KrArena *arena, const char *src, size_t len,
                             KrSyntaxErr *err);

// Parses a single expression (CPython's 'eval' mode: an expression list,
// optionally surrounded by newlines). Returns NULL on error like above.
KrAstExpr *kr_parse_expression(KrArena *arena, const char *src, size_t len,
                               KrSyntaxErr *err);

#endif
