import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/spotlight/styles.css'
import './styles/global.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { z } from 'zod'
import { App } from './App'
import { createApi } from './api/client'

// The CSP forbids eval; tell zod not to probe for it (it would log a CSP violation).
z.config({ jitless: true })

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <App api={createApi()} />
  </StrictMode>,
)
