// What the kmod tools (kmod 30, as Photon 5.0's GA image ships it) share: the version text,
// the kernel's module list through the 'kmod' service, and the module index they look names up in.
import { isSysError, strerror } from '../../shared/errno';
import { BUILTIN_MODULES, MODULE_BY_NAME, moduleName, type ModuleInfo } from '../../shared/kernel-modules';
import type { Ctx } from '../lib/context';

export const KMOD_VERSION = 'kmod version 30\n+ZSTD +XZ +ZLIB +LIBCRYPTO -EXPERIMENTAL\n';

export interface LoadedModule {
  name: string;
  size: number;
  users: string[];
}

export type Lookup = { kind: 'module'; info: ModuleInfo } | { kind: 'builtin'; name: string } | undefined;

/** A name as modprobe and modinfo resolve it (dashes and underscores are one). */
export function lookup(raw: string): Lookup {
  const name = moduleName(raw);
  if (BUILTIN_MODULES.has(name)) return { kind: 'builtin', name };
  const info = MODULE_BY_NAME.get(name);
  return info ? { kind: 'module', info } : undefined;
}

export async function loadedModules(ctx: Ctx): Promise<LoadedModule[]> {
  return (await ctx.sys.call('kmod', { op: 'list' })) as LoadedModule[];
}

/** Asks the kernel to load a module and what it needs; returns the error's text, or undefined. */
export async function insertModule(ctx: Ctx, name: string): Promise<string | undefined> {
  try {
    await ctx.sys.call('kmod', { op: 'load', name });
    return undefined;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return strerror(e.errno);
  }
}

/** Asks the kernel to remove one module; the errno name on failure (EBUSY, ENOENT, EPERM). */
export async function removeModule(ctx: Ctx, name: string): Promise<string | undefined> {
  try {
    await ctx.sys.call('kmod', { op: 'unload', name });
    return undefined;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e.errno;
  }
}
