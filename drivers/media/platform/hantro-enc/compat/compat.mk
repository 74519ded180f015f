# SPDX-License-Identifier: GPL-2.0
#
# Included by both modules' Kbuild files. Feature probes for hantro_compat.h
# and hantro_enc_compat.h: grep the target kernel's headers instead of
# trusting LINUX_VERSION_CODE, which backports make unreliable.
hantro_probe = $(if $(shell grep -qsE '$(2)' $(srctree)/include/$(1) && echo y),-D$(3))

ccflags-y += $(call hantro_probe,linux/platform_device.h,remove_new,HANTRO_ENC_HAVE_REMOVE_NEW)
ccflags-y += $(call hantro_probe,media/v4l2-fh.h,v4l2_fh_add.*struct file,HANTRO_ENC_FH_ADD_FILE)
ccflags-y += $(call hantro_probe,media/v4l2-mem2mem.h,copy_frame_flags,HANTRO_ENC_COPY_META_3ARG)
ccflags-y += $(call hantro_probe,media/videobuf2-v4l2.h,vb2_ops_wait_prepare,HANTRO_ENC_HAVE_WAIT_PREPARE)
ccflags-y += $(call hantro_probe,linux/module.h,define MODULE_IMPORT_NS.*__stringify,HANTRO_ENC_IMPORT_NS_IDENT)
# One version for dkms and the modules: dkms.conf's PACKAGE_VERSION.
hantro_version := $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' $(KBUILD_EXTMOD)/dkms.conf)
ccflags-y += -DHANTRO_ENC_VERSION='"$(hantro_version)"'
