# SPDX-License-Identifier: GPL-2.0
# Shared shell helpers for the hantro-enc build and test scripts.
# Sourced, never run. Every long step logs to a file and shows a heartbeat.

HANTRO_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Machine-local cache of kernel trees, guest roots and downloads. Everything in it
# is keyed by its inputs, so it can be deleted at any time.
HANTRO_CACHE=${HANTRO_ENC_CACHE:-/var/cache/hantro-enc}
JOBS=${JOBS:-$(($(nproc) + 1))}

say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { say "ERROR: $*" >&2; exit 1; }

# run_step DESC LOG CMD...: run CMD with output to LOG, print a heartbeat line every
# 30 s (elapsed time and the log's last line) and the log's tail on failure.
run_step() {
	local desc=$1 log=$2 start pid rc last
	shift 2
	mkdir -p "$(dirname "$log")"
	start=$(date +%s)
	say "$desc (log: $log)"
	"$@" >"$log" 2>&1 &
	pid=$!
	while ! wait_or_timeout "$pid" 30; do
		last=$(tail -n 1 "$log" 2>/dev/null | cut -c1-90)
		say "  ... $desc: $(($(date +%s) - start))s  $last"
	done
	wait "$pid"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		say "FAILED ($rc): $desc; last lines of $log:"
		tail -n 30 "$log" >&2
		return "$rc"
	fi
	say "  done in $(($(date +%s) - start))s: $desc"
}

# wait_or_timeout PID SECONDS: 0 when PID has ended, 1 after SECONDS otherwise.
wait_or_timeout() {
	local pid=$1 n=$(($2 * 2))
	while [ "$n" -gt 0 ]; do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.5
		n=$((n - 1))
	done
	return 1
}

# hash_of FILE|STRING...: short content hash used as a cache key.
hash_of() {
	local a
	for a in "$@"; do
		if [ -f "$a" ]; then cat "$a"; else printf '%s\n' "$a"; fi
	done | sha256sum | cut -c1-16
}

need_root() {
	[ "$(id -u)" -eq 0 ] || die "this step installs packages and needs root (run with sudo)"
}

# --- test result bookkeeping -------------------------------------------------
# Results go to $HANTRO_RESULTS (one "PASS|FAIL name" line each) so that nested
# scripts can add to one summary.
result() {
	local verdict=$1 name=$2
	printf '%s %s\n' "$verdict" "$name" >>"${HANTRO_RESULTS:?}"
	say "$verdict: $name"
}

# check NAME CMD...: run CMD, record PASS when it exits 0.
check() {
	local name=$1
	shift
	if "$@"; then result PASS "$name"; else result FAIL "$name"; fi
}

summary() {
	local p f
	p=$(grep -c '^PASS ' "$HANTRO_RESULTS" || true)
	f=$(grep -c '^FAIL ' "$HANTRO_RESULTS" || true)
	if [ "$f" -ne 0 ]; then
		echo "Failed:"
		grep '^FAIL ' "$HANTRO_RESULTS" | sed 's/^FAIL /  /'
	fi
	echo "$p passed, $f failed"
	[ "$f" -eq 0 ]
}
