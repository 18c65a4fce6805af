/* map_evex.c - EVEX maps, indexed by EVEX.mmm. */
#include "tables.h"

const struct x86_node x86_map_evex[8][256] = {
};
