// krait: the command line. `krait FILE.py`, `krait -c CODE`; prints like
// CPython (a traceback on stderr and exit status 1 for an uncaught
// exception or a syntax error, 2 for a usage error). Built only on
// include/krait.h.
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "krait.h"

// Buffered as CPython's streams are; a write of nothing is a flush
// (print(flush=True), sys.stdout.flush()).
static void write_out(void *ud, int stream, const char *s, size_t n) {
    (void)ud;
    FILE *f = stream == 2 ? stderr : stdout;
    if (n) fwrite(s, 1, n, f);
    else fflush(f);
}

static int usage(void) {
    fprintf(stderr, "usage: krait [limits] (FILE.py | -c CODE) [args...]\n"
                    "limits: --max-memory SIZE  --max-allocations N  --max-duration TIME\n"
                    "        --max-recursion N  --max-output SIZE\n"
                    "SIZE: a number with B, KB, MB or GB (powers of 1024); TIME: ms, s or m\n");
    return 2;
}

// "64MB" -> bytes; "2s" -> ns. The unit table maps suffixes to factors.
typedef struct Unit {
    const char *suffix;
    uint64_t factor;
} Unit;

static const Unit size_units[] = {{"B", 1}, {"KB", 1u << 10}, {"MB", 1u << 20}, {"GB", 1u << 30}, {"", 1}, {NULL, 0}};
static const Unit time_units[] = {{"ms", 1000000u}, {"s", 1000000000u}, {"m", 60000000000u}, {NULL, 0}};

static bool parse_quantity(const char *s, const Unit *units, uint64_t *out) {
    char *end;
    if (*s < '0' || *s > '9') return false;
    unsigned long long n = strtoull(s, &end, 10);
    for (const Unit *u = units; u->suffix; u++) {
        if (strcmp(end, u->suffix) != 0) continue;
        if (n > UINT64_MAX / u->factor) return false;
        *out = (uint64_t)n * u->factor;
        return *out > 0;
    }
    return false;
}

// Applies one limit flag; 1 if consumed, 0 if not a limit flag, -1 if bad.
static int limit_flag(KraitOptions *o, const char *flag, const char *val) {
    uint64_t n;
    if (strcmp(flag, "--max-memory") == 0) return parse_quantity(val, size_units, &o->max_memory) ? 1 : -1;
    if (strcmp(flag, "--max-output") == 0) return parse_quantity(val, size_units, &o->max_output) ? 1 : -1;
    if (strcmp(flag, "--max-duration") == 0) return parse_quantity(val, time_units, &o->max_duration_ns) ? 1 : -1;
    if (strcmp(flag, "--max-allocations") == 0) {
        static const Unit plain[] = {{"", 1}, {NULL, 0}};
        return parse_quantity(val, plain, &o->max_allocations) ? 1 : -1;
    }
    if (strcmp(flag, "--max-recursion") == 0) {
        static const Unit plain[] = {{"", 1}, {NULL, 0}};
        if (!parse_quantity(val, plain, &n) || n > 1000000) return -1;
        o->max_recursion = (uint32_t)n;
        return 1;
    }
    return 0;
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

// ---- the REPL: a session fed one statement (or block) at a time -----------------------

// Does the compiler want more lines? (An open bracket, string, backslash,
// or a block header with no body yet.)
static bool incomplete(const char *src, size_t len) {
    KraitProgram *p;
    KraitError err;
    KraitStatus st = krait_program_compile(src, len, "<stdin>", &p, &err);
    if (st == KRAIT_OK) {
        krait_program_free(p);
        return false;
    }
    bool more = st == KRAIT_ERR_SYNTAX &&
                (strstr(err.message, "was never closed") || strstr(err.message, "unexpected EOF") ||
                 strstr(err.message, "expected an indented block") || strstr(err.message, "unterminated triple-quoted"));
    krait_error_clear(&err);
    return more;
}

// A block (a header line ending in ':') goes on until a blank line.
static bool opens_block(const char *line) {
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t')) n--;
    return n && line[n - 1] == ':';
}

static bool blank(const char *line) {
    for (; *line; line++)
        if (*line != ' ' && *line != '\t' && *line != '\n' && *line != '\r') return false;
    return true;
}

// Runs one entry; returns -1 to go on, else the exit status (SystemExit).
static int repl_run(KraitRun *s, const char *src, size_t len) {
    KraitError err;
    KraitStatus st = krait_session_feed(s, src, len, "<stdin>", &err);
    fflush(stdout);
    if (st == KRAIT_ERR_SYNTAX) {
        fputs(err.text ? err.text : "SyntaxError\n", stderr);
        krait_error_clear(&err);
    } else if (st == KRAIT_OK) {
        const char *r = krait_run_result_repr(s);
        if (r) printf("%s\n", r);
    } else if (st == KRAIT_PAUSED) {
        fputs("krait: the REPL has no external functions to answer a call\n", stderr);
    } else {
        int status;
        const char *tb = krait_run_traceback(s);
        if (krait_run_system_exit(s, &status)) {
            if (tb) fputs(tb, stderr);
            return status;
        }
        fputs(tb ? tb : "krait: run failed\n", stderr);
    }
    fflush(stdout);
    return -1;
}

static int repl(const KraitOptions *opts) {
    KraitRun *s;
    if (krait_session_new(opts, &s) != KRAIT_OK) {
        fprintf(stderr, "krait: out of memory\n");
        return 1;
    }
    bool tty = isatty(0);
    size_t cap = 1 << 12, len = 0;
    char *buf = malloc(cap), line[4096];
    bool block = false;
    int status = -1;
    while (buf && status < 0) {
        if (tty) fputs(len ? "... " : ">>> ", stderr);
        if (!fgets(line, sizeof line, stdin)) {
            if (len) status = repl_run(s, buf, len);
            if (tty) fputc('\n', stderr);
            break;
        }
        size_t n = strlen(line);
        if (len + n + 1 > cap) {
            char *nb = realloc(buf, cap = 2 * (len + n + 1));
            if (!nb) break;
            buf = nb;
        }
        if (len == 0 && blank(line)) continue;
        memcpy(buf + len, line, n + 1);
        len += n;
        if (len == n) block = opens_block(line);
        if (block ? !blank(line) : incomplete(buf, len)) continue;
        status = repl_run(s, buf, len);
        len = 0;
        block = false;
    }
    free(buf);
    krait_run_free(s);
    return status < 0 ? 0 : status;
}

int main(int argc, char **argv) {
    KraitOptions opts;
    krait_options_init(&opts);
    opts.write = write_out;
    const char *code = NULL, *path = NULL;
    int i = 1;
    for (; i < argc; i++) {
        int lf = i + 1 < argc ? limit_flag(&opts, argv[i], argv[i + 1]) : 0;
        if (lf < 0) return usage();
        if (lf > 0) {
            i++;
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
    if (!code && !path) return repl(&opts);
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
        const KraitRunError *rerr = krait_run_error(run);
        if (krait_run_system_exit(run, &status)) {
            if (rerr) fwrite(rerr->traceback, 1, rerr->traceback_len, stderr);
        } else {
            if (rerr) fwrite(rerr->traceback, 1, rerr->traceback_len, stderr);
            else fputs("krait: run failed\n", stderr);
            // an uncaught KeyboardInterrupt exits as CPython does: as if by SIGINT
            status = rerr && rerr->type && strcmp(rerr->type, "KeyboardInterrupt") == 0 ? 130 : 1;
        }
    }
    fflush(stdout);
    krait_run_free(run);
    krait_program_free(prog);
    return status;
}
