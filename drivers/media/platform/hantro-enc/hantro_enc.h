/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hantro-enc: core types shared by the V4L2 interface, the codec layer and
 * the hardware backends.
 */
#ifndef HANTRO_ENC_H
#define HANTRO_ENC_H

#include <linux/clk.h>
#include <linux/mutex.h>
#include <linux/regmap.h>
#include <linux/workqueue.h>
#include <media/v4l2-ctrls.h>
#include <media/v4l2-device.h>
#include <media/v4l2-fh.h>
#include <media/v4l2-mem2mem.h>
#include <media/videobuf2-v4l2.h>

#include "hantro_enc_h264.h"
#include "hantro_enc_jpeg.h"
#include "hantro_layout.h"
#include "hantro_enc_pix.h"
#include "hantro_enc_variant.h"
#include "hantro_enc_vp8.h"
#include "hantro_program.h"
#include "hantro_regs.h"

/* The smallest frame unless the coded format says otherwise (JPEG). */
#define HANTRO_ENC_MIN_W	96
#define HANTRO_ENC_MIN_H	32
/*
 * Hantro's H.264 encoder refuses less than 132x96 (9x6 macroblocks, the
 * last column at most 12 pixels short; H264Init.c H264ENC_MIN_ENC_WIDTH/
 * HEIGHT).
 */
#define HANTRO_ENC_H264_MIN_W	132
#define HANTRO_ENC_H264_MIN_H	96
/*
 * A job the hardware has not finished by then is reset and failed: a fixed
 * allowance plus a share per macroblock, so that the largest frames (and a
 * model of the hardware on a slow machine) are not cut short.
 */
#define HANTRO_ENC_WATCHDOG_MS		2000
#define HANTRO_ENC_WATCHDOG_MBS_PER_MS	2

extern int hantro_enc_debug;

#define hantro_dbg(level, dev, fmt, ...) \
	v4l2_dbg(level, hantro_enc_debug, &(dev)->v4l2_dev, fmt, ##__VA_ARGS__)

struct hantro_enc_ctx;
struct hantro_enc_dev;

/**
 * struct hantro_enc_buf - a buffer of either queue
 * @m2m:	mem2mem bookkeeping (must be first)
 * @h264:	OUTPUT buffers of an H.264 stream: the frame's dynamic parameters
 * @vp8:	OUTPUT buffers of a VP8 stream: the same
 */
struct hantro_enc_buf {
	struct v4l2_m2m_buffer m2m;
	union {
		struct hantro_enc_h264_frame h264;
		struct hantro_enc_vp8_frame vp8;
	};
};

static inline struct hantro_enc_buf *to_hantro_enc_buf(struct vb2_v4l2_buffer *vbuf)
{
	return container_of(vbuf, struct hantro_enc_buf, m2m.vb);
}

/**
 * struct hantro_enc_job - buffers and parameters of one frame
 * @src:	OUTPUT buffer
 * @dst:	CAPTURE buffer
 * @src_addr:	DMA address of each input plane (Y, Cb or CbCr, Cr)
 * @dst_addr:	DMA address where the hardware writes the stream
 * @dst_size:	bytes available to the hardware at @dst_addr
 * @hdr_len:	bytes the driver wrote before @dst_addr
 * @pic_type:	HANTRO_PIC_INTRA or HANTRO_PIC_INTER, set by the codec
 * @powered:	the job holds a runtime PM reference
 */
struct hantro_enc_job {
	struct vb2_v4l2_buffer *src;
	struct vb2_v4l2_buffer *dst;
	dma_addr_t src_addr[3];
	dma_addr_t dst_addr;
	u32 dst_size;
	u32 hdr_len;
	unsigned int pic_type;
	bool powered;
};

/**
 * struct hantro_enc_ip_regs - where an IP keeps what every frame ends with
 * @irq:	interrupt status register
 * @irq_raw:	its "interrupt pending" bit
 * @irq_ready:	its "frame ready" bit
 * @irq_errors:	its error bits (bus error, buffer full, timeout)
 * @irq_disable: its "interrupt disabled" bit
 * @irq_arm:	value written to @irq before a frame: clears a stale status
 *		and an interrupt disable left by a reset
 * @axi:	AXI control register, cleared after a frame
 * @enable:	enable bit of the start register (the layout's mode register)
 * @start_extra: other bits set with @enable (timeout interrupt on H1)
 */
struct hantro_enc_ip_regs {
	u32 irq;
	u32 irq_raw;
	u32 irq_ready;
	u32 irq_errors;
	u32 irq_disable;
	u32 irq_arm;
	u32 axi;
	u32 enable;
	u32 start_extra;
};

/**
 * struct hantro_enc_hw_config - what an encoder block reports about itself
 * @raw:	its configuration register
 * @codecs:	mask of enum hantro_enc_codec it encodes
 * @max_video_width: widest H.264/VP8 frame, 0 when it does not say
 */
struct hantro_enc_hw_config {
	u32 raw;
	unsigned int codecs;
	unsigned int max_video_width;
};

/**
 * struct hantro_enc_ip_ops - one hardware IP (H1/VEPU1 or VEPU2)
 * @regs:	the registers the IP-independent frame start and end use
 * @layout:	where each encoding parameter lives
 * @read_config: optional: read what the block reports about itself (the
 *		block is powered); without it the variant table is all there is
 * @bus_setup:	program endianness and AXI, the last writes before start
 */
struct hantro_enc_ip_ops {
	const struct hantro_enc_ip_regs *regs;
	const struct hantro_layout *layout;
	void (*read_config)(struct hantro_enc_dev *dev, struct hantro_enc_hw_config *cfg);
	void (*bus_setup)(struct hantro_enc_dev *dev);
};

/**
 * struct hantro_enc_codec_ops - one coded format: what the V4L2 interface
 *				 asks of it
 * @ctrls_init:	optional: add the codec's controls to @hdl when a file opens
 *		(for each coded format of its node). Returns the handler's
 *		error state.
 * @params_changed: optional: the OUTPUT format, the crop or the frame
 *		interval changed; bring controls that depend on them in line
 * @queue_frame: optional: an OUTPUT buffer is being queued (QBUF, under the
 *		file's lock): keep the dynamic controls it is to be coded with
 *		in its &hantro_enc_buf
 * @start:	optional: a stream starts (STREAMON(CAPTURE)); allocate state
 * @stop:	optional: the stream ended (STREAMOFF(CAPTURE)); free it
 * @prepare:	write the frame's headers and program its parameters
 *		(hantro_hw_begin(), hantro_program_*() into the device's
 *		&hantro_enc_dev.regs); set @job's pic_type
 *		(it starts as HANTRO_PIC_INTER). The job layer then starts the
 *		hardware. Returns 0 or a negative
 *		error, which fails the frame without starting anything.
 * @done:	the hardware finished @job; set the payload. Process context
 *		(the interrupt thread or the watchdog's work), the device's
 *		job not yet returned.
 *		Returns 0, or a negative error when what the hardware left is
 *		no frame (the buffer is then returned with an error).
 */
struct hantro_enc_codec_ops {
	int (*ctrls_init)(struct hantro_enc_ctx *ctx, struct v4l2_ctrl_handler *hdl);
	void (*params_changed)(struct hantro_enc_ctx *ctx);
	void (*queue_frame)(struct hantro_enc_ctx *ctx, struct hantro_enc_buf *buf);
	int (*start)(struct hantro_enc_ctx *ctx);
	void (*stop)(struct hantro_enc_ctx *ctx);
	int (*prepare)(struct hantro_enc_ctx *ctx, struct hantro_enc_job *job);
	int (*done)(struct hantro_enc_ctx *ctx, struct hantro_enc_job *job);
};

/**
 * struct hantro_enc_fmt - a pixel format the driver knows
 * @fourcc:	V4L2 pixel format
 * @codec:	coded format bit, 0 for raw formats
 * @codecs:	for raw formats: coded formats it can be encoded to
 * @input:	for raw formats: hardware input format
 * @stride_align: for raw formats: bytesperline alignment of plane 0, pixels
 * @per_plane:	for raw formats: one buffer per plane; offered only with the
 *		per_plane_formats module parameter
 * @ops:	for coded formats: codec layer
 * @num_ctrls:	for coded formats: controls @ops adds (a sizing hint)
 * @still:	for coded formats: a still-image format (no frame rate, no
 *		frames held back)
 * @jfif:	for coded formats: the format defines its colorimetry (JFIF:
 *		full-range BT.601 YCbCr of an sRGB picture)
 * @header_max:	for coded formats: bytes the driver may write in front
 * @min_width:	for coded formats: smallest width, 0 for HANTRO_ENC_MIN_W
 * @min_height:	for coded formats: smallest height, 0 for HANTRO_ENC_MIN_H
 * @max_width:	for coded formats: largest width, 0 for the IP's
 * @max_height:	for coded formats: largest height, 0 for the IP's
 */
struct hantro_enc_fmt {
	u32 fourcc;
	unsigned int codec;
	unsigned int codecs;
	enum hantro_in_fmt input;
	unsigned int stride_align;
	bool per_plane;
	const struct hantro_enc_codec_ops *ops;
	unsigned int num_ctrls;
	bool still;
	bool jfif;
	unsigned int header_max;
	unsigned int min_width;
	unsigned int min_height;
	unsigned int max_width;
	unsigned int max_height;
};

/**
 * struct hantro_enc_size_range - the frame sizes a coded format takes on an IP
 * @min_w:	smallest width (visible, even)
 * @min_h:	smallest height (visible, even)
 * @max_w:	largest width
 * @max_h:	largest height
 */
struct hantro_enc_size_range {
	unsigned int min_w;
	unsigned int min_h;
	unsigned int max_w;
	unsigned int max_h;
};

/**
 * struct hantro_enc_node - one video device node
 * @vfd:	the video device
 * @codecs:	coded formats this node offers
 * @still:	all of them are still-image formats
 * @dev:	parent device
 */
struct hantro_enc_node {
	struct video_device vfd;
	unsigned int codecs;
	bool still;
	struct hantro_enc_dev *dev;
};

/**
 * struct hantro_enc_dev - one encoder block
 * @v4l2_dev:	V4L2 device
 * @m2m_dev:	mem2mem scheduler shared by the nodes (one hardware)
 * @nodes:	JPEG node and H.264/VP8 node
 * @num_nodes:	registered nodes
 * @dev:	the platform device's device
 * @regmap:	registers (MMIO, or the virtual VEPU's register file)
 * @irq:	interrupt line
 * @clks:	the variant's clocks, none on the virtual VEPU
 * @resets:	the node's reset lines, NULL when it has none
 * @variant:	IP and SoC data
 * @codecs:	mask of enum hantro_enc_codec offered: the variant's, narrowed
 *		to what the block reports
 * @max_video_width: widest H.264/VP8 frame the block reports, 0 for no limit
 *		of its own
 * @lock:	serialises opening files
 * @irqlock:	protects the drain state between ioctls and job completion
 * @watchdog:	fails a job whose interrupt never comes
 * @job_ctx:	context whose job runs on the hardware, or NULL
 * @job_wq:	woken when a job ends (remove waits for the last one)
 * @job:	the running job
 * @job_reset:	the watchdog reset the hardware; the job ends once it is idle
 * @stop_polls:	times the watchdog found the core still busy after the reset
 * @shutdown:	the device is being removed: jobs fail without touching it
 *		(set and read under @irqlock)
 * @regs:	the registers of the frame being programmed
 */
struct hantro_enc_dev {
	struct v4l2_device v4l2_dev;
	struct v4l2_m2m_dev *m2m_dev;
	struct hantro_enc_node nodes[2];
	unsigned int num_nodes;
	struct device *dev;
	struct regmap *regmap;
	int irq;
	struct clk_bulk_data *clks;
	struct reset_control *resets;
	const struct hantro_enc_variant *variant;
	unsigned int codecs;
	unsigned int max_video_width;
	struct mutex lock;		/* open */
	spinlock_t irqlock;		/* drain state vs. job completion */
	struct delayed_work watchdog;
	struct hantro_enc_ctx *job_ctx;
	wait_queue_head_t job_wq;
	struct hantro_enc_job job;
	bool job_reset;
	unsigned int stop_polls;
	bool shutdown;
	struct hantro_regfile regs;
};

/**
 * struct hantro_enc_ctx - one open file handle: an independent encoder
 * @fh:		V4L2 file handle, embeds the m2m context
 * @lock:	serialises the file's ioctls and release; its queues' lock
 * @dev:	device
 * @node:	node the file was opened on
 * @src_fmt:	OUTPUT format
 * @dst_fmt:	CAPTURE format
 * @src_desc:	OUTPUT format description
 * @dst_desc:	CAPTURE format description
 * @cap_sizeimage: the CAPTURE sizeimage the client last asked for, 0 for
 *		the default; re-applied when the coded size changes
 * @crop:	visible rectangle within the OUTPUT frame
 * @bounce:	copy of OUTPUT buffers too short for the hardware, see
 *		hantro_enc_bounce.c
 * @timeperframe: frame interval, OUTPUT and CAPTURE alike
 * @ctrls:	controls of this context
 * @jpeg_ctrls:	the JPEG controls, on a node that offers JPEG
 * @h264_ctrls:	the H.264 controls, on a node that offers H.264 (the
 *		controls of every coded format of a node exist side by side)
 * @vp8_ctrls:	the VP8 controls, on a node that offers VP8
 * @h264:	stream state of an H.264 stream, from its codec's start() to its
 *		stop() (one member of a union per codec with stream state)
 * @vp8:	stream state of a VP8 stream
 * @fatal:	a failure the context cannot recover from; ioctls get -EIO
 *		until both queues are released
 * @sequence_out: next OUTPUT sequence number
 * @sequence_cap: next CAPTURE sequence number
 */
struct hantro_enc_ctx {
	struct v4l2_fh fh;
	struct mutex lock;		/* ioctls of this file, its queues */
	struct hantro_enc_dev *dev;
	struct hantro_enc_node *node;
	struct v4l2_pix_format_mplane src_fmt;
	struct v4l2_pix_format_mplane dst_fmt;
	const struct hantro_enc_fmt *src_desc;
	const struct hantro_enc_fmt *dst_desc;
	u32 cap_sizeimage;
	struct v4l2_rect crop;
	struct hantro_enc_aux bounce;
	struct v4l2_fract timeperframe;
	struct v4l2_ctrl_handler ctrls;
	struct hantro_enc_jpeg_ctrls jpeg_ctrls;
	struct hantro_enc_h264_ctrls h264_ctrls;
	struct hantro_enc_vp8_ctrls vp8_ctrls;
	union {
		struct hantro_enc_h264 h264;
		struct hantro_enc_vp8 vp8;
	};
	bool fatal;
	u32 sequence_out;
	u32 sequence_cap;
};

static inline struct hantro_enc_ctx *file_to_ctx(struct file *file)
{
	return container_of(file->private_data, struct hantro_enc_ctx, fh);
}

/* hantro_enc_codecs.c */
extern const struct hantro_enc_fmt hantro_enc_coded_fmts[];
extern const unsigned int hantro_enc_num_coded_fmts;

/* hantro_enc_fmt.c */
bool hantro_enc_codecs_still(unsigned int codecs);
void hantro_enc_params_changed(struct hantro_enc_ctx *ctx);
const struct hantro_enc_fmt *hantro_enc_find_coded(unsigned int codecs, u32 fourcc);
const struct hantro_enc_fmt *hantro_enc_find_raw(unsigned int codec, u32 fourcc);
const struct hantro_enc_fmt *hantro_enc_coded_fmt(unsigned int codecs, unsigned int index);
const struct hantro_enc_fmt *hantro_enc_default_coded(unsigned int codecs);
void hantro_enc_check_default_coded(struct device *dev, unsigned int codecs);
const struct hantro_enc_fmt *hantro_enc_raw_fmt(unsigned int codec, unsigned int index);
void hantro_enc_fill_raw(struct hantro_enc_ctx *ctx, const struct hantro_enc_fmt *desc,
			 struct v4l2_pix_format_mplane *pix);
void hantro_enc_fill_coded(struct hantro_enc_ctx *ctx, const struct hantro_enc_fmt *desc,
			   struct v4l2_pix_format_mplane *pix);
void hantro_enc_update_coded(struct hantro_enc_ctx *ctx);
void hantro_enc_size_range(const struct hantro_enc_ctx *ctx, const struct hantro_enc_fmt *coded,
			   struct hantro_enc_size_range *r);

/* hantro_enc_bounce.c */
int hantro_enc_bounce_prepare(struct hantro_enc_ctx *ctx, struct vb2_buffer *vb);
int hantro_enc_bounce_src(struct hantro_enc_ctx *ctx, struct vb2_buffer *vb, dma_addr_t *addr);
void hantro_enc_bounce_free(struct hantro_enc_ctx *ctx);

/* hantro_enc_v4l2.c */
extern const struct v4l2_file_operations hantro_enc_fops;
extern const struct v4l2_ioctl_ops hantro_enc_ioctl_ops;
void hantro_enc_signal_eos(struct hantro_enc_ctx *ctx);

/* hantro_enc_queue.c */
int hantro_enc_queue_init(void *priv, struct vb2_queue *src_vq, struct vb2_queue *dst_vq);

/* hantro_enc_ctrls.c */
int hantro_enc_ctrls_init(struct hantro_enc_ctx *ctx);

/* hantro_enc_job.c */
extern const struct v4l2_m2m_ops hantro_enc_m2m_ops;
irqreturn_t hantro_enc_irq(int irq, void *priv);
void hantro_enc_watchdog(struct work_struct *work);

/* hantro_hw_common.c: programming a frame (atomic context) */
void hantro_hw_begin(struct hantro_enc_dev *dev, unsigned int mode);
void hantro_hw_input(struct hantro_enc_ctx *ctx, const struct hantro_enc_job *job);
void hantro_hw_start(struct hantro_enc_dev *dev, unsigned int pic_type);
/* hantro_hw_common.c: run from the IRQ handler or the watchdog */
bool hantro_hw_irq_status(struct hantro_enc_dev *dev, u32 *status);
u32 hantro_hw_bits_written(struct hantro_enc_dev *dev);
u32 hantro_hw_read_field(struct hantro_enc_dev *dev, const struct hantro_field *f);
void hantro_hw_reset(struct hantro_enc_dev *dev);
bool hantro_hw_wait_idle(struct hantro_enc_dev *dev, unsigned int timeout_us);

/* hantro_enc_jpeg.c, hantro_enc_h264.c, hantro_enc_vp8.c */
extern const struct hantro_enc_codec_ops hantro_enc_jpeg_ops;
extern const struct hantro_enc_codec_ops hantro_enc_h264_ops;
extern const struct hantro_enc_codec_ops hantro_enc_vp8_ops;

/* register access, shared by the backends */
static inline void hantro_enc_write(struct hantro_enc_dev *dev, u32 reg, u32 val)
{
	regmap_write(dev->regmap, reg, val);
}

static inline u32 hantro_enc_read(struct hantro_enc_dev *dev, u32 reg)
{
	unsigned int val = 0;

	regmap_read(dev->regmap, reg, &val);
	return val;
}

#endif /* HANTRO_ENC_H */
