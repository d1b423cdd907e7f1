// Template types of the <portico-*> tags for svelte-check and the Svelte language server:
// their properties, attributes and `onportico-…` events.
/// <reference types="@portico/elements/types/svelte" />
