# SPDX-License-Identifier: GPL-2.0
# The host side of tools/vm/guest/oracle.sh: FFmpeg and ffprobe commands a
# guest leaves in its output directory, run natively on the host.

# oracle_serve DIR: run every request that appears in DIR until DIR/stop
# exists. A request is ID.args (one argument per line, files named relative
# to DIR), then an empty ID.ffmpeg or ID.ffprobe; the answer is ID.out,
# ID.err and, last, ID.rc (exit status and the last file's size, - if none);
# each answer is logged in DIR.log. Nothing is removed or renamed while the
# guest runs: a create in the directory has failed in the guest with ENOENT
# while the host removed other files in it. vm_boot removes the directory
# afterwards.
oracle_serve() {
	local dir=$1 req id tool args rc made
	local -A answered
	mkdir -p "$dir"
	touch "$dir/serving"
	while [ ! -e "$dir/stop" ]; do
		for req in "$dir"/*.ffmpeg "$dir"/*.ffprobe; do
			[ -e "$req" ] && [ -z "${answered[$req]:-}" ] || continue
			answered[$req]=1
			id=${req%.*}
			tool=${req##*.}
			mapfile -t args <"$id.args"
			(cd "$dir" && "$tool" "${args[@]}" >"$id.out" 2>"$id.err" </dev/null)
			rc=$?
			# The output's size tells the guest to look for it.
			made=$(stat -c %s "$dir/${args[-1]}" 2>/dev/null) || made=-
			printf '%s %s %s exit %s, stdout %s, stderr %s, last file %s\n' \
				"$(date +%T)" "${id##*/}" "$tool" "$rc" "$(stat -c %s "$id.out")" \
				"$(stat -c %s "$id.err")" "$made" >>"$dir.log"
			# What a failed command said outlives the directory.
			[ "$rc" -eq 0 ] || sed -n '1,5s/^/    /p' "$id.err" >>"$dir.log"
			echo "$rc $made" >"$id.rc"
		done
		sleep 0.05
	done
}
