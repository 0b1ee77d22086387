import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { argmatch, argmatchError } from '../lib/argmatch';
import { parseOptions, tryHelp } from '../lib/cli';
import { coreutilsVersion } from '../lib/gnu';
import type { Ctx } from '../lib/context';
import { makeComparator, sortLines } from '../lib/sort-compare';
import { defaultKeyCompare, keyOpts, newKey, parseKeySpec, setOrdering, type Key } from '../lib/sort-keys';
import { bin, binArg, closeInput, openInput, Output, qaf, qf, ql, readAllBin, readChunk, textOf } from '../lib/textio';
import { debugLine, debugWarnings, type DebugSetup } from './sort-debug';
import { SORT_HELP } from './sort-help';
import { batchSizeError, checkSortSize, parallelError } from './sort-limits';
import { optionSpelling, xstrtolFatalMessage } from './xstrtol-fatal';

const spec = {
  name: 'sort',
  installPath: '/usr/bin/sort',
  pkg: 'coreutils',
  usage: 'sort [OPTION]... [FILE]...\nsort [OPTION]... --files0-from=F',
  help: SORT_HELP,
  version: coreutilsVersion('sort', ['Mike Haertel', 'Paul Eggert']),
  usageStatus: 2,
  options: [
    { key: 'b', short: 'b', long: 'ignore-leading-blanks' },
    { key: 'check', long: 'check', arg: 'optional' as const },
    { key: 'compress', long: 'compress-program', arg: 'required' as const },
    { key: 'debug', long: 'debug' },
    { key: 'd', short: 'd', long: 'dictionary-order' },
    { key: 'f', short: 'f', long: 'ignore-case' },
    { key: 'files0', long: 'files0-from', arg: 'required' as const },
    { key: 'g', short: 'g', long: 'general-numeric-sort' },
    { key: 'i', short: 'i', long: 'ignore-nonprinting' },
    { key: 'k', short: 'k', long: 'key', arg: 'required' as const },
    { key: 'm', short: 'm', long: 'merge' },
    { key: 'M', short: 'M', long: 'month-sort' },
    { key: 'n', short: 'n', long: 'numeric-sort' },
    { key: 'h', short: 'h', long: 'human-numeric-sort' },
    { key: 'V', short: 'V', long: 'version-sort' },
    { key: 'R', short: 'R', long: 'random-sort' },
    { key: 'random-source', long: 'random-source', arg: 'required' as const },
    { key: 'sort', long: 'sort', arg: 'required' as const },
    { key: 'o', short: 'o', long: 'output', arg: 'required' as const },
    { key: 'r', short: 'r', long: 'reverse' },
    { key: 's', short: 's', long: 'stable' },
    { key: 'batch', long: 'batch-size', arg: 'required' as const },
    { key: 'S', short: 'S', long: 'buffer-size', arg: 'required' as const },
    { key: 't', short: 't', long: 'field-separator', arg: 'required' as const },
    { key: 'T', short: 'T', long: 'temporary-directory', arg: 'required' as const },
    { key: 'u', short: 'u', long: 'unique' },
    { key: 'z', short: 'z', long: 'zero-terminated' },
    { key: 'parallel', long: 'parallel', arg: 'required' as const },
    { key: 'c', short: 'c' },
    { key: 'C', short: 'C' },
    { key: 'y', short: 'y', arg: 'required' as const },
  ],
};

const SORT_WORDS = [['general-numeric', 'g'], ['human-numeric', 'h'], ['month', 'M'], ['numeric', 'n'], ['random', 'R'], ['version', 'V']] as const;
const CHECK_WORDS = [['quiet', 'C'], ['silent', 'C'], ['diagnose-first', 'c']] as const;

/** The first 16 bytes of a --random-source file (GNU randread reads a file as is). */
async function readSeed(ctx: Ctx, name: string): Promise<Uint8Array> {
  const fd = await openInput(ctx, name);
  if (typeof fd !== 'number') throw new Die(`open failed: ${qf(name)}: ${strerror(fd.errno)}`);
  const seed = new Uint8Array(16);
  let have = 0;
  try {
    while (have < 16) {
      const chunk = await ctx.sys.read(fd, 16 - have);
      if (chunk === null || chunk.length === 0) throw new Die(`${ql(name)}: end of file`);
      seed.set(chunk, have);
      have += chunk.length;
    }
  } catch (e) {
    if (isSysError(e)) throw new Die(`${ql(name)}: read error: ${strerror(e.errno)}`);
    throw e;
  } finally {
    closeInput(ctx, fd);
  }
  return seed;
}

class Die extends Error {
  constructor(message: string) {
    super(message);
  }
}

/** Traditional +POS1 [-POS2] keys (sort.c, case 1): turned into -k options. */
function traditionalKeys(args: readonly string[], made: Set<string>): string[] {
  const out: string[] = [];
  const takesValue = /^-[^-]*[koStTy]$/;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.push(...args.slice(i));
      break;
    }
    const m = /^\+(\d+)(?:\.(\d+))?([bdfghiMnRrV]*)$/.exec(a);
    if (!m || (i > 0 && takesValue.test(args[i - 1]!))) {
      out.push(a);
      continue;
    }
    const sword = Number(m[1]);
    const schar = Number(m[2] ?? 0);
    let spec = `${sword + 1}.${schar + 1}${m[3]}`;
    const next = args[i + 1];
    const e = next !== undefined ? /^-(\d+)(?:\.(\d+))?([bdfghiMnRrV]*)$/.exec(next) : null;
    if (e) {
      const eword = Number(e[1]);
      const echar = Number(e[2] ?? 0);
      spec += echar === 0 ? `,${eword}${e[3]}` : `,${eword + 1}.${echar}${e[3]}`;
      i++;
    }
    out.push(`-k${spec}`);
    made.add(spec);
  }
  return out;
}

/** GNU sort's `struct line` per line it holds, beside the text itself. */
const LINE_OVERHEAD = 32;

/**
 * Reads every line of the inputs. What sort holds is its memory: charged as it arrives (the
 * text, and a struct line per line), so a huge input meets the OOM killer, and RLIMIT_AS
 * (ulimit -v) a refused allocation: xalloc_die's "memory exhausted".
 */
async function readInputs(ctx: Ctx, files: string[], eol: string, statFirst = false): Promise<string[]> {
  const lines: string[] = [];
  const delim = eol.charCodeAt(0);
  const charge = (bytes: number): void => {
    try {
      ctx.sys.alloc(bytes);
    } catch (e) {
      if (isSysError(e) && e.errno === 'ENOMEM') throw new Die('memory exhausted');
      throw e;
    }
  };
  for (const file of files) {
    const fd = await openInput(ctx, file);
    if (typeof fd !== 'number') throw new Die(`open failed: ${qf(file)}: ${strerror(fd.errno)}`);
    if (statFirst) {
      // sorting sizes its buffer from the inputs' sizes first (sort_buffer_size)
      try {
        ctx.sys.fstat(fd);
      } catch (e) {
        if (isSysError(e)) throw new Die(`stat failed: ${qf(file)}: ${strerror(e.errno)}`);
        throw e;
      }
    }
    try {
      let pending: string[] = [];
      for (;;) {
        const chunk = await readChunk(ctx, fd);
        if (chunk === null) break;
        charge(chunk.length);
        pending.push(bin(chunk));
        if (chunk.indexOf(delim) < 0) continue;
        const parts = (pending.length === 1 ? pending[0]! : pending.join('')).split(eol);
        pending = [parts.pop()!];
        charge(parts.length * LINE_OVERHEAD);
        for (const l of parts) lines.push(l);
      }
      const last = pending.join('');
      if (last !== '') {
        charge(LINE_OVERHEAD);
        lines.push(last);
      }
    } catch (e) {
      if (isSysError(e)) throw new Die(`read failed: ${qf(file)}: ${strerror(e.errno)}`);
      throw e;
    } finally {
      closeInput(ctx, fd);
    }
  }
  return lines;
}

export default defineProgram({
  ...spec,
  options: undefined,
  async main(ctx, raw) {
    const made = new Set<string>();
    const parsed = await parseOptions(ctx, spec, traditionalKeys(raw.operands, made));
    if (typeof parsed === 'number') return parsed;
    try {
      return await run(ctx, parsed.order, parsed.operands, made, raw.operands);
    } catch (e) {
      if (e instanceof Die) {
        await ctx.error(e.message);
        return 2;
      }
      throw e;
    }
  },
});

async function run(ctx: Ctx, order: { key: string; value: string | undefined }[], operands: string[], traditional: Set<string>, argv: readonly string[]): Promise<number> {
  const gkey = newKey();
  gkey.sword = -1;
  const keys: Key[] = [];
  let check: string | undefined;
  let merge = false;
  let outfile: string | undefined;
  let tab = -1;
  let unique = false;
  let stable = false;
  let eol = '\n';
  let files0: string | undefined;
  let randomSource: string | undefined;
  let debug = false;
  /** Keys given as +POS1 [-POS2]: --debug suggests their -k form. */
  const oldStyle = new Set<Key>();
  for (const { key, value } of order) {
    const v = value ?? '';
    switch (key) {
      case 'sort': {
        const r = argmatch(v, SORT_WORDS);
        if ('error' in r) {
          // argmatch_die exits through usage(EXIT_FAILURE): 1, not sort's 2
          await argmatchError(ctx, '--sort', v, r.error, SORT_WORDS);
          await tryHelp(ctx);
          return 1;
        }
        setOrdering(r.value, 0, gkey, 'both');
        break;
      }
      case 'b': case 'd': case 'f': case 'g': case 'h': case 'i': case 'M': case 'n': case 'r': case 'R': case 'V':
        setOrdering(key, 0, gkey, 'both');
        break;
      case 'check': case 'c': case 'C': {
        let c = key;
        if (key === 'check') {
          if (value === undefined) c = 'c';
          else {
            const r = argmatch(v, CHECK_WORDS);
            if ('error' in r) {
              await argmatchError(ctx, '--check', v, r.error, CHECK_WORDS);
              await tryHelp(ctx);
              return 1;
            }
            c = r.value;
          }
        }
        if (check && check !== c) throw new Die("options '-cC' are incompatible");
        check = c;
        break;
      }
      case 'k': {
        const k = parseKeySpec(v);
        if (typeof k === 'string') throw new Die(k);
        if (traditional.has(v)) oldStyle.add(k);
        keys.push(k);
        break;
      }
      case 'm': merge = true; break;
      case 'debug': debug = true; break;
      case 'o':
        if (outfile !== undefined && outfile !== v) throw new Die('multiple output files specified');
        outfile = v;
        break;
      case 'S': {
        const failure = checkSortSize(v);
        if (failure) throw new Die(xstrtolFatalMessage(failure, optionSpelling(argv, 'S', 'buffer-size'), v));
        break;
      }
      case 'parallel': case 'batch': {
        const name = key === 'batch' ? '--batch-size' : '--parallel';
        const lines = key === 'batch' ? batchSizeError(v, name, ctx.sys.getrlimit('nofile').soft) : parallelError(v, name);
        if (lines) {
          for (const line of lines.slice(0, -1)) await ctx.error(line);
          throw new Die(lines[lines.length - 1]!);
        }
        break;
      }
      case 's': stable = true; break;
      case 'u': unique = true; break;
      case 'z': eol = '\0'; break;
      case 'files0': files0 = v; break;
      case 'random-source':
        if (randomSource !== undefined && randomSource !== v) throw new Die('multiple random sources specified');
        randomSource = v;
        break;
      case 't': {
        let t = binArg(v);
        if (t === '') throw new Die('empty tab');
        if (t.length > 1) {
          if (t === '\\0') t = '\0';
          else throw new Die(`multi-character tab ${ql(v)}`);
        }
        if (tab >= 0 && tab !== t.charCodeAt(0)) throw new Die('incompatible tabs');
        tab = t.charCodeAt(0);
        break;
      }
      default:
        break;
    }
  }
  let files = operands;
  if (files0 !== undefined) {
    if (files.length) {
      await ctx.error(`extra operand ${qaf(files[0]!)}`);
      await ctx.err.write('file operands cannot be combined with --files0-from\n');
      await tryHelp(ctx);
      return 2;
    }
    const fd = await openInput(ctx, files0);
    if (typeof fd !== 'number') throw new Die(`open failed: ${qf(files0)}: ${strerror(fd.errno)}`);
    let text: string;
    try {
      text = await readAllBin(ctx, fd);
    } catch (e) {
      // sort.c reports a failed read of the list without the reason
      if (!isSysError(e)) throw e;
      throw new Die(`cannot read file names from ${qaf(files0)}`);
    } finally {
      closeInput(ctx, fd);
    }
    const names = text.split('\0');
    if (names[names.length - 1] === '') names.pop();
    if (names.length === 0) throw new Die(`no input from ${qaf(files0)}`);
    for (const [i, n] of names.entries()) {
      if (n === '-') throw new Die(`when reading file names from stdin, no file name of ${qaf(n)} allowed`);
      if (n === '') throw new Die(`${qf(files0)}:${i + 1}: invalid zero-length file name`);
    }
    files = names.map(textOf);
  }
  for (const k of keys) {
    if (defaultKeyCompare(k) && !k.reverse) {
      Object.assign(k, {
        ignore: gkey.ignore, translate: gkey.translate, skipsblanks: gkey.skipsblanks, skipeblanks: gkey.skipeblanks, month: gkey.month,
        numeric: gkey.numeric, general: gkey.general, human: gkey.human, version: gkey.version, random: gkey.random, reverse: gkey.reverse,
      });
    }
  }
  const gkeyOnly = keys.length === 0 && !defaultKeyCompare(gkey);
  if (gkeyOnly) keys.push(gkey);
  for (const k of keys) {
    if (Number(k.numeric) + Number(k.general) + Number(k.human) + Number(k.month) + Number(k.version || k.random || !!k.ignore) > 1) {
      throw new Die(`options '-${keyOpts({ ...k, skipsblanks: false, skipeblanks: false, reverse: false })}' are incompatible`);
    }
  }
  let dbg: DebugSetup | undefined;
  if (debug && check) throw new Die(`options '-${check} --debug' are incompatible`);
  if (debug && outfile !== undefined) throw new Die("options '-o --debug' are incompatible");
  if (debug) {
    dbg = { keys, gkey, gkeyOnly, tab, stable, unique, oldStyle };
    for (const w of debugWarnings(dbg)) await ctx.error(w);
  }
  if (files.length === 0) files = ['-'];
  // -R hashes each key after 16 bytes of seed: the start of --random-source when given
  const salt = randomSource !== undefined && keys.some((k) => k.random) ? await readSeed(ctx, randomSource) : ctx.sys.randomBytes(16);
  const cmp = makeComparator({ keys, tab, reverse: gkey.reverse, unique, stable, salt });

  if (check) {
    if (files.length > 1) throw new Die(`extra operand ${qaf(files[1]!)} not allowed with -${check}`);
    if (outfile !== undefined) throw new Die(`options '-${check}o' are incompatible`);
    return checkSorted(ctx, files[0]!, cmp, unique, check === 'c', eol);
  }
  for (const f of files) {
    if (f === '-') continue;
    try {
      await ctx.sys.access(f, 4);
    } catch (e) {
      if (isSysError(e)) throw new Die(`cannot read: ${qf(f)}: ${strerror(e.errno)}`);
      throw e;
    }
  }
  let outFd = 1;
  if (outfile !== undefined) {
    try {
      outFd = await ctx.sys.open(outfile, { write: true, create: true }, 0o666);
    } catch (e) {
      if (isSysError(e)) throw new Die(`open failed: ${qf(outfile)}: ${strerror(e.errno)}`);
      throw e;
    }
  }
  let lines: string[];
  if (merge) {
    const lists: string[][] = [];
    for (const f of files) lists.push(await readInputs(ctx, [f], eol));
    lines = await mergeLists(ctx, lists, cmp);
  } else {
    lines = await readInputs(ctx, files, eol, true);
    await ctx.tick();
    sortLines(lines, { keys, tab, reverse: gkey.reverse, unique, stable, salt });
  }
  // fopen ("w") truncates a regular file; O_TRUNC means nothing to a device
  if (outFd !== 1 && ctx.sys.fstat(outFd).kind === 'file') ctx.sys.ftruncate(outFd, 0);
  const out = new Output(ctx, undefined, outFd);
  // how much went to stdio's buffer: a failure within its first 4 KiB shows at the final fflush
  let written = 0;
  const put = (text: string): Promise<void> | undefined => {
    written += text.length;
    return out.write(text);
  };
  let prev: string | undefined;
  let batch: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (unique) {
      if (prev !== undefined && cmp(line, prev) === 0) continue;
      prev = line;
    }
    if (dbg) {
      await put(debugLine(line, dbg));
      continue;
    }
    batch.push(line);
    if (batch.length >= 4096) {
      await ctx.tick();
      await put(`${batch.join(eol)}${eol}`);
      batch = [];
      if (out.failed) break;
    }
  }
  if (batch.length) await put(`${batch.join(eol)}${eol}`);
  await out.flush();
  if (outFd !== 1) ctx.sys.close(outFd);
  if (out.failed) {
    await ctx.tick();
    const what = written <= 4096 ? 'fflush failed' : 'write failed';
    await ctx.error(`${what}: ${qf(outfile ?? 'standard output')}: ${strerror(out.failed.errno)}`);
    // -o reopens stdout on the file, so close_stdout finds the stream in error too
    await ctx.error('write error');
    ctx.out.reported = true;
    return 2;
  }
  return 0;
}

async function mergeLists(ctx: Ctx, lists: string[][], cmp: (a: string, b: string) => number): Promise<string[]> {
  const out: string[] = [];
  const pos = lists.map(() => 0);
  for (let n = 0; ; n++) {
    if ((n & 4095) === 0) await ctx.tick();
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (pos[i]! >= lists[i]!.length) continue;
      if (best < 0 || cmp(lists[i]![pos[i]!]!, lists[best]![pos[best]!]!) < 0) best = i;
    }
    if (best < 0) return out;
    out.push(lists[best]![pos[best]!++]!);
  }
}

async function checkSorted(ctx: Ctx, file: string, cmp: (a: string, b: string) => number, unique: boolean, diagnose: boolean, eol: string): Promise<number> {
  const lines = await readInputs(ctx, [file], eol);
  for (let i = 1; i < lines.length; i++) {
    const d = cmp(lines[i - 1]!, lines[i]!);
    if (unique ? d >= 0 : d > 0) {
      if (diagnose) await ctx.err.write(`${ctx.name}: ${file}:${i + 1}: disorder: ${textOf(lines[i]!)}\n`);
      return 1;
    }
  }
  return 0;
}

