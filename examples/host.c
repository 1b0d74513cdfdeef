// host.c: an example host of krait, built only on include/krait.h.
//
// It declares two external functions (tools) and runs an agent-style
// program that calls them in a loop, answering each call when the run
// pauses. Before running, it saves the compiled program (with its input
// and tool names) to a file and loads it back, as a host caching compiled
// code would. At the third call it dumps the paused run to a file (signed
// with a key), and a fresh process (this program again, with --resume)
// loads it and finishes the run. `make example` builds and runs it.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "krait.h"

static const char *agent_code =
    "orders = []\n"
    "for customer in customers:\n"
    "    profile = lookup_customer(customer)\n"
    "    if profile['vip']:\n"
    "        try:\n"
    "            orders.append(place_order(customer, item='coffee', qty=2))\n"
    "        except ValueError as e:\n"
    "            print('could not order for', customer, '-', e)\n"
    "print(f'{len(orders)} orders placed')\n"
    "orders\n";

// The tools. A real host would call a database or an API here.
static KraitStatus answer(KraitRun *run, const KraitCall *call, char *scratch, size_t cap) {
    const char *who = call->args[0].u.s.data;
    printf("  [host] %s(%s)\n", call->name, who);
    if (strcmp(call->name, "lookup_customer") == 0) {
        KraitValue kv[4] = {krait_str("name"), krait_str(who), krait_str("vip"), krait_bool(who[0] != 'z')};
        KraitValue profile = krait_seq(KRAIT_DICT, kv, 2);
        return krait_run_resolve(run, call->id, &profile);
    }
    if (strcmp(who, "carol") == 0) return krait_run_reject(run, call->id, "ValueError", "out of stock");
    snprintf(scratch, cap, "order-%s", who);
    KraitValue id = krait_str(scratch);
    return krait_run_resolve(run, call->id, &id);
}

// The compile cache: dump the program to a file and load it back.
static KraitProgram *cached(KraitProgram *prog, const char *path) {
    uint8_t *bytes;
    size_t len;
    if (krait_program_dump(prog, NULL, 0, &bytes, &len) != KRAIT_OK) return prog;
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(bytes, 1, len, f);
        fclose(f);
    }
    krait_free(bytes);
    f = fopen(path, "rb");
    if (!f) return prog;
    uint8_t buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    KraitProgram *loaded;
    KraitError err;
    if (krait_program_load(buf, n, NULL, 0, &loaded, &err) != KRAIT_OK) {
        fprintf(stderr, "load failed: %s\n", err.message);
        return prog;
    }
    printf("  [host] program cached in %s (%zu bytes) and loaded back\n", path, n);
    krait_program_free(prog);
    return loaded;
}

static const uint8_t demo_key[] = "a host secret, not a real one";

static int finish(KraitRun *run, KraitStatus st) {
    char scratch[64];
    while (st == KRAIT_PAUSED) {
        size_t n;
        const KraitCall *calls = krait_run_pending(run, &n);
        for (size_t i = 0; i < n; i++) answer(run, &calls[i], scratch, sizeof scratch);
        st = krait_run_continue(run);
    }
    printf("--- printed by the program:\n%s", krait_run_output(run, 1, NULL));
    if (st == KRAIT_OK) printf("--- result: %s\n", krait_run_result_repr(run));
    else printf("--- error:\n%s", krait_run_traceback(run));
    krait_run_free(run);
    return st == KRAIT_OK ? 0 : 1;
}

// The second process: load the paused run and finish it.
static int resume(const char *path) {
    static uint8_t buf[1 << 20];
    FILE *f = fopen(path, "rb");
    if (!f) return 1;
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    KraitLoadOptions lo;
    krait_load_options_init(&lo);
    lo.key = demo_key;
    lo.keylen = sizeof demo_key - 1;
    KraitRun *run;
    KraitError err;
    if (krait_run_load(buf, n, &lo, &run, &err) != KRAIT_OK) {
        fprintf(stderr, "load failed: %s\n", err.message);
        return 1;
    }
    printf("  [host, pid %ld] loaded the paused run from %s (%zu bytes)\n", (long)getpid(), path, n);
    return finish(run, KRAIT_PAUSED);
}

// Dumps the paused run (signed) to path.
static bool save(KraitRun *run, const char *path) {
    KraitDumpOptions d;
    krait_dump_options_init(&d);
    d.key = demo_key;
    d.keylen = sizeof demo_key - 1;
    uint8_t *bytes;
    size_t len;
    if (krait_run_dump(run, &d, &bytes, &len) != KRAIT_OK) return false;
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(bytes, 1, len, f) == len;
    if (f) fclose(f);
    krait_free(bytes);
    printf("  [host, pid %ld] paused run saved to %s (%zu bytes)\n", (long)getpid(), path, len);
    return ok;
}

int main(int argc, char **argv) {
    const char *run_file = "build/agent.kraitrun";
    if (argc == 3 && strcmp(argv[1], "--resume") == 0) return resume(argv[2]);
    const char *inputs[] = {"customers"};
    const char *tools[] = {"lookup_customer", "place_order"};
    KraitCompileOptions co;
    krait_compile_options_init(&co);
    co.filename = "agent.py";
    co.input_names = inputs;
    co.ninputs = 1;
    co.external_names = tools;
    co.nexternals = 2;
    KraitProgram *prog;
    KraitError err;
    if (krait_compile(agent_code, strlen(agent_code), &co, &prog, &err) != KRAIT_OK) {
        fputs(err.text, stderr);
        krait_error_clear(&err);
        return 1;
    }
    prog = cached(prog, "build/agent.kraitprg");

    KraitValue names[4] = {krait_str("alice"), krait_str("zed"), krait_str("carol"), krait_str("bob")};
    KraitValue customers = krait_seq(KRAIT_LIST, names, 4);
    KraitOptions opts;
    krait_options_init(&opts);
    opts.inputs = &customers;
    opts.ninputs = 1;
    opts.max_memory = 16u << 20;
    opts.max_duration_ns = 1000000000u;

    KraitRun *run;
    if (krait_run_new(prog, &opts, &run) != KRAIT_OK) return 1;
    char scratch[64];
    KraitStatus st = krait_run_start(run);
    for (int calls = 0; st == KRAIT_PAUSED && calls < 2; calls++) {
        size_t n;
        const KraitCall *pending = krait_run_pending(run, &n);
        for (size_t i = 0; i < n; i++) answer(run, &pending[i], scratch, sizeof scratch);
        st = krait_run_continue(run);
    }
    if (st != KRAIT_PAUSED) return finish(run, st);
    // paused at the third call: save it, and let a fresh process finish
    printf("--- printed so far:\n%s", krait_run_output(run, 1, NULL));
    bool saved = save(run, run_file);
    krait_run_free(run);
    krait_program_free(prog); // the snapshot carries its program
    if (!saved) return 1;
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        execl(argv[0], argv[0], "--resume", run_file, (char *)NULL);
        perror("exec");
        _exit(1);
    }
    int status = 1;
    if (child < 0 || waitpid(child, &status, 0) < 0) return 1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
