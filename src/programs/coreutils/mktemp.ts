import { isSysError, SysError } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ATTEMPTS = 62 * 62 * 62;

const spec = {
  name: 'mktemp',
  installPath: '/usr/bin/mktemp',
  pkg: 'coreutils',
  usage: 'mktemp [OPTION]... [TEMPLATE]',
  help: `Create a temporary file or directory with a unique name and print the name.
TEMPLATE must contain at least 3 consecutive 'X's in its last component, which
are replaced by random letters and digits; the default is tmp.XXXXXXXXXX in
$TMPDIR (or /tmp).
Files are created u+rw and directories u+rwx, minus the umask.

  -d, --directory     create a directory, not a file
  -u, --dry-run       create nothing; only print a name (unsafe)
  -q, --quiet         do not report failures to create a file or directory
      --suffix=SUFF   append SUFF to TEMPLATE (which must then end in X)
  -p DIR, --tmpdir[=DIR]  interpret TEMPLATE relative to DIR, or $TMPDIR, or
                        /tmp; TEMPLATE must not be absolute then
  -t                  like -p with $TMPDIR first (deprecated)
${HELP_LINES}
${coreutilsHelpFooter('mktemp')}`,
  version: coreutilsVersion('mktemp', ['Jim Meyering', 'Eric Blake']),
  options: [
    { key: 'd', short: 'd', long: 'directory' },
    { key: 'p', short: 'p', arg: 'required' as const },
    { key: 'p', long: 'tmpdir', arg: 'optional' as const },
    { key: 'q', short: 'q', long: 'quiet' },
    { key: 't', short: 't' },
    { key: 'u', short: 'u', long: 'dry-run' },
    { key: 'suffix', long: 'suffix', arg: 'required' as const },
    { key: 'version', short: 'V' },
  ],
};

const lastComponent = (s: string): string => s.replace(/^\/+/, '').slice(s.replace(/^\/+/, '').lastIndexOf('/') + 1);

async function create(ctx: Ctx, template: string, xStart: number, xCount: number, dir: boolean, dryRun: boolean): Promise<string | SysError> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const bytes = ctx.sys.randomBytes(xCount);
    let rand = '';
    for (const b of bytes) rand += LETTERS[b % LETTERS.length];
    const name = template.slice(0, xStart) + rand + template.slice(xStart + xCount);
    try {
      if (dryRun) {
        try {
          await ctx.sys.lstat(name);
          continue;
        } catch (e) {
          if (isSysError(e) && e.errno === 'ENOENT') return name;
          throw e;
        }
      }
      if (dir) await ctx.sys.mkdir(name, 0o700);
      else ctx.sys.close(await ctx.sys.open(name, { read: true, write: true, create: true, exclusive: true }, 0o600));
      return name;
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno !== 'EEXIST') return e;
    }
  }
  return new SysError('EEXIST', 'open', template);
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    if (args.operands.length >= 2) return usageError(ctx, spec, 'too many templates');
    let useDestDir = args.values.has('p') || flag(args, 't');
    const destArg = args.values.get('p')?.at(-1);
    let template = args.operands[0] ?? '';
    if (args.operands.length === 0) {
      useDestDir = true;
      template = 'tmp.XXXXXXXXXX';
    }
    const suffixOpt = args.values.get('suffix')?.at(-1);
    let suffixStart: number;
    if (suffixOpt !== undefined) {
      if (!template.endsWith('X')) {
        await ctx.error(`with --suffix, template ${quote(template)} must end in X`);
        return 1;
      }
      suffixStart = template.length;
      template += suffixOpt;
    } else {
      const x = template.lastIndexOf('X');
      suffixStart = x < 0 ? template.length : x + 1;
    }
    const suffix = template.slice(suffixStart);
    if (suffix && lastComponent(suffix) !== suffix) {
      await ctx.error(`invalid suffix ${quote(suffix)}, contains directory separator`);
      return 1;
    }
    let xCount = 0;
    while (xCount < suffixStart && template[suffixStart - 1 - xCount] === 'X') xCount++;
    if (xCount < 3) {
      await ctx.error(`too few X's in template ${quote(template)}`);
      return 1;
    }
    if (useDestDir) {
      const tmpdir = ctx.env.get('TMPDIR');
      let dest: string;
      if (flag(args, 't')) {
        dest = tmpdir ? tmpdir : destArg ? destArg : '/tmp';
        if (template.includes('/')) {
          await ctx.error(`invalid template, ${quote(template)}, contains directory separator`);
          return 1;
        }
      } else {
        dest = destArg ? destArg : tmpdir ? tmpdir : '/tmp';
        if (template.startsWith('/')) {
          await ctx.error(`invalid template, ${quote(template)}; with --tmpdir, it may not be absolute`);
          return 1;
        }
      }
      template = dest.endsWith('/') ? `${dest}${template}` : `${dest}/${template}`;
    }
    const xStart = template.length - suffix.length - xCount;
    const dir = flag(args, 'd');
    const r = await create(ctx, template, xStart, xCount, dir, flag(args, 'u'));
    if (typeof r !== 'string') {
      if (!flag(args, 'q')) await ctx.perror(r, `failed to create ${dir ? 'directory' : 'file'} via template ${quote(template)}`);
      return 1;
    }
    await ctx.print(`${r}\n`);
    return 0;
  },
});
