// systemctl edit (src/systemctl/systemctl-edit.c): a drop-in (override.conf, or --drop-in=NAME)
// or with --full a copy of the unit file, edited in a temporary file next to its final place
// with $SYSTEMD_EDITOR, $EDITOR or $VISUAL (else editor, nano, vim, vi), then installed and the
// manager reloaded. The drop-in starts from a template quoting the unit's current files.
import { isSysError, strerror } from '../../../shared/errno';
import { unitNameInstance, unitNameIsValid, unitNameReplaceInstance, NAME_INSTANCE, NAME_TEMPLATE } from '../../../shared/systemd/unit-name';
import { resolveCommand } from '../../lib/execvp';
import { findPaths } from './cat';
import { ask, unitArgs, units } from './manager-client';
import type { Session } from './session';

const MARK_START = '### Anything between here and the comment below will become the contents of the drop-in file';
const MARK_END = '### Edits below this comment will be discarded';

interface EditFile {
  path: string;
  tmp: string;
  line: number;
}

async function readText(s: Session, path: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await s.ctx.sys.readFile(path));
  } catch {
    return undefined;
  }
}

async function exists(s: Session, path: string): Promise<boolean> {
  try {
    await s.ctx.sys.lstat(path);
    return true;
  } catch {
    return false;
  }
}

async function mkdirParents(s: Session, path: string): Promise<void> {
  let p = '';
  for (const part of path.split('/').filter(Boolean).slice(0, -1)) {
    p += `/${part}`;
    try {
      await s.ctx.sys.mkdir(p, 0o755);
    } catch {
      // there already
    }
  }
}

/** tempfn_random(): ".#NAME" and 16 random hex digits, in the same directory. */
function tempName(path: string): string {
  const at = path.lastIndexOf('/');
  let hex = '';
  for (let i = 0; i < 16; i++) hex += Math.floor(Math.random() * 16).toString(16);
  return `${path.slice(0, at + 1)}.#${path.slice(at + 1)}${hex}`;
}

/** get_file_to_edit(): below /etc, or /run with --runtime unless /etc would win anyway. */
async function fileToEdit(s: Session, name: string): Promise<string | undefined> {
  const etc = `/etc/systemd/system/${name}`;
  if (!s.opts.runtime) return etc;
  const run = `/run/systemd/system/${name}`;
  if (await exists(s, etc)) {
    await s.error(`Refusing to create "${run}" because it would be overridden by "${etc}" anyway.`);
    return undefined;
  }
  return run;
}

/** create_edit_temp_file(): a copy of the unit (--full), or the drop-in template. */
async function prepare(s: Session, newPath: string, copyOf: string | undefined, quoted: string[] | undefined): Promise<EditFile | undefined> {
  const tmp = tempName(newPath);
  await mkdirParents(s, newPath);
  try {
    return await writeTemp(s, newPath, tmp, copyOf, quoted);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await s.error(`Failed to create temporary file "${tmp}": ${strerror(e.errno)}`);
    return undefined;
  }
}

async function writeTemp(s: Session, newPath: string, tmp: string, copyOf: string | undefined, quoted: string[] | undefined): Promise<EditFile> {
  if (copyOf !== undefined) {
    await s.ctx.sys.writeFile(tmp, (await readText(s, copyOf)) ?? '', { mode: 0o644 });
    return { path: newPath, tmp, line: 1 };
  }
  if (quoted === undefined) return { path: newPath, tmp, line: 1 };
  const current = (await readText(s, newPath)) ?? '';
  let text = `### Editing ${newPath}\n${MARK_START}\n\n${current}${current.endsWith('\n') ? '' : '\n'}\n${MARK_END}`;
  for (const p of quoted) {
    if (p === newPath) continue;
    const body = ((await readText(s, p)) ?? '').trim();
    text += `\n\n### ${p}`;
    if (body !== '') text += `\n# ${body.replaceAll('\n', '\n# ')}`;
  }
  await s.ctx.sys.writeFile(tmp, text, { mode: 0o644 });
  return { path: newPath, tmp, line: 4 };
}

/** trim_edit_markers(): what lies between the markers, stripped; '' when nothing is left. */
function trimMarkers(text: string): string {
  let body = text;
  const a = body.indexOf(MARK_START);
  if (a >= 0) body = body.slice(a + MARK_START.length);
  const b = body.indexOf(MARK_END);
  if (b >= 0) body = body.slice(0, b);
  body = body.trim();
  return body === '' ? '' : `${body}\n`;
}

async function runEditor(s: Session, files: EditFile[]): Promise<boolean> {
  const env = s.ctx.env;
  const chosen = env.get('SYSTEMD_EDITOR') ?? env.get('EDITOR') ?? env.get('VISUAL') ?? '';
  const words = chosen.split(/[ \t\n\r]+/).filter(Boolean);
  const targets = files.length === 1 && files[0]!.line > 1 ? [`+${files[0]!.line}`, files[0]!.tmp] : files.map((f) => f.tmp);
  const tries = words.length ? [words] : [];
  for (const name of ['editor', 'nano', 'vim', 'vi']) tries.push([name]);
  for (const [cmd, ...rest] of tries) {
    const found = await resolveCommand(s.ctx, cmd!, env);
    if (typeof found !== 'string') continue;
    await s.ctx.flush();
    const pid = await s.ctx.sys.spawn({ path: found, argv: [cmd!, ...rest, ...targets], env: new Map(env) });
    await s.ctx.sys.wait(pid);
    return true;
  }
  await s.error('Cannot edit units, no editor available. Please set either $SYSTEMD_EDITOR, $EDITOR or $VISUAL.');
  return false;
}

export async function verbEdit(s: Session, args: string[]): Promise<number> {
  const o = s.opts;
  if (!s.ctx.sys.isatty(1) || !s.ctx.sys.isatty(2)) return s.error('Cannot edit units if not on a tty.');
  if (await s.noBus(false)) return 1;
  const names = await unitArgs(s.ctx, args, '.service', { quiet: o.quiet });
  if (!names) return 1;
  if (names.length === 0) return s.error('No units matched the specified patterns.');
  for (const u of await units(s.ctx, names.filter((n) => !unitNameIsValid(n, NAME_TEMPLATE)))) {
    if (u.loadState === 'masked') return s.error(`Cannot edit ${u.id}: unit is masked.`);
  }
  let dropIn = o.dropIn === undefined || o.dropIn === '' ? 'override.conf' : o.dropIn.endsWith('.conf') ? o.dropIn : `${o.dropIn}.conf`;
  if (dropIn.includes('/') || dropIn === '.' || dropIn === '..' || dropIn.length > 255) return s.error(`Invalid drop-in file name '${dropIn}'.`);
  dropIn = `.d/${dropIn}`;
  const files: EditFile[] = [];
  for (const name of names) {
    const found = await findPaths(s, name);
    if (found.kind === 'error') return s.error(found.message);
    if (found.kind === 'masked') return s.error(`Unit '${name}' masked, cannot edit.`);
    const fragment = found.kind === 'files' ? found.fragment : undefined;
    if (fragment === undefined) {
      if (o.force === 0) return s.error(`Run 'systemctl edit${o.scope === 'global' ? ' --global' : ''} --force --full ${name}' to create a new unit.`);
      const path = await fileToEdit(s, o.full ? name : `${name}${dropIn}`);
      if (path === undefined) return 1;
      const f = await prepare(s, path, undefined, undefined);
      if (!f) return 1;
      files.push(f);
      continue;
    }
    let unitName = fragment.slice(fragment.lastIndexOf('/') + 1);
    // an alias is followed, but an instance keeps its own name
    if (unitNameIsValid(name, NAME_INSTANCE) && unitNameIsValid(unitName, NAME_TEMPLATE)) unitName = unitNameReplaceInstance(unitName, unitNameInstance(name) ?? '') ?? unitName;
    const path = await fileToEdit(s, o.full ? unitName : `${unitName}${dropIn}`);
    if (path === undefined) return 1;
    const f = await prepare(s, path, o.full ? fragment : undefined, o.full ? undefined : found.kind === 'files' ? found.files : [fragment]);
    if (!f) return 1;
    files.push(f);
  }
  let rc = 0;
  if (await runEditor(s, files)) {
    for (const f of files) {
      const text = await readText(s, f.tmp);
      const body = text === undefined ? '' : trimMarkers(text);
      if (body === '') continue;
      try {
        if (body !== text) await s.ctx.sys.writeFile(f.tmp, body);
        await s.ctx.sys.rename(f.tmp, f.path);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await s.error(`Failed to rename "${f.tmp}" to "${f.path}": ${strerror(e.errno)}`);
        rc = 1;
        break;
      }
      await s.ctx.err.write(`Successfully installed edited file '${f.path}'.\n`);
    }
    if (rc === 0 && !o.noReload) await ask(s.ctx, { kind: 'daemon-reload' });
  } else rc = 1;
  for (const f of files) {
    await s.ctx.sys.unlink(f.tmp).catch(() => undefined);
    // an empty drop-in directory goes again
    if (!o.full) await s.ctx.sys.rmdir(f.path.slice(0, f.path.lastIndexOf('/'))).catch(() => undefined);
  }
  return rc;
}
