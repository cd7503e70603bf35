/**
 * Demo work schedule (Lịch công tác) of xã Tân Hòa: last week, this week and next week around the
 * seed's "today" (in Viet Nam), each one entry with its list of items, published. Every week has
 * a leader on duty on Saturday and Sunday, so today always has an item. Idempotent: a week is
 * looked up by its Monday.
 */
import type { Core } from '@strapi/strapi';
import { addDays, isoWeekOf, mondayOf } from '@cong/content-types';
import { findBy } from './store';
import type { SeedCounts } from './index';

const UID = 'api::work-week.work-week';

const CHU_TICH = 'Chủ tịch UBND xã';
const PCT_KT = 'Phó Chủ tịch UBND xã (kinh tế)';
const PCT_VX = 'Phó Chủ tịch UBND xã (văn hóa – xã hội)';
const BI_THU = 'Bí thư Đảng ủy xã';
const HOI_TRUONG = 'Hội trường UBND xã';
const PHONG_HOP = 'Phòng họp số 2, UBND xã';

/** One item of a demo week: `day` counts from Monday (0) to Sunday (6). */
interface DemoItem {
  day: number;
  time: string;
  content: string;
  chair: string;
  participants?: string;
  location?: string;
  note?: string;
}

const WEEKEND_DUTY: DemoItem[] = [
  { day: 5, time: '07:30', content: 'Trực lãnh đạo UBND xã; tiếp nhận hồ sơ một cửa buổi sáng thứ Bảy', chair: PCT_VX, location: 'Bộ phận Một cửa, UBND xã' },
  { day: 6, time: '07:30', content: 'Trực lãnh đạo UBND xã, theo dõi tình hình thời tiết và an toàn giao thông', chair: PCT_KT, location: 'Trụ sở UBND xã', note: 'Điện thoại trực: 0239 3860 125' },
];

/** Last week, this week and next week. */
const WEEKS: DemoItem[][] = [
  [
    { day: 0, time: '07:30', content: 'Họp giao ban lãnh đạo UBND xã đầu tuần', chair: CHU_TICH, participants: 'Các Phó Chủ tịch, công chức chuyên môn', location: PHONG_HOP },
    { day: 1, time: '08:00', content: 'Kiểm tra tiến độ xây dựng nhà văn hóa thôn Đồng Lạc', chair: PCT_KT, participants: 'Công chức Địa chính – Xây dựng, Ban quản lý dự án, trưởng thôn Đồng Lạc', location: 'Thôn Đồng Lạc' },
    { day: 2, time: '14:00', content: 'Họp Ban chỉ đạo chuyển đổi số xã, đánh giá kết quả thanh toán không dùng tiền mặt', chair: PCT_VX, participants: 'Thành viên Ban chỉ đạo, tổ công nghệ số cộng đồng', location: PHONG_HOP },
    { day: 3, time: '07:30', content: 'Tiếp công dân định kỳ', chair: CHU_TICH, participants: 'Công chức Tư pháp – Hộ tịch, Địa chính, Văn phòng', location: 'Phòng tiếp công dân, UBND xã' },
    { day: 4, time: '08:00', content: 'Dự hội nghị trực tuyến của UBND tỉnh về công tác phòng, chống thiên tai', chair: CHU_TICH, participants: 'Chỉ huy trưởng Quân sự xã, công chức Nông nghiệp', location: 'Điểm cầu UBND xã' },
    ...WEEKEND_DUTY,
  ],
  [
    { day: 0, time: '07:30', content: 'Họp giao ban lãnh đạo UBND xã đầu tuần', chair: CHU_TICH, participants: 'Các Phó Chủ tịch, công chức chuyên môn', location: PHONG_HOP },
    { day: 0, time: '14:00', content: 'Làm việc với Hợp tác xã nông nghiệp Tân Hòa về kế hoạch sản xuất vụ Xuân', chair: PCT_KT, participants: 'Công chức Nông nghiệp, Giám đốc Hợp tác xã', location: 'Trụ sở Hợp tác xã' },
    { day: 1, time: '08:00', content: 'Làm việc với Đoàn công tác của Sở Nông nghiệp và Môi trường tỉnh Lam Giang về đê bao và kênh tiêu thoát lũ', chair: CHU_TICH, participants: 'Phó Chủ tịch (kinh tế), công chức Địa chính – Nông nghiệp, trưởng các thôn ven sông', location: HOI_TRUONG, note: 'Văn phòng chuẩn bị báo cáo' },
    { day: 2, time: '07:30', content: 'Kiểm tra công trình đường giao thông nông thôn thôn Bãi Sậy – thôn Gò Mít', chair: PCT_KT, participants: 'Ban giám sát đầu tư cộng đồng, đơn vị thi công', location: 'Thôn Bãi Sậy' },
    { day: 2, time: '14:00', content: 'Họp Hội đồng thi đua – khen thưởng xã, xét khen thưởng cuối năm', chair: CHU_TICH, participants: 'Thành viên Hội đồng', location: PHONG_HOP },
    { day: 3, time: '07:30', content: 'Tiếp công dân định kỳ', chair: CHU_TICH, participants: 'Công chức Tư pháp – Hộ tịch, Địa chính, Văn phòng', location: 'Phòng tiếp công dân, UBND xã' },
    { day: 3, time: '14:00', content: 'Kiểm tra công tác chuẩn bị đón học sinh tại Trường Tiểu học Tân Hòa', chair: PCT_VX, participants: 'Công chức Văn hóa – Xã hội, Ban giám hiệu', location: 'Trường Tiểu học Tân Hòa' },
    { day: 4, time: '08:00', content: 'Hội nghị Ban Thường vụ Đảng ủy xã', chair: BI_THU, participants: 'Ủy viên Ban Thường vụ', location: HOI_TRUONG },
    ...WEEKEND_DUTY,
  ],
  [
    { day: 0, time: '07:30', content: 'Họp giao ban lãnh đạo UBND xã đầu tuần', chair: CHU_TICH, participants: 'Các Phó Chủ tịch, công chức chuyên môn', location: PHONG_HOP },
    { day: 1, time: '08:00', content: 'Kỳ họp thường lệ cuối năm của Hội đồng nhân dân xã', chair: 'Chủ tịch HĐND xã', participants: 'Đại biểu HĐND xã, lãnh đạo UBND xã, khách mời', location: HOI_TRUONG, note: 'Cả ngày' },
    { day: 2, time: '08:00', content: 'Kiểm tra an toàn phòng cháy tại chợ Tân Hòa', chair: PCT_KT, participants: 'Công an xã, Ban quản lý chợ', location: 'Chợ Tân Hòa' },
    { day: 3, time: '07:30', content: 'Tiếp công dân định kỳ', chair: CHU_TICH, participants: 'Công chức Tư pháp – Hộ tịch, Địa chính, Văn phòng', location: 'Phòng tiếp công dân, UBND xã' },
    { day: 4, time: '14:00', content: 'Sơ kết công tác cải cách hành chính năm 2026 của xã', chair: CHU_TICH, participants: 'Công chức chuyên môn, Bộ phận Một cửa', location: PHONG_HOP },
    ...WEEKEND_DUTY,
  ],
];

/** Today in Viet Nam (UTC+7, no daylight saving) as YYYY-MM-DD. */
const vietnamDay = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The weeks of the demo's work schedule. */
export async function seedSchedule(strapi: Core.Strapi, now: Date, created: SeedCounts): Promise<void> {
  const thisMonday = mondayOf(vietnamDay(now));
  for (const [i, items] of WEEKS.entries()) {
    const weekOf = addDays(thisMonday, (i - 1) * 7);
    if (await findBy(strapi, UID, { weekOf })) continue;
    const { week, year } = isoWeekOf(weekOf);
    await strapi.documents(UID).create({
      data: {
        title: `Lịch công tác tuần ${week} năm ${year}`,
        weekOf,
        items: items.map((item) => ({ ...item, day: addDays(weekOf, item.day), participants: item.participants ?? '', location: item.location ?? '', note: item.note ?? '' })),
        note: i === 1 ? 'Lịch có thể thay đổi; thay đổi được cập nhật trên cổng. Liên hệ Văn phòng UBND xã để biết thêm.' : '',
      } as never,
      status: 'published',
    });
    created.weeks += 1;
  }
}
