/** A Twine link: what the reader clicks and the passage it leads to. */
export interface TwineLink {
  label: string;
  target: string;
  /** SugarCube's setter component, `[[text|target][$x to 1]]`, when present. */
  setter?: string;
}

/**
 * Parses the inside of `[[...]]` as Twine 2 does (twinejs parse-links): a SugarCube setter `][...` is split
 * off first, then the rightmost `->`, else the leftmost `<-`, else the last `|`; otherwise label = target.
 */
export function parseLinkInner(inner: string): TwineLink | undefined {
  let body = inner;
  let setter: string | undefined;
  const split = body.indexOf("][");
  if (split >= 0) {
    setter = body.slice(split + 2);
    body = body.slice(0, split);
  }
  let label: string;
  let target: string;
  const arrow = body.lastIndexOf("->");
  const back = body.indexOf("<-");
  const bar = body.lastIndexOf("|");
  if (arrow >= 0) {
    label = body.slice(0, arrow);
    target = body.slice(arrow + 2);
  } else if (back >= 0) {
    target = body.slice(0, back);
    label = body.slice(back + 2);
  } else if (bar >= 0) {
    label = body.slice(0, bar);
    target = body.slice(bar + 1);
  } else {
    label = body;
    target = body;
  }
  label = label.trim();
  target = target.trim();
  if (target === "") return undefined;
  return { label: label || target, target, ...(setter?.trim() ? { setter: setter.trim() } : {}) };
}

/** Reads a quoted string literal ("..." or '...' with \ escapes) starting at `from`; undefined if none. */
export function readQuoted(
  s: string,
  from: number,
  limit = s.length,
): { value: string; end: number } | undefined {
  const q = s[from];
  if (q !== '"' && q !== "'" && q !== "`") return undefined;
  let value = "";
  for (let i = from + 1; i < Math.min(limit, s.length); i++) {
    const c = s[i]!;
    if (c === "\\" && i + 1 < s.length) {
      value += s[++i];
      continue;
    }
    if (c === q) return { value, end: i + 1 };
    value += c;
  }
  return undefined;
}

/** The quoted string arguments of a macro call (`"Text", "Target"`), or undefined when an argument is not one. */
export function stringArgs(args: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  const skip = () => {
    while (i < args.length && /[\s,]/.test(args[i]!)) i++;
  };
  skip();
  while (i < args.length) {
    const q = readQuoted(args, i);
    if (!q) return undefined;
    out.push(q.value);
    i = q.end;
    skip();
  }
  return out;
}
