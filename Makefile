# uopsim - top-level build. `make` builds build/uopsim.
#   make check       install dependencies, build, run every test
#   make check-full  the long differential runs (10M random strings per mode)
#   make demo        install dependencies, build, run the demo job
#   make bench       benchmarks (see BENCHMARKS.md)
#   make fuzz        libFuzzer harness for the decoder
CC ?= cc
CFLAGS ?= -O2 -g
CFLAGS += -std=gnu11 -Wall -Wextra -Werror=implicit-function-declaration -MMD -MP
CPPFLAGS += -Idecoder -I.
BUILD := build
ASAN_BUILD := build-asan
SANITIZE := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# Library sources: every module folder except the command front end.
LIB_DIRS := decoder elf uops machine linux lockstep
LIB_SRC := $(foreach d,$(LIB_DIRS),$(wildcard $(d)/*.c))
CLI_SRC := $(wildcard cli/*.c)
UNIT_SRC := $(wildcard tests/unit/*.c)

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/%.o)
ASAN_LIB_OBJ := $(LIB_SRC:%.c=$(ASAN_BUILD)/%.o)
ASAN_UNIT_OBJ := $(UNIT_SRC:%.c=$(ASAN_BUILD)/%.o)

CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lm -lrt -lpthread)

.PHONY: all deps check check-full unit unit-asan demo bench fuzz clean format
all: $(BUILD)/uopsim docs/uops.md

deps:
	@bash scripts/install-deps

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(ASAN_BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -O1 $(SANITIZE) -c $< -o $@

$(BUILD)/libuopsim.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(ASAN_BUILD)/libuopsim.a: $(ASAN_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/uopsim: $(CLI_OBJ) $(BUILD)/libuopsim.a
	$(CC) $(CFLAGS) $^ -o $@

$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/libuopsim.a
	$(CC) $(CFLAGS) $^ $(CHECK_LIBS) -o $@

$(ASAN_BUILD)/unit-tests: $(ASAN_UNIT_OBJ) $(ASAN_BUILD)/libuopsim.a
	$(CC) $(CFLAGS) $(SANITIZE) $^ $(CHECK_LIBS) -o $@

# The Zydis oracle is linked only into test and benchmark programs. (The
# filter keeps the headers that -MMD lists as prerequisites off the command.)
$(BUILD)/zydis-diff: tests/zydis/zydis_diff.c $(BUILD)/libuopsim.a
	$(CC) $(CPPFLAGS) $(CFLAGS) $(filter %.c %.a,$^) -lZydis -o $@

$(BUILD)/decode-bench: bench/decode_bench.c $(BUILD)/libuopsim.a
	$(CC) $(CPPFLAGS) $(CFLAGS) $(filter %.c %.a,$^) -lZydis -o $@

# docs/uops.md is generated from uops/uops.def.
$(BUILD)/gen-uops-doc: tools/gen_uops_doc.c uops/uop_info.c $(wildcard uops/*.def) uops/uop.h
	$(CC) $(CPPFLAGS) $(CFLAGS) $(filter %.c,$^) -o $@

docs/uops.md: $(BUILD)/gen-uops-doc
	$(BUILD)/gen-uops-doc > $@.tmp && mv $@.tmp $@

# The functional engine's differential test against the host CPU.
# native_run.c is never built with sanitizers (it runs raw guest code).
NATIVE_DEPS := tests/native/native_run.c tests/native/native_run.h machine/state.h
DIFF_DEPS := lockstep/flag_rules.h tests/native/seqgen.c tests/native/seqgen.h
$(BUILD)/uop-diff: tests/native/uop_diff.c $(DIFF_DEPS) $(NATIVE_DEPS) $(BUILD)/libuopsim.a
	$(CC) $(CPPFLAGS) $(CFLAGS) $(filter %.c %.a,$^) -pthread -o $@

$(BUILD)/native-selftest: tests/native/native_selftest.c $(NATIVE_DEPS)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(filter %.c,$^) -pthread -o $@

# The 32-bit side: a static i386 harness run under qemu-i386 (this host's
# kernel cannot run 32-bit code) and the driver that compares with it.
$(BUILD)/harness32: tests/native/qemu32/harness32.c tests/native/qemu32/protocol.h
	gcc -m32 -static -O2 -fno-stack-protector -Wall -Wextra $< -o $@

QEMU32_DEPS := tests/native/qemu32/qemu_run.c tests/native/qemu32/qemu_run.h tests/native/qemu32/protocol.h
$(BUILD)/uop-diff32: tests/native/uop_diff32.c $(DIFF_DEPS) $(QEMU32_DEPS) $(BUILD)/libuopsim.a $(BUILD)/harness32
	$(CC) $(CPPFLAGS) $(CFLAGS) $(filter %.c %.a,$^) -o $@

$(BUILD)/qemu32-selftest: tests/native/qemu32/qemu32_selftest.c $(QEMU32_DEPS) $(BUILD)/harness32
	$(CC) $(CPPFLAGS) $(CFLAGS) $(filter %.c,$^) -o $@

$(BUILD)/engine-bench: bench/engine_bench.c $(NATIVE_DEPS) $(BUILD)/libuopsim.a
	$(CC) $(CPPFLAGS) $(CFLAGS) $(filter %.c %.a,$^) -pthread -o $@

unit: $(BUILD)/unit-tests
	$(BUILD)/unit-tests

unit-asan: $(ASAN_BUILD)/unit-tests
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $(ASAN_BUILD)/unit-tests

check: deps
	$(MAKE) all $(BUILD)/unit-tests $(ASAN_BUILD)/unit-tests $(BUILD)/zydis-diff $(BUILD)/uop-diff $(BUILD)/native-selftest \
	  $(BUILD)/harness32 $(BUILD)/uop-diff32 $(BUILD)/qemu32-selftest
	$(MAKE) unit unit-asan
	bash tests/run-integration.sh quick

check-full: deps
	$(MAKE) all $(BUILD)/zydis-diff
	bash tests/run-integration.sh full

demo: deps
	$(MAKE) all
	bash scripts/demo

# Raw code kernels for the engine benchmark, assembled with binutils.
KERNELS := $(patsubst bench/kernels/%.s,$(BUILD)/kernels/%.bin,$(wildcard bench/kernels/*.s))
$(BUILD)/kernels/%.bin: bench/kernels/%.s
	@mkdir -p $(dir $@)
	as --64 $< -o $@.o && objcopy -O binary -j .text $@.o $@

bench: deps
	$(MAKE) all $(BUILD)/decode-bench $(BUILD)/engine-bench $(KERNELS)
	$(BUILD)/decode-bench
	$(BUILD)/engine-bench $(KERNELS)
	bash bench/run_bench.sh

fuzz: deps
	@mkdir -p $(BUILD)/fuzz
	clang $(CPPFLAGS) -std=gnu11 -g -O1 -fsanitize=fuzzer,address,undefined \
	  tests/fuzz/fuzz_decode.c $(LIB_SRC) -o $(BUILD)/fuzz/fuzz-decode
	@mkdir -p $(BUILD)/fuzz/corpus
	$(BUILD)/fuzz/fuzz-decode -max_total_time=$${FUZZ_SECONDS:-60} -max_len=32 $(BUILD)/fuzz/corpus

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)

-include $(shell find $(BUILD) $(ASAN_BUILD) -name '*.d' 2>/dev/null)
