export { normalize } from './normalize';
export { MAX_PREFIX, MAX_TOKEN_LENGTH, MIN_PREFIX, NGRAM_MARK, PREFIX_MARK, matches, queryTokens, tokenize } from './tokenize';
