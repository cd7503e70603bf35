/**
 * A reader's post from a form of the portal (a comment, a question), decided the same way for
 * each: the declared size, the form, what it is about, the rate limit per address, the fields, the
 * captcha, then Strapi (as a draft waiting for an editor). Each form states only what differs: how
 * its fields are read, its messages and where a success without JavaScript goes back to
 * (comment-handler.ts, question-handler.ts). The page only turns the answer into a response: JSON
 * for the form's script; without JavaScript a redirect on success, or the form again, as the
 * reader filled it, on refusal.
 */

/** The captcha answer every reader form carries. */
export interface CaptchaInput {
  captcha: string;
}

/** What a form's post says about itself. */
export interface ReaderForm<F extends string, I extends CaptchaInput> {
  /** Posts larger than this (bytes, as the client declares them) are refused unread. */
  maxBytes: number;
  /** Each field's `name` in the HTML form (the script focuses the field a refusal names). */
  fieldNames: Record<F | 'captcha', string>;
  /** Reads the form: the cleaned values and a Vietnamese message for each bad field. */
  read(form: FormData): { input: I; errors: Partial<Record<F | 'captcha', string>> };
  /** A message when what the post is about does not exist (answered 404, nothing counted), else null. */
  missing?(input: I): string | null;
  /** "Bạn đã gửi quá nhiều …": the start of the over-the-limit message. */
  tooMany: string;
  /** Sent back when Strapi has taken it. */
  sent: string;
  /** Sent back when Strapi did not take it (the typed text is kept). */
  notSent: string;
  /** Where a success without JavaScript goes back to. */
  sentLocation(input: I): string;
  /** Tag of the log line when Strapi did not take it, and what was not sent ("the comment"). */
  log: { tag: string; what: string };
}

/** What deciding a post needs from outside (the reader store, Strapi). */
export interface ReaderPostServices<I> {
  /** Counts this post against the sender's address. */
  consumeLimit(): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  /** Takes the captcha this reader was given and compares `answer` with it. */
  checkCaptcha(answer: string): Promise<'ok' | 'wrong' | 'missing'>;
  /** Hands the post to Strapi; throws when it was not taken. */
  send(input: I): Promise<void>;
}

/** How to answer a reader's post. */
export type ReaderPostAnswer<F extends string, I> =
  | { kind: 'redirect'; location: string }
  | { kind: 'json'; status: number; body: Record<string, unknown>; headers: Record<string, string> }
  | { kind: 'form'; status: number; message: string; input: I; errors: Partial<Record<F | 'captcha', string>>; headers: Record<string, string> };

/** Refusals of the captcha, the same on every form of the portal. */
export const CAPTCHA_WRONG = 'Mã xác thực không đúng.';
export const CAPTCHA_MISSING = 'Mã xác thực đã hết hạn hoặc đã được dùng. Vui lòng nhập mã mới.';

/** Decides the answer to `request`; every refusal carries a Vietnamese message for the reader. */
export async function handleReaderPost<F extends string, I extends CaptchaInput>(
  request: Request,
  spec: ReaderForm<F, I>,
  services: ReaderPostServices<I>,
): Promise<ReaderPostAnswer<F, I>> {
  type Field = F | 'captcha';
  const json = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): ReaderPostAnswer<F, I> => ({ kind: 'json', status, body, headers });
  if (request.method !== 'POST') return { kind: 'redirect', location: '/' };
  if (Number(request.headers.get('content-length') ?? 0) > spec.maxBytes) return json(413, { error: 'Nội dung gửi quá dài.' });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json(400, { error: 'Yêu cầu không hợp lệ.' });
  }
  const { input, errors } = spec.read(form);
  const missing = spec.missing?.(input);
  if (missing) return json(404, { error: missing });

  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const refuse = (status: number, message: string, field?: Field, headers: Record<string, string> = {}): ReaderPostAnswer<F, I> =>
    wantsJson
      ? json(status, { error: message, field: field ? spec.fieldNames[field] : undefined, errors }, headers)
      : { kind: 'form', status, message, input, errors, headers };

  // Counted before the fields are judged: a flood of bad posts uses up the limit too.
  const limit = await services.consumeLimit();
  if (!limit.allowed) {
    return refuse(429, `${spec.tooMany} Vui lòng thử lại sau ${Math.ceil(limit.retryAfterSeconds / 60)} phút.`, undefined, { 'retry-after': String(limit.retryAfterSeconds) });
  }
  const firstError = (Object.keys(errors) as Field[])[0];
  if (firstError) return refuse(400, errors[firstError]!, firstError);
  const captcha = await services.checkCaptcha(input.captcha);
  if (captcha !== 'ok') {
    errors.captcha = captcha === 'wrong' ? CAPTCHA_WRONG : CAPTCHA_MISSING;
    return refuse(400, errors.captcha, 'captcha');
  }
  try {
    await services.send(input);
  } catch (error) {
    console.error(`[${spec.log.tag}] ${spec.log.what} was not sent: ${(error as Error).message}`);
    return refuse(503, spec.notSent);
  }
  return wantsJson ? json(201, { message: spec.sent }) : { kind: 'redirect', location: spec.sentLocation(input) };
}
