# SPDX-License-Identifier: GPL-2.0
# Host packages and the private package index used to fetch kernel sources and
# headers from newer Debian suites without adding those suites to the host.

HOST_PACKAGES="build-essential flex bison bc libelf-dev libssl-dev dwarves cpio kmod
rsync xz-utils zstd qemu-system-x86 debootstrap dkms sparse
gcc-aarch64-linux-gnu libc6-dev-arm64-cross ffmpeg vpx-tools device-tree-compiler dt-schema
qemu-system-arm qemu-user-static binfmt-support"

install_host_deps() {
	local missing="" p
	for p in $HOST_PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	need_root
	say "installing host packages:$missing"
	DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null &&
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		$missing >"$HANTRO_CACHE/logs/apt-host.log" 2>&1 ||
		die "apt-get install failed, see $HANTRO_CACHE/logs/apt-host.log"
}

# The Debian mirror the host already uses (its main archive, not -security).
debian_mirror() {
	[ -n "${DEBIAN_MIRROR:-}" ] && { echo "$DEBIAN_MIRROR"; return; }
	cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
		/etc/apt/sources.list.d/*.sources 2>/dev/null |
		grep -oE '(https?|file)://[^ ]+/debian/?( |$)' | grep -v security |
		head -n 1 | tr -d ' '
}

# pkg_apt ARGS...: apt-get/apt-cache on the private index of newer suites.
PKG_APT_DIR="$HANTRO_CACHE/apt"
pkg_apt_opts() {
	echo "-o Dir::Etc::SourceList=$PKG_APT_DIR/sources.list -o Dir::Etc::SourceParts=/dev/null" \
	     "-o Dir::State::Lists=$PKG_APT_DIR/lists -o Dir::State::status=/dev/null" \
	     "-o Dir::Cache=$PKG_APT_DIR/cache -o APT::Architectures=amd64,arm64" \
	     "-o Debug::NoLocking=1 -o APT::Sandbox::User=root"
}

pkg_apt_update() {
	local m stamp="$PKG_APT_DIR/updated"
	# Refresh the private index at most once a day.
	[ -n "$(find "$stamp" -mmin -1440 2>/dev/null)" ] && return 0
	m=$(debian_mirror)
	[ -n "$m" ] || die "no Debian mirror found in the host's apt sources (set DEBIAN_MIRROR)"
	mkdir -p "$PKG_APT_DIR/lists/partial" "$PKG_APT_DIR/cache/archives/partial"
	{
		for s in bookworm trixie trixie-backports sid; do
			echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $m $s main"
		done
	} >"$PKG_APT_DIR/sources.list"
	# shellcheck disable=SC2046
	apt-get $(pkg_apt_opts) update -q >"$HANTRO_CACHE/logs/apt-private.log" 2>&1 ||
		die "private apt index update failed, see $HANTRO_CACHE/logs/apt-private.log"
	touch "$stamp"
}

# pkg_memo KEY COMMAND...: COMMAND's output, remembered under KEY until the
# private index is next updated: each apt-cache run reads the four suites'
# lists, seconds on a busy machine, and a test run asks often.
pkg_memo() {
	local memo="$PKG_APT_DIR/memo/$1" tmp
	shift
	if [ ! "$memo" -nt "$PKG_APT_DIR/updated" ]; then
		mkdir -p "${memo%/*}"
		tmp=$memo.$BASHPID
		"$@" >"$tmp" || { rm -f "$tmp"; return 1; }
		mv "$tmp" "$memo"
	fi
	cat "$memo"
}

# pkg_candidate PKG: the version apt would pick from the private index.
pkg_candidate() {
	pkg_memo "candidate-$1" _pkg_candidate "$1"
}

_pkg_candidate() {
	local out
	# A failing apt-cache must not be remembered as "no such package".
	# shellcheck disable=SC2046
	out=$(apt-cache $(pkg_apt_opts) policy "$1" 2>/dev/null) || return 1
	echo "$out" | awk '/Candidate:/ { print $2; exit }'
}

# pkg_names PREFIX: the names of the packages in the private index that
# start with PREFIX.
pkg_names() {
	# shellcheck disable=SC2046
	pkg_memo "names-$1" apt-cache $(pkg_apt_opts) pkgnames "$1" 2>/dev/null
}

# pkg_download PKG DIR: fetch PKG's .deb at the index's candidate version
# into DIR (once) and print its path; other versions of PKG there go.
pkg_download() {
	local pkg=$1 dir=$2 ver name f
	ver=$(pkg_candidate "$pkg")
	[ -n "$ver" ] || die "no $pkg in the package index"
	name=${pkg%%:*}
	# apt-get download writes an epoch's colon as %3a.
	f=$(ls "$dir/${name}_${ver//:/%3a}_"*.deb 2>/dev/null | head -n 1)
	if [ -z "$f" ]; then
		mkdir -p "$dir"
		rm -f "$dir/${name}_"*.deb
		# shellcheck disable=SC2046
		(cd "$dir" && apt-get $(pkg_apt_opts) download -q "$pkg=$ver" >/dev/null) ||
			die "cannot download $pkg $ver"
		f=$(ls "$dir/${name}_${ver//:/%3a}_"*.deb 2>/dev/null | head -n 1)
		[ -n "$f" ] || die "apt-get downloaded no $pkg $ver"
	fi
	echo "$f"
}

# newest_kernel_series MAJOR: e.g. "7.3" for the newest linux-source-7.N package.
newest_kernel_series() {
	pkg_names "linux-source-$1." | sed 's/^linux-source-//' | sort -V | tail -n 1
}
