# SPDX-License-Identifier: GPL-2.0
# Harness self-test payload: load a module that WARNs and leaks on purpose,
# and a driver build whose probe writes past its device structure. The host
# expects this run to FAIL with all three reported.
. ./lib.sh
check "splat_test loads" insmod "$MODDIR/splat_test.ko" warn=1 leak=1
check "the out-of-bounds driver build loads and binds" load_project_modules
unload_project_modules
finish
