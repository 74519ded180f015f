#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# ffmpeg and ffprobe for the guest's checks, run by the host.
#
# Under QEMU's emulation with the debug kernel, starting FFmpeg (212 shared
# libraries) takes 7 to 10 s in the guest and a fraction of a second on the
# host, and the suites start it a hundred times. lib.sh puts this script on
# PATH as ffmpeg and ffprobe: it copies the command's input files to the
# exchange directory the host watches (tools/lib/oracle.sh), waits for the
# host's FFmpeg to run the command there, and links the output file into
# place, so callers see the files, output and exit status of a local run
# (measure outputs with stat -L).
# FFmpeg as a client of the driver (v4l2m2m) runs here, as users run it;
# so does everything when no host serves the directory.
tool=${0##*/}
x=/mnt/out/oracle
real=/usr/bin/$tool
case " $* " in *v4l2m2m*) exec "$real" "$@" ;; esac
[ -e "$x/serving" ] || exec "$real" "$@"

# Every process costs a good part of a second here: builtins where possible.
read -r id </proc/sys/kernel/random/uuid
fallback=
n=$#
i=0
prev=
out=
back=
{ for a in "$@"; do
	i=$((i + 1))
	case $a in
	/tmp/* | /mnt/host/*)
		dir=${a%/*}
		name=${dir##*/}_${a##*/}
		if [ -f "$a" ] && { [ "$prev" = -i ] || [ "$tool" = ffprobe ]; }; then
			# An earlier output is a link to its exchange copy already.
			if [ -L "$a" ]; then
				name=$(readlink "$a") && name=${name##*/}
			else
				cp "$a" "$x/$name" 2>/dev/null || fallback="input not copied"
			fi
		elif [ "$i" = "$n" ]; then
			# A name of its own: the guest's 9p client has missed a file
			# the host made again under a name the guest had just removed.
			name=$id-$name
			back=$name
			out=$a
		fi
		a=$name
		;;
	esac
	printf '%s\n' "$a"
	prev=$a
done >"$x/$id.args"; } 2>/dev/null || fallback="no arguments file"
# A failed run leaves no output behind, not the one of an earlier run.
[ -z "$out" ] || rm -f "$out"
# The request: an empty file named after the tool, made once the arguments
# are complete (a file's content may reach the host after the file does).
# A create in the exchange directory has failed with ENOENT while the host
# was removing other files in it (it no longer removes any): try again.
tries=0
until [ -n "$fallback" ] || { : >"$x/$id.$tool"; } 2>/dev/null; do
	tries=$((tries + 1))
	[ "$tries" -lt 3 ] || { fallback="no request"; break; }
	sleep 1
done

# The host answers within seconds; minutes means it is gone.
waited=0
while [ -z "$fallback" ] && [ ! -s "$x/$id.rc" ]; do
	[ "$waited" -lt 600 ] || fallback="no answer"
	sleep 0.2
	waited=$((waited + 1))
done

# run_here REASON ARGS...: the guest's own FFmpeg instead: slower, same
# result; the log says why a run was slow.
run_here() {
	echo "$tool $id: $1, run in the guest" >>/mnt/out/oracle-fallbacks.log
	shift
	exec "$real" "$@"
}
[ -z "$fallback" ] || run_here "$fallback" "$@"
# The answer: the exit status, then the output file's size or "-" when the
# command made none. Now and then a file the host has just made is not
# there yet for the guest (seen in runs of the whole suite on a busy host,
# with the answer already there): wait a little for what the host says it
# made, log when that was needed, and run the guest's own tool when it
# never shows.
read -r rc made <"$x/$id.rc"
see() {
	_tries=0
	until [ -e "$1" ]; do
		_tries=$((_tries + 1))
		[ "$_tries" -le 25 ] || return 1
		sleep 0.2
	done
	[ "$_tries" -eq 0 ] ||
		echo "$tool $id: ${1##*/} seen after $_tries tries" >>/mnt/out/oracle-late.log
}
[ -n "$out" ] && [ "${made:--}" != - ] || back=
if ! see "$x/$id.out" || ! see "$x/$id.err" || { [ -n "$back" ] && ! see "$x/$back"; }; then
	run_here "the host's answer never showed in full" "$@"
fi
# A failure is the guest's own tool's to confirm: once, in a run of the
# whole suite, a plain conversion failed on the host (exit 1, 60 bytes of
# errors) and the checks after it failed for want of its output. A stream
# that really is broken fails here too.
[ "$rc" = 0 ] ||
	run_here "the host's run exited $rc ($(head -c 200 "$x/$id.err" | tr '\n' ' '))" "$@"
[ -s "$x/$id.out" ] && cat "$x/$id.out"
[ -s "$x/$id.err" ] && cat "$x/$id.err" >&2
# Outputs stay on the host, linked: copying them in through 9p takes
# longer than FFmpeg took to make them, and most are only measured.
[ -z "$back" ] || ln -s "$x/$back" "$out"
exit "$rc"
