// The kernel's loaded modules: what /proc/modules lists (newest first) and what modprobe,
// insmod and rmmod change through the 'kmod' service. A module loads once the modules it
// depends on are in; each dependency then counts it as a user, and a module with users (or
// that the kernel itself uses) cannot be removed. Loading br_netfilter makes the bridge's
// netfilter switches appear under /proc/sys/net/bridge, as the real module registers them.
import { SysError } from '../shared/errno';
import type { Caller } from '../shared/sys';
import type { ModuleInfo } from '../shared/kernel-modules';
import type { SysctlTable } from './sysctl-table';

type Index = { byName: ReadonlyMap<string, ModuleInfo>; builtin: ReadonlySet<string> };

/**
 * What the esx kernel loads while booting (udev for the VM's devices, the firewall service), in
 * load order, with sizes and dependencies: the module index itself (shared/kernel-modules.ts)
 * loads when a module is first loaded or removed, not on the way to the first prompt.
 */
const BOOT: readonly [string, number, readonly string[]][] = [
  ['vmxnet3', 69632, []], ['vmw_pvscsi', 28672, []], ['vmw_vmci', 94208, []], ['vmw_balloon', 28672, ['vmw_vmci']],
  ['nfnetlink', 20480, []], ['nf_tables', 299008, ['nfnetlink']], ['nf_defrag_ipv4', 16384, []], ['nf_defrag_ipv6', 24576, []],
  ['nf_conntrack', 172032, ['nf_defrag_ipv6', 'nf_defrag_ipv4']], ['nft_compat', 20480, ['nf_tables', 'nfnetlink']], ['xt_conntrack', 16384, ['nf_conntrack']],
];

/** A module name as the kernel keeps it: dashes become underscores. */
const moduleName = (name: string): string => name.replace(/-/g, '_');

interface Loaded {
  name: string;
  size: number;
  /** modules that depend on this one, newest first */
  users: string[];
  /** where the kernel reports it in memory (root reads it; others see zeros) */
  address: number;
}

export type ModuleRequest =
  | { op: 'list' }
  | { op: 'load'; name: string }
  | { op: 'unload'; name: string };

export interface ModuleEntry {
  name: string;
  size: number;
  users: string[];
}

/** The switches br_netfilter registers, with the kernel's defaults. */
const BRIDGE_SYSCTLS: [string, string][] = [
  ['net.bridge.bridge-nf-call-arptables', '1'], ['net.bridge.bridge-nf-call-ip6tables', '1'], ['net.bridge.bridge-nf-call-iptables', '1'],
  ['net.bridge.bridge-nf-filter-pppoe-tagged', '0'], ['net.bridge.bridge-nf-filter-vlan-tagged', '0'], ['net.bridge.bridge-nf-pass-vlan-input-dev', '0'],
];

export class KernelModules {
  /** newest first, as /proc/modules lists them */
  private readonly loaded: Loaded[] = [];
  private nextAddress = 0xffffffffc0000000;
  private index: Index | undefined;
  private indexLoad: Promise<void> | undefined;

  constructor(private readonly sysctl: SysctlTable) {
    for (const [name, size, depends] of BOOT) this.insert(name, size, depends);
  }

  /** Loads the module index (once); load() and unload() need it. */
  ready(): Promise<void> {
    return (this.indexLoad ??= import('../shared/kernel-modules').then((m) => {
      this.index = { byName: m.MODULE_BY_NAME, builtin: m.BUILTIN_MODULES };
    }));
  }

  private need(): Index {
    if (!this.index) throw new Error('the module index is not loaded (await ready() first)');
    return this.index;
  }

  has(name: string): boolean {
    return this.loaded.some((m) => m.name === moduleName(name));
  }

  list(): ModuleEntry[] {
    return this.loaded.map((m) => ({ name: m.name, size: m.size, users: [...m.users] }));
  }

  /** /proc/modules: `name size refcount users, state address` (users `-` when none). */
  procText(root: boolean): string {
    return this.loaded
      .map((m) => `${m.name} ${m.size} ${m.users.length} ${m.users.length ? m.users.map((u) => `${u},`).join('') : '-'} Live 0x${(root ? m.address : 0).toString(16).padStart(16, '0')}\n`)
      .join('');
  }

  handle(caller: Caller, req: ModuleRequest): ModuleEntry[] | { loaded: string[] } | { removed: string } {
    if (req.op === 'list') return this.list();
    // init_module/delete_module need CAP_SYS_MODULE
    if (caller.euid !== 0) throw new SysError('EPERM', req.op === 'load' ? 'init_module' : 'delete_module');
    return req.op === 'load' ? { loaded: this.load(req.name) } : { removed: this.unload(req.name) };
  }

  /** Loads a module and what it needs (modprobe); returns the names newly loaded. ENOENT: no such module. */
  load(raw: string): string[] {
    const { byName, builtin } = this.need();
    const name = moduleName(raw);
    if (builtin.has(name)) return [];
    if (!byName.has(name)) throw new SysError('ENOENT', 'init_module');
    const added: string[] = [];
    const visit = (n: string): void => {
      if (this.has(n)) return;
      const info = byName.get(n)!;
      for (const d of info.depends) visit(d);
      this.insert(n, info.size, info.depends);
      added.push(n);
    };
    visit(name);
    return added;
  }

  /** Removes one module (rmmod, modprobe -r): ENOENT when not loaded, EBUSY while others use it. */
  unload(raw: string): string {
    const name = moduleName(raw);
    const i = this.loaded.findIndex((m) => m.name === name);
    if (i < 0) throw new SysError('ENOENT', 'delete_module');
    const m = this.loaded[i]!;
    if (m.users.length) throw new SysError('EBUSY', 'delete_module');
    this.loaded.splice(i, 1);
    for (const dep of this.loaded) dep.users = dep.users.filter((u) => u !== name);
    if (name === 'br_netfilter') this.sysctl.removeKeys(BRIDGE_SYSCTLS.map(([k]) => k));
    return name;
  }

  /** The modules that hold `name` (rmmod's "in use by" list). */
  usersOf(name: string): string[] {
    return this.loaded.find((m) => m.name === moduleName(name))?.users ?? [];
  }

  private insert(name: string, size: number, depends: readonly string[]): void {
    for (const d of depends) this.loaded.find((m) => m.name === d)?.users.unshift(name);
    this.loaded.unshift({ name, size, users: [], address: this.nextAddress });
    this.nextAddress += Math.ceil(size / 4096) * 4096 + 0x2000;
    if (name === 'br_netfilter') this.sysctl.addInts(BRIDGE_SYSCTLS);
  }
}
