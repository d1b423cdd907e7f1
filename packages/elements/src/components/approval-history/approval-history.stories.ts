/** Stories of <portico-approval-history> (pattern: ticket-list.stories.ts). */
import { approval } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { empty, failOnce, malformed, never, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { json } from '../../testing/mock-api.js';
import type { PorticoApprovalHistory } from './approval-history.component.js';
import './approval-history.js';

type Args = Partial<Pick<PorticoApprovalHistory, 'deliverableId' | 'headingLevel'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const TRAIL = json({
  data: [
    approval(4, { version: 3, decision: 'approved', comment: null }),
    approval(3, { version: 3, decision: 'changes_requested', comment: 'Logo larger, please.' }),
    approval(2, { version: 2, decision: 'changes_requested', comment: 'Warmer colours.' }),
    approval(1, { version: 1, decision: 'changes_requested', comment: 'First round: see the marked regions.' }),
  ],
  nextCursor: null,
});

const meta = {
  title: 'Components/Approval history',
  component: 'portico-approval-history',
  tags: ['autodocs'],
  args: { deliverableId: 'dlv_1', headingLevel: 3 },
  render: (args) => html`<portico-approval-history ${props(args)}></portico-approval-history>`,
  parameters: { portico: { handlers: { 'approvals.list': TRAIL } } },
} satisfies Meta<Args>;

export default meta;

export const Playground: Story = {};
export const Loading: Story = { parameters: { portico: { handlers: { 'approvals.list': never() }, waitFor: '[part~="loading"]' } } };
export const Slow: Story = { parameters: { portico: { handlers: { 'approvals.list': slow(1500) } } } };
export const Empty: Story = { parameters: { portico: { handlers: { 'approvals.list': empty() } } } };
export const Unavailable: Story = { name: 'Error (503)', parameters: { portico: { handlers: { 'approvals.list': unavailable() } } } };
export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'approvals.list': failOnce(unavailable()) } } },
};
export const Malformed: Story = { name: 'Malformed response', parameters: { portico: { handlers: { 'approvals.list': malformed() } } } };
export const DarkRtl: Story = { name: 'Dark, right-to-left', globals: { theme: 'dark', locale: 'ar' } };
