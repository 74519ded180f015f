# SPDX-License-Identifier: GPL-2.0
# Helpers for the guest-side test scripts (POSIX sh, busybox or dash).
# Each check appends "PASS name" or "FAIL name" to /mnt/out/results; the host
# merges them into the run's summary.

RESULTS=/mnt/out/results
[ -f ./env.sh ] && . ./env.sh
MODDIR=/mnt/host/modules
# The checks' FFmpeg runs on the host when it serves (oracle.sh says why).
if [ -e /mnt/out/oracle/serving ] && [ ! -x /tmp/bin/ffmpeg ]; then
	mkdir -p /tmp/bin
	ln -sf /mnt/host/oracle.sh /tmp/bin/ffmpeg
	ln -sf /mnt/host/oracle.sh /tmp/bin/ffprobe
fi
[ -x /tmp/bin/ffmpeg ] && PATH=/tmp/bin:$PATH && export PATH
# A suite run by another (HANTRO_NESTED=1) adds to its results.
[ "${HANTRO_NESTED:-0}" = 1 ] || : >"$RESULTS"

check() {
	_name=$1
	shift
	if "$@"; then
		echo "PASS $_name" >>"$RESULTS"
		echo "PASS: $_name"
	else
		echo "FAIL $_name" >>"$RESULTS"
		echo "FAIL: $_name"
	fi
}

# section TITLE: start a part of the suite; prints how long the previous
# part took, so slow parts show up in every log. The state lives in a file
# because parts also start inside command substitutions.
section() {
	_now=$(date +%s)
	if [ -s /tmp/.section ]; then
		read -r _t0 _title </tmp/.section
		echo "   (took $((_now - _t0)) s: $_title)"
	fi
	[ $# -gt 0 ] && echo "== $*" && echo "$_now $*" >/tmp/.section
	[ $# -gt 0 ] || rm -f /tmp/.section
}

# finish: record main.sh's verdict for init.sh and stop.
finish() {
	section
	if grep -q '^FAIL' "$RESULTS"; then echo 1; else echo 0; fi >/mnt/out/main-status
	exit 0
}

# node_named NAME: the /dev/videoN whose V4L2 device name is NAME.
node_named() {
	for _d in /sys/class/video4linux/video*; do
		if [ "$(cat "$_d/name" 2>/dev/null)" = "$1" ]; then
			echo "/dev/${_d##*/}"
			return 0
		fi
	done
	return 1
}

# Frames per v4l2-compliance streaming test (its default is 60). Every
# I/O mode and format streams this many; the long streams are the other
# checks' job, and 60 frames of each took minutes under emulation.
COMPLIANCE_FRAMES=10

# compliance NODE LOGNAME [ARGS...]: run v4l2-compliance, keep its log in
# /mnt/out, print its totals line; succeed only with 0 failures and 0 warnings.
compliance() {
	_node=$1 _log=/mnt/out/$2.log
	shift 2
	v4l2-compliance -d "$_node" "$@" >"$_log" 2>&1
	_total=$(grep -E '^Total for' "$_log" | tail -n 1)
	echo "  $_total"
	echo "$_total" | grep -qE 'Failed: 0, Warnings: 0$'
}

# load_project_modules: insert the driver and the virtual VEPU from the payload.
load_project_modules() {
	modprobe -q v4l2-mem2mem 2>/dev/null
	modprobe -q videobuf2-dma-contig 2>/dev/null
	insmod "$MODDIR/hantro-enc.ko" "$@" &&
		insmod "$MODDIR/hantro-vepu-virt.ko" ip="${VEPU_IP:-h1}"
}

# The virtual VEPU's device for the register set under test, named after
# the IP it models.
case "${VEPU_IP:-h1}" in
vepu2) VEPU_DEV=rockchip-vepu2 ;;
*) VEPU_DEV=hantro-h1 ;;
esac

# unload_project_modules: rmmod both modules. A process's files close as it
# exits, but a release that drops the last reference to a buffer from a
# worker defers the rest of it (deferred fput), so the driver may stay in
# use for a moment after the last client is gone: it gets 10 s before the
# reference counts as leaked, and then who holds it is printed.
unload_project_modules() {
	rmmod hantro_vepu_virt || return 1
	_tries=0
	while ! rmmod hantro_enc 2>/dev/null; do
		_tries=$((_tries + 1))
		if [ $_tries -ge 40 ]; then
			echo "hantro_enc still in use after 10 s, refcnt $(cat /sys/module/hantro_enc/refcnt)"
			ls -l /proc/[0-9]*/fd 2>/dev/null | grep -E 'video|dmabuf' | head -n 10
			rmmod hantro_enc
			return 1
		fi
		sleep 0.25
	done
	[ $_tries -gt 0 ] && echo "hantro_enc unloaded after $_tries retries of 0.25 s"
	return 0
}

virtual_vepu_bound() {
	[ -e "/sys/bus/platform/drivers/hantro-enc/$VEPU_DEV" ]
}

# suite_start NODENAME WHAT LOG: load the modules, find the node named
# NODENAME (WHAT names it in messages) and run v4l2-compliance -s on it,
# keeping the log as /mnt/out/LOG.log. Prints the node (nothing if none).
suite_start() {
	section "virtual VEPU register set: ${VEPU_IP:-h1}" >&2
	check "modules load" load_project_modules >&2
	_node=$(node_named "$1")
	check "$2 node registered" test -n "$_node" >&2
	[ -n "$_node" ] || return 1
	section "v4l2-compliance -s on $_node" >&2
	check "v4l2-compliance -s $2 node: 0 failures, 0 warnings" \
		compliance "$_node" "$3" -s "$COMPLIANCE_FRAMES" >&2
	grep -E 'fail:|warn:' "/mnt/out/$3.log" | head -n 20 >&2
	echo "$_node"
}

# fuzz_nodes SECONDS NODE...: the ioctl fuzzer on every NODE at once for
# SECONDS with one seed (FUZZ_SEED, or the time), each logged to
# /mnt/out/fuzz-videoN.log; each must end without a hang and with its node
# still encoding.
fuzz_nodes() {
	_secs=$1
	shift
	_seed=${FUZZ_SEED:-$(date +%s)}
	echo "fuzz seed $_seed, $_secs s per node"
	_pids=
	for _n in "$@"; do
		./hantro-enc-fuzz -d "$_n" -s "$_seed" -t "$_secs" \
			>"/mnt/out/fuzz-${_n##*/}.log" 2>&1 &
		_pids="$_pids $!"
	done
	wait $_pids
	for _n in "$@"; do
		tail -n 2 "/mnt/out/fuzz-${_n##*/}.log"
		check "fuzz $_n, seed $_seed: no hang, the node still encodes" \
			grep -q 'sanity: node still encodes: PASS' "/mnt/out/fuzz-${_n##*/}.log"
	done
}

# find_nodes: the H.264 and the JPEG node, as venc and jenc.
find_nodes() {
	venc=$(node_named hantro-video-enc)
	jenc=$(node_named hantro-jpeg-enc)
}

# start_both_nodes: load the modules and find both nodes (find_nodes);
# fails when either is missing.
start_both_nodes() {
	check "modules load" load_project_modules
	find_nodes
	check "H.264 and JPEG nodes registered" test -n "$venc" -a -n "$jenc"
	[ -n "$venc" ] && [ -n "$jenc" ]
}

# ctl_stream LOG ARGS...: v4l2-ctl ARGS, its output in /mnt/out/LOG.log.
# v4l2-ctl gives up streaming ("select timeout") when one buffer takes more
# than a second or two to come back, which an emulated guest on a busy host
# can take; the file it leaves is short. That is the client's limit, not
# the driver's: the log says so and the stream runs once more. A driver
# that hangs hangs again.
ctl_stream() {
	_log=/mnt/out/$1.log
	shift
	v4l2-ctl "$@" >"$_log" 2>&1 && ! grep -q 'select timeout' "$_log" && return 0
	grep -q 'select timeout' "$_log" || return 1
	echo "  v4l2-ctl: select timeout (a slow host), running the stream again"
	echo "select timeout in $_log" >>/mnt/out/client-timeouts.log
	v4l2-ctl "$@" >"$_log" 2>&1
}
