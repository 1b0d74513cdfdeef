// types.h: constructors and helpers each built-in type exports to the rest
// of the interpreter. One section per file in src/obj/.
#ifndef KR_TYPES_H
#define KR_TYPES_H

#include "ops.h"

// ---- str (obj/str.c) --------------------------------------------------------
// s must be valid UTF-8 (krait's own encoding: lone surrogates allowed).
KrValue kr_str_new(KrRun *r, const char *s, size_t nbytes);
KrValue kr_str_new_n(KrRun *r, const char *s, size_t nbytes, size_t ncodepoints);
KrValue kr_str_from_cstr(KrRun *r, const char *s);
KrValue kr_str_from_buf(KrRun *r, const KrBuf *b);
KrValue kr_str_from_codepoint(KrRun *r, uint32_t cp);
KrValue kr_str_concat(KrRun *r, KrValue a, KrValue b);
int64_t kr_str_hash(const KrStr *s);
bool kr_str_equal(const KrStr *a, const KrStr *b);
bool kr_str_eq_cstr(const KrStr *a, const char *s);
// repr of a str (quotes and escapes as CPython); appends to b.
bool kr_str_repr_buf(KrBuf *b, const KrStr *s, bool ascii_only);
// SipHash-1-3 with a zero key (CPython's str hash under PYTHONHASHSEED=0).
int64_t kr_hash_bytes(const void *data, size_t n);
// %-formatting: fmt % args
KrValue kr_str_percent(KrRun *r, KrValue fmt, KrValue args);
KrValue kr_str_join(KrRun *r, KrValue sep, KrValue iterable);
// The strs items[0..n) end to end (an f-string's parts).
KrValue kr_str_concat_n(KrRun *r, const KrValue *items, size_t n);
KrValue kr_str_empty(void);                      // the static ''
bool kr_str_is_identifier(const KrStr *s);       // str.isidentifier()
KrValue kr_str_ascii_repr(KrRun *r, KrValue s); // ascii(s) of a str
// Byte-level substring search (shared with bytes): offset of the first
// occurrence at or after `from` / of the last occurrence, SIZE_MAX if none.
// Linear in the worst case.
size_t kr_str_search(const char *hay, size_t hn, const char *needle, size_t nn, size_t from);
// Non-overlapping occurrences of needle (nn > 0) in hay, at most max,
// polling the budget; false when the run must end.
bool kr_str_count_occ(KrRun *r, const char *hay, size_t hn, const char *needle, size_t nn, size_t max,
                      size_t *out);
size_t kr_str_rsearch(const char *hay, size_t hn, const char *needle, size_t nn);
// Argument checks for positional-only built-in methods, CPython's wording.
// qualname is "str.find". old_style: "find() takes at least 1 argument (0
// given)"; otherwise "center expected at least 1 argument, got 0".
bool kr_str_argcheck(KrRun *r, const char *qualname, size_t argc, KrValue kwnames, size_t min,
                     size_t max, bool old_style);
// Binds positional and keyword arguments as Argument Clinic does (messages
// "'x' is an invalid keyword argument for f()" ...). names ends with NULL;
// out[i] is KR_NULL for an argument not given.
bool kr_str_bind_args(KrRun *r, const char *fname, const char *const *names, size_t argc,
                      const KrValue *args, KrValue kwnames, KrValue *out);
// Arguments of a slot wrapper ("abc".__len__()): exactly n, no keywords.
// A start/end argument of find/count/...: None (or KR_NULL) leaves *out
// unchanged; huge ints clip. kr_str_adjust_window is CPython's
// ADJUST_INDICES.
bool kr_str_slice_arg(KrRun *r, KrValue v, int64_t *out);
void kr_str_adjust_window(int64_t *start, int64_t *end, size_t len);
// Codecs known to str.encode / bytes.decode / str(b, enc) / bytes(s, enc).
typedef enum { KR_CODEC_UTF8, KR_CODEC_ASCII, KR_CODEC_LATIN1 } KrCodec;
typedef enum {
    KR_ERRH_STRICT, KR_ERRH_IGNORE, KR_ERRH_REPLACE, KR_ERRH_BACKSLASH, KR_ERRH_XMLCHARREF,
    KR_ERRH_SURROGATEESCAPE, KR_ERRH_SURROGATEPASS, KR_ERRH_UNKNOWN
} KrErrHandler;
// encoding/errors may be KR_NULL (defaults utf-8/strict); fname names the
// function for "f() argument 'encoding' must be str, not int".
bool kr_str_codec_args(KrRun *r, const char *fname, KrValue encoding, KrValue errors,
                       KrCodec *codec, KrErrHandler *eh, const char **ehname);
const char *kr_str_codec_name(KrCodec c); // 'utf-8', 'ascii', 'latin-1'
// False (a UnicodeEncodeError) when s holds a lone surrogate: what writing
// it to sys.stdout/stderr raises.
bool kr_str_check_utf8_out(KrRun *r, const KrStr *s);
KrValue kr_str_encode(KrRun *r, KrValue s, KrCodec codec, KrErrHandler eh, const char *ehname);
// obj/strformat.c: the str methods format, format_map and __format__, and
// format(s, spec) for a str (spec UTF-8).
KrValue kr_str_format(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames);
KrValue kr_str_format_map(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kwnames);
KrValue kr_str_dunder_format(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                             KrValue kwnames);
KrValue kr_str_format_spec(KrRun *r, KrValue s, const char *spec, size_t n);
// Iterators over str (KrSeqIter; index = byte offset of the next character).
extern const KrType kr_type_str_iterator, kr_type_str_ascii_iterator;

// ---- bytes (obj/bytes.c) ----------------------------------------------------
KrValue kr_bytes_new(KrRun *r, const void *data, size_t n);
// Decodes to a str (codec arguments as for kr_str_encode).
KrValue kr_bytes_decode(KrRun *r, const uint8_t *data, size_t n, KrCodec codec, KrErrHandler eh,
                        const char *ehname);
// The data of a bytes-like value (bytes or bytearray); false if v is not
// one. A bytearray's view is valid only until Python code runs.
bool kr_bytes_view(KrValue v, const uint8_t **data, size_t *n);
// bytes % args (implemented with str's in obj/strformat.c).
KrValue kr_bytes_percent(KrRun *r, KrValue fmt, KrValue args);
extern const KrType kr_type_bytes_iterator; // KrSeqIter over the bytes
// Shared with bytearray, whose object starts like a KrBytes: repr (b'...'),
// comparison of any two bytes-like values, `x in b`, and the methods of
// bytes (called with a bytearray self they return bytes).
KrValue kr_bytes_repr(KrRun *r, KrValue v);
KrValue kr_bytes_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op);
int kr_bytes_contains(KrRun *r, KrValue v, KrValue x);
#define KR_BYTES_METHODS(X)                                                                    \
    X(capitalize) X(center) X(count) X(decode) X(endswith) X(expandtabs) X(find) X(fromhex)  \
    X(hex) X(index) X(isalnum) X(isalpha) X(isascii) X(isdigit) X(islower) X(isspace)        \
    X(istitle) X(isupper) X(join) X(ljust) X(lower) X(lstrip) X(maketrans) X(partition)      \
    X(removeprefix) X(removesuffix) X(replace) X(rfind) X(rindex) X(rjust) X(rpartition)     \
    X(rsplit) X(rstrip) X(split) X(splitlines) X(startswith) X(strip) X(swapcase) X(title)   \
    X(translate) X(upper) X(zfill)
#define KR_BYTES_METHOD_DECL(name) \
    KrValue kr_bytes_m_##name(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw);
KR_BYTES_METHODS(KR_BYTES_METHOD_DECL)
#undef KR_BYTES_METHOD_DECL

// ---- bytearray (obj/bytearray.c) ---------------------------------------------
// A mutable byte string. Its first fields lie where KrBytes has them (hash
// unused), so bytes.c's algorithms read a bytearray as they read bytes.
// data holds len bytes and a NUL in an owned buffer of cap bytes; with no
// buffer (cap 0) it points at a static empty string and len is 0.
typedef struct KrByteArray {
    KrObj ob;
    int64_t hash; // always -1: bytearrays are unhashable
    size_t len;
    uint8_t *data;
    size_t cap;
} KrByteArray;
extern const KrType kr_type_bytearray, kr_type_bytearray_iterator;
KrValue kr_bytearray_new(KrRun *r, const void *data, size_t n);
// bytearray.__init__(source, encoding, errors) on a bytearray (or an
// instance of a subclass): empties it, then fills it. KR_NONE or KR_EXC.
KrValue kr_bytearray_init(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kwnames);

// ---- int (obj/int.c) ------------------------------------------------------------
KrValue kr_int_from_i64(KrRun *r, int64_t i);
// int(s, base) for UTF-8 text (base 0 or 2..36): whitespace, '_' and
// Unicode digits as CPython; KR_EXC with CPython's ValueError (quoting the
// text) on bad input or past the 4300-digit limit.
KrValue kr_int_from_str(KrRun *r, const char *s, size_t n, int base);
// All kr_int_* that take a value accept bools as 0 and 1.
bool kr_int_to_i64(KrValue v, int64_t *out); // false if out of range (no exception)
// -> double, raising OverflowError "int too large to convert to float".
bool kr_int_to_double(KrRun *r, KrValue v, double *out);
KrValue kr_int_from_double(KrRun *r, double d); // trunc; raises for inf/nan
int kr_int_sign(KrValue v);
KrValue kr_int_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op);
// base 2..36, '-' sign, no prefix; base 10 obeys CPython's 4300-digit
// limit (ValueError "Exceeds the limit (4300 digits) ...").
KrValue kr_int_to_str(KrRun *r, KrValue v, int base);
// Decimal text with no digit limit, for values crossing the host boundary.
bool kr_int_to_decimal(KrRun *r, KrValue v, KrBuf *out);
KrValue kr_int_from_decimal(KrRun *r, const char *s, size_t n);
int64_t kr_int_hash(KrValue v);
int kr_int_cmp(KrValue a, KrValue b); // -1 0 1 (both ints)
// Is v an int: a small int, a bool or a KrBigInt? (kr_is_int excludes bools.)
bool kr_int_check(KrValue v);
// Exact int/float comparison: -1 0 1, or 2 when d is nan (unordered).
int kr_int_cmp_double(KrValue a, double d);
KrValue kr_int_abs(KrRun *r, KrValue v);
// An instance of class t (derived from int) with v's value: a KrBigInt
// of type t even for a small value.
KrValue kr_int_new_instance(KrRun *r, const KrType *t, KrValue v);
// operator.index(v): an int as it is, else a Python class's __index__()
// result (which must be an int); CPython's TypeErrors otherwise.
KrValue kr_int_index(KrRun *r, KrValue v);
// int(x) for an object that is no int, float, str or bytes: __int__,
// __index__, then __trunc__, as CPython 3.11.
KrValue kr_int_from_object(KrRun *r, KrValue x);
// pow(base, exp, mod) for ints (bools too); with a float or complex among
// them, CPython's errors (TypeError, or ValueError "complex modulo").
KrValue kr_int_powmod(KrRun *r, KrValue base, KrValue exp, KrValue mod);
// divmod(a, b) for any operands: ints, floats, or a Python class's
// __divmod__/__rdivmod__; CPython's TypeError otherwise.
KrValue kr_number_divmod(KrRun *r, KrValue a, KrValue b);

// ---- float (obj/float.c) ------------------------------------------------------
// Floats are unboxed doubles; only instances of classes derived from float
// live on the heap, as a KrFloatObj (followed by their dict slot).
typedef struct KrFloatObj {
    KrObj ob;
    double value;
} KrFloatObj;
// A float or an instance of a float subclass?
bool kr_float_check(KrValue v);
// The value of a value that passes kr_float_check.
double kr_float_value(KrValue v);
// A NaN with a payload of its own: each NaN a computation makes is a new
// object in CPython, so `x = nan; x in [x]` holds while two NaNs made
// apart stay two (identity is the value word).
KrValue kr_float_fresh_nan(KrRun *r, bool negative);
static inline KrValue kr_float_result(KrRun *r, double d) {
    if (KR_LIKELY(d == d)) return kr_from_double(d);
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return kr_float_fresh_nan(r, bits >> 63);
}
// An instance of class t (derived from float) holding d.
KrValue kr_float_new_instance(KrRun *r, const KrType *t, double d);
KrValue kr_float_repr(KrRun *r, double d);
int64_t kr_float_hash(double d);
// x ** y with Python's rules and errors (ZeroDivisionError for 0.0 ** -1,
// OverflowError (34, ...) on overflow; a negative base with a fractional
// exponent gives a complex, as in CPython).
KrValue kr_float_pow(KrRun *r, double x, double y);
// An int, bool or float (or a subclass instance, or an object with
// __float__/__index__) as a double; TypeError "must be real number, not
// str" otherwise.
bool kr_float_from_value(KrRun *r, KrValue v, double *out);

// ---- complex (obj/complex.c) ---------------------------------------------------
// Always on the heap; instances of classes derived from complex use the
// same layout (followed by their dict slot).
typedef struct KrComplex {
    KrObj ob;
    double re, im;
} KrComplex;
// A complex or an instance of a complex subclass?
bool kr_complex_check(KrValue v);
KrValue kr_complex_new(KrRun *r, double re, double im);
// An instance of class t (complex or a class derived from it).
KrValue kr_complex_new_instance(KrRun *r, const KrType *t, double re, double im);
// (ar+ai*j) ** (br+bi*j) with CPython's algorithm and errors
// (ZeroDivisionError "0.0 to a negative or complex power", OverflowError
// "complex exponentiation").
KrValue kr_complex_pow(KrRun *r, double ar, double ai, double br, double bi);

// ---- tuple (obj/tuple.c) ------------------------------------------------------
// A tuple of n items, all set to KR_NONE; fill items[] before it escapes.
KrValue kr_tuple_new(KrRun *r, size_t n);
KrValue kr_tuple_from_array(KrRun *r, const KrValue *items, size_t n);
KrValue kr_tuple_pack2(KrRun *r, KrValue a, KrValue b);
extern const KrTuple kr_empty_tuple;
// CPython's tuple hash (xxHash-based) of n items: hash((a, b)) without
// making the tuple (range and other types hash as tuples).
bool kr_tuple_hash_items(KrRun *r, const KrValue *items, size_t n, int64_t *out);
// Lexicographic rich comparison of two immutable item arrays, as tuples
// compare (slices compare this way too).
KrValue kr_tuple_compare_items(KrRun *r, const KrValue *a, size_t na, const KrValue *b,
                               size_t nb, KrCmpOp op);

// ---- list (obj/list.c) ----------------------------------------------------------
KrValue kr_list_new(KrRun *r, size_t capacity);
KrValue kr_list_from_array(KrRun *r, const KrValue *items, size_t n);
bool kr_list_append(KrRun *r, KrList *l, KrValue v);
bool kr_list_extend(KrRun *r, KrList *l, KrValue iterable);
// Stable sort with optional key function (may be KR_NULL) and reverse.
bool kr_list_sort(KrRun *r, KrList *l, KrValue key, bool reverse);

// ---- dict (obj/dict.c) ------------------------------------------------------------
KrValue kr_dict_new(KrRun *r);
KrValue kr_dict_new_sized(KrRun *r, size_t n); // room for n items without a resize
// 1 found (*out set), 0 missing, -1 error.
int kr_dict_get(KrRun *r, KrDict *d, KrValue key, KrValue *out);
int kr_dict_get_hashed(KrRun *r, KrDict *d, KrValue key, int64_t hash, KrValue *out);
// The entry number of key: >= 0 found, -1 missing, -2 error.
ptrdiff_t kr_dict_index_hashed(KrRun *r, KrDict *d, KrValue key, int64_t hash);
bool kr_dict_set(KrRun *r, KrDict *d, KrValue key, KrValue v);
bool kr_dict_set_hashed(KrRun *r, KrDict *d, KrValue key, int64_t hash, KrValue v);
// Adds a key the caller knows is absent (no lookup): a new dict's first keys.
bool kr_dict_add_new(KrRun *r, KrDict *d, KrValue key, int64_t hash, KrValue v);
int kr_dict_del(KrRun *r, KrDict *d, KrValue key); // 1 deleted, 0 missing, -1 error
// Removes key: 1 (*out = its value), 0 missing, -1 error.
int kr_dict_pop(KrRun *r, KrDict *d, KrValue key, KrValue *out);
// Iteration: *pos starts at 0; returns false at the end. key/value may be NULL.
bool kr_dict_next(KrDict *d, size_t *pos, KrValue *key, KrValue *value);
bool kr_dict_update(KrRun *r, KrDict *d, KrValue other); // mapping or pairs
bool kr_dict_is_plain(KrRun *r, KrValue v); // a dict iterated as itself
KrValue kr_mappingproxy_new(KrRun *r, KrValue mapping); // read-only view (class __dict__)
KrValue kr_dict_copy(KrRun *r, KrDict *d);                 // a new plain dict
// Lookup by C string (attribute/global names), no exception if missing.
KrValue kr_dict_get_cstr(KrRun *r, KrDict *d, const char *key);
// Argument checks worded as CPython's built-in methods: max == 0 gives
// "dict.keys() takes no arguments (1 given)", min == max == 1 gives
// "set.add() takes exactly one argument (0 given)", otherwise "get expected
// at most 2 arguments, got 3" (the part of qualname after the dot); any
// keyword gives "dict.get() takes no keyword arguments". A bare dunder name
// ("__len__") gets the slot-wrapper wording: "expected 1 argument, got 0"
// (max is the count) and "wrapper __len__() takes no keyword arguments".
bool kr_dict_check_args(KrRun *r, const char *qualname, size_t argc, KrValue kwnames,
                        size_t min, size_t max);
extern const KrType kr_type_dict_keys, kr_type_dict_values, kr_type_dict_items;

// Hash and equality fast paths for dict and set keys: exact str, small int,
// float, bool and the singletons never call out to Python code.
static inline bool kr_dict_quick_hash(KrRun *r, KrValue key, int64_t *h) {
    if (kr_is_ptr(key) && kr_as_obj(key)->type == &kr_type_str) {
        KrStr *s = kr_as_str(key);
        if (s->hash == -1) {
            int64_t x = kr_str_hash(s);
            if (!(s->ob.gc & KR_GC_STATIC)) s->hash = x; // static strs are read-only
            *h = x;
        } else {
            *h = s->hash;
        }
        return true;
    }
    if (kr_is_small(key)) {
        int64_t i = kr_as_small(key); // |i| < 2^47: CPython's int hash is i itself
        *h = i == -1 ? -2 : i;
        return true;
    }
    return kr_hash(r, key, h);
}

static inline bool kr_dict_quick_num(KrValue v, double *out) {
    if (kr_is_small(v)) *out = (double)kr_as_small(v); // exact: 48-bit ints
    else if (kr_is_double(v)) *out = kr_as_double(v);
    else if (kr_is_bool(v)) *out = v == KR_TRUE;
    else return false;
    return true;
}

// 1 equal, 0 not equal, -1 undecided (the caller must use kr_eq).
static inline int kr_dict_quick_eq(KrValue a, KrValue b) {
    if (a == b) return 1;
    double x, y;
    bool na = kr_dict_quick_num(a, &x), nb = kr_dict_quick_num(b, &y);
    if (na && nb) return x == y;
    bool sa = kr_is_ptr(a) && kr_as_obj(a)->type == &kr_type_str;
    bool sb = kr_is_ptr(b) && kr_as_obj(b)->type == &kr_type_str;
    if (sa && sb) return kr_str_equal(kr_as_str(a), kr_as_str(b));
    // Two built-in scalars of different kinds are never equal.
    if ((na || sa || kr_is_special(a)) && (nb || sb || kr_is_special(b))) return 0;
    return -1;
}

// ---- set (obj/set.c) ----------------------------------------------------------------
KrValue kr_set_new(KrRun *r, const KrType *t); // set or frozenset
// A new set of type t (set or frozenset) holding the items of iterable
// (KR_NULL: empty), built as CPython's set(iterable) builds it.
KrValue kr_set_new_from(KrRun *r, const KrType *t, KrValue iterable);
bool kr_set_add(KrRun *r, KrSet *s, KrValue key);
int kr_set_contains(KrRun *r, KrSet *s, KrValue key); // a set key is looked up as frozenset
int kr_set_discard(KrRun *r, KrSet *s, KrValue key);  // 1 removed, 0 missing, -1 error
bool kr_set_next(KrSet *s, size_t *pos, KrValue *key);
// In-place algebra with any iterable, as the set methods of the same name
// (dict views build their results with these).
bool kr_set_update(KrRun *r, KrSet *s, KrValue iterable);
bool kr_set_difference_update(KrRun *r, KrSet *s, KrValue other);
bool kr_set_symmetric_difference_update(KrRun *r, KrSet *s, KrValue other);
KrValue kr_set_intersection(KrRun *r, KrSet *s, KrValue other); // s.intersection(other)
// The frozenset CPython 3.11's compiler makes for a display of n >= 3
// constants ({1, 2, 3}, or `for x in {1, 2, 3}`), whose iteration order a
// program can see: built from the items in source order, then rebuilt from
// that frozenset's own order (constant merging). A display evaluates to
// kr_set_new_from(set, folded) (BUILD_SET 0 + SET_UPDATE); a for loop or
// `in` uses the frozenset itself.
KrValue kr_set_fold_consts(KrRun *r, const KrValue *items, size_t n);
static inline bool kr_is_anyset(KrValue v) {
    return kr_is_ptr(v) && (kr_isinstance(v, &kr_type_set) || kr_isinstance(v, &kr_type_frozenset));
}

// ---- range, slice (obj/range.c) -------------------------------------------------
KrValue kr_range_new(KrRun *r, KrValue start, KrValue stop, KrValue step);
KrValue kr_slice_new(KrRun *r, KrValue start, KrValue stop, KrValue step);
// Resolves a slice against a sequence length: CPython's PySlice_Unpack +
// AdjustIndices. Returns the number of items; false on error.
bool kr_slice_indices(KrRun *r, KrSlice *s, size_t len, int64_t *start, int64_t *stop,
                      int64_t *step, size_t *count);
// The two halves of kr_slice_indices, for callers whose length may change
// while the slice's __index__ methods run: unpack (defaults, clamping,
// "slice step cannot be zero"), then adjust to a length (returns the count).
bool kr_slice_unpack(KrRun *r, KrSlice *s, int64_t *start, int64_t *stop, int64_t *step);
size_t kr_slice_adjust(size_t len, int64_t *start, int64_t *stop, int64_t step);
// An index-like value (int, bool, object with __index__) as int64, like
// CPython's PyNumber_AsSsize_t: an int that does not fit raises `overflow`
// ("cannot fit 'int' into an index-sized integer"), or is clamped when
// overflow is NULL. 1: done; 0: v is not index-like (nothing raised, the
// caller raises its own TypeError); -1: error.
int kr_slice_as_index(KrRun *r, KrValue v, const KrType *overflow, int64_t *out);
bool kr_seq_repeat_count(KrRun *r, KrValue n, int64_t *count);
// reversed(range): an iterator from the last item down.
KrValue kr_range_reversed(KrRun *r, KrValue range);
// The range iterator for ranges whose items are all small ints (the hot
// path of `for i in range(n)`); a VM may inline its next. Other ranges
// iterate with kr_type_longrange_iterator.
typedef struct KrRangeIter {
    KrObj ob;
    int64_t next;  // the next value to yield
    int64_t step;
    uint64_t left; // values still to yield
} KrRangeIter;
extern const KrType kr_type_range_iterator, kr_type_longrange_iterator;

// ---- functions (obj/func.c) ------------------------------------------------------
KrValue kr_bound_native_new(KrRun *r, KrValue self, const KrMethodDef *def, const KrType *owner);
KrValue kr_cell_new(KrRun *r, KrValue v);

// ---- exceptions (obj/exc.c) --------------------------------------------------------
// str(exc) as CPython: '' for no args, str(arg) for one, repr(args) else;
// KeyError with one arg uses repr.
KrValue kr_exc_str(KrRun *r, KrValue exc);
// Raise the codecs' errors with CPython's arguments and attributes
// (str(e) is "'utf-8' codec can't decode byte 0xff in position 0: ...").
// Decoding: object is bytes(data[0, n)), start/end byte offsets. Encoding:
// object is str_obj, start/end code point indices. Return KR_EXC.
KrValue kr_raise_unicode_decode(KrRun *r, const char *encoding, const void *data, size_t n, size_t start,
                                size_t end, const char *reason);
KrValue kr_raise_unicode_encode(KrRun *r, const char *encoding, KrValue str_obj, size_t start, size_t end,
                                const char *reason);

// ---- iterators (obj/iter.c) ----------------------------------------------------------
// A KrSeqIter of type t (t->basic_size bytes, at least a KrSeqIter) over
// seq, index 0. The types below use it; other files may define their own
// iterator types on the same layout.
KrValue kr_seqiter_new(KrRun *r, const KrType *t, KrValue seq);
// list_iterator, list_reverseiterator and tuple_iterator work on a KrList /
// KrTuple directly; `iterator` is the __getitem__ protocol (what iter()
// gives for a class with __getitem__ but no __iter__); `reversed` is the
// type of reversed(seq) for sequences without __reversed__. enumerate, zip,
// map, filter and reversed are the builtins themselves (calling the type
// makes the iterator).
extern const KrType kr_type_list_iterator, kr_type_list_reverseiterator, kr_type_tuple_iterator,
    kr_type_iterator, kr_type_reversed, kr_type_enumerate, kr_type_zip, kr_type_map,
    kr_type_filter;
// __iter__ (returns self) and __next__ (raises StopIteration at the end)
// as methods, for any iterator type's method table.
KrValue kr_iter_meth_iter(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kwnames);
KrValue kr_iter_meth_next(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kwnames);
// "<list_iterator object at 0x...>" with the run's identity number (never
// a host address), like the default object repr.
KrValue kr_iter_repr(KrRun *r, KrValue v);

#endif
