// vim 9.1 as Photon OS 5.0 ships it (package vim: /usr/bin/vim, with vi, view, rvim and
// rview as links to it). Settings are those of Photon's /etc/vimrc (ruler, backspace=2,
// syntax on with the desert colours, <Esc><Esc> mapped to :q, F2 to :w, F10 to :q!). The
// program reads its arguments, opens the file, and runs Normal-mode commands until a
// command ends the session; the screen is the alternate screen, given back on exit.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { parseArgs, USAGE } from './args';
import { batch } from './batch';
import { runFilter } from './filter';
import { Editor } from './editor';
import { runEx, type ExHost } from './ex';
import { editFile } from './ex-file';
import { splitText } from './file';
import { TextBuffer } from './buffer';
import { normalCommand, type NormalHost } from './normal';
import { Renderer } from './render';
import { K, VimTty } from './tty';
import { detectVersion, seedIntro, versionHead, versionText } from './version';

const PROMPT = 'Press ENTER or type command to continue';

async function session(ctx: Ctx, tty: VimTty, args: ReturnType<typeof parseArgs>): Promise<number> {
  const sys = ctx.sys;
  const ed = new Editor(sys, tty);
  const renderer = new Renderer(ctx.env.get('TERM') ?? 'xterm-256color');
  ed.readonlyMode = args.readonly;
  ed.restricted = args.restricted;
  seedIntro(Math.floor(sys.now() / 1000));
  // /etc/vimrc runs `install -d -m 700 ~/.vim/swap` and puts swap files there
  const home = ctx.env.get('HOME');
  if (home) {
    await sys.mkdir(`${home}/.vim`, 0o755).catch(() => undefined);
    await sys.mkdir(`${home}/.vim/swap`, 0o700).catch(() => undefined);
  }
  if (args.files.length) await editFile(ed, args.files[0], args.readonly);
  else if (args.stdin) {
    await ctx.print('Vim: Reading from stdin...\n');
    await ctx.flush();
    const chunks: Uint8Array[] = [];
    for (;;) {
      await ctx.tick();
      const c = await sys.read(0, 65536);
      if (c === null) break;
      chunks.push(c);
    }
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    const text = new TextDecoder().decode(all);
    const { lines } = splitText(text);
    ed.buf = new TextBuffer(lines, lines.length === 0, () => sys.now());
    if (!args.readonly) ed.buf.forceModified = true;
    ed.opts.readonly = args.readonly;
  } else {
    ed.intro = true;
    ed.opts.readonly = args.readonly;
  }
  ed.args = args.files;
  ed.argHadLast = args.files.length <= 1;

  const paint = async (): Promise<void> => {
    if (ed.msg && ed.msg.text.length >= ed.cols && !ed.cmdline) {
      ed.output([ed.msg]);
      ed.msg = undefined;
    }
    if (ed.buf.tick !== lastTick) {
      ed.intro = false;
      lastTick = ed.buf.tick;
    }
    ed.scrollToCursor();
    tty.write(renderer.draw(ed));
    await tty.flush();
  };
  let lastTick = ed.buf.tick;
  ed.redraw = paint;
  tty.onResize = async () => {
    const size = tty.size();
    ed.cols = size.cols;
    ed.rows = size.rows;
    renderer.invalidate();
    await paint();
  };
  const suspend = async (): Promise<void> => {
    tty.write(renderer.finish());
    await tty.stop();
    tty.write(renderer.start());
    const size = tty.size();
    ed.cols = size.cols;
    ed.rows = size.rows;
    await paint();
  };
  tty.onSuspend = suspend;

  const host: ExHost & NormalHost = {
    run: (text) => runEx(ed, text, host),
    ex: (text) => runEx(ed, text, host),
    normal: async (keys) => {
      const saved = ed.tty.recording;
      tty.push(`${keys}\x1b`);
      // run until the pushed keys are used up
      for (let guard = 0; guard < 10000 && tty.hasPending() && ed.exitCode === undefined; guard++) await normalCommand(ed, host);
      ed.tty.recording = saved;
    },
    shell: async (cmd) => {
      // ex_cmds.c do_shell(): back to the normal screen, a new line, the 'warn' message
      tty.write(`${renderer.finish()}\r\n`);
      if (ed.buf.modified) tty.write('[No write since last change]\r\n');
      await tty.flush();
      tty.cooked();
      const pid = await sys.spawn({ path: '/bin/bash', argv: cmd === undefined ? ['/bin/bash'] : ['/bin/bash', '-c', cmd], env: new Map(sys.env) });
      const res = await sys.wait(pid);
      tty.rawMode();
      tty.takeInterrupt();
      const code = res?.status.kind === 'exited' ? res.status.code : 0;
      // after ":sh" vim just redraws; after ":!cmd" the output waits for a key
      if (cmd !== undefined) {
        tty.write(`${code ? `\r\nshell returned ${code}\r\n` : ''}${renderer.question(PROMPT)}`);
        await tty.flush();
        const k = await tty.key();
        if (k === ':') tty.push(':');
      }
      tty.write(renderer.start());
      ed.msg = undefined;
    },
    filter: (input, cmd) => runFilter(sys, input, cmd),
    suspend,
    repaint: () => {
      renderer.invalidate();
      ed.msg = undefined;
    },
  };

  tty.rawMode();
  tty.write(renderer.start());
  try {
    for (const c of args.commands) {
      await runEx(ed, c, host);
      if (ed.exitCode !== undefined) break;
    }
    while (ed.exitCode === undefined) {
      if (ed.pending) await hitEnter(ed, renderer);
      if (ed.exitCode !== undefined) break;
      if (tty.deadly) break;
      await normalCommand(ed, host);
      if (tty.deadly) break;
      const peek = await peekEof(tty);
      if (peek) break;
    }
  } finally {
    tty.write(renderer.finish());
    await tty.flush();
    tty.restore();
  }
  if (tty.deadly) {
    await ctx.err.write(`Vim: Caught deadly signal ${tty.deadly}\nVim: Finished.\n`);
    return 1;
  }
  if (ed.exitCode === undefined) {
    await ctx.err.write('Vim: Error reading input, exiting...\nVim: Finished.\n');
    return 1;
  }
  return ed.exitCode;
}

/** True once the terminal has gone (the key reader reports it as K.Eof). */
async function peekEof(tty: VimTty): Promise<boolean> {
  return tty.ended;
}

/** Output longer than the last line: scroll it up and wait for a key. */
async function hitEnter(ed: Editor, renderer: Renderer): Promise<void> {
  const lines = ed.pending!.lines;
  ed.pending = undefined;
  // one line that stays clear of the ruler's column needs no prompt (message.c msg_check())
  if (lines.length === 1 && lines[0]!.text.length < ed.cols - 18) {
    ed.msg = lines[0];
    return;
  }
  ed.tty.write(renderer.drawScrolled(ed, lines, PROMPT));
  await ed.tty.flush();
  const k = await ed.tty.key();
  renderer.invalidate();
  ed.msg = undefined;
  if (k !== undefined && k !== '\r' && k !== ' ' && k !== '\n' && k !== '\x1b' && k !== '\x03' && k !== K.Eof) ed.tty.push(k);
}

export default defineProgram({
  name: 'vim',
  installPath: '/usr/bin/vim',
  aliases: ['/usr/bin/vi', '/usr/bin/view', '/usr/bin/rvim', '/usr/bin/rview', '/usr/bin/ex'],
  pkg: 'vim',
  async main(ctx) {
    const sys = ctx.sys;
    const args = parseArgs(ctx.argv);
    await detectVersion(sys);
    if (args.error) {
      await ctx.err.write(`${versionHead()}\n${args.error}\nMore info with: "vim -h"\n`);
      return 1;
    }
    if (args.version) {
      await ctx.print(versionText());
      return 0;
    }
    if (args.help) {
      await ctx.print(`${versionHead()}\n\n${USAGE}`);
      return 0;
    }
    // Ex mode reads commands from a script when -s asks, or when its input is no terminal
    if (args.ex && (args.silent || !sys.isatty(0))) return batch(ctx, args);
    if (!sys.isatty(1)) await ctx.err.write('Vim: Warning: Output is not to a terminal\n');
    if (!sys.isatty(0)) await ctx.err.write('Vim: Warning: Input is not from a terminal\n');
    await ctx.err.flush();
    const tty = await VimTty.open(sys);
    if (!tty) {
      await ctx.err.write('Vim: Error reading input, exiting...\nVim: Finished.\n');
      return 1;
    }
    try {
      return await session(ctx, tty, args);
    } finally {
      tty.close();
    }
  },
});
