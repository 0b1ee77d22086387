// Reading an archive member by member (GNU long-name members folded in, damaged headers
// skipped with "Skipping to next header", the end at two zero blocks), and the listing line
// of -tv: mode, owner/group, size, date, name, and where a link points.
import { modeString } from '../lib/mode-string';
import { localtime, UTC, type TimeZone } from '../lib/tz';
import type { ArchiveReader } from './archive';
import { BLOCK, bytesName, checksumOk, decodeHeader, isZeroBlock, type Member } from './header';
import { safeName } from './names';
import { qn, type Tar } from './state';

const TYPE_BITS: Record<string, number> = {
  '5': 0o040000, '2': 0o120000, '3': 0o020000, '4': 0o060000, '6': 0o010000, '0': 0o100000, '1': 0o100000, '7': 0o100000,
};

const LETTERS: Record<string, string> = { '1': 'h', S: 'S', V: 'V', M: 'M', N: 'N', D: 'd', K: 'K', L: 'L' };

/** The mode column: the type letter from the header's type, then the permission bits. */
export function memberModeString(m: Member): string {
  const s = modeString((TYPE_BITS[m.type] ?? 0o100000) | (m.mode & 0o7777));
  const letter = LETTERS[m.type];
  return letter ? letter + s.slice(1) : s;
}

/** A time as listings show it (with seconds under --full-time, or when `full`). */
export function formatDate(tar: Tar, seconds: number, full = tar.o.fullTime): string {
  const tz: TimeZone = tar.o.utc ? UTC : tar.tz;
  const t = localtime(seconds, tz);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const hm = `${p(t.hour)}:${p(t.min)}${full ? `:${p(t.sec)}` : ''}`;
  return `${t.year < 0 ? '-' : ''}${p(Math.abs(t.year), 4)}-${p(t.mon + 1)}-${p(t.mday)} ${hm}`;
}

/** The long listing line of a member (-tv, -xvv, -cvv); `link` is the link target as shown. */
export function longLine(tar: Tar, m: Member, name: string, link: string): string {
  const user = tar.o.numericOwner || !m.uname ? String(m.uid) : m.uname;
  const group = tar.o.numericOwner || !m.gname ? String(m.gid) : m.gname;
  const size = m.type === '3' || m.type === '4' ? `${m.devmajor},${m.devminor}` : String(m.type === '1' ? 0 : m.size);
  const used = user.length + 1 + group.length + 1 + size.length;
  if (used > tar.ugsWidth) tar.ugsWidth = used;
  let line = `${memberModeString(m)} ${user}/${group} ${size.padStart(tar.ugsWidth - user.length - group.length - 2)} ${formatDate(tar, m.mtime)} ${qn(name)}`;
  if (m.type === '2') line += ` -> ${qn(link)}`;
  else if (m.type === '1') line += ` link to ${qn(link)}`;
  return `${line}\n`;
}

/** The short line of -v: the name (directories end in "/"). */
export function shortLine(name: string): string {
  return `${qn(name)}\n`;
}

/** One member as read: its header, its full name and link (after ././@LongLink), data unread. */
export interface Entry {
  m: Member;
  name: string;
  link: string;
  /** The block its first header is in (a long name's header comes before the member's own). */
  start?: number;
}

export type Visitor = (e: Entry) => Promise<void>;

async function readLong(tar: Tar, r: ArchiveReader, size: number): Promise<string> {
  const parts: Uint8Array[] = [];
  if (!(await r.data(size, async (c) => void parts.push(c)))) await tar.fatal('Unexpected EOF in archive');
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const nul = all.indexOf(0);
  return bytesName(nul < 0 ? all : all.subarray(0, nul));
}

/** Pax extended header records ("len key=value\n") that name a member. */
function paxRecords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/\d+ ([^=]+)=([^\n]*)\n/g)) out.set(m[1]!, m[2]!);
  return out;
}

/**
 * Calls `visit` for each member; it must consume (or skip) the member's data. Returns where
 * the archive ends (the end marker, or the end of what could be read), for -r. A short
 * first block is "not a tar archive", except under a decompressor or when appending.
 */
export async function readArchive(tar: Tar, r: ArchiveReader, how: { compressed: boolean; appending: boolean }, visit: Visitor): Promise<number> {
  let skipping = false;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Map<string, string> | undefined;
  let start = 0;
  for (;;) {
    await tar.tick();
    const at = r.blockNo;
    if (longName === undefined && longLink === undefined && pax === undefined) start = at;
    const b = await r.block();
    if (b === null || b.length < BLOCK) {
      if (at === 0 && !how.compressed && !how.appending) await tar.error('This does not look like a tar archive');
      return at * BLOCK + (b?.length ?? 0);
    }
    if (isZeroBlock(b)) {
      if (tar.o.ignoreZeros) continue;
      const next = await r.block();
      if (next !== null && next.length === BLOCK && isZeroBlock(next)) return at * BLOCK;
      if (!how.appending) await tar.warn(`A lone zero block at ${at + 1}`);
      return at * BLOCK;
    }
    if (!checksumOk(b)) {
      if (at === 0) await tar.error('This does not look like a tar archive');
      if (!skipping) await tar.error('Skipping to next header');
      skipping = true;
      continue;
    }
    skipping = false;
    const m = decodeHeader(b);
    if (m.type === 'L' || m.type === 'K') {
      const text = await readLong(tar, r, m.size);
      if (m.type === 'L') longName = text;
      else longLink = text;
      continue;
    }
    if (m.type === 'x' || m.type === 'g') {
      const text = await readLong(tar, r, m.size);
      if (m.type === 'x') pax = paxRecords(text);
      continue;
    }
    const name = pax?.get('path') ?? longName ?? m.name;
    const link = pax?.get('linkpath') ?? longLink ?? m.linkname;
    if (pax?.has('size')) m.size = Number(pax.get('size'));
    if (pax?.has('mtime')) m.mtime = Math.floor(Number(pax.get('mtime')));
    longName = longLink = pax = undefined;
    await visit({ m, name, link, start });
  }
}

/** Skips a member's data; an archive that ends first is fatal. */
export async function skipData(tar: Tar, r: ArchiveReader, m: Member): Promise<void> {
  if (!hasData(m)) return;
  if (!(await r.data(m.size))) await tar.fatal('Unexpected EOF in archive');
}

export function hasData(m: Member): boolean {
  return m.type !== '1' && m.type !== '2' && m.type !== '5' && m.type !== '3' && m.type !== '4' && m.type !== '6';
}

/** The link target as listings show it: a hard link's with its unsafe prefix removed. */
export async function shownLink(tar: Tar, e: Entry): Promise<string> {
  return e.m.type === '1' ? safeName(tar, e.link, 'hard link targets') : e.link;
}
