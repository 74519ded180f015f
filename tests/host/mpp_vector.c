// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the MPP register vectors of tests/vectors/mpp; see mpp_vector.h.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>

#include "mpp_vector.h"

static int mpp_vector_load_regs(const char *path, struct mpp_vector *v)
{
	FILE *f = fopen(path, "r");
	char line[512];
	int frame = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		unsigned int off, val, n;

		if (sscanf(line, "# config: ip %7[^,], rc %7[^,], trace_enc %7s %u %u %*u %u %u %u",
			   v->ip, v->rc, v->codec, &v->w, &v->h, &v->qp, &v->cabac, &v->t8) >= 5)
			continue;
		if (sscanf(line, "# mpp settings: %127s", v->settings) == 1)
			continue;
		if (sscanf(line, "# frame %u client", &n) == 1 && n < MPP_MAX_FRAMES) {
			frame = n;
			v->frames = n + 1;
			continue;
		}
		if (frame >= 0 && sscanf(line, "reg 0x%x = 0x%x", &off, &val) == 2 &&
		    off / 4 < MPP_NUM_REGS)
			v->regs[frame][off / 4] = val;
		if (frame >= 0 && sscanf(line, "off reg 0x%x += %u", &off, &val) == 2 &&
		    off / 4 < MPP_NUM_REGS)
			v->offs[frame][off / 4] = val;
	}
	fclose(f);
	return v->frames ? 0 : -1;
}

/* Up to @max bytes written as hex digits at @hex into @out; how many. */
static unsigned int mpp_unhex(const char *hex, u8 *out, unsigned int max)
{
	unsigned int n = 0, byte;

	while (n < max && sscanf(hex + 2 * n, "%2x", &byte) == 1)
		out[n++] = byte;
	return n;
}

/* The .cap file: buffers, software-written header bytes, the table hash. */
static void mpp_vector_load_cap(const char *path, struct mpp_vector *v)
{
	static char line[8192];
	unsigned int handle, size, frame, n, i;
	unsigned long long hash;
	int pos;
	FILE *f;

	f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "buf %u %u", &handle, &size) == 2) {
			for (i = 0; i < v->bufs && v->buf_handle[i] != handle; i++)
				;
			if (i == v->bufs && v->bufs < MPP_MAX_BUFS) {
				v->buf_handle[v->bufs] = handle;
				v->buf_size[v->bufs++] = size;
			}
			if (handle == MPP_BUF_OUTPUT)
				v->out_size = size;
		}
		if (sscanf(line, "tbl %u %llx", &handle, &hash) == 2) {
			v->tbl_handle = handle;
			v->tbl_hash = hash;
		}
		if (sscanf(line, "hdr %u %u %n", &frame, &n, &pos) != 2 || frame >= MPP_MAX_FRAMES)
			continue;
		v->hdr_len[frame] = mpp_unhex(line + pos, v->hdr[frame], min(n, MPP_MAX_HDR));
	}
	fclose(f);
}

int mpp_vector_load(const char *regs_path, struct mpp_vector *v)
{
	char path[1024];

	memset(v, 0, sizeof(*v));
	if (mpp_vector_load_regs(regs_path, v))
		return -1;
	snprintf(path, sizeof(path), "%.*s.cap", (int)(strlen(regs_path) - 5), regs_path);
	mpp_vector_load_cap(path, v);
	return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int mpp_vector_each(const char *dir, void (*fn)(const char *name, const char *path))
{
	struct dirent **names;
	int n, i, found = 0;

	n = scandir(dir, &names, NULL, by_name);
	for (i = 0; i < n; i++) {
		char path[1024], *dot = strrchr(names[i]->d_name, '.');

		if (dot && !strcmp(dot, ".regs")) {
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
			*dot = 0;
			fn(names[i]->d_name, path);
			found++;
		}
		free(names[i]);
	}
	if (n >= 0)
		free(names);
	return found;
}

bool mpp_vector_setting(const struct mpp_vector *v, const char *name, int *val)
{
	const char *s = v->settings;
	size_t len = strlen(name);

	for (; *s; s += strcspn(s, ","), s += *s == ',')
		if (!strncmp(s, name, len) && s[len] == '=')
			return sscanf(s + len + 1, "%d", val) == 1;
	return false;
}

int mpp_vector_buf(const struct mpp_vector *v, unsigned int handle)
{
	unsigned int i;

	for (i = 0; i < v->bufs; i++)
		if (v->buf_handle[i] == handle)
			return i;
	return -1;
}

u32 mpp_vector_addr(const struct mpp_vector *v, unsigned int frame, u16 reg)
{
	int b = mpp_vector_buf(v, v->regs[frame][reg / 4]);

	if (!v->regs[frame][reg / 4] || b < 0)
		return 0;
	return MPP_BUS_BASE + b * MPP_BUS_SPAN + v->offs[frame][reg / 4];
}

u64 mpp_fnv64(const u8 *p, size_t n)
{
	u64 h = 0xcbf29ce484222325ULL;

	while (n--)
		h = (h ^ *p++) * 0x100000001b3ULL;
	return h;
}


int mpp_vp8_sw_load(const char *path, struct mpp_vp8_sw *sw)
{
	static char line[4096], hex[4096];
	FILE *fp = fopen(path, "r");
	unsigned int f, level;

	if (!fp)
		return -1;
	memset(sw, 0, sizeof(*sw));
	while (fgets(line, sizeof(line), fp)) {
		if (sscanf(line, "hdr %u %4095s", &f, hex) == 2 && f < MPP_MAX_FRAMES)
			sw->hdr_len[f] = mpp_unhex(hex, sw->hdr[f], sizeof(sw->hdr[f]));
		else if (sscanf(line, "tbl %u %4095s", &f, hex) == 2 && f < MPP_MAX_FRAMES)
			sw->tbl_len[f] = mpp_unhex(hex, sw->tbl[f], sizeof(sw->tbl[f]));
		else if (sscanf(line, "level %u %u", &f, &level) == 2 && f < MPP_MAX_FRAMES)
			sw->level[f] = level;
	}
	fclose(fp);
	return 0;
}
