// One unit's runtime state: what was loaded from disk plus its active state, processes and
// timestamps. State changes go through setState so timestamps and the journal stay consistent.
import type { ActiveState, ExecStatus, UnitResult } from '../../shared/services/systemd';
import type { LoadedUnit } from './loader';

export class Unit {
  activeState: ActiveState = 'inactive';
  subState = 'dead';
  result: UnitResult = 'success';
  activeEnter?: number;
  activeExit?: number;
  inactiveEnter?: number;
  inactiveExit?: number;
  stateChange?: number;
  mainPid?: number;
  controlPid?: number;
  /** STATUS= from sd_notify, shown by `systemctl status` until the next start. */
  statusText?: string;
  execMain?: ExecStatus;
  pastExecs: ExecStatus[] = [];
  restarts = 0;
  /** Start times inside the start-limit window. */
  startTimes: number[] = [];
  /** The running job, if any: its kind and the promise of its result. */
  job?: { id: number; type: string; done: Promise<JobResult> };
  cancelRestart?: () => void;
  /** Set while a stop was asked for, so a main-process exit is not a failure... */
  stopping = false;
  /** ...unless it was not a clean one (an exit status, a signal other than HUP/INT/TERM/PIPE). */
  stopFailure?: UnitResult;
  /** Type=notify: resolves the start job once the main process reports READY=1. */
  notifyReady?: () => void;
  /** Timer units: when they fire next, and last fired. */
  nextElapse?: number;
  lastTrigger?: number;
  cancelTimer?: () => void;

  constructor(public loaded: LoadedUnit) {}

  get id(): string {
    return this.loaded.id;
  }

  get type(): string {
    return this.loaded.type;
  }

  get description(): string {
    return this.loaded.config?.description ?? this.id;
  }

  /** "sshd.service - OpenSSH Daemon" (StatusUnitFormat=combined, systemd 253's default). */
  get label(): string {
    const d = this.loaded.config?.description;
    return d && d !== this.id ? `${this.id} - ${d}` : this.id;
  }

  get cgroup(): string {
    return `/system.slice/${this.id}`;
  }

  isActive(): boolean {
    return this.activeState === 'active' || this.activeState === 'reloading';
  }

  setState(active: ActiveState, sub: string, now: number): void {
    const was = this.activeState;
    if (was === active && this.subState === sub) return;
    const wasActive = was === 'active' || was === 'reloading';
    const isActive = active === 'active' || active === 'reloading';
    const wasInactive = was === 'inactive' || was === 'failed';
    const isInactive = active === 'inactive' || active === 'failed';
    if (!wasActive && isActive) this.activeEnter = now;
    if (wasActive && !isActive) this.activeExit = now;
    if (!wasInactive && isInactive) this.inactiveEnter = now;
    if (wasInactive && !isInactive) this.inactiveExit = now;
    this.activeState = active;
    this.subState = sub;
    this.stateChange = now;
  }
}

export type JobResult = 'done' | 'failed' | 'dependency' | 'timeout' | 'canceled' | 'skipped';
