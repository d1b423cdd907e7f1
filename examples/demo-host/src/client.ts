// The private-link page (/client): a client of Acme Studio without an account. The provider has
// `access-link`: it takes the link's token from the address's fragment, removes it from the address
// bar and exchanges it for a short-lived guest token itself (no host backend, no getToken here).
import './pdf-policy.js';
import type { PorticoProvider } from '@portico/elements';

const provider = document.querySelector<PorticoProvider>('portico-provider[access-link]');
// Same origin: Acme's server proxies /portal/v1 to Portico. Set before the element upgrades.
if (provider) provider.baseUrl = location.origin;

// The project (not a secret) from the query string: one page serves every client's link.
const projectId = new URLSearchParams(location.search).get('project') ?? '';
for (const el of document.querySelectorAll('[data-project]')) el.setAttribute('project-id', projectId);

// Choosing a deliverable shows it with its decision and history beside the list.
document.addEventListener('portico-deliverable-select', (e) => {
  const review = document.querySelector<HTMLElement>('[data-review]');
  if (!review) return;
  for (const el of review.children) el.setAttribute('deliverable-id', e.detail.deliverable.id);
  review.hidden = false;
});

await import('@portico/elements/define');
