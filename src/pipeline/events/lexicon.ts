/**
 * Trigger lexicon of the event stage: which phrases announce which event type, and where the
 * subject sits relative to them. Grounded in the definitions and examples of
 * src/domain/event-types.json and in the trigger words RAMS 1.0 (dev split, CC BY-SA 4.0) annotates for
 * justice.arrestjaildetain, justice.initiatejudicialprocess, justice.judicialconsequences,
 * conflict.attack, conflict.demonstrate, contact.threatencoerce, government.spy, life.die, life.injure
 * and movement.transportperson.* — counted by hand from that file, then extended with inflections and
 * the phrasing of human-rights reporting. Patterns are regular-expression sources, matched
 * case-insensitively on word boundaries.
 */

/**
 * Where the subject (the one it happened to) is found:
 * - `verb`: a transitive verb; passive ("X was detained") → left, active ("police detained X") → right;
 * - `intrans`: the clause subject on the left ("X fled to", "X spent two years in prison");
 * - `noun`: a nominal ("the arrest of X", "his arrest", "X faces trial"): of-phrase, possessor, clause subject;
 * - `owner`: the possessor inside or right after the trigger ("searched her apartment", "had his accounts frozen").
 */
export type Frame = 'verb' | 'intrans' | 'noun' | 'owner';

export interface TriggerPattern {
  type: string;
  frame: Frame;
  /** Regular-expression source of the trigger phrase. */
  pattern: string;
  /** The event needs an organization after the trigger (founding: the organization founded). */
  needsObject?: boolean;
  /** Only an organization can be its subject ("suspended the New Dawn Collective", not "suspended from school"). */
  organizationsOnly?: boolean;
  /** The event needs a place named right after the trigger ("left Azerbaijan"). */
  needsPlace?: boolean;
  /** Confidence that a match states an event of this type (before argument and modality adjustments). */
  weight?: number;
}

const P = '(?:his|her|their|its|the|my|our)';
const N = '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a few|many|\\w+-(?:year|month|day))';
const UNIT = '(?:years?|months?|weeks?|days?|nights?|hours?)';

/** Every trigger pattern; longer, more specific phrases first so they win overlaps. */
export const TRIGGERS: readonly TriggerPattern[] = [
  // restriction before arrest/ban: "house arrest", "banned from leaving"
  { type: 'restriction', frame: 'noun', pattern: 'house arrest|custodial restraint|restrict(?:ed|ion of) (?:freedom|liberty)|travel ban|exit ban|administrative supervision' },
  { type: 'restriction', frame: 'verb', pattern: '(?:banned|barred|prohibited|forbidden|prevented) (?:(?:him|her|them) |(?:[\\w’\'-]+ ){1,4}?)?from (?:leaving|travell?ing|going abroad|boarding|political activit(?:y|ies)|(?:engaging in )?journalism|running|taking part|holding public office|using the internet|publishing|posting|writing|speaking to (?:the )?(?:media|press|journalists)|giving interviews)' },
  // Bail and probation conditions: the person hands in a passport or reports to the police on a schedule.
  { type: 'restriction', frame: 'intrans', pattern: '(?:surrender|surrendered|surrenders|hand (?:over|in)|handed (?:over|in)) (?:his|her|their) (?:travel documents|passports?)|report (?:to (?:the |a )?(?:[\\w-]+ ){0,2}police(?: station)?|to (?:the |a )?(?:[\\w-]+ ){0,2}authorities|to (?:the |a )?court(?: in [\\w-]+)?) (?:daily|weekly|monthly|every|each|once|twice|three times)' },
  // "made to sign an undertaking not to leave the city", "ordered that I cannot leave Mongolia".
  { type: 'restriction', frame: 'intrans', pattern: '(?:undertaking|pledge|written promise|recognizance) not to leave|ordered that (?:he|she|they|I|we) (?:cannot|can.t|could not|may not|must not) leave' },
  { type: 'restriction', frame: 'verb', pattern: '(?:stopped|held|turned back|offloaded) (?:at|from) (?:the )?(?:[\\w-]+ ){0,2}airport' },
  { type: 'restriction', frame: 'intrans', pattern: '(?:not|never) (?:been )?allowed to leave' },
  { type: 'restriction', frame: 'owner', pattern: '(?:confiscated|seized|took away|revoked|kept|retained|withheld) ' + P + ' passports?|passports? (?:was|were|had been|has been) (?:confiscated|seized|revoked)' },
  { type: 'asset_freeze', frame: 'owner', pattern: '(?:had|has|have) ' + P + ' (?:bank )?(?:accounts?|assets|property|savings) (?:frozen|seized|confiscated|arrested)' },
  { type: 'asset_freeze', frame: 'owner', pattern: '(?:froze|frozen|seized|confiscated|arrested) ' + P + ' (?:bank )?(?:accounts?|assets|property|properties|savings|apartment|house)' },
  { type: 'asset_freeze', frame: 'owner', pattern: '(?:bank )?(?:accounts?|assets|property|properties|savings) (?:were|was|have been|had been|has been) (?:frozen|seized|confiscated)' },
  { type: 'asset_freeze', frame: 'owner', pattern: '(?:froze|frozen|seized|confiscated|expropriated) (?:the |his |her |their )?(?:family |[\\w-]+-owned )?(?:home|house|apartment|flat|property|properties|assets|savings|business|(?:bank )?accounts?)(?:,? and (?:the |his |her |their )?(?:home|house|apartment|flat|property|properties|assets|savings|business|(?:bank )?accounts?))? (?:of|belonging to)' },
  { type: 'asset_freeze', frame: 'noun', pattern: 'asset freeze|freezing of ' + P + ' (?:bank )?(?:accounts?|assets)|confiscation of ' + P + ' (?:property|assets)' },
  // wanted before arrest: "arrest warrant", "ordered her arrest"
  { type: 'wanted', frame: 'owner', pattern: '(?:warrants?|orders?) for (?:his|her|their) (?:arrest|detention)' },
  { type: 'wanted', frame: 'noun', pattern: '(?:international )?(?:arrest warrant|warrant for ' + P + ' arrest)|(?:interpol )?red notice|wanted list|international search list' },
  { type: 'wanted', frame: 'owner', pattern: '(?:ordered|sanctioned|authori[sz]ed) ' + P + ' arrest(?: in absentia)?' },
  { type: 'wanted', frame: 'verb', pattern: '(?:put|placed|added) (?:him|her|them) (?:on|to) (?:a|an|the) (?:international |interstate |federal |national )?wanted list' },
  { type: 'wanted', frame: 'intrans', pattern: '(?:is|was|are|were|remains|been) (?:still )?wanted (?:by|for|in)|put on (?:a|an|the) (?:international )?wanted list|arrested in absentia|declared (?:a |an )?(?:fugitive|wanted)' },
  // detention before arrest
  // "has been held in Black Beach without trial since 2024": custody with no end yet.
  { type: 'detention', frame: 'verb', pattern: '(?:held|detained|kept|jailed) (?:in (?:[\\w-]+ ){1,3}?)?without (?:trial|charge)' },
  { type: 'detention', frame: 'intrans', pattern: '(?:spent|spend|spends|spending) ' + N + ' ' + UNIT + ' in (?:[\\w-]+ ){1,4}?without (?:trial|charge)' },
  // A judge's order of custody: "ordered him held at El Helicoide", "was ordered detained for 30 days".
  { type: 'detention', frame: 'verb', pattern: 'ordered(?= (?:him|her|them|the (?:two|three|four|five|six|men|women)|(?:\\S+ ){1,3}?)(?:held|detained|jailed|remanded|kept in (?:custody|detention)|placed in (?:pre-?trial )?(?:custody|detention))\\b)' },
  { type: 'detention', frame: 'intrans', pattern: '(?:was|were|been|being) ordered (?:held|detained|jailed|remanded|kept in (?:custody|detention))' },
  { type: 'detention', frame: 'owner', pattern: 'ordered ' + P + ' (?:pre-?trial |pretrial )?(?:detention|remand|custody)' },
  // A detention prolonged is custody for a period, not a new arrest.
  { type: 'detention', frame: 'owner', pattern: '(?:extended|prolonged|renewed) ' + P + ' (?:pre-?trial )?(?:detention|custody)|(?:detention|custody) (?:was|has been|had been|were|have been) (?:extended|prolonged|renewed)' },
  { type: 'detention', frame: 'verb', pattern: '(?:held|detained|kept) (?:in custody |in detention |without (?:trial|charge) )?for (?:several |many |a few )?(?:months|weeks|years)' },
  { type: 'detention', frame: 'verb', pattern: '(?:held|detained) by (?:the )?(?:army|military|police|soldiers|security (?:forces|services)|intelligence (?:services|agents|officers)|secret police)' },
  { type: 'detention', frame: 'intrans', pattern: '(?:served|serving|serves|spent|given|received|got) (?:an? )?(?:[\\w-]+-day )?administrative (?:sentence|arrest|detention|jail term)' },
  // "sentenced Sadykova to 10 days of administrative arrest": the custody a court gives for an offence.
  { type: 'detention', frame: 'noun', pattern: N + ' ' + UNIT + ' (?:of|in) administrative (?:arrest|detention)' },
  // "were taken to a police station": held, whatever the sentence calls it.
  { type: 'arrest', frame: 'intrans', pattern: '(?:was|were|been|being) (?:taken|brought|driven|dragged|marched) to (?:a|the) (?:[\\w-]+ ){0,2}?(?:police station|police headquarters|gendarmerie)' },
  { type: 'detention', frame: 'noun', pattern: '(?:pre-?trial|administrative|preventive) detention|detention (?:centre|center|facility)|remanded in custody|placed in custody|held in custody|kept in custody|held incommunicado|(?:confined|committed|sent) to (?:a )?psychiatric (?:clinic|hospital|ward)|forced psychiatric' },
  { type: 'detention', frame: 'verb', pattern: '(?:held|kept|detained) (?:at|in) (?:a |an |the )?(?:[\\w-]+ ){0,4}?(?:prison|jail|detention (?:centre|center|facility)|penal colony|labou?r camp)|(?:detained|held|kept) (?:in (?:custody|detention|jail) )?for ' + N + ' ' + UNIT + '|jailed (?:in (?:custody|detention|jail) )?for ' + N + ' (?:weeks?|days?|hours?)|(?:held|kept|detained) (?:him |her |them )?incommunicado|(?:held|kept|detained) (?:him|her|them|me|us) (?:there |in (?:custody|detention|jail|a room|a cell) )?for ' + N + ' ' + UNIT },
  // "after two years in detention", "After 18 months in jail, X was freed": a stated time in custody or prison.
  { type: 'detention', frame: 'intrans', pattern: '(?:after|following) ' + N + ' ' + UNIT + ' in (?:the )?(?:pre-?trial |police )?(?:detention|custody)|(?:held|kept|placed|spent [\\w-]+ [\\w-]+) in solitary confinement' },
  { type: 'imprisonment', frame: 'intrans', pattern: '(?:after|following) ' + N + ' ' + UNIT + ' (?:in (?:prison|jail)|behind bars)' },
  { type: 'detention', frame: 'intrans', pattern: '(?:remains?|remained|has been|have been|had been|is|was|were|are|been|still) (?:still )?in (?:the )?(?:police |pre-?trial |remand )?custody|(?:spent|spend|spends|spending) (?:(?:his|her|their) (?:first |last )?)?' + N + ' ' + UNIT + ' in (?:a |an |the )?(?:detention (?:centre|center|facility)|(?:pre-?trial |administrative |preventive )?detention|police custody|custody|jail cell|police cells?|isolation ward)' },
  { type: 'detention', frame: 'noun', pattern: '(?:deportation|removal|immigration|migrant) (?:detention )?(?:centre|center|facility|camp)' },
  { type: 'detention', frame: 'verb', pattern: 'remanded (?:him|her|them|me|us|(?:\\S+ ){1,3}?)(?:in|into) (?:the )?(?:[\\w’\'-]+ ){0,2}?(?:custody|detention)' },
  { type: 'detention', frame: 'verb', pattern: '(?:held|kept|locked up) (?:him|her|them) (?:in|at) (?:a |an |the )?(?:[\\w-]+ )?(?:police station|police cell|cell|holding (?:centre|center|facility|cell)|basement)' },
  { type: 'detention', frame: 'intrans', pattern: '(?:put|placed|kept|thrown|held) in(?:to)? (?:a |an |the )?(?:punishment|solitary|isolation|disciplinary) (?:cell|confinement|block|ward)' },
  { type: 'detention', frame: 'intrans', pattern: '(?:spent|spend|spends|spending) ' + N + ' ' + UNIT + ' in (?:a |an |the )?(?:[\\w-]+ ){1,5}?(?:detention (?:centre|center)|cells?)\\b|(?:spent|spend|spends|spending) ' + N + ' ' + UNIT + ' in (?:a |an |the )?(?:[\\w-]+ ){0,3}?holding (?:centre|center|facility|cells?)' },
  // A bare "arrest" is the noun ("since his arrest"); the verb shows its ending.
  { type: 'arrest', frame: 'verb', pattern: '(?:re-?)?arrest(?:ed|ing)|(?:re-?)?detain(?:s|ed|ing)?|apprehended|seized|rounded up|taken into custody|captured|nabbed|(?:picked up|taken away|led away) (?:(?:in|at|from|outside|near) (?:[\\w-]+ ){1,3}?)?by (?:the )?(?:police|soldiers|troops|gendarmes|officers|security (?:forces|agents|officers)|intelligence (?:agents|officers))|handcuffed' },
  { type: 'arrest', frame: 'noun', pattern: 'arrests?|detention' },
  { type: 'abduction', frame: 'verb', pattern: 'abduct(?:s|ed|ing)?|kidnapp?(?:s|ed|ing)?|forcibly disappeared|snatched' },
  // Whereabouts hidden: "took her to an unknown location", "his whereabouts remain unknown".
  { type: 'abduction', frame: 'verb', pattern: '(?:took|taken|driven|moved|transferred) (?:(?:him|her|them) )?to an? (?:unknown|undisclosed|secret) (?:location|place|destination|site)' },
  { type: 'abduction', frame: 'noun', pattern: '(?:whereabouts|fate) (?:remain|remains|are|is|was|were) (?:still )?unknown' },
  { type: 'abduction', frame: 'noun', pattern: 'abductions?|kidnappings?|enforced disappearance|(?:has )?(?:gone|went|been) missing|disappeared|vanished' },
  // Taken by people nobody identifies: "picked up by men in plain clothes", "bundled into a car by masked men".
  { type: 'abduction', frame: 'verb', pattern: '(?:picked up|taken away|taken|seized|grabbed|snatched|dragged (?:off|out of|from) (?:[\\w-]+ ){0,2}[\\w-]+|(?:bundled|forced) into (?:a|an) (?:[\\w-]+ )?(?:car|van|vehicle)) (?:(?:from|outside|near|at|in) (?:[\\w-]+ ){1,9}?)?by (?:(?:several|two|three|four|five|six) )?(?:(?:unknown|unidentified|masked|hooded|plain-?clothes|plainclothes|armed) (?:[\\w-]+ )?(?:men|people|gunmen|individuals|assailants|persons|agents|officers)|(?:men|people|agents|officers) in (?:plain|civilian) clothes|gunmen|kidnappers|abductors)' },
  { type: 'interrogation', frame: 'verb', pattern: 'interrogat(?:e|es|ed|ing)|questioned|summoned|called in for questioning|dragged to interrogations?' },
  { type: 'interrogation', frame: 'noun', pattern: 'interrogations?|questioning' },
  { type: 'search', frame: 'owner', pattern: '(?:searched|raided|ransacked) ' + P + ' (?:[\\w-]+ )?(?:home|house|apartment|flat|office|offices|newsroom|premises|studio) of' },
  { type: 'search', frame: 'owner', pattern: '(?:searched|raided|ransacked) ' + P + ' (?:home|house|apartment|flat|office|offices|newsroom|premises|studio)|(?:search(?:es)?|raids?) (?:of|on|at) ' + P + ' (?:home|house|apartment|flat|office|offices|newsroom|premises|studio)' },
  { type: 'search', frame: 'verb', pattern: 'raided|searched' },
  { type: 'search', frame: 'owner', pattern: '(?:seized|confiscated|took away|carried off) ' + P + ' (?:[\\w-]+ )?(?:equipment|computers?|laptops?|(?:mobile )?phones?|cameras?|hard drives?|tablets?|devices|notebooks|documents|archives?)' },
  { type: 'accusation', frame: 'verb', pattern: 'suspicion (?:[\\w’\'-]+ ){0,6}?fell on|(?:blamed|blames|blaming|accused|accuses|accusing|branded|denounced)|suspected of' },
  { type: 'charge', frame: 'verb', pattern: 'investigated (?:for|over|on suspicion of|in connection with)|charged|indicted|prosecuted|named (?:as )?(?:a )?suspect|made (?:you|him|her|them|me) (?:a )?suspect|make (?:you|him|her|them|me) a suspect' },
  { type: 'charge', frame: 'noun', pattern: '(?:criminal )?charges? (?:against|of)|criminal (?:case|proceedings|investigation|lawsuit)|(?:opened|launched|initiated|filed) (?:an? )?(?:\\w+ )?(?:case|investigation|lawsuit|probe) against|(?:criminal )?(?:case|proceedings|investigation|probe) (?:was|were|has been|have been|had been) (?:opened|launched|initiated|filed|brought) against|criminal prosecution|prosecution of|faces? charges|facing charges|under investigation' },
  { type: 'charge', frame: 'intrans', pattern: '(?:pleaded|pleads|pleading|pled) (?:not )?guilty (?:to|of)' },
  { type: 'trial', frame: 'noun', pattern: '(?:went|go|goes|stood|stand|stands|is|was|are|were) on trial|trial|court hearing|appeared in court|tried (?:in absentia|by|for|in)' },
  { type: 'sentence', frame: 'verb', pattern: 'sentenced|convicted|found guilty|jailed for ' + N + ' (?:and a half )?' + UNIT + '|given an? (?:\\w+[- ])?(?:year|month)s?[- ](?:prison |jail )?(?:sentence|term)' },
  { type: 'sentence', frame: 'intrans', pattern: '(?:received|receives|got|gets|was given|were given|was handed|were handed|handed down) (?:a |an )?(?:[\\w-]+ ){0,3}(?:sentences?|prison terms?|jail terms?|terms? in prison)' },
  // "Tural Garayev and Aynur Jafarova received eight years each": a term stated without the word "sentence".
  { type: 'sentence', frame: 'intrans', pattern: '(?:received|receives|got|gets|was given|were given|was handed|were handed) ' + N + ' (?:and a half )?(?:years?|months?)(?= each| in (?:prison|jail|a penal colony|absentia)| behind bars| of imprisonment| for\\b| by\\b|[,.;])' },
  { type: 'sentence', frame: 'noun', pattern: 'convictions?|(?:prison|jail) (?:sentence|term)' },
  { type: 'acquittal', frame: 'verb', pattern: 'acquitted|pardoned|amnestied|exonerated|cleared of|charges (?:were|have been|had been) dropped|case (?:was|has been|had been) (?:closed|dropped|dismissed)' },
  { type: 'acquittal', frame: 'noun', pattern: 'acquittal|pardon|amnesty' },
  // "overturned the conviction of X", "quashed her sentence": the verdict undone.
  { type: 'acquittal', frame: 'owner', pattern: '(?:overturned|overturns|quashed|quashes|annulled|annuls|set aside|vacated|reversed) ' + P + ' (?:[\\w-]+ )?(?:conviction|verdict|sentence|guilty verdict)s?' },
  { type: 'imprisonment', frame: 'intrans', pattern: '(?:completing|completed|completes|finished|finishing) (?:a|an|his|her|their|the) [\\w-]+ (?:prison |jail )?(?:sentence|term)|(?:serving|served|serves|serve) (?:(?:more than |over |almost |nearly |about )?' + N + ' ' + UNIT + ') of (?:a|an|his|her|their|the) [\\w-]+ (?:prison |jail )?(?:sentence|term)|(?:spent|spend|spends|spending|served|serving|serves|serve) (?:(?:more than |over |almost |nearly |about |some )?' + N + ' ' + UNIT + ' (?:and ' + N + ' ' + UNIT + ' )?)?(?:in (?:a |the )?(?:[\\w-]+ ){0,2}(?:prison|jail|penal colony|prison colony|labou?r camp)|behind bars)|(?:is|was|are|were|been|remains|remained) (?:still )?(?:in (?:(?:a |the )?[\\w-]+ )?(?:prison|jail)|behind bars)|(?:serving|served|serves) (?:a |an |his |her |the )?(?:\\w+[- ])?(?:year |month )?(?:prison |jail )?(?:sentence|term)' },
  { type: 'imprisonment', frame: 'verb', pattern: 'imprisoned|jailed|incarcerated|locked up' },
  { type: 'imprisonment', frame: 'noun', pattern: 'imprisonment|incarceration' },
  { type: 'release', frame: 'verb', pattern: '(?:granted|gave|given) (?:him|her|them) bail|released|freed|set free|let go|(?:was|were) released on bail' },
  { type: 'release', frame: 'intrans', pattern: 'walked free|walks free|walk free|walked out of (?:prison|jail|custody|the (?:[\\w-]+ )?(?:prison|jail|detention centre|detention center))|(?:left|leaves) (?:prison|jail)' },
  { type: 'release', frame: 'noun', pattern: '(?:early )?release|on bail|on parole' },
  { type: 'ban', frame: 'verb', pattern: '(?:declared|designated|labell?ed|named|listed|branded|added) (?:[\\w’\'-]+ ){1,4}?(?:as |to the (?:list|register) of )?(?:an? )?[“"]?(?:foreign agents?|extremists?|extremist organi[sz]ations?|terrorists?|terrorist organi[sz]ations?|undesirable(?: organi[sz]ations?)?)\\b' },
  { type: 'ban', frame: 'verb', pattern: 'declared (?:an? )?(?:extremist|terrorist|undesirable)|designated (?:as )?(?:an? )?(?:extremist|terrorist|undesirable|foreign agent)|(?:labell?ed|listed as|named) (?:an? )?foreign agent|outlawed|liquidated|deregistered|shut down|blocked|censored|banned' },
  // Closed by the state: "dissolved the Syndicate", "suspended the New Dawn Collective", "switched off the signals of Mlima TV".
  { type: 'ban', frame: 'verb', pattern: 'dissolved|suspended|closed|switched off the signals? of|cut (?:its|their|the) signals?', organizationsOnly: true },
  { type: 'ban', frame: 'owner', pattern: '(?:suspended|revoked|withdrew|withdrawn|cancell?ed|annulled) the (?:[\\w-]+ )?(?:licen[cs]es?|registration|accreditation) of|ordered (?:it|them) off (?:the )?air|(?:took|taken|ordered) (?:[\\w-]+ ){1,3}?off (?:the )?air' },
  { type: 'ban', frame: 'noun', pattern: 'forced (?:it|the \\w+|its \\w+) to close|revoked (?:its|the) (?:licen[cs]e|registration)' },
  { type: 'ban', frame: 'owner', pattern: '(?:suspended|revoked|withdrew|withdrawn|cancell?ed|annulled|stripped (?:it|them) of) (?:its|their) (?:[\\w-]+ )?(?:licen[cs]es?|registration|accreditation)|took (?:it|the \\w+) off (?:the )?air|taken off (?:the )?air' },
  { type: 'assault', frame: 'verb', pattern: 'beaten|beat up|beat|attacked|assaulted|raped|sexually assaulted|tortured|ill-treated|stabbed|shot at|shot|wounded|injured|poisoned|punched|kicked|flogged|lashed|whipped|caned|slapped|mistreated|maltreated|roughed up|clubbed|bludgeoned|pummell?ed|mutilated|burned with cigarettes|subjected to (?:torture|beatings?|electric shocks|ill-treatment|abuse)|given electric shocks' },
  { type: 'assault', frame: 'owner', pattern: '(?:his|her|their) (?:body|bodies|face|back) (?:bore|bears|showed|shows|had|has) (?:visible |clear )?(?:signs|marks|traces|bruises) of (?:torture|beatings?|ill-treatment|violence)' },
  { type: 'assault', frame: 'noun', pattern: 'assaults?|attacks? on|beatings?|torture|ill-treatment|assassination attempt|attempt on (?:his|her) life' },
  { type: 'killing', frame: 'verb', pattern: 'killed|murdered|assassinated|shot dead|executed|slain|beaten to death' },
  { type: 'killing', frame: 'intrans', pattern: 'died (?:at|in) (?:a |an |the )?(?:[\\w-]+ ){0,2}(?:interrogation|detention|police|military|prison) (?:centre|center|facility|station|camp|base|cell|hospital)|died (?:in custody|in prison|in detention|after|of|from|following)|was found dead|were found dead|(?:and|later|been) found dead' },
  { type: 'killing', frame: 'noun', pattern: '(?:the )?(?:dead )?body of' },
  { type: 'killing', frame: 'noun', pattern: 'death in (?:police |military |state )?(?:custody|detention|prison) of|murder of|killing of|assassination of|death of' },
  { type: 'threat', frame: 'intrans', pattern: '(?:was|were|been|being) (?:repeatedly |publicly )?warned (?:by (?:[\\w-]+ ){1,4}?)?(?:to|not to|against|that)' },
  // Watched and followed: "a man followed her home", "two men had been watching their house".
  { type: 'threat', frame: 'verb', pattern: '(?:followed|tailed|trailed|following|follows|follow)(?= (?:him|her|them|me|us|(?:\\S+ ){1,3}?)(?:home|everywhere|around (?:the city|town)|to (?:and from )?(?:work|school|the office)|for (?:days|weeks|months|(?:two|three|several|many) (?:days|weeks|months))))' },
  { type: 'threat', frame: 'intrans', pattern: '(?:was|were|been|being) (?:followed|tailed|trailed|watched)(?= (?:for|by|home|everywhere|around|to and from)\\b)' },
  // "I was told that I would be next", "was told to stop speaking to her daughter".
  { type: 'threat', frame: 'intrans', pattern: '(?:was|were|been|being) told (?:that )?(?:he|she|they|I|we) (?:would|could|will) (?:be (?:next|arrested|imprisoned|jailed|detained|killed|prosecuted|charged|deported|punished)|lose|disappear)|(?:was|were|been|being) told to (?:stop|leave|keep quiet|delete|shut)' },
  { type: 'threat', frame: 'owner', pattern: '(?:watching|watched|watches|monitoring|monitored|staking out) ' + P + ' (?:house|home|flat|apartment|building|family|office)|(?:waited|waiting|sat|sitting|parked|stood|standing|stationed) (?:in (?:a|an) (?:[\\w-]+ )?(?:car|van) )?outside ' + P + ' (?:gate|house|home|building|flat|apartment|door|office)' },
  // "Officers told him he would be imprisoned if he came back": the warning is the fact, the prison is not.
  { type: 'threat', frame: 'verb', pattern: 'told(?= (?:him|her|them|(?:\\S+ ){1,3}?)(?:that )?(?:he|she|they) (?:would|could|will) (?:be (?:arrested|imprisoned|jailed|detained|killed|prosecuted|charged|deported|punished)|lose (?:his|her|their) jobs?|face (?:arrest|prosecution|charges)|disappear))' },
  { type: 'threat', frame: 'verb', pattern: 'warned (?:him|her|them) (?:to|not to|against|that)|warned by (?:[\\w-]+ ){1,4}?(?:to stop|to end|to quit|to give up|not to|against|that)|followed by (?:unknown |unidentified |plain-?clothes )?(?:men|agents|officers|people|cars?)|threatened|intimidated|harass(?:ed|es)|blackmailed|wiretapped|spied on|followed by (?:security|police|unknown)|stalked' },
  { type: 'threat', frame: 'noun', pattern: 'threatening (?:phone |text |telephone )?(?:calls|messages|letters|texts|visits)|anonymous (?:phone |telephone )?(?:calls|letters|messages|threats)|(?:phone |telephone )?calls (?:warning|threatening)|(?:messages|letters|notes?) (?:warning|threatening)|(?:death )?threats|intimidation|harassment|under surveillance|surveillance' },
  { type: 'lawsuit', frame: 'verb', pattern: 'sued|fined' },
  { type: 'lawsuit', frame: 'intrans', pattern: '(?:paid|paying|pay|pays|ordered to pay) a fine' },
  { type: 'lawsuit', frame: 'noun', pattern: 'lawsuits?|libel suits?|defamation (?:suits?|cases?)|civil suits?|a fine of' },
  { type: 'exile', frame: 'intrans', pattern: '(?:fled|flee|flees|fleeing)(?! the scene| the area| the building| on foot)|escaped (?:to|into|from|abroad|the country)|(?:left|leave|leaves|leaving) (?:his|her|their|the) (?:country|homeland)|emigrated|went into exile|(?:lives?|living|lived) in exile|(?:has|have|had) (?:resided|lived) (?:in|as an? (?:recogni[sz]ed )?(?:refugee|exile|asylum seeker))|resides in|(?:moved|relocated|move|relocate) (?:to|abroad)|settled (?:in|here|there)|(?:sought|seek|took|take) refuge' },
  { type: 'exile', frame: 'noun', pattern: 'exiled|in exile' },
  { type: 'exile', frame: 'intrans', pattern: 'crossed (?:the border )?into|(?:walked|crossed|fled|escaped|slipped) (?:across|over) the border (?:into|to)', needsPlace: true },
  { type: 'exile', frame: 'intrans', pattern: 'left|leaves|leaving', needsPlace: true },
  { type: 'deportation', frame: 'verb', pattern: 'deported|expelled|extradited(?= to \\w+ from)|(?:denied|refused) entry|barred from entering|banned from entering|turned back at the border' },
  { type: 'deportation', frame: 'intrans', pattern: '(?:was|were|been) (?:forcibly )?(?:put on a (?:plane|flight)|flown|sent back|returned|bundled onto a (?:plane|flight)) to' },
  { type: 'deportation', frame: 'intrans', pattern: '(?:forcibly|forcefully|involuntarily) (?:returned|repatriated|sent back|transferred) to|repatriated' },
  { type: 'deportation', frame: 'noun', pattern: 'deportation|expulsion|entry ban' },
  { type: 'asylum_granted', frame: 'intrans', pattern: '(?:granted|received|obtained|got|given|won) (?:political )?(?:asylum|refugee status)' },
  { type: 'asylum_granted', frame: 'verb', pattern: '(?:granted|gave|given|offered) (?:him|her|them|me|us) (?:political )?(?:asylum|refugee status|international protection)' },
  { type: 'asylum_denied', frame: 'owner', pattern: '(?:refused|denied|rejected|turned down|dismissed) (?:his|her|their) (?:asylum |protection |refugee )?(?:applications?|claims?|requests?|bids?|appeals?) for (?:political |international |humanitarian )?(?:asylum|refugee status|protection)|(?:refused|denied|rejected|turned down|dismissed) (?:his|her|their) (?:asylum|refugee|protection) (?:applications?|claims?|requests?|bids?|appeals?)' },
  { type: 'asylum_denied', frame: 'intrans', pattern: '(?:refused|denied|rejected) (?:political )?(?:asylum|refugee status)|(?:asylum|refugee) (?:claim|application|request|status) (?:was|has been|had been) (?:rejected|denied|refused|withdrawn|revoked)|stripped of (?:his |her )?refugee status' },
  { type: 'asylum_application', frame: 'intrans', pattern: '(?:applied|apply|applies|applying|asked|filed) for (?:political |international |humanitarian |temporary )?(?:asylum|refugee status|protection)|(?:sought|seek|seeks|seeking|requested|requesting|awaiting|awaits|await) (?:political )?(?:asylum|refugee status)|asylum (?:application|seekers?|request)' },
  { type: 'asylum_application', frame: 'noun', pattern: '(?:asylum |protection )?(?:applications?|claims?|requests?) for (?:political |international |humanitarian )?(?:asylum|refugee status|protection)' },
  { type: 'extradition_refused', frame: 'verb', pattern: '(?:refused|declined) to (?:extradite|hand over|deport)' },
  { type: 'extradition_refused', frame: 'owner', pattern: '(?:refused|declined|rejected|denied|blocked) (?:the |an |his |her |their )?extradition(?: request)?|(?:will|would) not (?:hand (?:\\w+ )?(?:citizens )?over|extradite)|extradition (?:was|has been) (?:refused|denied|blocked|rejected)' },
  { type: 'extradition_request', frame: 'intrans', pattern: '(?:fighting|fights|fought|faces?|facing|contest(?:s|ing)?|resist(?:s|ing)?) (?:his |her |their )?extradition|extradition (?:request|hearing|case|proceedings)|(?:requested|requests|seeks|sought|seeking|demanded|asked for) (?:his|her|their|the) extradition' },
  // "Kazakhstan asked Ukraine to extradite him": the one to be handed over follows the verb.
  { type: 'extradition_request', frame: 'verb', pattern: '(?:asked|asks|requested|requests|urged|urges) (?:[\\w-]+ ){0,2}to extradite' },
  { type: 'extradition_request', frame: 'noun', pattern: 'extradition' },
  { type: 'extradition', frame: 'verb', pattern: 'extradited|handed (?:him |her |them )?over to|handed (?:him|her|them) to|handed over' },
  { type: 'protest_dispersal', frame: 'noun', pattern: '(?:banned|prohibited|cancell?ed|blocked) (?:the|a|an|their|its|that) (?:[\\w-]+ )?(?:event|rally|march|protest|demonstration|gathering|vigil|commemoration)' },
  { type: 'protest_dispersal', frame: 'noun', pattern: '(?:disperse[ds]?|dispersing|broke up|break up|breaking up|broken up|crushed|cracked down on) (?:the |a |an )?(?:[\\w,-]+ ){0,3}(?:rally|rallies|protests?|demonstrations?|march|marches|gatherings?|pickets?|sit-ins?|vigils?|crowds?|protesters|demonstrators)|prevented (?:\\w+ ){0,3}from holding|crackdown on (?:the )?(?:protests?|protesters|demonstrators|demonstrations)' },
  { type: 'protest', frame: 'intrans', pattern: '(?:joined|join|joining|took part in|take part in|participated in|attended|organi[sz]ed|led|staged|held) (?:the |a |an )?(?:[\\w-]+ ){0,3}(?:protests?|demonstrations?|rall(?:y|ies)|pickets?|march(?:es)?|strikes?|sit-ins?|vigils?|hunger strike)|(?:went|go|goes|is|was) on (?:a )?hunger strike|took to the streets|protested|rallied|marched|demonstrated' },
  { type: 'protest', frame: 'noun', pattern: 'protests?|demonstrations?|rall(?:y|ies)|hunger strike|pickets?|sit-ins?' },
  { type: 'founding', frame: 'intrans', pattern: '(?:took|take|takes|had) a hand in (?:the )?(?:establishment|founding|creation)|(?:co-?)?founded|(?:co-?)?founder of|established|set up|launched|created|formed|leader of|led(?! away| out| off| into| to)|heads|headed', needsObject: true },
];
