// The lesson panel's props: App.svelte mounts the panel lazily (after the first prompt) and
// passes it these; the panel's code owns everything but the space it takes and the toggle.
import type { Terminal } from '@xterm/xterm';
import type { MachineApi } from './machine-client';

export interface PanelProps {
  api: MachineApi;
  /** the console: the panel clears it when a new machine starts, and focuses it */
  term: Terminal;
  /** false while the panel is collapsed (the inspector stops polling) */
  visible: boolean;
  /** the panel's width in px (the resize handle's value) and its bounds */
  width: number;
  minWidth: number;
  maxWidth: number;
  /** the learner resized the panel; `done` at the end of a drag or key press (save it then) */
  onwidth: (width: number, done: boolean) => void;
  /** collapse or expand the panel */
  ontoggle: () => void;
  /** the machine's hostname, when the panel learns it (a lesson may set another) */
  onhostname: (hostname: string) => void;
}
