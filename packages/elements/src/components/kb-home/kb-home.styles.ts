import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--portico-kb-home-gap, var(--_portico-space-l));
    --_tile-min: var(--portico-kb-home-category-min-width, 13rem);
    --_tile-background: var(--portico-kb-home-category-background, transparent);
    --_border-color: var(--portico-kb-home-border-color, var(--_portico-color-border));
    --_radius: var(--portico-kb-home-radius, var(--_portico-radius-l));
    --_link-color: var(--portico-kb-home-link-color, var(--_portico-color-primary));
    --_heading-size: var(--portico-kb-home-heading-size, calc(var(--_portico-font-size) * 1.25));
  }

  .base,
  .content {
    display: grid;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  .section {
    display: grid;
    gap: var(--_portico-space-s);
    min-inline-size: 0;
  }
  .heading {
    font-size: var(--_heading-size);
    font-weight: 700;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .heading:focus {
    outline: none;
  }
  .heading:focus-visible {
    outline: var(--_portico-focus-ring);
    outline-offset: 2px;
  }

  .categories,
  .articles {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .categories {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_tile-min)), 1fr));
    gap: var(--_portico-space-s);
  }
  .tile,
  .row {
    display: grid;
    gap: var(--_portico-space-2xs);
    inline-size: 100%;
    box-sizing: border-box;
    padding: var(--_portico-space-s) var(--_portico-space-m);
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    text-decoration: none;
    cursor: pointer;
  }
  .tile {
    block-size: 100%;
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    background: var(--_tile-background);
  }
  .articles > li + li {
    border-block-start: 1px solid var(--_border-color);
  }
  .tile:hover,
  .row:hover {
    background: var(--_portico-color-hover);
  }
  .tile:focus-visible,
  .row:focus-visible,
  .back:focus-visible {
    outline: var(--_portico-focus-ring);
    outline-offset: 2px;
  }
  .category__name,
  .article__title {
    color: var(--_link-color);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .tile:hover .category__name,
  .row:hover .article__title {
    text-decoration: underline;
  }
  .category__count,
  .article__summary,
  .article__updated {
    color: var(--_portico-color-muted);
    font-size: var(--_portico-font-size-s);
    overflow-wrap: anywhere;
  }
  .back {
    justify-self: start;
    padding: var(--_portico-space-2xs) 0;
    border: 0;
    background: none;
    color: var(--_link-color);
    font: inherit;
    cursor: pointer;
  }
  :host(:dir(rtl)) .back__arrow,
  [dir='rtl'] .back__arrow {
    display: inline-block;
    transform: scaleX(-1);
  }

  @media (forced-colors: active) {
    .tile {
      border-color: CanvasText;
    }
    .category__name,
    .article__title,
    .back {
      color: LinkText;
    }
  }
`;
