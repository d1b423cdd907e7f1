/** Stories of <portico-notification-preferences> (pattern: ticket-list.stories.ts). */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { failOnce, never, notJson, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { problem } from '../../testing/mock-api.js';
import './notification-preferences.js';

type Story = StoryObj & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const meta = {
  title: 'Components/Notification preferences',
  component: 'portico-notification-preferences',
  tags: ['autodocs'],
  render: () => html`<portico-notification-preferences></portico-notification-preferences>`,
} satisfies Meta;

export default meta;

export const Playground: Story = {};
export const Loading: Story = {
  parameters: { portico: { handlers: { 'notifications.preferences': never() }, waitFor: '[part~="loading"]' } },
};
export const Slow: Story = { parameters: { portico: { handlers: { 'notifications.preferences': slow(1500) } } } };
export const Unavailable: Story = {
  name: 'Error (503)',
  parameters: { portico: { handlers: { 'notifications.preferences': unavailable() } } },
};
export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'notifications.preferences': failOnce(unavailable()) } } },
};
export const Malformed: Story = {
  name: 'Malformed response',
  parameters: { portico: { handlers: { 'notifications.preferences': notJson() } } },
};
export const SaveFails: Story = {
  name: 'Saving fails (flip a switch)',
  parameters: { portico: { handlers: { 'notifications.updatePreferences': problem(503, 'unavailable', 'Service unavailable') } } },
};
export const DarkRtl: Story = { name: 'Dark, right-to-left', globals: { theme: 'dark', locale: 'ar' } };
