// --format templates: Go's text/template with docker's functions (shared/gotemplate), and the
// wording docker wraps template errors in.
import { dockerHeaderFuncs, render as goRender } from '../../shared/gotemplate';

export class TemplateError extends Error {}

/** Executes `format` over `data`; a parse error says "template parsing error: ...". */
export function render(format: string, data: unknown, typeName?: string): string {
  const r = goRender(format, data, typeName ? { typeName } : {});
  if (r.ok) return r.output;
  throw new TemplateError(r.phase === 'parse' ? `template parsing error: ${r.error}` : r.error);
}

/** A table's header line: the format over the column titles, with docker's header functions. */
export function renderHeader(format: string, titles: Record<string, string>): string {
  const r = goRender(format, titles, { funcs: dockerHeaderFuncs });
  if (r.ok) return r.output;
  throw new TemplateError(r.error);
}
