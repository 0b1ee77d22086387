// The built page's Content-Security-Policy (vite.config.ts puts it in index.html as a <meta>):
// everything from the app's own origin, no inline script or style and no eval. Lesson and pack
// Markdown is sanitised as well (markdown.ts); the policy stops whatever a sanitiser might miss.
// The machine's worker and the service worker are same-origin files; data: is for the favicon
// and a lesson's inline images. A <meta> policy travels with plain static hosting; it cannot set
// frame-ancestors (a host can send that as a header).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
