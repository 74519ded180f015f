// SPDX-License-Identifier: GPL-2.0
/*
 * hantro-enc-fuzz: throw random but plausible ioctl sequences at a V4L2
 * multi-planar memory-to-memory stateful encoder node, then check that the
 * node still encodes.
 *
 *   hantro-enc-fuzz -d /dev/videoN [-s SEED] [-t SECONDS] [-n MAX_ITERATIONS]
 *                   [-e EXPORTER_NODE] [-v]
 *
 * Each iteration runs one action from a weighted menu on one of 1-3 file
 * handles, which are opened and closed at any point: formats with edge sizes
 * and garbage fields, buffer allocation, queueing with wrong indices, types,
 * memory, plane counts, lengths and DMABUF fds, mmap and writes into the
 * mappings, streaming on and off, encoder commands, selection, frame
 * intervals, controls, events, enumeration, and now and then a second thread
 * sleeping in poll() or DQBUF while the main thread streams off or closes.
 * -e names a capture node (vivid, say) whose exported buffers are queued on
 * OUTPUT as foreign DMABUFs. The run stops after -t seconds (60 when neither
 * -t nor -n is given) or -n iterations, whichever comes first.
 *
 * The seed is printed first and each iteration draws from a stream derived
 * from it, so -s replays a run with the same binary. ioctl errors are
 * expected and only counted; -v prints them per ioctl. Afterwards a fresh
 * handle must encode 3 frames of gray ("sanity: node still encodes: PASS").
 * The last line is "fuzz: seed S, N file opens, M ioctls, K seconds". The
 * exit status is 1 when a call did not come back in time ("hang: ...") or
 * the sanity check failed, 2 on usage errors, 0 otherwise. Depends on libc
 * and the kernel's uAPI headers only.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <linux/videodev2.h>

#define OUT_TYPE	V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE
#define CAP_TYPE	V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE
#define MAX_FH		3
#define MAX_FMTS	32
#define MAX_CTRLS	128
#define MAX_MAPS	32
/* Mapped and exported buffers stay allocated; bound what a run pins. */
#define MAX_MAPPED	((size_t)256 << 20)
#define MAX_DMABUFS	8
#define MAX_FOREIGN	16
#define USERPTR_LEN	(1u << 20)
/*
 * Longest an iteration may take: the helper thread's 1 s + 5 s, or a close
 * that waits for a large frame, which the driver's watchdog ends after at
 * most 2 s + 1 ms per two macroblocks (133 s at 8176x8176).
 */
#define HANG_S		180
/* How long a second thread may stay in DQBUF after STREAMOFF or close. */
#define HELPER_S	5
#define SANITY_S	30
#define SANITY_FRAMES	3
#define SANITY_BUFS	8
#define GRAY_Y		128
#define GRAY_C		128
#define NERR		134

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define PICK(a)		((a)[below(ARRAY_SIZE(a))])

#ifdef VIDIOC_REMOVE_BUFS
#define MAYBE_REMOVE_BUFS(X) X(REMOVE_BUFS)
#else
#define MAYBE_REMOVE_BUFS(X)
#endif

#define IOCTLS(X) \
	X(QUERYCAP) X(ENUM_FMT) X(G_FMT) X(S_FMT) X(TRY_FMT) X(REQBUFS) X(CREATE_BUFS) \
	X(QUERYBUF) X(QBUF) X(PREPARE_BUF) X(DQBUF) X(EXPBUF) X(STREAMON) X(STREAMOFF) \
	X(ENCODER_CMD) X(TRY_ENCODER_CMD) X(G_SELECTION) X(S_SELECTION) X(G_PARM) \
	X(S_PARM) X(QUERYCTRL) X(G_CTRL) X(S_CTRL) X(G_EXT_CTRLS) X(S_EXT_CTRLS) \
	X(TRY_EXT_CTRLS) X(SUBSCRIBE_EVENT) X(UNSUBSCRIBE_EVENT) X(DQEVENT) \
	X(ENUM_FRAMESIZES) X(ENUM_FRAMEINTERVALS) MAYBE_REMOVE_BUFS(X)

#define IOC_ENUM(n)	IOC_##n,
#define IOC_NAME(n)	#n,
#define IOC_REQ(n)	VIDIOC_##n,
enum { IOCTLS(IOC_ENUM) N_IOC };
static const char * const ioc_names[] = { IOCTLS(IOC_NAME) };
static const unsigned long ioc_reqs[] = { IOCTLS(IOC_REQ) };
#define IOC(fd, name, arg)	xioctl(fd, IOC_##name, arg)

struct fh {
	int fd;
	bool blocking;
	/* Per queue, 0 OUTPUT and 1 CAPTURE: what the driver last said. */
	unsigned int planes[2], nbufs[2], memory[2];
};

struct ctrl {
	uint32_t id, type;
	int32_t min, max, def;
};

struct map {
	void *p;
	size_t len;
	bool writable;
};

struct helper {
	int fd;
	uint32_t type;
	int poll_ms;	/* >= 0: poll first and dequeue only what is ready */
};

static const char *node;
static unsigned long long seed;
static unsigned long iteration, n_opens, n_ioctls;
static struct { unsigned long calls, err[NERR]; } stats[N_IOC];

static struct fh fhs[MAX_FH];
static unsigned int n_fh;
static uint32_t fmts[2][MAX_FMTS];
static unsigned int n_fmts[2];
static struct ctrl ctrls[MAX_CTRLS];
static unsigned int n_ctrls;
static struct map maps[MAX_MAPS];
static unsigned int n_maps;
static size_t mapped;
static int dmabufs[MAX_DMABUFS], foreign[MAX_FOREIGN];
static unsigned int n_dmabufs, n_foreign;
static int pipe_fds[2] = { -1, -1 }, memfd = -1, exporter_fd = -1;
static unsigned char *userptr_mem;

/* What the main thread is in, for the watchdog's report. */
static const char *volatile cur_op = "start";
static __thread bool is_helper;
static long watch_deadline;	/* CLOCK_MONOTONIC ms, 0 when off */

static uint64_t rng;

static uint64_t rnd64(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1dULL;
}

static uint32_t rnd32(void)
{
	return rnd64() >> 32;
}

static uint32_t below(uint32_t n)
{
	return (uint32_t)(((uint64_t)rnd32() * n) >> 32);
}

static bool chance(unsigned int pct)
{
	return below(100) < pct;
}

/*
 * Each iteration draws from its own stream, so a replay stays in step even
 * where the driver answers differently (timing, memory pressure).
 */
static void reseed(uint64_t n)
{
	uint64_t z = seed + (n + 1) * 0x9e3779b97f4a7c15ULL;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	rng = z ? z : 1;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

static void arm_watchdog(int seconds)
{
	__atomic_store_n(&watch_deadline, seconds ? now_ms() + seconds * 1000L : 0,
			 __ATOMIC_RELAXED);
}

/*
 * A thread rather than alarm(): a driver stuck in an uninterruptible sleep
 * never lets a signal handler run, but this still gets to report it.
 */
static void *watchdog_main(void *arg)
{
	char msg[200];
	long d;
	int n;

	(void)arg;
	for (;;) {
		usleep(100 * 1000);
		d = __atomic_load_n(&watch_deadline, __ATOMIC_RELAXED);
		if (!d || now_ms() < d)
			continue;
		n = snprintf(msg, sizeof(msg), "hang: %s did not return "
			     "(seed %llu, iteration %lu)\n", cur_op, seed, iteration);
		if (write(STDOUT_FILENO, msg, n) < 0)
			_exit(1);
		_exit(1);
	}
	return NULL;
}

/* Every ioctl goes through here to be counted; returns 0 or -errno. */
static int xioctl(int fd, unsigned int id, void *arg)
{
	int ret;

	if (!is_helper)
		cur_op = ioc_names[id];
	do {
		ret = ioctl(fd, ioc_reqs[id], arg);
	} while (ret < 0 && errno == EINTR);
	ret = ret < 0 ? errno : 0;
	__atomic_add_fetch(&n_ioctls, 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&stats[id].calls, 1, __ATOMIC_RELAXED);
	if (ret)
		__atomic_add_fetch(&stats[id].err[ret < NERR ? ret : 0], 1, __ATOMIC_RELAXED);
	return -ret;
}

static short poll_fd(int fd, short events, int ms)
{
	struct pollfd pfd = { .fd = fd, .events = events };

	if (!is_helper)
		cur_op = "poll";
	return poll(&pfd, 1, ms) > 0 ? pfd.revents : 0;
}

static uint32_t qtype(unsigned int q)
{
	return q ? CAP_TYPE : OUT_TYPE;
}

/* QUERYBUF and DQBUF done right, for whatever builds on their answer. */
static int buf_ioctl(int fd, unsigned int id, uint32_t type, uint32_t memory, unsigned int i,
		     struct v4l2_buffer *b, struct v4l2_plane *planes)
{
	memset(planes, 0, sizeof(*planes) * VIDEO_MAX_PLANES);
	*b = (struct v4l2_buffer){ .type = type, .memory = memory, .index = i };
	if (V4L2_TYPE_IS_MULTIPLANAR(type)) {
		b->m.planes = planes;
		b->length = VIDEO_MAX_PLANES;
	}
	return xioctl(fd, id, b);
}

/* Random values: mostly what a sane client would pass, sometimes the edges. */

static uint32_t pick_dim(void)
{
	static const uint32_t dims[] = {
		0, 1, 2, 15, 16, 17, 95, 96, 97, 562, 1000, 1080, 1920, 4096, 8176, 8192,
		65535, 0xffffffff,
	};

	return chance(85) ? PICK(dims) : below(10000);
}

static uint32_t pick_bytes(uint32_t real)
{
	static const uint32_t edge[] = {
		0, 1, 4095, 4096, 0x7fffffff, 0x80000000, 0xfffff000, 0xffffffff,
	};
	unsigned int r = below(10);

	if (r < 4 && real)
		return real;
	if (r < 5 && real)
		return chance(50) ? real + 1 : real - 1;
	return r < 8 ? PICK(edge) : below(16 << 20);
}

static uint32_t pick_enum(uint32_t last_valid)
{
	if (chance(85))
		return below(last_valid + 1);
	return chance(50) ? last_valid + 1 + below(4) : rnd32();
}

static uint32_t pick_fourcc(unsigned int q)
{
	static const uint32_t junk[] = {
		0, 0xffffffff, v4l2_fourcc('X', 'X', 'X', 'X'), V4L2_PIX_FMT_MJPEG,
		V4L2_PIX_FMT_VP8, V4L2_PIX_FMT_NV12M, V4L2_PIX_FMT_RGB24,
	};
	unsigned int r = below(10);

	if (r < 7 && n_fmts[q])
		return fmts[q][below(n_fmts[q])];
	if (r < 8 && n_fmts[!q])
		return fmts[!q][below(n_fmts[!q])];
	return chance(50) ? PICK(junk) : rnd32();
}

static uint32_t pick_type(unsigned int q)
{
	static const uint32_t junk[] = {
		0, V4L2_BUF_TYPE_VIDEO_CAPTURE, V4L2_BUF_TYPE_VIDEO_OUTPUT,
		V4L2_BUF_TYPE_META_CAPTURE, 0x80, 0xffffffff,
	};

	if (chance(85))
		return qtype(q);
	return chance(40) ? qtype(!q) : PICK(junk);
}

static uint32_t pick_memory(const struct fh *h, unsigned int q)
{
	static const uint32_t all[] = {
		0, V4L2_MEMORY_MMAP, V4L2_MEMORY_USERPTR, V4L2_MEMORY_OVERLAY,
		V4L2_MEMORY_DMABUF, 5, 0xffffffff,
	};

	return chance(75) ? h->memory[q] : PICK(all);
}

static uint32_t pick_alloc_memory(void)
{
	static const uint32_t all[] = {
		V4L2_MEMORY_MMAP, V4L2_MEMORY_MMAP, V4L2_MEMORY_MMAP, V4L2_MEMORY_MMAP,
		V4L2_MEMORY_MMAP, V4L2_MEMORY_MMAP, V4L2_MEMORY_DMABUF, V4L2_MEMORY_DMABUF,
		V4L2_MEMORY_USERPTR, 0, V4L2_MEMORY_OVERLAY, 0xffffffff,
	};

	return PICK(all);
}

static uint32_t pick_index(unsigned int n)
{
	static const uint32_t junk[] = { 32, 64, 1000, 0x7fffffff, 0xffffffff };

	if (chance(80))
		return below(n ? n : 1);
	return chance(30) ? n : PICK(junk);
}

static uint32_t pick_count(void)
{
	static const uint32_t counts[] = { 0, 1, 2, 4, 32, 64, 1000 };

	return PICK(counts);
}

static int pick_real_dmabuf(void)
{
	if (n_foreign && (chance(50) || !n_dmabufs))
		return foreign[below(n_foreign)];
	return n_dmabufs ? dmabufs[below(n_dmabufs)] : -1;
}

static int pick_dmabuf_fd(void)
{
	int fd, junk[] = { -1, 0, pipe_fds[0], memfd };

	if (chance(40))
		return PICK(junk);
	if (chance(15)) {
		/* The lowest free number, so nothing else holds it right now. */
		fd = dup(pipe_fds[0]);
		close(fd);
		return fd;
	}
	return pick_real_dmabuf();
}

/* File handles */

static void close_fh(struct fh *h)
{
	cur_op = "close";
	close(h->fd);
	*h = fhs[--n_fh];
}

static struct fh *open_fh(bool blocking)
{
	int fd;

	if (n_fh == MAX_FH)
		close_fh(&fhs[below(n_fh)]);
	cur_op = "open";
	fd = open(node, O_RDWR | (blocking ? 0 : O_NONBLOCK));
	if (fd < 0)
		return NULL;
	n_opens++;
	fhs[n_fh] = (struct fh){
		.fd = fd, .blocking = blocking, .planes = { 1, 1 },
		.memory = { V4L2_MEMORY_MMAP, V4L2_MEMORY_MMAP },
	};
	return &fhs[n_fh++];
}

static void act_open(struct fh *h)
{
	(void)h;
	open_fh(chance(15));
}

static void act_close(struct fh *h)
{
	close_fh(h);
	if (!n_fh || chance(50))
		open_fh(chance(15));
}

/* Formats */

static void note_fmt(struct fh *h, const struct v4l2_format *f)
{
	if ((f->type == OUT_TYPE || f->type == CAP_TYPE) &&
	    f->fmt.pix_mp.num_planes <= VIDEO_MAX_PLANES)
		h->planes[f->type == CAP_TYPE] = f->fmt.pix_mp.num_planes;
}

static void random_fmt(const struct fh *h, unsigned int q, struct v4l2_format *f)
{
	struct v4l2_pix_format_mplane *mp = &f->fmt.pix_mp;
	unsigned int p;

	memset(f, 0, sizeof(*f));
	f->type = pick_type(q);
	mp->pixelformat = pick_fourcc(q);
	mp->width = pick_dim();
	mp->height = pick_dim();
	if (chance(15)) {
		mp->width = chance(50) ? 1000 : 1920;
		mp->height = mp->width == 1000 ? 562 : 1080;
	}
	mp->num_planes = chance(70) ? h->planes[q] : below(VIDEO_MAX_PLANES + 2);
	for (p = 0; p < VIDEO_MAX_PLANES; p++) {
		if (chance(50))
			continue;
		mp->plane_fmt[p].bytesperline = pick_bytes(0);
		mp->plane_fmt[p].sizeimage = pick_bytes(0);
	}
	mp->field = chance(60) ? V4L2_FIELD_NONE : pick_enum(V4L2_FIELD_INTERLACED_BT);
	mp->colorspace = pick_enum(V4L2_COLORSPACE_DCI_P3);
	mp->ycbcr_enc = pick_enum(V4L2_YCBCR_ENC_SMPTE240M);
	mp->quantization = pick_enum(V4L2_QUANTIZATION_LIM_RANGE);
	mp->xfer_func = pick_enum(V4L2_XFER_FUNC_SMPTE2084);
	mp->flags = chance(80) ? 0 : rnd32();
}

static void act_fmt(struct fh *h)
{
	unsigned int q = below(2), op = below(10);
	struct v4l2_format f = { .type = pick_type(q) };

	if (op < 2) {
		if (!IOC(h->fd, G_FMT, &f))
			note_fmt(h, &f);
		return;
	}
	random_fmt(h, q, &f);
	if (op < 5)
		IOC(h->fd, TRY_FMT, &f);
	else if (!IOC(h->fd, S_FMT, &f))
		note_fmt(h, &f);
}

/* Buffers */

static void reqbufs(struct fh *h, uint32_t type, uint32_t memory, uint32_t count, uint8_t flags)
{
	struct v4l2_requestbuffers rb = {
		.count = count, .type = type, .memory = memory, .flags = flags,
	};

	if (!IOC(h->fd, REQBUFS, &rb) && (type == OUT_TYPE || type == CAP_TYPE)) {
		h->nbufs[type == CAP_TYPE] = rb.count;
		h->memory[type == CAP_TYPE] = memory;
	}
}

static void act_reqbufs(struct fh *h)
{
	uint32_t type = pick_type(below(2)), memory = pick_alloc_memory(), count = pick_count();
	uint8_t flags = chance(90) ? 0 : chance(50) ? V4L2_MEMORY_FLAG_NON_COHERENT : rnd32();

	reqbufs(h, type, memory, count, flags);
}

static void act_create_bufs(struct fh *h)
{
	static const uint32_t sizes[] = { 0, 1, 4096, 0x7fffffff, 0x80000000, 0xffffffff };
	unsigned int q = below(2), p;
	struct v4l2_create_buffers cb = {
		.count = pick_count(), .memory = pick_alloc_memory(), .format.type = qtype(q),
	};

	if (chance(60)) {
		IOC(h->fd, G_FMT, &cb.format);
		for (p = 0; p < VIDEO_MAX_PLANES; p++)
			if (chance(60))
				cb.format.fmt.pix_mp.plane_fmt[p].sizeimage =
					chance(70) ? PICK(sizes) : rnd32();
		if (chance(20))
			cb.format.fmt.pix_mp.num_planes = below(VIDEO_MAX_PLANES + 2);
	} else {
		random_fmt(h, q, &cb.format);
	}
	if (IOC(h->fd, CREATE_BUFS, &cb) || !cb.count ||
	    (cb.format.type != OUT_TYPE && cb.format.type != CAP_TYPE))
		return;
	q = cb.format.type == CAP_TYPE;
	if (cb.index + cb.count > h->nbufs[q])
		h->nbufs[q] = cb.index + cb.count;
	h->memory[q] = cb.memory;
}

static void unmap_one(unsigned int i)
{
	cur_op = "munmap";
	munmap(maps[i].p, maps[i].len);
	mapped -= maps[i].len;
	maps[i] = maps[--n_maps];
}

static void map_plane(struct fh *h, const struct v4l2_plane *pl)
{
	size_t len = pl->length;
	off_t off = pl->m.mem_offset;
	unsigned int r = below(100);
	bool rw = chance(85);
	void *p;

	/* Off by a page or nonsense: must fail, never map someone else's memory. */
	if (r < 4)
		len = r < 2 ? len + 4096 : r;
	else if (r < 8)
		off = r < 6 ? off + 4096 : (off_t)below(1u << 18) << 12;
	if (!len || len > MAX_MAPPED)
		return;
	while (n_maps && (n_maps == MAX_MAPS || mapped + len > MAX_MAPPED))
		unmap_one(below(n_maps));
	cur_op = "mmap";
	p = mmap(NULL, len, rw ? PROT_READ | PROT_WRITE : PROT_READ, MAP_SHARED, h->fd, off);
	if (p == MAP_FAILED)
		return;
	maps[n_maps++] = (struct map){ .p = p, .len = len, .writable = rw };
	mapped += len;
}

static void act_querybuf(struct fh *h)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b;
	unsigned int q = below(2), p;

	if (chance(70)) {
		if (buf_ioctl(h->fd, IOC_QUERYBUF, qtype(q), h->memory[q],
			      pick_index(h->nbufs[q]), &b, planes))
			return;
	} else {
		memset(planes, 0, sizeof(planes));
		b = (struct v4l2_buffer){ .type = pick_type(q), .memory = pick_memory(h, q) };
		b.index = pick_index(h->nbufs[q]);
		b.length = below(VIDEO_MAX_PLANES + 2);
		b.m.planes = chance(95) ? planes : NULL;
		if (IOC(h->fd, QUERYBUF, &b))
			return;
	}
	if (b.memory != V4L2_MEMORY_MMAP || !V4L2_TYPE_IS_MULTIPLANAR(b.type))
		return;
	for (p = 0; p < b.length && p < VIDEO_MAX_PLANES; p++)
		if (chance(50))
			map_plane(h, &planes[p]);
}

/* Random bytes into a mapping that may outlive its buffer's queue and handle. */
static void act_write_map(struct fh *h)
{
	unsigned int k = below(n_maps);
	size_t off, n;

	(void)h;
	if (!n_maps)
		return;
	if (!maps[k].writable || chance(20)) {
		unmap_one(k);
		return;
	}
	off = below(maps[k].len);
	n = maps[k].len - off;
	if (n > 65536)
		n = 1 + below(65536);
	while (n--)
		((unsigned char *)maps[k].p)[off++] = (unsigned char)rnd64();
}

static void build_buf(struct fh *h, unsigned int q, struct v4l2_buffer *b,
		      struct v4l2_plane *planes)
{
	static const uint32_t flags[] = {
		V4L2_BUF_FLAG_KEYFRAME, V4L2_BUF_FLAG_PFRAME, V4L2_BUF_FLAG_BFRAME,
		V4L2_BUF_FLAG_ERROR, V4L2_BUF_FLAG_LAST, V4L2_BUF_FLAG_TIMESTAMP_COPY,
		V4L2_BUF_FLAG_REQUEST_FD, V4L2_BUF_FLAG_NO_CACHE_CLEAN,
	};
	static const unsigned long bad_ptrs[] = { 0, 1, 4096, 0xdead000, ~0ul & ~4095ul };
	uint32_t len[VIDEO_MAX_PLANES] = { 0 };
	unsigned int i = pick_index(h->nbufs[q]), p, np;

	/* Start from the real plane sizes mostly, so checks past the first one get reached. */
	if (chance(60) && !buf_ioctl(h->fd, IOC_QUERYBUF, qtype(q), h->memory[q], i, b, planes))
		for (p = 0; p < b->length && p < VIDEO_MAX_PLANES; p++)
			len[p] = planes[p].length;
	memset(planes, 0, sizeof(*planes) * VIDEO_MAX_PLANES);
	*b = (struct v4l2_buffer){ .type = pick_type(q), .index = i, .memory = pick_memory(h, q) };
	b->field = chance(80) ? V4L2_FIELD_NONE : pick_enum(V4L2_FIELD_INTERLACED_BT);
	b->flags = chance(70) ? 0 : chance(70) ? PICK(flags) : rnd32();
	b->request_fd = chance(90) ? 0 : pick_dmabuf_fd();
	b->timestamp.tv_sec = below(100000);
	b->timestamp.tv_usec = chance(95) ? below(1000000) : rnd32();
	np = chance(80) ? h->planes[q] : below(VIDEO_MAX_PLANES + 2);
	b->length = np;
	b->m.planes = chance(98) ? planes : NULL;
	for (p = 0; p < np && p < VIDEO_MAX_PLANES; p++) {
		planes[p].bytesused = chance(50) ? len[p] : pick_bytes(len[p]);
		planes[p].length = chance(60) ? len[p] : pick_bytes(len[p]);
		if (chance(30))
			planes[p].data_offset = chance(50) ? pick_bytes(planes[p].bytesused)
							   : below(planes[p].bytesused + 1);
		if (b->memory == V4L2_MEMORY_DMABUF) {
			planes[p].m.fd = pick_dmabuf_fd();
		} else if (b->memory == V4L2_MEMORY_USERPTR) {
			/* Only our own buffer: a device writing there must not hit our heap. */
			planes[p].m.userptr = (unsigned long)userptr_mem;
			if (chance(30))
				planes[p].m.userptr = PICK(bad_ptrs);
			if (planes[p].m.userptr && planes[p].length > USERPTR_LEN)
				planes[p].length = USERPTR_LEN;
		}
	}
}

/* A buffer exactly as a client would queue it, with OUTPUT planes full. */
static void queue_good(struct fh *h, unsigned int q, unsigned int i)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b;
	unsigned int p;

	if (buf_ioctl(h->fd, IOC_QUERYBUF, qtype(q), h->memory[q], i, &b, planes))
		return;
	b.flags = 0;
	b.field = V4L2_FIELD_NONE;
	b.timestamp.tv_sec = iteration;
	for (p = 0; p < b.length && p < VIDEO_MAX_PLANES; p++) {
		planes[p].bytesused = q ? 0 : planes[p].length;
		planes[p].data_offset = 0;
		if (b.memory == V4L2_MEMORY_DMABUF)
			planes[p].m.fd = pick_real_dmabuf();
	}
	IOC(h->fd, QBUF, &b);
}

static void act_qbuf(struct fh *h)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b;
	unsigned int q = below(2);

	if (chance(35)) {
		queue_good(h, q, below(h->nbufs[q] ? h->nbufs[q] : 1));
		return;
	}
	build_buf(h, q, &b, planes);
	xioctl(h->fd, chance(75) ? IOC_QBUF : IOC_PREPARE_BUF, &b);
}

static void act_dqbuf(struct fh *h)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b = { .m.planes = planes };
	unsigned int q = below(2);

	/* A blocking handle only dequeues what poll() says is there, so it never sleeps. */
	if (h->blocking && !(poll_fd(h->fd, POLLIN | POLLOUT, 0) & (q ? POLLIN : POLLOUT)))
		return;
	b.type = h->blocking ? qtype(q) : pick_type(q);
	b.memory = pick_memory(h, q);
	b.length = chance(85) ? VIDEO_MAX_PLANES : below(VIDEO_MAX_PLANES + 2);
	IOC(h->fd, DQBUF, &b);
}

static void act_poll(struct fh *h)
{
	static const short events[] = {
		POLLIN, POLLOUT, POLLPRI, POLLIN | POLLOUT | POLLPRI, POLLRDNORM | POLLWRNORM, 0,
	};

	poll_fd(h->fd, PICK(events), below(51));
}

static void act_expbuf(struct fh *h)
{
	static const uint32_t flags[] = {
		O_RDONLY | O_CLOEXEC, O_WRONLY | O_CLOEXEC, O_RDWR | O_NONBLOCK | O_CLOEXEC,
		0xffffffff,
	};
	unsigned int q = below(2), i;
	struct v4l2_exportbuffer eb = { .type = pick_type(q) };

	eb.index = pick_index(h->nbufs[q]);
	eb.plane = chance(85) ? below(h->planes[q]) : pick_index(VIDEO_MAX_PLANES);
	eb.flags = chance(85) ? O_RDWR | O_CLOEXEC : PICK(flags);
	if (IOC(h->fd, EXPBUF, &eb))
		return;
	if (n_dmabufs < MAX_DMABUFS) {
		dmabufs[n_dmabufs++] = eb.fd;
		return;
	}
	i = below(n_dmabufs);
	close(dmabufs[i]);
	dmabufs[i] = eb.fd;
}

/* Streaming and commands */

static void act_stream(struct fh *h)
{
	unsigned int q = below(2);
	int type = pick_type(q);

	xioctl(h->fd, chance(55) ? IOC_STREAMON : IOC_STREAMOFF, &type);
	if (chance(30)) {
		type = pick_type(!q);
		xioctl(h->fd, chance(50) ? IOC_STREAMON : IOC_STREAMOFF, &type);
	}
}

static void act_encoder_cmd(struct fh *h)
{
	struct v4l2_encoder_cmd ec = { .cmd = chance(90) ? below(5) : rnd32() };
	unsigned int i;

	ec.flags = chance(70) ? 0 : chance(50) ? V4L2_ENC_CMD_STOP_AT_GOP_END : rnd32();
	for (i = 0; i < 8 && chance(10); i++)
		ec.raw.data[i] = rnd32();
	xioctl(h->fd, chance(40) ? IOC_TRY_ENCODER_CMD : IOC_ENCODER_CMD, &ec);
}

static void act_selection(struct fh *h)
{
	static const uint32_t targets[] = {
		V4L2_SEL_TGT_CROP, V4L2_SEL_TGT_CROP_DEFAULT, V4L2_SEL_TGT_CROP_BOUNDS,
		V4L2_SEL_TGT_NATIVE_SIZE, V4L2_SEL_TGT_COMPOSE, V4L2_SEL_TGT_COMPOSE_DEFAULT,
		V4L2_SEL_TGT_COMPOSE_BOUNDS, V4L2_SEL_TGT_COMPOSE_PADDED, 0x1000,
	};
	static const uint32_t flags[] = {
		0, 0, V4L2_SEL_FLAG_LE, V4L2_SEL_FLAG_GE, V4L2_SEL_FLAG_LE | V4L2_SEL_FLAG_GE,
		V4L2_SEL_FLAG_KEEP_CONFIG,
	};
	static const int32_t offsets[] = { 0, 0, 1, -1, 16, 8191, INT_MIN, INT_MAX };
	struct v4l2_selection s = { .type = pick_type(below(2)) };

	if (chance(20))
		s.type = chance(50) ? V4L2_BUF_TYPE_VIDEO_OUTPUT : V4L2_BUF_TYPE_VIDEO_CAPTURE;
	s.target = chance(90) ? PICK(targets) : rnd32();
	s.flags = chance(90) ? PICK(flags) : rnd32();
	s.r.left = PICK(offsets);
	s.r.top = PICK(offsets);
	s.r.width = pick_dim();
	s.r.height = pick_dim();
	xioctl(h->fd, chance(35) ? IOC_G_SELECTION : IOC_S_SELECTION, &s);
}

static void act_parm(struct fh *h)
{
	static const struct v4l2_fract fracts[] = {
		{ 0, 0 }, { 1, 0 }, { 0, 1 }, { 0xffffffff, 1 }, { 1, 0xffffffff },
		{ 1, 30 }, { 1001, 30000 }, { 1, 1 },
	};
	struct v4l2_streamparm sp = { .type = pick_type(below(2)) };
	struct v4l2_fract f = PICK(fracts);

	if (chance(30)) {
		IOC(h->fd, G_PARM, &sp);
		return;
	}
	if (chance(15))
		f = (struct v4l2_fract){ rnd32(), rnd32() };
	/* capture and output lay out their members alike; fill the one the type reads. */
	if (V4L2_TYPE_IS_OUTPUT(sp.type)) {
		sp.parm.output.timeperframe = f;
		sp.parm.output.outputmode = chance(85) ? 0 : rnd32();
	} else {
		sp.parm.capture.timeperframe = f;
		sp.parm.capture.capturemode = chance(85) ? 0 : rnd32();
	}
	if (chance(15))
		sp.parm.output.capability = rnd32();
	IOC(h->fd, S_PARM, &sp);
}

/* Controls */

static void learn_ctrls(int fd)
{
	const uint32_t next = V4L2_CTRL_FLAG_NEXT_CTRL | V4L2_CTRL_FLAG_NEXT_COMPOUND;
	struct v4l2_queryctrl qc = { .id = next };

	while (n_ctrls < MAX_CTRLS && !IOC(fd, QUERYCTRL, &qc)) {
		ctrls[n_ctrls++] = (struct ctrl){
			.id = qc.id, .type = qc.type, .min = qc.minimum, .max = qc.maximum,
			.def = qc.default_value,
		};
		qc.id |= next;
	}
}

static int32_t pick_value(const struct ctrl *c)
{
	const int32_t values[] = {
		(int32_t)((uint32_t)c->min - 1), (int32_t)((uint32_t)c->max + 1), INT_MIN, INT_MAX,
		c->min, c->max, c->def, (int32_t)rnd32(),
	};

	return PICK(values);
}

static void fill_ext_ctrl(struct v4l2_ext_control *ec, const struct ctrl *c)
{
	static unsigned char blob[256];
	unsigned int i;

	ec->id = c->id;
	if (c->type == V4L2_CTRL_TYPE_INTEGER64) {
		ec->value64 = chance(50) ? (int64_t)pick_value(c) : (int64_t)rnd64();
	} else if (c->type == V4L2_CTRL_TYPE_STRING || c->type >= V4L2_CTRL_COMPOUND_TYPES) {
		for (i = 0; i < sizeof(blob); i++)
			blob[i] = (unsigned char)rnd64();
		ec->size = below(sizeof(blob) + 1);
		ec->ptr = blob;
	} else {
		ec->value = pick_value(c);
	}
}

static void act_ctrl(struct fh *h)
{
	static const uint32_t whiches[] = {
		V4L2_CTRL_WHICH_DEF_VAL, V4L2_CTRL_WHICH_REQUEST_VAL, 0xffffffff,
	};
	static const unsigned int ext_ops[] = {
		IOC_S_EXT_CTRLS, IOC_S_EXT_CTRLS, IOC_S_EXT_CTRLS, IOC_S_EXT_CTRLS,
		IOC_TRY_EXT_CTRLS, IOC_G_EXT_CTRLS,
	};
	struct v4l2_ext_control ec[3] = { { 0 } };
	struct v4l2_ext_controls ecs = { .controls = ec };
	struct v4l2_queryctrl qc = { .id = rnd32() };
	const struct ctrl *ct;
	struct v4l2_control c;
	unsigned int i;

	if (!n_ctrls || chance(5)) {
		qc.id |= chance(50) ? V4L2_CTRL_FLAG_NEXT_CTRL : 0;
		IOC(h->fd, QUERYCTRL, &qc);
		return;
	}
	ct = &ctrls[below(n_ctrls)];
	if (chance(40)) {
		c.id = ct->id;
		c.value = pick_value(ct);
		xioctl(h->fd, chance(20) ? IOC_G_CTRL : IOC_S_CTRL, &c);
		return;
	}
	if (chance(15))
		ecs.which = chance(50) ? V4L2_CTRL_ID2WHICH(ct->id) : PICK(whiches);
	if (ecs.which == V4L2_CTRL_WHICH_REQUEST_VAL)
		ecs.request_fd = pick_dmabuf_fd();
	ecs.count = chance(5) ? 0 : 1 + below(3);
	for (i = 0; i < ecs.count; i++)
		fill_ext_ctrl(&ec[i], i ? &ctrls[below(n_ctrls)] : ct);
	xioctl(h->fd, PICK(ext_ops), &ecs);
}

/* Events and enumeration */

static void act_event(struct fh *h)
{
	static const uint32_t types[] = {
		V4L2_EVENT_EOS, V4L2_EVENT_EOS, V4L2_EVENT_SOURCE_CHANGE, V4L2_EVENT_CTRL,
		V4L2_EVENT_ALL, V4L2_EVENT_VSYNC, V4L2_EVENT_FRAME_SYNC,
		V4L2_EVENT_MOTION_DET, V4L2_EVENT_PRIVATE_START,
	};
	struct v4l2_event_subscription sub = { .type = chance(90) ? PICK(types) : rnd32() };
	struct v4l2_event ev;

	if (chance(50)) {
		if (h->blocking && !(poll_fd(h->fd, POLLPRI, 0) & POLLPRI))
			return;
		IOC(h->fd, DQEVENT, &ev);
		return;
	}
	if (sub.type == V4L2_EVENT_CTRL && n_ctrls && chance(80))
		sub.id = ctrls[below(n_ctrls)].id;
	else
		sub.id = chance(50) ? 0 : rnd32();
	sub.flags = chance(60) ? 0 : chance(80) ? below(4) : rnd32();
	xioctl(h->fd, chance(80) ? IOC_SUBSCRIBE_EVENT : IOC_UNSUBSCRIBE_EVENT, &sub);
}

static void act_enum(struct fh *h)
{
	unsigned int q = below(2);
	struct v4l2_fmtdesc fd = { .type = pick_type(q), .index = below(n_fmts[q] + 2) };
	struct v4l2_frmsizeenum fs = { .pixel_format = pick_fourcc(q), .index = below(3) };
	struct v4l2_frmivalenum fi = { .pixel_format = fs.pixel_format, .index = fs.index };

	if (chance(20)) {
		fd.index = rnd32();
		fs.index = fd.index;
		fi.index = fd.index;
	}
	fd.mbus_code = chance(90) ? 0 : rnd32();
	fi.width = pick_dim();
	fi.height = pick_dim();
	switch (below(3)) {
	case 0:
		IOC(h->fd, ENUM_FMT, &fd);
		break;
	case 1:
		IOC(h->fd, ENUM_FRAMESIZES, &fs);
		break;
	default:
		IOC(h->fd, ENUM_FRAMEINTERVALS, &fi);
	}
}

#ifdef VIDIOC_REMOVE_BUFS
static void act_remove_bufs(struct fh *h)
{
	unsigned int q = below(2);
	struct v4l2_remove_buffers rb = { .type = pick_type(q) };

	rb.index = pick_index(h->nbufs[q]);
	rb.count = chance(80) ? below(h->nbufs[q] + 2) : rnd32();
	IOC(h->fd, REMOVE_BUFS, &rb);
}
#endif

/*
 * The way a real client starts encoding, so the other actions also meet a
 * handle that streams with buffers queued. Without frames the CAPTURE queue
 * waits, which is what a DQBUF in another thread should sleep on.
 */
static void start_encoding(struct fh *h, bool frames)
{
	static const uint32_t sane[] = { 16, 96, 176, 240, 320, 480, 640, 720, 1280 };
	struct v4l2_event_subscription sub = { .type = V4L2_EVENT_EOS };
	struct v4l2_format f;
	unsigned int q, i;
	int type;

	for (q = 0; q < 2; q++) {
		type = qtype(q);
		IOC(h->fd, STREAMOFF, &type);
		reqbufs(h, type, V4L2_MEMORY_MMAP, 0, 0);
	}
	/* CAPTURE first: setting it may reset the OUTPUT format (dev-encoder.rst). */
	for (q = 2; q-- > 0;) {
		f = (struct v4l2_format){ .type = qtype(q) };
		f.fmt.pix_mp.pixelformat = n_fmts[q] ? fmts[q][below(n_fmts[q])] : 0;
		f.fmt.pix_mp.width = PICK(sane);
		f.fmt.pix_mp.height = PICK(sane);
		if (!IOC(h->fd, S_FMT, &f))
			note_fmt(h, &f);
	}
	IOC(h->fd, SUBSCRIBE_EVENT, &sub);
	for (q = 0; q < 2; q++) {
		type = qtype(q);
		reqbufs(h, type, V4L2_MEMORY_MMAP, 1 + below(4), 0);
		for (i = 0; i < h->nbufs[q] && (q || frames); i++)
			queue_good(h, q, i);
		if (q || frames || chance(50))
			IOC(h->fd, STREAMON, &type);
	}
}

static void act_setup(struct fh *h)
{
	start_encoding(h, chance(80));
}

/* The second thread */

static void *helper_main(void *arg)
{
	struct helper *hp = arg;
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_buffer b;
	short rev;

	is_helper = true;
	if (hp->poll_ms >= 0) {
		rev = poll_fd(hp->fd, POLLIN | POLLOUT, hp->poll_ms);
		if (!(rev & (POLLIN | POLLOUT)) || (rev & (POLLERR | POLLNVAL)))
			return NULL;
		hp->type = rev & POLLIN ? CAP_TYPE : OUT_TYPE;
	}
	buf_ioctl(hp->fd, IOC_DQBUF, hp->type, V4L2_MEMORY_MMAP, 0, &b, planes);
	return NULL;
}

/*
 * A second thread sleeps in poll() or a blocking DQBUF on a blocking handle
 * while this one streams off or closes it. Nothing is opened until the
 * thread is joined, so a closed number cannot come back as another handle
 * under it. A DQBUF that STREAMOFF of its queue does not wake is a hang.
 */
static void act_helper(struct fh *h)
{
	struct helper hp = { .type = chance(70) ? CAP_TYPE : OUT_TYPE, .poll_ms = -1 };
	const char *what = "STREAMOFF";
	struct timespec deadline;
	unsigned int i;
	pthread_t t;
	int type;

	for (i = 0; i < n_fh && !fhs[i].blocking; i++)
		;
	h = i < n_fh ? &fhs[i] : open_fh(true);
	if (!h)
		return;
	if (chance(70))
		start_encoding(h, chance(50));
	hp.fd = h->fd;
	if (chance(50))
		hp.poll_ms = below(501);
	if (pthread_create(&t, NULL, helper_main, &hp))
		return;
	usleep(below(300) * 1000);
	if (chance(30))
		act_encoder_cmd(h);
	if (hp.poll_ms >= 0 && chance(40)) {
		what = "close";
		close_fh(h);
	} else {
		/* A blocking DQBUF only returns for STREAMOFF of its own queue. */
		type = hp.poll_ms >= 0 ? qtype(below(2)) : hp.type;
		IOC(h->fd, STREAMOFF, &type);
		if (chance(30))
			close_fh(h);
	}
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += HELPER_S + (hp.poll_ms >= 0);
	cur_op = "joining the DQBUF thread";
	if (pthread_timedjoin_np(t, NULL, &deadline)) {
		printf("hang: DQBUF in a second thread did not return %d s after %s "
		       "(seed %llu, iteration %lu)\n", HELPER_S, what, seed, iteration);
		_exit(1);
	}
}

/* Setup and the main loop */

static void learn_node(int fd)
{
	struct v4l2_fmtdesc d;
	unsigned int q;

	for (q = 0; q < 2; q++) {
		d = (struct v4l2_fmtdesc){ .type = qtype(q) };
		while (n_fmts[q] < MAX_FMTS && !IOC(fd, ENUM_FMT, &d)) {
			fmts[q][n_fmts[q]++] = d.pixelformat;
			d.index++;
		}
	}
	learn_ctrls(fd);
}

/* A capture node's MMAP buffers exported, to be queued here as foreign DMABUFs. */
static void setup_exporter(const char *path)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_requestbuffers rb = { .count = 4, .memory = V4L2_MEMORY_MMAP };
	struct v4l2_capability cap;
	struct v4l2_exportbuffer eb;
	struct v4l2_buffer b;
	unsigned int i, p;
	uint32_t caps;

	exporter_fd = open(path, O_RDWR | O_NONBLOCK);
	if (exporter_fd < 0) {
		perror(path);
		return;
	}
	memset(&cap, 0, sizeof(cap));
	IOC(exporter_fd, QUERYCAP, &cap);
	caps = cap.capabilities & V4L2_CAP_DEVICE_CAPS ? cap.device_caps : cap.capabilities;
	rb.type = caps & V4L2_CAP_VIDEO_CAPTURE_MPLANE ? V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE
						       : V4L2_BUF_TYPE_VIDEO_CAPTURE;
	if (IOC(exporter_fd, REQBUFS, &rb))
		rb.count = 0;
	for (i = 0; i < rb.count; i++) {
		if (buf_ioctl(exporter_fd, IOC_QUERYBUF, rb.type, rb.memory, i, &b, planes))
			break;
		for (p = 0; p < (V4L2_TYPE_IS_MULTIPLANAR(rb.type) ? b.length : 1); p++) {
			eb = (struct v4l2_exportbuffer){
				.type = rb.type, .index = i, .plane = p,
				.flags = O_RDWR | O_CLOEXEC,
			};
			if (n_foreign < MAX_FOREIGN && !IOC(exporter_fd, EXPBUF, &eb))
				foreign[n_foreign++] = eb.fd;
		}
	}
	printf("exporter %s: %u DMABUFs\n", path, n_foreign);
}

static const struct action {
	void (*fn)(struct fh *h);
	unsigned int weight;
} menu[] = {
	{ act_open, 30 }, { act_close, 30 }, { act_fmt, 100 }, { act_reqbufs, 60 },
	{ act_create_bufs, 30 }, { act_querybuf, 50 }, { act_write_map, 30 }, { act_qbuf, 120 },
	{ act_dqbuf, 60 }, { act_poll, 30 }, { act_expbuf, 30 }, { act_stream, 60 },
	{ act_encoder_cmd, 40 }, { act_selection, 30 }, { act_parm, 30 }, { act_ctrl, 50 },
	{ act_event, 30 }, { act_enum, 30 }, { act_setup, 30 },
	/* Rare: it sleeps up to 0.8 s, far longer than everything else. */
	{ act_helper, 1 },
#ifdef VIDIOC_REMOVE_BUFS
	{ act_remove_bufs, 10 },
#endif
};

static void fuzz_one(void)
{
	unsigned int total = 0, r, i;

	if (!n_fh && !open_fh(chance(15)))
		return;
	for (i = 0; i < ARRAY_SIZE(menu); i++)
		total += menu[i].weight;
	r = below(total);
	for (i = 0; r >= menu[i].weight; i++)
		r -= menu[i].weight;
	menu[i].fn(&fhs[below(n_fh)]);
}

static void cleanup(void)
{
	while (n_fh)
		close_fh(&fhs[0]);
	while (n_maps)
		unmap_one(0);
	while (n_dmabufs)
		close(dmabufs[--n_dmabufs]);
	while (n_foreign)
		close(foreign[--n_foreign]);
	if (exporter_fd >= 0)
		close(exporter_fd);
}

static void print_stats(void)
{
	unsigned long errs;
	unsigned int id, e;

	for (id = 0; id < N_IOC; id++) {
		if (!stats[id].calls)
			continue;
		for (errs = 0, e = 0; e < NERR; e++)
			errs += stats[id].err[e];
		printf("  %-20s %9lu calls %9lu ok", ioc_names[id], stats[id].calls,
		       stats[id].calls - errs);
		for (e = 0; e < NERR; e++) {
			if (!stats[id].err[e])
				continue;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 32)
			if (e && strerrorname_np(e)) {
				printf(" %s %lu", strerrorname_np(e), stats[id].err[e]);
				continue;
			}
#endif
			printf(" errno%u %lu", e, stats[id].err[e]);
		}
		printf("\n");
	}
}

/* The final check: a fresh handle encodes 3 frames of gray and drains. */

struct sanity {
	int fd;
	struct v4l2_format fmt[2];
	void *mem[2][SANITY_BUFS][VIDEO_MAX_PLANES];
	uint32_t len[2][SANITY_BUFS][VIDEO_MAX_PLANES];
	unsigned int n[2];
};

static char why[200];

static const char *fail(const char *what, int err)
{
	snprintf(why, sizeof(why), "%s: %s", what, strerror(-err));
	return why;
}

/* Components one after another in a plane; chroma line length and rows are divided. */
static const struct layout {
	uint32_t fourcc;
	unsigned int ncomp, bpl_div, h_div;
} layouts[] = {
	{ V4L2_PIX_FMT_NV12, 2, 1, 2 }, { V4L2_PIX_FMT_NV21, 2, 1, 2 },
	{ V4L2_PIX_FMT_NV12M, 2, 1, 2 }, { V4L2_PIX_FMT_NV21M, 2, 1, 2 },
	{ V4L2_PIX_FMT_NV16, 2, 1, 1 }, { V4L2_PIX_FMT_NV61, 2, 1, 1 },
	{ V4L2_PIX_FMT_NV16M, 2, 1, 1 }, { V4L2_PIX_FMT_NV61M, 2, 1, 1 },
	{ V4L2_PIX_FMT_YUV420, 3, 2, 2 }, { V4L2_PIX_FMT_YVU420, 3, 2, 2 },
	{ V4L2_PIX_FMT_YUV420M, 3, 2, 2 }, { V4L2_PIX_FMT_YVU420M, 3, 2, 2 },
	{ V4L2_PIX_FMT_YUV422P, 3, 2, 1 }, { V4L2_PIX_FMT_YUV422M, 3, 2, 1 },
	{ V4L2_PIX_FMT_YVU422M, 3, 2, 1 },
};

/*
 * Fill luma and chroma where the returned format says they are, rather than
 * the whole buffer: a layout that does not fit the buffer the driver
 * allocated then fails here instead of going unnoticed.
 */
static const char *fill_gray(struct sanity *s, unsigned int i)
{
	const struct v4l2_pix_format_mplane *f = &s->fmt[0].fmt.pix_mp;
	struct layout l = { f->pixelformat, 1, 1, 1 };
	unsigned int k, c, p, bpl, rows;
	uint64_t off = 0;

	for (k = 0; k < ARRAY_SIZE(layouts); k++)
		if (layouts[k].fourcc == f->pixelformat)
			l = layouts[k];
	if (f->num_planes > 1)
		l.ncomp = f->num_planes < VIDEO_MAX_PLANES ? f->num_planes : VIDEO_MAX_PLANES;
	for (c = 0; c < l.ncomp; c++) {
		/* Multi-planar formats: each component has its own plane and bytesperline. */
		p = f->num_planes > 1 ? c : 0;
		off = p ? 0 : off;
		bpl = f->plane_fmt[p].bytesperline / (c && !p ? l.bpl_div : 1);
		rows = c ? (f->height + l.h_div - 1) / l.h_div : f->height;
		if (!bpl || !rows || off + (uint64_t)bpl * rows > s->len[0][i][p]) {
			snprintf(why, sizeof(why), "OUTPUT %.4s %ux%u: component %u (%u bytes x %u "
				 "lines at %llu) does not fit plane %u of %u bytes",
				 (const char *)&f->pixelformat, f->width, f->height, c, bpl, rows,
				 (unsigned long long)off, p, s->len[0][i][p]);
			return why;
		}
		memset((unsigned char *)s->mem[0][i][p] + off, c ? GRAY_C : GRAY_Y,
		       (size_t)bpl * rows);
		off += (uint64_t)bpl * rows;
	}
	return NULL;
}

static const char *sanity_qbuf(struct sanity *s, unsigned int q, unsigned int i,
			       unsigned int frame)
{
	const struct v4l2_pix_format_mplane *f = &s->fmt[q].fmt.pix_mp;
	struct v4l2_plane planes[VIDEO_MAX_PLANES] = { { 0 } };
	struct v4l2_buffer b = {
		.type = qtype(q), .memory = V4L2_MEMORY_MMAP, .index = i,
		.field = V4L2_FIELD_NONE, .m.planes = planes, .length = f->num_planes,
	};
	unsigned int p;
	int ret;

	if (!q && fill_gray(s, i))
		return why;
	b.timestamp.tv_sec = frame;
	for (p = 0; !q && p < b.length && p < VIDEO_MAX_PLANES; p++) {
		planes[p].bytesused = f->plane_fmt[p].sizeimage;
		if (planes[p].bytesused > s->len[0][i][p])
			planes[p].bytesused = s->len[0][i][p];
	}
	ret = IOC(s->fd, QBUF, &b);
	return ret ? fail(q ? "QBUF CAPTURE" : "QBUF OUTPUT", ret) : NULL;
}

static const char *sanity_setup(struct sanity *s)
{
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	struct v4l2_requestbuffers rb;
	struct v4l2_fmtdesc d;
	struct v4l2_buffer b;
	unsigned int q, i, p;
	int ret;

	/* CAPTURE first: setting it may reset the OUTPUT format (dev-encoder.rst). */
	for (q = 2; q-- > 0;) {
		d = (struct v4l2_fmtdesc){ .type = qtype(q) };
		ret = IOC(s->fd, ENUM_FMT, &d);
		if (ret)
			return fail("ENUM_FMT", ret);
		s->fmt[q] = (struct v4l2_format){ .type = qtype(q) };
		s->fmt[q].fmt.pix_mp.pixelformat = d.pixelformat;
		s->fmt[q].fmt.pix_mp.width = 320;
		s->fmt[q].fmt.pix_mp.height = 240;
		ret = IOC(s->fd, S_FMT, &s->fmt[q]);
		if (ret)
			return fail(q ? "S_FMT CAPTURE" : "S_FMT OUTPUT", ret);
	}
	/* The coded size and buffer size follow the OUTPUT format. */
	ret = IOC(s->fd, G_FMT, &s->fmt[1]);
	if (ret)
		return fail("G_FMT CAPTURE", ret);
	for (q = 0; q < 2; q++) {
		rb = (struct v4l2_requestbuffers){
			.count = 2, .type = qtype(q), .memory = V4L2_MEMORY_MMAP,
		};
		ret = IOC(s->fd, REQBUFS, &rb);
		if (ret)
			return fail("REQBUFS", ret);
		s->n[q] = rb.count < SANITY_BUFS ? rb.count : SANITY_BUFS;
		for (i = 0; i < s->n[q]; i++) {
			ret = buf_ioctl(s->fd, IOC_QUERYBUF, qtype(q), V4L2_MEMORY_MMAP, i, &b,
					planes);
			if (ret)
				return fail("QUERYBUF", ret);
			for (p = 0; p < b.length && p < VIDEO_MAX_PLANES; p++) {
				s->mem[q][i][p] = mmap(NULL, planes[p].length,
						       PROT_READ | PROT_WRITE, MAP_SHARED, s->fd,
						       planes[p].m.mem_offset);
				if (s->mem[q][i][p] == MAP_FAILED) {
					s->mem[q][i][p] = NULL;
					return fail("mmap", -errno);
				}
				s->len[q][i][p] = planes[p].length;
			}
		}
	}
	return NULL;
}

static const char *sanity_encode(struct sanity *s)
{
	struct v4l2_encoder_cmd stop = { .cmd = V4L2_ENC_CMD_STOP };
	struct v4l2_plane planes[VIDEO_MAX_PLANES];
	unsigned int queued = 0, good = 0, i;
	long end = now_ms() + SANITY_S * 1000L;
	bool stopped = false, last = false;
	struct v4l2_buffer b;
	int type, ret;

	for (i = 0; i < s->n[0] && queued < SANITY_FRAMES; i++)
		if (sanity_qbuf(s, 0, i, queued++))
			return why;
	for (i = 0; i < s->n[1]; i++)
		if (sanity_qbuf(s, 1, i, 0))
			return why;
	for (i = 0; i < 2; i++) {
		type = qtype(i);
		ret = IOC(s->fd, STREAMON, &type);
		if (ret)
			return fail("STREAMON", ret);
	}
	while (!last && now_ms() < end) {
		if (!stopped && queued == SANITY_FRAMES) {
			ret = IOC(s->fd, ENCODER_CMD, &stop);
			if (ret)
				return fail("ENCODER_CMD STOP", ret);
			stopped = true;
		}
		poll_fd(s->fd, POLLIN | POLLOUT, 100);
		if (!buf_ioctl(s->fd, IOC_DQBUF, OUT_TYPE, V4L2_MEMORY_MMAP, 0, &b, planes) &&
		    queued < SANITY_FRAMES && sanity_qbuf(s, 0, b.index, queued++))
			return why;
		ret = buf_ioctl(s->fd, IOC_DQBUF, CAP_TYPE, V4L2_MEMORY_MMAP, 0, &b, planes);
		if (ret == -EPIPE)
			break;
		if (ret)
			continue;
		if (planes[0].bytesused && !(b.flags & V4L2_BUF_FLAG_ERROR))
			good++;
		last = b.flags & V4L2_BUF_FLAG_LAST;
		if (!last && sanity_qbuf(s, 1, b.index, 0))
			return why;
	}
	if (!last)
		snprintf(why, sizeof(why), "no CAPTURE buffer with LAST within %d s", SANITY_S);
	else if (good < SANITY_FRAMES)
		snprintf(why, sizeof(why), "%u of %d frames came out encoded", good, SANITY_FRAMES);
	return !last || good < SANITY_FRAMES ? why : NULL;
}

static bool sanity_check(void)
{
	struct sanity s = { .fd = -1 };
	const char *err;
	unsigned int q, i, p;
	int type;

	arm_watchdog(SANITY_S + HANG_S);
	cur_op = "open";
	s.fd = open(node, O_RDWR | O_NONBLOCK);
	err = s.fd < 0 ? fail("open", -errno) : sanity_setup(&s);
	if (!err)
		err = sanity_encode(&s);
	for (q = 0; s.fd >= 0 && q < 2; q++) {
		type = qtype(q);
		IOC(s.fd, STREAMOFF, &type);
		for (i = 0; i < SANITY_BUFS; i++)
			for (p = 0; p < VIDEO_MAX_PLANES; p++)
				if (s.mem[q][i][p])
					munmap(s.mem[q][i][p], s.len[q][i][p]);
	}
	cur_op = "close";
	if (s.fd >= 0)
		close(s.fd);
	arm_watchdog(0);
	printf("sanity: node still encodes: %s%s%s\n", err ? "FAIL (" : "PASS", err ? err : "",
	       err ? ")" : "");
	return !err;
}

static void usage(FILE *f, const char *prog)
{
	fprintf(f, "usage: %s -d /dev/videoN [-s SEED] [-t SECONDS] [-n MAX_ITERATIONS]\n"
		"          [-e EXPORTER_NODE] [-v]\n"
		"  -d  the encoder node (multi-planar mem2mem, stateful)\n"
		"  -s  PRNG seed, to replay a run (default: from the clock)\n"
		"  -t  run time in seconds (default 60 unless -n is given)\n"
		"  -n  stop after this many iterations\n"
		"  -e  a capture node (vivid) whose exported buffers are queued as DMABUFs\n"
		"  -v  print calls and errno counts per ioctl at the end\n", prog);
}

int main(int argc, char **argv)
{
	unsigned long max_iter = 0, opens, ioctls;
	bool verbose = false, seeded = false, ok;
	const char *exporter = NULL;
	long seconds = -1, start;
	pthread_t watchdog;
	double took;
	int opt;

	while ((opt = getopt(argc, argv, "d:s:t:n:e:vh")) != -1) {
		switch (opt) {
		case 'd':
			node = optarg;
			break;
		case 's':
			seed = strtoull(optarg, NULL, 0);
			seeded = true;
			break;
		case 't':
			seconds = strtol(optarg, NULL, 0);
			break;
		case 'n':
			max_iter = strtoul(optarg, NULL, 0);
			break;
		case 'e':
			exporter = optarg;
			break;
		case 'v':
			verbose = true;
			break;
		case 'h':
			usage(stdout, argv[0]);
			return 0;
		default:
			usage(stderr, argv[0]);
			return 2;
		}
	}
	if (!node || optind != argc) {
		usage(stderr, argv[0]);
		return 2;
	}
	if (!seeded)
		seed = (unsigned long long)time(NULL) * 1000003ULL ^ (unsigned long long)getpid();
	if (seconds < 0 && !max_iter)
		seconds = 60;
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("seed %llu\n", seed);

	userptr_mem = aligned_alloc(4096, USERPTR_LEN);
	memfd = memfd_create("hantro-enc-fuzz", MFD_CLOEXEC);
	if (!userptr_mem || pipe(pipe_fds) || memfd < 0 ||
	    pthread_create(&watchdog, NULL, watchdog_main, NULL)) {
		perror("setup");
		return 2;
	}
	arm_watchdog(HANG_S);
	reseed(~0ULL);
	if (!open_fh(false)) {
		perror(node);
		return 2;
	}
	learn_node(fhs[0].fd);
	printf("%s: %u OUTPUT formats, %u CAPTURE formats, %u controls\n", node, n_fmts[0],
	       n_fmts[1], n_ctrls);
	if (exporter)
		setup_exporter(exporter);

	start = now_ms();
	for (iteration = 0; !max_iter || iteration < max_iter; iteration++) {
		if (seconds >= 0 && now_ms() - start >= seconds * 1000L)
			break;
		reseed(iteration);
		arm_watchdog(HANG_S);
		fuzz_one();
	}
	took = (now_ms() - start) / 1000.0;
	arm_watchdog(HANG_S);
	cleanup();
	arm_watchdog(0);
	opens = n_opens;
	ioctls = n_ioctls;
	if (verbose)
		print_stats();
	ok = sanity_check();
	printf("fuzz: seed %llu, %lu file opens, %lu ioctls, %.0f seconds\n", seed, opens, ioctls,
	       took);
	return ok ? 0 : 1;
}
