// less 608's options, from the LESS variable and the command line: clustered single-letter
// options (-NS), -x and friends with a number, -P with a prompt ending at `$`, long options
// (--LINE-NUMBERS), and +cmd initial commands. An unknown option is reported and ignored,
// as less does.

export interface LessOptions {
  lineNumbers: boolean;
  chop: boolean;
  /** -r shows every control character raw; -R only colour (SGR) sequences. */
  raw: '' | 'r' | 'R';
  quitIfOneScreen: boolean;
  noInit: boolean;
  ignoreCase: '' | 'smart' | 'always';
  tabs: number;
  /** -E quits the first time end of file is reached, -e the second time. */
  quitAtEof: 0 | 1 | 2;
  squeeze: boolean;
  tilde: boolean;
  quitOnIntr: boolean;
  hilite: boolean;
  style: 's' | 'm' | 'M';
  prompts: Partial<Record<'s' | 'm' | 'M' | '=' | 'h', string>>;
  commands: string[];
  help: boolean;
  version: boolean;
}

export function defaultOptions(): LessOptions {
  return {
    lineNumbers: false, chop: false, raw: '', quitIfOneScreen: false, noInit: false, ignoreCase: '', tabs: 8,
    quitAtEof: 0, squeeze: false, tilde: true, quitOnIntr: false, hilite: true, style: 's', prompts: {},
    commands: [], help: false, version: false,
  };
}

type Flag = (o: LessOptions) => void;

const FLAGS: Record<string, Flag> = {
  N: (o) => (o.lineNumbers = true),
  n: (o) => (o.lineNumbers = false),
  S: (o) => (o.chop = true),
  R: (o) => (o.raw = 'R'),
  r: (o) => (o.raw = 'r'),
  F: (o) => (o.quitIfOneScreen = true),
  X: (o) => (o.noInit = true),
  i: (o) => (o.ignoreCase = 'smart'),
  I: (o) => (o.ignoreCase = 'always'),
  E: (o) => (o.quitAtEof = 1),
  e: (o) => (o.quitAtEof = 2),
  s: (o) => (o.squeeze = true),
  '~': (o) => (o.tilde = false),
  K: (o) => (o.quitOnIntr = true),
  G: (o) => (o.hilite = false),
  g: (o) => (o.hilite = true),
  m: (o) => (o.style = 'm'),
  M: (o) => (o.style = 'M'),
  '?': (o) => (o.help = true),
  V: (o) => (o.version = true),
  // accepted with no visible effect here
  a: () => {}, A: () => {}, c: () => {}, C: () => {}, d: () => {}, f: () => {}, q: () => {}, Q: () => {}, u: () => {}, U: () => {}, w: () => {}, W: () => {}, L: () => {}, B: () => {},
};

/** Letters that take a number right after them, and letters that take a name. */
const NUMERIC = new Set(['x', 'b', 'h', 'y', 'z', 'j', '#']);
const NAMED = new Set(['o', 'O', 't', 'T', 'k', 'D']);
const VALUED = new Set([...NUMERIC, ...NAMED]);

const LONG: Record<string, string> = {
  'LINE-NUMBERS': 'N', 'line-numbers': 'n', 'chop-long-lines': 'S', 'RAW-CONTROL-CHARS': 'R', 'raw-control-chars': 'r',
  'quit-if-one-screen': 'F', 'no-init': 'X', 'ignore-case': 'i', 'IGNORE-CASE': 'I', 'QUIT-AT-EOF': 'E', 'quit-at-eof': 'e',
  'squeeze-blank-lines': 's', tilde: '~', 'quit-on-intr': 'K', 'HILITE-SEARCH': 'G', 'hilite-search': 'g', 'long-prompt': 'm',
  'LONG-PROMPT': 'M', help: '?', version: 'V', silent: 'q', quiet: 'q', QUIET: 'Q', SILENT: 'Q', 'search-skip-screen': 'a',
  'clear-screen': 'c', 'CLEAR-SCREEN': 'C', 'tabs': 'x', 'prompt': 'P', 'shift': '#', 'window': 'z', 'jump-target': 'j',
};

export class OptionParser {
  readonly errors: string[] = [];

  constructor(readonly o: LessOptions) {}

  /** Parses one option string: a command-line word after its `-`, or a piece of $LESS. */
  cluster(text: string): void {
    for (let i = 0; i < text.length; ) {
      const c = text[i]!;
      i++;
      if (c === '-' || c === ' ') continue;
      if (c === 'P') {
        const kind = 'smM=h'.includes(text[i] ?? '') && text[i] !== undefined ? text[i++]! : 's';
        const end = text.indexOf('$', i);
        this.o.prompts[kind as 's'] = text.slice(i, end < 0 ? undefined : end);
        i = end < 0 ? text.length : end + 1;
        continue;
      }
      if (c === '+') {
        const end = text.indexOf(' ', i);
        this.o.commands.push(text.slice(i, end < 0 ? undefined : end));
        i = end < 0 ? text.length : end;
        continue;
      }
      if (VALUED.has(c)) {
        const m = (NUMERIC.has(c) ? /^[-\d.,]*/ : /^[^ $]*/).exec(text.slice(i))![0];
        if (c === 'x' && /^\d+/.test(m)) this.o.tabs = Math.max(1, Number(/^\d+/.exec(m)![0]));
        i += m.length;
        continue;
      }
      const f = FLAGS[c];
      if (f) f(this.o);
      else this.errors.push(`There is no -${c} option ("less --help" for help)`);
    }
  }

  long(word: string): void {
    const eq = word.indexOf('=');
    const name = word.slice(0, eq < 0 ? undefined : eq);
    const value = eq < 0 ? '' : word.slice(eq + 1);
    const letter = LONG[name];
    if (letter === undefined) {
      this.errors.push(`There is no ${name} option ("less --help" for help)`);
      return;
    }
    if (letter === 'x') this.o.tabs = Math.max(1, Number(value) || 8);
    else if (letter === 'P') this.cluster(`P${value}`);
    else if (!VALUED.has(letter)) this.cluster(letter);
  }
}

/** Reads $LESS and the arguments; returns the options, the files and the error messages. */
export function parseLessArgs(args: readonly string[], env: string | undefined): { options: LessOptions; files: string[]; errors: string[] } {
  const p = new OptionParser(defaultOptions());
  if (env) p.cluster(env);
  const files: string[] = [];
  let optionsDone = false;
  for (const a of args) {
    if (optionsDone || a === '-' || !/^[-+]/.test(a)) files.push(a);
    else if (a === '--') optionsDone = true;
    else if (a.startsWith('--')) p.long(a.slice(2));
    else if (a.startsWith('+')) p.o.commands.push(a.slice(1));
    else p.cluster(a.slice(1));
  }
  return { options: p.o, files, errors: p.errors };
}
