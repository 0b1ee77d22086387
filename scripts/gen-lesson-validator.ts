// npm run gen:validator: compiles lessons/schema.json into plain JavaScript once, here, so the
// app never compiles a schema at run time. Ajv's run-time compiler builds functions from
// strings (the page's Content-Security-Policy forbids that) and took most of the 240 ms the
// first lesson list cost. test/unit/lesson-validator.test.ts fails when the committed file is
// stale.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateValidatorSource } from '../src/lessons/validator-source';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'lessons', 'schema-validator.gen.js');
writeFileSync(out, generateValidatorSource());
process.stdout.write(`wrote ${out}\n`);
