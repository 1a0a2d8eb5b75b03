// Child process for the two-process cache test: writes and reads the same entries as its twin.
import { FactsCache } from '../../../server/src/sources/cache';
import type { PaperFacts } from '../../../server/src/core/facts';

const [dir, workerArg, roundsArg, idsArg] = process.argv.slice(2);
const worker = Number(workerArg);
const rounds = Number(roundsArg);
const ids = Number(idsArg);

function facts(id: string, round: number): PaperFacts {
  return {
    id,
    found: true,
    title: `Titel ${id} ronde ${round} werker ${worker} ` + 'x'.repeat(2000),
    type: 'Motie',
    isMotion: true,
    date: '2024-02-07',
    signers: ['Erkens'],
    dossierTitle: 'Dossier',
    highestNumber: 97,
    kamer: 'II',
    motion: { outcome: 'aangenomen', besluitTekst: 'Aangenomen.', votes: [], kabinetsappreciatie: null, replaces: null },
    source: 'tweedekamer',
    fetchedAt: new Date(Date.UTC(2030, 0, 1) + round * 1000 + worker).toISOString(),
  };
}

async function main() {
  let missing = 0;
  let bad = 0;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < ids; i++) {
      const id = `kst-36410-X-${i + 1}`;
      await new FactsCache(dir).put(facts(id, round));
      // A fresh cache object has an empty memory: this reads the disk.
      const got = await new FactsCache(dir).get(id);
      if (!got) missing++;
      else if (got.facts.id !== id || !got.facts.title?.startsWith(`Titel ${id} `)) bad++;
    }
  }
  process.stdout.write(JSON.stringify({ worker, missing, bad }));
}
main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
