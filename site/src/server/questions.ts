/**
 * Hỏi đáp: checks what a citizen typed in "Gửi câu hỏi" (the shared checks of reader-fields.ts)
 * and sends it to Strapi as a draft waiting for an answer, with the question token (it can create
 * questions and nothing else). The email and phone are kept in the CMS only (private fields).
 */
import { isPhoneNumber, QUESTION_LIMITS as LIMITS, type QuestionField } from '../lib/question-form.ts';
import { cmsCaller } from './cms-write.ts';
import type { PostPortal } from './comments.ts';
import { addError, CAPTCHA_EMPTY, cleanText, emailError, formValue, nameError, textError } from './reader-fields.ts';

export interface QuestionInput {
  name: string;
  email: string;
  phone: string;
  /** The sector's slug as chosen ('' for none). */
  sector: string;
  /** The sector's documentId in the CMS, when `sector` names a published one. */
  sectorId: string | null;
  title: string;
  content: string;
  captcha: string;
}

/**
 * Reads the form; returns the cleaned values and a Vietnamese message for each bad field.
 * `sectorId` finds the CMS documentId of a sector slug among those the live release offers.
 */
export function readQuestionForm(form: FormData, sectorId: (slug: string) => string | null): { input: QuestionInput; errors: Partial<Record<QuestionField, string>> } {
  const get = formValue(form);
  const sector = get('linh-vuc').trim();
  const input: QuestionInput = {
    name: cleanText(get('ho-ten'), false),
    email: cleanText(get('email'), false),
    phone: cleanText(get('dien-thoai'), false),
    sector,
    sectorId: sector ? sectorId(sector) : null,
    title: cleanText(get('tieu-de'), false),
    content: cleanText(get('noi-dung'), true),
    captcha: get('ma-xac-thuc').trim(),
  };
  const errors: Partial<Record<QuestionField, string>> = {};
  addError(errors, 'name', nameError(input.name, LIMITS.name));
  addError(errors, 'email', emailError(input.email, LIMITS.email));
  addError(errors, 'phone', input.phone && (input.phone.length > LIMITS.phone || !isPhoneNumber(input.phone)) ? 'Số điện thoại không hợp lệ (9 đến 15 chữ số).' : undefined);
  addError(errors, 'sector', sector && !input.sectorId ? 'Lĩnh vực đã chọn không có trong danh sách. Vui lòng chọn lại.' : undefined);
  addError(errors, 'title', textError(input.title, LIMITS.title, 'Vui lòng nhập tiêu đề câu hỏi.', 'Tiêu đề'));
  addError(errors, 'content', textError(input.content, LIMITS.content, 'Vui lòng nhập nội dung câu hỏi.'));
  addError(errors, 'captcha', input.captcha ? undefined : CAPTCHA_EMPTY);
  return { input, errors };
}

/**
 * Sends the question to Strapi as a draft ("chờ trả lời"); the CMS makes its slug. With `portal`
 * it is created in that portal (the one whose site it was sent on), else in the CMS's default.
 */
export async function sendQuestion(input: QuestionInput, portal?: PostPortal): Promise<void> {
  await cmsCaller('QUESTION')('/api/questions?status=draft', {
    method: 'POST',
    body: JSON.stringify({
      data: {
        title: input.title,
        askerName: input.name,
        email: input.email || null,
        phone: input.phone || null,
        content: input.content,
        ...(input.sectorId ? { sector: input.sectorId } : {}),
        ...(portal?.documentId ? { portal: portal.documentId } : {}),
      },
    }),
  });
}
