// sort's resource options, checked as they are parsed (sort.c specify_sort_size,
// specify_nthreads, specify_nmerge): the values change nothing here, but bad ones end sort
// with the same messages and status 2.
import { quote } from '../lib/quote';
import { xstrtol } from '../lib/xstrtol';
import { xstrtolFatalMessage, type XstrtolFailure } from './xstrtol-fatal';

const UINTMAX_MAX = (1n << 64n) - 1n;

/** -S SIZE: KiB by default, b for bytes, % of memory, or a K M G... suffix. The failure, if any. */
export function checkSortSize(s: string): XstrtolFailure | undefined {
  const r = xstrtol(s, 'EgGkKmMPtTYZ');
  if (r.status === 'ok') {
    if (/\d$/.test(s) && r.value > UINTMAX_MAX / 1024n) return 'overflow';
    return undefined;
  }
  if (r.status === 'suffix' && /^[ \t\n\v\f\r]*\+?\d+[b%]$/.test(s)) return undefined;
  return r.status;
}

/** The lines sort dies with for --parallel=N, or undefined. */
export function parallelError(s: string, option: string): string[] | undefined {
  const r = xstrtol(s, '');
  if (r.status === 'overflow') return undefined;
  if (r.status !== 'ok') return [xstrtolFatalMessage(r.status, option, s)];
  if (r.value === 0n) return ['number in parallel must be nonzero'];
  return undefined;
}

/** The lines sort dies with for --batch-size=N, given the open-files limit, or undefined. */
export function batchSizeError(s: string, option: string, nofile: number): string[] | undefined {
  const r = xstrtol(s, '');
  const maxMerge = BigInt(nofile - 3);
  let status = r.status;
  if (status === 'ok') {
    if (r.value > 0xffffffffn) status = 'overflow';
    else if (r.value < 2n) return [`invalid ${option} argument ${quote(s)}`, `minimum ${option} argument is '2'`];
    else if (r.value > maxMerge) status = 'overflow';
    else return undefined;
  }
  if (status === 'overflow') return [`${option} argument ${quote(s)} too large`, `maximum ${option} argument with current rlimit is ${maxMerge}`];
  return [xstrtolFatalMessage(status, option, s)];
}
