// vim -es (and ex, or vim -e, reading commands from something that is not a terminal): Ex mode
// for scripts (`vim -es -c '%s/a/b/g' -c wq file`). No screen: the cursor starts on the last
// line, the -c commands run, then Ex commands are read from standard input until it ends or a
// command quits (:append, :insert and :change take the lines after them, up to "."). Lines that
// :p, :nu, :l and :set show go to standard output; every other message, errors included, stays
// quiet, and an error makes the exit status 1.
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
  ed.cur = { line: ed.buf.lineCount - 1, col: 0 };
  ed.toFirstNonBlank();
  let failed = false;
  const report = async (): Promise<void> => {
    for (const l of ed.pending?.lines ?? []) {
      if (l.hl === 'ErrorMsg') failed = true;
      else if (l.printed) await ctx.print(`${l.text}\n`);
    }
    ed.pending = undefined;
    if (ed.msg?.hl === 'ErrorMsg') failed = true;
    ed.msg = undefined;
  };
  let pending = '';
  let ended = false;
  const decoder = new TextDecoder();
  /** The next line of standard input, or null at its end. */
  const nextLine = async (): Promise<string | null> => {
    for (;;) {
      const nl = pending.indexOf('\n');
      if (nl >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        return line;
      }
      if (ended) {
        if (pending === '') return null;
        const last = pending;
        pending = '';
        return last;
      }
      await ctx.tick();
      const chunk = await sys.read(0, 65536);
      if (chunk === null) ended = true;
      else pending += decoder.decode(chunk, { stream: true });
    }
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
    textLines: async () => {
      const lines: string[] = [];
      for (let l = await nextLine(); l !== null && l !== '.'; l = await nextLine()) lines.push(l);
      return lines;
    },
  };
  ed.msg = undefined;
  for (const c of args.commands) {
    if (ed.exitCode !== undefined) break;
    await runEx(ed, c, host);
    await report();
  }
  while (ed.exitCode === undefined) {
    const line = await nextLine();
    if (line === null) break;
    await runEx(ed, line, host);
    await report();
  }
  // an error adds one to the status the script leaves with (:q 0, :cq 1)
  return (ed.exitCode ?? 0) + (failed ? 1 : 0);
}
