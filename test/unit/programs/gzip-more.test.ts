// gzip's wrapper programs and dc: checks against results recorded from gzip 1.12 and dc 1.4.1.
import { describe, expect, it } from 'vitest';
import { add, div, format, mod, mul, parse, pow, sqrt } from '../../../src/programs/dc/num';
import { newMachine, sh } from './helpers';

const n = (t: string) => parse(t.replace(/^-/, ''), 10, t.startsWith('-'));

describe("dc's numbers", () => {
  it('keep the scale GNU dc gives each result, truncating', () => {
    expect(format(add(n('1.000'), n('1.5')), 10)).toBe('2.500');
    expect(format(mul(n('1.5'), n('2.25'), 0), 10)).toBe('3.37');
    expect(format(div(n('-1'), n('3'), 2), 10)).toBe('-.33');
    expect(format(mod(n('-7'), n('2'), 0), 10)).toBe('-1');
    expect(format(pow(n('3.7'), n('2'), 0), 10)).toBe('13.6');
    expect(format(pow(n('2'), n('-1'), 5), 10)).toBe('.50000');
    expect(format(sqrt(n('2'), 10), 10)).toBe('1.4142135623');
    // bc_sqrt answers 1 for 1 whatever the scale
    expect(format(sqrt(n('1'), 2), 10)).toBe('1');
  });

  it('print in other bases the way dc does', () => {
    expect(format(n('255'), 16)).toBe('FF');
    expect(format(n('12345'), 20)).toBe(' 01 10 17 05');
    expect(format(n('1.25'), 8)).toBe('1.200');
    expect(format(n('-0.001'), 8)).toBe('-.0004');
    expect(format(n('0.75'), 20)).toBe('.15 00');
    expect(parse('1.8', 16, false)).toEqual({ n: 15n, s: 1 });
  });
});

describe('dc', () => {
  it('runs macros, conditionals and reports errors on stderr', async () => {
    const m = newMachine();
    const r = await sh(m, "dc -e '1 [1+ d p d 3>a]sa lax' -e '2 3 !<b f' -e 'c p' -e 'y'");
    expect(r.stdout).toBe("2\n3\n0\n3\n3\n2\n'y' (0171) unimplemented\n");
    expect(r.stderr).toBe('dc: stack empty\ndc: ');
    expect(r.exit).toBe(0);
  });

  it('quits with q: status 1 from a file, 0 from -e', async () => {
    const m = newMachine({ 'q.dc': '1 p q 2 p\n' });
    expect(await sh(m, 'dc q.dc')).toEqual({ stdout: '1\n', stderr: '', exit: 1 });
    expect(await sh(m, "dc -e '[q]x 5p'")).toEqual({ stdout: '', stderr: '', exit: 0 });
  });
});

describe('zgrep, zdiff and friends', () => {
  const files = { 'a.txt': 'hello world\nfoo bar\n', 'c': 'x\nhello\n' };

  it('zgrep searches compressed and plain files with grep options', async () => {
    const m = newMachine(files);
    const r = await sh(m, 'gzip -k a.txt; zgrep -n hello a.txt.gz c; echo rc=$?; zgrep -c foo a.txt.gz; zgrep -l hello a.txt.gz c nofile; echo rc=$?');
    expect(r.stdout).toBe('a.txt.gz:1:hello world\nc:2:hello\nrc=0\n1\na.txt.gz\nc\nrc=2\n');
    expect(r.stderr).toBe('gzip: nofile.gz: No such file or directory\n');
  });

  it('zgrep refuses recursive options and needs a pattern', async () => {
    const m = newMachine(files);
    const r = await sh(m, 'zgrep -rn x .; echo rc=$?; zgrep; echo rc=$?');
    expect(r.stdout).toBe('rc=2\nrc=1\n');
    expect(r.stderr).toBe("/usr/bin/zgrep: -r: option not supported\n/usr/bin/zgrep: line 188: 1: missing pattern; try `/usr/bin/zgrep --help' for help\n");
  });

  it('zdiff and zcmp compare uncompressed contents', async () => {
    const m = newMachine(files);
    const r = await sh(m, 'cp a.txt b; echo zz >> b; gzip b; zdiff a.txt b.gz; echo rc=$?; gzip -k a.txt; zcmp a.txt.gz; echo rc=$?; zdiff; echo rc=$?');
    expect(r.stdout).toBe('2a3\n> zz\nrc=1\nrc=0\nrc=2\n');
    expect(r.stderr).toBe('/usr/bin/zdiff: missing operand\n');
  });

  it('zmore puts banners between files; zforce renames gzip data', async () => {
    const m = newMachine(files);
    const r = await sh(m, 'gzip -c a.txt > z; zmore c z; zforce z c; ls z*');
    expect(r.stdout).toBe('::::::::::::::\nc\n::::::::::::::\nx\nhello\n::::::::::::::\nz\n::::::::::::::\nhello world\nfoo bar\nz -- replaced with z.gz\nz.gz\n');
  });
});
