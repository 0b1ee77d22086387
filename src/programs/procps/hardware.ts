// lscpu and lsblk (util-linux 2.38) for Photon's VM: the CPUs of /proc/cpuinfo under VMware
// and a 16 GiB disk sda (BIOS boot, EFI and root partitions).
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { cpuCount, cpuInfo } from './meminfo';
import { humanSize } from '../util-linux/human-size';
import { lsblkPrint, type LsblkNode } from '../util-linux/lsblk-output';
import { CDROM, DISK, PARTITIONS, SECTOR, type Partition } from '../../shared/block-devices';

export const lscpu = defineProgram({
  name: 'lscpu',
  installPath: '/usr/bin/lscpu',
  pkg: 'util-linux',
  async main(ctx) {
    const args = ctx.argv.slice(1);
    if (args.includes('-V') || args.includes('--version')) return ctx.print('lscpu from util-linux 2.38\n').then(() => 0);
    const bad = args.find((a) => !['-e', '-p', '-x', '-y', '-b', '-a', '-B', '-C', '-J', '--json', '-h', '--help'].includes(a) && a.startsWith('-'));
    if (bad) {
      await ctx.err.write(`lscpu: ${bad.startsWith('--') ? `unrecognized option '${bad}'` : `invalid option -- '${bad.slice(1, 2)}'`}\nTry 'lscpu --help' for more information.\n`);
      return 1;
    }
    if (args.includes('-h') || args.includes('--help')) {
      await ctx.print('\nUsage:\n lscpu [options]\n\nDisplay information about the CPU architecture.\n\nFor more details see lscpu(1).\n');
      return 0;
    }
    const sys = ctx.sys;
    const info = await cpuInfo(sys);
    const n = await cpuCount(sys);
    const list = n > 1 ? `0-${n - 1}` : '0';
    const online = n === 2 ? '0,1' : list;
    if (args.includes('-e')) {
      let out = 'CPU NODE SOCKET CORE L1d:L1i:L2:L3 ONLINE\n';
      for (let i = 0; i < n; i++) out += `${String(i).padStart(3)}    0      0 ${String(i).padStart(4)} ${`${i}:${i}:${i}:0`.padEnd(14)} ${'yes'.padStart(6)}\n`;
      return ctx.print(out).then(() => 0);
    }
    const rows: [string, string][] = [
      ['Architecture:', 'x86_64'],
      ['CPU op-mode(s):', '32-bit, 64-bit'],
      ['Address sizes:', info.get('address sizes') ?? '45 bits physical, 48 bits virtual'],
      ['Byte Order:', 'Little Endian'],
      ['CPU(s):', String(n)],
      ['On-line CPU(s) list:', online],
      ['Vendor ID:', info.get('vendor_id') ?? 'GenuineIntel'],
      ['Model name:', info.get('model name') ?? 'Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz'],
      ['CPU family:', info.get('cpu family') ?? '6'],
      ['Model:', info.get('model') ?? '85'],
      ['Thread(s) per core:', '1'],
      ['Core(s) per socket:', String(n)],
      ['Socket(s):', '1'],
      ['Stepping:', info.get('stepping') ?? '7'],
      ['BogoMIPS:', info.get('bogomips') ?? '4190.15'],
      ['Flags:', info.get('flags') ?? ''],
      ['Hypervisor vendor:', 'VMware'],
      ['Virtualization type:', 'full'],
      ['L1d cache:', `${32 * n} KiB (${n} instances)`],
      ['L1i cache:', `${32 * n} KiB (${n} instances)`],
      ['L2 cache:', `${n} MiB (${n} instances)`],
      ['L3 cache:', '27.5 MiB (1 instance)'],
      ['NUMA node(s):', '1'],
      ['NUMA node0 CPU(s):', online],
      ['Vulnerability Gather data sampling:', 'Unknown: Dependent on hypervisor status'],
      ['Vulnerability Itlb multihit:', 'KVM: Mitigation: VMX unsupported'],
      ['Vulnerability L1tf:', 'Not affected'],
      ['Vulnerability Mds:', 'Not affected'],
      ['Vulnerability Meltdown:', 'Not affected'],
      ['Vulnerability Mmio stale data:', 'Mitigation; Clear CPU buffers; SMT Host state unknown'],
      ['Vulnerability Reg file data sampling:', 'Not affected'],
      ['Vulnerability Retbleed:', 'Mitigation; Enhanced IBRS'],
      ['Vulnerability Spec rstack overflow:', 'Not affected'],
      ['Vulnerability Spec store bypass:', 'Mitigation; Speculative Store Bypass disabled via prctl'],
      ['Vulnerability Spectre v1:', 'Mitigation; usercopy/swapgs barriers and __user pointer sanitization'],
      ['Vulnerability Spectre v2:', 'Mitigation; Enhanced IBRS, IBPB conditional, RSB filling, PBRSB-eIBRS SW sequence'],
      ['Vulnerability Srbds:', 'Not affected'],
      ['Vulnerability Tsx async abort:', 'Not affected'],
    ];
    const w = Math.max(...rows.map(([k]) => k.length)) + 1;
    await ctx.print(rows.map(([k, v]) => `${k.padEnd(w)}${v}\n`).join(''));
    return 0;
  },
});

interface Dev {
  name: string; majmin: string; rm: string; size: number; ro: string; type: string;
  fstype: string; fsver: string; label: string; uuid: string; children?: Dev[];
}

/** The block devices of shared/block-devices.ts as lsblk lists them. */
function disks(): Dev[] {
  const part = (p: Partition): Dev => ({
    name: p.name, majmin: `8:${p.minor}`, rm: '0', size: (p.end - p.start + 1) * SECTOR, ro: '0', type: 'part',
    fstype: p.fstype ?? '', fsver: p.fsver ?? '', label: '', uuid: p.uuid ?? '',
  });
  return [
    { name: DISK.name, majmin: '8:0', rm: '0', size: DISK.sectors * SECTOR, ro: '0', type: 'disk', fstype: '', fsver: '', label: '', uuid: '', children: PARTITIONS.map(part) },
    { name: CDROM.name, majmin: `${CDROM.major}:${CDROM.minor}`, rm: '1', size: CDROM.bytes, ro: '0', type: 'rom', fstype: '', fsver: '', label: '', uuid: '' },
  ];
}

/** The columns lsblk 2.38 knows (-o, -x and -E take them in any case). */
const LSBLK_COLUMNS = new Set(('ALIGNMENT DISC-ALN DAX DISC-GRAN DISC-MAX DISC-ZERO FSAVAIL FSROOTS FSSIZE FSTYPE FSUSED FSUSE% FSVER GROUP ' +
  'HCTL HOTPLUG KNAME LABEL LOG-SEC MAJ:MIN MIN-IO MODE MODEL NAME OPT-IO OWNER PARTFLAGS PARTLABEL PARTTYPE PARTTYPENAME PARTUUID PATH ' +
  'PHY-SEC PKNAME PTTYPE PTUUID RA RAND REV RM RO ROTA RQ-SIZE SCHED SERIAL SIZE START STATE SUBSYSTEMS MOUNTPOINT MOUNTPOINTS TRAN TYPE ' +
  'UUID VENDOR WSAME WWN ZONED ZONE-SZ ZONE-WGRAN ZONE-APP ZONE-NR ZONE-OMAX ZONE-AMAX').split(' '));

export const lsblk = defineProgram({
  name: 'lsblk',
  installPath: '/usr/bin/lsblk',
  pkg: 'util-linux',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'a', short: 'a', long: 'all' }, { key: 'b', short: 'b', long: 'bytes' }, { key: 'd', short: 'd', long: 'nodeps' },
        { key: 'f', short: 'f', long: 'fs' }, { key: 'l', short: 'l', long: 'list' }, { key: 'n', short: 'n', long: 'noheadings' },
        { key: 'o', short: 'o', long: 'output', arg: 'required' }, { key: 'p', short: 'p', long: 'paths' },
        { key: 'P', short: 'P', long: 'pairs' }, { key: 'r', short: 'r', long: 'raw' }, { key: 'h', short: 'h', long: 'help' },
        { key: 'V', short: 'V', long: 'version' }, { key: 'A', short: 'A', long: 'noempty' }, { key: 'D', short: 'D', long: 'discard' },
        { key: 'E', short: 'E', long: 'dedup', arg: 'required' }, { key: 'I', short: 'I', long: 'include', arg: 'required' },
        { key: 'J', short: 'J', long: 'json' }, { key: 'M', short: 'M', long: 'merge' }, { key: 'O', short: 'O', long: 'output-all' },
        { key: 'S', short: 'S', long: 'scsi' }, { key: 'T', short: 'T', long: 'tree', arg: 'optional' },
        { key: 'e', short: 'e', long: 'exclude', arg: 'required' }, { key: 'i', short: 'i', long: 'ascii' },
        { key: 'm', short: 'm', long: 'perms' }, { key: 's', short: 's', long: 'inverse' }, { key: 't', short: 't', long: 'topology' },
        { key: 'w', short: 'w', long: 'width', arg: 'required' }, { key: 'x', short: 'x', long: 'sort', arg: 'required' },
        { key: 'y', short: 'y', long: 'shell' }, { key: 'z', short: 'z', long: 'zoned' }, { key: 'sysroot', long: 'sysroot', arg: 'required' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`lsblk: ${e.message}\nTry 'lsblk --help' for more information.\n`);
      return 1;
    }
    // the checks lsblk makes while it reads its options, in their order
    const seen = new Set<string>();
    for (const { key, value } of p.order) {
      const v = value ?? '';
      for (const group of [['J', 'P', 'r'], ['P', 'T', 'l', 'r']]) {
        const other = group.find((g) => g !== key && seen.has(g));
        if (group.includes(key) && other) {
          const names: Record<string, string> = { J: '--json', P: '--pairs', r: '--raw', T: '--tree', l: '--list' };
          await ctx.err.write(`lsblk: mutually exclusive arguments: ${group.map((g) => names[g]).join(' ')}\n`);
          return 1;
        }
      }
      seen.add(key);
      if (key === 'o') {
        const bad = v.replace(/^\+/, '').split(',').find((c) => c !== '' && !LSBLK_COLUMNS.has(c.toUpperCase()));
        if (bad !== undefined) return ctx.err.write(`lsblk: unknown column: ${bad}\n`).then(() => 1);
      } else if ((key === 'x' || key === 'E') && !LSBLK_COLUMNS.has(v.toUpperCase())) {
        return ctx.err.write(`lsblk: unknown column: ${v}\nTry 'lsblk --help' for more information.\n`).then(() => 1);
      } else if (key === 'w' && !/^\s*[+-]?\d+$/.test(v)) {
        return ctx.err.write(`lsblk: invalid output width number argument: '${v}'\n`).then(() => 1);
      } else if ((key === 'e' || key === 'I') && !/^\d+(,\d+)*$/.test(v)) {
        return ctx.err.write(`lsblk: failed to parse list '${v}'\n`).then(() => 1);
      }
    }
    if (p.flags.has('V')) return ctx.print('lsblk from util-linux 2.38\n').then(() => 0);
    if (p.flags.has('h')) return ctx.print('\nUsage:\n lsblk [options] [<device> ...]\n\nList information about block devices.\n\nFor more details see lsblk(8).\n').then(() => 0);
    const mounts = new Map(ctx.sys.mounts().map((m) => [m.source, m.target]));
    const usage = new Map(ctx.sys.mounts().map((m) => [m.source, m]));
    const defaults = p.flags.has('f') ? ['NAME', 'FSTYPE', 'FSVER', 'LABEL', 'UUID', 'FSAVAIL', 'FSUSE%', 'MOUNTPOINTS'] : ['NAME', 'MAJ:MIN', 'RM', 'SIZE', 'RO', 'TYPE', 'MOUNTPOINTS'];
    // -o LIST replaces the columns, -o +LIST adds to them
    const outarg = p.values.get('o')?.at(-1)?.toUpperCase();
    const cols = outarg === undefined ? defaults : outarg.startsWith('+') ? [...defaults, ...outarg.slice(1).split(',')] : outarg.split(',');
    const size = (b: number): string => (p.flags.has('b') ? String(b) : humanSize(b, true));
    const roots: LsblkNode[] = [];
    const node = (d: Dev): LsblkNode => {
      const path = `/dev/${d.name}`;
      const u = usage.get(path);
      const cells: Record<string, string> = {
        NAME: p.flags.has('p') ? path : d.name, KNAME: d.name, PATH: path, 'MAJ:MIN': d.majmin, RM: d.rm, SIZE: size(d.size), RO: d.ro, TYPE: d.type,
        MOUNTPOINT: mounts.get(path) ?? '', MOUNTPOINTS: mounts.get(path) ?? '', FSTYPE: d.fstype, FSVER: d.fsver, LABEL: d.label, UUID: d.uuid,
        FSAVAIL: u ? size(u.freeBlocks * u.blockSize) : '', 'FSUSE%': u ? `${Math.round((u.usedBlocks * 100) / u.totalBlocks)}%` : '',
        FSSIZE: u ? size(u.totalBlocks * u.blockSize) : '', FSUSED: u ? size(u.usedBlocks * u.blockSize) : '',
        MODEL: d.type === 'disk' ? 'Virtual disk' : '', VENDOR: d.type === 'disk' ? 'VMware  ' : '',
      };
      const bytes: Record<string, number> = { SIZE: d.size, ...(u ? { FSAVAIL: u.freeBlocks * u.blockSize, FSSIZE: u.totalBlocks * u.blockSize, FSUSED: u.usedBlocks * u.blockSize } : {}) };
      return { cells, bytes, kids: p.flags.has('d') ? [] : (d.children ?? []).map(node) };
    };
    const walk = (d: Dev): void => {
      roots.push(node(d));
    };
    // a device is named by its path; a bare name is a file in the working directory
    const wanted = p.operands.map((o) => (o.startsWith('/dev/') ? o.slice(5) : `./${o}`));
    for (const d of disks()) {
      if (wanted.length) {
        const found = [d, ...(d.children ?? [])].find((x) => wanted.includes(x.name));
        if (found) walk(found);
        continue;
      }
      walk(d);
    }
    for (const [i, w] of wanted.entries()) {
      if (![...disks(), ...disks().flatMap((d) => d.children ?? [])].some((d) => d.name === w)) {
        // named as it was given
        await ctx.err.write(`lsblk: ${p.operands[i]!}: not a block device\n`);
        return 32;
      }
    }
    const sort = p.values.get('x')?.at(-1)?.toUpperCase();
    const flat = p.flags.has('l') || p.flags.has('r') || p.flags.has('P') || sort !== undefined;
    await ctx.print(lsblkPrint(roots, { cols, tree: !flat, raw: p.flags.has('r'), pairs: p.flags.has('P'), json: p.flags.has('J'), noheadings: p.flags.has('n'), bytes: p.flags.has('b'), ...(sort !== undefined ? { sort } : {}) }));
    return 0;
  },
});

