// Fuzzing the snapshot importer: an exported machine file (and a set of machines, and the
// browser store's unpacked frame) damaged by bit flips, truncation, wrong and huge declared
// lengths, wrong format numbers, gzip bombs, and by edits to the header that keep it valid JSON
// (types changed, fields deleted, references out of range, directories that contain themselves,
// entries with impossible names). decodeFile must refuse it with a SnapshotError that names the
// problem, or give snapshots that restore a working machine: one that boots, answers commands
// without a JavaScript error, and never blocks, hangs or takes unbounded memory.
import { createGzip, gzipSync } from 'node:zlib';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { retire, Workspace } from '../../src/host/workspace';
import { database } from '../../src/persist/db';
import { MachineStore } from '../../src/persist/machine-store';
import { Machine } from '../../src/kernel/machine';
import { decodeFile, encodeFrame, encodeSet, encodeSnapshot, MAX_UNPACKED, SnapshotError } from '../../src/kernel/snapshot/codec';
import { captureMachine, restoreSource } from '../../src/kernel/snapshot/machine-io';
import type { MachineSnapshot } from '../../src/kernel/snapshot/types';
import { knownBug } from './known';
import { caseSeed, count, describeError, Gen, leaks, LoopWatch, newReport, within, type RunOptions, type TargetReport } from './lib';
import { mutateBytes, mutateTree, replacement, type Json } from './mutate';
import { instrumentRegistry, loadAllPrograms, runArgv, SHORT_LIMITS, type ProgramLimits } from './programs-fuzz';

const MAGIC = 'PHSNAP';
/** What a restored machine is asked, each within the programs fuzzer's budget. */
const PROBES = [
  ['/bin/bash', '-c', 'ls -la / /etc /root >/dev/null; cat /etc/passwd /etc/hostname >/dev/null; echo ok'],
  ['/usr/bin/find', '/', '-xdev', '-name', 'nonexistent'],
  ['/usr/bin/du', '-sx', '/'],
  ['/usr/bin/df', '-h'],
  ['/usr/bin/systemctl', 'status', '--no-pager'],
  ['/usr/sbin/ip', 'addr'],
  ['/usr/sbin/iptables', '-S'],
  ['/usr/bin/journalctl', '-n', '5', '--no-pager'],
  ['/usr/bin/stat', '/root', '/etc/passwd'],
  ['/bin/bash', '-c', 'cat /root/*.txt /srv/* 2>&1 | head -c 100000 | wc -c; mkdir /root/new && echo x > /root/new/f && cat /root/new/f'],
];

/** The most the heap may grow over one case (a restored machine holds its disk: tens of MB). */
const HEAP_GROWTH = 600 * 1024 * 1024;
const RESTORE_MS = 20_000;

interface Base {
  snap: MachineSnapshot;
  gz: Uint8Array;
  frame: Uint8Array;
  set: Uint8Array;
}

let base: Base | undefined;
let bombCache: Uint8Array | undefined;

async function makeBase(): Promise<Base> {
  const m = new Machine({ clock: 'skip', seed: 7 });
  await m.booted;
  await m.run(['/bin/bash', '-c', `
    useradd -m alice; mkdir -p /srv/site; printf 'hello\\n' > /srv/site/index.html; ln -s index.html /srv/site/link
    ln /srv/site/index.html /srv/site/hard; head -c 70000 /dev/urandom > /srv/random.bin; truncate -s 1M /srv/sparse
    printf 'notes\\n' > /root/notes.txt; chmod 600 /root/notes.txt; mkfifo /srv/fifo
    iptables -A INPUT -p tcp --dport 80 -j ACCEPT; ip addr add 192.168.50.5/24 dev eth0; ip link add dummy0 type dummy
    systemctl stop sshd; logger fuzz-was-here`], { stdout: () => {}, stderr: () => {} });
  const snap = captureMachine(m);
  snap.label = { name: 'fuzz', lessonId: null };
  const gz = await encodeSnapshot(snap);
  const frame = encodeFrame(snap);
  const set = await encodeSet([snap, { ...snap, label: { name: 'second', lessonId: 'filesystem' } }]);
  void m.run(['/usr/bin/systemctl', 'poweroff'], { stdout: () => {}, stderr: () => {} }).catch(() => {});
  return { snap, gz, frame, set };
}

/** A gzip stream that unpacks to more than the importer takes (zeros, compressed ~1000:1). */
async function gzipBomb(): Promise<Uint8Array> {
  if (bombCache) return bombCache;
  const gz = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gz.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((r) => gz.on('end', () => r()));
  // the frame's magic first, so the bomb is not refused before it is unpacked
  gz.write(Buffer.from(`${MAGIC}\x00\x00\x00\x02{}`));
  const zeros = Buffer.alloc(1 << 22);
  for (let n = 0; n < MAX_UNPACKED + (8 << 20); n += zeros.length) {
    if (!gz.write(zeros)) await new Promise((r) => gz.once('drain', r));
  }
  gz.end();
  await done;
  bombCache = new Uint8Array(Buffer.concat(parts));
  return bombCache;
}

function header(frame: Uint8Array): { header: Record<string, unknown>; blob: Uint8Array } {
  const len = new DataView(frame.buffer, frame.byteOffset).getUint32(6);
  return { header: JSON.parse(new TextDecoder().decode(frame.subarray(10, 10 + len))) as Record<string, unknown>, blob: frame.subarray(10 + len) };
}

function frameOf(h: unknown, blob: Uint8Array, declared?: number): Uint8Array {
  const text = new TextEncoder().encode(JSON.stringify(h));
  const out = new Uint8Array(10 + text.length + blob.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(6, declared ?? text.length);
  out.set(text, 10);
  out.set(blob, 10 + text.length);
  return out;
}

type Inode = [number, string, number, number, number, number, number, number, number, number, unknown];

/** Edits a snapshot's disk means something by: references, names, sizes and the tree's shape. */
function semantic(g: Gen, h: Record<string, Json>): string {
  const disk = h.disk as unknown as { rootIno: number; nextIno: number; inodes: Inode[]; files: [number, number, [number, number, number, number][]][] };
  const dirs = disk.inodes.filter((r) => r[1] === 'd');
  const any = g.pick(disk.inodes);
  const dir = g.pick(dirs);
  const entries = dir[10] as (string | number)[];
  switch (g.below(16)) {
    case 0: {
      // a directory entry naming an ancestor (a loop in the tree)
      const target = g.pick([disk.rootIno, dir[0], dir[9]]);
      entries.push(`loop${g.below(9)}`, target);
      return `dir ${dir[0]} gets an entry to inode ${target}`;
    }
    case 1:
      any[9] = g.pick([any[0], -1, 0, 999_999_999, disk.rootIno]);
      return `inode ${any[0]} parent = ${any[9]}`;
    case 2: {
      const name = g.pick(['.', '..', '', 'a/b', '\u0000', 'x'.repeat(300), '\u{1f600}', ' ']);
      entries.push(name, any[0]);
      return `dir ${dir[0]} gets an entry named ${JSON.stringify(name.slice(0, 20))}`;
    }
    case 3:
      entries.push(`missing${g.below(9)}`, g.pick([disk.nextIno + 5, 0, -3, 1e15]));
      return `dir ${dir[0]} gets an entry to a missing inode`;
    case 4:
      disk.rootIno = g.pick([any[0], 0, -1, disk.nextIno + 1]);
      return `rootIno = ${disk.rootIno}`;
    case 5:
      disk.nextIno = g.pick([0, 1, disk.nextIno - 1, 2 ** 31, 2 ** 53]);
      return `nextIno = ${disk.nextIno}`;
    case 6: {
      const f = g.pick(disk.files);
      f[1] = g.pick([0, 1, 2 ** 40, 2 ** 53 - 1, 1e300, 4097]);
      return `file ${f[0]} size = ${f[1]}`;
    }
    case 7: {
      const f = g.pick(disk.files);
      const c = f[2][0];
      if (c) {
        const at = g.below(4);
        c[at] = g.pick([0, 1, 15, 0xffff, 0x10000, 2 ** 31, 2 ** 53 - 1, 65536]);
        return `file ${f[0]} chunk field ${at} = ${c[at]}`;
      }
      f[2].push([g.pick([0, 1e9, 2 ** 40]), 0xffff, 0, 0]);
      return `file ${f[0]} gets an empty chunk far out`;
    }
    case 8: {
      // the same file record twice, or a file record for a directory
      const f = g.pick(disk.files);
      disk.files.push(g.chance(0.5) ? f : [dir[0], 10, f[2]]);
      return `file record ${f[0]} duplicated or given to dir ${dir[0]}`;
    }
    case 9:
      any[2] = g.pick([0, 0o7777, 0o177777, -1, 2 ** 31]);
      any[3] = g.pick([0, 1000, -1, 2 ** 32, 65534]);
      return `inode ${any[0]} perm ${any[2]} uid ${any[3]}`;
    case 10:
      any[5] = g.pick([0, -1, 65000, 2 ** 31]);
      return `inode ${any[0]} nlink ${any[5]}`;
    case 11: {
      any[1] = g.pick(['f', 'd', 'l', 'c', 'b', 'p', 's']);
      if (any[1] === 'd') any[10] = g.pick([[], ['x', any[0]], null]);
      if (any[1] === 'l') any[10] = g.pick(['', '/', 'x'.repeat(5000), '../../../../..', any[10]]);
      if (any[1] === 'c' || any[1] === 'b') any[10] = g.pick([[1, 3], [1, 5], [999, 999], [-1, -1], null]);
      return `inode ${any[0]} type ${any[1]}`;
    }
    case 12: {
      any[6] = any[7] = any[8] = g.pick([-1e15, 0, 8.64e15 + 1, 1e300, -0]);
      return `inode ${any[0]} times ${any[6]}`;
    }
    case 13: {
      const rt = h.runtime as Record<string, Json>;
      const key = g.pick(['hostname', 'activeUnits', 'links', 'addresses', 'routes', 'runningContainers', 'firewall']);
      const v = g.pick<Json>([
        'x'.repeat(300), '', [], ['nosuch.service', '../../etc.service', 'sshd.service', ''],
        [{ name: 'eth0', up: false, mtu: -1, mac: 'zz' }, { name: 'x'.repeat(40), kind: 'dummy', up: true, mtu: 1e9, mac: '00:00:00:00:00:00' }],
        [{ link: 'eth0', family: 4, local: '999.1.1.1', prefixlen: 99, scope: 0 }, { link: 'nosuch', family: 6, local: '::zz', prefixlen: -1, scope: 999 }],
        [{ family: 4, table: 254, dst: '10.0.0.0', dstLen: 40, dev: 'eth0', protocol: 4, scope: 0, type: 1, priority: 0, gateway: 'nonsense' }],
        { ipv4: { tables: [{ name: 'filter', chains: [{ name: 'INPUT', policy: 'NOPE', rules: [{}] }] }] }, ipv6: { tables: [] } },
        replacement(g),
      ]);
      rt[key] = v;
      return `runtime.${key} = ${JSON.stringify(v).slice(0, 80)}`;
    }
    case 14: {
      const j = h.journal as Record<string, Json>;
      const entries2 = j.entries as Json[];
      const v = g.pick<Json>([{}, { message: 'x', seq: -1, priority: 99, realtime: -5 }, { message: 'x'.repeat(100_000), seq: 1e15, priority: 3, realtime: 1e300 }, null, 'text']);
      entries2.push(v);
      return `a journal entry ${JSON.stringify(v).slice(0, 60)}`;
    }
    default: {
      const c = h.console as Record<string, Json>;
      c.cwd = g.pick(['/nonexistent', '', 'relative', '/etc/passwd', '/proc/1', '../..', 'x'.repeat(5000)]);
      c.screen = g.pick(['\x1b[?1049h', '\x1b]0;title\x07', 'x'.repeat(200_000), '\u0000\uffff']);
      return `console ${JSON.stringify(c.cwd).slice(0, 30)}`;
    }
  }
}

interface SnapshotCase {
  bytes: Uint8Array;
  what: string;
}

async function makeCase(g: Gen, b: Base): Promise<SnapshotCase> {
  const r = g.below(20);
  if (r < 5) {
    const src = g.pick([['gz', b.gz], ['frame', b.frame], ['set', b.set]] as const);
    const m = mutateBytes(g, src[1]);
    return { bytes: m.bytes, what: `${src[0]} bytes: ${m.what.join('; ')}` };
  }
  const { header: h, blob } = header(b.frame);
  let what: string;
  let declared: number | undefined;
  let outBlob = blob;
  if (r < 11) what = semantic(g, h as Record<string, Json>);
  else if (r < 15) {
    const m = mutateTree(g, h as Json);
    what = `header ${m.what}`;
    const out = frameOf(m.data, blob);
    return wrap(g, out, what);
  } else if (r < 17) {
    // format numbers and declared lengths
    const k = g.below(5);
    if (k === 0) {
      h.version = g.pick<Json>([0, 2, -1, 1.5, '1', null, 1e300, 999]);
      what = `version = ${JSON.stringify(h.version)}`;
    } else if (k === 1) {
      declared = g.pick([0, 1, 0xffffffff, 0x7fffffff, 10 ** 9]);
      what = `declared header length ${declared}`;
    } else if (k === 2) {
      outBlob = blob.subarray(0, g.below(blob.length));
      what = `blob cut to ${outBlob.length} bytes`;
    } else if (k === 3) {
      // a set claiming many machines, or lengths past its end
      const set = new Uint8Array(14 + 8);
      set.set(new TextEncoder().encode('PHSET1'), 0);
      const view = new DataView(set.buffer);
      view.setUint32(6, g.pick([1, 2, 200, 201, 0xffffffff]));
      view.setUint32(10, g.pick([0, 8, 0xffffffff, 1 << 30]));
      return wrap(g, set, 'a set with bad counts and lengths');
    } else {
      return { bytes: gzipSync(gzipSync(b.frame)), what: 'gzip inside gzip' };
    }
  } else if (r < 19) {
    // several edits at once
    const whats: string[] = [];
    for (let i = 0; i < 3; i++) whats.push(semantic(g, h as Record<string, Json>));
    what = whats.join('; ');
  } else {
    if (g.chance(0.3)) return { bytes: await gzipBomb(), what: `a gzip bomb (unpacks past ${MAX_UNPACKED} bytes)` };
    return { bytes: g.pick([new Uint8Array(), new Uint8Array([0x1f, 0x8b]), new TextEncoder().encode('PHSNAP'), new TextEncoder().encode('not a machine'), gzipSync(Buffer.from('PHSET1'))]), what: 'a tiny or foreign file' };
  }
  return wrap(g, frameOf(h, outBlob, declared), what);
}

async function wrap(g: Gen, frame: Uint8Array, what: string): Promise<SnapshotCase> {
  if (g.chance(0.5)) return { bytes: new Uint8Array(gzipSync(frame)), what: `${what} (gzipped)` };
  return { bytes: frame, what: `${what} (frame)` };
}

/** A message a learner can act on: says what is wrong, no JavaScript in it. */
function clearMessage(m: string): string | undefined {
  if (!/^(the saved machine|not a saved machine|the set|the machine was saved by a newer)/.test(m)) return `an unexpected refusal message: ${JSON.stringify(m.slice(0, 200))}`;
  const l = leaks(m, '');
  return l.length ? l.join('; ') : undefined;
}

export async function fuzzSnapshots(opts: RunOptions & { limits?: ProgramLimits }): Promise<TargetReport> {
  const report = newReport('snapshot');
  const t0 = performance.now();
  base ??= await makeBase();
  const limits = opts.limits ?? SHORT_LIMITS;
  await loadAllPrograms();
  const undo = instrumentRegistry();
  const stray: string[] = [];
  const onStray = (e: unknown): void => void stray.push(describeError(e));
  process.on('unhandledRejection', onStray);
  process.on('uncaughtException', onStray);
  try {
    const first = opts.first ?? 0;
    for (let index = first; index < first + opts.count; index++) {
      const g = new Gen(caseSeed('snapshot', opts.seed, index));
      const c = await makeCase(g, base);
      opts.onCase?.(index, c.what);
      if (opts.verbose) console.log(`[${index}] ${c.what.slice(0, 300)}`);
      const fail = (why: string): void => {
        const f = { target: 'snapshot', seed: opts.seed, index, input: c.what, why };
        (knownBug(f) ? report.known : report.failures).push(f);
      };
      report.runs++;
      const heap0 = process.memoryUsage().heapUsed;
      const watch = new LoopWatch();
      watch.start();
      let snaps: MachineSnapshot[] | undefined;
      const started = performance.now();
      const decoded = await within(30_000, decodeFile(c.bytes).then((s) => (snaps = s), (e: unknown) => e));
      const ms = performance.now() - started;
      if (decoded === 'timeout') fail('decodeFile did not finish in 30 s');
      else if (!snaps) {
        if (decoded instanceof SnapshotError) {
          count(report, 'refused');
          const bad = clearMessage(decoded.message);
          if (bad) fail(bad);
        } else fail(`decodeFile threw ${describeError(decoded)}`);
      } else {
        count(report, 'accepted');
        for (const snap of snaps) await restore(snap, fail, limits, report);
      }
      if (ms > 15_000) fail(`decodeFile took ${Math.round(ms)} ms`);
      // the page's import (src/host/workspace.ts): the same verdict, and a machine that opens
      if (decoded !== 'timeout' && (!snaps || g.chance(0.2))) await viaWorkspace(c.bytes, snaps ? undefined : (decoded as Error), fail, report);
      const gap = watch.stop();
      if (gap > limits.blockMs * 2) fail(`the event loop was blocked for ${Math.round(gap)} ms`);
      const grown = process.memoryUsage().heapUsed - heap0;
      if (grown > HEAP_GROWTH) fail(`the heap grew by ${Math.round(grown / 2 ** 20)} MiB`);
      for (const e of stray.splice(0)) fail(`unhandled rejection or exception: ${e}`);
    }
  } finally {
    process.off('unhandledRejection', onStray);
    process.off('uncaughtException', onStray);
    undo();
  }
  report.ms = performance.now() - t0;
  return report;
}

async function restore(snap: MachineSnapshot, fail: (why: string) => void, limits: ProgramLimits, report: TargetReport): Promise<void> {
  let m: Machine;
  try {
    m = new Machine({ clock: 'skip', seed: 3, restore: restoreSource(snap) });
  } catch (e) {
    fail(`booting the restored machine threw ${describeError(e)}`);
    return;
  }
  const up = await within(RESTORE_MS, Promise.all([m.booted, m.restored]));
  if (up === 'timeout') {
    fail('the restored machine did not finish booting and restoring its runtime state');
    return;
  }
  count(report, 'machines restored');
  for (const argv of PROBES) {
    if (m.power !== 'running') break;
    const o = await runArgv(m, argv, '', limits, '/');
    if (o.recycle?.startsWith('cannot run')) continue; // the damaged disk lost the program
    for (const f of o.failures) fail(`restored machine, ${argv.join(' ').slice(0, 80)}: ${f}`);
    if (o.recycle === 'hang' || o.recycle === 'init died') break;
  }
  void m.run(['/usr/bin/systemctl', 'poweroff'], { stdout: () => {}, stderr: () => {} }).catch(() => {});
}

/** Imports the file as the page does (Workspace.importMachine on IndexedDB), then opens it. */
async function viaWorkspace(bytes: Uint8Array, refusal: Error | undefined, fail: (why: string) => void, report: TargetReport): Promise<void> {
  let screen = '';
  const ws = new Workspace({
    store: new MachineStore(await database(new IDBFactory())),
    output: (t) => void (screen.length < 200_000 && (screen += t)),
    size: () => ({ cols: 100, rows: 30 }),
    seed: 5,
    now: () => Date.UTC(2026, 0, 20),
    // no autosave: the machine is thrown away after the case
    after: () => () => {},
  });
  let infos;
  try {
    infos = await ws.importMachine(bytes, 'fuzz.photon');
  } catch (e) {
    if (!refusal) fail(`Workspace.importMachine refused what decodeFile took: ${describeError(e)}`);
    else if (!(e instanceof SnapshotError) || e.message !== refusal.message) fail(`Workspace.importMachine refused differently: ${describeError(e)} (decodeFile: ${refusal.message})`);
    return;
  }
  if (refusal) {
    fail(`Workspace.importMachine took what decodeFile refused (${refusal.message})`);
    return;
  }
  count(report, 'imported through the workspace');
  const first = infos[0];
  if (!first) return;
  let m: Machine | undefined;
  try {
    const opened = await within(RESTORE_MS, ws.open(first.id));
    if (opened === 'timeout') {
      fail('Workspace.open of the imported machine did not finish');
      return;
    }
    m = opened;
    if ((await within(RESTORE_MS, Promise.all([m.booted, m.restored]))) === 'timeout') fail('the machine opened from the import did not finish booting');
  } catch (e) {
    fail(`Workspace.open of the imported machine threw ${describeError(e)}`);
  } finally {
    if (m) retire(m);
  }
  for (const l of leaks(screen, '')) fail(`the console of the opened machine: ${l}`);
}
