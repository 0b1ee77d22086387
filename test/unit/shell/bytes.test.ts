// Bytes that are not UTF-8 travel through the shell unchanged (as U+DC00+byte inside
// strings): typed at the prompt, in scripts, in command substitutions, read and mapfile.
import { describe, expect, it } from 'vitest';
import { encodeText } from '../../../src/shared/bytes';
import { ByteDecoder, decodeBytes } from '../../../src/programs/shell/byte-text';
import { ConsoleSession } from '../../integration/machine-helpers';
import { newMachine, run, sh } from '../programs/helpers';
import { writeFileIntoMachine } from '../../../src/cli/copy-in';

const b = (...v: number[]): Uint8Array => Uint8Array.from(v);

describe('byte text', () => {
  it.each([
    ['ascii', b(0x61, 0x62), 'ab'],
    ['valid UTF-8', b(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80), 'é€😀'],
    ['a lone high byte', b(0x61, 0xff, 0x62), 'a\udcffb'],
    ['Latin-1 é', b(0x73, 0xe9, 0x74), 's\udce9t'],
    ['a truncated sequence', b(0xe2, 0x82), '\udce2\udc82'],
    ['an overlong form', b(0xc0, 0xaf), '\udcc0\udcaf'],
    ['an encoded surrogate', b(0xed, 0xa0, 0x80), '\udced\udca0\udc80'],
    ['beyond U+10FFFF', b(0xf4, 0x90, 0x80, 0x80), '\udcf4\udc90\udc80\udc80'],
  ])('decodes %s', (_name, bytes, text) => {
    expect(decodeBytes(bytes)).toBe(text);
    // and the text encodes back to the same bytes
    expect([...encodeText(text)]).toEqual([...bytes]);
  });

  it('streams: a sequence split between chunks is decoded whole, a broken one escaped', () => {
    const d = new ByteDecoder();
    expect(d.decode(b(0x61, 0xe2), { stream: true })).toBe('a');
    expect(d.decode(b(0x82), { stream: true })).toBe('');
    expect(d.decode(b(0xac, 0x62), { stream: true })).toBe('€b');
    expect(d.decode(b(0xc3), { stream: true })).toBe('');
    expect(d.decode(b(0x41), { stream: true })).toBe('\udcc3A');
    expect(d.decode(b(0xf0, 0x9f), { stream: true })).toBe('');
    expect(d.end()).toBe('\udcf0\udc9f');
  });
});

describe('bytes that are not UTF-8 in the shell', () => {
  it('keeps them in $\'...\', command substitutions, here-documents, read and mapfile', async () => {
    const m = newMachine();
    const r = await sh(m, `echo $'\\xff' | od -c
x=$(printf 'a\\377b'); echo "$x" | od -c; echo \${#x}
printf 'a\\377b\\n' > f; read l < f; echo "$l" | od -An -c
mapfile -t arr < f; echo "\${arr[0]}" | od -An -c
cat <<E | od -An -c
h$x
E
touch "$x"; for g in a?b; do echo "$g" | od -An -c; done`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('0000000 377  \\n\n0000002\n0000000   a 377   b  \\n\n0000004\n3\n   a 377   b  \\n\n   a 377   b  \\n\n   h   a 377   b  \\n\n   a 377   b  \\n\n');
  });

  it('runs scripts (a file, and standard input) holding Latin-1 bytes unchanged', async () => {
    const m = newMachine();
    writeFileIntoMachine(m, '/tmp/w/s.sh', b(...new TextEncoder().encode('echo s'), 0xe9, ...new TextEncoder().encode('t | od -An -c\n')));
    expect((await run(m, ['bash', '/tmp/w/s.sh'])).stdout).toBe('   s 351   t  \\n\n');
    expect((await sh(m, 'bash < s.sh; . ./s.sh')).stdout).toBe('   s 351   t  \\n\n   s 351   t  \\n\n');
  });

  it('takes a byte typed at the prompt into argv, echoes it raw and erases it as one column', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    // the page hands a raw byte to the machine as U+DC00+byte
    s.type('echo a\udcffb | od -c\r');
    await s.waitForPrompts(2);
    // the terminal shows the raw byte (the console decodes it as U+FFFD); od sees 0377
    expect(s.output).toContain('echo a\ufffdb | od -c\r\n0000000   a 377   b  \\n\r\n');
    const mark = s.output.length;
    s.type('x\udcfe\x7f\x7fecho typed\r');
    await s.waitForPrompts(3);
    expect(s.output.slice(mark)).toContain('x\ufffd\b\x1b[K\b\x1b[Kecho typed\r\ntyped\r\n');
  });
});
