// How the util-linux text filters that read wide characters (ul, colcrt) see their input: a
// whole descriptor, then its characters as getwc() returns them in the locale.
import { concatBytes } from '../../shared/bytes';
import { isSysError } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import { readChunk } from '../lib/textio';

/**
 * The characters of the input: bytes in the C locale, UTF-8 characters in a UTF-8 one; getwc()
 * ends the input at the first byte the locale cannot take.
 */
export function inputChars(bytes: Uint8Array, env: Map<string, string>): string[] {
  const utf8 = isUtf8(env);
  if (!utf8) {
    const end = bytes.findIndex((b) => b >= 0x80);
    return Array.from(end < 0 ? bytes : bytes.subarray(0, end), (b) => String.fromCharCode(b));
  }
  const text = new TextDecoder().decode(bytes);
  const end = text.indexOf('\ufffd');
  return Array.from(end < 0 ? text : text.slice(0, end));
}

function isUtf8(env: Map<string, string>): boolean {
  const loc = env.get('LC_ALL') || env.get('LC_CTYPE') || env.get('LANG') || '';
  return /utf-?8/i.test(loc);
}

/**
 * The whole descriptor, as getwc() reads it: a read that fails (a directory, memory the process
 * may not have) ends the input as the end of the file does. Each chunk is charged to the process
 * (sys.alloc), so an endless input such as /dev/zero meets the OOM killer, not the host's memory.
 */
export async function readFd(ctx: Ctx, fd: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  try {
    for (;;) {
      const chunk = await readChunk(ctx, fd);
      if (!chunk || chunk.length === 0) break;
      ctx.sys.alloc(chunk.length);
      parts.push(chunk);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
  return concatBytes(parts);
}
