import type { Milestone, Project } from '@portico/contract';
import { projects } from '@portico/contract/validators/projects';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PorticoElement } from '../../base/portico-element.js';
import { renderState, stateStyles } from '../../controllers/render-state.js';
import { ResourceController } from '../../controllers/resource-controller.js';
import { en, type ProjectTimelineMessageKey } from './project-timeline.messages.js';
import { styles } from './project-timeline.styles.js';

const pad = (n: number) => String(n).padStart(2, '0');
/** Today as `YYYY-MM-DD` in the user's time zone. */
export const localDate = (d = new Date()) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** A milestone is overdue when its due date is before `today` (`YYYY-MM-DD`) and it is not done. */
export const isOverdue = (m: Milestone, today = localDate()): boolean => m.status !== 'done' && !!m.dueOn && m.dueOn < today;

/**
 * A project's milestones in order, as an ordered list: each with its status written out
 * (planned, in progress, done), its due date, when it was completed, and "Overdue" (text, not
 * colour only) when its due date passed and it is not done. The milestone in progress has
 * `aria-current="step"`.
 *
 * @summary A project's milestones with status and due dates.
 *
 * @slot empty - Shown when the project has no milestones. Default: "No milestones yet."
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart list - The ordered list of milestones.
 * @csspart more - Says that only the first milestones are listed (a project with more than the contract's `MAX_MILESTONES`).
 * @csspart milestone - A milestone (also `done`, `in-progress` or `planned`; overdue ones have `data-overdue`).
 * @csspart title - A milestone's title.
 * @csspart status - Its status text.
 * @csspart due - Its due date (a `<time>`), or "No due date".
 * @csspart completed - When it was completed.
 * @csspart overdue - The "Overdue" label.
 * @csspart loading - The loading state.
 * @csspart content - The loaded content.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The Retry button.
 *
 * @cssprop --portico-project-timeline-gap - Space between milestones (default: 3 spacing units).
 * @cssprop --portico-project-timeline-line-color - The rail and planned markers (default: `--portico-color-border`).
 * @cssprop --portico-project-timeline-done-color - Done markers (default: `--portico-color-success`).
 * @cssprop --portico-project-timeline-active-color - The in-progress marker (default: `--portico-color-primary`).
 * @cssprop --portico-project-timeline-overdue-color - The "Overdue" label (default: `--portico-color-danger`).
 *
 * @fires portico-error - Loading failed; `detail.code`.
 *
 * @example
 * ```html
 * <portico-project-timeline project-id="prj_1"></portico-project-timeline>
 * ```
 */
export class PorticoProjectTimeline extends PorticoElement<ProjectTimelineMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, styles];
  static override resources = {
    en,
    endpoints: { projects },
    locales: { de: () => import('./project-timeline.messages.de.js'), ar: () => import('./project-timeline.messages.ar.js') },
  };

  static override properties = {
    projectId: { attribute: 'project-id', reflect: true },
  };

  /** The project whose milestones to show. */
  projectId = '';

  private readonly resource = new ResourceController(this, {
    args: () => [this.projectId.trim()] as const,
    load: (client, [id], { signal }): Promise<Project | null> => (id ? client.projects.get({ id, signal }) : Promise.resolve(null)),
  });

  /** Loads the project again. */
  refresh(): Promise<void> {
    return this.resource.refresh();
  }

  /** The project on screen, or undefined before loading. */
  get project(): Project | undefined {
    return this.resource.value ?? undefined;
  }

  protected override render() {
    const { lang, dir } = this.locale;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      ${
        this.projectId.trim()
          ? renderState(this, this.resource, {
              complete: (p) => (p ? this.renderList(p) : nothing),
              isEmpty: (p) => !p?.milestones.length,
              emptyText: this.i18n.t('projectTimeline.empty'),
            })
          : nothing
      }
    </div>`;
  }

  private renderList(project: Project) {
    const { t, date } = this.i18n;
    const today = localDate();
    // A due date is a calendar day: format it in UTC so no time zone moves it to the day before.
    const day = (d: string) => date(d, { dateStyle: 'medium', timeZone: 'UTC' });
    return html`<ol part="list" class="list" role="list" aria-label=${t('projectTimeline.label', { name: project.name })}>
      ${repeat(
        project.milestones,
        (m) => m.id,
        (m) => {
          const overdue = isOverdue(m, today);
          return html`<li
            part=${`milestone ${m.status.replace('_', '-')}`}
            class="milestone"
            data-status=${m.status}
            ?data-overdue=${overdue}
            aria-current=${m.status === 'in_progress' ? 'step' : nothing}
          >
            <span class="marker" aria-hidden="true"></span>
            <span part="title" class="title" dir="auto">${m.title}</span>
            <span class="meta">
              <span part="status"><span class="visually-hidden">${t('projectTimeline.status')}</span> ${t(`projectTimeline.${m.status}`)}</span>
              ${
                m.dueOn
                  ? html`<time part="due" datetime=${m.dueOn}>${t('projectTimeline.due', { date: day(m.dueOn) })}</time>`
                  : html`<span part="due">${t('projectTimeline.noDue')}</span>`
              }
              ${m.completedAt ? html`<span part="completed">${t('projectTimeline.completed', { date: date(m.completedAt) })}</span>` : nothing}
              ${overdue ? html`<strong part="overdue" class="overdue">${t('projectTimeline.overdue')}</strong>` : nothing}
            </span>
          </li>`;
        },
      )}
    </ol>
    ${
      project.milestoneCount > project.milestones.length
        ? html`<p part="more" class="more">${t('projectTimeline.more', { shown: project.milestones.length, count: project.milestoneCount })}</p>`
        : nothing
    }`;
  }
}
