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

if [ "${VEPU_IP:-h1}" = h1 ]; then
section "the H1 configuration register narrows what is offered"
# An i.MX8MM's H1: H.264 and VP8, no JPEG, AXI 64-bit, video to 1920 wide.
check "modules load as an H1 without JPEG" \
	sh -c "insmod '$MODDIR/hantro-enc.ko' &&
		insmod '$MODDIR/hantro-vepu-virt.ko' ip=h1 config=$((0x0c301780))"
check "... no JPEG node" test -z "$(node_named hantro-jpeg-enc)"
check "... the video node" test -n "$(node_named hantro-video-enc)"
check "... what the block reports, logged once" \
	test "$(dmesg | grep -c 'configuration 0c301780: H.264 VP8, video up to 1920 pixels wide; offering H.264 VP8$')" = 1
check "modules unload" unload_project_modules
# A block 1280 pixels wide at most: H.264 stops there, JPEG does not.
check "modules load as an H1 of 1280 pixels" \
	sh -c "insmod '$MODDIR/hantro-enc.ko' &&
		insmod '$MODDIR/hantro-vepu-virt.ko' ip=h1 config=$((0x0a000500))"
check "... H.264 frame sizes end at 1280x1088" \
	sh -c "v4l2-ctl -d '$(node_named hantro-video-enc)' --list-framesizes=H264 |
		grep -q 'Stepwise 144x96 - 1280x1088'"
check "modules unload" unload_project_modules
# Narrower than the smallest H.264 frame (144): no video node at all.
check "modules load as an H1 of 100 pixels" \
	sh -c "insmod '$MODDIR/hantro-enc.ko' &&
		insmod '$MODDIR/hantro-vepu-virt.ko' ip=h1 config=$((0x0a000064))"
check "... no video node, the JPEG node" \
	sh -c "[ -z '$(node_named hantro-video-enc)' ] && [ -n '$(node_named hantro-jpeg-enc)' ]"
check "modules unload" unload_project_modules
fi

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

section "hantro-enc-switch: a node handed to hantro-enc and back"
# vicodec stands in for hantro_vpu: a platform device bound to another
# driver. hantro-enc refuses a device it has no variant for, which leaves
# it unbound; giving it back rebinds its own driver.
conf=/tmp/hantro-enc-take
vc=$(cd /sys/bus/platform/drivers/vicodec && ls -d vicodec*)
sw() { HANTRO_ENC_CONF=$conf ./hantro-enc-switch "$@"; }
# sw_says EXPECTED ARGS...: the switch, given ARGS, prints exactly EXPECTED.
sw_says() {
	_want=$1
	shift
	_got=$(sw "$@")
	[ "$_got" = "$_want" ] || { echo "  got: $_got"; return 1; }
}
remembered() { grep -qx "$vc" "$conf"; }
check "modules load" load_project_modules
check "take: vicodec leaves its driver and hantro-enc refuses it" \
	sw_says "$vc: none" take "$vc"
check "... saying why" sh -c "dmesg | grep -q 'hantro-enc $vc: .*no encoder variant for this device'"
check "... and the encoder node is gone" test -z "$(node_named stateful-encoder)"
check "give: vicodec binds it again" sw_says "$vc: vicodec" give "$vc"
check "... and its encoder node is back" test -n "$(node_named stateful-encoder)"
check "take --boot remembers the device" sw_says "$vc: none" take --boot "$vc"
check "... in the boot list" remembered
sw give "$vc" >/dev/null
check "boot (the udev rule) takes a remembered device" sw_says "$vc: none" boot "$vc"
check "give --boot forgets it" sw_says "$vc: vicodec" give --boot "$vc"
check "... from the boot list" sh -c "! grep -qx '$vc' $conf"
check "boot leaves a device it was not told of alone" sw_says "" boot "$vc"
check "... bound to its driver" test -n "$(node_named stateful-encoder)"
check "the virtual VEPU stayed bound throughout" virtual_vepu_bound
check "modules unload" unload_project_modules
rmmod vicodec
finish
