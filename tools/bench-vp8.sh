#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# VP8 benchmark. Prints figures; asserts nothing.
#
#   tools/bench-vp8.sh [speed]
#
# On the H.264 benchmark's 300-frame clip (testsrc2 with temporal noise,
# 30 fps, a key frame every 60 frames):
#   - the encode speed of VP8 as the driver codes it (its frame coding,
#     register programming and frame assembly around the virtual VEPU's
#     register decoding and VP8 core; host build, -O2) on one CPU core at
#     640x480 and 1280x720;
#   - bitrate/PSNR points of that path at fixed quantiser indices (the
#     driver's defaults otherwise: loop filter level 26, one token
#     partition, probabilities adapted to the counts) and of
#     libvpx in its realtime mode (FFmpeg's libvpx encoder, deadline
#     realtime, cpu-used 8, fixed quantisers) on the same clip, and the
#     bitrate the core needs over libvpx's at equal PSNR.
# Needs gcc, FFmpeg and vpx-tools; about three minutes ("speed": one).
set -u
. "$(dirname "$0")/lib/all.sh"
. "$(dirname "$0")/lib/bench.sh"

mode=$(bench_mode "$@") || exit 2
for t in gcc ffmpeg taskset; do
	command -v "$t" >/dev/null || die "$t missing"
done
HANTRO_OUT=${HANTRO_OUT:-$HANTRO_TOP/out}
B=$HANTRO_OUT/bench
mkdir -p "$B"
bench_clips
make -s -C "$HANTRO_TOP/tests/host" BUILD="$B" OPT=-O2 SANITIZE= "$B/bench_vp8" ||
	die "bench_vp8 does not build"

echo "== VP8 driver path on the virtual VEPU: speed (one core, quantiser index 40, a key frame every 60)"
for s in 640x480 1280x720; do
	w=${s%x*} h=${s#*x}
	r=$(taskset -c 0 "$B/bench_vp8" "$B/clip-$s.yuv" "$w" "$h" 300 40 60 \
		"$B/vp8-speed-$s.ivf") || die "bench_vp8 failed at $s"
	echo "  $s: $(echo "$r" | sed -n 's/.*fps=\([0-9.]*\).*/\1/p') frames/s"
done
[ "$mode" = speed ] && exit 0

# points NAME LABEL CMD Q...: CMD Q OUT writes an IVF stream for each Q;
# prints its bitrate and PSNR and keeps them in $B/NAME.points.
points() {
	local name=$1 label=$2 cmd=$3 q p r
	shift 3
	: >"$B/$name.points"
	for q in "$@"; do
		"$cmd" "$q" "$B/$name-$q.ivf" >/dev/null
		p=
		decode_vp8 "$B/$name-$q.ivf" "$B/dec.yuv" &&
			p=$(psnr_yuv "$B/clip-640x480.yuv" "$B/dec.yuv" 640 480)
		r=$(kbps "$B/$name-$q.ivf")
		[ -n "$p" ] && echo "$r $p" >>"$B/$name.points"
		echo "  $(printf '%-34s %4s %7s  %s' "$label" "$q" "$r" "${p:-decode failed}")"
	done
}
model() {
	"$B/bench_vp8" "$B/clip-640x480.yuv" 640 480 300 "$1" 60 "$2"
}
# libvpx's quantiser scale is 0..63, about half the quantiser index.
libvpx() {
	ffmpeg -v error -nostdin -f rawvideo -pix_fmt yuv420p -s 640x480 -r 30 \
		-i "$B/clip-640x480.yuv" -c:v libvpx -deadline realtime -cpu-used 8 \
		-qmin "$1" -qmax "$1" -b:v 0 -crf "$1" -g 60 -auto-alt-ref 0 -lag-in-frames 0 \
		-f ivf -y "$2"
}
echo "== bitrate / PSNR at 640x480 (kbit/s at 30 fps, dB)"
echo "  $(printf '%-34s %4s %7s  %s' encoder q kbit/s PSNR)"
points vp8model "virtual VEPU VP8 (quantiser index)" model 16 32 48 64 80 100
points libvpx "libvpx realtime, cpu-used 8 (q)" libvpx 8 16 24 32 40 50
echo "== bitrate over libvpx realtime's at equal PSNR (less is better)"
echo "  virtual VEPU VP8: $(rate_gap vp8model libvpx)"
