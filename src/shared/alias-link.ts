// Where a program's alias (a second name it is installed under) points: its own file's name
// when both are in one directory, else the absolute path of the program (/usr/sbin/pidof ->
// /usr/bin/pidof), so the link never names itself.
export function aliasTarget(alias: string, installPath: string): string {
  const dir = (p: string): string => p.slice(0, p.lastIndexOf('/'));
  return dir(alias) === dir(installPath) ? installPath.slice(installPath.lastIndexOf('/') + 1) : installPath;
}
