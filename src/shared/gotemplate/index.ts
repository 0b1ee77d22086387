// Go text/template for the docker CLI's --format / -f options: parse once, execute per object.
//
//   const t = parseTemplate('{{.ID}}\t{{.Status}}');          // throws GoTemplateError
//   t.execute(goStruct(ctx, '*formatter.ContainerContext'));   // throws GoTemplateError
//   render(format, data, { typeName: '*formatter.ContainerContext' })  // a Result instead
//
// Error messages are Go's raw ones ("template: :1:2: executing \"\" at <.Foo>: can't evaluate
// field Foo in type *formatter.ContainerContext"); docker prefixes "template parsing error: ",
// which is the caller's business. See values.ts for how JS data stands in for Go values.

import { ExecError, ParseError } from './errors';
import { executeTree } from './exec';
import type { FuncMap, GoFunction } from './funcs';
import { BUILTINS, dockerFuncs, toGoFunction } from './funcs';
import type { TreeSet } from './parser';
import { parseTrees } from './parser';
import { quote } from './strconv';
import { goStruct, isRecord, typeInfoOf } from './values';

export { dockerFuncs, dockerHeaderFuncs } from './funcs';
export type { FuncMap } from './funcs';
export { sprint, sprintln } from './fmt';
export { sprintf } from './printf';
export { jsonEncode } from './json';
export { quote } from './strconv';
export { goFloat, goFunc, goMap, GoNumber, goNumber, goSlice, goStruct } from './values';
export type { ParamType } from './values';

export class GoTemplateError extends Error {
  constructor(
    message: string,
    readonly phase: 'parse' | 'exec',
    /** Output written before an execution error (Go leaves it in the writer). */
    readonly partialOutput = '',
  ) {
    super(message);
  }
}

export interface ParseOptions {
  /** The template's name; docker's templates are unnamed (""). */
  name?: string;
  /** Functions added to (or replacing) docker's; declare signatures with goFunc(). */
  funcs?: FuncMap;
  /** Define docker's json/split/join/title/lower/upper/pad/truncate (default true). */
  dockerFuncs?: boolean;
}

export interface ExecuteOptions {
  /** Go type of dot when it is an object: makes it a struct, e.g. '*formatter.ContainerContext'. */
  typeName?: string;
  /** Functions replacing the parse-time ones, as Template.Funcs after Parse (docker's header pass). */
  funcs?: FuncMap;
  /** Go's missingkey option: default (<no value>), zero, or error. */
  missingKey?: 'default' | 'zero' | 'error';
  /** Execute a {{define}}d template instead of the main one (ExecuteTemplate). */
  template?: string;
}

function funcTable(funcs: FuncMap): Map<string, GoFunction> {
  const m = new Map<string, GoFunction>();
  for (const [name, fn] of Object.entries(funcs)) m.set(name, toGoFunction(fn));
  return m;
}

export class Template {
  private constructor(
    readonly name: string,
    private readonly text: string,
    private readonly trees: TreeSet,
    private readonly funcs: Map<string, GoFunction>,
  ) {}

  /** Parses `text`; throws GoTemplateError with Go's message. */
  static parse(text: string, options: ParseOptions = {}): Template {
    const name = options.name ?? '';
    const funcs = funcTable({ ...(options.dockerFuncs === false ? {} : dockerFuncs), ...(options.funcs ?? {}) });
    try {
      const trees = parseTrees(text, name, (fn) => funcs.has(fn) || BUILTINS.has(fn));
      return new Template(name, text, trees, funcs);
    } catch (e) {
      if (e instanceof ParseError) throw new GoTemplateError(e.message, 'parse');
      throw e;
    }
  }

  /** Names of the templates defined in the text (the main one included). */
  definedTemplates(): string[] {
    return [...this.trees.keys()];
  }

  /** Executes with `data` as dot; throws GoTemplateError with Go's message. */
  execute(data: unknown, options: ExecuteOptions = {}): string {
    const name = options.template ?? this.name;
    if (options.template !== undefined && !this.trees.has(name)) {
      throw new GoTemplateError(`template: no template ${quote(name)} associated with template ${quote(this.name)}`, 'exec');
    }
    if (options.typeName !== undefined && isRecord(data) && typeInfoOf(data)?.name !== options.typeName) {
      goStruct(data, options.typeName);
    }
    const execFuncs = options.funcs ? funcTable(options.funcs) : undefined;
    const lookupFunc = (fn: string): GoFunction | undefined => execFuncs?.get(fn) ?? this.funcs.get(fn) ?? BUILTINS.get(fn);
    try {
      return executeTree(
        { name, parseName: this.name, text: this.text, trees: this.trees, lookupFunc, missingKey: options.missingKey ?? 'default' },
        this.trees.get(name),
        data,
      );
    } catch (e) {
      if (e instanceof ExecError) throw new GoTemplateError(e.message, 'exec', e.partialOutput);
      throw e;
    }
  }
}

export function parseTemplate(text: string, options?: ParseOptions): Template {
  return Template.parse(text, options);
}

export type RenderResult =
  | { ok: true; output: string }
  | { ok: false; phase: 'parse' | 'exec'; error: string; output: string };

/** Parse and execute in one step, returning a result rather than throwing. */
export function render(text: string, data: unknown, options: ParseOptions & ExecuteOptions = {}): RenderResult {
  try {
    return { ok: true, output: Template.parse(text, options).execute(data, options) };
  } catch (e) {
    if (e instanceof GoTemplateError) return { ok: false, phase: e.phase, error: e.message, output: e.partialOutput };
    throw e;
  }
}

/** Docker's table check (formatter.Format.IsTable): a leading "table", then the rest trimmed of spaces. */
export function stripTablePrefix(format: string): { table: boolean; format: string } {
  if (!format.startsWith('table')) return { table: false, format };
  return { table: true, format: format.slice('table'.length).replace(/^ +| +$/g, '') };
}

/**
 * docker's formatter.Context.preFormat: strips "table", turns "json" into {{json .}}, trims
 * spaces and expands the two-character escapes \t and \n that shells pass through literally.
 */
export function dockerPreFormat(format: string): { table: boolean; json: boolean; format: string } {
  const table = format.startsWith('table');
  const json = !table && format === 'json';
  let f = table ? format.slice('table'.length) : json ? '{{json .}}' : format;
  f = f.replace(/^ +| +$/g, '').replace(/\\t|\\n/g, (m) => (m === '\\t' ? '\t' : '\n'));
  return { table, json, format: f };
}
