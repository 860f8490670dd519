import type { IncomingMessage, ServerResponse } from 'node:http'

export type Headers = Record<string, string>

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Headers = {},
  contentType = 'application/json',
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': `${contentType}; charset=utf-8`,
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(text)
}

export function sendEmpty(res: ServerResponse, status: number, headers: Headers = {}): void {
  res.writeHead(status, headers)
  res.end()
}

/** The body as text, or null when it is larger than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = 16 * 1024): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > limit) return null
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The media type without parameters, lower-cased ('' when absent). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
