import { useId } from 'react';
import type { ReactNode } from 'react';

/** An id for a pattern inside one chart: several charts share the report's page, each needs its own. */
export const useChartId = (name: string): string => `${name}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

/**
 * A label cut to about `em` wide (a CJK character is one em, a Latin letter about half), so a long
 * unit name never runs into the bars; the full name stays in the SVG's <title>.
 */
export function fitText(text: string, em: number): string {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    width += /[\u2e80-\uffff]/.test(text.charAt(i)) ? 1 : 0.58;
    if (width > em) return `${text.slice(0, i)}…`;
  }
  return text;
}

/** A legend that says in words what each mark is, so no mark is told apart by its colour alone. */
export function Legend({ items }: { items: { swatch: ReactNode; label: string }[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.label}>
          <svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">
            {item.swatch}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
