// ulimit (bash 5.2 builtins/ulimit.def): shows and sets the process's resource limits
// through getrlimit/setrlimit, in the units, option grammar and messages bash has on Linux.
import { isSysError, strerror } from '../../../shared/errno';
import type { RlimitResource } from '../../../shared/sys';
import type { Interpreter } from '../interpreter';
import type { Builtin } from './types';
import { badOption } from './types';

const USAGE = 'ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]';
const LIMIT_HARD = 1;
const LIMIT_SOFT = 2;
const RLIM_INFINITY = (1n << 64n) - 1n;

interface Limit {
  option: string;
  /** undefined: the pipe size, which is not a resource limit (PIPE_BUF, read-only). */
  resource: RlimitResource | undefined;
  /** Bytes per unit of the value shown and given. */
  factor: number;
  description: string;
  units: string | undefined;
}

// the table's order is `ulimit -a`'s; the options Linux lacks (-b -k -P -T -w) are absent,
// so bash rejects them as invalid options
const LIMITS: Limit[] = [
  { option: 'R', resource: 'rttime', factor: 1, description: 'real-time non-blocking time', units: 'microseconds' },
  { option: 'c', resource: 'core', factor: 1024, description: 'core file size', units: 'blocks' },
  { option: 'd', resource: 'data', factor: 1024, description: 'data seg size', units: 'kbytes' },
  { option: 'e', resource: 'nice', factor: 1, description: 'scheduling priority', units: undefined },
  { option: 'f', resource: 'fsize', factor: 1024, description: 'file size', units: 'blocks' },
  { option: 'i', resource: 'sigpending', factor: 1, description: 'pending signals', units: undefined },
  { option: 'l', resource: 'memlock', factor: 1024, description: 'max locked memory', units: 'kbytes' },
  { option: 'm', resource: 'rss', factor: 1024, description: 'max memory size', units: 'kbytes' },
  { option: 'n', resource: 'nofile', factor: 1, description: 'open files', units: undefined },
  { option: 'p', resource: undefined, factor: 512, description: 'pipe size', units: '512 bytes' },
  { option: 'q', resource: 'msgqueue', factor: 1, description: 'POSIX message queues', units: 'bytes' },
  { option: 'r', resource: 'rtprio', factor: 1, description: 'real-time priority', units: undefined },
  { option: 's', resource: 'stack', factor: 1024, description: 'stack size', units: 'kbytes' },
  { option: 't', resource: 'cpu', factor: 1, description: 'cpu time', units: 'seconds' },
  { option: 'u', resource: 'nproc', factor: 1, description: 'max user processes', units: undefined },
  { option: 'v', resource: 'as', factor: 1024, description: 'virtual memory', units: 'kbytes' },
  { option: 'x', resource: 'locks', factor: 1, description: 'file locks', units: undefined },
];

const byOption = new Map(LIMITS.map((l) => [l.option, l]));
/** PIPE_BUF: what get_limit reports for the pipe size. */
const PIPE_BUF = 4096;

class LimitError {
  constructor(readonly errno: Parameters<typeof strerror>[0]) {}
}

function get(sh: Interpreter, l: Limit): { soft: number; hard: number } {
  if (!l.resource) return { soft: PIPE_BUF, hard: PIPE_BUF };
  return sh.sys.getrlimit(l.resource);
}

/** printone(): the value in the limit's units, with `%-20s %20s` of description and option first for -a. */
function printOne(l: Limit, value: number, describe: boolean): string {
  let head = '';
  if (describe) {
    const unit = l.units ? `(${l.units}, -${l.option}) ` : `(-${l.option}) `;
    head = `${l.description.padEnd(20)} ${unit.padStart(20)}`;
  }
  return `${head}${value === Infinity ? 'unlimited' : String(Math.floor(value / l.factor))}\n`;
}

/** sh_invalidnum(): which kind of bad number bash names. */
function invalidNumber(s: string): string {
  if (s[0] === '0' && /[0-9]/.test(s[1] ?? '')) return `${s}: invalid octal number`;
  if (s[0] === '0' && s[1] === 'x') return `${s}: invalid hex number`;
  return `${s}: invalid number`;
}

/** set_limit(): soft, hard or both; a user asking for an unlimited soft limit gets the hard one. */
function setLimit(sh: Interpreter, l: Limit, value: number, mode: number): void {
  if (!l.resource) throw new LimitError('EINVAL');
  const cur = sh.sys.getrlimit(l.resource);
  const val = sh.sys.geteuid() !== 0 && value === Infinity && (mode & LIMIT_HARD) === 0 && cur.soft <= cur.hard ? cur.hard : value;
  const next = { ...cur };
  if (mode & LIMIT_SOFT) next.soft = val;
  if (mode & LIMIT_HARD) next.hard = val;
  try {
    sh.sys.setrlimit(l.resource, next);
  } catch (e) {
    if (isSysError(e)) throw new LimitError(e.errno);
    throw e;
  }
}

/** ulimit_internal(): prints one limit, or parses and sets a new value. */
async function one(sh: Interpreter, l: Limit, arg: string | undefined, modeIn: number, multiple: boolean): Promise<number> {
  const mode = modeIn || (arg !== undefined ? LIMIT_HARD | LIMIT_SOFT : LIMIT_SOFT);
  const cur = get(sh, l);
  if (arg === undefined) {
    await sh.write(1, printOne(l, mode & LIMIT_SOFT ? cur.soft : cur.hard, multiple));
    return 0;
  }
  let value: number;
  if (arg === 'hard') value = cur.hard;
  else if (arg === 'soft') value = cur.soft;
  else if (arg === 'unlimited') value = Infinity;
  else if (/^[0-9]*$/.test(arg)) {
    // string_to_rlimtype: decimal, wrapping as the 64-bit rlim_t does (an empty word is 0)
    const mod = 1n << 64n;
    const limit = arg === '' ? 0n : BigInt(arg) % mod;
    const factor = BigInt(l.factor);
    const real = (limit * factor) % mod;
    if (real / factor !== limit) {
      await sh.error(`ulimit: ${arg}: limit out of range`);
      return 1;
    }
    value = real === RLIM_INFINITY ? Infinity : Number(real);
  } else {
    await sh.error(`ulimit: ${invalidNumber(arg)}`);
    return 1;
  }
  try {
    setLimit(sh, l, value, mode);
  } catch (e) {
    if (!(e instanceof LimitError)) throw e;
    await sh.error(`ulimit: ${l.description}: cannot modify limit: ${strerror(e.errno)}`);
    return 1;
  }
  return 0;
}

export const ulimit: Builtin = async (sh, argv) => {
  const args = argv.slice(1);
  let mode = 0;
  let all = false;
  const cmds: { limit: Limit; arg: string | undefined }[] = [];
  // internal_getopt with "aSH" and every limit letter taking an optional argument (`;`):
  // glued (-n10), or the next word unless it looks like an option
  const notOpt = (s: string): boolean => s[0] !== '-' || s.length === 1;
  let i = 0;
  for (; i < args.length; i++) {
    const word = args[i]!;
    if (notOpt(word)) break;
    if (word === '--') {
      i++;
      break;
    }
    for (let j = 1; j < word.length; j++) {
      const c = word[j]!;
      if (c === 'a') all = true;
      else if (c === 'S') mode |= LIMIT_SOFT;
      else if (c === 'H') mode |= LIMIT_HARD;
      else {
        const limit = byOption.get(c);
        if (!limit) return badOption(sh, 'ulimit', `-${c}`, USAGE);
        let arg: string | undefined;
        if (j + 1 < word.length) arg = word.slice(j + 1);
        else if (i + 1 < args.length && notOpt(args[i + 1]!)) arg = args[++i];
        cmds.push({ limit, arg });
        break;
      }
    }
  }
  const rest = args.slice(i);
  if (all) {
    const m = mode || LIMIT_SOFT;
    let out = '';
    for (const l of LIMITS) {
      const cur = get(sh, l);
      out += printOne(l, m & LIMIT_SOFT ? cur.soft : cur.hard, true);
    }
    await sh.write(1, out);
    return 0;
  }
  // `ulimit` alone is `ulimit -f`; a lone operand is its new value
  if (cmds.length === 0) cmds.push({ limit: byOption.get('f')!, arg: rest.shift() });
  const last = cmds[cmds.length - 1]!;
  if (rest.length && last.arg === undefined) last.arg = rest.shift();
  for (const c of cmds) {
    if ((await one(sh, c.limit, c.arg, mode, cmds.length > 1)) !== 0) return 1;
  }
  return 0;
};
