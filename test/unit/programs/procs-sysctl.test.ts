// sysctl (procps-ng 4.0) over the files of /proc/sys, and those files themselves: reading,
// writing as root and as nobody, values the kernel refuses, -p/--system loading and -a.
// Messages follow procps-ng 4.0.2 as run on this machine and its sysctl.c.
import { describe, expect, it } from 'vitest';
import { newMachine, sh } from './helpers';

const NOBODY = (cmd: string): string => `su -s /bin/bash nobody -c '${cmd}'`;
const CONF = "printf 'vm.swappiness = 30\\nkernel.ostype=Linux\\n bogus\\n-net.nosuch = 1\\nkernel.printk = 4 4 1 7\\n' > sc.conf; ";

const CASES: [string, string, string, number][] = [
  ['cat /proc/sys/net/ipv4/ip_forward; echo 1 > /proc/sys/net/ipv4/ip_forward; cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/conf/eth0/forwarding', '0\n1\n1\n', '', 0],
  ['echo 1 > /proc/sys/net/ipv4/conf/all/forwarding; sysctl -n net.ipv4.ip_forward', '1\n', '', 0],
  [NOBODY('echo 1 > /proc/sys/net/ipv4/ip_forward'), '', 'bash: line 1: /proc/sys/net/ipv4/ip_forward: Permission denied\n', 1],
  // the kernel parses what is written: not a number, out of range, a read-only file
  ['/usr/bin/printf "abc\\n" > /proc/sys/vm/swappiness; echo 500 | dd of=/proc/sys/vm/swappiness status=none; sysctl -n vm.swappiness',
    '60\n', '/usr/bin/printf: write error: Invalid argument\ndd: error writing \'/proc/sys/vm/swappiness\': Invalid argument\n', 0],
  // (line 2: the test's script starts with umask)
  ['echo x > /proc/sys/kernel/ostype', '', 'bash: line 2: /proc/sys/kernel/ostype: Permission denied\n', 1],
  ['cat /proc/sys/vm/drop_caches; echo 3 > /proc/sys/vm/drop_caches; echo $?', '0\n', 'cat: /proc/sys/vm/drop_caches: Permission denied\n', 0],
  ['echo "1024   2048" > /proc/sys/net/ipv4/ip_local_port_range; cat /proc/sys/net/ipv4/ip_local_port_range; sysctl net.ipv4.ip_local_port_range', '1024\t2048\nnet.ipv4.ip_local_port_range = 1024\t2048\n', '', 0],
  ['sysctl kernel.hostname net/ipv4/ip_forward kernel.printk', 'kernel.hostname = photon-machine\nnet.ipv4.ip_forward = 0\nkernel.printk = 3\t4\t1\t7\n', '', 0],
  ['sysctl -w kernel.hostname=web01; hostname; cat /proc/sys/kernel/hostname', 'kernel.hostname = web01\nweb01\nweb01\n', '', 0],
  ['sysctl net.ipv4.nosuch', '', 'sysctl: cannot stat /proc/sys/net/ipv4/nosuch: No such file or directory\n', 1],
  ['sysctl -w net.ipv4.nosuch=1', '', 'sysctl: cannot stat /proc/sys/net/ipv4/nosuch: No such file or directory\n', 1],
  ['sysctl -e net.nosuch; echo rc=$?', 'rc=0\n', '', 0],
  ['sysctl -w kernel.ostype=x', '', 'sysctl: setting key "kernel.ostype": Operation not permitted\n', 0],
  ['sysctl vm.swappiness=abc', '', 'sysctl: setting key "vm.swappiness": Invalid argument\n', 1],
  ['sysctl -w vm.swappiness', '', 'sysctl: command line(0): invalid syntax, continuing...\n', 1],
  ['sysctl -N vm.swappiness; sysctl -n -N vm.swappiness; sysctl -q vm.swappiness; sysctl -b vm.swappiness; echo', 'vm.swappiness\nvm.swappiness\nvm.swappiness = 60\n60\n', '', 0],
  ['sysctl -qw vm.swappiness=10; sysctl -n vm.swappiness', '10\n', '', 0],
  ['sysctl -p /nonexist', '', 'sysctl: cannot open "/nonexist": No such file or directory\n', 1],
  [CONF + 'sysctl -p sc.conf; echo rc=$?; cat /proc/sys/kernel/printk',
    'vm.swappiness = 30\nkernel.printk = 4 4 1 7\nrc=1\n4\t4\t1\t7\n',
    'sysctl: sc.conf(3): invalid syntax, continuing...\nsysctl: setting key "kernel.ostype": Operation not permitted\nsysctl: cannot stat /proc/sys/net/nosuch: No such file or directory\n', 0],
  ['sysctl vm', 'vm.admin_reserve_kbytes = 8192\nvm.compact_unevictable_allowed = 1\nvm.compaction_proactiveness = 20\nvm.dirty_background_bytes = 0\nvm.dirty_background_ratio = 10\nvm.dirty_bytes = 0\nvm.dirty_expire_centisecs = 3000\nvm.dirty_ratio = 20\nvm.dirty_writeback_centisecs = 500\nvm.dirtytime_expire_seconds = 43200\nvm.extfrag_threshold = 500\nvm.hugetlb_shm_group = 0\nvm.laptop_mode = 0\nvm.legacy_va_layout = 0\nvm.lowmem_reserve_ratio = 256\t256\t32\t0\t0\nvm.max_map_count = 65530\nvm.min_free_kbytes = 45056\nvm.min_slab_ratio = 5\nvm.min_unmapped_ratio = 1\nvm.mmap_min_addr = 4096\nvm.mmap_rnd_bits = 28\nvm.mmap_rnd_compat_bits = 8\nvm.nr_hugepages = 0\nvm.nr_overcommit_hugepages = 0\nvm.numa_stat = 1\nvm.oom_dump_tasks = 1\nvm.oom_kill_allocating_task = 0\nvm.overcommit_kbytes = 0\nvm.overcommit_memory = 0\nvm.overcommit_ratio = 50\nvm.page-cluster = 3\nvm.page_lock_unfairness = 5\nvm.panic_on_oom = 0\nvm.percpu_pagelist_high_fraction = 0\nvm.stat_interval = 1\nvm.swappiness = 60\nvm.unprivileged_userfaultfd = 0\nvm.vfs_cache_pressure = 100\nvm.watermark_boost_factor = 15000\nvm.watermark_scale_factor = 10\nvm.zone_reclaim_mode = 0\n', '', 0],
  ['sysctl -a | head -3; sysctl -a -r "ip_forw|tcp_sync"; sysctl -aN | grep -c .', 'abi.vsyscall32 = 1\ndebug.exception-trace = 1\ndev.tty.ldisc_autoload = 1\nnet.ipv4.ip_forward = 0\nnet.ipv4.tcp_syncookies = 1\n312\n', '', 0],
  [NOBODY('/usr/sbin/sysctl -w vm.swappiness=10'), '', 'sysctl: permission denied on key "vm.swappiness"\n', 1],
  // a refusal below /proc/sys/kernel does not change -a's status (procps ignores subdirectories' results)
  [NOBODY('/usr/sbin/sysctl -a >/dev/null'), '', "sysctl: permission denied on key 'kernel.cad_pid'\n", 0],
  // --system: every file is read (and announced) first, then the settings apply in order; a glob
  // writes each match that no line names, and `-key` keeps one out
  ['mkdir -p /etc/sysctl.d; printf "net.ipv4.conf.*.rp_filter = 2\\n-net.ipv4.conf.all.rp_filter\\nnet.ipv4.tcp_syncookies=0\\n" > /etc/sysctl.d/10-a.conf; echo "vm.swappiness=11" > /etc/sysctl.conf; sysctl --system; sysctl -n net.ipv4.conf.all.rp_filter',
    '* Applying /etc/sysctl.d/10-a.conf ...\n* Applying /etc/sysctl.conf ...\nnet.ipv4.conf.default.rp_filter = 2\nnet.ipv4.conf.eth0.rp_filter = 2\nnet.ipv4.conf.lo.rp_filter = 2\nnet.ipv4.tcp_syncookies = 0\nvm.swappiness = 11\n1\n', '', 0],
  ['sysctl', '', '\nUsage:\n sysctl [options] [variable[=value] ...]\n', 1],
  ['sysctl -N -q vm.swappiness', '', "sysctl: options -N and -q cannot coexist\nTry `sysctl --help' for more information.\n", 1],
  // an unknown option falls into the case of -h (sysctl.c): usage on stdout, status 0
  ['sysctl -Z | head -3', '\nUsage:\n sysctl [options] [variable[=value] ...]\n', "sysctl: invalid option -- 'Z'\n", 0],
];

describe('sysctl and /proc/sys', () => {
  it.each(CASES)('%s', async (cmd, stdout, stderr, exit) => {
    const r = await sh(newMachine(), cmd);
    // the usage text after its first lines is the same help as --help
    const err = stderr.endsWith('[variable[=value] ...]\n') ? r.stderr.slice(0, stderr.length) : r.stderr;
    expect({ stdout: r.stdout, stderr: err, exit: r.exit }).toEqual({ stdout, stderr, exit });
  });

  it('shows the kernel table, which a new kernel starts afresh', async () => {
    const m = newMachine();
    m.kernel.sysctl.write('vm.swappiness', '5\n');
    expect((await sh(m, 'cat /proc/sys/vm/swappiness; sysctl vm.swappiness')).stdout).toBe('5\nvm.swappiness = 5\n');
    expect(newMachine().kernel.sysctl.get('vm.swappiness')).toBe('60');
  });
});
