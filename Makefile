# SPDX-License-Identifier: GPL-2.0
#
# Out-of-tree build of the hantro-enc modules. Kbuild lists the objects; this
# file only drives the kernel's build system and the project's tools.
#
#   make [KDIR=/path/to/kernel/build]   build the modules (W=1 for extra warnings)
#   make install                        install them and run depmod (root)
#   make dtbs                           build the device-tree overlays in dts/
#   make dtbs_install [OVERLAY_DIR=...] install them (default: Armbian's
#                                       /boot/overlay-user)
#   make install-tools                  hantro-enc-switch and the udev rules
#   make deb                            a dkms package (out/hantro-enc-dkms_*.deb)
#   make userspace-test                 build the state-machine walker
#   make check                          the whole test suite (tools/test.sh)

KERNELRELEASE ?= $(shell uname -r)
KDIR ?= /lib/modules/$(KERNELRELEASE)/build
# Kept as KERNEL_DIR too: the name dkms and v4l2loopback-style scripts use.
KERNEL_DIR ?= $(KDIR)

OVERLAY_DIR ?= /boot/overlay-user
DTBOS := $(patsubst %.dtso,%.dtbo,$(wildcard dts/*.dtso))

.PHONY: all modules install modules_install clean userspace-test check demo dtbs dtbs_install \
	install-tools deb

all: modules

modules:
	$(MAKE) -C $(KERNEL_DIR) M=$(CURDIR) modules

install modules_install: modules
	$(MAKE) -C $(KERNEL_DIR) M=$(CURDIR) modules_install
	depmod -a $(KERNELRELEASE)

dtbs: $(DTBOS)

# -@: an overlay that adds a node refers to the board's labels.
dts/%.dtbo: dts/%.dtso
	dtc -@ -q -I dts -O dtb -o $@ $<

dtbs_install: dtbs
	install -d $(DESTDIR)$(OVERLAY_DIR)
	install -m 0644 $(DTBOS) $(DESTDIR)$(OVERLAY_DIR)

install-tools:
	install -D -m 0755 tools/board/hantro-enc-switch $(DESTDIR)/usr/sbin/hantro-enc-switch
	install -D -m 0644 tools/board/70-hantro-enc.rules \
		$(DESTDIR)/etc/udev/rules.d/70-hantro-enc.rules

deb:
	tools/make-deb.sh

clean:
	$(MAKE) -C $(KERNEL_DIR) M=$(CURDIR) clean
	rm -f $(DTBOS)
	$(MAKE) -C userspace-test clean

userspace-test:
	$(MAKE) -C userspace-test

check:
	tools/test.sh

demo:
	tools/demo.sh
