// fmt and pr (coreutils 9.1), printf's exact float rounding, and hexdump and rev reading
// their input as it comes. Expected outputs were checked against the real tools.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { runScript } from './machine-helpers';

const run = (script: string) => runScript(script, new Machine({ clock: 'skip' }));

describe('fmt', () => {
  it('fills paragraphs by least cost, keeps indents and sentence spacing', async () => {
    const r = await run("printf 'The quick brown fox jumps over the lazy dog.  It was a bright cold day.\\nShort.\\n\\n  indented text goes on\\n  and on\\n' | fmt -w 30");
    expect(r.stdout).toBe('The quick brown fox jumps\nover the lazy dog.  It was a\nbright cold day.  Short.\n\n  indented text goes on\n  and on\n');
  });

  it('refills only prefixed lines with -p, and checks widths', async () => {
    const r = await run("printf '# one two three four five six\\ncode\\n' | fmt -p '#' -w 16; echo x | fmt -w abc; echo rc=$?; echo x | fmt -g 80; echo x | fmt -w 9 -5");
    expect(r.stdout).toBe('# one two three\n# four five six\ncode\nrc=1\n');
    expect(r.stderr).toBe(
      "fmt: invalid width: 'abc'\nfmt: invalid width: '80': Numerical result out of range\n" +
        "fmt: invalid option -- 5; -WIDTH is recognized only when it is the first\noption; use -w N instead\nTry 'fmt --help' for more information.\n",
    );
  });
});

describe('pr', () => {
  it('prints dated pages with headers and trailers', async () => {
    const r = await run("seq 3 > f; touch -d '2024-03-05 10:20' f; pr -l 14 f");
    expect(r.stdout).toBe('\n\n2024-03-05 10:20                        f                         Page 1\n\n\n1\n2\n3\n\n\n\n\n\n\n');
  });

  it('lays out columns down, across and side by side', async () => {
    const r = await run("seq 7 | pr -3 -t; seq 5 | pr -2 -a -t -S' | '; printf 'a\\nb\\n' > x; printf 'c\\n' > y; pr -m -t x y");
    expect(r.stdout).toBe(
      '1\t\t\t4\t\t\t6\n2\t\t\t5\t\t\t7\n3\n' + '1\t\t\t\t   | 2\n3\t\t\t\t   | 4\n5\n' + 'a\t\t\t\t    c\nb\t\t\t\t    \n',
    );
  });

  it('numbers lines, picks pages, and reports errors', async () => {
    const r = await run("seq 3 | pr -n:3 -t; seq 40 > d; pr -l 15 -t +3:3 d | head -2; pr -3 -m a b; pr -l 0 d; pr nosuch; echo rc=$?");
    expect(r.stdout).toBe('  1:1\n  2:2\n  3:3\n31\n32\nrc=1\n');
    expect(r.stderr).toBe(
      'pr: cannot specify number of columns when printing in parallel\n' +
        "pr: '-l PAGE_LENGTH' invalid number of lines: '0': Numerical result out of range\n" +
        'pr: nosuch: No such file or directory\n',
    );
  });
});

describe('printf floats', () => {
  it('round the exact long double value half to even, builtin and /usr/bin alike', async () => {
    const fmt = "'%.0f %.0f %.2f %.3e %g %.1f %a\\n' 2.5 3.5 2.675 9.9995 2.5e-5 0.35 0.1";
    const r = await run(`printf ${fmt}; /usr/bin/printf ${fmt}; printf '%g\\n' 1e5000`);
    const line = '2 4 2.67 1.000e+01 2.5e-05 0.3 0xc.ccccccccccccccdp-7\n';
    expect(r.stdout).toBe(line + line + 'inf\n');
    expect(r.stderr).toContain('printf: warning: 1e5000: Numerical result out of range');
  });
});

describe('streaming', () => {
  it('hexdump and rev end when the pipe closes, and hexdump keeps squeezing', async () => {
    const r = await run("hexdump /dev/urandom | head -3 | wc -l; yes abc | rev | head -2; head -c 40 /dev/zero | hexdump -C");
    expect(r.stdout).toBe('3\ncba\ncba\n00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|\n*\n00000020  00 00 00 00 00 00 00 00                           |........|\n00000028\n');
  });
});
