import type { EndpointGroupDefs, Endpoints } from '@portico/contract';

/** Endpoint groups by name, as `createClientFor` reads them: e.g. `endpoints` of `@portico/contract`, or a part of it. */
export type EndpointTable = { readonly [group: string]: EndpointGroupDefs | undefined };

/** Groups of the contract's table, each optional: what `registerEndpoints` takes. */
export type EndpointGroups = { [G in keyof Endpoints]?: Endpoints[G] };

/**
 * The endpoint groups registered so far by the code on the page, most often by each component's
 * module (`registerEndpoints({ tickets })`). A client made with `createClientFor(endpointRegistry, …)`
 * reads it when a group is first used, so it sees groups registered after it was created, and a
 * bundle holds only the schemas of the groups its code registers.
 */
export const endpointRegistry: EndpointTable = {};

/**
 * Adds groups of the contract to `endpointRegistry`, e.g.
 * `registerEndpoints({ tickets, attachments })` with each group imported from
 * `@portico/contract/validators/<group>` (the zod-free validators; `@portico/contract/endpoints/<group>`, with zod, works
 * too). Registering a group again replaces it.
 */
export function registerEndpoints(groups: EndpointGroups): void {
  Object.assign(endpointRegistry, groups);
}
