/**
 * The one Content-Security-Policy of the UI, sent by the Electron protocol handler and by the harness.
 * No remote origin, no inline or eval'd script. Inline styles stay allowed because antd's CSS-in-JS
 * injects <style> elements.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
