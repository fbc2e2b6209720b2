/** Text made safe to place in HTML, in element content and in quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Markup that is already safe, e.g. the result of another `html` template. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/**
 * Every mail's HTML is written with this tag: each interpolated value is escaped unless it is
 * itself SafeHtml, so a company or event name like `<img onerror=…>` stays text.
 *   html`<p>Invited to <strong>${eventName}</strong></p>`
 */
export function html(strings: TemplateStringsArray, ...values: (string | number | SafeHtml)[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += (v instanceof SafeHtml ? v.value : escapeHtml(String(v))) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}
