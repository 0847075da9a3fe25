// Before/after comparison: the result, with the input laid over it and cut off at the
// slider's position. Styles are set through the CSSOM, which the page's policy allows
// (it forbids style attributes and inline style sheets).

export class CompareSlider {
  /** @param {{frame: HTMLElement, before: HTMLImageElement, after: HTMLImageElement, range: HTMLInputElement}} parts */
  constructor(parts) {
    Object.assign(this, parts);
    this.range.addEventListener("input", () => this.place());
    this.place();
  }

  /** `before` is null when the input is not known (a job from an earlier visit). */
  show({ before, after, width, height, label }) {
    this.frame.style.aspectRatio = `${width} / ${height}`;
    this.after.src = after;
    this.after.alt = `Result: ${label}`;
    this.frame.classList.toggle("single", !before);
    this.range.hidden = !before;
    if (before) {
      this.before.src = before;
      this.before.alt = "Input image";
    } else {
      this.before.removeAttribute("src");
    }
    this.place();
  }

  place() {
    const shown = Number(this.range.value);
    this.frame.style.setProperty("--split", `${shown}%`);
    this.range.setAttribute("aria-valuetext", `${shown}% of the input shown, ${100 - shown}% of the result`);
  }
}
