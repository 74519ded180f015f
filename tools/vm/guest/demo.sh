# SPDX-License-Identifier: GPL-2.0
# The demo: load the driver and the virtual VEPU, encode a 2-second moving
# test pattern to an H.264 MP4 and a VP8 WebM with the GStreamer pipelines
# users run, and report each one's bitrate and PSNR against the source.
. ./lib.sh
. ./psnr.sh
section "loading hantro-enc and hantro-vepu-virt"
check "modules load" load_project_modules
node=$(node_named hantro-video-enc)
check "H.264/VP8 encoder node registered" test -n "$node"
[ -n "$node" ] || finish
v4l2-ctl -d "$node" --info | sed -n 's/^\t*\(Driver name\|Card type\|Bus info\).*/  &/p'

ffmpeg -v error -nostdin -f lavfi -i "testsrc2=size=1280x720:rate=30" -frames:v 60 \
	-f rawvideo -pix_fmt yuv420p -y /tmp/ref.yuv
ffmpeg -v error -nostdin -f rawvideo -pix_fmt yuv420p -s 1280x720 -i /tmp/ref.yuv \
	-f rawvideo -pix_fmt nv12 -y /tmp/ref.nv12
# The source is made by the host's FFmpeg (oracle.sh) in the layout the
# encoder takes: read from tmpfs, so that the time measured is the encoder's.
cp -L /tmp/ref.nv12 /tmp/src.nv12

# encode FILE ELEMENT...: the clip through the GStreamer elements (encoder
# to muxer) into /tmp/FILE, timed; it must decode strictly with FFmpeg.
encode() {
	_file=$1
	shift
	t0=$(date +%s%N)
	timeout 900 gst-launch-1.0 -q filesrc location=/tmp/src.nv12 ! \
		rawvideoparse width=1280 height=720 format=nv12 framerate=30/1 ! \
		"$@" ! filesink location="/tmp/$_file" >"/tmp/gst-$_file.log" 2>&1
	ms=$((($(date +%s%N) - t0) / 1000000))
	echo "  encode $_file: 60 frames in $ms ms, $(awk "BEGIN { printf \"%.1f\", 60000 / ($ms + 1) }") frames/s (GStreamer pipeline, guest clock)"
	cp "/tmp/$_file" /mnt/out/
	check "$_file decodes strictly with FFmpeg" decode_h264 "/tmp/$_file" /tmp/dec.yuv
	p=$(psnr_yuv /tmp/ref.yuv /tmp/dec.yuv 1280 720)
	kbps=$(($(wc -c <"/tmp/$_file") * 8 / 2 / 1000))
	echo "  $_file: $(wc -c <"/tmp/$_file") bytes, $kbps kbit/s, PSNR ${p:-?} dB"
	check "$_file PSNR ${p:-none} >= 30 dB" at_least "$p" 30
}

section "encoding 60 frames (2 s) of 1280x720 testsrc2 to H.264 at 2 Mbit/s CBR"
encode clip.mp4 \
	v4l2h264enc extra-controls="controls,repeat_sequence_header=1,video_bitrate_mode=1,video_bitrate=2000000" ! \
	'video/x-h264,level=(string)4' ! h264parse ! video/x-h264,stream-format=avc,alignment=au ! \
	mp4mux
section "encoding the same clip to VP8 at 2 Mbit/s CBR"
encode clip.webm \
	v4l2vp8enc extra-controls="controls,video_bitrate_mode=1,video_bitrate=2000000" ! webmmux
check "modules unload" unload_project_modules
finish
