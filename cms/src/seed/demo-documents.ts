/**
 * Original demo documents (văn bản) of the fictional xã Tân Hòa, tỉnh Lam Giang: the standard
 * kinds and sectors, the demo's documents with their relations, and the makers of the generated
 * ones (`npm run seed -- --documents N`). Every number, name and sentence is invented for the demo.
 * Also a minimal Office Open XML writer (DOCX, XLSX) so one attachment of each kind exists
 * without a dependency.
 */
import { crc32 } from 'node:zlib';

/** The standard kinds, in their usual order (an agency adds its own in the CMS). */
export const DOCUMENT_KINDS = ['Nghị quyết', 'Quyết định', 'Chỉ thị', 'Kế hoạch', 'Báo cáo', 'Công văn', 'Thông báo', 'Tờ trình', 'Hướng dẫn', 'Chương trình'] as const;

/** The common sectors of a commune's documents. */
export const SECTORS = ['Đất đai', 'Xây dựng', 'Tư pháp – Hộ tịch', 'Giáo dục', 'Y tế', 'Nông nghiệp', 'Tài chính – Ngân sách', 'Văn hóa – Xã hội', 'Nội vụ', 'Chuyển đổi số'] as const;

export const UBND = 'Ủy ban nhân dân xã Tân Hòa';
export const HDND = 'Hội đồng nhân dân xã Tân Hòa';
export const PROVINCE = 'Ủy ban nhân dân tỉnh Lam Giang';
const CHAIR = 'Chủ tịch Lê Văn Phúc';
const VICE = 'Phó Chủ tịch Trần Thị Thu Hà';

export interface DemoAttachment {
  name: string;
  kind: 'pdf' | 'docx' | 'xlsx';
  heading: string;
  lines: string[];
}

export interface DemoDocument {
  number: string;
  kind: (typeof DOCUMENT_KINDS)[number];
  sector: (typeof SECTORS)[number];
  abstract: string;
  issuer: string;
  signer: string;
  issuedOn: string;
  /** YYYY-MM-DD, or 'future': 30 days after the seed's day (a document not yet in force). */
  effectiveFrom?: string | 'future';
  effectiveUntil?: string;
  validity?: 'Còn hiệu lực' | 'Chưa có hiệu lực' | 'Hết hiệu lực một phần' | 'Hết hiệu lực toàn bộ';
  files?: DemoAttachment[];
  /** What this document says of earlier ones of this list (they are created first). */
  related?: Array<{ kind: 'Thay thế' | 'Sửa đổi' | 'Bổ sung' | 'Căn cứ'; number: string }>;
  /** Left as a draft: never on the site. */
  draft?: boolean;
}

/** The demo's documents, oldest first so that every related document exists when it is named. */
export const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    number: '22/2021/QĐ-UBND',
    kind: 'Quyết định',
    sector: 'Xây dựng',
    abstract: 'Phê duyệt quy hoạch chung xây dựng xã Tân Hòa giai đoạn 2021 – 2030',
    issuer: UBND,
    signer: 'Chủ tịch Nguyễn Hữu Tài',
    issuedOn: '2021-08-12',
    effectiveFrom: '2021-08-12',
    effectiveUntil: '2026-03-16',
  },
  {
    number: '27/2025/QĐ-UBND',
    kind: 'Quyết định',
    sector: 'Đất đai',
    abstract: 'Ban hành Quy định hạn mức giao đất ở và hạn mức công nhận đất ở trên địa bàn tỉnh Lam Giang',
    issuer: PROVINCE,
    signer: 'Chủ tịch Phạm Quốc Bảo',
    issuedOn: '2025-07-18',
    effectiveFrom: '2025-08-01',
  },
  {
    number: '12/2024/QĐ-UBND',
    kind: 'Quyết định',
    sector: 'Tài chính – Ngân sách',
    abstract: 'Ban hành Quy định quản lý, khai thác chợ Tân Hòa',
    issuer: UBND,
    signer: CHAIR,
    issuedOn: '2024-05-06',
    effectiveFrom: '2024-05-20',
    validity: 'Hết hiệu lực một phần',
  },
  {
    number: '08/2025/NQ-HĐND',
    kind: 'Nghị quyết',
    sector: 'Xây dựng',
    abstract: 'Thông qua đồ án điều chỉnh quy hoạch chung xây dựng xã Tân Hòa đến năm 2035, tầm nhìn đến năm 2045',
    issuer: HDND,
    signer: 'Chủ tịch HĐND Đỗ Thị Minh Nguyệt',
    issuedOn: '2025-12-19',
    effectiveFrom: '2026-01-01',
  },
  {
    number: '15/2026/QĐ-UBND',
    kind: 'Quyết định',
    sector: 'Xây dựng',
    abstract: 'Phê duyệt điều chỉnh quy hoạch chung xây dựng xã Tân Hòa đến năm 2035, tầm nhìn đến năm 2045',
    issuer: UBND,
    signer: CHAIR,
    issuedOn: '2026-03-16',
    effectiveFrom: '2026-03-16',
    files: [
      {
        name: '15-2026-qd-ubnd-quy-hoach-chung-xa-tan-hoa.pdf',
        kind: 'pdf',
        heading: 'QUYẾT ĐỊNH SỐ 15/2026/QĐ-UBND',
        lines: [
          'Về việc phê duyệt điều chỉnh quy hoạch chung xây dựng xã Tân Hòa đến năm 2035, tầm nhìn đến năm 2045.',
          'Điều 1. Phê duyệt điều chỉnh quy hoạch chung xây dựng xã Tân Hòa với phạm vi toàn bộ địa giới hành chính xã, diện tích tự nhiên khoảng 3.215 ha.',
          'Điều 2. Quyết định này thay thế Quyết định số 22/2021/QĐ-UBND và có hiệu lực kể từ ngày ký.',
          'Điều 3. Văn phòng HĐND và UBND xã, công chức Địa chính – Xây dựng và các thôn chịu trách nhiệm thi hành.',
        ],
      },
    ],
    related: [
      { kind: 'Căn cứ', number: '08/2025/NQ-HĐND' },
      { kind: 'Thay thế', number: '22/2021/QĐ-UBND' },
    ],
  },
  {
    number: '09/2026/QĐ-UBND',
    kind: 'Quyết định',
    sector: 'Tài chính – Ngân sách',
    abstract: 'Sửa đổi, bổ sung một số điều của Quy định quản lý, khai thác chợ Tân Hòa ban hành kèm theo Quyết định số 12/2024/QĐ-UBND',
    issuer: UBND,
    signer: VICE,
    issuedOn: '2026-02-09',
    effectiveFrom: '2026-02-20',
    related: [{ kind: 'Sửa đổi', number: '12/2024/QĐ-UBND' }],
  },
  {
    number: '45/KH-UBND',
    kind: 'Kế hoạch',
    sector: 'Chuyển đổi số',
    abstract: 'Kế hoạch chuyển đổi số xã Tân Hòa năm 2026',
    issuer: UBND,
    signer: VICE,
    issuedOn: '2026-01-22',
    files: [
      {
        name: '45-kh-ubnd-chuyen-doi-so-2026.docx',
        kind: 'docx',
        heading: 'KẾ HOẠCH CHUYỂN ĐỔI SỐ XÃ TÂN HÒA NĂM 2026',
        lines: [
          'Mục tiêu: 90% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến; 100% thôn có điểm truy cập Internet công cộng.',
          'Nhiệm vụ: số hóa hồ sơ hộ tịch từ năm 2000; hướng dẫn người dân dùng tài khoản định danh điện tử; cập nhật cổng thông tin điện tử xã hằng tuần.',
          'Tổ chức thực hiện: công chức Văn phòng – Thống kê chủ trì, các thôn phối hợp.',
        ],
      },
    ],
  },
  {
    number: '05/KH-UBND',
    kind: 'Kế hoạch',
    sector: 'Y tế',
    abstract: 'Kế hoạch tiêm chủng mở rộng và phòng, chống dịch bệnh trên địa bàn xã năm 2026',
    issuer: UBND,
    signer: VICE,
    issuedOn: '2026-01-08',
  },
  {
    number: '03/CT-UBND',
    kind: 'Chỉ thị',
    sector: 'Nông nghiệp',
    abstract: 'Về tăng cường công tác phòng, chống bệnh dịch ở gia súc, gia cầm trong vụ đông xuân 2026 – 2027',
    issuer: UBND,
    signer: CHAIR,
    issuedOn: '2026-10-05',
  },
  {
    number: '20/2026/QĐ-UBND',
    kind: 'Quyết định',
    sector: 'Tư pháp – Hộ tịch',
    abstract: 'Ban hành Quy chế phối hợp đăng ký, quản lý hộ tịch giữa Ủy ban nhân dân xã và các thôn trên địa bàn xã Tân Hòa',
    issuer: UBND,
    signer: CHAIR,
    issuedOn: '2026-11-20',
    effectiveFrom: 'future',
  },
  {
    number: '61/KH-UBND',
    kind: 'Kế hoạch',
    sector: 'Đất đai',
    abstract: 'Kế hoạch rà soát hạn mức giao đất ở và cấp giấy chứng nhận quyền sử dụng đất lần đầu trên địa bàn xã năm 2026',
    issuer: UBND,
    signer: VICE,
    issuedOn: '2026-04-14',
    related: [{ kind: 'Căn cứ', number: '27/2025/QĐ-UBND' }],
  },
  {
    number: '112/BC-UBND',
    kind: 'Báo cáo',
    sector: 'Tài chính – Ngân sách',
    abstract: 'Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế – xã hội 9 tháng đầu năm, phương hướng nhiệm vụ 3 tháng cuối năm 2026',
    issuer: UBND,
    signer: CHAIR,
    issuedOn: '2026-09-28',
    files: [
      {
        name: '112-bc-ubnd-so-lieu-9-thang-2026.xlsx',
        kind: 'xlsx',
        heading: 'Số liệu kinh tế – xã hội 9 tháng đầu năm 2026',
        lines: ['Chỉ tiêu;Đơn vị;Kế hoạch năm;Thực hiện 9 tháng', 'Tổng sản lượng lương thực;tấn;9.800;7.420', 'Thu ngân sách trên địa bàn;triệu đồng;6.500;5.138', 'Hồ sơ trực tuyến;%;90;86'],
      },
    ],
  },
  {
    number: '256/UBND-VP',
    kind: 'Công văn',
    sector: 'Tài chính – Ngân sách',
    abstract: 'Về việc đôn đốc nộp thuế sử dụng đất phi nông nghiệp năm 2026',
    issuer: UBND,
    signer: VICE,
    issuedOn: '2026-10-19',
  },
  {
    number: '78/TB-UBND',
    kind: 'Thông báo',
    sector: 'Giáo dục',
    abstract: 'Kết luận của Chủ tịch Ủy ban nhân dân xã tại buổi làm việc với các trường học về chuẩn bị năm học mới',
    issuer: UBND,
    signer: 'TL. Chủ tịch, Chánh Văn phòng Hoàng Minh Đức',
    issuedOn: '2026-08-21',
  },
  {
    number: '31/TTr-UBND',
    kind: 'Tờ trình',
    sector: 'Tài chính – Ngân sách',
    abstract: 'Đề nghị Hội đồng nhân dân xã phê chuẩn dự toán thu, chi ngân sách xã năm 2027',
    issuer: UBND,
    signer: CHAIR,
    issuedOn: '2026-11-16',
  },
  {
    number: '21/2026/QĐ-UBND',
    kind: 'Quyết định',
    sector: 'Văn hóa – Xã hội',
    abstract: 'Dự thảo Quy định về nếp sống văn minh trong việc cưới, việc tang trên địa bàn xã (đang lấy ý kiến)',
    issuer: UBND,
    signer: CHAIR,
    issuedOn: '2026-11-25',
    draft: true,
  },
];

/** Published documents of the demo. */
export const DEMO_PUBLISHED = DEMO_DOCUMENTS.filter((d) => !d.draft).length;

/** Kind → the code in a document's number. */
export const KIND_CODES: Record<(typeof DOCUMENT_KINDS)[number], string> = {
  'Nghị quyết': 'NQ',
  'Quyết định': 'QĐ',
  'Chỉ thị': 'CT',
  'Kế hoạch': 'KH',
  'Báo cáo': 'BC',
  'Công văn': 'CV',
  'Thông báo': 'TB',
  'Tờ trình': 'TTr',
  'Hướng dẫn': 'HD',
  'Chương trình': 'CTr',
};

const ACTIONS = ['Về việc triển khai', 'Về việc tăng cường', 'Ban hành quy định về', 'Về việc kiện toàn', 'Về việc tổ chức thực hiện', 'Phê duyệt kế hoạch', 'Về kết quả thực hiện', 'Hướng dẫn thực hiện'];
const TOPICS = [
  'công tác quản lý đất đai và cấp giấy chứng nhận quyền sử dụng đất',
  'trật tự xây dựng tại các khu dân cư',
  'đăng ký khai sinh, khai tử trực tuyến',
  'phổ cập giáo dục mầm non cho trẻ năm tuổi',
  'phòng, chống sốt xuất huyết',
  'chuyển đổi cơ cấu cây trồng vụ hè thu',
  'thu, chi ngân sách và quản lý tài sản công',
  'xây dựng đời sống văn hóa ở khu dân cư',
  'cải cách hành chính và kỷ cương công vụ',
  'ứng dụng công nghệ thông tin trong hoạt động của cơ quan',
  'nạo vét kênh mương nội đồng',
  'bảo vệ môi trường và thu gom rác thải',
];

/** A generated document (for benchmarks), varied and deterministic by `serial`. */
export function generatedDocument(serial: number, today: Date): Omit<DemoDocument, 'files' | 'related'> {
  const kind = DOCUMENT_KINDS[serial % DOCUMENT_KINDS.length]!;
  const sector = SECTORS[(serial * 7) % SECTORS.length]!;
  // Spread over the years before today: about four documents a day.
  const issued = new Date(today.getTime() - (serial / 4 + 1) * 24 * 3600_000).toISOString().slice(0, 10);
  const year = issued.slice(0, 4);
  const withYear = kind === 'Nghị quyết' || kind === 'Quyết định' || kind === 'Chỉ thị';
  const issuer = kind === 'Nghị quyết' ? HDND : serial % 13 === 0 ? PROVINCE : UBND;
  const code = `${KIND_CODES[kind]}-${kind === 'Nghị quyết' ? 'HĐND' : 'UBND'}`;
  // Demo numbers are all below 1000: generated ones start there, so they never clash.
  const number = withYear ? `${1000 + serial}/${year}/${code}` : `${1000 + serial}/${code}`;
  const expired = serial % 17 === 0;
  return {
    number,
    kind,
    sector,
    abstract: `${ACTIONS[serial % ACTIONS.length]} ${TOPICS[(serial * 5) % TOPICS.length]} năm ${year} (văn bản mẫu số ${serial})`,
    issuer,
    signer: serial % 2 === 0 ? CHAIR : VICE,
    issuedOn: issued,
    effectiveFrom: issued,
    ...(expired ? { effectiveUntil: new Date(Date.parse(issued) + 365 * 24 * 3600_000).toISOString().slice(0, 10) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// A minimal ZIP (stored, no compression) and the smallest valid DOCX and XLSX made with it.

function zip(files: Array<{ name: string; data: string }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const data = Buffer.from(file.data, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** A Word document (DOCX) with a bold heading and one paragraph per line. */
export function documentDocx(agency: string, heading: string, lines: string[]): Buffer {
  const para = (text: string, bold = false) => `<w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;
  const body = [para(agency.toUpperCase(), true), para(heading, true), ...lines.map((l) => para(l)), para('Tài liệu mẫu của bản trình diễn Cổng.')].join('');
  return zip([
    {
      name: '[Content_Types].xml',
      data: `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    { name: 'word/document.xml', data: `${HEAD}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>` },
  ]);
}

/** A spreadsheet (XLSX) of one sheet: each line is a row, its cells separated by ";". */
export function documentXlsx(heading: string, lines: string[]): Buffer {
  const rows = [heading, ...lines].map((line, r) => `<row r="${r + 1}">${line.split(';').map((cell) => `<c t="inlineStr"><is><t>${xml(cell)}</t></is></c>`).join('')}</row>`).join('');
  return zip([
    {
      name: '[Content_Types].xml',
      data: `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `${HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: `${HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>` },
  ]);
}

export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
