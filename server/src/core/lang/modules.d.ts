// Type declarations for the language packages: stopwords-iso ships without types, and the
// project's module resolution ("node") does not read the `exports` map of @orama/stemmers.
declare module '@orama/stemmers/dutch' {
  /** Snowball's Dutch stemmer: a lowercased word in, its stem out. */
  export function stemmer(word: string): string;
  export const language: string;
}

declare module 'stopwords-iso/stopwords-iso.json' {
  export const nl: string[];
}
