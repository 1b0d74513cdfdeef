// fuzz_run.c: libFuzzer target for whole runs: arbitrary source compiled
// and run under tight limits (memory, allocations, 200 ms, output,
// recursion; fuzz_common.h). A crash, a sanitizer report, a leak or a
// hang past the fuzzer's timeout is a finding; exceptions and limit
// errors are the expected outcomes.
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    KrSyntaxErr se;
    KrProgram *p = kr_compile(kr_checking_allocator, (const char *)data, size, "<fuzz>", &se);
    if (!p) return 0;
    (void)fz_run_program(p);
    kr_program_free(p);
    return 0;
}
