# SPDX-License-Identifier: GPL-2.0
# Harness self-test payload: load a module that WARNs and leaks on purpose.
# The host expects this run to FAIL with both splats reported.
. ./lib.sh
check "splat_test loads" insmod "$MODDIR/splat_test.ko" warn=1 leak=1
finish
