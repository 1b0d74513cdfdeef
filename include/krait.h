// krait.h: the public C API of krait, a minimal, secure Python
// interpreter for running code written by AI agents.
//
// Compile source once into an immutable KraitProgram (shareable across
// threads), then run it any number of times; each KraitRun owns its own
// heap and limits. No global state: every call takes its handles.
// Every call returns a KraitStatus; details are read from the handles.
#ifndef KRAIT_H
#define KRAIT_H

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
    KRAIT_OK = 0,
    KRAIT_ERR_SYNTAX,  // the source did not compile (see KraitError)
    KRAIT_ERR_RUNTIME, // an uncaught exception ended the run
    KRAIT_ERR_LIMIT,   // a resource limit ended the run
    KRAIT_ERR_NOMEM,   // the host allocator failed
    KRAIT_ERR_ARG,     // a bad argument to the API
    KRAIT_ERR_SNAPSHOT, // snapshot bytes refused: truncated, corrupted, hostile, or a bad signature
} KraitStatus;

typedef struct KraitProgram KraitProgram;
typedef struct KraitRun KraitRun;

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

// [write] receives everything the code prints: stream 1 stdout, 2 stderr.
typedef void (*KraitWriteFn)(void *user_data, int stream, const char *text, size_t len);

// Options of a run. Initialise with krait_options_init, then override.
typedef struct KraitOptions {
    size_t struct_size;
    uint32_t max_recursion; // Python call depth, default 1000
    KraitWriteFn write;
    void *write_data;
} KraitOptions;

KRAIT_API void krait_options_init(KraitOptions *opts);

// Compiles [len] bytes of [source]; [filename] is shown in tracebacks.
KRAIT_API KraitStatus krait_program_compile(const char *source, size_t len, const char *filename,
                                            KraitProgram **out, KraitError *err);
KRAIT_API void krait_program_free(KraitProgram *program);

// Creates a run of [program] (which must outlive it) and runs it to the
// end. On KRAIT_ERR_RUNTIME / KRAIT_ERR_LIMIT, krait_run_traceback gives
// the CPython-format traceback text.
KRAIT_API KraitStatus krait_run_new(const KraitProgram *program, const KraitOptions *opts, KraitRun **out);
KRAIT_API KraitStatus krait_run_start(KraitRun *run);
// The traceback of the uncaught exception (NUL-terminated, owned by the
// run), or NULL.
KRAIT_API const char *krait_run_traceback(const KraitRun *run);
// repr() of the final expression statement's value, or NULL.
KRAIT_API const char *krait_run_result_repr(const KraitRun *run);
// The exception type name ("ValueError"), or NULL; for SystemExit the
// exit code is in *exit_code.
KRAIT_API const char *krait_run_exception_type(const KraitRun *run);
// When the run ended with an uncaught SystemExit, returns 1 and writes
// the process exit status CPython would use (0 for None, the int, or 1
// for any other value, whose str() is then the traceback text).
KRAIT_API int krait_run_system_exit(const KraitRun *run, int *status);
KRAIT_API void krait_run_free(KraitRun *run);

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

#ifdef __cplusplus
}
#endif
#endif
