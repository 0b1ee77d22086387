// Go text/template as docker 27's CLI uses it. Expected outputs are derived from Go 1.22's
// text/template, fmt, strconv and encoding/json sources and docker/cli templates/templates.go.

import { describe, expect, it } from 'vitest';
import {
  dockerHeaderFuncs,
  dockerPreFormat,
  goFloat,
  goFunc,
  goMap,
  goNumber,
  goSlice,
  goStruct,
  jsonEncode,
  parseTemplate,
  render,
  sprintf,
  stripTablePrefix,
} from '../../src/shared/gotemplate';

const CTX = '*formatter.ContainerContext';

function container(): Record<string, unknown> {
  return {
    ID: '3f4a5b6c7d8e',
    Image: 'nginx:1.25',
    Names: 'web',
    Status: 'Up 2 minutes',
    Ports: '0.0.0.0:8080->80/tcp',
    Label: goFunc((k: string) => ({ 'com.example': 'demo' } as Record<string, string>)[k] ?? '', ['string']),
  };
}

function inspect(): Record<string, unknown> {
  return goStruct(
    {
      Id: 'abc',
      Name: '/web',
      Args: ['-g', 'daemon off;'],
      State: goStruct({ Status: 'running', Running: true, Pid: 1234, Health: null }, '*container.State'),
      Config: goStruct(
        {
          Hostname: 'abc',
          Env: ['PATH=/usr/bin', 'A=<b>&c'],
          Labels: { maintainer: 'x', 'com.example': 'demo' },
        },
        '*container.Config',
      ),
      NetworkSettings: goStruct(
        {
          Networks: {
            bridge: goStruct({ IPAddress: '172.17.0.2', Gateway: '172.17.0.1' }, '*network.EndpointSettings'),
            app: goStruct({ IPAddress: '10.0.0.5', Gateway: '10.0.0.1' }, '*network.EndpointSettings'),
          },
          Ports: { '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }] },
        },
        '*types.NetworkSettings',
      ),
      Mounts: [goStruct({ Type: 'bind', Source: '/src', Destination: '/dst', RW: true }, 'types.MountPoint')],
    },
    'types.ContainerJSON',
  );
}

type Case = [format: string, data: unknown, expected: string];

function ok(format: string, data: unknown, typeName?: string): string {
  const r = render(format, data, typeName ? { typeName } : {});
  if (!r.ok) throw new Error(`unexpected error: ${r.error}`);
  return r.output;
}

function err(format: string, data: unknown, typeName?: string): string {
  const r = render(format, data, typeName ? { typeName } : {});
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.output)}`);
  return r.error;
}

describe('docker formats', () => {
  it.each<Case>([
    ['{{.Names}}', container(), 'web'],
    ['{{.ID}}\t{{.Status}}', container(), '3f4a5b6c7d8e\tUp 2 minutes'],
    ['{{.Label "com.example"}}', container(), 'demo'],
    ['{{.Label "missing"}}|', container(), '|'],
    ['{{printf "%-10s|" .Names}}', container(), 'web       |'],
    ['{{printf "%10s|" .Names}}', container(), '       web|'],
    ['{{.Names | upper}} {{lower .Image}}', container(), 'WEB nginx:1.25'],
    ['{{truncate .ID 4}}', container(), '3f4a'],
    ['{{index (split .Image ":") 1}}', container(), '1.25'],
    ['{{len (split .Image ":")}}', container(), '2'],
  ])('ps %s', (format, data, expected) => {
    expect(ok(format, data, CTX)).toBe(expected);
  });

  it.each<Case>([
    ['{{.State.Running}}', inspect(), 'true'],
    ['{{.State.Pid}}', inspect(), '1234'],
    ['{{.State.Health}}', inspect(), '<nil>'],
    ['{{json .State.Health}}', inspect(), 'null'],
    ['{{.Name}} {{.Config.Hostname}}', inspect(), '/web abc'],
    ['{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}', inspect(), '10.0.0.5 172.17.0.2 '],
    ['{{range $name, $n := .NetworkSettings.Networks}}{{$name}}={{$n.Gateway}};{{end}}', inspect(), 'app=10.0.0.1;bridge=172.17.0.1;'],
    ['{{index .Config.Labels "com.example"}}', inspect(), 'demo'],
    ['{{index .Config.Labels "absent"}}|', inspect(), '|'],
    ['{{.Config.Labels.maintainer}}', inspect(), 'x'],
    ['{{.Config.Labels.absent}}', inspect(), '<no value>'],
    ['{{join .Args ","}}', inspect(), '-g,daemon off;'],
    ['{{.Config.Env}}', inspect(), '[PATH=/usr/bin A=<b>&c]'],
    ['{{json .Config}}', inspect(), '{"Hostname":"abc","Env":["PATH=/usr/bin","A=<b>&c"],"Labels":{"com.example":"demo","maintainer":"x"}}'],
    ['{{json .Config.Labels}}', inspect(), '{"com.example":"demo","maintainer":"x"}'],
    ['{{.Config.Labels}}', inspect(), 'map[com.example:demo maintainer:x]'],
    ['{{range $p, $conf := .NetworkSettings.Ports}}{{$p}} -> {{(index $conf 0).HostPort}}{{end}}', inspect(), '80/tcp -> 8080'],
    ['{{range .Mounts}}{{.Source}}:{{.Destination}}{{end}}', inspect(), '/src:/dst'],
    ['{{.Mounts}}', inspect(), '[{bind /src /dst true}]'],
    ['{{printf "%+v" (index .Mounts 0)}}', inspect(), '{Type:bind Source:/src Destination:/dst RW:true}'],
    ['{{.State}}', inspect(), '&{running true 1234 <nil>}'],
    ['{{with .State}}{{.Status}}{{end}}', inspect(), 'running'],
    ['{{if .State.Running}}up{{else}}down{{end}}', inspect(), 'up'],
    ['{{$.Id}}{{range .Args}}[{{$.Name}}]{{end}}', inspect(), 'abc[/web][/web]'],
  ])('inspect %s', (format, data, expected) => {
    expect(ok(format, data)).toBe(expected);
  });

  it('prints nested pointers as an address, as Go does', () => {
    expect(ok('{{.}}', goStruct({ S: goStruct({ A: 1 }, '*x.S') }, 'x.T'))).toBe('{0xc000010000}');
  });

  it('table prefix and docker preFormat', () => {
    expect(stripTablePrefix('table {{.ID}}\t{{.Status}}')).toEqual({ table: true, format: '{{.ID}}\t{{.Status}}' });
    expect(stripTablePrefix('{{.ID}}')).toEqual({ table: false, format: '{{.ID}}' });
    expect(dockerPreFormat('table {{.ID}}\\t{{.Names}}\\n')).toEqual({ table: true, json: false, format: '{{.ID}}\t{{.Names}}\n' });
    expect(dockerPreFormat('json')).toEqual({ table: false, json: true, format: '{{json .}}' });
    expect(dockerPreFormat('  {{.ID}} ')).toEqual({ table: false, json: false, format: '{{.ID}}' });
  });

  it('renders a table header with the header functions', () => {
    const t = parseTemplate('{{.ID}}\t{{upper .Names}}\t{{json .Ports}}\t{{truncate .Image 3}}');
    const header = { ID: 'CONTAINER ID', Names: 'NAMES', Ports: 'PORTS', Image: 'IMAGE' };
    expect(t.execute(header, { funcs: dockerHeaderFuncs })).toBe('CONTAINER ID\tNAMES\tPORTS\tIMAGE');
    expect(t.execute(container(), { typeName: CTX })).toBe('3f4a5b6c7d8e\tWEB\t"0.0.0.0:8080->80/tcp"\tngi');
  });
});

describe('actions, control structures, variables', () => {
  it.each<Case>([
    ['plain text', {}, 'plain text'],
    ['', {}, ''],
    ['{{.}}', 'dot', 'dot'],
    ['{{.A.B}}', { A: { B: 'deep' } }, 'deep'],
    ['{{$}}', 5, '5'],
    ['{{$x := .A}}{{$x}}{{$x = "two"}}{{$x}}', { A: 'one' }, 'onetwo'],
    ['{{if eq .X 1}}one{{else if eq .X 2}}two{{else}}other{{end}}', { X: 2 }, 'two'],
    ['{{if .X}}y{{else}}n{{end}}', { X: '' }, 'n'],
    ['{{if .X}}y{{else}}n{{end}}', { X: [] }, 'n'],
    ['{{if .X}}y{{else}}n{{end}}', { X: {} }, 'n'],
    ['{{if .Missing}}y{{else}}n{{end}}', {}, 'n'],
    ['{{with .X}}[{{.}}]{{else}}none{{end}}', { X: 'v' }, '[v]'],
    ['{{with .X}}[{{.}}]{{else}}none{{end}}', {}, 'none'],
    ['{{range .}}<{{.}}>{{end}}', ['a', 'b'], '<a><b>'],
    ['{{range $i, $e := .}}{{$i}}:{{$e}} {{end}}', ['a', 'b'], '0:a 1:b '],
    ['{{range $k, $v := .}}{{$k}}={{$v}},{{end}}', { b: 2, a: 1, B: 3 }, 'B=3,a=1,b=2,'],
    ['{{range .}}x{{else}}empty{{end}}', [], 'empty'],
    ['{{range .Missing}}x{{else}}empty{{end}}', {}, 'empty'],
    ['{{range .}}{{if eq . 2}}{{continue}}{{end}}{{if eq . 4}}{{break}}{{end}}{{.}}{{end}}', [1, 2, 3, 4, 5], '13'],
    ['{{range $v := .}}{{$v}}{{end}}', [7, 8], '78'],
    ['{{- "a" }}  {{ "b" -}}  \n {{"c"}}', {}, 'a  bc'],
    ['x  {{- /* comment */ -}}  y', {}, 'xy'],
    ['a{{/* comment */}}b', {}, 'ab'],
    ['{{-3}}', {}, '-3'],
    ['{{ .A }}', { A: 1 }, '1'],
    ['{{(.A)}}', { A: 'p' }, 'p'],
    ['{{(index .M "a").B}}', { M: { a: { B: 'chained' } } }, 'chained'],
    ['{{define "T"}}[{{.}}]{{end}}{{template "T" .X}}{{template "T" "lit"}}', { X: 5 }, '[5][lit]'],
    ['{{block "B" .}}<{{.}}>{{end}}', 'b', '<b>'],
    ['{{.Missing}}', {}, '<no value>'],
    ['{{.N}}', { N: null }, '<nil>'],
  ])('%s', (format, data, expected) => {
    expect(ok(format, data)).toBe(expected);
  });
});

describe('literals', () => {
  it.each<Case>([
    ['{{"a\\tb"}}', {}, 'a\tb'],
    ['{{`raw\\n`}}', {}, 'raw\\n'],
    ['{{"\\u00e9\\x41"}}', {}, 'éA'],
    ['{{true}} {{false}}', {}, 'true false'],
    ["{{'a'}} {{printf \"%c\" 'b'}}", {}, '97 b'],
    ['{{0x1F}} {{0o17}} {{017}} {{0b101}} {{1_000}}', {}, '31 15 15 5 1000'],
    ['{{1.5}} {{1e3}} {{1e6}} {{100000.0}} {{0.000001}} {{0.00001}}', {}, '1.5 1000 1e+06 100000 1e-06 1e-05'],
    ['{{print nil}}', {}, '<nil>'],
  ])('%s', (format, data, expected) => {
    expect(ok(format, data)).toBe(expected);
  });
});

describe('builtin functions', () => {
  it.each<Case>([
    ['{{and 1 0 2}} {{and 1 2}} {{or 0 "" "z"}} {{or 0 ""}}|', {}, '0 2 z |'],
    ['{{not true}} {{not 0}} {{not ""}}', {}, 'false true true'],
    ['{{and .Missing .Crash.Boom}}', { Crash: 5 }, '<no value>'],
    ['{{eq 1 1}} {{eq "a" "b" "a"}} {{ne 1 2}} {{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1 2}}', {}, 'true true true true true true false'],
    ['{{eq .Missing nil}}', {}, 'true'],
    ['{{eq .S "x"}}', { S: 'x' }, 'true'],
    ['{{len .L}} {{len "héllo"}} {{len .M}}', { L: [1, 2, 3], M: { a: 1 } }, '3 6 1'],
    ['{{index . 1}} {{index "abc" 1}}', ['a', 'b'], 'b 98'],
    ['{{index .M "k" 1}}', { M: { k: ['x', 'y'] } }, 'y'],
    ['{{slice . 1}} {{slice . 1 2}} {{slice "abcdef" 1 3}} {{slice "héllo" 1 3}}', ['a', 'b', 'c'], '[b c] [b] bc é'],
    ['{{print 1 2 "a" 3 "b" "c"}}', {}, '1 2a3bc'],
    ['{{println 1 "a"}}', {}, '1 a\n'],
    ['{{html "<a href=\'x\'>&"}}', {}, '&lt;a href=&#39;x&#39;&gt;&amp;'],
    ['{{js "a\'b\\"<=>"}}', {}, "a\\'b\\\"\\u003C\\u003D\\u003E"],
    ['{{urlquery "a b&c/é"}}', {}, 'a+b%26c%2F%C3%A9'],
    ['{{html .Missing}}', {}, '&lt;no value&gt;'],
  ])('%s', (format, data, expected) => {
    expect(ok(format, data)).toBe(expected);
  });
});

describe('docker template functions', () => {
  it.each<Case>([
    ['{{json .}}', { b: 1, a: 'x', c: [1, 2.5, null], d: { z: true } }, '{"a":"x","b":1,"c":[1,2.5,null],"d":{"z":true}}'],
    ['{{json .}}', 'a<b>&"\\\n\t\u0001\u2028', '"a<b>&\\"\\\\\\n\\t\\u0001\\u2028"'],
    ['{{json .}}', [goFloat(1e21), goFloat(1e-7), goFloat(100000000), goFloat(-0)], '[1e+21,1e-7,100000000,-0]'],
    ['{{json .}}', [], '[]'],
    ['{{json .Missing}}', {}, 'null'],
    ['{{split "a,b,c" ","}}', {}, '[a b c]'],
    ['{{split "abc" ""}}', {}, '[a b c]'],
    ['{{join (split "a:b" ":") "-"}}', {}, 'a-b'],
    ['{{join .E ","}}|', { E: goSlice([], '[]string') }, '|'],
    ['{{title "hello-world foo_bar"}}', {}, 'Hello-World Foo_bar'],
    ['{{lower "ÀB"}} {{upper "straße"}}', {}, 'àb STRAßE'],
    ['[{{pad "x" 1 2}}][{{pad "" 3 3}}]', {}, '[ x  ][]'],
    ['{{truncate "abc" 5}} {{truncate "abcdef" 3}} {{truncate "abc" 3}}', {}, 'abc abc abc'],
  ])('%s', (format, data, expected) => {
    expect(ok(format, data)).toBe(expected);
  });

  it('json escapes HTML only when asked (encoding/json default)', () => {
    expect(jsonEncode('<&>', true)).toBe('"\\u003c\\u0026\\u003e"');
    expect(jsonEncode('<&>', false)).toBe('"<&>"');
  });
});

describe('printf', () => {
  it.each<[string, unknown[], string]>([
    ['%s|%5s|%-5s|%.2s|%5.1s|', ['ab', 'ab', 'ab', 'abc', 'abc'], 'ab|   ab|ab   |ab|    a|'],
    ['%d %+d % d %05d %-5d| %x %X %#x %o %#o %b %c %U %#U', [42, 42, 42, -42, 42, 255, 255, 255, 8, 8, 5, 65, 0x1f600, 0x41], "42 +42  42 -0042 42   | ff FF 0xff 10 010 101 A U+1F600 U+0041 'A'"],
    ['%q %+q %#q %x % x %X', ['héllo', 'é', 'a"b', 'hi', 'hi', 'hi'], '"héllo" "\\u00e9" `a"b` 6869 68 69 6869'],
    ['%v %.2f %8.3f| %-8.3f| %e %E %g %G', [goFloat(1.5), goFloat(3.14159), goFloat(3.14159), goFloat(3.14159), goFloat(1234.5678), goFloat(1234.5678), goFloat(1e-7), goFloat(1e21)], '1.5 3.14    3.142| 3.142   | 1.234568e+03 1.234568E+03 1e-07 1E+21'],
    ['%.0f %.0f %.0f %.1f %.2f', [goFloat(0.5), goFloat(1.5), goFloat(2.5), goFloat(0.25), goFloat(1.005)], '0 2 2 0.2 1.00'],
    ['%v %v %v %+v', [[1, 'a'], { b: 2, a: 1 }, goStruct({ A: 1, B: 'x' }, 'main.T'), goStruct({ A: 1, B: 'x' }, 'main.T')], '[1 a] map[a:1 b:2] {1 x} {A:1 B:x}'],
    ['%q %d %s', [['a', 'b'], [1, 2], [1]], '["a" "b"] [1 2] [%!s(int=1)]'],
    ['%t %v %T %T %T %T', [true, null, 'x', 1, goFloat(1), ['a']], 'true <nil> string int float64 []string'],
    ['%d', ['x'], '%!d(string=x)'],
    ['%s', [5], '%!s(int=5)'],
    ['%s', [null], '%!s(<nil>)'],
    ['%d %d', [1], '1 %!d(MISSING)'],
    ['%d', [1, 'x'], '1%!(EXTRA string=x)'],
    ['100%%', [], '100%'],
    ['%', [], '%!(NOVERB)'],
    ['%[2]d %[1]d', [1, 2], '2 1'],
    ['%*d|%-*d|%.*f', [5, 42, 4, 7, 2, goFloat(3.14159)], '   42|7   |3.14'],
    ['%z', [1], '%!z(int=1)'],
    ['%6.2f%%', [goFloat(99.5)], ' 99.50%'],
    ['%v %v', [goNumber(7, 'int64'), goNumber(255, 'uint8')], '7 255'],
  ])('%s', (format, args, expected) => {
    expect(sprintf(format, args)).toBe(expected);
  });

  it('float64 values print with %v as Go does (1e+08, not 100000000)', () => {
    expect(ok('{{.Size}} {{.N}}', { Size: goFloat(100000000), N: 100000000 })).toBe('1e+08 100000000');
    expect(ok('{{printf "%d" .F}}', { F: goFloat(2) })).toBe('%!d(float64=2)');
    // badVerb prints the operand with the verb's flags still set: Go gives %!f(int=03).
    expect(ok('{{printf "%.2f" 3}}', {})).toBe('%!f(int=03)');
  });
});

describe('parse errors', () => {
  it.each<[string, string]>([
    ['{{foo .}}', 'template: :1: function "foo" not defined'],
    ['{{ .Names }', 'template: :1: unexpected "}" in operand'],
    ['{{.Names}', "template: :1: bad character U+007D '}'"],
    ['{{.X', 'template: :1: unclosed action'],
    ['{{.X\n', 'template: :2: unclosed action started at :1'],
    ['{{range .}}x', 'template: :1: unexpected EOF'],
    ['{{end}}', 'template: :1: unexpected {{end}}'],
    ['{{else}}', 'template: :1: unexpected {{else}}'],
    ['{{if .X}}a{{else}}b{{else}}c{{end}}', 'template: :1: expected end; found {{else}}'],
    ['{{if}}{{end}}', 'template: :1: missing value for if'],
    ['{{}}', 'template: :1: missing value for command'],
    ['{{$x}}', 'template: :1: undefined variable "$x"'],
    ['{{range .}}{{$i := 1}}{{end}}{{$i}}', 'template: :1: undefined variable "$i"'],
    ['{{break}}', 'template: :1: {{break}} outside {{range}}'],
    ['{{"abc}}', 'template: :1: unterminated quoted string'],
    ['{{"\\z"}}', 'template: :1: invalid syntax'],
    ['{{/* x */ }}', 'template: :1: comment ends before closing delimiter'],
    ['{{/* x', 'template: :1: unclosed comment'],
    ['{{.X | 1}}', 'template: :1: non executable command in pipeline stage 2'],
    ['{{(.X}}', 'template: :1: unclosed left paren'],
    ['{{.X)}}', 'template: :1: unexpected right paren'],
    ['{{3x}}', 'template: :1: bad number syntax: "3x"'],
    ['{{99999999999999999999}}', 'template: :1: integer overflow: "99999999999999999999"'],
    ['{{"a".X}}', 'template: :1: unexpected . after term "\\"a\\""'],
    ['{{range $a, $b, $c := .}}{{end}}', 'template: :1: too many declarations in range'],
    ['{{.X &}}', 'template: :1: unexpected "&" in operand'],
    ['{{range .}}{{end}}\n{{if}}', 'template: :2: missing value for if'],
    ['{{define "a"}}x{{end}}{{define "a"}}y{{end}}', 'template: :1: template: multiple definition of template "a"'],
    ['{{template}}', 'template: :1: unexpected "}}" in template clause'],
    ['{{printf "%d" 1 | printf "abcdefghijklmnop"}}{{end', 'template: :1: unclosed action'],
  ])('%s', (format, expected) => {
    const r = render(format, {});
    expect(r).toMatchObject({ ok: false, phase: 'parse', error: expected });
  });
});

describe('execution errors', () => {
  it.each<[string, unknown, string]>([
    ['{{.Foo}}', container(), 'template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext'],
    ['{{.ID}}\n{{.Nope}}', container(), 'template: :2:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext'],
    ['{{.Names "x"}}', container(), 'template: :1:2: executing "" at <.Names>: Names has arguments but cannot be invoked as function'],
    ['{{.Label}}', container(), 'template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0'],
    ['{{.Label 5}}', container(), 'template: :1:9: executing "" at <5>: expected string; found 5'],
  ])('%s (struct)', (format, data, expected) => {
    expect(err(format, data, CTX)).toBe(expected);
  });

  it.each<[string, unknown, string]>([
    ['{{.Config.Foo}}', inspect(), 'template: :1:9: executing "" at <.Config.Foo>: can\'t evaluate field Foo in type *container.Config'],
    ['{{.State.Health.Status}}', inspect(), 'template: :1:8: executing "" at <.State.Health.Status>: nil pointer evaluating interface {}.Status'],
    ['{{.A.B.C}}', { A: { B: 5 } }, 'template: :1:4: executing "" at <.A.B.C>: can\'t evaluate field C in type int'],
    ['{{.M.k "x"}}', { M: { k: 'v' } }, 'template: :1:4: executing "" at <.M.k>: k is not a method but has arguments'],
    ['{{index .A 5}}', { A: ['a'] }, 'template: :1:2: executing "" at <index .A 5>: error calling index: index out of range: 5'],
    ['{{index .A 1}}', { A: ['a'] }, 'template: :1:2: executing "" at <index .A 1>: error calling index: reflect: slice index out of range'],
    ['{{index .A "x"}}', { A: ['a'] }, 'template: :1:2: executing "" at <index .A "x">: error calling index: cannot index slice/array with type string'],
    ['{{index .M 1}}', { M: { a: 'b' } }, 'template: :1:2: executing "" at <index .M 1>: error calling index: value has type int; should be string'],
    ['{{index .Missing "x"}}', {}, 'template: :1:2: executing "" at <index .Missing "x">: error calling index: index of untyped nil'],
    ['{{len 3}}', {}, 'template: :1:2: executing "" at <len 3>: error calling len: len of type int'],
    ['{{len .Missing}}', {}, 'template: :1:2: executing "" at <len .Missing>: error calling len: reflect: call of reflect.Value.Type on zero Value'],
    ['{{upper 5}}', {}, 'template: :1:8: executing "" at <5>: expected string; found 5'],
    ['{{upper .N}}', { N: 5 }, 'template: :1:8: executing "" at <.N>: wrong type for value; expected string; got int'],
    ['{{upper .Missing}}', {}, 'template: :1:8: executing "" at <.Missing>: invalid value; expected string'],
    ['{{truncate .S "x"}}', { S: 'abc' }, 'template: :1:14: executing "" at <"x">: expected integer; found "x"'],
    ['{{join .L ","}}', { L: [1, 2] }, 'template: :1:7: executing "" at <.L>: wrong type for value; expected []string; got []interface {}'],
    ['{{split "a:b" ":" | join "-"}}', {}, 'template: :1:25: executing "" at <"-">: can\'t handle "-" for arg of type []string'],
    ['{{printf}}', {}, 'template: :1:2: executing "" at <printf>: wrong number of args for printf: want at least 1 got 0'],
    ['{{upper}}', {}, 'template: :1:2: executing "" at <upper>: wrong number of args for upper: want 1 got 0'],
    ['{{upper "a" "b"}}', {}, 'template: :1:2: executing "" at <upper>: wrong number of args for upper: want 1 got 2'],
    ['{{nil}}', {}, 'template: :1:2: executing "" at <nil>: nil is not a command'],
    ['{{1 2}}', {}, 'template: :1:2: executing "" at <1>: can\'t give argument to non-function 1'],
    ['{{range 5}}{{end}}', {}, 'template: :1:8: executing "" at <5>: range can\'t iterate over 5'],
    ['{{range .}}{{end}}', 'abc', 'template: :1:8: executing "" at <.>: range can\'t iterate over abc'],
    ['{{template "x"}}', {}, 'template: :1:11: executing "" at <{{template "x"}}>: template "x" not defined'],
    ['{{eq .A}}', { A: 1 }, 'template: :1:2: executing "" at <eq .A>: error calling eq: missing argument for comparison'],
    ['{{eq "a" 1}}', {}, 'template: :1:2: executing "" at <eq "a" 1>: error calling eq: incompatible types for comparison'],
    ['{{lt true false}}', {}, 'template: :1:2: executing "" at <lt true false>: error calling lt: invalid type for comparison'],
    ['{{json .}}', goFloat(NaN), 'template: :1:2: executing "" at <json .>: error calling json: json: unsupported value: NaN'],
    ['{{.Fail}}', { Fail: () => { throw new Error('boom'); } }, 'template: :1:2: executing "" at <.Fail>: error calling Fail: boom'],
    ['{{18446744073709551615}}', {}, 'template: :1:2: executing "" at <18446744073709551615>: 18446744073709551615 overflows int'],
    ['{{pad "x" -1 0}}', {}, 'template: :1:2: executing "" at <pad "x" -1 0>: error calling pad: strings: negative Repeat count'],
  ])('%s', (format, data, expected) => {
    expect(err(format, data)).toBe(expected);
  });

  it('keeps the output written before the error, as Go leaves it in the writer', () => {
    expect(render('ok {{.A}} {{.B.C.D}}', { A: 1, B: { C: 'x' } })).toEqual({
      ok: false,
      phase: 'exec',
      error: 'template: :1:14: executing "" at <.B.C.D>: can\'t evaluate field D in type string',
      output: 'ok 1 ',
    });
  });

  it('supports missingkey=error and missingkey=zero', () => {
    const t = parseTemplate('{{.Labels.x}}');
    expect(() => t.execute({ Labels: {} }, { missingKey: 'error' })).toThrow('template: :1:9: executing "" at <.Labels.x>: map has no entry for key "x"');
    expect(t.execute({ Labels: goMap({ a: 'b' }, 'map[string]string', '') }, { missingKey: 'zero' })).toBe('');
  });

  it('executes a defined template by name, and reports an unknown one', () => {
    const t = parseTemplate('{{define "row"}}{{.}};{{end}}main');
    expect(t.definedTemplates().sort()).toEqual(['', 'row']);
    expect(t.execute('x', { template: 'row' })).toBe('x;');
    expect(() => t.execute('x', { template: 'nope' })).toThrow('template: no template "nope" associated with template ""');
    expect(render('{{define "T"}}{{.Bad}}{{end}}{{template "T" 1}}', {})).toMatchObject({
      error: 'template: :1:16: executing "T" at <.Bad>: can\'t evaluate field Bad in type int',
    });
  });

  it('rejects unknown functions at parse time unless registered', () => {
    expect(render('{{shout .}}', 'hi', { funcs: { shout: (s: unknown) => `${String(s)}!` } })).toEqual({ ok: true, output: 'hi!' });
    expect(render('{{json .}}', 1, { dockerFuncs: false })).toMatchObject({ error: 'template: :1: function "json" not defined' });
  });
});

describe('values and scoping', () => {
  it.each<Case>([
    ['{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}', {}, '2'],
    ['{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}', {}, '21'],
    ['{{with $x := .A}}{{$x}}{{.}}{{end}}', { A: 'a' }, 'aa'],
    ['{{range $i, $v := .}}{{$i}}{{end}}', ['x'], '0'],
    ['{{printf "%v|%s" .Missing .Missing}}', {}, '<nil>|%!s(<nil>)'],
    ['{{.}}', { a: null, b: [null] }, 'map[a:<nil> b:[<nil>]]'],
    ['{{.N}} {{json .N}} {{printf "%T" .N}}', { N: goNumber(42, 'int64') }, '42 42 int64'],
    ['{{.Big}} {{json .Big}}', { Big: 12345678901234567890n }, '12345678901234567890 12345678901234567890'],
    ['{{.V}} {{printf "%s|%q" .V .V}}', { V: goStruct({ String: () => 'stringer' }, 'x.V') }, 'stringer stringer|"stringer"'],
  ])('%s', (format, data, expected) => {
    expect(ok(format, data)).toBe(expected);
  });

  it('calls class methods as Go methods, and prints a struct root through its pointer', () => {
    class Ctx {
      constructor(readonly Name: string) {}
      Upper(): string {
        return this.Name.toUpperCase();
      }
      Label(key: string): string {
        return `label:${key}`;
      }
    }
    expect(ok('{{.Upper}} {{.Label "k"}} {{.Name}}', new Ctx('web'), CTX)).toBe('WEB label:k web');
    expect(ok('{{.}}', { ID: 'x', Names: 'n', Size: goFloat(1.5), Label: () => '' }, CTX)).toBe('&{x n 1.5}');
    expect(err('{{.Nope}}', new Ctx('web'), CTX)).toBe(`template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type ${CTX}`);
  });

  it('assigning to a variable that is out of scope fails at run time, as in Go', () => {
    expect(err('{{range $i, $v := .}}{{end}}{{range $i, $v = .}}{{end}}', ['x'])).toBe(
      'template: :1:45: executing "" at <.>: undefined variable: $i',
    );
  });

  it('checks typed arguments as Go does', () => {
    expect(err('{{truncate .S .N}}', { S: 'abc', N: goNumber(2, 'int64') })).toBe(
      'template: :1:14: executing "" at <.N>: wrong type for value; expected int; got int64',
    );
    expect(ok('{{truncate .S .N}}', { S: 'abc', N: 2 })).toBe('ab');
  });
});
