// Talks to the Easel server that served this page, and to nothing else: every request goes
// to a path on this origin, so the API key never leaves for another host.

export class APIError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** A path on this origin; an absolute or protocol-relative URL is refused. */
function ownPath(path) {
  if (typeof path !== "string" || !path.startsWith("/") || path.startsWith("//")) {
    throw new Error(`refusing to send the API key anywhere but this server (got ${path})`);
  }
  return path;
}

/**
 * The same-origin path of a file URL the server answered with (`<public URL>/v1/files/…`).
 * The public URL may name another host or port than the one the page was opened with; the
 * files are this server's either way, and the page may only load from its own origin.
 */
export function filePath(url) {
  const path = new URL(url, location.href).pathname;
  return path.startsWith("/v1/files/") ? path : null;
}

export class EaselClient {
  /** @param {() => string} key the API key, read when each request is sent */
  constructor(key) {
    this.key = key;
  }

  /** Sends an authenticated request to this server: the one place the page calls fetch. */
  async send(path, { method = "GET", body, contentType, headers = {}, signal } = {}) {
    const key = this.key();
    if (!key) throw new APIError(401, 2001, "Enter your API key first.");
    const all = { Authorization: `Bearer ${key}`, ...headers };
    if (contentType) all["Content-Type"] = contentType;
    return fetch(ownPath(path), {
      method, body, headers: all, credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer", signal,
    });
  }

  async request(path, options) {
    const response = await this.send(path, options);
    let envelope;
    try {
      envelope = await response.json();
    } catch {
      throw new APIError(response.status, 5000, `The server answered ${response.status} without JSON.`);
    }
    if (!response.ok || envelope.code !== 0) {
      throw new APIError(response.status, envelope.code, envelope.message || `HTTP ${response.status}`);
    }
    return envelope.data;
  }

  models() {
    return this.request("/api/v1/models");
  }

  upload(file) {
    return this.request("/api/v1/files", {
      method: "POST", body: file, contentType: file.type || "application/octet-stream",
    });
  }

  createJob(job) {
    return this.request("/api/v1/job/create", {
      method: "POST", body: JSON.stringify(job), contentType: "application/json",
    });
  }

  query(id) {
    return this.request(`/api/v1/job/query?id=${encodeURIComponent(id)}`);
  }

  /**
   * The job's live event stream (GET /api/v1/job/events): the open response, whose body
   * streams Server-Sent Events, or null when this server answers anything else.
   */
  async events(id, signal) {
    const response = await this.send(`/api/v1/job/events?id=${encodeURIComponent(id)}`, {
      headers: { Accept: "text/event-stream" }, signal,
    });
    const type = response.headers.get("Content-Type") ?? "";
    if (response.ok && type.startsWith("text/event-stream") && response.body) return response;
    response.body?.cancel().catch(() => {});
    return null;
  }

  cancel(id) {
    return this.request(`/api/v1/job/cancel?id=${encodeURIComponent(id)}`, { method: "POST" });
  }

  listJobs(limit = 10) {
    return this.request(`/api/v1/job/list?limit=${limit}`);
  }
}
