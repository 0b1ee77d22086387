// Loading matches (-m, or implicitly the -p protocol's match) and targets (-j), and handing
// an option to the extension that owns it (command_default).
import { x6Check } from './ext/common';
import { findMatch, findTarget, STANDARD_TARGETS } from './ext/registry';
import type { ExtState, ParseEnv, XtExtension, XtOptDef } from './ext/types';
import { paramError } from './errors';
import type { ParseIo } from './parse';
import type { ParseState } from './parse-state';
import { protoName } from './proto';
import { strtouiWhole } from './strtoul';
import { XtGetopt } from './xt-getopt';

class XtGetoptStub extends XtGetopt {
  constructor() {
    super([], '');
  }
}
import { OPT } from './parse-state';

export function parseEnv(ps: ParseState, io: ParseIo, g: XtGetopt): ParseEnv {
  return { family: ps.family, proto: ps.proto, protoInv: ps.inv.proto, db: io.db, getopt: g, warn: (t) => io.warn(t) };
}

/** init() sees the family and protocol; it never reads further arguments */
function initEnv(ps: ParseState, io: ParseIo, g: XtGetopt | null): ParseEnv {
  return { family: ps.family, proto: ps.proto, protoInv: ps.inv.proto, db: io.db, getopt: g ?? new XtGetoptStub() };
}

function addMatch(ps: ParseState, name: string, io: ParseIo, g: XtGetopt | null): boolean {
  const ext = findMatch(name, ps.family);
  if (!ext) return false;
  if (ext.noKernel) io.warn(`Warning: Extension ${ext.name} revision 0 not supported, missing kernel module?\n`);
  for (const m of ps.matches) if (m.ext === ext) m.completed = true;
  ps.matches.push({ ext, data: ext.init(initEnv(ps, io, g)), st: { flags: 0 }, completed: false });
  ps.mergeOptions(`m:${ext.name}`, ext.opts);
  return true;
}

/** command_match: -m NAME */
export function commandMatch(ps: ParseState, name: string, invert: boolean, io: ParseIo): void {
  if (invert) throw paramError('unexpected ! flag before --match');
  if (name.length >= 29) throw paramError(`Invalid match name "${name}" (28 chars max)`);
  if (!addMatch(ps, name, io, null)) throw paramError(`Couldn't load match \`${name}':No such file or directory\n`);
}

/** command_jump: -j NAME; a name that is not a target extension is a chain. */
export function commandJump(ps: ParseState, name: string, io: ParseIo): void {
  ps.jumpto = name;
  if ((STANDARD_TARGETS as readonly string[]).includes(name)) return;
  const ext = findTarget(name, ps.family);
  if (!ext) return;
  if (ext.noKernel) io.warn(`Warning: Extension ${ext.name} revision 0 not supported, missing kernel module?\n`);
  ps.target = { ext, data: ext.init(initEnv(ps, io, null)), st: { flags: 0 } };
  ps.mergeOptions(`t:${ext.name}`, ext.opts);
}

/** The match -p implies: by name, or the name of a protocol number. */
function protoMatchName(ps: ParseState, io: ParseIo): string | undefined {
  const p = ps.protocol!;
  const n = strtouiWhole(p, 0, 255);
  if (n === null) return p;
  return protoName(n, (ps.options & OPT.NUMERIC) !== 0, io.db);
}

/** command_default: an option no core case handled. Returns 'retry' after loading -p's match. */
export function commandDefault(ps: ParseState, c: string | 1, optarg: string | null, invert: boolean, g: XtGetopt, io: ParseIo): 'retry' | 'done' {
  const key = typeof c === 'string' ? ps.extOpts.get(c) : undefined;
  if (key && ps.target && key.owner === `t:${ps.target.ext.name}`) {
    runOption(ps.target.ext, key.def, ps.target, optarg, invert, ps, io, g);
    return 'done';
  }
  if (key) {
    for (const m of ps.matches) {
      if (m.completed || key.owner !== `m:${m.ext.name}`) continue;
      runOption(m.ext, key.def, m, optarg, invert, ps, io, g);
      return 'done';
    }
  }
  // try loading the protocol's match, then read the option again
  if (ps.protocol !== undefined && !ps.protoUsed) {
    const name = protoMatchName(ps, io);
    if (name !== undefined && addMatch(ps, name, io, g)) {
      ps.protoUsed = true;
      g.rewind();
      return 'retry';
    }
  }
  const prev = g.argv[g.optind - 1] ?? '';
  if (c === ':') throw paramError(`option "${prev}" requires an argument`);
  if (c === '?') throw paramError(`unknown option "${prev}"`);
  throw paramError(`Unknown arg "${optarg ?? ''}"`);
}

function runOption(ext: XtExtension<unknown>, def: XtOptDef, inst: { data: unknown; st: ExtState }, optarg: string | null, invert: boolean, ps: ParseState, io: ParseIo, g: XtGetopt): void {
  if (ext.x6) x6Check(ext.name, def, def.name, invert, optarg, inst.st.flags);
  ext.parse(def, optarg, invert, inst.data, inst.st, parseEnv(ps, io, g));
  if (ext.x6) inst.st.flags |= 1 << def.id;
}
