/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host tests' verdicts: one "PASS what" or "FAIL what" line per check,
 * which tests/host/run.sh merges into the suite's results.
 */
#ifndef HOST_CHECK_H
#define HOST_CHECK_H

#include <stdarg.h>
#include <stdio.h>

static int failures;

static void __attribute__((format(printf, 2, 3))) check(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s ", ok ? "PASS" : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	failures += !ok;
}

#endif
