// iter.c: iterator objects: the sequence iterators over lists and tuples
// (which stop cleanly when the list shrinks under them), the __getitem__
// protocol iterator, reversed(), and the lazy builtins enumerate, zip, map
// and filter (each a type whose construct is the builtin call).
//
// The next functions may run Python code (kr_next on a generator, a map
// function): values they hold across such a call are rooted, everything
// else they keep lives in the (traced) iterator object.
#include "../types.h"
#include "../runsnap.h"

static const KrSnapOps listiter_snap, tupleiter_snap, anyiter_snap, enumerate_snap, zip_snap, map_snap, filter_snap;

static const KrStr iter_s_reversed = KR_STATIC_STR("__reversed__");
static const KrStr iter_s_getitem = KR_STATIC_STR("__getitem__");

// ---- shared pieces ------------------------------------------------------------------

KrValue kr_seqiter_new(KrRun *r, const KrType *t, KrValue seq) {
    size_t size = t->basic_size > sizeof(KrSeqIter) ? t->basic_size : sizeof(KrSeqIter);
    KrSeqIter *it = kr_gc_alloc(r, t, size);
    if (!it) return KR_EXC;
    memset((char *)it + sizeof(KrObj), 0, size - sizeof(KrObj));
    it->seq = seq;
    return kr_from_obj(it);
}

// "<enumerate object at 0x...>" as CPython prints it, but the number is the
// object's identity within the run (no host address may leak).
KrValue kr_iter_repr(KrRun *r, KrValue v) {
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<%s object at 0x%llx>", kr_type_name(v),
                            (unsigned long long)kr_object_id(r, v));
    KrValue s = ok ? kr_str_from_buf(r, &b) : KR_EXC;
    kr_buf_free(&b);
    return s;
}


KrValue kr_iter_meth_iter(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    return kr_wrapper_args(r, "__iter__", argc, kwnames, 0, 0) ? self : KR_EXC;
}

KrValue kr_iter_meth_next(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kwnames) {
    (void)args;
    if (!kr_wrapper_args(r, "__next__", argc, kwnames, 0, 0)) return KR_EXC;
    const KrType *t = kr_typeof(self);
    if (!t->next) return kr_raise(r, &kr_exc_TypeError, "'%s' object is not an iterator", t->name);
    KrValue v = t->next(r, self);
    return v == KR_STOP ? kr_raise_value(r, kr_from_obj(&kr_exc_StopIteration)) : v;
}

static KrValue iter_self(KrRun *r, KrValue o) {
    (void)r;
    return o;
}

// A pending StopIteration from a called function ends the iteration, as
// it does in CPython's map and filter.
static KrValue iter_stop_if_stopiteration(KrRun *r) {
    if (!kr_pending_is(r, &kr_exc_StopIteration)) return KR_EXC;
    kr_clear_exc(r);
    return KR_STOP;
}

// ---- sequence iterators -----------------------------------------------------------------
// seq becomes KR_NULL once exhausted, so a list that grows afterwards does
// not restart it. list_reverseiterator's index is one past the next item.

static KrSeqIter *iter_seq(KrValue v) { return (KrSeqIter *)kr_as_obj(v); }

static void iter_seq_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((KrSeqIter *)o)->seq); }

static KrValue iter_list_next(KrRun *r, KrValue o) {
    (void)r;
    KrSeqIter *it = iter_seq(o);
    if (it->seq == KR_NULL) return KR_STOP;
    KrList *l = kr_as_list(it->seq);
    if (it->index < l->len) return l->items[it->index++];
    it->seq = KR_NULL;
    return KR_STOP;
}

static KrValue iter_listrev_next(KrRun *r, KrValue o) {
    (void)r;
    KrSeqIter *it = iter_seq(o);
    if (it->seq == KR_NULL) return KR_STOP;
    KrList *l = kr_as_list(it->seq);
    if (it->index > 0 && it->index <= l->len) return l->items[--it->index];
    it->seq = KR_NULL;
    return KR_STOP;
}

static KrValue iter_tuple_next(KrRun *r, KrValue o) {
    (void)r;
    KrSeqIter *it = iter_seq(o);
    if (it->seq == KR_NULL) return KR_STOP;
    KrTuple *t = kr_as_tuple(it->seq);
    if (it->index < t->len) return t->items[it->index++];
    it->seq = KR_NULL;
    return KR_STOP;
}

// seq[i] through the __getitem__ protocol; IndexError or StopIteration
// means the end.
static KrValue iter_getitem_at(KrRun *r, KrSeqIter *it, size_t i) {
    KrValue v = kr_getitem(r, it->seq, kr_from_small((int64_t)i));
    if (v != KR_EXC) return v;
    if (!kr_pending_is(r, &kr_exc_IndexError) && !kr_pending_is(r, &kr_exc_StopIteration)) return KR_EXC;
    kr_clear_exc(r);
    it->seq = KR_NULL;
    return KR_STOP;
}

static KrValue iter_getitem_next(KrRun *r, KrValue o) {
    KrSeqIter *it = iter_seq(o);
    if (it->seq == KR_NULL) return KR_STOP;
    KrValue v = iter_getitem_at(r, it, it->index);
    if (v != KR_EXC && v != KR_STOP) it->index++;
    return v;
}

static KrValue iter_reversed_next(KrRun *r, KrValue o) {
    KrSeqIter *it = iter_seq(o);
    if (it->seq == KR_NULL) return KR_STOP;
    if (it->index == 0) {
        it->seq = KR_NULL;
        return KR_STOP;
    }
    KrValue v = iter_getitem_at(r, it, it->index - 1);
    if (v != KR_EXC && v != KR_STOP) it->index--;
    return v;
}

static KrValue iter_m_length_hint(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_wrapper_args(r, "__length_hint__", argc, kw, 0, 0)) return KR_EXC;
    KrSeqIter *it = iter_seq(self);
    size_t n = 0;
    if (it->seq == KR_NULL) n = 0;
    else if (kr_is_type(self, &kr_type_list_iterator))
        n = it->index < kr_as_list(it->seq)->len ? kr_as_list(it->seq)->len - it->index : 0;
    else if (kr_is_type(self, &kr_type_tuple_iterator)) n = kr_as_tuple(it->seq)->len - it->index;
    else if (kr_is_type(self, &kr_type_list_reverseiterator))
        n = it->index <= kr_as_list(it->seq)->len ? it->index : 0;
    else if (kr_is_type(self, &kr_type_reversed)) n = it->index;
    else return kr_raise(r, &kr_exc_TypeError, "__length_hint__ does not apply to '%s'", kr_type_name(self));
    return kr_from_small((int64_t)n);
}

static const KrMethodDef iter_seq_methods[] = {
    {"__iter__", kr_iter_meth_iter, 0},
    {"__next__", kr_iter_meth_next, 0},
    {"__length_hint__", iter_m_length_hint, 0},
    {NULL, NULL, 0},
};

static const KrMethodDef iter_plain_methods[] = {
    {"__iter__", kr_iter_meth_iter, 0},
    {"__next__", kr_iter_meth_next, 0},
    {NULL, NULL, 0},
};

#define ITER_SEQ_TYPE(cname, pyname, nextfn, meths, snapops)                          \
    const KrType cname = {                                                            \
        KR_STATIC_HEADER(&kr_type_type),                                              \
        .name = pyname,                                                               \
        .base = &kr_type_object,                                                      \
        .basic_size = sizeof(KrSeqIter),                                              \
        .trace = iter_seq_trace,                                                      \
        .repr = kr_iter_repr,                                                         \
        .iter = iter_self,                                                            \
        .next = nextfn,                                                               \
        .methods = meths,                                                             \
        .snap = &snapops,                                                             \
    }

ITER_SEQ_TYPE(kr_type_list_iterator, "list_iterator", iter_list_next, iter_seq_methods, listiter_snap);
ITER_SEQ_TYPE(kr_type_list_reverseiterator, "list_reverseiterator", iter_listrev_next, iter_seq_methods, listiter_snap);
ITER_SEQ_TYPE(kr_type_tuple_iterator, "tuple_iterator", iter_tuple_next, iter_seq_methods, tupleiter_snap);
ITER_SEQ_TYPE(kr_type_iterator, "iterator", iter_getitem_next, iter_plain_methods, anyiter_snap);

// ---- reversed -------------------------------------------------------------------------------

static KrValue iter_not_reversible(KrRun *r, KrValue seq) {
    return kr_raise(r, &kr_exc_TypeError, "'%s' object is not reversible", kr_type_name(seq));
}

// Does seq support the sequence protocol (__getitem__, and not a dict)?
static int iter_is_sequence(KrRun *r, KrValue seq) {
    const KrType *t = kr_typeof(seq);
    if (kr_isinstance(seq, &kr_type_dict)) return 0;
    if (!(t->flags & KR_TF_HEAP)) return t->getitem != NULL;
    KrValue m = kr_getattr_opt(r, seq, (KrStr *)&iter_s_getitem);
    return m == KR_EXC ? -1 : m != KR_NULL;
}

static KrValue iter_reversed_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                                       KrValue kwnames) {
    (void)t;
    if (!kr_args_no_kw(r, "reversed", kwnames)) return KR_EXC;
    if (argc != 1) return kr_raise(r, &kr_exc_TypeError, "reversed expected 1 argument, got %zu", argc);
    KrValue seq = args[0];
    // a class: CPython looks for __reversed__ on its type (type has none)
    if (kr_typeof(seq) == &kr_type_type) return iter_not_reversible(r, seq);
    if (kr_is_type(seq, &kr_type_range)) return kr_range_reversed(r, seq);
    size_t n;
    if (kr_is_type(seq, &kr_type_list)) {
        KrValue it = kr_seqiter_new(r, &kr_type_list_reverseiterator, seq);
        if (it != KR_EXC) iter_seq(it)->index = kr_as_list(seq)->len;
        return it;
    }
    if (!kr_is_type(seq, &kr_type_tuple) && !kr_is_type(seq, &kr_type_str)) {
        KrValue m = kr_getattr_opt(r, seq, (KrStr *)&iter_s_reversed);
        if (m == KR_EXC) return KR_EXC;
        if (m == KR_NONE) return iter_not_reversible(r, seq);
        if (m != KR_NULL) return kr_call0(r, m);
    }
    int k = iter_is_sequence(r, seq);
    if (k <= 0) return k < 0 ? KR_EXC : iter_not_reversible(r, seq);
    if (!kr_len(r, seq, &n)) return KR_EXC;
    KrValue it = kr_seqiter_new(r, &kr_type_reversed, seq);
    if (it != KR_EXC) iter_seq(it)->index = n;
    return it;
}

const KrType kr_type_reversed = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "reversed",
    .base = &kr_type_object,
    .basic_size = sizeof(KrSeqIter),
    .trace = iter_seq_trace,
    .construct = iter_reversed_construct,
    .repr = kr_iter_repr,
    .iter = iter_self,
    .next = iter_reversed_next,
    .methods = iter_seq_methods,
    .snap = &anyiter_snap,
};

// ---- enumerate --------------------------------------------------------------------------------

typedef struct IterEnumerate {
    KrObj ob;
    KrValue it;
    KrValue count; // int of any size
} IterEnumerate;

static void iter_enumerate_trace(KrRun *r, KrObj *o) {
    kr_gc_mark(r, ((IterEnumerate *)o)->it);
    kr_gc_mark(r, ((IterEnumerate *)o)->count);
}

static KrValue iter_enumerate_next(KrRun *r, KrValue o) {
    IterEnumerate *e = (IterEnumerate *)kr_as_obj(o);
    KrValue v = kr_next(r, e->it);
    if (v == KR_STOP || v == KR_EXC) return v;
    KrValue next = kr_is_small(e->count) ? kr_int_from_i64(r, kr_as_small(e->count) + 1)
                                         : kr_int_binary(r, e->count, kr_from_small(1), KR_BIN_ADD);
    KrValue res = next == KR_EXC ? KR_EXC : kr_tuple_pack2(r, e->count, v);
    if (res != KR_EXC) e->count = next;
    return res;
}

// CPython 3.11's enumerate argument rules: a lone keyword must name the
// next positional parameter; two keywords must be iterable and start.
static bool iter_enumerate_args(KrRun *r, size_t argc, const KrValue *args, KrValue kwnames,
                                KrValue *iterable, KrValue *start) {
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    if (argc + nkw > 2) {
        kr_raise(r, &kr_exc_TypeError, "enumerate() takes at most 2 arguments (%zu given)", argc + nkw);
        return false;
    }
    if (argc + nkw == 0) {
        kr_raise(r, &kr_exc_TypeError, "enumerate() missing required argument 'iterable'");
        return false;
    }
    *iterable = argc > 0 ? args[0] : KR_NULL;
    *start = argc > 1 ? args[1] : KR_NULL;
    for (size_t i = 0; i < nkw; i++) {
        KrStr *name = kr_as_str(kr_as_tuple(kwnames)->items[i]);
        if (argc == 0 && kr_str_eq_cstr(name, "iterable")) *iterable = args[argc + i];
        else if ((argc == 1 || nkw == 2) && kr_str_eq_cstr(name, "start")) *start = args[argc + i];
        else {
            kr_raise(r, &kr_exc_TypeError, "'%s' is an invalid keyword argument for enumerate()", name->data);
            return false;
        }
    }
    return true;
}

static KrValue iter_enumerate_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                                        KrValue kwnames) {
    (void)t;
    KrValue iterable, start;
    if (!iter_enumerate_args(r, argc, args, kwnames, &iterable, &start)) return KR_EXC;
    KrValue count = kr_from_small(0);
    if (start != KR_NULL) {
        int64_t i;
        if (kr_is_small(start) || kr_is_type(start, &kr_type_int)) count = start;
        else if (!kr_index(r, start, &i) || (count = kr_int_from_i64(r, i)) == KR_EXC) return KR_EXC;
    }
    KrValue it = kr_iter(r, iterable);
    if (it == KR_EXC) return KR_EXC;
    IterEnumerate *e = kr_gc_alloc(r, &kr_type_enumerate, sizeof(IterEnumerate));
    if (!e) return KR_EXC;
    e->it = it;
    e->count = count;
    return kr_from_obj(e);
}

const KrType kr_type_enumerate = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "enumerate",
    .base = &kr_type_object,
    .basic_size = sizeof(IterEnumerate),
    .trace = iter_enumerate_trace,
    .construct = iter_enumerate_construct,
    .repr = kr_iter_repr,
    .iter = iter_self,
    .next = iter_enumerate_next,
    .methods = iter_plain_methods,
    .snap = &enumerate_snap,
};

// ---- zip and map: several iterators in a tuple --------------------------------------------------

// A tuple of iter(v) for each v (rooted while filling: __iter__ may run
// Python code).
static KrValue iter_tuple_of_iters(KrRun *r, const KrValue *vals, size_t n) {
    KrValue t = kr_tuple_new(r, n);
    if (t == KR_EXC || n == 0) return t;
    kr_root_push(r, &t);
    for (size_t i = 0; i < n && t != KR_EXC; i++) {
        KrValue it = kr_iter(r, vals[i]);
        if (it == KR_EXC) t = KR_EXC;
        else kr_as_tuple(t)->items[i] = it;
    }
    kr_root_pop(r, 1);
    return t;
}

// Fills a new tuple with the next item of each iterator; KR_STOP at the
// first exhausted one (*which says which).
static KrValue iter_next_of_each(KrRun *r, KrTuple *its, size_t *which) {
    KrValue res = kr_tuple_new(r, its->len);
    if (res == KR_EXC) return KR_EXC;
    kr_root_push(r, &res);
    for (size_t i = 0; i < its->len; i++) {
        KrValue v = kr_next(r, its->items[i]);
        if (v == KR_STOP || v == KR_EXC) {
            *which = i;
            res = v;
            break;
        }
        kr_as_tuple(res)->items[i] = v;
    }
    kr_root_pop(r, 1);
    return res;
}

typedef struct IterZip {
    KrObj ob;
    KrValue iters; // tuple
    bool strict;
} IterZip;

static void iter_zip_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((IterZip *)o)->iters); }

// strict=True: iterator i ran out; the others must all be out too.
static KrValue iter_zip_strict_end(KrRun *r, KrTuple *its, size_t i) {
    if (i > 0)
        return kr_raise(r, &kr_exc_ValueError, "zip() argument %zu is shorter than argument%s%zu", i + 1,
                        i == 1 ? " " : "s 1-", i);
    for (size_t j = 1; j < its->len; j++) {
        KrValue v = kr_next(r, its->items[j]);
        if (v == KR_EXC) return KR_EXC;
        if (v != KR_STOP)
            return kr_raise(r, &kr_exc_ValueError, "zip() argument %zu is longer than argument%s%zu",
                            j + 1, j == 1 ? " " : "s 1-", j);
    }
    return KR_STOP;
}

static KrValue iter_zip_next(KrRun *r, KrValue o) {
    IterZip *z = (IterZip *)kr_as_obj(o);
    KrTuple *its = kr_as_tuple(z->iters);
    if (its->len == 0) return KR_STOP;
    size_t which = 0;
    KrValue res = iter_next_of_each(r, its, &which);
    if (res == KR_STOP && z->strict) return iter_zip_strict_end(r, its, which);
    return res;
}

static KrValue iter_zip_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                                  KrValue kwnames) {
    (void)t;
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    if (nkw > 1)
        return kr_raise(r, &kr_exc_TypeError, "zip() takes at most 1 keyword argument (%zu given)", nkw);
    int strict = 0;
    if (nkw) {
        KrStr *name = kr_as_str(kr_as_tuple(kwnames)->items[0]);
        if (!kr_str_eq_cstr(name, "strict"))
            return kr_raise(r, &kr_exc_TypeError, "'%s' is an invalid keyword argument for zip()", name->data);
        if ((strict = kr_truth(r, args[argc])) < 0) return KR_EXC;
    }
    KrValue iters = iter_tuple_of_iters(r, args, argc);
    if (iters == KR_EXC) return KR_EXC;
    IterZip *z = kr_gc_alloc(r, &kr_type_zip, sizeof(IterZip));
    if (!z) return KR_EXC;
    z->iters = iters;
    z->strict = strict;
    return kr_from_obj(z);
}

const KrType kr_type_zip = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "zip",
    .base = &kr_type_object,
    .basic_size = sizeof(IterZip),
    .trace = iter_zip_trace,
    .construct = iter_zip_construct,
    .repr = kr_iter_repr,
    .iter = iter_self,
    .next = iter_zip_next,
    .methods = iter_plain_methods,
    .snap = &zip_snap,
};

typedef struct IterMap {
    KrObj ob;
    KrValue func;
    KrValue iters; // tuple, at least one
} IterMap;

static void iter_map_trace(KrRun *r, KrObj *o) {
    kr_gc_mark(r, ((IterMap *)o)->func);
    kr_gc_mark(r, ((IterMap *)o)->iters);
}

static KrValue iter_map_next(KrRun *r, KrValue o) {
    IterMap *m = (IterMap *)kr_as_obj(o);
    KrTuple *its = kr_as_tuple(m->iters);
    KrValue res;
    if (its->len == 1) {
        KrValue v = kr_next(r, its->items[0]);
        if (v == KR_STOP || v == KR_EXC) return v;
        res = kr_call1(r, m->func, v);
    } else {
        size_t which;
        KrValue args = iter_next_of_each(r, its, &which);
        if (args == KR_STOP || args == KR_EXC) return args;
        kr_root_push(r, &args);
        res = kr_call(r, m->func, its->len, kr_as_tuple(args)->items, KR_NULL);
        kr_root_pop(r, 1);
    }
    return res == KR_EXC ? iter_stop_if_stopiteration(r) : res;
}

static KrValue iter_map_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                                  KrValue kwnames) {
    (void)t;
    if (!kr_args_no_kw(r, "map", kwnames)) return KR_EXC;
    if (argc < 2) return kr_raise(r, &kr_exc_TypeError, "map() must have at least two arguments.");
    KrValue iters = iter_tuple_of_iters(r, args + 1, argc - 1);
    if (iters == KR_EXC) return KR_EXC;
    IterMap *m = kr_gc_alloc(r, &kr_type_map, sizeof(IterMap));
    if (!m) return KR_EXC;
    m->func = args[0];
    m->iters = iters;
    return kr_from_obj(m);
}

const KrType kr_type_map = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "map",
    .base = &kr_type_object,
    .basic_size = sizeof(IterMap),
    .trace = iter_map_trace,
    .construct = iter_map_construct,
    .repr = kr_iter_repr,
    .iter = iter_self,
    .next = iter_map_next,
    .methods = iter_plain_methods,
    .snap = &map_snap,
};

// ---- filter ----------------------------------------------------------------------------------------

typedef struct IterFilter {
    KrObj ob;
    KrValue func; // None: the items' own truth
    KrValue it;
} IterFilter;

static void iter_filter_trace(KrRun *r, KrObj *o) {
    kr_gc_mark(r, ((IterFilter *)o)->func);
    kr_gc_mark(r, ((IterFilter *)o)->it);
}

// Does item v pass? 1, 0, or -1 on error.
static int iter_filter_test(KrRun *r, IterFilter *f, KrValue v) {
    if (f->func == KR_NONE || f->func == kr_from_obj(&kr_type_bool)) return kr_truth(r, v);
    kr_root_push(r, &v); // the result's __bool__ may run Python code
    KrValue res = kr_call1(r, f->func, v);
    int t = res == KR_EXC ? -1 : kr_truth(r, res);
    kr_root_pop(r, 1);
    return t;
}

static KrValue iter_filter_next(KrRun *r, KrValue o) {
    IterFilter *f = (IterFilter *)kr_as_obj(o);
    for (;;) {
        KrValue v = kr_next(r, f->it);
        if (v == KR_STOP || v == KR_EXC) return v;
        int t = iter_filter_test(r, f, v);
        if (t < 0) return iter_stop_if_stopiteration(r);
        if (t) return v;
        if (!kr_run_tick(r, 1)) return KR_EXC;
    }
}

static KrValue iter_filter_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args,
                                     KrValue kwnames) {
    (void)t;
    if (!kr_args_no_kw(r, "filter", kwnames) || !kr_args_count(r, "filter", argc, 2, 2)) return KR_EXC;
    KrValue it = kr_iter(r, args[1]);
    if (it == KR_EXC) return KR_EXC;
    IterFilter *f = kr_gc_alloc(r, &kr_type_filter, sizeof(IterFilter));
    if (!f) return KR_EXC;
    f->func = args[0];
    f->it = it;
    return kr_from_obj(f);
}

const KrType kr_type_filter = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "filter",
    .base = &kr_type_object,
    .basic_size = sizeof(IterFilter),
    .trace = iter_filter_trace,
    .construct = iter_filter_construct,
    .repr = kr_iter_repr,
    .iter = iter_self,
    .next = iter_filter_next,
    .methods = iter_plain_methods,
    .snap = &filter_snap,
};

// ---- run snapshots ----------------------------------------------------------------------------

static const KrRsField listiter_fields[] = {
    KR_RS_FIELD(KrSeqIter, seq, KR_RSF_VALUE, KR_RS_SUB | KR_RS_NULL, &kr_type_list),
    KR_RS_SCALAR(KrSeqIter, index, KR_RSF_SIZE),
    KR_RS_END,
};
static const KrSnapOps listiter_snap = {listiter_fields, NULL, NULL, NULL};

static const KrRsField tupleiter_fields[] = {
    KR_RS_FIELD(KrSeqIter, seq, KR_RSF_VALUE, KR_RS_SUB | KR_RS_NULL, &kr_type_tuple),
    KR_RS_SCALAR(KrSeqIter, index, KR_RSF_SIZE),
    KR_RS_END,
};

// A tuple cannot change: its iterator stays within it.
static bool tupleiter_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const KrSeqIter *it = (const KrSeqIter *)o;
    return stage == 0 || it->seq == KR_NULL || it->index <= kr_as_tuple(it->seq)->len ||
           kr_rs_fail(rd, "a tuple iterator past its tuple");
}
static const KrSnapOps tupleiter_snap = {tupleiter_fields, NULL, NULL, tupleiter_snap_finish};

static const KrRsField anyiter_fields[] = {
    KR_RS_VALN(KrSeqIter, seq),
    KR_RS_SCALAR(KrSeqIter, index, KR_RSF_SIZE),
    KR_RS_END,
};
static const KrSnapOps anyiter_snap = {anyiter_fields, NULL, NULL, NULL};

static const KrRsField enumerate_fields[] = {
    KR_RS_VAL(IterEnumerate, it),
    KR_RS_FIELD(IterEnumerate, count, KR_RSF_VALUE, KR_RS_INT, NULL),
    KR_RS_END,
};
static const KrSnapOps enumerate_snap = {enumerate_fields, NULL, NULL, NULL};

static const KrRsField zip_fields[] = {
    KR_RS_FIELD(IterZip, iters, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_tuple),
    KR_RS_SCALAR(IterZip, strict, KR_RSF_BOOL),
    KR_RS_END,
};
static const KrSnapOps zip_snap = {zip_fields, NULL, NULL, NULL};

static const KrRsField map_fields[] = {
    KR_RS_VAL(IterMap, func),
    KR_RS_FIELD(IterMap, iters, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_tuple),
    KR_RS_END,
};

static bool map_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    return stage == 0 || kr_as_tuple(((IterMap *)o)->iters)->len > 0 || kr_rs_fail(rd, "map() of nothing");
}
static const KrSnapOps map_snap = {map_fields, NULL, NULL, map_snap_finish};

static const KrRsField filter_fields[] = {KR_RS_VAL(IterFilter, func), KR_RS_VAL(IterFilter, it), KR_RS_END};
static const KrSnapOps filter_snap = {filter_fields, NULL, NULL, NULL};
