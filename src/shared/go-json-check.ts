// The first syntax error in a JSON text, worded as Go's encoding/json scanner reports it
// ("invalid character '}' looking for beginning of object key string", "unexpected end of JSON
// input"), for programs written in Go that read JSON configuration (dockerd's daemon.json).

type Ctx = 'value' | 'objKey' | 'objColon' | 'objComma' | 'arrComma' | 'arrValue';

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  if (c < ' ') return `'${JSON.stringify(c).slice(1, -1)}'`;
  return `'${c}'`;
}

/** undefined when `text` is valid JSON; otherwise Go's message for its first error. */
export function goJsonError(text: string): string | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const bad = (what: string): string => (i >= text.length ? 'unexpected end of JSON input' : `invalid character ${quoteChar(text[i]!)} ${what}`);
  const stack: ('obj' | 'arr')[] = [];
  let state: Ctx = 'value';
  for (;;) {
    ws();
    if (state === 'value' || state === 'arrValue' || state === 'objKey') {
      if (i >= text.length) return 'unexpected end of JSON input';
      const c = text[i]!;
      if (state === 'objKey') {
        if (c === '}' && text[i - 1] !== ',' && /\{\s*$/.test(text.slice(0, i))) {
          i++;
          stack.pop();
          state = 'objComma';
          if (!stack.length) break;
          state = stack[stack.length - 1] === 'obj' ? 'objComma' : 'arrComma';
          continue;
        }
        if (c !== '"') return bad('looking for beginning of object key string');
      }
      if (state === 'arrValue' && c === ']' && /\[\s*$/.test(text.slice(0, i))) {
        i++;
        stack.pop();
        if (!stack.length) break;
        state = stack[stack.length - 1] === 'obj' ? 'objComma' : 'arrComma';
        continue;
      }
      if (c === '{') {
        i++;
        stack.push('obj');
        state = 'objKey';
        continue;
      }
      if (c === '[') {
        i++;
        stack.push('arr');
        state = 'arrValue';
        continue;
      }
      if (c === '"') {
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\') {
            i++;
            if (i < text.length && !'"\\/bfnrtu'.includes(text[i]!)) return bad('in string escape code');
          } else if (text[i]! < ' ') return bad('in string literal');
          i++;
        }
        if (i >= text.length) return 'unexpected end of JSON input';
        i++;
      } else if (/[-0-9]/.test(c)) {
        const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
        if (!m || m[0] === '-') {
          i++;
          return bad('in numeric literal');
        }
        i += m[0].length;
      } else if (/^(true|false|null)/.test(text.slice(i))) {
        i += /^(true|false|null)/.exec(text.slice(i))![0].length;
      } else if ('tfn'.includes(c)) {
        const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
        let k = 0;
        while (k < word.length && text[i + k] === word[k]) k++;
        i += k;
        return bad(`in literal ${word} (expecting ${quoteChar(word[k]!)})`);
      } else {
        return bad('looking for beginning of value');
      }
      if (state === 'objKey') {
        state = 'objColon';
        continue;
      }
      if (!stack.length) break;
      state = stack[stack.length - 1] === 'obj' ? 'objComma' : 'arrComma';
      continue;
    }
    if (state === 'objColon') {
      if (text[i] !== ':') return bad('after object key');
      i++;
      state = 'value';
      continue;
    }
    if (state === 'objComma') {
      if (text[i] === ',') {
        i++;
        state = 'objKey';
        continue;
      }
      if (text[i] === '}') {
        i++;
        stack.pop();
        if (!stack.length) break;
        state = stack[stack.length - 1] === 'obj' ? 'objComma' : 'arrComma';
        continue;
      }
      return bad('after object key:value pair');
    }
    if (text[i] === ',') {
      i++;
      state = 'value';
      continue;
    }
    if (text[i] === ']') {
      i++;
      stack.pop();
      if (!stack.length) break;
      state = stack[stack.length - 1] === 'obj' ? 'objComma' : 'arrComma';
      continue;
    }
    return bad('after array element');
  }
  ws();
  if (i < text.length) return `invalid character ${quoteChar(text[i]!)} after top-level value`;
  return undefined;
}
