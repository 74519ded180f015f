# SPDX-License-Identifier: GPL-2.0
# Several suites in one boot (SUITES, in order): a boot of the debug kernel
# under emulation costs a minute or more, so the suites that need nothing
# of their own from the kernel share one. Each suite unloads the modules it
# loaded; each one's time goes to /mnt/out/suite-times for the host's table.
. ./lib.sh
export HANTRO_NESTED=1
for suite in $SUITES; do
	t0=$(date +%s)
	sh "./$suite.sh"
	echo "$suite $(($(date +%s) - t0))" >>/mnt/out/suite-times
done
HANTRO_NESTED=0
finish
