// value.h: the tagged value word. Every Python value is one 64-bit word:
// doubles are stored as themselves; the top of the negative-NaN space
// (top 14 bits all ones) holds pointers, small ints and the singletons.
//
//   < 0xFFFC000000000000          a double (NaNs canonicalised below it)
//   0xFFFC | 48-bit address       pointer to a heap or static object
//   0xFFFD | 48-bit two's compl.  small int in [-2^47, 2^47)
//   0xFFFE | small code           None, False, True, NotImplemented, ...
#ifndef KR_VALUE_H
#define KR_VALUE_H

#include "common.h"

typedef uint64_t KrValue;

#define KR_TAG_MASK 0xFFFF000000000000ULL
#define KR_TAG_PTR 0xFFFC000000000000ULL
#define KR_TAG_INT 0xFFFD000000000000ULL
#define KR_TAG_SPECIAL 0xFFFE000000000000ULL
#define KR_PAYLOAD 0x0000FFFFFFFFFFFFULL

#define KR_SMALL_MAX ((int64_t)0x7FFFFFFFFFFF)
#define KR_SMALL_MIN (-(int64_t)0x800000000000)

// Singletons. KR_FALSE/KR_TRUE differ in the low bit only.
#define KR_NONE (KR_TAG_SPECIAL | 0)
#define KR_FALSE (KR_TAG_SPECIAL | 2)
#define KR_TRUE (KR_TAG_SPECIAL | 3)
#define KR_NOTIMPL (KR_TAG_SPECIAL | 4)
#define KR_ELLIPSIS (KR_TAG_SPECIAL | 5)
// Internal markers, never visible to Python code:
// KR_EXC: "an exception is pending in the run" (the error return value).
// KR_NULL: an empty slot (unbound local, deleted item, missing argument).
// KR_STOP: an iterator is exhausted (no StopIteration object is made).
#define KR_EXC (KR_TAG_SPECIAL | 8)
#define KR_NULL (KR_TAG_SPECIAL | 9)
#define KR_STOP (KR_TAG_SPECIAL | 10)
// KR_PAUSE: the run stopped at an external call; its frames are kept.
#define KR_PAUSE (KR_TAG_SPECIAL | 11)
// A raw pointer to a const KrMethodDef, only ever on the VM stack between
// LOAD_METHOD and its CALL (the collector ignores it).
#define KR_TAG_METHDEF 0xFFFF000000000000ULL

typedef struct KrObj KrObj;

static inline bool kr_is_double(KrValue v) { return v < KR_TAG_PTR; }
static inline bool kr_is_ptr(KrValue v) { return (v & KR_TAG_MASK) == KR_TAG_PTR; }
static inline bool kr_is_small(KrValue v) { return (v & KR_TAG_MASK) == KR_TAG_INT; }
static inline bool kr_is_special(KrValue v) { return (v & KR_TAG_MASK) == KR_TAG_SPECIAL; }
static inline bool kr_is_bool(KrValue v) { return (v | 1) == KR_TRUE; }

static inline double kr_as_double(KrValue v) {
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}
static inline KrValue kr_from_double(double d) {
    KrValue v;
    memcpy(&v, &d, sizeof v);
    // A NaN whose bits collide with the tagged space becomes the plain
    // negative quiet NaN (sign kept, payload lost: Python cannot see it).
    if (KR_UNLIKELY(v >= KR_TAG_PTR)) v = 0xFFF8000000000000ULL;
    return v;
}
static inline int64_t kr_as_small(KrValue v) { return ((int64_t)(v << 16)) >> 16; }
static inline KrValue kr_from_small(int64_t i) { return KR_TAG_INT | ((uint64_t)i & KR_PAYLOAD); }
static inline bool kr_fits_small(int64_t i) { return i >= KR_SMALL_MIN && i <= KR_SMALL_MAX; }
static inline KrObj *kr_as_obj(KrValue v) { return (KrObj *)(uintptr_t)(v & KR_PAYLOAD); }
static inline KrValue kr_from_obj(const void *o) { return KR_TAG_PTR | (uint64_t)(uintptr_t)o; }
static inline KrValue kr_bool(bool b) { return b ? KR_TRUE : KR_FALSE; }

#endif
