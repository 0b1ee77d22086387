// systemd-analyze's command line (src/analyze/analyze.c, parse_argv): getopt_long with
// permuted operands; the checks that tie options to verbs.
import type { Ctx } from '../../lib/context';
import { getopt, GetoptError, type OptionDef } from '../../lib/getopt';
import { simplifyPath } from '../../../shared/systemd/lookup-paths';
import { parseTimespan } from '../../../shared/systemd/time-span';
import { resetMktime } from '../../../shared/systemd/mktime';
import { parseTimestamp } from '../../../shared/systemd/timestamp-parse';
import { localZone } from '../../lib/tz';

export interface AnalyzeOptions {
  /** Every option as given, for the manager-backed verbs. */
  raw: Map<string, string[]>;
  quiet: boolean;
  scope: 'system' | 'user' | 'global';
  iterations: number;
  /** --base-time as given (parsed by the calendar verb). */
  baseTime: string | undefined;
  noPager: boolean;
  unit: string | undefined;
  root: string | undefined;
}

const R = 'required' as const;
const O = 'optional' as const;
const DEFS: OptionDef[] = [
  { key: 'help', short: 'h', long: 'help' }, { key: 'version', long: 'version' }, { key: 'quiet', short: 'q', long: 'quiet' },
  { key: 'order', long: 'order' }, { key: 'require', long: 'require' }, { key: 'root', long: 'root', arg: R },
  { key: 'image', long: 'image', arg: R }, { key: 'recursive-errors', long: 'recursive-errors', arg: R },
  { key: 'offline', long: 'offline', arg: R }, { key: 'threshold', long: 'threshold', arg: R },
  { key: 'security-policy', long: 'security-policy', arg: R }, { key: 'system', long: 'system' },
  { key: 'user', long: 'user' }, { key: 'global', long: 'global' }, { key: 'from-pattern', long: 'from-pattern', arg: R },
  { key: 'to-pattern', long: 'to-pattern', arg: R }, { key: 'fuzz', long: 'fuzz', arg: R }, { key: 'no-pager', long: 'no-pager' },
  { key: 'man', long: 'man', arg: O }, { key: 'generators', long: 'generators', arg: O }, { key: 'host', short: 'H', long: 'host', arg: R },
  { key: 'machine', short: 'M', long: 'machine', arg: R }, { key: 'iterations', long: 'iterations', arg: R },
  { key: 'base-time', long: 'base-time', arg: R }, { key: 'unit', short: 'U', long: 'unit', arg: R }, { key: 'json', long: 'json', arg: R },
  { key: 'profile', long: 'profile', arg: R },
];

/** parse_boolean(). */
function parseBool(v: string): boolean | undefined {
  const s = v.toLowerCase();
  if (['1', 'yes', 'y', 'true', 't', 'on'].includes(s)) return true;
  if (['0', 'no', 'n', 'false', 'f', 'off'].includes(s)) return false;
  return undefined;
}

export type AnalyzeParse = { kind: 'run'; opts: AnalyzeOptions; args: string[] } | { kind: 'help' } | { kind: 'version' } | { kind: 'exit'; status: number };

export async function parseAnalyzeArgs(ctx: Ctx, argv: readonly string[]): Promise<AnalyzeParse> {
  const err = async (msg: string): Promise<AnalyzeParse> => {
    await ctx.err.write(`${msg}\n`);
    return { kind: 'exit', status: 1 };
  };
  // getopt_long hands the options over one at a time: those before a bad one take effect
  // (--help, -t help, a bad value...) before the bad one is reported
  let parsed;
  let bad: GetoptError | undefined;
  try {
    parsed = getopt(argv, DEFS);
  } catch (e) {
    if (!(e instanceof GetoptError) || !e.partial) throw e;
    parsed = e.partial;
    bad = e;
  }
  const o: AnalyzeOptions = { raw: new Map(), quiet: false, scope: 'system', iterations: 1, baseTime: undefined, noPager: false, unit: undefined, root: undefined };
  for (const { key, value } of parsed.order) {
    o.raw.set(key, [...(o.raw.get(key) ?? []), value ?? '']);
    switch (key) {
      case 'help':
        return { kind: 'help' };
      case 'version':
        return { kind: 'version' };
      case 'quiet': o.quiet = true; break;
      case 'system':
      case 'user':
      case 'global':
        o.scope = key;
        break;
      case 'iterations':
        if (!/^\s*\+?\d+$/.test(value ?? '') || Number(value) > 4294967295) return err(`Failed to parse iterations: ${value}`);
        o.iterations = Number(value);
        break;
      case 'base-time':
        // parsed as it is given, whatever the verb
        resetMktime();
        if (parseTimestamp(value ?? '', Math.floor(ctx.sys.now() * 1000), await localZone(ctx.sys)) === undefined) return err(`Failed to parse --base-time= parameter: ${value}`);
        o.baseTime = value;
        break;
      case 'no-pager': o.noPager = true; break;
      case 'unit': o.unit = value; break;
      case 'root': {
        // parse_path_argument(): made absolute and simplified; "/" (or nothing) is no root
        const v = value ?? '';
        const cwd = ctx.sys.getcwd();
        const root = v === '' ? '/' : simplifyPath(v.startsWith('/') ? v : `${cwd}/${v}`);
        o.root = root === '/' ? undefined : root;
        break;
      }
      case 'recursive-errors':
        if (value === 'help') {
          await ctx.print('yes\nno\none\n');
          return { kind: 'exit', status: 0 };
        }
        if (!['yes', 'no', 'one'].includes(value ?? '')) return err(`Unknown mode passed to --recursive-errors='${value}'.`);
        break;
      case 'man':
      case 'generators':
      case 'offline':
        if (value !== undefined && parseBool(value) === undefined) return err(`Failed to parse boolean argument to --${key}: ${value}.`);
        break;
      case 'threshold':
        // safe_atou(), at most 100
        if (!/^\s*\+?\d+$/.test(value ?? '') || Number(value) > 100) return err(`Failed to parse threshold: ${value}`);
        break;
      case 'fuzz':
        // parse_sec(): a bad span ends the run without a message
        if (typeof parseTimespan(value ?? '') === 'string') return { kind: 'exit', status: 1 };
        break;
      case 'json':
        if (value === 'help') {
          await ctx.print('pretty\nshort\noff\n');
          return { kind: 'exit', status: 0 };
        }
        if (!['short', 'pretty', 'off'].includes(value ?? '')) return err(`Unknown argument to --json= switch: ${value}`);
        break;
    }
  }
  if (bad) {
    await ctx.err.write(`${ctx.name}: ${bad.message}\n`);
    return { kind: 'exit', status: 1 };
  }
  const verb = parsed.operands[0];
  const lastOf = (k: string): string | undefined => o.raw.get(k)?.at(-1);
  const offlineText = lastOf('offline');
  const offline = offlineText !== undefined && parseBool(offlineText) === true;
  // parse_argv()'s checks of options against the verb, in its order
  if (offline && verb !== 'security') return err('Option --offline= is only supported for security right now.');
  const json = lastOf('json');
  if (json !== undefined && json !== 'off' && !['security', 'inspect-elf'].includes(verb ?? '')) return err('Option --json= is only supported for security and inspect-elf right now.');
  const threshold = lastOf('threshold');
  if (threshold !== undefined && Number(threshold) !== 100 && verb !== 'security') return err('Option --threshold= is only supported for security right now.');
  if (o.scope === 'global' && !['dot', 'unit-paths', 'verify'].includes(verb ?? 'time')) return err('Option --global only makes sense with verbs dot, unit-paths, verify.');
  if (verb === 'cat-config' && o.scope === 'user') return err('Option --user is not supported for cat-config right now.');
  if (o.raw.has('security-policy') && verb !== 'security') return err('Option --security-policy= is only supported for security.');
  const image = o.raw.has('image') && lastOf('image') !== '';
  if ((o.root !== undefined || image) && !['cat-config', 'verify', 'condition'].includes(verb ?? '') && !(verb === 'security' && offline)) {
    return err('Options --root= and --image= are only supported for cat-config, verify, condition and security when used with --offline= right now.');
  }
  if (o.root !== undefined && image) return err('Please specify either --root= or --image=, the combination of both is not supported.');
  if (o.unit !== undefined && verb !== 'condition') return err('Option --unit= is only supported for condition');
  if (verb === 'condition' && o.unit === undefined && parsed.operands.length < 2) return err('Too few arguments for condition');
  if (verb === 'condition' && o.unit !== undefined && parsed.operands.length > 1) return err('No conditions can be passed if --unit= is used.');
  return { kind: 'run', opts: o, args: parsed.operands };
}
