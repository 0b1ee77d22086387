// Go text/tabwriter semantics: the package's documented examples and docker's tables.
import { describe, expect, it } from 'vitest';
import { newDockerTabWriter, TabFlags, TabWriter, tabwrite } from '../../src/shared/tabwriter';

describe('Go tabwriter examples', () => {
  it('tab padding with tabwidth 8', () => {
    const w = new TabWriter(0, 8, 0, '\t', 0);
    w.write('a\tb\tc\td\t.\n');
    w.write('123\t12345\t1234567\t123456789\t.\n');
    w.write('\n');
    expect(w.flush()).toBe('a\tb\tc\td\t\t.\n123\t12345\t1234567\t123456789\t.\n\n');
  });

  it('right alignment with minwidth 5 and padding 1', () => {
    const w = new TabWriter(5, 0, 1, ' ', TabFlags.AlignRight);
    w.write('a\tb\tc\td\t.\n');
    w.write('123\t12345\t1234567\t123456789\t.\n');
    w.write('\n');
    expect(w.flush()).toBe('    a     b       c         d.\n  123 12345 1234567 123456789.\n\n');
  });

  it('elastic columns: a column ends where a line lacks the cell', () => {
    const out = tabwrite('a\tb\tc\naa\tbb\tcc\naaa\t\naaaa\tdddd\teeee\n', {
      minwidth: 0,
      tabwidth: 0,
      padding: 1,
      padchar: '.',
      flags: TabFlags.AlignRight | TabFlags.Debug,
    });
    expect(out).toBe('....a|..b|c\n...aa|.bb|cc\n..aaa|\n.aaaa|.dddd|eeee\n');
  });

  it('text after the last tab is not aligned', () => {
    const out = tabwrite('a\tb\taligned\t\naa\tbb\taligned\t\naaa\tbbb\tunaligned\naaaa\tbbbb\taligned\t\n', {
      minwidth: 0,
      tabwidth: 0,
      padding: 3,
      padchar: '-',
      flags: TabFlags.AlignRight | TabFlags.Debug,
    });
    expect(out).toBe(
      '------a|------b|---aligned|\n-----aa|-----bb|---aligned|\n----aaa|----bbb|unaligned\n---aaaa|---bbbb|---aligned|\n',
    );
  });

  it('counts code points, not UTF-16 units', () => {
    expect(tabwrite('é\tx\nab\ty\n', { minwidth: 0, padding: 1 })).toBe('é  x\nab y\n');
    expect(tabwrite('😀\tx\nab\ty\n', { minwidth: 0, padding: 1 })).toBe('😀  x\nab y\n');
  });

  it('DiscardEmptyColumns drops columns of empty soft-tab cells', () => {
    const out = tabwrite('a\v\vb\nc\v\vd\n', { minwidth: 0, padding: 1, flags: TabFlags.DiscardEmptyColumns });
    expect(out).toBe('a b\nc d\n');
  });

  it('FilterHTML gives tags no width and entities width one', () => {
    const out = tabwrite('<b>x</b>\ty\n&amp;\tz\n', { minwidth: 0, padding: 1, flags: TabFlags.FilterHTML });
    expect(out).toBe('<b>x</b> y\n&amp; z\n');
  });

  it('a one-cell line flushes, so output streams before flush()', () => {
    const w = new TabWriter(0, 8, 1, ' ', 0);
    w.write('a\tb\n');
    expect(w.take()).toBe('');
    w.write('single\n');
    expect(w.take()).toBe('a b\nsingle\n');
    w.write('tail');
    expect(w.flush()).toBe('tail');
  });

  it('a formfeed ends the column block', () => {
    expect(tabwrite('aaaa\tb\fc\td\n', { minwidth: 0, padding: 1 })).toBe('aaaa b\nc d\n');
  });
});

describe("docker's tables (minwidth 10, padding 3)", () => {
  it('docker ps with no containers', () => {
    const w = newDockerTabWriter();
    w.write('CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n');
    expect(w.flush()).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });

  it('docker ps with a container', () => {
    const out = tabwrite(
      'CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n' +
        '4c01db0b339c\tnginx\t"/docker-entrypoint.…"\t2 minutes ago\tUp 2 minutes\t0.0.0.0:8080->80/tcp\tweb\n',
    );
    expect(out).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS                  NAMES\n' +
        '4c01db0b339c   nginx     "/docker-entrypoint.…"   2 minutes ago   Up 2 minutes   0.0.0.0:8080->80/tcp   web\n',
    );
  });

  it('docker images', () => {
    const out = tabwrite(
      'REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\n' +
        'hello-world\tlatest\td2c94e258dcb\t17 months ago\t13.3kB\n' +
        'photon\t5.0\t0b3b8a1b1f4e\t2 weeks ago\t43.5MB\n',
    );
    expect(out).toBe(
      'REPOSITORY    TAG       IMAGE ID       CREATED         SIZE\n' +
        'hello-world   latest    d2c94e258dcb   17 months ago   13.3kB\n' +
        'photon        5.0       0b3b8a1b1f4e   2 weeks ago     43.5MB\n',
    );
  });

  it('rejects negative settings', () => {
    expect(() => new TabWriter(-1, 0, 0, ' ')).toThrow(RangeError);
  });
});
