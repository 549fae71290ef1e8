// The Content Security Policy every host serves as a header: no inline script, no eval,
// nothing from any other origin.
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * The part of the policy a `<meta http-equiv>` can deliver, repeated in renderer/index.html.
 * Browsers ignore frame-ancestors in a meta tag (and Chromium logs an error for it); the hosts
 * send the whole policy as a header.
 */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
