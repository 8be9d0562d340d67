// How the command palette filters: every typed word must appear in the title, in any order, ignoring case.

export function matchesQuery(title: string, query: string): boolean {
  const haystack = title.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
