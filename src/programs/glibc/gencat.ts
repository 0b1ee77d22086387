// gencat (glibc 2.36): builds message catalogs. Here: its options and errors, and the
// catalogs it writes (numbered messages; symbolic names are not handled).
import { defineProgram } from '../define';
import { argpRun, argpStandard, BUG_REPORTS, glibcVersion } from './argp';

const GENCAT_USAGE = `Usage: gencat [-?V] [-H NAME] [-o NAME] [--header=NAME] [--new] [--output=NAME]
            [--help] [--usage] [--version] -o OUTPUT-FILE [INPUT-FILE]...
  or:  gencat [OPTION...] [OUTPUT-FILE [INPUT-FILE]...]
`;

const GENCAT_HELP = `Usage: gencat [OPTION...] -o OUTPUT-FILE [INPUT-FILE]...
  or:  gencat [OPTION...] [OUTPUT-FILE [INPUT-FILE]...]
Build a message catalog from message source files.
With no INPUT-FILE or with -, the source is read from standard input; an
OUTPUT-FILE of - writes the catalog to standard output.

  -H, --header=NAME          also write a C header with the symbolic names
      --new                  do not merge into an existing catalog
  -o, --output=NAME          write the catalog to NAME
  -?, --help                 show this help
      --usage                show a short usage message
  -V, --version              show the version

${BUG_REPORTS}`;

interface Parsed {
  /** set number -> message number -> text */
  sets: Map<number, Map<number, string>>;
  errors: string[];
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', v: '\v', b: '\b', r: '\r', f: '\f', '\\': '\\' };

/** Message text with the escapes of the source format (\n, \t, \\, \ooo) and the quote character undone. */
function unescape(text: string, quote: string | null): string {
  let t = text;
  if (quote && t.startsWith(quote) && t.endsWith(quote) && t.length >= 2) t = t.slice(1, -1);
  return t.replace(/\\([0-7]{1,3}|.)/g, (_, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (ESCAPES[e] ?? e)));
}

/** Reads a message source: $set, $delset, $quote, comments, numbered messages. */
function parseSource(name: string, text: string, into: Parsed, utf8: boolean): void {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let set = 1;
  let quote: string | null = null;
  const first = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const no = i + 1;
    let line = lines[i]!;
    while (line.endsWith('\\') && !line.endsWith('\\\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]!;
    if (line === '') continue;
    if (line.startsWith('$')) {
      const m = /^\$(set|delset|quote)(?:[ \t]+(.*))?$/.exec(line);
      if (!m) continue; // a comment
      const arg = (m[2] ?? '').trim();
      if (m[1] === 'quote') {
        quote = arg === '' ? null : arg[0]!;
        continue;
      }
      const n = /^[0-9]+/.exec(arg);
      if (!n) {
        into.errors.push(`${name}:${no}: illegal set number\n`);
        continue;
      }
      // $delset removes a set from the catalog being merged into, not from this input
      if (m[1] === 'set') {
        set = Number(n[0]) >>> 0;
        if (!into.sets.has(set)) into.sets.set(set, new Map());
      }
      continue;
    }
    const m = /^([0-9]+)(?:[ \t](.*))?$/.exec(line);
    if (!m) {
      into.errors.push(`${name}:${no}: malformed line ignored\n`);
      continue;
    }
    // outside a UTF-8 locale only ASCII is a valid character
    if (!utf8 && /[^\x00-\x7f]/.test(m[2] ?? '')) {
      into.errors.push(`${name}:${no}: invalid character: message ignored\n`);
      continue;
    }
    const msg = Number(m[1]) >>> 0;
    const key = `${set}:${msg}`;
    let msgs = into.sets.get(set);
    if (!msgs) into.sets.set(set, (msgs = new Map()));
    if (msgs.has(msg) && first.has(key)) {
      into.errors.push(`${name}:${no}: duplicated message number\n${name}:${first.get(key)}: this is the first definition\n`);
      continue;
    }
    first.set(key, no);
    msgs.set(msg, unescape(m[2] ?? '', quote));
  }
}

/**
 * The catalog file: magic, table size and depth, the (set+1, message, offset) table in little-
 * and then big-endian order, then the strings. The size is the smallest table (ties go to the
 * larger size) in which each slot (set+1)*message mod size holds at most `depth` entries.
 */
function buildCatalog(sets: Map<number, Map<number, string>>): Uint8Array {
  const entries: { set: number; msg: number; text: string }[] = [];
  // sets in the reverse of the order they were opened (the default set 1 is opened first)
  for (const set of [...sets.keys()].reverse()) {
    const msgs = sets.get(set)!;
    for (const msg of [...msgs.keys()].sort((a, b) => a - b)) entries.push({ set: set + 1, msg, text: msgs.get(msg)! });
  }
  let bestTotal = Infinity;
  let size = 0;
  let depth = 0;
  for (let act = 1; act <= bestTotal; act++) {
    const counts = new Array<number>(act).fill(0);
    let max = 0;
    for (const e of entries) {
      const idx = Number((BigInt(e.set) * BigInt(e.msg)) % BigInt(act));
      max = Math.max(max, ++counts[idx]!);
    }
    if (max * act <= bestTotal) {
      bestTotal = max * act;
      size = act;
      depth = max;
    }
    if (entries.length === 0) break;
  }
  if (size === 0 || depth === 0) size = depth = 1;
  const table = new Array<number>(size * depth * 3).fill(0);
  const encoder = new TextEncoder();
  const strings: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const bytes = encoder.encode(`${e.text}\0`);
    let slot = Number((BigInt(e.set) * BigInt(e.msg)) % BigInt(size));
    while (table[slot * 3] !== 0) slot += size;
    table[slot * 3] = e.set;
    table[slot * 3 + 1] = e.msg;
    table[slot * 3 + 2] = offset;
    strings.push(bytes);
    offset += bytes.length;
  }
  const out = new Uint8Array(12 + table.length * 8 + offset);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x960408de, true);
  v.setUint32(4, size, true);
  v.setUint32(8, depth, true);
  table.forEach((n, i) => {
    v.setUint32(12 + i * 4, n >>> 0, true);
    v.setUint32(12 + table.length * 4 + i * 4, n >>> 0, false);
  });
  let at = 12 + table.length * 8;
  for (const b of strings) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

export default defineProgram({
  name: 'gencat',
  installPath: '/usr/bin/gencat',
  pkg: 'glibc',
  async main(ctx) {
    const r = await argpRun(ctx, 'gencat', [
      { key: 'H', short: 'H', long: 'header', arg: true },
      { key: 'o', short: 'o', long: 'output', arg: true },
      { key: 'new', long: 'new' },
    ], 64);
    if (typeof r === 'number') return r;
    if (await argpStandard(ctx, r, GENCAT_HELP, GENCAT_USAGE, glibcVersion('gencat', 'Ulrich Drepper'))) return 0;
    const operands = [...r.operands];
    const output = r.opts.filter((o) => o.key === 'o').pop()?.value ?? operands.shift() ?? '-';
    const parsed: Parsed = { sets: new Map([[1, new Map()]]), errors: [] };
    const ctype = ctx.env.get('LC_ALL') || ctx.env.get('LC_CTYPE') || ctx.env.get('LANG') || '';
    const utf8 = /^C\.utf-?8(@|$)/i.test(ctype);
    let status = 0;
    const inputs = operands.length ? operands : ['-'];
    for (const input of inputs) {
      let bytes: Uint8Array;
      try {
        if (input === '-') {
          const parts: Uint8Array[] = [];
          for (let c = await ctx.sys.read(0); c && c.length; c = await ctx.sys.read(0)) parts.push(c);
          bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
          parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
        } else {
          bytes = await ctx.sys.readFile(input);
        }
      } catch {
        await ctx.err.write(`cannot open input file \`${input}': No such file or directory\n`);
        status = 1;
        continue;
      }
      parseSource(input === '-' ? '<stdin>' : input, new TextDecoder().decode(bytes), parsed, utf8);
    }
    // an input that cannot be read leaves the output alone
    if (status !== 0) return status;
    if (parsed.errors.length) {
      await ctx.err.write(parsed.errors.join(''));
      status = 1;
    }
    const bytes = buildCatalog(parsed.sets);
    if (output === '-') await ctx.sys.write(1, bytes);
    else await ctx.sys.writeFile(output, bytes);
    return status;
    return 0;
  },
});

