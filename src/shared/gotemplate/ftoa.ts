// strconv.FormatFloat for the 'e', 'f' and 'g' formats, bit size 64. Shortest digits come from
// JS (Number#toExponential() with no argument is shortest-round-trip, as Go's Ryu is); fixed
// precision rounds the exact binary value in decimal, half to even on an exact tie, as Go's
// decimal.Round does (JS toFixed rounds ties up, so it cannot be used).

interface Decimal {
  d: string; // digits, no leading or trailing zeros ('' for zero)
  dp: number; // decimal point position: value = 0.d × 10^dp
}

function exactDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (bexp === 0) e2 = -1074;
  else {
    mant |= 1n << 52n;
    e2 = bexp - 1075;
  }
  let digits: string;
  let dp: number;
  if (e2 >= 0) {
    digits = (mant << BigInt(e2)).toString();
    dp = digits.length;
  } else {
    digits = (mant * 5n ** BigInt(-e2)).toString();
    dp = digits.length + e2;
  }
  return { d: digits.replace(/0+$/, ''), dp };
}

function shortestDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(x.toExponential());
  if (!m) return exactDecimal(x);
  const d = ((m[1] ?? '') + (m[2] ?? '')).replace(/0+$/, '');
  return { d, dp: Number(m[3]) + 1 };
}

function roundDecimal(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  const next = a.d[nd] ?? '0';
  let up: boolean;
  if (next === '5' && nd + 1 === a.d.length) {
    // Exactly halfway (the digits are exact): round to even.
    up = nd > 0 && ((a.d.charCodeAt(nd - 1) - 48) % 2 !== 0);
  } else {
    up = next >= '5';
  }
  if (!up) {
    const d = a.d.slice(0, nd).replace(/0+$/, '');
    return { d, dp: d.length === 0 ? 0 : a.dp };
  }
  let i = nd - 1;
  while (i >= 0 && a.d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: a.dp + 1 };
  return { d: a.d.slice(0, i) + String.fromCharCode(a.d.charCodeAt(i) + 1), dp: a.dp };
}

function fmtE(neg: boolean, a: Decimal, prec: number, fmt: string): string {
  let s = neg ? '-' : '';
  s += a.d.length > 0 ? a.d[0] : '0';
  if (prec > 0) {
    s += '.';
    let i = 1;
    const m = Math.min(a.d.length, prec + 1);
    if (i < m) {
      s += a.d.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) s += '0';
  }
  s += fmt;
  let exp = a.d.length === 0 ? 0 : a.dp - 1;
  if (exp < 0) {
    s += '-';
    exp = -exp;
  } else {
    s += '+';
  }
  return s + (exp < 10 ? '0' + exp : String(exp));
}

function fmtF(neg: boolean, a: Decimal, prec: number): string {
  let s = neg ? '-' : '';
  if (a.dp > 0) {
    const m = Math.min(a.d.length, a.dp);
    s += a.d.slice(0, m);
    for (let i = m; i < a.dp; i++) s += '0';
  } else {
    s += '0';
  }
  if (prec > 0) {
    s += '.';
    for (let i = 0; i < prec; i++) {
      const j = a.dp + i;
      s += j >= 0 && j < a.d.length ? a.d[j] : '0';
    }
  }
  return s;
}

/** strconv.FormatFloat(x, fmt, prec, 64) for fmt in e E f g G; prec < 0 means shortest. */
export function formatFloat(x: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  const shortest = prec < 0;
  let digs: Decimal;
  if (shortest) {
    digs = shortestDecimal(ax);
    if (fmt === 'e' || fmt === 'E') prec = digs.d.length - 1;
    else if (fmt === 'f') prec = Math.max(digs.d.length - digs.dp, 0);
    else prec = digs.d.length;
  } else {
    digs = exactDecimal(ax);
    if (fmt === 'e' || fmt === 'E') digs = roundDecimal(digs, prec + 1);
    else if (fmt === 'f') digs = roundDecimal(digs, digs.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digs = roundDecimal(digs, prec);
    }
  }
  if (fmt === 'e' || fmt === 'E') return fmtE(neg, digs, prec, fmt);
  if (fmt === 'f') return fmtF(neg, digs, prec);
  const nd = digs.d.length;
  let eprec = prec;
  if (eprec > nd && nd >= digs.dp) eprec = nd;
  // %e is used if the exponent is below -4 or at least the precision; for the shortest
  // form Go uses 6 here (strconv/ftoa.go), so 1e+06 but 100000.
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > nd) prec = nd;
    return fmtE(neg, digs, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > digs.dp) prec = nd;
  return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
}
