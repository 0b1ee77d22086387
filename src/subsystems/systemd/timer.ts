// Timer units (systemd.timer(5)): the next elapse from OnBootSec=, OnActiveSec=,
// OnUnitActiveSec= and OnCalendar=, and starting the unit they activate when it comes.
import { UTC_ZONE } from '../../shared/systemd/civil';
import { loadedCalendar } from './config';
import type { ManagerHost } from './host';
import type { Unit } from './unit';

/** Milliseconds since the epoch when `t` fires next; undefined when nothing is due. */
export function computeNext(host: ManagerHost, t: Unit, activated: Unit | undefined, activeSince: number): number | undefined {
  const cfg = t.loaded.config?.timer;
  if (!cfg) return undefined;
  const now = host.now();
  const bootAt = now - host.uptime();
  const candidates: number[] = [];
  if (cfg.onBootMs !== undefined) {
    const at = bootAt + cfg.onBootMs;
    if (at > now || t.lastTrigger === undefined) candidates.push(Math.max(at, now));
  }
  if (cfg.onActiveMs !== undefined) candidates.push(activeSince + cfg.onActiveMs);
  if (cfg.onUnitActiveMs !== undefined) {
    const base = activated?.activeEnter ?? activated?.inactiveEnter ?? t.lastTrigger;
    if (base !== undefined) candidates.push(base + cfg.onUnitActiveMs);
  }
  // (a unit with OnCalendar= settings was parsed with the calendar module loaded)
  const cal = loadedCalendar();
  for (const spec of cal ? cfg.onCalendar : []) {
    const parsed = cal!.parseCalendarSpec(spec, UTC_ZONE);
    if (!parsed) continue;
    const next = cal!.nextElapse(parsed, now * 1000, UTC_ZONE);
    if (typeof next === 'number') candidates.push(Math.floor(next / 1000));
  }
  return candidates.length ? Math.min(...candidates) : undefined;
}

/** Arms `t`: when it elapses, `fire` starts its unit and the timer is armed again. */
export function armTimer(host: ManagerHost, t: Unit, activated: () => Unit | undefined, fire: () => void): void {
  t.cancelTimer?.();
  const activeSince = t.activeEnter ?? host.now();
  const next = computeNext(host, t, activated(), activeSince);
  t.nextElapse = next;
  if (next === undefined) return;
  t.cancelTimer = host.after(Math.max(0, next - host.now()), () => {
    t.cancelTimer = undefined;
    if (!t.isActive()) return;
    t.lastTrigger = host.now();
    fire();
    armTimer(host, t, activated, fire);
  });
}
