#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The whole hantro-enc test suite:
#   1. host unit tests (seconds)
#   2. kernel style: checkpatch --strict on the driver sources
#   3. device tree: the bindings and the overlays (on real boards' DTBs)
#      validated with dt-schema, the variant table against both
#   4. build matrix: the modules with W=1 and zero warnings against x86_64
#      6.12 (the debug test kernel) and the newest 7.x and arm64 6.1 and 6.12
#      with Debian's configs; sparse on 6.12; the dkms package, built by dkms
#   5. VM tests on a 6.12 debug kernel (KASAN, lockdep, kmemleak, ...) and on
#      Debian's own newest 7.x kernel, plus a self-test proving that a splat
#      fails a VM run; the dkms package installed on Debian's arm64 kernel
#      under qemu-system-aarch64
# Installs what it needs (Debian packages, as root) and caches kernels and the
# guest root in $HANTRO_ENC_CACHE (default /var/cache/hantro-enc). Ends with
# "N passed, N failed" and exits non-zero if anything failed.
#
# HANTRO_TESTS="host style dt matrix vm" selects stages (default: all of them).
# HANTRO_VM_SUITES="6.12-jpeg 7*-h264" runs only the guest suites matching
# those globs (LABEL-SUITE; the self-test is 6.12-splat-selftest, the
# package on Debian's arm64 kernel arm64-dkms).
set -u
. "$(dirname "$0")/lib/all.sh"

STAGES=${HANTRO_TESTS:-host style dt matrix vm}
HANTRO_OUT=${HANTRO_OUT:-$HANTRO_TOP/out}
HANTRO_RESULTS=$HANTRO_OUT/results.txt
export HANTRO_OUT HANTRO_RESULTS
mkdir -p "$HANTRO_OUT" "$HANTRO_CACHE/logs"
: >"$HANTRO_RESULTS"
: >"$HANTRO_OUT/times.txt"
T0=$(date +%s)
stage() { case " $STAGES " in *" $1 "*) return 0 ;; esac; return 1; }

say "hantro-enc test suite: stages: $STAGES; cache: $HANTRO_CACHE; output: $HANTRO_OUT"
install_host_deps
pkg_apt_update

NEWEST7=$(newest_kernel_series 7)
say "kernels: 6.12 and newest 7.x = $NEWEST7 (VM), arm64 6.1 and 6.12 (builds)"

host_tests() {
	say "== host unit tests"
	"$HANTRO_TOP/tests/host/run.sh"
}

style_checks() {
	local src612 files f kdoc
	say "== checkpatch --strict and kernel-doc on the kernel sources"
	src612=$(kernel_source 6.12)
	files=$(cd "$HANTRO_TOP" && git ls-files 'drivers/*.c' 'drivers/*.h' 2>/dev/null ||
		find drivers -name '*.[ch]')
	for f in $files; do
		check "checkpatch --strict $f" perl "$src612/scripts/checkpatch.pl" --no-tree \
			--strict --quiet -f "$HANTRO_TOP/$f"
	done
	kdoc=$(cd "$HANTRO_TOP" && perl "$src612/scripts/kernel-doc" -none -Wall $files 2>&1)
	[ -n "$kdoc" ] && echo "$kdoc"
	check "kernel-doc -Wall on the kernel sources: no warnings" test -z "$kdoc"
}

# Fetching and unpacking wait on the network and the disk more than on the
# CPU: on a fresh machine the guest root and the 7.x sources come in while
# the 6.12 kernel compiles (cached, these return at once).
if stage vm; then
	say "the guest root is checked or built beside the kernels, log: $HANTRO_OUT/rootfs.log"
	guest_rootfs >"$HANTRO_OUT/rootfs.path" 2>"$HANTRO_OUT/rootfs.log" &
	ROOTFS_JOB=$!
	if vm_selected arm64-dkms; then
		say "the arm64 guest root is checked or built too, log: $HANTRO_OUT/rootfs-arm64.log"
		arm64_rootfs >"$HANTRO_OUT/rootfs-arm64.path" 2>"$HANTRO_OUT/rootfs-arm64.log" &
		ARM64_JOB=$!
	fi
fi
if stage matrix || stage vm; then
	kernel_source "$NEWEST7" >/dev/null 2>"$HANTRO_OUT/source-$NEWEST7.log" &
	SOURCE7_JOB=$!
fi

# Kernels: the 6.12 debug kernel, built here, and Debian's own newest 7.x
# kernel, taken from the archive, are the VM tests' kernels and the x86_64
# build targets.
if stage matrix || stage vm; then
	K612=$(debug_kernel 6.12) || die "6.12 kernel build failed"
	wait "$SOURCE7_JOB" ||
		die "unpacking the $NEWEST7 sources failed: $(cat "$HANTRO_OUT/source-$NEWEST7.log")"
	K7=$(distro_kernel "$NEWEST7") || die "Debian's $NEWEST7 kernel could not be prepared"
	M612=$(module_build x86_64-6.12 "$K612")
	check "build W=1 x86_64 6.12, no warnings" test -n "$M612"
	T7=$(distro_kernel_tree "$NEWEST7" amd64) || die "Debian's $NEWEST7 tree could not be prepared"
	M7=$(module_build "x86_64-$NEWEST7" "$T7" KBUILD_EXTRA_SYMBOLS="$K7/m2m/Module.symvers")
	check "build W=1 x86_64 $NEWEST7 (Debian's config), no warnings" test -n "$M7"
fi

build_matrix() {
	local tree
	say "== build matrix"
	# The oldest series on the boards' architecture, with Debian's config: an
	# API check that needs no kernel build.
	tree=$(distro_kernel_tree 6.1 arm64) || die "arm64 6.1 tree preparation failed"
	check "build W=1 arm64 6.1 (Debian config), no warnings" \
		module_build arm64-6.1 "$tree" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- \
		>/dev/null
	tree=$(distro_kernel_tree 6.12 arm64) || die "arm64 6.12 tree preparation failed"
	check "build W=1 arm64 6.12 (Debian config), no warnings" \
		module_build arm64-6.12 "$tree" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- \
		>/dev/null
	check "sparse (C=2) x86_64 6.12, no reports" \
		module_build sparse-6.12 "$K612" C=2 CHECK="sparse -Wno-decl" >/dev/null
	package_checks "$K612"
}

# Two lanes of guests, about equally long (times.txt has each boot's
# figure; in a warm run on two cores 1035 s for the 6.12 smoke, JPEG and
# H.264 suites, 944 s for the arm64 package; 1618 s for 6.12 VP8 and the
# clients, lifecycle and sleep suites, 80 s for the self-test and 301 s for
# Debian's 7.x). Suites share a boot where they need nothing of their own
# from the kernel (suites.sh); the 6.12 quality suites run from the
# quickest to the longest so that a broken build fails early.
vm_lane_debug() {
	vm_suite 6.12 "$K612" "$ROOT" "smoke jpeg h264" "$M612" 4200
	vm_lane_arm64
}

# vp8_vpxdec LABEL: the guests have no libvpx; the WebM files their VP8
# suite kept are decoded here by vpxdec too, which must agree with FFmpeg.
vp8_vpxdec() {
	local f n=0
	vm_selected "$1-vp8" || return 0
	for f in "$HANTRO_OUT"/vm-"$1"-*vp8*/*.webm; do
		[ -e "$f" ] || continue
		check "[$1] ${f##*/}: vpxdec decodes it strictly, to FFmpeg's frames" vpx_agrees "$f"
		n=$((n + 1))
	done
	check "[$1] the VP8 suite kept its WebM files for vpxdec ($n)" test "$n" -ge 3
}
vm_lane_clients() {
	# sleep ends its boot: it must come last.
	vm_suite 6.12 "$K612" "$ROOT" "vp8 clients lifecycle sleep" "$M612" 4200 \
		FUZZ_SECONDS="${FUZZ_SECONDS:-45}"
	vp8_vpxdec 6.12
	splat_selftest
	# The newest kernel, as Debian ships it to users, runs what can break at
	# run time there, on the VEPU2 register set; the quality sweeps and the
	# debug checks (KASAN, lockdep, kmemleak) ran on 6.12.
	vm_suite "$NEWEST7" "$K7" "$ROOT" "smoke jpeg h264 vp8" "$M7" 1500 VEPU_IP=vepu2 \
		SMOKE_VICODEC=0 JPEG_QUICK=1 H264_QUICK=1 VP8_QUICK=1
	vp8_vpxdec "$NEWEST7"
}

# The package on the boards' distribution kernel (tools/lib/arm64.sh), once
# its root, built beside everything else, is there.
vm_lane_arm64() {
	[ -n "${ARM64_JOB:-}" ] || return 0
	while kill -0 "$ARM64_JOB" 2>/dev/null; do sleep 5; done
	sed 's/^/  rootfs-arm64| /' "$HANTRO_OUT/rootfs-arm64.log"
	if [ ! -s "$HANTRO_OUT/rootfs-arm64.path" ]; then
		result FAIL "[arm64] the arm64 guest root builds; see $HANTRO_OUT/rootfs-arm64.log"
		return 1
	fi
	arm64_suite "$(cat "$HANTRO_OUT/rootfs-arm64.path")" 2400
}

splat_selftest() {
	local out
	vm_selected 6.12-splat-selftest || return 0
	say "== harness self-test: a WARN, a leak and the driver writing out of bounds fail the run"
	payload_make "$HANTRO_CACHE/payload/splat-selftest" splat-selftest "$SPLAT"
	out="$HANTRO_OUT/vm-6.12-splat-selftest"
	if vm_boot "$K612" "$ROOT" "$HANTRO_CACHE/payload/splat-selftest" "$out" 600; then
		result FAIL "harness self-test: a WARN_ON, a leak and an out-of-bounds write went unnoticed"
	else
		check "harness self-test: the guest finished (failure is the splat's)" \
			test -f "$out/finished"
		check "harness self-test: WARN_ON reported" \
			grep -q 'WARNING:.*splat_test' "$out/dmesg.txt"
		check "harness self-test: kmemleak reported the leak" \
			grep -q 'unreferenced object.*size 1024' "$out/kmemleak.txt"
		check "harness self-test: KASAN reported the driver's out-of-bounds write" \
			grep -q 'KASAN: slab-out-of-bounds in hantro_enc_probe' "$out/dmesg.txt"
		check "harness self-test: splat-check flags the run" \
			sh -c "! '$HANTRO_TOP/tools/vm/splat-check' '$out/dmesg.txt' '$out/kmemleak.txt' >/dev/null"
	fi
}

if stage vm; then
	say "== VM tests"
	wait "$ROOTFS_JOB" || {
		tail -n 30 "$HANTRO_OUT/rootfs.log"
		die "guest root build failed, see $HANTRO_OUT/rootfs.log"
	}
	ROOT=$(cat "$HANTRO_OUT/rootfs.path")
	sed 's/^/  rootfs| /' "$HANTRO_OUT/rootfs.log"
	# The self-test's modules: the driver with a deliberate out-of-bounds
	# write in its probe, and the module that WARNs and leaks.
	SPLAT=
	kasan_oob_tree "$HANTRO_CACHE/modbuild/kasan-oob-src" &&
		SPLAT=$(HANTRO_MODULE_SRC=$HANTRO_CACHE/modbuild/kasan-oob-src \
			module_build splat-6.12 "$K612")
	check "KASAN instruments the driver and the model's device glue, not the codec cores" \
		kasan_split "$M612"
	make -s -C "$HANTRO_TOP/tests/splat-module" KDIR="$K612" >"$HANTRO_OUT/splat-module.log" 2>&1 &&
		cp "$HANTRO_TOP/tests/splat-module/splat_test.ko" "$SPLAT/" &&
		make -s -C "$HANTRO_TOP/tests/splat-module" KDIR="$K612" clean >/dev/null 2>&1
	vm_prepare_root "$K612" "$ROOT"
	vm_prepare_root "$K7" "$ROOT"
	# The guests take most of the time: the checks below run beside them.
	vm_lanes vm_lane_debug vm_lane_clients &
	LANES=$!
fi
stage host && host_tests
stage style && style_checks
stage dt && dt_checks
stage matrix && build_matrix
if [ -n "${LANES:-}" ]; then
	wait "$LANES"
	say "time per guest suite:"
	sed 's/^/  /' "$HANTRO_OUT/times.txt"
fi

say "finished in $(($(date +%s) - T0))s; results in $HANTRO_RESULTS"
summary
