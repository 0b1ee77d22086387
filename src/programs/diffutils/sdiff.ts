// sdiff (GNU diffutils 3.8): without -o it is `diff -y` under another name (the real one execs
// diff, so diff's messages say "diff:"); with -o FILE it merges interactively, reading one
// command per differing hunk from standard input and writing the chosen lines to FILE.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import type { OptionDef } from '../lib/getopt';
import { byLongName, getoptOrdered } from './getopt-ordered';
import { resolveCommand } from '../lib/execvp';
import { isSysError } from '../../shared/errno';
import { writeBytes } from '../lib/output';
import { runDiff } from './diff/run';
import { DIFFUTILS_VERSION } from './version';
import { ByteSource, StdinReader, askCommand, type Command } from './sdiff-merge';

const OPTIONS: OptionDef[] = [
  { key: 'a', short: 'a', long: 'text' },
  { key: 'b', short: 'b', long: 'ignore-space-change' },
  { key: 'B', short: 'B', long: 'ignore-blank-lines' },
  { key: 'd', short: 'd', long: 'minimal' },
  { key: 'E', short: 'E', long: 'ignore-tab-expansion' },
  { key: 'H', short: 'H', long: 'speed-large-files' },
  { key: 'i', short: 'i', long: 'ignore-case' },
  { key: 'I', short: 'I', long: 'ignore-matching-lines', arg: 'required' },
  { key: 'l', short: 'l', long: 'left-column' },
  { key: 'o', short: 'o', long: 'output', arg: 'required' },
  { key: 's', short: 's', long: 'suppress-common-lines' },
  { key: 't', short: 't', long: 'expand-tabs' },
  { key: 'v', short: 'v', long: 'version' },
  { key: 'w', short: 'w', long: 'width', arg: 'required' },
  // -W and --ignore-all-space are diff's -w (the letters are swapped for historical reasons)
  { key: 'W', short: 'W', long: 'ignore-all-space' },
  { key: 'Z', short: 'Z', long: 'ignore-trailing-space' },
  { key: 'diff-program', long: 'diff-program', arg: 'required' },
  { key: 'help', long: 'help' },
  { key: 'strip-trailing-cr', long: 'strip-trailing-cr' },
  { key: 'tabsize', long: 'tabsize', arg: 'required' },
];

const HELP = `Usage: sdiff [OPTION]... FILE1 FILE2
Show FILE1 and FILE2 side by side, or merge them interactively.

Mandatory arguments to long options are mandatory for short options too.
  -o, --output=FILE            merge interactively, writing the result to FILE

  -i, --ignore-case            treat upper and lower case as the same
  -E, --ignore-tab-expansion   ignore differences caused by tab expansion
  -Z, --ignore-trailing-space  ignore white space at the end of lines
  -b, --ignore-space-change    ignore changes in the amount of white space
  -W, --ignore-all-space       ignore all white space
  -B, --ignore-blank-lines     ignore changes whose lines are all blank
  -I, --ignore-matching-lines=RE  ignore changes whose lines all match RE
      --strip-trailing-cr      drop a carriage return before each newline
  -a, --text                   compare all files as text

  -w, --width=NUM              use at most NUM (default 130) columns
  -l, --left-column            show only the left copy of common lines
  -s, --suppress-common-lines  leave common lines out

  -t, --expand-tabs            turn tabs into spaces in the output
      --tabsize=NUM            tab stops every NUM (default 8) columns

  -d, --minimal                try hard to find a smaller set of changes
  -H, --speed-large-files      assume large files with many small changes
      --diff-program=PROGRAM   compare the files with PROGRAM

      --help                   show this help and exit
  -v, --version                show the version and exit

A FILE of '-' means standard input.
Exit status is 0 if the inputs are the same, 1 if they differ, 2 on trouble.
`;

/** The same ctx, with messages headed "diff:" as the diff that sdiff runs prints them. */
function asDiff(ctx: Ctx): Ctx {
  const d = Object.create(ctx) as Ctx;
  Object.defineProperty(d, 'name', { value: 'diff' });
  return d;
}

class Fatal extends Error {}

export default defineProgram({
  name: 'sdiff',
  installPath: '/usr/bin/sdiff',
  pkg: 'diffutils',
  async main(ctx, { operands: argv }) {
    const tryHelp = async (msg?: string): Promise<number> => {
      if (msg) await ctx.error(msg);
      await ctx.error(`Try '${ctx.name} --help' for more information.`);
      return 2;
    };
    const { parsed, error } = getoptOrdered(argv, byLongName(OPTIONS));
    const diffArgs: string[] = [];
    let diffProgram = 'diff';
    let output: string | undefined;
    let suppress = false;
    const simple: Record<string, string> = { a: '-a', b: '-b', B: '-B', d: '-d', E: '-E', H: '-H', i: '-i', l: '--left-column', t: '-t', W: '-w', Z: '-Z', 'strip-trailing-cr': '--strip-trailing-cr' };
    for (const { key, value } of parsed.order) {
      if (simple[key]) diffArgs.push(simple[key]!);
      else if (key === 'I') diffArgs.push('-I', value!);
      else if (key === 'w') diffArgs.push('-W', value!);
      else if (key === 'tabsize') diffArgs.push('--tabsize', value!);
      else if (key === 'o') output = value;
      else if (key === 's') suppress = true;
      else if (key === 'diff-program') diffProgram = value!;
      else if (key === 'v') {
        await ctx.print(`${DIFFUTILS_VERSION('sdiff', 'Thomas Lord.')}\n`);
        return 0;
      } else if (key === 'help') {
        await ctx.print(HELP);
        return 0;
      }
    }
    if (error) return tryHelp(error.message);
    const files = parsed.operands;
    if (files.length !== 2) {
      return tryHelp(files.length < 2 ? `missing operand after '${argv[argv.length - 1] ?? ctx.name}'` : `extra operand '${files[2]}'`);
    }
    if (output === undefined) {
      if (suppress) diffArgs.push('--suppress-common-lines');
      diffArgs.push('-y', '--', files[0]!, files[1]!);
      if (diffProgram === 'diff') return runDiff(asDiff(ctx), diffArgs, '');
      const path = await resolveCommand(ctx, diffProgram, ctx.env);
      if (typeof path !== 'string') {
        await ctx.perror(path, diffProgram);
        return 2;
      }
      await ctx.flush();
      return ctx.sys.exec(path, [diffProgram, ...diffArgs], new Map(ctx.env));
    }
    try {
      return await merge(ctx, files[0]!, files[1]!, output, diffArgs, suppress, diffProgram);
    } catch (e) {
      if (e instanceof Fatal) return 2;
      throw e;
    }
  },
});

async function merge(ctx: Ctx, f0: string, f1: string, output: string, diffArgs: string[], suppressStart: boolean, diffProgram: string): Promise<number> {
  const fatal = async (msg: string): Promise<never> => {
    await ctx.out.flush();
    await ctx.error(msg);
    throw new Fatal();
  };
  const isDir = async (name: string): Promise<boolean> => {
    try {
      return (await ctx.sys.stat(name)).kind === 'dir';
    } catch {
      return false;
    }
  };
  const leftDir = await isDir(f0);
  const rightDir = await isDir(f1);
  if (leftDir && rightDir) await fatal('both files to be compared are directories');
  const expand = async (name: string, dir: boolean, other: string): Promise<string> => {
    if (name === '-') await fatal('cannot interactively merge standard input');
    if (!dir) return name;
    const base = other.replace(/\/+$/, '').split('/').pop() || other;
    return name.endsWith('/') ? `${name}${base}` : `${name}/${base}`;
  };
  const open = async (name: string): Promise<Uint8Array> => {
    try {
      return await ctx.sys.readFile(name);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.perror(e, name);
      throw new Fatal();
    }
  };
  const lname = await expand(f0, leftDir, f1);
  const left = new ByteSource(await open(lname));
  const rname = await expand(f1, rightDir, f0);
  const right = new ByteSource(await open(rname));
  try {
    await ctx.sys.writeFile(output, new Uint8Array());
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.perror(e, output);
    throw new Fatal();
  }
  // the comparison is done here; another program named must at least exist
  if (diffProgram !== 'diff') {
    const found = await resolveCommand(ctx, diffProgram, ctx.env);
    if (typeof found !== 'string') {
      await fatal(`subsidiary program '${diffProgram}' ${found.errno === 'ENOENT' ? 'not found' : 'could not be invoked'}`);
    }
  }
  const parts: Uint8Array[] = [];
  const status = await runDiff(asDiff(ctx), [...diffArgs, '--sdiff-merge-assist', '--', f0, f1], '', (d) => parts.push(d));
  const diffOut = new ByteSource(concat(parts));
  const outParts: Uint8Array[] = [];
  const toOut = (b: Uint8Array): void => void outParts.push(b);
  const toStdout = async (b: Uint8Array): Promise<void> => {
    if (b.length) await writeBytes(ctx, b);
  };
  const stdin = new StdinReader(ctx);
  let suppress = suppressStart;
  let lline = 1;
  let rline = 1;
  let ok = true;
  let tmpName: string | undefined;
  const finish = async (): Promise<void> => {
    await ctx.sys.writeFile(output, concat(outParts));
    if (tmpName !== undefined) await ctx.sys.unlink(tmpName).catch(() => undefined);
  };
  try {
    for (;;) {
      await ctx.tick();
      const help = diffOut.snarf(256);
      if (help === null) break;
      if (help === undefined) {
        ok = false;
        break;
      }
      if (help.startsWith(' ')) {
        await ctx.print(`${help.slice(1)}\n`);
        continue;
      }
      const m = /^.(\d+),(\d+)$/.exec(help);
      if (!m || (help[0] !== 'i' && help[0] !== 'c')) {
        await finish();
        await fatal(help);
      }
      const llen = Number(m![1]);
      const rlen = Number(m![2]);
      const lenmax = Math.max(llen, rlen);
      if (help[0] === 'i') {
        if (suppress) diffOut.skip(lenmax);
        else await toStdout(diffOut.copy(lenmax));
        toOut(left.copy(llen));
        right.skip(rlen);
      } else {
        await toStdout(diffOut.copy(lenmax));
        let done = false;
        while (!done) {
          const cmd: Command = await askCommand(ctx, stdin);
          switch (cmd.c0) {
            case '1': case 'l':
              toOut(left.copy(llen));
              right.skip(rlen);
              done = true;
              break;
            case '2': case 'r':
              toOut(right.copy(rlen));
              left.skip(llen);
              done = true;
              break;
            case 's': suppress = true; break;
            case 'v': suppress = false; break;
            case 'q':
              ok = false;
              done = true;
              break;
            case 'e': {
              const tmp: Uint8Array[] = [];
              const c1 = cmd.c1;
              if (c1 === 'd' && llen) tmp.push(new TextEncoder().encode(llen === 1 ? `--- ${lname} ${lline}\n` : `--- ${lname} ${lline},${lline + llen - 1}\n`));
              if (c1 === 'd' || c1 === '1' || c1 === 'b' || c1 === 'l') tmp.push(left.copy(llen));
              else left.skip(llen);
              if (c1 === 'd' && rlen) tmp.push(new TextEncoder().encode(rlen === 1 ? `+++ ${rname} ${rline}\n` : `+++ ${rname} ${rline},${rline + rlen - 1}\n`));
              if (c1 === 'd' || c1 === '2' || c1 === 'b' || c1 === 'r') tmp.push(right.copy(rlen));
              else right.skip(rlen);
              tmpName ??= `${ctx.env.get('TMPDIR') ?? '/tmp'}/sdiff${randomSuffix(ctx)}`;
              await ctx.sys.writeFile(tmpName, concat(tmp), { mode: 0o600 });
              const editor = ctx.env.get('EDITOR') ?? 'ed';
              const code = await runEditor(ctx, editor, tmpName);
              if (code !== 0) {
                await finish();
                await fatal(code === 127 ? `subsidiary program '${editor}' not found` : code === 126 ? `subsidiary program '${editor}' could not be invoked` : code < 0 ? `subsidiary program '${editor}' failed` : `subsidiary program '${editor}' failed (exit status ${code})`);
              }
              toOut(await ctx.sys.readFile(tmpName));
              done = true;
              break;
            }
          }
        }
        if (!ok) break;
      }
      lline += llen;
      rline += rlen;
    }
  } finally {
    await ctx.out.flush();
  }
  await finish();
  if (!ok) return 2;
  if (status > 1) {
    await ctx.error(`subsidiary program '${diffProgram}' failed (exit status ${status})`);
    return 2;
  }
  return status;
}

function randomSuffix(ctx: Ctx): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  let n = ctx.sys.pid * 7919 + Math.floor(ctx.sys.now());
  for (let i = 0; i < 6; i++) {
    s += chars[n % chars.length];
    n = Math.floor(n / chars.length) + i * 31;
  }
  return s;
}

/** Runs the editor on the temporary file; its exit status, 126/127 if it cannot run, -1 if killed. */
async function runEditor(ctx: Ctx, editor: string, file: string): Promise<number> {
  const path = await resolveCommand(ctx, editor, ctx.env);
  if (typeof path !== 'string') return path.errno === 'ENOENT' ? 127 : 126;
  await ctx.flush();
  let pid: number;
  try {
    pid = await ctx.sys.spawn({ path, argv: [editor, file], env: new Map(ctx.env) });
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e.errno === 'ENOENT' ? 127 : 126;
  }
  const r = await ctx.sys.wait(pid);
  if (!r || r.status.kind !== 'exited') return -1;
  return r.status.code;
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
