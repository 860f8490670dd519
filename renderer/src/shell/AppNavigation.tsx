import { NavLink, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { ROUTES } from './routes'

export function AppNavigation() {
  const { t } = useTranslation()
  const [location] = useLocation()
  return (
    <Stack gap={2} component="nav" aria-label={t('nav.label')}>
      {ROUTES.filter((r) => r.nav).map((route) => (
        <NavLink
          key={route.path}
          component={Link}
          href={route.path}
          label={t(route.labelKey)}
          active={location === route.path || location.startsWith(`${route.path}/`)}
          aria-current={location === route.path ? 'page' : undefined}
        />
      ))}
    </Stack>
  )
}
