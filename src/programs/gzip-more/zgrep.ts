// zgrep (and zegrep, zfgrep): grep over files that may be gzip-compressed. Each FILE goes
// through `gzip -cdfq` (so plain files pass unchanged) into grep, which labels its lines with
// the file's name. Options are grep's, except those that would walk directories or change
// what a line is; -l and -L are answered by zgrep itself, one name per file.
import { isSysError, strerror } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import { defineProgram, type Program } from '../define';
import { devNull, gunzipInto, scriptVersion, self } from './spawn';

const VERSION = scriptVersion('zgrep', '2010-2018', 'Jean-loup Gailly');

function usage(me: string): string {
  return `Usage: ${me} [OPTION]... [-e] PATTERN [FILE]...
Look for instances of PATTERN in the input FILEs, using their
uncompressed contents if they are compressed.

OPTIONs are the same as for 'grep', except that the following 'grep'
options are not supported: --dereference-recursive (-R), --directories (-d),
--exclude, --exclude-from, --exclude-dir, --include, --null (-Z),
--null-data (-z), and --recursive (-r).

Report bugs to <bug-gzip@gnu.org>.
`;
}

const CLUSTER_HEAD = /^-[0-9EFGHIKLPRTUVZabchilnoqrsuvwxyz]/;
const WITH_FILENAME = new Set(['-H', '--wi', '--wit', '--with', '--with-', '--with-f', '--with-fi', '--with-fil', '--with-file', '--with-filen', '--with-filena', '--with-filenam', '--with-filename']);

/** Shell status arithmetic of the script: keeps the most serious result, 0 above 1. */
function combine(res: number, r: number): number {
  if (r <= 1 && res <= 1) return r < res ? r : res;
  return res < r ? r : res;
}

export async function zgrep(ctx: Ctx, argv: string[], me: string): Promise<number> {
  const args: string[] = [];
  const operands: string[] = [];
  let rest: string[] = [...argv];
  let havePat = false;
  let withMatches = false;
  let withoutMatches = false;
  let noFilename = false;
  let withFilename = false;
  let pattmp: string | undefined;
  const shellError = async (line: number, msg: string): Promise<number> => {
    await ctx.err.write(`${me}: line ${line}: 1: ${msg}\n`);
    return 1;
  };
  const cleanup = async (): Promise<void> => {
    if (pattmp) await ctx.sys.unlink(pattmp).catch(() => undefined);
  };
  while (rest.length) {
    let option = rest.shift()!;
    let optarg: string | undefined;
    const m = /^(-.[0-9]*)(.*)$/s.exec(option);
    if (CLUSTER_HEAD.test(option) && /[^0-9]/.test(option.slice(2))) {
      rest.unshift(`-${m![2]}`);
      option = m![1]!;
    } else if (/^(--binary-.*=|--[lm]a.*=|--reg.*=)/s.test(option)) {
      // value already attached
    } else if (/^(-[ABCDXdefm]|--binary-.*|--file|--[lm]a.*|--reg.*)$/s.test(option)) {
      if (!rest.length) return shellError(75, `${option} option requires an argument`);
      optarg = rest.shift()!;
    } else if (/^-f./s.test(option)) {
      optarg = option.slice(2);
      option = '-f';
    } else if (option.startsWith('--file=')) {
      optarg = option.slice(7);
      option = '--file';
    } else if (option === '--') {
      break;
    } else if (!/^-./s.test(option)) {
      operands.push(option);
      if (ctx.env.has('POSIXLY_CORRECT')) break;
      continue;
    }
    if (/^(-[drRzZ]$|--di|--exc|--inc|--rec|--nu)/.test(option)) {
      await ctx.err.write(`${me}: ${option}: option not supported\n`);
      await cleanup();
      return 2;
    }
    if (/^(-e|--reg)/.test(option)) havePat = true;
    else if (option === '-f' || option === '--file') {
      havePat = true;
      const r = await patternFile(ctx, optarg!, pattmp);
      if (typeof r === 'number') {
        await cleanup();
        return r;
      }
      if (r.tmp) {
        if (pattmp) continue;
        pattmp = r.tmp;
        optarg = r.tmp;
      }
    } else if (['--h', '--he', '--hel', '--help'].includes(option)) {
      await ctx.print(usage(me));
      return 0;
    } else if (WITH_FILENAME.has(option)) {
      withFilename = true;
      continue;
    } else if (option === '-l' || option.startsWith('--files-with-')) withMatches = true;
    else if (option === '-L' || option.startsWith('--files-witho')) withoutMatches = true;
    else if (option === '-h' || option.startsWith('--no-f')) noFilename = true;
    else if (['-V', '--v', '--ve', '--ver', '--vers', '--versi', '--versio', '--version'].includes(option)) {
      await ctx.print(VERSION);
      return 0;
    }
    args.push(option);
    if (optarg !== undefined) args.push(optarg);
  }
  let files = [...operands, ...rest];
  if (!havePat) {
    if (!files.length) return shellError(188, `missing pattern; try \`${me} --help' for help`);
    args.push('--', files.shift()!);
  }
  if (!files.length) files = ['-'];
  else if (files.length > 1 && !noFilename) withFilename = true;
  const grep = ctx.env.get('GREP') ?? 'grep';
  const base = withFilename ? [grep, '-H'] : [grep];
  let res = 1;
  for (const file of files) {
    await ctx.tick();
    let gz: number;
    let r: number;
    if (withMatches || withoutMatches) {
      const nul = await devNull(ctx);
      [gz, r] = await gunzipInto(ctx, file, [...base, ...args], nul);
      ctx.sys.close(nul);
      if (withMatches && r === 0) await ctx.print(`${file}\n`);
      else if (!withMatches && r === 1) await ctx.print(`${file}\n`);
      await ctx.out.flush();
    } else {
      const argvGrep = file !== '-' ? [...base, '--label', file, ...args] : [...base, ...args];
      [gz, r] = await gunzipInto(ctx, file, argvGrep);
    }
    if (r >= 256) r = 128 + (r % 128);
    if (gz === 2) gz = 0;
    if (gz === 1) gz = 2;
    if (r < gz) r = gz;
    res = combine(res, r);
    if (res >= 126) break;
  }
  await cleanup();
  return res;
}

/** A pattern file that is stdin or not a regular file is copied to a temporary file first. */
async function patternFile(ctx: Ctx, name: string, existing: string | undefined): Promise<{ tmp?: string } | number> {
  const isStdin = name === '-' || name === '/dev/stdin' || name === '/dev/fd/0';
  if (!isStdin) {
    try {
      if ((await ctx.sys.stat(name)).kind === 'file') return {};
    } catch {
      // not there: cat reports it below
    }
  }
  let data: Uint8Array;
  try {
    data = isStdin ? new TextEncoder().encode(await ctx.readAll(0)) : await ctx.sys.readFile(name);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`cat: ${name}: ${strerror(e.errno)}\n`);
    return 2;
  }
  const dir = ctx.env.get('TMPDIR');
  const prefix = dir && dir.startsWith('/') ? (dir.endsWith('/') ? dir : `${dir}/`) : '/tmp/';
  if (existing) {
    await ctx.sys.writeFile(existing, data, { append: true });
    return { tmp: existing };
  }
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let tmp = '';
  for (let tries = 0; tries < 100; tries++) {
    tmp = `${prefix}zgrep${Array.from({ length: 9 }, () => chars[ctx.sys.random(chars.length)]).join('')}`;
    try {
      const fd = await ctx.sys.open(tmp, { write: true, create: true, exclusive: true }, 0o600);
      ctx.sys.close(fd);
      break;
    } catch {
      continue;
    }
  }
  await ctx.sys.writeFile(tmp, data);
  return { tmp };
}

export function zgrepProgram(name: 'zgrep' | 'zegrep' | 'zfgrep', flag?: string): Program {
  return defineProgram({
    name,
    installPath: `/usr/bin/${name}`,
    pkg: 'gzip',
    // zegrep and zfgrep are `exec zgrep -E/-F "$@"`: messages then name zgrep itself
    main: (ctx) => zgrep(ctx, flag ? [flag, ...ctx.argv.slice(1)] : ctx.argv.slice(1), flag ? '/usr/bin/zgrep' : self(ctx, 'zgrep')),
  });
}

export default zgrepProgram('zgrep');
