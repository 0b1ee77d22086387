// The kernel parameters under /proc/sys: one table the procfs files read and write (and
// through them sysctl). Values are what a Photon OS 5.0 VM (linux-esx 6.1, 2 vCPUs, 2 GB)
// has after boot: kernel defaults, systemd's 50-default.conf and 50-pid-max.conf, Photon's
// 50-security-hardening.conf and what the iptables service script sets. A new kernel starts
// from these defaults, so a reboot forgets `sysctl -w` as Linux does.
import { SysError } from '../shared/errno';

/** How a value is parsed when written (proc_dointvec_minmax, proc_dostring). */
type Kind =
  | { t: 'int'; n: number; min?: bigint; max?: bigint }
  | { t: 'str'; max: number; choices?: readonly string[] };

interface Entry {
  mode: number;
  kind: Kind;
  value: string;
}

const I = (min?: number | bigint, max?: number | bigint, n = 1): Kind => ({
  t: 'int', n, min: min === undefined ? undefined : BigInt(min), max: max === undefined ? undefined : BigInt(max),
});
const S = (max = 64, choices?: readonly string[]): Kind => ({ t: 'str', max, choices });
const INT = I(-2147483648, 2147483647);
const ULONG = I(0, 18446744073709551615n);
const BOOL = I(0, 1);
const QDISCS = ['pfifo_fast', 'fq_codel', 'fq', 'pfifo', 'bfifo', 'sfq', 'noqueue', 'cake'];

// key, value (vectors tab-separated), kind, mode
const DEFAULTS: [string, string, Kind, number?][] = [
  ['abi.vsyscall32', '1', I(0, 1)],
  ['debug.exception-trace', '1', INT],
  ['dev.tty.ldisc_autoload', '1', BOOL],
  ['fs.aio-max-nr', '65536', ULONG],
  ['fs.aio-nr', '0', ULONG, 0o444],
  ['fs.file-max', '9223372036854775807', ULONG],
  ['fs.file-nr', '1184\t0\t9223372036854775807', ULONG, 0o444],
  ['fs.inotify.max_queued_events', '16384', I(0)],
  ['fs.inotify.max_user_instances', '128', I(0)],
  ['fs.inotify.max_user_watches', '15735', I(0)],
  ['fs.nr_open', '1073741816', I(64, 1073741816)],
  ['fs.protected_fifos', '1', I(0, 2)],
  ['fs.protected_hardlinks', '1', BOOL],
  ['fs.protected_regular', '1', I(0, 2)],
  ['fs.protected_symlinks', '1', BOOL],
  ['fs.suid_dumpable', '0', I(0, 2)],
  ['kernel.cad_pid', '1', INT, 0o600],
  ['kernel.core_pattern', 'core', S(128)],
  ['kernel.core_uses_pid', '0', INT],
  ['kernel.ctrl-alt-del', '0', INT],
  ['kernel.dmesg_restrict', '1', BOOL],
  ['kernel.domainname', '(none)', S(65)],
  ['kernel.hostname', '', S(65)],
  ['kernel.kptr_restrict', '2', I(0, 2)],
  ['kernel.msgmax', '8192', I(0)],
  ['kernel.msgmnb', '16384', I(0)],
  ['kernel.msgmni', '32000', I(0)],
  ['kernel.ngroups_max', '65536', INT, 0o444],
  ['kernel.osrelease', '', S(), 0o444],
  ['kernel.ostype', 'Linux', S(), 0o444],
  ['kernel.panic', '0', INT],
  ['kernel.panic_on_oops', '0', INT],
  ['kernel.perf_event_paranoid', '2', INT],
  ['kernel.pid_max', '4194304', I(301, 4194304)],
  ['kernel.printk', '3\t4\t1\t7', I(-2147483648, 2147483647, 4)],
  ['kernel.random.entropy_avail', '256', INT, 0o444],
  ['kernel.random.poolsize', '256', INT, 0o444],
  ['kernel.random.uuid', '', S(), 0o444],
  ['kernel.randomize_va_space', '2', INT],
  ['kernel.sched_child_runs_first', '0', INT],
  ['kernel.sem', '32000\t1024000000\t500\t32000', I(0, 2147483647, 4)],
  ['kernel.shmall', '18446744073692774399', ULONG],
  ['kernel.shmmax', '18446744073692774399', ULONG],
  ['kernel.shmmni', '4096', I(0, 32768)],
  ['kernel.sysrq', '0', INT],
  ['kernel.threads-max', '15674', I(20, 1073741824)],
  ['kernel.unprivileged_bpf_disabled', '2', I(0, 2)],
  ['kernel.version', '', S(), 0o444],
  ['kernel.yama.ptrace_scope', '1', I(0, 3)],
  ['net.core.default_qdisc', 'fq_codel', S(16, QDISCS)],
  ['net.core.netdev_max_backlog', '1000', INT],
  ['net.core.rmem_default', '212992', I(4608)],
  ['net.core.rmem_max', '212992', I(4608)],
  ['net.core.somaxconn', '4096', I(0)],
  ['net.core.wmem_default', '212992', I(4608)],
  ['net.core.wmem_max', '212992', I(4608)],
  ...conf('all', { accept_redirects: '0', accept_source_route: '0', log_martians: '1', rp_filter: '1', send_redirects: '0' }),
  ...conf('default', { accept_redirects: '0', accept_source_route: '0', log_martians: '0', rp_filter: '1', send_redirects: '1' }),
  ...conf('eth0', { accept_redirects: '0', accept_source_route: '0', log_martians: '0', rp_filter: '1', send_redirects: '1' }),
  ...conf('lo', { accept_redirects: '1', accept_source_route: '0', log_martians: '0', rp_filter: '0', send_redirects: '1' }),
  ['net.ipv4.icmp_echo_ignore_all', '0', BOOL],
  ['net.ipv4.icmp_echo_ignore_broadcasts', '1', BOOL],
  ['net.ipv4.ip_default_ttl', '64', I(1, 255)],
  ['net.ipv4.ip_dynaddr', '2', INT],
  ['net.ipv4.ip_forward', '0', INT],
  ['net.ipv4.ip_local_port_range', '32768\t60999', I(1, 65535, 2)],
  ['net.ipv4.ip_nonlocal_bind', '0', BOOL],
  ['net.ipv4.ping_group_range', '0\t2147483647', I(0, 2147483647, 2)],
  ['net.ipv4.route.flush', '', INT, 0o200],
  ['net.ipv4.tcp_challenge_ack_limit', '1073741823', INT],
  ['net.ipv4.tcp_congestion_control', 'cubic', S(16, ['cubic', 'reno'])],
  ['net.ipv4.tcp_ecn', '0', I(0, 2)],
  ['net.ipv4.tcp_fin_timeout', '60', INT],
  ['net.ipv4.tcp_keepalive_intvl', '75', I(1, 32767)],
  ['net.ipv4.tcp_keepalive_probes', '9', I(1, 127)],
  ['net.ipv4.tcp_keepalive_time', '7200', I(1, 32767)],
  ['net.ipv4.tcp_max_syn_backlog', '512', INT],
  ['net.ipv4.tcp_syncookies', '1', I(0, 2)],
  ...['all', 'default', 'eth0', 'lo'].flatMap((d): [string, string, Kind][] => [
    [`net.ipv6.conf.${d}.disable_ipv6`, '0', INT], [`net.ipv6.conf.${d}.forwarding`, '0', INT],
  ]),
  ['user.max_user_namespaces', '15674', I(0, 2147483647)],
  // the vm defaults of a 6.1 x86_64 kernel with 2 GiB (not the NUMA-only ones)
  ['vm.admin_reserve_kbytes', '8192', ULONG],
  ['vm.compact_unevictable_allowed', '1', I(0, 1)],
  ['vm.compaction_proactiveness', '20', I(0, 100)],
  ['vm.dirty_background_bytes', '0', ULONG],
  ['vm.dirty_bytes', '0', ULONG],
  ['vm.dirty_expire_centisecs', '3000', I(0)],
  ['vm.dirty_writeback_centisecs', '500', I(0)],
  ['vm.dirtytime_expire_seconds', '43200', I(0)],
  ['vm.extfrag_threshold', '500', I(-1000, 1000)],
  ['vm.hugetlb_shm_group', '0', INT],
  ['vm.laptop_mode', '0', INT],
  ['vm.legacy_va_layout', '0', I(0)],
  ['vm.lowmem_reserve_ratio', '256\t256\t32\t0\t0', I(0, 2147483647, 5)],
  ['vm.mmap_rnd_bits', '28', I(28, 32)],
  ['vm.mmap_rnd_compat_bits', '8', I(8, 16)],
  ['vm.nr_hugepages', '0', ULONG],
  ['vm.nr_overcommit_hugepages', '0', ULONG],
  ['vm.oom_dump_tasks', '1', I(0, 1)],
  ['vm.oom_kill_allocating_task', '0', INT],
  ['vm.overcommit_kbytes', '0', ULONG],
  ['vm.page-cluster', '3', I(0, 31)],
  ['vm.page_lock_unfairness', '5', I(0)],
  ['vm.percpu_pagelist_high_fraction', '0', I(0)],
  ['vm.stat_interval', '1', INT],
  ['vm.unprivileged_userfaultfd', '0', I(0, 1)],
  ['vm.watermark_boost_factor', '15000', I(0)],
  ['vm.watermark_scale_factor', '10', I(1, 3000)],
  ['vm.dirty_background_ratio', '10', I(0, 100)],
  ['vm.dirty_ratio', '20', I(0, 100)],
  ['vm.drop_caches', '0', I(1, 4), 0o200],
  ['vm.max_map_count', '65530', I(0)],
  ['vm.min_free_kbytes', '45056', I(0)],
  ['vm.overcommit_memory', '0', I(0, 2)],
  ['vm.overcommit_ratio', '50', INT],
  ['vm.panic_on_oom', '0', I(0, 2)],
  ['vm.swappiness', '60', I(0, 200)],
  ['vm.vfs_cache_pressure', '100', I(0)],
  // more of a 6.1 kernel's settings with their defaults ("key=value", commas for vectors)
  ...ints('net.ipv4.', 'icmp_ignore_bogus_error_responses=1 icmp_ratelimit=1000 icmp_ratemask=6168 ip_no_pmtu_disc=0 ip_unprivileged_port_start=1024 '
    + 'ipfrag_high_thresh=4194304 ipfrag_low_thresh=3145728 ipfrag_time=30 tcp_abort_on_overflow=0 tcp_adv_win_scale=1 tcp_autocorking=1 tcp_base_mss=1024 '
    + 'tcp_dsack=1 tcp_early_retrans=3 tcp_fastopen=1 tcp_frto=2 tcp_min_snd_mss=48 tcp_moderate_rcvbuf=1 tcp_mtu_probing=0 tcp_no_metrics_save=0 '
    + 'tcp_notsent_lowat=4294967295 tcp_orphan_retries=0 tcp_reordering=3 tcp_retries1=3 tcp_retries2=15 tcp_rfc1337=0 tcp_rmem=4096,131072,6291456 '
    + 'tcp_sack=1 tcp_slow_start_after_idle=1 tcp_syn_retries=6 tcp_synack_retries=5 tcp_thin_linear_timeouts=0 tcp_timestamps=1 tcp_tw_reuse=2 '
    + 'tcp_window_scaling=1 tcp_wmem=4096,16384,4194304 udp_rmem_min=4096 udp_wmem_min=4096'),
  ['net.ipv4.tcp_allowed_congestion_control', 'reno cubic', S(), 0o644],
  ['net.ipv4.tcp_available_congestion_control', 'reno cubic', S(), 0o444],
  ...['all', 'default', 'eth0', 'lo'].flatMap((d) => [
    ...ints(`net.ipv4.conf.${d}.`, 'accept_local=0 arp_announce=0 arp_filter=0 arp_ignore=0 bootp_relay=0 proxy_arp=0 route_localnet=0 secure_redirects=1 shared_media=1'),
    ...ints(`net.ipv6.conf.${d}.`, `accept_ra=1 accept_redirects=1 autoconf=1 hop_limit=64 mtu=${d === 'lo' ? 65536 : d === 'eth0' ? 1500 : 1280} use_tempaddr=0`),
  ]),
  ...ints('net.ipv6.', 'bindv6only=0'),
  ...ints('net.core.', 'bpf_jit_enable=1 busy_poll=0 busy_read=0 dev_weight=64 message_burst=10 message_cost=5 netdev_budget=300'),
  ...ints('net.unix.', 'max_dgram_qlen=10'),
  ...ints('kernel.', 'acct=4,2,30 auto_msgmni=0 cap_last_cap=40 core_pipe_limit=0 hung_task_timeout_secs=120 kexec_load_disabled=0 keys.gc_delay=300 '
    + 'keys.maxbytes=20000 keys.maxkeys=200 keys.root_maxbytes=25000000 keys.root_maxkeys=1000000 max_lock_depth=1024 modules_disabled=0 '
    + 'overflowgid=65534 overflowuid=65534 panic_on_warn=0 perf_cpu_time_max_percent=25 perf_event_max_sample_rate=100000 perf_event_max_stack=127 '
    + 'perf_event_mlock_kb=516 print-fatal-signals=0 printk_delay=0 printk_ratelimit=5 printk_ratelimit_burst=10 pty.max=4096 pty.nr=0 pty.reserve=1024 '
    + 'random.urandom_min_reseed_secs=60 random.write_wakeup_threshold=256 sched_autogroup_enabled=1 sched_rr_timeslice_ms=100 sched_rt_period_us=1000000 '
    + 'sched_rt_runtime_us=950000 shm_rmid_forced=0 softlockup_panic=0 sysctl_writes_strict=1 tainted=0 watchdog=1 watchdog_thresh=10'),
  ['kernel.arch', 'x86_64', S(), 0o444],
  ['kernel.modprobe', '/sbin/modprobe', S(256)],
  ['kernel.poweroff_cmd', '/sbin/poweroff', S(256)],
  ['kernel.printk_devkmsg', 'ratelimit', S(10, ['on', 'off', 'ratelimit'])],
  ...ints('fs.', 'dir-notify-enable=1 lease-break-time=45 leases-enable=1 mqueue.msg_default=10 mqueue.msg_max=10 mqueue.msgsize_default=8192 '
    + 'mqueue.msgsize_max=8192 mqueue.queues_max=256 overflowgid=65534 overflowuid=65534 pipe-max-size=1048576 pipe-user-pages-hard=0 pipe-user-pages-soft=16384'),
  ...ints('vm.', 'min_slab_ratio=5 min_unmapped_ratio=1 mmap_min_addr=4096 numa_stat=1 zone_reclaim_mode=0'),
];

/** Integer settings under `prefix`, from "name=value" words (commas part a vector's values). */
function ints(prefix: string, spec: string): [string, string, Kind][] {
  return spec.split(' ').map((w) => {
    const [name, value] = w.split('=') as [string, string];
    const v = value.split(',');
    return [prefix + name, v.join('\t'), v.length > 1 ? I(-2147483648, 2147483647, v.length) : /^\d{10,}$/.test(value) ? ULONG : INT];
  });
}

function conf(dev: string, v: Record<string, string>): [string, string, Kind][] {
  const p = `net.ipv4.conf.${dev}`;
  return [
    [`${p}.accept_redirects`, v.accept_redirects!, INT], [`${p}.accept_source_route`, v.accept_source_route!, INT],
    [`${p}.forwarding`, '0', INT], [`${p}.log_martians`, v.log_martians!, INT], [`${p}.rp_filter`, v.rp_filter!, I(0, 2)],
    [`${p}.send_redirects`, v.send_redirects!, INT],
  ];
}

/** What the table reads from the rest of the kernel. */
export interface SysctlHost {
  identity: { hostname: string; release: string; version: string };
  /** A random 32-bit number (kernel.random.uuid). */
  random(): number;
}

export class SysctlTable {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly host: SysctlHost) {
    for (const [key, value, kind, mode] of DEFAULTS) this.entries.set(key, { value, kind, mode: mode ?? 0o644 });
  }

  /** Keys a module brings (br_netfilter's bridge switches): integers 0..1, mode 0644. */
  addInts(list: readonly [string, string][]): void {
    for (const [key, value] of list) this.entries.set(key, { value, kind: BOOL, mode: 0o644 });
    this.index = undefined;
  }

  /** Keys that go with their module. */
  removeKeys(keys: readonly string[]): void {
    for (const key of keys) this.entries.delete(key);
    this.index = undefined;
  }

  /** Every key, dotted. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** Names directly under a directory (dotted prefix, '' for /proc/sys), sorted as procfs lists them. */
  children(prefix: string): string[] {
    return this.tree().get(prefix) ?? [];
  }

  /** Directory -> sorted child names, built again after a module adds or removes keys. */
  private index: Map<string, string[]> | undefined;
  private tree(): Map<string, string[]> {
    if (this.index) return this.index;
    const sets = new Map<string, Set<string>>();
    for (const key of this.entries.keys()) {
      const parts = key.split('.');
      for (let i = 0; i < parts.length; i++) {
        const dir = parts.slice(0, i).join('.');
        let set = sets.get(dir);
        if (!set) sets.set(dir, (set = new Set()));
        set.add(parts[i]!);
      }
    }
    this.index = new Map([...sets].map(([d, set]) => [d, [...set].sort()]));
    return this.index;
  }

  isDir(prefix: string): boolean {
    return !this.entries.has(prefix) && this.tree().has(prefix);
  }

  mode(key: string): number | undefined {
    return this.entries.get(key)?.mode;
  }

  /** net.* values of the other network namespaces (a new one starts from the defaults). */
  private readonly perNetns = new Map<number, Map<string, string>>();

  private netValues(key: string, netns: number): Map<string, string> | undefined {
    if (!netns || !key.startsWith('net.')) return undefined;
    let m = this.perNetns.get(netns);
    if (!m) this.perNetns.set(netns, (m = new Map(DEFAULTS.filter(([k]) => k.startsWith('net.')).map(([k, v]) => [k, v]))));
    return m;
  }

  /** The value as the file reads, without its newline; undefined for an unknown key. */
  get(key: string, netns = 0): string | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    const ns = this.netValues(key, netns);
    if (ns) return ns.get(key) ?? e.value;
    switch (key) {
      case 'kernel.hostname': return this.host.identity.hostname;
      case 'kernel.osrelease': return this.host.identity.release;
      case 'kernel.version': return this.host.identity.version;
      case 'kernel.random.uuid': return this.uuid();
      default: return e.value;
    }
  }

  /** A write(2) of `text` to the key's file: parsed as the kernel's handler does, EINVAL when it does not parse. */
  write(key: string, text: string, netns = 0): void {
    const e = this.entries.get(key);
    if (!e) throw new SysError('ENOENT', 'write');
    const ns = this.netValues(key, netns);
    const old = ns ? (ns.get(key) ?? e.value) : e.value;
    const value = e.kind.t === 'int' ? parseInts(text, e.kind, old) : parseString(text, e.kind);
    if (key === 'net.ipv4.ip_local_port_range') {
      const [lo, hi] = value.split('\t').map(Number);
      if (hi! < lo!) throw new SysError('EINVAL', 'write');
    }
    if (key === 'kernel.hostname') this.host.identity.hostname = value;
    const set = (k2: string, e2: Entry): unknown => (ns ? ns.set(k2, value) : (e2.value = value));
    set(key, e);
    // ip_forward and conf.all.forwarding are one switch that every interface follows
    if (key === 'net.ipv4.ip_forward' || key === 'net.ipv4.conf.all.forwarding') {
      for (const [k2, e2] of this.entries) if (k2 === 'net.ipv4.ip_forward' || /^net\.ipv4\.conf\.[^.]+\.forwarding$/.test(k2)) set(k2, e2);
    }
  }

  private uuid(): string {
    const hex = Array.from({ length: 4 }, () => (this.host.random() >>> 0).toString(16).padStart(8, '0')).join('');
    const v = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17)}`;
    return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
  }
}

/** proc_dointvec_minmax: integers (C base prefixes allowed) separated by blanks; fewer than the vector keeps the rest. */
function parseInts(text: string, kind: Extract<Kind, { t: 'int' }>, old: string): string {
  // values beyond the vector's length are left unread, as the kernel does
  const words = text.split(/[ \t\n]+/).filter((w) => w !== '').slice(0, kind.n);
  if (words.length === 0) throw new SysError('EINVAL', 'write');
  const out = old.split('\t');
  words.forEach((w, i) => {
    const m = /^(-?)(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/i.exec(w);
    if (!m) throw new SysError('EINVAL', 'write');
    const digits = m[2]!;
    const abs = /^0x/i.test(digits) ? BigInt(digits) : digits.length > 1 && digits.startsWith('0') ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
    const v = m[1] ? -abs : abs;
    if ((kind.min !== undefined && v < kind.min) || (kind.max !== undefined && v > kind.max)) throw new SysError('EINVAL', 'write');
    out[i] = String(v);
  });
  return out.join('\t');
}

/** proc_dostring: the text up to its first newline, cut at the buffer size. */
function parseString(text: string, kind: Extract<Kind, { t: 'str' }>): string {
  const value = text.split('\n')[0]!.slice(0, kind.max - 1);
  // a congestion control or qdisc the kernel does not have cannot be selected
  if (kind.choices && !kind.choices.includes(value)) throw new SysError('ENOENT', 'write');
  return value;
}
