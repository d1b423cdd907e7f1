/** Types of fake-stripe.mjs: an in-process fake of the Stripe API for tests and the demo (not Stripe). */
export type StripeObject = Record<string, unknown> & { id: string; created?: number };

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  body: URLSearchParams;
}

export interface FakeStripe {
  /** `http://127.0.0.1:PORT` (STRIPE_API_BASE). */
  url: string;
  /** Every object by id (invoices, customers, payment methods, subscriptions, schedules, prices, products, meters, credit notes). */
  objects: Map<string, StripeObject>;
  /** Meter event summaries: `{ meter, customer, start_time, end_time, aggregated_value }`. */
  summaries: StripeObject[];
  requests: Recorded[];
  put(...objs: StripeObject[]): void;
  /** Answer the next `n` requests with 429 and this Retry-After (seconds). */
  rateLimit(n: number, retryAfter: string): void;
  close(): Promise<void>;
}

/** Stripe's example object of a resource (fixtures3.json), deep-copied, with `over` merged in. */
export function example(resource: string, over?: Record<string, unknown>): StripeObject;
export function startFakeStripe(opts?: { port?: number }): Promise<FakeStripe>;
