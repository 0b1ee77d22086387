// What the shell's own memory costs the machine: variables, arrays and the text of command
// substitutions are charged to the process (Sys.alloc), so `a=$(yes)` or an ever-growing
// array runs into RLIMIT_AS (ulimit -v) or the OOM killer as bash would, instead of taking
// the browser tab with it. bash is built --without-bash-malloc on Photon, so a refused
// allocation is xmalloc.c's fatal `NAME: xmalloc: cannot allocate N bytes` (exit status 2).
import { isSysError } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import { ShellFatal } from './control';
import type { ShellState, Var } from './state';

/** Bytes bash spends per variable and per array element beyond the text (SHELL_VAR, ARRAY_ELEMENT, malloc headers). */
const VAR_OVERHEAD = 64;
const ELEMENT_OVERHEAD = 48;
/** Growth hinted before the variables are measured again (and at least a quarter of what is charged). */
const REMEASURE = 1 << 20;

function varSize(v: Var): number {
  let n = VAR_OVERHEAD + (v.value?.length ?? 0);
  if (v.array) for (const e of v.array.values()) n += ELEMENT_OVERHEAD + e.length;
  if (v.assoc) for (const [k, e] of v.assoc) n += ELEMENT_OVERHEAD + k.length + e.length;
  return n;
}

/** The bytes the shell's variables and positional parameters take. */
export function measureVariables(state: ShellState): number {
  let n = 0;
  for (const v of state.globals.values()) n += varSize(v);
  for (const scope of state.scopes) for (const v of scope.values()) n += varSize(v);
  for (const p of state.positional) n += ELEMENT_OVERHEAD + p.length;
  return n;
}

/** Charges `bytes` to the process; a refusal is bash's fatal allocation error for an allocation of `size` bytes. */
export function shellAlloc(sys: Sys, bytes: number, fn: 'xmalloc' | 'xrealloc', size: number, arg0: string): void {
  try {
    sys.alloc(bytes);
  } catch (e) {
    if (isSysError(e) && e.errno === 'ENOMEM') throw new ShellFatal(`${arg0}: ${fn}: cannot allocate ${size} bytes`);
    throw e;
  }
}

/**
 * The variables' charge, kept close to what they take: growth is hinted by every assignment,
 * and once it adds up the variables are measured and the charge moved to match (so memory
 * freed by unset or a shorter value is given back at the next measure).
 */
export class VariableMemory {
  private charged = 0;
  private hinted = 0;

  constructor(
    private readonly sys: Sys,
    private readonly state: ShellState,
  ) {}

  grew(bytes: number): void {
    if (bytes <= 0) return;
    this.hinted += bytes;
    if (this.hinted >= Math.max(REMEASURE, this.charged / 4)) this.measure();
  }

  measure(): void {
    this.hinted = 0;
    const size = measureVariables(this.state);
    const delta = size - this.charged;
    if (delta > 0) shellAlloc(this.sys, delta, 'xmalloc', delta, this.state.arg0);
    else if (delta < 0) this.sys.alloc(delta);
    this.charged = size;
  }
}
