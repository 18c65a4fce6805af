/* crack_legacy.h - cracking patterns of the instructions that exist only
 * outside 64-bit mode (crack_legacy.c), used by crack_rows_legacy.def. */
#ifndef UOPSIM_CRACK_LEGACY_H
#define UOPSIM_CRACK_LEGACY_H

#include "uops/crack_internal.h"

#endif
