// Reading a file into a buffer and writing a buffer out, with the messages nano gives
// (files.c open_buffer, open_file, read_file, write_file).
import { isSysError, strerror } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import { Buffer } from './buffer';

/** How loud a status-bar message is (nano's message_type): errors show in white on red. */
export type Importance = 'hush' | 'remark' | 'info' | 'ahem' | 'alert';

export interface Message {
  text: string;
  importance: Importance;
}

const decoder = new TextDecoder();
const W_OK = 2;

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many).replace('%zu', String(n));

/** Opens `name` for editing: its buffer (a new one when it cannot be read) and the message. */
export async function openBuffer(sys: Sys, name: string): Promise<{ buffer: Buffer; message?: Message }> {
  if (name === '') return { buffer: new Buffer() };
  let st;
  try {
    st = await sys.stat(name);
  } catch (e) {
    if (!isSysError(e)) throw e;
    const b = new Buffer();
    b.filename = name;
    return { buffer: b, message: { text: 'New File', importance: 'remark' } };
  }
  if (st.kind === 'dir') return { buffer: new Buffer(), message: { text: `"${name}" is a directory`, importance: 'alert' } };
  if (st.kind === 'chardev' || st.kind === 'blockdev') return { buffer: new Buffer(), message: { text: `"${name}" is a device file`, importance: 'alert' } };
  let data: Uint8Array;
  try {
    data = await sys.readFile(name);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { buffer: new Buffer(), message: { text: `Error reading ${name}: ${strerror(e.errno)}`, importance: 'alert' } };
  }
  const buffer = Buffer.fromText(decoder.decode(data));
  buffer.filename = name;
  let message: Message;
  // root may write anything, so nano warns when a file has no write permission at all
  if (sys.geteuid() === 0 && (st.mode & 0o222) === 0) message = { text: `${name} is meant to be read-only`, importance: 'alert' };
  else if (!(await writable(sys, name))) message = { text: `File '${name}' is unwritable`, importance: 'alert' };
  else message = { text: plural(buffer.lineCount(), 'Read %zu line', 'Read %zu lines'), importance: 'remark' };
  return { buffer, message };
}

async function writable(sys: Sys, name: string): Promise<boolean> {
  try {
    await sys.access(name, W_OK);
    return true;
  } catch {
    return false;
  }
}

/** write_file: the buffer to `name`; the message says how many lines, or why not. */
export async function writeBuffer(sys: Sys, buffer: Buffer, name: string): Promise<{ ok: boolean; message: Message }> {
  const lines = buffer.lines;
  // a newline after every line but the last; the last (the magic line) counts only when not empty
  const written = lines.length - 1 + (lines.at(-1) !== '' ? 1 : 0);
  try {
    const st = await sys.stat(name).catch(() => undefined);
    if (st?.kind === 'dir') return { ok: false, message: { text: `Error writing ${name}: ${strerror('EISDIR')}`, importance: 'alert' } };
    await sys.writeFile(name, lines.join('\n'), { mode: 0o666 & ~sys.umask() });
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { ok: false, message: { text: `Error writing ${name}: ${strerror(e.errno)}`, importance: 'alert' } };
  }
  return { ok: true, message: { text: plural(written, 'Wrote %zu line', 'Wrote %zu lines'), importance: 'remark' } };
}

/** The text of a file to insert at the cursor (^R), or the message saying why not. */
export async function readForInsert(sys: Sys, name: string): Promise<{ text?: string; message: Message }> {
  try {
    const st = await sys.stat(name);
    if (st.kind === 'dir') return { message: { text: `"${name}" is a directory`, importance: 'alert' } };
    const text = decoder.decode(await sys.readFile(name));
    const n = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    return { text, message: { text: plural(n, 'Read %zu line', 'Read %zu lines'), importance: 'remark' } };
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno === 'ENOENT') return { message: { text: `File "${name}" not found`, importance: 'alert' } };
    return { message: { text: `Error reading ${name}: ${strerror(e.errno)}`, importance: 'alert' } };
  }
}
