/**
 * French acronyms that English writes otherwise: the French one kept in the English is no error
 * either (the translator may keep "Insee"'s INSEE), but these are the usual English forms.
 * Data, not code, like src/typography/rules.ts.
 */
export const FRENCH_ACRONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['IA', ['AI']],
  ['IAG', ['AGI']],
  ['PIB', ['GDP']],
  ['UE', ['EU']],
  ['ONU', ['UN']],
  ['OTAN', ['NATO']],
  ['OMS', ['WHO']],
  ['FMI', ['IMF']],
  ['BCE', ['ECB']],
  ['OCDE', ['OECD']],
  ['RGPD', ['GDPR']],
  ['PME', ['SME', 'SMEs']],
  ['TVA', ['VAT']],
  ['PDG', ['CEO']],
  ['DG', ['CEO']],
  ['R&D', ['R&D']],
  ['EAU', ['UAE']],
]);
