// set.c: set and frozenset. Open addressing laid out exactly as CPython
// 3.11 lays out its sets (table sizes, growth, linear probes then perturbed
// jumps, dummies for deletions, and the order in which each operation
// builds its result), because iteration order is table order and programs
// print sets. Keys that are str, small int, float or a singleton compare
// without calling out; other keys use kr_eq, and a probe restarts when the
// comparison changed the table.
#include "../types.h"
#include "../runsnap.h"

static const KrSnapOps set_snap, setiter_snap;

#define SET_LINEAR_PROBES 9
#define SET_SHIFT 5
#define SET_DUMMY KR_STOP
#define SET_MAXSIZE ((size_t)1 << 40)

// Results of set_lookup besides a slot number.
#define SET_MISSING ((ptrdiff_t)-1)
#define SET_ERROR ((ptrdiff_t)-2)

static bool set_nomem(KrRun *r) {
    if (r->exc == KR_NULL && !r->limit_hit) kr_raise_value(r, kr_from_obj(&kr_exc_MemoryError));
    return false;
}

static KrSet *set_of(KrValue v) { return (KrSet *)kr_as_obj(v); }

static bool set_is_live(KrValue key) { return key != KR_NULL && key != SET_DUMMY; }

// The base type of results built from s: set for set subclasses, else
// frozenset.
static const KrType *set_basetype(const KrType *t) {
    return kr_type_is_subtype(t, &kr_type_set) ? &kr_type_set : &kr_type_frozenset;
}

static const char *set_qualname(KrValue self, const char *set_name, const char *frozen_name) {
    return kr_isinstance(self, &kr_type_frozenset) ? frozen_name : set_name;
}

// kr_next with a budget poll: loops over iterators can be long.
static KrValue set_next_ticked(KrRun *r, KrValue it) {
    return kr_run_tick(r, 1) ? kr_next(r, it) : KR_EXC;
}

// ---- table ---------------------------------------------------------------------------

static void set_clear_entries(KrSetEntry *t, size_t n) {
    for (size_t i = 0; i < n; i++) {
        t[i].hash = 0;
        t[i].key = KR_NULL;
    }
}

static void set_free_table(KrRun *r, KrSet *s) {
    if (s->table != s->small) kr_mem_free(r, s->table, (s->mask + 1) * sizeof(KrSetEntry));
    s->table = s->small;
    s->mask = KR_SET_MINSIZE - 1;
}

static void set_reset(KrRun *r, KrSet *s) {
    set_free_table(r, s);
    set_clear_entries(s->small, KR_SET_MINSIZE);
    s->fill = s->used = 0;
    s->version++;
}

// Stores a key known to be absent into a table without dummies.
static void set_insert_clean(KrSetEntry *table, size_t mask, KrValue key, int64_t hash) {
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        size_t last = i + SET_LINEAR_PROBES <= mask ? i + SET_LINEAR_PROBES : i;
        for (size_t j = i; j <= last; j++) {
            if (table[j].key == KR_NULL) {
                table[j].key = key;
                table[j].hash = hash;
                return;
            }
        }
        perturb >>= SET_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// Rebuilds the table with the smallest power of two above minused slots
// (at least 8), re-inserting in old table order and dropping dummies.
static bool set_resize(KrRun *r, KrSet *s, size_t minused) {
    size_t size = KR_SET_MINSIZE;
    while (size <= minused) {
        if (size >= SET_MAXSIZE) return set_nomem(r);
        size <<= 1;
    }
    KrSetEntry saved[KR_SET_MINSIZE];
    KrSetEntry *old = s->table, *table = s->small;
    size_t oldmask = s->mask;
    if (size == KR_SET_MINSIZE) {
        if (old == s->small) {
            if (s->fill == s->used) return true; // nothing to squeeze out
            memcpy(saved, old, sizeof saved);
            old = saved;
        }
    } else {
        table = kr_mem_alloc(r, size * sizeof(KrSetEntry));
        if (!table) return false;
    }
    // a big table is cleared and refilled polling the budget; stopping
    // leaves the old table as it was
    for (size_t at = 0; at < size; at += 0x10000) {
        set_clear_entries(table + at, size - at < 0x10000 ? size - at : 0x10000);
        if (size > 0x10000 && !kr_run_tick(r, 2048)) {
            if (table != s->small) kr_mem_free(r, table, size * sizeof(KrSetEntry));
            return false;
        }
    }
    for (size_t i = 0; i <= oldmask; i++) {
        if (set_is_live(old[i].key)) set_insert_clean(table, size - 1, old[i].key, old[i].hash);
        if ((i & 0xFFFF) == 0xFFFF && !kr_run_tick(r, 2048)) {
            if (table != s->small) kr_mem_free(r, table, size * sizeof(KrSetEntry));
            return false;
        }
    }
    if (old != s->small && old != saved) kr_mem_free(r, old, (oldmask + 1) * sizeof(KrSetEntry));
    s->table = table;
    s->mask = size - 1;
    s->fill = s->used;
    s->version++;
    return true;
}

// Grows after an insertion into a fresh slot, as CPython: at 3/5 full.
static bool set_maybe_grow(KrRun *r, KrSet *s) {
    if (s->fill * 5 < s->mask * 3) return true;
    return set_resize(r, s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

// ---- probing -------------------------------------------------------------------------------

// Compares the key in slot j with key (same hash). 1 equal, 0 not, -1
// error, 2 when the comparison changed the table (restart the probe).
static int set_match(KrRun *r, KrSet *s, size_t j, KrValue key) {
    KrSetEntry *table = s->table;
    size_t mask = s->mask;
    KrValue k = table[j].key;
    int eq = kr_dict_quick_eq(k, key);
    if (eq >= 0) return eq;
    eq = kr_eq(r, k, key);
    if (eq < 0) return -1;
    if (s->table != table || s->mask != mask || table[j].key != k) return 2;
    return eq;
}

// Slot of key, SET_MISSING, or SET_ERROR with an exception set.
static ptrdiff_t set_lookup(KrRun *r, KrSet *s, KrValue key, int64_t hash) {
restart:;
    size_t mask = s->mask, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        size_t last = i + SET_LINEAR_PROBES <= mask ? i + SET_LINEAR_PROBES : i;
        for (size_t j = i; j <= last; j++) {
            const KrSetEntry *e = &s->table[j];
            if (e->key == KR_NULL) return SET_MISSING;
            if (e->hash != hash || e->key == SET_DUMMY) continue;
            if (e->key == key) return (ptrdiff_t)j;
            int m = set_match(r, s, j, key);
            if (m < 0) return SET_ERROR;
            if (m == 2) goto restart;
            if (m) return (ptrdiff_t)j;
        }
        perturb >>= SET_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// Adds key unless an equal key is present. A new key goes to the last
// dummy seen on its probe path, else to the empty slot that ended it.
static bool set_add_entry(KrRun *r, KrSet *s, KrValue key, int64_t hash) {
    if (s->fill + 1 > s->mask && !set_resize(r, s, s->used * 4)) return false; // keep a free slot
restart:;
    size_t mask = s->mask, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    KrSetEntry *freeslot = NULL, *e;
    for (;;) {
        size_t last = i + SET_LINEAR_PROBES <= mask ? i + SET_LINEAR_PROBES : i;
        for (size_t j = i; j <= last; j++) {
            e = &s->table[j];
            if (e->key == KR_NULL) goto found_unused;
            if (e->key == SET_DUMMY) {
                freeslot = e;
                continue;
            }
            if (e->hash != hash) continue;
            if (e->key == key) return true;
            int m = set_match(r, s, j, key);
            if (m < 0) return false;
            if (m == 2) {
                freeslot = NULL;
                goto restart;
            }
            if (m) return true;
        }
        perturb >>= SET_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused:
    s->used++;
    s->version++;
    if (freeslot) {
        freeslot->key = key;
        freeslot->hash = hash;
        return true;
    }
    s->fill++;
    e->key = key;
    e->hash = hash;
    return set_maybe_grow(r, s);
}

// Hash for lookups: a set key (unhashable) is looked up as the frozenset
// of its items, as CPython's __contains__, remove and discard do.
static bool set_lookup_hash(KrRun *r, KrValue key, int64_t *hash);

static int set_discard_entry(KrRun *r, KrSet *s, KrValue key, int64_t hash) {
    ptrdiff_t j = set_lookup(r, s, key, hash);
    if (j < 0) return j == SET_MISSING ? 0 : -1;
    s->table[j].key = SET_DUMMY;
    s->table[j].hash = -1;
    s->used--;
    s->version++;
    return 1;
}

// ---- public API --------------------------------------------------------------------------

static KrSet *set_alloc(KrRun *r, const KrType *t) {
    size_t size = t->basic_size > sizeof(KrSet) ? t->basic_size : sizeof(KrSet);
    KrSet *s = kr_gc_alloc(r, t, size);
    if (!s) return NULL;
    memset((char *)s + sizeof(KrObj), 0, size - sizeof(KrObj));
    s->table = s->small;
    s->mask = KR_SET_MINSIZE - 1;
    s->hash = -1;
    set_clear_entries(s->small, KR_SET_MINSIZE);
    return s;
}

KrValue kr_set_new(KrRun *r, const KrType *t) {
    KrSet *s = set_alloc(r, t);
    return s ? kr_from_obj(s) : KR_EXC;
}

bool kr_set_add(KrRun *r, KrSet *s, KrValue key) {
    int64_t hash;
    return kr_dict_quick_hash(r, key, &hash) && set_add_entry(r, s, key, hash);
}

int kr_set_contains(KrRun *r, KrSet *s, KrValue key) {
    int64_t hash;
    if (!set_lookup_hash(r, key, &hash)) return -1;
    ptrdiff_t j = set_lookup(r, s, key, hash);
    return j >= 0 ? 1 : j == SET_MISSING ? 0 : -1;
}

int kr_set_discard(KrRun *r, KrSet *s, KrValue key) {
    int64_t hash;
    if (!set_lookup_hash(r, key, &hash)) return -1;
    return set_discard_entry(r, s, key, hash);
}

// key in s without the frozenset conversion (issuperset, isdisjoint).
static int set_contains_key(KrRun *r, KrSet *s, KrValue key) {
    int64_t hash;
    if (!kr_dict_quick_hash(r, key, &hash)) return -1;
    ptrdiff_t j = set_lookup(r, s, key, hash);
    return j >= 0 ? 1 : j == SET_MISSING ? 0 : -1;
}

bool kr_set_next(KrSet *s, size_t *pos, KrValue *key) {
    size_t i = *pos;
    while (i <= s->mask && !set_is_live(s->table[i].key)) i++;
    if (i > s->mask) {
        *pos = i;
        return false;
    }
    *key = s->table[i].key;
    *pos = i + 1;
    return true;
}

// Like kr_set_next, with the stored hash.
static bool set_next_entry(KrSet *s, size_t *pos, KrValue *key, int64_t *hash) {
    if (!kr_set_next(s, pos, key)) return false;
    *hash = s->table[*pos - 1].hash;
    return true;
}

// ---- bulk operations ------------------------------------------------------------------------

// s |= other for a set or frozenset other (CPython's set_merge).
static bool set_merge(KrRun *r, KrSet *s, KrSet *o) {
    if (s == o || o->used == 0) return true;
    if ((s->fill + o->used) * 5 >= s->mask * 3 && !set_resize(r, s, (s->used + o->used) * 2))
        return false;
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) { // same layout: copy
        memcpy(s->table, o->table, (o->mask + 1) * sizeof(KrSetEntry));
        s->fill = o->fill;
        s->used = o->used;
        s->version++;
        return true;
    }
    if (s->fill == 0) { // empty target: no comparisons needed
        for (size_t i = 0; i <= o->mask; i++)
            if (set_is_live(o->table[i].key))
                set_insert_clean(s->table, s->mask, o->table[i].key, o->table[i].hash);
        s->fill = s->used = o->used;
        s->version++;
        return true;
    }
    KrValue key = KR_NULL;
    int64_t hash;
    kr_root_push(r, &key);
    bool ok = true;
    for (size_t pos = 0; ok && set_next_entry(o, &pos, &key, &hash);)
        ok = kr_run_tick(r, 1) && set_add_entry(r, s, key, hash);
    kr_root_pop(r, 1);
    return ok;
}

// s |= the keys of an exact dict, presized as CPython does.
static bool set_update_dict(KrRun *r, KrSet *s, KrDict *d) {
    if ((s->fill + d->used) * 5 >= s->mask * 3 && !set_resize(r, s, (s->used + d->used) * 2))
        return false;
    KrValue key = KR_NULL;
    kr_root_push(r, &key);
    bool ok = true;
    for (size_t pos = 0; ok && kr_dict_next(d, &pos, &key, NULL);)
        ok = kr_run_tick(r, 1) && set_add_entry(r, s, key, d->entries[pos - 1].hash);
    kr_root_pop(r, 1);
    return ok;
}

// Calls fn(r, s, item) for each item of iterable; false on error.
typedef bool (*SetItemFn)(KrRun *r, KrSet *s, KrValue item);

static bool set_for_each(KrRun *r, KrSet *s, KrValue iterable, SetItemFn fn) {
    KrValue it = kr_iter(r, iterable), key = KR_NULL;
    if (it == KR_EXC) return false;
    kr_root_push(r, &it);
    kr_root_push(r, &key);
    bool ok = true;
    for (;;) {
        key = set_next_ticked(r, it);
        if (key == KR_STOP) break;
        if (key == KR_EXC || !fn(r, s, key)) {
            ok = false;
            break;
        }
    }
    kr_root_pop(r, 2);
    return ok;
}

bool kr_set_update(KrRun *r, KrSet *s, KrValue iterable) {
    if (kr_is_anyset(iterable)) return set_merge(r, s, set_of(iterable));
    if (kr_is_type(iterable, &kr_type_dict)) return set_update_dict(r, s, kr_as_dict(iterable));
    return set_for_each(r, s, iterable, kr_set_add);
}

KrValue kr_set_new_from(KrRun *r, const KrType *t, KrValue iterable) {
    KrValue v = kr_set_new(r, t);
    if (v == KR_EXC || iterable == KR_NULL) return v;
    kr_root_push(r, &v);
    bool ok = kr_set_update(r, set_of(v), iterable);
    kr_root_pop(r, 1);
    return ok ? v : KR_EXC;
}

KrValue kr_set_fold_consts(KrRun *r, const KrValue *items, size_t n) {
    KrValue first = kr_set_new(r, &kr_type_frozenset), snap = KR_NULL, res = KR_EXC;
    if (first == KR_EXC) return KR_EXC;
    kr_root_push(r, &first);
    kr_root_push(r, &snap);
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) ok = kr_set_add(r, set_of(first), items[i]);
    // CPython's compiler re-creates the frozenset from its own iteration
    // order when it merges constants: a second, different layout.
    if (ok && (snap = kr_tuple_new(r, set_of(first)->used)) != KR_EXC) {
        KrTuple *t = kr_as_tuple(snap);
        for (size_t pos = 0, i = 0; i < t->len && kr_set_next(set_of(first), &pos, &t->items[i]);)
            i++;
        res = kr_set_new_from(r, &kr_type_frozenset, snap);
    }
    kr_root_pop(r, 2);
    return res;
}

// A copy with the base type of s (set.copy, and the start of union).
static KrValue set_copy(KrRun *r, KrValue s) {
    return kr_set_new_from(r, set_basetype(kr_as_obj(s)->type), s);
}

// Exchanges the contents of two sets (intersection_update keeps the
// freshly built table).
static void set_swap_bodies(KrSet *a, KrSet *b) {
    KrSet t = *a;
    bool a_small = a->table == a->small, b_small = b->table == b->small;
    a->fill = b->fill;
    a->used = b->used;
    a->mask = b->mask;
    a->table = b_small ? a->small : b->table;
    b->fill = t.fill;
    b->used = t.used;
    b->mask = t.mask;
    b->table = a_small ? b->small : t.table;
    memcpy(a->small, b->small, sizeof a->small);
    memcpy(b->small, t.small, sizeof b->small);
    bool frozen = kr_type_is_subtype(a->ob.type, &kr_type_frozenset) &&
                  kr_type_is_subtype(b->ob.type, &kr_type_frozenset);
    a->hash = frozen ? b->hash : -1;
    b->hash = frozen ? t.hash : -1;
    a->version++;
    b->version++;
}

static bool set_add_if_in(KrRun *r, KrSet *res, KrSet *s, KrValue key, int64_t hash) {
    ptrdiff_t j = set_lookup(r, s, key, hash);
    if (j == SET_ERROR) return false;
    return j == SET_MISSING || set_add_entry(r, res, key, hash);
}

// s & other: scans the smaller set (or other's items) for keys in the
// other side; the result has the base type of s.
static KrValue set_intersection(KrRun *r, KrValue sv, KrValue other) {
    if (sv == other) return set_copy(r, sv);
    KrValue res = kr_set_new(r, set_basetype(kr_as_obj(sv)->type)), it = KR_NULL, key = KR_NULL;
    if (res == KR_EXC) return KR_EXC;
    kr_root_push(r, &res);
    kr_root_push(r, &it);
    kr_root_push(r, &key);
    KrSet *s = set_of(sv);
    bool ok = true;
    int64_t hash;
    if (kr_is_anyset(other)) {
        KrSet *o = set_of(other);
        if (o->used > s->used) {
            KrSet *t = s;
            s = o;
            o = t;
        }
        for (size_t pos = 0; ok && set_next_entry(o, &pos, &key, &hash);)
            ok = kr_run_tick(r, 1) && set_add_if_in(r, set_of(res), s, key, hash);
    } else if ((it = kr_iter(r, other)) == KR_EXC) {
        ok = false;
    } else {
        while (ok && (key = set_next_ticked(r, it)) != KR_STOP)
            ok = key != KR_EXC && kr_dict_quick_hash(r, key, &hash) &&
                 set_add_if_in(r, set_of(res), s, key, hash);
    }
    kr_root_pop(r, 3);
    return ok ? res : KR_EXC;
}

KrValue kr_set_intersection(KrRun *r, KrSet *s, KrValue other) {
    return set_intersection(r, kr_from_obj(s), other);
}

static bool set_discard_item(KrRun *r, KrSet *s, KrValue key) {
    int64_t hash;
    return kr_dict_quick_hash(r, key, &hash) && set_discard_entry(r, s, key, hash) >= 0;
}

// s -= other; then, when over a quarter of the slots are dummies, a resize.
static bool set_difference_update_internal(KrRun *r, KrSet *s, KrValue other) {
    if (kr_from_obj(s) == other) {
        set_reset(r, s);
        return true;
    }
    if (kr_is_anyset(other)) {
        KrValue o = other, key = KR_NULL;
        if ((set_of(other)->used >> 3) > s->used) { // much bigger: use the intersection
            o = set_intersection(r, kr_from_obj(s), other);
            if (o == KR_EXC) return false;
        }
        kr_root_push(r, &o);
        kr_root_push(r, &key);
        bool ok = true;
        int64_t hash;
        for (size_t pos = 0; ok && set_next_entry(set_of(o), &pos, &key, &hash);)
            ok = kr_run_tick(r, 1) && set_discard_entry(r, s, key, hash) >= 0;
        kr_root_pop(r, 2);
        if (!ok) return false;
    } else if (!set_for_each(r, s, other, set_discard_item)) {
        return false;
    }
    if (s->fill - s->used <= s->mask / 4) return true;
    return set_resize(r, s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

bool kr_set_difference_update(KrRun *r, KrSet *s, KrValue other) {
    return set_difference_update_internal(r, s, other);
}

// s - other: a copy then difference_update when other is small or not a
// set or dict; else the keys of s missing from other.
static KrValue set_difference(KrRun *r, KrValue sv, KrValue other) {
    KrSet *s = set_of(sv);
    size_t osize = 0;
    bool isdict = kr_is_type(other, &kr_type_dict), isset = kr_is_anyset(other);
    if (isset) osize = set_of(other)->used;
    if (isdict) osize = kr_as_dict(other)->used;
    if ((!isset && !isdict) || (s->used >> 2) > osize) {
        KrValue res = set_copy(r, sv);
        if (res == KR_EXC) return KR_EXC;
        kr_root_push(r, &res);
        bool ok = set_difference_update_internal(r, set_of(res), other);
        kr_root_pop(r, 1);
        return ok ? res : KR_EXC;
    }
    KrValue res = kr_set_new(r, set_basetype(kr_as_obj(sv)->type)), key = KR_NULL, v;
    if (res == KR_EXC) return KR_EXC;
    kr_root_push(r, &res);
    kr_root_push(r, &key);
    bool ok = true;
    int64_t hash;
    for (size_t pos = 0; ok && set_next_entry(s, &pos, &key, &hash);) {
        int in;
        if (isdict) {
            in = kr_dict_get_hashed(r, kr_as_dict(other), key, hash, &v);
        } else {
            ptrdiff_t j = set_lookup(r, set_of(other), key, hash);
            in = j >= 0 ? 1 : j == SET_MISSING ? 0 : -1;
        }
        ok = in >= 0 && kr_run_tick(r, 1) && (in || set_add_entry(r, set_of(res), key, hash));
    }
    kr_root_pop(r, 2);
    return ok ? res : KR_EXC;
}

// s ^= key: remove it if present, else add it.
static bool set_toggle(KrRun *r, KrSet *s, KrValue key, int64_t hash) {
    int rc = set_discard_entry(r, s, key, hash);
    return rc > 0 || (rc == 0 && set_add_entry(r, s, key, hash));
}

bool kr_set_symmetric_difference_update(KrRun *r, KrSet *s, KrValue other) {
    if (kr_from_obj(s) == other) {
        set_reset(r, s);
        return true;
    }
    KrValue o = other, key = KR_NULL;
    int64_t hash;
    bool ok = true;
    kr_root_push(r, &o);
    kr_root_push(r, &key);
    if (kr_is_type(other, &kr_type_dict)) {
        KrDict *d = kr_as_dict(other);
        for (size_t pos = 0; ok && kr_dict_next(d, &pos, &key, NULL);)
            ok = kr_run_tick(r, 1) && set_toggle(r, s, key, d->entries[pos - 1].hash);
    } else {
        if (!kr_is_anyset(other)) o = kr_set_new_from(r, set_basetype(s->ob.type), other);
        ok = o != KR_EXC;
        for (size_t pos = 0; ok && set_next_entry(set_of(o), &pos, &key, &hash);)
            ok = kr_run_tick(r, 1) && set_toggle(r, s, key, hash);
    }
    kr_root_pop(r, 2);
    return ok;
}

// s ^ other: a set of other's items with the base type of s, toggled by s.
static KrValue set_symmetric_difference(KrRun *r, KrValue sv, KrValue other) {
    KrValue res = kr_set_new_from(r, set_basetype(kr_as_obj(sv)->type), other);
    if (res == KR_EXC) return KR_EXC;
    kr_root_push(r, &res);
    bool ok = kr_set_symmetric_difference_update(r, set_of(res), sv);
    kr_root_pop(r, 1);
    return ok ? res : KR_EXC;
}

// 1 if every key of s is in o (both sets), 0 if not, -1 on error.
static int set_subset_of(KrRun *r, KrSet *s, KrSet *o) {
    if (s->used > o->used) return 0;
    KrValue key = KR_NULL;
    int64_t hash;
    int rc = 1;
    kr_root_push(r, &key);
    for (size_t pos = 0; rc == 1 && set_next_entry(s, &pos, &key, &hash);) {
        ptrdiff_t j = kr_run_tick(r, 1) ? set_lookup(r, o, key, hash) : SET_ERROR;
        rc = j >= 0 ? 1 : j == SET_MISSING ? 0 : -1;
    }
    kr_root_pop(r, 1);
    return rc;
}

static int set_issubset(KrRun *r, KrValue sv, KrValue other) {
    if (kr_is_anyset(other)) return set_subset_of(r, set_of(sv), set_of(other));
    KrValue tmp = kr_set_new_from(r, &kr_type_set, other);
    if (tmp == KR_EXC) return -1;
    kr_root_push(r, &tmp);
    int rc = set_subset_of(r, set_of(sv), set_of(tmp));
    kr_root_pop(r, 1);
    return rc;
}

// 1 if every item of iterable is in s, 0 if not, -1 on error.
static int set_has_all(KrRun *r, KrSet *s, KrValue iterable) {
    KrValue it = kr_iter(r, iterable), key = KR_NULL;
    if (it == KR_EXC) return -1;
    kr_root_push(r, &it);
    kr_root_push(r, &key);
    int rc = 1;
    while (rc == 1) {
        key = set_next_ticked(r, it);
        if (key == KR_STOP) break;
        rc = key == KR_EXC ? -1 : set_contains_key(r, s, key);
    }
    kr_root_pop(r, 2);
    return rc;
}

static int set_issuperset(KrRun *r, KrValue sv, KrValue other) {
    if (kr_is_anyset(other)) return set_subset_of(r, set_of(other), set_of(sv));
    return set_has_all(r, set_of(sv), other);
}

static int set_isdisjoint(KrRun *r, KrValue sv, KrValue other) {
    KrSet *s = set_of(sv);
    if (sv == other) return s->used == 0;
    if (kr_is_anyset(other)) {
        KrSet *o = set_of(other);
        if (o->used > s->used) {
            KrSet *t = s;
            s = o;
            o = t;
        }
        KrValue key = KR_NULL;
        int64_t hash;
        int rc = 1;
        kr_root_push(r, &key);
        for (size_t pos = 0; rc == 1 && set_next_entry(o, &pos, &key, &hash);) {
            ptrdiff_t j = kr_run_tick(r, 1) ? set_lookup(r, s, key, hash) : SET_ERROR;
            rc = j == SET_MISSING ? 1 : j >= 0 ? 0 : -1;
        }
        kr_root_pop(r, 1);
        return rc;
    }
    KrValue it = kr_iter(r, other), key = KR_NULL;
    if (it == KR_EXC) return -1;
    kr_root_push(r, &it);
    kr_root_push(r, &key);
    int rc = 1;
    while (rc == 1) {
        key = set_next_ticked(r, it);
        if (key == KR_STOP) break;
        int in = key == KR_EXC ? -1 : set_contains_key(r, s, key);
        rc = in < 0 ? -1 : !in;
    }
    kr_root_pop(r, 2);
    return rc;
}

// ---- hashing -----------------------------------------------------------------------------
// frozenset's hash, CPython's algorithm: xor of every key's hash with its
// bits shuffled (so order does not matter), mixed with the size, then
// dispersed so nested frozensets hash apart.

static uint64_t set_shuffle_bits(uint64_t h) {
    return ((h ^ 89869747u) ^ (h << 16)) * 3644798167u;
}

static int64_t set_content_hash(const KrSet *s) {
    uint64_t h = 0;
    for (size_t i = 0; i <= s->mask; i++)
        if (set_is_live(s->table[i].key)) h ^= set_shuffle_bits((uint64_t)s->table[i].hash);
    h ^= ((uint64_t)s->used + 1) * 1927868237u;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069u + 907133923u;
    if (h == UINT64_MAX) h = 590923713u;
    return (int64_t)h;
}

static bool set_hash(KrRun *r, KrValue v, int64_t *out) {
    (void)r;
    KrSet *s = set_of(v);
    if (s->hash == -1) s->hash = set_content_hash(s);
    *out = s->hash;
    return true;
}

static bool set_lookup_hash(KrRun *r, KrValue key, int64_t *hash) {
    if (kr_is_type(key, &kr_type_set)) {
        *hash = set_content_hash(set_of(key));
        return true;
    }
    if (kr_dict_quick_hash(r, key, hash)) return true;
    if (!kr_is_ptr(key) || !kr_isinstance(key, &kr_type_set) ||
        !kr_pending_is(r, &kr_exc_TypeError))
        return false;
    kr_clear_exc(r);
    *hash = set_content_hash(set_of(key));
    return true;
}

// ---- type slots ------------------------------------------------------------------------------

static void set_trace(KrRun *r, KrObj *o) {
    KrSet *s = (KrSet *)o;
    for (size_t i = 0; i <= s->mask; i++) kr_gc_mark(r, s->table[i].key);
}

static void set_finalize(KrRun *r, KrObj *o) { set_free_table(r, (KrSet *)o); }

static bool set_check_ctor_args(KrRun *r, const KrType *t, size_t argc, KrValue kwnames) {
    if (kwnames != KR_NULL && kr_as_tuple(kwnames)->len) {
        kr_raise(r, &kr_exc_TypeError, "%s() takes no keyword arguments",
                 kr_type_is_subtype(t, &kr_type_set) ? "set" : "frozenset");
        return false;
    }
    if (argc > 1) {
        kr_raise(r, &kr_exc_TypeError, "%s expected at most 1 argument, got %zu", t->name, argc);
        return false;
    }
    return true;
}

// set(...) makes and fills a set; a subclass instance starts empty and is
// filled by __init__ (CPython's tp_new / tp_init split).
static KrValue set_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                             KrValue kwnames) {
    if (t != &kr_type_set) return kr_set_new(r, t);
    if (!set_check_ctor_args(r, t, argc, kwnames)) return KR_EXC;
    return kr_set_new_from(r, t, argc ? args[0] : KR_NULL);
}

static KrValue frozenset_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                                   KrValue kwnames) {
    if (!set_check_ctor_args(r, t, argc, kwnames)) return KR_EXC;
    if (argc && t == &kr_type_frozenset && kr_is_type(args[0], &kr_type_frozenset)) return args[0];
    return kr_set_new_from(r, t, argc ? args[0] : KR_NULL);
}

// The items' reprs, comma separated, from a snapshot of the keys.
static bool set_repr_items(KrRun *r, KrBuf *b, KrSet *s) {
    KrValue snap = kr_tuple_new(r, s->used);
    if (snap == KR_EXC) return false;
    KrTuple *t = kr_as_tuple(snap);
    size_t n = 0, pos = 0;
    KrValue key;
    while (n < t->len && kr_set_next(s, &pos, &key)) t->items[n++] = key;
    kr_root_push(r, &snap);
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        KrValue rs = kr_run_tick(r, 1) ? kr_repr(r, t->items[i]) : KR_EXC;
        if (rs == KR_EXC) {
            ok = false;
        } else if ((i && !kr_buf_append(b, ", ", 2)) ||
                   !kr_buf_append(b, kr_as_str(rs)->data, kr_as_str(rs)->nbytes)) {
            ok = set_nomem(r);
        }
    }
    kr_root_pop(r, 1);
    return ok;
}

static KrValue set_repr(KrRun *r, KrValue v) {
    const char *name = kr_as_obj(v)->type->name;
    bool plain = kr_is_type(v, &kr_type_set);
    int rc = kr_repr_enter(r, v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok;
    if (rc < 0) {
        ok = false;
    } else if (rc > 0) {
        ok = kr_buf_printf(&b, "%s(...)", name) || set_nomem(r);
    } else if (set_of(v)->used == 0) {
        ok = kr_buf_printf(&b, "%s()", name) || set_nomem(r);
    } else {
        ok = (plain ? kr_buf_append_char(&b, '{') : kr_buf_printf(&b, "%s({", name)) ||
             set_nomem(r);
        ok = ok && set_repr_items(r, &b, set_of(v)) &&
             (kr_buf_append_str(&b, plain ? "}" : "})") || set_nomem(r));
    }
    if (rc == 0) kr_repr_leave(r, v);
    KrValue res = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return res;
}

static KrValue set_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    if (!kr_is_anyset(a) || !kr_is_anyset(b)) return KR_NOTIMPL;
    KrSet *x = set_of(a), *y = set_of(b);
    int rc;
    switch (op) {
    case KR_CMP_EQ:
    case KR_CMP_NE:
        if (x->used != y->used || (x->hash != -1 && y->hash != -1 && x->hash != y->hash)) rc = 0;
        else rc = set_subset_of(r, x, y);
        if (op == KR_CMP_NE && rc >= 0) rc = !rc;
        break;
    case KR_CMP_LE: rc = set_subset_of(r, x, y); break;
    case KR_CMP_GE: rc = set_subset_of(r, y, x); break;
    case KR_CMP_LT: rc = x->used < y->used ? set_subset_of(r, x, y) : 0; break;
    case KR_CMP_GT: rc = x->used > y->used ? set_subset_of(r, y, x) : 0; break;
    default: return KR_NOTIMPL;
    }
    return rc < 0 ? KR_EXC : kr_bool(rc);
}

static KrValue set_union2(KrRun *r, KrValue a, KrValue b) {
    KrValue res = set_copy(r, a);
    if (res == KR_EXC || a == b) return res;
    kr_root_push(r, &res);
    bool ok = kr_set_update(r, set_of(res), b);
    kr_root_pop(r, 1);
    return ok ? res : KR_EXC;
}

static KrValue set_binary(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    if (!kr_is_anyset(a) || !kr_is_anyset(b)) return KR_NOTIMPL;
    switch (op) {
    case KR_BIN_OR: return set_union2(r, a, b);
    case KR_BIN_AND: return set_intersection(r, a, b);
    case KR_BIN_SUB: return set_difference(r, a, b);
    case KR_BIN_XOR: return set_symmetric_difference(r, a, b);
    default: return KR_NOTIMPL;
    }
}

static bool set_intersection_update(KrRun *r, KrSet *s, KrValue other) {
    KrValue tmp = set_intersection(r, kr_from_obj(s), other);
    if (tmp == KR_EXC) return false;
    set_swap_bodies(s, set_of(tmp));
    return true;
}

static KrValue set_inplace(KrRun *r, KrValue a, KrValue b, KrBinOp op) {
    if (!kr_is_ptr(a) || !kr_isinstance(a, &kr_type_set) || !kr_is_anyset(b)) return KR_NOTIMPL;
    KrSet *s = set_of(a);
    bool ok;
    switch (op) {
    case KR_BIN_OR: ok = kr_set_update(r, s, b); break;
    case KR_BIN_AND: ok = set_intersection_update(r, s, b); break;
    case KR_BIN_SUB: ok = set_difference_update_internal(r, s, b); break;
    case KR_BIN_XOR: ok = kr_set_symmetric_difference_update(r, s, b); break;
    default: return KR_NOTIMPL;
    }
    return ok ? a : KR_EXC;
}

static bool set_len(KrRun *r, KrValue v, size_t *out) {
    (void)r;
    *out = set_of(v)->used;
    return true;
}

static int set_contains_slot(KrRun *r, KrValue o, KrValue x) {
    return kr_set_contains(r, set_of(o), x);
}

// ---- iterator ------------------------------------------------------------------------------

typedef struct KrSetIter {
    KrObj ob;
    KrValue set; // KR_NULL once exhausted
    size_t pos;
    size_t used; // the set's size at creation; SIZE_MAX after a change
    size_t len;
} KrSetIter;

static void setiter_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((KrSetIter *)o)->set); }

static KrValue setiter_self(KrRun *r, KrValue v) {
    (void)r;
    return v;
}

static KrValue setiter_next(KrRun *r, KrValue v) {
    KrSetIter *it = (KrSetIter *)kr_as_obj(v);
    if (it->set == KR_NULL) return KR_STOP;
    KrSet *s = set_of(it->set);
    if (it->used != s->used) {
        it->used = SIZE_MAX;
        return kr_raise(r, &kr_exc_RuntimeError, "Set changed size during iteration");
    }
    KrValue key;
    if (!kr_set_next(s, &it->pos, &key)) {
        it->set = KR_NULL;
        return KR_STOP;
    }
    if (it->len) it->len--;
    return key;
}

static KrValue setiter_length_hint(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                   KrValue kwnames) {
    (void)args;
    if (!kr_dict_check_args(r, "set_iterator.__length_hint__", argc, kwnames, 0, 0))
        return KR_EXC;
    const KrSetIter *it = (const KrSetIter *)kr_as_obj(self);
    size_t n = it->set != KR_NULL && it->used == set_of(it->set)->used ? it->len : 0;
    return kr_from_small((int64_t)n);
}

static const KrMethodDef setiter_methods[] = {
    {"__iter__", kr_iter_meth_iter, 0},
    {"__next__", kr_iter_meth_next, 0},
    {"__length_hint__", setiter_length_hint, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_set_iterator = { // named by run snapshots
    KR_STATIC_HEADER(&kr_type_type),
    .name = "set_iterator",
    .base = &kr_type_object,
    .basic_size = sizeof(KrSetIter),
    .trace = setiter_trace,
    .repr = kr_iter_repr,
    .iter = setiter_self,
    .next = setiter_next,
    .methods = setiter_methods,
    .snap = &setiter_snap,
};

static KrValue set_iter(KrRun *r, KrValue v) {
    KrSetIter *it = kr_gc_alloc(r, &kr_type_set_iterator, sizeof(KrSetIter));
    if (!it) return KR_EXC;
    it->set = v;
    it->pos = 0;
    it->used = it->len = set_of(v)->used;
    return kr_from_obj(it);
}

// ---- methods ------------------------------------------------------------------------------

#define SET_ARGS(qual, min, max)                                                           \
    do {                                                                                   \
        if (!kr_dict_check_args(r, set_qualname(self, "set." qual, "frozenset." qual), argc, \
                                kwnames, min, max))                                        \
            return KR_EXC;                                                                 \
    } while (0)

static KrValue set_m_add(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                         KrValue kwnames) {
    SET_ARGS("add", 1, 1);
    return kr_set_add(r, set_of(self), args[0]) ? KR_NONE : KR_EXC;
}

static KrValue set_m_clear(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                           KrValue kwnames) {
    (void)args;
    SET_ARGS("clear", 0, 0);
    set_reset(r, set_of(self));
    return KR_NONE;
}

static KrValue set_m_copy(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kwnames) {
    (void)args;
    SET_ARGS("copy", 0, 0);
    if (kr_is_type(self, &kr_type_frozenset)) return self;
    return set_copy(r, self);
}

static KrValue set_m_discard(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                             KrValue kwnames) {
    SET_ARGS("discard", 1, 1);
    return kr_set_discard(r, set_of(self), args[0]) < 0 ? KR_EXC : KR_NONE;
}

static KrValue set_m_remove(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                            KrValue kwnames) {
    SET_ARGS("remove", 1, 1);
    int rc = kr_set_discard(r, set_of(self), args[0]);
    if (rc < 0) return KR_EXC;
    return rc ? KR_NONE : kr_raise_with_arg(r, &kr_exc_KeyError, args[0]);
}

static KrValue set_m_pop(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                         KrValue kwnames) {
    (void)args;
    SET_ARGS("pop", 0, 0);
    KrSet *s = set_of(self);
    if (s->used == 0) return kr_raise(r, &kr_exc_KeyError, "pop from an empty set");
    size_t i = s->finger & s->mask;
    while (!set_is_live(s->table[i].key)) i = i < s->mask ? i + 1 : 0;
    KrValue key = s->table[i].key;
    s->table[i].key = SET_DUMMY;
    s->table[i].hash = -1;
    s->used--;
    s->finger = i + 1;
    s->version++;
    return key;
}

static KrValue set_m_contains(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                              KrValue kwnames) {
    SET_ARGS("__contains__", 1, 1);
    int rc = kr_set_contains(r, set_of(self), args[0]);
    return rc < 0 ? KR_EXC : kr_bool(rc);
}

static KrValue set_m_len(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                         KrValue kwnames) {
    (void)args;
    if (!kr_dict_check_args(r, "__len__", argc, kwnames, 0, 0)) return KR_EXC;
    return kr_from_small((int64_t)set_of(self)->used);
}

static KrValue set_m_iter(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kwnames) {
    (void)args;
    if (!kr_dict_check_args(r, "__iter__", argc, kwnames, 0, 0)) return KR_EXC;
    return set_iter(r, self);
}

// set.__init__(iterable=()): empties, then refills.
static KrValue set_m_init(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                          KrValue kwnames) {
    if (!set_check_ctor_args(r, kr_as_obj(self)->type, argc, kwnames)) return KR_EXC;
    KrSet *s = set_of(self);
    if (s->fill) set_reset(r, s);
    return argc && !kr_set_update(r, s, args[0]) ? KR_EXC : KR_NONE;
}

static KrValue set_m_union(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                           KrValue kwnames) {
    SET_ARGS("union", 0, SIZE_MAX);
    KrValue res = set_copy(r, self);
    if (res == KR_EXC) return KR_EXC;
    kr_root_push(r, &res);
    bool ok = true;
    for (size_t i = 0; ok && i < argc; i++)
        ok = args[i] == self || kr_set_update(r, set_of(res), args[i]);
    kr_root_pop(r, 1);
    return ok ? res : KR_EXC;
}

static KrValue set_m_update(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                            KrValue kwnames) {
    SET_ARGS("update", 0, SIZE_MAX);
    for (size_t i = 0; i < argc; i++)
        if (!kr_set_update(r, set_of(self), args[i])) return KR_EXC;
    return KR_NONE;
}

// s.intersection(*others): folds left, each step a new set.
static KrValue set_intersection_multi(KrRun *r, KrValue self, size_t argc, const KrValue *args) {
    if (argc == 0) return set_copy(r, self);
    KrValue res = self;
    kr_root_push(r, &res);
    for (size_t i = 0; res != KR_EXC && i < argc; i++) res = set_intersection(r, res, args[i]);
    kr_root_pop(r, 1);
    return res;
}

static KrValue set_m_intersection(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                  KrValue kwnames) {
    SET_ARGS("intersection", 0, SIZE_MAX);
    return set_intersection_multi(r, self, argc, args);
}

static KrValue set_m_intersection_update(KrRun *r, KrValue self, size_t argc,
                                         const KrValue *args, KrValue kwnames) {
    SET_ARGS("intersection_update", 0, SIZE_MAX);
    KrValue tmp = set_intersection_multi(r, self, argc, args);
    if (tmp == KR_EXC) return KR_EXC;
    set_swap_bodies(set_of(self), set_of(tmp));
    return KR_NONE;
}

static KrValue set_m_difference(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                KrValue kwnames) {
    SET_ARGS("difference", 0, SIZE_MAX);
    if (argc == 0) return set_copy(r, self);
    KrValue res = set_difference(r, self, args[0]);
    if (res == KR_EXC) return KR_EXC;
    kr_root_push(r, &res);
    bool ok = true;
    for (size_t i = 1; ok && i < argc; i++)
        ok = set_difference_update_internal(r, set_of(res), args[i]);
    kr_root_pop(r, 1);
    return ok ? res : KR_EXC;
}

static KrValue set_m_difference_update(KrRun *r, KrValue self, size_t argc,
                                       const KrValue *args, KrValue kwnames) {
    SET_ARGS("difference_update", 0, SIZE_MAX);
    for (size_t i = 0; i < argc; i++)
        if (!set_difference_update_internal(r, set_of(self), args[i])) return KR_EXC;
    return KR_NONE;
}

static KrValue set_m_symmetric_difference(KrRun *r, KrValue self, size_t argc,
                                          const KrValue *args, KrValue kwnames) {
    SET_ARGS("symmetric_difference", 1, 1);
    return set_symmetric_difference(r, self, args[0]);
}

static KrValue set_m_symmetric_difference_update(KrRun *r, KrValue self, size_t argc,
                                                 const KrValue *args, KrValue kwnames) {
    SET_ARGS("symmetric_difference_update", 1, 1);
    return kr_set_symmetric_difference_update(r, set_of(self), args[0]) ? KR_NONE : KR_EXC;
}

static KrValue set_m_issubset(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                              KrValue kwnames) {
    SET_ARGS("issubset", 1, 1);
    int rc = set_issubset(r, self, args[0]);
    return rc < 0 ? KR_EXC : kr_bool(rc);
}

static KrValue set_m_issuperset(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                KrValue kwnames) {
    SET_ARGS("issuperset", 1, 1);
    int rc = set_issuperset(r, self, args[0]);
    return rc < 0 ? KR_EXC : kr_bool(rc);
}

static KrValue set_m_isdisjoint(KrRun *r, KrValue self, size_t argc, const KrValue *args,
                                KrValue kwnames) {
    SET_ARGS("isdisjoint", 1, 1);
    int rc = set_isdisjoint(r, self, args[0]);
    return rc < 0 ? KR_EXC : kr_bool(rc);
}

static const KrMethodDef set_methods[] = {
    {"add", set_m_add, 0},
    {"clear", set_m_clear, 0},
    {"__contains__", set_m_contains, 0},
    {"__len__", set_m_len, 0},
    {"__iter__", set_m_iter, 0},
    {"__init__", set_m_init, 0},
    {"copy", set_m_copy, 0},
    {"discard", set_m_discard, 0},
    {"difference", set_m_difference, 0},
    {"difference_update", set_m_difference_update, 0},
    {"intersection", set_m_intersection, 0},
    {"intersection_update", set_m_intersection_update, 0},
    {"isdisjoint", set_m_isdisjoint, 0},
    {"issubset", set_m_issubset, 0},
    {"issuperset", set_m_issuperset, 0},
    {"pop", set_m_pop, 0},
    {"remove", set_m_remove, 0},
    {"symmetric_difference", set_m_symmetric_difference, 0},
    {"symmetric_difference_update", set_m_symmetric_difference_update, 0},
    {"union", set_m_union, 0},
    {"update", set_m_update, 0},
    {NULL, NULL, 0},
};

static const KrMethodDef frozenset_methods[] = {
    {"__contains__", set_m_contains, 0},
    {"__len__", set_m_len, 0},
    {"__iter__", set_m_iter, 0},
    {"copy", set_m_copy, 0},
    {"difference", set_m_difference, 0},
    {"intersection", set_m_intersection, 0},
    {"isdisjoint", set_m_isdisjoint, 0},
    {"issubset", set_m_issubset, 0},
    {"issuperset", set_m_issuperset, 0},
    {"symmetric_difference", set_m_symmetric_difference, 0},
    {"union", set_m_union, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_set = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "set",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrSet),
    .trace = set_trace,
    .finalize = set_finalize,
    .construct = set_construct,
    .repr = set_repr,
    .compare = set_compare,
    .binary = set_binary,
    .inplace = set_inplace,
    .len = set_len,
    .contains = set_contains_slot,
    .iter = set_iter,
    .methods = set_methods,
    .snap = &set_snap,
};

const KrType kr_type_frozenset = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "frozenset",
    .base = &kr_type_object,
    .flags = KR_TF_BASETYPE,
    .basic_size = sizeof(KrSet),
    .trace = set_trace,
    .finalize = set_finalize,
    .construct = frozenset_construct,
    .repr = set_repr,
    .hash = set_hash,
    .compare = set_compare,
    .binary = set_binary,
    .len = set_len,
    .contains = set_contains_slot,
    .iter = set_iter,
    .methods = frozenset_methods,
    .snap = &set_snap,
};

// ---- run snapshots ----------------------------------------------------------------------------
// A set keeps its exact table (iteration order is table order): its size,
// then each used slot: its distance from the last one and its kind (a key
// whose hash the loader computes, a dummy, or a key and its stored hash:
// as for dicts, keys whose __hash__ is Python code store it).

#define SET_SNAP_MAX_LOG 37 // tables up to 2^40 slots, as SET_MAXSIZE
enum { SET_SNAP_KEY, SET_SNAP_DUMMY, SET_SNAP_HASHED };

static bool set_snap_write(KrRsWriter *w, const KrObj *o) {
    const KrSet *s = (const KrSet *)o;
    KrSnapWriter *out = kr_rs_out(w);
    uint64_t log = 0;
    while (((size_t)8 << log) < s->mask + 1) log++;
    kr_snap_put_uvar(out, log);
    kr_snap_put_uvar(out, s->finger);
    kr_snap_put_uvar(out, s->fill);
    size_t last = 0;
    int64_t h;
    for (size_t i = 0; i <= s->mask; i++) {
        KrValue k = s->table[i].key;
        if (k == KR_NULL) continue;
        unsigned kind = k == SET_DUMMY ? SET_SNAP_DUMMY : kr_rs_native_hash(k, &h) ? SET_SNAP_KEY : SET_SNAP_HASHED;
        kr_snap_put_uvar(out, (uint64_t)(i - last) << 2 | kind);
        last = i + 1;
        if (kind != SET_SNAP_DUMMY) kr_rs_put_value(w, k);
        if (kind == SET_SNAP_HASHED) kr_snap_put_svar(out, s->table[i].hash);
    }
    return true;
}

// The table of a loading set: sized from the input (bounded by what the
// input holds, as a real table is at most a few times its fill).
static KrSet *set_snap_alloc(KrRsReader *rd, const KrType *t, uint64_t log, size_t fill) {
    if (log > SET_SNAP_MAX_LOG) return kr_rs_fail(rd, "bad set table size"), NULL;
    size_t size = (size_t)8 << log;
    if (fill >= size || size / 32 > fill + 8) return kr_rs_fail(rd, "bad set table size"), NULL;
    KrSet *s = kr_rs_alloc(rd, t, sizeof(KrSet));
    if (!s) return NULL;
    memset((char *)s + sizeof(KrObj), 0, sizeof(KrSet) - sizeof(KrObj));
    s->table = s->small;
    s->mask = KR_SET_MINSIZE - 1;
    s->hash = -1;
    set_clear_entries(s->small, KR_SET_MINSIZE);
    if (size > KR_SET_MINSIZE) {
        KrSetEntry *table = kr_rs_mem(rd, size * sizeof(KrSetEntry));
        if (!table) return NULL;
        set_clear_entries(table, size);
        s->table = table;
        s->mask = size - 1;
    }
    return s;
}

// A key slot: its hash is -1 ("computed at the finish") or the stored one.
static bool set_snap_slot(KrRsReader *rd, KrSet *s, KrSetEntry *e, unsigned kind) {
    s->fill++;
    e->hash = -1;
    if (kind == SET_SNAP_DUMMY) {
        e->key = SET_DUMMY;
        e->hash = 0;
        return true;
    }
    s->used++;
    if (!kr_rs_get_value(rd, &e->key, KR_RS_ANY, NULL)) return false;
    if (kind == SET_SNAP_HASHED && (e->hash = kr_snap_get_svar(kr_rs_in(rd))) == -1)
        return kr_rs_fail(rd, "bad stored set hash");
    return kind <= SET_SNAP_HASHED || kr_rs_fail(rd, "bad set slot");
}

static KrObj *set_snap_read(KrRsReader *rd, const KrType *t) {
    KrSnapReader *in = kr_rs_in(rd);
    uint64_t log = kr_snap_get_uvar(in), finger = kr_snap_get_uvar(in);
    size_t fill = kr_rs_get_count(rd, 1, SIZE_MAX / 32);
    if (!kr_snap_ok(in)) return NULL;
    KrSet *s = set_snap_alloc(rd, t, log, fill);
    if (!s) return NULL;
    s->finger = finger > s->mask ? 0 : (size_t)finger;
    size_t pos = 0;
    for (size_t j = 0; j < fill && kr_snap_ok(in); j++) {
        uint64_t u = kr_snap_get_uvar(in);
        if ((u >> 2) > s->mask || pos + (u >> 2) > s->mask) return kr_rs_fail(rd, "set slot outside its table"), NULL;
        KrSetEntry *e = &s->table[pos + (u >> 2)];
        pos += (u >> 2) + 1;
        if (!set_snap_slot(rd, s, e, (unsigned)(u & 3))) return NULL;
    }
    return kr_snap_ok(in) ? &s->ob : NULL;
}

static bool set_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    KrSet *s = (KrSet *)o;
    if (stage != 0) return true;
    for (size_t i = 0; i <= s->mask; i++) {
        KrSetEntry *e = &s->table[i];
        int64_t h;
        if (!set_is_live(e->key)) continue;
        if (kr_rs_native_hash(e->key, &h)) e->hash = h;
        else if (e->hash == -1) return kr_rs_fail(rd, "a set key without its hash");
    }
    return true;
}

static const KrSnapOps set_snap = {NULL, set_snap_write, set_snap_read, set_snap_finish};

static const KrRsField setiter_fields[] = {
    KR_RS_FIELD(KrSetIter, set, KR_RSF_VALUE, KR_RS_ANY | KR_RS_NULL, NULL),
    KR_RS_SCALAR(KrSetIter, pos, KR_RSF_SIZE),
    KR_RS_SCALAR(KrSetIter, used, KR_RSF_SIZE),
    KR_RS_SCALAR(KrSetIter, len, KR_RSF_SIZE),
    KR_RS_END,
};

static bool setiter_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    KrValue s = ((KrSetIter *)o)->set;
    return stage == 0 || s == KR_NULL || kr_is_anyset(s) || kr_rs_fail(rd, "a set iterator over something else");
}

static const KrSnapOps setiter_snap = {setiter_fields, NULL, NULL, setiter_snap_finish};
