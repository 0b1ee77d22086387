// Requests to journald (the 'journal' service) and the entries it keeps. An entry carries the
// trusted fields journald adds itself (pid, uid, comm, unit, boot) beside what the sender said.

export type Transport = 'kernel' | 'driver' | 'journal' | 'stdout' | 'syslog' | 'audit';

export interface JournalEntry {
  /** Sequence number: the cursor. */
  seq: number;
  /** Wall-clock time in microseconds since the epoch. */
  realtime: number;
  /** Microseconds since this boot started. */
  monotonic: number;
  bootId: string;
  hostname: string;
  transport: Transport;
  /** syslog priority 0 (emerg) .. 7 (debug). */
  priority: number;
  /** syslog facility number (0 kern, 1 user, 3 daemon, 4 auth, 10 authpriv, ...). */
  facility: number;
  identifier: string;
  message: string;
  pid?: number;
  uid?: number;
  gid?: number;
  comm?: string;
  exe?: string;
  cmdline?: string;
  /** The system unit the sender belongs to (_SYSTEMD_UNIT). */
  unit?: string;
  /** The unit a message from systemd itself is about (UNIT=). */
  aboutUnit?: string;
  /** MESSAGE_ID of catalogued messages (journalctl -x explains them). */
  messageId?: string;
  /** Other fields the sender gave (KEY=value). */
  fields?: Record<string, string>;
}

/** What a sender supplies; journald fills in the rest. */
export type JournalSubmit = Omit<JournalEntry, 'seq' | 'realtime' | 'monotonic' | 'bootId' | 'hostname' | 'transport' | 'facility'> & {
  transport?: Transport;
  facility?: number;
};

export interface JournalQuery {
  /** Only these boots (ids); all when absent. */
  boots?: string[];
  /** Entries whose unit or aboutUnit is one of these. */
  units?: string[];
  identifiers?: string[];
  /** Highest priority number to include (-p err = 3), or a range. */
  priorityMin?: number;
  priorityMax?: number;
  kernelOnly?: boolean;
  since?: number;
  until?: number;
  /** Only entries after this cursor. */
  afterSeq?: number;
  /**
   * FIELD=VALUE matches as journalctl takes them: values of one field are alternatives, different
   * fields must all match, and a ['+', ''] item starts another group any of which may match.
   */
  matches?: [string, string][];
  /** The last N entries of the match. */
  tail?: number;
}

export type JournalRequest =
  | { kind: 'append'; entries: JournalSubmit[] }
  | { kind: 'query'; query: JournalQuery }
  | { kind: 'wait'; afterSeq: number }
  | { kind: 'boots' }
  | { kind: 'usage' }
  | { kind: 'rotate' }
  | { kind: 'vacuum'; keepBytes?: number };

export interface JournalBoot {
  id: string;
  first: number;
  last: number;
}

export type JournalReply =
  | { kind: 'ok' }
  | { kind: 'entries'; entries: JournalEntry[]; limited: boolean; lastSeq: number }
  | { kind: 'boots'; boots: JournalBoot[] }
  | { kind: 'usage'; bytes: number }
  | { kind: 'error'; errno: string };

/** A journal field by its journalctl name, for FIELD=value matches. */
export function fieldOf(e: JournalEntry, name: string): string | undefined {
  switch (name) {
    case 'MESSAGE': return e.message;
    case 'PRIORITY': return String(e.priority);
    case 'SYSLOG_IDENTIFIER': return e.identifier;
    case 'SYSLOG_FACILITY': return String(e.facility);
    case '_PID': return e.pid === undefined ? undefined : String(e.pid);
    case '_UID': return e.uid === undefined ? undefined : String(e.uid);
    case '_GID': return e.gid === undefined ? undefined : String(e.gid);
    case '_COMM': return e.comm;
    case '_EXE': return e.exe;
    case '_CMDLINE': return e.cmdline;
    case '_SYSTEMD_UNIT': return e.unit;
    case 'UNIT': return e.aboutUnit;
    case '_BOOT_ID': return e.bootId;
    case '_HOSTNAME': return e.hostname;
    case '_TRANSPORT': return e.transport;
    case 'MESSAGE_ID': return e.messageId;
    default: return e.fields?.[name];
  }
}
