/** Stories of <portico-deliverable-list> (pattern: ticket-list.stories.ts). */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { empty, failOnce, malformed, never, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import type { PorticoDeliverableList } from './deliverable-list.component.js';
import './deliverable-list.js';

type Args = Partial<Pick<PorticoDeliverableList, 'projectId' | 'reviewStatus' | 'selected' | 'hideFilters' | 'noLive'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const meta = {
  title: 'Components/Deliverable list',
  component: 'portico-deliverable-list',
  tags: ['autodocs'],
  args: { projectId: 'prj_1' },
  render: (args) => html`<portico-deliverable-list ${props(args)}></portico-deliverable-list>`,
  argTypes: { reviewStatus: { control: 'select', options: ['', 'pending', 'changes_requested', 'approved'] } },
} satisfies Meta<Args>;
export default meta;

export const Playground: Story = {};
export const Loading: Story = { parameters: { portico: { handlers: { 'deliverables.list': never() }, waitFor: '[part~="loading"]' } } };
export const Slow: Story = { parameters: { portico: { handlers: { 'deliverables.list': slow(1500) } } } };
export const Empty: Story = { parameters: { portico: { handlers: { 'deliverables.list': empty() } } } };
export const Unavailable: Story = { name: 'Error (503)', parameters: { portico: { handlers: { 'deliverables.list': unavailable() } } } };
export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'deliverables.list': failOnce(unavailable()) } } },
};
export const Malformed: Story = { name: 'Malformed response', parameters: { portico: { handlers: { 'deliverables.list': malformed() } } } };
export const DarkRtl: Story = { name: 'Dark, right-to-left', globals: { theme: 'dark', locale: 'ar' } };
