/**
 * "Mức độ công khai thông tin" in the admin: the compliance catalogue (content-types/src/compliance.ts)
 * judged against what is published, answered to signed-in admin users at GET /cong/compliance.
 */
import type { Core } from '@strapi/strapi';
import { complianceFacts, complianceReport, complianceSummary, vietnamDayAt, type ComplianceReader } from '@cong/content-types';
import { loadEnvironment } from './environment';

type Documents = (uid: string) => {
  findFirst(params: Record<string, unknown>): Promise<Record<string, unknown> | null>;
  count(params: Record<string, unknown>): Promise<number>;
};

/** The reader over the Document Service: published entries, as the build token sees them. */
export function documentComplianceReader(strapi: Core.Strapi): ComplianceReader {
  const documents = strapi.documents as unknown as Documents;
  return {
    single: (type) => documents(type.uid).findFirst({ sort: 'id:asc' }),
    async latest(type, where, date) {
      const filters = where ? { [where.field]: { $in: [...where.in] } } : {};
      const status = type.draftAndPublish ? { status: 'published' } : {};
      const count = await documents(type.uid).count({ ...status, filters });
      const entry = count > 0 ? await documents(type.uid).findFirst({ ...status, filters, sort: `${date}:desc`, fields: [date] }) : null;
      return { count, value: entry?.[date] };
    },
  };
}

/** The report as the admin page shows it. */
export async function complianceAnswer(strapi: Core.Strapi, now = new Date()) {
  const today = vietnamDayAt(now);
  const items = complianceReport(await complianceFacts(documentComplianceReader(strapi)), today);
  // The public site's address, for the page's link to the published list (the admin is elsewhere).
  const siteUrl = loadEnvironment().PREVIEW_URL.replace(/\/+$/, '');
  return { today, siteUrl, summary: complianceSummary(items), items };
}

/** GET /cong/compliance, for signed-in admin users (any role: editors see what is missing). */
export function registerComplianceRoute(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/cong',
    routes: [
      {
        method: 'GET',
        path: '/compliance',
        handler: async (ctx: { body: unknown }) => {
          ctx.body = await complianceAnswer(strapi);
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
}
