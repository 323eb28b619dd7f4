// opencc-js ships its dictionaries as ESM modules with a string default export but no typings for
// the per-dictionary paths; declaring them lets us import only the traditional → simplified ones.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
