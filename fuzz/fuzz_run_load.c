// fuzz_run_load.c: libFuzzer target for loading run snapshots (paused
// runs). Each input is loaded as given, then with its header length and
// checksum made right (so mutations reach the payload reader, the object
// checks and the frame checks). A by-reference snapshot is given the
// program of fuzz_run_program.h. Whatever loads is dumped and loaded again
// (what loads must save and load), then run on under tight limits, every
// pending call answered with None, a bounded number of times (a session
// is then fed one more snippet). Crashes,
// sanitizer reports, leaks and aborts are findings.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "krait.h"
#include "../src/snap.h"
#include "fuzz_run_program.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static KraitProgram *program;

static void run_options(KraitOptions *o) {
    krait_options_init(o);
    o->max_memory = 32u << 20;
    o->max_allocations = 1u << 20;
    o->max_duration_ns = 200u * 1000 * 1000;
    o->max_output = 1u << 16;
    o->max_recursion = 200;
    o->async_names = fz_async_names;
    o->nasync = 2;
}

static KraitStatus load(const uint8_t *data, size_t size, KraitRun **out) {
    KraitLoadOptions l;
    krait_load_options_init(&l);
    KraitOptions o;
    run_options(&o);
    l.run_options = &o;
    KraitError err;
    KraitStatus st = krait_run_load(data, size, &l, out, &err);
    if (st == KRAIT_ERR_SNAPSHOT && strstr(err.message, "program must be given")) {
        l.program = program;
        st = krait_run_load(data, size, &l, out, &err);
    }
    if (st != KRAIT_OK && st != KRAIT_ERR_SNAPSHOT && st != KRAIT_ERR_LIMIT && st != KRAIT_ERR_NOMEM) {
        fprintf(stderr, "krait_run_load: unexpected status %d\n", st);
        abort();
    }
    return st;
}

// A loaded run saves again (unless it holds what cannot be saved) and
// that snapshot loads.
static void check_resave(const KraitRun *run) {
    KraitDumpOptions d;
    krait_dump_options_init(&d);
    uint8_t *bytes;
    size_t n;
    if (krait_run_dump(run, &d, &bytes, &n) != KRAIT_OK) return;
    KraitRun *again = NULL;
    if (load(bytes, n, &again) == KRAIT_ERR_SNAPSHOT) {
        fprintf(stderr, "a loaded run saved a snapshot that does not load\n");
        abort();
    }
    krait_run_free(again);
    krait_free(bytes);
}

static void try_load(const uint8_t *data, size_t size) {
    KraitRun *run = NULL;
    if (load(data, size, &run) != KRAIT_OK) return;
    check_resave(run);
    KraitStatus st = KRAIT_PAUSED;
    KraitValue none = krait_none();
    for (int k = 0; k < 8 && st == KRAIT_PAUSED; k++) {
        size_t n;
        const KraitCall *c = krait_run_pending(run, &n);
        for (size_t i = 0; i < n; i++) krait_run_resolve(run, c[i].id, &none);
        st = krait_run_continue(run);
    }
    // a loaded session takes another snippet (other runs refuse it)
    static const char more[] = "print(len(dir()), [type(v).__name__ for v in globals().values()])\n";
    krait_session_feed(run, more, sizeof more - 1, NULL, NULL);
    krait_run_free(run);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!program && !(program = fz_compile_run_program())) abort();
    try_load(data, size);
    if (size < KR_SNAP_HEADER_SIZE + KR_SNAP_CRC_SIZE) return 0;
    uint8_t *b = malloc(size);
    if (!b) return 0;
    memcpy(b, data, size);
    uint64_t plen = size - KR_SNAP_HEADER_SIZE - KR_SNAP_CRC_SIZE;
    kr_snap_store_le32(b + 12, 0); // unsigned
    kr_snap_store_le32(b + 16, (uint32_t)plen);
    kr_snap_store_le32(b + 20, (uint32_t)(plen >> 32));
    kr_snap_store_le32(b + size - KR_SNAP_CRC_SIZE, kr_snap_crc32(0, b, size - KR_SNAP_CRC_SIZE));
    try_load(b, size);
    free(b);
    return 0;
}
