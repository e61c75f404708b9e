import { benchBundles } from './bundles.ts';
import { benchCost } from './cost.ts';
import { benchRanking } from './ranking.ts';
import { benchRequests } from './requests.ts';
import { benchRush } from './rush.ts';
import { benchShortlist } from './shortlist.ts';
import { benchSpeed } from './speed.ts';

/**
 * `npm run bench`: each benchmark measures the product side by side with a baseline in one run.
 * `npm run bench -- rush speed` runs only the ones named; the deadline rush runs only when named.
 */
const benches = {
  bundles: benchBundles,
  ranking: benchRanking,
  shortlist: benchShortlist,
  requests: benchRequests,
  speed: benchSpeed,
  rush: benchRush,
  cost: benchCost,
};
type BenchName = keyof typeof benches;
const isBench = (name: string): name is BenchName => Object.hasOwn(benches, name);

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !isBench(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
const chosen: BenchName[] =
  asked.length > 0 ? asked.filter(isBench) : ['bundles', 'ranking', 'shortlist', 'requests', 'speed', 'cost'];

for (const name of chosen) {
  const result = await benches[name]();
  console.log(`\n${result.name}`);
  for (const line of result.lines) console.log(`  ${line}`);
}
