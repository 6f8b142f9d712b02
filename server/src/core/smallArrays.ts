/**
 * Small `Int32Array`s cut from shared chunks: the line starts of a `LineTable` and the rows of a
 * `QuestionTable`, made for every document parsed. `kamervraag check` of a folder and the workspace index
 * parse thousands of small documents in a row, and an `Int32Array` of more than 64 bytes gets memory of
 * its own outside the JavaScript heap, which takes some 0.75 µs to make and more to collect; a view of a
 * chunk (`subarray`) takes some 30 ns. A warm parse and check of 10,000 small documents took 12 % less
 * time this way (bench/README.md, "Many small documents").
 *
 * A part of a chunk is handed out once and never again, so it starts zeroed like a new array. A chunk is
 * collected with the last array cut from it: an array kept for long (the document open in the editor)
 * keeps its chunk of 64 KB. An array of more than an eighth of a chunk is made on its own.
 */

/** Entries of a chunk: 64 KB. */
const CHUNK = 1 << 14;
/** Arrays longer than this get memory of their own. */
const LARGEST_CUT = CHUNK >> 3;

let chunk = new Int32Array(CHUNK);
let used = 0;

/** A zeroed `Int32Array` of `length` entries, as `new Int32Array(length)` makes one. */
export function smallInt32Array(length: number): Int32Array {
  if (length > LARGEST_CUT) return new Int32Array(length);
  if (used + length > CHUNK) {
    chunk = new Int32Array(CHUNK);
    used = 0;
  }
  const array = chunk.subarray(used, used + length);
  used += length;
  return array;
}
