// ops.h: the generic protocols (the "abstract object layer"): what the VM
// and native code call to operate on any value. Each dispatches through
// the operand's type slots, with CPython's fallback rules and messages.
// All return KR_EXC / false / -1 with the exception set in the run.
#ifndef KR_OPS_H
#define KR_OPS_H

#include "run.h"

KrValue kr_repr(KrRun *r, KrValue v);  // -> str
KrValue kr_str(KrRun *r, KrValue v);   // -> str
KrValue kr_ascii(KrRun *r, KrValue v); // -> str
bool kr_hash(KrRun *r, KrValue v, int64_t *out);
int kr_truth(KrRun *r, KrValue v);
// Full rich comparison (reflection, identity fallback for == and !=,
// TypeError "'<' not supported between instances of ...").
KrValue kr_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op);
// a == b as a C truth value (identity first, like CPython's containers).
int kr_eq(KrRun *r, KrValue a, KrValue b);
int kr_lt(KrRun *r, KrValue a, KrValue b);
KrValue kr_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op);
KrValue kr_inplace(KrRun *r, KrValue a, KrValue b, KrBinOp op);
KrValue kr_unary(KrRun *r, KrValue a, KrUnOp op);
KrValue kr_getitem(KrRun *r, KrValue o, KrValue key);
KrValue kr_setitem(KrRun *r, KrValue o, KrValue key, KrValue v);
KrValue kr_delitem(KrRun *r, KrValue o, KrValue key);
int kr_contains(KrRun *r, KrValue container, KrValue x);
int kr_contains_by_iter(KrRun *r, KrValue container, KrValue x);
bool kr_len(KrRun *r, KrValue v, size_t *out);
KrValue kr_iter(KrRun *r, KrValue v);
KrValue kr_next(KrRun *r, KrValue it); // KR_STOP at the end
KrValue kr_getattr(KrRun *r, KrValue o, KrStr *name);
KrValue kr_getattr_cstr(KrRun *r, KrValue o, const char *name);
// Like kr_getattr but returns KR_NULL (no exception) when missing.
KrValue kr_getattr_opt(KrRun *r, KrValue o, KrStr *name);
KrValue kr_getattr_opt_cstr(KrRun *r, KrValue o, const char *name);
KrValue kr_setattr(KrRun *r, KrValue o, KrStr *name, KrValue v); // KR_NULL deletes
// The AttributeError for storing to getset `name` of static type owner on
// an instance of type shown: CPython's wording for a getset or a member.
KrValue kr_raise_getset_readonly(KrRun *r, const KrType *owner, const KrType *shown, const KrStr *name);
KrValue kr_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args, KrValue kwnames);
KrValue kr_call0(KrRun *r, KrValue callee);
KrValue kr_call1(KrRun *r, KrValue callee, KrValue a);
KrValue kr_call2(KrRun *r, KrValue callee, KrValue a, KrValue b);
// format(v, spec) -> str
KrValue kr_format(KrRun *r, KrValue v, KrValue spec);
// Python's operator symbol for messages ("+", "//", "<").
const char *kr_binop_symbol(KrBinOp op);
const char *kr_cmpop_symbol(KrCmpOp op);
// Converts an index-like value (int, bool, __index__) to int64 with
// CPython's messages; `what` names the use for the TypeError.
bool kr_index(KrRun *r, KrValue v, int64_t *out);
KrValue kr_index_value(KrRun *r, KrValue v);
// Converts to an index into a sequence of length n (negative counts from
// the end). Returns false with an exception set for non-int types
// (TypeError) or a huge int (IndexError); the range check is the caller's.
// v as an index into a sequence of n items (negative ones wrap); not_index
// is the TypeError format (one %s: the type name) for non-index values.
bool kr_seq_index(KrRun *r, KrValue v, size_t n, int64_t *out, const char *not_index);
// Collects any iterable into a new list / tuple.
KrValue kr_list_from_iter(KrRun *r, KrValue iterable);
KrValue kr_tuple_from_iter(KrRun *r, KrValue iterable);

// Recursion guard for repr of containers: returns 1 if v is already being
// repr'd (print "[...]"), 0 after registering it, -1 on error. Each 0
// must be paired with kr_repr_leave.
int kr_repr_enter(KrRun *r, KrValue v);
void kr_repr_leave(KrRun *r, KrValue v);

// Attribute machinery shared with the VM: method lookup by name along the
// type's bases, the generic lookup (getsets, methods; KR_NULL if absent),
// identity hashing for types that hash by identity.
const KrMethodDef *kr_find_method(const KrType *t, const KrStr *name);
const KrMethodDef *kr_find_method_cached(KrRun *r, const KrType *t, const KrStr *name);
KrValue kr_generic_getattr(KrRun *r, KrValue o, KrStr *name);
bool kr_identity_hash(KrRun *r, KrValue v, int64_t *out);
// isinstance(exc, type) for `except` clauses (type may be a tuple);
// -1 with TypeError when type is not an exception class.
int kr_exc_match(KrRun *r, KrValue exc, KrValue type);

// ---- argument checking for natives ----------------------------------------
// "f() takes no keyword arguments"
bool kr_args_no_kw(KrRun *r, const char *fname, KrValue kwnames);
// Positional count in [min, max]; CPython's "f expected at most 2
// arguments, got 3" / "f expected at least 1 argument, got 0" wording.
bool kr_args_count(KrRun *r, const char *fname, size_t argc, size_t min, size_t max);
// Slot wrappers ((1).__add__, "a".__len__) word theirs as CPython's:
// "wrapper __add__() takes no keyword arguments", "expected 1 argument, got
// 0", and for a range (__pow__'s modulus) " expected at most 2 arguments, got 3".
bool kr_wrapper_args(KrRun *r, const char *name, size_t argc, KrValue kw, size_t min, size_t max);
// A built-in method of n (0 or 1) arguments, worded as CPython's: a method
// ("list.copy() takes no arguments (1 given)", "list.__getitem__() takes
// exactly one argument (0 given)") or, for the dunders CPython exposes as
// slot wrappers (int.__neg__, list.__add__, range.__len__...), the
// wrapper's ("expected 0 arguments, got 1").
bool kr_method_args(KrRun *r, const char *qualname, size_t argc, KrValue kw, size_t n);
// General parser: names[i] are the parameter names (NULL-terminated list);
// the first `npos_only` are positional-only, `nkw_only` at the end are
// keyword-only; the first `nrequired` must be given. out[i] receives the
// value or KR_NULL. Messages as CPython's for Python-defined functions:
// "f() got an unexpected keyword argument 'x'", "f() missing required
// argument 'x' (pos 1)", "f() takes at most 2 arguments (3 given)".
typedef struct KrArgSpec {
    const char *fname;
    const char *const *names;
    uint8_t npos_only;
    uint8_t nkw_only;
    uint8_t nrequired;
    // KR_ARGS_PY/KR_ARGS_PY_METHOD: word errors as for a `def` (what
    // CPython's pure-Python functions, asyncio.sleep or Queue.put, say);
    // fname is then the qualname, and a method's counts include self.
    uint8_t py;
} KrArgSpec;
// A descriptor's __get__(obj, type=None) arguments, checked as CPython
// checks them; *obj is None for a lookup on the class.
bool kr_descr_get_args(KrRun *r, size_t argc, const KrValue *args, KrValue kwnames, KrValue *obj);

enum { KR_ARGS_C, KR_ARGS_PY, KR_ARGS_PY_METHOD };
bool kr_args_parse(KrRun *r, const KrArgSpec *spec, size_t argc, const KrValue *args,
                   KrValue kwnames, KrValue *out);

// CPython's errors for a bad call of a `def`, shared by Python functions
// and natives parsed with `py` set. Missing: the slots in [from, to) still
// KR_NULL, named by pname(ud, i); kind is "positional" or "keyword-only".
KrValue kr_raise_missing_args(KrRun *r, const char *fname, const KrValue *slots, uint32_t from, uint32_t to,
                              const char *kind, const char *(*pname)(const void *ud, uint32_t i), const void *ud);
// A keyword names no parameter that takes keywords: CPython's error lists
// every positional-only parameter the call names, else it is unexpected.
KrValue kr_raise_bad_keyword(KrRun *r, const char *fname, uint32_t npos_only, KrValue kwnames, const KrStr *name,
                             const char *(*pname)(const void *ud, uint32_t i), const void *ud);
KrValue kr_raise_too_many_positional(KrRun *r, const char *fname, uint32_t argcount, uint32_t ndefaults,
                                     size_t given, uint32_t kwonly_given);

#endif
