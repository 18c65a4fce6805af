/* crack_x87.h - cracking patterns of the x87 instructions (crack_x87.c),
 * used by the rows of crack_rows_x87.def. */
#ifndef UOPSIM_CRACK_X87_H
#define UOPSIM_CRACK_X87_H

#include "uops/crack_internal.h"

#endif
