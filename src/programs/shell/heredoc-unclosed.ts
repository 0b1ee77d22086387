// A here-document body whose expansion never closes (`${x`, `$(cmd`, `$((1+`, a backquote):
// bash reads the body as it expands it and reports what it was looking for; the command is
// abandoned. Loaded only when that happens.

type Open = { kind: '${' | '$((' | '$(' | '`'; at: number };

/** The outermost construct the body leaves open. */
function outermostOpen(body: string): Open | undefined {
  const stack: Open[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    const top = stack[stack.length - 1];
    if (c === '\\') {
      i++;
      continue;
    }
    if (top?.kind === '`') {
      if (c === '`') stack.pop();
      continue;
    }
    if (c === '`') stack.push({ kind: '`', at: i });
    else if (c === '$' && body[i + 1] === '{') stack.push({ kind: '${', at: i++ });
    else if (c === '$' && body.startsWith('((', i + 1)) {
      stack.push({ kind: '$((', at: i });
      i += 2;
    } else if (c === '$' && body[i + 1] === '(') stack.push({ kind: '$(', at: i++ });
    else if (c === '}' && top?.kind === '${') stack.pop();
    else if (c === ')' && top?.kind === '$(') stack.pop();
    else if (c === ')' && top?.kind === '$((' && body[i + 1] === ')') {
      stack.pop();
      i++;
    }
  }
  return stack[0];
}

/**
 * What bash says about the body: `raw` messages carry their own prefix (a command
 * substitution's parse error), the others follow the usual `script: line N: `.
 */
export function unclosedMessage(body: string, scriptName: string, line: number): { text: string; raw: boolean } {
  const open = outermostOpen(body);
  if (!open || open.kind === '$(') {
    const end = line + body.split('\n').length;
    return { text: `${scriptName}: command substitution: line ${end}: unexpected EOF while looking for matching \`)'`, raw: true };
  }
  if (open.kind === '`') return { text: `bad substitution: no closing "\`" in ${body.slice(open.at)}`, raw: false };
  if (open.kind === '$((') return { text: `bad substitution: no closing \`)' in ${body}`, raw: false };
  // ${name followed by something that is no operator: the rest is the bad substitution
  if (!/^\$\{[#!]?([A-Za-z_][A-Za-z0-9_]*|\d+|[@*#?$!-])(\[|[:=?+#%/^,@}-])/.test(body.slice(open.at))) return { text: `${body.slice(open.at)}: bad substitution`, raw: false };
  return { text: `bad substitution: no closing \`}' in ${body}`, raw: false };
}
