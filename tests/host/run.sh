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

# Standalone runs end with their own summary.
[ -z "${HANTRO_OUT:-}" ] && summary
exit 0
