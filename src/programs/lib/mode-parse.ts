// Symbolic and octal modes as chmod, mkdir -m and install -m read them (gnulib modechange):
// compileMode parses once, adjustMode applies the changes to an existing mode.

const S_ISUID = 0o4000;
const S_ISGID = 0o2000;
const S_ISVTX = 0o1000;
const S_IRWXU = 0o700;
const S_IRWXG = 0o070;
const S_IRWXO = 0o007;
const S_IRWXUGO = 0o777;
const ALL = 0o7777;
const READ = 0o444;
const WRITE = 0o222;
const EXEC = 0o111;

type Flag = 'ordinary' | 'copy' | 'x-if-any-x';

export interface ModeChange {
  op: '=' | '+' | '-';
  flag: Flag;
  affected: number;
  value: number;
  mentioned: number;
}

/**
 * Parses MODE; undefined when it is not a valid mode (the caller reports `invalid mode`).
 * gnulib's one extension to the symbolic grammar is read too: an operator followed by octal
 * digits ("=755", "-7000", "+x,=644") sets, adds or clears exactly those bits, the set-ID bits
 * of directories included; only without a who part, and only at the end of a clause.
 */
export function compileMode(s: string): ModeChange[] | undefined {
  if (/^[0-7]/.test(s) || !/[-+=][0-7]/.test(s)) return compileClauses(s);
  const changes: ModeChange[] = [];
  for (const clause of s.split(',')) {
    const m = /^(.*?)([-+=])([0-7]+)$/.exec(clause);
    if (!m) {
      const c = compileClauses(clause);
      if (!c) return undefined;
      changes.push(...c);
      continue;
    }
    const [, head = '', op, digits = ''] = m;
    if (/^[ugoa]/.test(head) || /[-+=][0-7]/.test(head)) return undefined;
    if (head !== '') {
      const c = compileClauses(head);
      if (!c) return undefined;
      changes.push(...c);
    }
    let value = 0;
    for (const ch of digits) {
      value = value * 8 + (ch.charCodeAt(0) - 48);
      if (value > ALL) return undefined;
    }
    changes.push({ op: op as ModeChange['op'], flag: 'ordinary', affected: ALL, value, mentioned: ALL });
  }
  return changes;
}

/** The octal and plain symbolic grammar (clauses of who, operators and permissions). */
function compileClauses(s: string): ModeChange[] | undefined {
  if (/^[0-7]/.test(s)) {
    if (!/^[0-7]+$/.test(s)) return undefined;
    let v = 0;
    for (const ch of s) {
      v = v * 8 + (ch.charCodeAt(0) - 48);
      if (v > ALL) return undefined;
    }
    // fewer than five digits leave a directory's setuid/setgid bits alone unless given
    const mentioned = s.length < 5 ? (v & (S_ISUID | S_ISGID)) | S_ISVTX | S_IRWXUGO : ALL;
    return [{ op: '=', flag: 'ordinary', affected: ALL, value: v, mentioned }];
  }
  const changes: ModeChange[] = [];
  let p = 0;
  for (;;) {
    let affected = 0;
    for (; ; p++) {
      const c = s[p];
      if (c === 'u') affected |= S_ISUID | S_IRWXU;
      else if (c === 'g') affected |= S_ISGID | S_IRWXG;
      else if (c === 'o') affected |= S_ISVTX | S_IRWXO;
      else if (c === 'a') affected |= ALL;
      else if (c === '=' || c === '+' || c === '-') break;
      else return undefined;
    }
    do {
      const op = s[p++] as '=' | '+' | '-';
      let value = 0;
      let flag: Flag = 'copy';
      const c = s[p];
      if (c === 'u') {
        value = S_IRWXU;
        p++;
      } else if (c === 'g') {
        value = S_IRWXG;
        p++;
      } else if (c === 'o') {
        value = S_IRWXO;
        p++;
      } else {
        flag = 'ordinary';
        for (; ; p++) {
          const v = s[p];
          if (v === 'r') value |= READ;
          else if (v === 'w') value |= WRITE;
          else if (v === 'x') value |= EXEC;
          else if (v === 'X') flag = 'x-if-any-x';
          else if (v === 's') value |= S_ISUID | S_ISGID;
          else if (v === 't') value |= S_ISVTX;
          else break;
        }
      }
      changes.push({ op, flag, affected, value, mentioned: affected ? affected & value : value });
    } while (s[p] === '=' || s[p] === '+' || s[p] === '-');
    if (s[p] !== ',') break;
    p++;
  }
  return p === s.length ? changes : undefined;
}

/** Applies `changes` to `oldMode` (permission bits); `bits` are the bits the changes set or cleared. */
export function adjustMode(oldMode: number, isDir: boolean, umask: number, changes: readonly ModeChange[]): { mode: number; bits: number } {
  let mode = oldMode & ALL;
  let bits = 0;
  for (const c of changes) {
    const omit = (isDir ? S_ISUID | S_ISGID : 0) & ~c.mentioned;
    let value = c.value;
    if (c.flag === 'copy') {
      value &= mode;
      value |= (value & READ ? READ : 0) | (value & WRITE ? WRITE : 0) | (value & EXEC ? EXEC : 0);
    } else if (c.flag === 'x-if-any-x') {
      if (mode & EXEC || isDir) value |= EXEC;
    }
    value &= (c.affected ? c.affected : ~umask) & ~omit;
    if (c.op === '=') {
      const preserved = (c.affected ? ~c.affected : 0) | omit;
      bits |= ALL & ~preserved;
      mode = (mode & preserved) | value;
    } else if (c.op === '+') {
      bits |= value;
      mode |= value;
    } else {
      bits |= value;
      mode &= ~value;
    }
  }
  return { mode: mode & ALL, bits };
}
