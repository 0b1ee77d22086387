// bash's command line: its long options, the option letters `set` also takes, -o and -O with
// their names, -c, -s, -i, -l, and the usage listing an unknown option gets (bash 5.2's
// shell.c: parse_long_options, parse_shell_options, show_shell_usage).

export interface Invocation {
  command?: string;
  file?: string;
  args: string[];
  login: boolean;
  interactive?: boolean;
  noProfile: boolean;
  noRc: boolean;
  stdin: boolean;
  /** arguments for `set`, in order: `-e`, `+o name`, ... */
  options: string[];
  /** -O name / +O name: shopt options turned on (true) or off */
  shopts: [boolean, string][];
  /** a bare -o or +o (no name after it): `set -o` / `set +o` lists the options */
  listSet?: '-' | '+';
  /** a bare -O or +O: `shopt` / `shopt -p` lists the shopt options */
  listShopt?: '-' | '+';
  /** -r, --restricted or a shell run as rbash: restricted once the startup files are read */
  restricted?: boolean;
}

/** What went wrong, for `NAME: <what>`; `usage`: the option listing follows. */
export interface ArgError {
  error: string;
  usage: boolean;
}

const LONG_OPTIONS = ['debug', 'debugger', 'dump-po-strings', 'dump-strings', 'help', 'init-file', 'login', 'noediting', 'noprofile', 'norc', 'posix', 'pretty-print', 'rcfile', 'restricted', 'verbose', 'version'];
/** the letters `set` takes that bash also takes on its command line */
const SET_LETTERS = 'abefhkmnptuvxBCEHPT';

export function parseArgs(argv: readonly string[]): Invocation | 'version' | 'help' | ArgError {
  const inv: Invocation = { args: [], login: (argv[0] ?? '').startsWith('-'), noProfile: false, noRc: false, stdin: false, options: [], shopts: [] };
  const base = (argv[0] ?? '').replace(/^.*\//, '');
  if (/^-?rbash$/.test(base)) inv.restricted = true;
  // run as sh, bash starts in posix mode (act_like_sh)
  if (/^-?sh$/.test(base)) inv.options.push('-o', 'posix');
  let i = 1;
  let wantCommand = false;
  // long options come first; the first word that is not one ends them
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--') || a === '--' || a === '-') break;
    const name = a.slice(2);
    if (name === 'login') inv.login = true;
    else if (name === 'noprofile') inv.noProfile = true;
    else if (name === 'norc') inv.noRc = true;
    else if (name === 'version') return 'version';
    else if (name === 'help') return 'help';
    else if (name === 'posix') inv.options.push('-o', 'posix');
    else if (name === 'verbose') inv.options.push('-v');
    else if (name === 'restricted') inv.restricted = true;
    else if (name === 'noediting' || name === 'debug') continue;
    else if (name === 'rcfile' || name === 'init-file') {
      // the file is read only by an interactive shell, which here reads ~/.bashrc as it would
      if (argv[i + 1] === undefined) return { error: `${name}: option requires an argument`, usage: false };
      i++;
    } else return { error: `${a}: invalid option`, usage: true };
  }
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || a === '-') {
      i++;
      break;
    }
    if (!/^[-+][A-Za-z]+$/.test(a)) break;
    const on = a[0] === '-';
    for (const c of a.slice(1)) {
      if (c === 'c' && on) wantCommand = true;
      else if (c === 'l' && on) inv.login = true;
      else if (c === 'i' && on) inv.interactive = true;
      else if (c === 's' && on) inv.stdin = true;
      else if (c === 'r') inv.restricted = on;
      else if (SET_LETTERS.includes(c)) inv.options.push(`${a[0]}${c}`);
      else if (c === 'o' || c === 'O') {
        const name = argv[i + 1];
        if (name === undefined) {
          if (c === 'o') inv.listSet = on ? '-' : '+';
          else inv.listShopt = on ? '-' : '+';
          continue;
        }
        i++;
        if (c === 'o') inv.options.push(`${a[0]}o`, name);
        else inv.shopts.push([on, name]);
      } else return { error: `${a[0]}${c}: invalid option`, usage: true };
    }
  }
  const rest = argv.slice(i);
  if (wantCommand) {
    if (rest.length === 0) return { error: '-c: option requires an argument', usage: false };
    inv.command = rest[0];
    inv.args = rest.slice(1);
  } else if (!inv.stdin && rest.length > 0) {
    inv.file = rest[0];
    inv.args = rest.slice(1);
  } else inv.args = [...rest];
  return inv;
}

/** The option listing bash prints after an unknown option (and in --help), for the name it was run by. */
export function usageText(name: string): string {
  return (
    `Usage:\t${name} [GNU long option] [option] ...\n\t${name} [GNU long option] [option] script-file ...\n` +
    `GNU long options:\n${LONG_OPTIONS.map((o) => `\t--${o}\n`).join('')}` +
    'Shell options:\n\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)\n' +
    `\t-${SET_LETTERS} or -o option\n`
  );
}
