/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: the register contract of every IP the driver and the virtual
 * VEPU know, and the register space that holds any of them.
 */
#ifndef HANTRO_REGS_H
#define HANTRO_REGS_H

#include <linux/build_bug.h>

#include "hantro_h1_regs.h"
#include "hantro_vepu2_regs.h"

/* The last register of the larger map: a shadow or model of either IP. */
#define HANTRO_REG_LAST		VEPU2_REG_LAST
#define HANTRO_NUM_REGS		(HANTRO_REG_LAST / 4 + 1)
static_assert(HANTRO_REG_LAST >= H1_REG_LAST);

#endif /* HANTRO_REGS_H */
