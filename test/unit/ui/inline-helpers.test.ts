// The worker's entry takes the bundler's helper chunk into itself (scripts/vite-inline-helpers.ts),
// so the worker runs after one fetch: the rewritten entry must bind the same names to the same
// values, and anything of another shape is left alone.
import { describe, expect, it } from 'vitest';
import { inlineHelperImport } from '../../../scripts/vite-inline-helpers';

// the shape rolldown writes (its namespace-object helper), and an entry that uses it
const HELPER = 'var e=Object.defineProperty,t=(t,n)=>{let r={};for(var i in t)e(r,i,{get:t[i],enumerable:!0});return r},n=1;export{t,n as k};';
const ENTRY = 'import{t as e,k}from"./rolldown-runtime-X1.js";\nconst t=e({a:()=>41+k});return t.a;';

/** Runs a rewritten entry (its top-level `return` gives its result). */
const run = (src: string): unknown => new Function(src)();

describe('the helper chunk inlined into the worker entry', () => {
  it('binds the imported names to the helper\'s values, whatever local names both use', () => {
    const out = inlineHelperImport(ENTRY, 'rolldown-runtime-X1.js', HELPER);
    expect(out).toBeDefined();
    expect(out).not.toMatch(/\bimport\b|\bexport\b/);
    expect(run(out!)).toBe(42);
  });

  it('leaves an entry that imports another file, or names the helper does not export', () => {
    expect(inlineHelperImport(ENTRY, 'other.js', HELPER)).toBeUndefined();
    expect(inlineHelperImport('import{z}from"./rolldown-runtime-X1.js";z();', 'rolldown-runtime-X1.js', HELPER)).toBeUndefined();
  });

  it('leaves a helper that imports something itself', () => {
    expect(inlineHelperImport(ENTRY, 'rolldown-runtime-X1.js', `import"./x.js";${HELPER}`)).toBeUndefined();
  });
});
