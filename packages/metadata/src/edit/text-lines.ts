/**
 * Line arithmetic on source text, for edits that work in whole lines. Offsets are UTF-16 indexes
 * into the text, as the `yaml` ranges are. A line ends at `\n`; a `\r` before it is part of the
 * line ending, never of the content, so CRLF files behave exactly like LF files.
 */

/** Offset of the first character of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

/** Offset just past the line ending of the line holding `offset` (text length on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset)
  return newline === -1 ? text.length : newline + 1
}

/** Offset of the end of the content of the line holding `offset`: before `\r\n`, `\n` or EOF. */
export function contentEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset)
  if (newline === -1) return text.length
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline
}

/** The content of the line starting at `start`, without its line ending. */
export function lineAt(text: string, start: number): string {
  return text.slice(start, contentEnd(text, start))
}

/** Offset of the start of the line before the one starting at `start`, or -1 on the first line. */
export function previousLineStart(text: string, start: number): number {
  return start === 0 ? -1 : lineStart(text, start - 1)
}

/** Number of leading spaces of a line. */
export function indentOf(line: string): number {
  let i = 0
  while (line[i] === ' ') i++
  return i
}

export function isBlank(line: string): boolean {
  return line.trim() === ''
}

export function isComment(line: string): boolean {
  return line.trimStart().startsWith('#')
}

/** Whether only spaces stand between the start of its line and `offset`. */
export function isFirstOnLine(text: string, offset: number): boolean {
  return text.slice(lineStart(text, offset), offset).trim() === ''
}
