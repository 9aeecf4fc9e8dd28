/**
 * The closest known word to a mistyped one, from the spec library's `didYouMean` (the one implementation in the
 * tree). Required on the error path only, so routing a correct command line does not load the spec library.
 */
export function didYouMean(word: string, known: Iterable<string>): string | undefined {
  const spec = require('amplify-cloudformation-spec') as typeof import('amplify-cloudformation-spec');
  return spec.didYouMean(word, known);
}
