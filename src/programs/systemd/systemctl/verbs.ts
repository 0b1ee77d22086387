// systemctl's verb table (src/systemctl/systemctl.c, systemctl_main): argument counts (the verb
// itself included) and whether a verb needs the running manager. dispatch_verb()
// (src/shared/verbs.c) checks them before anything runs.

export interface VerbSpec {
  min: number;
  /** Infinity for VERB_ANY. */
  max: number;
  /** VERB_ONLINE_ONLY: refused with --root. */
  online: boolean;
}

const ANY = Infinity;
const table: [string, number, number, boolean][] = [
  ['list-units', 0, ANY, true], ['list-unit-files', 0, ANY, false], ['list-automounts', 0, ANY, true],
  ['list-sockets', 0, ANY, true], ['list-timers', 0, ANY, true], ['list-jobs', 0, ANY, true],
  ['list-machines', 0, ANY, true], ['clear-jobs', 0, 1, true], ['cancel', 0, ANY, true],
  ['start', 2, ANY, true], ['stop', 2, ANY, true], ['condstop', 2, ANY, true], ['reload', 2, ANY, true],
  ['restart', 2, ANY, true], ['try-restart', 2, ANY, true], ['reload-or-restart', 0, ANY, true],
  ['reload-or-try-restart', 2, ANY, true], ['try-reload-or-restart', 2, ANY, true], ['force-reload', 2, ANY, true],
  ['condreload', 2, ANY, true], ['condrestart', 2, ANY, true], ['isolate', 2, 2, true], ['kill', 2, ANY, true],
  ['clean', 2, ANY, true], ['freeze', 2, ANY, true], ['thaw', 2, ANY, true], ['is-active', 2, ANY, true],
  ['check', 2, ANY, true], ['is-failed', 2, ANY, true], ['show', 0, ANY, true], ['cat', 2, ANY, true],
  ['status', 0, ANY, true], ['help', 0, ANY, true], ['daemon-reload', 1, 1, true], ['daemon-reexec', 1, 1, true],
  ['log-level', 0, 2, true], ['log-target', 0, 2, true], ['service-log-level', 2, 3, true],
  ['service-log-target', 2, 3, true], ['service-watchdogs', 0, 2, true], ['show-environment', 0, 1, true],
  ['set-environment', 2, ANY, true], ['unset-environment', 2, ANY, true], ['import-environment', 0, ANY, true],
  ['halt', 0, 1, true], ['poweroff', 0, 1, true], ['reboot', 0, 1, true], ['kexec', 0, 1, true],
  ['suspend', 0, 1, true], ['hibernate', 0, 1, true], ['hybrid-sleep', 0, 1, true],
  ['suspend-then-hibernate', 0, 1, true], ['default', 0, 1, true], ['rescue', 0, 1, true],
  ['emergency', 0, 1, true], ['exit', 0, 2, true], ['reset-failed', 0, ANY, true],
  ['enable', 2, ANY, false], ['disable', 2, ANY, false], ['is-enabled', 2, ANY, false], ['reenable', 2, ANY, false],
  ['preset', 2, ANY, false], ['preset-all', 0, 1, false], ['mask', 2, ANY, false], ['unmask', 2, ANY, false],
  ['link', 2, ANY, false], ['revert', 2, ANY, false], ['switch-root', 2, ANY, true],
  ['list-dependencies', 0, ANY, true], ['set-default', 2, 2, false], ['get-default', 0, 1, false],
  ['set-property', 3, ANY, true], ['is-system-running', 0, 1, false], ['add-wants', 3, ANY, false],
  ['add-requires', 3, ANY, false], ['edit', 2, ANY, true], ['bind', 3, 4, true], ['mount-image', 4, 5, true],
];

export const VERBS = new Map<string, VerbSpec>(table.map(([name, min, max, online]) => [name, { min, max, online }]));

/** The verb run when none is given (VERB_DEFAULT). */
export const DEFAULT_VERB = 'list-units';
