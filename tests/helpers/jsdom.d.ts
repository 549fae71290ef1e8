// The part of jsdom's API the tests use (the package ships no types, and @types/jsdom is not
// installed): a document parsed from HTML, without running its scripts.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string);
    readonly window: { document: Document };
  }
}
