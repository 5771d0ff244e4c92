// PCRE2 exposes one API per code-unit width, selected by PCRE2_CODE_UNIT_WIDTH before the include.
// classify works on UTF-8 bytes only, so the 8-bit library is the one we import.
#ifndef CLASSIFY_CPCRE2_SHIM_H
#define CLASSIFY_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// PCRE2_ZERO_TERMINATED and PCRE2_UNSET are `~(size_t)0`, which Swift cannot import as a constant;
// these accessors hand them over as values.
static inline size_t cpcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
static inline size_t cpcre2_unset(void) { return PCRE2_UNSET; }

#endif
