/** Stories of <portico-notification-bell> (pattern: ticket-list.stories.ts). */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { never, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { json } from '../../testing/mock-api.js';
import type { PorticoNotificationBell } from './notification-bell.component.js';
import './notification-bell.js';

type Args = Partial<Pick<PorticoNotificationBell, 'href' | 'open'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const meta = {
  title: 'Components/Notification bell',
  component: 'portico-notification-bell',
  tags: ['autodocs'],
  args: { href: '/notifications' },
  // A header-like row: the popover opens below the bell, towards the start side.
  render: (args) =>
    html`<div style="display: flex; justify-content: flex-end; min-block-size: 36rem"><portico-notification-bell ${props(args)}></portico-notification-bell></div>`,
} satisfies Meta<Args>;

export default meta;

export const Playground: Story = {};
export const Open: Story = {
  name: 'Open (the feed in its popover)',
  play: async ({ canvasElement }) => {
    const bell = canvasElement.querySelector('portico-notification-bell')!;
    await bell.show();
  },
  parameters: { portico: { waitFor: '[part~="panel"]' } },
};
export const None: Story = {
  name: 'Nothing unread',
  parameters: { portico: { handlers: { 'notifications.summary': json({ unread: 0 }) } } },
};
export const Many: Story = {
  name: 'More than 99',
  parameters: { portico: { handlers: { 'notifications.summary': json({ unread: 240 }) } } },
};
export const Loading: Story = { parameters: { portico: { handlers: { 'notifications.summary': never() }, waitFor: '[part~="button"]' } } };
export const Unavailable: Story = {
  name: 'Error (count unknown)',
  parameters: { portico: { handlers: { 'notifications.summary': unavailable() }, waitFor: '.badge--unknown' } },
};
export const DarkRtl: Story = { name: 'Dark, right-to-left', globals: { theme: 'dark', locale: 'ar' } };
