// test_heap.c: the run's allocator and collector: byte and allocation
// accounting, limit refusals before allocating, collection of garbage
// (including cycles), and the id map.
#include <stdio.h>
#include "../../src/types.h"
#include "../../src/vm.h"
#include "../../src/compiler.h"

#include "check.h"

static void test_accounting(void) {
    KrRun *r = kr_run_create(kr_default_allocator);
    size_t before = r->heap_bytes;
    KrValue l = kr_list_new(r, 0);
    CHECK(l != KR_EXC);
    CHECK(r->heap_bytes > before);
    for (int i = 0; i < 1000; i++) CHECK(kr_list_append(r, kr_as_list(l), kr_from_small(i)));
    size_t with_list = r->heap_bytes;
    // unreachable: everything goes at the next collection
    kr_gc_collect(r);
    CHECK(r->heap_bytes < with_list);
    CHECK(r->heap_bytes == before);
    kr_run_destroy(r);
}

static void test_roots_survive(void) {
    KrRun *r = kr_run_create(kr_default_allocator);
    KrValue l = kr_list_new(r, 0);
    kr_root_push(r, &l);
    KrValue s = kr_str_from_cstr(r, "kept");
    CHECK(kr_list_append(r, kr_as_list(l), s));
    kr_gc_collect(r);
    CHECK(kr_as_list(l)->len == 1);
    CHECK(kr_str_eq_cstr(kr_as_str(kr_as_list(l)->items[0]), "kept"));
    kr_root_pop(r, 1);
    kr_run_destroy(r);
}

static void test_cycles_collected(void) {
    KrRun *r = kr_run_create(kr_default_allocator);
    size_t before = r->heap_bytes;
    for (int i = 0; i < 100; i++) {
        KrValue a = kr_list_new(r, 1), b = kr_list_new(r, 1);
        CHECK(kr_list_append(r, kr_as_list(a), b));
        CHECK(kr_list_append(r, kr_as_list(b), a));
    }
    kr_gc_collect(r);
    CHECK(r->heap_bytes == before);
    kr_run_destroy(r);
}

static void test_memory_limit_refuses_first(void) {
    KrRun *r = kr_run_create(kr_default_allocator);
    r->limits.max_memory = 1 << 20;
    size_t before = r->heap_bytes;
    void *p = kr_mem_alloc(r, (size_t)1 << 40); // never attempted
    CHECK(p == NULL);
    CHECK(r->limit_hit == KR_LIMIT_MEMORY);
    CHECK(r->heap_bytes == before);
    kr_run_destroy(r);
}

static void test_alloc_limit(void) {
    KrRun *r = kr_run_create(kr_default_allocator);
    r->limits.max_allocations = 10;
    int made = 0;
    void *blocks[16];
    while (made < 16 && (blocks[made] = kr_mem_alloc(r, 16))) made++;
    CHECK(made == 10);
    CHECK(r->limit_hit == KR_LIMIT_ALLOCS);
    for (int i = 0; i < made; i++) kr_mem_free(r, blocks[i], 16);
    kr_run_destroy(r);
}

static void test_deep_structure_marks(void) {
    // a 200000-deep nested list is marked without C recursion
    KrRun *r = kr_run_create(kr_default_allocator);
    KrValue head = kr_list_new(r, 1);
    kr_root_push(r, &head);
    KrValue cur = head;
    for (int i = 0; i < 200000; i++) {
        KrValue n = kr_list_new(r, 1);
        if (!kr_list_append(r, kr_as_list(cur), n)) break;
        cur = n;
    }
    size_t live = r->heap_bytes;
    kr_gc_collect(r);
    CHECK(r->heap_bytes == live);
    kr_root_pop(r, 1);
    kr_gc_collect(r);
    CHECK(r->heap_bytes < live / 100);
    kr_run_destroy(r);
}

static void test_ids(void) {
    KrRun *r = kr_run_create(kr_default_allocator);
    KrValue a = kr_list_new(r, 0), b = kr_list_new(r, 0);
    kr_root_push(r, &a);
    uint64_t ia = kr_object_id(r, a), ib = kr_object_id(r, b);
    CHECK(ia != ib);
    CHECK(kr_object_id(r, a) == ia);
    kr_gc_collect(r); // b dies and leaves the map
    CHECK(kr_object_id(r, a) == ia);
    kr_root_pop(r, 1);
    kr_run_destroy(r);
}

// The pre-hashed static strs carry their text's hash (CPython's str hash,
// as kr_str_hash computes it).
static void test_well_known_strs(void) {
    for (size_t k = 0; k < KR_NWELL_KNOWN_STRS; k++) {
        const KrStr *s = kr_well_known_strs[k];
        CHECK(s->hash == kr_hash_bytes(s->data, s->nbytes));
        CHECK(s->len == s->nbytes && s->data[s->nbytes] == 0);
        CHECK(s->data[0] == '<' || s->data[0] == '_'); // the compiler looks for them only then
        for (size_t j = 0; j < k; j++) CHECK(strcmp(s->data, kr_well_known_strs[j]->data) != 0);
    }
}

// Every built-in name is found where it is (the lookup searches the
// functions and types by halves, so this also checks their order).
static void test_builtin_lookup(void) {
    KrRun *r = kr_run_create(kr_default_allocator);
    KrValue names = kr_builtin_names(r);
    CHECK(names != KR_EXC);
    KrList *l = kr_as_list(names);
    CHECK(l->len > 100);
    for (size_t i = 0; i < l->len; i++) {
        const char *n = kr_as_str(l->items[i])->data;
        int32_t k = kr_builtin_lookup(n);
        CHECK(k >= 0 && (size_t)k < l->len && strcmp(kr_as_str(l->items[k])->data, n) == 0);
    }
    CHECK(kr_builtin_lookup("NotImplemented") == (int32_t)l->len);
    CHECK(kr_builtin_lookup("Ellipsis") == (int32_t)l->len + 1);
    const char *absent[] = {"", "a", "zz", "lens", "Len", "ValueErrors", "__build_class", "_", "~"};
    for (size_t i = 0; i < sizeof absent / sizeof absent[0]; i++) CHECK(kr_builtin_lookup(absent[i]) == -1);
    kr_run_destroy(r);
}

int main(void) {
    test_well_known_strs();
    test_builtin_lookup();
    test_accounting();
    test_roots_survive();
    test_cycles_collected();
    test_memory_limit_refuses_first();
    test_alloc_limit();
    test_deep_structure_marks();
    test_ids();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
