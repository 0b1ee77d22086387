// diff's command line (diff.c main): getopt_long with GNU diff's options, -NUM context
// digits, and the "switch string" echoed in `diff -r` banners.
import { getopt, GetoptError, type OptionDef } from '../../lib/getopt';
import { quotearg } from '../../lib/quotearg';
import { byLongName } from '../getopt-ordered';
import type { WhiteSpace } from './analyze';
import type { Style } from './output';
import { colorWhen, type ColorWhen } from './colors';
import { completeFormats, formatsSilentWhenSame, ifdefGroupFormats, type Formats } from './formats';

export const DIFF_OPTIONS: OptionDef[] = [
  ...'0123456789'.split('').map((d) => ({ key: `#${d}`, short: d })),
  { key: 'a', short: 'a', long: 'text' },
  { key: 'b', short: 'b', long: 'ignore-space-change' },
  { key: 'B', short: 'B', long: 'ignore-blank-lines' },
  { key: 'c', short: 'c' },
  { key: 'C', short: 'C', long: 'context', arg: 'optional' },
  { key: 'Creq', short: 'C', arg: 'required' },
  { key: 'd', short: 'd', long: 'minimal' },
  { key: 'D', short: 'D', long: 'ifdef', arg: 'required' },
  { key: 'e', short: 'e', long: 'ed' },
  { key: 'E', short: 'E', long: 'ignore-tab-expansion' },
  { key: 'f', short: 'f', long: 'forward-ed' },
  { key: 'F', short: 'F', long: 'show-function-line', arg: 'required' },
  { key: 'h', short: 'h' },
  { key: 'H', short: 'H', long: 'speed-large-files' },
  { key: 'i', short: 'i', long: 'ignore-case' },
  { key: 'I', short: 'I', long: 'ignore-matching-lines', arg: 'required' },
  { key: 'l', short: 'l', long: 'paginate' },
  { key: 'L', short: 'L', long: 'label', arg: 'required' },
  { key: 'n', short: 'n', long: 'rcs' },
  { key: 'N', short: 'N', long: 'new-file' },
  { key: 'p', short: 'p', long: 'show-c-function' },
  { key: 'P', short: 'P', long: 'unidirectional-new-file' },
  { key: 'q', short: 'q', long: 'brief' },
  { key: 'r', short: 'r', long: 'recursive' },
  { key: 's', short: 's', long: 'report-identical-files' },
  { key: 'S', short: 'S', long: 'starting-file', arg: 'required' },
  { key: 't', short: 't', long: 'expand-tabs' },
  { key: 'T', short: 'T', long: 'initial-tab' },
  { key: 'u', short: 'u' },
  { key: 'U', short: 'U', long: 'unified', arg: 'optional' },
  { key: 'Ureq', short: 'U', arg: 'required' },
  { key: 'v', short: 'v', long: 'version' },
  { key: 'w', short: 'w', long: 'ignore-all-space' },
  { key: 'W', short: 'W', long: 'width', arg: 'required' },
  { key: 'x', short: 'x', long: 'exclude', arg: 'required' },
  { key: 'X', short: 'X', long: 'exclude-from', arg: 'required' },
  { key: 'y', short: 'y', long: 'side-by-side' },
  { key: 'Z', short: 'Z', long: 'ignore-trailing-space' },
  { key: 'normal', long: 'normal' },
  { key: 'help', long: 'help' },
  { key: 'horizon', long: 'horizon-lines', arg: 'required' },
  { key: 'left-column', long: 'left-column' },
  { key: 'suppress-common-lines', long: 'suppress-common-lines' },
  { key: 'suppress-blank-empty', long: 'suppress-blank-empty' },
  { key: 'strip-trailing-cr', long: 'strip-trailing-cr' },
  { key: 'tabsize', long: 'tabsize', arg: 'required' },
  { key: 'from-file', long: 'from-file', arg: 'required' },
  { key: 'to-file', long: 'to-file', arg: 'required' },
  { key: 'no-dereference', long: 'no-dereference' },
  { key: 'ignore-file-name-case', long: 'ignore-file-name-case' },
  { key: 'no-ignore-file-name-case', long: 'no-ignore-file-name-case' },
  { key: 'color', long: 'color', arg: 'optional' },
  { key: 'palette', long: 'palette', arg: 'required' },
  { key: 'binary', long: 'binary' },
  { key: 'speed-large-files', long: 'speed-large-files' },
  { key: 'line-format', long: 'line-format', arg: 'required' },
  { key: 'lf0', long: 'unchanged-line-format', arg: 'required' },
  { key: 'lf1', long: 'old-line-format', arg: 'required' },
  { key: 'lf2', long: 'new-line-format', arg: 'required' },
  { key: 'gf0', long: 'unchanged-group-format', arg: 'required' },
  { key: 'gf1', long: 'old-group-format', arg: 'required' },
  { key: 'gf2', long: 'new-group-format', arg: 'required' },
  { key: 'gf3', long: 'changed-group-format', arg: 'required' },
  { key: 'sdiff-merge-assist', long: 'sdiff-merge-assist' },
];

const LINE_FORMAT_OPTIONS = ['--unchanged-line-format', '--old-line-format', '--new-line-format'];
const GROUP_FORMAT_OPTIONS = ['--unchanged-group-format', '--old-group-format', '--new-group-format', '--changed-group-format'];

export interface DiffConfig {
  style: Style | 'side' | 'ed' | 'forward-ed' | 'rcs' | 'ifdef';
  context: number;
  brief: boolean;
  reportIdentical: boolean;
  recursive: boolean;
  newFile: boolean;
  unidirectionalNewFile: boolean;
  text: boolean;
  ignoreCase: boolean;
  whiteSpace: WhiteSpace;
  ignoreBlankLines: boolean;
  ignoreRegex: string[];
  functionRegex: string[];
  minimal: boolean;
  speedLargeFiles: boolean;
  horizon: number;
  labels: [string | undefined, string | undefined];
  expandTabs: boolean;
  initialTab: boolean;
  tabsize: number;
  width: number;
  leftColumn: boolean;
  suppressCommonLines: boolean;
  suppressBlankEmpty: boolean;
  stripTrailingCr: boolean;
  excludes: string[];
  excludeFiles: string[];
  startingFile: string | undefined;
  /** Line and group formats (ifdef style: -D and the --*-format options). */
  formats: Formats | undefined;
  /** Whether two inputs that do not differ print nothing (GNU no_diff_means_no_output). */
  silentWhenSame: boolean;
  /** --sdiff-merge-assist: side by side, each run of lines headed by i or c and two counts. */
  mergeAssist: boolean;
  fromFile: string | undefined;
  toFile: string | undefined;
  noDereference: boolean;
  switchString: string;
  help: boolean;
  version: boolean;
  color: ColorWhen;
  palette: string | undefined;
}

export class DiffUsage extends Error {}

/** Which words of argv getopt took as options (for the switch string). */
function optionWords(args: string[]): string[] {
  const takesArg = new Set(DIFF_OPTIONS.filter((d) => d.arg === 'required' && d.short).map((d) => d.short!));
  const longReq = DIFF_OPTIONS.filter((d) => d.arg === 'required' && d.long).map((d) => d.long!);
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      words.push(a);
      break;
    }
    if (a.startsWith('--')) {
      words.push(a);
      const name = a.slice(2).split('=')[0]!;
      const match = longReq.filter((l) => l.startsWith(name));
      if (!a.includes('=') && match.length && (match.includes(name) || match.length === 1) && i + 1 < args.length) words.push(args[++i]!);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      words.push(a);
      for (let j = 1; j < a.length; j++) {
        if (takesArg.has(a[j]!)) {
          if (j === a.length - 1 && i + 1 < args.length) words.push(args[++i]!);
          break;
        }
      }
    }
  }
  return words;
}

const WS_ORDER: WhiteSpace[] = ['none', 'tab', 'trailing', 'tab-trailing', 'change', 'all'];

export function parseDiffArgs(args: string[]): { cfg: DiffConfig; operands: string[] } {
  // -C and -U take a required argument as short options, an optional one as long options
  const defs = DIFF_OPTIONS.filter((d) => !(d.key === 'C' || d.key === 'U')).concat([
    { key: 'C', long: 'context', arg: 'optional' },
    { key: 'U', long: 'unified', arg: 'optional' },
  ]);
  let parsed;
  try {
    // sorted by long name as diff.c's table is, so "ambiguous" lists them in its order
    parsed = getopt(args, byLongName(defs));
  } catch (e) {
    if (e instanceof GetoptError) throw new DiffUsage(e.message);
    throw e;
  }
  const cfg: DiffConfig = {
    style: 'normal', context: 0, brief: false, reportIdentical: false, recursive: false, newFile: false,
    unidirectionalNewFile: false, text: false, ignoreCase: false, whiteSpace: 'none', ignoreBlankLines: false,
    ignoreRegex: [], functionRegex: [], minimal: false, speedLargeFiles: false, horizon: 0, labels: [undefined, undefined],
    expandTabs: false, initialTab: false, tabsize: 0, width: 0, leftColumn: false, suppressCommonLines: false,
    suppressBlankEmpty: false, stripTrailingCr: false, excludes: [], excludeFiles: [], startingFile: undefined, formats: undefined, silentWhenSame: true, mergeAssist: false,
    fromFile: undefined, toFile: undefined, noDereference: false, switchString: '', help: false, version: false,
    color: 'never', palette: undefined,
  };
  let styleSet: DiffConfig['style'] | undefined;
  const specify = (s: DiffConfig['style']): void => {
    if (styleSet !== undefined && styleSet !== s) throw new DiffUsage('conflicting output style options');
    styleSet = s;
  };
  const lineFormats: (string | undefined)[] = [];
  const groupFormats: (string | undefined)[] = [];
  const specifyValue = (slot: (string | undefined)[], i: number, value: string, option: string): void => {
    if (slot[i] !== undefined && slot[i] !== value) throw new DiffUsage(`conflicting ${option} option value '${value}'`);
    slot[i] = value;
  };
  let ocontext = -1;
  let prevDigit = false;
  let explicit = false;
  const ws = (level: WhiteSpace, or = false): void => {
    const cur = WS_ORDER.indexOf(cfg.whiteSpace);
    if (!or) {
      if (cur < WS_ORDER.indexOf(level)) cfg.whiteSpace = level;
      return;
    }
    if (cur >= WS_ORDER.indexOf('change')) return;
    const bits = (cfg.whiteSpace === 'tab' || cfg.whiteSpace === 'tab-trailing' ? 1 : 0) | (cfg.whiteSpace === 'trailing' || cfg.whiteSpace === 'tab-trailing' ? 2 : 0) | (level === 'tab' ? 1 : 2);
    cfg.whiteSpace = bits === 3 ? 'tab-trailing' : bits === 1 ? 'tab' : 'trailing';
  };
  for (const { key, value } of parsed.order) {
    const digit = key.startsWith('#');
    if (digit) {
      const d = Number(key.slice(1));
      ocontext = !prevDigit ? d : Math.min(ocontext * 10 + d, 2 ** 31 - 1);
    }
    prevDigit = digit;
    switch (key) {
      case 'a': cfg.text = true; break;
      case 'b': ws('change'); break;
      case 'Z': ws('trailing', true); break;
      case 'E': ws('tab', true); break;
      case 'w': cfg.whiteSpace = 'all'; break;
      case 'B': cfg.ignoreBlankLines = true; break;
      case 'c': specify('context'); cfg.context = Math.max(cfg.context, 3); break;
      case 'u': specify('unified'); cfg.context = Math.max(cfg.context, 3); break;
      case 'C': case 'U': case 'Creq': case 'Ureq': {
        let n = 3;
        if (value !== undefined) {
          if (!/^[ \t]*[+-]?\d+$/.test(value) || Number(value) < 0) throw new DiffUsage(`invalid context length '${value}'`);
          n = Number(value);
        }
        specify(key[0] === 'U' ? 'unified' : 'context');
        cfg.context = Math.max(cfg.context, n);
        explicit = true;
        break;
      }
      case 'd': cfg.minimal = true; break;
      case 'e': specify('ed'); break;
      case 'n': specify('rcs'); break;
      case 'f': specify('forward-ed'); break;
      case 'D':
        specify('ifdef');
        ifdefGroupFormats(value!).forEach((g, i) => specifyValue(groupFormats, i, g, '-D'));
        break;
      case 'line-format':
        specify('ifdef');
        for (let i = 0; i < 3; i++) specifyValue(lineFormats, i, value!, '--line-format');
        break;
      case 'lf0': case 'lf1': case 'lf2': {
        specify('ifdef');
        const i = Number(key[2]);
        specifyValue(lineFormats, i, value!, LINE_FORMAT_OPTIONS[i]!);
        break;
      }
      case 'gf0': case 'gf1': case 'gf2': case 'gf3': {
        specify('ifdef');
        const i = Number(key[2]);
        specifyValue(groupFormats, i, value!, GROUP_FORMAT_OPTIONS[i]!);
        break;
      }
      case 'sdiff-merge-assist': specify('side'); cfg.mergeAssist = true; break;
      case 'y': specify('side'); break;
      case 'normal': specify('normal'); break;
      case 'H': case 'speed-large-files': cfg.speedLargeFiles = true; break;
      case 'i': cfg.ignoreCase = true; break;
      case 'I': cfg.ignoreRegex.push(value!); break;
      case 'F': cfg.functionRegex.push(value!); break;
      case 'p': cfg.functionRegex.push('^[[:alpha:]$_]'); break;
      case 'L':
        if (cfg.labels[0] === undefined) cfg.labels[0] = value;
        else if (cfg.labels[1] === undefined) cfg.labels[1] = value;
        else throw new DiffUsage('too many file label options');
        break;
      case 'N': cfg.newFile = true; break;
      case 'P': cfg.unidirectionalNewFile = true; break;
      case 'q': cfg.brief = true; break;
      case 'r': cfg.recursive = true; break;
      case 's': cfg.reportIdentical = true; break;
      case 'S': cfg.startingFile = value; break;
      case 't': cfg.expandTabs = true; break;
      case 'T': cfg.initialTab = true; break;
      case 'v': cfg.version = true; break;
      case 'color': {
        const when = colorWhen(value);
        if (when === undefined) throw new DiffUsage(`invalid color '${value}'`);
        cfg.color = when;
        break;
      }
      case 'palette': cfg.palette = value; break;
      case 'help': cfg.help = true; break;
      case 'W': {
        if (!/^\d+$/.test(value!) || Number(value) <= 0) throw new DiffUsage(`invalid width '${value}'`);
        cfg.width = Number(value);
        break;
      }
      case 'tabsize': {
        if (!/^\d+$/.test(value!) || Number(value) <= 0) throw new DiffUsage(`invalid tabsize '${value}'`);
        cfg.tabsize = Number(value);
        break;
      }
      case 'horizon': {
        if (!/^\d+$/.test(value!)) throw new DiffUsage(`invalid horizon length '${value}'`);
        cfg.horizon = Math.max(cfg.horizon, Number(value));
        break;
      }
      case 'x': cfg.excludes.push(value!); break;
      case 'X': cfg.excludeFiles.push(value!); break;
      case 'left-column': cfg.leftColumn = true; break;
      case 'suppress-common-lines': cfg.suppressCommonLines = true; break;
      case 'suppress-blank-empty': cfg.suppressBlankEmpty = true; break;
      case 'strip-trailing-cr': cfg.stripTrailingCr = true; break;
      case 'from-file': cfg.fromFile = value; break;
      case 'to-file': cfg.toFile = value; break;
      case 'no-dereference': cfg.noDereference = true; break;
    }
  }
  if (styleSet === undefined) styleSet = parsed.flags.has('p') ? 'context' : 'normal';
  if (styleSet === 'context' && parsed.flags.has('p') && ocontext < 0 && cfg.context < 3) cfg.context = 3;
  cfg.style = styleSet;
  if (ocontext >= 0 && (cfg.style === 'context' || cfg.style === 'unified') && (cfg.context < ocontext || (ocontext < cfg.context && !explicit))) cfg.context = ocontext;
  if (cfg.style === 'ifdef') cfg.formats = completeFormats(lineFormats, groupFormats);
  cfg.silentWhenSame = cfg.formats ? formatsSilentWhenSame(cfg.formats) : cfg.style !== 'side' || cfg.suppressCommonLines;
  if (!cfg.tabsize) cfg.tabsize = 8;
  if (!cfg.width) cfg.width = 130;
  if (cfg.horizon < cfg.context) cfg.horizon = cfg.context;
  const optWords = optionWords(args);
  cfg.switchString = optWords.map((w) => ` ${quotearg(w, { style: 'shell' })}`).join('');
  return { cfg, operands: parsed.operands };
}
