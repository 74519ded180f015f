# SPDX-License-Identifier: GPL-2.0
# Building the project's modules against a kernel tree, outside the checkout.

# module_build NAME KDIR [MAKE ARGS...]: build a copy of the driver sources with
# W=1 in $HANTRO_CACHE/modbuild/NAME and print that directory. Fails on any
# compiler or modpost warning, since the project keeps W=1 builds clean.
module_build() {
	local name=$1 kdir=$2 dir log
	shift 2
	dir="$HANTRO_CACHE/modbuild/$name"
	log="$dir.log"
	mkdir -p "$dir"
	rsync -a --delete --exclude .git --exclude '/userspace-test' --exclude '/tests' \
		"$HANTRO_TOP/" "$dir/"
	if ! make -C "$dir" KDIR="$kdir" W=1 "$@" modules >"$log" 2>&1; then
		say "module build $name failed:" >&2
		grep -E 'error|warning' "$log" | head -n 20 >&2
		return 1
	fi
	if grep -E 'warning:|WARNING:' "$log" >&2; then
		say "module build $name has warnings (log: $log)" >&2
		return 1
	fi
	echo "$dir"
}

# arm64_kernel_tree SERIES: a kernel tree prepared with the configuration and
# Module.symvers of Debian's arm64 kernel, the distribution kernel boards run.
arm64_kernel_tree() {
	local series=$1 src upstream pkg deb dir hdr
	src=$(kernel_source "$series") || return 1
	upstream=$(pkg_candidate "linux-source-$series" | sed 's/-[^-]*$//')
	# shellcheck disable=SC2046
	pkg=$(apt-cache $(pkg_apt_opts) pkgnames "linux-headers-$upstream+" |
		grep -E '^linux-headers-[^-]+\+deb[0-9]+-arm64$' | head -n 1)
	[ -n "$pkg" ] || die "no arm64 headers package for $upstream"
	dir="$HANTRO_CACHE/kbuild/arm64-$upstream"
	if [ ! -f "$dir/.built" ]; then
		deb=$(pkg_download "$pkg:arm64" "$HANTRO_CACHE/debs") || return 1
		rm -rf "$dir" "$dir.hdr"
		mkdir -p "$dir" "$dir.hdr"
		dpkg-deb -x "$deb" "$dir.hdr"
		hdr=$(dirname "$(find "$dir.hdr" -name Module.symvers | head -n 1)")
		cp "$hdr/.config" "$dir/.config"
		run_step "preparing the arm64 $upstream tree (Debian's arm64 config)" \
			"$dir.log" make -C "$src" O="$dir" ARCH=arm64 \
			CROSS_COMPILE=aarch64-linux-gnu- olddefconfig modules_prepare >&2 ||
			return 1
		cp "$hdr/Module.symvers" "$dir/Module.symvers"
		rm -rf "$dir.hdr"
		touch "$dir/.built"
	fi
	echo "$dir"
}
