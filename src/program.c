// program.c: compiled programs to bytes and back (program.h). Writing
// walks the code objects children-first and numbers every str once;
// reading rebuilds the same static objects the compiler makes (one arena,
// interned strs with their hashes) and hands each code object to the
// verifier before anything can run it.
#include <stdio.h>
#include "program.h"
#include "compiler.h"
#include "types.h"
#include "verify.h"

// Constant tags in the payload.
enum {
    PC_NONE, PC_FALSE, PC_TRUE, PC_ELLIPSIS, PC_INT, PC_FLOAT, PC_STR, PC_BYTES, PC_BIGINT, PC_TUPLE, PC_CODE,
    PC_COMPLEX, // an imaginary literal (4j): re, im as IEEE bits
};

// A fingerprint of the instruction set (order, names' lengths, stack
// effects): bytes written by a krait whose opcodes.def differs are refused
// rather than read with other meanings. Weighted by position, so inserting
// or moving an opcode changes it.
static const uint32_t pg_opset = 0u
#define KR_OP(name, pops, pushes) \
    +(KR_OP_##name + 1u) * ((uint32_t)sizeof(#name) * 257u + (uint32_t)((pops) + 2) * 17u + (uint32_t)((pushes) + 2))
#include "opcodes.def"
#undef KR_OP
    ;

#define PG_MAX_TUPLE_DEPTH 32     // constant tuples nest at most ~10 deep (compiler.c is_foldable)
#define PG_MAX_COUNT ((size_t)KR_ARG_MAX + 1) // instruction arguments are 24-bit

// ---- the code objects of a program, children first -----------------------------------

static bool codes_append(KrCodeList *l, const KrCode *c) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16, bytes;
        if (!kr_size_mul(cap, sizeof *l->items, &bytes)) return false;
        const KrCode **n = l->alloc.fn(l->alloc.ud, l->items, l->cap * sizeof *l->items, bytes);
        if (!n) return false;
        l->items = n;
        l->cap = cap;
    }
    l->items[l->n++] = c;
    return true;
}

// The code constant of c at or after *k, or NULL.
static const KrCode *next_child(const KrCode *c, uint32_t *k) {
    for (; *k < c->nconsts; (*k)++)
        if (kr_is_type(c->consts[*k], &kr_type_code)) return (const KrCode *)kr_as_obj(c->consts[(*k)++]);
    return NULL;
}

// Post-order with an explicit stack (nesting depth never touches the C
// stack). The code objects form a tree: the compiler makes each one once,
// and the loader refuses a code object used twice.
typedef struct PgWalk {
    const KrCode *code;
    uint32_t next; // the constant to look at next
} PgWalk;

// The walk's stack: on the C stack while shallow, then in alloc's memory.
typedef struct PgWalkStack {
    PgWalk *items;
    size_t n, cap;
    KrAllocator alloc;
    PgWalk local[32];
} PgWalkStack;

static bool walk_push(PgWalkStack *s, const KrCode *c) {
    if (s->n == s->cap) {
        size_t cap = s->cap * 2, bytes;
        if (!kr_size_mul(cap, sizeof(PgWalk), &bytes)) return false;
        PgWalk *items = s->alloc.fn(s->alloc.ud, NULL, 0, bytes);
        if (!items) return false;
        memcpy(items, s->items, s->n * sizeof(PgWalk));
        if (s->items != s->local) s->alloc.fn(s->alloc.ud, s->items, s->cap * sizeof(PgWalk), 0);
        s->items = items;
        s->cap = cap;
    }
    s->items[s->n++] = (PgWalk){c, 0};
    return true;
}

bool kr_program_codes_append(const KrProgram *p, KrCodeList *out) {
    PgWalkStack s;
    s.items = s.local;
    s.n = 0;
    s.cap = sizeof s.local / sizeof s.local[0];
    s.alloc = out->alloc;
    bool ok = walk_push(&s, p->module);
    while (ok && s.n) {
        PgWalk *w = &s.items[s.n - 1];
        const KrCode *child = next_child(w->code, &w->next);
        if (child) {
            ok = walk_push(&s, child);
        } else {
            ok = codes_append(out, w->code);
            s.n--;
        }
    }
    if (s.items != s.local) s.alloc.fn(s.alloc.ud, s.items, s.cap * sizeof(PgWalk), 0);
    return ok;
}

bool kr_program_codes(const KrProgram *p, KrAllocator alloc, KrCodeList *out) {
    memset(out, 0, sizeof *out);
    out->alloc = alloc;
    bool ok = kr_program_codes_append(p, out);
    if (!ok) kr_program_codes_free(out);
    return ok;
}

void kr_program_codes_free(KrCodeList *l) {
    if (l->items) l->alloc.fn(l->alloc.ud, l->items, l->cap * sizeof *l->items, 0);
    l->items = NULL;
    l->n = l->cap = 0;
}

// ---- writing ---------------------------------------------------------------------------

typedef struct PgWriter {
    KrSnapWriter *w;
    KrArena tmp;
    KrCodeList codes;
    const KrStr **strs; // the str table, in first-use order
    uint32_t nstrs;
    uint32_t *smap; // open addressing on the text: str index + 1, 0 empty
    const KrStr **pkeys; // open addressing on the str pointer (strs are
    uint32_t *pvals;     // interned, so most lookups stop here): index
    uint32_t npkeys;
    size_t smask, pmask;
    const KrCode **cmap; // open addressing on the code pointer, parallel cidx
    uint32_t *cidx;
    size_t cmask;
} PgWriter;

static size_t pg_text_hash(const KrStr *s) {
    uint64_t h = 0xcbf29ce484222325u; // FNV-1a
    for (size_t i = 0; i < s->nbytes; i++) h = (h ^ (uint8_t)s->data[i]) * 0x100000001b3u;
    return (size_t)(h ^ (h >> 29));
}

static size_t pg_ptr_hash(const void *p) {
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15u;
    return (size_t)(h >> 17);
}

static bool pg_same_text(const KrStr *a, const KrStr *b) {
    return a->nbytes == b->nbytes && memcmp(a->data, b->data, a->nbytes) == 0;
}

// Both maps double together; the table of strs keeps its order.
static bool pg_strs_grow(PgWriter *pw) {
    size_t cap = pw->smask ? (pw->smask + 1) * 2 : 32;
    uint32_t *smap = kr_arena_array(&pw->tmp, cap, sizeof *smap), *pvals = kr_arena_array(&pw->tmp, cap, sizeof *pvals);
    const KrStr **strs = kr_arena_array(&pw->tmp, cap / 2, sizeof *strs);
    const KrStr **pkeys = kr_arena_array(&pw->tmp, cap, sizeof *pkeys);
    if (!smap || !strs || !pkeys || !pvals) return false;
    for (uint32_t i = 0; i < pw->nstrs; i++) {
        size_t j = pg_text_hash(pw->strs[i]) & (cap - 1);
        while (smap[j]) j = (j + 1) & (cap - 1);
        smap[j] = i + 1;
        strs[i] = pw->strs[i];
    }
    for (size_t k = 0; pw->pmask && k <= pw->pmask; k++) {
        if (!pw->pkeys[k]) continue;
        size_t j = pg_ptr_hash(pw->pkeys[k]) & (cap - 1);
        while (pkeys[j]) j = (j + 1) & (cap - 1);
        pkeys[j] = pw->pkeys[k];
        pvals[j] = pw->pvals[k];
    }
    pw->smap = smap;
    pw->strs = strs;
    pw->pkeys = pkeys;
    pw->pvals = pvals;
    pw->smask = pw->pmask = cap - 1;
    return true;
}

static size_t pg_ptr_slot(const PgWriter *pw, const KrStr *s) {
    size_t j = pg_ptr_hash(s) & pw->pmask;
    while (pw->pkeys[j] && pw->pkeys[j] != s) j = (j + 1) & pw->pmask;
    return j;
}

// The str's index, numbering a new text on first sight.
static bool pg_add_str(PgWriter *pw, const KrStr *s) {
    if (((size_t)pw->npkeys + 1) * 2 > pw->pmask && !pg_strs_grow(pw)) return false;
    size_t pj = pg_ptr_slot(pw, s);
    if (pw->pkeys[pj]) return true;
    size_t j = pg_text_hash(s) & pw->smask;
    while (pw->smap[j] && !pg_same_text(pw->strs[pw->smap[j] - 1], s)) j = (j + 1) & pw->smask;
    if (!pw->smap[j]) {
        pw->strs[pw->nstrs++] = s;
        pw->smap[j] = pw->nstrs;
    }
    pw->pkeys[pj] = s;
    pw->pvals[pj] = pw->smap[j] - 1;
    pw->npkeys++;
    return true;
}

// Every str written was collected first (pg_collect).
static uint32_t pg_str_index(const PgWriter *pw, const KrStr *s) { return pw->pvals[pg_ptr_slot(pw, s)]; }

static void pg_put_str(PgWriter *pw, const KrStr *s) { kr_snap_put_uvar(pw->w, pg_str_index(pw, s)); }

static bool pg_index_codes(PgWriter *pw) {
    size_t cap = 16;
    while (cap < pw->codes.n * 2) cap *= 2;
    pw->cmap = kr_arena_array(&pw->tmp, cap, sizeof *pw->cmap);
    pw->cidx = kr_arena_array(&pw->tmp, cap, sizeof *pw->cidx);
    if (!pw->cmap || !pw->cidx) return false;
    pw->cmask = cap - 1;
    for (size_t i = 0; i < pw->codes.n; i++) {
        size_t j = pg_ptr_hash(pw->codes.items[i]) & pw->cmask;
        while (pw->cmap[j]) j = (j + 1) & pw->cmask;
        pw->cmap[j] = pw->codes.items[i];
        pw->cidx[j] = (uint32_t)i;
    }
    return true;
}

static uint32_t pg_code_index(PgWriter *pw, const KrCode *c) {
    size_t j = pg_ptr_hash(c) & pw->cmask;
    while (pw->cmap[j] != c) j = (j + 1) & pw->cmask;
    return pw->cidx[j];
}

static bool pg_collect_value(PgWriter *pw, KrValue v) {
    if (kr_is_type(v, &kr_type_str)) return pg_add_str(pw, kr_as_str(v));
    if (!kr_is_type(v, &kr_type_tuple)) return true;
    const KrTuple *t = kr_as_tuple(v);
    for (size_t i = 0; i < t->len; i++)
        if (!pg_collect_value(pw, t->items[i])) return false;
    return true;
}

static bool pg_collect_strs(PgWriter *pw, KrStr *const *strs, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!pg_add_str(pw, strs[i])) return false;
    return true;
}

// Every str the payload mentions, in the order it first mentions them.
static bool pg_collect(PgWriter *pw) {
    for (size_t i = 0; i < pw->codes.n; i++) {
        const KrCode *c = pw->codes.items[i];
        if (!pg_add_str(pw, c->name) || !pg_add_str(pw, c->qualname) || !pg_add_str(pw, c->filename) ||
            !pg_collect_value(pw, c->doc) || !pg_collect_strs(pw, c->names, c->nnames) ||
            !pg_collect_strs(pw, c->varnames, c->nlocals) || !pg_collect_strs(pw, c->cellnames, c->ncells + c->nfrees))
            return false;
        for (uint32_t k = 0; k < c->nconsts; k++)
            if (!pg_collect_value(pw, c->consts[k])) return false;
    }
    return true;
}

static bool pg_put_const(PgWriter *pw, KrValue v);

static bool pg_put_object(PgWriter *pw, KrValue v) {
    KrSnapWriter *w = pw->w;
    const KrType *t = kr_as_obj(v)->type;
    if (t == &kr_type_str) {
        kr_snap_put_u8(w, PC_STR);
        pg_put_str(pw, kr_as_str(v));
    } else if (t == &kr_type_bytes) {
        const KrBytes *b = (const KrBytes *)kr_as_obj(v);
        kr_snap_put_u8(w, PC_BYTES);
        kr_snap_put_bytes(w, b->data, b->len);
    } else if (t == &kr_type_int) {
        const KrBigInt *b = (const KrBigInt *)kr_as_obj(v);
        kr_snap_put_u8(w, PC_BIGINT);
        kr_snap_put_u8(w, b->neg);
        kr_snap_put_uvar(w, b->n);
        for (size_t i = 0; i < b->n; i++) kr_snap_put_u32(w, b->d[i]);
    } else if (t == &kr_type_tuple) {
        const KrTuple *tu = kr_as_tuple(v);
        kr_snap_put_u8(w, PC_TUPLE);
        kr_snap_put_uvar(w, tu->len);
        for (size_t i = 0; i < tu->len; i++)
            if (!pg_put_const(pw, tu->items[i])) return false;
    } else if (t == &kr_type_complex) {
        const KrComplex *c = (const KrComplex *)kr_as_obj(v);
        kr_snap_put_u8(w, PC_COMPLEX);
        kr_snap_put_f64(w, c->re);
        kr_snap_put_f64(w, c->im);
    } else if (t == &kr_type_code) {
        kr_snap_put_u8(w, PC_CODE);
        kr_snap_put_uvar(w, pg_code_index(pw, (const KrCode *)kr_as_obj(v)));
    } else {
        return false;
    }
    return true;
}

// One constant: the tagged kinds live in the value word, objects follow.
static bool pg_put_const(PgWriter *pw, KrValue v) {
    KrSnapWriter *w = pw->w;
    if (v == KR_NONE) kr_snap_put_u8(w, PC_NONE);
    else if (v == KR_FALSE) kr_snap_put_u8(w, PC_FALSE);
    else if (v == KR_TRUE) kr_snap_put_u8(w, PC_TRUE);
    else if (v == KR_ELLIPSIS) kr_snap_put_u8(w, PC_ELLIPSIS);
    else if (kr_is_small(v)) {
        kr_snap_put_u8(w, PC_INT);
        kr_snap_put_svar(w, kr_as_small(v));
    } else if (kr_is_double(v)) {
        kr_snap_put_u8(w, PC_FLOAT);
        kr_snap_put_f64(w, kr_as_double(v));
    } else if (!kr_is_ptr(v) || !pg_put_object(pw, v)) {
        return false;
    }
    return true;
}

static void pg_put_names(PgWriter *pw, KrStr *const *names, size_t n) {
    for (size_t i = 0; i < n; i++) pg_put_str(pw, names[i]);
}

static bool pg_same_loc(const KrLoc *a, const KrLoc *b) {
    return a->line == b->line && a->end_line == b->end_line && a->col == b->col && a->end_col == b->end_col;
}

// Source locations as runs of equal entries; lines as deltas.
static void pg_put_locs(PgWriter *pw, const KrCode *c) {
    uint32_t nruns = 0;
    for (uint32_t i = 0; i < c->ninsns; i++) nruns += i == 0 || !pg_same_loc(&c->locs[i], &c->locs[i - 1]);
    kr_snap_put_uvar(pw->w, nruns);
    int64_t prev_line = 0;
    for (uint32_t i = 0; i < c->ninsns;) {
        uint32_t j = i + 1;
        while (j < c->ninsns && pg_same_loc(&c->locs[j], &c->locs[i])) j++;
        const KrLoc *l = &c->locs[i];
        kr_snap_put_uvar(pw->w, j - i);
        kr_snap_put_svar(pw->w, (int64_t)l->line - prev_line);
        kr_snap_put_svar(pw->w, (int64_t)l->end_line - l->line);
        kr_snap_put_svar(pw->w, l->col);
        kr_snap_put_svar(pw->w, (int64_t)l->end_col - l->col);
        prev_line = l->line;
        i = j;
    }
}

static bool pg_put_code(PgWriter *pw, const KrCode *c) {
    KrSnapWriter *w = pw->w;
    pg_put_str(pw, c->name);
    pg_put_str(pw, c->qualname);
    pg_put_str(pw, c->filename);
    kr_snap_put_uvar(w, c->flags);
    kr_snap_put_uvar(w, c->argcount);
    kr_snap_put_uvar(w, c->posonlycount);
    kr_snap_put_uvar(w, c->kwonlycount);
    kr_snap_put_svar(w, c->firstline);
    kr_snap_put_uvar(w, kr_is_type(c->doc, &kr_type_str) ? pg_str_index(pw, kr_as_str(c->doc)) + 1 : 0);
    kr_snap_put_uvar(w, c->nnames);
    pg_put_names(pw, c->names, c->nnames);
    kr_snap_put_uvar(w, c->nlocals);
    pg_put_names(pw, c->varnames, c->nlocals);
    kr_snap_put_uvar(w, c->ncells);
    kr_snap_put_uvar(w, c->nfrees);
    pg_put_names(pw, c->cellnames, c->ncells + c->nfrees);
    for (uint32_t i = 0; i < c->ncells; i++) kr_snap_put_svar(w, c->cell_arg[i]);
    kr_snap_put_uvar(w, c->nconsts);
    for (uint32_t k = 0; k < c->nconsts; k++)
        if (!pg_put_const(pw, c->consts[k])) return false;
    kr_snap_put_uvar(w, c->ninsns);
    for (uint32_t i = 0; i < c->ninsns; i++) {
        kr_snap_put_u8(w, (uint8_t)KR_INSN_OP(c->insns[i]));
        kr_snap_put_uvar(w, KR_INSN_ARG(c->insns[i]));
    }
    pg_put_locs(pw, c);
    kr_snap_put_uvar(w, c->nexc);
    for (uint32_t i = 0; i < c->nexc; i++) {
        const KrExcEntry *e = &c->exctab[i];
        kr_snap_put_uvar(w, e->start);
        kr_snap_put_uvar(w, e->end - e->start);
        kr_snap_put_uvar(w, e->handler);
        kr_snap_put_uvar(w, e->depth);
    }
    return true;
}

static void pg_put_host_names(KrSnapWriter *w, const char *const *names, uint32_t n) {
    kr_snap_put_uvar(w, n);
    for (uint32_t i = 0; i < n; i++) kr_snap_put_bytes(w, names[i], strlen(names[i]));
}

static bool pg_write_all(PgWriter *pw, const KrProgram *p) {
    KrSnapWriter *w = pw->w;
    kr_snap_put_u32(w, pg_opset);
    kr_snap_put_uvar(w, pw->nstrs);
    for (uint32_t i = 0; i < pw->nstrs; i++) kr_snap_put_bytes(w, pw->strs[i]->data, pw->strs[i]->nbytes);
    pg_put_str(pw, p->module->filename);
    kr_snap_put_bytes(w, p->source, p->source_len);
    kr_snap_put_uvar(w, pw->codes.n);
    for (size_t i = 0; i < pw->codes.n; i++)
        if (!pg_put_code(pw, pw->codes.items[i])) return false;
    pg_put_host_names(w, p->inputs, p->ninputs);
    pg_put_host_names(w, p->externs, p->nexterns);
    return w->ok;
}

bool kr_program_write(KrSnapWriter *w, const KrProgram *p) {
    PgWriter pw;
    memset(&pw, 0, sizeof pw);
    pw.w = w;
    kr_arena_init(&pw.tmp, w->buf->alloc);
    bool ok = w->ok && kr_program_codes(p, w->buf->alloc, &pw.codes) && pg_index_codes(&pw) && pg_collect(&pw) &&
              pg_write_all(&pw, p);
    kr_program_codes_free(&pw.codes);
    kr_arena_free(&pw.tmp);
    if (!ok) w->ok = false;
    return ok;
}

// ---- reading ---------------------------------------------------------------------------

typedef struct PgReader {
    KrSnapReader *r;
    KrArena *arena; // the program's
    KrAllocator alloc;
    KrStr **strs;
    uint32_t nstrs;
    KrCode **codes;
    uint32_t ncodes, cur; // cur: the code being read
    uint8_t *used;        // per code: already some code's constant
    const KrProgramKeep *keep; // NULL: the verifier's states are dropped
    char *err;
    size_t errcap;
} PgReader;

static bool pg_fail(PgReader *pr, const char *msg) {
    kr_snap_fail(pr->r, msg);
    return false;
}

static KrStr *pg_get_str(PgReader *pr) {
    uint64_t i = kr_snap_get_uvar(pr->r);
    if (!kr_snap_ok(pr->r)) return NULL;
    if (i >= pr->nstrs) return pg_fail(pr, "str index out of range"), NULL;
    return pr->strs[i];
}

static bool pg_get_i32(PgReader *pr, int64_t v, int32_t *out) {
    if (v < INT32_MIN || v > INT32_MAX) return pg_fail(pr, "value out of range");
    *out = (int32_t)v;
    return true;
}

// base + delta as an int32; false when out of range.
static bool pg_rel_i32(int64_t base, int64_t delta, int32_t *out) {
    int64_t v;
    if (__builtin_add_overflow(base, delta, &v) || v < INT32_MIN || v > INT32_MAX) return false;
    *out = (int32_t)v;
    return true;
}

// A str's code point count, false when it is not UTF-8 (as krait stores
// it). Most are short ASCII names: those are counted here.
static bool pg_utf8_len(const uint8_t *s, size_t n, size_t *len) {
    if (n <= 16) {
        uint8_t any = 0;
        for (size_t i = 0; i < n; i++) any |= s[i];
        if (any < 0x80) {
            *len = n;
            return true;
        }
    }
    return kr_snap_utf8_len(s, n, true, len);
}

// A static str as the compiler makes it: text after the header, code
// point count and hash computed.
static KrStr *pg_new_str(PgReader *pr, const uint8_t *s, size_t n) {
    size_t len, size;
    if (!pg_utf8_len(s, n, &len)) return pg_fail(pr, "str is not UTF-8"), NULL;
    if (!kr_size_add(sizeof(KrStr) + 1, n, &size)) return pg_fail(pr, "str too long"), NULL;
    KrStr *o = kr_arena_alloc_uninit(pr->arena, size); // (every field is set below)
    if (!o) return NULL;
    char *data = (char *)(o + 1);
    if (n) memcpy(data, s, n);
    data[n] = 0;
    o->ob.type = &kr_type_str;
    o->ob.gc = KR_GC_STATIC;
    o->data = data;
    o->nbytes = n;
    o->len = len;
    o->hash = -1;
    o->hash = kr_str_hash(o);
    return o;
}

static bool pg_read_strs(PgReader *pr) {
    size_t n = kr_snap_get_count(pr->r, 1, UINT32_MAX / 2);
    pr->strs = kr_arena_array_uninit(pr->arena, n ? n : 1, sizeof *pr->strs);
    if (!pr->strs) return false;
    for (size_t i = 0; i < n && kr_snap_ok(pr->r); i++) {
        size_t len;
        const uint8_t *s = kr_snap_get_bytes(pr->r, &len);
        if (s && !(pr->strs[i] = pg_new_str(pr, s, len))) return false;
    }
    pr->nstrs = (uint32_t)n;
    return kr_snap_ok(pr->r);
}

static KrValue pg_get_const(PgReader *pr, int depth);

static KrValue pg_get_bytes(PgReader *pr) {
    size_t n;
    const uint8_t *s = kr_snap_get_bytes(pr->r, &n);
    size_t size;
    if (!s || !kr_size_add(sizeof(KrBytes) + 1, n, &size)) return KR_NULL;
    KrBytes *o = kr_arena_alloc(pr->arena, size);
    if (!o) return KR_NULL;
    o->ob.type = &kr_type_bytes;
    o->ob.gc = KR_GC_STATIC;
    o->len = n;
    o->data = (uint8_t *)(o + 1);
    if (n) memcpy(o->data, s, n);
    o->data[n] = 0;
    o->hash = kr_hash_bytes(o->data, n);
    return kr_from_obj(o);
}

// A big int is kept only outside the small range and without leading
// zero digits, as everything that compares ints assumes.
static bool pg_bigint_ok(const KrBigInt *o) {
    if (o->n == 0 || o->d[o->n - 1] == 0) return false;
    if (o->n > 2) return true;
    uint64_t mag = o->d[0] | (o->n == 2 ? (uint64_t)o->d[1] << 32 : 0);
    return o->neg ? mag > (uint64_t)KR_SMALL_MAX + 1 : mag > (uint64_t)KR_SMALL_MAX;
}

static KrValue pg_get_bigint(PgReader *pr) {
    uint8_t neg = kr_snap_get_u8(pr->r);
    size_t n = kr_snap_get_count(pr->r, 4, SIZE_MAX / 8);
    if (!kr_snap_ok(pr->r)) return KR_NULL;
    KrBigInt *o = kr_arena_alloc(pr->arena, sizeof(KrBigInt) + n * sizeof(uint32_t)); // n <= SIZE_MAX / 8
    if (!o) return KR_NULL;
    o->ob.type = &kr_type_int;
    o->ob.gc = KR_GC_STATIC;
    o->n = n;
    o->neg = neg != 0;
    for (size_t i = 0; i < n; i++) o->d[i] = kr_snap_get_u32(pr->r);
    if (neg > 1 || !pg_bigint_ok(o)) return pg_fail(pr, "malformed big int"), KR_NULL;
    return kr_snap_ok(pr->r) ? kr_from_obj(o) : KR_NULL;
}

static KrValue pg_get_complex(PgReader *pr) {
    double re = kr_snap_get_f64(pr->r), im = kr_snap_get_f64(pr->r);
    if (!kr_snap_ok(pr->r)) return KR_NULL;
    KrComplex *c = kr_arena_alloc(pr->arena, sizeof(KrComplex));
    if (!c) return KR_NULL;
    c->ob.type = &kr_type_complex;
    c->ob.gc = KR_GC_STATIC;
    c->re = re;
    c->im = im;
    return kr_from_obj(c);
}

static KrValue pg_get_tuple(PgReader *pr, int depth) {
    if (depth >= PG_MAX_TUPLE_DEPTH) return pg_fail(pr, "constant tuples nested too deep"), KR_NULL;
    size_t n = kr_snap_get_count(pr->r, 1, SIZE_MAX / 16);
    if (!kr_snap_ok(pr->r)) return KR_NULL;
    KrTuple *t = kr_arena_alloc(pr->arena, sizeof(KrTuple) + n * sizeof(KrValue)); // n <= SIZE_MAX / 16
    if (!t) return KR_NULL;
    t->ob.type = &kr_type_tuple;
    t->ob.gc = KR_GC_STATIC;
    t->len = n;
    for (size_t i = 0; i < n; i++)
        if ((t->items[i] = pg_get_const(pr, depth + 1)) == KR_NULL) return KR_NULL;
    return kr_from_obj(t);
}

// A nested code object: read earlier, and the constant of one code only.
static KrValue pg_get_code_ref(PgReader *pr, int depth) {
    uint64_t i = kr_snap_get_uvar(pr->r);
    if (!kr_snap_ok(pr->r)) return KR_NULL;
    if (depth > 0 || i >= pr->cur || pr->used[i]) return pg_fail(pr, "bad code object reference"), KR_NULL;
    pr->used[i] = 1;
    return kr_from_obj(pr->codes[i]);
}

// One constant; KR_NULL on error (never a valid constant). Floats go
// through kr_from_double, so no bit pattern can forge a tagged value.
static KrValue pg_get_const(PgReader *pr, int depth) {
    uint8_t tag = kr_snap_get_u8(pr->r);
    if (!kr_snap_ok(pr->r)) return KR_NULL;
    switch (tag) {
    case PC_NONE: return KR_NONE;
    case PC_FALSE: return KR_FALSE;
    case PC_TRUE: return KR_TRUE;
    case PC_ELLIPSIS: return KR_ELLIPSIS;
    case PC_INT: {
        int64_t i = kr_snap_get_svar(pr->r);
        if (!kr_fits_small(i)) return pg_fail(pr, "small int out of range"), KR_NULL;
        return kr_snap_ok(pr->r) ? kr_from_small(i) : KR_NULL;
    }
    case PC_FLOAT: {
        double d = kr_snap_get_f64(pr->r);
        return kr_snap_ok(pr->r) ? kr_from_double(d) : KR_NULL;
    }
    case PC_STR: {
        KrStr *s = pg_get_str(pr);
        return s ? kr_from_obj(s) : KR_NULL;
    }
    case PC_BYTES: return pg_get_bytes(pr);
    case PC_BIGINT: return pg_get_bigint(pr);
    case PC_TUPLE: return pg_get_tuple(pr, depth);
    case PC_CODE: return pg_get_code_ref(pr, depth);
    case PC_COMPLEX: return pg_get_complex(pr);
    default: return pg_fail(pr, "unknown constant kind"), KR_NULL;
    }
}

// A table of n str references.
static KrStr **pg_get_names(PgReader *pr, size_t n) {
    KrStr **out = kr_arena_array_uninit(pr->arena, n ? n : 1, sizeof *out);
    for (size_t i = 0; out && i < n; i++)
        if (!(out[i] = pg_get_str(pr))) return NULL;
    return out;
}

static bool pg_read_names(PgReader *pr, KrCode *c) {
    KrSnapReader *r = pr->r;
    c->nnames = (uint32_t)kr_snap_get_count(r, 1, PG_MAX_COUNT);
    KrStr **names = pg_get_names(pr, c->nnames);
    if (!names) return false;
    c->names = names;
    c->nlocals = (uint32_t)kr_snap_get_count(r, 1, PG_MAX_COUNT);
    if (!(c->varnames = pg_get_names(pr, c->nlocals))) return false;
    c->ncells = (uint32_t)kr_snap_get_count(r, 1, PG_MAX_COUNT);
    c->nfrees = (uint32_t)kr_snap_get_count(r, 1, PG_MAX_COUNT - c->ncells);
    if (!(c->cellnames = pg_get_names(pr, (size_t)c->ncells + c->nfrees))) return false;
    int32_t *cell_arg = kr_arena_array_uninit(pr->arena, c->ncells ? c->ncells : 1, sizeof *cell_arg);
    for (uint32_t i = 0; cell_arg && i < c->ncells; i++)
        if (!pg_get_i32(pr, kr_snap_get_svar(r), &cell_arg[i])) return false;
    c->cell_arg = cell_arg;
    return cell_arg && kr_snap_ok(r);
}

static bool pg_read_consts(PgReader *pr, KrCode *c) {
    c->nconsts = (uint32_t)kr_snap_get_count(pr->r, 1, PG_MAX_COUNT);
    KrValue *consts = kr_arena_array_uninit(pr->arena, c->nconsts ? c->nconsts : 1, sizeof *consts);
    if (!consts) return false;
    for (uint32_t k = 0; k < c->nconsts; k++)
        if ((consts[k] = pg_get_const(pr, 0)) == KR_NULL) return false;
    c->consts = consts;
    return true;
}

// The names LOAD_GLOBAL and LOAD_NAME use are marked in `builtin` (-2)
// as they pass: pg_builtins looks those up once the code verifies.
static bool pg_read_insns(PgReader *pr, KrCode *c, int32_t *builtin) {
    c->ninsns = (uint32_t)kr_snap_get_count(pr->r, 2, PG_MAX_COUNT);
    uint32_t *insns = kr_arena_array_uninit(pr->arena, c->ninsns ? c->ninsns : 1, sizeof *insns);
    if (!insns) return false;
    KrSnapReader *r = pr->r;
    for (uint32_t i = 0; i < c->ninsns; i++) {
        uint32_t op, arg;
        if (kr_snap_left(r) >= 2 && r->p[1] < 0x80) { // the usual: a one-byte argument
            op = r->p[0];
            arg = r->p[1];
            r->p += 2;
        } else {
            op = kr_snap_get_u8(r);
            arg = kr_snap_get_index(r, KR_ARG_MAX, "instruction argument too large");
        }
        insns[i] = KR_INSN(op, arg);
        // (the verifier checks the instructions it reaches: an unreachable
        // one, never run, may name anything)
        if ((op == KR_OP_LOAD_GLOBAL || op == KR_OP_LOAD_NAME) && arg < c->nnames) builtin[arg] = -2;
    }
    c->insns = insns;
    return kr_snap_ok(r);
}

// A one-byte svar's value (b < 0x80): the zigzag of -64..63, by table
// (four per source location run).
#define PG_Z(b) (int8_t)(((b) >> 1) ^ -((b)&1))
#define PG_Z4(b) PG_Z(b), PG_Z((b) + 1), PG_Z((b) + 2), PG_Z((b) + 3)
#define PG_Z16(b) PG_Z4(b), PG_Z4((b) + 4), PG_Z4((b) + 8), PG_Z4((b) + 12)
static const int8_t pg_unzig7[128] = {PG_Z16(0),  PG_Z16(16), PG_Z16(32), PG_Z16(48),
                                      PG_Z16(64), PG_Z16(80), PG_Z16(96), PG_Z16(112)};
#undef PG_Z16
#undef PG_Z4
#undef PG_Z
static int32_t pg_unzigzag7(uint8_t b) { return pg_unzig7[b & 127]; }

// A run in the general form (any field wider than a byte).
static bool pg_read_loc_run(PgReader *pr, int64_t line, uint64_t *count, KrLoc *l) {
    KrSnapReader *r = pr->r;
    *count = kr_snap_get_uvar(r);
    int64_t dline = kr_snap_get_svar(r), dend = kr_snap_get_svar(r), col = kr_snap_get_svar(r);
    int64_t dcol = kr_snap_get_svar(r);
    if (!pg_rel_i32(line, dline, &l->line) || !pg_rel_i32(l->line, dend, &l->end_line) ||
        !pg_rel_i32(0, col, &l->col) || !pg_rel_i32(l->col, dcol, &l->end_col))
        return pg_fail(pr, "value out of range");
    return kr_snap_ok(r);
}

#define PG_LINE_SAFE (INT32_MAX - 128) // a one-byte run moves the lines by at most +-128

static bool pg_read_locs(PgReader *pr, KrCode *c) {
    KrSnapReader *r = pr->r;
    size_t nruns = kr_snap_get_count(r, 5, c->ninsns);
    KrLoc *locs = kr_arena_array_uninit(pr->arena, c->ninsns ? c->ninsns : 1, sizeof *locs);
    if (!locs || !kr_snap_ok(r)) return false;
    int32_t line = 0;
    uint32_t at = 0, n = c->ninsns;
    for (size_t k = 0; k < nruns; k++) {
        uint64_t count;
        KrLoc *d = locs + at;
        const uint8_t *p = r->p;
        // the usual run: five one-byte fields, decoded in place; a line well
        // inside the int32 range stays inside it
        if (r->end - p >= 5 && !((p[0] | p[1] | p[2] | p[3] | p[4]) & 0x80) && line >= -PG_LINE_SAFE &&
            line <= PG_LINE_SAFE) {
            count = p[0];
            if (count == 0 || count > n - at) return pg_fail(pr, "source locations do not match the instructions");
            d->line = line + pg_unzigzag7(p[1]);
            d->end_line = d->line + pg_unzigzag7(p[2]);
            d->col = pg_unzigzag7(p[3]);
            d->end_col = d->col + pg_unzigzag7(p[4]);
            r->p += 5;
        } else {
            KrLoc l;
            if (!pg_read_loc_run(pr, line, &count, &l)) return false;
            if (count == 0 || count > n - at) return pg_fail(pr, "source locations do not match the instructions");
            *d = l;
        }
        line = d->line;
        for (uint64_t i = 1; i < count; i++) d[i] = *d;
        at += (uint32_t)count;
    }
    if (at != n) return pg_fail(pr, "source locations do not match the instructions");
    c->locs = locs;
    return true;
}

static bool pg_read_exctab(PgReader *pr, KrCode *c) {
    KrSnapReader *r = pr->r;
    c->nexc = (uint32_t)kr_snap_get_count(r, 4, PG_MAX_COUNT);
    KrExcEntry *t = kr_arena_array_uninit(pr->arena, c->nexc ? c->nexc : 1, sizeof *t);
    if (!t) return false;
    for (uint32_t i = 0; i < c->nexc; i++) {
        t[i].start = kr_snap_get_index(r, KR_ARG_MAX, "bad exception table");
        t[i].end = t[i].start + kr_snap_get_index(r, KR_ARG_MAX, "bad exception table");
        t[i].handler = kr_snap_get_index(r, KR_ARG_MAX, "bad exception table");
        t[i].depth = kr_snap_get_index(r, KR_ARG_MAX, "bad exception table");
    }
    c->exctab = t;
    return kr_snap_ok(r);
}

// The fixed fields: names, counts, flags, docstring.
static bool pg_read_header(PgReader *pr, KrCode *c) {
    KrSnapReader *r = pr->r;
    c->ob.type = &kr_type_code;
    c->ob.gc = KR_GC_STATIC;
    if (!(c->name = pg_get_str(pr)) || !(c->qualname = pg_get_str(pr)) || !(c->filename = pg_get_str(pr))) return false;
    c->flags = kr_snap_get_index(r, UINT32_MAX, "bad code flags");
    c->argcount = kr_snap_get_index(r, KR_ARG_MAX, "too many parameters");
    c->posonlycount = kr_snap_get_index(r, KR_ARG_MAX, "too many parameters");
    c->kwonlycount = kr_snap_get_index(r, KR_ARG_MAX, "too many parameters");
    if (!pg_get_i32(pr, kr_snap_get_svar(r), &c->firstline)) return false;
    uint64_t doc = kr_snap_get_uvar(r);
    if (doc > pr->nstrs) return pg_fail(pr, "docstring index out of range");
    c->doc = doc ? kr_from_obj(pr->strs[doc - 1]) : KR_NONE;
    return kr_snap_ok(r);
}

static KrSnapStatus pg_status(PgReader *pr) { return pr->arena->failed ? KR_SNAP_ERR_NOMEM : KR_SNAP_ERR_FORMAT; }

// name_builtin as the compiler makes it, but looked up only for the names
// the VM reads it for (LOAD_GLOBAL, LOAD_NAME: load_global in vm.c, marked
// -2 by pg_read_insns): the lookup dominated load times.
static int32_t *pg_builtins_new(PgReader *pr, const KrCode *c) {
    int32_t *builtin = kr_arena_array_uninit(pr->arena, c->nnames ? c->nnames : 1, sizeof *builtin);
    for (uint32_t i = 0; builtin && i < c->nnames; i++) builtin[i] = -1;
    return builtin;
}

static void pg_builtins(KrCode *c, int32_t *builtin) {
    for (uint32_t i = 0; i < c->nnames; i++) {
        if (builtin[i] != -2) continue;
        const KrStr *n = c->names[i];
        builtin[i] = kr_builtin_lookup_n(n->data, n->nbytes);
    }
    c->name_builtin = builtin;
}

static KrSnapStatus pg_read_code(PgReader *pr, uint32_t i) {
    KrCode *c = kr_arena_alloc(pr->arena, sizeof *c);
    int32_t *builtin = NULL;
    if (!c || !pg_read_header(pr, c) || !pg_read_names(pr, c) || !pg_read_consts(pr, c) ||
        !(builtin = pg_builtins_new(pr, c)) || !pg_read_insns(pr, c, builtin) || !pg_read_locs(pr, c) ||
        !pg_read_exctab(pr, c))
        return pg_status(pr);
    pr->codes[i] = c;
    KrVfStacks *s = NULL;
    bool module = i + 1 == pr->ncodes;
    KrSnapStatus st = pr->keep && pr->keep->arena->total <= pr->keep->max
                          ? kr_verify_code_keep(c, module, pr->keep->arena, pr->err, pr->errcap, &s)
                          : kr_verify_code(c, module, pr->alloc, pr->err, pr->errcap);
    if (s && !pr->keep->fn(pr->keep->ud, c, s)) st = KR_SNAP_ERR_NOMEM;
    if (st == KR_SNAP_OK) pg_builtins(c, builtin);
    return st;
}

static KrSnapStatus pg_read_codes(PgReader *pr) {
    size_t n = kr_snap_get_count(pr->r, 16, UINT32_MAX / 2);
    if (!kr_snap_ok(pr->r)) return KR_SNAP_ERR_FORMAT;
    if (n == 0) return pg_fail(pr, "no code objects"), KR_SNAP_ERR_FORMAT;
    pr->ncodes = (uint32_t)n;
    pr->codes = kr_arena_array_uninit(pr->arena, n, sizeof *pr->codes);
    pr->used = kr_arena_array(pr->arena, n, 1);
    if (!pr->codes || !pr->used) return KR_SNAP_ERR_NOMEM;
    for (pr->cur = 0; pr->cur < n; pr->cur++) {
        KrSnapStatus st = pg_read_code(pr, pr->cur);
        if (st != KR_SNAP_OK) return st;
    }
    // every code but the module is some code's constant: the tree the
    // compiler makes, so kr_program_codes sees each exactly once
    for (uint32_t i = 0; i + 1 < n; i++)
        if (!pr->used[i]) return pg_fail(pr, "unused code object"), KR_SNAP_ERR_FORMAT;
    return KR_SNAP_OK;
}

// The host's input or function names: non-empty UTF-8 without NUL.
static bool pg_read_host_names(PgReader *pr, const char *const **out, uint32_t *count) {
    size_t n = kr_snap_get_count(pr->r, 2, UINT32_MAX);
    if (!kr_snap_ok(pr->r)) return false;
    const char **names = n ? kr_arena_array_uninit(pr->arena, n, sizeof *names) : NULL;
    if (n && !names) return false;
    for (size_t i = 0; i < n; i++) {
        size_t len = 0;
        const uint8_t *b = kr_snap_get_bytes(pr->r, &len);
        if (!b) return false;
        if (!len || memchr(b, 0, len) || kr_utf8_validate((const char *)b, len) != len)
            return pg_fail(pr, "bad host name"), false;
        if (!(names[i] = kr_arena_strndup(pr->arena, (const char *)b, len))) return false;
    }
    *out = names;
    *count = (uint32_t)n;
    return true;
}

static KrSnapStatus pg_read_program(PgReader *pr, KrProgram *p) {
    if (kr_snap_get_u32(pr->r) != pg_opset && kr_snap_ok(pr->r))
        return pg_fail(pr, "written by a krait with another instruction set"), KR_SNAP_ERR_FORMAT;
    if (!pg_read_strs(pr)) return pg_status(pr);
    KrStr *filename = pg_get_str(pr);
    size_t srclen = 0;
    const uint8_t *src = kr_snap_get_bytes(pr->r, &srclen);
    if (!filename || !src) return KR_SNAP_ERR_FORMAT;
    char *source = kr_arena_strndup(pr->arena, (const char *)src, srclen);
    if (!source) return KR_SNAP_ERR_NOMEM;
    KrSnapStatus st = pg_read_codes(pr);
    if (st != KR_SNAP_OK) return st;
    if (!pg_read_host_names(pr, &p->inputs, &p->ninputs) || !pg_read_host_names(pr, &p->externs, &p->nexterns))
        return pg_status(pr);
    p->module = pr->codes[pr->ncodes - 1];
    p->source = source;
    p->source_len = srclen;
    p->filename = filename->data;
    return KR_SNAP_OK;
}

KrSnapStatus kr_program_read(KrSnapReader *r, KrAllocator alloc, KrProgram **out, char *err, size_t errcap) {
    return kr_program_read_keep(r, alloc, NULL, out, err, errcap);
}

KrSnapStatus kr_program_read_keep(KrSnapReader *r, KrAllocator alloc, const KrProgramKeep *keep, KrProgram **out,
                                  char *err, size_t errcap) {
    *out = NULL;
    if (err && errcap) err[0] = 0;
    // a program takes a few times its payload's size (up to 6 times and a
    // fixed part, for all but a few of the test cases): one block for a small one
    size_t left = kr_snap_left(r), hint = left < SIZE_MAX / 16 ? left * 6 + 512 + (keep ? keep->spare : 0) : SIZE_MAX;
    KrArena *arena = kr_arena_new_sized(alloc, hint);
    if (!arena) return KR_SNAP_ERR_NOMEM;
    PgReader pr = {r, arena, alloc, NULL, 0, NULL, 0, 0, NULL, keep, err, errcap};
    KrProgram *p = kr_arena_alloc(arena, sizeof *p);
    KrSnapStatus st = p ? pg_read_program(&pr, p) : KR_SNAP_ERR_NOMEM;
    if (st == KR_SNAP_OK && !kr_snap_ok(r)) st = KR_SNAP_ERR_FORMAT;
    if (st != KR_SNAP_OK) {
        if (st == KR_SNAP_ERR_FORMAT && err && errcap && !err[0])
            snprintf(err, errcap, "bad program snapshot: %s", r->err ? r->err : "invalid data");
        if (st == KR_SNAP_ERR_NOMEM && err && errcap) snprintf(err, errcap, "out of memory loading a program");
        kr_arena_delete(arena);
        return st;
    }
    p->owned = arena;
    p->alloc = alloc;
    *out = p;
    return KR_SNAP_OK;
}

// ---- containers and hashes ----------------------------------------------------------------

KrSnapStatus kr_program_dump(const KrProgram *p, KrBuf *out, const uint8_t *key, size_t keylen) {
    KrSnapWriter w;
    kr_snap_writer_init(&w, out);
    size_t start = out->len;
    kr_snap_begin(&w, KR_SNAP_MAGIC_PROGRAM, KR_PROGRAM_FORMAT_VERSION);
    bool ok = kr_program_write(&w, p) && kr_snap_finish(&w, key, keylen);
    if (ok) return KR_SNAP_OK;
    out->len = start; // leave the buffer as it was
    // allocation is the only way a program of our compiler fails to write
    return KR_SNAP_ERR_NOMEM;
}

KrSnapStatus kr_program_load(KrAllocator alloc, const uint8_t *data, size_t len, const uint8_t *key, size_t keylen,
                             KrProgram **out, char *err, size_t errcap) {
    *out = NULL;
    KrSnapReader r;
    if (!kr_snap_open(data, len, KR_SNAP_MAGIC_PROGRAM, KR_PROGRAM_FORMAT_VERSION, key, keylen, &r, err, errcap))
        return KR_SNAP_ERR_FORMAT;
    KrSnapStatus st = kr_program_read(&r, alloc, out, err, errcap);
    if (st == KR_SNAP_OK && kr_snap_left(&r) != 0) {
        kr_program_free(*out);
        *out = NULL;
        if (err && errcap) snprintf(err, errcap, "bad program snapshot: trailing bytes after the program");
        return KR_SNAP_ERR_FORMAT;
    }
    return st;
}

bool kr_program_hash(const KrProgram *p, uint8_t out[KR_SHA256_SIZE]) {
    KrBuf b;
    kr_buf_init(&b, p->alloc);
    KrSnapWriter w;
    kr_snap_writer_init(&w, &b);
    bool ok = kr_program_write(&w, p);
    if (ok) kr_sha256(b.data, b.len, out);
    kr_buf_free(&b);
    return ok;
}
