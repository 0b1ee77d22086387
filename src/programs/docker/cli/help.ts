// Usage and help text with the layout of docker/cli v27.3.1: the usage and
// help templates of cli/cobra.go, cobra's padding rules, and pflag's
// FlagUsagesWrapped column layout (spf13/pflag v1.0.5 flag.go).

import { goQuote } from '../../../shared/docker-units';
import { type CliEnv, daemonOf, type DaemonInfo, environOf, flagDefault, hiddenByDaemon } from './cli-env';
import { type CommandNode, commandFlags, commandPath, hasSubCommands, namePadding } from './commands';
import type { CommandSpec, FlagSpec } from './commands-spec';

// ---------------------------------------------------------------------------
// pflag FlagUsagesWrapped

function isZeroDefault(spec: FlagSpec, def: string): boolean {
  switch (spec.kind) {
    case 'bool':
      return def === 'false';
    case 'duration':
      return def === '0' || def === '0s';
    case 'int':
    case 'int64':
    case 'uint16':
    case 'uint64':
      return def === '0';
    case 'string':
      return def === '';
    case 'stringSlice':
    case 'stringArray':
      return def === '[]';
    default:
      // custom Values: pflag compares Value.String() with these
      return def === 'false' || def === '<nil>' || def === '' || def === '0';
  }
}

/** The type word pflag prints after the flag name (UnquoteUsage). */
export function flagTypeName(spec: FlagSpec): string {
  switch (spec.kind) {
    case 'bool':
      return '';
    case 'quotedString':
      return 'string';
    case 'int64':
      return 'int';
    case 'uint64':
      return 'uint';
    case 'stringSlice':
      return 'strings';
    case 'swapBytes':
      return 'bytes';
    case 'throttleBps':
    case 'throttleIops':
    case 'weightDevice':
      return 'list';
    case 'gpus':
      return 'gpu-request';
    default:
      return spec.kind;
  }
}

function valueTypeIsString(spec: FlagSpec): boolean {
  return spec.kind === 'string' || spec.kind === 'quotedString';
}

/** pflag's wrapN: split off at most i characters on a word boundary, allowing `slop` more. */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag's wrap: indent continuation lines by i, wrap to width w (0: no wrapping). */
function wrap(iIn: number, w: number, sIn: string): string {
  let i = iIn;
  let s = sIn;
  if (w === 0) return s.split('\n').join('\n' + ' '.repeat(i));
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += '\n' + ' '.repeat(i);
  }
  if (width < 24) return s.split('\n').join(r);
  const slop = 5;
  width -= slop;
  let l: string;
  [l, s] = wrapN(width, slop, s);
  r += l.split('\n').join('\n' + ' '.repeat(i));
  for (let guard = 0; s !== '' && guard < 10000; guard++) {
    let t: string;
    [t, s] = wrapN(width, slop, s);
    r += '\n' + ' '.repeat(i) + t.split('\n').join('\n' + ' '.repeat(i));
  }
  return r;
}

/** pflag FlagSet.FlagUsagesWrapped(cols) for these flags (sorted by name). */
export function flagUsages(
  flags: readonly FlagSpec[],
  cols: number,
  environ: ReadonlyMap<string, string>,
  isHidden: (f: FlagSpec) => boolean = (f) => f.hidden === true,
): string {
  const sorted = [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines: string[] = [];
  let maxlen = 0;
  for (const f of sorted) {
    if (isHidden(f)) continue;
    let line =
      f.short !== undefined && f.shorthandDeprecated === undefined ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const varname = flagTypeName(f);
    if (varname !== '') line += ' ' + varname;
    line += '\x00';
    if (line.length > maxlen) maxlen = line.length;
    line += f.description;
    const def = flagDefault(f, environ);
    if (!isZeroDefault(f, def)) line += valueTypeIsString(f) ? ` (default ${goQuote(def)})` : ` (default ${def})`;
    lines.push(line);
  }
  let out = '';
  for (const line of lines) {
    const sidx = line.indexOf('\x00');
    const spacing = ' '.repeat(maxlen - sidx);
    out += `${line.slice(0, sidx)} ${spacing} ${wrap(maxlen + 2, cols, line.slice(sidx + 1))}\n`;
  }
  return out;
}

// ---------------------------------------------------------------------------
// The usage template

export interface HelpOptions extends CliEnv {
  /** Apply hideUnsupportedFeatures (docker's help function does; some error paths do not). */
  readonly hideUnsupported?: boolean;
  /** The text goes to a terminal: the closing "For more help" line is printed in bold. */
  readonly terminal?: boolean;
}

interface Listed {
  readonly name: string;
  readonly short: string;
  readonly padding: number;
  readonly plugin: boolean;
  readonly node?: CommandNode;
}

function isAvailable(node: CommandNode, hide: boolean, daemon: DaemonInfo): boolean {
  const spec: CommandSpec = node.spec;
  if (spec.hidden === true) return false;
  if (hide && hiddenByDaemon(spec.annotations, daemon)) return false;
  return true;
}

function rpad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** cobra Commands(): children sorted by name. */
function sortedChildren(node: CommandNode): CommandNode[] {
  return [...node.children].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Natural-order comparison of category numbers (fvbommel/sortorder NaturalLess). */
function naturalLess(a: string, b: string): boolean {
  const na = Number(a);
  const nb = Number(b);
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na < nb;
  return a < b;
}

/** docker's isExperimental: the command or one of its parents is annotated "experimentalCLI". */
function isExperimentalCli(node: CommandNode): boolean {
  for (let n: CommandNode | null = node; n !== null; n = n.parent) {
    if (n.spec.annotations?.experimentalCLI === true) return true;
  }
  return false;
}

/** cobra UseLine with DisableFlagsInUseLine: parent path + Use. */
export function useLine(node: CommandNode): string {
  return node.parent === null ? node.spec.use : `${commandPath(node.parent)} ${node.spec.use}`;
}

/** The text cobra's UsageString returns for a command (ends with a newline). */
export function usageString(node: CommandNode, opts: HelpOptions = {}): string {
  const environ = environOf(opts);
  const daemon = daemonOf(opts);
  const hide = opts.hideUnsupported !== false;
  const width = opts.width ?? 80;
  const spec = node.spec;
  const isRoot = node.parent === null;
  const flags = commandFlags(node);
  const flagHidden = (f: FlagSpec): boolean => f.hidden === true || (hide && hiddenByDaemon(f.annotations, daemon));
  const hasAvailableFlags = flags.some((f) => !flagHidden(f));
  const subs = hasSubCommands(node);

  let out = 'Usage:';
  if (!subs) out += `  ${useLine(node)}`;
  else out += `  ${commandPath(node)}${hasAvailableFlags ? ' [OPTIONS]' : ''} COMMAND`;
  out += '\n\n' + (spec.long !== undefined && spec.long !== '' ? spec.long.trim() : spec.short.trim());

  if (isExperimentalCli(node)) {
    out +=
      '\n\nEXPERIMENTAL:\n' +
      `  ${commandPath(node)} is an experimental feature.\n` +
      '  Experimental features provide early access to product functionality. These\n' +
      '  features may change between releases without warning, or can be removed from a\n' +
      '  future release. Learn more about experimental features in our documentation:\n' +
      '  https://docs.docker.com/go/experimental/';
  }
  if ((spec.aliases?.length ?? 0) > 0 || (spec.aliasesText ?? '') !== '') {
    out += '\n\nAliases:\n  ' + aliasesLine(node);
  }
  if (spec.example !== undefined && spec.example !== '') out += `\n\nExamples:\n${spec.example}`;
  if (!isRoot && hasAvailableFlags) {
    out += '\n\nOptions:\n' + flagUsages(flags, width - 1, environ, flagHidden).trimEnd();
  }

  const children = sortedChildren(node);
  const plugins: Listed[] = isRoot
    ? (opts.plugins ?? []).map((p) => ({ name: p.name, short: p.short, padding: 11, plugin: true }))
    : [];
  const avail = children.filter((c) => isAvailable(c, hide, daemon));
  const asListed = (c: CommandNode): Listed => ({ name: c.name, short: c.spec.short, padding: namePadding(c), plugin: false, node: c });
  const top = isRoot
    ? avail
        .filter((c) => c.spec.categoryTop !== undefined)
        .map((c, i) => ({ c, i }))
        .sort((a, b) =>
          naturalLess(a.c.spec.categoryTop ?? '', b.c.spec.categoryTop ?? '')
            ? -1
            : naturalLess(b.c.spec.categoryTop ?? '', a.c.spec.categoryTop ?? '')
              ? 1
              : a.i - b.i,
        )
        .map(({ c }) => asListed(c))
    : [];
  const management = [...avail.filter((c) => hasSubCommands(c)).map(asListed), ...plugins].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const mgmt = management.filter((l) => l.plugin || l.node?.spec.annotations?.swarm === undefined);
  const swarm = management.filter((l) => !l.plugin && l.node?.spec.annotations?.swarm !== undefined);
  const operations = avail
    .filter((c) => !hasSubCommands(c) && !(isRoot && c.spec.categoryTop !== undefined))
    .map(asListed);

  const decorated = (l: Listed): string => `  ${rpad(l.name + (l.plugin ? '*' : ' '), l.padding + 1)}${l.short}`;
  if (top.length > 0) out += '\n\nCommon Commands:' + top.map((l) => '\n' + decorated(l)).join('');
  if (mgmt.length > 0) out += '\n\nManagement Commands:' + mgmt.map((l) => '\n' + decorated(l)).join('');
  if (swarm.length > 0) out += '\n\nSwarm Commands:' + swarm.map((l) => '\n' + decorated(l)).join('');
  if (operations.length > 0) {
    out += '\n\nCommands:' + operations.map((l) => `\n  ${rpad(l.name, l.padding)} ${l.short}`).join('');
  }
  if (isRoot && hasAvailableFlags) {
    out += '\n\nGlobal Options:\n' + flagUsages(flags, width - 1, environ, flagHidden).trimEnd();
  }
  if (subs) out += `\n\nRun '${commandPath(node)} COMMAND --help' for more information on a command.`;
  if (isRoot) {
    const msg = 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/';
    out += '\n\n' + (opts.terminal === true ? `\x1b[1m${msg}\x1b[0m` : msg);
  }
  return out + '\n';
}

/** commandAliases: the "aliases" annotation, or the path plus each alias under the parent. */
export function aliasesLine(node: CommandNode): string {
  const text = node.spec.aliasesText;
  if (text !== undefined && text !== '') return text;
  const parentPath = node.parent === null ? '' : commandPath(node.parent) + ' ';
  return [commandPath(node), ...(node.spec.aliases ?? []).map((a) => parentPath + a)].join(', ');
}

/** What `--help` prints (docker's helpTemplate: a blank line, then the usage). */
export function helpText(node: CommandNode, opts: HelpOptions = {}): string {
  return '\n' + usageString(node, opts);
}
