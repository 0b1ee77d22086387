// vim's command line (main.c command_line_scan()): files, +cmd, -c cmd, -R, -Z and the
// options that change nothing here (-n, -N, -u ...), and the name it was started as
// (view and rview are read-only, rvim and rview restricted, ex starts in Ex mode).

export interface VimArgs {
  files: string[];
  readonly: boolean;
  restricted: boolean;
  /** Ex commands to run after the first file is loaded (+cmd, -c cmd). */
  commands: string[];
  stdin: boolean;
  /** -e (Ex mode) and -s with it (silent, batch): commands from -c and standard input, no screen. */
  ex?: boolean;
  silent?: boolean;
  version?: boolean;
  help?: boolean;
  error?: string;
}

/** Options that take the next argument (or a glued value). */
const WITH_VALUE = new Set(['c', 'S', 'u', 'U', 'i', 'T', 'w', 'W', 's', 't', 'q', 'r']);

export function parseArgs(argv: readonly string[]): VimArgs {
  const base = (argv[0] ?? 'vim').replace(/^.*\//, '');
  const out: VimArgs = {
    files: [],
    readonly: base === 'view' || base === 'rview',
    restricted: base === 'rvim' || base === 'rview',
    commands: [],
    stdin: false,
    ...(base === 'ex' ? { ex: true } : {}),
  };
  let onlyFiles = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (onlyFiles) {
      out.files.push(a);
      continue;
    }
    if (a === '--') {
      onlyFiles = true;
      continue;
    }
    if (a.startsWith('+')) {
      const rest = a.slice(1);
      out.commands.push(rest === '' ? '$' : rest);
      continue;
    }
    if (a === '-') {
      out.stdin = true;
      continue;
    }
    if (a.startsWith('--')) {
      const long = a.slice(2);
      if (long === 'version') out.version = true;
      else if (long === 'help') out.help = true;
      else if (long === 'cmd') {
        if (i + 1 < argv.length) out.commands.push(argv[++i]!);
        else return { ...out, error: 'Argument missing after: "--cmd"' };
      } else if (!['noplugin', 'clean', 'not-a-term', 'ttyfail', 'literal', 'nofork', 'startuptime', 'servername', 'remote'].includes(long.split('=')[0]!)) {
        return { ...out, error: `Unknown option argument: "${a}"` };
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (f === 'h' || f === '?') out.help = true;
        else if (f === 'R') out.readonly = true;
        else if (f === 'Z') out.restricted = true;
        else if (f === 'e' || f === 'E') out.ex = true;
        else if (f === 's' && out.ex) out.silent = true;
        else if (WITH_VALUE.has(f)) {
          const glued = a.slice(j + 1);
          let value = glued;
          if (!glued) {
            if (i + 1 >= argv.length) {
              if (f === 'r' || f === 'q' || f === 's') break;
              return { ...out, error: `Argument missing after: "${a}"` };
            }
            value = argv[++i]!;
          }
          if (f === 'c') out.commands.push(value);
          break;
        } else if (!'vneEsdyNbCmMlLAHFgfXxDVopO0123456789'.includes(f)) {
          return { ...out, error: `Unknown option argument: "${a}"` };
        }
      }
      continue;
    }
    out.files.push(a);
  }
  return out;
}

const ARGS: [string, string][] = [
  ['--', 'Only file names after this'],
  ['-v', 'Vi mode (like "vi")'],
  ['-e', 'Ex mode (like "ex")'],
  ['-R', 'Readonly mode (like "view")'],
  ['-Z', 'Restricted mode (like "rvim")'],
  ['-m', 'Modifications (writing files) not allowed'],
  ['-b', 'Binary mode'],
  ['-N', "Not fully Vi compatible: 'nocompatible'"],
  ['-n', 'No swap file, use memory only'],
  ['-u <vimrc>', 'Use <vimrc> instead of any .vimrc'],
  ['+', 'Start at end of file'],
  ['+<lnum>', 'Start at line <lnum>'],
  ['--cmd <command>', 'Execute <command> before loading any vimrc file'],
  ['-c <command>', 'Execute <command> after loading the first file'],
  ['-h  or  --help', 'Print Help (this message) and exit'],
  ['--version', 'Print version information and exit'],
];

export const USAGE = `Usage: vim [arguments] [file ..]       edit specified file(s)
   or: vim [arguments] -               read text from stdin
   or: vim [arguments] -t tag          edit file where tag is defined
   or: vim [arguments] -q [errorfile]  edit file with first error

Arguments:
${ARGS.map(([o, d]) => `   ${o}${'\t'.repeat(Math.max(1, 3 - Math.floor(o.length / 8)))}${d}`).join('\n')}
`;
