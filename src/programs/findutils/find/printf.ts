// -printf and -fprintf: the format is cut into segments once (escapes, %-directives with
// flags, width and precision), then each file is formatted as findutils' do_fprintf does.
import { humanReadable } from '../../lib/human';
import { modeString } from '../../lib/mode-string';
import { strftime } from '../../lib/strftime';
import { localZone, msToTimespec, type TimeZone } from '../../lib/tz';
import { displayName, q } from './parse';
import { baseName } from './tests';
import { FindExit, type Entry, type FindState } from './types';

type Segment =
  | { kind: 'plain'; text: string }
  | { kind: 'stop'; text: string }
  | { kind: 'fmt'; flags: string; width: string; prec: string; conv: string; aux: string };

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
const ONE = 'abcdDfFgGhHiklmMnpPsStuUyYZ%';
const TWO = 'ABCT';

/** Compiles a -printf format; warnings go out through `warn`. */
export function compileFormat(fmt: string, warn: (msg: string) => void): Segment[] {
  const segs: Segment[] = [];
  let plain = '';
  const flushPlain = (): void => {
    if (plain) segs.push({ kind: 'plain', text: plain });
    plain = '';
  };
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c === '\\') {
      const n = fmt[i + 1];
      if (n === 'c') {
        flushPlain();
        segs.push({ kind: 'stop', text: '' });
        return segs;
      }
      if (n === undefined) {
        warn("warning: escape `\\' followed by nothing at all");
        plain += '\\';
        continue;
      }
      if (/[0-7]/.test(n)) {
        let j = i + 1;
        let v = 0;
        for (let k = 0; k < 3 && /[0-7]/.test(fmt[j] ?? ''); k++, j++) v = v * 8 + Number(fmt[j]);
        plain += String.fromCharCode(v & 0xff);
        i = j - 1;
        continue;
      }
      const e = ESCAPES[n];
      if (e === undefined) {
        warn(`warning: unrecognized escape \`\\${n}'`);
        plain += `\\${n}`;
        i++;
        continue;
      }
      plain += e;
      i++;
      continue;
    }
    if (c !== '%') {
      plain += c;
      continue;
    }
    if (i + 1 >= fmt.length) throw new FindExit(1, `error: ${fmt.slice(i)} at end of format string`);
    if (fmt[i + 1] === '%') {
      plain += '%';
      i++;
      continue;
    }
    const m = /^([-+ #0]*)(\d*)(?:\.(\d*))?/.exec(fmt.slice(i + 1))!;
    const j = i + 1 + m[0].length;
    const conv = fmt[j];
    if (conv === '%') {
      // a % directive with flags, width or precision prints them after its %: %-5% is "%-5"
      plain += fmt.slice(i, j);
      i = j;
      continue;
    }
    if (conv !== undefined && ONE.includes(conv)) {
      flushPlain();
      segs.push({ kind: 'fmt', flags: m[1]!, width: m[2]!, prec: m[3] ?? '', conv, aux: '' });
      i = j;
      continue;
    }
    if (conv !== undefined && TWO.includes(conv) && fmt[j + 1] !== undefined) {
      flushPlain();
      segs.push({ kind: 'fmt', flags: m[1]!, width: m[2]!, prec: m[3] ?? '', conv, aux: fmt[j + 1]! });
      i = j + 1;
      continue;
    }
    if (conv !== undefined && '{[('.includes(conv)) throw new FindExit(1, `error: the format directive \`%${conv}' is reserved for future use`);
    if (conv !== undefined && TWO.includes(conv)) warn(`warning: format directive \`%${conv}' should be followed by another character`);
    else warn(`warning: unrecognized format directive \`%${conv ?? ''}'`);
    plain += fmt.slice(i, j + 1);
    i = j;
  }
  flushPlain();
  return segs;
}

/** C printf %s with flags, width and precision. */
function padString(s: string, seg: { flags: string; width: string; prec: string }): string {
  let v = seg.prec !== '' ? s.slice(0, Number(seg.prec)) : s;
  const w = Number(seg.width || '0');
  if (v.length < w) v = seg.flags.includes('-') ? v.padEnd(w) : v.padStart(w);
  return v;
}

/** C printf %d / %o with flags. */
function padNumber(n: number, octal: boolean, seg: { flags: string; width: string; prec: string }): string {
  let digits = octal ? n.toString(8) : String(Math.abs(n));
  if (seg.prec !== '') digits = digits.padStart(Number(seg.prec), '0');
  if (octal && seg.flags.includes('#') && !digits.startsWith('0')) digits = `0${digits}`;
  let sign = '';
  if (!octal) sign = n < 0 ? '-' : seg.flags.includes('+') ? '+' : seg.flags.includes(' ') ? ' ' : '';
  const w = Number(seg.width || '0');
  if (seg.flags.includes('-')) return (sign + digits).padEnd(w);
  if (seg.flags.includes('0') && seg.prec === '') return sign + digits.padStart(w - sign.length, '0');
  return (sign + digits).padStart(w);
}

const pad2 = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The fraction findutils prints after seconds: nine digits of nanoseconds and a 0. */
function nsSuffix(ms: number): string {
  return `.${pad2(msToTimespec(ms).ns, 9)}0`;
}

/** %t / %a / %c: "Thu Nov 26 15:40:15.9983781890 2026", in the local zone. */
function ctimeFormat(ms: number, tz: TimeZone): string {
  return `${strftime('%a %b %e %H:%M:%S', ms, undefined, tz)}${nsSuffix(ms)} ${strftime('%Y', ms, undefined, tz)}`;
}

function formatDate(ms: number, k: string, tz: TimeZone): string {
  const secs = Math.floor(ms / 1000);
  if (k === '@') return `${secs}${nsSuffix(ms)}`;
  if (k === '+') return `${strftime('%Y-%m-%d+%H:%M:%S', ms, undefined, tz)}${nsSuffix(ms)}`;
  // glibc's strftime has no %N: it stays as written
  const base = strftime(`%${k}`, ms, undefined, tz, { glibc: true });
  if (k === 'S' || k === 'T' || k === 'X') return base + nsSuffix(ms);
  return base;
}

const typeLetter = (kind: string): string =>
  ({ file: 'f', dir: 'd', symlink: 'l', socket: 's', blockdev: 'b', chardev: 'c', fifo: 'p' })[kind] ?? 'U';

/** The local time zone (TZ, else /etc/localtime), read once per find. */
async function zoneOf(s: FindState): Promise<TimeZone> {
  s.tz ??= await localZone(s.ctx.sys);
  return s.tz;
}

async function directive(seg: Extract<Segment, { kind: 'fmt' }>, e: Entry, s: FindState): Promise<string> {
  const st = e.st;
  const str = (v: string): string => padString(v, seg);
  const quoted = (v: string): string => padString(displayName(v, s), seg);
  switch (seg.conv) {
    case 'a': return str(ctimeFormat(st.atime, await zoneOf(s)));
    case 'c': return str(ctimeFormat(st.ctime, await zoneOf(s)));
    case 't': return str(ctimeFormat(st.mtime, await zoneOf(s)));
    case 'A': return str(formatDate(st.atime, seg.aux, await zoneOf(s)));
    case 'C': return str(formatDate(st.ctime, seg.aux, await zoneOf(s)));
    case 'T': return str(formatDate(st.mtime, seg.aux, await zoneOf(s)));
    // find 4.9 takes stat(2)'s times, which have no birth time on Linux: nothing is printed,
    // and %B@ shows the unknown time's -1 seconds and -1 nanoseconds as they come out
    case 'B': return str(seg.aux === '@' ? '-1.-000000010' : '');
    case 'b': return str(humanReadable(st.blocks, 512, 512));
    case 'k': return str(humanReadable(st.blocks, 512, 1024));
    case 'd': return padNumber(e.depth, false, seg);
    case 'D': return str(String(st.dev));
    case 'f': {
      // gnulib base_name: the last component, keeping one of its trailing slashes
      const b = baseName(e.path);
      return quoted(b !== '/' && e.path.endsWith('/') ? `${b}/` : b);
    }
    case 'F': return quoted(fsType(s, e.path));
    case 'g': return str(s.acc.groupName(st.gid) ?? String(st.gid));
    case 'G': return str(String(st.gid));
    case 'u': return str(s.acc.userName(st.uid) ?? String(st.uid));
    case 'U': return str(String(st.uid));
    case 'h': {
      // the directory part of the name without its trailing slashes; when that has none
      // (d//, //), the part before the name's last slash
      let p = e.path;
      const m = /^(.*?[^/])\/+$/.exec(p);
      if (m && m[1]!.includes('/')) p = m[1]!;
      const slash = p.lastIndexOf('/');
      return quoted(slash < 0 ? '.' : p.slice(0, slash));
    }
    case 'H': return str(e.root);
    case 'i': return str(String(st.ino));
    case 'l': {
      if (st.kind !== 'symlink') return quoted('');
      try {
        return quoted(await s.ctx.sys.readlink(e.path));
      } catch (err) {
        await s.ctx.perror(err, q(e.path));
        s.status = 1;
        return quoted('');
      }
    }
    case 'm': return padNumber(st.mode & 0o7777, true, seg);
    case 'M': return str(modeString(st.mode));
    case 'n': return str(String(st.nlink));
    case 'p': return quoted(e.path);
    case 'P': {
      if (e.depth === 0) return quoted('');
      let rest = e.path.slice(e.root.length);
      if (rest.startsWith('/')) rest = rest.slice(1);
      return quoted(rest);
    }
    case 's': return str(String(st.size));
    case 'S': {
      const sparse = st.size === 0 ? 1 : (st.blocks * 512) / st.size;
      return str(String(Number(sparse.toPrecision(6))));
    }
    case 'y': return str(typeLetter(st.kind));
    case 'Y': {
      if (st.kind !== 'symlink') return str(typeLetter(st.kind));
      try {
        return str(typeLetter((await s.ctx.sys.stat(e.path)).kind));
      } catch (err) {
        const errno = (err as { errno?: string }).errno;
        if (errno === 'ENOENT' || errno === 'ENOTDIR') return str('N');
        if (errno === 'ELOOP') return str('L');
        await s.ctx.perror(err, q(e.path));
        return str('?');
      }
    }
    case 'Z':
      // no SELinux here: getfilecon finds no label
      await s.ctx.error(`getfilecon failed: ${q(e.path)}: No data available`);
      s.status = 1;
      return str('');
    default: return '';
  }
}

function fsType(s: FindState, path: string): string {
  let best = '';
  let type = 'unknown';
  const abs = path.startsWith('/') ? path : `${s.ctx.sys.getcwd()}/${path}`;
  for (const m of s.ctx.sys.mounts()) {
    if ((abs === m.target || abs.startsWith(m.target === '/' ? '/' : `${m.target}/`)) && m.target.length >= best.length) {
      best = m.target;
      type = m.type;
    }
  }
  return type;
}

/** Formats one file; returns the text and whether \c asked to stop. */
export async function formatEntry(segs: Segment[], e: Entry, s: FindState, w?: { write(t: string): Promise<void> }): Promise<string> {
  let out = '';
  for (const seg of segs) {
    if (seg.kind === 'plain' || seg.kind === 'stop') out += seg.text;
    else {
      // find writes as it goes: text before a directive that complains comes out first
      if (seg.conv === 'Z' && w) {
        await w.write(out);
        out = '';
      }
      out += await directive(seg, e, s);
    }
  }
  return out;
}
