/**
 * A textarea with a line-number gutter, and moving its caret to a finding's line:column.
 * Lines never wrap (`wrap="off"`), so gutter row n is always text line n.
 */

/** Offset in `text` of 1-based line:column (columns count UTF-16 code units, as the checker reports them). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return Math.min(offset + Math.max(column - 1, 0), end);
}

/**
 * The span to select for a finding at `offset`: a JSON string or key up to its closing quote, otherwise up to the
 * next `,` `}` `]` or end of line — enough to show what the finding is about without guessing at structure.
 */
export function selectionAt(text: string, offset: number): [number, number] {
  if (text[offset] === '"') {
    for (let i = offset + 1; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '"') return [offset, i + 1];
      else if (c === '\n') return [offset, i];
    }
    return [offset, text.length];
  }
  let end = offset;
  while (end < text.length && !',}]\n\r'.includes(text[end]!)) end++;
  while (end > offset && /\s/.test(text[end - 1]!)) end--;
  return [offset, end];
}

export class LineNumberedEditor {
  private lineCount = 0;

  constructor(
    readonly textarea: HTMLTextAreaElement,
    private readonly gutter: HTMLElement,
  ) {
    textarea.addEventListener('input', () => this.refresh());
    textarea.addEventListener('scroll', () => {
      gutter.scrollTop = textarea.scrollTop;
    });
    this.refresh();
  }

  get value(): string {
    return this.textarea.value;
  }

  /** Replaces the whole text and refreshes the gutter. */
  set value(text: string) {
    this.textarea.value = text;
    this.refresh();
  }

  refresh(): void {
    let lines = 1;
    for (let i = this.textarea.value.indexOf('\n'); i >= 0; i = this.textarea.value.indexOf('\n', i + 1)) lines++;
    if (lines !== this.lineCount) {
      this.lineCount = lines;
      const rows: string[] = [];
      for (let n = 1; n <= lines; n++) rows.push(String(n));
      this.gutter.textContent = rows.join('\n');
    }
    this.gutter.scrollTop = this.textarea.scrollTop;
  }

  /** Focuses the textarea with the caret (and a short selection) at line:column, scrolled into view. */
  reveal(line: number, column: number): void {
    const text = this.textarea.value;
    const offset = offsetOf(text, line, column);
    const [start, end] = selectionAt(text, offset);
    this.textarea.focus({ preventScroll: true });
    this.textarea.setSelectionRange(start, end, 'forward');
    const style = getComputedStyle(this.textarea);
    const lineHeight = parseFloat(style.lineHeight) || 20;
    const top = (line - 1) * lineHeight;
    const view = this.textarea.clientHeight;
    if (top < this.textarea.scrollTop || top + lineHeight > this.textarea.scrollTop + view) {
      this.textarea.scrollTop = Math.max(0, top - view / 3);
    }
    // Horizontal: long base64 lines scroll sideways; bring the column near the left edge.
    const charWidth = parseFloat(style.fontSize) * 0.6 || 8;
    const left = (column - 1) * charWidth;
    if (left < this.textarea.scrollLeft || left > this.textarea.scrollLeft + this.textarea.clientWidth - 4 * charWidth) {
      this.textarea.scrollLeft = Math.max(0, left - 4 * charWidth);
    }
    this.gutter.scrollTop = this.textarea.scrollTop;
    this.textarea.scrollIntoView({ block: 'nearest' });
  }
}
