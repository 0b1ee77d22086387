// tree 2.0.4 after `tdnf install tree`: the drawing in ASCII (C locale) and UTF-8, symbolic
// links (a link to a directory counts as one, entered only with -l), -L, -d, -P, -I, -F, and
// 2.0.4's totals: the directory named is not counted, and with several only the last one's
// entries are (2.1.0 changed both; the host's tree is 2.1.0, so these are checked here, from
// 2.0.4's source, rather than recorded).
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { runScript } from './machine-helpers';

describe('tree 2.0.4', () => {
  it('draws, filters and counts as 2.0.4 does', async () => {
    const m = new Machine({ clock: 'skip' });
    const r = await runScript(
      [
        'tdnf -q install -y tree >/dev/null 2>&1',
        'mkdir -p /root/tt/a/b /root/tt/c && cd /root/tt && touch a/f1 a/b/f2 .hid z && ln -s a la && ln -s nowhere dang',
        'tree',
        'LANG=C.UTF-8 tree -L 1 a',
        'tree -d --noreport; tree -F -L 1 a; tree -P "f*" -I b; tree -l -L 2 la',
        'tree a c; tree nonexist; echo "rc=$?"',
      ].join('\n'),
      m,
    );
    expect(r.stdout).toBe(
      [
        '.',
        '|-- a',
        '|   |-- b',
        '|   |   `-- f2',
        '|   `-- f1',
        '|-- c',
        '|-- dang -> nowhere',
        '|-- la -> a',
        '`-- z',
        '',
        '4 directories, 4 files',
        'a',
        '├── b',
        '└── f1',
        '',
        '1 directory, 1 file',
        '.',
        '|-- a',
        '|   `-- b',
        '|-- c',
        '`-- la -> a',
        'a/',
        '|-- b/',
        '`-- f1',
        '',
        '1 directory, 1 file',
        '.',
        '|-- a',
        '|   `-- f1',
        '`-- c',
        '',
        '2 directories, 1 file',
        'la',
        '|-- b',
        '|   `-- f2',
        '`-- f1',
        '',
        '1 directory, 2 files',
        'a',
        '|-- b',
        '|   `-- f2',
        '`-- f1',
        'c',
        '',
        '0 directories, 0 files',
        'nonexist  [error opening dir]',
        '',
        '0 directories, 0 files',
        'rc=2',
        '',
      ].join('\n'),
    );
  });
});
