# SPDX-License-Identifier: GPL-2.0
# Kernel source trees and kernel builds, cached under $HANTRO_CACHE.

# kernel_source SERIES: unpack Debian's linux-source-SERIES once and print the tree.
kernel_source() {
	local series=$1 ver dir deb tmp
	ver=$(pkg_candidate "linux-source-$series")
	[ -n "$ver" ] || die "no linux-source-$series package in the index"
	dir="$HANTRO_CACHE/src/linux-source-$ver"
	if [ ! -f "$dir/.unpacked" ]; then
		deb=$(pkg_download "linux-source-$series" "$HANTRO_CACHE/debs") || exit 1
		# Each its own: the 7.x sources unpack in a background job of the
		# same shell (the same $$) while the 6.12 ones unpack.
		mkdir -p "$HANTRO_CACHE/src"
		tmp=$(mktemp -d "$HANTRO_CACHE/src/tmp.XXXXXX")
		rm -rf "$dir"
		dpkg-deb -x "$deb" "$tmp" || die "cannot unpack $deb"
		mkdir -p "$dir"
		tar -xf "$tmp"/usr/src/linux-source-"$series".tar.* -C "$dir" \
			--strip-components=1 || die "cannot untar linux-source-$series"
		rm -rf "$tmp"
		touch "$dir/.unpacked"
	fi
	echo "$dir"
}

# config_missing CONFIG FRAGMENT...: print fragment lines the final config lost.
# With KCONFIG_SYMBOLS set to a file listing the tree's symbols, options the
# tree does not define at all (renamed or merged upstream) are skipped.
config_missing() {
	local cfg=$1 line sym val
	shift
	cat "$@" | grep -E '^CONFIG_' | while IFS= read -r line; do
		sym=${line%%=*}
		val=${line#*=}
		if [ -n "${KCONFIG_SYMBOLS:-}" ] && ! grep -qx "${sym#CONFIG_}" "$KCONFIG_SYMBOLS"; then
			continue
		fi
		if [ "$val" = n ]; then
			grep -q "^$sym=[ym]" "$cfg" && echo "$line"
		else
			grep -qx "$line" "$cfg" || echo "$line"
		fi
	done
	return 0
}

# kconfig_symbols SRC: list every Kconfig symbol the tree defines (cached).
kconfig_symbols() {
	local f="$1/.kconfig-symbols"
	[ -s "$f" ] || grep -rhoE '^[[:space:]]*(menu)?config [A-Z0-9_]+' --include='Kconfig*' "$1" |
		awk '{ print $2 }' | sort -u >"$f"
	echo "$f"
}

# debug_kernel SERIES: the VM tests' debug kernel of that series (KASAN,
# lockdep, kmemleak; tools/vm/kernel-*.config), built or cached; prints its
# build directory.
debug_kernel() {
	kernel_build "$1" vm-debug "$HANTRO_TOP/tools/vm/kernel-base.config" \
		"$HANTRO_TOP/tools/vm/kernel-debug.config"
}

# kernel_build SERIES NAME FRAGMENT...: build bzImage + modules from tinyconfig and
# the fragments; prints the build directory (O=, with modroot/ installed modules).
kernel_build() {
	local series=$1 name=$2 src key dir missing
	shift 2
	src=$(kernel_source "$series") || exit 1
	key=$(hash_of "$src" "$(gcc --version | head -n 1)" "$@")
	dir="$HANTRO_CACHE/kbuild/$name-$(basename "$src" | sed 's/^linux-source-//')-$key"
	if [ -f "$dir/.built" ]; then
		say "kernel $name (${src##*/}) is cached in $dir" >&2
		echo "$dir"
		return 0
	fi
	rm -rf "$dir"
	mkdir -p "$dir"
	{
		make -C "$src" O="$dir" tinyconfig &&
		"$src"/scripts/kconfig/merge_config.sh -m -O "$dir" "$dir/.config" "$@" &&
		make -C "$src" O="$dir" olddefconfig
	} >"$dir/config.log" 2>&1 || die "kernel config failed, see $dir/config.log"
	missing=$(KCONFIG_SYMBOLS=$(kconfig_symbols "$src") config_missing "$dir/.config" "$@")
	[ -z "$missing" ] || die "kernel $name config lost options:"$'\n'"$missing"
	run_step "building kernel $name from ${src##*/} (several minutes)" "$dir/build.log" \
		make -C "$src" O="$dir" -j"$JOBS" bzImage modules >&2 || exit 1
	run_step "installing kernel $name modules" "$dir/modules_install.log" \
		make -C "$src" O="$dir" INSTALL_MOD_PATH="$dir/modroot" modules_install >&2 ||
		exit 1
	touch "$dir/.built"
	echo "$dir"
}

# kernel_release DIR: the uname -r of a kernel build.
kernel_release() {
	cat "$1/include/config/kernel.release"
}
