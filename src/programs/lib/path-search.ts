// PATH lookup as execvp(3) and bash do it: each directory in order (an empty entry means
// the current directory), the first regular file the caller may execute wins.
import type { Sys } from '../../shared/sys';

const X_OK = 1;

async function isExecutableFile(sys: Sys, path: string): Promise<boolean> {
  try {
    const st = await sys.stat(path);
    if (st.kind !== 'file') return false;
    await sys.access(path, X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Resolves a command name through `pathVar`; names containing a slash are not searched. */
export async function findInPath(sys: Sys, name: string, pathVar: string): Promise<string | undefined> {
  if (name === '' || name.includes('/')) return undefined;
  for (const dir of pathVar.split(':')) {
    const candidate = dir === '' ? name : dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
    if (await isExecutableFile(sys, candidate)) return candidate;
  }
  return undefined;
}

/** Like findInPath, but also reports a match that exists and is not executable (for 126). */
export async function findInPathOrNonExecutable(sys: Sys, name: string, pathVar: string): Promise<{ path: string; executable: boolean } | undefined> {
  const found = await findInPath(sys, name, pathVar);
  if (found !== undefined) return { path: found, executable: true };
  if (name === '' || name.includes('/')) return undefined;
  for (const dir of pathVar.split(':')) {
    const candidate = dir === '' ? name : dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
    try {
      const st = await sys.stat(candidate);
      if (st.kind === 'file') return { path: candidate, executable: false };
    } catch {
      // not here
    }
  }
  return undefined;
}
