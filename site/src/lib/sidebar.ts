/** What the sidebar lists besides announcements, shared by the sidebar and the pages' cache keys (page-key.ts). */
import { getDisclosures } from './content';
import type { DisclosureRecord } from './records';

/** How many of the newest disclosures the "Công khai minh bạch" box lists. */
export const SIDEBAR_DISCLOSURES = 5;

/** The newest disclosures of the sidebar box. */
export async function sidebarDisclosures(): Promise<DisclosureRecord[]> {
  return (await getDisclosures()).slice(0, SIDEBAR_DISCLOSURES).map((d) => d.data);
}
