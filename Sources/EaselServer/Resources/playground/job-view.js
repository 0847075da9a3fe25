// Shows one job: where it stands, then its images (before/after), downloads, the engine's
// plan and what it could not apply.
import { filePath } from "./api.js";
import { el } from "./dom.js";
import { isFinal, statusLine } from "./job-status.js";

export class JobView {
  /**
   * @param {{section: HTMLElement, title: HTMLElement, status: HTMLElement, progress: HTMLProgressElement,
   *   cancel: HTMLButtonElement, result: HTMLElement, slider: import("./compare-slider.js").CompareSlider,
   *   picker: HTMLElement, downloads: HTMLElement, actualPrompt: HTMLElement, notApplied: HTMLElement}} parts
   */
  constructor(parts) {
    Object.assign(this, parts);
    this.selected = 0;
  }

  /** @param before the first input's preview URL, when this page submitted the job */
  show(job, before) {
    if (this.jobID !== job.job_id) this.selected = 0;
    this.jobID = job.job_id;
    this.job = job;
    this.before = before;
    this.section.hidden = false;
    this.section.dataset.status = String(job.status);
    this.section.dataset.jobId = job.job_id;
    this.title.textContent = `Job ${job.job_id.slice(0, 8)}… (${job.model})`;
    this.status.textContent = statusLine(job);
    this.progress.value = job.status === 2 ? 1 : job.progress ?? 0;
    this.cancel.hidden = isFinal(job);
    const images = job.status === 2 ? job.result?.images ?? [] : [];
    this.result.hidden = images.length === 0;
    if (images.length > 0) this.showResult(job, images);
  }

  showResult(job, images) {
    const index = Math.min(this.selected, images.length - 1);
    const image = images[index];
    this.slider.show({
      before: this.before, after: filePath(image.url), width: image.width, height: image.height,
      label: `image ${index + 1} of ${images.length}, ${image.width} × ${image.height}`,
    });
    this.picker.hidden = images.length < 2;
    this.picker.replaceChildren(...images.map((_, i) => el("button", {
      type: "button", "aria-pressed": String(i === index),
      onclick: () => { this.selected = i; this.show(this.job, this.before); },
    }, `Image ${i + 1}`)));
    this.downloads.replaceChildren(...images.map((img, i) => {
      const extension = img.url.split(".").pop();
      return el("li", {}, el("a", {
        href: filePath(img.url), download: `easel-${job.job_id.slice(0, 8)}-${i + 1}.${extension}`,
        className: "button",
      }, `Download image ${i + 1} (${extension.toUpperCase()}, ${img.width} × ${img.height})`));
    }));
    this.actualPrompt.textContent = job.actual_prompt
      ?? "Not reported: tick “Show the engine's plan” before submitting to see it.";
    const missed = job.not_applied ?? [];
    this.notApplied.replaceChildren(...(missed.length > 0
      ? missed.map((phrase) => el("li", {}, phrase))
      : [el("li", { className: "none" }, "Nothing: every part of the prompt was applied.")]));
  }
}
