// hostval.c: values crossing the host boundary (KraitValue trees <-> run
// values). Into the run, everything is copied onto the run's heap; out of
// it, trees are built in an arena the API frees when the run moves on, so
// no pointer into the run's heap ever reaches the host.
#include "hostval.h"
#include "types.h"

// Containers nest at most this deep across the boundary; a deeper (or
// cyclic) value comes out as KRAIT_OTHER with its repr.
#define KR_HV_MAX_DEPTH 100

// ---- arena -----------------------------------------------------------------------------

typedef struct KrHvChunk {
    struct KrHvChunk *next;
    size_t size, used;
    max_align_t data[];
} KrHvChunk;

void *kr_hv_alloc(KrHvArena *a, size_t n) {
    if (n > SIZE_MAX / 2) return NULL; // no rounding or header overflow below
    n = (n + 15) & ~(size_t)15;
    if (a->budget && (n > a->budget || a->used > a->budget - n)) return NULL;
    a->used += n;
    KrHvChunk *c = a->chunks;
    if (!c || c->size - c->used < n) {
        // small first (a paused run keeps one to describe its calls), then doubling
        size_t size = c ? (c->size < 4096 ? c->size * 2 : c->size) : 128;
        if (size < n) size = n;
        c = a->alloc.fn(a->alloc.ud, NULL, 0, sizeof(KrHvChunk) + size);
        if (!c) return NULL;
        c->size = size;
        c->used = 0;
        c->next = a->chunks;
        a->chunks = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

// Keeps the newest chunk (emptied) when `keep`: a paused run's pending
// calls are described again at every pause, without a malloc each time.
static void hv_arena_drop(KrHvArena *a, bool keep) {
    KrHvChunk *c = a->chunks;
    a->used = 0;
    if (keep && c) {
        c->used = 0;
        c = c->next;
        a->chunks->next = NULL;
    } else {
        a->chunks = NULL;
    }
    while (c) {
        KrHvChunk *next = c->next;
        a->alloc.fn(a->alloc.ud, c, sizeof(KrHvChunk) + c->size, 0);
        c = next;
    }
}

void kr_hv_arena_reset(KrHvArena *a) { hv_arena_drop(a, true); }
void kr_hv_arena_free(KrHvArena *a) { hv_arena_drop(a, false); }

void *kr_hv_array(KrHvArena *a, size_t n, size_t size) {
    size_t bytes;
    return kr_size_mul(n, size, &bytes) ? kr_hv_alloc(a, bytes) : NULL;
}

char *kr_hv_strdup(KrHvArena *a, const char *s, size_t n) {
    char *d = n < SIZE_MAX ? kr_hv_alloc(a, n + 1) : NULL;
    if (!d) return NULL;
    if (n) memcpy(d, s, n);
    d[n] = 0;
    return d;
}

// ---- host -> run -----------------------------------------------------------------------

static KrValue hv_seq_in(KrRun *r, const KraitValue *v, int depth);

KrValue kr_hv_to_run(KrRun *r, const KraitValue *v, int depth) {
    if (!v) return KR_NONE;
    if (depth > KR_HV_MAX_DEPTH) return kr_raise(r, &kr_exc_ValueError, "host value nested too deeply");
    switch (v->kind) {
    case KRAIT_NONE: return KR_NONE;
    case KRAIT_BOOL: return v->u.b ? KR_TRUE : KR_FALSE;
    case KRAIT_INT: return kr_int_from_i64(r, v->u.i);
    case KRAIT_BIGINT: return kr_int_from_decimal(r, v->u.s.data ? v->u.s.data : "", v->u.s.len);
    case KRAIT_FLOAT: return kr_from_double(v->u.f);
    case KRAIT_STR:
        if (v->u.s.len && (!v->u.s.data || kr_utf8_validate(v->u.s.data, v->u.s.len) != v->u.s.len))
            return kr_raise(r, &kr_exc_ValueError, "host str is not valid UTF-8");
        return kr_str_new(r, v->u.s.data ? v->u.s.data : "", v->u.s.len);
    case KRAIT_BYTES:
        if (v->u.s.len && !v->u.s.data) return kr_raise(r, &kr_exc_ValueError, "host bytes without data");
        return kr_bytes_new(r, v->u.s.data, v->u.s.len);
    case KRAIT_LIST:
    case KRAIT_TUPLE:
    case KRAIT_DICT:
    case KRAIT_SET:
    case KRAIT_FROZENSET: return hv_seq_in(r, v, depth);
    default: return kr_raise(r, &kr_exc_TypeError, "a host value of this kind cannot enter the run");
    }
}

static KrValue hv_dict_in(KrRun *r, const KraitValue *v, int depth) {
    KrValue d = kr_dict_new_sized(r, v->u.seq.len);
    if (d == KR_EXC) return KR_EXC;
    kr_root_push(r, &d);
    for (size_t i = 0; i < v->u.seq.len && d != KR_EXC; i++) {
        KrValue k = kr_hv_to_run(r, &v->u.seq.items[2 * i], depth + 1);
        kr_root_push(r, &k);
        KrValue x = k == KR_EXC ? KR_EXC : kr_hv_to_run(r, &v->u.seq.items[2 * i + 1], depth + 1);
        if (x == KR_EXC || !kr_dict_set(r, kr_as_dict(d), k, x)) d = KR_EXC;
        kr_root_pop(r, 1);
    }
    kr_root_pop(r, 1);
    return d;
}

static KrValue hv_seq_in(KrRun *r, const KraitValue *v, int depth) {
    if (v->u.seq.len && !v->u.seq.items) return kr_raise(r, &kr_exc_ValueError, "host container without items");
    if (v->kind == KRAIT_DICT) return hv_dict_in(r, v, depth);
    KrValue out;
    if (v->kind == KRAIT_LIST) out = kr_list_new(r, v->u.seq.len);
    else if (v->kind == KRAIT_TUPLE) out = kr_tuple_new(r, v->u.seq.len);
    else out = kr_set_new(r, v->kind == KRAIT_SET ? &kr_type_set : &kr_type_frozenset);
    if (out == KR_EXC) return KR_EXC;
    kr_root_push(r, &out);
    for (size_t i = 0; i < v->u.seq.len && out != KR_EXC; i++) {
        KrValue x = kr_hv_to_run(r, &v->u.seq.items[i], depth + 1);
        if (x == KR_EXC) out = KR_EXC;
        else if (v->kind == KRAIT_LIST) out = kr_list_append(r, kr_as_list(out), x) ? out : KR_EXC;
        else if (v->kind == KRAIT_TUPLE) kr_as_tuple(out)->items[i] = x;
        else out = kr_set_add(r, (KrSet *)kr_as_obj(out), x) ? out : KR_EXC;
    }
    kr_root_pop(r, 1);
    return out;
}

// ---- run -> host -----------------------------------------------------------------------

// The built-in type whose layout v uses (a subclass of dict is a dict).
static const KrType *hv_layout(KrValue v) {
    const KrType *t = kr_typeof(v);
    return t->flags & KR_TF_HEAP ? t->layout : t;
}

static bool hv_other(KrRun *r, KrValue v, KraitValue *out, KrHvArena *a) {
    out->kind = KRAIT_OTHER;
    const char *tn = kr_type_name(v);
    out->u.other.type_name = kr_hv_strdup(a, tn, strlen(tn));
    KrValue s = kr_repr(r, v);
    if (s == KR_EXC) {
        if (r->limit_hit) return false;
        kr_clear_exc(r);
        out->u.other.repr = kr_hv_strdup(a, "<repr failed>", 13);
    } else {
        out->u.other.repr = kr_hv_strdup(a, kr_as_str(s)->data, kr_as_str(s)->nbytes);
    }
    return out->u.other.type_name && out->u.other.repr;
}

static bool hv_text(KrHvArena *a, KraitValue *out, KraitKind kind, const char *s, size_t n) {
    out->kind = kind;
    out->u.s.data = kr_hv_strdup(a, s, n);
    out->u.s.len = n;
    return out->u.s.data != NULL;
}

static bool hv_int_out(KrRun *r, KrValue v, KraitValue *out, KrHvArena *a) {
    int64_t i;
    if (kr_int_to_i64(v, &i)) {
        *out = krait_int(i);
        return true;
    }
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_int_to_decimal(r, v, &b) && hv_text(a, out, KRAIT_BIGINT, b.data, b.len);
    kr_buf_free(&b);
    return ok;
}

// A list or tuple. The items are read afresh each step: a __repr__ run
// for an item may change the list.
static bool hv_items_out(KrRun *r, KrValue v, KraitValue *out, KrHvArena *a, int depth) {
    bool is_list = hv_layout(v) == &kr_type_list;
    size_t n = is_list ? kr_as_list(v)->len : kr_as_tuple(v)->len;
    KraitValue *dst = n ? kr_hv_array(a, n, sizeof(KraitValue)) : NULL;
    if (n && !dst) return false;
    out->kind = is_list ? KRAIT_LIST : KRAIT_TUPLE;
    out->u.seq.items = dst;
    size_t i = 0;
    for (; i < n; i++) {
        if (is_list && i >= kr_as_list(v)->len) break;
        KrValue x = is_list ? kr_as_list(v)->items[i] : kr_as_tuple(v)->items[i];
        if (!kr_hv_from_run(r, x, &dst[i], a, depth + 1)) return false;
    }
    out->u.seq.len = i;
    return true;
}

static bool hv_dict_out(KrRun *r, KrValue v, KraitValue *out, KrHvArena *a, int depth) {
    KrDict *d = kr_as_dict(v);
    size_t n = d->used;
    KraitValue *dst = n ? kr_hv_array(a, n, 2 * sizeof(KraitValue)) : NULL;
    if (n && !dst) return false;
    out->kind = KRAIT_DICT;
    out->u.seq.items = dst;
    size_t pos = 0, i = 0;
    KrValue k, x;
    while (i < n && kr_dict_next(d, &pos, &k, &x)) {
        if (!kr_hv_from_run(r, k, &dst[2 * i], a, depth + 1) || !kr_hv_from_run(r, x, &dst[2 * i + 1], a, depth + 1))
            return false;
        i++;
    }
    out->u.seq.len = i;
    return true;
}

static bool hv_set_out(KrRun *r, KrValue v, KraitValue *out, KrHvArena *a, int depth, KraitKind kind) {
    KrSet *s = (KrSet *)kr_as_obj(v);
    size_t n = s->used;
    KraitValue *dst = n ? kr_hv_array(a, n, sizeof(KraitValue)) : NULL;
    if (n && !dst) return false;
    out->kind = kind;
    out->u.seq.items = dst;
    size_t pos = 0, i = 0;
    KrValue k;
    while (i < n && kr_set_next(s, &pos, &k))
        if (!kr_hv_from_run(r, k, &dst[i++], a, depth + 1)) return false;
    out->u.seq.len = i;
    return true;
}

bool kr_hv_from_run(KrRun *r, KrValue v, KraitValue *out, KrHvArena *a, int depth) {
    if (kr_is_small(v)) return *out = krait_int(kr_as_small(v)), true; // the common case first
    if (v == KR_NONE) return *out = krait_none(), true;
    if (v == KR_TRUE || v == KR_FALSE) return *out = krait_bool(v == KR_TRUE), true;
    if (kr_is_double(v)) return *out = krait_float(kr_as_double(v)), true;
    if (!kr_is_ptr(v) && !kr_is_int(v)) return hv_other(r, v, out, a);
    const KrType *t = kr_is_ptr(v) ? hv_layout(v) : &kr_type_int;
    if (depth > KR_HV_MAX_DEPTH && (t == &kr_type_list || t == &kr_type_tuple || t == &kr_type_dict ||
                                   t == &kr_type_set || t == &kr_type_frozenset))
        return hv_other(r, v, out, a);
    bool seq = t == &kr_type_list || t == &kr_type_tuple; // the usual arguments: no int check
    if (!seq && (t == &kr_type_int || kr_int_check(v))) return hv_int_out(r, v, out, a);
    if (t == &kr_type_float) return *out = krait_float(kr_float_value(v)), true;
    if (t == &kr_type_str) return hv_text(a, out, KRAIT_STR, kr_as_str(v)->data, kr_as_str(v)->nbytes);
    if (t == &kr_type_bytes) {
        const uint8_t *p;
        size_t n;
        kr_bytes_view(v, &p, &n);
        return hv_text(a, out, KRAIT_BYTES, (const char *)p, n);
    }
    kr_root_push(r, &v); // a __repr__ below may run Python code (and collect)
    bool ok;
    if (seq) ok = hv_items_out(r, v, out, a, depth);
    else if (t == &kr_type_dict) ok = hv_dict_out(r, v, out, a, depth);
    else if (t == &kr_type_set || t == &kr_type_frozenset)
        ok = hv_set_out(r, v, out, a, depth, t == &kr_type_set ? KRAIT_SET : KRAIT_FROZENSET);
    else ok = hv_other(r, v, out, a);
    kr_root_pop(r, 1);
    return ok;
}
