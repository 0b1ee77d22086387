// Kernel modules as kernel state (src/kernel/modules.ts) and the kmod tools over it:
// modprobe loads dependencies first and -r takes unused ones out again, rmmod refuses a module
// in use, insmod loads one file without dependencies, /proc/modules and lsmod agree, and
// br_netfilter brings its /proc/sys/net/bridge switches.
import { describe, expect, it } from 'vitest';
import { newMachine, sh } from './helpers';

describe('kernel modules', () => {
  it('modprobe loads a module after what it needs; lsmod shows the users', async () => {
    const r = await sh(newMachine(), 'modprobe br_netfilter; lsmod | head -5; sysctl net.bridge.bridge-nf-call-iptables');
    expect(r).toEqual({
      stdout: 'Module                  Size  Used by\nbr_netfilter           32768  0\nbridge                307200  1 br_netfilter\nstp                    16384  1 bridge\nllc                    16384  2 bridge,stp\nnet.bridge.bridge-nf-call-iptables = 1\n',
      stderr: '',
      exit: 0,
    });
  });

  it('rmmod refuses a module in use; modprobe -r takes out what nothing else uses', async () => {
    const r = await sh(newMachine(), 'modprobe br_netfilter; rmmod bridge; echo "rc=$?"; modprobe -r br_netfilter; grep -c "^\\(bridge\\|stp\\|llc\\|br_netfilter\\) " /proc/modules; sysctl net.bridge.bridge-nf-call-iptables; rmmod nf_conntrack; modprobe -r nf_conntrack; echo "rc=$?"');
    expect(r.stdout).toBe('rc=1\n0\nrc=1\n');
    expect(r.stderr).toBe(
      'rmmod: ERROR: Module bridge is in use by: br_netfilter\n' +
        'sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory\n' +
        'rmmod: ERROR: Module nf_conntrack is in use by: xt_conntrack\n' +
        'modprobe: FATAL: Module nf_conntrack is in use.\n',
    );
  });

  it('insmod loads one file, without its dependencies', async () => {
    const r = await sh(newMachine(), 'd=/lib/modules/$(uname -r)/kernel; insmod $d/net/bridge/br_netfilter.ko.xz; echo "rc=$?"; insmod $d/net/llc/llc.ko.xz; insmod $d/net/llc/llc.ko.xz; insmod /etc/hosts; insmod /nope.ko; head -1 /proc/modules | cut -d" " -f1-4');
    expect(r.stdout).toBe('rc=1\nllc 16384 0 -\n');
    expect(r.stderr.replace(/\/lib\/modules\/[^/]+/g, 'M')).toBe(
      'insmod: ERROR: could not insert module M/kernel/net/bridge/br_netfilter.ko.xz: Unknown symbol in module\n' +
        'insmod: ERROR: could not insert module M/kernel/net/llc/llc.ko.xz: File exists\n' +
        'insmod: ERROR: could not insert module /etc/hosts: Invalid module format\n' +
        'insmod: ERROR: could not load module /nope.ko: No such file or directory\n',
    );
  });

  it('needs root to change the kernel, and hides addresses from others', async () => {
    const r = await sh(newMachine(), 'su -s /bin/bash nobody -c "/usr/sbin/modprobe veth; /usr/sbin/rmmod xt_conntrack; head -1 /proc/modules"; head -1 /proc/modules');
    expect(r.stdout).toMatch(/^xt_conntrack 16384 0 - Live 0x0000000000000000\nxt_conntrack 16384 0 - Live 0xffffffffc[0-9a-f]{7}\n$/);
    expect(r.stderr).toBe("modprobe: ERROR: could not insert 'veth': Operation not permitted\nrmmod: ERROR: could not remove module xt_conntrack: Operation not permitted\n");
  });

  it('answers unknown and built-in names as kmod does, and modinfo reads the index', async () => {
    const r = await sh(newMachine(), 'modprobe nosuch; modprobe -r nosuch; rmmod nosuch; rmmod ext4; modprobe ext4; echo "rc=$?"; modinfo -F depends bridge; modinfo -F name ext4; modinfo nosuch; modinfo br_netfilter | sed -n "1p;5p;8p" | sed "s/[0-9][^/]*-esx/R/"');
    expect(r.stdout).toBe('rc=0\nstp,llc\next4\nfilename:       /lib/modules/R/kernel/net/bridge/br_netfilter.ko.xz\ndepends:        bridge\nname:           br_netfilter\n');
    expect(r.stderr.replace(/\/lib\/modules\/\S+/, 'M')).toBe(
      'modprobe: FATAL: Module nosuch not found in directory M\nmodprobe: FATAL: Module nosuch not found.\nrmmod: ERROR: Module nosuch is not currently loaded\nrmmod: ERROR: Module ext4 is builtin.\nmodinfo: ERROR: Module nosuch not found.\n',
    );
  });
});
