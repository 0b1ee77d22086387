// The value checks of the sandboxing settings that name system calls, error numbers and file
// system groups (load-fragment.c: config_parse_syscall_filter(), config_parse_syscall_log(),
// config_parse_syscall_errno(), config_parse_restrict_filesystems()). The system call table is
// shared/systemd/syscall-sets.ts, loaded with these checks only.
import { syscallFilterSetFind, syscallResolvable } from '../../shared/systemd/syscall-sets';
import { extractFirstWord } from '../../shared/systemd/words';
import { type Check, ok, some, warn } from './check-base';

/** The errno names glibc's <errno.h> defines (errno_from_name() matches them in any case). */
const ERRNO_NAMES = new Set((
  'E2BIG EACCES EADDRINUSE EADDRNOTAVAIL EADV EAFNOSUPPORT EAGAIN EALREADY EBADE EBADF EBADFD EBADMSG EBADR EBADRQC '
  + 'EBADSLT EBFONT EBUSY ECANCELED ECHILD ECHRNG ECOMM ECONNABORTED ECONNREFUSED ECONNRESET EDEADLK EDEADLOCK '
  + 'EDESTADDRREQ EDOM EDOTDOT EDQUOT EEXIST EFAULT EFBIG EHOSTDOWN EHOSTUNREACH EHWPOISON EIDRM EILSEQ EINPROGRESS '
  + 'EINTR EINVAL EIO EISCONN EISDIR EISNAM EKEYEXPIRED EKEYREJECTED EKEYREVOKED EL2HLT EL2NSYNC EL3HLT EL3RST '
  + 'ELIBACC ELIBBAD ELIBEXEC ELIBMAX ELIBSCN ELNRNG ELOOP EMEDIUMTYPE EMFILE EMLINK EMSGSIZE EMULTIHOP ENAMETOOLONG '
  + 'ENAVAIL ENETDOWN ENETRESET ENETUNREACH ENFILE ENOANO ENOBUFS ENOCSI ENODATA ENODEV ENOENT ENOEXEC ENOKEY ENOLCK '
  + 'ENOLINK ENOMEDIUM ENOMEM ENOMSG ENONET ENOPKG ENOPROTOOPT ENOSPC ENOSR ENOSTR ENOSYS ENOTBLK ENOTCONN ENOTDIR '
  + 'ENOTEMPTY ENOTNAM ENOTRECOVERABLE ENOTSOCK ENOTSUP ENOTTY ENOTUNIQ ENXIO EOPNOTSUPP EOVERFLOW EOWNERDEAD EPERM '
  + 'EPFNOSUPPORT EPIPE EPROTO EPROTONOSUPPORT EPROTOTYPE ERANGE EREMCHG EREMOTE EREMOTEIO ERESTART ERFKILL EROFS '
  + 'ESHUTDOWN ESOCKTNOSUPPORT ESPIPE ESRCH ESRMNT ESTALE ESTRPIPE ETIME ETIMEDOUT ETOOMANYREFS ETXTBSY EUCLEAN '
  + 'EUNATCH EUSERS EWOULDBLOCK EXDEV EXFULL').split(' '));

/** safe_atoi(): blanks, then "0b"/"0o" or C's own prefixes, a whole int; undefined otherwise. */
function safeAtoi(s: string): number | undefined {
  let t = s.replace(/^[ \t\n\r]+/, '');
  let base = 0;
  if (/^0[bB]/.test(t)) [base, t] = [2, t.slice(2)];
  else if (/^0[oO]/.test(t)) [base, t] = [8, t.slice(2)];
  const m = /^[ \t\n\r\v\f]*([+-]?)(.*)$/s.exec(t)!;
  let body = m[2]!;
  if (base === 0) {
    if (/^0[xX][0-9a-fA-F]/.test(body)) [base, body] = [16, body.slice(2)];
    else if (/^0/.test(body)) base = 8;
    else base = 10;
  }
  const digits = base === 2 ? /^[01]+$/ : base === 8 ? /^[0-7]+$/ : base === 16 ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/;
  if (!digits.test(body)) return undefined;
  const n = (m[1] === '-' ? -1 : 1) * parseInt(body, base);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : undefined;
}

/** parse_errno(): a name, or 0-4095; 'bad' when neither. */
export function parseErrno(v: string): number | 'bad' {
  if (ERRNO_NAMES.has(v.toUpperCase())) return 1;
  const n = safeAtoi(v);
  return n !== undefined && n >= 0 && n <= 4095 ? n : 'bad';
}

/** The words of a value as extract_first_word() gives them; 'error' for a bad escape or quote. */
function splitWords(v: string, unquote: boolean): string[] | 'error' {
  const out: string[] = [];
  let pos: number | undefined = 0;
  while (pos !== undefined) {
    const r = extractFirstWord(v, pos, { unquote });
    if (r === 'error') return 'error';
    if (r === null) break;
    out.push(r.word);
    pos = r.next;
  }
  return out;
}

/** seccomp_parse_syscall_filter()'s complaint about one name, if any. */
function syscallNameProblem(name: string): string | undefined {
  if (name.startsWith('@')) return syscallFilterSetFind(name) ? undefined : `Unknown system call group, ignoring: ${name}`;
  return syscallResolvable(name) ? undefined : `Failed to parse system call, ignoring: ${name}`;
}

/** SystemCallFilter=: "~" makes a deny list, whose words may end in ":ERRNO" or ":kill". */
const syscallFilter: Check = (v) => {
  if (v === '') return ok;
  const invert = v.startsWith('~');
  const list = splitWords(invert ? v.slice(1) : v, false);
  if (list === 'error') return warn(`Invalid syntax, ignoring: ${invert ? v.slice(1) : v}`);
  const out: string[] = [];
  for (const w of list) {
    const colon = w.indexOf(':');
    const name = colon < 0 ? w : w.slice(0, colon);
    const errno = colon < 0 ? -1 : w.slice(colon + 1) === 'kill' ? 0 : parseErrno(w.slice(colon + 1));
    if (errno === 'bad' || name === '') out.push(`Failed to parse syscall:errno, ignoring: ${w}`);
    else if (!invert && errno >= 0) out.push(`Allow-listed system calls cannot take error number, ignoring: ${w}`);
    else {
      const e = syscallNameProblem(name);
      if (e) out.push(e);
    }
  }
  return some(out);
};

/** SystemCallLog=: names and groups only ("~" first inverts). */
const syscallLog: Check = (v) => {
  if (v === '') return ok;
  const rest = v.startsWith('~') ? v.slice(1) : v;
  const list = splitWords(rest, false);
  if (list === 'error') return warn(`Invalid syntax, ignoring: ${rest}`);
  return some(list.map(syscallNameProblem).filter((e): e is string => e !== undefined));
};

/** SystemCallErrorNumber=: "kill" (or empty), an errno name, or 1-4095. */
const syscallErrno: Check = (v) => {
  if (v === '' || v === 'kill') return ok;
  const e = parseErrno(v);
  if (e === 'bad') return warn(`Failed to parse error number, ignoring: ${v}`);
  return e === 0 ? warn(`Invalid error number, ignoring: ${v}`) : ok;
};

/** The file system groups of filesystems.c (only "@" names are checked). */
const FILESYSTEM_GROUPS = new Set('@basic-api @anonymous @application @auxiliary-api @common-block @historical-block @network @privileged-api @security @temporary @known'.split(' '));
/** RestrictFileSystems=: file system types, "@" groups of them, "~" first inverts. */
const restrictFileSystems: Check = (v, key) => {
  if (v === '') return ok;
  const rest = v.startsWith('~') ? v.slice(1) : v;
  const out: string[] = [];
  let pos: number | undefined = 0;
  while (pos !== undefined) {
    const r = extractFirstWord(rest, pos, { unquote: true });
    if (r === null) break;
    if (r === 'error') {
      out.push(`Trailing garbage in ${key}, ignoring: ${rest}`);
      break;
    }
    if (r.word.startsWith('@') && !FILESYSTEM_GROUPS.has(r.word)) out.push(`bpf-lsm: Unknown filesystem group, ignoring: ${r.word}`);
    pos = r.next;
  }
  return some(out);
};

export const SECCOMP_CHECKS: Record<string, Check> = {
  SystemCallFilter: syscallFilter,
  SystemCallLog: syscallLog,
  SystemCallErrorNumber: syscallErrno,
  RestrictFileSystems: restrictFileSystems,
};
