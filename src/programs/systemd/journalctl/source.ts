// Where journalctl reads from (-D/--directory=, --file=, --root=): the simulator's journal lives in
// journald's memory and stands for the files of /var/log/journal (-> /var/opt/journal/log), so
// that directory, its machine directory and the root "/" are the live journal; any other
// directory holds no journal files, and no file on disk is one. Opening fails as
// sd_journal_open_directory()/sd_journal_open_files() do: a directory that is not there or is
// not a directory, a file glob that matches nothing, a directory given as a file, a file shorter
// than a journal header (no data) or one without a journal's signature (bad message).
import type { Ctx } from '../../lib/context';
import { fnmatch } from '../../../shared/systemd/glob';
import { isSysError, strerror } from '../../../shared/errno';
import { normalizePath } from '../../../shared/systemd/lookup-paths';

export type JournalSource = 'live' | 'none';

/** The smallest header journal_file_open() accepts (HEADER_SIZE_MIN in 252). */
const HEADER_SIZE_MIN = 208;
const LIVE_DIR = '/var/opt/journal/log';

function absolute(ctx: Ctx, p: string): string {
  return normalizePath(p.startsWith('/') ? p : `${ctx.sys.getcwd()}/${p}`);
}

/** glob(3) over the path's components, sorted; a pattern without wildcards is itself. */
async function expand(ctx: Ctx, pattern: string): Promise<string[]> {
  if (!/[*?[]/.test(pattern)) return [pattern];
  const abs = pattern.startsWith('/');
  let found = [abs ? '/' : ''];
  for (const part of pattern.split('/').filter((x) => x !== '')) {
    const next: string[] = [];
    for (const base of found) {
      const join = (n: string): string => (base === '' ? n : base.endsWith('/') ? `${base}${n}` : `${base}/${n}`);
      if (!/[*?[]/.test(part)) {
        next.push(join(part));
        continue;
      }
      let names: string[] = [];
      try {
        names = await ctx.sys.readdir(base === '' ? '.' : base);
      } catch {
        continue;
      }
      for (const n of names.sort()) if ((n.startsWith('.') ? part.startsWith('.') : true) && fnmatch(part, n)) next.push(join(n));
    }
    found = next;
  }
  const exists: string[] = [];
  for (const f of found) if (await ctx.sys.lstat(f).then(() => true, () => false)) exists.push(f);
  return exists;
}

async function openFiles(ctx: Ctx, patterns: string[]): Promise<JournalSource | { error: string }> {
  const fail = (why: string): { error: string } => ({ error: `Failed to open files: ${why}` });
  for (const pattern of patterns) {
    const files = await expand(ctx, pattern);
    if (files.length === 0) return fail('No such file or directory');
    for (const f of files) {
      let size: number;
      try {
        const st = await ctx.sys.stat(f);
        if (st.kind === 'dir') return fail('Is a directory');
        size = (await ctx.sys.readFile(f)).length;
      } catch (e) {
        if (!isSysError(e)) throw e;
        return fail(strerror(e.errno));
      }
      return fail(size < HEADER_SIZE_MIN ? 'No data available' : 'Bad message');
    }
  }
  return 'none';
}

/** The journal the options name, or the message that ends the run (exit status 1). */
export async function openSource(ctx: Ctx, values: Map<string, string[]>): Promise<JournalSource | { error: string }> {
  const files = values.get('file');
  if (files) return openFiles(ctx, files);
  const dir = values.get('directory')?.at(-1);
  if (dir !== undefined) {
    try {
      const st = await ctx.sys.stat(dir === '' ? '/nonexistent/' : dir);
      if (st.kind !== 'dir') return { error: `Failed to open ${dir}: Not a directory` };
      const real = absolute(ctx, await ctx.sys.realpath(dir));
      return real === LIVE_DIR || real.startsWith(`${LIVE_DIR}/`) ? 'live' : 'none';
    } catch (e) {
      if (!isSysError(e)) throw e;
      return { error: `Failed to open ${dir}: ${strerror(e.errno)}` };
    }
  }
  const root = values.get('root')?.at(-1);
  if (root !== undefined && root !== '' && absolute(ctx, root) !== '/') return 'none';
  return 'live';
}

/** format_bytes(): whole bytes below 1K, else one decimal with a binary suffix. */
export function formatBytes(n: number): string {
  const units = ['E', 'P', 'T', 'G', 'M', 'K'];
  for (let i = 0; i < units.length; i++) {
    const factor = 1024 ** (units.length - i);
    if (n >= factor) return `${Math.floor(n / factor)}.${Math.floor(((n % factor) * 10) / factor)}${units[i]}`;
  }
  return `${n}B`;
}
