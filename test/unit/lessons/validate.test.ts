// Lesson files are validated on load: every mistake is reported with the file, its line, the
// step and check, and the field; a broken lesson is left out and the others still load.
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/lessons/catalog';
import { setupCommands } from '../../../src/lessons/setup';

const TRACK = 'title: Basics\norder: 1\nlessons: [one]\n';

const GOOD = `id: one
title: One
summary: A lesson.
minutes: 5
intro: intro.md
steps:
  - title: First step
    text: step.md
    checks:
      - id: has-file
        title: /tmp/x exists
        kind: file
        path: /tmp/x
        hints: [touch it]
solution:
  - touch /tmp/x
`;

function catalog(lesson: string, extra: Record<string, string> = {}, track = TRACK): ReturnType<typeof buildCatalog> {
  return buildCatalog(new Map(Object.entries({ 'basics/track.yaml': track, 'basics/one/lesson.yaml': lesson, 'basics/one/intro.md': '# One', 'basics/one/step.md': 'Do it.', ...extra })));
}

describe('lesson validation', () => {
  it('loads a good lesson with its Markdown', () => {
    const c = catalog(GOOD);
    expect(c.problems).toEqual([]);
    expect(c.lessons.map((l) => [l.id, l.track, l.trackTitle, l.introMarkdown, l.stepMarkdown])).toEqual([['one', 'basics', 'Basics', '# One', ['Do it.']]]);
  });

  it.each([
    ['an unknown check kind', GOOD.replace('kind: file', 'kind: fyle'), ['lessons/basics/one/lesson.yaml:12: step 1 (First step), check has-file, field kind: unknown check kind']],
    ['a missing field', GOOD.replace('        path: /tmp/x\n', ''), ['lessons/basics/one/lesson.yaml:10: step 1 (First step), check has-file: missing field "path"']],
    ['an unknown field', GOOD.replace('path: /tmp/x', 'path: /tmp/x\n        colour: red'), ['lessons/basics/one/lesson.yaml:14: step 1 (First step), check has-file: unknown field "colour"']],
    ['a wrong type', GOOD.replace('minutes: 5', 'minutes: five'), ['lessons/basics/one/lesson.yaml:4: field minutes: must be integer']],
    ['a bad enum', GOOD.replace('path: /tmp/x', 'path: /tmp/x\n        type: folder'), ['lessons/basics/one/lesson.yaml:14: step 1 (First step), check has-file, field type: must be one of "file", "directory", "symlink"']],
    ['a relative path', GOOD.replace('path: /tmp/x', 'path: tmp/x'), ['lessons/basics/one/lesson.yaml:13: step 1 (First step), check has-file, field path: must match pattern "^/"']],
    ['a step without title', GOOD.replace('  - title: First step\n    text', '  - text'), ['lessons/basics/one/lesson.yaml:7: step 1: missing field "title"']],
    ['no steps', GOOD.replace(/steps:[\s\S]*solution/, 'steps: []\nsolution'), ['lessons/basics/one/lesson.yaml:6: field steps: must NOT have fewer than 1 items']],
    ['a nested mistake', GOOD.replace('kind: file\n        path: /tmp/x', 'kind: not\n        check:\n          kind: unit\n          unit: nginx'), ['lessons/basics/one/lesson.yaml:14: step 1 (First step), check has-file, field check: needs one of the fields "active", "enabled"']],
    ['a missing Markdown file', GOOD.replace('text: step.md', 'text: other.md'), ['lessons/basics/one/lesson.yaml:8: step 1 (First step), field text: no file other.md next to lesson.yaml']],
    ['a duplicate check id', GOOD.replace('solution:', '      - id: has-file\n        title: again\n        kind: hostname\n        name: x\nsolution:'), ['lessons/basics/one/lesson.yaml:15: step 1 (First step), check has-file, field id: the check id "has-file" is used twice']],
    ['a bad regular expression', GOOD.replace('path: /tmp/x', 'path: /tmp/x\n        matches: "a(b"'), ['lessons/basics/one/lesson.yaml:10: step 1 (First step), check has-file: bad regular expression "a(b": Invalid regular expression: /a(b/m: Unterminated group']],
    ['an id that is not the directory', GOOD.replace('id: one', 'id: two'), ['lessons/basics/one/lesson.yaml:1: field id: the id "two" must be the lesson\'s directory name "one"']],
    ['broken YAML', GOOD.replace('minutes: 5', 'minutes: [5'), ['lessons/basics/one/lesson.yaml:5: Flow sequence in block collection must be sufficiently indented and end with a ]']],
  ])('reports %s', (_what, text, problems) => {
    const c = catalog(text);
    expect(c.problems).toEqual(problems);
    expect(c.lessons).toEqual([]);
  });

  it('checks tracks and prerequisites', () => {
    expect(catalog(GOOD.replace('minutes: 5', 'minutes: 5\nprerequisites: [zero]')).problems).toEqual(['lessons/basics/one/lesson.yaml: field prerequisites: no lesson zero']);
    expect(catalog(GOOD, {}, 'title: Basics\norder: 1\nlessons: [one, two]\n').problems).toEqual(['lessons/basics/track.yaml: lists two, but lessons/basics/two has no lesson.yaml']);
    expect(catalog(GOOD, { 'basics/three/lesson.yaml': GOOD }).problems).toEqual(['lessons/basics/track.yaml: does not list the lesson three']);
    expect(catalog(GOOD, {}, 'title: Basics\nlessons: [one]\n').problems).toEqual(['lessons/basics/track.yaml:1: missing field "order"']);
  });
});

describe('lesson files made to hurt the loader (found by fuzzing)', () => {
  const laughs = `a0: &a0 ["lol"]\n${Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`).join('\n')}\nid: *a9\n`;
  const file = 'lessons/basics/one/lesson.yaml';
  it.each([
    ['aliases that expand a billion times', laughs, [`${file}: its aliases (*name) expand into too many values; write the values out`]],
    ['an alias inside the node it names', 'a: &a\n  b: *a\nid: one\n', [`${file}: a value contains itself (an alias refers to a node around it)`]],
    ['20000 nested YAML sequences', `id: ${'['.repeat(20_000)}${']'.repeat(20_000)}`, [`${file}: values nest too deeply`]],
    ['JSON nested 100 deep', `{"id":${'['.repeat(100)}${']'.repeat(100)}}`, [`${file}: values nest more than 64 levels deep`]],
    ['a file of 300 KB', `title: ${'x'.repeat(300_000)}`, [`${file}: 300007 bytes; a lesson or track file holds at most 262144`]],
    ['a collection as a key', '? [a, b]\n: c\n', [`${file}:1: Map keys must be plain values`]],
    ['a key given twice', 'id: one\ntitle: x\nid: two\n', [`${file}:3: Map keys must be unique`]],
    ['an unknown YAML tag', 'id: one\ntitle: !!js/function "x"\n', [`${file}:2: Unresolved tag: tag:yaml.org,2002:js/function`]],
  ])('refuses %s with a problem naming it', (_what, text, problems) => {
    const c = catalog(text);
    expect(c.problems).toEqual(problems);
    expect(c.lessons).toEqual([]);
  });

  it('lists 30 missing prerequisites of 10000 and counts the rest', () => {
    const c = catalog(GOOD.replace('minutes: 5', `minutes: 5\nprerequisites: [${Array.from({ length: 10_000 }, (_, i) => `p${i}`).join(', ')}]`));
    expect(c.problems).toHaveLength(31);
    expect(c.problems[0]).toBe('lessons/basics/one/lesson.yaml: field prerequisites: no lesson p0');
    expect(c.problems[30]).toBe('lessons/basics/one/lesson.yaml: field prerequisites: 9970 more problems');
  });

  it('lists the first 30 problems of a file of 15000 unknown keys and counts the rest', () => {
    // the parser's own duplicate-key check and a line lookup per problem made this take minutes
    const c = catalog(Array.from({ length: 15_000 }, (_, i) => `k${i}: ${i}`).join('\n'));
    expect(c.problems).toHaveLength(31);
    expect(c.problems[0]).toBe(`${file}:1: missing field "id"`);
    expect(c.problems[30]).toBe(`${file}: 14977 more problems`);
  });
});

describe('the start state', () => {
  it('becomes the commands an administrator would type', () => {
    expect(setupCommands({
      groups: [{ name: 'developers', gid: 2000 }],
      users: [{ name: 'alice', groups: ['developers', 'wheel'], password: "it's secret" }, { name: 'svc', home: false, shell: '/bin/false' }],
      packages: { install: ['nginx'], remove: ['wget'] },
      files: [
        { path: '/etc/motd', content: 'héllo\n', mode: '0644' },
        { path: '/srv/data', directory: true, owner: 'alice' },
        { path: '/root/link', symlink: '/var/log' },
        { path: '/tmp/old', remove: true },
      ],
      units: { enable: ['nginx'], start: ['nginx'], mask: ['docker'] },
      commands: ['echo done'],
    })).toEqual([
      'groupadd -g 2000 developers',
      'useradd -m -G developers,wheel alice',
      "printf '%s\\n' 'alice:it'\\''s secret' | chpasswd",
      'useradd -s /bin/false svc',
      'tdnf install -y -q nginx',
      'tdnf remove -y -q wget',
      "mkdir -p /etc && printf '%s' aMOpbGxvCg== | base64 -d > /etc/motd && chmod 0644 /etc/motd",
      'mkdir -p /srv/data && chmod 0755 /srv/data && chown -h alice:alice /srv/data',
      'mkdir -p /root && ln -sfn /var/log /root/link',
      'rm -rf -- /tmp/old',
      'systemctl mask docker',
      'systemctl enable nginx',
      'systemctl start nginx',
      'echo done',
    ]);
  });
});
