/* map_sse.c - SSE and MMX rows of the 0F map (linked from map_0f.c). */
#include "tables.h"

const struct x86_node x86_sse_0f[256] = {
};
