// GNU nano 8.2 (Photon 5.0's nano package): the editor on the alternate screen, in raw mode
// without signals (so ^C, ^Z and ^\ are keys), with the title bar, the edit window, the
// status bar and two help lines. Options are accepted as nano's getopt string lists them;
// +LINE[,COLUMN] places the cursor. One file is edited at a time.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Terminal } from '../pagers/terminal';
import { cut, execute, exit, findAgain, gotoLine, location, paste, readFile, replace, search, writeOut } from './commands';
import { Editor } from './editor';
import { openBuffer } from './files';
import { USAGE, VERSION_TEXT } from './usage';

// nano.c's getopt string: letters followed by ':' take an argument
const SHORT = 'ABC:DEFGHIJ:KLMNOPQ:RST:UVWX:Y:Zabcdef:ghijklmno:pqr:s:tuvwxyz!@%_0/';
const LONG_WITH_ARG = new Set(['backupdir', 'guidestripe', 'quotestr', 'tabsize', 'wordchars', 'syntax', 'fill', 'operatingdir', 'speller', 'rcfile', 'listsyntaxes']);

interface Args {
  files: string[];
  line?: number;
  column?: number;
  help?: boolean;
  version?: boolean;
  error?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const out: Args = { files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const plus = /^\+(\d*)(?:,(\d*))?$/.exec(a);
    if (plus) {
      if (plus[1]) out.line = Number(plus[1]);
      if (plus[2]) out.column = Number(plus[2]);
    } else if (a === '--') out.files.push(...argv.slice(i + 1));
    else if (a === '--help') out.help = true;
    else if (a === '--version') out.version = true;
    else if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0]!;
      if (LONG_WITH_ARG.has(name) && !a.includes('=')) i++;
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const at = SHORT.indexOf(c);
        if (at < 0) {
          out.error = c;
          return out;
        }
        if (c === 'h') out.help = true;
        if (c === 'V') out.version = true;
        if (SHORT[at + 1] === ':') {
          if (j === a.length - 1) i++;
          break;
        }
      }
    } else out.files.push(a);
  }
  return out;
}

async function edit(ctx: Ctx, term: Terminal, args: Args): Promise<void> {
  const sys = ctx.sys;
  const { buffer, message } = await openBuffer(sys, args.files[0] ?? '');
  const ed = new Editor(sys, term, buffer);
  if (message) ed.setMessage(message.text, message.importance);
  if (args.line !== undefined) {
    buffer.goto(args.line, args.column ?? 1);
    ed.adjust(true);
  }
  for (;;) {
    ed.draw();
    const k = await ed.key();
    if (k === null) return;
    if (typeof k !== 'string') continue;
    ed.beforeKey(k);
    if (ed.editKey(k)) continue;
    switch (k) {
      case '\x18': case '\x1bOQ':
        if (await exit(ed)) return;
        break;
      case '\x0f': case '\x1bOR': await writeOut(ed, true); break;
      case '\x13': await writeOut(ed, false); break;
      case '\x06': case '\x17': case '\x1b[17~': await search(ed, false); break;
      case '\x02': case '\x11': await search(ed, true); break;
      case '\x1bf': case '\x1bF': case '\x1bw': case '\x1bW': findAgain(ed, false); break;
      case '\x1bb': case '\x1bB': case '\x1bq': case '\x1bQ': findAgain(ed, true); break;
      case '\x1c': case '\x1br': case '\x1bR': await replace(ed); break;
      case '\x0b': case '\x1b[20~': cut(ed); break;
      case '\x15': case '\x1b[21~': paste(ed); break;
      case '\x03': case '\x1b[23~': location(ed); break;
      case '\x1f': case '\x1bg': case '\x1bG': await gotoLine(ed); break;
      case '\x12': case '\x1b[2~': case '\x1b[15~': await readFile(ed); break;
      case '\x14': await execute(ed); break;
      case '\x07': case '\x1bOP': await ed.help(); break;
      case '\x1bu': case '\x1bU': ed.undo(); break;
      case '\x1be': case '\x1bE': ed.redo(); break;
      case '\x0c': ed.invalidate(); break;
      case '\x1a': ed.setMessage('To suspend, type ^T^Z', 'ahem'); break;
      case '\x0a': case '\x1b': break;
      default: unbound(ed, k);
    }
  }
}

/** unbound_key: what nano says about a key that does nothing. */
function unbound(ed: Editor, k: string): void {
  const c = k.codePointAt(0)!;
  if (k.length === 1 && c < 0x20) ed.setMessage(`Unbound key: ^${String.fromCharCode(c + 0x40)}`, 'ahem');
  else if (k.length === 2 && k[0] === '\x1b') ed.setMessage(`Unbound key: M-${k[1]!.toUpperCase()}`, 'ahem');
  else if (k.startsWith('\x1b')) ed.setMessage('Unknown sequence', 'ahem');
}

export default defineProgram({
  name: 'nano',
  installPath: '/usr/bin/nano',
  pkg: 'nano',
  async main(ctx) {
    const sys = ctx.sys;
    const args = parseArgs(ctx.argv.slice(1));
    if (args.error !== undefined) {
      await ctx.err.write(`nano: invalid option -- '${args.error}'\nType 'nano -h' for a list of available options.\n`);
      return 1;
    }
    if (args.help) {
      await ctx.print(USAGE);
      return 0;
    }
    if (args.version) {
      await ctx.print(VERSION_TEXT);
      return 0;
    }
    const term = await Terminal.open(sys);
    if (!term) {
      await ctx.err.write('Too many errors from stdin\n');
      return 1;
    }
    await ctx.flush();
    term.raw();
    // nano's raw(): no signals from ^C, ^Z or ^\, no flow control, Enter as ^M
    const t = sys.tcgetattr(term.fd);
    sys.tcsetattr(term.fd, { ...t, isig: false, ixon: false, icrnl: false });
    term.write('\x1b[?1049h\x1b[H\x1b[2J');
    try {
      await edit(ctx, term, args);
    } finally {
      term.write('\x1b[?1049l');
      await term.flush();
      term.restore();
      term.close();
    }
    return 0;
  },
});
