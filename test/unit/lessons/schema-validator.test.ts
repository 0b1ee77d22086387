// The committed validator (src/lessons/schema-validator.gen.js) must be what lessons/schema.json
// compiles to today: a schema change without `npm run gen:validator` fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateValidatorSource } from '../../../src/lessons/validator-source';
import * as generated from '../../../src/lessons/schema-validator.gen.js';

describe('the generated lesson validator', () => {
  it('is up to date with lessons/schema.json (run `npm run gen:validator` after changing the schema)', () => {
    const committed = readFileSync(new URL('../../../src/lessons/schema-validator.gen.js', import.meta.url), 'utf8');
    expect(committed === generateValidatorSource()).toBe(true);
  });

  it('needs no run-time code generation and no require()', () => {
    const committed = readFileSync(new URL('../../../src/lessons/schema-validator.gen.js', import.meta.url), 'utf8');
    expect(committed).not.toMatch(/\brequire\(|new Function|\beval\(/);
  });

  it('counts characters, not UTF-16 units, and finds duplicate items', () => {
    // "minutes" is a number; a title of one astral character is one character long
    const base = { id: 'x', title: '🐧', summary: 's', minutes: 5, intro: 'i.md', steps: [{ title: 't', text: 't.md', checks: [{ id: 'c', title: 'c', kind: 'hostname', name: 'h' }] }], solution: ['true'] };
    expect(generated.lesson(base)).toBe(true);
    expect(generated.lesson({ ...base, title: '' })).toBe(false);
    expect(generated.lesson({ ...base, prerequisites: ['a', 'a'] })).toBe(false);
    expect(generated.lesson.errors?.[0]?.keyword).toBe('uniqueItems');
    expect(generated.lesson({ ...base, prerequisites: ['a', 'b'] })).toBe(true);
    expect(generated.track({ title: 'T', order: 1, lessons: ['a'] })).toBe(true);
    expect(generated.track({ title: 'T', order: -1, lessons: ['a'] })).toBe(false);
  });
});

describe('the bundled lessons', () => {
  it('arrive as JSON (vite.config.ts converts the YAML at build time), so the worker skips the YAML parser', async () => {
    const { bundledLessonFiles } = await import('../../../src/lessons/bundle');
    const files = bundledLessonFiles();
    const yaml = [...files].filter(([p]) => p.endsWith('.yaml'));
    expect(yaml.length).toBeGreaterThan(15);
    for (const [, text] of yaml) expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect([...files].filter(([p]) => p.endsWith('.md')).every(([, t]) => !t.startsWith('{'))).toBe(true);
  });
});
