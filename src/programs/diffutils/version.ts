// The --version text shared by diff and cmp (diffutils 3.8).
export const DIFFUTILS_VERSION = (name: string, authors: string): string =>
  `${name} (GNU diffutils) 3.8
Copyright (C) 2021 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by ${authors}`;
