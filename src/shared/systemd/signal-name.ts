// signal_from_string() of src/basic/signal-util.c, as unit files use it (KillSignal= ...): a
// number 1-64, or a name in capitals with or without "SIG" ("TERM", "SIGTERM"), or a real-time
// signal counted from either end ("RTMIN+2", "SIGRTMAX-1").

const NAMES = ('HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP '
  + 'TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO PWR SYS').split(' ');
const RTMIN = 34;
const RTMAX = 64;

/** safe_atoi(): strtol() over the whole string (blanks and a sign may come first). */
function wholeInt(s: string): number | undefined {
  return /^[ \t\n\v\f\r]*[+-]?\d+$/.test(s) ? Number(s.trim()) : undefined;
}

/** The signal's number, or undefined where systemd fails (EINVAL, ERANGE). */
export function signalFromString(text: string): number | undefined {
  const n = wholeInt(text);
  if (n !== undefined) return n >= 1 && n <= RTMAX ? n : undefined;
  const s = text.startsWith('SIG') ? text.slice(3) : text;
  const k = NAMES.indexOf(s);
  if (k >= 0) return k + 1;
  for (const [prefix, base, sign] of [['RTMIN', RTMIN, '+'], ['RTMAX', RTMAX, '-']] as const) {
    if (!s.startsWith(prefix)) continue;
    const rest = s.slice(prefix.length);
    if (rest === '') return base;
    if (rest[0] !== sign) return undefined;
    const off = wholeInt(rest);
    if (off === undefined || Math.abs(off) > RTMAX - RTMIN || (sign === '+' ? off < 0 : off > 0)) return undefined;
    return base + off;
  }
  return undefined;
}

/** signal_to_string() for 0 to 64, as `systemctl --signal=help` lists them. */
export function signalTable(): string[] {
  const out = ['0', ...NAMES, '32', '33'];
  for (let k = 0; k <= RTMAX - RTMIN; k++) out.push(`RTMIN+${k}`);
  return out;
}
