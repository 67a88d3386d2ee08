# SPDX-License-Identifier: GPL-2.0
# User entry point. Each target is a thin wrapper over what one would
# otherwise type; the kernel's own build (Kbuild) does the real work.

KERNELRELEASE ?= $(shell uname -r)
PREFIX ?= /usr/local
KDIR ?= /lib/modules/$(KERNELRELEASE)/build
ifneq ($(origin KDIR),file)
# KDIR given explicitly: install for the release that tree was built for,
# as its modules' vermagic names it (UTS_RELEASE). Debian's 6.1 headers say
# 6.1.x in kernel.release but build modules for 6.1.0-N-amd64.
KDIR_RELEASE := $(shell awk -F'"' '/UTS_RELEASE/ { print $$2 }' \
	$(KDIR)/include/generated/utsrelease.h 2>/dev/null)
KERNELRELEASE := $(or $(KDIR_RELEASE),$(shell cat $(KDIR)/include/config/kernel.release \
	2>/dev/null),$(KERNELRELEASE))
endif

TOP := $(CURDIR)
KMAKE = $(MAKE) -C $(KDIR) M=$(TOP)

.PHONY: all modules tools clean install install-sdk load unload check build-check kunit itest style stress stress-long demo docs bench profile help

all: modules tools

modules: kdir-exists
	+$(KMAKE) modules

# User space (ndisctl): needs no kernel tree.
tools:
	+$(MAKE) -C tools/ndisctl

clean:
	@if [ -f "$(KDIR)/Makefile" ]; then $(KMAKE) NDIS_TEST_MODULES=m clean; fi
	+$(MAKE) -C tools/ndisctl clean
	rm -rf build

install: modules tools install-sdk
	+$(KMAKE) modules_install
	depmod -a $(KERNELRELEASE)
	+$(MAKE) -C tools/ndisctl install PREFIX=$(PREFIX)

# What a driver built outside this tree compiles and links against: the
# headers, and ndis.ko's exports for this kernel release (its Kbuild sets
# ccflags-y += -I$(NDIS_SDK)/include and KBUILD_EXTRA_SYMBOLS :=
# $(NDIS_SDK)/symvers/$(KERNELRELEASE)/Module.symvers; see
# docs/porting-from-windows.md). Only ndis.ko's lines are kept, named by
# module, so nothing of this build's paths leaks into the SDK.
NDIS_SDK ?= $(PREFIX)/src/ndis
install-sdk: modules
	install -d $(DESTDIR)$(NDIS_SDK)/include/ndis $(DESTDIR)$(NDIS_SDK)/include/uapi/ndis \
		$(DESTDIR)$(NDIS_SDK)/symvers/$(KERNELRELEASE)
	install -m 0644 include/ndis/*.h $(DESTDIR)$(NDIS_SDK)/include/ndis/
	install -m 0644 include/uapi/ndis/*.h $(DESTDIR)$(NDIS_SDK)/include/uapi/ndis/
	awk -F '\t' -v OFS='\t' '$$3 ~ /(^|\/)core\/ndis$$/ { $$3 = "ndis"; print }' \
		Module.symvers >$(DESTDIR)$(NDIS_SDK)/symvers/$(KERNELRELEASE)/Module.symvers
	@test -s $(DESTDIR)$(NDIS_SDK)/symvers/$(KERNELRELEASE)/Module.symvers || \
		{ echo "error: no ndis.ko exports in Module.symvers"; exit 1; }

# Load and unload on this machine. Never used by the tests: they load
# modules only inside QEMU guests. modprobe pulls ndis in through depmod's
# dependencies; unload takes the stack out top down.
load: install
	modprobe ndis_netdev
	modprobe ndisprot

unload:
	@for m in ndisprot ndis_netdev ndis_vmini ndis; do \
		if grep -q "^$$m " /proc/modules; then \
			echo "modprobe -r $$m"; modprobe -r $$m || exit 1; \
		fi; \
	done

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

# Everything at once on the debug kernel, with the fuzzer: the short
# profile (also in make check), or the long one (up to 70 minutes).
stress:
	@tests/check.sh stress

stress-long:
	@NDIS_STRESS_PROFILE=long tests/check.sh stress

# The API reference, from kernel-doc, into build/docs/ (zero warnings).
docs:
	@bash tests/docs.sh

# The data path against Linux's own, side by side (not a test: no verdicts
# on timings). Table on stdout, build/bench/bench.json and bench.svg.
bench:
	@tests/bench.sh

# Where one bench measure's time goes, ours and Linux's side apart, under
# perf in the same guest: make profile ARGS="send virtio 64" (MEASURE NIC
# SIZE). build/bench/profile-MEASURE-NIC-SIZE-{ours,linux,diff}.txt.
ARGS ?= send virtio 64
profile:
	@tests/bench-profile.sh $(ARGS)

# ndisprot and ndisctl at work in a QEMU guest, for a first look.
demo:
	@tests/demo.sh

help:
	@echo "make demo            boot a QEMU guest: ndisctl sends and receives through ndisprot"
	@echo "make [KDIR=...]      build every module (default: running kernel's headers) and ndisctl"
	@echo "make tools           build ndisctl alone (no kernel tree needed)"
	@echo "make install         modules_install + depmod for that kernel; ndisctl to $(PREFIX)/sbin"
	@echo "make load | unload   modprobe ndis, ndis_netdev and ndisprot on this machine"
	@echo "make check           all test tiers (build, kunit, itest); the CI command"
	@echo "make build-check     build matrix, W=1, sparse, checkpatch"
	@echo "make kunit           KUnit suites on a debug kernel under QEMU"
	@echo "make stress          workers, faults and the fuzzer against each other (short)"
	@echo "make stress-long     the same until 10,000 bind/unbind cycles and 1,000,000 frames"
	@echo "make itest           integration on stock Debian kernels under QEMU"
	@echo "make style           checkpatch --strict over all sources"
	@echo "make docs            API reference (kernel-doc) into build/docs/; fails on any warning"
	@echo "make bench           data path vs AF_PACKET/dev_queue_xmit under QEMU; build/bench/"
	@echo "make profile ARGS=\"send virtio 64\"   perf profile of one bench measure, each side"
	@echo "NDIS_INJECT=kunit|warn make check   prove the harness fails (see README)"
