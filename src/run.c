// run.c: creating and ending runs, the budget (ticks, clock, cancel),
#define _POSIX_C_SOURCE 200809L
// limit errors, output, identity numbers, and traceback text.
#include <stdio.h>
#include <time.h>
#include "vm.h"
#include "types.h"
#include "parser.h"
#include "unicode_db.h"
#include <string.h>

#define KR_TICKS 10000
#define KR_GC_FIRST ((size_t)4 << 20)

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

// A run and its first frame chunk are one block (the API puts the first
// pool chunk in its handle's block: both stay within malloc's per-thread
// cache).
#define RUN_HEAD (((sizeof(KrRun) + 15) & ~(size_t)15)) // the seed chunk stays 16-aligned

static size_t run_block_size(void) { return RUN_HEAD + kr_vm_seed_bytes(); }

KrRun *kr_run_create(KrAllocator alloc) {
    KrRun *r = alloc.fn(alloc.ud, NULL, 0, run_block_size());
    if (!r) return NULL;
    memset(r, 0, sizeof *r);
    r->alloc = alloc;
    r->roots = r->roots_inline;
    r->roots_cap = KR_ROOTS_INLINE;
    kr_vm_seed(r, (char *)r + RUN_HEAD);
    r->gc_threshold = KR_GC_FIRST;
    r->limits.max_recursion = 1000;
    r->ticks = KR_TICKS;
    r->exc = KR_NULL;
    r->exc_info = KR_NULL;
    r->exc_outer = KR_NULL;
    r->globals = KR_NULL;
    r->repr_guard = KR_NULL;
    r->main_name = KR_NULL;
    r->modules = KR_NULL;
    r->stop_exc = KR_NULL;
    r->pending = KR_NULL;
    r->paused_call = KR_NULL;
    r->spare_call = KR_NULL;
    r->main_coro = KR_NULL;
    r->result = KR_NONE;
    r->pause_depth = UINT32_MAX;
    // start_ns: set when a step begins (api.c), or at the first tick
    return r;
}

struct KrIdMap {
    size_t cap, used;
    uint64_t next;
    struct KrIdEntry {
        const KrObj *obj;
        uint64_t id;
    } *slots;
};

void kr_run_destroy(KrRun *r) {
    if (!r) return;
    if (r->mcache) kr_mem_free(r, r->mcache, 64 * 3 * sizeof(void *));
    kr_vm_free_gcache(r);
    kr_attr_sites_free(r);
    kr_vm_free_frames(r);
    kr_heap_free_all(r); // freed objects leave the id map: it goes after them
    if (r->ids) {
        kr_mem_free(r, r->ids->slots, r->ids->cap * sizeof *r->ids->slots);
        kr_mem_free(r, r->ids, sizeof *r->ids);
    }
    kr_heap_drain_pools(r);
    if (r->limit_frames) r->alloc.fn(r->alloc.ud, r->limit_frames, r->limit_frames_cap * sizeof *r->limit_frames, 0);
    r->alloc.fn(r->alloc.ud, r, run_block_size(), 0);
}

bool kr_run_tick_slow(KrRun *r) {
    r->ticks = KR_TICKS;
    if (r->limit_hit) return false;
    if (r->cancel_flag && *r->cancel_flag) {
        kr_raise_limit(r, KR_LIMIT_CANCEL, 0);
        return false;
    }
    if (r->limits.max_duration_ns) {
        if (r->start_ns == 0) r->start_ns = now_ns(); // a run made without the API: counts from here
        uint64_t elapsed = now_ns() - r->start_ns;
        if (elapsed > r->limits.max_duration_ns) {
            kr_raise_limit(r, KR_LIMIT_DURATION, (size_t)(elapsed / 1000000u));
            return false;
        }
    }
    return true;
}

bool kr_run_fill(KrRun *r, void *dst, int c, size_t n) {
    for (char *d = dst; n;) {
        size_t k = n < KR_RUN_SLICE ? n : KR_RUN_SLICE;
        memset(d, c, k);
        d += k;
        n -= k;
        if (!kr_run_tick_bytes(r, k)) return false;
    }
    return true;
}

bool kr_run_copy(KrRun *r, void *dst, const void *src, size_t n) {
    char *d = dst;
    for (const char *s = src; n;) {
        size_t k = n < KR_RUN_SLICE ? n : KR_RUN_SLICE;
        memcpy(d, s, k);
        d += k;
        s += k;
        n -= k;
        if (!kr_run_tick_bytes(r, k)) return false;
    }
    return true;
}

bool kr_run_repeat(KrRun *r, void *d, size_t unit, size_t total) {
    char *p = d;
    for (size_t done = unit; done < total;) {
        size_t k = done < total - done ? done : total - done;
        if (!kr_run_copy(r, p + done, p, k)) return false;
        done += k;
    }
    return true;
}

KrValue kr_raise_limit(KrRun *r, KrLimitKind kind, size_t amount) {
    if (!r->limit_hit) {
        r->limit_hit = kind;
        r->limit_amount = amount;
    }
    r->exc = KR_NULL;
    return KR_EXC;
}

bool kr_run_write(KrRun *r, int stream, const char *s, size_t n) {
    if (r->limits.max_output && r->output_bytes + n > r->limits.max_output) {
        kr_raise_limit(r, KR_LIMIT_OUTPUT, r->output_bytes + n);
        return false;
    }
    r->output_bytes += n;
    if (r->write && n) r->write(r->write_ud, stream, s, n);
    return true;
}

void kr_run_flush(KrRun *r, int stream) {
    if (r->write) r->write(r->write_ud, stream, "", 0);
}

// ---- identity numbers --------------------------------------------------------------
// id() and default reprs show a number assigned on first use, so no host
// address ever reaches the sandboxed code and runs are deterministic.

static size_t id_slot(const struct KrIdMap *m, const KrObj *o) {
    uint64_t h = (uint64_t)(uintptr_t)o * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 20) & (m->cap - 1);
}

static bool id_grow(KrRun *r, struct KrIdMap *m) {
    size_t ncap = m->cap ? m->cap * 2 : 64;
    struct KrIdEntry *s = kr_mem_alloc(r, ncap * sizeof *s); // the run's memory: counted, limited
    if (!s) return false;
    memset(s, 0, ncap * sizeof *s);
    struct KrIdEntry *old = m->slots;
    size_t ocap = m->cap;
    m->slots = s;
    m->cap = ncap;
    for (size_t i = 0; i < ocap; i++) {
        if (!old[i].obj) continue;
        size_t j = id_slot(m, old[i].obj);
        while (m->slots[j].obj) j = (j + 1) & (ncap - 1);
        m->slots[j] = old[i];
    }
    if (old) kr_mem_free(r, old, ocap * sizeof *old);
    return true;
}

#define ID_FIRST 0x7f1000001000ull

static struct KrIdMap *id_map(KrRun *r) {
    if (!r->ids) {
        r->ids = kr_mem_alloc(r, sizeof *r->ids);
        if (!r->ids) return NULL;
        memset(r->ids, 0, sizeof *r->ids);
        r->ids->next = ID_FIRST;
    }
    return r->ids;
}

// The slot of o, or the empty slot where it goes; SIZE_MAX when the map
// cannot grow.
static size_t id_find(KrRun *r, struct KrIdMap *m, const KrObj *o) {
    if ((m->used + 1) * 2 > m->cap && !id_grow(r, m)) return SIZE_MAX;
    size_t j = id_slot(m, o);
    while (m->slots[j].obj && m->slots[j].obj != o) j = (j + 1) & (m->cap - 1);
    return j;
}

static void id_store(struct KrIdMap *m, size_t j, const KrObj *o, uint64_t id) {
    m->slots[j].obj = o;
    m->slots[j].id = id;
    m->used++;
    if (!(o->gc & KR_GC_STATIC)) ((KrObj *)o)->gc |= KR_GC_HASID;
}

uint64_t kr_object_id(KrRun *r, KrValue v) {
    if (!kr_is_ptr(v)) { // unboxed: derived from the whole word (floats differ in their top bits)
        uint64_t top = v >> 48;
        return 0x7f0000000000ull ^ ((v ^ top ^ (top << 24)) & 0xFFFFFFFFFFFFull);
    }
    const KrObj *o = kr_as_obj(v);
    struct KrIdMap *m = id_map(r);
    size_t j = m ? id_find(r, m, o) : SIZE_MAX;
    if (j == SIZE_MAX) return 0;
    if (m->slots[j].obj == o) return m->slots[j].id;
    id_store(m, j, o, m->next);
    m->next += 48;
    return m->slots[j].id;
}

bool kr_object_id_peek(const KrRun *r, const void *o, uint64_t *id) {
    const struct KrIdMap *m = r->ids;
    if (!m || !m->cap) return false;
    size_t j = id_slot(m, o);
    while (m->slots[j].obj && m->slots[j].obj != o) j = (j + 1) & (m->cap - 1);
    if (!m->slots[j].obj) return false;
    *id = m->slots[j].id;
    return true;
}

uint64_t kr_object_id_next(const KrRun *r) { return r->ids ? r->ids->next : 0; }

int kr_object_id_restore(KrRun *r, const void *o, uint64_t id) {
    struct KrIdMap *m = id_map(r);
    size_t j = m ? id_find(r, m, o) : SIZE_MAX;
    if (j == SIZE_MAX) return -1;
    if (m->slots[j].obj) return 0;
    id_store(m, j, o, id);
    return 1;
}

void kr_object_ids_visit(const KrRun *r, void (*visit)(void *ud, const void *o, uint64_t id), void *ud) {
    const struct KrIdMap *m = r->ids;
    for (size_t i = 0; m && i < m->cap; i++)
        if (m->slots[i].obj) visit(ud, m->slots[i].obj, m->slots[i].id);
}

void kr_object_id_set_next(KrRun *r, uint64_t next) {
    struct KrIdMap *m = id_map(r);
    if (m) m->next = next;
}

// Called by the sweeper for a dying object that has an id.
void kr_object_id_forget(KrRun *r, const KrObj *o) {
    struct KrIdMap *m = r->ids;
    if (!m || !m->cap) return;
    size_t j = id_slot(m, o);
    while (m->slots[j].obj && m->slots[j].obj != o) j = (j + 1) & (m->cap - 1);
    if (!m->slots[j].obj) return;
    m->slots[j].obj = NULL;
    m->used--;
    // re-insert the rest of the cluster (linear probing deletion)
    size_t k = (j + 1) & (m->cap - 1);
    while (m->slots[k].obj) {
        struct KrIdEntry e = m->slots[k];
        m->slots[k].obj = NULL;
        size_t t = id_slot(m, e.obj);
        while (m->slots[t].obj) t = (t + 1) & (m->cap - 1);
        m->slots[t] = e;
        k = (k + 1) & (m->cap - 1);
    }
}

// ---- tracebacks ------------------------------------------------------------------------

const KrProgram *kr_run_code_program(const KrRun *r, const KrCode *code) {
    // every code object of a program shares its filename string
    for (size_t i = r->nprograms; i-- > 0;)
        if (r->programs[i]->module->filename == code->filename) return r->programs[i];
    return r->program;
}

// Source line `line` as kept, indentation included, trailing blanks not.
static bool source_raw_line(const KrProgram *p, int32_t line, const char **s, size_t *n) {
    if (!p || line < 1) return false;
    const char *src = p->source, *end = p->source + p->source_len;
    for (int32_t l = 1; l < line && src < end; src++)
        if (*src == '\n') l++;
    if (src >= end) return false;
    const char *e = src;
    while (e < end && *e != '\n') e++;
    if (e > src && e[-1] == '\r') e--;
    *s = src;
    *n = (size_t)(e - src);
    return true;
}

// Leading blanks of a line: what tracebacks strip.
static size_t line_indent(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')) i++;
    return i;
}

// The line as a traceback prints it: without its indentation (trailing
// blanks stay, as CPython's); false for none or a blank one.
static bool tb_source_line(const KrProgram *p, int32_t line, const char **s, size_t *n) {
    if (!source_raw_line(p, line, s, n)) return false;
    size_t lead = line_indent(*s, *n);
    *s += lead;
    *n -= lead;
    return *n > 0;
}

bool kr_source_line(const KrProgram *p, int32_t line, const char **s, size_t *n) {
    if (!tb_source_line(p, line, s, n)) return false;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\f')) (*n)--;
    return true;
}

static bool format_repeats(KrBuf *b, size_t count) {
    if (count <= 3) return true;
    size_t more = count - 3;
    return kr_buf_printf(b, "  [Previous line repeated %zu more time%s]\n", more, more == 1 ? "" : "s");
}

// CPython prints at most three identical consecutive entries, then a
// "[Previous line repeated N more times]" line.
typedef struct TbState {
    const KrCode *last_code;
    int32_t last_line;
    size_t count;
} TbState;

// ---- position markers (CPython 3.11's carets under a traceback line) ----

// Columns the UTF-8 text s[0:n] takes on a terminal: a wide (East Asian
// W or F) character two, any other one, as CPython 3.11's markers count.
static size_t tb_chars(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) {
            c++, i++;
            continue;
        }
        c += kr_uni_iswide(kr_utf8_decode(s, n, &i)) ? 2 : 1;
    }
    return c;
}

static bool tb_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\\'; }

// For a one-line segment that parses as a binary operation or a
// subscript: where the operator (or the brackets) starts and ends, in
// characters of the segment, as CPython's extract_anchors_from_line.
static bool tb_anchors(const char *seg, size_t n, size_t *left, size_t *right) {
    KrArena arena;
    kr_arena_init(&arena, kr_default_allocator);
    KrSyntaxErr err;
    KrAstModule *m = kr_parse_module(&arena, seg, n, &err);
    bool found = false;
    if (m && m->body.count && m->body.items[0]->kind == KR_STMT_EXPR) {
        const KrAstExpr *e = m->body.items[0]->v.expr.value;
        int32_t l = -1, rt = -1;
        if (e->kind == KR_EXPR_BINOP) {
            // the first non-blank after the left operand, past its ')'s
            int32_t stop = e->v.binop.right->loc.col_offset;
            for (int32_t i = e->v.binop.left->loc.end_col_offset; i < stop; i++) {
                if (tb_blank(seg[i])) continue;
                l = i;
                rt = i + 1;
                if (rt < stop && !tb_blank(seg[rt])) rt++; // //, **, ... (and CPython's naive ')x')
                if (i + 1 < stop && seg[i] == ')') continue;
                break;
            }
        } else if (e->kind == KR_EXPR_SUBSCRIPT) {
            // from the '[' to the ']' around the slice
            l = e->v.subscript.value->loc.end_col_offset;
            rt = e->v.subscript.slice->loc.end_col_offset + 1;
            while ((size_t)l < n && seg[l] != '[') l++;
            while ((size_t)rt < n && seg[rt] != ']') rt++;
            if ((size_t)rt < n) rt++;
        }
        if (l >= 0 && (size_t)rt <= n) {
            *left = tb_chars(seg, (size_t)l);
            *right = tb_chars(seg, (size_t)rt);
            found = true;
        }
    }
    kr_arena_free(&arena);
    return found;
}

// The marker line under a traceback's source line: ^ under the failing
// expression, ~ and ^ for a binary operation or subscript (^ at the
// operator or brackets); nothing when ^ would span the whole line.
static bool format_carets(KrBuf *b, const KrProgram *p, const KrCode *code, uint32_t pc) {
    if (!code->ninsns) return true;
    KrLoc loc = code->locs[pc < code->ninsns ? pc : code->ninsns - 1];
    const char *src;
    size_t len;
    if (loc.line < 1 || loc.end_line < loc.line || loc.col < 0 || loc.end_col < 0 ||
        !source_raw_line(p, loc.line, &src, &len) || (size_t)loc.col > len)
        return true;
    size_t lead = line_indent(src, len);
    size_t start = tb_chars(src, (size_t)loc.col), stop, left = 0, right = 0;
    bool anchors = false;
    if (loc.end_line == loc.line) {
        size_t ec = (size_t)loc.end_col < len ? (size_t)loc.end_col : len;
        stop = tb_chars(src, ec);
        if (ec > (size_t)loc.col && tb_anchors(src + loc.col, ec - (size_t)loc.col, &left, &right)) {
            anchors = true;
            left += start;
            right += start;
        }
    } else {
        stop = tb_chars(src, len); // a multi-line expression: to the end of its first line
    }
    size_t indent = tb_chars(src, lead);
    if (stop <= start || (stop - start == tb_chars(src, len) - indent && !anchors)) return true;
    bool ok = kr_buf_append_str(b, "    ");
    for (size_t i = indent; ok && i < start; i++) ok = kr_buf_append_char(b, ' ');
    for (size_t i = start; ok && i < stop; i++)
        ok = kr_buf_append_char(b, !anchors || (left <= i && i < right) ? '^' : '~');
    return ok && kr_buf_append_char(b, '\n');
}

static bool format_entry(KrRun *r, KrBuf *b, TbState *st, const KrCode *code, uint32_t pc) {
    int32_t line = kr_code_line(code, pc);
    if (code == st->last_code && line == st->last_line) {
        if (++st->count > 3) return true;
    } else {
        if (!format_repeats(b, st->count)) return false;
        st->last_code = code;
        st->last_line = line;
        st->count = 1;
    }
    if (!kr_buf_printf(b, "  File \"%s\", line %d, in %s\n", code->filename->data, line, code->name->data))
        return false;
    const char *s;
    size_t n;
    const KrProgram *p = kr_run_code_program(r, code);
    if (tb_source_line(p, line, &s, &n) &&
        (!kr_buf_append_str(b, "    ") || !kr_buf_append(b, s, n) || !kr_buf_append_char(b, '\n') ||
         !format_carets(b, p, code, pc)))
        return false;
    return true;
}

static bool format_tb(KrRun *r, KrTraceback *tb, KrBuf *b) {
    if (!tb) return true;
    if (!kr_buf_append_str(b, "Traceback (most recent call last):\n")) return false;
    TbState st = {NULL, -1, 0};
    for (; tb; tb = tb->next)
        if (!format_entry(r, b, &st, tb->code, tb->pc)) return false;
    return format_repeats(b, st.count);
}

// The frames a limit error unwound (recorded innermost first).
bool kr_format_limit_traceback(KrRun *r, KrBuf *b) {
    if (r->nlimit_frames) {
        if (!kr_buf_append_str(b, "Traceback (most recent call last):\n")) return false;
        TbState st = {NULL, -1, 0};
        for (size_t i = r->nlimit_frames; i-- > 0;)
            if (!format_entry(r, b, &st, r->limit_frames[i].code, r->limit_frames[i].pc)) return false;
        if (!format_repeats(b, st.count)) return false;
    }
    return kr_format_limit(r, b);
}

void kr_run_note_limit_frame(KrRun *r, const KrCode *code, uint32_t pc) {
    if (r->nlimit_frames == r->limit_frames_cap) {
        size_t ncap = r->limit_frames_cap ? r->limit_frames_cap * 2 : 16;
        if (ncap > 100000) return;
        void *p = r->alloc.fn(r->alloc.ud, r->limit_frames, r->limit_frames_cap * sizeof *r->limit_frames,
                              ncap * sizeof *r->limit_frames);
        if (!p) return;
        r->limit_frames = p;
        r->limit_frames_cap = ncap;
    }
    r->limit_frames[r->nlimit_frames].code = code;
    r->limit_frames[r->nlimit_frames++].pc = pc;
}

static KrValue exc_hint(KrRun *r, KrValue exc) {
    KrExc *e = (KrExc *)kr_as_obj(exc);
    if (kr_exc_is(exc, &kr_exc_NameError))
        return e->hint != KR_NULL || !kr_is_type(e->hint_obj, &kr_type_dict) || e->hint_name == KR_NULL
                   ? e->hint
                   : kr_suggest_global(r, e->hint_obj, e->hint_name);
    if (kr_exc_is(exc, &kr_exc_AttributeError) && e->hint_name != KR_NULL)
        return kr_suggest_attr(r, e->hint_obj, e->hint_name);
    return KR_NULL;
}

static bool format_last_line(KrRun *r, KrValue exc, KrBuf *b) {
    const KrType *t = kr_typeof(exc);
    KrValue msg = kr_str(r, exc);
    if (msg == KR_EXC) {
        kr_clear_exc(r);
        return kr_type_label(r, t, b) && kr_buf_append_str(b, ": <exception str() failed>\n");
    }
    kr_root_push(r, &msg);
    bool labelled = kr_type_label(r, t, b);
    kr_root_pop(r, 1);
    if (!labelled) return false;
    KrStr *m = kr_as_str(msg);
    if (m->nbytes && (!kr_buf_append(b, ": ", 2) || !kr_buf_append(b, m->data, m->nbytes))) return false;
    KrValue hint = exc_hint(r, exc);
    if (hint != KR_NULL && !kr_buf_printf(b, ". Did you mean: '%s'?", kr_as_str(hint)->data)) return false;
    return kr_buf_append_char(b, '\n');
}

// One note (add_note(), __notes__): a str as it is, anything else by its
// str(); each ends with a newline (CPython adds it even after one).
static bool format_note(KrRun *r, KrValue note, KrBuf *b) {
    KrValue t = kr_is_str(note) ? note : kr_str(r, note);
    if (t == KR_EXC) {
        kr_clear_exc(r);
        return kr_buf_append_str(b, "<note str() failed>\n");
    }
    return kr_buf_append(b, kr_as_str(t)->data, kr_as_str(t)->nbytes) && kr_buf_append_char(b, '\n');
}

// The exception's notes under its last line: each item of a list, tuple
// or str __notes__, else the repr of what it is (all as CPython's
// excepthook writes them).
static bool format_notes(KrRun *r, KrValue exc, KrBuf *b) {
    KrValue notes = kr_getattr_cstr(r, exc, "__notes__");
    if (notes == KR_EXC) {
        kr_clear_exc(r);
        return true;
    }
    kr_root_push(r, &notes);
    bool ok = true;
    if (kr_is_type(notes, &kr_type_list) || kr_is_type(notes, &kr_type_tuple)) {
        // one str listed a million times would make a huge text: the notes
        // stop at the run's memory limit and poll its time budget
        for (size_t i = 0; ok && kr_run_tick(r, 1) && (!r->limits.max_memory || b->len <= r->limits.max_memory); i++) {
            bool list = kr_is_type(notes, &kr_type_list);
            size_t n = list ? kr_as_list(notes)->len : kr_as_tuple(notes)->len; // a __str__ may shrink a list
            if (i >= n) break;
            ok = format_note(r, list ? kr_as_list(notes)->items[i] : kr_as_tuple(notes)->items[i], b);
        }
    } else if (kr_is_str(notes)) {
        const KrStr *s = kr_as_str(notes);
        for (size_t i = 0; ok && i < s->nbytes;) {
            size_t at = i;
            kr_utf8_decode(s->data, s->nbytes, &i);
            ok = kr_buf_append(b, s->data + at, i - at) && kr_buf_append_char(b, '\n');
        }
    } else {
        KrValue t = kr_repr(r, notes);
        if (t == KR_EXC) kr_clear_exc(r);
        // (CPython 3.11 ends no line here)
        ok = t == KR_EXC ? kr_buf_append_str(b, "<__notes__ repr() failed>")
                         : kr_buf_append(b, kr_as_str(t)->data, kr_as_str(t)->nbytes);
    }
    kr_root_pop(r, 1);
    return ok;
}

static bool format_chain(KrRun *r, KrValue exc, KrBuf *b, int depth) {
    if (!kr_is_ptr(exc) || !(kr_typeof(exc)->flags & KR_TF_EXC)) return true;
    KrExc *e = (KrExc *)kr_as_obj(exc);
    if (depth < 100) {
        if (e->cause != KR_NONE) {
            if (!format_chain(r, e->cause, b, depth + 1) ||
                !kr_buf_append_str(b, "\nThe above exception was the direct cause of the following exception:\n\n"))
                return false;
        } else if (e->context != KR_NONE && !e->suppress_context) {
            if (!format_chain(r, e->context, b, depth + 1) ||
                !kr_buf_append_str(b, "\nDuring handling of the above exception, another exception occurred:\n\n"))
                return false;
        }
    }
    return format_tb(r, e->tb, b) && format_last_line(r, exc, b) && format_notes(r, exc, b);
}

static bool is_surrogate_at(const char *d, size_t i) { // d[i..i+2] encodes U+D800..U+DFFF
    return (unsigned char)d[i] == 0xED && (unsigned char)d[i + 1] >= 0xA0;
}

bool kr_buf_escape_surrogates(KrBuf *b, size_t from) {
    size_t k = 0, old = b->len;
    for (size_t i = from; i + 2 < old; i++)
        if (is_surrogate_at(b->data, i)) k++, i += 2;
    if (!k) return true;
    // each 3-byte form becomes 6 bytes: grow once, then move from the back
    if (!kr_buf_reserve(b, 3 * k)) return false;
    char *d = b->data;
    size_t i = old, j = old + 3 * k;
    while (i > from) {
        if (i - from >= 3 && is_surrogate_at(d, i - 3)) {
            unsigned cp = 0xD000u | (((unsigned char)d[i - 2] & 0x3Fu) << 6) | ((unsigned char)d[i - 1] & 0x3Fu);
            char esc[7];
            snprintf(esc, sizeof esc, "\\u%04x", cp);
            j -= 6;
            i -= 3;
            memcpy(d + j, esc, 6);
        } else {
            d[--j] = d[--i];
        }
    }
    b->len = old + 3 * k;
    return true;
}

bool kr_format_exception(KrRun *r, KrValue exc, KrBuf *b) {
    size_t from = b->len;
    return format_chain(r, exc, b, 0) && kr_buf_escape_surrogates(b, from); // stderr's backslashreplace
}

bool kr_format_limit(KrRun *r, KrBuf *b) {
    const KrLimits *l = &r->limits;
    switch (r->limit_hit) {
    case KR_LIMIT_MEMORY:
        return kr_buf_printf(b, "MemoryError: memory limit exceeded: %zu bytes requested, limit is %zu bytes\n",
                             r->limit_amount, l->max_memory);
    case KR_LIMIT_ALLOCS:
        return kr_buf_printf(b, "MemoryError: allocation limit exceeded: %zu allocations, limit is %zu\n",
                             r->limit_amount, l->max_allocations);
    case KR_LIMIT_DURATION:
        return kr_buf_printf(b, "TimeoutError: duration limit exceeded: %zu ms elapsed, limit is %llu ms\n",
                             r->limit_amount, (unsigned long long)(l->max_duration_ns / 1000000u));
    case KR_LIMIT_OUTPUT:
        return kr_buf_printf(b, "OSError: output limit exceeded: %zu bytes written, limit is %zu bytes\n",
                             r->limit_amount, l->max_output);
    case KR_LIMIT_CANCEL: return kr_buf_printf(b, "KeyboardInterrupt: run cancelled by the host\n");
    case KR_LIMIT_NOMEM:
        return kr_buf_printf(b, "MemoryError: the host allocator refused %zu bytes\n", r->limit_amount);
    default: return true;
    }
}
