# SPDX-License-Identifier: GPL-2.0
# A fuzz campaign (tools/fuzz.sh): the ioctl fuzzer on both nodes at once for
# FUZZ_SECONDS, then each node must still encode; any splat fails the run.
. ./lib.sh

start_both_nodes || finish
fuzz_nodes "${FUZZ_SECONDS:-1800}" "$venc" "$jenc"
check "modules unload" unload_project_modules
finish
