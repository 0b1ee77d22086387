import { describe, expect, it } from 'vitest';
import { withoutInlineCode } from '../../../src/ui/html-attrs';

describe('raw HTML without inline handlers and styles', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '<img src=x>'],
    ['<a href="https://x.example/" onclick=\'go()\' title="t">a</a>', '<a href="https://x.example/" title="t">a</a>'],
    ['<p style="color: red" class=c>t</p>', '<p class=c>t</p>'],
    ['<b/onclick=x>bold</b>', '<b>bold</b>'],
    ['<div title="a > b" ONLOAD="x()" data-k=v>', '<div title="a > b" data-k=v>'],
    ['<input disabled onfocus = "x" autofocus>', '<input disabled autofocus>'],
    ['<details open><summary onmouseover="x">s</summary></details>', '<details open><summary>s</summary></details>'],
  ])('%s', (html, want) => {
    expect(withoutInlineCode(html)).toBe(want);
  });

  it('keeps text, comments, end tags and lone < as they are', () => {
    const text = 'turn it on=off, 1 < 2 and <!-- <img onerror=x> --> </p onclick=x> <3';
    expect(withoutInlineCode(text)).toBe(text);
  });

  it('a tag that never closes keeps what it has', () => {
    expect(withoutInlineCode('<img src="a" onerror="x')).toBe('<img src="a"');
    expect(withoutInlineCode('<p title="a')).toBe('<p title="a');
  });
});
