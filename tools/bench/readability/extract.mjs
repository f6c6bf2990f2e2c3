// The Readability.js reference of morgue's html import benchmark: extracts every page of
// a list with Mozilla Readability in one Node process, on the DOM named (linkedom, its
// fastest, or jsdom, its reference DOM), and prints how many pages gave an article.
//
//   node extract.mjs linkedom|jsdom LIST_FILE
import { readFileSync } from "node:fs";
import { Readability } from "@mozilla/readability";

const [dom, listFile] = process.argv.slice(2);
const files = readFileSync(listFile, "utf8").split("\n").filter(Boolean);

// parse(html) gives [document, close]: jsdom keeps every window alive until it is closed,
// and 20,000 open windows exhaust Node's heap.
let parse;
if (dom === "linkedom") {
  const { parseHTML } = await import("linkedom");
  parse = (html) => [parseHTML(html).document, () => {}];
} else if (dom === "jsdom") {
  const { JSDOM, VirtualConsole } = await import("jsdom");
  const quiet = new VirtualConsole();  // pages' CSS and script errors are not ours
  parse = (html) => {
    const page = new JSDOM(html, { virtualConsole: quiet });
    return [page.window.document, () => page.window.close()];
  };
} else {
  console.error(`extract.mjs: unknown DOM '${dom}', expected linkedom or jsdom`);
  process.exit(2);
}

let extracted = 0;
let bytes = 0;
for (const file of files) {
  const html = readFileSync(file, "utf8");
  bytes += html.length;
  const [document, close] = parse(html);
  try {
    const article = new Readability(document).parse();
    if (article && article.textContent) extracted += 1;
  } catch {
    // A page Readability cannot read counts as not extracted, as in morgue.
  } finally {
    close();
  }
}
console.log(`pages ${files.length} extracted ${extracted} chars ${bytes}`);
