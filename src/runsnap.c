// runsnap.c: run snapshots (runsnap.h): the program index, the names of
// static objects, the value encoding, the writer (object table from the
// run's roots) and the reader (records, references patched in, checks,
// frames against the verifier). Per-type parts live with each type
// (KrType.snap).
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "runsnap.h"
#include "compiler.h"
#include "modules.h"
#include "program.h"
#include "types.h"
#include "verify.h"
#include "vm.h"
#include "obj/class.h"
#include "obj/external.h"

// ---- pointer maps ------------------------------------------------------------------------
// Open addressing from an address to a number; raw allocations (a dump's
// or a load's own memory, not the run's budget).

typedef struct PtrMap {
    const void **keys;
    uint32_t *vals;
    size_t mask, used;
    KrAllocator alloc;
} PtrMap;

static size_t pm_slot(const void *p, size_t mask) {
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 29) & mask;
}

static bool pm_get(const PtrMap *m, const void *p, uint32_t *out) {
    if (!m->keys) return false;
    for (size_t i = pm_slot(p, m->mask);; i = (i + 1) & m->mask) {
        if (m->keys[i] == p) {
            *out = m->vals[i];
            return true;
        }
        if (!m->keys[i]) return false;
    }
}

static void pm_free(PtrMap *m) {
    size_t cap = m->keys ? m->mask + 1 : 0;
    if (m->keys) m->alloc.fn(m->alloc.ud, m->keys, cap * sizeof *m->keys, 0);
    if (m->vals) m->alloc.fn(m->alloc.ud, m->vals, cap * sizeof *m->vals, 0);
    m->keys = NULL;
    m->vals = NULL;
    m->mask = m->used = 0;
}

static void pm_insert(PtrMap *m, const void *p, uint32_t v) {
    size_t i = pm_slot(p, m->mask);
    while (m->keys[i]) i = (i + 1) & m->mask;
    m->keys[i] = p;
    m->vals[i] = v;
    m->used++;
}

static bool pm_grow(PtrMap *m) {
    size_t ocap = m->keys ? m->mask + 1 : 0, cap = ocap ? ocap * 2 : 16;
    const void **keys = m->alloc.fn(m->alloc.ud, NULL, 0, cap * sizeof *keys);
    uint32_t *vals = keys ? m->alloc.fn(m->alloc.ud, NULL, 0, cap * sizeof *vals) : NULL;
    if (!vals) {
        if (keys) m->alloc.fn(m->alloc.ud, keys, cap * sizeof *keys, 0);
        return false;
    }
    memset(keys, 0, cap * sizeof *keys);
    PtrMap old = *m;
    m->keys = keys;
    m->vals = vals;
    m->mask = cap - 1;
    m->used = 0;
    for (size_t i = 0; i < ocap; i++)
        if (old.keys[i]) pm_insert(m, old.keys[i], old.vals[i]);
    pm_free(&old);
    m->alloc = old.alloc;
    return true;
}

// Adds p -> v (p must be absent).
static bool pm_put(PtrMap *m, const void *p, uint32_t v) {
    if ((m->used + 1) * 2 > (m->keys ? m->mask + 1 : 0) && !pm_grow(m)) return false;
    pm_insert(m, p, v);
    return true;
}

// A growable array of fixed-size items in raw memory.
typedef struct Vec {
    char *data;
    size_t n, cap, item;
    KrAllocator alloc;
} Vec;

static void *vec_push(Vec *v) {
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : v->item <= 8 ? 16 : 4, bytes; // (few programs: a small start)
        if (!kr_size_mul(cap, v->item, &bytes)) return NULL;
        char *d = v->alloc.fn(v->alloc.ud, v->data, v->cap * v->item, bytes);
        if (!d) return NULL;
        v->data = d;
        v->cap = cap;
    }
    return v->data + v->n++ * v->item;
}

static void vec_free(Vec *v) {
    if (v->data) v->alloc.fn(v->alloc.ud, v->data, v->cap * v->item, 0);
    v->data = NULL;
    v->n = v->cap = 0;
}

#define VEC_AT(v, T, i) ((T *)(v).data + (i))

// ---- the program index ----------------------------------------------------------------------
// Snapshots name the program's code objects and constants by position and
// its strs by text, so a program compiled here and the same program read
// back from bytes (whose objects may be shared differently) agree. A
// session's index covers its snippets' programs one after the other: code
// numbers and object numbers continue from one program to the next (so a
// single program's numbers are the same either way), and a text shared by
// two programs is one str.
//
// The tables by number (codes, pobjs, strs) are made when a program is
// added; the map back from an address (only a dump needs it, beyond code
// objects) is filled program by program, at once for a host's program and
// on first need for one read from a snapshot: a loaded run is mostly
// resumed, not saved again.

#define PIX_STR_BIT 0x80000000u

// Where one program's part starts in the index's tables.
typedef struct PixProg {
    uint32_t code_start, ncodes; // in codes
    uint32_t pobj_start;         // in pobjs: its code objects, then its constants
    uint32_t str_start;          // in strs: the texts it named first
    bool strdup;                 // it names a text through two strs: mapping walks its code again
    size_t pay_start, pay_len;   // its payload in `payload`
} PixProg;

#define PIX_LOCAL 3072 // room for a small program's tables after a host's index

struct KrProgramIndex {
    KrAllocator alloc;  // the index itself, the verifier's states
    KrAllocator tables; // its tables: first in `local`, then alloc's memory
    KrBumpAlloc bump;
    uint8_t hash[KR_SHA256_SIZE];
    bool hashed; // an index of a loaded program hashes on first need (it is the run's own)
    KrBuf payload; // the programs' payloads, one after the other
    KrCodeList codes;
    Vec progs; // PixProg, oldest first
    Vec pobjs; // const KrObj *: per program, its code objects, then constant objects by position
    Vec strs;  // const KrStr *: one per distinct text, in walk order
    PtrMap map;     // object -> pobjs index, or strs index | PIX_STR_BIT
    size_t nmapped; // progs[..nmapped] are in the map (code objects always are)
    uint32_t *text; // open addressing on str text: strs index + 1
    size_t tmask;
    // per code object: the verifier's states, made on first need and
    // published atomically (the index of a host's program is shared)
    KrVfStacks **stacks;
    size_t nstacks;
    bool carved; // in its program's arena (a loaded program's): freed with it
    unsigned char *local; // room for the tables, right after the index
    size_t local_cap;
};

// The index and its room in one block. A loaded program's room is sized
// to its payload (a buffer doubles to hold it) and a small program's
// tables: a loaded run is mostly resumed, not dumped again.
#define PIX_HEAD ((sizeof(KrProgramIndex) + 15) & ~(size_t)15)
static size_t pix_room_for(size_t payload_len) {
    size_t buf = 32;
    while (buf <= payload_len && buf < ((size_t)1 << 30)) buf *= 2;
    return buf + 1024;
}

const uint8_t *kr_program_index_hash(const KrProgramIndex *ix) {
    if (!ix->hashed) {
        KrProgramIndex *m = (KrProgramIndex *)ix; // only a run's own index is made unhashed
        kr_sha256(m->payload.data, m->payload.len, m->hash);
        m->hashed = true;
    }
    return ix->hash;
}

static bool pix_same_text(const KrStr *a, const KrStr *b) {
    return a == b || (a->nbytes == b->nbytes && memcmp(a->data, b->data, a->nbytes) == 0);
}

// A program's strs carry their hash (the compiler's and the loader's
// both set it): equal texts hash alike, so it serves the text table too.
static size_t pix_text_slot(const KrProgramIndex *ix, const KrStr *s) {
    uint64_t h = (uint64_t)(s->hash != -1 ? s->hash : kr_str_hash(s));
    size_t i = (size_t)h & ix->tmask;
    while (ix->text[i] && !pix_same_text(*VEC_AT(ix->strs, const KrStr *, ix->text[i] - 1), s)) i = (i + 1) & ix->tmask;
    return i;
}

static bool pix_text_grow(KrProgramIndex *ix) {
    size_t ocap = ix->text ? ix->tmask + 1 : 0, cap = ocap ? ocap * 2 : 64;
    uint32_t *t = ix->tables.fn(ix->tables.ud, NULL, 0, cap * sizeof *t);
    if (!t) return false;
    memset(t, 0, cap * sizeof *t);
    if (ix->text) ix->tables.fn(ix->tables.ud, ix->text, ocap * sizeof *t, 0);
    ix->text = t;
    ix->tmask = cap - 1;
    for (size_t k = 0; k < ix->strs.n; k++) ix->text[pix_text_slot(ix, *VEC_AT(ix->strs, const KrStr *, k))] = (uint32_t)k + 1;
    return true;
}

// A walk over a program's code objects: numbering its strs and constant
// objects, or putting its strs in the map.
typedef struct PixWalk {
    KrProgramIndex *ix;
    bool map;
    bool dup; // numbering met a text another str holds
} PixWalk;

// Room for one more str in both tables.
static bool pix_strs_room(KrProgramIndex *ix) {
    if (ix->strs.n >= PIX_STR_BIT - 1) return false; // numbers must not reach the str bit (a huge session)
    if ((ix->strs.n + 1) * 2 > (ix->text ? ix->tmask + 1 : 0) && !pix_text_grow(ix)) return false;
    if (ix->strs.n < ix->strs.cap) return true;
    if (!vec_push(&ix->strs)) return false;
    ix->strs.n--;
    return true;
}

// Numbers s's text on first sight: one probe of the text table, s itself
// found at once when it was met before.
static bool pix_number_str(PixWalk *w, const KrStr *s) {
    KrProgramIndex *ix = w->ix;
    if (((ix->strs.n + 1) * 2 > (ix->text ? ix->tmask + 1 : 0) || ix->strs.n == ix->strs.cap) && !pix_strs_room(ix))
        return false;
    const KrStr **strs = (const KrStr **)ix->strs.data;
    size_t i = (size_t)(s->hash != -1 ? s->hash : kr_str_hash(s)) & ix->tmask;
    for (uint32_t t; (t = ix->text[i]) != 0; i = (i + 1) & ix->tmask) {
        if (strs[t - 1] == s) return true;
        if (pix_same_text(strs[t - 1], s)) {
            w->dup = true;
            return true;
        }
    }
    strs[ix->strs.n++] = s;
    ix->text[i] = (uint32_t)ix->strs.n;
    return true;
}

// (every text was numbered before: the slot is never empty)
static bool pix_map_str(KrProgramIndex *ix, const KrStr *s) {
    uint32_t v;
    if (pm_get(&ix->map, s, &v)) return true;
    size_t slot = pix_text_slot(ix, s);
    return ix->text[slot] && pm_put(&ix->map, s, (ix->text[slot] - 1) | PIX_STR_BIT);
}

static inline bool pix_walk_str(PixWalk *w, const KrStr *s) {
    if (!s) return true;
    return w->map ? pix_map_str(w->ix, s) : pix_number_str(w, s);
}

static bool pix_push_obj(KrProgramIndex *ix, const KrObj *o) {
    if (ix->pobjs.n >= PIX_STR_BIT - 1) return false;
    const KrObj **p = vec_push(&ix->pobjs);
    if (!p) return false;
    *p = o;
    return true;
}

// pobjs[k] in the map: the first position names a shared object.
static bool pix_map_obj(KrProgramIndex *ix, size_t k) {
    const KrObj *o = *VEC_AT(ix->pobjs, const KrObj *, k);
    uint32_t v;
    return pm_get(&ix->map, o, &v) || pm_put(&ix->map, o, (uint32_t)k);
}

// A constant and what it holds (nested tuples), depth-first.
static bool pix_walk_const(PixWalk *w, KrValue c, int depth) {
    if (!kr_is_ptr(c)) return true;
    const KrObj *o = kr_as_obj(c);
    if (o->type == &kr_type_str) return pix_walk_str(w, (const KrStr *)o);
    if (o->type == &kr_type_code) return true;
    if (!w->map && !pix_push_obj(w->ix, o)) return false;
    if (o->type != &kr_type_tuple || depth > 64) return true;
    const KrTuple *t = (const KrTuple *)o;
    for (size_t i = 0; i < t->len; i++)
        if (!pix_walk_const(w, t->items[i], depth + 1)) return false;
    return true;
}

static bool pix_walk_strs(PixWalk *w, KrStr *const *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!pix_walk_str(w, s[i])) return false;
    return true;
}

static bool pix_walk_code(PixWalk *w, const KrCode *c) {
    if (!pix_walk_str(w, c->name) || !pix_walk_str(w, c->qualname) || !pix_walk_str(w, c->filename) ||
        !pix_walk_strs(w, c->names, c->nnames) || !pix_walk_strs(w, c->varnames, c->nlocals) ||
        !pix_walk_strs(w, c->cellnames, (size_t)c->ncells + c->nfrees) || !pix_walk_const(w, c->doc, 0))
        return false;
    for (uint32_t k = 0; k < c->nconsts; k++)
        if (!pix_walk_const(w, c->consts[k], 0)) return false;
    return true;
}

// Program i's constant objects and strs into the map (its code objects
// are there already).
static bool pix_map_prog(KrProgramIndex *ix, size_t i) {
    const PixProg *pp = VEC_AT(ix->progs, PixProg, i), *next = i + 1 < ix->progs.n ? pp + 1 : NULL;
    size_t pobj_end = next ? next->pobj_start : ix->pobjs.n, str_end = next ? next->str_start : ix->strs.n;
    for (size_t k = pp->pobj_start + pp->ncodes; k < pobj_end; k++)
        if (!pix_map_obj(ix, k)) return false;
    if (!pp->strdup) { // each str it names is one of strs: the earlier programs' or its own
        for (size_t k = pp->str_start; k < str_end; k++)
            if (!pix_map_str(ix, *VEC_AT(ix->strs, const KrStr *, k))) return false;
        return true;
    }
    PixWalk w = {ix, true, false};
    for (size_t k = pp->code_start; k < (size_t)pp->code_start + pp->ncodes; k++)
        if (!pix_walk_code(&w, ix->codes.items[k])) return false;
    return true;
}

// Completes the map, oldest program first (so a shared object keeps its
// first position). An index left unmapped is a run's own (one thread at a
// time); a shared one is mapped before it is published.
static bool pix_mapped(const KrProgramIndex *cix) {
    if (cix->nmapped == cix->progs.n) return true;
    KrProgramIndex *ix = (KrProgramIndex *)cix;
    for (; ix->nmapped < ix->progs.n; ix->nmapped++)
        if (!pix_map_prog(ix, ix->nmapped)) return false;
    return true;
}

// A verifier slot per code object (empty until needed); the table
// doubles, so a session of many small snippets adds each in linear time.
static bool pix_grow_stacks(KrProgramIndex *ix) {
    size_t old = ix->nstacks;
    if (ix->codes.n <= old && old) return true;
    size_t n = old * 2 > ix->codes.n ? old * 2 : ix->codes.n ? ix->codes.n : 1;
    KrVfStacks **s = ix->tables.fn(ix->tables.ud, ix->stacks, old * sizeof *s, n * sizeof *s);
    if (!s) return false;
    memset(s + old, 0, (n - old) * sizeof *s);
    ix->stacks = s;
    ix->nstacks = n;
    return true;
}

// Adds a program after those the index has. payload: its bytes when read
// from a snapshot (its map is then filled on first need), else written
// here. On failure the index is unusable.
static bool pix_add_program(KrProgramIndex *ix, const KrProgram *p, const uint8_t *payload, size_t len) {
    PixProg pp = {(uint32_t)ix->codes.n, 0, (uint32_t)ix->pobjs.n, (uint32_t)ix->strs.n, false, ix->payload.len, 0};
    // code numbers stay far below PIX_STR_BIT
    bool ok = kr_program_codes_append(p, &ix->codes) && ix->codes.n <= ((size_t)1 << 24);
    pp.ncodes = (uint32_t)(ix->codes.n - pp.code_start);
    for (size_t i = pp.code_start; ok && i < ix->codes.n; i++)
        ok = pix_push_obj(ix, &ix->codes.items[i]->ob) && pix_map_obj(ix, ix->pobjs.n - 1);
    PixWalk w = {ix, false, false};
    for (size_t i = pp.code_start; ok && i < ix->codes.n; i++) ok = pix_walk_code(&w, ix->codes.items[i]);
    pp.strdup = w.dup;
    KrSnapWriter sw;
    kr_snap_writer_init(&sw, &ix->payload);
    if (ok) ok = payload ? kr_buf_append(&ix->payload, (const char *)payload, len) : kr_program_write(&sw, p);
    pp.pay_len = ix->payload.len - pp.pay_start;
    PixProg *slot = ok ? vec_push(&ix->progs) : NULL;
    if (slot) *slot = pp;
    ix->hashed = false;
    return slot && pix_grow_stacks(ix) && (payload || pix_mapped(ix));
}

// The program holding code number k (`codes`) or object number k: codes
// and objects are numbered program after program.
static const PixProg *pix_prog_holding(const KrProgramIndex *ix, bool codes, uint32_t k) {
    size_t lo = 0, hi = ix->progs.n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        const PixProg *p = VEC_AT(ix->progs, PixProg, mid);
        if ((codes ? p->code_start : p->pobj_start) <= k) lo = mid;
        else hi = mid;
    }
    return VEC_AT(ix->progs, PixProg, lo);
}

// Is code k a module (the last code of its program)? The verifier holds
// module code to its own rules.
static bool pix_is_module(const KrProgramIndex *ix, uint32_t k) {
    const PixProg *pp = pix_prog_holding(ix, true, k);
    return k == pp->code_start + pp->ncodes - 1;
}

// Makes s code k's states unless another thread was first: the ones kept.
static const KrVfStacks *pix_publish_stacks(const KrProgramIndex *ix, uint32_t k, KrVfStacks *s) {
    KrVfStacks *seen = NULL;
    if (__atomic_compare_exchange_n(&ix->stacks[k], &seen, s, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) return s;
    kr_verify_stacks_free(s);
    return seen;
}

// The verifier's states of code k (NULL: it does not verify, or no memory:
// *nomem says which).
static const KrVfStacks *pix_stacks(const KrProgramIndex *ix, uint32_t k, bool *nomem) {
    *nomem = false;
    KrVfStacks *s = __atomic_load_n(&ix->stacks[k], __ATOMIC_ACQUIRE);
    if (s) return s;
    s = kr_verify_stacks_new(ix->codes.items[k], pix_is_module(ix, k), ix->alloc, nomem);
    return s ? pix_publish_stacks(ix, k, s) : NULL;
}

// An empty index in `mem` (PIX_HEAD + room bytes, max_align_t aligned);
// carved: mem is not the index's to free.
static KrProgramIndex *pix_init(void *mem, size_t room, KrAllocator alloc, bool carved) {
    KrProgramIndex *ix = mem;
    if (!ix) return NULL;
    memset(ix, 0, sizeof *ix);
    ix->alloc = alloc;
    ix->carved = carved;
    ix->local = (unsigned char *)ix + PIX_HEAD;
    ix->local_cap = room;
    KrAllocator t = ix->tables = kr_bump_allocator(&ix->bump, alloc, ix->local, room);
    ix->map.alloc = t;
    ix->codes.alloc = t;
    ix->progs = (Vec){NULL, 0, 0, sizeof(PixProg), t};
    ix->pobjs = (Vec){NULL, 0, 0, sizeof(const KrObj *), t};
    ix->strs = (Vec){NULL, 0, 0, sizeof(const KrStr *), t};
    kr_buf_init(&ix->payload, t);
    if (!pix_grow_stacks(ix)) {
        kr_program_index_free(ix);
        return NULL;
    }
    return ix;
}

KrProgramIndex *kr_program_index_new_empty(KrAllocator alloc) {
    return pix_init(alloc.fn(alloc.ud, NULL, 0, PIX_HEAD + PIX_LOCAL), PIX_LOCAL, alloc, false);
}

static KrProgramIndex *pix_new(const KrProgram *p, KrAllocator alloc, const uint8_t *payload, size_t len) {
    KrProgramIndex *ix = kr_program_index_new_empty(alloc);
    if (ix && !pix_add_program(ix, p, payload, len)) {
        kr_program_index_free(ix);
        return NULL;
    }
    return ix;
}

KrProgramIndex *kr_program_index_new(const KrProgram *p, KrAllocator alloc) {
    KrProgramIndex *ix = pix_new(p, alloc, NULL, 0);
    if (ix) (void)kr_program_index_hash(ix); // shared indexes are complete before they are published
    return ix;
}

bool kr_program_index_add(KrProgramIndex *ix, const KrProgram *p) { return pix_add_program(ix, p, NULL, 0); }

size_t kr_program_index_count(const KrProgramIndex *ix) { return ix->progs.n; }

// A table's memory back to `tables`, unless it lies in `local` (which
// goes with the index: nothing to give back).
static void pix_table_free(KrProgramIndex *ix, void *p, size_t size) {
    uintptr_t a = (uintptr_t)p, lo = (uintptr_t)ix->local;
    if (p && (a < lo || a - lo >= ix->local_cap)) ix->tables.fn(ix->tables.ud, p, size, 0);
}

void kr_program_index_free(KrProgramIndex *ix) {
    if (!ix) return;
    KrAllocator a = ix->alloc;
    for (size_t i = 0; ix->stacks && i < ix->nstacks; i++) kr_verify_stacks_free(ix->stacks[i]);
    pix_table_free(ix, ix->stacks, ix->nstacks * sizeof *ix->stacks);
    pix_table_free(ix, ix->codes.items, ix->codes.cap * sizeof *ix->codes.items);
    pix_table_free(ix, ix->progs.data, ix->progs.cap * ix->progs.item);
    pix_table_free(ix, ix->pobjs.data, ix->pobjs.cap * ix->pobjs.item);
    pix_table_free(ix, ix->strs.data, ix->strs.cap * ix->strs.item);
    size_t mcap = ix->map.keys ? ix->map.mask + 1 : 0;
    pix_table_free(ix, ix->map.keys, mcap * sizeof *ix->map.keys);
    pix_table_free(ix, ix->map.vals, mcap * sizeof *ix->map.vals);
    pix_table_free(ix, ix->text, ix->text ? (ix->tmask + 1) * sizeof *ix->text : 0);
    if (!ix->payload.local) pix_table_free(ix, ix->payload.data, ix->payload.cap);
    if (!ix->carved) a.fn(a.ud, ix, PIX_HEAD + ix->local_cap, 0);
}

// The number of code object c (in codes), from its object number.
static uint32_t pix_code_index(const KrProgramIndex *ix, const KrCode *c, bool *ok) {
    uint32_t v = 0;
    *ok = pm_get(&ix->map, c, &v) && !(v & PIX_STR_BIT);
    if (!*ok) return 0;
    const PixProg *pp = pix_prog_holding(ix, false, v);
    *ok = v - pp->pobj_start < pp->ncodes;
    return pp->code_start + (v - pp->pobj_start);
}

// ---- static objects by name -------------------------------------------------------------------
// Built-in objects (types, functions, module members) are not saved: a
// record names them. "len", "ValueError": the builtins; "=name": the
// core types below (not builtins); "mod:name": a module's statics.

typedef struct StaticName {
    const char *name;
    const void *obj;
} StaticName;

extern const KrType kr_type_dict_keyiterator, kr_type_dict_valueiterator, kr_type_dict_itemiterator,
    kr_type_dict_revkeyiterator, kr_type_dict_revvalueiterator, kr_type_dict_revitemiterator, kr_type_set_iterator,
    kr_type_getitem_iterator, kr_type_callable_iterator;

// The types records name compactly (by position: append only, the
// format version changes otherwise), then other static objects.
static const StaticName rs_core[] = {
    {"str", &kr_type_str},
    {"list", &kr_type_list},
    {"tuple", &kr_type_tuple},
    {"dict", &kr_type_dict},
    {"external_function", &kr_type_external},
    {"external_call", &kr_type_external_call},
    {"int", &kr_type_int},
    {"bytes", &kr_type_bytes},
    {"bytearray", &kr_type_bytearray},
    {"complex", &kr_type_complex},
    {"set", &kr_type_set},
    {"frozenset", &kr_type_frozenset},
    {"range", &kr_type_range},
    {"slice", &kr_type_slice},
    {"cell", &kr_type_cell},
    {"function", &kr_type_function},
    {"method", &kr_type_method},
    {"builtin_method", &kr_type_bound_native},
    {"type", &kr_type_type},
    {"property", &kr_type_property},
    {"member_descriptor", &kr_type_member},
    {"classmethod", &kr_type_classmethod},
    {"staticmethod", &kr_type_staticmethod},
    {"super", &kr_type_super},
    {"traceback", &kr_type_traceback},
    {"generator", &kr_type_generator},
    {"coroutine", &kr_type_coroutine},
    {"async_generator", &kr_type_async_generator},
    {"module", &kr_type_module},
    {"list_iterator", &kr_type_list_iterator},
    {"list_reverseiterator", &kr_type_list_reverseiterator},
    {"tuple_iterator", &kr_type_tuple_iterator},
    {"iterator", &kr_type_iterator},
    {"reversed", &kr_type_reversed},
    {"enumerate", &kr_type_enumerate},
    {"zip", &kr_type_zip},
    {"map", &kr_type_map},
    {"filter", &kr_type_filter},
    {"range_iterator", &kr_type_range_iterator},
    {"longrange_iterator", &kr_type_longrange_iterator},
    {"str_iterator", &kr_type_str_iterator},
    {"str_ascii_iterator", &kr_type_str_ascii_iterator},
    {"bytes_iterator", &kr_type_bytes_iterator},
    {"bytearray_iterator", &kr_type_bytearray_iterator},
    {"mappingproxy", &kr_type_mappingproxy},
    {"dict_keys", &kr_type_dict_keys},
    {"dict_values", &kr_type_dict_values},
    {"dict_items", &kr_type_dict_items},
    {"dict_keyiterator", &kr_type_dict_keyiterator},
    {"dict_valueiterator", &kr_type_dict_valueiterator},
    {"dict_itemiterator", &kr_type_dict_itemiterator},
    {"dict_reversekeyiterator", &kr_type_dict_revkeyiterator},
    {"dict_reversevalueiterator", &kr_type_dict_revvalueiterator},
    {"dict_reverseitemiterator", &kr_type_dict_revitemiterator},
    {"set_iterator", &kr_type_set_iterator},
    {"getitem_iterator", &kr_type_getitem_iterator},
    {"NoneType", &kr_type_none},
    {"NotImplementedType", &kr_type_notimpl},
    {"ellipsis", &kr_type_ellipsis},
    {"code", &kr_type_code},
    {"builtin_function_or_method", &kr_type_builtin},
    {"float", &kr_type_float},
    {"callable_iterator", &kr_type_callable_iterator},
    {"bool", &kr_type_bool},
    {"object", &kr_type_object},
    {"generator_consumer", &kr_type_drain},
    {"()", &kr_empty_tuple},
};
#define RS_NCORE (sizeof rs_core / sizeof rs_core[0])
#define RS_NCORE_TYPES (RS_NCORE - 1) // all but the empty tuple are types

static int32_t rs_core_index(const void *p) {
    for (size_t i = 0; i < RS_NCORE; i++)
        if (rs_core[i].obj == p) return (int32_t)i;
    return -1;
}

typedef struct StaticFind {
    const void *obj;      // looking for this object's name...
    const char *name;     // ...or this name's object
    size_t len;
    const char *found;
    const void *found_obj;
} StaticFind;

static bool static_visit(void *ud, const char *name, const void *obj) {
    StaticFind *f = ud;
    if (f->obj ? obj == f->obj : strlen(name) == f->len && memcmp(name, f->name, f->len) == 0) {
        f->found = name;
        f->found_obj = obj;
        return true;
    }
    return false;
}

// Writes the name of static object o into buf; false if it has none.
static bool static_name_of(const void *o, char *buf, size_t cap) {
    const char *b = kr_builtin_name_of(o);
    if (b) return (size_t)snprintf(buf, cap, "%s", b) < cap;
    int32_t c = rs_core_index(o);
    if (c >= 0) return (size_t)snprintf(buf, cap, "=%s", rs_core[c].name) < cap;
    size_t n;
    const KrModuleDef *const *defs = kr_module_defs(&n);
    for (size_t i = 0; i < n; i++) {
        StaticFind f = {o, NULL, 0, NULL, NULL};
        if (defs[i]->statics && defs[i]->statics(&f, static_visit))
            return (size_t)snprintf(buf, cap, "%s:%s", defs[i]->name, f.found) < cap;
    }
    return false;
}

static const void *static_by_name(const char *s, size_t n) {
    char name[128];
    if (n == 0 || n >= sizeof name || memchr(s, 0, n)) return NULL;
    memcpy(name, s, n);
    name[n] = 0;
    if (name[0] == '=') {
        for (size_t i = 0; i < RS_NCORE; i++)
            if (strcmp(rs_core[i].name, name + 1) == 0) return rs_core[i].obj;
        return NULL;
    }
    const char *colon = strchr(name, ':');
    if (!colon) {
        int32_t i = kr_builtin_lookup(name);
        KrValue v = i >= 0 ? kr_builtin_value(i) : KR_NULL;
        return kr_is_ptr(v) ? kr_as_obj(v) : NULL;
    }
    size_t nd;
    const KrModuleDef *const *defs = kr_module_defs(&nd);
    for (size_t i = 0; i < nd; i++) {
        size_t mlen = (size_t)(colon - name);
        if (strlen(defs[i]->name) != mlen || memcmp(defs[i]->name, name, mlen) != 0) continue;
        StaticFind f = {NULL, colon + 1, strlen(colon + 1), NULL, NULL};
        return defs[i]->statics && defs[i]->statics(&f, static_visit) ? f.found_obj : NULL;
    }
    return NULL;
}

// ---- value encoding ----------------------------------------------------------------------------
// A value is one uvar u (low 2 bits the kind) plus, for some, what follows:
//   u & 3 == 0: a reference to record u >> 2
//   u & 3 == 1: a small int, zigzag(u >> 2)
//   u & 3 == 2: x = u >> 2: x & 3 == 0 a singleton (x >> 2: None False True
//               NotImplemented Ellipsis NULL STOP), 1 the program's str
//               x >> 2, 2 the program's object x >> 2 (code objects, then
//               constants by position), 3 LOAD_METHOD's raw method (its name
//               follows; only on a frame's value stack)
//   u & 3 == 3: a float: u == 3 its IEEE bits (u64) follow, u == 7 an
//               integral value follows as svar

enum { RS_SP_NONE, RS_SP_FALSE, RS_SP_TRUE, RS_SP_NOTIMPL, RS_SP_ELLIPSIS, RS_SP_NULL, RS_SP_STOP, RS_SP__COUNT };
static const KrValue rs_specials[RS_SP__COUNT] = {KR_NONE, KR_FALSE, KR_TRUE, KR_NOTIMPL, KR_ELLIPSIS, KR_NULL, KR_STOP};

enum { REC_OBJ, REC_CHUNK_FRAME, REC_STATIC };
enum { RS_PROGRAM_SELF, RS_PROGRAM_HASH, RS_PROGRAM_SESSION }; // how the payload holds its program(s)
#define RS_PAUSE_IDLE 0u // the pause kind of a session between snippets (not paused)
#define RS_TAG_STATIC 0u
#define RS_TAG_CHUNK_FRAME 2u
#define RS_MAX_RECORDS ((uint32_t)1 << 28)

static uint64_t rs_zigzag(int64_t v) { return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63); }
static int64_t rs_unzigzag(uint64_t u) { return (int64_t)(u >> 1) ^ -(int64_t)(u & 1); }

// ---- writer --------------------------------------------------------------------------------------

typedef struct WRec {
    const void *p;
    uint8_t kind;
} WRec;

struct KrRsWriter {
    KrRun *r;
    KrSnapWriter *w;
    const KrProgramIndex *pix;
    Vec recs;   // WRec
    PtrMap map; // object or frame -> record number
    char *err;
    size_t errcap;
    bool failed;
};

KrSnapWriter *kr_rs_out(KrRsWriter *w) { return w->w; }
KrRun *kr_rs_wrun(KrRsWriter *w) { return w->r; }

bool kr_rs_write_fail(KrRsWriter *w, const char *fmt, ...) {
    if (!w->failed && w->err && w->errcap) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(w->err, w->errcap, fmt, ap);
        va_end(ap);
    }
    w->failed = true;
    w->w->ok = false;
    return false;
}

static bool wr_nomem(KrRsWriter *w) { return kr_rs_write_fail(w, "out of memory writing the snapshot"); }

static bool wr_type_compact(const KrType *t) {
    int32_t c = rs_core_index(t);
    return c >= 0 && (size_t)c < RS_NCORE_TYPES;
}

static uint32_t wr_add(KrRsWriter *w, const void *p, uint8_t kind);

// The record number of p, adding it to the table (a class or a type named
// by its record goes before its instances).
static uint32_t wr_add(KrRsWriter *w, const void *p, uint8_t kind) {
    uint32_t i;
    if (pm_get(&w->map, p, &i)) return i;
    if (kind == REC_OBJ) {
        const KrType *t = ((const KrObj *)p)->type;
        if (((t->flags & KR_TF_HEAP) || !wr_type_compact(t)) && wr_add(w, t, (t->flags & KR_TF_HEAP) ? REC_OBJ : REC_STATIC) == UINT32_MAX)
            return UINT32_MAX;
    }
    if (w->recs.n >= RS_MAX_RECORDS) return wr_nomem(w), UINT32_MAX;
    WRec *rec = vec_push(&w->recs);
    i = (uint32_t)w->recs.n - 1;
    if (!rec || !pm_put(&w->map, p, i)) return wr_nomem(w), UINT32_MAX;
    rec->p = p;
    rec->kind = kind;
    return i;
}

static void wr_ref(KrRsWriter *w, const void *p, uint8_t kind) {
    uint32_t i = wr_add(w, p, kind);
    if (i != UINT32_MAX) kr_snap_put_uvar(w->w, (uint64_t)i << 2);
}

static void wr_double(KrRsWriter *w, KrValue v) {
    double d = kr_as_double(v);
    if (d == d && d >= -9007199254740992.0 && d <= 9007199254740992.0 && d == (double)(int64_t)d &&
        !(d == 0 && (v >> 63))) {
        kr_snap_put_uvar(w->w, 7);
        kr_snap_put_svar(w->w, (int64_t)d);
        return;
    }
    kr_snap_put_uvar(w->w, 3);
    kr_snap_put_u64(w->w, v);
}

// rs_specials inverted (a switch: saved values hold many of these)
static int rs_special_code(KrValue v) {
    switch (v) {
    case KR_NONE: return RS_SP_NONE;
    case KR_FALSE: return RS_SP_FALSE;
    case KR_TRUE: return RS_SP_TRUE;
    case KR_NOTIMPL: return RS_SP_NOTIMPL;
    case KR_ELLIPSIS: return RS_SP_ELLIPSIS;
    case KR_NULL: return RS_SP_NULL;
    case KR_STOP: return RS_SP_STOP;
    default: return -1;
    }
}
_Static_assert(RS_SP__COUNT == 7, "rs_special_code lists every special");

static void wr_static(KrRsWriter *w, const KrObj *o) {
    uint32_t k;
    if (pm_get(&w->pix->map, o, &k)) {
        uint64_t sub = (k & PIX_STR_BIT) ? 1 : 2;
        kr_snap_put_uvar(w->w, ((((uint64_t)(k & ~PIX_STR_BIT)) << 2 | sub) << 2) | 2);
        return;
    }
    uint64_t id;
    for (uint64_t n = 0; n < KR_NWELL_KNOWN_STRS; n++)
        if (o == &kr_well_known_strs[n]->ob && !kr_object_id_peek(w->r, o, &id)) { // one with an id is a record
            kr_snap_put_uvar(w->w, (((n + 1) << 2 | 3) << 2) | 2);
            return;
        }
    char name[128];
    if (o->type == &kr_type_str) {
        wr_ref(w, o, REC_OBJ); // by value: no search through every static name
    } else if (static_name_of(o, name, sizeof name)) {
        wr_ref(w, o, REC_STATIC);
    } else {
        kr_rs_write_fail(w, "cannot snapshot a paused run holding the built-in object %s (a '%s')",
                         o->type == &kr_type_type ? ((const KrType *)o)->name : "?", o->type->name);
    }
}

void kr_rs_put_value(KrRsWriter *w, KrValue v) {
    if (w->failed) return;
    if (kr_is_double(v)) {
        wr_double(w, v);
    } else if (kr_is_small(v)) {
        kr_snap_put_uvar(w->w, rs_zigzag(kr_as_small(v)) << 2 | 1);
    } else if ((v & KR_TAG_MASK) == KR_TAG_METHDEF) {
        const KrMethodDef *def = (const KrMethodDef *)(uintptr_t)(v & KR_PAYLOAD);
        kr_snap_put_uvar(w->w, (3u << 2) | 2);
        kr_snap_put_bytes(w->w, def->name, strlen(def->name));
    } else if (kr_is_special(v)) {
        int c = rs_special_code(v);
        if (c < 0) kr_rs_write_fail(w, "internal marker in a saved value");
        else kr_snap_put_uvar(w->w, ((uint64_t)c << 4) | 2);
    } else {
        const KrObj *o = kr_as_obj(v);
        if (o->gc & KR_GC_STATIC) wr_static(w, o);
        else wr_ref(w, o, REC_OBJ);
    }
}

void kr_rs_put_obj(KrRsWriter *w, const KrObj *o) { kr_rs_put_value(w, o ? kr_from_obj(o) : KR_NULL); }

void kr_rs_put_code(KrRsWriter *w, const KrCode *code) {
    bool ok;
    uint32_t k = pix_code_index(w->pix, code, &ok);
    if (!ok) kr_rs_write_fail(w, "a code object of another program");
    else kr_snap_put_uvar(w->w, k);
}

void kr_rs_put_frame(KrRsWriter *w, const KrFrame *f) {
    uint32_t i;
    if (!f) {
        kr_snap_put_uvar(w->w, 0);
    } else if (pm_get(&w->map, f, &i)) {
        kr_snap_put_uvar(w->w, (uint64_t)i + 1);
    } else if ((f->flags & KR_FRAME_GENERATOR) && kr_is_ptr(f->gen) && ((KrGen *)kr_as_obj(f->gen))->frame == f) {
        i = wr_add(w, kr_as_obj(f->gen), REC_OBJ);
        if (i != UINT32_MAX) kr_snap_put_uvar(w->w, (uint64_t)i + 1);
    } else {
        kr_rs_write_fail(w, "a frame outside the frame stack");
    }
}

void kr_rs_put_static_name(KrRsWriter *w, const void *obj) {
    char name[128];
    if (!static_name_of(obj, name, sizeof name)) kr_rs_write_fail(w, "a built-in object without a name");
    else kr_snap_put_bytes(w->w, name, strlen(name));
}

void kr_rs_put_fields(KrRsWriter *w, const KrObj *o, const KrRsField *f) {
    KrSnapWriter *out = w->w;
    for (; f && f->kind != KR_RSF_END; f++) {
        const char *p = (const char *)o + f->offset;
        switch (f->kind) {
        case KR_RSF_VALUE: kr_rs_put_value(w, *(const KrValue *)p); break;
        case KR_RSF_OBJ: kr_rs_put_obj(w, *(const KrObj *const *)p); break;
        case KR_RSF_BOOL: kr_snap_put_u8(out, *(const bool *)p ? 1 : 0); break;
        case KR_RSF_U8: kr_snap_put_u8(out, *(const uint8_t *)p); break;
        case KR_RSF_U32: kr_snap_put_uvar(out, *(const uint32_t *)p); break;
        case KR_RSF_I64: kr_snap_put_svar(out, *(const int64_t *)p); break;
        case KR_RSF_U64: kr_snap_put_uvar(out, *(const uint64_t *)p); break;
        case KR_RSF_SIZE: kr_snap_put_uvar(out, *(const size_t *)p); break;
        case KR_RSF_F64: kr_snap_put_f64(out, *(const double *)p); break;
        }
    }
}

// Items: a mode byte, then the values (mode 0), or (mode 1) items that
// are all small ints (at least two), packed as deltas from
// the previous item, a repeated delta as one run: [0] * n and
// range-like lists take little room. Each token is uvar(zigzag(delta) << 1
// | run), a run followed by uvar(its length - 2). A run covers at most
// RS_RUN_MAX items, so a blob cannot describe more than 16 items per
// byte (kr_rs_get_item_count).
#define RS_RUN_MAX 32

void kr_rs_put_items(KrRsWriter *w, const KrValue *items, size_t n) {
    KrSnapWriter *out = w->w;
    // packed optimistically, the items checked as they are packed: an item
    // that is not a small int takes the output back to the mode byte
    size_t mark = out->buf->len;
    if (n >= 2) {
        kr_snap_put_u8(out, 1);
        int64_t prev = 0;
        size_t i = 0;
        while (i < n && kr_is_small(items[i])) {
            int64_t last = kr_as_small(items[i]), d = last - prev;
            size_t j = i + 1, end = n - i > RS_RUN_MAX ? i + RS_RUN_MAX : n;
            for (; j < end && kr_is_small(items[j]); j++) {
                int64_t x = kr_as_small(items[j]);
                if (x - last != d) break;
                last = x;
            }
            kr_snap_put_uvar(out, rs_zigzag(d) << 1 | (j - i > 1));
            if (j - i > 1) kr_snap_put_uvar(out, j - i - 2);
            prev = last;
            i = j;
        }
        if (i == n) return;
        if (out->ok) { // (a failed writer's bytes are dropped anyway)
            out->buf->len = mark;
            out->buf->data[mark] = 0;
        }
    }
    kr_snap_put_u8(out, 0);
    for (size_t i = 0; i < n && !w->failed; i++) kr_rs_put_value(w, items[i]);
}

bool kr_rs_native_hash(KrValue v, int64_t *out) {
    if (kr_is_small(v)) {
        *out = kr_int_hash(v);
    } else if (kr_is_double(v)) {
        *out = kr_float_hash(kr_as_double(v));
    } else if (kr_is_bool(v) || v == KR_NONE) {
        if (v == KR_NONE) return false; // None hashes by identity: stored
        *out = v == KR_TRUE;
    } else if (kr_is_type(v, &kr_type_str)) {
        *out = kr_str_hash(kr_as_str(v));
    } else if (kr_is_type(v, &kr_type_int)) {
        *out = kr_int_hash(v);
    } else if (kr_is_type(v, &kr_type_bytes)) {
        const KrBytes *b = (const KrBytes *)kr_as_obj(v);
        *out = b->hash != -1 ? b->hash : kr_hash_bytes(b->data, b->len);
    } else {
        return false;
    }
    return true;
}

// ---- frames (writer) ----------------------------------------------------------------------------

static uint32_t frame_depth(const KrFrame *f) { return (uint32_t)(f->sp - kr_frame_stack((KrFrame *)f)); }

void kr_rs_put_frame_body(KrRsWriter *w, const KrFrame *f) {
    const KrCode *code = f->code;
    KrValue *stack = kr_frame_stack((KrFrame *)f);
    if (f->sp < stack || f->sp > stack + code->stacksize || f->pc > code->ninsns) {
        kr_rs_write_fail(w, "a frame in an inconsistent state");
        return;
    }
    kr_rs_put_code(w, code);
    kr_snap_put_uvar(w->w, f->flags);
    kr_snap_put_uvar(w->w, f->pc);
    uint32_t depth = frame_depth(f);
    kr_snap_put_uvar(w->w, depth);
    kr_rs_put_value(w, f->func);
    kr_rs_put_value(w, f->globals);
    kr_rs_put_value(w, f->ns);
    kr_rs_put_value(w, f->made);
    // a generator's frame links back only while it runs (linked into a chain)
    bool linked = !(f->flags & KR_FRAME_GENERATOR) || ((KrGen *)kr_as_obj(f->gen))->running;
    kr_rs_put_frame(w, linked ? f->back : NULL);
    size_t n = (size_t)code->nlocals + code->ncells + code->nfrees + depth;
    for (size_t i = 0; i < n; i++) kr_rs_put_value(w, f->slots[i]);
}

static bool wr_add_chunk_frame(void *ud, KrFrame *f) {
    KrRsWriter *w = ud;
    return wr_add(w, f, REC_CHUNK_FRAME) != UINT32_MAX;
}

// ---- records ------------------------------------------------------------------------------------

static const KrSnapOps *rs_ops_of(const KrType *t) { return (t->flags & KR_TF_HEAP) ? t->layout->snap : t->snap; }

static void wr_object(KrRsWriter *w, const KrObj *o) {
    const KrType *t = o->type;
    const KrSnapOps *ops = rs_ops_of(t);
    if (!ops) {
        kr_rs_write_fail(w, "cannot snapshot a paused run holding a '%s' object", t->name);
        return;
    }
    uint32_t ti;
    int32_t core = rs_core_index(t); // (wr_type_compact's test, the search made once)
    if (core >= 0 && (size_t)core < RS_NCORE_TYPES) kr_snap_put_uvar(w->w, ((uint64_t)core + 2) << 1);
    else if (pm_get(&w->map, t, &ti)) kr_snap_put_uvar(w->w, (uint64_t)ti << 1 | 1);
    else kr_rs_write_fail(w, "internal: the type of a record has no record");
    if (ops->write && !ops->write(w, o)) {
        if (!w->failed) kr_rs_write_fail(w, "cannot snapshot a paused run holding a '%s' object", t->name);
        return;
    }
    kr_rs_put_fields(w, o, ops->fields);
    if ((t->flags & KR_TF_HEAP) && !(t->flags & KR_TF_EXC)) kr_rs_put_value(w, *kr_instance_dict_slot((KrObj *)o));
    for (uint32_t i = 0; (t->flags & KR_TF_HEAP) && i < t->nslots; i++)
        kr_rs_put_value(w, kr_instance_members((KrObj *)o)[i]);
}

static void wr_record(KrRsWriter *w, size_t i) {
    WRec rec = *VEC_AT(w->recs, WRec, i);
    if (rec.kind == REC_CHUNK_FRAME) {
        kr_snap_put_uvar(w->w, RS_TAG_CHUNK_FRAME);
        kr_rs_put_frame_body(w, rec.p);
    } else if (rec.kind == REC_STATIC) {
        char name[128];
        uint32_t k;
        if (pm_get(&w->pix->map, rec.p, &k)) // an object of the program (its id() was taken): "@s<n>", "@o<n>"
            snprintf(name, sizeof name, "@%c%u", (k & PIX_STR_BIT) ? 's' : 'o', k & ~PIX_STR_BIT);
        else if (!static_name_of(rec.p, name, sizeof name)) {
            kr_rs_write_fail(w, "cannot snapshot a paused run holding the built-in type '%s'", ((const KrType *)rec.p)->name);
            return;
        }
        kr_snap_put_uvar(w->w, RS_TAG_STATIC);
        kr_snap_put_bytes(w->w, name, strlen(name));
    } else {
        wr_object(w, rec.p);
    }
}

// ---- the whole run (writer) -------------------------------------------------------------------

// What the loader rebuilds must hold now: no native code on the C stack,
// nothing rooted, no exception in flight.
// A session between snippets (idle) has no frames; the exception or limit
// its last snippet ended with is not kept (the next snippet starts clean).
static const char *wr_run_unsavable(const KrRun *r, bool session) {
    bool idle = session && !r->paused;
    if (idle && r->frame) return "the session is running";
    if (!idle && (!r->paused || r->pause_kind < KR_PAUSE_CALL || r->pause_kind > KR_PAUSE_MODULE)) return "the run is not paused";
    if (!session && r->programs) return "internal: a session's run saved as a plain run";
    if (r->native_depth || r->c_depth || r->nroots || r->roots_dropped || r->pausing || r->gen_yielded)
        return "the run is paused inside native code";
    if (!idle && (r->exc != KR_NULL || r->limit_hit)) return "the run has an exception in flight";
    if (r->pause_depth != UINT32_MAX) return "the run is paused inside an event loop step";
    uint32_t depth = 0;
    for (const KrFrame *f = r->frame; f; f = f->back) depth++;
    if (depth != r->depth) return "the run's call depth does not match its frames";
    return NULL;
}

// The program: its payload (mode 0), its hash (1), or a session's
// programs, oldest first (2: uvar count, then each payload).
static void wr_programs(KrRsWriter *w, const KrRunDumpArgs *a) {
    KrSnapWriter *out = w->w;
    const KrProgramIndex *ix = w->pix;
    kr_snap_put_u8(out, a->session ? RS_PROGRAM_SESSION : a->by_reference ? RS_PROGRAM_HASH : RS_PROGRAM_SELF);
    if (a->session && a->by_reference) {
        kr_rs_write_fail(w, "a session's snapshot always carries its programs (they are the session's own): dump it without by_reference");
    } else if (a->session) {
        kr_snap_put_uvar(out, ix->progs.n);
        for (size_t i = 0; i < ix->progs.n; i++) {
            const PixProg *pp = VEC_AT(ix->progs, PixProg, i);
            kr_snap_put_bytes(out, ix->payload.data + pp->pay_start, pp->pay_len);
        }
    } else if (a->by_reference) {
        kr_snap_put_raw(out, kr_program_index_hash(ix), KR_SHA256_SIZE);
    } else {
        kr_snap_put_bytes(out, ix->payload.data, ix->payload.len);
    }
}

static void wr_header(KrRsWriter *w, const KrRunDumpArgs *a) {
    KrSnapWriter *out = w->w;
    wr_programs(w, a);
    KrRun *r = w->r;
    kr_snap_put_uvar(out, a->session && !r->paused ? RS_PAUSE_IDLE : r->pause_kind);
    kr_snap_put_uvar(out, r->next_call_id);
    kr_snap_put_uvar(out, r->nan_seq);
    kr_snap_put_uvar(out, r->output_bytes);
    kr_snap_put_uvar(out, r->limits.max_recursion);
}

static void wr_roots(KrRsWriter *w) {
    KrRun *r = w->r;
    const KrValue roots[] = {r->globals,  r->modules, r->main_name,   r->exc_info, r->exc_outer, r->stop_exc,
                             r->repr_guard, r->pending, r->paused_call, r->main_coro};
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) kr_rs_put_value(w, roots[i]);
    kr_rs_put_frame(w, r->frame);
}

typedef struct IdPair {
    uint32_t rec;
    uint64_t id;
} IdPair;

// id() numbers of saved objects, by record; then the next number.
static void wr_ids(KrRsWriter *w) {
    Vec ids = {NULL, 0, 0, sizeof(IdPair), w->r->alloc};
    for (size_t i = 0; i < w->recs.n && !w->failed; i++) {
        WRec *rec = VEC_AT(w->recs, WRec, i);
        uint64_t id;
        if (rec->kind == REC_CHUNK_FRAME || !kr_object_id_peek(w->r, rec->p, &id)) continue;
        IdPair *p = vec_push(&ids);
        if (!p) {
            wr_nomem(w);
            break;
        }
        p->rec = (uint32_t)i;
        p->id = id;
    }
    kr_snap_put_uvar(w->w, ids.n);
    uint32_t prev = 0;
    for (size_t i = 0; i < ids.n; i++) {
        IdPair *p = VEC_AT(ids, IdPair, i);
        kr_snap_put_uvar(w->w, p->rec - prev);
        kr_snap_put_uvar(w->w, p->id);
        prev = p->rec;
    }
    kr_snap_put_uvar(w->w, kr_object_id_next(w->r));
    vec_free(&ids);
}

typedef struct StaticIds {
    Vec v; // IdPair-like: the object, its id
    bool nomem;
} StaticIds;

typedef struct StaticId {
    const void *o;
    uint64_t id;
} StaticId;

static void wr_static_id(void *ud, const void *o, uint64_t id) {
    StaticIds *s = ud;
    if (!(((const KrObj *)o)->gc & KR_GC_STATIC)) return;
    StaticId *e = vec_push(&s->v);
    if (!e) s->nomem = true;
    else *e = (StaticId){o, id};
}

static int static_id_cmp(const void *a, const void *b) {
    uint64_t x = ((const StaticId *)a)->id, y = ((const StaticId *)b)->id;
    return x < y ? -1 : x > y;
}

// Built-in objects whose id() the program asked for keep it, even if
// nothing else names them (in id order: the map's order is the heap's).
static void wr_static_ids(KrRsWriter *w) {
    StaticIds s = {{NULL, 0, 0, sizeof(StaticId), w->r->alloc}, false};
    kr_object_ids_visit(w->r, wr_static_id, &s);
    if (s.nomem) wr_nomem(w);
    if (s.v.n) qsort(s.v.data, s.v.n, sizeof(StaticId), static_id_cmp);
    char name[128];
    for (size_t i = 0; i < s.v.n && !w->failed; i++) {
        const KrObj *o = VEC_AT(s.v, StaticId, i)->o;
        if (pm_get(&w->pix->map, o, &(uint32_t){0}) || static_name_of(o, name, sizeof name)) wr_add(w, o, REC_STATIC);
        else if (o->type == &kr_type_str) wr_add(w, o, REC_OBJ);
    }
    vec_free(&s.v);
}

static void wr_run(KrRsWriter *w, const KrRunDumpArgs *a) {
    wr_header(w, a);
    if (!kr_vm_chunk_frames(w->r, wr_add_chunk_frame, w)) {
        wr_nomem(w);
        return;
    }
    size_t nchunk = w->recs.n;
    wr_roots(w);
    wr_static_ids(w);
    kr_snap_put_uvar(w->w, nchunk);
    size_t at = w->w->buf->len;
    kr_snap_put_u32(w->w, 0); // the number of records, known at the end
    for (size_t i = 0; i < w->recs.n && !w->failed; i++) wr_record(w, i);
    if (!w->failed && w->w->ok) kr_snap_store_le32((uint8_t *)w->w->buf->data + at, (uint32_t)w->recs.n);
    wr_ids(w);
}

KrSnapStatus kr_run_snap_dump(const KrRunDumpArgs *a, KrBuf *out, char *err, size_t errcap) {
    if (err && errcap) err[0] = 0;
    const char *why = wr_run_unsavable(a->r, a->session);
    if (why) {
        if (err && errcap) snprintf(err, errcap, "cannot snapshot this run: %s", why);
        return KR_SNAP_ERR_FORMAT;
    }
    KrSnapWriter sw;
    kr_snap_writer_init(&sw, out);
    size_t start = out->len;
    // room for the usual small run at once (the buffer grows as needed)
    if (!kr_buf_reserve(out, 256 + (a->by_reference ? 0 : a->program->payload.len)) || !pix_mapped(a->program))
        return KR_SNAP_ERR_NOMEM;
    alignas(max_align_t) unsigned char scratch[2048]; // the writer's tables while small
    KrBumpAlloc bump;
    KrAllocator raw = kr_bump_allocator(&bump, a->r->alloc, scratch, sizeof scratch);
    KrRsWriter w = {a->r, &sw, a->program, {NULL, 0, 0, sizeof(WRec), raw}, {NULL, NULL, 0, 0, raw}, err, errcap, false};
    kr_snap_begin(&sw, KR_SNAP_MAGIC_RUN, KR_RUN_FORMAT_VERSION);
    wr_run(&w, a);
    bool ok = !w.failed && kr_snap_finish(&sw, a->key, a->keylen);
    bool format = w.failed && (!err || strncmp(err, "out of memory", 13) != 0);
    vec_free(&w.recs);
    pm_free(&w.map);
    if (ok) return KR_SNAP_OK;
    out->len = start;
    return format ? KR_SNAP_ERR_FORMAT : KR_SNAP_ERR_NOMEM;
}

// ---- reader --------------------------------------------------------------------------------------

enum { FX_VALUE, FX_OBJ, FX_FRAME };

typedef struct Fixup {
    void *slot;
    uint32_t idx;
    uint8_t kind, check;
    const KrType *type;
} Fixup;

#define RS_METHDEF_PLACEHOLDER KR_TAG_METHDEF // a raw method not resolved yet

typedef struct MethFix {
    KrValue *slot;
    const uint8_t *name;
    size_t len;
} MethFix;

struct KrRsReader {
    KrRun *r;
    KrSnapReader *in;
    const KrProgramIndex *pix;
    void **objs;
    uint8_t *kinds;
    uint32_t nobjs, nread, nchunk;
    Vec fix;  // Fixup
    Vec meth; // MethFix
    PtrMap where; // object -> record number (made on demand)
    uint32_t *refs; // references to each record (made on demand, kr_rs_owned)
    const char *err;
    bool nomem;
    uint32_t host_recursion;
    bool session; // its programs are a session's (it may be between snippets)
    Vec kept;          // RsKept, by code number: verifier states from reading the programs
    size_t kept_from;  // kept[kept_from..] are the program being read (code numbers not known yet)
    KrArena *kept_mem; // where those states live (the load's, freed with it)
    KrAllocator tmp; // the load's own tables, freed before it returns
};

KrSnapReader *kr_rs_in(KrRsReader *rd) { return rd->in; }
KrRun *kr_rs_run(KrRsReader *rd) { return rd->r; }
uint32_t kr_rs_host_recursion(KrRsReader *rd) { return rd->host_recursion; }

bool kr_rs_fail(KrRsReader *rd, const char *msg) {
    if (!rd->err) rd->err = msg;
    kr_snap_fail(rd->in, msg);
    return false;
}

static bool rd_nomem(KrRsReader *rd) {
    rd->nomem = true;
    return kr_rs_fail(rd, "out of memory");
}

// ---- verifier states kept from reading the programs ---------------------------------------
// Reading a program verifies each code object; the frames are then
// checked against the verifier's states of their code. Those made while
// reading are kept for that in the load's own memory (up to a bound:
// beyond it a frame's are made by the index on demand), and go when the
// load ends.

#define RS_KEEP_MAX ((size_t)1 << 18) // heap bytes of states one load keeps

typedef struct RsKept {
    const KrCode *code;
    uint32_t k; // its code number, once its program is in the index
    const KrVfStacks *s;
} RsKept;

static bool rd_keep(void *ud, const KrCode *code, KrVfStacks *s) {
    KrRsReader *rd = ud;
    RsKept *e = vec_push(&rd->kept);
    if (e) *e = (RsKept){code, 0, s}; // (else not kept: made again if a frame needs it)
    return true;
}

static int rs_kept_cmp(const void *a, const void *b) {
    uint32_t x = ((const RsKept *)a)->k, y = ((const RsKept *)b)->k;
    return x < y ? -1 : x > y;
}

// The program just added to the index: its kept states get their code
// numbers, in order (the writer's order is the index's, so the sort is
// only for bytes written otherwise).
static void rd_kept_number(KrRsReader *rd) {
    bool sorted = true;
    for (size_t i = rd->kept_from; i < rd->kept.n; i++) {
        RsKept *e = VEC_AT(rd->kept, RsKept, i);
        bool ok;
        e->k = pix_code_index(rd->pix, e->code, &ok);
        if (!ok) e->s = NULL; // (the index has every code of its program: never)
        sorted = sorted && (i == 0 || e->k > VEC_AT(rd->kept, RsKept, i - 1)->k);
    }
    if (!sorted) qsort(rd->kept.data + rd->kept_from * sizeof(RsKept), rd->kept.n - rd->kept_from, sizeof(RsKept), rs_kept_cmp);
    rd->kept_from = rd->kept.n;
}

// Code k's kept states, or NULL.
static const KrVfStacks *rd_kept_find(const KrRsReader *rd, uint32_t k) {
    size_t lo = 0, hi = rd->kept_from;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (VEC_AT(rd->kept, RsKept, mid)->k < k) lo = mid + 1;
        else hi = mid;
    }
    const RsKept *e = lo < rd->kept_from ? VEC_AT(rd->kept, RsKept, lo) : NULL;
    return e && e->k == k ? e->s : NULL;
}

static void rd_kept_free(KrRsReader *rd) {
    vec_free(&rd->kept);
    kr_arena_free(rd->kept_mem);
}

void *kr_rs_alloc(KrRsReader *rd, const KrType *t, size_t size) {
    void *p = kr_gc_alloc(rd->r, t, size);
    if (!p) rd_nomem(rd);
    return p;
}

void *kr_rs_mem(KrRsReader *rd, size_t size) {
    void *p = kr_mem_alloc(rd->r, size);
    if (!p) rd_nomem(rd);
    return p;
}

size_t kr_rs_get_count(KrRsReader *rd, size_t min_size, size_t max) { return kr_snap_get_count(rd->in, min_size, max); }

size_t kr_rs_get_item_count(KrRsReader *rd, size_t max) {
    size_t n = kr_snap_get_count(rd->in, 0, max);
    if (n / 16 > kr_snap_left(rd->in)) {
        kr_snap_fail(rd->in, "count larger than the data can hold");
        return 0;
    }
    return n;
}

const uint8_t *kr_rs_get_bytes(KrRsReader *rd, size_t *n) { return kr_snap_get_bytes(rd->in, n); }

KrObj *kr_rs_made(KrRsReader *rd, KrValue v) {
    if (v != KR_EXC) return kr_as_obj(v);
    kr_clear_exc(rd->r);
    rd_nomem(rd);
    return NULL;
}

bool kr_rs_value_ok(KrValue v, uint8_t check, const KrType *type) {
    if (v == KR_NULL) return (check & KR_RS_NULL) != 0;
    if (kr_is_special(v) && v != KR_NONE && v != KR_TRUE && v != KR_FALSE && v != KR_NOTIMPL && v != KR_ELLIPSIS)
        return false; // an internal marker
    if ((v & KR_TAG_MASK) == KR_TAG_METHDEF) return false;
    const KrType *t = kr_is_ptr(v) ? kr_as_obj(v)->type : NULL;
    switch (KR_RS_CHECK(check)) {
    case KR_RS_ANY: return true;
    case KR_RS_EXACT: return t == type;
    case KR_RS_SUB: return t && kr_type_is_subtype(t, type);
    case KR_RS_EXC: return t && (t->flags & KR_TF_EXC);
    case KR_RS_TYPE: return t == &kr_type_type;
    case KR_RS_STR: return t && kr_type_is_subtype(t, &kr_type_str);
    case KR_RS_INT: return kr_is_small(v) || t == &kr_type_int;
    default: return false;
    }
}

// kr_rs_value_ok's common cases inline: a number or an object where any
// value may stand, an object of exactly the type asked for.
static inline bool rs_value_ok(KrValue v, uint8_t check, const KrType *type) {
    if (v < KR_TAG_SPECIAL && KR_RS_CHECK(check) == KR_RS_ANY) return true;
    if (kr_is_ptr(v) && KR_RS_CHECK(check) == KR_RS_EXACT && kr_as_obj(v)->type == type) return true;
    return kr_rs_value_ok(v, check, type);
}

// (the roots come before the record count: indices are checked when patched)
static bool rd_fixup(KrRsReader *rd, void *slot, uint8_t kind, uint64_t idx, uint8_t check, const KrType *type) {
    if (idx >= RS_MAX_RECORDS) return kr_rs_fail(rd, "reference to a record that does not exist");
    Fixup *f = vec_push(&rd->fix);
    if (!f) return rd_nomem(rd);
    *f = (Fixup){slot, (uint32_t)idx, kind, check, type};
    return true;
}

// An inline value (not a reference); *meth set for a raw method.
static bool rd_inline(KrRsReader *rd, uint64_t u, KrValue *out, bool *meth) {
    uint64_t x = u >> 2;
    *meth = false;
    switch (u & 3) {
    case 1: {
        int64_t i = rs_unzigzag(x);
        if (!kr_fits_small(i)) return kr_rs_fail(rd, "small int out of range");
        *out = kr_from_small(i);
        return true;
    }
    case 2:
        if ((x & 3) == 0) {
            if ((x >> 2) >= RS_SP_STOP) return kr_rs_fail(rd, "bad singleton");
            *out = rs_specials[x >> 2];
        } else if ((x & 3) == 1) {
            if ((x >> 2) >= rd->pix->strs.n) return kr_rs_fail(rd, "bad program str");
            *out = kr_from_obj(*VEC_AT(rd->pix->strs, const KrStr *, x >> 2));
        } else if ((x & 3) == 2) {
            if ((x >> 2) >= rd->pix->pobjs.n) return kr_rs_fail(rd, "bad program object");
            *out = kr_from_obj(*VEC_AT(rd->pix->pobjs, const KrObj *, x >> 2));
        } else if (x == 3) {
            *meth = true;
        } else {
            if ((x >> 2) > KR_NWELL_KNOWN_STRS) return kr_rs_fail(rd, "bad value tag");
            *out = kr_from_obj(kr_well_known_strs[(x >> 2) - 1]);
        }
        return true;
    default:
        if (x == 0) *out = kr_from_double(kr_snap_get_f64(rd->in));
        else if (x == 1) *out = kr_from_double((double)kr_snap_get_svar(rd->in));
        else return kr_rs_fail(rd, "bad float tag");
        return kr_snap_ok(rd->in);
    }
}

bool kr_rs_get_value(KrRsReader *rd, KrValue *slot, uint8_t check, const KrType *type) {
    *slot = KR_NULL;
    uint64_t u = kr_snap_get_uvar(rd->in);
    if (!kr_snap_ok(rd->in)) return false;
    if ((u & 3) == 0) return rd_fixup(rd, slot, FX_VALUE, u >> 2, check, type);
    bool meth;
    KrValue v;
    if (!rd_inline(rd, u, &v, &meth)) return false;
    if (meth || !rs_value_ok(v, check, type)) return kr_rs_fail(rd, "a value of the wrong kind");
    *slot = v;
    return true;
}

bool kr_rs_get_obj(KrRsReader *rd, KrObj **slot, uint8_t check, const KrType *type) {
    *slot = NULL;
    uint64_t u = kr_snap_get_uvar(rd->in);
    if (!kr_snap_ok(rd->in)) return false;
    if ((u & 3) == 0) return rd_fixup(rd, slot, FX_OBJ, u >> 2, check, type);
    bool meth;
    KrValue v;
    if (!rd_inline(rd, u, &v, &meth)) return false;
    if (meth || v != KR_NULL || !(check & KR_RS_NULL)) return kr_rs_fail(rd, "an object of the wrong kind");
    return true;
}

// A value of a frame's value stack: also LOAD_METHOD's raw method (its
// name is resolved against the self above it once everything is read).
static bool rd_stack_value(KrRsReader *rd, KrValue *slot) {
    *slot = KR_NULL;
    uint64_t u = kr_snap_get_uvar(rd->in);
    if (!kr_snap_ok(rd->in)) return false;
    if ((u & 3) == 0) return rd_fixup(rd, slot, FX_VALUE, u >> 2, KR_RS_ANY | KR_RS_NULL, NULL);
    bool meth;
    KrValue v;
    if (!rd_inline(rd, u, &v, &meth)) return false;
    if (!meth) {
        *slot = v;
        return true;
    }
    size_t n;
    const uint8_t *name = kr_snap_get_bytes(rd->in, &n);
    MethFix *m = name ? vec_push(&rd->meth) : NULL;
    if (!name) return false;
    if (!m) return rd_nomem(rd);
    *m = (MethFix){slot, name, n};
    *slot = RS_METHDEF_PLACEHOLDER;
    return true;
}

const KrCode *kr_rs_get_code(KrRsReader *rd) {
    uint64_t k = kr_snap_get_uvar(rd->in);
    if (!kr_snap_ok(rd->in)) return NULL;
    if (k >= rd->pix->codes.n) return kr_rs_fail(rd, "bad code object number"), NULL;
    return rd->pix->codes.items[k];
}

bool kr_rs_get_frame(KrRsReader *rd, KrFrame **slot) {
    *slot = NULL;
    uint64_t u = kr_snap_get_uvar(rd->in);
    if (!kr_snap_ok(rd->in)) return false;
    return u == 0 || rd_fixup(rd, slot, FX_FRAME, u - 1, 0, NULL);
}

static bool rs_get_items(KrRsReader *rd, KrValue *items, size_t n) {
    uint8_t mode = kr_snap_get_u8(rd->in);
    if (mode > 1) return kr_rs_fail(rd, "bad items mode");
    if (mode == 0) {
        for (size_t i = 0; i < n && kr_snap_ok(rd->in); i++) kr_rs_get_value(rd, &items[i], KR_RS_ANY, NULL);
        return kr_snap_ok(rd->in);
    }
    int64_t prev = 0;
    for (size_t i = 0; i < n && kr_snap_ok(rd->in);) {
        uint64_t t = kr_snap_get_uvar(rd->in);
        int64_t d = rs_unzigzag(t >> 1);
        uint64_t count = (t & 1) ? kr_snap_get_uvar(rd->in) : 0;
        if ((t & 1) && (n - i < 2 || count > n - i - 2 || count > RS_RUN_MAX - 2))
            return kr_rs_fail(rd, "packed run too long");
        count = (t & 1) ? count + 2 : 1;
        if (d > KR_SMALL_MAX - KR_SMALL_MIN || d < KR_SMALL_MIN - KR_SMALL_MAX)
            return kr_rs_fail(rd, "packed int out of range");
        // the run's ends fit (no overflow: |d * count| < 2^54), so all between do
        if (!kr_fits_small(prev + d * (int64_t)count)) return kr_rs_fail(rd, "packed int out of range");
        for (uint64_t k = 0; k < count; k++, i++) {
            prev += d;
            items[i] = kr_from_small(prev);
        }
    }
    return kr_snap_ok(rd->in);
}

// Every item is written, on failure too: callers need not fill the items
// in advance (a failed load frees its objects, which must hold values).
bool kr_rs_get_items(KrRsReader *rd, KrValue *items, size_t n) {
    if (rs_get_items(rd, items, n)) return true;
    for (size_t i = 0; i < n; i++) items[i] = KR_NONE;
    return false;
}

bool kr_rs_get_fields(KrRsReader *rd, KrObj *o, const KrRsField *f) {
    KrSnapReader *in = rd->in;
    for (; f && f->kind != KR_RSF_END && kr_snap_ok(in); f++) {
        char *p = (char *)o + f->offset;
        uint64_t u;
        switch (f->kind) {
        case KR_RSF_VALUE: kr_rs_get_value(rd, (KrValue *)p, f->check, f->type); break;
        case KR_RSF_OBJ: kr_rs_get_obj(rd, (KrObj **)p, f->check, f->type); break;
        case KR_RSF_BOOL:
            u = kr_snap_get_u8(in);
            if (u > 1) kr_rs_fail(rd, "bad bool");
            *(bool *)p = u == 1;
            break;
        case KR_RSF_U8: *(uint8_t *)p = kr_snap_get_u8(in); break;
        case KR_RSF_U32:
            u = kr_snap_get_uvar(in);
            if (u > UINT32_MAX) kr_rs_fail(rd, "number out of range");
            *(uint32_t *)p = (uint32_t)u;
            break;
        case KR_RSF_I64: *(int64_t *)p = kr_snap_get_svar(in); break;
        case KR_RSF_U64: *(uint64_t *)p = kr_snap_get_uvar(in); break;
        case KR_RSF_SIZE:
            u = kr_snap_get_uvar(in);
            if (u > SIZE_MAX / 2) kr_rs_fail(rd, "size out of range");
            *(size_t *)p = (size_t)u;
            break;
        case KR_RSF_F64: *(double *)p = kr_snap_get_f64(in); break;
        default: kr_rs_fail(rd, "internal: bad field kind");
        }
    }
    return kr_snap_ok(in);
}

// ---- frames (reader) ----------------------------------------------------------------------------

#define RS_FRAME_FLAGS (KR_FRAME_ENTRY | KR_FRAME_GENERATOR | KR_FRAME_INIT | KR_FRAME_DRAIN)

// Allocates the frame (on the frame stack, or owned by gen) with safe
// contents, from its header.
static KrFrame *rd_frame_alloc(KrRsReader *rd, KrValue gen, KrFrame **attach) {
    const KrCode *code = kr_rs_get_code(rd);
    uint64_t flags = kr_snap_get_uvar(rd->in), pc = kr_snap_get_uvar(rd->in), depth = kr_snap_get_uvar(rd->in);
    if (!code || !kr_snap_ok(rd->in)) return NULL;
    if ((flags & ~(uint64_t)RS_FRAME_FLAGS) || ((flags & KR_FRAME_GENERATOR) != 0) != (gen != KR_NULL))
        return kr_rs_fail(rd, "bad frame flags"), NULL;
    if (pc >= code->ninsns || depth > code->stacksize) return kr_rs_fail(rd, "frame position outside its code"), NULL;
    KrFrame *f;
    if (gen != KR_NULL) {
        f = kr_rs_mem(rd, kr_vm_frame_bytes(code));
        if (f) f->size = kr_vm_frame_bytes(code);
    } else {
        f = kr_vm_frame_push(rd->r, code);
        if (!f) rd_nomem(rd);
    }
    if (!f) return NULL;
    if (attach) *attach = f;
    f->back = NULL;
    f->code = code;
    f->func = f->globals = f->ns = f->made = KR_NULL;
    f->pc = (uint32_t)pc;
    f->flags = (uint32_t)flags;
    f->gen = gen;
    f->sp = kr_frame_stack(f) + depth;
    for (KrValue *p = f->slots; p < f->sp; p++) *p = KR_NULL;
    return f;
}

static bool rd_frame_body(KrRsReader *rd, KrValue gen, KrFrame **attach) {
    KrFrame *f = rd_frame_alloc(rd, gen, attach);
    if (!f) return false;
    const KrCode *c = f->code;
    kr_rs_get_value(rd, &f->func, KR_RS_EXACT | KR_RS_NULL, &kr_type_function);
    kr_rs_get_value(rd, &f->globals, KR_RS_EXACT, &kr_type_dict);
    kr_rs_get_value(rd, &f->ns, KR_RS_SUB | KR_RS_NULL, &kr_type_dict);
    kr_rs_get_value(rd, &f->made, KR_RS_ANY | KR_RS_NULL, NULL);
    kr_rs_get_frame(rd, &f->back);
    for (uint32_t i = 0; i < c->nlocals; i++) kr_rs_get_value(rd, &f->slots[i], KR_RS_ANY | KR_RS_NULL, NULL);
    KrValue *cells = kr_frame_cells(f);
    for (uint32_t i = 0; i < c->ncells + c->nfrees; i++) kr_rs_get_value(rd, &cells[i], KR_RS_EXACT, &kr_type_cell);
    for (KrValue *p = kr_frame_stack(f); p < f->sp && kr_snap_ok(rd->in); p++) rd_stack_value(rd, p);
    return kr_snap_ok(rd->in);
}

bool kr_rs_get_frame_body(KrRsReader *rd, KrValue gen, KrFrame **attach) {
    return gen != KR_NULL && rd_frame_body(rd, gen, attach);
}

// ---- records (reader) ----------------------------------------------------------------------------

const void *kr_rs_get_static_name(KrRsReader *rd) {
    size_t n;
    const uint8_t *s = kr_snap_get_bytes(rd->in, &n);
    if (!s) return NULL;
    const void *o = static_by_name((const char *)s, n);
    if (!o) kr_rs_fail(rd, "names a built-in object this krait does not have");
    return o;
}

// "@s<n>" / "@o<n>": the program's str or object n.
static const void *rd_program_object(KrRsReader *rd, const uint8_t *s, size_t n) {
    uint64_t k = 0;
    if (n < 3 || n > 12 || s[0] != '@' || (s[1] != 's' && s[1] != 'o')) return NULL;
    for (size_t i = 2; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return NULL;
        k = k * 10 + (uint64_t)(s[i] - '0');
    }
    if (s[1] == 's') return k < rd->pix->strs.n ? *VEC_AT(rd->pix->strs, const KrStr *, k) : NULL;
    return k < rd->pix->pobjs.n ? *VEC_AT(rd->pix->pobjs, const KrObj *, k) : NULL;
}

static bool rd_static_record(KrRsReader *rd, uint32_t i) {
    size_t n;
    const uint8_t *s = kr_snap_get_bytes(rd->in, &n);
    if (!s) return false;
    const void *o = n && s[0] == '@' ? rd_program_object(rd, s, n) : static_by_name((const char *)s, n);
    if (!o) return kr_rs_fail(rd, "names a built-in object this krait does not have");
    rd->objs[i] = (void *)o;
    rd->kinds[i] = REC_STATIC;
    return true;
}

static const KrType *rd_record_type(KrRsReader *rd, uint64_t tag, uint32_t i) {
    if (!(tag & 1)) {
        uint64_t c = (tag >> 1) - 2; // tags 0 and 2 are taken
        if (c >= RS_NCORE_TYPES) return kr_rs_fail(rd, "unknown record kind"), NULL;
        return rs_core[c].obj;
    }
    uint64_t j = tag >> 1;
    if (j >= i || rd->kinds[j] == REC_CHUNK_FRAME || ((KrObj *)rd->objs[j])->type != &kr_type_type)
        return kr_rs_fail(rd, "record type is not a type"), NULL;
    return rd->objs[j];
}

static KrObj *rd_alloc_plain(KrRsReader *rd, const KrType *t) {
    size_t size = t->basic_size;
    if (size < sizeof(KrObj)) return kr_rs_fail(rd, "type without a layout"), NULL;
    KrObj *o = kr_rs_alloc(rd, t, size);
    if (o) memset((char *)o + sizeof(KrObj), 0, size - sizeof(KrObj));
    return o;
}

static bool rd_object(KrRsReader *rd, const KrType *t, uint32_t i) {
    const KrSnapOps *ops = rs_ops_of(t);
    if (!ops) return kr_rs_fail(rd, "holds an object of a type krait cannot load");
    KrObj *o = ops->read ? ops->read(rd, t) : rd_alloc_plain(rd, t);
    if (!o) return kr_rs_fail(rd, "bad object"); // keeps the first reason
    rd->objs[i] = o;
    rd->kinds[i] = REC_OBJ;
    if (o->gc & KR_GC_STATIC) return true; // a canonical built-in ('' and the like)
    if (!kr_rs_get_fields(rd, o, ops->fields)) return false;
    if ((t->flags & KR_TF_HEAP) && !(t->flags & KR_TF_EXC) &&
        !kr_rs_get_value(rd, kr_instance_dict_slot(o), KR_RS_EXACT | KR_RS_NULL, &kr_type_dict))
        return false;
    for (uint32_t k = 0; (t->flags & KR_TF_HEAP) && k < t->nslots; k++)
        if (!kr_rs_get_value(rd, &kr_instance_members(o)[k], KR_RS_ANY | KR_RS_NULL, NULL)) return false;
    return true;
}

static bool rd_record(KrRsReader *rd, uint32_t i) {
    uint64_t tag = kr_snap_get_uvar(rd->in);
    if (!kr_snap_ok(rd->in)) return false;
    if ((i < rd->nchunk) != (tag == RS_TAG_CHUNK_FRAME)) return kr_rs_fail(rd, "frame records out of place");
    if (tag == RS_TAG_CHUNK_FRAME) {
        rd->kinds[i] = REC_CHUNK_FRAME;
        return rd_frame_body(rd, KR_NULL, (KrFrame **)&rd->objs[i]);
    }
    if (tag == RS_TAG_STATIC) return rd_static_record(rd, i);
    const KrType *t = rd_record_type(rd, tag, i);
    return t && rd_object(rd, t, i);
}

// ---- patching references ---------------------------------------------------------------------

static bool rs_is_gen_type(const KrType *t) {
    return t == &kr_type_generator || t == &kr_type_coroutine || t == &kr_type_async_generator;
}

static bool rd_resolve(KrRsReader *rd) {
    for (size_t k = 0; k < rd->fix.n; k++) {
        Fixup *f = VEC_AT(rd->fix, Fixup, k);
        if (f->idx >= rd->nobjs) return kr_rs_fail(rd, "reference to a record that does not exist");
        void *o = rd->objs[f->idx];
        uint8_t kind = rd->kinds[f->idx];
        if (f->kind == FX_FRAME) {
            if (kind == REC_OBJ && rs_is_gen_type(((KrObj *)o)->type)) o = ((KrGen *)o)->frame;
            else if (kind != REC_CHUNK_FRAME) o = NULL;
            if (!o) return kr_rs_fail(rd, "frame reference to something else");
            *(KrFrame **)f->slot = o;
        } else if (kind == REC_CHUNK_FRAME) {
            return kr_rs_fail(rd, "value reference to a frame");
        } else if (f->kind == FX_VALUE) {
            *(KrValue *)f->slot = kr_from_obj(o);
        } else {
            *(KrObj **)f->slot = o;
        }
    }
    return true;
}

static bool rd_check_refs(KrRsReader *rd) {
    for (size_t k = 0; k < rd->fix.n; k++) {
        Fixup *f = VEC_AT(rd->fix, Fixup, k);
        if (f->kind == FX_FRAME) continue;
        KrValue v = f->kind == FX_VALUE ? *(KrValue *)f->slot : kr_from_obj(*(KrObj **)f->slot);
        if (!rs_value_ok(v, f->check, f->type)) return kr_rs_fail(rd, "a reference to an object of the wrong type");
    }
    return true;
}

// The record number of a loaded object (or frame).
static bool rd_where(KrRsReader *rd, const void *p, uint32_t *out) {
    if (!rd->where.keys) {
        for (uint32_t i = 0; i < rd->nobjs; i++)
            if (rd->kinds[i] != REC_STATIC && !pm_put(&rd->where, rd->objs[i], i)) return rd_nomem(rd);
    }
    return pm_get(&rd->where, p, out);
}

// Counts the references to each record (every one is a fixup).
static bool rd_count_refs(KrRsReader *rd) {
    KrAllocator a = rd->tmp;
    rd->refs = a.fn(a.ud, NULL, 0, (rd->nobjs ? rd->nobjs : 1) * sizeof *rd->refs);
    if (!rd->refs) return rd_nomem(rd);
    memset(rd->refs, 0, (rd->nobjs ? rd->nobjs : 1) * sizeof *rd->refs);
    for (size_t k = 0; k < rd->fix.n; k++) {
        uint32_t i = VEC_AT(rd->fix, Fixup, k)->idx;
        if (i < rd->nobjs && rd->refs[i] < UINT32_MAX) rd->refs[i]++;
    }
    return true;
}

bool kr_rs_owned(KrRsReader *rd, KrValue v) {
    uint32_t i;
    if (!kr_is_ptr(v) || (!rd->refs && !rd_count_refs(rd)) || !rd_where(rd, kr_as_obj(v), &i)) return false;
    return rd->refs[i] == 1;
}

// ---- finishing ------------------------------------------------------------------------------------

static bool rs_is_heap_type(const void *o) {
    return ((const KrObj *)o)->type == &kr_type_type && (((const KrType *)o)->flags & KR_TF_HEAP);
}

// The heap classes among t's bases (the bases tuple was checked).
static bool rd_class_bases_ok(KrRsReader *rd, const KrType *t) {
    if (!kr_is_type(t->bases, &kr_type_tuple) || kr_as_tuple(t->bases)->len == 0)
        return kr_rs_fail(rd, "class bases are not a tuple of classes");
    KrTuple *b = kr_as_tuple(t->bases);
    for (size_t i = 0; i < b->len; i++)
        if (!kr_is_type(b->items[i], &kr_type_type)) return kr_rs_fail(rd, "class bases are not a tuple of classes");
    return true;
}

// The first heap class among t's bases not finished yet (its record in
// *out), or false when all are; a base being finished is a cycle.
static bool rd_class_pending_base(KrRsReader *rd, const KrType *t, const uint8_t *state, uint32_t *out, bool *cycle) {
    KrTuple *b = kr_as_tuple(t->bases);
    for (size_t j = 0; j < b->len; j++) {
        const KrObj *base = kr_as_obj(b->items[j]);
        uint32_t bi;
        if (!rs_is_heap_type(base) || !rd_where(rd, base, &bi) || state[bi] == 2) continue;
        *cycle = state[bi] == 1;
        *out = bi;
        return true;
    }
    return false;
}

// Finishes class i after its bases (an explicit stack: inheritance can be deep).
static bool rd_finish_class_tree(KrRsReader *rd, uint32_t i, uint8_t *state, Vec *stack) {
    uint32_t *top = vec_push(stack);
    if (!top) return rd_nomem(rd);
    *top = i;
    while (stack->n) {
        uint32_t k = *VEC_AT(*stack, uint32_t, stack->n - 1), bi;
        KrType *t = rd->objs[k];
        bool cycle = false;
        state[k] = 1;
        if (!rd_class_bases_ok(rd, t)) return false;
        if (rd_class_pending_base(rd, t, state, &bi, &cycle)) {
            if (cycle) return kr_rs_fail(rd, "a class inherits from itself");
            if (!(top = vec_push(stack))) return rd_nomem(rd);
            *top = bi;
            continue;
        }
        const char *why = kr_type_snap_finish(rd->r, t);
        if (why) return kr_rs_fail(rd, why);
        state[k] = 2;
        stack->n--;
    }
    return true;
}

// Classes are finished bases first (their MROs are built from their
// bases'); an inheritance cycle is refused.
static bool rd_finish_classes(KrRsReader *rd) {
    bool any = false;
    for (uint32_t i = 0; i < rd->nobjs && !any; i++) any = rd->kinds[i] == REC_OBJ && rs_is_heap_type(rd->objs[i]);
    if (!any) return true;
    KrAllocator a = rd->tmp;
    uint8_t *state = a.fn(a.ud, NULL, 0, rd->nobjs); // 0 todo, 1 in progress, 2 finished
    if (!state) return rd_nomem(rd);
    memset(state, 0, rd->nobjs);
    Vec stack = {NULL, 0, 0, sizeof(uint32_t), a};
    bool ok = true;
    for (uint32_t i = 0; ok && i < rd->nobjs; i++)
        if (rd->kinds[i] == REC_OBJ && rs_is_heap_type(rd->objs[i]) && !state[i]) ok = rd_finish_class_tree(rd, i, state, &stack);
    vec_free(&stack);
    a.fn(a.ud, state, rd->nobjs, 0);
    return ok;
}

static bool rd_finish_stage(KrRsReader *rd, int stage) {
    for (uint32_t i = 0; i < rd->nobjs; i++) {
        if (rd->kinds[i] != REC_OBJ) continue;
        KrObj *o = rd->objs[i];
        if (o->gc & KR_GC_STATIC) continue;
        const KrSnapOps *ops = rs_ops_of(o->type);
        if (ops->finish && !ops->finish(rd, o, stage)) return kr_rs_fail(rd, "inconsistent object");
    }
    return true;
}

// ---- frames (checks) ----------------------------------------------------------------------------
// Every frame's role follows from the chains it is in: the run's chain
// from r->frame down to the module frame, and a coroutine's chain from its
// pause_frame to its own frame (a task paused at a plain call). Each role
// fixes where the frame may stand (right after a call, at a yield...) and
// so its value stack, which must be what the verifier computes there.

enum { ROLE_NONE, ROLE_CALL, ROLE_REEXEC, ROLE_CALLER, ROLE_SUSPENDED };
enum { CHAIN_NONE, CHAIN_MAIN, CHAIN_PAUSE };

typedef struct FInfo {
    KrFrame *f;
    KrFrame *callee; // the frame above it in its chain
    uint8_t role, chain;
} FInfo;

typedef struct Frames {
    Vec infos;   // FInfo
    PtrMap at;   // frame -> infos index
    Vec main;    // KrFrame *, innermost first
    Vec pause;   // KrFrame *, innermost first
    KrGen *owner; // the coroutine paused at a plain call, or NULL
    uint32_t *scratch; // the verifier's stack at a frame's position
    uint32_t scratch_cap;
} Frames;

static bool fr_add(KrRsReader *rd, Frames *fs, KrFrame *f) {
    FInfo *fi = vec_push(&fs->infos);
    if (!fi || !pm_put(&fs->at, f, (uint32_t)fs->infos.n - 1)) return rd_nomem(rd);
    *fi = (FInfo){f, NULL, ROLE_SUSPENDED, CHAIN_NONE};
    return true;
}

static bool fr_collect(KrRsReader *rd, Frames *fs) {
    for (uint32_t i = 0; i < rd->nobjs; i++) {
        KrFrame *f = NULL;
        if (rd->kinds[i] == REC_CHUNK_FRAME) f = rd->objs[i];
        else if (rd->kinds[i] == REC_OBJ && rs_is_gen_type(((KrObj *)rd->objs[i])->type)) f = ((KrGen *)rd->objs[i])->frame;
        if (f && !fr_add(rd, fs, f)) return false;
        KrGen *g = f && rd->kinds[i] == REC_OBJ ? rd->objs[i] : NULL;
        if (g && g->pause_frame) {
            if (fs->owner) return kr_rs_fail(rd, "more than one coroutine paused at a call");
            fs->owner = g;
        }
        if (rd->kinds[i] == REC_OBJ && rs_is_gen_type(((KrObj *)rd->objs[i])->type) && !f &&
            ((KrGen *)rd->objs[i])->pause_frame)
            return kr_rs_fail(rd, "a finished coroutine paused at a call");
    }
    return true;
}

static FInfo *fr_info(Frames *fs, const KrFrame *f) {
    uint32_t k;
    return f && pm_get(&fs->at, f, &k) ? VEC_AT(fs->infos, FInfo, k) : NULL;
}

// Follows back links from `top`, giving roles, until `last` (or NULL).
static bool fr_chain(KrRsReader *rd, Frames *fs, KrFrame *top, const KrFrame *last, uint8_t chain, uint8_t top_role,
                     Vec *list) {
    KrFrame *prev = NULL;
    for (KrFrame *f = top; f; f = f->back) {
        FInfo *fi = fr_info(fs, f);
        if (!fi || fi->chain != CHAIN_NONE) return kr_rs_fail(rd, "frames form a cycle or share a frame");
        fi->chain = chain;
        fi->role = prev ? ROLE_CALLER : top_role;
        fi->callee = prev;
        KrFrame **p = vec_push(list);
        if (!p) return rd_nomem(rd);
        *p = f;
        prev = f;
        if (f == last) return f->back == NULL || kr_rs_fail(rd, "a paused coroutine's frame links back");
    }
    return last == NULL || kr_rs_fail(rd, "a paused coroutine's chain does not reach its frame");
}

// The frame stack must hold exactly the chains' frames, in the order they
// were pushed: the run's chain from the module frame up, then the paused
// coroutine's from its own frame up (it ran from the innermost run frame).
static bool fr_check_chunk_order(KrRsReader *rd, Frames *fs) {
    uint32_t k = 0;
    const Vec *lists[2] = {&fs->main, &fs->pause};
    for (int l = 0; l < 2; l++) {
        for (size_t i = lists[l]->n; i-- > 0;) {
            KrFrame *f = *VEC_AT(*lists[l], KrFrame *, i);
            if (f->flags & KR_FRAME_GENERATOR) continue;
            if (k >= rd->nchunk || rd->objs[k] != f) return kr_rs_fail(rd, "frame stack out of order");
            k++;
        }
    }
    return k == rd->nchunk || kr_rs_fail(rd, "a frame outside every chain");
}

static bool fr_chains(KrRsReader *rd, Frames *fs) {
    KrRun *r = rd->r;
    uint8_t top = r->pause_kind == KR_PAUSE_CALL ? ROLE_CALL : ROLE_REEXEC;
    bool frameless = r->pause_kind == KR_PAUSE_MODULE || r->pause_kind == RS_PAUSE_IDLE;
    if (frameless != (r->frame == NULL)) return kr_rs_fail(rd, "pause kind and frames disagree");
    if (!fr_chain(rd, fs, r->frame, NULL, CHAIN_MAIN, top, &fs->main)) return false;
    // between snippets nothing runs: the next snippet's frames start the frame stack
    if (r->pause_kind == RS_PAUSE_IDLE && fs->owner) return kr_rs_fail(rd, "a session between snippets with a coroutine paused at a call");
    if (fs->owner && !fr_chain(rd, fs, fs->owner->pause_frame, fs->owner->frame, CHAIN_PAUSE, ROLE_CALL, &fs->pause))
        return false;
    return fr_check_chunk_order(rd, fs);
}

static const KrVfStacks *fr_stacks(KrRsReader *rd, const KrCode *code) {
    bool ok, nomem = false;
    uint32_t k = pix_code_index(rd->pix, code, &ok);
    const KrVfStacks *s = ok ? rd_kept_find(rd, k) : NULL;
    if (ok && !s) s = pix_stacks(rd->pix, k, &nomem);
    if (!s) {
        if (ok && nomem) rd_nomem(rd);
        else kr_rs_fail(rd, "a frame's code does not verify");
    }
    return s;
}

// LOAD_METHOD's raw method, found again by name on its self's type.
static bool fr_methdef(KrRsReader *rd, KrValue *slot, KrValue self) {
    const MethFix *m = NULL;
    for (size_t i = 0; i < rd->meth.n && !m; i++)
        if (VEC_AT(rd->meth, MethFix, i)->slot == slot) m = VEC_AT(rd->meth, MethFix, i);
    char name[64];
    if (!m || m->len == 0 || m->len >= sizeof name || !rs_value_ok(self, KR_RS_ANY, NULL))
        return kr_rs_fail(rd, "bad raw method on a frame's stack");
    memcpy(name, m->name, m->len);
    name[m->len] = 0;
    const KrType *t = kr_typeof(self);
    KrStr s = {KR_STATIC_HEADER(&kr_type_str), -1, m->len, m->len, name};
    const KrMethodDef *d = (t->flags & KR_TF_HEAP) || t->getattr ? NULL : kr_find_method(t, &s);
    if (!d || (d->flags & (KR_METH_CLASS | KR_METH_STATIC)) || strcmp(d->name, name) != 0)
        return kr_rs_fail(rd, "a raw method its self does not have");
    *slot = KR_TAG_METHDEF | (uint64_t)(uintptr_t)d;
    return true;
}

static bool fr_tuple_of(KrValue v, uint32_t n, const KrType *item) {
    if (!kr_is_type(v, &kr_type_tuple) || kr_as_tuple(v)->len != n) return false;
    for (uint32_t i = 0; i < n; i++)
        if (!kr_is_type(kr_as_tuple(v)->items[i], item)) return false;
    return true;
}

// Slot j of a value stack of `depth` slots against the verifier's kind.
static bool fr_slot_ok(KrRsReader *rd, KrFrame *f, KrValue *stack, uint32_t j, uint32_t depth, const uint32_t *kinds) {
    KrValue v = stack[j];
    uint32_t s = kinds[j], n = KR_VF_NUM(s);
    switch (KR_VF_KIND(s)) {
    case KR_VF_LIST: return rs_value_ok(v, KR_RS_SUB, &kr_type_list);
    case KR_VF_SET: return rs_value_ok(v, KR_RS_SUB, &kr_type_set);
    case KR_VF_DICT: return rs_value_ok(v, KR_RS_SUB, &kr_type_dict);
    case KR_VF_TUPLE: return rs_value_ok(v, KR_RS_SUB, &kr_type_tuple);
    case KR_VF_STRTUP: return fr_tuple_of(v, n, &kr_type_str);
    case KR_VF_CELLTUP: return fr_tuple_of(v, n, &kr_type_cell);
    case KR_VF_STR: return rs_value_ok(v, KR_RS_STR, NULL);
    case KR_VF_CELL: return rs_value_ok(v, KR_RS_EXACT, &kr_type_cell);
    case KR_VF_CODE: return n < f->code->nconsts && v == f->code->consts[n];
    case KR_VF_EXC: return rs_value_ok(v, KR_RS_EXC, NULL);
    case KR_VF_NULL: return v == KR_NULL;
    case KR_VF_METH:
        if (v != RS_METHDEF_PLACEHOLDER) return rs_value_ok(v, KR_RS_ANY, NULL);
        return j + 1 < depth && KR_VF_KIND(kinds[j + 1]) == KR_VF_SELF && fr_methdef(rd, &stack[j], stack[j + 1]);
    case KR_VF_SELF: return rs_value_ok(v, KR_RS_ANY | KR_RS_NULL, NULL);
    case KR_VF_EXCINFO: return v == KR_NONE || rs_value_ok(v, KR_RS_EXC | KR_RS_NULL, NULL);
    default: return rs_value_ok(v, KR_RS_ANY, NULL);
    }
}

static bool rs_is_call_op(uint32_t op) { return op == KR_OP_CALL || op == KR_OP_CALL_KW || op == KR_OP_CALL_EX; }

// A caller whose callee is a generator drained by the built-in it calls:
// it keeps the call's operands (callee, self slot, generator) until the
// generator ends, so its stack is the one before its CALL.
static bool fr_drains(const FInfo *fi) { return fi->role == ROLE_CALLER && (fi->callee->flags & KR_FRAME_DRAIN); }

// The stack depth the frame's role leaves at its pc (D: the verifier's
// there, or before the CALL for a drain's caller), or UINT32_MAX when the
// frame cannot stand there.
static uint32_t fr_want_depth(const FInfo *fi, uint32_t D) {
    const KrFrame *f = fi->f;
    const KrCode *c = f->code;
    uint32_t prev = f->pc ? KR_INSN_OP(c->insns[f->pc - 1]) : UINT32_MAX;
    bool ok;
    if (fr_drains(fi)) return prev == KR_OP_CALL && KR_INSN_ARG(c->insns[f->pc - 1]) == 1 ? D : UINT32_MAX;
    switch (fi->role) {
    case ROLE_REEXEC: return rs_is_call_op(KR_INSN_OP(c->insns[f->pc])) ? D : UINT32_MAX;
    case ROLE_CALL: ok = rs_is_call_op(prev); break;
    case ROLE_CALLER:
        ok = (fi->callee->flags & KR_FRAME_GENERATOR) ? prev == KR_OP_FOR_ITER || prev == KR_OP_SEND : rs_is_call_op(prev);
        break;
    default:
        if (f->pc == 0) return (c->flags & (KR_CODE_GENERATOR | KR_CODE_COROUTINE)) ? 0 : UINT32_MAX;
        ok = prev == KR_OP_YIELD_VALUE;
    }
    return ok && D > 0 ? D - 1 : UINT32_MAX;
}

static bool fr_check_stack(KrRsReader *rd, Frames *fs, const FInfo *fi) {
    KrFrame *f = fi->f;
    const KrVfStacks *vs = fr_stacks(rd, f->code);
    uint32_t D;
    if (!vs) return false;
    uint32_t need = kr_verify_stacks_scratch(vs);
    if (need > fs->scratch_cap) {
        KrAllocator a = rd->tmp;
        uint32_t *n = a.fn(a.ud, fs->scratch, fs->scratch_cap * sizeof *n, need * sizeof *n);
        if (!n) return rd_nomem(rd);
        fs->scratch = n;
        fs->scratch_cap = need;
    }
    const uint32_t *kinds = fs->scratch;
    uint32_t at = f->pc;
    if (fr_drains(fi)) {
        if (at == 0) return kr_rs_fail(rd, "a drained generator whose caller is not at its call");
        at--;
    }
    if (!kr_verify_stacks_at(vs, at, fs->scratch, &D)) return kr_rs_fail(rd, "a frame stands where its code never goes");
    uint32_t depth = (uint32_t)(f->sp - kr_frame_stack(f));
    if (fr_want_depth(fi, D) != depth) return kr_rs_fail(rd, "a frame's value stack does not fit its position");
    KrValue *stack = kr_frame_stack(f);
    for (uint32_t j = 0; j < depth; j++)
        if (!fr_slot_ok(rd, f, stack, j, depth, kinds)) return kr_rs_fail(rd, "a frame's value stack holds the wrong kind of value");
    if (fi->role == ROLE_CALLER && (fi->callee->flags & KR_FRAME_GENERATOR) && (depth == 0 || stack[depth - 1] != fi->callee->gen))
        return kr_rs_fail(rd, "a generator runs above a frame that does not iterate it");
    return true;
}

// Flags, function and generator links of one frame.
static bool fr_check_header(KrRsReader *rd, Frames *fs, const FInfo *fi) {
    const KrFrame *f = fi->f;
    bool bottom = fi->chain == CHAIN_MAIN && f == *VEC_AT(fs->main, KrFrame *, fs->main.n - 1);
    // (a session's running snippet is its last program)
    bool module = rd->pix->codes.n && f->code == rd->pix->codes.items[rd->pix->codes.n - 1];
    if (((f->flags & KR_FRAME_ENTRY) != 0) != bottom || (bottom && (f->func != KR_NULL || !module)))
        return kr_rs_fail(rd, "the run's bottom frame is not its module frame");
    if (f->func == KR_NULL ? !bottom : ((KrFunc *)kr_as_obj(f->func))->code != f->code)
        return kr_rs_fail(rd, "a frame runs code of another function");
    // generator code runs in a generator's own frame only (YIELD_VALUE finds
    // its generator through the frame), and a generator's frame runs such code
    bool gencode = (f->code->flags & (KR_CODE_GENERATOR | KR_CODE_COROUTINE)) != 0;
    if (gencode != ((f->flags & KR_FRAME_GENERATOR) != 0)) return kr_rs_fail(rd, "generator code outside a generator");
    bool init = (f->flags & KR_FRAME_INIT) != 0, drain = (f->flags & KR_FRAME_DRAIN) != 0;
    if ((init || drain) != (f->made != KR_NULL) || (init && drain)) return kr_rs_fail(rd, "a frame's flags and made value disagree");
    if (init && (fi->chain == CHAIN_NONE || bottom || (f->flags & KR_FRAME_GENERATOR))) return kr_rs_fail(rd, "bad __init__ frame");
    // a drained generator runs linked above its consumer's caller (the
    // rest is checked once every stack is: kr_vm_drain_check)
    if (drain && (fi->chain == CHAIN_NONE || !f->back || !(f->flags & KR_FRAME_GENERATOR) || !kr_is_type(f->made, &kr_type_drain)))
        return kr_rs_fail(rd, "a drained generator out of place");
    if (f->flags & KR_FRAME_GENERATOR) {
        const KrGen *g = (const KrGen *)kr_as_obj(f->gen);
        bool linked = fi->chain == CHAIN_MAIN || (fi->chain == CHAIN_PAUSE && g != fs->owner);
        if (g->running != linked) return kr_rs_fail(rd, "a generator's running flag disagrees with its frame");
        if (!linked && f->back) return kr_rs_fail(rd, "a suspended generator's frame links back");
    }
    return true;
}

static void fr_free(Frames *fs, KrAllocator a) {
    vec_free(&fs->infos);
    vec_free(&fs->main);
    vec_free(&fs->pause);
    pm_free(&fs->at);
    if (fs->scratch) a.fn(a.ud, fs->scratch, fs->scratch_cap * sizeof *fs->scratch, 0);
}

static bool rd_check_frames(KrRsReader *rd) {
    KrAllocator a = rd->tmp;
    Frames fs = {{NULL, 0, 0, sizeof(FInfo), a}, {NULL, NULL, 0, 0, a}, {NULL, 0, 0, sizeof(KrFrame *), a},
                 {NULL, 0, 0, sizeof(KrFrame *), a}, NULL, NULL, 0};
    bool ok = fr_collect(rd, &fs) && fr_chains(rd, &fs);
    for (size_t i = 0; ok && i < fs.infos.n; i++) {
        const FInfo *fi = VEC_AT(fs.infos, FInfo, i);
        ok = fr_check_header(rd, &fs, fi) && fr_check_stack(rd, &fs, fi);
    }
    for (size_t i = 0; ok && i < rd->meth.n; i++)
        if (*VEC_AT(rd->meth, MethFix, i)->slot == RS_METHDEF_PLACEHOLDER) ok = kr_rs_fail(rd, "a raw method out of place");
    for (size_t i = 0; ok && i < fs.infos.n; i++) {
        const KrFrame *f = VEC_AT(fs.infos, FInfo, i)->f;
        const char *why = (f->flags & KR_FRAME_DRAIN) ? kr_vm_drain_check(f) : NULL;
        if (why) ok = kr_rs_fail(rd, why);
    }
    rd->r->depth = (uint32_t)fs.main.n;
    fr_free(&fs, a);
    return ok;
}

// ---- the whole run (reader) --------------------------------------------------------------------

static bool rd_header(KrRsReader *rd) {
    KrRun *r = rd->r;
    uint64_t kind = kr_snap_get_uvar(rd->in);
    r->next_call_id = kr_snap_get_uvar(rd->in);
    r->nan_seq = kr_snap_get_uvar(rd->in);
    uint64_t out = kr_snap_get_uvar(rd->in), rec = kr_snap_get_uvar(rd->in);
    if ((kind < KR_PAUSE_CALL || kind > KR_PAUSE_MODULE) && !(kind == RS_PAUSE_IDLE && rd->session))
        return kr_rs_fail(rd, "bad pause kind");
    r->pause_kind = (uint8_t)kind;
    r->output_bytes = out > SIZE_MAX ? SIZE_MAX : (size_t)out;
    // the program may have lowered its recursion limit; never above the host's
    rd->host_recursion = r->limits.max_recursion;
    if (rec >= 1 && rec < r->limits.max_recursion) r->limits.max_recursion = (uint32_t)rec;
    return kr_snap_ok(rd->in);
}

static bool rd_roots(KrRsReader *rd) {
    KrRun *r = rd->r;
    kr_rs_get_value(rd, &r->globals, KR_RS_EXACT, &kr_type_dict);
    kr_rs_get_value(rd, &r->modules, KR_RS_EXACT | KR_RS_NULL, &kr_type_dict);
    kr_rs_get_value(rd, &r->main_name, KR_RS_EXACT, &kr_type_str);
    kr_rs_get_value(rd, &r->exc_info, KR_RS_ANY | KR_RS_NULL, NULL);
    kr_rs_get_value(rd, &r->exc_outer, KR_RS_ANY | KR_RS_NULL, NULL);
    kr_rs_get_value(rd, &r->stop_exc, KR_RS_EXC | KR_RS_NULL, NULL);
    kr_rs_get_value(rd, &r->repr_guard, KR_RS_EXACT | KR_RS_NULL, &kr_type_list);
    kr_rs_get_value(rd, &r->pending, KR_RS_EXACT | KR_RS_NULL, &kr_type_list);
    kr_rs_get_value(rd, &r->paused_call, KR_RS_EXACT | KR_RS_NULL, &kr_type_external_call);
    kr_rs_get_value(rd, &r->main_coro, KR_RS_EXACT | KR_RS_NULL, &kr_type_coroutine);
    kr_rs_get_frame(rd, &r->frame);
    return kr_snap_ok(rd->in);
}

// What the run's fields hold beyond their types.
static bool rd_check_roots(KrRsReader *rd) {
    KrRun *r = rd->r;
    const KrValue handled[] = {r->exc_info, r->exc_outer};
    for (size_t i = 0; i < 2; i++)
        if (handled[i] != KR_NULL && handled[i] != KR_NONE && !rs_value_ok(handled[i], KR_RS_EXC, NULL))
            return kr_rs_fail(rd, "the exception being handled is not an exception");
    if (r->pending != KR_NULL) {
        KrList *l = kr_as_list(r->pending);
        for (size_t i = 0; i < l->len; i++)
            if (!kr_is_type(l->items[i], &kr_type_external_call)) return kr_rs_fail(rd, "a pending call that is not a call");
    }
    if (r->pause_kind == KR_PAUSE_CALL && r->paused_call == KR_NULL) return kr_rs_fail(rd, "paused at a call without the call");
    if (r->pause_kind == RS_PAUSE_IDLE && r->paused_call != KR_NULL) return kr_rs_fail(rd, "a session between snippets paused at a call");
    // resuming takes the call's answer (or waits for it)
    uint32_t cs = r->paused_call == KR_NULL ? KR_EXT_PENDING : ((const KrExtCall *)kr_as_obj(r->paused_call))->state;
    if (cs != KR_EXT_PENDING && cs != KR_EXT_RESOLVED && cs != KR_EXT_REJECTED) return kr_rs_fail(rd, "paused at a finished call");
    if (r->repr_guard != KR_NULL && kr_as_list(r->repr_guard)->len) return kr_rs_fail(rd, "paused inside repr()");
    return true;
}

static bool rd_ids(KrRsReader *rd) {
    size_t n = kr_snap_get_count(rd->in, 2, rd->nobjs);
    uint64_t rec = 0;
    for (size_t i = 0; i < n && kr_snap_ok(rd->in); i++) {
        rec += kr_snap_get_uvar(rd->in);
        uint64_t id = kr_snap_get_uvar(rd->in);
        if (!kr_snap_ok(rd->in)) return false;
        if (rec >= rd->nobjs || rd->kinds[rec] == REC_CHUNK_FRAME) return kr_rs_fail(rd, "bad id() entry");
        int st = kr_object_id_restore(rd->r, rd->objs[rec], id);
        if (st < 0) return rd_nomem(rd);
        if (st == 0) return kr_rs_fail(rd, "an object with two id() numbers");
    }
    uint64_t next = kr_snap_get_uvar(rd->in);
    if (kr_snap_ok(rd->in) && next) kr_object_id_set_next(rd->r, next);
    return kr_snap_ok(rd->in);
}

static bool rd_records(KrRsReader *rd) {
    uint64_t nchunk = kr_snap_get_uvar(rd->in);
    uint32_t n = kr_snap_get_u32(rd->in);
    if (!kr_snap_ok(rd->in)) return false;
    if (n > kr_snap_left(rd->in) || n > RS_MAX_RECORDS || nchunk > n) return kr_rs_fail(rd, "record count larger than the data");
    KrAllocator a = rd->tmp;
    rd->nobjs = n;
    rd->nchunk = (uint32_t)nchunk;
    rd->objs = a.fn(a.ud, NULL, 0, (n ? n : 1) * sizeof *rd->objs);
    rd->kinds = a.fn(a.ud, NULL, 0, n ? n : 1);
    if (!rd->objs || !rd->kinds) return rd_nomem(rd);
    memset(rd->objs, 0, (n ? n : 1) * sizeof *rd->objs);
    memset(rd->kinds, REC_STATIC, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        if (!rd_record(rd, i)) return false;
        rd->nread = i + 1;
    }
    return true;
}

// Traceback entries link toward the frame that raised: formatting walks
// them to the end, so no chain may loop.
static bool rd_check_tracebacks(KrRsReader *rd) {
    bool any = false;
    for (uint32_t i = 0; i < rd->nobjs && !any; i++)
        any = rd->kinds[i] == REC_OBJ && ((KrObj *)rd->objs[i])->type == &kr_type_traceback;
    if (!any) return true;
    KrAllocator a = rd->tmp;
    uint8_t *state = a.fn(a.ud, NULL, 0, rd->nobjs); // 0 unseen, 1 on this walk, 2 ends well
    if (!state) return rd_nomem(rd);
    memset(state, 0, rd->nobjs);
    bool ok = true;
    for (uint32_t i = 0; ok && i < rd->nobjs; i++) {
        if (rd->kinds[i] != REC_OBJ || ((KrObj *)rd->objs[i])->type != &kr_type_traceback || state[i]) continue;
        uint32_t k = i;
        const KrTraceback *t = rd->objs[i];
        while (ok && t && state[k] == 0) {
            state[k] = 1;
            t = t->next;
            if (t && !rd_where(rd, t, &k)) ok = kr_rs_fail(rd, "a traceback entry outside the snapshot");
        }
        if (ok && t && state[k] == 1) ok = kr_rs_fail(rd, "traceback entries in a cycle");
        for (t = rd->objs[i]; ok && t && rd_where(rd, t, &k) && state[k] == 1; t = t->next) state[k] = 2;
    }
    a.fn(a.ud, state, rd->nobjs, 0);
    return ok;
}

static bool rd_finish_all(KrRsReader *rd) {
    return rd_resolve(rd) && rd_finish_stage(rd, 0) && rd_finish_classes(rd) && rd_check_refs(rd) &&
           rd_check_tracebacks(rd) && rd_finish_stage(rd, 1) && rd_check_roots(rd) && rd_check_frames(rd);
}

static KrSnapStatus rd_status(KrRsReader *rd, char *err, size_t errcap) {
    if (!rd->err && kr_snap_ok(rd->in)) return KR_SNAP_OK;
    if (err && errcap)
        snprintf(err, errcap, "bad run snapshot: %s", rd->err ? rd->err : rd->in->err ? rd->in->err : "invalid data");
    return rd->nomem || rd->r->limit_hit ? KR_SNAP_ERR_NOMEM : KR_SNAP_ERR_FORMAT;
}

// Program i of the snapshot (its payload follows): read, owned by `out`
// from then on, and added to the index. A lone program's index is made
// in the program's arena, whose first block has room for it: the two go
// together (the program's handle holds the index).
static bool rd_program_payload(KrRsReader *rd, KrRunLoaded *out, size_t i, char *err, size_t errcap) {
    size_t n;
    const uint8_t *p = kr_snap_get_bytes(rd->in, &n);
    if (!p) return false;
    KrSnapReader sub;
    kr_snap_reader_init(&sub, p, n);
    bool lone = !out->index;
    size_t room = pix_room_for(n);
    KrProgramKeep keep = {rd_keep, rd, rd->kept_mem, RS_KEEP_MAX, lone ? PIX_HEAD + room : 0};
    KrSnapStatus st = kr_program_read_keep(&sub, rd->r->alloc, &keep, &out->programs[i], err, errcap);
    if (st == KR_SNAP_OK && kr_snap_left(&sub)) st = KR_SNAP_ERR_FORMAT;
    if (st != KR_SNAP_OK) return st == KR_SNAP_ERR_NOMEM ? rd_nomem(rd) : kr_rs_fail(rd, "its program does not load");
    if (lone) {
        KrArena *a = out->programs[i]->owned;
        out->index = pix_init(kr_arena_alloc_uninit(a, PIX_HEAD + room), room, rd->r->alloc, true);
        if (!out->index) return rd_nomem(rd);
        rd->pix = out->index;
    }
    // its bytes are these: hashed only when needed
    if (!pix_add_program(out->index, out->programs[i], p, n)) return rd_nomem(rd);
    rd_kept_number(rd);
    return true;
}

// Room for n programs in `out`, and a session's index (a lone program's
// comes with it).
static bool rd_programs_new(KrRsReader *rd, KrRunLoaded *out, size_t n, bool session) {
    KrAllocator a = rd->r->alloc;
    out->alloc = a;
    out->programs = n == 1 ? &out->one : a.fn(a.ud, NULL, 0, (n ? n : 1) * sizeof *out->programs);
    if (!out->programs) return rd_nomem(rd);
    memset(out->programs, 0, (n ? n : 1) * sizeof *out->programs);
    out->nprograms = n;
    if (!session) return true;
    out->index = kr_program_index_new_empty(a);
    if (!out->index) return rd_nomem(rd);
    rd->pix = out->index;
    return true;
}

// A session's programs, oldest first (its snippets; maybe none yet).
static bool rd_session_programs(KrRsReader *rd, const KrRunLoadArgs *a, KrRunLoaded *out, char *err, size_t errcap) {
    if (a->program_index) return kr_rs_fail(rd, "the snapshot is a session's, with its own programs: no program may be given");
    size_t n = kr_snap_get_count(rd->in, 1, (size_t)1 << 24);
    if (!kr_snap_ok(rd->in) || !rd_programs_new(rd, out, n, true)) return false;
    rd->session = out->session = true;
    for (size_t i = 0; i < n; i++)
        if (!rd_program_payload(rd, out, i, err, errcap)) return false;
    return true;
}

// The program: read from the snapshot, or the host's (matched by hash), or
// a session's programs.
static bool rd_program(KrRsReader *rd, const KrRunLoadArgs *a, KrRunLoaded *out, char *err, size_t errcap) {
    uint8_t mode = kr_snap_get_u8(rd->in);
    if (mode == RS_PROGRAM_HASH) {
        const uint8_t *h = kr_snap_get_raw(rd->in, KR_SHA256_SIZE);
        if (!h) return false;
        if (!a->program_index) return kr_rs_fail(rd, "the snapshot refers to its program: the program must be given");
        if (memcmp(h, kr_program_index_hash(a->program_index), KR_SHA256_SIZE) != 0)
            return kr_rs_fail(rd, "the snapshot was made with another program");
        rd->pix = a->program_index;
        return true;
    }
    if (mode == RS_PROGRAM_SESSION) return rd_session_programs(rd, a, out, err, errcap);
    if (mode != RS_PROGRAM_SELF) return kr_rs_fail(rd, "bad program mode");
    if (!rd_programs_new(rd, out, 1, false) || !rd_program_payload(rd, out, 0, err, errcap)) return false;
    if (a->program_index && memcmp(kr_program_index_hash(out->index), kr_program_index_hash(a->program_index), KR_SHA256_SIZE))
        return kr_rs_fail(rd, "the snapshot was made with another program");
    return true;
}

void kr_run_loaded_free(KrRunLoaded *l) {
    kr_program_index_free(l->index);
    for (size_t i = 0; l->programs && i < l->nprograms; i++)
        if (l->programs[i]) kr_program_free(l->programs[i]);
    if (l->programs && l->programs != &l->one)
        l->alloc.fn(l->alloc.ud, l->programs, (l->nprograms ? l->nprograms : 1) * sizeof *l->programs, 0);
    memset(l, 0, sizeof *l);
}

static void rd_free(KrRsReader *rd) {
    KrAllocator a = rd->tmp;
    if (rd->objs) a.fn(a.ud, rd->objs, (rd->nobjs ? rd->nobjs : 1) * sizeof *rd->objs, 0);
    if (rd->kinds) a.fn(a.ud, rd->kinds, rd->nobjs ? rd->nobjs : 1, 0);
    vec_free(&rd->fix);
    vec_free(&rd->meth);
    pm_free(&rd->where);
    rd_kept_free(rd);
    if (rd->refs) a.fn(a.ud, rd->refs, (rd->nobjs ? rd->nobjs : 1) * sizeof *rd->refs, 0);
}

KrSnapStatus kr_run_snap_load(const KrRunLoadArgs *a, KrRunLoaded *out, char *err, size_t errcap) {
    memset(out, 0, sizeof *out);
    if (err && errcap) err[0] = 0;
    KrSnapReader in;
    if (!kr_snap_open(a->data, a->len, KR_SNAP_MAGIC_RUN, KR_RUN_FORMAT_VERSION, a->key, a->keylen, &in, err, errcap))
        return KR_SNAP_ERR_FORMAT;
    alignas(max_align_t) unsigned char scratch[4096]; // the reader's tables while small
    KrBumpAlloc bump;
    KrAllocator raw = kr_bump_allocator(&bump, a->r->alloc, scratch, sizeof scratch);
    alignas(max_align_t) unsigned char kept_buf[4096]; // a small program's verifier states
    KrArena kept_mem;
    kr_arena_init_buf(&kept_mem, a->r->alloc, kept_buf, sizeof kept_buf);
    KrRsReader rd = {a->r, &in, NULL, NULL, NULL, 0, 0, 0, {NULL, 0, 0, sizeof(Fixup), raw},
                     {NULL, 0, 0, sizeof(MethFix), raw}, {NULL, NULL, 0, 0, raw}, NULL, NULL, false, 0, false,
                     {NULL, 0, 0, sizeof(RsKept), raw}, 0, &kept_mem, raw};
    char perr[200] = "";
    bool ok = rd_program(&rd, a, out, perr, sizeof perr) && rd_header(&rd) && rd_roots(&rd) &&
              rd_records(&rd) && rd_ids(&rd);
    if (ok && kr_snap_left(&in)) ok = kr_rs_fail(&rd, "trailing bytes");
    ok = ok && rd_finish_all(&rd);
    KrSnapStatus st = rd_status(&rd, err, errcap);
    if (st != KR_SNAP_OK && perr[0] && err && errcap) snprintf(err, errcap, "bad run snapshot: %s", perr);
    rd_free(&rd);
    if (st == KR_SNAP_OK) {
        out->idle = a->r->pause_kind == RS_PAUSE_IDLE;
        a->r->paused = !out->idle;
        a->r->class_version = 0;
    }
    return st;
}
