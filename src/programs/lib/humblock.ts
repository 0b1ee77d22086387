// gnulib humblock/human_options: a block size spec (-B, --block-size, $DF_BLOCK_SIZE,
// $BLOCK_SIZE...) as a unit in bytes and the way numbers are printed in it.
import type { HumanOptions } from './human';
import { xstrtol } from './xstrtol';

export interface BlockSpec {
  size: number;
  human: HumanOptions;
}

/** The unit for SPEC; undefined SPEC means $BLOCK_SIZE, $BLOCKSIZE or the default. */
export function humblock(specIn: string | undefined, env: Map<string, string>): BlockSpec | 'invalid' {
  const def = (): number => (env.has('POSIXLY_CORRECT') ? 512 : 1024);
  let spec = specIn ?? env.get('BLOCK_SIZE') ?? env.get('BLOCKSIZE');
  if (spec === undefined) return { size: def(), human: {} };
  if (spec.startsWith("'")) spec = spec.slice(1);
  if ('human-readable'.startsWith(spec) && spec !== '' && !/^\d/.test(spec)) return { size: 1, human: { autoscale: true, suffix: true } };
  if ('si'.startsWith(spec) && spec !== '') return { size: 1, human: { autoscale: true, si: true, suffix: true } };
  const r = xstrtol(spec, 'eEgGkKmMpPtTyYzZ0', { base: 0 });
  if (r.status !== 'ok' || r.value === 0n) return 'invalid';
  const human: HumanOptions = {};
  // a unit letter without leading digits is printed after each number
  if (!/^\d/.test(spec)) {
    human.suffix = true;
    if (spec.endsWith('B')) human.bytes = true;
    human.si = spec.endsWith('B') && !spec.endsWith('iB');
  }
  return { size: Number(r.value), human };
}

/** Why humblock() rejected SPEC, as xstrtol_fatal words it: bad number, bad suffix, too large. */
export function humblockError(specIn: string): 'invalid' | 'suffix' | 'overflow' {
  const spec = specIn.startsWith("'") ? specIn.slice(1) : specIn;
  const r = xstrtol(spec, 'eEgGkKmMpPtTyYzZ0', { base: 0 });
  if (r.status === 'suffix' || r.status === 'suffix-overflow') return 'suffix';
  return r.status === 'overflow' ? 'overflow' : 'invalid';
}
