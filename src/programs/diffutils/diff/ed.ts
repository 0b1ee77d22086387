// diff -e (an ed script, last change first), -f (forward ed) and -n (RCS), as ed.c prints them.
import type { Change } from './analyze';
import type { Out, Pair } from './output';

function rangeText(p: Pair, a: number, b: number, sep: string): string {
  const ta = a + p.a.prefixLines + 1;
  const tb = b + p.a.prefixLines + 1;
  return tb > ta ? `${ta}${sep}${tb}` : String(tb);
}

function lineText(out: Out, line: Uint8Array): void {
  out.bytes(line);
  if (!line.length || line[line.length - 1] !== 10) return;
}

export function edScript(p: Pair, style: 'ed' | 'forward-ed' | 'rcs', out: Out, begin: () => void): void {
  const changes: Change[] = style === 'ed' ? [...p.a.script].reverse() : p.a.script;
  const line = (i: number): Uint8Array => p.files[1].lines[p.a.prefixLines + i]!;
  for (const c of changes) {
    const kind = (c.deleted ? 1 : 0) | (c.inserted ? 2 : 0);
    const f0 = c.line0;
    const l0 = c.line0 + c.deleted - 1;
    const f1 = c.line1;
    const l1 = c.line1 + c.inserted - 1;
    begin();
    if (style === 'rcs') {
      const tf0 = f0 + p.a.prefixLines + 1;
      const tl0 = l0 + p.a.prefixLines + 1;
      if (kind & 1) out.text(`d${tf0} ${tf0 <= tl0 ? tl0 - tf0 + 1 : 1}\n`);
      if (kind & 2) {
        out.text(`a${tl0} ${c.inserted}\n`);
        for (let i = f1; i <= l1; i++) lineText(out, line(i));
      }
      continue;
    }
    if (style === 'forward-ed') {
      out.text(`${' dac'[kind]}${rangeText(p, f0, l0, ' ')}\n`);
      if (kind === 1) continue;
      for (let i = f1; i <= l1; i++) lineText(out, line(i));
      out.text('.\n');
      continue;
    }
    out.text(`${rangeText(p, f0, l0, ',')}${' dac'[kind]}\n`);
    if (kind === 1) continue;
    let insert = true;
    for (let i = f1; i <= l1; i++) {
      if (!insert) {
        out.text('a\n');
        insert = true;
      }
      const l = line(i);
      if (l.length === 2 && l[0] === 46 && l[1] === 10) {
        out.text('..\n.\ns/.//\n');
        insert = false;
      } else lineText(out, l);
    }
    if (insert) out.text('.\n');
  }
}
