// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc-test: walk a V4L2 stateful encoder through every state and
 * transition of the kernel's dev-encoder.rst and check what comes out.
 *
 *   hantro-enc-test [-d /dev/videoN] [-f RAWFOURCC] [-s WxH] [-F FAULTFILE]
 *   hantro-enc-test -j JOBS -n FRAMES [-o DIR] [-d ...] [-f ...] [-s ...]
 *   hantro-enc-test -e EXPORTER [-E] -s WxH [-o DIR] [-d ...]
 *
 * The first form walks the state machine; with -F it also writes fault codes
 * (1 buffer full, 2 bus error, 3 lost interrupt, 4 a stall past the driver's
 * watchdog) to FAULTFILE, the virtual
 * VEPU's inject_fault parameter, and checks each frame fails with
 * V4L2_BUF_FLAG_ERROR and the next one encodes. The second form encodes
 * FRAMES frames on JOBS file handles at once and checks every frame; with -o
 * each job's frames go, one after another, to DIR/job-N.bin for a decoder.
 * The third form encodes frames imported as DMABUFs of exactly their size
 * from EXPORTER, a capture node such as vivid's, as cameras hand them over;
 * with -E it imports each as NV12M, the one DMABUF for both planes with the
 * chroma at its data_offset (libcamera's way), and with -o writes the stream
 * to DIR/dmabuf-import.h264 (flat frames: luma 0x50, Cb 0x30, Cr 0xd0).
 *
 * Works on any multi-planar stateful encoder node (the hantro-enc nodes,
 * vicodec with multiplanar=1, ...). Each check prints PASS or FAIL with its
 * name; the last line is "N passed, N failed" and the exit status is 0 only
 * when nothing failed. Depends on libc and the kernel's uAPI headers only.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/videodev2.h>

#define OUT_TYPE	V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE
#define CAP_TYPE	V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE
#define NBUF		4
/* How long a frame may take on the slowest setup (a model under KASAN). */
#define FRAME_MS	5000
/* How long to watch for output that must not come. */
#define QUIET_MS	400

struct buf {
	void *mem[VIDEO_MAX_PLANES];
	unsigned int len[VIDEO_MAX_PLANES];
	bool queued;
};

struct enc {
	const char *path;
	int fd;
	struct v4l2_format out_fmt;
	struct v4l2_format cap_fmt;
	struct buf out[NBUF];
	struct buf cap[NBUF];
	unsigned int n_out, n_cap;
	unsigned int frame;	/* frames queued so far, gives the timestamps */
	unsigned int next_seq;	/* expected CAPTURE sequence of the next frame */
	u_int32_t coded;
	u_int32_t want_coded;	/* the coded format asked for (-c), 0 for the first */
	bool expect_idr;	/* H.264: the next frame starts a stream */
	FILE *dump;		/* H.264: where frames go while set */
	int sps_level;		/* level_idc of the last SPS seen */
	int pps_cabac;		/* H.264: the last PPS's entropy_coding_mode_flag */
};

static unsigned int passed, failed;

static void report(bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s: ", ok ? "PASS" : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (ok)
		passed++;
	else
		failed++;
}

/* ioctl that returns -errno, so checks can compare with -EBUSY etc. */
static int xioctl(struct enc *e, unsigned long req, void *arg)
{
	int ret;

	do {
		ret = ioctl(e->fd, req, arg);
	} while (ret < 0 && errno == EINTR);
	return ret < 0 ? -errno : 0;
}

static int reqbufs(struct enc *e, unsigned int type, unsigned int count)
{
	struct v4l2_requestbuffers rb = {
		.count = count, .type = type, .memory = V4L2_MEMORY_MMAP,
	};
	struct buf *bufs = type == OUT_TYPE ? e->out : e->cap;
	unsigned int *n = type == OUT_TYPE ? &e->n_out : &e->n_cap;
	unsigned int i, p;
	int ret;

	for (i = 0; i < *n; i++)
		for (p = 0; p < VIDEO_MAX_PLANES; p++)
			if (bufs[i].mem[p])
				munmap(bufs[i].mem[p], bufs[i].len[p]);
	memset(bufs, 0, sizeof(*bufs) * NBUF);
	*n = 0;
	ret = xioctl(e, VIDIOC_REQBUFS, &rb);
	if (ret || !count)
		return ret;
	if (rb.count > NBUF)
		rb.count = NBUF;
	for (i = 0; i < rb.count; i++) {
		struct v4l2_plane planes[VIDEO_MAX_PLANES] = { 0 };
		struct v4l2_buffer b = {
			.type = type, .memory = V4L2_MEMORY_MMAP, .index = i,
			.m.planes = planes, .length = VIDEO_MAX_PLANES,
		};

		ret = xioctl(e, VIDIOC_QUERYBUF, &b);
		if (ret)
			return ret;
		for (p = 0; p < b.length; p++) {
			bufs[i].len[p] = planes[p].length;
			bufs[i].mem[p] = mmap(NULL, planes[p].length, PROT_READ | PROT_WRITE,
					      MAP_SHARED, e->fd, planes[p].m.mem_offset);
			if (bufs[i].mem[p] == MAP_FAILED)
				return -errno;
		}
	}
	*n = rb.count;
	return 0;
}

static int stream(struct enc *e, unsigned int type, bool on)
{
	int t = type;
	int ret = xioctl(e, on ? VIDIOC_STREAMON : VIDIOC_STREAMOFF, &t);
	struct buf *bufs = type == OUT_TYPE ? e->out : e->cap;
	unsigned int i;

	if (!ret && !on)
		for (i = 0; i < NBUF; i++)
			bufs[i].queued = false;
	if (!ret && on && type == CAP_TYPE)
		e->next_seq = 0;
	return ret;
}

static int enc_cmd(struct enc *e, unsigned int cmd)
{
	struct v4l2_encoder_cmd ec = { .cmd = cmd };

	return xioctl(e, VIDIOC_ENCODER_CMD, &ec);
}

/* A moving gradient, so consecutive frames differ. */
static void fill_frame(struct enc *e, struct buf *b, unsigned int n)
{
	unsigned int p, i;

	for (p = 0; p < e->out_fmt.fmt.pix_mp.num_planes; p++) {
		unsigned char *m = b->mem[p];
		unsigned int size = e->out_fmt.fmt.pix_mp.plane_fmt[p].sizeimage;
		unsigned int bpl = e->out_fmt.fmt.pix_mp.plane_fmt[p].bytesperline;

		for (i = 0; i < size; i++)
			m[i] = (unsigned char)((bpl ? i % bpl + i / bpl : i) + 3 * n);
	}
}

/* Queue the next raw frame; returns 0 or -errno, -ENOBUFS if none is free. */
static int queue_out(struct enc *e)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES] = { 0 };
	struct v4l2_buffer b = {
		.type = OUT_TYPE, .memory = V4L2_MEMORY_MMAP, .m.planes = planes,
		.length = e->out_fmt.fmt.pix_mp.num_planes, .field = V4L2_FIELD_NONE,
	};
	unsigned int i, p;
	int ret;

	for (i = 0; i < e->n_out && e->out[i].queued; i++)
		;
	if (i == e->n_out)
		return -ENOBUFS;
	fill_frame(e, &e->out[i], e->frame);
	b.index = i;
	for (p = 0; p < b.length; p++)
		planes[p].bytesused = e->out_fmt.fmt.pix_mp.plane_fmt[p].sizeimage;
	b.timestamp.tv_sec = 1000 + e->frame;
	b.timestamp.tv_usec = 42;
	ret = xioctl(e, VIDIOC_QBUF, &b);
	if (!ret) {
		e->out[i].queued = true;
		e->frame++;
	}
	return ret;
}

static int queue_cap(struct enc *e, unsigned int i)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES] = { 0 };
	struct v4l2_buffer b = {
		.type = CAP_TYPE, .memory = V4L2_MEMORY_MMAP, .index = i,
		.m.planes = planes, .length = 1,
	};
	int ret = xioctl(e, VIDIOC_QBUF, &b);

	if (!ret)
		e->cap[i].queued = true;
	return ret;
}

static int queue_all_cap(struct enc *e)
{
	unsigned int i;
	int ret;

	for (i = 0; i < e->n_cap; i++) {
		if (e->cap[i].queued)
			continue;
		ret = queue_cap(e, i);
		if (ret)
			return ret;
	}
	return 0;
}

/* Wait up to ms for a buffer of type and dequeue it: 0, -EAGAIN or -errno. */
static int dqbuf(struct enc *e, unsigned int type, struct v4l2_buffer *b,
		 struct v4l2_plane *planes, int ms)
{
	struct pollfd pfd = { .fd = e->fd, .events = type == CAP_TYPE ? POLLIN : POLLOUT };
	int ret;

	memset(b, 0, sizeof(*b));
	memset(planes, 0, sizeof(*planes) * VIDEO_MAX_PLANES);
	b->type = type;
	b->memory = V4L2_MEMORY_MMAP;
	b->m.planes = planes;
	b->length = VIDEO_MAX_PLANES;
	for (;;) {
		ret = xioctl(e, VIDIOC_DQBUF, b);
		if (ret != -EAGAIN || ms <= 0)
			break;
		poll(&pfd, 1, ms > 50 ? 50 : ms);
		ms -= 50;
	}
	if (!ret)
		(type == OUT_TYPE ? e->out : e->cap)[b->index].queued = false;
	return ret;
}

static void drain_out_queue(struct enc *e)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b;

	while (!dqbuf(e, OUT_TYPE, &b, planes, 0))
		;
}

/* Is this a plausible coded frame of the CAPTURE format? */
static bool coded_ok(struct enc *e, const struct v4l2_buffer *b)
{
	const unsigned char *m = e->cap[b->index].mem[0];
	unsigned int n = b->m.planes[0].bytesused;

	if (!n || n > e->cap[b->index].len[0])
		return false;
	switch (e->coded) {
	case V4L2_PIX_FMT_JPEG:
		return n > 4 && m[0] == 0xff && m[1] == 0xd8 && m[n - 2] == 0xff &&
		       m[n - 1] == 0xd9;
	case V4L2_PIX_FMT_H264:
		return n > 4 && !m[0] && !m[1] && (m[2] == 1 || (!m[2] && m[3] == 1));
	case V4L2_PIX_FMT_VP8:
		/*
		 * The frame tag: shown, the first partition inside the frame,
		 * a key frame (flagged KEYFRAME) with the start code.
		 */
		if (n < 3 || !(m[0] & 0x10) ||
		    ((u_int32_t)(m[0] | m[1] << 8 | m[2] << 16) >> 5) + (m[0] & 1 ? 3 : 10) > n)
			return false;
		if (m[0] & 1)
			return !(b->flags & V4L2_BUF_FLAG_KEYFRAME);
		return n > 10 && m[3] == 0x9d && m[4] == 0x01 && m[5] == 0x2a &&
		       (b->flags & V4L2_BUF_FLAG_KEYFRAME);
	default:
		return true;
	}
}

/* Bit mask of the H.264 NAL unit types in an Annex B buffer. */
static unsigned int nal_types(const unsigned char *m, unsigned int n)
{
	unsigned int i, types = 0;

	for (i = 0; i + 3 < n; i++)
		if (!m[i] && !m[i + 1] && m[i + 2] == 1)
			types |= 1u << (m[i + 3] & 0x1f);
	return types;
}

/* The first NAL unit type of an Annex B buffer. */
static unsigned int first_nal(const unsigned char *m, unsigned int n)
{
	unsigned int i;

	for (i = 0; i + 3 < n; i++)
		if (!m[i] && !m[i + 1] && m[i + 2] == 1)
			return m[i + 3] & 0x1f;
	return 0;
}

/*
 * entropy_coding_mode_flag of the first PPS in an Annex B buffer, -1 if it
 * has none. The driver writes pic_parameter_set_id and seq_parameter_set_id
 * 0, two one-bit ue(v) codes, so the flag is the third bit of the payload.
 */
static int pps_cabac(const unsigned char *m, unsigned int n)
{
	unsigned int i;

	for (i = 0; i + 4 < n; i++)
		if (!m[i] && !m[i + 1] && m[i + 2] == 1 && (m[i + 3] & 0x1f) == 8)
			return (m[i + 4] & 0xe0) == 0xe0 ? 1 : (m[i + 4] & 0xe0) == 0xc0 ? 0 : -1;
	return -1;
}

/*
 * level_idc of the first SPS in an Annex B buffer, -1 if it has none: the
 * byte after profile_idc and the constraint flags.
 */
static int sps_level(const unsigned char *m, unsigned int n)
{
	unsigned int i;

	for (i = 0; i + 6 < n; i++)
		if (!m[i] && !m[i + 1] && m[i + 2] == 1 && (m[i + 3] & 0x1f) == 7)
			return m[i + 6];
	return -1;
}

/* H.264: a stream starts with SPS, PPS and an IDR picture flagged KEYFRAME. */
static void check_h264_frame(struct enc *e, const struct v4l2_buffer *b, const char *what)
{
	const unsigned char *m = e->cap[b->index].mem[0];
	unsigned int n = b->m.planes[0].bytesused, types = nal_types(m, n);

	if (e->coded != V4L2_PIX_FMT_H264)
		return;
	if (e->dump)
		fwrite(m, 1, n, e->dump);
	if (types & (1u << 8))
		e->pps_cabac = pps_cabac(m, n);
	if (types & (1u << 7))
		e->sps_level = sps_level(m, n);
	report(!(b->flags & V4L2_BUF_FLAG_KEYFRAME) == !(types & (1u << 5)) &&
	       !(b->flags & V4L2_BUF_FLAG_PFRAME) == !(types & (1u << 1)),
	       "%s: KEYFRAME/PFRAME flags match the slice type", what);
	if (!e->expect_idr)
		return;
	e->expect_idr = false;
	report(first_nal(m, n) == 7 && (types & (1u << 8)) && (types & (1u << 5)) &&
	       (b->flags & V4L2_BUF_FLAG_KEYFRAME),
	       "%s: the stream starts with SPS, PPS and an IDR picture", what);
}

/*
 * Dequeue one encoded frame and check it: coded data, the OUTPUT timestamp
 * copied, CAPTURE sequence numbers counting the frames of the stream since
 * STREAMON(CAPTURE). Returns the buffer flags or -errno.
 */
static int expect_frame(struct enc *e, unsigned int frame, const char *what)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b;
	int ret = dqbuf(e, CAP_TYPE, &b, planes, FRAME_MS);

	if (ret) {
		report(false, "%s: frame %u comes out (DQBUF: %s)", what, frame, strerror(-ret));
		return ret;
	}
	report(coded_ok(e, &b) && !(b.flags & V4L2_BUF_FLAG_ERROR),
	       "%s: frame %u holds coded data (%u bytes)", what, frame, planes[0].bytesused);
	check_h264_frame(e, &b, what);
	report(b.timestamp.tv_sec == 1000 + frame && b.timestamp.tv_usec == 42,
	       "%s: frame %u carries its OUTPUT timestamp", what, frame);
	report(b.sequence == e->next_seq, "%s: frame %u has CAPTURE sequence %u (got %u)", what,
	       frame, e->next_seq, b.sequence);
	e->next_seq = b.sequence + 1;
	return b.flags;
}

static void expect_empty_last(struct enc *e, const char *what)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b;
	int ret = dqbuf(e, CAP_TYPE, &b, planes, FRAME_MS);

	report(!ret && (b.flags & V4L2_BUF_FLAG_LAST) && !planes[0].bytesused,
	       "%s: an empty buffer with LAST comes out", what);
}

static void expect_epipe(struct enc *e, const char *what)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b;

	report(dqbuf(e, CAP_TYPE, &b, planes, 0) == -EPIPE, "%s: DQBUF after LAST gives EPIPE",
	       what);
}

static void expect_quiet(struct enc *e, const char *what)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b;

	int ret = dqbuf(e, CAP_TYPE, &b, planes, QUIET_MS);

	/* Stopped after a LAST buffer, DQBUF keeps saying EPIPE. */
	report(ret == -EAGAIN || ret == -EPIPE, "%s: nothing comes out", what);
}

static bool eos_event(struct enc *e)
{
	struct v4l2_event ev;
	struct pollfd pfd = { .fd = e->fd, .events = POLLPRI };

	poll(&pfd, 1, FRAME_MS);
	memset(&ev, 0, sizeof(ev));
	return !xioctl(e, VIDIOC_DQEVENT, &ev) && ev.type == V4L2_EVENT_EOS;
}

static void flush_events(struct enc *e)
{
	struct v4l2_event ev;

	while (!xioctl(e, VIDIOC_DQEVENT, &ev))
		;
}

/* Encode n frames in the Encoding state, one at a time. */
static void encode_frames(struct enc *e, unsigned int n, const char *what)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		queue_all_cap(e);
		drain_out_queue(e);
		if (queue_out(e)) {
			report(false, "%s: QBUF(OUTPUT) frame %u", what, e->frame);
			return;
		}
		if (expect_frame(e, e->frame - 1, what) < 0)
			return;
	}
}

/* STREAMOFF + STREAMON(CAPTURE): a Reset, leaving no CAPTURE buffer queued. */
static int restart_capture(struct enc *e)
{
	int ret = stream(e, CAP_TYPE, false);

	e->expect_idr = true;
	return ret ? ret : stream(e, CAP_TYPE, true);
}

static int setup(struct enc *e, u_int32_t raw, unsigned int w, unsigned int h)
{
	struct v4l2_fmtdesc fd = { .type = CAP_TYPE };
	int ret;

	memset(&e->cap_fmt, 0, sizeof(e->cap_fmt));
	e->cap_fmt.type = CAP_TYPE;
	ret = xioctl(e, VIDIOC_G_FMT, &e->cap_fmt);
	if (ret)
		return ret;
	if (e->want_coded)
		e->cap_fmt.fmt.pix_mp.pixelformat = e->want_coded;
	else if (!xioctl(e, VIDIOC_ENUM_FMT, &fd))
		e->cap_fmt.fmt.pix_mp.pixelformat = fd.pixelformat;
	ret = xioctl(e, VIDIOC_S_FMT, &e->cap_fmt);
	if (ret)
		return ret;
	e->coded = e->cap_fmt.fmt.pix_mp.pixelformat;
	/* S_FMT picks another format for one the node lacks. */
	if (e->want_coded && e->coded != e->want_coded)
		return -EINVAL;

	memset(&e->out_fmt, 0, sizeof(e->out_fmt));
	e->out_fmt.type = OUT_TYPE;
	ret = xioctl(e, VIDIOC_G_FMT, &e->out_fmt);
	if (ret)
		return ret;
	if (raw)
		e->out_fmt.fmt.pix_mp.pixelformat = raw;
	e->out_fmt.fmt.pix_mp.width = w;
	e->out_fmt.fmt.pix_mp.height = h;
	e->out_fmt.fmt.pix_mp.plane_fmt[0].bytesperline = 0;
	ret = xioctl(e, VIDIOC_S_FMT, &e->out_fmt);
	if (ret)
		return ret;
	return xioctl(e, VIDIOC_G_FMT, &e->cap_fmt);
}

static int start_both(struct enc *e)
{
	int ret = reqbufs(e, OUT_TYPE, NBUF);

	if (!ret)
		ret = reqbufs(e, CAP_TYPE, NBUF);
	if (!ret)
		ret = stream(e, OUT_TYPE, true);
	if (!ret)
		ret = stream(e, CAP_TYPE, true);
	e->expect_idr = true;
	return ret;
}

static void stop_both(struct enc *e)
{
	stream(e, CAP_TYPE, false);
	stream(e, OUT_TYPE, false);
	reqbufs(e, OUT_TYPE, 0);
	reqbufs(e, CAP_TYPE, 0);
	flush_events(e);
}

static void test_initialization(struct enc *e, u_int32_t raw, unsigned int w, unsigned int h)
{
	struct v4l2_fmtdesc fd = { .type = CAP_TYPE };
	struct v4l2_format f;
	int ret;

	report(!xioctl(e, VIDIOC_ENUM_FMT, &fd), "Initialization: ENUM_FMT(CAPTURE) lists a coded format");
	fd = (struct v4l2_fmtdesc){ .type = OUT_TYPE };
	report(!xioctl(e, VIDIOC_ENUM_FMT, &fd), "Initialization: ENUM_FMT(OUTPUT) lists a raw format");
	ret = setup(e, raw, w, h);
	report(!ret, "Initialization: S_FMT(CAPTURE) then S_FMT(OUTPUT) %ux%u", w, h);
	report(e->out_fmt.fmt.pix_mp.width >= w && e->out_fmt.fmt.pix_mp.height >= h,
	       "Initialization: OUTPUT size rounded up only (%ux%u)",
	       e->out_fmt.fmt.pix_mp.width, e->out_fmt.fmt.pix_mp.height);

	/* Commit point 5: the coded format is fixed while buffers exist. */
	ret = reqbufs(e, OUT_TYPE, NBUF);
	f = e->cap_fmt;
	report(!ret && xioctl(e, VIDIOC_S_FMT, &f) == -EBUSY,
	       "Commit point: S_FMT(CAPTURE) with OUTPUT buffers gives EBUSY");
	reqbufs(e, OUT_TYPE, 0);
	ret = reqbufs(e, CAP_TYPE, NBUF);
	f = e->cap_fmt;
	report(!ret && xioctl(e, VIDIOC_S_FMT, &f) == -EBUSY,
	       "Commit point: S_FMT(CAPTURE) with CAPTURE buffers gives EBUSY");
	/* A new OUTPUT size would change the coded size under CAPTURE's buffers. */
	f = e->out_fmt;
	f.fmt.pix_mp.width += 32;
	report(xioctl(e, VIDIOC_S_FMT, &f) == -EBUSY,
	       "Commit point: S_FMT(OUTPUT) changing the coded size with CAPTURE buffers gives EBUSY");
	reqbufs(e, CAP_TYPE, 0);
	f = e->cap_fmt;
	report(!xioctl(e, VIDIOC_S_FMT, &f), "Commit point: S_FMT(CAPTURE) allowed once both queues are freed");
}

/* Encoding -> Drain -> Stopped -> Encoding, with the drain's corner cases. */
static void test_drain(struct enc *e)
{
	unsigned int first, i;
	int flags = 0;

	/* Frames pending and no CAPTURE buffer: the drain cannot end yet. */
	restart_capture(e);
	drain_out_queue(e);
	first = e->frame;
	queue_out(e);
	queue_out(e);
	report(!enc_cmd(e, V4L2_ENC_CMD_STOP), "Encoding -> Drain: ENC_CMD_STOP with two frames pending");
	report(enc_cmd(e, V4L2_ENC_CMD_STOP) == -EBUSY, "Drain: a second STOP gives EBUSY");
	report(enc_cmd(e, V4L2_ENC_CMD_START) == -EBUSY, "Drain: START gives EBUSY");
	queue_all_cap(e);
	for (i = 0; i < 2; i++) {
		flags = expect_frame(e, first + i, "Drain");
		if (flags < 0)
			return;
		if (!i)
			report(!(flags & V4L2_BUF_FLAG_LAST), "Drain: the first pending frame has no LAST");
	}
	report(flags & V4L2_BUF_FLAG_LAST, "Drain: the last frame queued before STOP has LAST");
	expect_epipe(e, "Drain -> Stopped");
	report(eos_event(e), "Drain: V4L2_EVENT_EOS is signalled");
	report(!enc_cmd(e, V4L2_ENC_CMD_STOP), "Stopped: STOP again is accepted");

	/* Stopped: frames queued now are held until START. */
	queue_all_cap(e);
	queue_out(e);
	expect_quiet(e, "Stopped: a frame queued after the drain");
	report(!enc_cmd(e, V4L2_ENC_CMD_START), "Stopped -> Encoding: ENC_CMD_START");
	expect_frame(e, e->frame - 1, "Encoding after START: the held frame");
	encode_frames(e, 1, "Encoding after START");
}

/* STOP with nothing queued on OUTPUT, with and without a CAPTURE buffer. */
static void test_drain_empty(struct enc *e)
{
	drain_out_queue(e);
	queue_all_cap(e);
	report(!enc_cmd(e, V4L2_ENC_CMD_STOP), "Drain, empty OUTPUT queue: STOP");
	expect_empty_last(e, "Drain, empty OUTPUT queue");
	expect_epipe(e, "Drain, empty OUTPUT queue");
	report(eos_event(e), "Drain, empty OUTPUT queue: V4L2_EVENT_EOS is signalled");
	report(!enc_cmd(e, V4L2_ENC_CMD_START), "Drain, empty OUTPUT queue: START resumes");
	encode_frames(e, 1, "Encoding after an empty drain");

	restart_capture(e);
	report(!enc_cmd(e, V4L2_ENC_CMD_STOP), "Drain, no CAPTURE buffer: STOP");
	queue_cap(e, 0);
	expect_empty_last(e, "Drain, no CAPTURE buffer: the next CAPTURE buffer queued");
	report(eos_event(e), "Drain, no CAPTURE buffer: V4L2_EVENT_EOS is signalled");
	enc_cmd(e, V4L2_ENC_CMD_START);
	encode_frames(e, 1, "Encoding after a drain without CAPTURE buffers");
}

static void test_stop_not_streaming(struct enc *e)
{
	int flags;

	stream(e, CAP_TYPE, false);
	report(!enc_cmd(e, V4L2_ENC_CMD_STOP), "STOP with CAPTURE not streaming is accepted");
	stream(e, CAP_TYPE, true);
	queue_all_cap(e);
	drain_out_queue(e);
	queue_out(e);
	flags = expect_frame(e, e->frame - 1, "after a STOP with CAPTURE not streaming");
	report(flags >= 0 && !(flags & V4L2_BUF_FLAG_LAST),
	       "STOP with a queue not streaming started no drain");
}

static void test_reset(struct enc *e, const char *outdir)
{
	char name[512];

	/* Encoding -> Reset -> Encoding; H.264: that stream must decode alone. */
	report(!restart_capture(e), "Encoding -> Reset -> Encoding: STREAMOFF/STREAMON(CAPTURE)");
	if (outdir && e->coded == V4L2_PIX_FMT_H264) {
		snprintf(name, sizeof(name), "%s/after-reset.h264", outdir);
		e->dump = fopen(name, "wb");
	}
	encode_frames(e, 3, "after Reset from Encoding");
	if (e->dump)
		fclose(e->dump);
	e->dump = NULL;

	/* Drain -> Reset: the drain is cancelled, no frame is lost. */
	restart_capture(e);
	drain_out_queue(e);
	queue_out(e);
	enc_cmd(e, V4L2_ENC_CMD_STOP);
	report(!stream(e, CAP_TYPE, false), "Drain -> Reset: STREAMOFF(CAPTURE)");
	report(!stream(e, CAP_TYPE, true), "Reset -> Encoding: STREAMON(CAPTURE)");
	queue_all_cap(e);
	{
		int flags = expect_frame(e, e->frame - 1, "after Reset from Drain: the pending frame");

		report(flags >= 0, "Drain -> Reset: the frame queued before STOP is not lost");
	}
	flush_events(e);

	/* Stopped -> Reset -> Encoding. */
	drain_out_queue(e);
	queue_all_cap(e);
	enc_cmd(e, V4L2_ENC_CMD_STOP);
	expect_empty_last(e, "Stopped before a Reset");
	flush_events(e);
	report(!restart_capture(e), "Stopped -> Reset -> Encoding: STREAMOFF/STREAMON(CAPTURE)");
	encode_frames(e, 1, "after Reset from Stopped");
}

static void test_streamoff_output(struct enc *e)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b;
	int ret;

	/* Encoding -> Stopped -> Encoding through the OUTPUT queue. */
	report(!stream(e, OUT_TYPE, false), "Encoding -> Stopped: STREAMOFF(OUTPUT)");
	report(!stream(e, OUT_TYPE, true), "Stopped -> Encoding: STREAMON(OUTPUT)");
	encode_frames(e, 1, "after STREAMOFF/STREAMON(OUTPUT)");

	/* Drain -> Stopped by STREAMOFF(OUTPUT): the next CAPTURE buffer is LAST. */
	restart_capture(e);
	drain_out_queue(e);
	queue_out(e);
	enc_cmd(e, V4L2_ENC_CMD_STOP);
	report(!stream(e, OUT_TYPE, false), "Drain -> Stopped: STREAMOFF(OUTPUT)");
	queue_cap(e, 0);
	ret = dqbuf(e, CAP_TYPE, &b, planes, FRAME_MS);
	report(!ret && (b.flags & V4L2_BUF_FLAG_LAST) && !planes[0].bytesused,
	       "Drain -> Stopped by STREAMOFF(OUTPUT): the next CAPTURE buffer is an empty LAST");
	expect_epipe(e, "Drain -> Stopped by STREAMOFF(OUTPUT)");
	report(eos_event(e), "Drain -> Stopped by STREAMOFF(OUTPUT): V4L2_EVENT_EOS is signalled");
	report(!stream(e, OUT_TYPE, true), "Stopped -> Encoding: STREAMON(OUTPUT) after a drain");
	encode_frames(e, 1, "after STREAMON(OUTPUT) following a drain");
}

static void test_back_to_initialization(struct enc *e)
{
	struct v4l2_format f;

	stream(e, CAP_TYPE, false);
	stream(e, OUT_TYPE, false);
	report(!reqbufs(e, OUT_TYPE, 0), "Reset -> Initialization: REQBUFS(OUTPUT, 0)");
	reqbufs(e, CAP_TYPE, 0);
	f = e->cap_fmt;
	report(!xioctl(e, VIDIOC_S_FMT, &f), "Initialization again: S_FMT(CAPTURE) allowed");
	report(!start_both(e), "Initialization -> Encoding again: both queues streaming");
	encode_frames(e, 2, "after re-initialisation");
}

static int set_ctrl(struct enc *e, unsigned int id, int value)
{
	struct v4l2_control c = { .id = id, .value = value };

	return xioctl(e, VIDIOC_S_CTRL, &c);
}

/* FORCE_KEY_FRAME makes exactly the next queued frame an IDR picture. */
static void test_force_key(struct enc *e)
{
	int flags[3] = { 0 };
	unsigned int i;

	set_ctrl(e, V4L2_CID_MPEG_VIDEO_GOP_SIZE, 1000);
	encode_frames(e, 2, "before FORCE_KEY_FRAME");
	for (i = 0; i < 3; i++) {
		if (i == 1)
			report(!set_ctrl(e, V4L2_CID_MPEG_VIDEO_FORCE_KEY_FRAME, 1),
			       "FORCE_KEY_FRAME accepted while encoding");
		queue_all_cap(e);
		drain_out_queue(e);
		queue_out(e);
		flags[i] = expect_frame(e, e->frame - 1, "FORCE_KEY_FRAME");
	}
	report(flags[0] >= 0 && (flags[0] & V4L2_BUF_FLAG_PFRAME),
	       "FORCE_KEY_FRAME: the frame before is a P picture");
	report(flags[1] >= 0 && (flags[1] & V4L2_BUF_FLAG_KEYFRAME),
	       "FORCE_KEY_FRAME: the next queued frame is an IDR picture (KEYFRAME)");
	report(flags[2] >= 0 && (flags[2] & V4L2_BUF_FLAG_PFRAME),
	       "FORCE_KEY_FRAME: the frame after is a P picture again");
}

/*
 * Controls clients change while encoding (GStreamer's bitrate and GOP size,
 * Chromium's bitrate and frame rate): accepted, and a new GOP_SIZE takes
 * effect from the next frame queued.
 */
static void test_midstream(struct enc *e)
{
	struct v4l2_streamparm parm = { .type = OUT_TYPE };
	int flags[4] = { 0 };
	unsigned int i, keys = 0;

	set_ctrl(e, V4L2_CID_MPEG_VIDEO_GOP_SIZE, 1000);
	encode_frames(e, 2, "before the mid-stream changes");
	report(!set_ctrl(e, V4L2_CID_MPEG_VIDEO_BITRATE, 500000), "BITRATE changed while encoding");
	report(!set_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_MIN_QP, 20) &&
	       !set_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_MAX_QP, 40),
	       "MIN_QP/MAX_QP changed while encoding");
	parm.parm.output.timeperframe = (struct v4l2_fract){ 1, 25 };
	report(!xioctl(e, VIDIOC_S_PARM, &parm), "S_PARM changed while encoding");
	report(!set_ctrl(e, V4L2_CID_MPEG_VIDEO_GOP_SIZE, 2) &&
	       !set_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_I_PERIOD, 0),
	       "GOP_SIZE changed to 2 while encoding");
	for (i = 0; i < 4; i++) {
		queue_all_cap(e);
		drain_out_queue(e);
		queue_out(e);
		flags[i] = expect_frame(e, e->frame - 1, "after GOP_SIZE 2");
		if (flags[i] >= 0 && (flags[i] & V4L2_BUF_FLAG_KEYFRAME))
			keys++;
	}
	report(keys == 2, "GOP_SIZE 2 applies from the next frame: %u IDR pictures in 4", keys);
	set_ctrl(e, V4L2_CID_MPEG_VIDEO_GOP_SIZE, 1000);
	set_ctrl(e, V4L2_CID_MPEG_VIDEO_BITRATE, 2000000);
}

static int get_ctrl(struct enc *e, unsigned int id)
{
	struct v4l2_control c = { .id = id };

	return xioctl(e, VIDIOC_G_CTRL, &c) ? -1 : c.value;
}

/*
 * A BITRATE the stream's level cannot carry, set while encoding: LEVEL
 * rises to one that can, and the next frame queued starts a new coded
 * video sequence (SPS, PPS, IDR picture) that declares it; the frame after
 * is a P picture again.
 */
static void test_level_midstream(struct enc *e, const char *outdir)
{
	int level, raised, idc, flags[2];
	char name[512];
	unsigned int i;

	stop_both(e);
	set_ctrl(e, V4L2_CID_MPEG_VIDEO_GOP_SIZE, 1000);
	set_ctrl(e, V4L2_CID_MPEG_VIDEO_BITRATE, 64000);
	/* The driver raises it to what the size and frame rate need. */
	set_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_LEVEL, V4L2_MPEG_VIDEO_H264_LEVEL_1_0);
	report(!start_both(e), "LEVEL: both queues streaming at 64 kbit/s");
	e->next_seq = 0;
	/* The whole stream must decode: level-rise.h264, four pictures. */
	if (outdir) {
		snprintf(name, sizeof(name), "%s/level-rise.h264", outdir);
		e->dump = fopen(name, "wb");
	}
	encode_frames(e, 2, "before the bitrate outgrows the level");
	level = get_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_LEVEL);
	idc = e->sps_level;
	report(!set_ctrl(e, V4L2_CID_MPEG_VIDEO_BITRATE, 20000000),
	       "BITRATE 20 Mbit/s accepted while encoding");
	raised = get_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_LEVEL);
	report(raised > level, "... LEVEL rises to carry it (%d -> %d)", level, raised);
	for (i = 0; i < 2; i++) {
		queue_all_cap(e);
		drain_out_queue(e);
		queue_out(e);
		flags[i] = expect_frame(e, e->frame - 1, "after the level rose");
	}
	report(flags[0] >= 0 && (flags[0] & V4L2_BUF_FLAG_KEYFRAME) && e->sps_level > idc,
	       "... the next frame is an IDR picture whose SPS declares it (level_idc %d -> %d)",
	       idc, e->sps_level);
	report(flags[1] >= 0 && (flags[1] & V4L2_BUF_FLAG_PFRAME),
	       "... and the frame after is a P picture again");
	if (e->dump)
		fclose(e->dump);
	e->dump = NULL;

	/*
	 * A frame queued while CAPTURE is off belongs to the next stream,
	 * which starts at the LEVEL set before its STREAMON, lower or not.
	 */
	report(!stream(e, CAP_TYPE, false), "LEVEL: STREAMOFF(CAPTURE)");
	drain_out_queue(e);
	queue_out(e);
	set_ctrl(e, V4L2_CID_MPEG_VIDEO_BITRATE, 64000);
	set_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_LEVEL, V4L2_MPEG_VIDEO_H264_LEVEL_1_0);
	report(get_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_LEVEL) == level,
	       "LEVEL set lower again between the streams (%d)", level);
	report(!stream(e, CAP_TYPE, true), "LEVEL: STREAMON(CAPTURE)");
	e->expect_idr = true;
	queue_all_cap(e);
	flags[0] = expect_frame(e, e->frame - 1, "the frame queued while CAPTURE was off");
	report(flags[0] >= 0 && e->sps_level == idc,
	       "... starts the stream at that level (level_idc %d, want %d)", e->sps_level, idc);
	stop_both(e);
	set_ctrl(e, V4L2_CID_MPEG_VIDEO_BITRATE, 2000000);
	start_both(e);
	e->next_seq = 0;
}

/*
 * HEADER_MODE: SEPARATE is refused (a header-only buffer would share the
 * first picture's timestamp, which GStreamer and FFmpeg mishandle), so the
 * first CAPTURE buffer of a stream holds SPS, PPS and the IDR picture.
 */
static void test_header_mode(struct enc *e)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b;
	unsigned int types, want = (1u << 5) | (1u << 7) | (1u << 8);
	int ret;

	stop_both(e);
	report(set_ctrl(e, V4L2_CID_MPEG_VIDEO_HEADER_MODE,
			V4L2_MPEG_VIDEO_HEADER_MODE_SEPARATE) == -EINVAL,
	       "HEADER_MODE_SEPARATE is refused (EINVAL)");
	report(!set_ctrl(e, V4L2_CID_MPEG_VIDEO_HEADER_MODE,
			 V4L2_MPEG_VIDEO_HEADER_MODE_JOINED_WITH_1ST_FRAME),
	       "HEADER_MODE_JOINED_WITH_1ST_FRAME accepted");
	report(start_both(e) == 0, "HEADER_MODE: both queues streaming");
	e->next_seq = 0;
	e->expect_idr = false;
	queue_all_cap(e);
	drain_out_queue(e);
	queue_out(e);
	ret = dqbuf(e, CAP_TYPE, &b, planes, FRAME_MS);
	types = ret ? 0 : nal_types(e->cap[b.index].mem[0], planes[0].bytesused);
	report(!ret && types == want && (b.flags & V4L2_BUF_FLAG_KEYFRAME) &&
	       !(b.flags & V4L2_BUF_FLAG_ERROR),
	       "HEADER_MODE: the first buffer holds SPS, PPS and the IDR picture (%s, NAL types %#x)",
	       strerror(-ret), types);
	if (!ret)
		e->next_seq = b.sequence + 1;
	stop_both(e);
	start_both(e);
}

/*
 * ENTROPY_MODE CABAC: Main and High profile streams are coded in CABAC
 * (the PPS says so), Baseline ones stay CAVLC; the control is locked while
 * streaming. The High stream also asks for 8x8 transforms. Each stream is
 * written to OUTDIR/entropy-<profile>.h264.
 */
static void test_entropy(struct enc *e, const char *outdir)
{
	static const struct {
		int profile;
		int cabac;
		const char *name;
	} cases[] = {
		{ V4L2_MPEG_VIDEO_H264_PROFILE_MAIN, 1, "main" },
		{ V4L2_MPEG_VIDEO_H264_PROFILE_HIGH, 1, "high" },
		{ V4L2_MPEG_VIDEO_H264_PROFILE_CONSTRAINED_BASELINE, 0, "constrained-baseline" },
	};
	char name[512];
	unsigned int i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		stop_both(e);
		report(!set_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_PROFILE, cases[i].profile) &&
		       !set_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_ENTROPY_MODE,
				 V4L2_MPEG_VIDEO_H264_ENTROPY_MODE_CABAC) &&
		       !set_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_8X8_TRANSFORM,
				 cases[i].profile == V4L2_MPEG_VIDEO_H264_PROFILE_HIGH),
		       "ENTROPY_MODE CABAC with the %s profile set before streaming",
		       cases[i].name);
		report(start_both(e) == 0, "ENTROPY_MODE CABAC, %s: both queues streaming",
		       cases[i].name);
		if (!i)
			report(set_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_ENTROPY_MODE,
					V4L2_MPEG_VIDEO_H264_ENTROPY_MODE_CAVLC) == -EBUSY,
			       "ENTROPY_MODE is locked while streaming (EBUSY)");
		e->next_seq = 0;
		e->pps_cabac = -1;
		if (outdir) {
			snprintf(name, sizeof(name), "%s/entropy-%s.h264", outdir, cases[i].name);
			e->dump = fopen(name, "wb");
		}
		encode_frames(e, 5, "ENTROPY_MODE CABAC");
		if (e->dump)
			fclose(e->dump);
		e->dump = NULL;
		report(e->pps_cabac == cases[i].cabac,
		       "ENTROPY_MODE CABAC, %s profile: the PPS says %s (entropy_coding_mode_flag %d)",
		       cases[i].name, cases[i].cabac ? "CABAC" : "CAVLC", e->pps_cabac);
	}
	stop_both(e);
	set_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_8X8_TRANSFORM, 0);
	set_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_ENTROPY_MODE, V4L2_MPEG_VIDEO_H264_ENTROPY_MODE_CAVLC);
	set_ctrl(e, V4L2_CID_MPEG_VIDEO_H264_PROFILE,
		 V4L2_MPEG_VIDEO_H264_PROFILE_CONSTRAINED_BASELINE);
	start_both(e);
}

static void *blocking_dqbuf(void *arg)
{
	struct enc *e = arg;
	struct v4l2_plane planes[VIDEO_MAX_PLANES] = { 0 };
	struct v4l2_buffer b = {
		.type = CAP_TYPE, .memory = V4L2_MEMORY_MMAP, .m.planes = planes,
		.length = VIDEO_MAX_PLANES,
	};

	return (void *)(long)xioctl(e, VIDIOC_DQBUF, &b);
}

static void streamoff_hung(int sig)
{
	(void)sig;
	printf("FAIL: a blocking DQBUF does not block STREAMOFF from another thread (hung)\n");
	_exit(1);
}

/* A DQBUF sleeping in one thread must not hold up STREAMOFF in another. */
static void test_streamoff_unblocks_dqbuf(struct enc *e)
{
	int flags = fcntl(e->fd, F_GETFL);
	pthread_t t;
	void *ret;

	restart_capture(e);
	drain_out_queue(e);
	queue_all_cap(e);
	fcntl(e->fd, F_SETFL, flags & ~O_NONBLOCK);
	if (pthread_create(&t, NULL, blocking_dqbuf, e)) {
		report(false, "blocking DQBUF: start a thread");
		fcntl(e->fd, F_SETFL, flags);
		return;
	}
	usleep(300 * 1000);
	signal(SIGALRM, streamoff_hung);
	alarm(10);
	report(!stream(e, CAP_TYPE, false), "STREAMOFF(CAPTURE) while another thread blocks in DQBUF");
	pthread_join(t, &ret);
	alarm(0);
	report((long)ret != 0, "the blocked DQBUF returns an error after STREAMOFF");
	fcntl(e->fd, F_SETFL, flags);
	stream(e, CAP_TYPE, true);
	encode_frames(e, 1, "after STREAMOFF released a blocked DQBUF");
}

static void test_faults(struct enc *e, const char *fault_file)
{
	static const char * const names[] = { NULL, "buffer full", "bus error", "lost interrupt",
					      "frame stalls past the watchdog" };
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b;
	unsigned int code;
	FILE *f;
	int ret;

	for (code = 1; code <= 4; code++) {
		f = fopen(fault_file, "w");
		if (!f) {
			report(false, "fault %s: open %s", names[code], fault_file);
			return;
		}
		fprintf(f, "%u\n", code);
		fclose(f);
		queue_all_cap(e);
		drain_out_queue(e);
		queue_out(e);
		/* A lost interrupt or a stall is caught by the driver's watchdog. */
		ret = dqbuf(e, CAP_TYPE, &b, planes, 2 * FRAME_MS);
		report(!ret && (b.flags & V4L2_BUF_FLAG_ERROR),
		       "fault %s: the CAPTURE buffer comes back with ERROR", names[code]);
		if (!ret)
			e->next_seq = b.sequence + 1;
		encode_frames(e, 1, names[code]);
	}
}

/*
 * A camera's frames imported as DMABUFs of exactly their size (libcamera,
 * picamera2: length = bytesused = stride * height * 3 / 2) at a height the
 * hardware does not read whole (1080 of 1088 lines): QBUF accepts them and
 * every frame encodes. The exporter is a capture node (vivid).
 */
/*
 * A flat NV12 frame in the DMABUF @fd: luma 0x50, Cb 0x30, Cr 0xd0, so that
 * a decoder tells chroma read from the right place from chroma read from
 * luma.
 */
static void fill_nv12(int fd, unsigned int size, unsigned int luma)
{
	unsigned char *m = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	unsigned int i;

	if (m == MAP_FAILED)
		return;
	memset(m, 0x50, luma);
	for (i = luma; i + 1 < size; i += 2) {
		m[i] = 0x30;
		m[i + 1] = 0xd0;
	}
	munmap(m, size);
}

static void test_dmabuf_import(struct enc *e, const char *exporter, unsigned int w,
			       unsigned int h, bool split, const char *outdir)
{
	unsigned int xtype = V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE, i, frames = 3, ok = 0;
	struct v4l2_format xf = { .type = xtype }, of = { .type = OUT_TYPE };
	struct v4l2_requestbuffers rb = { .count = 2, .type = xtype, .memory = V4L2_MEMORY_MMAP };
	int x = open(exporter, O_RDWR | O_NONBLOCK), fds[2] = { -1, -1 }, ret;
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b;
	unsigned int size = 0, luma = 0, bpl;
	FILE *dump = NULL;
	char name[512];

	report(x >= 0, "DMABUF import: open the exporter %s", exporter);
	if (x < 0)
		return;
	xf.fmt.pix_mp.width = w;
	xf.fmt.pix_mp.height = h;
	xf.fmt.pix_mp.pixelformat = V4L2_PIX_FMT_NV12;
	xf.fmt.pix_mp.num_planes = 1;
	ret = ioctl(x, VIDIOC_S_FMT, &xf) || ioctl(x, VIDIOC_REQBUFS, &rb);
	for (i = 0; !ret && i < 2; i++) {
		struct v4l2_exportbuffer eb = { .type = xtype, .index = i, .flags = O_RDWR };

		ret = ioctl(x, VIDIOC_EXPBUF, &eb);
		fds[i] = eb.fd;
	}
	size = xf.fmt.pix_mp.plane_fmt[0].sizeimage;
	report(!ret && xf.fmt.pix_mp.height == h && size == w * h * 3 / 2,
	       "DMABUF import: exporter gives %ux%u NV12 buffers of exactly %u bytes",
	       xf.fmt.pix_mp.width, xf.fmt.pix_mp.height, size);
	if (ret)
		goto out;

	bpl = xf.fmt.pix_mp.plane_fmt[0].bytesperline;
	luma = bpl * h;
	for (i = 0; i < 2; i++)
		fill_nv12(fds[i], size, luma);

	stop_both(e);
	of.fmt.pix_mp = (struct v4l2_pix_format_mplane){
		.width = w, .height = h, .num_planes = split ? 2 : 1,
		.pixelformat = split ? V4L2_PIX_FMT_NV12M : V4L2_PIX_FMT_NV12,
	};
	of.fmt.pix_mp.plane_fmt[0].bytesperline = bpl;
	of.fmt.pix_mp.plane_fmt[1].bytesperline = bpl;
	ret = xioctl(e, VIDIOC_S_FMT, &of);
	report(!ret && of.fmt.pix_mp.height == h && of.fmt.pix_mp.num_planes == (split ? 2 : 1) &&
	       of.fmt.pix_mp.plane_fmt[0].bytesperline == bpl &&
	       of.fmt.pix_mp.plane_fmt[0].sizeimage <= (split ? luma : size),
	       "DMABUF import: OUTPUT keeps %ux%u, %u plane(s) and the camera's stride (sizeimage %u)",
	       of.fmt.pix_mp.width, of.fmt.pix_mp.height, of.fmt.pix_mp.num_planes,
	       of.fmt.pix_mp.plane_fmt[0].sizeimage);
	if (outdir) {
		snprintf(name, sizeof(name), "%s/dmabuf-import.h264", outdir);
		dump = fopen(name, "wb");
	}
	e->out_fmt = of;
	rb = (struct v4l2_requestbuffers){ .count = 2, .type = OUT_TYPE,
					   .memory = V4L2_MEMORY_DMABUF };
	ret = xioctl(e, VIDIOC_REQBUFS, &rb) || reqbufs(e, CAP_TYPE, NBUF) ||
	      stream(e, OUT_TYPE, true) || stream(e, CAP_TYPE, true);
	report(!ret, "DMABUF import: DMABUF OUTPUT queue streaming");
	if (ret)
		goto out;
	queue_all_cap(e);
	for (i = 0; i < frames; i++) {
		if (i >= 2) {
			b = (struct v4l2_buffer){ .type = OUT_TYPE, .memory = V4L2_MEMORY_DMABUF,
						  .m.planes = planes, .length = 2 };
			if (dqbuf(e, OUT_TYPE, &b, planes, FRAME_MS))
				break;
		}
		/*
		 * Split: the one DMABUF twice, chroma at its offset, as
		 * libcamera's GStreamer source hands a frame's planes.
		 */
		memset(planes, 0, sizeof(planes));
		planes[0].m.fd = fds[i % 2];
		planes[0].length = size;
		planes[0].bytesused = split ? luma : size;
		planes[1].m.fd = fds[i % 2];
		planes[1].length = size;
		planes[1].bytesused = size;
		planes[1].data_offset = luma;
		b = (struct v4l2_buffer){ .type = OUT_TYPE, .memory = V4L2_MEMORY_DMABUF,
					  .index = i % 2, .m.planes = planes,
					  .length = split ? 2 : 1 };
		ret = xioctl(e, VIDIOC_QBUF, &b);
		report(!ret, "DMABUF import: QBUF of an exact-size %u-byte DMABUF%s (%s)", size,
		       split ? ", chroma at its offset" : "", strerror(-ret));
		if (ret)
			break;
		ret = dqbuf(e, CAP_TYPE, &b, planes, FRAME_MS);
		if (!ret && !(b.flags & V4L2_BUF_FLAG_ERROR) && planes[0].bytesused) {
			ok++;
			if (dump)
				fwrite(e->cap[b.index].mem[0], 1, planes[0].bytesused, dump);
		}
		if (!ret)
			xioctl(e, VIDIOC_QBUF, &b);
	}
	report(ok == frames, "DMABUF import: %u of %u frames encoded without ERROR", ok, frames);
	stop_both(e);
out:
	if (dump)
		fclose(dump);
	for (i = 0; i < 2; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	close(x);
}

/* One of several concurrent encoders: n frames, each checked. */
static int run_job(const char *path, u_int32_t raw, unsigned int w, unsigned int h,
		   unsigned int n, const char *outdir, unsigned int id)
{
	struct enc e = { .path = path };
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b;
	unsigned int done = 0, bad = 0;
	char name[512];
	FILE *f = NULL;

	e.fd = open(path, O_RDWR | O_NONBLOCK);
	if (e.fd < 0 || setup(&e, raw, w, h) || start_both(&e))
		return 1;
	if (outdir) {
		snprintf(name, sizeof(name), "%s/job-%u.bin", outdir, id);
		f = fopen(name, "wb");
	}
	while (done < n) {
		queue_all_cap(&e);
		drain_out_queue(&e);
		while (e.frame < n && !queue_out(&e))
			;
		if (dqbuf(&e, CAP_TYPE, &b, planes, 4 * FRAME_MS)) {
			bad++;
			break;
		}
		if (!coded_ok(&e, &b) || (b.flags & V4L2_BUF_FLAG_ERROR) ||
		    b.timestamp.tv_sec != 1000 + done || b.sequence != done)
			bad++;
		if (f)
			fwrite(e.cap[b.index].mem[0], 1, planes[0].bytesused, f);
		done++;
	}
	if (f)
		fclose(f);
	stop_both(&e);
	close(e.fd);
	printf("%s: job %u encoded %u of %u frames, %u bad\n", bad || done < n ? "FAIL" : "PASS",
	       id, done, n, bad);
	return bad || done < n;
}

static int run_concurrent(const char *path, u_int32_t raw, unsigned int w, unsigned int h,
			  unsigned int jobs, unsigned int n, const char *outdir)
{
	unsigned int i, ok = 0;
	int status;

	for (i = 0; i < jobs; i++) {
		if (fork() == 0)
			_exit(run_job(path, raw, w, h, n, outdir, i));
	}
	for (i = 0; i < jobs; i++)
		if (wait(&status) > 0 && WIFEXITED(status) && !WEXITSTATUS(status))
			ok++;
	printf("%u passed, %u failed\n", ok, jobs - ok);
	return ok == jobs ? 0 : 1;
}

static u_int32_t fourcc(const char *s)
{
	return (u_int32_t)s[0] | (u_int32_t)s[1] << 8 | (u_int32_t)s[2] << 16 |
	       (u_int32_t)s[3] << 24;
}

int main(int argc, char **argv)
{
	struct enc e = { .path = "/dev/video0" };
	struct v4l2_event_subscription sub = { .type = V4L2_EVENT_EOS };
	unsigned int w = 640, h = 480, jobs = 0, frames = 100;
	const char *fault_file = NULL, *outdir = NULL, *exporter = NULL;
	u_int32_t raw = 0;
	bool split = false;
	int opt;

	while ((opt = getopt(argc, argv, "c:d:e:Ef:s:F:j:n:o:")) != -1) {
		switch (opt) {
		case 'c':
			if (strlen(optarg) != 4)
				return 2;
			e.want_coded = fourcc(optarg);
			break;
		case 'd':
			e.path = optarg;
			break;
		case 'f':
			if (strlen(optarg) != 4)
				return 2;
			raw = fourcc(optarg);
			break;
		case 's':
			if (sscanf(optarg, "%ux%u", &w, &h) != 2)
				return 2;
			break;
		case 'F':
			fault_file = optarg;
			break;
		case 'e':
			exporter = optarg;
			break;
		case 'E':
			split = true;
			break;
		case 'j':
			jobs = atoi(optarg);
			break;
		case 'n':
			frames = atoi(optarg);
			break;
		case 'o':
			outdir = optarg;
			break;
		default:
			fprintf(stderr, "usage: %s [-d node] [-c CODEDFOURCC] [-f RAWFOURCC] [-s WxH] [-F faultfile]\n"
				"       %s -e exporter [-E] -s WxH [-o dir] [-d node]\n"
				"       %s -j jobs -n frames [-o dir] [-d node] [-f RAWFOURCC] [-s WxH]\n",
				argv[0], argv[0], argv[0]);
			return 2;
		}
	}
	if (jobs)
		return run_concurrent(e.path, raw, w, h, jobs, frames, outdir);
	e.fd = open(e.path, O_RDWR | O_NONBLOCK);
	if (e.fd < 0) {
		perror(e.path);
		return 2;
	}
	if (exporter) {
		test_dmabuf_import(&e, exporter, w, h, split, outdir);
		close(e.fd);
		printf("%u passed, %u failed\n", passed, failed);
		return failed ? 1 : 0;
	}
	printf("Stateful encoder state machine on %s\n", e.path);

	test_initialization(&e, raw, w, h);
	report(!xioctl(&e, VIDIOC_SUBSCRIBE_EVENT, &sub), "Initialization: subscribe to V4L2_EVENT_EOS");
	report(!start_both(&e), "Initialization -> Encoding: both queues streaming");
	encode_frames(&e, 3, "Encoding");
	test_drain(&e);
	test_drain_empty(&e);
	test_stop_not_streaming(&e);
	test_reset(&e, outdir);
	test_streamoff_output(&e);
	test_streamoff_unblocks_dqbuf(&e);
	test_back_to_initialization(&e);
	if (e.coded != V4L2_PIX_FMT_JPEG)
		test_force_key(&e);
	if (e.coded == V4L2_PIX_FMT_H264) {
		test_midstream(&e);
		test_level_midstream(&e, outdir);
		test_header_mode(&e);
		test_entropy(&e, outdir);
	}
	if (fault_file)
		test_faults(&e, fault_file);
	stop_both(&e);
	close(e.fd);

	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
