// Builds elements from data without ever parsing it as HTML: text goes in as text.

/**
 * `el("li", { className: "job", dataset: { id } }, "text", child)`. Attributes are set as
 * properties (`className`, `hidden`, `onclick`…), or with setAttribute when their name has a
 * dash (`aria-label`).
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (name === "dataset") Object.assign(element.dataset, value);
    else if (name.includes("-")) element.setAttribute(name, value);
    else element[name] = value;
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export const byId = (id) => document.getElementById(id);
