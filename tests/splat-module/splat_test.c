// SPDX-License-Identifier: GPL-2.0
/*
 * Deliberately broken module for the VM harness's self-test: it proves that a
 * WARN_ON or a leak in a module under test fails the run. Never installed and
 * never loaded by normal test runs.
 */

#include <linux/bug.h>
#include <linux/module.h>
#include <linux/slab.h>

static bool warn;
module_param(warn, bool, 0444);
MODULE_PARM_DESC(warn, "Trigger a WARN_ON at load");

static bool leak;
module_param(leak, bool, 0444);
MODULE_PARM_DESC(leak, "Leak 1 KiB at load");

static int __init splat_test_init(void)
{
	void *p;

	WARN_ON(warn);
	if (leak) {
		p = kmalloc(1024, GFP_KERNEL);
		/* Drop the only reference so kmemleak sees it unreferenced. */
		pr_info("splat_test: leaked %s\n", p ? "1 KiB" : "nothing");
		p = NULL;
	}
	return 0;
}
module_init(splat_test_init);

static void __exit splat_test_exit(void)
{
}
module_exit(splat_test_exit);

MODULE_DESCRIPTION("Harness self-test: a module that splats on request");
MODULE_LICENSE("GPL");
