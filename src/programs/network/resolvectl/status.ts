// resolvectl status, dns, domain, statistics (resolvectl.c, 253): systemd-resolved's global and
// per-link settings as vertical tables whose field column is at least 19 wide, lists wrapped
// to the terminal, and the one-line "Global:" / "Link N (IF):" forms of dns and domain.
import type { LinkDnsStatus, ResolvedStatistics, ResolvedStatus } from '../../../shared/services/resolve';
import { ANSI, renderTable, type Cell } from '../common/table';

export interface Out {
  colors: boolean;
  columns: number;
}

const plusMinus = (b: boolean): string => (b ? '+' : '-');

/** strv_extend_extended_bool(): +NAME, -NAME or NAME=VALUE. */
function extended(name: string, value: string): string {
  if (value === 'yes') return `+${name}`;
  if (value === 'no') return `-${name}`;
  return `${name}=${value}`;
}

function vertical(rows: [string, string | string[]][], o: Out): string {
  const cells: Cell[][] = rows.map(([k, v]) => [
    { text: `${k}:`, align: 100, minWidth: 19, color: o.colors ? ANSI.brightBlue : undefined },
    Array.isArray(v) ? { text: '', wrap: v } : { text: v },
  ]);
  return renderTable(cells, o.columns, o.colors);
}

function heading(text: string, o: Out): string {
  return o.colors ? `${ANSI.highlight}${text}${ANSI.normal}` : text;
}

export function globalBlock(s: ResolvedStatus, o: Out): string {
  const g = s.global;
  const rows: [string, string | string[]][] = [
    ['Protocols', [extended('LLMNR', g.llmnr), extended('mDNS', g.mdns), extended('DNSOverTLS', g.dnsOverTls), `DNSSEC=${g.dnssec}/unsupported`]],
    ['resolv.conf mode', g.resolvConfMode],
  ];
  if (g.currentDns) rows.push(['Current DNS Server', g.currentDns]);
  if (g.dns.length) rows.push(['DNS Servers', g.dns]);
  if (g.fallbackDns.length) rows.push(['Fallback DNS Servers', g.fallbackDns]);
  if (g.domains.length) rows.push(['DNS Domain', [...g.domains].sort()]);
  return `${heading('Global', o)}\n${vertical(rows, o)}`;
}

export function linkBlock(l: LinkDnsStatus, o: Out): string {
  const rows: [string, string | string[]][] = [
    ['Current Scopes', l.scopes.length ? l.scopes.join(' ') : 'none'],
    ['Protocols', [`${plusMinus(l.defaultRoute)}DefaultRoute`, extended('LLMNR', l.llmnr), extended('mDNS', l.mdns), extended('DNSOverTLS', l.dnsOverTls), `DNSSEC=${l.dnssec}/unsupported`]],
  ];
  if (l.currentDns) rows.push(['Current DNS Server', l.currentDns]);
  if (l.dns.length) rows.push(['DNS Servers', l.dns]);
  if (l.domains.length) rows.push(['DNS Domain', [...l.domains].sort()]);
  return `${heading(`Link ${l.ifindex} (${l.name})`, o)}\n${vertical(rows, o)}`;
}

/** status_print_strv_ifindex(): "Global:" or "Link N (IF):" and the items, wrapped at 8 columns in. */
export function strvLine(label: string, items: string[], o: Out): string {
  const indent = 'Global: '.length;
  let out = `${heading(label, o)}:`;
  let position = label.length + 2;
  for (const i of items) {
    if (position <= indent || position + 1 + i.length < o.columns) {
      out += ` ${i}`;
      position += 1 + i.length;
    } else {
      out += `\n${' '.repeat(indent)}${i}`;
      position = i.length + indent;
    }
  }
  return `${out}\n`;
}

export function statisticsText(s: ResolvedStatistics, o: Out): string {
  const head = (text: string): Cell[] => [{ text, align: 0, color: o.colors ? ANSI.highlight : undefined }, { text: '', align: 0 }];
  const row = (k: string, v: number): Cell[] => [{ text: `${k}:`, align: 100, color: o.colors ? ANSI.brightBlue : undefined }, { text: String(v), align: 100 }];
  const blank: Cell[] = [{ text: '' }, { text: '' }];
  const rows: Cell[][] = [
    head('Transactions'), row('Current Transactions', s.currentTransactions), row('Total Transactions', s.totalTransactions), blank,
    head('Cache'), row('Current Cache Size', s.cacheSize), row('Cache Hits', s.cacheHits), row('Cache Misses', s.cacheMisses), blank,
    // 253 labels the last row "Indeterminate:" and adds the field colon again
    head('DNSSEC Verdicts'), row('Secure', 0), row('Insecure', 0), row('Bogus', 0), row('Indeterminate:', 0),
  ];
  return `DNSSEC supported by current servers: no\n\n${renderTable(rows, o.columns, o.colors)}`;
}
