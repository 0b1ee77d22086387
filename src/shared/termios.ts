// The terminal settings of termios(3), every Linux flag by name. The kernel's line discipline
// acts on them (kernel/tty.ts); stty reads and writes them as Linux's four flag words and
// c_cc array (toWords/fromWords), so `stty -g` prints what Linux prints.

export interface ControlChars {
  intr: number;
  quit: number;
  erase: number;
  kill: number;
  eof: number;
  time: number;
  min: number;
  swtch: number;
  start: number;
  stop: number;
  susp: number;
  eol: number;
  rprnt: number;
  discard: number;
  werase: number;
  lnext: number;
  eol2: number;
}

export interface Termios {
  // c_iflag
  ignbrk: boolean;
  brkint: boolean;
  ignpar: boolean;
  parmrk: boolean;
  inpck: boolean;
  istrip: boolean;
  inlcr: boolean;
  igncr: boolean;
  icrnl: boolean;
  iuclc: boolean;
  ixon: boolean;
  ixany: boolean;
  ixoff: boolean;
  imaxbel: boolean;
  iutf8: boolean;
  // c_oflag, with the delay fields as numbers (nl0..1, cr0..3, tab0..3, bs, vt, ff 0..1)
  opost: boolean;
  olcuc: boolean;
  onlcr: boolean;
  ocrnl: boolean;
  onocr: boolean;
  onlret: boolean;
  ofill: boolean;
  ofdel: boolean;
  nldly: number;
  crdly: number;
  tabdly: number;
  bsdly: number;
  vtdly: number;
  ffdly: number;
  // c_cflag: the baud rate, character size 5..8 and the rest
  speed: number;
  csize: number;
  cstopb: boolean;
  cread: boolean;
  parenb: boolean;
  parodd: boolean;
  hupcl: boolean;
  clocal: boolean;
  cmspar: boolean;
  crtscts: boolean;
  // c_lflag
  isig: boolean;
  icanon: boolean;
  xcase: boolean;
  echo: boolean;
  echoe: boolean;
  echok: boolean;
  echonl: boolean;
  noflsh: boolean;
  tostop: boolean;
  echoctl: boolean;
  echoprt: boolean;
  echoke: boolean;
  flusho: boolean;
  pendin: boolean;
  iexten: boolean;
  extproc: boolean;
  /** c_line: the line discipline (0, N_TTY). */
  line: number;
  cc: ControlChars;
}

export type Word = 'i' | 'o' | 'c' | 'l';
type BoolFlag = { [K in keyof Termios]: Termios[K] extends boolean ? K : never }[keyof Termios];

/** Each boolean flag's word and bit (asm-generic/termbits.h). */
export const FLAG_BITS: readonly (readonly [BoolFlag, Word, number])[] = [
  ['ignbrk', 'i', 0o1], ['brkint', 'i', 0o2], ['ignpar', 'i', 0o4], ['parmrk', 'i', 0o10], ['inpck', 'i', 0o20],
  ['istrip', 'i', 0o40], ['inlcr', 'i', 0o100], ['igncr', 'i', 0o200], ['icrnl', 'i', 0o400], ['iuclc', 'i', 0o1000],
  ['ixon', 'i', 0o2000], ['ixany', 'i', 0o4000], ['ixoff', 'i', 0o10000], ['imaxbel', 'i', 0o20000], ['iutf8', 'i', 0o40000],
  ['opost', 'o', 0o1], ['olcuc', 'o', 0o2], ['onlcr', 'o', 0o4], ['ocrnl', 'o', 0o10], ['onocr', 'o', 0o20],
  ['onlret', 'o', 0o40], ['ofill', 'o', 0o100], ['ofdel', 'o', 0o200],
  ['cstopb', 'c', 0o100], ['cread', 'c', 0o200], ['parenb', 'c', 0o400], ['parodd', 'c', 0o1000], ['hupcl', 'c', 0o2000],
  ['clocal', 'c', 0o4000], ['cmspar', 'c', 0o10000000000], ['crtscts', 'c', 0o20000000000],
  ['isig', 'l', 0o1], ['icanon', 'l', 0o2], ['xcase', 'l', 0o4], ['echo', 'l', 0o10], ['echoe', 'l', 0o20],
  ['echok', 'l', 0o40], ['echonl', 'l', 0o100], ['noflsh', 'l', 0o200], ['tostop', 'l', 0o400], ['echoctl', 'l', 0o1000],
  ['echoprt', 'l', 0o2000], ['echoke', 'l', 0o4000], ['flusho', 'l', 0o10000], ['pendin', 'l', 0o40000],
  ['iexten', 'l', 0o100000], ['extproc', 'l', 0o200000],
];

/** The output delay fields: name, shift within c_oflag, width mask. */
const DELAYS: readonly (readonly ['nldly' | 'crdly' | 'tabdly' | 'bsdly' | 'vtdly' | 'ffdly', number, number])[] = [
  ['nldly', 8, 1], ['crdly', 9, 3], ['tabdly', 11, 3], ['bsdly', 13, 1], ['vtdly', 14, 1], ['ffdly', 15, 1],
];

/** c_cc indexes on Linux (VINTR 0 ... VEOL2 16); the array has NCCS = 32 places. */
export const CC_INDEX: Readonly<Record<keyof ControlChars, number>> = {
  intr: 0, quit: 1, erase: 2, kill: 3, eof: 4, time: 5, min: 6, swtch: 7, start: 8, stop: 9, susp: 10, eol: 11,
  rprnt: 12, discard: 13, werase: 14, lnext: 15, eol2: 16,
};
export const NCCS = 32;

// Baud rates and their Bxxx codes in c_cflag (CBAUD 0o10017)
const SPEEDS: readonly [number, number][] = [
  [0, 0], [50, 1], [75, 2], [110, 3], [134, 4], [150, 5], [200, 6], [300, 7], [600, 8], [1200, 9], [1800, 10], [2400, 11],
  [4800, 12], [9600, 13], [19200, 14], [38400, 15], [57600, 0o10001], [115200, 0o10002], [230400, 0o10003],
  [460800, 0o10004], [500000, 0o10005], [576000, 0o10006], [921600, 0o10007], [1000000, 0o10010], [1152000, 0o10011],
  [1500000, 0o10012], [2000000, 0o10013], [2500000, 0o10014], [3000000, 0o10015], [3500000, 0o10016], [4000000, 0o10017],
];
const CBAUD = 0o10017;

/** Is `baud` a rate the kernel has a code for? */
export function isSpeed(baud: number): boolean {
  return SPEEDS.some(([b]) => b === baud);
}

export interface TermiosWords {
  i: number;
  o: number;
  c: number;
  l: number;
  cc: number[];
}

export function toWords(t: Termios): TermiosWords {
  const w: TermiosWords = { i: 0, o: 0, c: 0, l: 0, cc: new Array<number>(NCCS).fill(0) };
  for (const [name, word, bit] of FLAG_BITS) if (t[name]) w[word] = (w[word] | bit) >>> 0;
  for (const [name, shift, mask] of DELAYS) w.o |= (t[name] & mask) << shift;
  w.c = (w.c | (SPEEDS.find(([b]) => b === t.speed)?.[1] ?? 0o17) | ((Math.min(8, Math.max(5, t.csize)) - 5) << 4)) >>> 0;
  for (const [name, i] of Object.entries(CC_INDEX) as [keyof ControlChars, number][]) w.cc[i] = t.cc[name] & 0xff;
  return w;
}

export function fromWords(w: TermiosWords, line = 0): Termios {
  const t = defaultTermios();
  for (const [name, word, bit] of FLAG_BITS) t[name] = (w[word] & bit) !== 0;
  for (const [name, shift, mask] of DELAYS) t[name] = (w.o >>> shift) & mask;
  t.speed = SPEEDS.find(([, code]) => code === (w.c & CBAUD))?.[0] ?? 38400;
  t.csize = ((w.c >>> 4) & 3) + 5;
  for (const [name, i] of Object.entries(CC_INDEX) as [keyof ControlChars, number][]) t.cc[name] = (w.cc[i] ?? 0) & 0xff;
  t.line = line;
  return t;
}

/** A Linux console after login, as `stty sane` leaves it: 2502:5:bf:8a3b in stty -g. */
export function defaultTermios(): Termios {
  return {
    ignbrk: false, brkint: true, ignpar: false, parmrk: false, inpck: false, istrip: false, inlcr: false, igncr: false,
    icrnl: true, iuclc: false, ixon: true, ixany: false, ixoff: false, imaxbel: true, iutf8: false,
    opost: true, olcuc: false, onlcr: true, ocrnl: false, onocr: false, onlret: false, ofill: false, ofdel: false,
    nldly: 0, crdly: 0, tabdly: 0, bsdly: 0, vtdly: 0, ffdly: 0,
    speed: 38400, csize: 8, cstopb: false, cread: true, parenb: false, parodd: false, hupcl: false, clocal: false, cmspar: false, crtscts: false,
    isig: true, icanon: true, xcase: false, echo: true, echoe: true, echok: true, echonl: false, noflsh: false, tostop: false,
    echoctl: true, echoprt: false, echoke: true, flusho: false, pendin: false, iexten: true, extproc: false,
    line: 0,
    cc: {
      intr: 0x03, quit: 0x1c, erase: 0x7f, kill: 0x15, eof: 0x04, time: 0, min: 1, swtch: 0, start: 0x11, stop: 0x13,
      susp: 0x1a, eol: 0, rprnt: 0x12, discard: 0x0f, werase: 0x17, lnext: 0x16, eol2: 0,
    },
  };
}

export interface WinSize {
  cols: number;
  rows: number;
}
