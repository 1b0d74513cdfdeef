// verify.h: the bytecode verifier for code objects read from snapshot
// bytes. The VM trusts its code completely (no bounds or type checks in
// the loop), so code that did not come from our compiler must be proved
// safe first: every opcode known, every operand inside its table, every
// jump and handler inside the code, no path running off the end, and an
// abstract interpretation of the value stack that proves a consistent
// depth at every instruction and that each instruction finds the kinds of
// slot the VM assumes (a list under LIST_APPEND, a code constant under
// MAKE_FUNCTION with a closure of exactly its free-variable count, an
// exception under RERAISE, the NULL / method-pair markers only where a
// call expects them...). The stack size is computed here, not trusted.
#ifndef KR_VERIFY_H
#define KR_VERIFY_H

#include "code.h"
#include "snap.h"

struct KrArena; // ast.h

// Deepest value stack accepted (a frame of this many slots is 8 MB).
#define KR_VERIFY_MAX_DEPTH ((uint32_t)1 << 20)

// Checks `code`, whose constants (nested code objects included) are
// already built and verified, and sets code->stacksize. `is_module`: it
// is the program's top-level code (run without a function object, so it
// may have no parameters and no cells). Scratch memory comes from alloc
// and is freed before returning. On KR_SNAP_ERR_FORMAT, err says why.
KrSnapStatus kr_verify_code(KrCode *code, bool is_module, KrAllocator alloc, char *err, size_t errcap);

// ---- the value stack at an instruction (run snapshots) ----------------------
// A loaded frame's value stack must hold what the verifier proves the
// code expects there. Slot kinds (low 4 bits; a number above them for
// KR_VF_STRTUP / KR_VF_CELLTUP, the tuple's length, and KR_VF_CODE, the
// constant's index):
enum {
    KR_VF_VAL, KR_VF_LIST, KR_VF_SET, KR_VF_DICT, KR_VF_TUPLE, KR_VF_STRTUP, KR_VF_CELLTUP, KR_VF_STR,
    KR_VF_CELL, KR_VF_CODE, KR_VF_EXC, KR_VF_NULL, KR_VF_METH, KR_VF_SELF, KR_VF_EXCINFO
};
#define KR_VF_KIND(s) ((s)&15u)
#define KR_VF_NUM(s) ((s) >> 4)

typedef struct KrVfStacks KrVfStacks;
// Verifies `code` (without changing it) and keeps the states. NULL when
// the code does not verify or memory ran out (*nomem tells which).
KrVfStacks *kr_verify_stacks_new(const KrCode *code, bool is_module, KrAllocator alloc, bool *nomem);
// Slots of scratch a query needs (the code's deepest stack, and a margin).
uint32_t kr_verify_stacks_scratch(const KrVfStacks *s);
// The stack before instruction pc, bottom first, into scratch: false when
// pc is never reached. Read only: queries may run on several threads.
bool kr_verify_stacks_at(const KrVfStacks *s, uint32_t pc, uint32_t *scratch, uint32_t *depth);
void kr_verify_stacks_free(KrVfStacks *s);
// kr_verify_code that also hands back the states it proved (*keep, when
// the code verifies): the same as kr_verify_stacks_new would make, without
// a second run for a loader that will query them. They live in `arena`
// (its allocator serves the scratch too) and go with it:
// kr_verify_stacks_free leaves them alone, so a loader keeping several
// makes no allocation for each.
KrSnapStatus kr_verify_code_keep(KrCode *code, bool is_module, struct KrArena *arena, char *err, size_t errcap,
                                 KrVfStacks **keep);

#endif
