/* map_x87.c - x87 escapes D8-DF. */
#include "tables.h"

const struct x86_node x86_x87[8][2] = {
};
