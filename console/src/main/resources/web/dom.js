// Small DOM and formatting helpers shared by the console pages. Text from the topics is only ever
// set as text, never parsed as markup.

/** An element: h('td', {class: 'x', onclick: fn}, 'text', child...). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** "4:05" for 245 s, "1:02:05" past an hour, "-0:30" when negative. */
export function duration(seconds) {
  const sign = seconds < 0 ? '-' : '';
  let s = Math.floor(Math.abs(seconds));
  const hours = Math.floor(s / 3600);
  s -= hours * 3600;
  const minutes = Math.floor(s / 60);
  const rest = String(s - minutes * 60).padStart(2, '0');
  return hours > 0 ? `${sign}${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${sign}${minutes}:${rest}`;
}

/** "14:05" (UTC, as the control room's clock shows). */
export function clock(millis) {
  if (millis === null || millis === undefined) return '—';
  return new Date(millis).toISOString().slice(11, 16);
}

export function km(meters) {
  return `${(meters / 1000).toFixed(1)} km`;
}

export function label(enumName) {
  return String(enumName).toLowerCase().replaceAll('_', ' ');
}

/** The page header: title, nav, the push status, the user and a log-out button. */
export function header(me, title, live) {
  const top = document.getElementById('top');
  const pages = me.role === 'analyst' ? [['/analyst', 'Analyst']]
    : me.role === 'supervisor' ? [['/', 'Dispatch'], ['/supervisor', 'Supervisor']] : [['/', 'Dispatch']];
  const nav = pages.map(([href, name]) => h('a', {href, id: `nav-${name.toLowerCase()}`, class: name === title ? 'current' : null}, name));
  const parts = [h('span', {class: 'brand'}, h('span', {class: 'mark'}, '●'), ' Bluelight'), h('nav', {}, nav)];
  const right = h('span', {class: 'right'});
  if (live) {
    const nowText = h('span', {class: 'clock', id: 'clock'});
    const status = h('span', {class: 'link-state', id: 'link-state'}, 'connecting');
    live.onStatus(state => { status.textContent = state; status.className = `link-state ${state}`; });
    setInterval(() => { nowText.textContent = `${new Date(live.now()).toISOString().slice(11, 19)} UTC`; }, 500);
    right.append(nowText, status);
  }
  right.append(h('span', {class: 'me', id: 'me'}, `${me.user} (${me.role})`),
    h('form', {method: 'post', action: '/logout', class: 'logout'}, h('button', {type: 'submit', id: 'logout'}, 'Log out')));
  top.replaceChildren(...parts, right);
}

export async function me() {
  const response = await fetch('/api/me');
  if (response.status === 401) { location.href = '/login'; throw new Error('not logged in'); }
  return response.json();
}
