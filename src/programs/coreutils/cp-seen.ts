// cp SOURCE... DIRECTORY with a source named twice (the same file, by the same name in the
// same directory, as coreutils' same_name compares them): the second is not copied again.
// copy.c warns of a file before copying it (not with --backup, where the second copy backs
// up the first), and of a directory once its earlier copy went to the same destination.
import type { Ctx } from '../lib/context';
import { quoteaf } from '../lib/quote';

export class SeenSources {
  private readonly files = new Set<string>();
  /** dev:ino of each directory copied -> the name it was copied to. */
  private readonly dirs = new Map<string, string>();

  constructor(
    private readonly ctx: Ctx,
    private readonly follow: boolean,
    private readonly backups: boolean,
  ) {}

  /** The last component and the identity of the directory holding it. */
  private async nameKey(path: string): Promise<string | undefined> {
    const trimmed = path.replace(/(.)\/+$/, '$1');
    const slash = trimmed.lastIndexOf('/');
    const dir = slash < 0 ? '.' : trimmed.slice(0, slash) || '/';
    try {
      const d = await this.ctx.sys.stat(dir);
      return `${trimmed.slice(slash + 1)}\0${d.dev}:${d.ino}`;
    } catch {
      return undefined;
    }
  }

  private async statOf(path: string): Promise<{ dev: number; ino: number; kind: string } | undefined> {
    try {
      return this.follow ? await this.ctx.sys.stat(path) : await this.ctx.sys.lstat(path);
    } catch {
      return undefined;
    }
  }

  /** Before copying `src` to `dst`: true when it was copied already (and is now warned of). */
  async skip(src: string, dst: string): Promise<boolean> {
    const st = await this.statOf(src);
    if (!st) return false;
    const id = `${st.dev}:${st.ino}`;
    if (st.kind === 'dir') {
      const earlier = this.dirs.get(id);
      if (earlier === undefined || earlier !== (await this.nameKey(dst))) return false;
      await this.ctx.error(`warning: source directory ${quoteaf(src)} specified more than once`);
      return true;
    }
    const key = `${id}\0${await this.nameKey(src)}`;
    if (!this.backups && this.files.has(key)) {
      await this.ctx.error(`warning: source file ${quoteaf(src)} specified more than once`);
      return true;
    }
    this.files.add(key);
    return false;
  }

  /** After copying: a directory that now has its copy is remembered with it. */
  async copied(src: string, dst: string): Promise<void> {
    const st = await this.statOf(src);
    if (st?.kind !== 'dir') return;
    const made = await this.ctx.sys.stat(dst).catch(() => undefined);
    const name = await this.nameKey(dst);
    if (made?.kind === 'dir' && name !== undefined) this.dirs.set(`${st.dev}:${st.ino}`, name);
  }
}
