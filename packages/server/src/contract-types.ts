export type { EndpointDef, Endpoints } from '@portico/contract';
export type { StaffEndpoints as StaffEndpointsShape } from '@portico/contract/staff';
