// The -l line (coreutils print_long_format): inode, blocks, mode, links, owner, group,
// size or device numbers, time, name, "-> target", each column padded to the widths the
// whole directory needs.
import type { Accounts } from '../../lib/accounts';
import { humanReadable } from '../../lib/human';
import { modeString } from '../../lib/mode-string';
import { strftime } from '../../lib/strftime';
import type { TimeZone } from '../../lib/tz';
import type { Entry, Widths } from './entry';
import type { Names } from './names';
import type { LsConfig } from './options';

/** Half of an average Gregorian year, in ms: older (or future) files show the year. */
const SIX_MONTHS_MS = (31556952 / 2) * 1000;

const TYPE_LETTER: Record<Entry['type'], string> = {
  unknown: '?', fifo: 'p', chardev: 'c', dir: 'd', blockdev: 'b', file: '-', symlink: 'l', socket: 's', 'arg-dir': 'd',
};

export class LongFormat {
  /** The clock ls compares times with; moved forward when a file is newer than it. */
  private now: number;

  constructor(
    private readonly c: LsConfig,
    private readonly names: Names,
    private readonly acc: Accounts,
    private readonly clock: () => number,
    private readonly tz?: TimeZone,
  ) {
    this.now = clock();
  }

  blocksText(e: Entry): string {
    if (!e.st) return '?';
    return humanReadable(e.st.blocks, 512, this.c.blockSize, this.c.blockHuman);
  }

  sizeText(size: number): string {
    return humanReadable(size, 1, this.c.fileBlockSize, this.c.human);
  }

  /** The name to show, or undefined when the number is shown (-n, or no such user). */
  private userName(uid: number): string | undefined {
    return this.c.numeric ? undefined : this.acc.userName(uid);
  }

  private groupName(gid: number): string | undefined {
    return this.c.numeric ? undefined : this.acc.groupName(gid);
  }

  userText(uid: number): string {
    return this.userName(uid) ?? String(uid);
  }

  groupText(gid: number): string {
    return this.groupName(gid) ?? String(gid);
  }

  /** Folds an entry into the directory's column widths (the gobble_file bookkeeping). */
  measure(e: Entry, w: Widths): void {
    const st = e.st;
    if (!st) return;
    if (this.c.format === 'long' || this.c.blocks) w.blocks = Math.max(w.blocks, this.blocksText(e).length);
    if (this.c.format === 'long') {
      if (this.c.owner) w.owner = Math.max(w.owner, this.userText(st.uid).length);
      if (this.c.group) w.group = Math.max(w.group, this.groupText(st.gid).length);
      if (this.c.author) w.author = Math.max(w.author, this.userText(st.uid).length);
      w.nlink = Math.max(w.nlink, String(st.nlink).length);
      if ((st.kind === 'chardev' || st.kind === 'blockdev') && st.rdev) {
        w.major = Math.max(w.major, String(st.rdev[0]).length);
        w.minor = Math.max(w.minor, String(st.rdev[1]).length);
        w.size = Math.max(w.size, w.major + 2 + w.minor);
      } else {
        w.size = Math.max(w.size, this.sizeText(st.size).length);
      }
    }
  }

  private timeText(e: Entry): string {
    const st = e.st;
    // an unknown time is a '?' as wide as the epoch would be
    if (!st) return '?'.padStart(strftime(this.c.timeFormats[0], 0).length);
    const when = this.c.time === 'atime' ? st.atime : this.c.time === 'mtime' ? st.mtime : st.ctime;
    if (when > this.now) this.now = this.clock();
    // times equal to "now" count as recent: the virtual clock has millisecond steps
    const recent = this.now - SIX_MONTHS_MS < when && when <= this.now;
    return strftime(this.c.timeFormats[recent ? 1 : 0]!, when, undefined, this.tz);
  }

  /** format_user_or_group: a name is left-aligned, a number right-aligned. */
  private owner(name: string | undefined, id: number, width: number): string {
    return name === undefined ? `${String(id).padStart(width)} ` : `${name.padEnd(width)} `;
  }

  line(e: Entry, w: Widths, someQuoted: boolean): string {
    return this.lineParts(e, w, someQuoted).text;
  }

  /** The line and where the entry's name (without " -> target" or indicator) lies in it. */
  lineParts(e: Entry, w: Widths, someQuoted: boolean): { text: string; nameStart: number; nameEnd: number } {
    const st = e.st;
    let p = '';
    if (this.c.inode) p += `${(st ? String(st.ino) : '?').padStart(w.inode)} `;
    if (this.c.blocks) p += `${this.blocksText(e).padStart(w.blocks)} `;
    const mode = st ? modeString(st.mode) : `${TYPE_LETTER[e.type]}?????????`;
    p += `${mode}${w.acl ? (e.acl ? '+' : ' ') : ''} ${(st ? String(st.nlink) : '?').padStart(w.nlink)} `;
    if (this.c.owner) p += st ? this.owner(this.userName(st.uid), st.uid, w.owner) : `${'?'.padEnd(w.owner)} `;
    if (this.c.group) p += st ? this.owner(this.groupName(st.gid), st.gid, w.group) : `${'?'.padEnd(w.group)} `;
    if (this.c.author) p += st ? this.owner(this.userName(st.uid), st.uid, w.author) : `${'?'.padEnd(w.author)} `;
    if (this.c.context) p += '? ';
    if (st && (st.kind === 'chardev' || st.kind === 'blockdev') && st.rdev) {
      const blanks = w.size - (w.major + 2 + w.minor);
      p += `${String(st.rdev[0]).padStart(w.major + Math.max(0, blanks))}, ${String(st.rdev[1]).padStart(w.minor)} `;
    } else {
      p += `${(st ? this.sizeText(st.size) : '?').padStart(w.size)} `;
    }
    p += `${this.timeText(e)} `;
    const col = p.length;
    const name = this.names.render(e, false, someQuoted, col);
    let out = this.names.normal() + p;
    // the blank that lines up unquoted names with quoted ones is not part of the name
    const nameStart = out.length + (someQuoted && name.text.startsWith(' ') ? 1 : 0);
    out += name.text;
    const nameEnd = out.length;
    if (e.type === 'symlink') {
      if (e.linkName !== undefined) {
        out += ' -> ';
        out += this.names.render(e, true, someQuoted, col + name.width + 4).text;
        if (this.c.indicator !== 'none') out += this.names.indicator(true, e.linkMode, 'unknown');
      }
    } else {
      out += this.names.entryIndicator(e);
    }
    return { text: out, nameStart, nameEnd };
  }
}
