# SPDX-License-Identifier: GPL-2.0
# The boards' distribution kernel under emulation: Debian's own arm64 kernel
# and headers in a Debian arm64 root built with debootstrap and
# qemu-user-static, booted with qemu-system-aarch64 (TCG, "virt" machine),
# where the dkms package is installed the way a board's user installs it.

ARM64_SUITE=trixie
ARM64_PACKAGES="linux-image-arm64 linux-headers-arm64 dkms gcc make kmod busybox udev
v4l-utils gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good"

_arm64_populate() {
	local dir=$1 mirror=$2 rc t
	# The second stage and every maintainer script run as arm64 binaries.
	[ -e /proc/sys/fs/binfmt_misc/register ] ||
		mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
	update-binfmts --enable qemu-aarch64 || true
	debootstrap --arch=arm64 --variant=minbase --foreign "$ARM64_SUITE" "$dir" "$mirror" ||
		return 1
	chroot "$dir" /debootstrap/debootstrap --second-stage || return 1
	# No daemons start in the chroot; dpkg need not sync every file.
	printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
	chmod 0755 "$dir/usr/sbin/policy-rc.d"
	echo force-unsafe-io >"$dir/etc/dpkg/dpkg.cfg.d/unsafe-io"
	echo "deb $mirror $ARM64_SUITE main" >"$dir/etc/apt/sources.list"
	mount -t proc proc "$dir/proc" || return 1
	mount --bind /dev "$dir/dev" || { umount "$dir/proc"; return 1; }
	chroot "$dir" sh -c "export DEBIAN_FRONTEND=noninteractive
		apt-get update -q &&
		apt-get install -y -q --no-install-recommends $(echo $ARM64_PACKAGES) &&
		apt-get -f install -y -q --no-install-recommends &&
		apt-get clean"
	rc=$?
	umount "$dir/dev"
	umount "$dir/proc"
	[ "$rc" -eq 0 ] || return 1
	rm -rf "$dir"/var/lib/apt/lists/* "$dir/usr/sbin/policy-rc.d"
	echo hantro-arm64 >"$dir/etc/hostname"
	ls "$dir"/boot/vmlinuz-* "$dir"/boot/initrd.img-* "$dir"/lib/modules/*/build/Makefile \
		>/dev/null || { echo "the arm64 root has no kernel, initrd or headers"; return 1; }
	for t in dkms gst-launch-1.0 udevadm modprobe busybox; do
		chroot "$dir" sh -c "command -v $t" >/dev/null ||
			{ echo "the arm64 root lacks $t"; return 1; }
	done
}

# arm64_rootfs: build (once) and print the arm64 guest root directory.
arm64_rootfs() {
	debian_root arm64- "$ARM64_SUITE" "$ARM64_PACKAGES" _arm64_populate \
		"qemu-user, about 20 minutes" rootfs-arm64.log
}

ARM64_MACHINE="-M virt -cpu cortex-a72 -smp 2 -m 2G"

# arm64_dtb OUT: QEMU's device tree for the machine, with the encoder nodes
# of tools/vm/arm64/encoder-nodes.dtsi added.
arm64_dtb() {
	# shellcheck disable=SC2086
	qemu-system-aarch64 ${ARM64_MACHINE/-M virt/-M virt,dumpdtb=$1.virt} -nographic \
		>/dev/null 2>&1 || return 1
	{
		dtc -q -I dtb -O dts "$1.virt"
		cat "$HANTRO_TOP/tools/vm/arm64/encoder-nodes.dtsi"
	} | dtc -q -I dts -O dtb -o "$1" -
}

# arm64_boot ROOTFS ROOTFS PAYLOAD OUTDIR TIMEOUT_S: boot Debian's kernel of
# ROOTFS on a copy of it (a fresh disk image each run, so that nothing a
# run installs stays), judged as vm_boot judges. The first argument stands
# where vm_boot takes a kernel tree: the root carries its own.
arm64_boot() {
	local root=$2 payload=$3 out=$4 limit=$5 img kernel initrd rc
	# One guest at a time: a run cut short leaves its image for the next.
	img=$HANTRO_CACHE/scratch/arm64.img
	kernel=$(ls "$root"/boot/vmlinuz-* | sort -V | tail -n 1)
	initrd=$(ls "$root"/boot/initrd.img-* | sort -V | tail -n 1)
	install -m 0755 "$HANTRO_TOP/tools/vm/guest/init.sh" "$root/sbin/hantro-vm-init"
	mkdir -p "${img%/*}"
	rm -f "$img" "$img.dtb" "$img.dtb.virt"
	mke2fs -q -F -t ext4 -E lazy_itable_init=1,lazy_journal_init=1 -d "$root" "$img" 4G \
		>/dev/null ||
		return 1
	arm64_dtb "$img.dtb" || { rm -f "$img"; return 1; }
	# shellcheck disable=SC2086
	vm_run "${kernel##*/vmlinuz-} (arm64)" "$out" "$limit" \
		qemu-system-aarch64 $ARM64_MACHINE -accel tcg,thread=multi -dtb "$img.dtb" \
		-nographic -no-reboot -kernel "$kernel" -initrd "$initrd" \
		-append "root=/dev/vda rootfstype=ext4 rw console=ttyAMA0 init=/sbin/hantro-vm-init panic=-1 quiet" \
		-drive file="$img",format=raw,if=none,id=hd0,cache=unsafe \
		-device virtio-blk-pci,drive=hd0 \
		-virtfs local,path="$payload",mount_tag=host,security_model=none,readonly=on,multidevs=remap \
		-virtfs local,path="$out",mount_tag=out,security_model=none,multidevs=remap
	rc=$?
	rm -f "$img" "$img.dtb" "$img.dtb.virt"
	return "$rc"
}

# arm64_suite ROOTFS TIMEOUT_S: the dkms suite (tools/vm/guest/dkms.sh) with
# the package tools/make-deb.sh builds from this tree.
arm64_suite() {
	local root=$1 limit=$2 deb pkg=$HANTRO_OUT/arm64-deb
	vm_selected arm64-dkms || return 0
	mkdir -p "$pkg/modules"
	deb=$("$HANTRO_TOP/tools/make-deb.sh" "$pkg") || {
		result FAIL "[arm64] the dkms package builds"
		return 1
	}
	HANTRO_PAYLOAD_EXTRA=$deb VM_BOOT=arm64_boot \
		vm_suite arm64 "$root" "$root" dkms "$pkg/modules" "$limit"
}
