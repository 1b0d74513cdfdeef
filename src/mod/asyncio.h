// asyncio.h: what the embedding needs from the asyncio module: futures for
// async external calls, completed by the host's answers.
#ifndef KR_ASYNCIO_H
#define KR_ASYNCIO_H

#include "../run.h"

// A pending future on the running loop (RuntimeError if none runs).
KrValue kr_asyncio_host_future(KrRun *r);
// Completes it with a value, or with exc when exc is not KR_NULL.
bool kr_asyncio_host_done(KrRun *r, KrValue fut, KrValue value, KrValue exc);
// Its result: the value, KR_EXC with its exception raised (CancelledError
// when cancelled), or KR_NULL while pending.
KrValue kr_asyncio_future_outcome(KrRun *r, KrValue fut);
// Is v an asyncio Future (or Task, or gathering future)?
bool kr_asyncio_is_future(KrValue v);

#endif
