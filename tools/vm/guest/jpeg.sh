# SPDX-License-Identifier: GPL-2.0
# JPEG on the virtual VEPU: compliance, the state machine walk, and real
# encodes through v4l2-ctl and GStreamer, every output decoded by FFmpeg.
. ./lib.sh
. ./psnr.sh

check "modules load" load_project_modules
node=$(node_named hantro-jpeg-enc)
check "JPEG node registered" test -n "$node"
[ -n "$node" ] || finish

echo "== v4l2-compliance -s on $node"
check "v4l2-compliance -s JPEG node: 0 failures, 0 warnings" \
	compliance "$node" compliance-jpeg -s
grep -E 'fail:|warn:' /mnt/out/compliance-jpeg.log | head -n 20

echo "== state machine walk (userspace-test) on $node"
./hantro-enc-test -d "$node" >/mnt/out/userspace-test-jpeg.log 2>&1
tail -n 1 /mnt/out/userspace-test-jpeg.log
grep '^FAIL' /mnt/out/userspace-test-jpeg.log | head -n 20
check "userspace-test: every transition on the JPEG node" \
	grep -q ' 0 failed$' /mnt/out/userspace-test-jpeg.log

echo "== v4l2-ctl encodes 1000x562 (CROP of 1008x576) at quality 95, every input format"
ffmpeg -v error -nostdin -f lavfi -i "testsrc2=size=1008x576:rate=25" -frames:v 1 \
	-f rawvideo -pix_fmt yuv420p -y /tmp/ref.yuv
for pair in NV12:nv12 NV12M:nv12 YUV420:yuv420p YUV420M:yuv420p YUYV:yuyv422 UYVY:uyvy422; do
	v=${pair%%:*} f=${pair##*:}
	ffmpeg -v error -nostdin -f rawvideo -pix_fmt yuv420p -s 1008x576 -i /tmp/ref.yuv \
		-f rawvideo -pix_fmt "$f" -y "/tmp/src.$f"
	rm -f "/mnt/out/ctl-$v.jpg"
	v4l2-ctl -d "$node" --set-fmt-video-out=width=1008,height=576,pixelformat="$v" \
		--set-selection-output=target=crop,left=0,top=0,width=1000,height=562 \
		--set-fmt-video=pixelformat=JPEG --set-ctrl=compression_quality=95 \
		--stream-out-mmap --stream-mmap --stream-from="/tmp/src.$f" \
		--stream-to="/mnt/out/ctl-$v.jpg" --stream-count=1 >/dev/null 2>&1
	p=$(psnr_jpeg "/mnt/out/ctl-$v.jpg" /tmp/ref.yuv 1008 576 1000 562)
	check "v4l2-ctl $v 1000x562 q95 decodes at PSNR ${p:-none} >= 40 dB" at_least "$p" 40
done

echo "== GStreamer v4l2jpegenc"
rm -f /mnt/out/gst-*.jpg
gst-launch-1.0 -q videotestsrc num-buffers=5 ! \
	video/x-raw,format=NV12,width=640,height=480 ! \
	v4l2jpegenc extra-controls=s,compression_quality=95 ! \
	multifilesink location=/mnt/out/gst-%02d.jpg >/mnt/out/gst-jpeg.log 2>&1
check "gst-launch videotestsrc ! v4l2jpegenc ! multifilesink: 5 JPEG files" \
	test "$(ls /mnt/out/gst-*.jpg 2>/dev/null | wc -l)" -eq 5
for f in /mnt/out/gst-00.jpg /mnt/out/gst-04.jpg; do
	check "FFmpeg decodes $(basename "$f") strictly" \
		ffmpeg -v error -nostdin -err_detect explode -i "$f" -f null -
done

check "modules unload" unload_project_modules
finish
