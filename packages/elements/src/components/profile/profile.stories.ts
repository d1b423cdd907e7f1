/** Stories of <portico-profile> (pattern: ticket-list.stories.ts). */
import { profile } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { failOnce, never, notJson, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { json, problem } from '../../testing/mock-api.js';
import './profile.js';

type Story = StoryObj & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const meta = {
  title: 'Components/Profile',
  component: 'portico-profile',
  tags: ['autodocs'],
  render: () => html`<portico-profile></portico-profile>`,
} satisfies Meta;

export default meta;

export const Playground: Story = { name: 'Editable (language, time zone)' };
export const ReadOnly: Story = {
  name: 'Read-only (the host manages everything)',
  parameters: { portico: { handlers: { 'profile.get': json(profile({ editable: [], manageUrl: 'https://host.example/account' })) } } },
};
export const NotSet: Story = {
  name: 'Nothing set yet',
  parameters: { portico: { handlers: { 'profile.get': json(profile({ language: null, timeZone: null, manageUrl: null })) } } },
};
export const Loading: Story = { parameters: { portico: { handlers: { 'profile.get': never() }, waitFor: '[part~="loading"]' } } };
export const Unavailable: Story = { name: 'Error (503)', parameters: { portico: { handlers: { 'profile.get': unavailable() } } } };
export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'profile.get': failOnce(unavailable()) } } },
};
export const Malformed: Story = { name: 'Malformed response', parameters: { portico: { handlers: { 'profile.get': notJson() } } } };
export const SaveFails: Story = {
  name: 'Saving is refused (change a field, Save)',
  parameters: { portico: { handlers: { 'profile.update': problem(403, 'forbidden', 'Forbidden') } } },
};
export const DarkRtl: Story = { name: 'Dark, right-to-left', globals: { theme: 'dark', locale: 'ar' } };
