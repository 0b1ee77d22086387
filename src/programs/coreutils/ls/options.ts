// ls's command line (coreutils 9.1 decode_switches): the option table, and turning the
// parsed options plus the environment (COLUMNS, TABSIZE, TIME_STYLE, QUOTING_STYLE,
// LS_BLOCK_SIZE) into one settled configuration.
import { encodeText } from '../../../shared/bytes';
import type { Ctx } from '../../lib/context';
import type { OptionDef, Parsed } from '../../lib/getopt';
import { argmatch, argmatchError, type ArgChoices } from '../../lib/argmatch';
import { QUOTING_STYLES, isUtf8Locale, type QuotingStyle } from '../../lib/quotearg';
import { quote } from '../../lib/quote';
import { humblock, humblockError } from '../../lib/humblock';
import { xstrtolFatalMessage } from '../xstrtol-fatal';
import type { HumanOptions } from '../../lib/human';

export type Format = 'long' | 'one' | 'columns' | 'across' | 'commas';
export type SortKey = 'name' | 'none' | 'time' | 'size' | 'extension' | 'version' | 'width';
export type TimeKey = 'mtime' | 'atime' | 'ctime' | 'btime';
export type Indicator = 'none' | 'slash' | 'file-type' | 'classify';
export type Deref = 'never' | 'always' | 'cmdline' | 'cmdline-dirs';

export interface LsConfig {
  format: Format;
  /** 'default' hides dot files, 'almost' (-A) hides . and .., 'all' (-a) hides nothing. */
  show: 'default' | 'almost' | 'all';
  ignore: string[];
  hide: string[];
  directory: boolean;
  recursive: boolean;
  sort: SortKey;
  time: TimeKey;
  reverse: boolean;
  dirsFirst: boolean;
  indicator: Indicator;
  color: boolean;
  inode: boolean;
  blocks: boolean;
  owner: boolean;
  group: boolean;
  author: boolean;
  /** -Z: a security-context column, always '?' here (no SELinux). */
  context: boolean;
  numeric: boolean;
  /** Sizes in the long format: in units of fileBlockSize bytes, printed as `human` says. */
  human: HumanOptions;
  fileBlockSize: number;
  /** Block counts (-s and the "total" line). */
  blockHuman: HumanOptions;
  blockSize: number;
  deref: Deref;
  lineLength: number;
  tabsize: number;
  /** undefined: print names as they are (not a terminal). */
  quoting: QuotingStyle | undefined;
  hideControl: boolean;
  utf8: boolean;
  /** strftime formats for [old, recent] files. */
  timeFormats: [string, string];
  eol: string;
  /** --dired with the long format: lines indented, name offsets listed at the end. */
  dired: boolean;
  /** --hyperlink: the host name (escaped) that file:// links name; undefined for no links. */
  hyperlink?: string;
}

export const OPTIONS: OptionDef[] = [
  { key: 'a', short: 'a', long: 'all' },
  { key: 'b', short: 'b', long: 'escape' },
  { key: 'c', short: 'c' },
  { key: 'd', short: 'd', long: 'directory' },
  { key: 'D', short: 'D', long: 'dired' },
  { key: 'f', short: 'f' },
  { key: 'full-time', long: 'full-time' },
  { key: 'group-directories-first', long: 'group-directories-first' },
  { key: 'g', short: 'g' },
  { key: 'h', short: 'h', long: 'human-readable' },
  { key: 'i', short: 'i', long: 'inode' },
  { key: 'k', short: 'k', long: 'kibibytes' },
  { key: 'l', short: 'l' },
  { key: 'm', short: 'm' },
  { key: 'n', short: 'n', long: 'numeric-uid-gid' },
  { key: 'G', short: 'G', long: 'no-group' },
  { key: 'o', short: 'o' },
  { key: 'p', short: 'p' },
  { key: 'q', short: 'q', long: 'hide-control-chars' },
  { key: 'r', short: 'r', long: 'reverse' },
  { key: 's', short: 's', long: 'size' },
  { key: 't', short: 't' },
  { key: 'u', short: 'u' },
  { key: 'U', short: 'U' },
  { key: 'v', short: 'v' },
  { key: 'w', short: 'w', long: 'width', arg: 'required' },
  { key: 'x', short: 'x' },
  { key: 'X', short: 'X' },
  { key: 'A', short: 'A', long: 'almost-all' },
  { key: 'B', short: 'B', long: 'ignore-backups' },
  { key: 'C', short: 'C' },
  // (-F takes no argument; only --classify[=WHEN] does)
  { key: 'F', short: 'F' },
  { key: 'F', long: 'classify', arg: 'optional' },
  { key: 'file-type', long: 'file-type' },
  { key: 'si', long: 'si' },
  { key: 'H', short: 'H', long: 'dereference-command-line' },
  { key: 'deref-dirs', long: 'dereference-command-line-symlink-to-dir' },
  { key: 'hide', long: 'hide', arg: 'required' },
  { key: 'I', short: 'I', long: 'ignore', arg: 'required' },
  { key: 'indicator-style', long: 'indicator-style', arg: 'required' },
  { key: 'L', short: 'L', long: 'dereference' },
  { key: 'N', short: 'N', long: 'literal' },
  { key: 'Q', short: 'Q', long: 'quote-name' },
  { key: 'quoting-style', long: 'quoting-style', arg: 'required' },
  { key: 'R', short: 'R', long: 'recursive' },
  { key: 'format', long: 'format', arg: 'required' },
  { key: 'show-control-chars', long: 'show-control-chars' },
  { key: 'sort', long: 'sort', arg: 'required' },
  { key: 'S', short: 'S' },
  { key: 'T', short: 'T', long: 'tabsize', arg: 'required' },
  { key: 'time', long: 'time', arg: 'required' },
  { key: 'time-style', long: 'time-style', arg: 'required' },
  { key: 'zero', long: 'zero' },
  { key: 'color', long: 'color', arg: 'optional' },
  { key: 'hyperlink', long: 'hyperlink', arg: 'optional' },
  { key: 'block-size', long: 'block-size', arg: 'required' },
  { key: 'Z', short: 'Z', long: 'context' },
  { key: 'author', long: 'author' },
  { key: '1', short: '1' },
];

type When = 'always' | 'never' | 'auto';
const WHEN: ArgChoices<When> = [['always', 'always'], ['yes', 'always'], ['force', 'always'], ['never', 'never'], ['no', 'never'], ['none', 'never'], ['auto', 'auto'], ['tty', 'auto'], ['if-tty', 'auto']];
const FORMATS: ArgChoices<Format> = [['verbose', 'long'], ['long', 'long'], ['commas', 'commas'], ['horizontal', 'across'], ['across', 'across'], ['vertical', 'columns'], ['single-column', 'one']];
const SORTS: ArgChoices<SortKey> = [['none', 'none'], ['time', 'time'], ['size', 'size'], ['extension', 'extension'], ['version', 'version'], ['width', 'width']];
const TIMES: ArgChoices<TimeKey> = [['atime', 'atime'], ['access', 'atime'], ['use', 'atime'], ['ctime', 'ctime'], ['status', 'ctime'], ['birth', 'btime'], ['creation', 'btime']];
const INDICATORS: ArgChoices<Indicator> = [['none', 'none'], ['slash', 'slash'], ['file-type', 'file-type'], ['classify', 'classify']];
const QUOTINGS: ArgChoices<QuotingStyle> = QUOTING_STYLES.map((s) => [s, s] as const);
const TIME_STYLES: ArgChoices<[string, string] | 'locale'> = [
  ['full-iso', ['%Y-%m-%d %H:%M:%S.%N %z', '%Y-%m-%d %H:%M:%S.%N %z']],
  ['long-iso', ['%Y-%m-%d %H:%M', '%Y-%m-%d %H:%M']],
  ['iso', ['%Y-%m-%d ', '%m-%d %H:%M']],
  ['locale', 'locale'],
];
const LOCALE_FORMATS: [string, string] = ['%b %e  %Y', '%b %e %H:%M'];

/** Thrown after a usage error has been reported; ls exits with `status`. */
export class LsUsage extends Error {
  constructor(
    message: string,
    readonly status = 2,
  ) {
    super(message);
  }
}

/** Which program parses: dir lists in columns and vdir in long format, both with -b quoting, tty or not. */
export type LsMode = 'ls' | 'dir' | 'vdir';

export async function decode(ctx: Ctx, p: Parsed, mode: LsMode = 'ls'): Promise<LsConfig> {
  const isTty = ctx.sys.isatty(1);
  const tryHelp = (): Promise<void> => ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
  const match = async <T>(option: string, arg: string, choices: ArgChoices<T>): Promise<T> => {
    const r = argmatch(arg, choices);
    if ('value' in r) return r.value;
    await argmatchError(ctx, option, arg, r.error, choices);
    await tryHelp();
    // coreutils' ARGMATCH_DIE is usage (EXIT_FAILURE), not ls's own status 2
    throw new LsUsage(option, 1);
  };
  let format: Format | undefined;
  let sort: SortKey | undefined;
  let quoting: QuotingStyle | undefined;
  let hideControl: boolean | undefined;
  let tabsize: number | undefined;
  let width: number | undefined;
  let timeStyle: string | undefined;
  let kibibytes = false;
  let sizeSet = false;
  let deref: Deref | undefined;
  const c: LsConfig = {
    format: 'one', show: 'default', ignore: [], hide: [], directory: false, recursive: false, sort: 'name', time: 'mtime',
    reverse: false, dirsFirst: false, indicator: 'none', color: false, inode: false, blocks: false, owner: true, group: true,
    author: false, context: false, numeric: false, human: {}, fileBlockSize: 1, blockHuman: {}, blockSize: 1024, deref: 'never',
    lineLength: 80, tabsize: 8, quoting: undefined, hideControl: false, utf8: isUtf8Locale(ctx.env), timeFormats: LOCALE_FORMATS, eol: '\n', dired: false,
  };
  const setHuman = (si: boolean): void => {
    c.human = c.blockHuman = { autoscale: true, si, suffix: true };
    c.blockSize = c.fileBlockSize = 1;
    sizeSet = true;
  };
  for (const { key, value } of p.order) {
    switch (key) {
      case 'a': c.show = 'all'; break;
      case 'b': quoting = 'escape'; break;
      case 'c': c.time = 'ctime'; break;
      case 'd': c.directory = true; break;
      case 'f':
        c.show = 'all';
        sort = 'none';
        if (format === 'long') format = undefined;
        c.color = false;
        c.hyperlink = undefined;
        c.blocks = false;
        break;
      case 'file-type': c.indicator = 'file-type'; break;
      case 'g': format = 'long'; c.owner = false; break;
      case 'h': setHuman(false); break;
      case 'i': c.inode = true; break;
      case 'k': kibibytes = true; break;
      case 'l': format = 'long'; break;
      case 'm': format = 'commas'; break;
      case 'n': c.numeric = true; format = 'long'; break;
      case 'o': format = 'long'; c.group = false; break;
      case 'p': c.indicator = 'slash'; break;
      case 'q': hideControl = true; break;
      case 'r': c.reverse = true; break;
      case 's': c.blocks = true; break;
      case 't': sort = 'time'; break;
      case 'u': c.time = 'atime'; break;
      case 'v': sort = 'version'; break;
      case 'w':
        if (!/^\d+$/.test(value ?? '')) {
          await ctx.error(`invalid line width: ${quote(value ?? '')}`);
          throw new LsUsage('width');
        }
        width = Number(value);
        break;
      case 'x': format = 'across'; break;
      case 'A': c.show = 'almost'; break;
      case 'B': c.ignore.push('*~', '.*~'); break;
      case 'C': format = 'columns'; break;
      case 'F': {
        const when = value === undefined ? 'always' : await match('--classify', value, WHEN);
        if (when === 'always' || (when === 'auto' && isTty)) c.indicator = 'classify';
        break;
      }
      case 'G': c.group = false; break;
      case 'H': deref = 'cmdline'; break;
      case 'deref-dirs': deref = 'cmdline-dirs'; break;
      case 'I': c.ignore.push(value!); break;
      case 'L': deref = 'always'; break;
      case 'N': quoting = 'literal'; break;
      case 'Q': quoting = 'c'; break;
      case 'R': c.recursive = true; break;
      case 'S': sort = 'size'; break;
      case 'T':
        if (!/^\d+$/.test(value ?? '')) {
          await ctx.error(`invalid tab size: ${quote(value ?? '')}`);
          throw new LsUsage('tabsize');
        }
        tabsize = Number(value);
        break;
      case 'U': sort = 'none'; break;
      case 'X': sort = 'extension'; break;
      case '1': if (format !== 'long') format = 'one'; break;
      case 'author': c.author = true; break;
      case 'hide': c.hide.push(value!); break;
      case 'sort': sort = await match('--sort', value!, SORTS); break;
      case 'group-directories-first': c.dirsFirst = true; break;
      case 'time': c.time = await match('--time', value!, TIMES); break;
      case 'format': format = await match('--format', value!, FORMATS); break;
      case 'full-time': format = 'long'; timeStyle = 'full-iso'; break;
      case 'color': {
        const when = value === undefined ? 'always' : await match('--color', value, WHEN);
        c.color = when === 'always' || (when === 'auto' && isTty);
        break;
      }
      case 'hyperlink': {
        const when = value === undefined ? 'always' : await match('--hyperlink', value, WHEN);
        c.hyperlink = when === 'always' || (when === 'auto' && isTty) ? fileEscape(ctx.sys.uname().nodename, false) : undefined;
        break;
      }
      case 'indicator-style': c.indicator = await match('--indicator-style', value!, INDICATORS); break;
      case 'quoting-style': quoting = await match('--quoting-style', value!, QUOTINGS); break;
      case 'time-style': timeStyle = value; break;
      case 'show-control-chars': hideControl = false; break;
      case 'block-size': {
        const b = humblock(value!, ctx.env);
        if (b === 'invalid') {
          await ctx.error(xstrtolFatalMessage(humblockError(value!), '--block-size', value!));
          throw new LsUsage('block-size');
        }
        c.human = c.blockHuman = b.human;
        c.blockSize = c.fileBlockSize = b.size;
        sizeSet = true;
        break;
      }
      case 'si': setHuman(true); break;
      case 'Z': c.context = true; break;
      case 'D': c.dired = true; break;
      case 'zero':
        c.eol = '\0';
        hideControl = false;
        if (format !== 'long') format = 'one';
        c.color = false;
        quoting = 'literal';
        break;
    }
  }
  if (!sizeSet) {
    // LS_BLOCK_SIZE, else BLOCK_SIZE, else BLOCKSIZE (human_options); an unusable value
    // leaves the default unit. Sizes follow only LS_BLOCK_SIZE or BLOCK_SIZE.
    const lsEnv = ctx.env.get('LS_BLOCK_SIZE');
    const b = humblock(lsEnv, ctx.env);
    const unit = b === 'invalid' ? { size: ctx.env.has('POSIXLY_CORRECT') ? 512 : 1024, human: {} } : b;
    c.blockHuman = unit.human;
    c.blockSize = unit.size;
    if (lsEnv !== undefined || ctx.env.has('BLOCK_SIZE')) {
      c.human = unit.human;
      c.fileBlockSize = unit.size;
    }
    if (kibibytes) {
      c.blockHuman = {};
      c.blockSize = 1024;
    }
  }
  c.format = format ?? (mode === 'dir' ? 'columns' : mode === 'vdir' ? 'long' : isTty ? 'columns' : 'one');
  // --dired means something only for the long format
  c.dired = c.dired && c.format === 'long' && c.hyperlink === undefined;
  if (c.dired && c.eol === '\0') {
    await ctx.error('--dired and --zero are incompatible');
    throw new LsUsage('dired');
  }
  // the line width: -w, then the terminal, then COLUMNS (looked up only when it matters)
  let lineLength = width;
  if (c.format === 'columns' || c.format === 'across' || c.format === 'commas' || c.color) {
    if (lineLength === undefined && isTty) {
      try {
        const cols = ctx.sys.winsize(1).cols;
        if (cols > 0) lineLength = cols;
      } catch {
        // not a terminal after all
      }
    }
    if (lineLength === undefined) {
      const env = ctx.env.get('COLUMNS');
      if (env) {
        if (/^\d+$/.test(env)) lineLength = Number(env);
        else await ctx.error(`ignoring invalid width in environment variable COLUMNS: ${quote(env)}`);
      }
    }
  }
  c.lineLength = lineLength ?? 80;
  if (c.format === 'columns' || c.format === 'across' || c.format === 'commas') {
    if (tabsize !== undefined) c.tabsize = tabsize;
    else {
      const env = ctx.env.get('TABSIZE');
      if (env !== undefined) {
        if (/^\d+$/.test(env)) c.tabsize = Number(env);
        else await ctx.error(`ignoring invalid tab size in environment variable TABSIZE: ${quote(env)}`);
      }
    }
  }
  c.hideControl = hideControl ?? (mode === 'ls' && isTty);
  if (quoting === undefined) {
    const env = ctx.env.get('QUOTING_STYLE');
    if (env !== undefined) {
      const r = argmatch(env, QUOTINGS);
      if ('value' in r) quoting = r.value;
      else await ctx.error(`ignoring invalid value of environment variable QUOTING_STYLE: ${quote(env)}`);
    }
  }
  c.quoting = quoting ?? (mode !== 'ls' ? 'escape' : isTty ? 'shell-escape' : undefined);
  c.sort = sort ?? (c.format !== 'long' && c.time !== 'mtime' ? 'time' : 'name');
  c.deref = deref ?? (c.directory || c.indicator === 'classify' || c.format === 'long' ? 'never' : 'cmdline-dirs');
  if (c.format === 'long') {
    let style = timeStyle ?? ctx.env.get('TIME_STYLE') ?? 'locale';
    // posix-STYLE means STYLE only outside the C locale
    if (style.startsWith('posix-')) style = 'locale';
    if (style.startsWith('+')) {
      const body = style.slice(1);
      const nl = body.indexOf('\n');
      if (nl >= 0 && body.indexOf('\n', nl + 1) >= 0) {
        await ctx.error(`invalid time style format ${quote(body)}`);
        throw new LsUsage('time style');
      }
      c.timeFormats = nl < 0 ? [body, body] : [body.slice(0, nl), body.slice(nl + 1)];
    } else {
      const r = argmatch(style, TIME_STYLES);
      if (!('value' in r)) {
        await ctx.error(`${r.error} argument ${quote(style)} for 'time style'`);
        await ctx.err.write(`Valid arguments are:\n${TIME_STYLES.map(([w]) => `  - [posix-]${w}\n`).join('')}  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\n`);
        await tryHelp();
        throw new LsUsage('time style');
      }
      c.timeFormats = r.value === 'locale' ? LOCALE_FORMATS : r.value;
    }
  }
  return c;
}

/** file_escape: %XX for every byte outside RFC 3986's unreserved set (and '/' in a path). */
export function fileEscape(text: string, path: boolean): string {
  let out = '';
  for (const b of encodeText(text)) {
    const ch = String.fromCharCode(b);
    out += /[A-Za-z0-9~._-]/.test(ch) || (path && ch === '/') ? ch : `%${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}
