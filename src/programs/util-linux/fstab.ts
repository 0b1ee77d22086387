// An fstab-format table as libmount 2.38 parses it (mnt_parse_table_line): blank lines and
// '#' comments skipped; source, target and type required, options, freq and passno optional;
// fields split at blanks, \ooo escapes undone. A line that fails is a parse error, reported by
// its number. Also libmount's split of an option string into VFS, filesystem and userspace parts.

export interface TabEntry {
  source: string;
  target: string;
  type: string;
  options: string;
  freq: number;
  passno: number;
}

export interface ParsedTab {
  entries: TabEntry[];
  /** the numbers (from 1) of the lines that could not be parsed */
  errors: number[];
}

/** unmangle(): a field with its \ooo escapes undone. */
function unmangle(s: string): string {
  return s.replace(/\\([0-3][0-7]{2})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

/** next_s32(): a whole field that strtol takes as a 32-bit number, or undefined. */
function int32(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = Number(s);
  return v >= -(2 ** 31) && v < 2 ** 31 ? v : undefined;
}

export function parseTab(text: string): ParsedTab {
  const entries: TabEntry[] = [];
  const errors: number[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.replace(/^[ \t]+/, '');
    if (line === '' || line.startsWith('#')) return;
    const f = line.split(/[ \t]+/).filter((x) => x !== '');
    const freq = f[4] === undefined ? 0 : int32(f[4]);
    const passno = f[5] === undefined ? 0 : int32(f[5]);
    if (f.length < 3 || freq === undefined || passno === undefined) {
      errors.push(i + 1);
      return;
    }
    entries.push({ source: unmangle(f[0]!), target: unmangle(f[1]!), type: unmangle(f[2]!), options: f[3] === undefined ? '' : unmangle(f[3]), freq, passno });
  });
  return { entries, errors };
}

// libmount's Linux map: the options that are mount flags (and their negations), no values
const VFS = new Set(['ro', 'rw', 'exec', 'noexec', 'suid', 'nosuid', 'dev', 'nodev', 'sync', 'async', 'dirsync', 'remount', 'bind', 'rbind',
  'mand', 'nomand', 'atime', 'noatime', 'iversion', 'noiversion', 'diratime', 'nodiratime', 'relatime', 'norelatime', 'strictatime',
  'nostrictatime', 'lazytime', 'nolazytime', 'nosymfollow', 'silent', 'loud', 'private', 'rprivate', 'slave', 'rslave', 'shared', 'rshared',
  'unbindable', 'runbindable']);
// libmount's userspace map: options the kernel never sees (those that take no value, then those that do)
const USERSPACE = /^(auto|noauto|nouser|users|nousers|owner|noowner|group|nogroup|_netdev|nofail|user(=.*)?|loop(=.*)?|comment=.*|[xX]-.*|offset=.*|sizelimit=.*|encryption=.*|uhelper=.*|helper=.*|verity\.[a-z]+=.*|hash_device=.*|root_hash=.*|hash_offset=.*|root_hash_file=.*|fec_device=.*|fec_offset=.*|fec_roots=.*|root_hash_sig=.*)$/;

/**
 * mnt_split_optstr(): the VFS, filesystem and userspace parts of an option string ("defaults"
 * belongs to none; a flag given a value is a filesystem option).
 */
export function splitOptions(optstr: string): { vfs: string; fs: string; user: string } {
  const vfs: string[] = [];
  const fs: string[] = [];
  const user: string[] = [];
  for (const o of optstr.split(',')) {
    if (o === '' || o === 'defaults') continue;
    (VFS.has(o) ? vfs : USERSPACE.test(o) ? user : fs).push(o);
  }
  return { vfs: vfs.join(','), fs: fs.join(','), user: user.join(',') };
}
