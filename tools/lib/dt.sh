# SPDX-License-Identifier: GPL-2.0
# Device-tree checks: the bindings validated with dt-schema, every overlay
# applied to a real board's DTB built from the kernel source package and
# validated there, and the driver's variant table against the bindings.

# The board each overlay is checked on, and the node it describes:
# OVERLAY ARCH DTS NODE
DT_BOARDS="
rk3288 arm rockchip/rk3288-tinker-s /video-codec@ff9a0000
rk3399 arm64 rockchip/rk3399-rockpro64 /video-codec@ff650000
px30 arm64 rockchip/px30-evb /video-codec@ff442000
rk3328 arm64 rockchip/rk3328-rock64 /video-codec@ff340000
rk3588 arm64 rockchip/rk3588-rock-5b /video-codec@fdb50000
imx8mm arm64 freescale/imx8mm-evk /soc@0/video-codec@38320000
"
# Mainline's bindings of the nodes the driver takes only when told to.
DT_MAINLINE_BINDINGS="rockchip-vpu.yaml rockchip,rk3568-vepu.yaml"

# board_dtb SRC ARCH DTS OUT: build a board's DTB the way the kernel does,
# with symbols so that overlays referring to its labels apply.
board_dtb() {
	local src=$1 arch=$2
	cpp -nostdinc -I "$src/include" -I "$src/arch/$arch/boot/dts" \
		-I "$src/scripts/dtc/include-prefixes" -undef -D__DTS__ \
		-x assembler-with-cpp "$src/arch/$arch/boot/dts/$3.dts" |
		dtc -@ -q -I dts -O dtb -o "$4" -
}

# dt_node_errors DTB NODE SCHEMA: what dt-validate says about NODE. Other
# nodes are left out: this dt-schema knows only the core and our bindings,
# so it misreads many of theirs.
dt_node_errors() {
	dt-validate -s "$3" "$1" 2>&1 | grep -A2 ": ${2##*/}:" || true
}

dt_checks() {
	local src out=$HANTRO_OUT/dt bindings=$HANTRO_TOP/Documentation/devicetree/bindings
	local b name arch dts node errs compat mainline=() verdict what
	say "== device tree: bindings, overlays on board DTBs, variant table"
	src=$(kernel_source 6.12) || die "no 6.12 kernel source"
	rm -rf "$out"
	mkdir -p "$out/schemas"
	for b in "$bindings"/media/*.yaml; do
		check "dt-doc-validate ${b##*/}" dt-doc-validate -u "$bindings" "$b"
		cp "$b" "$out/schemas/"
	done
	for b in $DT_MAINLINE_BINDINGS; do
		cp "$src/Documentation/devicetree/bindings/media/$b" "$out/schemas/"
		mainline+=("$out/schemas/$b")
	done
	# The variant table, compiled as in the module, against the bindings
	# and the SoC documentation.
	check "test_variants builds (ASan, UBSan)" \
		make -s -C "$HANTRO_TOP/tests/host" BUILD="$out" "$out/test_variants" || return 1
	"$out/test_variants" "$HANTRO_TOP/Documentation/driver-api/hantro-enc-socs.rst" \
		"$bindings"/media/*.yaml -- "${mainline[@]}" >"$out/variants.out" 2>&1
	check "variants: test_variants exits cleanly" test $? -eq 0
	grep -E '^(PASS|FAIL) ' "$out/variants.out" | while read -r verdict what; do
		result "$verdict" "variants: $what"
	done
	"$out/test_variants" --list >"$out/compatibles"
	sed -n 's/^override //p' "$out/compatibles" | sort >"$out/override"
	check "hantro-enc-switch takes exactly the driver's driver_override compatibles" \
		sh -c "'$HANTRO_TOP/tools/board/hantro-enc-switch' known | sort | cmp -s - '$out/override'"
	check "the udev rule takes exactly the driver's driver_override compatibles" \
		sh -c "grep -o 'OF_COMPATIBLE_0}==\"[^\"]*' '$HANTRO_TOP/tools/board/70-hantro-enc.rules' |
			cut -d'\"' -f2 | tr '|' '\n' | sort | cmp -s - '$out/override'"
	check "dt-mk-schema processes the bindings" \
		dt-mk-schema -j -o "$out/schema.json" "$out/schemas"
	check "make dtbs builds every overlay" make -s -C "$HANTRO_TOP" dtbs

	echo "$DT_BOARDS" | while read -r name arch dts node; do
		[ -n "$name" ] || continue
		b=$out/${dts##*/}
		check "$name: board DTB ${dts##*/} builds from the 6.12 source" \
			board_dtb "$src" "$arch" "$dts" "$b.dtb" || continue
		check "$name: overlay applies to ${dts##*/}" fdtoverlay -i "$b.dtb" \
			-o "$b+enc.dtb" "$HANTRO_TOP/dts/$name-hantro-enc.dtbo" || continue
		compat=$(fdtget "$b+enc.dtb" "$node" compatible 2>/dev/null)
		check "$name: the overlay makes $node a $compat node, which the driver binds" \
			grep -qx "match $compat" "$out/compatibles"
		errs=$(dt_node_errors "$b+enc.dtb" "$node" "$out/schema.json")
		[ -z "$errs" ] || echo "$errs"
		check "$name: dt-validate finds $node valid on ${dts##*/}" test -z "$errs"
	done

	# The validation must bite: a clock the binding does not name.
	sed 's/compatible = "rockchip,rk3399-vepu";/&\n\tclock-names = "axi", "ahb";/' \
		"$HANTRO_TOP/dts/rk3399-hantro-enc.dtso" >"$out/bad.dtso"
	dtc -@ -q -I dts -O dtb -o "$out/bad.dtbo" "$out/bad.dtso" &&
		fdtoverlay -i "$out/rk3399-rockpro64.dtb" -o "$out/bad.dtb" "$out/bad.dtbo"
	check "dt-validate flags an overlay with clock names the binding does not have" \
		sh -c "dt-validate -s '$out/schema.json' '$out/bad.dtb' 2>&1 |
			grep -q \"video-codec@ff650000: clock-names:0: 'aclk' was expected\""
}
