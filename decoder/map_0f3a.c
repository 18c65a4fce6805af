/* map_0f3a.c - the legacy 0F 3A map. */
#include "tables.h"

const struct x86_node x86_map_0f3a[256] = {
};
