// syslog(3) for programs: a message to journald (the 'journal' service) with an identifier,
// a priority and a facility. Logging never fails the program.
import type { JournalRequest } from '../../shared/services/journal';
import type { Sys } from '../../shared/sys';

export const LOG_AUTHPRIV = 10;
export const LOG_AUTH = 4;
export const LOG_USER = 1;

export async function syslog(sys: Sys, identifier: string, priority: number, message: string, facility = LOG_AUTHPRIV): Promise<void> {
  const req: JournalRequest = { kind: 'append', entries: [{ identifier, priority, message, facility, transport: 'syslog' }] };
  try {
    await sys.call('journal', req);
  } catch {
    // no journal (a machine without journald): nothing is logged
  }
}

/** The terminal name sudo and su log (tty1, pts/0), or "unknown". */
export function ttyOf(sys: Sys): string {
  const t = sys.ttyname(0) ?? sys.ttyname(1) ?? sys.ttyname(2);
  return t ? t.replace(/^\/dev\//, '') : 'unknown';
}
