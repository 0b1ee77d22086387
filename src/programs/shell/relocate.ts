// bash parses a command substitution's text again when it runs it, numbering its lines from
// the line of the command it is part of (the heredoc's too), not from where the text stands.
// The parsed body is moved to those lines (a copy of its commands; the words are shared).
import type { CaseItem, Command, List } from './ast';

const moved = new WeakMap<List, Map<number, List>>();

/** `body` with every command `delta` lines further on (cached per body and delta). */
export function relocate(body: List, delta: number): List {
  if (delta === 0) return body;
  let byDelta = moved.get(body);
  if (!byDelta) moved.set(body, (byDelta = new Map()));
  let out = byDelta.get(delta);
  if (!out) {
    out = list(body, delta);
    if (byDelta.size > 16) byDelta.clear();
    byDelta.set(delta, out);
  }
  return out;
}

function list(l: List, d: number): List {
  return { items: l.items.map((it) => ({ ...it, cmd: command(it.cmd, d) })) };
}

function command(c: Command, d: number): Command {
  switch (c.kind) {
    case 'andor': return { ...c, first: command(c.first, d), rest: c.rest.map((r) => ({ ...r, cmd: command(r.cmd, d) })) };
    case 'pipeline': return { ...c, line: c.line + d, cmds: c.cmds.map((x) => command(x, d)) };
    case 'subshell':
    case 'group':
    case 'for':
    case 'select':
    case 'arithfor': return { ...c, line: c.line + d, body: list(c.body, d) };
    case 'if': return { ...c, line: c.line + d, clauses: c.clauses.map((k) => ({ cond: list(k.cond, d), body: list(k.body, d) })), ...(c.elseBody ? { elseBody: list(c.elseBody, d) } : {}) };
    case 'while': return { ...c, line: c.line + d, cond: list(c.cond, d), body: list(c.body, d) };
    case 'case': return { ...c, line: c.line + d, items: c.items.map((i): CaseItem => ({ ...i, body: list(i.body, d) })) };
    case 'funcdef':
    case 'coproc': return { ...c, line: c.line + d, body: command(c.body, d) };
    default: return { ...c, line: c.line + d };
  }
}
