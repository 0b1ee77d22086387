// The VM's block devices: a 16 GiB GPT disk sda (BIOS boot, EFI and root partitions) and an
// empty CD drive sr0. /proc/partitions (kernel/procfs.ts), lsblk and the disk tools all read
// this table; the /dev nodes are made in kernel/image/writer.ts.

export interface Partition {
  name: string; minor: number; start: number; end: number;
  type: string; typeGuid: string; partuuid: string;
  fstype?: string; uuid?: string; blockSize?: number; fsver?: string;
}

export const SECTOR = 512;
export const DISK = {
  name: 'sda', sectors: 33554432, model: 'Virtual disk', label: 'gpt',
  guid: '6B2D3A1C-8F4E-4C2B-9A7D-5E1F0B3C8D92',
};
export const PARTITIONS: Partition[] = [
  { name: 'sda1', minor: 1, start: 2048, end: 10239, type: 'BIOS boot', typeGuid: '21686148-6449-6e6f-744e-656564454649', partuuid: '3f1c2b7a-5d4e-4a8b-9c6d-1e2f3a4b5c6d' },
  { name: 'sda2', minor: 2, start: 10240, end: 30719, type: 'EFI System', typeGuid: 'c12a7328-f81f-11d2-ba4b-00a0c93ec93b', partuuid: '7a9e4d21-0b3c-4f5e-8a6b-2c3d4e5f6a7b', fstype: 'vfat', uuid: '8C8D-3E4F', blockSize: 512, fsver: 'FAT16' },
  { name: 'sda3', minor: 3, start: 30720, end: 33552383, type: 'Linux filesystem', typeGuid: '0fc63daf-8483-4772-8e79-3d69d8477de4', partuuid: 'c4e8f1a2-6b3d-4e9f-a1b2-3c4d5e6f7a8b', fstype: 'ext4', uuid: '0c5f3c5e-6f0e-4b0b-9d6a-3b5e2f7a9c41', blockSize: 4096, fsver: '1.0' },
];
export const CDROM = { name: 'sr0', major: 11, minor: 0, bytes: 1_073_741_312 };

/** The partition behind a /dev path, following /dev/disk/by-uuid names too. */
export function partitionOf(dev: string): Partition | undefined {
  const uuid = dev.match(/^\/dev\/disk\/by-uuid\/(.+)$/)?.[1] ?? dev.match(/^UUID=(.+)$/)?.[1];
  if (uuid) return PARTITIONS.find((p) => p.uuid === uuid);
  return PARTITIONS.find((p) => `/dev/${p.name}` === dev);
}

/** /proc/partitions: major, minor, size in KiB, name. */
export function procPartitions(): string {
  const row = (major: number, minor: number, kib: number, name: string): string =>
    `${String(major).padStart(4)}  ${String(minor).padStart(7)} ${String(kib).padStart(10)} ${name}\n`;
  return [
    'major minor  #blocks  name\n\n',
    row(8, 0, (DISK.sectors * SECTOR) / 1024, DISK.name),
    ...PARTITIONS.map((p) => row(8, p.minor, ((p.end - p.start + 1) * SECTOR) / 1024, p.name)),
    row(CDROM.major, CDROM.minor, Math.floor(CDROM.bytes / 1024), CDROM.name),
  ].join('');
}
