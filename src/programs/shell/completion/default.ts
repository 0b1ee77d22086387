// bash's own completion when no spec applies (bashline.c attempt_shell_completion): variable
// names after $, user names after ~, command names in command position, file names elsewhere.
import type { Interpreter } from '../interpreter';
import { commandNames, fileMatches } from './sources';

export interface DefaultMatches {
  matches: string[];
  /** The matches are file names (quoted, directories get a slash). */
  filenames: boolean;
  /** Text to close the word with on a unique match instead of a space (`}` after ${name). */
  closer?: string;
}

async function userNames(sh: Interpreter): Promise<string[]> {
  try {
    const text = new TextDecoder().decode(await sh.sys.readFile('/etc/passwd'));
    return text.split('\n').map((l) => l.split(':')[0]!).filter((n) => n !== '');
  } catch {
    return [];
  }
}

export async function defaultMatches(sh: Interpreter, word: string, inCommand: boolean): Promise<DefaultMatches> {
  const v = /^(\$\{?)([A-Za-z_][A-Za-z0-9_]*)?$/.exec(word);
  if (v) {
    const brace = v[1] === '${';
    const prefix = v[2] ?? '';
    const names = new Set<string>([...sh.state.globals.keys(), ...sh.state.scopes.flatMap((m) => [...m.keys()])]);
    const matches = [...names].filter((n) => n.startsWith(prefix)).sort().map((n) => v[1] + n);
    return { matches, filenames: false, ...(brace ? { closer: '}' } : {}) };
  }
  if (/^~[^/]*$/.test(word)) {
    const prefix = word.slice(1);
    return { matches: (await userNames(sh)).filter((n) => n.startsWith(prefix)).map((n) => `~${n}`), filenames: false, closer: '/' };
  }
  if (inCommand && !word.includes('/')) return { matches: await commandNames(sh, word), filenames: false };
  return { matches: await fileMatches(sh, word, inCommand ? 'exec' : undefined), filenames: true };
}
