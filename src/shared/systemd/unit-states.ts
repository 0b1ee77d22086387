// The state names of units (src/basic/unit-def.c string tables), as `systemctl --state=help`
// lists them and as list-units filters by them (systemd 252: no reload-signal/reload-notify yet).

export const UNIT_LOAD_STATES = ['stub', 'loaded', 'not-found', 'bad-setting', 'error', 'merged', 'masked'] as const;
export const UNIT_ACTIVE_STATES = ['active', 'reloading', 'inactive', 'failed', 'activating', 'deactivating', 'maintenance'] as const;

/** Sub-states per unit type, in the order `--state=help` prints the sections. */
export const UNIT_SUB_STATES: readonly [string, readonly string[]][] = [
  ['automount', ['dead', 'waiting', 'running', 'failed']],
  ['device', ['dead', 'tentative', 'plugged']],
  ['mount', ['dead', 'mounting', 'mounting-done', 'mounted', 'remounting', 'unmounting', 'remounting-sigterm', 'remounting-sigkill', 'unmounting-sigterm', 'unmounting-sigkill', 'failed', 'cleaning']],
  ['path', ['dead', 'waiting', 'running', 'failed']],
  ['scope', ['dead', 'start-chown', 'running', 'abandoned', 'stop-sigterm', 'stop-sigkill', 'failed']],
  ['service', ['dead', 'condition', 'start-pre', 'start', 'start-post', 'running', 'exited', 'reload', 'stop', 'stop-watchdog', 'stop-sigterm', 'stop-sigkill', 'stop-post', 'final-watchdog', 'final-sigterm', 'final-sigkill', 'failed', 'auto-restart', 'cleaning']],
  ['slice', ['dead', 'active']],
  ['socket', ['dead', 'start-pre', 'start-chown', 'start-post', 'listening', 'running', 'stop-pre', 'stop-pre-sigterm', 'stop-pre-sigkill', 'stop-post', 'final-sigterm', 'final-sigkill', 'failed', 'cleaning']],
  ['swap', ['dead', 'activating', 'activating-done', 'active', 'deactivating', 'deactivating-sigterm', 'deactivating-sigkill', 'failed', 'cleaning']],
  ['target', ['dead', 'active']],
  ['timer', ['dead', 'waiting', 'running', 'elapsed', 'failed']],
];
