// Registers (":help registers"): the unnamed register "" points at the last one written;
// yanks go to "0, deletes of a line or more shift "1.."9, smaller deletes go to "-; "a-"z
// are named ("A-"Z append); "_ discards; ". ": "/ "% are read-only.

export interface Register {
  /** The text as lines; a charwise register's last line has no newline after it. */
  lines: string[];
  linewise: boolean;
  /** Yanked or deleted in Visual block mode: put back as a block. */
  blockwise?: boolean;
}

export class Registers {
  private map = new Map<string, Register>();
  /** Which register "" stands for. */
  private unnamed = '0';
  readOnly: { '.': string; ':': string; '/': string; '%': string } = { '.': '', ':': '', '/': '', '%': '' };

  static valid(name: string): boolean {
    return /^[a-zA-Z0-9"\-_.:/%+*]$/.test(name);
  }

  get(name: string | undefined): Register | undefined {
    const n = name === undefined || name === '"' || name === '*' || name === '+' ? this.unnamed : name.toLowerCase();
    if (n === '.' || n === ':' || n === '/' || n === '%') {
      const text = this.readOnly[n];
      return text ? { lines: text.split('\n'), linewise: false } : undefined;
    }
    return this.map.get(n);
  }

  /** Stores a yank (`yank`) or a delete; `small` deletes stay within one line. */
  put(name: string | undefined, reg: Register, kind: 'yank' | 'delete'): void {
    if (name === '_') return;
    if (name && /^[a-zA-Z]$/.test(name)) {
      const lower = name.toLowerCase();
      const old = this.map.get(lower);
      if (name !== lower && old) {
        // appending: linewise if either part is
        const lines = old.linewise || reg.linewise ? [...old.lines, ...reg.lines] : [...old.lines.slice(0, -1), old.lines.at(-1)! + reg.lines[0]!, ...reg.lines.slice(1)];
        this.map.set(lower, { lines, linewise: old.linewise || reg.linewise });
      } else this.map.set(lower, reg);
      this.unnamed = lower;
      return;
    }
    if (kind === 'yank') {
      if (!name || name === '"' || name === '*' || name === '+') {
        this.map.set('0', reg);
        this.unnamed = '0';
      }
      return;
    }
    const small = !reg.linewise && reg.lines.length === 1;
    if (small && !name) {
      this.map.set('-', reg);
      this.unnamed = '-';
      return;
    }
    for (let i = 9; i > 1; i--) {
      const prev = this.map.get(String(i - 1));
      if (prev) this.map.set(String(i), prev);
    }
    this.map.set('1', reg);
    this.unnamed = '1';
  }

  /** The lines of ":registers" / ":display". */
  list(only?: string): string[] {
    const out = ['Type Name Content'];
    const show = (name: string, r: Register | undefined): void => {
      if (!r) return;
      if (only && !only.includes(name)) return;
      const text = r.lines.join('^J') + (r.linewise ? '^J' : '');
      const visible = text.replace(/\t/g, '^I').replace(/[\x00-\x08\x0b-\x1f]/g, (c) => `^${String.fromCharCode(c.charCodeAt(0) + 64)}`);
      out.push(`  ${r.linewise ? 'l' : r.blockwise ? 'b' : 'c'}  "${name}   ${visible}`);
    };
    show('"', this.get('"'));
    for (const n of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ...'abcdefghijklmnopqrstuvwxyz', '-']) show(n, this.map.get(n));
    for (const n of ['.', ':', '%', '/'] as const) if (this.readOnly[n]) show(n, { lines: [this.readOnly[n]], linewise: false });
    return out;
  }
}
