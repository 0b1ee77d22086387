// The options `:set` knows, with vim's names, short names and defaults as Photon's
// /etc/vimrc leaves them (ruler on, backspace=2, 'nocompatible'; defaults.vim skipped),
// and `:set`'s argument syntax: name, noname, invname, name!, name?, name=val, += -= ^=.

export interface Options {
  number: boolean;
  list: boolean;
  hlsearch: boolean;
  incsearch: boolean;
  ignorecase: boolean;
  smartcase: boolean;
  wrap: boolean;
  wrapscan: boolean;
  tabstop: number;
  shiftwidth: number;
  softtabstop: number;
  expandtab: boolean;
  autoindent: boolean;
  ruler: boolean;
  showmode: boolean;
  showcmd: boolean;
  readonly: boolean;
  modified: boolean;
  paste: boolean;
  joinspaces: boolean;
  startofline: boolean;
  shiftround: boolean;
  report: number;
  scroll: number;
  textwidth: number;
  scrolloff: number;
  background: string;
  fileformat: string;
  syntax: string;
  filetype: string;
  backspace: string;
  mouse: string;
}

type Kind = 'bool' | 'num' | 'str';

/** name, short name, kind: in the order `:set all` lists them. */
const TABLE: [keyof Options, string, Kind][] = [
  ['autoindent', 'ai', 'bool'],
  ['background', 'bg', 'str'],
  ['backspace', 'bs', 'str'],
  ['expandtab', 'et', 'bool'],
  ['fileformat', 'ff', 'str'],
  ['filetype', 'ft', 'str'],
  ['hlsearch', 'hls', 'bool'],
  ['ignorecase', 'ic', 'bool'],
  ['incsearch', 'is', 'bool'],
  ['joinspaces', 'js', 'bool'],
  ['list', 'list', 'bool'],
  ['modified', 'mod', 'bool'],
  ['mouse', 'mouse', 'str'],
  ['number', 'nu', 'bool'],
  ['paste', 'paste', 'bool'],
  ['readonly', 'ro', 'bool'],
  ['report', 'report', 'num'],
  ['ruler', 'ru', 'bool'],
  ['scroll', 'scr', 'num'],
  ['scrolloff', 'so', 'num'],
  ['shiftround', 'sr', 'bool'],
  ['shiftwidth', 'sw', 'num'],
  ['showcmd', 'sc', 'bool'],
  ['showmode', 'smd', 'bool'],
  ['smartcase', 'scs', 'bool'],
  ['softtabstop', 'sts', 'num'],
  ['startofline', 'sol', 'bool'],
  ['syntax', 'syn', 'str'],
  ['tabstop', 'ts', 'num'],
  ['textwidth', 'tw', 'num'],
  ['wrap', 'wrap', 'bool'],
  ['wrapscan', 'ws', 'bool'],
];

export function defaultOptions(): Options {
  return {
    number: false, list: false, hlsearch: false, incsearch: false, ignorecase: false, smartcase: false,
    wrap: true, wrapscan: true, tabstop: 8, shiftwidth: 8, softtabstop: 0, expandtab: false, autoindent: false,
    ruler: true, showmode: true, showcmd: false, readonly: false, modified: false, paste: false, joinspaces: true,
    startofline: true, shiftround: false, report: 2, scroll: 0, textwidth: 0, scrolloff: 0, background: 'dark',
    fileformat: 'unix', syntax: '', filetype: '', backspace: 'indent,eol,start', mouse: '',
  };
}

function lookup(name: string): [keyof Options, Kind] | undefined {
  const row = TABLE.find(([long, short]) => long === name || short === name);
  return row ? [row[0], row[2]] : undefined;
}

/** What `:set name?` shows for one option. */
export function showOption(o: Options, name: keyof Options): string {
  const v = o[name];
  if (typeof v === 'boolean') return `  ${v ? '' : 'no'}${name}`;
  return `  ${name}=${v}`;
}

export interface SetResult {
  /** Lines to show (queries), or an error message. */
  shown: string[];
  error?: string;
  changed: (keyof Options)[];
}

/** Applies the arguments of one `:set` command. */
export function setOptions(o: Options, args: string): SetResult {
  const res: SetResult = { shown: [], changed: [] };
  const words = args.match(/(?:\\.|[^\s\\])+/g) ?? [];
  for (const raw of words) {
    const word = raw.replace(/\\(.)/g, '$1');
    const m = /^(no|inv)?([a-z]+)(!|&|\?|\+=|-=|\^=|=|:)?(.*)$/.exec(word);
    if (!m) return { ...res, error: `E518: Unknown option: ${word}` };
    const [, prefix = '', name = '', op = '', value = ''] = m;
    let found = lookup(name);
    let neg = prefix === 'no';
    let inv = prefix === 'inv';
    if (!found && prefix) {
      // "nowrap" is no + wrap, but "invnumber" style names could also be whole option names
      found = lookup(prefix + name);
      if (found) neg = inv = false;
    }
    if (!found) return { ...res, error: `E518: Unknown option: ${word.replace(/[=:!?&].*$/, '')}` };
    const [key, kind] = found;
    if (op === '?' || (op === '' && kind !== 'bool' && !prefix)) {
      res.shown.push(showOption(o, key));
      continue;
    }
    if (op === '&') {
      (o as unknown as Record<string, unknown>)[key] = defaultOptions()[key];
      res.changed.push(key);
      continue;
    }
    if (kind === 'bool') {
      if (op && op !== '!') return { ...res, error: `E474: Invalid argument: ${word}` };
      const cur = o[key] as boolean;
      (o as unknown as Record<string, boolean>)[key] = op === '!' || inv ? !cur : !neg;
      res.changed.push(key);
      continue;
    }
    if (prefix) return { ...res, error: `E474: Invalid argument: ${word}` };
    if (kind === 'num') {
      if (!/^-?\d+$/.test(value)) return { ...res, error: `E521: Number required after =: ${word}` };
      const n = Number(value);
      const cur = o[key] as number;
      const next = op === '+=' ? cur + n : op === '-=' ? cur - n : op === '^=' ? cur * n : n;
      if ((key === 'tabstop' || key === 'shiftwidth') && next < (key === 'tabstop' ? 1 : 0)) return { ...res, error: key === 'tabstop' ? `E487: Argument must be positive: ${word}` : `E487: Argument must be positive: ${word}` };
      (o as unknown as Record<string, number>)[key] = next;
    } else {
      const cur = o[key] as string;
      (o as unknown as Record<string, string>)[key] = op === '+=' ? (cur ? `${cur},${value}` : value) : op === '^=' ? (cur ? `${value},${cur}` : value) : op === '-=' ? cur.split(',').filter((p) => p !== value).join(',') : value;
    }
    res.changed.push(key);
  }
  return res;
}

/** `:set` with no argument: the options that differ from their defaults. */
export function changedOptions(o: Options): string[] {
  const d = defaultOptions();
  const out: string[] = [];
  for (const [key] of TABLE) {
    if (key === 'scroll' || key === 'modified' || key === 'readonly') continue;
    if (o[key] !== d[key]) out.push(showOption(o, key).trimStart());
  }
  return out;
}

/** `:set all`: every option, in columns as vim lays them out. */
export function allOptions(o: Options, cols: number): string[] {
  const items = TABLE.map(([key]) => showOption(o, key).trimStart());
  const width = 20;
  const per = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(items.length / per);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '  ';
    for (let c = 0; c < per; c++) {
      const it = items[c * rows + r];
      if (it === undefined) break;
      line += it.padEnd(width);
    }
    out.push(line.trimEnd());
  }
  return out;
}
