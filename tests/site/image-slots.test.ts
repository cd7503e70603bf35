/** The plain rules behind the portal's responsive pictures (site/src/lib/image-slots.ts) and which bodies show which pictures. */
import { describe, expect, test } from 'vitest';
import { escapeAttribute, pictureSlot, rasterFormat, widthLadder } from '../../site/src/lib/image-slots';
import { bodyImagePaths } from '../../site/src/lib/cms-loader';

describe('picture widths', () => {
  test('makes the candidates below the file and the file itself instead of anything larger: never upscaled', () => {
    expect(widthLadder(1200, [400, 640, 960, 1280])).toEqual([400, 640, 960, 1200]);
    expect(widthLadder(2000, [400, 640, 960, 1280])).toEqual([400, 640, 960, 1280]);
    expect(widthLadder(640, [400, 640, 960])).toEqual([400, 640]);
    expect(widthLadder(300, [400, 640])).toEqual([300]);
  });

  test('every slot states its sizes and a fallback width among its candidates', () => {
    for (const slot of ['thumb', 'lead', 'content', 'portrait'] as const) {
      const rule = pictureSlot(slot);
      expect(rule.widths).toContain(rule.fallbackWidth);
      expect(rule.sizes).toMatch(/\d+px$/);
    }
  });
});

describe('formats', () => {
  test('keeps JPEG, PNG and WebP as their own fallback and leaves SVG, GIF and unknown files alone', () => {
    expect(rasterFormat('image/jpeg', '/uploads/a.jpg')).toBe('jpg');
    expect(rasterFormat('image/png', '/uploads/a.png')).toBe('png');
    expect(rasterFormat('image/webp', '/uploads/a.webp')).toBe('webp');
    expect(rasterFormat('image/svg+xml', '/uploads/a.svg')).toBeNull();
    expect(rasterFormat('image/gif', '/uploads/a.gif')).toBeNull();
    expect(rasterFormat('', '/uploads/anh.JPEG?x=1')).toBe('jpg');
    expect(rasterFormat('', '/uploads/tai-lieu.pdf')).toBeNull();
  });

  test('escapes what would end an attribute', () => {
    expect(escapeAttribute('Ảnh "mới" <b> & cũ')).toBe('Ảnh &quot;mới&quot; &lt;b&gt; &amp; cũ');
  });
});

describe('pictures of a body', () => {
  test('finds each /uploads/ picture once, and no link, outside address or path that climbs out', () => {
    const body = [
      '![Cánh đồng](/uploads/canh_dong_1a2b.jpg)',
      '![Lại cánh đồng](/uploads/canh_dong_1a2b.jpg "Tiêu đề")',
      '![Ảnh ngoài](https://example.org/uploads/x.jpg)',
      '[Tệp PDF](/uploads/ke_hoach.pdf)',
      '![Thử](/uploads/../cms/data/x.jpg)',
      '![Ngoặc nhọn](</uploads/ngoac_9f.png>)',
    ].join('\n\n');
    expect(bodyImagePaths(body)).toEqual(['/uploads/canh_dong_1a2b.jpg', '/uploads/ngoac_9f.png']);
  });
});
