/* map_0f38.c - the legacy 0F 38 map. */
#include "tables.h"

const struct x86_node x86_map_0f38[256] = {
};
