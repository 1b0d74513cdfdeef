// verify.c: the bytecode verifier (verify.h). Stage: snapshot loading,
// between reading a code object and letting the VM run it.
//
// The abstract stack holds one VfSlot per value-stack slot: a kind and
// for some kinds a number (a tuple's length, a constant's index). Kinds
// VF_VAL..VF_EXC are real Python values, ordered from "any value" to more
// precise facts; VF_NULL, VF_METH, VF_SELF and VF_EXCINFO are the VM's
// internal markers. Block entry states are joined to a fixed point (a
// worklist over jump targets and handler entries); joins only lose
// precision, and markers never join with values, so the lattice is
// shallow and the iteration ends quickly. Work and memory are budgeted
// so that hostile code cannot make verification itself slow or huge.
#include <stdarg.h>
#include <stdio.h>
#include "verify.h"
#include "ast.h" // KrArena

typedef uint32_t VfSlot; // kind in the low 4 bits, number above

enum {
    VF_VAL,     // any Python value
    VF_LIST,    // a list made by BUILD_LIST
    VF_SET,     // a set made by BUILD_SET
    VF_DICT,    // a dict made by BUILD_MAP / DICT_WITHOUT_KEYS
    VF_TUPLE,   // a tuple
    VF_STRTUP,  // a constant tuple of n strs (keyword names)
    VF_CELLTUP, // a tuple of n cells (a closure)
    VF_STR,     // a str (constant, FORMAT_VALUE or BUILD_STRING)
    VF_CELL,    // a cell (LOAD_CLOSURE)
    VF_CODE,    // the code constant consts[n]
    VF_EXC,     // the exception an exception handler starts with
    VF_NULL,    // the NULL marker (PUSH_NULL)
    VF_METH,    // LOAD_METHOD's first slot: a callable or a raw method
    VF_SELF,    // LOAD_METHOD's second slot: self or NULL
    VF_EXCINFO, // a saved exc_info: an exception, None or NULL
};

_Static_assert((int)VF_VAL == (int)KR_VF_VAL && (int)VF_STRTUP == (int)KR_VF_STRTUP && (int)VF_CODE == (int)KR_VF_CODE &&
                   (int)VF_METH == (int)KR_VF_METH && (int)VF_EXCINFO == (int)KR_VF_EXCINFO,
               "verify.h's slot kinds are verify.c's");

// The instruction groups are inlined into vf_step: one function, so the
// hot path of a step pays no call and no register saves of its own.
#define VF_INLINE static inline __attribute__((always_inline))

#define VF(kind, n) ((VfSlot)(kind) | (VfSlot)(n) << 4)
#define VF_KIND(s) ((s)&15u)
#define VF_NUM(s) ((s) >> 4)

static bool vf_is_val(VfSlot s) { return VF_KIND(s) <= VF_EXC; }
static bool vf_is_tuple(VfSlot s) { return VF_KIND(s) >= VF_TUPLE && VF_KIND(s) <= VF_CELLTUP; }
static bool vf_is_pair(VfSlot s) { return VF_KIND(s) == VF_METH || VF_KIND(s) == VF_SELF; }
static bool vf_is_excinfo(VfSlot s) {
    return VF_KIND(s) == VF_EXC || VF_KIND(s) == VF_NULL || VF_KIND(s) == VF_EXCINFO;
}

typedef struct Verifier {
    KrCode *code;
    bool is_module;
    KrArena tmp;  // scratch and states, unless the caller gave an arena
    KrArena *mem; // where they are allocated: &tmp or the caller's
    VfSlot *cslots;   // per constant: the slot LOAD_CONST pushes
    uint8_t *leader;  // per instruction: a block starts here
    VfSlot **state;   // per leader: its entry state, NULL until reached; per checkpoint: its state
    uint32_t *sdepth; // per leader and checkpoint: its depth
    uint32_t *work;   // leaders whose state changed
    size_t nwork;
    uint8_t *queued;
    VfSlot *stk; // the state being walked
    uint32_t depth, cap, maxdepth;
    uint64_t steps_left, slots_left;
    uint64_t ckpt_left; // slots new checkpoints may still take
    bool keeps;         // the states are kept for queries: checkpoints are made
    uint32_t pc;
    char *err;
    size_t errcap;
    bool query;  // kr_verify_stacks_new: the code is not to be changed
    bool replay; // kr_verify_stacks_at: the states are final, nothing is merged
} Verifier;

// ---- errors, stack primitives -------------------------------------------------------

// cold: keeps the error formatting out of the way of the checks' fast paths
static bool vf_fail(Verifier *v, const char *fmt, ...) __attribute__((format(printf, 2, 3), cold));
static bool vf_fail(Verifier *v, const char *fmt, ...) {
    char msg[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (v->err && v->errcap) {
        uint32_t op = v->pc < v->code->ninsns ? KR_INSN_OP(v->code->insns[v->pc]) : 0;
        snprintf(v->err, v->errcap, "invalid bytecode in '%s' at instruction %u (%s): %s",
                 v->code->name ? v->code->name->data : "?", v->pc, op < KR_OP__COUNT ? kr_op_names[op] : "?", msg);
    }
    return false;
}

// cap never exceeds the deepest stack allowed, so `need <= cap` alone
// says both that there is room and that the depth is allowed.
__attribute__((noinline)) static bool vf_reserve_slow(Verifier *v, uint64_t need) {
    if (need > KR_VERIFY_MAX_DEPTH + 1u) return vf_fail(v, "value stack deeper than %u", KR_VERIFY_MAX_DEPTH);
    if (need <= v->cap) return true;
    if (v->replay) return vf_fail(v, "internal: replay deeper than the verified stack"); // never allocates
    uint32_t cap = v->cap ? v->cap : 64;
    while (cap < need) cap *= 2;
    if (cap > KR_VERIFY_MAX_DEPTH + 1u) cap = KR_VERIFY_MAX_DEPTH + 1u;
    VfSlot *n = kr_arena_array_uninit(v->mem, cap, sizeof *n);
    if (!n) return false;
    if (v->depth) memcpy(n, v->stk, v->depth * sizeof *n);
    v->stk = n;
    v->cap = cap;
    return true;
}

static bool vf_reserve(Verifier *v, uint64_t need) { return need <= v->cap || vf_reserve_slow(v, need); }

static bool vf_need(Verifier *v, uint64_t n) {
    return n <= v->depth || vf_fail(v, "value stack underflow (needs %llu, has %u)", (unsigned long long)n, v->depth);
}

// The slot i places below the top (0 = top); callers checked the depth.
static VfSlot *vf_at(Verifier *v, uint32_t i) { return &v->stk[v->depth - 1 - i]; }

static inline __attribute__((always_inline)) bool vf_push(Verifier *v, VfSlot s) {
    if (!vf_reserve(v, (uint64_t)v->depth + 2)) return false; // +1: the transient push of BUILD_SET & co
    v->stk[v->depth++] = s;
    if (v->depth > v->maxdepth) v->maxdepth = v->depth;
    return true;
}

static bool vf_push_n(Verifier *v, VfSlot s, uint64_t n) {
    if (!vf_reserve(v, v->depth + n + 1)) return false;
    for (uint64_t i = 0; i < n; i++) v->stk[v->depth++] = s;
    if (v->depth > v->maxdepth) v->maxdepth = v->depth;
    v->steps_left -= n < v->steps_left ? n : v->steps_left;
    return true;
}

// Pops n slots that must all be values (no marker may be consumed as one).
// Inlined: most instructions pop one or two, a loop the compiler unrolls.
static inline __attribute__((always_inline)) bool vf_pop_vals(Verifier *v, uint64_t n) {
    if (!vf_need(v, n)) return false;
    for (uint64_t i = 0; i < n; i++)
        if (!vf_is_val(*vf_at(v, (uint32_t)i))) return vf_fail(v, "operand %llu is not a value", (unsigned long long)i);
    v->depth -= (uint32_t)n;
    v->steps_left -= n < v->steps_left ? n : v->steps_left;
    return true;
}

static bool vf_pop_kind(Verifier *v, uint32_t kind, const char *what) {
    if (!vf_need(v, 1)) return false;
    if (VF_KIND(*vf_at(v, 0)) != kind) return vf_fail(v, "top of stack is not %s", what);
    v->depth--;
    return true;
}

static bool vf_pop_tuple(Verifier *v) {
    if (!vf_need(v, 1)) return false;
    if (!vf_is_tuple(*vf_at(v, 0))) return vf_fail(v, "top of stack is not a tuple");
    v->depth--;
    return true;
}

// The slot `i` below the top, which must be of `kind`, is read in place.
static bool vf_expect_at(Verifier *v, uint32_t i, uint32_t kind, const char *what) {
    if (!vf_need(v, (uint64_t)i + 1)) return false;
    if (VF_KIND(*vf_at(v, i)) != kind) return vf_fail(v, "stack slot %u below the top is not %s", i, what);
    return true;
}

VF_INLINE bool vf_replace_top(Verifier *v, uint64_t npop, VfSlot s) { return vf_pop_vals(v, npop) && vf_push(v, s); }

// ---- joining states -------------------------------------------------------------------

static bool vf_join(VfSlot a, VfSlot b, VfSlot *out) {
    if (a == b) *out = a;
    else if (vf_is_val(a) && vf_is_val(b)) *out = vf_is_tuple(a) && vf_is_tuple(b) ? VF(VF_TUPLE, 0) : VF(VF_VAL, 0);
    else if (vf_is_excinfo(a) && vf_is_excinfo(b)) *out = VF(VF_EXCINFO, 0);
    else return false;
    return true;
}

static void vf_enqueue(Verifier *v, uint32_t target) {
    if (v->queued[target]) return;
    v->queued[target] = 1;
    v->work[v->nwork++] = target;
}

// Flows `depth` slots into the leader `target`: the first arrival sets
// its state, later ones join into it (and requeue it when it changed).
static bool vf_merge(Verifier *v, uint32_t target, const VfSlot *slots, uint32_t depth) {
    if (v->replay) return true;
    if (!v->leader[target]) return vf_fail(v, "internal: flow into a non-leader %u", target);
    v->steps_left -= (uint64_t)depth + 1 < v->steps_left ? (uint64_t)depth + 1 : v->steps_left;
    VfSlot *st = v->state[target];
    if (!st) {
        if (depth > v->slots_left) return vf_fail(v, "code too complex to verify");
        v->slots_left -= depth;
        st = kr_arena_array_uninit(v->mem, depth ? depth : 1, sizeof *st);
        if (!st) return false;
        if (depth) memcpy(st, slots, depth * sizeof *st);
        v->state[target] = st;
        v->sdepth[target] = depth;
        vf_enqueue(v, target);
        return true;
    }
    if (v->sdepth[target] != depth)
        return vf_fail(v, "stack depth %u differs from %u at instruction %u", depth, v->sdepth[target], target);
    bool changed = false;
    for (uint32_t i = 0; i < depth; i++) {
        VfSlot j;
        if (!vf_join(st[i], slots[i], &j)) return vf_fail(v, "incompatible stack slot %u at instruction %u", i, target);
        if (j != st[i]) {
            st[i] = j;
            changed = true;
        }
    }
    if (changed) vf_enqueue(v, target);
    return true;
}

// Flows the first `prefix` slots plus `top` into target.
static bool vf_merge_with(Verifier *v, uint32_t target, uint32_t prefix, VfSlot top) {
    if (!vf_reserve(v, (uint64_t)prefix + 1)) return false;
    VfSlot saved = v->stk[prefix];
    v->stk[prefix] = top;
    bool ok = vf_merge(v, target, v->stk, prefix + 1);
    v->stk[prefix] = saved;
    return ok;
}

// ---- per-code checks ------------------------------------------------------------------

static const int8_t vf_fixed_pops[KR_OP__COUNT] = {
#define KR_OP(name, pops, pushes) pops,
#include "opcodes.def"
#undef KR_OP
};

// Slots an instruction consumes: what an exception raised by it may have
// changed, so a handler may keep only the slots below them.
static uint64_t vf_consumed(uint32_t op, uint32_t arg) {
    switch (op) {
    case KR_OP_BUILD_TUPLE:
    case KR_OP_BUILD_LIST:
    case KR_OP_BUILD_SET:
    case KR_OP_BUILD_SLICE:
    case KR_OP_BUILD_STRING:
    case KR_OP_RAISE: return arg;
    case KR_OP_BUILD_MAP: return 2 * (uint64_t)arg;
    case KR_OP_FORMAT_VALUE: return (arg & 4) ? 2 : 1;
    case KR_OP_CALL: return (uint64_t)arg + 2;
    case KR_OP_CALL_KW: return (uint64_t)arg + 3;
    case KR_OP_CALL_EX: return 3 + (arg & 1);
    case KR_OP_MAKE_FUNCTION: return 1 + (uint64_t)__builtin_popcount(arg & 15);
    case KR_OP_SEND: return 2;
    default: return vf_fixed_pops[op] > 0 ? (uint64_t)vf_fixed_pops[op] : 0;
    }
}

// Instructions that never raise (nor suspend to be thrown into).
static bool vf_can_raise(uint32_t op) {
    switch (op) {
    case KR_OP_NOP:
    case KR_OP_POP_TOP:
    case KR_OP_COPY:
    case KR_OP_SWAP:
    case KR_OP_LOAD_CONST:
    case KR_OP_STORE_FAST:
    case KR_OP_LOAD_CLOSURE:
    case KR_OP_STORE_DEREF:
    case KR_OP_JUMP: // a backward jump may end the run at a limit, but no handler runs then
    case KR_OP_POP_JUMP_IF_NONE:
    case KR_OP_IS_OP:
    case KR_OP_PUSH_EXC_INFO:
    case KR_OP_POP_EXCEPT:
    case KR_OP_PUSH_NULL:
    case KR_OP_LOAD_ASSERTION_ERROR:
    case KR_OP_LOAD_BUILD_CLASS:
    case KR_OP_MATCH_SEQUENCE:
    case KR_OP_MATCH_MAPPING:
    case KR_OP_RETURN_VALUE: return false;
    default: return true;
    }
}

static bool vf_is_jump(uint32_t op) {
    switch (op) {
    case KR_OP_JUMP:
    case KR_OP_POP_JUMP_IF_FALSE:
    case KR_OP_POP_JUMP_IF_TRUE:
    case KR_OP_JUMP_IF_FALSE_OR_POP:
    case KR_OP_JUMP_IF_TRUE_OR_POP:
    case KR_OP_POP_JUMP_IF_NONE:
    case KR_OP_SEND:
    case KR_OP_END_ASYNC_FOR:
    case KR_OP_FOR_ITER: return true;
    default: return false;
    }
}

#define VF_KNOWN_FLAGS 127u

// What bind_args, frame_bytes and the module runner rely on.
static bool vf_check_header(Verifier *v) {
    KrCode *c = v->code;
    uint64_t params = (uint64_t)c->argcount + c->kwonlycount + !!(c->flags & KR_CODE_VARARGS) +
                      !!(c->flags & KR_CODE_VARKW);
    if (c->ninsns == 0) return vf_fail(v, "empty code");
    if (c->flags & ~VF_KNOWN_FLAGS) return vf_fail(v, "unknown code flags %#x", c->flags);
    if (params > c->nlocals) return vf_fail(v, "more parameters than local variables");
    if (c->posonlycount > c->argcount) return vf_fail(v, "more positional-only parameters than parameters");
    for (uint32_t i = 0; i < c->ncells; i++)
        if (c->cell_arg[i] < -1 || c->cell_arg[i] >= (int64_t)c->nlocals) return vf_fail(v, "cell %u starts from no local", i);
    if (!v->is_module) return !(c->flags & KR_CODE_MODULE) || vf_fail(v, "module flag on a nested code");
    // run by kr_vm_run_module: no function object, cells never made
    if (!(c->flags & KR_CODE_MODULE) || params || c->ncells || c->nfrees || (c->flags & KR_CODE_GENERATOR))
        return vf_fail(v, "bad top-level code (parameters, cells or generator flag)");
    return true;
}

// find_handler takes the first entry covering a pc: entries must be in
// order and disjoint so that exactly the one we check is the one used.
static bool vf_check_exctab(Verifier *v) {
    const KrCode *c = v->code;
    uint32_t prev_end = 0;
    for (uint32_t i = 0; i < c->nexc; i++) {
        const KrExcEntry *e = &c->exctab[i];
        // handlers after their range: an exception never jumps backward (a
        // raise-catch cycle would loop without passing a budget poll)
        if (e->start >= e->end || e->end > c->ninsns || e->handler >= c->ninsns || e->start < prev_end ||
            e->handler < e->end)
            return vf_fail(v, "bad exception table entry %u", i);
        if (e->depth > KR_VERIFY_MAX_DEPTH) return vf_fail(v, "exception table entry %u too deep", i);
        prev_end = e->end;
        v->leader[e->handler] = 1;
    }
    return true;
}

static const KrExcEntry *vf_handler(const KrCode *c, uint32_t pc) {
    uint32_t lo = 0, hi = c->nexc;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->exctab[mid].end <= pc) lo = mid + 1;
        else hi = mid;
    }
    return lo < c->nexc && c->exctab[lo].start <= pc ? &c->exctab[lo] : NULL;
}

// Known opcodes only, jumps inside the code; marks block starts.
static bool vf_scan(Verifier *v) {
    const KrCode *c = v->code;
    v->leader[0] = 1;
    // pc in a local, stored for vf_fail's message only when one is made
    for (uint32_t pc = 0, n = c->ninsns; pc < n; pc++) {
        uint32_t op = KR_INSN_OP(c->insns[pc]), arg = KR_INSN_ARG(c->insns[pc]);
        if (op >= KR_OP__COUNT || op == KR_OP_RETURN_GENERATOR) return v->pc = pc, vf_fail(v, "unknown opcode %u", op);
        if (!vf_is_jump(op)) continue;
        v->pc = pc;
        if (arg >= n) return vf_fail(v, "jump target %u outside the code", arg);
        // only JUMP polls the time budget when it goes backward (vm.c), so
        // it alone may: every loop then passes through a poll
        if (op != KR_OP_JUMP && arg <= pc) return vf_fail(v, "backward conditional jump");
        v->leader[arg] = 1;
    }
    v->pc = c->ninsns;
    return true;
}

static VfSlot vf_const_slot(const KrValue *consts, uint32_t k) {
    KrValue c = consts[k];
    if (!kr_is_ptr(c)) return VF(VF_VAL, 0);
    const KrType *t = kr_as_obj(c)->type;
    if (t == &kr_type_str) return VF(VF_STR, 0);
    if (t == &kr_type_code) return VF(VF_CODE, k);
    if (t != &kr_type_tuple) return VF(VF_VAL, 0);
    const KrTuple *tu = kr_as_tuple(c);
    for (size_t i = 0; i < tu->len; i++)
        if (!kr_is_type(tu->items[i], &kr_type_str)) return VF(VF_TUPLE, 0);
    return VF(VF_STRTUP, tu->len);
}

// ---- instructions ---------------------------------------------------------------------

static bool vf_index(Verifier *v, uint32_t arg, uint32_t n, const char *table) {
    return arg < n || vf_fail(v, "index %u outside the %s (%u entries)", arg, table, n);
}

// COPY, SWAP, POP_TOP move slots: never a half of a LOAD_METHOD pair,
// whose two slots must stay adjacent for the CALL that consumes them.
VF_INLINE bool vf_step_stack(Verifier *v, uint32_t op, uint32_t arg) {
    switch (op) {
    case KR_OP_NOP: return true;
    case KR_OP_POP_TOP:
        if (!vf_need(v, 1) || vf_is_pair(*vf_at(v, 0))) return vf_fail(v, "cannot pop this slot");
        v->depth--;
        return true;
    case KR_OP_COPY: {
        if (arg < 1 || !vf_need(v, arg)) return vf_fail(v, "bad COPY distance");
        VfSlot s = *vf_at(v, arg - 1);
        return (!vf_is_pair(s) || vf_fail(v, "cannot copy a method slot")) && vf_push(v, s);
    }
    case KR_OP_SWAP: {
        if (arg < 1 || !vf_need(v, arg)) return vf_fail(v, "bad SWAP distance");
        VfSlot *a = vf_at(v, 0), *b = vf_at(v, arg - 1), t = *a;
        if (vf_is_pair(*a) || vf_is_pair(*b)) return vf_fail(v, "cannot swap a method slot");
        *a = *b;
        *b = t;
        return true;
    }
    case KR_OP_PUSH_NULL: return vf_push(v, VF(VF_NULL, 0));
    case KR_OP_LOAD_ASSERTION_ERROR:
    case KR_OP_LOAD_BUILD_CLASS: return vf_push(v, VF(VF_VAL, 0));
    default: return vf_fail(v, "internal: unhandled opcode");
    }
}

VF_INLINE bool vf_step_vars(Verifier *v, uint32_t op, uint32_t arg) {
    const KrCode *c = v->code;
    uint32_t ncell = c->ncells + c->nfrees;
    switch (op) {
    case KR_OP_LOAD_CONST: return vf_index(v, arg, c->nconsts, "constants") && vf_push(v, v->cslots[arg]);
    case KR_OP_LOAD_FAST: return vf_index(v, arg, c->nlocals, "locals") && vf_push(v, VF(VF_VAL, 0));
    case KR_OP_STORE_FAST: return vf_index(v, arg, c->nlocals, "locals") && vf_pop_vals(v, 1);
    case KR_OP_DELETE_FAST: return vf_index(v, arg, c->nlocals, "locals");
    case KR_OP_LOAD_DEREF:
    case KR_OP_LOAD_CLASSDEREF: return vf_index(v, arg, ncell, "cells") && vf_push(v, VF(VF_VAL, 0));
    case KR_OP_STORE_DEREF: return vf_index(v, arg, ncell, "cells") && vf_pop_vals(v, 1);
    case KR_OP_DELETE_DEREF: return vf_index(v, arg, ncell, "cells");
    case KR_OP_LOAD_CLOSURE: return vf_index(v, arg, ncell, "cells") && vf_push(v, VF(VF_CELL, 0));
    case KR_OP_LOAD_GLOBAL:
    case KR_OP_LOAD_NAME: return vf_index(v, arg, c->nnames, "names") && vf_push(v, VF(VF_VAL, 0));
    case KR_OP_STORE_GLOBAL:
    case KR_OP_STORE_NAME:
    case KR_OP_DELETE_ATTR: return vf_index(v, arg, c->nnames, "names") && vf_pop_vals(v, 1);
    case KR_OP_DELETE_GLOBAL:
    case KR_OP_DELETE_NAME: return vf_index(v, arg, c->nnames, "names");
    case KR_OP_LOAD_ATTR: return vf_index(v, arg, c->nnames, "names") && vf_replace_top(v, 1, VF(VF_VAL, 0));
    case KR_OP_STORE_ATTR: return vf_index(v, arg, c->nnames, "names") && vf_pop_vals(v, 2);
    case KR_OP_IMPORT_NAME: return vf_index(v, arg & 0x7FFFFF, c->nnames, "names") && vf_push(v, VF(VF_VAL, 0));
    case KR_OP_IMPORT_FROM: // reads the module below, pushes the attribute
        return vf_index(v, arg, c->nnames, "names") && vf_pop_vals(v, 1) && vf_push_n(v, VF(VF_VAL, 0), 2);
    case KR_OP_LOAD_METHOD:
        return vf_index(v, arg, c->nnames, "names") && vf_pop_vals(v, 1) && vf_push(v, VF(VF_METH, 0)) &&
               vf_push(v, VF(VF_SELF, 0));
    default: return vf_fail(v, "internal: unhandled opcode");
    }
}

// Operations on plain values: pop `pops` values, push one (or none).
VF_INLINE bool vf_step_ops(Verifier *v, uint32_t op, uint32_t arg) {
    switch (op) {
    case KR_OP_BINARY_OP:
        if (arg >= 32 || (arg & 15) >= KR_BIN__COUNT) return vf_fail(v, "bad binary operator %u", arg);
        return vf_replace_top(v, 2, VF(VF_VAL, 0));
    case KR_OP_COMPARE_OP:
        if (arg > KR_CMP_GE) return vf_fail(v, "bad comparison %u", arg);
        return vf_replace_top(v, 2, VF(VF_VAL, 0));
    case KR_OP_IS_OP:
    case KR_OP_CONTAINS_OP:
        if (arg > 1) return vf_fail(v, "bad flag %u", arg);
        return vf_replace_top(v, 2, VF(VF_VAL, 0));
    case KR_OP_UNARY_OP:
        if (arg > KR_UN_INVERT) return vf_fail(v, "bad unary operator %u", arg);
        return vf_replace_top(v, 1, VF(VF_VAL, 0));
    case KR_OP_BINARY_SUBSCR: return vf_replace_top(v, 2, VF(VF_VAL, 0));
    case KR_OP_STORE_SUBSCR: return vf_pop_vals(v, 3);
    case KR_OP_DELETE_SUBSCR: return vf_pop_vals(v, 2);
    case KR_OP_IMPORT_STAR: return vf_pop_vals(v, 1);
    case KR_OP_BEFORE_WITH:
    case KR_OP_BEFORE_ASYNC_WITH: return vf_replace_top(v, 1, VF(VF_VAL, 0)) && vf_push(v, VF(VF_VAL, 0));
    case KR_OP_GET_ANEXT: return vf_pop_vals(v, 1) && vf_push_n(v, VF(VF_VAL, 0), 2);
    case KR_OP_UNPACK_SEQUENCE: return vf_pop_vals(v, 1) && vf_push_n(v, VF(VF_VAL, 0), arg);
    case KR_OP_UNPACK_EX: return vf_pop_vals(v, 1) && vf_push_n(v, VF(VF_VAL, 0), (arg & 0xFF) + (arg >> 8) + 1u);
    case KR_OP_UNARY_NOT:
    case KR_OP_GET_ITER:
    case KR_OP_GET_YIELD_FROM_ITER:
    case KR_OP_GET_AITER:
    case KR_OP_GET_AWAITABLE:
    case KR_OP_ASYNC_GEN_WRAP:
    case KR_OP_MATCH_SEQUENCE:
    case KR_OP_MATCH_MAPPING:
    case KR_OP_GET_LEN: return vf_replace_top(v, 1, VF(VF_VAL, 0));
    // an opcode added to opcodes.def is refused until it is described here
    default: return vf_fail(v, "opcode unknown to the verifier");
    }
}

// BUILD_*: n values (BUILD_MAP: n pairs) into one container.
VF_INLINE bool vf_step_build(Verifier *v, uint32_t op, uint32_t arg) {
    switch (op) {
    case KR_OP_BUILD_TUPLE: {
        if (!vf_need(v, arg)) return false;
        bool cells = arg > 0;
        for (uint32_t i = 0; i < arg && cells; i++) cells = VF_KIND(*vf_at(v, i)) == VF_CELL;
        return vf_replace_top(v, arg, cells ? VF(VF_CELLTUP, arg) : VF(VF_TUPLE, 0));
    }
    case KR_OP_BUILD_LIST: return vf_replace_top(v, arg, VF(VF_LIST, 0));
    case KR_OP_BUILD_SET: return vf_replace_top(v, arg, VF(VF_SET, 0));
    case KR_OP_BUILD_MAP: return vf_replace_top(v, 2 * (uint64_t)arg, VF(VF_DICT, 0));
    case KR_OP_BUILD_SLICE:
        if (arg != 2 && arg != 3) return vf_fail(v, "BUILD_SLICE of %u items", arg);
        return vf_replace_top(v, arg, VF(VF_VAL, 0));
    case KR_OP_BUILD_STRING:
        if (!vf_need(v, arg)) return false;
        for (uint32_t i = 0; i < arg; i++)
            if (VF_KIND(*vf_at(v, i)) != VF_STR) return vf_fail(v, "BUILD_STRING of a non-str");
        return vf_replace_top(v, arg, VF(VF_STR, 0));
    case KR_OP_LIST_TO_TUPLE: return vf_pop_kind(v, VF_LIST, "a list") && vf_push(v, VF(VF_TUPLE, 0));
    case KR_OP_FORMAT_VALUE:
        if (arg > 7) return vf_fail(v, "bad FORMAT_VALUE flags %u", arg);
        if ((arg & 4) && !vf_pop_kind(v, VF_STR, "a str format spec")) return false;
        return vf_replace_top(v, 1, VF(VF_STR, 0));
    default: return vf_fail(v, "internal: unhandled opcode");
    }
}

// LIST_APPEND & co update a container `arg` slots below the operand(s).
VF_INLINE bool vf_step_update(Verifier *v, uint32_t op, uint32_t arg) {
    uint32_t k = arg & 0xFF;
    switch (op) {
    case KR_OP_LIST_APPEND:
        return (arg >= 1 || vf_fail(v, "bad distance")) && vf_expect_at(v, arg, VF_LIST, "a list") && vf_pop_vals(v, 1);
    case KR_OP_SET_ADD:
        return (arg >= 1 || vf_fail(v, "bad distance")) && vf_expect_at(v, arg, VF_SET, "a set") && vf_pop_vals(v, 1);
    case KR_OP_MAP_ADD:
        return (arg >= 1 || vf_fail(v, "bad distance")) && vf_expect_at(v, arg + 1, VF_DICT, "a dict") &&
               vf_pop_vals(v, 2);
    case KR_OP_DICT_UPDATE:
        return (arg >= 1 || vf_fail(v, "bad distance")) && vf_expect_at(v, arg, VF_DICT, "a dict") && vf_pop_vals(v, 1);
    case KR_OP_DICT_MERGE: // the function sits 3 slots below the dict, for messages
        return (arg >= 1 || vf_fail(v, "bad distance")) && vf_expect_at(v, arg, VF_DICT, "a dict") &&
               vf_need(v, (uint64_t)arg + 4) && vf_pop_vals(v, 1);
    case KR_OP_LIST_EXTEND:
        if (arg > 0x1FF || k < 1) return vf_fail(v, "bad LIST_EXTEND argument %u", arg);
        return vf_expect_at(v, k, VF_LIST, "a list") && vf_need(v, (arg & 0x100) ? k + 3u : 1u) && vf_pop_vals(v, 1);
    case KR_OP_SET_UPDATE: // flag 0x100: the operand is a constant tuple
        // flag 0x200 (with 0x100, right above the set): that tuple's
        // frozenset replaces the set, a plain value from then on
        if (arg > 0x3FF || k < 1 || ((arg & 0x200) && (arg & 0x3FF) != 0x301))
            return vf_fail(v, "bad SET_UPDATE argument %u", arg);
        if (!vf_expect_at(v, k, VF_SET, "a set")) return false;
        if (arg & 0x200) return vf_pop_tuple(v) && vf_replace_top(v, 1, VF(VF_VAL, 0));
        return (arg & 0x100) ? vf_pop_tuple(v) : vf_pop_vals(v, 1);
    default: return vf_fail(v, "internal: unhandled opcode");
    }
}

// A checkpoint: the state before pc (inside a block) kept as a leader's
// is, so a query there replays nothing. Every walk of the block rewrites
// it, the last one (from the block's final entry state) for good. Only
// an aid: past its own budget none is made.
static bool vf_checkpoint(Verifier *v, uint32_t pc) {
    VfSlot *st = v->state[pc];
    if (!st || v->sdepth[pc] != v->depth) { // (a pc's depth is fixed: the second never happens)
        v->state[pc] = NULL;
        if ((uint64_t)v->depth + 1 > v->ckpt_left) return true; // none here: queries replay from before
        v->ckpt_left -= (uint64_t)v->depth + 1;
        if (!(st = kr_arena_array_uninit(v->mem, v->depth ? v->depth : 1, sizeof *st))) return false;
        v->state[pc] = st;
        v->sdepth[pc] = v->depth;
    }
    v->steps_left -= (uint64_t)v->depth + 1 < v->steps_left ? (uint64_t)v->depth + 1 : v->steps_left;
    for (uint32_t i = 0; i < v->depth; i++) st[i] = v->stk[i];
    return true;
}

// After an instruction a paused frame can stand behind (a call, a yield,
// the FOR_ITER or SEND driving a generator), when the states are kept:
// a checkpoint at the next one, unless it starts a block anyway.
static bool vf_resume_point(Verifier *v) {
    uint32_t next = v->pc + 1;
    if (!v->keeps || v->replay || next >= v->code->ninsns || v->leader[next]) return true;
    return vf_checkpoint(v, next);
}

// [callable, self-or-NULL, args...]: the callable may be LOAD_METHOD's
// raw method only with its self slot right above it.
VF_INLINE bool vf_call_base(Verifier *v, uint32_t nargs) {
    if (!vf_need(v, (uint64_t)nargs + 2)) return false;
    VfSlot f = *vf_at(v, nargs + 1), s = *vf_at(v, nargs);
    bool fok = vf_is_val(f) || (VF_KIND(f) == VF_METH && VF_KIND(s) == VF_SELF);
    bool sok = vf_is_val(s) || VF_KIND(s) == VF_NULL || (VF_KIND(s) == VF_SELF && VF_KIND(f) == VF_METH);
    if (!fok || !sok) return vf_fail(v, "call without a callable and self-or-NULL below its arguments");
    if (!vf_pop_vals(v, nargs)) return false;
    v->depth -= 2;
    return vf_push(v, VF(VF_VAL, 0));
}

static bool vf_make_function(Verifier *v, uint32_t arg) {
    if (arg > 15) return vf_fail(v, "bad MAKE_FUNCTION flags %u", arg);
    if (!vf_need(v, 1) || VF_KIND(*vf_at(v, 0)) != VF_CODE) return vf_fail(v, "MAKE_FUNCTION without a code constant");
    const KrCode *child = (const KrCode *)kr_as_obj(v->code->consts[VF_NUM(*vf_at(v, 0))]);
    v->depth--;
    if (arg & 4) {
        if (!vf_need(v, 1)) return false;
        VfSlot cl = *vf_at(v, 0);
        if (VF_KIND(cl) != VF_CELLTUP || VF_NUM(cl) != child->nfrees)
            return vf_fail(v, "closure is not a tuple of %u cells", child->nfrees);
        v->depth--;
    } else if (child->nfrees) {
        return vf_fail(v, "function with free variables but no closure");
    }
    if ((arg & 8) && !vf_pop_kind(v, VF_DICT, "an annotations dict")) return false;
    if ((arg & 2) && !vf_pop_kind(v, VF_DICT, "a keyword defaults dict")) return false;
    if ((arg & 1) && !vf_pop_tuple(v)) return false;
    return vf_push(v, VF(VF_VAL, 0));
}

VF_INLINE bool vf_step_call(Verifier *v, uint32_t op, uint32_t arg) {
    switch (op) {
    case KR_OP_CALL: return vf_call_base(v, arg) && vf_resume_point(v);
    case KR_OP_CALL_KW: {
        if (!vf_need(v, 1)) return false;
        VfSlot kw = *vf_at(v, 0);
        if (VF_KIND(kw) != VF_STRTUP || VF_NUM(kw) > arg) return vf_fail(v, "CALL_KW without its keyword names");
        v->depth--;
        return vf_call_base(v, arg) && vf_resume_point(v);
    }
    case KR_OP_CALL_EX: {
        if (arg > 1) return vf_fail(v, "bad CALL_EX flags %u", arg);
        if ((arg & 1) && !vf_pop_kind(v, VF_DICT, "a keyword arguments dict")) return false;
        if (!vf_pop_tuple(v) || !vf_need(v, 2)) return false;
        VfSlot f = *vf_at(v, 1), s = *vf_at(v, 0);
        if (!vf_is_val(f) || !(vf_is_val(s) || VF_KIND(s) == VF_NULL)) return vf_fail(v, "CALL_EX without a callable");
        v->depth -= 2;
        return vf_push(v, VF(VF_VAL, 0)) && vf_resume_point(v);
    }
    case KR_OP_MAKE_FUNCTION: return vf_make_function(v, arg);
    default: return vf_fail(v, "internal: unhandled opcode");
    }
}

// Exception machinery: the exception a handler starts with, the saved
// exc_info under it, and the instructions that re-raise them.
VF_INLINE bool vf_step_exc(Verifier *v, uint32_t op, uint32_t arg, bool *falls) {
    switch (op) {
    case KR_OP_PUSH_EXC_INFO:
        return vf_pop_kind(v, VF_EXC, "an exception") && vf_push(v, VF(VF_EXCINFO, 0)) && vf_push(v, VF(VF_EXC, 0));
    case KR_OP_POP_EXCEPT:
        if (!vf_need(v, 1) || !vf_is_excinfo(*vf_at(v, 0))) return vf_fail(v, "POP_EXCEPT without a saved exc_info");
        v->depth--;
        return true;
    case KR_OP_CHECK_EXC_MATCH:
        if (!vf_need(v, 2) || !vf_is_val(*vf_at(v, 1))) return vf_fail(v, "CHECK_EXC_MATCH without an exception");
        return vf_replace_top(v, 1, VF(VF_VAL, 0));
    case KR_OP_WITH_EXCEPT_START:
        if (!vf_need(v, 3) || !vf_is_val(*vf_at(v, 2)) || !vf_is_val(*vf_at(v, 0)))
            return vf_fail(v, "WITH_EXCEPT_START without [exit, prev, exc]");
        return vf_push(v, VF(VF_VAL, 0));
    }
    *falls = false;
    switch (op) {
    case KR_OP_RERAISE: return vf_pop_kind(v, VF_EXC, "an exception");
    case KR_OP_POP_EXCEPT_RERAISE:
        if (!vf_pop_kind(v, VF_EXC, "an exception")) return false;
        if (!vf_need(v, 1) || !vf_is_excinfo(*vf_at(v, 0))) return vf_fail(v, "no saved exc_info");
        v->depth--;
        return true;
    case KR_OP_RAISE: return (arg <= 2 || vf_fail(v, "bad RAISE form %u", arg)) && vf_pop_vals(v, arg);
    case KR_OP_RETURN_VALUE: return vf_pop_vals(v, 1);
    case KR_OP_UNSUPPORTED: return vf_index(v, arg, v->code->nconsts, "constants");
    default: return vf_fail(v, "internal: unhandled opcode");
    }
}

// YIELD_VALUE right after SEND is where generator.throw() may finish a
// delegation: it stores the result over the delegate and goes on at
// SEND's target (vm.c gen_throw_delegated), an edge the code never shows.
static bool vf_yield(Verifier *v, uint32_t pc) {
    const KrCode *c = v->code;
    if (!(c->flags & (KR_CODE_GENERATOR | KR_CODE_COROUTINE))) return vf_fail(v, "yield outside a generator");
    if (!vf_pop_vals(v, 1)) return false;
    if (pc > 0 && KR_INSN_OP(c->insns[pc - 1]) == KR_OP_SEND) {
        if (!vf_need(v, 1) || !vf_is_val(*vf_at(v, 0))) return vf_fail(v, "yield from without its delegate");
        if (!vf_merge_with(v, KR_INSN_ARG(c->insns[pc - 1]), v->depth - 1, VF(VF_VAL, 0))) return false;
    }
    return vf_push(v, VF(VF_VAL, 0)) && vf_resume_point(v); // the value sent in
}

VF_INLINE bool vf_step_flow(Verifier *v, uint32_t op, uint32_t arg, bool *falls) {
    switch (op) {
    case KR_OP_JUMP: *falls = false; return vf_merge(v, arg, v->stk, v->depth);
    case KR_OP_POP_JUMP_IF_FALSE:
    case KR_OP_POP_JUMP_IF_TRUE:
    case KR_OP_POP_JUMP_IF_NONE: return vf_pop_vals(v, 1) && vf_merge(v, arg, v->stk, v->depth);
    case KR_OP_JUMP_IF_FALSE_OR_POP:
    case KR_OP_JUMP_IF_TRUE_OR_POP: // the jump keeps the value, falling through pops it
        return vf_need(v, 1) && vf_merge(v, arg, v->stk, v->depth) && vf_pop_vals(v, 1);
    case KR_OP_FOR_ITER: // exhausted: the iterator is popped and we jump
        if (!vf_need(v, 1) || !vf_is_val(*vf_at(v, 0))) return vf_fail(v, "FOR_ITER without an iterator");
        return vf_merge(v, arg, v->stk, v->depth - 1) && vf_push(v, VF(VF_VAL, 0)) && vf_resume_point(v);
    case KR_OP_SEND: // [delegate, value]: returned -> [result] at arg
        if (!vf_need(v, 2) || !vf_is_val(*vf_at(v, 1)) || !vf_is_val(*vf_at(v, 0)))
            return vf_fail(v, "SEND without [delegate, value]");
        return vf_merge_with(v, arg, v->depth - 2, VF(VF_VAL, 0)) && vf_replace_top(v, 1, VF(VF_VAL, 0)) &&
               vf_resume_point(v);
    case KR_OP_END_ASYNC_FOR: // [aiter, exc]: StopAsyncIteration -> jump, else re-raise
        *falls = false;
        if (!vf_pop_kind(v, VF_EXC, "an exception") || !vf_pop_vals(v, 1)) return false;
        return vf_merge(v, arg, v->stk, v->depth);
    default: return vf_fail(v, "internal: unhandled opcode");
    }
}

// [subject, class, names] and [subject, keys] of match statements.
VF_INLINE bool vf_step_match(Verifier *v, uint32_t op) {
    switch (op) {
    case KR_OP_MATCH_KEYS:
        if (!vf_need(v, 2) || !vf_is_tuple(*vf_at(v, 0)) || !vf_is_val(*vf_at(v, 1)))
            return vf_fail(v, "MATCH_KEYS without [subject, keys tuple]");
        return vf_push(v, VF(VF_VAL, 0));
    case KR_OP_DICT_WITHOUT_KEYS: return vf_pop_tuple(v) && vf_replace_top(v, 1, VF(VF_DICT, 0));
    case KR_OP_MATCH_CLASS: return vf_pop_kind(v, VF_STRTUP, "the attribute names") && vf_replace_top(v, 2, VF(VF_VAL, 0));
    default: return vf_fail(v, "internal: unhandled opcode");
    }
}

VF_INLINE bool vf_step(Verifier *v, uint32_t pc, uint32_t insn, bool *falls) {
    uint32_t op = KR_INSN_OP(insn), arg = KR_INSN_ARG(insn);
    *falls = true;
    switch (op) {
    case KR_OP_NOP: case KR_OP_POP_TOP: case KR_OP_COPY: case KR_OP_SWAP: case KR_OP_PUSH_NULL:
    case KR_OP_LOAD_ASSERTION_ERROR: case KR_OP_LOAD_BUILD_CLASS:
        return vf_step_stack(v, op, arg);
    case KR_OP_LOAD_CONST: case KR_OP_LOAD_FAST: case KR_OP_STORE_FAST: case KR_OP_DELETE_FAST:
    case KR_OP_LOAD_DEREF: case KR_OP_STORE_DEREF: case KR_OP_DELETE_DEREF: case KR_OP_LOAD_CLOSURE:
    case KR_OP_LOAD_CLASSDEREF: case KR_OP_LOAD_GLOBAL: case KR_OP_STORE_GLOBAL: case KR_OP_DELETE_GLOBAL:
    case KR_OP_LOAD_NAME: case KR_OP_STORE_NAME: case KR_OP_DELETE_NAME: case KR_OP_LOAD_ATTR:
    case KR_OP_STORE_ATTR: case KR_OP_DELETE_ATTR: case KR_OP_IMPORT_NAME: case KR_OP_IMPORT_FROM:
    case KR_OP_LOAD_METHOD:
        return vf_step_vars(v, op, arg);
    case KR_OP_BUILD_TUPLE: case KR_OP_BUILD_LIST: case KR_OP_BUILD_SET: case KR_OP_BUILD_MAP:
    case KR_OP_BUILD_SLICE: case KR_OP_BUILD_STRING: case KR_OP_LIST_TO_TUPLE: case KR_OP_FORMAT_VALUE:
        return vf_step_build(v, op, arg);
    case KR_OP_LIST_APPEND: case KR_OP_SET_ADD: case KR_OP_MAP_ADD: case KR_OP_LIST_EXTEND:
    case KR_OP_SET_UPDATE: case KR_OP_DICT_UPDATE: case KR_OP_DICT_MERGE:
        return vf_step_update(v, op, arg);
    case KR_OP_CALL: case KR_OP_CALL_KW: case KR_OP_CALL_EX: case KR_OP_MAKE_FUNCTION:
        return vf_step_call(v, op, arg);
    case KR_OP_PUSH_EXC_INFO: case KR_OP_POP_EXCEPT: case KR_OP_CHECK_EXC_MATCH: case KR_OP_WITH_EXCEPT_START:
    case KR_OP_RERAISE: case KR_OP_POP_EXCEPT_RERAISE: case KR_OP_RAISE: case KR_OP_RETURN_VALUE:
    case KR_OP_UNSUPPORTED:
        return vf_step_exc(v, op, arg, falls);
    case KR_OP_JUMP: case KR_OP_POP_JUMP_IF_FALSE: case KR_OP_POP_JUMP_IF_TRUE: case KR_OP_POP_JUMP_IF_NONE:
    case KR_OP_JUMP_IF_FALSE_OR_POP: case KR_OP_JUMP_IF_TRUE_OR_POP: case KR_OP_FOR_ITER: case KR_OP_SEND:
    case KR_OP_END_ASYNC_FOR:
        return vf_step_flow(v, op, arg, falls);
    case KR_OP_MATCH_KEYS: case KR_OP_DICT_WITHOUT_KEYS: case KR_OP_MATCH_CLASS:
        return vf_step_match(v, op);
    case KR_OP_YIELD_VALUE: return vf_yield(v, pc);
    case KR_OP_RETURN_GENERATOR: return vf_fail(v, "RETURN_GENERATOR is not produced by the compiler");
    default: return vf_step_ops(v, op, arg);
    }
}

// ---- the walk ----------------------------------------------------------------------------

// An instruction inside a handler's range may raise: the handler then
// finds the slots below its depth untouched, plus the exception. (Called
// only for code with handlers: most code has none.)
static bool vf_exc_edge(Verifier *v, uint32_t pc, uint32_t insn) {
    uint32_t op = KR_INSN_OP(insn);
    const KrExcEntry *h = vf_can_raise(op) ? vf_handler(v->code, pc) : NULL;
    if (!h) return true;
    uint64_t consumed = vf_consumed(op, KR_INSN_ARG(insn));
    if (!vf_need(v, consumed)) return false;
    if (h->depth > v->depth - consumed) return vf_fail(v, "handler depth %u above the live stack", h->depth);
    if (h->depth > 0 && VF_KIND(v->stk[h->depth - 1]) == VF_METH) return vf_fail(v, "handler splits a method pair");
    return vf_merge_with(v, h->handler, h->depth, VF(VF_EXC, 0));
}

// Walks the block at the leader start from its entry state: to the block's
// end (verifying: stop is UINT32_MAX), or in replay up to the instruction
// stop inside it. The one walk for both keeps the inlined vf_step in one place.
static bool vf_walk(Verifier *v, uint32_t start, uint32_t stop) {
    const KrCode *c = v->code;
    v->pc = start;
    v->depth = 0;
    if (!vf_reserve(v, (uint64_t)v->sdepth[start] + 1)) return false;
    v->depth = v->sdepth[start];
    if (v->depth) memcpy(v->stk, v->state[start], v->depth * sizeof *v->stk);
    for (uint32_t pc = start; pc != stop;) {
        v->pc = pc;
        if (v->steps_left-- == 0) return vf_fail(v, "code too complex to verify");
        bool falls;
        if ((c->nexc && !vf_exc_edge(v, pc, c->insns[pc])) || !vf_step(v, pc, c->insns[pc], &falls)) return false;
        if (!falls) return stop == UINT32_MAX; // a replay's pc lies past the block's end: never reached
        if (++pc >= c->ninsns) return vf_fail(v, "execution runs off the end of the code");
        if (v->leader[pc]) return vf_merge(v, pc, v->stk, v->depth); // (in replay stop comes first)
    }
    return true;
}

static bool vf_alloc(Verifier *v) {
    const KrCode *c = v->code;
    size_t n = c->ninsns, nc = c->nconsts ? c->nconsts : 1, per, bytes, cbytes;
    // one block, widest items first: states, depths, worklist, constant
    // slots, then the two flag arrays (zeroed, as the states)
    per = sizeof *v->state + sizeof *v->sdepth + sizeof *v->work + 2;
    if (!kr_size_mul(n, per, &bytes) || !kr_size_mul(nc, sizeof *v->cslots, &cbytes) ||
        !kr_size_add(bytes, cbytes, &bytes))
        return vf_fail(v, "code too large to verify");
    unsigned char *m = kr_arena_alloc_uninit(v->mem, bytes);
    if (!m) return false;
    v->state = (VfSlot **)m;
    v->sdepth = (uint32_t *)(m + n * sizeof *v->state);
    v->work = v->sdepth + n;
    v->cslots = (VfSlot *)(v->work + n);
    v->leader = (uint8_t *)(v->cslots + nc);
    v->queued = v->leader + n;
    memset(v->state, 0, n * sizeof *v->state);
    memset(v->leader, 0, 2 * n);
    for (uint32_t k = 0; k < c->nconsts; k++) v->cslots[k] = vf_const_slot(c->consts, k);
    // budgets: generous for compiled code, bounded for hostile code
    v->steps_left = ((uint64_t)1 << 22) + 64 * (uint64_t)n;
    v->slots_left = ((uint64_t)1 << 20) + 32 * (uint64_t)n; // 4 bytes a slot
    v->ckpt_left = v->keeps ? 4096 + 4 * (uint64_t)n : 0;
    return true;
}

static bool vf_run(Verifier *v) {
    if (!vf_check_header(v) || !vf_alloc(v) || !vf_scan(v) || !vf_check_exctab(v)) return false;
    if (!vf_merge(v, 0, NULL, 0)) return false;
    while (v->nwork) {
        uint32_t pc = v->work[--v->nwork];
        v->queued[pc] = 0;
        if (!vf_walk(v, pc, UINT32_MAX)) return false;
    }
    // +1 as the compiler: BUILD_SET, BUILD_MAP and DICT_WITHOUT_KEYS push
    // their result above their operands before dropping them
    if (!v->query) v->code->stacksize = v->maxdepth + 1;
    return true;
}

// ---- running it ---------------------------------------------------------------------------

struct KrVfStacks {
    Verifier v; // the finished verifier, its arena holding the states (and this struct)
    bool borrowed; // in the caller's arena: freed with it
};

// Moves the finished verifier into its arena: one block set to free (or
// the caller's arena to free).
static KrVfStacks *vf_keep(Verifier *v, bool borrowed) {
    KrVfStacks *s = kr_arena_alloc(v->mem, sizeof *s);
    if (!s) return NULL;
    v->err = NULL; // the caller's buffer, gone by the time of a query
    s->v = *v;     // the arena header as of after that allocation
    s->v.mem = NULL; // queries replay, which never allocates
    s->borrowed = borrowed;
    return s;
}

// keep: NULL, or gets the states, in `in` when given, else in heap memory
// of their own. Without either, the scratch of a small code stays on the
// C stack: no allocation at all.
static KrSnapStatus vf_verify(Verifier *v, KrAllocator alloc, KrVfStacks **keep, KrArena *in) {
    alignas(max_align_t) unsigned char buf[4096];
    v->mem = in ? in : &v->tmp;
    v->keeps = keep != NULL;
    if (!in && keep) kr_arena_init(&v->tmp, alloc);
    else if (!in) kr_arena_init_buf(&v->tmp, alloc, buf, sizeof buf);
    bool ok = vf_run(v);
    KrVfStacks *s = ok && keep ? vf_keep(v, in != NULL) : NULL;
    bool nomem = v->mem->failed;
    if (s) *keep = s;
    else if (!in) kr_arena_free(&v->tmp);
    if (nomem) return KR_SNAP_ERR_NOMEM;
    return ok ? KR_SNAP_OK : KR_SNAP_ERR_FORMAT;
}

static KrSnapStatus vf_verify_code(KrCode *code, bool is_module, KrAllocator alloc, char *err, size_t errcap,
                                   KrVfStacks **keep, KrArena *in) {
    Verifier v;
    memset(&v, 0, sizeof v);
    v.code = code;
    v.is_module = is_module;
    v.err = err;
    v.errcap = errcap;
    if (keep) *keep = NULL;
    return vf_verify(&v, alloc, keep, in);
}

KrSnapStatus kr_verify_code_keep(KrCode *code, bool is_module, KrArena *arena, char *err, size_t errcap,
                                 KrVfStacks **keep) {
    return vf_verify_code(code, is_module, arena->alloc, err, errcap, keep, arena);
}

KrSnapStatus kr_verify_code(KrCode *code, bool is_module, KrAllocator alloc, char *err, size_t errcap) {
    return vf_verify_code(code, is_module, alloc, err, errcap, NULL, NULL);
}

// ---- stacks at an instruction --------------------------------------------------------------

KrVfStacks *kr_verify_stacks_new(const KrCode *code, bool is_module, KrAllocator alloc, bool *nomem) {
    Verifier v;
    memset(&v, 0, sizeof v);
    v.code = (KrCode *)code; // read only: `query` keeps vf_run from writing
    v.is_module = is_module;
    v.query = true;
    KrVfStacks *s = NULL;
    *nomem = vf_verify(&v, alloc, &s, NULL) == KR_SNAP_ERR_NOMEM;
    return s;
}

uint32_t kr_verify_stacks_scratch(const KrVfStacks *s) { return s->v.maxdepth + 2; }

// Replays the block holding pc from its entry state (or from the
// checkpoint before pc) on a copy of the verifier whose stack is the
// caller's scratch: the shared states are only read (replay mode merges
// and checkpoints nothing), so threads may query at once.
bool kr_verify_stacks_at(const KrVfStacks *s, uint32_t pc, uint32_t *scratch, uint32_t *depth) {
    Verifier v = s->v;
    const KrCode *c = v.code;
    if (pc >= c->ninsns) return false;
    uint32_t start = pc;
    while (!v.leader[start] && !v.state[start]) start--; // (pc 0 is a leader)
    if (!v.state[start]) return false;
    v.replay = true;
    v.err = NULL;
    v.steps_left = ((uint64_t)1 << 22) + 64 * (uint64_t)c->ninsns;
    v.stk = scratch;
    v.cap = kr_verify_stacks_scratch(s);
    if (v.cap > KR_VERIFY_MAX_DEPTH + 1u) v.cap = KR_VERIFY_MAX_DEPTH + 1u; // as vf_reserve has it
    if (!vf_walk(&v, start, pc)) return false;
    *depth = v.depth;
    return true;
}

void kr_verify_stacks_free(KrVfStacks *s) {
    if (!s || s->borrowed) return;
    KrArena a = s->v.tmp; // s lives in it
    kr_arena_free(&a);
}
