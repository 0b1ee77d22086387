// unit: a systemd unit's active state (the manager's runtime record) and its enablement (the
// symlinks on disk, as `systemctl is-enabled` reads them).
import type { UnitCheck } from '../types';
import { failed, pass, type EvalContext, type Outcome } from './outcome';

/** "nginx" -> "nginx.service", as systemctl completes a name without a type. */
export function unitName(name: string): string {
  return /\.(service|socket|target|timer|mount|path|slice|scope|device|automount|swap)$/.test(name) ? name : `${name}.service`;
}

export async function evaluateUnit(ctx: EvalContext, c: UnitCheck): Promise<Outcome> {
  const name = unitName(c.unit);
  const reasons: string[] = [];
  const facts: string[] = [];
  const fileState = await ctx.host.unitFileState(name);
  if (c.active !== undefined) {
    const u = ctx.host.unit(name);
    const active = u?.active ?? 'inactive';
    const sub = u?.sub ?? 'dead';
    if (active !== c.active) {
      if (fileState === 'not-found' && (u === undefined || u.load === 'not-found')) reasons.push(`there is no unit ${name} (is its package installed?)`);
      else if (active === 'failed') reasons.push(`${name} has failed (result: ${u?.result ?? 'unknown'}); the lesson wants it ${c.active}: systemctl status ${name} and journalctl -u ${name} say why`);
      else reasons.push(`${name} is ${active} (${sub}); the lesson wants it ${c.active}`);
    } else facts.push(`${name} is ${active}`);
  }
  if (c.enabled !== undefined) {
    const ok = fileState === c.enabled || fileState === `${c.enabled}-runtime`;
    if (!ok) {
      if (fileState === 'not-found') {
        if (!reasons.some((r) => r.startsWith('there is no unit'))) reasons.push(`there is no unit file ${name} (is its package installed?)`);
      } else reasons.push(`${name} is ${fileState}; the lesson wants it ${c.enabled}${c.enabled === 'enabled' && fileState === 'masked' ? ' (unmask it first)' : ''}`);
    } else facts.push(`${name} is ${fileState}`);
  }
  if (reasons.length) return failed(reasons.join('; '));
  return pass(facts.join(' and '));
}
