// Orders and layouts bash shows that come from its internals: the hash order of associative
// arrays and of the command hash table, and print_cmd.c's layout of function bodies.
import { describe, expect, it } from 'vitest';
import { AssocMap, hashOrder } from '../../../src/programs/shell/assoc';
import { Parser } from '../../../src/programs/shell/parser';
import { functionText } from '../../../src/programs/shell/print-function';

function fn(src: string): string {
  const cmd = new Parser(src).parseAll().items[0]!.cmd;
  if (cmd.kind !== 'funcdef') throw new Error('not a function');
  return functionText(cmd.name, cmd.body);
}

describe('bash hash order', () => {
  it('walks associative array keys bucket by bucket, newest first within a bucket', () => {
    // the keys bash 5.2 lists as `x k c apple banana`
    const m = new AssocMap([['k', 'v'], ['x', 'y'], ['apple', '1'], ['banana', '2'], ['c', '3']]);
    expect([...m.keys()]).toEqual(['x', 'k', 'c', 'apple', 'banana']);
    // k8 and k116 share a bucket: the later one comes first
    expect([...new AssocMap([['k8', '1'], ['k116', '2']]).keys()]).toEqual(['k116', 'k8']);
    expect([...new AssocMap([['k116', '1'], ['k8', '2']]).keys()]).toEqual(['k8', 'k116']);
  });

  it('keeps a key in place when its value changes, and copies keep the order', () => {
    const m = new AssocMap([['a', '1'], ['b', '2']]);
    const before = [...m.keys()];
    m.set('a', 'changed');
    expect([...m.keys()]).toEqual(before);
    expect([...new AssocMap(m).entries()]).toEqual([...m.entries()]);
  });

  it('orders the command hash table with 256 buckets', () => {
    expect(hashOrder(['ls', 'cat', 'id', 'sort'], 256)).toEqual(['ls', 'id', 'cat', 'sort']);
  });
});

describe('function layout (declare -f)', () => {
  it('puts each command on a line of its own, bodies four spaces in', () => {
    expect(fn('f() { if a; then b; elif c; then d; fi; for i in 1 2; do echo $i; done; }')).toBe(
      'f () \n{ \n    if a; then\n        b;\n    else\n        if c; then\n            d;\n        fi;\n    fi;\n' +
        '    for i in 1 2;\n    do\n        echo $i;\n    done\n}',
    );
  });

  it('prints case clauses, loops and redirections as bash does', () => {
    expect(fn('g() { case $1 in a|b) x;; *) ;; esac; while read l; do :; done < f; echo >&2; }')).toBe(
      'g () \n{ \n    case $1 in \n        a | b)\n            x\n        ;;\n        *)\n\n        ;;\n    esac;\n' +
        '    while read l; do\n        :;\n    done < f;\n    echo 1>&2\n}',
    );
  });

  it('prints here-document bodies after their line and leaves out the next semicolon', () => {
    expect(fn('h() { cat <<E; echo a; echo b\nbody\nE\n}')).toBe('h () \n{ \n    cat <<E\nbody\nE\n\n    echo a\n    echo b\n}');
  });

  it('wraps a body that is not a group in braces', () => {
    expect(fn('j() ( echo sub )')).toBe('j () \n{ \n    ( echo sub )\n}');
  });
});
