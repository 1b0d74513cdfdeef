// test_runsnap.c: run snapshots through include/krait.h: every api case
// (tests/unit/api_cases) run with a dump and a load at every pause (self-
// contained and by reference, signed and not, alternating), continuing on
// the loaded run: the output must be python3's. Also: the same run gives
// the same bytes, id() numbers survive, keys and programs are checked, an
// unsupported object is named, sessions save (between snippets and
// paused) and go on taking snippets, and damaged or hostile bytes are
// refused without a crash.
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "krait.h"
#include "api_host.h"
#include "snap.h" // the container layout, to reseal edited bytes (as test_snapshot.c)

static const uint8_t key[] = "a secret key for the tests";
static const uint8_t other_key[] = "another key";

static void run_options(KraitOptions *o) {
    krait_options_init(o);
    o->async_names = async_tool_names;
    o->nasync = 2;
}

// ---- round trips ---------------------------------------------------------------------------------

typedef struct Out {
    char *text;
    size_t len, cap;
} Out;

static void out_add(Out *o, const char *s, size_t n) {
    if (o->len + n + 1 > o->cap) {
        o->cap = (o->len + n + 1) * 2;
        o->text = realloc(o->text, o->cap);
    }
    memcpy(o->text + o->len, s, n);
    o->len += n;
    o->text[o->len] = 0;
}

// Dumps the paused run (mode: bit 0 by reference, bit 1 signed, bit 2 its
// calls were answered already) and returns the loaded copy, freeing the
// original (its output goes to o).
static KraitRun *round_trip(KraitRun *run, const KraitProgram *p, int mode, Out *o) {
    KraitDumpOptions d;
    krait_dump_options_init(&d);
    KraitError err;
    d.error = &err;
    d.by_reference = mode & 1;
    if (mode & 2) d.key = key, d.keylen = sizeof key;
    uint8_t *bytes;
    size_t n;
    KraitStatus st = krait_run_dump(run, &d, &bytes, &n);
    if (st != KRAIT_OK) fprintf(stderr, "dump failed: %s\n", err.message);
    CHECK(st == KRAIT_OK);
    if (st != KRAIT_OK) return run;
    size_t olen;
    const char *out = krait_run_output(run, 1, &olen);
    out_add(o, out, olen);
    size_t ncalls_before;
    const KraitCall *before = krait_run_pending(run, &ncalls_before);
    uint64_t first_id = ncalls_before ? before[0].id : 0;
    krait_run_free(run);
    KraitLoadOptions l;
    krait_load_options_init(&l);
    KraitOptions ro;
    run_options(&ro);
    l.run_options = &ro;
    if (mode & 1) l.program = p;
    if (mode & 2) l.key = key, l.keylen = sizeof key;
    KraitRun *loaded = NULL;
    st = krait_run_load(bytes, n, &l, &loaded, &err);
    if (st != KRAIT_OK) fprintf(stderr, "load failed: %s\n", err.message);
    CHECK(st == KRAIT_OK);
    krait_free(bytes);
    if (loaded && !(mode & 4)) {
        size_t ncalls;
        const KraitCall *after = krait_run_pending(loaded, &ncalls);
        CHECK(ncalls == ncalls_before && (!ncalls || after[0].id == first_id));
    }
    return loaded;
}

// Runs src, answering every call, with a round trip at every pause (or
// none when trips is false).
static char *run_answering(const char *src, int *npauses, bool trips) {
    KraitProgram *p = compile_tools(src);
    if (!p) return NULL;
    KraitRun *run;
    KraitOptions o;
    run_options(&o);
    if (krait_run_new(p, &o, &run) != KRAIT_OK) return NULL;
    Out out = {NULL, 0, 0};
    out_add(&out, "", 0);
    Scratch s;
    KraitStatus st = krait_run_start(run);
    int mode = 0;
    while (st == KRAIT_PAUSED) {
        // every third pause: the calls are answered before the dump (the
        // answers travel in the snapshot)
        bool answered_first = trips && mode % 3 == 2;
        if (trips && !answered_first) run = round_trip(run, p, mode & 3, &out);
        if (!run) break;
        size_t n;
        const KraitCall *c = krait_run_pending(run, &n);
        for (size_t i = 0; i < n; i++)
            if (answer(run, &c[i], &s) != KRAIT_OK) st = KRAIT_ERR_ARG;
        if (st == KRAIT_ERR_ARG) break;
        if (answered_first) run = round_trip(run, p, (mode & 3) | 4, &out);
        mode++;
        if (!run) break;
        st = krait_run_continue(run);
    }
    if (npauses) *npauses = mode;
    if (run) {
        size_t n;
        const char *text = krait_run_output(run, 1, &n);
        out_add(&out, text, n);
        const KraitRunError *e = krait_run_error(run);
        if (st == KRAIT_ERR_RUNTIME && e) {
            char line[600];
            snprintf(line, sizeof line, "uncaught %s %s\n", e->type, e->message);
            out_add(&out, line, strlen(line));
        }
        krait_run_free(run);
    }
    krait_program_free(p);
    return out.text;
}

static char *run_with_snapshots(const char *src, int *npauses) { return run_answering(src, npauses, true); }

// tests/unit/runsnap_cases: the same output with and without round trips.
static void test_kept_state(void) {
    const char *dir = "tests/unit/runsnap_cases";
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (!d) return;
    struct dirent *ent;
    while ((ent = readdir(d))) {
        size_t len = strlen(ent->d_name);
        if (len < 4 || strcmp(ent->d_name + len - 3, ".py") != 0) continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        char *src = read_file(path, NULL);
        int n1 = 0, n2 = 0;
        char *plain = src ? run_answering(src, &n1, false) : NULL, *tripped = src ? run_answering(src, &n2, true) : NULL;
        CHECK(plain && tripped && n1 > 0 && n1 == n2);
        if (plain && tripped && strcmp(plain, tripped) != 0) {
            fprintf(stderr, "%s: output differs after round trips\n--- straight\n%s--- with round trips\n%s", path, plain, tripped);
            failed++;
        }
        free(plain);
        free(tripped);
        free(src);
    }
    closedir(d);
}

static void test_cases(void) {
    const char *dir = "tests/unit/api_cases";
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (!d) return;
    struct dirent *ent;
    int ncases = 0;
    while ((ent = readdir(d))) {
        size_t len = strlen(ent->d_name);
        if (len < 4 || strcmp(ent->d_name + len - 3, ".py") != 0 || strcmp(ent->d_name, "record.py") == 0) continue;
        char path[512], exp_path[520];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        snprintf(exp_path, sizeof exp_path, "%s.exp", path);
        char *src = read_file(path, NULL), *exp = read_file(exp_path, NULL);
        CHECK(src && exp);
        if (!src || !exp) continue;
        int npauses = 0;
        char *got = run_with_snapshots(src, &npauses);
        CHECK(got != NULL && npauses > 0);
        if (got && strcmp(got, exp) != 0) {
            fprintf(stderr, "%s: output differs after round trips\n--- expected\n%s--- got\n%s", path, exp, got);
            failed++;
        } else if (got) {
            passed++;
        }
        ncases++;
        free(got);
        free(src);
        free(exp);
    }
    closedir(d);
    CHECK(ncases >= 5);
}

// ---- properties -----------------------------------------------------------------------------------

// A run of src with `fetch` (and its async forms) paused at its first call.
static KraitRun *paused_run(KraitProgram **pp, const char *src) {
    *pp = compile_tools(src);
    KraitRun *run = NULL;
    KraitOptions o;
    run_options(&o);
    if (!*pp || krait_run_new(*pp, &o, &run) != KRAIT_OK) return NULL;
    if (krait_run_start(run) != KRAIT_PAUSED) {
        krait_run_free(run);
        return NULL;
    }
    return run;
}

static uint8_t *dump(const KraitRun *run, bool by_ref, const uint8_t *k, size_t klen, size_t *n) {
    KraitDumpOptions d;
    krait_dump_options_init(&d);
    d.by_reference = by_ref;
    d.key = k;
    d.keylen = klen;
    uint8_t *bytes = NULL;
    return krait_run_dump(run, &d, &bytes, n) == KRAIT_OK ? bytes : NULL;
}

static KraitStatus load(const uint8_t *b, size_t n, const KraitProgram *p, const uint8_t *k, size_t klen,
                        KraitRun **out, KraitError *err) {
    KraitLoadOptions l;
    krait_load_options_init(&l);
    KraitOptions ro;
    run_options(&ro);
    l.run_options = &ro;
    l.program = p;
    l.key = k;
    l.keylen = klen;
    *out = NULL;
    return krait_run_load(b, n, &l, out, err);
}

// Answers every call with None (or the default answer) until the run ends; bounded.
static KraitStatus finish(KraitRun *run, bool real_answers) {
    Scratch s;
    KraitStatus st = KRAIT_PAUSED;
    for (int k = 0; k < 50 && st == KRAIT_PAUSED; k++) {
        size_t n;
        const KraitCall *c = krait_run_pending(run, &n);
        KraitValue none = krait_none();
        for (size_t i = 0; i < n; i++)
            if (real_answers) answer(run, &c[i], &s);
            else krait_run_resolve(run, c[i].id, &none);
        st = krait_run_continue(run);
    }
    return st;
}

static const char *const determinism_src =
    "import asyncio\n"
    "class P:\n    def __init__(self, x): self.x = x\n"
    "data = {'a': [1, 2.5, None, (3, 'x')], 'b': {1, 2, 3}, 'c': P(7), 'd': frozenset('ab'), 'e': b'xy'}\n"
    "def gen():\n    yield fetch(1)\n"
    "got = [v for v in gen()]\n"
    "async def w(i):\n    await asyncio.sleep(i)\n    return await afetch(i)\n"
    "async def main():\n    return await asyncio.gather(w(0), w(1), w(2))\n"
    "print(got, asyncio.run(main()), data)\n";

// Paused with tasks in Condition.wait()/wait_for(), an active timeout()
// and to_thread() work still queued.
#define ASYNC_OBJECTS_SRC                                                                          \
    "import asyncio\ndef f(x, k=0):\n    return x + k\nasync def w(c, p):\n    async with c:\n"   \
    "        return await (c.wait_for(p) if p else c.wait())\nasync def main():\n"                 \
    "    c, b = asyncio.Condition(), []\n"                                                        \
    "    ts = [asyncio.create_task(w(c, None)), asyncio.create_task(w(c, lambda: b))]\n"          \
    "    t = asyncio.create_task(asyncio.to_thread(f, 1, k=2))\n    await asyncio.sleep(0)\n"     \
    "    async with asyncio.timeout(9):\n        x = fetch(1)\n    b.append(x)\n    async with c:\n" \
    "        c.notify_all()\n    print(await asyncio.gather(*ts, t), x)\nprint(asyncio.run(main()))\n"

static void test_deterministic_src(const char *src) {
    KraitProgram *p1, *p2;
    KraitRun *a = paused_run(&p1, src), *b = paused_run(&p2, src);
    CHECK(a && b);
    if (!a || !b) return;
    for (int ref = 0; ref < 2; ref++) {
        size_t na, nb, na2;
        uint8_t *x = dump(a, ref, NULL, 0, &na), *y = dump(b, ref, NULL, 0, &nb), *x2 = dump(a, ref, NULL, 0, &na2);
        CHECK(x && y && x2 && na == nb && na == na2 && memcmp(x, y, na) == 0 && memcmp(x, x2, na) == 0);
        // a loaded run dumps the same bytes again
        KraitRun *l = NULL;
        KraitError err;
        CHECK(x && load(x, na, ref ? p1 : NULL, NULL, 0, &l, &err) == KRAIT_OK);
        size_t nl;
        uint8_t *z = l ? dump(l, ref, NULL, 0, &nl) : NULL;
        CHECK(z && nl == na && memcmp(z, x, na) == 0);
        krait_free(x);
        krait_free(y);
        krait_free(x2);
        krait_free(z);
        krait_run_free(l);
    }
    // the same steps on both: the async pause
    CHECK(finish(a, true) == KRAIT_OK && finish(b, true) == KRAIT_OK);
    krait_run_free(a);
    krait_run_free(b);
    krait_program_free(p1);
    krait_program_free(p2);
}

static void test_deterministic(void) {
    test_deterministic_src(determinism_src);
    test_deterministic_src(ASYNC_OBJECTS_SRC);
}

static void test_ids_kept(void) {
    const char *src = "o = object()\nl = [1]\nt = (1, 2)\ni, j, k, c = id(o), id(l), id(len), id(t)\nv = fetch(1)\n"
                      "print(id(o) == i, id(l) == j, id(len) == k, id(t) == c, id(object()) not in (i, j, k))\n";
    KraitProgram *p;
    KraitRun *run = paused_run(&p, src);
    CHECK(run != NULL);
    if (!run) return;
    Out out = {NULL, 0, 0};
    run = round_trip(run, p, 0, &out);
    CHECK(run && finish(run, true) == KRAIT_OK);
    const char *text = run ? krait_run_output(run, 1, NULL) : "";
    CHECK(strcmp(text, "True True True True True\n") == 0);
    krait_run_free(run);
    krait_program_free(p);
    free(out.text);
}

static void test_keys_and_programs(void) {
    KraitProgram *p, *other;
    KraitRun *run = paused_run(&p, "x = fetch(1)\nprint(x)\n");
    other = compile_tools("x = fetch(2)\nprint(x)\n");
    CHECK(run && other);
    if (!run || !other) return;
    size_t ns, nu, nr;
    uint8_t *s = dump(run, false, key, sizeof key, &ns), *u = dump(run, false, NULL, 0, &nu), *r = dump(run, true, NULL, 0, &nr);
    KraitRun *l;
    KraitError err;
    CHECK(load(s, ns, NULL, key, sizeof key, &l, &err) == KRAIT_OK);
    krait_run_free(l);
    CHECK(load(s, ns, NULL, NULL, 0, &l, &err) == KRAIT_OK); // no key given: the tag is not checked
    krait_run_free(l);
    CHECK(load(s, ns, NULL, other_key, sizeof other_key, &l, &err) == KRAIT_ERR_SNAPSHOT && !l);
    CHECK(strcmp(err.type, "SnapshotError") == 0 && strstr(err.message, "signature"));
    CHECK(load(u, nu, NULL, key, sizeof key, &l, &err) == KRAIT_ERR_SNAPSHOT && strstr(err.message, "not signed"));
    CHECK(load(r, nr, NULL, NULL, 0, &l, &err) == KRAIT_ERR_SNAPSHOT && strstr(err.message, "program must be given"));
    CHECK(load(r, nr, other, NULL, 0, &l, &err) == KRAIT_ERR_SNAPSHOT && strstr(err.message, "another program"));
    CHECK(load(u, nu, other, NULL, 0, &l, &err) == KRAIT_ERR_SNAPSHOT && strstr(err.message, "another program"));
    CHECK(load(r, nr, p, NULL, 0, &l, &err) == KRAIT_OK);
    krait_run_free(l);
    // a snapshot is not a program, and a program dump is not a run
    uint8_t *pd;
    size_t npd;
    CHECK(krait_program_dump(p, NULL, 0, &pd, &npd) == KRAIT_OK);
    CHECK(load(pd, npd, NULL, NULL, 0, &l, &err) == KRAIT_ERR_SNAPSHOT && strstr(err.message, "KRAITRUN"));
    KraitProgram *pp;
    CHECK(krait_program_load(u, nu, NULL, 0, &pp, &err) == KRAIT_ERR_SNAPSHOT);
    // no alignment assumed: a copy at an odd address loads
    uint8_t *odd = malloc(nu + 1);
    memcpy(odd + 1, u, nu);
    CHECK(load(odd + 1, nu, NULL, NULL, 0, &l, &err) == KRAIT_OK);
    krait_run_free(l);
    free(odd);
    krait_free(pd);
    krait_free(s);
    krait_free(u);
    krait_free(r);
    krait_run_free(run);
    krait_program_free(p);
    krait_program_free(other);
}

static void test_refused_dumps(void) {
    KraitProgram *p;
    // a Condition was refused once; it saves now (runsnap_cases use it)
    KraitRun *run = paused_run(&p, "import asyncio\nc = asyncio.Condition()\nx = fetch(1)\n");
    CHECK(run != NULL);
    KraitDumpOptions d;
    krait_dump_options_init(&d);
    KraitError err;
    d.error = &err;
    uint8_t *b;
    size_t n;
    CHECK(run && krait_run_dump(run, &d, &b, &n) == KRAIT_OK && b);
    krait_free(b);
    CHECK(krait_run_dump(NULL, &d, &b, &n) == KRAIT_ERR_ARG);
    KraitValue one = krait_int(1);
    CHECK(run && krait_run_resume(run, &one) == KRAIT_OK);
    CHECK(run && krait_run_dump(run, &d, &b, &n) == KRAIT_ERR_ARG); // finished: not paused
    krait_run_free(run);
    krait_program_free(p);
    // a session's programs are its own: it cannot refer to them
    KraitRun *s;
    KraitOptions o;
    run_options(&o);
    const char *ext[] = {"fetch"};
    o.external_names = ext;
    o.nexternals = 1;
    CHECK(krait_session_new(&o, &s) == KRAIT_OK);
    CHECK(krait_session_feed(s, "fetch(1)", 8, NULL, NULL) == KRAIT_PAUSED);
    d.by_reference = true;
    CHECK(krait_run_dump(s, &d, &b, &n) == KRAIT_ERR_SNAPSHOT && strstr(err.message, "session"));
    krait_run_free(s);
}

// ---- sessions -------------------------------------------------------------------------------------

static KraitRun *new_session(void) {
    KraitOptions o;
    run_options(&o);
    o.external_names = tool_names;
    o.nexternals = 2;
    KraitRun *s = NULL;
    CHECK(krait_session_new(&o, &s) == KRAIT_OK);
    return s;
}

static KraitStatus feed(KraitRun *s, const char *src) { return s ? krait_session_feed(s, src, strlen(src), NULL, NULL) : KRAIT_ERR_ARG; }

// Dumps the session (self-contained; signed when k is given) and returns
// the loaded copy, freeing the original; *bytes keeps the dump when asked.
static KraitRun *session_trip(KraitRun *s, const uint8_t *k, size_t klen, uint8_t **bytes, size_t *nbytes) {
    size_t n;
    uint8_t *b = s ? dump(s, false, k, klen, &n) : NULL;
    CHECK(b != NULL);
    krait_run_free(s);
    KraitRun *l = NULL;
    KraitError err;
    if (b && load(b, n, NULL, k, klen, &l, &err) != KRAIT_OK) fprintf(stderr, "session load failed: %s\n", err.message);
    CHECK(l != NULL);
    if (bytes) *bytes = b, *nbytes = n;
    else krait_free(b);
    return l;
}

// The output collected since the run was made (or loaded) ends with want.
static bool output_is(const KraitRun *s, const char *want) {
    const char *got = s ? krait_run_output(s, 1, NULL) : "";
    size_t n = strlen(got), w = strlen(want);
    if (n >= w && strcmp(got + n - w, want) == 0) return true;
    fprintf(stderr, "output: got %s, want %s\n", got, want);
    return false;
}

// Three snippets (a function, a class, a variable), saved between
// snippets and loaded into a fresh run: a fourth uses them all.
static void test_session_idle(void) {
    KraitRun *s = new_session();
    CHECK(feed(s, "def double(x):\n    return 2 * x\n") == KRAIT_OK);
    CHECK(feed(s, "class Box:\n    def __init__(self, v): self.v = v\n    def get(self): return double(self.v)\n") == KRAIT_OK);
    CHECK(feed(s, "n = 21\nitems = [Box(i) for i in range(3)]\n") == KRAIT_OK);
    uint8_t *b1;
    size_t n1;
    s = session_trip(s, key, sizeof key, &b1, &n1);
    CHECK(feed(s, "print(double(n), Box(n).get(), [b.get() for b in items], type(items[0]) is Box)\n") == KRAIT_OK);
    CHECK(output_is(s, "42 42 [0, 2, 4] True\n"));
    // a traceback through code of an earlier snippet still shows its lines
    CHECK(feed(s, "Box(None).get() + 1\n") == KRAIT_ERR_RUNTIME);
    const char *tb = s ? krait_run_traceback(s) : NULL;
    CHECK(tb && strstr(tb, "return double(self.v)") && strstr(tb, "return 2 * x") && strstr(tb, "TypeError"));
    // saved again after more snippets (and an error), loaded again
    s = session_trip(s, NULL, 0, NULL, NULL);
    CHECK(feed(s, "n += 1\nprint(double(n), len(items))\n") == KRAIT_OK);
    CHECK(output_is(s, "44 3\n"));
    // a loaded session dumps the same bytes as the original did
    KraitRun *l = NULL;
    KraitError err;
    CHECK(load(b1, n1, NULL, key, sizeof key, &l, &err) == KRAIT_OK);
    size_t n2;
    uint8_t *b2 = l ? dump(l, false, key, sizeof key, &n2) : NULL;
    CHECK(b2 && n2 == n1 && memcmp(b1, b2, n1) == 0);
    krait_run_free(l);
    // a session's snapshot carries its programs: none may be given
    KraitProgram *p = compile_tools("x = 1\n");
    CHECK(load(b1, n1, p, key, sizeof key, &l, &err) == KRAIT_ERR_SNAPSHOT && strstr(err.message, "session"));
    krait_program_free(p);
    krait_free(b1);
    krait_free(b2);
    krait_run_free(l);
    krait_run_free(s);
}

// A session paused at a tool call inside a function an earlier snippet
// defined: saved, loaded, resumed, and fed again.
static void test_session_paused(void) {
    KraitRun *s = new_session();
    CHECK(feed(s, "def lookup(x):\n    return fetch(x) + 1\n") == KRAIT_OK);
    CHECK(feed(s, "class K:\n    def total(self, xs): return sum(lookup(x) for x in xs)\n") == KRAIT_OK);
    CHECK(feed(s, "y = lookup(4)\nz = K().total([1, 2])\nprint(y, z)\ny + z\n") == KRAIT_PAUSED);
    Scratch sc;
    int pauses = 0;
    KraitStatus st = KRAIT_PAUSED;
    while (s && st == KRAIT_PAUSED && pauses++ < 10) {
        s = session_trip(s, NULL, 0, NULL, NULL);
        size_t n;
        const KraitCall *c = s ? krait_run_pending(s, &n) : NULL;
        CHECK(c && n == 1 && strcmp(c[0].name, "fetch") == 0);
        if (c && n == 1) answer(s, &c[0], &sc);
        st = s ? krait_run_continue(s) : KRAIT_ERR_ARG;
    }
    CHECK(st == KRAIT_OK && pauses == 3);
    CHECK(output_is(s, "41 32\n"));
    const char *r = s ? krait_run_result_repr(s) : NULL;
    CHECK(r && strcmp(r, "73") == 0);
    CHECK(feed(s, "print(y * 2, lookup.__name__, K.__name__)\n") == KRAIT_OK);
    CHECK(output_is(s, "82 lookup K\n"));
    // a snippet awaiting at top level pauses in its event loop
    CHECK(feed(s, "import asyncio\nasync def twice(x):\n    return await afetch(x) * 2\n") == KRAIT_OK);
    CHECK(feed(s, "v = await asyncio.gather(twice(1), twice(y))\nprint(v)\n") == KRAIT_PAUSED);
    s = session_trip(s, NULL, 0, NULL, NULL);
    size_t n;
    const KraitCall *c = s ? krait_run_pending(s, &n) : NULL;
    CHECK(c && n == 2);
    for (size_t i = 0; c && i < n; i++) answer(s, &c[i], &sc);
    CHECK(s && krait_run_continue(s) == KRAIT_OK && output_is(s, "[20, 820]\n"));
    krait_run_free(s);
    // an empty session saves and loads too
    s = session_trip(new_session(), NULL, 0, NULL, NULL);
    CHECK(feed(s, "print(fetch.__name__ if 'fetch' in dir() else 'no fetch')\n") == KRAIT_OK);
    CHECK(output_is(s, "fetch\n"));
    krait_run_free(s);
}

// A coroutine paused at a plain call keeps what its callees hold through a
// collection (here forced by a large answer), before and after a round trip.
static void test_gc_while_paused(void) {
    const char *src = "import asyncio\n"
                      "def h(n):\n    keep = [str(i) * 3 for i in range(n)]\n    v = fetch(1)\n"
                      "    return len(keep), keep[-1], len(v)\n"
                      "async def main():\n    return h(2000)\n"
                      "print(asyncio.run(main()))\n";
    for (int trip = 0; trip < 2; trip++) {
        KraitProgram *p;
        KraitRun *run = paused_run(&p, src);
        CHECK(run != NULL);
        if (!run) continue;
        Out out = {NULL, 0, 0};
        if (trip) run = round_trip(run, p, 1, &out);
        size_t n = (size_t)5 << 20;
        char *big = malloc(n);
        memset(big, 'x', n);
        KraitValue v = krait_strn(KRAIT_STR, big, n);
        CHECK(run && krait_run_resume(run, &v) == KRAIT_OK);
        CHECK(run && strcmp(krait_run_output(run, 1, NULL), "(2000, '199919991999', 5242880)\n") == 0);
        free(big);
        free(out.text);
        krait_run_free(run);
        krait_program_free(p);
    }
}

// The loading host's limits apply (not the saved run's).
static void test_load_limits(void) {
    KraitProgram *p;
    KraitRun *run = paused_run(&p, "big = ['x' * 100 for i in range(5000)]\nv = fetch(1)\nprint(len(big))\n");
    size_t n;
    uint8_t *b = run ? dump(run, false, NULL, 0, &n) : NULL;
    CHECK(b != NULL);
    KraitLoadOptions l;
    krait_load_options_init(&l);
    KraitOptions ro;
    run_options(&ro);
    ro.max_memory = 64 * 1024;
    l.run_options = &ro;
    KraitRun *loaded = NULL;
    KraitError err;
    CHECK(b && krait_run_load(b, n, &l, &loaded, &err) == KRAIT_ERR_LIMIT && !loaded && strcmp(err.type, "MemoryError") == 0);
    krait_free(b);
    krait_run_free(run);
    krait_program_free(p);
}

// ---- damaged and hostile bytes -------------------------------------------------------------------

// Rewrites the header's payload length and the checksum after an edit (an
// attacker can: the CRC is no signature), so the payload parser is reached.
static void reseal(uint8_t *b, size_t len) {
    uint64_t plen = len - KR_SNAP_HEADER_SIZE - KR_SNAP_CRC_SIZE;
    kr_snap_store_le32(b + 16, (uint32_t)plen);
    kr_snap_store_le32(b + 20, (uint32_t)(plen >> 32));
    kr_snap_store_le32(b + len - 4, kr_snap_crc32(0, b, len - 4));
}

static long loads_ok, loads_refused;

// Loads edited bytes: a refusal must be a SnapshotError (or a limit); a
// run that loads must go on to its end under small limits.
static void try_load(const uint8_t *b, size_t n, const KraitProgram *p) {
    KraitLoadOptions l;
    krait_load_options_init(&l);
    KraitOptions ro;
    run_options(&ro);
    ro.max_memory = 16 << 20;
    ro.max_duration_ns = 200 * 1000000ull;
    ro.max_output = 1 << 16;
    l.run_options = &ro;
    l.program = p;
    KraitRun *run = NULL;
    KraitError err;
    KraitStatus st = krait_run_load(b, n, &l, &run, &err);
    if (st != KRAIT_OK) {
        loads_refused++;
        if (st != KRAIT_ERR_SNAPSHOT && st != KRAIT_ERR_LIMIT) {
            failed++;
            fprintf(stderr, "edited snapshot: status %d (%s)\n", st, err.message);
        }
        return;
    }
    loads_ok++;
    finish(run, false);
    // a loaded session takes a snippet (a plain run refuses it)
    krait_session_feed(run, "print(len(dir()))\n", 18, NULL, NULL);
    krait_run_free(run);
}

static void damage(const uint8_t *orig, size_t n, const KraitProgram *p) {
    uint8_t *b = malloc(n);
    size_t body = n - KR_SNAP_CRC_SIZE;
    // every truncation of the payload (length and checksum made to fit)
    for (size_t cut = KR_SNAP_HEADER_SIZE; cut < body; cut++) {
        memcpy(b, orig, cut);
        memcpy(b + cut, orig + body, KR_SNAP_CRC_SIZE);
        reseal(b, cut + KR_SNAP_CRC_SIZE);
        try_load(b, cut + KR_SNAP_CRC_SIZE, p);
    }
    // every byte of the payload: each bit flipped, and set to hostile values
    static const uint8_t values[] = {0x00, 0xFF, 0x7F, 0x80, 0x01};
    for (size_t i = KR_SNAP_HEADER_SIZE; i < body; i++) {
        for (int k = 0; k < 8 + 5; k++) {
            memcpy(b, orig, n);
            if (k < 8) b[i] ^= (uint8_t)(1u << k);
            else b[i] = values[k - 8];
            if (b[i] == orig[i]) continue;
            reseal(b, n);
            try_load(b, n, p);
        }
    }
    // without resealing: refused by the checksum
    memcpy(b, orig, n);
    b[n / 2] ^= 1;
    KraitRun *run;
    KraitError err;
    CHECK(load(b, n, p, NULL, 0, &run, &err) == KRAIT_ERR_SNAPSHOT && strstr(err.message, "checksum"));
    CHECK(load(b, n - 1, p, NULL, 0, &run, &err) == KRAIT_ERR_SNAPSHOT);
    CHECK(load(NULL, 0, p, NULL, 0, &run, &err) == KRAIT_ERR_SNAPSHOT);
    free(b);
}

static const char *const damage_srcs[] = {
    "data = [i * 2 for i in range(100)]\nx = fetch(1)\nresult = x + sum(data)\nresult\n",
    "import asyncio\nasync def w(i):\n    await asyncio.sleep(0)\n    return await afetch(i)\n"
    "async def main():\n    return await asyncio.gather(w(1), w(2))\nprint(asyncio.run(main()))\n",
    "class A:\n    def __init__(self): self.d = {'k': (1, 2.5, 'z')}\n    def m(self):\n"
    "        try:\n            raise ValueError('v')\n        except ValueError as e:\n"
    "            return [x for x in range(3) if fetch(x)], e\nprint(A().m(), {1, 2}, b'b', 10**30)\n",
    "def g(n):\n    for i in range(n):\n        yield fetch(i)\nfor v in g(2):\n    print(v)\n",
    // paused inside generators consumed by built-ins (a join's raw method
    // and its self on the caller's stack; a drain inside a drain)
    "print(', '.join(str(fetch(i)) for i in range(2)))\n",
    "print(min(sum(fetch(j) for j in range(i + 1)) for i in range(2)), sorted(x for x in 'ba'))\n",
    ASYNC_OBJECTS_SRC,
};

// A session paused inside a function of an earlier snippet, between two
// more programs: hostile bytes reach every program and code number.
static void damage_session(void) {
    KraitRun *s = new_session();
    CHECK(feed(s, "def f(x):\n    return [fetch(x)]\n") == KRAIT_OK);
    CHECK(feed(s, "class C:\n    k = (1, 'z')\n") == KRAIT_OK);
    CHECK(feed(s, "print(f(C.k[0]), C())\n") == KRAIT_PAUSED);
    size_t n;
    uint8_t *b = s ? dump(s, false, NULL, 0, &n) : NULL;
    CHECK(b != NULL);
    if (b) damage(b, n, NULL);
    krait_free(b);
    krait_run_free(s);
}

// Small values in every byte: kinds and states of loop entries, handles
// and C coroutines swapped for one another (each must be checked against
// what its code reads, e.g. a done-callback handle in the ready queue).
static const char *const kinds_src =
    "import asyncio\nasync def main():\n    loop = asyncio.get_running_loop()\n"
    "    s = asyncio.shield(asyncio.sleep(1, 2))\n    await asyncio.sleep(0)\n"
    "    f = loop.create_future()\n    loop.call_soon(f.set_result, 1)\n    x = fetch(1)\n"
    "    print(await f, await s, x)\nasyncio.run(main())\n";

static void damage_small_values(const uint8_t *orig, size_t n, const KraitProgram *p) {
    uint8_t *b = malloc(n);
    for (size_t i = KR_SNAP_HEADER_SIZE; i < n - KR_SNAP_CRC_SIZE; i++) {
        for (uint8_t v = 0; v < 16; v++) {
            if (v == orig[i]) continue;
            memcpy(b, orig, n);
            b[i] = v;
            reseal(b, n);
            try_load(b, n, p);
        }
    }
    free(b);
}

static void test_damaged_kinds(void) {
    KraitProgram *p;
    KraitRun *run = paused_run(&p, kinds_src);
    CHECK(run != NULL);
    if (!run) return;
    size_t n;
    uint8_t *b = dump(run, true, NULL, 0, &n);
    CHECK(b != NULL);
    if (b) damage_small_values(b, n, p);
    krait_free(b);
    krait_run_free(run);
    krait_program_free(p);
}

static void test_damaged(void) {
    damage_session();
    for (size_t i = 0; i < sizeof damage_srcs / sizeof damage_srcs[0]; i++) {
        KraitProgram *p;
        KraitRun *run = paused_run(&p, damage_srcs[i]);
        CHECK(run != NULL);
        if (!run) continue;
        for (int ref = 0; ref < 2; ref++) {
            size_t n;
            uint8_t *b = dump(run, ref, NULL, 0, &n);
            CHECK(b != NULL);
            if (b) damage(b, n, ref ? p : NULL);
            krait_free(b);
        }
        krait_run_free(run);
        krait_program_free(p);
    }
}

// Loads by reference on two threads at once: the program's index (and its
// verifier states) is made once and shared.
typedef struct LoadJob {
    const uint8_t *bytes;
    size_t n;
    const KraitProgram *program;
    int ok;
} LoadJob;

static void *load_many(void *arg) {
    LoadJob *j = arg;
    for (int i = 0; i < 50; i++) {
        KraitRun *run;
        KraitError err;
        if (load(j->bytes, j->n, j->program, NULL, 0, &run, &err) != KRAIT_OK) continue;
        if (finish(run, true) == KRAIT_OK && strcmp(krait_run_output(run, 1, NULL), "30\n") == 0) j->ok++;
        krait_run_free(run);
    }
    return NULL;
}

static void test_threads(void) {
    KraitProgram *p;
    KraitRun *run = paused_run(&p, "def f(x):\n    return fetch(x)\nprint(f(3))\n");
    size_t n;
    uint8_t *b = run ? dump(run, true, NULL, 0, &n) : NULL;
    CHECK(b != NULL);
    if (!b) return;
    KraitProgram *fresh = compile_tools("def f(x):\n    return fetch(x)\nprint(f(3))\n"); // index not made yet
    LoadJob jobs[2] = {{b, n, fresh, 0}, {b, n, fresh, 0}};
    pthread_t t[2];
    for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, load_many, &jobs[i]);
    for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
    CHECK(jobs[0].ok == 50 && jobs[1].ok == 50);
    krait_free(b);
    krait_run_free(run);
    krait_program_free(p);
    krait_program_free(fresh);
}

int main(void) {
    test_cases();
    test_kept_state();
    test_deterministic();
    test_ids_kept();
    test_keys_and_programs();
    test_refused_dumps();
    test_session_idle();
    test_session_paused();
    test_gc_while_paused();
    test_load_limits();
    test_threads();
    test_damaged();
    test_damaged_kinds();
    printf("test_runsnap: edited snapshots: %ld loaded and ran, %ld refused\n", loads_ok, loads_refused);
    printf("test_runsnap: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
