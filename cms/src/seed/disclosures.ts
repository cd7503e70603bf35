/**
 * Demo disclosures (Công khai minh bạch) of xã Tân Hòa over the last two years: budget estimate,
 * final accounts, execution reports, public investment, procurement, plans, planning, statistics.
 * Dates count back from the seed's `now`; the latest budget execution report is
 * EXECUTION_REPORT_AGE days old, so the compliance report shows that item overdue (more than a
 * quarter and a month), and no "Báo cáo tài chính" is published, so it shows that one missing.
 * Idempotent: an item is looked up by its slug.
 */
import type { Core } from '@strapi/strapi';
import { createSlug, type DisclosureKind } from '@cong/content-types';
import type { SeedCounts } from './index';
import { AGENCY } from './demo-content';
import { documentPdf } from './demo-media';
import { DAY, ensureFile, findBy } from './store';

const UID = 'api::disclosure.disclosure';

/** Age in days of the newest "Báo cáo thực hiện ngân sách": beyond its 122 days, so overdue. */
export const EXECUTION_REPORT_AGE = 140;

export interface DemoDisclosure {
  title: (year: number) => string;
  kind: DisclosureKind;
  /** Year of the figures, counted from the current budget year (0) backwards. */
  yearOffset: number;
  period?: string;
  /** Days before the seed's `now` the disclosure was signed. */
  age: number;
  summary: string;
  body: string;
  /** A generated PDF attached to it: its heading and lines. */
  pdf?: { heading: string; lines: string[] };
}

export const DEMO_DISCLOSURES: DemoDisclosure[] = [
  {
    title: (y) => `Công khai dự toán ngân sách xã năm ${y}`,
    kind: 'Dự toán ngân sách',
    yearOffset: 0,
    period: 'Cả năm',
    age: 320,
    summary: 'Dự toán thu, chi ngân sách xã Tân Hòa được Hội đồng nhân dân xã quyết định tại kỳ họp cuối năm, kèm các biểu mẫu công khai.',
    body: `Ủy ban nhân dân xã Tân Hòa công khai dự toán ngân sách năm theo Nghị quyết của Hội đồng nhân dân xã.

## Tổng quan

- Tổng thu ngân sách trên địa bàn: **18.450 triệu đồng**, trong đó thu bổ sung từ ngân sách cấp tỉnh 12.300 triệu đồng.
- Tổng chi ngân sách xã: **18.120 triệu đồng**, trong đó chi đầu tư phát triển 4.600 triệu đồng, chi thường xuyên 13.150 triệu đồng, dự phòng 370 triệu đồng.

Các biểu chi tiết (thu theo sắc thuế, chi theo lĩnh vực) kèm theo trong tệp đính kèm.`,
    pdf: { heading: 'CÔNG KHAI DỰ TOÁN NGÂN SÁCH XÃ', lines: ['Biểu số 01: Cân đối ngân sách xã.', 'Biểu số 02: Dự toán thu ngân sách xã theo nội dung.', 'Biểu số 03: Dự toán chi ngân sách xã theo lĩnh vực.'] },
  },
  {
    title: (y) => `Công khai dự toán ngân sách xã năm ${y}`,
    kind: 'Dự toán ngân sách',
    yearOffset: -1,
    period: 'Cả năm',
    age: 690,
    summary: 'Dự toán thu, chi ngân sách xã năm trước được Hội đồng nhân dân xã quyết định.',
    body: 'Tổng thu ngân sách trên địa bàn 16.980 triệu đồng; tổng chi ngân sách xã 16.760 triệu đồng. Chi tiết theo các biểu đính kèm quyết định công khai.',
  },
  {
    title: (y) => `Công khai quyết toán ngân sách xã năm ${y}`,
    kind: 'Quyết toán ngân sách',
    yearOffset: -1,
    period: 'Cả năm',
    age: 160,
    summary: 'Quyết toán thu, chi ngân sách xã đã được Hội đồng nhân dân xã phê chuẩn.',
    body: `Hội đồng nhân dân xã Tân Hòa đã phê chuẩn quyết toán ngân sách năm trước.

| Nội dung | Dự toán (triệu đồng) | Quyết toán (triệu đồng) |
|---|---:|---:|
| Tổng thu ngân sách xã | 16.980 | 17.645 |
| Tổng chi ngân sách xã | 16.760 | 16.912 |

Kết dư ngân sách được chuyển sang năm sau theo quy định.`,
    pdf: { heading: 'CÔNG KHAI QUYẾT TOÁN NGÂN SÁCH XÃ', lines: ['Biểu số 01: Quyết toán cân đối ngân sách xã.', 'Biểu số 02: Quyết toán thu, chi ngân sách xã theo nội dung.'] },
  },
  {
    title: (y) => `Báo cáo tình hình thực hiện ngân sách xã 6 tháng đầu năm ${y}`,
    kind: 'Báo cáo thực hiện ngân sách',
    yearOffset: 0,
    period: 'Sáu tháng đầu năm',
    age: EXECUTION_REPORT_AGE,
    summary: 'Thu ngân sách 6 tháng đạt 54% dự toán năm; chi ngân sách đạt 47% dự toán, bảo đảm các nhiệm vụ chi thường xuyên.',
    body: 'Sáu tháng đầu năm, thu ngân sách trên địa bàn đạt 9.960 triệu đồng, bằng 54% dự toán; chi ngân sách xã 8.520 triệu đồng, bằng 47% dự toán. Một số khoản thu từ đất chưa đạt tiến độ do thị trường trầm lắng.',
    pdf: { heading: 'BÁO CÁO THỰC HIỆN NGÂN SÁCH XÃ 6 THÁNG', lines: ['Biểu số 01: Thực hiện thu ngân sách 6 tháng.', 'Biểu số 02: Thực hiện chi ngân sách 6 tháng.'] },
  },
  {
    title: (y) => `Báo cáo tình hình thực hiện ngân sách xã quý I năm ${y}`,
    kind: 'Báo cáo thực hiện ngân sách',
    yearOffset: 0,
    period: 'Quý I',
    age: 230,
    summary: 'Thu ngân sách quý I đạt 26% dự toán năm; chi ngân sách đạt 21% dự toán.',
    body: 'Quý I, thu ngân sách trên địa bàn đạt 4.790 triệu đồng; chi ngân sách xã 3.810 triệu đồng, tập trung cho chi thường xuyên và các hoạt động dịp Tết Nguyên đán.',
  },
  {
    title: (y) => `Báo cáo tình hình thực hiện ngân sách xã năm ${y}`,
    kind: 'Báo cáo thực hiện ngân sách',
    yearOffset: -1,
    period: 'Cả năm',
    age: 310,
    summary: 'Ước thực hiện thu, chi ngân sách xã cả năm trước, trình Hội đồng nhân dân xã tại kỳ họp cuối năm.',
    body: 'Ước thực hiện thu ngân sách cả năm đạt 104% dự toán; chi ngân sách đạt 101% dự toán. Các nhiệm vụ chi an sinh xã hội được bảo đảm đầy đủ, kịp thời.',
  },
  {
    title: (y) => `Kế hoạch đầu tư công năm ${y} của xã Tân Hòa`,
    kind: 'Đầu tư công',
    yearOffset: 0,
    period: 'Cả năm',
    age: 300,
    summary: 'Danh mục 4 dự án đầu tư công do xã làm chủ đầu tư: đường giao thông thôn Bãi Sậy – Gò Mít, nhà văn hóa thôn Đồng Lạc, kênh tiêu xứ Đồng Sâu, sân thể thao trung tâm.',
    body: `| Dự án | Tổng mức đầu tư (triệu đồng) | Thời gian thực hiện |
|---|---:|---|
| Đường giao thông nông thôn thôn Bãi Sậy – thôn Gò Mít | 2.150 | Quý II – quý IV |
| Nhà văn hóa thôn Đồng Lạc | 1.280 | Quý I – quý III |
| Kênh tiêu xứ đồng Đồng Sâu | 760 | Quý I – quý II |
| Sân thể thao trung tâm xã | 410 | Quý III – quý IV |`,
    pdf: { heading: 'KẾ HOẠCH ĐẦU TƯ CÔNG NĂM', lines: ['Danh mục dự án, tổng mức đầu tư, nguồn vốn và thời gian thực hiện.'] },
  },
  {
    title: (y) => `Công khai kết quả lựa chọn nhà thầu mua sắm thiết bị Bộ phận Một cửa năm ${y}`,
    kind: 'Mua sắm công',
    yearOffset: 0,
    age: 200,
    summary: 'Kết quả chào hàng cạnh tranh gói thầu mua sắm máy tính, máy quét và hệ thống xếp hàng tự động cho Bộ phận Một cửa.',
    body: 'Gói thầu gồm 6 máy tính để bàn, 2 máy quét tài liệu và 1 hệ thống xếp hàng tự động; giá trúng thầu 318 triệu đồng, thời gian thực hiện hợp đồng 45 ngày.',
  },
  {
    title: (y) => `Kế hoạch phát triển kinh tế – xã hội xã Tân Hòa năm ${y}`,
    kind: 'Kế hoạch',
    yearOffset: 0,
    period: 'Cả năm',
    age: 330,
    summary: 'Các chỉ tiêu chủ yếu: tổng giá trị sản xuất tăng 8%, thu nhập bình quân đầu người 62 triệu đồng, tỷ lệ hộ nghèo giảm còn 1,8%.',
    body: `## Chỉ tiêu chủ yếu

1. Tổng giá trị sản xuất tăng 8% so với năm trước.
2. Thu nhập bình quân đầu người đạt 62 triệu đồng.
3. Tỷ lệ hộ nghèo giảm còn 1,8%.
4. 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.`,
  },
  {
    title: () => 'Công bố quy hoạch chung xã Tân Hòa đến năm 2035',
    kind: 'Quy hoạch',
    yearOffset: -1,
    age: 420,
    summary: 'Quy hoạch chung xã Tân Hòa đến năm 2035 được Ủy ban nhân dân tỉnh Lam Giang phê duyệt: khu trung tâm, khu dân cư mới và vùng sản xuất nông nghiệp.',
    body: 'Quy hoạch xác định khu trung tâm hành chính tại thôn Trung Hòa, hai khu dân cư mới dọc đường tỉnh, vùng lúa chất lượng cao ở các xứ đồng phía đông và vùng cây ăn quả ở thôn Gò Mít. Bản vẽ quy hoạch được niêm yết tại trụ sở Ủy ban nhân dân xã.',
    pdf: { heading: 'CÔNG BỐ QUY HOẠCH CHUNG XÃ', lines: ['Thuyết minh tóm tắt quy hoạch chung xã Tân Hòa đến năm 2035.'] },
  },
  {
    title: (y) => `Chương trình chuyển đổi số xã Tân Hòa giai đoạn ${y}–${y + 4}`,
    kind: 'Chiến lược, chương trình',
    yearOffset: 0,
    age: 180,
    summary: 'Mục tiêu đến cuối giai đoạn: 90% hộ gia đình dùng thanh toán không dùng tiền mặt, mỗi thôn một tổ công nghệ số cộng đồng hoạt động thường xuyên.',
    body: 'Chương trình gồm ba nhóm nhiệm vụ: chính quyền số (hồ sơ điện tử, Cổng thông tin), kinh tế số (đưa nông sản lên sàn thương mại điện tử) và xã hội số (kỹ năng số cho người dân).',
  },
  {
    title: (y) => `Số liệu thống kê dân số, lao động xã Tân Hòa năm ${y}`,
    kind: 'Thống kê',
    yearOffset: -1,
    period: 'Cả năm',
    age: 250,
    summary: 'Dân số trung bình 11.842 người, 3.126 hộ; lao động trong độ tuổi 7.014 người, trong đó 58% làm việc ngoài nông nghiệp.',
    body: `| Chỉ tiêu | Đơn vị | Số liệu |
|---|---|---:|
| Dân số trung bình | người | 11.842 |
| Số hộ | hộ | 3.126 |
| Lao động trong độ tuổi | người | 7.014 |
| Tỷ lệ lao động phi nông nghiệp | % | 58 |`,
  },
];

/** The budget year of the demo: the year of the newest execution report (in Viet Nam). */
export function demoBudgetYear(now: Date): number {
  return new Date(now.getTime() - EXECUTION_REPORT_AGE * DAY + 7 * 3_600_000).getUTCFullYear();
}

/** The demo's disclosures as the seed writes them (title, slug, year, day) for `now`. */
export function demoDisclosures(now: Date) {
  const year = demoBudgetYear(now);
  return DEMO_DISCLOSURES.map((d) => {
    const title = d.title(year + d.yearOffset);
    const publishedOn = new Date(now.getTime() - d.age * DAY + 7 * 3_600_000).toISOString().slice(0, 10);
    return { ...d, title, slug: createSlug(title), year: year + d.yearOffset, publishedOn };
  });
}

/** The demo's disclosures, each created (published) when its slug is missing. */
export async function seedDisclosures(strapi: Core.Strapi, now: Date, created: SeedCounts): Promise<void> {
  for (const d of demoDisclosures(now)) {
    if (await findBy(strapi, UID, { slug: d.slug })) continue;
    const files: number[] = [];
    if (d.pdf) {
      const pdf = d.pdf;
      const { file, created: isNew } = await ensureFile(strapi, `${d.slug}.pdf`, 'application/pdf', () => documentPdf(AGENCY.agencyName, pdf.heading, pdf.lines), d.title);
      files.push(file.id);
      if (isNew) created.media += 1;
    }
    await strapi.documents(UID).create({
      data: { title: d.title, slug: d.slug, kind: d.kind, year: d.year, period: d.period ?? null, publishedOn: d.publishedOn, summary: d.summary, body: d.body, files } as never,
      status: 'published',
    });
    created.disclosures += 1;
  }
}
