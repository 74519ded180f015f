/* SPDX-License-Identifier: GPL-2.0 */
/* Host build: static_assert is C11's own. */
#include <assert.h>
