import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  domainUrl,
  normaliseHost,
  parseDomains,
  portalForHost,
  portalRoot,
  portalUrl,
  readPortalRegistry,
  writePortalRegistry,
  type PortalInfo,
} from '../../content-types/src/portals';

const province: PortalInfo = { code: 'lam-giang', name: 'Ủy ban nhân dân tỉnh Lâm Giang', level: 'Tỉnh, thành phố', parent: null, domains: ['lamgiang.gov.vn', 'www.lamgiang.gov.vn'], enabled: true, primary: true, tokenFile: 'portal-tokens/lam-giang' };
const commune: PortalInfo = { code: 'xa-tan-hoa', name: 'Ủy ban nhân dân xã Tân Hòa', level: 'Xã, phường, đặc khu', parent: 'lam-giang', domains: ['tanhoa.lamgiang.gov.vn', 'xa-tan-hoa.localhost'], enabled: true, primary: false, tokenFile: 'portal-tokens/xa-tan-hoa' };
const closed: PortalInfo = { ...commune, code: 'xa-cu', name: 'Xã cũ', domains: ['xacu.lamgiang.gov.vn'], enabled: false };
const portals = [province, commune, closed];

describe('portal registry (issue 14, shared contract)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('a Host header matches a portal whatever its port and case', () => {
    expect(portalForHost(portals, 'TanHoa.LamGiang.gov.vn:8443')?.code).toBe('xa-tan-hoa');
    expect(portalForHost(portals, 'xa-tan-hoa.localhost:4321')?.code).toBe('xa-tan-hoa');
    expect(portalForHost(portals, 'www.lamgiang.gov.vn.')?.code).toBe('lam-giang');
    expect(portalForHost(portals, 'other.gov.vn')).toBeNull();
    expect(portalForHost(portals, '')).toBeNull();
  });

  test('a disabled portal answers no host', () => {
    expect(portalForHost(portals, 'xacu.lamgiang.gov.vn')).toBeNull();
  });

  test('the primary portal also answers loopback names and the host of SITE_URL', () => {
    for (const host of ['localhost', 'LOCALHOST:4321', '127.0.0.1:8080', '[::1]:4321', '::1']) expect(portalForHost(portals, host)?.code, host).toBe('lam-giang');
    expect(portalForHost(portals, 'cong.example.vn', 'https://cong.example.vn/')?.code).toBe('lam-giang');
    expect(portalForHost(portals, 'cong.example.vn')).toBeNull();
    expect(portalForHost([commune], 'localhost')).toBeNull();
  });

  test('host names are normalised', () => {
    expect(normaliseHost('[::1]:80')).toBe('::1');
    expect(normaliseHost('Example.VN:80')).toBe('example.vn');
    expect(parseDomains('TanHoa.lamgiang.gov.vn\n\n https://b.vn/x \nb.vn, c.vn')).toEqual(['tanhoa.lamgiang.gov.vn', 'b.vn', 'c.vn']);
    expect(parseDomains(null)).toEqual([]);
  });

  test("a portal's public URL takes SITE_URL's scheme and port; the primary's is SITE_URL", () => {
    expect(portalUrl(commune, 'http://localhost:4321/')).toBe('http://tanhoa.lamgiang.gov.vn:4321/');
    expect(portalUrl(commune, 'https://lamgiang.gov.vn')).toBe('https://tanhoa.lamgiang.gov.vn/');
    expect(portalUrl(province, 'https://cong.lamgiang.gov.vn/')).toBe('https://cong.lamgiang.gov.vn/');
    expect(portalUrl({ ...commune, domains: [] }, 'https://cong.lamgiang.gov.vn')).toBe('https://cong.lamgiang.gov.vn/');
  });

  test('a bare list of domains: the first one, on SITE_URL\'s scheme and port; none gives null', () => {
    expect(domainUrl(['tanhoa.lamgiang.gov.vn', 'b.vn'], 'http://127.0.0.1:4321')).toBe('http://tanhoa.lamgiang.gov.vn:4321/');
    expect(domainUrl(['::1'], 'https://lamgiang.gov.vn/')).toBe('https://[::1]/');
    expect(domainUrl([], 'https://lamgiang.gov.vn/')).toBeNull();
  });

  test('the primary portal keeps RELEASES_DIR, the others live under portals/<code>', () => {
    expect(portalRoot('/srv/releases', province)).toBe('/srv/releases');
    expect(portalRoot('/srv/releases', commune)).toBe(path.join('/srv/releases', 'portals', 'xa-tan-hoa'));
  });

  test('the registry round-trips through its file; none is null; a broken one names the file and entry', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cong-portals-'));
    dirs.push(dir);
    expect(readPortalRegistry(dir)).toBeNull();
    const file = writePortalRegistry(dir, { portals });
    expect(file).toBe(path.join(dir, 'portals.json'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readPortalRegistry(dir)).toEqual({ portals });
    expect(JSON.parse(readFileSync(file, 'utf8')).portals[1].name).toBe('Ủy ban nhân dân xã Tân Hòa');
    writeFileSync(file, JSON.stringify({ portals: [{ code: 'Bad Code', name: 'x', domains: [] }] }));
    expect(() => readPortalRegistry(dir)).toThrow(/portals\[0\]\.code/);
    writeFileSync(file, '{');
    expect(() => readPortalRegistry(dir)).toThrow(/portals\.json is not JSON/);
  });
});
