// mappingproxy: the read-only view a class's __dict__ returns. It reads
// through to the class namespace (so it stays live) and has no way to write.
#include "../types.h"
#include "../ops.h"
#include "../runsnap.h"

static const KrSnapOps mp_snap;

typedef struct MappingProxy {
    KrObj ob;
    KrValue mapping;
} MappingProxy;

static KrValue mp_of(KrValue v) { return ((MappingProxy *)kr_as_obj(v))->mapping; }

static void mp_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((MappingProxy *)o)->mapping); }

KrValue kr_mappingproxy_new(KrRun *r, KrValue mapping) {
    MappingProxy *p = kr_gc_alloc(r, &kr_type_mappingproxy, sizeof(MappingProxy));
    if (!p) return KR_EXC;
    p->mapping = mapping;
    return kr_from_obj(p);
}

static KrValue mp_repr(KrRun *r, KrValue v) {
    KrValue inner = kr_repr(r, mp_of(v));
    if (inner == KR_EXC) return KR_EXC;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_append_str(&b, "mappingproxy(") &&
              kr_buf_append(&b, kr_as_str(inner)->data, kr_as_str(inner)->nbytes) && kr_buf_append_char(&b, ')');
    KrValue s = ok ? kr_str_from_buf(r, &b) : kr_raise(r, &kr_exc_MemoryError, "repr");
    kr_buf_free(&b);
    return s;
}

// str() shows the mapping itself; only repr() names the proxy
static KrValue mp_str(KrRun *r, KrValue v) { return kr_str(r, mp_of(v)); }

static KrValue mp_getitem(KrRun *r, KrValue v, KrValue key) { return kr_getitem(r, mp_of(v), key); }
static bool mp_len(KrRun *r, KrValue v, size_t *out) { return kr_len(r, mp_of(v), out); }
static int mp_contains(KrRun *r, KrValue v, KrValue x) { return kr_contains(r, mp_of(v), x); }
static KrValue mp_iter(KrRun *r, KrValue v) { return kr_iter(r, mp_of(v)); }
static KrValue mp_compare(KrRun *r, KrValue a, KrValue b, KrCmpOp op) {
    return kr_compare(r, mp_of(a), b, op);
}

// The read methods forward to the underlying mapping's own.
static KrValue mp_forward(KrRun *r, KrValue self, const char *name, size_t argc, const KrValue *args,
                          KrValue kwnames) {
    if (!kr_is_type(self, &kr_type_mappingproxy))
        return kr_raise(r, &kr_exc_TypeError, "descriptor '%s' requires a 'mappingproxy' object", name);
    KrValue m = kr_getattr_cstr(r, mp_of(self), name);
    if (m == KR_EXC) return KR_EXC;
    kr_root_push(r, &m);
    KrValue res = kr_call(r, m, argc, args, kwnames);
    kr_root_pop(r, 1);
    return res;
}

#define MP_FORWARD(pyname)                                                                          \
    static KrValue mp_m_##pyname(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) { \
        return mp_forward(r, self, #pyname, argc, args, kw);                                        \
    }
MP_FORWARD(keys)
MP_FORWARD(values)
MP_FORWARD(items)
MP_FORWARD(get)
MP_FORWARD(copy)

static const KrMethodDef mp_methods[] = {
    {"keys", mp_m_keys, 0}, {"values", mp_m_values, 0}, {"items", mp_m_items, 0},
    {"get", mp_m_get, 0},   {"copy", mp_m_copy, 0},     {NULL, NULL, 0},
};

const KrType kr_type_mappingproxy = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "mappingproxy",
    .base = &kr_type_object,
    .basic_size = sizeof(MappingProxy),
    .trace = mp_trace,
    .repr = mp_repr,
    .str = mp_str,
    .getitem = mp_getitem,
    .len = mp_len,
    .contains = mp_contains,
    .iter = mp_iter,
    .compare = mp_compare,
    .methods = mp_methods,
    .snap = &mp_snap,
};

// ---- run snapshots ----------------------------------------------------------------------------

static const KrRsField mp_fields[] = {KR_RS_VAL(MappingProxy, mapping), KR_RS_END};
static const KrSnapOps mp_snap = {mp_fields, NULL, NULL, NULL};
