# SPDX-License-Identifier: GPL-2.0
# The demo: load the driver and the virtual VEPU, encode a test pattern to
# JPEG with v4l2-ctl and report each file's PSNR against its source.
. ./lib.sh
. ./psnr.sh
echo "== loading hantro-enc and hantro-vepu-virt"
check "modules load" load_project_modules
node=$(node_named hantro-jpeg-enc)
check "JPEG encoder node registered" test -n "$node"
[ -n "$node" ] || finish
v4l2-ctl -d "$node" --info | sed -n 's/^\t*\(Driver name\|Card type\|Bus info\).*/  &/p'

echo "== encoding three 1280x720 frames of a moving test pattern, NV12 -> JPEG, quality 90"
ffmpeg -v error -nostdin -f lavfi -i "testsrc2=size=1280x720:rate=10" -frames:v 3 \
	-f rawvideo -pix_fmt yuv420p -y /tmp/ref.yuv
ffmpeg -v error -nostdin -f rawvideo -pix_fmt yuv420p -s 1280x720 -i /tmp/ref.yuv \
	-f rawvideo -pix_fmt nv12 -y /tmp/src.nv12
i=0
while [ $i -lt 3 ]; do
	# One frame of the source per run, so each JPEG names its frame.
	dd if=/tmp/src.nv12 of=/tmp/frame.nv12 bs=1382400 skip=$i count=1 2>/dev/null
	dd if=/tmp/ref.yuv of=/tmp/frame.yuv bs=1382400 skip=$i count=1 2>/dev/null
	v4l2-ctl -d "$node" --set-fmt-video-out=width=1280,height=720,pixelformat=NV12 \
		--set-fmt-video=pixelformat=JPEG --set-ctrl=compression_quality=90 \
		--stream-out-mmap --stream-mmap --stream-from=/tmp/frame.nv12 \
		--stream-to=/tmp/frame-$i.jpg --stream-count=1 >/dev/null 2>&1
	cp /tmp/frame-$i.jpg /mnt/out/
	p=$(psnr_jpeg /tmp/frame-$i.jpg /tmp/frame.yuv 1280 720 1280 720)
	echo "  frame-$i.jpg: $(wc -c </tmp/frame-$i.jpg) bytes, PSNR ${p:-?} dB"
	check "frame-$i.jpg decodes with FFmpeg" at_least "$p" 30
	i=$((i + 1))
done
check "modules unload" unload_project_modules
finish
