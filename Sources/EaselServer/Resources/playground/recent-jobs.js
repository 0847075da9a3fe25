// The key's latest jobs (GET /api/v1/job/list), newest first; choosing one shows it.
import { filePath } from "./api.js";
import { el } from "./dom.js";
import { STATUS_NAMES } from "./job-status.js";

export class RecentJobs {
  /**
   * @param {{list: HTMLElement, notice: HTMLElement, refresh: HTMLButtonElement,
   *   client: import("./api.js").EaselClient, onSelect: (job: object) => void}} parts
   */
  constructor(parts) {
    Object.assign(this, parts);
    this.refresh.addEventListener("click", () => this.load());
  }

  async load() {
    try {
      const page = await this.client.listJobs(10);
      this.notice.textContent = page.jobs.length === 0 ? "No jobs yet for this key." : "";
      this.list.replaceChildren(...page.jobs.map((job) => this.item(job)));
    } catch (error) {
      this.notice.textContent = `Could not list jobs: ${error.message}`;
    }
  }

  clear() {
    this.list.replaceChildren();
    this.notice.textContent = "Enter your API key to see your jobs.";
  }

  item(job) {
    const thumbnail = job.result?.images?.[0];
    const created = new Date(job.created_at).toLocaleString();
    const status = STATUS_NAMES[job.status] ?? String(job.status);
    return el("li", { className: "recent-job", dataset: { id: job.job_id, status } },
      el("button", {
        type: "button", className: "recent-button", onclick: () => this.onSelect(job),
        "aria-label": `Show job ${job.job_id.slice(0, 8)}: ${status}, ${job.model}, created ${created}`,
      },
      thumbnail ? el("img", { src: filePath(thumbnail.url), alt: "", loading: "lazy" }) : el("span", { className: "no-thumbnail" }),
      el("span", { className: "recent-text" },
        el("span", { className: `badge ${status}` }, status),
        el("span", { className: "recent-model" }, job.model),
        el("time", { dateTime: job.created_at }, created))));
  }
}
