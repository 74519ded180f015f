/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: the internal buffers a codec keeps for the hardware
 * (reference pictures, tables), in coherent DMA memory.
 */
#ifndef HANTRO_ENC_AUX_H
#define HANTRO_ENC_AUX_H

#include <linux/types.h>

struct device;

/**
 * struct hantro_enc_aux - an internal buffer of the hardware
 * @cpu:	kernel address
 * @dma:	bus address
 * @size:	bytes
 */
struct hantro_enc_aux {
	void *cpu;
	dma_addr_t dma;
	size_t size;
};

int hantro_enc_aux_alloc(struct device *dev, struct hantro_enc_aux *aux, size_t size);
void hantro_enc_aux_free(struct device *dev, struct hantro_enc_aux *aux);

#endif /* HANTRO_ENC_AUX_H */
