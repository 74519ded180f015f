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
./hantro-enc-test -d "$node" -F /sys/module/hantro_vepu_virt/parameters/inject_fault \
	>/mnt/out/userspace-test-jpeg.log 2>&1
tail -n 1 /mnt/out/userspace-test-jpeg.log
grep '^FAIL' /mnt/out/userspace-test-jpeg.log | head -n 20
dmesg | grep -E 'hantro|vepu' | tail -n 5
check "userspace-test: every transition and injected fault on the JPEG node" \
	grep -q ' 0 failed$' /mnt/out/userspace-test-jpeg.log

echo "== 8 file handles encoding 100 frames each at once"
mkdir -p /tmp/jobs
./hantro-enc-test -d "$node" -j 8 -n 100 -s 320x240 -o /tmp/jobs >/mnt/out/concurrent-jpeg.log 2>&1
tail -n 1 /mnt/out/concurrent-jpeg.log
check "8 concurrent handles x 100 frames: every frame valid" \
	grep -q '^8 passed, 0 failed$' /mnt/out/concurrent-jpeg.log
for j in 0 7; do
	check "FFmpeg decodes job $j's last frame strictly" \
		ffmpeg -v error -nostdin -err_detect explode -f mjpeg -i "/tmp/jobs/job-$j.bin" -f null -
done

echo "== v4l2-ctl encodes 1000x562 (CROP of 1008x576) at quality 95, every input format"
ffmpeg -v error -nostdin -f lavfi -i "testsrc2=size=1008x576:rate=25" -frames:v 1 \
	-f rawvideo -pix_fmt yuv420p -y /tmp/ref.yuv
for pair in NV12:nv12 NV12M:nv12 YUV420:yuv420p YUV420M:yuv420p YUYV:yuyv422 UYVY:uyvy422; do
	v=${pair%%:*} f=${pair##*:}
	ffmpeg -v error -nostdin -f rawvideo -pix_fmt yuv420p -s 1008x576 -i /tmp/ref.yuv \
		-f rawvideo -pix_fmt "$f" -y "/tmp/src.$f"
	# Written to tmpfs: 9p cannot write straight from a V4L2 mmap buffer.
	rm -f "/tmp/ctl-$v.jpg"
	v4l2-ctl -d "$node" --set-fmt-video-out=width=1008,height=576,pixelformat="$v" \
		--set-selection-output=target=crop,left=0,top=0,width=1000,height=562 \
		--set-fmt-video=pixelformat=JPEG --set-ctrl=compression_quality=95 \
		--stream-out-mmap --stream-mmap --stream-from="/tmp/src.$f" \
		--stream-to="/tmp/ctl-$v.jpg" --stream-count=1 >/dev/null 2>&1
	cp "/tmp/ctl-$v.jpg" /mnt/out/ 2>/dev/null
	p=$(psnr_jpeg "/tmp/ctl-$v.jpg" /tmp/ref.yuv 1008 576 1000 562)
	check "v4l2-ctl $v 1000x562 q95 decodes at PSNR ${p:-none} >= 40 dB" at_least "$p" 40
done

echo "== GStreamer v4l2jpegenc"
rm -f /tmp/gst-*.jpg
timeout 300 gst-launch-1.0 -q videotestsrc num-buffers=5 ! \
	video/x-raw,format=NV12,width=640,height=480 ! \
	v4l2jpegenc extra-controls=s,compression_quality=95 ! \
	multifilesink location=/tmp/gst-%02d.jpg >/mnt/out/gst-jpeg.log 2>&1
check "gst-launch videotestsrc ! v4l2jpegenc ! multifilesink: 5 JPEG files" \
	test "$(ls /tmp/gst-*.jpg 2>/dev/null | wc -l)" -eq 5
cp /tmp/gst-*.jpg /mnt/out/ 2>/dev/null
for f in /tmp/gst-00.jpg /tmp/gst-04.jpg; do
	check "FFmpeg decodes $(basename "$f") strictly" \
		ffmpeg -v error -nostdin -err_detect explode -i "$f" -f null -
done

check "modules unload" unload_project_modules
finish
