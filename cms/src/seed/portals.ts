/**
 * The demo's other portals (issue 14): the province Lam Giang, which hosts the portals of its
 * communes, and a second commune, Phú Lâm, beside the demo's own Tân Hòa (the install's first
 * portal). Each has its own settings, categories, news, announcements and links; both communes
 * share some news with the province ("Tin từ cơ sở"). Every name, number and event is invented.
 * Each portal is served at `<code>.localhost` (README, "Many portals").
 */
import type { Core } from '@strapi/strapi';
import { createSlug, PORTAL_FIELD } from '@cong/content-types';
import { AGENCY, CATEGORIES } from './demo-content';
import { primaryPortal, PORTAL_UID } from '../bootstrap/portals';
import { backdate, DAY, type Row } from './store';
import type { SeedCounts } from './index';

interface DemoArticle {
  title: string;
  summary: string;
  paragraphs: string[];
  share?: boolean;
}

interface DemoPortal {
  code: string;
  parent: string | null;
  level: 'Tỉnh, thành phố' | 'Xã, phường, đặc khu';
  settings: Record<string, unknown>;
  categories: Array<{ name: string; description: string; articles: DemoArticle[] }>;
  announcements: Array<{ title: string; body: string; issuingUnit: string }>;
  links: Array<{ title: string; url: string; group: 'Trung ương' | 'Tỉnh, thành phố' | 'Sở, ban, ngành' | 'Xã, phường' | 'Khác' }>;
}

/** The province's code; its communes name it as their parent. */
export const PROVINCE_CODE = 'lam-giang';
/** The demo's second commune. */
export const SECOND_COMMUNE_CODE = 'phu-lam';
/** Host names of the demo portals, one per portal (the first portal also answers 127.0.0.1 and localhost). */
export const DEMO_DOMAINS = { primary: 'tan-hoa.localhost', [PROVINCE_CODE]: 'lam-giang.localhost', [SECOND_COMMUNE_CODE]: 'phu-lam.localhost' } as const;
/** Titles of the demo's own (Tân Hòa) articles shared with the province: the two newest of the first category. */
export const SHARED_PRIMARY_ARTICLES = CATEGORIES[0]!.articles.slice(0, 2).map((a) => a.title);

const menu = (extra: Array<{ label: string; url: string }> = []) => [
  { label: 'Trang chủ', url: '/' },
  { label: 'Tin tức', url: '/tin-tuc/' },
  { label: 'Thông báo', url: '/thong-bao/' },
  { label: 'Văn bản', url: '/van-ban/' },
  ...extra,
];

export const DEMO_PORTALS: DemoPortal[] = [
  {
    code: PROVINCE_CODE,
    parent: null,
    level: 'Tỉnh, thành phố',
    settings: {
      agencyName: 'Ủy ban nhân dân tỉnh Lam Giang',
      province: 'Tỉnh Lam Giang',
      address: 'Số 1 đường Hùng Vương, phường Lam Sơn, tỉnh Lam Giang',
      phone: '0239 3855 000',
      email: 'vanphong@lamgiang.gov.vn',
      footerText: 'Cổng thông tin điện tử tỉnh Lam Giang (bản trình diễn). Cơ quan chủ quản: Ủy ban nhân dân tỉnh Lam Giang. Đơn vị vận hành: Trung tâm Chuyển đổi số tỉnh.',
      mainMenu: menu([{ label: 'Tin từ cơ sở', url: '/tin-tu-co-so/' }]),
      serviceLinks: [
        { label: 'Dịch vụ công trực tuyến', url: 'https://dichvucong.gov.vn' },
        { label: 'Tin từ cơ sở', url: '/tin-tu-co-so/' },
      ],
      agencyNameEn: 'People’s Committee of Lam Giang Province',
    },
    categories: [
      {
        name: 'Tin hoạt động của tỉnh',
        description: 'Hoạt động của lãnh đạo tỉnh và các sở, ngành.',
        articles: [
          {
            title: 'Tỉnh Lam Giang hoàn thành sắp xếp trụ sở làm việc sau hợp nhất',
            summary: 'Các cơ quan cấp tỉnh đã ổn định nơi làm việc, bảo đảm phục vụ người dân không gián đoạn.',
            paragraphs: [
              'Sau sáu tháng triển khai, các sở, ngành của tỉnh Lam Giang đã hoàn tất việc bố trí trụ sở làm việc. Những trụ sở dôi dư được chuyển sang làm nhà văn hóa, thư viện và điểm phục vụ hành chính công.',
              'Ủy ban nhân dân tỉnh giao Sở Tài chính công khai danh mục tài sản được điều chuyển trên cổng thông tin điện tử của tỉnh trước ngày 31/12.',
            ],
          },
          {
            title: 'Hội nghị trực tuyến với 48 xã, phường về chuyển đổi số',
            summary: 'Lãnh đạo tỉnh đề nghị các xã, phường đưa toàn bộ thủ tục đủ điều kiện lên môi trường số.',
            paragraphs: [
              'Hội nghị được kết nối tới 48 điểm cầu xã, phường. Các địa phương báo cáo tỷ lệ hồ sơ trực tuyến toàn trình và những khó khăn về hạ tầng ở vùng xa.',
              'Trung tâm Chuyển đổi số tỉnh sẽ hỗ trợ mỗi xã một cổng thông tin điện tử riêng trên nền tảng dùng chung của tỉnh.',
            ],
          },
        ],
      },
      {
        name: 'Kinh tế – xã hội',
        description: 'Tình hình phát triển kinh tế, văn hóa, xã hội của tỉnh.',
        articles: [
          {
            title: 'Sản lượng lúa vụ mùa của tỉnh tăng gần 4%',
            summary: 'Thời tiết thuận lợi và giống mới giúp năng suất lúa bình quân đạt 57 tạ mỗi héc-ta.',
            paragraphs: [
              'Theo báo cáo của Sở Nông nghiệp và Môi trường, toàn tỉnh gieo cấy hơn 41.000 héc-ta lúa vụ mùa. Diện tích sử dụng giống chất lượng cao chiếm khoảng 70%.',
              'Các xã được khuyến khích liên kết với doanh nghiệp để bao tiêu sản phẩm, giảm rủi ro khi giá lúa biến động.',
            ],
          },
          {
            title: 'Khởi công tuyến đường nối hai cụm công nghiệp phía Bắc',
            summary: 'Tuyến đường dài 12 km dự kiến hoàn thành trong năm 2028.',
            paragraphs: [
              'Dự án do Ban Quản lý dự án đầu tư xây dựng tỉnh làm chủ đầu tư, sử dụng vốn đầu tư công trung hạn.',
              'Các xã có tuyến đường đi qua đã hoàn thành bàn giao mặt bằng cho đơn vị thi công.',
            ],
          },
        ],
      },
    ],
    announcements: [
      { title: 'Thông báo lịch tiếp công dân của Chủ tịch Ủy ban nhân dân tỉnh tháng 12', body: 'Chủ tịch Ủy ban nhân dân tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng tại Ban Tiếp công dân tỉnh.', issuingUnit: 'Văn phòng Ủy ban nhân dân tỉnh' },
      { title: 'Thông báo tuyển dụng viên chức Trung tâm Chuyển đổi số tỉnh', body: 'Trung tâm tuyển 6 viên chức làm công nghệ thông tin. Hồ sơ nộp trực tuyến trên cổng dịch vụ công của tỉnh.', issuingUnit: 'Sở Khoa học và Công nghệ' },
    ],
    links: [
      { title: 'Cổng Thông tin điện tử Chính phủ', url: 'https://chinhphu.vn', group: 'Trung ương' },
      { title: 'Cổng thông tin điện tử xã Tân Hòa', url: `http://${'tan-hoa.localhost'}:4321/`, group: 'Xã, phường' },
      { title: 'Cổng thông tin điện tử xã Phú Lâm', url: `http://${'phu-lam.localhost'}:4321/`, group: 'Xã, phường' },
    ],
  },
  {
    code: SECOND_COMMUNE_CODE,
    parent: PROVINCE_CODE,
    level: 'Xã, phường, đặc khu',
    settings: {
      agencyName: 'Ủy ban nhân dân xã Phú Lâm',
      province: 'Tỉnh Lam Giang',
      address: 'Thôn Đồng Tâm, xã Phú Lâm, tỉnh Lam Giang',
      phone: '0239 3871 246',
      email: 'ubnd.phulam@lamgiang.gov.vn',
      footerText: 'Cổng thông tin điện tử xã Phú Lâm (bản trình diễn). Người chịu trách nhiệm: Chánh Văn phòng HĐND và UBND xã.',
      mainMenu: menu(),
      serviceLinks: [{ label: 'Dịch vụ công trực tuyến', url: 'https://dichvucong.gov.vn' }],
      agencyNameEn: 'People’s Committee of Phu Lam Commune',
    },
    categories: [
      {
        name: 'Tin hoạt động',
        description: 'Hoạt động của chính quyền xã Phú Lâm.',
        articles: [
          {
            title: 'Xã Phú Lâm ra mắt tổ công nghệ số cộng đồng ở 9 thôn',
            summary: 'Mỗi tổ có 5 thành viên, hướng dẫn người dân cài đặt định danh điện tử và nộp hồ sơ trực tuyến.',
            paragraphs: [
              'Các tổ công nghệ số cộng đồng gồm đoàn viên thanh niên, giáo viên và cán bộ thôn. Tổ trực vào tối thứ Bảy hằng tuần tại nhà văn hóa thôn.',
              'Trong tháng đầu, các tổ đã hỗ trợ hơn 300 lượt người dân, chủ yếu là người cao tuổi.',
            ],
            share: true,
          },
          {
            title: 'Phú Lâm hoàn thành bê tông hóa đường liên thôn Đồng Tâm – Bãi Sậy',
            summary: 'Tuyến đường 2,4 km do Nhà nước và nhân dân cùng làm, người dân hiến hơn 1.200 m² đất.',
            paragraphs: [
              'Công trình có tổng kinh phí 3,1 tỷ đồng, trong đó nhân dân đóng góp ngày công và hiến đất làm lề đường.',
              'Ủy ban nhân dân xã đã tổ chức nghiệm thu và đưa tuyến đường vào sử dụng từ đầu tháng này.',
            ],
            share: true,
          },
        ],
      },
      {
        name: 'Nông nghiệp – nông thôn',
        description: 'Sản xuất nông nghiệp và xây dựng nông thôn mới ở xã Phú Lâm.',
        articles: [
          {
            title: 'Hợp tác xã Phú Lâm thu hoạch vụ bưởi đầu tiên đạt chuẩn VietGAP',
            summary: 'Gần 20 tấn bưởi được doanh nghiệp trong tỉnh thu mua theo hợp đồng.',
            paragraphs: [
              'Vùng trồng bưởi rộng 14 héc-ta được cấp mã số vùng trồng từ năm ngoái. Các hộ ghi chép nhật ký sản xuất trên ứng dụng điện thoại.',
              'Xã tiếp tục hỗ trợ hợp tác xã xây dựng nhãn hiệu tập thể cho sản phẩm.',
            ],
          },
          {
            title: 'Xã Phú Lâm hướng dẫn phòng bệnh cho đàn gia súc mùa đông',
            summary: 'Cán bộ thú y khuyến cáo che chắn chuồng trại và tiêm vắc xin đầy đủ trước đợt rét.',
            paragraphs: [
              'Đợt tiêm phòng vụ đông bắt đầu từ tuần sau tại tất cả các thôn. Người chăn nuôi đăng ký với trưởng thôn để được tiêm miễn phí.',
            ],
          },
        ],
      },
    ],
    announcements: [
      { title: 'Thông báo lịch tiếp công dân của Chủ tịch Ủy ban nhân dân xã Phú Lâm', body: 'Chủ tịch Ủy ban nhân dân xã tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở xã.', issuingUnit: 'Văn phòng HĐND và UBND xã' },
      { title: 'Thông báo thu gom rác thải nông nghiệp đợt cuối năm', body: 'Đợt thu gom bao bì thuốc bảo vệ thực vật diễn ra tại các điểm tập kết của 9 thôn.', issuingUnit: 'Ủy ban nhân dân xã Phú Lâm' },
    ],
    links: [
      { title: 'Cổng thông tin điện tử tỉnh Lam Giang', url: `http://${'lam-giang.localhost'}:4321/`, group: 'Tỉnh, thành phố' },
      { title: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn', group: 'Trung ương' },
    ],
  },
];

/** A portal's entry of `uid` with `where`, or null. */
async function findInPortal(strapi: Core.Strapi, uid: string, portalId: number, where: Record<string, unknown>): Promise<Row | null> {
  return (await strapi.db.query(uid as never).findOne({ where: { ...where, [PORTAL_FIELD]: { id: portalId } } })) as Row | null;
}

const body = (paragraphs: string[]) => paragraphs.join('\n\n');

/** Makes the demo's other portals and their content; tops up what is missing (idempotent). */
export async function seedDemoPortals(strapi: Core.Strapi, now: Date, created: SeedCounts): Promise<void> {
  const primary = await primaryPortal(strapi);
  if (!primary) throw new Error('The demo portals need the first portal, which the CMS makes on start');
  const byCode = new Map<string, Row>();
  for (const demo of DEMO_PORTALS) {
    let row = (await strapi.db.query(PORTAL_UID).findOne({ where: { slug: demo.code } })) as Row | null;
    if (!row) {
      const parent = demo.parent ? byCode.get(demo.parent) : undefined;
      const doc = (await strapi.documents(PORTAL_UID).create({
        data: { ...demo.settings, slug: demo.code, level: demo.level, domains: DEMO_DOMAINS[demo.code as keyof typeof DEMO_DOMAINS], enabled: true, ...(parent ? { parent: parent.documentId } : {}) } as never,
      })) as unknown as Row;
      row = (await strapi.db.query(PORTAL_UID).findOne({ where: { documentId: doc.documentId } })) as Row;
      created.portals += 1;
    }
    byCode.set(demo.code, row);
  }
  // The demo's own commune: under the province, at its own host name too, two of its news shared.
  const province = byCode.get(PROVINCE_CODE)!;
  const own = (await strapi.db.query(PORTAL_UID).findOne({ where: { id: primary.id }, populate: ['parent'] })) as Row & { parent?: Row | null; domains?: string | null };
  if (!own.parent && primary.agencyName === AGENCY.agencyName) {
    await strapi.documents(PORTAL_UID).update({ documentId: primary.documentId, data: { parent: province.documentId, domains: own.domains || DEMO_DOMAINS.primary } as never });
    for (const title of SHARED_PRIMARY_ARTICLES) {
      const article = await findInPortal(strapi, 'api::article.article', primary.id, { slug: createSlug(title), publishedAt: { $notNull: true } });
      if (article) await strapi.documents('api::article.article').update({ documentId: article.documentId, data: { shareWithParent: true } as never, status: 'published' });
    }
  }

  let index = 0;
  for (const demo of DEMO_PORTALS) {
    const portal = byCode.get(demo.code)!;
    const owner = { [PORTAL_FIELD]: portal.documentId };
    for (const [order, category] of demo.categories.entries()) {
      const slug = createSlug(category.name);
      let cat = await findInPortal(strapi, 'api::category.category', portal.id, { slug });
      if (!cat) {
        cat = (await strapi.documents('api::category.category').create({ data: { name: category.name, slug, description: category.description, order, ...owner } as never })) as unknown as Row;
        created.categories += 1;
      }
      for (const article of category.articles) {
        index += 1;
        const articleSlug = createSlug(article.title);
        if (await findInPortal(strapi, 'api::article.article', portal.id, { slug: articleSlug })) continue;
        const doc = (await strapi.documents('api::article.article').create({
          data: { title: article.title, slug: articleSlug, summary: article.summary, body: body(article.paragraphs), category: cat.documentId, author: 'Văn phòng', shareWithParent: article.share ?? false, ...owner } as never,
          status: 'published',
        })) as unknown as Row;
        await backdate(strapi, 'api::article.article', doc.documentId, new Date(now.getTime() - index * 1.3 * DAY));
        created.articles += 1;
      }
    }
    for (const [i, item] of demo.announcements.entries()) {
      const slug = createSlug(item.title);
      if (await findInPortal(strapi, 'api::announcement.announcement', portal.id, { slug })) continue;
      const doc = (await strapi.documents('api::announcement.announcement').create({ data: { ...item, slug, ...owner } as never, status: 'published' })) as unknown as Row;
      await backdate(strapi, 'api::announcement.announcement', doc.documentId, new Date(now.getTime() - (i * 3 + 1) * DAY));
      created.announcements += 1;
    }
    for (const link of demo.links) {
      if (await findInPortal(strapi, 'api::link.link', portal.id, { url: link.url })) continue;
      await strapi.documents('api::link.link').create({ data: { ...link, ...owner } as never, status: 'published' });
      created.links += 1;
    }
  }
}
