// znew: recompresses .Z (compress) files as .gz files by running gzip -d and then gzip on
// each. -t tests the new file before removing the old, -K keeps the .Z file when it is
// smaller (in 1 KiB blocks), -P works through a pipe; other letters go to gzip.
import type { Ctx } from '../lib/context';
import { defineProgram } from '../define';
import { finish, scriptVersion, self, start } from './spawn';

const VERSION = scriptVersion('znew', '2010-2018', 'Jean-loup Gailly');

function usage(me: string): string {
  return `Usage: ${me} [OPTION]... [FILE]...
Recompress files from .Z (compress) format to .gz (gzip) format.

Options:

  -f     Force recompression even if a .gz file already exists.
  -t     Test the new files before deleting originals.
  -v     Verbose; display name and statistics for each file compressed.
  -9     Use the slowest compression method (optimal compression).
  -P     Use pipes for the conversion to reduce disk space usage.
  -K     Keep a .Z file when it is smaller than the .gz file; implies -t.
      --help     display this help and exit
      --version  output version information and exit

Report bugs to <bug-gzip@gnu.org>.
`;
}

async function run(ctx: Ctx, argv: string[], fds: [number, number] = [0, 1]): Promise<number> {
  await ctx.flush();
  return finish(ctx, await start(ctx, { argv, fds: new Map([[0, fds[0]], [1, fds[1]], [2, 2]]) }));
}

async function size(ctx: Ctx, path: string): Promise<number> {
  try {
    return (await ctx.sys.stat(path)).size;
  } catch {
    return 0;
  }
}

export default defineProgram({
  name: 'znew',
  installPath: '/usr/bin/znew',
  pkg: 'gzip',
  main: async (ctx) => {
    const me = self(ctx, 'znew');
    const args = ctx.argv.slice(1);
    let opt = '';
    // the script's loop shifts options off while walking a copy of the arguments
    let files = [...args];
    for (const a of args) {
      if (a === '--help') {
        await ctx.print(usage(me));
        return 0;
      }
      if (a === '--version') {
        await ctx.print(VERSION);
        return 0;
      }
      if (!a.startsWith('-')) break;
      opt += a;
      files = files.slice(1);
    }
    if (!files.length) {
      await ctx.err.write(`${me}: invalid number of operands; try \`${me} --help' for help\n`);
      return 1;
    }
    opt = opt.replace(/[ -]/g, '');
    let check = false;
    let keep = false;
    let pipe = false;
    if (opt.includes('t')) {
      check = true;
      opt = opt.replace(/t/g, '');
    }
    if (opt.includes('K')) {
      keep = check = true;
      opt = opt.replace(/K/g, '');
    }
    if (opt.includes('P')) {
      pipe = true;
      opt = opt.replace(/P/g, '');
    }
    const gzOpt = opt ? [`-${opt}`] : [];
    let res = 0;
    for (const i of files) {
      await ctx.tick();
      const n = i.replace(/.Z$/s, '');
      const z = `${n}.Z`;
      const gz = `${n}.gz`;
      let isFile = false;
      try {
        isFile = (await ctx.sys.stat(z)).kind === 'file';
      } catch {
        isFile = false;
      }
      if (!isFile) {
        await ctx.print(`${z} not found\n`);
        res = 1;
        continue;
      }
      const oldSize = keep ? await size(ctx, z) : 0;
      const backup = `${n}.${ctx.sys.pid}`;
      if (pipe) {
        const inFd = await ctx.sys.open(z, { read: true });
        const outFd = await ctx.sys.open(gz, { write: true, create: true, truncate: true }, 0o666);
        await ctx.flush();
        const [r, w] = ctx.sys.pipe();
        const d = await start(ctx, { argv: ['gzip', '-d'], fds: new Map([[0, inFd], [1, w], [2, 2]]) });
        ctx.sys.close(w);
        const c = await start(ctx, { argv: ['gzip', ...gzOpt], fds: new Map([[0, r], [1, outFd], [2, 2]]) });
        ctx.sys.close(r);
        ctx.sys.close(inFd);
        ctx.sys.close(outFd);
        const st = await finish(ctx, c);
        await finish(ctx, d);
        if (st !== 0) {
          await ctx.print(`error while recompressing ${z}\n`);
          res = 1;
          continue;
        }
        try {
          const s = await ctx.sys.stat(z);
          await ctx.sys.utimes(gz, s.atime, s.mtime);
          await ctx.sys.chmod(gz, s.mode & 0o7777);
        } catch {
          // as the script's touch and chmod, quietly
        }
      } else {
        if (check) {
          try {
            await ctx.sys.writeFile(backup, await ctx.sys.readFile(z));
          } catch {
            await ctx.print(`cannot backup ${z}\n`);
            res = 1;
            continue;
          }
        }
        if ((await run(ctx, ['gzip', '-d', z])) !== 0) {
          if (check) await ctx.sys.rename(backup, z).catch(() => undefined);
          await ctx.print(`error while uncompressing ${z}\n`);
          res = 1;
          continue;
        }
        if ((await run(ctx, ['gzip', ...gzOpt, n])) !== 0) {
          if (check) {
            await ctx.sys.rename(backup, z).catch(() => undefined);
            await ctx.sys.unlink(n).catch(() => undefined);
            await ctx.print(`error while recompressing ${n}\n`);
          } else await ctx.print(`error while recompressing ${n}, left uncompressed\n`);
          res = 1;
          continue;
        }
      }
      const newSize = keep ? await size(ctx, gz) : 0;
      if (keep && Math.ceil(oldSize / 1024) < Math.ceil(newSize / 1024)) {
        if (pipe) await ctx.sys.unlink(gz).catch(() => undefined);
        else {
          await ctx.sys.rename(backup, z).catch(() => undefined);
          await ctx.sys.unlink(gz).catch(() => undefined);
        }
        await ctx.print(`${z} smaller than ${gz} -- unchanged\n`);
      } else if (check) {
        if ((await run(ctx, ['gzip', '-t', gz])) === 0) {
          await ctx.sys.unlink(backup).catch(() => undefined);
          await ctx.sys.unlink(z).catch(() => undefined);
        } else {
          if (!pipe) await ctx.sys.rename(backup, z).catch(() => undefined);
          await ctx.sys.unlink(gz).catch(() => undefined);
          await ctx.print(`error while testing ${gz}, ${z} unchanged\n`);
          res = 1;
          continue;
        }
      } else if (pipe) await ctx.sys.unlink(z).catch(() => undefined);
    }
    return res;
  },
});
