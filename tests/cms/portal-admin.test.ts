/**
 * What `npm run portal -- add` tells the operator once a portal is saved (cms/src/lib/portal-admin.ts):
 * the publisher follows the portal registry, so the new portal is built at once, not after a
 * reconciliation period; and the role its editors need, by its real name.
 */
import { describe, expect, test } from 'vitest';
import { addedPortalReport } from '../../cms/src/lib/portal-admin';

describe('npm run portal -- add: its report', () => {
  test('names the portal, says it is built at once by a running publisher and served at its first domain, and names its role', () => {
    const report = addedPortalReport({ id: 7, code: 'xa-phu-lam', name: 'Ủy ban nhân dân xã Phú Lâm', level: 'Xã, phường, đặc khu', parent: 'lam-giang', domains: ['phulam.lamgiang.gov.vn', 'phu-lam.localhost'], enabled: true });
    expect(report).toContain('added the portal "Ủy ban nhân dân xã Phú Lâm" (code xa-phu-lam, Xã, phường, đặc khu, under lam-giang) for phulam.lamgiang.gov.vn, phu-lam.localhost');
    expect(report).toContain('a running publisher builds it at once');
    expect(report).toContain('serves it at phulam.lamgiang.gov.vn');
    expect(report).toContain('the role "Cổng: Ủy ban nhân dân xã Phú Lâm"');
    expect(report).not.toContain('reconciliation period');
  });
});
