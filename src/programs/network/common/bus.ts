// The bus as systemd's tools and daemons use it (sd-bus, simplified): own a name, take calls,
// reply; call a method and get its reply or a D-Bus error. A call to a name nobody owns starts
// the service that would own it, as bus activation does (dbus-org.freedesktop.*.service links).
import { BUS_ERRORS, type BusError, type BusMessage, type BusReply } from '../../../shared/services/bus';
import type { SystemdReply } from '../../../shared/services/systemd';
import type { Sys } from '../../../shared/sys';

export async function busOwn(sys: Sys, name: string): Promise<void> {
  await sys.call('bus', { kind: 'own', name });
}

/** The next call for a name this process owns (waits; a wake-up is followed by another look). */
export async function busRecv(sys: Sys): Promise<BusMessage> {
  for (;;) {
    const r = (await sys.call('bus', { kind: 'recv' })) as BusReply;
    if (r.kind === 'message') return r.message;
  }
}

export async function busReply(sys: Sys, serial: number, body?: unknown, error?: BusError): Promise<void> {
  await sys.call('bus', { kind: 'reply', serial, ...(body !== undefined ? { body } : {}), ...(error ? { error } : {}) });
}

export type CallResult = { ok: true; body: unknown } | { ok: false; error: BusError };

/**
 * Calls `method` on `name`; when no process owns the name, asks systemd to start `activate` (the
 * bus daemon does that as root) and tries again.
 */
export async function busCall(sys: Sys, name: string, method: string, body?: unknown, activate?: string): Promise<CallResult> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const r = (await sys.call('bus', { kind: 'call', name, method, ...(body !== undefined ? { body } : {}) })) as BusReply;
    if (r.kind === 'return') return { ok: true, body: r.body };
    if (r.kind !== 'error') return { ok: true, body: undefined };
    if (r.error.name !== BUS_ERRORS.serviceUnknown || !activate || attempt > 0) return { ok: false, error: r.error };
    if (!(await activateUnit(sys, activate))) return { ok: false, error: r.error };
  }
  return { ok: false, error: { name: BUS_ERRORS.serviceUnknown, message: `The name ${name} was not provided by any .service files` } };
}

/** Starts `unit` on behalf of the bus; false when it could not be started. */
export async function activateUnit(sys: Sys, unit: string): Promise<boolean> {
  const r = (await sys.call('systemd', { kind: 'job', verb: 'start', units: [unit] }).catch(() => undefined)) as SystemdReply | undefined;
  return r?.kind === 'jobs' && r.outcomes.every((o) => o.result === 'done');
}
