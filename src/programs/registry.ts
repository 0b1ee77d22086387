// Every program the machine can run, by name. A program runs only if its file exists in the
// VFS and is executable; the file is a small stub naming the entry here (see exec.ts).
import type { Program } from './define';
import bash from './shell/bash';
import trueProgram from './coreutils/true';
import falseProgram from './coreutils/false';

const all: Program[] = [
  bash,
  trueProgram,
  falseProgram,
];

export const programs = new Map<string, Program>(all.map((p) => [p.name, p]));
