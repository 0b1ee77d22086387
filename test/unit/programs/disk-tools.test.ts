// findmnt and lsblk on a fresh machine: findmnt --df leaves out pseudo filesystems but keeps
// tmpfs and devtmpfs (as util-linux 2.38 does) unless --all; sizes below 1 KiB print as bare
// numbers in findmnt and with a B in lsblk (util-linux's size_to_human_string).
import { describe, expect, it } from 'vitest';
import { humanSize } from '../../../src/programs/util-linux/human-size';
import { newMachine, sh } from './helpers';

describe('findmnt and lsblk', () => {
  it('findmnt -D lists real filesystems and tmpfs, --all adds proc and sysfs', async () => {
    const r = await sh(newMachine(), "findmnt -D | awk 'NR > 1 { print $2 }'; findmnt -D -A | awk 'NR > 1 { print $2 }' | sort | tr '\\n' ' '");
    expect(r.stdout).toBe('ext4\ndevtmpfs\ntmpfs\ntmpfs\ndevtmpfs ext4 proc sysfs tmpfs tmpfs ');
  });

  it('lsblk -P, -r, -J and -x: pairs, raw cells, JSON with nested children, a sorted list', async () => {
    const r = await sh(newMachine(), "lsblk -P -o NAME,RM,MOUNTPOINTS /dev/sda3; lsblk -r -o NAME,TYPE,MOUNTPOINTS | head -2; lsblk -J -o NAME,RM,MOUNTPOINTS /dev/sda | sed -n '3,7p;9,11p'; lsblk -n -x SIZE -o NAME | head -2");
    expect(r.stdout).toBe(`NAME="sda3" RM="0" MOUNTPOINTS="/"
NAME TYPE MOUNTPOINTS
sda disk 
      {
         "name": "sda",
         "rm": false,
         "mountpoints": [
             null
         "children": [
            {
               "name": "sda1",
sda1
sda2
`);
  });

  it('prints sizes as util-linux does', () => {
    expect([0, 512, 4096, 16 * 2 ** 30, 1.5 * 2 ** 20, 1023.96 * 2 ** 20].map((n) => humanSize(n, true))).toEqual(['0B', '512B', '4K', '16G', '1.5M', '1024M']);
    expect(humanSize(0, false)).toBe('0');
  });
});
