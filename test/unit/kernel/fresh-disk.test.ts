// The fresh machine's disk: captured once, loaded into every new machine, and in the browser
// build carried as data (scripts/vite-fresh-disk.ts). All three must give the same disk, and
// one machine's writes must never reach the next machine's copy.
import { describe, expect, it } from 'vitest';
import { buildFreshDisk, freshDisk } from '../../../src/kernel/image/fresh-disk';
import { decodeFreshDisk, encodeFreshDisk, latin1Bytes } from '../../../src/kernel/image/fresh-disk-codec';
import { freshDiskModule, jsString } from '../../../scripts/vite-fresh-disk';
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

  it('comes back byte for byte from the text the browser build carries', () => {
    const text = encodeFreshDisk(built);
    expect(plain(decodeFreshDisk(text))).toEqual(plain(built));
    // and through the generated module's own literal
    const code = freshDiskModule(built, '/codec.ts');
    const literal = /^const TEXT = (.*);$/m.exec(code)?.[1];
    expect(literal).toBeDefined();
    const carried = new Function(`return ${literal!}`)() as { meta: string; bytes: string };
    expect(plain(decodeFreshDisk(carried))).toEqual(plain(built));
    expect(code).toContain('import { decodeFreshDisk } from "/codec.ts";');
  });

  it('turns the carried string into the same bytes, text or not', () => {
    expect([...latin1Bytes('ab\n~\x00')]).toEqual([0x61, 0x62, 0x0a, 0x7e, 0x00]);
    let all = '';
    for (let c = 0; c < 256; c++) all += String.fromCharCode(c);
    expect([...latin1Bytes(all)]).toEqual([...Array(256).keys()]);
    expect(latin1Bytes('')).toEqual(new Uint8Array(0));
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
