// The contract between the lesson engine (in the machine's worker) and the lesson panel (in the
// page): what a lesson list, a lesson's live progress and the state inspector look like. Plain
// data only: it crosses the worker boundary through comlink.

export interface LessonSummary {
  id: string;
  track: string;
  trackTitle: string;
  title: string;
  summary: string;
  minutes: number;
  prerequisites: string[];
  /** the imported lesson pack it came from; absent for the app's own lessons */
  pack?: { id: string; title: string };
}

/** A lesson's progress on a machine, kept with the machine (hints shown, when it started and ended). */
export interface SessionState {
  lessonId: string;
  /** hints revealed per check id */
  revealed: [string, number][];
  /** virtual epoch ms */
  startedAt: number;
  completedAt?: number;
}

/** The largest lesson-pack file the app reads (a course fits in a fraction of it). */
export const PACK_MAX_BYTES = 4 * 1024 * 1024;

/** An imported lesson pack, as the panel lists it. */
export interface PackInfo {
  id: string;
  title: string;
  /** its lessons' ids, in curriculum order */
  lessons: string[];
}

export interface CheckStatus {
  id: string;
  /** what the check wants, in the learner's words ("eth0 has 192.168.1.100/24") */
  title: string;
  passed: boolean;
  /** why it does not pass yet (empty when it passes) */
  message: string;
  weight: number;
  /** hints revealed so far, in order */
  hints: string[];
  hintCount: number;
}

export interface StepStatus {
  index: number;
  title: string;
  /** the step's text (Markdown; the panel renders it sanitised) */
  markdown: string;
  checks: CheckStatus[];
  done: boolean;
}

export interface LessonStatus {
  id: string;
  title: string;
  /** the lesson's introduction (Markdown) */
  intro: string;
  steps: StepStatus[];
  /** weighted share of checks passing, 0..100 */
  percent: number;
  complete: boolean;
  /** virtual epoch ms the lesson started and (when complete) ended */
  startedAt: number;
  completedAt?: number;
  hintsUsed: number;
}

/** The live picture of the machine the state inspector shows. */
export interface MachineState {
  hostname: string;
  units: { id: string; active: string; sub: string; enabled: string; description: string }[];
  links: { name: string; state: string; mac: string; addresses: string[] }[];
  routes: string[];
  /** chains per table, rules in iptables -S form, with policies and counters */
  firewall: { table: string; chain: string; policy?: string; rules: { spec: string; packets: number; bytes: number }[] }[];
  listening: { proto: string; address: string; port: number; process: string }[];
  packages: { name: string; version: string }[];
  containers: { id: string; name: string; image: string; status: string; ports: string }[];
  images: { repository: string; tag: string; id: string }[];
  users: { name: string; uid: number; groups: string[]; shell: string }[];
}

/** One learner's exported machine in a class report, its lesson's checks run on it again. */
export interface ReportRow {
  file: string;
  learner: string;
  /** the machine's name in the learner's list */
  machine: string;
  lessonId: string;
  lessonTitle: string;
  checksPassed: number;
  checksTotal: number;
  percent: number;
  /** every check passes on the restored machine (re-verified) */
  complete: boolean;
  /** what the file's progress says */
  claimedComplete: boolean;
  /** minutes from the lesson's start to its completion (or to the save); null without progress */
  minutes: number | null;
  hintsUsed: number;
  /** titles of the checks that fail */
  failing: string[];
  /** why the file could not be verified, or a mismatch worth a look */
  problem: string;
}
