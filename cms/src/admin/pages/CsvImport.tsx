/**
 * "Nhập từ tệp CSV": an editor picks a CSV file (procedures or monthly dossier figures) and sends
 * its text to the CMS's import route (src/lib/csv-import-route.ts) with the admin's own session.
 * The answer is either the counts created/updated, or every problem with its line number; in
 * that case nothing was imported.
 */
import { useState, type FormEvent } from 'react';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';

type Target = 'procedures' | 'dossier-reports';
type Answer = { ok: true; created: number; updated: number } | { ok: false; errors: string[] };

const TARGETS: Array<{ value: Target; label: string; columns: string }> = [
  {
    value: 'procedures',
    label: 'Thủ tục hành chính',
    columns: 'Mã thủ tục; Tên thủ tục; Lĩnh vực; Cơ quan thực hiện; Mức độ trực tuyến; Thời hạn giải quyết; Phí, lệ phí; Địa chỉ nộp trực tuyến; Nội dung (không bắt buộc)',
  },
  {
    value: 'dossier-reports',
    label: 'Tình hình giải quyết hồ sơ',
    columns: 'Tháng (MM/YYYY hoặc YYYY-MM); Tiếp nhận mới; Kỳ trước chuyển qua; Đúng hạn; Trễ hạn; Đang giải quyết; Ghi chú',
  },
];

const box = { background: '#fff', borderRadius: 4, padding: 24, boxShadow: '0 1px 4px rgba(33,33,52,.1)', marginBottom: 16 } as const;
const field = { display: 'block', marginBottom: 16 } as const;
const labelStyle = { display: 'block', fontWeight: 600, marginBottom: 6, fontSize: 14 } as const;
const inputStyle = { font: 'inherit', fontSize: 14, padding: '8px 10px', border: '1px solid #dcdce4', borderRadius: 4, minWidth: 320 } as const;

/** Reads a file as UTF-8 text (Excel's "CSV UTF-8" adds a BOM; the server drops it). */
const readText = (file: File) => file.text();

export default function CsvImportPage() {
  const { post } = useFetchClient();
  const [target, setTarget] = useState<Target>('procedures');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const chosen = TARGETS.find((t) => t.value === target)!;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setAnswer({ ok: false, errors: ['Hãy chọn tệp CSV cần nhập.'] });
      return;
    }
    setBusy(true);
    setAnswer(null);
    try {
      const csv = await readText(file);
      const res = await post<Answer>(`/cong/import/${target}`, { csv }, { validateStatus: () => true });
      const data = res.data as Answer | { error?: { message?: string } };
      setAnswer('ok' in data ? data : { ok: false, errors: [`Máy chủ trả lời lỗi ${res.status}${data.error?.message ? `: ${data.error.message}` : ''}.`] });
    } catch (error) {
      setAnswer({ ok: false, errors: [`Không gửi được tệp: ${error instanceof Error ? error.message : String(error)}`] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page.Main>
      <Page.Title>Nhập từ tệp CSV</Page.Title>
      <Layouts.Header title="Nhập từ tệp CSV" subtitle="Nhập cả danh sách thủ tục hành chính hoặc số liệu giải quyết hồ sơ theo tháng. Mọi dòng được kiểm tra trước; có dòng sai thì không nhập dòng nào." />
      <Layouts.Content>
        <form style={box} onSubmit={submit} data-csv-import>
          <label style={field}>
            <span style={labelStyle}>Loại dữ liệu</span>
            <select style={inputStyle} name="target" value={target} onChange={(e) => { setTarget(e.target.value as Target); setAnswer(null); }}>
              {TARGETS.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
            </select>
          </label>
          <p style={{ fontSize: 13, color: '#666687', margin: '0 0 16px' }}>
            Các cột (dòng đầu là tiêu đề; phân cách bằng dấu chấm phẩy hoặc dấu phẩy, mã UTF-8): {chosen.columns}. Mục đã có (cùng {target === 'procedures' ? 'mã thủ tục' : 'tháng'}) được cập nhật; mục mới được tạo. Tất cả được đăng ngay.
          </p>
          <label style={field}>
            <span style={labelStyle}>Tệp CSV</span>
            <input style={inputStyle} type="file" name="file" accept=".csv,text/csv" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setAnswer(null); }} />
          </label>
          <button type="submit" disabled={busy} style={{ font: 'inherit', fontSize: 14, fontWeight: 600, color: '#fff', background: '#4945ff', border: 0, borderRadius: 4, padding: '10px 16px', cursor: busy ? 'wait' : 'pointer' }}>
            {busy ? 'Đang nhập…' : 'Nhập'}
          </button>
        </form>
        <div role="status" aria-live="polite" data-csv-result>
          {answer?.ok === true && (
            <div style={{ ...box, borderLeft: '4px solid #328048' }}>
              <strong>Đã nhập xong.</strong> Tạo mới {answer.created} mục, cập nhật {answer.updated} mục ({chosen.label}); trang công khai được cập nhật sau ít phút.
            </div>
          )}
          {answer?.ok === false && (
            <div style={{ ...box, borderLeft: '4px solid #d02b20' }}>
              <strong>Chưa nhập mục nào.</strong> Sửa {answer.errors.length > 1 ? `${answer.errors.length} lỗi` : 'lỗi'} dưới đây rồi nhập lại:
              <ul style={{ margin: '8px 0 0', paddingLeft: 20, lineHeight: 1.6 }}>
                {answer.errors.map((e, i) => <li key={i}>{e}</li>)}
              </ul>
            </div>
          )}
        </div>
      </Layouts.Content>
    </Page.Main>
  );
}
