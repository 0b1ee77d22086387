// The system bus (see shared/services/bus.ts): name ownership, one queue of incoming calls per
// owning process, and pending calls waiting for replies. Runtime state only: it is empty at boot,
// as dbus-broker's is.
import { BUS_ERRORS, type BusError, type BusMessage, type BusReply, type BusRequest } from '../../shared/services/bus';
import type { Caller } from '../../shared/sys';

interface Pending {
  owner: number;
  resolve: (r: BusReply) => void;
}

export class Bus {
  private readonly owners = new Map<string, number>();
  private readonly queues = new Map<number, BusMessage[]>();
  private readonly receivers = new Map<number, () => void>();
  private readonly pending = new Map<number, Pending>();
  private serial = 1;

  handle(caller: Caller, request: unknown): BusReply | Promise<BusReply> {
    const req = request as BusRequest;
    switch (req?.kind) {
      case 'own': {
        const owner = this.owners.get(req.name);
        if (owner !== undefined && owner !== caller.pid) return fail(BUS_ERRORS.nameTaken, `Name ${req.name} is owned by another process`);
        this.owners.set(req.name, caller.pid);
        return { kind: 'ok' };
      }
      case 'release':
        if (this.owners.get(req.name) === caller.pid) this.owners.delete(req.name);
        return { kind: 'ok' };
      case 'owner':
        return { kind: 'owner', pid: this.owners.get(req.name) };
      case 'recv': {
        const queued = this.queues.get(caller.pid)?.shift();
        if (queued) return { kind: 'message', message: queued };
        // only a wake-up: the message stays queued until the next recv takes it, so a recv
        // interrupted by a signal loses nothing
        return new Promise((resolve) => this.receivers.set(caller.pid, () => resolve({ kind: 'ok' })));
      }
      case 'reply': {
        const p = this.pending.get(req.serial);
        if (!p || p.owner !== caller.pid) return { kind: 'ok' };
        this.pending.delete(req.serial);
        p.resolve(req.error ? { kind: 'error', error: req.error } : { kind: 'return', body: req.body });
        return { kind: 'ok' };
      }
      case 'call':
        return this.call(caller, req.name, req.method, req.body);
      default:
        return fail(BUS_ERRORS.unknownMethod, 'Unknown bus request');
    }
  }

  private call(caller: Caller, name: string, method: string, body: unknown): Promise<BusReply> | BusReply {
    const owner = this.owners.get(name);
    if (owner === undefined) return fail(BUS_ERRORS.serviceUnknown, `The name ${name} was not provided by any .service files`);
    const message: BusMessage = { serial: this.serial++, name, method, body, sender: { pid: caller.pid, uid: caller.uid, euid: caller.euid } };
    return new Promise((resolve) => {
      this.pending.set(message.serial, { owner, resolve });
      const q = this.queues.get(owner) ?? [];
      q.push(message);
      this.queues.set(owner, q);
      const wake = this.receivers.get(owner);
      this.receivers.delete(owner);
      wake?.();
    });
  }

  /** A process ended: its names go, and calls it never answered fail. */
  processExited(pid: number): void {
    for (const [name, owner] of [...this.owners]) if (owner === pid) this.owners.delete(name);
    this.queues.delete(pid);
    this.receivers.delete(pid);
    for (const [serial, p] of [...this.pending]) {
      if (p.owner !== pid) continue;
      this.pending.delete(serial);
      p.resolve(fail(BUS_ERRORS.noReply, 'Remote peer disconnected'));
    }
  }

  view(): { names: Record<string, number> } {
    return { names: Object.fromEntries(this.owners) };
  }
}

function fail(name: string, message: string): { kind: 'error'; error: BusError } {
  return { kind: 'error', error: { name, message } };
}
