export { extract, type ExtractInput } from './extract.js';
export { segment, type Segmented, type Sentence, type Token } from './segment.js';
