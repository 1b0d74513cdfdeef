// program.h: compiled programs as bytes (the compiled-form cache) and
// their content hash. The payload is written inside a "KRAITPRG"
// container (snap.h); kr_program_write/read give the bare payload so a
// run snapshot can carry its program inside its own container.
//
// Payload, format version 1 (uvar/svar: LEB128 varints, snap.h):
//   u32 instruction-set fingerprint (opcodes.def: order, names, effects)
//   uvar nstrs, then nstrs x (uvar len, UTF-8 bytes)   every str, once
//   uvar filename (a str index)
//   uvar len, source bytes
//   uvar ncodes, then ncodes code objects, children before parents; the
//     last one is the module
// A code object:
//   uvar name, qualname, filename (str indices)
//   uvar flags, argcount, posonlycount, kwonlycount; svar firstline
//   uvar doc (0: None, else str index + 1)
//   uvar nnames, names; uvar nlocals, varnames; uvar ncells, nfrees,
//     cellnames (ncells + nfrees); ncells x svar cell_arg
//   uvar nconsts, constants (tag byte + data, see program.c; imaginary literals too)
//   uvar ninsns, ninsns x (u8 opcode, uvar argument)
//   uvar nruns, nruns x (uvar count, svar line delta, svar end_line - line,
//     svar col, svar end_col - col): runs of equal source locations
//   uvar nexc, nexc x (uvar start, uvar end - start, uvar handler, uvar depth)
// Not stored, recomputed on load: name_builtin (from the names, for
// those LOAD_GLOBAL and LOAD_NAME use) and stacksize (by the verifier,
// verify.h).
#ifndef KR_PROGRAM_H
#define KR_PROGRAM_H

#include "code.h"
#include "snap.h"
#include "sha256.h"
#include "verify.h"

#define KR_PROGRAM_FORMAT_VERSION 2u // 2: the host's input and function names

// Appends p's payload; false on allocation failure or on a constant kind
// the format does not know (w->ok then false too).
KR_MUST_CHECK bool kr_program_write(KrSnapWriter *w, const KrProgram *p);
// Reads a payload into a new program (allocated with alloc, freed with
// kr_program_free). Every code object is verified before it is accepted.
KrSnapStatus kr_program_read(KrSnapReader *r, KrAllocator alloc, KrProgram **out, char *err, size_t errcap);
// For a reader that will query the verifier's states of loaded code (run
// snapshots check frames against them): each code object's states are
// made in `arena` (the reader's, freed with it) while its heap memory is
// at most `max` bytes, and handed to fn; false from fn means out of
// memory. Past the bound the code is verified without keeping them.
typedef struct KrProgramKeep {
    bool (*fn)(void *ud, const KrCode *code, KrVfStacks *s);
    void *ud;
    struct KrArena *arena;
    size_t max;
    size_t spare; // bytes to leave free in the program's first arena block (its reader's)
} KrProgramKeep;
KrSnapStatus kr_program_read_keep(KrSnapReader *r, KrAllocator alloc, const KrProgramKeep *keep, KrProgram **out,
                                  char *err, size_t errcap);

// The whole container: magic, version, checksum, and an HMAC-SHA-256
// tag when key is not NULL (snap.h).
KrSnapStatus kr_program_dump(const KrProgram *p, KrBuf *out, const uint8_t *key, size_t keylen);
KrSnapStatus kr_program_load(KrAllocator alloc, const uint8_t *data, size_t len, const uint8_t *key, size_t keylen,
                             KrProgram **out, char *err, size_t errcap);

// SHA-256 of the payload: the same program text, file name and compiler
// give the same hash on every machine. False on allocation failure.
KR_MUST_CHECK bool kr_program_hash(const KrProgram *p, uint8_t out[KR_SHA256_SIZE]);

// The program's code objects in a fixed order (children before parents,
// constants in order, the module last): run snapshots name a code object
// by its index here.
typedef struct KrCodeList {
    const KrCode **items;
    size_t n, cap;
    KrAllocator alloc;
} KrCodeList;

KR_MUST_CHECK bool kr_program_codes(const KrProgram *p, KrAllocator alloc, KrCodeList *out);
// The same appended to a list (which on failure may have grown).
KR_MUST_CHECK bool kr_program_codes_append(const KrProgram *p, KrCodeList *out);
void kr_program_codes_free(KrCodeList *l);

#endif
