// Output the way iproute2's json_print layer does it: one call per field that prints a text
// form, a JSON member (-j, -p), or both, so each layout is written once. Colours (-c) wrap
// the fields iproute2 colours: interface names, MACs, addresses, UP/DOWN states.

export type Color = 'ifname' | 'mac' | 'inet' | 'inet6' | 'up' | 'down' | null;
/** A number JSON shows in a given form (iproute2 prints timers as `0.00`). */
export interface RawNumber {
  raw: string;
}
export type JsonValue = string | number | boolean | null | RawNumber;

// lib/color.c: light-background palette by default, the bold one when COLORFGBG says dark
const LIGHT: Record<Exclude<Color, null>, string> = { ifname: '\x1b[36m', mac: '\x1b[33m', inet: '\x1b[35m', inet6: '\x1b[34m', up: '\x1b[32m', down: '\x1b[31m' };
const DARK: Record<Exclude<Color, null>, string> = { ifname: '\x1b[1;36m', mac: '\x1b[1;33m', inet: '\x1b[1;35m', inet6: '\x1b[1;34m', up: '\x1b[1;32m', down: '\x1b[1;31m' };
const CLEAR = '\x1b[0m';

/** lib/json_writer.c's layout: compact, or four-space indents with `-p`. */
class JsonWriter {
  private depth = 0;
  private sep = '';
  constructor(private readonly put: (s: string) => void, private readonly pretty: boolean) {}

  private eol(): void {
    if (this.pretty) this.put(`\n${'    '.repeat(this.depth)}`);
  }
  private eor(): void {
    if (this.sep) this.put(this.sep);
    this.sep = ',';
  }
  private quote(s: string): string {
    return `"${s.replace(/[\t\n\r\f\b\\"]/g, (c) => ({ '\t': '\\t', '\n': '\\n', '\r': '\\r', '\f': '\\f', '\b': '\\b', '\\': '\\\\', '"': '\\"' })[c] ?? c)}"`;
  }
  name(n: string): void {
    this.eor();
    this.eol();
    this.sep = '';
    this.put(`${this.quote(n)}:${this.pretty ? ' ' : ''}`);
  }
  value(v: JsonValue): void {
    this.eor();
    this.put(typeof v === 'string' ? this.quote(v) : v === null ? 'null' : typeof v === 'object' ? v.raw : String(v));
  }
  begin(c: '{' | '['): void {
    this.eor();
    this.put(c);
    this.depth++;
    this.sep = '';
    if (c === '[' && this.pretty) this.put(' ');
  }
  end(c: '}' | ']'): void {
    if (c === ']' && this.pretty && this.sep) this.put(' ');
    if (c === ']') this.sep = '';
    this.depth--;
    if (this.sep) this.eol();
    this.put(c);
    this.sep = ',';
  }
  close(): void {
    this.put('\n');
  }
}

export class Printer {
  private json: JsonWriter | null = null;
  private readonly palette: Record<Exclude<Color, null>, string>;
  private holding = false;

  constructor(
    private readonly put: (s: string) => void,
    private readonly opts: { json: boolean; pretty: boolean; color: boolean; darkBg: boolean; oneline: boolean },
    /** Text stdio keeps in its buffer until the next record is flushed (the JSON opener). */
    private readonly hold: (s: string) => void = put,
  ) {
    this.palette = opts.darkBg ? DARK : LIGHT;
  }

  get isJson(): boolean {
    return this.json !== null;
  }

  /** `\` between the lines of one record with -o, else a newline (_SL_). */
  get sl(): string {
    return this.opts.oneline ? '\\' : '\n';
  }

  /** new_json_obj: starts the outer array when -j was given. */
  start(array = true): void {
    if (!this.opts.json) return;
    this.json = new JsonWriter((s) => (this.holding ? this.hold(s) : this.put(s)), this.opts.pretty);
    this.holding = true;
    if (array) this.json.begin('[');
    this.holding = false;
  }

  /** delete_json_obj. */
  finish(array = true): void {
    if (!this.json) return;
    if (array) this.json.end(']');
    this.json.close();
    this.json = null;
  }

  paint(color: Color, text: string): string {
    if (!this.opts.color || color === null || text === '') return text;
    return `${this.palette[color]}${text}${CLEAR}`;
  }

  /** PRINT_FP: text output only. */
  fp(text: string): void {
    if (!this.json) this.put(text);
  }

  /** PRINT_JSON: a member (or an array element when `key` is null) in JSON output only. */
  jsonOnly(key: string | null, value: JsonValue): void {
    if (!this.json) return;
    if (key !== null) this.json.name(key);
    this.json.value(value);
  }

  /** PRINT_ANY: `text` in text output, `key: value` in JSON. */
  any(key: string | null, text: string, value: JsonValue, color: Color = null): void {
    if (this.json) this.jsonOnly(key, value);
    else this.put(this.paint(color, text));
  }

  /** The same with only the value coloured (print_color_string with a "%s" format). */
  anyColor(color: Color, key: string | null, text: string, value: JsonValue): void {
    this.any(key, text, value, color);
  }

  openObject(key: string | null = null): void {
    if (!this.json) return;
    if (key !== null) this.json.name(key);
    this.json.begin('{');
  }

  closeObject(): void {
    if (this.json) this.json.end('}');
  }

  /** open_json_array(PRINT_ANY, ...): in text output the opening text (`<` of the flag list). */
  openArray(key: string, text = ''): void {
    if (this.json) {
      this.json.name(key);
      this.json.begin('[');
    } else {
      this.put(text);
    }
  }

  openArrayJsonOnly(key: string): void {
    if (!this.json) return;
    this.json.name(key);
    this.json.begin('[');
  }

  closeArray(text = ''): void {
    if (this.json) this.json.end(']');
    else this.put(text);
  }

  closeArrayJsonOnly(): void {
    if (this.json) this.json.end(']');
  }

  /** print_nl. */
  nl(): void {
    if (!this.json) this.put(this.sl);
  }
}
