/**
 * Reading a reader's comment form (site/src/server/comments.ts `readCommentForm`, used by
 * POST /binh-luan/): cleaned text (NFC, no control or direction-override characters), the limits
 * at their exact boundaries counted in letters after NFC, and a Vietnamese message per bad field.
 */
import { describe, expect, test } from 'vitest';
import { LIMITS } from '../../site/src/lib/comment-form';
import { cleanText, readCommentForm } from '../../site/src/server/comments';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
const valid = { bai: 'xa-tan-hoa-khai-truong-buu-dien', 'ho-ten': 'Nguyễn Thị Hoa', email: 'hoa.nguyen@example.vn', 'noi-dung': 'Đề nghị xã sớm sửa đường.', 'ma-xac-thuc': 'x7k2' };

describe('readCommentForm', () => {
  test('a filled form reads as typed, with no errors', () => {
    expect(readCommentForm(form(valid))).toEqual({
      input: { slug: valid.bai, name: 'Nguyễn Thị Hoa', email: 'hoa.nguyen@example.vn', content: 'Đề nghị xã sớm sửa đường.', captcha: 'x7k2' },
      errors: {},
    });
  });

  test('an empty form names every required field in Vietnamese; the email may be left out', () => {
    const { input, errors } = readCommentForm(new FormData());
    expect(input).toEqual({ slug: '', name: '', email: '', content: '', captcha: '' });
    expect(errors).toEqual({ name: 'Vui lòng nhập họ và tên.', content: 'Vui lòng nhập nội dung bình luận.', captcha: 'Vui lòng nhập mã xác thực.' });
  });

  test('whitespace only is empty', () => {
    const { errors } = readCommentForm(form({ ...valid, 'ho-ten': ' \t\u00a0 ', 'noi-dung': '\n\r\n  \n', 'ma-xac-thuc': '   ' }));
    expect(Object.keys(errors).sort()).toEqual(['captcha', 'content', 'name']);
  });

  test('decomposed Vietnamese (NFD, as pasted from some editors) is stored composed (NFC)', () => {
    const { input } = readCommentForm(form({ ...valid, 'ho-ten': 'Nguyễn Thị Hoa'.normalize('NFD'), 'noi-dung': 'Mùa mưa rất khó đi.'.normalize('NFD') }));
    expect(input.name).toBe('Nguyễn Thị Hoa'.normalize('NFC'));
    expect(input.content).toBe('Mùa mưa rất khó đi.'.normalize('NFC'));
  });

  test('the name limit is counted after NFC, to the letter', () => {
    const at = 'Đặng'.repeat(LIMITS.name / 4); // 80 letters, 160 code units when decomposed
    expect(readCommentForm(form({ ...valid, 'ho-ten': at.normalize('NFD') })).errors.name).toBeUndefined();
    expect(readCommentForm(form({ ...valid, 'ho-ten': `${at}A` })).errors.name).toBe(`Họ và tên dài tối đa ${LIMITS.name} ký tự.`);
  });

  test('the content limit, at 2,000 and 2,001 letters, says how long it is', () => {
    const at = 'ệ'.repeat(LIMITS.content);
    expect(readCommentForm(form({ ...valid, 'noi-dung': at.normalize('NFD') })).errors.content).toBeUndefined();
    expect(readCommentForm(form({ ...valid, 'noi-dung': `${at}ệ` })).errors.content).toBe(`Nội dung dài tối đa ${LIMITS.content} ký tự (hiện có ${LIMITS.content + 1}).`);
  });

  test('control characters and direction overrides are removed; the name is one line', () => {
    const { input } = readCommentForm(form({ ...valid, 'ho-ten': 'Trần\u0000 Văn\u202e\u2066 \n\n  Bình\u200b', 'noi-dung': 'Dòng một\u0007\r\nDòng hai\r\rDòng ba\u202e' }));
    expect(input.name).toBe('Trần Văn Bình');
    expect(input.content).toBe('Dòng một\nDòng hai\n\nDòng ba');
  });

  test('the content keeps line breaks and tabs, at most one empty line in a row', () => {
    expect(readCommentForm(form({ ...valid, 'noi-dung': '  Ý kiến:\n\n\n\n\t- đường\n- cầu  ' })).input.content).toBe('Ý kiến:\n\n\t- đường\n- cầu');
  });

  test('markup is kept as text (it is escaped where shown), never stripped into something else', () => {
    const content = '<script>alert(1)</script> [a](javascript:alert(1)) <img src=x onerror=alert(1)>';
    expect(readCommentForm(form({ ...valid, 'noi-dung': content })).input.content).toBe(content);
  });

  test('a bad email is named; a good one with Vietnamese-free local part passes', () => {
    for (const email of ['hoa', 'hoa@', '@example.vn', 'hoa nguyen@example.vn', `${'a'.repeat(250)}@example.vn`]) {
      expect(readCommentForm(form({ ...valid, email })).errors.email, email).toBe('Địa chỉ thư điện tử không hợp lệ.');
    }
    expect(readCommentForm(form({ ...valid, email: '  hoa@ubnd.tanhoa.gov.vn  ' })).input.email).toBe('hoa@ubnd.tanhoa.gov.vn');
  });

  test('the captcha answer is trimmed but not otherwise changed (its check ignores case)', () => {
    expect(readCommentForm(form({ ...valid, 'ma-xac-thuc': '  X7K2 ' })).input.captcha).toBe('X7K2');
  });

  test('a field sent twice: the first value counts', () => {
    const data = form(valid);
    data.append('ho-ten', 'Người thứ hai');
    expect(readCommentForm(data).input.name).toBe('Nguyễn Thị Hoa');
  });
});

describe('cleanText', () => {
  test('single line: control characters (tabs and line breaks too: an <input> holds none) are dropped, then spaces collapse', () => {
    expect(cleanText(' a \t b\n\nc ', false)).toBe('a bc');
    expect(cleanText('Lê\u00a0\u00a0Văn   Tám', false)).toBe('Lê Văn Tám');
  });
});
