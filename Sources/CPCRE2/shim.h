// PCRE2 exposes one API per code-unit width, selected by PCRE2_CODE_UNIT_WIDTH before the include.
// classify works on UTF-8 bytes only, so the 8-bit library is the one we import.
#ifndef CLASSIFY_CPCRE2_SHIM_H
#define CLASSIFY_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#endif
