// PCRE patterns of nginx.conf (locations, server names, rewrite, if) as JavaScript regular
// expressions, with a pcre2_compile()-style error when one does not compile; and the addresses
// of allow/deny.
import { ConfError } from './conf-lexer';
import type { AccessRule } from './conf-model';

function pcreError(pattern: string): string {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') {
      if (depth === 0) return `unmatched closing parenthesis in "${pattern}" at "${pattern.slice(i)}"`;
      depth--;
    }
  }
  if (depth > 0) return `missing closing parenthesis in "${pattern}" at ""`;
  if (/(^|[^\\])\[[^\]]*$/.test(pattern)) return `missing terminating ] for character class in "${pattern}" at ""`;
  return `quantifier does not follow a repeatable item in "${pattern}" at "${pattern.replace(/^[^*+?]*/, '')}"`;
}

export function compileRegex(pattern: string, caseless: boolean): RegExp {
  let src = pattern.replace(/\(\?P<(\w+)>/g, '(?<$1>').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  if (src.startsWith('(?i)')) {
    src = src.slice(4);
    caseless = true;
  }
  try {
    return new RegExp(src, caseless ? 'i' : '');
  } catch {
    throw new ConfError(`pcre2_compile() failed: ${pcreError(pattern)}`);
  }
}

function v4(text: string): bigint | undefined {
  const p = text.split('.');
  if (p.length !== 4 || !p.every((x) => /^\d{1,3}$/.test(x) && Number(x) <= 255)) return undefined;
  return p.reduce((n, x) => (n << 8n) | BigInt(Number(x)), 0n);
}

function v6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:]+$/.test(text) || !text.includes(':')) return undefined;
  const [head = '', tail] = text.split('::');
  if (text.split('::').length > 2) return undefined;
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  if (tail === undefined && h.length !== 8) return undefined;
  const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** allow/deny's argument: "all", an address, or address/bits (ngx_ptocidr). */
export function parseAccessRule(allow: boolean, value: string): AccessRule {
  if (value === 'all') return { allow };
  if (value === 'unix:') return { allow, family: 4, net: -1n, mask: 0n };
  const slash = value.indexOf('/');
  const addr = slash < 0 ? value : value.slice(0, slash);
  const bitsText = slash < 0 ? undefined : value.slice(slash + 1);
  const a4 = v4(addr);
  const a6 = a4 === undefined ? v6(addr) : undefined;
  const width = a4 !== undefined ? 32 : 128;
  const bits = bitsText === undefined ? width : /^\d+$/.test(bitsText) ? Number(bitsText) : NaN;
  if ((a4 === undefined && a6 === undefined) || !(bits >= 0 && bits <= width)) throw new ConfError(`invalid parameter "${value}"`);
  const all = (1n << BigInt(width)) - 1n;
  const mask = bits === 0 ? 0n : (all << BigInt(width - bits)) & all;
  return { allow, family: a4 !== undefined ? 4 : 6, net: (a4 ?? a6!) & mask, mask };
}

/** Whether a rule covers `address` (dotted quad or IPv6 text). */
export function ruleMatches(rule: AccessRule, address: string): boolean {
  if (rule.family === undefined) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const a = rule.family === 4 ? v4(mapped ?? address) : v6(address);
  return a !== undefined && (a & rule.mask!) === rule.net;
}
