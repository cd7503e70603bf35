import { describe, expect, test } from 'vitest';
import { changesPublicSite, isMediaEvent, isValidSecret, parseWebhookBody } from '../../scripts/publisher/webhook';

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
    [{ event: 'entry.update', model: 'portal' }, true],
    [{ event: 'entry.publish', model: 'user' }, false],
    [{ event: 'entry.create', model: 'comment' }, false],
    [{ event: 'entry.publish', model: 'comment' }, true],
    // A media event alone builds nothing: the publisher checks whether a published entry's files changed (isMediaEvent).
    [{ event: 'media.create' }, false],
    [{ event: 'media.update' }, false],
    [{ event: 'review-workflows.updateEntryStage', model: 'article' }, false],
  ])('%j → %s', (event, expected) => {
    expect(changesPublicSite(event)).toBe(expected);
  });
});

describe('isMediaEvent (issue 10 finding 12)', () => {
  test.each([
    [{ event: 'media.create' }, true],
    [{ event: 'media.update' }, true],
    [{ event: 'media.delete' }, true],
    [{ event: 'media.anything' }, true],
    [{ event: 'entry.publish', model: 'article' }, false],
    [{ event: 'mediax', model: 'article' }, false],
  ])('%j → %s', (event, expected) => {
    expect(isMediaEvent(event)).toBe(expected);
  });
});
