import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectDelimiter, parseCount, parseCsv, parseMonth, readDossierCsv, readProcedureCsv, type SectorRef } from '../../cms/src/lib/csv-import';

const SECTORS: SectorRef[] = [
  { documentId: 'sec-ht', name: 'Tư pháp – Hộ tịch', slug: 'tu-phap-ho-tich' },
  { documentId: 'sec-dd', name: 'Đất đai', slug: 'dat-dai' },
];
const HEADER = 'Mã thủ tục;Tên thủ tục;Lĩnh vực;Cơ quan thực hiện;Mức độ trực tuyến;Thời hạn giải quyết;Phí, lệ phí;Địa chỉ nộp trực tuyến';

describe('parseCsv', () => {
  test('reads semicolons (Excel in Viet Nam), a BOM, quoted fields, doubled quotes and line breaks in quotes, with line numbers', () => {
    const text = '\uFEFFa;b;c\r\n1;"x; y";"say ""hi"""\r\n\r\n2;"two\r\nlines";z\r\n3;;\n';
    expect(detectDelimiter(text.slice(1))).toBe(';');
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x; y', 'say "hi"'] },
      { line: 4, cells: ['2', 'two\nlines', 'z'] },
      { line: 6, cells: ['3', '', ''] },
    ]);
  });

  test('reads commas when the header has more commas than semicolons outside quotes', () => {
    const text = 'Mã thủ tục,"Phí, lệ phí",Tên thủ tục\n1.001,"Không, miễn",Tên';
    expect(detectDelimiter(text)).toBe(',');
    expect(parseCsv(text)).toEqual([{ line: 1, cells: ['Mã thủ tục', 'Phí, lệ phí', 'Tên thủ tục'] }, { line: 2, cells: ['1.001', 'Không, miễn', 'Tên'] }]);
  });

  test('returns text in NFC (files often arrive decomposed)', () => {
    const [row] = parseCsv('Hộ tịch'.normalize('NFD'));
    expect(row!.cells[0]).toBe('Hộ tịch'.normalize('NFC'));
  });
});

describe('readProcedureCsv', () => {
  test('accepts a good file: sector by name or slug without diacritics, level in any case, old level numbers, optional cells', () => {
    const text = [
      HEADER,
      '1.000001;Đăng ký khai sinh;Tư pháp – Hộ tịch;UBND xã Tân Hòa;Toàn trình;Ngay trong ngày;Miễn lệ phí;https://dichvucong.example.vn/1',
      '1.000002;Đăng ký kết hôn;tu phap ho tich;UBND xã Tân Hòa;một phần;03 ngày làm việc;;',
      '1.000003;Cấp trích lục;dat-dai;UBND xã Tân Hòa;Mức độ 2;;;',
      '1.000004;Chứng thực bản sao;;UBND xã Tân Hòa;cung cap thong tin;;;',
    ].join('\r\n');
    const result = readProcedureCsv(text, SECTORS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.line, r.code, r.sector, r.onlineLevel])).toEqual([
      [2, '1.000001', 'sec-ht', 'Toàn trình'],
      [3, '1.000002', 'sec-ht', 'Một phần'],
      [4, '1.000003', 'sec-dd', 'Cung cấp thông tin'],
      [5, '1.000004', null, 'Cung cấp thông tin'],
    ]);
    expect(result.rows[0]).toMatchObject({ name: 'Đăng ký khai sinh', agency: 'UBND xã Tân Hòa', duration: 'Ngay trong ngày', fee: 'Miễn lệ phí', serviceUrl: 'https://dichvucong.example.vn/1' });
    expect('body' in result.rows[0]!).toBe(false);
    // An empty address is stored as none: the model's URL field refuses an empty string.
    expect(result.rows[1]!.serviceUrl).toBeNull();
  });

  test('a file with the required columns only leaves the optional fields out, so an update keeps the sector, time limit, fees and link', () => {
    const result = readProcedureCsv('Mã thủ tục;Tên thủ tục;Cơ quan thực hiện;Mức độ trực tuyến\n1.000001;Đăng ký khai sinh (sửa tên);UBND xã Tân Hòa;Toàn trình', SECTORS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.rows[0]!).sort()).toEqual(['agency', 'code', 'line', 'name', 'onlineLevel']);
  });

  test('refuses a file with a quote left open, naming the line it opens on, instead of swallowing the lines after it', () => {
    const text = [HEADER, '1.000001;Đăng ký khai sinh;;UBND xã;Toàn trình;;;', '1.000002;Màn hình 24" cho bộ phận một cửa;;UBND xã;Một phần;;;', '1.000003;Đăng ký kết hôn;;UBND xã;Một phần;;;'].join('\n');
    const result = readProcedureCsv(text, SECTORS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.stringMatching(/^Dòng 3: dấu ngoặc kép \("\) mở mà không đóng/)]);
  });

  test('names every bad row by its line, in Vietnamese, and returns no rows', () => {
    const text = [
      HEADER,
      ';Thiếu mã;;UBND xã;Toàn trình;;;',
      '1.1;;;UBND xã;Toàn trình;;;',
      '1.2;Sai mức độ;;UBND xã;Mức độ 9;;;',
      '1.3;Sai lĩnh vực;Hàng không;UBND xã;Toàn trình;;;',
      '1.2;Trùng mã;;UBND xã;Toàn trình;;;',
      '1.5;Sai địa chỉ;;UBND xã;Toàn trình;;;javascript:alert(1)',
      `1.6;${'Dài '.repeat(80)};;UBND xã;Toàn trình;;;`,
      '1.7;Tốt;;UBND xã;Toàn trình;;;',
    ].join('\n');
    const result = readProcedureCsv(text, SECTORS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'Dòng 2: thiếu Mã thủ tục.',
      'Dòng 3: thiếu Tên thủ tục.',
      'Dòng 4: Mức độ trực tuyến “Mức độ 9” không hợp lệ; chọn một trong: Toàn trình, Một phần, Cung cấp thông tin.',
      'Dòng 5: Lĩnh vực “Hàng không” chưa có trong danh mục Lĩnh vực; thêm lĩnh vực đó trước hoặc sửa tên.',
      'Dòng 6: Mã thủ tục “1.2” trùng với dòng 4.',
      'Dòng 7: Địa chỉ nộp trực tuyến “javascript:alert(1)” không hợp lệ (cần bắt đầu bằng https:// hoặc http://).',
      'Dòng 8: Tên thủ tục dài 319 ký tự, tối đa 255.',
    ]);
  });

  test('refuses a file without a required column or with an unknown one, naming the header line', () => {
    const missing = readProcedureCsv('Mã thủ tục;Tên thủ tục;Cơ quan thực hiện\n1;A;B', SECTORS);
    expect(missing).toEqual({ ok: false, errors: ['Dòng 1: thiếu cột “Mức độ trực tuyến”.'] });
    const unknown = readProcedureCsv(`${HEADER};Ghi chú riêng\n1;A;;B;Toàn trình;;;;x`, SECTORS);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0]).toMatch(/^Dòng 1: cột “Ghi chú riêng” không được hỗ trợ/);
    expect(readProcedureCsv('', SECTORS)).toEqual({ ok: false, errors: ['Tệp trống: không có dòng tiêu đề.'] });
    expect(readProcedureCsv(HEADER, SECTORS)).toEqual({ ok: false, errors: ['Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.'] });
  });

  test('counts lines of quoted multi-line cells, so the line named is the line in the file', () => {
    const text = `Mã thủ tục;Tên thủ tục;Cơ quan thực hiện;Mức độ trực tuyến;Nội dung\n1.1;A;UBND;Toàn trình;"Bước 1\nBước 2\nBước 3"\n1.2;B;UBND;Sai;`;
    const result = readProcedureCsv(text, SECTORS);
    expect(result).toEqual({ ok: false, errors: ['Dòng 5: Mức độ trực tuyến “Sai” không hợp lệ; chọn một trong: Toàn trình, Một phần, Cung cấp thông tin.'] });
  });
});

describe('readDossierCsv', () => {
  const H = 'Tháng;Tiếp nhận mới;Kỳ trước chuyển qua;Đúng hạn;Trễ hạn;Đang giải quyết;Ghi chú';

  test('reads months as MM/YYYY or YYYY-MM and counts with Vietnamese thousands', () => {
    const result = readDossierCsv(`${H}\n01/2026;1.234;10;1.200;4;40;\n2026-02;0;40;30;0;10;Tết\n`);
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, month: '2026-01-01', received: 1234, carriedOver: 10, onTime: 1200, late: 4, pending: 40, note: '' },
        { line: 3, month: '2026-02-01', received: 0, carriedOver: 40, onTime: 30, late: 0, pending: 10, note: 'Tết' },
      ],
    });
  });

  test('names each bad row: month, negative or decimal figures, a repeated month, figures that do not add up', () => {
    const result = readDossierCsv([H, '13/2026;1;0;1;0;0;', '02/2026;-1;0;0;0;0;', '03/2026;1,5;0;0;0;0;', '2026-03;1;0;1;0;0;', '04/2026;5;0;4;2;0;', '05/2026;;0;0;0;0;'].join('\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'Dòng 2: Tháng “13/2026” không hợp lệ; ghi theo dạng MM/YYYY (11/2026) hoặc YYYY-MM (2026-11).',
      'Dòng 3: Tiếp nhận mới “-1” phải là số nguyên không âm.',
      'Dòng 4: Tiếp nhận mới “1,5” phải là số nguyên không âm.',
      'Dòng 5: tháng 2026-03 trùng với dòng 4.',
      'Dòng 6: Đúng hạn + trễ hạn + đang giải quyết (6) không được lớn hơn tiếp nhận mới + kỳ trước chuyển qua (5).',
      'Dòng 7: thiếu Tiếp nhận mới.',
    ]);
  });

  test('parseMonth and parseCount', () => {
    expect(['11/2026', '1/2026', '2026-11', '2026-1', '2026-11-01', '01/11/2026', 'Tháng 3/2026', '13/2026', '2026-11-15', 'abc'].map(parseMonth)).toEqual([
      '2026-11-01', '2026-01-01', '2026-11-01', '2026-01-01', '2026-11-01', '2026-11-01', '2026-03-01', null, null, null,
    ]);
    expect(['0', '12', '1.234', '1.2', '-3', '1,5', '', '1e3'].map(parseCount)).toEqual([0, 12, 1234, null, null, null, null, null]);
  });
});

describe('the sample files the README names', () => {
  const read = (name: string) => readFileSync(path.join(import.meta.dirname, '../../cms/samples', name), 'utf8');

  test('cms/samples/mau-thu-tuc-hanh-chinh.csv imports cleanly against the demo sectors', () => {
    const sectors = ['Tư pháp – Hộ tịch', 'Đất đai', 'Xây dựng', 'Văn hóa – Xã hội', 'Nội vụ'].map((name) => ({ documentId: name, name, slug: name }));
    const result = readProcedureCsv(read('mau-thu-tuc-hanh-chinh.csv'), sectors);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(result.rows.at(-1)!.name).toBe('Tặng giấy khen của Chủ tịch UBND xã (cá nhân, tập thể)');
  });

  test('cms/samples/mau-tinh-hinh-giai-quyet-ho-so.csv imports cleanly', () => {
    const result = readDossierCsv(read('mau-tinh-hinh-giai-quyet-ho-so.csv'));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(result.rows.map((r) => [r.month, r.received])).toEqual([['2026-01-01', 112], ['2026-02-01', 0], ['2026-03-01', 131], ['2026-04-01', 1024]]);
  });
});
