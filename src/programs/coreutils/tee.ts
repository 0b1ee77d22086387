import { isSysError, strerror } from '../../shared/errno';
import { SIGNALS } from '../../shared/signals';
import { defineProgram } from '../define';
import { argmatch, argmatchError } from '../lib/argmatch';
import { tryHelp } from '../lib/cli';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { readChunk, qf, stdinCloseFailed } from '../lib/textio';

const HELP = `Copy standard input to each FILE, and to standard output too.

  -a, --append              add to the FILEs instead of overwriting them
  -i, --ignore-interrupts   ignore interrupt signals
  -p                        report errors writing to anything but pipes
      --output-error[=MODE]   what to do when a write fails; see MODE below
${HELP_LINES}

MODE decides what happens after a write error:
  'warn'         report the error for any output
  'warn-nopipe'  report it unless the output is a pipe
  'exit'         stop after an error writing to any output
  'exit-nopipe'  stop after an error writing to anything but a pipe

Without --output-error, tee stops at once when a pipe it writes to is closed,
and reports other write errors but goes on. With -p (warn-nopipe) it goes on
writing to the other outputs.
${coreutilsHelpFooter('tee')}`;

type Mode = 'sigpipe' | 'warn' | 'warn-nopipe' | 'exit' | 'exit-nopipe';
const MODES = [['warn', 'warn'], ['warn-nopipe', 'warn-nopipe'], ['exit', 'exit'], ['exit-nopipe', 'exit-nopipe']] as const;

export default defineProgram({
  name: 'tee',
  installPath: '/usr/bin/tee',
  pkg: 'coreutils',
  usage: 'tee [OPTION]... [FILE]...',
  help: HELP,
  version: coreutilsVersion('tee', ['Mike Parker', 'Richard M. Stallman', 'David MacKenzie']),
  options: [
    { key: 'a', short: 'a', long: 'append' },
    { key: 'i', short: 'i', long: 'ignore-interrupts' },
    { key: 'p', long: 'output-error', arg: 'optional' },
    { key: 'p', short: 'p' },
  ],
  async main(ctx, args) {
    let mode: Mode = 'sigpipe';
    let append = false;
    for (const { key, value } of args.order) {
      if (key === 'a') append = true;
      else if (key === 'i') ctx.sys.signal(SIGNALS.SIGINT, 'ignore');
      else if (key === 'p') {
        if (value === undefined) mode = 'warn-nopipe';
        else {
          const r = argmatch(value, MODES);
          if ('error' in r) {
            await argmatchError(ctx, '--output-error', value, r.error, MODES);
            await tryHelp(ctx);
            return 1;
          }
          mode = r.value;
        }
      }
    }
    if (mode !== 'sigpipe') ctx.sys.signal(SIGNALS.SIGPIPE, 'ignore');
    const exitOnError = mode === 'exit' || mode === 'exit-nopipe';
    let ok = true;
    // entry 0 is standard output, as in tee.c
    const outputs: { fd: number; name: string }[] = [{ fd: 1, name: 'standard output' }];
    for (const file of args.operands) {
      try {
        const fd = await ctx.sys.open(file, { write: true, create: true, truncate: !append, append }, 0o666);
        outputs.push({ fd, name: file });
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.error(`${qf(file)}: ${strerror(e.errno)}`);
        if (exitOnError) return 1;
        ok = false;
      }
    }
    let live = outputs.length;
    const open = outputs.map(() => true);
    await ctx.flush();
    while (live > 0) {
      let chunk: Uint8Array | null;
      try {
        chunk = await readChunk(ctx, 0, 8192);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.error(`read error: ${strerror(e.errno)}`);
        ok = false;
        break;
      }
      if (chunk === null) break;
      for (const [i, o] of outputs.entries()) {
        if (!open[i]) continue;
        try {
          await ctx.sys.write(o.fd, chunk);
        } catch (e) {
          if (!isSysError(e)) throw e;
          // a closed pipe is SIGPIPE unless --output-error made tee ignore it
          await ctx.tick();
          const fail = e.errno !== 'EPIPE' || mode === 'exit' || mode === 'warn';
          if (fail) {
            await ctx.error(`${qf(o.name)}: ${strerror(e.errno)}`);
            if (exitOnError) return 1;
            ok = false;
          }
          open[i] = false;
          live--;
        }
      }
    }
    for (const [i, o] of outputs.entries()) if (i > 0 && open[i]) ctx.sys.close(o.fd);
    if (await stdinCloseFailed(ctx, true, 'standard input')) return 1;
    return ok ? 0 : 1;
  },
});
