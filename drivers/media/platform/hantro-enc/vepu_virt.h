/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Virtual VEPU: the device model shared by its files.
 */
#ifndef VEPU_VIRT_H
#define VEPU_VIRT_H

#include <linux/platform_device.h>
#include <linux/regmap.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include "hantro_h1_regs.h"
#include "hantro_vepu2_regs.h"
#include "vepu_virt_jpeg.h"

#define VEPU_VIRT_NUM_REGS	(VEPU2_REG_LAST / 4 + 1)

/**
 * enum vepu_virt_fault - faults the model can inject into the next frame
 * @VEPU_FAULT_NONE:		run normally
 * @VEPU_FAULT_BUFFER_FULL:	report the output buffer as full
 * @VEPU_FAULT_BUS_ERROR:	report a bus error
 * @VEPU_FAULT_LOST_IRQ:	finish but never raise the interrupt
 */
enum vepu_virt_fault {
	VEPU_FAULT_NONE,
	VEPU_FAULT_BUFFER_FULL,
	VEPU_FAULT_BUS_ERROR,
	VEPU_FAULT_LOST_IRQ,
};

struct vepu_virt;

/**
 * struct vepu_virt_ip - a register set the model implements
 * @name:	child device name, which selects the driver's backend
 * @regmap:	register map the driver sees (callbacks set by the model)
 * @start_reg:	register whose enable bit starts a frame
 * @enable:	that bit
 * @irq_reg:	interrupt status register
 * @irq_raw:	its "interrupt pending" bit
 * @irq_disable: its "interrupt disabled" bit
 * @readback_reg: the register @run reports through (bits written)
 * @run:	encode what a register snapshot describes; updates the
 *		snapshot's readback registers, returns the status bits
 */
struct vepu_virt_ip {
	const char *name;
	const struct regmap_config *regmap;
	u32 start_reg;
	u32 enable;
	u32 irq_reg;
	u32 irq_raw;
	u32 irq_disable;
	u32 readback_reg;
	u32 (*run)(struct vepu_virt *v, u32 *regs, enum vepu_virt_fault fault);
};

extern const struct vepu_virt_ip vepu_virt_h1;
extern const struct vepu_virt_ip vepu_virt_vepu2;

/**
 * enum vepu_virt_result - outcome of a frame, mapped to each IP's status bits
 * @VEPU_DONE:		frame ready
 * @VEPU_BUFFER_FULL:	the stream did not fit
 * @VEPU_BUS_ERROR:	an address the bus cannot reach, or nonsense parameters
 */
enum vepu_virt_result {
	VEPU_DONE,
	VEPU_BUFFER_FULL,
	VEPU_BUS_ERROR,
};

/**
 * struct vepu_virt_jpeg_regs - the JPEG parameters, whatever the register map
 * @frame:	input geometry and format (plane pointers filled by the model)
 * @plane_addr:	bus addresses of the input planes
 * @out_addr:	bus address of the output
 * @out_size:	bytes available there
 * @quant:	the 16 luma then 16 chroma quantization registers
 */
struct vepu_virt_jpeg_regs {
	struct vepu_frame frame;
	u32 plane_addr[3];
	u32 out_addr;
	u32 out_size;
	const u32 *quant[2];
};

/**
 * struct vepu_virt - one virtual encoder block
 * @pdev:	the model's own platform device (the parent)
 * @ip:		the register set it implements
 * @child:	the device the hantro-enc driver binds to
 * @regmap:	register access for the driver
 * @lock:	protects @regs
 * @regs:	the register file
 * @wq:		runs frames, one at a time like the hardware
 * @run:	the frame started by the last write of the enable bit
 * @irq_domain:	provides the interrupt line of @child
 * @virq:	Linux interrupt number of that line
 * @jpeg:	JPEG core state
 */
struct vepu_virt {
	struct platform_device *pdev;
	const struct vepu_virt_ip *ip;
	struct platform_device *child;
	struct regmap *regmap;
	spinlock_t lock;		/* the register file */
	u32 regs[VEPU_VIRT_NUM_REGS];
	struct workqueue_struct *wq;
	struct work_struct run;
	struct irq_domain *irq_domain;
	unsigned int virq;
	struct vepu_jpeg_state jpeg;
};

int vepu_virt_reg_read(void *ctx, unsigned int reg, unsigned int *val);
int vepu_virt_reg_write(void *ctx, unsigned int reg, unsigned int val);

/*
 * The register map as the driver sees it. It reads its status from hard
 * interrupt context, hence fast_io.
 */
#define VEPU_VIRT_REGMAP(last) (&(const struct regmap_config) {	\
	.name = "vepu-virt",			\
	.reg_bits = 32,				\
	.val_bits = 32,				\
	.reg_stride = 4,			\
	.max_register = (last),			\
	.reg_read = vepu_virt_reg_read,		\
	.reg_write = vepu_virt_reg_write,	\
	.fast_io = true,			\
	.cache_type = REGCACHE_NONE,		\
})

void *vepu_virt_map(struct vepu_virt *v, u32 addr, size_t len);
enum vepu_virt_result vepu_virt_jpeg_run(struct vepu_virt *v, struct vepu_virt_jpeg_regs *r,
					 u32 *bits_written);

#endif /* VEPU_VIRT_H */
