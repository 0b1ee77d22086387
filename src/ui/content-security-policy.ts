// The built page's Content-Security-Policy (vite.config.ts puts it in index.html as a <meta>):
// everything from the app's own origin, no inline script or style and no eval. Lesson and pack
// Markdown is sanitised as well (markdown.ts); the policy stops whatever a sanitiser might miss.
// The machine's worker and the service worker are same-origin files; data: is for the favicon
// and a lesson's inline images. A <meta> policy travels with plain static hosting; it cannot set
// frame-ancestors (a host can send that as a header). The one inline script, which starts the
// machine's worker from index.html (early-boot.ts), is allowed by its SHA-256 hash alone.
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

/** The policy with `hashes` (base64 SHA-256 digests of inline scripts) allowed in script-src. */
export function policyWithScripts(hashes: string[]): string {
  if (!hashes.length) return CONTENT_SECURITY_POLICY;
  const allowed = hashes.map((h) => ` 'sha256-${h}'`).join('');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self'${allowed}`);
}
