// Demo chrome only: the Outbox and Admin notifications panels of the demo portal. They read the demo
// backend's `GET /api/demo/outbox` and `GET /api/demo/notifications` (routes a real backend does not
// have: it sends the messages itself) every second, and at once after a send.
// The uploader itself needs no script: `<bulk-upload endpoint="/api">` is the whole integration.
// Every value is put in the page as text (names may hold markup), never as HTML.

const POLL_MS = 1000;

const panels = {
  outbox: {
    url: '/api/demo/outbox',
    key: 'messages',
    list: document.querySelector('#outbox-list'),
    empty: document.querySelector('#outbox-empty'),
    count: document.querySelector('#outbox-count'),
    shown: 0,
    render: renderMessage,
    announce: (n) => (n === 1 ? '1 new message in the outbox.' : `${n} new messages in the outbox.`),
  },
  notifications: {
    url: '/api/demo/notifications',
    key: 'notifications',
    list: document.querySelector('#notifications-list'),
    empty: document.querySelector('#notifications-empty'),
    count: document.querySelector('#notifications-count'),
    shown: 0,
    render: renderNotification,
    announce: (n, items) => (n === 1 ? `Admin notification: ${items.at(-1).text}` : `${n} new admin notifications.`),
  },
};
const status = document.querySelector('#demo-status');

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderMessage(message) {
  const item = element('li', `message ${message.channel}`);
  item.dataset.token = message.token;
  const what = message.channel === 'sms' ? 'Text message' : 'Email';
  item.append(element('h3', '', `${what} to ${message.to}`), element('p', 'meta', `For ${message.name}`), element('p', 'text', message.text));
  const open = element('a', 'open invite-link', `Open ${message.name}'s invitation`);
  open.href = message.link;
  open.target = '_blank';
  open.rel = 'noopener';
  item.append(open);
  return item;
}

function renderNotification(notification) {
  const item = element('li', 'message notification');
  const when = new Date(notification.acceptedAt).toLocaleTimeString();
  item.append(
    element('h3', '', `${notification.name} accepted the invitation`),
    element('p', 'meta', `Email to ${notification.to} · ${when}`),
    element('p', 'text', notification.text),
  );
  return item;
}

let reachable = true;

async function refresh(panel) {
  const response = await fetch(panel.url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${panel.url}: HTTP ${response.status}`);
  const items = (await response.json())[panel.key];
  if (items.length === panel.shown) return undefined;
  // The store only appends; show the newest first.
  const fresh = items.slice(panel.shown);
  panel.list.prepend(...fresh.map(panel.render).reverse());
  panel.shown = items.length;
  panel.empty.hidden = items.length > 0;
  panel.count.textContent = String(items.length);
  return panel.announce(fresh.length, items);
}

let busy = false;
async function refreshAll() {
  if (busy) return;
  busy = true;
  try {
    const news = await Promise.all(Object.values(panels).map(refresh));
    const said = news.filter(Boolean).join(' ');
    if (said) status.textContent = said;
    if (!reachable) status.textContent = 'The demo backend is back.';
    reachable = true;
  } catch {
    if (reachable) status.textContent = 'The demo backend is not reachable. Is `npm start` still running?';
    reachable = false;
  } finally {
    busy = false;
  }
}

document.addEventListener('bulk-upload-submitted', () => void refreshAll());
setInterval(() => void refreshAll(), POLL_MS);
void refreshAll();
