// Render CSL-JSON through citeproc-js, the reference CSL processor.
//
// Reads one JSON request on standard input and writes one JSON answer on
// standard output, so that archref's test-suite and benchmarks can compare
// its own output with the reference implementation's.
//
// Request:
//   {
//     "style": "<path to a .csl file>",
//     "locales": "<directory holding locales-xx-XX.xml files>",
//     "lang": "en-US",                       (optional; forces that locale)
//     "format": "text" | "html",             (optional, default "text")
//     "items": [ CSL-JSON items ],
//     "notes": [ [ {"id": ..., "locator": ..., "label": ...}, ... ], ... ],
//                                             (optional: one list per note)
//     "bibliography": true,                  (optional, default true)
//     "repeat": 1                            (optional: render N times, for timing)
//   }
// Answer:
//   { "notes": [ "...", ... ], "bibliography": [ "...", ... ],
//     "seconds": <wall time of the rendering, engine set-up included> }

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const CSL = require("citeproc");

function readStdin() {
  return readFileSync(0, "utf8");
}

function renderOnce(request, styleXml) {
  const itemsById = new Map(request.items.map((item) => [String(item.id), item]));
  const locales = new Map();
  const sys = {
    retrieveLocale(lang) {
      if (!locales.has(lang)) {
        try {
          locales.set(lang, readFileSync(join(request.locales, `locales-${lang}.xml`), "utf8"));
        } catch {
          locales.set(lang, false);
        }
      }
      return locales.get(lang);
    },
    retrieveItem(id) {
      return itemsById.get(String(id));
    },
  };
  // Without "lang", the style's default-locale applies (en-US if it has none).
  const engine = new CSL.Engine(sys, styleXml, request.lang, Boolean(request.lang));
  engine.setOutputFormat(request.format || "text");
  const answer = { notes: [], bibliography: [] };

  if (request.notes && request.notes.length) {
    const citations = request.notes.map((cites, index) => ({
      citationID: `note-${index + 1}`,
      citationItems: cites.map((cite) => {
        const out = { id: String(cite.id) };
        if (cite.locator !== undefined && cite.locator !== null) {
          out.locator = String(cite.locator);
          out.label = cite.label || "page";
        }
        return out;
      }),
      properties: { noteIndex: index + 1 },
    }));
    const rendered = engine.rebuildProcessorState(citations, request.format || "text", []);
    answer.notes = rendered.map((row) => row[2]);
  }

  if (request.bibliography !== false) {
    engine.updateItems(request.items.map((item) => String(item.id)));
    const bib = engine.makeBibliography();
    if (bib) {
      answer.bibliography = bib[1].map((entry) => {
        let text = entry.replace(/\n+$/, "");
        if ((request.format || "text") === "html") {
          text = text.replace(/^\s*<div class="csl-entry">/, "").replace(/<\/div>\s*$/, "");
        }
        return text;
      });
    }
  }
  return answer;
}

const request = JSON.parse(readStdin());
const styleXml = readFileSync(request.style, "utf8");
const repeat = request.repeat || 1;
const start = process.hrtime.bigint();
let answer = null;
for (let i = 0; i < repeat; i += 1) {
  answer = renderOnce(request, styleXml);
}
answer.seconds = Number(process.hrtime.bigint() - start) / 1e9 / repeat;
process.stdout.write(JSON.stringify(answer));
