/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: the registers of one frame as programmed, before they reach
 * the hardware. The codec layer fills one (plain C, also on the host, where
 * the tests compare it with the vendor's programming); the driver writes
 * the registers it sets.
 */
#ifndef HANTRO_REGFILE_H
#define HANTRO_REGFILE_H

#include <linux/string.h>
#include <linux/types.h>

#include "hantro_layout.h"
#include "hantro_regs.h"

/**
 * struct hantro_regfile - register values of a frame, and which it sets
 * @val:	values, indexed by offset / 4
 * @used:	bit i of word i / 32: the frame sets register i
 */
struct hantro_regfile {
	u32 val[HANTRO_NUM_REGS];
	u32 used[(HANTRO_NUM_REGS + 31) / 32];
};

static inline void hantro_regfile_clear(struct hantro_regfile *rf)
{
	memset(rf, 0, sizeof(*rf));
}

static inline void hantro_regfile_set_reg(struct hantro_regfile *rf, u16 reg, u32 val)
{
	rf->val[reg / 4] = val;
	rf->used[reg / 4 / 32] |= 1u << (reg / 4 % 32);
}

/* Field @f set to @val, the register's other bits kept. */
static inline void hantro_regfile_set(struct hantro_regfile *rf, const struct hantro_field *f,
				      u32 val)
{
	/* A field the IP does not have (mask 0) writes no register. */
	if (!f->mask)
		return;
	hantro_regfile_set_reg(rf, f->reg, hantro_field_put(f, rf->val[f->reg / 4], val));
}

static inline bool hantro_regfile_used(const struct hantro_regfile *rf, unsigned int i)
{
	return rf->used[i / 32] & (1u << (i % 32));
}

#endif /* HANTRO_REGFILE_H */
