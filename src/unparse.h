// unparse.h: expression AST -> Python source text, as CPython 3.11 writes
// it.
//
// Two flavours, because CPython 3.11 has two unparsers that disagree in a
// few places:
// - KR_UNPARSE_ANNOTATION: the compiler's own unparser, which builds the
//   annotation strings of `from __future__ import annotations` (PEP 563).
//   This is what kr_unparse_expr produces.
// - KR_UNPARSE_AST: `ast.unparse(node)` of Lib/ast.py.
// The annotation flavour differs from ast.unparse in that it:
//   writes no space after `lambda` when there is no positional parameter
//   (`lambda*a: 1`, `lambda**k: 1`, `lambda*, a: 1`);
//   does not double the parentheses of a sole generator argument
//   (`f(x for x in y)`, not `f((x for x in y))`);
//   gives every operand of `and`/`or` the same precedence (ast.unparse
//   raises it for each further operand: `a or (b and c) or d`);
//   writes the value of `yield`/`yield from` at test level (`(yield a + b)`,
//   not `(yield (a + b))`);
//   leaves a walrus in a subscript bare (`x[y := 1]`);
//   puts no space between `True`/`False` and `.attr`;
//   writes an f-string as `f` + repr(body) with repr's quote choice and
//   escapes; ast.unparse picks quotes that avoid backslashes and writes
//   strings inside replacement fields without backslashes.
// Output is the same for every other node.
//
// Constants: ints are written in decimal whatever base the literal used
// (`0x10` -> `16`); floats as repr(), an infinity as `1e309`; imaginary
// literals as repr() of the complex (`1e309j` for an infinite one); str
// and bytes as repr(), with the `u` prefix kept; `...` for Ellipsis.
//
// The tree must be one the parser built (or shaped like one): it is
// walked recursively, and the parser bounds the nesting depth. At that
// bound (KR_AST_MAX_DEPTH) unparsing takes under 128 KB of C stack at -O2
// and 320 KB unoptimised, less than parsing the same text.
#ifndef KR_UNPARSE_H
#define KR_UNPARSE_H

#include "ast.h"

typedef enum KrUnparseFlavour {
    KR_UNPARSE_ANNOTATION, // CPython's compiler (PEP 563 annotation strings)
    KR_UNPARSE_AST,        // ast.unparse()
} KrUnparseFlavour;

typedef enum KrUnparseStatus {
    KR_UNPARSE_OK = 0,
    // The KrBuf (or a scratch buffer from its allocator) could not grow:
    // MemoryError.
    KR_UNPARSE_NOMEM,
    // An int literal has more than max_int_digits decimal digits. CPython
    // raises ValueError("Exceeds the limit (%d digits) for integer string
    // conversion; use sys.set_int_max_str_digits() to increase the
    // limit") from both unparsers (it is int.__repr__'s limit).
    KR_UNPARSE_INT_LIMIT,
    // KR_UNPARSE_AST only: a replacement field's expression cannot be
    // written without a backslash (a string holding a non-printable
    // character other than tab/newline, a bytes literal needing escapes).
    // ast.unparse raises ValueError("Unable to avoid backslash in f-string
    // expression part").
    KR_UNPARSE_BACKSLASH,
} KrUnparseStatus;

// Appends the annotation-flavour text of e to out. Int literals are
// converted without a digit limit (see kr_unparse_expr_ex to get
// CPython's ValueError instead). Returns false on allocation failure;
// out then keeps its old contents.
KR_MUST_CHECK bool kr_unparse_expr(const KrAstExpr *e, KrBuf *out);

// Appends the text of e in the given flavour to out. max_int_digits is
// sys.get_int_max_str_digits() (0 = no limit): an int literal whose
// decimal form would be longer fails with KR_UNPARSE_INT_LIMIT before any
// conversion work is done. On failure out keeps its old contents.
KR_MUST_CHECK KrUnparseStatus kr_unparse_expr_ex(const KrAstExpr *e, KrUnparseFlavour flavour,
                                                 size_t max_int_digits, KrBuf *out);

#endif
