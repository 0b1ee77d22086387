// The terminal settings programs may read and change (a subset of termios(3)).
export interface Termios {
  icanon: boolean;
  echo: boolean;
  echoe: boolean;
  echok: boolean;
  echoctl: boolean;
  isig: boolean;
  icrnl: boolean;
  opost: boolean;
  onlcr: boolean;
  iexten: boolean;
  cc: {
    intr: number;
    quit: number;
    erase: number;
    kill: number;
    eof: number;
    werase: number;
    susp: number;
    lnext: number;
    min: number;
    time: number;
  };
}

export function defaultTermios(): Termios {
  return {
    icanon: true,
    echo: true,
    echoe: true,
    echok: true,
    echoctl: true,
    isig: true,
    icrnl: true,
    opost: true,
    onlcr: true,
    iexten: true,
    cc: { intr: 0x03, quit: 0x1c, erase: 0x7f, kill: 0x15, eof: 0x04, werase: 0x17, susp: 0x1a, lnext: 0x16, min: 1, time: 0 },
  };
}

export interface WinSize {
  cols: number;
  rows: number;
}
