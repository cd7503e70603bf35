/**
 * Demo documents (văn bản): kinds, sectors and the documents of the demo portal (with a PDF, a
 * DOCX and an XLSX, relations, an expired one, one not yet in force, one partly expired and a
 * draft), then generated ones up to `wanted` for benchmarks. Idempotent: kinds and sectors are
 * looked up by name, documents by number.
 */
import type { Core } from '@strapi/strapi';
import { createSlug } from '@cong/content-types';
import type { SeedCounts } from './index';
import { AGENCY } from './demo-content';
import { documentPdf } from './demo-media';
import { DAY, ensureFile, findBy, type Row } from './store';
import { DEMO_DOCUMENTS, DEMO_PUBLISHED, DOCUMENT_KINDS, documentDocx, documentXlsx, generatedDocument, MIME, SECTORS, type DemoAttachment } from './demo-documents';

/** Published documents the demo has by itself. */
export const DEMO_DOCUMENT_COUNT = DEMO_PUBLISHED;

const DOCUMENT = 'api::legal-document.legal-document';

/** Kinds and sectors by name (created when missing), as documentIds. */
export async function ensureListing(strapi: Core.Strapi, uid: string, names: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [order, name] of names.entries()) {
    const found = (await findBy(strapi, uid, { name })) ?? ((await findBy(strapi, uid, { slug: createSlug(name) })) as Row | null);
    if (found) ids.set(name, found.documentId);
    else ids.set(name, ((await strapi.documents(uid as 'api::sector.sector').create({ data: { name, order } as never })) as unknown as Row).documentId);
  }
  return ids;
}

function attachment(file: DemoAttachment): Promise<Buffer> {
  if (file.kind === 'docx') return Promise.resolve(documentDocx(AGENCY.agencyName, file.heading, file.lines));
  if (file.kind === 'xlsx') return Promise.resolve(documentXlsx(file.heading, file.lines));
  return documentPdf(AGENCY.agencyName, file.heading, file.lines);
}

/** Document kinds, sectors and documents; generated ones up to `wanted` published in all. */
export async function seedDocuments(strapi: Core.Strapi, now: Date, wanted: number, created: SeedCounts, log: (m: string) => void): Promise<void> {
  const kinds = await ensureListing(strapi, 'api::document-kind.document-kind', DOCUMENT_KINDS);
  const sectors = await ensureListing(strapi, 'api::sector.sector', SECTORS);
  const future = new Date(now.getTime() + 30 * DAY).toISOString().slice(0, 10);

  for (const item of DEMO_DOCUMENTS) {
    if (await findBy(strapi, DOCUMENT, { number: item.number })) continue;
    const files: number[] = [];
    for (const file of item.files ?? []) {
      const { file: uploaded, created: isNew } = await ensureFile(strapi, file.name, MIME[file.kind], () => attachment(file), file.heading);
      files.push(uploaded.id);
      if (isNew) created.media += 1;
    }
    const related = [];
    for (const r of item.related ?? []) {
      const target = await findBy(strapi, DOCUMENT, { number: r.number });
      if (target) related.push({ kind: r.kind, document: target.documentId });
    }
    await strapi.documents(DOCUMENT).create({
      data: {
        number: item.number,
        abstract: item.abstract,
        kind: kinds.get(item.kind),
        sector: sectors.get(item.sector),
        issuer: item.issuer,
        signer: item.signer,
        issuedOn: item.issuedOn,
        effectiveFrom: item.effectiveFrom === 'future' ? future : (item.effectiveFrom ?? null),
        effectiveUntil: item.effectiveUntil ?? null,
        validity: item.validity ?? null,
        files,
        related,
      } as never,
      ...(item.draft ? {} : { status: 'published' as const }),
    });
    created.documents += 1;
  }
  await seedGeneratedDocuments(strapi, now, wanted, kinds, sectors, created, log);
}

/**
 * Generated documents up to `wanted` published in all, in transactions of 200 (as generated
 * articles): each shares one generated PDF. Numbers start at 1000, so they never meet the demo's.
 */
async function seedGeneratedDocuments(strapi: Core.Strapi, now: Date, wanted: number, kinds: Map<string, string>, sectors: Map<string, string>, created: SeedCounts, log: (m: string) => void): Promise<void> {
  const query = strapi.db.query(DOCUMENT);
  const published = await query.count({ where: { publishedAt: { $notNull: true } } });
  let missing = wanted - published;
  if (missing <= 0) return;
  const { file: pdf, created: isNew } = await ensureFile(
    strapi,
    'van-ban-mau.pdf',
    MIME.pdf,
    () => documentPdf(AGENCY.agencyName, 'VĂN BẢN MẪU', ['Tệp đính kèm chung của các văn bản được tạo tự động để đo hiệu năng.']),
    'Văn bản mẫu',
  );
  if (isNew) created.media += 1;
  // Continue after the generated documents already there (and step over any number in use).
  let serial = Math.max(0, published - DEMO_DOCUMENT_COUNT);
  while (missing > 0) {
    const batch = Math.min(200, missing);
    await strapi.db.transaction(async () => {
      for (let k = 0; k < batch; ) {
        serial += 1;
        const data = generatedDocument(serial, now);
        if (await query.findOne({ where: { number: data.number }, select: ['id'] })) continue;
        await strapi.documents(DOCUMENT).create({
          data: { ...data, kind: kinds.get(data.kind), sector: sectors.get(data.sector), files: [pdf.id] } as never,
          status: 'published',
        });
        k += 1;
      }
    });
    missing -= batch;
    created.documents += batch;
    log(`generated documents: ${wanted - missing}/${wanted}`);
  }
}
