/** Stories of <portico-approval-button> (pattern: ticket-list.stories.ts). Mock data: `dlv_1`, current version 2. */
import { approval, me } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { empty, error, failOnce, never, notJson, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { settled } from '../../stories/settle.js';
import { json } from '../../testing/mock-api.js';
import type { PorticoApprovalButton } from './approval-button.component.js';
import './approval-button.js';

type Args = Partial<Pick<PorticoApprovalButton, 'deliverableId' | 'version'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const button = (canvas: HTMLElement) => canvas.querySelector('portico-approval-button')!;
const undecided = { 'approvals.list': empty() };
/** Opens the dialog (and with `confirm`, confirms it). */
const decide =
  (which: 'approve' | 'request-changes', confirm = false, comment = '') =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = button(canvasElement);
    await settled(el);
    el.shadowRoot!.querySelector<HTMLElement>(`[part~="${which}"]`)!.click();
    await el.updateComplete;
    if (!confirm) return;
    const field = el.shadowRoot!.querySelector<HTMLTextAreaElement>('[part~="comment"]')!;
    field.value = comment;
    field.dispatchEvent(new Event('input'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLElement>('[part~="confirm"]')!.click();
  };

const meta = {
  title: 'Components/Approval button',
  component: 'portico-approval-button',
  tags: ['autodocs'],
  args: { deliverableId: 'dlv_1', version: 0 },
  render: (args) => html`<portico-approval-button ${props(args)}></portico-approval-button>`,
  argTypes: { version: { control: { type: 'number', min: 0 } } },
  parameters: { portico: { handlers: undecided } },
} satisfies Meta<Args>;

export default meta;

// ── Playground ──────────────────────────────────────────────────────────────────────────────
export const Playground: Story = {};

// ── States ──────────────────────────────────────────────────────────────────────────────────
export const Approved: Story = { parameters: { portico: { handlers: {} } } };
export const ChangesRequested: Story = { name: 'Changes requested', args: { version: 1 }, parameters: { portico: { handlers: {} } } };
export const Loading: Story = {
  parameters: { portico: { handlers: { 'deliverables.get': never() }, waitFor: '[part~="loading"]' } },
};
export const Slow: Story = { parameters: { portico: { handlers: { ...undecided, 'approvals.create': slow(2000) } } } };
export const DialogOpen: Story = { name: 'Dialog open', play: decide('approve') };
export const RequestChangesDialog: Story = { name: 'Request changes dialog', play: decide('request-changes') };
export const Deciding: Story = {
  parameters: { portico: { handlers: { ...undecided, 'approvals.create': never() }, waitFor: '[part~="base"][aria-busy="true"]' } },
  play: decide('approve', true),
};
export const JustApproved: Story = {
  name: 'Approved just now',
  parameters: { portico: { handlers: { ...undecided, 'approvals.create': json(approval(2), 201) } } },
  play: decide('approve', true, 'Looks great'),
};
export const NoApproverRole: Story = {
  name: 'No approver role',
  parameters: { portico: { handlers: { ...undecided, 'me.get': json(me({ roles: ['member'] })) } } },
};
export const OlderVersion: Story = { name: 'Version conflict', args: { version: 1 } };
export const DecideFailsThenRetry: Story = {
  name: 'Decision fails, Retry recovers',
  parameters: { portico: { handlers: { ...undecided, 'approvals.create': failOnce(unavailable()) } } },
  play: decide('approve', true),
};
export const Forbidden: Story = {
  name: 'Decision refused (403)',
  parameters: { portico: { handlers: { ...undecided, 'approvals.create': error(403, 'forbidden') } } },
  play: decide('approve', true),
};
export const LoadError: Story = { name: 'Error (503)', parameters: { portico: { handlers: { 'deliverables.get': unavailable() } } } };
export const Malformed: Story = { name: 'Malformed response', parameters: { portico: { handlers: { 'deliverables.get': notJson() } } } };

// ── Accessibility ───────────────────────────────────────────────────────────────────────────
export const DarkRtl: Story = { name: 'Dark, right-to-left', globals: { theme: 'dark', locale: 'ar' } };
