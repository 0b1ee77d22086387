// Tab completion for the line editor: command names in the first word, file names after.
import type { Interpreter } from './interpreter';
import { builtins } from './builtins/index';

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

export async function completeLine(sh: Interpreter, line: string, cursor: number): Promise<{ insert: string; list?: string[] }> {
  const before = line.slice(0, cursor);
  const m = /(\S*)$/.exec(before)!;
  const word = m[1]!;
  const first = before.slice(0, before.length - word.length).trim() === '' || /[;&|]\s*$/.test(before.slice(0, before.length - word.length));
  let candidates: string[] = [];
  let suffixFor = async (c: string): Promise<string> => c;
  if (/^\$\{?[A-Za-z_]\w*$/.test(word) || word === '$') {
    // variable names
    const brace = word.startsWith('${');
    const prefix = word.slice(brace ? 2 : 1);
    const names = new Set<string>([...sh.state.globals.keys(), ...sh.state.scopes.flatMap((m) => [...m.keys()])]);
    candidates = [...names].filter((n) => n.startsWith(prefix)).sort().map((n) => (brace ? '${' : '$') + n);
    suffixFor = async (c) => (brace ? `${c}}` : c);
  } else if (first && !word.includes('/')) {
    const names = new Set<string>([...builtins.keys(), ...sh.state.functions.keys(), ...sh.state.aliases.keys()]);
    for (const dir of (sh.state.get('PATH') ?? '').split(':')) {
      try {
        for (const n of await sh.sys.readdir(dir || '.')) names.add(n);
      } catch {
        // unreadable
      }
    }
    candidates = [...names].filter((n) => n.startsWith(word)).sort();
    suffixFor = async (c) => `${c} `;
  } else {
    const slash = word.lastIndexOf('/');
    const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
    const base = slash >= 0 ? word.slice(slash + 1) : word;
    const home = sh.state.get('HOME') ?? '/';
    const dir = dirPart.startsWith('~/') ? home + dirPart.slice(1) : dirPart;
    let names: string[] = [];
    try {
      names = await sh.sys.readdir(dir || '.');
    } catch {
      return { insert: '' };
    }
    candidates = names.filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.'))).sort().map((n) => dirPart + n);
    suffixFor = async (c) => {
      const path = c.startsWith('~/') ? home + c.slice(1) : c;
      try {
        return (await sh.sys.stat(path)).kind === 'dir' ? `${c}/` : `${c} `;
      } catch {
        return `${c} `;
      }
    };
  }
  if (candidates.length === 0) return { insert: '' };
  if (candidates.length === 1) return { insert: (await suffixFor(candidates[0]!)).slice(word.length) };
  const common = commonPrefix(candidates);
  if (common.length > word.length) return { insert: common.slice(word.length) };
  return { insert: '', list: candidates.map((c) => c.slice(c.lastIndexOf('/', c.length - 2) + 1)) };
}
