/**
 * Common English words that are also the names of things Gloss highlights, so that an alias equal to one of
 * them would light up ordinary prose.
 *
 * Where the list comes from: it was compiled by hand for Gloss, not copied from a published list. We took the
 * collisions the built-in knowledge base already had to defend against (LINE the app vs "line", the Quad vs
 * quad bikes, Cicada the group vs the insect, POTASSIUM on nutrition labels; see docs/matching.md) and looked
 * for the same pattern in the names that fill Asian cyber-policy news: products and companies named after
 * everyday words (Signal, Teams, Edge, Office, Apple, Shell, Oracle), threat-actor naming schemes built from
 * weather and animals (Microsoft's Typhoon/Blizzard/Sandstorm, CrowdStrike's Panda/Bear/Kitten/Chollima),
 * operation and malware names (Aurora, Shadow, Phoenix), and agency shorthand that is also a word (the
 * Agency, the Bureau, the Office, the Council). Every word here is also among the few thousand most frequent
 * English words of general frequency lists (such as the New General Service List), which is what makes
 * it likely to collide; rare words (Cicada, Potassium) are left to per-entity rules in the knowledge base.
 *
 * The list is consulted lower-cased and only for single-word aliases written in lower case or Title case
 * (an all-capitals alias is an acronym and is already case-sensitive).
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `
  able access account act action active address advance agency agent alarm alert alliance amber
  anchor angel apple arch archer army arrow art atlas aurora authority axis badger bank base basin
  bay beacon bear bee bell bird black blade blast blizzard block blue board bolt bond border bridge
  brief bronze brown bureau cabinet cable camp canal capital card carbon cardinal castle cat cell
  center centre chain chair champion channel charter chase circle citadel city civil clear cloud
  club coast cobalt code command commerce commission committee common community compass copper
  core council court cover crane crown crystal cube current cyber dark data dawn defender delta
  desk diamond digital direct dragon dream drive dune eagle earth echo edge element ember emerald
  energy engine equal exchange express eye falcon field fire first fish flash fleet flow forest
  forum fox frame frontier frost future galaxy gate gateway gemini ghost giant glass global gold
  golden granite graph green grid group guard guardian hawk heart horizon house hunter ice index
  iron island jade jaguar key kitten knight lake lancer lantern leopard liberty light lightning
  line link lion local lotus lynx magnet mail map marble market mars matrix maze mercury mesh
  meta metro mint mirror mission monitor moon mountain national native nest network night noble
  north nova oasis ocean office onyx open opera oracle orbit orchid origin pacific palm panda
  panther paper partner patch path peak pearl pegasus phantom phoenix pilot pine pioneer pixel
  planet platinum plaza point polar pole portal post power prime prism project pulse pure quad
  quantum quest radar rain range raven ray red reef ridge river rock rose ruby safe sage salt
  sand sandstorm sapphire scout sea secret secure sentinel shadow shark shell shield signal silk
  silver sky sleet slack snake snow solar sparrow spectrum sphere spider spring square star steel
  stone storm stream strike summit sun swan sword target tempest temple terra thunder tide tiger
  titan tower trade trident triton trust typhoon union unit unity valley vector venus vertex
  viking viper vision vista volt watch water wave web whale white wind window windows winter wolf
  zero zoom teams word excel outlook ally
`
    .split(/\s+/)
    .filter(Boolean),
);
