# SPDX-License-Identifier: GPL-2.0
# The demo run: load the driver and the virtual VEPU and show what registered.
. ./lib.sh
echo "== loading hantro-enc and hantro-vepu-virt"
check "modules load" load_project_modules
check "driver binds the virtual VEPU" virtual_vepu_bound
echo "== modules"
lsmod | grep -E '^(Module|hantro)'
for m in hantro_enc hantro_vepu_virt; do
	echo "$m version $(cat /sys/module/$m/version 2>/dev/null)"
done
echo "== devices bound to the hantro-enc driver"
ls -l /sys/bus/platform/drivers/hantro-enc/ | grep -- '->' | sed 's/.* \([^ ]* -> .*\)/  \1/'
echo "== kernel log"
dmesg | grep -i hantro | sed 's/^/  /'
check "modules unload" unload_project_modules
finish
