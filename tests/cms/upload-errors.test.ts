import { readFileSync } from 'node:fs';
import path from 'node:path';
import { errors } from '@strapi/utils';
import { describe, expect, test } from 'vitest';
import { formatLimit, translateUploadError, vietnameseUploadMessage } from '../../cms/src/lib/upload-errors';

const strapiFile = (file: string) => readFileSync(path.resolve(import.meta.dirname, '../../node_modules/@strapi', file), 'utf8');

describe('the media library refusals in Vietnamese (issue 16)', () => {
  test("Strapi still writes the English each rule reads (an upgrade that rewords one fails here)", () => {
    const mime = strapiFile('upload/dist/server/utils/mime-validation.js');
    expect(mime).toContain("message: `File type '${mimetype}' is not allowed`");
    expect(mime).toContain("message: 'MIME type is not allowed'");
    expect(mime).toContain("message: 'Cannot verify file type for security reasons'");
    expect(strapiFile('provider-upload-local/dist/index.js')).toContain('exceeds size limit of ${bytesToHumanReadable(sizeLimit)}.');
    expect(strapiFile('core/dist/middlewares/body.js')).toContain("ctx.payloadTooLarge('FileTooBig')");
    const upload = strapiFile('upload/dist/server/services/upload.js');
    expect(upload).toContain("'File is not a valid image'");
    expect(upload).toContain("'File name contains invalid characters'");
  });

  test('say what happened and what to do, naming the type, the file and the configured limit', () => {
    expect(vietnameseUploadMessage("File type 'application/x-msdownload' is not allowed")).toBe('Không tải lên được: cổng không nhận loại tệp application/x-msdownload. Chỉ nhận ảnh (JPEG, PNG, WebP, GIF…), PDF, Word, Excel, PowerPoint, CSV và văn bản thuần (.txt).');
    expect(vietnameseUploadMessage('bao-cao.pdf exceeds size limit of 52MB.', 50 * 1024 * 1024)).toBe('Không tải lên được “bao-cao.pdf”: tệp lớn hơn giới hạn 50 MB. Hãy nén hoặc thu nhỏ tệp rồi tải lên lại.');
    expect(vietnameseUploadMessage('File is not a valid image')).toMatch(/^Không tải lên được: tệp không phải là ảnh hợp lệ/);
    expect(vietnameseUploadMessage('Something else')).toBeNull();
    expect(formatLimit(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatLimit(2.5 * 1024 * 1024)).toBe('2,5 MB');
  });

  test('keep the error class and its details (the status the admin gets)', () => {
    const tooLarge = translateUploadError(new errors.PayloadTooLargeError('x.pdf exceeds size limit of 52MB.', { a: 1 }), 50 * 1024 * 1024) as errors.PayloadTooLargeError;
    expect(tooLarge).toBeInstanceOf(errors.PayloadTooLargeError);
    expect(tooLarge.details).toEqual({ a: 1 });
    expect(translateUploadError(new errors.ValidationError("File type 'image/svg+xml' is not allowed"))).toBeInstanceOf(errors.ValidationError);
    const other = new errors.ForbiddenError('Forbidden');
    expect(translateUploadError(other)).toBe(other);
  });
});
