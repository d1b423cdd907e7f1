/**
 * The msw adapter for Storybook: one msw `http` handler per endpoint of the contract, at
 * `*\/portal/v1/<path>`, answered by the story's mock API (`src/testing/mock-api.ts`) — the same
 * handlers, fixtures, delays, problems and SSE stream the tests use. Each rendered story gets its
 * own mock API under its own base URL (`<origin>/__portico/<key>`), so a docs page that shows
 * several stories at once serves each its own data and overrides.
 *
 * Only `.storybook/preview.ts` imports this file (msw stays out of the tests and the package).
 */
import { API_PREFIX, endpointList } from '@portico/contract';
import { type HttpHandler, HttpResponse, http } from 'msw';
import type { MockApi } from '../testing/mock-api.js';
import { createStoryMock, type PorticoLoaded, type PorticoStoryParameters } from './portico.js';

const SCOPE = '/__portico/';
const apis = new Map<string, MockApi>();
const KEEP = 24; // mock APIs of recently rendered stories (a docs page renders many)
let counter = 0;

/** A mock API and client for one rendered story, its requests going over msw. */
export function createMswStoryMock(parameters: PorticoStoryParameters | undefined, id = 'story'): PorticoLoaded {
  const key = `${id.replace(/[^\w-]/g, '_')}-${++counter}`;
  const loaded = createStoryMock(parameters, { baseUrl: `${location.origin}${SCOPE}${key}` });
  apis.set(key, loaded.api);
  for (const old of apis.keys()) if (apis.size > KEEP) apis.delete(old);
  return loaded;
}

const apiOf = (request: Request): MockApi | undefined => {
  const path = new URL(request.url).pathname;
  const at = path.indexOf(SCOPE);
  if (at < 0) return [...apis.values()].at(-1); // a client of the story's own making: the newest story's API
  const key = path.slice(at + SCOPE.length).split('/')[0] ?? '';
  return apis.get(key);
};

const METHODS = { GET: http.get, POST: http.post, PUT: http.put, PATCH: http.patch, DELETE: http.delete } as const;

/**
 * msw handlers for every endpoint (`/tickets/{id}` → `*\/portal/v1/tickets/:id`), literal paths
 * first. Each hands the request to the story's mock API, which routes it to the handler of that
 * endpoint (`'tickets.get'`), honours `delayMs` and the request's abort, and streams `/events`.
 */
export function porticoMswHandlers(): HttpHandler[] {
  return endpointList()
    .map(([, , def]) => def)
    .sort((a, b) => Number(a.path.includes('{')) - Number(b.path.includes('{')))
    .map((def) => {
      const method = METHODS[def.method as keyof typeof METHODS] ?? http.all;
      const path = `*${API_PREFIX}${def.path.replace(/\{([a-z_]+)\}/g, ':$1')}`;
      return method(path, async ({ request }) => {
        const api = apiOf(request);
        if (!api)
          return HttpResponse.json({ type: 'about:blank', title: 'No story mock', status: 503, code: 'unavailable' }, { status: 503 });
        return api.fetch(request);
      });
    });
}
