/**
 * Per-story overrides of the mock API's handlers, for `parameters.portico.handlers`:
 *
 * ```ts
 * parameters: { portico: { handlers: { 'tickets.list': unavailable() } } }
 * ```
 *
 * A value is a mock response, a mock handler (`src/testing/mock-api.ts`), or one of the factories
 * below, which wrap the endpoint's default handler and get fresh state for every render (so
 * "first request succeeds, the next one hangs" works every time a story is opened).
 */
import { json, type MockHandler, type MockResponse, malformedJson, malformedList, problem } from '../testing/mock-api.js';

const FACTORY = Symbol.for('portico.story-handler-factory');

/** Builds a handler from the endpoint's default one, once per rendered story. */
export interface HandlerFactory {
  readonly [FACTORY]: (original: MockHandler) => MockHandler;
}

export type HandlerOverride = MockResponse | MockHandler | HandlerFactory;

export const isHandlerFactory = (value: unknown): value is HandlerFactory =>
  typeof value === 'object' && value !== null && FACTORY in value;

/** Wraps the default handler of the endpoint it overrides. */
export const wrap = (create: (original: MockHandler) => MockHandler): HandlerFactory => ({ [FACTORY]: create });

/** Turns any override into a handler, given the endpoint's default one. */
export function resolveOverride(override: HandlerOverride, original: MockHandler): MockHandler {
  if (isHandlerFactory(override)) return override[FACTORY](original);
  return typeof override === 'function' ? override : () => override;
}

/** Never answers (until the request is aborted): the loading state. */
export const never = (): MockResponse => ({ status: 200, body: {}, delayMs: 2_147_483_647 });

/** The default answer, `ms` later. */
export const slow = (ms = 1500): HandlerFactory => wrap((original) => async (req) => ({ ...(await original(req)), delayMs: ms }));

/** An empty page of a list endpoint. */
export const empty = (): MockResponse => json({ data: [], nextCursor: null });

/** A problem response: `error(503, 'unavailable')`, `error(403, 'forbidden')`. */
export const error = (status: number, code: string): MockResponse => problem(status, code);

/** 503 `unavailable`, the usual outage. */
export const unavailable = (): MockResponse => problem(503, 'unavailable', 'Service unavailable');

/** A 200 that breaks the contract (rows missing required fields): the client rejects it as `invalid_response`. */
export const malformed = (): MockResponse => malformedList();

/** A 200 whose body is not JSON at all. */
export const notJson = (): MockResponse => malformedJson();

/** The first request gets the default answer, every later one `then` (e.g. `never()`: a refresh that hangs). */
export const afterFirst = (then: HandlerOverride): HandlerFactory =>
  wrap((original) => {
    let calls = 0;
    let later: MockHandler | undefined;
    return (req) => {
      if (calls++ === 0) return original(req);
      later ??= resolveOverride(then, original);
      return later(req);
    };
  });

/** The first request gets `first` (e.g. `unavailable()`), every later one the default answer: Retry recovers. */
export const failOnce = (first: HandlerOverride): HandlerFactory =>
  wrap((original) => {
    let calls = 0;
    const failing = resolveOverride(first, original);
    return (req) => (calls++ === 0 ? failing(req) : original(req));
  });
