/**
 * Swedish texts of the ADML (sv-SE), per key of public/managed_schema.json. The English ones are the schema's
 * own title and description. A key without an entry here stops `npm run admx` with a message saying so.
 */
export const SV_SE = {
  sharedComputer: {
    title: 'Läge för delad dator',
    description:
      'Slår på utloggning vid inaktivitet (300 s), radering av nedladdningar och historik vid varje rensning och att webbläsaren inte sparar lösenord — var och en om inte dess egen nyckel säger annat.',
  },
  protectedDomains: {
    title: 'Skyddade domäner',
    description:
      'Läggs till den inbyggda igenkänningen. En domän omfattar sina underdomäner. Ogiltiga poster ignoreras och visas på inställningssidan.',
  },
  excludedDomains: {
    title: 'Undantagna domäner',
    description:
      'Tas bort från den inbyggda igenkänningen (och från Skyddade domäner). En domän omfattar sina underdomäner.',
  },
  idleTimeoutSeconds: {
    title: 'Utloggning vid inaktivitet efter (sekunder)',
    description:
      '0 = av; annars 15–86400. Efter så här lång tid utan inmatning medan skyddade sessioner är öppna visas en nedräkning på 30 sekunder; sedan rensas allt skyddat och dess flikar stängs. En låst skärm rensar direkt (Chrome, ChromeOS, Edge).',
  },
  purgeOnTabCloseSeconds: {
    title: 'Väntetid efter att sista fliken stängts (sekunder)',
    description: '0–60. Hur länge efter att en sessionsgrupps sista flik stängts den rensas.',
  },
  clearDownloads: {
    title: 'Radera nedladdningar',
    description:
      'Filer som laddats ned från skyddade webbplatser raderas från disken och från nedladdningslistan vid varje rensning.',
  },
  clearHistory: {
    title: 'Radera historik',
    description: 'Historikposter för skyddade webbplatser raderas vid varje rensning.',
  },
  clearFormData: {
    title: 'Radera formulärförslag',
    description:
      'Vid varje rensning raderas de förslag som formulärfält erbjuder (ett namn, ett personnummer): webbläsaren sparar dem för alla webbplatser, så alla webbplatsers förslag sedan den tidigaste inloggningen i de rensade sessionerna raderas, högst de senaste 3 timmarna.',
  },
  disablePasswordSaving: {
    title: 'Ingen lösenordssparning',
    description:
      'Webbläsaren erbjuder inte att spara lösenord (och autofyll av adresser och kort är av) så länge detta är på.',
  },
  lockSettings: {
    title: 'Lås inställningarna',
    description:
      'Inställningssidan visar inställningarna men inget kan ändras där; val som gjorts där tidigare gäller inte längre.',
  },
  startPage: {
    title: 'Startsida',
    description:
      'En http(s)-adress: dit ett fönster går när en rensning stänger dess sista flik. Standard: webbläsarens nya flik.',
  },
  optInPacks: {
    title: 'Inloggningspaket som slås på',
    description:
      'Slår på inloggningspaket som är av som standard: login-microsoft, login-google, login-visma. Att rensa dem loggar ut en person från allt som använder den inloggningen.',
  },
  healthReport: {
    title: 'Hälsorapport för utloggning',
    description:
      'Räknar, per e-tjänst, hur ofta dess egen utloggning lämnade inloggningstjänsten inloggad. Sparas bara på den här datorn; av (false) stänger av den. Standard: på.',
  },
};
