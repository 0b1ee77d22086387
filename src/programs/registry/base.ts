// Programs of the foundation: the first coreutils set.
import type { Program } from '../define';
import trueProgram from '../coreutils/true';
import falseProgram from '../coreutils/false';
import cat from '../coreutils/cat';
import clear from '../coreutils/clear';
import cp from '../coreutils/cp';
import echo from '../coreutils/echo';
import env from '../coreutils/env';
import hostname from '../coreutils/hostname';
import id from '../coreutils/id';
import ls from '../coreutils/ls/index';
import mkdir from '../coreutils/mkdir';
import mkfifo from '../coreutils/mkfifo';
import mv from '../coreutils/mv';
import pwd from '../coreutils/pwd';
import rm from '../coreutils/rm';
import sleep from '../coreutils/sleep';
import touch from '../coreutils/touch';
import uname from '../coreutils/uname';
import whoami from '../coreutils/whoami';

export const basePrograms: Program[] = [
  trueProgram,
  falseProgram,
  cat,
  clear,
  cp,
  echo,
  env,
  hostname,
  id,
  ls,
  mkdir,
  mkfifo,
  mv,
  pwd,
  rm,
  sleep,
  touch,
  uname,
  whoami,
];
