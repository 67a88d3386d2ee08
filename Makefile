# SPDX-License-Identifier: GPL-2.0
# User entry point. Each target is a thin wrapper over what one would
# otherwise type; the kernel's own build (Kbuild) does the real work.

KERNELRELEASE ?= $(shell uname -r)
KDIR ?= /lib/modules/$(KERNELRELEASE)/build
ifneq ($(origin KDIR),file)
# KDIR given explicitly: install for the release that tree was built for.
KERNELRELEASE := $(shell cat $(KDIR)/include/config/kernel.release 2>/dev/null || echo $(KERNELRELEASE))
endif

TOP := $(CURDIR)
KMAKE = $(MAKE) -C $(KDIR) M=$(TOP)

.PHONY: all modules clean install load unload check build-check kunit itest style docs help

all: modules

modules: kdir-exists
	+$(KMAKE) modules

clean:
	@if [ -f "$(KDIR)/Makefile" ]; then $(KMAKE) NDIS_TEST_MODULES=m clean; fi
	rm -rf build

install: modules
	+$(KMAKE) modules_install
	depmod -a $(KERNELRELEASE)

# Load and unload on this machine. Never used by the tests: they load
# modules only inside QEMU guests.
load: install
	modprobe ndis

unload:
	modprobe -r ndis

.PHONY: kdir-exists
kdir-exists:
	@test -f "$(KDIR)/Makefile" || { \
		echo "error: no kernel build tree at $(KDIR)."; \
		echo "Install linux-headers-$(KERNELRELEASE) or pass KDIR=/path/to/kernel/build."; \
		exit 1; }

# The test command: every tier, each installing what it needs.
check:
	@tests/check.sh all

build-check:
	@tests/check.sh build

kunit:
	@tests/check.sh kunit

itest:
	@tests/check.sh itest

style:
	@tests/check.sh style

help:
	@echo "make [KDIR=...]      build every module (default: running kernel's headers)"
	@echo "make install         modules_install + depmod for that kernel"
	@echo "make load | unload   modprobe the stack on this machine"
	@echo "make check           all test tiers (build, kunit, itest); the CI command"
	@echo "make build-check     build matrix, W=1, sparse, checkpatch"
	@echo "make kunit           KUnit suites on a debug kernel under QEMU"
	@echo "make itest           integration on stock Debian kernels under QEMU"
	@echo "make style           checkpatch --strict over all sources"
	@echo "NDIS_INJECT=kunit|warn make check   prove the harness fails (see README)"
