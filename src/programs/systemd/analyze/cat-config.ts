// systemd-analyze cat-config NAME|PATH... (src/analyze/analyze-cat-config.c, conf_files_cat()
// in src/shared/pretty-print.c): a configuration file and its drop-ins from /etc, /run,
// /usr/local/lib and /usr/lib, each under a "# PATH" line; "tmpfiles.d"-style names are
// collections of drop-ins without a main file.
import { isSysError, strerror } from '../../../shared/errno';
import type { Ctx } from '../../lib/context';

const PREFIXES = ['/etc/', '/run/', '/usr/local/lib/', '/usr/lib/'];

interface Kind {
  name: string;
  prefixes: string[];
  collection: boolean;
  extension: string;
}

/** guess_type(): where the files of `name` live and whether it has a main file. */
function guessType(nameIn: string): Kind {
  const name = nameIn.replace(/\/+$/, '') === 'environment.d' ? 'environment' : nameIn;
  const n = name.replace(/\/+$/, '');
  let collection = n.endsWith('.d');
  let extension = '.conf';
  let run = false;
  if (n === 'udev/hwdb.d') extension = '.hwdb';
  if (n === 'udev/rules.d') extension = '.rules';
  if (n === 'kernel/install.d') extension = '.install';
  if (n === 'systemd/ntp-units.d') {
    collection = true;
    extension = '.list';
  }
  if (n === 'systemd/relabel-extra.d') {
    collection = run = true;
    extension = '.relabel';
  }
  if (n === 'systemd/system-preset' || n === 'systemd/user-preset') {
    collection = true;
    extension = '.preset';
  }
  // without split /usr the "usr" prefixes are the standard ones
  return { name, prefixes: run ? ['/run/'] : PREFIXES, collection, extension };
}

async function exists(ctx: Ctx, path: string): Promise<boolean> {
  try {
    await ctx.sys.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** conf_files_list_strv(): entries with the extension, one per name (the first directory wins), by name. */
async function dropIns(ctx: Ctx, root: string, dirs: string[], extension: string): Promise<string[]> {
  const chosen = new Map<string, string>();
  for (const d of dirs) {
    let names: string[];
    try {
      names = await ctx.sys.readdir(`${root}${d}`);
    } catch {
      continue;
    }
    for (const f of names) {
      if (!f.endsWith(extension) || chosen.has(f)) continue;
      // no filter for masks: a link to /dev/null is listed and shows as an empty file
      chosen.set(f, `${root}${d}/${f}`);
    }
  }
  return [...chosen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
}

/**
 * cat_file(): the "# PATH" line, written at once (systemd flushes it), and the text, which
 * stays in stdio's buffer until the next such line or the end. A file that cannot be opened
 * fails before its line; a directory opens, shows its line, and fails when read.
 */
async function catFile(ctx: Ctx, path: string, newline: boolean, color: boolean): Promise<{ head: string; text: string; failure?: string }> {
  const head = `${newline ? '\n' : ''}${color ? '\x1b[0;1;34m' : ''}# ${path}${color ? '\x1b[0m' : ''}\n`;
  let text: string;
  try {
    text = new TextDecoder().decode(await ctx.sys.readFile(path));
  } catch (e) {
    const errno = isSysError(e) ? e.errno : 'EACCES';
    const why = strerror(errno);
    if (errno === 'EISDIR') return { head, text: '', failure: `Failed to read "${path}": ${why}\nFailed to cat ${path}: ${why}\n` };
    return { head: '', text: '', failure: `Failed to cat ${path}: ${why}\n` };
  }
  return { head, text: text === '' || text.endsWith('\n') ? text : `${text}\n` };
}

export async function verbCatConfig(ctx: Ctx, args: string[], rootOpt: string | undefined): Promise<number> {
  const root = rootOpt && rootOpt !== '/' ? rootOpt.replace(/\/+$/, '') : '';
  const color = ctx.sys.isatty(1);
  let out = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0) out += '\n\n';
    let name = args[i]!;
    if (name.startsWith('/')) {
      const p = PREFIXES.find((x) => name.startsWith(x));
      if (!p) {
        await ctx.err.write(`Path ${name} does not start with any known prefix.\n`);
        await ctx.out.write(out);
        return 1;
      }
      name = name.slice(p.length);
    }
    const k = guessType(name);
    let main: string | undefined;
    if (!k.collection) {
      for (const p of k.prefixes) {
        if (await exists(ctx, `${root}${p}${k.name}`)) {
          main = `${root}${p}${k.name}`;
          break;
        }
      }
      if (!main) out += `${color ? '\x1b[0;1;35m' : ''}# Main configuration file ${k.name} not found${color ? '\x1b[0m' : ''}\n`;
    }
    const files = await dropIns(ctx, root, k.prefixes.map((p) => `${p}${k.name.replace(/\/+$/, '')}${k.collection ? '' : '.d'}`), k.extension);
    const all = main !== undefined ? [main, ...files] : files;
    for (let j = 0; j < all.length; j++) {
      const t = await catFile(ctx, all[j]!, j > 0, color);
      if (t.head !== '') {
        await ctx.out.write(out + t.head);
        await ctx.out.flush();
        out = '';
      }
      out += t.text;
      if (t.failure !== undefined) {
        await ctx.err.write(t.failure);
        await ctx.out.write(out);
        return 1;
      }
    }
  }
  await ctx.out.write(out);
  return 0;
}
