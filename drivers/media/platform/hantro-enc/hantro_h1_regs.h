/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hantro H1 / Rockchip VEPU1 encoder registers: the contract between the
 * driver's backend and the hardware (or the virtual VEPU, which includes this
 * header too).
 *
 * Offsets and bits from mainline drivers/media/platform/verisilicon/
 * hantro_h1_regs.h and Rockchip MPP hal_h264e_vepu1_reg_tbl.h.
 */
#ifndef HANTRO_H1_REGS_H
#define HANTRO_H1_REGS_H

#include <linux/bits.h>

#define H1_REG_ID			0x000
#define H1_REG_INTERRUPT		0x004
#define   H1_IRQ_SLICE_READY		BIT(8)
#define   H1_IRQ_TIMEOUT		BIT(6)
#define   H1_IRQ_BUFFER_FULL		BIT(5)
#define   H1_IRQ_RESET			BIT(4)
#define   H1_IRQ_BUS_ERROR		BIT(3)
#define   H1_IRQ_FRAME_READY		BIT(2)
#define   H1_IRQ_DISABLE		BIT(1)
#define   H1_IRQ_RAW			BIT(0)
#define H1_REG_AXI_CTRL			0x008
#define   H1_AXI_OUTPUT_SWAP16		BIT(15)
#define   H1_AXI_INPUT_SWAP16		BIT(14)
#define   H1_AXI_BURST_LEN(x)		((x) << 8)
#define   H1_AXI_OUTPUT_SWAP32		BIT(3)
#define   H1_AXI_INPUT_SWAP32		BIT(2)
#define   H1_AXI_OUTPUT_SWAP8		BIT(1)
#define   H1_AXI_INPUT_SWAP8		BIT(0)
#define H1_REG_ADDR_OUTPUT_STREAM	0x014
#define H1_REG_ADDR_OUTPUT_CTRL		0x018
#define H1_REG_ADDR_REF_LUMA		0x01c
#define H1_REG_ADDR_REF_CHROMA		0x020
#define H1_REG_ADDR_REC_LUMA		0x024
#define H1_REG_ADDR_REC_CHROMA		0x028
#define H1_REG_ADDR_IN_PLANE_0		0x02c
#define H1_REG_ADDR_IN_PLANE_1		0x030
#define H1_REG_ADDR_IN_PLANE_2		0x034
#define H1_REG_ENC_CTRL			0x038
#define   H1_ENC_TIMEOUT_EN		BIT(31)
#define   H1_ENC_WIDTH(mbs)		((mbs) << 19)
#define   H1_ENC_WIDTH_GET(r)		(((r) >> 19) & 0x1ff)
#define   H1_ENC_HEIGHT(mbs)		((mbs) << 10)
#define   H1_ENC_HEIGHT_GET(r)		(((r) >> 10) & 0x1ff)
#define   H1_ENC_PIC_TYPE(t)		((t) << 3)
#define   H1_PIC_INTER			0
#define   H1_PIC_INTRA			1
#define   H1_ENC_MODE(m)		((m) << 1)
#define   H1_ENC_MODE_GET(r)		(((r) >> 1) & 0x3)
#define   H1_MODE_VP8			1
#define   H1_MODE_JPEG			2
#define   H1_MODE_H264			3
#define   H1_ENC_EN			BIT(0)
#define H1_REG_IN_IMG_CTRL		0x03c
#define   H1_IN_ROW_LEN(px)		((px) << 12)
#define   H1_IN_ROW_LEN_GET(r)		(((r) >> 12) & 0x3fff)
#define   H1_IN_OVERFILL_R_D4(x)	((x) << 10)
#define   H1_IN_OVERFILL_R_D4_GET(r)	(((r) >> 10) & 0x3)
#define   H1_IN_OVERFILL_B(x)		((x) << 6)
#define   H1_IN_OVERFILL_B_GET(r)	(((r) >> 6) & 0xf)
#define   H1_IN_FMT(x)			((x) << 2)
#define   H1_IN_FMT_GET(r)		(((r) >> 2) & 0xf)
/* Write: bytes available at the output address. Read: bits written. */
#define H1_REG_STR_BUF_LIMIT		0x060
#define H1_REG_JPEG_LUMA_QUANT(i)	(0x100 + (i) * 4)
#define H1_REG_JPEG_CHROMA_QUANT(i)	(0x140 + (i) * 4)
#define H1_REG_CONFIG			0x0fc
#define H1_REG_LAST			0x28c

#endif /* HANTRO_H1_REGS_H */
