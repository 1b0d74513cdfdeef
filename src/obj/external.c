// external.c: external functions (host tools the run may call) and the
// call records the run hands to the host. Calling an external function
// from the VM's own loop pauses the run (see vm.c, CALL); the host answers
// the call record and the run continues at the call site. Native code
// cannot pause in the middle of itself, so a call made from native code
// (a key= function of sorted, map) raises a clear RuntimeError instead.
#include "../types.h"
#include "../vm.h"
#include "external.h"
#include "../mod/asyncio.h"
#include "../runsnap.h"

static const KrSnapOps ext_fn_snap, ext_call_snap;

static void ext_fn_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((KrExtFn *)o)->name); }

static KrValue ext_fn_repr(KrRun *r, KrValue v) {
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<external function %s>", kr_as_str(((KrExtFn *)kr_as_obj(v))->name)->data);
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

// Reached only through kr_call, i.e. from native code, never from the
// VM's CALL (which pauses or makes an awaitable call record itself).
static KrValue ext_fn_call(KrRun *r, KrValue callee, size_t argc, const KrValue *args, KrValue kwnames) {
    KrExtFn *fn = (KrExtFn *)kr_as_obj(callee);
    if (fn->is_async) return kr_ext_call_new(r, callee, argc, args, kwnames);
    return kr_raise(r, &kr_exc_RuntimeError,
                    "external function '%s' was called from inside a built-in (such as a key= function, "
                    "map() or a generator driven by a built-in); krait can only pause for it in Python "
                    "code: call it from a loop or comprehension instead",
                    kr_as_str(fn->name)->data);
}

static KrValue ext_fn_get_name(KrRun *r, KrValue self) {
    (void)r;
    return ((KrExtFn *)kr_as_obj(self))->name;
}

static const KrGetSetDef ext_fn_getsets[] = {
    {"__name__", ext_fn_get_name},
    {"__qualname__", ext_fn_get_name},
    {NULL, NULL},
};

const KrType kr_type_external = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "external_function",
    .base = &kr_type_object,
    .basic_size = sizeof(KrExtFn),
    .trace = ext_fn_trace,
    .repr = ext_fn_repr,
    .hash = kr_identity_hash,
    .call = ext_fn_call,
    .getsets = ext_fn_getsets,
    .snap = &ext_fn_snap,
};

KrValue kr_ext_fn_new(KrRun *r, KrValue name, const char *host_name, bool is_async) {
    KrExtFn *fn = kr_gc_alloc(r, &kr_type_external, sizeof(KrExtFn));
    if (!fn) return KR_EXC;
    fn->name = name;
    fn->host_name = host_name;
    fn->is_async = is_async;
    return kr_from_obj(fn);
}

// ---- call records ----------------------------------------------------------------------

static void ext_call_trace(KrRun *r, KrObj *o) {
    KrExtCall *c = (KrExtCall *)o;
    kr_gc_mark(r, c->fn);
    kr_gc_mark(r, c->args);
    kr_gc_mark(r, c->kwargs);
    kr_gc_mark(r, c->result);
    kr_gc_mark(r, c->waiter);
}

static KrValue ext_call_repr(KrRun *r, KrValue v) {
    KrExtCall *c = (KrExtCall *)kr_as_obj(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<coroutine object %s at 0x%llx>", kr_as_str(((KrExtFn *)kr_as_obj(c->fn))->name)->data,
                            (unsigned long long)kr_object_id(r, v));
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

static bool ext_call_kwargs(KrRun *r, KrExtCall *c, size_t argc, const KrValue *args, KrValue kwnames) {
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    c->kwargs = KR_NULL;
    if (!nkw) return true;
    KrValue kw = kr_dict_new_sized(r, nkw);
    if (kw == KR_EXC) return false;
    for (size_t i = 0; i < nkw; i++)
        if (!kr_dict_set(r, kr_as_dict(kw), kr_as_tuple(kwnames)->items[i], args[argc + i])) return false;
    c->kwargs = kw;
    return true;
}

static void ext_call_init(KrExtCall *c, KrValue fn) {
    c->fn = fn;
    c->id = 0;
    c->state = KR_EXT_NEW;
    c->result = KR_NULL;
    c->waiter = KR_NULL;
}

KrValue kr_ext_call_new(KrRun *r, KrValue fn, size_t argc, const KrValue *args, KrValue kwnames) {
    KrValue tup = kr_tuple_from_array(r, args, argc);
    if (tup == KR_EXC) return KR_EXC;
    KrExtCall *c = kr_gc_alloc(r, &kr_type_external_call, sizeof(KrExtCall));
    if (!c) return KR_EXC;
    ext_call_init(c, fn);
    c->args = tup;
    c->own_args = true;
    c->kwargs = KR_NULL;
    return ext_call_kwargs(r, c, argc, args, kwnames) ? kr_from_obj(c) : KR_EXC;
}

KrValue kr_ext_call_plain(KrRun *r, KrValue fn, size_t argc, const KrValue *args, KrValue kwnames) {
    KrValue spare = r->spare_call;
    if (spare == KR_NULL) return kr_ext_call_new(r, fn, argc, args, kwnames);
    r->spare_call = KR_NULL;
    KrExtCall *c = (KrExtCall *)kr_as_obj(spare);
    KrTuple *t = kr_as_tuple(c->args);
    if (c->own_args && t->len == argc) {
        memcpy(t->items, args, argc * sizeof(KrValue));
    } else {
        KrValue tup = kr_tuple_from_array(r, args, argc);
        if (tup == KR_EXC) return KR_EXC;
        c->args = tup;
        c->own_args = true;
    }
    ext_call_init(c, fn);
    return ext_call_kwargs(r, c, argc, args, kwnames) ? spare : KR_EXC;
}

void kr_ext_call_retire(KrRun *r, KrExtCall *c) {
    kr_ext_call_unregister(r, c);
    c->state = KR_EXT_DONE;
    c->result = KR_NULL;
    r->spare_call = kr_from_obj(c);
}

bool kr_ext_call_register(KrRun *r, KrValue call) {
    if (r->pending == KR_NULL) {
        KrValue l = kr_list_new(r, 4);
        if (l == KR_EXC) return false;
        r->pending = l;
    }
    KrExtCall *c = (KrExtCall *)kr_as_obj(call);
    c->id = ++r->next_call_id;
    c->state = KR_EXT_PENDING;
    return kr_list_append(r, kr_as_list(r->pending), call);
}

KrExtCall *kr_ext_call_find(KrRun *r, uint64_t id) {
    if (r->pending == KR_NULL) return NULL;
    KrList *l = kr_as_list(r->pending);
    for (size_t i = 0; i < l->len; i++) {
        KrExtCall *c = (KrExtCall *)kr_as_obj(l->items[i]);
        if (c->id == id) return c;
    }
    return NULL;
}

void kr_ext_call_unregister(KrRun *r, KrExtCall *c) {
    if (r->pending == KR_NULL) return;
    KrList *l = kr_as_list(r->pending);
    for (size_t i = 0; i < l->len; i++) {
        if ((KrExtCall *)kr_as_obj(l->items[i]) != c) continue;
        memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(KrValue));
        l->len--;
        return;
    }
}

size_t kr_ext_pending_count(KrRun *r) {
    if (r->pending == KR_NULL) return 0;
    KrList *l = kr_as_list(r->pending);
    size_t n = 0;
    for (size_t i = 0; i < l->len; i++) n += ((KrExtCall *)kr_as_obj(l->items[i]))->state == KR_EXT_PENDING;
    return n;
}

bool kr_ext_deliver_async(KrRun *r, bool *delivered) {
    if (r->pending == KR_NULL) return true;
    KrList *l = kr_as_list(r->pending);
    for (size_t i = 0; i < l->len;) {
        KrExtCall *c = (KrExtCall *)kr_as_obj(l->items[i]);
        if (c->waiter == KR_NULL || c->state == KR_EXT_PENDING) {
            i++;
            continue;
        }
        bool failed = c->state == KR_EXT_REJECTED;
        if (!kr_asyncio_host_done(r, c->waiter, failed ? KR_NULL : c->result, failed ? c->result : KR_NULL))
            return false;
        kr_ext_call_unregister(r, c);
        *delivered = true;
    }
    return true;
}

// ---- an async call as the code sees it: a coroutine ---------------------------------------
// Its first step registers the call with the host and yields an asyncio
// future; the host's answer completes the future, and the step after that
// returns the value (or raises the exception) where the code awaits.

static KrValue ext_call_finished(KrRun *r, KrExtCall *c) {
    c->state = KR_EXT_DONE;
    kr_ext_call_unregister(r, c);
    return KR_NONE;
}

static KrValue ext_call_next(KrRun *r, KrValue self) {
    KrExtCall *c = (KrExtCall *)kr_as_obj(self);
    if (c->state == KR_EXT_DONE) return kr_raise(r, &kr_exc_RuntimeError, "cannot reuse already awaited coroutine");
    if (c->waiter == KR_NULL) {
        KrValue fut = kr_asyncio_host_future(r);
        if (fut == KR_EXC) return KR_EXC;
        c->waiter = fut;
        return kr_ext_call_register(r, self) ? fut : KR_EXC;
    }
    KrValue out = kr_asyncio_future_outcome(r, c->waiter);
    if (out == KR_NULL) return c->waiter;
    ext_call_finished(r, c);
    if (out == KR_EXC || out == KR_NONE) return out == KR_EXC ? KR_EXC : KR_STOP;
    KrValue args = kr_tuple_from_array(r, &out, 1);
    KrValue stop = args == KR_EXC ? KR_EXC : kr_exc_new(r, &kr_exc_StopIteration, args);
    if (stop == KR_EXC) return KR_EXC;
    r->stop_exc = stop;
    return KR_STOP;
}

static KrValue ext_call_await(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (argc || kw != KR_NULL) return kr_raise(r, &kr_exc_TypeError, "__await__() takes no arguments");
    return self;
}

static KrValue ext_call_send(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (argc != 1 || kw != KR_NULL) return kr_raise(r, &kr_exc_TypeError, "send() takes exactly one argument");
    KrValue v = ext_call_next(r, self);
    if (v != KR_STOP) return v;
    KrValue stop = r->stop_exc;
    r->stop_exc = KR_NULL;
    return stop != KR_NULL ? kr_raise_value(r, stop) : kr_raise(r, &kr_exc_StopIteration, "%s", "");
}

// throw(exc): the call is abandoned (the host's answer, if any, is dropped).
static KrValue ext_call_throw(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (argc < 1 || kw != KR_NULL) return kr_raise(r, &kr_exc_TypeError, "throw expected at least 1 argument");
    ext_call_finished(r, (KrExtCall *)kr_as_obj(self));
    return kr_raise_value(r, args[0]);
}

static KrValue ext_call_close(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    return ext_call_finished(r, (KrExtCall *)kr_as_obj(self));
}

static const KrMethodDef ext_call_methods[] = {
    {"__await__", ext_call_await, 0},
    {"send", ext_call_send, 0},
    {"throw", ext_call_throw, 0},
    {"close", ext_call_close, 0},
    {NULL, NULL, 0},
};

static KrValue ext_call_get_name(KrRun *r, KrValue self) {
    return ext_fn_get_name(r, ((KrExtCall *)kr_as_obj(self))->fn);
}

static const KrGetSetDef ext_call_getsets[] = {
    {"__name__", ext_call_get_name},
    {"__qualname__", ext_call_get_name},
    {NULL, NULL},
};

const KrType kr_type_external_call = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "coroutine",
    .base = &kr_type_object,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(KrExtCall),
    .trace = ext_call_trace,
    .repr = ext_call_repr,
    .hash = kr_identity_hash,
    .next = ext_call_next,
    .methods = ext_call_methods,
    .getsets = ext_call_getsets,
    .snap = &ext_call_snap,
};

// ---- run snapshots ----------------------------------------------------------------------------

static const KrRsField ext_fn_fields[] = {
    KR_RS_FIELD(KrExtFn, name, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_str),
    KR_RS_SCALAR(KrExtFn, is_async, KR_RSF_BOOL),
    KR_RS_END,
};

static const KrSnapOps ext_fn_snap = {ext_fn_fields, NULL, NULL, NULL};

static const KrRsField ext_call_fields[] = {
    KR_RS_FIELD(KrExtCall, fn, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_external),
    KR_RS_FIELD(KrExtCall, args, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_tuple),
    KR_RS_FIELD(KrExtCall, kwargs, KR_RSF_VALUE, KR_RS_EXACT | KR_RS_NULL, &kr_type_dict),
    KR_RS_SCALAR(KrExtCall, id, KR_RSF_U64),
    KR_RS_SCALAR(KrExtCall, state, KR_RSF_U32),
    KR_RS_VALN(KrExtCall, result),
    KR_RS_VALN(KrExtCall, waiter),
    KR_RS_END,
};

// The host's answer is a value, or an exception when rejected; an async
// call waits on an asyncio future.
static bool ext_call_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const KrExtCall *c = (const KrExtCall *)o;
    if (stage == 0) return true;
    if (c->state > KR_EXT_DONE) return kr_rs_fail(rd, "bad external call state");
    if (c->waiter != KR_NULL && !kr_asyncio_is_future(c->waiter)) return kr_rs_fail(rd, "an external call waiting on a non-future");
    if (c->state == KR_EXT_RESOLVED && c->result == KR_NULL) return kr_rs_fail(rd, "an answered call without its answer");
    if (c->state == KR_EXT_REJECTED && !kr_rs_value_ok(c->result, KR_RS_EXC, NULL))
        return kr_rs_fail(rd, "a rejected call without an exception");
    if (c->kwargs != KR_NULL) {
        size_t pos = 0;
        KrValue k;
        while (kr_dict_next(kr_as_dict(c->kwargs), &pos, &k, NULL))
            if (!kr_is_str(k)) return kr_rs_fail(rd, "an external call with a non-str keyword");
    }
    return true;
}

static const KrSnapOps ext_call_snap = {ext_call_fields, NULL, NULL, ext_call_snap_finish};
