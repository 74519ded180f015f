# SPDX-License-Identifier: GPL-2.0
# What can break at run time on another kernel, in one boot: the modules load,
# bind, unload and reload; on each node compliance, the state machine walk and
# one encode FFmpeg checks; unbind while streaming. The quality sweeps and the
# client pipelines run on the first kernel only.
. ./lib.sh
export HANTRO_NESTED=1 SMOKE_VICODEC=0 JPEG_QUICK=1 H264_QUICK=1
for suite in smoke jpeg h264; do
	sh "./$suite.sh"
done
HANTRO_NESTED=0
finish
