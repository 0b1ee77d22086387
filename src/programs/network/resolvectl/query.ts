// resolvectl query (resolve_host / resolve_address, 253): each answer on a line, the link it came
// from aligned at column 60, then where the data came from and how long it took.
import type { Answer } from '../../../shared/services/resolve';
import { formatTimespan } from '../../../shared/systemd/time-span';
import { ANSI } from '../common/table';

export interface QueryOut {
  colors: boolean;
  legend: boolean;
  /** Interface names by index, for the "-- link:" comments. */
  ifname(ifindex: number): string | undefined;
}

function linkComment(printed: number, ifindex: number, o: QueryOut): string {
  const name = ifindex > 0 ? o.ifname(ifindex) : undefined;
  if (!name) return '';
  const grey = o.colors ? ANSI.grey : '';
  const normal = o.colors ? ANSI.normal : '';
  return `${' '.repeat(Math.max(1, 60 - printed))}${grey}-- link: ${name}${normal}`;
}

function source(a: Answer, o: QueryOut): string {
  if (!o.legend) return '';
  const grey = o.colors ? ANSI.grey : '';
  const normal = o.colors ? ANSI.normal : '';
  const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
  return `\n${grey}-- Information acquired via protocol DNS in ${formatTimespan(BigInt(a.rttUs), 100n)}.${normal}\n` +
    `${grey}-- Data is authenticated: ${yesNo(a.authenticated)}; Data was acquired via local or encrypted transport: ${yesNo(a.confidential)}${normal}\n` +
    `${grey}-- Data from: ${a.source}${normal}\n`;
}

/** A host name's addresses ("NAME: ADDRESS"), or an address's names ("ADDRESS: NAME"). */
export function answerText(a: Answer, o: QueryOut): string {
  const label = a.name;
  const items = a.names ? a.names.map((n) => ({ text: n, ifindex: a.addresses[0]?.ifindex ?? 0 })) : a.addresses.map((x) => ({ text: x.address, ifindex: x.ifindex }));
  const hl = (s: string): string => (o.colors ? `${ANSI.highlight}${s}${ANSI.normal}` : s);
  let out = '';
  items.forEach((item, c) => {
    const line = `${c === 0 ? label : ' '.repeat(label.length)}${c === 0 ? ':' : ' '} ${hl(item.text)}`;
    // printf()'s count, escape sequences included, decides where the comment starts
    out += `${line}${linkComment(line.length, item.ifindex, o)}\n`;
  });
  if (!a.names && a.canonical !== label.toLowerCase().replace(/\.$/, '') && items.length) out += `${' '.repeat(label.length)}  (${a.canonical})\n`;
  return out + source(a, o);
}
