// The tools' number and layout formats against values taken from the real tools: ping's times
// and statistics (iputils 20221126), curl's meter fields and URL handling (curl 8.12), ss's
// column renderer (iproute2 6.0) and curl's command line.
import { describe, expect, it } from 'vitest';
import { parseCurlArgs } from '../../../src/programs/network-tools/curl-args';
import { parseUrl, resolveLocation } from '../../../src/programs/network-tools/curl-http';
import { max5, meterLine } from '../../../src/programs/network-tools/curl-meter';
import { inetAton } from '../../../src/programs/network-tools/netlib';
import { formatG, formatRtt, statistics } from '../../../src/programs/network-tools/ping-stats';
import { renderColumns, ssColumns } from '../../../src/programs/network-tools/ss-render';

describe('ping numbers', () => {
  it.each([
    [45, '0.045'], [999, '0.999'], [1000, '1.00'], [9994, '9.99'], [9995, '10.0'], [12345, '12.3'], [99949, '99.9'], [99950, '100'], [123456, '123'],
  ])('reply time %i us prints as %s', (us, want) => expect(formatRtt(us)).toBe(want));

  it.each([[0, '0'], [25, '25'], [100, '100'], [Math.fround(100 / 3), '33.3333'], [Math.fround(200 / 3), '66.6667']])('%%g of %d', (x, want) => expect(formatG(x)).toBe(want));

  it('prints the statistics block', () => {
    expect(statistics('google.com', { transmitted: 4, received: 4, errors: 0, rtts: [11850, 12404, 12012, 12126], pipe: 1, elapsedMs: 3004, timing: true })).toBe(
      '\n--- google.com ping statistics ---\n4 packets transmitted, 4 received, 0% packet loss, time 3004ms\nrtt min/avg/max/mdev = 11.850/12.098/12.404/0.202 ms\n',
    );
    expect(statistics('10.9.0.77', { transmitted: 3, received: 0, errors: 3, rtts: [], pipe: 3, elapsedMs: 2031, timing: true })).toBe(
      '\n--- 10.9.0.77 ping statistics ---\n3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2031ms\npipe 3\n',
    );
    expect(statistics('x', { transmitted: 3, received: 2, errors: 0, rtts: [37, 54], pipe: 1, elapsedMs: 2002, timing: true })).toBe(
      '\n--- x ping statistics ---\n3 packets transmitted, 2 received, 33.3333% packet loss, time 2002ms\nrtt min/avg/max/mdev = 0.037/0.045/0.054/0.008 ms\n',
    );
  });

  it.each([['127.0.0.1', '127.0.0.1'], ['127.1', '127.0.0.1'], ['0x7f.1', '127.0.0.1'], ['10', '0.0.0.10'], ['256.1.1.1', undefined], ['google.com', undefined]])('inet_aton(%s)', (text, want) => expect(inetAton(text)).toBe(want));
});

describe('curl', () => {
  it.each([[0, '    0'], [99999, '99999'], [100000, '  97k'], [10240000, ' 9.7M'], [123456789, ' 117M']])('max5data(%i)', (n, want) => expect(max5(n)).toBe(want));

  it('draws the meter as curl does', () => {
    expect(meterLine({ spentUs: 0, received: 0 })).toBe('\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0');
    expect(meterLine({ spentUs: 1_069_000, received: 12, total: 12 })).toBe('\r100    12  100    12    0     0     11      0  0:00:01  0:00:01 --:--:--    11');
    expect(meterLine({ spentUs: 2_000_000, received: 0 })).toBe('\r  0     0    0     0    0     0      0      0 --:--:--  0:00:02 --:--:--     0');
  });

  it.each([
    ['http://example.com', { scheme: 'http', host: 'example.com', port: 80, path: '/', text: 'http://example.com/' }],
    ['example.com:8080/a?b#c', { scheme: 'http', host: 'example.com', port: 8080, path: '/a?b', text: 'http://example.com:8080/a?b' }],
    ['https://[::1]/', { scheme: 'https', host: '::1', port: 443, path: '/', text: 'https://[::1]/' }],
  ])('parses %s', (raw, url) => expect(parseUrl(raw)).toEqual({ ok: true, url }));

  it.each([
    ['ftp2://x', { ok: false, code: 1, message: 'Protocol "ftp2" not supported' }],
    ['http://', { ok: false, code: 3, message: 'URL rejected: No host part in the URL' }],
    ['http://x:99999/', { ok: false, code: 3, message: 'URL rejected: Port number was not a decimal number between 0 and 65535' }],
  ])('rejects %s', (raw, want) => expect(parseUrl(raw)).toEqual(want));

  it('resolves redirect targets', () => {
    const base = parseUrl('http://localhost:8080/a/b');
    if (!base.ok) throw new Error('parse');
    expect([resolveLocation(base.url, 'https://x/'), resolveLocation(base.url, '/c'), resolveLocation(base.url, 'd')]).toEqual(['https://x/', 'http://localhost:8080/c', 'http://localhost:8080/a/d']);
  });

  it.each([
    [['-sSL', 'http://x'], { silent: true, showError: true, location: true, urls: ['http://x'] }],
    [['-ofile', '-w', '%{http_code}', 'u'], { outputs: ['file'], writeOut: '%{http_code}', urls: ['u'] }],
    [['--connect-timeout', '1.5', '-m', '3', 'u'], { connectTimeoutMs: 1500, maxTimeMs: 3000 }],
    [['--no-silent', '-s', '--no-silent', 'u'], { silent: false }],
  ])('reads %j', (args, want) => expect(parseCurlArgs(args)).toMatchObject({ ok: true, config: want }));

  it.each([
    [['--foo'], 'option --foo: is unknown'],
    [['-sW'], 'option -sW: is unknown'],
    [['-o'], 'option -o: requires parameter'],
    [['-m', 'abc', 'u'], 'option -m: expected a proper numerical parameter'],
  ])('refuses %j', (args, message) => expect(parseCurlArgs(args)).toEqual({ ok: false, message }));
});

describe('ss columns', () => {
  const row = (state: string, local: string, port: string, peer: string, proc = ''): string[] => ['tcp', state, '0     ', '10    ', local, port, peer, '*', proc, ''];

  it('lays out compact columns with the addresses meeting their ports (ss -tlnp piped)', () => {
    const cols = ssColumns();
    cols[0]!.disabled = true;
    const out = renderColumns(cols, [
      row('LISTEN', '0.0.0.0:', '80', '0.0.0.0:', ' users:(("ncat",pid=17906,fd=4))'),
      row('LISTEN', '127.0.0.1:', '8080', '0.0.0.0:', ' users:(("ncat",pid=17907,fd=3))'),
    ], true, undefined);
    expect(out).toBe([
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess                         ',
      'LISTEN 0      10           0.0.0.0:80        0.0.0.0:*    users:(("ncat",pid=17906,fd=4))',
      'LISTEN 0      10         127.0.0.1:8080      0.0.0.0:*    users:(("ncat",pid=17907,fd=3))',
      '',
    ].join('\n'));
  });

  it('shares the spare width out on a terminal', () => {
    const cols = ssColumns();
    cols[0]!.disabled = true;
    const out = renderColumns(cols, [row('LISTEN', '0.0.0.0:', '22', '0.0.0.0:')], true, 80);
    expect(out.split('\n').map((l) => l.length)).toEqual([80, 80, 0]);
    expect(out).toBe('State    Recv-Q   Send-Q     Local Address:Port     Peer Address:Port  Process  \nLISTEN   0        10               0.0.0.0:22            0.0.0.0:*              \n');
  });

  it('prints nothing but the header without sockets, and nothing at all with -H', () => {
    expect(renderColumns(ssColumns(), [], true, undefined)).toBe('Netid State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n');
    expect(renderColumns(ssColumns(), [], false, undefined)).toBe('');
  });
});
