// compiler.h: AST -> bytecode. Produces an immutable KrProgram whose code
// objects and constants are static (never collected, never written).
#ifndef KR_COMPILER_H
#define KR_COMPILER_H

#include "ast.h"
#include "code.h"

// Compiles source text. On failure returns NULL and fills err (a
// SyntaxError with location, or a memory failure).
KrProgram *kr_compile(KrAllocator alloc, const char *src, size_t len, const char *filename,
                      KrSyntaxErr *err);
void kr_program_free(KrProgram *p);

// Builtins the compiler can resolve names to (builtins.c).
int32_t kr_builtin_lookup(const char *name);
// The same for a counted name (NUL bytes in it never match).
int32_t kr_builtin_lookup_n(const char *name, size_t n);
KrValue kr_builtin_value(int32_t index);
// The builtin name of a static object (its first one), or NULL.
const char *kr_builtin_name_of(const void *obj);


#endif
