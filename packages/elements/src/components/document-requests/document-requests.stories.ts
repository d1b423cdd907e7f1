/** Stories of <portico-document-requests> (pattern: deliverable-list.stories.ts). */

import { me } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { empty, failOnce, malformed, never, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { json } from '../../testing/mock-api.js';
import { documentRequestsFixture } from '../../testing/mock-document-requests.js';
import type { PorticoDocumentRequests } from './document-requests.component.js';
import './document-requests.js';

type Args = Partial<Pick<PorticoDocumentRequests, 'projectId' | 'noLive'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const reviewer = () => json(me({ roles: ['member', 'reviewer'] }));
const allMissing = () => {
  const [r] = documentRequestsFixture();
  return json({
    data: [{ ...r!, items: r!.items.map((i) => ({ ...i, status: 'missing', files: [], reason: null, decidedBy: null, decidedAt: null })) }],
    nextCursor: null,
  });
};
const allDone = () => {
  const [r] = documentRequestsFixture();
  return json({
    data: [
      { ...r!, dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), items: r!.items.map((i) => ({ ...i, status: 'accepted' })) },
    ],
    nextCursor: null,
  });
};

const meta = {
  title: 'Components/Document requests',
  component: 'portico-document-requests',
  tags: ['autodocs'],
  args: { projectId: 'prj_1' },
  render: (args) => html`<portico-document-requests ${props(args)}></portico-document-requests>`,
} satisfies Meta<Args>;
export default meta;

/** The client's view: an overdue request with a rejected item, an uploaded one, an accepted one, an optional one, and a closed request. */
export const Playground: Story = {};
export const Reviewer: Story = {
  name: 'Reviewer (accept, reject, not applicable)',
  parameters: { portico: { handlers: { 'me.get': reviewer } } },
};
export const NothingSentYet: Story = {
  name: 'Nothing sent yet',
  parameters: { portico: { handlers: { 'documentRequests.list': allMissing } } },
};
export const AllReceived: Story = {
  name: 'Everything received',
  parameters: { portico: { handlers: { 'documentRequests.list': allDone } } },
};
export const Loading: Story = {
  parameters: { portico: { handlers: { 'documentRequests.list': never() }, waitFor: '[part~="loading"]' } },
};
export const Slow: Story = { parameters: { portico: { handlers: { 'documentRequests.list': slow(1500) } } } };
export const Empty: Story = { parameters: { portico: { handlers: { 'documentRequests.list': empty() } } } };
export const Unavailable: Story = {
  name: 'Error (503)',
  parameters: { portico: { handlers: { 'documentRequests.list': unavailable() } } },
};
export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'documentRequests.list': failOnce(unavailable()) } } },
};
export const Malformed: Story = {
  name: 'Malformed response',
  parameters: { portico: { handlers: { 'documentRequests.list': malformed() } } },
};
export const DarkRtl: Story = { name: 'Dark, right-to-left', globals: { theme: 'dark', locale: 'ar' } };
export const German: Story = {
  name: 'German, reviewer',
  globals: { locale: 'de' },
  parameters: { portico: { handlers: { 'me.get': reviewer } } },
};
