"""The phrases that signal danger now, and the ones that only look like it, per language.

Patterns are regular expressions over folded text (lowercase, no accents, apostrophes
kept as spaces, single spaces). They are written for the way people type: no accents,
common misspellings spelled out as alternatives (never fuzzy matching, which crosses
meanings: 'verwachting' is not 'verkrachting'). Kept in code, not in the editable content,
so no content change can switch danger detection off.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------
# Danger now. kind -> patterns (all languages together; each pattern is one language).
# ---------------------------------------------------------------------------------------
DANGER: dict[str, tuple[str, ...]] = {
    "suicide": (
        r"\b(finish|end|ending|ended|stop) (it|my life|everything|myself|it all)\b(?! (is|was) )", r"\b(finish|finishing) my life\b", r"\bfinir (ma vie|avec tout|avec la vie)\b",
        r"\b(last|final) (msg|message|text|goodbye|words)\b", r"\b(point|reason|use) (of|in|to) (waking|living|live|go on|going on|being alive)\b",
        r"\b(cant|can t|cannot|can not) take (it|this|this life|life) (no|any) ?more\b", r"\b(platform edge|train tracks|railway|treinspoor|spoor|les rails|voie ferree|under a train|voor de trein|sous le train|sous un train)\b",
        r"\b(morgen|tomorrow|demain) (ben ik|i will|i ll|je serai|jserai) (er )?(niet meer|not be|no longer|plus la|pu la)\b", r"\b(wont|won t|will not) (wake up|be around|see tomorrow)\b",
        r"\b(ik maak|i ll make|i will make) (er )?(vannacht|vanavond|tonight|today|vandaag) (een )?(einde|an end)\b", r"\been einde aan\b.{0,30}\b(maak|maken)\b",
        r"\b(slaappillen|sleeping pills|somniferes|cachets|pillen|pills|tabs|medicaments|medicijnen).{0,40}\b(gespaard|saved|klaar|ready|tonight|vanavond|vannacht|ce soir|all of them|allemaal|tous|toutes|neem ik ze)\b",
        r"\b(drink|drinken|boire|bois|neem|take|prendre) (ik |i |je )?(het |the |le |la )?(gif|poison|vergif)\b", r"\b(gif|poison).{0,30}(klaar|ready|pret|prete|staat)\b",
        r"\b(sta|stand|standing|staan|je suis) (nu )?(op|on|sur) (de|het|the|le|la) (brug|bridge|pont|dak|roof|toit|rand|edge|bord)\b",
        r"\b(sorry|pardon|desole|vergeef) (voor alles|for everything|pour tout)\b", r"\b(zeg|tell|dis) (tegen|to|a) .{0,20}(dat ik van|that i love|que je l aime|sorry)\b",
        r"\b(im|i m|i am) done\b(?! with (the|my|this) (form|paper|application|work|job|question))", r"\bik ben er klaar mee\b.{0,40}\b(leven|life|alles)\b",
        r"\b(ik )?kan (echt )?niet meer\b.{0,30}\b(leven|verder|zo)\b", r"\bmi no kan moro\b", r"\bj en peux plus\b.{0,30}\b(vivre|vie|continuer)\b",
        r"\b(tonight|vannacht|vanavond|ce soir|cette nuit) (i|ik|je|j) (go |will |ga |vais |gonna )?(drink|drinken|boire|take|nemen|prendre|swallow|slikken|avaler)\b",
        r"\b(me foutre en l air|en finir|me supprimer|disparaitre pour de bon|plus envie d etre la)\b",
        r"(nooit meer|never|jamais) (wakker worden|wake up|me reveiller)", r"(ne |n )?plus (me )?reveiller",
        r"(weggegeven|given away|gave away|give away|donne|distribue) (al )?(mijn|my|all my|mes|toutes mes) (spullen|things|stuff|affaires|belongings)",
        r"(niemand|nobody|no one|noone|personne) (gaat|zal|will|would|va|ne va) (me |mij )?(missen|miss me|me manquer|me regretter)",
        r"(brug|bridge|pont|trein|train|dak|roof|toit|flat|building|immeuble).{0,20}(springen|jump|sauter|me jeter)",
        r"\b(i will|i ll|ill|i am going to|im going to|gonna|ik ga|ik wil|je vais|jvais|j vais|je veux) (jump|springen|sauter)",
        r"(standing|staan|sta|suis|debout|ben) (on|op|sur) (the |de |het |le |la )?(bridge|brug|pont|roof|dak|toit|rails|spoor)",
        r"(bord|au bord) (des|du) (rails|quai|pont|vide)", r"(next|prochain|volgende) (train|trein)",
        r"(raison|raisons) de vivre", r"(serai|serais|sera) (plus|pu) (la|ici)", r"(wont|won t|will not) be (here|alive|around)",
        r"(lettre|brief|letter) (d adieu|van afscheid|of goodbye|goodbye)", r"(wrote|ecrit|geschreven).{0,20}(letter|lettre|brief).{0,30}(goodbye|adieu|afscheid|daughter|fille|dochter|son|fils|zoon|family|famille)",
        r"(saved|saving|gespaard|garde|gardes|stock).{0,20}(pills|pillen|cachets|comprimes|medicaments|medicijnen)",
        r"(take|nemen|prendre|slikken|avaler) (all|alle|tous|toutes) (of )?(them|my pills|the pills|mijn pillen|mes cachets|mes medicaments|ze|les)",
        r"(wan|want) end am", r"(no|not) fit (again|continue)", r"(rope|touw|corde)", r"(sleep|slapen|dormir) (forever|for ever|voor altijd|pour toujours)",
        r"(disparaitre|verdwijnen|disappear) (pour toujours|voor altijd|forever)",
        r"(want|wil|veux) (it|het|que ca) (all )?(to )?(stop|ophouden|s arrete|arreter)",
        # nl
        r"(niet|nie) meer (willen |wil )?(leven|levn)", r"\bwil (dood|sterven|niet meer leven)",
        r"\bik wil (er )?(niet meer|nie meer) (zijn|wezen)", r"dood (willen|wil|gaan) ",
        r"zelf ?moord", r"zelfmoort", r"zelfdoding", r"suicid",
        r"(mezelf|mijzelf|mn eigen|me zelf) (iets )?(aan ?doen|aandoen|doden|ophangen|van kant|wat aan)",
        r"(er |een )?(een )?eind(e)? aan (maken|mijn leven|te maken|het leven)",
        r"zie het (echt |allemaal )?(niet|nie) meer zitten", r"(het|t) leven heeft geen zin",
        r"geen zin (meer )?in (het |mijn )?leven", r"(beter|beter af) (als|zonder) (ik|mij) (er )?(niet|nie|dood)",
        r"beter af zonder mij", r"wil (er )?niet meer zijn", r"ik (stop|kap) ermee,? (voor altijd|met leven)",
        r"(afscheid|vaarwel|dag) (van|aan) (iedereen|jullie).*(niet meer|laatste)",
        r"voor de trein (springen|gaan)", r"van (een |het )?(dak|brug|flat) (springen|af)",
        r"wil (het|t) (niet meer|nie meer) volhouden", r"\bik kan (echt )?niet meer (verder|leven)",
        r"pillen (ingenomen|genomen|slikken) om", r"laatste (bericht|keer dat)",
        # en
        r"kill(ing)? (my ?self|myslef|mysef)", r"\bkms\b", r"end(ing)? (my|it) (life|all)",
        r"end it (all|tonight|now|today)", r"\bi (just )?want(ed)? to end it", r"want(ed)? to die",
        r"wanna die", r"(do ?n[o']?t|dont|do not) want to (live|be alive|be here|exist|wake up)",
        r"no reason to (live|go on|keep going)", r"better off (dead|without me)",
        r"take my (own )?life", r"to end it all", r"(can ?n?o?t|cant|can't) (go on|do this) anymore",
        r"(everyone|everybody|my family|they).{0,20}better (off )?without me",
        r"(no point|no use) (in )?(living|to live|going on|anymore)", r"(this is )?my (last|final) (message|goodbye)",
        r"(say|saying) goodbye (to|forever)", r"goodbye (forever|everyone)", r"not (be )?here tomorrow",
        r"jump (off|from) (a |the )?(bridge|building|roof)", r"(hang|hanging) my ?self",
        r"(plan|planning|going) to (die|end)", r"life is (not|no longer) worth",
        r"(tired|sick) of (living|being alive|life)", r"i dey (wan|want) die", r"make i die",
        # fr
        r"\b(je|j|jveux|jvais|jsuis|moi)\b.{0,20}\bme (tuer|suicider|suicide|pendre|jeter)", r"\bme (suicider|suicide|pendre)\b", r"envie de me tuer", r"envie de (mourir|mourrir|crever|disparaitre)",
        r"ve(u|ux|ut) (mourir|mourrir|crever|disparaitre)", r"(plus|pas|pa) envie de vivre",
        r"(ne |n )?(veu|veux|veut|ve) (plus|pu) vivre", r"mettre fin a (mes jours|ma vie|tout)",
        r"en finir", r"j en peux plus de (cette |la )?vie", r"(mieux|bien) sans moi",
        r"(adieu|au revoir) (a tous|pour toujours|tout le monde)", r"(dernier|derniere) (message|fois)",
        r"ma vie (n a|na|a) (plus )?(aucun|pas de|plus de) sens", r"plus (aucune )?raison de vivre",
        r"(finir|terminer) (avec )?ma vie", r"(sauter|me jeter) (du|d un|d une|par la|sous)",
    ),
    "selfharm": (
        r"\b(cutting|cuts|cut|kras\w*|gekrast|snij\w*|coupe\w*|entaille\w*) (on )?(in )?(his|her|my|their|mijn|me|mn|zijn|haar|mes|ses|son|sa) (arm|arms|leg|legs|wrist|wrists|skin|been|benen|pols|polsen|bras|jambe|jambes|poignet|poignets|peau|cuisse)\b",
        r"\b(did|made) \d+ cuts\b", r"\b(blade|razor|scheermes\w*|mesje|lame|rasoir)\b.{0,40}\b(hand|arm|leg|cut|cuts|snij\w*|couper|coupe|been|pols)\b",
        r"\b(branden|burning|bruler|brule)\b.{0,30}\b(aansteker|lighter|sigaret|cigarette|briquet)\b", r"\b(aansteker|lighter|sigaret|cigarette|briquet)\b.{0,30}\b(branden|burn|bruler|brule|been|arm|bras|jambe)\b",
        r"\b(gekrast|krassen|kras) (in|op) (me|mijn|mn) (arm|been|pols|benen)\b", r"\bga weer (snijden|snijen|krassen)\b",
        r"(mezelf|me) .{0,15}(snijden|gesneden|aan het snijden)", r"(arm|pols|polsen|been|benen|dij|buik).{0,10}(gesneden|snijden|gekrast|sneed)",
        r"(brand|verbrand|brandde) (mezelf|me|mijn)", r"(hoofd|head|tete) .{0,20}(tegen de muur|against the wall|contre le mur)",
        r"taillad", r"(poignet|poignets|veines|wrist|wrists|pols|polsen|aders)", r"(scars|littekens|cicatrices).{0,20}(fresh|new|nieuwe|nouvelles)",
        r"(mezelf|mijzelf) (snijden|snij|te snijden|pijn doen|krassen)", r"\bsnij (mezelf|me) (in|open)",
        r"(cut|cutting|cuttin|hurt|hurting|burn|burning) (my ?self|myslef|my (arm|arms|wrist|wrists|skin|leg|legs|thigh|thighs|body|stomach|belly))",
        r"self ?harm", r"me (scarifier|faire du mal|fais du mal)", r"me (couper|coupe|bruler|brule|taillade|scarifie) (les |mes |le |la |ma )?(veines|poignets|poignet|bras|cuisse|cuisses|jambe|jambes|ventre|peau)",
        r"(je me |jme |j me )(fais du mal|fais mal expres)",
        r"(scarif|automutil)", r"(lame|rasoir|razor|scheermes|mesje).{0,30}(pols|wrist|poignet|arm|bras)",
    ),
    "overdose": (
        r"\b(bunch|handful|box|pack|whole box|whole pack|strip|plaquette|boite|doos|doosje|strip) (of |de |met |van )?(pills|tabs|tablets|pillen|tabletten|cachets|comprimes|medicaments)\b",
        r"\btoo much (heroin|drugs|coke|cocaine|alcohol|medicine|meds|pills|methadone|insulin)\b", r"\b(trop de|te veel) (drogue|heroine|cocaine|medicaments|pillen|drugs|insuline|methadon)\b",
        r"\b(drink|drank|drunk|drinks|dey drink|bu|boit|dronk|drinkt|gedronken) (that |the |some |de |het |du |de la |la )?(bleach|javel|bleekwater|toilet liquid|cleaning liquid|wc eend|chloor|petrol|benzine|essence)\b",
        r"\bswallowed\b.{0,30}\b(box|tabs|pills|tablets|bottle|batteries|battery)\b", r"\b(wodka|vodka|alcohol|drank|alcool)\b.{0,20}\b(en|and|et|met|with|avec) (pillen|pills|cachets|medicaments|slaappillen)\b",
        r"\b(inject\w*|spuit\w*|shot up)\b.{0,20}\b(too much|te veel|trop)\b", r"\b(grey|gray|grijs|gris|blue around the mouth|blauw om de mond)\b.{0,40}\b(not|niet|pas|dont|doesn t|won t)\b",
        r"(wordt|word|werd) (niet|nie) (meer )?wakker", r"(al|alle) (mijn|zijn|haar) (pillen|medicijnen|tabletten)", r"all (my|his|her) (pills|meds|medication|tablets)",
        r"tous (mes|ses) (cachets|medicaments|comprimes)",
        r"(schoonmaakmiddel|bleekwater|bleek|chloor|ammoniak|javel|bleach|cleaning (liquid|product)|detergent|produit menager|produit de nettoyage|lessive|wasmiddel|afwasmiddel|antivries|antigel).{0,30}(gedronken|opgedronken|ingeslikt|drank|drunk|swallowed|bu|avale|binnen)",
        r"(drank|drunk|bu|avale|gedronken|swallowed|ingeslikt|dronk) .{0,20}(schoonmaakmiddel|bleekwater|bleach|javel|detergent|produit|chloor|ammoniak)",
        r"(lippen|lips|levres) (worden|are turning|turning|deviennent|zijn|sont|are|gaan) (blauw|blue|bleues|bleu)",
        r"\b\d+ (paracetamol|pills|tablets|pillen|tabletten|cachets|comprimes|doliprane|ibuprofen|oxazepam)",
        r"(foam|foaming|schuim|mousse|bave).{0,20}(mouth|mond|bouche)", r"(lips|lippen|levres) (are |zijn |sont )?(blue|blauw|bleues|bleu)",
        r"avale (toute|tout|tous|la|les|le)", r"(plaquettes|boites|strips|doosjes|packs|boxes).{0,20}(vides|leeg|empty)",
        r"overdos", r"over dos", r"(veel|alle|een doos|hele doos|heel veel|te veel) (pillen|tabletten|medicijnen|paracetamol)",
        r"(pillen|tabletten|medicijnen|paracetamol) (ingenomen|geslikt|genomen)",
        r"vergiftig", r"gif (gedronken|ingenomen|geslikt)", r"(bleekmiddel|chloor|wc eend|ontstopper) (gedronken|ingeslikt|op)",
        r"(many|lot of|lots of|all (my|the|his|her)|whole (box|bottle|pack)|too many|plenty) (of )?(pills|tablets|meds|medicine|paracetamol|sleeping pills)",
        r"\b(took|swallowed|drank|have taken|has taken|just took)\b .{0,25}\b(pills|tablets|bleach|poison|chemicals|rat poison)\b",
        r"(not|isnt|is not|wont|won t) (waking|wake) up",
        r"(beaucoup|trop|toute la boite|tous (mes|les|ses)|plein) (de |des )?(medicaments|comprimes|cachets|pilules|doliprane)",
        r"(pris|avale|bu|bois) .{0,25}(medicaments|comprimes|cachets|pilules|javel|poison|produit)",
        r"empoisonn", r"(se |ne se )?reveille (pas|plus)", r"(niet|nie) (meer )?wakker (te krijgen|worden|wordt)",
        r"krijg (hem|haar|m) niet wakker",
    ),
    "medical": (
        r"\bfloppy\b", r"\b(wont|won t|will not|doesnt|does not|can t|cant) (wake|wake up)\b", r"\b(shaking|schudt|schokt|tremble|convulse)\b.{0,30}\b(on the floor|op de grond|par terre|au sol|5 min|minutes|minuten|long|lang)\b",
        r"\b(having|has) a fit\b", r"\blips?\b.{0,15}\b(blue|purple|blauw|paars|bleues|violettes)\b", r"\b(blue|purple|blauw|paars) (lips|lippen)\b",
        r"\bblood (coming|pouring|everywhere|dey comot|won t stop|wont stop|all over|like a tap)\b", r"\b(soaking|soaked) (through|with blood)\b", r"\bblood dey\b",
        r"\b(schuim|foam|bave|mousse) (uit|from|de|aux|op) (de |the |la )?(mond|mouth|bouche|levres)\b",
        r"\b(borst|chest|poitrine)\b.{0,25}\b(zwaar|heavy|druk|pressure|serre|lourde|pijn|pain|mal)\b.{0,60}\b(zweet|sweat|sueur|transpire|nat|arm|kaak|jaw|machoire)\b",
        r"\b(nek|neck|nuque)\b.{0,40}\b(koorts|fever|fievre|stijf|stiff|raide)\b", r"\b(paarse|purple|violet\w*) (vlekjes|vlekken|spots|taches)\b",
        r"\b(40|41|42) (graden|degrees|degres)\b.{0,60}\b(slap|floppy|wakker|wake|stijf|stiff|vlek|spots|taches|convuls|stuip)\b",
        r"\b(baby|bebe|kindje|pikin)\b.{0,40}\b(not breathing|ademt niet|respire plus|respire pas|wont wake|wordt niet wakker|eyes rolling|ogen draaien|yeux qui tournent)\b",
        r"\b(eyes|ogen|yeux) (rolling|rollen|draaien|tournent)\b", r"\b(belly|belle|buik|ventre)\b.{0,40}\b(blood|bloed|sang)\b.{0,30}\b(plenty|veel|beaucoup|pregnant|zwanger|enceinte|months|maanden|mois)\b",
        r"\b(heart|hart|coeur)\b.{0,20}\b(slow slow|very slow|heel langzaam|tres lent|stops|stopt|s arrete)\b",
        r"(face|visage|gezicht|mond|mouth|bouche).{0,25}(one side|un cote|een kant|hanging|droop|tordu|scheef|de travers|pend)",
        r"(cant|can t|cannot|not able to|kan niet|kan niet meer|peut plus|peut pas|arrive plus a) (talk|speak|praten|spreken|parler)( properly| well| goed| bien)?",
        r"respire (tres |trop |vraiment )?mal", r"\b(not|no|isnt|is not) (answering|responding|reacting|moving)\b(?! (my|our|the|to|since|for|his phone|her phone))", r"(ne )?(reagit|bouge) (plus|pas|pa)\b(?! (depuis|au telephone|a mes|aux|a nos|sur|de))",
        r"(par terre|au sol|tombe|tombee|allonge|allongee|evanoui|evanouie|yeux fermes).{0,40}(repond|reagit) (plus|pas|pa)\b",
        r"(repond|reagit) (plus|pas|pa) quand (on|je|nous) (lui )?(parle|appelle|secoue)",
        r"(reageert|beweegt|antwoordt) (niet|nie|nergens)", r"(bleeding|bloedt|saigne) (from|uit|de la|du|de) (head|hoofd|tete|neck|nek|cou)",
        r"(is |est |il est |ist )?(tout |all |helemaal |heel )(bleu|blue|blauw|gris|grey|gray|grijs)",
        r"(shaking|tremble|trilt|schokt) .{0,20}(not|pas|niet|foam|bave|schuim)", r"(fever|koorts|fievre).{0,30}(stiff|stijve|raide|convuls|stuip)",
        # nl
        r"(kan|kn|kun|kunnen) (niet|nie|bijna niet|nauwelijks|geen) (meer )?(ademen|adem halen|lucht)",
        r"ademt (niet|nie|bijna niet|nauwelijks)", r"geen (adem|lucht) meer", r"bewusteloos", r"buiten bewustzijn",
        r"hartaanval", r"hart ?stilstand", r"(bloedt?|bloeden) (erg|heel erg|heel veel|veel|zo veel|zoveel|hevig|enorm)",
        r"(veel|heel veel|zoveel) bloed", r"flauw ?gevallen", r"beroerte", r"scheve (mond|gezicht)",
        r"(pijn|druk) op (de|mijn|haar|zijn|mn) borst", r"epileptische aanval", r"(stuip|stuiptrekking)",
        r"(valt|viel|ligt) (om|neer) en (beweegt|reageert) (niet|nie)", r"reageert (niet|nie) meer",
        r"(weeen|bevalling|vliezen).{0,40}(bloed|bloeden)", r"(zwanger).{0,40}(veel bloed|bloed verlies|bloedverlies|bloeden)",
        r"(baby|kind|kindje).{0,25}(ademt niet|blauw|reageert niet)",
        r"(keel|tong|gezicht) (zwelt|dik|opgezwollen).{0,30}(adem|lucht)",
        # en
        r"(can ?n?o?t|cant|can't|unable to) breath", r"cannot breath", r"(hard|trouble|difficulty|struggling) (to )?breath",
        r"(not|isnt|isn t|stopped|stop) breath", r"no (breath|air)", r"unconscious", r"heart attack",
        r"bleed(ing)? (a lot|badly|heavily|so much|too much|alot|wont stop|won t stop|everywhere)",
        r"(lot|lots|so much|too much) (of )?blood", r"blood (everywhere|wont stop|won t stop)", r"passed out",
        r"(fainted|collapsed) and", r"stroke", r"face (is )?droop", r"(chest|heart) (pain|pains|hurts|is hurting|tight)",
        r"pain in (my|his|her|the) (chest|heart)", r"(seizure|fitting|convuls)", r"(not|isnt|doesnt|won t|wont) respond",
        r"(throat|tongue|face|lips) (is |are )?(swelling|swollen|closing)", r"anaphyla",
        r"(pregnant|labou?r|contractions).{0,40}(bleeding|blood)", r"(baby|child|kid|son|daughter).{0,25}(not breathing|turning blue|blue lips|stiff neck)",
        r"stiff neck", r"(choking|chocking)",
        # fr
        r"(peu?x|peut|arrive|arrives|arrivons) (plus|pas|pa|pu) (a |à )?(respir|respi)", r"respire (plus|pas|pa|mal)",
        r"(in|sans) ?conscien", r"crise cardiaque", r"arret cardiaque",
        r"saign(e|es|er|ent|ement) (beaucoup|trop|bcp|enormement|fort|abondamment|sans arret|partout)",
        r"(beaucoup|bcp|plein) de sang", r"(douleur|mal|serre|serrement).{0,15}(poitrine|coeur|thorax)",
        r"\bavc\b", r"(evanoui|perdu connaissance|tombe dans les pommes)", r"(convuls|crise d epilep|epileptique)",
        r"(bouche|visage) (tordu|de travers)", r"(enceinte|accouch|contractions).{0,40}(sang|saign)",
        r"(bebe|enfant|petit).{0,25}(respire (plus|pas)|devient bleu|tout bleu|nuque raide)", r"nuque raide",
        r"(gorge|langue|visage) (gonfle|enfle)", r"s etouffe",
    ),
    "violence": (
        r"\b(shoot|shot|stab|steken|neersteken|schieten|tirer sur|buter|planter) (me|mij|moi|you|je)\b", r"\b(gonna|going to|will|gaat|va|vont) (shoot|stab|schieten|steken|tirer|planter|buter) (me|mij|moi)?\b",
        r"\b(cutlass|machete|machette|panga|bat|honkbalknuppel|knuppel|batte|barre de fer|hamer|hammer|marteau)\b.{0,40}\b(wait\w*|wacht\w*|attend\w*|outside|buiten|dehors|door|deur|porte|coming|komt|vient|hit|slaan|frapper)\b",
        r"\b(tonight|vannacht|vanavond|ce soir) (i|you|je|jij|ik|tu) (go )?(die|dood|ga je dood|ga ik dood|vas mourir|mourras)\b", r"\bvannacht ga je dood\b", r"\b(say|said|zegt|zei|dit|a dit) .{0,15}(tonight|vannacht|ce soir) .{0,10}(die|dood|mourir|crever)\b",
        r"\b(man|men|guy|dude|mannen|homme|hommes|someone|iemand|quelqu un) (with|met|avec) (a |een |un |une )?(gun|knife|mes|couteau|pistool|pistolet|machete|cutlass|bat|knuppel|arme|wapen)\b",
        r"\b(wil|wants to|veut|want) (mij|me|moi) (pijn doen|hurt|faire du mal|faire mal)\b", r"\b(slaat|breaks|smashing|casse|kapot)\b.{0,20}\b(raam|window|fenetre|deur|door|porte)\b",
        r"\b(zit|hide|hiding|verstopt|cache|cachee|je suis) (ik )?(in|under|behind|onder|achter|dans|sous|derriere) (de|het|the|a|la|le|un|une)? ?(kast|closet|cupboard|bathroom|toilet|wc|badkamer|placard|salle de bain|toilettes|lit|bed)\b",
        r"\b(dey hide|i dey hide)\b", r"\b(beating|hitting|kicking|attacking) (my|his|her|the|a) (brother|sister|friend|wife|husband|mother|father|neighbou?r|man|woman|boy|girl)\b",
        r"(vannacht|vanavond|tonight|ce soir|cette nuit).{0,25}(vermoord|kill|tuer|doodmaken|afmaken)", r"(vermoord\w*|kill|tuer|doodmaken|afmaken).{0,20}(vannacht|vanavond|tonight|ce soir|cette nuit)",
        r"\b(threaten\w*|pointing|points|holds|holding|heeft een|hield een|tient|menace|bedreigt|bedreigen|dreigt)\b.{0,20}\b(knife|gun|mes|pistool|couteau|pistolet|arme|wapen)\b",
        r"\b(knife|gun|mes|couteau|pistool|pistolet|arme|wapen) (to|at|op|tegen|sur|on) (me|my|mij|mijn|moi|ma|mon|my throat|ma gorge)\b",
        r"(beating|hitting|attacking|stabbing|kicking|punching) (my|a|the|him|her|someone|somebody)", r"(tabass|lynch)",
        r"(frappent|battent|tapent|cognent) (mon|ma|un|une|le|la|quelqu)", r"(slaan|schoppen|steken) (mijn|iemand|hem|haar)",
        r"(banging|bangs|kicking|hitting|tape|frappe|cogne|bonkt|bonst|slaat|trapt) (on )?(the |my |a la |la |ma |op de |tegen de )?(door|porte|deur)",
        r"(chasing|chase|run after|courent apres|court apres|achtervolg|achter (me|mij) aan)",
        r"(vient|viendra|va venir|arrive|coming|komt|kommt).{0,40}(me faire payer|hurt me|kill me|beat me|me tuer|me frapper|vermoorden|slaan)",
        r"(pour|to) me faire payer", r"(deja|already|al eens|vroeger ook).{0,20}(casse|broke|gebroken).{0,20}(bras|arm|jambe|leg|nez|nose|ribs|cotes)",
        r"(aidez|aide) ?moi\b.{0,5}$", r"au secours",
        # nl
        r"(slaat|schopt|mishandelt|wurgt|bedreigt|sloeg|trapt|steekt) (me|mij|mn|mijn moeder|ons)",
        r"\bwil (me|mij|ons) (vermoorden|doden|dood maken|doodmaken|afmaken)", r"(gaat|komt) (me|mij|ons) (vermoorden|doden|afmaken|pakken)",
        r"(me|mij) (dood|vermoorden)", r"(mes|pistool|wapen) (op|tegen) (me|mij|mijn)",
        r"(hij|zij|ze|mijn man|mijn vriend|mijn vader) (staat|is) (voor|aan) de deur",
        r"\bin gevaar\b", r"(me|mij|ons) (gaat|gaan|wil|willen|zal|komt|komen) (vermoorden|doden|afmaken|doodmaken|slaan|steken)",
        r"(hij|zij|ze|mijn man|mijn vriend|mijn vader|mijn ex|mn ex|mn man) (staat|is|zijn|staan) (nu )?(voor|aan|bij) (de|mijn|onze) (deur|kamer)",
        r"(me|mij|ons) (bedreigen|bedreigt|bedreigde|slaan|aanvallen|mishandelen|schoppen) (met|nu|elke)", r"(nu|op dit moment|net|zojuist|vannacht).{0,30}(geslagen|geschopt|mishandeld|aangevallen)",
        r"ben bang dat hij (me|mij) (vermoordt|doodmaakt)",
        r"help.{0,10}(hij|ze) slaat", r"\bhelp me\b.{0,20}(slaat|slaan|pijn)",
        # en
        r"(hits|hit|beats|beat|beating|hitting|kicks|kicking|chokes|choking|strangl\w*|punch\w*|slap\w*|stab|stabs|stabbed|stabbing|attack|attacks|attacking|attacked|threaten\w*) (me|us|my mum|my mom|my mother)",
        r"(going|gonna|wants?|will|try(ing)?) (to )?kill (me|us)", r"kill me tonight", r"\bin danger\b",
        r"(coming|come) back to (hurt|kill|beat)", r"(outside|at) (my|the) door",
        r"not safe (at home|here|tonight|now)", r"e dey (beat|hit|kill) me", r"(dey|de) beat me",
        r"(he|she|they) (is|are) (hurting|beating|hitting) (me|us)",
        # fr
        r"me (frappe|bat|battait|frappait|menace|etrangle|tape|cogne|poignarde)", r"(veut|va|vont|veulent) (me|nous) (tuer|frapper)",
        r"\ben danger\b", r"(frappe|bat|tape) (ma mere|mes enfants|moi)",
        r"(il|elle|ils) (est|sont) (devant|a) (la|ma) porte", r"(revient|reviendra|va revenir) (pour )?(me|nous) (frapper|tuer|faire du mal)",
    ),
    "child": (
        r"\b(dochter|zoon|nichtje|neefje|meisje|girl|daughter|niece|fille|fils|niece|gamine)\b.{0,40}\b(in een auto gestapt|got in(to)? a car|monte dans une voiture|montee dans une voiture|meegegaan met|went with a man|left with a man|partie avec un|parti avec un)\b",
        r"\b(daughter|son|child|kid|dochter|zoon|kind|fille|fils|enfant|pikin)\b.{0,40}\b(didnt come back|did not come back|not come home|niet thuisgekomen|niet terug|pas rentre|pas revenu|pas revenue|nog steeds niet|still not|phone off|telefoon staat uit|telephone eteint)\b",
        r"\b(14|13|15|16|12) ?(yo|year old|jaar|ans)\b.{0,80}\b(picking her up|picking him up|gestapt|meegenomen|in a car|in een auto|dans une voiture|has her passport|heeft haar paspoort|a son passeport|terrified|doodsbang)\b",
        r"\b(lock|locked|opgesloten|sluit|enferme\w*)\b.{0,30}\b(dark room|donkere kamer|chambre noire|no food|geen eten|sans manger)\b",
        r"\b(small kid|little kid|toddler|klein kind|kleuter|peuter|petit enfant|jeune enfant)\b.{0,40}\b(alone|alleen|seul|seule)\b.{0,40}\b(highway|snelweg|road|weg|autoroute|route|water|canal|gracht|canal)\b",
        r"\b(shaking|shakes|schudt|secoue)\b.{0,20}\b(baby|bebe|kindje|the child|het kind|l enfant)\b.{0,20}\b(hard|heel hard|fort|really)\b",
        r"\b(rijdt|drive|drives|conduit|jette|throw)\b.{0,30}\b(in het water|into the water|dans l eau|into the canal|in de gracht|du pont)\b.{0,40}\b(kinderen|children|kids|enfants|baby|bebe|ze|them|les)\b",
        r"\b(kinderen|children|kids|enfants|baby|bebe)\b.{0,40}\b(rijdt|drive|drives|conduit)\b.{0,30}\b(water|canal|gracht|eau)\b",
        r"\b(baby|bebe|kindje)\b.{0,15}\b(door|through|par)\b.{0,20}\b(de kamer|the room|la piece)\b.{0,15}\b(gegooid|thrown|jete)\b", r"\b(gooit|gooide|gegooid|threw|thrown|jete|lance)\b.{0,25}\b(baby|bebe|kindje)\b",
        r"(dochter|zoon|kind|kindje|daughter|son|child|kid|fille|fils|enfant|petit|petite|nichtje|neefje|niece|nephew|niece).{0,30}(is weg|kwijt|vermist|missing|disparu|disparue|perdu|perdue|introuvable)",
        r"(meegegaan|gone|went|left|partie|parti) (met|with|avec) (een|a|un) (man|homme|onbekende|stranger|inconnu)",
        r"(will|going to|gonna|va|veut|gaat|wil) (throw|kill|hurt|jeter|tuer|frapper|gooien|vermoorden|doden) (her|him|my baby|the baby|my child|the child|le bebe|mon bebe|ma fille|mon fils|de baby|mijn kind|mijn baby|haar|hem)",
        r"(girl|boy|child|kid|baby|meisje|jongen|kind|kindje|enfant|petit|petite|fille|garcon|bebe).{0,40}(locked|opgesloten|enferme|alone|alleen|seul|seule).{0,40}(hours|uur|heures|days|dagen|jours|freezing|cold|vriest|froid|crying|huilt|pleure)",
        r"(le|la|l) (frappe|bat|tape) .{0,20}(pleur|crie|cri)", r"(slaat|schopt) (hem|haar|het kind|de kleine)",
        r"(kind|kinderen|zoon|dochter|baby|kindje).{0,30}(geslagen|slaat|mishandeld|in gevaar|kwijt|vermist|weg en)",
        r"(slaat|mishandelt|schopt) (mijn|het|de) (kind|kinderen|zoon|dochter|baby)",
        r"(child|children|kid|kids|son|daughter|baby).{0,30}(being (hit|beaten|hurt)|in danger|missing|is gone|disappeared|taken)",
        r"(beating|hitting|hurting|hurt) (my|the|a|his|her) (child|children|kid|kids|son|daughter|baby)",
        r"(enfant|enfants|fils|fille|bebe|petit|petite).{0,30}(frappe|battu|en danger|disparu|introuvable|enleve)",
        r"(frappe|bat|tape) (mon|ma|mes|l|le|la) ?(enfant|enfants|fils|fille|bebe)",
    ),
    "locked": (
        r"\b(locked|lock|lock am|locks|closed|sloot|doet dicht|dicht gedaan|ferme|ferment)\b.{0,25}\b(from outside|van buiten|de l exterieur|the gate|het hek|la porte|de deur|the door)\b.{0,60}\b(since|sinds|depuis|no water|geen water|pas d eau|cannot|can t|kan niet|peux pas|allow|dey allow|laat|laten|laisse)\b",
        r"\b(no dey allow|not allow|won t allow|dont allow|doesnt allow|laten me niet|laat me niet|me laisse pas|nous laisse pas)\b.{0,20}\b(comot|go out|leave|gaan|weg|buiten|sortir|partir)\b",
        r"\b(vastgehouden|held|being held|retenu|retenue|detenue|kept prisoner)\b.{0,40}\b(house|huis|maison|flat|room|kamer|chambre|club|farm|boerderij|ferme)\b",
        r"\b(container|vrachtwagen|truck|camion|trailer)\b.{0,60}\b(locked|dicht|closed|ferme|no water|geen water|pas d eau|heet|hot|chaud|can t breathe|niet weten waar)\b",
        r"(sluit|sluiten|sloot) (me|mij|ons) .{0,25}\bop\b", r"(houdt|houden|hield) (me|mij|ons) (hier )?vast", r"(deur|door|porte) (op slot|locked|ferme a cle|fermee a cle)",
        r"(niet|never|pas|not) (buiten|outside|dehors) (geweest|been|sortie|sorti)",
        r"(moeten|moet|must|have to|doit|dois|doivent|forced to|gedwongen) (met|with|avec) (mannen|klanten|men|clients|hommes)",
        r"(keep|keeps|keeping|kept) (me|us) (here|inside|in|locked|prisoner)", r"(they|he|she) (keep|keeps) me\b", r"(cant|can t|cannot|can not) (go|get) out",
        r"(watch|watching) (me|us) all the time", r"(writing|typing|schrijf|ecris|j ecris) (from|vanuit|vanaf|depuis) (the |de |het |les )?(toilet|bathroom|wc|toilettes|badkamer)",
        r"(ne|n) ?(peux|peut|pouvons|puis) (pas|plus) sortir", r"(mag|kan|kunnen|mogen) (niet|nooit) (naar buiten|weg|de deur uit)",
        r"(paspoort|passport|passeport).{0,40}(locked|opgesloten|enferme|cant leave|can t leave|niet weg|pas partir|ne me laisse)",
        r"(opgesloten|sluit (me|mij|ons) op|laat (me|mij|ons) niet (gaan|weg|naar buiten)|mag (het huis )?niet (weg|naar buiten))",
        r"(kan|mag) (het huis |de deur )?niet (uit|weg)", r"deur (op slot|dicht).{0,30}(niet weg|kan niet)",
        r"(locked|lock) (me|us) (in|up)", r"(locked|locked up|lock up) (in|inside)", r"(i am|im|i m|we are) locked",
        r"(wont|won t|will not|doesnt|does not|not) (let|allow) (me|us) (leave|go|out)", r"(cannot|can t|cant) (leave|get out)",
        r"(enferme|enfermee|enfermes|m enferme|nous enferme)", r"(laisse|laissent) pas sortir", r"(peux|peut|pouvons) pas sortir",
        r"(bloque|bloquee|sequestre|sequestree)",
    ),
    "sexual": (
        r"\b(forced|forces|forcing) (himself|herself|themselves) on (me|her)\b", r"\b(door|by|par) (drie|twee|3|2|trois|deux|three|two|een paar|several)? ?(mannen|men|hommes)\b.{0,20}\b(gepakt|genomen|raped|violee|pris|taken)\b",
        r"\b(doet|does|did|fait) (dingen|things|des choses) (met|to|a) (mij|me|moi)\b", r"\b(iets|something|quelque chose) in (mn|mijn|my|mon) (drink|drankje|glas|glass|verre|boisson)\b",
        r"\b(trekt|pulls|pulling|dragging|tire|traine) (me|mij|moi) (mee|along|with him|avec lui)?.{0,20}\b(auto|car|voiture|kamer|room|chambre|bed)\b",
        r"(met|with|avec) (zijn|his|son|de|een|a|un) (klant|klanten|client|customer|vriend|ami|friend) .{0,25}(hotel|slapen|sleep|coucher)",
        r"\b(he is|he s|hes|hij|il|they are|ze|ils) (forcing|dwingt|dwingen|force|forcent) (me|mij)\b", r"\b(il|ils) me force\b", r"(take|taking|pull|pulling|rip|ripping|trek|trekt|uittrekken|enlever|arracher) (off )?(my|mijn|mes) (clothes|kleren|vetements)",
        r"(tire|tiree|getrokken|pulled|dragged|threw) .{0,15}(sur le lit|op bed|on the bed|onto the bed)", r"(touch|touching|betast|touche) (me|mij|moi)\b.{0,30}(against|zonder|sans|force|wil niet|veux pas|dont want)",
        r"\bverkracht\b", r"(net|zojuist|gisteren|vannacht|vandaag) .{0,20}(verkracht|aangerand)",
        r"(dwingt|dwong|dwingen) (me|mij) (tot )?(seks|te neuken|sex)", r"\b(raped|rapped|rape me|raping me)\b", r"forc\w* (me )?(to have )?(sex|into sex)",
        r"(sexually )?assaulted (me|just|now|last night|tonight|today)",
        r"\b(viole|violee|violer|violes|violees)\b", r"(force|oblige|forcee|obligee) .{0,15}(sexe|coucher|rapport)",
    ),
}

# ---------------------------------------------------------------------------------------
# Near misses: spans removed before matching, because they only look like danger.
# ---------------------------------------------------------------------------------------
IDIOMS: tuple[str, ...] = (
    r"\b(niet|not|no|pas|don t want|dont want|wil niet|veux pas)\b.{0,25}\b(per ongeluk |by accident |par accident |accidentally )?(een |an |a |une )?(overdos\w*)\b",
    r"\b(per ongeluk|by accident|par accident|accidentally) (een |an |a |une )?(overdos\w*)\b",
    # nl
    r"(schrik|lach|verveel|werk|zoek|schaam|erger) (me|mij|mezelf) (dood|rot|kapot|een ongeluk)",
    r"ga (bijna )?dood van (de )?(honger|dorst|verveling|schaamte|het lachen|de stress)",
    r"dood ?moe", r"doodsbang", r"doodziek van", r"(maakt|maken) (me|mij) (kapot|gek|dood)",
    r"(word|wordt) (er )?gek van", r"ik (ga|word) (er )?(nog )?(gek|dood) van",
    # en
    r"(is|are|its|it s|this|these|that) (\w+ )?(killing|kill) me", r"killing me softly",
    r"dead (tired|bored|broke|serious)", r"dying (to|for) ", r"dying of (boredom|laughter|curiosity|shame|hunger|thirst)",
    r"(scared|bored|worried|tired|sick) to death", r"kill (the )?time", r"(my )?(phone|battery) (is )?(dead|dying)",
    r"could (just )?die of", r"died laughing", r"kill (the|this) (process|application|case)",
    r"(a )?(shot|shots|jab|injection) for",
    r"\b(suicide|suicidaire|zelfmoord|zelfdoding) ?(hotline|helpline|prevention|preventie|line|lijn|ligne|nummer|number|numero|cijfers|rate|taux)\b", r"\bzelfmoordpreventie\b",
    r"\b(on the job|at work|op het werk|op mijn werk|au travail|while cooking|in de keuken|en cuisine|by accident|per ongeluk|accidentally|par accident|sans faire expres)\b",
    r"\b(mouse|mice|muizen|muis|souris|cafards|kakkerlakken|cockroach\w*) ?(traps|vallen|val|pieges)\b",
    r"\b(poison|gif|vergif) (for|voor|pour|tegen|against|contre) (the |de |les )?(rats|mice|muizen|ratten|souris|cafards|insects|insecten)\b",
    r"\b(cut|cuts|burn|burned|burnt|snij|snijd|sneed|brand|brandde|coupe|coupee|brule|brulee)\w* (my ?self|mezelf|me|mij)\b.{0,40}\b(on the job|at work|op het werk|au travail|in de keuken|en cuisine|accident\w*|per ongeluk)\b",
    r"\bshoot (a|an|me a|you a|u a) (message|mail|email|e mail|text|msg|dm|quick)\b",
    r"\b(opgesloten|enferme|locked in|trapped) gevoel\b", r"\b(gevoel|feeling|sentiment) (van )?(opgesloten|enferme|trapped|locked)\b",
    r"\bhoeveel .{0,30}(mag|kan) (je|ik)\b",
    r"\b(blood (pressure|tests|sugar|work|donation)|prise de sang|analyse de sang|tension|sugar level|bloed ?(druk|onderzoek|prikken|suiker|test))\b",
    r"\b(had|has had|heeft (een )?\w* ?(gehad)|a eu|a fait|avait fait) (a |an |een |un |une )?(stroke|beroerte|avc|heart attack|hartaanval|crise cardiaque|infarct)\b",
    r"\b(enferme|enfermee|opgesloten|locked up|vast|vastgezet|detenu|detenue) (a|in|au|dans le|dans la|dans un|en|op) (zeist|rotterdam|schiphol|detentie|detention|centre|centrum|prison|gevangenis|cel|cellule|retention|the detention|een detentiecentrum)", r"(will|would|gonna|going to) kill me if", r"(kills|kill) me (if|when)",
    r"(me tue|me tuera|va me tuer) (si|quand)", r"(vermoordt|vermoorden|maakt) (me|mij) (af )?(als|wanneer)",
    r"(what is|whats|what s|c quoi|c est quoi|qu est ce qu|wat is|wat gebeurt (er )?bij) (an |a |une |un |een )?(overdos|avc|stroke|beroerte|hartaanval|heart attack)",
    r"(not|never|niet|nooit|pas|jamais) (thinking|think|denk|pense|pensé) (about|of|aan|a) (hurting|killing|suicide|zelfmoord|me tuer|me faire du mal|mezelf)\w*( my ?self| mezelf)?",
    r"(used to|vroeger|autrefois|avant je) .{0,20}(cut|snijden|coupais|frappait|sloeg|beat|hit)", r"(took|take|taking) (my|a) (shot|vaccine)",
    # fr
    r"mort de (fatigue|rire|faim|peur|honte)", r"(meurs|meurt|mourir|crever) de (faim|soif|rire|fatigue|chaud|froid|honte|envie)",
    r"(ca|cela|ces papiers|cette situation|l ind|le stress|ce travail|ce boulot) (me|nous) (tue|tuent|rend fou|rend folle)",
    r"(tuer|tue) le temps", r"peur bleue", r"(je suis |suis )?creve\b",
)

# A sentence with one of these (and no word for 'now') is about the past or about someone
# else's life, not about danger now.
PAST_OR_OTHER: tuple[str, ...] = (
    r"\b(\d+|twee|drie|vier|vijf|paar|een paar|enkele|vele) (jaar|jaren|maanden|weken) (geleden|terug)",
    r"\b(vorig|vorige) (jaar|maand|week)", r"\b(in|sinds) (19|20)\d\d", r"\b(toen ik|toen we|vroeger|in mijn land)\b",
    r"\b(\d+|two|three|four|five|few|a few|several|many) (years|months|weeks) ago", r"\blast (year|month)\b",
    r"\b(when i was|back home|in my country|back in)\b",
    r"\bil y a (\d+|deux|trois|quatre|cinq|quelques|plusieurs) (ans|an|mois|semaines)",
    r"\b(l annee derniere|l an dernier|le mois dernier|quand j etais|dans mon pays|au pays)\b",
    r"\b(used to|vroeger|toen we samen|when we lived|quand on vivait|me frappait|me battait|sloeg me vroeger)\b",
    r"\b(stel dat|stel er|stel je voor|suppose|imagine|supposons|admettons|what if|what happens if|wat als|et si)\b",
    r"\b(als|wanneer|if|when|si|quand) (ik|i|je|j|we|on|someone|iemand|quelqu un) (ooit |ever |un jour )?(in gevaar|in danger|en danger|aangevallen|attacked|agresse)",
    r"\b(ya|y a|il y a) ((\d+|deux|trois|quatre|cinq|quelques|plusieurs) (ans|an|mois|semaines)|longtemps)",
    r"\b(al jaren|al maanden|for years|for months|for a long time|depuis des annees|depuis des mois|depuis longtemps|depuis (\d+|deux|trois|quelques) (ans|mois))\b",
    r"\b(last (yr|yrs)|vorig jr|l an passe|l annee passee|toen ik \d+ was|when i was \d+|quand j avais \d+ ans)\b",
    r"\b(film|movie|documentary|documentaire|docu|series|serie|news|nieuws|journal|book|boek|livre|nollywood|tv)\b",
    r"\b(if|als|si) .{0,25}\b(one day|ooit|un jour|again|opnieuw|encore|happen again|weer gebeurt|arrive encore)\b",
    r"\b(in|uit) (libie|libya|libye|marokko|turkije|griekenland|greece|grece|italie|italy|mijn land|my country|mon pays)\b.{0,40}\b(zat|was|were|etais|opgesloten|locked|enferme)\b",
    r"\b(gisteren|yesterday|hier|vorige week|last night|la nuit derniere)\b.{0,40}\b(gehad|had|a eu|j ai eu|il a eu|elle a eu)\b",
    r"\b(last (week|winter|summer|spring|autumn|fall|time)|vorige (week|winter|zomer|keer)|afgelopen (winter|zomer|jaar)|la semaine derniere|la semaine passee|l hiver dernier|l ete dernier|la derniere fois)\b",
    r"\b(tried to|probeerde|a essaye de|heeft geprobeerd)\b.{0,30}\b(last|vorig|dernier|ago|geleden|il y a)\b",
    r"\b(si un jour|if one day|if ever|als ooit|als hij ooit|au cas ou|just in case|voor het geval|in the future|in de toekomst|a l avenir|again in the future)\b",
    r"\b(overleden|overleed|is gestorven|stierf|died|passed away|decede|est mort|est morte|s est suicide|took (his|her) (own )?life|pleeg(de)? zelfmoord)\b",
)
# "Safe now" is not a word for danger now.
SAFE_NOW: tuple[str, ...] = (
    r"\b(safe|veilig|en securite|securite|fine|ok|okay|better|beter|mieux|ca va) (now|nu|maintenant|mtn)\b",
    r"\b(niks|niets) (aan de hand|gebeurd)\b", r"\b(pas|not|niet|no longer|plus|geen|nicht) (en danger|in danger|in gevaar)\b", r"\bnothing (is )?(happening|going on|wrong)\b", r"\brien ne se passe\b",
    r"\b(nu|now|maintenant) (gaat het|it s|its|ca va) (wel|beter|ok|okay|better|mieux|goed|fine)\b", r"\bnow he is ok\b", r"\b(nu|now|maintenant) (is|gaat) (hij|zij|ze|he|she|il|elle) (weer )?(oke|ok|okay|better|beter|mieux|goed)\b",
    r"\b(now|nu|maintenant) (i am|im|i m|ben ik|je suis|jsuis) (safe|veilig|en securite|fine|ok|better|beter|mieux)\b",
    r"(c pas|ce n est pas|c est pas|it s not|its not|not|het is niet|niet) (le cas )?(happening )?(maintenant|now|nu)\b",
)
# Words that put a danger in the present even beside a word for the past.
STRONG_NOW: tuple[str, ...] = (
    r"\b(op dit moment|nu meteen|vannacht|vanavond|zojuist|right now|tonight|just now|at the moment)\b",
    r"\b(en ce moment|la maintenant|ce soir|cette nuit|tout de suite)\b",
)
# Jokes: a violent word in a laughing sentence is an idiom.
JOKE = r"\b(haha\w*|hihi|lol|mdr|ptdr|xd)\b|😂|🤣"
NOW: tuple[str, ...] = (
    r"\b(nu|nou|nu meteen|op dit moment|vannacht|vanavond|vandaag|net|zojuist)\b",
    r"\b(now|right now|tonight|today|just now|at the moment|currently)\b",
    r"\b(maintenant|mtn|ce soir|cette nuit|aujourd hui|en ce moment|tout de suite)\b",
)
# Questions about emergency services or rights, asked calmly, are not alarms.
ABOUT_SERVICES: tuple[str, ...] = (
    r"\b(can|may|mag|kan|peut|peux|puis)[- ](i|ik|je|on|we|jij|you)\b.{0,30}\b(112|ambulance|ambulancier|spoedeisende|urgences|emergency number|noodnummer|numero d urgence)\b",
    r"\b(will|do|does|would|zal|vraagt|vragen|demande|demandent)\b.{0,30}\b(ambulance|112|urgences|the emergency)\b.{0,30}\b(id|papers|papieren|papiers|identi|police|politie|pay|betalen|payer)\b",
)

# Single words that mean danger on their own; a misspelling of one (one or two letters off)
# counts too, but only when the typed word is not itself a real word of any language, so
# 'verwachting' (expecting a baby) never becomes 'verkrachting' (rape).
TRIGGER_WORDS: dict[str, tuple[str, ...]] = {
    "suicide": ("suicide", "suicidal", "suicidaire", "suicider", "zelfmoord", "zelfdoding"),
    "sexual": ("verkracht", "verkrachting", "verkrachten"),
    "overdose": ("overdose", "overdosis"),
    "medical": ("bewusteloos", "unconscious", "inconscient", "inconsciente", "hartaanval"),
}

# ---------------------------------------------------------------------------------------
# Harm words and urgency: a harm word in the same sentence as a sign of urgency is danger
# now, even in words no pattern above foresaw ("he has a bat, help", "hij bloedt, snel").
# ---------------------------------------------------------------------------------------
HARM: dict[str, tuple[str, ...]] = {
    "suicide": (
        r"\b(suicid\w*|zelfmoord\w*|kill(ing)? my ?self|end(ing)? my life|me tuer|me suicider|me foutre en l air)\b",
        r"\b(rope|touw|corde|train tracks|spoor|rails|brug af|van de brug|off the bridge|du pont)\b",
    ),
    "overdose": (
        r"\b(overdos\w*|poison\w*|vergif\w*|bleach|javel|bleekwater)\b",
    ),
    "medical": (
        r"\b(blood|bloed|sang|bleed\w*|bloed(t|en)|saign\w*|breath\w*|ademen|adem|respir\w*|unconscious|bewusteloos|inconscient\w*|seizure|stuip\w*|convuls\w*|fainted|fainting|flauwgevallen|flauwvallen|valt flauw|evanoui\w*|collaps\w*|choking|stikt|s etouffe|purple|paars|violet|floppy|slap|blue lips|blauwe lippen)\b",
    ),
    "violence": (
        r"\b(kill|killing|vermoord\w*|dood ?maken|tuer|buter|crever|knife|mes|couteau|gun|pistool|pistolet|flingue|bat|knuppel|batte|baton|beat|beats|beating|beaten|hits?|hitting|slaat|slaan|sloeg|frapp\w*|tabass\w*|cogne|cognent|cogner|cognait|stab|stabs|stabbed|stabbing|steekt|poignard\w*|choke\w*|wurg\w*|etrangl\w*|attack|attacks|attacking|attacked|aanval\w*|agress\w*|threaten|threatens|threatening|threatened|bedreig\w*|menac\w*|kicking the door|door in|deur in|defonc\w*)\b",
    ),
    "locked": (
        r"\b(locked|lock me|opgesloten|sluit (me|mij) op|enferm\w*|trapped|vast ?gehouden|sequestr\w*|cannot leave|cant leave|kan niet weg|peux pas partir)\b",
    ),
    "sexual": (r"\b(rape\w*|raping|verkracht\w*|viol(e|ee|er)|forced me|dwingt me|me force)\b",),
}
URGENT: tuple[str, ...] = (
    r"\b(right now|rn|now|nu|nou|maintenant|mtn|la maintenant|tonight|vannacht|vanavond|ce soir|cette nuit)\b",
    r"\b(help|hulp|helpen|au secours|aidez|aide moi|sos|please hurry|hurry|quick|quickly|snel|vite|urgent|dringend)\b",
    r"!{2,}",
    r"\b(what (do|should) i do|wat moet ik doen|je fais quoi|jfais quoi|on fait quoi|qu est ce que je fais)\b",
)
