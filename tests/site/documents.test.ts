/**
 * Documents (văn bản): the validity status from the dates (the editor's choice wins), relations
 * read from both sides, the groupings behind the filter pages, file labels, and the list page's
 * search (number, words of the abstract, with or without diacritics, đ as d) over the compact index.
 */
import { describe, expect, test } from 'vitest';
import { buildDocumentIndex, documentStatus, fileSizeLabel, fileTypeLabel, groupDocuments, paginateDocuments, relationsBySlug, DOCUMENT_PAGE_SIZE } from '../../site/src/lib/documents';
import { filterIndex, fold, queryTerms } from '../../site/src/lib/document-search';
import type { LegalDocumentRecord } from '../../site/src/lib/records';

function doc(number: string, over: Partial<LegalDocumentRecord> = {}): { id: string; data: LegalDocumentRecord } {
  const slug = number.toLowerCase().replace(/đ/g, 'd').replace(/[^a-z0-9]+/g, '-');
  return {
    id: slug,
    data: {
      number,
      slug,
      abstract: 'Văn bản',
      kind: { name: 'Quyết định', slug: 'quyet-dinh' },
      sector: null,
      issuer: 'Ủy ban nhân dân xã Tân Hòa',
      signer: '',
      issuedOn: '2026-03-16',
      effectiveFrom: null,
      effectiveUntil: null,
      status: null,
      files: [],
      related: [],
      publishedAt: '2026-03-16T01:00:00Z',
      updatedAt: '2026-03-16T01:00:00Z',
      ...over,
    },
  };
}

describe('documentStatus', () => {
  const base = { status: null, issuedOn: '2026-03-16', effectiveFrom: '2026-04-01', effectiveUntil: '2026-12-31' } as const;
  test('is computed from the dates: not yet, in force, then expired from the end date on', () => {
    expect(documentStatus(base, '2026-03-31')).toBe('Chưa có hiệu lực');
    expect(documentStatus(base, '2026-04-01')).toBe('Còn hiệu lực');
    expect(documentStatus(base, '2026-12-30')).toBe('Còn hiệu lực');
    expect(documentStatus(base, '2026-12-31')).toBe('Hết hiệu lực toàn bộ');
  });
  test('without an effective date a document is in force from its date of issue, without an end date for good', () => {
    const d = { status: null, issuedOn: '2026-03-16', effectiveFrom: null, effectiveUntil: null };
    expect(documentStatus(d, '2026-03-15')).toBe('Chưa có hiệu lực');
    expect(documentStatus(d, '2026-03-16')).toBe('Còn hiệu lực');
    expect(documentStatus(d, '2099-01-01')).toBe('Còn hiệu lực');
  });
  test("the editor's status wins over the dates", () => {
    expect(documentStatus({ ...base, status: 'Hết hiệu lực một phần' }, '2026-05-01')).toBe('Hết hiệu lực một phần');
    expect(documentStatus({ ...base, status: 'Hết hiệu lực toàn bộ' }, '2026-03-01')).toBe('Hết hiệu lực toàn bộ');
  });
});

describe('relationsBySlug', () => {
  test('shows each relation on both sides, with the reverse wording, and drops documents that are not published', () => {
    const old = doc('22/2021/QĐ-UBND', { abstract: 'Quy hoạch cũ' });
    const basis = doc('08/2025/NQ-HĐND', { abstract: 'Nghị quyết' });
    const current = doc('15/2026/QĐ-UBND', {
      abstract: 'Quy hoạch mới',
      related: [
        { kind: 'Thay thế', number: old.data.number, slug: old.data.slug },
        { kind: 'Căn cứ', number: basis.data.number, slug: basis.data.slug },
        { kind: 'Sửa đổi', number: '1/2020/QĐ-UBND', slug: 'khong-dang' },
      ],
    });
    const map = relationsBySlug([current, old, basis]);
    expect(map.get(current.data.slug)).toEqual([
      { label: 'Thay thế', number: '22/2021/QĐ-UBND', slug: old.data.slug, abstract: 'Quy hoạch cũ' },
      { label: 'Căn cứ', number: '08/2025/NQ-HĐND', slug: basis.data.slug, abstract: 'Nghị quyết' },
    ]);
    expect(map.get(old.data.slug)).toEqual([{ label: 'Bị thay thế bởi', number: '15/2026/QĐ-UBND', slug: current.data.slug, abstract: 'Quy hoạch mới' }]);
    expect(map.get(basis.data.slug)).toEqual([{ label: 'Là căn cứ ban hành', number: '15/2026/QĐ-UBND', slug: current.data.slug, abstract: 'Quy hoạch mới' }]);
    expect(map.has('khong-dang')).toBe(false);
  });
  test('amendments and supplements read "Được sửa đổi bởi", "Được bổ sung bởi" on the amended side', () => {
    const a = doc('12/2024/QĐ-UBND');
    const b = doc('09/2026/QĐ-UBND', { related: [{ kind: 'Sửa đổi', number: a.data.number, slug: a.data.slug }, { kind: 'Bổ sung', number: a.data.number, slug: a.data.slug }] });
    expect(relationsBySlug([b, a]).get(a.data.slug)!.map((r) => r.label)).toEqual(['Được sửa đổi bởi', 'Được bổ sung bởi']);
  });
});

describe('groupDocuments', () => {
  const kinds = [{ id: 'nq', data: { name: 'Nghị quyết', slug: 'nghi-quyet', order: 0 } }, { id: 'qd', data: { name: 'Quyết định', slug: 'quyet-dinh', order: 1 } }];
  const docs = [
    doc('3/2026/QĐ-UBND', { issuedOn: '2026-05-01', sector: { name: 'Xây dựng', slug: 'xay-dung' } }),
    doc('2/2025/NQ-HĐND', { issuedOn: '2025-05-01', kind: { name: 'Nghị quyết', slug: 'nghi-quyet' }, issuer: 'Hội đồng nhân dân xã Tân Hòa' }),
    doc('1/2024/QĐ-UBND', { issuedOn: '2024-05-01', effectiveUntil: '2025-01-01' }),
  ];
  const groups = groupDocuments(docs, kinds, [], '2026-06-01');
  const slugs = (key: keyof typeof groups.facets) => groups.facets[key].map((g) => [g.slug, g.items.map((d) => d.data.number)]);
  test('puts every document under its value of each filter, newest first, values in their order', () => {
    expect(slugs('loai')).toEqual([['nghi-quyet', ['2/2025/NQ-HĐND']], ['quyet-dinh', ['3/2026/QĐ-UBND', '1/2024/QĐ-UBND']]]);
    expect(slugs('nam')).toEqual([['2026', ['3/2026/QĐ-UBND']], ['2025', ['2/2025/NQ-HĐND']], ['2024', ['1/2024/QĐ-UBND']]]);
    expect(slugs('linh-vuc')).toEqual([['xay-dung', ['3/2026/QĐ-UBND']]]);
    expect(slugs('co-quan')).toEqual([['hoi-dong-nhan-dan-xa-tan-hoa', ['2/2025/NQ-HĐND']], ['uy-ban-nhan-dan-xa-tan-hoa', ['3/2026/QĐ-UBND', '1/2024/QĐ-UBND']]]);
    expect(slugs('tinh-trang')).toEqual([['con-hieu-luc', ['3/2026/QĐ-UBND', '2/2025/NQ-HĐND']], ['het-hieu-luc-toan-bo', ['1/2024/QĐ-UBND']]]);
  });
  test('the compact index finds by number, words with or without diacritics, đ as d, and every filter at once', () => {
    const all = [
      doc('15/2026/QĐ-UBND', { abstract: 'Phê duyệt điều chỉnh quy hoạch chung xây dựng xã Tân Hòa', issuedOn: '2026-03-16' }),
      doc('45/KH-UBND', { abstract: 'Kế hoạch chuyển đổi số năm 2026', kind: { name: 'Kế hoạch', slug: 'ke-hoach' }, issuedOn: '2026-01-22' }),
      doc('12/2024/QĐ-UBND', { abstract: 'Quy định quản lý chợ', issuedOn: '2024-05-06', status: 'Hết hiệu lực một phần' }),
    ];
    const g = groupDocuments(all, [], [], '2026-06-01');
    const index = buildDocumentIndex(all, g);
    const find = (filter: Record<string, string>) => filterIndex(index, filter).map((d) => d[1]);
    expect(find({ q: '15/2026' })).toEqual(['15/2026/QĐ-UBND']);
    expect(find({ q: 'qd-ubnd' })).toEqual(['15/2026/QĐ-UBND', '12/2024/QĐ-UBND']);
    expect(find({ q: 'QĐ-UBND' })).toEqual(['15/2026/QĐ-UBND', '12/2024/QĐ-UBND']);
    expect(find({ q: 'qd ubnd 2024' })).toEqual(['12/2024/QĐ-UBND']);
    expect(find({ q: 'quy hoach' })).toEqual(['15/2026/QĐ-UBND']);
    expect(find({ q: 'điều chỉnh' })).toEqual(['15/2026/QĐ-UBND']);
    expect(find({ q: 'dieu chinh' })).toEqual(['15/2026/QĐ-UBND']);
    expect(find({ q: 'chuyen doi so' })).toEqual(['45/KH-UBND']);
    expect(find({ q: 'khong co' })).toEqual([]);
    expect(find({ loai: 'ke-hoach' })).toEqual(['45/KH-UBND']);
    expect(find({ nam: '2026', loai: 'quyet-dinh' })).toEqual(['15/2026/QĐ-UBND']);
    expect(find({ 'tinh-trang': 'het-hieu-luc-mot-phan' })).toEqual(['12/2024/QĐ-UBND']);
    expect(find({ q: 'quy', nam: '2024' })).toEqual(['12/2024/QĐ-UBND']);
  });
  test('matches at the start of words: a number is not found inside a longer one, and a phrase comes before scattered words (review of issue 12)', () => {
    const all = [
      doc('1015/2026/QĐ-UBND', { abstract: 'Quyết định giao kế hoạch vốn năm 2026', issuedOn: '2026-09-01' }),
      doc('15/2026/QĐ-UBND', { abstract: 'Phê duyệt điều chỉnh quy hoạch chung xây dựng xã Tân Hòa', issuedOn: '2026-03-16' }),
      doc('7/2026/QÐ-UBND', { abstract: 'Ban hành quy chế (Ð viết theo bảng mã cũ)', issuedOn: '2026-02-01' }),
    ];
    const index = buildDocumentIndex(all, groupDocuments(all, [], [], '2026-06-01'));
    const find = (q: string) => filterIndex(index, { q }).map((d) => d[1]);
    expect(find('15/2026')).toEqual(['15/2026/QĐ-UBND']);
    expect(find('15-2026')).toEqual(['15/2026/QĐ-UBND']);
    expect(find('qd/ubnd 15')).toEqual(['15/2026/QĐ-UBND']);
    // "quy hoach" as a phrase first, then the newer document where "quy…" and "…hoạch" stand apart.
    expect(find('quy hoach')).toEqual(['15/2026/QĐ-UBND', '1015/2026/QĐ-UBND']);
    expect(find('7/2026/qd')).toEqual(['7/2026/QÐ-UBND']);
    expect(find('oach')).toEqual([]);
  });
});

describe('folding and labels', () => {
  test('fold removes tones and marks and maps đ to d', () => {
    expect(fold('15/2026/QĐ-UBND')).toBe('15/2026/qd-ubnd');
    expect(fold('Quy hoạch ĐÔ THỊ'.normalize('NFD'))).toBe('quy hoach do thi');
    expect(queryTerms('  "quy hoạch",  15/2026. ')).toEqual(['quy', 'hoach', '15/2026']);
  });
  test('file types come from the name, else the type; sizes from Strapi kilobytes', () => {
    expect(fileTypeLabel({ name: 'a.pdf', mime: 'application/pdf', url: '/uploads/a.pdf' })).toBe('PDF');
    expect(fileTypeLabel({ name: 'Kế hoạch.DOCX', mime: 'application/octet-stream', url: '/uploads/k.docx' })).toBe('DOCX');
    expect(fileTypeLabel({ name: 'bang-so-lieu', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', url: '/uploads/x' })).toBe('XLSX');
    expect(fileTypeLabel({ name: 'x', mime: 'application/x-unknown', url: '/uploads/x' })).toBe('Tệp');
    expect(fileSizeLabel(0.2)).toBe('1 KB');
    expect(fileSizeLabel(245.4)).toBe('245 KB');
    expect(fileSizeLabel(1228.8)).toBe('1,2 MB');
  });
  test('lists are paginated by DOCUMENT_PAGE_SIZE, an empty list still has a page', () => {
    expect(paginateDocuments([]).map((p) => p.items.length)).toEqual([0]);
    const pages = paginateDocuments(Array.from({ length: DOCUMENT_PAGE_SIZE * 2 + 1 }, (_, i) => i));
    expect(pages.map((p) => [p.page, p.pageCount, p.items.length])).toEqual([[1, 3, DOCUMENT_PAGE_SIZE], [2, 3, DOCUMENT_PAGE_SIZE], [3, 3, 1]]);
  });
});
