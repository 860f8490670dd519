import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/**
 * The serious and critical axe-core violations on the page (or inside `include`), each as
 * one line naming the rule and up to six offending elements, prefixed by `label` (e.g. the
 * colour scheme) so a failing assertion says where to look.
 */
export async function blockingViolations(
  page: Page,
  label: string,
  include?: string,
): Promise<string[]> {
  const builder = new AxeBuilder({ page })
  const results = await (include ? builder.include(include) : builder).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${label}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes
          .slice(0, 6)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`)
          .join(' | ')}`,
    )
}
