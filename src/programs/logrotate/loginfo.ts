// One log set of a logrotate configuration (a block's patterns with its settings), and the
// defaults a configuration starts from: rotate when over 1 MB, no old logs kept, empty logs
// rotated, numbered from 1.

export const enum Crit {
  Hourly,
  Days,
  Weekly,
  Monthly,
  Yearly,
  Size,
}

export const NO_ID = -1;
export const NO_MODE = -1;

export interface LogInfo {
  pattern: string;
  files: string[];
  oldDir?: string;
  criterium: Crit;
  weekday: number;
  threshold: number;
  minsize: number;
  maxsize: number;
  rotateCount: number;
  rotateMinAge: number;
  rotateAge: number;
  logStart: number;
  pre?: string;
  post?: string;
  first?: string;
  last?: string;
  preremove?: string;
  logAddress?: string;
  extension?: string;
  addextension?: string;
  compressProg?: string;
  uncompressProg?: string;
  compressExt?: string;
  compressOptions: string[];
  dateformat?: string;
  flags: Set<Flag>;
  shredCycles: number;
  createMode: number;
  createUid: number;
  createGid: number;
  suUid: number;
  suGid: number;
  olddirMode: number;
  olddirUid: number;
  olddirGid: number;
}

export type Flag =
  | 'compress' | 'copytruncate' | 'ifempty' | 'delaycompress' | 'create' | 'sharedscripts' | 'copy'
  | 'dateext' | 'shred' | 'su' | 'mailfirst' | 'olddircreate' | 'tmpfilename' | 'dateyesterday'
  | 'datehourago' | 'missingok' | 'allowhardlink' | 'ignoreduplicates';

export function defaultLogInfo(): LogInfo {
  return {
    pattern: '',
    files: [],
    criterium: Crit.Size,
    weekday: 0,
    threshold: 1024 * 1024,
    minsize: 0,
    maxsize: 0,
    rotateCount: 0,
    rotateMinAge: 0,
    rotateAge: 0,
    logStart: 1,
    compressOptions: [],
    flags: new Set(['ifempty']),
    shredCycles: 0,
    createMode: NO_MODE,
    createUid: NO_ID,
    createGid: NO_ID,
    suUid: NO_ID,
    suGid: NO_ID,
    olddirMode: NO_MODE,
    olddirUid: NO_ID,
    olddirGid: NO_ID,
  };
}

/** copyLogInfo: the settings of `from` (not its pattern, files or addextension, which 3.22 leaves out too). */
export function copyLogInfo(from: LogInfo): LogInfo {
  return { ...from, addextension: undefined, pattern: '', files: [], compressOptions: [...from.compressOptions], flags: new Set(from.flags) };
}
