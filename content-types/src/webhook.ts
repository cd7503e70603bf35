/**
 * The publish webhook as the CMS sends it and the publisher checks it: Strapi's webhooks are
 * unsigned, so the CMS sends the shared secret (WEBHOOK_SECRET) in this header.
 */

/** The header the webhook secret travels in (cms/src/bootstrap/publisher-webhook.ts sets it, scripts/publisher/server.ts checks it). */
export const WEBHOOK_SECRET_HEADER = 'x-cong-webhook-secret';
