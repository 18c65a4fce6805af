/* map_3dnow.c - 3DNow! (0F 0F ModRM ... imm8), indexed by the imm8 suffix. */
#include "tables.h"

const struct x86_node x86_map_3dnow[256] = {
};
