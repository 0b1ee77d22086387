// cat (src/systemctl/systemctl-edit.c, verb_cat, and cat_files in src/shared/pretty-print.c):
// each unit's fragment and drop-ins, every file under a "# PATH" line, units separated by a
// blank line. Masked units get a comment instead; units without files are an error.
import { unitFileGetList } from '../../../shared/systemd/install-state';
import { ANSI } from '../../../shared/systemd/table';
import { unitNameMangle } from '../../../shared/systemd/unit-name';
import { findUnitPaths } from '../../../shared/systemd/unit-paths';
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

/** expand_unit_names(): globs match the known unit names; others are mangled. */
async function expandNames(s: Session, args: readonly string[]): Promise<string[] | undefined> {
  const out: string[] = [];
  for (const a of args) {
    const m = unitNameMangle(a, '.service', { glob: true });
    if (!m) return undefined;
    if (/[*?[]/.test(m.name)) {
      const list = await unitFileGetList(s.newEnv(), [], [m.name]);
      out.push(...[...list.keys()].sort());
    } else out.push(m.name);
  }
  return out;
}

export async function verbCat(s: Session, args: string[]): Promise<number> {
  if (await s.noBus(false)) return 1;
  const names = await expandNames(s, args);
  if (!names) return s.error('Failed to expand names: Invalid argument');
  let first = true;
  let rc = 0;
  let out = '';
  const colors = s.colors();
  for (const name of names) {
    const paths = await findUnitPaths(s.newEnv(), name);
    if (paths?.masked) {
      out += `${colors ? '\x1b[0;1;35m' : ''}# Unit ${name} is masked${colors ? ANSI.normal : ''}.\n`;
      continue;
    }
    if (!paths || (paths.fragment === undefined && paths.dropins.length === 0)) {
      if (s.opts.force === 0) await s.ctx.err.write(`No files found for ${name}.\n`);
      rc = 1;
      continue;
    }
    if (!first) out += '\n';
    first = false;
    const files = [...(paths.fragment !== undefined ? [paths.fragment] : []), ...paths.dropins];
    for (let i = 0; i < files.length; i++) {
      const text = await catFile(s, files[i]!, i > 0);
      if (text === undefined) {
        await s.output(out);
        return 1;
      }
      out += text;
    }
  }
  await s.output(out);
  return rc;
}
