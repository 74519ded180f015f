#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# H.264 benchmark. Prints figures; asserts nothing.
#
#   tools/bench-h264.sh [speed]
#
# On one 300-frame moving clip (testsrc2 with temporal noise, 30 fps):
#   - the virtual VEPU core's encode speed on one CPU core (host build, -O2)
#     at 640x480 and 1280x720;
#   - bitrate/PSNR points of the core at fixed QPs, of libx264 (baseline
#     profile) at the same QPs, and, in the test VM, of GStreamer's
#     openh264enc and of the driver's CBR rate control at set bitrates,
#     with the achieved bitrate against the target.
# Runs as root like tools/test.sh (the VM part boots the cached debug kernel).
#
# "speed" stops after the speed figures, printed as "WxH: N frames/s" and
# nothing else: it needs only gcc and FFmpeg (for the clip) and takes about
# a minute.
set -u
. "$(dirname "$0")/lib/all.sh"
. "$(dirname "$0")/lib/bench.sh"

mode=$(bench_mode "$@") || exit 2

HANTRO_OUT=${HANTRO_OUT:-$HANTRO_TOP/out}
HANTRO_RESULTS=$HANTRO_OUT/bench-results.txt
export HANTRO_OUT HANTRO_RESULTS
B=$HANTRO_OUT/bench
mkdir -p "$B"
if [ "$mode" = speed ]; then
	for t in gcc ffmpeg taskset; do
		command -v "$t" >/dev/null || die "$t missing"
	done
else
	mkdir -p "$HANTRO_CACHE/logs"
	: >"$HANTRO_RESULTS"
	install_host_deps || die "host packages missing"
	pkg_apt_update
	say "== the clip: 300 frames of testsrc2 + temporal noise, 640x480 and 1280x720"
fi

bench_clips

make -s -C "$HANTRO_TOP/tests/host" BUILD="$B" OPT=-O2 SANITIZE= "$B/bench_h264" ||
	die "bench_h264 does not build"


# speed: "WxH: N frames/s" at each size, one core, QP 28, an IDR every 60
# frames.
speed() {
	local s w h r fps
	for s in 640x480 1280x720; do
		w=${s%x*} h=${s#*x}
		r=$(taskset -c 0 "$B/bench_h264" "$B/clip-$s.yuv" "$w" "$h" 300 28 60 \
			"$B/speed-$s.h264") || die "bench_h264 failed at $s"
		fps=$(echo "$r" | sed -n 's/.*fps=\([0-9.]*\).*/\1/p')
		echo "$s: $fps frames/s"
	done
}

if [ "$mode" = speed ]; then
	speed
	exit 0
fi
say "== virtual VEPU core speed (one core, QP 28, an IDR every 60 frames)"
speed | while read -r l; do
	say "  $l"
done

say "== bitrate / PSNR at 640x480 (kbit/s at 30 fps, dB)"
say "  encoder                     QP   kbit/s  PSNR"
# qp_points LABEL NAME CMD [ARGS...]: for each QP, CMD QP OUT ARGS... writes a
# stream; prints its bitrate and PSNR, and keeps them in $B/NAME.points.
qp_points() {
	local label=$1 name=$2 cmd=$3 qp p r
	shift 3
	: >"$B/$name.points"
	for qp in 22 26 30 34 38; do
		"$cmd" "$qp" "$B/$name-$qp.h264" "$@" >/dev/null
		p=
		decode_h264 "$B/$name-$qp.h264" "$B/dec.yuv" &&
			p=$(psnr_yuv "$B/clip-640x480.yuv" "$B/dec.yuv" 640 480)
		r=$(kbps "$B/$name-$qp.h264")
		[ -n "$p" ] && echo "$r $p" >>"$B/$name.points"
		say "  $(printf '%-32s' "$label") $qp  $r  ${p:-decode failed}"
	done
}
# model QP OUT [CABAC_INIT_IDC [T8]]: the virtual VEPU's core
model() {
	local qp=$1 out=$2
	shift 2
	"$B/bench_h264" "$B/clip-640x480.yuv" 640 480 300 "$qp" 60 "$out" "$@"
}
# x264 QP OUT PROFILE
x264() {
	ffmpeg -v error -nostdin -f rawvideo -pix_fmt yuv420p -s 640x480 -r 30 \
		-i "$B/clip-640x480.yuv" -c:v libx264 -profile:v "$3" -preset medium \
		-qp "$1" -g 60 -bf 0 -f h264 -y "$2"
}
qp_points "virtual VEPU (CAVLC)" model model
qp_points "virtual VEPU (CABAC)" cabac model 0
qp_points "virtual VEPU (CABAC + 8x8)" high model 0 1
qp_points "virtual VEPU (CABAC + 8x8), no split MV" whole model 0 1 0
qp_points "libx264 baseline medium" x264 x264 baseline
qp_points "libx264 main (CABAC) medium" x264m x264 main
say "== bitrate over libx264's at equal PSNR (less is better)"
say "  CAVLC over libx264 baseline:                  $(rate_gap model x264)"
say "  CABAC + 8x8 over libx264 main:                $(rate_gap high x264m)"
say "  CABAC + 8x8 without split MV over libx264 main: $(rate_gap whole x264m)"

say "== in the test VM: openh264enc and the driver's CBR on the same clip"
K612=$(debug_kernel 6.12) || die "6.12 kernel build failed"
M612=$(module_build x86_64-6.12 "$K612") || die "module build failed"
ROOT=$(guest_rootfs) || die "guest root build failed"
HANTRO_PAYLOAD_EXTRA="$B/clip-640x480.yuv" vm_suite 6.12 "$K612" "$ROOT" bench "$M612" 3600
grep '^BENCH' "$HANTRO_OUT/vm-6.12-bench/guest.log" | sed 's/^BENCH /  /' | while read -r l; do
	say "$l"
done
