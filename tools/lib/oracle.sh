# SPDX-License-Identifier: GPL-2.0
# The host side of tools/vm/guest/oracle.sh: FFmpeg and ffprobe commands a
# guest leaves in its output directory, run natively on the host.

# oracle_serve DIR: run every request that appears in DIR until DIR/stop
# exists. A request is ID.args (one argument per line, files named relative
# to DIR), then an empty ID.ffmpeg or ID.ffprobe; the answer is ID.out,
# ID.err and, last, ID.rc. Nothing is removed while the guest runs: a
# create in the directory has failed in the guest with ENOENT while the host
# removed other files in it. vm_boot removes the directory afterwards.
oracle_serve() {
	local dir=$1 req id tool args
	mkdir -p "$dir"
	touch "$dir/serving"
	while [ ! -e "$dir/stop" ]; do
		for req in "$dir"/*.ffmpeg "$dir"/*.ffprobe; do
			[ -e "$req" ] || continue
			id=${req%.*}
			tool=${req##*.}
			rm -f "$req"
			mapfile -t args <"$id.args"
			(cd "$dir" && "$tool" "${args[@]}" >"$id.out" 2>"$id.err" </dev/null)
			echo $? >"$id.rc.tmp"
			mv "$id.rc.tmp" "$id.rc"
		done
		sleep 0.05
	done
}
