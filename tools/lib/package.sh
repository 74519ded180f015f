# SPDX-License-Identifier: GPL-2.0
# The dkms package (tools/make-deb.sh): what it holds, and that dkms builds
# the sources it ships.

# package_checks KDIR: build the package and dkms-build its sources against
# the kernel tree KDIR.
package_checks() {
	local kdir=$1 out=$HANTRO_OUT/deb deb list f ver
	say "== the dkms package"
	rm -rf "$out"
	deb=$("$HANTRO_TOP/tools/make-deb.sh" "$out" 2>"$out.log") || true
	check "make deb builds the dkms package" test -f "$deb" || return 1
	list=$(dpkg-deb -c "$deb" | awk '{print $6}')
	ver=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$HANTRO_TOP/dkms.conf")
	for f in usr/sbin/hantro-enc-switch usr/lib/udev/rules.d/70-hantro-enc.rules \
		"usr/src/hantro-enc-$ver/dkms.conf"; do
		check "the package holds /$f" sh -c "echo '$list' | grep -qx './$f'"
	done
	for f in "$HANTRO_TOP"/dts/*.dtso; do
		f=${f##*/}
		check "the package holds the built overlay ${f%.dtso}.dtbo" \
			sh -c "echo '$list' | grep -qx './usr/lib/hantro-enc/overlays/${f%.dtso}.dtbo'"
	done
	mkdir -p "$out/root" "$out/dkms"
	dpkg-deb -x "$deb" "$out/root"
	check "dkms builds both modules from the package's sources" \
		package_dkms_build "$out" "$kdir"
}

package_dkms_build() {
	local out=$1 kdir=$2 ver
	ver=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$HANTRO_TOP/dkms.conf")
	dkms build -m hantro-enc -v "$ver" -k "$(make -s -C "$kdir" kernelrelease)" \
		--kernelsourcedir "$kdir" --dkmstree "$out/dkms" \
		--sourcetree "$out/root/usr/src" >"$out/dkms.log" 2>&1 || {
		tail -n 20 "$out/dkms.log"
		return 1
	}
	[ -n "$(find "$out/dkms" -name hantro-enc.ko)" ] &&
		[ -n "$(find "$out/dkms" -name hantro-vepu-virt.ko)" ]
}
