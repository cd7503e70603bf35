/**
 * The cross-site check of the on-demand routes (site/src/server/cross-site.ts): a form or script on
 * another site cannot post to the portal's comments, ratings or counters, whatever host name the
 * portal is installed under; safe methods and clients without Origin pass.
 */
import { describe, expect, test } from 'vitest';
import { isCrossSite } from '../../site/src/server/cross-site';

const HOST = 'xatanhoa.gov.vn';
const check = (method: string, headers: Record<string, string>) => isCrossSite(method, new Headers({ host: HOST, ...headers }));

describe('isCrossSite', () => {
  test('the portal posting to itself passes, under any host name and port', () => {
    expect(check('POST', { origin: `https://${HOST}`, 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(isCrossSite('POST', new Headers({ host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4321' }))).toBe(false);
    expect(isCrossSite('POST', new Headers({ host: '[::1]:8080', origin: 'http://[::1]:8080' }))).toBe(false);
    // An internationalised name arrives as punycode in both headers.
    expect(isCrossSite('POST', new Headers({ host: 'xn--thch-h-cua1f.vn', origin: 'https://xn--thch-h-cua1f.vn' }))).toBe(false);
  });

  test('another site, a sibling subdomain, another port or a look-alike host is refused', () => {
    for (const origin of ['https://evil.example', `https://cms.${HOST}`, `https://${HOST}:8443`, `https://${HOST}.evil.example`, `https://evil.example/${HOST}`, 'https://xatanhoa.gov.vn.']) {
      expect(check('POST', { origin }), origin).toBe(true);
    }
    expect(isCrossSite('POST', new Headers({ host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4322' }))).toBe(true);
  });

  test('the scheme does not matter, the host does (nginx terminates TLS and passes Host)', () => {
    expect(check('POST', { origin: `http://${HOST}` })).toBe(false);
  });

  test('an opaque or malformed Origin is refused', () => {
    expect(check('POST', { origin: 'null' })).toBe(true); // sandboxed frames, data: pages
    for (const origin of ['not a url', 'https://', '://xatanhoa.gov.vn']) expect(check('POST', { origin }), origin).toBe(true);
  });

  test("the browser's own verdict counts even when Origin is absent", () => {
    expect(check('POST', { 'sec-fetch-site': 'cross-site' })).toBe(true);
    expect(check('POST', { origin: `https://${HOST}`, 'sec-fetch-site': 'cross-site' })).toBe(true);
    expect(check('POST', { 'sec-fetch-site': 'same-site' })).toBe(false);
    expect(check('POST', { 'sec-fetch-site': 'none' })).toBe(false);
  });

  test('no Origin and no Fetch Metadata (curl, monitoring) passes', () => {
    expect(check('POST', {})).toBe(false);
    expect(check('POST', { origin: '' })).toBe(false);
  });

  test('GET, HEAD and OPTIONS are never refused; every other method is checked', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(check(method, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }), method).toBe(false);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) expect(check(method, { origin: 'https://evil.example' }), method).toBe(true);
  });
});
