// The lesson format as the engine holds it once a lesson file has been parsed and validated
// (lessons/schema.json is the same shape for authors). Lessons are data: nothing here runs code
// but the shell commands of a start state and of a reference solution, which run in the machine.

/** What a check asks of the machine: a discriminated union on `kind`. */
export type CheckSpec =
  | FileCheck
  | UserCheck
  | GroupCheck
  | PackageCheck
  | UnitCheck
  | LinkCheck
  | RouteCheck
  | FirewallCheck
  | ListeningCheck
  | ContainerCheck
  | ImageCheck
  | HostnameCheck
  | CommandCheck
  | AllCheck
  | AnyCheck
  | NotCheck;

interface Common {
  /** what the check wants, in the learner's words (required on a step's checks) */
  title?: string;
  /** replaces the generated failure message (when the generated one would be cryptic) */
  message?: string;
  /** appended to the failure message: the lesson's own advice */
  advice?: string;
}

export interface FileCheck extends Common {
  kind: 'file';
  path: string;
  /** default true; false: the path must not exist */
  exists?: boolean;
  type?: 'file' | 'directory' | 'symlink';
  /** every string must occur in the content */
  contains?: string | string[];
  /** none of these may occur in the content */
  lacks?: string | string[];
  /** a regular expression (JavaScript syntax, multi-line: ^ and $ match at line ends) */
  matches?: string;
  /** permission bits in octal, "0644" */
  mode?: string;
  /** user name or numeric uid */
  owner?: string;
  /** group name or numeric gid */
  group?: string;
  /** symlinks: where the link points (its text) */
  target?: string;
}

export interface UserCheck extends Common {
  kind: 'user';
  name: string;
  exists?: boolean;
  /** groups the user must belong to (primary or supplementary) */
  groups?: string[];
  /** groups the user must not belong to */
  notGroups?: string[];
  shell?: string;
  home?: string;
  /** the home directory exists and belongs to the user */
  homeExists?: boolean;
  /** the account has a usable password (a hash in /etc/shadow, not ! or *) */
  hasPassword?: boolean;
}

export interface GroupCheck extends Common {
  kind: 'group';
  name: string;
  exists?: boolean;
  gid?: number;
}

export interface PackageCheck extends Common {
  kind: 'package';
  name: string;
  /** default true */
  installed?: boolean;
  /** the installed version starts with this ("1.26", "1.26.2-5.ph5") */
  version?: string;
}

export type ActiveState = 'active' | 'inactive' | 'failed' | 'activating' | 'deactivating' | 'reloading';
export type EnabledState = 'enabled' | 'disabled' | 'masked' | 'static';

export interface UnitCheck extends Common {
  kind: 'unit';
  /** "nginx" means nginx.service */
  unit: string;
  active?: ActiveState;
  enabled?: EnabledState;
}

export interface LinkCheck extends Common {
  kind: 'link';
  link: string;
  /** an IPv4 or IPv6 address with its prefix length, "192.168.1.100/24" */
  address?: string;
  /** true: the address came from DHCP; false: configured statically */
  dhcp?: boolean;
  /** the default route's gateway through this link */
  gateway?: string;
  /** DNS servers systemd-networkd gives the resolver for this link (all of them, any order) */
  dns?: string[];
}

export interface RouteCheck extends Common {
  kind: 'route';
  /** "default" or a prefix "10.20.0.0/16" */
  to: string;
  via?: string;
  dev?: string;
  /** default true */
  present?: boolean;
}

export interface FirewallCheck extends Common {
  kind: 'firewall';
  /** 'in' (default): `peer` sends to this machine; 'out': this machine sends to `peer` */
  direction?: 'in' | 'out';
  peer: string;
  proto: 'tcp' | 'udp' | 'icmp';
  port?: number;
  /** 'accept': the firewall lets it through; 'drop': a rule or policy drops or rejects it */
  verdict: 'accept' | 'drop';
}

export interface ListeningCheck extends Common {
  kind: 'listening';
  port: number;
  proto?: 'tcp' | 'udp';
  /** the process name (ss -p) */
  process?: string;
  /** default true */
  listening?: boolean;
}

export interface ContainerCheck extends Common {
  kind: 'container';
  /** the container's name (without the leading /) */
  name?: string;
  /** the image it was created from ("nginx", "nginx:latest") */
  image?: string;
  /** default 'running'; 'exists': in any state; 'absent': no such container */
  state?: 'running' | 'exited' | 'exists' | 'absent';
  /** published ports, "8080:80" or "8080:80/tcp" */
  ports?: string[];
  /** restart policy ("always", "unless-stopped") */
  restart?: string;
}

export interface ImageCheck extends Common {
  kind: 'image';
  /** "hello-world", "nginx:1.25" (tag latest when none is given) */
  image: string;
  present?: boolean;
}

export interface HostnameCheck extends Common {
  kind: 'hostname';
  name: string;
  /** default true: /etc/hostname says so too (it survives a reboot) */
  persistent?: boolean;
}

export interface CommandCheck extends Common {
  kind: 'command';
  /** a bash command line, run by the checker as root without a terminal */
  run: string;
  /** the exit status wanted (default 0 unless output is checked) */
  exitCode?: number;
  /** stdout must contain every string */
  stdoutContains?: string | string[];
  /** stdout must match this regular expression (multi-line) */
  stdoutMatches?: string;
}

export interface AllCheck extends Common {
  kind: 'all';
  checks: CheckSpec[];
}

export interface AnyCheck extends Common {
  kind: 'any';
  checks: CheckSpec[];
}

export interface NotCheck extends Common {
  kind: 'not';
  check: CheckSpec;
}

/** A check of a step: the spec plus what the learner sees. */
export type LessonCheck = CheckSpec & {
  id: string;
  /** what the check wants, in the learner's words (replaces the generated description) */
  title: string;
  /** from a nudge to the exact command */
  hints?: string[];
  /** share of the lesson's score (default 1) */
  weight?: number;
};

export interface SetupFile {
  path: string;
  content?: string;
  /** "0644" (default 0644 for files; with `directory`, 0755) */
  mode?: string;
  owner?: string;
  group?: string;
  directory?: boolean;
  /** a symbolic link to this target instead of a file */
  symlink?: string;
  /** delete the path */
  remove?: boolean;
}

export interface SetupUser {
  name: string;
  groups?: string[];
  password?: string;
  shell?: string;
  /** create the home directory (default true) */
  home?: boolean;
}

export interface Setup {
  groups?: { name: string; gid?: number }[];
  users?: SetupUser[];
  packages?: { install?: string[]; remove?: string[] };
  files?: SetupFile[];
  units?: { enable?: string[]; disable?: string[]; start?: string[]; stop?: string[]; mask?: string[]; restart?: string[] };
  /** shell commands run as root after everything above (a broken config to fix) */
  commands?: string[];
}

export interface Step {
  title: string;
  /** the step's text file (Markdown), relative to the lesson's directory */
  text: string;
  checks: LessonCheck[];
}

/** lesson.yaml as written. */
export interface LessonFile {
  id: string;
  title: string;
  summary: string;
  minutes: number;
  prerequisites?: string[];
  /** the introduction (Markdown file) */
  intro: string;
  setup?: Setup;
  steps: Step[];
  solution: string[];
}

export interface TrackFile {
  title: string;
  order: number;
  description?: string;
  /** the track's lessons (directory names) in curriculum order */
  lessons: string[];
}

/** A lesson ready to run: its file plus the Markdown it names, read in. */
export interface Lesson extends LessonFile {
  track: string;
  trackTitle: string;
  /** lessons/<track>/<dir>/ */
  dir: string;
  introMarkdown: string;
  stepMarkdown: string[];
  /** the imported pack the lesson came from (none for the app's own lessons) */
  pack?: { id: string; title: string };
}
