/**
 * Demo procedures (Thủ tục hành chính) of xã Tân Hòa across the demo's sectors, and the monthly
 * dossier figures (Tình hình giải quyết hồ sơ) from January of last year to the month before the
 * seed's "today" (one month with nothing received, to show the "—" rate). The codes are invented
 * ("1.00xxxx"), the service addresses fictional. Idempotent: a procedure is looked up by its code,
 * a month by its first day.
 */
import type { Core } from '@strapi/strapi';
import { findBy } from './store';
import type { SeedCounts } from './index';

const PROCEDURE = 'api::procedure.procedure';
const DOSSIER = 'api::dossier-report.dossier-report';
const SECTOR = 'api::sector.sector';
const AGENCY = 'Ủy ban nhân dân xã Tân Hòa';
const SERVICE = 'https://dichvucong.lamgiang.gov.vn/thu-tuc/';

type Level = 'Toàn trình' | 'Một phần' | 'Cung cấp thông tin';

/** [code, name, sector, level, duration, fee] */
type DemoProcedure = [string, string, string, Level, string, string];

export const DEMO_PROCEDURES: DemoProcedure[] = [
  ['1.004101', 'Đăng ký khai sinh', 'Tư pháp – Hộ tịch', 'Toàn trình', 'Ngay trong ngày làm việc', 'Miễn lệ phí'],
  ['1.004102', 'Đăng ký kết hôn', 'Tư pháp – Hộ tịch', 'Một phần', 'Ngay trong ngày làm việc', 'Miễn lệ phí'],
  ['1.004103', 'Đăng ký khai tử', 'Tư pháp – Hộ tịch', 'Toàn trình', 'Ngay trong ngày làm việc', 'Miễn lệ phí'],
  ['1.004104', 'Đăng ký nhận cha, mẹ, con', 'Tư pháp – Hộ tịch', 'Một phần', '03 ngày làm việc', '15.000 đồng'],
  ['1.004105', 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Tư pháp – Hộ tịch', 'Toàn trình', '03 ngày làm việc', '15.000 đồng'],
  ['1.004106', 'Cấp bản sao trích lục hộ tịch', 'Tư pháp – Hộ tịch', 'Toàn trình', 'Ngay trong ngày làm việc', '8.000 đồng/bản'],
  ['1.004107', 'Cấp giấy xác nhận tình trạng hôn nhân', 'Tư pháp – Hộ tịch', 'Toàn trình', '03 ngày làm việc', '15.000 đồng'],
  ['1.004108', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', 'Tư pháp – Hộ tịch', 'Một phần', 'Ngay trong ngày làm việc', '2.000 đồng/trang'],
  ['1.004109', 'Chứng thực chữ ký trong giấy tờ, văn bản', 'Tư pháp – Hộ tịch', 'Cung cấp thông tin', 'Ngay trong ngày làm việc', '10.000 đồng/trường hợp'],
  ['1.004110', 'Đăng ký giám hộ', 'Tư pháp – Hộ tịch', 'Một phần', '03 ngày làm việc', 'Miễn lệ phí'],
  ['1.004201', 'Hòa giải tranh chấp đất đai', 'Đất đai', 'Cung cấp thông tin', '30 ngày', 'Không'],
  ['1.004202', 'Xác nhận nguồn gốc, thời điểm sử dụng đất', 'Đất đai', 'Một phần', '10 ngày làm việc', 'Không'],
  ['1.004203', 'Xác nhận hợp đồng thuê đất nông nghiệp công ích', 'Đất đai', 'Một phần', '05 ngày làm việc', 'Không'],
  ['1.004204', 'Tiếp nhận hồ sơ đăng ký biến động đất đai', 'Đất đai', 'Một phần', '03 ngày làm việc', 'Theo quy định của tỉnh'],
  ['1.004301', 'Cấp giấy phép xây dựng nhà ở riêng lẻ', 'Xây dựng', 'Toàn trình', '15 ngày', '75.000 đồng'],
  ['1.004302', 'Gia hạn giấy phép xây dựng nhà ở riêng lẻ', 'Xây dựng', 'Toàn trình', '05 ngày làm việc', '15.000 đồng'],
  ['1.004303', 'Cấp giấy phép sửa chữa, cải tạo nhà ở', 'Xây dựng', 'Một phần', '15 ngày', '75.000 đồng'],
  ['1.004304', 'Thông báo khởi công xây dựng công trình', 'Xây dựng', 'Cung cấp thông tin', 'Không quy định', 'Không'],
  ['1.004401', 'Xét tuyển học sinh vào lớp 1', 'Giáo dục', 'Toàn trình', 'Theo kế hoạch tuyển sinh', 'Không'],
  ['1.004402', 'Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động', 'Giáo dục', 'Một phần', '20 ngày làm việc', 'Không'],
  ['1.004403', 'Hỗ trợ chi phí học tập cho học sinh có hoàn cảnh khó khăn', 'Giáo dục', 'Một phần', '10 ngày làm việc', 'Không'],
  ['1.004501', 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', 'Y tế', 'Toàn trình', '05 ngày làm việc', 'Không'],
  ['1.004502', 'Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình', 'Y tế', 'Một phần', '07 ngày làm việc', 'Không'],
  ['1.004503', 'Công nhận tổ chăm sóc sức khỏe cộng đồng', 'Y tế', 'Cung cấp thông tin', '15 ngày', 'Không'],
  ['1.004601', 'Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai', 'Nông nghiệp', 'Một phần', '10 ngày làm việc', 'Không'],
  ['1.004602', 'Xác nhận bảng kê lâm sản', 'Nông nghiệp', 'Cung cấp thông tin', '03 ngày làm việc', 'Không'],
  ['1.004603', 'Đăng ký kinh tế trang trại', 'Nông nghiệp', 'Toàn trình', '05 ngày làm việc', 'Không'],
  ['1.004604', 'Hỗ trợ giống cây trồng sau dịch bệnh', 'Nông nghiệp', 'Một phần', '10 ngày làm việc', 'Không'],
  ['1.004701', 'Thanh toán chi phí hỗ trợ từ ngân sách xã', 'Tài chính – Ngân sách', 'Cung cấp thông tin', '05 ngày làm việc', 'Không'],
  ['1.004702', 'Đăng ký hộ kinh doanh', 'Tài chính – Ngân sách', 'Toàn trình', '03 ngày làm việc', '100.000 đồng'],
  ['1.004703', 'Thay đổi nội dung đăng ký hộ kinh doanh', 'Tài chính – Ngân sách', 'Toàn trình', '03 ngày làm việc', '50.000 đồng'],
  ['1.004801', 'Trợ cấp xã hội hằng tháng cho người cao tuổi', 'Văn hóa – Xã hội', 'Toàn trình', '15 ngày làm việc', 'Không'],
  ['1.004802', 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', 'Văn hóa – Xã hội', 'Một phần', '05 ngày làm việc', 'Không'],
  ['1.004803', 'Xác định, xác định lại mức độ khuyết tật', 'Văn hóa – Xã hội', 'Một phần', '30 ngày', 'Không'],
  ['1.004804', 'Đăng ký tổ chức lễ hội cấp xã', 'Văn hóa – Xã hội', 'Cung cấp thông tin', '15 ngày', 'Không'],
  ['1.004805', 'Công nhận gia đình văn hóa', 'Văn hóa – Xã hội', 'Cung cấp thông tin', 'Theo đợt xét', 'Không'],
  ['1.004901', 'Công nhận tổ hợp tác', 'Nội vụ', 'Một phần', '05 ngày làm việc', 'Không'],
  ['1.004902', 'Tặng giấy khen của Chủ tịch UBND xã', 'Nội vụ', 'Cung cấp thông tin', '20 ngày làm việc', 'Không'],
  ['1.004903', 'Thông báo tổ chức quyên góp trong địa bàn xã', 'Nội vụ', 'Cung cấp thông tin', '05 ngày làm việc', 'Không'],
  ['1.005001', 'Đăng ký tài khoản định danh điện tử mức độ 2 tại xã', 'Chuyển đổi số', 'Cung cấp thông tin', 'Ngay trong ngày làm việc', 'Không'],
  ['1.005002', 'Cấp bản sao điện tử từ sổ gốc', 'Chuyển đổi số', 'Toàn trình', 'Ngay trong ngày làm việc', '3.000 đồng/trang'],
];

/** The procedure's page text: how to file, what to bring, where, for the demo. */
function demoBody([code, name, , level, duration]: DemoProcedure): string {
  const online = level === 'Cung cấp thông tin'
    ? 'Thủ tục này nộp trực tiếp tại Bộ phận Một cửa UBND xã Tân Hòa hoặc qua dịch vụ bưu chính.'
    : level === 'Toàn trình'
      ? 'Người dân có thể nộp hồ sơ, nộp phí và nhận kết quả hoàn toàn trực tuyến.'
      : 'Người dân nộp hồ sơ trực tuyến, nhận kết quả tại Bộ phận Một cửa UBND xã Tân Hòa.';
  return [
    `Thủ tục **${name}** (mã ${code}) do UBND xã Tân Hòa giải quyết. ${online}`,
    '',
    '## Trình tự thực hiện',
    '',
    '1. Người yêu cầu chuẩn bị hồ sơ theo thành phần dưới đây.',
    '2. Nộp hồ sơ tại Bộ phận Một cửa (sáng thứ Hai đến sáng thứ Bảy) hoặc trên Cổng Dịch vụ công.',
    '3. Công chức tiếp nhận kiểm tra hồ sơ; hồ sơ chưa đủ được hướng dẫn bổ sung một lần bằng văn bản.',
    `4. Nhận kết quả trong thời hạn: ${duration.toLowerCase()}.`,
    '',
    '## Thành phần hồ sơ',
    '',
    '- Tờ khai hoặc đơn đề nghị theo mẫu (có tại Bộ phận Một cửa và trên Cổng Dịch vụ công).',
    '- Giấy tờ tùy thân của người nộp (căn cước hoặc tài khoản định danh điện tử).',
    '- Giấy tờ chứng minh nội dung đề nghị, nếu có.',
    '',
    'Số lượng hồ sơ: 01 bộ.',
  ].join('\n');
}

/** Today in Viet Nam (UTC+7, no daylight saving) as YYYY-MM-DD. */
const vietnamDay = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The demo's procedures, in the sectors the documents' step created (by name). */
export async function seedProcedures(strapi: Core.Strapi, created: SeedCounts): Promise<void> {
  const sectors = new Map<string, string>();
  for (const [, , sector] of DEMO_PROCEDURES) {
    if (sectors.has(sector)) continue;
    const row = await findBy(strapi, SECTOR, { name: sector });
    if (row) sectors.set(sector, row.documentId);
  }
  for (const p of DEMO_PROCEDURES) {
    const [code, name, sector, onlineLevel, duration, fee] = p;
    if (await findBy(strapi, PROCEDURE, { code })) continue;
    await strapi.documents(PROCEDURE).create({
      data: {
        code, name, sector: sectors.get(sector) ?? null, agency: AGENCY, onlineLevel, duration, fee,
        // A procedure handled only on paper has no online address.
        serviceUrl: onlineLevel === 'Cung cấp thông tin' ? null : `${SERVICE}${code}`,
        body: demoBody(p),
      } as never,
      status: 'published',
    });
    created.procedures += 1;
  }
}

/** Every month from January of last year to the month before `today` (YYYY-MM-DD), as first days. */
export function demoMonths(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months: string[] = [];
  for (let y = year - 1, m = 1; y < year || m < month; ) {
    months.push(`${y}-${String(m).padStart(2, '0')}-01`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** The figures of the demo's months: pending carried into the next month; February of last year (Tết) received nothing. */
export function demoDossierFigures(months: string[]): Array<{ month: string; received: number; carriedOver: number; onTime: number; late: number; pending: number; note: string }> {
  let carried = 6;
  return months.map((month, i) => {
    const quiet = i === 1;
    const received = quiet ? 0 : 70 + ((i * 37) % 55);
    const total = received + carried;
    const resolved = quiet ? 0 : Math.floor(total * 0.86);
    const late = quiet ? 0 : i % 5 === 0 ? 2 : i % 3 === 0 ? 1 : 0;
    const figures = { month, received, carriedOver: carried, onTime: resolved - late, late, pending: total - resolved, note: quiet ? 'Nghỉ Tết Nguyên đán; Bộ phận Một cửa không tiếp nhận hồ sơ mới trong tháng.' : '' };
    carried = figures.pending;
    return figures;
  });
}

/** The monthly dossier figures of the demo. */
export async function seedDossierReports(strapi: Core.Strapi, now: Date, created: SeedCounts): Promise<void> {
  for (const figures of demoDossierFigures(demoMonths(vietnamDay(now)))) {
    if (await findBy(strapi, DOSSIER, { month: figures.month })) continue;
    await strapi.documents(DOSSIER).create({ data: figures as never, status: 'published' });
    created.dossierReports += 1;
  }
}
