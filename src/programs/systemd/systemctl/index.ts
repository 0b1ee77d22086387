// systemctl (systemd 253): option parsing, verb dispatch with systemctl's own messages, the
// unit-file verbs here and the manager verbs in runtime.ts.
import { defineProgram } from '../../define';
import type { Ctx } from '../../lib/context';
import { verbAddDependency, verbPresetAll } from './add-dependency';
import { verbCat } from './cat';
import { verbGetDefault, verbSetDefault } from './default-target';
import { verbEdit } from './edit';
import { verbEnable } from './enable';
import { verbIsEnabled } from './is-enabled';
import { verbListUnitFiles } from './list-unit-files';
import { parseSystemctlArgs } from './options';
import { runRuntimeVerb } from './runtime';
import { Session } from './session';
import { DEFAULT_VERB, VERBS } from './verbs';

const ENABLE_VERBS = new Set(['enable', 'disable', 'reenable', 'link', 'preset', 'mask', 'unmask', 'revert']);

async function dispatch(s: Session, name: string | undefined, rest: string[]): Promise<number> {
  const verb = name ?? DEFAULT_VERB;
  const spec = VERBS.get(verb);
  if (spec?.online && s.rooted) return s.error(`Verb '${verb}' cannot be used with --root= or --image=.`);
  if (!spec) return s.error(`Unknown command verb ${verb}.`);
  const left = name === undefined ? 1 : rest.length + 1;
  if (left < spec.min) return s.error('Too few arguments.');
  if (left > spec.max) return s.error('Too many arguments.');
  const bad = await s.rootProblem();
  if (bad !== undefined && !spec.online && verb !== 'is-system-running') return rootFailure(s, verb, bad);
  if (ENABLE_VERBS.has(verb)) return verbEnable(s, verb, rest);
  switch (verb) {
    case 'is-enabled':
      return verbIsEnabled(s, rest);
    case 'list-unit-files':
      return verbListUnitFiles(s, rest);
    case 'get-default':
      return verbGetDefault(s);
    case 'set-default':
      return verbSetDefault(s, rest[0]!);
    case 'add-wants':
    case 'add-requires':
      return verbAddDependency(s, verb, rest);
    case 'preset-all':
      return verbPresetAll(s);
    case 'cat':
      return verbCat(s, rest);
    case 'edit':
      return verbEdit(s, rest);
  }
  // the manager's verbs need its bus: a user's (--user, --global) is not there
  if (await s.noBus(false)) return 1;
  const r = await runRuntimeVerb(s.ctx, verb, rest, s.opts);
  if (r !== undefined) return r;
  // no manager to talk to: what systemctl says when systemd is not PID 1
  return s.error("System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down");
}

/** How each unit-file verb reports a --root= directory that is missing or not a directory. */
function rootFailure(s: Session, verb: string, why: string): Promise<number> {
  // enable, disable and is-enabled look for SysV scripts below the root first
  if (verb === 'enable' || verb === 'disable' || verb === 'is-enabled') return s.error(`Failed to initialize unit search paths for root directory ${s.rootPath()}: ${why}`);
  if (verb === 'list-unit-files') return s.error(`Failed to get unit file list: ${why}`);
  if (verb === 'get-default') return s.error(`Failed to get default target: ${why}`);
  const words: Record<string, string> = { 'set-default': 'set default', 'add-wants': 'add dependency on', 'add-requires': 'add dependency on', 'preset-all': 'preset' };
  return s.error(`Failed to ${words[verb] ?? verb}: ${why}.`);
}

export async function systemctlMain(ctx: Ctx): Promise<number> {
  const parsed = await parseSystemctlArgs(ctx, ctx.argv.slice(1));
  if (parsed.kind === 'exit') return parsed.status;
  const s = new Session(ctx, parsed.opts);
  const [name, ...rest] = parsed.args;
  return dispatch(s, name, rest);
}

export default defineProgram({
  name: 'systemctl',
  installPath: '/usr/bin/systemctl',
  pkg: 'systemd',
  main: (ctx) => systemctlMain(ctx),
});
