// What /var/run/utmp would hold, derived from the machine's state: the kernel keeps no
// utmp file, so the boot record comes from the uptime, the run level is Photon's default
// (multi-user.target = 3), and each login session is a session leader whose argv[0] starts
// with '-' (how login(1) starts a shell) on a terminal.
import type { Sys } from '../../shared/sys';
import { Accounts } from './accounts';

export type UtmpKind = 'boot' | 'runlevel' | 'user';

export interface UtmpEntry {
  kind: UtmpKind;
  user: string;
  /** Terminal name without /dev/ (tty1, pts/0). */
  line: string;
  /** Milliseconds since the epoch. */
  time: number;
  pid: number;
  host: string;
}

export async function readUtmp(sys: Sys): Promise<UtmpEntry[]> {
  const boot = sys.now() - sys.uptime();
  const out: UtmpEntry[] = [
    { kind: 'boot', user: 'reboot', line: '~', time: boot, pid: 0, host: '' },
    { kind: 'runlevel', user: 'runlevel', line: '~', time: boot, pid: '3'.charCodeAt(0), host: '' },
  ];
  const acc = await Accounts.load(sys);
  const sessions = sys.processes().filter((p) => p.pid === p.sid && p.tty !== undefined && p.state !== 'Z' && (p.argv[0] ?? '').startsWith('-'));
  sessions.sort((a, b) => a.startTime - b.startTime);
  for (const p of sessions) {
    out.push({ kind: 'user', user: acc.userName(p.uid) ?? String(p.uid), line: p.tty!.replace(/^\/dev\//, ''), time: p.startTime, pid: p.pid, host: '' });
  }
  return out;
}

/** hard_locale(LC_TIME): any locale but C/POSIX switches who to ISO dates. */
export function hardTimeLocale(env: Map<string, string>): boolean {
  const v = env.get('LC_ALL') || env.get('LC_TIME') || env.get('LANG') || '';
  return v !== '' && v !== 'C' && v !== 'POSIX';
}
