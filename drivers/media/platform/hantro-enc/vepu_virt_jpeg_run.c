// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual VEPU: one JPEG frame as the bus master does it, whatever the
 * register map: reach the buffers by bus address, unpack the quantization
 * registers, run the scan coder.
 */

#include "jpeg_hw_qorder.h"
#include "vepu_virt.h"

static void vepu_virt_qtable(const u32 *regs, u8 table[64])
{
	unsigned int r, b;

	for (r = 0; r < 16; r++)
		for (b = 0; b < 4; b++)
			table[jpeg_hw_qtable_raster(r * 4 + b)] = regs[r] >> (24 - 8 * b);
}

/**
 * vepu_virt_jpeg_run() - encode the JPEG frame the registers describe
 * @v:			the device
 * @r:			the frame's parameters, decoded from the register map
 * @bits_written:	readback value: stream bits written
 *
 * Return: the outcome, for the caller's status bits.
 */
enum vepu_virt_result vepu_virt_jpeg_run(struct vepu_virt *v, struct vepu_virt_jpeg_regs *r,
					 u32 *bits_written)
{
	struct vepu_jpeg_job job = { .frame = r->frame };
	size_t written;
	unsigned int i;
	int ret;

	*bits_written = 0;
	/* Every plane the format reads must be memory the bus can reach. */
	for (i = 0; i < 3; i++) {
		size_t span = vepu_frame_plane_span(&job.frame, i);

		if (!span)
			continue;
		job.frame.plane[i] = vepu_virt_map(v, r->plane_addr[i], span);
		if (!job.frame.plane[i])
			return VEPU_BUS_ERROR;
	}
	job.out_size = r->out_size;
	job.out = vepu_virt_map(v, r->out_addr, job.out_size);
	if (!job.out)
		return VEPU_BUS_ERROR;
	vepu_virt_qtable(r->quant[0], job.qluma);
	vepu_virt_qtable(r->quant[1], job.qchroma);

	/* Also rejects a format or geometry the input stage cannot read. */
	ret = vepu_jpeg_encode(&v->jpeg, &job, &written);
	*bits_written = written * 8;
	if (ret == -ENOSPC)
		return VEPU_BUFFER_FULL;
	return ret ? VEPU_BUS_ERROR : VEPU_DONE;
}
