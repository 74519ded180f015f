#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Regenerate tests/vectors/mpp/: the registers Rockchip MPP's encoder (the
# vendor's userspace, unmodified) writes for each frame of a spread of
# configurations on both IPs, and the bytes it writes in software ahead of
# the hardware's part. They are facts about the hardware the tests compare
# the driver and the model with; CI uses the committed files and never runs
# MPP.
#
#   tools/mpp-vectors.sh ORACLE_DIR MPP_SOURCE_DIR
#
# ORACLE_DIR is the register-trace harness that builds MPP on this machine
# with its device layer replaced (the workplace's shared/tools/mpp-oracle:
# build.sh, trace_enc.c, fakedev.c, capture.c); MPP_SOURCE_DIR an unpacked
# rockchip-linux/mpp tree. Each vector is NAME.regs (per frame, every
# non-zero register and the buffer offsets the kernel adds) and NAME.cap
# (MPP's buffers, the header bytes it wrote, a hash of its CABAC table),
# both headed by their provenance. Settings the harness has no argument for
# come from tools/mpp-cfg.c, preloaded.
set -euo pipefail
. "$(dirname "$0")/lib/common.sh"

[ $# -eq 2 ] || die "usage: $0 ORACLE_DIR MPP_SOURCE_DIR"
oracle=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
out=$HANTRO_TOP/tests/vectors/mpp
build=$HANTRO_CACHE/mpp-oracle
commit=$(cd "$src" && { git rev-parse --short=8 HEAD 2>/dev/null || cat .mpp-commit 2>/dev/null ||
	echo unknown; })

if [ ! -x "$build/trace_cap" ]; then
	[ -e "$build/mpp-build/mpp/librockchip_mpp.so" ] || "$oracle/build.sh" "$src" "$build" >&2
	gcc -O0 -g -o "$build/trace_cap" "$oracle/trace_enc.c" "$oracle/fakedev.c" \
		"$oracle/capture.c" -I"$src/inc" -I"$src/osal/inc" -I"$src/osal" \
		-I"$src/mpp/inc" -I"$src/utils" -L"$build/mpp-build/mpp" -lrockchip_mpp \
		-Wl,-rpath,"$build/mpp-build/mpp" -lpthread -ldl
fi
gcc -O2 -Wall -shared -fPIC -o "$build/mpp-cfg.so" "$HANTRO_TOP/tools/mpp-cfg.c" -ldl

# MPP's own names of settings beyond the harness's arguments, for the next
# vector() only: CFG=h264:dblk_disable=1 vector ...; IPS narrows the IPs.
CFG=
IPS="vepu1 vepu2"
# NAME RC CODEC W H FRAMES QP [CABAC T8X8]: one configuration on both IPs.
vector() {
	local name=$1 rc=$2 ip f
	shift 2
	for ip in $IPS; do
		f=$out/$ip-$name
		if ! ORACLE_IP=$ip ORACLE_RC=$rc ORACLE_OUT="$f.regs.tmp" ORACLE_CAP="$f.cap.tmp" \
			HANTRO_MPP_CFG=$CFG LD_PRELOAD="$build/mpp-cfg.so" \
			"$build/trace_cap" "$@" >"$f.log" 2>&1; then
			say "$ip $name: MPP refused it ($(tail -n 1 "$f.log"))"
			rm -f "$f".*tmp* "$f.log"
			continue
		fi
		{
			echo "# Rockchip MPP commit $commit, unmodified encoder; registers as its $ip HAL"
			echo "# writes them, captured with its device layer replaced."
			echo "# config: ip $ip, rc $rc, trace_enc $*"
			[ -z "$CFG" ] || echo "# mpp settings: $CFG"
			grep '^frame' "$f.log" | sed 's/^/# /'
			cat "$f.regs.tmp"
		} >"$f.regs"
		{
			echo "# Rockchip MPP commit $commit; buffers, software-written header bytes"
			echo "# and CABAC table hash of the configuration in $ip-$name.regs."
			cat "$f.cap.tmp"
		} >"$f.cap"
		rm -f "$f".*tmp* "$f.log"
		say "$ip $name: $(grep -c '^# frame [0-9]* client' "$f.regs") frames"
	done
	CFG=
	IPS="vepu1 vepu2"
}

mkdir -p "$out"
rm -f "$out"/*.regs "$out"/*.cap
vector h264-cavlc-qp20-320x240 fixqp h264 320 240 2 20 0 0
vector h264-cavlc-qp30-320x240 fixqp h264 320 240 2 30 0 0
vector h264-cavlc-qp40-320x240 fixqp h264 320 240 2 40 0 0
vector h264-cavlc-qp30-176x144 fixqp h264 176 144 2 30 0 0
vector h264-cavlc-qp30-144x96 fixqp h264 144 96 2 30 0 0
vector h264-cavlc-qp30-1000x562 fixqp h264 1000 562 2 30 0 0
vector h264-cavlc-qp30-1920x1080 fixqp h264 1920 1080 2 30 0 0
vector h264-cabac-qp30-320x240 fixqp h264 320 240 2 30 1 0
vector h264-cabac-t8-qp30-320x240 fixqp h264 320 240 2 30 1 1
vector h264-cabac-t8-qp26-1000x562 fixqp h264 1000 562 2 26 1 1
CFG=h264:dblk_disable=1 vector h264-deblock-off-320x240 fixqp h264 320 240 2 30 0 0
CFG=h264:dblk_disable=2,h264:dblk_alpha=3,h264:dblk_beta=-2 \
	vector h264-deblock-2-offsets-320x240 fixqp h264 320 240 2 30 0 0
vector h264-cbr-mbrc-320x240 cbr h264 320 240 4 30 0 0
vector h264-cbr-mbrc-cabac-t8-640x480 cbr h264 640 480 4 30 1 1
vector jpeg-q50-320x240 fixqp jpeg 320 240 1 50
vector jpeg-q80-320x240 fixqp jpeg 320 240 1 80
vector jpeg-q95-320x240 fixqp jpeg 320 240 1 95
vector jpeg-q80-1000x562 fixqp jpeg 1000 562 1 80
vector vp8-320x240 fixqp vp8 320 240 2 40
# Every QP MPP accepts (it takes 0 for "unset"), one picture at 1080p, where
# the skip penalty is not scaled: the per-QP favours and penalties. The
# tables are MPP's, the same on both IPs; VEPU2's positions are covered above.
for qp in $(seq 1 51); do
	IPS=vepu1 vector "h264-qpsweep-qp$qp-1920x1080" fixqp h264 1920 1080 1 "$qp" 0 0
done
say "$(find "$out" -name '*.regs' | wc -l) vectors in $out"
