// traceroute 2.1 after `tdnf install traceroute`: hop lines through the lab world's gateway and
// ISP routers, "*" for hops that never answer, numeric output, and the argument errors and
// exit statuses of Butskoy's traceroute (checked against 2.1.2 on the build host).
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { runScript } from './machine-helpers';

const ms = /\d+\.\d{3} ms/g;

describe('traceroute', () => {
  it('traces hops, marks silent ones, and refuses bad arguments as traceroute 2.1 does', async () => {
    const m = new Machine({ clock: 'skip' });
    const r = await runScript(
      [
        'tdnf -q install -y traceroute >/dev/null 2>&1',
        'traceroute -m 4 8.8.8.8',
        'traceroute -n -q 2 127.0.0.1',
        'traceroute -x; echo "rc=$?"',
        'traceroute -m 300 localhost; echo "rc=$?"',
        'traceroute -q 11 localhost; echo "rc=$?"',
        'traceroute localhost 70000; echo "rc=$?"',
        'traceroute localhost abc; echo "rc=$?"',
        'traceroute -f 5 -m 3 localhost; echo "rc=$?"',
        'traceroute 2>/dev/null; echo "rc=$?"',
      ].join('\n'),
      m,
    );
    expect(r.stdout.replace(ms, 'T ms')).toBe(
      [
        'traceroute to 8.8.8.8 (8.8.8.8), 4 hops max, 60 byte packets',
        ' 1  _gateway (192.168.1.1)  T ms  T ms  T ms',
        ' 2  bras1.access.isp.example.net (100.64.0.1)  T ms  T ms  T ms',
        ' 3  100.64.18.9 (100.64.18.9)  T ms  T ms  T ms',
        ' 4  * * *',
        'traceroute to 127.0.0.1 (127.0.0.1), 30 hops max, 60 byte packets',
        ' 1  127.0.0.1  T ms  T ms',
        'rc=2',
        'rc=2',
        'rc=2',
        'rc=2',
        'rc=2',
        'rc=2',
        'rc=0',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe(
      [
        "Bad option `-x' (argc 1)",
        'max hops cannot be more than 255',
        'no more than 10 probes per hop',
        'too big packetlen 70000 specified',
        "Cannot handle \"packetlen\" cmdline arg `abc' on position 2 (argc 2)",
        'first hop out of range',
        '',
      ].join('\n'),
    );
  });
});
