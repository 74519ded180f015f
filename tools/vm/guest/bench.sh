# SPDX-License-Identifier: GPL-2.0
# The VM half of tools/bench-h264.sh: openh264enc (GStreamer) and the
# driver's CBR rate control on the 640x480 clip. Prints BENCH lines.
. ./lib.sh
. ./psnr.sh

clip=/mnt/host/clip-640x480.yuv
kbps() { echo $(($(stat -L -c %s "$1") * 8 * 30 / 300 / 1000)); }

check "modules load" load_project_modules
node=$(node_named hantro-video-enc)
ffmpeg -v error -nostdin -f rawvideo -pix_fmt yuv420p -s 640x480 -i "$clip" \
	-f rawvideo -pix_fmt nv12 -y /tmp/clip.nv12

echo "BENCH encoder                     target  kbit/s  PSNR"
for rate in 500 1000 2000 4000; do
	timeout 900 gst-launch-1.0 -q filesrc location="$clip" ! \
		rawvideoparse width=640 height=480 format=i420 framerate=30/1 ! \
		openh264enc bitrate=$((rate * 1000)) rate-control=bitrate gop-size=60 ! \
		h264parse ! video/x-h264,stream-format=byte-stream ! \
		filesink location=/tmp/oh.h264 >/dev/null 2>&1
	p=
	decode_h264 /tmp/oh.h264 /tmp/dec.yuv && p=$(psnr_yuv "$clip" /tmp/dec.yuv 640 480)
	echo "BENCH openh264enc (GStreamer)     $rate  $(kbps /tmp/oh.h264)  ${p:-unavailable}"
done
for rate in 500 1000 2000 4000; do
	rm -f /tmp/cbr.h264
	v4l2-ctl -d "$node" --set-fmt-video-out=width=640,height=480,pixelformat=NV12 \
		--set-fmt-video=pixelformat=H264 --set-parm=30 \
		--set-ctrl=video_bitrate_mode=1,video_bitrate=$((rate * 1000)),video_gop_size=60 \
		--stream-out-mmap --stream-mmap --stream-from=/tmp/clip.nv12 \
		--stream-to=/tmp/cbr.h264 --stream-count=300 >/dev/null 2>&1
	p=
	decode_h264 /tmp/cbr.h264 /tmp/dec.yuv && p=$(psnr_yuv "$clip" /tmp/dec.yuv 640 480)
	got=$(kbps /tmp/cbr.h264)
	echo "BENCH hantro-enc CBR (this driver) $rate  $got  ${p:-decode failed}  ($(awk -v g="$got" -v t="$rate" 'BEGIN { printf "%+.1f%%", (g - t) * 100 / t }') vs target)"
done
unload_project_modules
finish
