// cat (src/systemctl/systemctl-edit.c, verb_cat, and cat_files in src/shared/pretty-print.c):
// each unit's fragment and drop-ins, every file under a "# PATH" line, units separated by a
// blank line. The manager says where a unit lives (its LoadState, FragmentPath and DropInPaths);
// templates, which it cannot load, are looked up on disk (unit_find_paths).
import { ANSI } from '../../../shared/systemd/table';
import { NAME_TEMPLATE, unitNameIsValid } from '../../../shared/systemd/unit-name';
import { findUnitPaths } from '../../../shared/systemd/unit-paths';
import { invalidNameError, unitArgs, units } from './manager-client';
import { wantPager } from '../../lib/pager';
import type { Session } from './session';

/** cat_file(): "# PATH" and the file's lines; undefined (after a warning) when unreadable. */
async function catFile(s: Session, path: string, newline: boolean): Promise<string | undefined> {
  let text: string;
  try {
    text = new TextDecoder().decode(await s.ctx.sys.readFile(path));
  } catch {
    await s.ctx.err.write(`Failed to cat ${path}: No such file or directory\n`);
    return undefined;
  }
  const colors = s.colors();
  const head = `${newline ? '\n' : ''}${colors ? ANSI.highlightBlue : ''}# ${path}${colors ? ANSI.normal : ''}\n`;
  return head + (text === '' || text.endsWith('\n') ? text : `${text}\n`);
}

type Found =
  | { kind: 'files'; files: string[]; fragment?: string; needReload: boolean }
  | { kind: 'masked' }
  | { kind: 'unloadable' }
  | { kind: 'none' }
  | { kind: 'error'; message: string };

/** unit_find_paths(): through the manager, or on disk for a template. */
export async function findPaths(s: Session, name: string): Promise<Found> {
  if (unitNameIsValid(name, NAME_TEMPLATE)) {
    const p = await findUnitPaths(s.newEnv(), name);
    if (!p || (p.fragment === undefined && p.dropins.length === 0)) return { kind: 'none' };
    // a masked template resolves to its /dev/null link, which cat prints as an empty file
    return { kind: 'files', files: [...(p.fragment !== undefined ? [p.fragment] : []), ...p.dropins], fragment: p.fragment, needReload: false };
  }
  const bad = invalidNameError(name);
  if (bad) return { kind: 'error', message: `Failed to get LoadState: ${bad}` };
  const [u] = await units(s.ctx, [name]);
  if (!u || u.loadState === 'not-found') return { kind: 'none' };
  if (u.loadState === 'masked') return { kind: 'masked' };
  if (u.loadState !== 'loaded' && u.loadState !== 'bad-setting') return { kind: 'unloadable' };
  const files = [...(u.fragmentPath ? [u.fragmentPath] : []), ...u.dropIns];
  return files.length ? { kind: 'files', files, fragment: u.fragmentPath, needReload: u.needDaemonReload } : { kind: 'none' };
}

export async function verbCat(s: Session, args: string[]): Promise<number> {
  if (await s.noBus(false)) return 1;
  const o = s.opts;
  // cat lists every loaded unit a glob matches, as if --all were given (unless --state= is)
  const names = await unitArgs(s.ctx, args, '.service', { quiet: o.quiet, all: o.all || o.states.length === 0, states: o.states, types: o.types });
  if (!names) return 1;
  let first = true;
  let rc = 0;
  let out = '';
  // without a pager, stdout is written before each message so that 2>&1 keeps the order
  const paged = wantPager(s.ctx, o.noPager);
  const flush = async (): Promise<void> => {
    if (paged || out === '') return;
    await s.output(out);
    out = '';
  };
  const colors = s.colors();
  const magenta = colors ? '\x1b[0;1;35m' : '';
  const normal = colors ? ANSI.normal : '';
  for (const name of names) {
    const found = await findPaths(s, name);
    if (found.kind === 'error') {
      if (out !== '') await s.output(out);
      return s.error(found.message);
    }
    if (found.kind === 'masked') {
      out += `${magenta}# Unit ${name} is masked${normal}.\n`;
      continue;
    }
    if (found.kind === 'unloadable') {
      out += `${magenta}# Unit ${name} could not be loaded.${normal}\n`;
      continue;
    }
    if (found.kind === 'none') {
      if (o.force === 0) {
        await flush();
        await s.ctx.err.write(`No files found for ${name}.\n`);
      }
      rc = 1;
      continue;
    }
    if (!first) out += '\n';
    first = false;
    if (found.needReload) {
      await flush();
      const red = colors ? '\x1b[0;1;31m' : '';
      await s.ctx.err.write(
        `${red}# Warning: ${name} changed on disk, the version systemd has loaded is outdated.\n` +
          `${red}# This output shows the current version of the unit's original fragment and drop-in files.\n` +
          `${red}# If fragments or drop-ins were added or removed, they are not properly reflected in this output.\n` +
          `${red}# Run 'systemctl${o.scope === 'system' ? '' : ' --user'} daemon-reload' to reload units.${normal}\n`,
      );
    }
    for (let i = 0; i < found.files.length; i++) {
      const text = await catFile(s, found.files[i]!, i > 0);
      if (text === undefined) {
        if (out !== '') await s.output(out);
        return 1;
      }
      out += text;
    }
  }
  if (out !== '') await s.output(out);
  return rc;
}
