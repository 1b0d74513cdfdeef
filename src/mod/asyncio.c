// asyncio.c: the `asyncio` module: a deterministic event loop (FIFO ready
// queue, virtual clock, no threads, no host I/O) with Future, Task, gather,
// sleep, wait_for, queues and locks. The loop schedules callbacks in CPython
// 3.11's order (every hop through the ready queue that CPython makes, this
// loop makes too), so programs that record interleavings print the same.
//
// How a task runs: a task step is an entry of the loop's ready queue. It
// resumes the task's coroutine (kr_gen_send); the innermost awaitable yields
// a marker up the await chain: None ("run me again later", a bare yield as
// sleep(0) does) or the Future the task must wait for. The task then waits
// on that future's done-callbacks; when the future completes, the wake-up is
// queued, and resuming the coroutine re-enters the awaitable's iterator,
// which returns the future's result or raises its exception.
//
// Cancelling a task raises CancelledError where it waits: the future it
// waits on is cancelled, or the awaitable of this module it last suspended
// in (its "leaf") raises it when the next step resumes the chain; only a
// task suspended in some other awaitable gets it thrown in from the top.
//
// sleep(), wait_for(), Queue.get() and the like are coroutines written in C
// (AsyncioCoro: small state machines), so no Python code ships with the
// module and nothing is compiled at import.
//
// Time is virtual: loop.time() starts at 0 and only moves when every ready
// callback has run and a timer is due, then jumps straight to it. The host
// clock is never read. Threads do not exist: run_in_executor() and
// to_thread() run the function on the loop, as a callback.
//
// State: nothing here is global. Loops, tasks and the running-loop pointer
// live in heap objects reachable from the module (KrModule.state), which the
// functions find through the run's module table.
#include <math.h>
#include <stdio.h>
#include "../modules.h"
#include "../obj/class.h" // kr_lookup_special: dunders are looked up on the type
#include "../vm.h"
#include "../obj/external.h"
#include "asyncio.h"
#include "../runsnap.h"

// ---- object layouts ----------------------------------------------------------------

enum { ASYNCIO_PENDING, ASYNCIO_CANCELLED, ASYNCIO_FINISHED };

// The module's private state (KrModule.state).
typedef struct AsyncioState {
    KrObj ob;
    KrValue running;    // the loop running now, or KR_NULL
    KrValue current;    // the loop set_event_loop() chose, or KR_NULL
    bool set_called;    // after set_event_loop(), get_event_loop() makes no loop
    int64_t task_counter;
    KrValue cancelled_error, invalid_state_error, queue_empty, queue_full; // classes
    KrValue paused_loop, paused_task, paused_main; // asyncio.run() paused for the host
} AsyncioState;

// A ready-queue entry: a task step, a done-callback call, or a Handle.
enum { ASYNCIO_E_STEP, ASYNCIO_E_DONE_CB, ASYNCIO_E_HANDLE };
typedef struct AsyncioEntry {
    uint32_t kind;
    KrValue a, b; // STEP: task, exception to throw in (or KR_NULL); DONE_CB: callback, future
} AsyncioEntry;

typedef struct AsyncioFuture AsyncioFuture;

typedef struct AsyncioLoop {
    KrObj ob;
    KrValue state;                 // AsyncioState
    AsyncioEntry *ready;           // ring buffer
    size_t rhead, rlen, rcap;
    KrValue *timers;               // binary heap of TimerHandles by (when, seq)
    size_t ntimers, tcap;
    double now;                    // the virtual clock
    uint64_t seq;                  // timer tie-break: FIFO among equal times
    AsyncioFuture *tasks, *tasks_tail; // pending tasks, in creation order
    KrValue current_task;          // the task being stepped, or KR_NULL
    AsyncioEntry cur;              // the entry being run (kept reachable)
    size_t batch_left;             // entries of the interrupted iteration still to run
    KrValue pause_aw, pause_fut;   // run_until_complete() paused for the host
    bool running, stopping, closed, debug;
} AsyncioLoop;

// Future, Task and _GatheringFuture share one layout (the type tells them apart).
struct AsyncioFuture {
    KrObj ob;
    KrValue loop;
    uint8_t state;
    bool blocking;          // _asyncio_future_blocking: yielded to ask a task to wait
    bool must_cancel;       // Task: throw CancelledError in at the next step
    bool cancel_requested;  // _GatheringFuture: children were cancelled
    bool return_exceptions; // _GatheringFuture
    bool listed;            // Task: on its loop's pending list
    KrValue result, exc, exc_tb; // exc_tb: the traceback when the exception was set
    KrValue callbacks;      // list, or KR_NULL
    KrValue cancel_msg;     // KR_NULL when none
    KrValue cancelled_exc;  // the CancelledError a task ended with
    // Task
    KrValue coro, driver, name, waiter;
    KrValue leaf; // the awaitable of this module the coroutine last suspended in, or KR_NULL
    int64_t num_cancels;
    AsyncioFuture *tnext, *tprev;
    // _GatheringFuture
    KrValue children;
    size_t nfinished, nfuts;
};

// Handle (call_soon) and TimerHandle (call_later): a callback that can be
// cancelled. Also the internal callbacks added to futures (kind != CALL).
enum {
    ASYNCIO_H_CALL,         // a: callable, b: args tuple
    ASYNCIO_H_RESOLVE,      // a: future, b: value (set unless already done)
    ASYNCIO_H_STOP,         // a: loop (run_until_complete's callback)
    ASYNCIO_H_COMPLETED,    // a: as_completed state
    ASYNCIO_H_AC_TIMEOUT,   // a: as_completed state
    ASYNCIO_H_WAIT,         // a: wait()'s coroutine
    ASYNCIO_H_SHIELD_INNER, // a: the outer future
    ASYNCIO_H_SHIELD_OUTER, // a: the inner future, b: its callback
    ASYNCIO_H_TIMEOUT,      // a: asyncio.timeout()'s Timeout
    ASYNCIO_H_EXEC,         // a: future, b: (func, args, kwnames or None): run_in_executor
};
typedef struct AsyncioHandle {
    KrObj ob;
    uint32_t kind;
    bool cancelled;
    double when;
    uint64_t seq;
    KrValue a, b;
} AsyncioHandle;

// What Future.__await__ returns: yields the future once while it is pending.
typedef struct AsyncioFutIter {
    KrObj ob;
    KrValue fut;
    KrValue pending; // an exception to raise when resumed (a task's cancellation)
    bool yielded, finished;
} AsyncioFutIter;

// A coroutine written in C (sleep, wait_for, Queue.get, Lock.acquire...): a
// state machine resumed like a native coroutine. It awaits futures directly
// (`awaiting`) or delegates to another awaitable's iterator (`deleg`), the
// way `await` does in Python.
enum {
    ASYNCIO_CO_SLEEP, ASYNCIO_CO_WAIT_FOR, ASYNCIO_CO_VALUE, ASYNCIO_CO_QGET, ASYNCIO_CO_QPUT,
    ASYNCIO_CO_QJOIN, ASYNCIO_CO_LOCK, ASYNCIO_CO_SEM, ASYNCIO_CO_EVENT, ASYNCIO_CO_NEXT_DONE, ASYNCIO_CO_WAIT,
    ASYNCIO_CO_TO_THREAD, ASYNCIO_CO_COND_WAIT, ASYNCIO_CO_COND_WAIT_FOR,
};
static const char *const asyncio_co_names[] = {
    "sleep", "wait_for", "_value", "Queue.get", "Queue.put", "Queue.join", "Lock.acquire",
    "Semaphore.acquire", "Event.wait", "as_completed.<locals>._wait_for_one", "wait", "to_thread",
    "Condition.wait", "Condition.wait_for",
};
#define ASYNCIO_CO_NV 6
typedef struct AsyncioCoro {
    KrObj ob;
    uint8_t kind, state;
    bool running, finished, started;
    double num;
    KrValue v[ASYNCIO_CO_NV]; // kind-specific
    KrValue awaiting;         // the future this coroutine waits on, or KR_NULL
    KrValue deleg;            // the iterator it delegates to, or KR_NULL
    KrValue got;              // the value of the last await
    KrValue pending;          // an exception to raise when resumed (a task's cancellation)
} AsyncioCoro;

static const KrType asyncio_state_type, asyncio_loop_type, asyncio_future_type, asyncio_task_type,
    asyncio_gathering_type, asyncio_handle_type, asyncio_timer_type, asyncio_futiter_type,
    asyncio_coro_type;
static const KrSnapOps asyncio_state_snap, asyncio_loop_snap, asyncio_future_snap, asyncio_handle_snap,
    asyncio_futiter_snap, asyncio_coro_snap, asyncio_cw_snap, asyncio_sync_snap, asyncio_queue_snap, asyncio_ac_snap,
    asyncio_cond_snap, asyncio_timeout_snap;

static AsyncioLoop *asyncio_loop_of(KrValue v) { return (AsyncioLoop *)kr_as_obj(v); }
static AsyncioFuture *asyncio_fut_of(KrValue v) { return (AsyncioFuture *)kr_as_obj(v); }
static AsyncioHandle *asyncio_handle_of(KrValue v) { return (AsyncioHandle *)kr_as_obj(v); }
static AsyncioCoro *asyncio_coro_of(KrValue v) { return (AsyncioCoro *)kr_as_obj(v); }
static AsyncioState *asyncio_state_of(KrValue v) { return (AsyncioState *)kr_as_obj(v); }

static bool asyncio_is_future(KrValue v) {
    return kr_is_ptr(v) && kr_type_is_subtype(kr_as_obj(v)->type, &asyncio_future_type);
}
// Calls of async external functions count as coroutines (they are, for
// the code: `async def` functions that run in the host).
static bool asyncio_is_coroutine(KrValue v) {
    return kr_is_type(v, &kr_type_coroutine) || kr_is_type(v, &asyncio_coro_type) ||
           kr_is_type(v, &kr_type_external_call);
}

// ---- small helpers -------------------------------------------------------------------

// The module state, through the run's module table (NULL if the module is
// gone from sys.modules: then no loop can be found).
static AsyncioState *asyncio_state(KrRun *r) {
    KrValue m = kr_module_find(r, "asyncio");
    if (!kr_is_type(m, &kr_type_module)) return NULL;
    KrValue s = ((KrModule *)kr_as_obj(m))->state;
    return kr_is_type(s, &asyncio_state_type) ? asyncio_state_of(s) : NULL;
}

static AsyncioState *asyncio_state_or_raise(KrRun *r) {
    AsyncioState *st = asyncio_state(r);
    if (!st) kr_raise(r, &kr_exc_RuntimeError, "asyncio: the module's state is gone (removed from sys.modules)");
    return st;
}

static AsyncioState *asyncio_loop_state(AsyncioLoop *l) { return asyncio_state_of(l->state); }

// The value behind the last KR_STOP (StopIteration.value), cleared.
static KrValue asyncio_stop_value(KrRun *r) {
    KrValue stop = r->stop_exc;
    r->stop_exc = KR_NULL;
    if (!kr_is_ptr(stop) || !(kr_typeof(stop)->flags & KR_TF_EXC)) return KR_NONE;
    KrTuple *a = kr_as_tuple(((KrExc *)kr_as_obj(stop))->args);
    return a->len ? a->items[0] : KR_NONE;
}

// Ends an iterator step returning v (StopIteration(v) for the driver).
static KrValue asyncio_return(KrRun *r, KrValue v) {
    r->stop_exc = KR_NULL;
    if (v == KR_NONE) return KR_STOP;
    KrValue args = kr_tuple_from_array(r, &v, 1);
    KrValue stop = args == KR_EXC ? KR_EXC : kr_exc_new(r, &kr_exc_StopIteration, args);
    if (stop == KR_EXC) return KR_EXC;
    r->stop_exc = stop;
    return KR_STOP;
}

// Takes the pending exception out of the run (KR_NULL if a limit ended it).
static KrValue asyncio_take_exc(KrRun *r) {
    KrValue e = r->exc;
    r->exc = KR_NULL;
    return r->limit_hit ? KR_NULL : e;
}

static KrValue asyncio_repr_cstr(KrRun *r, KrValue v, const char **out) {
    KrValue s = kr_repr(r, v);
    if (s != KR_EXC) *out = kr_as_str(s)->data;
    return s;
}

static KrValue asyncio_buf_done(KrRun *r, KrBuf *b, bool ok) {
    KrValue s = ok ? kr_str_from_buf(r, b) : KR_EXC;
    kr_buf_free(b);
    if (s == KR_EXC && r->exc == KR_NULL && !r->limit_hit) kr_raise(r, &kr_exc_MemoryError, "repr");
    return s;
}

// Keyword arguments of a function that also takes *args: each name in
// `names` gets its value or KR_NULL; any other name is a TypeError.
static bool asyncio_kwargs(KrRun *r, const char *fname, size_t argc, const KrValue *args, KrValue kwnames,
                           const char *const *names, KrValue *out) {
    for (size_t i = 0; names[i]; i++) out[i] = KR_NULL;
    if (kwnames == KR_NULL) return true;
    KrTuple *kw = kr_as_tuple(kwnames);
    for (size_t k = 0; k < kw->len; k++) {
        size_t i = 0;
        while (names[i] && !kr_str_eq_cstr(kr_as_str(kw->items[k]), names[i])) i++;
        if (!names[i]) {
            kr_raise(r, &kr_exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname,
                     kr_as_str(kw->items[k])->data);
            return false;
        }
        out[i] = args[argc + k];
    }
    return true;
}

// A CancelledError (an asyncio class, made per run at import); msg KR_NULL or None for none.
static KrValue asyncio_new_cancelled(KrRun *r, AsyncioState *st, KrValue msg) {
    bool none = msg == KR_NULL || msg == KR_NONE;
    return kr_call(r, st->cancelled_error, none ? 0 : 1, &msg, KR_NULL);
}

static bool asyncio_is_cancelled_error(AsyncioState *st, KrValue e) {
    return kr_is_ptr(e) && kr_isinstance(e, (const KrType *)kr_as_obj(st->cancelled_error));
}

static KrValue asyncio_raise_cls(KrRun *r, KrValue cls, const char *msg) {
    KrValue m = msg ? kr_str_from_cstr(r, msg) : KR_NULL;
    if (m == KR_EXC) return KR_EXC;
    KrValue e = kr_call(r, cls, msg ? 1 : 0, &m, KR_NULL);
    return e == KR_EXC ? KR_EXC : kr_raise_value(r, e);
}

static KrValue asyncio_invalid_state(KrRun *r, AsyncioState *st, const char *msg) {
    return asyncio_raise_cls(r, st->invalid_state_error, msg);
}

// A delay or deadline as a double. NaN is due at once: CPython 3.11's
// loop schedules it and, as no comparison with NaN holds, runs it on the
// next turn.
static bool asyncio_to_double(KrRun *r, KrValue v, double *out) {
    if (!kr_float_from_value(r, v, out)) return false;
    if (*out != *out) *out = 0;
    return true;
}

// ---- the loop: ready queue, timers, pending tasks ---------------------------------

// Room for one more ready entry (the ring grows, its entries unrolled).
static bool asyncio_ready_room(KrRun *r, AsyncioLoop *l) {
    if (l->rlen < l->rcap) return true;
    size_t cap = l->rcap ? l->rcap * 2 : 16;
    AsyncioEntry *n = kr_mem_alloc(r, cap * sizeof *n);
    if (!n) return false;
    for (size_t i = 0; i < l->rlen; i++) n[i] = l->ready[(l->rhead + i) % l->rcap];
    if (l->ready) kr_mem_free(r, l->ready, l->rcap * sizeof *n);
    l->ready = n;
    l->rcap = cap;
    l->rhead = 0;
    return true;
}

static bool asyncio_push(KrRun *r, AsyncioLoop *l, uint32_t kind, KrValue a, KrValue b) {
    if (!asyncio_ready_room(r, l)) return false;
    AsyncioEntry *e = &l->ready[(l->rhead + l->rlen++) % l->rcap];
    e->kind = kind;
    e->a = a;
    e->b = b;
    return true;
}

static AsyncioEntry asyncio_pop(AsyncioLoop *l) {
    AsyncioEntry e = l->ready[l->rhead];
    l->rhead = (l->rhead + 1) % l->rcap;
    l->rlen--;
    return e;
}

static bool asyncio_timer_before(KrValue a, KrValue b) {
    AsyncioHandle *x = asyncio_handle_of(a), *y = asyncio_handle_of(b);
    return x->when < y->when || (x->when == y->when && x->seq < y->seq);
}

static bool asyncio_timer_push(KrRun *r, AsyncioLoop *l, KrValue h) {
    if (l->ntimers == l->tcap) {
        size_t cap = l->tcap ? l->tcap * 2 : 8;
        KrValue *n = kr_mem_realloc(r, l->timers, l->tcap * sizeof *n, cap * sizeof *n);
        if (!n) return false;
        l->timers = n;
        l->tcap = cap;
    }
    size_t i = l->ntimers++;
    while (i > 0 && asyncio_timer_before(h, l->timers[(i - 1) / 2])) {
        l->timers[i] = l->timers[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    l->timers[i] = h;
    return true;
}

static KrValue asyncio_timer_pop(AsyncioLoop *l) {
    KrValue top = l->timers[0], last = l->timers[--l->ntimers];
    size_t i = 0, n = l->ntimers;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && asyncio_timer_before(l->timers[c + 1], l->timers[c])) c++;
        if (!asyncio_timer_before(l->timers[c], last)) break;
        l->timers[i] = l->timers[c];
        i = c;
    }
    if (n) l->timers[i] = last;
    return top;
}

// Drops cancelled timers from the top of the heap (they never fire and must
// not move the virtual clock).
static void asyncio_timers_prune(AsyncioLoop *l) {
    while (l->ntimers && asyncio_handle_of(l->timers[0])->cancelled) asyncio_timer_pop(l);
}

static void asyncio_task_link(AsyncioLoop *l, AsyncioFuture *t) {
    t->tprev = l->tasks_tail;
    t->tnext = NULL;
    if (l->tasks_tail) l->tasks_tail->tnext = t;
    else l->tasks = t;
    l->tasks_tail = t;
    t->listed = true;
}

static void asyncio_task_unlink(AsyncioFuture *t) {
    if (!t->listed) return;
    AsyncioLoop *l = asyncio_loop_of(t->loop);
    if (t->tprev) t->tprev->tnext = t->tnext;
    else l->tasks = t->tnext;
    if (t->tnext) t->tnext->tprev = t->tprev;
    else l->tasks_tail = t->tprev;
    t->tnext = t->tprev = NULL;
    t->listed = false;
}

static void asyncio_loop_trace(KrRun *r, KrObj *o) {
    AsyncioLoop *l = (AsyncioLoop *)o;
    kr_gc_mark(r, l->state);
    for (size_t i = 0; i < l->rlen; i++) {
        AsyncioEntry *e = &l->ready[(l->rhead + i) % l->rcap];
        kr_gc_mark(r, e->a);
        kr_gc_mark(r, e->b);
    }
    for (size_t i = 0; i < l->ntimers; i++) kr_gc_mark(r, l->timers[i]);
    kr_gc_mark_obj(r, (KrObj *)l->tasks); // each task marks the next one
    kr_gc_mark(r, l->current_task);
    kr_gc_mark(r, l->cur.a);
    kr_gc_mark(r, l->cur.b);
    kr_gc_mark(r, l->pause_aw);
    kr_gc_mark(r, l->pause_fut);
}

static void asyncio_loop_finalize(KrRun *r, KrObj *o) {
    AsyncioLoop *l = (AsyncioLoop *)o;
    if (l->ready) kr_mem_free(r, l->ready, l->rcap * sizeof *l->ready);
    if (l->timers) kr_mem_free(r, l->timers, l->tcap * sizeof *l->timers);
    l->ready = NULL;
    l->timers = NULL;
    l->rcap = l->tcap = l->rlen = l->ntimers = 0;
}

static KrValue asyncio_loop_new(KrRun *r, AsyncioState *st) {
    AsyncioLoop *l = kr_gc_alloc(r, &asyncio_loop_type, sizeof(AsyncioLoop));
    if (!l) return KR_EXC;
    KrObj header = l->ob;
    memset(l, 0, sizeof *l);
    l->ob = header;
    l->state = kr_from_obj(st);
    l->current_task = l->cur.a = l->cur.b = KR_NULL;
    l->pause_aw = l->pause_fut = KR_NULL;
    return kr_from_obj(l);
}

static bool asyncio_check_closed(KrRun *r, AsyncioLoop *l) {
    if (!l->closed) return true;
    kr_raise(r, &kr_exc_RuntimeError, "Event loop is closed");
    return false;
}

static KrValue asyncio_handle_new(KrRun *r, const KrType *t, uint32_t kind, KrValue a, KrValue b) {
    AsyncioHandle *h = kr_gc_alloc(r, t, sizeof(AsyncioHandle));
    if (!h) return KR_EXC;
    h->kind = kind;
    h->cancelled = false;
    h->when = 0;
    h->seq = 0;
    h->a = a;
    h->b = b;
    return kr_from_obj(h);
}

// call_later from C: a TimerHandle firing `delay` seconds of virtual time from now.
static KrValue asyncio_call_at(KrRun *r, AsyncioLoop *l, double when, uint32_t kind, KrValue a, KrValue b) {
    KrValue h = asyncio_handle_new(r, &asyncio_timer_type, kind, a, b);
    if (h == KR_EXC) return KR_EXC;
    asyncio_handle_of(h)->when = when;
    asyncio_handle_of(h)->seq = l->seq++;
    return asyncio_timer_push(r, l, h) ? h : KR_EXC;
}

// An awaitable of this module suspended the current task: remember it, so a
// cancellation can be raised right there on the next step (sent in with the
// resumption, not thrown through the await chain).
static void asyncio_note_leaf(KrRun *r, KrValue v) {
    AsyncioState *st = asyncio_state(r);
    if (!st || st->running == KR_NULL) return;
    KrValue t = asyncio_loop_of(st->running)->current_task;
    if (t != KR_NULL) asyncio_fut_of(t)->leaf = v;
}

// The running loop, or RuntimeError "no running event loop".
static AsyncioLoop *asyncio_running_loop(KrRun *r) {
    AsyncioState *st = asyncio_state_or_raise(r);
    if (!st) return NULL;
    if (st->running == KR_NULL) {
        kr_raise(r, &kr_exc_RuntimeError, "no running event loop");
        return NULL;
    }
    return asyncio_loop_of(st->running);
}

// ---- futures -------------------------------------------------------------------------

static void asyncio_future_trace(KrRun *r, KrObj *o) {
    AsyncioFuture *f = (AsyncioFuture *)o;
    kr_gc_mark(r, f->loop);
    kr_gc_mark(r, f->result);
    kr_gc_mark(r, f->exc);
    kr_gc_mark(r, f->exc_tb);
    kr_gc_mark(r, f->callbacks);
    kr_gc_mark(r, f->cancel_msg);
    kr_gc_mark(r, f->cancelled_exc);
    kr_gc_mark(r, f->coro);
    kr_gc_mark(r, f->driver);
    kr_gc_mark(r, f->name);
    kr_gc_mark(r, f->waiter);
    kr_gc_mark(r, f->leaf);
    kr_gc_mark(r, f->children);
    kr_gc_mark_obj(r, (KrObj *)f->tnext);
}

static AsyncioFuture *asyncio_future_alloc(KrRun *r, const KrType *t, KrValue loop) {
    AsyncioFuture *f = kr_gc_alloc(r, t, sizeof(AsyncioFuture));
    if (!f) return NULL;
    KrObj header = f->ob;
    memset(f, 0, sizeof *f);
    f->ob = header;
    f->loop = loop;
    f->state = ASYNCIO_PENDING;
    f->result = f->exc = f->exc_tb = f->callbacks = f->cancel_msg = f->cancelled_exc = KR_NULL;
    f->coro = f->driver = f->name = f->waiter = f->leaf = f->children = KR_NULL;
    return f;
}

static KrValue asyncio_future_new(KrRun *r, KrValue loop) {
    AsyncioFuture *f = asyncio_future_alloc(r, &asyncio_future_type, loop);
    return f ? kr_from_obj(f) : KR_EXC;
}

static AsyncioState *asyncio_fut_state(AsyncioFuture *f) {
    return asyncio_loop_state(asyncio_loop_of(f->loop));
}

// Queues fn(fut) on the loop (CPython's call_soon of a done-callback).
static bool asyncio_call_cb(KrRun *r, AsyncioFuture *f, KrValue cb) {
    return asyncio_push(r, asyncio_loop_of(f->loop), ASYNCIO_E_DONE_CB, cb, kr_from_obj(f));
}

static bool asyncio_schedule_callbacks(KrRun *r, AsyncioFuture *f) {
    KrValue cbs = f->callbacks;
    f->callbacks = KR_NULL;
    if (cbs == KR_NULL) return true;
    KrList *l = kr_as_list(cbs);
    for (size_t i = 0; i < l->len; i++)
        if (!asyncio_call_cb(r, f, l->items[i])) return false;
    return true;
}

static bool asyncio_add_done_cb(KrRun *r, AsyncioFuture *f, KrValue cb) {
    if (f->state != ASYNCIO_PENDING) return asyncio_call_cb(r, f, cb);
    if (f->callbacks == KR_NULL) {
        KrValue l = kr_list_new(r, 1);
        if (l == KR_EXC) return false;
        f->callbacks = l;
    }
    return kr_list_append(r, kr_as_list(f->callbacks), cb);
}

// Removes every callback identical to cb (internal callbacks are unique objects).
static size_t asyncio_remove_cb_identity(AsyncioFuture *f, KrValue cb) {
    if (f->callbacks == KR_NULL) return 0;
    KrList *l = kr_as_list(f->callbacks);
    size_t j = 0;
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i] != cb) l->items[j++] = l->items[i];
    size_t removed = l->len - j;
    l->len = j;
    return removed;
}

static bool asyncio_finish(KrRun *r, AsyncioFuture *f, uint8_t state) {
    f->state = state;
    if (kr_is_type(kr_from_obj(f), &asyncio_task_type)) asyncio_task_unlink(f);
    return asyncio_schedule_callbacks(r, f);
}

static bool asyncio_set_result(KrRun *r, AsyncioFuture *f, KrValue v) {
    f->result = v;
    return asyncio_finish(r, f, ASYNCIO_FINISHED);
}

static bool asyncio_set_exc(KrRun *r, AsyncioFuture *f, KrValue e) {
    f->exc = e;
    KrTraceback *tb = ((KrExc *)kr_as_obj(e))->tb;
    f->exc_tb = tb ? kr_from_obj(tb) : KR_NULL;
    return asyncio_finish(r, f, ASYNCIO_FINISHED);
}

// Future.cancel(): true if it was pending.
static int asyncio_future_cancel(KrRun *r, AsyncioFuture *f, KrValue msg) {
    if (f->state != ASYNCIO_PENDING) return 0;
    f->cancel_msg = msg;
    return asyncio_finish(r, f, ASYNCIO_CANCELLED) ? 1 : -1;
}

static int asyncio_cancel(KrRun *r, AsyncioFuture *f, KrValue msg);

// Task.cancel(): cancels what the task waits on, or throws CancelledError
// in at its next step.
static int asyncio_task_cancel(KrRun *r, AsyncioFuture *t, KrValue msg) {
    if (t->state != ASYNCIO_PENDING) return 0;
    t->num_cancels++;
    if (t->waiter != KR_NULL) {
        int c = asyncio_cancel(r, asyncio_fut_of(t->waiter), msg);
        if (c != 0) return c;
    }
    t->must_cancel = true;
    t->cancel_msg = msg;
    return 1;
}

// _GatheringFuture.cancel(): cancels the children; the gather itself ends
// cancelled once they have finished.
static int asyncio_gather_cancel(KrRun *r, AsyncioFuture *g, KrValue msg) {
    if (g->state != ASYNCIO_PENDING) return 0;
    int any = 0;
    KrList *ch = kr_as_list(g->children);
    for (size_t i = 0; i < ch->len; i++) {
        int c = asyncio_cancel(r, asyncio_fut_of(ch->items[i]), msg);
        if (c < 0) return -1;
        any |= c;
    }
    if (any) g->cancel_requested = true;
    return any;
}

static int asyncio_cancel(KrRun *r, AsyncioFuture *f, KrValue msg) {
    const KrType *t = f->ob.type;
    if (t == &asyncio_task_type) return asyncio_task_cancel(r, f, msg);
    if (t == &asyncio_gathering_type && f->children != KR_NULL) return asyncio_gather_cancel(r, f, msg);
    return asyncio_future_cancel(r, f, msg);
}

// The CancelledError to raise for a cancelled future (the one a task ended
// with, once; else a new one carrying the cancel message).
static KrValue asyncio_cancelled_error(KrRun *r, AsyncioFuture *f) {
    if (f->cancelled_exc != KR_NULL) {
        KrValue e = f->cancelled_exc;
        f->cancelled_exc = KR_NULL;
        return e;
    }
    return asyncio_new_cancelled(r, asyncio_fut_state(f), f->cancel_msg);
}

// Raises a stored exception again with the traceback it had when stored,
// as CPython's Future.result() does.
static KrValue asyncio_reraise(KrRun *r, AsyncioFuture *f) {
    ((KrExc *)kr_as_obj(f->exc))->tb = f->exc_tb == KR_NULL ? NULL : (KrTraceback *)kr_as_obj(f->exc_tb);
    return kr_raise_value(r, f->exc);
}

// Future.result()
static KrValue asyncio_result(KrRun *r, AsyncioFuture *f) {
    if (f->state == ASYNCIO_CANCELLED) {
        KrValue e = asyncio_cancelled_error(r, f);
        return e == KR_EXC ? KR_EXC : kr_raise_value(r, e);
    }
    if (f->state == ASYNCIO_PENDING) return asyncio_invalid_state(r, asyncio_fut_state(f), "Result is not set.");
    if (f->exc != KR_NULL) return asyncio_reraise(r, f);
    return f->result;
}

// Future.exception()
static KrValue asyncio_exception(KrRun *r, AsyncioFuture *f) {
    if (f->state == ASYNCIO_CANCELLED) {
        KrValue e = asyncio_cancelled_error(r, f);
        return e == KR_EXC ? KR_EXC : kr_raise_value(r, e);
    }
    if (f->state == ASYNCIO_PENDING) return asyncio_invalid_state(r, asyncio_fut_state(f), "Exception is not set.");
    return f->exc == KR_NULL ? KR_NONE : f->exc;
}

// set_exception()'s argument: an instance (a class is called), never StopIteration.
static KrValue asyncio_exc_arg(KrRun *r, KrValue e) {
    if (kr_is_type(e, &kr_type_type) && (((const KrType *)kr_as_obj(e))->flags & KR_TF_EXC)) {
        e = kr_call0(r, e);
        if (e == KR_EXC) return KR_EXC;
    }
    if (!(kr_typeof(e)->flags & KR_TF_EXC)) return kr_raise(r, &kr_exc_TypeError, "invalid exception object");
    if (kr_typeof(e) == &kr_exc_StopIteration)
        return kr_raise(r, &kr_exc_TypeError,
                        "StopIteration interacts badly with generators and cannot be raised into a Future");
    return e;
}

// ---- driving coroutines ----------------------------------------------------------------

static KrValue asyncio_coro_resume(KrRun *r, KrValue self, KrValue exc);
static const KrStr asyncio_s_throw = KR_STATIC_STR("throw");

// Resumes a coroutine (or an awaitable's iterator) with None, or with exc
// thrown in. Returns what it yielded, KR_STOP (its value: asyncio_stop_value)
// or KR_EXC.
static KrValue asyncio_drive(KrRun *r, KrValue co, KrValue exc) {
    r->stop_exc = KR_NULL;
    if (kr_is_type(co, &asyncio_coro_type)) return asyncio_coro_resume(r, co, exc);
    bool native = kr_is_type(co, &kr_type_coroutine);
    if (native && !((KrGen *)kr_as_obj(co))->frame && exc == KR_NULL)
        return kr_raise(r, &kr_exc_RuntimeError, "cannot reuse already awaited coroutine");
    if (exc == KR_NULL) return native ? kr_gen_send(r, co, KR_NONE) : kr_next(r, co);
    KrValue thr = kr_getattr_opt(r, co, (KrStr *)&asyncio_s_throw);
    if (thr == KR_EXC) return KR_EXC;
    if (thr == KR_NULL) return kr_raise_value(r, exc); // a plain iterator: raised where it waits
    KrValue res = kr_call1(r, thr, exc);
    if (res == KR_EXC && kr_pending_is(r, &kr_exc_StopIteration)) {
        r->stop_exc = asyncio_take_exc(r);
        return KR_STOP;
    }
    return res;
}

// Has v's type a `next` slot (along the layouts of classes)? As the VM checks.
static bool asyncio_is_iterator(KrValue v) {
    for (const KrType *p = kr_typeof(v); p; p = p->flags & KR_TF_HEAP ? p->layout : p->base)
        if (p->next) return true;
    return false;
}

// The iterator `await aw` runs: aw itself for coroutines, else aw.__await__()
// (looked up on the type, as the VM does).
static KrValue asyncio_await_iter(KrRun *r, KrValue aw) {
    if (asyncio_is_coroutine(aw)) return aw;
    KrValue m = kr_is_type(aw, &kr_type_generator) ? KR_NULL : kr_lookup_special(r, aw, "__await__");
    if (m == KR_EXC) return KR_EXC;
    if (m == KR_NULL)
        return kr_raise(r, &kr_exc_TypeError, "object %s can't be used in 'await' expression", kr_type_name(aw));
    KrValue it = kr_call0(r, m);
    if (it == KR_EXC) return KR_EXC;
    if (kr_is_type(it, &kr_type_coroutine))
        return kr_raise(r, &kr_exc_TypeError, "__await__() returned a coroutine");
    if (!asyncio_is_iterator(it))
        return kr_raise(r, &kr_exc_TypeError, "__await__() returned non-iterator of type '%s'", kr_type_name(it));
    return it;
}

// ---- C coroutines ----------------------------------------------------------------------

static void asyncio_coro_trace(KrRun *r, KrObj *o) {
    AsyncioCoro *c = (AsyncioCoro *)o;
    for (int i = 0; i < ASYNCIO_CO_NV; i++) kr_gc_mark(r, c->v[i]);
    kr_gc_mark(r, c->awaiting);
    kr_gc_mark(r, c->deleg);
    kr_gc_mark(r, c->got);
    kr_gc_mark(r, c->pending);
}

static AsyncioCoro *asyncio_coro_new(KrRun *r, uint8_t kind) {
    AsyncioCoro *c = kr_gc_alloc(r, &asyncio_coro_type, sizeof(AsyncioCoro));
    if (!c) return NULL;
    KrObj header = c->ob;
    memset(c, 0, sizeof *c);
    c->ob = header;
    c->kind = kind;
    for (int i = 0; i < ASYNCIO_CO_NV; i++) c->v[i] = KR_NULL;
    c->awaiting = c->deleg = c->got = c->pending = KR_NULL;
    return c;
}

// `await aw` inside a C coroutine, continuing in state `next`. Returns the
// marker to yield (the coroutine is suspended), KR_EXC, or KR_NULL when aw
// completed at once: then co->got holds its value or *exc its exception.
static KrValue asyncio_co_await(KrRun *r, AsyncioCoro *co, KrValue aw, uint8_t next, KrValue *exc) {
    co->state = next;
    co->got = KR_NONE;
    *exc = KR_NULL;
    if (asyncio_is_future(aw)) {
        AsyncioFuture *f = asyncio_fut_of(aw);
        if (f->state == ASYNCIO_PENDING) {
            f->blocking = true;
            co->awaiting = aw;
            return aw;
        }
        KrValue v = asyncio_result(r, f);
        if (v == KR_EXC) *exc = asyncio_take_exc(r);
        else co->got = v;
        return *exc == KR_NULL && r->limit_hit ? KR_EXC : KR_NULL;
    }
    KrValue it = asyncio_await_iter(r, aw);
    if (it == KR_EXC) {
        *exc = asyncio_take_exc(r);
        return *exc == KR_NULL ? KR_EXC : KR_NULL;
    }
    co->deleg = it; // reachable while it runs its first step
    KrValue y = asyncio_drive(r, it, KR_NULL);
    if (y != KR_STOP && y != KR_EXC) return y;
    co->deleg = KR_NULL;
    if (y == KR_STOP) co->got = asyncio_stop_value(r);
    else if ((*exc = asyncio_take_exc(r)) == KR_NULL) return KR_EXC;
    return KR_NULL;
}

static KrValue asyncio_co_step(KrRun *r, AsyncioCoro *co, KrValue exc);

// One resumption: finish the pending await (delegate or future), then run
// the state machine with its outcome (exc != KR_NULL: the await raised).
static KrValue asyncio_co_advance(KrRun *r, AsyncioCoro *co, KrValue exc) {
    co->got = KR_NONE;
    if (co->deleg != KR_NULL) {
        KrValue y = asyncio_drive(r, co->deleg, exc);
        if (y != KR_STOP && y != KR_EXC) return y;
        co->deleg = KR_NULL;
        exc = KR_NULL;
        if (y == KR_STOP) co->got = asyncio_stop_value(r);
        else if ((exc = asyncio_take_exc(r)) == KR_NULL) return KR_EXC;
    } else if (co->awaiting != KR_NULL) {
        AsyncioFuture *f = asyncio_fut_of(co->awaiting);
        co->awaiting = KR_NULL;
        if (exc == KR_NULL) {
            KrValue v = f->state == ASYNCIO_PENDING
                            ? kr_raise(r, &kr_exc_RuntimeError, "await wasn't used with future")
                            : asyncio_result(r, f);
            if (v != KR_EXC) co->got = v;
            else if ((exc = asyncio_take_exc(r)) == KR_NULL) return KR_EXC;
        }
    }
    return asyncio_co_step(r, co, exc);
}

static void asyncio_co_release(AsyncioCoro *co) {
    co->finished = true;
    for (int i = 0; i < ASYNCIO_CO_NV; i++) co->v[i] = KR_NULL;
    co->awaiting = co->deleg = co->got = co->pending = KR_NULL;
}

static KrValue asyncio_coro_resume(KrRun *r, KrValue self, KrValue exc) {
    AsyncioCoro *co = asyncio_coro_of(self);
    if (co->finished) {
        if (exc != KR_NULL) return kr_raise_value(r, exc);
        return kr_raise(r, &kr_exc_RuntimeError, "cannot reuse already awaited coroutine");
    }
    if (co->running) return kr_raise(r, &kr_exc_ValueError, "coroutine already executing");
    if (exc == KR_NULL && co->pending != KR_NULL) {
        exc = co->pending;
        co->pending = KR_NULL;
    }
    if (exc != KR_NULL && !co->started) {
        // thrown into a coroutine that never ran (a task cancelled before
        // its first step): it ends with the exception, as CPython's do
        asyncio_co_release(co);
        return kr_raise_value(r, exc);
    }
    co->running = true;
    co->started = true;
    KrValue res = asyncio_co_advance(r, co, exc);
    co->running = false;
    if (res == KR_STOP || res == KR_EXC) asyncio_co_release(co);
    else if (co->deleg == KR_NULL) asyncio_note_leaf(r, self); // it suspended itself: innermost
    return res;
}

// ---- tasks ------------------------------------------------------------------------------

static KrValue asyncio_task_new(KrRun *r, AsyncioLoop *l, KrValue coro, KrValue name) {
    if (!asyncio_is_coroutine(coro)) {
        const char *s = "?";
        if (asyncio_repr_cstr(r, coro, &s) == KR_EXC) return KR_EXC;
        return kr_raise(r, &kr_exc_TypeError, "a coroutine was expected, got %s", s);
    }
    if (!asyncio_check_closed(r, l)) return KR_EXC;
    AsyncioState *st = asyncio_loop_state(l);
    if (name == KR_NULL || name == KR_NONE) {
        char buf[40];
        snprintf(buf, sizeof buf, "Task-%lld", (long long)++st->task_counter);
        name = kr_str_from_cstr(r, buf);
    } else if (!kr_is_str(name)) {
        name = kr_str(r, name);
    }
    if (name == KR_EXC) return KR_EXC;
    AsyncioFuture *t = asyncio_future_alloc(r, &asyncio_task_type, kr_from_obj(l));
    if (!t) return KR_EXC;
    t->coro = t->driver = coro;
    t->name = name;
    if (!asyncio_push(r, l, ASYNCIO_E_STEP, kr_from_obj(t), KR_NULL)) return KR_EXC;
    asyncio_task_link(l, t);
    return kr_from_obj(t);
}

// An exception object made by raising, for handing to a task step.
static KrValue asyncio_make_error(KrRun *r, const char *fmt, const char *a, const char *b) {
    kr_raise(r, &kr_exc_RuntimeError, fmt, a, b);
    KrValue e = asyncio_take_exc(r);
    return e == KR_NULL ? KR_EXC : e;
}

// The coroutine yielded something a task cannot wait on: it gets a
// RuntimeError thrown in at its next step (CPython's messages). fmt takes
// two %s: the task's repr and the yielded value's (mode 0), the value's and
// "" (mode 1), or the task's and "" (mode 2).
static bool asyncio_task_bad_yield(KrRun *r, AsyncioLoop *l, AsyncioFuture *t, KrValue res, const char *fmt,
                                   int mode) {
    const char *ts = "?", *rs = "?";
    KrValue trepr = asyncio_repr_cstr(r, kr_from_obj(t), &ts);
    if (trepr == KR_EXC) return false;
    kr_root_push(r, &trepr);
    KrValue rrepr = asyncio_repr_cstr(r, res, &rs);
    kr_root_pop(r, 1);
    if (rrepr == KR_EXC) return false;
    KrValue e = mode == 0 ? asyncio_make_error(r, fmt, ts, rs)
                          : asyncio_make_error(r, fmt, mode == 1 ? rs : ts, "");
    return e != KR_EXC && asyncio_push(r, l, ASYNCIO_E_STEP, kr_from_obj(t), e);
}

static bool asyncio_task_yielded(KrRun *r, AsyncioLoop *l, AsyncioFuture *t, KrValue res) {
    if (res == KR_NONE) return asyncio_push(r, l, ASYNCIO_E_STEP, kr_from_obj(t), KR_NULL);
    if (!asyncio_is_future(res)) {
        if (kr_is_type(res, &kr_type_generator))
            return asyncio_task_bad_yield(r, l, t, res,
                                          "yield was used instead of yield from for generator in task %s with %s", 0);
        return asyncio_task_bad_yield(r, l, t, res, "Task got bad yield: %s%s", 1);
    }
    AsyncioFuture *f = asyncio_fut_of(res);
    if (f->loop != t->loop)
        return asyncio_task_bad_yield(r, l, t, res, "Task %s got Future %s attached to a different loop", 0);
    if (!f->blocking)
        return asyncio_task_bad_yield(r, l, t, res, "yield was used instead of yield from in task %s with %s", 0);
    if (f == t) return asyncio_task_bad_yield(r, l, t, res, "Task cannot await on itself: %s%s", 2);
    f->blocking = false;
    if (!asyncio_add_done_cb(r, f, kr_from_obj(t))) return false; // the task itself marks its wake-up
    t->waiter = res;
    if (t->must_cancel) {
        int c = asyncio_cancel(r, f, t->cancel_msg);
        if (c < 0) return false;
        if (c) t->must_cancel = false;
    }
    return true;
}

static bool asyncio_is_exit_exc(KrValue e) {
    return kr_exc_is(e, &kr_exc_SystemExit) || kr_exc_is(e, &kr_exc_KeyboardInterrupt);
}

// The coroutine raised: the task ends with that exception (or cancelled).
// SystemExit and KeyboardInterrupt also leave the loop, as in CPython.
static bool asyncio_task_failed(KrRun *r, AsyncioFuture *t) {
    KrValue e = asyncio_take_exc(r);
    if (e == KR_NULL) return false;
    if (asyncio_is_cancelled_error(asyncio_fut_state(t), e)) {
        t->cancelled_exc = e;
        return asyncio_future_cancel(r, t, KR_NULL) >= 0;
    }
    if (!asyncio_set_exc(r, t, e)) return false;
    if (!asyncio_is_exit_exc(e)) return true;
    r->exc = e;
    return false;
}

// Hands exc to the awaitable the task is suspended in, to raise when the
// step resumes it; false when the task waits elsewhere (then it is thrown).
static bool asyncio_leaf_take(AsyncioFuture *t, KrValue exc) {
    KrValue leaf = t->leaf;
    if (kr_is_type(leaf, &asyncio_coro_type) && !asyncio_coro_of(leaf)->finished) {
        asyncio_coro_of(leaf)->pending = exc;
        return true;
    }
    if (kr_is_type(leaf, &asyncio_futiter_type) && !((AsyncioFutIter *)kr_as_obj(leaf))->finished) {
        ((AsyncioFutIter *)kr_as_obj(leaf))->pending = exc;
        return true;
    }
    return false;
}

// One step of a task (CPython's Task.__step): resume the coroutine, then
// act on what it did. False only when the loop must stop with r->exc set
// (limits, SystemExit) or its own machinery failed.
static bool asyncio_task_step(KrRun *r, AsyncioLoop *l, AsyncioFuture *t, KrValue exc) {
    if (t->state != ASYNCIO_PENDING) return true;
    if (t->must_cancel) {
        if (!asyncio_is_cancelled_error(asyncio_fut_state(t), exc)) {
            exc = asyncio_cancelled_error(r, t);
            if (exc == KR_EXC) return false;
            l->cur.b = exc; // reachable while the coroutine runs
        }
        t->must_cancel = false;
    }
    t->waiter = KR_NULL;
    if (exc != KR_NULL && asyncio_leaf_take(t, exc)) exc = KR_NULL;
    t->leaf = KR_NULL;
    l->current_task = kr_from_obj(t);
    // a coroutine stepped straight from a pausable loop may pause at a
    // plain external call (the whole loop pauses with it, as CPython blocks)
    uint32_t pause_depth = r->pause_depth;
    if (r->native_depth == 0 && kr_is_type(t->driver, &kr_type_coroutine)) r->pause_depth = 1;
    KrValue res = asyncio_drive(r, t->driver, exc);
    r->pause_depth = pause_depth;
    l->current_task = KR_NULL;
    if (res == KR_EXC && r->pausing) return false;
    if (res == KR_STOP) {
        KrValue v = asyncio_stop_value(r);
        if (!t->must_cancel) return asyncio_set_result(r, t, v);
        t->must_cancel = false;
        return asyncio_future_cancel(r, t, t->cancel_msg) >= 0;
    }
    if (res == KR_EXC) return asyncio_task_failed(r, t);
    return asyncio_task_yielded(r, l, t, res);
}

// ---- running the loop ------------------------------------------------------------------------

static bool asyncio_gather_child_done(KrRun *r, AsyncioFuture *g, AsyncioFuture *f);
static bool asyncio_run_handle(KrRun *r, AsyncioLoop *l, AsyncioHandle *h, KrValue fut);

// "fn(arg, ...)": a callback and its arguments as CPython's handles show
// them (the function's __qualname__, else its repr).
static bool asyncio_call_desc(KrRun *r, KrValue fn, KrValue args, KrBuf *b) {
    KrValue qn = kr_getattr_cstr(r, fn, "__qualname__");
    if (qn == KR_EXC || !kr_is_str(qn)) {
        kr_clear_exc(r);
        qn = kr_repr(r, fn);
        if (qn == KR_EXC) return false;
    }
    kr_root_push(r, &qn); // the arguments' reprs may run Python code
    KrValue s = kr_repr(r, args);
    kr_root_pop(r, 1);
    if (s == KR_EXC) return false;
    KrStr *as = kr_as_str(s);
    size_t n = as->nbytes >= 2 ? as->nbytes - 2 : 0;
    if (n && as->data[n] == ',') n--; // (x,) -> x
    return kr_buf_printf(b, "%s(%.*s)", kr_as_str(qn)->data, (int)n, as->data + 1);
}

// A callback raised: CPython's default exception handler logs it to stderr
// and the loop goes on. Limits, SystemExit and KeyboardInterrupt stop it.
static bool asyncio_report(KrRun *r, KrValue fn, KrValue args) {
    KrValue e = asyncio_take_exc(r);
    if (e == KR_NULL) return false;
    if (asyncio_is_exit_exc(e)) {
        r->exc = e;
        return false;
    }
    kr_root_push(r, &e);
    kr_root_push(r, &args); // describing the callback may run Python code
    KrBuf d, b;
    kr_buf_init(&d, kr_run_allocator(r));
    kr_buf_init(&b, kr_run_allocator(r));
    if (!asyncio_call_desc(r, fn, args, &d)) {
        kr_clear_exc(r);
        d.len = 0;
    }
    bool ok = kr_buf_printf(&b, "Exception in callback %.*s\nhandle: <Handle %.*s>\n", (int)d.len, d.data ? d.data : "",
                            (int)d.len, d.data ? d.data : "") &&
              kr_format_exception(r, e, &b);
    if (ok) ok = kr_run_write(r, 2, b.data, b.len);
    kr_buf_free(&d);
    kr_buf_free(&b);
    kr_root_pop(r, 2);
    return ok || !r->limit_hit;
}

static bool asyncio_run_done_cb(KrRun *r, AsyncioLoop *l, KrValue cb, KrValue fut) {
    const KrType *t = kr_is_ptr(cb) ? kr_as_obj(cb)->type : NULL;
    if (t == &asyncio_task_type) return asyncio_task_step(r, l, asyncio_fut_of(cb), KR_NULL); // wake-up
    if (t == &asyncio_gathering_type) return asyncio_gather_child_done(r, asyncio_fut_of(cb), asyncio_fut_of(fut));
    if (t == &asyncio_handle_type) return asyncio_run_handle(r, l, asyncio_handle_of(cb), fut);
    if (kr_call1(r, cb, fut) != KR_EXC) return true;
    KrValue args = kr_tuple_from_array(r, &fut, 1);
    return args != KR_EXC && asyncio_report(r, cb, args);
}

static bool asyncio_run_entry(KrRun *r, AsyncioLoop *l, AsyncioEntry e) {
    l->cur = e;
    bool ok = true;
    if (e.kind == ASYNCIO_E_STEP) ok = asyncio_task_step(r, l, asyncio_fut_of(e.a), e.b);
    else if (e.kind == ASYNCIO_E_DONE_CB) ok = asyncio_run_done_cb(r, l, e.a, e.b);
    else ok = asyncio_run_handle(r, l, asyncio_handle_of(e.a), KR_NULL);
    l->cur.a = l->cur.b = KR_NULL;
    return ok;
}

// Nothing is ready, no timer is pending, no host call is pending (or the
// loop cannot pause: it runs under native code), and the loop must go on:
// every task waits for a future nothing in the program will complete.
// CPython would block forever; krait ends the wait with an error instead.
// (With host calls pending, asyncio_host_wait pauses the run instead: the
// embedding API hands every pending call to the host at once, and the
// answers complete their futures when the run goes on.)
static bool asyncio_idle(KrRun *r, AsyncioLoop *l) {
    (void)l;
    kr_raise(r, &kr_exc_RuntimeError,
             "asyncio: deadlock: every task is waiting for a future that nothing will complete");
    return false;
}

// One iteration (CPython's _run_once): due timers join the ready queue, then
// the callbacks ready now run; those they schedule wait for the next one.
// Host calls are pending and nothing is ready: pause (unless the host went
// on without answering and a timer can fire: then virtual time moves).
static bool asyncio_host_wait(KrRun *r, AsyncioLoop *l) {
    bool ok_to_tick = r->host_idle_ok && l->ntimers > 0;
    r->host_idle_ok = false;
    if (ok_to_tick || r->native_depth != 0 || !kr_ext_pending_count(r)) return false;
    r->pausing = true;
    return true;
}

// Runs the ready entries of this iteration; an entry that paused the run
// goes back to the front, to run again on resume.
static bool asyncio_run_batch(KrRun *r, AsyncioLoop *l, size_t n) {
    for (; n > 0 && l->rlen > 0; n--) {
        AsyncioEntry e = asyncio_pop(l);
        if (!asyncio_run_entry(r, l, e)) {
            // the entry's slot may be taken by what it scheduled before
            // pausing; no room (a limit hit) ends the run, not a pause
            if (r->pausing && asyncio_ready_room(r, l)) {
                l->rhead = (l->rhead + l->rcap - 1) % l->rcap;
                l->ready[l->rhead] = e;
                l->rlen++;
                l->batch_left = n;
            }
            return false;
        }
        if (!kr_run_tick(r, 1)) return false;
    }
    return true;
}

static bool asyncio_run_once(KrRun *r, AsyncioLoop *l) {
    if (l->batch_left) {
        size_t n = l->batch_left;
        l->batch_left = 0;
        return asyncio_run_batch(r, l, n);
    }
    asyncio_timers_prune(l);
    if (l->rlen == 0 && !l->stopping) {
        if (asyncio_host_wait(r, l)) return false;
        if (l->ntimers == 0) return asyncio_idle(r, l);
        double when = asyncio_handle_of(l->timers[0])->when;
        if (when > l->now) l->now = when; // virtual time: jump to the next timer
    }
    while (l->ntimers) {
        KrValue h = l->timers[0];
        if (!asyncio_handle_of(h)->cancelled && asyncio_handle_of(h)->when > l->now) break;
        asyncio_timer_pop(l);
        if (!asyncio_handle_of(h)->cancelled && !asyncio_push(r, l, ASYNCIO_E_HANDLE, h, KR_NULL)) return false;
    }
    return asyncio_run_batch(r, l, l->rlen);
}

static bool asyncio_can_run(KrRun *r, AsyncioLoop *l) {
    if (!asyncio_check_closed(r, l)) return false;
    AsyncioState *st = asyncio_loop_state(l);
    if (l->running) {
        kr_raise(r, &kr_exc_RuntimeError, "This event loop is already running");
        return false;
    }
    if (st->running != KR_NULL) {
        kr_raise(r, &kr_exc_RuntimeError, "Cannot run the event loop while another loop is running");
        return false;
    }
    return true;
}

// run_forever(): until stop() (or run_until_complete's callback) is seen
// between two iterations. The caller checked asyncio_can_run.
static bool asyncio_run_forever(KrRun *r, AsyncioLoop *l) {
    AsyncioState *st = asyncio_loop_state(l);
    st->running = kr_from_obj(l);
    l->running = true;
    bool ok;
    do {
        ok = asyncio_run_once(r, l);
    } while (ok && !l->stopping);
    l->stopping = false;
    l->running = false;
    st->running = KR_NULL;
    return ok;
}

static KrValue asyncio_ensure_future(KrRun *r, KrValue aw, AsyncioLoop *l);

// loop.run_until_complete(aw): its result, or its exception raised.
static KrValue asyncio_run_until_complete(KrRun *r, AsyncioLoop *l, KrValue aw) {
    if (!asyncio_can_run(r, l)) return KR_EXC;
    KrValue fut;
    if (l->pause_aw != KR_NULL && l->pause_aw == aw) {
        fut = l->pause_fut; // going on after a pause: the same call again
    } else {
        fut = asyncio_ensure_future(r, aw, l);
        if (fut == KR_EXC) return KR_EXC;
    }
    l->pause_aw = l->pause_fut = KR_NULL;
    kr_root_push(r, &fut);
    KrValue stop = asyncio_handle_new(r, &asyncio_handle_type, ASYNCIO_H_STOP, kr_from_obj(l), KR_NULL);
    KrValue res = KR_EXC;
    if (stop != KR_EXC && asyncio_add_done_cb(r, asyncio_fut_of(fut), stop)) {
        bool ok = asyncio_run_forever(r, l);
        asyncio_remove_cb_identity(asyncio_fut_of(fut), stop);
        if (!ok && r->pausing) {
            l->pause_aw = aw;
            l->pause_fut = fut;
        } else if (ok && asyncio_fut_of(fut)->state == ASYNCIO_PENDING)
            kr_raise(r, &kr_exc_RuntimeError, "Event loop stopped before Future completed.");
        else if (ok)
            res = asyncio_result(r, asyncio_fut_of(fut));
    }
    kr_root_pop(r, 1);
    return res;
}

// ---- ensure_future, gather, handles ---------------------------------------------------------

// The loop get_event_loop() gives: the running one, else the current one,
// made on first use (until set_event_loop() has been called).
static AsyncioLoop *asyncio_event_loop(KrRun *r) {
    AsyncioState *st = asyncio_state_or_raise(r);
    if (!st) return NULL;
    if (st->running != KR_NULL) return asyncio_loop_of(st->running);
    if (st->current == KR_NULL && !st->set_called) {
        KrValue l = asyncio_loop_new(r, st);
        if (l == KR_EXC) return NULL;
        st->current = l;
    }
    if (st->current == KR_NULL) {
        kr_raise(r, &kr_exc_RuntimeError, "There is no current event loop in thread 'MainThread'.");
        return NULL;
    }
    return asyncio_loop_of(st->current);
}

// ensure_future(aw): a future as it is; a coroutine becomes a task; any other
// awaitable a task running `await aw` (CPython's _wrap_awaitable).
static KrValue asyncio_ensure_future(KrRun *r, KrValue aw, AsyncioLoop *l) {
    if (asyncio_is_future(aw)) {
        if (l && asyncio_fut_of(aw)->loop != kr_from_obj(l))
            return kr_raise(r, &kr_exc_ValueError,
                            "The future belongs to a different loop than the one specified as the loop argument");
        return aw;
    }
    bool coro = asyncio_is_coroutine(aw);
    if (!coro) {
        KrValue m = kr_lookup_special(r, aw, "__await__");
        if (m == KR_EXC) return KR_EXC;
        if (m == KR_NULL)
            return kr_raise(r, &kr_exc_TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
    }
    if (!l && !(l = asyncio_event_loop(r))) return KR_EXC;
    if (coro) return asyncio_task_new(r, l, aw, KR_NULL);
    AsyncioCoro *w = asyncio_coro_new(r, ASYNCIO_CO_VALUE);
    if (!w) return KR_EXC;
    w->v[0] = aw;
    w->v[1] = KR_TRUE; // await v[0]
    return asyncio_task_new(r, l, kr_from_obj(w), KR_NULL);
}

// For each item, the position of its first occurrence (identity): gather()
// and as_completed() make one future per distinct argument. The hash table
// is keyed by the value's bits and only answers membership, so no
// address-dependent order can show. NULL (with MemoryError) on failure.
static size_t *asyncio_first_positions(KrRun *r, const KrValue *items, size_t n) {
    size_t cap = 16;
    while (cap < 2 * n) cap *= 2;
    size_t bytes = (n + cap) * sizeof(size_t);
    size_t *first = kr_mem_alloc(r, bytes);
    if (!first) return NULL;
    size_t *table = first + n; // slots hold position + 1 (0: empty)
    memset(table, 0, cap * sizeof(size_t));
    for (size_t i = 0; i < n; i++) {
        uint64_t h = (items[i] * 0x9E3779B97F4A7C15ULL) >> 20;
        size_t s = (size_t)h & (cap - 1);
        while (table[s] && items[table[s] - 1] != items[i]) s = (s + 1) & (cap - 1);
        if (!table[s]) table[s] = i + 1;
        first[i] = table[s] - 1;
    }
    return first;
}

static void asyncio_first_positions_free(KrRun *r, size_t *first, size_t n) {
    size_t cap = 16;
    while (cap < 2 * n) cap *= 2;
    kr_mem_free(r, first, (n + cap) * sizeof(size_t));
}

// gather(*aws, return_exceptions=False): a _GatheringFuture over one future
// per distinct argument (coroutines become tasks, in argument order).
static KrValue asyncio_gather_impl(KrRun *r, size_t argc, const KrValue *args, bool rexc) {
    AsyncioFuture *g = asyncio_future_alloc(r, argc ? &asyncio_gathering_type : &asyncio_future_type, KR_NULL);
    if (!g) return KR_EXC;
    KrValue gv = kr_from_obj(g);
    g->return_exceptions = rexc;
    if (argc == 0) { // a plain Future, already done
        AsyncioLoop *l = asyncio_event_loop(r);
        KrValue empty = l ? kr_list_new(r, 0) : KR_EXC;
        if (empty == KR_EXC) return KR_EXC;
        g->loop = kr_from_obj(l);
        return asyncio_set_result(r, g, empty) ? gv : KR_EXC;
    }
    KrValue children = kr_list_new(r, argc);
    if (children == KR_EXC) return KR_EXC;
    g->children = children;
    size_t *first = asyncio_first_positions(r, args, argc);
    if (!first) return KR_EXC;
    kr_root_push(r, &gv);
    AsyncioLoop *l = NULL;
    KrValue res = gv;
    for (size_t i = 0; i < argc && res != KR_EXC; i++) {
        size_t j = first[i];
        KrValue fut = j < i ? kr_as_list(children)->items[j] : asyncio_ensure_future(r, args[i], l);
        if (fut == KR_EXC) {
            res = KR_EXC;
            break;
        }
        if (j == i) {
            if (!l) g->loop = kr_from_obj(l = asyncio_loop_of(asyncio_fut_of(fut)->loop));
            g->nfuts++;
            if (!asyncio_add_done_cb(r, asyncio_fut_of(fut), gv)) res = KR_EXC;
        }
        if (res != KR_EXC && !kr_list_append(r, kr_as_list(children), fut)) res = KR_EXC;
    }
    kr_root_pop(r, 1);
    asyncio_first_positions_free(r, first, argc);
    return res;
}

static KrValue asyncio_gather_results(KrRun *r, AsyncioFuture *g) {
    KrList *ch = kr_as_list(g->children);
    KrValue out = kr_list_new(r, ch->len);
    if (out == KR_EXC) return KR_EXC;
    kr_root_push(r, &out);
    bool ok = true;
    for (size_t i = 0; ok && i < ch->len; i++) {
        AsyncioFuture *c = asyncio_fut_of(ch->items[i]);
        KrValue v = c->result;
        if (c->state == ASYNCIO_CANCELLED) {
            KrValue msg = c->cancel_msg == KR_NULL || c->cancel_msg == KR_NONE ? kr_str_empty() : c->cancel_msg;
            v = asyncio_new_cancelled(r, asyncio_fut_state(c), msg);
        } else if (c->exc != KR_NULL) {
            v = c->exc;
        }
        ok = v != KR_EXC && kr_list_append(r, kr_as_list(out), v);
    }
    kr_root_pop(r, 1);
    return ok ? out : KR_EXC;
}

// A child of a gather finished (CPython's _done_callback in gather()).
static bool asyncio_gather_child_done(KrRun *r, AsyncioFuture *g, AsyncioFuture *f) {
    g->nfinished++;
    if (g->state != ASYNCIO_PENDING) return true;
    if (!g->return_exceptions) {
        if (f->state == ASYNCIO_CANCELLED) {
            KrValue e = asyncio_cancelled_error(r, f);
            return e != KR_EXC && asyncio_set_exc(r, g, e);
        }
        if (f->exc != KR_NULL) return asyncio_set_exc(r, g, f->exc);
    }
    if (g->nfinished < g->nfuts) return true;
    if (g->cancel_requested) {
        KrValue e = asyncio_cancelled_error(r, f);
        return e != KR_EXC && asyncio_set_exc(r, g, e);
    }
    KrValue res = asyncio_gather_results(r, g);
    return res != KR_EXC && asyncio_set_result(r, g, res);
}

static bool asyncio_completed_push(KrRun *r, KrValue state, KrValue fut);
static bool asyncio_completed_timeout(KrRun *r, KrValue state);
static bool asyncio_wait_one_done(KrRun *r, KrValue co, KrValue fut);
static bool asyncio_shield_inner_done(KrRun *r, KrValue outer, AsyncioFuture *inner);
static bool asyncio_timeout_fire(KrRun *r, KrValue tm);

// run_in_executor's work, run on the loop (krait has no threads): func(*args)
// completes the future, with its result or exception.
static bool asyncio_exec_run(KrRun *r, KrValue futv, KrValue call) {
    AsyncioFuture *f = asyncio_fut_of(futv);
    if (f->state != ASYNCIO_PENDING) return true;
    KrTuple *c = kr_as_tuple(call);
    KrTuple *a = kr_as_tuple(c->items[1]);
    KrValue kwn = c->items[2] == KR_NONE ? KR_NULL : c->items[2];
    size_t nkw = kwn == KR_NULL ? 0 : kr_as_tuple(kwn)->len;
    KrValue v = kr_call(r, c->items[0], a->len - nkw, a->items, kwn);
    if (f->state != ASYNCIO_PENDING) { // cancelled meanwhile
        if (v == KR_EXC) kr_clear_exc(r);
        return !r->limit_hit;
    }
    if (v != KR_EXC) return asyncio_set_result(r, f, v);
    KrValue e = asyncio_take_exc(r);
    if (e == KR_NULL) return false;
    if (asyncio_is_exit_exc(e)) {
        r->exc = e;
        return false;
    }
    return asyncio_set_exc(r, f, e);
}

// Schedules func(*args) (args: positional then keyword values) on the loop;
// returns the future of its result.
static KrValue asyncio_exec_schedule(KrRun *r, AsyncioLoop *l, KrValue func, size_t argc, const KrValue *args,
                                     KrValue kwnames) {
    size_t nkw = kwnames == KR_NULL ? 0 : kr_as_tuple(kwnames)->len;
    KrValue fut = asyncio_future_new(r, kr_from_obj(l));
    if (fut == KR_EXC) return KR_EXC;
    kr_root_push(r, &fut);
    KrValue items[3] = {func, kr_tuple_from_array(r, args, argc + nkw), kwnames == KR_NULL ? KR_NONE : kwnames};
    KrValue call = items[1] == KR_EXC ? KR_EXC : kr_tuple_from_array(r, items, 3);
    KrValue h = call == KR_EXC ? KR_EXC : asyncio_handle_new(r, &asyncio_handle_type, ASYNCIO_H_EXEC, fut, call);
    bool ok = h != KR_EXC && asyncio_push(r, l, ASYNCIO_E_HANDLE, h, KR_NULL);
    kr_root_pop(r, 1);
    return ok ? fut : KR_EXC;
}

// Runs a Handle from the ready queue (fut KR_NULL), or an internal handle
// added to a future as its done-callback (fut is that future).
static bool asyncio_run_handle(KrRun *r, AsyncioLoop *l, AsyncioHandle *h, KrValue fut) {
    if (h->cancelled) return true;
    switch (h->kind) {
    case ASYNCIO_H_CALL: {
        KrTuple *a = kr_as_tuple(h->b);
        if (kr_call(r, h->a, a->len, a->items, KR_NULL) != KR_EXC) return true;
        return asyncio_report(r, h->a, h->b);
    }
    case ASYNCIO_H_RESOLVE: {
        AsyncioFuture *f = asyncio_fut_of(h->a);
        return f->state != ASYNCIO_PENDING || asyncio_set_result(r, f, h->b);
    }
    case ASYNCIO_H_STOP:
        asyncio_loop_of(h->a)->stopping = true;
        return true;
    case ASYNCIO_H_COMPLETED:
        return asyncio_completed_push(r, h->a, fut);
    case ASYNCIO_H_AC_TIMEOUT:
        return asyncio_completed_timeout(r, h->a);
    case ASYNCIO_H_WAIT:
        return asyncio_wait_one_done(r, h->a, fut);
    case ASYNCIO_H_SHIELD_INNER:
        return asyncio_shield_inner_done(r, h->a, asyncio_fut_of(fut));
    case ASYNCIO_H_SHIELD_OUTER:
        if (asyncio_fut_of(h->a)->state == ASYNCIO_PENDING) asyncio_remove_cb_identity(asyncio_fut_of(h->a), h->b);
        return true;
    case ASYNCIO_H_TIMEOUT:
        return asyncio_timeout_fire(r, h->a);
    case ASYNCIO_H_EXEC:
        return asyncio_exec_run(r, h->a, h->b);
    }
    (void)l;
    return true;
}

// ---- Future.__await__'s iterator -------------------------------------------------------------

static void asyncio_futiter_trace(KrRun *r, KrObj *o) {
    kr_gc_mark(r, ((AsyncioFutIter *)o)->fut);
    kr_gc_mark(r, ((AsyncioFutIter *)o)->pending);
}

static KrValue asyncio_futiter_new(KrRun *r, KrValue fut) {
    AsyncioFutIter *it = kr_gc_alloc(r, &asyncio_futiter_type, sizeof(AsyncioFutIter));
    if (!it) return KR_EXC;
    it->fut = fut;
    it->pending = KR_NULL;
    it->yielded = it->finished = false;
    return kr_from_obj(it);
}

// Yields the future while it is pending (asking the task to wait for it),
// then returns its result or raises its exception.
static KrValue asyncio_futiter_next(KrRun *r, KrValue self) {
    AsyncioFutIter *it = (AsyncioFutIter *)kr_as_obj(self);
    if (it->finished) return KR_STOP;
    AsyncioFuture *f = asyncio_fut_of(it->fut);
    if (!it->yielded && f->state == ASYNCIO_PENDING) {
        f->blocking = true;
        it->yielded = true;
        asyncio_note_leaf(r, self);
        return it->fut;
    }
    it->finished = true;
    if (it->pending != KR_NULL) {
        KrValue e = it->pending;
        it->pending = KR_NULL;
        return kr_raise_value(r, e);
    }
    if (f->state == ASYNCIO_PENDING) return kr_raise(r, &kr_exc_RuntimeError, "await wasn't used with future");
    KrValue v = asyncio_result(r, f);
    return v == KR_EXC ? KR_EXC : asyncio_return(r, v);
}

static KrValue asyncio_futiter_send(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_dict_check_args(r, "FutureIter.send", argc, kw, 1, 1)) return KR_EXC;
    KrValue v = asyncio_futiter_next(r, self);
    if (v != KR_STOP) return v;
    KrValue stop = r->stop_exc;
    r->stop_exc = KR_NULL;
    return kr_raise_value(r, stop != KR_NULL ? stop : kr_from_obj(&kr_exc_StopIteration));
}

// throw(typ[, val[, tb]]): the exception is raised where the await waits.
static KrValue asyncio_throw_arg(KrRun *r, size_t argc, const KrValue *args) {
    KrValue e = args[0];
    if (kr_is_type(e, &kr_type_type) && (((const KrType *)kr_as_obj(e))->flags & KR_TF_EXC)) {
        e = argc >= 2 && args[1] != KR_NONE ? kr_call1(r, e, args[1]) : kr_call0(r, e);
        if (e == KR_EXC) return KR_EXC;
    }
    if (!(kr_typeof(e)->flags & KR_TF_EXC))
        return kr_raise(r, &kr_exc_TypeError,
                        "exceptions must be classes or instances deriving from BaseException, not %s",
                        kr_type_name(e));
    return e;
}

static KrValue asyncio_futiter_throw(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    if (!kr_args_no_kw(r, "throw", kw) || !kr_args_count(r, "throw", argc, 1, 3)) return KR_EXC;
    KrValue e = asyncio_throw_arg(r, argc, args);
    if (e == KR_EXC) return KR_EXC;
    ((AsyncioFutIter *)kr_as_obj(self))->finished = true;
    return kr_raise_value(r, e);
}

static KrValue asyncio_futiter_close(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw) {
    (void)args;
    if (!kr_dict_check_args(r, "FutureIter.close", argc, kw, 0, 0)) return KR_EXC;
    ((AsyncioFutIter *)kr_as_obj(self))->finished = true;
    return KR_NONE;
}

static KrValue asyncio_self_iter(KrRun *r, KrValue v) {
    (void)r;
    return v;
}

static const KrMethodDef asyncio_futiter_methods[] = {
    {"__iter__", kr_iter_meth_iter, 0},
    {"__next__", kr_iter_meth_next, 0},
    {"send", asyncio_futiter_send, 0},
    {"throw", asyncio_futiter_throw, 0},
    {"close", asyncio_futiter_close, 0},
    {NULL, NULL, 0},
};

static const KrType asyncio_futiter_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "FutureIter",
    .base = &kr_type_object,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(AsyncioFutIter),
    .trace = asyncio_futiter_trace,
    .repr = kr_iter_repr,
    .hash = kr_identity_hash,
    .iter = asyncio_self_iter,
    .next = asyncio_futiter_next,
    .methods = asyncio_futiter_methods,
    .snap = &asyncio_futiter_snap,
};

// ---- queues and locks: layouts ---------------------------------------------------------------

// Lock, Event, Semaphore, BoundedSemaphore: a counter and the futures of the
// tasks waiting (FIFO). Bound to the loop that first waits on them.
typedef struct AsyncioSync {
    KrObj ob;
    KrValue loop;    // KR_NULL until first needed
    KrValue waiters; // list of futures
    int64_t value;   // Lock: 1 when locked; Event: 1 when set; Semaphore: the counter
    int64_t bound;   // BoundedSemaphore: the initial value; else -1
} AsyncioSync;

enum { ASYNCIO_Q_FIFO, ASYNCIO_Q_LIFO, ASYNCIO_Q_PRIORITY };
typedef struct AsyncioQueue {
    KrObj ob;
    uint8_t mode;
    int64_t maxsize;
    KrValue items;           // list (FIFO: items from `head` on)
    size_t head;
    KrValue getters, putters; // lists of futures
    int64_t unfinished;
    KrValue finished;        // an Event, set when unfinished reaches 0
    KrValue loop;
} AsyncioQueue;

static const KrType asyncio_lock_type, asyncio_event_type, asyncio_semaphore_type, asyncio_bsemaphore_type,
    asyncio_queue_type, asyncio_lifo_queue_type, asyncio_priority_queue_type;

static AsyncioSync *asyncio_sync_of(KrValue v) { return (AsyncioSync *)kr_as_obj(v); }
static AsyncioQueue *asyncio_queue_of(KrValue v) { return (AsyncioQueue *)kr_as_obj(v); }

// CPython's _LoopBoundMixin._get_loop: the running loop, which must be the
// one the object first used.
static AsyncioLoop *asyncio_bound_loop(KrRun *r, KrValue self, KrValue *slot) {
    AsyncioLoop *l = asyncio_running_loop(r);
    if (!l) return NULL;
    if (*slot == KR_NULL) *slot = kr_from_obj(l);
    if (*slot == kr_from_obj(l)) return l;
    const char *s = "?";
    if (asyncio_repr_cstr(r, self, &s) != KR_EXC)
        kr_raise(r, &kr_exc_RuntimeError, "%s is bound to a different event loop", s);
    return NULL;
}

// A new future appended to a waiters list (made on demand).
static KrValue asyncio_new_waiter(KrRun *r, AsyncioLoop *l, KrValue *list) {
    if (*list == KR_NULL && (*list = kr_list_new(r, 1)) == KR_EXC) {
        *list = KR_NULL;
        return KR_EXC;
    }
    KrValue fut = asyncio_future_new(r, kr_from_obj(l));
    if (fut == KR_EXC || !kr_list_append(r, kr_as_list(*list), fut)) return KR_EXC;
    return fut;
}

static void asyncio_list_remove(KrValue list, KrValue v) {
    if (list == KR_NULL) return;
    KrList *l = kr_as_list(list);
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i] == v) {
            memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(KrValue));
            l->len--;
            return;
        }
}

static KrValue asyncio_list_popleft(KrValue list) {
    KrList *l = kr_as_list(list);
    KrValue v = l->items[0];
    memmove(l->items, l->items + 1, (l->len - 1) * sizeof(KrValue));
    l->len--;
    return v;
}

static size_t asyncio_list_len(KrValue list) { return list == KR_NULL ? 0 : kr_as_list(list)->len; }

static bool asyncio_sem_locked(AsyncioSync *s) {
    if (s->value == 0) return true;
    for (size_t i = 0; i < asyncio_list_len(s->waiters); i++)
        if (asyncio_fut_of(kr_as_list(s->waiters)->items[i])->state != ASYNCIO_CANCELLED) return true;
    return false;
}

// Lock: the first waiter (if still waiting) gets the lock next.
static bool asyncio_lock_wake_first(KrRun *r, AsyncioSync *s) {
    if (asyncio_list_len(s->waiters) == 0) return true;
    AsyncioFuture *f = asyncio_fut_of(kr_as_list(s->waiters)->items[0]);
    return f->state != ASYNCIO_PENDING || asyncio_set_result(r, f, KR_TRUE);
}

// Semaphore: the first waiter still waiting takes one unit.
static bool asyncio_sem_wake_next(KrRun *r, AsyncioSync *s) {
    for (size_t i = 0; i < asyncio_list_len(s->waiters); i++) {
        AsyncioFuture *f = asyncio_fut_of(kr_as_list(s->waiters)->items[i]);
        if (f->state == ASYNCIO_PENDING) {
            s->value--;
            return asyncio_set_result(r, f, KR_TRUE);
        }
    }
    return true;
}

// Queue: wake the first waiter of a getters/putters list still waiting.
static bool asyncio_queue_wakeup_next(KrRun *r, KrValue list) {
    while (asyncio_list_len(list)) {
        AsyncioFuture *f = asyncio_fut_of(asyncio_list_popleft(list));
        if (f->state == ASYNCIO_PENDING) return asyncio_set_result(r, f, KR_NONE);
    }
    return true;
}

static size_t asyncio_queue_size(AsyncioQueue *q) { return kr_as_list(q->items)->len - q->head; }
static bool asyncio_queue_full(AsyncioQueue *q) {
    return q->maxsize > 0 && (int64_t)asyncio_queue_size(q) >= q->maxsize;
}
static KrValue asyncio_queue_put_nowait(KrRun *r, AsyncioQueue *q, KrValue item);
static KrValue asyncio_queue_get_nowait(KrRun *r, AsyncioQueue *q);

// ---- C coroutines: the state machines ----------------------------------------------------------

static KrValue asyncio_co_result(KrRun *r, AsyncioFuture *f) {
    KrValue v = asyncio_result(r, f);
    return v == KR_EXC ? KR_EXC : asyncio_return(r, v);
}

// sleep(delay, result): v0 delay, v1 result, v2 future, v3 timer.
static KrValue asyncio_sleep_step(KrRun *r, AsyncioCoro *co, KrValue exc) {
    KrValue y;
    switch (co->state) {
    case 0: {
        KrValue le = kr_compare(r, co->v[0], kr_from_small(0), KR_CMP_LE);
        int t = le == KR_EXC ? -1 : kr_truth(r, le);
        if (t < 0) return KR_EXC;
        if (t) {
            co->state = 1;
            return KR_NONE; // a bare yield: the task runs again on the next iteration
        }
        AsyncioLoop *l = asyncio_running_loop(r);
        double d;
        if (!l || !asyncio_to_double(r, co->v[0], &d)) return KR_EXC;
        KrValue fut = asyncio_future_new(r, kr_from_obj(l));
        if (fut == KR_EXC) return KR_EXC;
        co->v[2] = fut;
        KrValue h = asyncio_call_at(r, l, l->now + d, ASYNCIO_H_RESOLVE, fut, co->v[1]);
        if (h == KR_EXC) return KR_EXC;
        co->v[3] = h;
        y = asyncio_co_await(r, co, fut, 2, &exc);
        if (y != KR_NULL) return y;
        break;
    }
    case 1:
        return exc != KR_NULL ? kr_raise_value(r, exc) : asyncio_return(r, co->v[1]);
    }
    asyncio_handle_of(co->v[3])->cancelled = true;
    return exc != KR_NULL ? kr_raise_value(r, exc) : asyncio_return(r, co->got);
}

// A value at once (v1 false), or `await v0` (v1 true: CPython's _wrap_awaitable).
static KrValue asyncio_value_step(KrRun *r, AsyncioCoro *co, KrValue exc) {
    if (co->state == 0) {
        if (co->v[1] != KR_TRUE) return asyncio_return(r, co->v[0]);
        KrValue y = asyncio_co_await(r, co, co->v[0], 1, &exc);
        if (y != KR_NULL) return y;
    }
    return exc != KR_NULL ? kr_raise_value(r, exc) : asyncio_return(r, co->got);
}

// ---- wait_for: v0 the awaitable then its future, v1 timeout, v2 waiter,
// v3 timeout handle, v4 the done-callback releasing the waiter, v5 the
// CancelledError to re-raise.
enum { ASYNCIO_WF_START, ASYNCIO_WF_INLINE, ASYNCIO_WF_WAIT, ASYNCIO_WF_TIMED_OUT, ASYNCIO_WF_CANCELLED };

// CPython's _cancel_and_wait(fut): cancel it, and wait until it has finished.
static KrValue asyncio_wf_cancel_and_wait(KrRun *r, AsyncioCoro *co, uint8_t next, KrValue *exc) {
    AsyncioFuture *f = asyncio_fut_of(co->v[0]);
    KrValue waiter = asyncio_future_new(r, f->loop);
    if (waiter == KR_EXC) return KR_EXC;
    co->v[2] = waiter;
    KrValue cb = asyncio_handle_new(r, &asyncio_handle_type, ASYNCIO_H_RESOLVE, waiter, KR_NONE);
    if (cb == KR_EXC) return KR_EXC;
    co->v[4] = cb;
    if (!asyncio_add_done_cb(r, f, cb) || asyncio_cancel(r, f, KR_NULL) < 0) return KR_EXC;
    return asyncio_co_await(r, co, waiter, next, exc);
}

static void asyncio_wf_cleanup(AsyncioCoro *co) {
    if (co->v[3] != KR_NULL) asyncio_handle_of(co->v[3])->cancelled = true;
    if (co->v[4] != KR_NULL) asyncio_remove_cb_identity(asyncio_fut_of(co->v[0]), co->v[4]);
}

// TimeoutError() from the CancelledError the cancelled future gave.
static KrValue asyncio_raise_timeout_from(KrRun *r, KrValue cause) {
    KrValue e = kr_call0(r, kr_from_obj(&kr_exc_TimeoutError));
    if (e == KR_EXC) return KR_EXC;
    KrExc *x = (KrExc *)kr_as_obj(e);
    x->cause = x->context = cause;
    x->suppress_context = true;
    return kr_raise_value(r, e);
}

// After the future was cancelled for the timeout: its result if it finished
// anyway, else TimeoutError.
static KrValue asyncio_wf_timed_out(KrRun *r, AsyncioCoro *co) {
    AsyncioFuture *f = asyncio_fut_of(co->v[0]);
    KrValue v = asyncio_result(r, f);
    if (v != KR_EXC) return asyncio_return(r, v);
    if (!asyncio_is_cancelled_error(asyncio_fut_state(f), r->exc)) return KR_EXC;
    return asyncio_raise_timeout_from(r, asyncio_take_exc(r));
}

static KrValue asyncio_wf_start(KrRun *r, AsyncioCoro *co, KrValue *exc) {
    AsyncioLoop *l = asyncio_running_loop(r);
    if (!l) return KR_EXC;
    if (co->v[1] == KR_NONE) return asyncio_co_await(r, co, co->v[0], ASYNCIO_WF_INLINE, exc);
    KrValue le = kr_compare(r, co->v[1], kr_from_small(0), KR_CMP_LE);
    int now = le == KR_EXC ? -1 : kr_truth(r, le);
    double d = 0;
    if (now < 0 || (!now && !asyncio_to_double(r, co->v[1], &d))) return KR_EXC;
    if (!now) {
        KrValue waiter = asyncio_future_new(r, kr_from_obj(l));
        if (waiter == KR_EXC) return KR_EXC;
        co->v[2] = waiter;
        KrValue h = asyncio_call_at(r, l, l->now + d, ASYNCIO_H_RESOLVE, waiter, KR_NONE);
        if (h == KR_EXC) return KR_EXC;
        co->v[3] = h;
    }
    KrValue fut = asyncio_ensure_future(r, co->v[0], l);
    if (fut == KR_EXC) return KR_EXC;
    co->v[0] = fut;
    AsyncioFuture *f = asyncio_fut_of(fut);
    if (now) {
        if (f->state != ASYNCIO_PENDING) return asyncio_co_result(r, f);
        return asyncio_wf_cancel_and_wait(r, co, ASYNCIO_WF_TIMED_OUT, exc);
    }
    KrValue cb = asyncio_handle_new(r, &asyncio_handle_type, ASYNCIO_H_RESOLVE, co->v[2], KR_NONE);
    if (cb == KR_EXC || !asyncio_add_done_cb(r, f, cb)) return KR_EXC;
    co->v[4] = cb;
    return asyncio_co_await(r, co, co->v[2], ASYNCIO_WF_WAIT, exc);
}

// The waiter was released (the future finished or the timeout fired), or
// the wait itself was cancelled.
static KrValue asyncio_wf_waited(KrRun *r, AsyncioCoro *co, KrValue *exc) {
    AsyncioFuture *f = asyncio_fut_of(co->v[0]);
    if (*exc != KR_NULL && !asyncio_is_cancelled_error(asyncio_fut_state(f), *exc)) {
        asyncio_wf_cleanup(co);
        return kr_raise_value(r, *exc);
    }
    if (f->state != ASYNCIO_PENDING) {
        asyncio_wf_cleanup(co);
        return asyncio_co_result(r, f);
    }
    asyncio_remove_cb_identity(f, co->v[4]);
    co->v[4] = KR_NULL;
    co->v[5] = *exc;
    return asyncio_wf_cancel_and_wait(r, co, *exc != KR_NULL ? ASYNCIO_WF_CANCELLED : ASYNCIO_WF_TIMED_OUT, exc);
}

static KrValue asyncio_wait_for_step(KrRun *r, AsyncioCoro *co, KrValue exc) {
    for (;;) {
        KrValue y;
        switch (co->state) {
        case ASYNCIO_WF_START:
            y = asyncio_wf_start(r, co, &exc);
            break;
        case ASYNCIO_WF_INLINE:
            return exc != KR_NULL ? kr_raise_value(r, exc) : asyncio_return(r, co->got);
        case ASYNCIO_WF_WAIT:
            y = asyncio_wf_waited(r, co, &exc);
            break;
        default: // the future was cancelled and has finished
            asyncio_wf_cleanup(co);
            if (exc != KR_NULL) return kr_raise_value(r, exc);
            if (co->state == ASYNCIO_WF_CANCELLED) return kr_raise_value(r, co->v[5]);
            return asyncio_wf_timed_out(r, co);
        }
        if (y != KR_NULL) return y;
    }
}

// ---- Lock.acquire / Semaphore.acquire / Event.wait: v0 the object, v1 the
// waiter future, v2 the value to return (None for __aenter__).
static KrValue asyncio_lock_step(KrRun *r, AsyncioCoro *co, KrValue exc) {
    AsyncioSync *s = asyncio_sync_of(co->v[0]);
    if (co->state == 0) {
        bool free = !s->value;
        for (size_t i = 0; free && i < asyncio_list_len(s->waiters); i++)
            free = asyncio_fut_of(kr_as_list(s->waiters)->items[i])->state == ASYNCIO_CANCELLED;
        if (free) {
            s->value = 1;
            return asyncio_return(r, co->v[2]);
        }
        AsyncioLoop *l = asyncio_bound_loop(r, co->v[0], &s->loop);
        KrValue fut = l ? asyncio_new_waiter(r, l, &s->waiters) : KR_EXC;
        if (fut == KR_EXC) return KR_EXC;
        co->v[1] = fut;
        KrValue y = asyncio_co_await(r, co, fut, 1, &exc);
        if (y != KR_NULL) return y;
    }
    asyncio_list_remove(s->waiters, co->v[1]);
    if (exc != KR_NULL) {
        if (asyncio_is_cancelled_error(asyncio_fut_state(asyncio_fut_of(co->v[1])), exc) && !s->value &&
            !asyncio_lock_wake_first(r, s))
            return KR_EXC;
        return kr_raise_value(r, exc);
    }
    s->value = 1;
    return asyncio_return(r, co->v[2]);
}

static KrValue asyncio_sem_step(KrRun *r, AsyncioCoro *co, KrValue exc) {
    AsyncioSync *s = asyncio_sync_of(co->v[0]);
    if (co->state == 0) {
        if (!asyncio_sem_locked(s)) {
            s->value--;
            return asyncio_return(r, co->v[2]);
        }
        AsyncioLoop *l = asyncio_bound_loop(r, co->v[0], &s->loop);
        KrValue fut = l ? asyncio_new_waiter(r, l, &s->waiters) : KR_EXC;
        if (fut == KR_EXC) return KR_EXC;
        co->v[1] = fut;
        KrValue y = asyncio_co_await(r, co, fut, 1, &exc);
        if (y != KR_NULL) return y;
    }
    AsyncioFuture *f = asyncio_fut_of(co->v[1]);
    asyncio_list_remove(s->waiters, co->v[1]);
    if (exc != KR_NULL) {
        if (asyncio_is_cancelled_error(asyncio_fut_state(f), exc) && f->state != ASYNCIO_CANCELLED) {
            s->value++;
            if (!asyncio_sem_wake_next(r, s)) return KR_EXC;
        }
        return kr_raise_value(r, exc);
    }
    if (s->value > 0 && !asyncio_sem_wake_next(r, s)) return KR_EXC;
    return asyncio_return(r, co->v[2]);
}

static KrValue asyncio_event_step(KrRun *r, AsyncioCoro *co, KrValue exc) {
    AsyncioSync *s = asyncio_sync_of(co->v[0]);
    if (co->state == 0) {
        if (s->value) return asyncio_return(r, KR_TRUE);
        AsyncioLoop *l = asyncio_bound_loop(r, co->v[0], &s->loop);
        KrValue fut = l ? asyncio_new_waiter(r, l, &s->waiters) : KR_EXC;
        if (fut == KR_EXC) return KR_EXC;
        co->v[1] = fut;
        KrValue y = asyncio_co_await(r, co, fut, 1, &exc);
        if (y != KR_NULL) return y;
    }
    asyncio_list_remove(s->waiters, co->v[1]);
    return exc != KR_NULL ? kr_raise_value(r, exc) : asyncio_return(r, KR_TRUE);
}

// ---- Queue.get / Queue.put / Queue.join: v0 the queue, v1 the waiter, v2 the item.

// A get/put waiter failed (cancelled): pass the turn on, as CPython does.
static KrValue asyncio_queue_wait_failed(KrRun *r, AsyncioQueue *q, AsyncioCoro *co, KrValue exc, bool get) {
    AsyncioFuture *w = asyncio_fut_of(co->v[1]);
    if (asyncio_cancel(r, w, KR_NULL) < 0) return KR_EXC;
    KrValue *list = get ? &q->getters : &q->putters;
    asyncio_list_remove(*list, co->v[1]);
    bool ready = get ? asyncio_queue_size(q) > 0 : !asyncio_queue_full(q);
    if (ready && w->state != ASYNCIO_CANCELLED && !asyncio_queue_wakeup_next(r, *list)) return KR_EXC;
    return kr_raise_value(r, exc);
}

static KrValue asyncio_queue_step(KrRun *r, AsyncioCoro *co, KrValue exc) {
    AsyncioQueue *q = asyncio_queue_of(co->v[0]);
    bool get = co->kind == ASYNCIO_CO_QGET;
    for (;;) {
        if (co->state == 1 && exc != KR_NULL) return asyncio_queue_wait_failed(r, q, co, exc, get);
        if (get ? asyncio_queue_size(q) > 0 : !asyncio_queue_full(q)) break;
        AsyncioLoop *l = asyncio_bound_loop(r, co->v[0], &q->loop);
        KrValue fut = l ? asyncio_new_waiter(r, l, get ? &q->getters : &q->putters) : KR_EXC;
        if (fut == KR_EXC) return KR_EXC;
        co->v[1] = fut;
        KrValue y = asyncio_co_await(r, co, fut, 1, &exc);
        if (y != KR_NULL) return y;
    }
    KrValue v = get ? asyncio_queue_get_nowait(r, q) : asyncio_queue_put_nowait(r, q, co->v[2]);
    return v == KR_EXC ? KR_EXC : asyncio_return(r, v);
}

static KrValue asyncio_join_step(KrRun *r, AsyncioCoro *co, KrValue exc) {
    AsyncioQueue *q = asyncio_queue_of(co->v[0]);
    if (co->state == 0) {
        if (q->unfinished <= 0) return asyncio_return(r, KR_NONE);
        AsyncioCoro *w = asyncio_coro_new(r, ASYNCIO_CO_EVENT);
        if (!w) return KR_EXC;
        w->v[0] = q->finished;
        KrValue y = asyncio_co_await(r, co, kr_from_obj(w), 1, &exc);
        if (y != KR_NULL) return y;
    }
    return exc != KR_NULL ? kr_raise_value(r, exc) : asyncio_return(r, KR_NONE);
}

// ---- as_completed, wait, shield ----------------------------------------------------------------

// What as_completed() returns: an iterator of coroutines, each waiting for
// the next future to finish (CPython's generator, set up on first next()).
typedef struct AsyncioAsCompleted {
    KrObj ob;
    KrValue fs;      // the argument, until the first next()
    KrValue todo;    // futures not finished yet
    KrValue done;    // a Queue of finished futures (None: the timeout fired)
    KrValue timeout; // the timeout argument
    KrValue handle;  // the timeout's TimerHandle, or KR_NULL
    KrValue cb;      // the done-callback added to each future
    size_t remaining;
    bool started;
} AsyncioAsCompleted;

static const KrType asyncio_as_completed_type;
static AsyncioAsCompleted *asyncio_ac_of(KrValue v) { return (AsyncioAsCompleted *)kr_as_obj(v); }

// A future given to as_completed() finished: queue it.
static bool asyncio_completed_push(KrRun *r, KrValue acv, KrValue fut) {
    AsyncioAsCompleted *ac = asyncio_ac_of(acv);
    if (asyncio_list_len(ac->todo) == 0) return true; // the timeout came first
    asyncio_list_remove(ac->todo, fut);
    if (asyncio_queue_put_nowait(r, asyncio_queue_of(ac->done), fut) == KR_EXC) return false;
    if (asyncio_list_len(ac->todo) == 0 && ac->handle != KR_NULL) asyncio_handle_of(ac->handle)->cancelled = true;
    return true;
}

// as_completed()'s timeout: every waiting coroutine gets TimeoutError.
static bool asyncio_completed_timeout(KrRun *r, KrValue acv) {
    AsyncioAsCompleted *ac = asyncio_ac_of(acv);
    KrList *todo = kr_as_list(ac->todo);
    for (size_t i = 0; i < todo->len; i++) {
        asyncio_remove_cb_identity(asyncio_fut_of(todo->items[i]), ac->cb);
        if (asyncio_queue_put_nowait(r, asyncio_queue_of(ac->done), KR_NONE) == KR_EXC) return false;
    }
    todo->len = 0;
    return true;
}

// as_completed's _wait_for_one(): v0 the AsCompleted object.
static KrValue asyncio_next_done_step(KrRun *r, AsyncioCoro *co, KrValue exc) {
    if (co->state == 0) {
        AsyncioCoro *get = asyncio_coro_new(r, ASYNCIO_CO_QGET);
        if (!get) return KR_EXC;
        get->v[0] = asyncio_ac_of(co->v[0])->done;
        KrValue y = asyncio_co_await(r, co, kr_from_obj(get), 1, &exc);
        if (y != KR_NULL) return y;
    }
    if (exc != KR_NULL) return kr_raise_value(r, exc);
    if (co->got == KR_NONE) return kr_raise_value(r, kr_from_obj(&kr_exc_TimeoutError));
    // only a loaded run's delegate (checked as some iterator) can give another value
    if (!asyncio_is_future(co->got)) return kr_raise(r, &kr_exc_RuntimeError, "as_completed(): a future was expected");
    return asyncio_co_result(r, asyncio_fut_of(co->got));
}

// asyncio.wait(): v0 the set of futures, v1 the waiter, v2 the timeout
// handle, v3 the done-callback, v4 timeout, v5 return_when; num counts the
// futures still running.
static const KrStr asyncio_s_first_completed = KR_STATIC_STR("FIRST_COMPLETED");
static const KrStr asyncio_s_first_exception = KR_STATIC_STR("FIRST_EXCEPTION");
static const KrStr asyncio_s_all_completed = KR_STATIC_STR("ALL_COMPLETED");

static bool asyncio_wait_when_is(KrValue when, const KrStr *s) {
    return kr_is_str(when) && kr_str_equal(kr_as_str(when), s);
}

// A future given to wait() finished: release the waiter when the condition holds.
static bool asyncio_wait_one_done(KrRun *r, KrValue cov, KrValue fut) {
    AsyncioCoro *co = asyncio_coro_of(cov);
    if (co->finished) return true;
    AsyncioFuture *f = asyncio_fut_of(fut);
    co->num -= 1;
    bool release = co->num <= 0 || asyncio_wait_when_is(co->v[5], &asyncio_s_first_completed) ||
                   (asyncio_wait_when_is(co->v[5], &asyncio_s_first_exception) && f->state == ASYNCIO_FINISHED &&
                    f->exc != KR_NULL);
    if (!release) return true;
    if (co->v[2] != KR_NULL) asyncio_handle_of(co->v[2])->cancelled = true;
    AsyncioFuture *w = asyncio_fut_of(co->v[1]);
    return w->state != ASYNCIO_PENDING || asyncio_set_result(r, w, KR_NONE);
}

static KrValue asyncio_wait_start(KrRun *r, AsyncioCoro *co, KrValue *exc) {
    KrValue fs = co->v[0];
    if (asyncio_is_future(fs) || asyncio_is_coroutine(fs))
        return kr_raise(r, &kr_exc_TypeError, "expect a list of futures, not %s", kr_type_name(fs));
    int t = kr_truth(r, fs);
    if (t <= 0) return t < 0 ? KR_EXC : kr_raise(r, &kr_exc_ValueError, "Set of Tasks/Futures is empty.");
    KrValue when = co->v[5];
    if (!asyncio_wait_when_is(when, &asyncio_s_first_completed) && !asyncio_wait_when_is(when, &asyncio_s_first_exception) &&
        !asyncio_wait_when_is(when, &asyncio_s_all_completed)) {
        KrValue s = kr_str(r, when);
        return s == KR_EXC ? KR_EXC : kr_raise(r, &kr_exc_ValueError, "Invalid return_when value: %s", kr_as_str(s)->data);
    }
    // Coroutines are refused before the set is made (they may not hash).
    KrValue items = kr_list_from_iter(r, fs);
    if (items == KR_EXC) return KR_EXC;
    co->v[0] = items;
    KrList *il = kr_as_list(items);
    for (size_t i = 0; i < il->len; i++)
        if (asyncio_is_coroutine(il->items[i]))
            return kr_raise(r, &kr_exc_TypeError, "Passing coroutines is forbidden, use tasks explicitly.");
    KrValue set = kr_set_new_from(r, &kr_type_set, items);
    if (set == KR_EXC) return KR_EXC;
    co->v[0] = set;
    size_t pos = 0, n = 0;
    KrValue f;
    while (kr_set_next((KrSet *)kr_as_obj(set), &pos, &f)) {
        if (!asyncio_is_future(f))
            return kr_raise(r, &kr_exc_TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
        n++;
    }
    AsyncioLoop *l = asyncio_running_loop(r);
    KrValue waiter = l ? asyncio_future_new(r, kr_from_obj(l)) : KR_EXC;
    if (waiter == KR_EXC) return KR_EXC;
    co->v[1] = waiter;
    if (co->v[4] != KR_NONE) {
        double d;
        if (!asyncio_to_double(r, co->v[4], &d)) return KR_EXC;
        KrValue h = asyncio_call_at(r, l, l->now + d, ASYNCIO_H_RESOLVE, waiter, KR_NONE);
        if (h == KR_EXC) return KR_EXC;
        co->v[2] = h;
    }
    co->num = (double)n;
    KrValue cb = asyncio_handle_new(r, &asyncio_handle_type, ASYNCIO_H_WAIT, kr_from_obj(co), KR_NULL);
    if (cb == KR_EXC) return KR_EXC;
    co->v[3] = cb;
    for (pos = 0; kr_set_next((KrSet *)kr_as_obj(set), &pos, &f);)
        if (!asyncio_add_done_cb(r, asyncio_fut_of(f), cb)) return KR_EXC;
    return asyncio_co_await(r, co, waiter, 1, exc);
}

static KrValue asyncio_wait_finish(KrRun *r, AsyncioCoro *co, KrValue exc) {
    if (co->v[2] != KR_NULL) asyncio_handle_of(co->v[2])->cancelled = true;
    KrSet *set = (KrSet *)kr_as_obj(co->v[0]);
    size_t pos = 0;
    KrValue f;
    while (kr_set_next(set, &pos, &f)) asyncio_remove_cb_identity(asyncio_fut_of(f), co->v[3]);
    if (exc != KR_NULL) return kr_raise_value(r, exc);
    KrValue done = kr_set_new(r, &kr_type_set), pending = done == KR_EXC ? KR_EXC : kr_set_new(r, &kr_type_set);
    if (pending == KR_EXC) return KR_EXC;
    for (pos = 0; kr_set_next(set, &pos, &f);) {
        KrValue into = asyncio_fut_of(f)->state != ASYNCIO_PENDING ? done : pending;
        if (!kr_set_add(r, (KrSet *)kr_as_obj(into), f)) return KR_EXC;
    }
    KrValue pair = kr_tuple_pack2(r, done, pending);
    return pair == KR_EXC ? KR_EXC : asyncio_return(r, pair);
}

static KrValue asyncio_wait_step(KrRun *r, AsyncioCoro *co, KrValue exc) {
    if (co->state == 0) {
        KrValue y = asyncio_wait_start(r, co, &exc);
        if (y != KR_NULL) return y;
    }
    return asyncio_wait_finish(r, co, exc);
}

// shield(): the outer future follows the inner one; cancelling the outer
// leaves the inner running.
static bool asyncio_shield_inner_done(KrRun *r, KrValue outerv, AsyncioFuture *inner) {
    AsyncioFuture *outer = asyncio_fut_of(outerv);
    if (outer->state == ASYNCIO_CANCELLED) return true;
    if (outer->state != ASYNCIO_PENDING) return true;
    if (inner->state == ASYNCIO_CANCELLED) return asyncio_future_cancel(r, outer, KR_NULL) >= 0;
    if (inner->exc != KR_NULL) return asyncio_set_exc(r, outer, inner->exc);
    return asyncio_set_result(r, outer, inner->result);
}

// to_thread(func, *args, **kwargs): v0 func, v1 the argument values, v2 the
// keyword names (or KR_NULL); runs as run_in_executor's work, then returns.
static KrValue asyncio_to_thread_step(KrRun *r, AsyncioCoro *co, KrValue exc) {
    if (co->state == 0) {
        AsyncioLoop *l = asyncio_running_loop(r);
        if (!l) return KR_EXC;
        KrTuple *a = kr_as_tuple(co->v[1]);
        size_t nkw = co->v[2] == KR_NULL ? 0 : kr_as_tuple(co->v[2])->len;
        KrValue fut = asyncio_exec_schedule(r, l, co->v[0], a->len - nkw, a->items, co->v[2]);
        if (fut == KR_EXC) return KR_EXC;
        KrValue y = asyncio_co_await(r, co, fut, 1, &exc);
        if (y != KR_NULL) return y;
    }
    return exc != KR_NULL ? kr_raise_value(r, exc) : asyncio_return(r, co->got);
}

static KrValue asyncio_cond_wait_step(KrRun *r, AsyncioCoro *co, KrValue exc);
static KrValue asyncio_cond_wait_for_step(KrRun *r, AsyncioCoro *co, KrValue exc);

static KrValue asyncio_co_step(KrRun *r, AsyncioCoro *co, KrValue exc) {
    switch (co->kind) {
    case ASYNCIO_CO_TO_THREAD: return asyncio_to_thread_step(r, co, exc);
    case ASYNCIO_CO_COND_WAIT: return asyncio_cond_wait_step(r, co, exc);
    case ASYNCIO_CO_COND_WAIT_FOR: return asyncio_cond_wait_for_step(r, co, exc);
    case ASYNCIO_CO_SLEEP: return asyncio_sleep_step(r, co, exc);
    case ASYNCIO_CO_WAIT_FOR: return asyncio_wait_for_step(r, co, exc);
    case ASYNCIO_CO_QGET:
    case ASYNCIO_CO_QPUT: return asyncio_queue_step(r, co, exc);
    case ASYNCIO_CO_QJOIN: return asyncio_join_step(r, co, exc);
    case ASYNCIO_CO_LOCK: return asyncio_lock_step(r, co, exc);
    case ASYNCIO_CO_SEM: return asyncio_sem_step(r, co, exc);
    case ASYNCIO_CO_EVENT: return asyncio_event_step(r, co, exc);
    case ASYNCIO_CO_NEXT_DONE: return asyncio_next_done_step(r, co, exc);
    case ASYNCIO_CO_WAIT: return asyncio_wait_step(r, co, exc);
    default: return asyncio_value_step(r, co, exc);
    }
}

// ---- Python-facing: Future, Task, _GatheringFuture ------------------------------------------------

// Arguments of a method (`method`: self counted) or function that CPython
// writes in Python, with its def-style errors; `param` names the one
// argument it takes, or NULL for none.
static bool asyncio_py_args(KrRun *r, const char *qualname, bool method, size_t argc, const KrValue *args, KrValue kw,
                            const char *param) {
    const char *names[2] = {param, NULL};
    KrArgSpec spec = {qualname, names, 0, 0, param ? 1 : 0, method ? KR_ARGS_PY_METHOD : KR_ARGS_PY};
    KrValue out[1];
    return kr_args_parse(r, &spec, argc, args, kw, out);
}

#define ASYNCIO_METHOD(cname) \
    static KrValue cname(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw)

static const char *asyncio_state_name(uint8_t s) {
    return s == ASYNCIO_PENDING ? "pending" : s == ASYNCIO_CANCELLED ? "cancelled" : "finished";
}

// "name() running at file:line" / "name() done" for a task's coroutine.
static bool asyncio_coro_desc(KrRun *r, KrValue co, KrBuf *b) {
    if (kr_is_type(co, &asyncio_coro_type)) {
        AsyncioCoro *c = asyncio_coro_of(co);
        const char *n = c->kind == ASYNCIO_CO_VALUE && c->v[1] == KR_TRUE ? "_wrap_awaitable" : asyncio_co_names[c->kind];
        return kr_buf_printf(b, "%s() %s", n, c->finished ? "done" : "running");
    }
    if (!kr_is_type(co, &kr_type_coroutine)) {
        const char *s = "?";
        if (asyncio_repr_cstr(r, co, &s) == KR_EXC) return false;
        return kr_buf_printf(b, "%s", s);
    }
    KrGen *g = (KrGen *)kr_as_obj(co);
    const char *qn = kr_is_str(g->qualname) ? kr_as_str(g->qualname)->data : "?";
    if (!g->frame) return kr_buf_printf(b, "%s() done", qn);
    const KrCode *code = g->frame->code;
    int32_t line = g->frame->pc ? kr_code_line(code, g->frame->pc - 1) : code->firstline;
    return kr_buf_printf(b, "%s() running at %s:%d", qn, code->filename ? code->filename->data : "?", (int)line);
}

static bool asyncio_cb_desc(KrRun *r, KrValue cb, KrBuf *b) {
    const KrType *t = kr_is_ptr(cb) ? kr_as_obj(cb)->type : NULL;
    if (t == &asyncio_task_type) return kr_buf_printf(b, "Task.task_wakeup()");
    if (t == &asyncio_gathering_type) return kr_buf_printf(b, "gather.<locals>._done_callback()");
    if (t == &asyncio_handle_type) {
        static const char *const names[] = {"?", "_release_waiter", "_run_until_complete_cb", "_on_completion",
                                            "_on_timeout", "_on_completion", "_inner_done_callback",
                                            "_outer_done_callback"};
        uint32_t k = asyncio_handle_of(cb)->kind;
        return kr_buf_printf(b, "%s()", k < sizeof names / sizeof names[0] ? names[k] : "?");
    }
    KrValue qn = kr_getattr_cstr(r, cb, "__qualname__");
    if (qn == KR_EXC || !kr_is_str(qn)) {
        kr_clear_exc(r);
        const char *s = "?";
        if (asyncio_repr_cstr(r, cb, &s) == KR_EXC) return false;
        return kr_buf_printf(b, "%s", s);
    }
    return kr_buf_printf(b, "%s()", kr_as_str(qn)->data);
}

// The i-th callback, re-read each time: describing one may run Python code.
static KrValue asyncio_cb_at(AsyncioFuture *f, size_t i) {
    return i < asyncio_list_len(f->callbacks) ? kr_as_list(f->callbacks)->items[i] : KR_NONE;
}

// " cb=[a, b]" as CPython's _format_callbacks (at most 3 shown).
static bool asyncio_cbs_desc(KrRun *r, AsyncioFuture *f, KrBuf *b) {
    size_t n = asyncio_list_len(f->callbacks);
    if (!n) return true;
    bool ok = kr_buf_printf(b, " cb=[") && asyncio_cb_desc(r, asyncio_cb_at(f, 0), b);
    if (ok && n == 2) ok = kr_buf_printf(b, ", ") && asyncio_cb_desc(r, asyncio_cb_at(f, 1), b);
    if (ok && n > 2) ok = kr_buf_printf(b, ", <%zu more>, ", n - 2) && asyncio_cb_desc(r, asyncio_cb_at(f, n - 1), b);
    return ok && kr_buf_printf(b, "]");
}

static bool asyncio_outcome_desc(KrRun *r, AsyncioFuture *f, KrBuf *b) {
    if (f->state != ASYNCIO_FINISHED) return true;
    const char *s = "?";
    KrValue v = f->exc != KR_NULL ? f->exc : f->result;
    if (asyncio_repr_cstr(r, v, &s) == KR_EXC) return false;
    return kr_buf_printf(b, " %s=%s", f->exc != KR_NULL ? "exception" : "result", s);
}

static KrValue asyncio_future_repr(KrRun *r, KrValue v) {
    AsyncioFuture *f = asyncio_fut_of(v);
    int g = kr_repr_enter(r, v);
    if (g < 0) return KR_EXC;
    if (g > 0) return kr_str_from_cstr(r, "...");
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool task = f->ob.type == &asyncio_task_type;
    const char *st = task && f->must_cancel && f->state == ASYNCIO_PENDING ? "cancelling" : asyncio_state_name(f->state);
    bool ok = kr_buf_printf(&b, "<%s %s", f->ob.type->name, st);
    if (ok && task) {
        const char *ns = "?";
        ok = asyncio_repr_cstr(r, f->name, &ns) != KR_EXC && kr_buf_printf(&b, " name=%s coro=<", ns) &&
             asyncio_coro_desc(r, f->coro, &b) && kr_buf_printf(&b, ">");
        if (ok && f->waiter != KR_NULL) {
            const char *ws = "?";
            ok = asyncio_repr_cstr(r, f->waiter, &ws) != KR_EXC && kr_buf_printf(&b, " wait_for=%s", ws);
        }
    }
    ok = ok && asyncio_outcome_desc(r, f, &b) && asyncio_cbs_desc(r, f, &b) && kr_buf_printf(&b, ">");
    kr_repr_leave(r, v);
    return asyncio_buf_done(r, &b, ok);
}

static AsyncioFuture *asyncio_self_fut(KrValue self) { return asyncio_fut_of(self); }

ASYNCIO_METHOD(asyncio_fm_result) {
    (void)args;
    if (!kr_dict_check_args(r, "Future.result", argc, kw, 0, 0)) return KR_EXC;
    return asyncio_result(r, asyncio_self_fut(self));
}

ASYNCIO_METHOD(asyncio_fm_exception) {
    (void)args;
    if (!kr_dict_check_args(r, "Future.exception", argc, kw, 0, 0)) return KR_EXC;
    return asyncio_exception(r, asyncio_self_fut(self));
}

ASYNCIO_METHOD(asyncio_fm_done) {
    (void)args;
    if (!kr_dict_check_args(r, "Future.done", argc, kw, 0, 0)) return KR_EXC;
    return kr_bool(asyncio_self_fut(self)->state != ASYNCIO_PENDING);
}

ASYNCIO_METHOD(asyncio_fm_cancelled) {
    (void)args;
    if (!kr_dict_check_args(r, "Future.cancelled", argc, kw, 0, 0)) return KR_EXC;
    return kr_bool(asyncio_self_fut(self)->state == ASYNCIO_CANCELLED);
}

ASYNCIO_METHOD(asyncio_fm_cancel) {
    static const char *const names[] = {"msg", NULL};
    static const KrArgSpec spec = {"cancel", names, 0, 0, 0, KR_ARGS_C};
    KrValue a[1];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    int c = asyncio_cancel(r, asyncio_self_fut(self), a[0] == KR_NULL ? KR_NONE : a[0]);
    return c < 0 ? KR_EXC : kr_bool(c);
}

static bool asyncio_settable(KrRun *r, AsyncioFuture *f, const char *what) {
    if (f->ob.type == &asyncio_task_type) {
        kr_raise(r, &kr_exc_RuntimeError, "Task does not support %s operation", what);
        return false;
    }
    if (f->state == ASYNCIO_PENDING) return true;
    asyncio_invalid_state(r, asyncio_fut_state(f), "invalid state");
    return false;
}

ASYNCIO_METHOD(asyncio_fm_set_result) {
    if (!kr_dict_check_args(r, "Future.set_result", argc, kw, 1, 1)) return KR_EXC;
    AsyncioFuture *f = asyncio_self_fut(self);
    if (!asyncio_settable(r, f, "set_result")) return KR_EXC;
    return asyncio_set_result(r, f, args[0]) ? KR_NONE : KR_EXC;
}

ASYNCIO_METHOD(asyncio_fm_set_exception) {
    if (!kr_dict_check_args(r, "Future.set_exception", argc, kw, 1, 1)) return KR_EXC;
    AsyncioFuture *f = asyncio_self_fut(self);
    if (!asyncio_settable(r, f, "set_exception")) return KR_EXC;
    KrValue e = asyncio_exc_arg(r, args[0]);
    if (e == KR_EXC) return KR_EXC;
    return asyncio_set_exc(r, f, e) ? KR_NONE : KR_EXC;
}

ASYNCIO_METHOD(asyncio_fm_add_done_callback) {
    static const char *const names[] = {"fn", "context", NULL};
    static const KrArgSpec spec = {"add_done_callback", names, 1, 1, 1, KR_ARGS_C};
    KrValue a[2];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    return asyncio_add_done_cb(r, asyncio_self_fut(self), a[0]) ? KR_NONE : KR_EXC;
}

ASYNCIO_METHOD(asyncio_fm_remove_done_callback) {
    if (!kr_dict_check_args(r, "Future.remove_done_callback", argc, kw, 1, 1)) return KR_EXC;
    AsyncioFuture *f = asyncio_self_fut(self);
    if (f->callbacks == KR_NULL) return kr_from_small(0);
    KrList *l = kr_as_list(f->callbacks);
    size_t j = 0, removed = 0;
    for (size_t i = 0; i < l->len; i++) {
        KrValue cb = l->items[i];
        int eq = kr_eq(r, cb, args[0]); // Python __eq__ may run: l is reachable through f
        if (eq < 0) return KR_EXC;
        if (eq) removed++;
        else l->items[j++] = cb;
    }
    l->len = j;
    return kr_from_small((int64_t)removed);
}

ASYNCIO_METHOD(asyncio_fm_get_loop) {
    (void)args;
    if (!kr_dict_check_args(r, "Future.get_loop", argc, kw, 0, 0)) return KR_EXC;
    return asyncio_self_fut(self)->loop;
}

ASYNCIO_METHOD(asyncio_fm_await) {
    (void)args;
    if (!kr_dict_check_args(r, "Future.__await__", argc, kw, 0, 0)) return KR_EXC;
    return asyncio_futiter_new(r, self);
}

static KrValue asyncio_future_iter(KrRun *r, KrValue v) { return asyncio_futiter_new(r, v); }

static KrValue asyncio_fg_blocking(KrRun *r, KrValue self) {
    (void)r;
    return kr_bool(asyncio_self_fut(self)->blocking);
}

static KrValue asyncio_fg_state(KrRun *r, KrValue self) {
    uint8_t s = asyncio_self_fut(self)->state;
    return kr_str_from_cstr(r, s == ASYNCIO_PENDING ? "PENDING" : s == ASYNCIO_CANCELLED ? "CANCELLED" : "FINISHED");
}

static KrValue asyncio_fg_loop(KrRun *r, KrValue self) {
    (void)r;
    KrValue l = asyncio_self_fut(self)->loop;
    return l == KR_NULL ? KR_NONE : l;
}

// Future(*, loop=None)
static KrValue asyncio_future_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kw) {
    static const char *const names[] = {"loop", NULL};
    static const KrArgSpec spec = {"Future", names, 0, 1, 0, KR_ARGS_C};
    KrValue a[1];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    AsyncioLoop *l = a[0] != KR_NULL && a[0] != KR_NONE ? NULL : asyncio_event_loop(r);
    if (a[0] != KR_NULL && a[0] != KR_NONE) {
        if (!kr_is_type(a[0], &asyncio_loop_type))
            return kr_raise(r, &kr_exc_TypeError, "loop must be an asyncio event loop, not %s", kr_type_name(a[0]));
        l = asyncio_loop_of(a[0]);
    }
    if (!l) return KR_EXC;
    AsyncioFuture *f = asyncio_future_alloc(r, t, kr_from_obj(l));
    return f ? kr_from_obj(f) : KR_EXC;
}

// ---- Task methods

ASYNCIO_METHOD(asyncio_tm_get_coro) {
    (void)args;
    if (!kr_dict_check_args(r, "Task.get_coro", argc, kw, 0, 0)) return KR_EXC;
    return asyncio_self_fut(self)->coro;
}

ASYNCIO_METHOD(asyncio_tm_get_name) {
    (void)args;
    if (!kr_dict_check_args(r, "Task.get_name", argc, kw, 0, 0)) return KR_EXC;
    return asyncio_self_fut(self)->name;
}

ASYNCIO_METHOD(asyncio_tm_set_name) {
    if (!kr_dict_check_args(r, "Task.set_name", argc, kw, 1, 1)) return KR_EXC;
    KrValue n = kr_is_str(args[0]) ? args[0] : kr_str(r, args[0]);
    if (n == KR_EXC) return KR_EXC;
    asyncio_self_fut(self)->name = n;
    return KR_NONE;
}

ASYNCIO_METHOD(asyncio_tm_cancelling) {
    (void)args;
    if (!kr_dict_check_args(r, "Task.cancelling", argc, kw, 0, 0)) return KR_EXC;
    return kr_from_small(asyncio_self_fut(self)->num_cancels);
}

ASYNCIO_METHOD(asyncio_tm_uncancel) {
    (void)args;
    if (!kr_dict_check_args(r, "Task.uncancel", argc, kw, 0, 0)) return KR_EXC;
    AsyncioFuture *t = asyncio_self_fut(self);
    if (t->num_cancels > 0) t->num_cancels--;
    return kr_from_small(t->num_cancels);
}

ASYNCIO_METHOD(asyncio_tm_get_stack) {
    (void)self;
    static const char *const names[] = {"limit", NULL};
    static const KrArgSpec spec = {"get_stack", names, 0, 1, 0, KR_ARGS_C};
    KrValue a[1];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    return kr_list_new(r, 0); // frames are not exposed in krait
}

// Task(coro, *, loop=None, name=None, context=None)
static KrValue asyncio_task_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kw) {
    (void)t;
    static const char *const names[] = {"coro", "loop", "name", "context", NULL};
    static const KrArgSpec spec = {"Task", names, 0, 3, 1, KR_ARGS_C};
    KrValue a[4];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    AsyncioLoop *l;
    if (a[1] != KR_NULL && a[1] != KR_NONE) {
        if (!kr_is_type(a[1], &asyncio_loop_type))
            return kr_raise(r, &kr_exc_TypeError, "loop must be an asyncio event loop, not %s", kr_type_name(a[1]));
        l = asyncio_loop_of(a[1]);
    } else if (!(l = asyncio_event_loop(r))) {
        return KR_EXC;
    }
    return asyncio_task_new(r, l, a[0], a[2]);
}

// Future[int], Queue[str]: generic aliases, for annotations.
ASYNCIO_METHOD(asyncio_class_getitem) {
    if (!kr_dict_check_args(r, "__class_getitem__", argc, kw, 1, 1)) return KR_EXC;
    return kr_typing_class_getitem(r, self, args[0]);
}

static const KrMethodDef asyncio_future_methods[] = {
    {"result", asyncio_fm_result, 0},
    {"exception", asyncio_fm_exception, 0},
    {"done", asyncio_fm_done, 0},
    {"cancelled", asyncio_fm_cancelled, 0},
    {"cancel", asyncio_fm_cancel, 0},
    {"set_result", asyncio_fm_set_result, 0},
    {"set_exception", asyncio_fm_set_exception, 0},
    {"add_done_callback", asyncio_fm_add_done_callback, 0},
    {"remove_done_callback", asyncio_fm_remove_done_callback, 0},
    {"get_loop", asyncio_fm_get_loop, 0},
    {"__await__", asyncio_fm_await, 0},
    {"__iter__", asyncio_fm_await, 0},
    {"__class_getitem__", asyncio_class_getitem, KR_METH_CLASS},
    {NULL, NULL, 0},
};

static const KrMethodDef asyncio_task_methods[] = {
    {"get_coro", asyncio_tm_get_coro, 0},
    {"get_name", asyncio_tm_get_name, 0},
    {"set_name", asyncio_tm_set_name, 0},
    {"cancelling", asyncio_tm_cancelling, 0},
    {"uncancel", asyncio_tm_uncancel, 0},
    {"get_stack", asyncio_tm_get_stack, 0},
    {NULL, NULL, 0},
};

static const KrGetSetDef asyncio_future_getsets[] = {
    {"_asyncio_future_blocking", asyncio_fg_blocking},
    {"_state", asyncio_fg_state},
    {"_loop", asyncio_fg_loop},
    {NULL, NULL},
};

static const KrType asyncio_future_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "Future",
    .base = &kr_type_object,
    .basic_size = sizeof(AsyncioFuture),
    .trace = asyncio_future_trace,
    .construct = asyncio_future_construct,
    .repr = asyncio_future_repr,
    .hash = kr_identity_hash,
    .iter = asyncio_future_iter,
    .methods = asyncio_future_methods,
    .getsets = asyncio_future_getsets,
    .snap = &asyncio_future_snap,
};

static const KrType asyncio_task_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "Task",
    .base = &asyncio_future_type,
    .basic_size = sizeof(AsyncioFuture),
    .trace = asyncio_future_trace,
    .construct = asyncio_task_construct,
    .repr = asyncio_future_repr,
    .hash = kr_identity_hash,
    .iter = asyncio_future_iter,
    .methods = asyncio_task_methods,
    .snap = &asyncio_future_snap,
};

static const KrType asyncio_gathering_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "_GatheringFuture",
    .base = &asyncio_future_type,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(AsyncioFuture),
    .trace = asyncio_future_trace,
    .repr = asyncio_future_repr,
    .hash = kr_identity_hash,
    .iter = asyncio_future_iter,
    .snap = &asyncio_future_snap,
};

// ---- Python-facing: C coroutines ----------------------------------------------------------------

static const char *asyncio_coro_name(AsyncioCoro *c) {
    return c->kind == ASYNCIO_CO_VALUE && c->v[1] == KR_TRUE ? "_wrap_awaitable" : asyncio_co_names[c->kind];
}

static KrValue asyncio_coro_repr(KrRun *r, KrValue v) {
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<coroutine object %s at 0x%llx>", asyncio_coro_name(asyncio_coro_of(v)),
                            (unsigned long long)kr_object_id(r, v));
    return asyncio_buf_done(r, &b, ok);
}

// send()/throw() report a return as StopIteration(value), as coroutines do.
static KrValue asyncio_coro_stop(KrRun *r, KrValue res) {
    if (res != KR_STOP) return res;
    KrValue stop = r->stop_exc;
    r->stop_exc = KR_NULL;
    return kr_raise_value(r, stop != KR_NULL ? stop : kr_from_obj(&kr_exc_StopIteration));
}

ASYNCIO_METHOD(asyncio_cm_send) {
    if (!kr_args_no_kw(r, "send", kw) || !kr_args_count(r, "send", argc, 1, 1)) return KR_EXC;
    AsyncioCoro *c = asyncio_coro_of(self);
    if (!c->started && args[0] != KR_NONE)
        return kr_raise(r, &kr_exc_TypeError, "can't send non-None value to a just-started coroutine");
    return asyncio_coro_stop(r, asyncio_coro_resume(r, self, KR_NULL));
}

ASYNCIO_METHOD(asyncio_cm_throw) {
    if (!kr_args_no_kw(r, "throw", kw) || !kr_args_count(r, "throw", argc, 1, 3)) return KR_EXC;
    KrValue e = asyncio_throw_arg(r, argc, args);
    if (e == KR_EXC) return KR_EXC;
    AsyncioCoro *c = asyncio_coro_of(self);
    if (!c->started) { // thrown into a coroutine that never ran: it just ends
        asyncio_co_release(c);
        return kr_raise_value(r, e);
    }
    return asyncio_coro_stop(r, asyncio_coro_resume(r, self, e));
}

ASYNCIO_METHOD(asyncio_cm_close) {
    (void)args;
    if (!kr_dict_check_args(r, "coroutine.close", argc, kw, 0, 0)) return KR_EXC;
    AsyncioCoro *c = asyncio_coro_of(self);
    if (c->kind == ASYNCIO_CO_SLEEP && c->v[3] != KR_NULL) asyncio_handle_of(c->v[3])->cancelled = true;
    if (c->deleg != KR_NULL && kr_is_type(c->deleg, &asyncio_coro_type))
        asyncio_cm_close(r, c->deleg, 0, NULL, KR_NULL);
    asyncio_co_release(c);
    return KR_NONE;
}

// __await__() gives a coroutine_wrapper, an iterator (so `yield from
// asyncio.sleep(0).__await__()` works in a generator, as in CPython).
typedef struct AsyncioCoroWrapper {
    KrObj ob;
    KrValue coro;
} AsyncioCoroWrapper;

static const KrType asyncio_coro_wrapper_type;

ASYNCIO_METHOD(asyncio_cm_await) {
    (void)args;
    if (!kr_dict_check_args(r, "coroutine.__await__", argc, kw, 0, 0)) return KR_EXC;
    AsyncioCoroWrapper *w = kr_gc_alloc(r, &asyncio_coro_wrapper_type, sizeof(AsyncioCoroWrapper));
    if (!w) return KR_EXC;
    w->coro = self;
    return kr_from_obj(w);
}

static void asyncio_cw_trace(KrRun *r, KrObj *o) { kr_gc_mark(r, ((AsyncioCoroWrapper *)o)->coro); }
static KrValue asyncio_cw_coro(KrValue self) { return ((AsyncioCoroWrapper *)kr_as_obj(self))->coro; }
static KrValue asyncio_cw_next(KrRun *r, KrValue self) { return asyncio_coro_resume(r, asyncio_cw_coro(self), KR_NULL); }

ASYNCIO_METHOD(asyncio_cwm_send) { return asyncio_cm_send(r, asyncio_cw_coro(self), argc, args, kw); }
ASYNCIO_METHOD(asyncio_cwm_throw) { return asyncio_cm_throw(r, asyncio_cw_coro(self), argc, args, kw); }
ASYNCIO_METHOD(asyncio_cwm_close) { return asyncio_cm_close(r, asyncio_cw_coro(self), argc, args, kw); }

static const KrMethodDef asyncio_cw_methods[] = {
    {"__iter__", kr_iter_meth_iter, 0},
    {"__next__", kr_iter_meth_next, 0},
    {"send", asyncio_cwm_send, 0},
    {"throw", asyncio_cwm_throw, 0},
    {"close", asyncio_cwm_close, 0},
    {NULL, NULL, 0},
};

static const KrType asyncio_coro_wrapper_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "coroutine_wrapper",
    .base = &kr_type_object,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(AsyncioCoroWrapper),
    .trace = asyncio_cw_trace,
    .repr = kr_iter_repr,
    .hash = kr_identity_hash,
    .iter = asyncio_self_iter,
    .next = asyncio_cw_next,
    .methods = asyncio_cw_methods,
    .snap = &asyncio_cw_snap,
};

static KrValue asyncio_cg_name(KrRun *r, KrValue self) {
    return kr_str_from_cstr(r, asyncio_coro_name(asyncio_coro_of(self)));
}

static KrValue asyncio_cg_running(KrRun *r, KrValue self) {
    (void)r;
    return kr_bool(asyncio_coro_of(self)->running);
}

static KrValue asyncio_cg_none(KrRun *r, KrValue self) {
    (void)r;
    (void)self;
    return KR_NONE;
}

static const KrMethodDef asyncio_coro_methods[] = {
    {"send", asyncio_cm_send, 0},
    {"throw", asyncio_cm_throw, 0},
    {"close", asyncio_cm_close, 0},
    {"__await__", asyncio_cm_await, 0},
    {NULL, NULL, 0},
};

static const KrGetSetDef asyncio_coro_getsets[] = {
    {"__name__", asyncio_cg_name},
    {"__qualname__", asyncio_cg_name},
    {"cr_running", asyncio_cg_running},
    {"cr_frame", asyncio_cg_none},
    {"cr_await", asyncio_cg_none},
    {NULL, NULL},
};

// Named "coroutine" like the coroutines of async functions: asyncio.sleep()
// is one in CPython. Not iterable: `await` goes through __await__.
static const KrType asyncio_coro_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "coroutine",
    .base = &kr_type_object,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(AsyncioCoro),
    .trace = asyncio_coro_trace,
    .repr = asyncio_coro_repr,
    .hash = kr_identity_hash,
    .methods = asyncio_coro_methods,
    .getsets = asyncio_coro_getsets,
    .snap = &asyncio_coro_snap,
};

// ---- Python-facing: Handle, TimerHandle -----------------------------------------------------------

static void asyncio_handle_trace(KrRun *r, KrObj *o) {
    AsyncioHandle *h = (AsyncioHandle *)o;
    kr_gc_mark(r, h->a);
    kr_gc_mark(r, h->b);
}

// "<Handle print(1)>", "<TimerHandle when=1.5 cb()>", "<Handle cancelled>"
static KrValue asyncio_handle_repr(KrRun *r, KrValue v) {
    AsyncioHandle *h = asyncio_handle_of(v);
    bool timer = h->ob.type == &asyncio_timer_type;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<%s", h->ob.type->name);
    if (ok && h->cancelled) ok = kr_buf_printf(&b, " cancelled");
    if (ok && timer) {
        KrValue w = kr_float_repr(r, h->when);
        ok = w != KR_EXC && kr_buf_printf(&b, " when=%s", kr_as_str(w)->data);
    }
    if (ok && !h->cancelled && h->kind == ASYNCIO_H_CALL)
        ok = kr_buf_printf(&b, " ") && asyncio_call_desc(r, h->a, h->b, &b);
    ok = ok && kr_buf_printf(&b, ">");
    return asyncio_buf_done(r, &b, ok);
}

ASYNCIO_METHOD(asyncio_hm_cancel) {
    if (!asyncio_py_args(r, "Handle.cancel", true, argc, args, kw, NULL)) return KR_EXC;
    asyncio_handle_of(self)->cancelled = true;
    return KR_NONE;
}

ASYNCIO_METHOD(asyncio_hm_cancelled) {
    if (!asyncio_py_args(r, "Handle.cancelled", true, argc, args, kw, NULL)) return KR_EXC;
    return kr_bool(asyncio_handle_of(self)->cancelled);
}

ASYNCIO_METHOD(asyncio_hm_when) {
    if (!asyncio_py_args(r, "TimerHandle.when", true, argc, args, kw, NULL)) return KR_EXC;
    return kr_from_double(asyncio_handle_of(self)->when);
}

static const KrMethodDef asyncio_handle_methods[] = {
    {"cancel", asyncio_hm_cancel, 0},
    {"cancelled", asyncio_hm_cancelled, 0},
    {NULL, NULL, 0},
};

static const KrMethodDef asyncio_timer_methods[] = {
    {"when", asyncio_hm_when, 0},
    {NULL, NULL, 0},
};

static const KrType asyncio_handle_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "Handle",
    .base = &kr_type_object,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(AsyncioHandle),
    .trace = asyncio_handle_trace,
    .repr = asyncio_handle_repr,
    .hash = kr_identity_hash,
    .methods = asyncio_handle_methods,
    .snap = &asyncio_handle_snap,
};

static const KrType asyncio_timer_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "TimerHandle",
    .base = &asyncio_handle_type,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(AsyncioHandle),
    .trace = asyncio_handle_trace,
    .repr = asyncio_handle_repr,
    .hash = kr_identity_hash,
    .methods = asyncio_timer_methods,
    .snap = &asyncio_handle_snap,
};

// ---- Python-facing: the event loop ---------------------------------------------------------------

static AsyncioLoop *asyncio_self_loop(KrValue self) { return asyncio_loop_of(self); }

static KrValue asyncio_loop_repr(KrRun *r, KrValue v) {
    AsyncioLoop *l = asyncio_self_loop(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<%s running=%s closed=%s debug=%s>", l->ob.type->name, l->running ? "True" : "False",
                            l->closed ? "True" : "False", l->debug ? "True" : "False");
    return asyncio_buf_done(r, &b, ok);
}

ASYNCIO_METHOD(asyncio_lm_time) {
    if (!asyncio_py_args(r, "BaseEventLoop.time", true, argc, args, kw, NULL)) return KR_EXC;
    return kr_from_double(asyncio_self_loop(self)->now);
}

ASYNCIO_METHOD(asyncio_lm_create_future) {
    if (!asyncio_py_args(r, "BaseEventLoop.create_future", true, argc, args, kw, NULL)) return KR_EXC;
    return asyncio_future_new(r, self);
}

ASYNCIO_METHOD(asyncio_lm_create_task) {
    static const char *const names[] = {"coro", "name", "context", NULL};
    static const KrArgSpec spec = {"BaseEventLoop.create_task", names, 0, 2, 1, KR_ARGS_PY_METHOD};
    KrValue a[3];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    return asyncio_task_new(r, asyncio_self_loop(self), a[0], a[1]);
}

static bool asyncio_callable(KrValue v) {
    for (const KrType *t = kr_typeof(v); t; t = t->base)
        if (t->call) return true;
    return kr_typeof(v) == &kr_type_function;
}

// call_soon / call_later / call_at: (when-argument,) callback, *args, context=None
static KrValue asyncio_schedule_call(KrRun *r, AsyncioLoop *l, const char *fname, size_t first, size_t argc,
                                     const KrValue *args, KrValue kw, double *when) {
    static const char *const names[] = {"context", NULL};
    KrValue ctx[1];
    if (!asyncio_kwargs(r, fname, argc, args, kw, names, ctx)) return KR_EXC;
    if (argc < first + 1)
        return kr_raise(r, &kr_exc_TypeError, "%s() missing 1 required positional argument: 'callback'", fname);
    if (!asyncio_check_closed(r, l)) return KR_EXC;
    if (l->debug && !asyncio_callable(args[first])) { // CPython checks in debug mode only
        const char *s = "?";
        if (asyncio_repr_cstr(r, args[first], &s) == KR_EXC) return KR_EXC;
        return kr_raise(r, &kr_exc_TypeError, "a callable object was expected by %s(), got %s", fname, s);
    }
    KrValue cargs = kr_tuple_from_array(r, args + first + 1, argc - first - 1);
    if (cargs == KR_EXC) return KR_EXC;
    if (!when) {
        KrValue h = asyncio_handle_new(r, &asyncio_handle_type, ASYNCIO_H_CALL, args[first], cargs);
        return h != KR_EXC && asyncio_push(r, l, ASYNCIO_E_HANDLE, h, KR_NULL) ? h : KR_EXC;
    }
    return asyncio_call_at(r, l, *when, ASYNCIO_H_CALL, args[first], cargs);
}

ASYNCIO_METHOD(asyncio_lm_call_soon) {
    return asyncio_schedule_call(r, asyncio_self_loop(self), "call_soon", 0, argc, args, kw, NULL);
}

ASYNCIO_METHOD(asyncio_lm_call_later) {
    if (argc < 1) return kr_raise(r, &kr_exc_TypeError, "call_later() missing 2 required positional arguments: 'delay' and 'callback'");
    double d;
    if (!asyncio_to_double(r, args[0], &d)) return KR_EXC;
    d += asyncio_self_loop(self)->now;
    return asyncio_schedule_call(r, asyncio_self_loop(self), "call_later", 1, argc, args, kw, &d);
}

ASYNCIO_METHOD(asyncio_lm_call_at) {
    if (argc < 1) return kr_raise(r, &kr_exc_TypeError, "call_at() missing 2 required positional arguments: 'when' and 'callback'");
    double d;
    if (!asyncio_to_double(r, args[0], &d)) return KR_EXC;
    return asyncio_schedule_call(r, asyncio_self_loop(self), "call_at", 1, argc, args, kw, &d);
}

ASYNCIO_METHOD(asyncio_lm_run_until_complete) {
    if (!asyncio_py_args(r, "BaseEventLoop.run_until_complete", true, argc, args, kw, "future")) return KR_EXC;
    return asyncio_run_until_complete(r, asyncio_self_loop(self), args[0]);
}

ASYNCIO_METHOD(asyncio_lm_run_forever) {
    if (!asyncio_py_args(r, "BaseEventLoop.run_forever", true, argc, args, kw, NULL)) return KR_EXC;
    AsyncioLoop *l = asyncio_self_loop(self);
    if (!asyncio_can_run(r, l)) return KR_EXC;
    return asyncio_run_forever(r, l) ? KR_NONE : KR_EXC;
}

ASYNCIO_METHOD(asyncio_lm_stop) {
    if (!asyncio_py_args(r, "BaseEventLoop.stop", true, argc, args, kw, NULL)) return KR_EXC;
    asyncio_self_loop(self)->stopping = true;
    return KR_NONE;
}

static void asyncio_loop_close(AsyncioLoop *l) {
    l->closed = true;
    l->rlen = l->rhead = 0;
    l->ntimers = 0;
}

ASYNCIO_METHOD(asyncio_lm_close) {
    if (!asyncio_py_args(r, "BaseEventLoop.close", true, argc, args, kw, NULL)) return KR_EXC;
    AsyncioLoop *l = asyncio_self_loop(self);
    if (l->running) return kr_raise(r, &kr_exc_RuntimeError, "Cannot close a running event loop");
    asyncio_loop_close(l);
    return KR_NONE;
}

ASYNCIO_METHOD(asyncio_lm_is_running) {
    if (!asyncio_py_args(r, "BaseEventLoop.is_running", true, argc, args, kw, NULL)) return KR_EXC;
    return kr_bool(asyncio_self_loop(self)->running);
}

ASYNCIO_METHOD(asyncio_lm_is_closed) {
    if (!asyncio_py_args(r, "BaseEventLoop.is_closed", true, argc, args, kw, NULL)) return KR_EXC;
    return kr_bool(asyncio_self_loop(self)->closed);
}

ASYNCIO_METHOD(asyncio_lm_get_debug) {
    if (!asyncio_py_args(r, "BaseEventLoop.get_debug", true, argc, args, kw, NULL)) return KR_EXC;
    return kr_bool(asyncio_self_loop(self)->debug);
}

ASYNCIO_METHOD(asyncio_lm_set_debug) {
    if (!asyncio_py_args(r, "BaseEventLoop.set_debug", true, argc, args, kw, "enabled")) return KR_EXC;
    int t = kr_truth(r, args[0]);
    if (t < 0) return KR_EXC;
    asyncio_self_loop(self)->debug = t;
    return KR_NONE;
}

// run_in_executor(executor, func, *args): krait has no threads; func runs on
// the loop as a callback and the returned future gets its result.
ASYNCIO_METHOD(asyncio_lm_run_in_executor) {
    if (!kr_args_no_kw(r, "run_in_executor", kw)) return KR_EXC;
    if (argc < 2)
        return kr_raise(r, &kr_exc_TypeError, "run_in_executor() missing %d required positional argument%s",
                        (int)(2 - argc), argc == 1 ? ": 'func'" : "s: 'executor' and 'func'");
    AsyncioLoop *l = asyncio_self_loop(self);
    if (!asyncio_check_closed(r, l)) return KR_EXC;
    return asyncio_exec_schedule(r, l, args[1], argc - 2, args + 2, KR_NULL);
}

// shutdown_asyncgens() / shutdown_default_executor(): nothing to do here.
ASYNCIO_METHOD(asyncio_lm_noop_coro) {
    (void)self;
    if (!asyncio_py_args(r, "BaseEventLoop.shutdown_asyncgens", true, argc, args, kw, NULL)) return KR_EXC;
    AsyncioCoro *c = asyncio_coro_new(r, ASYNCIO_CO_VALUE);
    if (!c) return KR_EXC;
    c->v[0] = KR_NONE;
    return kr_from_obj(c);
}

static const KrMethodDef asyncio_loop_methods[] = {
    {"time", asyncio_lm_time, 0},
    {"create_future", asyncio_lm_create_future, 0},
    {"create_task", asyncio_lm_create_task, 0},
    {"call_soon", asyncio_lm_call_soon, 0},
    {"call_later", asyncio_lm_call_later, 0},
    {"call_at", asyncio_lm_call_at, 0},
    {"run_until_complete", asyncio_lm_run_until_complete, 0},
    {"run_forever", asyncio_lm_run_forever, 0},
    {"stop", asyncio_lm_stop, 0},
    {"close", asyncio_lm_close, 0},
    {"is_running", asyncio_lm_is_running, 0},
    {"is_closed", asyncio_lm_is_closed, 0},
    {"get_debug", asyncio_lm_get_debug, 0},
    {"set_debug", asyncio_lm_set_debug, 0},
    {"run_in_executor", asyncio_lm_run_in_executor, 0},
    {"shutdown_asyncgens", asyncio_lm_noop_coro, 0},
    {"shutdown_default_executor", asyncio_lm_noop_coro, 0},
    {NULL, NULL, 0},
};

static const KrType asyncio_loop_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "_UnixSelectorEventLoop",
    .base = &kr_type_object,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(AsyncioLoop),
    .trace = asyncio_loop_trace,
    .finalize = asyncio_loop_finalize,
    .repr = asyncio_loop_repr,
    .hash = kr_identity_hash,
    .methods = asyncio_loop_methods,
    .snap = &asyncio_loop_snap,
};

// ---- the module state type

static void asyncio_state_trace(KrRun *r, KrObj *o) {
    AsyncioState *s = (AsyncioState *)o;
    kr_gc_mark(r, s->running);
    kr_gc_mark(r, s->current);
    kr_gc_mark(r, s->cancelled_error);
    kr_gc_mark(r, s->invalid_state_error);
    kr_gc_mark(r, s->queue_empty);
    kr_gc_mark(r, s->queue_full);
    kr_gc_mark(r, s->paused_loop);
    kr_gc_mark(r, s->paused_task);
    kr_gc_mark(r, s->paused_main);
}

static const KrType asyncio_state_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "asyncio_state",
    .base = &kr_type_object,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(AsyncioState),
    .trace = asyncio_state_trace,
    .hash = kr_identity_hash,
    .snap = &asyncio_state_snap,
};

// ---- Python-facing: Lock, Event, Semaphore, BoundedSemaphore --------------------------------------

static void asyncio_sync_trace(KrRun *r, KrObj *o) {
    AsyncioSync *s = (AsyncioSync *)o;
    kr_gc_mark(r, s->loop);
    kr_gc_mark(r, s->waiters);
}

static KrValue asyncio_sync_alloc(KrRun *r, const KrType *t, int64_t value, int64_t bound) {
    AsyncioSync *s = kr_gc_alloc(r, t, sizeof(AsyncioSync));
    if (!s) return KR_EXC;
    s->loop = s->waiters = KR_NULL;
    s->value = value;
    s->bound = bound;
    return kr_from_obj(s);
}

static KrValue asyncio_lock_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kw) {
    if (!asyncio_py_args(r, t == &asyncio_lock_type ? "Lock.__init__" : "Event.__init__", true, argc, args, kw, NULL))
        return KR_EXC;
    return asyncio_sync_alloc(r, t, 0, -1);
}

static KrValue asyncio_sem_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kw) {
    static const char *const names[] = {"value", NULL};
    static const KrArgSpec spec = {"Semaphore.__init__", names, 0, 0, 0, KR_ARGS_PY_METHOD};
    KrValue a[1];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    int64_t v = 1;
    if (a[0] != KR_NULL && !kr_index(r, a[0], &v)) return KR_EXC;
    if (v < 0) return kr_raise(r, &kr_exc_ValueError, "Semaphore initial value must be >= 0");
    return asyncio_sync_alloc(r, t, v, t == &asyncio_bsemaphore_type ? v : -1);
}

// "<asyncio.locks.Lock object at 0x1 [unlocked, waiters:1]>"
static KrValue asyncio_sync_repr(KrRun *r, KrValue v) {
    AsyncioSync *s = asyncio_sync_of(v);
    const KrType *t = s->ob.type;
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<asyncio.locks.%s object at 0x%llx [", t->name, (unsigned long long)kr_object_id(r, v));
    if (t == &asyncio_lock_type) ok = ok && kr_buf_printf(&b, "%s", s->value ? "locked" : "unlocked");
    else if (t == &asyncio_event_type) ok = ok && kr_buf_printf(&b, "%s", s->value ? "set" : "unset");
    else if (asyncio_sem_locked(s)) ok = ok && kr_buf_printf(&b, "locked");
    else ok = ok && kr_buf_printf(&b, "unlocked, value:%lld", (long long)s->value);
    if (ok && asyncio_list_len(s->waiters)) ok = kr_buf_printf(&b, ", waiters:%zu", asyncio_list_len(s->waiters));
    ok = ok && kr_buf_printf(&b, "]>");
    return asyncio_buf_done(r, &b, ok);
}

static KrValue asyncio_acquire_coro(KrRun *r, KrValue self, uint8_t kind, KrValue ret) {
    AsyncioCoro *c = asyncio_coro_new(r, kind);
    if (!c) return KR_EXC;
    c->v[0] = self;
    c->v[2] = ret;
    return kr_from_obj(c);
}

static KrValue asyncio_value_coro(KrRun *r, KrValue v) {
    AsyncioCoro *c = asyncio_coro_new(r, ASYNCIO_CO_VALUE);
    if (!c) return KR_EXC;
    c->v[0] = v;
    return kr_from_obj(c);
}

static uint8_t asyncio_acquire_kind(KrValue self) {
    return asyncio_sync_of(self)->ob.type == &asyncio_lock_type ? ASYNCIO_CO_LOCK : ASYNCIO_CO_SEM;
}

ASYNCIO_METHOD(asyncio_sm_acquire) {
    if (!asyncio_py_args(r, "Lock.acquire", true, argc, args, kw, NULL)) return KR_EXC;
    return asyncio_acquire_coro(r, self, asyncio_acquire_kind(self), KR_TRUE);
}

ASYNCIO_METHOD(asyncio_sm_aenter) {
    (void)args;
    if (!kr_dict_check_args(r, "__aenter__", argc, kw, 0, 0)) return KR_EXC;
    return asyncio_acquire_coro(r, self, asyncio_acquire_kind(self), KR_NONE);
}

static bool asyncio_sync_release(KrRun *r, AsyncioSync *s) {
    if (s->ob.type == &asyncio_lock_type) {
        if (!s->value) {
            kr_raise(r, &kr_exc_RuntimeError, "Lock is not acquired.");
            return false;
        }
        s->value = 0;
        return asyncio_lock_wake_first(r, s);
    }
    if (s->bound >= 0 && s->value >= s->bound) {
        kr_raise(r, &kr_exc_ValueError, "BoundedSemaphore released too many times");
        return false;
    }
    s->value++;
    return asyncio_sem_wake_next(r, s);
}

ASYNCIO_METHOD(asyncio_sm_release) {
    if (!asyncio_py_args(r, "Lock.release", true, argc, args, kw, NULL)) return KR_EXC;
    return asyncio_sync_release(r, asyncio_sync_of(self)) ? KR_NONE : KR_EXC;
}

// __aexit__ releases at once: `async with` awaits it right away.
ASYNCIO_METHOD(asyncio_sm_aexit) {
    (void)args;
    if (!kr_dict_check_args(r, "__aexit__", argc, kw, 3, 3)) return KR_EXC;
    if (!asyncio_sync_release(r, asyncio_sync_of(self))) return KR_EXC;
    return asyncio_value_coro(r, KR_NONE);
}

ASYNCIO_METHOD(asyncio_sm_locked) {
    if (!asyncio_py_args(r, "Lock.locked", true, argc, args, kw, NULL)) return KR_EXC;
    AsyncioSync *s = asyncio_sync_of(self);
    return kr_bool(s->ob.type == &asyncio_lock_type ? s->value != 0 : asyncio_sem_locked(s));
}

ASYNCIO_METHOD(asyncio_em_is_set) {
    if (!asyncio_py_args(r, "Event.is_set", true, argc, args, kw, NULL)) return KR_EXC;
    return kr_bool(asyncio_sync_of(self)->value != 0);
}

static bool asyncio_event_set(KrRun *r, AsyncioSync *s) {
    if (s->value) return true;
    s->value = 1;
    for (size_t i = 0; i < asyncio_list_len(s->waiters); i++) {
        AsyncioFuture *f = asyncio_fut_of(kr_as_list(s->waiters)->items[i]);
        if (f->state == ASYNCIO_PENDING && !asyncio_set_result(r, f, KR_TRUE)) return false;
    }
    return true;
}

ASYNCIO_METHOD(asyncio_em_set) {
    if (!asyncio_py_args(r, "Event.set", true, argc, args, kw, NULL)) return KR_EXC;
    return asyncio_event_set(r, asyncio_sync_of(self)) ? KR_NONE : KR_EXC;
}

ASYNCIO_METHOD(asyncio_em_clear) {
    if (!asyncio_py_args(r, "Event.clear", true, argc, args, kw, NULL)) return KR_EXC;
    asyncio_sync_of(self)->value = 0;
    return KR_NONE;
}

ASYNCIO_METHOD(asyncio_em_wait) {
    if (!asyncio_py_args(r, "Event.wait", true, argc, args, kw, NULL)) return KR_EXC;
    return asyncio_acquire_coro(r, self, ASYNCIO_CO_EVENT, KR_TRUE);
}

static const KrMethodDef asyncio_lock_methods[] = {
    {"acquire", asyncio_sm_acquire, 0},
    {"release", asyncio_sm_release, 0},
    {"locked", asyncio_sm_locked, 0},
    {"__aenter__", asyncio_sm_aenter, 0},
    {"__aexit__", asyncio_sm_aexit, 0},
    {NULL, NULL, 0},
};

static const KrMethodDef asyncio_event_methods[] = {
    {"is_set", asyncio_em_is_set, 0},
    {"set", asyncio_em_set, 0},
    {"clear", asyncio_em_clear, 0},
    {"wait", asyncio_em_wait, 0},
    {NULL, NULL, 0},
};

#define ASYNCIO_SYNC_TYPE(cname, pyname, basetype, ctor, meths) \
    static const KrType cname = {KR_STATIC_HEADER(&kr_type_type), \
                                 .name = pyname,                   \
                                 .base = basetype,                 \
                                 .basic_size = sizeof(AsyncioSync), \
                                 .trace = asyncio_sync_trace,      \
                                 .construct = ctor,                \
                                 .repr = asyncio_sync_repr,        \
                                 .hash = kr_identity_hash,         \
                                 .methods = meths,                 \
                                 .snap = &asyncio_sync_snap}
ASYNCIO_SYNC_TYPE(asyncio_lock_type, "Lock", &kr_type_object, asyncio_lock_construct, asyncio_lock_methods);
ASYNCIO_SYNC_TYPE(asyncio_event_type, "Event", &kr_type_object, asyncio_lock_construct, asyncio_event_methods);
ASYNCIO_SYNC_TYPE(asyncio_semaphore_type, "Semaphore", &kr_type_object, asyncio_sem_construct, asyncio_lock_methods);
ASYNCIO_SYNC_TYPE(asyncio_bsemaphore_type, "BoundedSemaphore", &asyncio_semaphore_type, asyncio_sem_construct,
                  asyncio_lock_methods);
#undef ASYNCIO_SYNC_TYPE

// ---- Python-facing: Condition ------------------------------------------------------------------------

typedef struct AsyncioCond {
    KrObj ob;
    KrValue loop;
    KrValue waiters; // futures of the tasks in wait()
    KrValue lock;    // a Lock
} AsyncioCond;

static const KrType asyncio_cond_type;
static AsyncioCond *asyncio_cond_of(KrValue v) { return (AsyncioCond *)kr_as_obj(v); }

static void asyncio_cond_trace(KrRun *r, KrObj *o) {
    AsyncioCond *c = (AsyncioCond *)o;
    kr_gc_mark(r, c->loop);
    kr_gc_mark(r, c->waiters);
    kr_gc_mark(r, c->lock);
}

static KrValue asyncio_cond_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kw) {
    static const char *const names[] = {"lock", NULL};
    static const KrArgSpec spec = {"Condition.__init__", names, 0, 0, 0, KR_ARGS_PY_METHOD};
    KrValue a[1];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    KrValue lock = a[0];
    if (lock == KR_NULL || lock == KR_NONE) lock = asyncio_sync_alloc(r, &asyncio_lock_type, 0, -1);
    else if (!kr_is_type(lock, &asyncio_lock_type))
        return kr_raise(r, &kr_exc_TypeError, "Condition() needs an asyncio.Lock, not %s", kr_type_name(lock));
    if (lock == KR_EXC) return KR_EXC;
    AsyncioCond *c = kr_gc_alloc(r, t, sizeof(AsyncioCond));
    if (!c) return KR_EXC;
    c->loop = c->waiters = KR_NULL;
    c->lock = lock;
    return kr_from_obj(c);
}

static bool asyncio_cond_locked(AsyncioCond *c) { return asyncio_sync_of(c->lock)->value != 0; }

// Condition.wait(): v0 the condition, v1 the waiter, v2 the exception the
// wait ended with (re-raised once the lock is held again); num: cancelled
// while re-acquiring.
static KrValue asyncio_cond_wait_step(KrRun *r, AsyncioCoro *co, KrValue exc) {
    AsyncioCond *c = asyncio_cond_of(co->v[0]);
    for (;;) {
        KrValue y = KR_NULL;
        switch (co->state) {
        case 0: {
            if (!asyncio_cond_locked(c)) return kr_raise(r, &kr_exc_RuntimeError, "cannot wait on un-acquired lock");
            if (!asyncio_sync_release(r, asyncio_sync_of(c->lock))) return KR_EXC;
            AsyncioLoop *l = asyncio_bound_loop(r, co->v[0], &c->loop);
            KrValue fut = l ? asyncio_new_waiter(r, l, &c->waiters) : KR_EXC;
            if (fut == KR_EXC) return KR_EXC;
            co->v[1] = fut;
            y = asyncio_co_await(r, co, fut, 1, &exc);
            break;
        }
        case 1: // woken (or failed): take the lock back before going on
            asyncio_list_remove(c->waiters, co->v[1]);
            co->v[2] = exc;
            co->state = 2;
            continue;
        case 2: {
            AsyncioCoro *acq = asyncio_coro_new(r, ASYNCIO_CO_LOCK);
            if (!acq) return KR_EXC;
            acq->v[0] = c->lock;
            acq->v[2] = KR_TRUE;
            y = asyncio_co_await(r, co, kr_from_obj(acq), 3, &exc);
            break;
        }
        default: {
            AsyncioState *st = asyncio_loop_state(asyncio_loop_of(c->loop)); // bound in state 0
            if (exc != KR_NULL) {
                if (!asyncio_is_cancelled_error(st, exc)) return kr_raise_value(r, exc);
                co->num = 1; // cancelled while re-acquiring: try again, raise after
                co->state = 2;
                continue;
            }
            if (co->num) return asyncio_raise_cls(r, st->cancelled_error, NULL);
            if (co->v[2] != KR_NULL) return kr_raise_value(r, co->v[2]);
            return asyncio_return(r, KR_TRUE);
        }
        }
        if (y != KR_NULL) return y;
    }
}

// Condition.wait_for(predicate): v0 the condition, v1 the predicate.
static KrValue asyncio_cond_wait_for_step(KrRun *r, AsyncioCoro *co, KrValue exc) {
    for (;;) {
        if (exc != KR_NULL) return kr_raise_value(r, exc);
        KrValue res = kr_call0(r, co->v[1]);
        int t = res == KR_EXC ? -1 : kr_truth(r, res);
        if (t < 0) return KR_EXC;
        if (t) return asyncio_return(r, res);
        AsyncioCoro *w = asyncio_coro_new(r, ASYNCIO_CO_COND_WAIT);
        if (!w) return KR_EXC;
        w->v[0] = co->v[0];
        KrValue y = asyncio_co_await(r, co, kr_from_obj(w), 1, &exc);
        if (y != KR_NULL) return y;
    }
}

static bool asyncio_cond_notify(KrRun *r, AsyncioCond *c, size_t n) {
    if (!asyncio_cond_locked(c)) {
        kr_raise(r, &kr_exc_RuntimeError, "cannot notify on un-acquired lock");
        return false;
    }
    size_t woken = 0;
    for (size_t i = 0; woken < n && i < asyncio_list_len(c->waiters); i++) {
        AsyncioFuture *f = asyncio_fut_of(kr_as_list(c->waiters)->items[i]);
        if (f->state != ASYNCIO_PENDING) continue;
        woken++;
        if (!asyncio_set_result(r, f, KR_FALSE)) return false;
    }
    return true;
}

ASYNCIO_METHOD(asyncio_cm2_notify) {
    static const char *const names[] = {"n", NULL};
    static const KrArgSpec spec = {"Condition.notify", names, 0, 0, 0, KR_ARGS_PY_METHOD};
    KrValue a[1];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    int64_t n = 1;
    if (a[0] != KR_NULL && !kr_index(r, a[0], &n)) return KR_EXC;
    return asyncio_cond_notify(r, asyncio_cond_of(self), n < 0 ? 0 : (size_t)n) ? KR_NONE : KR_EXC;
}

ASYNCIO_METHOD(asyncio_cm2_notify_all) {
    if (!asyncio_py_args(r, "Condition.notify_all", true, argc, args, kw, NULL)) return KR_EXC;
    AsyncioCond *c = asyncio_cond_of(self);
    return asyncio_cond_notify(r, c, asyncio_list_len(c->waiters)) ? KR_NONE : KR_EXC;
}

ASYNCIO_METHOD(asyncio_cm2_wait) {
    if (!asyncio_py_args(r, "Condition.wait", true, argc, args, kw, NULL)) return KR_EXC;
    return asyncio_acquire_coro(r, self, ASYNCIO_CO_COND_WAIT, KR_NULL);
}

ASYNCIO_METHOD(asyncio_cm2_wait_for) {
    if (!asyncio_py_args(r, "Condition.wait_for", true, argc, args, kw, "predicate")) return KR_EXC;
    AsyncioCoro *co = asyncio_coro_new(r, ASYNCIO_CO_COND_WAIT_FOR);
    if (!co) return KR_EXC;
    co->v[0] = self;
    co->v[1] = args[0];
    return kr_from_obj(co);
}

// locked/acquire/release/__aenter__/__aexit__ are the lock's.
ASYNCIO_METHOD(asyncio_cm2_locked) { return asyncio_sm_locked(r, asyncio_cond_of(self)->lock, argc, args, kw); }
ASYNCIO_METHOD(asyncio_cm2_acquire) { return asyncio_sm_acquire(r, asyncio_cond_of(self)->lock, argc, args, kw); }
ASYNCIO_METHOD(asyncio_cm2_release) { return asyncio_sm_release(r, asyncio_cond_of(self)->lock, argc, args, kw); }
ASYNCIO_METHOD(asyncio_cm2_aenter) { return asyncio_sm_aenter(r, asyncio_cond_of(self)->lock, argc, args, kw); }
ASYNCIO_METHOD(asyncio_cm2_aexit) { return asyncio_sm_aexit(r, asyncio_cond_of(self)->lock, argc, args, kw); }

static KrValue asyncio_cond_repr(KrRun *r, KrValue v) {
    AsyncioCond *c = asyncio_cond_of(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<asyncio.locks.Condition object at 0x%llx [%s", (unsigned long long)kr_object_id(r, v),
                            asyncio_cond_locked(c) ? "locked" : "unlocked");
    if (ok && asyncio_list_len(c->waiters)) ok = kr_buf_printf(&b, ", waiters:%zu", asyncio_list_len(c->waiters));
    ok = ok && kr_buf_printf(&b, "]>");
    return asyncio_buf_done(r, &b, ok);
}

static const KrMethodDef asyncio_cond_methods[] = {
    {"locked", asyncio_cm2_locked, 0},
    {"acquire", asyncio_cm2_acquire, 0},
    {"release", asyncio_cm2_release, 0},
    {"wait", asyncio_cm2_wait, 0},
    {"wait_for", asyncio_cm2_wait_for, 0},
    {"notify", asyncio_cm2_notify, 0},
    {"notify_all", asyncio_cm2_notify_all, 0},
    {"__aenter__", asyncio_cm2_aenter, 0},
    {"__aexit__", asyncio_cm2_aexit, 0},
    {NULL, NULL, 0},
};

static const KrType asyncio_cond_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "Condition",
    .base = &kr_type_object,
    .basic_size = sizeof(AsyncioCond),
    .trace = asyncio_cond_trace,
    .construct = asyncio_cond_construct,
    .repr = asyncio_cond_repr,
    .hash = kr_identity_hash,
    .methods = asyncio_cond_methods,
    .snap = &asyncio_cond_snap,
};

// ---- Python-facing: Queue, LifoQueue, PriorityQueue ----------------------------------------------

static void asyncio_queue_trace(KrRun *r, KrObj *o) {
    AsyncioQueue *q = (AsyncioQueue *)o;
    kr_gc_mark(r, q->items);
    kr_gc_mark(r, q->getters);
    kr_gc_mark(r, q->putters);
    kr_gc_mark(r, q->finished);
    kr_gc_mark(r, q->loop);
}

static KrValue asyncio_queue_alloc(KrRun *r, const KrType *t, int64_t maxsize) {
    AsyncioQueue *q = kr_gc_alloc(r, t, sizeof(AsyncioQueue));
    if (!q) return KR_EXC;
    q->mode = t == &asyncio_lifo_queue_type ? ASYNCIO_Q_LIFO : t == &asyncio_priority_queue_type ? ASYNCIO_Q_PRIORITY
                                                                                                  : ASYNCIO_Q_FIFO;
    q->maxsize = maxsize;
    q->head = 0;
    q->unfinished = 0;
    q->items = q->getters = q->putters = q->finished = q->loop = KR_NULL;
    KrValue qv = kr_from_obj(q);
    if ((q->items = kr_list_new(r, 0)) == KR_EXC) return KR_EXC;
    if ((q->finished = asyncio_sync_alloc(r, &asyncio_event_type, 1, -1)) == KR_EXC) return KR_EXC;
    return qv;
}

static KrValue asyncio_queue_construct(KrRun *r, const KrType *t, size_t argc, const KrValue *args, KrValue kw) {
    static const char *const names[] = {"maxsize", NULL};
    static const KrArgSpec spec = {"Queue.__init__", names, 0, 0, 0, KR_ARGS_PY_METHOD};
    KrValue a[1];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    int64_t n = 0;
    if (a[0] != KR_NULL && !kr_index(r, a[0], &n)) return KR_EXC;
    return asyncio_queue_alloc(r, t, n);
}

// heapq's sift-down/sift-up with `<`, so PriorityQueue orders ties as CPython.
static bool asyncio_heap_siftdown(KrRun *r, KrList *h, size_t start, size_t pos) {
    KrValue item = h->items[pos];
    kr_root_push(r, &item);
    bool ok = true;
    while (pos > start) {
        size_t parent = (pos - 1) >> 1;
        int lt = kr_lt(r, item, h->items[parent]);
        if (lt >= 0 && pos >= h->len) {
            kr_raise(r, &kr_exc_RuntimeError, "list changed size during iteration");
            lt = -1;
        }
        if (lt < 0) {
            ok = false;
            break;
        }
        if (!lt) break;
        h->items[pos] = h->items[parent];
        pos = parent;
    }
    if (ok) h->items[pos] = item;
    kr_root_pop(r, 1);
    return ok;
}

static bool asyncio_heap_siftup(KrRun *r, KrList *h, size_t pos) {
    size_t end = h->len, start = pos;
    KrValue item = h->items[pos];
    kr_root_push(r, &item);
    bool ok = true;
    for (size_t child = 2 * pos + 1; child < end; child = 2 * pos + 1) {
        if (child + 1 < end) {
            int lt = kr_lt(r, h->items[child], h->items[child + 1]);
            if (lt < 0 || h->len != end) {
                if (lt >= 0) kr_raise(r, &kr_exc_RuntimeError, "list changed size during iteration");
                ok = false;
                break;
            }
            if (!lt) child++;
        }
        h->items[pos] = h->items[child];
        pos = child;
    }
    if (ok) h->items[pos] = item;
    kr_root_pop(r, 1);
    return ok && asyncio_heap_siftdown(r, h, start, pos);
}

static KrValue asyncio_queue_put_nowait(KrRun *r, AsyncioQueue *q, KrValue item) {
    if (asyncio_queue_full(q)) {
        AsyncioState *st = asyncio_state_or_raise(r);
        return st ? asyncio_raise_cls(r, st->queue_full, NULL) : KR_EXC;
    }
    KrList *l = kr_as_list(q->items);
    if (!kr_list_append(r, l, item)) return KR_EXC;
    if (q->mode == ASYNCIO_Q_PRIORITY && !asyncio_heap_siftdown(r, l, 0, l->len - 1)) return KR_EXC;
    q->unfinished++;
    asyncio_sync_of(q->finished)->value = 0;
    return asyncio_queue_wakeup_next(r, q->getters) ? KR_NONE : KR_EXC;
}

static KrValue asyncio_queue_take(KrRun *r, AsyncioQueue *q) {
    KrList *l = kr_as_list(q->items);
    if (q->mode == ASYNCIO_Q_LIFO) return l->items[--l->len];
    if (q->mode == ASYNCIO_Q_PRIORITY) {
        KrValue last = l->items[--l->len];
        if (l->len == 0) return last;
        KrValue top = l->items[0];
        l->items[0] = last;
        kr_root_push(r, &top);
        bool ok = asyncio_heap_siftup(r, l, 0);
        kr_root_pop(r, 1);
        return ok ? top : KR_EXC;
    }
    KrValue v = l->items[q->head++];
    if (q->head == l->len) {
        l->len = q->head = 0;
    } else if (q->head >= 32 && q->head * 2 >= l->len) { // drop the consumed prefix
        memmove(l->items, l->items + q->head, (l->len - q->head) * sizeof(KrValue));
        l->len -= q->head;
        q->head = 0;
    }
    return v;
}

static KrValue asyncio_queue_get_nowait(KrRun *r, AsyncioQueue *q) {
    if (asyncio_queue_size(q) == 0) {
        AsyncioState *st = asyncio_state_or_raise(r);
        return st ? asyncio_raise_cls(r, st->queue_empty, NULL) : KR_EXC;
    }
    KrValue v = asyncio_queue_take(r, q);
    if (v == KR_EXC) return KR_EXC;
    kr_root_push(r, &v);
    bool ok = asyncio_queue_wakeup_next(r, q->putters);
    kr_root_pop(r, 1);
    return ok ? v : KR_EXC;
}

static AsyncioQueue *asyncio_self_queue(KrValue self) { return asyncio_queue_of(self); }

ASYNCIO_METHOD(asyncio_qm_qsize) {
    if (!asyncio_py_args(r, "Queue.qsize", true, argc, args, kw, NULL)) return KR_EXC;
    return kr_from_small((int64_t)asyncio_queue_size(asyncio_self_queue(self)));
}

ASYNCIO_METHOD(asyncio_qm_empty) {
    if (!asyncio_py_args(r, "Queue.empty", true, argc, args, kw, NULL)) return KR_EXC;
    return kr_bool(asyncio_queue_size(asyncio_self_queue(self)) == 0);
}

ASYNCIO_METHOD(asyncio_qm_full) {
    if (!asyncio_py_args(r, "Queue.full", true, argc, args, kw, NULL)) return KR_EXC;
    return kr_bool(asyncio_queue_full(asyncio_self_queue(self)));
}

ASYNCIO_METHOD(asyncio_qm_put_nowait) {
    if (!asyncio_py_args(r, "Queue.put_nowait", true, argc, args, kw, "item")) return KR_EXC;
    return asyncio_queue_put_nowait(r, asyncio_self_queue(self), args[0]);
}

ASYNCIO_METHOD(asyncio_qm_get_nowait) {
    if (!asyncio_py_args(r, "Queue.get_nowait", true, argc, args, kw, NULL)) return KR_EXC;
    return asyncio_queue_get_nowait(r, asyncio_self_queue(self));
}

ASYNCIO_METHOD(asyncio_qm_put) {
    static const char *const names[] = {"item", NULL};
    static const KrArgSpec spec = {"Queue.put", names, 0, 0, 1, KR_ARGS_PY_METHOD};
    KrValue a[1];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    AsyncioCoro *c = asyncio_coro_new(r, ASYNCIO_CO_QPUT);
    if (!c) return KR_EXC;
    c->v[0] = self;
    c->v[2] = a[0];
    return kr_from_obj(c);
}

ASYNCIO_METHOD(asyncio_qm_get) {
    if (!asyncio_py_args(r, "Queue.get", true, argc, args, kw, NULL)) return KR_EXC;
    return asyncio_acquire_coro(r, self, ASYNCIO_CO_QGET, KR_NULL);
}

ASYNCIO_METHOD(asyncio_qm_join) {
    if (!asyncio_py_args(r, "Queue.join", true, argc, args, kw, NULL)) return KR_EXC;
    return asyncio_acquire_coro(r, self, ASYNCIO_CO_QJOIN, KR_NULL);
}

ASYNCIO_METHOD(asyncio_qm_task_done) {
    if (!asyncio_py_args(r, "Queue.task_done", true, argc, args, kw, NULL)) return KR_EXC;
    AsyncioQueue *q = asyncio_self_queue(self);
    if (q->unfinished <= 0) return kr_raise(r, &kr_exc_ValueError, "task_done() called too many times");
    if (--q->unfinished == 0 && !asyncio_event_set(r, asyncio_sync_of(q->finished))) return KR_EXC;
    return KR_NONE;
}

static KrValue asyncio_qg_maxsize(KrRun *r, KrValue self) { return kr_int_from_i64(r, asyncio_self_queue(self)->maxsize); }

// CPython's Queue._format(): "maxsize=0 _queue=[1, 2] tasks=2"
static bool asyncio_queue_format(KrRun *r, AsyncioQueue *q, KrBuf *b) {
    bool ok = kr_buf_printf(b, "maxsize=%lld", (long long)q->maxsize);
    size_t n = asyncio_queue_size(q);
    if (ok && n) {
        KrValue items = kr_list_from_array(r, kr_as_list(q->items)->items + q->head, n);
        KrValue s = items == KR_EXC ? KR_EXC : kr_repr(r, items);
        ok = s != KR_EXC && kr_buf_printf(b, " _queue=%s", kr_as_str(s)->data);
    }
    if (ok && asyncio_list_len(q->getters)) ok = kr_buf_printf(b, " _getters[%zu]", asyncio_list_len(q->getters));
    if (ok && asyncio_list_len(q->putters)) ok = kr_buf_printf(b, " _putters[%zu]", asyncio_list_len(q->putters));
    if (ok && q->unfinished) ok = kr_buf_printf(b, " tasks=%lld", (long long)q->unfinished);
    return ok;
}

static KrValue asyncio_queue_show(KrRun *r, KrValue v, bool with_id) {
    AsyncioQueue *q = asyncio_self_queue(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<%s ", q->ob.type->name);
    if (ok && with_id) ok = kr_buf_printf(&b, "at 0x%llx ", (unsigned long long)kr_object_id(r, v));
    ok = ok && asyncio_queue_format(r, q, &b) && kr_buf_printf(&b, ">");
    return asyncio_buf_done(r, &b, ok);
}

static KrValue asyncio_queue_repr(KrRun *r, KrValue v) { return asyncio_queue_show(r, v, true); }
static KrValue asyncio_queue_str(KrRun *r, KrValue v) { return asyncio_queue_show(r, v, false); }

static const KrMethodDef asyncio_queue_methods[] = {
    {"qsize", asyncio_qm_qsize, 0},
    {"empty", asyncio_qm_empty, 0},
    {"full", asyncio_qm_full, 0},
    {"put", asyncio_qm_put, 0},
    {"put_nowait", asyncio_qm_put_nowait, 0},
    {"get", asyncio_qm_get, 0},
    {"get_nowait", asyncio_qm_get_nowait, 0},
    {"task_done", asyncio_qm_task_done, 0},
    {"join", asyncio_qm_join, 0},
    {"__class_getitem__", asyncio_class_getitem, KR_METH_CLASS},
    {NULL, NULL, 0},
};

static const KrGetSetDef asyncio_queue_getsets[] = {
    {"maxsize", asyncio_qg_maxsize},
    {NULL, NULL},
};

#define ASYNCIO_QUEUE_TYPE(cname, pyname, basetype)     \
    static const KrType cname = {KR_STATIC_HEADER(&kr_type_type), \
                                 .name = pyname,                   \
                                 .base = basetype,                 \
                                 .basic_size = sizeof(AsyncioQueue), \
                                 .trace = asyncio_queue_trace,     \
                                 .construct = asyncio_queue_construct, \
                                 .repr = asyncio_queue_repr,       \
                                 .str = asyncio_queue_str,         \
                                 .hash = kr_identity_hash,         \
                                 .methods = asyncio_queue_methods, \
                                 .getsets = asyncio_queue_getsets, \
                                 .snap = &asyncio_queue_snap}
ASYNCIO_QUEUE_TYPE(asyncio_queue_type, "Queue", &kr_type_object);
ASYNCIO_QUEUE_TYPE(asyncio_lifo_queue_type, "LifoQueue", &asyncio_queue_type);
ASYNCIO_QUEUE_TYPE(asyncio_priority_queue_type, "PriorityQueue", &asyncio_queue_type);
#undef ASYNCIO_QUEUE_TYPE

// ---- asyncio.timeout(): the Timeout context manager ------------------------------------------------

enum { ASYNCIO_TM_CREATED, ASYNCIO_TM_ENTERED, ASYNCIO_TM_EXPIRING, ASYNCIO_TM_EXPIRED, ASYNCIO_TM_EXITED };
static const char *const asyncio_tm_states[] = {"created", "active", "expiring", "expired", "finished"};

typedef struct AsyncioTimeout {
    KrObj ob;
    uint8_t state;
    bool has_when;     // false: never fires
    double when;
    KrValue handler;   // the Handle/TimerHandle that fires it, or KR_NULL
    KrValue task;      // the task it cancels
    int64_t cancelling; // the task's cancel requests on entry
} AsyncioTimeout;

static const KrType asyncio_timeout_type;
static AsyncioTimeout *asyncio_tm_of(KrValue v) { return (AsyncioTimeout *)kr_as_obj(v); }

static void asyncio_tm_trace(KrRun *r, KrObj *o) {
    kr_gc_mark(r, ((AsyncioTimeout *)o)->handler);
    kr_gc_mark(r, ((AsyncioTimeout *)o)->task);
}

static bool asyncio_timeout_fire(KrRun *r, KrValue tmv) {
    AsyncioTimeout *tm = asyncio_tm_of(tmv);
    if (tm->state != ASYNCIO_TM_ENTERED) return true;
    if (asyncio_cancel(r, asyncio_fut_of(tm->task), KR_NONE) < 0) return false;
    tm->state = ASYNCIO_TM_EXPIRING;
    tm->handler = KR_NULL;
    return true;
}

static bool asyncio_tm_reschedule(KrRun *r, KrValue self, KrValue when) {
    AsyncioTimeout *tm = asyncio_tm_of(self);
    if (tm->state != ASYNCIO_TM_ENTERED) {
        if (tm->state == ASYNCIO_TM_CREATED) kr_raise(r, &kr_exc_RuntimeError, "Timeout has not been entered");
        else kr_raise(r, &kr_exc_RuntimeError, "Cannot change state of %s Timeout", asyncio_tm_states[tm->state]);
        return false;
    }
    double w = 0;
    if (when != KR_NONE && !asyncio_to_double(r, when, &w)) return false;
    tm->has_when = when != KR_NONE;
    tm->when = w;
    if (tm->handler != KR_NULL) asyncio_handle_of(tm->handler)->cancelled = true;
    tm->handler = KR_NULL;
    if (!tm->has_when) return true;
    AsyncioLoop *l = asyncio_running_loop(r);
    if (!l) return false;
    KrValue h;
    if (w <= l->now) { // due now: the next iteration
        h = asyncio_handle_new(r, &asyncio_handle_type, ASYNCIO_H_TIMEOUT, self, KR_NULL);
        if (h != KR_EXC && !asyncio_push(r, l, ASYNCIO_E_HANDLE, h, KR_NULL)) h = KR_EXC;
    } else {
        h = asyncio_call_at(r, l, w, ASYNCIO_H_TIMEOUT, self, KR_NULL);
    }
    if (h == KR_EXC) return false;
    tm->handler = h;
    return true;
}

ASYNCIO_METHOD(asyncio_tmm_reschedule) {
    if (!asyncio_py_args(r, "Timeout.reschedule", true, argc, args, kw, "when")) return KR_EXC;
    return asyncio_tm_reschedule(r, self, args[0]) ? KR_NONE : KR_EXC;
}

ASYNCIO_METHOD(asyncio_tmm_when) {
    if (!asyncio_py_args(r, "Timeout.when", true, argc, args, kw, NULL)) return KR_EXC;
    AsyncioTimeout *tm = asyncio_tm_of(self);
    return tm->has_when ? kr_from_double(tm->when) : KR_NONE;
}

ASYNCIO_METHOD(asyncio_tmm_expired) {
    if (!asyncio_py_args(r, "Timeout.expired", true, argc, args, kw, NULL)) return KR_EXC;
    uint8_t s = asyncio_tm_of(self)->state;
    return kr_bool(s == ASYNCIO_TM_EXPIRING || s == ASYNCIO_TM_EXPIRED);
}

// __aenter__/__aexit__ do their work when called: `async with` awaits them
// at once, and neither ever waits.
ASYNCIO_METHOD(asyncio_tmm_aenter) {
    (void)args;
    if (!kr_dict_check_args(r, "Timeout.__aenter__", argc, kw, 0, 0)) return KR_EXC;
    AsyncioTimeout *tm = asyncio_tm_of(self);
    if (tm->state != ASYNCIO_TM_CREATED) return kr_raise(r, &kr_exc_RuntimeError, "Timeout has already been entered");
    AsyncioLoop *l = asyncio_running_loop(r);
    if (!l) return KR_EXC;
    if (l->current_task == KR_NULL) return kr_raise(r, &kr_exc_RuntimeError, "Timeout should be used inside a task");
    tm->state = ASYNCIO_TM_ENTERED;
    tm->task = l->current_task;
    tm->cancelling = asyncio_fut_of(tm->task)->num_cancels;
    KrValue when = tm->has_when ? kr_from_double(tm->when) : KR_NONE;
    if (!asyncio_tm_reschedule(r, self, when)) return KR_EXC;
    return asyncio_value_coro(r, self);
}

ASYNCIO_METHOD(asyncio_tmm_aexit) {
    if (!kr_dict_check_args(r, "Timeout.__aexit__", argc, kw, 3, 3)) return KR_EXC;
    AsyncioTimeout *tm = asyncio_tm_of(self);
    if (tm->handler != KR_NULL) asyncio_handle_of(tm->handler)->cancelled = true;
    tm->handler = KR_NULL;
    if (tm->state == ASYNCIO_TM_EXPIRING) {
        tm->state = ASYNCIO_TM_EXPIRED;
        AsyncioFuture *t = asyncio_fut_of(tm->task);
        if (t->num_cancels > 0) t->num_cancels--; // uncancel()
        AsyncioState *st = asyncio_fut_state(t);
        if (t->num_cancels <= tm->cancelling && args[0] == st->cancelled_error)
            return asyncio_raise_timeout_from(r, args[1]);
    } else if (tm->state == ASYNCIO_TM_ENTERED) {
        tm->state = ASYNCIO_TM_EXITED;
    }
    return asyncio_value_coro(r, KR_NONE);
}

static KrValue asyncio_tm_repr(KrRun *r, KrValue v) {
    AsyncioTimeout *tm = asyncio_tm_of(v);
    KrBuf b;
    kr_buf_init(&b, kr_run_allocator(r));
    bool ok = kr_buf_printf(&b, "<Timeout [%s]", asyncio_tm_states[tm->state]);
    if (ok && tm->state == ASYNCIO_TM_ENTERED) {
        if (!tm->has_when) {
            ok = kr_buf_printf(&b, " when=None");
        } else {
            KrValue w = kr_float_repr(r, round(tm->when * 1000) / 1000);
            ok = w != KR_EXC && kr_buf_printf(&b, " when=%s", kr_as_str(w)->data);
        }
    }
    ok = ok && kr_buf_printf(&b, ">");
    return asyncio_buf_done(r, &b, ok);
}

static const KrMethodDef asyncio_tm_methods[] = {
    {"when", asyncio_tmm_when, 0},
    {"reschedule", asyncio_tmm_reschedule, 0},
    {"expired", asyncio_tmm_expired, 0},
    {"__aenter__", asyncio_tmm_aenter, 0},
    {"__aexit__", asyncio_tmm_aexit, 0},
    {NULL, NULL, 0},
};

static const KrType asyncio_timeout_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "Timeout",
    .base = &kr_type_object,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(AsyncioTimeout),
    .trace = asyncio_tm_trace,
    .repr = asyncio_tm_repr,
    .hash = kr_identity_hash,
    .methods = asyncio_tm_methods,
    .snap = &asyncio_timeout_snap,
};

static KrValue asyncio_timeout_new(KrRun *r, bool has_when, double when) {
    AsyncioTimeout *tm = kr_gc_alloc(r, &asyncio_timeout_type, sizeof(AsyncioTimeout));
    if (!tm) return KR_EXC;
    tm->state = ASYNCIO_TM_CREATED;
    tm->has_when = has_when;
    tm->when = when;
    tm->handler = tm->task = KR_NULL;
    tm->cancelling = 0;
    return kr_from_obj(tm);
}

// ---- as_completed's iterator ----------------------------------------------------------------------

static void asyncio_ac_trace(KrRun *r, KrObj *o) {
    AsyncioAsCompleted *ac = (AsyncioAsCompleted *)o;
    kr_gc_mark(r, ac->fs);
    kr_gc_mark(r, ac->todo);
    kr_gc_mark(r, ac->done);
    kr_gc_mark(r, ac->timeout);
    kr_gc_mark(r, ac->handle);
    kr_gc_mark(r, ac->cb);
}

// A future per distinct item of fs, in iteration order (CPython iterates a
// set, whose order for tasks depends on addresses; krait keeps the order given).
static KrValue asyncio_distinct_futures(KrRun *r, KrValue fs, AsyncioLoop *l) {
    KrValue items = kr_list_from_iter(r, fs), out = KR_NULL;
    if (items == KR_EXC || (out = kr_list_new(r, 0)) == KR_EXC) return KR_EXC;
    KrList *il = kr_as_list(items);
    size_t n = il->len;
    size_t *first = asyncio_first_positions(r, il->items, n);
    if (!first) return KR_EXC;
    kr_root_push(r, &items);
    kr_root_push(r, &out);
    KrValue res = out;
    for (size_t i = 0; i < n && i < il->len && res != KR_EXC; i++) {
        if (first[i] != i) continue;
        KrValue f = asyncio_ensure_future(r, il->items[i], l);
        if (f == KR_EXC || !kr_list_append(r, kr_as_list(out), f)) res = KR_EXC;
    }
    kr_root_pop(r, 2);
    asyncio_first_positions_free(r, first, n);
    return res;
}

static bool asyncio_ac_setup(KrRun *r, KrValue self) {
    AsyncioAsCompleted *ac = asyncio_ac_of(self);
    KrValue fs = ac->fs;
    ac->fs = KR_NULL;
    if (asyncio_is_future(fs) || asyncio_is_coroutine(fs)) {
        kr_raise(r, &kr_exc_TypeError, "expect an iterable of futures, not %s", kr_type_name(fs));
        return false;
    }
    kr_root_push(r, &fs);
    AsyncioLoop *l = asyncio_event_loop(r);
    KrValue q = l ? asyncio_queue_alloc(r, &asyncio_queue_type, 0) : KR_EXC;
    KrValue todo = KR_EXC;
    if (q != KR_EXC) {
        ac->done = q;
        todo = asyncio_distinct_futures(r, fs, l);
    }
    kr_root_pop(r, 1);
    if (todo == KR_EXC) return false;
    ac->todo = todo;
    KrValue cb = asyncio_handle_new(r, &asyncio_handle_type, ASYNCIO_H_COMPLETED, self, KR_NULL);
    if (cb == KR_EXC) return false;
    ac->cb = cb;
    KrList *tl = kr_as_list(todo);
    for (size_t i = 0; i < tl->len; i++)
        if (!asyncio_add_done_cb(r, asyncio_fut_of(tl->items[i]), cb)) return false;
    ac->remaining = tl->len;
    if (tl->len && ac->timeout != KR_NONE) {
        double d;
        if (!asyncio_to_double(r, ac->timeout, &d)) return false;
        KrValue h = asyncio_call_at(r, l, l->now + d, ASYNCIO_H_AC_TIMEOUT, self, KR_NULL);
        if (h == KR_EXC) return false;
        ac->handle = h;
    }
    return true;
}

static KrValue asyncio_ac_next(KrRun *r, KrValue self) {
    AsyncioAsCompleted *ac = asyncio_ac_of(self);
    if (!ac->started) {
        ac->started = true;
        if (!asyncio_ac_setup(r, self)) return KR_EXC;
    }
    if (ac->remaining == 0) return KR_STOP;
    ac->remaining--;
    return asyncio_acquire_coro(r, self, ASYNCIO_CO_NEXT_DONE, KR_NULL);
}

static const KrMethodDef asyncio_ac_methods[] = {
    {"__iter__", kr_iter_meth_iter, 0},
    {"__next__", kr_iter_meth_next, 0},
    {NULL, NULL, 0},
};

static const KrType asyncio_as_completed_type = {
    KR_STATIC_HEADER(&kr_type_type),
    .name = "generator",
    .base = &kr_type_object,
    .flags = KR_TF_ABSTRACT_NEW,
    .basic_size = sizeof(AsyncioAsCompleted),
    .trace = asyncio_ac_trace,
    .repr = kr_iter_repr,
    .hash = kr_identity_hash,
    .iter = asyncio_self_iter,
    .next = asyncio_ac_next,
    .methods = asyncio_ac_methods,
    .snap = &asyncio_ac_snap,
};

// ---- module functions -------------------------------------------------------------------------------

#define ASYNCIO_FN(cname, pyname)                                                                             \
    static KrValue asyncio_fn_##cname(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw); \
    static const KrBuiltin asyncio_obj_##cname = {KR_STATIC_HEADER(&kr_type_builtin), pyname,                 \
                                                  asyncio_fn_##cname};                                        \
    static KrValue asyncio_fn_##cname(KrRun *r, KrValue self, size_t argc, const KrValue *args, KrValue kw)

// asyncio.run()'s shutdown (CPython's Runner.close): cancel the tasks still
// pending and let them finish, then the two shutdown steps (each a task, so
// task numbering continues as in CPython), then close the loop.
static bool asyncio_run_shutdown(KrRun *r, AsyncioLoop *l) {
    KrValue pending = kr_list_new(r, 0);
    if (pending == KR_EXC) return false;
    kr_root_push(r, &pending);
    bool ok = true;
    for (AsyncioFuture *t = l->tasks; ok && t; t = t->tnext)
        ok = kr_list_append(r, kr_as_list(pending), kr_from_obj(t));
    KrList *pl = kr_as_list(pending);
    for (size_t i = 0; ok && i < pl->len; i++) ok = asyncio_cancel(r, asyncio_fut_of(pl->items[i]), KR_NONE) >= 0;
    if (ok && pl->len) {
        KrValue g = asyncio_gather_impl(r, pl->len, pl->items, true);
        ok = g != KR_EXC && asyncio_run_until_complete(r, l, g) != KR_EXC;
    }
    for (int i = 0; ok && i < 2; i++) {
        KrValue c = asyncio_value_coro(r, KR_NONE);
        ok = c != KR_EXC && asyncio_run_until_complete(r, l, c) != KR_EXC;
    }
    kr_root_pop(r, 1);
    asyncio_loop_close(l);
    return ok;
}

static KrValue asyncio_run_main(KrRun *r, AsyncioState *st, KrValue main, KrValue lv, KrValue task);

ASYNCIO_FN(run, "run") {
    (void)self;
    static const char *const names[] = {"main", "debug", NULL};
    static const KrArgSpec spec = {"run", names, 0, 1, 1, KR_ARGS_PY};
    KrValue a[2];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    AsyncioState *st = asyncio_state_or_raise(r);
    if (!st) return KR_EXC;
    if (st->running != KR_NULL)
        return kr_raise(r, &kr_exc_RuntimeError, "asyncio.run() cannot be called from a running event loop");
    if (!asyncio_is_coroutine(a[0])) {
        const char *s = "?";
        if (asyncio_repr_cstr(r, a[0], &s) == KR_EXC) return KR_EXC;
        return kr_raise(r, &kr_exc_ValueError, "a coroutine was expected, got %s", s);
    }
    if (st->paused_main != KR_NULL && st->paused_main == a[0]) return asyncio_run_main(r, st, a[0], st->paused_loop, st->paused_task);
    KrValue lv = asyncio_loop_new(r, st);
    if (lv == KR_EXC) return KR_EXC;
    st->current = lv;
    st->set_called = true;
    int dbg = a[1] == KR_NULL || a[1] == KR_NONE ? 0 : kr_truth(r, a[1]);
    if (dbg < 0) return KR_EXC;
    asyncio_loop_of(lv)->debug = dbg;
    return asyncio_run_main(r, st, a[0], lv, KR_NULL);
}

// asyncio.run()'s body: the main task until done, then the shutdown. A
// pause for the host keeps the loop and task to go on with when the same
// call runs again.
static KrValue asyncio_run_main(KrRun *r, AsyncioState *st, KrValue main, KrValue lv, KrValue task) {
    st->paused_main = st->paused_loop = st->paused_task = KR_NULL;
    KrValue res = KR_NULL, exc = KR_NULL;
    kr_root_push(r, &lv);
    kr_root_push(r, &task);
    kr_root_push(r, &res);
    kr_root_push(r, &exc);
    if (task == KR_NULL) task = asyncio_task_new(r, asyncio_loop_of(lv), main, KR_NULL);
    res = task == KR_EXC ? KR_EXC : asyncio_run_until_complete(r, asyncio_loop_of(lv), task);
    if (res == KR_EXC && r->pausing) {
        st->paused_main = main;
        st->paused_loop = lv;
        st->paused_task = task;
        kr_root_pop(r, 4);
        return KR_EXC;
    }
    if (res == KR_EXC) exc = asyncio_take_exc(r);
    bool ok = !r->limit_hit && asyncio_run_shutdown(r, asyncio_loop_of(lv));
    kr_root_pop(r, 4);
    if (st->current == lv) st->current = KR_NULL;
    if (!ok) return KR_EXC; // a limit, or SystemExit while shutting down
    if (exc != KR_NULL) return kr_raise_value(r, exc);
    return res;
}

ASYNCIO_FN(sleep, "sleep") {
    (void)self;
    static const char *const names[] = {"delay", "result", NULL};
    static const KrArgSpec spec = {"sleep", names, 0, 0, 1, KR_ARGS_PY};
    KrValue a[2];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    AsyncioCoro *c = asyncio_coro_new(r, ASYNCIO_CO_SLEEP);
    if (!c) return KR_EXC;
    c->v[0] = a[0];
    c->v[1] = a[1] == KR_NULL ? KR_NONE : a[1];
    return kr_from_obj(c);
}

ASYNCIO_FN(create_task, "create_task") {
    (void)self;
    static const char *const names[] = {"coro", "name", "context", NULL};
    static const KrArgSpec spec = {"create_task", names, 0, 2, 1, KR_ARGS_PY};
    KrValue a[3];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    AsyncioLoop *l = asyncio_running_loop(r);
    // Named after creation, as CPython does: a task number is used either way.
    KrValue t = l ? asyncio_task_new(r, l, a[0], KR_NULL) : KR_EXC;
    if (t == KR_EXC || a[1] == KR_NULL || a[1] == KR_NONE) return t;
    KrValue n = kr_is_str(a[1]) ? a[1] : kr_str(r, a[1]);
    if (n == KR_EXC) return KR_EXC;
    asyncio_fut_of(t)->name = n;
    return t;
}

ASYNCIO_FN(ensure_future, "ensure_future") {
    (void)self;
    static const char *const names[] = {"coro_or_future", "loop", NULL};
    static const KrArgSpec spec = {"ensure_future", names, 0, 1, 1, KR_ARGS_PY};
    KrValue a[2];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    AsyncioLoop *l = NULL;
    if (a[1] != KR_NULL && a[1] != KR_NONE) {
        if (!kr_is_type(a[1], &asyncio_loop_type))
            return kr_raise(r, &kr_exc_TypeError, "loop must be an asyncio event loop, not %s", kr_type_name(a[1]));
        l = asyncio_loop_of(a[1]);
    }
    return asyncio_ensure_future(r, a[0], l);
}

ASYNCIO_FN(gather, "gather") {
    (void)self;
    static const char *const names[] = {"return_exceptions", NULL};
    KrValue kv[1];
    if (!asyncio_kwargs(r, "gather", argc, args, kw, names, kv)) return KR_EXC;
    int rexc = kv[0] == KR_NULL ? 0 : kr_truth(r, kv[0]);
    if (rexc < 0) return KR_EXC;
    return asyncio_gather_impl(r, argc, args, rexc);
}

ASYNCIO_FN(wait_for, "wait_for") {
    (void)self;
    static const char *const names[] = {"fut", "timeout", NULL};
    static const KrArgSpec spec = {"wait_for", names, 0, 0, 2, KR_ARGS_PY};
    KrValue a[2];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    AsyncioCoro *c = asyncio_coro_new(r, ASYNCIO_CO_WAIT_FOR);
    if (!c) return KR_EXC;
    c->v[0] = a[0];
    c->v[1] = a[1];
    return kr_from_obj(c);
}

ASYNCIO_FN(wait, "wait") {
    (void)self;
    static const char *const names[] = {"fs", "timeout", "return_when", NULL};
    static const KrArgSpec spec = {"wait", names, 0, 2, 1, KR_ARGS_PY};
    KrValue a[3];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    AsyncioCoro *c = asyncio_coro_new(r, ASYNCIO_CO_WAIT);
    if (!c) return KR_EXC;
    c->v[0] = a[0];
    c->v[4] = a[1] == KR_NULL ? KR_NONE : a[1];
    c->v[5] = a[2] == KR_NULL ? kr_from_obj(&asyncio_s_all_completed) : a[2];
    return kr_from_obj(c);
}

ASYNCIO_FN(as_completed, "as_completed") {
    (void)self;
    static const char *const names[] = {"fs", "timeout", NULL};
    static const KrArgSpec spec = {"as_completed", names, 0, 1, 1, KR_ARGS_PY};
    KrValue a[2];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return KR_EXC;
    AsyncioAsCompleted *ac = kr_gc_alloc(r, &asyncio_as_completed_type, sizeof(AsyncioAsCompleted));
    if (!ac) return KR_EXC;
    ac->fs = a[0];
    ac->timeout = a[1] == KR_NULL ? KR_NONE : a[1];
    ac->todo = ac->done = ac->handle = ac->cb = KR_NULL;
    ac->remaining = 0;
    ac->started = false;
    return kr_from_obj(ac);
}

ASYNCIO_FN(shield, "shield") {
    (void)self;
    if (!asyncio_py_args(r, "shield", false, argc, args, kw, "arg")) return KR_EXC;
    KrValue inner = asyncio_ensure_future(r, args[0], NULL);
    if (inner == KR_EXC) return KR_EXC;
    AsyncioFuture *in = asyncio_fut_of(inner);
    if (in->state != ASYNCIO_PENDING) return inner;
    KrValue outer = asyncio_future_new(r, in->loop);
    if (outer == KR_EXC) return KR_EXC;
    KrValue icb = asyncio_handle_new(r, &asyncio_handle_type, ASYNCIO_H_SHIELD_INNER, outer, KR_NULL);
    KrValue ocb = icb == KR_EXC ? KR_EXC : asyncio_handle_new(r, &asyncio_handle_type, ASYNCIO_H_SHIELD_OUTER, inner, icb);
    if (ocb == KR_EXC || !asyncio_add_done_cb(r, in, icb) || !asyncio_add_done_cb(r, asyncio_fut_of(outer), ocb))
        return KR_EXC;
    return outer;
}

ASYNCIO_FN(timeout, "timeout") {
    (void)self;
    if (!asyncio_py_args(r, "timeout", false, argc, args, kw, "delay")) return KR_EXC;
    AsyncioLoop *l = asyncio_running_loop(r);
    if (!l) return KR_EXC;
    double d = 0;
    if (args[0] != KR_NONE && !asyncio_to_double(r, args[0], &d)) return KR_EXC;
    return asyncio_timeout_new(r, args[0] != KR_NONE, l->now + d);
}

ASYNCIO_FN(timeout_at, "timeout_at") {
    (void)self;
    if (!asyncio_py_args(r, "timeout_at", false, argc, args, kw, "when")) return KR_EXC;
    double d = 0;
    if (args[0] != KR_NONE && !asyncio_to_double(r, args[0], &d)) return KR_EXC;
    return asyncio_timeout_new(r, args[0] != KR_NONE, d);
}

// to_thread(func, /, *args, **kwargs): krait has no threads; func runs on
// the loop as a callback, and the caller waits for it as for a thread.
ASYNCIO_FN(to_thread, "to_thread") {
    (void)self;
    if (argc < 1) return kr_raise(r, &kr_exc_TypeError, "to_thread() missing 1 required positional argument: 'func'");
    size_t nkw = kw == KR_NULL ? 0 : kr_as_tuple(kw)->len;
    AsyncioCoro *c = asyncio_coro_new(r, ASYNCIO_CO_TO_THREAD);
    if (!c) return KR_EXC;
    KrValue cv = kr_from_obj(c);
    c->v[0] = args[0];
    c->v[2] = kw;
    KrValue a = kr_tuple_from_array(r, args + 1, argc - 1 + nkw);
    if (a == KR_EXC) return KR_EXC;
    c->v[1] = a;
    return cv;
}

ASYNCIO_FN(get_running_loop, "get_running_loop") {
    (void)self;
    (void)args;
    if (!kr_dict_check_args(r, "get_running_loop", argc, kw, 0, 0)) return KR_EXC;
    AsyncioLoop *l = asyncio_running_loop(r);
    return l ? kr_from_obj(l) : KR_EXC;
}

ASYNCIO_FN(get_event_loop, "get_event_loop") {
    (void)self;
    (void)args;
    if (!kr_dict_check_args(r, "get_event_loop", argc, kw, 0, 0)) return KR_EXC;
    AsyncioLoop *l = asyncio_event_loop(r);
    return l ? kr_from_obj(l) : KR_EXC;
}

ASYNCIO_FN(new_event_loop, "new_event_loop") {
    (void)self;
    if (!asyncio_py_args(r, "new_event_loop", false, argc, args, kw, NULL)) return KR_EXC;
    AsyncioState *st = asyncio_state_or_raise(r);
    return st ? asyncio_loop_new(r, st) : KR_EXC;
}

ASYNCIO_FN(set_event_loop, "set_event_loop") {
    (void)self;
    if (!asyncio_py_args(r, "set_event_loop", false, argc, args, kw, "loop")) return KR_EXC;
    AsyncioState *st = asyncio_state_or_raise(r);
    if (!st) return KR_EXC;
    if (args[0] != KR_NONE && !kr_is_type(args[0], &asyncio_loop_type))
        return kr_raise(r, &kr_exc_TypeError, "loop must be an instance of AbstractEventLoop or None, not '%s'",
                        kr_type_name(args[0]));
    st->current = args[0] == KR_NONE ? KR_NULL : args[0];
    st->set_called = true;
    return KR_NONE;
}

// The loop argument of current_task()/all_tasks(), or the running loop.
static AsyncioLoop *asyncio_loop_arg(KrRun *r, const char *fname, size_t argc, const KrValue *args, KrValue kw) {
    static const char *const names[] = {"loop", NULL};
    const KrArgSpec spec = {fname, names, 0, 0, 0, KR_ARGS_PY};
    KrValue a[1];
    if (!kr_args_parse(r, &spec, argc, args, kw, a)) return NULL;
    if (a[0] == KR_NULL || a[0] == KR_NONE) return asyncio_running_loop(r);
    if (kr_is_type(a[0], &asyncio_loop_type)) return asyncio_loop_of(a[0]);
    kr_raise(r, &kr_exc_TypeError, "loop must be an asyncio event loop, not %s", kr_type_name(a[0]));
    return NULL;
}

ASYNCIO_FN(current_task, "current_task") {
    (void)self;
    AsyncioLoop *l = asyncio_loop_arg(r, "current_task", argc, args, kw);
    if (!l) return KR_EXC;
    return l->current_task == KR_NULL ? KR_NONE : l->current_task;
}

ASYNCIO_FN(all_tasks, "all_tasks") {
    (void)self;
    AsyncioLoop *l = asyncio_loop_arg(r, "all_tasks", argc, args, kw);
    if (!l) return KR_EXC;
    KrValue s = kr_set_new(r, &kr_type_set);
    if (s == KR_EXC) return KR_EXC;
    for (AsyncioFuture *t = l->tasks; t; t = t->tnext)
        if (!kr_set_add(r, (KrSet *)kr_as_obj(s), kr_from_obj(t))) return KR_EXC;
    return s;
}

ASYNCIO_FN(iscoroutine, "iscoroutine") {
    (void)self;
    if (!asyncio_py_args(r, "iscoroutine", false, argc, args, kw, "obj")) return KR_EXC;
    return kr_bool(asyncio_is_coroutine(args[0]));
}

ASYNCIO_FN(isfuture, "isfuture") {
    (void)self;
    if (!asyncio_py_args(r, "isfuture", false, argc, args, kw, "obj")) return KR_EXC;
    return kr_bool(asyncio_is_future(args[0]));
}

static bool asyncio_is_coro_builtin(KrValue f);

ASYNCIO_FN(iscoroutinefunction, "iscoroutinefunction") {
    (void)self;
    if (!asyncio_py_args(r, "iscoroutinefunction", false, argc, args, kw, "func")) return KR_EXC;
    KrValue f = args[0];
    if (kr_is_type(f, &kr_type_method)) f = ((KrMethod *)kr_as_obj(f))->func;
    if (kr_is_type(f, &kr_type_function)) {
        uint32_t flags = ((KrFunc *)kr_as_obj(f))->code->flags;
        return kr_bool((flags & KR_CODE_COROUTINE) && !(flags & KR_CODE_GENERATOR));
    }
    return kr_bool(asyncio_is_coro_builtin(f));
}

// ---- the module -----------------------------------------------------------------------------------

static const struct {
    const char *name;
    const KrBuiltin *fn;
} asyncio_functions[] = {
    {"run", &asyncio_obj_run},
    {"sleep", &asyncio_obj_sleep},
    {"create_task", &asyncio_obj_create_task},
    {"ensure_future", &asyncio_obj_ensure_future},
    {"gather", &asyncio_obj_gather},
    {"wait_for", &asyncio_obj_wait_for},
    {"wait", &asyncio_obj_wait},
    {"as_completed", &asyncio_obj_as_completed},
    {"shield", &asyncio_obj_shield},
    {"get_running_loop", &asyncio_obj_get_running_loop},
    {"get_event_loop", &asyncio_obj_get_event_loop},
    {"new_event_loop", &asyncio_obj_new_event_loop},
    {"set_event_loop", &asyncio_obj_set_event_loop},
    {"current_task", &asyncio_obj_current_task},
    {"all_tasks", &asyncio_obj_all_tasks},
    {"iscoroutine", &asyncio_obj_iscoroutine},
    {"iscoroutinefunction", &asyncio_obj_iscoroutinefunction},
    {"isfuture", &asyncio_obj_isfuture},
    {"timeout", &asyncio_obj_timeout},
    {"timeout_at", &asyncio_obj_timeout_at},
    {"to_thread", &asyncio_obj_to_thread},
};

// The functions that are `async def` in CPython.
static bool asyncio_is_coro_builtin(KrValue f) {
    return f == kr_from_obj(&asyncio_obj_sleep) || f == kr_from_obj(&asyncio_obj_wait_for) ||
           f == kr_from_obj(&asyncio_obj_wait) || f == kr_from_obj(&asyncio_obj_to_thread);
}

static const struct {
    const char *name;
    const KrType *type;
} asyncio_types[] = {
    {"Future", &asyncio_future_type},
    {"Task", &asyncio_task_type},
    {"Handle", &asyncio_handle_type},
    {"TimerHandle", &asyncio_timer_type},
    {"AbstractEventLoop", &asyncio_loop_type},
    {"BaseEventLoop", &asyncio_loop_type},
    {"Queue", &asyncio_queue_type},
    {"LifoQueue", &asyncio_lifo_queue_type},
    {"PriorityQueue", &asyncio_priority_queue_type},
    {"Lock", &asyncio_lock_type},
    {"Event", &asyncio_event_type},
    {"Semaphore", &asyncio_semaphore_type},
    {"BoundedSemaphore", &asyncio_bsemaphore_type},
    {"Timeout", &asyncio_timeout_type},
    {"Condition", &asyncio_cond_type},
};

// An exception class made per run: class name(base), in module `mod`.
static KrValue asyncio_exc_class(KrRun *r, const char *name, const KrType *base, const char *mod, const char *doc) {
    KrValue ns = kr_dict_new(r);
    if (ns == KR_EXC) return KR_EXC;
    kr_root_push(r, &ns);
    KrValue targs[3] = {kr_str_from_cstr(r, name), kr_from_obj(base), ns};
    KrValue cls = KR_EXC;
    if (targs[0] != KR_EXC && kr_module_add(r, ns, "__module__", kr_str_from_cstr(r, mod)) &&
        kr_module_add(r, ns, "__doc__", kr_str_from_cstr(r, doc)) &&
        kr_module_add(r, ns, "__qualname__", targs[0]) &&
        (targs[1] = kr_tuple_from_array(r, &targs[1], 1)) != KR_EXC)
        cls = kr_call(r, kr_from_obj(&kr_type_type), 3, targs, KR_NULL);
    kr_root_pop(r, 1);
    return cls;
}

static bool asyncio_add_exceptions(KrRun *r, KrValue d, AsyncioState *st) {
    st->cancelled_error = asyncio_exc_class(r, "CancelledError", &kr_exc_BaseException, "asyncio.exceptions",
                                            "The Future or Task was cancelled.");
    if (!kr_module_add(r, d, "CancelledError", st->cancelled_error)) return false;
    st->invalid_state_error = asyncio_exc_class(r, "InvalidStateError", &kr_exc_Exception, "asyncio.exceptions",
                                                "The operation is not allowed in this state.");
    if (!kr_module_add(r, d, "InvalidStateError", st->invalid_state_error)) return false;
    st->queue_empty = asyncio_exc_class(r, "QueueEmpty", &kr_exc_Exception, "asyncio.queues",
                                        "Raised when Queue.get_nowait() is called on an empty Queue.");
    if (!kr_module_add(r, d, "QueueEmpty", st->queue_empty)) return false;
    st->queue_full = asyncio_exc_class(r, "QueueFull", &kr_exc_Exception, "asyncio.queues",
                                       "Raised when the Queue.put_nowait() method is called on a full Queue.");
    return kr_module_add(r, d, "QueueFull", st->queue_full) &&
           kr_module_add(r, d, "TimeoutError", kr_from_obj(&kr_exc_TimeoutError));
}

static bool asyncio_init(KrRun *r, KrValue module, KrValue d) {
    AsyncioState *st = kr_gc_alloc(r, &asyncio_state_type, sizeof(AsyncioState));
    if (!st) return false;
    st->running = st->current = KR_NULL;
    st->set_called = false;
    st->task_counter = 0;
    st->cancelled_error = st->invalid_state_error = st->queue_empty = st->queue_full = KR_NULL;
    st->paused_loop = st->paused_task = st->paused_main = KR_NULL;
    ((KrModule *)kr_as_obj(module))->state = kr_from_obj(st);
    for (size_t i = 0; i < sizeof asyncio_functions / sizeof asyncio_functions[0]; i++)
        if (!kr_module_add(r, d, asyncio_functions[i].name, kr_from_obj(asyncio_functions[i].fn))) return false;
    for (size_t i = 0; i < sizeof asyncio_types / sizeof asyncio_types[0]; i++)
        if (!kr_module_add(r, d, asyncio_types[i].name, kr_from_obj(asyncio_types[i].type))) return false;
    KrValue doc = kr_str_from_cstr(r, "The asyncio package: a deterministic event loop with virtual time.");
    return kr_module_add(r, d, "__doc__", doc) && asyncio_add_exceptions(r, d, st) &&
           kr_module_add(r, d, "FIRST_COMPLETED", kr_from_obj(&asyncio_s_first_completed)) &&
           kr_module_add(r, d, "FIRST_EXCEPTION", kr_from_obj(&asyncio_s_first_exception)) &&
           kr_module_add(r, d, "ALL_COMPLETED", kr_from_obj(&asyncio_s_all_completed));
}

// Run snapshots name the module's static objects.
static bool asyncio_statics(void *ud, bool (*visit)(void *ud, const char *name, const void *obj)) {
    for (size_t i = 0; i < sizeof asyncio_functions / sizeof asyncio_functions[0]; i++)
        if (visit(ud, asyncio_functions[i].name, asyncio_functions[i].fn)) return true;
    for (size_t i = 0; i < sizeof asyncio_types / sizeof asyncio_types[0]; i++)
        if (visit(ud, asyncio_types[i].name, asyncio_types[i].type)) return true;
    return visit(ud, "_State", &asyncio_state_type) || visit(ud, "_GatheringFuture", &asyncio_gathering_type) ||
           visit(ud, "_FutureIter", &asyncio_futiter_type) || visit(ud, "_Coro", &asyncio_coro_type) ||
           visit(ud, "_CoroWrapper", &asyncio_coro_wrapper_type) || visit(ud, "_AsCompleted", &asyncio_as_completed_type) ||
           visit(ud, "FIRST_COMPLETED", &asyncio_s_first_completed) ||
           visit(ud, "FIRST_EXCEPTION", &asyncio_s_first_exception) || visit(ud, "ALL_COMPLETED", &asyncio_s_all_completed);
}

// CPython's public asyncio names krait has not: task groups (they need
// exception groups), barriers and runners, and everything that reaches
// the network, processes or threads (the sandbox has none of them).
static const char *const asyncio_unsupported[] = {
    "TaskGroup", "Runner", "Barrier", "BrokenBarrierError", "open_connection", "start_server",
    "open_unix_connection", "start_unix_server", "create_subprocess_exec", "create_subprocess_shell",
    "StreamReader", "StreamWriter", "run_coroutine_threadsafe", "wrap_future", "SelectorEventLoop",
    "Server", "Protocol", "Transport", "IncompleteReadError", "LimitOverrunError", NULL,
};

const KrModuleDef kr_mod_asyncio = {"asyncio", asyncio_init, asyncio_statics, asyncio_unsupported};

#undef ASYNCIO_FN
#undef ASYNCIO_METHOD

// ---- embedding hooks (obj/external.c) ------------------------------------------------------

KrValue kr_asyncio_host_future(KrRun *r) {
    AsyncioLoop *l = asyncio_running_loop(r);
    if (!l) return KR_EXC;
    KrValue f = asyncio_future_new(r, kr_from_obj(l));
    if (f != KR_EXC) asyncio_fut_of(f)->blocking = true; // yielded as Future.__await__ does
    return f;
}

bool kr_asyncio_host_done(KrRun *r, KrValue fut, KrValue value, KrValue exc) {
    AsyncioFuture *f = asyncio_fut_of(fut);
    if (f->state != ASYNCIO_PENDING) return true; // cancelled meanwhile: the answer is dropped
    return exc != KR_NULL ? asyncio_set_exc(r, f, exc) : asyncio_set_result(r, f, value);
}

bool kr_asyncio_is_future(KrValue v) { return asyncio_is_future(v); }

KrValue kr_asyncio_future_outcome(KrRun *r, KrValue fut) {
    AsyncioFuture *f = asyncio_fut_of(fut);
    if (f->state == ASYNCIO_PENDING) {
        f->blocking = true;
        return KR_NULL;
    }
    return asyncio_result(r, f);
}

// ---- run snapshots ------------------------------------------------------------------------------
// Every object of the loop is saved (a paused asyncio.run is the common
// case: tasks waiting on host calls). The loader checks what this file's
// C code casts: a future where a future is read, the right coroutine kind
// for each handle, the value slots each C coroutine's state reads. The
// loop's pending-task list is saved in order and linked again on load;
// its ready queue is saved from its head.

static bool asyncio_snap_future(KrValue v) { return asyncio_is_future(v); }
static bool asyncio_snap_future_or_null(KrValue v) { return v == KR_NULL || asyncio_is_future(v); }
static bool asyncio_snap_handle(KrValue v) { return kr_is_type(v, &asyncio_handle_type) || kr_is_type(v, &asyncio_timer_type); }
static bool asyncio_snap_loop_or_null(KrValue v) { return v == KR_NULL || kr_is_type(v, &asyncio_loop_type); }
static bool asyncio_snap_queue(KrValue v) {
    return kr_is_type(v, &asyncio_queue_type) || kr_is_type(v, &asyncio_lifo_queue_type) ||
           kr_is_type(v, &asyncio_priority_queue_type);
}

// NULL or a list holding futures only, referenced from this one place.
static bool asyncio_snap_futures(KrRsReader *rd, KrValue v) {
    if (v == KR_NULL) return true;
    // private to its owner: a list the code could also reach could be given anything
    if (!kr_is_type(v, &kr_type_list) || !kr_rs_owned(rd, v)) return false;
    for (size_t i = 0; i < kr_as_list(v)->len; i++)
        if (!asyncio_is_future(kr_as_list(v)->items[i])) return false;
    return true;
}

// A gather's children: a pending one needs the list its results are read
// from (one with no children was done at creation), and no more futures
// counted than the list holds.
static bool asyncio_snap_gather(KrRsReader *rd, const AsyncioFuture *g) {
    if (g->children == KR_NULL) return g->state != ASYNCIO_PENDING && g->nfuts == 0;
    return asyncio_snap_futures(rd, g->children) && g->nfuts <= kr_as_list(g->children)->len && g->nfinished <= g->nfuts;
}

// -- the module state
static const KrRsField asyncio_state_fields[] = {
    KR_RS_VALN(AsyncioState, running),
    KR_RS_VALN(AsyncioState, current),
    KR_RS_SCALAR(AsyncioState, set_called, KR_RSF_BOOL),
    KR_RS_SCALAR(AsyncioState, task_counter, KR_RSF_I64),
    KR_RS_FIELD(AsyncioState, cancelled_error, KR_RSF_VALUE, KR_RS_TYPE, NULL),
    KR_RS_FIELD(AsyncioState, invalid_state_error, KR_RSF_VALUE, KR_RS_TYPE, NULL),
    KR_RS_FIELD(AsyncioState, queue_empty, KR_RSF_VALUE, KR_RS_TYPE, NULL),
    KR_RS_FIELD(AsyncioState, queue_full, KR_RSF_VALUE, KR_RS_TYPE, NULL),
    KR_RS_VALN(AsyncioState, paused_loop),
    KR_RS_VALN(AsyncioState, paused_task),
    KR_RS_VALN(AsyncioState, paused_main),
    KR_RS_END,
};

static bool asyncio_state_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const AsyncioState *st = (const AsyncioState *)o;
    if (stage == 0) return true;
    bool ok = asyncio_snap_loop_or_null(st->running) && asyncio_snap_loop_or_null(st->current) &&
              asyncio_snap_loop_or_null(st->paused_loop) &&
              (st->paused_task == KR_NULL || kr_is_type(st->paused_task, &asyncio_task_type)) &&
              (st->paused_main == KR_NULL || st->paused_loop != KR_NULL); // asyncio.run goes on with that loop
    return ok || kr_rs_fail(rd, "bad asyncio state");
}

static const KrSnapOps asyncio_state_snap = {asyncio_state_fields, NULL, NULL, asyncio_state_snap_finish};

// -- the loop: ready entries (from the head), timers, then the pending
// tasks in order (read into the timers' array after the timers, linked at
// the finish)
static bool asyncio_loop_snap_write(KrRsWriter *w, const KrObj *o) {
    const AsyncioLoop *l = (const AsyncioLoop *)o;
    KrSnapWriter *out = kr_rs_out(w);
    if (l->current_task != KR_NULL || l->cur.a != KR_NULL || l->cur.b != KR_NULL)
        return kr_rs_write_fail(w, "cannot snapshot an event loop in the middle of a step");
    kr_snap_put_uvar(out, l->rlen);
    for (size_t i = 0; i < l->rlen; i++) {
        const AsyncioEntry *e = &l->ready[(l->rhead + i) % l->rcap];
        kr_snap_put_uvar(out, e->kind);
        kr_rs_put_value(w, e->a);
        kr_rs_put_value(w, e->b);
    }
    size_t n = 0;
    for (const AsyncioFuture *t = l->tasks; t; t = t->tnext) n++;
    kr_snap_put_uvar(out, l->ntimers);
    kr_snap_put_uvar(out, n);
    for (size_t i = 0; i < l->ntimers; i++) kr_rs_put_value(w, l->timers[i]);
    for (const AsyncioFuture *t = l->tasks; t; t = t->tnext) kr_rs_put_obj(w, &t->ob);
    return true;
}

static KrObj *asyncio_loop_snap_read(KrRsReader *rd, const KrType *t) {
    AsyncioLoop *l = kr_rs_alloc(rd, t, sizeof(AsyncioLoop));
    if (!l) return NULL;
    KrObj header = l->ob;
    memset(l, 0, sizeof *l);
    l->ob = header;
    l->state = l->current_task = l->cur.a = l->cur.b = l->pause_aw = l->pause_fut = KR_NULL;
    size_t n = kr_rs_get_count(rd, 3, SIZE_MAX / sizeof(AsyncioEntry));
    if (n && !(l->ready = kr_rs_mem(rd, n * sizeof(AsyncioEntry)))) return NULL;
    l->rcap = n;
    for (size_t i = 0; i < n && kr_snap_ok(kr_rs_in(rd)); i++) {
        AsyncioEntry *e = &l->ready[i];
        e->a = e->b = KR_NULL;
        l->rlen = i + 1;
        e->kind = (uint32_t)kr_snap_get_uvar(kr_rs_in(rd));
        kr_rs_get_value(rd, &e->a, KR_RS_ANY | KR_RS_NULL, NULL);
        kr_rs_get_value(rd, &e->b, KR_RS_ANY | KR_RS_NULL, NULL);
    }
    size_t nt = kr_rs_get_count(rd, 1, SIZE_MAX / 16), nk = kr_rs_get_count(rd, 1, SIZE_MAX / 16);
    if (!kr_snap_ok(kr_rs_in(rd))) return NULL;
    if (nt + nk && !(l->timers = kr_rs_mem(rd, (nt + nk) * sizeof(KrValue)))) return NULL;
    l->tcap = nt + nk;
    for (size_t i = 0; i < nt + nk; i++) l->timers[i] = KR_NULL;
    for (size_t i = 0; i < nt + nk; i++) kr_rs_get_value(rd, &l->timers[i], KR_RS_ANY | KR_RS_NULL, NULL);
    l->ntimers = nt;
    l->tasks_tail = (AsyncioFuture *)(uintptr_t)nk; // the count, until the finish links them
    return kr_snap_ok(kr_rs_in(rd)) ? &l->ob : NULL;
}

// A handle the loop runs itself (a ready entry, a timer): none of the
// kinds that only run as a future's done-callback (they read that future).
static bool asyncio_snap_loop_handle(KrValue v) {
    if (!asyncio_snap_handle(v)) return false;
    uint32_t k = asyncio_handle_of(v)->kind;
    return k != ASYNCIO_H_COMPLETED && k != ASYNCIO_H_WAIT && k != ASYNCIO_H_SHIELD_INNER;
}

static bool asyncio_loop_entry_ok(const AsyncioEntry *e) {
    switch (e->kind) {
    case ASYNCIO_E_STEP: return kr_is_type(e->a, &asyncio_task_type) && (e->b == KR_NULL || kr_rs_value_ok(e->b, KR_RS_EXC, NULL));
    case ASYNCIO_E_DONE_CB: return e->a != KR_NULL && asyncio_snap_future(e->b);
    case ASYNCIO_E_HANDLE: return asyncio_snap_loop_handle(e->a) && e->b == KR_NULL;
    default: return false;
    }
}

// Links the saved pending tasks (each at most once, of this loop).
static bool asyncio_loop_link_tasks(AsyncioLoop *l) {
    size_t nk = (size_t)(uintptr_t)l->tasks_tail;
    l->tasks = l->tasks_tail = NULL;
    for (size_t i = 0; i < nk; i++) {
        KrValue tv = l->timers[l->ntimers + i];
        l->timers[l->ntimers + i] = KR_NULL;
        if (!kr_is_type(tv, &asyncio_task_type)) return false;
        AsyncioFuture *t = asyncio_fut_of(tv);
        if (t->listed || t->loop != kr_from_obj(l)) return false;
        asyncio_task_link(l, t);
    }
    return true;
}

static bool asyncio_loop_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    AsyncioLoop *l = (AsyncioLoop *)o;
    if (stage == 0) return true;
    for (size_t i = 0; i < l->rlen; i++)
        if (!asyncio_loop_entry_ok(&l->ready[i])) return kr_rs_fail(rd, "a bad entry in an event loop's ready queue");
    for (size_t i = 0; i < l->ntimers; i++)
        if (!kr_is_type(l->timers[i], &asyncio_timer_type) || !asyncio_snap_loop_handle(l->timers[i]))
            return kr_rs_fail(rd, "an event loop timer that is not a TimerHandle the loop can run");
    if (!asyncio_loop_link_tasks(l)) return kr_rs_fail(rd, "an event loop's task list holds a task twice or of another loop");
    bool ok = l->current_task == KR_NULL && asyncio_snap_future_or_null(l->pause_fut) && l->batch_left <= l->rlen &&
              (l->pause_aw == KR_NULL || l->pause_fut != KR_NULL); // run_until_complete goes on with that future
    return ok || kr_rs_fail(rd, "bad event loop");
}

static const KrRsField asyncio_loop_fields[] = {
    KR_RS_FIELD(AsyncioLoop, state, KR_RSF_VALUE, KR_RS_EXACT, &asyncio_state_type),
    KR_RS_SCALAR(AsyncioLoop, now, KR_RSF_F64),
    KR_RS_SCALAR(AsyncioLoop, seq, KR_RSF_U64),
    KR_RS_SCALAR(AsyncioLoop, batch_left, KR_RSF_SIZE),
    KR_RS_VALN(AsyncioLoop, pause_aw),
    KR_RS_VALN(AsyncioLoop, pause_fut),
    KR_RS_SCALAR(AsyncioLoop, running, KR_RSF_BOOL),
    KR_RS_SCALAR(AsyncioLoop, stopping, KR_RSF_BOOL),
    KR_RS_SCALAR(AsyncioLoop, closed, KR_RSF_BOOL),
    KR_RS_SCALAR(AsyncioLoop, debug, KR_RSF_BOOL),
    KR_RS_END,
};

static const KrSnapOps asyncio_loop_snap = {asyncio_loop_fields, asyncio_loop_snap_write, asyncio_loop_snap_read,
                                           asyncio_loop_snap_finish};

// -- futures, tasks and gathering futures (one layout)
static const KrRsField asyncio_future_fields[] = {
    KR_RS_VALN(AsyncioFuture, loop),
    KR_RS_SCALAR(AsyncioFuture, state, KR_RSF_U8),
    KR_RS_SCALAR(AsyncioFuture, blocking, KR_RSF_BOOL),
    KR_RS_SCALAR(AsyncioFuture, must_cancel, KR_RSF_BOOL),
    KR_RS_SCALAR(AsyncioFuture, cancel_requested, KR_RSF_BOOL),
    KR_RS_SCALAR(AsyncioFuture, return_exceptions, KR_RSF_BOOL),
    KR_RS_VALN(AsyncioFuture, result),
    KR_RS_FIELD(AsyncioFuture, exc, KR_RSF_VALUE, KR_RS_EXC | KR_RS_NULL, NULL),
    KR_RS_FIELD(AsyncioFuture, exc_tb, KR_RSF_VALUE, KR_RS_EXACT | KR_RS_NULL, &kr_type_traceback),
    KR_RS_FIELD(AsyncioFuture, callbacks, KR_RSF_VALUE, KR_RS_EXACT | KR_RS_NULL, &kr_type_list),
    KR_RS_VALN(AsyncioFuture, cancel_msg),
    KR_RS_VALN(AsyncioFuture, cancelled_exc),
    KR_RS_VALN(AsyncioFuture, coro),
    KR_RS_VALN(AsyncioFuture, driver),
    KR_RS_FIELD(AsyncioFuture, name, KR_RSF_VALUE, KR_RS_STR | KR_RS_NULL, NULL),
    KR_RS_VALN(AsyncioFuture, waiter),
    KR_RS_VALN(AsyncioFuture, leaf),
    KR_RS_SCALAR(AsyncioFuture, num_cancels, KR_RSF_I64),
    KR_RS_FIELD(AsyncioFuture, children, KR_RSF_VALUE, KR_RS_EXACT | KR_RS_NULL, &kr_type_list),
    KR_RS_SCALAR(AsyncioFuture, nfinished, KR_RSF_SIZE),
    KR_RS_SCALAR(AsyncioFuture, nfuts, KR_RSF_SIZE),
    KR_RS_END,
};

static bool asyncio_future_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const AsyncioFuture *f = (const AsyncioFuture *)o;
    if (stage == 0) return true;
    bool task = o->type == &asyncio_task_type, gather = o->type == &asyncio_gathering_type;
    bool ok = f->state <= ASYNCIO_FINISHED && kr_is_type(f->loop, &asyncio_loop_type) &&
              asyncio_snap_future_or_null(f->waiter) && (gather ? asyncio_snap_gather(rd, f) : f->children == KR_NULL) &&
              (f->callbacks == KR_NULL || kr_rs_owned(rd, f->callbacks)) &&
              (!task || (f->coro != KR_NULL && f->driver != KR_NULL && f->name != KR_NULL)) &&
              (f->exc_tb == KR_NULL || f->exc != KR_NULL);
    return ok || kr_rs_fail(rd, "bad asyncio future");
}

static const KrSnapOps asyncio_future_snap = {asyncio_future_fields, NULL, NULL, asyncio_future_snap_finish};

// A call's arguments as run_in_executor's work and to_thread() keep them:
// a tuple of the positional then the keyword values, and the keyword names
// (KR_NULL or a tuple of strs, no more than there are values: the count of
// positional values is the difference).
static bool asyncio_snap_call_args(KrValue args, KrValue kwnames) {
    if (!kr_is_type(args, &kr_type_tuple)) return false;
    if (kwnames == KR_NULL) return true;
    if (!kr_is_type(kwnames, &kr_type_tuple)) return false;
    const KrTuple *kw = kr_as_tuple(kwnames);
    for (size_t i = 0; i < kw->len; i++)
        if (!kr_rs_value_ok(kw->items[i], KR_RS_STR, NULL)) return false;
    return kw->len <= kr_as_tuple(args)->len;
}

// run_in_executor's work: (func, args, kwnames or None), as
// asyncio_exec_schedule builds it.
static bool asyncio_snap_exec_call(KrValue call) {
    if (!kr_is_type(call, &kr_type_tuple) || kr_as_tuple(call)->len != 3) return false;
    const KrValue *c = kr_as_tuple(call)->items;
    return c[0] != KR_NULL && asyncio_snap_call_args(c[1], c[2] == KR_NONE ? KR_NULL : c[2]);
}

// -- handles: what `a` and `b` are depends on the kind
static bool asyncio_handle_parts_ok(const AsyncioHandle *h) {
    switch (h->kind) {
    case ASYNCIO_H_CALL: return h->a != KR_NULL && kr_is_type(h->b, &kr_type_tuple);
    case ASYNCIO_H_RESOLVE: return asyncio_snap_future(h->a);
    case ASYNCIO_H_STOP: return kr_is_type(h->a, &asyncio_loop_type);
    case ASYNCIO_H_COMPLETED:
    case ASYNCIO_H_AC_TIMEOUT: // made at set-up: they read its todo list and put into its queue
        return kr_is_type(h->a, &asyncio_as_completed_type) && asyncio_ac_of(h->a)->todo != KR_NULL &&
               asyncio_ac_of(h->a)->done != KR_NULL;
    case ASYNCIO_H_WAIT: {
        if (!kr_is_type(h->a, &asyncio_coro_type)) return false;
        const AsyncioCoro *co = asyncio_coro_of(h->a);
        return co->kind == ASYNCIO_CO_WAIT && (co->finished || co->state == 1);
    }
    case ASYNCIO_H_SHIELD_INNER:
    case ASYNCIO_H_SHIELD_OUTER: return asyncio_snap_future(h->a);
    case ASYNCIO_H_TIMEOUT: return kr_is_type(h->a, &asyncio_timeout_type) && h->b == KR_NULL;
    case ASYNCIO_H_EXEC: return asyncio_snap_future(h->a) && asyncio_snap_exec_call(h->b);
    default: return false;
    }
}

static bool asyncio_handle_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    return stage == 0 || asyncio_handle_parts_ok((const AsyncioHandle *)o) || kr_rs_fail(rd, "bad asyncio handle");
}

static const KrRsField asyncio_handle_fields[] = {
    KR_RS_SCALAR(AsyncioHandle, kind, KR_RSF_U32),
    KR_RS_SCALAR(AsyncioHandle, cancelled, KR_RSF_BOOL),
    KR_RS_SCALAR(AsyncioHandle, when, KR_RSF_F64),
    KR_RS_SCALAR(AsyncioHandle, seq, KR_RSF_U64),
    KR_RS_VALN(AsyncioHandle, a),
    KR_RS_VALN(AsyncioHandle, b),
    KR_RS_END,
};

static const KrSnapOps asyncio_handle_snap = {asyncio_handle_fields, NULL, NULL, asyncio_handle_snap_finish};

// -- Future.__await__'s iterator, a coroutine's wrapper
static const KrRsField asyncio_futiter_fields[] = {
    KR_RS_VAL(AsyncioFutIter, fut),
    KR_RS_VALN(AsyncioFutIter, pending),
    KR_RS_SCALAR(AsyncioFutIter, yielded, KR_RSF_BOOL),
    KR_RS_SCALAR(AsyncioFutIter, finished, KR_RSF_BOOL),
    KR_RS_END,
};

static bool asyncio_futiter_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    return stage == 0 || asyncio_snap_future(((const AsyncioFutIter *)o)->fut) || kr_rs_fail(rd, "bad future iterator");
}

static const KrSnapOps asyncio_futiter_snap = {asyncio_futiter_fields, NULL, NULL, asyncio_futiter_snap_finish};

static const KrRsField asyncio_cw_fields[] = {
    KR_RS_FIELD(AsyncioCoroWrapper, coro, KR_RSF_VALUE, KR_RS_EXACT, &asyncio_coro_type),
    KR_RS_END,
};
static const KrSnapOps asyncio_cw_snap = {asyncio_cw_fields, NULL, NULL, NULL};

// -- C coroutines: by kind, the states they suspend in and the value
// slots their steps cast
static bool asyncio_coro_snap_write(KrRsWriter *w, const KrObj *o) {
    const AsyncioCoro *c = (const AsyncioCoro *)o;
    return !c->running || kr_rs_write_fail(w, "cannot snapshot a running asyncio coroutine");
}

static bool asyncio_snap_sync(KrValue v, const KrType *a, const KrType *b) {
    return kr_is_type(v, a) || (b && kr_is_type(v, b));
}

// A set of futures (wait()).
static bool asyncio_snap_future_set(KrValue v) {
    if (!kr_is_type(v, &kr_type_set)) return false;
    size_t pos = 0;
    KrValue f;
    while (kr_set_next((KrSet *)kr_as_obj(v), &pos, &f))
        if (!asyncio_is_future(f)) return false;
    return true;
}

// Condition.wait(): every state reads the condition; from state 1 on the
// loop it was bound to in state 0 (its state's CancelledError); the
// exception the wait ended with is re-raised. wait_for(): the condition
// and the predicate, suspended only in the wait() it delegates to.
static bool asyncio_cond_coro_ok(const AsyncioCoro *c) {
    const KrValue *v = c->v;
    if (!kr_is_type(v[0], &asyncio_cond_type)) return false;
    if (c->kind == ASYNCIO_CO_COND_WAIT_FOR) return c->state <= 1 && v[1] != KR_NULL;
    return c->state <= 3 && (c->state == 0 || kr_is_type(asyncio_cond_of(v[0])->loop, &asyncio_loop_type)) &&
           kr_rs_value_ok(v[2], KR_RS_EXC | KR_RS_NULL, NULL);
}

static bool asyncio_coro_slots_ok(const AsyncioCoro *c) {
    const KrValue *v = c->v;
    switch (c->kind) {
    case ASYNCIO_CO_SLEEP: return c->state <= 2 && (v[3] == KR_NULL ? c->state != 2 : asyncio_snap_handle(v[3]));
    case ASYNCIO_CO_VALUE: return c->state <= 1;
    case ASYNCIO_CO_WAIT_FOR:
        return c->state <= ASYNCIO_WF_CANCELLED && (c->state < ASYNCIO_WF_WAIT || asyncio_snap_future(v[0])) &&
               (v[3] == KR_NULL || asyncio_snap_handle(v[3]));
    case ASYNCIO_CO_LOCK:
    case ASYNCIO_CO_SEM:
    case ASYNCIO_CO_EVENT: {
        bool sync = c->kind == ASYNCIO_CO_LOCK    ? asyncio_snap_sync(v[0], &asyncio_lock_type, NULL)
                    : c->kind == ASYNCIO_CO_SEM ? asyncio_snap_sync(v[0], &asyncio_semaphore_type, &asyncio_bsemaphore_type)
                                                : asyncio_snap_sync(v[0], &asyncio_event_type, NULL);
        return sync && c->state <= 1 && (c->state == 0 || c->kind == ASYNCIO_CO_EVENT || asyncio_snap_future(v[1]));
    }
    case ASYNCIO_CO_QGET:
    case ASYNCIO_CO_QPUT: return asyncio_snap_queue(v[0]) && c->state <= 1 && (c->state == 0 || asyncio_snap_future(v[1]));
    case ASYNCIO_CO_QJOIN: return asyncio_snap_queue(v[0]) && c->state <= 1;
    case ASYNCIO_CO_NEXT_DONE:
        return kr_is_type(v[0], &asyncio_as_completed_type) && c->state <= 1 &&
               (c->state == 1 || asyncio_snap_queue(asyncio_ac_of(v[0])->done));
    case ASYNCIO_CO_WAIT:
        return c->state <= 1 &&
               (c->state == 0 || (asyncio_snap_future_set(v[0]) && asyncio_snap_future(v[1]) &&
                                  (v[2] == KR_NULL || asyncio_snap_handle(v[2]))));
    case ASYNCIO_CO_TO_THREAD: // state 1 only reads the outcome of its await
        return c->state <= 1 && (c->state == 1 || (v[0] != KR_NULL && asyncio_snap_call_args(v[1], v[2])));
    case ASYNCIO_CO_COND_WAIT:
    case ASYNCIO_CO_COND_WAIT_FOR: return asyncio_cond_coro_ok(c);
    default: return false;
    }
}

static bool asyncio_coro_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const AsyncioCoro *c = (const AsyncioCoro *)o;
    if (stage == 0) return true;
    bool ok = c->kind <= ASYNCIO_CO_COND_WAIT_FOR && !c->running &&
              asyncio_snap_future_or_null(c->awaiting) && (c->finished || asyncio_coro_slots_ok(c));
    return ok || kr_rs_fail(rd, "bad asyncio coroutine");
}

static const KrRsField asyncio_coro_fields[] = {
    KR_RS_SCALAR(AsyncioCoro, kind, KR_RSF_U8),
    KR_RS_SCALAR(AsyncioCoro, state, KR_RSF_U8),
    KR_RS_SCALAR(AsyncioCoro, running, KR_RSF_BOOL),
    KR_RS_SCALAR(AsyncioCoro, finished, KR_RSF_BOOL),
    KR_RS_SCALAR(AsyncioCoro, started, KR_RSF_BOOL),
    KR_RS_SCALAR(AsyncioCoro, num, KR_RSF_F64),
    KR_RS_VALN(AsyncioCoro, v[0]),
    KR_RS_VALN(AsyncioCoro, v[1]),
    KR_RS_VALN(AsyncioCoro, v[2]),
    KR_RS_VALN(AsyncioCoro, v[3]),
    KR_RS_VALN(AsyncioCoro, v[4]),
    KR_RS_VALN(AsyncioCoro, v[5]),
    KR_RS_VALN(AsyncioCoro, awaiting),
    KR_RS_VALN(AsyncioCoro, deleg),
    KR_RS_VALN(AsyncioCoro, got),
    KR_RS_VALN(AsyncioCoro, pending),
    KR_RS_END,
};

static const KrSnapOps asyncio_coro_snap = {asyncio_coro_fields, asyncio_coro_snap_write, NULL, asyncio_coro_snap_finish};

// -- Lock, Event, Semaphore, BoundedSemaphore; queues; as_completed
static const KrRsField asyncio_sync_fields[] = {
    KR_RS_VALN(AsyncioSync, loop),
    KR_RS_VALN(AsyncioSync, waiters),
    KR_RS_SCALAR(AsyncioSync, value, KR_RSF_I64),
    KR_RS_SCALAR(AsyncioSync, bound, KR_RSF_I64),
    KR_RS_END,
};

// A lock-like object: its loop (if any) and its waiters (futures).
static bool asyncio_snap_waiting(KrRsReader *rd, int stage, KrValue loop, KrValue waiters, const char *what) {
    return stage == 0 || (asyncio_snap_loop_or_null(loop) && asyncio_snap_futures(rd, waiters)) || kr_rs_fail(rd, what);
}

static bool asyncio_sync_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const AsyncioSync *s = (const AsyncioSync *)o;
    return asyncio_snap_waiting(rd, stage, s->loop, s->waiters, "bad asyncio lock");
}

static const KrSnapOps asyncio_sync_snap = {asyncio_sync_fields, NULL, NULL, asyncio_sync_snap_finish};

// Condition: its lock is read as a Lock, its waiters as futures.
static const KrRsField asyncio_cond_fields[] = {
    KR_RS_VALN(AsyncioCond, loop),
    KR_RS_VALN(AsyncioCond, waiters),
    KR_RS_FIELD(AsyncioCond, lock, KR_RSF_VALUE, KR_RS_EXACT, &asyncio_lock_type),
    KR_RS_END,
};

static bool asyncio_cond_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const AsyncioCond *c = (const AsyncioCond *)o;
    return asyncio_snap_waiting(rd, stage, c->loop, c->waiters, "bad asyncio Condition");
}

static const KrSnapOps asyncio_cond_snap = {asyncio_cond_fields, NULL, NULL, asyncio_cond_snap_finish};

// timeout()'s Timeout: its state names a message (an index), its handler
// is cancelled as a handle, and while entered or expiring it cancels and
// uncancels its task (a future: the loop's current task when entered).
static const KrRsField asyncio_timeout_fields[] = {
    KR_RS_SCALAR(AsyncioTimeout, state, KR_RSF_U8),
    KR_RS_SCALAR(AsyncioTimeout, has_when, KR_RSF_BOOL),
    KR_RS_SCALAR(AsyncioTimeout, when, KR_RSF_F64),
    KR_RS_VALN(AsyncioTimeout, handler),
    KR_RS_VALN(AsyncioTimeout, task),
    KR_RS_SCALAR(AsyncioTimeout, cancelling, KR_RSF_I64),
    KR_RS_END,
};

static bool asyncio_timeout_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const AsyncioTimeout *tm = (const AsyncioTimeout *)o;
    if (stage == 0) return true;
    bool live = tm->state == ASYNCIO_TM_ENTERED || tm->state == ASYNCIO_TM_EXPIRING;
    bool ok = tm->state <= ASYNCIO_TM_EXITED && (tm->handler == KR_NULL || asyncio_snap_handle(tm->handler)) &&
              asyncio_snap_future_or_null(tm->task) && (!live || tm->task != KR_NULL);
    return ok || kr_rs_fail(rd, "bad asyncio Timeout");
}

static const KrSnapOps asyncio_timeout_snap = {asyncio_timeout_fields, NULL, NULL, asyncio_timeout_snap_finish};

static const KrRsField asyncio_queue_fields[] = {
    KR_RS_SCALAR(AsyncioQueue, mode, KR_RSF_U8),
    KR_RS_SCALAR(AsyncioQueue, maxsize, KR_RSF_I64),
    KR_RS_FIELD(AsyncioQueue, items, KR_RSF_VALUE, KR_RS_EXACT, &kr_type_list),
    KR_RS_SCALAR(AsyncioQueue, head, KR_RSF_SIZE),
    KR_RS_VALN(AsyncioQueue, getters),
    KR_RS_VALN(AsyncioQueue, putters),
    KR_RS_SCALAR(AsyncioQueue, unfinished, KR_RSF_I64),
    KR_RS_FIELD(AsyncioQueue, finished, KR_RSF_VALUE, KR_RS_EXACT, &asyncio_event_type),
    KR_RS_VALN(AsyncioQueue, loop),
    KR_RS_END,
};

static bool asyncio_queue_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const AsyncioQueue *q = (const AsyncioQueue *)o;
    if (stage == 0) return true;
    uint8_t mode = o->type == &asyncio_lifo_queue_type ? ASYNCIO_Q_LIFO : o->type == &asyncio_priority_queue_type ? ASYNCIO_Q_PRIORITY
                                                                                                                : ASYNCIO_Q_FIFO;
    bool ok = q->mode == mode && q->head <= kr_as_list(q->items)->len && (mode == ASYNCIO_Q_FIFO || q->head == 0) &&
              kr_rs_owned(rd, q->items) && asyncio_snap_futures(rd, q->getters) && asyncio_snap_futures(rd, q->putters) && asyncio_snap_loop_or_null(q->loop);
    return ok || kr_rs_fail(rd, "bad asyncio queue");
}

static const KrSnapOps asyncio_queue_snap = {asyncio_queue_fields, NULL, NULL, asyncio_queue_snap_finish};

static const KrRsField asyncio_ac_fields[] = {
    KR_RS_VALN(AsyncioAsCompleted, fs),
    KR_RS_VALN(AsyncioAsCompleted, todo),
    KR_RS_VALN(AsyncioAsCompleted, done),
    KR_RS_VALN(AsyncioAsCompleted, timeout),
    KR_RS_VALN(AsyncioAsCompleted, handle),
    KR_RS_VALN(AsyncioAsCompleted, cb),
    KR_RS_SCALAR(AsyncioAsCompleted, remaining, KR_RSF_SIZE),
    KR_RS_SCALAR(AsyncioAsCompleted, started, KR_RSF_BOOL),
    KR_RS_END,
};

static bool asyncio_ac_snap_finish(KrRsReader *rd, KrObj *o, int stage) {
    const AsyncioAsCompleted *ac = (const AsyncioAsCompleted *)o;
    if (stage == 0) return true;
    // once set up, the coroutines it hands out (and the callbacks of the
    // futures still to finish) read its queue
    bool busy = ac->remaining > 0 || asyncio_list_len(ac->todo) > 0;
    bool ok = asyncio_snap_futures(rd, ac->todo) && (ac->done == KR_NULL || asyncio_snap_queue(ac->done)) &&
              (ac->handle == KR_NULL || asyncio_snap_handle(ac->handle)) && (!ac->started || ac->fs == KR_NULL) &&
              (!ac->started || !busy || ac->done != KR_NULL);
    return ok || kr_rs_fail(rd, "bad as_completed()");
}

static const KrSnapOps asyncio_ac_snap = {asyncio_ac_fields, NULL, NULL, asyncio_ac_snap_finish};
