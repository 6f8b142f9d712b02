/**
 * Topic names of the `Onderwerpen` line. The format joins topics with single spaces although topics
 * contain spaces themselves (`openbare orde en veiligheid`), so the line is split by matching the
 * longest known topic first; an unknown word stands as a topic of its own.
 * The names are those of the government's topic list used on officielebekendmakingen.nl.
 */
export const KNOWN_TOPICS: readonly string[] = [
  'arbeid', 'arbeidsomstandigheden', 'arbeidsvoorwaarden', 'ontslag', 'werk', 'werkloosheid',
  'bestuur', 'staatsrecht', 'gemeenten', 'provincies', 'waterschappen', 'overheidspersoneel', 'overheidsfinanciën',
  'cultuur en recreatie', 'cultuur', 'recreatie', 'kunst', 'media', 'sport', 'religie', 'cultureel erfgoed',
  'economie', 'ondernemen', 'ict', 'industrie', 'handel', 'markttoezicht', 'consumenten', 'toerisme',
  'financiën', 'belasting', 'belastingen', 'financieel toezicht', 'begroting', 'rijksoverheid',
  'huisvesting', 'bouwen en verbouwen', 'huren en verhuren', 'kopen en verkopen',
  'internationaal', 'defensie', 'europese zaken', 'ontwikkelingssamenwerking', 'militaire missies',
  'internationale samenwerking', 'reizen en verblijven in het buitenland',
  'landbouw', 'dieren', 'voedselkwaliteit', 'visserij', 'planten',
  'migratie en integratie', 'immigratie', 'integratie', 'nederlanderschap', 'asiel',
  'natuur en milieu', 'natuur- en landschapsbeheer', 'afval', 'energie', 'klimaatverandering', 'milieu', 'water',
  'onderwijs en wetenschap', 'onderwijs', 'wetenschap', 'basisonderwijs', 'voortgezet onderwijs', 'hoger onderwijs',
  'beroepsonderwijs', 'onderzoek en innovatie', 'studiefinanciering',
  'openbare orde en veiligheid', 'criminaliteit', 'politie, brandweer en hulpdiensten', 'terrorisme', 'rampen',
  'veiligheid', 'openbare orde',
  'recht', 'rechtspraak', 'straffen en maatregelen', 'staatsveiligheid', 'burgerlijk recht', 'bestuursrecht',
  'strafrecht', 'privacy',
  'ruimte en infrastructuur', 'ruimtelijke ordening', 'infrastructuur', 'netwerken',
  'sociale zekerheid', 'gezin en kinderen', 'jongeren', 'ouderen', 'emancipatie', 'inkomensbeleid',
  'uitkeringen', 'pensioen', 'armoede', 'kinderopvang',
  'verkeer', 'luchtvaart', 'openbaar vervoer', 'scheepvaart', 'spoor', 'wegen', 'verkeersveiligheid', 'weg',
  'zorg en gezondheid', 'gezondheidsrisico\'s', 'geneesmiddelen en medische hulpmiddelen', 'jeugdzorg',
  'ziekten en behandelingen', 'zorginstellingen', 'ziekte- en arbeidsongeschiktheidsverzekeringen',
  'ziektekosten', 'gehandicaptenzorg', 'ouderenzorg', 'geestelijke gezondheidszorg', 'verslaving', 'preventie',
];

/** Topics by first word, longest first, for the greedy match. */
const BY_FIRST_WORD: ReadonlyMap<string, readonly string[][]> = (() => {
  const map = new Map<string, string[][]>();
  for (const t of KNOWN_TOPICS) {
    const words = t.split(' ');
    const list = map.get(words[0]!) ?? [];
    list.push(words);
    map.set(words[0]!, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
})();

/**
 * Splits the words of an `Onderwerpen` value into topics.
 * @param words the words with their offsets in the line
 * @returns for each topic, the index of its first and last word
 */
export function groupTopics(words: readonly string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < words.length) {
    const candidates = BY_FIRST_WORD.get(words[i]!.toLowerCase());
    let taken = 1;
    if (candidates) {
      for (const c of candidates) {
        if (c.length > 1 && i + c.length <= words.length && c.every((w, k) => words[i + k]!.toLowerCase() === w)) {
          taken = c.length;
          break;
        }
      }
    }
    out.push([i, i + taken - 1]);
    i += taken;
  }
  return out;
}
