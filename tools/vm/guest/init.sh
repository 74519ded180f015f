#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# PID 1 of the test VM: mount what the tests need, run the payload's main.sh,
# collect the kernel log and a kmemleak report, then power off.
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH HOME=/root LANG=C.UTF-8
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
mkdir -p /dev/shm /dev/pts /mnt/host /mnt/out
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run
mount -t debugfs debugfs /sys/kernel/debug
# A distribution kernel (the arm64 suite's) has 9p as modules.
modprobe -q 9pnet_virtio 2>/dev/null
modprobe -q 9p 2>/dev/null
mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000 host /mnt/host
mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000 out /mnt/out
hostname hantro-vm
[ -e /dev/fd ] || ln -s /proc/self/fd /dev/fd

leaks=/sys/kernel/debug/kmemleak
# A run that only shows something (the demo) skips the leak scans: each
# takes most of a minute under emulation.
HANTRO_LEAK_SCAN=1
[ -f /mnt/host/env.sh ] && . /mnt/host/env.sh
[ "$HANTRO_LEAK_SCAN" = 1 ] || leaks=/nonexistent
# Forget what boot itself left behind: only leaks made by the tests count.
t0=$(date +%s)
if [ -w $leaks ]; then echo scan >$leaks; echo clear >$leaks; fi
echo "guest: first leak scan $(($(date +%s) - t0)) s"

echo "guest: kernel $(uname -r), running main.sh"
cd /mnt/host && sh ./main.sh 2>&1 | tee /mnt/out/guest.log
echo "$?" >/mnt/out/status
# tee hides main.sh's status; main.sh writes its own.
[ -f /mnt/out/main-status ] && cp /mnt/out/main-status /mnt/out/status

if [ -w $leaks ]; then
	# An object is reported only once it is old enough and seen unreferenced
	# by two scans; one scan right after a leak reports nothing.
	t0=$(date +%s)
	echo scan >$leaks; sleep 6; echo scan >$leaks
	echo "guest: last leak scans $(($(date +%s) - t0)) s (6 s asleep)"
	cat $leaks >/mnt/out/kmemleak.txt
fi
dmesg >/mnt/out/dmesg.txt
echo done >/mnt/out/finished
sync
busybox reboot -f
