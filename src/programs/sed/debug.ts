// sed --debug: the program as sed understood it (one command a line, blocks indented) and,
// as it runs, each input line, command, pattern and hold space, as GNU sed 4.9 prints them.
import type { PosixMatch } from '../lib/posix-match';
import type { Program } from './compile';
import type { Addr, Command, ReplPart, SedRegex, Subst } from './script';

const NAMED: Record<string, string> = { '\x07': 'a', '\f': 'f', '\r': 'r', '\t': 't', '\v': 'v', '\n': 'n', '\\': '\\' };

/** A byte as the debug output shows it: printable as is, others escaped (\n, \t, \o...). */
function debugChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 32 && code < 127 && c !== '\\') return c;
  const named = NAMED[c];
  if (named) return `\\${named}`;
  // a C char is signed: bytes past 127 print as the octal of a negative number
  return `\\o${(code < 128 ? code : 0x100000000 - 0x100 + code).toString(8).padStart(3, '0')}`;
}

export function debugText(s: string): string {
  let out = '';
  for (const c of s) out += debugChar(c);
  return out;
}

function regexText(r: SedRegex | undefined): string {
  if (!r?.src) return '//';
  let out = '/';
  for (const c of r.src) out += c === '/' ? '\\/' : debugChar(c);
  return `${out}/`;
}

function addrText(a: Addr | undefined): string {
  if (!a) return '';
  switch (a.kind) {
    case 'regex': return `${regexText(a.regex)}${a.regex?.icase ? 'I' : ''}${a.regex?.multiline ? 'M' : ''}`;
    case 'num': return String(a.n1);
    case 'mod': return `${a.n1}~${a.n2}`;
    case 'plus': return `+${a.n1}`;
    case 'tilde': return `~${a.n1}`;
    case 'last': return '$';
  }
}

/**
 * The replacement as sed keeps it: pieces of text each ending at a case escape or a
 * reference, each printed after the case conversion in force for it when that changes.
 */
function replacementText(parts: ReplPart[]): string {
  let out = '';
  let base = '';
  let once = '';
  let last = '|';
  let text = '';
  const piece = (ref: number | undefined): void => {
    if (`${base}|${once}` !== last) {
      out += `\\${once || base || 'E'}`;
      last = `${base}|${once}`;
    }
    out += text + (ref === undefined ? '' : ref === 0 ? '&' : `\\${ref}`);
    text = '';
  };
  for (const p of parts) {
    if (p.t === 'lit') text += p.s;
    else if (p.t === 'ref') {
      piece(p.n);
      once = '';
    } else {
      piece(undefined);
      if (p.c === 'u' || p.c === 'l') once = p.c;
      else {
        base = p.c === 'E' ? '' : p.c;
        once = '';
      }
    }
  }
  if (text) piece(undefined);
  return out;
}

function substText(s: Subst): string {
  let out = `${regexText(s.regex)}${replacementText(s.repl)}/`;
  if (s.regex.icase) out += 'i';
  if (s.regex.multiline) out += 'm';
  if (s.global) out += 'g';
  if (s.eval) out += 'e';
  if (s.print) out += 'p';
  if (s.numb) out += s.numb;
  if (s.outf !== undefined) out += `w${s.outf}`;
  return out;
}

function functionText(prog: Program, c: Command): string {
  switch (c.cmd) {
    case ':': return `:${c.label}`;
    case 'a': case 'i': case 'c': return `${c.cmd}\\${c.text}`;
    case 'b': case 't': case 'T': {
      const target = prog.cmds[c.jump];
      return target && target.cmd === ':' ? `${c.cmd} ${target.label}` : c.cmd;
    }
    case 'e': return c.text ? `e ${c.text}\n` : 'e ';
    case 'l': case 'L': case 'q': case 'Q': return c.intArg >= 0 ? `${c.cmd} ${c.intArg}` : c.cmd;
    case 'r': case 'R': return `${c.cmd} ${c.fname}`;
    case 'w': case 'W': return `${c.cmd}${c.fname}`;
    case 's': return `s${substText(c.subst!)}`;
    case 'y': {
      let from = '';
      let to = '';
      c.ymap!.forEach((t, i) => {
        if (t !== String.fromCharCode(i)) {
          from += String.fromCharCode(i);
          to += t;
        }
      });
      return `y/${from}/${to}/`;
    }
    default: return c.cmd;
  }
}

/** Prints commands with GNU's block indentation, which carries on from line to line. */
export class DebugPrinter {
  /** Open blocks: sed keeps one count for the listing and the run, never reset. */
  private level = 0;

  constructor(private readonly prog: Program) {}

  command(c: Command): string {
    if (c.cmd === '}') this.level--;
    let out = '  '.repeat(Math.max(0, this.level));
    out += addrText(c.a1);
    if (c.a2) out += `,${addrText(c.a2)}`;
    // a block's address is kept negated (the jump over it is what runs)
    if (c.cmd === '{' ? !c.bang : c.bang) out += '!';
    if (c.a1 || c.a2) out += ' ';
    out += `${functionText(this.prog, c)}\n`;
    if (c.cmd === '{') this.level++;
    return out;
  }

  program(): string {
    this.level = 1;
    let out = 'SED PROGRAM:\n';
    for (const c of this.prog.cmds) out += this.command(c);
    this.level = 0;
    return out;
  }
}

export function patternLine(label: 'PATTERN' | 'HOLD', s: string): string {
  return `${label === 'HOLD' ? 'HOLD:    ' : 'PATTERN: '}${debugText(s)}\n`;
}

/** The registers of an s command's first match, up to the first group that took no part. */
export function registers(ps: string, m: PosixMatch): string {
  let out = `MATCHED REGEX REGISTERS\n  regex[0] = ${m.index}-${m.end} '${ps.slice(m.index, m.end)}'\n`;
  for (let g = 0; g < m.groups.length; g++) {
    const span = m.spans?.[g];
    if (!span) break;
    out += `  regex[${g + 1}] = ${span[0]}-${span[1]} '${ps.slice(span[0], span[1])}'\n`;
  }
  return out;
}
