#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Host unit tests: fast checks of pure code that needs no kernel.
set -u
. "$(dirname "$0")/../../tools/lib/common.sh"
: "${HANTRO_RESULTS:=$(mktemp)}"
export HANTRO_RESULTS
HERE=$HANTRO_TOP/tests/host

# The splat detector must flag each kind of report and pass a clean log.
splat_check=$HANTRO_TOP/tools/vm/splat-check
check "splat-check passes a clean kernel log" "$splat_check" "$HERE/splat-samples/clean.txt"
for s in warn kasan lockdep hung kmemleak sleep-atomic odebug; do
	check "splat-check flags $s" \
		sh -c "! '$splat_check' '$HERE/splat-samples/$s.txt' >/dev/null"
done
check "splat-check treats a missing log as clean" "$splat_check" /nonexistent

# config_missing must report options the final .config lost.
. "$HANTRO_TOP/tools/lib/kernel.sh"
tmp=$(mktemp -d)
printf 'CONFIG_A=y\nCONFIG_B=m\n# CONFIG_C is not set\nCONFIG_D=y\n' >"$tmp/.config"
printf 'CONFIG_A=y\nCONFIG_B=y\nCONFIG_C=n\nCONFIG_D=n\nCONFIG_E=m\n' >"$tmp/frag"
check "config_missing reports lost and wrong options" \
	test "$(config_missing "$tmp/.config" "$tmp/frag" | tr '\n' ' ')" = \
	"CONFIG_B=y CONFIG_D=n CONFIG_E=m "
rm -rf "$tmp"

# JPEG path: the driver's header writer + the virtual VEPU's scan coder, with
# sanitizers; FFmpeg decodes every output and compares it with the source.
. "$HANTRO_TOP/tools/lib/psnr.sh"
build=$HANTRO_TOP/tests/host/build
mkdir -p "$build"
# host_test NAME ARGS...: build tests/host/test_NAME.c with the sources
# the Makefile lists for it, under ASan/UBSan, run it with ARGS and merge
# its PASS/FAIL lines. Fails when it does not build.
host_test() {
	local name=$1 rc
	check "test_$name builds (ASan, UBSan)" \
		make -s -C "$HERE" BUILD="$build" "$build/test_$name" || return 1
	check "test_$name carries the ASan and UBSan runtimes" \
		sh -c "nm '$build/test_$name' | grep -q __asan_init &&
			nm '$build/test_$name' | grep -q __ubsan_handle"
	"$build/test_$name" "${@:2}" >"$build/test_$name.out" 2>&1
	rc=$?
	grep -E '^(PASS|FAIL) ' "$build/test_$name.out" | while read -r verdict what; do
		result "$verdict" "$name: $what"
	done
	check "$name: test_$name exits cleanly (no sanitizer report)" test "$rc" -eq 0
}

if host_test jpeg "$build"; then
	for f in yuv420p nv12 yuyv uyvy; do
		for q in 95:40 50:30; do
			p=$(psnr_jpeg "$build/$f-q${q%%:*}.jpg" "$build/src.yuv" 1008 576 1000 562)
			check "jpeg: $f at quality ${q%%:*} decodes (FFmpeg, explode) at PSNR ${p:-none} >= ${q##*:} dB" \
				at_least "$p" "${q##*:}"
		done
	done
fi

# Raw frame layouts: each per-plane format against its one-buffer twin,
# plane for plane, and the rows the hardware reads.
host_test pix "$build"

# The H.264 codec layer's parameter choices: profiles, levels, the header
# hand-over, checkpoints and frame rate control.
host_test h264_params "$build"

# Rate control end to end: the driver's frame and macroblock rate control
# driving the model's H.264 core at a set bitrate, on a synthetic clip and
# on testsrc2 (the VM's CBR clip).
ffmpeg -v error -nostdin -f lavfi -i testsrc2=size=640x480:rate=30 -frames:v 90 \
	-f rawvideo -pix_fmt nv12 -y "$build/testsrc2.nv12"
host_test h264_rc "$build/testsrc2.nv12"

# The register contract against the vendor: MPP's programming of both IPs
# (tests/vectors/mpp) read through this project's layouts.
host_test mpp_vectors "$HANTRO_TOP/tests/vectors/mpp"

# The VP8 codec layer against the vendor: MPP's frame headers, boolean
# encoder state, step sizes and probability tables, from the same
# parameters (tests/vectors/mpp/vp8-320x240.sw).
host_test vp8_vendor "$HANTRO_TOP/tests/vectors/mpp"

# The driver's programming against the vendor's, register by register, but
# for the differences tests/host/mpp_differences.h lists with their reasons.
host_test mpp_compare "$HANTRO_TOP/tests/vectors/mpp"

# The vendor's programming replayed through the model's register decoding
# (tests/vectors/mpp): every H.264 stream decodes strictly with frames equal
# to the model's reconstruction, every JPEG decodes strictly, every VP8
# stream decodes strictly with both decoders; all resemble the input. NAME
# ends in WIDTHxHEIGHT.
replay=$build/mpp-replay
mkdir -p "$replay"
if host_test mpp_replay "$HANTRO_TOP/tests/vectors/mpp" "$replay"; then
	for f in "$replay"/*.ivf; do
		[ -e "$f" ] || continue
		n=${f%.*} name=$(basename "${f%.*}")
		size=${name##*-} w=${size%x*} h=${size#*x}
		# MPP's headers say bilinear prediction (version 1) while its
		# registers leave the six-tap filter on, and its headers' loop
		# filter level is not its registers' (the replay programs the
		# header's; hantro-enc-vp8-vendor.md 1.7): the key frame equals
		# the reconstruction, the inter frames follow MPP's header.
		check "mpp replay: $name decodes (FFmpeg, explode)" decode_vp8 "$f" "$n.dec"
		check "mpp replay: $name decodes (libvpx vpxdec)" decode_vpx "$f" "$n.vpx"
		check "mpp replay: $name FFmpeg and vpxdec frames agree" cmp -s "$n.dec" "$n.vpx"
		check "mpp replay: $name key frame equals the reconstruction bit for bit" \
			cmp -s -n $((w * h * 3 / 2)) "$n.dec" "$n.rec"
		p=$(psnr_yuv "$n.src" "$n.dec" "$w" "$h")
		check "mpp replay: $name decodes at PSNR ${p:-none} >= 30 dB" at_least "$p" 30
	done
	for f in "$replay"/*.h264 "$replay"/*.jpg; do
		[ -e "$f" ] || continue
		n=${f%.*} name=$(basename "${f%.*}")
		size=${name##*-} w=${size%x*} h=${size#*x}
		# Above QP 40 (the sweep's coarsest pictures) less resemblance.
		qp=$(echo "$name" | sed -n 's/.*-qp\([0-9]*\)-.*/\1/p') floor=28
		[ "${qp:-0}" -gt 40 ] && floor=20
		if [ "${f##*.}" = h264 ]; then
			check "mpp replay: $name decodes (FFmpeg, explode)" decode_h264 "$f" "$n.dec"
			check "mpp replay: $name FFmpeg frames equal the reconstruction bit for bit" \
				cmp -s "$n.dec" "$n.rec"
			p=$(psnr_yuv "$n.src" "$n.dec" "$w" "$h")
		else
			p=$(psnr_jpeg "$f" "$n.src" "$w" "$h" "$w" "$h")
		fi
		check "mpp replay: $name decodes at PSNR ${p:-none} >= $floor dB" at_least "$p" "$floor"
	done
fi

# H.264 path: the driver's SPS/PPS writer + the virtual VEPU's H.264 core.
# FFmpeg is the oracle: strict decode, frames equal to the core's
# reconstruction bit for bit, and a PSNR floor against the source.
h264=$build/h264
mkdir -p "$h264"
if host_test h264 "$h264"; then
	for c in qcif-qp28:176:144:36 crop-qp20:202:118:42 crop-qp36-offsets:250:142:29 \
		 qp44-nofilter:160:96:25 qp12-yuyv:128:64:48 vga-qp30:640:480:35 \
		 pan-subpel-qp26:320:176:36 noise-qp0:96:64:45 mbrc-tight-qp20:320:240:24 \
		 mbrc-loose-qp40:208:176:30 bands-split-qp26:176:144:35 \
		 bands-p16-qp26:176:144:35 noise-favours-qp20:96:64:30 \
		 pan-noise-qp26:160:96:35 pan-noise-skip-qp26:160:96:35; do
		IFS=: read -r base w h floor <<-EOF
		$c
		EOF
		# Each case in CAVLC and in CABAC, with and without 8x8 transforms.
		for name in "$base" "$base-cabac" "$base-t8" "$base-cabac-t8"; do
			check "h264: $name decodes (FFmpeg, explode)" \
				decode_h264 "$h264/$name.h264" "$h264/$name.dec"
			check "h264: $name FFmpeg frames equal the reconstruction bit for bit" \
				cmp -s "$h264/$name.dec" "$h264/$name.rec"
			p=$(psnr_yuv "$h264/$name.src" "$h264/$name.dec" "$w" "$h")
			check "h264: $name PSNR ${p:-none} >= $floor dB" at_least "$p" "$floor"
		done
	done
fi

# vp8_streams TEST LABEL: run host test TEST, which writes VP8 streams and
# a cases file; FFmpeg's and libvpx's decoders, independent of each other,
# must both decode every stream strictly into frames equal to the model's
# reconstruction bit for bit; and a PSNR floor against the source.
vp8_streams() {
	local dir=$build/$1 name w h floor n p
	mkdir -p "$dir"
	host_test "$1" "$dir" || return 0
	while read -r name w h floor; do
		n=$dir/$name
		check "$2: $name decodes (FFmpeg, explode)" decode_vp8 "$n.ivf" "$n.dec"
		check "$2: $name FFmpeg frames equal the reconstruction bit for bit" \
			cmp -s "$n.dec" "$n.rec"
		check "$2: $name decodes (libvpx vpxdec)" decode_vpx "$n.ivf" "$n.vpx"
		check "$2: $name vpxdec frames equal the reconstruction bit for bit" \
			cmp -s "$n.vpx" "$n.rec"
		p=$(psnr_yuv "$n.src" "$n.dec" "$w" "$h")
		check "$2: $name PSNR ${p:-none} >= $floor dB" at_least "$p" "$floor"
	done <"$dir/cases"
}

# VP8 core: the driver's frame header and boolean encoder + the virtual
# VEPU's VP8 core, every coding tool.
vp8_streams vp8 vp8
# VP8 as the driver codes it: its frame coding, its register programming
# for H1 and VEPU2, the model's register decoding, its frame assembly.
vp8_streams vp8_driver "vp8 driver path"

# Standalone runs end with their own summary.
[ -z "${HANTRO_OUT:-}" ] && summary
exit 0
