// suggest.c: "Did you mean: 'x'?" for uncaught NameError and
// AttributeError, with CPython 3.11's rules: a Levenshtein distance where
// a case change costs 1 and any other edit 2, accepted when within
// (len(a) + len(b) + 3) * 2 // 6, the closest candidate winning (the first
// one on ties).
#include "types.h"
#include "vm.h"

#define SG_MOVE 2
#define SG_CASE 1
#define SG_MAX_LEN 40
#define SG_MAX_CANDIDATES 750

static size_t sg_decode(const KrStr *s, uint32_t *out) {
    size_t n = 0;
    for (size_t i = 0; i < s->nbytes && n < SG_MAX_LEN + 1;) out[n++] = kr_utf8_decode(s->data, s->nbytes, &i);
    return n;
}

static uint32_t sg_lower(uint32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static size_t sg_subst(uint32_t a, uint32_t b) {
    if (a == b) return 0;
    return sg_lower(a) == sg_lower(b) ? SG_CASE : SG_MOVE;
}

static size_t sg_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, size_t max_cost) {
    while (na && nb && a[0] == b[0]) a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1]) na--, nb--;
    if (!na || !nb) return (na + nb) * SG_MOVE;
    if (na > SG_MAX_LEN || nb > SG_MAX_LEN) return max_cost + 1;
    if (nb < na) {
        const uint32_t *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if ((nb - na) * SG_MOVE > max_cost) return max_cost + 1;
    size_t buf[SG_MAX_LEN];
    for (size_t i = 0; i < na; i++) buf[i] = (i + 1) * SG_MOVE;
    size_t result = 0;
    for (size_t bi = 0; bi < nb; bi++) {
        size_t distance = result = bi * SG_MOVE;
        size_t minimum = SIZE_MAX;
        for (size_t i = 0; i < na; i++) {
            size_t substitute = distance + sg_subst(b[bi], a[i]);
            distance = buf[i];
            size_t insert_delete = (result < distance ? result : distance) + SG_MOVE;
            result = insert_delete < substitute ? insert_delete : substitute;
            buf[i] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

typedef struct {
    uint32_t name[SG_MAX_LEN + 1];
    size_t nname;
    const KrStr *best;
    size_t best_dist;
} SgState;

static void sg_consider(SgState *st, const KrStr *cand) {
    uint32_t c[SG_MAX_LEN + 1];
    size_t nc = sg_decode(cand, c);
    if (nc == st->nname && memcmp(c, st->name, nc * sizeof *c) == 0) return;
    size_t max = (st->nname + nc + 3) * SG_MOVE / 6;
    if (st->best && st->best_dist - 1 < max) max = st->best_dist - 1;
    size_t d = sg_distance(st->name, st->nname, c, nc, max);
    if (d > max) return;
    if (!st->best || d < st->best_dist) {
        st->best = cand;
        st->best_dist = d;
    }
}

static bool sg_init(SgState *st, KrValue name) {
    memset(st, 0, sizeof *st);
    if (!kr_is_str(name) || kr_as_str(name)->len > SG_MAX_LEN) return false;
    st->nname = sg_decode(kr_as_str(name), st->name);
    return true;
}

// The closest name among the str items of a list (CPython gives up on
// lists of 750 names or more).
static KrValue sg_best_in_list(KrValue name, KrValue list) {
    SgState st;
    if (list == KR_EXC || !sg_init(&st, name)) return KR_NULL;
    KrList *l = kr_as_list(list);
    if (l->len >= SG_MAX_CANDIDATES) return KR_NULL;
    for (size_t i = 0; i < l->len; i++)
        if (kr_is_str(l->items[i])) sg_consider(&st, kr_as_str(l->items[i]));
    return st.best ? kr_from_obj(st.best) : KR_NULL;
}

static KrValue sg_names_of(KrRun *r, KrValue dict) {
    if (dict == KR_NULL || !kr_isinstance(dict, &kr_type_dict)) return KR_EXC;
    KrValue l = kr_list_from_iter(r, dict);
    if (l == KR_EXC) kr_clear_exc(r);
    return l;
}

// NameError: the frame's locals, then its globals, then the builtins.
KrValue kr_suggest_local(KrRun *r, KrFrame *f, KrValue name) {
    // (a class body has no local variables of its code, as CPython sees it)
    if (!f || f->func == KR_NULL || f->ns != KR_NULL) return KR_NULL;
    KrValue locals = kr_vm_frame_locals(r, f);
    if (locals != KR_EXC) return sg_best_in_list(name, sg_names_of(r, locals));
    kr_clear_exc(r);
    return KR_NULL;
}

// The builtins namespace's names: the functions and types, and the
// constants it holds too (`true` suggests 'True').
static KrValue sg_builtin_names(KrRun *r) {
    static const char *const constants[] = {"None", "Ellipsis", "NotImplemented", "False", "True", "__debug__"};
    KrValue l = kr_builtin_names(r);
    for (size_t i = 0; l != KR_EXC && i < sizeof constants / sizeof constants[0]; i++) {
        KrValue s = kr_str_from_cstr(r, constants[i]);
        if (s == KR_EXC || !kr_list_append(r, kr_as_list(l), s)) l = KR_EXC;
    }
    return l;
}

KrValue kr_suggest_global(KrRun *r, KrValue globals, KrValue name) {
    KrValue best = sg_best_in_list(name, sg_names_of(r, globals));
    if (best == KR_NULL) {
        KrValue builtins = sg_builtin_names(r);
        if (builtins == KR_EXC) kr_clear_exc(r);
        else best = sg_best_in_list(name, builtins);
    }
    return best;
}

// AttributeError: the names dir(obj) lists.
KrValue kr_suggest_attr(KrRun *r, KrValue obj, KrValue name) {
    KrValue names = kr_dir_list(r, obj);
    if (names == KR_EXC) {
        kr_clear_exc(r);
        return KR_NULL;
    }
    return sg_best_in_list(name, names);
}
