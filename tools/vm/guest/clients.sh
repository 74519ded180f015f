# SPDX-License-Identifier: GPL-2.0
# Real clients at real sizes, run the way users run them: GStreamer's
# v4l2h264enc and v4l2jpegenc over a range of sizes and both raw layouts,
# CAPTURE set before OUTPUT at 1080p with a detailed picture, FFmpeg's
# h264_v4l2m2m to MP4 at odd sizes, a camera's exact-size DMABUFs, a camera
# and GStreamer's v4l2h264enc sharing buffers both ways (one DMABUF a frame,
# then one per plane with per_plane_formats=1), the colour description the
# headers carry. FFmpeg decodes every output strictly and measures it
# against the source.
. ./lib.sh
. ./psnr.sh

start_both_nodes || finish

# check_gst_h264 W H FORMAT RATE N: the Annex B file of that case decodes
# strictly to N frames of WxH.
check_gst_h264() {
	local w=$1 h=$2 fmt=$3 rate=$4 n=$5 name got
	name=gst-$w-$h-$fmt${rate:+-fps}
	check "v4l2h264enc ${w}x$h $fmt${rate:+ $rate}: decodes strictly" \
		decode_h264 "/tmp/$name.h264" /tmp/gst.yuv
	got="$(ffprobe -v error -show_entries stream=width,height -of csv=p=0 \
		"/tmp/$name.h264"),$(frames_of /tmp/gst.yuv "$w" "$h")"
	check "... ${w}x$h with all $n frames (width,height,frames: $got)" \
		test "$got" = "$w,$h,$n"
}

# check_gst_jpeg W H FORMAT: the picture of that case decodes strictly at WxH.
check_gst_jpeg() {
	local w=$1 h=$2 fmt=$3 f=/tmp/gstj-$1-$2-$3/00.jpg ok=no
	if [ -f "$f" ] &&
		! ffmpeg -v error -nostdin -err_detect explode -i "$f" -f null - 2>&1 | grep -q . &&
		[ "$(ffprobe -v error -show_entries stream=width,height -of csv=p=0 "$f")" = "$w,$h" ]
	then
		ok=yes
	fi
	check "v4l2jpegenc ${w}x$h $fmt: the picture decodes strictly at that size ($ok)" \
		test "$ok" = yes
}

# Each size in NV12 with a frame rate; the second raw layout (I420, no
# frame rate in the caps) at the smallest and the largest size. One
# gst-launch runs a branch per case, each the pipeline users write: a
# GStreamer start costs tens of seconds in this guest, and the branches
# also keep a dozen of the encoder's contexts busy at once.
section "GStreamer v4l2h264enc and v4l2jpegenc at the sizes users encode"
cases="176:144:NV12:30/1:6 176:144:I420::6 320:240:NV12:30/1:6 640:360:NV12:30/1:6
       1280:720:NV12:30/1:3 1920:1080:NV12:30/1:3 1920:1080:I420::3"
pipe=
for c in $cases; do
	IFS=: read -r w h fmt rate n <<-EOF
	$c
	EOF
	name=gst-$w-$h-$fmt${rate:+-fps}
	rm -rf "/tmp/$name.h264" "/tmp/gstj-$w-$h-$fmt"
	mkdir -p "/tmp/gstj-$w-$h-$fmt"
	pipe="$pipe videotestsrc num-buffers=$n ! video/x-raw,format=$fmt,width=$w,height=$h${rate:+,framerate=$rate}
		! v4l2h264enc ! h264parse ! video/x-h264,stream-format=byte-stream
		! filesink location=/tmp/$name.h264"
	pipe="$pipe videotestsrc num-buffers=1 ! video/x-raw,format=$fmt,width=$w,height=$h
		! v4l2jpegenc ! multifilesink location=/tmp/gstj-$w-$h-$fmt/%02d.jpg"
done
# shellcheck disable=SC2086
timeout 900 gst-launch-1.0 -q -f $pipe >/mnt/out/gst-sizes.log 2>&1
for c in $cases; do
	IFS=: read -r w h fmt rate n <<-EOF
	$c
	EOF
	check_gst_h264 "$w" "$h" "$fmt" "$rate" "$n"
	check_gst_jpeg "$w" "$h" "$fmt"
done

section "GStreamer: the JPEG transcode pipeline of a 640x360 MP4"
ffmpeg -v error -nostdin -f lavfi -i testsrc2=size=640x360:rate=30 -frames:v 5 \
	-c:v mjpeg -q:v 2 -y /tmp/src360.mp4
rm -f /tmp/transcode.mkv
timeout 600 gst-launch-1.0 -q -f filesrc location=/tmp/src360.mp4 ! qtdemux ! decodebin ! \
	videoconvert ! v4l2jpegenc extra-controls=s,compression_quality=95 ! matroskamux ! \
	filesink location=/tmp/transcode.mkv >/mnt/out/gst-transcode.log 2>&1
check "filesrc ! qtdemux ! decodebin ! videoconvert ! v4l2jpegenc ! matroskamux: 5 pictures at 640x360" \
	test "$(ffprobe -v error -count_frames -show_entries stream=width,height,nb_read_frames \
		-of csv=p=0 /tmp/transcode.mkv)" = "640,360,5"

section "GStreamer v4l2jpegenc: the range it codes is the range JFIF declares"
# The frame goes both to the encoder and, through a tee, to a file: the
# source must have been asked for full range (GStreamer's colorimetry string
# starts with 1:) and the picture must match it sample for sample.
rm -f /tmp/q95.jpg /tmp/q95.nv12
timeout 300 gst-launch-1.0 -v -f videotestsrc num-buffers=1 ! \
	video/x-raw,format=NV12,width=640,height=480 ! tee name=t ! queue ! \
	v4l2jpegenc extra-controls=s,compression_quality=95 ! filesink location=/tmp/q95.jpg \
	t. ! queue ! filesink location=/tmp/q95.nv12 >/mnt/out/gst-jpeg-range.log 2>&1
range=$(sed -n 's/.*v4l2jpegenc0.GstPad:sink: caps = .*colorimetry=(string)\([^,]*\).*/\1/p' \
	/mnt/out/gst-jpeg-range.log | head -n 1)
check "v4l2jpegenc has its source hand it full range (colorimetry ${range:-none})" \
	sh -c "case '$range' in 1:*|jpeg) exit 0 ;; esac; exit 1"
# Luma plane against luma plane as bytes: no filter may convert a range.
ffmpeg -v error -nostdin -err_detect explode -i /tmp/q95.jpg -f rawvideo -pix_fmt yuvj420p \
	-y /tmp/q95dec.yuv
head -c $((640 * 480)) /tmp/q95dec.yuv >/tmp/q95dec.y
head -c $((640 * 480)) /tmp/q95.nv12 >/tmp/q95src.y
p=$(ffmpeg -hide_banner -nostdin -f rawvideo -pix_fmt gray -s 640x480 -i /tmp/q95src.y \
	-f rawvideo -pix_fmt gray -s 640x480 -i /tmp/q95dec.y -lavfi psnr -f null - 2>&1 |
	sed -n 's/.*PSNR.* average:\([0-9.inf]*\).*/\1/p' | head -n 1)
check "... and codes those samples: luma PSNR ${p:-none} >= 40 dB at quality 95" at_least "$p" 40

section "GStreamer: CAPTURE first at 1080p, a detailed picture at 20 Mbit/s"
dmesg -c >/dev/null
rm -f /tmp/snow.h264
timeout 900 gst-launch-1.0 -q -f videotestsrc pattern=snow num-buffers=5 ! \
	video/x-raw,format=NV12,width=1920,height=1080,framerate=30/1 ! \
	v4l2h264enc extra-controls="controls,video_bitrate=20000000" ! h264parse ! \
	video/x-h264,stream-format=byte-stream ! filesink location=/tmp/snow.h264 \
	>/mnt/out/gst-snow.log 2>&1
check "snow 1080p at 20 Mbit/s: every frame decodes" decode_h264 /tmp/snow.h264 /tmp/snow.yuv
check "... all 5 frames there" test "$(frames_of /tmp/snow.yuv 1920 1080)" -eq 5
check "... and the kernel logged no allocation warning" \
	sh -c "! dmesg | grep -q -e 'WARNING' -e 'page allocation failure'"

# ff_h264 W H PIXFMT N: FFmpeg h264_v4l2m2m from a Y4M file to MP4; the MP4
# decodes strictly and matches the source frame for frame by timestamp.
ff_h264() {
	local w=$1 h=$2 pf=$3 n=$4 name=ff-$1x$2-$3 p
	local same=setparams=range=tv:color_primaries=bt709:color_trc=bt709:colorspace=bt709
	ffmpeg -v error -nostdin -f lavfi -i "testsrc2=size=${w}x$h:rate=30" -frames:v "$n" \
		-pix_fmt yuv420p -y "/tmp/$name.y4m"
	rm -f "/tmp/$name.mp4"
	timeout 900 ffmpeg -v error -nostdin -i "/tmp/$name.y4m" -pix_fmt "$pf" \
		-c:v h264_v4l2m2m -b:v 6M -y "/tmp/$name.mp4" >"/mnt/out/$name.log" 2>&1
	check "ffmpeg -c:v h264_v4l2m2m ${w}x$h $pf: exits cleanly" test -s "/tmp/$name.mp4"
	check "... the MP4 decodes strictly, not one complaint" \
		sh -c "ffmpeg -v error -nostdin -err_detect explode -i /tmp/$name.mp4 -f null - \
			2>&1 | grep . >&2 && exit 1; exit 0"
	check "... ${w}x$h, $n frames" \
		test "$(ffprobe -v error -count_frames -show_entries \
			stream=width,height,nb_read_frames -of csv=p=0 "/tmp/$name.mp4")" = "$w,$h,$n"
	# The same colour metadata on both sides: FFmpeg 7.1 would otherwise
	# convert one input's range or matrix to the other's before comparing.
	p=$(ffmpeg -hide_banner -nostdin -i "/tmp/$name.mp4" -i "/tmp/$name.y4m" \
		-lavfi "[0]$same[a];[1]$same[b];[a][b]psnr" -f null - 2>&1 |
		sed -n 's/.*PSNR.* average:\([0-9.inf]*\).*/\1/p' | head -n 1)
	check "... PSNR ${p:-none} >= 30 dB against the source, frames matched by timestamp" \
		at_least "$p" 30
}

section "FFmpeg h264_v4l2m2m to MP4"
ff_h264 640 480 nv12 15
ff_h264 1000 562 nv12 6
ff_h264 1920 1080 yuv420p 3

section "a camera's exact-size 1080p NV12 DMABUFs (vivid as the camera)"
modprobe font 2>/dev/null
modprobe vivid n_devs=1 allocators=1 multiplanar=2 node_types=1 2>/dev/null
cam=$(node_named "vivid-000-vid-cap")
check "vivid capture node present" test -n "$cam"
if [ -n "$cam" ]; then
	./hantro-enc-test -d "$venc" -e "$cam" -s 1920x1080 >/mnt/out/dmabuf-import.log 2>&1
	grep -E '^(PASS|FAIL)' /mnt/out/dmabuf-import.log | sed 's/^/  /'
	check "exact-size DMABUF import at 1920x1080: every frame encodes" \
		grep -q ' 0 failed$' /mnt/out/dmabuf-import.log
	rmmod vivid
fi

# gst_cam NAME SRC-MODE ENC-MODE "FOURCC PLANES": vivid's webcam into v4l2h264enc at
# 640x480 NV12 and 25 frames/s (its fastest rate at that size), the two
# sharing buffers one way or the other, CAM_FRAMES frames. The caps between
# them are system-memory caps: memory:DMABuf ones would make GStreamer
# negotiate DMA_DRM. GStreamer's log tells which way each frame went: the
# allocator's "imported DMABUF" when a queue imports, the encoder's
# "processing buffer N from our pool" when the camera filled the encoder's
# own buffer, GST_PERFORMANCE's "slow copy" when a frame is copied.
# Both queues must have been set to FOURCC with PLANES DMABUFs a frame.
CAM_FRAMES=10
gst_cam() {
	local name=$1 fmt=$4 rc got a b
	rm -f "/tmp/$name.h264" "/tmp/$name.yuv"
	GST_DEBUG=v4l2:5,v4l2allocator:6,v4l2bufferpool:6,GST_PERFORMANCE:6 \
		GST_DEBUG_NO_COLOR=1 timeout 600 gst-launch-1.0 -f \
		v4l2src device="$cam" io-mode="$2" num-buffers=$CAM_FRAMES ! \
		video/x-raw,format=NV12,width=640,height=480,framerate=25/1 ! \
		v4l2h264enc output-io-mode="$3" ! h264parse ! \
		video/x-h264,stream-format=byte-stream ! filesink location="/tmp/$name.h264" \
		>"/tmp/$name.out" 2>"/tmp/$name.log"
	rc=$?
	# Written where it is cheap, then kept with the results. gst-launch's
	# own messages go to a file of their own, here and for the per-plane
	# pipelines: written into the debug log, one ("Redistribute
	# latency...") once landed inside a line that a check below reads.
	cp "/tmp/$name.log" "/tmp/$name.out" /mnt/out/
	check "v4l2src io-mode=$2 ! NV12 ! v4l2h264enc output-io-mode=$3: ends at EOS (exit $rc)" \
		sh -c "[ $rc -eq 0 ] && grep -q 'Got EOS from element' /mnt/out/$name.out"
	check "... no frame copied on the way (no slow copy logged)" \
		sh -c "! grep -q 'slow copy' /mnt/out/$name.log"
	check "... decodes strictly" decode_h264 "/tmp/$name.h264" "/tmp/$name.yuv"
	got="$(ffprobe -v error -show_entries stream=width,height -of csv=p=0 \
		"/tmp/$name.h264"),$(frames_of "/tmp/$name.yuv" 640 480)"
	check "... 640x480 with all $CAM_FRAMES frames (width,height,frames: $got)" \
		test "$got" = "640,480,$CAM_FRAMES"
	a=$(cam_format "$name" v4l2src0:src)
	b=$(cam_format "$name" v4l2h264enc0:sink)
	check "... both sides in $fmt (camera ${a:-none}, encoder ${b:-none})" \
		test "$a,$b" = "$fmt,$fmt"
}

# cam_format NAME PAD: the V4L2 format and plane count GStreamer set on
# the queue behind PAD (v4l2src0:src, v4l2h264enc0:sink), e.g. "NV12 1".
cam_format() {
	sed -n "s/.*<$2> Got format of 640x480, format \([A-Z0-9]*\), nb planes \([0-9]\).*/\1 \2/p" \
		"/mnt/out/$1.log" | tail -n 1
}

# cam_imports NAME ELEMENT: how many DMABUFs ELEMENT's queue imported.
cam_imports() {
	grep -c "<$2:[a-z0-9]*:[a-z]*:allocator> \[[0-9]*\] imported DMABUF as fd" "/mnt/out/$1.log"
}

# gst_cam_both TAG "FOURCC PLANES": direction A, the encoder imports each
# frame the camera captured into a buffer of its own; direction B, the
# camera captures straight into buffers the encoder allocated and exported,
# which then come back to the encoder. Both sides must use the V4L2 format
# FOURCC with PLANES DMABUFs a frame.
gst_cam_both() {
	local tag=$1 fmt=$2 planes=${2#* } n
	gst_cam "gst-cam-$tag-import" dmabuf dmabuf-import "$fmt"
	n=$(cam_imports "gst-cam-$tag-import" v4l2h264enc0)
	check "... the encoder imported the camera's $planes DMABUF(s) of every frame ($n)" \
		test "$n" -eq $((CAM_FRAMES * planes))
	gst_cam "gst-cam-$tag-export" dmabuf-import dmabuf "$fmt"
	n=$(cam_imports "gst-cam-$tag-export" v4l2src0)
	check "... the camera imported the encoder's $planes DMABUF(s) a buffer ($n, none refused)" \
		sh -c "[ $n -ge $planes ] && [ $((n % planes)) -eq 0 ] && \
			! grep -q -e 'cannot import' -e 'alloc buffer from our pool' \
			/mnt/out/gst-cam-$tag-export.log"
	n=$(grep -c 'processing buffer [0-9]* from our pool' "/mnt/out/gst-cam-$tag-export.log")
	check "... every frame came back to the encoder in its own buffer ($n of $CAM_FRAMES)" \
		test "$n" -eq "$CAM_FRAMES"
}

# cam_both_ways MULTIPLANAR TAG "FOURCC PLANES": vivid loaded with that
# multiplanar setting as the camera of gst_cam_both.
cam_both_ways() {
	modprobe vivid n_devs=1 allocators=1 multiplanar="$1" node_types=1 2>/dev/null
	cam=$(node_named "vivid-000-vid-cap")
	check "vivid capture node present (multiplanar=$1)" test -n "$cam"
	[ -n "$cam" ] || return
	gst_cam_both "$2" "$3"
	rmmod vivid
}

section "GStreamer zero-copy with a camera, both ways (vivid, one DMABUF a frame)"
# The single-planar API: one buffer, one DMABUF per frame, as V4L2 cameras
# hand them over; vivid allocates them physically contiguous.
cam_both_ways 1 nv12 "NV12 1"

section "per-plane formats (per_plane_formats=1): a camera's DMABUF per plane, both ways"
# With NV12M offered by both, GStreamer picks it on both sides: two DMABUFs
# a frame, as libcamera hands them over.
unload_project_modules
check "modules load with per_plane_formats=1" load_project_modules per_plane_formats=1
find_nodes
check "v4l2-compliance -s H.264 node, per-plane formats offered: 0 failures, 0 warnings" \
	compliance "$venc" compliance-h264-per-plane -s "$COMPLIANCE_FRAMES"
grep -E 'fail:|warn:' /mnt/out/compliance-h264-per-plane.log | head -n 20
cam_both_ways 2 nv12m "NM12 2"
# libcamera's GStreamer source hands a frame's planes as one DMABUF, the
# chroma at an offset: imported as NV12M, the same fd for both planes.
modprobe vivid n_devs=1 allocators=1 multiplanar=2 node_types=1 2>/dev/null
cam=$(node_named "vivid-000-vid-cap")
rm -f /tmp/dmabuf-import.h264
./hantro-enc-test -d "$venc" -e "$cam" -E -s 640x480 -o /tmp >/mnt/out/dmabuf-split.log 2>&1
grep -E '^(PASS|FAIL)' /mnt/out/dmabuf-split.log | sed 's/^/  /'
check "one DMABUF for both planes, chroma at its data_offset: every frame encodes" \
	grep -q ' 0 failed$' /mnt/out/dmabuf-split.log
rmmod vivid
# The frames are flat (Cb 0x30, Cr 0xd0, luma 0x50): chroma read from the
# luma would decode as 80, 80.
check "... decodes strictly" decode_h264 /tmp/dmabuf-import.h264 /tmp/split.yuv
cb=$(od -A n -t u1 -j $((640 * 480)) -N 1 /tmp/split.yuv 2>/dev/null | tr -d ' ')
cr=$(od -A n -t u1 -j $((640 * 480 * 5 / 4)) -N 1 /tmp/split.yuv 2>/dev/null | tr -d ' ')
check "... with the chroma from its offset (Cb ${cb:-none}, Cr ${cr:-none}; want 48, 208)" \
	sh -c "[ \"${cb:-0}\" -ge 45 ] && [ \"${cb:-0}\" -le 51 ] &&
		[ \"${cr:-0}\" -ge 205 ] && [ \"${cr:-0}\" -le 211 ]"
# A producer in system memory: GStreamer copies its frames into the
# encoder's per-plane buffers, two planes or three (it crashed doing so
# while their planes were longer than sizeimage); at 1000x562 the hardware
# reads past the last line, so the driver copies them once more. One
# gst-launch, a branch per case, as in the size sweep.
cases="320:240:NV12:NM12 1000:562:I420:YM12"
pipe=
for c in $cases; do
	IFS=: read -r w h fmt v4l2 <<-EOF
	$c
	EOF
	rm -f "/tmp/gst-$w-$h-$fmt.h264"
	pipe="$pipe videotestsrc num-buffers=3 ! video/x-raw,format=$fmt,width=$w,height=$h
		! v4l2h264enc name=enc$fmt ! h264parse ! video/x-h264,stream-format=byte-stream
		! filesink location=/tmp/gst-$w-$h-$fmt.h264"
done
# shellcheck disable=SC2086
GST_DEBUG=v4l2:5 GST_DEBUG_NO_COLOR=1 timeout 600 gst-launch-1.0 -q -f $pipe \
	>/tmp/gst-per-plane.out 2>/tmp/gst-per-plane.log
cp /tmp/gst-per-plane.log /tmp/gst-per-plane.out /mnt/out/
for c in $cases; do
	IFS=: read -r w h fmt v4l2 <<-EOF
	$c
	EOF
	check_gst_h264 "$w" "$h" "$fmt" "" 3
	got=$(sed -n "s/.*<enc$fmt:sink> Got format of [0-9x]*, format \([A-Z0-9]*\),.*/\1/p" \
		/tmp/gst-per-plane.log | tail -n 1)
	check "... the encoder took $fmt as $v4l2 (got ${got:-none})" test "$got" = "$v4l2"
done
unload_project_modules
check "modules load with the default formats" load_project_modules
find_nodes

# vui COLORIMETRY EXPECTED: encode with the OUTPUT colorimetry COLORIMETRY
# (v4l2-ctl syntax) and compare ffprobe's range,space,transfer,primaries.
vui() {
	local got
	v4l2-ctl -d "$venc" --set-fmt-video-out=width=320,height=240,pixelformat=NV12,"$1" \
		--set-fmt-video=pixelformat=H264 --stream-out-mmap --stream-mmap \
		--stream-count=2 --stream-to=/tmp/vui.h264 >/mnt/out/vui.log 2>&1
	got=$(ffprobe -v error -show_entries stream=color_range,color_space,color_transfer,color_primaries \
		-of csv=p=0 /tmp/vui.h264)
	check "VUI for $1: $got (want $2)" test "$got" = "$2"
}

section "colour description in the SPS (ffprobe)"
vui colorspace=smpte170m "tv,smpte170m,smpte170m,smpte170m"
vui colorspace=rec709,quantization=full-range "pc,bt709,bt709,bt709"
vui colorspace=srgb "tv,smpte170m,iec61966-2-1,bt709"
vui colorspace=jpeg "pc,smpte170m,iec61966-2-1,bt709"
vui colorspace=470bg "tv,bt470bg,smpte170m,bt470bg"
vui colorspace=bt2020,xfer=smpte2084 "tv,bt2020nc,smpte2084,bt2020"
vui colorspace=dcip3 "tv,bt709,unknown,smpte431"

check "modules unload" unload_project_modules
finish
