/**
 * Builds the Markdown bodies of demo articles: a lead, headed sections, a list, a table, an
 * image and a link, so the demo exercises everything the site must render.
 */
import type { DemoCategory } from './demo-content';

interface ArticleText {
  title: string;
  lead: string;
}

const VILLAGES = ['Trung Hòa', 'Đông Hòa', 'Phú Xuân', 'Hòa Lạc', 'Tân Phong', 'Hòa Thịnh', 'Trung Lập', 'Bắc Sơn', 'Nam Hải', 'Thượng Điền', 'Hạ Điền'];

/** Deterministic numbers for the tables, so reruns produce the same text. */
function figure(index: number, row: number, base: number): number {
  return base + ((index * 37 + row * 113) % (base > 100 ? 400 : 40));
}

const vnNumber = new Intl.NumberFormat('vi-VN');

/** The Markdown body of one demo article. */
export function composeArticleBody(article: ArticleText, category: DemoCategory, imageUrl: string, index: number): string {
  const village = VILLAGES[index % VILLAGES.length] as string;
  const [first, ...rest] = category.sections;
  const table = category.table.rows
    .map((row, r) => {
      const plan = figure(index, r, r === 0 ? 1200 : 60);
      const done = Math.round(plan * (0.82 + ((index + r) % 7) * 0.04));
      return `| ${row} | ${vnNumber.format(plan)} | ${vnNumber.format(done)} | ${vnNumber.format(Math.round((done / plan) * 1000) / 10)}% |`;
    })
    .join('\n');
  return [
    article.lead,
    `Tham dự có đại diện lãnh đạo Đảng ủy, HĐND, UBND xã, Ủy ban Mặt trận Tổ quốc, các đoàn thể và trưởng các thôn, trong đó có thôn ${village}.`,
    `## ${first?.heading ?? 'Nội dung chính'}`,
    ...(first?.paragraphs ?? []),
    `![${article.title}](${imageUrl})`,
    `*Quang cảnh tại thôn ${village}. Ảnh minh họa.*`,
    'Các nhiệm vụ trọng tâm được thống nhất gồm:',
    category.points.map((p) => `- ${p};`).join('\n'),
    `### ${category.table.caption}`,
    `| Chỉ tiêu (${category.table.unit}) | Kế hoạch | Thực hiện | Tỷ lệ |\n|---|---:|---:|---:|\n${table}`,
    ...rest.flatMap((s) => [`## ${s.heading}`, ...s.paragraphs]),
    'Người dân có thể tra cứu thủ tục và nộp hồ sơ trực tuyến trên [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn), hoặc liên hệ Bộ phận Một cửa của xã để được hướng dẫn.',
  ].join('\n\n');
}

const BULK_TOPICS = [
  'Ra quân vệ sinh môi trường',
  'Hội nghị giao ban công tác',
  'Tập huấn kỹ thuật canh tác',
  'Kiểm tra an toàn thực phẩm',
  'Tuyên truyền pháp luật',
  'Ra mắt mô hình dân vận khéo',
  'Sơ kết phong trào thi đua',
  'Khám sức khỏe cho người dân',
  'Hướng dẫn dịch vụ công trực tuyến',
  'Trao quà cho gia đình chính sách',
];

/** A generated article for large-portal benchmarks: unique title, realistic length. */
export function composeBulkArticle(serial: number, category: DemoCategory, imageUrl: string): { title: string; summary: string; body: string; tags: string; author: string } {
  const topic = BULK_TOPICS[serial % BULK_TOPICS.length] as string;
  const village = VILLAGES[serial % VILLAGES.length] as string;
  const title = `${topic} tại thôn ${village} (bài số ${serial})`;
  const lead = `Bài viết số ${serial} thuộc chuyên mục ${category.name}: ${topic.toLowerCase()} tại thôn ${village}, xã Tân Hòa.`;
  return {
    title,
    summary: lead,
    body: composeArticleBody({ title, lead }, category, imageUrl, serial),
    tags: `${category.name.toLowerCase()}, thôn ${village}`,
    author: 'Ban biên tập',
  };
}
