// The fresh disk as two strings a JavaScript module can carry: its records as JSON, and its
// bytes one character per byte (mostly text, so it compresses as the text it is).
import type { DiskImage } from '../snapshot/types';

export interface FreshDiskText {
  meta: string;
  bytes: string;
}

export function encodeFreshDisk(d: DiskImage): FreshDiskText {
  const { blob, ...rest } = d;
  let bytes = '';
  for (let i = 0; i < blob.length; i += 8192) bytes += String.fromCharCode(...blob.subarray(i, i + 8192));
  return { meta: JSON.stringify(rest), bytes };
}

export function decodeFreshDisk(t: FreshDiskText): DiskImage {
  const rest = JSON.parse(t.meta) as Omit<DiskImage, 'blob'>;
  const blob = new Uint8Array(t.bytes.length);
  for (let i = 0; i < blob.length; i++) blob[i] = t.bytes.charCodeAt(i);
  return { ...rest, blob };
}
