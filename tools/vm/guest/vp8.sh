# SPDX-License-Identifier: GPL-2.0
# VP8 on the virtual VEPU: the state machine walk with VP8 selected, the
# client pipelines users run (GStreamer to WebM, FFmpeg vp8_v4l2m2m), odd
# sizes, the key frame period, constant bitrate; FFmpeg decodes every
# output strictly.
. ./lib.sh
. ./psnr.sh

section "virtual VEPU register set: ${VEPU_IP:-h1}"
# v4l2-compliance streams what a fresh file handle has: the module
# parameter makes that VP8 on the video node.
check "modules load with default_coded_format=VP80" \
	load_project_modules default_coded_format=VP80
node=$(node_named hantro-video-enc)
check "video node registered" test -n "$node"
[ -n "$node" ] || finish
check "the video node offers VP8" \
	sh -c "v4l2-ctl -d '$node' --list-formats | grep -q \"'VP80'\""
check "... and a new file handle starts with it" \
	sh -c "v4l2-ctl -d '$node' --get-fmt-video | grep -q \"Pixel Format *: 'VP80'\""
jnode=$(node_named hantro-jpeg-enc)
check "the JPEG node, which has no VP8, keeps JPEG" \
	sh -c "v4l2-ctl -d '$jnode' --get-fmt-video | grep -q \"Pixel Format *: 'JPEG'\""

# Profiles 1 and 2 (bilinear) where the block has the bit: H1, not VEPU2.
case "${VEPU_IP:-h1}" in
vepu2) pmax=0 ;;
*) pmax=2 ;;
esac
check "VP8_PROFILE offers profiles 0 to $pmax on ${VEPU_IP:-h1}" \
	sh -c "v4l2-ctl -d '$node' --list-ctrls | grep -q 'vp8_profile .* min=0 max=$pmax '"

section "v4l2-compliance -s with VP8 selected on $node"
check "v4l2-compliance -s video node, VP8: 0 failures, 0 warnings" \
	compliance "$node" compliance-vp8 -s "$COMPLIANCE_FRAMES"
grep -E 'fail:|warn:' /mnt/out/compliance-vp8.log | head -n 20

section "state machine walk (userspace-test) with VP8 selected on $node"
./hantro-enc-test -d "$node" -c VP80 -F /sys/module/hantro_vepu_virt/parameters/inject_fault \
	>/mnt/out/userspace-test-vp8.log 2>&1
tail -n 1 /mnt/out/userspace-test-vp8.log
grep '^FAIL' /mnt/out/userspace-test-vp8.log | head -n 20
check "userspace-test -c VP80: every transition, FORCE_KEY_FRAME and injected fault" \
	grep -q ' 0 failed$' /mnt/out/userspace-test-vp8.log

section "GStreamer: v4l2vp8enc to WebM"
rm -f /tmp/gst.webm
timeout 600 gst-launch-1.0 -q videotestsrc num-buffers=60 ! \
	video/x-raw,format=NV12,width=640,height=480,framerate=30/1 ! \
	v4l2vp8enc ! webmmux ! filesink location=/tmp/gst.webm >/mnt/out/gst-vp8.log 2>&1
cp /tmp/gst.webm /mnt/out/gst-vp8.webm 2>/dev/null
check "gst-launch ... v4l2vp8enc ! webmmux: a WebM FFmpeg decodes strictly" \
	decode_vp8 /tmp/gst.webm /tmp/gst.yuv
check "... with all 60 frames" holds_frames /tmp/gst.yuv 640 480 60
gst-launch-1.0 -q videotestsrc num-buffers=60 ! \
	video/x-raw,format=I420,width=640,height=480,framerate=30/1 ! \
	filesink location=/tmp/gst-ref.yuv >/dev/null 2>&1
p=$(psnr_yuv /tmp/gst-ref.yuv /tmp/gst.yuv 640 480)
check "... PSNR ${p:-none} >= 30 dB against the source" at_least "$p" 30

# VP8_QUICK=1 (the second kernel's run) keeps what depends on the kernel or
# the register set: compliance, the state machine, a GStreamer stream and the
# golden frame's second search. FFmpeg's odd size, the controls, the golden
# frame's other mode, CBR and the module parameter are the driver's own
# logic and run on the first kernel.
if [ "${VP8_QUICK:-0}" != 1 ]; then
section "FFmpeg vp8_v4l2m2m to WebM, 1000x562 (not macroblock aligned)"
rm -f /tmp/ff.webm
ffmpeg -v error -nostdin -f lavfi -i testsrc2=size=1000x562:rate=30 -frames:v 45 \
	-f rawvideo -pix_fmt yuv420p -y /tmp/ff-ref.yuv
timeout 600 ffmpeg -v error -nostdin -f rawvideo -pix_fmt yuv420p -s 1000x562 -r 30 \
	-i /tmp/ff-ref.yuv -pix_fmt nv12 -c:v vp8_v4l2m2m -b:v 2M -g 15 -y /tmp/ff.webm \
	>/mnt/out/ffmpeg-vp8.log 2>&1
cp /tmp/ff.webm /mnt/out/ffmpeg-vp8.webm 2>/dev/null
check "ffmpeg -c:v vp8_v4l2m2m: the WebM decodes strictly" decode_vp8 /tmp/ff.webm /tmp/ff.yuv
check "... with all 45 frames at 1000x562" holds_frames /tmp/ff.yuv 1000 562 45
check "... a key frame every 15 (GOP_SIZE): 3 in 45, as the decoder sees them" \
	test "$(ffprobe -v error -select_streams v -show_entries frame=pict_type -of csv=p=0 \
		/tmp/ff.webm | grep -c I)" = 3
p=$(psnr_yuv /tmp/ff-ref.yuv /tmp/ff.yuv 1000 562)
check "... PSNR ${p:-none} >= 28 dB at 2 Mbit/s" at_least "$p" 28

section "constant quantisers and two token partitions: v4l2-ctl (the documented command) and GStreamer"
ffmpeg -v error -nostdin -f lavfi -i testsrc2=size=640x480:rate=30 -frames:v 10 \
	-f rawvideo -pix_fmt nv12 -y /tmp/ctl.nv12
rm -f /tmp/ctl.vp8
check "v4l2-ctl encodes 10 frames" ctl_stream ctl-vp8 -d "$node" \
	--set-fmt-video-out=width=640,height=480,pixelformat=NV12 --set-fmt-video=pixelformat=VP80 \
	--set-ctrl=frame_level_rate_control_enable=0,vpx_i_frame_qp_value=30,vpx_p_frame_qp_value=34 \
	--set-ctrl=vpx_number_of_partitions=1 \
	--stream-out-mmap --stream-mmap --stream-from=/tmp/ctl.nv12 --stream-to=/tmp/ctl.vp8 \
	--stream-count=10
check "... the first frame is a key frame (start code 9d 01 2a)" \
	sh -c "od -A n -t x1 -j 3 -N 3 /tmp/ctl.vp8 | grep -q '9d 01 2a'"
rm -f /tmp/qp.webm
timeout 600 gst-launch-1.0 -q videotestsrc num-buffers=20 ! \
	video/x-raw,format=NV12,width=640,height=480,framerate=30/1 ! \
	v4l2vp8enc extra-controls="controls,frame_level_rate_control_enable=0,vpx_i_frame_qp_value=30,vpx_p_frame_qp_value=34,vpx_number_of_partitions=1" ! \
	webmmux ! filesink location=/tmp/qp.webm >/mnt/out/gst-vp8-qp.log 2>&1
cp /tmp/qp.webm /mnt/out/gst-vp8-qp.webm 2>/dev/null
check "GStreamer with those controls: the WebM decodes strictly" decode_vp8 /tmp/qp.webm /tmp/qp.yuv
check "... with all 20 frames" holds_frames /tmp/qp.yuv 640 480 20

fi

if [ "$pmax" -gt 0 ] && [ "${VP8_QUICK:-0}" != 1 ]; then
section "profile 1: bilinear prediction, asked for in the caps as GStreamer does"
rm -f /tmp/p1.webm
timeout 600 gst-launch-1.0 -q videotestsrc num-buffers=30 pattern=ball ! \
	video/x-raw,format=NV12,width=320,height=240,framerate=30/1 ! \
	v4l2vp8enc ! 'video/x-vp8,profile=(string)1' ! webmmux ! \
	filesink location=/tmp/p1.webm >/mnt/out/gst-vp8-profile1.log 2>&1
cp /tmp/p1.webm /mnt/out/gst-vp8-profile1.webm 2>/dev/null
check "v4l2vp8enc ! video/x-vp8,profile=1: the WebM decodes strictly" decode_vp8 /tmp/p1.webm /tmp/p1.yuv
check "... with all 30 frames" holds_frames /tmp/p1.yuv 320 240 30
check "... and is profile 1 to FFmpeg" \
	test "$(ffprobe -v error -show_entries stream=profile -of csv=p=0 /tmp/p1.webm)" = 1
fi

section "the golden frame as a second reference, over a clip whose even frames repeat the first"
# 30 frames of 640x480 I420: even frames are frame 0 again, odd ones move on.
ffmpeg -v error -nostdin -f lavfi -i testsrc2=size=640x480:rate=30 -frames:v 30 \
	-f rawvideo -pix_fmt yuv420p -y /tmp/moving.yuv
fsize=$((640 * 480 * 3 / 2))
rm -f /tmp/golden-src.yuv
for n in $(seq 0 29); do
	[ $((n % 2)) = 0 ] && from=0 || from=$n
	dd if=/tmp/moving.yuv bs=$fsize skip=$from count=1 status=none >>/tmp/golden-src.yuv
done
# golden_enc NAME CONTROLS: GStreamer from that clip at a fixed quantiser to
# /tmp/NAME.webm, also kept for the host's vpxdec check.
golden_enc() {
	rm -f "/tmp/$1.webm"
	timeout 600 gst-launch-1.0 -q filesrc location=/tmp/golden-src.yuv ! \
		rawvideoparse width=640 height=480 format=i420 framerate=30/1 ! \
		v4l2vp8enc extra-controls="controls,frame_level_rate_control_enable=0,vpx_i_frame_qp_value=40,vpx_p_frame_qp_value=40$2" ! \
		webmmux ! filesink location="/tmp/$1.webm" >"/mnt/out/gst-$1.log" 2>&1
	cp "/tmp/$1.webm" "/mnt/out/gst-$1.webm" 2>/dev/null
}
golden_enc vp8-one-ref ""
modes=vp8-golden-every2
if [ "${VP8_QUICK:-0}" != 1 ]; then
	golden_enc vp8-golden-prev ",vpx_no_of_refs_for_p_frame=1,vpx_golden_frame_indicator=0"
	modes="vp8-golden-prev $modes"
fi
golden_enc vp8-golden-every2 \
	",vpx_no_of_refs_for_p_frame=1,vpx_golden_frame_indicator=1,vpx_golden_frame_refresh_period=2"
for g in $modes; do
	check "$g: the WebM decodes strictly" decode_vp8 "/tmp/$g.webm" "/tmp/$g.yuv"
	check "... with all 30 frames" holds_frames "/tmp/$g.yuv" 640 480 30
	one=$(stat -c %s /tmp/vp8-one-ref.webm 2>/dev/null || echo 0)
	two=$(stat -c %s "/tmp/$g.webm" 2>/dev/null || echo 0)
	check "... $two bytes, a fifth less than with the last frame only ($one)" \
		test "$two" -gt 0 -a $((two * 5)) -lt $((one * 4))
done

if [ "${VP8_QUICK:-0}" != 1 ]; then
section "constant bitrate: 1 Mbit/s over 90 frames of testsrc2 at 30 fps"
ffmpeg -v error -nostdin -f lavfi -i testsrc2=size=640x480:rate=30 -frames:v 90 \
	-f rawvideo -pix_fmt yuv420p -y /tmp/cbr-ref.yuv
rm -f /tmp/cbr.webm
timeout 600 ffmpeg -v error -nostdin -f rawvideo -pix_fmt yuv420p -s 640x480 -r 30 \
	-i /tmp/cbr-ref.yuv -pix_fmt nv12 -c:v vp8_v4l2m2m -b:v 1M -y /tmp/cbr.webm \
	>/mnt/out/ffmpeg-vp8-cbr.log 2>&1
bits=$(ffprobe -v error -select_streams v -show_entries packet=size -of csv=p=0 /tmp/cbr.webm |
	awk '{ s += $1 } END { print s * 8 }')
kbps=$((${bits:-0} * 30 / 90 / 1000))
echo "  achieved ${kbps} kbit/s for a 1000 kbit/s target"
check "CBR 1 Mbit/s: achieved $kbps kbit/s within 5%" test "$kbps" -ge 950 -a "$kbps" -le 1050
check "... the stream decodes strictly" decode_vp8 /tmp/cbr.webm /tmp/cbr.yuv

fi

check "modules unload" unload_project_modules

[ "${VP8_QUICK:-0}" = 1 ] && finish
section "default_coded_format naming nothing offered"
check "modules load with default_coded_format=XVID" \
	load_project_modules default_coded_format=XVID
check "... the driver says it ignores it" \
	sh -c "dmesg | grep -q 'default_coded_format=XVID: not a coded format offered here'"
node=$(node_named hantro-video-enc)
check "... and a new file handle starts with H.264" \
	sh -c "v4l2-ctl -d '$node' --get-fmt-video | grep -q \"Pixel Format *: 'H264'\""
check "modules unload" unload_project_modules
finish
