// expand/unexpand tab stops (coreutils expand-common.c): a list "N,M,..." with an optional
// last "/N" (repeat every N) or "+N" (every N after the last stop), and the shared reading
// of every FILE as one stream.
import { ql } from './textio';

export class TabError extends Error {}

export class TabStops {
  private list: number[] = [];
  private extend = 0;
  private increment = 0;
  private size = 0;
  /** The widest gap between stops (unexpand buffers that many blanks). */
  maxWidth = 0;

  add(tab: number): void {
    const prev = this.list.length ? this.list[this.list.length - 1]! : 0;
    const width = prev <= tab ? tab - prev : 0;
    this.list.push(tab);
    this.maxWidth = Math.max(this.maxWidth, width);
  }

  /** parse_tab_stops; throws the messages (each printed) joined by newlines. */
  parse(stops: string): void {
    const errors: string[] = [];
    let have = false;
    let value = 0;
    let extend = false;
    let increment = false;
    const flush = (): boolean => {
      if (extend) {
        if (this.extend) {
          errors.push("'/' specifier only allowed with the last value");
          return false;
        }
        this.extend = value;
      } else if (increment) {
        if (this.increment) {
          errors.push("'+' specifier only allowed with the last value");
          return false;
        }
        this.increment = value;
      } else this.add(value);
      return true;
    };
    let i = 0;
    for (; i < stops.length; i++) {
      const c = stops[i]!;
      if (c === ',' || c === ' ' || c === '\t') {
        if (have && !flush()) break;
        have = false;
      } else if (c === '/' || c === '+') {
        if (have) errors.push(`'${c}' specifier not at start of number: ${ql(stops.slice(i))}`);
        extend = c === '/';
        increment = c === '+';
      } else if (c >= '0' && c <= '9') {
        if (!have) {
          value = 0;
          have = true;
        }
        value = value * 10 + Number(c);
        if (value > Number.MAX_SAFE_INTEGER) {
          const start = stops.slice(0, i + 1).search(/\d+$/);
          const digits = /^\d+/.exec(stops.slice(start))![0];
          errors.push(`tab stop is too large ${ql(digits)}`);
          i = start + digits.length - 1;
          have = false;
        }
      } else {
        errors.push(`tab size contains invalid character(s): ${ql(stops.slice(i))}`);
        break;
      }
    }
    if (!errors.length && have) flush();
    if (errors.length) throw new TabError(errors.join('\n'));
  }

  /** finalize_tab_stops. */
  finish(): void {
    let prev = 0;
    for (const t of this.list) {
      if (t === 0) throw new TabError('tab size cannot be 0');
      if (t <= prev) throw new TabError('tab sizes must be ascending');
      prev = t;
    }
    if (this.increment && this.extend) throw new TabError("'/' specifier is mutually exclusive with '+'");
    if (this.list.length === 0) this.size = this.maxWidth = this.extend || this.increment || 8;
    else if (this.list.length === 1 && !this.extend && !this.increment) this.size = this.list[0]!;
    else this.size = 0;
  }

  /** get_next_tab_column: the next stop after `column`, or undefined past the last one. */
  next(column: number, state: { index: number }): number | undefined {
    if (this.size) return column + (this.size - (column % this.size));
    for (; state.index < this.list.length; state.index++) {
      const tab = this.list[state.index]!;
      if (column < tab) return tab;
    }
    if (this.extend) return column + (this.extend - (column % this.extend));
    if (this.increment) {
      const end = this.list[this.list.length - 1]!;
      return column + (this.increment - ((column - end) % this.increment));
    }
    return undefined;
  }
}
