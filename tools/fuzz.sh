#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A long fuzz campaign: boot the 6.12 debug test kernel (KASAN, lockdep,
# kmemleak) with the driver and the virtual VEPU and run the ioctl fuzzer on
# the H.264 and the JPEG node at once for SECONDS each (default 1800). Prints
# the seed, file opens and ioctls of each node and ends "N passed, N failed";
# a splat, a hang or a node that no longer encodes fails it. FUZZ_SEED=N
# replays a seed. Run as root; caches as tools/test.sh does.
#
#   sudo tools/fuzz.sh [SECONDS]
set -u
. "$(dirname "$0")/lib/all.sh"

secs=${1:-1800}
HANTRO_OUT=${HANTRO_OUT:-$HANTRO_TOP/out}
HANTRO_RESULTS=$HANTRO_OUT/fuzz-results.txt
export HANTRO_OUT HANTRO_RESULTS
mkdir -p "$HANTRO_OUT" "$HANTRO_CACHE/logs"
: >"$HANTRO_RESULTS"
debug_vm_parts
vm_suite 6.12 "$K" "$ROOT" fuzz "$M" $((secs + 900)) FUZZ_SECONDS="$secs" \
	${FUZZ_SEED:+FUZZ_SEED="$FUZZ_SEED"}
grep -h '^fuzz:' "$HANTRO_OUT"/vm-6.12-fuzz/fuzz-*.log 2>/dev/null | sed 's/^/  /'
summary
