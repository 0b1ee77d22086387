import { describe, expect, it } from 'vitest';
import { IncompleteInput, ShellSyntaxError } from '../../../src/programs/shell/lexer';
import { Parser } from '../../../src/programs/shell/parser';

const parse = (src: string) => new Parser(src).parseAll();

describe('shell parser', () => {
  it('builds lists, and-or lists and pipelines', () => {
    const list = parse('a | b && c || d; e &');
    expect(list.items).toHaveLength(2);
    expect(list.items[1]!.async).toBe(true);
    const first = list.items[0]!.cmd;
    expect(first.kind).toBe('andor');
    if (first.kind === 'andor') {
      expect(first.first.kind).toBe('pipeline');
      expect(first.rest.map((r) => r.op)).toEqual(['&&', '||']);
    }
  });

  it('keeps quoting structure in words', () => {
    const cmd = parse(`echo 'a b' "c $x" d\\ e $'\\t'`).items[0]!.cmd;
    expect(cmd.kind).toBe('simple');
    if (cmd.kind !== 'simple') return;
    expect(cmd.words.map((w) => w.parts.map((p) => p.kind))).toEqual([['lit'], ['quoted'], ['dq'], ['lit', 'quoted', 'lit'], ['quoted']]);
    expect(cmd.words[4]!.parts[0]).toEqual({ kind: 'quoted', text: '\t' });
  });

  it('parses compound commands', () => {
    for (const src of [
      'if a; then b; elif c; then d; else e; fi',
      'for i in 1 2 3; do echo $i; done',
      'for ((i=0; i<3; i++)); do :; done',
      'while read x; do :; done < f',
      'case $x in a|b) echo ab ;; *) echo other ;& esac',
      'f() { local x=1; return 2; }',
      'function g { :; }',
      '( cd /; ls ) > out 2>&1',
      '[[ -f x && $y =~ ^a(b|c)$ ]]',
      '(( x += 2 ))',
      'arr=(a "b c" [5]=d)',
    ]) {
      expect(() => parse(src), src).not.toThrow();
    }
  });

  it('reads here-documents after the line that opens them', () => {
    const cmd = parse('cat <<EOF; echo after\nline $x\nEOF\n').items[0]!.cmd;
    if (cmd.kind !== 'simple') throw new Error('not simple');
    expect(cmd.redirs[0]!.heredoc).toEqual({ body: 'line $x\n', quoted: false });
    const q = parse("cat <<-'E'\n\tkeep $x\n\tE\n").items[0]!.cmd;
    if (q.kind !== 'simple') throw new Error('not simple');
    expect(q.redirs[0]!.heredoc).toEqual({ body: 'keep $x\n', quoted: true });
  });

  it('reports unexpected tokens and incomplete input', () => {
    expect(() => parse('if true; then fi')).toThrow(ShellSyntaxError);
    expect(() => parse('echo )')).toThrow("syntax error near unexpected token `)'");
    expect(() => parse('if true; then')).toThrow(IncompleteInput);
    expect(() => parse("echo 'open")).toThrow(IncompleteInput);
  });

  it('parses one top-level command at a time', () => {
    const p = new Parser('echo 1\necho 2; echo 3\n(');
    expect(p.nextCommand()!.items).toHaveLength(1);
    expect(p.nextCommand()!.items).toHaveLength(2);
    expect(() => p.nextCommand()).toThrow(IncompleteInput);
  });
});
