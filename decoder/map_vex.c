/* map_vex.c - VEX maps, indexed by VEX.mmmmm (1 = 0F, 2 = 0F38, 3 = 0F3A). */
#include "tables.h"

const struct x86_node x86_map_vex[4][256] = {
};
