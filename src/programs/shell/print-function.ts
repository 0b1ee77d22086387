// A function as `declare -f`, `type` and `set` print it: bash's print_cmd.c layout inside a
// function definition. Each command of a list on its own line ending in `;` (none after the
// last), bodies indented four spaces, `then`/`do` placement as bash puts them, `for` heads with
// `do` on the next line, case clauses with `;;` on their own line, and here-document bodies
// after the line that opens them (or after the next connector: `cat <<E | wc`).
import type { Assign, CaseItem, Command, List, Redir, Word } from './ast';
import { ansiToQuoted, assignText as rawAssignText, condText, delimiter, redirText, wordText as rawWordText } from './command-text';

// $'...' strings print as bash keeps them after parsing
const wordText = (w: Word): string => ansiToQuoted(rawWordText(w));
const assignText = (a: Assign): string => ansiToQuoted(rawAssignText(a));

const STEP = 4;

class Printer {
  out = '';
  private indent = 0;
  /** Here-documents of a command whose connector comes next (printed after it). */
  private deferred: Redir[] = [];
  /** Set when held here-documents were printed: bash then leaves out the next `;` connector. */
  private wasHeredoc = false;

  private pad(): void {
    this.out += ' '.repeat(this.indent);
  }

  private newline(s: string): void {
    this.out += '\n';
    this.pad();
    this.out += s;
  }

  /** A `;` unless the text already ends a line or a background command. */
  private semicolon(): void {
    const last = this.out[this.out.length - 1];
    if (last !== '&' && last !== '\n') this.out += ';';
  }

  private bodies(docs: Redir[]): string {
    return `${docs.map((r) => `\n${r.heredoc!.body}${delimiter(r.target)}`).join('')}\n`;
  }

  /** Prints the here-documents held for a connector; true when there were some. */
  private flushDeferred(): boolean {
    if (this.deferred.length === 0) return false;
    this.out += this.bodies(this.deferred);
    this.deferred = [];
    this.wasHeredoc = true;
    return true;
  }

  /** Redirections after a command; here-document bodies now, or held when a connector follows. */
  private redirs(redirs: Redir[], followed: boolean): void {
    if (redirs.length === 0) return;
    this.out += ` ${redirs.map(redirText).join(' ')}`;
    this.heredocs(redirs, followed);
  }

  private heredocs(redirs: Redir[], followed: boolean): void {
    const docs = redirs.filter((r) => r.heredoc);
    if (docs.length === 0) return;
    if (followed) this.deferred.push(...docs);
    else {
      this.out += this.bodies(docs);
      // (bash's print_heredocs marks it too: the next `;` connector is left out)
      this.wasHeredoc = true;
    }
  }

  list(list: List, skipFirst: boolean): void {
    const items = list.items;
    items.forEach((item, n) => {
      const more = n < items.length - 1;
      if (n > 0 && !items[n - 1]!.async) this.pad();
      else if (n === 0 && !skipFirst) this.pad();
      this.command(item.cmd, more || item.async);
      if (item.async) {
        this.out += ' &';
        if (this.flushDeferred()) this.out += ' ';
        if (more) this.out += ' ';
      } else if (more) {
        if (this.deferred.length) {
          this.flushDeferred();
          // bash's lists nest to the left: the here-documents of any command but the first are
          // printed as its connection ends, and the connector right after them takes the mark
          if (n > 0) this.wasHeredoc = false;
        } else if (this.wasHeredoc) this.wasHeredoc = false;
        else this.out += ';';
        this.out += '\n';
      }
    });
  }

  /** A command at the current position (its first line already indented by the caller). */
  command(c: Command, followed: boolean): void {
    switch (c.kind) {
      case 'simple': {
        this.out += [...c.assigns.map(assignText), ...c.words.map(wordText), ...c.redirs.map(redirText)].join(' ');
        this.heredocs(c.redirs, followed);
        return;
      }
      case 'pipeline': {
        if (c.timed) this.out += c.posixTime ? 'time -p ' : 'time ';
        if (c.negate) this.out += '! ';
        c.cmds.forEach((sub, i) => {
          const more = i < c.cmds.length - 1;
          this.command(sub, more || followed);
          if (more) {
            this.out += c.stderr[i] ? ' 2>&1 |' : ' |';
            if (this.flushDeferred()) this.out += ' ';
            this.out += ' ';
          }
        });
        return;
      }
      case 'andor': {
        this.command(c.first, true);
        c.rest.forEach((r, i) => {
          // (&& and || nest to the left: a later command's here-documents end its connection,
          // before the next operator; the first one's come after the operator)
          if (i > 0) this.flushDeferred();
          this.out += ` ${r.op} `;
          if (this.flushDeferred()) this.out += ' ';
          this.command(r.cmd, i < c.rest.length - 1 || followed);
        });
        return;
      }
      case 'subshell':
        this.out += '( ';
        this.list(c.body, true);
        this.flushDeferred();
        this.out += ' )';
        this.redirs(c.redirs, followed);
        return;
      case 'group':
        this.out += '{ \n';
        this.indent += STEP;
        this.list(c.body, false);
        this.flushDeferred();
        this.indent -= STEP;
        this.newline('}');
        this.redirs(c.redirs, followed);
        return;
      case 'if':
        this.ifCommand(c.clauses, c.elseBody);
        this.redirs(c.redirs, followed);
        return;
      case 'while':
        this.out += c.until ? 'until ' : 'while ';
        this.list(c.cond, true);
        this.semicolon();
        this.out += ' do\n';
        this.block(c.body);
        this.semicolon();
        this.newline('done');
        this.redirs(c.redirs, followed);
        return;
      case 'for':
      case 'select':
        this.out += `${c.kind} ${c.name} in ${c.items ? c.items.map(wordText).join(' ') : '"$@"'};`;
        this.loopBody(c.body);
        this.redirs(c.redirs, followed);
        return;
      case 'arithfor': {
        const e = (w: { text: string }): string => w.text.trim() || '1';
        this.out += `for ((${e(c.init)}; ${e(c.cond)}; ${e(c.step)}))`;
        this.loopBody(c.body);
        this.redirs(c.redirs, followed);
        return;
      }
      case 'case':
        this.out += `case ${wordText(c.word)} in `;
        this.caseItems(c.items);
        this.newline('esac');
        this.redirs(c.redirs, followed);
        return;
      case 'coproc':
        this.out += `coproc ${c.name} `;
        this.command(c.body, followed);
        return;
      case 'funcdef':
        this.out += `function ${c.name} () \n`;
        this.pad();
        this.functionBody(c.body);
        return;
      case 'arith':
        this.out += `((${c.expr.text}))`;
        this.redirs(c.redirs, followed);
        return;
      case 'cond':
        this.out += `[[ ${condText(c.expr)} ]]`;
        this.redirs(c.redirs, followed);
        return;
    }
  }

  /** A list one step in, each command on its own indented line. */
  private block(list: List): void {
    this.indent += STEP;
    this.list(list, false);
    this.indent -= STEP;
  }

  private loopBody(body: List): void {
    this.newline('do\n');
    this.block(body);
    this.semicolon();
    this.newline('done');
  }

  private ifCommand(clauses: { cond: List; body: List }[], elseBody: List | undefined): void {
    const [first, ...rest] = clauses;
    this.out += 'if ';
    this.list(first!.cond, true);
    this.semicolon();
    this.out += ' then\n';
    this.block(first!.body);
    if (rest.length || elseBody) {
      this.semicolon();
      this.newline('else\n');
      this.indent += STEP;
      if (rest.length) {
        // elif is an if inside the else part
        this.pad();
        this.ifCommand(rest, elseBody);
      } else this.list(elseBody!, false);
      this.indent -= STEP;
    }
    this.semicolon();
    this.newline('fi');
  }

  private caseItems(items: CaseItem[]): void {
    this.indent += STEP;
    for (const item of items) {
      this.newline(`${item.patterns.map(wordText).join(' | ')})\n`);
      this.block(item.body);
      this.flushDeferred();
      this.newline(item.term);
    }
    this.indent -= STEP;
  }

  /** `{ ` on its line, the body one step in, `}` and the body's redirections. */
  functionBody(body: Command): void {
    this.out += '{ \n';
    this.indent += STEP;
    if (body.kind === 'group') this.list(body.body, false);
    else {
      this.pad();
      this.command(body, false);
    }
    this.flushDeferred();
    this.indent -= STEP;
    this.newline('}');
    if (body.kind === 'group') this.redirs(body.redirs, false);
  }
}

/** `name () ` and the body, as `declare -f name` prints it (no newline at the end). */
export function functionText(name: string, body: Command): string {
  const p = new Printer();
  p.out = `${name} () \n`;
  p.functionBody(body);
  return p.out;
}
