/**
 * Demo Hỏi đáp of xã Tân Hòa: citizens' questions over several sectors, eight answered and
 * published, two still waiting for an answer (drafts, with the asker's contact details that never
 * leave the CMS). Idempotent: a question is looked up by its title. Dates are spread before the
 * seed's "today".
 */
import type { Core } from '@strapi/strapi';
import { SECTORS } from './demo-documents';
import { ensureListing } from './documents';
import { backdate, DAY, findBy, type Row } from './store';
import type { SeedCounts } from './index';

const UID = 'api::question.question';
const VP = 'Văn phòng HĐND và UBND xã Tân Hòa';

interface DemoQuestion {
  title: string;
  askerName: string;
  email?: string;
  phone?: string;
  sector: (typeof SECTORS)[number];
  content: string;
  /** Absent: a draft waiting for an answer. */
  answer?: string;
  answeredBy?: string;
  /** How many days before the seed's "today" it was asked; answered two days later. */
  daysAgo: number;
}

export const DEMO_QUESTIONS: DemoQuestion[] = [
  {
    title: 'Thủ tục đăng ký khai sinh cho con khi cha mẹ chưa đăng ký kết hôn',
    askerName: 'Phạm Văn Khải',
    email: 'khai.pham@example.vn',
    sector: 'Tư pháp – Hộ tịch',
    content: 'Vợ chồng tôi chung sống ở thôn Đồng Lạc nhưng chưa đăng ký kết hôn, nay vừa sinh con. Xin hỏi làm khai sinh cho cháu cần những giấy tờ gì và có ghi tên cha được không?',
    answer: 'Chào ông Khải,\n\nTrường hợp cha mẹ chưa đăng ký kết hôn, UBND xã giải quyết **đăng ký khai sinh kết hợp nhận cha con**. Hồ sơ gồm:\n\n- Tờ khai đăng ký khai sinh và tờ khai đăng ký nhận cha con (theo mẫu, nhận tại Bộ phận Một cửa);\n- Giấy chứng sinh do cơ sở y tế cấp;\n- Chứng cứ chứng minh quan hệ cha con, nếu có;\n- Giấy tờ tùy thân của cha và mẹ.\n\nCả cha và mẹ cùng có mặt khi nộp hồ sơ. Thời hạn giải quyết trong ngày nếu hồ sơ đủ.',
    answeredBy: 'Công chức Tư pháp – Hộ tịch xã',
    daysAgo: 4,
  },
  {
    title: 'Cấp đổi giấy chứng nhận quyền sử dụng đất bị rách, mờ',
    askerName: 'Nguyễn Thị Mai',
    phone: '0915 246 802',
    sector: 'Đất đai',
    content: 'Giấy chứng nhận quyền sử dụng đất của gia đình tôi cấp từ năm 2003, nay bị ẩm mốc, mờ chữ. Tôi muốn cấp đổi thì nộp hồ sơ ở đâu, mất bao lâu?',
    answer: 'Chào bà Mai,\n\nBà nộp hồ sơ đề nghị cấp đổi tại **Bộ phận Một cửa UBND xã** hoặc trực tuyến trên Cổng dịch vụ công. Hồ sơ gồm đơn đề nghị cấp đổi và bản gốc giấy chứng nhận đã cấp.\n\nThời hạn giải quyết theo quy định của tỉnh là không quá 7 ngày làm việc kể từ ngày nhận đủ hồ sơ, không kể thời gian đo đạc lại (nếu có).',
    answeredBy: 'Công chức Địa chính – Xây dựng xã',
    daysAgo: 9,
  },
  {
    title: 'Sửa chữa nhà ở trong khu dân cư có phải xin giấy phép xây dựng không?',
    askerName: 'Lê Minh Tuấn',
    sector: 'Xây dựng',
    content: 'Tôi định lát lại nền, thay mái tôn và sơn lại nhà cấp 4 ở tổ dân phố Hòa Bình. Việc này có phải xin phép xây dựng không?',
    answer: 'Chào ông Tuấn,\n\nSửa chữa, cải tạo bên trong nhà hoặc mặt ngoài **không làm thay đổi kết cấu chịu lực, công năng và kiến trúc** (như lát nền, thay mái cùng loại, sơn lại) thì được miễn giấy phép xây dựng.\n\nĐề nghị ông thông báo với tổ trưởng tổ dân phố trước khi thi công và bảo đảm vệ sinh môi trường, an toàn cho các hộ liền kề.',
    answeredBy: 'Công chức Địa chính – Xây dựng xã',
    daysAgo: 15,
  },
  {
    title: 'Hỗ trợ chi phí học tập cho học sinh thuộc hộ nghèo',
    askerName: 'Đinh Thị Hằng',
    email: 'hang.dinh@example.vn',
    sector: 'Giáo dục',
    content: 'Con tôi học lớp 7 trường THCS Tân Hòa, gia đình thuộc hộ nghèo năm nay. Xin hỏi cháu có được hỗ trợ chi phí học tập không và làm đơn ở đâu?',
    answer: 'Chào bà Hằng,\n\nHọc sinh thuộc hộ nghèo được **miễn học phí và hỗ trợ chi phí học tập** theo quy định. Bà làm đơn theo mẫu (nhận tại nhà trường) kèm bản sao giấy chứng nhận hộ nghèo, nộp cho nhà trường trong 45 ngày đầu năm học.\n\nNhà trường tổng hợp gửi UBND xã xác nhận và chi trả theo học kỳ.',
    answeredBy: 'Trường THCS Tân Hòa và Văn phòng UBND xã',
    daysAgo: 22,
  },
  {
    title: 'Lịch tiêm chủng mở rộng tại Trạm Y tế xã',
    askerName: 'Võ Thị Thanh',
    sector: 'Y tế',
    content: 'Cháu nhà tôi được 2 tháng tuổi. Trạm Y tế xã tổ chức tiêm chủng vào những ngày nào trong tháng, có cần mang theo giấy tờ gì không?',
    answer: 'Chào bà Thanh,\n\nTrạm Y tế xã Tân Hòa tổ chức tiêm chủng mở rộng vào **ngày 15 và 16 hằng tháng** (nếu trùng ngày nghỉ thì lùi sang ngày làm việc kế tiếp), buổi sáng từ 7 giờ 30.\n\nGia đình mang theo sổ hoặc phiếu tiêm chủng của cháu; cán bộ y tế sẽ khám sàng lọc trước khi tiêm.',
    answeredBy: 'Trạm Y tế xã Tân Hòa',
    daysAgo: 30,
  },
  {
    title: 'Đăng ký chuyển đổi cơ cấu cây trồng trên đất lúa',
    askerName: 'Trần Văn Lộc',
    phone: '0987 654 321',
    sector: 'Nông nghiệp',
    content: 'Gia đình tôi có 2 sào ruộng trũng ở cánh đồng Bàu Sen, cấy lúa năng suất thấp. Tôi muốn chuyển sang trồng sen kết hợp nuôi cá thì cần đăng ký thế nào?',
    answer: 'Chào ông Lộc,\n\nChuyển đổi cơ cấu cây trồng trên đất trồng lúa phải **đăng ký với UBND xã** trước khi thực hiện. Ông nộp bản đăng ký theo mẫu tại Bộ phận Một cửa; trong 5 ngày làm việc UBND xã xem xét sự phù hợp với kế hoạch chuyển đổi của xã và trả lời bằng văn bản.\n\nViệc đào ao nuôi cá không được quá 20% diện tích chuyển đổi và phải bảo đảm không làm mất điều kiện canh tác trồng lúa trở lại.',
    answeredBy: 'Công chức Nông nghiệp – Môi trường xã',
    daysAgo: 38,
  },
  {
    title: 'Công khai dự toán ngân sách xã năm nay ở đâu?',
    askerName: 'Hoàng Đức Anh',
    sector: 'Tài chính – Ngân sách',
    content: 'Tôi muốn xem dự toán thu, chi ngân sách của xã năm nay đã được Hội đồng nhân dân xã thông qua. Xã công khai ở đâu để người dân theo dõi?',
    answer: 'Chào ông Đức Anh,\n\nDự toán ngân sách xã sau khi được HĐND xã quyết định được **niêm yết tại trụ sở UBND xã** và đăng trong mục **Công khai minh bạch** của cổng thông tin này.\n\nBáo cáo tình hình thực hiện ngân sách theo quý, 6 tháng và năm cũng được đăng tại mục đó.',
    answeredBy: 'Công chức Tài chính – Kế toán xã',
    daysAgo: 47,
  },
  {
    title: 'Chứng thực bản sao giấy tờ vào ngày thứ Bảy',
    askerName: 'Bùi Thị Ngọc',
    sector: 'Tư pháp – Hộ tịch',
    content: 'Tôi đi làm cả tuần, xin hỏi Bộ phận Một cửa của xã có làm chứng thực bản sao vào sáng thứ Bảy không?',
    answer: 'Chào bà Ngọc,\n\nBộ phận Một cửa UBND xã **tiếp nhận và trả kết quả vào sáng thứ Bảy** từ 7 giờ 30 đến 11 giờ 30, trong đó có chứng thực bản sao từ bản chính.\n\nBà mang theo bản chính và bản sao cần chứng thực; lệ phí theo quy định.',
    answeredBy: VP,
    daysAgo: 56,
  },
  {
    title: 'Xin xác nhận tình trạng hôn nhân để làm hồ sơ vay vốn',
    askerName: 'Đỗ Quang Huy',
    email: 'huy.do@example.vn',
    phone: '0903 111 222',
    sector: 'Tư pháp – Hộ tịch',
    content: 'Ngân hàng yêu cầu tôi nộp giấy xác nhận tình trạng hôn nhân. Tôi thường trú ở xã nhưng đang làm việc ở tỉnh khác, có thể ủy quyền cho người nhà nộp hồ sơ không?',
    daysAgo: 1,
  },
  {
    title: 'Hỗ trợ sửa chữa đường bê tông liên thôn bị sạt lở',
    askerName: 'Ngô Văn Bình',
    phone: '0977 888 999',
    sector: 'Xây dựng',
    content: 'Đoạn đường bê tông từ thôn Đồng Lạc đi thôn Phú Thượng bị sạt lở một bên taluy sau đợt mưa vừa qua. Xin hỏi xã có kế hoạch sửa chữa không, người dân có phải đóng góp không?',
    daysAgo: 2,
  },
];

/** Ten demo questions: the answered ones published (backdated), the others left as drafts. */
export async function seedQuestions(strapi: Core.Strapi, now: Date, created: SeedCounts): Promise<void> {
  const sectors = await ensureListing(strapi, 'api::sector.sector', SECTORS);
  const questions = strapi.documents(UID);
  for (const item of DEMO_QUESTIONS) {
    if (await findBy(strapi, UID, { title: item.title })) continue;
    const asked = new Date(now.getTime() - item.daysAgo * DAY);
    const answered = new Date(asked.getTime() + 2 * DAY);
    const doc = (await questions.create({
      data: {
        title: item.title,
        askerName: item.askerName,
        email: item.email ?? null,
        phone: item.phone ?? null,
        sector: sectors.get(item.sector),
        content: item.content,
        answer: item.answer ?? null,
        answeredBy: item.answeredBy ?? null,
        answeredOn: item.answer ? answered.toISOString().slice(0, 10) : null,
      } as never,
    })) as unknown as Row;
    if (item.answer) await questions.publish({ documentId: doc.documentId });
    await backdate(strapi, UID, doc.documentId, item.answer ? answered : asked);
    created.questions += 1;
  }
}
