// test_pools.c: the heap's small-block pools. Built against the release
// objects (the sanitizer build turns the pools off so that every block
// reaches the sanitizers): reuse by size class, and the newest carved
// block growing, shrinking and being freed in place.
#include <stdio.h>
#include <string.h>
#include "../../src/run.h"

#include "check.h"

static bool filled(const unsigned char *p, int c, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (p[i] != c) return false;
    return true;
}

// A freed block is handed out again for the next request of its class.
static void test_class_reuse(void) {
    KrRun *r = kr_run_create(kr_default_allocator);
    void *a = kr_mem_alloc(r, 40), *b = kr_mem_alloc(r, 40);
    CHECK(a && b && a != b);
    kr_mem_free(r, a, 40);
    CHECK(kr_mem_alloc(r, 33) == a); // 33..48 bytes: the same class
    kr_mem_free(r, a, 33);
    kr_mem_free(r, b, 40);
    CHECK(r->heap_bytes == 0);
    kr_run_destroy(r);
}

// The newest block grows and shrinks where it is, keeping its bytes; the
// budget counts the sizes asked for.
static void test_newest_in_place(void) {
    KrRun *r = kr_run_create(kr_default_allocator);
    void *a = kr_mem_alloc(r, 24);
    unsigned char *q = kr_mem_alloc(r, 64);
    CHECK(a && q);
    memset(q, 7, 64);
    unsigned char *g = kr_mem_realloc(r, q, 64, 200);
    CHECK(g == q && filled(g, 7, 64));
    CHECK(r->heap_bytes == 24 + 200);
    memset(g, 9, 200);
    unsigned char *s = kr_mem_realloc(r, g, 200, 20);
    CHECK(s == q && filled(s, 9, 20));
    CHECK(r->heap_bytes == 24 + 20);
    // freed, its room is carved again (not kept for its class alone)
    kr_mem_free(r, s, 20);
    void *c = kr_mem_alloc(r, 250);
    CHECK(c == q);
    kr_mem_free(r, c, 250);
    kr_mem_free(r, a, 24);
    CHECK(r->heap_bytes == 0);
    kr_run_destroy(r);
}

// A block that is not the newest moves to grow, and its old place serves
// its class again.
static void test_older_block_moves(void) {
    KrRun *r = kr_run_create(kr_default_allocator);
    unsigned char *a = kr_mem_alloc(r, 48);
    void *b = kr_mem_alloc(r, 16);
    memset(a, 3, 48);
    unsigned char *g = kr_mem_realloc(r, a, 48, 100);
    CHECK(g && g != a && filled(g, 3, 48));
    CHECK(kr_mem_alloc(r, 48) == a);
    kr_mem_free(r, a, 48);
    kr_mem_free(r, b, 16);
    kr_mem_free(r, g, 100);
    CHECK(r->heap_bytes == 0);
    kr_run_destroy(r);
}

// Growing past the small sizes moves to the host allocator; the newest
// block's room goes back to carving.
static void test_growth_leaves_pools(void) {
    KrRun *r = kr_run_create(kr_default_allocator);
    unsigned char *q = kr_mem_alloc(r, 200);
    memset(q, 5, 200);
    unsigned char *big = kr_mem_realloc(r, q, 200, 4000);
    CHECK(big && big != q && filled(big, 5, 200));
    CHECK(kr_mem_alloc(r, 256) == q);
    kr_mem_free(r, q, 256);
    kr_mem_free(r, big, 4000);
    CHECK(r->heap_bytes == 0);
    kr_run_destroy(r);
}

// An in-place growth the memory limit refuses leaves the block as it was.
static void test_limit_refuses_in_place(void) {
    KrRun *r = kr_run_create(kr_default_allocator);
    r->limits.max_memory = 100;
    unsigned char *q = kr_mem_alloc(r, 64);
    CHECK(q != NULL);
    memset(q, 1, 64);
    CHECK(kr_mem_realloc(r, q, 64, 200) == NULL);
    CHECK(r->limit_hit == KR_LIMIT_MEMORY);
    CHECK(r->heap_bytes == 64 && filled(q, 1, 64));
    kr_mem_free(r, q, 64);
    kr_run_destroy(r);
}

// Many lists' worth of growth and frees, interleaved, keep every block's
// bytes (a block handed out twice would be overwritten here).
static void test_interleaved(void) {
    KrRun *r = kr_run_create(kr_default_allocator);
    enum { N = 64 };
    unsigned char *p[N];
    size_t n[N];
    for (int i = 0; i < N; i++) {
        n[i] = 8;
        p[i] = kr_mem_alloc(r, n[i]);
        memset(p[i], i, n[i]);
    }
    for (int round = 0; round < 40; round++) {
        for (int i = round % 3; i < N; i += 3) {
            size_t m = (n[i] * 5) % 300 + 1;
            unsigned char *g = kr_mem_realloc(r, p[i], n[i], m);
            CHECK(g != NULL && filled(g, i, n[i] < m ? n[i] : m));
            memset(g, i, m);
            p[i] = g;
            n[i] = m;
        }
    }
    size_t total = 0;
    for (int i = 0; i < N; i++) {
        CHECK(filled(p[i], i, n[i]));
        total += n[i];
    }
    CHECK(r->heap_bytes == total);
    for (int i = 0; i < N; i++) kr_mem_free(r, p[i], n[i]);
    CHECK(r->heap_bytes == 0);
    kr_run_destroy(r);
}

int main(void) {
    test_class_reuse();
    test_newest_in_place();
    test_older_block_moves();
    test_growth_leaves_pools();
    test_limit_refuses_in_place();
    test_interleaved();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
