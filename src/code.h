// code.h: compiled code. A KrCode is immutable once built and owned by its
// KrProgram, which runs share (possibly across threads): nothing here may
// be written at run time. Instructions are 32-bit words: the opcode in the
// low 8 bits, the argument in the high 24.
#ifndef KR_CODE_H
#define KR_CODE_H

#include "run.h"

typedef enum {
#define KR_OP(name, pops, pushes) KR_OP_##name,
#include "opcodes.def"
#undef KR_OP
    KR_OP__COUNT
} KrOpcode;

#define KR_INSN(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define KR_INSN_OP(w) ((w)&0xFF)
#define KR_INSN_ARG(w) ((w) >> 8)
#define KR_ARG_MAX 0xFFFFFF

#define KR_CODE_VARARGS 1u
#define KR_CODE_VARKW 2u
#define KR_CODE_GENERATOR 4u
#define KR_CODE_NESTED 8u
#define KR_CODE_MODULE 16u
#define KR_CODE_COMPREHENSION 32u
#define KR_CODE_COROUTINE 64u

// Source position of one instruction (lines 1-based, columns 0-based
// UTF-8 byte offsets as CPython's co_positions).
typedef struct KrLoc {
    int32_t line, end_line;
    int32_t col, end_col;
} KrLoc;

// One exception-table entry: instructions [start, end) jump to `handler`
// with the value stack cut to `depth` and the exception pushed.
typedef struct KrExcEntry {
    uint32_t start, end, handler, depth;
} KrExcEntry;

struct KrCode {
    KrObj ob;
    const uint32_t *insns;
    uint32_t ninsns;
    const KrValue *consts;
    uint32_t nconsts;
    KrStr *const *names; // globals and attributes
    const int32_t *name_builtin; // per name: builtin index, or -1
    uint32_t nnames;
    KrStr *const *varnames; // locals: parameters first
    uint32_t nlocals;
    KrStr *const *cellnames; // cells created by this code, then free vars
    uint32_t ncells, nfrees;
    const int32_t *cell_arg; // per cell: the local (parameter) it starts from, or -1
    uint32_t argcount, posonlycount, kwonlycount;
    uint32_t flags;
    uint32_t stacksize;
    const KrLoc *locs; // ninsns entries
    const KrExcEntry *exctab;
    uint32_t nexc;
    KrStr *name, *qualname, *filename;
    KrValue doc; // the docstring (a str) or None
    int32_t firstline;
};

// An immutable compiled program: the module code and its source (for
// traceback lines). Shared by every run of it.
struct KrProgram {
    KrCode *module;
    const char *source;
    size_t source_len;
    const char *filename;
    // the global names the host supplies and its functions (krait_compile)
    const char *const *inputs;
    uint32_t ninputs;
    const char *const *externs;
    uint32_t nexterns;
    // everything the compiler allocated, freed together
    void *owned;
    KrAllocator alloc;
};

int kr_op_stack_effect(uint32_t insn, bool jump);
extern const char *const kr_op_names[KR_OP__COUNT];

#endif
