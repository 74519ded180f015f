# SPDX-License-Identifier: GPL-2.0
# Assemble what a VM run gets at /mnt/host: the guest scripts, one suite as
# main.sh, the modules built for that kernel and an env.sh of settings.

# payload_make DIR SUITE MODDIR [VAR=VALUE...]: MODDIR holds the built tree;
# files named in HANTRO_PAYLOAD_EXTRA are copied in too.
payload_make() {
	local dir=$1 suite=$2 moddir=$3 kv
	shift 3
	rm -rf "$dir"
	mkdir -p "$dir/modules"
	cp "$HANTRO_TOP"/tools/vm/guest/*.sh "$HANTRO_TOP/tools/lib/psnr.sh" "$dir/"
	cp "$HANTRO_TOP/tools/vm/guest/$suite.sh" "$dir/main.sh"
	cp "$HANTRO_TOP"/tools/board/* "$dir/"
	find "$moddir" -name '*.ko' -exec cp {} "$dir/modules/" \;
	# shellcheck disable=SC2086 # a list of paths
	[ -z "${HANTRO_PAYLOAD_EXTRA:-}" ] || cp $HANTRO_PAYLOAD_EXTRA "$dir/"
	make -s -C "$HANTRO_TOP/userspace-test" OUT="$dir" >/dev/null || return 1
	: >"$dir/env.sh"
	for kv in "$@"; do
		printf '%s=%q\nexport %s\n' "${kv%%=*}" "${kv#*=}" "${kv%%=*}" >>"$dir/env.sh"
	done
}

# vm_selected NAME: NAME (LABEL-SUITE) matches a glob of HANTRO_VM_SUITES,
# or that is unset. Lets a developer rerun one guest suite.
vm_selected() {
	local pat
	[ -z "${HANTRO_VM_SUITES:-}" ] && return 0
	for pat in $HANTRO_VM_SUITES; do
		# shellcheck disable=SC2254
		case "$1" in $pat) return 0 ;; esac
	done
	return 1
}

# vm_suite LABEL KDIR ROOTFS SUITES MODDIR TIMEOUT [VAR=VALUE...]: boot once
# and run the guest suites SUITES (a word list, in order; suites.sh runs
# more than one); merge their checks, prefixed with LABEL, into the run's
# results and their times into times.txt. Suites left out by
# HANTRO_VM_SUITES (globs of LABEL-SUITE) are skipped.
vm_suite() {
	local label=$1 kdir=$2 root=$3 moddir=$5 limit=$6 out payload ok=0 t0 s suites= name
	local main=suites
	for s in $4; do
		vm_selected "$label-$s" && suites="${suites:+$suites }$s"
	done
	shift 6
	[ -n "$suites" ] || return 0
	[ "${suites% *}" != "$suites" ] || main=$suites
	name=$label-$(echo "$suites" | tr ' ' +)
	t0=$(date +%s)
	payload="$HANTRO_CACHE/payload/$name"
	out="$HANTRO_OUT/vm-$name"
	payload_make "$payload" "$main" "$moddir" SUITES="$suites" "$@"
	"${VM_BOOT:-vm_boot}" "$kdir" "$root" "$payload" "$out" "$limit" || ok=1
	if [ -f "$out/results" ]; then
		sed "s/^\(PASS\|FAIL\) /\1 [$label] /" "$out/results" >>"$HANTRO_RESULTS"
	fi
	if [ "$ok" -eq 0 ]; then
		result PASS "[$label] $suites: VM run clean (no splat, no timeout)"
	else
		result FAIL "[$label] $suites: VM run clean (no splat, no timeout); logs in $out"
	fi
	{
		printf '%-32s %5d s (boot and all)\n' "$name" $(($(date +%s) - t0))
		[ "$main" != suites ] || [ ! -f "$out/suite-times" ] ||
			awk -v l="$label" '{ printf "  %-30s %5d s (guest clock)\n", l "-" $1, $2 }' \
				"$out/suite-times"
	} | tee -a "$HANTRO_OUT/times.txt"
	return "$ok"
}

# vm_lanes FUNCTION...: run each FUNCTION (a list of vm_suite calls) as a lane
# of guests. Lanes run at once when the machine has a core per lane (or
# HANTRO_VM_LANES allows that many), each logging to $HANTRO_OUT/lane-N.log,
# which is printed when all have ended; otherwise they run one after another.
vm_lanes() {
	local max=${HANTRO_VM_LANES:-$(nproc)} n=0 f pids=()
	if [ "$max" -lt "$#" ]; then
		for f in "$@"; do "$f"; done
		return 0
	fi
	for f in "$@"; do
		n=$((n + 1))
		say "lane $n ($f) runs in the background, log: $HANTRO_OUT/lane-$n.log"
		"$f" >"$HANTRO_OUT/lane-$n.log" 2>&1 &
		pids+=($!)
	done
	wait "${pids[@]}"
	for n in $(seq 1 $#); do
		say "== lane $n"
		cat "$HANTRO_OUT/lane-$n.log"
	done
}
