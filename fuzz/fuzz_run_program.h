// fuzz_run_program.h: the program fuzz_run_load gives to by-reference run
// snapshots, and the host names both it and gen_seeds use (public API).
#ifndef KR_FUZZ_RUN_PROGRAM_H
#define KR_FUZZ_RUN_PROGRAM_H

#include <string.h>
#include "krait.h"

static const char *const fz_external_names[] = {"fetch", "boom", "afetch", "aboom"};
static const char *const fz_async_names[] = {"afetch", "aboom"};

static const char fz_run_program_src[] =
    "import asyncio\n"
    "class Box:\n"
    "    def __init__(self, v):\n"
    "        self.v = v\n"
    "def gen(n):\n"
    "    for i in range(n):\n"
    "        yield fetch(i)\n"
    "async def work(i):\n"
    "    await asyncio.sleep(0)\n"
    "    return Box(await afetch(i))\n"
    "async def main():\n"
    "    boxes = await asyncio.gather(work(1), work(2))\n"
    "    return [b.v for b in boxes]\n"
    "data = {'xs': [i * 2 for i in range(20)], 's': {1, 2, 3}, 't': (1.5, 'a', None)}\n"
    "got = [v for v in gen(2)]\n"
    "try:\n"
    "    boom('x')\n"
    "except ValueError as e:\n"
    "    got.append(str(e))\n"
    "print(got, asyncio.run(main()), data)\n";

static inline KraitProgram *fz_compile_run_program(void) {
    KraitCompileOptions co;
    krait_compile_options_init(&co);
    co.filename = "fuzz_run.py";
    co.external_names = fz_external_names;
    co.nexternals = 2; // fetch, boom (afetch, aboom: per run, as async)
    KraitProgram *p = NULL;
    return krait_compile(fz_run_program_src, strlen(fz_run_program_src), &co, &p, NULL) == KRAIT_OK ? p : NULL;
}

#endif
