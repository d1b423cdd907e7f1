import { type EndpointGroups, registerEndpoints } from '@portico/client';
import { type Message, registerLocaleLoader, registerMessages } from '../i18n/i18n.js';

/**
 * What a component (or a shared piece of one, like the upload chips) needs registered before it
 * renders: its English messages, loaders of its other languages, and the endpoint groups it calls
 * (for the provider's lean client). Declared as data (`static resources` of a component class) and
 * registered when the first element of the class is constructed — never when a module is imported,
 * so that importing a class, the package index or a controller has no side effect, and a class
 * defined under a tag of the host's own choosing still brings what it needs.
 */
export interface Resources {
  /** English messages: the source catalog of this piece. */
  readonly en?: Readonly<Record<string, Message>>;
  /** The other languages, loaded on first use: `{ de: () => import('./x.messages.de.js') }`, a module exporting its catalog under the language's name. */
  readonly locales?: Readonly<Record<string, () => Promise<Record<string, Readonly<Record<string, Message>>>>>>;
  /** Endpoint groups called, from `@portico/contract/validators/<group>`. */
  readonly endpoints?: EndpointGroups;
  /** Shared pieces needed too. */
  readonly uses?: readonly Resources[];
}

const registered = new WeakSet<Resources>();

/** Registers `resources` (and what they use) once; later calls with the same object do nothing. */
export function useResources(resources: Resources | undefined): void {
  if (!resources || registered.has(resources)) return;
  registered.add(resources);
  const { en, locales = {}, endpoints, uses = [] } = resources;
  uses.forEach(useResources);
  if (en) registerMessages('en', en);
  if (endpoints) registerEndpoints(endpoints);
  for (const lang in locales) registerLocaleLoader(lang, () => locales[lang]!().then((m) => m[lang]!));
}
