// The 1–4 input images: picked or dropped, previewed from the local file, and each uploaded
// through POST /api/v1/files as soon as there is a key to upload with.
import { el } from "./dom.js";

export const MAX_IMAGES = 4;

export class InputImages {
  /**
   * @param {{list: HTMLElement, dropZone: HTMLElement, fileInput: HTMLInputElement,
   *   pickButton: HTMLButtonElement, notice: HTMLElement, client: import("./api.js").EaselClient,
   *   hasKey: () => boolean, onChange: () => void}} parts
   */
  constructor(parts) {
    Object.assign(this, parts);
    this.entries = [];
    this.nextID = 1;
    this.pickButton.addEventListener("click", () => this.fileInput.click());
    this.fileInput.addEventListener("change", () => {
      this.add(this.fileInput.files);
      this.fileInput.value = "";
    });
    this.dropZone.addEventListener("dragover", (event) => {
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
      this.dropZone.classList.add("dragging");
    });
    this.dropZone.addEventListener("dragleave", () => this.dropZone.classList.remove("dragging"));
    this.dropZone.addEventListener("drop", (event) => {
      event.preventDefault();
      this.dropZone.classList.remove("dragging");
      this.add(event.dataTransfer.files);
    });
  }

  add(fileList) {
    const files = Array.from(fileList);
    const room = MAX_IMAGES - this.entries.length;
    const taken = files.slice(0, Math.max(room, 0));
    this.notice.textContent = files.length > taken.length
      ? `At most ${MAX_IMAGES} images: ${files.length - taken.length} not added.` : "";
    for (const file of taken) {
      // The preview stays valid for the page's life: a finished job shows it as its "before".
      this.entries.push({ id: this.nextID++, file, preview: URL.createObjectURL(file), state: "waiting" });
    }
    this.uploadWaiting();
  }

  remove(id) {
    this.entries = this.entries.filter((entry) => entry.id !== id);
    this.render();
  }

  /** Uploads every image not uploaded yet; called again once a key is entered. */
  uploadWaiting() {
    if (this.hasKey()) {
      for (const entry of this.entries.filter((e) => e.state === "waiting")) {
        this.upload(entry);
      }
    }
    this.render();
  }

  async upload(entry) {
    entry.state = "uploading";
    entry.error = undefined;
    this.render();
    try {
      const stored = await this.client.upload(entry.file);
      Object.assign(entry, { state: "ready", url: stored.url, width: stored.width, height: stored.height });
    } catch (error) {
      // Refused for the key: it is tried again when another key is entered.
      Object.assign(entry, { state: error.status === 401 ? "waiting" : "failed", error: error.message });
    }
    this.render();
  }

  get uploadedURLs() {
    return this.entries.filter((e) => e.state === "ready").map((e) => e.url);
  }

  get busy() {
    return this.entries.some((e) => e.state === "uploading" || e.state === "waiting");
  }

  get failed() {
    return this.entries.some((e) => e.state === "failed");
  }

  render() {
    this.list.replaceChildren(...this.entries.map((entry, index) => this.item(entry, index + 1)));
    this.pickButton.disabled = this.entries.length >= MAX_IMAGES;
    this.onChange();
  }

  item(entry, number) {
    const status = {
      waiting: entry.error ? `Waiting for a valid API key (${entry.error})` : "Waiting for the API key",
      uploading: "Uploading…",
      ready: `Uploaded, ${entry.width} × ${entry.height}`,
      failed: `Upload failed: ${entry.error}`,
    }[entry.state];
    return el("li", { className: `input-image ${entry.state}` },
      el("img", { src: entry.preview, alt: `Image ${number}: ${entry.file.name}` }),
      el("span", { className: "input-status" }, status),
      el("button", {
        type: "button", className: "quiet", "aria-label": `Remove image ${number} (${entry.file.name})`,
        onclick: () => this.remove(entry.id),
      }, "Remove"));
  }
}
