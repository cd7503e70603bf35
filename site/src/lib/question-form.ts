/**
 * The question form's shape ("Gửi câu hỏi"), shared by the page that carries it (built statically:
 * components/QuestionForm.astro) and the on-demand code that reads and answers it
 * (server/questions.ts, pages/gui-cau-hoi.astro): its fields, their names in the form and their
 * length limits (those of the question type in content-types/src/model.ts).
 */

/** Longest value accepted per field, in characters after NFC. */
export const QUESTION_LIMITS = { name: 80, email: 254, phone: 20, title: 200, content: 4000 } as const;

/** A field of the form that can carry an error message. */
export type QuestionField = 'name' | 'email' | 'phone' | 'sector' | 'title' | 'content' | 'captcha';

/** Each field's `name` in the HTML form. */
export const QUESTION_FIELD_NAMES: Record<QuestionField, string> = {
  name: 'ho-ten',
  email: 'email',
  phone: 'dien-thoai',
  sector: 'linh-vuc',
  title: 'tieu-de',
  content: 'noi-dung',
  captcha: 'ma-xac-thuc',
};

/** Where the form is (static) and where it posts to (on demand). */
export const QUESTION_FORM_PATH = '/hoi-dap/gui-cau-hoi/';
export const QUESTION_POST_PATH = '/gui-cau-hoi/';

/** The release file listing the sectors a question may name, for the on-demand route (pages/hoi-dap/linh-vuc.json.ts). */
export const QUESTION_SECTORS_PATH = '/hoi-dap/linh-vuc.json';

/** Sent back when the question has been handed to Strapi (also the success note of the form page). */
export const QUESTION_SENT = 'Câu hỏi của bạn đã được gửi. Câu hỏi và câu trả lời sẽ được đăng trên mục Hỏi đáp sau khi cơ quan trả lời.';

/** A phone number as people write it: digits with spaces, dots, dashes, brackets, a leading +; 9 to 15 digits. */
export function isPhoneNumber(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return /^\+?[0-9 .()-]+$/.test(value) && digits >= 9 && digits <= 15;
}
