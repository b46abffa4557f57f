import { decodeHTML } from "entities";
import type { Dialect } from "./markup";

/** Marks a link's label inside passage text, so lines made only of links can be told from prose. */
export const LINK_OPEN = "\u0001";
export const LINK_CLOSE = "\u0002";

/**
 * Turns a passage's remaining markup into readable plain text: the words stay, formatting marks, HTML tags
 * and lines holding nothing but links go; HTML entities are decoded.
 */
export function plainText(source: string, dialect: Dialect): string {
  let s = source;
  s = s.replace(/<br\s*\/?>/gi, "\n");
  s = s.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "");
  s = s.replace(/<\/?[A-Za-z][^<>]*>/g, "");
  s = decodeHTML(s);
  const pairs =
    dialect === "harlowe"
      ? ["''", "//", "\\*\\*", "\\*", "~~", "\\^\\^"]
      : dialect === "sugarcube"
        ? ["''", "//", "__", "==", "~~", "\\^\\^"]
        : ["\\*\\*", "\\*", "__", "~~"];
  for (const p of pairs) s = s.replace(new RegExp(`${p}(?=\\S)([^\\n]*?\\S)${p}`, "g"), "$1");
  if (dialect === "harlowe") s = s.replace(/[{}]/g, "");
  if (dialect === "chapbook") s = s.replace(/(?<![\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])/g, "$1");
  if (dialect === "sugarcube") s = s.replace(/@@[^;@]*;([\s\S]*?)@@/g, "$1");
  const heading = dialect === "sugarcube" ? /^\s*!{1,6}\s*/ : /^\s*#{1,6}\s+/;
  const lines = s
    .split("\n")
    .map((l) =>
      l
        .replace(heading, "")
        .replace(/[ \t]+/g, " ")
        .trim(),
    )
    .filter((l) => !/^(-{3,}|\*{3,})$/.test(l))
    .filter((l) => {
      if (!l.includes(LINK_OPEN)) return true;
      const rest = l.replace(new RegExp(`${LINK_OPEN}[^${LINK_CLOSE}]*${LINK_CLOSE}`, "g"), "");
      return /[\p{L}\p{N}]/u.test(rest);
    })
    .map((l) => l.replace(new RegExp(`[${LINK_OPEN}${LINK_CLOSE}]`, "g"), ""));
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
