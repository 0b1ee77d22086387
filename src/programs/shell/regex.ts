// POSIX extended regular expressions (as regcomp(3) with REG_EXTENDED reads them) translated
// to JavaScript: bracket expressions with [:classes:], and backslashes inside brackets
// taken literally.

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

export function ereToJs(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      out += n === '<' ? '\\b(?=\\w)' : n === '>' ? '\\b(?<=\\w)' : `\\${n}`;
      i++;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      let body = '';
      if (src[j] === '^') {
        body += '^';
        j++;
      }
      if (src[j] === ']') {
        body += '\\]';
        j++;
      }
      while (j < src.length && src[j] !== ']') {
        if (src[j] === '[' && src[j + 1] === ':') {
          const end = src.indexOf(':]', j + 2);
          if (end > 0) {
            body += CLASSES[src.slice(j + 2, end)] ?? '';
            j = end + 2;
            continue;
          }
        }
        const ch = src[j]!;
        body += ch === '\\' || ch === '[' ? `\\${ch}` : ch;
        j++;
      }
      if (j >= src.length) {
        out += '\\[';
        continue;
      }
      out += `[${body}]`;
      i = j;
      continue;
    }
    if (c === '{' && !/^\{\d*(,\d*)?\}/.test(src.slice(i))) {
      out += '\\{';
      continue;
    }
    out += c;
  }
  return out;
}
