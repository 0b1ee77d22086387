// conf_files_list(): the `.conf` files of a tool's directories (highest priority first), each
// name once (the first directory that has it wins), in name order; directories that cannot be
// read are passed over. `root` goes in front of every directory (--root=).
import { isSysError } from '../../shared/errno';
import type { Ctx } from '../lib/context';

export async function confFiles(ctx: Ctx, dirs: readonly string[], root = ''): Promise<string[]> {
  const chosen = new Map<string, string>();
  for (const d of dirs) {
    let names: string[] = [];
    try {
      names = await ctx.sys.readdir(`${root}${d}`);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    for (const n of names) if (n.endsWith('.conf') && !chosen.has(n)) chosen.set(n, `${root}${d}/${n}`);
  }
  return [...chosen.keys()].sort().map((n) => chosen.get(n)!);
}
