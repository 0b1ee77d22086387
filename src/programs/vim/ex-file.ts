// Ex commands about files and leaving: :w :wq :x :q :qa :cq :e :enew :r :f :sav :up :cd
// :pwd, with vim's checks (E37 for unsaved changes, E162 for :qa, E32 without a name).
import { isSysError } from '../../shared/errno';
import { TextBuffer } from './buffer';
import type { Editor } from './editor';
import { noTrailing, type CommandTable, type ExCommand, type ExHost } from './ex';
import { fitFileMessage, loadFile, splitText, writeFile } from './file';

export const FILE_COMMANDS: CommandTable = [
  ['write', 1], ['wq', 2], ['wall', 2], ['wqall', 3], ['xit', 1], ['xall', 2], ['exit', 3],
  ['quit', 1], ['qall', 2], ['quitall', 5], ['cquit', 2], ['edit', 1], ['enew', 3], ['read', 1],
  ['file', 1], ['saveas', 3], ['update', 2], ['cd', 2], ['chdir', 3], ['pwd', 2], ['next', 1],
  ['Next', 1], ['previous', 4], ['last', 2], ['first', 3], ['rewind', 3], ['wnext', 2], ['args', 2],
];

const NO_WRITE = 'E37: No write since last change (add ! to override)';

/** The file argument: `%` is the current name, `~/` the home directory. */
function fileArg(ed: Editor, arg: string): string {
  let a = arg.trim().replace(/\\ /g, ' ');
  if (a === '%') return ed.name ?? '';
  if (a.startsWith('~/') || a === '~') a = (ed.sys.env.get('HOME') ?? '/') + a.slice(1);
  return a;
}

/** Ends the editing session with `code`. */
function quit(ed: Editor, code = 0): void {
  ed.exitCode = code;
}

/** check_more(): with files of the argument list not edited yet, the first :q warns (E173). */
function moreFiles(ed: Editor, force: boolean): boolean {
  const n = ed.args.length - ed.argIdx - 1;
  if (force || ed.args.length <= 1 || ed.argHadLast || n <= 0 || ed.quitMore > 0) return false;
  ed.error(`E173: ${n} more ${n === 1 ? 'file' : 'files'} to edit`);
  ed.quitMore = 2;
  return true;
}

/** :next :Next :first :last: another file of the argument list. */
async function argEdit(ed: Editor, idx: number, force: boolean): Promise<boolean> {
  if (ed.args.length <= 1) {
    ed.error('E163: There is only one file to edit');
    return false;
  }
  if (idx < 0) {
    ed.error('E164: Cannot go before first file');
    return false;
  }
  if (idx >= ed.args.length) {
    ed.error('E165: Cannot go beyond last file');
    return false;
  }
  if (ed.buf.modified && !force) {
    ed.error(NO_WRITE);
    return false;
  }
  ed.argIdx = idx;
  if (idx === ed.args.length - 1) ed.argHadLast = true;
  await editFile(ed, ed.args[idx], ed.readonlyMode);
  return true;
}

/** Replaces the buffer with a file, as :e and the command line do. */
export async function editFile(ed: Editor, name: string | undefined, forceReadonly: boolean): Promise<void> {
  if (!name) {
    ed.name = undefined;
    ed.buf = new TextBuffer([], true, () => ed.sys.now());
    ed.cur = { line: 0, col: 0 };
    ed.top = 0;
    return;
  }
  const loaded = await loadFile(ed, name, forceReadonly);
  ed.buf = loaded.buf;
  ed.name = name;
  ed.regs.readOnly['%'] = name;
  ed.opts.readonly = loaded.readonly;
  ed.opts.fileformat = loaded.dos ? 'dos' : 'unix';
  ed.warnedReadonly = false;
  ed.top = 0;
  ed.cur = { line: 0, col: 0 };
  ed.mode = 'normal';
  ed.toFirstNonBlank();
  // Photon's /etc/vimrc: au BufEnter,BufNew *.py set tabstop=4 shiftwidth=4 expandtab
  if (name.endsWith('.py')) Object.assign(ed.opts, { tabstop: 4, shiftwidth: 4, expandtab: true });
  ed.message(fitFileMessage(ed, loaded.message));
}

export async function exFile(ed: Editor, cmd: ExCommand, host: ExHost): Promise<boolean | undefined> {
  void host;
  switch (cmd.name) {
    case 'write':
    case 'update': {
      if (cmd.name === 'update' && !ed.buf.modified) return true;
      let arg = cmd.arg.trim();
      if (arg.startsWith('!')) {
        ed.error('E494: Use w or w>>');
        return false;
      }
      const append = arg.startsWith('>>');
      if (append) arg = arg.slice(2).trim();
      const range: [number, number] | undefined = cmd.addrCount ? [cmd.line1, cmd.line2] : undefined;
      return writeFile(ed, { name: arg ? fileArg(ed, arg) : undefined, force: cmd.bang, append, range });
    }
    case 'saveas': {
      const name = fileArg(ed, cmd.arg);
      if (!name) {
        ed.error('E471: Argument required');
        return false;
      }
      const ok = await writeFile(ed, { name, force: cmd.bang });
      if (ok) {
        ed.name = name;
        ed.regs.readOnly['%'] = name;
        ed.buf.markSaved();
      }
      return ok;
    }
    case 'wq':
    case 'xit':
    case 'exit':
    case 'wqall':
    case 'xall': {
      const arg = cmd.arg.trim();
      const always = cmd.name === 'wq' || cmd.name === 'wqall';
      if (always || ed.buf.modified || (arg !== '' && arg !== ed.name)) {
        const range: [number, number] | undefined = cmd.addrCount ? [cmd.line1, cmd.line2] : undefined;
        if (!(await writeFile(ed, { name: arg ? fileArg(ed, arg) : undefined, force: cmd.bang, range }))) return false;
        if (ed.buf.modified && !cmd.bang) {
          ed.error(NO_WRITE);
          return false;
        }
      }
      if (moreFiles(ed, cmd.bang)) return false;
      quit(ed);
      return true;
    }
    case 'wall':
      if (!ed.buf.modified) return true;
      return writeFile(ed, { name: undefined, force: cmd.bang });
    case 'quit':
    case 'close':
      if (!noTrailing(ed, cmd)) return false;
      if (ed.buf.modified && !cmd.bang) {
        ed.error(NO_WRITE);
        return false;
      }
      if (moreFiles(ed, cmd.bang)) return false;
      quit(ed);
      return true;
    case 'qall':
    case 'quitall':
      if (!noTrailing(ed, cmd)) return false;
      if (ed.buf.modified && !cmd.bang) {
        ed.error(`E162: No write since last change for buffer "${ed.name ?? '[No Name]'}"`);
        return false;
      }
      quit(ed);
      return true;
    case 'cquit':
      quit(ed, cmd.addrCount ? cmd.line2 + 1 : 1);
      return true;
    case 'edit':
    case 'enew': {
      const arg = cmd.name === 'enew' ? '' : fileArg(ed, cmd.arg);
      if (ed.buf.modified && !cmd.bang) {
        ed.error(NO_WRITE);
        return false;
      }
      if (cmd.name === 'enew') {
        await editFile(ed, undefined, false);
        return true;
      }
      const name = arg || ed.name;
      if (!name) {
        ed.error('E32: No file name');
        return false;
      }
      await editFile(ed, name, ed.readonlyMode);
      return true;
    }
    case 'read':
      return readInto(ed, cmd);
    case 'file': {
      const arg = cmd.arg.trim();
      if (arg) {
        ed.name = fileArg(ed, arg);
        ed.regs.readOnly['%'] = ed.name;
        ed.buf.forceModified = true;
      }
      ed.message(fitFileMessage(ed, fileInfo(ed)));
      return true;
    }
    case 'cd':
    case 'chdir': {
      const dir = fileArg(ed, cmd.arg) || ed.sys.env.get('HOME') || '/';
      try {
        await ed.sys.chdir(dir);
      } catch {
        ed.output([{ text: `E344: Can't find directory "${dir}" in cdpath`, hl: 'ErrorMsg' }, { text: 'E472: Command failed', hl: 'ErrorMsg' }]);
        return false;
      }
      ed.message(ed.sys.getcwd());
      return true;
    }
    case 'pwd':
      ed.output([{ text: ed.sys.getcwd(), hl: 'Normal' }]);
      return true;
    case 'next':
      return argEdit(ed, ed.argIdx + (Number(cmd.arg) || 1), cmd.bang);
    case 'Next':
    case 'previous':
      return argEdit(ed, ed.argIdx - (Number(cmd.arg) || 1), cmd.bang);
    case 'first':
    case 'rewind':
      return argEdit(ed, 0, cmd.bang);
    case 'last':
      return argEdit(ed, ed.args.length - 1, cmd.bang);
    case 'wnext':
      if (!(await writeFile(ed, { name: undefined, force: cmd.bang }))) return false;
      return argEdit(ed, ed.argIdx + 1, cmd.bang);
    case 'args':
      ed.output([{ text: ed.args.map((a, i) => (i === ed.argIdx ? `[${a}]` : a)).join(' '), hl: 'Normal' }]);
      return true;
  }
  return undefined;
}

/** :r file: the file's lines below the range's line (":0r" above the first). */
async function readInto(ed: Editor, cmd: ExCommand): Promise<boolean> {
  const name = fileArg(ed, cmd.arg) || ed.name;
  if (!name) {
    ed.error('E32: No file name');
    return false;
  }
  let bytes: Uint8Array;
  try {
    const st = await ed.sys.stat(name);
    if (st.kind === 'dir') {
      ed.error(`E484: Can't open file ${name}`);
      return false;
    }
    bytes = await ed.sys.readFile(name);
  } catch (e) {
    if (!isSysError(e)) throw e;
    ed.error(`E484: Can't open file ${name}`);
    return false;
  }
  const { lines, noeol } = splitText(new TextDecoder().decode(bytes));
  const after = cmd.addrCount && cmd.line2 === -1 ? -1 : cmd.line2;
  if (lines.length) {
    ed.changeWarning();
    if (ed.buf.empty) ed.buf.replace(0, 1, lines);
    else ed.buf.replace(after + 1, 0, lines);
    ed.cur = { line: ed.buf.empty ? 0 : after + 1, col: 0 };
    ed.toFirstNonBlank();
  }
  ed.message(fitFileMessage(ed, `"${name}" ${noeol ? '[noeol] ' : ''}${lines.length}L, ${bytes.length}B`));
  return true;
}

/** CTRL-G and :file: `"name" [Modified] 3 lines --33%--`. */
export function fileInfo(ed: Editor): string {
  const changed = ed.buf.modified;
  const ro = ed.opts.readonly ? '[readonly]' : '';
  let out = `"${ed.name ?? '[No Name]'}"${changed ? ' [Modified]' : ' '}${ro}${changed || ro ? ' ' : ''}`;
  const n = ed.buf.lineCount;
  const line = ed.cur.line + 1;
  const perc = line > 1000000 ? Math.floor(line / Math.floor(n / 100)) : Math.floor((line * 100) / n);
  if (ed.buf.empty) out += '--No lines in buffer--';
  else out += `${n} ${n === 1 ? 'line' : 'lines'} --${perc}%--`;
  return out;
}
