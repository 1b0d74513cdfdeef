// external.c: external functions (host tools the run may call) and the
// call records the run hands to the host. Calling an external function
// from the VM's own loop pauses the run (see vm.c, CALL); the host answers
// the call record and the run continues at the call site. Native code
// cannot pause in the middle of itself, so a call made from native code
// (a key= function of sorted, map) raises a clear RuntimeError instead.
#include "../types.h"
#include "../vm.h"
#include "external.h"

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
};

KrValue kr_ext_fn_new(KrRun *r, KrValue name, bool is_async) {
    KrExtFn *fn = kr_gc_alloc(r, &kr_type_external, sizeof(KrExtFn));
    if (!fn) return KR_EXC;
    fn->name = name;
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
    bool ok = kr_buf_printf(&b, "<external call %s>", kr_as_str(((KrExtFn *)kr_as_obj(c->fn))->name)->data);
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}

KrValue kr_ext_call_new(KrRun *r, KrValue fn, size_t argc, const KrValue *args, KrValue kwnames) {
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    KrValue tup = kr_tuple_from_array(r, args, argc);
    if (tup == KR_EXC) return KR_EXC;
    KrValue kw = KR_NULL;
    if (nkw) {
        kw = kr_dict_new_sized(r, nkw);
        if (kw == KR_EXC) return KR_EXC;
        for (size_t i = 0; i < nkw; i++)
            if (!kr_dict_set(r, kr_as_dict(kw), kr_as_tuple(kwnames)->items[i], args[argc + i])) return KR_EXC;
    }
    KrExtCall *c = kr_gc_alloc(r, &kr_type_external_call, sizeof(KrExtCall));
    if (!c) return KR_EXC;
    c->fn = fn;
    c->args = tup;
    c->kwargs = kw;
    c->id = 0;
    c->state = KR_EXT_NEW;
    c->result = KR_NULL;
    c->waiter = KR_NULL;
    return kr_from_obj(c);
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

const KrType kr_type_external_call = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "external_call",
    .base = &kr_type_object,
    .basic_size = sizeof(KrExtCall),
    .trace = ext_call_trace,
    .repr = ext_call_repr,
    .hash = kr_identity_hash,
};
