// read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]
import { isSysError, strerror } from '../../../shared/errno';
import { SIGNALS } from '../../../shared/signals';
import { decodeBytes } from '../byte-text';
import { utf8Locale } from '../ansi-c';
import { arith, ifsOf, integerValue, setElement } from '../expand';
import type { Interpreter } from '../interpreter';
import { ReadonlyError } from '../state';
import type { Builtin } from './types';
import { NAME_RE } from './types';

const USAGE = 'read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]';
/** A name read assigns: a variable or one element, `name[subscript]`. */
const ELEMENT_RE = /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/s;
const validName = (n: string): boolean => NAME_RE.test(n) || ELEMENT_RE.test(n);

interface ReadOptions {
  raw: boolean;
  fd: number;
  delim: string;
  nchars?: number;
  exact: boolean;
  array?: string;
  prompt?: string;
  silent: boolean;
  /** Microseconds; 0 only tests for input. */
  timeout?: number;
  names: string[];
}

/**
 * A timeout as bash reads it: an optional sign, digits, and a fraction of which microseconds
 * count (`-t 1.5`, `-t .25`, `-t ''` is 0); undefined when malformed or negative.
 */
export function parseTimeout(text: string): number | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return undefined;
  const micros = Number(m[2] || '0') * 1e6 + Number(((m[3] ?? '') + '000000').slice(0, 6));
  if (m[1] === '-' && micros > 0) return undefined;
  return micros;
}

/** The options in order, as bash checks them: the first bad one is the one reported. */
async function parseOptions(sh: Interpreter, args: string[]): Promise<ReadOptions | number> {
  const o: ReadOptions = { raw: false, fd: 0, delim: '\n', exact: false, silent: false, names: [] };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if ('ers'.includes(c)) {
        if (c === 'r') o.raw = true;
        if (c === 's') o.silent = true;
        continue;
      }
      if (!'adinNptu'.includes(c)) {
        await sh.error(`read: -${c}: invalid option`);
        await sh.write(2, `read: usage: ${USAGE}\n`);
        return 2;
      }
      const value = a.slice(j + 1) || args[++i];
      if (value === undefined) {
        await sh.error(`read: -${c}: option requires an argument`);
        await sh.write(2, `read: usage: ${USAGE}\n`);
        return 2;
      }
      switch (c) {
        case 'a': o.array = value; break;
        case 'd': o.delim = value[0] ?? '\0'; break;
        case 'i': break;
        case 'p': o.prompt = value; break;
        case 'n':
        case 'N': {
          const n = /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
          // (a count that does not fit an int is refused too)
          if (!(n >= 0 && n <= 2147483647)) {
            await sh.error(`read: ${value}: invalid number`);
            return 1;
          }
          o.nchars = n;
          o.exact = c === 'N';
          break;
        }
        case 't': {
          const t = parseTimeout(value);
          if (t === undefined) {
            await sh.error(`read: ${value}: invalid timeout specification`);
            return 1;
          }
          o.timeout = t;
          break;
        }
        case 'u': {
          // a number that fits an int and is not negative (bash's check), then an open one
          const fd = /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
          if (!(fd >= 0 && fd <= 2147483647)) {
            await sh.error(`read: ${value}: invalid file descriptor specification`);
            return 1;
          }
          if (!sh.sys.isOpen(fd)) {
            await sh.error(`read: ${fd}: invalid file descriptor: ${strerror('EBADF')}`);
            return 1;
          }
          o.fd = fd;
          break;
        }
      }
      break;
    }
  }
  o.names = args.slice(i);
  return o;
}

export const read: Builtin = async (sh, argv) => {
  const o = await parseOptions(sh, argv.slice(1));
  if (typeof o === 'number') return o;
  // $TMOUT is the default timeout
  if (o.timeout === undefined) {
    const t = parseTimeout(sh.state.get('TMOUT') ?? '');
    if (t) o.timeout = t;
  }
  const { fd, names } = o;
  // -t 0 reads nothing: it says whether input is waiting (end of file counts)
  if (o.timeout === 0) {
    try {
      return sh.sys.readReady(fd) ? 0 : 1;
    } catch {
      return 1;
    }
  }
  if (names.length > 0 && !validName(names[0]!)) {
    await sh.error(`read: \`${names[0]}': not a valid identifier`);
    return 1;
  }
  if (o.prompt !== undefined && sh.sys.isatty(fd)) await sh.write(2, o.prompt);
  let restoreTty: (() => void) | undefined;
  if (o.silent && sh.sys.isatty(fd)) {
    const t = sh.sys.tcgetattr(fd);
    sh.sys.tcsetattr(fd, { ...t, echo: false });
    restoreTty = () => sh.sys.tcsetattr(fd, t);
  }
  // the timeout is SIGALRM from alarm(2): its handler interrupts the blocked read (EINTR)
  let timedOut = false;
  if (o.timeout !== undefined) {
    sh.sys.signal(SIGNALS.SIGALRM, () => (timedOut = true));
    sh.sys.alarm(o.timeout / 1000);
  }
  const got = await readInput(sh, o, () => timedOut).finally(() => {
    if (o.timeout !== undefined) {
      sh.sys.alarm(0);
      const trapped = sh.state.traps.get('ALRM');
      sh.sys.signal(SIGNALS.SIGALRM, trapped === undefined ? 'default' : trapped === '' ? 'ignore' : (s) => sh.pendingTraps.push(s));
    }
    restoreTty?.();
  });
  if (typeof got === 'number') return got;
  // what was read before the timeout or the end of input is still assigned
  const status = timedOut ? 128 + SIGNALS.SIGALRM : got.eof ? 1 : 0;
  const assigned = await assign(sh, o, decodeBytes(new Uint8Array(got.bytes)));
  return assigned === 0 ? status : assigned;
};

/** Reads byte by byte, so nothing after the line is consumed (pipes and terminals). */
async function readInput(sh: Interpreter, o: ReadOptions, expired: () => boolean): Promise<{ bytes: number[]; eof: boolean } | number> {
  const bytes: number[] = [];
  let eof = false;
  let count = 0;
  let escaped = false;
  const utf8 = o.nchars !== undefined && utf8Locale(sh.state);
  /** The continuation bytes of a UTF-8 character whose lead byte is `lead` (as many as arrive). */
  const rest = async (lead: number): Promise<void> => {
    const more = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
    for (let k = 0; k < more; k++) {
      const next = await sh.sys.read(o.fd, 1);
      if (next === null || next.length === 0) return;
      bytes.push(next[0]!);
      if ((next[0]! & 0xc0) !== 0x80) return;
    }
  };
  try {
    for (;;) {
      if (o.nchars !== undefined && count >= o.nchars) break;
      if (expired()) break;
      let chunk: Uint8Array | null;
      try {
        chunk = await sh.sys.read(o.fd, 1);
      } catch (e) {
        // another trapped signal: its trap runs, and the read goes on
        if (!isSysError(e) || e.errno !== 'EINTR' || expired()) throw e;
        await sh.tick();
        continue;
      }
      if (chunk === null || chunk.length === 0) {
        eof = true;
        break;
      }
      const b = chunk[0]!;
      const ch = String.fromCharCode(b);
      // a NUL cannot be part of a shell string: bash drops it (unless it ends the line, -d '')
      if (b === 0 && o.delim !== '\0') continue;
      if (!o.raw && escaped) {
        escaped = false;
        if (ch === '\n') continue;
        bytes.push(0x5c, b);
        if (utf8 && b >= 0xc0) await rest(b);
        count++;
        continue;
      }
      if (!o.raw && ch === '\\') {
        escaped = true;
        continue;
      }
      if (ch === o.delim && !o.exact) break;
      bytes.push(b);
      // -n and -N count characters: in UTF-8 the bytes that follow a lead byte are part of it
      if (utf8 && b >= 0xc0) await rest(b);
      count++;
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno !== 'EINTR' || !expired()) {
      await sh.error(`read: read error: ${o.fd}: ${strerror(e.errno)}`);
      return 1;
    }
  }
  return { bytes, eof };
}

/** Splits the line by IFS into the names (the last takes the rest) or the array; 0 or an error status. */
async function assign(sh: Interpreter, o: ReadOptions, line: string): Promise<number> {
  const { names, raw } = o;
  const clean = raw ? (s: string): string => s : unescape;
  try {
    if (o.array === undefined && names.length === 0) {
      sh.state.set('REPLY', await integerValue(sh, 'REPLY', clean(line), 'read'));
      return 0;
    }
    // -N takes the characters as they are: no splitting, no trimming
    const fields = o.exact ? [line] : split(sh, line, o.array !== undefined ? Infinity : names.length, raw);
    if (o.array !== undefined) {
      if (!NAME_RE.test(o.array)) {
        await sh.error(`read: \`${o.array}': not a valid identifier`);
        return 1;
      }
      const old = sh.state.lookup(o.array);
      if (old?.readonly) throw new ReadonlyError(o.array);
      if (old?.assoc) {
        await sh.error(`read: ${o.array}: not an indexed array`);
        return 1;
      }
      // the variable keeps its attributes: -i evaluates each word, -l/-u fold its case
      const array = new Map<number, string>();
      for (const [k, f] of fields.entries()) {
        const value = await integerValue(sh, o.array, clean(f), 'read');
        array.set(k, old ? sh.state.fold(old, value) : value);
      }
      const attrs = { ...(old ?? {}) };
      delete attrs.value;
      delete attrs.assoc;
      delete attrs.declaredOnly;
      sh.state.holder(o.array).set(o.array, { ...attrs, array });
      sh.state.onGrow?.(fields.reduce((n, f) => n + f.length + 48, 0));
      return 0;
    }
    for (let k = 0; k < names.length; k++) {
      const n = names[k]!;
      const value = clean(fields[k] ?? '');
      const el = ELEMENT_RE.exec(n);
      if (el) {
        const v = sh.state.lookup(el[1]!);
        if (v?.readonly) throw new ReadonlyError(el[1]!);
        if (!v?.assoc && (el[2] === '@' || el[2] === '*')) {
          await sh.error(`${n}: bad array subscript`);
          return 1;
        }
        const key = v?.assoc ? el[2]! : String(await arith(sh, el[2]!));
        if (!setElement(sh.state, el[1]!, key, await integerValue(sh, el[1]!, value, 'read'))) {
          await sh.error(`${n}: bad array subscript`);
          return 1;
        }
      } else if (NAME_RE.test(n)) sh.state.set(n, await integerValue(sh, n, value, 'read'));
      else {
        await sh.error(`read: \`${n}': not a valid identifier`);
        return 1;
      }
    }
    return 0;
  } catch (e) {
    if (!(e instanceof ReadonlyError)) throw e;
    await sh.error(e.message);
    return 1;
  }
}

/** IFS splitting as read does it: backslash pairs (kept unless -r) protect the next character. */
function split(sh: Interpreter, line: string, count: number, raw: boolean): string[] {
  const ifs = ifsOf(sh.state);
  const ws = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const isWs = (c: string): boolean => ws.includes(c);
  const fields: string[] = [];
  const splitCount = Math.max(1, count);
  let rest = line;
  let i = 0;
  while (i < rest.length && isWs(rest[i]!)) i++;
  rest = rest.slice(i);
  while (rest.length > 0) {
    const last = fields.length === splitCount - 1;
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
    // one delimiter: a whitespace run, or one other IFS character with whitespace around it
    while (j < rest.length && isWs(rest[j]!)) j++;
    if (j < rest.length && ifs.includes(rest[j]!) && !isWs(rest[j]!)) {
      j++;
      while (j < rest.length && isWs(rest[j]!)) j++;
    }
    if (last && j < rest.length) {
      // the last name gets the rest (unless only its one word and a delimiter are left),
      // minus trailing IFS whitespace
      let end = rest.length;
      while (end > 0 && isWs(rest[end - 1]!) && !(end >= 2 && rest[end - 2] === '\\' && !raw)) end--;
      fields.push(rest.slice(0, end));
      break;
    }
    fields.push(field);
    rest = rest.slice(j);
  }
  return fields;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/gs, '$1');
}
