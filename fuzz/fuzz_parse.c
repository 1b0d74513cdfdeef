// fuzz_parse.c: libFuzzer target for the front end: lexer, parser,
// symbol table and compiler on arbitrary bytes. Everything the compiler
// accepts must also pass the snapshot verifier (dumped and loaded back):
// a refusal there is a finding too (a compiler bug or a verifier gap).
#include <stdio.h>
#include <stdlib.h>
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    KrSyntaxErr se;
    KrProgram *p = kr_compile(kr_checking_allocator, (const char *)data, size, "<fuzz>", &se);
    if (!p) return 0;
    KrBuf b;
    kr_buf_init(&b, kr_default_allocator);
    KrProgram *q = NULL;
    char err[256] = "";
    if (kr_program_dump(p, &b, NULL, 0) != KR_SNAP_OK ||
        kr_program_load(kr_checking_allocator, (const uint8_t *)b.data, b.len, NULL, 0, &q, err, sizeof err) !=
            KR_SNAP_OK) {
        fprintf(stderr, "a compiled program does not load back: %s\n", err);
        abort();
    }
    kr_program_free(q);
    kr_buf_free(&b);
    kr_program_free(p);
    return 0;
}
