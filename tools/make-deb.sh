#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make-deb.sh [OUTDIR]: build hantro-enc-dkms_VERSION_all.deb from the
# tracked files as they are in the working tree (what the tests test), or
# the whole tree outside git:
#   /usr/src/hantro-enc-VERSION/      the sources dkms builds, with dkms.conf
#   /usr/sbin/hantro-enc-switch       hands mainline's encoder nodes over
#   /usr/lib/udev/rules.d/70-hantro-enc.rules   names, access, boot takeover
#   /usr/lib/hantro-enc/overlays/     the device-tree overlays, built
# Installing it registers, builds and installs the modules with dkms for
# every kernel with headers; removing it removes them.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(realpath -m "${1:-$TOP/out}")
VERSION=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$TOP/dkms.conf")
PKG=hantro-enc-dkms
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
src=$root/usr/src/hantro-enc-$VERSION

mkdir -p "$src" "$root/DEBIAN" "$OUT"
if git -C "$TOP" rev-parse --git-dir >/dev/null 2>&1; then
	(cd "$TOP" && git ls-files -z | tar --null -T - -cf -) | tar -x -C "$src"
else
	tar -C "$TOP" --exclude=./out --exclude=./.git -cf - . | tar -x -C "$src"
fi
# What dkms does not build stays out of /usr/src.
rm -rf "$src/tests" "$src/.ci" "$src/tools"
install -D -m 0755 "$TOP/tools/board/hantro-enc-switch" "$root/usr/sbin/hantro-enc-switch"
install -D -m 0644 "$TOP/tools/board/70-hantro-enc.rules" \
	"$root/usr/lib/udev/rules.d/70-hantro-enc.rules"
make -s -C "$src" dtbs
install -d "$root/usr/lib/hantro-enc/overlays"
install -m 0644 "$src"/dts/*.dtbo "$root/usr/lib/hantro-enc/overlays/"
rm -f "$src"/dts/*.dtbo

cat >"$root/DEBIAN/control" <<CONTROL
Package: $PKG
Version: $VERSION
Architecture: all
Maintainer: The hantro-enc developers <hantro-enc@localhost>
Depends: dkms
Recommends: v4l-utils
Suggests: device-tree-compiler
Section: kernel
Priority: optional
Description: stateful V4L2 encoder for Hantro H1/VEPU1 and VEPU2 (dkms)
 H.264 and JPEG encoding through the V4L2 memory-to-memory stateful encoder
 interface on Rockchip RK3288, RK3399, RK3566/RK3568, RK3588, PX30
 and NXP i.MX8MM, with a virtual VEPU for machines without the hardware.
 Ships the module sources for dkms, device-tree overlays, udev rules and
 hantro-enc-switch.
CONTROL
cat >"$root/DEBIAN/postinst" <<POSTINST
#!/bin/sh
# Builds and installs the modules for every kernel with headers. dkms skips
# a kernel without what the driver needs (exit 77, dkms.conf's
# BUILD_EXCLUSIVE_CONFIG); any other failure is shown, and fails the
# package for the running kernel.
set -e
case "\$1" in
configure | abort-upgrade | abort-remove | abort-deconfigure)
	dkms add -m hantro-enc -v $VERSION >/dev/null 2>&1 || true
	for k in /lib/modules/*/build; do
		[ -e "\$k" ] || continue
		k=\${k%/build}; k=\${k#/lib/modules/}
		rc=0
		dkms install -m hantro-enc -v $VERSION -k "\$k" || rc=\$?
		if [ "\$rc" -ne 0 ] && [ "\$rc" -ne 77 ] && [ "\$k" = "\$(uname -r)" ]; then
			echo "hantro-enc: dkms failed for the running kernel \$k" >&2
			exit 1
		fi
	done
	udevadm control --reload-rules >/dev/null 2>&1 || true
	;;
esac
POSTINST
cat >"$root/DEBIAN/prerm" <<PRERM
#!/bin/sh
set -e
case "\$1" in
remove | upgrade | deconfigure)
	dkms remove -m hantro-enc -v $VERSION --all >/dev/null 2>&1 || true
	;;
esac
PRERM
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/prerm"
dpkg-deb --root-owner-group -Zxz -b "$root" "$OUT/${PKG}_${VERSION}_all.deb" >/dev/null
echo "$OUT/${PKG}_${VERSION}_all.deb"
