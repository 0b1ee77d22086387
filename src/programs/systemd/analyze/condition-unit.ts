// systemd-analyze condition --unit=UNIT (src/analyze/analyze-condition.c as systemd 252 ships
// it): the name is mangled as systemctl mangles names (a path becomes a mount unit's name), the
// directory of the argument goes first in the unit path, the unit is loaded as verify loads it,
// and its own Condition*= and Assert*= settings are tested under its name.
import { unitNameMangle } from '../../../shared/systemd/unit-name';
import type { Ctx } from '../../lib/context';
import { verbCondition } from './condition';
import { Verifier } from './verify';

export async function verbConditionUnit(ctx: Ctx, arg: string): Promise<number> {
  const m = unitNameMangle(arg, '.service');
  if (!m) {
    await ctx.err.write(`Failed to mangle unit name: Invalid argument\n`);
    return 1;
  }
  if (m.notice) await ctx.err.write(`${m.notice}\n`);
  const cwd = ctx.sys.getcwd();
  const abs = arg.startsWith('/') ? arg : `${cwd === '/' ? '' : cwd}/${arg}`;
  const v = new Verifier(ctx, [abs.slice(0, abs.lastIndexOf('/')) || '/']);
  const u = await v.load(m.name, true);
  const refusal = u.state === 'not-found' ? `Unit ${u.name} not found.` : u.state === 'masked' ? `Unit ${u.name} is masked.` : u.state === 'bad-setting' ? `Unit ${u.name} has a bad unit file setting.` : u.state === 'error' ? `Unit ${u.name} failed to load properly, please adjust/correct and reload service manager: ${u.errno}` : undefined;
  if (refusal || !u.settings) {
    await ctx.err.write(`${refusal}\n`);
    return 1;
  }
  const lines = u.settings.assignments.filter((a) => a.section === 'Unit' && /^(Condition|Assert)/.test(a.key)).map((a) => `${a.key}=${a.value}`);
  return verbCondition(ctx, lines, u.name);
}
