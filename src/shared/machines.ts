// The contract for saved machines between the worker and the page: the list the page shows
// and what a save reports. Plain data (it crosses the worker boundary).

/** A kept machine's entry: what the list shows of it and what the store records. */
export interface MachineEntry {
  id: string;
  name: string;
  /** the lesson it is for (null: a free sandbox) */
  lessonId: string | null;
  lessonTitle?: string;
  /** real epoch ms */
  created: number;
  lastUsed: number;
  /** real epoch ms of the last save; 0 before the first */
  savedAt: number;
  /** bytes of its current snapshot */
  size: number;
  /** set when its snapshot cannot be read: what is wrong */
  damaged?: string;
}

/** A machine as the page lists it. */
export interface MachineInfo extends MachineEntry {
  /** the machine the console shows */
  current: boolean;
  /** its lesson is complete */
  complete?: boolean;
}

export interface SaveStatus {
  /** whether this browser keeps machines at all (IndexedDB) */
  keeps: boolean;
  state: 'unsaved' | 'saved' | 'error';
  machineId?: string;
  /** real epoch ms of the last save */
  savedAt?: number;
  /** why the last save failed */
  error?: string;
}

/** A checkpoint of the console's machine, as the panel lists it. */
export interface CheckpointInfo {
  /** virtual epoch ms */
  at: number;
  /** the last command entered before it */
  after: string;
  /** the lesson's first step not done then (0-based) */
  step?: number;
}
