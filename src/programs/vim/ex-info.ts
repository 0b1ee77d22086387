// Ex commands about settings and information: :set :syntax :colorscheme :filetype :help
// :version :intro :redraw :echo :registers :marks :ls :! :shell :stop.
// Photon's minimal install ships vim without its documentation (that is vim-extra), so
// :help answers E149 as it does there.
import type { Editor, Message } from './editor';
import type { CommandTable, ExCommand, ExHost } from './ex';
import { allOptions, changedOptions, setOptions } from './options';
import { patchesLine, versionHead } from './version';

export const INFO_COMMANDS: CommandTable = [
  ['set', 2], ['setlocal', 4], ['setglobal', 4], ['syntax', 2], ['colorscheme', 4], ['filetype', 5],
  ['help', 1], ['version', 2], ['intro', 3], ['redraw', 4], ['echo', 2], ['registers', 3], ['display', 2],
  ['marks', 5], ['buffers', 7], ['files', 5], ['ls', 2], ['!', 1], ['shell', 2], ['stop', 2], ['suspend', 3],
  ['startinsert', 4], ['stopinsert', 5], ['source', 2], ['runtime', 2], ['map', 3], ['let', 3], ['highlight', 2],
];

const COLORSCHEMES = ['default', 'desert'];

export async function exInfo(ed: Editor, cmd: ExCommand, host: ExHost): Promise<boolean | undefined> {
  const arg = cmd.arg.trim();
  switch (cmd.name) {
    case 'set': case 'setlocal': case 'setglobal': {
      if (arg === '') {
        ed.output([{ text: '--- Options ---', hl: 'Normal', printed: true }, ...changedOptions(ed.opts).map((t) => ({ text: `  ${t}`, hl: 'Normal' as const, printed: true }))]);
        return true;
      }
      if (arg === 'all') {
        ed.output([{ text: '--- Options ---', hl: 'Normal', printed: true }, ...allOptions(ed.opts, ed.cols).map((t) => ({ text: t, hl: 'Normal' as const, printed: true }))]);
        return true;
      }
      const wasModified = ed.opts.modified;
      ed.opts.modified = ed.buf.modified;
      const r = setOptions(ed.opts, arg);
      if (ed.opts.modified !== ed.buf.modified || wasModified !== ed.opts.modified) {
        if (ed.opts.modified) ed.buf.forceModified = true;
        else ed.buf.markSaved();
      }
      if (r.changed.includes('hlsearch')) ed.noHighlight = false;
      if (r.changed.includes('scroll')) ed.scroll = ed.opts.scroll;
      // shown through output(): one short line lands on the last line, more ask for Enter
      if (r.shown.length) ed.output(r.shown.map((text) => ({ text, hl: 'Normal' as const, printed: true })));
      if (r.error) {
        ed.error(r.error);
        return false;
      }
      return true;
    }
    case 'syntax':
      if (/^(on|off|enable|clear|reset|manual|)$/.test(arg)) return true;
      ed.error(`E28: No such highlight group name: ${arg}`);
      return false;
    case 'colorscheme':
      if (arg === '') {
        ed.message('desert');
        return true;
      }
      if (COLORSCHEMES.includes(arg)) return true;
      ed.error(`E185: Cannot find color scheme '${arg}'`);
      return false;
    case 'filetype':
      if (arg === '') ed.message('filetype detection:ON  plugin:OFF  indent:OFF');
      return true;
    case 'help':
      ed.error(`E149: Sorry, no help for ${arg || 'help.txt'}`);
      return false;
    case 'version':
      ed.output([versionHead(), patchesLine(), 'Compiled by root@photon', 'Huge version without GUI.'].map((text) => ({ text, hl: 'Normal' as const })));
      return true;
    case 'intro':
      ed.intro = true;
      ed.msg = undefined;
      return true;
    case 'redraw':
      ed.msg = undefined;
      return true;
    case 'echo': {
      const m = /^(["'])(.*)\1$/.exec(arg);
      if (m) ed.message(m[1] === '"' ? m[2]!.replace(/\\(.)/g, (_x, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c)) : m[2]!);
      else if (/^-?\d+$/.test(arg)) ed.message(String(Number(arg)));
      else if (arg === '') ed.message('');
      else {
        ed.error(`E121: Undefined variable: ${arg.split(/\s/)[0]}`);
        return false;
      }
      return true;
    }
    case 'registers': case 'display':
      ed.output(ed.regs.list(arg || undefined).map((text, i) => ({ text, hl: i === 0 ? 'Question' : 'Normal' }) as Message));
      return true;
    case 'marks': {
      const out: Message[] = [{ text: 'mark line  col file/text', hl: 'Question' }];
      const names = [...ed.marks.keys()].sort();
      for (const n of names) {
        const p = ed.marks.get(n)!;
        out.push({ text: ` ${n} ${String(p.line + 1).padStart(6)} ${String(p.col).padStart(4)} ${ed.buf.line(p.line).trim()}`, hl: 'Normal' });
      }
      ed.output(out);
      return true;
    }
    case 'buffers': case 'files': case 'ls': {
      const name = `"${ed.name ?? '[No Name]'}"`;
      const flags = `%a ${ed.opts.readonly ? '=' : ' '}${ed.buf.modified ? '+' : ' '}`;
      ed.output([{ text: `  1 ${flags} ${name.padEnd(30)} line ${ed.cur.line + 1}`, hl: 'Normal' }]);
      return true;
    }
    case '!': case 'shell':
      if (ed.restricted) {
        ed.error('E145: Shell commands and some functionality not allowed in rvim');
        return false;
      }
      if (cmd.name === '!' && cmd.addrCount > 0) {
        // ":{range}!cmd": the lines go through the command and its output replaces them
        const n = cmd.line2 - cmd.line1 + 1;
        const out = await host.filter(ed.buf.text(cmd.line1, cmd.line2), cmd.arg);
        const lines = out === '' ? [] : out.replace(/\n$/, '').split('\n');
        ed.changeWarning();
        if (lines.length === 0 && n === ed.buf.lineCount) ed.buf.clearAll();
        else ed.buf.replace(cmd.line1, n, lines);
        ed.cur = { line: Math.min(cmd.line1, ed.buf.lineCount - 1), col: 0 };
        ed.toFirstNonBlank();
        if (n > ed.opts.report) ed.message(`${n} lines filtered`);
        return true;
      }
      await host.shell(cmd.name === 'shell' ? undefined : cmd.arg);
      return true;
    case 'stop': case 'suspend':
      await host.suspend();
      return true;
    case 'startinsert':
      ed.tty.push(cmd.bang ? 'A' : 'i');
      return true;
    case 'stopinsert': case 'source': case 'runtime': case 'map': case 'let': case 'highlight':
      return true;
  }
  return undefined;
}
