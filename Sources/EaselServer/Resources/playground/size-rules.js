// The API's size rules (Sources/EaselAPI/ArgumentRules.swift), checked as the user types so
// that the page names the rule a size breaks before the server would refuse it.

export const SIDE = { min: 384, max: 2560 };
export const PIXELS = { min: 768 * 768, max: 1280 * 1280 };
export const MAX_ASPECT = 4;

// Every preset satisfies all three rules; the browser test checks that they do.
export const PRESETS = [
  { label: "Square 1024 × 1024", width: 1024, height: 1024 },
  { label: "Square 1280 × 1280 (largest)", width: 1280, height: 1280 },
  { label: "Square 768 × 768 (smallest)", width: 768, height: 768 },
  { label: "Landscape 4:3 — 1472 × 1104", width: 1472, height: 1104 },
  { label: "Portrait 3:4 — 1104 × 1472", width: 1104, height: 1472 },
  { label: "Wide 16:9 — 1664 × 936", width: 1664, height: 936 },
  { label: "Tall 9:16 — 936 × 1664", width: 936, height: 1664 },
  { label: "Panorama 4:1 — 2560 × 640", width: 2560, height: 640 },
  { label: "Banner 1:4 — 640 × 2560", width: 640, height: 2560 },
];

const grouped = (n) => n.toLocaleString("en-US");

/** The rules `width` × `height` breaks, as sentences; empty when the size is allowed. */
export function sizeProblems(width, height) {
  const problems = [];
  for (const [name, value] of [["Width", width], ["Height", height]]) {
    if (!Number.isInteger(value)) {
      problems.push(`${name} must be a whole number of pixels.`);
    } else if (value < SIDE.min || value > SIDE.max) {
      problems.push(`${name} must be between ${SIDE.min} and ${SIDE.max} pixels (it is ${value}).`);
    }
  }
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) return problems;
  const pixels = width * height;
  if (pixels < PIXELS.min || pixels > PIXELS.max) {
    problems.push(
      `Total pixels must be between ${grouped(PIXELS.min)} (768 × 768) and ${grouped(PIXELS.max)} (1280 × 1280); ` +
        `${width} × ${height} is ${grouped(pixels)}.`,
    );
  }
  if (Math.max(width, height) > MAX_ASPECT * Math.min(width, height)) {
    problems.push(`Aspect ratio must be between 1:4 and 4:1; ${width} × ${height} is ${aspectText(width, height)}.`);
  }
  return problems;
}

/** "16:9" for 1664 × 936; a decimal ratio when the reduced fraction is unwieldy. */
export function aspectText(width, height) {
  const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
  const d = gcd(width, height);
  const [w, h] = [width / d, height / d];
  if (w <= 32 && h <= 32) return `${w}:${h}`;
  return width >= height ? `${(width / height).toFixed(2)}:1` : `1:${(height / width).toFixed(2)}`;
}
