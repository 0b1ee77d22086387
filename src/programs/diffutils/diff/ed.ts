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

/** diff -D NAME: both files merged with #ifdef/#ifndef around each change (the default group formats). */
export function ifdefScript(p: Pair, name: string, out: Out): void {
  const pre = p.a.prefixLines;
  const put = (f: number, i: number): void => {
    const l = p.files[f]!.lines[pre + i]!;
    out.bytes(l);
    if (!l.length || l[l.length - 1] !== 10) out.text('\n');
  };
  let i0 = -pre;
  const end0 = p.files[0].lines.length - pre;
  for (const c of p.a.script) {
    for (; i0 < c.line0; i0++) put(0, i0);
    if (c.deleted && c.inserted) {
      out.text(`#ifndef ${name}\n`);
      for (let k = 0; k < c.deleted; k++) put(0, c.line0 + k);
      out.text(`#else /* ${name} */\n`);
      for (let k = 0; k < c.inserted; k++) put(1, c.line1 + k);
      out.text(`#endif /* ${name} */\n`);
    } else if (c.deleted) {
      out.text(`#ifndef ${name}\n`);
      for (let k = 0; k < c.deleted; k++) put(0, c.line0 + k);
      out.text(`#endif /* ! ${name} */\n`);
    } else {
      out.text(`#ifdef ${name}\n`);
      for (let k = 0; k < c.inserted; k++) put(1, c.line1 + k);
      out.text(`#endif /* ${name} */\n`);
    }
    i0 = c.line0 + c.deleted;
  }
  for (; i0 < end0; i0++) put(0, i0);
}
