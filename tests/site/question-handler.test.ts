/**
 * The decisions of POST /gui-cau-hoi/ (site/src/server/question-handler.ts `handleQuestion`, the
 * question form's part of server/reader-post.ts) and the reading of its fields
 * (server/questions.ts `readQuestionForm`), with the reader store, the release and Strapi faked;
 * and the sector grouping of the Hỏi đáp pages (lib/questions.ts).
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { isPhoneNumber, QUESTION_LIMITS, QUESTION_SENT } from '../../site/src/lib/question-form';
import { questionsBySector } from '../../site/src/lib/questions';
import { handleQuestion, MAX_QUESTION_BYTES, type QuestionServices } from '../../site/src/server/question-handler';
import { readQuestionForm, type QuestionInput } from '../../site/src/server/questions';

const SECTOR_ID = 'k1x9c0s7d2f4g6h8j0l2m4n6';
const valid = {
  'ho-ten': 'Lý Thị Sen',
  email: 'sen.ly@example.vn',
  'dien-thoai': '0911 222 333',
  'linh-vuc': 'dat-dai',
  'tieu-de': 'Hỏi về cấp đổi sổ đỏ',
  'noi-dung': 'Giấy chứng nhận của gia đình tôi bị mờ, xin hỏi thủ tục cấp đổi.',
  'ma-xac-thuc': 'x7k2q',
};
const typed: QuestionInput = {
  name: 'Lý Thị Sen', email: 'sen.ly@example.vn', phone: '0911 222 333', sector: 'dat-dai', sectorId: SECTOR_ID,
  title: 'Hỏi về cấp đổi sổ đỏ', content: 'Giấy chứng nhận của gia đình tôi bị mờ, xin hỏi thủ tục cấp đổi.', captcha: 'x7k2q',
};
const sectorId = (slug: string) => (slug === 'dat-dai' ? SECTOR_ID : null);

function post(fields: Record<string, string>, options: { json?: boolean; headers?: Record<string, string> } = {}): Request {
  return new Request('http://portal.test/gui-cau-hoi/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(options.json ? { accept: 'application/json' } : {}), ...options.headers },
    body: new URLSearchParams(fields),
  });
}

function services(overrides: Partial<QuestionServices> = {}) {
  const sent: QuestionInput[] = [];
  const calls = { limit: 0, captcha: [] as string[] };
  const fake: QuestionServices = {
    sectorId,
    consumeLimit: async () => {
      calls.limit += 1;
      return { allowed: true, retryAfterSeconds: 0 };
    },
    checkCaptcha: async (answer) => {
      calls.captcha.push(answer);
      return 'ok';
    },
    send: async (input) => void sent.push(input),
    ...overrides,
  };
  return { fake, sent, calls };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

afterEach(() => vi.restoreAllMocks());

describe('handleQuestion', () => {
  test('returns 201 with the sent message and sends the question with the sector as the CMS knows it', async () => {
    const { fake, sent } = services();
    expect(await handleQuestion(post(valid, { json: true }), fake)).toEqual({ kind: 'json', status: 201, body: { message: QUESTION_SENT }, headers: {} });
    expect(sent).toEqual([typed]);
  });

  test("returns a redirect to the form page's sent note when the post came without JavaScript", async () => {
    const { fake } = services();
    expect(await handleQuestion(post(valid), fake)).toEqual({ kind: 'redirect', location: '/hoi-dap/gui-cau-hoi/#cau-hoi-da-gui' });
  });

  test('returns 400 "Mã xác thực không đúng." on the captcha field when the answer is wrong, in JSON and as the form again', async () => {
    const { fake, sent } = services({ checkCaptcha: async () => 'wrong' });
    expect(await handleQuestion(post(valid, { json: true }), fake)).toEqual({
      kind: 'json', status: 400, body: { error: 'Mã xác thực không đúng.', field: 'ma-xac-thuc', errors: { captcha: 'Mã xác thực không đúng.' } }, headers: {},
    });
    expect(await handleQuestion(post(valid), fake)).toEqual({ kind: 'form', status: 400, message: 'Mã xác thực không đúng.', input: typed, errors: { captcha: 'Mã xác thực không đúng.' }, headers: {} });
    expect(sent).toEqual([]);
  });

  test('returns 429 with the wait in minutes, counted before the fields, with its own wording', async () => {
    const { fake, calls } = services({ consumeLimit: async () => ({ allowed: false, retryAfterSeconds: 300 }) });
    const answer = await handleQuestion(post({ ...valid, 'tieu-de': '' }, { json: true }), fake);
    expect(answer).toMatchObject({ status: 429, headers: { 'retry-after': '300' }, body: { error: 'Bạn đã gửi quá nhiều câu hỏi. Vui lòng thử lại sau 5 phút.' } });
    expect(calls.captcha).toEqual([]);
  });

  test('returns 413 unread over the size limit', async () => {
    const { fake, calls } = services();
    const answer = await handleQuestion(post(valid, { json: true, headers: { 'content-length': String(MAX_QUESTION_BYTES + 1) } }), fake);
    expect(answer).toEqual({ kind: 'json', status: 413, body: { error: 'Nội dung gửi quá dài.' }, headers: {} });
    expect(calls.limit).toBe(0);
  });

  test('returns 503 keeping what was typed, and logs why, when Strapi does not take it', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { fake } = services({ send: async () => Promise.reject(new Error('the CMS answered 403')) });
    const answer = await handleQuestion(post(valid), fake);
    expect(answer).toMatchObject({ kind: 'form', status: 503, input: typed, message: 'Hệ thống đang bận nên câu hỏi chưa được gửi. Vui lòng thử lại sau ít phút; nội dung bạn đã nhập vẫn còn.' });
    expect(logged).toHaveBeenCalledWith('[gui-cau-hoi] the question was not sent: the CMS answered 403');
  });
});

describe('readQuestionForm', () => {
  test('an empty form names every required field in Vietnamese; email, phone and sector may be left out', () => {
    const { input, errors } = readQuestionForm(new FormData(), sectorId);
    expect(input).toMatchObject({ email: '', phone: '', sector: '', sectorId: null });
    expect(errors).toEqual({ name: 'Vui lòng nhập họ và tên.', title: 'Vui lòng nhập tiêu đề câu hỏi.', content: 'Vui lòng nhập nội dung câu hỏi.', captcha: 'Vui lòng nhập mã xác thực.' });
  });

  test('refuses a sector the release does not offer, a bad email and a bad phone', () => {
    const { errors } = readQuestionForm(form({ ...valid, 'linh-vuc': 'khong-co', email: 'sen@', 'dien-thoai': '12345' }), sectorId);
    expect(errors).toEqual({
      sector: 'Lĩnh vực đã chọn không có trong danh sách. Vui lòng chọn lại.',
      email: 'Địa chỉ thư điện tử không hợp lệ.',
      phone: 'Số điện thoại không hợp lệ (9 đến 15 chữ số).',
    });
  });

  test('counts the limits in letters after NFC, at their exact boundaries', () => {
    const at = 'ệ'.repeat(QUESTION_LIMITS.content);
    expect(readQuestionForm(form({ ...valid, 'noi-dung': at.normalize('NFD') }), sectorId).errors).toEqual({});
    expect(readQuestionForm(form({ ...valid, 'noi-dung': `${at}a` }), sectorId).errors.content).toBe(`Nội dung dài tối đa ${QUESTION_LIMITS.content} ký tự (hiện có ${QUESTION_LIMITS.content + 1}).`);
    expect(readQuestionForm(form({ ...valid, 'tieu-de': 'a'.repeat(QUESTION_LIMITS.title + 1) }), sectorId).errors.title).toBe(`Tiêu đề dài tối đa ${QUESTION_LIMITS.title} ký tự (hiện có ${QUESTION_LIMITS.title + 1}).`);
  });

  test('drops control and direction-override characters and keeps the question as plain text', () => {
    const { input } = readQuestionForm(form({ ...valid, 'tieu-de': 'Hỏi\u202e về\u0000 <b>sổ</b>' }), sectorId);
    expect(input.title).toBe('Hỏi về <b>sổ</b>');
  });
});

describe('isPhoneNumber', () => {
  test.each([['0911 222 333', true], ['+84 911.222.333', true], ['(0239) 3860 125', true], ['12345', false], ['0911-abc-333', false], ['+'.concat('1'.repeat(16)), false]])('%s → %s', (value, expected) => {
    expect(isPhoneNumber(value)).toBe(expected);
  });
});

describe('questionsBySector', () => {
  test('returns only sectors with questions, in the sectors\u2019 order, keeping the questions\u2019 order; one not in the list comes last', () => {
    const q = (title: string, sector: string | null) => ({ title, data: { sector: sector ? { slug: sector, name: sector.toUpperCase() } : null } });
    const sectors = [{ slug: 'dat-dai', name: 'Đất đai' }, { slug: 'y-te', name: 'Y tế' }, { slug: 'giao-duc', name: 'Giáo dục' }];
    const groups = questionsBySector([q('a', 'giao-duc'), q('b', 'dat-dai'), q('c', null), q('d', 'moi'), q('e', 'giao-duc')], sectors);
    expect(groups.map((g) => [g.slug, g.name, g.items.map((i) => i.title)])).toEqual([
      ['dat-dai', 'Đất đai', ['b']],
      ['giao-duc', 'Giáo dục', ['a', 'e']],
      ['moi', 'MOI', ['d']],
    ]);
  });
});
