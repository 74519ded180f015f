# SPDX-License-Identifier: GPL-2.0
# VM smoke test: the project's modules load, bind, unload and reload cleanly,
# and the harness itself can judge a stateful encoder with v4l2-compliance.
. ./lib.sh

section "project modules"
check "modules load" load_project_modules
check "driver binds the virtual VEPU" virtual_vepu_bound
dmesg | grep -E 'hantro' | sed 's/^/  /'
check "modules unload" unload_project_modules
check "driver unbound after unload" test ! -e /sys/bus/platform/drivers/hantro-enc
check "modules reload" load_project_modules
check "driver binds again" virtual_vepu_bound
check "modules unload again" unload_project_modules

# The reference figure is taken once, on the first kernel (SMOKE_VICODEC=0
# skips it on the others).
[ "${SMOKE_VICODEC:-1}" = 1 ] || finish
section "harness reference: v4l2-compliance on vicodec's stateful encoder"
# The figure shows the harness judges a known-good encoder.
modprobe vicodec
enc=$(node_named stateful-encoder)
check "vicodec encoder node present" test -n "$enc"
if [ -n "$enc" ]; then
	v4l2-compliance --version | head -n 1
	check "v4l2-compliance -s vicodec encoder: 0 failures, 0 warnings" \
		compliance "$enc" compliance-vicodec -s "$COMPLIANCE_FRAMES"
fi
rmmod vicodec
finish
