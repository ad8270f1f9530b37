// Prints the entity stage's mentions, entities and roles for one article file.
// Usage: npx tsx scripts/show-entities.ts <article.txt>
import { readFileSync } from 'node:fs';
import { parseArticle } from '../pipeline/structure.js';
import { toDoc } from '../pipeline/doc.js';
import { entityStage } from '../pipeline/extract/entities.js';
const emptyAnnotations = () => ({ entities: [], mentions: [], roles: [], timexes: [], figures: [], quotes: [], events: [] });

const doc = toDoc('show', parseArticle(readFileSync(process.argv[2], 'utf8')));
const ann = entityStage.run(doc, emptyAnnotations());
for (const m of ann.mentions) process.stdout.write(`${m.start}\t${m.end}\t${doc.text.slice(m.start, m.end)}\t${m.entityKey}\t${m.form}\t${m.rule}\n`);
for (const e of ann.entities) process.stdout.write(`E\t${e.entityKey}\t${e.name}\t${e.type}\t${e.subtype}\t${e.countryCode}\t${e.aliases.join('; ')}\n`);
for (const r of ann.roles) process.stdout.write(`R\t${r.personKey}\t${r.role}\t${r.organizationKey}\t${doc.text.slice(r.start, r.end)}\n`);
