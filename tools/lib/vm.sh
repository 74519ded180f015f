# SPDX-License-Identifier: GPL-2.0
# Boot a test kernel under QEMU on the cached guest root and run a payload.
#
# The payload is a host directory mounted read-only at /mnt/host in the guest;
# its main.sh runs as the guest's only job. Results, the kernel log and the
# kmemleak report come back through a writable share mounted at /mnt/out.

VM_MEMORY=${VM_MEMORY:-2G}

# vm_prepare_root KDIR ROOTFS: the guest root is shared by all test kernels
# and by guests running at once: install this kernel's modules and the init
# script, writing nothing when they are current so running guests never see
# a file change under them.
vm_prepare_root() {
	local kdir=$1 root=$2 rel
	rel=$(kernel_release "$kdir")
	mkdir -p "$root/lib/modules"
	rsync -a --delete "$kdir/modroot/lib/modules/$rel/" "$root/lib/modules/$rel/"
	cmp -s "$HANTRO_TOP/tools/vm/guest/init.sh" "$root/sbin/hantro-vm-init" ||
		install -m 0755 "$HANTRO_TOP/tools/vm/guest/init.sh" "$root/sbin/hantro-vm-init"
}

# vm_boot KDIR ROOTFS PAYLOAD OUTDIR TIMEOUT_S: 0 when main.sh passed, the guest
# finished in time and the kernel reported no splat.
vm_boot() {
	local kdir=$1 root=$2 payload=$3 out=$4 limit=$5 initrd=()
	vm_prepare_root "$kdir" "$root"
	# A distribution kernel (distro_kernel) mounts the root from its initramfs.
	[ -f "$kdir/initrd.img" ] && initrd=(-initrd "$kdir/initrd.img")
	vm_run "$(kernel_release "$kdir")" "$out" "$limit" \
		qemu-system-x86_64 -m "$VM_MEMORY" -smp 2 -nographic -no-reboot -nodefaults \
		-serial stdio -kernel "$kdir/arch/x86/boot/bzImage" "${initrd[@]}" \
		-append "console=ttyS0 root=root rootfstype=9p rootflags=trans=virtio,version=9p2000.L,cache=loose,msize=512000 rw init=/sbin/hantro-vm-init panic=-1 quiet" \
		-virtfs local,path="$root",mount_tag=root,security_model=none,multidevs=remap \
		-virtfs local,path="$payload",mount_tag=host,security_model=none,readonly=on,multidevs=remap \
		-virtfs local,path="$out",mount_tag=out,security_model=none,multidevs=remap
}

# vm_run RELEASE OUTDIR TIMEOUT_S QEMU...: run a guest whose init is
# tools/vm/guest/init.sh, with the shares "host" (the payload) and "out"
# (OUTDIR) on its command line; judge it as vm_boot says.
vm_run() {
	local rel=$1 out=$2 limit=$3 rc=0 splats oracle
	shift 3
	rm -rf "$out"
	mkdir -p "$out"
	# The guest's checks run FFmpeg on the host (tools/vm/guest/oracle.sh).
	oracle_serve "$out/oracle" &
	oracle=$!
	say "booting $rel under QEMU (limit ${limit}s); guest output follows"
	timeout --foreground -k 10 "$limit" "$@" </dev/null 2>&1 | tee "$out/console.log" |
		grep --line-buffered -v -e '^\[ *[0-9]' -e '^@out [dk]' | sed -u 's/^/  vm| /'
	rc=${PIPESTATUS[0]}
	touch "$out/oracle/stop"
	wait "$oracle"
	rm -rf "$out/oracle"
	vm_console_files "$out"
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		say "VM run timed out after ${limit}s"
		return 1
	fi
	if [ ! -f "$out/finished" ]; then
		say "VM stopped before the guest finished (qemu exit $rc)"
		splat_report "$out"
		return 1
	fi
	splats=0
	splat_report "$out" || splats=1
	[ "$(cat "$out/status" 2>/dev/null)" = 0 ] || { say "guest tests failed"; return 1; }
	return "$splats"
}

# vm_console_files OUTDIR: the lines "@out FILE: TEXT" a guest printed on
# its console once its shares were gone (tools/vm/guest/sleep.sh), each
# TEXT added to OUTDIR/FILE.
vm_console_files() {
	tr -d '\r' <"$1/console.log" | awk -v d="$1" '
		match($0, /^@out (results|status|finished|dmesg\.txt|kmemleak\.txt): /) {
			print substr($0, RLENGTH + 1) >> (d "/" substr($0, 6, RLENGTH - 7))
		}'
}

# splat_report OUTDIR: print kernel splats of a VM run; 1 when there are any.
splat_report() {
	local found
	found=$("$HANTRO_TOP/tools/vm/splat-check" "$1/console.log" "$1/dmesg.txt" \
		"$1/kmemleak.txt") && return 0
	say "kernel splat(s) in the VM run:"
	echo "$found" | head -n 40 | sed 's/^/  splat| /'
	return 1
}

# debug_vm_parts: what a run on the 6.12 debug kernel needs, built or taken
# from the cache: host packages, the kernel (K), the guest root (ROOT) and
# the modules built for the kernel (M).
debug_vm_parts() {
	install_host_deps
	pkg_apt_update
	K=$(debug_kernel 6.12) || die "kernel build failed"
	ROOT=$(guest_rootfs) || die "guest root build failed"
	M=$(module_build x86_64-6.12 "$K") || die "module build failed"
}
