// systemd-analyze unit-files [PATTERN...] (src/analyze/analyze-unit-files.c with
// unit_file_build_name_map() of src/basic/unit-file.c): every unit name found in the unit
// directories and what it stands for (its file; an alias's target name; a linked or masked
// unit's own link), then each unit with the names that lead to it. systemd prints both maps in
// its hash table order, which changes from run to run; here they come in the order found.
import { GLOBAL_LOOKUP_PATHS, SYSTEM_LOOKUP_PATHS, normalizePath } from '../../../shared/systemd/lookup-paths';
import { NAME_ANY, NAME_INSTANCE, NAME_TEMPLATE, explainAliasSymlink, unitNameInstance, unitNameIsValid, unitNameReplaceInstance } from '../../../shared/systemd/unit-name';
import type { Ctx } from '../../lib/context';
import { fnmatch } from '../../lib/fnmatch';

const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** The path below one of the directories, if it is in one (path_startswith_strv()). */
function inSearchPath(path: string, dirs: readonly string[]): boolean {
  return dirs.some((d) => path.startsWith(`${d}/`));
}

export async function verbUnitFiles(ctx: Ctx, patterns: string[], searchPath: readonly string[]): Promise<number> {
  const sys = ctx.sys;
  const ids = new Map<string, string>();
  for (const dir of searchPath) {
    let names: string[];
    try {
      names = [...(await sys.readdir(dir))].sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (ids.has(name) || !unitNameIsValid(name, NAME_ANY)) continue;
      const path = `${dir}/${name}`;
      let st;
      try {
        st = await sys.lstat(path);
      } catch {
        continue;
      }
      if (st.kind === 'file') ids.set(name, path);
      else if (st.kind === 'symlink') {
        // unit_file_resolve_symlink(): inside the unit directories it is an alias (by the
        // target's name), outside a linked unit or a mask (by the link itself)
        let target: string;
        try {
          target = await sys.readlink(path);
        } catch {
          continue;
        }
        const simplified = normalizePath(target.startsWith('/') ? target : `${dir}/${target}`);
        if (inSearchPath(simplified, searchPath)) {
          const { check, message } = explainAliasSymlink(name, basename(simplified));
          if (check !== 'ok' && check !== 'self') {
            if (message) await ctx.err.write(`${message}\n`);
            continue;
          }
          ids.set(name, basename(simplified));
        } else ids.set(name, path);
      }
    }
  }
  // unit_ids_map_get(): follow aliases to a path (a loop gives up)
  const resolve = (name: string): string | undefined => {
    let id = name;
    for (let n = 0; n < 32; n++) {
      const t = ids.get(id);
      if (t === undefined) return undefined;
      if (t.startsWith('/')) return t;
      id = t;
    }
    return undefined;
  };
  const isNull = async (p: string): Promise<boolean> => {
    try {
      const st = await sys.stat(p);
      return st.kind === 'chardev' ? st.rdev?.[0] === 1 && st.rdev?.[1] === 3 : st.kind === 'file' && st.size === 0;
    } catch {
      return false;
    }
  };
  const names = new Map<string, string[]>();
  for (const src of ids.keys()) {
    const path = resolve(src);
    if (path === undefined || (await isNull(path))) continue;
    let dst = basename(path);
    // an instance linked to a template is an alias of that instance only
    if (unitNameIsValid(dst, NAME_TEMPLATE) && unitNameIsValid(src, NAME_INSTANCE)) dst = unitNameReplaceInstance(dst, unitNameInstance(src)!) ?? dst;
    names.set(dst, [...(names.get(dst) ?? []), src]);
  }
  // (FNM_NOESCAPE: a backslash is an ordinary character)
  const match = (s: string): boolean => patterns.length === 0 || patterns.some((p) => fnmatch(p.replace(/\\/g, '\\\\'), s));
  let out = '';
  for (const [k, dst] of ids) if (match(k) || match(dst)) out += `ids: ${k} → ${dst}\n`;
  for (const [k, v] of names) if (match(k) || v.some(match)) out += `aliases: ${k} ← ${v.join(', ')}\n`;
  await ctx.print(out);
  return 0;
}

/** The directories of the scope given (--system, --user or --global). */
export function unitFileDirs(scope: 'system' | 'user' | 'global', userPaths: () => string[]): readonly string[] {
  return scope === 'system' ? SYSTEM_LOOKUP_PATHS.searchPath : scope === 'global' ? GLOBAL_LOOKUP_PATHS.searchPath : userPaths();
}
