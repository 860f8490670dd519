import { Badge, Group, Loader, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core'
import { useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  TRIAGE_SCOPES,
  type TriageCategory,
  type TriageScope,
} from '../../../../electron/common/api/triage-schemas'
import { formatJst } from '../../../../electron/common/domain/japan-time'
import {
  MAIL_UNDELIVERED_AFTER_HOURS,
  PASSWORD_MAIL_LAG_HOURS,
} from '../../../../electron/common/domain/stuck-reasons'
import { TRIAGE_CATEGORIES } from '../../../../electron/common/domain/triage-categories'
import { useSession } from '../session/use-session'
import classes from './Triage.module.css'
import { TRIAGE_LINK_ATTR, TriageRowItem } from './TriageRowItem'
import { TriageEmpty, TriageError } from './TriageStates'
import { useTriage } from './use-triage'
import { defaultWorkScope } from '../../../../electron/common/api/work-scope'

/** The hours each description quotes come from the rules themselves, never retyped. */
const HOURS: Partial<Record<TriageCategory, number>> = {
  password_mail_missing: PASSWORD_MAIL_LAG_HOURS,
  no_mail: MAIL_UNDELIVERED_AFTER_HOURS,
}

/** ↑/↓ (and Home/End) move between the clients' links; Enter on a link opens it. */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End']
  if (!keys.includes(event.key)) return
  const links = [...event.currentTarget.querySelectorAll<HTMLElement>(`[${TRIAGE_LINK_ATTR}]`)]
  if (links.length === 0) return
  event.preventDefault()
  const at = links.findIndex((l) => l === document.activeElement)
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? links.length - 1
        : Math.min(links.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))
  links[next]?.focus()
  links[next]?.scrollIntoView({ block: 'nearest' })
}

/** メール未着・登録エラー: stuck clients grouped by what went wrong with their login mails. */
export function TriageScreen() {
  const { t } = useTranslation()
  const role = useSession().data?.current?.role
  // "Managers see their branch" (issue 5): that is where a manager starts.
  const [scope, setScope] = useState<TriageScope>(defaultWorkScope(role))
  const [chosen, setChosen] = useState<TriageCategory | undefined>(undefined)
  const query = useTriage(scope, chosen)
  const data = query.data
  const category = chosen ?? data?.category ?? TRIAGE_CATEGORIES[0]
  const showing = data && data.category === category && data.scope === scope ? data : undefined

  return (
    <Stack
      gap="sm"
      h="calc(100dvh - var(--app-shell-header-offset, 0px) - 2 * var(--mantine-spacing-md))"
      data-testid="triage-screen"
    >
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group gap="sm" align="baseline">
          <Title order={2} size="h3">
            {t('triage.title')}
          </Title>
          {data && (
            <Text size="sm" c="dimmed" className="tabular">
              {t('triage.asOf', { time: formatJst(data.asOf, 'M/d HH:mm') })}
            </Text>
          )}
          {query.isFetching && <Loader size="xs" aria-label={t('contracts.refreshing')} />}
        </Group>
        <SegmentedControl
          aria-label={t('triage.scope.label')}
          data-testid="triage-scope"
          value={scope}
          onChange={(value) => setScope(value as TriageScope)}
          data={TRIAGE_SCOPES.map((s) => ({ value: s, label: t(`triage.scope.${s}`) }))}
        />
      </Group>
      <Text size="sm">{t('triage.intro')}</Text>
      {query.error !== null && <TriageError error={query.error} onRetry={() => query.refetch()} />}
      <Tabs
        orientation="vertical"
        value={category}
        onChange={(value) => value && setChosen(value as TriageCategory)}
        keepMounted={false}
        style={{ flex: 1, minHeight: 0 }}
        styles={{
          panel: { display: 'flex', flexDirection: 'column', minHeight: 0 },
          tab: { justifyContent: 'space-between' },
          // Long group names wrap rather than squeeze their count out of sight.
          tabLabel: { textAlign: 'left', flex: 1, whiteSpace: 'normal' },
          tabSection: { flexShrink: 0 },
        }}
      >
        <Tabs.List aria-label={t('triage.categoriesLabel')} w={300}>
          {TRIAGE_CATEGORIES.map((c) => (
            <Tabs.Tab
              key={c}
              value={c}
              data-testid={`triage-tab-${c}`}
              rightSection={
                data ? (
                  <Badge
                    size="sm"
                    radius="sm"
                    variant={data.counts[c] > 0 ? 'filled' : 'light'}
                    color={data.counts[c] > 0 ? 'red.9' : 'gray'}
                    className="tabular"
                    data-testid="triage-count"
                  >
                    {t('triage.count', { count: data.counts[c] })}
                  </Badge>
                ) : null
              }
            >
              {t(`triage.categories.${c}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={category} pl="md">
          <Text size="sm" c="dimmed" mb="xs">
            {t(`triage.descriptions.${category}`, { hours: HOURS[category] ?? 0 })}
          </Text>
          {!showing ? (
            query.error === null && <Loader m="xl" aria-label={t('contracts.loadingRow')} />
          ) : showing.rows.length === 0 ? (
            <TriageEmpty category={category} scope={scope} />
          ) : (
            <>
              <Text size="xs" c="dimmed" mb={4}>
                {t('triage.keyboardHint')}
                {showing.rows.length < showing.counts[category] &&
                  ` ${t('triage.shown', { shown: showing.rows.length, total: showing.counts[category] })}`}
              </Text>
              <div className={classes.scroll}>
                <ul
                  className={classes.list}
                  aria-label={t('triage.listLabel', {
                    category: t(`triage.categories.${category}`),
                  })}
                  data-testid="triage-list"
                  onKeyDown={moveFocus}
                >
                  {showing.rows.map((row) => (
                    <TriageRowItem key={row.contractId} row={row} />
                  ))}
                </ul>
              </div>
            </>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
