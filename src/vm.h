// vm.h: frames and the interpreter loop. Python-level calls push a KrFrame
// on the run's own frame stack (chunks owned by the run) and continue in
// the same C loop: deep Python recursion never grows the C stack. Native
// code that must call Python (kr_call) enters a nested loop, bounded by
// KR_MAX_NATIVE_DEPTH.
#ifndef KR_VM_H
#define KR_VM_H

#include "code.h"

#define KR_MAX_NATIVE_DEPTH 400

#define KR_FRAME_ENTRY 1u     // returning from it leaves kr_vm_run
#define KR_FRAME_GENERATOR 2u // lives inside a generator object
#define KR_FRAME_INIT 4u      // a class call's __init__: returns `made`
#define KR_FRAME_DRAIN 8u     // a generator consumed by a built-in in the loop: `made` is its KrDrain

struct KrFrame {
    KrFrame *back;
    const KrCode *code;
    KrValue func;    // KrFunc, or KR_NULL for the module
    KrValue globals; // dict
    uint32_t pc;     // index of the next instruction when suspended
    uint32_t flags;
    KrValue *sp;     // stack pointer when suspended
    KrValue gen;     // the generator owning this frame, or KR_NULL
    KrValue ns;      // a class body's namespace dict, or KR_NULL
    KrValue made;    // KR_FRAME_INIT: the new instance, else KR_NULL
    size_t size;     // bytes, for freeing
    KrValue slots[]; // locals, cells+frees, then the value stack
};

static inline KrValue *kr_frame_cells(KrFrame *f) { return f->slots + f->code->nlocals; }
static inline KrValue *kr_frame_stack(KrFrame *f) {
    return f->slots + f->code->nlocals + f->code->ncells + f->code->nfrees;
}

typedef struct KrGen {
    KrObj ob;
    KrFrame *frame; // NULL once finished
    KrValue name, qualname;
    KrFrame *pause_frame; // the innermost frame of a run paused inside it, or NULL
    // The exception it handles, as CPython keeps one per generator: its own
    // while suspended (exc_state; r->exc_info holds it while it runs), and
    // while it runs its resumer's r->exc_info and r->exc_outer, to restore.
    // KR_NULL or None: none.
    KrValue exc_state, resumer_exc, resumer_outer;
    bool running;
} KrGen;

// The exception being handled (sys.exc_info(), a bare `raise`, the
// __context__ of a new one): the innermost running generator's own, else
// the one in effect where it was resumed (r->exc_outer); KR_NULL: none.
KrValue kr_handled_exc(KrRun *r);

extern const KrType kr_type_generator, kr_type_coroutine, kr_type_async_generator;
// The consumer of a generator drained in the loop (KR_FRAME_DRAIN's `made`).
extern const KrType kr_type_drain;

// Runs the module code of r->program to completion. Returns the value of
// the final expression statement (or None), or KR_EXC.
KrValue kr_vm_run_module(KrRun *r);
// Either may return KR_PAUSE: the run stopped at an external call
// (r->paused_call), or asyncio's loop waits for the host (r->pause_kind
// says how to go on). kr_vm_resume continues: the answered plain call
// returns its value (or raises) at its call site.
KrValue kr_vm_resume(KrRun *r);
// Calls any callable from native code (nested loop for Python functions).
KrValue kr_vm_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args, KrValue kwnames);
// Runs a class body function with `ns` as its namespace.
KrValue kr_vm_run_class_body(KrRun *r, KrValue func, KrValue ns);
// Resumes a generator with `sent`; KR_STOP when it returns (its return
// value is discarded), KR_EXC on error.
KrValue kr_gen_send(KrRun *r, KrValue gen, KrValue sent);
void kr_vm_mark_frames(KrRun *r);
KrValue kr_vm_frame_locals(KrRun *r, KrFrame *f);
// builtins.c / suggest.c: names for dir() and for "Did you mean" hints.
KrValue kr_dir_list(KrRun *r, KrValue v);
KrValue kr_builtin_names(KrRun *r);
KrValue kr_callable_iter_new(KrRun *r, KrValue fn, KrValue sentinel);
KrValue kr_suggest_local(KrRun *r, KrFrame *f, KrValue name);
KrValue kr_suggest_global(KrRun *r, KrValue globals, KrValue name);
KrValue kr_suggest_attr(KrRun *r, KrValue obj, KrValue name);
// Frees the global-name cache (derived data, made again on demand).
void kr_vm_free_gcache(KrRun *r);
void kr_vm_free_frames(KrRun *r);
// The first frame chunk comes with the run's own block (run.c).
size_t kr_vm_seed_bytes(void);
void kr_vm_trim(KrRun *r); // frees the spare frame chunk (heap.c's kr_heap_trim)
void kr_vm_seed(KrRun *r, void *mem);
// Run snapshots (runsnap.c): visits the frames of the frame stack, oldest
// first (false when visit does); the bytes a frame of code takes; a new
// frame on the frame stack (uninitialised but for its size).
bool kr_vm_chunk_frames(KrRun *r, bool (*visit)(void *ud, KrFrame *f), void *ud);
size_t kr_vm_frame_bytes(const KrCode *code);
KrFrame *kr_vm_frame_push(KrRun *r, const KrCode *code);
// A loaded frame with KR_FRAME_DRAIN (its caller's stack checked against
// the verifier already): NULL when it stands where the VM's resume paths
// expect a drained generator, else why not.
const char *kr_vm_drain_check(const KrFrame *f);
// Formats the traceback of exc (CPython's layout) into b.
bool kr_format_exception(KrRun *r, KrValue exc, KrBuf *b);
// The source line (stripped) for a code position, or NULL.
int32_t kr_code_line(const KrCode *code, uint32_t pc);

#endif
