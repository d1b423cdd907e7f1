import * as z from 'zod/mini';
import { Id, Role } from './common.js';

/** The signed-in contact, as the portal token and the server know them. */
export const Me = z.object({
  id: Id,
  externalId: z.string(),
  name: z.string(),
  email: z.nullable(z.string()),
  roles: z.array(Role),
  features: z.array(z.string()),
  organization: z.object({ id: Id, externalId: z.string(), name: z.string() }),
});
export type Me = z.infer<typeof Me>;
