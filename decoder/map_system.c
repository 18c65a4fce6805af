/* map_system.c - system-instruction rows of the 0F map (linked from map_0f.c). */
#include "tables.h"

const struct x86_node x86_sys_0f[256] = {
};
