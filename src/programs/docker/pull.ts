// docker pull's progress as the daemon streams it: the layers being fetched and extracted (on
// the virtual clock, at the lab's download speed), the digest and the status line.
import type { Ctx } from '../lib/context';
import { expect } from './client';

/** Bytes per millisecond the offline registry "downloads" at (about 40 MB/s). */
const RATE = 40_000;

export async function pullImage(ctx: Ctx, ref: string, toStdout: boolean, quiet = false): Promise<string> {
  const out = (text: string): Promise<void> => (quiet ? Promise.resolve() : toStdout ? ctx.print(text) : ctx.err.write(text));
  const r = await expect(ctx, { kind: 'pull', ref }, 'pull');
  const familiar = r.full.replace(/^docker\.io\/(library\/)?/, '');
  await out(`${r.tag}: Pulling from ${r.repo}\n`);
  if (!r.upToDate) {
    const tty = !quiet && ctx.sys.isatty(toStdout ? 1 : 2);
    const fetching = r.layers.filter((l) => !l.present);
    for (const l of r.layers) if (l.present) await out(`${l.id}: Already exists\n`);
    if (!tty) for (const l of fetching) await out(`${l.id}: Pulling fs layer\n`);
    for (const l of fetching) {
      await ctx.sys.sleep(Math.max(1, Math.round(l.size / RATE)));
      if (!tty) await out(`${l.id}: Verifying Checksum\n${l.id}: Download complete\n`);
    }
    for (const l of fetching) {
      await ctx.sys.sleep(Math.max(1, Math.round(l.size / RATE / 4)));
      await out(`${l.id}: Pull complete\n`);
    }
  }
  await out(`Digest: ${r.digest}\n`);
  await out(r.upToDate ? `Status: Image is up to date for ${familiar}\n` : `Status: Downloaded newer image for ${familiar}\n`);
  return r.full;
}
