/* map_xop.c - AMD XOP maps 8, 9, 10. */
#include "tables.h"

const struct x86_node x86_map_xop[3][256] = {
};
