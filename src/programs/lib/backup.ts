// gnulib backupfile: the --backup CONTROL words (and $VERSION_CONTROL), the suffix
// (-S, $SIMPLE_BACKUP_SUFFIX, default '~') and the name of the next backup of a file.
import type { Sys } from '../../shared/sys';
import { argmatch, argmatchError, type ArgChoices } from './argmatch';
import type { Ctx } from './context';
import { quoteaf } from './quote';

export type BackupType = 'none' | 'simple' | 'existing' | 'numbered';

const CHOICES: ArgChoices<BackupType> = [
  ['none', 'none'], ['off', 'none'], ['simple', 'simple'], ['never', 'simple'],
  ['existing', 'existing'], ['nil', 'existing'], ['numbered', 'numbered'], ['t', 'numbered'],
];

/** xget_version: the CONTROL argument, else $VERSION_CONTROL, else 'existing'; undefined after an error. */
export async function backupType(ctx: Ctx, control: string | undefined): Promise<BackupType | undefined> {
  const fromEnv = control === undefined;
  const word = control ?? ctx.env.get('VERSION_CONTROL');
  if (word === undefined || word === '') return 'existing';
  const r = argmatch(word, CHOICES);
  if ('value' in r) return r.value;
  await argmatchError(ctx, fromEnv ? '$VERSION_CONTROL' : 'backup type', word, r.error, CHOICES);
  await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
  return undefined;
}

/** The suffix for simple backups: -S, else $SIMPLE_BACKUP_SUFFIX (if it has no slash), else '~'. */
export function backupSuffix(ctx: Ctx, option: string | undefined): string {
  const s = option ?? ctx.env.get('SIMPLE_BACKUP_SUFFIX');
  return s && !s.includes('/') ? s : '~';
}

/** find_backup_file_name: FILE~ or FILE.~N~ (one more than the highest existing). */
export async function backupName(sys: Sys, file: string, type: BackupType, suffix: string): Promise<string> {
  if (type === 'simple') return file + suffix;
  const slash = file.lastIndexOf('/');
  const dir = slash < 0 ? '.' : file.slice(0, slash) || '/';
  const base = file.slice(slash + 1);
  let highest = 0;
  try {
    for (const name of await sys.readdir(dir)) {
      if (!name.startsWith(`${base}.~`) || !name.endsWith('~')) continue;
      const digits = name.slice(base.length + 2, -1);
      if (/^[1-9]\d*$/.test(digits)) highest = Math.max(highest, Number(digits));
    }
  } catch {
    // an unreadable directory has no numbered backups
  }
  if (type === 'existing' && highest === 0) return file + suffix;
  return `${file}.~${highest + 1}~`;
}

/**
 * Moves `file` aside as its next backup (cp, mv, ln, install with --backup): the backup's name,
 * or undefined after reporting `cannot backup FILE`.
 */
export async function makeBackup(ctx: Ctx, file: string, type: BackupType, suffix: string): Promise<string | undefined> {
  const name = await backupName(ctx.sys, file, type, suffix);
  try {
    await ctx.sys.rename(file, name);
    return name;
  } catch (e) {
    await ctx.perror(e, `cannot backup ${quoteaf(file)}`);
    return undefined;
  }
}
