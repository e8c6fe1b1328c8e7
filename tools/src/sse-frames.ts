/**
 * The messages of a server-sent-events body, one block at a time (the text between blank lines:
 * its `event:` and `data:` lines), as the hub's subscriptions send them (platform's sse.ts). For
 * tools and tests that read a subscription by hand; clients use `@tiaokuai/client`'s subscribe.
 */
export async function* sseFrames(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buf += decoder.decode(value, { stream: true });
    let i: number;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      yield buf.slice(0, i);
      buf = buf.slice(i + 2);
    }
  }
}
