// rpm's query formats (src/programs/rpm/query-format.ts): the rendering of tags, widths,
// types, arrays and conditionals, and rpm 4.18's messages for formats it cannot parse.
import { describe, expect, it } from 'vitest';
import { compileFormat, FormatError, renderFormat, type Header } from '../../../src/programs/rpm/query-format';

const HEADER: Record<string, (string | number)[]> = {
  NAME: ['bash'], VERSION: ['5.2'], SIZE: [7452623], INSTALLTIME: [1748592761],
  FILENAMES: ['/etc/bash.bashrc', '/usr/bin/bash'], FILEMODES: [0o100644, 0o100755],
  REQUIRENAME: ['/bin/sh'], SUMMARY: ["it's a shell"],
};
const header: Header = (tag) => HEADER[tag];
const render = (format: string): string => renderFormat(compileFormat(format), header);
const error = (format: string): string => {
  try {
    render(format);
  } catch (e) {
    if (e instanceof FormatError) return e.message;
    throw e;
  }
  return 'no error';
};

describe('rpm query formats', () => {
  it('prints tags, case-insensitively and with or without RPMTAG_, and (none) for one the package lacks', () => {
    expect(render('%{NAME}-%{version} %{RPMTAG_NAME} %{EPOCH}\\n')).toBe('bash-5.2 bash (none)\n');
  });

  it('pads to a printf width, left with -', () => {
    expect(render('[%-6{NAME}|%8{VERSION}|]')).toBe('bash  |     5.2|');
  });

  it('shows values in the named types', () => {
    expect(render('%{SIZE:hex} %{SIZE:octal} %{SIZE:humaniec} %{SIZE:humansi}')).toBe('71b7cf 34333717 7.1M 7.5M');
    expect(render('%{INSTALLTIME:date}|%{INSTALLTIME:day}')).toBe('Fri May 30 08:12:41 2025|Fri May 30 2025');
    expect(render('%{SUMMARY:shescape} %{NAME:date}')).toBe("'it'\\''s a shell' (not a number)");
    expect(render('%{#FILENAMES} %{FILENAMES:arraysize}')).toBe('2 2');
  });

  it('repeats an array per element, with = keeping the first element', () => {
    expect(render('[%{=NAME} %{FILENAMES} %{FILEMODES:perms}\\n]')).toBe('bash /etc/bash.bashrc -rw-r--r--\nbash /usr/bin/bash -rwxr-xr-x\n');
    expect(render('[%{NOSOURCE}]x')).toBe('x');
  });

  it('chooses a branch on whether a tag is present (an unknown name is never present)', () => {
    expect(render('%|EPOCH?{%{EPOCH}:}:{none}|%|NAME?{n}|%|BOGUS?{y}:{n}|')).toBe('nonenn');
  });

  it('reads escapes and %%', () => {
    expect(render('a\\tb\\\\c\\qd 100%%')).toBe('a\tb\\cqd 100%');
  });

  it.each([
    ['%{NOPE}', 'unknown tag: "NOPE"'],
    ['%{NAME:bogus}', 'unknown tag: "NAME"'],
    ['%{NAME', 'missing } after %{'],
    ['%x{NAME}', 'invalid field width'],
    ['%5', 'missing { after %'],
    ['%{}', 'empty tag name'],
    ['%{NAME:}', 'empty tag format'],
    ['[%{NAME}', '] expected at end of array'],
    ['a]', 'unexpected ]'],
    ['a}', 'unexpected }'],
    ['x\\', 'escaped char expected after \\'],
    ['%|NAME{a}|', '? expected in expression'],
    ['%|NAME?a|', '{ expected after ? in expression'],
    ['%|NAME?{a}x|', ': expected following ? subexpression'],
    ['%|NAME?{a}:b|', '{ expected after : in expression'],
    ['%|NAME?{a}:{b}x', '| expected at end of expression'],
    ['%|NAME?{a', '} expected in expression'],
    ['[%{FILENAMES} %{REQUIRENAME}]', 'array iterator used with different sized arrays'],
  ])('%s: %s', (format, message) => {
    expect(error(format)).toBe(message);
  });
});
