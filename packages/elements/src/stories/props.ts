/**
 * `html\`<portico-x ${props(args)}></portico-x>\``: sets a story's args as properties of the
 * element (the way Storybook's default web-components render does), skipping unset ones so the
 * component's defaults apply, and names the element has no property for (slot and part args).
 */
import { nothing } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';

class PropsDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('props() goes in an element tag, e.g. <portico-x {props(args)}>');
  }

  render(_args: Record<string, unknown>) {
    return nothing;
  }

  override update(part: ElementPart, [args]: [Record<string, unknown>]) {
    const el = part.element as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries(args)) {
      if (value !== undefined && name in el && el[name] !== value) el[name] = value;
    }
    return nothing;
  }
}

export const props = directive(PropsDirective);
