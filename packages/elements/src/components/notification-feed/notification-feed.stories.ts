/** Stories of <portico-notification-feed> (pattern: ticket-list.stories.ts). */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { empty, failOnce, malformed, never, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { problem } from '../../testing/mock-api.js';
import type { PorticoNotificationFeed } from './notification-feed.component.js';
import './notification-feed.js';

type Args = Partial<Pick<PorticoNotificationFeed, 'view' | 'category' | 'pageSize' | 'compact'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const meta = {
  title: 'Components/Notification feed',
  component: 'portico-notification-feed',
  tags: ['autodocs'],
  args: { view: 'unread', category: '', pageSize: 20, compact: false },
  argTypes: {
    view: { control: 'inline-radio', options: ['unread', 'all', 'archived'] },
    category: { control: 'select', options: ['', 'tickets', 'billing', 'projects', 'announcements'] },
  },
  render: (args) => html`<portico-notification-feed ${props(args)}></portico-notification-feed>`,
} satisfies Meta<Args>;

export default meta;

export const Playground: Story = {};
export const All: Story = { args: { view: 'all' } };
export const Billing: Story = { name: 'One category (billing)', args: { view: 'all', category: 'billing' } };
export const Paged: Story = { name: 'Paged (Show more)', args: { view: 'all', pageSize: 3 } };
export const Compact: Story = { args: { compact: true } };
export const Loading: Story = { parameters: { portico: { handlers: { 'notifications.list': never() }, waitFor: '[part~="loading"]' } } };
export const Slow: Story = { parameters: { portico: { handlers: { 'notifications.list': slow(1500) } } } };
export const Empty: Story = { name: 'Empty (all caught up)', parameters: { portico: { handlers: { 'notifications.list': empty() } } } };
export const Unavailable: Story = { name: 'Error (503)', parameters: { portico: { handlers: { 'notifications.list': unavailable() } } } };
export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'notifications.list': failOnce(unavailable()) } } },
};
export const Malformed: Story = {
  name: 'Malformed response',
  parameters: { portico: { handlers: { 'notifications.list': malformed() } } },
};
export const ActionFails: Story = {
  name: 'Marking read fails (click “Mark read”)',
  parameters: { portico: { handlers: { 'notifications.read': problem(503, 'unavailable', 'Service unavailable') } } },
};
export const DarkRtl: Story = { name: 'Dark, right-to-left', globals: { theme: 'dark', locale: 'ar' } };
