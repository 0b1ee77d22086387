// tdnf on the console: the "Is this ok [y/N]: " prompt reads the terminal, the answer is echoed
// by the line discipline, downloads show curl's progress line, and the table uses the terminal's
// width (80 columns here).
import { describe, expect, it } from 'vitest';
import { ConsoleSession } from './machine-helpers';

describe('tdnf on a terminal', () => {
  it('asks, reads the answer from the terminal, and shows download progress', async () => {
    const s = new ConsoleSession({ cols: 80, rows: 40 });
    await s.waitForPrompts(1, 20_000);
    // the network comes up with the services, behind the first prompt: a tdnf typed before
    // that would (as on a real machine) fail its first try and print "retrying 1/10"
    await s.machine.booted;
    const start = s.output.length;
    s.type('tdnf install nano\r');
    const asked = await s.waitFor('Is this ok [y/N]: ', start, 30_000);
    s.type('y\r');
    await s.waitForPrompts(2, 30_000);
    const last = s.output.lastIndexOf('Installing/Updating');
    const transcript = s.output.slice(start, s.output.indexOf('\r\n', last) + 2);
    expect(asked).toBeGreaterThan(start);
    expect(transcript).toBe(
      'tdnf install nano\r\n' +
        "Refreshing metadata for: 'VMware Photon Linux 5.0 (x86_64) Updates'\r\n" +
        'photon-updates                            4090 100%\r\r\n' +
        'photon-updates                         1537025 100%\r\r\n' +
        '\r\nInstalling:\r\n' +
        'nano             x86_64       8.2-2.ph5        photon-updates   2.75M   838.42k\r\n' +
        '\r\nTotal installed size:   2.75M\r\nTotal download size: 838.42k\r\n' +
        'Is this ok [y/N]: y\r\n' +
        'nano                                    858547 100%\r\r\n' +
        'Testing transaction\r\nRunning transaction\r\nInstalling/Updating: nano-8.2-2.ph5.x86_64\r\n',
    );
  }, 90_000);
});
