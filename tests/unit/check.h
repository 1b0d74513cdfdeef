// check.h: the unit tests' counters and CHECK (each test ends by printing
// "N passed, N failed" and exits non-zero on any failure).
#ifndef KR_TEST_CHECK_H
#define KR_TEST_CHECK_H
#include <stdio.h>

static int passed, failed;
#define CHECK(cond)                                                        \
    do {                                                                   \
        if (cond) passed++;                                                \
        else {                                                             \
            failed++;                                                      \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                  \
    } while (0)

#endif
