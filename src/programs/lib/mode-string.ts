// The ten-character mode column of `ls -l` and `stat -c %A` (gnulib filemodestring):
// a type letter, then rwx triplets where setuid/setgid/sticky show as s/S and t/T.

const TYPE_LETTERS: [number, string][] = [
  [0o140000, 's'],
  [0o120000, 'l'],
  [0o100000, '-'],
  [0o060000, 'b'],
  [0o040000, 'd'],
  [0o020000, 'c'],
  [0o010000, 'p'],
];

export const S_IFMT = 0o170000;
export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;
export const S_IFLNK = 0o120000;

export function typeLetter(mode: number): string {
  const t = mode & S_IFMT;
  return TYPE_LETTERS.find(([bits]) => bits === t)?.[1] ?? '?';
}

/** e.g. 0o104755 -> "-rwsr-xr-x", 0o41777 -> "drwxrwxrwt". */
export function modeString(mode: number): string {
  const bit = (mask: number, ch: string): string => (mode & mask ? ch : '-');
  const special = (exec: number, flag: number, set: string): string => {
    if (mode & flag) return mode & exec ? set : set.toUpperCase();
    return mode & exec ? 'x' : '-';
  };
  return (
    typeLetter(mode) +
    bit(0o400, 'r') + bit(0o200, 'w') + special(0o100, 0o4000, 's') +
    bit(0o040, 'r') + bit(0o020, 'w') + special(0o010, 0o2000, 's') +
    bit(0o004, 'r') + bit(0o002, 'w') + special(0o001, 0o1000, 't')
  );
}
