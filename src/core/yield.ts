/**
 * Lets queued events run (an abort, a message) between chunks of work. In browsers and workers a
 * MessageChannel round trip: `setTimeout(0)` is clamped to 4 ms once nested, which long loops pay at
 * every chunk. In Node, `setTimeout`, which is not clamped (a channel port would keep the process alive).
 * @module
 */
const isNode = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';

let channel: MessageChannel | undefined;
const resumes: Array<() => void> = [];

export function yieldToEventLoop(): Promise<void> {
  if (isNode || typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => resumes.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    resumes.push(resolve);
    port.postMessage(null);
  });
}
