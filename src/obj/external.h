// external.h: external functions and the call records of a paused run.
#ifndef KR_EXTERNAL_H
#define KR_EXTERNAL_H

#include "../run.h"

typedef struct KrExtFn {
    KrObj ob;
    KrValue name; // str
    bool is_async;
    // the name as the host declared it (program or run memory, both
    // outliving the run): handed out at each pause without a copy; NULL
    // in a run loaded from a snapshot (not written: it is an address)
    const char *host_name;
} KrExtFn;

enum { KR_EXT_NEW, KR_EXT_PENDING, KR_EXT_RESOLVED, KR_EXT_REJECTED, KR_EXT_DONE };

// One call of an external function: what the host sees and answers.
typedef struct KrExtCall {
    KrObj ob;
    KrValue fn;     // KrExtFn
    KrValue args;   // tuple
    KrValue kwargs; // dict, or KR_NULL
    uint64_t id;    // 0 until registered
    uint32_t state;
    // args is a tuple this run made for the call, never seen by code
    // (a loaded record's may be shared: not written, false after a load)
    bool own_args;
    KrValue result; // the return value, or the exception when rejected
    KrValue waiter; // async: the asyncio future a task waits on, or KR_NULL
} KrExtCall;

extern const KrType kr_type_external, kr_type_external_call;

KrValue kr_ext_fn_new(KrRun *r, KrValue name, const char *host_name, bool is_async);
// A call record of fn with the VM's calling convention.
KrValue kr_ext_call_new(KrRun *r, KrValue fn, size_t argc, const KrValue *args, KrValue kwnames);
// The record of a plain (not awaited) call: the answered one before it
// when the run kept it (kr_ext_call_retire), else a new one.
KrValue kr_ext_call_plain(KrRun *r, KrValue fn, size_t argc, const KrValue *args, KrValue kwnames);
// Drops an answered plain call from r->pending and keeps its record for
// the next: the code never sees a plain call's record.
void kr_ext_call_retire(KrRun *r, KrExtCall *c);
// Gives the call an id and adds it to r->pending.
bool kr_ext_call_register(KrRun *r, KrValue call);
KrExtCall *kr_ext_call_find(KrRun *r, uint64_t id);
void kr_ext_call_unregister(KrRun *r, KrExtCall *c);
// Calls the host has not answered yet.
size_t kr_ext_pending_count(KrRun *r);
// Completes the asyncio futures of answered async calls (*delivered set
// when there was one); false on failure (a limit).
bool kr_ext_deliver_async(KrRun *r, bool *delivered);

#endif
