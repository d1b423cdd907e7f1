/** Stories of <portico-comment-thread> (pattern: ticket-list.stories.ts). */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { empty, error, never, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import type { PorticoCommentThread } from './comment-thread.component.js';
import './comment-thread.js';

type Args = Partial<Pick<PorticoCommentThread, 'deliverableId' | 'version' | 'anchorMode' | 'noLive'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const meta = {
  title: 'Components/Comment thread',
  component: 'portico-comment-thread',
  tags: ['autodocs'],
  args: { deliverableId: 'dlv_1', version: 2 },
  render: (args) => html`<portico-comment-thread ${props(args)}></portico-comment-thread>`,
  argTypes: { anchorMode: { control: 'select', options: ['', 'region', 'page', 'time'] } },
} satisfies Meta<Args>;
export default meta;

export const Playground: Story = {};
export const PageAnchor: Story = { name: 'Page anchors (PDF)', args: { anchorMode: 'page' } };
export const Loading: Story = { parameters: { portico: { handlers: { 'comments.list': never() }, waitFor: '[part~="loading"]' } } };
export const SlowSend: Story = { name: 'Slow send', parameters: { portico: { handlers: { 'comments.create': slow(2000) } } } };
export const Empty: Story = { parameters: { portico: { handlers: { 'comments.list': empty() } } } };
export const Unavailable: Story = { name: 'Error (503)', parameters: { portico: { handlers: { 'comments.list': unavailable() } } } };
export const NotFound: Story = { name: 'Error (404)', parameters: { portico: { handlers: { 'comments.list': error(404, 'not_found') } } } };
export const DarkRtl: Story = { name: 'Dark, right-to-left', globals: { theme: 'dark', locale: 'ar' } };
