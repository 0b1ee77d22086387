// Reading and writing files with vim's messages (fileio.c readfile(), bufwrite.c
// buf_write()): `"f" 3L, 45B`, `"f" [New]`, `"f" [readonly] ...`, `"f" [noeol][dos] ...`,
// `"f" [Permission Denied]`, `"f" is a directory`; `"f" 3L, 45B written`, E212, E45,
// E505, E13, E32, E502. A file is read-only for vim when no write bit is set or the user
// may not write it (access(W_OK)), as on Linux.
import { isSysError } from '../../shared/errno';
import { TextBuffer } from './buffer';
import type { Editor } from './editor';
import { utf8Length } from './text';

const W_OK = 2;
const decoder = new TextDecoder();

export interface Loaded {
  buf: TextBuffer;
  readonly: boolean;
  dos: boolean;
  message: string;
  /** The file could not be read (directory, permission): :w would need care. */
  failed?: boolean;
}

const quoted = (name: string): string => `"${name}"`;

/** Shortens a file message that does not fit before the ruler, as 't' in 'shortmess' does. */
export function fitFileMessage(ed: Editor, text: string): string {
  const room = ed.cols - 19;
  if (text.length <= room || room < 10) return text;
  return `<${text.slice(text.length - room + 1)}`;
}

async function dirExists(ed: Editor, name: string): Promise<boolean> {
  const slash = name.lastIndexOf('/');
  if (slash < 0) return true;
  try {
    return (await ed.sys.stat(name.slice(0, slash) || '/')).kind === 'dir';
  } catch {
    return false;
  }
}

/** Splits file bytes into lines: a final newline ends the last line, CR LF everywhere is dos. */
export function splitText(text: string): { lines: string[]; noeol: boolean; dos: boolean } {
  if (text === '') return { lines: [], noeol: false, dos: false };
  const noeol = !text.endsWith('\n');
  const lines = text.split('\n');
  if (!noeol) lines.pop();
  const dos = lines.length > 0 && lines.every((l, i) => l.endsWith('\r') || (noeol && i === lines.length - 1 && l === ''));
  return { lines: dos ? lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)) : lines, noeol, dos };
}

export async function loadFile(ed: Editor, name: string, forceReadonly: boolean): Promise<Loaded> {
  const sys = ed.sys;
  const now = (): number => sys.now();
  const empty = (message: string, readonly = forceReadonly, failed = false): Loaded => ({ buf: new TextBuffer([], true, now), readonly, dos: false, message, failed });
  let st;
  try {
    st = await sys.stat(name);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno === 'ENOENT') return empty(`${quoted(name)} ${(await dirExists(ed, name)) ? '[New]' : '[New DIRECTORY]'}`);
    if (e.errno === 'EACCES') return empty(`${quoted(name)} [Permission Denied]`, true, true);
    return empty(`${quoted(name)} [Permission Denied]`, true, true);
  }
  if (st.kind === 'dir') return empty(`${quoted(name)} is a directory`, forceReadonly, true);
  let bytes: Uint8Array;
  try {
    bytes = await sys.readFile(name);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return empty(`${quoted(name)} [Permission Denied]`, true, true);
  }
  const { lines, noeol, dos } = splitText(decoder.decode(bytes));
  let writable = (st.mode & 0o222) !== 0;
  if (writable) {
    try {
      await sys.access(name, W_OK);
    } catch {
      writable = false;
    }
  }
  const readonly = forceReadonly || !writable;
  let flags = '';
  if (st.kind === 'fifo') flags += '[fifo]';
  if (st.kind === 'socket') flags += '[socket]';
  if (st.kind === 'chardev') flags += '[character special]';
  if (readonly) flags += '[readonly]';
  if (noeol) flags += '[noeol]';
  if (dos) flags += '[dos]';
  const message = `${quoted(name)} ${flags}${flags ? ' ' : ''}${lines.length}L, ${bytes.length}B`;
  return { buf: new TextBuffer(lines, lines.length === 0, now), readonly, dos, message };
}

export interface WriteSpec {
  /** File to write; the buffer's own name when undefined. */
  name: string | undefined;
  force: boolean;
  append?: boolean;
  /** 0-based inclusive line range; the whole buffer when undefined. */
  range?: [number, number];
}

/** Writes (part of) the buffer; returns false after showing vim's error. */
export async function writeFile(ed: Editor, spec: WriteSpec): Promise<boolean> {
  const sys = ed.sys;
  const name = spec.name ?? ed.name;
  if (!name) {
    ed.error('E32: No file name');
    return false;
  }
  const own = spec.name === undefined || spec.name === ed.name;
  const whole = !spec.range || (spec.range[0] === 0 && spec.range[1] === ed.buf.lineCount - 1);
  if (own && !whole && !spec.force && !spec.append) {
    ed.error('E140: Use ! to write partial buffer');
    return false;
  }
  let st;
  try {
    st = await sys.stat(name);
  } catch {
    st = undefined;
  }
  if (own && !spec.force) {
    if (ed.opts.readonly) {
      ed.error("E45: 'readonly' option is set (add ! to override)");
      return false;
    }
    if (st && st.kind !== 'dir') {
      let ro = false;
      try {
        await sys.access(name, W_OK);
      } catch {
        ro = true;
      }
      if (ro) {
        ed.error(`E505: ${quoted(name)} is read-only (add ! to override)`);
        return false;
      }
    }
  }
  if (st?.kind === 'dir') {
    ed.error(`E502: ${quoted(name)} is a directory`);
    return false;
  }
  if (!own && st && !spec.force && !spec.append) {
    ed.error('E13: File exists (add ! to override)');
    return false;
  }
  const [from, to] = spec.range ?? [0, ed.buf.lineCount - 1];
  let text = ed.buf.empty ? '' : ed.buf.text(from, to);
  if (ed.opts.fileformat === 'dos') text = text.replace(/\n/g, '\r\n');
  const lineCount = ed.buf.empty ? 0 : to - from + 1;
  try {
    await writeBytes(ed, name, text, !!spec.append, spec.force, st?.mode);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno === 'ENOSPC') ed.error(`E514: Write error (file system full?)`);
    else ed.error(`${quoted(name)} E212: Can't open file for writing`);
    return false;
  }
  const isNew = !st;
  const flags = `${isNew ? '[New]' : ''}${ed.opts.fileformat === 'dos' ? '[dos]' : ''}`;
  const msg = `${quoted(name)} ${flags}${flags ? ' ' : ''}${lineCount}L, ${utf8Length(text)}B ${spec.append ? 'appended' : 'written'}`;
  ed.message(fitFileMessage(ed, msg));
  if (own && whole && !spec.append) {
    ed.buf.markSaved();
    if (spec.force) ed.opts.readonly = false;
  }
  if (!ed.name && spec.name) {
    ed.name = spec.name;
    ed.regs.readOnly['%'] = spec.name;
    if (whole) ed.buf.markSaved();
  }
  return true;
}

async function writeBytes(ed: Editor, name: string, text: string, append: boolean, force: boolean, mode: number | undefined): Promise<void> {
  const sys = ed.sys;
  try {
    await sys.writeFile(name, text, append ? { append: true } : mode === undefined ? { mode: 0o666 } : {});
  } catch (e) {
    // ":w!" on the owner's read-only file: make it writable, write, and put the mode back
    if (!force || !isSysError(e) || e.errno !== 'EACCES' || mode === undefined) throw e;
    await sys.chmod(name, (mode & 0o7777) | 0o200);
    await sys.writeFile(name, text, append ? { append: true } : {});
    await sys.chmod(name, mode & 0o7777);
  }
}
