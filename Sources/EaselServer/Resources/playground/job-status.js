// How a job's numeric status reads (docs/API.md: 0 queued … 4 canceled).

export const STATUS_NAMES = ["queued", "running", "succeeded", "failed", "canceled"];

export const isFinal = (job) => job.status >= 2;

/** One line for a screen reader and a glance: where the job stands. */
export function statusLine(job) {
  switch (job.status) {
    case 0:
      return job.queue_position === 1
        ? "Queued: runs next."
        : `Queued: position ${job.queue_position ?? "?"} in the queue.`;
    case 1:
      return `Running: ${Math.round((job.progress ?? 0) * 100)}% done.`;
    case 2: {
      const images = job.result?.images ?? [];
      const size = images[0] ? `, ${images[0].width} × ${images[0].height}` : "";
      return `Done: ${images.length} image${images.length === 1 ? "" : "s"}${size}.`;
    }
    case 3:
      return `Failed (${job.error?.code ?? "error"}): ${job.error?.message ?? "no details"}`;
    case 4:
      return "Canceled.";
    default:
      return `Status ${job.status}.`;
  }
}
