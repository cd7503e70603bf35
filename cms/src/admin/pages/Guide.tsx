/**
 * "Hướng dẫn biên tập": the editor's guide (cms/guide/huong-dan-bien-tap.md), rendered by the CMS
 * (GET /cong/huong-dan, cms/src/lib/guide-route.ts) with the screenshots the browser test takes.
 */
import { useEffect, useState } from 'react';
import { Box } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';

// The guide's own typography: the design system styles no raw HTML.
const STYLE = `
.cong-guide { max-width: 60rem; font-size: 1.5rem; line-height: 1.6; color: #32324d; }
.cong-guide h2 { font-size: 2rem; font-weight: 600; margin: 3.2rem 0 1.2rem; }
.cong-guide h3 { font-size: 1.6rem; font-weight: 600; margin: 2.4rem 0 0.8rem; }
.cong-guide p, .cong-guide ul, .cong-guide ol { margin: 0 0 1.2rem; }
.cong-guide ul, .cong-guide ol { padding-left: 2.4rem; }
.cong-guide ul { list-style: disc; }
.cong-guide ol { list-style: decimal; }
.cong-guide li { margin-bottom: 0.4rem; }
.cong-guide strong { font-weight: 600; }
.cong-guide code { font-family: monospace; background: #f6f6f9; padding: 0 0.4rem; border-radius: 4px; }
.cong-guide img { display: block; max-width: 100%; height: auto; margin: 1.2rem 0 2rem; border: 1px solid #dcdce4; border-radius: 4px; }
`;

export default function GuidePage() {
  const { get } = useFetchClient();
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    get<{ html: string }>('/cong/huong-dan').then(
      (res) => setHtml(res.data.html),
      () => setFailed(true),
    );
  }, [get]);

  if (failed) return <Page.Error />;
  if (html === null) return <Page.Loading>Đang tải hướng dẫn biên tập…</Page.Loading>;
  return (
    <Page.Main>
      <Page.Title>Hướng dẫn biên tập</Page.Title>
      <Layouts.Header title="Hướng dẫn biên tập" subtitle="Viết, đính kèm ảnh, xem trước, hẹn giờ, gửi duyệt, đăng bài, kiểm duyệt bình luận và trả lời câu hỏi." />
      <Layouts.Content>
        <style>{STYLE}</style>
        <Box background="neutral0" padding={8} hasRadius shadow="tableShadow">
          {/* The CMS renders the guide's own Markdown with raw HTML off (markdown-it, html: false). */}
          <div className="cong-guide" data-guide dangerouslySetInnerHTML={{ __html: html }} />
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
}
