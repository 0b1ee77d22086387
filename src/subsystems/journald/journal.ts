// journald's store: every entry of every boot. The journal is persistent on Photon
// (/var/log/journal -> /var/opt/journal/log), so one Journal outlives reboots of its machine;
// a boot only starts a new boot id. Readers outside the adm, wheel and systemd-journal groups see
// only their own entries, as with journald's per-user journal files.
import type { Caller } from '../../shared/sys';
import { fieldOf, type JournalBoot, type JournalEntry, type JournalQuery, type JournalReply, type JournalRequest, type JournalSubmit } from '../../shared/services/journal';

/** Groups whose members read the whole journal (the ACLs on Photon's journal files). */
const READER_GROUPS = new Set([16, 23, 28]);
/** Entries kept before the oldest are dropped (SystemMaxUse stand-in). */
const MAX_ENTRIES = 50_000;

export interface JournalClock {
  /** Wall-clock milliseconds. */
  now(): number;
  /** Milliseconds since boot. */
  uptime(): number;
}

/** The journal as plain data, for a saved machine. */
export interface JournalState {
  entries: JournalEntry[];
  boots: JournalBoot[];
  seq: number;
}

export class Journal {
  private readonly entries: JournalEntry[] = [];
  private readonly boots: JournalBoot[] = [];
  private seq = 0;
  private waiters: (() => void)[] = [];
  private clock: JournalClock | undefined;
  private hostname = () => 'localhost';
  bootId = '';
  /**
   * What journald reads about a sender from the kernel (_COMM, _EXE, _CMDLINE, the unit of its
   * cgroup): the machine sets it; without it, entries carry only what the sender gave.
   */
  origin: ((pid: number) => Pick<JournalEntry, 'comm' | 'exe' | 'cmdline' | 'unit'> | undefined) | undefined;

  /** Starts a new boot: later entries carry `bootId`. */
  startBoot(bootId: string, clock: JournalClock, hostname: () => string): void {
    this.bootId = bootId;
    this.clock = clock;
    this.hostname = hostname;
    this.boots.push({ id: bootId, first: clock.now() * 1000, last: clock.now() * 1000 });
  }

  append(e: JournalSubmit): JournalEntry {
    const now = this.clock?.now() ?? 0;
    const entry: JournalEntry = {
      ...e,
      seq: ++this.seq,
      // the clock counts milliseconds; the sequence keeps microseconds strictly increasing
      realtime: Math.floor(now) * 1000 + (this.seq % 1000),
      monotonic: Math.floor(this.clock?.uptime() ?? 0) * 1000 + (this.seq % 1000),
      bootId: this.bootId,
      hostname: this.hostname(),
      transport: e.transport ?? 'journal',
      facility: e.facility ?? 3,
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    const boot = this.boots[this.boots.length - 1];
    if (boot) boot.last = entry.realtime;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
    return entry;
  }

  /** Appends a message from systemd (pid 1) about a unit. */
  systemd(message: string, about?: string, priority = 6, messageId?: string): void {
    this.append({ identifier: 'systemd', pid: 1, uid: 0, gid: 0, comm: 'systemd', exe: '/usr/lib/systemd/systemd', unit: 'init.scope', message, priority, ...(about ? { aboutUnit: about } : {}), ...(messageId ? { messageId } : {}) });
  }

  kernel(message: string, priority = 6): void {
    this.append({ identifier: 'kernel', message, priority, transport: 'kernel', facility: 0 });
  }

  handle(caller: Caller, request: unknown): JournalReply | Promise<JournalReply> {
    const req = request as JournalRequest;
    switch (req.kind) {
      case 'append':
        for (const e of req.entries) {
          // trusted fields come from the caller, not the message (a program that stands for
          // another, as systemd-cat for the command it runs, names that one's command itself)
          this.append({ ...this.origin?.(caller.pid), ...e, pid: caller.pid, uid: caller.uid, gid: caller.gid });
        }
        return { kind: 'ok' };
      case 'query':
        return this.query(caller, req.query);
      case 'wait':
        if (this.seq > req.afterSeq) return { kind: 'ok' };
        return new Promise((resolve) => this.waiters.push(() => resolve({ kind: 'ok' })));
      case 'boots':
        return { kind: 'boots', boots: this.boots.map((b) => ({ ...b })) };
      case 'usage':
        return { kind: 'usage', bytes: this.diskUsage() };
      case 'rotate':
        return { kind: 'ok' };
      case 'vacuum':
        if (caller.euid !== 0) return { kind: 'error', errno: 'EACCES' };
        if (req.keepBytes !== undefined) {
          while (this.entries.length > 0 && this.diskUsage() > req.keepBytes) this.entries.shift();
        }
        return { kind: 'ok' };
      default:
        return { kind: 'error', errno: 'EINVAL' };
    }
  }

  private query(caller: Caller, q: JournalQuery): JournalReply {
    const limited = caller.euid !== 0 && !caller.groups.some((g) => READER_GROUPS.has(g)) && !READER_GROUPS.has(caller.egid);
    const units = q.units ? new Set(q.units) : undefined;
    const idents = q.identifiers ? new Set(q.identifiers) : undefined;
    const boots = q.boots ? new Set(q.boots) : undefined;
    let out = this.entries.filter((e) => {
      if (limited && e.uid !== caller.uid) return false;
      if (boots && !boots.has(e.bootId)) return false;
      if (q.afterSeq !== undefined && e.seq <= q.afterSeq) return false;
      if (units && !(units.has(e.unit ?? '') || units.has(e.aboutUnit ?? ''))) return false;
      if (idents && !idents.has(e.identifier)) return false;
      if (q.priorityMax !== undefined && e.priority > q.priorityMax) return false;
      if (q.priorityMin !== undefined && e.priority < q.priorityMin) return false;
      if (q.kernelOnly && e.transport !== 'kernel') return false;
      if (q.since !== undefined && e.realtime < q.since) return false;
      if (q.until !== undefined && e.realtime > q.until) return false;
      if (q.matches && !matchesGroups(q.matches, (k) => fieldOf(e, k))) return false;
      return true;
    });
    if (q.tail !== undefined) out = q.tail <= 0 ? [] : out.slice(-q.tail);
    return { kind: 'entries', entries: out, limited, lastSeq: this.seq };
  }

  private diskUsage(): number {
    // journal files grow in 8 MiB steps; the smallest pair of files is 16 MiB
    const bytes = this.entries.reduce((n, e) => n + 200 + e.message.length, 0);
    return Math.max(16, Math.ceil(bytes / (8 << 20)) * 8 + 8) << 20;
  }

  exportState(): JournalState {
    return { entries: this.entries.map((e) => ({ ...e })), boots: this.boots.map((b) => ({ ...b })), seq: this.seq };
  }

  /** Puts back a saved journal (before the boot that follows starts its own boot id). */
  importState(state: JournalState): void {
    this.entries.length = 0;
    this.entries.push(...state.entries.slice(-MAX_ENTRIES));
    this.boots.length = 0;
    this.boots.push(...state.boots);
    this.seq = state.seq;
  }

  view(): { boots: JournalBoot[]; entries: readonly JournalEntry[] } {
    return { boots: this.boots.map((b) => ({ ...b })), entries: this.entries };
  }
}

/**
 * sd-journal's matching: within a group the values given for one field are alternatives and
 * every field named must match; groups (split by '+') are alternatives.
 */
function matchesGroups(matches: readonly [string, string][], field: (name: string) => string | undefined): boolean {
  const groups: Map<string, Set<string>>[] = [new Map()];
  for (const [k, v] of matches) {
    if (k === '+') {
      groups.push(new Map());
      continue;
    }
    const g = groups[groups.length - 1]!;
    const values = g.get(k) ?? new Set<string>();
    values.add(v);
    g.set(k, values);
  }
  return groups.some((g) => g.size > 0 && [...g].every(([k, values]) => values.has(field(k) ?? '\0none')));
}
