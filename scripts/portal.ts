/**
 * `npm run portal -- <command>`: the portals of this install (issue 14).
 *   add --name "Ủy ban nhân dân xã Tân Hòa" --domain tanhoa.lamgiang.gov.vn [--domain …] [--parent <code>] [--level tinh|so-nganh|xa-phuong] [--code <code>]
 *   list [--json]
 *   disable --code <code>     enable --code <code>
 * Boots the CMS in this process (like `npm run seed`), so a portal's save does what it does in
 * the admin: its members' role, its build token and the registry the publisher and the public
 * server follow (a running publisher builds a new portal without a restart).
 */
import './lib/require-node.ts'; // first: refuses an unsupported Node.js before anything else loads
import { parseArgs } from 'node:util';
import { addedPortalReport, addPortal, listPortals, PortalInputError, setPortalEnabled, type PortalSummary } from '../cms/src/lib/portal-admin.ts';
import { closeStrapi, loadStrapi } from './lib/cms.ts';

const USAGE = `usage: npm run portal -- add --name "…" --domain host [--domain host …] [--parent code] [--level tinh|so-nganh|xa-phuong] [--code code]
       npm run portal -- list [--json]
       npm run portal -- disable --code code
       npm run portal -- enable --code code`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, domain: { type: 'string', multiple: true }, parent: { type: 'string' }, level: { type: 'string' }, code: { type: 'string' }, json: { type: 'boolean' } },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const command = positionals[0];
if (!command || !['add', 'list', 'disable', 'enable'].includes(command) || positionals.length > 1) {
  console.error(`${command ? `unknown command "${positionals.join(' ')}"` : 'no command given'}\n${USAGE}`);
  process.exit(2);
}
if ((command === 'disable' || command === 'enable') && !values.code) {
  console.error(`--code is required: the portal's code (Mã cổng), see \`npm run portal -- list\`\n${USAGE}`);
  process.exit(2);
}

const table = (portals: PortalSummary[]) => {
  const rows = [['code', 'name', 'level', 'parent', 'domains', 'state'], ...portals.map((p, i) => [p.code + (i === 0 ? ' (first)' : ''), p.name, p.level, p.parent ?? '—', p.domains.join(' ') || '—', p.enabled ? 'enabled' : 'disabled'])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
};

const strapi = await loadStrapi();
try {
  if (command === 'list') {
    const portals = await listPortals(strapi);
    console.log(values.json ? JSON.stringify(portals, null, 2) : table(portals));
  } else if (command === 'add') {
    const portal = await addPortal(strapi, { name: values.name ?? '', domains: values.domain ?? [], parent: values.parent, level: values.level, code: values.code });
    console.log(addedPortalReport(portal));
  } else {
    const portal = await setPortalEnabled(strapi, values.code!, command === 'enable');
    console.log(`${portal.code} is ${portal.enabled ? 'enabled: it is built and served again' : 'disabled: it is no longer built or served; its content is kept'}`);
  }
} catch (error) {
  console.error(error instanceof PortalInputError ? error.message : error);
  process.exitCode = error instanceof PortalInputError ? 2 : 1;
} finally {
  await closeStrapi(strapi);
}
// Strapi's providers (telemetry, sessions) keep timers alive: leave once the work is done.
process.exit(process.exitCode ?? 0);
