// Links in the terminal open only http(s) addresses, in a new tab without opener or referrer.
import { describe, expect, it } from 'vitest';
import { oscLinkHandler, openWebLink, webUrl } from '../../../src/ui/terminal-links';

type Open = typeof window.open;

function recorder(): { open: Open; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const open = ((...args: unknown[]) => {
    calls.push(args);
    return null;
  }) as Open;
  return { open, calls };
}

const event = {} as MouseEvent;
const range = { start: { x: 1, y: 1 }, end: { x: 2, y: 1 } };

describe('terminal links', () => {
  it.each([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['http://10.0.0.5:8080/health.txt', 'http://10.0.0.5:8080/health.txt'],
    ['  https://example.com  ', 'https://example.com/'],
    ['HTTPS://EXAMPLE.COM/X', 'https://example.com/X'],
  ])('opens %j as %j', (text, href) => {
    expect(webUrl(text)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.com/uuid',
    'ftp://example.com/',
    'about:blank',
    'chrome://settings',
    '/relative/path',
    'example.com',
    '',
  ])('does not open %j', (text) => {
    expect(webUrl(text)).toBeUndefined();
    const { open, calls } = recorder();
    expect(openWebLink(text, open)).toBe(false);
    expect(calls).toEqual([]);
  });

  it('opens a web address in a new tab with noopener and noreferrer', () => {
    const { open, calls } = recorder();
    expect(openWebLink('https://example.com/x', open)).toBe(true);
    expect(calls).toEqual([['https://example.com/x', '_blank', 'noopener,noreferrer']]);
  });

  it('OSC 8 links: http(s) only, the address confirmed first; other schemes are never even offered', () => {
    const asked: string[] = [];
    const { open, calls } = recorder();
    let answer = true;
    const handler = oscLinkHandler((m) => {
      asked.push(m);
      return answer;
    }, open);
    expect(handler.allowNonHttpProtocols).toBe(false);
    handler.activate(event, 'https://example.com/doc', range);
    expect(asked).toEqual(['Open this link in a new tab?\n\nhttps://example.com/doc']);
    expect(calls).toEqual([['https://example.com/doc', '_blank', 'noopener,noreferrer']]);
    answer = false;
    handler.activate(event, 'https://example.com/other', range);
    expect(calls).toHaveLength(1);
    handler.activate(event, 'javascript:alert(1)', range);
    expect(asked).toHaveLength(2);
    expect(calls).toHaveLength(1);
  });
});
