// Types of the generated validators (schema-validator.gen.js, from `npm run gen:validator`).
import type { ErrorObject } from 'ajv';

export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
export const lesson: GeneratedValidator;
export const track: GeneratedValidator;
