// dict.c: the dict type, its views (dict_keys, dict_values, dict_items) and
// their iterators. A compact insertion-ordered hash table: `index` maps
// probe slots to entry numbers and `entries` holds (hash, key, value) in
// insertion order; deleted entries are holes until a resize squeezes them
// out. Keys that are str, small int, float or a singleton never call out
// to Python; other keys compare with kr_eq, which may run user code that
// mutates the dict, so a lookup restarts when its table changed under it.
#include "../types.h"
#include "class.h"
#include "../runsnap.h"

static const KrSnapOps dict_snap, dictiter_snap, dictview_snap;

#define DICT_MINSIZE 8
#define DICT_EMPTY (-1)
#define DICT_DUMMY (-2)
#define DICT_SHIFT 5
#define DICT_MAXSIZE ((size_t)1 << 30) // index slots: entry numbers fit int32

// Results of dict_lookup besides an entry number.
#define DICT_MISSING ((ptrdiff_t)-1)
#define DICT_ERROR ((ptrdiff_t)-2)

static const KrStr dict_name_keys = KR_STATIC_STR("keys");

// An appender of KrBuf failed: make sure an exception is pending.
static bool dict_nomem(KrRun *r) {
    if (r->exc == KR_NULL && !r->limit_hit) kr_raise_value(r, kr_from_obj(&kr_exc_MemoryError));
    return false;
}


bool kr_dict_check_args(KrRun *r, const char *qualname, size_t argc, KrValue kwnames,
                        size_t min, size_t max) {
    if (qualname[0] == '_' && !strchr(qualname, '.'))
        return kr_wrapper_args(r, qualname, argc, kwnames, max, max);
    if (kwnames != KR_NULL && kr_as_tuple(kwnames)->len) {
        kr_raise(r, &kr_exc_TypeError, "%s() takes no keyword arguments", qualname);
        return false;
    }
    if (argc >= min && argc <= max) return true;
    if (max == 0) {
        kr_raise(r, &kr_exc_TypeError, "%s() takes no arguments (%zu given)", qualname, argc);
    } else if (min == 1 && max == 1) {
        kr_raise(r, &kr_exc_TypeError, "%s() takes exactly one argument (%zu given)", qualname,
                 argc);
    } else {
        const char *dot = strrchr(qualname, '.');
        const char *name = dot ? dot + 1 : qualname;
        size_t n = argc < min ? min : max;
        kr_raise(r, &kr_exc_TypeError, "%s expected %s %zu argument%s, got %zu", name,
                 argc < min ? "at least" : "at most", n, n == 1 ? "" : "s", argc);
    }
    return false;
}

// kr_next with a budget poll: loops over iterators can be long.
static KrValue dict_next_ticked(KrRun *r, KrValue it) {
    return kr_run_tick(r, 1) ? kr_next(r, it) : KR_EXC;
}

// ---- table ------------------------------------------------------------------------

static size_t dict_usable(size_t size) { return size * 2 / 3; }

static bool dict_table_bytes(size_t size, size_t *out) {
    size_t a, b;
    return kr_size_mul(size, sizeof(int32_t), &a) &&
           kr_size_mul(dict_usable(size), sizeof(KrDictEntry), &b) && kr_size_add(a, b, out);
}

static void dict_free_table(KrRun *r, KrDict *d) {
    size_t bytes;
    if (d->index && dict_table_bytes(d->mask + 1, &bytes)) kr_mem_free(r, d->index, bytes);
    d->index = NULL;
    d->entries = NULL;
    d->mask = d->cap = d->usable = d->nentries = 0;
}

// The first slot on hash's probe path that holds no live entry.
static size_t dict_free_slot(const int32_t *index, size_t mask, int64_t hash) {
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    while (index[i] >= 0) {
        perturb >>= DICT_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

// Replaces the table by one of `size` slots holding the live entries in
// order (holes squeezed out).
static bool dict_rebuild(KrRun *r, KrDict *d, size_t size) {
    size_t bytes;
    if (size > DICT_MAXSIZE || !dict_table_bytes(size, &bytes)) return dict_nomem(r);
    int32_t *index = kr_mem_alloc(r, bytes);
    if (!index) return false;
    KrDictEntry *entries = (KrDictEntry *)(index + size);
    memset(index, 0xff, size * sizeof *index); // every slot DICT_EMPTY
    size_t mask = size - 1, n = 0;
    for (size_t i = 0; i < d->nentries; i++) {
        const KrDictEntry *e = &d->entries[i];
        if (e->key == KR_NULL) continue;
        entries[n] = *e;
        index[dict_free_slot(index, mask, e->hash)] = (int32_t)n;
        n++;
        // a big rebuild polls the budget; stopping leaves the old table as it was
        if ((n & 0xFFFF) == 0 && !kr_run_tick(r, 2048)) {
            kr_mem_free(r, index, bytes);
            return false;
        }
    }
    dict_free_table(r, d);
    d->index = index;
    d->entries = entries;
    d->mask = mask;
    d->cap = dict_usable(size);
    d->usable = d->cap - n;
    d->nentries = n;
    d->tables++;
    return true;
}

// The smallest table whose entries hold n items.
static size_t dict_size_for(size_t n) {
    size_t size = DICT_MINSIZE;
    while (dict_usable(size) < n && size <= DICT_MAXSIZE) size <<= 1;
    return size;
}

// Makes room for `extra` more entries (CPython's growth: 3 * used). Slots
// of deleted entries stay dummies until a rebuild, so an insertion always
// uses up `usable` (even after popitem gave back its entry): that keeps an
// empty slot on every probe path.
static bool dict_reserve(KrRun *r, KrDict *d, size_t extra) {
    if (d->usable >= extra) return true;
    size_t need;
    if (!kr_size_add(d->used, extra, &need)) return dict_nomem(r);
    size_t grow = d->used <= DICT_MAXSIZE ? d->used * 3 : need;
    size_t size = DICT_MINSIZE;
    while (size < grow && size <= DICT_MAXSIZE) size <<= 1;
    if (dict_usable(size) < need) size = dict_size_for(need);
    return dict_rebuild(r, d, size);
}

// Appends a key known to be absent.
static bool dict_append(KrRun *r, KrDict *d, KrValue key, int64_t hash, KrValue v) {
    if (!dict_reserve(r, d, 1)) return false;
    size_t slot = dict_free_slot(d->index, d->mask, hash);
    d->index[slot] = (int32_t)d->nentries;
    KrDictEntry *e = &d->entries[d->nentries++];
    d->usable--;
    e->hash = hash;
    e->key = key;
    e->value = v;
    d->used++;
    d->version++;
    return true;
}

// ---- lookup ----------------------------------------------------------------------------

// The general lookup: compares with kr_eq where the fast paths cannot
// decide, restarting if the comparison replaced the table or the entry.
static ptrdiff_t dict_lookup_slow(KrRun *r, KrDict *d, KrValue key, int64_t hash) {
restart:
    if (!d->index) return DICT_MISSING;
    size_t mask = d->mask, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == DICT_EMPTY) return DICT_MISSING;
        if (ix >= 0 && d->entries[ix].hash == hash) {
            KrValue k = d->entries[ix].key;
            int eq = kr_dict_quick_eq(k, key);
            if (eq < 0) {
                uint64_t tables = d->tables;
                eq = kr_eq(r, k, key);
                if (eq < 0) return DICT_ERROR;
                if (d->tables != tables || d->entries[ix].key != k) goto restart;
            }
            if (eq) return ix;
        }
        perturb >>= DICT_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// Entry number of key, DICT_MISSING, or DICT_ERROR with an exception set.
// The loop only handles what needs no call-out (globals, attributes).
// Forced inline: every name and attribute lookup runs it (-13% of the
// instructions of a module-level loop).
static inline KR_ALWAYS_INLINE ptrdiff_t dict_lookup(KrRun *r, KrDict *d, KrValue key, int64_t hash) {
    if (!d->index) return DICT_MISSING;
    size_t mask = d->mask, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == DICT_EMPTY) return DICT_MISSING;
        if (ix >= 0) {
            const KrDictEntry *e = &d->entries[ix];
            if (e->key == key) return ix;
            if (e->hash == hash) {
                int eq = kr_dict_quick_eq(e->key, key);
                if (eq > 0) return ix;
                if (eq < 0) return dict_lookup_slow(r, d, key, hash);
            }
        }
        perturb >>= DICT_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// Removes live entry ix: its slot becomes a dummy, the entry a hole.
static void dict_remove_at(KrDict *d, size_t ix) {
    KrDictEntry *e = &d->entries[ix];
    size_t mask = d->mask, i = (size_t)e->hash & mask;
    uint64_t perturb = (uint64_t)e->hash;
    while (d->index[i] != (int32_t)ix) { // the entry is on its own probe path
        perturb >>= DICT_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    d->index[i] = DICT_DUMMY;
    e->key = KR_NULL;
    e->value = KR_NULL;
    d->used--;
    d->version++;
}

// ---- public API --------------------------------------------------------------------

static KrDict *dict_alloc(KrRun *r, const KrType *t) {
    size_t size = t->basic_size > sizeof(KrDict) ? t->basic_size : sizeof(KrDict);
    KrDict *d = kr_gc_alloc(r, t, size);
    if (d) memset((char *)d + sizeof(KrObj), 0, size - sizeof(KrObj));
    return d;
}

KrValue kr_dict_new(KrRun *r) {
    KrDict *d = dict_alloc(r, &kr_type_dict);
    return d ? kr_from_obj(d) : KR_EXC;
}

KrValue kr_dict_new_sized(KrRun *r, size_t n) {
    KrDict *d = dict_alloc(r, &kr_type_dict);
    if (!d) return KR_EXC;
    if (n && !dict_rebuild(r, d, dict_size_for(n))) return KR_EXC;
    return kr_from_obj(d);
}

int kr_dict_get_hashed(KrRun *r, KrDict *d, KrValue key, int64_t hash, KrValue *out) {
    ptrdiff_t ix = dict_lookup(r, d, key, hash);
    if (ix >= 0) {
        *out = d->entries[ix].value;
        return 1;
    }
    return ix == DICT_MISSING ? 0 : -1;
}

ptrdiff_t kr_dict_index_hashed(KrRun *r, KrDict *d, KrValue key, int64_t hash) {
    return dict_lookup(r, d, key, hash);
}

int kr_dict_get(KrRun *r, KrDict *d, KrValue key, KrValue *out) {
    int64_t hash;
    if (!kr_dict_quick_hash(r, key, &hash)) return -1;
    return kr_dict_get_hashed(r, d, key, hash, out);
}

bool kr_dict_set_hashed(KrRun *r, KrDict *d, KrValue key, int64_t hash, KrValue v) {
    ptrdiff_t ix = dict_lookup(r, d, key, hash);
    if (ix == DICT_ERROR) return false;
    if (ix == DICT_MISSING) return dict_append(r, d, key, hash, v);
    d->entries[ix].value = v; // the first key object stays, as in CPython
    d->version++;
    return true;
}

bool kr_dict_add_new(KrRun *r, KrDict *d, KrValue key, int64_t hash, KrValue v) {
    return dict_append(r, d, key, hash, v);
}

bool kr_dict_set(KrRun *r, KrDict *d, KrValue key, KrValue v) {
    int64_t hash;
    if (!kr_dict_quick_hash(r, key, &hash)) return false;
    return kr_dict_set_hashed(r, d, key, hash, v);
}

static int dict_pop_hashed(KrRun *r, KrDict *d, KrValue key, int64_t hash, KrValue *out) {
    ptrdiff_t ix = dict_lookup(r, d, key, hash);
    if (ix < 0) return ix == DICT_MISSING ? 0 : -1;
    if (out) *out = d->entries[ix].value;
    dict_remove_at(d, (size_t)ix);
    return 1;
}

int kr_dict_pop(KrRun *r, KrDict *d, KrValue key, KrValue *out) {
    int64_t hash;
    if (!kr_dict_quick_hash(r, key, &hash)) return -1;
    return dict_pop_hashed(r, d, key, hash, out);
}

int kr_dict_del(KrRun *r, KrDict *d, KrValue key) { return kr_dict_pop(r, d, key, NULL); }

bool kr_dict_next(KrDict *d, size_t *pos, KrValue *key, KrValue *value) {
    size_t i = *pos;
    while (i < d->nentries && d->entries[i].key == KR_NULL) i++;
    if (i >= d->nentries) {
        *pos = i;
        return false;
    }
    if (key) *key = d->entries[i].key;
    if (value) *value = d->entries[i].value;
    *pos = i + 1;
    return true;
}

KrValue kr_dict_get_cstr(KrRun *r, KrDict *d, const char *key) {
    (void)r;
    size_t n = strlen(key);
    bool ascii = true;
    for (size_t i = 0; i < n; i++) ascii = ascii && (unsigned char)key[i] < 0x80;
    if (!ascii || !d->index) { // str hashes of non-ASCII text are not hashes of UTF-8
        for (size_t i = 0; i < d->nentries; i++) {
            KrValue k = d->entries[i].key;
            if (kr_is_type(k, &kr_type_str) && kr_str_eq_cstr(kr_as_str(k), key))
                return d->entries[i].value;
        }
        return KR_NULL;
    }
    int64_t hash = kr_hash_bytes(key, n);
    size_t mask = d->mask, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == DICT_EMPTY) return KR_NULL;
        if (ix >= 0) {
            const KrDictEntry *e = &d->entries[ix];
            if (e->hash == hash && kr_is_type(e->key, &kr_type_str) &&
                kr_str_eq_cstr(kr_as_str(e->key), key))
                return e->value;
        }
        perturb >>= DICT_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// A copy of src's table for an empty d (keys are known distinct).
static bool dict_copy_into(KrRun *r, KrDict *d, const KrDict *src) {
    if (src->nentries == src->used) { // no holes: the whole table copies as is
        size_t bytes;
        if (!dict_table_bytes(src->mask + 1, &bytes)) return dict_nomem(r);
        int32_t *index = kr_mem_alloc(r, bytes);
        if (!index) return false;
        memcpy(index, src->index, bytes);
        dict_free_table(r, d);
        d->index = index;
        d->entries = (KrDictEntry *)(index + src->mask + 1);
        d->mask = src->mask;
        d->cap = src->cap;
        d->usable = src->usable;
        d->nentries = src->nentries;
        d->used = src->used;
        d->version++;
        d->tables++;
        return true;
    }
    if (!dict_reserve(r, d, src->used)) return false;
    for (size_t i = 0; i < src->nentries; i++) {
        const KrDictEntry *e = &src->entries[i];
        if (e->key != KR_NULL && !dict_append(r, d, e->key, e->hash, e->value)) return false;
    }
    return true;
}

KrValue kr_dict_copy(KrRun *r, KrDict *d) {
    KrDict *c = dict_alloc(r, &kr_type_dict);
    if (!c) return KR_EXC;
    if (d->used && !dict_copy_into(r, c, d)) return KR_EXC;
    return kr_from_obj(c);
}

// ---- update -----------------------------------------------------------------------------

// d.update(src) for a dict src: later values win, first keys stay.
static bool dict_merge_dict(KrRun *r, KrDict *d, KrDict *src) {
    if (d == src || src->used == 0) return true;
    if (d->used == 0) return dict_copy_into(r, d, src);
    // One resize up front, only when the whole table is smaller than src
    // (CPython's rule: keys may overlap, so do not count on the free room).
    if (d->cap < src->used && !dict_rebuild(r, d, dict_size_for(d->used + src->used)))
        return false;
    size_t n = src->nentries;
    uint64_t tables = src->tables;
    KrValue key = KR_NULL, v = KR_NULL; // user __eq__ may drop them from src
    kr_root_push(r, &key);
    kr_root_push(r, &v);
    bool ok = true;
    for (size_t i = 0; ok && i < src->nentries; i++) {
        if (src->entries[i].key == KR_NULL) continue;
        key = src->entries[i].key;
        v = src->entries[i].value;
        ok = kr_run_tick(r, 1) && kr_dict_set_hashed(r, d, key, src->entries[i].hash, v);
        if (ok && (src->nentries != n || src->tables != tables)) {
            kr_raise(r, &kr_exc_RuntimeError, "dict mutated during update");
            ok = false;
        }
    }
    kr_root_pop(r, 2);
    return ok;
}

// d.update(m) for a mapping with keys(): d[k] = m[k] for k in m.keys().
static bool dict_merge_mapping(KrRun *r, KrDict *d, KrValue m, KrValue keysfn) {
    KrValue it = KR_NULL, key = KR_NULL, v = KR_NULL;
    kr_root_push(r, &it);
    kr_root_push(r, &key);
    kr_root_push(r, &v);
    bool ok = false;
    it = kr_call0(r, keysfn);
    if (it == KR_EXC || (it = kr_iter(r, it)) == KR_EXC) goto done;
    for (;;) {
        key = dict_next_ticked(r, it);
        if (key == KR_STOP) break;
        if (key == KR_EXC || (v = kr_getitem(r, m, key)) == KR_EXC) goto done;
        if (!kr_dict_set(r, d, key, v)) goto done;
    }
    ok = true;
done:
    kr_root_pop(r, 3);
    return ok;
}

// One element of a pairs sequence as (key, value), with CPython's errors.
static bool dict_pair(KrRun *r, KrValue item, size_t n, KrValue *key, KrValue *value) {
    const KrValue *p;
    size_t len;
    KrValue seq = item;
    if (!kr_is_type(item, &kr_type_tuple) && !kr_is_type(item, &kr_type_list)) {
        seq = kr_tuple_from_iter(r, item);
        if (seq == KR_EXC) {
            if (kr_pending_is(r, &kr_exc_TypeError)) {
                kr_clear_exc(r);
                kr_raise(r, &kr_exc_TypeError,
                         "cannot convert dictionary update sequence element #%zu to a sequence", n);
            }
            return false;
        }
    }
    if (kr_is_type(seq, &kr_type_list)) {
        p = kr_as_list(seq)->items;
        len = kr_as_list(seq)->len;
    } else {
        p = kr_as_tuple(seq)->items;
        len = kr_as_tuple(seq)->len;
    }
    if (len != 2) {
        kr_raise(r, &kr_exc_ValueError,
                 "dictionary update sequence element #%zu has length %zu; 2 is required", n, len);
        return false;
    }
    *key = p[0];
    *value = p[1];
    return true;
}

// d.update(pairs): each element an iterable of two items.
static bool dict_merge_pairs(KrRun *r, KrDict *d, KrValue seq) {
    KrValue it = KR_NULL, item = KR_NULL, key = KR_NULL, v = KR_NULL;
    kr_root_push(r, &it);
    kr_root_push(r, &item);
    kr_root_push(r, &key);
    kr_root_push(r, &v);
    bool ok = false;
    if ((it = kr_iter(r, seq)) == KR_EXC) goto done;
    for (size_t n = 0;; n++) {
        item = dict_next_ticked(r, it);
        if (item == KR_STOP) break;
        if (item == KR_EXC || !dict_pair(r, item, n, &key, &v)) goto done;
        if (!kr_dict_set(r, d, key, v)) goto done;
    }
    ok = true;
done:
    kr_root_pop(r, 4);
    return ok;
}

// CPython's dict_update_arg: a dict, then anything with keys(), then pairs.
// A dict whose class overrides __iter__ is merged through keys() and
// __getitem__, as CPython does; other dicts are copied directly.
bool kr_dict_is_plain(KrRun *r, KrValue v) {
    if (!kr_is_ptr(v) || !kr_isinstance(v, &kr_type_dict)) return false;
    const KrType *t = kr_typeof(v);
    if (!(t->flags & KR_TF_HEAP)) return true;
    static const KrStr iter_name = KR_STATIC_STR("__iter__");
    KrLookup lk;
    return !kr_type_lookup(r, t, (KrStr *)&iter_name, &lk) || lk.value == KR_NULL;
}

bool kr_dict_update(KrRun *r, KrDict *d, KrValue other) {
    if (kr_dict_is_plain(r, other))
        return dict_merge_dict(r, d, kr_as_dict(other));
    KrValue keysfn = kr_getattr_opt(r, other, (KrStr *)&dict_name_keys);
    if (keysfn == KR_EXC) return false;
    if (keysfn == KR_NULL) return dict_merge_pairs(r, d, other);
    kr_root_push(r, &keysfn);
    bool ok = dict_merge_mapping(r, d, other, keysfn);
    kr_root_pop(r, 1);
    return ok;
}

// Keyword arguments (values after the positionals) into d.
static bool dict_update_kw(KrRun *r, KrDict *d, const KrValue *values, KrValue kwnames) {
    if (kwnames == KR_NULL) return true;
    const KrTuple *names = kr_as_tuple(kwnames);
    for (size_t i = 0; i < names->len; i++)
        if (!kr_dict_set(r, d, names->items[i], values[i])) return false;
    return true;
}

// ---- type slots ---------------------------------------------------------------------------

static bool dict_is(KrValue v) { return kr_is_ptr(v) && kr_isinstance(v, &kr_type_dict); }

static void dict_trace(KrRun *r, KrObj *o) {
    KrDict *d = (KrDict *)o;
    for (size_t i = 0; i < d->nentries; i++) {
        kr_gc_mark(r, d->entries[i].key);
        kr_gc_mark(r, d->entries[i].value);
    }
}

static void dict_finalize(KrRun *r, KrObj *o) { dict_free_table(r, (KrDict *)o); }

// dict.__init__: update from one optional positional and the keywords.
static bool dict_init(KrRun *r, KrDict *d, size_t argc, const KrValue *args, KrValue kwnames) {
    if (argc > 1) {
        kr_raise(r, &kr_exc_TypeError, "dict expected at most 1 argument, got %zu", argc);
        return false;
    }
    if (argc == 1 && !kr_dict_update(r, d, args[0])) return false;
    return dict_update_kw(r, d, argc ? args + argc : args, kwnames); // args may be NULL when argc is 0
}

// dict(...) makes and fills a dict; a subclass instance starts empty and
// is filled by __init__ (CPython's tp_new / tp_init split).
static KrValue dict_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                              KrValue kwnames) {
    KrDict *d = dict_alloc(r, t);
    if (!d) return KR_EXC;
    KrValue dv = kr_from_obj(d);
    if (t != &kr_type_dict) return dv;
    kr_root_push(r, &dv);
    bool ok = dict_init(r, d, argc, args, kwnames);
    kr_root_pop(r, 1);
    return ok ? dv : KR_EXC;
}

static bool dict_repr_item(KrRun *r, KrBuf *b, KrValue v) {
    KrValue s = kr_repr(r, v);
    if (s == KR_EXC) return false;
    return kr_buf_append(b, kr_as_str(s)->data, kr_as_str(s)->nbytes) || dict_nomem(r);
}

static KrValue dict_repr(KrRun *r, KrValue v) {
    int rc = kr_repr_enter(r, v);
    if (rc != 0) return rc < 0 ? KR_EXC : kr_str_from_cstr(r, "{...}");
    KrDict *d = kr_as_dict(v);
    KrBuf b;
    char b_local[KR_BUF_LOCAL];
    kr_buf_init_local(&b, kr_run_allocator(r), b_local, sizeof b_local);
    KrValue key = KR_NULL, val = KR_NULL; // repr(key) may drop the entry
    kr_root_push(r, &key);
    kr_root_push(r, &val);
    bool ok = kr_buf_append_char(&b, '{') || dict_nomem(r);
    size_t pos = 0;
    while (ok && kr_dict_next(d, &pos, &key, &val)) {
        ok = kr_run_tick(r, 1) && (b.len == 1 || kr_buf_append(&b, ", ", 2) || dict_nomem(r)) &&
             dict_repr_item(r, &b, key) && (kr_buf_append(&b, ": ", 2) || dict_nomem(r)) &&
             dict_repr_item(r, &b, val);
    }
    ok = ok && (kr_buf_append_char(&b, '}') || dict_nomem(r));
    kr_root_pop(r, 2);
    kr_repr_leave(r, v);
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

// 1 equal, 0 not, -1 error: same keys, values equal (CPython's dict_equal).
static int dict_equal(KrRun *r, KrDict *a, KrDict *b) {
    if (a->used != b->used) return 0;
    KrValue key = KR_NULL, av = KR_NULL, bv = KR_NULL;
    kr_root_push(r, &key);
    kr_root_push(r, &av);
    kr_root_push(r, &bv);
    int res = 1;
    for (size_t i = 0; res == 1 && i < a->nentries; i++) {
        if (a->entries[i].key == KR_NULL) continue;
        key = a->entries[i].key;
        av = a->entries[i].value;
        ptrdiff_t ix = dict_lookup(r, b, key, a->entries[i].hash);
        if (ix < 0) {
            res = ix == DICT_MISSING ? 0 : -1;
        } else {
            bv = b->entries[ix].value;
            res = kr_run_tick(r, 1) ? kr_eq(r, av, bv) : -1;
        }
    }
    kr_root_pop(r, 3);
    return res;
}

static KrValue dict_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    if ((op != KR_CMP_EQ && op != KR_CMP_NE) || !dict_is(a) || !dict_is(b)) return KR_NOTIMPL;
    int eq = dict_equal(r, kr_as_dict(a), kr_as_dict(b));
    if (eq < 0) return KR_EXC;
    return kr_bool(op == KR_CMP_EQ ? eq : !eq);
}

static KrValue dict_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    if (op != KR_BIN_OR || !dict_is(a) || !dict_is(b)) return KR_NOTIMPL;
    KrValue res = kr_dict_copy(r, kr_as_dict(a));
    if (res == KR_EXC) return KR_EXC;
    kr_root_push(r, &res);
    bool ok = kr_dict_update(r, kr_as_dict(res), b);
    kr_root_pop(r, 1);
    return ok ? res : KR_EXC;
}

static KrValue dict_inplace(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    if (op != KR_BIN_OR || !dict_is(a)) return KR_NOTIMPL;
    return kr_dict_update(r, kr_as_dict(a), b) ? a : KR_EXC;
}

static bool dict_len(KrRun *r, KrValue v, size_t *out) {
    (void)r;
    *out = kr_as_dict(v)->used;
    return true;
}

// A subclass's __missing__(key), or KR_NULL when it has none; looked up on
// the class, so an instance attribute of that name is ignored.
static KrValue dict_missing(KrRun *r, KrValue o, KrValue key) {
    return kr_call_dunder(r, o, "__missing__", 1, &key);
}

static KrValue dict_getitem(KrRun *r, KrValue o, KrValue key) {
    KrValue v;
    int rc = kr_dict_get(r, kr_as_dict(o), key, &v);
    if (rc > 0) return v;
    if (rc < 0) return KR_EXC;
    if (kr_as_obj(o)->type != &kr_type_dict) {
        v = dict_missing(r, o, key);
        if (v != KR_NULL) return v;
    }
    return kr_raise_with_arg(r, &kr_exc_KeyError, key);
}

static KrValue dict_setitem(KrRun *r, KrValue o, KrValue key, KrValue v) {
    KrDict *d = kr_as_dict(o);
    if (v != KR_NULL) return kr_dict_set(r, d, key, v) ? KR_NONE : KR_EXC;
    int rc = kr_dict_del(r, d, key);
    if (rc < 0) return KR_EXC;
    return rc ? KR_NONE : kr_raise_with_arg(r, &kr_exc_KeyError, key);
}

static int dict_contains(KrRun *r, KrValue o, KrValue key) {
    KrValue v;
    return kr_dict_get(r, kr_as_dict(o), key, &v);
}

// ---- iterators ---------------------------------------------------------------------------
// CPython's checks: a size change raises (and keeps raising); a key seen
// after as many items as the dict had raises "keys changed".

typedef struct KrDictIter {
    KrObj ob;
    KrValue dict; // KR_NULL once exhausted
    size_t pos;   // next entry; for reverse iterators, one past it
    size_t used;  // the dict's size at creation; SIZE_MAX after a size change
    size_t len;   // items left
} KrDictIter;

enum { DICTITER_KEYS, DICTITER_VALUES, DICTITER_ITEMS };

// extern: run snapshots name them (runsnap.c)
extern const KrType kr_type_dict_keyiterator, kr_type_dict_valueiterator, kr_type_dict_itemiterator,
    kr_type_dict_revkeyiterator, kr_type_dict_revvalueiterator, kr_type_dict_revitemiterator;

static KrValue dictiter_new(KrRun *r, const KrType *t, KrDict *d, bool reverse) {
    KrDictIter *it = kr_gc_alloc(r, t, sizeof(KrDictIter));
    if (!it) return KR_EXC;
    it->dict = kr_from_obj(d);
    it->pos = reverse ? d->nentries : 0;
    it->used = d->used;
    it->len = d->used;
    return kr_from_obj(it);
}

static void dictiter_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((KrDictIter *)o)->dict); }

static KrValue dictiter_self(KrRun *r, KrValue v) {
    (void)r;
    return v;
}

static KrValue dictiter_yield(KrRun *r, const KrDictEntry *e, int kind) {
    if (kind == DICTITER_KEYS) return e->key;
    if (kind == DICTITER_VALUES) return e->value;
    return kr_tuple_pack2(r, e->key, e->value);
}

// The dict to iterate, KR_NULL when done, KR_EXC after a size change.
static KrValue dictiter_check(KrRun *r, KrDictIter *it) {
    if (it->dict == KR_NULL) return KR_NULL;
    if (it->used != kr_as_dict(it->dict)->used) {
        it->used = SIZE_MAX;
        return kr_raise(r, &kr_exc_RuntimeError, "dictionary changed size during iteration");
    }
    return it->dict;
}

static KrValue dictiter_step(KrRun *r, KrValue self, int kind) {
    KrDictIter *it = (KrDictIter *)kr_as_obj(self);
    KrValue dv = dictiter_check(r, it);
    if (dv == KR_NULL) return KR_STOP;
    if (dv == KR_EXC) return KR_EXC;
    KrDict *d = kr_as_dict(dv);
    size_t i = it->pos;
    while (i < d->nentries && d->entries[i].key == KR_NULL) i++;
    if (i >= d->nentries || it->len == 0) {
        it->dict = KR_NULL;
        if (i >= d->nentries) return KR_STOP;
        return kr_raise(r, &kr_exc_RuntimeError, "dictionary keys changed during iteration");
    }
    it->pos = i + 1;
    it->len--;
    return dictiter_yield(r, &d->entries[i], kind);
}

static KrValue dictiter_revstep(KrRun *r, KrValue self, int kind) {
    KrDictIter *it = (KrDictIter *)kr_as_obj(self);
    KrValue dv = dictiter_check(r, it);
    if (dv == KR_NULL) return KR_STOP;
    if (dv == KR_EXC) return KR_EXC;
    KrDict *d = kr_as_dict(dv);
    size_t i = it->pos < d->nentries ? it->pos : d->nentries;
    while (i > 0 && d->entries[i - 1].key == KR_NULL) i--;
    if (i == 0) {
        it->dict = KR_NULL;
        return KR_STOP;
    }
    it->pos = i - 1;
    if (it->len) it->len--;
    return dictiter_yield(r, &d->entries[i - 1], kind);
}

static KrValue dictiter_next_keys(KrRun *r, KrValue v) { return dictiter_step(r, v, DICTITER_KEYS); }
static KrValue dictiter_next_values(KrRun *r, KrValue v) {
    return dictiter_step(r, v, DICTITER_VALUES);
}
static KrValue dictiter_next_items(KrRun *r, KrValue v) {
    return dictiter_step(r, v, DICTITER_ITEMS);
}
static KrValue dictiter_rnext_keys(KrRun *r, KrValue v) {
    return dictiter_revstep(r, v, DICTITER_KEYS);
}
static KrValue dictiter_rnext_values(KrRun *r, KrValue v) {
    return dictiter_revstep(r, v, DICTITER_VALUES);
}
static KrValue dictiter_rnext_items(KrRun *r, KrValue v) {
    return dictiter_revstep(r, v, DICTITER_ITEMS);
}

static KrValue dictiter_length_hint(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                    KrValue kwnames) {
    (void)args;
    if (!kr_dict_check_args(r, "dict_keyiterator.__length_hint__", argc, kwnames, 0, 0))
        return KR_EXC;
    const KrDictIter *it = (const KrDictIter *)kr_as_obj(self);
    size_t n = it->dict != KR_NULL && it->used == kr_as_dict(it->dict)->used ? it->len : 0;
    return kr_from_small((int64_t)n);
}

static const KrMethodDef dictiter_methods[] = {
    {"__iter__", kr_iter_meth_iter, 0},
    {"__next__", kr_iter_meth_next, 0},
    {"__length_hint__", dictiter_length_hint, 0},
    {NULL, NULL, 0},
};

#define DICT_ITER_TYPE(cname, pyname, nextfn)                                     \
    const KrType cname = {                                                        \
        KR_STATIC_HEADER(&kr_type_type),                                          \
        .name = pyname,                                                           \
        .base = &kr_type_object,                                                  \
        .basic_size = sizeof(KrDictIter),                                         \
        .trace = dictiter_trace,                                                  \
        .repr = kr_iter_repr,                                                     \
        .iter = dictiter_self,                                                    \
        .next = nextfn,                                                           \
        .methods = dictiter_methods,                                              \
        .snap = &dictiter_snap,                                                   \
    }

DICT_ITER_TYPE(kr_type_dict_keyiterator, "dict_keyiterator", dictiter_next_keys);
DICT_ITER_TYPE(kr_type_dict_valueiterator, "dict_valueiterator", dictiter_next_values);
DICT_ITER_TYPE(kr_type_dict_itemiterator, "dict_itemiterator", dictiter_next_items);
DICT_ITER_TYPE(kr_type_dict_revkeyiterator, "dict_reversekeyiterator", dictiter_rnext_keys);
DICT_ITER_TYPE(kr_type_dict_revvalueiterator, "dict_reversevalueiterator", dictiter_rnext_values);
DICT_ITER_TYPE(kr_type_dict_revitemiterator, "dict_reverseitemiterator", dictiter_rnext_items);

static KrValue dict_iter(KrRun *r, KrValue o) {
    return dictiter_new(r, &kr_type_dict_keyiterator, kr_as_dict(o), false);
}

// ---- methods ---------------------------------------------------------------------------

#define DICT_SELF kr_as_dict(self)

static KrValue dict_m_get(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kwnames) {
    if (!kr_dict_check_args(r, "dict.get", argc, kwnames, 1, 2)) return KR_EXC;
    KrValue v;
    int rc = kr_dict_get(r, DICT_SELF, args[0], &v);
    if (rc < 0) return KR_EXC;
    return rc ? v : argc > 1 ? args[1] : KR_NONE;
}

static KrValue dict_m_setdefault(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                 KrValue kwnames) {
    if (!kr_dict_check_args(r, "dict.setdefault", argc, kwnames, 1, 2)) return KR_EXC;
    KrDict *d = DICT_SELF;
    int64_t hash;
    if (!kr_dict_quick_hash(r, args[0], &hash)) return KR_EXC;
    KrValue dflt = argc > 1 ? args[1] : KR_NONE;
    ptrdiff_t ix = dict_lookup(r, d, args[0], hash);
    if (ix == DICT_ERROR) return KR_EXC;
    if (ix >= 0) return d->entries[ix].value;
    return dict_append(r, d, args[0], hash, dflt) ? dflt : KR_EXC;
}

static KrValue dict_m_pop(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kwnames) {
    if (!kr_dict_check_args(r, "dict.pop", argc, kwnames, 1, 2)) return KR_EXC;
    KrValue v;
    int rc = kr_dict_pop(r, DICT_SELF, args[0], &v);
    if (rc < 0) return KR_EXC;
    if (rc) return v;
    return argc > 1 ? args[1] : kr_raise_with_arg(r, &kr_exc_KeyError, args[0]);
}

static KrValue dict_m_popitem(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                              KrValue kwnames) {
    (void)args;
    if (!kr_dict_check_args(r, "dict.popitem", argc, kwnames, 0, 0)) return KR_EXC;
    KrDict *d = DICT_SELF;
    if (d->used == 0) return kr_raise(r, &kr_exc_KeyError, "popitem(): dictionary is empty");
    size_t i = d->nentries;
    while (d->entries[i - 1].key == KR_NULL) i--;
    KrDictEntry *e = &d->entries[i - 1];
    KrValue pair = kr_tuple_pack2(r, e->key, e->value);
    if (pair == KR_EXC) return KR_EXC;
    dict_remove_at(d, i - 1);
    d->nentries = i - 1; // the trailing holes go (usable is not given back)
    return pair;
}

static KrValue dict_m_clear(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                            KrValue kwnames) {
    (void)args;
    if (!kr_dict_check_args(r, "dict.clear", argc, kwnames, 0, 0)) return KR_EXC;
    KrDict *d = DICT_SELF;
    dict_free_table(r, d);
    d->used = 0;
    d->version++;
    d->tables++;
    return KR_NONE;
}

static KrValue dict_m_copy(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                           KrValue kwnames) {
    (void)args;
    if (!kr_dict_check_args(r, "dict.copy", argc, kwnames, 0, 0)) return KR_EXC;
    return kr_dict_copy(r, DICT_SELF);
}

static KrValue dict_m_update(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                             KrValue kwnames) {
    if (argc > 1)
        return kr_raise(r, &kr_exc_TypeError, "update expected at most 1 argument, got %zu", argc);
    KrDict *d = DICT_SELF;
    if (argc == 1 && !kr_dict_update(r, d, args[0])) return KR_EXC;
    return dict_update_kw(r, d, args + argc, kwnames) ? KR_NONE : KR_EXC;
}

static KrValue dict_m_init(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                           KrValue kwnames) {
    return dict_init(r, DICT_SELF, argc, args, kwnames) ? KR_NONE : KR_EXC;
}

// dict.fromkeys of an exact dict or set into an empty dict: the hashes are
// known and the keys distinct.
static bool dict_fromkeys_known(KrRun *r, KrDict *d, KrValue iterable, KrValue value) {
    if (kr_is_type(iterable, &kr_type_dict)) {
        KrDict *src = kr_as_dict(iterable);
        if (!dict_reserve(r, d, src->used)) return false;
        for (size_t i = 0; i < src->nentries; i++) {
            const KrDictEntry *e = &src->entries[i];
            if (e->key != KR_NULL && !dict_append(r, d, e->key, e->hash, value)) return false;
        }
        return true;
    }
    KrSet *s = (KrSet *)kr_as_obj(iterable);
    if (!dict_reserve(r, d, s->used)) return false;
    for (size_t i = 0; i <= s->mask; i++) {
        const KrSetEntry *e = &s->table[i];
        if (e->key != KR_NULL && e->key != KR_STOP && !dict_append(r, d, e->key, e->hash, value))
            return false;
    }
    return true;
}

// Fills d (a fresh instance of cls) with keys from iterable.
static bool dict_fromkeys_fill(KrRun *r, KrValue d, KrValue iterable, KrValue value) {
    bool exact = kr_is_type(d, &kr_type_dict);
    if (exact && kr_as_dict(d)->used == 0 &&
        (kr_is_type(iterable, &kr_type_dict) || kr_is_type(iterable, &kr_type_set) ||
         kr_is_type(iterable, &kr_type_frozenset)))
        return dict_fromkeys_known(r, kr_as_dict(d), iterable, value);
    KrValue it = KR_NULL, key = KR_NULL;
    kr_root_push(r, &it);
    kr_root_push(r, &key);
    bool ok = false;
    if ((it = kr_iter(r, iterable)) == KR_EXC) goto done;
    for (;;) {
        key = dict_next_ticked(r, it);
        if (key == KR_STOP) break;
        if (key == KR_EXC) goto done;
        if (exact ? !kr_dict_set(r, kr_as_dict(d), key, value)
                  : kr_setitem(r, d, key, value) == KR_EXC)
            goto done;
    }
    ok = true;
done:
    kr_root_pop(r, 2);
    return ok;
}

static KrValue dict_m_fromkeys(KrRun *r, KrValue cls, size_t argc, const KrValue *args,
                               KrValue kwnames) {
    if (!kr_dict_check_args(r, "dict.fromkeys", argc, kwnames, 1, 2)) return KR_EXC;
    KrValue value = argc > 1 ? args[1] : KR_NONE;
    KrValue d = cls == kr_from_obj(&kr_type_dict) ? kr_dict_new(r) : kr_call0(r, cls);
    if (d == KR_EXC) return KR_EXC;
    kr_root_push(r, &d);
    bool ok = dict_fromkeys_fill(r, d, args[0], value);
    kr_root_pop(r, 1);
    return ok ? d : KR_EXC;
}

static KrValue dict_m_contains(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                               KrValue kwnames) {
    if (!kr_dict_check_args(r, "dict.__contains__", argc, kwnames, 1, 1)) return KR_EXC;
    int rc = dict_contains(r, self, args[0]);
    return rc < 0 ? KR_EXC : kr_bool(rc);
}

static KrValue dict_m_getitem(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                              KrValue kwnames) {
    if (!kr_dict_check_args(r, "dict.__getitem__", argc, kwnames, 1, 1)) return KR_EXC;
    return dict_getitem(r, self, args[0]);
}

static KrValue dict_m_setitem(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                              KrValue kwnames) {
    if (!kr_dict_check_args(r, "__setitem__", argc, kwnames, 2, 2)) return KR_EXC;
    return dict_setitem(r, self, args[0], args[1]);
}

static KrValue dict_m_delitem(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                              KrValue kwnames) {
    if (!kr_dict_check_args(r, "__delitem__", argc, kwnames, 1, 1)) return KR_EXC;
    return dict_setitem(r, self, args[0], KR_NULL);
}

static KrValue dict_m_len(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kwnames) {
    (void)args;
    if (!kr_dict_check_args(r, "__len__", argc, kwnames, 0, 0)) return KR_EXC;
    return kr_from_small((int64_t)DICT_SELF->used);
}

static KrValue dict_m_iter(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                           KrValue kwnames) {
    (void)args;
    if (!kr_dict_check_args(r, "__iter__", argc, kwnames, 0, 0)) return KR_EXC;
    return dict_iter(r, self);
}

static KrValue dict_m_reversed(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                               KrValue kwnames) {
    (void)args;
    if (!kr_dict_check_args(r, "dict.__reversed__", argc, kwnames, 0, 0)) return KR_EXC;
    return dictiter_new(r, &kr_type_dict_revkeyiterator, DICT_SELF, true);
}

// ---- views ---------------------------------------------------------------------------------

typedef struct KrDictView {
    KrObj ob;
    KrValue dict;
} KrDictView;

static KrValue dictview_new(KrRun *r, const KrType *t, KrValue d) {
    KrDictView *v = kr_gc_alloc(r, t, sizeof(KrDictView));
    if (!v) return KR_EXC;
    v->dict = d;
    return kr_from_obj(v);
}

static KrDict *dictview_dict(KrValue v) { return kr_as_dict(((KrDictView *)kr_as_obj(v))->dict); }

static KrValue dict_view_method(KrRun *r, KrValue self, size_t argc, KrValue kwnames,
                                const char *qualname, const KrType *t) {
    if (!kr_dict_check_args(r, qualname, argc, kwnames, 0, 0)) return KR_EXC;
    return dictview_new(r, t, self);
}

static KrValue dict_m_keys(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                           KrValue kwnames) {
    (void)args;
    return dict_view_method(r, self, argc, kwnames, "dict.keys", &kr_type_dict_keys);
}

static KrValue dict_m_values(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                             KrValue kwnames) {
    (void)args;
    return dict_view_method(r, self, argc, kwnames, "dict.values", &kr_type_dict_values);
}

static KrValue dict_m_items(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                            KrValue kwnames) {
    (void)args;
    return dict_view_method(r, self, argc, kwnames, "dict.items", &kr_type_dict_items);
}

static void dictview_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((KrDictView *)o)->dict); }

static bool dictview_len(KrRun *r, KrValue v, size_t *out) {
    (void)r;
    *out = dictview_dict(v)->used;
    return true;
}

static KrValue dictview_iter(KrRun *r, KrValue v) {
    const KrType *t = kr_as_obj(v)->type;
    const KrType *it = t == &kr_type_dict_keys     ? &kr_type_dict_keyiterator
                       : t == &kr_type_dict_values ? &kr_type_dict_valueiterator
                                                   : &kr_type_dict_itemiterator;
    return dictiter_new(r, it, dictview_dict(v), false);
}

static KrValue dictview_m_reversed(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                   KrValue kwnames) {
    (void)args;
    const KrType *t = kr_as_obj(self)->type;
    if (!kr_dict_check_args(r, t == &kr_type_dict_keys     ? "dict_keys.__reversed__"
                               : t == &kr_type_dict_values ? "dict_values.__reversed__"
                                                           : "dict_items.__reversed__",
                            argc, kwnames, 0, 0))
        return KR_EXC;
    const KrType *it = t == &kr_type_dict_keys     ? &kr_type_dict_revkeyiterator
                       : t == &kr_type_dict_values ? &kr_type_dict_revvalueiterator
                                                   : &kr_type_dict_revitemiterator;
    return dictiter_new(r, it, dictview_dict(self), true);
}

// dict_keys([...]): the repr of a list of the contents; "..." when the view
// is already being repr'd further up.
static KrValue dictview_repr(KrRun *r, KrValue v) {
    int rc = kr_repr_enter(r, v);
    if (rc != 0) return rc < 0 ? KR_EXC : kr_str_from_cstr(r, "...");
    KrValue list = kr_list_from_iter(r, v), s = KR_EXC;
    if (list != KR_EXC) {
        kr_root_push(r, &list);
        s = kr_repr(r, list);
        kr_root_pop(r, 1);
    }
    kr_repr_leave(r, v);
    if (s == KR_EXC) return KR_EXC;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "%s(", kr_as_obj(v)->type->name) &&
              kr_buf_append(&b, kr_as_str(s)->data, kr_as_str(s)->nbytes) &&
              kr_buf_append_char(&b, ')');
    KrValue res = ok ? kr_str_from_buf(r, &b) : (dict_nomem(r), KR_EXC);
    kr_buf_free(&b);
    return res;
}

static int dictkeys_contains(KrRun *r, KrValue view, KrValue x) {
    KrValue v;
    return kr_dict_get(r, dictview_dict(view), x, &v);
}

// (k, v) in d.items(): k is a key whose value equals v.
static int dictitems_contains(KrRun *r, KrValue view, KrValue x) {
    if (!kr_is_ptr(x) || !kr_isinstance(x, &kr_type_tuple) || kr_as_tuple(x)->len != 2) return 0;
    KrValue found;
    int rc = kr_dict_get(r, dictview_dict(view), kr_as_tuple(x)->items[0], &found);
    if (rc <= 0) return rc;
    kr_root_push(r, &found);
    rc = kr_eq(r, found, kr_as_tuple(x)->items[1]);
    kr_root_pop(r, 1);
    return rc;
}

// x in d.values(): a scan with the iterator's mutation checks.
static int dictvalues_contains(KrRun *r, KrValue view, KrValue x) {
    KrValue it = dictview_iter(r, view), v = KR_NULL;
    if (it == KR_EXC) return -1;
    kr_root_push(r, &it);
    kr_root_push(r, &v);
    int rc = 0;
    while (rc == 0) {
        v = kr_run_tick(r, 1) ? dictiter_next_values(r, it) : KR_EXC;
        if (v == KR_STOP) break;
        rc = v == KR_EXC ? -1 : kr_eq(r, v, x);
    }
    kr_root_pop(r, 2);
    return rc;
}

static bool dictview_is_setlike(KrValue v) {
    return kr_is_type(v, &kr_type_dict_keys) || kr_is_type(v, &kr_type_dict_items);
}

// Every item of a is in b (1), or not (0), or -1 on error.
static int dictview_all_in(KrRun *r, KrValue a, KrValue b) {
    KrValue it = kr_iter(r, a), x = KR_NULL;
    if (it == KR_EXC) return -1;
    kr_root_push(r, &it);
    kr_root_push(r, &x);
    int rc = 1;
    while (rc == 1) {
        x = dict_next_ticked(r, it);
        if (x == KR_STOP) break;
        rc = x == KR_EXC ? -1 : kr_contains(r, b, x);
    }
    kr_root_pop(r, 2);
    return rc;
}

static KrValue dictview_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    if (!dictview_is_setlike(a) || (!kr_is_anyset(b) && !dictview_is_setlike(b)))
        return KR_NOTIMPL;
    size_t la, lb;
    if (!kr_len(r, a, &la) || !kr_len(r, b, &lb)) return KR_EXC;
    int ok = 0;
    switch (op) {
    case KR_CMP_EQ:
    case KR_CMP_NE:
        if (la == lb) ok = dictview_all_in(r, a, b);
        if (op == KR_CMP_NE && ok >= 0) ok = !ok;
        break;
    case KR_CMP_LT: ok = la < lb ? dictview_all_in(r, a, b) : 0; break;
    case KR_CMP_LE: ok = la <= lb ? dictview_all_in(r, a, b) : 0; break;
    case KR_CMP_GT: ok = la > lb ? dictview_all_in(r, b, a) : 0; break;
    case KR_CMP_GE: ok = la >= lb ? dictview_all_in(r, b, a) : 0; break;
    }
    return ok < 0 ? KR_EXC : kr_bool(ok);
}

// A new set of v's contents; the keys of an exact dict go through the
// dict fast path of set(), as CPython's dictviews_to_set does.
static KrValue dictview_to_set(KrRun *r, KrValue v) {
    KrValue src = v;
    if (kr_is_type(v, &kr_type_dict_keys)) {
        KrValue d = ((KrDictView *)kr_as_obj(v))->dict;
        if (kr_is_type(d, &kr_type_dict)) src = d;
    }
    return kr_set_new_from(r, &kr_type_set, src);
}

// The set algebra with a view on either side: start from a set of the left
// operand, then apply the right one in place.
static KrValue dictview_setop(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    KrValue res = dictview_to_set(r, a);
    if (res == KR_EXC) return KR_EXC;
    kr_root_push(r, &res);
    KrSet *s = (KrSet *)kr_as_obj(res);
    bool ok = op == KR_BIN_OR    ? kr_set_update(r, s, b)
              : op == KR_BIN_SUB ? kr_set_difference_update(r, s, b)
                                 : kr_set_symmetric_difference_update(r, s, b);
    kr_root_pop(r, 1);
    return ok ? res : KR_EXC;
}

static int dictview_contains_any(KrRun *r, KrValue view, KrValue x) {
    return kr_is_type(view, &kr_type_dict_keys) ? dictkeys_contains(r, view, x)
                                                : dictitems_contains(r, view, x);
}

// view & other (CPython's _PyDictView_Intersect): reuse set.intersection
// when other is a bigger set, else scan the smaller side.
static KrValue dictview_and(KrRun *r, KrValue a, KrValue b) {
    if (!dictview_is_setlike(a)) {
        KrValue t = a;
        a = b;
        b = t;
    }
    size_t la = dictview_dict(a)->used;
    if (kr_is_type(b, &kr_type_set) && la <= ((KrSet *)kr_as_obj(b))->used)
        return kr_set_intersection(r, (KrSet *)kr_as_obj(b), a);
    if (dictview_is_setlike(b) && dictview_dict(b)->used > la) {
        KrValue t = a;
        a = b;
        b = t;
    }
    KrValue res = kr_set_new(r, &kr_type_set), it = KR_NULL, x = KR_NULL;
    if (res == KR_EXC) return KR_EXC;
    kr_root_push(r, &res);
    kr_root_push(r, &it);
    kr_root_push(r, &x);
    bool ok = false;
    if ((it = kr_iter(r, b)) == KR_EXC) goto done;
    for (;;) {
        x = dict_next_ticked(r, it);
        if (x == KR_STOP) break;
        if (x == KR_EXC) goto done;
        int rc = dictview_contains_any(r, a, x);
        if (rc < 0 || (rc && !kr_set_add(r, (KrSet *)kr_as_obj(res), x))) goto done;
    }
    ok = true;
done:
    kr_root_pop(r, 3);
    return ok ? res : KR_EXC;
}

// items ^ items (CPython's dictitems_xor): pairs of b not matched in a,
// then what is left of a copy of a.
static bool dictitems_xor_fill(KrRun *r, KrValue res, KrValue tmp, KrDict *b) {
    KrValue key = KR_NULL, bv = KR_NULL, av = KR_NULL, pair = KR_NULL;
    kr_root_push(r, &key);
    kr_root_push(r, &bv);
    kr_root_push(r, &av);
    kr_root_push(r, &pair);
    bool ok = false;
    for (size_t pos = 0; kr_dict_next(b, &pos, &key, &bv);) {
        int64_t hash = b->entries[pos - 1].hash;
        int rc = kr_run_tick(r, 1) ? kr_dict_get_hashed(r, kr_as_dict(tmp), key, hash, &av) : -1;
        if (rc > 0) rc = kr_eq(r, av, bv);
        if (rc < 0) goto done;
        if (rc) {
            if (dict_pop_hashed(r, kr_as_dict(tmp), key, hash, NULL) < 0) goto done;
        } else {
            pair = kr_tuple_pack2(r, key, bv);
            if (pair == KR_EXC || !kr_set_add(r, (KrSet *)kr_as_obj(res), pair)) goto done;
        }
    }
    ok = true;
done:
    kr_root_pop(r, 4);
    return ok;
}

static KrValue dictitems_xor(KrRun *r, KrValue a, KrValue b) {
    KrValue tmp = kr_dict_copy(r, dictview_dict(a)), res = KR_NULL, rest = KR_NULL;
    if (tmp == KR_EXC) return KR_EXC;
    kr_root_push(r, &tmp);
    kr_root_push(r, &res);
    kr_root_push(r, &rest);
    bool ok = (res = kr_set_new(r, &kr_type_set)) != KR_EXC &&
              dictitems_xor_fill(r, res, tmp, dictview_dict(b)) &&
              (rest = dictview_new(r, &kr_type_dict_items, tmp)) != KR_EXC &&
              kr_set_update(r, (KrSet *)kr_as_obj(res), rest);
    kr_root_pop(r, 3);
    return ok ? res : KR_EXC;
}

static KrValue dictview_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    switch (op) {
    case KR_BIN_AND: return dictview_and(r, a, b);
    case KR_BIN_XOR:
        if (kr_is_type(a, &kr_type_dict_items) && kr_is_type(b, &kr_type_dict_items))
            return dictitems_xor(r, a, b);
        return dictview_setop(r, a, b, op);
    case KR_BIN_OR:
    case KR_BIN_SUB: return dictview_setop(r, a, b, op);
    default: return KR_NOTIMPL;
    }
}

static KrValue dictview_m_isdisjoint(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                     KrValue kwnames) {
    const char *name = kr_is_type(self, &kr_type_dict_keys) ? "dict_keys.isdisjoint"
                                                            : "dict_items.isdisjoint";
    if (!kr_dict_check_args(r, name, argc, kwnames, 1, 1)) return KR_EXC;
    KrValue a = self, b = args[0];
    size_t la = dictview_dict(self)->used, lb;
    if (a == b) return kr_bool(la == 0);
    if (kr_is_anyset(b) || dictview_is_setlike(b)) { // scan the smaller side
        if (!kr_len(r, b, &lb)) return KR_EXC;
        if (lb > la) {
            a = b;
            b = self;
        }
    }
    KrValue it = kr_iter(r, b), x = KR_NULL;
    if (it == KR_EXC) return KR_EXC;
    kr_root_push(r, &it);
    kr_root_push(r, &x);
    int rc = 0;
    while (rc == 0) {
        x = dict_next_ticked(r, it);
        if (x == KR_STOP) break;
        rc = x == KR_EXC ? -1 : kr_contains(r, a, x);
    }
    kr_root_pop(r, 2);
    return rc < 0 ? KR_EXC : kr_bool(rc == 0);
}

static const KrMethodDef dictkeys_methods[] = {
    {"isdisjoint", dictview_m_isdisjoint, 0},
    {"__reversed__", dictview_m_reversed, 0},
    {NULL, NULL, 0},
};

// view.mapping: a read-only proxy of the viewed dict
static KrValue dictview_get_mapping(KrRun *r, KrValue self) {
    return kr_mappingproxy_new(r, ((KrDictView *)kr_as_obj(self))->dict);
}

static const KrGetSetDef dictview_getsets[] = {
    {"mapping", dictview_get_mapping},
    {NULL, NULL},
};

static const KrMethodDef dictvalues_methods[] = {
    {"__reversed__", dictview_m_reversed, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_dict_keys = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "dict_keys",
    .base = &kr_type_object,
    .basic_size = sizeof(KrDictView),
    .trace = dictview_trace,
    .repr = dictview_repr,
    .compare = dictview_compare,
    .binary = dictview_binary,
    .len = dictview_len,
    .contains = dictkeys_contains,
    .iter = dictview_iter,
    .methods = dictkeys_methods,
    .getsets = dictview_getsets,
    .snap = &dictview_snap,
};

const KrType kr_type_dict_values = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "dict_values",
    .base = &kr_type_object,
    .basic_size = sizeof(KrDictView),
    .trace = dictview_trace,
    .repr = dictview_repr,
    .hash = kr_identity_hash, // values views are not set-like: hashed by identity, as in CPython
    .len = dictview_len,
    .contains = dictvalues_contains,
    .iter = dictview_iter,
    .methods = dictvalues_methods,
    .getsets = dictview_getsets,
    .snap = &dictview_snap,
};

const KrType kr_type_dict_items = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "dict_items",
    .base = &kr_type_object,
    .basic_size = sizeof(KrDictView),
    .trace = dictview_trace,
    .repr = dictview_repr,
    .compare = dictview_compare,
    .binary = dictview_binary,
    .len = dictview_len,
    .contains = dictitems_contains,
    .iter = dictview_iter,
    .methods = dictkeys_methods,
    .getsets = dictview_getsets,
    .snap = &dictview_snap,
};

// ---- the dict type ------------------------------------------------------------------------

static const KrMethodDef dict_methods[] = {
    {"__contains__", dict_m_contains, 0},
    {"__getitem__", dict_m_getitem, 0},
    {"__setitem__", dict_m_setitem, 0},
    {"__delitem__", dict_m_delitem, 0},
    {"__len__", dict_m_len, 0},
    {"__iter__", dict_m_iter, 0},
    {"__init__", dict_m_init, 0},
    {"__reversed__", dict_m_reversed, 0},
    {"get", dict_m_get, 0},
    {"setdefault", dict_m_setdefault, 0},
    {"pop", dict_m_pop, 0},
    {"popitem", dict_m_popitem, 0},
    {"keys", dict_m_keys, 0},
    {"items", dict_m_items, 0},
    {"values", dict_m_values, 0},
    {"update", dict_m_update, 0},
    {"fromkeys", dict_m_fromkeys, KR_METH_CLASS},
    {"clear", dict_m_clear, 0},
    {"copy", dict_m_copy, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_dict = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "dict",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrDict),
    .trace = dict_trace,
    .finalize = dict_finalize,
    .construct = dict_construct,
    .repr = dict_repr,
    .compare = dict_compare,
    .binary = dict_binary,
    .inplace = dict_inplace,
    .len = dict_len,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains,
    .iter = dict_iter,
    .methods = dict_methods,
    .snap = &dict_snap,
};

// ---- run snapshots ----------------------------------------------------------------------------
// A dict is its live entries in order (holes squeezed out; iterators'
// positions are mapped to match). The table is rebuilt from the keys'
// hashes: computed again for str, int, float, bool and bytes keys, stored
// (as -1 is never a hash, it marks "not stored yet") for the others,
// whose __hash__ must not run during a load.

static size_t dict_live_before(const KrDict *d, size_t pos) {
    size_t n = 0;
    for (size_t i = 0; i < pos && i < d->nentries; i++) n += d->entries[i].key != KR_NULL;
    return n;
}

static bool dict_snap_write(KrRsWriter *w, const KrObj *o) {
    const KrDict *d = (const KrDict *)o;
    KrSnapWriter *out = kr_rs_out(w);
    size_t nstored = 0;
    int64_t h;
    kr_snap_put_uvar(out, d->used);
    for (size_t i = 0; i < d->nentries; i++) {
        const KrDictEntry *e = &d->entries[i];
        if (e->key == KR_NULL) continue;
        kr_rs_put_value(w, e->key);
        kr_rs_put_value(w, e->value);
        nstored += !kr_rs_native_hash(e->key, &h);
    }
    kr_snap_put_uvar(out, nstored);
    size_t k = 0, prev = 0;
    for (size_t i = 0; i < d->nentries; i++) {
        const KrDictEntry *e = &d->entries[i];
        if (e->key == KR_NULL) continue;
        if (!kr_rs_native_hash(e->key, &h)) {
            kr_snap_put_uvar(out, k - prev);
            kr_snap_put_svar(out, e->hash);
            prev = k;
        }
        k++;
    }
    return true;
}

static bool dict_snap_hashes(KrRsReader *rd, KrDict *d) {
    KrSnapReader *in = kr_rs_in(rd);
    size_t nstored = kr_rs_get_count(rd, 2, d->nentries), k = 0;
    for (size_t i = 0; i < nstored && kr_snap_ok(in); i++) {
        k += kr_snap_get_uvar(in);
        int64_t h = kr_snap_get_svar(in);
        if (k >= d->nentries || h == -1 || d->entries[k].hash != -1) return kr_rs_fail(rd, "bad stored dict hash");
        d->entries[k].hash = h;
    }
    return kr_snap_ok(in);
}

static KrObj *dict_snap_read(KrRsReader *rd, const KrType *t) {
    size_t n = kr_rs_get_count(rd, 2, DICT_MAXSIZE / 2);
    if (!kr_snap_ok(kr_rs_in(rd))) return NULL;
    KrDict *d = kr_rs_alloc(rd, t, sizeof(KrDict));
    if (!d) return NULL;
    memset((char *)d + sizeof(KrObj), 0, sizeof(KrDict) - sizeof(KrObj));
    if (n && !dict_rebuild(kr_rs_run(rd), d, dict_size_for(n))) {
        kr_clear_exc(kr_rs_run(rd));
        return kr_rs_fail(rd, "out of memory"), NULL;
    }
    for (size_t i = 0; i < n; i++) {
        KrDictEntry *e = &d->entries[i];
        e->hash = -1;
        e->key = e->value = KR_NONE;
        d->nentries = d->used = i + 1; // freeable (and traceable) as it fills
        d->usable--;
        if (!kr_rs_get_value(rd, &e->key, KR_RS_ANY, NULL) || !kr_rs_get_value(rd, &e->value, KR_RS_ANY, NULL))
            return NULL;
    }
    return dict_snap_hashes(rd, d) ? &d->ob : NULL;
}

// Stage 0: the index, from the hashes (no key is compared).
static bool dict_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    KrDict *d = (KrDict *)o;
    if (stage != 0) return true;
    for (size_t i = 0; i < d->nentries; i++) {
        KrDictEntry *e = &d->entries[i];
        int64_t h;
        if (kr_rs_native_hash(e->key, &h)) e->hash = h;
        else if (e->hash == -1) return kr_rs_fail(rd, "a dict key without its hash");
        d->index[dict_free_slot(d->index, d->mask, e->hash)] = (int32_t)i;
    }
    return true;
}

static const KrSnapOps dict_snap = {NULL, dict_snap_write, dict_snap_read, dict_snap_finish};

// Iterators: their position counts live entries (the loaded dict has no holes).
static bool dictiter_snap_write(KrRsWriter *w, const KrObj *o) {
    const KrDictIter *it = (const KrDictIter *)o;
    size_t pos = it->dict == KR_NULL ? it->pos : dict_live_before(kr_as_dict(it->dict), it->pos);
    kr_snap_put_uvar(kr_rs_out(w), pos);
    return true;
}

static KrObj *dictiter_snap_read(KrRsReader *rd, const KrType *t) {
    uint64_t pos = kr_snap_get_uvar(kr_rs_in(rd));
    if (!kr_snap_ok(kr_rs_in(rd))) return NULL;
    KrDictIter *it = kr_rs_alloc(rd, t, sizeof(KrDictIter));
    if (!it) return NULL;
    memset((char *)it + sizeof(KrObj), 0, sizeof(KrDictIter) - sizeof(KrObj));
    it->pos = pos > SIZE_MAX / 2 ? SIZE_MAX / 2 : (size_t)pos;
    return &it->ob;
}

static const KrRsField dictiter_fields[] = {
    KR_RS_FIELD(KrDictIter, dict, KR_RSF_VALUE, KR_RS_SUB | KR_RS_NULL, &kr_type_dict),
    KR_RS_SCALAR(KrDictIter, used, KR_RSF_SIZE),
    KR_RS_SCALAR(KrDictIter, len, KR_RSF_SIZE),
    KR_RS_END,
};

static const KrSnapOps dictiter_snap = {dictiter_fields, dictiter_snap_write, dictiter_snap_read, NULL};

static const KrRsField dictview_fields[] = {
    KR_RS_FIELD(KrDictView, dict, KR_RSF_VALUE, KR_RS_SUB, &kr_type_dict),
    KR_RS_END,
};

static const KrSnapOps dictview_snap = {dictview_fields, NULL, NULL, NULL};
