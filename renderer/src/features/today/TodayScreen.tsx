import {
  Alert,
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import type { TodayRow, TodayScope } from '../../../../electron/common/api/contract-today'
import { TODAY_SCOPES } from '../../../../electron/common/api/contract-today'
import { defaultWorkScope } from '../../../../electron/common/api/work-scope'
import { formatJst } from '../../../../electron/common/domain/japan-time'
import { errorKeyOf } from '../../api/errors'
import { ReissueDialog, type ReissueDialogProps } from '../reissues/ReissueDialog'
import { useCurrentStaff } from '../session/use-session'
import { TodayList } from './TodayList'
import { dueInScope, useLatestReissues, useTodayCounts, useTodayList } from './use-today-list'

type Targets = ReissueDialogProps['contracts']

function toTarget(row: TodayRow): Targets[number] {
  return {
    id: row.contractId,
    policyNumber: row.policyNumber,
    clientName: row.clientName,
    flow: row.flow,
  }
}

/** A scope's name and, once counted, how many are due in it (read out with the name). */
function ScopeLabel({ name, count }: { name: string; count: number | undefined }) {
  const { t } = useTranslation()
  return (
    <Group gap={6} wrap="nowrap" justify="center">
      <span>{name}</span>
      {/* A space in the text, so the accessible name reads "自分の担当 12件", not run together. */}
      {count !== undefined && ' '}
      {count !== undefined && (
        <Text span size="xs" c="dimmed" className="tabular" data-testid="today-scope-count">
          {t('today.total', { count })}
        </Text>
      )}
    </Group>
  )
}

/** 今日の対応: who to call today, most urgent first, and the reissues to send them. */
export function TodayScreen() {
  const { t } = useTranslation()
  const staff = useCurrentStaff()
  const [, navigate] = useLocation()
  // "Mine" means the contracts in my charge; managers look after their branch.
  const [scope, setScope] = useState<TodayScope>(defaultWorkScope(staff.role))
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set())
  const [dialog, setDialog] = useState<Targets | null>(null)
  const list = useTodayList(scope)
  const counts = useTodayCounts()
  const outbox = useLatestReissues().data
  const rows = useMemo(() => list.data?.rows ?? [], [list.data])

  const changeScope = (value: string) => {
    setScope(value as TodayScope)
    setSelected(new Set())
  }
  const toggle = useCallback((contractId: number) => {
    setSelected((prev) => {
      const next = new Set(prev)
      if (!next.delete(contractId)) next.add(contractId)
      return next
    })
  }, [])
  const open = useCallback((contractId: number) => navigate(`/contracts/${contractId}`), [navigate])
  const selectedRows = rows.filter((r) => selected.has(r.contractId))
  const reissue = useCallback(
    (row: TodayRow | null) => {
      const chosen = rows.filter((r) => selected.has(r.contractId))
      if (chosen.length > 0) setDialog(chosen.map(toTarget))
      else if (row) setDialog([toTarget(row)])
    },
    [rows, selected],
  )
  const reissueOne = useCallback((row: TodayRow) => setDialog([toTarget(row)]), [])

  const data = list.data?.scope === scope ? list.data : undefined
  const due = data && dueInScope(data, counts.data)
  return (
    <Stack
      gap="sm"
      h="calc(100dvh - var(--app-shell-header-offset, 0px) - 2 * var(--mantine-spacing-md))"
      data-testid="today-screen"
    >
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group gap="sm" align="baseline">
          <Title order={2} size="h3">
            {t('today.title')}
          </Title>
          {data && (
            <Text className="tabular" fw={500} data-testid="today-total">
              {due === undefined
                ? t('today.totalAtLeast', { count: data.rows.length + 1 })
                : t('today.total', { count: due })}
            </Text>
          )}
          {data && (
            <Text size="xs" c="dimmed">
              {t('today.asOf', { time: formatJst(data.asOf, 'M/d HH:mm') })}
            </Text>
          )}
        </Group>
        <SegmentedControl
          aria-label={t('today.scopeLabel')}
          value={scope}
          onChange={changeScope}
          data={TODAY_SCOPES.map((s) => ({
            value: s,
            label: <ScopeLabel name={t(`today.scopes.${s}`)} count={counts.data?.counts[s]} />,
          }))}
          data-testid="today-scope"
        />
      </Group>
      <Group gap="sm" mih={30}>
        <Button
          size="xs"
          disabled={selectedRows.length === 0}
          onClick={() => setDialog(selectedRows.map(toTarget))}
          data-testid="today-reissue-selected"
        >
          {selectedRows.length === 0
            ? t('today.reissueSelectedNone')
            : t('today.reissueSelected', { count: selectedRows.length })}
        </Button>
        {selectedRows.length > 0 && (
          <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
            {t('today.clearSelection')}
          </Button>
        )}
        {rows.length > 0 && (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => setSelected(new Set(rows.map((r) => r.contractId)))}
          >
            {t('today.selectAll')}
          </Button>
        )}
        {list.isFetching && data && <Loader size="xs" aria-label={t('today.loading')} />}
      </Group>
      {list.error ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={t('today.error.title')}
          data-testid="today-error"
        >
          <Text size="sm">{t(`errors.${errorKeyOf(list.error)}`)}</Text>
          <Button mt="sm" size="xs" color="red.9" onClick={() => void list.refetch()}>
            {t('today.error.retry')}
          </Button>
        </Alert>
      ) : !data ? (
        <Center mt="xl">
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('today.loading')}</Text>
          </Group>
        </Center>
      ) : data.rows.length === 0 ? (
        <EmptyState
          mt="xl"
          data-testid="today-empty"
          title={t('today.empty.title')}
          description={scope === 'mine' ? t('today.empty.mine') : t('today.empty.other')}
        />
      ) : (
        <>
          <TodayList
            rows={data.rows}
            selected={selected}
            outbox={outbox}
            onToggle={toggle}
            onOpen={open}
            onReissue={reissue}
            onReissueRow={reissueOne}
          />
          {data.truncated && (
            <Text size="xs" c="dimmed" data-testid="today-more">
              {due === undefined
                ? t('today.moreUncounted', { shown: data.rows.length })
                : t('today.more', { shown: data.rows.length, more: due - data.rows.length })}
            </Text>
          )}
        </>
      )}
      <ReissueDialog
        opened={dialog !== null}
        onClose={() => {
          setDialog(null)
          setSelected(new Set())
        }}
        contracts={dialog ?? []}
      />
    </Stack>
  )
}
