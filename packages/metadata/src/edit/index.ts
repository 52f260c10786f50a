/**
 * The comment-preserving edit API: change a metadata document and get its new text, with every
 * untouched line and comment kept byte for byte. Studio saves through it.
 *
 * - `applyEdits(source, edits)` applies `set` / `delete` / `rename` / `addField` edits in order
 *   and returns the new text; `setIn`, `deleteIn`, `renameKey` and `addField` do one edit each.
 * - Only the edited entries are rewritten, as minimal splices located by the `yaml` source
 *   ranges; new text follows the file's indentation, list style, quotes and line endings.
 * - Deletes take the comments an entry owns (see entry-region.ts): the comment block directly
 *   above its key at its indentation, trailing comments on its lines, and deeper-indented
 *   comments after it; never the file header or comments separated by a blank line.
 * - Every step is proven before it is kept: the new text must parse to exactly the old data with
 *   that one change. Otherwise the edit is refused with an EditError naming the path — anchors,
 *   aliases, explicit tags, `? key` entries and duplicate keys are refused up front.
 */
export { applyEdits } from './apply-edits.js'
export { addField, deleteIn, renameKey, setIn } from './edit-document.js'
export { EditError, formatPath, type EditErrorReason } from './edit-error.js'
export type { Edit, EditPath, EditSource } from './edit-types.js'
