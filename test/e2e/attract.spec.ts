/** The attract screen's spotlight: the demo pack's featured items come first, newest arrival first, before the newest ones. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';

interface DemoItem {
  id: string;
  featured?: boolean;
  texts: { en?: { title: string } };
}

const demoManifest = path.join(import.meta.dirname, '../../resources/demo-pack/manifest.json');
const demoItems = (JSON.parse(readFileSync(demoManifest, 'utf8')) as { items: DemoItem[] }).items;
// The demo pack arrives in one install, so its items tie on arrival and are listed by id.
const featuredTitles = demoItems
  .filter((item) => item.featured === true)
  .sort((a, b) => a.id.localeCompare(b.id))
  .map((item) => item.texts.en!.title);

test('the spotlight shows the featured items first, the newest featured one before the others', async ({
  kioskPage: page,
}) => {
  expect(featuredTitles.length, 'the demo pack features some items').toBeGreaterThanOrEqual(2);
  const title = page.getByTestId('spotlight').locator('.spotlight-title');
  await expect(title).toHaveText(featuredTitles[0]!);
  // The next item, a few seconds later, is featured too, although newer items exist.
  await expect(title).toHaveText(featuredTitles[1]!, { timeout: 12_000 });
});
