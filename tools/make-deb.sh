#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make-deb.sh [OUTDIR]: build hantro-enc-dkms_VERSION_all.deb from the
# committed tree (git archive HEAD, or the working tree outside git):
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
	git -C "$TOP" archive HEAD | tar -x -C "$src"
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
set -e
if [ "\$1" = configure ]; then
	dkms add -m hantro-enc -v $VERSION >/dev/null 2>&1 || true
	# Every kernel whose headers are installed; dkms skips the kernels
	# without what the driver needs (dkms.conf).
	for k in /lib/modules/*/build; do
		[ -e "\$k" ] || continue
		k=\${k%/build}; k=\${k#/lib/modules/}
		dkms install -m hantro-enc -v $VERSION -k "\$k" || true
	done
	udevadm control --reload-rules >/dev/null 2>&1 || true
fi
POSTINST
cat >"$root/DEBIAN/prerm" <<PRERM
#!/bin/sh
set -e
if [ "\$1" = remove ] || [ "\$1" = upgrade ]; then
	dkms remove -m hantro-enc -v $VERSION --all >/dev/null 2>&1 || true
fi
PRERM
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/prerm"
dpkg-deb --root-owner-group -Zxz -b "$root" "$OUT/${PKG}_${VERSION}_all.deb" >/dev/null
echo "$OUT/${PKG}_${VERSION}_all.deb"
