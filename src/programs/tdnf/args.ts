// tdnf's command line (tools/cli/lib/parseargs.c): getopt_long_only over its option table, so
// long options take one or two dashes and unique prefixes (`-j` is --json), a single dash
// followed by one of "46bCc:d:e:hi:qvxy" is that short option, options may follow the command,
// and argv is permuted options-first (history stores it that way: `-y install nano`).
import { E, TdnfError } from './errors';

const SHORT = '46bCc:d:e:hi:qvxy';

/** Long options: name -> takes an argument. */
const LONG: ReadonlyMap<string, boolean> = new Map([
  ...['4', '6', 'alldeps', 'allowerasing', 'assumeno', 'assumeyes', 'best', 'builddeps', 'cacheonly', 'debugsolver', 'disableexcludes', 'downloadonly', 'help', 'json', 'noautoremove', 'nodeps', 'nogpgcheck', 'noplugins', 'quiet', 'refresh', 'reboot-required', 'security', 'skip-broken', 'skipconflicts', 'skipdigest', 'skipobsoletes', 'skipsignature', 'source', 'testonly', 'verbose', 'version', 'delete', 'download-metadata', 'gpgcheck', 'newest-only', 'norepopath', 'urls', 'available', 'extras', 'userinstalled', 'upgrades', 'changelogs', 'conflicts', 'depends', 'duplicates', 'enhances', 'installed', 'list', 'obsoletes', 'provides', 'recommends', 'requires', 'requires-pre', 'suggests', 'supplements', 'all', 'info', 'summary', 'recent', 'updates', 'downgrades', 'reverse'].map((n): [string, boolean] => [n, false]),
  ...['config', 'debuglevel', 'disableplugin', 'disablerepo', 'downloaddir', 'enableplugin', 'enablerepo', 'exclude', 'installroot', 'releasever', 'repo', 'repofromdir', 'repofrompath', 'repoid', 'rpmverbosity', 'rpmdefine', 'sec-severity', 'setopt', 'arch', 'download-path', 'metadata-path', 'file', 'whatdepends', 'whatprovides', 'whatobsoletes', 'whatconflicts', 'whatrequires', 'whatrecommends', 'whatsuggests', 'whatsupplements', 'whatenhances', 'to', 'from'].map((n): [string, boolean] => [n, true]),
]);

const SHORT_TO_LONG: Readonly<Record<string, string>> = {
  '4': '4', '6': '6', b: 'best', C: 'cacheonly', c: 'config', d: 'debuglevel', h: 'help', i: 'installroot', q: 'quiet', v: 'verbose', y: 'assumeyes',
};

export interface CmdArgs {
  /** The command and its operands. */
  cmds: string[];
  /** Options given, by long name, with every value (flags get '1'). */
  opts: Map<string, string[]>;
  /** argv[1..] permuted as getopt leaves it (options first). */
  reordered: string[];
  json: boolean;
  quiet: boolean;
  assumeYes: boolean;
  assumeNo: boolean;
  verbose: boolean;
}

export interface ParseFailure {
  /** Printed on stdout first ("No such option: ..."), if any. */
  stdout?: string;
  stderr?: string;
  error: TdnfError;
}

function resolveLong(name: string): string | 'ambiguous' | undefined {
  if (LONG.has(name)) return name;
  const hits = [...LONG.keys()].filter((k) => k.startsWith(name));
  return hits.length === 1 ? hits[0] : hits.length > 1 ? 'ambiguous' : undefined;
}

/** Parses argv (without argv[0]); `tdnfj` (argv[0] ending so) means --json --assumeyes. */
export function parseArgs(argv0: string, args: readonly string[]): CmdArgs | ParseFailure {
  const opts = new Map<string, string[]>();
  const optionWords: string[] = [];
  const operands: string[] = [];
  const set = (name: string, value: string): void => {
    opts.set(name, [...(opts.get(name) ?? []), value]);
  };
  const noSuch = (word: string): ParseFailure => ({ stdout: `No such option: ${word}. Please use /usr/bin/tdnf --help\n`, error: new TdnfError(E.CLI_OPTION_NAME_INVALID) });
  const needsArg = (word: string): ParseFailure => ({ stderr: `Option ${word} requires an argument\n`, error: new TdnfError(E.CLI_OPTION_ARG_REQUIRED) });
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!w.startsWith('-') || w === '-') {
      operands.push(w);
      continue;
    }
    optionWords.push(w);
    const dashes = w.startsWith('--') ? 2 : 1;
    const body = w.slice(dashes);
    // "-f" with f a short option is the short option, never an abbreviated long one
    const shortFirst = dashes === 1 && body.length === 1 && SHORT.includes(body) && body !== ':';
    if (!shortFirst) {
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const long = resolveLong(name);
      if (long === 'ambiguous' && dashes === 2) return noSuch(w);
      if (long && long !== 'ambiguous') {
        const takesArg = LONG.get(long)!;
        if (takesArg) {
          let value: string | undefined = eq >= 0 ? body.slice(eq + 1) : undefined;
          if (value === undefined) {
            if (i + 1 >= args.length) return needsArg(w);
            value = args[++i]!;
            optionWords.push(value);
          }
          set(long, value);
        } else {
          if (eq >= 0) return noSuch(w);
          set(long, '1');
        }
        continue;
      }
      if (dashes === 2) return noSuch(w);
    }
    // a cluster of short options
    for (let k = 0; k < body.length; k++) {
      const c = body[k]!;
      const at = SHORT.indexOf(c);
      if (at < 0 || c === ':') return noSuch(w);
      const long = SHORT_TO_LONG[c] ?? c;
      if (SHORT[at + 1] === ':') {
        let value = body.slice(k + 1);
        if (value === '') {
          if (i + 1 >= args.length) return needsArg(w);
          value = args[++i]!;
          optionWords.push(value);
        }
        set(long, value);
        break;
      }
      set(long, '1');
    }
  }
  const tdnfj = argv0.endsWith('tdnfj');
  return {
    cmds: operands,
    opts,
    reordered: [...optionWords, ...operands],
    json: tdnfj || opts.has('json'),
    quiet: opts.has('quiet'),
    assumeYes: tdnfj || opts.has('assumeyes'),
    assumeNo: opts.has('assumeno'),
    verbose: opts.has('verbose'),
  };
}

export function isFailure(r: CmdArgs | ParseFailure): r is ParseFailure {
  return 'error' in r;
}

/** Every value of a repeatable option, split on commas (--enablerepo=a,b). */
export function listOpt(args: CmdArgs, name: string): string[] {
  return (args.opts.get(name) ?? []).flatMap((v) => v.split(',')).filter((v) => v !== '');
}
