// history -a, -n, -r and -w: the history list and a file (HISTFILE, or the name given).
import type { Interpreter } from '../interpreter';
import { decodeBytes, encodeText } from '../byte-text';
import { refuse } from '../restricted';

/** Per shell: entries already appended with -a, and lines of the file already read (-r, -n). */
const marks = new WeakMap<Interpreter, { appended: number; read: number }>();

/**
 * Does what the flags ask (after -c emptied the list); failures give status 1 without a message,
 * as bash's do. With no name and HISTFILE unset, readline's default ~/.history is used.
 */
export async function historyFile(sh: Interpreter, flags: Set<string>, name: string | undefined): Promise<number> {
  const file = name ?? sh.state.get('HISTFILE') ?? `${sh.state.get('HOME') ?? ''}/.history`;
  if (sh.state.restricted && file.includes('/')) return refuse(sh, 'history', file);
  let mark = marks.get(sh);
  if (!mark) marks.set(sh, (mark = { appended: 0, read: 0 }));
  const list = sh.state.history;
  try {
    if (flags.has('a')) {
      // an interactive shell here appends each command as it is entered already
      const fresh = sh.state.interactive ? [] : list.slice(Math.min(mark.appended, list.length));
      await sh.sys.writeFile(file, encodeText(fresh.map((l) => `${l}\n`).join('')), { append: true, mode: 0o600 });
      mark.appended = list.length;
    } else if (flags.has('w')) {
      await sh.sys.writeFile(file, encodeText(list.map((l) => `${l}\n`).join('')), { mode: 0o600 });
      mark.appended = list.length;
    } else if (flags.has('r') || flags.has('n')) {
      const lines = decodeBytes(await sh.sys.readFile(file)).split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      const from = flags.has('n') ? Math.min(mark.read, lines.length) : 0;
      list.push(...lines.slice(from));
      mark.read = lines.length;
    }
  } catch {
    return 1;
  }
  return 0;
}
