/** Stories of <portico-project-timeline> (pattern: ticket-list.stories.ts). */
import { project } from '@portico/contract/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { failOnce, never, notJson, slow, unavailable } from '../../stories/handlers.js';
import type { PorticoStoryParameters } from '../../stories/portico.js';
import { props } from '../../stories/props.js';
import { json } from '../../testing/mock-api.js';
import type { PorticoProjectTimeline } from './project-timeline.component.js';
import './project-timeline.js';

type Args = Partial<Pick<PorticoProjectTimeline, 'projectId'>>;
type Story = StoryObj<Args> & { parameters?: { portico?: PorticoStoryParameters } & Record<string, unknown> };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const WITH_OVERDUE = json(
  project(1, {
    milestones: [
      {
        id: 'ms_1',
        title: 'Discovery',
        dueOn: day(-40),
        status: 'done',
        completedAt: new Date(Date.now() - 42 * 86_400_000).toISOString(),
      },
      { id: 'ms_2', title: 'Design', dueOn: day(-3), status: 'in_progress', completedAt: null },
      { id: 'ms_3', title: 'Build', dueOn: day(30), status: 'planned', completedAt: null },
      { id: 'ms_4', title: 'Launch', dueOn: null, status: 'planned', completedAt: null },
    ],
  }),
);

const meta = {
  title: 'Components/Project timeline',
  component: 'portico-project-timeline',
  tags: ['autodocs'],
  args: { projectId: 'prj_1' },
  render: (args) => html`<portico-project-timeline ${props(args)}></portico-project-timeline>`,
} satisfies Meta<Args>;

export default meta;

export const Playground: Story = {};
export const Overdue: Story = { parameters: { portico: { handlers: { 'projects.get': WITH_OVERDUE } } } };
export const Loading: Story = { parameters: { portico: { handlers: { 'projects.get': never() }, waitFor: '[part~="loading"]' } } };
export const Slow: Story = { parameters: { portico: { handlers: { 'projects.get': slow(1500) } } } };
export const Empty: Story = { parameters: { portico: { handlers: { 'projects.get': json(project(1, { milestones: [] })) } } } };
export const Unavailable: Story = { name: 'Error (503)', parameters: { portico: { handlers: { 'projects.get': unavailable() } } } };
export const ErrorThenRetry: Story = {
  name: 'Error, Retry recovers',
  parameters: { portico: { handlers: { 'projects.get': failOnce(unavailable()) } } },
};
export const Malformed: Story = { name: 'Malformed response', parameters: { portico: { handlers: { 'projects.get': notJson() } } } };
export const DarkRtl: Story = {
  name: 'Dark, right-to-left',
  globals: { theme: 'dark', locale: 'ar' },
  parameters: { portico: { handlers: { 'projects.get': WITH_OVERDUE } } },
};
