/**
 * The media library's refusals in Vietnamese (issue 16). Strapi's upload plugin answers a file of
 * a type the portal does not take, a file over the size limit or a broken image in English
 * ("File type 'image/svg+xml' is not allowed", "x.pdf exceeds size limit of 50MB."), and the
 * admin shows that text to the editor as it is. The same error comes back with a message an
 * editor can act on; anything else passes unchanged.
 */
import { errors } from '@strapi/utils';

/** What the portal takes (cms/config/plugins.ts), as an editor would name it. */
export const ACCEPTED_FILES = 'ảnh (JPEG, PNG, WebP, GIF…), PDF, Word, Excel, PowerPoint, CSV và văn bản thuần (.txt)';

type Rule = [RegExp, (m: RegExpMatchArray, limit: string | null) => string];

/** The configured limit as editors read it: 52428800 → "50 MB" (Strapi writes it in powers of 1000: "52MB"). */
export function formatLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace('.', ',')} MB`;
}

const RULES: Rule[] = [
  [/^File type '(.+)' is not allowed$/, (m) => `Không tải lên được: cổng không nhận loại tệp ${m[1]}. Chỉ nhận ${ACCEPTED_FILES}.`],
  [/^MIME type is not allowed$/, () => `Không tải lên được: cổng không nhận loại tệp này. Chỉ nhận ${ACCEPTED_FILES}.`],
  [/^Cannot verify file type for security reasons$/, () => `Không tải lên được: không xác định được loại tệp. Chỉ nhận ${ACCEPTED_FILES}.`],
  [/^(.+) exceeds size limit of (.+?)\.?$/, (m, limit) => `Không tải lên được “${m[1]}”: tệp lớn hơn giới hạn ${limit ?? m[2]}. Hãy nén hoặc thu nhỏ tệp rồi tải lên lại.`],
  [/^FileTooBig$/, () => 'Không tải lên được: tệp lớn hơn giới hạn cho phép. Hãy nén hoặc thu nhỏ tệp rồi tải lên lại.'],
  [/^File is not a valid image$/, () => 'Không tải lên được: tệp không phải là ảnh hợp lệ (có thể bị hỏng hoặc sai phần mở rộng).'],
  [/^File name contains invalid characters$/, () => 'Không tải lên được: tên tệp có ký tự không hợp lệ. Hãy đổi tên tệp rồi tải lên lại.'],
  [/^Files are empty$/, () => 'Chưa chọn tệp nào để tải lên.'],
];

/** The Vietnamese message for one of the upload plugin's English ones, or null; `sizeLimit` in bytes (the upload config's). */
export function vietnameseUploadMessage(message: string, sizeLimit?: number): string | null {
  for (const [pattern, text] of RULES) {
    const m = message.match(pattern);
    if (m) return text(m, sizeLimit ? formatLimit(sizeLimit) : null);
  }
  return null;
}

/** `error` with its message in Vietnamese when it is one of the upload plugin's; the same class and details. */
export function translateUploadError(error: unknown, sizeLimit?: number): unknown {
  if (!(error instanceof Error)) return error;
  const vietnamese = vietnameseUploadMessage(error.message, sizeLimit);
  if (vietnamese === null) return error;
  if (error instanceof errors.PayloadTooLargeError) return new errors.PayloadTooLargeError(vietnamese, error.details);
  if (error instanceof errors.ValidationError) return new errors.ValidationError(vietnamese, error.details);
  if (error instanceof errors.ApplicationError) return new errors.ApplicationError(vietnamese, error.details);
  error.message = vietnamese;
  return error;
}
