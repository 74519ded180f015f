# SPDX-License-Identifier: GPL-2.0
# What the benchmarks share: the clip's bitrate and the gap between two
# rate/PSNR curves. Each curve is a file $B/NAME.points of "kbit/s PSNR"
# lines.

# bench_mode [speed]: "speed" or "full", the benchmarks' one argument.
bench_mode() {
	case ${1:-full} in
	speed | full) echo "${1:-full}" ;;
	*) echo "usage: $0 [speed]" >&2; return 2 ;;
	esac
}

# bench_clips: the 300-frame clip (testsrc2 with temporal noise, 30 fps) at
# 640x480 and 1280x720 as I420 in $B, made once.
bench_clips() {
	local s
	for s in 640x480 1280x720; do
		[ -s "$B/clip-$s.yuv" ] || ffmpeg -v error -nostdin -f lavfi \
			-i "testsrc2=size=$s:rate=30,noise=alls=6:allf=t" -frames:v 300 \
			-f rawvideo -pix_fmt yuv420p -y "$B/clip-$s.yuv" || die "no clip at $s"
	done
}

# kbps FILE: the bitrate of FILE as 300 frames at 30 fps, kbit/s.
kbps() { echo $(($(stat -c %s "$1") * 8 * 30 / 300 / 1000)); }

# rate_gap A B: how much more bitrate curve A needs than curve B for the same
# PSNR, in percent, averaged over the PSNR range both cover (log-rate
# interpolated linearly in PSNR: a piecewise-linear Bjontegaard rate).
rate_gap() {
	awk '
	FNR == 1 { f++ }
	{ n[f]++; r[f, n[f]] = log($1); p[f, n[f]] = $2 }
	function at(c, q,   i, j, t) {
		for (i = 1; i <= n[c]; i++)
			for (j = i + 1; j <= n[c]; j++)
				if ((p[c, i] - q) * (p[c, j] - q) <= 0 && p[c, i] != p[c, j]) {
					t = (q - p[c, i]) / (p[c, j] - p[c, i])
					return r[c, i] + t * (r[c, j] - r[c, i])
				}
		return "none"
	}
	function lo(c,   i, m) { m = p[c, 1]; for (i = 2; i <= n[c]; i++) if (p[c, i] < m) m = p[c, i]; return m }
	function hi(c,   i, m) { m = p[c, 1]; for (i = 2; i <= n[c]; i++) if (p[c, i] > m) m = p[c, i]; return m }
	END {
		a = lo(1) > lo(2) ? lo(1) : lo(2); b = hi(1) < hi(2) ? hi(1) : hi(2)
		if (f < 2 || a >= b) { print "n/a"; exit }
		for (k = 0; k <= 100; k++) {
			q = a + (b - a) * k / 100; x = at(1, q); y = at(2, q)
			if (x == "none" || y == "none") continue
			s += x - y; m++
		}
		printf "%+.1f %% (PSNR %.2f..%.2f dB)\n", m ? (exp(s / m) - 1) * 100 : 0, a, b
	}' "$B/$1.points" "$B/$2.points"
}
