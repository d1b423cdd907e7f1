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

/**
 * The most milestones a project carries in a response: a page with thousands would stall the page
 * that renders them. The server sends the first `MAX_MILESTONES` (in plan order) and says how many
 * there are in `milestoneCount`.
 */
export const MAX_MILESTONES = 100;

export const ProjectStatus = z.enum(['active', 'on_hold', 'completed', 'archived']);
export const Project = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  status: ProjectStatus,
  /** In plan order; at most `MAX_MILESTONES` (the first ones) — see `milestoneCount`. */
  milestones: z.array(Milestone).check(z.maxLength(MAX_MILESTONES)),
  /** How many milestones the project has: more than `milestones` holds when it was cut at `MAX_MILESTONES`. */
  milestoneCount: z.int().check(z.nonnegative()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Project = z.infer<typeof Project>;

export const ProjectListQuery = z.object({ status: z.optional(ProjectStatus), ...PageQuery });
