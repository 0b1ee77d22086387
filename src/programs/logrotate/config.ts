// Reading logrotate's configuration (3.22's rules): files and directories given on the command
// line or by `include`, a directory's files in name order minus the taboo extensions, each file
// scanned character by character as logrotate does (keywords, log file blocks, scripts up to
// endscript), with its messages and the way an error skips a block or the rest of a file.
import { isSysError, strerror } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import { Accounts } from '../lib/accounts';
import { glob } from '../shell/glob';
import { parseArgvString } from './argv-string';
import { copyLogInfo, Crit, defaultLogInfo, type Flag, type LogInfo, NO_ID, NO_MODE } from './loginfo';
import type { Messages } from './messages';

const DEFAULT_TABOO = [
  ',v', '.bak', '.cfsaved', '.disabled', '.dpkg-bak', '.dpkg-del', '.dpkg-dist', '.dpkg-new', '.dpkg-old', '.dpkg-tmp',
  '.new', '.old', '.orig', '.rhn-cfg-tmp-*', '.rpmnew', '.rpmorig', '.rpmsave', '.swp', '.ucf-dist', '.ucf-new', '.ucf-old', '~',
];
const COMPRESS_EXTS: [string, string][] = [['gzip', '.gz'], ['bzip2', '.bz2'], ['xz', '.xz'], ['zstd', '.zst'], ['compress', '.Z'], ['zip', '.zip']];
const MAX_NESTING = 16;

export const COMPRESS_COMMAND = '/bin/gzip';
export const UNCOMPRESS_COMMAND = '/bin/gunzip';
export const COMPRESS_EXT = '.gz';

export interface ConfigRun {
  m: Messages;
  sys: Sys;
  logs: LogInfo[];
  taboo: string[];
  depth: number;
  accounts?: Accounts;
}

interface Holder {
  cfg: LogInfo;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isSpace = (c: string | undefined): boolean => c !== undefined && ' \t\n\v\f\r'.includes(c);
const isAlpha = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/** strtol/strtoul with base 0: the number and what follows it. */
function strtol(s: string): [number, string] {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s);
  if (!m) return [0, s];
  const digits = m[2]!;
  const v = /^0[xX]/.test(digits) ? Number.parseInt(digits.slice(2), 16) : digits.startsWith('0') && digits.length > 1 ? Number.parseInt(digits, 8) : Number(digits);
  return [m[1] === '-' ? -v : v, s.slice(m[0].length)];
}

function fnmatchPeriod(pattern: string, name: string): boolean {
  if (name.startsWith('.') && !pattern.startsWith('.')) return false;
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's').test(name);
}

export async function readAllConfigPaths(r: ConfigRun, paths: string[]): Promise<boolean> {
  r.taboo = DEFAULT_TABOO.map((e) => `*${e}`);
  const def: Holder = { cfg: defaultLogInfo() };
  let failed = false;
  for (const p of paths) if (await readConfigPath(r, p, def)) failed = true;
  return failed;
}

async function readConfigPath(r: ConfigRun, path: string, def: Holder): Promise<boolean> {
  const { sys, m } = r;
  let st;
  try {
    st = await sys.stat(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await m.error(`cannot stat ${path}: ${strerror(e.errno)}\n`);
    return true;
  }
  if (st.kind !== 'dir') {
    const backup = copyLogInfo(def.cfg);
    if (await readConfigFile(r, path, def)) {
      def.cfg = backup;
      return true;
    }
    return false;
  }
  let names: string[];
  try {
    names = await sys.readdir(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await m.error(`cannot open directory ${path}: ${strerror(e.errno)}\n`);
    return true;
  }
  const kept: string[] = [];
  for (const name of names) {
    if (name === '.' || name === '..') continue;
    const hit = r.taboo.find((p) => fnmatchPeriod(p, name));
    if (hit !== undefined) {
      await m.debug(`Ignoring ${name}, because of ${hit} pattern match\n`);
      continue;
    }
    kept.push(name);
  }
  if (!kept.length) return false;
  kept.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const here = sys.getcwd();
  try {
    await sys.chdir(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await m.error(`error in chdir("${path}"): ${strerror(e.errno)}\n`);
    return true;
  }
  let failed = false;
  for (const name of kept) {
    const backup = copyLogInfo(def.cfg);
    if (await readConfigFile(r, name, def)) {
      await m.error(`found error in file ${name}, skipping\n`);
      def.cfg = backup;
      failed = true;
    }
  }
  await sys.chdir(here).catch(() => undefined);
  return failed;
}

const enum S {
  Default = 2,
  SkipLine = 4,
  DefinitionEnd = 8,
  SkipConfig = 16,
  LoadScript = 32,
  Error = 64,
}

async function resolveId(r: ConfigRun, name: string, kind: 'user' | 'group'): Promise<number | undefined> {
  r.accounts ??= await Accounts.load(r.sys);
  const byName = kind === 'user' ? r.accounts.userByName(name)?.uid : r.accounts.groupByName(name)?.gid;
  if (byName !== undefined) return byName;
  if (/^[0-9]+$/.test(name) && Number(name) < 0xffffffff) return Number(name);
  return undefined;
}

/** readModeUidGid: "[mode] [user [group]]" (su: "user group"); false after an error message. */
async function readModeUidGid(r: ConfigRun, where: string, text: string, directive: string): Promise<{ mode?: number; uid?: number; gid?: number } | false> {
  const isSu = directive === 'su';
  let p = 0;
  while (p < text.length && isSpace(text[p])) p++;
  if (p >= text.length) return {};
  const vals: string[] = [];
  let i = 0;
  for (; i < 3; i++) {
    let start = p;
    while (isSpace(text[start])) start++;
    let end = '';
    if (text[start] === "'" || text[start] === '"') end = text[start++]!;
    p = start;
    while (p < text.length && (end ? text[p] !== end : !isSpace(text[p]))) p++;
    if (end && text[p] !== end) {
      await r.m.error(`${where} invalid arguments for ${directive}\n`);
      return false;
    }
    vals.push(text.slice(start, p));
    if (end) p++;
    if (p >= text.length) break;
  }
  if (i >= 3 || (i === 2 && isSu)) {
    await r.m.error(`${where} extra arguments for ${directive}\n`);
    return false;
  }
  let modestr: string | undefined;
  let userstr: string | undefined;
  let groupstr: string | undefined;
  if (i === 2) [modestr, userstr, groupstr] = vals;
  else if (i === 1) [userstr, groupstr] = vals;
  else if (isSu) userstr = vals[0];
  else modestr = vals[0];
  const out: { mode?: number; uid?: number; gid?: number } = {};
  if (groupstr !== undefined) {
    out.gid = await resolveId(r, groupstr, 'group');
    if (out.gid === undefined) {
      await r.m.error(`${where} unknown group '${groupstr}'\n`);
      return false;
    }
  }
  if (userstr !== undefined) {
    out.uid = await resolveId(r, userstr, 'user');
    if (out.uid === undefined) {
      await r.m.error(`${where} unknown user '${userstr}'\n`);
      return false;
    }
  }
  if (modestr !== undefined) {
    if (!/^[+-]?[0-7]+$/.test(modestr) || Number.parseInt(modestr, 8) < 0) {
      await r.m.error(`${where} invalid mode '${modestr}'\n`);
      return false;
    }
    out.mode = Number.parseInt(modestr, 8);
  }
  return out;
}

function expandHome(sys: Sys, path: string): string {
  if (!path.startsWith('~/')) return path;
  return `${sys.env.get('HOME') ?? '/root'}/${path.slice(2)}`;
}

async function readConfigFile(r: ConfigRun, file: string, def: Holder): Promise<boolean> {
  const { sys, m } = r;
  let st;
  try {
    st = await sys.stat(file);
    if (st.kind === 'file') await sys.access(file, 4);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await m.error(`failed to open config file ${file}: ${strerror(e.errno)}\n`);
    return true;
  }
  // a directory, device or pipe is passed over unread (3.22 does not wait on a pipe)
  if (st.kind !== 'file') {
    await m.debug(`Ignoring ${file} because it's not a regular file.\n`);
    return false;
  }
  if (sys.getuid() === 0) {
    if ((st.mode & 0o7533) !== 0o400) await m.warn(`Potentially dangerous mode on ${file}: 0${(st.mode & 0o7777).toString(8)}\n`);
    if (st.mode & 0o022) {
      await m.error(`Ignoring ${file} because it is writable by group or others.\n`);
      return true;
    }
    if (st.uid !== 0) {
      await m.error(`Ignoring ${file} because the file owner is wrong (should be root or user with uid 0).\n`);
      return true;
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = await sys.readFile(file);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await m.error(`failed to open config file ${file}: ${strerror(e.errno)}\n`);
    return true;
  }
  if (bytes.length === 0) {
    await m.debug(`Ignoring ${file} because it's empty.\n`);
    return false;
  }
  const s = new TextDecoder('latin1').decode(bytes);
  const n = s.length;
  await m.debug(`reading config file ${file}\n`);

  let p = 0;
  let line = 1;
  let state: number = S.Default;
  let cur: LogInfo | null = null;
  let logerror = false;
  let critSet = false;
  let inConfig = false;
  let scriptStart = -1;
  let scriptDest: 'pre' | 'post' | 'first' | 'last' | 'preremove' | '' = '';
  const at = (): string => `${file}:${line}`;
  const target = (): LogInfo => cur ?? def.cfg;
  const fail = (): boolean => {
    if (cur) removeLast(r);
    return true;
  };
  const setCrit = async (c: Crit): Promise<void> => {
    const t = target();
    if (critSet && t.criterium !== c) await m.debug(`note: '${critName(c)}' overrides previously specified '${critName(t.criterium)}'\n`);
    t.criterium = c;
    critSet = true;
  };
  const isolateWord = (q: number): [string, number] => {
    while (q < n && isBlank(s[q])) q++;
    let e = q;
    while (e < n && isAlpha(s[e])) e++;
    return [s.slice(q, e), e];
  };
  const isolateLine = (q: number): [string, number] => {
    let e = q;
    while (e < n && s[e] !== '\n') e++;
    const back = e - 1;
    if (e < n) while (e >= q && isSpace(s[e])) e--;
    let len = e - q + 1;
    if (q + len > n) len = n - q;
    return [s.slice(q, q + Math.max(0, len)), back];
  };
  /** isolateValue: blanks and one '=' skipped; undefined (after a message) when the line ends. */
  const isolateValue = async (key: string): Promise<string | undefined> => {
    let q = p;
    while (q < n && isBlank(s[q])) q++;
    if (s[q] === '=') {
      q++;
      while (q < n && isBlank(s[q])) q++;
    }
    if (s[q] === '\n') {
      await m.error(`${at()} argument expected after ${key}\n`);
      return undefined;
    }
    const [v, np] = isolateLine(q);
    p = np;
    return v;
  };
  const readPath = async (key: string): Promise<string | undefined> => {
    const v = await isolateValue(key);
    if (v === undefined) return undefined;
    if (/[^\x21-\x7e\x80-\xff]/.test(v)) {
      await m.error(`${at()} bad ${key} path ${v}\n`);
      return undefined;
    }
    return v;
  };

  for (;;) {
    if (p >= n) break;
    const c = s[p]!;
    let skipCount = false;
    let raise = false;
    let abort = false;
    switch (state) {
      case S.Default: {
        if (isBlank(c)) {
          skipCount = true;
          break;
        }
        if (c === '#') {
          state = S.SkipLine;
          skipCount = true;
          break;
        }
        if (isAlpha(c)) {
          const [key, np] = isolateWord(p);
          p = np;
          if (p < n && !isSpace(s[p]) && s[p] !== '=') {
            await m.error(`${at()} keyword '${key}' not properly separated, found 0x${s.charCodeAt(p).toString(16)}\n`);
            raise = true;
            break;
          }
          const t = target();
          const flagOn: Record<string, Flag> = {
            compress: 'compress', delaycompress: 'delaycompress', shred: 'shred', allowhardlink: 'allowhardlink', sharedscripts: 'sharedscripts',
            copy: 'copy', ifempty: 'ifempty', dateext: 'dateext', dateyesterday: 'dateyesterday', datehourago: 'datehourago',
            mailfirst: 'mailfirst', missingok: 'missingok', ignoreduplicates: 'ignoreduplicates',
          };
          const flagOff: Record<string, Flag> = {
            nocompress: 'compress', nodelaycompress: 'delaycompress', noshred: 'shred', noallowhardlink: 'allowhardlink',
            nosharedscripts: 'sharedscripts', nocopytruncate: 'copytruncate', norenamecopy: 'tmpfilename', nocopy: 'copy',
            notifempty: 'ifempty', nodateext: 'dateext', maillast: 'mailfirst', nocreateolddir: 'olddircreate', nocreate: 'create',
            nomissingok: 'missingok',
          };
          if (Object.hasOwn(flagOn, key)) t.flags.add(flagOn[key]!);
          else if (Object.hasOwn(flagOff, key)) t.flags.delete(flagOff[key]!);
          else if (key === 'copytruncate') {
            t.flags.add('copytruncate');
            t.flags.delete('tmpfilename');
          } else if (key === 'renamecopy') {
            t.flags.add('tmpfilename');
            t.flags.delete('copytruncate');
          } else if (key === 'dateformat') t.dateformat = await isolateValue(key);
          else if (key === 'noolddir') t.oldDir = undefined;
          else if (key === 'su' || key === 'create' || key === 'createolddir') {
            const [text, np2] = isolateLine(p);
            p = np2;
            const got = await readModeUidGid(r, at(), text, key);
            if (got === false) {
              raise = true;
              break;
            }
            if (key === 'su') {
              if (got.mode !== undefined) {
                await m.error(`${at()} extra arguments for su\n`);
                raise = true;
                break;
              }
              if (got.uid === undefined && t.suUid === NO_ID) {
                await m.error(`${at()} no user for su\n`);
                raise = true;
                break;
              }
              if (got.gid === undefined && t.suGid === NO_ID) {
                await m.error(`${at()} no group for su\n`);
                raise = true;
                break;
              }
              if (got.uid !== undefined) t.suUid = got.uid;
              if (got.gid !== undefined) t.suGid = got.gid;
              t.flags.add('su');
            } else if (key === 'create') {
              if (got.mode !== undefined) t.createMode = got.mode;
              if (got.uid !== undefined) t.createUid = got.uid;
              if (got.gid !== undefined) t.createGid = got.gid;
              t.flags.add('create');
            } else {
              if (got.mode !== undefined) t.olddirMode = got.mode;
              if (got.uid !== undefined) t.olddirUid = got.uid;
              if (got.gid !== undefined) t.olddirGid = got.gid;
              if (t.olddirMode === NO_MODE) t.olddirMode = 0o755;
              t.flags.add('olddircreate');
            }
          } else if (key === 'size' || key === 'minsize' || key === 'maxsize') {
            let v = await isolateValue(key);
            if (!v) {
              skipCount = true;
              break;
            }
            let mult = 1;
            const last = v[v.length - 1]!;
            if (last === 'k' || last === 'K') mult = 1024;
            else if (last === 'M') mult = 1024 * 1024;
            else if (last === 'G') mult = 1024 * 1024 * 1024;
            else if (!/[0-9]/.test(last)) {
              await m.error(`${at()} unknown unit '${last}'\n`);
              raise = true;
              break;
            }
            if (mult !== 1) v = v.slice(0, -1);
            const [num, rest] = strtol(v);
            if (rest || num < 0) {
              await m.error(`${at()} bad size '${v}'\n`);
              raise = true;
              break;
            }
            if (key === 'size') {
              await setCrit(Crit.Size);
              t.threshold = num * mult;
            } else if (key === 'maxsize') t.maxsize = num * mult;
            else t.minsize = num * mult;
          } else if (key === 'shredcycles') {
            const v = await isolateValue('shred cycles');
            const [num, rest] = v === undefined ? [0, ''] : strtol(v);
            if (v === undefined || rest || num < 0) {
              if (v !== undefined) await m.error(`${at()} bad shred cycles '${v}'\n`);
              raise = true;
              break;
            }
            t.shredCycles = num;
          } else if (key === 'hourly') await setCrit(Crit.Hourly);
          else if (key === 'daily') {
            await setCrit(Crit.Days);
            t.threshold = 1;
          } else if (key === 'monthly') await setCrit(Crit.Monthly);
          else if (key === 'yearly') await setCrit(Crit.Yearly);
          else if (key === 'weekly') {
            await setCrit(Crit.Weekly);
            const [v, np2] = isolateLine(p);
            p = np2;
            if (v === '') {
              t.weekday = 0;
              skipCount = true;
              break;
            }
            const wm = /^\s*\+?([0-9]+)$/.exec(v);
            if (wm && Number(wm[1]) <= 7) {
              t.weekday = Number(wm[1]);
              skipCount = true;
              break;
            }
            await m.error(`${at()} bad weekly directive '${v}'\n`);
            abort = true;
            break;
          } else if (key === 'rotate' || key === 'start' || key === 'minage' || key === 'maxage') {
            const label = key === 'rotate' ? 'rotate count' : key === 'start' ? 'start count' : `${key} count`;
            const v = await isolateValue(label);
            if (v === undefined) {
              raise = true;
              break;
            }
            const [num, rest] = strtol(v);
            const bad = key === 'rotate' ? num < -1 : num < 0;
            if (rest || bad || (key !== 'rotate' && /^\s*-/.test(v))) {
              if (key === 'rotate') await m.error(`${at()} bad rotation count '${v}'\n`);
              else if (key === 'start') await m.error(`${at()} bad start count '${v}'\n`);
              else await m.error(`${at()} bad ${key === 'minage' ? 'minimum' : 'maximum'} age '${s.slice(p)}'\n`);
              raise = true;
              break;
            }
            if (key === 'rotate') t.rotateCount = num;
            else if (key === 'start') t.logStart = num;
            else if (key === 'minage') t.rotateMinAge = num;
            else t.rotateAge = num;
          } else if (key === 'errors') {
            await m.warn(`${file}: ${line}: the errors directive is deprecated and no longer used.\n`);
          } else if (key === 'mail') {
            t.logAddress = undefined;
            const v = await isolateValue(key);
            if (v === undefined) {
              raise = true;
              break;
            }
            t.logAddress = v;
          } else if (key === 'nomail') t.logAddress = undefined;
          else if (key === 'prerotate' || key === 'firstaction' || key === 'postrotate' || key === 'lastaction' || key === 'preremove') {
            scriptDest = key === 'prerotate' ? 'pre' : key === 'postrotate' ? 'post' : key === 'firstaction' ? 'first' : key === 'lastaction' ? 'last' : 'preremove';
            t[scriptDest] = undefined;
            scriptStart = p;
            state = S.LoadScript;
          } else if (key === 'tabooext' || key === 'taboopat') {
            if (cur) {
              await m.error(`${at()} ${key} may not appear inside of log file definition\n`);
              state = S.Error;
              skipCount = true;
              break;
            }
            const v = await isolateValue(key);
            if (v === undefined) {
              skipCount = true;
              break;
            }
            let rest = v;
            if (rest.startsWith('+')) rest = rest.slice(1).replace(/^\s+/, '');
            else r.taboo = [];
            for (const part of rest.split(/[\s,]+/)) {
              if (key === 'tabooext') {
                if (part) r.taboo.push(`*${part}`);
              } else r.taboo.push(part);
            }
          } else if (key === 'include') {
            const raw = await isolateValue(key);
            if (raw === undefined) {
              raise = true;
              break;
            }
            const path = expandHome(sys, raw);
            if (path !== raw) await m.debug(`replaced '${raw}' with '${path}'\n`);
            await m.debug(`including ${path}\n`);
            if (r.depth >= MAX_NESTING) {
              await m.error(`${at()} include nesting too deep\n`);
              logerror = true;
              break;
            }
            r.depth++;
            const holder: Holder = { cfg: t };
            const failed = await readConfigPath(r, path, holder);
            r.depth--;
            if (cur) {
              if (holder.cfg !== cur) Object.assign(cur, holder.cfg, { pattern: cur.pattern, files: cur.files });
            } else def.cfg = holder.cfg;
            if (failed) logerror = true;
          } else if (key === 'olddir') {
            t.oldDir = undefined;
            const v = await readPath('olddir');
            if (v === undefined) {
              raise = true;
              break;
            }
            t.oldDir = expandHome(sys, v);
            await m.debug(`olddir is now ${t.oldDir}\n`);
          } else if (key === 'extension' || key === 'addextension') {
            const v = await isolateValue(`${key} name`);
            if (v === undefined) {
              raise = true;
              break;
            }
            t[key] = v;
            await m.debug(`${key} is now ${v}\n`);
          } else if (key === 'compresscmd') {
            t.compressProg = undefined;
            const v = await readPath('compress');
            if (v === undefined) {
              raise = true;
              break;
            }
            t.compressProg = v;
            await m.debug(`compress_prog is now ${v}\n`);
            const base = v.replace(/\/+$/, '').split('/').pop() ?? v;
            const ext = COMPRESS_EXTS.find(([cmd]) => cmd === base);
            if (ext) {
              t.compressExt = ext[1];
              await m.debug(`compress_ext was changed to ${ext[1]}\n`);
            }
          } else if (key === 'uncompresscmd') {
            t.uncompressProg = undefined;
            const v = await readPath('uncompress');
            if (v === undefined) {
              raise = true;
              break;
            }
            t.uncompressProg = v;
            await m.debug(`uncompress_prog is now ${v}\n`);
          } else if (key === 'compressoptions') {
            t.compressOptions = [];
            const [v, np2] = isolateLine(p);
            p = np2;
            const list = parseArgvString(v);
            if (!list) {
              await m.error(`${at()} invalid compression options\n`);
              raise = true;
              break;
            }
            t.compressOptions = list;
            await m.debug(`compress_options is now ${v}\n`);
          } else if (key === 'compressext') {
            t.compressExt = undefined;
            const v = await readPath('compress-ext');
            if (v === undefined) {
              raise = true;
              break;
            }
            t.compressExt = v;
            await m.debug(`compress_ext is now ${v}\n`);
          } else {
            await m.warn(`${at()} unknown option '${key}' -- ignoring line\n`);
            if (p < n && s[p] !== '\n') state = S.SkipLine;
          }
          break;
        }
        if (c === '/' || c === '"' || c === "'" || c === '~') {
          inConfig = false;
          if (cur) {
            await m.error(`${at()} unexpected log filename\n`);
            state = S.Error;
            skipCount = true;
            break;
          }
          def.cfg.compressProg ??= COMPRESS_COMMAND;
          def.cfg.uncompressProg ??= UNCOMPRESS_COMMAND;
          def.cfg.compressExt ??= COMPRESS_EXT;
          cur = copyLogInfo(def.cfg);
          r.logs.push(cur);
          const got = await parseGlobString(m, at(), s, p);
          if (got.text === undefined) {
            abort = true;
            break;
          }
          p = got.end;
          inConfig = true;
          const args = parseArgvString(got.text);
          if (!args) {
            await m.error(`${at()} error parsing filename\n`);
            abort = true;
            break;
          }
          for (const arg of args) {
            if (arg.length > 2048) {
              await m.error(`${at()} glob too long (${arg.length} > 2048)\n`);
              logerror = true;
              continue;
            }
            const pattern = arg.startsWith('~/') ? expandHome(sys, arg) : arg;
            let found: string[] = [];
            try {
              found = await glob(sys, pattern, { dotglob: false, globstar: false, extglob: false, bytes: true });
            } catch {
              found = [];
            }
            if (!found.length) found = [pattern];
            dup: for (const f of found) {
              try {
                if ((await sys.lstat(f)).kind === 'dir') continue;
              } catch {
                // a name that does not exist is kept (GLOB_NOCHECK)
              }
              let add = true;
              for (const log of r.logs) {
                if (!log.files.includes(f)) continue;
                if (log.flags.has('ignoreduplicates')) {
                  add = false;
                  await m.debug(`${at()} ignore duplicate log entry for ${f}\n`);
                } else {
                  await m.error(`${at()} duplicate log entry for ${f}\n`);
                  logerror = true;
                  break dup;
                }
              }
              if (add) cur.files.push(f);
            }
          }
          cur.pattern = got.text;
          break;
        }
        if (c === '}') {
          if (!cur) {
            await m.error(`${at()} unexpected }\n`);
            return true;
          }
          if (!inConfig) {
            await m.error(`${at()} unexpected } (missing previous '{')\n`);
            return fail();
          }
          inConfig = false;
          if (cur.oldDir && !(await checkOldDir(r, at(), cur))) return fail();
          critSet = false;
          cur = null;
          state = S.DefinitionEnd;
          break;
        }
        if (c !== '\n') {
          await m.error(`${at()} lines must begin with a keyword or a filename (possibly in double quotes)\n`);
          raise = true;
        }
        break;
      }
      case S.SkipLine:
      case S.SkipLine | S.SkipConfig:
        if (c === '\n') state = state & S.SkipConfig ? S.SkipConfig : S.Default;
        break;
      case S.SkipLine | S.LoadScript:
        if (c === '\n') state = S.LoadScript;
        break;
      case S.SkipLine | S.LoadScript | S.SkipConfig:
        if (c === '\n') state = S.LoadScript | S.SkipConfig;
        break;
      case S.DefinitionEnd:
      case S.DefinitionEnd | S.SkipConfig:
        if (isBlank(c)) {
          skipCount = true;
          break;
        }
        if (c !== '\n') {
          await m.error(`${at()}, unexpected text after }\n`);
          state = S.SkipLine | (state & S.SkipConfig);
        } else state = state & S.SkipConfig ? S.SkipConfig : S.Default;
        break;
      case S.Error:
        await m.error(`found error in ${cur?.pattern || 'log config'}, skipping\n`);
        logerror = true;
        state = S.SkipConfig;
        break;
      case S.LoadScript:
      case S.LoadScript | S.SkipConfig: {
        const [key, np] = isolateWord(p);
        p = np;
        if (key === 'endscript') {
          if (!(state & S.SkipConfig)) {
            let e = p - 9;
            while (e > scriptStart && s[e] !== '\n') e--;
            e++;
            if (scriptDest) target()[scriptDest] = s.slice(scriptStart, e);
            scriptDest = '';
            scriptStart = -1;
          }
          state = state & S.SkipConfig ? S.SkipConfig : S.Default;
        } else state = (p < n && s[p] === '\n' ? 0 : S.SkipLine) | S.LoadScript | (state & S.SkipConfig);
        break;
      }
      case S.SkipConfig: {
        if (c === '}') {
          state = S.Default;
          if (cur) removeLast(r);
          cur = null;
          break;
        }
        const [key, np] = isolateWord(p);
        p = np;
        if (['postrotate', 'prerotate', 'firstaction', 'lastaction', 'preremove'].includes(key)) state = S.LoadScript | S.SkipConfig;
        else if (p < n && s[p] !== '\n') state = S.SkipLine | S.SkipConfig;
        break;
      }
    }
    if (abort) return fail();
    if (raise) {
      if (!cur) return true;
      state = S.Error;
      skipCount = true;
    }
    if (!skipCount && p < n && s[p] === '\n') line++;
    p++;
  }
  if (scriptStart >= 0) {
    await m.error(`${file}:prerotate, postrotate or preremove without endscript\n`);
    return fail();
  }
  return logerror;
}

function removeLast(r: ConfigRun): void {
  void r.m.debug('removing last 1 log configs\n');
  r.logs.pop();
}

function critName(c: Crit): string {
  return ['hourly', 'daily', 'weekly', 'monthly', 'yearly', 'size'][c] ?? 'XXX';
}

/** The block's file names: everything up to '{', comment lines left out. */
async function parseGlobString(m: Messages, where: string, s: string, p: number): Promise<{ text?: string; end: number }> {
  let out = '';
  let st: 'init' | 'data' | 'comment' = 'init';
  for (; p < s.length && s[p] !== '\0'; p++) {
    const c = s[p]!;
    if (st === 'init') {
      if (c === '#') st = 'comment';
      else if (!isSpace(c)) st = 'data';
    } else if (c === '\n') st = 'init';
    if (st === 'comment') continue;
    if (c === '}') {
      await m.error(`${where} unexpected } (missing previous '{')\n`);
      return { end: p };
    }
    if (c === '{') return { text: out.replace(/(?<=.)\s+$/s, ''), end: p };
    out += c;
  }
  await m.error(`${where} missing '{' after log files definition\n`);
  return { end: p };
}

function dirname(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return path.slice(0, i).replace(/\/+$/, '') || '/';
}

async function checkOldDir(r: ConfigRun, where: string, log: LogInfo): Promise<boolean> {
  const { sys, m } = r;
  for (const f of log.files) {
    const dir = dirname(f);
    let logDir;
    try {
      logDir = await sys.stat(dir);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (!log.flags.has('missingok')) {
        await m.error(`${where} error verifying log file path ${dir}: ${strerror(e.errno)}\n`);
        return false;
      }
      await m.debug(`${where} verifying log file path failed ${dir}: ${strerror(e.errno)}, log is probably missing, but missingok is set, so this is not an error.\n`);
      continue;
    }
    const old = log.oldDir!.startsWith('/') ? log.oldDir! : `${dir}/${log.oldDir}`;
    let oldSt;
    try {
      oldSt = await sys.stat(old);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno === 'ENOENT' && log.flags.has('olddircreate')) {
        if (!(await mkpath(r, old, log))) return false;
        oldSt = await sys.stat(old);
      } else {
        await m.error(`${where} error verifying olddir path ${old}: ${strerror(e.errno)}\n`);
        return false;
      }
    }
    if (logDir.dev !== oldSt.dev && !['copytruncate', 'copy', 'tmpfilename'].some((fl) => log.flags.has(fl as Flag))) {
      await m.error(`${where} olddir ${log.oldDir} and log file ${f} are on different devices\n`);
      return false;
    }
  }
  return true;
}

async function mkpath(r: ConfigRun, path: string, log: LogInfo): Promise<boolean> {
  const { sys, m } = r;
  const mode = log.olddirMode;
  await m.debug(`creating new directory ${path} mode = 0${mode.toString(8)} uid = ${log.olddirUid} gid = ${log.olddirGid}\n`);
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join('/');
    if (!sub || (i < parts.length && !parts[i])) continue;
    try {
      await sys.mkdir(sub, mode);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno === 'EEXIST') {
        if ((await sys.stat(sub).catch(() => undefined))?.kind === 'dir') continue;
        await m.error(`path ${sub} already exists, but it is not a directory\n`);
        return false;
      }
      await m.error(`error creating ${sub}: ${strerror(e.errno)}\n`);
      return false;
    }
    try {
      const st = await sys.stat(sub);
      const uid = log.olddirUid === NO_ID ? st.uid : log.olddirUid;
      const gid = log.olddirGid === NO_ID ? st.gid : log.olddirGid;
      await sys.chown(sub, uid, gid);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await m.error(`error setting owner of ${sub} to uid ${log.olddirUid >>> 0} and gid ${log.olddirGid >>> 0}: ${strerror(e.errno)}\n`);
      return false;
    }
    try {
      await sys.chmod(sub, mode);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await m.error(`error setting permissions of ${sub} to 0${mode.toString(8)}: ${strerror(e.errno)}\n`);
      return false;
    }
  }
  return true;
}
