// heap.c: the run's heap. Every allocation passes the budget checks here,
// above the host's allocator, so no host hook can bypass the limits.
// Collection is mark-and-sweep over the run's object list, called only at
// VM safepoints (see run.h).
#include "run.h"
#include "types.h"
#include "vm.h"

// Without a memory limit, a request beyond this is refused at once (as an
// ordinary MemoryError) rather than handed to the host allocator.
#define KR_ALLOC_IMPOSSIBLE ((size_t)1 << 48)

static bool budget_refuses_slow(KrRun *r, size_t size) {
    if (r->limit_hit) return true;
    if (!r->limits.max_memory && size > KR_ALLOC_IMPOSSIBLE) {
        // no host grants this: CPython's plain, catchable MemoryError
        KrValue e = kr_exc_new(r, &kr_exc_MemoryError, kr_from_obj(&kr_empty_tuple));
        if (e != KR_EXC) kr_raise_value(r, e);
        return true;
    }
    size_t total;
    if (!kr_size_add(r->heap_bytes, size, &total)) total = SIZE_MAX;
    if (r->limits.max_memory && total > r->limits.max_memory) {
        kr_raise_limit(r, KR_LIMIT_MEMORY, total);
        return true;
    }
    if (r->limits.max_allocations && r->nallocs >= r->limits.max_allocations) {
        kr_raise_limit(r, KR_LIMIT_ALLOCS, r->nallocs + 1);
        return true;
    }
    return false;
}

// Inline: every allocation asks; the slow path raises the limit error.
static inline bool budget_refuses(KrRun *r, size_t size) {
    size_t cap = r->limits.max_memory ? r->limits.max_memory : KR_ALLOC_IMPOSSIBLE;
    if (KR_LIKELY(!r->limit_hit && r->heap_bytes <= cap && size <= cap - r->heap_bytes &&
                  (!r->limits.max_allocations || r->nallocs < r->limits.max_allocations)))
        return false;
    return budget_refuses_slow(r, size);
}

static void note_alloc(KrRun *r, size_t size) {
    r->heap_bytes += size;
    r->nallocs++;
    if (r->heap_bytes >= r->gc_threshold) r->gc_pending = true;
}

// Small blocks (most objects) are recycled through per-run free lists by
// 16-byte size class: far cheaper than the host allocator. The budget still
// counts the sizes callers ask for. The sanitizer build (KR_CHECK_SIZES)
// skips the pools so every block stays visible to the sanitizers.
#define POOL_STEP 16
#define POOL_MAX 256

#ifndef KR_CHECK_SIZES
static bool pooled(size_t size) { return size <= POOL_MAX; }
#else
static bool pooled(size_t size) {
    (void)size;
    return false;
}
#endif

// Under AddressSanitizer with the pools on (the fuzz build), free pool
// memory is poisoned: a use after free of a small block is caught there
// as it would be with malloc.
#if defined(__SANITIZE_ADDRESS__)
#define KR_POOL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KR_POOL_ASAN 1
#endif
#endif
#ifdef KR_POOL_ASAN
void __asan_poison_memory_region(void const volatile *addr, size_t size);
void __asan_unpoison_memory_region(void const volatile *addr, size_t size);
#define POOL_POISON(p, n) __asan_poison_memory_region((p), (n))
#define POOL_UNPOISON(p, n) __asan_unpoison_memory_region((p), (n))
#else
#define POOL_POISON(p, n) ((void)(p), (void)(n))
#define POOL_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

static size_t pool_class(size_t size) { return (size - 1) / POOL_STEP; }
static size_t pool_bytes(size_t size) { return (pool_class(size) + 1) * POOL_STEP; } // a block's carved size

// New small blocks are carved from chunks that start at 1 KB (an idle run
// holds little) and double up to 64 KB; a chunk starts with its list link
// and its size.
#define POOL_CHUNK_FIRST ((size_t)512)
#define POOL_CHUNK_MAX ((size_t)64 * 1024)

static void pool_install(KrRun *r, char *chunk, size_t size) {
    memcpy(chunk, &r->pool_chunks, sizeof(void *)); // chunks form a list
    memcpy(chunk + sizeof(void *), &size, sizeof size);
    r->pool_chunks = chunk;
    r->pool_next = chunk + POOL_STEP;
    r->pool_left = size - POOL_STEP;
    POOL_POISON(r->pool_next, r->pool_left);
}

static void *pool_carve(KrRun *r, size_t bytes) {
    if (r->pool_left < bytes) {
        size_t size = POOL_CHUNK_FIRST;
        if (r->pool_chunks) {
            memcpy(&size, (char *)r->pool_chunks + sizeof(void *), sizeof size);
            if (size < POOL_CHUNK_MAX) size *= 2;
        }
        char *chunk = r->alloc.fn(r->alloc.ud, NULL, 0, size);
        if (!chunk) return NULL;
        pool_install(r, chunk, size);
    }
    void *p = r->pool_next;
    r->pool_next += bytes;
    r->pool_left -= bytes;
    return p;
}

// The newest carved block (it ends where carving goes on) can grow or
// shrink in place, and goes back to the carving room when freed: a
// growing buffer (a list being built) then leaves no blocks behind on the
// free lists.
static bool pool_is_last(const KrRun *r, const void *p, size_t bytes) {
    return (const char *)p + bytes == r->pool_next;
}

static bool pool_resize_last(KrRun *r, void *p, size_t old_bytes, size_t new_bytes) {
    if (!pool_is_last(r, p, old_bytes) || (new_bytes > old_bytes && new_bytes - old_bytes > r->pool_left)) return false;
    r->pool_next = (char *)p + new_bytes;
    r->pool_left = r->pool_left + old_bytes - new_bytes;
    return true;
}

static void *pool_alloc(KrRun *r, size_t size) {
    size_t c = pool_class(size);
    void *p = r->pool[c];
    if (p) {
        POOL_UNPOISON(p, sizeof(void *));
        memcpy(&r->pool[c], p, sizeof(void *));
        return p;
    }
    return pool_carve(r, pool_bytes(size));
}

void kr_heap_seed(KrRun *r, void *mem, size_t size) {
    r->seed_pool = mem;
    pool_install(r, mem, size);
}

// At the run's end: nothing is carved or recycled after this.
void kr_heap_drain_pools(KrRun *r) {
    while (r->pool_chunks) {
        char *chunk = r->pool_chunks;
        size_t size;
        memcpy(&r->pool_chunks, chunk, sizeof(void *));
        memcpy(&size, chunk + sizeof(void *), sizeof size);
        POOL_UNPOISON(chunk, size);
        if (chunk != r->seed_pool) r->alloc.fn(r->alloc.ud, chunk, size, 0);
    }
}

void *kr_mem_alloc(KrRun *r, size_t size) {
    if (size == 0) size = 1;
    if (budget_refuses(r, size)) return NULL;
    void *p = pooled(size) ? pool_alloc(r, size) : r->alloc.fn(r->alloc.ud, NULL, 0, size);
    if (!p) {
        kr_raise_limit(r, KR_LIMIT_NOMEM, size);
        return NULL;
    }
    if (pooled(size)) POOL_UNPOISON(p, size);
    note_alloc(r, size);
    return p;
}

// A small block resized where it is: within its size class, or as the
// newest carved block (false: it must move, or the budget refused; then
// the run's limit error is set).
static bool pool_resize(KrRun *r, void *p, size_t old_size, size_t new_size) {
    size_t ob = pool_bytes(old_size), nb = pool_bytes(new_size);
    if (ob != nb && !pool_is_last(r, p, ob)) return false;
    if (new_size > old_size && budget_refuses(r, new_size - old_size)) return false;
    if (ob != nb && !pool_resize_last(r, p, ob, nb)) return false;
    r->heap_bytes = r->heap_bytes - old_size + new_size;
    POOL_POISON(p, ob > nb ? ob : nb);
    POOL_UNPOISON(p, new_size);
    return true;
}

void *kr_mem_realloc(KrRun *r, void *p, size_t old_size, size_t new_size) {
    if (!p) return kr_mem_alloc(r, new_size);
    if (new_size == 0) new_size = 1;
    if (old_size == 0) old_size = 1;
    if (pooled(old_size) || pooled(new_size)) {
        if (pooled(old_size) && pooled(new_size) && pool_resize(r, p, old_size, new_size)) return p;
        void *q = kr_mem_alloc(r, new_size);
        if (!q) return NULL;
        memcpy(q, p, old_size < new_size ? old_size : new_size);
        kr_mem_free(r, p, old_size);
        return q;
    }
    if (new_size > old_size && budget_refuses(r, new_size - old_size)) return NULL;
    void *q = r->alloc.fn(r->alloc.ud, p, old_size, new_size);
    if (!q) {
        kr_raise_limit(r, KR_LIMIT_NOMEM, new_size);
        return NULL;
    }
    r->heap_bytes = r->heap_bytes - old_size + new_size;
    if (r->heap_bytes >= r->gc_threshold) r->gc_pending = true;
    return q;
}

void kr_mem_free(KrRun *r, void *p, size_t size) {
    if (!p) return;
    if (size == 0) size = 1;
    r->heap_bytes -= size;
    if (pooled(size)) {
        if (pool_resize_last(r, p, pool_bytes(size), 0)) {
            POOL_POISON(p, pool_bytes(size));
            return;
        }
        size_t c = pool_class(size);
        POOL_UNPOISON(p, sizeof(void *)); // (a block asked for fewer bytes than the link)
        memcpy(p, &r->pool[c], sizeof(void *));
        r->pool[c] = p;
        POOL_POISON(p, pool_bytes(size));
        return;
    }
    r->alloc.fn(r->alloc.ud, p, size, 0);
}

void *kr_gc_alloc(KrRun *r, const KrType *t, size_t size) {
    // Instances of classes get their dict slot and __slots__ words after
    // the layout's data (exceptions keep their dict in KrExc).
    size_t extra = 0;
    if (t->flags & KR_TF_HEAP) extra = (size_t)t->nslots + !(t->flags & KR_TF_EXC);
    size_t body = (size + 7) & ~(size_t)7, words;
    if (extra && (!kr_size_mul(extra, sizeof(KrValue), &words) || !kr_size_add(body, words, &size))) size = SIZE_MAX;
    KrObj *o = kr_mem_alloc(r, size);
    if (!o) return NULL;
    for (size_t i = 0; i < extra; i++) ((KrValue *)((char *)o + body))[i] = KR_NULL;
    o->type = t;
    o->gc = (uintptr_t)r->objects;
    r->objects = o;
    return o;
}

static void *run_realloc(void *ud, void *p, size_t old_size, size_t new_size) {
    KrRun *r = ud;
    if (new_size == 0) {
        kr_mem_free(r, p, old_size);
        return NULL;
    }
    return kr_mem_realloc(r, p, old_size, new_size);
}

KrAllocator kr_run_allocator(KrRun *r) {
    KrAllocator a = {run_realloc, r};
    return a;
}

static size_t obj_size(const KrObj *o) {
    return o->type->objsize ? o->type->objsize(o) : o->type->basic_size;
}

// ---- marking ------------------------------------------------------------------
// Gray objects go on an explicit stack so deep structures never recurse on
// the C stack. The stack lives outside the budget (it is the collector's
// own memory); if it cannot grow, marking falls back to rescanning.

void kr_gc_mark_obj(KrRun *r, KrObj *o) {
    if (!o || (o->gc & (KR_GC_MARK | KR_GC_STATIC))) return;
    o->gc |= KR_GC_MARK;
    // an object keeps its class alive (a class made in a function may be
    // reachable only through its instances); a class's own type is static
    if (o->type->flags & KR_TF_HEAP) kr_gc_mark_obj(r, (KrObj *)o->type);
    if (!o->type->trace) return;
    if (r->ngray == r->gray_cap) {
        size_t cap = r->gray_cap ? r->gray_cap * 2 : 256;
        KrObj **g = r->alloc.fn(r->alloc.ud, r->gray, r->gray_cap * sizeof *g, cap * sizeof *g);
        if (!g) {
            r->gray_overflow = true; // traced again by a rescan pass
            return;
        }
        r->gray = g;
        r->gray_cap = cap;
    }
    r->gray[r->ngray++] = o;
}

void kr_gc_mark(KrRun *r, KrValue v) {
    if (kr_is_ptr(v)) kr_gc_mark_obj(r, kr_as_obj(v));
}

static void drain_gray(KrRun *r) {
    while (r->ngray) {
        KrObj *o = r->gray[--r->ngray];
        o->type->trace(r, o);
    }
}

// After a gray-stack overflow, re-trace every marked object until no new
// object gets marked. Slow, but only reached when memory is exhausted.
static void rescan_marked(KrRun *r) {
    while (r->gray_overflow) {
        r->gray_overflow = false;
        for (KrObj *o = r->objects; o; o = (KrObj *)(o->gc & ~KR_GC_FLAGS)) {
            if ((o->gc & KR_GC_MARK) && o->type->trace) {
                o->type->trace(r, o);
                drain_gray(r);
            }
        }
    }
}

static void mark_roots(KrRun *r) {
    kr_gc_mark(r, r->exc);
    kr_gc_mark(r, r->exc_info);
    kr_gc_mark(r, r->exc_outer);
    kr_gc_mark(r, r->globals);
    kr_gc_mark(r, r->repr_guard);
    kr_gc_mark(r, r->main_name);
    kr_gc_mark(r, r->modules);
    kr_gc_mark(r, r->stop_exc);
    kr_gc_mark(r, r->pending);
    kr_gc_mark(r, r->paused_call);
    kr_gc_mark(r, r->main_coro);
    kr_gc_mark(r, r->result);
    for (size_t i = 0; i < r->nroots; i++) kr_gc_mark(r, *r->roots[i]);
    kr_vm_mark_frames(r);
}

static void free_object(KrRun *r, KrObj *o) {
    if (o->type->finalize) o->type->finalize(r, o);
    kr_mem_free(r, o, obj_size(o));
}

// Classes are freed after everything else: an object older than its class
// (its __class__ was assigned) still needs the class to be finalized and
// sized. `classes` chains them through their gc word.
static void free_classes(KrRun *r, KrObj *classes) {
    while (classes) {
        KrObj *next = (KrObj *)(classes->gc & ~KR_GC_FLAGS);
        free_object(r, classes);
        classes = next;
    }
}

static void sweep(KrRun *r) {
    KrObj *prev = NULL, *classes = NULL;
    KrObj *o = r->objects;
    while (o) {
        KrObj *next = (KrObj *)(o->gc & ~KR_GC_FLAGS);
        if (o->gc & KR_GC_MARK) {
            o->gc &= ~KR_GC_MARK;
            prev = o;
        } else {
            if (prev) prev->gc = (prev->gc & KR_GC_FLAGS) | (uintptr_t)next;
            else r->objects = next;
            if (o->gc & KR_GC_HASID) kr_object_id_forget(r, o);
            if (o->type == &kr_type_type) {
                o->gc = (uintptr_t)classes;
                classes = o;
            } else {
                free_object(r, o);
            }
        }
        o = next;
    }
    free_classes(r, classes);
}

void kr_gc_collect(KrRun *r) {
    r->spare_call = KR_NULL; // unmarked: swept like any garbage
    mark_roots(r);
    drain_gray(r);
    rescan_marked(r);
    sweep(r);
    kr_attr_sites_clear(r); // it names classes the sweep may have freed
    r->gc_pending = false;
    // Next collection when the heap has doubled (at least 1 MB more), or
    // sooner when a memory limit is near.
    size_t next = r->heap_bytes * 2;
    if (next < r->heap_bytes + ((size_t)1 << 20)) next = r->heap_bytes + ((size_t)1 << 20);
    if (r->limits.max_memory) {
        size_t near = r->heap_bytes + (r->limits.max_memory - r->heap_bytes) / 2;
        if (r->heap_bytes < r->limits.max_memory && near < next) next = near;
    }
    r->gc_threshold = next;
}

// Back to the run's inline root stack (the caller knows it is empty).
static void roots_shrink(KrRun *r) {
    if (r->roots != r->roots_inline) r->alloc.fn(r->alloc.ud, r->roots, r->roots_cap * sizeof *r->roots, 0);
    r->roots = r->roots_inline;
    r->roots_cap = KR_ROOTS_INLINE;
}

void kr_heap_free_all(KrRun *r) {
    KrObj *o = r->objects, *classes = NULL;
    while (o) {
        KrObj *next = (KrObj *)(o->gc & ~KR_GC_FLAGS);
        if (o->type == &kr_type_type) {
            o->gc = (uintptr_t)classes;
            classes = o;
        } else {
            free_object(r, o);
        }
        o = next;
    }
    free_classes(r, classes);
    r->objects = NULL;
    if (r->gray) r->alloc.fn(r->alloc.ud, r->gray, r->gray_cap * sizeof *r->gray, 0);
    r->gray = NULL;
    roots_shrink(r);
}

// A paused run may wait long: it gives back the work stacks it holds
// empty (the gray stack, a grown root stack) and the spare frame chunk.
void kr_heap_trim(KrRun *r) {
    if (r->gray && r->ngray == 0) {
        r->alloc.fn(r->alloc.ud, r->gray, r->gray_cap * sizeof *r->gray, 0);
        r->gray = NULL;
        r->gray_cap = 0;
    }
    if (r->nroots == 0) roots_shrink(r);
    kr_vm_trim(r);
}

// The root stack is full: it grows (or the run ends for want of memory).
void kr_root_push_slow(KrRun *r, KrValue *slot) {
    if (r->nroots == r->roots_cap) {
        size_t cap = r->roots_cap * 2, bytes = SIZE_MAX;
        bool inline_now = r->roots == r->roots_inline;
        KrValue **p = NULL;
        if (kr_size_mul(cap, sizeof *p, &bytes))
            p = r->alloc.fn(r->alloc.ud, inline_now ? NULL : r->roots, inline_now ? 0 : r->roots_cap * sizeof *p, bytes);
        if (p && inline_now) memcpy(p, r->roots_inline, sizeof r->roots_inline);
        if (!p) {
            // No room to root: end the run (nothing may collect this
            // value now), but keep the push/pop count balanced.
            kr_raise_limit(r, KR_LIMIT_NOMEM, bytes);
            r->roots_dropped++;
            return;
        }
        r->roots = p;
        r->roots_cap = cap;
    }
    r->roots[r->nroots++] = slot;
}

void kr_root_pop_slow(KrRun *r, size_t n) {
    while (n && r->roots_dropped) { r->roots_dropped--; n--; }
    r->nroots = n > r->nroots ? 0 : r->nroots - n;
}
