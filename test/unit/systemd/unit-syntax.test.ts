// Unit names, the unit-file parser and word splitting, against systemd 253's rules.
import { describe, expect, it } from 'vitest';
import { parseUnitFile, UnitSettings } from '../../../src/shared/systemd/unit-file';
import {
  NAME_INSTANCE, NAME_PLAIN, NAME_TEMPLATE, unitNameClassify, unitNameIsValid, unitNameMangle, unitNameReplaceInstance,
  unitNameTemplate, validateAliasSymlink,
} from '../../../src/shared/systemd/unit-name';
import { extractWords } from '../../../src/shared/systemd/words';
import { fnmatch } from '../../../src/shared/systemd/glob';
import { installNamePrintf } from '../../../src/shared/systemd/specifiers';

describe('unit names', () => {
  it.each([
    ['sshd.service', NAME_PLAIN],
    ['getty@tty1.service', NAME_INSTANCE],
    ['getty@.service', NAME_TEMPLATE],
    ['a@b@c.service', NAME_INSTANCE],
    ['@x.service', 0],
    ['foo.bogus', 0],
    ['.service', 0],
    ['foo bar.service', 0],
    [`${'a'.repeat(248)}.service`, 0],
    ['dev-sda1.device', NAME_PLAIN],
  ])('%s is class %d', (name, cls) => {
    expect(unitNameClassify(name)).toBe(cls);
    expect(unitNameIsValid(name)).toBe(cls !== 0);
  });

  it('takes templates and instances apart', () => {
    expect(unitNameTemplate('getty@tty1.service')).toBe('getty@.service');
    expect(unitNameTemplate('sshd.service')).toBeUndefined();
    expect(unitNameReplaceInstance('getty@.service', 'tty2')).toBe('getty@tty2.service');
  });

  it.each([
    ['sshd', '.service', 'sshd.service', undefined],
    ['multi-user', '.target', 'multi-user.target', undefined],
    ['/dev/sda', '.service', 'dev-sda.device', undefined],
    ['/home/x', '.service', 'home-x.mount', undefined],
    ['foo bar', '.service', 'foo\\x20bar.service', 'Invalid unit name "foo bar" escaped as "foo\\x20bar" (maybe you should use systemd-escape?).'],
    ['a*', '.service', 'a\\x2a.service', 'Glob pattern passed to check, but globs are not supported for this.\nInvalid unit name "a*" escaped as "a\\x2a".'],
  ])('mangles %j', (input, suffix, name, notice) => {
    const m = unitNameMangle(input, suffix, { operation: 'to check' });
    expect(m?.name).toBe(name);
    expect(m?.notice).toBe(notice);
  });

  it.each([
    ['alias.service', 'real.service', 'ok'],
    ['real.service', 'real.service', 'self'],
    ['alias.socket', 'real.service', 'mismatch'],
    ['a@x.service', 'b@.service', 'ok'],
    ['a@.service', 'b@x.service', 'mismatch'],
    ['x.mount', 'y.mount', 'bad-source'],
  ])('alias %s -> %s is %s', (src, dst, verdict) => {
    expect(validateAliasSymlink(src, dst)).toBe(verdict);
  });

  it('expands install specifiers', () => {
    expect(installNamePrintf({ name: 'foo-bar@baz.service' }, '%n %N %p %i %j %%')).toBe('foo-bar@baz.service foo-bar@baz foo-bar baz bar %');
    expect(installNamePrintf({ name: 'w@.service', defaultInstance: 'main' }, '%n/%i')).toBe('w@main.service/main');
    expect(installNamePrintf({ name: 'x.service' }, '%Z')).toBe('EBADSLT');
    expect(installNamePrintf({ name: 'x.service' }, '%!')).toBe('%!');
  });
});

describe('unit file parser', () => {
  const text = [
    '\ufeff# comment',
    '[Unit]',
    'Description = A   service  ',
    '; another comment',
    '[Service]',
    'ExecStart=/usr/bin/foo \\',
    '# a comment inside a continuation is skipped',
    '  --flag',
    'Environment="A=1" B=2',
    'NoEquals',
    '=value',
    '[X-Custom]',
    'Key=1',
    '[Install]',
    'WantedBy=a.target b.target',
    'WantedBy=',
    'WantedBy=c.target',
    'Alias="d e.service" f.service',
  ].join('\n');
  const parsed = parseUnitFile(text, '/x.service', { sections: new Set(['Unit', 'Service', 'Install']) });

  it('strips keys and values and joins continued lines', () => {
    expect(parsed.assignments.map((a) => `${a.section}.${a.key}=${a.value}`)).toEqual([
      'Unit.Description=A   service',
      'Service.ExecStart=/usr/bin/foo    --flag',
      'Service.Environment="A=1" B=2',
      'Install.WantedBy=a.target b.target',
      'Install.WantedBy=',
      'Install.WantedBy=c.target',
      'Install.Alias="d e.service" f.service',
    ]);
  });

  it('warns as systemd does', () => {
    // the comment check runs before the byte-order mark is skipped (config_parse), so a
    // commented first line after a BOM counts as an assignment outside any section
    expect(parsed.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '1: Assignment outside of section. Ignoring.',
      "10: Missing '=', ignoring line.",
      "11: Missing key name before '=', ignoring line.",
    ]);
  });

  it('stops at a broken section header (EBADMSG)', () => {
    const bad = parseUnitFile('[Unit]\nA=1\n[Bad"Section]\nB=2\n[Install\n', '/y.service');
    expect(bad.fatal).toBe('EBADMSG');
    expect(bad.assignments.map((a) => a.key)).toEqual(['A']);
    expect(bad.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([`3: Bad characters in section header '[Bad"Section]'`]);
    expect(parseUnitFile('[Install\n').warnings.map((w) => w.message)).toEqual(["Invalid section header '[Install'"]);
  });

  it('resets a list on an empty assignment and unquotes words', () => {
    const s = new UnitSettings().add(parsed);
    expect(s.list('Install', 'WantedBy')).toEqual(['c.target']);
    expect(s.list('Install', 'Alias')).toEqual(['d e.service', 'f.service']);
    expect(s.get('Unit', 'Description')).toBe('A   service');
  });

  it('drops assignments outside any section with a warning', () => {
    expect(parseUnitFile('Key=1\n[Unit]\nA=b\n').warnings.map((w) => w.message)).toEqual(['Assignment outside of section. Ignoring.']);
  });
});

describe('words', () => {
  it.each([
    ['a b  c', {}, ['a', 'b', 'c']],
    ['"a b" c', { unquote: true }, ['a b', 'c']],
    ["'x'y\"z\"", { unquote: true }, ['xyz']],
    ['a\\ b', {}, ['a b']],
    ['a\\ b', { retainEscape: true }, ['a\\', 'b']],
    ['a,b,,c', { separators: ',' }, ['a', 'b', 'c']],
    ['"open', { unquote: true }, undefined],
    ['a\\x41\\n', { cunescape: true }, ['aA\n']],
  ] as const)('%j %j', (input, flags, words) => {
    expect(extractWords(input, flags)).toEqual(words);
  });

  it.each([
    ['docker*', 'docker.socket', true],
    ['*.service', 'a.socket', false],
    ['lab-?.service', 'lab-1.service', true],
    ['[a-c]*.timer', 'b.timer', true],
    ['[!a-c]*.timer', 'b.timer', false],
    ['a\\*', 'a\\b', true],
  ])('fnmatch(%s, %s) = %s', (pattern, name, match) => {
    expect(fnmatch(pattern, name)).toBe(match);
  });
});
