// krait.h: the public C API of krait, a minimal, secure Python
// interpreter for running code written by AI agents.
//
// Compile source once into an immutable KraitProgram (shareable across
// threads), then run it any number of times; each KraitRun owns its own
// heap, inputs and limits and is used by one thread at a time. No global
// state: every call takes its handles. Every call returns a KraitStatus;
// details are read from the handles. See docs/embedding.md.
#ifndef KRAIT_H
#define KRAIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define KRAIT_API __attribute__((visibility("default")))
#else
#define KRAIT_API
#endif

typedef enum KraitStatus {
    KRAIT_OK = 0,      // the run finished (or the call succeeded)
    KRAIT_PAUSED,      // the run waits for external calls (krait_run_pending)
    KRAIT_ERR_SYNTAX,  // the source did not compile (see KraitError)
    KRAIT_ERR_RUNTIME, // an uncaught exception ended the run
    KRAIT_ERR_LIMIT,   // a resource limit (or krait_run_cancel) ended the run
    KRAIT_ERR_NOMEM,   // the host allocator failed
    KRAIT_ERR_ARG,     // a bad argument, or a call out of order
    KRAIT_ERR_SNAPSHOT, // snapshot bytes refused: truncated, corrupted, hostile, or a bad signature
} KraitStatus;

// A short name for a status ("paused", "runtime error", ...).
KRAIT_API const char *krait_status_name(KraitStatus status);

typedef struct KraitProgram KraitProgram;
typedef struct KraitRun KraitRun;

// ---- values ----------------------------------------------------------------
//
// A host-side value tree: inputs, results, external-call arguments and
// return values. Values the host passes in are borrowed (krait copies them
// into the run); values krait hands out are owned by the run and stay valid
// until the next call that continues or frees it.

typedef enum KraitKind {
    KRAIT_NONE,
    KRAIT_BOOL,      // u.b
    KRAIT_INT,       // u.i (an int that fits in 64 bits)
    KRAIT_BIGINT,    // u.s: decimal digits with an optional '-' (any size)
    KRAIT_FLOAT,     // u.f
    KRAIT_STR,       // u.s: UTF-8 (from krait: a lone surrogate in Python's surrogatepass form)
    KRAIT_BYTES,     // u.s
    KRAIT_LIST,      // u.seq
    KRAIT_TUPLE,     // u.seq
    KRAIT_DICT,      // u.seq: 2*len items, key then value, in order
    KRAIT_SET,       // u.seq
    KRAIT_FROZENSET, // u.seq
    KRAIT_OTHER,     // out only: u.other (type name and repr)
} KraitKind;

typedef struct KraitValue KraitValue;
struct KraitValue {
    KraitKind kind;
    union {
        bool b;
        int64_t i;
        double f;
        struct {
            const char *data;
            size_t len;
        } s;
        struct {
            const KraitValue *items;
            size_t len; // for KRAIT_DICT: number of pairs
        } seq;
        struct {
            const char *type_name;
            const char *repr;
        } other;
    } u;
};

static inline KraitValue krait_none(void) {
    KraitValue v = {KRAIT_NONE, {0}};
    return v;
}
static inline KraitValue krait_bool(bool b) {
    KraitValue v = {KRAIT_BOOL, {0}};
    v.u.b = b;
    return v;
}
static inline KraitValue krait_int(int64_t i) {
    KraitValue v = {KRAIT_INT, {0}};
    v.u.i = i;
    return v;
}
static inline KraitValue krait_float(double f) {
    KraitValue v = {KRAIT_FLOAT, {0}};
    v.u.f = f;
    return v;
}
// Strings, bytes and big ints: [data] is not copied until krait uses it.
static inline KraitValue krait_strn(KraitKind kind, const char *data, size_t len) {
    KraitValue v = {kind, {0}};
    v.u.s.data = data;
    v.u.s.len = len;
    return v;
}
KRAIT_API KraitValue krait_str(const char *utf8); // NUL-terminated
// A list, tuple, set, frozenset (len items) or dict (len pairs, 2*len items).
static inline KraitValue krait_seq(KraitKind kind, const KraitValue *items, size_t len) {
    KraitValue v = {kind, {0}};
    v.u.seq.items = items;
    v.u.seq.len = len;
    return v;
}

// ---- errors ----------------------------------------------------------------

// A compile error: SyntaxError (or IndentationError, TabError) with
// CPython's message, 1-based line and column, and the formatted text
// ("  File ..., line N\n    source\n    ^\nSyntaxError: msg\n").
typedef struct KraitError {
    char type[32];
    char message[256];
    int32_t line, column, end_line, end_column;
    char *text; // owned; free with krait_error_clear
} KraitError;

KRAIT_API void krait_error_clear(KraitError *err);

// One entry of a traceback, outermost call first (CPython's order).
typedef struct KraitFrame {
    const char *filename;
    const char *function; // "<module>", "f", "C.method", ...
    int32_t line, column, end_line, end_column; // 1-based; column 0 if unknown
    const char *source_line; // stripped, or "" when not available
} KraitFrame;

typedef enum KraitLimit {
    KRAIT_LIMIT_NONE = 0,
    KRAIT_LIMIT_MEMORY,
    KRAIT_LIMIT_ALLOCATIONS,
    KRAIT_LIMIT_DURATION,
    KRAIT_LIMIT_OUTPUT,
    KRAIT_LIMIT_CANCELLED,
    KRAIT_LIMIT_HOST_MEMORY, // the host allocator returned NULL
} KraitLimit;

// How a run ended in error. Owned by the run.
typedef struct KraitRunError {
    const char *type;      // "ValueError", "MemoryError" (limits), ...
    const char *message;   // str() of the exception
    const char *traceback; // the whole CPython-format text
    const KraitFrame *frames;
    size_t nframes;
    KraitLimit limit;      // which limit ended the run, or KRAIT_LIMIT_NONE
    uint64_t limit_value, limit_reached; // for limits: the limit and the amount reached
    size_t traceback_len;  // bytes of traceback: a message may hold a NUL
} KraitRunError;

// ---- programs --------------------------------------------------------------

typedef struct KraitCompileOptions {
    size_t struct_size;
    const char *filename;           // shown in tracebacks; default "<string>"
    const char *const *input_names; // global variables the run supplies
    size_t ninputs;
    const char *const *external_names; // host functions every run of it gets
    size_t nexternals;
} KraitCompileOptions;

KRAIT_API void krait_compile_options_init(KraitCompileOptions *opts);

// Compiles [len] bytes of [source]. [opts] may be NULL.
KRAIT_API KraitStatus krait_compile(const char *source, size_t len, const KraitCompileOptions *opts,
                                    KraitProgram **out, KraitError *err);
// The same with only a filename.
KRAIT_API KraitStatus krait_program_compile(const char *source, size_t len, const char *filename,
                                            KraitProgram **out, KraitError *err);
KRAIT_API void krait_program_free(KraitProgram *program);

// ---- runs ------------------------------------------------------------------

// [write] receives everything the code prints: stream 1 stdout, 2 stderr.
// A call with len 0 asks the host to flush that stream (the code called
// print(..., flush=True) or sys.stdout.flush()). Without [write], output is
// collected (krait_run_output).
typedef void (*KraitWriteFn)(void *user_data, int stream, const char *text, size_t len);

// A host allocator: realloc semantics (new_size 0 frees; old_size is the
// block's size as allocated). The limits are counted above it.
typedef void *(*KraitAllocFn)(void *user_data, void *ptr, size_t old_size, size_t new_size);

// Options of a run. Initialise with krait_options_init, then override.
typedef struct KraitOptions {
    size_t struct_size;
    // limits; 0 means unlimited (recursion: the default 1000)
    uint64_t max_memory;      // bytes of live heap
    uint64_t max_allocations; // allocations made by the run
    uint64_t max_duration_ns; // wall clock while running (not while paused)
    uint32_t max_recursion;   // Python call depth
    uint64_t max_output;      // bytes printed (stdout + stderr)
    KraitWriteFn write;
    void *write_data;
    KraitAllocFn alloc;
    void *alloc_data;
    // values of the program's input names, in order
    const KraitValue *inputs;
    size_t ninputs;
    // host functions of this run, besides the program's
    const char *const *external_names;
    size_t nexternals;
    // names of external functions that are async: calling one gives an
    // awaitable; the run pauses when every task waits on such calls
    const char *const *async_names;
    size_t nasync;
} KraitOptions;

KRAIT_API void krait_options_init(KraitOptions *opts);

// Creates a run of [program] (which must outlive it).
KRAIT_API KraitStatus krait_run_new(const KraitProgram *program, const KraitOptions *opts, KraitRun **out);
// Runs from the start: KRAIT_OK (finished), KRAIT_PAUSED, or an error.
KRAIT_API KraitStatus krait_run_start(KraitRun *run);

// A call to an external function the run waits on.
typedef struct KraitCall {
    uint64_t id;
    const char *name;
    const KraitValue *args;
    size_t nargs;
    const KraitValue *kwargs; // nkwargs pairs: a KRAIT_STR name then the value
    size_t nkwargs;
} KraitCall;

// The calls a paused run waits on (one for a plain call; several when async
// tasks wait together). Owned by the run until it continues.
KRAIT_API const KraitCall *krait_run_pending(const KraitRun *run, size_t *count);
// Answers a pending call with a return value...
KRAIT_API KraitStatus krait_run_resolve(KraitRun *run, uint64_t call_id, const KraitValue *value);
// ...or with an exception raised at the call site: [type] a built-in
// exception name ("ValueError"); any other name makes an Exception
// subclass of that name.
KRAIT_API KraitStatus krait_run_reject(KraitRun *run, uint64_t call_id, const char *type, const char *message);
// Continues after answering: a plain call needs its answer; async calls
// may be answered a few at a time, in any order.
KRAIT_API KraitStatus krait_run_continue(KraitRun *run);
// Shorthand: resolve the first pending call with [value] and continue.
KRAIT_API KraitStatus krait_run_resume(KraitRun *run, const KraitValue *value);

// Asks a running run to stop (safe from any thread): it ends soon with
// KRAIT_ERR_LIMIT and KRAIT_LIMIT_CANCELLED.
KRAIT_API void krait_run_cancel(KraitRun *run);

// The value of the final expression statement (None otherwise), after
// KRAIT_OK; NULL before, or when its copy would exceed max_memory (a small
// value can stand for a huge tree: one big str listed many times).
KRAIT_API const KraitValue *krait_run_result(const KraitRun *run);
// repr() of that value, or NULL when it is None.
KRAIT_API const char *krait_run_result_repr(const KraitRun *run);
// Collected output of a stream (1 stdout, 2 stderr) when no write callback
// was given; NUL-terminated.
KRAIT_API const char *krait_run_output(const KraitRun *run, int stream, size_t *len);
// The error after KRAIT_ERR_RUNTIME / KRAIT_ERR_LIMIT, else NULL.
KRAIT_API const KraitRunError *krait_run_error(const KraitRun *run);
// Shorthands for the error's traceback text and type name (or NULL).
KRAIT_API const char *krait_run_traceback(const KraitRun *run);
KRAIT_API const char *krait_run_exception_type(const KraitRun *run);
// When the run ended with an uncaught SystemExit, returns 1 and writes
// the process exit status CPython would use (0 for None, the int, or 1
// for any other value, whose str() is then the traceback text).
KRAIT_API int krait_run_system_exit(const KraitRun *run, int *status);
// Live heap bytes and allocations made so far.
KRAIT_API void krait_run_usage(const KraitRun *run, uint64_t *heap_bytes, uint64_t *allocations);
KRAIT_API void krait_run_free(KraitRun *run);

// ---- sessions --------------------------------------------------------------
//
// A session is a run with no fixed program: snippets compile and run one
// after another against the same globals (variables, functions, classes
// persist), as in a REPL or a code-interpreter agent. It pauses, resumes
// and reports like a run (krait_run_* on it); krait_run_free ends it.

KRAIT_API KraitStatus krait_session_new(const KraitOptions *opts, KraitRun **out);
// Compiles [source] and runs it in the session; [filename] (default
// "<stdin>") is shown in tracebacks. KRAIT_ERR_SYNTAX fills [err]. After
// any error the session takes the next snippet; the duration limit counts
// per snippet, the other limits for the whole session.
KRAIT_API KraitStatus krait_session_feed(KraitRun *session, const char *source, size_t len, const char *filename,
                                         KraitError *err);
// Sets a global variable of the session (an input) to a copy of [value].
KRAIT_API KraitStatus krait_session_set(KraitRun *session, const char *name, const KraitValue *value);

// ============================================================================
// Serialized programs: the compiled form as bytes (a compile cache)
//
// A dump is a versioned, checksummed byte string with a fixed (little-
// endian) byte order, loadable on any machine by the same format version.
// Loading validates everything, bytecode included, before the program can
// run: bad bytes give KRAIT_ERR_SNAPSHOT (and a reason in err->message),
// never a crash. With a [key] (HMAC-SHA-256), dump signs the bytes and
// load refuses unsigned or altered ones; loading without a key accepts a
// signed dump after its checksum check (the host chose not to check).
// ============================================================================

// Frees memory krait handed to the host (krait_program_dump's bytes).
KRAIT_API void krait_free(void *p);

// Serializes [program] into a new buffer (*out, *outlen; free it with
// krait_free). [key] may be NULL (unsigned); a non-NULL key must have
// keylen > 0.
KRAIT_API KraitStatus krait_program_dump(const KraitProgram *program, const uint8_t *key, size_t keylen,
                                         uint8_t **out, size_t *outlen);

// Loads a program from [len] bytes at [data]. [key]: as for dump; when
// given, the bytes must carry a valid signature made with it. On
// KRAIT_ERR_SNAPSHOT, err (if not NULL) has type "SnapshotError" and the
// reason in message.
KRAIT_API KraitStatus krait_program_load(const uint8_t *data, size_t len, const uint8_t *key, size_t keylen,
                                         KraitProgram **out, KraitError *err);

// The SHA-256 of the program's serialized form (without container or
// signature): equal programs (same source, file name and krait format
// version) have equal hashes; run snapshots may refer to programs by it.
KRAIT_API KraitStatus krait_program_hash(const KraitProgram *program, uint8_t out[32]);

// ============================================================================
// Run snapshots: a paused run as bytes (store it, load it in another process
// or on another machine, resume it there)
//
// A paused run (KRAIT_PAUSED, before or after answering some of its calls)
// serializes with everything it holds: variables, objects (identity and
// id() numbers kept), frames, generators and coroutines, asyncio tasks, the
// pending calls. The bytes are a "KRAITRUN" container like a program's
// (versioned, little-endian, CRC-32, optional HMAC-SHA-256 signature) and
// the same run always gives the same bytes. By default the snapshot
// carries its program; with `by_reference` it stores the program's hash
// instead (krait_program_hash) and the host hands the program to
// krait_run_load. Loading validates everything before the run can go on:
// bad bytes give KRAIT_ERR_SNAPSHOT (err->type "SnapshotError", the reason
// in err->message), never a crash. A run holding an object krait cannot
// save (for example an instance of a typing class) is refused at dump
// with KRAIT_ERR_SNAPSHOT and a message naming its type. A session saves
// too, paused or between snippets, always with its snippets' programs
// (by_reference is refused); loaded, it takes further snippets.
// ============================================================================

typedef struct KraitDumpOptions {
    size_t struct_size;
    const uint8_t *key; // sign with HMAC-SHA-256 (NULL: unsigned)
    size_t keylen;
    bool by_reference;  // store the program's hash instead of the program
    KraitError *error;  // optional: why a dump was refused
} KraitDumpOptions;

KRAIT_API void krait_dump_options_init(KraitDumpOptions *opts);

// Serializes a paused run (or a session, paused or between snippets) into a
// new buffer (free it with krait_free); KRAIT_ERR_ARG if the run is not
// paused. [opts] may be NULL.
KRAIT_API KraitStatus krait_run_dump(const KraitRun *run, const KraitDumpOptions *opts, uint8_t **out,
                                     size_t *outlen);

typedef struct KraitLoadOptions {
    size_t struct_size;
    const uint8_t *key; // when given, the bytes must be signed with it
    size_t keylen;
    // The program of a by-reference snapshot (its hash must match); for a
    // self-contained one, optional (then its hash must match too). The
    // program must outlive the run; a self-contained snapshot's own program
    // is owned by the run. NULL for a session's snapshot.
    const KraitProgram *program;
    // The new run's options: write callback, limits, allocator (inputs and
    // external names are ignored: they are in the snapshot). The limits are
    // these, not the saved run's; the output and recursion counters go on.
    const KraitOptions *run_options;
} KraitLoadOptions;

KRAIT_API void krait_load_options_init(KraitLoadOptions *opts);

// Loads a paused run: krait_run_pending lists the same calls (same ids), and
// krait_run_resolve/reject/continue/resume go on as with the original. A
// session's snapshot gives a session (krait_session_feed goes on with it).
// [opts] may be NULL for a self-contained, unsigned snapshot.
KRAIT_API KraitStatus krait_run_load(const uint8_t *data, size_t len, const KraitLoadOptions *opts, KraitRun **out,
                                     KraitError *err);

#ifdef __cplusplus
}
#endif
#endif
