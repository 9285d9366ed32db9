import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: start;
    justify-content: space-between;
    margin-bottom: calc(var(--_space) * 2);
  }
  h2 {
    margin: 0;
    font-size: 1.5rem;
  }
  .group-name {
    margin: 0;
  }
  .header-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-inline-start: auto;
  }
  .meter {
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    margin-bottom: calc(var(--_space) * 2);
  }
  .meter-head {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
  }
  .meter-title {
    font-weight: 600;
  }
  .bar {
    display: flex;
    height: 12px;
    margin: var(--_space) 0;
    border-radius: 999px;
    background: var(--_subtle);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  .segment.active,
  .figure.active .swatch {
    background: var(--_active);
  }
  .segment.pending,
  .figure.pending .swatch {
    background: var(--_pending);
  }
  .segment.expired,
  .figure.expired .swatch {
    background: repeating-linear-gradient(
      45deg,
      var(--_expired) 0 4px,
      color-mix(in srgb, var(--_expired) 60%, var(--_surface)) 4px 8px
    );
  }
  .figure.available .swatch {
    background: var(--_subtle);
    border: 1px solid var(--_border);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
    margin: 0;
  }
  .figure {
    display: flex;
    gap: 6px;
    align-items: baseline;
  }
  .figure dt {
    color: var(--_muted);
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .figure dd {
    margin: 0;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .swatch {
    display: inline-block;
    width: 10px;
    height: 10px;
    border-radius: 2px;
  }
  .figure.total .swatch,
  .figure.all-pending .swatch {
    display: none;
  }
  /* Forced colours drop backgrounds: the segments and swatches keep system colours instead. */
  @media (forced-colors: active) {
    .segment,
    .swatch {
      forced-color-adjust: none;
      background: CanvasText !important;
    }
    .segment.pending,
    .figure.pending .swatch {
      background: Highlight !important;
    }
    .segment.expired,
    .figure.expired .swatch {
      background: GrayText !important;
    }
    .figure.available .swatch {
      background: Canvas !important;
      border-color: CanvasText;
    }
  }
  .meter p.hint {
    margin: var(--_space) 0 0;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    border-bottom: 1px solid var(--_line);
    margin-bottom: calc(var(--_space) * 2);
  }
  [role='tab'] {
    border: 0;
    border-bottom: 3px solid transparent;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: none;
    font-weight: 600;
    color: var(--_muted);
  }
  [role='tab'][aria-selected='true'] {
    color: var(--_text);
    border-bottom-color: var(--_accent);
  }
  .count {
    display: inline-block;
    margin-inline-start: 0.15em;
    min-width: 1.5em;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_subtle);
    font-size: 0.8125em;
  }
  .learner {
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
  }
`;
