// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: the driver's VP8 boolean encoder and tables, built into
 * this module as well. The core codes with the very code the driver's
 * codec layer writes headers with, and the two modules stay independent.
 */

#include "hantro_vp8_boolenc.c"
#include "hantro_vp8_tables.c"
#include "hantro_vp8_counts.c"
