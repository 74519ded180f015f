# SPDX-License-Identifier: GPL-2.0
# Everything the top-level commands use: source this one file.
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
. "$HANTRO_TOP/tools/lib/deps.sh"
. "$HANTRO_TOP/tools/lib/kernel.sh"
. "$HANTRO_TOP/tools/lib/modules.sh"
. "$HANTRO_TOP/tools/lib/rootfs.sh"
. "$HANTRO_TOP/tools/lib/vm.sh"
. "$HANTRO_TOP/tools/lib/payload.sh"
. "$HANTRO_TOP/tools/lib/psnr.sh"
. "$HANTRO_TOP/tools/lib/oracle.sh"
. "$HANTRO_TOP/tools/lib/dt.sh"
. "$HANTRO_TOP/tools/lib/package.sh"
. "$HANTRO_TOP/tools/lib/arm64.sh"
