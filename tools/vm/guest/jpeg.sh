# SPDX-License-Identifier: GPL-2.0
# JPEG on the virtual VEPU: compliance, the state machine walk, and real
# encodes through v4l2-ctl and GStreamer, every output decoded by FFmpeg.
. ./lib.sh
. ./psnr.sh

node=$(suite_start hantro-jpeg-enc JPEG compliance-jpeg)
[ -n "$node" ] || finish

section "state machine walk (userspace-test) on $node"
./hantro-enc-test -d "$node" -F /sys/module/hantro_vepu_virt/parameters/inject_fault \
	>/mnt/out/userspace-test-jpeg.log 2>&1
tail -n 1 /mnt/out/userspace-test-jpeg.log
grep '^FAIL' /mnt/out/userspace-test-jpeg.log | head -n 20
dmesg | grep -E 'hantro|vepu' | tail -n 5
check "userspace-test: every transition and injected fault on the JPEG node" \
	grep -q ' 0 failed$' /mnt/out/userspace-test-jpeg.log

if [ "${JPEG_QUICK:-0}" != 1 ]; then
section "8 file handles encoding 100 frames each at once"
mkdir -p /tmp/jobs
./hantro-enc-test -d "$node" -j 8 -n 100 -s 320x240 -o /tmp/jobs >/mnt/out/concurrent-jpeg.log 2>&1
tail -n 1 /mnt/out/concurrent-jpeg.log
check "8 concurrent handles x 100 frames: every frame valid" \
	grep -q '^8 passed, 0 failed$' /mnt/out/concurrent-jpeg.log
for j in 0 7; do
	check "FFmpeg decodes job $j's 100 pictures strictly" \
		ffmpeg -v error -nostdin -err_detect explode -f mjpeg -i "/tmp/jobs/job-$j.bin" -f null -
done
fi

# JPEG_QUICK=1 (the second kernel's run) keeps the checks that catch API
# breaks at run time and skips the long ones.
if [ "${JPEG_QUICK:-0}" != 1 ]; then
section "v4l2-compliance -s -a (every format) and -e (DMABUF from vivid)"
check "v4l2-compliance -s -a JPEG node: 0 failures, 0 warnings" \
	compliance "$node" compliance-jpeg-all -s "$COMPLIANCE_FRAMES" -a
grep -E 'fail:|warn:' /mnt/out/compliance-jpeg-all.log | head -n 10
modprobe font 2>/dev/null
modprobe vivid n_devs=1 allocators=1 multiplanar=2 node_types=1
vivid=$(node_named vivid-000-vid-cap)
# The exporter's buffers must be at least as large as the importer's.
v4l2-ctl -d "$vivid" --set-fmt-video=width=1920,height=1080 >/dev/null 2>&1
check "v4l2-compliance -s -e vivid JPEG node: 0 failures, 0 warnings" \
	compliance "$node" compliance-jpeg-dmabuf -s "$COMPLIANCE_FRAMES" -e "$vivid"
grep -E 'fail:|warn:' /mnt/out/compliance-jpeg-dmabuf.log | head -n 10
rmmod vivid
fi

section "v4l2-ctl encodes at quality 95 in the input formats"
# Single-buffer formats at 1000x562, a CROP of 1008x576: v4l2-ctl reads
# frames of the crop size and pads them itself. v4l2-ctl 1.30 streams
# nothing from a file for per-plane formats with an OUTPUT crop, so those
# run at the full 1008x576.
ffmpeg -v error -nostdin -f lavfi -i "testsrc2=size=1008x576:rate=25" -frames:v 1 \
	-f rawvideo -pix_fmt yuv420p -y /tmp/ref-full.yuv
ffmpeg -v error -nostdin -f rawvideo -pix_fmt yuv420p -s 1008x576 -i /tmp/ref-full.yuv \
	-vf crop=1000:562:0:0 -f rawvideo -pix_fmt yuv420p -y /tmp/ref-crop.yuv
fmts="NV12:NV12:nv12:crop NV12:NV12:nv12:full YUV420:YU12:yuv420p:crop
      YUV420:YU12:yuv420p:full YUYV:YUYV:yuyv422:crop UYVY:UYVY:uyvy422:crop"
# One encode shows the register set codes a picture; the formats are the
# input stage's, swept on the first kernel.
[ "${JPEG_QUICK:-0}" = 1 ] && fmts=NV12:NV12:nv12:crop
for fmt in $fmts; do
	IFS=: read -r v cc f area <<-EOT
	$fmt
	EOT
	if [ "$area" = crop ]; then
		w=1000 h=562 sel="--set-selection-output=target=crop,left=0,top=0,width=1000,height=562"
	else
		w=1008 h=576 sel=
	fi
	ffmpeg -v error -nostdin -f rawvideo -pix_fmt yuv420p -s ${w}x$h -i /tmp/ref-$area.yuv \
		-f rawvideo -pix_fmt "$f" -y "/tmp/src.$v"
	# Written to tmpfs: 9p cannot write straight from a V4L2 mmap buffer.
	rm -f "/tmp/ctl-$v.jpg"
	ctl_stream "ctl-jpeg-$v-$area" -d "$node" \
		--set-fmt-video-out=width=1008,height=576,pixelformat="$cc" $sel \
		--set-fmt-video=pixelformat=JPEG --set-ctrl=compression_quality=95 \
		--stream-out-mmap --stream-mmap --stream-from="/tmp/src.$v" \
		--stream-to="/tmp/ctl-$v.jpg" --stream-count=1
	cp "/tmp/ctl-$v.jpg" /mnt/out/ 2>/dev/null
	p=$(psnr_jpeg "/tmp/ctl-$v.jpg" /tmp/ref-$area.yuv $w $h $w $h)
	check "v4l2-ctl $v ${w}x$h q95 decodes at PSNR ${p:-none} >= 40 dB" at_least "$p" 40
done

section "a JPEG right after an H.264 key frame on the same core"
# The key frame hands its header's last bytes to the core through HDR_REM
# and the start offset; the JPEG frame after it must not inherit them.
ffmpeg -v error -nostdin -f rawvideo -pix_fmt yuv420p -s 1008x576 -i /tmp/ref-full.yuv \
	-f rawvideo -pix_fmt nv12 -y /tmp/key-src.nv12
rm -f /tmp/key.h264 /tmp/after-key.jpg
ctl_stream ctl-key-h264 -d "$(node_named hantro-video-enc)" \
	--set-fmt-video-out=width=1008,height=576,pixelformat=NV12 --set-fmt-video=pixelformat=H264 \
	--stream-out-mmap --stream-mmap --stream-from=/tmp/key-src.nv12 \
	--stream-to=/tmp/key.h264 --stream-count=1
# The bytes ahead of the IDR slice's start code: the software-written header.
hdr=$(od -An -v -tu1 /tmp/key.h264 | tr -s ' ' '\n' | grep . | awk '
	{ b[NR - 1] = $1 }
	END {
		for (i = 0; i + 3 < NR; i++)
			if (!b[i] && !b[i + 1] && b[i + 2] == 1 && b[i + 3] % 32 == 5) {
				print (i && !b[i - 1]) ? i - 1 : i
				exit
			}
	}')
check "the H.264 key frame's header (${hdr:-no} bytes) ends inside a 64-bit word" \
	test "$((${hdr:-0} % 8))" -ne 0
ctl_stream ctl-after-key -d "$node" \
	--set-fmt-video-out=width=1008,height=576,pixelformat=NV12 \
	--set-fmt-video=pixelformat=JPEG --set-ctrl=compression_quality=95 \
	--stream-out-mmap --stream-mmap --stream-from=/tmp/key-src.nv12 \
	--stream-to=/tmp/after-key.jpg --stream-count=1
p=$(psnr_jpeg /tmp/after-key.jpg /tmp/ref-full.yuv 1008 576 1008 576)
check "the JPEG encoded next decodes at PSNR ${p:-none} >= 40 dB" at_least "$p" 40

if [ "${JPEG_QUICK:-0}" != 1 ]; then
section "GStreamer v4l2jpegenc"
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
fi

section "unbind while a client streams, then bind again"
./hantro-enc-test -d "$node" -j 1 -n 1000 -s 320x240 >/mnt/out/unbind-jpeg.log 2>&1 &
pid=$!
sleep 3
check "unbind the driver while a client streams" \
	sh -c "echo $VEPU_DEV >/sys/bus/platform/drivers/hantro-enc/unbind"
# The client must see errors, not hang; the harness checks the kernel log.
i=0
while kill -0 $pid 2>/dev/null && [ $i -lt 60 ]; do sleep 1; i=$((i + 1)); done
check "the streaming client ends after the unbind" sh -c "! kill -0 $pid 2>/dev/null"
kill $pid 2>/dev/null
wait $pid 2>/dev/null
check "bind the driver again" \
	sh -c "echo $VEPU_DEV >/sys/bus/platform/drivers/hantro-enc/bind"
node=$(node_named hantro-jpeg-enc)
check "the JPEG node is back and encodes" \
	sh -c "./hantro-enc-test -d '$node' -j 1 -n 3 -s 320x240 | grep -q '^1 passed'"

check "modules unload" unload_project_modules
finish
