/*
 * kernel/platform_test.c - self-tests of board discovery.
 */
#include "drivers/mailbox.h"
#include "kernel/ktest.h"
#include "kernel/platform.h"
#include "layout.h"

KTEST(platform, ram_reported)
{
	const struct mailbox_memory *ram = &platform.ram;

	KT_ASSERT(ram->size != 0);
	KT_ASSERT_EQ(0, ram->size % SECTION_SIZE);
	/* On every Pi the ARM's RAM starts at 0 and ends below the peripherals. */
	KT_ASSERT_EQ(0, ram->base);
	KT_ASSERT(ram->size <= PHYS_RAM_MAX);
	/* ...and the VideoCore's share follows it. */
	KT_ASSERT_EQ(0, platform.vc_error);
	KT_ASSERT_EQ(ram->base + ram->size, platform.vc.base);
}

KTEST(platform, mailbox_answers_again)
{
	struct mailbox_memory again = { 0, 0 };

	/* A second call through the same buffer gives the same answer. */
	KT_ASSERT_EQ(0, mailbox_get_arm_memory(&again));
	KT_ASSERT_EQ(platform.ram.base, again.base);
	KT_ASSERT_EQ(platform.ram.size, again.size);
	KT_ASSERT_STREQ("mailbox", platform.ram_source);
}

KTEST(platform, atags_agree)
{
	if (platform.bootargs.kind != BOOTARGS_ATAGS)
		KT_SKIP("the loader passed no ATAGs");
	KT_ASSERT(platform.bootargs.has_memory);
	KT_ASSERT_EQ(platform.ram.base, platform.bootargs.memory_base);
	KT_ASSERT_EQ(platform.ram.size, platform.bootargs.memory_size);
}

KTEST(platform, bootargs_match_r2)
{
	if (boot_info.r2 == 0)
		KT_ASSERT_EQ(BOOTARGS_NONE, platform.bootargs.kind);
	else
		KT_ASSERT(platform.bootargs.kind == BOOTARGS_ATAGS ||
			  platform.bootargs.kind == BOOTARGS_DEVICE_TREE);
}
