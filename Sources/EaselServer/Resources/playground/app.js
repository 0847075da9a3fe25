// The playground page: wires the key, the form, the job being followed and the recent jobs.
// A job is followed by its live events (GET /api/v1/job/events); where they fail, by polling
// GET /api/v1/job/query every 500 ms, which every server version answers.
import { EaselClient } from "./api.js";
import { CompareSlider } from "./compare-slider.js";
import { byId, el } from "./dom.js";
import { InputImages } from "./input-images.js";
import { serverSentEvents } from "./job-events.js";
import { isFinal } from "./job-status.js";
import { JobView } from "./job-view.js";
import { RecentJobs } from "./recent-jobs.js";
import { PRESETS, aspectText, sizeProblems } from "./size-rules.js";

const KEY_STORAGE = "easel.apiKey";
const POLL_INTERVAL_MS = 500;
const MAX_SEED = 4294967295;

const storedKey = () => localStorage.getItem(KEY_STORAGE) ?? "";
const client = new EaselClient(storedKey);
const form = byId("job-form");
const submit = byId("submit");
let models = [];
let submitting = false;

const images = new InputImages({
  list: byId("image-list"), dropZone: byId("drop-zone"), fileInput: byId("image-input"),
  pickButton: byId("pick-images"), notice: byId("image-notice"), client,
  hasKey: () => storedKey() !== "", onChange: () => validate(),
});

const jobView = new JobView({
  section: byId("job"), title: byId("job-title"), status: byId("job-status"), progress: byId("job-progress"),
  cancel: byId("cancel-job"), result: byId("result"),
  slider: new CompareSlider({
    frame: byId("compare"), before: byId("before-image"), after: byId("after-image"), range: byId("compare-range"),
  }),
  picker: byId("result-picker"), downloads: byId("downloads"), actualPrompt: byId("actual-prompt"),
  notApplied: byId("not-applied"),
});

// The first input's preview of each job submitted from this page, for its "before".
const inputsOfJob = new Map();

const recent = new RecentJobs({
  list: byId("recent-jobs"), notice: byId("recent-notice"), refresh: byId("refresh-jobs"), client,
  onSelect: (job) => follow(job),
});

// Key: kept in this browser's localStorage only; api.js sends it to this origin only.

function keyChanged() {
  const key = storedKey();
  byId("api-key").value = key;
  byId("forget-key").disabled = key === "";
  images.uploadWaiting();
  if (key) {
    loadModels();
    recent.load();
  } else {
    models = [];
    showModels("Enter your API key to load the models.");
    recent.clear();
  }
}

byId("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const key = byId("api-key").value.trim();
  if (!key) return;
  localStorage.setItem(KEY_STORAGE, key);
  byId("key-status").textContent = "Saved in this browser.";
  keyChanged();
});

byId("forget-key").addEventListener("click", () => {
  localStorage.removeItem(KEY_STORAGE);
  byId("key-status").textContent = "Forgotten: this browser no longer keeps a key.";
  keyChanged();
});

async function loadModels() {
  try {
    models = (await client.models()).models;
    showModels(models.length === 0 ? "This server serves no models." : "");
  } catch (error) {
    models = [];
    showModels(error.status === 401 ? `The key was refused: ${error.message}` : `Could not load the models: ${error.message}`);
  }
}

function showModels(notice) {
  const select = byId("model");
  const previous = select.value;
  select.replaceChildren(...models.map((m) => el("option", { value: m.id }, `${m.id} (${m.engine} engine)`)));
  if (models.some((m) => m.id === previous)) select.value = previous;
  select.disabled = models.length === 0;
  byId("model-notice").textContent = notice;
  validate();
}

// Size: presets fill width and height; editing either checks the API's rules at once.

const preset = byId("size-preset");
const width = byId("width");
const height = byId("height");
preset.replaceChildren(
  ...PRESETS.map((p, i) => el("option", { value: String(i) }, p.label)),
  el("option", { value: "custom" }, "Custom size"));
preset.addEventListener("change", () => {
  const chosen = PRESETS[Number(preset.value)];
  if (chosen) {
    width.value = String(chosen.width);
    height.value = String(chosen.height);
  }
  validate();
});
for (const input of [width, height]) {
  input.addEventListener("input", () => {
    const match = PRESETS.findIndex((p) => String(p.width) === width.value && String(p.height) === height.value);
    preset.value = match >= 0 ? String(match) : "custom";
    validate();
  });
}

const wholeNumber = (text) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

function checkSize() {
  const w = wholeNumber(width.value);
  const h = wholeNumber(height.value);
  const problems = sizeProblems(w, h);
  byId("size-problems").replaceChildren(...problems.map((p) => el("li", {}, p)));
  byId("size-summary").textContent = problems.length === 0
    ? `${w} × ${h}: ${(w * h / 1e6).toFixed(2)} megapixels, aspect ${aspectText(w, h)}. Allowed.` : "";
  for (const input of [width, height]) input.setAttribute("aria-invalid", String(problems.length > 0));
  return problems.length === 0;
}

function checkSeed() {
  const text = byId("seed").value.trim();
  const valid = text === "" || (/^\d+$/.test(text) && Number(text) <= MAX_SEED);
  byId("seed").setAttribute("aria-invalid", String(!valid));
  byId("seed-problem").textContent = valid ? "" : `The seed must be a whole number from 0 to ${MAX_SEED}.`;
  return valid;
}

/** Why the job cannot be submitted yet; the first reason is shown beside the button. */
function blockers() {
  const reasons = [];
  if (!storedKey()) reasons.push("Enter and save your API key.");
  if (images.entries.length === 0) reasons.push("Add at least one image.");
  if (images.busy && storedKey()) reasons.push("Wait for the images to upload.");
  if (images.failed) reasons.push("Remove the images that failed to upload.");
  if (byId("prompt").value.trim() === "") reasons.push("Write a prompt.");
  if (!checkSize()) reasons.push("Choose an allowed size (see the rules above).");
  const model = models.find((m) => m.id === byId("model").value);
  if (!model) reasons.push("Choose a model.");
  else if (images.entries.length > model.max_input_images) {
    reasons.push(`${model.id} reads at most ${model.max_input_images} image${model.max_input_images === 1 ? "" : "s"}.`);
  }
  if (!checkSeed()) reasons.push("Fix the seed.");
  return reasons;
}

function validate() {
  const reasons = blockers();
  submit.disabled = submitting || reasons.length > 0;
  byId("submit-hint").textContent = reasons[0] ?? "";
}

for (const id of ["prompt", "negative-prompt", "seed", "model", "num-images"]) {
  byId(id).addEventListener("input", validate);
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  validate();
  if (submit.disabled) return;
  const args = {
    prompt: byId("prompt").value,
    image_urls: images.uploadedURLs,
    width: Number(width.value),
    height: Number(height.value),
    num_images: Number(byId("num-images").value),
    prompt_extend: byId("prompt-extend").checked,
  };
  const negative = byId("negative-prompt").value;
  if (negative.trim() !== "") args.negative_prompt = negative;
  const seed = byId("seed").value.trim();
  if (seed !== "") args.seed = Number(seed);
  submitting = true;
  validate();
  byId("submit-error").textContent = "";
  try {
    const created = await client.createJob({ model: byId("model").value, args });
    inputsOfJob.set(created.job_id, images.entries[0]?.preview);
    follow({ job_id: created.job_id, model: byId("model").value, status: 0, progress: 0 });
    recent.load();
  } catch (error) {
    byId("submit-error").textContent = `Not submitted: ${error.message}`;
  } finally {
    submitting = false;
    validate();
  }
});

// Following a job: by its events, else by polling, until it is final; then the recent jobs
// are refreshed.

let followed = 0;
let stopEvents = null;

async function follow(job) {
  const ticket = ++followed;
  stopEvents?.abort();
  const events = new AbortController();
  stopEvents = events;
  jobView.show(job, inputsOfJob.get(job.job_id));
  byId("job").scrollIntoView({ behavior: "smooth", block: "nearest" });
  const done = await followEvents(job, ticket, events.signal);
  if (!done && ticket === followed) await poll(job, ticket);
}

/**
 * Shows the job's progress events, then the job its `done` event carries. False when the
 * stream could not be opened or ended without `done`: the caller polls instead.
 */
async function followEvents(job, ticket, signal) {
  let current = job;
  try {
    const response = await client.events(job.job_id, signal);
    if (!response) return false;
    for await (const { event, data } of serverSentEvents(response.body)) {
      if (ticket !== followed) return true;
      if (event === "progress") {
        // status, queue_position and progress; the rest of the job stays as it was.
        current = { ...current, ...JSON.parse(data) };
        jobView.show(current, inputsOfJob.get(current.job_id));
      } else if (event === "done") {
        const answer = JSON.parse(data);
        if (answer.code !== 0 || !isFinal(answer.data)) return false;
        jobView.show(answer.data, inputsOfJob.get(answer.data.job_id));
        recent.load();
        return true;
      }
    }
  } catch {
    // A broken stream (or one this page stopped) ends here; polling takes over if still wanted.
  }
  return false;
}

async function poll(job, ticket) {
  let current = job;
  while (ticket === followed) {
    try {
      current = await client.query(current.job_id);
    } catch (error) {
      if (ticket === followed) byId("job-status").textContent = `Could not read the job: ${error.message}`;
      if (error.status === 401 || error.status === 404) return;
    }
    if (ticket !== followed) return;
    jobView.show(current, inputsOfJob.get(current.job_id));
    if (isFinal(current)) {
      recent.load();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

byId("cancel-job").addEventListener("click", async () => {
  try {
    jobView.show(await client.cancel(jobView.jobID), inputsOfJob.get(jobView.jobID));
  } catch (error) {
    byId("job-status").textContent = `Could not cancel: ${error.message}`;
  }
});

preset.value = "0";
preset.dispatchEvent(new Event("change"));
keyChanged();
