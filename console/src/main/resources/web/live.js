// The console's live view in the browser: one Server-Sent Events stream from the console (never
// Kafka), a snapshot on connect and patches after it.

export class Live {
  constructor() {
    this.state = {};
    this.offset = 0;
    this.listeners = [];
    this.statusListeners = [];
    this.connected = false;
  }

  /** Milliseconds on the console's clock, so ages agree between browsers. */
  now() {
    return Date.now() + this.offset;
  }

  onChange(listener) { this.listeners.push(listener); }
  onStatus(listener) { this.statusListeners.push(listener); listener(this.connected ? 'live' : 'connecting'); }

  connect() {
    const source = new EventSource('/api/events');
    source.addEventListener('snapshot', event => {
      const data = JSON.parse(event.data);
      this.offset = data.serverTime - Date.now();
      delete data.serverTime;
      this.state = data;
      this.status('live');
      this.changed(null);
    });
    source.addEventListener('patch', event => {
      const data = JSON.parse(event.data);
      this.offset = data.serverTime - Date.now();
      delete data.serverTime;
      for (const [part, entries] of Object.entries(data)) {
        const target = this.state[part] || (this.state[part] = {});
        for (const [key, value] of Object.entries(entries)) {
          if (value === null) delete target[key]; else target[key] = value;
        }
      }
      this.changed(data);
    });
    source.addEventListener('error', async () => {
      this.status('reconnecting');
      const me = await fetch('/api/me').catch(() => null);
      if (me && me.status === 401) { source.close(); location.href = '/login'; }
    });
  }

  status(state) {
    this.connected = state === 'live';
    this.statusListeners.forEach(listener => listener(state));
  }

  changed(patch) {
    this.listeners.forEach(listener => listener(patch));
  }

  part(name) {
    return this.state[name] || {};
  }
}
