// read, source and .
import { isSysError, strerror } from '../../../shared/errno';
import { ReturnSignal } from '../control';
import { withoutErrexit } from './basic';
import { ifsOf, setElement } from '../expand';
import type { Builtin } from './types';
import { decodeBytes } from '../byte-text';
import { badOption, NAME_RE, parseFlags } from './types';


export const read: Builtin = async (sh, argv) => {
  const p = parseFlags(argv.slice(1), 'ers', 'adinNptu');
  if (p.bad) return badOption(sh, 'read', p.bad, 'read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]');
  const raw = p.flags.has('r');
  const fd = p.flags.has('u') ? Number(p.flags.get('u')) : 0;
  const delimOpt = p.flags.get('d');
  const delim = typeof delimOpt === 'string' ? delimOpt[0] ?? '\0' : '\n';
  const nchars = p.flags.has('n') ? Number(p.flags.get('n')) : p.flags.has('N') ? Number(p.flags.get('N')) : undefined;
  const exact = p.flags.has('N');
  const arrayName = p.flags.get('a');
  const names = p.rest;
  for (const n of [...names, ...(typeof arrayName === 'string' ? [arrayName] : [])]) {
    if (!NAME_RE.test(n)) {
      await sh.error(`read: \`${n}': not a valid identifier`);
      return 1;
    }
  }
  const prompt = p.flags.get('p');
  if (typeof prompt === 'string' && sh.sys.isatty(fd)) await sh.write(2, prompt);
  let silent: (() => void) | undefined;
  if (p.flags.has('s') && sh.sys.isatty(fd)) {
    const t = sh.sys.tcgetattr(fd);
    sh.sys.tcsetattr(fd, { ...t, echo: false });
    silent = () => sh.sys.tcsetattr(fd, t);
  }
  // read byte by byte so nothing after the line is consumed (pipes and terminals)
  const bytes: number[] = [];
  let eof = false;
  let count = 0;
  const timeout = p.flags.get('t');
  let timedOut = false;
  let cancel: (() => void) | undefined;
  if (typeof timeout === 'string') {
    const ms = Number(timeout) * 1000;
    if (!(ms >= 0)) {
      await sh.error(`read: ${timeout}: invalid timeout specification`);
      return 1;
    }
    // -t 0 reads nothing: it says whether input is waiting (a file or /dev/null always is)
    if (ms === 0) {
      silent?.();
      try {
        return sh.sys.isatty(fd) ? 1 : (sh.sys.fstat(fd), 0);
      } catch {
        return 1;
      }
    }
  }
  try {
    let escaped = false;
    for (;;) {
      if (nchars !== undefined && count >= nchars) break;
      const chunk = await sh.sys.read(fd, 1);
      if (chunk === null || chunk.length === 0) {
        eof = true;
        break;
      }
      const b = chunk[0]!;
      const ch = String.fromCharCode(b);
      if (!raw && escaped) {
        escaped = false;
        if (ch === '\n') continue;
        bytes.push(0x5c, b);
        count++;
        continue;
      }
      if (!raw && ch === '\\') {
        escaped = true;
        continue;
      }
      if (ch === delim && !exact) break;
      bytes.push(b);
      count++;
    }
  } catch (e) {
    if (isSysError(e) && e.errno === 'EINTR') timedOut = true;
    else if (isSysError(e)) {
      await sh.error(`read: read error: ${fd}: ${strerror(e.errno)}`);
      return 1;
    } else throw e;
  } finally {
    silent?.();
    cancel?.();
  }
  let line = decodeBytes(new Uint8Array(bytes));
  const ifs = ifsOf(sh.state);
  const ws = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const isWs = (c: string): boolean => ws.includes(c);
  // backslash pairs kept above protect the next character from splitting
  const fields: string[] = [];
  const splitCount = typeof arrayName === 'string' ? Infinity : Math.max(1, names.length);
  let rest = line;
  if (names.length === 0 && typeof arrayName !== 'string') {
    sh.state.set('REPLY', raw ? line : unescape(line));
    return eof || timedOut ? 1 : 0;
  }
  // strip leading IFS whitespace
  let i = 0;
  while (i < rest.length && isWs(rest[i]!)) i++;
  rest = rest.slice(i);
  while (rest.length > 0) {
    if (fields.length === splitCount - 1) {
      // the last name gets the rest, minus trailing IFS whitespace
      let end = rest.length;
      while (end > 0 && isWs(rest[end - 1]!) && !(end >= 2 && rest[end - 2] === '\\' && !raw)) end--;
      fields.push(rest.slice(0, end));
      rest = '';
      break;
    }
    let j = 0;
    let field = '';
    while (j < rest.length && !ifs.includes(rest[j]!)) {
      if (!raw && rest[j] === '\\' && j + 1 < rest.length) {
        field += rest[j]! + rest[j + 1]!;
        j += 2;
        continue;
      }
      field += rest[j];
      j++;
    }
    fields.push(field);
    // consume one delimiter: whitespace run, optionally one non-whitespace IFS char with whitespace around
    while (j < rest.length && isWs(rest[j]!)) j++;
    if (j < rest.length && ifs.includes(rest[j]!) && !isWs(rest[j]!)) {
      j++;
      while (j < rest.length && isWs(rest[j]!)) j++;
    }
    rest = rest.slice(j);
  }
  line = '';
  const clean = raw ? (s: string) => s : unescape;
  if (typeof arrayName === 'string') {
    const array = new Map(fields.map((f, k) => [k, clean(f)]));
    sh.state.holder(arrayName).set(arrayName, { array });
    sh.state.onGrow?.(fields.reduce((n, f) => n + f.length + 48, 0));
  } else {
    names.forEach((n, k) => sh.state.set(n, clean(fields[k] ?? '')));
  }
  void setElement;
  return eof || timedOut ? 1 : 0;
};

function unescape(s: string): string {
  return s.replace(/\\(.)/gs, '$1');
}

export const source: Builtin = async (sh, argv) => {
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  const file = args[0];
  if (file === undefined) {
    await sh.error(`${argv[0]}: filename argument required`);
    await sh.write(2, `${argv[0]}: usage: ${argv[0]} filename [arguments]\n`);
    return 2;
  }
  let path = file;
  if (!file.includes('/') && sh.state.shopts.has('sourcepath')) {
    for (const dir of (sh.state.get('PATH') ?? '').split(':')) {
      const candidate = `${dir || '.'}/${file}`;
      try {
        if ((await sh.sys.stat(candidate)).kind === 'file') {
          path = candidate;
          break;
        }
      } catch {
        // keep looking
      }
    }
  }
  let text: string;
  try {
    const st = await sh.sys.stat(path);
    if (st.kind === 'dir') {
      await sh.error(`${argv[0]}: ${file}: is a directory`);
      return 1;
    }
    text = decodeBytes(await sh.sys.readFile(path));
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sh.error(`${file}: ${strerror(e.errno)}`);
    return 1;
  }
  const state = sh.state;
  const savedPositional = state.positional;
  const savedContext = state.errorContext;
  const savedArg0 = state.arg0;
  const savedLine = state.lineno;
  if (args.length > 1) state.positional = args.slice(1);
  state.sourceDepth++;
  if (state.errorContext === 'script') state.arg0 = path;
  try {
    let status: number;
    try {
      status = await withoutErrexit(sh, () => sh.evalString(text, { line: 1, origin: { file: state.arg0 } }));
    } catch (e) {
      if (!(e instanceof ReturnSignal)) throw e;
      status = e.status;
    }
    // the RETURN trap also runs when a sourced file ends (bash manual, trap)
    const onReturn = state.traps.get('RETURN');
    if (onReturn) await sh.runTrapAction(onReturn);
    return status;
  } finally {
    state.sourceDepth--;
    state.errorContext = savedContext;
    state.arg0 = savedArg0;
    state.lineno = savedLine;
    if (args.length > 1) state.positional = savedPositional;
  }
};
