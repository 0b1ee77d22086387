// Reading a lesson file: YAML (or JSON, which is YAML too) parsed with `yaml`, checked against
// lessons/schema.json with Ajv, then the rules a schema cannot say (unique check ids, the
// Markdown files exist, regular expressions compile). Every problem names the file, its line,
// the step and check, and the field, so an author can fix a lesson without reading the engine.
import type { ErrorObject } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
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

function parseYaml(file: string, text: string): Parsed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new LessonError(doc.errors.map((e) => `${file}:${lineCounter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`));
  }
  return {
    data: doc.toJS({ maxAliasCount: 100 }) as unknown,
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
  if (/^\s*[{[]/.test(text)) {
    let data: unknown;
    try {
      data = JSON.parse(text) as unknown;
    } catch {
      return parseYaml(file, text);
    }
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
  for (const e of list) {
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
  if (problems.length) throw new LessonError(problems);
  return lesson;
}

export function parseTrack(file: string, text: string): TrackFile {
  const parsed = parseText(file, text);
  const v = validators().track;
  if (!v(parsed.data)) throw new LessonError(schemaProblems(file, parsed, v.errors ?? []));
  return parsed.data as TrackFile;
}
