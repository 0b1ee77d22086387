// utmpdump (util-linux 2.38): utmp/wtmp/btmp records (384 bytes each) as text lines
// "[type] [pid] [id] [user] [line] [host] [addr] [time]" (times in UTC with microseconds),
// and with -r the reverse, text lines back to records. "Utmp dump of FILE" goes to stderr;
// a short trailing piece of a record is ignored; -o writes to a file.
import { isSysError, strerror, type Errno } from '../../shared/errno';
import { formatAddr } from '../../shared/services/net-addr';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { daysFromCivil } from '../lib/tz';
import { utilLinuxVersion } from './common';

const RECORD = 384;

const HELP = `
Usage:
 utmpdump [options] [filename]

Prints utmp, wtmp or btmp records as text, or (with -r) text back as records.

Options:
 -f, --follow         keep printing records appended to the file
 -r, --reverse        write records from text
 -o, --output <file>  write to this file instead of standard output

 -h, --help           display this help
 -V, --version        display version

For more details see utmpdump(1).
`;

const decoder = new TextDecoder('latin1');
const cstr = (b: Uint8Array): string => {
  const end = b.indexOf(0);
  return decoder.decode(end < 0 ? b : b.subarray(0, end));
};

/** ut_addr_v6 as inet_ntop writes it: IPv4 when only its first word is set. */
function ipText(b: Uint8Array): string {
  return b.subarray(4).some((x) => x !== 0) ? formatAddr({ family: 6, bytes: Array.from(b) }) : Array.from(b.subarray(0, 4)).join('.');
}

function isoUtc(sec: number, usec: number): string {
  const d = new Date(sec * 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())},${String(usec).padStart(6, '0')}+00:00`;
}

function dumpRecord(r: Uint8Array): string {
  const v = new DataView(r.buffer, r.byteOffset, RECORD);
  const pad = (s: string, min: number, max: number): string => s.slice(0, max).padEnd(min);
  return `[${v.getInt16(0, true)}] [${String(v.getInt32(4, true)).padStart(5, '0')}] [${pad(cstr(r.subarray(40, 44)), 4, 4)}] `
    + `[${pad(cstr(r.subarray(44, 76)), 8, 32)}] [${pad(cstr(r.subarray(8, 40)), 12, 32)}] [${pad(cstr(r.subarray(76, 332)), 20, 256)}] `
    + `[${ipText(r.subarray(348, 364)).padEnd(15)}] [${isoUtc(v.getInt32(340, true), v.getInt32(344, true))}]\n`;
}

/** The bracketed fields of one text line, or undefined when it has fewer than eight. */
function fields(line: string): string[] | undefined {
  const out: string[] = [];
  let at = 0;
  while (out.length < 8) {
    const open = line.indexOf('[', at);
    const close = open < 0 ? -1 : line.indexOf(']', open + 1);
    if (close < 0) return undefined;
    out.push(line.slice(open + 1, close));
    at = close + 1;
  }
  return out;
}

function ipBytes(text: string): Uint8Array {
  const out = new Uint8Array(16);
  const t = text.trim();
  if (/^\d+\.\d+\.\d+\.\d+$/.test(t)) {
    t.split('.').forEach((p, i) => { out[i] = Number(p) & 255; });
    return out;
  }
  if (t.includes(':')) {
    const [head, tail] = t.split('::') as [string, string | undefined];
    const h = head ? head.split(':') : [];
    const tl = tail !== undefined && tail !== '' ? tail.split(':') : [];
    const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - tl.length).fill('0'), ...tl];
    groups.slice(0, 8).forEach((g, i) => { const n = parseInt(g || '0', 16); out[i * 2] = n >> 8; out[i * 2 + 1] = n & 255; });
  }
  return out;
}

function undumpRecord(f: string[]): Uint8Array {
  const r = new Uint8Array(RECORD);
  const v = new DataView(r.buffer);
  const put = (text: string, at: number, size: number): void => {
    r.set(new TextEncoder().encode(text.replace(/ +$/, '')).subarray(0, size), at);
  };
  v.setInt16(0, Number.parseInt(f[0]!, 10) || 0, true);
  v.setInt32(4, Number.parseInt(f[1]!, 10) || 0, true);
  put(f[2]!, 40, 4);
  put(f[3]!, 44, 32);
  put(f[4]!, 8, 32);
  put(f[5]!, 76, 256);
  r.set(ipBytes(f[6]!), 348);
  // the time is read as UTC whatever offset it carries; the digits after the comma are microseconds
  const m = /^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)(?:,(\d+))?/.exec(f[7]!.trim());
  if (m) {
    const days = daysFromCivil(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    v.setInt32(340, days * 86400 + Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]), true);
    v.setInt32(344, Number(m[7] ?? 0), true);
  }
  return r;
}

async function readStdin(ctx: Ctx): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (;;) {
    const chunk = await ctx.sys.read(0);
    if (chunk === null || chunk.length === 0) break;
    parts.push(chunk);
  }
  const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of parts) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function run(ctx: Ctx): Promise<number> {
  const sys = ctx.sys;
  let p;
  try {
    p = getopt(ctx.argv.slice(1), [
      { key: 'f', short: 'f', long: 'follow' }, { key: 'r', short: 'r', long: 'reverse' },
      { key: 'o', short: 'o', long: 'output', arg: 'required' }, { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'V', long: 'version' },
    ]);
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.err.write(`utmpdump: ${e.message}\nTry 'utmpdump --help' for more information.\n`);
    return 1;
  }
  if (p.flags.has('h')) return ctx.print(HELP).then(() => 0);
  if (p.flags.has('V')) return ctx.print(`${utilLinuxVersion('utmpdump')}\n`).then(() => 0);
  const file = p.operands[0];
  const name = file ?? '/dev/stdin';
  let data: Uint8Array;
  try {
    data = file === undefined ? await readStdin(ctx) : await sys.readFile(file);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`utmpdump: cannot open ${name}: ${strerror(e.errno as Errno)}\n`);
    return 1;
  }
  const reverse = p.flags.has('r');
  await ctx.err.write(`Utmp ${reverse ? 'undump' : 'dump'} of ${name}\n`);
  let out: Uint8Array;
  if (reverse) {
    const lines = new TextDecoder().decode(data).split(/(?<=\n)/);
    const recs: Uint8Array[] = [];
    for (const line of lines) {
      const f = fields(line);
      // the line is printed with its newline, so the message ends with an empty line
      if (!f) await ctx.err.write(`utmpdump: parse error: ${line}\n`);
      else recs.push(undumpRecord(f));
    }
    out = new Uint8Array(recs.length * RECORD);
    recs.forEach((r, i) => out.set(r, i * RECORD));
  } else {
    let text = '';
    for (let at = 0; at + RECORD <= data.length; at += RECORD) text += dumpRecord(data.subarray(at, at + RECORD));
    out = new TextEncoder().encode(text);
  }
  const target = p.values.get('o')?.at(-1);
  if (target !== undefined) {
    try {
      await sys.writeFile(target, out);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.err.write(`utmpdump: cannot open ${target}: ${strerror(e.errno as Errno)}\n`);
      return 1;
    }
    return 0;
  }
  await ctx.flush();
  await sys.write(1, out);
  return 0;
}

export default defineProgram({
  name: 'utmpdump',
  installPath: '/usr/bin/utmpdump',
  pkg: 'util-linux',
  main: run,
});
