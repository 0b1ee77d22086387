import { describe, expect, it } from 'vitest';
import { Tty } from '../../../src/kernel/tty';

function tty() {
  let shown = '';
  const signals: [number, number][] = [];
  const t = new Tty('tty1', [4, 1], { signalGroup: (g, s) => signals.push([g, s]), output: (x) => (shown += x) });
  t.foreground = 7;
  return { t, signals, shown: () => shown };
}

const text = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));

describe('tty line discipline', () => {
  it('edits a canonical line: erase, kill, word erase; CR becomes NL', () => {
    const { t, shown } = tty();
    t.input('helo\x7flo wor\x17world\r');
    expect(text(t.take(100))).toBe('hello world\n');
    expect(shown()).toContain('\b \b');
    t.input('junk\x15ok\n');
    expect(text(t.take(100))).toBe('ok\n');
  });

  it('turns ^C, ^\\ and ^Z into signals for the foreground group and echoes them', () => {
    const { t, signals, shown } = tty();
    t.input('abc\x03');
    expect(signals).toEqual([[7, 2]]);
    expect(shown().endsWith('^C')).toBe(true);
    expect(t.hasInput()).toBe(false);
    t.input('\x1c\x1a');
    expect(signals).toEqual([[7, 2], [7, 3], [7, 20]]);
  });

  it('gives end of file for ^D on an empty line and the partial line otherwise', () => {
    const { t } = tty();
    t.input('ab\x04');
    expect(text(t.take(100))).toBe('ab');
    t.input('\x04');
    expect(text(t.take(100))).toBeNull();
  });

  it('passes bytes through at once in raw mode', () => {
    const { t, shown } = tty();
    t.termios = { ...t.termios, icanon: false, echo: false };
    t.input('x\x1b[A');
    expect(text(t.take(100))).toBe('x\x1b[A');
    expect(shown()).toBe('');
  });

  it('maps NL to CR NL on output and signals a window change', () => {
    const { t, signals, shown } = tty();
    t.write(new TextEncoder().encode('a\nb'));
    expect(shown()).toBe('a\r\nb');
    t.resize({ cols: 100, rows: 30 });
    expect(signals).toEqual([[7, 28]]);
  });
});
