// run.h: one run of a program: its heap (every allocation counted against
// the limits), the pending exception, output sinks, and the frame stack.
// Garbage collection is mark-and-sweep and runs ONLY at VM safepoints, so
// native code may hold values in C locals freely between safepoints. Native
// code that calls back into Python (kr_call) must root what it holds across
// the call with kr_root_push/kr_root_pop.
#ifndef KR_RUN_H
#define KR_RUN_H

#include <stdarg.h>
#include "object.h"

typedef struct KrFrame KrFrame;
typedef struct KrProgram KrProgram;
typedef struct KrStackChunk KrStackChunk;

typedef enum {
    KR_LIMIT_NONE = 0,
    KR_LIMIT_MEMORY,
    KR_LIMIT_ALLOCS,
    KR_LIMIT_DURATION,
    KR_LIMIT_OUTPUT,
    KR_LIMIT_CANCEL,
    KR_LIMIT_NOMEM, // the host allocator itself failed
} KrLimitKind;

// How a paused run goes on (kr_vm_resume).
enum {
    KR_PAUSE_CALL = 1, // the frame stopped at a plain call takes its answer
    KR_PAUSE_REEXEC,   // the frame runs its current instruction again (asyncio.run)
    KR_PAUSE_MODULE,   // the top-level-await script's asyncio.run goes on
};

typedef struct KrLimits {
    size_t max_memory;      // live heap bytes, 0 = unlimited
    size_t max_allocations; // 0 = unlimited
    uint64_t max_duration_ns;
    uint32_t max_recursion; // Python call depth (CPython's default 1000)
    size_t max_output;      // bytes of stdout+stderr, 0 = unlimited
} KrLimits;

// stream 1 = stdout, 2 = stderr.
typedef void (*KrWriteFn)(void *ud, int stream, const char *s, size_t n);

#define KR_ROOTS_INLINE 8 // native code rarely roots more at once

struct KrRun {
    KrAllocator alloc;
    // heap accounting
    KrObj *objects;
    size_t heap_bytes;
    size_t nallocs;
    size_t gc_threshold;
    KrValue **roots;    // roots_inline until more are needed
    size_t nroots, roots_cap, roots_dropped;
    KrValue *roots_inline[KR_ROOTS_INLINE];
    KrObj **gray;
    size_t ngray, gray_cap;
    void *pool[16];     // free small blocks by 16-byte size class (heap.c)
    void *pool_chunks;  // the chunks small blocks are carved from
    void *seed_pool;    // the first of them, in its owner's block (kr_heap_seed; not freed alone)
    char *pool_next;    // free space in the newest chunk
    size_t pool_left;
    // limits
    KrLimits limits;
    KrLimitKind limit_hit;
    size_t limit_amount; // the amount reached, for the message
    int32_t ticks;       // countdown to the next clock/cancel check
    uint64_t start_ns;
    volatile int *cancel_flag;
    // execution
    const KrProgram *program;
    const KrProgram *const *programs; // a session's snippets, oldest first (else NULL)
    size_t nprograms;
    KrFrame *frame;
    KrStackChunk *chunk;
    KrStackChunk *spare_chunk; // an emptied frame chunk kept for reuse
    KrStackChunk *seed_chunk;  // the first frame chunk, allocated with the run
    uint32_t depth;        // Python-level call depth
    uint32_t native_depth; // nested VM loops entered from native code
    uint32_t c_depth;      // nested native repr/compare/hash calls
    KrValue exc;           // the pending (propagating) exception, or KR_NULL
    KrValue exc_info;      // the exception being handled, or KR_NULL (the innermost running generator's own)
    KrValue exc_outer;     // the one in effect where that generator was resumed (KR_NULL: none; vm.c)
    KrValue globals;       // __main__'s dict
    KrValue repr_guard;    // list of containers being repr'd (for [...])
    KrWriteFn write;
    void *write_ud;
    size_t output_bytes;
    KrValue main_name;     // "__main__"
    KrValue modules;       // dict: name -> module imported by this run (KR_NULL until first import)
    KrValue stop_exc;      // the StopIteration behind the last KR_STOP, for next()
    uint64_t class_version; // bumped whenever a class namespace changes (attribute caches)
    struct KrMethodCache *mcache; // LOAD_METHOD on built-in types (lazily made)
    struct KrGlobalCache *gcache; // where names sit in the globals (vm.c, lazily made)
    struct KrAttrSites *asites;   // instance attributes by instruction (class.c, lazily made)
    struct KrIdMap *ids;   // object -> id() number, assigned on demand
    // external calls (obj/external.c)
    KrValue pending;       // list of KrExtCall the host has not answered, or KR_NULL
    KrValue paused_call;   // the plain call the VM stopped at, or KR_NULL
    KrValue spare_call;    // an answered plain call's record, for the next (not marked: a collection drops it)
    uint64_t next_call_id;
    uint64_t nan_seq;      // payloads of the NaNs this run made (kr_float_fresh_nan)
    bool gc_pending;       // the heap passed gc_threshold: collect at the next safepoint
    bool gray_overflow;    // the gray stack could not grow: marking rescans (heap.c)
    bool gen_yielded;      // vm_loop returned because a generator yielded
    bool paused;           // frames are kept for kr_vm_resume
    bool pausing;          // KR_EXC without exception: natives unwind to the VM to pause
    bool host_idle_ok;     // the host went on without answers: asyncio may move its clock
    uint8_t pause_kind;    // KR_PAUSE_*
    uint32_t pause_depth;  // native_depth at which a coroutine may pause (asyncio tasks)
    KrValue main_coro;     // a top-level-await script's coroutine, once started
    KrValue result;        // the finished run's value, for the host
    // where a limit error unwound, innermost first (its traceback)
    struct KrLimitFrame {
        const KrCode *code;
        uint32_t pc;
    } *limit_frames;
    size_t nlimit_frames, limit_frames_cap;
};

// A bare run (no program yet): heap, limits defaulted. NULL if the
// allocator fails. kr_run_destroy frees everything it owns.
KrRun *kr_run_create(KrAllocator alloc);
void kr_run_destroy(KrRun *r);

// ---- allocation ---------------------------------------------------------
// A new object of `size` bytes (header included) with its header set and
// linked into the heap. NULL (and the run ends with a limit or
// MemoryError) when refused. Never collects.
void *kr_gc_alloc(KrRun *r, const KrType *t, size_t size);
// Owned buffers (list storage, dict tables) counted like objects.
void *kr_mem_alloc(KrRun *r, size_t size);
void *kr_mem_realloc(KrRun *r, void *p, size_t old_size, size_t new_size);
void kr_mem_free(KrRun *r, void *p, size_t size);
// The allocator as a KrAllocator (for KrBuf and the bignum library).
KrAllocator kr_run_allocator(KrRun *r);

void kr_gc_mark(KrRun *r, KrValue v);
void kr_gc_mark_obj(KrRun *r, KrObj *o);
void kr_gc_collect(KrRun *r);
// Inline: native code roots and unroots values on every call that may run
// Python code; the slow paths grow the stack or balance dropped pushes.
void kr_root_push_slow(KrRun *r, KrValue *slot);
void kr_root_pop_slow(KrRun *r, size_t n);
static inline void kr_root_push(KrRun *r, KrValue *slot) {
    if (KR_LIKELY(r->nroots < r->roots_cap)) r->roots[r->nroots++] = slot;
    else kr_root_push_slow(r, slot);
}
static inline void kr_root_pop(KrRun *r, size_t n) {
    if (KR_LIKELY(!r->roots_dropped && n <= r->nroots)) r->nroots -= n;
    else kr_root_pop_slow(r, n);
}
void kr_heap_free_all(KrRun *r);
void kr_heap_drain_pools(KrRun *r); // frees the pool chunks, as the run ends
// Makes mem (size bytes, 16-aligned) the first chunk small blocks are
// carved from; its owner frees it after kr_run_destroy (the API: with the
// run's handle).
void kr_heap_seed(KrRun *r, void *mem, size_t size);
// Frees what an idle (paused) run holds for work only: empty root and
// gray stacks, a spare frame chunk.
void kr_heap_trim(KrRun *r);
// Empties the attribute-site cache (obj/class.c) at each collection: it
// names classes without marking them. _free releases it with the run.
void kr_attr_sites_clear(KrRun *r);
void kr_attr_sites_free(KrRun *r);

// Polls the time budget and the cancel flag; false when the run must end.
bool kr_run_tick_slow(KrRun *r);
static inline bool kr_run_tick(KrRun *r, int32_t cost) {
    r->ticks -= cost;
    return r->ticks > 0 || kr_run_tick_slow(r);
}

// A budget tick for native work over n bytes (one tick per 256).
static inline bool kr_run_tick_bytes(KrRun *r, size_t n) {
    size_t cost = 1 + n / 256;
    return kr_run_tick(r, cost > 1000000 ? 1000000 : (int32_t)cost);
}

// memset and memcpy of any size, in slices with a budget tick after each:
// a block of gigabytes still stops at the duration limit (false then).
#define KR_RUN_SLICE ((size_t)1 << 20) // about 0.1 ms of memset or memcpy (more on fresh pages)
bool kr_run_fill(KrRun *r, void *dst, int c, size_t n);
bool kr_run_copy(KrRun *r, void *dst, const void *src, size_t n);
// Fills d[unit, total) with copies of d[0, unit) (repetition, padding),
// doubling the filled prefix, sliced the same way.
bool kr_run_repeat(KrRun *r, void *d, size_t unit, size_t total);

// ---- exceptions -----------------------------------------------------------
#define KR_EXC_DEF(name, base) extern const KrType kr_exc_##name;
#include "excs.def"
#undef KR_EXC_DEF

// Sets a new exception of type t with a printf-formatted message; returns
// KR_EXC so natives can `return kr_raise(...)`.
KrValue kr_raise(KrRun *r, const KrType *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4))) KR_COLD;
KrValue kr_raisev(KrRun *r, const KrType *t, const char *fmt, va_list ap) KR_COLD;
// Raises an existing exception object (or an exception class, which is
// called with no arguments).
KrValue kr_raise_value(KrRun *r, KrValue exc);
KrValue kr_raise_with_arg(KrRun *r, const KrType *t, KrValue arg); // KeyError(key)
// AttributeError remembering the object and name for "Did you mean".
KrValue kr_raise_attr_error(KrRun *r, KrValue obj, KrStr *name, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
// Ends the run with a limit error (uncatchable).
KrValue kr_raise_limit(KrRun *r, KrLimitKind kind, size_t amount) KR_COLD;
KrValue kr_exc_new(KrRun *r, const KrType *t, KrValue args_tuple);
bool kr_exc_is(KrValue exc, const KrType *t);
// Is the pending exception an instance of t? (for "except KeyError" in C)
bool kr_pending_is(KrRun *r, const KrType *t);
void kr_clear_exc(KrRun *r);
// The type name of a value, for messages: 'int', 'NoneType', ...
const char *kr_type_name(KrValue v);
// A class's __qualname__ ("Outer.Inner", "f.<locals>.C").
const char *kr_type_qualname(const KrType *t);
// How a traceback names an exception's class: the qualname, after the
// module unless that is __main__ or builtins ("asyncio.queues.QueueEmpty").
bool kr_type_label(KrRun *r, const KrType *t, KrBuf *b);
// The same, but "None" for None: CPython's argument-parser messages
// ("argument 2 must be str, not None").
const char *kr_arg_type_name(KrValue v);
// The identity number of a value within this run (never an address).
uint64_t kr_object_id(KrRun *r, KrValue v);
void kr_object_id_forget(KrRun *r, const KrObj *o);
// Run snapshots: the id of o if it has one; the next id to give; giving
// o a known id (1, 0 if o already has one, -1 out of memory); setting the
// next id.
bool kr_object_id_peek(const KrRun *r, const void *o, uint64_t *id);
uint64_t kr_object_id_next(const KrRun *r);
int kr_object_id_restore(KrRun *r, const void *o, uint64_t id);
void kr_object_id_set_next(KrRun *r, uint64_t next);
// Visits every (object, id) of the map, in no particular order.
void kr_object_ids_visit(const KrRun *r, void (*visit)(void *ud, const void *o, uint64_t id), void *ud);
// Writes to the run's stdout (1) or stderr (2), counting the output limit.
bool kr_run_write(KrRun *r, int stream, const char *s, size_t n);
// stderr's backslashreplace (CPython's): each lone surrogate in b[from:]
// becomes \udXXX. False when memory ran out.
bool kr_buf_escape_surrogates(KrBuf *b, size_t from);
// print(flush=True), sys.stdout.flush(): a write of nothing asks the host
// to flush the stream (krait.h).
void kr_run_flush(KrRun *r, int stream);
// The last line of a limit error ("MemoryError: memory limit exceeded...").
bool kr_format_limit(KrRun *r, KrBuf *b);
// The text of a source line, stripped of surrounding blanks; false if none.
bool kr_source_line(const KrProgram *p, int32_t line, const char **s, size_t *n);
// The program a code object belongs to (sessions run many).
const KrProgram *kr_run_code_program(const KrRun *r, const KrCode *code);
// The limit line after the traceback of the frames the limit unwound.
bool kr_format_limit_traceback(KrRun *r, KrBuf *b);
void kr_run_note_limit_frame(KrRun *r, const KrCode *code, uint32_t pc);

#endif
