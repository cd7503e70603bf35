/**
 * The security headers of every answer of the portal, in one place: the public server sends them
 * with its files and adds them to the on-demand routes' answers, and the nginx configuration
 * (scripts/nginx/config.ts) sends the same ones. Scripts and styles are restricted by the
 * Content-Security-Policy that Astro writes into each page (`security.csp` in
 * site/astro.config.mjs, with the hash of every inline script and style); the header adds what a
 * <meta> policy cannot say (frame-ancestors) and what no page needs (plugins, <base>, forms posting
 * to other sites).
 */

/** The header policy: nobody may frame the portal, no plugins, no <base>, forms post here only. */
export const HEADER_CSP = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

/**
 * The policy of an SVG file (an editor can upload one, and a page can link it): opened by itself,
 * an SVG is a document that could run its own scripts on the portal's origin. Sandboxed, with no
 * script, no request out, only its own styles and embedded pictures.
 */
export const SVG_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox";

/** Browser features the portal never uses, refused for it and anything it embeds. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()';

/** Headers for every answer (files, on-demand routes, errors). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': PERMISSIONS_POLICY,
  'content-security-policy': HEADER_CSP,
};

/**
 * Adds the security headers an answer does not set itself. An on-demand page has its own
 * Content-Security-Policy (Astro sends a page's policy as a header when it renders on demand);
 * when that says nothing of framing, nobody may frame it (the draft preview lets the CMS).
 */
export function withSecurityHeaders<T extends Record<string, string | string[] | number>>(headers: T): T & Record<string, string> {
  const out: Record<string, string | string[] | number> = { ...headers };
  const names = new Map(Object.keys(out).map((name) => [name.toLowerCase(), name]));
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!names.has(name)) out[name] = value;
  const csp = names.get('content-security-policy');
  if (csp && typeof out[csp] === 'string' && !/(^|;)\s*frame-ancestors\s/.test(out[csp] as string)) {
    out[csp] = `${(out[csp] as string).replace(/;?\s*$/, '')}; frame-ancestors 'none'`;
  }
  return out as T & Record<string, string>;
}
