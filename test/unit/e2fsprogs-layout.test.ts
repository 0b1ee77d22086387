// The filesystem geometry mke2fs 1.46/1.47 chooses for image sizes, as the real tool printed
// it (tune2fs -l of images made with `mkfs.ext4 -F`): inodes, reserved GDT blocks, overhead.
import { describe, expect, it } from 'vitest';
import { decode, encode, hasSuper, layout } from '../../src/programs/e2fsprogs/superblock';

const MiB = 1024 * 1024;
const U = '11111111-2222-3333-4444-555555555555';

describe('mke2fs layout', () => {
  it.each([
    [4, 1024, 4096, 31, 1316, 1330],
    [10, 2560, 10240, 79, 1831, 1845],
    [20, 5112, 20480, 159, 2631, 2645],
    [64, 16384, 65536, 256, 9499, 9513],
    [100, 25584, 102400, 256, 12067, 12081],
    [300, 76912, 307200, 256, 29577, 29591],
    [600, 38400, 153600, 74, 6734, 6740],
    [1024, 65536, 262144, 127, 12949, 12955],
  ])('%i MiB', (mib, inodes, blocks, rsvGdt, overhead, used) => {
    const sb = layout(mib * MiB, U, U, 0);
    expect([sb.inodes, sb.blocks, sb.reservedGdt, sb.overhead, sb.blocks - sb.freeBlocks]).toEqual([inodes, blocks, rsvGdt, overhead, used]);
  });

  it('keeps superblock backups in groups 0, 1 and powers of 3, 5 and 7', () => {
    expect([...Array(30).keys()].filter(hasSuper)).toEqual([0, 1, 3, 5, 7, 9, 25, 27]);
  });

  it('reads back what it writes', () => {
    const sb = { ...layout(10 * MiB, U, U, 1700000000), label: 'data' };
    expect(decode(encode(sb))).toEqual(sb);
  });
});
