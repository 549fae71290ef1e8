// An entry of the annotations list shows the plan's Chinese as the reading view does: with the
// full-width punctuation the reader chose (培育新质生产力，掌握…), or as the source wrote it when
// the setting is off. The stored text is never changed (the entry keeps its half-width comma).
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationRow } from '../../../renderer/src/features/annotations/library/AnnotationRow';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { ReadingContext, readingOf } from '../../../renderer/src/reading/reading-context';
import { highlight } from './fake-annotations';

afterEach(cleanup);

const HEADLINE = '培育新质生产力,掌握发展主动权';
const QUOTE = '以科技创新为引擎,以新产业为主导';

function show(fullWidth: boolean) {
  const entry = highlight({ quote: QUOTE, color: 'yellow', headline: HEADLINE });
  const i18n = createI18n('zh');
  render(
    <ReadingContext.Provider value={readingOf('zh', { status: 'missing' }, fullWidth)}>
      <AnnotationRow
        entry={entry}
        colorNames={undefined}
        formatDate={(iso) => iso}
        busy={false}
        t={i18n.getFixedT('zh', 'annotationList')}
        onOpen={vi.fn()}
        onHistory={vi.fn()}
        onTrash={vi.fn()}
        onRestore={vi.fn()}
      />
    </ReadingContext.Provider>,
  );
  return entry;
}

describe('an annotation list entry', () => {
  it('shows the headline and the quote with full-width punctuation when the reader chose it', () => {
    const entry = show(true);
    expect(screen.getByText('培育新质生产力，掌握发展主动权')).toBeTruthy();
    expect(screen.getByText('以科技创新为引擎，以新产业为主导')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^打开：/ }).getAttribute('aria-label')).toContain('培育新质生产力，掌握发展主动权');
    expect(entry.itemHeadline).toBe(HEADLINE);
  });

  it('shows them as written when the setting is off', () => {
    show(false);
    expect(screen.getByText(HEADLINE)).toBeTruthy();
    expect(screen.getByText(QUOTE)).toBeTruthy();
  });
});
