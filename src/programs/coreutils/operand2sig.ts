// coreutils operand2sig: a signal named by number (an exit status like 130 means the signal
// that caused it), by name in any case, with or without SIG; names as glibc's sig2str gives them.
import { SIGNALS, signalName, SIGRTMAX, SIGRTMIN } from '../../shared/signals';

/** sig2str: 'INT', 'RTMIN+2', 'RTMAX' ...; undefined for numbers glibc keeps for itself (32, 33). */
export function sig2str(sig: number): string | undefined {
  if (sig === 0) return 'EXIT';
  // glibc lists 29 as POLL before its other name, IO
  if (sig === 29) return 'POLL';
  const name = signalName(sig);
  if (name) return name.slice(3);
  if (sig < SIGRTMIN || sig > SIGRTMAX) return undefined;
  if (sig === SIGRTMIN) return 'RTMIN';
  if (sig === SIGRTMAX) return 'RTMAX';
  return sig <= (SIGRTMIN + SIGRTMAX) >> 1 ? `RTMIN+${sig - SIGRTMIN}` : `RTMAX-${SIGRTMAX - sig}`;
}

function str2sig(name: string): number | undefined {
  if (name === 'EXIT') return 0;
  if (name === 'POLL') return 29;
  const n = SIGNALS[`SIG${name}` as keyof typeof SIGNALS];
  if (n !== undefined) return n;
  const m = /^RT(MIN|MAX)(?:([+-])(\d+))?$/.exec(name);
  if (!m) return undefined;
  const off = m[2] ? Number(m[3]) : 0;
  if (m[1] === 'MIN' && m[2] !== '-' && SIGRTMIN + off <= SIGRTMAX) return SIGRTMIN + off;
  if (m[1] === 'MAX' && m[2] !== '+' && SIGRTMAX - off >= SIGRTMIN) return SIGRTMAX - off;
  return undefined;
}

/** The signal number, or undefined when the operand names none (the caller says "invalid signal"). */
export function operand2sig(operand: string): number | undefined {
  let sig: number | undefined;
  if (/^\d/.test(operand)) {
    if (!/^\d+$/.test(operand) || operand.length > 10 || Number(operand) > 0x7fffffff) return undefined;
    const i = Number(operand);
    // WIFSIGNALED / WTERMSIG of a wait status
    sig = ((i & 0x7f) + 1) >> 1 > 0 ? i & 0x7f : i;
  } else {
    const up = operand.replace(/[a-z]/g, (c) => c.toUpperCase());
    sig = str2sig(up) ?? (up.startsWith('SIG') ? str2sig(up.slice(3)) : undefined);
  }
  return sig === undefined || sig2str(sig) === undefined ? undefined : sig;
}
