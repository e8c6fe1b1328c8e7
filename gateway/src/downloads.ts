/**
 * Files over plain HTTP GET, for programs that cannot send GraphQL: each is an ordinary
 * GraphQL query through this gateway, so authentication, visibility and limits are exactly
 * those of the API; with trusted documents on, the queries are built-in registered documents.
 * Such programs often cannot send headers either, so the token may come as `?token=` as well as
 * `Authorization: Bearer` (use a VIEWER token made for the purpose: a URL ends up in places a
 * header does not).
 *
 * - GET /calendar/{unit code}/{year}.ics: the unit's 行事历 as iCalendar, for calendar apps to
 *   subscribe to (`unit(code) { calendarIcs(year) }`, rendered by the tasks subgraph);
 * - GET /assessments/{scheme id}/results.csv|xlsx[?scope=CODE]: a scheme's ranked results as a
 *   spreadsheet (`scheme(id) { export(format, scope) }`, written by the assessments subgraph).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const FEED_DOCUMENT =
  'query CalendarFeed($code: String!, $year: Int!) { unit(by: { code: $code }) { calendarIcs(year: $year) } }';
export const FEED_DOCUMENT_ID = createHash('sha256').update(FEED_DOCUMENT).digest('hex');
export const EXPORT_DOCUMENT =
  'query ResultsExport($id: ID!, $format: ExportFormat!, $scope: String) { scheme(id: $id) { export(format: $format, scope: $scope) { filename contentType encoding content } } }';
export const EXPORT_DOCUMENT_ID = createHash('sha256').update(EXPORT_DOCUMENT).digest('hex');
/** Registered whatever the trusted-documents file holds. */
export const BUILT_IN_DOCUMENTS: ReadonlyArray<[string, string]> = [
  [FEED_DOCUMENT_ID, FEED_DOCUMENT],
  [EXPORT_DOCUMENT_ID, EXPORT_DOCUMENT],
];

interface File {
  body: string | Buffer;
  contentType: string;
  filename: string;
  disposition: 'inline' | 'attachment';
  cache: string;
}

interface Route {
  path: RegExp;
  documentId: string;
  document: string;
  /** The query's variables, or a message for 400. */
  variables(m: RegExpExecArray, url: URL): Record<string, unknown> | string;
  /** The file in the answer, or a message for 404. */
  file(data: DownloadData | null | undefined, m: RegExpExecArray): File | string;
  /** What the log and a 502 call it. */
  what: string;
}

const decode = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

/** What the two documents answer; a part is null when not found or not visible. */
interface DownloadData {
  unit?: { calendarIcs?: string | null } | null;
  scheme?: { export?: { encoding: string; content: string; contentType: string; filename: string } | null } | null;
}

export const ROUTES: Route[] = [
  {
    path: /^\/calendar\/([^/]{1,200})\/(\d{4})\.ics$/,
    documentId: FEED_DOCUMENT_ID,
    document: FEED_DOCUMENT,
    what: '日历',
    variables: (m) => {
      const code = decode(m[1]);
      return code === null ? '单位代码无效' : { code, year: Number(m[2]) };
    },
    file: (data, m) => {
      const ics = data?.unit?.calendarIcs;
      if (!ics) return `未知单位代码：${decode(m[1])}`;
      return {
        body: ics,
        contentType: 'text/calendar; charset=utf-8',
        filename: `${decode(m[1])}-${m[2]}.ics`,
        disposition: 'inline',
        cache: 'private, max-age=300',
      };
    },
  },
  {
    path: /^\/assessments\/(\d{1,18})\/results\.(csv|xlsx)$/,
    documentId: EXPORT_DOCUMENT_ID,
    document: EXPORT_DOCUMENT,
    what: '考核结果',
    variables: (m, url) => ({ id: m[1], format: m[2].toUpperCase(), scope: url.searchParams.get('scope') }),
    file: (data, m) => {
      const f = data?.scheme?.export;
      if (!f) return `未知考核方案：${m[1]}`;
      return {
        body: f.encoding === 'base64' ? Buffer.from(f.content, 'base64') : f.content,
        contentType: f.contentType,
        filename: f.filename,
        disposition: 'attachment',
        cache: 'private, no-store',
      };
    },
  },
];

/** Where the files live (anything else under them goes on to GraphQL, which answers 404). */
export const DOWNLOAD_PREFIXES = ['/calendar/', '/assessments/'];

/** HTTP status for the first error's code. */
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

interface DownloadRuntime {
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ): Promise<Response> | Response;
}

/** Handles the request when it is for one of the files (true), else leaves it (false). */
export function downloads(runtime: DownloadRuntime, opts: { trustedDocuments: boolean }) {
  const plain = (res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...extra });
    res.end(`${message}\n`);
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    let m: RegExpExecArray | null = null;
    const route = ROUTES.find((r) => (m = r.path.exec(url.pathname)) !== null);
    if (!route || !m) return false;
    const match: RegExpExecArray = m;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, '只支持 GET', { allow: 'GET, HEAD' });
      return true;
    }
    const variables = route.variables(match, url);
    if (typeof variables === 'string') {
      plain(res, 400, variables);
      return true;
    }
    const header = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const token = header?.[1] ?? url.searchParams.get('token');
    if (!token) {
      plain(res, 401, '需要身份令牌：?token= 或 Authorization: Bearer', { 'www-authenticate': 'Bearer' });
      return true;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const rid = req.headers['x-request-id'];
    if (typeof rid === 'string') headers['x-request-id'] = rid;
    const answer = await runtime.fetch('http://gateway.invalid/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify(
        opts.trustedDocuments ? { documentId: route.documentId, variables } : { query: route.document, variables },
      ),
    });
    const requestId = answer.headers.get('x-request-id');
    const extra: Record<string, string> = requestId ? { 'x-request-id': requestId } : {};
    let body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try {
      body = (await answer.json()) as typeof body;
    } catch {
      plain(res, 502, `${route.what}生成失败`, extra);
      return true;
    }
    const error = body.errors?.[0];
    if (error) {
      const status = STATUS[error.extensions?.code ?? ''] ?? 502;
      plain(res, status, error.message, status === 401 ? { ...extra, 'www-authenticate': 'Bearer' } : extra);
      return true;
    }
    const file = route.file(body.data as DownloadData | undefined, match);
    if (typeof file === 'string') {
      plain(res, 404, file, extra);
      return true;
    }
    res.writeHead(200, {
      ...extra,
      'content-type': file.contentType,
      // An ASCII name for old clients, the real one (RFC 6266/5987) for the rest.
      'content-disposition': `${file.disposition}; filename="${file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'cache-control': file.cache,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
    return true;
  };
}
