import { benchBundles } from './bundles.ts';
import { benchRanking } from './ranking.ts';
import { benchShortlist } from './shortlist.ts';

/** `npm run bench`: each benchmark measures the product side by side with a baseline in one run. */
const benches = [benchBundles, benchRanking, benchShortlist];

for (const bench of benches) {
  const result = await bench();
  console.log(`\n${result.name}`);
  for (const line of result.lines) console.log(`  ${line}`);
}
