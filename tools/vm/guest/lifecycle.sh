# SPDX-License-Identifier: GPL-2.0
# Lifecycle and hostile input on the debug kernel: unbind and rmmod while a
# client streams, clients killed in the middle of a frame, both nodes at
# once, then the ioctl fuzzer on each node (system sleep: sleep.sh).
# Each node must still encode afterwards; the harness fails the run on any
# kernel splat.
. ./lib.sh
. ./psnr.sh

start_both_nodes || finish

ffmpeg -v error -nostdin -f lavfi -i testsrc2=size=320x240:rate=30 -frames:v 30 \
	-f rawvideo -pix_fmt nv12 -y /tmp/src.nv12

# stream NODE CODED COUNT OUT: v4l2-ctl encodes COUNT 320x240 frames to OUT.
stream() {
	v4l2-ctl -d "$1" --set-fmt-video-out=width=320,height=240,pixelformat=NV12 \
		--set-fmt-video=pixelformat="$2" --stream-out-mmap --stream-mmap \
		--stream-from=/tmp/src.nv12 --stream-loop --stream-count="$3" \
		--stream-to="$4" >/dev/null 2>&1
}

# ended PID SECONDS: PID has exited within SECONDS.
ended() {
	_n=$(($2 * 10))
	while kill -0 "$1" 2>/dev/null; do
		[ "$_n" -gt 0 ] || return 1
		sleep 0.1
		_n=$((_n - 1))
	done
	wait "$1" 2>/dev/null
	return 0
}

# encodes NODE CODED: a short stream comes out and decodes. v4l2-ctl may
# exit right after its STOP without collecting the last, drained frame when
# frames are slow (see the h264 suite), so 4 of its 5 frames do.
encodes() {
	rm -f /tmp/check.bin
	stream "$1" "$2" 5 /tmp/check.bin
	if [ "$2" = H264 ]; then
		holds /tmp/check.bin 4
	else
		test -s /tmp/check.bin
	fi
}

# holds FILE.h264 N: the stream decodes strictly to at least N 320x240
# frames; the count found goes to the log.
holds() {
	decode_h264 "$1" /tmp/holds.yuv || return 1
	_f=$(frames_of /tmp/holds.yuv 320 240)
	echo "  $1: $_f frames"
	test "$_f" -ge "$2"
}

section "unbind and rebind the driver while both nodes stream"
stream "$venc" H264 100000 /dev/null &
p1=$!
stream "$jenc" JPEG 100000 /dev/null &
p2=$!
sleep 3
check "unbind while streaming" sh -c "echo $VEPU_DEV >/sys/bus/platform/drivers/hantro-enc/unbind"
check "... the H.264 client ends within 60 s" ended "$p1" 60
check "... the JPEG client ends within 60 s" ended "$p2" 60
check "rebind" sh -c "echo $VEPU_DEV >/sys/bus/platform/drivers/hantro-enc/bind"
find_nodes
check "... the H.264 node encodes again" encodes "$venc" H264

section "rmmod the virtual VEPU with files open and a stream running"
stream "$venc" H264 100000 /dev/null &
p1=$!
sleep 3
exec 3<"$jenc"
check "rmmod hantro_vepu_virt while streaming" rmmod hantro_vepu_virt
check "... the client ends within 60 s" ended "$p1" 60
exec 3<&-
check "the virtual VEPU loads again" insmod "$MODDIR/hantro-vepu-virt.ko" ip="${VEPU_IP:-h1}"
find_nodes
check "... the H.264 node encodes again" encodes "$venc" H264

section "a frame that outlives the watchdog, then unbind at once"
stream "$venc" H264 100000 /dev/null &
p1=$!
sleep 2
echo 4 >/sys/module/hantro_vepu_virt/parameters/inject_fault
sleep 1
check "unbind during a stalled frame" \
	sh -c "echo $VEPU_DEV >/sys/bus/platform/drivers/hantro-enc/unbind"
check "... the client ends within 60 s" ended "$p1" 60
check "... the watchdog reset the encoder" sh -c "dmesg | grep -q 'frame timed out'"
echo "$VEPU_DEV" >/sys/bus/platform/drivers/hantro-enc/bind
find_nodes
check "... the H.264 node encodes again" encodes "$venc" H264

section "clients killed in the middle of a frame"
for delay in 0.3 1.1 2.3; do
	stream "$venc" H264 100000 /dev/null &
	p1=$!
	stream "$jenc" JPEG 100000 /dev/null &
	p2=$!
	sleep "$delay"
	kill -9 "$p1" "$p2"
	wait "$p1" "$p2" 2>/dev/null
done
check "after 6 kills mid-frame the H.264 node encodes" encodes "$venc" H264
check "... and the JPEG node" encodes "$jenc" JPEG

section "both nodes at once, interleaved jobs"
# userspace-test as the client: v4l2-ctl stops streaming when a frame takes
# over a second or two, which frames interleaved on a busy emulated host do.
rm -rf /tmp/both-h264 /tmp/both-jpeg
mkdir -p /tmp/both-h264 /tmp/both-jpeg
./hantro-enc-test -d "$venc" -j 1 -n 60 -s 320x240 -o /tmp/both-h264 \
	>/mnt/out/interleaved-h264.log 2>&1 &
p1=$!
./hantro-enc-test -d "$jenc" -j 1 -n 60 -s 320x240 -o /tmp/both-jpeg \
	>/mnt/out/interleaved-jpeg.log 2>&1 &
p2=$!
check "interleaved: the H.264 client finishes" ended "$p1" 600
check "interleaved: the JPEG client finishes" ended "$p2" 600
check "... every H.264 and JPEG frame valid" \
	sh -c "grep -q '^1 passed, 0 failed$' /mnt/out/interleaved-h264.log &&
		grep -q '^1 passed, 0 failed$' /mnt/out/interleaved-jpeg.log"
check "... the H.264 stream decodes strictly with its 60 frames" \
	holds /tmp/both-h264/job-0.bin 60

section "the ioctl fuzzer on both nodes at once"
fuzz_nodes "${FUZZ_SECONDS:-60}" "$venc" "$jenc"

check "modules unload" unload_project_modules
finish
