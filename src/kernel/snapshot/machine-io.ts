// A whole machine to a snapshot and back: its disk, journal, runtime state and console. The
// worker loads this module (with the codec) only when it saves or restores a machine, so a
// first visit's boot does not carry it.
import type { Machine } from '../machine';
import { captureDisk, loadDisk } from './disk';
import { applyRuntime, captureRuntime } from './runtime';
import { SNAPSHOT_VERSION, type MachineSnapshot, type RestoreSource } from './types';

/**
 * The machine as data: its disk, journal and the runtime state to put back after a reload.
 * Running programs are not part of it (a restored machine boots, then restarts what ran).
 */
export function captureMachine(m: Machine): MachineSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    savedAt: m.kernel.clock.realtime(),
    disk: captureDisk(m.disk),
    journal: m.journal.exportState(),
    runtime: captureRuntime(m),
    console: { cwd: m.consoleCwd(), screen: m.consoleScreen() },
  };
}

/** What `new Machine({ restore })` boots from, for a snapshot decodeSnapshot has checked. */
export function restoreSource(snap: MachineSnapshot): RestoreSource {
  return {
    fs: snap.disk.fs,
    savedAt: snap.savedAt,
    load(vfs, journal) {
      loadDisk(vfs, snap.disk);
      journal.importState(snap.journal);
    },
    console: snap.console,
    runtime: (m) => applyRuntime(m, snap.runtime),
  };
}
