// A rule line of iptables-restore input as argv: an optional "[packets:bytes]" prefix
// (tokenize_rule_counters), then words split on blanks with double quotes grouping and
// backslash escaping inside quotes (add_param_to_argv).
import { paramError } from './errors';

function splitParams(text: string): string[] {
  const out: string[] = [];
  let param = '';
  let open = false;
  let escaped = false;
  let pending = false;
  for (const ch of text) {
    if (open) {
      if (escaped) {
        param += ch;
        escaped = false;
        continue;
      }
      if (ch === '\\') {
        escaped = true;
        continue;
      }
      if (ch !== '"') {
        param += ch;
        continue;
      }
      // a closing quote ends the parameter, even an empty one
      open = false;
      out.push(param);
      param = '';
      pending = false;
      continue;
    }
    if (ch === '"') {
      open = true;
      pending = true;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (param !== '') out.push(param);
      param = '';
      pending = false;
      continue;
    }
    param += ch;
    pending = true;
  }
  if (param !== '' || (pending && open)) out.push(param);
  if (out.some((p) => p.length >= 1024)) throw paramError('Parameter too long!');
  return out;
}

export function tokenizeRestoreLine(text: string, line: number, prog: string, table: string, counters: boolean, verbose: number): { argv: string[] } {
  let rest = text;
  let pcnt: string | undefined;
  let bcnt: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) throw paramError(`Bad line ${line}: need ]`);
    const inner = rest.slice(1);
    const colon = inner.search(/[^:]/) < 0 ? -1 : inner.indexOf(':', inner.search(/[^:]/));
    const first = inner.replace(/^:+/, '').split(':')[0] ?? '';
    if (first === '' || first.startsWith(']') && first === ']') throw paramError(`Bad line ${line}: need :`);
    pcnt = first;
    const afterColon = colon >= 0 ? inner.slice(colon + 1).replace(/^\]+/, '') : '';
    const b = afterColon.split(']')[0] ?? '';
    if (colon < 0 || b === '') throw paramError(`Bad line ${line}: need ]`);
    bcnt = b;
    rest = rest.slice(close + 1);
  }
  const argv = [prog, '-t', table];
  for (let i = 0; i < verbose; i++) argv.push('-v');
  if (counters && pcnt !== undefined && bcnt !== undefined) argv.push('--set-counters', pcnt, bcnt);
  argv.push(...splitParams(rest));
  return { argv };
}
