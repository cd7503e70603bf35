/**
 * The organisation's hierarchy from its flat list of units (each names its parent), and officials
 * grouped by unit: what the chart, the unit pages, the contacts directory and the English pages
 * share. Pure functions over records, so they are tested without a build.
 */

interface UnitLike {
  slug: string;
  parent: { slug: string } | null;
}

interface OfficialLike {
  unit: { slug: string } | null;
}

export interface UnitNode<U> {
  unit: U;
  /** 0 for a unit at the top. */
  depth: number;
  children: Array<UnitNode<U>>;
}

export interface Organisation<U extends UnitLike> {
  /** The units at the top, each with its sub-units, in the order of the given list. */
  roots: Array<UnitNode<U>>;
  /** Every unit's node by slug. */
  bySlug: Map<string, UnitNode<U>>;
  /** Every node, depth first (a unit, then its sub-units), the order of the chart and the directory. */
  ordered: Array<UnitNode<U>>;
}

/**
 * Builds the tree from `units` (already in display order: children keep it). A unit whose parent is
 * not in the list (unpublished, deleted) is at the top; so is the first unit met of a loop of
 * parents an editor made (A under B under A), which the CMS does not prevent: every unit appears
 * exactly once.
 */
export function buildOrganisation<U extends UnitLike>(units: U[]): Organisation<U> {
  const bySlug = new Map<string, UnitNode<U>>();
  for (const unit of units) if (!bySlug.has(unit.slug)) bySlug.set(unit.slug, { unit, depth: 0, children: [] });
  const nodes = [...bySlug.values()];
  const parentOf = (node: UnitNode<U>) => {
    const slug = node.unit.parent?.slug;
    return slug && slug !== node.unit.slug ? bySlug.get(slug) : undefined;
  };
  const roots: Array<UnitNode<U>> = nodes.filter((n) => !parentOf(n));
  for (const node of nodes) parentOf(node)?.children.push(node);

  const ordered: Array<UnitNode<U>> = [];
  const placed = new Set<UnitNode<U>>();
  const walk = (node: UnitNode<U>, depth: number) => {
    placed.add(node);
    node.depth = depth;
    ordered.push(node);
    node.children = node.children.filter((c) => !placed.has(c));
    for (const child of node.children) walk(child, depth + 1);
  };
  for (const root of roots) walk(root, 0);
  // Whatever is left hangs in a loop: cut it at its first unit in display order.
  for (const node of nodes) {
    if (placed.has(node)) continue;
    for (const other of nodes) other.children = other.children.filter((c) => c !== node);
    roots.push(node);
    walk(node, 0);
  }
  return { roots, bySlug, ordered };
}

/** The units above `slug`, from the top down to its parent ([] for a unit at the top or unknown). */
export function ancestorsOf<U extends UnitLike>(organisation: Organisation<U>, slug: string): U[] {
  const chain: U[] = [];
  const node = organisation.bySlug.get(slug);
  if (!node) return chain;
  // Walk up through the tree as built (loops already cut), never past depth 0.
  let current = node;
  while (current.depth > 0) {
    const parent = [...organisation.bySlug.values()].find((n) => n.children.includes(current));
    if (!parent) break;
    chain.unshift(parent.unit);
    current = parent;
  }
  return chain;
}

/**
 * Officials by the slug of their unit (in the given order); those without a unit, or whose unit is
 * not published, under `''`.
 */
export function officialsByUnit<O extends OfficialLike>(officials: O[], unitSlugs: ReadonlySet<string>): Map<string, O[]> {
  const map = new Map<string, O[]>();
  for (const official of officials) {
    const key = official.unit && unitSlugs.has(official.unit.slug) ? official.unit.slug : '';
    const list = map.get(key);
    if (list) list.push(official);
    else map.set(key, [official]);
  }
  return map;
}

/** A telephone number as a `tel:` link target ("0239 3860 101" → "tel:02393860101"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
