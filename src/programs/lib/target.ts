// How cp, mv and ln read their operands (coreutils do_copy/movefile): `-t DIR`, `-T`, or
// a last operand that names an existing directory.
import type { Ctx } from './context';
import { quoteaf } from './quote';
import { isSysError, strerror } from '../../shared/errno';

export type Plan =
  | { kind: 'into'; dir: string; sources: string[] }
  | { kind: 'single'; source: string; dest: string };

export type PlanResult = Plan | { kind: 'usage'; message: string } | { kind: 'fatal'; message: string };

function lastComponent(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  // 'cp -R src/.. dest' copies into dest itself, not dest/..
  return base === '..' ? '.' : base;
}

/** Destination name for `source` inside directory `dir`. */
export function intoDir(dir: string, source: string): string {
  const base = lastComponent(source);
  return dir.endsWith('/') ? `${dir}${base}` : `${dir}/${base}`;
}

export async function planTargets(ctx: Ctx, files: string[], targetDir: string | undefined, noTargetDir: boolean): Promise<PlanResult> {
  if (files.length <= (targetDir === undefined ? 1 : 0)) {
    if (files.length === 0) return { kind: 'usage', message: 'missing file operand' };
    return { kind: 'usage', message: `missing destination file operand after ${quoteaf(files[0]!)}` };
  }
  if (noTargetDir) {
    if (targetDir !== undefined) return { kind: 'fatal', message: 'cannot combine --target-directory (-t) and --no-target-directory (-T)' };
    if (files.length > 2) return { kind: 'usage', message: `extra operand ${quoteaf(files[2]!)}` };
    return { kind: 'single', source: files[0]!, dest: files[1]! };
  }
  if (targetDir !== undefined) {
    try {
      const st = await ctx.sys.stat(targetDir);
      if (st.kind !== 'dir') return { kind: 'fatal', message: `target directory ${quoteaf(targetDir)}: Not a directory` };
    } catch (e) {
      if (!isSysError(e)) throw e;
      return { kind: 'fatal', message: `target directory ${quoteaf(targetDir)}: ${strerror(e.errno)}` };
    }
    return { kind: 'into', dir: targetDir, sources: files };
  }
  const last = files[files.length - 1]!;
  let err: string | undefined;
  try {
    const st = await ctx.sys.stat(last);
    if (st.kind === 'dir') return { kind: 'into', dir: last, sources: files.slice(0, -1) };
    err = 'Not a directory';
  } catch (e) {
    if (!isSysError(e)) throw e;
    err = strerror(e.errno);
  }
  if (files.length > 2) return { kind: 'fatal', message: `target ${quoteaf(last)}: ${err}` };
  return { kind: 'single', source: files[0]!, dest: last };
}
