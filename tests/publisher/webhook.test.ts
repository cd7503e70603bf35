import { describe, expect, test } from 'vitest';
import { changesPublicSite, isValidSecret, parseWebhookBody } from '../../scripts/publisher/webhook';

describe('isValidSecret', () => {
  test('accepts the right secret only', () => {
    expect(isValidSecret('s3cret-value', 's3cret-value')).toBe(true);
    expect(isValidSecret('s3cret-valuX', 's3cret-value')).toBe(false);
    expect(isValidSecret('s3cret', 's3cret-value')).toBe(false);
    expect(isValidSecret(undefined, 's3cret-value')).toBe(false);
    expect(isValidSecret('', '')).toBe(false);
  });
});

describe('parseWebhookBody', () => {
  test('reads the event, model and uid', () => {
    expect(parseWebhookBody('{"event":"entry.publish","model":"article","uid":"api::article.article","entry":{}}')).toEqual({ event: 'entry.publish', model: 'article', uid: 'api::article.article' });
  });
  test('explains a malformed body', () => {
    expect(() => parseWebhookBody('not json')).toThrow('body is not JSON');
    expect(() => parseWebhookBody('{"model":"article"}')).toThrow('body has no "event" field');
  });
});

describe('changesPublicSite', () => {
  test.each([
    [{ event: 'entry.publish', model: 'article' }, true],
    [{ event: 'entry.unpublish', model: 'announcement' }, true],
    [{ event: 'entry.delete', model: 'link' }, true],
    [{ event: 'entry.update', model: 'article' }, false],
    [{ event: 'entry.create', model: 'article' }, false],
    [{ event: 'entry.update', model: 'category' }, true],
    [{ event: 'entry.create', model: 'site-setting' }, true],
    [{ event: 'entry.publish', model: 'user' }, false],
    [{ event: 'entry.create', model: 'comment' }, false],
    [{ event: 'entry.publish', model: 'comment' }, true],
    [{ event: 'media.create' }, true],
    [{ event: 'review-workflows.updateEntryStage', model: 'article' }, false],
  ])('%j → %s', (event, expected) => {
    expect(changesPublicSite(event)).toBe(expected);
  });
});
