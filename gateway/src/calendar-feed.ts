/**
 * The work-calendar feed: GET /calendar/{unit code}/{year}.ics answers the unit's 行事历 as
 * iCalendar text, for calendar apps to subscribe to. Calendar apps cannot send headers, so the
 * token may come as `?token=` as well as `Authorization: Bearer` (use a VIEWER token made for
 * the purpose: a URL ends up in places a header does not). The feed is an ordinary GraphQL
 * query through this gateway (`unit(code) { calendarIcs(year) }`, rendered by the tasks
 * subgraph), so authentication, visibility and limits are exactly those of the API; with
 * trusted documents on, the query is a built-in registered document.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const FEED_DOCUMENT = 'query CalendarFeed($code: String!, $year: Int!) { unit(code: $code) { calendarIcs(year: $year) } }';
export const FEED_DOCUMENT_ID = createHash('sha256').update(FEED_DOCUMENT).digest('hex');
const PATH = /^\/calendar\/([^/]{1,200})\/(\d{4})\.ics$/;

/** HTTP status for the first error's code. */
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

interface FeedRuntime {
  fetch(url: string, init: { method: string; headers: Record<string, string>; body: string }): Promise<Response> | Response;
}

/** Handles the request when it is for the feed (true), else leaves it (false). */
export function calendarFeed(runtime: FeedRuntime, opts: { trustedDocuments: boolean }) {
  const plain = (res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...extra });
    res.end(`${message}\n`);
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    const m = PATH.exec(url.pathname);
    if (!m) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') { plain(res, 405, '只支持 GET', { allow: 'GET, HEAD' }); return true; }
    let code: string;
    try { code = decodeURIComponent(m[1]); } catch { plain(res, 400, '单位代码无效'); return true; }
    const header = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const token = header?.[1] ?? url.searchParams.get('token');
    if (!token) { plain(res, 401, '需要身份令牌：?token= 或 Authorization: Bearer', { 'www-authenticate': 'Bearer' }); return true; }
    const variables = { code, year: Number(m[2]) };
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const rid = req.headers['x-request-id'];
    if (typeof rid === 'string') headers['x-request-id'] = rid;
    const answer = await runtime.fetch('http://gateway.invalid/graphql', {
      method: 'POST', headers,
      body: JSON.stringify(opts.trustedDocuments ? { documentId: FEED_DOCUMENT_ID, variables } : { query: FEED_DOCUMENT, variables }),
    });
    const requestId = answer.headers.get('x-request-id');
    const extra: Record<string, string> = requestId ? { 'x-request-id': requestId } : {};
    let body: { data?: { unit?: { calendarIcs?: string | null } | null } | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try { body = await answer.json() as typeof body; } catch { plain(res, 502, '日历生成失败', extra); return true; }
    const error = body.errors?.[0];
    if (error) {
      const status = STATUS[error.extensions?.code ?? ''] ?? 502;
      plain(res, status, error.message, status === 401 ? { ...extra, 'www-authenticate': 'Bearer' } : extra);
      return true;
    }
    const ics = body.data?.unit?.calendarIcs;
    if (!ics) { plain(res, 404, `未知单位代码：${code}`, extra); return true; }
    res.writeHead(200, {
      ...extra,
      'content-type': 'text/calendar; charset=utf-8',
      // An ASCII name for old clients, the real one (RFC 6266/5987) for the rest.
      'content-disposition': `inline; filename="${code.replace(/[^\x20-\x7e]|["\\]/g, '_')}-${m[2]}.ics"; filename*=UTF-8''${encodeURIComponent(code)}-${m[2]}.ics`,
      'cache-control': 'private, max-age=300',
    });
    res.end(req.method === 'HEAD' ? undefined : ics);
    return true;
  };
}
