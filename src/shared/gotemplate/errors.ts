// The two failures a template reports, with Go's message texts.

import type { AnyNode } from './ast';
import { nodeString } from './ast';
import { quote } from './strconv';
import { utf8Length } from './utf8';

/** A parse error: `template: NAME:LINE: MESSAGE`. */
export class ParseError extends Error {}

/** An execution error; partialOutput is what had been written, as Go leaves it in the writer. */
export class ExecError extends Error {
  constructor(
    message: string,
    readonly partialOutput: string,
  ) {
    super(message);
  }
}

/**
 * state.errorf: `template: NAME:LINE:COL: executing "TMPL" at <NODE>: MESSAGE`, where COL is
 * the node's byte offset in its line (parse.Tree.ErrorContext), or `template: TMPL: MESSAGE`
 * when no node is marked yet.
 */
export function execErrorMessage(text: string, parseName: string, tmplName: string, node: AnyNode | null, msg: string): string {
  if (node === null) return `template: ${tmplName}: ${msg}`;
  const before = text.slice(0, (node as { pos: number }).pos);
  const nl = before.lastIndexOf('\n');
  const col = utf8Length(nl < 0 ? before : before.slice(nl + 1));
  const line = 1 + (before.match(/\n/g)?.length ?? 0);
  return `template: ${parseName}:${line}:${col}: executing ${quote(tmplName)} at <${nodeString(node)}>: ${msg}`;
}
