# SPDX-License-Identifier: GPL-2.0
# The Debian guest root the VM tests run in, built with debootstrap and cached.

GUEST_SUITE=trixie
GUEST_PACKAGES="busybox kmod procps strace v4l-utils ffmpeg gstreamer1.0-tools
gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad"

_rootfs_populate() {
	local dir=$1 mirror=$2 rc
	# With this many --include packages debootstrap configures only part of
	# them and fails; apt in the chroot finishes the job below.
	debootstrap --variant=minbase --include="$(echo $GUEST_PACKAGES | tr ' ' ,)" \
		"$GUEST_SUITE" "$dir" "$mirror" ||
		[ -x "$dir/usr/bin/apt-get" ] || return 1
	echo "deb $mirror $GUEST_SUITE main" >"$dir/etc/apt/sources.list"
	mount -t proc proc "$dir/proc" || return 1
	mount --bind /dev "$dir/dev" || { umount "$dir/proc"; return 1; }
	chroot "$dir" sh -c 'export DEBIAN_FRONTEND=noninteractive
		apt-get update -q &&
		apt-get -f install -y -q --no-install-recommends &&
		dpkg --configure -a &&
		apt-get clean'
	rc=$?
	umount "$dir/dev"
	umount "$dir/proc"
	[ "$rc" -eq 0 ] || return 1
	rm -rf "$dir"/var/lib/apt/lists/*
	# Every requested tool must be there.
	for t in v4l2-compliance v4l2-ctl gst-launch-1.0 ffmpeg busybox modprobe; do
		[ -x "$dir/usr/bin/$t" ] || [ -x "$dir/usr/sbin/$t" ] ||
			[ -x "$dir/sbin/$t" ] || [ -x "$dir/bin/$t" ] ||
			{ echo "guest root lacks $t"; return 1; }
	done
}

# guest_rootfs: build (once) and print the guest root directory.
guest_rootfs() {
	local key dir mirror
	need_root
	mirror=$(debian_mirror)
	key=$(hash_of "$GUEST_SUITE" "$GUEST_PACKAGES" "$(declare -f _rootfs_populate)")
	dir="$HANTRO_CACHE/rootfs/$GUEST_SUITE-$key"
	if [ -f "$dir/.built" ]; then
		say "guest root is cached in $dir" >&2
		echo "$dir"
		return 0
	fi
	# A build cut short may have left /dev bound inside: never delete through it.
	umount "$dir/dev" "$dir/proc" 2>/dev/null
	rm -rf --one-file-system "$dir"
	mkdir -p "$dir"
	run_step "building the $GUEST_SUITE guest root with debootstrap (a few minutes)" \
		"$HANTRO_CACHE/logs/rootfs.log" _rootfs_populate "$dir" "$mirror" >&2 ||
		exit 1
	touch "$dir/.built"
	echo "$dir"
}
