/**
 * "Mức độ công khai thông tin" in the admin: the compliance catalogue (content-types/src/compliance.ts)
 * judged against what is published, answered to signed-in admin users at GET /cong/compliance.
 */
import type { Core } from '@strapi/strapi';
import { COMPLIANCE_ITEMS, complianceReport, complianceSummary, dayOfValue, vietnamDayAt, type ComplianceFacts } from '@cong/content-types';

type Documents = (uid: string) => {
  findFirst(params: Record<string, unknown>): Promise<Record<string, unknown> | null>;
  count(params: Record<string, unknown>): Promise<number>;
};

/** What is published for each item, read through the Document Service. */
export async function complianceFacts(strapi: Core.Strapi): Promise<Map<string, ComplianceFacts>> {
  const documents = strapi.documents as unknown as Documents;
  const facts = new Map<string, ComplianceFacts>();
  for (const item of COMPLIANCE_ITEMS) {
    const source = item.source;
    if (!source) {
      facts.set(item.key, { count: 1, latest: null });
      continue;
    }
    if (source.type.kind === 'singleType') {
      const entry = await documents(source.type.uid).findFirst({});
      const value = source.present ? entry?.[source.present] : entry;
      const filled = typeof value === 'string' ? value.trim() !== '' : Boolean(value);
      facts.set(item.key, filled && entry ? { count: 1, latest: dayOfValue(entry[source.date]) } : { count: 0, latest: null });
      continue;
    }
    const filters = source.where ? { [source.where.field]: { $in: [...source.where.in] } } : {};
    const status = source.type.draftAndPublish ? { status: 'published' } : {};
    const count = await documents(source.type.uid).count({ ...status, filters });
    const latest = count > 0 ? await documents(source.type.uid).findFirst({ ...status, filters, sort: `${source.date}:desc`, fields: [source.date] }) : null;
    facts.set(item.key, { count, latest: latest ? dayOfValue(latest[source.date]) : null });
  }
  return facts;
}

/** The report as the admin page shows it. */
export async function complianceAnswer(strapi: Core.Strapi, now = new Date()) {
  const today = vietnamDayAt(now);
  const items = complianceReport(await complianceFacts(strapi), today);
  return { today, summary: complianceSummary(items), items };
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
