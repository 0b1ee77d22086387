// ":{range}!cmd": the lines go to the command's standard input through a pipe while its
// output (and errors, as 'shellredir' ">%s 2>&1" sends them) is read back.
import type { Sys } from '../../shared/sys';

export async function runFilter(sys: Sys, input: string, cmd: string): Promise<string> {
  const [inR, inW] = sys.pipe();
  const [outR, outW] = sys.pipe();
  const pid = await sys.spawn({ path: '/bin/bash', argv: ['/bin/bash', '-c', cmd], env: new Map(sys.env), fds: new Map([[0, inR], [1, outW], [2, outW]]) });
  sys.close(inR);
  sys.close(outW);
  const feeding = (async () => {
    try {
      await sys.write(inW, input);
    } catch {
      // the command did not read it all
    } finally {
      sys.close(inW);
    }
  })();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const c = await sys.read(outR, 65536);
    if (c === null) break;
    chunks.push(c);
  }
  await feeding;
  sys.close(outR);
  await sys.wait(pid);
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(all);
}
