import type { PorticoClient } from '@portico/client';

/**
 * The client type components accept: `PorticoClient` from `@portico/client` (type-only import,
 * so a component bundle never pulls in the client's code — the provider or the host creates it).
 */
export type PorticoClientLike = PorticoClient;
