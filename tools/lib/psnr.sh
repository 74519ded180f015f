# SPDX-License-Identifier: GPL-2.0
# POSIX sh, shared by host tests and guest scripts: FFmpeg as the oracle.

# psnr_jpeg JPG REF.yuv REF_W REF_H VIS_W VIS_H: decode JPG strictly and print
# its average PSNR against the top-left VIS_WxVIS_H of the I420 reference
# (both full-range, as JPEG is). Prints nothing when decoding fails.
psnr_jpeg() {
	ffmpeg -hide_banner -nostdin -err_detect explode -i "$1" \
		-f rawvideo -pix_fmt yuvj420p -s "$3x$4" -i "$2" \
		-lavfi "[1]crop=$5:$6:0:0[ref];[0][ref]psnr" -f null - 2>&1 |
		sed -n 's/.*PSNR.* average:\([0-9.inf]*\).*/\1/p' | head -n 1
}

# at_least VALUE MIN: VALUE is a number >= MIN ("inf" counts as large).
at_least() {
	[ -n "$1" ] && awk -v v="$1" -v m="$2" 'BEGIN { exit !(v == "inf" || v + 0 >= m) }'
}

# frames_of FILE.yuv W H: how many I420 frames of WxH the file holds.
frames_of() {
	echo $(($(stat -L -c %s "$1" 2>/dev/null || echo 0) / ($2 * $3 * 3 / 2)))
}

# holds_frames FILE.yuv W H N [at-least]: the file holds exactly N whole
# I420 frames of WxH (at least N with "at-least").
holds_frames() {
	local size
	size=$(stat -L -c %s "$1" 2>/dev/null || echo 0)
	if [ "${5:-}" = at-least ]; then
		[ "$size" -ge $(($2 * $3 * 3 / 2 * $4)) ]
	else
		[ "$size" -eq $(($2 * $3 * 3 / 2 * $4)) ]
	fi
}

# decode_h264 STREAM OUT.yuv: strict FFmpeg decode to I420; fails on any error.
decode_h264() {
	ffmpeg -hide_banner -nostdin -loglevel error -err_detect explode -i "$1" \
		-f rawvideo -pix_fmt yuv420p -y "$2" 2>&1 | grep . >&2 && return 1
	[ -s "$2" ]
}

# decode_vp8 STREAM OUT.yuv: strict FFmpeg decode of an IVF or WebM VP8
# stream to I420; fails on any error.
decode_vp8() {
	decode_h264 "$@"
}

# decode_vpx STREAM.ivf OUT.yuv: libvpx's decoder (vpxdec) to I420; fails on
# any error.
decode_vpx() {
	local log rc
	log=$(vpxdec --i420 -o "$2" "$1" 2>&1)
	rc=$?
	[ -n "$log" ] && echo "$log" >&2
	[ "$rc" -eq 0 ] && [ -z "$log" ] && [ -s "$2" ]
}

# vpx_agrees STREAM: vpxdec and FFmpeg both decode STREAM (IVF or WebM)
# strictly, to the same frames.
vpx_agrees() {
	decode_vpx "$1" "$1.vpx.yuv" && decode_vp8 "$1" "$1.ff.yuv" &&
		cmp -s "$1.vpx.yuv" "$1.ff.yuv"
	local rc=$?
	rm -f "$1.vpx.yuv" "$1.ff.yuv"
	return "$rc"
}

# psnr_yuv A.yuv B.yuv W H: average PSNR of two I420 files of the same size.
psnr_yuv() {
	ffmpeg -hide_banner -nostdin -f rawvideo -pix_fmt yuv420p -s "$3x$4" -i "$1" \
		-f rawvideo -pix_fmt yuv420p -s "$3x$4" -i "$2" -lavfi psnr -f null - 2>&1 |
		sed -n 's/.*PSNR.* average:\([0-9.inf]*\).*/\1/p' | head -n 1
}
