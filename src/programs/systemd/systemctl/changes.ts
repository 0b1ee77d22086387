// How systemctl reports the changes of a unit-file operation. Through the manager (the normal
// case) the successful changes are printed by install_changes_dump() and a failure comes back
// as a D-Bus error made by install_error() (src/core/dbus-manager.c); with --root the client
// does the work and install_changes_dump() prints the errors in its own wording
// (src/shared/install.c).
import { strerror, type Errno, ERRNO } from '../../../shared/errno';
import type { InstallChange, InstallErrno } from '../../../shared/systemd/install-types';
import type { Ctx } from '../../lib/context';

/** strerror() for the errno values the kernel table does not carry. */
const EXTRA: Partial<Record<InstallErrno, string>> = {
  ERFKILL: 'Operation not possible due to RF-kill',
  EIDRM: 'Identifier removed',
  EUCLEAN: 'Structure needs cleaning',
  EBADSLT: 'Invalid slot',
  EUNATCH: 'Protocol driver not attached',
  ENOLINK: 'Link has been severed',
  EBADMSG: 'Bad message',
};

export function installStrerror(e: InstallErrno): string {
  return e in ERRNO ? strerror(e as Errno) : (EXTRA[e] ?? `Unknown error ${e}`);
}

/** install_changes_dump() for the changes that are not errors (log_info / log_warning). */
export async function printChanges(ctx: Ctx, changes: readonly InstallChange[], quiet: boolean, arrow: string): Promise<void> {
  if (quiet) return;
  for (const c of changes) {
    switch (c.type) {
      case 'symlink':
        await ctx.err.write(`Created symlink ${c.path} ${arrow} ${c.source}.\n`);
        break;
      case 'unlink':
        await ctx.err.write(`Removed "${c.path}".\n`);
        break;
      case 'masked':
        await ctx.err.write(`Unit ${c.path} is masked, ignoring.\n`);
        break;
      case 'masked-generator':
        await ctx.err.write(`Unit ${c.path} is masked via a generator and cannot be unmasked.\n`);
        break;
      case 'dangling':
        await ctx.err.write(`Unit ${c.path} is an alias to a unit that is not present, ignoring.\n`);
        break;
      case 'destination-not-present':
        await ctx.err.write(`Unit ${c.source} is added as a dependency to a non-existent unit ${c.path}.\n`);
        break;
      case 'auxiliary-failed':
        await ctx.err.write(`Failed to enable auxiliary unit ${c.path}, ignoring.\n`);
        break;
    }
  }
}

/** The D-Bus error text the manager sends for the first failed change (install_error). */
export function busErrorMessage(changes: readonly InstallChange[], fallback: InstallErrno): string {
  for (const c of changes) {
    if (c.type !== 'error') continue;
    switch (c.errno) {
      case 'EEXIST':
        return c.source !== undefined ? `File ${c.path} already exists and is a symlink to ${c.source}.` : `File ${c.path} already exists.`;
      case 'ERFKILL':
        return `Unit file ${c.path} is masked.`;
      case 'EADDRNOTAVAIL':
        return `Unit ${c.path} is transient or generated.`;
      case 'ETXTBSY':
        return `File ${c.path} is under the systemd unit hierarchy already.`;
      case 'EBADSLT':
        return `Invalid specifier in ${c.path}.`;
      case 'EIDRM':
        return `Destination unit ${c.path} is a non-template unit.`;
      case 'EUCLEAN':
        return `"${c.path}" is not a valid unit name.`;
      case 'ELOOP':
        return `Refusing to operate on alias name or linked unit file: ${c.path}`;
      case 'EXDEV':
        return c.source !== undefined ? `Cannot alias ${c.source} as ${c.path}.` : `Invalid unit reference ${c.path}.`;
      case 'ENOENT':
        return `Unit file ${c.path} does not exist.`;
      case 'EUNATCH':
        return `Cannot resolve specifiers in ${c.path}.`;
      default:
        return `File ${c.path}: ${installStrerror(c.errno)}`;
    }
  }
  // sd-bus turns an EACCES reply into "Access denied" (bus_error_message)
  return fallback === 'EACCES' ? 'Access denied' : installStrerror(fallback);
}

/** install_changes_dump(r, verb, ...) as the client prints it with --root. */
export async function printChangesOffline(ctx: Ctx, verb: string, changes: readonly InstallChange[], quiet: boolean, arrow: string, r: InstallErrno | undefined): Promise<void> {
  let err = false;
  for (const c of changes) {
    if (c.type !== 'error') {
      await printChanges(ctx, [c], quiet, arrow);
      continue;
    }
    err = true;
    let msg: string;
    switch (c.errno) {
      case 'EEXIST':
        msg = c.source !== undefined ? `Failed to ${verb} unit, file "${c.path}" already exists and is a symlink to "${c.source}".` : `Failed to ${verb} unit, file "${c.path}" already exists.`;
        break;
      case 'ERFKILL': msg = `Failed to ${verb} unit, unit ${c.path} is masked.`; break;
      case 'EADDRNOTAVAIL': msg = `Failed to ${verb} unit, unit ${c.path} is transient or generated.`; break;
      case 'ETXTBSY': msg = `Failed to ${verb} unit, file ${c.path} is under the systemd unit hierarchy already.`; break;
      case 'EBADSLT': msg = `Failed to ${verb} unit, invalid specifier in "${c.path}".`; break;
      case 'EIDRM': msg = `Failed to ${verb} ${c.source}, destination unit ${c.path} is a non-template unit.`; break;
      case 'EUCLEAN': msg = `Failed to ${verb} unit, "${c.path}" is not a valid unit name.`; break;
      case 'ELOOP': msg = `Failed to ${verb} unit, refusing to operate on linked unit file ${c.path}.`; break;
      case 'EXDEV':
        msg = c.source !== undefined ? `Failed to ${verb} unit, cannot alias ${c.source} as ${c.path}.` : `Failed to ${verb} unit, invalid unit reference "${c.path}".`;
        break;
      case 'ENOENT': msg = `Failed to ${verb} unit, unit ${c.path} does not exist.`; break;
      case 'EUNATCH': msg = `Failed to ${verb} unit, cannot resolve specifiers in "${c.path}".`; break;
      default: msg = `Failed to ${verb} unit, file "${c.path}": ${installStrerror(c.errno)}`;
    }
    await ctx.err.write(`${msg}\n`);
  }
  if (r !== undefined && !err) await ctx.err.write(`Failed to ${verb}: ${installStrerror(r)}.\n`);
}
