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

  it.each([
    // [settings, keys typed, what read() gets, what the screen shows]
    ['erase ^H', { cc: { erase: 0x08 } }, 'ab\bc\x7f\n', 'ac\x7f\n', 'ab\b \bc^?\r\n'],
    ['-icrnl', { icrnl: false }, 'ab\r\n', 'ab\r\n', 'ab^M\r\n'],
    ['igncr', { igncr: true }, 'a\rb\n', 'ab\n', 'ab\r\n'],
    ['inlcr -icanon', { inlcr: true, icanon: false, echo: false }, 'a\n', 'a\r', ''],
    ['-echo echonl', { echo: false, echonl: true }, 'pw\n', 'pw\n', '\r\n'],
    ['-echoctl', { echoctl: false }, 'a\x01\n', 'a\x01\n', 'a\x01\r\n'],
    ['eol ,', { cc: { eol: 0x2c } }, 'a,b', 'a,', 'a,b'],
    ['lnext', {}, 'a\x16\x03\n', 'a\x03\n', 'a^\b^C\r\n'],
    ['rprnt', {}, 'ab\x12c\n', 'abc\n', 'ab^R\r\nabc\r\n'],
    ['-echoke: kill shows ^U and a newline', { echoke: false }, 'abc\x15d\n', 'd\n', 'abc^U\r\nd\r\n'],
    ['-echoe: erase shows the erase character', { echoe: false }, 'ab\x7f\n', 'a\n', 'ab^?\r\n'],
    ['istrip', { istrip: true, icanon: false, echo: false }, '\u00e9', 'i', ''],
  ])('%s', (_name, change, keys, got, screen) => {
    const { t, shown } = tty();
    const { cc, ...flags } = change as { cc?: Partial<typeof t.termios.cc> };
    t.termios = { ...t.termios, ...flags, cc: { ...t.termios.cc, ...cc } };
    t.input(keys);
    let all = '';
    while (t.hasInput()) all += text(t.take(100)) ?? '';
    expect([all, shown()]).toEqual([got, screen]);
  });

  it('keeps the line on ^C with noflsh and drops it without', () => {
    const { t, signals } = tty();
    t.termios = { ...t.termios, noflsh: true };
    t.input('ab\x03c\n');
    expect([text(t.take(100)), signals]).toEqual(['abc\n', [[7, 2]]]);
    t.termios = { ...t.termios, isig: false };
    t.input('\x03\n');
    expect(text(t.take(100))).toBe('\x03\n');
  });

  it('holds output after ^S until ^Q (ixon), and maps output with olcuc and ocrnl', () => {
    const { t, shown } = tty();
    t.input('\x13');
    t.write(new TextEncoder().encode('held\n'));
    expect(shown()).toBe('');
    t.input('\x11');
    expect(shown()).toBe('held\r\n');
    t.termios = { ...t.termios, olcuc: true, ocrnl: true };
    t.write(new TextEncoder().encode('up\r'));
    expect(shown()).toBe('held\r\nUP\r\n');
    t.termios = { ...t.termios, opost: false };
    t.write(new TextEncoder().encode('raw\n'));
    expect(shown()).toBe('held\r\nUP\r\nraw\n');
  });
});
