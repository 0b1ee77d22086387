// Reading nginx.conf as ngx_conf_parse does: statements are checked against the directive table
// as they are read (so the first mistake in file order is the one reported), `include` pulls in
// files or globs relative to the configuration's directory, and each accepted directive goes to
// a handler that builds the model (and may open a block with its own context). Block directives
// whose contents are data rather than directives (types, map, geo, ...) get a `raw` context.
import { type CtxLetter, allowedIn, argCountOk, directiveSpecs } from './directives';
import { ConfError, Lexer, type Token } from './conf-lexer';

export { ConfError };

export interface Directive {
  name: string;
  /** The arguments after the name. */
  args: string[];
  file: string | undefined;
  line: number;
}

/** Where statements are being read, and what handles them. */
export interface ConfCtx {
  letter: CtxLetter;
  /** For data blocks (types, map, ...): every statement goes here; `include` still works in types. */
  raw?: (args: string[], d: Directive) => void | Promise<void>;
  /** `include` allowed inside a raw block (types). */
  rawInclude?: boolean;
  /** Called when the block's closing "}" has been read. */
  done?: () => void | Promise<void>;
}

export interface ConfHost {
  /** Reads a whole file; rejects with a SysError (its errno is reported). */
  read(path: string): Promise<string>;
  /** The sorted paths matching a glob pattern (glob(3) with no matches: an empty list). */
  glob(pattern: string): Promise<string[]>;
  /** Makes a path absolute against the configuration prefix. */
  confPath(path: string): string;
  errnoText(e: unknown): string | undefined;
  /** Handles an accepted directive: returns the context of the block it opens, if any. */
  handle(d: Directive, ctx: ConfCtx, block: boolean): Promise<ConfCtx | undefined>;
}

export interface DumpedFile {
  name: string;
  text: string;
}

/** Bound on nested includes (a file including itself would never end). */
const MAX_DEPTH = 64;

export class ConfParser {
  readonly dump: DumpedFile[] = [];
  private depth = 0;

  constructor(private readonly host: ConfHost) {}

  /** The -g parameter: main-context statements, no blocks. */
  async parseParam(text: string, ctx: ConfCtx): Promise<void> {
    await this.body(new Lexer(text, undefined), ctx, 'param');
  }

  /** Parses a file; an open failure is reported at `from` (the include statement), or bare. */
  async parseFile(path: string, ctx: ConfCtx, from?: Lexer): Promise<void> {
    let text: string;
    try {
      text = await this.host.read(path);
    } catch (e) {
      const why = this.host.errnoText(e);
      if (why === undefined) throw e;
      const msg = `open() "${path}" failed${why}`;
      throw from ? from.error(msg) : new ConfError(msg, true);
    }
    if (!this.dump.some((f) => f.name === path && f.text === text)) this.dump.push({ name: path, text });
    if (++this.depth > MAX_DEPTH) throw (from ?? new Lexer('', path)).error('too many nested includes');
    try {
      await this.body(new Lexer(text, path), ctx, 'file');
    } finally {
      this.depth--;
    }
  }

  private async body(lex: Lexer, ctx: ConfCtx, type: 'file' | 'block' | 'param'): Promise<void> {
    for (;;) {
      const t: Token = lex.next();
      if (t.kind === 'end') {
        if (type !== 'block') throw lex.error('unexpected "}"');
        return;
      }
      if (t.kind === 'eof') {
        if (type === 'block') throw lex.error('unexpected end of file, expecting "}"');
        return;
      }
      if (t.kind === 'block' && type === 'param') throw lex.error('block directives are not supported in -g option');
      const d: Directive = { name: t.args[0]!, args: t.args.slice(1), file: lex.file, line: lex.line };
      if (ctx.raw) {
        if (t.kind === 'block') throw lex.error('unexpected "{"');
        if (ctx.rawInclude && d.name === 'include') {
          if (d.args.length !== 1) throw lex.error('invalid number of arguments in "include" directive');
          await this.include(d, ctx, lex);
          continue;
        }
        await this.located(lex, () => ctx.raw!(t.args, d));
        continue;
      }
      await this.statement(lex, d, t.kind === 'block', ctx);
    }
  }

  private async statement(lex: Lexer, d: Directive, block: boolean, ctx: ConfCtx): Promise<void> {
    const specs = directiveSpecs(d.name);
    if (!specs) throw lex.error(`unknown directive "${d.name}"`);
    for (const spec of specs) {
      if (!allowedIn(spec, ctx.letter)) continue;
      if (!spec.block && block) throw lex.error(`directive "${d.name}" is not terminated by ";"`);
      if (spec.block && !block) throw lex.error(`directive "${d.name}" has no opening "{"`);
      if (!argCountOk(spec, d.args.length)) throw lex.error(`invalid number of arguments in "${d.name}" directive`);
      if (d.name === 'include') {
        await this.include(d, ctx, lex);
        return;
      }
      const child = await this.located(lex, () => this.host.handle(d, ctx, block));
      if (block && child) {
        await this.body(lex, child, 'block');
        await this.located(lex, () => child.done?.());
      }
      return;
    }
    throw lex.error(`"${d.name}" directive is not allowed here`);
  }

  private async include(d: Directive, ctx: ConfCtx, lex: Lexer): Promise<void> {
    const path = this.host.confPath(d.args[0]!);
    if (!/[*?[]/.test(path)) {
      await this.parseFile(path, ctx, lex);
      return;
    }
    for (const file of await this.host.glob(path)) await this.parseFile(file, ctx, lex);
  }

  /** Runs a handler; its unlocated errors get the statement's file and line. */
  private async located<T>(lex: Lexer, fn: () => T | Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ConfError && !e.located) throw lex.error(e.message);
      throw e;
    }
  }
}
