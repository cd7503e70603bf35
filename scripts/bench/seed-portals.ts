/**
 * The portals benchmark's seed (`npm run bench -- --portals P`), run by the bench as its own
 * process so that its time and memory are measured apart: after the demo's one-portal seed, it adds
 * P-1 portals (one province, the rest communes whose parent is the province) through the operator's
 * `addPortal` (roles, fenced build tokens and the registry follow, as with `npm run portal -- add`),
 * each with A published articles of its own through the Document Service, in transactions of 200
 * (every tenth article of a commune shared with the province). Then one fenced editor
 * (Biên tập viên) of the first commune, whose sign-in it writes to `<data dir>/bench-editor.json`.
 * Webhooks stay quiet: the publisher's first reconciliation builds everything.
 *
 *   node --import tsx scripts/bench/seed-portals.ts --portals P --articles-per-portal A
 */
import '../lib/require-node.ts';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createSlug, PORTAL_FIELD } from '@cong/content-types';
import { addPortal } from '../../cms/src/lib/portal-admin.ts';
import { EDITOR_ROLE } from '../../cms/src/bootstrap/editor-roles.ts';
import { composeBulkArticle } from '../../cms/src/seed/compose.ts';
import { CATEGORIES } from '../../cms/src/seed/demo-content.ts';
import { silenceWebhooks, type Row } from '../../cms/src/seed/store.ts';
import { closeStrapi, loadStrapi } from '../lib/cms.ts';
import { BENCH_EDITOR_FILE, benchPortalPlan, parsePortalOptions, type BenchEditor } from './portals.ts';

const { values } = parseArgs({ options: { portals: { type: 'string' }, 'articles-per-portal': { type: 'string' } } });
const options = parsePortalOptions(values);
if (typeof options !== 'object') {
  console.error(options ?? '--portals P is required');
  process.exit(2);
}
const dataDir = process.env.CMS_DATA_DIR;
if (!dataDir) {
  console.error('CMS_DATA_DIR must name the CMS data folder the portals are seeded into');
  process.exit(2);
}

const strapi = await loadStrapi();
const restore = await silenceWebhooks(strapi);
const started = Date.now();
try {
  const plan = benchPortalPlan(options.portals);
  let serial = 0;
  for (const [index, entry] of plan.entries()) {
    const before = Date.now();
    const portal = await addPortal(strapi, { name: entry.name, code: entry.code, domains: [entry.domain], parent: entry.parent ?? undefined, level: entry.parent ? 'xa-phuong' : 'tinh' });
    const addMs = Date.now() - before;
    const row = (await strapi.db.query('api::portal.portal').findOne({ where: { id: portal.id }, select: ['documentId'] })) as Row;
    const owner = { [PORTAL_FIELD]: row.documentId };
    const categoryIds: string[] = [];
    for (const [order, category] of CATEGORIES.slice(0, 2).entries()) {
      const created = (await strapi.documents('api::category.category').create({ data: { name: category.name, slug: createSlug(category.name), description: category.description, order, ...owner } as never })) as unknown as Row;
      categoryIds.push(created.documentId);
    }
    const place = entry.name.replace(/^Ủy ban nhân dân /, '');
    for (let done = 0; done < options.articlesPerPortal; ) {
      const batch = Math.min(200, options.articlesPerPortal - done);
      await strapi.db.transaction(async () => {
        for (let k = 0; k < batch; k += 1) {
          serial += 1;
          const which = (done + k) % 2;
          const data = composeBulkArticle(serial, CATEGORIES[which]!, '');
          await strapi.documents('api::article.article').create({
            data: {
              ...data,
              // No picture: the demo's illustrations are the first portal's files, which another portal's build may not read.
              body: data.body.replace(/!\[[^\]]*\]\(\)\n\n\*[^*]*\*\n\n/, '').replaceAll('xã Tân Hòa', place),
              summary: data.summary.replaceAll('xã Tân Hòa', place),
              category: categoryIds[which],
              shareWithParent: entry.parent !== null && (done + k) % 10 === 0,
              ...owner,
            } as never,
            status: 'published',
          });
        }
      });
      done += batch;
    }
    // Progress on stderr (the bench shows it); adding a portal re-syncs every portal's role and token, so its cost grows with their number.
    if ((index + 1) % 10 === 0 || index === plan.length - 1) console.error(`[bench seed] ${index + 1}/${plan.length} portals with ${options.articlesPerPortal} articles each (${((Date.now() - started) / 1000).toFixed(1)} s; adding the last portal took ${addMs} ms)`);
  }

  const commune = plan.find((p) => p.parent !== null)!;
  const editor: BenchEditor = { email: 'bientap@bench.cong.test', password: 'Bench-cong-2026', portal: commune.code };
  const roles = (await strapi.db.query('admin::role').findMany({ where: { code: { $in: [EDITOR_ROLE.code, `cong-portal-${commune.code}`] } }, select: ['id'] })) as Array<{ id: number }>;
  if (roles.length !== 2) throw new Error(`the roles ${EDITOR_ROLE.code} and cong-portal-${commune.code} should exist after adding the portal`);
  await (strapi.service('admin::user') as unknown as { create(data: Record<string, unknown>): Promise<unknown> }).create({
    email: editor.email, firstname: 'Biên tập', lastname: 'Đo tải', password: editor.password, isActive: true, roles: roles.map((r) => r.id),
  });
  writeFileSync(path.join(dataDir, BENCH_EDITOR_FILE), JSON.stringify(editor), { mode: 0o600 });
} catch (error) {
  console.error('[bench seed] failed:', error);
  process.exitCode = 1;
} finally {
  restore();
  await closeStrapi(strapi);
}
// Strapi's providers (telemetry, sessions) keep timers alive: leave once the work is done.
process.exit(process.exitCode ?? 0);
