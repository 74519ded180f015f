// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc: the codecs' internal buffers.
 */

#include <linux/dma-mapping.h>

#include "hantro_enc_aux.h"

/**
 * hantro_enc_aux_alloc() - allocate an internal buffer
 * @dev:	the device that uses it
 * @aux:	out: the buffer
 * @size:	its bytes
 *
 * Return: 0 or -ENOMEM.
 */
int hantro_enc_aux_alloc(struct device *dev, struct hantro_enc_aux *aux, size_t size)
{
	aux->size = size;
	aux->cpu = dma_alloc_coherent(dev, size, &aux->dma, GFP_KERNEL);
	return aux->cpu ? 0 : -ENOMEM;
}

/**
 * hantro_enc_aux_free() - free an internal buffer, if allocated
 * @dev:	the device that used it
 * @aux:	the buffer
 */
void hantro_enc_aux_free(struct device *dev, struct hantro_enc_aux *aux)
{
	if (aux->cpu)
		dma_free_coherent(dev, aux->size, aux->cpu, aux->dma);
	aux->cpu = NULL;
}
