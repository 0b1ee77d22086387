// mapfile/readarray, dirs/pushd/popd, times, disown, suspend, enable, help
import { isSysError, strerror } from '../../../shared/errno';
import { concatBytes } from '../../../shared/bytes';
import { decodeBytes, encodeText } from '../byte-text';
import { integerValue } from '../expand';
import type { Interpreter } from '../interpreter';
import { cd } from './dirs';
import { collectJobs, dropJobs, markedJobs } from '../jobs';
import type { Job } from '../state';
import { jobFor } from './jobctl';
import type { Builtin } from './types';
import { badOption, leadingOptions, NAME_RE, parseFlags } from './types';


export const mapfile: Builtin = async (sh, argv) => {
  const p = parseFlags(argv.slice(1), 't', 'dnOsuCc');
  if (p.bad) return badOption(sh, argv[0]!, p.bad, `${argv[0]} [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]`);
  const name = p.rest[0] ?? 'MAPFILE';
  if (!NAME_RE.test(name)) {
    await sh.error(`${argv[0]}: \`${name}': not a valid identifier`);
    return 1;
  }
  // numeric options are checked as they come
  const numeric: Record<string, string> = { n: 'invalid line count', O: 'invalid array origin', s: 'invalid line count', c: 'invalid callback quantum', u: 'invalid file descriptor specification' };
  for (const [k, v] of p.flags) {
    if (!(k in numeric) || typeof v !== 'string') continue;
    if (!/^\s*[-+]?\d+\s*$/.test(v) || Number(v) < 0 || (k === 'c' && Number(v) === 0)) {
      await sh.error(`${argv[0]}: ${v}: ${numeric[k]}`);
      return 1;
    }
  }
  const delimOpt = p.flags.get('d');
  // (the delimiter is the option's first byte)
  const delim = typeof delimOpt === 'string' ? (encodeText(delimOpt)[0] ?? 0) : 10;
  const max = p.flags.has('n') ? Number(p.flags.get('n')) : 0;
  const origin = p.flags.has('O') ? Number(p.flags.get('O')) : 0;
  let skip = p.flags.has('s') ? Number(p.flags.get('s')) : 0;
  const fd = p.flags.has('u') ? Number(p.flags.get('u')) : 0;
  const strip = p.flags.has('t');
  const holder = sh.state.holder(name);
  const existing = holder.get(name);
  if (existing?.readonly) {
    await sh.error(`${name}: readonly variable`);
    return 1;
  }
  if (existing?.assoc) {
    await sh.error(`${argv[0]}: ${name}: not an indexed array`);
    return 1;
  }
  const array = origin > 0 && existing?.array ? existing.array : new Map<number, string>();
  // the variable keeps its attributes: -i evaluates each line, -l/-u fold its case
  const attrs = { ...(existing ?? {}) };
  delete attrs.value;
  delete attrs.declaredOnly;
  const fold = (s: string): string => (existing ? sh.state.fold(existing, s) : s);
  let index = origin;
  let count = 0;
  const callback = p.flags.get('C');
  const quantum = p.flags.has('c') ? Number(p.flags.get('c')) : 5000;
  if (p.flags.has('c') && !(quantum > 0)) {
    await sh.error(`${argv[0]}: ${String(p.flags.get('c'))}: invalid callback quantum`);
    return 1;
  }
  const calls: string[] = [];
  const take = async (bytes: Uint8Array, ended: boolean): Promise<boolean> => {
    if (skip > 0) {
      skip--;
      return true;
    }
    // a NUL cannot be part of a bash string: that delimiter goes even without -t, and
    // another line ends at its first NUL
    let value = decodeBytes((strip || delim === 0) && ended ? bytes.subarray(0, -1) : bytes);
    if (value.includes('\0')) value = value.slice(0, value.indexOf('\0'));
    // -C: `callback INDEX 'LINE'` every quantum lines, before that element is assigned
    if (typeof callback === 'string' && (count + 1) % quantum === 0) calls.push(`${callback} ${index} '${value.replace(/'/g, "'\\''")}'`);
    // the array is the variable's as it fills (bind_array_element), so its memory is counted
    if (count === 0) holder.set(name, { ...attrs, array });
    sh.state.onGrow?.(value.length + 48);
    array.set(index++, fold(await integerValue(sh, name, value, argv[0])));
    count++;
    return !(max > 0 && count >= max);
  };
  // bash reads a pipe a byte at a time, so that the lines it leaves are there for the next
  // reader, and a file by blocks, going back to the end of its last line when it stops early
  let seekable = true;
  try {
    sh.sys.lseek(fd, 0, 'cur');
  } catch {
    seekable = false;
  }
  let pending: Uint8Array = new Uint8Array(0);
  try {
    outer: for (;;) {
      const chunk = await sh.sys.read(fd, seekable || max === 0 ? 4096 : 1);
      if (chunk === null || chunk.length === 0) break;
      pending = pending.length ? concatBytes([pending, chunk], pending.length + chunk.length) : chunk;
      let i: number;
      while ((i = pending.indexOf(delim)) >= 0) {
        const line = pending.subarray(0, i + 1);
        pending = pending.subarray(i + 1);
        const more = await take(line, true);
        while (calls.length) await sh.evalString(calls.shift()!);
        if (!more) {
          if (seekable && pending.length) sh.sys.lseek(fd, -pending.length, 'cur');
          break outer;
        }
      }
      const t = sh.tick();
      if (t) await t;
    }
    if (pending.length && !(max > 0 && count >= max)) await take(pending, false);
    while (calls.length) await sh.evalString(calls.shift()!);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sh.error(`${argv[0]}: ${fd}: invalid file descriptor: ${strerror(e.errno)}`);
    return 1;
  }
  holder.set(name, { ...attrs, array });
  return 0;
};

function tilde(sh: Interpreter, dir: string): string {
  const home = sh.state.get('HOME');
  return home && (dir === home || dir.startsWith(`${home}/`)) ? `~${dir.slice(home.length)}` : dir;
}

async function printStack(sh: Interpreter, opts: { long?: boolean; perLine?: boolean; numbered?: boolean; only?: number } = {}): Promise<void> {
  const stack = [sh.state.get('PWD') ?? sh.sys.getcwd(), ...sh.state.dirStack];
  const shown = stack.map((d) => (opts.long ? d : tilde(sh, d)));
  const line = (d: string, i: number): string => (opts.numbered ? `${String(i).padStart(2)}  ${d}` : d);
  if (opts.only !== undefined) await sh.write(1, `${line(shown[opts.only]!, opts.only)}\n`);
  else if (opts.numbered) await sh.write(1, shown.map((d, i) => `${line(d, i)}\n`).join(''));
  else if (opts.perLine) await sh.write(1, shown.map((d) => `${d}\n`).join(''));
  else await sh.write(1, `${shown.join(' ')}\n`);
}

const DIRS_USAGE = 'dirs [-clpv] [+N] [-N]';

async function usageError(sh: Interpreter, cmd: string, message: string, usage: string): Promise<number> {
  await sh.error(`${cmd}: ${message}`);
  await sh.write(2, `${cmd}: usage: ${usage}\n`);
  return 2;
}

export const dirs: Builtin = async (sh, argv) => {
  // each option is a word of its own; +N and -N pick one entry (the last one given wins)
  const opts: { long?: boolean; perLine?: boolean; numbered?: boolean; only?: number } = {};
  let clear = false;
  let index: number | undefined;
  let word = '';
  for (const a of argv.slice(1)) {
    if (a === '-c') clear = true;
    else if (a === '-l') opts.long = true;
    else if (a === '-p') opts.perLine = true;
    else if (a === '-v') opts.numbered = true;
    else if (a === '--') break;
    else if (a[0] === '+' || a[0] === '-') {
      if (!/^\d+$/.test(a.slice(1))) return usageError(sh, 'dirs', `${a}: invalid number`, DIRS_USAGE);
      word = a.slice(1);
      const n = Number(word);
      index = a[0] === '+' ? n : sh.state.dirStack.length - n;
    } else return usageError(sh, 'dirs', `${a}: invalid option`, DIRS_USAGE);
  }
  if (clear) {
    sh.state.dirStack = [];
    return 0;
  }
  if (index !== undefined && (index < 0 || index > sh.state.dirStack.length)) {
    await sh.error(sh.state.dirStack.length === 0 ? 'dirs: directory stack empty' : `dirs: ${word}: directory stack index out of range`);
    return 1;
  }
  opts.only = index;
  await printStack(sh, opts);
  return 0;
};

/** +N counts from the left of `dirs` (0 is the current directory), -N from the right. */
function stackIndex(spec: string, size: number): number | undefined {
  const m = /^([+-])(\d+)$/.exec(spec);
  if (!m) return undefined;
  const n = Number(m[2]);
  const i = m[1] === '+' ? n : size - 1 - n;
  return i >= 0 && i < size ? i : -1;
}

export const pushd: Builtin = async (sh, argv) => {
  const noCd = argv.includes('-n');
  const args = argv.slice(1).filter((a) => a !== '-n' && a !== '--');
  if (args.length > 1) {
    await sh.error('pushd: too many arguments');
    return 1;
  }
  const cwd = sh.state.get('PWD') ?? sh.sys.getcwd();
  const full = [cwd, ...sh.state.dirStack];
  const spec = args[0];
  if (spec !== undefined && /^[+-]/.test(spec) && spec !== '-' && !/^[+-]\d+$/.test(spec)) return usageError(sh, 'pushd', `${spec}: invalid number`, 'pushd [-n] [+N | -N | dir]');
  const index = spec === undefined ? undefined : stackIndex(spec, full.length);
  if (index === -1) {
    await sh.error(full.length < 2 ? 'pushd: directory stack empty' : `pushd: ${spec}: directory stack index out of range`);
    return 1;
  }
  if (spec === undefined && noCd && full.length < 2) return 0;
  if (spec === undefined || index !== undefined) {
    if (full.length < 2 && spec === undefined) {
      await sh.error('pushd: no other directory');
      return 1;
    }
    // no operand swaps the top two; +N/-N rotates that entry to the top
    const rotated = index === undefined ? [full[1]!, full[0]!, ...full.slice(2)] : [...full.slice(index), ...full.slice(0, index)];
    if (index === 0) {
      if (!noCd) await printStack(sh);
      return 0;
    }
    if (noCd) {
      // bash rotates the saved entries only, and the entry that would become current is lost
      sh.state.dirStack = rotated.slice(1);
      return 0;
    }
    const status = await cd(sh, ['pushd', rotated[0]!]);
    if (status !== 0) return status;
    sh.state.dirStack = rotated.slice(1);
    await printStack(sh);
    return 0;
  }
  if (noCd) sh.state.dirStack.unshift(spec);
  else {
    sh.state.dirStack.unshift(cwd);
    const status = await cd(sh, ['pushd', spec]);
    if (status !== 0) {
      sh.state.dirStack.shift();
      return status;
    }
  }
  await printStack(sh);
  return 0;
};

export const popd: Builtin = async (sh, argv) => {
  const noCd = argv.includes('-n');
  const args = argv.slice(1).filter((a) => a !== '-n' && a !== '--');
  const bad = args.find((a) => /^[+-]/.test(a) && !/^[+-]\d+$/.test(a));
  if (bad !== undefined) return usageError(sh, 'popd', `${bad}: invalid number`, 'popd [-n] [+N | -N]');
  const cwd = sh.state.get('PWD') ?? sh.sys.getcwd();
  const full = [cwd, ...sh.state.dirStack];
  if (full.length < 2) {
    await sh.error('popd: directory stack empty');
    return 1;
  }
  const spec = args[0];
  let index = spec === undefined ? 0 : stackIndex(spec, full.length);
  if (index === -1) {
    await sh.error(`popd: ${spec}: directory stack index out of range`);
    return 1;
  }
  if (index === undefined) {
    await sh.error(`popd: ${spec}: invalid argument`);
    await sh.write(2, 'popd: usage: popd [-n] [+N | -N]\n');
    return 2;
  }
  // -n leaves the current directory alone: the entry after it goes instead
  if (index === 0 && noCd) index = 1;
  if (index === 0) {
    const status = await cd(sh, ['popd', full[1]!]);
    if (status !== 0) return status;
    sh.state.dirStack = full.slice(2);
  } else sh.state.dirStack = full.filter((_, i) => i !== index).slice(1);
  await printStack(sh);
  return 0;
};

export const times: Builtin = async (sh, argv) => {
  const opts = await leadingOptions(sh, 'times', argv.slice(1), '', 'times');
  if (typeof opts === 'number') return opts;
  const up = sh.sys.uptime() / 1000;
  const fmt = (s: number): string => `${Math.floor(s / 60)}m${(s % 60).toFixed(3)}s`;
  await sh.write(1, `${fmt(up * 0.002)} ${fmt(up * 0.001)}\n${fmt(0)} ${fmt(0)}\n`);
  return 0;
};

/**
 * disown [-h] [-ar] [jobspec | pid ...]: takes jobs out of the table (the current one without
 * names; all, or the running ones, with -a or -r), or with -h only marks them to be spared
 * SIGHUP. A number names a process of the job; every name is tried, an unknown one reported.
 */
export const disown: Builtin = async (sh, argv) => {
  const opts = await leadingOptions(sh, 'disown', argv.slice(1), 'ahr', 'disown [-h] [-ar] [jobspec ... | pid ...]');
  if (typeof opts === 'number') return opts;
  const nohupOnly = opts.flags.has('h');
  const st = sh.state;
  await collectJobs(sh);
  if (opts.rest.length === 0 && (opts.flags.has('a') || opts.flags.has('r'))) {
    const chosen = (j: Job): boolean => !j.inherited && (!opts.flags.has('r') || j.state === 'Running');
    if (nohupOnly) {
      for (const j of st.jobs) if (chosen(j)) j.nohup = true;
    } else forget(sh, chosen);
    return 0;
  }
  let status = 0;
  for (const a of opts.rest.length ? opts.rest : [undefined]) {
    let job: Job | undefined;
    if (a === undefined) {
      const marked = markedJobs(st.jobs);
      job = marked[marked.length - 1];
      if (!job) await sh.error('disown: current: no such job');
    } else if (/^\d+$/.test(a)) {
      job = st.jobs.find((j) => !j.inherited && j.pids.includes(Number(a)));
      if (!job) await sh.error(`disown: ${a}: no such job`);
    } else job = await jobFor(sh, 'disown', a.startsWith('%') ? a : `%${a}`, true, a);
    if (!job) {
      status = 1;
      continue;
    }
    if (nohupOnly) job.nohup = true;
    else forget(sh, (j) => j === job);
  }
  return status;
};

/** Jobs leave the table; their processes are no longer waited for. */
function forget(sh: Interpreter, gone: (j: Job) => boolean): void {
  for (const j of sh.state.jobs) if (gone(j)) for (const p of j.pending) sh.state.disowned.add(p);
  dropJobs(sh.state, gone);
}


export const suspend: Builtin = async (sh, argv) => {
  const opts = await leadingOptions(sh, 'suspend', argv.slice(1), 'f', 'suspend [-f]');
  if (typeof opts === 'number') return opts;
  // a shell without job control (a script) cannot stop itself
  if (!sh.state.options.has('monitor')) {
    await sh.error('suspend: cannot suspend: no job control');
    return 1;
  }
  if (sh.state.login && !opts.flags.has('f')) {
    await sh.error('suspend: cannot suspend a login shell');
    return 1;
  }
  sh.sys.kill(sh.sys.pid, 19);
  return 0;
};



/** How many fc -s reruns are under way. */
let rerunning = 0;

/** fc -l [-nr] [first [last]] lists history; fc -s [old=new] [command] runs an entry again. */
export const fc: Builtin = async (sh, argv) => {
  const hist = sh.state.history;
  const args = argv.slice(1);
  const flags = new Set<string>();
  // options as bash's getopt reads them (e: takes a name); a number like -5 is an operand
  const usage = 'fc [-e ename] [-lnr] [first] [last] or fc -s [pat=rep] [command]';
  while (args[0]?.startsWith('-') && args[0] !== '-' && !/^-\d/.test(args[0])) {
    const a = args.shift()!;
    if (a === '--') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'e') {
        const editor = a.slice(j + 1) || args.shift();
        if (editor === undefined) return badOption(sh, 'fc', '-e: option requires an argument', usage);
        // -e - runs the command again unedited, as -s does
        if (editor === '-') flags.add('s');
        break;
      }
      if (!'lnrs'.includes(c)) return badOption(sh, 'fc', `-${c}`, usage);
      flags.add(c);
    }
  }
  // a script's fc line is an entry only while history is on (an interactive shell's always)
  const own = (sh.state.interactive || sh.state.options.has('history')) && rerunning === 0;
  const newest = hist.length - 1 - (own ? 1 : 0);
  const find = (spec: string | undefined, dflt: number, first = false): number => {
    if (spec === undefined) return dflt;
    const m = /^(-?)(\d+)$/.exec(spec);
    if (m) {
      const n = Number(m[2]);
      // -0 is the fc line itself; 0 the entry before it
      if (n === 0) return m[1] && own ? hist.length - 1 : newest;
      // out of range: a negative offset stops at the oldest entry; a number past the newest
      // gives the newest as the end of a range and the oldest as its start (bash's fc_gethnum)
      if (m[1]) return Math.max(0, newest + 1 - n);
      return n - 1 >= newest ? (first ? 0 : newest) : n - 1;
    }
    for (let i = newest; i >= 0; i--) if (hist[i]!.startsWith(spec)) return i;
    return -1;
  };
  if (flags.has('s')) {
    let subst: [string, string] | undefined;
    if (args[0]?.includes('=')) {
      const [a, b] = args.shift()!.split('=') as [string, string];
      subst = [a, b];
    }
    // the fc -s line itself is the newest entry: look before it
    const i = find(args[0], hist.length - 2);
    const entry = hist[i];
    if (entry === undefined) {
      await sh.error('fc: no command found');
      return 1;
    }
    const line = subst ? entry.replace(subst[0], subst[1]) : entry;
    await sh.write(2, `${line}\n`);
    hist[hist.length - 1] = line;
    // the line run again takes the fc line's place: it is not an entry of its own
    rerunning++;
    try {
      return await sh.evalString(line);
    } finally {
      rerunning--;
    }
  }
  if (flags.has('l')) {
    const last = newest;
    // no history (a script's, unless set -o history): nothing to list, and no error
    if (last < 0) return 0;
    const from = find(args[0], Math.max(0, last - 16), true);
    const to = find(args[1], last);
    if (from < 0 || to < 0) {
      await sh.error('fc: no command found');
      return 1;
    }
    // first after last lists newest first
    const lines: string[] = [];
    const step = from > to ? -1 : 1;
    const end = from > last && args[1] === undefined ? from : to;
    for (let i = from; ; i += step) {
      lines.push(flags.has('n') ? `\t ${hist[i]}\n` : `${i + 1}\t ${hist[i]}\n`);
      if (i === end) break;
    }
    if (flags.has('r')) lines.reverse();
    await sh.write(1, lines.join(''));
    return 0;
  }
  // nothing in the history to edit (a script's, unless set -o history): nothing done
  if (newest < 0) return 0;
  await sh.error('fc: no editor is available here; use fc -l or fc -s');
  return 1;
};
