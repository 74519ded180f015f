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
rk3588 arm64 rockchip/rk3588-rock-5b /video-codec@fdb50000
imx8mm arm64 freescale/imx8mm-evk /soc@0/video-codec@38320000
"
# Mainline's nodes the driver takes only when told to (driver_override),
# on a board that has each: ARCH DTS NODE
DT_CLAIM_NODES="
arm rockchip/rk3288-tinker-s /video-codec@ff9a0000
arm64 rockchip/rk3399-rockpro64 /video-codec@ff650000
arm64 rockchip/px30-evb /video-codec@ff442000
arm64 rockchip/rk3568-rock-3a /video-codec@fdee0000
arm64 rockchip/rk3588-rock-5b /video-codec@fdba0000
arm64 rockchip/rk3588-rock-5b /video-codec@fdbac000
"
# and their bindings.
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

# dt_node_errors DTB NODE SCHEMA: what dt-validate says about NODE, or
# that it did not run. Other nodes are left out: this dt-schema knows only
# the core and our bindings, so it misreads many of theirs.
dt_node_errors() {
	local log
	log=$(dt-validate -s "$3" "$1" 2>&1)
	case "$log" in *Traceback*) echo "dt-validate failed: $log" | tail -n 5; return ;; esac
	echo "$log" | grep -A2 ": ${2##*/}:" || true
}

# dt_node_fits DTB NODE LIST: the node is one the driver binds (LIST is
# test_variants --list) and carries the clocks and interrupt its variant
# asks for by name.
dt_node_fits() {
	local compat how clocks irq names
	compat=$(fdtget "$1" "$2" compatible | cut -d' ' -f1)
	read -r how clocks irq < <(awk -v c="$compat" '$2 == c { print $1, $3, $4 }' "$3")
	[ -n "$how" ] || { echo "  $2: $compat is not in the variant table"; return 1; }
	names=$(fdtget "$1" "$2" clock-names 2>/dev/null)
	[ "$names" = "${clocks//,/ }" ] ||
		{ echo "  $2: clock-names \"$names\", the variant asks for \"$clocks\""; return 1; }
	[ "$irq" = - ] && return 0
	names=" $(fdtget "$1" "$2" interrupt-names 2>/dev/null) "
	[ "${names#* "$irq" }" != "$names" ] ||
		{ echo "  $2: no \"$irq\" in interrupt-names \"$names\""; return 1; }
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
	awk '$1 == "override" { print $2 }' "$out/compatibles" | sort >"$out/override"
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
			grep -q "^match $compat " "$out/compatibles"
		check "$name: its clock and interrupt names are the variant's" \
			dt_node_fits "$b+enc.dtb" "$node" "$out/compatibles"
		errs=$(dt_node_errors "$b+enc.dtb" "$node" "$out/schema.json")
		[ -z "$errs" ] || echo "$errs"
		check "$name: dt-validate finds $node valid on ${dts##*/}" test -z "$errs"
	done

	# The nodes taken by driver_override, as mainline's boards have them.
	echo "$DT_CLAIM_NODES" | while read -r arch dts node; do
		[ -n "$arch" ] || continue
		b=$out/${dts##*/}
		[ -f "$b.dtb" ] || board_dtb "$src" "$arch" "$dts" "$b.dtb" || {
			result FAIL "board DTB ${dts##*/} builds from the 6.12 source"
			continue
		}
		check "${dts##*/}: $node has the clocks and interrupt its variant names" \
			dt_node_fits "$b.dtb" "$node" "$out/compatibles"
	done
	# What the driver binds by matching, no mainline binding or driver knows:
	# hantro_vpu can never race it for a node.
	for compat in $(awk '$1 == "match" { print $2 }' "$out/compatibles"); do
		check "$compat is in no mainline binding or driver" \
			sh -c "! grep -rqF '\"$compat\"' '$src/drivers' &&
				! grep -rqE '(- |const: )$compat\$' '$src/Documentation/devicetree/bindings'"
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
