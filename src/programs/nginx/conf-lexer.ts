// nginx's configuration tokenizer (ngx_conf_read_token's rules): words split by blanks, a
// statement ends at ";" or opens a block at "{", "}" closes one, "#" starts a comment only at
// the start of a word, quotes group a word (and must be followed by a blank, ";", "{" or ")"),
// a backslash escapes the next character ("\t", "\r", "\n" become control characters, "\"",
// "\'" and "\\" the character itself, anything else keeps its backslash), and "${" does not
// open a block. The line counted is the one where the statement ends, as nginx reports it.

export class ConfError extends Error {
  /** `located`: the message already names its file and line (or the command line). */
  constructor(message: string, readonly located = false) {
    super(message);
  }
}

export type Token =
  | { kind: 'ok'; args: string[] }
  | { kind: 'block'; args: string[] }
  | { kind: 'end' }
  | { kind: 'eof' };

/** Bound on one file's statements (a runaway include cannot loop forever). */
const MAX_ARGS = 100_000;

export class Lexer {
  private pos = 0;
  line = 1;

  /** `file` is undefined for the -g parameter ("in command line"). */
  constructor(
    private readonly text: string,
    readonly file: string | undefined,
  ) {}

  where(): string {
    return this.file === undefined ? ' in command line' : ` in ${this.file}:${this.line}`;
  }

  error(message: string): ConfError {
    return new ConfError(`${message}${this.where()}`, true);
  }

  next(): Token {
    const t = this.text;
    const args: string[] = [];
    let needSpace = false;
    let lastSpace = true;
    let sharp = false;
    let variable = false;
    let quoted = false;
    let sQuoted = false;
    let dQuoted = false;
    let start = this.pos;
    for (;;) {
      if (this.pos >= t.length) {
        if (args.length > 0 || !lastSpace) {
          if (this.file === undefined) throw this.error('unexpected end of parameter, expecting ";"');
          throw this.error('unexpected end of file, expecting ";" or "}"');
        }
        return { kind: 'eof' };
      }
      const ch = t[this.pos++]!;
      if (ch === '\n') {
        this.line++;
        sharp = false;
      }
      if (sharp) continue;
      if (quoted) {
        quoted = false;
        continue;
      }
      if (needSpace) {
        if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
          lastSpace = true;
          needSpace = false;
          continue;
        }
        if (ch === ';') return { kind: 'ok', args };
        if (ch === '{') return { kind: 'block', args };
        if (ch === ')') {
          lastSpace = true;
          needSpace = false;
        } else {
          throw this.error(`unexpected "${ch}"`);
        }
      }
      if (lastSpace) {
        start = this.pos - 1;
        if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') continue;
        switch (ch) {
          case ';':
          case '{':
            if (args.length === 0) throw this.error(`unexpected "${ch}"`);
            return ch === '{' ? { kind: 'block', args } : { kind: 'ok', args };
          case '}':
            if (args.length !== 0) throw this.error('unexpected "}"');
            return { kind: 'end' };
          case '#':
            sharp = true;
            continue;
          case '\\':
            quoted = true;
            lastSpace = false;
            continue;
          case '"':
            start++;
            dQuoted = true;
            lastSpace = false;
            continue;
          case "'":
            start++;
            sQuoted = true;
            lastSpace = false;
            continue;
          case '$':
            variable = true;
            lastSpace = false;
            continue;
          default:
            lastSpace = false;
        }
        continue;
      }
      if (ch === '{' && variable) continue;
      variable = false;
      if (ch === '\\') {
        quoted = true;
        continue;
      }
      if (ch === '$') {
        variable = true;
        continue;
      }
      let found = false;
      if (dQuoted) {
        if (ch === '"') {
          dQuoted = false;
          needSpace = true;
          found = true;
        }
      } else if (sQuoted) {
        if (ch === "'") {
          sQuoted = false;
          needSpace = true;
          found = true;
        }
      } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === ';' || ch === '{') {
        lastSpace = true;
        found = true;
      }
      if (found) {
        if (args.length >= MAX_ARGS) throw this.error('too many parameters');
        args.push(unescape(t.slice(start, this.pos - 1)));
        if (ch === ';') return { kind: 'ok', args };
        if (ch === '{') return { kind: 'block', args };
      }
    }
  }
}

function unescape(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      const n = raw[i + 1];
      if (n === '"' || n === "'" || n === '\\') {
        out += n;
        i++;
        continue;
      }
      if (n === 't' || n === 'r' || n === 'n') {
        out += n === 't' ? '\t' : n === 'r' ? '\r' : '\n';
        i++;
        continue;
      }
    }
    out += c;
  }
  return out;
}
