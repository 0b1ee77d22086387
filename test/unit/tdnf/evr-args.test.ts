// rpm's version comparison (expected values from rpm 4.18's rpm.vercmp) and tdnf's command line
// parsing (getopt_long_only over tdnf's option table, argv permuted options-first).
import { describe, expect, it } from 'vitest';
import { rpmvercmp } from '../../../src/subsystems/rpmdb/evr';
import { isFailure, parseArgs } from '../../../src/programs/tdnf/args';

const VERCMP: [string, string, number][] = [
  ['1.0', '1.0', 0], ['1.0', '2.0', -1], ['2.0.1', '2.0', 1], ['1.0a', '1.0', 1], ['1.0', '1.0a', -1], ['1.0aa', '1.0a', 1],
  ['1.1.a', '1.1', 1], ['5.5p1', '5.5p2', -1], ['5.5p10', '5.5p1', 1], ['10xyz', '10.1xyz', -1], ['xyz10', 'xyz10.1', -1],
  ['a', '1', -1], ['1.0~rc1', '1.0', -1], ['1.0~rc1', '1.0~rc2', -1], ['1.0^', '1.0', 1], ['1.0^git1', '1.0^git2', -1],
  ['1.0^git1', '1.01', -1], ['1.0^20160101', '1.0.1', -1], ['1.9.12p1', '1.9.15p5', -1], ['9.0.1298', '9.1.1113', -1],
  ['001', '1', 0], ['1.2.3', '1_2_3', 0], ['2.0a', '2.0.1', -1],
];

describe('rpmvercmp', () => {
  for (const [a, b, want] of VERCMP) it(`${a} vs ${b} = ${want}`, () => expect(rpmvercmp(a, b)).toBe(want));
});

const ARGS: [string[], unknown][] = [
  [['install', '-y', 'nano'], { cmds: ['install', 'nano'], reordered: ['-y', 'install', 'nano'], assumeYes: true, json: false }],
  [['-j', 'list'], { cmds: ['list'], reordered: ['-j', 'list'], assumeYes: false, json: true }],
  [['--ref', '-q', 'list', 'nano'], { cmds: ['list', 'nano'], reordered: ['--ref', '-q', 'list', 'nano'], assumeYes: false, json: false }],
  [['--enablerepo', 'photon-extras', 'repolist'], { cmds: ['repolist'], reordered: ['--enablerepo', 'photon-extras', 'repolist'], assumeYes: false, json: false }],
  [['--foo', 'list'], { stdout: 'No such option: --foo. Please use /usr/bin/tdnf --help\n', code: 908 }],
  [['list', '--enablerepo'], { stderr: 'Option --enablerepo requires an argument\n', code: 909 }],
];

describe('tdnf command line', () => {
  for (const [argv, want] of ARGS) {
    it(argv.join(' '), () => {
      const r = parseArgs('tdnf', argv);
      if (isFailure(r)) expect({ ...(r.stdout ? { stdout: r.stdout } : {}), ...(r.stderr ? { stderr: r.stderr } : {}), code: r.error.code }).toEqual(want);
      else expect({ cmds: r.cmds, reordered: r.reordered, assumeYes: r.assumeYes, json: r.json }).toEqual(want);
    });
  }

  it('tdnfj means --json --assumeyes', () => {
    const r = parseArgs('/usr/bin/tdnfj', ['list']);
    expect(isFailure(r) ? r : { json: r.json, assumeYes: r.assumeYes }).toEqual({ json: true, assumeYes: true });
  });
});
