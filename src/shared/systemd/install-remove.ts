// Removing the symlinks that enable units (src/shared/install.c: mark_symlink_for_removal,
// remove_marked_symlinks(_fd), install_context_mark_for_removal). Every symlink in the config
// directory whose name, template name, or resolved target is marked goes, and so does every
// symlink to a symlink just removed.
import { chaseSymlinks, lstatOrNull, readdirVisible, rmdirParents } from './fs-util';
import { InstallContext, installInfoTraverse } from './install-discover';
import { basename, joinPath, simplifyPath } from './lookup-paths';
import { errnoOf, InstallFailure, type InstallEnv, type InstallResult } from './install-types';
import { unitNameIsValid, unitNameTemplate } from './unit-name';

/** Names and paths whose symlinks are to go. */
export type RemovalSet = Set<string>;

/** Bound on the restart passes (each pass removes at least one link). */
const MAX_PASSES = 4096;

async function removeIn(env: InstallEnv, marks: RemovalSet, dir: string, configPath: string, dryRun: boolean): Promise<{ r: InstallResult; restart: boolean }> {
  let r: InstallResult = 0;
  let restart = false;
  for (const name of await readdirVisible(env.fs, dir)) {
    const p = joinPath(dir, name);
    const st = await lstatOrNull(env.fs, p);
    if (st === null) continue;
    if (st.kind === 'dir') {
      const sub = await removeIn(env, marks, p, configPath, dryRun);
      if (sub.r instanceof InstallFailure && r === 0) r = sub.r;
      restart ||= sub.restart;
      continue;
    }
    if (st.kind !== 'symlink' || !unitNameIsValid(name)) continue;
    let found = marks.has(name);
    if (!found) {
      const template = unitNameTemplate(name);
      if (template !== undefined) found = marks.has(template);
    }
    if (!found) {
      const dest = await chaseSymlinks(env.fs, p);
      if (dest === 'ELOOP') {
        const f = env.fail('ELOOP', p);
        if (r === 0) r = f;
        continue;
      }
      // systemd 252 with --root (as the recordings were made) compares the root-prefixed target
      // with the marked root-less paths, so only the target's name can match: a link to a unit
      // file that revert just removed stays behind.
      found = marks.has(basename(dest));
    }
    if (!found) continue;
    if (!dryRun) {
      try {
        await env.fs.unlink(p);
      } catch (e) {
        const errno = errnoOf(e);
        if (errno !== 'ENOENT') {
          const f = env.fail(errno, p);
          if (r === 0) r = f;
        }
        continue;
      }
      await rmdirParents(env.fs, p, configPath);
    }
    env.add('unlink', p);
    const added = markForRemoval(marks, p);
    if (added && !dryRun) restart = true;
  }
  return { r, restart };
}

/** mark_symlink_for_removal(): true when `p` was not marked yet. */
export function markForRemoval(marks: RemovalSet, p: string): boolean {
  const s = p.includes('/') ? simplifyPath(p) : p;
  if (marks.has(s)) return false;
  marks.add(s);
  return true;
}

/** remove_marked_symlinks(): repeats until a pass finds nothing new to follow. */
export async function removeMarkedSymlinks(env: InstallEnv, marks: RemovalSet, configPath: string, dryRun = false): Promise<InstallResult> {
  if (marks.size === 0) return 0;
  if ((await lstatOrNull(env.fs, configPath)) === null) return 0;
  let r: InstallResult = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const q = await removeIn(env, marks, configPath, configPath, dryRun);
    if (r === 0) r = q.r;
    if (!q.restart) break;
  }
  return r;
}

/** install_context_mark_for_removal(): marks every queued unit's name (not masked ones). */
export async function installContextMarkForRemoval(ctx: InstallContext, marks: RemovalSet): Promise<InstallResult> {
  const env = ctx.env;
  for (let i = ctx.next(); i; i = ctx.next()) {
    const r = await installInfoTraverse(ctx, i, { load: true, followConfigSymlinks: true });
    if (r instanceof InstallFailure) {
      if (r.errno === 'ENOLINK') env.add('dangling', i.path ?? i.name);
      else if (r.errno === 'ENOENT') {
        // a missing unit may still have leftover links, so this is not fatal
        if (!i.auxiliary) env.fail('ENOENT', i.path ?? i.name);
      } else env.fail(r.errno, i.path ?? i.name);
    } else if (i.mode === 'masked') {
      env.add('masked', i.path ?? i.name);
      continue;
    } else if (i.mode !== 'regular') continue;
    markForRemoval(marks, i.name);
  }
  return 0;
}
