// vm.c: the interpreter loop (stackless for Python-to-Python calls),
// argument binding, exception unwinding through the code's exception
// table, tracebacks, and generators.
#include <stdio.h>
#include "vm.h"
#include "obj/external.h"
#include "types.h"
#include "compiler.h"
#include "modules.h"
#include "obj/class.h"
#include "runsnap.h"

static const KrSnapOps gen_snap, agwrap_snap, asend_snap, drain_snap;

// ---- frame stack -----------------------------------------------------------------

struct KrStackChunk {
    KrStackChunk *prev;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

// Frame chunks start small (an idle run holds little) and double up to
// VM_CHUNK_MAX; one emptied chunk is kept spare, so a call sitting on a
// chunk boundary does not allocate on every call.
#define VM_CHUNK_FIRST ((size_t)256)
#define VM_CHUNK_MAX ((size_t)64 * 1024)

static size_t frame_bytes(const KrCode *code) {
    size_t slots = (size_t)code->nlocals + code->ncells + code->nfrees + code->stacksize;
    return (sizeof(KrFrame) + slots * sizeof(KrValue) + 15) & ~(size_t)15;
}

static KrStackChunk *chunk_new(KrRun *r, size_t need) {
    KrStackChunk *c = r->chunk, *n = r->spare_chunk;
    if (n && n->size >= need) {
        r->spare_chunk = NULL;
    } else {
        size_t csize = c ? (c->size < VM_CHUNK_MAX ? c->size * 2 : c->size) : VM_CHUNK_FIRST;
        if (csize < need) csize = need;
        n = kr_mem_alloc(r, sizeof(KrStackChunk) + csize);
        if (!n) return NULL;
        n->size = csize;
    }
    n->prev = c;
    n->used = 0;
    return r->chunk = n;
}

static KrFrame *frame_alloc(KrRun *r, const KrCode *code) {
    size_t size = frame_bytes(code);
    KrStackChunk *c = r->chunk;
    if (!c || c->size - c->used < size) {
        c = chunk_new(r, size);
        if (!c) return NULL;
    }
    KrFrame *f = (KrFrame *)(c->data + c->used);
    c->used += size;
    f->size = size;
    return f;
}

static void chunk_free(KrRun *r, KrStackChunk *c) {
    if (c && c != r->seed_chunk) kr_mem_free(r, c, sizeof(KrStackChunk) + c->size); // the seed lives in the run's block
}

void kr_vm_trim(KrRun *r) {
    if (r->spare_chunk && r->spare_chunk != r->seed_chunk) {
        chunk_free(r, r->spare_chunk);
        r->spare_chunk = NULL;
    }
}

size_t kr_vm_seed_bytes(void) { return sizeof(KrStackChunk) + VM_CHUNK_FIRST; }

// The first frame chunk, in the run's own block: waiting as the spare.
void kr_vm_seed(KrRun *r, void *mem) {
    KrStackChunk *c = mem;
    c->prev = NULL;
    c->size = VM_CHUNK_FIRST;
    c->used = 0;
    r->seed_chunk = r->spare_chunk = c;
}

static void frame_release(KrRun *r, KrFrame *f) {
    if (f->flags & KR_FRAME_GENERATOR) return;
    KrStackChunk *c = r->chunk;
    c->used -= f->size;
    if (c->used == 0 && c->prev) {
        r->chunk = c->prev;
        if (r->spare_chunk && r->spare_chunk->size >= c->size) {
            chunk_free(r, c);
        } else {
            chunk_free(r, r->spare_chunk);
            r->spare_chunk = c;
        }
    }
}

void kr_vm_free_frames(KrRun *r) {
    while (r->chunk) {
        KrStackChunk *c = r->chunk;
        r->chunk = c->prev;
        chunk_free(r, c);
    }
    chunk_free(r, r->spare_chunk);
    r->spare_chunk = NULL;
    r->frame = NULL;
}

size_t kr_vm_frame_bytes(const KrCode *code) { return frame_bytes(code); }
KrFrame *kr_vm_frame_push(KrRun *r, const KrCode *code) { return frame_alloc(r, code); }

static bool chunk_frames(KrStackChunk *c, bool (*visit)(void *ud, KrFrame *f), void *ud) {
    for (size_t off = 0; off < c->used;) {
        KrFrame *f = (KrFrame *)(c->data + off);
        if (!visit(ud, f)) return false;
        off += f->size;
    }
    return true;
}

bool kr_vm_chunk_frames(KrRun *r, bool (*visit)(void *ud, KrFrame *f), void *ud) {
    size_t n = 0;
    for (KrStackChunk *c = r->chunk; c; c = c->prev) n++;
    KrStackChunk *local[16], **all = local;
    if (n > 16 && !(all = r->alloc.fn(r->alloc.ud, NULL, 0, n * sizeof *all))) return false;
    size_t i = n;
    for (KrStackChunk *c = r->chunk; c; c = c->prev) all[--i] = c;
    bool ok = true;
    for (i = 0; i < n && ok; i++) ok = chunk_frames(all[i], visit, ud);
    if (all != local) r->alloc.fn(r->alloc.ud, all, n * sizeof *all, 0);
    return ok;
}

static void frame_mark(KrRun *r, KrFrame *f) {
    kr_gc_mark(r, f->func);
    kr_gc_mark(r, f->globals);
    kr_gc_mark(r, f->gen);
    kr_gc_mark(r, f->ns);
    kr_gc_mark(r, f->made);
    for (KrValue *p = f->slots; p < f->sp; p++) kr_gc_mark(r, *p);
}

void kr_vm_mark_frames(KrRun *r) {
    for (KrFrame *f = r->frame; f; f = f->back) frame_mark(r, f);
}

// A snapshot dict of a frame's local variables (locals(), vars(), dir()):
// module frames answer with their globals.
KrValue kr_vm_frame_locals(KrRun *r, KrFrame *f) {
    if (!f) return r->globals;
    if (f->ns != KR_NULL) return f->ns; // a class body: its namespace
    if (f->func == KR_NULL) return f->globals;
    const KrCode *code = f->code;
    KrValue d = kr_dict_new(r);
    if (d == KR_EXC) return KR_EXC;
    for (uint32_t i = 0; i < code->nlocals; i++)
        if (f->slots[i] != KR_NULL && !kr_dict_set(r, kr_as_dict(d), kr_from_obj(code->varnames[i]), f->slots[i]))
            return KR_EXC;
    KrValue *cells = kr_frame_cells(f);
    for (uint32_t i = 0; i < code->ncells + code->nfrees; i++) {
        KrValue v = ((KrCell *)kr_as_obj(cells[i]))->value;
        if (v != KR_NULL && !kr_dict_set(r, kr_as_dict(d), kr_from_obj(code->cellnames[i]), v)) return KR_EXC;
    }
    return d;
}

// ---- argument binding -----------------------------------------------------------

static const char *func_qualname(const KrFunc *fn) { return kr_as_str(fn->qualname)->data; }

// How CPython names a callable in call-site errors: "__main__.f()" for
// functions, "len()" for built-ins.
static void func_str(KrValue func, char *buf, size_t cap) {
    if (kr_is_type(func, &kr_type_function)) {
        const KrFunc *fn = (const KrFunc *)kr_as_obj(func);
        const char *mod = kr_is_str(fn->module) ? kr_as_str(fn->module)->data : "__main__";
        snprintf(buf, cap, "%s.%s()", mod, func_qualname(fn));
    } else if (kr_is_type(func, &kr_type_builtin)) {
        snprintf(buf, cap, "%s()", ((const KrBuiltin *)kr_as_obj(func))->name);
    } else if (kr_is_type(func, &kr_type_type)) {
        snprintf(buf, cap, "%s()", ((const KrType *)kr_as_obj(func))->name);
    } else if (kr_is_type(func, &kr_type_bound_native)) { // [].sort: "list.sort()"
        const KrBoundNative *b = (const KrBoundNative *)kr_as_obj(func);
        snprintf(buf, cap, "%s.%s()", b->owner ? b->owner->name : "builtins", b->def->name);
    } else if (kr_is_type(func, &kr_type_method)) {
        func_str(((const KrMethod *)kr_as_obj(func))->func, buf, cap);
    } else {
        snprintf(buf, cap, "%s object", kr_type_name(func));
    }
}

static const char *code_param(const void *code, uint32_t i) { return ((const KrCode *)code)->varnames[i]->data; }

static KrValue missing_args(KrRun *r, const KrFunc *fn, KrValue *locals, uint32_t from, uint32_t to,
                            const char *kind) {
    return kr_raise_missing_args(r, func_qualname(fn), locals, from, to, kind, code_param, fn->code);
}

static KrValue too_many_positional(KrRun *r, const KrFunc *fn, size_t given, KrValue *locals) {
    const KrCode *code = fn->code;
    size_t ndef = fn->defaults == KR_NULL ? 0 : kr_as_tuple(fn->defaults)->len;
    uint32_t kwgiven = 0;
    for (uint32_t i = code->argcount; i < code->argcount + code->kwonlycount; i++)
        if (locals[i] != KR_NULL) kwgiven++;
    return kr_raise_too_many_positional(r, func_qualname(fn), code->argcount, (uint32_t)ndef, given, kwgiven);
}

static int32_t find_param(const KrCode *code, KrStr *name, uint32_t total) {
    for (uint32_t i = 0; i < total; i++)
        if (code->varnames[i] == name) return (int32_t)i;
    for (uint32_t i = 0; i < total; i++)
        if (kr_str_equal(code->varnames[i], name)) return (int32_t)i;
    return -1;
}

static bool bind_keywords(KrRun *r, const KrFunc *fn, KrValue *locals, const KrValue *kwvals, KrValue kwnames,
                          KrValue kwdict) {
    const KrCode *code = fn->code;
    uint32_t total = code->argcount + code->kwonlycount;
    KrTuple *names = kr_as_tuple(kwnames);
    for (size_t k = 0; k < names->len; k++) {
        KrStr *name = kr_as_str(names->items[k]);
        int32_t i = find_param(code, name, total);
        if (i >= 0 && (uint32_t)i >= code->posonlycount) {
            if (locals[i] != KR_NULL) {
                kr_raise(r, &kr_exc_TypeError, "%s() got multiple values for argument '%s'", func_qualname(fn),
                         name->data);
                return false;
            }
            locals[i] = kwvals[k];
            continue;
        }
        if (kwdict != KR_NULL) {
            if (!kr_dict_set(r, kr_as_dict(kwdict), names->items[k], kwvals[k])) return false;
            continue;
        }
        kr_raise_bad_keyword(r, func_qualname(fn), code->posonlycount, kwnames, name, code_param, code);
        return false;
    }
    return true;
}

static bool apply_defaults(KrRun *r, const KrFunc *fn, KrValue *locals) {
    const KrCode *code = fn->code;
    size_t ndef = fn->defaults == KR_NULL ? 0 : kr_as_tuple(fn->defaults)->len;
    uint32_t first_def = code->argcount - (uint32_t)ndef;
    bool missing = false;
    for (uint32_t i = 0; i < code->argcount; i++) {
        if (locals[i] != KR_NULL) continue;
        if (i >= first_def) locals[i] = kr_as_tuple(fn->defaults)->items[i - first_def];
        else missing = true;
    }
    if (missing) {
        missing_args(r, fn, locals, 0, code->argcount, "positional");
        return false;
    }
    for (uint32_t i = code->argcount; i < code->argcount + code->kwonlycount; i++) {
        if (locals[i] != KR_NULL) continue;
        KrValue d = KR_NULL;
        if (fn->kwdefaults != KR_NULL && kr_dict_get(r, kr_as_dict(fn->kwdefaults), kr_from_obj(code->varnames[i]), &d) < 0)
            return false;
        if (d == KR_NULL) missing = true;
        else locals[i] = d;
    }
    if (missing) {
        missing_args(r, fn, locals, code->argcount, code->argcount + code->kwonlycount, "keyword-only");
        return false;
    }
    return true;
}

// Fills a fresh frame's locals from the call's arguments, CPython's rules
// and messages; then makes the cells and copies the closure.
static bool bind_args(KrRun *r, KrFrame *f, const KrFunc *fn, const KrValue *args, size_t argc, KrValue kwnames) {
    const KrCode *code = fn->code;
    KrValue *locals = f->slots;
    // the common call: exactly the positional parameters, no cells
    if (kwnames == KR_NULL && argc == code->argcount && !code->kwonlycount && !code->ncells && !code->nfrees &&
        !(code->flags & (KR_CODE_VARARGS | KR_CODE_VARKW))) {
        for (size_t i = 0; i < argc; i++) locals[i] = args[i];
        for (size_t i = argc; i < code->nlocals; i++) locals[i] = KR_NULL;
        return true;
    }
    uint32_t total = code->argcount + code->kwonlycount;
    size_t nslots = (size_t)code->nlocals + code->ncells + code->nfrees;
    for (size_t i = 0; i < nslots; i++) locals[i] = KR_NULL;
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    size_t npos = argc; // positional; the keyword values follow them
    size_t ncopy = npos < code->argcount ? npos : code->argcount;
    for (size_t i = 0; i < ncopy; i++) locals[i] = args[i];
    uint32_t extra = total;
    if (code->flags & KR_CODE_VARARGS) {
        KrValue t = npos > code->argcount ? kr_tuple_from_array(r, args + code->argcount, npos - code->argcount)
                                          : kr_from_obj(&kr_empty_tuple);
        if (t == KR_EXC) return false;
        locals[extra++] = t;
    }
    KrValue kwdict = KR_NULL;
    if (code->flags & KR_CODE_VARKW) {
        kwdict = kr_dict_new(r);
        if (kwdict == KR_EXC) return false;
        locals[extra] = kwdict;
    }
    if (nkw && !bind_keywords(r, fn, locals, args + npos, kwnames, kwdict)) return false;
    if (npos > code->argcount && !(code->flags & KR_CODE_VARARGS)) {
        too_many_positional(r, fn, npos, locals);
        return false;
    }
    if (!apply_defaults(r, fn, locals)) return false;
    KrValue *cells = locals + code->nlocals;
    for (uint32_t i = 0; i < code->ncells; i++) {
        int32_t a = code->cell_arg[i];
        KrValue cell = kr_cell_new(r, a >= 0 ? locals[a] : KR_NULL);
        if (cell == KR_EXC) return false;
        cells[i] = cell;
    }
    if (code->nfrees) {
        KrTuple *cl = kr_as_tuple(fn->closure);
        for (uint32_t i = 0; i < code->nfrees && i < cl->len; i++) cells[code->ncells + i] = cl->items[i];
    }
    return true;
}

static void frame_init(KrFrame *f, const KrCode *code, KrValue func, KrValue globals, uint32_t flags) {
    f->code = code;
    f->func = func;
    f->globals = globals;
    f->pc = 0;
    f->flags = flags;
    f->gen = KR_NULL;
    f->ns = KR_NULL;
    f->made = KR_NULL;
    f->sp = kr_frame_stack(f);
}

// ---- generators -------------------------------------------------------------------

static void gen_trace(KrRun *r, KrObj *o) {
    KrGen *g = (KrGen *)o;
    kr_gc_mark(r, g->name);
    kr_gc_mark(r, g->qualname);
    kr_gc_mark(r, g->exc_state);
    kr_gc_mark(r, g->resumer_exc);
    kr_gc_mark(r, g->resumer_outer);
    if (g->frame) frame_mark(r, g->frame);
    // a run paused inside it: the frames it called are in no other chain
    for (KrFrame *f = g->pause_frame; f && f != g->frame; f = f->back) frame_mark(r, f);
}

static void gen_finalize(KrRun *r, KrObj *o) {
    KrGen *g = (KrGen *)o;
    if (g->frame) kr_mem_free(r, g->frame, g->frame->size);
    g->frame = NULL;
}

// Calling a generator function makes a generator holding its own frame.
static KrValue gen_create(KrRun *r, const KrFunc *fn, const KrValue *args, size_t argc, KrValue kwnames) {
    size_t size = frame_bytes(fn->code);
    KrFrame *f = kr_mem_alloc(r, size);
    if (!f) return KR_EXC;
    f->size = size;
    frame_init(f, fn->code, kr_from_obj(fn), fn->globals, KR_FRAME_GENERATOR);
    f->sp = f->slots; // nothing to mark until bound
    f->back = NULL;
    if (!bind_args(r, f, fn, args, argc, kwnames)) {
        kr_mem_free(r, f, size);
        return KR_EXC;
    }
    f->sp = kr_frame_stack(f);
    uint32_t kind = fn->code->flags & (KR_CODE_COROUTINE | KR_CODE_GENERATOR);
    const KrType *gt = kind == (KR_CODE_COROUTINE | KR_CODE_GENERATOR) ? &kr_type_async_generator
                       : kind == KR_CODE_COROUTINE                     ? &kr_type_coroutine
                                                                       : &kr_type_generator;
    KrGen *g = kr_gc_alloc(r, gt, sizeof(KrGen));
    if (!g) {
        kr_mem_free(r, f, size);
        return KR_EXC;
    }
    g->frame = f;
    g->name = fn->name;
    g->qualname = fn->qualname;
    g->running = false;
    g->pause_frame = NULL;
    g->exc_state = g->resumer_exc = g->resumer_outer = KR_NULL;
    f->gen = kr_from_obj(g);
    return kr_from_obj(g);
}

static KrValue vm_loop(KrRun *r, KrFrame *entry, KrValue throw_exc);
static KrValue run_main_coro(KrRun *r);

// A StopIteration escaping a generator becomes a RuntimeError (PEP 479).
static void gen_stop_to_runtime(KrRun *r) {
    if (!kr_pending_is(r, &kr_exc_StopIteration)) return;
    KrValue cause = r->exc;
    r->exc = KR_NULL;
    kr_raise(r, &kr_exc_RuntimeError, "generator raised StopIteration");
    if (r->exc != KR_NULL) {
        ((KrExc *)kr_as_obj(r->exc))->cause = cause;
        ((KrExc *)kr_as_obj(r->exc))->context = cause;
        ((KrExc *)kr_as_obj(r->exc))->suppress_context = true;
    }
}

static bool exc_set(KrValue e) { return e != KR_NULL && e != KR_NONE; }

// A generator starts or resumes: its own handled exception becomes the
// run's, and the one in effect where it resumed becomes exc_outer.
static void gen_exc_enter(KrRun *r, KrGen *g) {
    g->resumer_exc = r->exc_info;
    g->resumer_outer = r->exc_outer;
    r->exc_outer = exc_set(r->exc_info) ? r->exc_info : r->exc_outer;
    r->exc_info = g->exc_state;
    g->exc_state = KR_NULL;
}

// It yields, ends or stops: the resumer's come back.
static void gen_exc_leave(KrRun *r, KrGen *g) {
    g->exc_state = r->exc_info;
    r->exc_info = g->resumer_exc;
    r->exc_outer = g->resumer_outer;
    g->resumer_exc = g->resumer_outer = KR_NULL;
}

KrValue kr_handled_exc(KrRun *r) {
    KrValue e = exc_set(r->exc_info) ? r->exc_info : r->exc_outer;
    return exc_set(e) ? e : KR_NULL;
}

// Generators iterated by FOR_ITER and generators or coroutines driven by
// SEND run in the caller's loop, their frame linked above the caller's
// (no C recursion): that is what lets a run pause inside them. Returns the
// frame to continue in, or NULL when the generator must go the slow way
// (finished, running, or a first send that is not None).
static KrFrame *gen_link(KrRun *r, KrFrame *caller, KrValue genv, KrValue sent) {
    KrGen *g = (KrGen *)kr_as_obj(genv);
    KrFrame *f = g->frame;
    // past the depth limit: the slow way raises RecursionError
    if (!f || g->running || (f->pc == 0 && sent != KR_NONE) || r->depth >= r->limits.max_recursion) return NULL;
    if (f->pc != 0) *f->sp++ = sent;
    f->back = caller;
    g->running = true;
    gen_exc_enter(r, g);
    r->depth++;
    r->frame = f;
    return f;
}

// A linked generator frame finished (returned or raised): the generator
// is done; the caller continues.
static KrFrame *gen_unlink_done(KrRun *r, KrFrame *f) {
    KrGen *g = (KrGen *)kr_as_obj(f->gen);
    KrFrame *back = f->back;
    g->running = false;
    gen_exc_leave(r, g);
    g->frame = NULL;
    r->depth--;
    kr_mem_free(r, f, f->size);
    r->frame = back;
    return back;
}

// Python frames from f out to (and with) the generator's own frame.
static uint32_t gen_chain_depth(const KrFrame *f, const KrFrame *top) {
    uint32_t n = 1;
    for (; f && f != top; f = f->back) n++;
    return n;
}

// A coroutine stepped by an asyncio task stopped at a plain external call
// (at r->pause_depth): it keeps its frames, and the natives between here
// and the VM unwind with r->pausing set. The task's next step is rerun on
// resume and lands in gen_resume_paused.
static KrValue gen_paused(KrRun *r, KrGen *g, uint32_t depth0, KrFrame *caller) {
    g->pause_frame = r->frame;
    g->running = false;
    gen_exc_leave(r, g);
    g->frame->flags &= ~KR_FRAME_ENTRY;
    r->frame = caller;
    r->depth = depth0;
    r->pausing = true;
    return KR_EXC;
}

// The step after such a pause: the answered call returns (or raises) in
// the innermost frame, whatever the task sends.
static KrValue gen_resume_paused(KrRun *r, KrGen *g) {
    KrFrame *pf = g->pause_frame, *f = g->frame;
    KrExtCall *c = r->paused_call == KR_NULL ? NULL : (KrExtCall *)kr_as_obj(r->paused_call);
    if (!c || c->state == KR_EXT_PENDING) return kr_raise(r, &kr_exc_SystemError, "resumed without an answer");
    g->pause_frame = NULL;
    r->paused_call = KR_NULL;
    KrValue exc = c->state == KR_EXT_REJECTED ? c->result : KR_NULL;
    if (exc == KR_NULL) *pf->sp++ = c->result;
    kr_ext_call_retire(r, c);
    uint32_t depth0 = r->depth;
    KrFrame *caller = r->frame;
    f->back = caller;
    f->flags |= KR_FRAME_ENTRY;
    g->running = true;
    gen_exc_enter(r, g);
    r->native_depth++;
    r->depth += gen_chain_depth(pf, f);
    KrValue v = vm_loop(r, pf, exc);
    r->native_depth--;
    if (v == KR_PAUSE) return gen_paused(r, g, depth0, caller);
    gen_exc_leave(r, g);
    r->depth = depth0;
    return v;
}

// ---- built-ins consuming a generator in the loop --------------------------------------
// list(g), tuple(g), set(g), frozenset(g), sorted(g), sep.join(g), sum(g),
// min(g), max(g), any(g), all(g) of a plain generator run it linked in the
// caller's loop (so it may pause at an external call) and consume each
// value as it is yielded: the collecting ones gather a list and run the
// built-in on it when the generator ends; the others fold as they go.

enum { DRAIN_COLLECT, DRAIN_SUM, DRAIN_MIN, DRAIN_MAX, DRAIN_ANY, DRAIN_ALL, DRAIN__COUNT };

typedef struct KrDrain {
    KrObj ob;
    uint32_t kind;
    KrValue acc; // the list, the running sum, the best so far (KR_NULL: none yet)
} KrDrain;

static void drain_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((KrDrain *)o)->acc); }

const KrType kr_type_drain = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "generator_consumer",
    .base = &kr_type_object,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(KrDrain),
    .trace = drain_trace,
    .snap = &drain_snap,
};

static bool builtin_named(KrValue v, const char *name) {
    return kr_is_type(v, &kr_type_builtin) && strcmp(((const KrBuiltin *)kr_as_obj(v))->name, name) == 0;
}

// Which consumer a call of callee (self: a method's object) with one
// generator argument is, or -1.
static int drain_kind(KrValue callee, KrValue self) {
    if ((callee & KR_TAG_MASK) == KR_TAG_METHDEF)
        return strcmp(((const KrMethodDef *)(uintptr_t)(callee & KR_PAYLOAD))->name, "join") == 0 && kr_is_str(self)
                   ? DRAIN_COLLECT
                   : -1;
    if (self != KR_NULL) return -1;
    if (callee == kr_from_obj(&kr_type_list) || callee == kr_from_obj(&kr_type_tuple) ||
        callee == kr_from_obj(&kr_type_set) || callee == kr_from_obj(&kr_type_frozenset) ||
        builtin_named(callee, "sorted"))
        return DRAIN_COLLECT;
    if (builtin_named(callee, "sum")) return DRAIN_SUM;
    if (builtin_named(callee, "min")) return DRAIN_MIN;
    if (builtin_named(callee, "max")) return DRAIN_MAX;
    if (builtin_named(callee, "any")) return DRAIN_ANY;
    if (builtin_named(callee, "all")) return DRAIN_ALL;
    return -1;
}

static KrValue drain_new(KrRun *r, int kind) {
    KrValue acc = kind == DRAIN_COLLECT ? kr_list_new(r, 0) : kind == DRAIN_SUM ? kr_from_small(0) : KR_NULL;
    if (acc == KR_EXC) return KR_EXC;
    KrDrain *d = kr_gc_alloc(r, &kr_type_drain, sizeof(KrDrain));
    if (!d) return KR_EXC;
    d->kind = (uint32_t)kind;
    d->acc = acc;
    return kr_from_obj(d);
}

// Takes one yielded value: 1 go on, 0 the answer is known (any/all), -1 error.
static int drain_take(KrRun *r, KrDrain *d, KrValue v) {
    switch (d->kind) {
    case DRAIN_COLLECT: return kr_list_append(r, kr_as_list(d->acc), v) ? 1 : -1;
    case DRAIN_SUM: {
        KrValue s = kr_binary(r, d->acc, v, KR_BIN_ADD);
        if (s == KR_EXC) return -1;
        d->acc = s;
        return 1;
    }
    case DRAIN_MIN:
    case DRAIN_MAX: {
        if (d->acc == KR_NULL) return d->acc = v, 1;
        KrValue c = kr_compare(r, v, d->acc, d->kind == DRAIN_MIN ? KR_CMP_LT : KR_CMP_GT);
        int t = c == KR_EXC ? -1 : kr_truth(r, c);
        if (t > 0) d->acc = v;
        return t < 0 ? -1 : 1;
    }
    default: {
        int t = kr_truth(r, v);
        if (t < 0) return -1;
        if ((d->kind == DRAIN_ANY) == (t == 1)) return d->acc = t ? KR_TRUE : KR_FALSE, 0;
        return 1;
    }
    }
}

// The consumer's answer once the generator has ended (KR_EXC for min/max
// of nothing, as CPython).
static KrValue drain_result(KrRun *r, KrDrain *d) {
    if (d->kind == DRAIN_MIN || d->kind == DRAIN_MAX) {
        if (d->acc != KR_NULL) return d->acc;
        return kr_raise(r, &kr_exc_ValueError, "%s() arg is an empty sequence", d->kind == DRAIN_MIN ? "min" : "max");
    }
    if (d->kind == DRAIN_ANY) return KR_FALSE;
    if (d->kind == DRAIN_ALL) return KR_TRUE;
    return d->acc;
}

// A drained generator stops without finishing (any/all decided, or the
// consumer failed): it stays suspended, as after a yield.
static KrFrame *gen_unlink_suspended(KrRun *r, KrFrame *f) {
    ((KrGen *)kr_as_obj(f->gen))->running = false;
    gen_exc_leave(r, (KrGen *)kr_as_obj(f->gen));
    f->flags &= ~KR_FRAME_DRAIN;
    f->made = KR_NULL;
    r->depth--;
    r->frame = f->back;
    return f->back;
}

// Resumes a generator with a value, or with an exception thrown in.
static KrValue gen_resume(KrRun *r, KrValue genv, KrValue sent, KrValue exc) {
    KrGen *g = (KrGen *)kr_as_obj(genv);
    if (!g->frame) return KR_STOP;
    if (g->running) return kr_raise(r, &kr_exc_ValueError, "generator already executing");
    if (r->native_depth >= KR_MAX_NATIVE_DEPTH || (r->depth >= r->limits.max_recursion && !g->pause_frame))
        return kr_raise(r, &kr_exc_RecursionError, "maximum recursion depth exceeded");
    KrFrame *f = g->frame;
    KrValue v;
    if (g->pause_frame) {
        v = gen_resume_paused(r, g);
        if (v == KR_EXC && r->pausing) return KR_EXC;
        goto stepped;
    }
    if (exc != KR_NULL && f->pc == 0) {
        // thrown into a generator that never ran: it just ends
        kr_mem_free(r, f, f->size);
        g->frame = NULL;
        r->exc = exc;
        return KR_EXC;
    }
    if (f->pc == 0 && sent != KR_NONE)
        return kr_raise(r, &kr_exc_TypeError, "can't send non-None value to a just-started generator");
    if (f->pc != 0 && exc == KR_NULL && sent != KR_NULL) *f->sp++ = sent; // KR_NULL: resume as is
    KrFrame *caller = r->frame;
    f->back = caller;
    f->flags |= KR_FRAME_ENTRY;
    g->running = true;
    gen_exc_enter(r, g);
    r->native_depth++;
    r->depth++;
    v = vm_loop(r, f, exc);
    r->depth--;
    r->native_depth--;
    if (v == KR_PAUSE) return gen_paused(r, g, r->depth - gen_chain_depth(r->frame, f) + 1, caller);
    gen_exc_leave(r, g);
stepped:
    g->running = false;
    f->flags &= ~KR_FRAME_ENTRY;
    if (r->gen_yielded) {
        r->gen_yielded = false;
        return v;
    }
    // returned or raised: the generator is finished
    kr_mem_free(r, f, f->size);
    g->frame = NULL;
    if (v != KR_EXC) {
        // `return x` in a generator: StopIteration(x) for next()
        if (v != KR_NONE) {
            KrValue args = kr_tuple_from_array(r, &v, 1);
            KrValue stop = args == KR_EXC ? KR_EXC : kr_exc_new(r, &kr_exc_StopIteration, args);
            r->stop_exc = stop == KR_EXC ? KR_NULL : stop;
            if (stop == KR_EXC) kr_clear_exc(r);
        }
        return KR_STOP;
    }
    if (v == KR_EXC) {
        gen_stop_to_runtime(r);
        return KR_EXC;
    }
    return KR_STOP;
}

KrValue kr_gen_send(KrRun *r, KrValue genv, KrValue sent) { return gen_resume(r, genv, sent, KR_NULL); }

static KrValue gen_iter(KrRun *r, KrValue v) {
    (void)r;
    return v;
}

static KrValue gen_next(KrRun *r, KrValue v) { return kr_gen_send(r, v, KR_NONE); }

static KrValue gen_repr(KrRun *r, KrValue v) {
    KrGen *g = (KrGen *)kr_as_obj(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<generator object %s at 0x%llx>", kr_as_str(g->qualname)->data,
                            (unsigned long long)kr_object_id(r, v));
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

static KrValue gen_send_method(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "send", kwnames) || !kr_args_count(r, "send", argc, 1, 1)) return KR_EXC;
    KrValue v = kr_gen_send(r, self, args[0]);
    if (v == KR_STOP) {
        KrValue stop = r->stop_exc;
        r->stop_exc = KR_NULL;
        return kr_raise_value(r, stop != KR_NULL ? stop : kr_from_obj(&kr_exc_StopIteration));
    }
    return v;
}

// The delegate a generator paused inside `yield from` / `await` is
// waiting on (the SEND loop leaves it on top of the stack), or KR_NULL.
static KrValue gen_delegate(KrGen *g) {
    KrFrame *f = g->frame;
    if (!f || f->pc < 2 || f->sp <= kr_frame_stack(f)) return KR_NULL;
    if (KR_INSN_OP(f->code->insns[f->pc - 1]) != KR_OP_YIELD_VALUE ||
        KR_INSN_OP(f->code->insns[f->pc - 2]) != KR_OP_SEND)
        return KR_NULL;
    return f->sp[-1];
}

static KrValue gen_throw_value(KrRun *r, KrValue self, KrValue exc);

// throw() while delegating: the delegate gets the exception first. If it
// yields, so do we; if it returns, we go on after the delegation with its
// value; if it raises, the exception continues in our frame.
static KrValue gen_throw_delegated(KrRun *r, KrValue self, KrValue delegate, KrValue exc) {
    KrGen *g = (KrGen *)kr_as_obj(self);
    KrValue res;
    r->stop_exc = KR_NULL;
    if (kr_is_type(delegate, &kr_type_generator) || kr_is_type(delegate, &kr_type_coroutine)) {
        res = gen_throw_value(r, delegate, exc);
    } else {
        KrValue m = kr_getattr_opt_cstr(r, delegate, "throw");
        if (m == KR_EXC) return KR_EXC;
        if (m == KR_NULL) return gen_resume(r, self, KR_NONE, exc);
        res = kr_call1(r, m, exc);
    }
    if (res == KR_EXC && kr_pending_is(r, &kr_exc_StopIteration)) {
        r->stop_exc = r->exc;
        kr_clear_exc(r);
        res = KR_STOP;
    }
    if (res == KR_EXC) {
        KrValue e = r->exc;
        r->exc = KR_NULL;
        return gen_resume(r, self, KR_NONE, e);
    }
    if (res != KR_STOP) return res; // the delegate yielded
    KrValue rv = KR_NONE;
    KrValue stop = r->stop_exc;
    r->stop_exc = KR_NULL;
    if (stop != KR_NULL && kr_as_tuple(((KrExc *)kr_as_obj(stop))->args)->len)
        rv = kr_as_tuple(((KrExc *)kr_as_obj(stop))->args)->items[0];
    // continue after the SEND loop with the delegate's result
    KrFrame *f = g->frame;
    f->sp[-1] = rv;
    f->pc = KR_INSN_ARG(f->code->insns[f->pc - 2]);
    return gen_resume(r, self, KR_NULL, KR_NULL);
}

static KrValue gen_close(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames);

// Closes what a generator delegates to (yield from): its close(), if any.
static KrValue gen_close_delegate(KrRun *r, KrValue delegate) {
    if (kr_is_type(delegate, &kr_type_generator) || kr_is_type(delegate, &kr_type_coroutine))
        return gen_close(r, delegate, 0, NULL, KR_NULL);
    KrValue m = kr_getattr_opt_cstr(r, delegate, "close");
    return m == KR_EXC ? KR_EXC : m == KR_NULL ? KR_NONE : kr_call0(r, m);
}

static KrValue gen_throw_value(KrRun *r, KrValue self, KrValue exc) {
    KrGen *g = (KrGen *)kr_as_obj(self);
    if (!g->frame) return kr_raise_value(r, exc);
    KrValue delegate = g->running ? KR_NULL : gen_delegate(g);
    if (delegate != KR_NULL && !kr_exc_is(exc, &kr_exc_GeneratorExit))
        return gen_throw_delegated(r, self, delegate, exc);
    if (delegate != KR_NULL) {
        // GeneratorExit closes the delegate first (an error from that is
        // what the generator then gets), as CPython does
        kr_root_push(r, &exc);
        KrValue closed = gen_close_delegate(r, delegate);
        kr_root_pop(r, 1);
        if (closed == KR_EXC) {
            exc = r->exc;
            r->exc = KR_NULL;
        }
    }
    return gen_resume(r, self, KR_NONE, exc);
}

static KrValue gen_throw(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "throw", kwnames) || !kr_args_count(r, "throw", argc, 1, 3)) return KR_EXC;
    KrValue exc = args[0];
    if (kr_is_type(exc, &kr_type_type) && (((const KrType *)kr_as_obj(exc))->flags & KR_TF_EXC)) {
        exc = argc >= 2 && args[1] != KR_NONE ? kr_call1(r, exc, args[1]) : kr_call0(r, exc);
        if (exc == KR_EXC) return KR_EXC;
    }
    if (!(kr_typeof(exc)->flags & KR_TF_EXC))
        return kr_raise(r, &kr_exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                        kr_type_name(exc));
    KrValue v = gen_throw_value(r, self, exc);
    if (v == KR_STOP) {
        KrValue stop = r->stop_exc;
        r->stop_exc = KR_NULL;
        return kr_raise_value(r, stop != KR_NULL ? stop : kr_from_obj(&kr_exc_StopIteration));
    }
    return v;
}

// close(): GeneratorExit at the paused yield; the generator must finish.
static KrValue gen_close(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_args_no_kw(r, "close", kwnames) || !kr_args_count(r, "close", argc, 0, 0)) return KR_EXC;
    KrGen *g = (KrGen *)kr_as_obj(self);
    if (!g->frame) return KR_NONE;
    if (g->frame->pc == 0) {
        kr_mem_free(r, g->frame, g->frame->size);
        g->frame = NULL;
        return KR_NONE;
    }
    // a delegate is closed first (CPython's order)
    KrValue delegate = g->running ? KR_NULL : gen_delegate(g);
    if (delegate != KR_NULL) {
        KrValue dres = gen_close_delegate(r, delegate);
        if (dres == KR_EXC) {
            KrValue e = r->exc;
            r->exc = KR_NULL;
            KrValue v = gen_resume(r, self, KR_NONE, e);
            return v == KR_EXC ? KR_EXC : v == KR_STOP ? KR_NONE : kr_raise(r, &kr_exc_RuntimeError, "generator ignored GeneratorExit");
        }
    }
    KrValue exit_exc = kr_call0(r, kr_from_obj(&kr_exc_GeneratorExit));
    if (exit_exc == KR_EXC) return KR_EXC;
    KrValue v = gen_resume(r, self, KR_NONE, exit_exc);
    if (v == KR_STOP) return KR_NONE;
    if (v == KR_EXC) {
        if (kr_pending_is(r, &kr_exc_GeneratorExit) || kr_pending_is(r, &kr_exc_StopIteration)) {
            kr_clear_exc(r);
            return KR_NONE;
        }
        return KR_EXC;
    }
    return kr_raise(r, &kr_exc_RuntimeError, "generator ignored GeneratorExit");
}

static const KrMethodDef gen_methods[] = {
    {"send", gen_send_method, 0},
    {"throw", gen_throw, 0},
    {"close", gen_close, 0},
    {NULL, NULL, 0},
};

static KrValue gen_get_name(KrRun *r, KrValue self) {
    (void)r;
    return ((KrGen *)kr_as_obj(self))->name;
}
static KrValue gen_get_qualname(KrRun *r, KrValue self) {
    (void)r;
    return ((KrGen *)kr_as_obj(self))->qualname;
}

static KrValue gen_get_running(KrRun *r, KrValue self) {
    (void)r;
    return kr_bool(((KrGen *)kr_as_obj(self))->running);
}

static KrValue gen_get_none(KrRun *r, KrValue self) {
    (void)r;
    (void)self;
    return KR_NONE;
}

static KrValue gen_get_suspended(KrRun *r, KrValue self) {
    (void)r;
    KrGen *g = (KrGen *)kr_as_obj(self);
    return kr_bool(g->frame && g->frame->pc != 0 && !g->running);
}

static const KrGetSetDef gen_getsets[] = {
    {"__name__", gen_get_name},
    {"__qualname__", gen_get_qualname},
    {"gi_running", gen_get_running},
    {"gi_suspended", gen_get_suspended},
    {"gi_yieldfrom", gen_get_none},
    {NULL, NULL},
};

static KrValue coro_repr(KrRun *r, KrValue v) {
    KrGen *g = (KrGen *)kr_as_obj(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<coroutine object %s at 0x%llx>", kr_as_str(g->qualname)->data,
                            (unsigned long long)kr_object_id(r, v));
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

static KrValue gen_setattr(KrRun *r, KrValue o, KrStr *name, KrValue v) {
    KrGen *g = (KrGen *)kr_as_obj(o);
    bool is_name = kr_str_eq_cstr(name, "__name__");
    if ((is_name || kr_str_eq_cstr(name, "__qualname__")) && v != KR_NULL) {
        if (!kr_is_str(v))
            return kr_raise(r, &kr_exc_TypeError, "__%s__ must be set to a string object", is_name ? "name" : "qualname");
        if (is_name) g->name = v;
        else g->qualname = v;
        return KR_NONE;
    }
    return kr_raise(r, &kr_exc_AttributeError, "'generator' object has no attribute '%s'", name->data);
}

const KrType kr_type_generator = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "generator",
    .base = &kr_type_object,
    .basic_size = sizeof(KrGen),
    .trace = gen_trace,
    .finalize = gen_finalize,
    .repr = gen_repr,
    .hash = kr_identity_hash,
    .iter = gen_iter,
    .next = gen_next,
    .methods = gen_methods,
    .getsets = gen_getsets,
    .setattr = gen_setattr,
    .snap = &gen_snap,
};

// ---- async generators -----------------------------------------------------------------
// An async generator's frame yields two kinds of values: its own (wrapped
// by ASYNC_GEN_WRAP) and the suspensions of the awaits inside it. The
// awaitable __anext__()/asend() returns drives the frame, passing
// suspensions up to the event loop and finishing with the first own value.

typedef struct KrAgWrap {
    KrObj ob;
    KrValue value;
} KrAgWrap;

static void agwrap_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((KrAgWrap *)o)->value); }

static const KrType agwrap_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "async_generator_wrapped_value",
    .base = &kr_type_object,
    .basic_size = sizeof(KrAgWrap),
    .trace = agwrap_trace,
    .snap = &agwrap_snap,
};

static KrValue asyncgen_wrap(KrRun *r, KrValue v) {
    KrAgWrap *w = kr_gc_alloc(r, &agwrap_type, sizeof(KrAgWrap));
    if (!w) return KR_EXC;
    w->value = v;
    return kr_from_obj(w);
}

typedef struct KrAsend {
    KrObj ob;
    KrValue gen;
    KrValue first; // the value the first step sends, or the exception athrow throws
    int state;     // 0 not started, 1 running, 2 done
    bool is_throw;
    bool is_close; // aclose(): the generator finishing is success
} KrAsend;

static void asend_trace(KrRun *r, KrObj *o) {
    kr_gc_mark(r, ((KrAsend *)o)->gen);
    kr_gc_mark(r, ((KrAsend *)o)->first);
}

static KrValue asend_step(KrRun *r, KrAsend *a, KrValue sent, KrValue exc) {
    if (a->state == 2) return kr_raise(r, &kr_exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    if (a->state == 0) {
        a->state = 1;
        if (a->is_throw) exc = a->first;
        else sent = a->first;
    }
    KrValue res = exc != KR_NULL ? gen_resume(r, a->gen, KR_NONE, exc) : gen_resume(r, a->gen, sent, KR_NULL);
    if (a->is_close) {
        if (res == KR_STOP ||
            (res == KR_EXC && (kr_pending_is(r, &kr_exc_GeneratorExit) || kr_pending_is(r, &kr_exc_StopAsyncIteration)))) {
            a->state = 2;
            kr_clear_exc(r);
            r->stop_exc = KR_NULL;
            return KR_STOP;
        }
        if (res != KR_EXC && kr_is_type(res, &agwrap_type)) {
            a->state = 2;
            return kr_raise(r, &kr_exc_RuntimeError, "async generator ignored GeneratorExit");
        }
    }
    if (res == KR_STOP) {
        a->state = 2;
        r->stop_exc = KR_NULL;
        return kr_raise_value(r, kr_from_obj(&kr_exc_StopAsyncIteration));
    }
    if (res == KR_EXC) {
        a->state = 2;
        if (kr_pending_is(r, &kr_exc_StopIteration) || kr_pending_is(r, &kr_exc_StopAsyncIteration)) {
            KrValue cause = r->exc;
            r->exc = KR_NULL;
            kr_raise(r, &kr_exc_RuntimeError, "async generator raised %s", kr_type_name(cause));
        }
        return KR_EXC;
    }
    if (kr_is_type(res, &agwrap_type)) {
        // the generator's own value: this awaitable is finished with it
        a->state = 2;
        KrValue v = ((KrAgWrap *)kr_as_obj(res))->value;
        KrValue args = kr_tuple_from_array(r, &v, 1);
        KrValue stop = args == KR_EXC ? KR_EXC : kr_exc_new(r, &kr_exc_StopIteration, args);
        if (stop == KR_EXC) return KR_EXC;
        r->stop_exc = stop;
        return KR_STOP;
    }
    return res; // an await inside the generator suspended: pass it up
}

static KrValue asend_next(KrRun *r, KrValue self) { return asend_step(r, (KrAsend *)kr_as_obj(self), KR_NONE, KR_NULL); }

static KrValue asend_self(KrRun *r, KrValue self) {
    (void)r;
    return self;
}

static KrValue asend_send_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "send", kwnames) || !kr_args_count(r, "send", argc, 1, 1)) return KR_EXC;
    KrValue v = asend_step(r, (KrAsend *)kr_as_obj(self), args[0], KR_NULL);
    if (v == KR_STOP) {
        KrValue stop = r->stop_exc;
        r->stop_exc = KR_NULL;
        return kr_raise_value(r, stop != KR_NULL ? stop : kr_from_obj(&kr_exc_StopIteration));
    }
    return v;
}

static KrValue asend_throw_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "throw", kwnames) || !kr_args_count(r, "throw", argc, 1, 3)) return KR_EXC;
    KrValue exc = args[0];
    if (kr_is_type(exc, &kr_type_type)) {
        exc = kr_call0(r, exc);
        if (exc == KR_EXC) return KR_EXC;
    }
    KrValue v = asend_step(r, (KrAsend *)kr_as_obj(self), KR_NONE, exc);
    if (v == KR_STOP) {
        KrValue stop = r->stop_exc;
        r->stop_exc = KR_NULL;
        return kr_raise_value(r, stop != KR_NULL ? stop : kr_from_obj(&kr_exc_StopIteration));
    }
    return v;
}

static KrValue asend_await_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)r;
    (void)argc;
    (void)args;
    (void)kwnames;
    return self;
}

static KrValue asend_close_m(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)r;
    (void)argc;
    (void)args;
    (void)kwnames;
    ((KrAsend *)kr_as_obj(self))->state = 2;
    return KR_NONE;
}

static const KrMethodDef asend_methods[] = {
    {"send", asend_send_m, 0},
    {"throw", asend_throw_m, 0},
    {"close", asend_close_m, 0},
    {"__await__", asend_await_m, 0},
    {NULL, NULL, 0},
};

static const KrType asend_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "async_generator_asend",
    .base = &kr_type_object,
    .basic_size = sizeof(KrAsend),
    .trace = asend_trace,
    .iter = asend_self,
    .next = asend_next,
    .methods = asend_methods,
    .snap = &asend_snap,
};

static KrValue asend_new(KrRun *r, KrValue gen, KrValue first, bool is_throw) {
    KrAsend *a = kr_gc_alloc(r, &asend_type, sizeof(KrAsend));
    if (!a) return KR_EXC;
    a->gen = gen;
    a->first = first;
    a->state = 0;
    a->is_throw = is_throw;
    a->is_close = false;
    return kr_from_obj(a);
}

static KrValue agen_aiter(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)r;
    (void)argc;
    (void)args;
    (void)kwnames;
    return self;
}

static KrValue agen_anext(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_args_no_kw(r, "__anext__", kwnames) || !kr_args_count(r, "__anext__", argc, 0, 0)) return KR_EXC;
    return asend_new(r, self, KR_NONE, false);
}

static KrValue agen_asend(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "asend", kwnames) || !kr_args_count(r, "asend", argc, 1, 1)) return KR_EXC;
    return asend_new(r, self, args[0], false);
}

static KrValue agen_athrow(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_args_no_kw(r, "athrow", kwnames) || !kr_args_count(r, "athrow", argc, 1, 3)) return KR_EXC;
    KrValue exc = args[0];
    if (kr_is_type(exc, &kr_type_type)) {
        exc = argc >= 2 && args[1] != KR_NONE ? kr_call1(r, exc, args[1]) : kr_call0(r, exc);
        if (exc == KR_EXC) return KR_EXC;
    }
    return asend_new(r, self, exc, true);
}

// aclose(): an awaitable throwing GeneratorExit in; finishing is success.
static KrValue agen_aclose(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_args_no_kw(r, "aclose", kwnames) || !kr_args_count(r, "aclose", argc, 0, 0)) return KR_EXC;
    KrGen *g = (KrGen *)kr_as_obj(self);
    if (!g->frame || g->frame->pc == 0) {
        gen_close(r, self, 0, NULL, KR_NULL);
        return asend_new(r, self, KR_NONE, false); // an already finished step
    }
    KrValue exc = kr_call0(r, kr_from_obj(&kr_exc_GeneratorExit));
    if (exc == KR_EXC) return KR_EXC;
    KrValue a = asend_new(r, self, exc, true);
    if (a != KR_EXC) ((KrAsend *)kr_as_obj(a))->is_close = true;
    return a;
}

static KrValue agen_repr(KrRun *r, KrValue v) {
    KrGen *g = (KrGen *)kr_as_obj(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<async_generator object %s at 0x%llx>", kr_as_str(g->qualname)->data,
                            (unsigned long long)kr_object_id(r, v));
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

static const KrMethodDef agen_methods[] = {
    {"__aiter__", agen_aiter, 0},
    {"__anext__", agen_anext, 0},
    {"asend", agen_asend, 0},
    {"athrow", agen_athrow, 0},
    {"aclose", agen_aclose, 0},
    {NULL, NULL, 0},
};

const KrType kr_type_async_generator = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "async_generator",
    .base = &kr_type_object,
    .basic_size = sizeof(KrGen),
    .trace = gen_trace,
    .finalize = gen_finalize,
    .repr = agen_repr,
    .hash = kr_identity_hash,
    .methods = agen_methods,
    .getsets = gen_getsets,
    .setattr = gen_setattr,
    .snap = &gen_snap,
};

// Coroutines share the generator machinery but are not iterable.
const KrType kr_type_coroutine = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "coroutine",
    .base = &kr_type_object,
    .basic_size = sizeof(KrGen),
    .trace = gen_trace,
    .finalize = gen_finalize,
    .repr = coro_repr,
    .hash = kr_identity_hash,
    .methods = gen_methods,
    .getsets = gen_getsets,
    .setattr = gen_setattr,
    .snap = &gen_snap,
};

// ---- calls --------------------------------------------------------------------------

// Pushes a frame for a Python function call. Returns the new frame, or
// NULL with an exception set. Generator functions return their
// generator through *gen instead.
static KrFrame *push_call(KrRun *r, KrValue callee, const KrValue *args, size_t argc, KrValue kwnames,
                          KrValue *gen) {
    const KrFunc *fn = (const KrFunc *)kr_as_obj(callee);
    *gen = KR_NULL;
    if (fn->code->flags & (KR_CODE_GENERATOR | KR_CODE_COROUTINE)) {
        *gen = gen_create(r, fn, args, argc, kwnames);
        return NULL;
    }
    if (r->depth >= r->limits.max_recursion) {
        kr_raise(r, &kr_exc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    KrFrame *f = frame_alloc(r, fn->code);
    if (!f) return NULL;
    frame_init(f, fn->code, callee, fn->globals, 0);
    f->sp = f->slots; // nothing to mark until bound
    f->back = r->frame;
    if (!bind_args(r, f, fn, args, argc, kwnames)) {
        frame_release(r, f);
        return NULL;
    }
    f->sp = kr_frame_stack(f);
    r->depth++;
    return f;
}

KrValue kr_vm_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args, KrValue kwnames) {
    if (!kr_is_type(callee, &kr_type_function)) return kr_call(r, callee, argc, args, kwnames);
    // native loops calling Python (sort keys, map) poll the budget here
    if (!kr_run_tick(r, 1)) return KR_EXC;
    if (r->native_depth >= KR_MAX_NATIVE_DEPTH)
        return kr_raise(r, &kr_exc_RecursionError, "maximum recursion depth exceeded");
    KrValue gen;
    KrFrame *f = push_call(r, callee, args, argc, kwnames, &gen);
    if (!f) return gen == KR_NULL ? KR_EXC : gen;
    f->flags |= KR_FRAME_ENTRY;
    r->native_depth++;
    KrValue v = vm_loop(r, f, KR_NULL);
    r->native_depth--;
    return v;
}

KrValue kr_vm_run_class_body(KrRun *r, KrValue func, KrValue ns) {
    if (r->native_depth >= KR_MAX_NATIVE_DEPTH)
        return kr_raise(r, &kr_exc_RecursionError, "maximum recursion depth exceeded");
    KrValue gen;
    KrFrame *f = push_call(r, func, NULL, 0, KR_NULL, &gen);
    // a generator function as the body: CPython makes the generator and
    // ignores it (the class gets an empty namespace)
    if (!f) return gen == KR_NULL ? KR_EXC : KR_NONE;
    f->ns = ns;
    f->flags |= KR_FRAME_ENTRY;
    r->native_depth++;
    KrValue v = vm_loop(r, f, KR_NULL);
    r->native_depth--;
    return v;
}

// ---- exceptions ------------------------------------------------------------------------

static bool add_traceback(KrRun *r, KrValue exc, const KrFrame *f, uint32_t pc) {
    if (!kr_is_ptr(exc) || !(kr_typeof(exc)->flags & KR_TF_EXC)) return true;
    KrExc *e = (KrExc *)kr_as_obj(exc);
    KrTraceback *tb = kr_gc_alloc(r, &kr_type_traceback, sizeof(KrTraceback));
    if (!tb) return false;
    tb->next = e->tb;
    tb->code = f->code;
    tb->pc = pc;
    e->tb = tb;
    return true;
}

// CPython sets __context__ to the exception being handled, cutting any
// cycle that would form.
static void set_context(KrRun *r, KrValue exc) {
    KrValue ctx = kr_handled_exc(r);
    if (ctx == KR_NULL || ctx == KR_NONE || ctx == exc || !kr_is_ptr(exc)) return;
    // a chain that already loops (__context__ assigned) ends the walk:
    // `slow` moves at half speed and meets `o` inside any cycle (Floyd)
    KrValue slow = ctx;
    bool step_slow = false;
    for (KrValue o = ctx; o != KR_NONE && kr_is_ptr(o);) {
        KrExc *oe = (KrExc *)kr_as_obj(o);
        if (oe->context == exc) {
            oe->context = KR_NONE;
            break;
        }
        o = oe->context;
        if (o == slow) break;
        if (step_slow) slow = ((KrExc *)kr_as_obj(slow))->context;
        step_slow = !step_slow;
    }
    ((KrExc *)kr_as_obj(exc))->context = ctx;
}

static const KrExcEntry *find_handler(const KrCode *code, uint32_t pc) {
    for (uint32_t i = 0; i < code->nexc; i++)
        if (pc >= code->exctab[i].start && pc < code->exctab[i].end) return &code->exctab[i];
    return NULL;
}

int32_t kr_code_line(const KrCode *code, uint32_t pc) {
    if (pc >= code->ninsns) pc = code->ninsns ? code->ninsns - 1 : 0;
    return code->ninsns ? code->locs[pc].line : code->firstline;
}

// ---- helpers used by the loop ------------------------------------------------------------

// NameError for `name`, carrying e.name and (when asked) what its "Did you
// mean" needs: a function's local names are looked at now, while the frame
// exists; the globals (in hint_obj) when the traceback is printed, as
// CPython does (a module-level `except ... as e` has unbound e by then).
static KrValue raise_name_error(KrRun *r, KrFrame *f, KrStr *name, bool suggest) {
    kr_raise(r, &kr_exc_NameError, "name '%s' is not defined", name->data);
    if (!kr_exc_is(r->exc, &kr_exc_NameError)) return KR_EXC;
    KrValue exc = r->exc;
    KrExc *e = (KrExc *)kr_as_obj(exc);
    e->hint_name = kr_from_obj(name);
    if (suggest) e->hint = kr_suggest_local(r, f, kr_from_obj(name));
    if (suggest && e->hint == KR_NULL) e->hint_obj = f ? f->globals : r->globals;
    r->exc = exc;
    return KR_EXC;
}

// del name (at module or class level).
static bool delete_name(KrRun *r, KrFrame *f, KrValue dict, KrStr *name) {
    int d = kr_dict_del(r, kr_as_dict(dict), kr_from_obj(name));
    if (d == 0) raise_name_error(r, f, name, true);
    return d > 0;
}

// ---- the global-name cache ----------------------------------------------------------------
// Where a name of the program sits in the run's globals dict (its entry
// number), or that it is absent: module-level code and functions look up
// the same few names all the time. A found entry is checked against the
// entry itself (its key is the name), so it can never be wrong; "absent"
// holds while the dict had no insertion (same table, same entry count).
// Only the run's own globals and the program's static (interned) names
// are cached: neither is freed while the run lives.

#define GCACHE_SIZE 8 // two ways of four sets
#define GCACHE_ABSENT UINT32_MAX

typedef struct GEntry {
    const KrStr *name;
    uint64_t tables;
    uint32_t ix, nentries;
} GEntry;

struct KrGlobalCache {
    GEntry e[GCACHE_SIZE];
};

void kr_vm_free_gcache(KrRun *r) {
    if (r->gcache) kr_mem_free(r, r->gcache, sizeof *r->gcache);
    r->gcache = NULL;
}

// The cache's set for name (slots s and s ^ 1), or NULL when this lookup
// is not cacheable; *hit: name's entry in it, or NULL.
static inline KR_ALWAYS_INLINE struct KrGlobalCache *gcache_for(KrRun *r, KrFrame *f, const KrStr *name, size_t *s,
                                                               GEntry **hit) {
    *hit = NULL;
    if (f->globals != r->globals || !(name->ob.gc & KR_GC_STATIC)) return NULL;
    if (!r->gcache) {
        r->gcache = kr_mem_alloc(r, sizeof *r->gcache);
        if (!r->gcache) return NULL; // the run's limit error is set
        memset(r->gcache, 0, sizeof *r->gcache);
    }
    struct KrGlobalCache *c = r->gcache;
    *s = (size_t)name->hash % GCACHE_SIZE; // the str hash spreads names well
    if (c->e[*s].name == name) *hit = &c->e[*s];
    else if (c->e[*s ^ 1].name == name) *hit = &c->e[*s ^ 1];
    return c;
}

// Records where name is (ix >= 0) or that it is absent; the set's other
// entry moves to its second way.
static void gcache_put(struct KrGlobalCache *c, size_t s, const KrStr *name, const KrDict *d, ptrdiff_t ix) {
    if (c->e[s].name != name) c->e[s ^ 1] = c->e[s];
    c->e[s] = (GEntry){name, d->tables, ix < 0 ? GCACHE_ABSENT : (uint32_t)ix, (uint32_t)d->nentries};
}

static KrValue load_global(KrRun *r, KrFrame *f, uint32_t i) {
    KrStr *name = f->code->names[i];
    KrDict *d = kr_as_dict(f->globals);
    KrValue key = kr_from_obj(name);
    size_t s;
    GEntry *e;
    struct KrGlobalCache *c = gcache_for(r, f, name, &s, &e);
    if (e) {
        uint32_t ix = e->ix;
        if (ix != GCACHE_ABSENT && ix < d->nentries && kr_key_is_name(d->entries[ix].key, name))
            return d->entries[ix].value;
        if (ix == GCACHE_ABSENT && e->tables == d->tables && e->nentries == d->nentries) goto builtin;
    }
    ptrdiff_t ix = kr_dict_index_hashed(r, d, key, name->hash);
    if (ix < -1) return KR_EXC;
    if (c && (ix == -1 || kr_key_is_name(d->entries[ix].key, name))) gcache_put(c, s, name, d, ix);
    if (ix >= 0) return d->entries[ix].value;
builtin:;
    int32_t b = f->code->name_builtin[i];
    if (b >= 0) return kr_builtin_value(b);
    return raise_name_error(r, f, name, true);
}

// Stores into the globals, through the cache when it knows the entry.
static bool store_global(KrRun *r, KrFrame *f, KrStr *name, KrValue v) {
    KrDict *d = kr_as_dict(f->globals);
    KrValue key = kr_from_obj(name);
    size_t s;
    GEntry *e;
    gcache_for(r, f, name, &s, &e);
    if (e && e->ix != GCACHE_ABSENT && e->ix < d->nentries && kr_key_is_name(d->entries[e->ix].key, name)) {
        d->entries[e->ix].value = v; // as kr_dict_set_hashed replaces a value
        d->version++;
        return true;
    }
    return kr_dict_set_hashed(r, d, key, name->hash, v);
}

// The bound __enter__/__exit__ of a context manager (looked up on the type,
// as CPython does), with CPython's error when missing.
static KrValue with_method(KrRun *r, KrValue mgr, const char *name) {
    KrValue m = kr_lookup_special(r, mgr, name);
    if (m == KR_EXC) return KR_EXC;
    if (m == KR_NULL) {
        const char *tn = kr_type_name(mgr);
        if (name[2] == 'e' && name[3] == 'x')
            return kr_raise(r, &kr_exc_TypeError,
                            "'%s' object does not support the context manager protocol (missed __exit__ method)", tn);
        return kr_raise(r, &kr_exc_TypeError, "'%s' object does not support the context manager protocol", tn);
    }
    return m;
}

// case {"k": p}: the values of the keys, or None when one is missing.
static KrValue match_keys(KrRun *r, KrValue subj, KrValue keys) {
    // compiled code tests MATCH_MAPPING first; bytecode from a snapshot
    // need not, and the lookups below need a dict
    if (!kr_isinstance(subj, &kr_type_dict)) return KR_NONE;
    KrTuple *k = kr_as_tuple(keys);
    KrValue out = kr_tuple_new(r, k->len);
    if (out == KR_EXC) return KR_EXC;
    for (size_t i = 0; i < k->len; i++) {
        for (size_t j = 0; j < i; j++) {
            int eq = kr_eq(r, k->items[i], k->items[j]);
            if (eq < 0) return KR_EXC;
            if (eq) {
                KrValue kr = kr_repr(r, k->items[i]);
                return kr_raise(r, &kr_exc_ValueError, "mapping pattern checks duplicate key (%s)",
                                kr == KR_EXC ? "?" : kr_as_str(kr)->data);
            }
        }
        KrValue v;
        int found = kr_dict_get(r, kr_as_dict(subj), k->items[i], &v);
        if (found < 0) return KR_EXC;
        if (!found && kr_typeof(subj) != &kr_type_dict) {
            // a dict subclass: __missing__ does not count, as in CPython
            found = 0;
        }
        if (!found) return KR_NONE;
        kr_as_tuple(out)->items[i] = v;
    }
    return out;
}

// What `await x` drives: a coroutine itself, or the iterator x.__await__()
// returns.
static KrValue get_awaitable(KrRun *r, KrValue x) {
    if (kr_is_type(x, &kr_type_coroutine)) {
        if (((KrGen *)kr_as_obj(x))->frame == NULL)
            return kr_raise(r, &kr_exc_RuntimeError, "cannot reuse already awaited coroutine");
        return x;
    }
    KrValue m = kr_lookup_special(r, x, "__await__");
    if (m == KR_EXC) return KR_EXC;
    if (m == KR_NULL)
        return kr_raise(r, &kr_exc_TypeError, "object %s can't be used in 'await' expression", kr_type_name(x));
    KrValue it = kr_call0(r, m);
    if (it == KR_EXC) return KR_EXC;
    if (kr_is_type(it, &kr_type_coroutine))
        return kr_raise(r, &kr_exc_TypeError, "__await__() returned a coroutine");
    const KrType *t = kr_typeof(it);
    bool is_iter = false;
    for (const KrType *p = t; p && !is_iter; p = p->flags & KR_TF_HEAP ? p->layout : p->base) is_iter = p->next != NULL;
    if (!is_iter) return kr_raise(r, &kr_exc_TypeError, "__await__() returned non-iterator of type '%s'", t->name);
    return it;
}

// One step of `yield from`: send v into the delegate (next() for plain
// iterators and None).
static KrValue yield_from_send(KrRun *r, KrValue it, KrValue v) {
    r->stop_exc = KR_NULL;
    if (kr_is_type(it, &kr_type_generator) || kr_is_type(it, &kr_type_coroutine)) return kr_gen_send(r, it, v);
    if (v == KR_NONE) return kr_next(r, it);
    KrValue send = kr_getattr_cstr(r, it, "send");
    if (send == KR_EXC) return KR_EXC;
    KrValue res = kr_call1(r, send, v);
    if (res == KR_EXC && kr_pending_is(r, &kr_exc_StopIteration)) {
        r->stop_exc = r->exc;
        kr_clear_exc(r);
        return KR_STOP;
    }
    return res;
}

// obj.name() for a special method looked up on the type; TypeError with
// `missing` (formatted with the type name) when the type has none.
static KrValue call_special(KrRun *r, KrValue obj, const char *name, const char *missing) {
    KrValue m = kr_lookup_special(r, obj, name);
    if (m == KR_EXC) return KR_EXC;
    if (m == KR_NULL) return kr_raise(r, &kr_exc_TypeError, missing, kr_type_name(obj));
    return kr_call0(r, m);
}

// LOAD_METHOD on a class instance: the plain function when the attribute
// is a function found on the class and not shadowed by the instance dict
// (no bound method object is made), else KR_NULL.
static KrValue class_method_for(KrRun *r, KrValue obj, KrStr *name) {
    const KrType *t = kr_typeof(obj);
    if (t->getattr != kr_class_instance_getattr) return KR_NULL;
    KrLookup lk;
    if (!kr_type_lookup(r, t, name, &lk) || !kr_is_type(lk.value, &kr_type_function)) return KR_NULL;
    KrValue *slot = kr_instance_dict_slot(kr_as_obj(obj));
    if (slot && *slot != KR_NULL) {
        KrValue v;
        // a key's __eq__ may run code that drops the function from its class and collects
        kr_root_push(r, &lk.value);
        int hit = kr_dict_get_hashed(r, kr_as_dict(*slot), kr_from_obj(name), name->hash, &v);
        kr_root_pop(r, 1);
        if (hit) return hit < 0 ? KR_EXC : KR_NULL;
    }
    return lk.value;
}

static KrValue unbound_local(KrRun *r, const KrCode *code, uint32_t i) {
    return kr_raise(r, &kr_exc_UnboundLocalError,
                    "cannot access local variable '%s' where it is not associated with a value",
                    code->varnames[i]->data);
}

static KrValue unbound_deref(KrRun *r, const KrCode *code, uint32_t i) {
    const char *name = code->cellnames[i]->data;
    if (i >= code->ncells)
        return kr_raise(r, &kr_exc_NameError,
                        "cannot access free variable '%s' where it is not associated with a value in enclosing scope",
                        name);
    return kr_raise(r, &kr_exc_UnboundLocalError,
                    "cannot access local variable '%s' where it is not associated with a value", name);
}

// `a, b = iterable`: takes the values and looks one further, as CPython
// does, so a surplus is refused without draining the iterator (an endless
// generator included).
static bool unpack_exact(KrRun *r, KrValue seq, size_t need, KrValue *out) {
    KrValue it = kr_iter(r, seq), list = KR_NULL;
    if (it == KR_EXC) return false;
    kr_root_push(r, &it);
    kr_root_push(r, &list);
    list = kr_list_new(r, need);
    bool ok = list != KR_EXC;
    while (ok && kr_as_list(list)->len <= need) {
        KrValue v = kr_next(r, it);
        if (v == KR_EXC || v == KR_STOP) {
            ok = v == KR_STOP;
            break;
        }
        ok = kr_list_append(r, kr_as_list(list), v);
    }
    size_t got = ok ? kr_as_list(list)->len : need;
    if (got > need) kr_raise(r, &kr_exc_ValueError, "too many values to unpack (expected %zu)", need);
    else if (got < need) kr_raise(r, &kr_exc_ValueError, "not enough values to unpack (expected %zu, got %zu)", need, got);
    ok = ok && got == need;
    if (ok)
        for (size_t i = 0; i < need; i++) out[need - 1 - i] = kr_as_list(list)->items[i];
    kr_root_pop(r, 2);
    return ok;
}

// Unpacks `seq` into exactly n values written to out[n-1] .. out[0]
// (reversed, so the first item ends on top of the stack).
static bool unpack(KrRun *r, KrValue seq, size_t before, size_t after, bool star, KrValue *out) {
    const KrType *t = kr_typeof(seq);
    size_t need = before + after;
    if (!star && (t == &kr_type_tuple || t == &kr_type_list)) {
        size_t len = t == &kr_type_tuple ? kr_as_tuple(seq)->len : kr_as_list(seq)->len;
        const KrValue *items = t == &kr_type_tuple ? kr_as_tuple(seq)->items : kr_as_list(seq)->items;
        if (len == need) {
            for (size_t i = 0; i < need; i++) out[need - 1 - i] = items[i];
            return true;
        }
        if (len > need) kr_raise(r, &kr_exc_ValueError, "too many values to unpack (expected %zu)", need);
        else kr_raise(r, &kr_exc_ValueError, "not enough values to unpack (expected %zu, got %zu)", need, len);
        return false;
    }
    if (!t->iter) {
        kr_raise(r, &kr_exc_TypeError, "cannot unpack non-iterable %s object", t->name);
        return false;
    }
    if (!star) return unpack_exact(r, seq, need, out);
    KrValue list = kr_list_from_iter(r, seq);
    if (list == KR_EXC) return false;
    KrList *l = kr_as_list(list);
    if (l->len < need) {
        kr_raise(r, &kr_exc_ValueError, "not enough values to unpack (expected at least %zu, got %zu)", need, l->len);
        return false;
    }
    size_t total = need + 1;
    for (size_t i = 0; i < before; i++) out[total - 1 - i] = l->items[i];
    KrValue mid = kr_list_from_array(r, before ? l->items + before : l->items, l->len - need); // items NULL when empty
    if (mid == KR_EXC) return false;
    out[total - 1 - before] = mid;
    for (size_t i = 0; i < after; i++) out[after - 1 - i] = l->items[l->len - after + i];
    return true;
}

static KrValue format_value(KrRun *r, KrValue v, uint32_t flags, KrValue spec) {
    switch (flags & 3) {
    case 1: v = kr_str(r, v); break;
    case 2: v = kr_repr(r, v); break;
    case 3: v = kr_ascii(r, v); break;
    default: break;
    }
    if (v == KR_EXC) return KR_EXC;
    if (spec == KR_NULL && kr_is_type(v, &kr_type_str)) return v;
    return kr_format(r, v, spec == KR_NULL ? kr_str_new(r, "", 0) : spec);
}

static KrValue make_function(KrRun *r, KrFrame *f, KrValue *sp, uint32_t flags, KrValue *out_sp_base) {
    (void)out_sp_base;
    KrValue codev = sp[-1];
    int k = 2;
    KrFunc *fn = kr_gc_alloc(r, &kr_type_function, sizeof(KrFunc));
    if (!fn) return KR_EXC;
    const KrCode *code = (const KrCode *)kr_as_obj(codev);
    fn->code = code;
    fn->globals = f->globals;
    fn->closure = (flags & 4) ? sp[-k++] : KR_NULL;
    fn->annotations = (flags & 8) ? sp[-k++] : KR_NULL;
    fn->kwdefaults = (flags & 2) ? sp[-k++] : KR_NULL;
    fn->defaults = (flags & 1) ? sp[-k++] : KR_NULL;
    fn->name = kr_from_obj(code->name);
    fn->qualname = kr_from_obj(code->qualname);
    fn->dict = KR_NULL;
    fn->doc = code->doc;
    fn->module = r->main_name;
    return kr_from_obj(fn);
}

// f(**m) for a mapping other than a plain dict: its keys() and m[key] in a
// fresh dict, KR_NULL when it is no mapping.
static KrValue kwargs_from_mapping(KrRun *r, KrValue m) {
    static const KrStr keys_name = KR_STATIC_STR("keys");
    KrValue keys = kr_getattr_opt(r, m, (KrStr *)&keys_name);
    if (keys == KR_EXC || keys == KR_NULL) return keys;
    KrValue tmp = kr_dict_new(r);
    if (tmp == KR_EXC) return KR_EXC;
    kr_root_push(r, &tmp);
    bool ok = kr_dict_update(r, kr_as_dict(tmp), m);
    kr_root_pop(r, 1);
    return ok ? tmp : KR_EXC;
}

static bool dict_merge_kwargs(KrRun *r, KrValue dict, KrValue other, KrValue func) {
    char fname[256];
    if (!kr_dict_is_plain(r, other)) {
        KrValue tmp = kwargs_from_mapping(r, other);
        if (tmp == KR_EXC) return false;
        if (tmp == KR_NULL) {
            func_str(func, fname, sizeof fname);
            kr_raise(r, &kr_exc_TypeError, "%s argument after ** must be a mapping, not %s", fname,
                     kr_type_name(other));
            return false;
        }
        other = tmp; // no Python code runs below: it needs no root
    }
    KrDict *src = kr_as_dict(other);
    size_t pos = 0;
    KrValue k, v;
    while (kr_dict_next(src, &pos, &k, &v)) {
        if (!kr_is_str(k)) {
            kr_raise(r, &kr_exc_TypeError, "keywords must be strings");
            return false;
        }
        KrValue existing;
        int found = kr_dict_get(r, kr_as_dict(dict), k, &existing);
        if (found < 0) return false;
        if (found) {
            func_str(func, fname, sizeof fname);
            kr_raise(r, &kr_exc_TypeError, "%s got multiple values for keyword argument '%s'", fname,
                     kr_as_str(k)->data);
            return false;
        }
        if (!kr_dict_set(r, kr_as_dict(dict), k, v)) return false;
    }
    return true;
}

// f(*args, **kw): flattens into a positional array + kwnames tuple on a
// scratch list, then calls.
// A call of an external function from the VM: an async one gives its call
// record (an awaitable); a plain one registers the call and asks the loop
// to pause (*pause), unless native code is between the loop and the host.
static KrValue call_external(KrRun *r, KrValue callee, const KrValue *args, size_t argc, KrValue kwnames,
                            bool *pause) {
    KrExtFn *fn = (KrExtFn *)kr_as_obj(callee);
    *pause = false;
    if (!fn->is_async && r->native_depth && r->native_depth != r->pause_depth)
        return kr_call(r, callee, argc, args, kwnames);
    if (fn->is_async) return kr_ext_call_new(r, callee, argc, args, kwnames);
    KrValue call = kr_ext_call_plain(r, callee, argc, args, kwnames);
    if (call == KR_EXC) return KR_EXC;
    if (!kr_ext_call_register(r, call)) return KR_EXC;
    r->paused_call = call;
    *pause = true;
    return call;
}

static KrValue call_ex(KrRun *r, KrValue callee, KrValue self, KrValue args, KrValue kwargs, KrFrame **newf,
                        bool *pause) {
    *newf = NULL;
    *pause = false;
    KrTuple *a = kr_as_tuple(args);
    size_t nkw = kwargs == KR_NULL ? 0 : kr_as_dict(kwargs)->used;
    size_t nself = self != KR_NULL;
    size_t total = nself + a->len + nkw;
    KrValue scratch = kr_tuple_new(r, total);
    if (scratch == KR_EXC) return KR_EXC;
    KrValue kwnames = KR_NULL;
    if (nkw) {
        kwnames = kr_tuple_new(r, nkw);
        if (kwnames == KR_EXC) return KR_EXC;
    }
    KrValue *items = kr_as_tuple(scratch)->items;
    if (nself) items[0] = self;
    memcpy(items + nself, a->items, a->len * sizeof(KrValue));
    size_t pos = 0, i = 0;
    KrValue k, v;
    while (nkw && kr_dict_next(kr_as_dict(kwargs), &pos, &k, &v)) {
        kr_as_tuple(kwnames)->items[i] = k;
        items[nself + a->len + i] = v;
        i++;
    }
    size_t npos = nself + a->len;
    if (kr_is_type(callee, &kr_type_function)) {
        KrValue gen;
        KrFrame *f = push_call(r, callee, items, npos, kwnames, &gen);
        if (!f) return gen == KR_NULL ? KR_EXC : gen;
        *newf = f;
        return KR_NONE;
    }
    if (kr_is_type(callee, &kr_type_external)) return call_external(r, callee, items, npos, kwnames, pause);
    kr_root_push(r, &scratch);
    kr_root_push(r, &kwnames);
    KrValue res = kr_call(r, callee, npos, items, kwnames);
    kr_root_pop(r, 2);
    return res;
}

// from m import *: the names in m.__all__, else those not starting with _.
bool kr_import_star(KrRun *r, KrValue globals, KrValue module) {
    if (!kr_is_type(module, &kr_type_module)) {
        kr_raise(r, &kr_exc_TypeError, "import * needs a module");
        return false;
    }
    KrValue dict = ((KrModule *)kr_as_obj(module))->dict;
    KrValue all = kr_dict_get_cstr(r, kr_as_dict(dict), "__all__");
    if (all != KR_NULL) {
        KrValue names = kr_list_from_iter(r, all);
        if (names == KR_EXC) return false;
        for (size_t i = 0; i < kr_as_list(names)->len; i++) {
            KrValue n = kr_as_list(names)->items[i];
            if (!kr_is_str(n)) continue;
            KrValue v = kr_getattr(r, module, kr_as_str(n));
            if (v == KR_EXC || !kr_dict_set(r, kr_as_dict(globals), n, v)) return false;
        }
        return true;
    }
    size_t pos = 0;
    KrValue k, v;
    while (kr_dict_next(kr_as_dict(dict), &pos, &k, &v))
        if (kr_is_str(k) && kr_as_str(k)->data[0] != '_' && !kr_dict_set(r, kr_as_dict(globals), k, v)) return false;
    return true;
}

// ---- the loop ---------------------------------------------------------------------------

static inline bool small_binop(KrBinOp op, int64_t a, int64_t b, KrValue *out) {
    int64_t v;
    switch (op) {
    case KR_BIN_ADD: v = a + b; break;
    case KR_BIN_SUB: v = a - b; break;
    case KR_BIN_MUL:
        if (__builtin_mul_overflow(a, b, &v)) return false;
        break;
    case KR_BIN_MOD:
        if (b == 0) return false;
        v = a % b;
        if (v && ((v ^ b) < 0)) v += b;
        break;
    case KR_BIN_FLOORDIV:
        if (b == 0) return false;
        v = a / b;
        if ((a % b) && ((a ^ b) < 0)) v--;
        break;
    case KR_BIN_AND: v = a & b; break;
    case KR_BIN_OR: v = a | b; break;
    case KR_BIN_XOR: v = a ^ b; break;
    default: return false;
    }
    if (!kr_fits_small(v)) return false;
    *out = kr_from_small(v);
    return true;
}

static inline bool small_compare(KrCmpOp op, int64_t a, int64_t b) {
    switch (op) {
    case KR_CMP_LT: return a < b;
    case KR_CMP_LE: return a <= b;
    case KR_CMP_EQ: return a == b;
    case KR_CMP_NE: return a != b;
    case KR_CMP_GT: return a > b;
    default: return a >= b;
    }
}

static inline int fast_truth(KrRun *r, KrValue v) {
    if (v == KR_TRUE) return 1;
    if (v == KR_FALSE || v == KR_NONE) return 0;
    if (kr_is_small(v)) return kr_as_small(v) != 0;
    return kr_truth(r, v);
}

static KrValue vm_loop(KrRun *r, KrFrame *f, KrValue throw_exc) {
    const KrCode *code;
    const uint32_t *ip;
    KrValue *sp, *locals;
    const KrValue *consts;
    uint32_t insn, arg;
    bool reraise = false;
    bool thrown = false; // generator.throw(): a traceback entry, but no __context__ (CPython)
    r->frame = f;
#define LOAD_FRAME()                        \
    do {                                    \
        code = f->code;                     \
        ip = code->insns + f->pc;           \
        sp = f->sp;                         \
        locals = f->slots;                  \
        consts = code->consts;              \
    } while (0)
#define SAVE()                                        \
    do {                                              \
        f->sp = sp;                                   \
        f->pc = (uint32_t)(ip - code->insns);         \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define CHECK(v)                 \
    do {                         \
        if ((v) == KR_EXC) goto error; \
    } while (0)
    LOAD_FRAME();
    if (throw_exc != KR_NULL) {
        // generator.throw(): the exception appears at the paused yield
        r->exc = throw_exc;
        thrown = true;
        goto error;
    }

#if defined(__GNUC__)
    static const void *const labels[KR_OP__COUNT] = {
#define KR_OP(name, pops, pushes) &&L_##name,
#include "opcodes.def"
#undef KR_OP
    };
#define CASE(name) L_##name:
#define DISPATCH()                         \
    do {                                   \
        insn = *ip++;                      \
        arg = KR_INSN_ARG(insn);           \
        goto *labels[KR_INSN_OP(insn)];    \
    } while (0)
    DISPATCH();
#else
#define CASE(name) case KR_OP_##name:
#define DISPATCH() goto dispatch
dispatch:
    insn = *ip++;
    arg = KR_INSN_ARG(insn);
    switch (KR_INSN_OP(insn)) {
#endif

    CASE(NOP) DISPATCH();
    CASE(POP_TOP) {
        sp--;
        DISPATCH();
    }
    CASE(COPY) {
        KrValue v = sp[-(int32_t)arg];
        PUSH(v);
        DISPATCH();
    }
    CASE(SWAP) {
        KrValue t = sp[-1];
        sp[-1] = sp[-(int32_t)arg];
        sp[-(int32_t)arg] = t;
        DISPATCH();
    }
    CASE(LOAD_CONST) {
        PUSH(consts[arg]);
        DISPATCH();
    }
    CASE(LOAD_FAST) {
        KrValue v = locals[arg];
        if (KR_UNLIKELY(v == KR_NULL)) {
            SAVE();
            unbound_local(r, code, arg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_FAST) {
        locals[arg] = POP();
        DISPATCH();
    }
    CASE(DELETE_FAST) {
        if (locals[arg] == KR_NULL) {
            SAVE();
            unbound_local(r, code, arg);
            goto error;
        }
        locals[arg] = KR_NULL;
        DISPATCH();
    }
    CASE(LOAD_DEREF) {
        KrValue v = ((KrCell *)kr_as_obj(locals[code->nlocals + arg]))->value;
        if (v == KR_NULL) {
            SAVE();
            unbound_deref(r, code, arg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_DEREF) {
        ((KrCell *)kr_as_obj(locals[code->nlocals + arg]))->value = POP();
        DISPATCH();
    }
    CASE(DELETE_DEREF) {
        KrCell *c = (KrCell *)kr_as_obj(locals[code->nlocals + arg]);
        if (c->value == KR_NULL) {
            SAVE();
            unbound_deref(r, code, arg);
            goto error;
        }
        c->value = KR_NULL;
        DISPATCH();
    }
    CASE(LOAD_CLOSURE) {
        PUSH(locals[code->nlocals + arg]);
        DISPATCH();
    }
    CASE(LOAD_GLOBAL) {
        SAVE();
        KrValue v = load_global(r, f, arg);
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_GLOBAL) {
        SAVE();
        if (!store_global(r, f, code->names[arg], sp[-1])) goto error;
        sp--;
        DISPATCH();
    }
    CASE(DELETE_GLOBAL) {
        SAVE();
        if (!delete_name(r, f, f->globals, code->names[arg])) goto error;
        DISPATCH();
    }
    CASE(LOAD_NAME) {
        SAVE();
        KrStr *name = code->names[arg];
        KrValue v;
        int found = f->ns == KR_NULL ? 0 : kr_dict_get_hashed(r, kr_as_dict(f->ns), kr_from_obj(name), name->hash, &v);
        if (found < 0) goto error;
        if (!found) v = load_global(r, f, arg);
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_NAME) {
        SAVE();
        KrStr *name = code->names[arg];
        bool ok = f->ns == KR_NULL ? store_global(r, f, name, sp[-1])
                                   : kr_dict_set_hashed(r, kr_as_dict(f->ns), kr_from_obj(name), name->hash, sp[-1]);
        if (!ok) goto error;
        sp--;
        DISPATCH();
    }
    CASE(DELETE_NAME) {
        SAVE();
        if (!delete_name(r, f, f->ns == KR_NULL ? f->globals : f->ns, code->names[arg])) goto error;
        DISPATCH();
    }
    CASE(LOAD_CLASSDEREF) {
        SAVE();
        KrStr *name = code->cellnames[arg];
        KrValue v;
        int found = f->ns == KR_NULL ? 0 : kr_dict_get(r, kr_as_dict(f->ns), kr_from_obj(name), &v);
        if (found < 0) goto error;
        if (!found) {
            v = ((KrCell *)kr_as_obj(locals[code->nlocals + arg]))->value;
            if (v == KR_NULL) {
                unbound_deref(r, code, arg);
                goto error;
            }
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(LOAD_BUILD_CLASS) {
        PUSH(kr_builtin_build_class());
        DISPATCH();
    }
    CASE(IMPORT_NAME) {
        SAVE();
        KrStr *name = code->names[arg & 0x7FFFFF];
        KrValue m = kr_import(r, kr_from_obj(name));
        CHECK(m);
        if (arg & 0x800000) {
            // `import a.b.c` binds the top package a
            const char *dot = memchr(name->data, '.', name->nbytes);
            if (dot) {
                KrValue top = kr_str_new(r, name->data, (size_t)(dot - name->data));
                CHECK(top);
                m = kr_import(r, top);
                CHECK(m);
            }
        }
        PUSH(m);
        DISPATCH();
    }
    CASE(IMPORT_FROM) {
        SAVE();
        KrValue v = kr_getattr_opt(r, sp[-1], code->names[arg]);
        CHECK(v);
        if (v == KR_NULL) {
            KrValue mname = kr_getattr_opt_cstr(r, sp[-1], "__name__");
            const char *mn = mname != KR_NULL && mname != KR_EXC && kr_is_str(mname) ? kr_as_str(mname)->data : "?";
            kr_clear_exc(r);
            kr_raise(r, &kr_exc_ImportError, "cannot import name '%s' from '%s' (unknown location)",
                     code->names[arg]->data, mn);
            if (mname != KR_NULL && mname != KR_EXC && kr_exc_is(r->exc, &kr_exc_ImportError)) {
                KrValue exc = r->exc;
                KrValue nkey = kr_str_from_cstr(r, "name"); // a dict key: must live on the heap
                if (nkey != KR_EXC) kr_setattr(r, exc, kr_as_str(nkey), mname);
                r->exc = exc;
            }
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(IMPORT_STAR) {
        SAVE();
        if (!kr_import_star(r, f->globals, sp[-1])) goto error;
        sp--;
        DISPATCH();
    }
    CASE(BEFORE_WITH) {
        SAVE();
        KrValue mgr = sp[-1];
        KrValue entr = with_method(r, mgr, "__enter__");
        CHECK(entr);
        PUSH(entr);
        KrValue exitm = with_method(r, mgr, "__exit__");
        CHECK(exitm);
        sp[-1] = exitm; // keep it reachable while __enter__ runs: a collection
        SAVE();         // marks the stack up to the saved top
        KrValue v = kr_call(r, entr, 0, NULL, KR_NULL);
        CHECK(v);
        sp[-2] = exitm;
        sp[-1] = v;
        DISPATCH();
    }
    CASE(WITH_EXCEPT_START) {
        SAVE();
        KrValue exc = sp[-1];
        KrTraceback *tb = kr_typeof(exc)->flags & KR_TF_EXC ? ((KrExc *)kr_as_obj(exc))->tb : NULL;
        KrValue a[3] = {kr_from_obj(kr_typeof(exc)), exc, tb ? kr_from_obj(tb) : KR_NONE};
        KrValue res = kr_call(r, sp[-3], 3, a, KR_NULL);
        CHECK(res);
        PUSH(res); // async with awaits it before testing it
        DISPATCH();
    }
    CASE(BEFORE_ASYNC_WITH) {
        SAVE();
        KrValue mgr = sp[-1];
        KrValue entr = kr_lookup_special(r, mgr, "__aenter__");
        CHECK(entr);
        if (entr == KR_NULL) {
            kr_raise(r, &kr_exc_TypeError, "'%s' object does not support the asynchronous context manager protocol",
                     kr_type_name(mgr));
            goto error;
        }
        PUSH(entr);
        KrValue exitm = kr_lookup_special(r, mgr, "__aexit__");
        CHECK(exitm);
        if (exitm == KR_NULL) {
            kr_raise(r, &kr_exc_TypeError,
                     "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                     kr_type_name(mgr));
            goto error;
        }
        sp[-1] = exitm; // reachable while __aenter__ runs, as in BEFORE_WITH
        SAVE();
        KrValue v = kr_call0(r, entr);
        CHECK(v);
        sp[-2] = exitm;
        sp[-1] = v;
        DISPATCH();
    }
    CASE(GET_AITER) {
        SAVE();
        KrValue it = call_special(r, sp[-1], "__aiter__", "'async for' requires an object with __aiter__ method, got %s");
        CHECK(it);
        sp[-1] = it;
        DISPATCH();
    }
    CASE(GET_ANEXT) {
        SAVE();
        KrValue aw = call_special(r, sp[-1], "__anext__", "'async for' requires an iterator with __anext__ method, got %s");
        CHECK(aw);
        PUSH(aw);
        DISPATCH();
    }
    CASE(END_ASYNC_FOR) {
        SAVE();
        KrValue exc = sp[-1];
        if (kr_exc_is(exc, &kr_exc_StopAsyncIteration)) {
            sp -= 2;
            ip = code->insns + arg;
            DISPATCH();
        }
        sp--;
        r->exc = exc;
        reraise = true;
        goto error;
    }
    CASE(ASYNC_GEN_WRAP) {
        SAVE();
        KrValue w = asyncgen_wrap(r, sp[-1]);
        CHECK(w);
        sp[-1] = w;
        DISPATCH();
    }
    CASE(GET_AWAITABLE) {
        SAVE();
        KrValue v = get_awaitable(r, sp[-1]);
        CHECK(v);
        sp[-1] = v;
        DISPATCH();
    }
    CASE(MATCH_SEQUENCE) {
        const KrType *t = kr_typeof(sp[-1]);
        bool seq = !kr_type_is_subtype(t, &kr_type_str) && !kr_type_is_subtype(t, &kr_type_bytes) &&
                   !kr_type_is_subtype(t, &kr_type_dict) &&
                   (kr_type_is_subtype(t, &kr_type_list) || kr_type_is_subtype(t, &kr_type_tuple) ||
                    kr_type_is_subtype(t, &kr_type_range));
        sp[-1] = kr_bool(seq);
        DISPATCH();
    }
    CASE(MATCH_MAPPING) {
        sp[-1] = kr_bool(kr_isinstance(sp[-1], &kr_type_dict));
        DISPATCH();
    }
    CASE(GET_LEN) {
        SAVE();
        size_t n;
        if (!kr_len(r, sp[-1], &n)) goto error;
        sp[-1] = kr_int_from_i64(r, (int64_t)n);
        DISPATCH();
    }
    CASE(MATCH_KEYS) {
        SAVE();
        KrValue v = match_keys(r, sp[-2], sp[-1]);
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }
    CASE(DICT_WITHOUT_KEYS) {
        SAVE();
        KrValue d = kr_dict_new(r);
        CHECK(d);
        PUSH(d); // rooted while it fills
        if (!kr_dict_update(r, kr_as_dict(d), sp[-3])) goto error;
        KrTuple *keys = kr_as_tuple(sp[-2]);
        for (size_t i = 0; i < keys->len; i++)
            if (kr_dict_del(r, kr_as_dict(d), keys->items[i]) < 0) goto error;
        sp -= 3;
        PUSH(d);
        DISPATCH();
    }
    CASE(MATCH_CLASS) {
        SAVE();
        KrValue v = kr_match_class(r, sp[-3], sp[-2], sp[-1], arg);
        CHECK(v);
        sp -= 3;
        PUSH(v);
        DISPATCH();
    }
    CASE(LOAD_ATTR) {
        KrDict *d;
        const KrDictEntry *hit = kr_attr_site_hit(r, ip - 1, sp[-1], code->names[arg], &d);
        if (KR_LIKELY(hit)) { // a cached instance attribute: nothing can raise
            sp[-1] = hit->value;
            DISPATCH();
        }
        SAVE();
        KrValue v = kr_load_attr_at(r, ip - 1, sp[-1], code->names[arg]);
        CHECK(v);
        sp[-1] = v;
        DISPATCH();
    }
    CASE(STORE_ATTR) {
        KrDict *d;
        KrDictEntry *hit = kr_attr_site_hit(r, ip - 1, sp[-1], code->names[arg], &d);
        if (KR_LIKELY(hit)) {
            hit->value = sp[-2]; // as kr_store_attr_at does
            d->version++;
            sp -= 2;
            DISPATCH();
        }
        SAVE();
        CHECK(kr_store_attr_at(r, ip - 1, sp[-1], code->names[arg], sp[-2]));
        sp -= 2;
        DISPATCH();
    }
    CASE(DELETE_ATTR) {
        SAVE();
        CHECK(kr_setattr(r, sp[-1], code->names[arg], KR_NULL));
        sp--;
        DISPATCH();
    }
    CASE(LOAD_METHOD) {
        SAVE();
        KrValue obj = sp[-1];
        const KrType *ot = kr_typeof(obj);
        if (ot->flags & KR_TF_HEAP) {
            KrValue fn = class_method_for(r, obj, code->names[arg]);
            if (fn == KR_EXC) goto error;
            if (fn != KR_NULL) {
                sp[-1] = fn;
                PUSH(obj);
                DISPATCH();
            }
            KrValue v = kr_getattr(r, obj, code->names[arg]);
            CHECK(v);
            sp[-1] = v;
            PUSH(KR_NULL);
            DISPATCH();
        }
        // types that resolve attributes themselves (super, modules) skip
        // the method-table fast path
        const KrMethodDef *def = ot->getattr ? NULL : kr_find_method_cached(r, ot, code->names[arg]);
        if (def && !(def->flags & (KR_METH_CLASS | KR_METH_STATIC))) {
            sp[-1] = KR_TAG_METHDEF | (uint64_t)(uintptr_t)def;
            PUSH(obj);
            DISPATCH();
        }
        KrValue v = kr_getattr(r, obj, code->names[arg]);
        CHECK(v);
        sp[-1] = v;
        PUSH(KR_NULL);
        DISPATCH();
    }
    CASE(BINARY_SUBSCR) {
        SAVE();
        KrValue o = sp[-2], k = sp[-1], v;
        if (kr_is_type(o, &kr_type_list) && kr_is_small(k)) {
            KrList *l = kr_as_list(o);
            int64_t i = kr_as_small(k);
            if (i < 0) i += (int64_t)l->len;
            if (i >= 0 && (size_t)i < l->len) {
                sp--;
                sp[-1] = l->items[i];
                DISPATCH();
            }
        }
        v = kr_getitem(r, o, k);
        CHECK(v);
        sp--;
        sp[-1] = v;
        DISPATCH();
    }
    CASE(STORE_SUBSCR) {
        SAVE();
        KrValue o = sp[-2], k = sp[-1];
        if (kr_is_type(o, &kr_type_list) && kr_is_small(k)) {
            KrList *l = kr_as_list(o);
            int64_t i = kr_as_small(k);
            if (i < 0) i += (int64_t)l->len;
            if (i >= 0 && (size_t)i < l->len) {
                l->items[i] = sp[-3];
                sp -= 3;
                DISPATCH();
            }
        }
        CHECK(kr_setitem(r, o, k, sp[-3]));
        sp -= 3;
        DISPATCH();
    }
    CASE(DELETE_SUBSCR) {
        SAVE();
        CHECK(kr_delitem(r, sp[-2], sp[-1]));
        sp -= 2;
        DISPATCH();
    }
    CASE(BINARY_OP) {
        KrValue a = sp[-2], b = sp[-1], v;
        KrBinOp op = (KrBinOp)(arg & 15);
        if (kr_is_small(a) && kr_is_small(b) && small_binop(op, kr_as_small(a), kr_as_small(b), &v)) {
            sp--;
            sp[-1] = v;
            DISPATCH();
        }
        if (kr_is_double(a) && kr_is_double(b) && op <= KR_BIN_TRUEDIV && op != KR_BIN_MATMUL) {
            double x = kr_as_double(a), y = kr_as_double(b), z;
            if (op == KR_BIN_ADD) z = x + y;
            else if (op == KR_BIN_SUB) z = x - y;
            else if (op == KR_BIN_MUL) z = x * y;
            else if (y != 0.0) z = x / y;
            else goto slow_binop;
            sp--;
            sp[-1] = kr_float_result(r, z);
            DISPATCH();
        }
    slow_binop:
        SAVE();
        v = arg & 16 ? kr_inplace(r, a, b, op) : kr_binary(r, a, b, op);
        CHECK(v);
        sp--;
        sp[-1] = v;
        DISPATCH();
    }
    CASE(COMPARE_OP) {
        KrValue a = sp[-2], b = sp[-1], v;
        if (kr_is_small(a) && kr_is_small(b)) {
            sp--;
            sp[-1] = kr_bool(small_compare((KrCmpOp)arg, kr_as_small(a), kr_as_small(b)));
            DISPATCH();
        }
        SAVE();
        v = kr_compare(r, a, b, (KrCmpOp)arg);
        CHECK(v);
        sp--;
        sp[-1] = v;
        DISPATCH();
    }
    CASE(IS_OP) {
        bool same = sp[-2] == sp[-1];
        sp--;
        sp[-1] = kr_bool(same != (arg != 0));
        DISPATCH();
    }
    CASE(CONTAINS_OP) {
        SAVE();
        int c = kr_contains(r, sp[-1], sp[-2]);
        if (c < 0) goto error;
        sp--;
        sp[-1] = kr_bool((c != 0) != (arg != 0));
        DISPATCH();
    }
    CASE(UNARY_OP) {
        KrValue a = sp[-1];
        if (kr_is_small(a) && arg == KR_UN_NEG && kr_as_small(a) != KR_SMALL_MIN) {
            sp[-1] = kr_from_small(-kr_as_small(a));
            DISPATCH();
        }
        SAVE();
        KrValue v = kr_unary(r, a, (KrUnOp)arg);
        CHECK(v);
        sp[-1] = v;
        DISPATCH();
    }
    CASE(UNARY_NOT) {
        SAVE();
        int t = fast_truth(r, sp[-1]);
        if (t < 0) goto error;
        sp[-1] = kr_bool(!t);
        DISPATCH();
    }
    CASE(JUMP) {
        if (arg < (uint32_t)(ip - code->insns)) {
            // a backward jump: the loop safepoint
            if (KR_UNLIKELY(--r->ticks <= 0 || r->gc_pending)) {
                SAVE();
                if (r->gc_pending) kr_gc_collect(r);
                if (r->ticks <= 0 && !kr_run_tick_slow(r)) goto error;
            }
        }
        ip = code->insns + arg;
        DISPATCH();
    }
    CASE(POP_JUMP_IF_FALSE) {
        KrValue v = POP();
        if (v == KR_FALSE) {
            ip = code->insns + arg;
            DISPATCH();
        }
        if (v == KR_TRUE) DISPATCH();
        SAVE();
        int t = fast_truth(r, v);
        if (t < 0) goto error;
        if (!t) ip = code->insns + arg;
        DISPATCH();
    }
    CASE(POP_JUMP_IF_TRUE) {
        KrValue v = POP();
        SAVE();
        int t = fast_truth(r, v);
        if (t < 0) goto error;
        if (t) ip = code->insns + arg;
        DISPATCH();
    }
    CASE(JUMP_IF_FALSE_OR_POP) {
        SAVE();
        int t = fast_truth(r, sp[-1]);
        if (t < 0) goto error;
        if (!t) ip = code->insns + arg;
        else sp--;
        DISPATCH();
    }
    CASE(JUMP_IF_TRUE_OR_POP) {
        SAVE();
        int t = fast_truth(r, sp[-1]);
        if (t < 0) goto error;
        if (t) ip = code->insns + arg;
        else sp--;
        DISPATCH();
    }
    CASE(POP_JUMP_IF_NONE) {
        if (POP() == KR_NONE) ip = code->insns + arg;
        DISPATCH();
    }
    CASE(GET_ITER) {
        SAVE();
        KrValue it = kr_iter(r, sp[-1]);
        CHECK(it);
        sp[-1] = it;
        DISPATCH();
    }
    CASE(FOR_ITER) {
        SAVE();
        KrValue it = sp[-1];
        const KrType *t = kr_typeof(it);
        if (t == &kr_type_generator) {
            KrFrame *gf = gen_link(r, f, it, KR_NONE);
            if (gf) {
                f = gf;
                LOAD_FRAME();
                DISPATCH();
            }
        }
        KrValue v = t->next ? t->next(r, it) : kr_next(r, it);
        if (v == KR_STOP) {
            sp--;
            ip = code->insns + arg;
            DISPATCH();
        }
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }
    CASE(BUILD_TUPLE) {
        SAVE();
        KrValue t = kr_tuple_from_array(r, sp - arg, arg);
        CHECK(t);
        sp -= arg;
        PUSH(t);
        DISPATCH();
    }
    CASE(BUILD_LIST) {
        SAVE();
        KrValue l = kr_list_from_array(r, sp - arg, arg);
        CHECK(l);
        sp -= arg;
        PUSH(l);
        DISPATCH();
    }
    CASE(BUILD_SET) {
        SAVE();
        KrValue s = kr_set_new(r, &kr_type_set);
        CHECK(s);
        // on the stack while user __hash__/__eq__ may run (and collect)
        PUSH(s);
        SAVE();
        for (uint32_t i = 0; i < arg; i++)
            if (!kr_set_add(r, (KrSet *)kr_as_obj(s), sp[-(int32_t)arg - 1 + (int32_t)i])) goto error;
        sp -= arg + 1;
        PUSH(s);
        DISPATCH();
    }
    CASE(BUILD_MAP) {
        SAVE();
        KrValue d = kr_dict_new_sized(r, arg); // one table for the n pairs (duplicate keys only leave room)
        CHECK(d);
        PUSH(d);
        SAVE();
        KrValue *base = sp - 1 - 2 * arg;
        for (uint32_t i = 0; i < arg; i++)
            if (!kr_dict_set(r, kr_as_dict(d), base[2 * i], base[2 * i + 1])) goto error;
        sp = base;
        PUSH(d);
        DISPATCH();
    }
    CASE(BUILD_SLICE) {
        SAVE();
        KrValue s = kr_slice_new(r, sp[-(int32_t)arg], sp[-(int32_t)arg + 1], arg == 3 ? sp[-1] : KR_NONE);
        CHECK(s);
        sp -= arg;
        PUSH(s);
        DISPATCH();
    }
    CASE(BUILD_STRING) {
        SAVE();
        KrValue s = kr_str_concat_n(r, sp - arg, arg);
        CHECK(s);
        sp -= arg;
        PUSH(s);
        DISPATCH();
    }
    CASE(LIST_APPEND) {
        SAVE();
        if (!kr_list_append(r, kr_as_list(sp[-(int32_t)arg - 1]), sp[-1])) goto error;
        sp--;
        DISPATCH();
    }
    CASE(SET_ADD) {
        SAVE();
        if (!kr_set_add(r, (KrSet *)kr_as_obj(sp[-(int32_t)arg - 1]), sp[-1])) goto error;
        sp--;
        DISPATCH();
    }
    CASE(MAP_ADD) {
        SAVE();
        if (!kr_dict_set(r, kr_as_dict(sp[-(int32_t)arg - 2]), sp[-2], sp[-1])) goto error;
        sp -= 2;
        DISPATCH();
    }
    CASE(LIST_EXTEND) {
        SAVE();
        KrValue src = sp[-1];
        int32_t depth = (int32_t)(arg & 0xFF);
        if (!kr_typeof(src)->iter) {
            if (arg & 0x100) {
                char fname[256];
                func_str(sp[-depth - 3], fname, sizeof fname);
                kr_raise(r, &kr_exc_TypeError, "%s argument after * must be an iterable, not %s", fname,
                         kr_type_name(src));
            } else {
                kr_raise(r, &kr_exc_TypeError, "Value after * must be an iterable, not %s", kr_type_name(src));
            }
            goto error;
        }
        if (!kr_list_extend(r, kr_as_list(sp[-depth - 1]), src)) goto error;
        sp--;
        DISPATCH();
    }
    CASE(SET_UPDATE) {
        SAVE();
        if (arg & 0x100) {
            // a constant set display: through a frozenset, as CPython
            KrTuple *items = kr_as_tuple(sp[-1]);
            KrValue fs = kr_set_fold_consts(r, items->items, items->len);
            CHECK(fs);
            sp[-1] = fs;
            if (arg & 0x200) { // the frozenset itself replaces the empty set (a loop's iterable)
                sp[-2] = fs;
                sp--;
                DISPATCH();
            }
            arg &= 0xFF;
        }
        if (!kr_set_update(r, (KrSet *)kr_as_obj(sp[-(int32_t)arg - 1]), sp[-1])) goto error;
        sp--;
        DISPATCH();
    }
    CASE(DICT_UPDATE) {
        SAVE();
        KrValue src = sp[-1];
        if (!kr_isinstance(src, &kr_type_dict)) { // any mapping: keys() and [key]
            static const KrStr keys_name = KR_STATIC_STR("keys");
            KrValue keys = kr_getattr_opt(r, src, (KrStr *)&keys_name);
            if (keys == KR_EXC) goto error;
            if (keys == KR_NULL) {
                kr_raise(r, &kr_exc_TypeError, "'%s' object is not a mapping", kr_type_name(src));
                goto error;
            }
        }
        if (!kr_dict_update(r, kr_as_dict(sp[-(int32_t)arg - 1]), src)) goto error;
        sp--;
        DISPATCH();
    }
    CASE(DICT_MERGE) {
        SAVE();
        // stack: callable, self, args, dict, src
        if (!dict_merge_kwargs(r, sp[-(int32_t)arg - 1], sp[-1], sp[-(int32_t)arg - 4])) goto error;
        sp--;
        DISPATCH();
    }
    CASE(LIST_TO_TUPLE) {
        SAVE();
        KrList *l = kr_as_list(sp[-1]);
        KrValue t = kr_tuple_from_array(r, l->items, l->len);
        CHECK(t);
        sp[-1] = t;
        DISPATCH();
    }
    CASE(UNPACK_SEQUENCE) {
        SAVE();
        KrValue seq = sp[-1];
        if (!unpack(r, seq, arg, 0, false, sp - 1)) goto error;
        sp += (int32_t)arg - 1;
        DISPATCH();
    }
    CASE(UNPACK_EX) {
        SAVE();
        KrValue seq = sp[-1];
        uint32_t before = arg & 0xFF, after = arg >> 8;
        if (!unpack(r, seq, before, after, true, sp - 1)) goto error;
        sp += (int32_t)(before + after);
        DISPATCH();
    }
    CASE(FORMAT_VALUE) {
        SAVE();
        KrValue spec = (arg & 4) ? sp[-1] : KR_NULL;
        KrValue v = (arg & 4) ? sp[-2] : sp[-1];
        KrValue s = format_value(r, v, arg, spec);
        CHECK(s);
        if (arg & 4) sp--;
        sp[-1] = s;
        DISPATCH();
    }
    CASE(CALL) {
        KrValue kwnames = KR_NULL;
        uint32_t nargs = arg;
        goto do_call;
    CASE(CALL_KW)
        kwnames = sp[-1];
        sp--;
        nargs = arg;
    do_call: {
        KrValue *base = sp - nargs - 2; // callable, self-or-NULL, args
        KrValue callee = base[0];
        KrValue *args = base[1] == KR_NULL ? base + 2 : base + 1;
        // positional count: the keyword values follow the positionals
        size_t argc = nargs + (base[1] != KR_NULL) - (kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len);
        if (KR_UNLIKELY(--r->ticks <= 0 || r->gc_pending)) {
            if (kwnames != KR_NULL) PUSH(kwnames); // keep it marked (below the saved top)
            SAVE();
            if (r->gc_pending) kr_gc_collect(r);
            if (kwnames != KR_NULL) f->sp = --sp;
            if (r->ticks <= 0 && !kr_run_tick_slow(r)) goto error;
        }
        if (KR_UNLIKELY(nargs == 1 && kwnames == KR_NULL && kr_is_type(sp[-1], &kr_type_generator))) {
            // sum(g), list(g), sep.join(g)...: the generator runs in this loop
            int kind = drain_kind(callee, base[1]);
            if (kind >= 0) {
                SAVE();
                KrValue d = drain_new(r, kind);
                CHECK(d);
                KrFrame *gf = gen_link(r, f, sp[-1], KR_NONE);
                if (gf) {
                    gf->flags |= KR_FRAME_DRAIN;
                    gf->made = d;
                    f = gf;
                    LOAD_FRAME();
                    DISPATCH();
                }
            }
        }
        if ((callee & KR_TAG_MASK) == KR_TAG_METHDEF) {
            const KrMethodDef *def = (const KrMethodDef *)(uintptr_t)(callee & KR_PAYLOAD);
            SAVE();
            KrValue v = def->fn(r, args[0], argc - 1, args + 1, kwnames);
            CHECK(v);
            sp = base;
            PUSH(v);
            DISPATCH();
        }
        if (kr_is_ptr(callee) && kr_as_obj(callee)->type == &kr_type_method && base[1] == KR_NULL) {
            // a bound method: call its function with self in the spare slot
            KrMethod *m = (KrMethod *)kr_as_obj(callee);
            base[0] = callee = m->func;
            base[1] = m->self;
            args = base + 1;
            argc++;
        }
        if (kr_is_ptr(callee) && kr_as_obj(callee)->type == &kr_type_function) {
            sp = base;
            SAVE();
            KrValue gen;
            KrFrame *nf = push_call(r, callee, args, argc, kwnames, &gen);
            if (!nf) {
                CHECK(gen == KR_NULL ? KR_EXC : gen);
                PUSH(gen);
                DISPATCH();
            }
            f = nf;
            r->frame = f;
            LOAD_FRAME();
            DISPATCH();
        }
        SAVE();
        if (kr_is_ptr(callee) && kr_as_obj(callee)->type == &kr_type_type && base[1] == KR_NULL &&
            (((const KrType *)kr_as_obj(callee))->flags & KR_TF_HEAP)) {
            // a class call: a Python __init__ runs as a frame of this loop
            KrValue init;
            KrValue obj = kr_class_new_split(r, (const KrType *)kr_as_obj(callee), argc, args, kwnames, &init);
            CHECK(obj);
            if (obj != KR_NULL) {
                sp = base;
                if (init == KR_NULL) {
                    PUSH(obj);
                    DISPATCH();
                }
                base[1] = obj;
                SAVE();
                KrValue gen;
                KrFrame *nf = push_call(r, init, base + 1, argc + 1, kwnames, &gen);
                if (!nf) {
                    if (gen != KR_NULL)
                        kr_raise(r, &kr_exc_TypeError, "__init__() should return None, not '%s'", kr_type_name(gen));
                    goto error;
                }
                nf->flags |= KR_FRAME_INIT;
                nf->made = obj;
                f = nf;
                r->frame = f;
                LOAD_FRAME();
                DISPATCH();
            }
        }
        if (kr_is_ptr(callee) && kr_as_obj(callee)->type == &kr_type_external) {
            bool pause;
            KrValue call = call_external(r, callee, args, argc, kwnames, &pause);
            CHECK(call);
            sp = base;
            if (pause) goto pause;
            PUSH(call);
            DISPATCH();
        }
        KrValue v = kr_call(r, callee, argc, args, kwnames);
        CHECK(v);
        sp = base;
        PUSH(v);
        DISPATCH();
    }
    }
    CASE(CALL_EX) {
        KrValue kwargs = (arg & 1) ? sp[-1] : KR_NULL;
        KrValue *base = sp - 3 - (arg & 1);
        SAVE();
        KrFrame *nf;
        bool pause;
        KrValue v = call_ex(r, base[0], base[1], base[2], kwargs, &nf, &pause);
        CHECK(v);
        sp = base;
        if (pause) goto pause;
        if (nf) {
            SAVE();
            f = nf;
            r->frame = f;
            LOAD_FRAME();
            DISPATCH();
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(MAKE_FUNCTION) {
        SAVE();
        KrValue fn = make_function(r, f, sp, arg, NULL);
        CHECK(fn);
        sp -= 1 + __builtin_popcount(arg & 15);
        PUSH(fn);
        DISPATCH();
    }
    CASE(RETURN_VALUE) {
        KrValue v = POP();
        if ((f->flags & (KR_FRAME_GENERATOR | KR_FRAME_ENTRY)) == KR_FRAME_GENERATOR) {
            // a linked generator finished: its FOR_ITER or SEND takes the exit
            KrValue made = f->flags & KR_FRAME_DRAIN ? f->made : KR_NULL;
            f = gen_unlink_done(r, f);
            LOAD_FRAME();
            if (made != KR_NULL) {
                // a consuming built-in: collectors run on their list (the
                // call again, with the list for the generator); folds answer
                KrDrain *d = (KrDrain *)kr_as_obj(made);
                if (d->kind == DRAIN_COLLECT) {
                    sp[-1] = d->acc;
                    ip--;
                    DISPATCH();
                }
                KrValue res = drain_result(r, d);
                if (res == KR_EXC) goto error;
                sp -= 3; // callee, self slot, generator
                PUSH(res);
                DISPATCH();
            }
            uint32_t at = ip[-1];
            sp--; // the generator
            if (KR_INSN_OP(at) == KR_OP_SEND) PUSH(v);
            ip = code->insns + KR_INSN_ARG(at);
            DISPATCH();
        }
        if (f->flags & KR_FRAME_GENERATOR) {
            // a finished generator: its frame is freed by kr_gen_send
            r->frame = f->back;
            return v;
        }
        KrFrame *back = f->back;
        uint32_t flags = f->flags;
        KrValue made = f->made;
        r->depth -= f->func != KR_NULL;
        frame_release(r, f);
        r->frame = back;
        if (flags & KR_FRAME_ENTRY) return v;
        f = back;
        LOAD_FRAME();
        if (KR_UNLIKELY(flags & KR_FRAME_INIT)) {
            if (v != KR_NONE) {
                kr_raise(r, &kr_exc_TypeError, "__init__() should return None, not '%s'", kr_type_name(v));
                goto error;
            }
            v = made;
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(YIELD_VALUE) {
        KrValue v = POP();
        SAVE();
        if (f->flags & KR_FRAME_DRAIN) {
            KrDrain *d = (KrDrain *)kr_as_obj(f->made);
            int t = drain_take(r, d, v);
            if (t > 0) {
                PUSH(KR_NONE); // what the yield expression gives: go on
                DISPATCH();
            }
            // decided (any/all) or failed: the generator stays suspended
            KrValue res = d->acc;
            f = gen_unlink_suspended(r, f);
            LOAD_FRAME();
            if (t < 0) goto error;
            sp -= 3;
            PUSH(res);
            DISPATCH();
        }
        if (!(f->flags & KR_FRAME_ENTRY)) {
            // linked into the caller's loop: the value goes to its FOR_ITER/SEND
            ((KrGen *)kr_as_obj(f->gen))->running = false;
            gen_exc_leave(r, (KrGen *)kr_as_obj(f->gen));
            r->depth--;
            f = f->back;
            r->frame = f;
            LOAD_FRAME();
            PUSH(v);
            DISPATCH();
        }
        r->frame = f->back;
        r->gen_yielded = true;
        return v;
    }
    CASE(RAISE) {
        SAVE();
        if (arg == 0) {
            KrValue handled = kr_handled_exc(r);
            if (handled == KR_NULL) {
                kr_raise(r, &kr_exc_RuntimeError, "No active exception to reraise");
                goto error;
            }
            r->exc = handled;
            reraise = true;
            goto error;
        }
        KrValue exc = sp[-(int32_t)arg];
        if (kr_raise_value(r, exc) == KR_EXC && r->exc != KR_NULL && arg == 2) {
            KrValue cause = sp[-1];
            if (cause != KR_NONE && kr_is_ptr(cause) && kr_as_obj(cause)->type == &kr_type_type &&
                (((const KrType *)kr_as_obj(cause))->flags & KR_TF_EXC)) {
                cause = kr_call(r, cause, 0, NULL, KR_NULL);
                if (cause == KR_EXC) goto error;
            }
            if (cause != KR_NONE && !(kr_typeof(cause)->flags & KR_TF_EXC)) {
                kr_raise(r, &kr_exc_TypeError, "exception causes must derive from BaseException");
                goto error;
            }
            KrExc *e = (KrExc *)kr_as_obj(r->exc);
            e->cause = cause;
            e->suppress_context = true;
        }
        goto error;
    }
    CASE(RERAISE) {
        SAVE();
        r->exc = POP();
        reraise = true;
        goto error;
    }
    CASE(PUSH_EXC_INFO) {
        KrValue exc = sp[-1];
        sp[-1] = r->exc_info;
        PUSH(exc);
        r->exc_info = exc;
        DISPATCH();
    }
    CASE(POP_EXCEPT) {
        r->exc_info = POP();
        DISPATCH();
    }
    CASE(POP_EXCEPT_RERAISE) {
        KrValue exc = POP();
        r->exc_info = POP();
        SAVE();
        r->exc = exc;
        reraise = true;
        goto error;
    }
    CASE(CHECK_EXC_MATCH) {
        SAVE();
        int m = kr_exc_match(r, sp[-2], sp[-1]);
        if (m < 0) goto error;
        sp[-1] = kr_bool(m);
        DISPATCH();
    }
    CASE(LOAD_ASSERTION_ERROR) {
        PUSH(kr_from_obj(&kr_exc_AssertionError));
        DISPATCH();
    }
    CASE(UNSUPPORTED) {
        SAVE();
        kr_raise_with_arg(r, &kr_exc_NotImplementedError, consts[arg]);
        goto error;
    }
    CASE(PUSH_NULL) {
        PUSH(KR_NULL);
        DISPATCH();
    }
    CASE(RETURN_GENERATOR)
    CASE(GET_YIELD_FROM_ITER) {
        SAVE();
        KrValue it = kr_is_type(sp[-1], &kr_type_generator) ? sp[-1] : kr_iter(r, sp[-1]);
        CHECK(it);
        sp[-1] = it;
        DISPATCH();
    }
    CASE(SEND) {
        SAVE();
        if (kr_is_type(sp[-2], &kr_type_generator) || kr_is_type(sp[-2], &kr_type_coroutine)) {
            KrFrame *gf = gen_link(r, f, sp[-2], sp[-1]);
            if (gf) {
                sp--; // the generator took the sent value
                SAVE();
                f = gf;
                LOAD_FRAME();
                DISPATCH();
            }
        }
        KrValue res = yield_from_send(r, sp[-2], sp[-1]);
        if (res == KR_STOP) {
            KrValue stop = r->stop_exc;
            r->stop_exc = KR_NULL;
            KrValue rv = KR_NONE;
            if (stop != KR_NULL && kr_as_tuple(((KrExc *)kr_as_obj(stop))->args)->len)
                rv = kr_as_tuple(((KrExc *)kr_as_obj(stop))->args)->items[0];
            sp -= 2;
            PUSH(rv);
            ip = code->insns + arg;
            DISPATCH();
        }
        CHECK(res);
        sp[-1] = res;
        DISPATCH();
    }
#if !defined(__GNUC__)
    }
#endif

pause:
    // an external call: the frames stay as they are; kr_vm_resume pushes
    // the host's answer (or raises it) at the call site
    SAVE();
    r->frame = f;
    r->paused = true;
    r->pause_kind = KR_PAUSE_CALL;
    return KR_PAUSE;

error : {
    // The failing instruction is the one before ip.
    uint32_t pc = (uint32_t)(ip - code->insns) - 1;
    if (KR_UNLIKELY(r->pausing) && !r->limit_hit) {
        // asyncio's loop unwound to pause: this call runs again on resume
        r->pausing = false;
        if (r->native_depth) {
            kr_raise(r, &kr_exc_SystemError, "krait cannot pause inside native code here");
            goto error;
        }
        f->pc = pc;
        f->sp = sp;
        r->frame = f;
        r->paused = true;
        r->pause_kind = KR_PAUSE_REEXEC;
        return KR_PAUSE;
    }
    if (r->limit_hit) {
        // limits end the run: no handler may run
        kr_run_note_limit_frame(r, code, pc);
        while (!(f->flags & KR_FRAME_ENTRY)) {
            KrFrame *back = f->back;
            if (back) kr_run_note_limit_frame(r, back->code, back->pc ? back->pc - 1 : 0);
            r->depth -= f->func != KR_NULL;
            if (f->flags & KR_FRAME_GENERATOR) ((KrGen *)kr_as_obj(f->gen))->running = false;
            frame_release(r, f);
            f = back;
        }
        r->depth -= f->func != KR_NULL && !(f->flags & KR_FRAME_GENERATOR);
        r->frame = f->back;
        if (!(f->flags & KR_FRAME_GENERATOR)) frame_release(r, f);
        return KR_EXC;
    }
    if (!reraise) {
        if (!thrown) set_context(r, r->exc);
        thrown = false;
        if (!add_traceback(r, r->exc, f, pc)) goto error;
    }
    reraise = false;
    for (;;) {
        const KrExcEntry *h = find_handler(code, pc);
        if (h) {
            sp = kr_frame_stack(f) + h->depth;
            PUSH(r->exc);
            r->exc = KR_NULL;
            ip = code->insns + h->handler;
            DISPATCH();
        }
        KrFrame *back = f->back;
        uint32_t flags = f->flags;
        if ((flags & (KR_FRAME_GENERATOR | KR_FRAME_ENTRY)) == KR_FRAME_GENERATOR) {
            // a linked generator raised: it is finished; the caller's
            // FOR_ITER or SEND raises in its place
            f = gen_unlink_done(r, f);
            gen_stop_to_runtime(r);
            LOAD_FRAME();
            pc = f->pc - 1;
            if (!add_traceback(r, r->exc, f, pc)) {
                ip = code->insns + f->pc;
                goto error;
            }
            continue;
        }
        if (flags & KR_FRAME_GENERATOR) {
            r->frame = back;
            return KR_EXC;
        }
        r->depth -= f->func != KR_NULL;
        frame_release(r, f);
        r->frame = back;
        if (flags & KR_FRAME_ENTRY) return KR_EXC;
        f = back;
        LOAD_FRAME();
        pc = f->pc - 1; // the call instruction
        if (!add_traceback(r, r->exc, f, pc)) {
            ip = code->insns + f->pc;
            goto error;
        }
    }
}
#undef LOAD_FRAME
#undef SAVE
#undef PUSH
#undef POP
#undef TOP
#undef CHECK
#undef CASE
#undef DISPATCH
}

// A script that awaits at top level is a coroutine: krait runs it with
// asyncio.run (the notebook-style extension the embedding relies on).
static KrValue run_module_coroutine(KrRun *r, const KrCode *code) {
    KrFunc *fn = kr_gc_alloc(r, &kr_type_function, sizeof(KrFunc));
    if (!fn) return KR_EXC;
    memset((char *)fn + sizeof(KrObj), 0, sizeof *fn - sizeof(KrObj));
    fn->code = code;
    fn->globals = r->globals;
    fn->defaults = fn->kwdefaults = fn->closure = fn->dict = fn->annotations = KR_NULL;
    fn->name = fn->qualname = kr_from_obj(code->name);
    fn->doc = KR_NONE;
    fn->module = r->main_name;
    KrValue coro = gen_create(r, fn, NULL, 0, KR_NULL);
    if (coro == KR_EXC) return KR_EXC;
    r->main_coro = coro;
    return run_main_coro(r);
}

// asyncio.run(the script's coroutine), also to go on after a pause (the
// loop finds its paused state).
static KrValue run_main_coro(KrRun *r) {
    KrValue res = KR_EXC;
    KrValue asyncio = kr_import(r, kr_str_from_cstr(r, "asyncio"));
    if (asyncio != KR_EXC) {
        KrValue run = kr_getattr_cstr(r, asyncio, "run");
        if (run != KR_EXC) res = kr_call1(r, run, r->main_coro);
    }
    if (res == KR_EXC && r->pausing && !r->limit_hit) {
        r->pausing = false;
        r->paused = true;
        r->pause_kind = KR_PAUSE_MODULE;
        return KR_PAUSE;
    }
    r->main_coro = KR_NULL;
    return res;
}

KrValue kr_vm_run_module(KrRun *r) {
    const KrCode *code = r->program->module;
    if (code->flags & KR_CODE_COROUTINE) return run_module_coroutine(r, code);
    KrFrame *f = frame_alloc(r, code);
    if (!f) return KR_EXC;
    frame_init(f, code, KR_NULL, r->globals, KR_FRAME_ENTRY);
    size_t nslots = (size_t)code->nlocals + code->ncells + code->nfrees;
    for (size_t i = 0; i < nslots; i++) f->slots[i] = KR_NULL;
    f->back = r->frame;
    r->depth++;
    KrValue v = vm_loop(r, f, KR_NULL);
    if (v != KR_PAUSE) r->depth--;
    return v;
}

KrValue kr_vm_resume(KrRun *r) {
    KrFrame *f = r->frame;
    if (!r->paused) return kr_raise(r, &kr_exc_SystemError, "the run is not paused");
    r->paused = false;
    if (r->pause_kind == KR_PAUSE_MODULE) return run_main_coro(r);
    if (!f) return kr_raise(r, &kr_exc_SystemError, "the run has no frame to resume");
    KrValue exc = KR_NULL;
    if (r->pause_kind == KR_PAUSE_CALL) {
        KrExtCall *c = (KrExtCall *)kr_as_obj(r->paused_call);
        r->paused_call = KR_NULL;
        if (c->state == KR_EXT_REJECTED) exc = c->result;
        else *f->sp++ = c->result;
        kr_ext_call_retire(r, c);
    }
    KrValue v = vm_loop(r, f, exc);
    if (v != KR_PAUSE) r->depth--;
    return v;
}

// ---- run snapshots ----------------------------------------------------------------------------
// A generator record holds its own frame (while it has one) and the
// innermost frame of a run paused inside it; runsnap.c checks every frame
// against the chains it sits in.

static bool gen_snap_write(KrRsWriter *w, const KrObj *o) {
    const KrGen *g = (const KrGen *)o;
    kr_snap_put_u8(kr_rs_out(w), g->frame ? 1 : 0);
    if (g->frame) kr_rs_put_frame_body(w, g->frame);
    kr_rs_put_frame(w, g->pause_frame);
    return true;
}

static KrObj *gen_snap_read(KrRsReader *rd, const KrType *t) {
    uint8_t has = kr_snap_get_u8(kr_rs_in(rd));
    if (has > 1) return kr_rs_fail(rd, "bad generator"), NULL;
    KrGen *g = kr_rs_alloc(rd, t, sizeof(KrGen));
    if (!g) return NULL;
    g->frame = g->pause_frame = NULL;
    g->name = g->qualname = g->exc_state = g->resumer_exc = g->resumer_outer = KR_NULL;
    g->running = false;
    if (has && !kr_rs_get_frame_body(rd, kr_from_obj(g), &g->frame)) return NULL;
    return kr_rs_get_frame(rd, &g->pause_frame) ? &g->ob : NULL;
}

// Its code is of its kind (generator, coroutine, async generator).
static bool gen_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const KrGen *g = (const KrGen *)o;
    if (stage == 0) return true;
    const KrValue excs[] = {g->exc_state, g->resumer_exc, g->resumer_outer};
    for (size_t i = 0; i < 3; i++)
        if (excs[i] != KR_NULL && excs[i] != KR_NONE && !kr_rs_value_ok(excs[i], KR_RS_EXC, NULL))
            return kr_rs_fail(rd, "a generator's handled exception is not an exception");
    if (!g->frame) return (!g->running && !g->pause_frame) || kr_rs_fail(rd, "a finished generator still running");
    uint32_t kind = g->frame->code->flags & (KR_CODE_COROUTINE | KR_CODE_GENERATOR);
    const KrType *want = kind == (KR_CODE_COROUTINE | KR_CODE_GENERATOR) ? &kr_type_async_generator
                         : kind == KR_CODE_COROUTINE                     ? &kr_type_coroutine
                         : kind == KR_CODE_GENERATOR                     ? &kr_type_generator
                                                                         : NULL;
    return want == o->type || kr_rs_fail(rd, "a generator running code of another kind");
}

static const KrRsField gen_fields[] = {
    KR_RS_FIELD(KrGen, name, KR_RSF_VALUE, KR_RS_STR, NULL),
    KR_RS_FIELD(KrGen, qualname, KR_RSF_VALUE, KR_RS_STR, NULL),
    KR_RS_VALN(KrGen, exc_state),
    KR_RS_VALN(KrGen, resumer_exc),
    KR_RS_VALN(KrGen, resumer_outer),
    KR_RS_SCALAR(KrGen, running, KR_RSF_BOOL),
    KR_RS_END,
};

static const KrSnapOps gen_snap = {gen_fields, gen_snap_write, gen_snap_read, gen_snap_finish};

static const KrRsField agwrap_fields[] = {KR_RS_VAL(KrAgWrap, value), KR_RS_END};
static const KrSnapOps agwrap_snap = {agwrap_fields, NULL, NULL, NULL};

static const KrRsField asend_fields[] = {
    KR_RS_FIELD(KrAsend, gen, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_async_generator),
    KR_RS_VALN(KrAsend, first),
    KR_RS_SCALAR(KrAsend, state, KR_RSF_U32),
    KR_RS_SCALAR(KrAsend, is_throw, KR_RSF_BOOL),
    KR_RS_SCALAR(KrAsend, is_close, KR_RSF_BOOL),
    KR_RS_END,
};

// athrow()'s first step throws `first` in: it must be an exception.
static bool asend_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const KrAsend *a = (const KrAsend *)o;
    if (stage == 0) return true;
    if (a->state < 0 || a->state > 2) return kr_rs_fail(rd, "bad asend state");
    return !a->is_throw || a->state != 0 || kr_rs_value_ok(a->first, KR_RS_EXC, NULL) || kr_rs_fail(rd, "athrow() of a non-exception");
}

static const KrSnapOps asend_snap = {asend_fields, NULL, NULL, asend_snap_finish};

// A drain: its kind, and the accumulator that kind reads (drain_take casts
// a collector's to a list; a sum's is a value; min/max may have none yet;
// any/all read theirs only once decided, when the drain is dropped).
static bool drain_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const KrDrain *d = (const KrDrain *)o;
    if (stage == 0) return true;
    bool ok;
    switch (d->kind) {
    case DRAIN_COLLECT: ok = kr_is_type(d->acc, &kr_type_list); break;
    case DRAIN_SUM: ok = d->acc != KR_NULL; break;
    case DRAIN_MIN:
    case DRAIN_MAX: ok = true; break;
    case DRAIN_ANY:
    case DRAIN_ALL: ok = d->acc == KR_NULL || kr_is_bool(d->acc); break;
    default: ok = false;
    }
    return ok || kr_rs_fail(rd, "a generator consumer of a bad kind or state");
}

static const KrRsField drain_fields[] = {
    KR_RS_SCALAR(KrDrain, kind, KR_RSF_U32),
    KR_RS_VALN(KrDrain, acc),
    KR_RS_END,
};

static const KrSnapOps drain_snap = {drain_fields, NULL, NULL, drain_snap_finish};

// What the drain branches of YIELD_VALUE and RETURN_VALUE rely on: a
// linked plain generator's own frame with a consumer, whose caller stopped
// right after a one-argument CALL of the matching built-in with the
// generator still on its stack (callee, self slot, generator: a collector
// runs that CALL again with its list, the others drop the three slots).
const char *kr_vm_drain_check(const KrFrame *f) {
    if ((f->flags & (KR_FRAME_GENERATOR | KR_FRAME_ENTRY | KR_FRAME_INIT)) != KR_FRAME_GENERATOR ||
        !kr_is_type(f->gen, &kr_type_generator) || !kr_is_type(f->made, &kr_type_drain))
        return "a drained frame that is not a generator's with a consumer";
    const KrGen *g = (const KrGen *)kr_as_obj(f->gen);
    const KrFrame *c = f->back;
    if (g->frame != f || !g->running || !c) return "a drained generator that is not running";
    uint32_t at = c->pc ? c->code->insns[c->pc - 1] : 0;
    if (!c->pc || KR_INSN_OP(at) != KR_OP_CALL || KR_INSN_ARG(at) != 1)
        return "a drained generator whose caller is not at its call";
    KrValue *sp = c->sp, *stack = kr_frame_stack((KrFrame *)c);
    if (sp - stack < 3 || sp[-1] != f->gen) return "a drained generator missing from its caller's stack";
    if (drain_kind(sp[-3], sp[-2]) != (int)((const KrDrain *)kr_as_obj(f->made))->kind)
        return "a generator consumer of another built-in";
    return NULL;
}
