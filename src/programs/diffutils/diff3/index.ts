// diff3 (GNU diffutils 3.8): compares MYFILE, OLDFILE and YOURFILE. Like the real one it diffs
// each of two files against a common one (YOURFILE for the listing, OLDFILE for -e/-m), joins
// the two diffs into three-way blocks and prints them. Exit 0, 1 with conflicts, 2 on trouble.
import { defineProgram } from '../../define';
import type { Ctx } from '../../lib/context';
import type { OptionDef } from '../../lib/getopt';
import { byLongName, getoptOrdered } from '../getopt-ordered';
import { writeBytes } from '../../lib/output';
import { resolveCommand } from '../../lib/execvp';
import { isSysError, strerror } from '../../../shared/errno';
import { splitLines, type FileLines } from '../diff/analyze';
import { DIFFUTILS_VERSION } from '../version';
import { FILEC, threeWay, twoWay, type Block2 } from './blocks';
import { edScript, listing, merged, Shrank, type View } from './output';

const OPTIONS: OptionDef[] = [
  { key: 'a', short: 'a', long: 'text' },
  { key: 'e', short: 'e', long: 'ed' },
  { key: 'i', short: 'i' },
  { key: 'm', short: 'm', long: 'merge' },
  { key: 'v', short: 'v', long: 'version' },
  { key: 'x', short: 'x', long: 'overlap-only' },
  { key: '3', short: '3', long: 'easy-only' },
  { key: 'A', short: 'A', long: 'show-all' },
  { key: 'E', short: 'E', long: 'show-overlap' },
  { key: 'L', short: 'L', long: 'label', arg: 'required' },
  { key: 'T', short: 'T', long: 'initial-tab' },
  { key: 'X', short: 'X' },
  { key: 'diff-program', long: 'diff-program', arg: 'required' },
  { key: 'help', long: 'help' },
  { key: 'strip-trailing-cr', long: 'strip-trailing-cr' },
];

const HELP = `Usage: diff3 [OPTION]... MYFILE OLDFILE YOURFILE
Compare three files line by line.

Mandatory arguments to long options are mandatory for short options too.
  -A, --show-all              show every change, with conflicts bracketed

  -e, --ed                    print an ed script that applies the changes
                                from OLDFILE to YOURFILE to MYFILE
  -E, --show-overlap          as -e, with conflicts bracketed
  -3, --easy-only             as -e, only the changes that do not overlap
  -x, --overlap-only          as -e, only the changes that overlap
  -X                          as -x, with conflicts bracketed
  -i                          end ed scripts with 'w' and 'q' commands

  -m, --merge                 print the merged file itself (as -A unless
                                another of the options above is given)

  -a, --text                  compare all files as text
      --strip-trailing-cr     drop a carriage return before each newline
  -T, --initial-tab           start lines with a tab, so tabs line up
      --diff-program=PROGRAM  compare the files with PROGRAM
  -L, --label=LABEL           name a file LABEL in the output
                                (up to three times, in file order)

      --help                  show this help and exit
  -v, --version               show the version and exit

Without options the output lists each changed block of lines and which
file differs. -e, -E, -x, -X and -3 print an ed script instead; -m does
the merge itself and prints the result, which also works for incomplete
lines and files ed cannot handle.

A FILE of '-' means standard input.
Exit status is 0 on success, 1 if there were conflicts, 2 on trouble.
`;

class Trouble extends Error {}

export default defineProgram({
  name: 'diff3',
  installPath: '/usr/bin/diff3',
  pkg: 'diffutils',
  async main(ctx, { operands: argv }) {
    try {
      return await diff3(ctx, argv);
    } catch (e) {
      if (e instanceof Trouble) return 2;
      throw e;
    }
  },
});

async function diff3(ctx: Ctx, argv: string[]): Promise<number> {
  const die = async (msg: string): Promise<never> => {
    await ctx.out.flush();
    await ctx.error(msg);
    throw new Trouble();
  };
  const tryHelp = async (msg?: string): Promise<never> => {
    if (msg) await ctx.error(msg);
    await ctx.error(`Try '${ctx.name} --help' for more information.`);
    throw new Trouble();
  };
  const { parsed, error } = getoptOrdered(argv, byLongName(OPTIONS));
  let text = false;
  let stripCr = false;
  let show2nd = false;
  let flagging = false;
  let overlapOnly = false;
  let simpleOnly = false;
  let finalWrite = false;
  let merge = false;
  let initialTab = false;
  let diffProgram: string | undefined;
  let incompat = 0;
  const labels: string[] = [];
  for (const { key, value } of parsed.order) {
    switch (key) {
      case 'a': text = true; break;
      case 'A': show2nd = true; flagging = true; incompat |= 1 << 1; break;
      case 'x': overlapOnly = true; incompat |= 1 << 5; break;
      case '3': simpleOnly = true; incompat |= 1 << 0; break;
      case 'i': finalWrite = true; break;
      case 'm': merge = true; break;
      case 'X': overlapOnly = true; incompat |= 1 << 3; break;
      case 'E': flagging = true; incompat |= 1 << 2; break;
      case 'e': incompat |= 1 << 4; break;
      case 'T': initialTab = true; break;
      case 'strip-trailing-cr': stripCr = true; break;
      case 'diff-program': diffProgram = value; break;
      case 'v':
        await ctx.print(`${DIFFUTILS_VERSION('diff3', 'Randy Smith.')}\n`);
        return 0;
      case 'help':
        await ctx.print(HELP);
        return 0;
      case 'L':
        if (labels.length >= 3) return tryHelp('too many file label options');
        labels.push(value!);
        break;
    }
  }
  if (error) return tryHelp(error.message);
  const edscript = incompat !== 0 && !merge;
  if (!incompat && merge) {
    show2nd = true;
    flagging = true;
  }
  if ((incompat & (incompat - 1)) !== 0 || (finalWrite && merge) || (labels.length && !flagging)) return tryHelp('incompatible options');
  const file = parsed.operands;
  if (file.length !== 3) {
    return tryHelp(file.length < 3 ? `missing operand after '${argv[argv.length - 1] ?? ctx.name}'` : `extra operand '${file[3]}'`);
  }
  const names = [0, 1, 2].map((i) => labels[i] ?? file[i]!);
  let common = edscript || merge ? 1 : 2;
  if (file[common] === '-') {
    common = 3 - common;
    if (file[0] === '-' || file[common] === '-') await die("'-' specified for more than one input file");
  }
  const mapping = [0, 3 - common, common];
  const rev = [0, 0, 0];
  for (let i = 0; i < 3; i++) rev[mapping[i]!] = i;
  for (const f of file) {
    if (f === '-') continue;
    try {
      const st = await ctx.sys.stat(f);
      if (st.kind === 'dir') await die(`${f}: ${strerror('EISDIR')}`);
    } catch (e) {
      if (e instanceof Trouble) throw e;
      if (!isSysError(e)) throw e;
      await die(`${f}: ${strerror(e.errno)}`);
    }
  }

  // the comparison is done here; another program named must at least exist
  if (diffProgram !== undefined) {
    const found = await resolveCommand(ctx, diffProgram, ctx.env);
    if (typeof found !== 'string') await die(`subsidiary program '${diffProgram}' ${found.errno === 'ENOENT' ? 'not found' : 'could not be invoked'}`);
  }
  let stdinUsed = false;
  const read = async (name: string): Promise<Uint8Array> => {
    if (name !== '-') return ctx.sys.readFile(name);
    if (stdinUsed) return new Uint8Array();
    stdinUsed = true;
    const parts: Uint8Array[] = [];
    for (;;) {
      const c = await ctx.sys.read(0);
      if (c === null) break;
      parts.push(c);
    }
    return concat(parts);
  };
  // internal file 0 is MYFILE, 1 the other one, 2 the common one
  const internal = [file[rev[0]!]!, file[rev[1]!]!, file[rev[FILEC]!]!];
  const contents: (FileLines | undefined)[] = [];
  const missingNewlineNotes: number[] = [];
  const runDiff = async (f: number): Promise<Block2[]> => {
    let data: [Uint8Array, Uint8Array];
    try {
      data = [await read(internal[f]!), await read(internal[FILEC]!)];
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.out.flush();
      await ctx.err.write(`diff: ${e.path ?? internal[f]}: ${strerror(e.errno)}\n`);
      return die("subsidiary program 'diff' failed (exit status 2)");
    }
    if (stripCr) data = data.map(stripTrailingCr) as [Uint8Array, Uint8Array];
    const binary = !text && data.some((d) => d.subarray(0, 4096).includes(0));
    if (binary) {
      if (sameBytes(data[0], data[1])) return [];
      return die(`diff failed: Binary files ${internal[f]} and ${internal[FILEC]} differ`);
    }
    const a = splitLines(data[0]);
    const c = splitLines(data[1]);
    contents[f] = a;
    contents[FILEC] = c;
    const blocks = twoWay(a, c);
    // diff marks an incomplete last line it shows; an ed script cannot hold one, so diff3 says so
    for (const b of blocks) {
      if (a.missingNewline && b.other[0] <= b.other[1] && b.other[1] === a.lines.length) missingNewlineNotes.push(1);
      if (c.missingNewline && b.common[0] <= b.common[1] && b.common[1] === c.lines.length) missingNewlineNotes.push(1);
    }
    return blocks;
  };
  const thread1 = await runDiff(1);
  const thread0 = await runDiff(0);
  if (edscript) for (const _ of missingNewlineNotes) await ctx.err.write(`${ctx.name}: No newline at end of file\n`);
  const line = (f: number, n: number): Uint8Array => {
    const fl = contents[f]!;
    const l = fl.lines[n - 1]!;
    if (edscript && fl.missingNewline && n === fl.lines.length) {
      const full = new Uint8Array(l.length + 1);
      full.set(l);
      full[l.length] = 10;
      return full;
    }
    return l;
  };
  const same01 = (r0: [number, number], r1: [number, number]): boolean => {
    if (r0[1] - r0[0] !== r1[1] - r1[0]) return false;
    for (let k = 0; k <= r0[1] - r0[0]; k++) if (!sameBytes(line(0, r0[0] + k), line(1, r1[0] + k))) return false;
    return true;
  };
  const blocks = threeWay([thread0, thread1], same01);
  const view: View = { line, mapping, rev };
  const flags = { show2nd, overlapOnly, simpleOnly, flagging, finalWrite };
  let parts: Uint8Array[];
  let conflicts = false;
  if (edscript) ({ parts, conflicts } = edScript(blocks, view, flags, names));
  else if (merge) {
    if (file[0] === '-') await die("failed to reopen '-' with mode 'r': No such file or directory");
    let mine: Uint8Array;
    try {
      mine = await ctx.sys.readFile(file[0]!);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return die(`${file[0]}: ${strerror(e.errno)}`);
    }
    try {
      ({ parts, conflicts } = merged(blocks, view, flags, names, mine));
    } catch (e) {
      if (!(e instanceof Shrank)) throw e;
      await writeBytes(ctx, concat((e as Shrank & { parts: Uint8Array[] }).parts));
      return die('input file shrank');
    }
  } else parts = listing(blocks, view, initialTab);
  await writeBytes(ctx, concat(parts));
  return conflicts ? 1 : 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    all.set(p, off);
    off += p.length;
  }
  return all;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function stripTrailingCr(d: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < d.length; i++) if (!(d[i] === 13 && d[i + 1] === 10)) out.push(d[i]!);
  return Uint8Array.from(out);
}
