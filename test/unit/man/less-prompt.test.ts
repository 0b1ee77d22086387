// less's prompt language and option parsing, including the LESS value man-db sets.
import { describe, expect, it } from 'vitest';
import { lessPrompt, splitCommand } from '../../../src/programs/man/pager-pipe';
import { parseLessArgs } from '../../../src/programs/pagers/less/options';
import { evalPrompt, PROTOS, type PromptInfo } from '../../../src/programs/pagers/less/prompt';

const base: PromptInfo = {
  file: 'notes.txt', index: 0, count: 1, next: undefined, topLine: 1, bottomLine: 23,
  lines: undefined, bottomByte: 300, size: 1200, eof: false, newFile: true,
};
const MAN = ' Manual page ls(1) ?ltline %lt?L/%L.:byte %bB?s/%s..?e (END):?pB %pB\\%.. (press h for help or q to quit)';

const PROMPTS: [string, string, Partial<PromptInfo>, string][] = [
  ['short, first screen of a file', PROTOS.s, {}, 'notes.txt'],
  ['short, later screens', PROTOS.s, { newFile: false }, ''],
  ['short, at the end', PROTOS.s, { newFile: false, eof: true }, '(END)'],
  ['short, first screen that is also the end', PROTOS.s, { eof: true }, 'notes.txt (END)'],
  ['short, several files', PROTOS.s, { count: 2, next: 'b.txt' }, 'notes.txt (file 1 of 2)'],
  ['short, end of the first of two files', PROTOS.s, { newFile: false, eof: true, count: 2, next: 'b.txt' }, '(END) - Next: b.txt'],
  ['short, standard input', PROTOS.s, { file: undefined }, ''],
  ['medium, percent by bytes', PROTOS.m, { newFile: false }, '25%'],
  ['medium, unknown size', PROTOS.m, { newFile: false, size: undefined }, 'byte 300'],
  ['long, line numbers', PROTOS.M, { lines: 90 }, 'notes.txt lines 1-23/90 25%'],
  ['= command', PROTOS['='], { lines: 90, newFile: false }, 'notes.txt lines 1-23/90 byte 300/1200 25%'],
  ['help', PROTOS.h, {}, 'HELP -- Press RETURN for more, or q when done'],
  ['help at the end', PROTOS.h, { eof: true }, 'HELP -- END -- Press g to see it again, or q when done'],
  ["man's prompt, first screen of a pipe", MAN, { file: undefined, size: undefined }, ' Manual page ls(1) line 1 (press h for help or q to quit)'],
  ["man's prompt, at the end", MAN, { file: undefined, size: 8000, lines: 212, eof: true, topLine: 190 }, ' Manual page ls(1) line 190/212 (END) (press h for help or q to quit)'],
  ["man's prompt, middle, all read", MAN, { file: undefined, size: 8000, lines: 212, bottomByte: 4000 }, ' Manual page ls(1) line 1/212 50% (press h for help or q to quit)'],
];

describe('less prompts', () => {
  it.each(PROMPTS)('%s', (_id, proto, info, want) => {
    expect(evalPrompt(proto, { ...base, ...info })).toBe(want);
  });
});

describe('less options', () => {
  it.each([
    ['-NS file', undefined, { lineNumbers: true, chop: true }, ['file'], []],
    ['-R -x4 +G a b', undefined, { raw: 'R', tabs: 4, commands: ['G'] }, ['a', 'b'], []],
    ['--LINE-NUMBERS --chop-long-lines --quit-if-one-screen --no-init -', undefined, { lineNumbers: true, chop: true, quitIfOneScreen: true, noInit: true }, ['-'], []],
    ['-Z --bogus f', undefined, {}, ['f'], ['There is no -Z option ("less --help" for help)', 'There is no bogus option ("less --help" for help)']],
    ['', '-iR', { ignoreCase: 'smart', raw: 'R' }, [], []],
    ['-S', lessPrompt('ls(1)'), { ignoreCase: 'smart', tabs: 8, raw: 'R', style: 'm', chop: true, prompts: { m: MAN, M: MAN } }, [], []],
  ] as const)('%s (LESS=%s)', (args, env, want, files, errors) => {
    const r = parseLessArgs(args ? args.split(' ') : [], env);
    expect(r.options).toMatchObject(want);
    expect(r.files).toEqual(files);
    expect(r.errors).toEqual(errors);
  });
});

describe('pager command words', () => {
  it.each([
    ['less', ['less']],
    ['less -S  -R', ['less', '-S', '-R']],
    ["sh -c 'col -b | less'", ['sh', '-c', 'col -b | less']],
    ['a\\ b "c d"', ['a b', 'c d']],
  ])('%s', (cmd, want) => {
    expect(splitCommand(cmd)).toEqual(want);
  });
});
