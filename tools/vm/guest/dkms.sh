# SPDX-License-Identifier: GPL-2.0
# The package as a board's user installs it, on Debian's own arm64 kernel:
# dpkg -i runs dkms, which builds both modules against linux-headers-arm64
# inside the guest; they load from the kernel's module tree, udev names the
# nodes, GStreamer encodes H.264 and JPEG that FFmpeg decodes strictly, and
# removing the package removes the modules.
. ./lib.sh
. ./psnr.sh

rel=$(uname -r)
section "the dkms package on Debian's arm64 kernel $rel"
check "Debian's arm64 kernel runs ($rel, $(uname -m))" \
	sh -c "uname -r | grep -q -- '-arm64\$' && [ \"\$(uname -m)\" = aarch64 ]"
check "its headers are installed (linux-headers-arm64)" test -f "/lib/modules/$rel/build/Makefile"
t0=$(date +%s)
# The package fails to configure when dkms fails for the running kernel.
check "dpkg -i installs the package; dkms builds both modules (log: dpkg-i.log)" \
	sh -c "dpkg -i ./hantro-enc-dkms_*_all.deb >/mnt/out/dpkg-i.log 2>&1"
echo "  dpkg -i took $(($(date +%s) - t0)) s"
cp /var/lib/dkms/hantro-enc/*/build/make.log /mnt/out/dkms-make.log 2>/dev/null
check "dkms reports hantro-enc installed for $rel" \
	sh -c "dkms status hantro-enc | grep -q '$rel.*installed'"
section "device-tree nodes: what probe makes of each"
# tools/vm/arm64/encoder-nodes.dtsi: nodes as boards have them, over
# reserved RAM; nothing encodes there, nothing streams.
drv=/sys/bus/platform/drivers/hantro-enc
# logged TEXT: the kernel log has a line matching TEXT (a grep pattern).
logged() { dmesg | grep -q -- "$1"; }
# nodes_of DEVICE: the names of the video nodes of platform device DEVICE.
nodes_of() {
	for _v in /sys/class/video4linux/video*; do
		[ "$(basename "$(readlink -f "$_v/device")")" = "$1" ] && cat "$_v/name"
	done | sort | tr '\n' ' '
}
check "hantro-enc loads from the kernel's module tree (modprobe)" modprobe hantro-enc
check "rockchip,rk3399-vepu binds by matching" test -e $drv/b0000000.video-codec
check "... as the RK3399 VEPU2" logged "b0000000.video-codec: hantro-enc .* bound to the RK3399 VEPU2"
check "... with its JPEG and H.264 nodes ($(nodes_of b0000000.video-codec))" \
	test "$(nodes_of b0000000.video-codec)" = "hantro-jpeg-enc hantro-video-enc "
check "... saying its AXI clock stays at the node's 100 MHz" \
	logged "b0000000.video-codec: aclk runs at 100000000 Hz, not 400000000"
for v in /sys/class/video4linux/video*; do
	[ "$(basename "$(readlink -f "$v/device")")" = b0000000.video-codec ] &&
		[ "$(cat "$v/name")" = hantro-video-enc ] && dtvideo=/dev/${v##*/}
done
check "... v4l2-compliance on its H.264 node, no streaming: 0 failures, 0 warnings" \
	compliance "${dtvideo:-/dev/null}" compliance-arm64-dt
check "a node without its clocks is refused, naming them" \
	logged "b0030000.video-codec: .*the RK3399 VEPU2 needs the clocks aclk and hclk"
check "... and stays unbound" test ! -e $drv/b0030000.video-codec
check "an H1 whose configuration register has no codec is refused" \
	logged "b0020000.video-codec: .*none of the codecs"
check "mainline's RK3588 JPEG cores are not matched" test ! -e $drv/b0010000.video-codec
hantro-enc-switch take all
check "hantro-enc-switch take all: the first core binds as the RK3588 JPEG encoder" \
	logged "b0010000.video-codec: hantro-enc .* bound to the RK3588 JPEG encoder"
check "... with a JPEG node only ($(nodes_of b0010000.video-codec))" \
	test "$(nodes_of b0010000.video-codec)" = "hantro-jpeg-enc "
check "... the second stays unused, naming the first" \
	logged "b0014000.video-codec: a further core, unused: .*video-codec@b0010000 is the encoder"
hantro-enc-switch give all
check "hantro-enc-switch give all: both cores leave hantro-enc" \
	sh -c "[ ! -e $drv/b0010000.video-codec ] && [ ! -e $drv/b0014000.video-codec ]"
# Given back, they load Debian's hantro_vpu, whose JPEG node would stand in
# for the virtual VEPU's below (there is no encoder behind these nodes).
ls /sys/bus/platform/drivers/hantro-vpu 2>/dev/null | grep video-codec | sed 's/^/  hantro_vpu: /'
rmmod hantro_vpu 2>/dev/null
# What follows runs on the virtual VEPU's nodes alone.
printf b0000000.video-codec >$drv/unbind

section "the virtual VEPU on the installed modules"
check "hantro-vepu-virt loads (modprobe)" modprobe hantro-vepu-virt
check "the driver binds the virtual VEPU" virtual_vepu_bound
video=$(node_named hantro-video-enc)
jpeg=$(node_named hantro-jpeg-enc)
check "the H.264 and the JPEG node are registered ($video, $jpeg)" \
	test -n "$video" -a -n "$jpeg"
check "the switch is installed" test -x /usr/sbin/hantro-enc-switch

section "udev: stable names and access"
/usr/lib/systemd/systemd-udevd --daemon
udevadm trigger --action=add --subsystem-match=video4linux
udevadm settle -t 60
# same_node LINK NODE: LINK resolves to NODE.
same_node() { [ -n "$2" ] && [ "$(readlink -f "$1")" = "$2" ]; }
check "/dev/hantro-h264-enc is the H.264 node" same_node /dev/hantro-h264-enc "$video"
check "/dev/video-enc0 (Chromium's) is the H.264 node" same_node /dev/video-enc0 "$video"
check "/dev/hantro-jpeg-enc is the JPEG node" same_node /dev/hantro-jpeg-enc "$jpeg"
check "/dev/jpeg-enc0 is the JPEG node" same_node /dev/jpeg-enc0 "$jpeg"
check "the nodes belong to the video group, mode 0660 ($(stat -c '%G %a' "$video"))" \
	sh -c "[ \"\$(stat -c '%G %a' '$video')\" = 'video 660' ] &&
		[ \"\$(stat -c '%G %a' '$jpeg')\" = 'video 660' ]"
udevadm control --exit

section "GStreamer encodes, FFmpeg decodes"
# Logs go to /mnt/out: GStreamer's own "WARNING:" lines are no kernel's.
timeout 300 gst-launch-1.0 -q videotestsrc num-buffers=10 \
	! video/x-raw,format=NV12,width=320,height=240,framerate=30/1 \
	! v4l2h264enc ! filesink location=/tmp/arm64.h264 >/mnt/out/gst-h264.log 2>&1
check "v4l2h264enc 320x240: decodes strictly" decode_h264 /tmp/arm64.h264 /tmp/arm64.yuv
check "... all 10 frames ($(frames_of /tmp/arm64.yuv 320 240))" \
	test "$(frames_of /tmp/arm64.yuv 320 240)" = 10
timeout 300 gst-launch-1.0 -q videotestsrc num-buffers=1 \
	! video/x-raw,format=NV12,width=320,height=240 \
	! v4l2jpegenc ! filesink location=/tmp/arm64.jpg >/mnt/out/gst-jpeg.log 2>&1
check "v4l2jpegenc 320x240: the picture decodes strictly at that size" \
	sh -c "[ -s /tmp/arm64.jpg ] &&
		! ffmpeg -v error -nostdin -err_detect explode -i /tmp/arm64.jpg -f null - 2>&1 | grep -q . &&
		[ \"\$(ffprobe -v error -show_entries stream=width,height -of csv=p=0 /tmp/arm64.jpg)\" = 320,240 ]"

section "removing the package"
check "the modules unload" unload_project_modules
check "dpkg -r removes the package and dkms its modules" \
	sh -c "dpkg -r hantro-enc-dkms >/tmp/dpkg-r.log 2>&1 &&
		[ -z \"\$(find /lib/modules/$rel -name 'hantro-enc.ko*')\" ]"
finish
