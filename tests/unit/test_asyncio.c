// test_asyncio.c: the asyncio module under the run's limits, and the cases
// CPython cannot record (it would hang): a time limit ends a task loop that
// never stops, a memory limit ends a run that keeps making tasks, and a loop
// with nothing left to run reports the deadlock instead of blocking. Every
// run is destroyed with its loop still holding tasks (ASan checks the frees).
#include <stdio.h>
#include "../../src/compiler.h"
#include "../../src/modules.h"
#include "../../src/vm.h"

#include "check.h"

static char out_buf[8192];
static size_t out_len;

static void capture(void *ud, int stream, const char *s, size_t n) {
    (void)ud;
    (void)stream;
    if (out_len + n < sizeof out_buf) {
        memcpy(out_buf + out_len, s, n);
        out_len += n;
        out_buf[out_len] = 0;
    }
}

typedef struct Outcome {
    bool ok;             // the module ran to its end
    KrLimitKind limit;   // the limit that ended it, if any
    char exc_type[64];   // the uncaught exception's type, if any
    char exc_msg[256];
} Outcome;

// Compiles and runs src in a fresh run with the given limits.
static Outcome run_src(const char *src, size_t max_memory, uint64_t max_duration_ns) {
    Outcome o = {false, KR_LIMIT_NONE, "", ""};
    out_len = 0;
    out_buf[0] = 0;
    KrSyntaxErr se;
    KrProgram *p = kr_compile(kr_default_allocator, src, strlen(src), "<test>", &se);
    if (!p) {
        snprintf(o.exc_type, sizeof o.exc_type, "SyntaxError");
        return o;
    }
    KrRun *r = kr_run_create(kr_default_allocator);
    r->write = capture;
    r->program = p;
    r->limits.max_memory = max_memory;
    r->limits.max_duration_ns = max_duration_ns;
    r->globals = kr_dict_new(r);
    r->main_name = kr_str_from_cstr(r, "__main__");
    kr_module_add(r, r->globals, "__name__", r->main_name);
    KrValue v = kr_vm_run_module(r);
    o.ok = v != KR_EXC;
    o.limit = r->limit_hit;
    if (v == KR_EXC && r->exc != KR_NULL) {
        KrValue exc = r->exc;
        r->exc = KR_NULL;
        snprintf(o.exc_type, sizeof o.exc_type, "%s", kr_type_name(exc));
        KrValue m = kr_exc_str(r, exc);
        if (m != KR_EXC) snprintf(o.exc_msg, sizeof o.exc_msg, "%s", kr_as_str(m)->data);
    }
    kr_run_destroy(r);
    kr_program_free(p);
    return o;
}

static void test_runs(void) {
    Outcome o = run_src("import asyncio\n"
                        "async def f():\n"
                        "    await asyncio.sleep(1.5)\n"
                        "    return asyncio.get_running_loop().time()\n"
                        "print(asyncio.run(f()))\n",
                        0, 0);
    CHECK(o.ok);
    CHECK(strcmp(out_buf, "1.5\n") == 0);
}

static void test_time_limit(void) {
    // A task that never finishes: the time limit ends the run (the loop polls it).
    Outcome o = run_src("import asyncio\n"
                        "async def spin():\n"
                        "    while True:\n"
                        "        await asyncio.sleep(0)\n"
                        "async def main():\n"
                        "    asyncio.create_task(spin())\n"
                        "    await spin()\n"
                        "asyncio.run(main())\n",
                        0, 50 * 1000 * 1000);
    CHECK(!o.ok);
    CHECK(o.limit == KR_LIMIT_DURATION);
    // Callbacks that keep rescheduling themselves, no task at all.
    o = run_src("import asyncio\n"
                "loop = asyncio.new_event_loop()\n"
                "def again():\n"
                "    loop.call_soon(again)\n"
                "loop.call_soon(again)\n"
                "loop.run_forever()\n",
                0, 50 * 1000 * 1000);
    CHECK(!o.ok);
    CHECK(o.limit == KR_LIMIT_DURATION);
}

static void test_memory_limit(void) {
    // Tasks pile up in the ready queue until the memory limit ends the run.
    Outcome o = run_src("import asyncio\n"
                        "async def nap():\n"
                        "    await asyncio.sleep(1000)\n"
                        "async def main():\n"
                        "    ts = []\n"
                        "    while True:\n"
                        "        ts.append(asyncio.create_task(nap()))\n"
                        "        if len(ts) % 100 == 0:\n"
                        "            await asyncio.sleep(0)\n"
                        "asyncio.run(main())\n",
                        8 << 20, 0);
    CHECK(!o.ok);
    CHECK(o.limit == KR_LIMIT_MEMORY);
}

static void test_deadlock(void) {
    // CPython would block forever; krait reports it.
    Outcome o = run_src("import asyncio\n"
                        "async def main():\n"
                        "    await asyncio.get_running_loop().create_future()\n"
                        "asyncio.run(main())\n",
                        0, 0);
    CHECK(!o.ok);
    CHECK(strcmp(o.exc_type, "RuntimeError") == 0);
    CHECK(strstr(o.exc_msg, "deadlock") != NULL);
    // A loop can be run again after a failed run_until_complete.
    o = run_src("import asyncio\n"
                "loop = asyncio.new_event_loop()\n"
                "try:\n"
                "    loop.run_until_complete(loop.create_future())\n"
                "except RuntimeError as e:\n"
                "    print('deadlock' in str(e), loop.is_running())\n"
                "async def f():\n"
                "    return 7\n"
                "print(loop.run_until_complete(f()))\n",
                0, 0);
    CHECK(o.ok);
    CHECK(strcmp(out_buf, "True False\n7\n") == 0);
}

static void test_state_after_errors(void) {
    // A run that failed leaves no loop running: asyncio.run works again.
    Outcome o = run_src("import asyncio\n"
                        "async def bad():\n"
                        "    raise KeyError(1)\n"
                        "for i in range(3):\n"
                        "    try:\n"
                        "        asyncio.run(bad())\n"
                        "    except KeyError:\n"
                        "        print('caught', i)\n"
                        "async def ok():\n"
                        "    return asyncio.current_task().get_name()\n"
                        "print(asyncio.run(ok()))\n",
                        0, 0);
    CHECK(o.ok);
    CHECK(strcmp(out_buf, "caught 0\ncaught 1\ncaught 2\nTask-10\n") == 0);
}

int main(void) {
    test_runs();
    test_time_limit();
    test_memory_limit();
    test_deadlock();
    test_state_after_errors();
    printf("test_asyncio: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
