/**
 * What readers do that must outlive a page: visit counters, ratings, rate limits and captcha
 * answers. One interface, two stores: an embedded SQLite file (the default, one public server)
 * and Redis (`REDIS_URL`: several public servers share one count). Every operation is atomic, so
 * counts stay exact under concurrent requests.
 */

/** A new visit starts when a visitor has not been seen for this long. */
export const VISIT_GAP_MS = 30 * 60 * 1000;
/** "Online": distinct visitors seen in this window. */
export const ONLINE_WINDOW_MS = 5 * 60 * 1000;
/** Visitor rows kept at most (the oldest go first): storage stays bounded whatever the traffic. */
export const MAX_VISITORS = 200_000;

export interface VisitCounts {
  /** Visits since the portal started counting. */
  total: number;
  /** Visits that started today (Asia/Ho_Chi_Minh). */
  today: number;
  /** Distinct visitors in the last 5 minutes. */
  online: number;
}

export interface RatingSummary {
  count: number;
  sum: number;
}

export interface ReaderStore {
  readonly kind: 'sqlite' | 'redis';
  /**
   * Counts a page view by `visitor` (a hash, never an address in clear); returns the counters.
   * Visitors are remembered only for the visit gap, and at most MAX_VISITORS of them.
   */
  recordVisit(visitor: string, now?: number): Promise<VisitCounts>;
  visitCounts(now?: number): Promise<VisitCounts>;
  /** One vote per voter per article: `accepted` is false for a second vote, which changes nothing. */
  vote(article: string, voter: string, stars: number): Promise<RatingSummary & { accepted: boolean }>;
  rating(article: string): Promise<RatingSummary>;
  /** Counts one request against `bucket`: at most `limit` per `windowMs`. */
  consume(bucket: string, limit: number, windowMs: number, now?: number): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  /** Keeps a captcha answer until `ttlMs` passes or it is taken. */
  putCaptcha(id: string, answer: string, ttlMs: number, now?: number): Promise<void>;
  /** Returns the answer and forgets it (single use), or null when unknown or expired. */
  takeCaptcha(id: string, now?: number): Promise<string | null>;
  /**
   * A random salt for `day` (YYYY-MM-DD), made once and shared by every server using the store;
   * salts of days before yesterday are deleted, so old visitor hashes cannot be recomputed.
   */
  dailySalt(day: string, now?: number): Promise<string>;
  close(): Promise<void>;
}
