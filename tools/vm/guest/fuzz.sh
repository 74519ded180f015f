# SPDX-License-Identifier: GPL-2.0
# A fuzz campaign (tools/fuzz.sh): the ioctl fuzzer on both nodes at once for
# FUZZ_SECONDS, then each node must still encode; any splat fails the run.
. ./lib.sh

check "modules load" load_project_modules
venc=$(node_named hantro-video-enc)
jenc=$(node_named hantro-jpeg-enc)
check "H.264 and JPEG nodes registered" test -n "$venc" -a -n "$jenc"
[ -n "$venc" ] && [ -n "$jenc" ] || finish
fuzz_nodes "${FUZZ_SECONDS:-1800}" "$venc" "$jenc"
check "modules unload" unload_project_modules
finish
