// Reading a lesson file: YAML (or JSON, which is YAML too) parsed with `yaml`, checked against
// lessons/schema.json with Ajv, then the rules a schema cannot say (unique check ids, the
// Markdown files exist, regular expressions compile). Every problem names the file, its line,
// the step and check, and the field, so an author can fix a lesson without reading the engine.
import type { ErrorObject } from 'ajv';
import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import * as generated from './schema-validator.gen.js';
import type { CheckSpec, LessonFile, TrackFile } from './types';

export class LessonError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'LessonError';
  }
}

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** lessons/schema.json, compiled ahead of time by `npm run gen:validator` */
function validators(): { lesson: Validator; track: Validator } {
  return generated;
}

interface Parsed {
  data: unknown;
  /** the line (1-based) of the value at a JSON pointer, when the YAML has it */
  lineOf(pointer: string): number | undefined;
}

/** The largest lesson or track file read (the biggest bundled one is under 8 KiB). */
export const MAX_FILE_BYTES = 256 * 1024;
/** How deep values may nest (checks inside all/any/not included); the engine needs far less. */
export const MAX_DEPTH = 64;
/** Problems listed per file; the rest are counted. */
export const MAX_PROBLEMS = 30;

/**
 * Duplicate keys (and collections used as keys), found in one pass (the parser's own uniqueKeys check compares every key with
 * every other, which a file of many keys turns into minutes).
 */
function keyErrors(doc: Document.Parsed): { pos: number; message: string }[] {
  const at: { pos: number; message: string }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) {
          // "? [a, b]": a collection as a key, which no field of a lesson is
          if (pair.key !== null) at.push({ pos: (pair.key as { range?: [number] }).range?.[0] ?? 0, message: 'Map keys must be plain values' });
          continue;
        }
        const k = pair.key.value;
        if (seen.has(k)) at.push({ pos: pair.key.range?.[0] ?? 0, message: 'Map keys must be unique' });
        seen.add(k);
      }
    },
  });
  return at;
}

/** Throws a LessonError when `data` nests deeper than MAX_DEPTH or refers to itself (an alias to its own ancestor). */
function checkShape(file: string, data: unknown): void {
  const path = new Set<object>();
  const walk = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object') return;
    if (path.has(v)) throw new LessonError([`${file}: a value contains itself (an alias refers to a node around it)`]);
    if (depth >= MAX_DEPTH) throw new LessonError([`${file}: values nest more than ${MAX_DEPTH} levels deep`]);
    path.add(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x, depth + 1);
    path.delete(v);
  };
  walk(data, 0);
}

function parseYaml(file: string, text: string): Parsed {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  let data: unknown;
  try {
    // warnings (an unknown tag such as !!js/function) are problems too, not console noise
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
    // running out of stack in thousands of nested collections: thrown, or reported as an error
    if (doc.errors.some((e) => /call stack/i.test(e.message))) throw new RangeError('nested');
    const errors = [
      ...[...doc.errors, ...doc.warnings].map((e) => ({ pos: e.pos[0], message: e.message.split('\n')[0]! })),
      ...keyErrors(doc),
    ].sort((a, b) => a.pos - b.pos);
    if (errors.length) {
      const shown = errors.slice(0, MAX_PROBLEMS).map((e) => `${file}:${lineCounter.linePos(e.pos).line}: ${e.message}`);
      if (errors.length > MAX_PROBLEMS) shown.push(`${file}: ${errors.length - MAX_PROBLEMS} more problems`);
      throw new LessonError(shown);
    }
    data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (e) {
    if (e instanceof LessonError) throw e;
    // yaml's guard against "billion laughs": aliases that expand into too many values
    if (e instanceof ReferenceError && /alias/i.test(e.message)) throw new LessonError([`${file}: its aliases (*name) expand into too many values; write the values out`]);
    // a parser recursing through thousands of nested collections runs out of stack
    if (e instanceof RangeError) throw new LessonError([`${file}: values nest too deeply`]);
    throw e;
  }
  checkShape(file, data);
  return {
    data,
    lineOf(pointer) {
      const path = pointer.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
        if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}

/**
 * Parses a lesson or track file. JSON (which is YAML too) takes JSON.parse, many times faster
 * than the YAML parser; the app's bundled lessons arrive as JSON (vite.config.ts converts them).
 * Lines are only needed to report a problem, so the YAML parse that knows them waits until then.
 */
function parseText(file: string, text: string): Parsed {
  const bytes = text.length > MAX_FILE_BYTES / 4 ? new TextEncoder().encode(text).length : 0;
  if (bytes > MAX_FILE_BYTES) throw new LessonError([`${file}: ${bytes} bytes; a lesson or track file holds at most ${MAX_FILE_BYTES}`]);
  if (/^\s*[{[]/.test(text)) {
    let data: unknown;
    try {
      data = JSON.parse(text) as unknown;
    } catch {
      return parseYaml(file, text);
    }
    checkShape(file, data);
    let lines: Parsed | null | undefined;
    return {
      data,
      lineOf(pointer) {
        if (lines === undefined) {
          try {
            lines = parseYaml(file, text);
          } catch {
            lines = null;
          }
        }
        return lines?.lineOf(pointer);
      },
    };
  }
  return parseYaml(file, text);
}

/** "step 2 (Restart the network), check address, field gateway" for /steps/1/checks/0/gateway. */
function where(data: unknown, pointer: string): string {
  const parts = pointer.split('/').slice(1);
  const out: string[] = [];
  const root = data as { steps?: { title?: unknown; checks?: { id?: unknown }[] }[] };
  let i = 0;
  if (parts[0] === 'steps' && parts[1] !== undefined) {
    const n = Number(parts[1]);
    const step = root.steps?.[n];
    out.push(`step ${n + 1}${typeof step?.title === 'string' ? ` (${step.title})` : ''}`);
    i = 2;
    if (parts[2] === 'checks' && parts[3] !== undefined) {
      const c = Number(parts[3]);
      const id = step?.checks?.[c]?.id;
      out.push(`check ${typeof id === 'string' ? id : `#${c + 1}`}`);
      i = 4;
    }
  }
  const rest = parts.slice(i);
  if (rest.length) out.push(`field ${rest.join('.')}`);
  return out.join(', ');
}

function describeError(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown field "${String(p.additionalProperty)}"`;
    case 'required':
      return `missing field "${String(p.missingProperty)}"`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'discriminator':
      return p.error === 'mapping' ? 'unknown check kind' : `${e.message ?? 'bad check'}`;
    default:
      return e.message ?? e.keyword;
  }
}

function schemaProblems(file: string, parsed: Parsed, errors: readonly ErrorObject[]): string[] {
  // anyOf/oneOf add a summary error after the branches' own; the branches say more
  const useful = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if' && e.keyword !== 'allOf');
  const list = useful.length ? useful : errors;
  // "one of these fields is needed" comes as one `required` error per anyOf branch: merge them
  const alternatives = new Map<string, string[]>();
  for (const e of list) {
    const m = /^(.*)\/anyOf\/\d+\/required$/.exec(e.schemaPath);
    if (e.keyword === 'required' && m) {
      const key = `${e.instancePath} ${m[1]}`;
      alternatives.set(key, [...(alternatives.get(key) ?? []), String((e.params as { missingProperty?: string }).missingProperty)]);
    }
  }
  const seen = new Set<string>();
  const out: string[] = [];
  // past MAX_PROBLEMS, the rest are only counted (finding each one's line costs a walk of the file)
  const rest = new Set<string>();
  for (const e of list) {
    if (out.length >= MAX_PROBLEMS) {
      rest.add(`${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`);
      continue;
    }
    let pointer = e.instancePath;
    let message = describeError(e);
    const m = /^(.*)\/anyOf\/\d+\/required$/.exec(e.schemaPath);
    if (e.keyword === 'required' && m) {
      const fields = alternatives.get(`${e.instancePath} ${m[1]}`) ?? [];
      message = `needs one of the fields ${fields.map((f) => `"${f}"`).join(', ')}`;
    }
    if (e.keyword === 'discriminator') pointer += `/${String((e.params as { tag?: string }).tag ?? 'kind')}`;
    if (e.keyword === 'additionalProperties') pointer += `/${String((e.params as { additionalProperty?: string }).additionalProperty)}`;
    const at = where(parsed.data, e.keyword === 'additionalProperties' ? e.instancePath : pointer);
    const line = parsed.lineOf(pointer);
    const msg = `${file}${line ? `:${line}` : ''}: ${at ? `${at}: ` : ''}${message}`;
    if (!seen.has(msg)) {
      seen.add(msg);
      out.push(msg);
    }
  }
  if (rest.size) out.push(`${file}: ${rest.size} more problem${rest.size === 1 ? '' : 's'}`);
  return out;
}

function walkChecks(c: CheckSpec, fn: (c: CheckSpec) => void, depth = 0): void {
  if (depth > 20) return;
  fn(c);
  if (c.kind === 'all' || c.kind === 'any') for (const x of c.checks) walkChecks(x, fn, depth + 1);
  if (c.kind === 'not') walkChecks(c.check, fn, depth + 1);
}

/**
 * Parses and validates lesson.yaml; `exists` tells whether a file of the lesson's directory is
 * there (the Markdown it names). Throws LessonError with every problem found.
 */
export function parseLesson(file: string, text: string, dirName: string, exists: (name: string) => boolean): LessonFile {
  const parsed = parseText(file, text);
  const v = validators().lesson;
  if (!v(parsed.data)) throw new LessonError(schemaProblems(file, parsed, v.errors ?? []));
  const lesson = parsed.data as LessonFile;
  const problems: string[] = [];
  const at = (pointer: string, msg: string): void => {
    const line = parsed.lineOf(pointer);
    const w = where(parsed.data, pointer);
    problems.push(`${file}${line ? `:${line}` : ''}: ${w ? `${w}: ` : ''}${msg}`);
  };
  if (lesson.id !== dirName) at('/id', `the id "${lesson.id}" must be the lesson's directory name "${dirName}"`);
  if (!exists(lesson.intro)) at('/intro', `field intro: no file ${lesson.intro} next to lesson.yaml`);
  const ids = new Set<string>();
  lesson.steps.forEach((step, s) => {
    if (!exists(step.text)) at(`/steps/${s}/text`, `no file ${step.text} next to lesson.yaml`);
    step.checks.forEach((check, c) => {
      if (ids.has(check.id)) at(`/steps/${s}/checks/${c}/id`, `the check id "${check.id}" is used twice`);
      ids.add(check.id);
      walkChecks(check, (x) => {
        const re = x.kind === 'file' ? x.matches : x.kind === 'command' ? x.stdoutMatches : undefined;
        if (re === undefined) return;
        try {
          new RegExp(re, 'm');
        } catch (e) {
          at(`/steps/${s}/checks/${c}`, `bad regular expression ${JSON.stringify(re)}: ${(e as Error).message}`);
        }
      });
    });
  });
  if (problems.length > MAX_PROBLEMS) problems.splice(MAX_PROBLEMS, Infinity, `${file}: ${problems.length - MAX_PROBLEMS} more problems`);
  if (problems.length) throw new LessonError(problems);
  return lesson;
}

export function parseTrack(file: string, text: string): TrackFile {
  const parsed = parseText(file, text);
  const v = validators().track;
  if (!v(parsed.data)) throw new LessonError(schemaProblems(file, parsed, v.errors ?? []));
  return parsed.data as TrackFile;
}
