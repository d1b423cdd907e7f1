import { endpoints } from '@portico/contract/validators';
import { createClientFor, type PorticoClient, type PorticoClientOptions } from './core.js';

/** A client of the whole portal API: a method for every JSON endpoint of the contract. */
export function createPorticoClient(options: PorticoClientOptions): PorticoClient {
  return createClientFor(endpoints, options);
}

export {
  createClientFor,
  type EndpointMethod,
  type Page,
  type PorticoApi,
  type PorticoClient,
  type PorticoClientOptions,
  type RequestOptions,
} from './core.js';
