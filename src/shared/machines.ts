// The contract for saved machines between the worker and the page: the list the page shows
// and what a save reports. Plain data (it crosses the worker boundary).

export interface MachineInfo {
  id: string;
  name: string;
  lessonId: string | null;
  lessonTitle?: string;
  /** real epoch ms */
  created: number;
  lastUsed: number;
  savedAt: number;
  /** bytes of its snapshot */
  size: number;
  /** the machine the console shows */
  current: boolean;
  /** why its snapshot cannot be read */
  damaged?: string;
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
