// gen_seeds.c: writes the seed corpus of fuzz_program_load: for each
// source file named on the command line that compiles, its program dump
// as OUTDIR/<n>.bin. Built against the public API only.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "krait.h"

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: gen_seeds OUTDIR FILE.py...\n");
        return 2;
    }
    int written = 0;
    for (int i = 2; i < argc; i++) {
        size_t len;
        char *src = read_all(argv[i], &len);
        KraitProgram *p = NULL;
        KraitError err;
        if (src && krait_program_compile(src, len, argv[i], &p, &err) == KRAIT_OK) {
            uint8_t *blob;
            size_t n;
            if (krait_program_dump(p, NULL, 0, &blob, &n) == KRAIT_OK) {
                char path[4096];
                snprintf(path, sizeof path, "%s/%d.bin", argv[1], written++);
                FILE *f = fopen(path, "wb");
                if (!f || fwrite(blob, 1, n, f) != n) return 1;
                fclose(f);
                krait_free(blob);
            }
            krait_program_free(p);
        } else {
            krait_error_clear(&err);
        }
        free(src);
    }
    printf("gen_seeds: %d program dumps in %s\n", written, argv[1]);
    return 0;
}
