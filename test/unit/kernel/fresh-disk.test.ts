// The fresh machine's disk: captured once, loaded into every new machine, and in the browser
// build carried as data (scripts/vite-fresh-disk.ts). All three must give the same disk, and
// one machine's writes must never reach the next machine's copy.
import { describe, expect, it, vi } from 'vitest';
import { programs } from '../../../src/programs/registry';
import { buildFreshDisk, freshDisk } from '../../../src/kernel/image/fresh-disk';
import { decodeFreshDisk, decodeLateFiles, encodeFreshDisk, inodeAt, latin1Bytes, splitLateFiles } from '../../../src/kernel/image/fresh-disk-codec';
import { Machine } from '../../../src/kernel/machine';
import { freshDiskModules, jsString, LATE_MODULE, LATE_PATHS } from '../../../scripts/vite-fresh-disk';
import type { DiskImage } from '../../../src/kernel/snapshot/types';
import { runScript } from '../../integration/machine-helpers';

const plain = (d: DiskImage): unknown => ({ ...d, blob: Array.from(d.blob) });

describe('fresh disk', () => {
  const built = buildFreshDisk();

  it('holds the image: directories, files with their data, symlinks, install times', () => {
    expect(built.inodes.length).toBeGreaterThan(500);
    expect(built.files.length).toBeGreaterThan(300);
    expect(built.blob.length).toBeGreaterThan(50_000);
    expect(new Set(built.inodes.map((r) => r[7]))).toEqual(new Set([Date.UTC(2025, 4, 30, 8, 12, 41)]));
  });

  it('comes back byte for byte from the text the browser build carries, the late files with it', () => {
    const text = encodeFreshDisk(built);
    expect(plain(decodeFreshDisk(text))).toEqual(plain(built));
    // and through the generated modules' own literals: the disk without the late files' bytes,
    // then those bytes
    const code = freshDiskModules(built, '/codec.ts');
    const literal = /^const TEXT = (.*);$/m.exec(code.main)?.[1];
    expect(literal).toBeDefined();
    const carried = decodeFreshDisk(new Function(`return ${literal!}`)() as { meta: string; bytes: string });
    const lateLiteral = /^export const LATE = (.*);$/m.exec(code.late)?.[1];
    const late = decodeLateFiles(new Function(`return ${lateLiteral!}`)() as { meta: string; bytes: string });
    expect(code.main).toContain('import { freshDiskSource, decodeLateFiles } from "/codec.ts";');
    expect(code.main).toContain(`import(${JSON.stringify(LATE_MODULE)})`);
    const lateInos = LATE_PATHS.map((p) => inodeAt(built, p));
    expect(late.files.map((f) => f[0]).sort()).toEqual([...lateInos].sort());
    // the late files are on the carried disk with their size and no data
    for (const f of carried.files.filter((r) => lateInos.includes(r[0]))) expect(f[2]).toEqual([]);
    expect(carried.blob.length + late.blob.length).toBe(built.blob.length);
    // put together, the disk is the one laid out
    const whole: DiskImage = {
      ...carried,
      files: carried.files.map((f) => {
        const l = late.files.find((x) => x[0] === f[0]);
        return l ? [f[0], f[1], l[2].map(([i, b, o, n]) => [i, b, o + carried.blob.length, n])] : f;
      }) as DiskImage['files'],
      blob: Uint8Array.from([...carried.blob, ...late.blob]),
    };
    const bytesOf = (d: DiskImage): Map<number, number[]> =>
      new Map(d.files.map(([ino, , chunks]) => [ino, chunks.flatMap(([, , o, n]) => Array.from(d.blob.subarray(o, o + n)))]));
    expect(bytesOf(whole)).toEqual(bytesOf(built));
    expect(plain({ ...whole, files: [], blob: new Uint8Array() })).toEqual(plain({ ...built, files: [], blob: new Uint8Array() }));
  });

  it('a machine whose disk comes with late files starts no program before they are in, then has them', async () => {
    const split = splitLateFiles(built, new Set(LATE_PATHS.map((p) => inodeAt(built, p)!)));
    let release: () => void = () => {};
    const arrived = new Promise<void>((r) => (release = r));
    const m = new Machine({ clock: 'skip', services: false, disk: { ...split.disk, late: () => arrived.then(() => split.late) } });
    expect(m.diskFilled).toBe(false);
    // the programs' code is loaded already: without the wait they would run at once
    for (const name of ['cat', 'head', 'touch']) await programs.get(name)!.load();
    const ran = m.run(['/bin/bash', '-c', 'echo > /tmp/before; cat /var/lib/rpm/rpmdb.sqlite | head -c 40 > /tmp/out'], { stdout: () => {}, stderr: () => {} });
    const exists = (path: string): boolean => m.disk.lookup(path) !== undefined;
    // (the first shell of a test file loads the shell's modules: seconds on a busy machine)
    await vi.waitFor(() => expect(exists('/tmp/before')).toBe(true), { timeout: 10_000 });
    for (let i = 0; i < 500; i++) await new Promise((r) => setImmediate(r));
    // (the shell has opened /tmp/out for head, which has not started)
    const out = m.disk.lookup('/tmp/out');
    expect(out ? m.disk.size(out) : 0).toBe(0);
    release();
    expect(await ran).toBe(0);
    expect(m.diskFilled).toBe(true);
    const node = m.disk.lookup('/tmp/out')!;
    expect(new TextDecoder().decode(m.disk.read(node))).toBe('# photon-sim rpm database, format 1\n{"na');
  });

  it('turns the carried string into the same bytes, text or not', () => {
    expect([...latin1Bytes('ab\n~\x00')]).toEqual([0x61, 0x62, 0x0a, 0x7e, 0x00]);
    let all = '';
    for (let c = 0; c < 256; c++) all += String.fromCharCode(c);
    expect([...latin1Bytes(all)]).toEqual([...Array(256).keys()]);
    expect(latin1Bytes('')).toEqual(new Uint8Array(0));
    // runs of text between other bytes, at either end too
    const mixed = '\xe9ab\xff\xfecd\x80';
    expect([...latin1Bytes(mixed)]).toEqual([...mixed].map((ch) => ch.charCodeAt(0)));
    expect([...latin1Bytes(`${all}x${all}`)]).toEqual([...Array(256).keys(), 0x78, ...Array(256).keys()]);
  });

  it('writes any text as a string literal that reads back the same', () => {
    let all = '';
    for (let c = 0; c < 256; c++) all += String.fromCharCode(c);
    for (const s of [all, "it's \\ a \"test\"\n", '\u2028\u2029', '']) expect(new Function(`return ${jsString(s)}`)()).toBe(s);
  });

  it('gives every machine its own bytes', async () => {
    const a = freshDisk();
    a.blob.fill(0);
    expect(freshDisk().blob).toEqual(built.blob);
    const first = await runScript('echo changed > /etc/motd; cat /etc/motd; echo x >> /etc/hostname; cat /etc/hostname');
    // (the installer writes /etc/hostname without a newline)
    expect(first.stdout).toBe('changed\nphoton-machinex\n');
    const second = await runScript('cat /etc/motd; cat /etc/hostname');
    expect(second.stdout).not.toContain('changed');
    expect(second.stdout).toBe(`${(await runScript('cat /etc/motd')).stdout}photon-machine`);
  });
});
