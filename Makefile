# SPDX-License-Identifier: GPL-2.0
#
# Out-of-tree build of the hantro-enc modules. Kbuild lists the objects; this
# file only drives the kernel's build system and the project's tools.
#
#   make [KDIR=/path/to/kernel/build]   build the modules (W=1 for extra warnings)
#   make install                        install them and run depmod (root)
#   make userspace-test                 build the state-machine walker
#   make check                          the whole test suite (tools/test.sh)

KERNELRELEASE ?= $(shell uname -r)
KDIR ?= /lib/modules/$(KERNELRELEASE)/build
# Kept as KERNEL_DIR too: the name dkms and v4l2loopback-style scripts use.
KERNEL_DIR ?= $(KDIR)

.PHONY: all modules install modules_install clean userspace-test check demo

all: modules

modules:
	$(MAKE) -C $(KERNEL_DIR) M=$(CURDIR) modules

install modules_install: modules
	$(MAKE) -C $(KERNEL_DIR) M=$(CURDIR) modules_install
	depmod -a $(KERNELRELEASE)

clean:
	$(MAKE) -C $(KERNEL_DIR) M=$(CURDIR) clean
	$(MAKE) -C userspace-test clean

userspace-test:
	$(MAKE) -C userspace-test

check:
	tools/test.sh

demo:
	tools/demo.sh
