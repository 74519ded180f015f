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
