import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'

/**
 * Checks HTTP responses against resources/insurer-api/openapi.yaml: the documented status,
 * content type, body schema and required headers of the operation. Generic on purpose —
 * the demo insurer's tests and the insurer client's tests both wrap their fetch with it.
 */
const DOC_PATH = fileURLToPath(new URL('../../resources/insurer-api/openapi.yaml', import.meta.url))
const DOC_ID = 'urn:renewal-desk:insurer-api'

type Json = Record<string, unknown>

interface HeaderSpec {
  required?: boolean
  $ref?: string
}
interface ResponseSpec {
  $ref?: string
  headers?: Record<string, HeaderSpec>
  content?: Record<string, { schema?: Json }>
}
interface OperationSpec {
  responses?: Record<string, ResponseSpec>
}

const doc = parse(readFileSync(DOC_PATH, 'utf8')) as Json & {
  paths: Record<string, Record<string, OperationSpec>>
}
// strict: false — the document carries OpenAPI keywords (openapi, paths…) Ajv does not know.
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats(ajv)
ajv.addSchema({ ...doc, $id: DOC_ID })
const compiled = new Map<string, ValidateFunction>()

export interface ResponseToCheck {
  method: string
  /** The path template as in the doc, e.g. '/v1/contracts/{policyNumber}'. */
  path: string
  status: number
  contentType: string | null
  /** Parsed JSON (or undefined/'' for an empty body). */
  body: unknown
  headers: Record<string, string> | Headers
}

export class OpenApiViolation extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OpenApiViolation'
  }
}

function resolve<T>(value: T & { $ref?: string }): T {
  if (typeof value.$ref !== 'string') return value
  const parts = value.$ref.replace(/^#\//, '').split('/')
  let node: unknown = doc
  for (const part of parts) node = (node as Json)[part]
  if (node === undefined) throw new OpenApiViolation(`unresolvable $ref ${value.$ref}`)
  return resolve(node as T & { $ref?: string })
}

function headerOf(headers: ResponseToCheck['headers'], name: string): string | null {
  if (headers instanceof Headers) return headers.get(name)
  const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())
  return found?.[1] ?? null
}

function validatorFor(pointer: string, schema: Json): ValidateFunction {
  let validate = compiled.get(pointer)
  if (!validate) {
    // Schemas in the doc use '#/components/…' refs; compile them as refs into the doc.
    validate =
      typeof schema.$ref === 'string'
        ? ajv.compile({ $ref: `${DOC_ID}${schema.$ref}` })
        : ajv.compile({ $id: `${DOC_ID}/inline/${compiled.size}`, ...rebase(schema) })
    compiled.set(pointer, validate)
  }
  return validate
}

/** Inline schemas keep working when their nested refs point into the doc. */
function rebase(value: unknown): Json {
  return JSON.parse(
    JSON.stringify(value).replaceAll('"#/components/', `"${DOC_ID}#/components/`),
  ) as Json
}

export function expectValidResponse(r: ResponseToCheck): void {
  const where = `${r.method.toUpperCase()} ${r.path} → ${r.status}`
  const operation = doc.paths[r.path]?.[r.method.toLowerCase()]
  if (!operation) throw new OpenApiViolation(`${where}: no such operation in the API document`)
  const raw =
    operation.responses?.[String(r.status)] ??
    operation.responses?.[`${String(r.status)[0]}XX`] ??
    operation.responses?.default
  if (!raw) throw new OpenApiViolation(`${where}: status not documented for this operation`)
  const response = resolve(raw)

  for (const [name, spec] of Object.entries(response.headers ?? {})) {
    const header = resolve(spec)
    const value = headerOf(r.headers, name)
    if (header.required && value === null)
      throw new OpenApiViolation(`${where}: required header ${name} missing`)
    if (
      name.toLowerCase() === 'retry-after' &&
      value !== null &&
      !/^\d+$/.test(value) &&
      Number.isNaN(Date.parse(value))
    ) {
      throw new OpenApiViolation(
        `${where}: Retry-After "${value}" is neither seconds nor an HTTP date`,
      )
    }
  }

  const content = response.content
  if (!content) {
    if (r.body !== undefined && r.body !== null && r.body !== '') {
      throw new OpenApiViolation(`${where}: the document says no body, got one`)
    }
    return
  }
  const media = (r.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const entry = content[media]
  if (!entry) {
    throw new OpenApiViolation(
      `${where}: content type "${media}" not documented (expected ${Object.keys(content).join(', ')})`,
    )
  }
  if (!entry.schema) return
  const validate = validatorFor(`${r.method} ${r.path} ${r.status} ${media}`, entry.schema)
  if (!validate(r.body)) {
    const errors = (validate.errors ?? [])
      .slice(0, 8)
      .map((e) => `  ${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
      .join('\n')
    throw new OpenApiViolation(`${where}: body does not match the document\n${errors}`)
  }
  if (
    media === 'application/problem+json' &&
    (r.body as { status?: unknown }).status !== r.status
  ) {
    throw new OpenApiViolation(`${where}: problem.status differs from the HTTP status`)
  }
}

const templates = Object.keys(doc.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^/]+\}/g, '[^/]+')}$`),
}))

/** The doc's path template for a concrete path, or null (e.g. the demo's /admin/*). */
export function matchPathTemplate(pathname: string): string | null {
  return templates.find((t) => t.pattern.test(pathname))?.template ?? null
}

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/**
 * Wraps a fetch so every response to a documented path is checked against the doc.
 * A violation rejects the call (or goes to onViolation, for clients that would retry
 * and hide it). Responses to undocumented paths pass through unchecked.
 */
export function validatingFetch(
  baseFetch: Fetch = fetch,
  options: { onViolation?: (error: OpenApiViolation) => void } = {},
): Fetch {
  return async (input, init) => {
    const response = await baseFetch(input, init)
    const request = input instanceof Request ? input : null
    const url = new URL(request ? request.url : String(input))
    const template = matchPathTemplate(url.pathname)
    if (template === null) return response
    const method = init?.method ?? request?.method ?? 'GET'
    const text = await response.clone().text()
    const contentType = response.headers.get('content-type')
    let body: unknown = text
    if (text !== '' && /json/i.test(contentType ?? '')) {
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
    }
    try {
      expectValidResponse({
        method,
        path: template,
        status: response.status,
        contentType,
        body,
        headers: response.headers,
      })
    } catch (error) {
      if (!(error instanceof OpenApiViolation) || !options.onViolation) throw error
      options.onViolation(error)
    }
    return response
  }
}
