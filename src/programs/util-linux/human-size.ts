// util-linux's size_to_human_string as lsblk and findmnt print sizes: powers of 1024, one
// decimal only when it is not zero, a one-letter unit. Below 1 KiB lsblk writes the bytes with
// a `B` (`0B`) and findmnt without one (`0`).
const UNITS = ['B', 'K', 'M', 'G', 'T', 'P'];

export function humanSize(bytes: number, byteSuffix: boolean): string {
  let i = 0;
  let v = bytes;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  if (i === 0) return byteSuffix ? `${bytes}B` : `${bytes}`;
  const whole = Math.floor(v);
  const frac = Math.round((v - whole) * 10);
  if (frac === 0 || frac === 10) return `${frac === 10 ? whole + 1 : whole}${UNITS[i]}`;
  return `${whole}.${frac}${UNITS[i]}`;
}
