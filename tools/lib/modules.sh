# SPDX-License-Identifier: GPL-2.0
# Building the project's modules against a kernel tree, outside the checkout.

# copy_sources SRC DIR: the module sources of tree SRC in DIR, as a build
# sees them (no git data, tests or userspace program).
copy_sources() {
	mkdir -p "$2"
	rsync -a --delete --exclude .git --exclude '/userspace-test' --exclude '/tests' \
		"$1/" "$2/"
}

# module_build NAME KDIR [MAKE ARGS...]: build a copy of the driver sources with
# W=1 in $HANTRO_CACHE/modbuild/NAME and print that directory. Fails on any
# compiler or modpost warning, since the project keeps W=1 builds clean.
# HANTRO_MODULE_SRC names another source tree to build (default: this one).
module_build() {
	local name=$1 kdir=$2 dir log
	shift 2
	dir="$HANTRO_CACHE/modbuild/$name"
	log="$dir.log"
	copy_sources "${HANTRO_MODULE_SRC:-$HANTRO_TOP}" "$dir"
	if ! make -C "$dir" -j"$JOBS" KDIR="$kdir" W=1 "$@" modules >"$log" 2>&1; then
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

# distro_headers_pkg SERIES ARCH: the name of the headers package of Debian's
# kernel of that series for ARCH at the version of its linux-source package
# (linux-headers-RELEASE, RELEASE being that kernel's uname -r).
distro_headers_pkg() {
	local series=$1 arch=$2 ver p
	ver=$(pkg_candidate "linux-source-$series")
	for p in $(pkg_names "linux-headers-$series" |
		   grep -E "^linux-headers-${series//./\\.}(\.[0-9]+)*(-[0-9]+)?(\+deb[0-9]+)?-$arch\$"); do
		[ "$(pkg_candidate "$p:$arch")" = "$ver" ] && echo "$p" && return 0
	done
	die "no $arch headers package at version $ver"
}

# distro_kernel_tree SERIES ARCH: a kernel tree prepared with the configuration
# and Module.symvers of Debian's kernel of that series for ARCH (amd64 or
# arm64), the kernel distributions and boards run: external modules build
# against it without building the kernel.
distro_kernel_tree() {
	local series=$1 arch=$2 src ver pkg deb dir hdr karch=x86_64 cross=
	[ "$arch" = arm64 ] && karch=arm64 cross=aarch64-linux-gnu-
	src=$(kernel_source "$series") || return 1
	ver=$(pkg_candidate "linux-source-$series")
	pkg=$(distro_headers_pkg "$series" "$arch") || return 1
	dir="$HANTRO_CACHE/kbuild/$arch-$ver"
	# The release is Debian's (its vermagic), so that modules built here load
	# into Debian's kernel (distro_kernel). 6.1's Makefile writes its release
	# from setlocalversion whatever KERNELRELEASE says, so .built names the
	# headers the tree was prepared for: comparing releases rebuilt 6.1's
	# tree on every run.
	if [ "$(cat "$dir/.built" 2>/dev/null)" != "$pkg" ]; then
		deb=$(pkg_download "$pkg:$arch" "$HANTRO_CACHE/debs") || return 1
		rm -rf "$dir" "$dir.hdr"
		mkdir -p "$dir" "$dir.hdr"
		dpkg-deb -x "$deb" "$dir.hdr" || return 1
		hdr=$(find "$dir.hdr" -name Module.symvers | head -n 1)
		[ -n "$hdr" ] || { say "no Module.symvers in $deb" >&2; return 1; }
		hdr=${hdr%/*}
		cp "$hdr/.config" "$dir/.config" || return 1
		run_step "preparing the $arch $ver tree (Debian's config)" \
			"$dir.log" make -C "$src" O="$dir" ARCH="$karch" \
			CROSS_COMPILE="$cross" KERNELRELEASE="${pkg#linux-headers-}" \
			olddefconfig modules_prepare >&2 ||
			return 1
		cp "$hdr/Module.symvers" "$dir/Module.symvers" || return 1
		rm -rf "$dir.hdr"
		echo "$pkg" >"$dir/.built"
	fi
	echo "$dir"
}

# kasan_split MODDIR: 0 when, in a build against a KASAN kernel, the codec
# cores the model's Kbuild names in vepu_virt_cores carry no KASAN
# instrumentation and every other object of the two modules does. Prints
# the offenders.
kasan_split() {
	local model=$1/drivers/media/test-drivers/vepu-virt o name cores bad=0
	cores=$(sed -n '/^vepu_virt_cores :=/,/^$/p' "$model/Kbuild" | grep -oE '[a-z0-9_/]+\.o')
	[ -n "$cores" ] || { echo "no vepu_virt_cores in $model/Kbuild"; return 1; }
	for o in $(cd "$1/drivers" && find . -name '*.o' | sort); do
		name=${o##*/}
		case $name in hantro-enc.o | hantro-vepu-virt.o | *.mod.o) continue ;; esac
		if echo "$cores" | grep -qx "${o#./media/test-drivers/vepu-virt/}"; then
			! nm -u "$1/drivers/$o" | grep -q __asan_ || { echo "instrumented core: $o"; bad=1; }
		else
			nm -u "$1/drivers/$o" | grep -q __asan_ || { echo "uninstrumented: $o"; bad=1; }
		fi
	done
	return "$bad"
}

# kasan_oob_tree DIR: a copy of the sources in DIR whose probe writes one
# byte past the device structure it allocates, for the harness self-test.
kasan_oob_tree() {
	local dir=$1 drv=$1/drivers/media/platform/hantro-enc/hantro_enc_drv.c
	copy_sources "$HANTRO_TOP" "$dir"
	sed -i 's/^\tplatform_set_drvdata(pdev, dev);$/&\n\t{ volatile size_t end = sizeof(*dev); ((u8 *)dev)[end] = 1; }/' "$drv"
	grep -q 'volatile size_t end' "$drv"
}
