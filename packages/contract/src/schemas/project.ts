import * as z from 'zod/mini';
import { DateOnly, Id, PageQuery, Timestamp } from './common.js';

export const MilestoneStatus = z.enum(['planned', 'in_progress', 'done']);
export const Milestone = z.object({
  id: Id,
  title: z.string(),
  dueOn: z.nullable(DateOnly),
  status: MilestoneStatus,
  completedAt: z.nullable(Timestamp),
});
export type Milestone = z.infer<typeof Milestone>;

export const ProjectStatus = z.enum(['active', 'on_hold', 'completed', 'archived']);
export const Project = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  status: ProjectStatus,
  milestones: z.array(Milestone),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Project = z.infer<typeof Project>;

export const ProjectListQuery = z.object({ status: z.optional(ProjectStatus), ...PageQuery });
