import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { GUIDE_IMAGE_PATH, guideImages, renderGuide } from '../../cms/src/lib/guide-route';

const root = path.resolve(import.meta.dirname, '../..');
const markdown = readFileSync(path.join(root, 'cms/guide/huong-dan-bien-tap.md'), 'utf8');
const shotsDir = path.join(root, 'cms/guide/anh');
const browserTest = readFileSync(path.join(root, 'tests/e2e/editor-admin.e2e.test.ts'), 'utf8');

describe('"Hướng dẫn biên tập", the editor\'s guide (issue 16)', () => {
  test('covers writing, attaching, preview, scheduling, review, publishing, comments and questions', () => {
    const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    for (const topic of ['Viết bài mới', 'Đính kèm ảnh', 'Xem trước', 'Hẹn giờ đăng', 'Gửi duyệt', 'Duyệt và đăng', 'Kiểm duyệt bình luận', 'Trả lời câu hỏi']) {
      expect(headings.some((h) => h!.includes(topic)), topic).toBe(true);
    }
  });

  test('every screenshot it shows is taken by the browser test of the editor path, and none is left over', () => {
    const images = guideImages(markdown);
    expect(images.length).toBeGreaterThanOrEqual(8);
    for (const image of images) {
      expect(image, image).toMatch(/^[a-z0-9-]+\.jpg$/);
      expect(existsSync(path.join(shotsDir, image)), `${image} is missing: run tests/e2e/editor-admin.e2e.test.ts`).toBe(true);
      expect(browserTest, `${image}: the browser test must take it`).toContain(`'${image.replace(/\.jpg$/, '')}'`);
    }
    expect(readdirSync(shotsDir).filter((f) => !images.includes(f))).toEqual([]);
  });

  test('is rendered without raw HTML, its pictures pointed at the CMS route', () => {
    const html = renderGuide(`${markdown}\n\n<script>alert(1)</script>`);
    expect(html).not.toContain('<script>');
    expect(html).toContain(`src="${GUIDE_IMAGE_PATH}trang-chu.jpg"`);
    expect(html).toContain('<h2>6. Gửi duyệt (Tác giả)</h2>');
  });
});
