// vim -es: silent Ex mode for scripts (`vim -es -c '%s/a/b/g' -c wq file`). No screen: the
// -c commands run, then Ex commands are read from standard input until it ends or a command
// quits. Lines that :p and :set show go to standard output, errors to standard error, and
// an error makes the exit status 1.
import type { Ctx } from '../lib/context';
import type { VimArgs } from './args';
import { Editor } from './editor';
import { runEx, type ExHost } from './ex';
import { editFile } from './ex-file';
import { runFilter } from './filter';
import { normalCommand, type NormalHost } from './normal';
import { VimTty } from './tty';

export async function batch(ctx: Ctx, args: VimArgs): Promise<number> {
  const sys = ctx.sys;
  const tty = VimTty.detached(sys);
  const ed = new Editor(sys, tty);
  ed.readonlyMode = args.readonly;
  if (args.files[0]) await editFile(ed, args.files[0], args.readonly);
  let failed = false;
  const report = async (): Promise<void> => {
    for (const l of ed.pending?.lines ?? []) {
      if (l.hl === 'ErrorMsg') {
        failed = true;
        await ctx.err.write(`${l.text}\n`);
      } else await ctx.print(`${l.text}\n`);
    }
    ed.pending = undefined;
    if (ed.msg?.hl === 'ErrorMsg') {
      failed = true;
      await ctx.err.write(`${ed.msg.text}\n`);
    }
    ed.msg = undefined;
  };
  const host: ExHost & NormalHost = {
    run: (text) => runEx(ed, text, host),
    ex: (text) => runEx(ed, text, host),
    normal: async (keys) => {
      tty.push(`${keys}\x1b`);
      for (let guard = 0; guard < 10000 && tty.hasPending() && ed.exitCode === undefined; guard++) await normalCommand(ed, host);
    },
    shell: async () => undefined,
    filter: (input, cmd) => runFilter(sys, input, cmd),
    suspend: async () => undefined,
    repaint: () => undefined,
  };
  ed.msg = undefined;
  for (const c of args.commands) {
    if (ed.exitCode !== undefined) break;
    await runEx(ed, c, host);
    await report();
  }
  let pending = '';
  const decoder = new TextDecoder();
  while (ed.exitCode === undefined) {
    await ctx.tick();
    const nl = pending.indexOf('\n');
    if (nl < 0) {
      const chunk = await sys.read(0, 65536);
      if (chunk === null) break;
      pending += decoder.decode(chunk, { stream: true });
      continue;
    }
    const line = pending.slice(0, nl);
    pending = pending.slice(nl + 1);
    await runEx(ed, line, host);
    await report();
  }
  if (ed.exitCode === undefined && pending.trim()) {
    await runEx(ed, pending, host);
    await report();
  }
  return ed.exitCode ?? (failed ? 1 : 0);
}
