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
	debian_root "" "$GUEST_SUITE" "$GUEST_PACKAGES" _rootfs_populate "a few minutes" rootfs.log
}

# debian_root PREFIX SUITE PACKAGES POPULATE TAKES LOG: print the root
# POPULATE DIR MIRROR builds (once; about TAKES, logged to LOG in the cache's
# logs), in a directory keyed by what goes into it.
debian_root() {
	local key
	need_root
	key=$(hash_of "$2" "$3" "$(declare -f "$4")")
	cached_root "$HANTRO_CACHE/rootfs/$1$2-$key" "the $2 ${1:+${1%-} }guest root" "$5" \
		"$HANTRO_CACHE/logs/$6" "$4" "$(debian_mirror)"
}

# cached_root DIR WHAT TAKES LOG POPULATE ARGS...: print DIR, a root built by
# POPULATE DIR ARGS... (logged to LOG) unless a whole one is there.
cached_root() {
	local dir=$1 what=$2 takes=$3 log=$4
	shift 4
	if [ -f "$dir/.built" ]; then
		say "$what is cached in $dir" >&2
		echo "$dir"
		return 0
	fi
	# A build cut short may have left /dev bound inside: never delete through it.
	umount "$dir/dev" "$dir/proc" 2>/dev/null
	rm -rf --one-file-system "$dir"
	mkdir -p "$dir"
	run_step "building $what with debootstrap ($takes)" "$log" "$1" "$dir" "${@:2}" >&2 ||
		exit 1
	touch "$dir/.built"
	echo "$dir"
}
