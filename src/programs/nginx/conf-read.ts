// Reading a whole configuration: the -g parameter first, then the file with its includes, then
// the checks nginx makes once everything is read. Warnings are reported as they happen, so they
// come out in file order between the errors, as nginx logs them.
import { ConfBuilder, type BuildEnv } from './conf-build';
import { ConfError, ConfParser, type DumpedFile } from './conf-parse';
import { errnoSuffix } from './log';

export interface ReadHost extends Omit<BuildEnv, 'warn'> {
  confFile: string;
  params?: string;
  read(path: string): Promise<string>;
  glob(pattern: string): Promise<string[]>;
  warn(message: string): Promise<void>;
  /** Called when the syntax is read (before the checks that follow it). */
  syntaxOk?(): Promise<void>;
}

export type ReadResult = { ok: true; builder: ConfBuilder; dump: DumpedFile[] } | { ok: false; message: string };

export async function readConfiguration(h: ReadHost): Promise<ReadResult> {
  const pending: string[] = [];
  const flush = async (): Promise<void> => {
    for (const w of pending.splice(0)) await h.warn(w);
  };
  const builder = new ConfBuilder({ ...h, warn: (m) => void pending.push(m) });
  const confPrefix = h.confFile.slice(0, h.confFile.lastIndexOf('/') + 1);
  const parser = new ConfParser({
    read: (path) => h.read(path),
    glob: (pattern) => h.glob(pattern),
    confPath: (path) => (path.startsWith('/') ? path : `${confPrefix}${path}`),
    errnoText: errnoSuffix,
    handle: async (d, ctx, block) => {
      const r = await builder.handle(d, ctx, block);
      await flush();
      return r;
    },
  });
  try {
    if (h.params !== undefined) await parser.parseParam(h.params, { letter: 'm' });
    await parser.parseFile(h.confFile, { letter: 'm' });
    await flush();
    await h.syntaxOk?.();
    builder.finish();
    return { ok: true, builder, dump: parser.dump };
  } catch (e) {
    await flush();
    if (e instanceof ConfError) return { ok: false, message: e.message };
    throw e;
  }
}
