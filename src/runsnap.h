// runsnap.h: run snapshots: a paused run's whole reachable state as bytes
// (the "KRAITRUN" container of snap.h) and back. The format is described
// in docs/architecture.md ("Run snapshots").
//
// Objects are written as records of an object table, numbered in the
// order the writer meets them (breadth first from the run's roots, which
// is deterministic); a reference is the record's number. Each type that
// can be saved has a KrSnapOps (KrType.snap): its fixed fields as a
// schema (offsets and what the C code assumes each field holds), plus
// hooks for variable parts and for rebuilding what is not stored (hash
// tables, caches). Types without one make a dump fail with a message
// naming the type: a snapshot is never wrong, at worst refused.
//
// Loading never trusts the bytes: every record is read into a freshly
// allocated object with safe defaults first; references are patched in
// once every record exists (cycles!), then checked against what the C
// code assumes of them (a list where list code reads a list...), then
// each object's `finish` hook checks the rest (a frame's value stack
// against the bytecode verifier, asyncio's queues...). Python code never
// runs during a load.
#ifndef KR_RUNSNAP_H
#define KR_RUNSNAP_H

#include "code.h"
#include "snap.h"

#define KR_RUN_FORMAT_VERSION 4u // 4: a generator's own handled exception

typedef struct KrRsWriter KrRsWriter;
typedef struct KrRsReader KrRsReader;

// ---- what a field holds ----------------------------------------------------------------
// The check of a value or object field: what the C code casts it to. The
// loader refuses a snapshot whose reference breaks it.
enum {
    KR_RS_ANY,   // any Python value (never an internal marker)
    KR_RS_EXACT, // an object whose type is exactly `type`
    KR_RS_SUB,   // an instance of `type` or of a subclass (its layout)
    KR_RS_EXC,   // an exception instance (KrExc layout)
    KR_RS_TYPE,  // a type object
    KR_RS_STR,   // a str (or an instance of a str subclass)
    KR_RS_INT,   // an exact int (small or big; not bool)
    KR_RS_CHECKS
};
#define KR_RS_NULL 0x80u // KR_NULL is allowed too
#define KR_RS_CHECK(c) ((c)&0x7Fu)

// Field kinds of a schema.
enum {
    KR_RSF_END,
    KR_RSF_VALUE, // KrValue, checked as `check`
    KR_RSF_OBJ,   // a KrObj pointer (or a pointer to a struct starting with one), NULL allowed
    KR_RSF_BOOL,
    KR_RSF_U8,
    KR_RSF_U32,
    KR_RSF_I64,
    KR_RSF_U64,
    KR_RSF_SIZE,
    KR_RSF_F64,
};

typedef struct KrRsField {
    uint16_t offset;
    uint8_t kind;
    uint8_t check;
    const KrType *type; // for KR_RS_EXACT / KR_RS_SUB
} KrRsField;

#define KR_RS_FIELD(st, member, kind, check, type) {(uint16_t)offsetof(st, member), (kind), (check), (type)}
#define KR_RS_VAL(st, member) KR_RS_FIELD(st, member, KR_RSF_VALUE, KR_RS_ANY, NULL)
#define KR_RS_VALN(st, member) KR_RS_FIELD(st, member, KR_RSF_VALUE, KR_RS_ANY | KR_RS_NULL, NULL)
#define KR_RS_SCALAR(st, member, kind) KR_RS_FIELD(st, member, kind, 0, NULL)
#define KR_RS_END {0, KR_RSF_END, 0, NULL}

// How one type is saved and loaded. For an instance of a class, the ops of
// its layout (a static type) save the layout's part; the loader adds the
// instance dict.
typedef struct KrSnapOps {
    // Fixed fields, written after the variable part (NULL: none). With
    // `read` NULL, an object of t->basic_size bytes is allocated (zeroed)
    // and filled from them.
    const KrRsField *fields;
    // The variable part (what sizes the object: a str's bytes, a list's
    // items), written first; false refuses the dump.
    bool (*write)(KrRsWriter *w, const KrObj *o);
    // Allocates an object of type t (safe to free from then on) and reads
    // its variable part; the generic reader fills the fields next. NULL on
    // error. May return a built-in object ('' for an empty str).
    KrObj *(*read)(KrRsReader *rd, const KrType *t);
    // Every reference is patched in and checked: rebuilds and validates
    // what the fields cannot say. Stage 0 runs before classes are
    // finished (hash tables: lookups need them), stage 1 after.
    bool (*finish)(KrRsReader *rd, KrObj *o, int stage);
} KrSnapOps;

// Tuples' ops (static tuple types, such as sys.version_info's, share them).
extern const KrSnapOps kr_tuple_snap;

// ---- writer (for the hooks) ---------------------------------------------------------------
KrSnapWriter *kr_rs_out(KrRsWriter *w);
KrRun *kr_rs_wrun(KrRsWriter *w);
// Any value word (KR_NULL and KR_STOP included); objects join the table.
void kr_rs_put_value(KrRsWriter *w, KrValue v);
// A raw object pointer (NULL allowed).
void kr_rs_put_obj(KrRsWriter *w, const KrObj *o);
// A code object of the run's program, by number.
void kr_rs_put_code(KrRsWriter *w, const KrCode *code);
// A frame: NULL, a frame of the frame stack, or a generator's own frame.
void kr_rs_put_frame(KrRsWriter *w, const struct KrFrame *f);
// A generator frame's body (the generator record writes it).
void kr_rs_put_frame_body(KrRsWriter *w, const struct KrFrame *f);
// Refuses the dump ("cannot snapshot a paused run ..."); returns false.
bool kr_rs_write_fail(KrRsWriter *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
// n items of a list or tuple (runs of small ints are packed).
void kr_rs_put_items(KrRsWriter *w, const KrValue *items, size_t n);
// A static object by name, inline (a class names its layout so).
void kr_rs_put_static_name(KrRsWriter *w, const void *obj);
// Writes the fields of a schema from the object.
void kr_rs_put_fields(KrRsWriter *w, const KrObj *o, const KrRsField *fields);
// True when v is the value of a dict/set key whose hash the loader
// computes itself (str, int, float, bool, None, bytes): others store it.
bool kr_rs_native_hash(KrValue v, int64_t *out);

// ---- reader (for the hooks) ---------------------------------------------------------------
KrSnapReader *kr_rs_in(KrRsReader *rd);
KrRun *kr_rs_run(KrRsReader *rd);
// The recursion limit the loading host set (before the run's own).
uint32_t kr_rs_host_recursion(KrRsReader *rd);
// Reads a value into *slot; references are patched in later (the slot
// must not move) and checked against `check`/`type`.
bool kr_rs_get_value(KrRsReader *rd, KrValue *slot, uint8_t check, const KrType *type);
bool kr_rs_get_obj(KrRsReader *rd, KrObj **slot, uint8_t check, const KrType *type);
// A code object of the program, or NULL (with the reader failed).
const KrCode *kr_rs_get_code(KrRsReader *rd);
// A frame reference, patched in later.
bool kr_rs_get_frame(KrRsReader *rd, struct KrFrame **slot);
// Reads a generator's own frame: allocated here and stored in *attach at
// once (the generator frees it, even if the load fails later). False on
// error.
bool kr_rs_get_frame_body(KrRsReader *rd, KrValue gen, struct KrFrame **attach);
// Refuses the snapshot; returns false (or NULL through the casts).
bool kr_rs_fail(KrRsReader *rd, const char *msg);
// In a finish hook: v (an object) is referenced from exactly one place in
// the snapshot. A C object's private container (asyncio's waiter lists)
// must be: shared with a list the code can reach, the code could put
// anything in it.
bool kr_rs_owned(KrRsReader *rd, KrValue v);
// An allocation for the object being read: kr_gc_alloc, and a failure
// recorded as such (the run's limits apply).
void *kr_rs_alloc(KrRsReader *rd, const KrType *t, size_t size);
void *kr_rs_mem(KrRsReader *rd, size_t size);
// Reads n items (as kr_rs_put_items wrote them) into items[0..n).
bool kr_rs_get_items(KrRsReader *rd, KrValue *items, size_t n);
// A static object named inline (NULL with the reader failed).
const void *kr_rs_get_static_name(KrRsReader *rd);
// The object of a value a constructor made; KR_EXC (a limit or no
// memory) fails the reader.
KrObj *kr_rs_made(KrRsReader *rd, KrValue v);
// Reads a byte string (a pointer into the input; NULL on error).
const uint8_t *kr_rs_get_bytes(KrRsReader *rd, size_t *n);
// Fills the schema's fields of o from the input.
bool kr_rs_get_fields(KrRsReader *rd, KrObj *o, const KrRsField *fields);
// Checks v against a field check now (for finish hooks).
bool kr_rs_value_ok(KrValue v, uint8_t check, const KrType *type);
// A count of items that take at least min_size bytes each.
size_t kr_rs_get_count(KrRsReader *rd, size_t min_size, size_t max);
// The length of a kr_rs_put_items sequence (at most 16 items per byte left).
size_t kr_rs_get_item_count(KrRsReader *rd, size_t max);

// ---- the whole run (api.c) ------------------------------------------------------------------

// A program's numbering for snapshots: its code objects (kr_program_codes
// order) and its strs (each text once, in a fixed walk order), its
// serialized payload and hash. Immutable once made.
typedef struct KrProgramIndex KrProgramIndex;
KrProgramIndex *kr_program_index_new(const KrProgram *p, KrAllocator alloc);
void kr_program_index_free(KrProgramIndex *ix);
// A session's index, its snippets' programs added oldest first as they
// come (the session's own: unlike a program's, it is not shared). After a
// failed add (out of memory) the index must be freed.
KrProgramIndex *kr_program_index_new_empty(KrAllocator alloc);
KR_MUST_CHECK bool kr_program_index_add(KrProgramIndex *ix, const KrProgram *p);
size_t kr_program_index_count(const KrProgramIndex *ix);
const uint8_t *kr_program_index_hash(const KrProgramIndex *ix);

typedef struct KrRunDumpArgs {
    KrRun *r;
    const KrProgramIndex *program; // a session's: its snippets' programs
    bool session; // a session's run: paused, or between snippets
    bool by_reference;
    const uint8_t *key;
    size_t keylen;
} KrRunDumpArgs;

// Appends the snapshot of the paused run to out. KR_SNAP_ERR_FORMAT: the
// run holds something that cannot be saved (err says what).
KrSnapStatus kr_run_snap_dump(const KrRunDumpArgs *a, KrBuf *out, char *err, size_t errcap);

typedef struct KrRunLoadArgs {
    const uint8_t *data;
    size_t len;
    const uint8_t *key;
    size_t keylen;
    // by-reference snapshots need the program (its index); when given for
    // a self-contained one, its hash must match too
    const KrProgram *program;
    const KrProgramIndex *program_index;
    KrRun *r; // a fresh run (allocator and limits set)
} KrRunLoadArgs;

// What a load gives besides the run.
typedef struct KrRunLoaded {
    // the programs the snapshot carried (none by reference), oldest first,
    // and their index: the caller takes them (setting entries to NULL)
    KrProgram **programs;
    size_t nprograms;
    KrProgram *one; // programs' room when there is one
    KrProgramIndex *index;
    bool session; // a session's: its programs are its snippets
    bool idle;    // a session between snippets (the run is not paused)
    KrAllocator alloc;
} KrRunLoaded;

// Loads into a->r. On failure the run must be destroyed (it may hold
// half-loaded objects). Either way kr_run_loaded_free(out) frees what the
// caller did not take.
KrSnapStatus kr_run_snap_load(const KrRunLoadArgs *a, KrRunLoaded *out, char *err, size_t errcap);
void kr_run_loaded_free(KrRunLoaded *l);

#endif
