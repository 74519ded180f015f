// SPDX-License-Identifier: GPL-2.0
/*
 * Preloaded into the MPP register-trace harness by tools/mpp-vectors.sh:
 * applies the encoder settings named in $HANTRO_MPP_CFG
 * ("h264:dblk_disable=1,h264:dblk_alpha=2", MPP's own setting names) right
 * after the harness's last H.264 setting, so vectors can cover settings the
 * harness has no argument for. MPP validates them as it would any client's.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void *MppEncCfg;
typedef int (*set_s32_fn)(MppEncCfg cfg, const char *name, int val);

int mpp_enc_cfg_set_s32(MppEncCfg cfg, const char *name, int val)
{
	set_s32_fn real = (set_s32_fn)dlsym(RTLD_NEXT, "mpp_enc_cfg_set_s32");
	const char *extra = getenv("HANTRO_MPP_CFG");
	char setting[64];
	int ret, n, v;

	ret = real(cfg, name, val);
	if (ret || !extra || strcmp(name, "h264:trans8x8"))
		return ret;
	while (sscanf(extra, "%63[^=]=%d%n", setting, &v, &n) == 2) {
		if (real(cfg, setting, v)) {
			fprintf(stderr, "HANTRO_MPP_CFG: MPP refused %s=%d\n", setting, v);
			return -1;
		}
		extra += n + (extra[n] == ',');
	}
	return 0;
}
