// numbers.h: helpers shared by obj/int.c and obj/float.c only (the
// interpreter-wide number API is in types.h).
#ifndef KR_OBJ_NUMBERS_H
#define KR_OBJ_NUMBERS_H

#include "../types.h"
#include "../numfmt.h"

// A failed allocation: returns KR_EXC, raising MemoryError unless the run
// already ended with its limit error.
KrValue kr_int_nomem(KrRun *r);
// Raises the error a numfmt call reported (errmsg as CPython's message).
KrValue kr_int_fmt_error(KrRun *r, KrFmtStatus st, const char *errmsg);
// Checks the single str argument of int/float __format__ (CPython's
// messages) and stores it in *spec: KR_NONE, or KR_EXC.
KrValue kr_int_format_spec(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                           KrValue kwnames, KrStr **spec);
// Calls method `name` of an instance of a class defined in Python (the
// __int__/__index__/__float__/__divmod__ fallbacks): KR_NULL when v is a
// built-in value or its class has no such method.
KrValue kr_int_call_dunder(KrRun *r, KrValue v, const char *name, size_t argc, const KrValue *args);
// divmod(a, b) when a or b is no int: floats, or a Python class's
// __divmod__ / __rdivmod__ (TypeError otherwise).
KrValue kr_float_divmod(KrRun *r, KrValue a, KrValue b);

// A dunder and its reflected twin as method-table functions (x_m_pow and
// x_m_rpow) over one implementation taking `reflected`.
#define KR_NUM_DUNDER_PAIR(prefix, fwd, rev, impl)                                                      \
    static KrValue prefix##_m_##fwd(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) { \
        return impl(r, self, argc, args, kw, false);                                                    \
    }                                                                                                   \
    static KrValue prefix##_m_##rev(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) { \
        return impl(r, self, argc, args, kw, true);                                                     \
    }

#endif
