// hostval.h: KraitValue trees <-> run values (the host boundary).
#ifndef KR_HOSTVAL_H
#define KR_HOSTVAL_H

#include "krait.h"
#include "run.h"

// Host-visible memory, freed all at once when the run moves on.
typedef struct KrHvArena {
    KrAllocator alloc;
    struct KrHvChunk *chunks;
    // bytes handed out since the last reset, and their bound (0: none): a
    // small run value can stand for a huge tree (one big str listed many
    // times), so copying it out counts against the run's memory limit
    size_t used, budget;
} KrHvArena;

void *kr_hv_alloc(KrHvArena *a, size_t n);
// n items of size bytes (NULL also when the size overflows).
void *kr_hv_array(KrHvArena *a, size_t n, size_t size);
char *kr_hv_strdup(KrHvArena *a, const char *s, size_t n);
// Empties the arena (keeping one chunk for reuse) / frees all of it.
void kr_hv_arena_reset(KrHvArena *a);
void kr_hv_arena_free(KrHvArena *a);

// A copy of v on the run's heap (KR_EXC with an exception for bad values).
KrValue kr_hv_to_run(KrRun *r, const KraitValue *v, int depth);
// A tree for v in the arena; false when memory ran out (or a limit hit).
bool kr_hv_from_run(KrRun *r, KrValue v, KraitValue *out, KrHvArena *a, int depth);

#endif
