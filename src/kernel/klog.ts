// The kernel's ring buffer (printk): the boot messages, then what the kernel logs while it
// runs (the OOM killer's report). dmesg reads it through /dev/kmsg; journald gets every
// record as the kernel transport.
import { bootLog } from '../shared/kmsg';

export interface KernelRecord {
  seq: number;
  /** Syslog level 0-7. */
  level: number;
  /** Syslog facility: 0 kern, 1 user (lines written to /dev/kmsg). */
  facility: number;
  /** Seconds since boot. */
  time: number;
  /** One message; a record of several lines keeps them (dmesg indents the rest). */
  text: string;
}

/** Records kept (the 128 KiB log_buf holds about this many of these lines). */
const CAPACITY = 2048;

export class KernelLog {
  private records: KernelRecord[] = [];
  private nextSeq = 0;
  readonly listeners = new Set<(r: KernelRecord) => void>();

  constructor(release: string, version: string, cmdline: string) {
    for (const [time, level, text] of bootLog(release, version, cmdline)) this.push(level, time, text);
  }

  /** printk at `level` (4 KERN_WARNING, 6 KERN_INFO, 3 KERN_ERR), `time` seconds after boot. */
  log(level: number, time: number, text: string, facility = 0): void {
    const r = this.push(level, time, text, facility);
    for (const l of [...this.listeners]) l(r);
  }

  /** Records from sequence number `from` on (what a reader of /dev/kmsg gets). */
  since(from = 0): KernelRecord[] {
    return this.records.filter((r) => r.seq >= from);
  }

  /** The sequence number the next record will have. */
  get next(): number {
    return this.nextSeq;
  }

  private push(level: number, time: number, text: string, facility = 0): KernelRecord {
    const r = { seq: this.nextSeq++, level, facility, time, text };
    this.records.push(r);
    if (this.records.length > CAPACITY) this.records.splice(0, this.records.length - CAPACITY);
    return r;
  }
}

/**
 * A record as /dev/kmsg gives it (Documentation/ABI/testing/dev-kmsg): "level,seq,usec,flag;"
 * then the text, a newline inside it and other non-printable bytes escaped as \xNN.
 */
export function kmsgLine(r: KernelRecord): string {
  const text = r.text.replace(/[\\\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `${r.facility * 8 + r.level},${r.seq},${Math.round(r.time * 1e6)},-;${text}\n`;
}
