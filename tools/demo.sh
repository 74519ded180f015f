#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The main job on the embedded default: boot the 6.12 debug test kernel under
# QEMU with the hantro-enc driver and the virtual VEPU, encode a 2-second
# moving test pattern to an H.264 MP4 through GStreamer's v4l2h264enc and
# print where it is, its bitrate and its PSNR against the source. Installs
# what it needs (Debian packages, as root) and caches the kernel and guest
# root in $HANTRO_CACHE.
set -u
. "$(dirname "$0")/lib/all.sh"

HANTRO_OUT=${HANTRO_OUT:-$HANTRO_TOP/out}
mkdir -p "$HANTRO_OUT" "$HANTRO_CACHE/logs"
say "hantro-enc demo: build a debug kernel and a Debian guest (cached after the first run),"
say "then boot it, load the driver and the virtual VEPU and encode a clip to H.264 MP4 and VP8 WebM"
debug_vm_parts
payload_make "$HANTRO_CACHE/payload/demo" demo "$M" HANTRO_LEAK_SCAN=0
if vm_boot "$K" "$ROOT" "$HANTRO_CACHE/payload/demo" "$HANTRO_OUT/demo" 600; then
	say "demo finished: $HANTRO_OUT/demo/clip.mp4, $HANTRO_OUT/demo/clip.webm"
	sed -n 's/^  \(clip\.[a-z0-9]*\|encode [a-z0-9.]*\): /  \1: /p' "$HANTRO_OUT/demo/guest.log" |
		while read -r l; do say "  $l"; done
	say "guest log and kernel log: $HANTRO_OUT/demo/guest.log, $HANTRO_OUT/demo/dmesg.txt"
else
	die "demo failed; logs in $HANTRO_OUT/demo/"
fi
