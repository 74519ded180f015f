# SPDX-License-Identifier: GPL-2.0
# Debian's own x86_64 kernel as a VM test kernel: its image and modules from
# the archive, no kernel build. Debian leaves v4l2-mem2mem out on x86_64 (no
# x86 driver selects it), so that one module is built from the same
# version's sources; and since Debian's 9p is modular, a small initramfs
# loads it before the guest root is mounted.

# distro_kernel SERIES: print a directory laid out as kernel_build's
# (include/config/kernel.release, arch/x86/boot/bzImage, modroot/) plus
# initrd.img, holding Debian's amd64 kernel of SERIES at the version of its
# linux-source package. Cached.
distro_kernel() {
	local series=$1 src tree rel key dir pkgs p deb mods
	src=$(kernel_source "$series") || return 1
	tree=$(distro_kernel_tree "$series" amd64) || return 1
	rel=$(distro_headers_pkg "$series" amd64) || return 1
	rel=${rel#linux-headers-}
	# Since 7.x Debian ships the image, the modules and the module lists
	# (modules.builtin, which modprobe needs) in packages of their own;
	# before, linux-image-RELEASE-unsigned held them all.
	pkgs="linux-binary-$rel linux-modules-$rel linux-base-$rel"
	[ -n "$(pkg_candidate "linux-binary-$rel")" ] || pkgs="linux-image-$rel-unsigned"
	# A new upload keeps the release's name: the versions are the key.
	key=$(hash_of "$(for p in linux-source-"$series" $pkgs busybox-static; do
			 echo "$p $(pkg_candidate "$p")"
		 done)" "$(declare -f distro_kernel_tree distro_kernel _distro_m2m _distro_initramfs)")
	dir="$HANTRO_CACHE/kbuild/vm-distro-$rel-$key"
	if [ -f "$dir/.built" ]; then
		say "Debian's kernel $rel is cached in $dir" >&2
		echo "$dir"
		return 0
	fi
	# Earlier recipes' builds of this release are of no more use.
	rm -rf "$HANTRO_CACHE/kbuild/vm-distro-$rel-"*
	mkdir -p "$dir/pkg" "$dir/include/config" "$dir/arch/x86/boot" "$dir/modroot/lib/modules"
	for p in $pkgs; do
		deb=$(pkg_download "$p" "$HANTRO_CACHE/debs") || return 1
		dpkg-deb -x "$deb" "$dir/pkg" || return 1
	done
	find "$dir/pkg" \( -name "vmlinuz-$rel" -o -path "*/modules/$rel/vmlinuz" \) \
		-exec mv {} "$dir/arch/x86/boot/bzImage" \;
	[ -s "$dir/arch/x86/boot/bzImage" ] || { say "no kernel image in $pkgs" >&2; return 1; }
	mods=$(find "$dir/pkg" -path "*/modules/$rel/modules.builtin" | head -n 1)
	mods=${mods%/modules.builtin}
	[ -n "$mods" ] && [ -d "$mods/kernel" ] ||
		{ say "no modules of $rel in $pkgs" >&2; return 1; }
	mv "$mods" "$dir/modroot/lib/modules/$rel"
	rm -rf "$dir/pkg"
	echo "$rel" >"$dir/include/config/kernel.release"
	_distro_m2m "$src" "$tree" "$dir" "$rel" || return 1
	depmod -b "$dir/modroot" "$rel" || return 1
	_distro_initramfs "$dir" "$rel" || return 1
	touch "$dir/.built"
	echo "$dir"
}

# _distro_m2m SRC TREE DIR RELEASE: build v4l2-mem2mem from SRC as an
# external module of TREE into DIR/m2m (its Module.symvers is what the
# project's modules link against) and install it in DIR's module tree.
_distro_m2m() {
	local src=$1 tree=$2 dir=$3 rel=$4 m2m=$3/m2m
	mkdir -p "$m2m"
	cp "$src/drivers/media/v4l2-core/v4l2-mem2mem.c" "$m2m/"
	echo 'obj-m := v4l2-mem2mem.o' >"$m2m/Kbuild"
	run_step "building v4l2-mem2mem for Debian's $rel" "$m2m.log" \
		make -C "$tree" M="$m2m" -j"$JOBS" modules >&2 || return 1
	install -D -m 0644 "$m2m/v4l2-mem2mem.ko" \
		"$dir/modroot/lib/modules/$rel/updates/v4l2-mem2mem.ko"
}

# _distro_initramfs DIR RELEASE: DIR/initrd.img, a static busybox and the
# 9p modules of DIR's module tree, whose /init mounts the guest root over
# virtio 9p (as vm_boot's command line describes it) and hands over to the
# guest's init there.
_distro_initramfs() {
	local dir=$1 rel=$2 ird=$1/initramfs deb m name
	rm -rf "$ird"
	mkdir -p "$ird/bin" "$ird/dev" "$ird/proc" "$ird/newroot" "$ird/lib/modules" "$dir/bb"
	deb=$(pkg_download busybox-static "$HANTRO_CACHE/debs") || return 1
	dpkg-deb -x "$deb" "$dir/bb" || return 1
	find "$dir/bb" -type f -path "*bin/busybox" -exec cp {} "$ird/bin/busybox" \;
	rm -rf "$dir/bb"
	[ -x "$ird/bin/busybox" ] || { say "no busybox in busybox-static" >&2; return 1; }
	# In load order; busybox's insmod may not read xz, so uncompressed.
	# virtio_pci is built in today; modprobe skips what is.
	for m in $(for name in virtio_pci 9pnet_virtio 9p; do
			   modprobe -d "$dir/modroot" -S "$rel" --show-depends "$name"
		   done | awk '$1 == "insmod" && !seen[$2]++ { print $2 }'); do
		m=${m#"$dir/modroot"}
		case $m in
		*.xz) xz -dc "$dir/modroot$m" >"$ird/lib/modules/$(basename "$m" .xz)" ;;
		*.zst) zstd -qdc "$dir/modroot$m" >"$ird/lib/modules/$(basename "$m" .zst)" ;;
		*) cp "$dir/modroot$m" "$ird/lib/modules/" ;;
		esac || return 1
		basename "${m%.xz}" .zst >>"$ird/lib/modules/order"
	done
	for m in 9pnet_virtio.ko 9p.ko; do
		grep -qx "$m" "$ird/lib/modules/order" || { say "no $m in $rel" >&2; return 1; }
	done
	cat >"$ird/init" <<'EOF'
#!/bin/busybox sh
# Load 9p, mount the guest root the way the kernel's root=/rootflags= would,
# and start the guest's init there.
bb=/bin/busybox
$bb mount -t proc proc /proc
for m in $($bb cat /lib/modules/order); do
	$bb insmod "/lib/modules/$m" || echo "initramfs: insmod $m failed"
done
$bb mount -t 9p -o trans=virtio,version=9p2000.L,cache=loose,msize=512000 root /newroot ||
	echo "initramfs: cannot mount the guest root"
$bb umount /proc
exec $bb switch_root /newroot /sbin/hantro-vm-init
EOF
	chmod 0755 "$ird/init"
	(cd "$ird" && find . | cpio -o -H newc --quiet | gzip -1) >"$dir/initrd.img" || return 1
	rm -rf "$ird"
}
