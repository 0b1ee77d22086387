// cronie's crontab parser (src/programs/cronie/cron-table.ts): fields, names, steps, specials,
// environment lines, and the first error with the line cronie reports it on.
import { describe, expect, it } from 'vitest';
import { entryDue, parseTable, type CronUser, type TableOptions } from '../../../src/programs/cronie/cron-table';

const root: CronUser = { name: 'root', uid: 0, gid: 0, dir: '/root', shell: '/bin/bash' };
const alice: CronUser = { name: 'alice', uid: 1000, gid: 100, dir: '/home/alice', shell: '/bin/bash' };
const opts = (owner?: CronUser): TableOptions => ({ ...(owner ? { owner } : {}), lookup: (n) => (n === 'root' ? root : n === 'alice' ? alice : undefined), random: () => 0 });
const check = (text: string, owner: CronUser | undefined = root) => parseTable(text, opts(owner), true).error;
const bits = (b: boolean[], low = 0): number[] => b.flatMap((v, i) => (v ? [i + low] : []));

describe('cron tables', () => {
  it('reads lists, ranges, steps and names', () => {
    const t = parseTable('*/15 8-17/3 1,15 jan-Mar mon-fri echo hi\n', opts(root), true);
    const e = t.entries[0]!;
    expect(bits(e.minute)).toEqual([0, 15, 30, 45]);
    expect(bits(e.hour)).toEqual([8, 11, 14, 17]);
    expect(bits(e.dom, 1)).toEqual([1, 15]);
    expect(bits(e.month, 1)).toEqual([1, 2, 3]);
    expect(bits(e.dow)).toEqual([1, 2, 3, 4, 5]);
    expect(e.command).toBe('echo hi');
    expect(e.minStar).toBe(true);
    expect(e.domStar).toBe(false);
  });

  it('gives each entry the settings above it and the defaults', () => {
    const t = parseTable('SHELL=/bin/bash\n MAILTO = "root" \n* * * * * a\nX=1\n* * * * * b\n', opts(alice), true);
    expect(t.entries[0]!.env).toEqual([['SHELL', '/bin/bash'], ['MAILTO', 'root'], ['HOME', '/home/alice'], ['PATH', '/usr/bin:/bin'], ['LOGNAME', 'alice'], ['USER', 'alice']]);
    expect(t.entries[1]!.env.find(([n]) => n === 'X')).toEqual(['X', '1']);
  });

  it('takes the user from the line in system tables', () => {
    const t = parseTable('01 * * * * root run-parts /etc/cron.hourly\n', opts(), true);
    expect(t.entries[0]!.user).toBe('root');
    expect(t.entries[0]!.command).toBe('run-parts /etc/cron.hourly');
  });

  it('knows the @ specials', () => {
    const t = parseTable('@reboot a\n@weekly b\n', opts(root), true);
    expect(t.entries[0]!.reboot).toBe(true);
    expect(bits(t.entries[1]!.dow)).toEqual([0, 7]);
    expect(check('@often x\n')).toEqual({ line: 1, message: 'bad time specifier' });
  });

  it('reports the first error and its line as cronie does', () => {
    expect(check('# c\n\n60 * * * * x\n* * * * * y\n')).toEqual({ line: 3, message: 'bad minute' });
    expect(check('* 24 * * * x\n')).toEqual({ line: 1, message: 'bad hour' });
    expect(check('* * 0 * * x\n')).toEqual({ line: 1, message: 'bad day-of-month' });
    expect(check('* * * foo * x\n')).toEqual({ line: 1, message: 'bad month' });
    expect(check('* * * * 8 x\n')).toEqual({ line: 1, message: 'bad day-of-week' });
    expect(check('* * * * *\n')).toEqual({ line: 1, message: 'bad command' });
    expect(check('* * * * * *x\n')).toEqual({ line: 1, message: 'bad command' });
    expect(check('* * * * * * x\n')).toEqual({ line: 1, message: 'bad command' });
    expect(check('* * * * * x')).toEqual({ line: 1, message: 'premature EOF' });
    expect(check('-* * * * * x\n', alice)).toEqual({ line: 1, message: 'bad option' });
    expect(check('*/0 * * * * x\n')).toEqual({ line: 1, message: 'bad minute' });
  });

  it('runs on the day of month or of week when both are given, on both otherwise', () => {
    const [both, dowOnly] = parseTable('0 9 1 * mon a\n0 9 * * mon b\n', opts(root), true).entries;
    const at = (mday: number, wday: number) => ({ min: 0, hour: 9, mday, mon: 0, wday });
    expect(entryDue(both!, at(1, 4))).toBe(true);
    expect(entryDue(both!, at(5, 1))).toBe(true);
    expect(entryDue(both!, at(5, 2))).toBe(false);
    expect(entryDue(dowOnly!, at(1, 4))).toBe(false);
    expect(entryDue(dowOnly!, at(5, 1))).toBe(true);
  });
});
