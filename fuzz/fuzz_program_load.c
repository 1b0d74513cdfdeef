// fuzz_program_load.c: libFuzzer target for loading program snapshots.
// Each input is loaded twice: as given (the container checks: magic,
// version, lengths, checksum), and with its header length and checksum
// made right, so that mutations reach the payload reader and the bytecode
// verifier. Whatever loads is run under tight limits, then dumped and
// loaded again. Crashes, sanitizer reports, leaks and aborts are findings.
#include <stdio.h>
#include <stdlib.h>
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void try_load(const uint8_t *data, size_t size) {
    KrProgram *p = NULL;
    char err[256];
    if (kr_program_load(kr_checking_allocator, data, size, NULL, 0, &p, err, sizeof err) != KR_SNAP_OK) return;
    (void)fz_run_program(p);
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    KrProgram *q = NULL;
    if (kr_program_dump(p, &b, NULL, 0) != KR_SNAP_OK ||
        kr_program_load(kr_checking_allocator, (const uint8_t *)b.data, b.len, NULL, 0, &q, err, sizeof err) !=
            KR_SNAP_OK) {
        fprintf(stderr, "a loaded program does not dump and load again: %s\n", err);
        abort();
    }
    kr_program_free(q);
    kr_buf_free(&b);
    kr_program_free(p);
    // a key was given: nothing the fuzzer makes carries a valid tag
    static const uint8_t key[] = "fuzz";
    if (kr_program_load(kr_checking_allocator, data, size, key, 4, &p, err, sizeof err) == KR_SNAP_OK) {
        fprintf(stderr, "an unsigned or forged blob was accepted with a key\n");
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
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
