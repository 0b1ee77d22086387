// Where redis-server keeps its snapshot: dump.rdb in its `dir` (the working directory, /data
// in the image). Written atomically (temp file, then rename), as redis does.
import { isSysError } from '../../shared/errno';
import type { Ctx } from '../lib/context';

export class RedisStoreFile {
  constructor(
    private readonly ctx: Ctx,
    private readonly dir: string,
  ) {}

  private path(name: string): string {
    return this.dir === '.' ? name : `${this.dir.replace(/\/$/, '')}/${name}`;
  }

  async read(): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await this.ctx.sys.readFile(this.path('dump.rdb')));
    } catch (e) {
      if (!isSysError(e)) throw e;
      return undefined;
    }
  }

  async write(text: string): Promise<boolean> {
    const temp = this.path(`temp-${this.ctx.sys.pid}.rdb`);
    try {
      await this.ctx.sys.writeFile(temp, text, { mode: 0o644 });
      await this.ctx.sys.rename(temp, this.path('dump.rdb'));
      return true;
    } catch (e) {
      if (!isSysError(e)) throw e;
      return false;
    }
  }
}
