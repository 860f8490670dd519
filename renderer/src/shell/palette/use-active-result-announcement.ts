import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Spotlight moves its active result by a data-selected attribute, with focus left in the
 * search box and no aria-activedescendant, so a screen reader hears nothing on the arrow
 * keys. This returns a ref for a polite live region that then says "3件中1件目: 山田 太郎 様 …".
 * It watches the DOM rather than Spotlight's store: the store changes `selected` without
 * notifying its subscribers.
 */
export function useActiveResultAnnouncement(listId: string) {
  const { t } = useTranslation()
  return useCallback(
    (region: HTMLElement | null) => {
      if (!region) return
      const say = () => {
        const actions = [...document.querySelectorAll<HTMLElement>(`#${listId} [data-action]`)]
        const index = actions.findIndex((action) => action.hasAttribute('data-selected'))
        const label = actions[index]?.dataset.announce ?? ''
        const message =
          index < 0
            ? ''
            : t('palette.activeResult', { index: index + 1, total: actions.length, label })
        if (region.textContent !== message) region.textContent = message
      }
      say()
      // The region sits in the palette beside the list: watch the results under their parent.
      const observer = new MutationObserver(say)
      observer.observe(region.parentElement ?? document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-selected', 'data-announce'],
      })
      return () => observer.disconnect()
    },
    [listId, t],
  )
}
