// gawk -d (--dump-variables): after the program, every global variable with its type and
// value, sorted by name, to awkvars.out, the file named, or standard output for `-`.
import { isSysError, strerror } from '../../shared/errno';
import { G, SPECIALS } from './ast';
import { AwkArray } from './array';
import { fmtHook, nanSign, StrNum, TypedRegex, UNINIT, type Value } from './values';
import { OutStream } from './io';
import type { Runtime } from './runtime';

/** A string as gawk quotes it: C escapes, octal for other bytes that are not printable ASCII. */
export function quoteString(bytes: Uint8Array, delim: '"' | '/'): string {
  const escapes: Record<number, string> = { 7: 'a', 8: 'b', 12: 'f', 10: 'n', 13: 'r', 9: 't', 11: 'v' };
  if (delim === '"') escapes[92] = '\\';
  let out = delim;
  for (const b of bytes) {
    if (delim === '"' && b === 34) out += '\\"';
    else if (b === 0) out += '\\000';
    else if (escapes[b] !== undefined) out += `\\${escapes[b]}`;
    else if (b >= 32 && b < 127) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return out + delim;
}

function scalarText(rt: Runtime, v: Value, touched: boolean): string {
  if (v === UNINIT) return touched ? 'uninitialized scalar' : 'untyped variable';
  if (v instanceof TypedRegex) return `@/${v.s}/`;
  // input text counts as a number once it has been read as one
  if (v instanceof StrNum && !(v.wasParsed() && v.looksNumeric())) return quoteString(rt.codec.encode(v.s), '"');
  if (typeof v === 'string') return quoteString(rt.codec.encode(v), '"');
  const n = typeof v === 'number' ? v : (v as StrNum).num();
  // C's printf: no sign on a positive infinity or NaN
  if (Number.isNaN(n)) return `${nanSign(n) === '-' ? '-' : ''}nan`;
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  return fmtHook.fmtNum('%.17g', n);
}

/** The dump's text. */
export function dumpVariables(rt: Runtime): string {
  const names = rt.prog.globals.map((name, slot) => ({ name, slot })).filter(({ name }) => !rt.prog.funcs.has(name));
  names.push({ name: 'SYMTAB', slot: -1 });
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let out = '';
  for (const { name, slot } of names) {
    let text: string;
    if (slot < 0) text = `array, ${names.length - 2} elements`;
    else {
      const cell = rt.globals[slot]!;
      if (slot === G.NF) text = String(rt.rec.nf);
      else if (cell.a) text = `array, ${cell.a.size} elements`;
      else if (cell.v instanceof AwkArray) text = `array, ${cell.v.size} elements`;
      // the special variables have values from the start
      else text = scalarText(rt, cell.v, cell.scalar || slot < SPECIALS.length);
    }
    out += `${name}: ${text}\n`;
  }
  return out;
}

/** Writes the dump where -d said: `-` is standard output, a file that cannot be written warns and uses standard error. */
export async function writeDump(rt: Runtime, target: string | undefined): Promise<void> {
  const text = dumpVariables(rt);
  if (target === '-') {
    await rt.io.stdout.write(text);
    return;
  }
  const name = target ?? 'awkvars.out';
  const sys = rt.ctx.sys;
  let fd: number;
  try {
    fd = await sys.open(rt.codec.toHost(name), { write: true, create: true, truncate: true }, 0o666);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await rt.io.stdout.flush();
    await rt.io.stderr.write(`${rt.name}: warning: could not open \`${name}' for writing: ${strerror(e.errno)}\n${rt.name}: warning: sending variable list to standard error\n`);
    await rt.io.stderr.write(text);
    return;
  }
  const out = new OutStream(sys, fd, rt.codec, false, name);
  await out.write(text);
  await out.flush();
  sys.close(fd);
}
