// krait: the command line. `krait FILE.py`, `krait -c CODE`; prints like
// CPython (a traceback on stderr and exit status 1 for an uncaught
// exception or a syntax error, 2 for a usage error). Built only on
// include/krait.h.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "krait.h"

static void write_out(void *ud, int stream, const char *s, size_t n) {
    (void)ud;
    fwrite(s, 1, n, stream == 2 ? stderr : stdout);
}

static int usage(void) {
    fprintf(stderr, "usage: krait [--max-recursion N] (FILE.py | -c CODE) [args...]\n");
    return 2;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) break;
        char *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    KraitOptions opts;
    krait_options_init(&opts);
    opts.write = write_out;
    const char *code = NULL, *path = NULL;
    int i = 1;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--max-recursion") == 0 && i + 1 < argc) {
            long n = strtol(argv[++i], NULL, 10);
            if (n < 1 || n > 1000000) return usage();
            opts.max_recursion = (uint32_t)n;
        } else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
            code = argv[++i];
            break;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return usage();
        } else {
            path = argv[i];
            break;
        }
    }
    if (!code && !path) {
        fprintf(stderr, "krait: the interactive REPL is not available yet; pass FILE.py or -c CODE\n");
        return usage();
    }
    size_t len = 0;
    char *source = NULL;
    const char *filename = "<string>";
    if (code) {
        len = strlen(code);
    } else {
        source = read_file(path, &len);
        if (!source) {
            fprintf(stderr, "krait: can't open file '%s'\n", path);
            return 2;
        }
        filename = path;
    }
    KraitProgram *prog;
    KraitError err;
    KraitStatus st = krait_program_compile(code ? code : source, len, filename, &prog, &err);
    free(source);
    if (st != KRAIT_OK) {
        fflush(stdout);
        fputs(err.text ? err.text : "SyntaxError\n", stderr);
        krait_error_clear(&err);
        return 1;
    }
    KraitRun *run;
    if (krait_run_new(prog, &opts, &run) != KRAIT_OK) {
        krait_program_free(prog);
        fprintf(stderr, "krait: out of memory\n");
        return 1;
    }
    st = krait_run_start(run);
    int status = 0;
    if (st != KRAIT_OK) {
        fflush(stdout);
        const char *tb = krait_run_traceback(run);
        if (krait_run_system_exit(run, &status)) {
            if (tb) fputs(tb, stderr);
        } else {
            fputs(tb ? tb : "krait: run failed\n", stderr);
            status = 1;
        }
    }
    fflush(stdout);
    krait_run_free(run);
    krait_program_free(prog);
    return status;
}
