// The renderer's Content-Security-Policy, one string for both hosts (HTTP header here, meta tag in index.html).

// Monaco injects <style> elements and runs its language services in workers built as separate files, hence
// 'unsafe-inline' for styles only and worker-src 'self' blob:. connect-src 'self' covers the web host's own
// WebSocket (CSP3 matches ws: on the same host and port). Nothing is loaded from the network: the app works offline.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
