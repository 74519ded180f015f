# SPDX-License-Identifier: GPL-2.0
# System sleep (suspend to idle, pm_test "devices") while both nodes stream:
# the driver's suspend must let the running frame end and hold back new
# ones, its resume must let the streams go on, every frame valid.
#
# The guest's root and shares are virtio 9p, which has no freeze/restore:
# virtio_device_restore() resets the device and every later access to them
# hangs. So this suite runs last in its boot, from a copy in RAM (a chroot
# on tmpfs), and reports through the serial console: each line
# "@out FILE: TEXT" is added to FILE in the run's output directory by the
# host (vm_console_files). It ends the boot itself, as init.sh would: leak
# scans, kernel log, verdict, reboot.
. ./lib.sh

section "system sleep (pm_test devices) while both nodes stream"
if ! [ -w /sys/power/pm_test ] || ! grep -qw freeze /sys/power/state; then
	check "the kernel offers suspend to idle with pm_test" false
	finish
fi
start_both_nodes || finish

r=/tmp/sleeproot
mkdir -p "$r/bin" "$r/dev" "$r/proc" "$r/sys" "$r/tmp"
# The programs and the libraries they load, as ldd names them.
for b in "$(command -v busybox)" ./hantro-enc-test; do
	cp "$b" "$r/bin/"
	for l in $(ldd "$b" 2>/dev/null |
		sed -n 's/.*=> \(\/[^ ]*\).*/\1/p; t; s/^[[:space:]]*\(\/[^ ]*\).*/\1/p'); do
		mkdir -p "$r${l%/*}"
		cp -L "$l" "$r$l"
	done
done
chroot "$r" /bin/busybox --install -s /bin
# Past the exec below nothing comes back to this shell: the copy must run.
check "the RAM copy runs (busybox, userspace-test)" \
	sh -c "chroot $r /bin/true && chroot $r /bin/hantro-enc-test -h 2>&1 | grep -q usage"
grep -q '^FAIL the RAM copy' "$RESULTS" && finish
mount --bind /dev "$r/dev"
mount -t proc proc "$r/proc"
mount -t sysfs sys "$r/sys"
mount -t debugfs debugfs "$r/sys/kernel/debug"
grep -q '^FAIL' "$RESULTS" && failed=1 || failed=0
leaks=/sys/kernel/debug/kmemleak
[ "${HANTRO_LEAK_SCAN:-1}" = 1 ] || leaks=/nonexistent

cat >"$r/run.sh" <<EOF
export PATH=/bin
failed=$failed
out() { f=\$1; shift; echo "@out \$f: \$*"; }
# Whatever happens below, the boot ends here: 9p is gone after resume. The
# serial driver may still hold the last lines when reboot comes.
trap 'sleep 2; busybox reboot -f' EXIT
# Warnings and lockdep reports straight to the console (the host's
# splat-check reads it), in case the kernel log never gets dumped.
echo 8 >/proc/sys/kernel/printk
# A step that hangs must not hold the boot until the host's limit.
(
	sleep 900
	out results "FAIL the sleep suite finished within 900 s"
	dmesg | sed 's/^/@out dmesg.txt: /'
	out status 1
	out finished done
	sleep 2
	busybox reboot -f
) &
check() {
	name=\$1; shift
	if "\$@"; then v=PASS; else v=FAIL; failed=1; fi
	out results "\$v \$name"
	echo "\$v: \$name"
}
# ended PID SECONDS: PID has exited within SECONDS.
ended() {
	tenths=\$((\$2 * 10))
	while kill -0 "\$1" 2>/dev/null; do
		[ "\$tenths" -gt 0 ] || return 1
		sleep 0.1
		tenths=\$((tenths - 1))
	done
}
# Streams of 20 s and more on an idle host: still running at the sleep.
hantro-enc-test -d $venc -j 1 -n 300 -s 320x240 >/tmp/h264.log 2>&1 &
p1=\$!
hantro-enc-test -d $jenc -j 1 -n 600 -s 320x240 >/tmp/jpeg.log 2>&1 &
p2=\$!
sleep 2
check "both nodes stream when the system goes to sleep" kill -0 \$p1 \$p2
echo devices >/sys/power/pm_test
check "suspend to idle and back (pm_test devices)" sh -c 'echo freeze >/sys/power/state'
echo none >/sys/power/pm_test
check "... the H.264 stream goes on to its end" ended \$p1 600
check "... the JPEG stream goes on to its end" ended \$p2 600
cat /tmp/h264.log /tmp/jpeg.log | tail -n 4
check "... every H.264 and JPEG frame valid" sh -c "grep -q '^1 passed, 0 failed\$' /tmp/h264.log &&
	grep -q '^1 passed, 0 failed\$' /tmp/jpeg.log"
check "... the H.264 node encodes after resume" \
	sh -c "hantro-enc-test -d $venc -j 1 -n 3 -s 320x240 | grep -q '^1 passed'"
check "modules unload" sh -c "rmmod hantro_vepu_virt && rmmod hantro_enc"
if [ -w $leaks ]; then
	echo scan >$leaks; sleep 6; echo scan >$leaks
	sed 's/^/@out kmemleak.txt: /' $leaks
fi
dmesg | sed 's/^/@out dmesg.txt: /'
out status \$failed
out finished done
EOF
# Nothing left for the 9p writeback to do after resume.
sync
echo "  the rest of this boot reports on the console (9p stops at resume)"
exec chroot "$r" /bin/busybox sh /run.sh </dev/null >/dev/ttyS0 2>&1
