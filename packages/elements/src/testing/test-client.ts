/**
 * A real `PorticoClient` on the mock API, for tests and stories: no retries (errors show at
 * once), a fixed token. `@portico/elements/testing` re-exports it.
 */
import { createPorticoClient, type PorticoClient, type PorticoClientOptions } from '@portico/client';
import { createMockApi, type MockApi, type MockApiOptions } from './mock-api.js';

export interface MockClient {
  api: MockApi;
  client: PorticoClient;
}

export function createMockClient(options: MockApiOptions & { client?: Partial<PorticoClientOptions> } = {}): MockClient {
  const api = createMockApi(options);
  const client = createPorticoClient({
    baseUrl: 'https://portal.test',
    getToken: async () => ({ token: 'test-token', expiresAt: Date.now() + 3_600_000 }),
    fetch: api.fetch,
    retry: { limit: 0 },
    ...options.client,
  });
  return { api, client };
}
